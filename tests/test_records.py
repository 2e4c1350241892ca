"""Record input (--records), resumable runs (--resume), legacy encodings (--encoding auto)."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import lines_written

from checker.cli import main
from checker.records import Fields, done_keys, read_records

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Le maire a dit que le le projet avance.",
    "Le conseil municipal se réunira mardi prochain pour voter le budget.",
    "La préfecture a annoncé la fermeture de la route départementale.",
    "Les habitants du quartier attendent une réponse depuis des mois.",
    "Partager sur Facebook Partager sur Twitter",
]


def make_records(n: int, seed: int = 1) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    return [
        {"id": f"a{i:05d}", "lang": "fr", "text": " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 4)))}
        for i in range(n)
    ]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def entries(text: str) -> list[dict[str, object]]:
    return [e for e in (json.loads(line) for line in text.splitlines()) if "summary" not in e]


def test_each_record_is_an_entry_with_id_and_hash(tmp_path: Path) -> None:
    import hashlib

    records = make_records(5)
    code, out, err = cli("check", "--records", str(write_jsonl(tmp_path / "in.jsonl", records)), "--format", "jsonl")
    got = entries(out)
    assert [e["id"] for e in got] == [r["id"] for r in records]
    for e, r in zip(got, records, strict=True):
        assert e["sha256"] == hashlib.sha256(str(r["text"]).encode()).hexdigest()
        assert e["lang"] == "fr-FR" or str(e["lang"]).startswith("fr")
        assert e["error"] is None
    doubled = [e for e, r in zip(got, records, strict=True) if "le le" in str(r["text"])]
    assert doubled and all(e["issues"] for e in doubled)
    assert json.loads(out.splitlines()[-1])["summary"]["files"] == 5
    assert code in (0, 1) and err == ""


def test_bad_records_are_error_entries_naming_their_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": 1, "text": "Le projet avance bien cette année."})
    src.write_text("\n".join([good, "not json", '{"id": 2}', '{"id": 3, "text": 5}', "[1]", "", good.replace("1", "4", 1)]) + "\n")
    code, out, err = cli("check", "--records", str(src), "--format", "jsonl", "--lang", "fr")
    got = entries(out)
    assert code == 2
    assert [e["line"] for e in got] == [1, 2, 3, 4, 5, 7]
    bad = [e for e in got if e["error"]]
    assert [e["path"] for e in bad] == [f"{src}:{n}" for n in (2, 3, 4, 5)]
    assert all(f"{src}:{n}:" in err for n in (2, 3, 4, 5))
    assert [e["id"] for e in got if not e["error"]] == [1, 4]


def test_fields_and_markdown_by_path(tmp_path: Path) -> None:
    text = "# Titre\n\n```\nle le code\n```\n\nLe maire a dit que le le projet avance.\n"
    rec = {"key": "x1", "body": text, "file": "news/x1.md", "language": "fr"}
    src = write_jsonl(tmp_path / "in.jsonl", [rec])
    code, out, _ = cli("check", "--records", str(src), "--format", "jsonl", "--text-field", "body",
                       "--id-field", "key", "--lang-field", "language", "--path-field", "file")
    (e,) = entries(out)
    assert e["id"] == "x1" and e["path"] == "news/x1.md"
    # Markdown: the code block is not checked, the prose is.
    assert [i["text"] for i in e["issues"] if i["rule"] == "doubled-word"] == ["le le"] or len(
        [i for i in e["issues"] if i["start"] >= text.index("Le maire")]) >= 1
    assert all(not (text.index("```") <= i["start"] < text.rindex("```")) for i in e["issues"])


def test_parquet_records(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = make_records(4)
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet")
    _, out_pq, _ = cli("check", "--records", str(tmp_path / "in.parquet"), "--format", "jsonl")
    _, out_js, _ = cli("check", "--records", str(write_jsonl(tmp_path / "in.jsonl", records)), "--format", "jsonl")
    assert out_pq == out_js


def test_records_need_jsonl_and_resume_needs_output(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(1))
    assert cli("check", "--records", str(src))[0] == 2
    code, _, err = cli("check", "--records", str(src), "--format", "jsonl", "--resume")
    assert code == 2 and "-o OUT" in err


def test_resume_drops_torn_line_and_summary(tmp_path: Path) -> None:
    records = make_records(12)
    src = write_jsonl(tmp_path / "in.jsonl", records)
    full = tmp_path / "full.jsonl"
    cli("check", "--records", str(src), "--format", "jsonl", "-o", str(full))
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    half = tmp_path / "half.jsonl"
    half.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # a torn sixth line
    done = done_keys(half)
    assert done.dropped_torn and done.entries == 5
    assert half.read_text(encoding="utf-8") == "".join(lines[:5])
    code, _, err = cli("check", "--records", str(src), "--format", "jsonl", "-o", str(half), "--resume")
    assert "torn" not in err  # the file was already repaired
    assert sorted(half.read_text(encoding="utf-8").splitlines()) == sorted(full.read_text(encoding="utf-8").splitlines())
    # Resuming a finished output checks nothing and keeps one summary at the end.
    before = half.read_text(encoding="utf-8")
    cli("check", "--records", str(src), "--format", "jsonl", "-o", str(half), "--resume")
    assert half.read_text(encoding="utf-8") == before


def test_resume_without_ids_uses_path_and_hash(tmp_path: Path) -> None:
    records = [{"text": r["text"], "file": f"{i}.txt"} for i, r in enumerate(make_records(6))]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    args = ("check", "--records", str(src), "--format", "jsonl", "--path-field", "file", "--lang", "fr", "-o", str(out))
    cli(*args)
    first = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(first[:3]) + "\n", encoding="utf-8")
    cli(*args, "--resume")
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(first)


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume_gives_every_record_once(tmp_path: Path) -> None:
    records = make_records(150, seed=7)
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "checker", "check", "--records", str(src), "--format", "jsonl", "-o", str(out),
           "--lang", "fr", "--resume"]
    rnd = random.Random(2026)
    kills = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(12):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if kills < 5:
            # Kill at a random point of the progress, not of the clock: warm caches may finish a run
            # before any fixed delay.
            target = rnd.randint(min(lines_written([out]) + 1, 149), 149)
            while proc.poll() is None and lines_written([out]) < target:
                time.sleep(0.01)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
        proc.communicate(timeout=300)
        if proc.returncode in (0, 1):
            break
        assert proc.returncode == -signal.SIGKILL, proc.returncode
    else:
        pytest.fail("the run never completed")
    assert kills >= 1
    lines = out.read_text(encoding="utf-8").splitlines()
    got = [json.loads(line) for line in lines]  # every line whole
    ids = [e["id"] for e in got if "summary" not in e]
    assert sorted(ids) == sorted(r["id"] for r in records)  # each exactly once
    assert "summary" in got[-1] and sum("summary" in e for e in got) == 1
    assert got[-1]["summary"]["files"] == len(records)


def test_read_records_partition_line_numbers(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(10))
    data = src.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 1
    first = list(read_records(str(src), Fields(), end=cut))
    second = list(read_records(str(src), Fields(), start=cut, first_line=len(first) + 1))
    assert [t.line for t in first + second] == list(range(1, 11))


def test_encoding_auto_reads_cp1252(tmp_path: Path) -> None:
    text = "Le ministre a annoncé que le projet de réforme sera présenté à l'Assemblée nationale en février, après l'été.\n"
    legacy = tmp_path / "old.txt"
    legacy.write_bytes(text.encode("cp1252"))
    code, _, err = cli("check", str(legacy), "--lang", "fr", "--format", "json")
    assert code == 2 and "not valid UTF-8" in err
    code, out, err = cli("check", str(legacy), "--lang", "fr", "--format", "json", "--encoding", "auto")
    entry = json.loads(out)["files"][0]
    assert entry["error"] is None and entry["encoding"].lower().replace("_", "").replace("-", "") in ("cp1252", "windows1252", "iso88591", "latin1")
    assert "encoding" in err.lower() or entry["encoding"]
    # Records: a cp1252 line is an error by default, detected with auto.
    rec = (json.dumps({"id": "c", "text": text}, ensure_ascii=False) + "\n").encode("cp1252")
    src = tmp_path / "in.jsonl"
    src.write_bytes(rec)
    code, out, _ = cli("check", "--records", str(src), "--format", "jsonl", "--lang", "fr")
    assert entries(out)[0]["error"]["code"] == "encoding"
    code, out, _ = cli("check", "--records", str(src), "--format", "jsonl", "--lang", "fr", "--encoding", "auto")
    (e,) = entries(out)
    assert e["error"] is None and e["encoding"] and e["id"] == "c"


def test_record_entries_follow_the_report_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from checker.report import report_schema

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in make_records(4)) + "not json\n", encoding="utf-8")
    _, out, _ = cli("check", "--records", str(src), "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    report = {
        "schema": "mtlint-report/1", "tool": {"name": "mtlint", "version": "0"},
        "settings": {"rules": [], "packs": {}, "weights": {"critical": 25, "major": 5, "minor": 1, "info": 0},
                     "fail_on": "minor", "fail_under": None},
        "files": lines[:-1], "summary": lines[-1]["summary"],
    }
    jsonschema.validate(report, report_schema())
    assert len(lines[:-1]) == 5

