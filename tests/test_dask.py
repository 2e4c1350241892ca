"""Dask: the same corpus checked locally and on a LocalCluster of 2 workers gives byte-identical sorted output."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from checker.cli import main
from checker.records import done_keys

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["le", "la", "les", "un", "une", "maire", "projet", "conseil", "ville", "annonce", "mardi", "budget", "route", "habitants", "réunion"]


def corpus(path: Path, generated: int = 120) -> Path:
    """The fixture articles (text and Markdown, with their paths) plus generated records, some bad."""
    lines = []
    fixtures = sorted(p for d in ("articles", "clean") for p in (ROOT / "fixtures" / d).rglob("*") if p.suffix in (".txt", ".md"))
    for i, p in enumerate(fixtures):
        lines.append(json.dumps({"id": f"fx{i}", "path": p.relative_to(ROOT).as_posix(), "text": p.read_text(encoding="utf-8")},
                                ensure_ascii=False))
    rnd = random.Random(14)
    for i in range(generated):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(5, 60))]
        lines.append(json.dumps({"id": f"g{i}", "lang": "fr", "text": " ".join(words).capitalize() + "."}, ensure_ascii=False))
    lines[len(lines) // 2:len(lines) // 2] = ["{broken", json.dumps({"id": "no-text"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow
def test_local_and_cluster_outputs_are_byte_identical(tmp_path: Path, client, monkeypatch) -> None:
    import checker.dask as cd

    src = corpus(tmp_path / "in.jsonl")
    monkeypatch.setattr(cd, "BLOCKSIZE", 40_000)  # several partitions, so that both workers take some
    assert len(cd.partitions([str(src)], 40_000)) >= 4
    args = ("check", "--records", str(src), "--format", "jsonl", "--path-field", "path")
    code_local, local, err_local = cli(*args)
    code_dask, on_cluster, err_dask = cli(*args, f"--dask={client.scheduler.address}")
    assert code_local == code_dask == 2  # the broken records are errors, both ways
    assert sorted(local.splitlines(keepends=True)) == sorted(on_cluster.splitlines(keepends=True))
    assert "".join(sorted(local.splitlines(keepends=True))).encode() == "".join(sorted(on_cluster.splitlines(keepends=True))).encode()
    assert len(local.splitlines()) == len(src.read_text().splitlines()) + 1  # every record, plus the summary
    assert sorted(err_local.splitlines()) == sorted(err_dask.splitlines())
    # Each worker built one Linter for the run and reused it for every partition.
    built = client.run(lambda: len(__import__("checker.dask", fromlist=["_LINTERS"])._LINTERS))
    assert sorted(built.values()) == [1, 1]


@pytest.mark.slow
def test_check_records_bag_and_check_bag(tmp_path: Path, client) -> None:
    import dask.bag as db

    from checker.dask import check_bag, check_records

    src = corpus(tmp_path / "in.jsonl", generated=20)
    lines = check_records([str(tmp_path / "*.jsonl")], blocksize=20_000, lang="fr").compute()
    _, local, _ = cli("check", "--records", str(src), "--format", "jsonl", "--lang", "fr")
    assert sorted(lines) == sorted(local.splitlines()[:-1])
    records = [r for r in (json.loads(x) for x in src.read_text().splitlines() if x.startswith("{\"")) if "text" in r]
    out = check_bag(db.from_sequence(records, npartitions=3), lang="fr").compute()
    assert sorted(json.loads(x)["id"] for x in out) == sorted(r["id"] for r in records)


@pytest.mark.slow
def test_partitioned_output_resumes_per_partition(tmp_path: Path, client) -> None:
    from checker.dask import write_partitions

    src = corpus(tmp_path / "in.jsonl", generated=40)
    out = tmp_path / "out"
    n = write_partitions([str(src)], out, blocksize=30_000, lang="fr", client=client)
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) >= 3 and n == len(src.read_text().splitlines())
    full = {p.name: p.read_text(encoding="utf-8") for p in parts}
    # A run stopped in the middle: one partition torn mid-line, another empty.
    parts[0].write_text(full[parts[0].name][: len(full[parts[0].name]) // 2], encoding="utf-8")
    parts[1].write_text("", encoding="utf-8")
    again = write_partitions([str(src)], out, blocksize=30_000, lang="fr", client=client)
    assert 0 < again < n
    for p in parts:
        assert sorted(p.read_text(encoding="utf-8").splitlines()) == sorted(full[p.name].splitlines())
        assert done_keys(p).entries == len(full[p.name].splitlines())


@pytest.mark.slow
def test_cli_resume_on_the_cluster(tmp_path: Path, client) -> None:
    src = corpus(tmp_path / "in.jsonl", generated=30)
    out = tmp_path / "out.jsonl"
    args = ("check", "--records", str(src), "--format", "jsonl", "--lang", "fr", "-o", str(out))
    cli(*args)
    full = out.read_text(encoding="utf-8")
    lines = full.splitlines(keepends=True)
    out.write_text("".join(lines[:10]) + lines[10][:25], encoding="utf-8")  # stopped mid-line
    code, _, err = cli(*args, "--resume", f"--dask={client.scheduler.address}")
    assert "torn" in err
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(full.splitlines())
