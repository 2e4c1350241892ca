"""The methods ``dataclasses`` writes for each dataclass, compiled once and kept in the cache directory.

For every ``@dataclass`` Python writes the source text of ``__init__``, ``__repr__``, ``__eq__``
(and ``__setattr__``, ``__delattr__``, ``__hash__`` for frozen ones) and compiles it when the
class is created. The modules one article needs define some 35 dataclasses: about 180 such
texts, 15 ms of compiling in every ``mtlint check`` process. The command line imports this
module first; from then on ``dataclasses`` compiles each text once: its code object is kept,
under the text itself, in one ``marshal`` file of the cache directory (one per Python build and
optimisation level), read when this module is imported and written again at exit when a text
was new. A text's code object is what ``exec`` of the same text compiles (same file name
``<string>``, no inherited ``__future__`` flags), so every class is built exactly as before.

Only CPython 3.11 and 3.12, whose ``dataclasses._create_fn`` this follows line for line, are
handled; with another Python, or without a cache directory (``MTLINT_NO_CACHE``), nothing changes.
"""

from __future__ import annotations

import sys
from typing import Any

#: The most texts the file keeps (programs embedding mtlint define dataclasses of their own).
MAX_TEXTS = 4096

_codes: dict[str, Any] = {}
#: ``return_type`` not given (dataclasses' own default is its ``MISSING``; ``None`` is a real value).
_UNSET: Any = object()
_added = False
_installed = False
#: ``dataclasses._create_fn`` before ``install`` (the tests compare both).
_original: Any = None


def _path() -> Any:
    from importlib.util import MAGIC_NUMBER

    from checker.cachedir import cache_dir

    root = cache_dir()
    if root is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}-O{sys.flags.optimize}"
    return root / f"dataclass-code-{tag}.marshal"


def _read(path: Any) -> dict[str, Any]:
    import marshal

    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())  # (marshal.load reads a file in small pieces: far slower)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    code_type = type(_read.__code__)
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and type(v) is code_type}


def _code(text: str) -> Any:
    """The code object of `text`, as ``exec(text, …)`` would compile it."""
    global _added
    code = _codes.get(text)
    if code is None:
        code = compile(text, "<string>", "exec", dont_inherit=True)
        if len(_codes) < MAX_TEXTS:
            _codes[text] = code
            _added = True
    return code


def _create_fn(name: str, args: Any, body: Any, *, globals: Any = None, locals: Any = None,  # noqa: A002
               return_type: Any = _UNSET) -> Any:
    """``dataclasses._create_fn`` (CPython 3.11, 3.12), compiling its text through ``_code``."""
    import dataclasses

    if locals is None:
        locals = {}  # noqa: A001
    return_annotation = ""
    if return_type is not _UNSET and return_type is not dataclasses.MISSING:
        locals["_return_type"] = return_type
        return_annotation = "->_return_type"
    text = f" def {name}({','.join(args)}){return_annotation}:\n" + "\n".join(f"  {b}" for b in body)
    text = f"def __create_fn__({', '.join(locals.keys())}):\n{text}\n return {name}"
    ns: dict[str, Any] = {}
    exec(_code(text), globals, ns)  # noqa: S102 - what dataclasses itself does with the same text
    return ns["__create_fn__"](**locals)


def save() -> None:
    """Write the texts met in this process to the cache file (merged with it, atomically)."""
    global _added
    if not _added:
        return
    _added = False
    path = _path()
    if path is None:
        return
    import contextlib
    import marshal

    from checker.cachedir import publish

    merged = _read(path)
    for text, code in _codes.items():
        if len(merged) >= MAX_TEXTS:
            break
        merged.setdefault(text, code)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            marshal.dump(merged, fh)

    with contextlib.suppress(OSError, ValueError):
        publish(path, write)


def install() -> None:
    """Let ``dataclasses`` compile through the cache (once per process; see the module's docstring)."""
    global _installed
    if _installed or sys.implementation.name != "cpython" or sys.version_info[:2] not in ((3, 11), (3, 12)):
        return
    import dataclasses

    if not callable(getattr(dataclasses, "_create_fn", None)):
        return
    path = _path()
    if path is None:
        return
    import atexit

    global _original
    _installed = True
    _codes.update(_read(path))
    _original = dataclasses._create_fn  # type: ignore[attr-defined]
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    atexit.register(save)


install()
