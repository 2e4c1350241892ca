"""Word lists as memory-mapped files that open in microseconds and are shared between processes.

wordfreq ships each list as gzip-compressed msgpack: reading one into a dict costs
0.1–0.4 s per list and per process, and a run needs several (the document's
language, English, the small lists of the language vote). The first time a list is
needed it is converted, once (a large list by a forked copy of the process,
``cachedir.fork_apart``, so that what the conversion allocates does not stay in the process
that asked), into files in the cache directory
(``$MTLINT_CACHE_DIR/lexicon``, see ``checker.cachedir``):

- ``.marisa``: a marisa-trie of the words (a compact, memory-mapped trie: a word's
  lookup gives its id without reading the whole list);
- ``.ids``: the frequency bucket of each id (``uint16``, memory-mapped);
- ``.words`` and ``.ord``: the words and their buckets in the list's own order, read
  only by a caller that iterates over the whole list.

``FrequencyMap`` answers exactly what the dict built from the msgpack file answered
(same keys, same floats, same iteration order). Without a usable cache directory
(``MTLINT_NO_CACHE=1``, a read-only home) the dict is built in memory as before.
A converted list is named after its source file's path, size and modification
time, so a reinstalled wordfreq is converted again; files are written under a
temporary name and renamed, so concurrent processes never read a half-written list.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import sys
from array import array
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from pathlib import Path
from typing import Any, TypeVar

from checker.cachedir import fork_apart, publish_pickle, read_or_build
from checker.flatstore import sha256

T = TypeVar("T")

#: Bumped when the file layout changes (older files are then ignored).
FORMAT = 1
#: Lists of at least this many compressed bytes (wordfreq's large lists: 0.9-4.4 MB; its small
#: ones are under 0.5 MB) are converted in a forked copy: reading one into a dict takes some 50
#: MiB that the process would keep. A small one costs a few MiB, less than the fork's own cost.
APART_BYTES = 512 * 1024
#: A bucket's frequency, computed exactly as the dict reader (and wordfreq.cB_to_freq) does.
_FREQ: list[float] = []


def _freq(index: int) -> float:
    while len(_FREQ) <= index:
        _FREQ.append(10 ** (-len(_FREQ) / 100))
    return _FREQ[index]


def read_buckets(path: Path) -> dict[str, int]:
    """word → bucket index (minus the frequency in centibels) of a wordfreq ``.msgpack.gz`` list."""
    import gzip

    import msgpack

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected word list header {header!r}")
    out: dict[str, int] = {}
    for index, bucket in enumerate(data[1:]):
        if bucket:
            out.update(dict.fromkeys(bucket, index))
    return out


def read_dict(path: Path) -> dict[str, float]:
    """word → frequency, the whole list in memory (the reader used when there is no cache)."""
    return {w: _freq(i) for w, i in read_buckets(path).items()}


class FrequencyMap(Mapping[str, float]):
    """A read-only word → frequency mapping over a converted list (see the module's docstring)."""

    __slots__ = ("_trie", "_ids", "_base", "_maps")

    def __init__(self, base: Path) -> None:
        import marisa_trie

        self._base = base
        self._maps: list[mmap.mmap] = []
        trie = marisa_trie.Trie()
        trie.mmap(str(base.with_suffix(".marisa")))
        self._trie = trie
        self._ids = self._array(".ids")

    @property
    def base(self) -> Path:
        """The converted files' path without suffix."""
        return self._base

    def _array(self, suffix: str) -> memoryview:
        with open(self._base.with_suffix(suffix), "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self._maps.append(mapped)
        return memoryview(mapped).cast("H")

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        i = self._trie.get(key) if isinstance(key, str) else None
        return default if i is None else _freq(self._ids[i])

    def __getitem__(self, key: str) -> float:
        i = self._trie.get(key) if isinstance(key, str) else None
        if i is None:
            raise KeyError(key)
        return _freq(self._ids[i])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._trie.get(key) is not None

    def __len__(self) -> int:
        return len(self._ids)

    def __bool__(self) -> bool:
        return len(self._ids) > 0

    def _ordered(self) -> list[str]:
        """The words in the list's own order, read afresh: a caller that scans the whole list
        does so once (and keeps what it derives), so the 300,000 strings of a large list are
        not kept alive for the rest of the run (about 20 MiB, 45 MiB with ``items()``'s dict)."""
        text = self._base.with_suffix(".words").read_text(encoding="utf-8")
        return text.split("\n") if text else []

    def __iter__(self) -> Iterator[str]:
        return iter(self._ordered())

    def keys(self) -> KeysView[str]:
        return dict.fromkeys(self._ordered()).keys()

    def has_prefix(self, prefix: str) -> bool:
        """True when some word begins with `prefix` (one step into the trie, no word read)."""
        return next(self._trie.iterkeys(prefix), None) is not None

    def with_prefix(self, prefix: str) -> list[str]:
        """The words that begin with `prefix` (in no particular order), from the trie alone."""
        return list(self._trie.keys(prefix))

    def _pairs(self) -> Iterator[tuple[str, float]]:
        with open(self._base.with_suffix(".ord"), "rb") as fh:
            order = array("H", fh.read())
        return zip(self._ordered(), map(_freq, order), strict=True)

    def as_dict(self) -> dict[str, float]:
        """The whole list as a dict in its own order (built for each call: keep it if you need it)."""
        return dict(self._pairs())

    def items(self) -> ItemsView[str, float]:
        return _Items(self)

    def values(self) -> ValuesView[float]:
        return _Values(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrequencyMap, (self._base,))


class _Items(ItemsView[str, float]):
    """``FrequencyMap.items()``: the pairs in the list's order, read while iterating."""

    _mapping: FrequencyMap

    def __iter__(self) -> Iterator[tuple[str, float]]:
        return self._mapping._pairs()


class _Values(ValuesView[float]):
    """``FrequencyMap.values()``: the frequencies in the list's order, read while iterating."""

    _mapping: FrequencyMap

    def __iter__(self) -> Iterator[float]:
        return (f for _, f in self._mapping._pairs())


def _base_name(source: Path, root: Path) -> Path | None:
    try:
        st = source.stat()
    except OSError:
        return None
    tag = f"{FORMAT} {source.resolve()} {st.st_size} {st.st_mtime_ns} {sys.byteorder}"
    digest = sha256(tag.encode()).hexdigest()[:20]
    return root / "lexicon" / f"{source.name.split('.')[0]}-{digest}"


def _convert(source: Path, base: Path) -> bool:
    """Write the converted files of `source` at `base`; False when it cannot be done."""
    import marisa_trie

    buckets = read_buckets(source)
    words = list(buckets)
    if any("\n" in w for w in words) or max(buckets.values(), default=0) >= 1 << 16:
        return False
    trie = marisa_trie.Trie(words)
    ids = array("H", bytes(2 * len(trie)))
    for w, index in buckets.items():
        ids[trie[w]] = index
    base.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only to build a list's files, once per cache

    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=base.parent))
    try:
        part = tmp / base.name
        (part.with_suffix(".words")).write_text("\n".join(words), encoding="utf-8")
        (part.with_suffix(".ord")).write_bytes(array("H", buckets.values()).tobytes())
        (part.with_suffix(".ids")).write_bytes(ids.tobytes())
        trie.save(str(part.with_suffix(".marisa")))
        # The trie last: its presence says the other files are complete.
        for suffix in (".words", ".ord", ".ids", ".marisa"):
            os.replace(part.with_suffix(suffix), base.with_suffix(suffix))
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
    return True


