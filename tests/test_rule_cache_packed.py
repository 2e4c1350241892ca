"""The rule cache keeps each rule's ``params``, ``why`` and ``examples`` packed until first read
(``checker.rulecache.pack``): a rule read back must equal the rule validated from its file, and an
edited rule file must still be validated and built again."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker import rulecache
from checker.errors import RulePackError
from checker.rules import Rule, load_rules

_RULE = '''code = "XX101"
name = "doubled-word"
category = "grammar"
severity = "minor"
kind = "pattern"
message = "‘{text}’: a doubled word."
why = """
A word written twice in a row.
"""
message_fr = "« {text} » : un mot doublé."

[params]
pattern = '(?i)\\\\b(\\\\w+) \\\\1\\\\b'

[[examples]]
bad = "C'est [[le le]] chat."

[[examples]]
good = "C'est le chat."
'''


@pytest.fixture
def root(fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(rulecache, "RACY_NS", 0)  # the files below are new: trust their stat at once
    pack = tmp_path / "rules" / "fr"
    pack.mkdir(parents=True)
    (pack / "doubled-word.toml").write_text(_RULE, encoding="utf-8")
    return tmp_path / "rules"


def test_rules_read_back_equal_the_validated_ones(root: Path) -> None:
    built = load_rules([root])  # validates, builds, stamps and stores the rule set
    assert rulecache.load_ruleset([root / "fr"], Rule) is not None
    again = load_rules([root])
    assert again.rules == built.rules  # every field but the check: params, why and examples included
    rule = again.rules[0]
    assert rule.why == built.rules[0].why and rule.examples == built.rules[0].examples
    assert rule.params == built.rules[0].params


def test_packed_fields_are_read_on_first_use_only(root: Path) -> None:
    load_rules([root])
    rule = load_rules([root]).rules[0]
    held = vars(rule)
    assert "params" not in held and "why" not in held and "examples" not in held
    assert rule.params["pattern"]
    assert "params" in vars(rule) and "examples" not in vars(rule)  # a group at a time
    assert rule.examples[0].bad and rule.why.strip() == "A word written twice in a row."
    assert not hasattr(rule, "no_such_field")


def test_a_packed_rule_pickles_and_copies(root: Path) -> None:
    load_rules([root])
    rule = load_rules([root]).rules[0]
    back = pickle.loads(pickle.dumps(rule))  # as --jobs workers get it, fields still packed
    assert "examples" not in vars(back)
    assert back == rule and back.examples == rule.examples
    from checker.finding import Severity

    assert rule.with_severity(Severity.MAJOR).params == rule.params


def test_an_edited_rule_file_is_validated_again(root: Path) -> None:
    load_rules([root])
    path = root / "fr" / "doubled-word.toml"
    path.write_text(_RULE.replace("(\\\\w+)", "(\\\\w+"), encoding="utf-8")  # an unbalanced group
    with pytest.raises(RulePackError):
        load_rules([root])



# --- what a table kind derives from a whole table, keyed by the table file's store key -------------


def _fresh_process() -> None:
    """The pattern store as the next process sees it (what this one added saved, nothing live)."""
    from checker import regexcache

    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None


def test_table_meta_follows_the_table_file(fresh_cache: Path, tmp_path: Path) -> None:
    import os

    import regex

    from checker import listcache, regexcache, wordlists
    from checker.kinds.sense_table import _table_meta

    read = wordlists.read_table.__wrapped__  # type: ignore[attr-defined]
    table = tmp_path / "calques.tsv"
    table.write_text("en\tfaire sens\tavoir du sens\n*\tsupporter\tsoutenir\tlang=fr\n", encoding="utf-8")
    with regexcache.ACTIVE:
        rows = read(table)
        assert listcache.source_key(rows) is not None
        assert listcache.source_key(tuple(list(rows))) is None  # an equal table not read from the file
        meta = _table_meta(rows, ("en",), regex.IGNORECASE)
    assert meta == _table_meta(rows, ("en",), regex.IGNORECASE)  # outside the block: computed
    _fresh_process()
    with regexcache.ACTIVE:
        assert _table_meta(read(table), ("en",), regex.IGNORECASE) == meta
    stat = table.stat()
    table.write_text("en\tfaire sens\tavoir du sens\tlang=be\n*\tsupporter\tsoutenir\tlang=fr\n", encoding="utf-8")
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))
    _fresh_process()
    with regexcache.ACTIVE:
        edited = read(table)
        got = _table_meta(edited, ("en",), regex.IGNORECASE)
    assert got == _table_meta(edited, ("en",), regex.IGNORECASE)  # outside the block: computed
    assert got[2] == [frozenset({"be"}), frozenset({"fr"})] and got != meta


def test_the_path_and_the_translations_are_read_when_used(root: Path) -> None:
    # A run that never shows a rule's file nor a message in another language (an empty file, a
    # result from the result cache) unpickles neither: about 3 ms of the rule set's 4-6 ms.
    from checker import messages

    built = load_rules([root])
    messages._PENDING.clear()
    rule = load_rules([root]).rules[0]
    assert "path" not in vars(rule)
    assert messages._PENDING  # the translations, still a pickle
    assert rule.path == built.rules[0].path and isinstance(rule.path, Path)
    assert messages.rule_text(rule, "fr")[0] == "« {text} » : un mot doublé."
    assert not messages._PENDING
