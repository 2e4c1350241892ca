"""Reference and source modes (checker/compare.py and the source-mode rules), on fixtures/compare."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.compare import attach_source, source_of
from checker.document import Document
from conftest import ROOT

FIX = ROOT / "fixtures" / "compare"
NAMES = ["ferry-line.txt", "museum-night.md"]
SOURCE_CODES = {"MT118", "MT119", "MT128", "MT140", "MT141", "MT150", "MT159"}
# other rules of the same category may win a span (the engine keeps one finding per span and category)
ONLY_SOURCE = ("--select", ",".join(sorted(SOURCE_CODES)))


def cli(*argv: str) -> tuple[int, str, str]:
    """main() in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def report(*argv: str) -> tuple[int, dict]:
    code, out, err = cli("check", "--format", "json", "--lang", "fr", *argv)
    assert out, err
    return code, json.loads(out)


def source_issues(rep: dict) -> list[dict]:
    return [i for f in rep["files"] for i in f["issues"] if i["code"] in SOURCE_CODES]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# ------------------------------------------------------------- source mode
def test_source_mode_finds_each_planted_defect_in_the_text_article() -> None:
    mt = FIX / "mt" / "ferry-line.txt"
    text, source = read(mt), read(FIX / "src" / "ferry-line.txt")
    _, rep = report(*ONLY_SOURCE, "--source", str(FIX / "src" / "ferry-line.txt"), str(mt))
    f = rep["files"][0]
    assert f["source"]["path"].endswith("src/ferry-line.txt") and f["source"]["lang"] == "en"
    found = {(i["code"], i["start"]) for i in source_issues(rep)}
    # the expected places are located in the fixture, not written out
    copied = next(s for s in source.split("\n\n")[4].split(". ") if s.startswith("The port"))
    omitted_next = text.index("Deux traversées")
    assert found == {
        ("MT118", text.index("Marcheti")),
        ("MT140", text.index("1 540")),
        ("MT128", text.index(copied)),
        ("MT150", omitted_next),
    }
    by_code = {i["code"]: i for i in source_issues(rep)}
    assert by_code["MT118"]["suggestions"] == ["Marchetti"]
    assert by_code["MT140"]["suggestions"] == ["1,450"]
    assert by_code["MT128"]["text"].rstrip(".") == copied.rstrip(".\n")
    assert "Fishermen's unions" in by_code["MT150"]["message"]
    assert by_code["MT150"]["category"] == "omission" and by_code["MT140"]["category"] == "number-mismatch"
    for i in f["issues"]:
        assert text[i["start"] : i["end"]] == i["text"]


def test_source_mode_on_markdown_keeps_offsets_in_the_original_file() -> None:
    mt = FIX / "mt" / "museum-night.md"
    text = read(mt)
    _, rep = report(*ONLY_SOURCE, "--source", str(FIX / "src" / "museum-night.md"), str(mt))
    codes = sorted(i["code"] for i in source_issues(rep))
    assert codes == ["MT118", "MT128", "MT140", "MT150"]
    for i in rep["files"][0]["issues"]:
        assert text[i["start"] : i["end"]] == i["text"]
    assert {i["text"] for i in source_issues(rep) if i["code"] in ("MT118", "MT140")} == {"Lakatis", "2 800"}


@pytest.mark.parametrize("name", NAMES)
def test_a_faithful_translation_has_no_source_findings(name: str) -> None:
    # the post-edited reference translates the source faithfully: precision control
    _, rep = report(*ONLY_SOURCE, "--source", str(FIX / "src" / name), str(FIX / "ref" / name))
    assert source_issues(rep) == []


@pytest.mark.parametrize("name", NAMES)
def test_without_a_source_the_source_rules_stay_silent(name: str) -> None:
    _, rep = report(str(FIX / "mt" / name))
    assert source_issues(rep) == []
    assert "source" not in rep["files"][0]


def test_source_rules_obey_select_ignore_and_severity_overrides(tmp_path: Path) -> None:
    src, mt = str(FIX / "src" / "ferry-line.txt"), str(FIX / "mt" / "ferry-line.txt")
    _, rep = report("--source", src, "--select", "omission,MT140", mt)
    assert sorted(i["code"] for i in rep["files"][0]["issues"]) == ["MT140", "MT150"]
    _, rep = report("--source", src, "--ignore", "number-mismatch", mt)
    assert "MT140" not in {i["code"] for i in rep["files"][0]["issues"]}
    cfg = tmp_path / ".mtlint.toml"
    cfg.write_text('[severity]\nMT150 = "critical"\n', encoding="utf-8")
    _, rep = report("--config", str(cfg), "--source", src, mt)
    assert [i["severity"] for i in rep["files"][0]["issues"] if i["code"] == "MT150"] == ["critical"]


def test_source_lang_option_and_detection() -> None:
    mt = str(FIX / "mt" / "ferry-line.txt")
    _, rep = report("--source", str(FIX / "src" / "ferry-line.txt"), "--source-lang", "English", mt)
    assert rep["files"][0]["source"]["lang"] == "en"


def test_rules_and_explain_list_the_source_rules() -> None:
    code, out, _ = cli("rules")
    assert code == 0 and all(c in out for c in SOURCE_CODES)
    code, out, _ = cli("explain", "MT150")
    assert code == 0 and "omission" in out


def test_attach_source_stores_the_alignment() -> None:
    doc = Document("Premier paragraphe ici.\n\nDeuxième paragraphe.", "x", "fr")
    alignment = attach_source(doc, "First paragraph here.\n\nSecond paragraph.", "en")
    assert source_of(doc) is alignment and alignment.lang == "en"
    assert alignment.matched() == [(0, 0, pytest.approx(alignment.pairs[0].similarity)), (1, 1, pytest.approx(alignment.pairs[1].similarity))]


