"""The ``topic=`` / ``notopic=`` conditions of the sense-table kind and the topics of a pack.

A topic is pack data (``rules/<lang>/topics.tsv``): a name, a minimum number of DISTINCT
cues, the cue patterns. A row with ``topic=NAME`` applies only in an article that holds
that many different cue words of the topic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from checker.document import Document
from checker.kinds.sense_table import _compile_row, compile_topics, in_topic, load_topics
from checker.rules import builtin_rules_dir

FR = builtin_rules_dir() / "fr"


def _topic(rows):
    return compile_topics(tuple(tuple(r) for r in rows), "<test>")


def test_distinct_cues_not_occurrences() -> None:
    t = _topic([("foot", "3", "mercato", "transferts?", "clubs?")])["foot"]
    repeated = Document("Le mercato, le mercato, encore le mercato et un club.", "a", "fr")
    distinct = Document("Le mercato s'ouvre : transferts en vue pour le club.", "b", "fr")
    assert not in_topic(repeated, t, "k")
    assert in_topic(distinct, t, "k")


def test_cues_are_whole_words_and_case_insensitive() -> None:
    t = _topic([("x", "2", "set", "tennis")])["x"]
    assert not in_topic(Document("Un setter joue au tennis.", "a", "fr"), t, "k")
    assert in_topic(Document("TENNIS : premier SET gagné.", "b", "fr"), t, "k")


def test_topic_is_memoised_per_document() -> None:
    t = _topic([("x", "1", "bitcoin")])["x"]
    doc = Document("Le bitcoin monte.", "a", "fr")
    assert in_topic(doc, t, "key")
    doc.cache["sense-table-topics"]["key"] = False
    assert not in_topic(doc, t, "key")  # the memo is read, not the text again


@pytest.mark.parametrize(
    "rows",
    [
        [("Foot", "2", "a", "b")],  # name in lower case
        [("foot", "x", "a")],  # minimum not a number
        [("foot", "3", "a", "b")],  # more than the cues
        [("foot", "1")],  # no cue
        [("foot", "1", "a"), ("foot", "1", "b")],  # twice
        [("foot", "1", "(unclosed")],
    ],
)
def test_bad_topic_rows_are_reported(rows) -> None:
    with pytest.raises(ValueError):
        _topic(rows)


def test_french_pack_topics_load_for_any_pack_dir(tmp_path: Path) -> None:
    topics = load_topics(FR)
    for name in ("football", "sport", "crypto", "markets", "business", "tech", "games", "music",
                 "screen", "celebrity", "crime", "politics", "science"):
        assert name in topics
        assert topics[name].minimum >= 2
    assert load_topics(tmp_path) == {}  # a pack without topics.tsv has none
    (tmp_path / "topics.tsv").write_text("# comment\nfutbol\t2\tgol\tfichaje\n", encoding="utf-8")
    assert set(load_topics(tmp_path)) == {"futbol"}


def test_row_reads_topic_and_notopic() -> None:
    row = _compile_row(("en", "pièce", "jeton", "topic=crypto,markets", "notopic=science"), regex.IGNORECASE, "<t>")
    assert row.topics == {"crypto", "markets"}
    assert row.not_topics == {"science"}


def _tmp_pack(tmp_path: Path, table: str, topics: str | None) -> Path:
    pack = tmp_path / "fr"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "fr"\nversion = "0.0.1"\n', encoding="utf-8")
    (pack / "t.tsv").write_text(table, encoding="utf-8")
    if topics is not None:
        (pack / "topics.tsv").write_text(topics, encoding="utf-8")
    (pack / "r.toml").write_text(
        'code = "MT589"\nname = "r"\ncategory = "calque"\nseverity = "minor"\nkind = "sense-table"\n'
        'message = "{text} {suggestion}"\nwhy = "w"\n[params]\ntable = "t.tsv"\n',
        encoding="utf-8",
    )
    return tmp_path


def _run(root: Path, text: str) -> list[str]:
    from checker.engine import Engine
    from checker.rules import load_rules

    ruleset = load_rules([root])
    result = Engine(list(ruleset.rules), ruleset.packs).check(Document(text, "<t>", "fr"))
    assert not result.failures, result.failures
    return [text[f.start : f.end] for f in result.findings]


TOPICS = "foot\t3\tmercato\ttransferts?\tclubs?\tbuteurs?\nnature\t2\toiseaux?\tforêts?\n"


def test_topic_condition_through_the_engine(tmp_path: Path) -> None:
    root = _tmp_pack(tmp_path, "en\tdéménagement\ttransfert\ttopic=foot\tnotopic=nature\n", TOPICS)
    one_cue = "Le club prépare le déménagement de son siège."
    three = "Mercato : le club prépare le déménagement de son buteur, un transfert record."
    assert _run(root, one_cue) == []
    assert _run(root, three) == ["déménagement"]
    nature = three + " Les oiseaux de la forêt voisine."
    assert _run(root, nature) == []


def test_unknown_topic_fails_the_rule(tmp_path: Path) -> None:
    root = _tmp_pack(tmp_path, "en\tfoo\tbar\ttopic=nowhere\n", TOPICS)
    with pytest.raises(Exception, match="nowhere"):
        _run(root, "foo")


def test_topic_without_topics_file_fails(tmp_path: Path) -> None:
    root = _tmp_pack(tmp_path, "en\tfoo\tbar\ttopic=foot\n", None)
    with pytest.raises(Exception, match="foot"):
        _run(root, "foo")
