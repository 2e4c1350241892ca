"""Compiled ``regex`` patterns kept between runs, so that building a rule does not parse them again.

The ``regex`` module parses a pattern in Python before handing the result to its C
engine; for mtlint's rules (hundreds of patterns, some with long alternations) that
parsing is most of the cost of building a rule. A compiled ``regex.Pattern`` pickles
as the C engine's input (``Pattern._pickled_data``), so unpickling one skips the parser
entirely and gives the same pattern.

While ``active()`` is in force (mtlint wraps the building and the checks of rules that
built before, see ``checker.rules``), every pattern ``regex`` compiles from a string is
looked up in a store in the cache directory (``$MTLINT_CACHE_DIR/regex-*-k3.flat``, one
file per ``regex`` and Python version: a memory-mapped hash table (``checker.flatstore``) from
a digest of the pattern to its pickle, so opening it costs nothing and only the patterns used
are read) and added
to it when new; the store is written back when the process exits. ``memo`` keeps other
small values derived from rule files in the same store (the tables' literal keys). Patterns with named lists, ``LOCALE`` or ``DEBUG`` are
left to ``regex``. Without a cache directory nothing changes.

Writing the store means writing the whole file again (its old entries streamed into the new
one), and most runs on an article not seen before compile a few dozen table rows
that no earlier run needed. So the new entries of a run go to a small journal beside the
store (``*.journal``, a pickled dict, read only when a lookup misses the store), and the
journal is merged into the store once it holds ``JOURNAL_MAX`` entries or
``JOURNAL_MAX_BYTES``: a run pays a few milliseconds to keep what it compiled, and the store
is rewritten once per some tens of runs while the cache warms up, then hardly ever. A run that
needed entries of a journal larger than ``JOURNAL_MAX_BYTES`` merges it at exit even when it
adds nothing, so that the runs after it do not each read it again (a journal that stayed
under the entry count but grew to 1.8 MB cost every pre-commit run 12 ms to read).
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import regex

from checker import flatstore
from checker.cachedir import publish, publish_pickle
from checker.flatstore import FlatStore, blake2b

T = TypeVar("T")

#: The most patterns the store keeps (a bound for long-lived processes that compile many:
#: a few kinds build patterns from an article's words).
MAX_PATTERNS = 20_000
#: Entries the journal holds before it is merged into the store.
JOURNAL_MAX = 3_000
#: Bytes (keys and pickles) the journal holds before it is merged into the store. A run that
#: misses the store reads the whole journal, so this bounds what that read costs (about 2 ms).
JOURNAL_MAX_BYTES = 256 * 1024
#: The most patterns kept alive in this process (as regex's own cache, bounded).
MAX_LIVE = 8_192

_lock = threading.Lock()
_depth = 0
#: Depth of ``VALUES`` blocks: ``memo`` keeps values there, patterns compile as usual.
_values_depth = 0
_original: Any = None
_store: FlatStore | None = None  # the memory-mapped store (empty without a cache directory)
_live: dict[Any, Any] = {}
_added: dict[str, bytes] = {}
_journal: dict[str, bytes] | None = None  # the journal on disk, read on the first miss of the store
#: The stamps (``_stamp``) of the store and journal files as ``_store`` and ``_journal`` were read.
_store_stamp: list[tuple[int, int, int] | None] = [None]
_journal_stamp: list[tuple[int, int, int] | None] = [None]
#: Keys of the store read in this process (what the rule files in use need).
_used: set[str] = set()
#: Whether this process found an entry in the journal (then a large journal is merged at exit).
_journal_hit = False
_registered = False
#: The endings of the store files of earlier versions, removed when the store is written: keyed by
#: whole patterns in a marisa-trie, then by digests in a marisa-trie.
_LEGACY = (".marisa", "-k2.marisa")
#: DEBUG | LOCALE: patterns compiled with these flags are left to regex.
_SKIP = int(regex.DEBUG | regex.LOCALE)


def plain_flags() -> bool:
    """Let ``regex``'s parser combine its flags as plain ints; True when it now does.

    ``regex`` keeps its flag constants (``IGNORECASE``, ``FULLCASE``, the version flags, the
    tables that map ``(?i)`` and case combinations to flags) as ``enum.IntFlag`` members, and
    its parser tests and combines the current flags with ``&`` and ``|`` at almost every node
    it builds. On a member each such operation is a call into Python (``Flag.__and__``, then
    the enum's constructor), about seven million of them while mtlint builds its rules from
    their files: the first run after an install or a rule edit spent about a fifth of its
    time there. An ``IntFlag`` member is equal to its int, hashes like it and gives the same
    bits under ``&``, ``|`` and ``&~``, so the same constants as ints give the same compiled
    patterns (``tests/test_regex_flags.py`` compares them in two processes).

    Changed, in the running process: the flag constants and flag tables of ``regex._regex_core``
    and ``regex._main`` (private modules), ``regex.DEFAULT_VERSION`` (the same value, as an int),
    and the parser's ``Info`` takes the flags a caller passes as an int. ``regex.IGNORECASE``
    and the other public names keep their enum type. A ``regex`` without these internals is
    left alone (False).
    """
    try:
        import regex._main as main
        import regex._regex_core as core

        flag_type = core.RegexFlag
        info = core.Info
    except (ImportError, AttributeError):  # another layout of the module: nothing to do
        return False
    if getattr(info, "_mtlint_plain_flags", False):
        return True
    for module in (core, main):
        for name, value in list(vars(module).items()):
            if isinstance(value, flag_type):
                setattr(module, name, int(value))
            elif isinstance(value, dict):  # the flag tables (REGEX_FLAGS, CASE_FLAGS_COMBINATIONS…)
                for key, item in list(value.items()):
                    if isinstance(item, flag_type):
                        value[key] = int(item)
    if isinstance(regex.DEFAULT_VERSION, flag_type):
        regex.DEFAULT_VERSION = int(regex.DEFAULT_VERSION)
    original_init = info.__init__

    def __init__(self: Any, flags: Any = 0, *args: Any, **kwargs: Any) -> None:
        original_init(self, int(flags), *args, **kwargs)

    info.__init__ = __init__
    info._mtlint_plain_flags = True
    return True


plain_flags()


def _path() -> Path | None:
    from checker.cachedir import cache_dir

    root = cache_dir()
    if root is None:
        return None
    import regex

    # "-k3": keys are digests (``pattern_key``, ``memo_key``) in a ``FlatStore``; the marisa-trie
    # stores of earlier versions (``_LEGACY``) are not read.
    return root / f"regex-{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}-k3.flat"


def _journal_path(path: Path) -> Path:
    return path.with_suffix(".journal")


def _read_journal(path: Path | None) -> dict[str, bytes]:
    """The journal beside the store at `path` (empty when there is none or it cannot be read)."""
    if path is None:
        return {}
    try:
        with open(_journal_path(path), "rb") as fh:
            got = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, damaged or of another version: start afresh
        return {}
    return got if isinstance(got, dict) else {}


def _open(path: Path) -> FlatStore:
    """The store at `path`, memory-mapped (opening costs nothing; entries are read on lookup);
    empty when it is missing or damaged."""
    return FlatStore(path)


def _load() -> FlatStore:
    global _store, _registered
    if _store is None:
        path = _path()
        _store_stamp[0] = _stamp(path)
        _store = _open(path) if path is not None else FlatStore()
        if not _registered:
            atexit.register(save)
            _registered = True
    return _store


def _stamp(path: Path | None) -> tuple[int, int, int] | None:
    """What tells one version of a cache file from another (inode, size, modification time)."""
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns) if st is not None else None


def reread() -> None:
    """Open the store and its journal again at their next use when their files changed since this
    process read them (what this process compiled, computed and kept stays). A ``--jobs`` worker
    forked from a parent that read them earlier would else see only what they held then, not
    what the workers that ended since saved: on an empty cache each new worker computed again
    every entry its predecessors had stored. Unchanged files keep the copy read before the fork
    (its pages shared with the parent)."""
    global _store, _journal
    path = _path()
    if path is None:
        return
    if _store is not None and _stamp(path) != _store_stamp[0]:
        _store = None
    if _journal is not None and _stamp(_journal_path(path)) != _journal_stamp[0]:
        _journal = None


def _digest_text(namespace: str, text: str) -> str:
    """The store's key for an entry named by `text`: `namespace`, then a 128-bit digest.

    The store used to be keyed by the ``repr`` of the whole key, pattern included (about 600
    characters on average, some of several kilobytes): looking up the 1,200 entries a one-article
    run reads walked the trie over 700 KB of keys (about 18 ms), where a fixed 32-character
    digest costs a fraction of that to compute and to look up, and keeps the store small."""
    return namespace + ":" + blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def pattern_key(pattern: str, flags: int, version: int) -> str:
    """The store's key for the pattern `pattern` compiled with `flags` under ``regex`` `version`."""
    return _digest_text("re", f"{flags} {version} {pattern}")


def memo_key(key: tuple[Any, ...]) -> str:
    """The store's key for the ``memo`` value named by `key` (its namespace stays readable)."""
    return _digest_text(str(key[0]), repr(key))


def _get(text: str) -> bytes | None:
    """The stored pickle under the store key `text` (``pattern_key``, ``memo_key``), or None."""
    made = _added.get(text)
    if made is not None:
        return made  # made earlier in this process, not yet saved (a later build reads it back)
    found = _load().lookup(text)
    if found is None:
        global _journal
        if _journal is None:
            path = _path()
            _journal_stamp[0] = _stamp(_journal_path(path)) if path is not None else None
            _journal = _read_journal(path)
        late = _journal.get(text)
        if late is not None:
            global _journal_hit
            _journal_hit = True
            _used.add(text)
        return late
    _used.add(text)
    return found


def _compile(pattern: Any, flags: Any, ignore_unused: Any, kwargs: Any, cache_it: Any) -> Any:
    version = regex.DEFAULT_VERSION
    if not kwargs:
        # Fast path: a pattern already compiled (or read) in this process. Kinds that call
        # regex.sub(str, ...) per word come here thousands of times per article.
        got = _live.get((pattern, flags, version))
        if got is not None:
            return got
    if type(pattern) is not str or kwargs or int(flags) & _SKIP:
        return _original(pattern, flags, ignore_unused, kwargs, cache_it)
    if len(_live) >= MAX_LIVE:
        _live.clear()
    text = pattern_key(pattern, int(flags), int(version))
    data = _get(text)
    if data is not None:
        try:
            got = pickle.loads(data)
            _live[(pattern, flags, version)] = got
            return got
        except (pickle.UnpicklingError, TypeError, ValueError, AttributeError, EOFError):
            pass
    compiled = _original(pattern, flags, ignore_unused, kwargs, cache_it)
    if not (compiled.flags & regex.LOCALE) and len(_added) < MAX_PATTERNS:
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
            _added[text] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    _live[(pattern, flags, version)] = compiled
    return compiled


class _Block:
    """A ``with`` block that does nothing under ``MTLINT_NO_CACHE`` (a class: entered once per
    checked document and per rule built); ``_enter`` and ``_exit`` run under the lock."""

    __slots__ = ("_on",)

    def __init__(self) -> None:
        self._on: list[bool] = []

    def __enter__(self) -> None:
        on = not os.environ.get("MTLINT_NO_CACHE")  # as checker.cachedir.cache_dir (cheap: per rule call)
        self._on.append(on)
        if on:
            with _lock:
                self._enter()

    def __exit__(self, *exc: object) -> None:
        if self._on.pop():
            with _lock:
                self._exit()

    def _enter(self) -> None:
        raise NotImplementedError

    def _exit(self) -> None:
        raise NotImplementedError


class _Active(_Block):
    """The ``with`` block of ``active()``: ``regex`` compiles through the store."""

    __slots__ = ()

    def _enter(self) -> None:
        global _depth, _original
        import regex._main as main

        if _depth == 0:
            _original = main._compile
            main._compile = _compile
        _depth += 1

    def _exit(self) -> None:
        global _depth
        import regex._main as main

        _depth -= 1
        if _depth == 0:
            main._compile = _original


#: ``with ACTIVE:`` — within this block, ``regex`` compiles through the store (nothing
#: happens without a cache directory).
ACTIVE = _Active()


def active() -> _Active:
    """The context manager ``ACTIVE``."""
    return ACTIVE


def is_active() -> bool:
    """True where ``memo`` keeps values: inside ``active()`` (with a cache directory) or ``VALUES``."""
    return _depth > 0 or _values_depth > 0


class _Values(_Block):
    """The ``with`` block of ``VALUES``: ``memo`` reads and keeps values, ``regex`` compiles as usual.

    Rules built from their files (the first run after they change) compile every row of every
    table to check it, outside ``active()``: those thousands of patterns are not worth a place in
    the store. What is derived from a whole table (its parsed rows, its literal and start
    indexes) is, because the next run, which builds rules on first need from the store, would
    otherwise make it from every row again (2.7 s and 119 MiB for one article, against 0.46 s and
    83 MiB once stored)."""

    __slots__ = ()

    def _enter(self) -> None:
        global _values_depth
        _values_depth += 1

    def _exit(self) -> None:
        global _values_depth
        _values_depth -= 1


#: ``with VALUES:`` — within this block, ``memo`` keeps values in the store (as in ``ACTIVE``),
#: and patterns are compiled without it.
VALUES = _Values()


def memo(key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """A value kept in the same store as the patterns (inside ``active()`` only): `key` names
    what it is (its first item a namespace other than a pattern), `compute` makes it when new."""
    if _depth == 0 and _values_depth == 0:
        return compute()
    got = _live.get(key)
    if got is not None:
        return got  # type: ignore[no-any-return]
    text = memo_key(key)
    data = _get(text)
    if data is not None:
        with contextlib.suppress(pickle.UnpicklingError, TypeError, ValueError, AttributeError, EOFError):
            got = _live[key] = pickle.loads(data)
            return got  # type: ignore[no-any-return]
    value = compute()
    if len(_added) < MAX_PATTERNS:
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
            _added[text] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if _depth:  # under ``VALUES`` alone (rules built from their files) each is made once: not kept
        _live[key] = value
    return value


def digest(parts: Iterable[str]) -> str:
    """A short digest of some strings (a table's rows), to name a ``memo`` entry by content."""
    return blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _size(entries: dict[str, bytes]) -> int:
    """The bytes `entries` take in the journal's pickle, about (its keys and values)."""
    return sum(len(key) + len(value) for key, value in entries.items())


def save() -> None:
    """Add the entries made in this process to the store on disk (merged, written atomically).

    The store keeps at most ``MAX_PATTERNS`` entries. When the new ones do not fit, the entries
    of the store that this process did not read (patterns of rule files edited or removed since,
    of another checkout, of an older mtlint) make room first: the entries read in this process
    and the new ones are kept, then the other old ones as long as there is room."""
    global _added, _journal, _journal_hit
    # A run that read entries from a journal over JOURNAL_MAX_BYTES merges it even when it adds
    # nothing: else every later run that needs those entries pays for reading it again.
    heavy = _journal_hit and _journal is not None and _size(_journal) > JOURNAL_MAX_BYTES
    _journal_hit = False
    if not _added and not heavy:
        return
    path = _path()
    if path is None:
        return
    with _locked(path):
        _save_to(path, heavy)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on a file beside the store at `path`, for one read-merge-write of the
    journal or the store: processes that save at the same moment (the workers of one run, which
    all save when they leave, or runs side by side) would else each write what they read plus
    their own entries, and the last write would drop the others' new entries. Without ``flock``
    (not POSIX, a file system without locks) the save goes on unlocked, as before."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        fd = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _save_to(path: Path, heavy: bool) -> None:
    """``save``'s merge into the store at `path`, under ``_locked``."""
    global _added, _journal
    old = _open(path)
    journal = _read_journal(path)  # as it is now: other runs may have added to it
    fresh = {key: value for key, value in _added.items() if key not in journal and not (old and key in old)}
    _added = {}
    if not fresh and not (heavy and journal):
        return
    if len(journal) + len(fresh) <= JOURNAL_MAX and _size(journal) + _size(fresh) <= JOURNAL_MAX_BYTES:
        journal.update(fresh)
        _journal = journal
        with contextlib.suppress(OSError):
            publish_pickle(_journal_path(path), journal)
        return
    # The journal is full (or large and in use): merge it into the store. The old entries are
    # streamed from the file into the new one (``flatstore.records``, ``read_values``): only
    # their keys are held, never their pickles (some tens of megabytes on top of the run's peak).
    old_records: list[tuple[str, bytes, int, int]] = []
    for raw, start, length in flatstore.records(path):
        with contextlib.suppress(UnicodeDecodeError):
            old_records.append((raw.decode("utf-8", "surrogatepass"), raw, start, length))
    old_keys = {record[0] for record in old_records}
    fresh = {key: value for key, value in {**journal, **fresh}.items() if key not in old_keys}
    kept = old_records
    if len(old_records) + len(fresh) > MAX_PATTERNS:
        keep = {key for key in old_keys if key in _used}
        room = max(MAX_PATTERNS - len(keep) - len(fresh), 0)
        for record in old_records:
            if not room:
                break
            if record[0] not in keep:
                keep.add(record[0])
                room -= 1
        kept = [record for record in old_records if record[0] in keep]
    changed = len(kept) != len(old)
    added = list(fresh.items())[: max(MAX_PATTERNS - len(kept), 0)]
    if added:
        changed = True
    if changed:
        sized = [(raw, length) for _key, raw, _start, length in kept]
        sized += [(key.encode("utf-8", "surrogatepass"), len(value)) for key, value in added]

        def _write(tmp: str) -> None:
            streamed = flatstore.read_values(path, [(start, length) for _key, _raw, start, length in kept])
            flatstore.write_sized(tmp, sized, itertools.chain(streamed, (value for _key, value in added)))

        with contextlib.suppress(OSError, ValueError):
            publish(path, _write)
        # The marisa-trie stores of the same regex and Python that earlier versions wrote: never
        # read again, and up to some tens of megabytes.
        for name in _LEGACY:
            legacy = path.with_name(path.name.replace("-k3.flat", name))
            for stale in (legacy, _journal_path(legacy)):
                with contextlib.suppress(OSError):
                    stale.unlink()
    # (a full store of entries this process read: nothing new fits, the store is not written)
    _journal = {}
    with contextlib.suppress(OSError):
        os.unlink(_journal_path(path))
