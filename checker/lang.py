"""Language tags: normalise what users write (``fr``, ``fr_FR``, ``French``, ``français``) to BCP 47."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from checker.errors import UsageError


@lru_cache(maxsize=256)
def normalize(value: str) -> str:
    """The BCP 47 tag for a language tag or name; UsageError when langcodes does not know it."""
    raw = value.strip()
    if not raw:
        raise UsageError("empty language")
    if raw.isascii() and raw.isalpha() and raw.islower() and 2 <= len(raw) <= 3:
        # A bare primary subtag that has a word list is already canonical: spare the
        # langcodes import (~0.05-0.1 s of a pre-commit run).
        from checker import lexicon

        if raw in lexicon.available() and raw != "sh":  # wordfreq's "sh" is langcodes' sr-Latn
            return raw
    import langcodes  # ~0.1 s: only when a language needs parsing
    candidate = raw.replace("_", "-")
    try:
        tag = langcodes.standardize_tag(candidate)
        if langcodes.tag_is_valid(tag):
            return tag
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        pass
    try:
        return langcodes.find(raw).to_tag()
    except LookupError:
        raise UsageError(f"unknown language {value!r} (use a tag such as 'fr' or a name such as 'French')") from None


def display_name(tag: str, in_lang: str = "en") -> str:
    """A language's name (‘English’, or ‘anglais’ with in_lang='fr')."""

    def compute() -> str:
        import langcodes

        try:
            return str(langcodes.Language.get(tag).display_name(in_lang))
        except (ValueError, LookupError):
            return tag

    return remembered_name(f"name {tag} {in_lang}", compute)


#: Language names already asked for (see ``remembered_name``); None until read from the cache.
_names: dict[str, str] | None = None


def remembered_name(key: str, compute: Callable[[], str]) -> str:
    """A language name that langcodes gives, remembered across runs in the cache directory
    (``langnames-VERSION.json``): langcodes' name tables cost about 30 MiB of memory once
    imported, for the few names a run's findings print. Without a cache directory, or for a
    name not asked before, langcodes answers (and the answer is kept for the next runs)."""
    global _names
    if _names is None:
        _names = _read_names()
    got = _names.get(key)
    if got is None:
        got = _names[key] = compute()
        _write_names(_names)
    return got


def _names_path() -> Path | None:
    """The file of remembered names, named after the installed langcodes and language_data
    (their files' stat, found without importing them): another version starts a new file."""
    import os
    from importlib.util import find_spec

    from checker.cachedir import cache_dir
    from checker.flatstore import sha256

    root = cache_dir()
    if root is None:
        return None
    parts = []
    for module in ("langcodes", "language_data"):
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.origin:
            return None
        try:
            st = os.stat(spec.origin)
        except OSError:
            return None
        parts.append(f"{spec.origin} {st.st_size} {st.st_mtime_ns}")
    return root / f"langnames-{sha256(' '.join(parts).encode()).hexdigest()[:16]}.json"


def _read_names() -> dict[str, str]:
    import json

    path = _names_path()
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_names(names: dict[str, str]) -> None:
    import contextlib
    import json

    from checker.cachedir import publish

    path = _names_path()
    if path is None:
        return
    text = json.dumps(names, ensure_ascii=False, sort_keys=True)
    with contextlib.suppress(OSError):
        publish(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def primary(tag: str) -> str:
    """The primary subtag: 'fr' for 'fr-CA'."""
    return tag.split("-")[0].lower()
