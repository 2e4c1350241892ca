"""Correct news prose in six languages stays silent under every calque and false-friend rule.

``tests/data/sense-clean-{lang}.txt`` holds sentences written for the false-friend rows of the
wrong-sense tables (thirty-sixth session): each uses in its ordinary, correct sense a word that a
row reports in a machine-translated frame (Spanish « actualmente » for "now", German « bekam
Besuch », Italian « ha realizzato un utile », English "the actual cost"). A row that fires on one
of them is too broad: give it a context condition or drop it. (French has a second, larger file,
``calque-clean-fr.txt``, read by ``test_calque_clean_traps.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Linter

DATA = Path(__file__).parent / "data"
LANGS = ("en", "es", "pt", "it", "de", "fr")
CATEGORIES = {"calque", "mistranslation"}


def _sentences(lang: str) -> list[str]:
    lines = (DATA / f"sense-clean-{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_trap_file_is_substantial(lang: str) -> None:
    assert len(_sentences(lang)) >= 50


@pytest.mark.parametrize("lang", LANGS)
def test_no_sense_rule_fires_on_correct_prose(lang: str) -> None:
    linter = Linter(lang=lang)
    fired = []
    for sentence in _sentences(lang):
        for issue in linter.check_text(sentence + "\n").to_dict()["issues"]:
            if issue["category"] in CATEGORIES:
                fired.append(f"{issue['code']} {issue['text']!r} in: {sentence}")
    assert fired == []
