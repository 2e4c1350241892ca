"""Remember which rule files were fully built once, so that later runs may build rules lazily.

Building a rule (compiling its regular expressions, reading its tables) is what
finds a bad regex, yet a French article needs only the French and common rules.
``load_rules`` therefore builds every rule of every pack the first time it sees a
given set of rule files and, when that succeeds, leaves a stamp named after a hash
of those files (their paths and bytes, the kinds' source and the versions of
mtlint and ``regex``). With the stamp present nothing can fail to build that did
not fail before, so rules are built on first use instead. Any edit to a rule file,
a word list beside it or a kind changes the hash and brings back the full build.

The stamps live in ``$MTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtlint``, else
``~/.cache/mtlint``; ``MTLINT_NO_CACHE=1`` turns them off. A cache that cannot be
written only costs time.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from checker.cachedir import (  # cache_dir: where stamps are kept (re-exported)
    cache_dir,
    mark_used,
    prune_versions,
    publish_pickle,
)

_STAMPS = "rules-built"
_DATA = "rules-data"
#: Bumped when what ``store_ruleset`` writes changes shape.
_DATA_FORMAT = 3
#: The fields of a stored rule kept packed (pickled apart) until first read, in groups unpacked
#: together: a check reads the ``params`` of the rules it builds, and the ``why`` and ``examples``
#: of none (``mtlint explain``, some output formats and the rule tests read them). Unpickling
#: every rule's fields whole was about two thirds of reading the rule set (some 8 ms of a
#: one-article run), most of it examples.
_PACKED = (("params",), ("why", "examples"), ("path",))
#: Where ``pack`` leaves a rule's packed groups in its ``__dict__`` (a list, one pickle or None per group).
_PACKED_KEY = "_packed"

_STATS = "rules-stat"
#: Files changed less than this long ago (nanoseconds) are hashed by content at every run.
RACY_NS = 2_000_000_000
#: Inside ``one_walk``: the stat listing of each set of directories, taken once for the run.
_WALKS: dict[tuple[str, ...], tuple[str, int]] | None = None


@contextlib.contextmanager
def one_walk() -> Any:
    """Within this block (one run), walk and stat the rule and code files once.

    The rule-build stamp (``fingerprint``) and the result cache's key
    (``checker.resultcache.rules_fingerprint``) both stand on the stat of the same files; a
    run asks for both, and each walk costs some 3 ms. Inside the block the second asks reuses
    the first listing, which also keys the results on the very files the rules were loaded
    from. Outside it (a library caller, a resident process between requests) every call
    walks again, so an edit is never missed."""
    global _WALKS
    outer = _WALKS
    if outer is None:
        _WALKS = {}
    try:
        yield
    finally:
        if outer is None:
            _WALKS = None


def fingerprint(pack_dirs: Iterable[Path]) -> str:
    """A hash of every file in the pack directories, of the kinds' code and of the versions involved.

    Hashing some 250 files costs more than the rest of an empty run, so the hash is kept in the
    cache directory beside the files' stat (path, size, modification and change times, inode):
    while no file is added, removed or touched, the stat alone, which costs a directory walk,
    finds the hash. Any difference hashes the contents again (``content_fingerprint``).
    """
    return stat_keyed(pack_dirs, content_fingerprint)


def stat_keyed(pack_dirs: Iterable[Path], compute: Callable[[list[Path]], str], name: str = "") -> str:
    """``compute(pack_dirs)``, a hash of the contents of mtlint's code and of the pack directories,
    kept in the cache directory under `name` beside the stat of those files (see ``fingerprint``)."""
    dirs = list(pack_dirs)
    root = cache_dir()
    if root is None:
        return compute(dirs)
    walks, names = _WALKS, tuple(map(str, dirs))
    walked = walks.get(names) if walks is not None else None
    if walked is None:
        try:
            walked = _stat_listing(dirs)
        except OSError:
            return compute(dirs)
        if walks is not None:
            walks[names] = walked
    listing, newest = walked
    import zlib

    where = root / _STATS / f"{name}{zlib.crc32(listing.split(chr(10), 1)[0].encode()):08x}"
    try:
        with open(where, encoding="utf-8") as fh:
            key, _, seen = fh.read().partition("\n")
        if seen == listing and len(key) == 64:
            return key
    except (OSError, UnicodeDecodeError):
        pass
    key = compute(dirs)
    if newest > time.time_ns() - RACY_NS:
        # A file changed within the timestamps' resolution could change again with the same stat
        # (git's "racy" files): its hash is not kept until every file is older than that.
        return key
    with contextlib.suppress(OSError):
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = where.with_name(f".tmp-{where.name}-{os.getpid()}")
        tmp.write_text(f"{key}\n{listing}", encoding="utf-8")
        os.replace(tmp, where)
    return key


def _stat_listing(pack_dirs: list[Path]) -> tuple[str, int]:
    """One line per file that ``content_fingerprint`` reads (and per directory walked): its path,
    size, inode, modification and change times in nanoseconds; the first line names the set.
    Also the newest of those times. ``regex`` is not imported for its version (some 8 ms, which an
    empty file or a cached result would not otherwise spend): its installed files are listed too."""
    from checker._version import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    dirs = [os.path.abspath(d) for d in pack_dirs]
    engine = _regex_dir()
    lines = [f"mtlint {__version__} regex {engine} {here} {' '.join(dirs)}"]

    newest = [0]

    def add(path: str) -> None:
        st = os.stat(path)
        newest[0] = max(newest[0], st.st_mtime_ns, st.st_ctime_ns)
        lines.append(f"{path}\0{st.st_size} {st.st_ino} {st.st_mtime_ns} {st.st_ctime_ns}")

    if engine:
        for name in sorted(os.listdir(engine)):
            path = os.path.join(engine, name)
            if os.path.isfile(path):
                add(path)
    for top in [here, *dirs]:
        # (checker.resultcache.rules_fingerprint reads every module of the package and kinds/;
        # content_fingerprint some of them: both are covered)
        for base, subdirs, files in os.walk(top):
            subdirs.sort()
            add(base)  # a file added or removed changes its directory's times
            for name in sorted(files):
                add(os.path.join(base, name))
            if top == here:
                subdirs[:] = [d for d in subdirs if d == "kinds"] if base == here else []
    return "\n".join(lines), newest[0]


def _regex_dir() -> str:
    """The directory ``regex`` is installed in (its modules and compiled extension), found without
    importing it; "" when it cannot be found."""
    loaded = sys.modules.get("regex")
    origin = getattr(loaded, "__file__", None)
    if origin is None:
        import importlib.util

        try:
            spec = importlib.util.find_spec("regex")
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
    return os.path.dirname(os.path.abspath(origin)) if origin else ""


def content_fingerprint(pack_dirs: Iterable[Path]) -> str:
    """The hash of the files' contents behind ``fingerprint``."""
    import regex

    from checker._version import __version__
    from checker.flatstore import sha256

    h = sha256(f"mtlint {__version__} regex {regex.__version__}\n".encode())
    here = Path(__file__).resolve().parent
    groups = [(here, _code_files())] + [(d, sorted(p for p in d.rglob("*") if p.is_file())) for d in pack_dirs]
    hash_files(h, [(f"dir {base.resolve()}", base, paths) for base, paths in groups])
    return h.hexdigest()


