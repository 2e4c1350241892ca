"""After each file a run drops the cache's mapped pages from its resident set
(``checker.cachedir.release_mapped``); what is read through them does not change."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker import cachedir, lexicon
from checker.lexstore import FrequencyMap

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/smaps")


def _resident_kib_under(root: Path) -> int:
    prefix = str(root.resolve())
    total, inside = 0, False
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head = line.split(None, 5)
            if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                inside = len(head) == 6 and head[5].strip().startswith(prefix)
            elif inside and line.startswith("Rss:"):
                total += int(line.split()[1])
    return total


def test_release_drops_touched_pages_and_lookups_still_answer() -> None:
    root = cachedir.cache_dir()
    freqs = lexicon.frequencies("en", "best")
    if root is None or not isinstance(freqs, FrequencyMap):
        pytest.skip("no cache directory: nothing is mapped")
    words = ["the", "house", "zebra", "quantum", "municipality", "xylophone"]
    before = [freqs.get(w) for w in words]
    probe = FrequencyMap(freqs.base)  # a mapping of its own, touched all over
    for i, w in enumerate(probe):
        if i % 5 == 0:
            probe.get(w)
    touched = _resident_kib_under(root)
    assert touched > 256
    cachedir.release_mapped()
    assert _resident_kib_under(root) < touched / 4
    assert [freqs.get(w) for w in words] == before
    assert [probe.get(w) for w in words] == before


def test_release_without_cache_directory_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    cachedir.release_mapped()  # no error, nothing to release
