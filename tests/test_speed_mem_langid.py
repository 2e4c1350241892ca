"""py3langid's model memory-mapped from the cache (``checker.langid._mapped_identifier``) gives the
very scores of py3langid's own identifier, and the memos that grow with an archive are bounded.

See docs/scaling.md, "Memory and parallel runs"."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker import langid, lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any, Path]]:
    """The narrow and wide identifiers built over a fresh cache directory of this module."""
    cache = tmp_path_factory.mktemp("langid-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("MTLINT_NO_CACHE", raising=False)
        mp.setenv("MTLINT_CACHE_DIR", str(cache))
        for fn in (langid.identifier, langid._mapped_model, langid._ngram_model):
            fn.cache_clear()
        narrow, wide = langid.identifier(langid.SUPPORTED), langid.identifier(None)
        yield narrow, wide, cache
    for fn in (langid.identifier, langid._mapped_model, langid._ngram_model):
        fn.cache_clear()


def _sentences() -> list[str | bytes]:
    """The fixture articles' sentences, word salads from seven languages' lists, and edge cases."""
    out: list[str | bytes] = []
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out.extend(s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip())
    rnd = random.Random(11)
    for lang in ("fr", "en", "es", "de", "it", "pt", "nl", "id", "tr", "vi"):
        words = list(lexicon.frequencies(lang, "small"))[:3000]
        out.extend(" ".join(rnd.sample(words, rnd.randint(3, 14))) for _ in range(150))
    out.extend(["", "   ", "123 456", "ÉTAT D'URGENCE", "Ελληνικό κείμενο εδώ", "Это русский текст.",
                "这是中文文本", "עברית כאן", "x", b"\xff\xfe bytes", "caf\u0065\u0301 cr\u00e8me"])
    return out


def test_mapped_identifiers_rank_like_py3langid(mapped: tuple[Any, Any, Path]) -> None:
    narrow, wide, _ = mapped
    own_narrow = langid._read_ngram_model(langid.SUPPORTED)
    own_wide = langid._read_ngram_model(None)
    sentences = _sentences()
    assert len(sentences) > 2000
    assert narrow.nb_classes == own_narrow.nb_classes and wide.nb_classes == own_wide.nb_classes
    for text in sentences:
        assert narrow.rank(text) == own_narrow.rank(text), text
        assert wide.rank(text) == own_wide.rank(text), text
        assert narrow.classify(text) == own_narrow.classify(text), text


def test_the_model_is_mapped_once_and_shared(mapped: tuple[Any, Any, Path]) -> None:
    import numpy as np

    narrow, wide, cache = mapped
    assert (next((cache / "langid").iterdir()) / "ready").is_file()
    # Both identifiers read the same mapped transitions; nothing was pickled for the model.
    assert narrow.tk_output.obj is wide.tk_output.obj
    assert isinstance(wide.nb_ptc, np.memmap) and isinstance(narrow.nb_ptc, np.memmap)
    assert not list(cache.glob("derived/*.pickle"))
    assert isinstance(narrow.tk_nextmove, memoryview) and not isinstance(narrow._rowbase, list)


def test_without_a_cache_py3langid_loads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    langid._mapped_model.cache_clear()
    try:
        assert langid._mapped_model() is None
        assert langid._mapped_identifier(langid.SUPPORTED) is None
    finally:
        langid._mapped_model.cache_clear()


def test_a_model_of_another_layout_is_not_converted(tmp_path: Path) -> None:
    import lzma

    bad = tmp_path / "model.npz.xz"
    bad.write_bytes(lzma.compress(b"not a zip archive"))
    with pytest.raises(ValueError):
        langid._convert_model(bad, tmp_path / "out")
    assert not (tmp_path / "out" / "ready").exists()


def test_archive_memos_are_bounded() -> None:
    """What grows with the words of an archive stays within a few MiB per memo."""
    from checker.wordlists import fold

    assert lexicon.zipf.cache_info().maxsize is not None and lexicon.zipf.cache_info().maxsize <= 1 << 15
    assert fold.cache_info().maxsize is not None and fold.cache_info().maxsize <= 1 << 14