def _code_files() -> list[Path]:
    """The modules that building a rule runs (what a rule's building depends on besides its files)."""
    here = Path(__file__).resolve().parent
    return [
        here / "rules.py", here / "wordlists.py", here / "messages.py", here / "finding.py",
        here / "prefilter.py", *sorted((here / "kinds").glob("*.py")),
    ]


#: The file in a rules root that says every rule under it built with this code: a line
#: ``sha256 <release_digest>`` (written by ``tools/stamp_rules.py``; see ``shipped_validated``).
VALIDATED = "VALIDATED"


def release_digest(pack_dirs: Iterable[Path]) -> str:
    """A hash of what ``content_fingerprint`` reads, named so that it does not depend on where
    the files lie: mtlint's version, the modules of ``_code_files`` (by name) and every file of
    each pack directory (by its path in the directory, under the directory's name; a
    ``VALIDATED`` file is left out). Two installs of one release give the same digest.

    Unlike ``content_fingerprint`` it leaves out the version of ``regex``: a stamp is written
    where the rules were built (``tools/stamp_rules.py``) and read wherever they are installed,
    with the ``regex`` of that machine; the module keeps the patterns it accepted valid from one
    release to the next."""
    from checker._version import __version__
    from checker.flatstore import sha256

    h = sha256(f"mtlint-validated 1 {__version__}\n".encode())
    here = Path(__file__).resolve().parent
    groups = [("code", here, _code_files())]
    for d in pack_dirs:
        files = sorted(p for p in d.rglob("*") if p.is_file() and not (p.name == VALIDATED and p.parent == d))
        groups.append((f"pack {d.name}", d, files))
    hash_files(h, groups)
    return h.hexdigest()