def _prune_lists(base: Path, name: str) -> None:
    """Remove the conversions of the list `name` made for other environments or versions of
    wordfreq (``cachedir.prune_versions``): every file of one version, derived indexes included,
    starts with its base name and a dot; its ``.marisa`` says when it was last used."""
    from checker.cachedir import prune_versions

    groups: dict[str, list[Path]] = {}
    try:
        for path in base.parent.iterdir():
            head = path.name.split(".")[0]
            if head.rsplit("-", 1)[0] == name and not path.name.startswith("."):
                groups.setdefault(head, []).append(path)
    except OSError:
        return
    prune_versions(((base.with_name(head + ".marisa"), parts) for head, parts in groups.items()),
                   current=base.with_suffix(".marisa"))


def open_list(source: Path) -> Mapping[str, float] | None:
    """The converted list of a wordfreq file (converting it on first use); None without a cache."""
    from checker.cachedir import cache_dir, mark_used

    root = cache_dir()
    if root is None:
        return None
    base = _base_name(source, root)
    if base is None:
        return None
    try:
        marker = base.with_suffix(".marisa")
        if not marker.is_file():
            converted = None
            if source.stat().st_size >= APART_BYTES:
                converted = fork_apart(lambda: _convert(source, base))
            if converted is None:  # a small list, or no copy could run it: converted here
                converted = _convert(source, base)
            if not converted or not marker.is_file():
                return None
            _prune_lists(base, source.name.split(".")[0])
        else:
            mark_used(marker)
        return FrequencyMap(base)
    except (OSError, ValueError, ImportError):
        return None


def derived(freqs: Mapping[str, float], name: str, build: Callable[[], T]) -> T:
    """A value computed from a whole word list (an index of its words), kept beside the converted
    list so that later processes load it instead of scanning the list again.

    `name` says what the value is (with its parameters); the value is also keyed by the
    source of the module that defines `build`, so an edit to that code recomputes it.
    Without a converted list (no cache) the value is computed, as before.
    """
    if not isinstance(freqs, FrequencyMap):
        return build()
    module = sys.modules.get(getattr(build, "__module__", ""), None)
    try:
        code = Path(getattr(module, "__file__", "") or "").read_bytes()
    except OSError:
        return build()
    digest = sha256(code + name.encode()).hexdigest()[:16]
    path = freqs.base.with_name(f"{freqs.base.name}.{digest}.pickle")

    def load() -> T:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]

    def publish_built() -> bool:
        publish_pickle(path, build())
        return True

    def build_here() -> T:
        value = build()
        with contextlib.suppress(OSError):
            publish_pickle(path, value)
        return value

    return read_or_build(load, publish_built, build_here, (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError))
