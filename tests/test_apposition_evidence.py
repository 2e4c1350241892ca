"""The article's own feminine titles give a gender to names no list knows (apposition-gender)."""

from __future__ import annotations

import pytest

from checker.kinds.apposition_gender import _near, _same_person


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("rahmania", "rahmania", True),
        ("rahmania", "rahmanian", True),  # a letter added
        ("prameswari", "pramesvari", True),  # a letter changed
        ("wulan", "wula", True),
        ("ayu", "ayi", False),  # too short to call a one-letter change the same name
        ("gilang", "wulan", False),
        ("marco", "marcos", True),
        ("marco", "maria", False),
    ],
)
def test_near_names(a: str, b: str, near: bool) -> None:
    assert _near(a, b) is near
    assert _near(b, a) is near


def test_same_person_needs_two_full_names() -> None:
    assert _same_person(("wulan", "prameswari"), ("wulan", "prameswari"))
    assert _same_person(("rahmanian", "astrini"), ("rahmania", "astrini"))
    # a bare surname: a wife and her husband share it
    assert not _same_person(("kesselring",), ("anna", "kesselring"))
    assert not _same_person(("kesselring",), ("kesselring",))
    # a brother and a sister
    assert not _same_person(("gilang", "prameswari"), ("wulan", "prameswari"))
    # same given name, another family
    assert not _same_person(("wulan", "prameswari"), ("wulan", "hapsari"))
