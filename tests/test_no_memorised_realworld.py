"""No rule, list or code path may name a string that only the real-world excerpts contain.

The annotated spans of ``../shared/realworld`` hold mangled names, garbled words
and site names that no dictionary of any language knows. Detectors must find
such things by their shape, so none of these rare tokens may appear in the
engine or the rule packs. Skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
import regex

from conftest import ROOT, SHARED

REALWORLD = SHARED / "realworld"
WORD = regex.compile(r"\p{L}[\p{L}\p{N}]{3,}")
#: Languages whose dictionaries excuse a token: the set's own and the MT source languages.
LANGS = ("fr", "en", "es", "de", "it", "pt", "nl", "id", "ms", "vi", "tr", "fil", "pl", "sv")

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is absent"),
]


@lru_cache(maxsize=1)
def _rare_annotated_tokens() -> frozenset[str]:
    from wordfreq import available_languages, zipf_frequency

    langs = [lang for lang in LANGS if lang in available_languages()]
    out = set()
    for path in REALWORLD.glob("*/*.expected.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for ann in gold.get("annotations", []):
            for token in WORD.findall(ann.get("text", "")):
                if all(zipf_frequency(token, lang) == 0 for lang in langs):
                    out.add(token.casefold())
    return frozenset(out)


def test_realworld_rare_tokens_exist() -> None:
    # Guards the guard: the annotations do hold tokens no dictionary knows.
    assert len(_rare_annotated_tokens()) >= 20


def test_no_realworld_token_in_rules_or_code() -> None:
    rare = _rare_annotated_tokens()
    sources = [p for p in (ROOT / "rules").rglob("*") if p.is_file()]
    sources += list((ROOT / "checker").rglob("*.py"))
    hits = []
    for path in sources:
        words = set(WORD.findall(path.read_text(encoding="utf-8", errors="replace").casefold()))
        hits += [f"{path.relative_to(ROOT)}: {token}" for token in sorted(rare & words)]
    assert not hits, "strings only the real-world excerpts contain, in rules or code:\n" + "\n".join(hits)