def read_validated(root: Path) -> str | None:
    """The digest that `root`'s ``VALIDATED`` file names, or None (no file, unreadable, no digest)."""
    try:
        text = (root / VALIDATED).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        word, _, digest = line.strip().partition(" ")
        if word == "sha256" and len(digest.strip()) == 64:
            return digest.strip()
    return None


def write_validated(root: Path, digest: str) -> Path:
    """Write `root`'s ``VALIDATED`` file naming `digest`; returns its path."""
    path = root / VALIDATED
    path.write_text(
        "# mtlint: every rule under this directory was built from its files by this version of\n"
        "# mtlint's code (tools/stamp_rules.py). A first run that finds the same files and code\n"
        "# (rulecache.release_digest) builds the rules on first use instead of all at once.\n"
        f"sha256 {digest}\n",
        encoding="utf-8",
    )
    return path


def shipped_validated(root: Path, pack_dirs: Iterable[Path]) -> bool:
    """True when `root` (a rules root: mtlint's own rules, a house pack) holds a ``VALIDATED``
    file naming the ``release_digest`` of its pack directories.

    Then every rule under it built once with this code, where the stamp was written: a cache
    directory that has not seen these files yet (the first run after an install, a CI job with a
    fresh cache) need not build them all again to find a bad pattern, and builds each rule on
    first use as later runs do. A stamp that names other files or code counts for nothing (the
    rules are all built, as without it). ``MTLINT_IGNORE_VALIDATED=1`` ignores the stamps.
    """
    if os.environ.get("MTLINT_IGNORE_VALIDATED", "").strip() not in ("", "0"):
        return False
    stamped = read_validated(root)
    if stamped is None:
        return False
    try:
        return release_digest(pack_dirs) == stamped
    except OSError:
        return False


def hash_files(h: Any, groups: Iterable[tuple[str, Path, Iterable[Path]]]) -> None:
    """Feed groups of files to a hash: each group's label, then each file's name relative to the
    group's base directory, its size and its bytes (an unreadable file counts as a marker)."""
    for label, base, paths in groups:
        h.update(f"\0{label}\n".encode())
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                data = b"\0unreadable"
            h.update(f"\0{path.relative_to(base).as_posix()} {len(data)}\n".encode())
            h.update(data)


def is_validated(key: str) -> bool:
    """True when rules with this fingerprint were all built successfully before."""
    root = cache_dir()
    return root is not None and (root / _STAMPS / key).is_file()


def mark_validated(key: str) -> None:
    """Record that every rule with this fingerprint built; errors are ignored."""
    root = cache_dir()
    if root is None:
        return
    try:
        (root / _STAMPS).mkdir(parents=True, exist_ok=True)
        (root / _STAMPS / key).touch()
    except OSError:
        pass


