"""Checking many files: --format jsonl, --jobs, --files-from, worker crashes, lazily built rules."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from checker import lexicon, rulecache
from checker.cli import main
from checker.errors import RulePackError
from checker.rules import builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "fixtures" / "articles" / "fr").glob("*.txt"))[:4]
CLEAN = sorted((ROOT / "fixtures" / "clean" / "fr").glob("*.txt"))[:2]
FILES = [str(p) for p in ARTICLES + CLEAN]


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        saved = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        code = main(list(argv), out, err)
    finally:
        if stdin is not None:
            sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "mtlint-cache"))


def test_fixtures_present() -> None:
    assert len(ARTICLES) >= 2 and CLEAN


def test_jsonl_lines_match_json_report() -> None:
    code_json, out_json, _ = run("check", "--format", "json", "--lang", "fr", *FILES)
    code_lines, out_lines, _ = run("check", "--format", "jsonl", "--lang", "fr", *FILES)
    report = json.loads(out_json)
    lines = [json.loads(x) for x in out_lines.splitlines()]
    assert lines[:-1] == report["files"]
    assert lines[-1] == {"summary": report["summary"]}
    assert code_lines == code_json


def test_jsonl_is_written_file_by_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line is written before the next file is checked."""
    import checker.runner

    seen: list[int] = []
    out = io.StringIO()
    original = checker.runner.Runner.check_target

    def spy(self, target):  # noqa: ANN001, ANN202
        seen.append(len(out.getvalue().splitlines()))
        return original(self, target)

    monkeypatch.setattr(checker.runner.Runner, "check_target", spy)
    main(["check", "--format", "jsonl", "--lang", "fr", *FILES[:3]], out, io.StringIO())
    assert seen == [0, 1, 2]


def test_jobs_two_gives_the_same_report() -> None:
    one = run("check", "--format", "json", "--jobs", "1", *FILES)
    two = run("check", "--format", "json", "-j", "2", *FILES)
    assert one == two
    text_one = run("check", "--no-color", *FILES)
    text_two = run("check", "--no-color", "-j", "2", *FILES)
    assert text_one == text_two
    assert json.loads(one[1])["settings"]["rules"]


def test_jobs_jsonl_same_as_serial_and_in_order() -> None:
    files = FILES + FILES[:2]
    serial = run("check", "--format", "jsonl", *files)
    parallel = run("check", "--format", "jsonl", "-j", "3", *files)
    assert serial == parallel
    paths = [json.loads(x).get("path") for x in parallel[1].splitlines()[:-1]]
    assert paths == files


def test_jobs_zero_means_cpus() -> None:
    assert run("check", "--format", "json", "-j", "0", *FILES[:2]) == run("check", "--format", "json", *FILES[:2])
    code, _, err = run("check", "-j", "-1", FILES[0])
    assert code == 2 and "--jobs" in err


def test_files_from(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(FILES[1:]) + "\n\n", encoding="utf-8")
    expected = run("check", "--format", "json", *FILES)
    assert run("check", "--format", "json", "--files-from", str(listing), FILES[0]) == expected
    assert run("check", "--format", "json", "--files-from", "-", FILES[0], stdin=listing.read_text()) == expected
    code, _, err = run("check", "--files-from", str(tmp_path / "absent.txt"))
    assert code == 2 and "absent.txt" in err
    code, _, err = run("check", "--files-from", "-", "-")
    assert code == 2 and "standard input" in err


def test_files_from_missing_entry_is_an_error_entry(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{FILES[0]}\n{tmp_path / 'gone.txt'}\n", encoding="utf-8")
    code, out, err = run("check", "--format", "jsonl", "--files-from", str(listing))
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 2 and "gone.txt" in err
    assert lines[1]["error"]["code"] == "missing" and lines[0]["error"] is None
    assert lines[-1]["summary"]["errors"] == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unreadable_file_keeps_its_place(tmp_path: Path, jobs: str) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    bad = tmp_path / "locked.txt"
    bad.write_text("Un texte.", encoding="utf-8")
    bad.chmod(0)
    code, out, _ = run("check", "--format", "jsonl", "-j", jobs, FILES[0], str(bad), FILES[1])
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x.get("path") for x in lines[:-1]] == [FILES[0], str(bad), FILES[1]]
    assert lines[1]["error"]["code"] == "unreadable" and code == 2


@pytest.mark.parametrize("attempt", range(3))  # the pipe's EOF and the process exit race: try both orders
def test_worker_crash_becomes_an_error_entry(monkeypatch: pytest.MonkeyPatch, attempt: int) -> None:
    """A worker killed while checking a file: that file gets an error entry, the others are checked (no hang)."""
    import checker.runner

    original = checker.runner.Runner.check_target

    def deadly(self, target):  # noqa: ANN001, ANN202
        if target.display == FILES[1]:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, target)

    monkeypatch.setattr(checker.runner.Runner, "check_target", deadly)
    code, out, err = run("check", "--format", "jsonl", "-j", "2", *FILES[:4])
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x.get("path") for x in lines[:-1]] == FILES[:4]
    assert lines[1]["error"]["code"] == "crash"
    assert all(lines[i]["error"] is None for i in (0, 2, 3))
    assert code == 2 and FILES[1] in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_exception_outside_rules_becomes_an_error_entry(monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    import checker.runner

    def broken(doc, findings, weights):  # noqa: ANN001, ANN202
        raise RuntimeError("scoring broke")

    monkeypatch.setattr(checker.runner, "score_file", broken)
    code, out, _ = run("check", "--format", "jsonl", "-j", jobs, *FILES[:2])
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["error"]["code"] for x in lines[:-1]] == ["internal", "internal"]
    assert "scoring broke" in lines[0]["error"]["message"] and code == 2


