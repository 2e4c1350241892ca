"""Language tags: normalise what users write (``fr``, ``fr_FR``, ``French``, ``français``) to BCP 47."""

from __future__ import annotations

from functools import lru_cache

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
    import langcodes

    try:
        return langcodes.Language.get(tag).display_name(in_lang)
    except (ValueError, LookupError):
        return tag


def primary(tag: str) -> str:
    """The primary subtag: 'fr' for 'fr-CA'."""
    return tag.split("-")[0].lower()
