"""Two romanisations of one name are an inconsistency (MT667); other variants stay slips (MT113)."""

from __future__ import annotations

import pytest

from checker.kinds.name_variants import _base, _translit_key


@pytest.mark.parametrize(
    ("a", "b"),
    [("Rizky", "Rizki"), ("Phanuwat", "Panuwat"), ("Vasily", "Vassili"), ("Arkadiy", "Arkadi"),
     ("Zelensky", "Zelenski"), ("Kowalewski", "Kovalevski"), ("Nguyen", "Nguien")],
)
def test_romanisation_choices_are_evened_out(a: str, b: str) -> None:
    assert _translit_key(_base(a)) == _translit_key(_base(b))


@pytest.mark.parametrize(("a", "b"), [("Wulan", "Wulun"), ("Brooks", "Brokes"), ("Matsumoto", "Matsumoro"),
                                      ("Martin", "Marin"), ("Schwarzenegger", "Schwarzeneger")])
def test_slips_are_not_romanisations(a: str, b: str) -> None:
    assert _translit_key(_base(a)) != _translit_key(_base(b))
