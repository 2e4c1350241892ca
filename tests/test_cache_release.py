"""The engine drops a document's shared views (``checker.kinds.CACHE_READERS``) once no rule of a
kind that reads them is left: none is computed twice, none outlives the rules, findings unchanged."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from checker.document import Document
from checker.engine import Engine, _cache_name
from checker.kinds import CACHE_READERS
from checker.kinds._names import NAMEWORD, Matches
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
NAMES = tuple(CACHE_READERS)


class _CountingCache(dict):  # type: ignore[type-arg]
    """A Document.cache that counts how often each key is stored."""

    def __init__(self) -> None:
        super().__init__()
        self.stored: Counter[Any] = Counter()

    def __setitem__(self, key: Any, value: Any) -> None:
        self.stored[key] += 1
        super().__setitem__(key, value)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self.stored[key] += 1
        return super().setdefault(key, default)


def _article() -> str:
    folder = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "fr"
    texts = sorted(p.read_text(encoding="utf-8") for p in folder.glob("*.txt"))[:6]
    return "\n\n".join(texts) + (
        "\n\nLe ministre Soekarno a parlé lundi. Soekarno a quitté la salle. Mardi, Sukarno a annoncé "
        "une réforme. Elle a dit que Jean-Pierre Dupont et Jean Pierre Dupont viendront au ministère "
        "des Sciences et des Technologies. « C'est fini », a-t-elle ajouté."
    )


def test_shared_views_are_computed_once_and_dropped() -> None:
    text = _article()
    engine = Engine(RULESET.rules, RULESET.packs)
    kept = Document(text, "<t>", "fr")
    expected = engine.check(kept).findings
    doc = Document(text, "<t>", "fr")
    doc.cache = _CountingCache()
    assert engine.check(doc).findings == expected
    released = {k: n for k, n in doc.cache.stored.items() if _cache_name(k, NAMES)}
    assert released, "the article reads none of the shared views"
    assert all(n == 1 for n in released.values()), released
    assert not [k for k in doc.cache if _cache_name(k, NAMES)]
    assert [k for k in kept.cache if _cache_name(k, NAMES)] == []


def test_matches_read_as_tuples() -> None:
    text = "Jean-Pierre Dupont et Jean Dupont, dit-il."
    got = Matches(NAMEWORD, text)
    want = [(m.start(), m.end(), m.group()) for m in NAMEWORD.finditer(text)]
    assert list(got) == want
    assert [got[i] for i in range(len(got))] == want
    assert got.words[1] is got.words[4]  # equal words, one string
