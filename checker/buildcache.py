"""Values built from data files, kept in the cache directory so that later processes load them.

A kind that builds an index from its lists on first use (a fuzzy index of known
names, say) can ask ``from_files`` for it: the value is pickled under a hash of the
files' bytes, of the source of the module that builds it and of a name, so an edit
to the lists or to the code builds it again. Without a cache directory (or when the
cache cannot be written) the value is simply built, as before.
"""

from __future__ import annotations

import contextlib
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from checker.cachedir import publish_pickle, read_or_build
from checker.flatstore import sha256

T = TypeVar("T")


def _key(name: str, paths: Iterable[Path], build: Callable[..., object]) -> str | None:
    """A hash of `name`, the Python version, the source of `build`'s module and the files' bytes."""
    h = sha256(f"{name}\0{sys.version_info[:2]}\0".encode())
    try:
        module = sys.modules.get(getattr(build, "__module__", ""), None)
        h.update(Path(getattr(module, "__file__", "") or "").read_bytes())
        for path in paths:
            data = path.read_bytes()
            h.update(f"\0{path.name} {len(data)}\0".encode())
            h.update(data)
    except OSError:
        return None
    return h.hexdigest()[:32]


def from_files(name: str, paths: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or the value an earlier process built from the same files and code."""
    from checker.cachedir import cache_dir

    root = cache_dir()
    if root is None:
        return build()
    key = _key(name, paths, build)
    if key is None:
        return build()
    target = root / "derived" / f"{key}.pickle"

    def load() -> T:
        with open(target, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]

    def publish_built() -> bool:
        publish_pickle(target, build())
        return True

    def build_here() -> T:
        value = build()
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
            publish_pickle(target, value)
        return value

    bad = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)
    return read_or_build(load, publish_built, build_here, bad)


class StringIndex:
    """A read-only map from a string to a tuple of strings, as ``dict.get`` sees it: a plain dict
    in memory, or a memory-mapped marisa-trie in the cache directory (``indexed_from_files``)."""

    __slots__ = ("_dict", "_trie")

    def __init__(self, values: dict[str, tuple[str, ...]] | None = None, trie: object = None) -> None:
        self._dict = values
        self._trie = trie

    def get(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The strings kept under `key` (in sorted order), or `default`."""
        if self._dict is not None:
            return self._dict.get(key, default)
        found = self._trie.get(key)  # type: ignore[attr-defined]
        if not found:
            return default
        return tuple(found[0].decode("utf-8").split("\0"))

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._trie)  # type: ignore[arg-type]