def _data_path(dirs: Iterable[Path]) -> tuple[str, Path] | None:
    """The fingerprint of these pack directories and where their rule data is kept."""
    root = cache_dir()
    if root is None:
        return None
    try:
        key = fingerprint(dirs)
    except OSError:
        return None
    return key, root / _DATA / f"{key}.v{_DATA_FORMAT}.pickle"


def load_ruleset(dirs: Iterable[Path], rule_class: type) -> tuple[tuple[Any, ...], tuple[Any, ...], bytes] | None:
    """(packs, rules, translations by rule file as a pickle) validated by an earlier run from the files of
    these pack directories, or None. The rules are made as instances of `rule_class`
    (``checker.rules.Rule``, passed in: this module is imported by that one, not the reverse).

    A rule set is stored only after every rule built (``store_ruleset``), so what is read
    back is what ``load_rules`` would validate again; its rules are then built on first use.
    """
    import pickle

    found = _data_path(dirs)
    if found is None or not is_validated(found[0]):
        return None
    try:
        with open(found[1], "rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _DATA_FORMAT or not isinstance(data.get("translations"), bytes):
        return None
    mark_used(found[1])
    return data["packs"], tuple(_unpacked(rule_class, state) for state in data["rules"]), data["translations"]


def pack(rule: Any) -> dict[str, Any]:
    """The fields of `rule` (a ``checker.rules.Rule``) as ``store_ruleset`` keeps them: those of
    ``_PACKED`` pickled apart, a group per pickle, to be unpickled on first read (``unpack``)."""
    import pickle

    from checker.dataclass import fields

    state = {f.name: getattr(rule, f.name) for f in fields(rule)}
    state[_PACKED_KEY] = [
        pickle.dumps({name: state.pop(name) for name in group}, protocol=pickle.HIGHEST_PROTOCOL) for group in _PACKED
    ]
    return state


def _unpacked(cls: type, state: dict[str, Any]) -> Any:
    """A rule of class `cls` from its ``pack``-ed fields (those of ``_PACKED`` still packed)."""
    rule = object.__new__(cls)
    rule.__dict__.update(state)
    return rule


def unpack(rule: Any, name: str) -> Any:
    """Field `name` of a rule read back by ``load_ruleset``, unpickled with its group on first read
    (``Rule.__getattr__``, asked only for an attribute the rule does not hold); AttributeError
    for any other name."""
    packed = rule.__dict__.get(_PACKED_KEY)
    if packed is not None:
        for i, group in enumerate(_PACKED):
            if name in group:
                data = packed[i]
                if data is not None:
                    import pickle

                    rule.__dict__.update(pickle.loads(data))
                    packed[i] = None  # after the update: a thread that finds None finds the fields
                if name in rule.__dict__:
                    return rule.__dict__[name]
    raise AttributeError(f"{type(rule).__name__!r} object has no attribute {name!r}")


def store_ruleset(dirs: Iterable[Path], packs: Any, rules: Any, translations: dict[str, Any]) -> None:
    """Keep a validated rule set (rules without their built checks) for ``load_ruleset``."""
    import pickle

    found = _data_path(dirs)
    if found is None or not is_validated(found[0]) or found[1].is_file():
        return
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        # The translations are kept as one pickle in the pickle, read when a message in another
        # language is first asked for (``checker.messages.preload_translations``).
        data = {"format": _DATA_FORMAT, "packs": packs, "rules": tuple(map(pack, rules)),
                "translations": pickle.dumps(translations, protocol=pickle.HIGHEST_PROTOCOL)}
        publish_pickle(found[1], data)
    # Each edit of a rule file makes a new rule set (about 1.4 MB with the built-in packs): the
    # sets no run has read lately go (``cachedir.prune_versions``).
    with contextlib.suppress(OSError):
        prune_versions(((p, [p]) for p in found[1].parent.glob("*.pickle")), current=found[1])