def test_stdin_with_jobs() -> None:
    text = Path(FILES[0]).read_text(encoding="utf-8")
    serial = run("check", "--format", "jsonl", "-", FILES[1], stdin=text)
    parallel = run("check", "--format", "jsonl", "-j", "2", "-", FILES[1], stdin=text)
    assert serial == parallel
    assert json.loads(serial[1].splitlines()[0])["path"] == "<stdin>"


# ------------------------------------------------------------ lazily built rules

def _copy_rules(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), root)
    return root


def test_bad_regex_in_english_pack_reported_after_a_cached_load(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)
    first = load_rules([root])  # builds everything and leaves a stamp
    assert all(r.check is not None for r in first.rules)
    target = next(p for p in sorted((root / "en").glob("*.toml")) if 'kind = "pattern"' in p.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    pattern_line = next(line for line in text.splitlines() if line.strip().startswith("pattern"))
    target.write_text(text.replace(pattern_line, 'pattern = "(unclosed"', 1), encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_rules([root])
    assert any(target.name in p and "params" in p for p in exc.value.problems)


def test_bad_regex_in_english_pack_fails_a_french_check(tmp_path: Path) -> None:
    """Checking a French article still reports a bad expression in an English pack (exit 2)."""
    pack = tmp_path / "house-en"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "en"\n', encoding="utf-8")
    (pack / "broken-thing.toml").write_text(
        'code = "HX101"\nname = "broken-thing"\ncategory = "grammar"\nseverity = "minor"\nkind = "pattern"\n'
        'message = "x"\nwhy = "x"\n[params]\npattern = "(unclosed"\n',
        encoding="utf-8",
    )
    for _ in range(2):  # the second run would find a stamp if the first had left one
        code, _, err = run("check", "--lang", "fr", "--rules", str(pack), FILES[0])
        assert code == 2 and "broken-thing.toml" in err


def test_lazy_rules_give_the_same_findings(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)
    eager = load_rules([root])
    assert rulecache.is_validated(rulecache.fingerprint(p.path for p in eager.packs))
    lazy = load_rules([root])
    assert type(lazy.rules[0].check).__name__ == "_LazyCheck"
    from checker.document import Document
    from checker.engine import Engine

    text = ARTICLES[0].read_text(encoding="utf-8")
    results = []
    for ruleset in (eager, lazy):
        engine = Engine([r for r in ruleset.rules if r.enabled], ruleset.packs)
        results.append(engine.check(Document(text, "a", "fr")).findings)
    assert results[0] == results[1] and results[0]


def test_no_cache_means_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    root = _copy_rules(tmp_path)
    (root / rulecache.VALIDATED).unlink()  # nothing remembered and no stamp: every load builds every rule
    load_rules([root])
    assert type(load_rules([root]).rules[0].check).__name__ != "_LazyCheck"


def test_no_cache_with_the_shipped_stamp_builds_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # rules/VALIDATED is not a cache: it says where the rules were stamped that they all build
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    monkeypatch.delenv("MTLINT_IGNORE_VALIDATED", raising=False)
    root = _copy_rules(tmp_path)
    assert type(load_rules([root]).rules[0].check).__name__ == "_LazyCheck"


def test_word_lists_read_directly_equal_wordfreq() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    assert lexicon.frequencies("fr", "best") == wordfreq.get_frequency_dict("fr", "best")
    assert lexicon.frequencies("nl", "small") == wordfreq.get_frequency_dict("nl", "small")
    assert lexicon.available() == frozenset(wordfreq.available_languages())


def test_totals_match_run_report_summary() -> None:
    from checker.parallel import Totals

    _, out, _ = run("check", "--format", "json", *FILES)
    report = json.loads(out)
    _, lines, _ = run("check", "--format", "jsonl", *FILES)
    assert json.loads(lines.splitlines()[-1])["summary"] == report["summary"]
    assert Totals().summary() == {"files": 0, "failed_files": 0, "errors": 0, "issues": 0, "by_severity": {}, "by_category": {}}


def _house(root: Path, code: str, pattern: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "house-word.toml").write_text(
        f'code = "{code}"\nname = "house-word"\ncategory = "calque"\nseverity = "minor"\nkind = "pattern"\n'
        f'message = "x"\nwhy = "x"\n[params]\npattern = \'{pattern}\'\n',
        encoding="utf-8",
    )
    return root


def test_each_rule_root_is_stamped_apart(tmp_path: Path) -> None:
    """A root that built before stays lazy when another root is added or breaks; the new root
    alone is built (a house pack beside the built-in rules does not rebuild them)."""
    first = _house(tmp_path / "first", "HX801", r"\bplateau\b")
    load_rules([first])
    second = _house(tmp_path / "second", "HX802", r"\bcrédits\b")
    both = {r.code: type(r.check).__name__ for r in load_rules([first, second]).rules}
    assert both["HX801"] == "_LazyCheck" and both["HX802"] != "_LazyCheck"
    _house(second, "HX802", r"(unclosed")
    with pytest.raises(RulePackError) as exc:
        load_rules([first, second])
    assert all("second" in p for p in exc.value.problems)
    assert rulecache.is_validated(rulecache.fingerprint([first]))
    assert not rulecache.is_validated(rulecache.fingerprint([second]))
    _house(second, "HX802", r"\bcrédit\b")  # mended: built once more, then lazy with the first
    assert {type(r.check).__name__ for r in load_rules([first, second]).rules} == {"_LazyCheck", both["HX802"]}
    assert {type(r.check).__name__ for r in load_rules([first, second]).rules} == {"_LazyCheck"}