def _sorted_index(index: dict[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(sorted(v)) for k, v in index.items()}


def indexed_from_files(name: str, paths: Iterable[Path],
                       build: Callable[[], tuple[T, dict[str, Iterable[str]]]]) -> tuple[T, StringIndex]:
    """`build()` gives a small value and a large index (string → strings): the value is pickled as
    by ``from_files``, the index kept as a marisa-trie that later processes memory-map instead of
    unpickling it (opening costs nothing; only the keys looked up are read). The strings under a
    key come back sorted; they must not hold a NUL character."""
    from checker.cachedir import cache_dir, publish

    paths = list(paths)
    root = cache_dir()
    key = _key(name, paths, build) if root is not None else None
    if root is None or key is None:
        small, index = build()
        return small, StringIndex(_sorted_index(index))
    target = root / "derived" / f"{key}.small.pickle"
    mapped = root / "derived" / f"{key}.index.marisa"

    def load() -> tuple[T, StringIndex]:
        import marisa_trie

        trie = marisa_trie.BytesTrie()
        trie.mmap(str(mapped))
        with open(target, "rb") as fh:
            return pickle.load(fh), StringIndex(trie=trie)

    def publish_built(small: T, plain: dict[str, tuple[str, ...]]) -> bool:
        import marisa_trie

        items = ((k, "\0".join(v).encode("utf-8")) for k, v in plain.items() if v)  # one at a time
        publish(mapped, marisa_trie.BytesTrie(items).save)
        publish_pickle(target, small)
        return True

    def build_and_publish() -> bool:
        small, index = build()
        return publish_built(small, _sorted_index(index))

    def build_here() -> tuple[T, StringIndex]:
        small, index = build()
        plain = _sorted_index(index)
        with contextlib.suppress(Exception):
            publish_built(small, plain)
        return small, StringIndex(plain)

    return read_or_build(load, build_and_publish, build_here)  # missing, damaged or marisa absent: built


class StringMap:
    """A read-only map from a string to a string, as a dict is read (``get``, ``[]``, ``in``,
    ``len``, iteration, ``values``), over a memory-mapped marisa-trie (``mapped_beside_list``,
    ``mapped_from_files``)."""

    __slots__ = ("_trie",)

    def __init__(self, trie: object) -> None:
        self._trie = trie

    def get(self, key: str, default: str | None = None) -> str | None:
        found = self._trie.get(key)  # type: ignore[attr-defined]
        return found[0].decode("utf-8") if found else default

    def __getitem__(self, key: str) -> str:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie  # type: ignore[operator]

    def __len__(self) -> int:
        return len(self._trie)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())  # type: ignore[attr-defined]

    def values(self) -> list[str]:
        return [v.decode("utf-8") for _k, v in self._trie.items()]  # type: ignore[attr-defined]


def _mapped(path: Path, build: Callable[[], dict[str, str]]) -> dict[str, str] | StringMap:
    """The string → string map kept at `path` as a marisa-trie, memory-mapped; else `build()`,
    written there for later processes (when it can be)."""
    def load() -> StringMap:
        import marisa_trie

        trie = marisa_trie.BytesTrie()
        trie.mmap(str(path))
        return StringMap(trie)

    def publish_built(value: dict[str, str]) -> bool:
        import marisa_trie

        from checker.cachedir import publish

        publish(path, marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in value.items()).save)
        return True

    def build_here() -> dict[str, str]:
        value = build()
        with contextlib.suppress(Exception):
            publish_built(value)
        return value

    return read_or_build(load, lambda: publish_built(build()), build_here)  # missing, damaged or marisa absent


def mapped_from_files(name: str, paths: Iterable[Path], build: Callable[[], dict[str, str]]) \
        -> dict[str, str] | StringMap:
    """A string → string map built from data files, kept in the cache directory as a marisa-trie
    under the same key as ``from_files`` (files' bytes, `build`'s module, `name`) and
    memory-mapped by later processes. Without a cache directory the dict is built."""
    from checker.cachedir import cache_dir

    paths = list(paths)
    root = cache_dir()
    key = _key(name, paths, build) if root is not None else None
    if root is None or key is None:
        return build()
    return _mapped(root / "derived" / f"{key}.map.marisa", build)


def mapped_beside_list(freqs: object, name: str, build: Callable[[], dict[str, str]]) -> dict[str, str] | StringMap:
    """A string → string index computed from a whole word list (as ``lexstore.derived``, keyed by
    the converted list, `name` and the source of `build`'s module), kept beside the list as a
    marisa-trie that later processes memory-map: opening it costs nothing where unpickling a
    dict of some 10,000 entries cost about 7 ms, and only the keys looked up are read. Without a
    converted list (no cache) the dict is built, as before."""
    from checker.lexstore import FrequencyMap

    if not isinstance(freqs, FrequencyMap):
        return build()
    try:
        module = sys.modules.get(getattr(build, "__module__", ""), None)
        code = Path(getattr(module, "__file__", "") or "").read_bytes()
    except OSError:
        return build()
    digest = sha256(code + b"\0" + name.encode()).hexdigest()[:16]
    return _mapped(freqs.base.with_name(f"{freqs.base.name}.{digest}.map.marisa"), build)
