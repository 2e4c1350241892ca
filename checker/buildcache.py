"""Values built from data files, kept in the cache directory so that later processes load them.

A kind that builds an index from its lists on first use (a fuzzy index of known
names, say) can ask ``from_files`` for it: the value is pickled under a hash of the
files' bytes, of the source of the module that builds it and of a name, so an edit
to the lists or to the code builds it again. Without a cache directory (or when the
cache cannot be written) the value is simply built, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from checker.cachedir import publish_pickle

T = TypeVar("T")


def from_files(name: str, paths: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or the value an earlier process built from the same files and code."""
    from checker.cachedir import cache_dir

    root = cache_dir()
    if root is None:
        return build()
    h = hashlib.sha256(f"{name}\0{sys.version_info[:2]}\0".encode())
    try:
        module = sys.modules.get(getattr(build, "__module__", ""), None)
        h.update(Path(getattr(module, "__file__", "") or "").read_bytes())
        for path in paths:
            data = path.read_bytes()
            h.update(f"\0{path.name} {len(data)}\0".encode())
            h.update(data)
    except OSError:
        return build()
    target = root / "derived" / f"{h.hexdigest()[:32]}.pickle"
    try:
        with open(target, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        publish_pickle(target, value)
    return value
