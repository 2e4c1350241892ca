"""Rule messages and explanations in more than one language.

A rule file may carry its ``message`` and ``why`` in other languages, either as
``message_fr``/``why_fr`` keys or as a table::

    [messages.fr]
    message = "« {text} » ressemble à …"
    why = \"\"\"Pourquoi c'est un problème …\"\"\"

The loader validates them (``validate``): a language subtag of 2–3 letters, a
non-empty string, only ``message`` and ``why`` in a table, the same ``{fields}``
as the English message. ``rule_text(rule, lang)`` gives the text in a language,
falling back to English. The message language of a run is ``--message-lang`` or
the ``message-lang`` configuration key, else the article's language, else
English; the JSON report keeps the rule codes, so tools never depend on the
wording.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from checker.errors import UsageError

__all__ = ["LABELS", "label", "localize_args", "message_language", "rule_text", "validate"]

_SUFFIXED = re.compile(r"^(message|why)_([a-z]{2,3})$")
_LANG = re.compile(r"^[a-z]{2,3}$")

#: Texts of rules defined in code (not in a rule file), by code and language.
BUILTIN: dict[str, dict[str, tuple[str, str]]] = {
    "MT490": {
        "fr": ("« {text} » figure dans la liste des mots refusés du projet{hint}.",
               "Le vocabulaire du projet (reject.txt) écarte ce mot ou ce nom : un terme que la rédaction a "
               "remplacé, une graphie qu'elle n'emploie pas, un mot qu'elle proscrit. Le remplacement indiqué, "
               "s'il y en a un, est proposé. Retirez l'entrée pour ne plus le signaler."),
    },
}

#: Words of the command line and the HTML report, by language (English is the key).
LABELS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "Message": "Message",
        "Why it matters": "Pourquoi c'est important",
        "Flagged": "Signalé",
        "Not flagged": "Non signalé",
        "category": "catégorie",
        "severity": "gravité",
        "language": "langue",
        "Suggestion": "Suggestion",
        "Related": "En rapport",
        "line": "ligne",
        "Score": "Score",
        "words": "mots",
        "findings": "problèmes",
        "Passage scores": "Scores des passages",
        "Could not be checked": "Impossible à vérifier",
        " or ": " ou ",
        ":": " :",
        "See": "Voir",
        "Fix: the first suggestion is safe to apply; 'mtlint check --fix' applies it.":
            "Correction : la première suggestion peut être appliquée sans risque ; 'mtlint check --fix' l'applique.",
    },
}


#: Words that kinds put into message fields, by language: the field's English value → its translation.
ARG_WORDS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "fr": {
        "gender": {"feminine": "féminin", "masculine": "masculin"},
        "what": {"month": "mois", "weekday": "jours"},
        "detail": {"a 24-hour time with AM/PM": "une heure sur 24 heures suivie de AM/PM"},
    },
}

#: Sentences that kinds put into message fields, by language and field: (pattern, replacement).
ARG_PATTERNS: Mapping[str, Mapping[str, tuple[tuple[str, str], ...]]] = {
    "fr": {
        "note": (
            (r"^is spaced, while this article mostly glues these marks \((\d+) spaced, (\d+) glued\); keep one style$",
             r"est espacé, alors que cet article colle surtout ces signes (\1 espacés, \2 collés) ; gardez un seul style"),
            (r"^is glued, while as many of these marks in this article are spaced \((\d+) spaced, (\d+) glued\)$",
             r"est collé, alors qu'autant de ces signes sont espacés dans cet article (\1 espacés, \2 collés)"),
            (r"^is glued, while this article mostly spaces these marks \((\d+) spaced, (\d+) glued\)$",
             r"est collé, alors que cet article espace surtout ces signes (\1 espacés, \2 collés)"),
            (r"^is glued, against the chosen convention \((\w+)\)$",
             r"est collé, contrairement à la convention choisie (\1)"),
            (r"^is glued, while the article's other marks follow France's spacing$",
             r"est collé, alors que les autres signes de l'article suivent l'espacement de France"),
        ),
    },
}

#: Agreement after a field is translated: French nouns stay singular after 0 and 1.
ARG_FIXUPS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "fr": ((r"(?<![\d,.])([01]) (espacé|collé)s\b", r"\1 \2"),),
}

#: Fields that hold a language's English name ("English", "Chinese or Japanese").
LANGUAGE_FIELDS = frozenset({"lang", "doc_lang", "source_lang"})


@lru_cache(maxsize=512)
def _language_name(name: str, lang: str) -> str:
    """The English name of a language (or "A or B") in `lang`; as given when it is not a known name."""
    if not name[:1].isupper():
        return name  # a tag ("en") or something else: left as written
    from checker.lang import remembered_name

    def compute() -> str:  # "" when langcodes does not know the name
        try:
            import langcodes

            parts = [langcodes.find(part).display_name(lang) for part in name.split(" or ")]
        except (ImportError, LookupError, ValueError):
            return ""
        return label(" or ", lang).join(parts)

    return remembered_name(f"find {name} {lang}", compute) or name


def localize_args(args: Mapping[str, str], lang: str | None) -> Mapping[str, str]:
    """Message fields with the English words a kind wrote (genders, language names, notes) in `lang`."""
    if not lang or lang == "en" or not args:
        return args
    words, patterns = ARG_WORDS.get(lang, {}), ARG_PATTERNS.get(lang, {})
    out = dict(args)
    for key, value in args.items():
        if not isinstance(value, str):
            continue
        if key in LANGUAGE_FIELDS:
            out[key] = _language_name(value, lang)
        elif value in words.get(key, {}):
            out[key] = words[key][value]
        else:
            for pattern, replacement in patterns.get(key, ()):
                new, n = re.subn(pattern, replacement, value)
                if n:
                    for fix, repl in ARG_FIXUPS.get(lang, ()):
                        new = re.sub(fix, repl, new)
                    out[key] = new
                    break
    return out


def label(text: str, lang: str | None) -> str:
    """`text` in `lang` when it is translated, else as written (English)."""
    if not lang:
        return text
    return LABELS.get(lang, {}).get(text, text)


def message_language(value: Any) -> str | None:
    """The primary language subtag a ``--message-lang``/``message-lang`` value names; None for ``auto``."""
    if not isinstance(value, str):
        raise UsageError("message-lang must be a language such as 'fr' or 'en', or 'auto'")
    if value.strip().lower() in ("", "auto"):
        return None
    from checker.lang import normalize, primary

    return primary(normalize(value))


def _fields(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return set()


def translations(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Language → {"message": …, "why": …} as written in a rule file (not validated)."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        m = _SUFFIXED.match(key)
        if m:
            out.setdefault(m.group(2), {})[m.group(1)] = value
    table = data.get("messages")
    if isinstance(table, Mapping):
        for lang, texts in table.items():
            if isinstance(texts, Mapping):
                for field, value in texts.items():
                    out.setdefault(str(lang), {}).setdefault(str(field), value)
            else:
                out.setdefault(str(lang), {})["?"] = texts
    return out


def is_translation_key(key: str) -> bool:
    """True for the keys of a rule file this module owns (``message_fr``, ``why_fr``, ``messages``)."""
    return key == "messages" or bool(_SUFFIXED.match(key))


def validate(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Problems with the translations of one rule file: (key, why)."""
    table = data.get("messages")
    if table is not None and not isinstance(table, Mapping):
        yield "messages", "must be a table of languages ([messages.fr])"
        return
    english = data.get("message") if isinstance(data.get("message"), str) else ""
    for lang, texts in translations(data).items():
        where = f"messages.{lang}"
        if not _LANG.match(lang):
            yield where, "a translation is keyed by a language subtag such as fr"
        if "?" in texts:
            yield where, "must be a table with message and why"
            continue
        for field, value in texts.items():
            if field not in ("message", "why"):
                yield f"{where}.{field}", "unknown field (message or why)"
            elif not isinstance(value, str) or not value.strip():
                yield f"{where}.{field}", "must be a non-empty string"
            elif field == "message" and _fields(value) - _fields(english):
                extra = ", ".join(sorted(_fields(value) - _fields(english)))
                yield f"{where}.message", f"uses fields the English message does not have: {extra}"


