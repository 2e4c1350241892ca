"""Correct French news prose stays silent under every calque and false-friend rule.

``tests/data/calque-clean-fr.txt`` holds sentences written for this test, one per line, each
using in its ordinary, correct sense a word or phrase that some table row reports in a
machine-translated sense (« une sonde » on Venus, « sécuriser un financement », « la députation
générale » of a province, « le rouge vif » of forged metal). A row added to a table that fires
on one of them is too broad: give it a context condition or drop it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Linter

DATA = Path(__file__).parent / "data" / "calque-clean-fr.txt"
CATEGORIES = {"calque", "mistranslation"}


def _sentences() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_the_trap_file_is_substantial() -> None:
    assert len(_sentences()) >= 150


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(lang="fr")


def test_no_calque_rule_fires_on_correct_prose(linter: Linter) -> None:
    fired = []
    for sentence in _sentences():
        for issue in linter.check_text(sentence + "\n").to_dict()["issues"]:
            if issue["category"] in CATEGORIES:
                fired.append(f"{issue['code']} {issue['text']!r} in {sentence!r}")
    assert not fired, "\n".join(fired)
