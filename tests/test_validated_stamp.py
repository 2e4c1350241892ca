"""A rules root's ``VALIDATED`` stamp (``rulecache.shipped_validated``, ``tools/stamp_rules.py``):
a first run on a cache directory that has never seen a stamped root builds its rules on first
use, as later runs do, instead of building them all; a stamp that names other files or code,
and ``MTLINT_IGNORE_VALIDATED=1``, bring back the full build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import rulecache, rules
from checker.errors import RulePackError
from checker.rules import builtin_rules_dir, load_rules, pack_dirs

ROOT = Path(__file__).resolve().parent.parent

_RULE = r'''code = "XX201"
name = "doubled-word"
category = "grammar"
severity = "minor"
kind = "pattern"
message = "‘{text}’: a doubled word."
why = "A word written twice in a row."

[params]
pattern = '(?i)\b(\w+) \1\b'

[[examples]]
bad = "C'est [[le le]] chat."

[[examples]]
good = "C'est le chat."
'''


def _make_root(base: Path) -> Path:
    pack = base / "rules" / "fr"
    pack.mkdir(parents=True)
    (pack / "doubled-word.toml").write_text(_RULE, encoding="utf-8")
    (pack / "words.txt").write_text("chat\nchien\n", encoding="utf-8")
    return base / "rules"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The codes of the rules built from their files at load time (``rules._build``)."""
    built: list[str] = []
    original = rules._build

    def count(rule, problems):  # noqa: ANN001, ANN202
        built.append(rule.code)
        return original(rule, problems)

    monkeypatch.setattr(rules, "_build", count)
    monkeypatch.setattr(rulecache, "RACY_NS", 0)  # the files are new: trust their stat at once
    monkeypatch.delenv("MTLINT_IGNORE_VALIDATED", raising=False)
    return built


def _findings(ruleset: rules.RuleSet, text: str) -> list[tuple[str, int, int]]:
    from checker.document import Document
    from checker.engine import Engine

    result = Engine(ruleset.rules, ruleset.packs).check(Document(text, "<t>", "fr"))
    assert not result.failures
    return [(f.code, f.start, f.end) for f in result.findings]


def test_a_stamped_root_is_built_on_first_use(fresh_cache: Path, tmp_path: Path, counted: list[str]) -> None:
    root = _make_root(tmp_path)
    rulecache.write_validated(root, rulecache.release_digest(pack_dirs(root)))
    ruleset = load_rules([root])
    assert counted == []  # nothing built at load time
    assert _findings(ruleset, "Le le chat dort.") == [("XX201", 0, 5)]
    # the stamp of this cache directory is written as after a full build: the next load reads it
    assert rulecache.is_validated(rulecache.fingerprint(pack_dirs(root)))


def test_an_unstamped_or_stale_root_is_built_at_once(fresh_cache: Path, tmp_path: Path, counted: list[str]) -> None:
    root = _make_root(tmp_path)
    load_rules([root])
    assert counted == ["XX201"]  # no stamp: every rule built


def test_a_stamp_of_other_files_counts_for_nothing(fresh_cache: Path, tmp_path: Path, counted: list[str]) -> None:
    root = _make_root(tmp_path)
    rulecache.write_validated(root, rulecache.release_digest(pack_dirs(root)))
    (root / "fr" / "words.txt").write_text("chat\nchien\ncheval\n", encoding="utf-8")  # edited after stamping
    load_rules([root])
    assert counted == ["XX201"]


def test_a_bad_pattern_under_a_stale_stamp_is_reported(fresh_cache: Path, tmp_path: Path, counted: list[str]) -> None:
    root = _make_root(tmp_path)
    rulecache.write_validated(root, rulecache.release_digest(pack_dirs(root)))
    rule = root / "fr" / "doubled-word.toml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("(?i)", "(?i)(unclosed"), encoding="utf-8")
    with pytest.raises(RulePackError, match="doubled-word"):
        load_rules([root])


def test_the_stamps_can_be_ignored(
    fresh_cache: Path, tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _make_root(tmp_path)
    rulecache.write_validated(root, rulecache.release_digest(pack_dirs(root)))
    monkeypatch.setenv("MTLINT_IGNORE_VALIDATED", "1")
    load_rules([root])
    assert counted == ["XX201"]


def test_the_digest_does_not_depend_on_where_the_files_lie(tmp_path: Path) -> None:
    one = _make_root(tmp_path / "one")
    two = tmp_path / "two" / "elsewhere"
    shutil.copytree(one, two)
    digest = rulecache.release_digest(pack_dirs(one))
    assert rulecache.release_digest(pack_dirs(two)) == digest
    rulecache.write_validated(one, digest)  # the stamp itself is not hashed
    assert rulecache.release_digest(pack_dirs(one)) == digest
    (two / "fr" / "words.txt").write_bytes(b"chat\nchien \n")
    assert rulecache.release_digest(pack_dirs(two)) != digest
    assert rulecache.read_validated(one) == digest
    (one / rulecache.VALIDATED).write_text("sha256 not-a-digest\n", encoding="utf-8")
    assert rulecache.read_validated(one) is None


def test_the_tool_stamps_a_root_only_when_every_rule_builds(tmp_path: Path) -> None:
    root = _make_root(tmp_path)
    tool = [sys.executable, str(ROOT / "tools" / "stamp_rules.py"), str(root)]
    done = subprocess.run(tool, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert rulecache.read_validated(root) == rulecache.release_digest(pack_dirs(root))
    (root / rulecache.VALIDATED).unlink()
    rule = root / "fr" / "doubled-word.toml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("(?i)", "(?i)(unclosed"), encoding="utf-8")
    done = subprocess.run(tool, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1 and "not stamped" in done.stderr
    assert not (root / rulecache.VALIDATED).exists()


def test_mtlints_own_stamp_is_current() -> None:
    """Fails after an edit to a rule file, a table beside one or the code that builds rules,
    until ``python tools/stamp_rules.py`` is run: a stale stamp costs nothing but speed (every
    first run on a fresh cache builds all the rules again), which is why a test keeps it fresh."""
    root = builtin_rules_dir()
    assert rulecache.read_validated(root) == rulecache.release_digest(pack_dirs(root)), (
        "rules/VALIDATED is stale: run `python tools/stamp_rules.py`"
    )
