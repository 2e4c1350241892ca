"""Checks that the fixture articles and their annotations are well formed.

This test reads the fixtures only; it must not import the ``checker`` package.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = FIXTURES / "articles"
CLEAN = FIXTURES / "clean"

# The category list of CONTRACT.md, copied by hand on purpose: the contract is
# the reference, not whatever the checker package happens to define.
CONTRACT_CATEGORIES = frozenset({
    "acronym-homoglyph",
    "mangled-name",
    "untranslated",
    "duplication",
    "non-word",
    "grammar",
    "punctuation",
    "locale-format",
    "calque",
    "inconsistency",
    "encoding",
    "boilerplate",
    "glued-words",
    "truncation",
    "social-embed",
    "dangling-reference",
    "number-mismatch",
    "omission",
    "mistranslation",
})
# These two need a source text; monolingual fixtures cannot exhibit them.
SOURCE_ONLY = frozenset({"number-mismatch", "omission"})
SEVERITIES = frozenset({"critical", "major", "minor", "info"})
MIN_PER_CATEGORY = 3
MIN_CLEAN = {"fr": (12, 40), "en": (6, 20), "de": (6, 30), "es": (6, 30), "it": (6, 30), "pt": (6, 30)}  # files, paragraphs

EXPECTED = sorted(ARTICLES.glob("*/*.expected.json"))


def _read(path: Path) -> str:
    """Read a fixture as the contract does: UTF-8, BOM dropped, newlines kept."""
    text = path.read_bytes().decode("utf-8")
    return text.removeprefix("\ufeff")


def _paragraphs(text: str) -> list[str]:
    """Blocks separated by a blank line, title (first block) excluded."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return blocks[1:]


def _guillemets_balanced(text: str) -> bool:
    """« and » pair up, allowing the French reopening « of each paragraph of a long quotation."""
    depth = 0
    for block in text.split("\n\n"):
        body = block.lstrip()
        if depth and body.startswith("«"):
            body = body[1:]  # a quotation continued from the previous paragraph
        for ch in body:
            if ch == "«":
                depth += 1
            elif ch == "»":
                depth -= 1
                if depth < 0:
                    return False
    return depth == 0


def test_there_are_positive_fixtures() -> None:
    assert len(list((ARTICLES / "fr").glob("*.expected.json"))) >= 8
    assert len(list((ARTICLES / "en").glob("*.expected.json"))) >= 4


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_expected_json_matches_its_article(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent / record["file"]
    assert article.is_file(), f"{record['file']} is not beside {path.name}"
    assert article.name == path.name.removesuffix(".expected.json") + ".txt"
    assert record["lang"] == path.parent.name
    text = _read(article)
    assert record["chars"] == len(text)
    assert record["annotations"], "a positive fixture needs at least one annotation"
    for ann in record["annotations"]:
        assert set(ann) >= {"category", "start", "end", "text", "severity", "required", "note"}
        assert ann["category"] in CONTRACT_CATEGORIES, ann["category"]
        assert ann["severity"] in SEVERITIES
        assert isinstance(ann["required"], bool)
        assert 0 <= ann["start"] < ann["end"] <= len(text)
        assert text[ann["start"]:ann["end"]] == ann["text"], ann
    guarded = record["must_not_flag"]
    assert isinstance(guarded["note"], str)
    for span in guarded["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"], span


def test_each_category_is_annotated_often_enough() -> None:
    counts: Counter[str] = Counter()
    for path in EXPECTED:
        for ann in json.loads(path.read_text(encoding="utf-8"))["annotations"]:
            counts[ann["category"]] += 1
    missing = {
        cat: counts[cat]
        for cat in CONTRACT_CATEGORIES - SOURCE_ONLY
        if counts[cat] < MIN_PER_CATEGORY
    }
    assert not missing, f"categories with fewer than {MIN_PER_CATEGORY} annotations: {missing}"


@pytest.mark.parametrize("lang", sorted(MIN_CLEAN))
def test_clean_folders_are_big_enough(lang: str) -> None:
    files = sorted((CLEAN / lang).glob("*.txt"))
    min_files, min_paragraphs = MIN_CLEAN[lang]
    assert len(files) >= min_files
    assert sum(len(_paragraphs(_read(f))) for f in files) >= min_paragraphs


#: Clean-room rounds kept out of ``fixtures/`` (the whole-fixture tests of the formats and the
#: resident process read every fixture; these articles are checked for silence by test_gold).
ROUNDS = Path(__file__).resolve().parent / "data" / "clean-rounds"
CLEAN_FILES = sorted([*CLEAN.glob("*/*.txt"), *ROUNDS.glob("*/*.txt")])


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_article_layout(path: Path) -> None:
    text = _read(path)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text
    assert "\n\n\n" not in text, "paragraphs are separated by exactly one blank line"
    assert len(_paragraphs(text)) >= 2
    assert not list(CLEAN.glob(f"*/{path.stem}.expected.json"))
    # Typographic consistency that the clean fixtures promise to the linter.
    # (Swiss thousands, « 3'000 », are written with a straight apostrophe beside curly ones.)
    words = re.sub(r"(?<=\d)'(?=\d{3})", "", text)
    assert not ("'" in words and "\u2019" in words), "straight and curly apostrophes mixed"
    assert _guillemets_balanced(text)
    if "\u201e" in text:  # German „…“: the low mark opens, the high one closes
        assert text.count("\u201e") == text.count("\u201c") + text.count("\u201d")
    else:
        assert text.count("\u201c") == text.count("\u201d")
