"""Recall on the project's own machine-translation-style pages must not drop, and no trap may fire.

``tests/data/mtpages`` (see ``tools/mtpages.py``): 36 pages in our own words, six target
languages, annotated by category, with clean traps (Al Pacino, von der Leyen, agency
datelines, Québec typography). The floors are the annotations found when the pages were
added (2026-12-03); a change that finds fewer in a category fails here and must be argued for.
The ``held-out`` pages were not looked at while mtlint was tuned: their floors are the
honest measure, the ``written-first`` ones a regression guard.
"""

from __future__ import annotations

import pytest
from mtpages import measure

FLOORS: dict[str, dict[str, int]] = {
    "written-first": {
        "boilerplate": 35, "locale-format": 31, "social-embed": 18, "encoding": 14,
        "duplication": 9, "untranslated": 12, "calque": 9, "glued-words": 11, "non-word": 8,
        "punctuation": 9, "inconsistency": 6, "truncation": 6, "grammar": 7, "mangled-name": 10,
        "mistranslation": 6,
    },
    "held-out": {
        "boilerplate": 15, "locale-format": 15, "social-embed": 13, "encoding": 10,
        "untranslated": 10, "punctuation": 9, "duplication": 5, "non-word": 5, "mangled-name": 8,
        "truncation": 5, "calque": 6, "inconsistency": 4, "glued-words": 2, "mistranslation": 2,
        "grammar": 2,
    },
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def figures(request):  # noqa: ANN001, ANN201
    return request.param, measure(request.param)


def test_category_recall_does_not_drop(figures) -> None:  # noqa: ANN001
    name, got = figures
    lost = {cat: (got.found[cat], floor) for cat, floor in FLOORS[name].items() if got.found[cat] < floor}
    assert not lost, f"{name}: found annotations below the floor (found, floor): {lost}"


def test_no_trap_is_flagged(figures) -> None:  # noqa: ANN001
    name, got = figures
    assert got.trap_alarms == [], f"{name}: {got.trap_alarms}"


def test_the_pages_are_well_formed() -> None:
    import json

    from mtpages import pages

    found = pages()
    assert len(found) == 36
    for path in found:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert gold["lang"] in ("fr", "en", "es", "de", "it", "pt")
        for item in gold["annotations"] + gold["traps"]:
            assert text[item["start"]:item["end"]] == item["text"], (path.name, item)