_PRELOADED: dict[str, dict[str, dict[str, Any]]] = {}


#: Pickles of such translations (``checker.rulecache``), read when a translation is first asked for.
_PENDING: list[bytes] = []


def preload_translations(pickled: bytes) -> None:
    """A pickle of the translations of rule files already read (by ``checker.rulecache``), by
    path: read when one is first needed (a run whose messages are all in English never does)."""
    _PENDING.append(pickled)
    _file_translations.cache_clear()


@lru_cache(maxsize=4096)
def _file_translations(path: str) -> dict[str, dict[str, Any]]:
    while _PENDING:
        import pickle

        try:
            blob = _PENDING.pop(0)
        except IndexError:  # another thread took the last one
            break
        _PRELOADED.update(pickle.loads(blob))  # (a file not found there is read from disk: same answer)
    if path in _PRELOADED:
        return _PRELOADED[path]
    import tomllib

    try:
        with open(path, "rb") as fh:
            return translations(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def rule_text(rule: Any, lang: str | None) -> tuple[str, str]:
    """(message template, why) of `rule` in `lang`, each falling back to English."""
    message, why = rule.message, rule.why
    if not lang or lang == "en":
        return message, why
    builtin = BUILTIN.get(rule.code, {}).get(lang)
    if builtin is not None:
        return builtin
    path = str(rule.path)
    texts = _file_translations(path) if path.endswith(".toml") else {}
    found = texts.get(lang, {})
    m, w = found.get("message"), found.get("why")
    return (m.strip() if isinstance(m, str) and m.strip() else message,
            w.strip() if isinstance(w, str) and w.strip() else why)
