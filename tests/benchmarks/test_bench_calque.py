"""Speed of the calque / false-friend / sense tables (pytest-benchmark, never a wall-clock assert).

The tables grow with every language added; each rule indexes its rows by the characters a
row can start with, so a long article costs one pass per rule, not one per row. Run with
``python -m pytest tests/benchmarks/test_bench_calque.py --benchmark-enable``.
"""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
TABLE_RULES = [r for r in RULESET.rules if r.kind in ("glossary", "sense-table", "label-table")]

# Clean French news prose (our own words), with a few calques, repeated to ~60 KB.
PARAGRAPH = (
    "Mardi, le ministre a présenté son projet de budget devant les députés, qui l'ont accueilli "
    "avec prudence. Selon la police, le suspect a été interpellé dans la nuit ; il sera présenté "
    "à un juge jeudi. Le club a remporté le match 2-1 grâce à un coup franc en fin de rencontre. "
    "La Bourse de Paris a terminé en hausse, portée par les valeurs technologiques. "
    "Le groupe espère éventuellement ouvrir une usine ; la cérémonie prendra place le 14 juillet. "
    "Les secouristes sont arrivés en dix minutes et la circulation a repris vers midi.\n"
)
TEXT = PARAGRAPH * 120


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_table_rules_on_a_long_article(benchmark, lang: str) -> None:
    rules = [r for r in TABLE_RULES if r.applies_to(lang)]
    engine = Engine(rules, RULESET.packs)

    def run() -> int:
        return len(engine.check(Document(TEXT, "<bench>", lang)).findings)

    found = benchmark.pedantic(run, rounds=3, iterations=1)
    if lang == "fr":
        assert found >= 120  # the two calques of each paragraph are found every time


def _varied_articles() -> list[str]:
    """The French articles of the fixtures: many distinct words, so the prefix filters meet new
    keys (a paragraph repeated, as above, asks about the same few keys again and again)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "fixtures"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/fr/*.txt"))]


def test_table_rules_on_varied_articles(benchmark) -> None:
    """Per-article cost of the table kinds (issue #11: start keys read from the rows, word starts
    grouped once per article): every table rule of French on each fixture article, one engine."""
    texts = _varied_articles()
    assert len(texts) >= 10
    engine = Engine([r for r in TABLE_RULES if r.applies_to("fr")], RULESET.packs)

    def run() -> int:
        return sum(len(engine.check(Document(text, "<bench>", "fr")).findings) for text in texts)

    found = benchmark.pedantic(run, rounds=3, iterations=1)
    assert found >= 10  # the fixtures hold calques: a run that checks nothing fails