def test_short_translation_is_reported_on_its_first_word() -> None:
    from checker.engine import Engine
    from checker.rules import builtin_rules_dir, load_rules

    rs = load_rules([builtin_rules_dir()])
    rule = next(r for r in rs.rules if r.code == "MT159")
    long_src = "The regional council voted on Thursday to fund a new tram line that will link the airport to the old town by 2029."
    doc = Document("Le conseil a voté jeudi.", "x", "fr")
    attach_source(doc, long_src, "en")
    found = Engine([rule], rs.packs).check(doc).findings
    assert [(f.text, f.start) for f in found] == [("Le", 0)]
    doc = Document("Le conseil régional a voté jeudi le financement d'une nouvelle ligne de tramway qui reliera l'aéroport à la vieille ville d'ici 2029.", "x", "fr")
    attach_source(doc, long_src, "en")
    assert Engine([rule], rs.packs).check(doc).findings == []


# ---------------------------------------------------------- reference mode
def test_reference_metrics_equal_sacrebleu_on_the_aligned_pairs() -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER

    mt, ref = FIX / "mt" / "ferry-line.txt", FIX / "ref" / "ferry-line.txt"
    _, rep = report("--reference", str(ref), str(mt))
    f = rep["files"][0]
    hyp_doc, ref_doc = Document(read(mt)), Document(read(ref))
    flat = lambda d, p: " ".join(d.text[p.start : p.end].split())  # noqa: E731
    hyps, refs = [], []
    for p in f["passages"]:
        r = p["reference"]
        h = flat(hyp_doc, hyp_doc.passages[p["index"]])
        g = flat(ref_doc, ref_doc.passages[r["passage"]])
        hyps.append(h)
        refs.append(g)
        assert r["chrf"] == round(CHRF().sentence_score(h, [g]).score, 1)
        assert r["chrfpp"] == round(CHRF(word_order=2).sentence_score(h, [g]).score, 1)
        assert r["bleu"] == round(BLEU(effective_order=True).sentence_score(h, [g]).score, 1)
        assert r["ter"] == round(TER().sentence_score(h, [g]).score, 1)
    # the dropped passage of the translation leaves one reference passage unmatched
    assert len(hyps) == len(hyp_doc.passages) == len(ref_doc.passages) - 1
    assert f["reference"]["reference_unmatched"] == 1
    g = f["reference"]
    for key, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("chrfpp", CHRF(word_order=2)), ("ter", TER())):
        assert g[key] == round(metric.corpus_score(hyps, [refs]).score, 1)
        assert g["signatures"][key] == str(metric.get_signature())
    assert g["path"] == str(ref)


def test_reference_dir_maps_same_relative_paths(tmp_path: Path) -> None:
    code, rep = report("--reference-dir", str(FIX / "ref"), str(FIX / "mt"))
    assert len(rep["files"]) == 2 and code in (0, 1)
    for f in rep["files"]:
        assert f["error"] is None
        assert Path(f["reference"]["path"]).name == Path(f["path"]).name
        assert 0 < f["reference"]["chrf"] < 100


def test_source_dir_maps_same_relative_paths() -> None:
    _, rep = report("--source-dir", str(FIX / "src"), str(FIX / "mt"))
    assert {Path(f["source"]["path"]).name for f in rep["files"]} == set(NAMES)
    assert all({"MT140", "MT150"} <= {i["code"] for i in f["issues"]} for f in rep["files"])


@pytest.mark.parametrize("option", ["--reference", "--source"])
def test_unreadable_companion_is_an_error_naming_it(tmp_path: Path, option: str) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = cli("check", "--lang", "fr", option, str(missing), str(FIX / "mt" / "ferry-line.txt"))
    assert code == 2 and str(missing) in err and str(missing) in out
    code, rep = report(option, str(missing), str(FIX / "mt" / "ferry-line.txt"))
    f = rep["files"][0]
    assert code == 2 and str(missing) in f["error"]["message"] and f["issues"] == []


def test_unreadable_companion_in_a_dir_does_not_stop_the_other_files(tmp_path: Path) -> None:
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "ferry-line.txt").write_text(read(FIX / "ref" / "ferry-line.txt"), encoding="utf-8")
    code, rep = report("--reference-dir", str(refs), str(FIX / "mt"))
    by_name = {Path(f["path"]).name: f for f in rep["files"]}
    assert code == 2
    assert by_name["museum-night.md"]["error"] is not None and "museum-night.md" in by_name["museum-night.md"]["error"]["message"]
    assert by_name["ferry-line.txt"]["error"] is None and "reference" in by_name["ferry-line.txt"]


def test_text_output_and_exit_codes_are_the_same_with_a_reference() -> None:
    mt = str(FIX / "mt" / "ferry-line.txt")
    plain = cli("check", "--lang", "fr", mt)
    with_ref = cli("check", "--lang", "fr", "--reference", str(FIX / "ref" / "ferry-line.txt"), mt)
    assert plain[0] == with_ref[0]
    extra = [line for line in with_ref[1].splitlines() if line not in plain[1].splitlines()]
    assert len(extra) == 1 and "BLEU" in extra[0] and "chrF++" in extra[0]


def test_reference_and_source_need_dir_options_for_many_files() -> None:
    code, _, err = cli("check", "--reference", str(FIX / "ref" / "ferry-line.txt"), str(FIX / "mt"))
    assert code == 2 and "--reference-dir" in err


def test_sacrebleu_is_not_imported_without_a_reference() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from checker.cli import main; "
        f"main(['check', '-q', '--lang', 'fr', '--source', {str(FIX / 'src' / 'ferry-line.txt')!r}, {str(FIX / 'mt' / 'ferry-line.txt')!r}]); "
        "print('sacrebleu' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
