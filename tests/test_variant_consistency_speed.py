"""The variant-consistency kind's shortcuts find what the plain scans found (see the kind's comments)."""

from __future__ import annotations

import random

import pytest
import regex
from conftest import findings as check_text

from checker.kinds import variant_consistency as vc
from checker.kinds.pattern import StartScan
from checker.prefilter import fold_text, match_start_keys


_SPELLINGS = ["clé", "clef", "week-end", "weekend", "week end", "île", "ile", "sèche-linge", "tee-shirt", "t-shirt"]
_CURATED = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_-])(?:"
    + "|".join(r"[\s\u00a0\u202f]+".join(regex.escape(w) for w in s.split())
               for s in sorted(_SPELLINGS, key=len, reverse=True))
    + r")(?:s|x)?(?![\p{L}\p{M}\p{N}_-])",
    regex.IGNORECASE,
)


@pytest.mark.parametrize("seed", range(40))
def test_curated_matches_equal_the_full_scan(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["clé", "CLEF", "Clés", "week", "End", "-", " ", "\u00a0", "\n", "Île", "ÎLE", "ile", "ſèche",
              "sèche-linges", "T-SHIRT", "tee", "shirt", "l'", "’", "x", "1", "_", "İle", "weekend", "é"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
    # The curated spellings are scanned as the pattern rules are (kinds.pattern.StartScan).
    keys = match_start_keys(_CURATED.pattern)
    assert keys is not None
    got = [m.span() for m in StartScan(_CURATED, keys).matches_folded(text, fold_text(text))]
    assert got == [m.span() for m in _CURATED.finditer(text)]


def test_many_compounds_take_the_single_scan_and_report_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # More wanted words than _FIND_MAX: one scan of the text, the findings of the str.find path.
    words = [f"porte-{x}" for x in ("avions", "clés", "monnaie", "parole", "bagages", "drapeau", "fenêtre")]
    words += [f"garde-{x}" for x in ("côtes", "fous", "manger", "robe", "boue", "chasse", "corps", "meuble")]
    words += [f"arc-{x}" for x in ("boutant", "en-ciel")] + [f"chauffe-{x}" for x in ("eau", "plats", "biberon")]
    words += [f"coupe-{x}" for x in ("vent", "feu", "papier", "gorge", "circuit", "ongles")]
    assert len(words) > vc._FIND_MAX
    text = "Les " + ", les ".join(words) + ". Puis les porteavions et les gardecôtes, encore les porte-avions."
    found = [(f.text, f.suggestions) for f in check_text(text, "fr") if f.code == "MT411"]
    assert found == [("porteavions", ("porte-avions",)), ("gardecôtes", ("garde-côtes",))]
    monkeypatch.setattr(vc, "_FIND_MAX", 1000)
    assert [(f.text, f.suggestions) for f in check_text(text, "fr") if f.code == "MT411"] == found
