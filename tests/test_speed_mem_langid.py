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
        for fn in _CACHED:
            fn.cache_clear()
        # the numpy identifiers over the mapped arrays (they store them: the plain ones read them)
        narrow, wide = langid._mapped_identifier(langid.SUPPORTED), langid._mapped_identifier(None)
        yield narrow, wide, cache
    for fn in _CACHED:
        fn.cache_clear()


_CACHED = (langid.identifier, langid._mapped_model, langid._ngram_model, langid._plain_identifier)


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


def test_plain_identifiers_rank_like_py3langid(mapped: tuple[Any, Any, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the cache holds the model's arrays, the identifiers read them without numpy
    (``PlainIdentifier``): the same languages, probabilities within 1e-5 of py3langid's (which
    sums in 32-bit floats), and the same first language wherever py3langid's first two differ."""
    _, _, cache = mapped
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    langid._plain_identifier.cache_clear()
    narrow, wide = langid._plain_identifier(langid.SUPPORTED), langid._plain_identifier(None)
    assert isinstance(narrow, langid.PlainIdentifier) and isinstance(wide, langid.PlainIdentifier)
    assert narrow._lo is wide._lo and narrow._out is wide._out  # one mapping of the automaton
    own_narrow, own_wide = langid._read_ngram_model(langid.SUPPORTED), langid._read_ngram_model(None)
    assert narrow.nb_classes == own_narrow.nb_classes and wide.nb_classes == own_wide.nb_classes
    sentences = _sentences()
    for text in sentences[::3] + sentences[-11:]:
        for plain, own in ((narrow, own_narrow), (wide, own_wide)):
            got, expected = plain.rank(text), own.rank(text)
            assert dict(got).keys() == dict(expected).keys(), text
            assert max(abs(p - dict(expected)[lang]) for lang, p in got) < 1e-5, text
            if expected[0][1] - expected[1][1] > 1e-4:
                assert got[0][0] == expected[0][0], text
        assert narrow.classify(text)[0] == own_narrow.classify(text)[0] or abs(
            narrow.classify(text)[1] - own_narrow.classify(text)[1]) < 1e-4, text
    langid._plain_identifier.cache_clear()


def test_another_py3langid_release_gets_its_own_identifier(mapped: tuple[Any, Any, Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """``PlainIdentifier`` follows the scoring of the py3langid releases it was compared with."""
    _, _, cache = mapped
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    model, release = langid._py3langid_model() or (None, "")
    assert model is not None and release.startswith(langid._PLAIN_FOLLOWS)
    langid._plain_identifier.cache_clear()
    try:
        assert isinstance(langid._plain_identifier(None), langid.PlainIdentifier)
        langid._plain_identifier.cache_clear()
        monkeypatch.setattr(langid, "_py3langid_model", lambda: (model, "1.0.0"))
        assert langid._plain_identifier(None) is None
    finally:
        langid._plain_identifier.cache_clear()


def test_language_votes_import_no_numpy_once_the_cache_holds_the_model(mapped: tuple[Any, Any, Path]) -> None:
    import os
    import subprocess
    import sys

    _, _, cache = mapped
    code = ("import sys\nfrom checker import langid\nfrom checker.kinds import wide_language\n"
            "print(langid.ranked('The minister said on Tuesday that the bridge would reopen.')[0][0],"
            " wide_language._model().rank('Menteri mengatakan bahwa jembatan akan dibuka kembali.')[0][0],"
            " 'numpy' in sys.modules)")
    env = {**os.environ, "MTLINT_CACHE_DIR": str(cache)}
    env.pop("MTLINT_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["en", "id", "False"]


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
