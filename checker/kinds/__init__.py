"""Kinds: the closed set of detection mechanisms a rule file can name.

A kind is a module ``checker.kinds.<name with - as _>`` that defines:

- ``NAME``: the kind's name as written in rule files;
- ``PARAMS``: ``{name: checker.rules.param(...)}``, validated at load time;
- ``build(rule) -> check``: compile the rule once; ``check(doc, ctx)`` yields
  :class:`checker.finding.Hit` objects. Heavy resources load inside ``check``
  on first use, never in ``build`` or at import.

Adding a kind is adding one module here.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

#: Kinds whose checks yield nothing on a document without a source alignment (source mode: the
#: ``source`` entry of ``Document.cache``, set by ``checker.compare``). The engine neither builds
#: nor runs their rules on other documents, so their modules are not even imported then;
#: ``tests/test_speed_startup_path.py`` checks the list against the modules' docstrings and checks.
SOURCE_ONLY = frozenset({"length-ratio", "source-anchors", "source-copy", "source-names", "source-omission"})
#: Where ``checker.compare`` leaves the source alignment in ``Document.cache`` (its ``SOURCE_KEY``).
SOURCE_KEY = "source"
#: Entries of ``Document.cache`` that only the kinds named read, by key (or by the first item of a
#: tuple key); a name ending in ":" covers every key it begins. The engine drops such an entry once
#: no rule of those kinds is left to run on the document: on a large article these per-document
#: views (tens of bytes per character each) no longer pile up until the last rule. Whatever holds
#: one of these keys must list here every kind that reads it, or a reader left out would compute
#: it again (the same value, at a cost); ``tests/test_cache_release.py`` checks that none is
#: computed twice.
CACHE_READERS: dict[str, frozenset[str]] = {
    "names.namewords": frozenset({"name-families", "first-name-swap"}),
    "name-families.collected": frozenset({"name-families"}),
    "names.sentence_firsts": frozenset({"name-families", "name-variants"}),
    "name-variants-spellings": frozenset({"name-variants"}),
    "name-variants": frozenset({"name-variants"}),
    "glossary.word-starts": frozenset({"glossary", "sense-table", "support-verb"}),
    "pattern:start-folded": frozenset({"pattern", "slot-pattern", "variant-consistency"}),
    "line-score:": frozenset({"line-score"}),
    "lost-mark:starts": frozenset({"lost-mark"}),
    "spacing-convention:": frozenset({"spacing-convention"}),
    "repeated-text:units": frozenset({"repeated-text"}),
    "gr:": frozenset({"gender-reference"}),
}


@cache
def available() -> tuple[str, ...]:
    """Names of every kind shipped in this package.

    Read from the package's directory as ``pkgutil.iter_modules`` would, without it: it imports
    ``inspect`` (some 6 ms of a one-article run). ``pkgutil`` remains for a package that is
    not a directory (a zip file)."""
    import os
    from importlib.machinery import all_suffixes

    suffixes = all_suffixes()
    names: set[str] = set()
    for where in __path__:
        try:
            entries = os.listdir(where)
        except OSError:
            import pkgutil

            names.update(m.name for m in pkgutil.iter_modules([where]))
            continue
        for entry in entries:
            if os.path.isdir(os.path.join(where, entry)):
                if entry.isidentifier() and os.path.isfile(os.path.join(where, entry, "__init__.py")):
                    names.add(entry)
                continue
            for suffix in suffixes:
                if entry.endswith(suffix):
                    stem = entry[: -len(suffix)]
                    if stem.isidentifier():
                        names.add(stem)
                    break
    return tuple(sorted(n.replace("_", "-") for n in names if not n.startswith("_")))


@cache
def get_kind(name: str) -> ModuleType:
    """The module implementing kind `name`; KeyError with a helpful message if there is none."""
    if name not in available():
        raise KeyError(f"unknown kind {name!r} (known: {', '.join(available())})")
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
