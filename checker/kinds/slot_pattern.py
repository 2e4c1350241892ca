"""Kind ``slot-pattern``: a regular expression whose slots are filled from word lists.

Grammatical calques have a shape (a determiner, then a word of one class, then a word of
another) that a plain ``pattern`` can only write as one long alternation. Here the shape is
written once and each word class is a list that users extend: ``{{adj}}`` in the pattern
stands for any word of the slot ``adj`` (longest first, ' and ’ alike; word boundaries
are the pattern's to write).

Named groups of the pattern are passed to the message (``{role}`` for ``(?P<role>…)``).

params:
- ``pattern``: the expression (``regex`` syntax) with ``{{name}}`` slots; the reported span
  is ``group`` (0 = whole match).
- ``slots``: ``{name = [words…]}`` written in the rule; an empty list matches nothing (a
  language without elided articles, say).
- ``slot_files``: ``{name = "file.txt"}``: one word or phrase per line, beside the rule; a
  slot may have both (the words are merged).
- ``by_lang``: ``{fr = {slot_files = {…}}, es = {slots = {…}}}``: one mechanism in several
  languages (a rule of a pack for every language): a document in one of these languages
  gets the shared slots plus its language's (and that language's own ``pattern`` and
  ``replacement`` when it gives them), and a document in any other language is not
  checked. Each language's pattern is compiled once.
- ``ignore_case``: match case-insensitively (slot words included).
- ``exceptions``: expressions (compiled without ``ignore_case``; write ``(?i)`` if needed); a
  match lying inside a match of any of them is not reported.
- ``replacement``: a template (``\\1``, ``\\g<name>``) expanded into the suggestion.
- ``no_suggestion``: an expression; when it matches at the start of the reported text the finding
  has no suggestion (a reordering that would need an elision, say).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import compile_exceptions, guarded_spans
from checker.kinds._spans import Guard
from checker.kinds.pattern import Requirements, StartScan, required_literals, start_scan_keys
from checker.prefilter import is_trusted
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "slot-pattern"
PARAMS = {
    "pattern": param(str, required=True, doc="regular expression with {{slot}} placeholders"),
    "slots": param(dict, default={}, doc="slot name -> list of words"),
    "slot_files": param(dict, default={}, doc="slot name -> list file beside the rule"),
    "by_lang": param(dict, default={}, doc="language -> {slots, slot_files} added for documents in it"),
    "group": param(int, str, default=0, doc="group whose span is reported"),
    "ignore_case": param(bool, default=False),
    "exceptions": param(list, default=[], doc="expressions whose matches are never reported inside"),
    "replacement": param(str, default=None, doc="suggestion template; \\1 and \\g<name> expand"),
    "no_suggestion": param(str, default=None, doc="expression: when it matches the reported text, no suggestion"),
}

_TIMEOUT = 5.0
#: The most words of a slot read as a literal requirement (a list of rare words is a cheap test).
_SLOT_SET = 5000
_SLOT = regex.compile(r"\{\{(\w+)\}\}")
_APOSTROPHE = regex.compile("['’]")


def _alternation(words: list[str]) -> str:
    """``(?:w1|w2…)``, longest first, spaces as any run of spaces, ' as either apostrophe.

    Kept in the pattern store by the words' digest: a slot of a few thousand words costs
    thousands of escapes, which a pre-commit run would otherwise pay for every such rule."""
    from checker.regexcache import digest, memo

    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return memo(("slot-alternation", 1, digest(unique)), lambda: _make_alternation(unique))


def _make_alternation(unique: list[str]) -> str:
    parts = []
    for word in unique:
        escaped = regex.escape(word, special_only=True, literal_spaces=True).replace(" ", r"\s+")
        escaped = _APOSTROPHE.sub(lambda _: "['’]", escaped)
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def _read_slots(rule: Rule, slots: object, files: object, where: str) -> dict[str, list[str]]:
    """The words of inline ``slots`` and of ``slot_files``, by slot name."""
    if not isinstance(slots, dict) or not isinstance(files, dict):
        raise ValueError(f"{where}: 'slots' and 'slot_files' must be tables")
    words: dict[str, list[str]] = {}
    for name, values in slots.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise ValueError(f"{where}: slot {name!r} must be a list of non-empty strings")
        words.setdefault(str(name), []).extend(v.strip() for v in values)
    for name, file in files.items():
        if not isinstance(file, str):
            raise ValueError(f"{where}: slot file of {name!r} must be a file name")
        path = rule.resolve(file)
        if not path.is_file():
            raise ValueError(f"{where}: slot file {file!r} does not exist")
        words.setdefault(str(name), []).extend(read_list(path))
    return words


def _template(rule: Rule, lang: str | None) -> str:
    """The pattern in force for `lang` (its own ``by_lang`` pattern, else the rule's)."""
    p = rule.params
    pattern = p["by_lang"][lang].get("pattern", p["pattern"]) if lang is not None else p["pattern"]
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"by_lang.{lang}.pattern must be an expression")
    return pattern


def _words(rule: Rule, lang: str | None) -> dict[str, list[str]]:
    """The words of every slot for `lang`: the shared slots plus that language's."""
    p = rule.params
    words = _read_slots(rule, p["slots"], p["slot_files"], "slots")
    if lang is not None:
        spec = p["by_lang"][lang]
        own = _read_slots(rule, spec.get("slots", {}), spec.get("slot_files", {}), f"by_lang.{lang}")
        for name, values in own.items():
            words.setdefault(name, []).extend(values)
    return words


def expand(rule: Rule, lang: str | None = None, *, skeleton: bool = False) -> str:
    """The rule's pattern with every slot replaced by the alternation of its words.

    With ``lang`` (a key of ``by_lang``), that language's slots are added to the shared ones.
    ``skeleton`` puts a one-letter stand-in for every slot: a cheap pattern with the same
    syntax and groups, for validating the rule without building its alternations.
    """
    words = _words(rule, lang)
    pattern = _template(rule, lang)

    def fill(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in words:
            where = f" for {lang!r}" if lang else ""
            raise ValueError(f"slot {name!r} has no words{where} (give it in 'slots' or 'slot_files')")
        if skeleton:
            return "(?:x)"
        return _alternation(words[name]) if words[name] else "(?!)"  # an empty list matches nothing

    used = set(_SLOT.findall(pattern))
    unused = set(words) - used
    if unused:
        raise ValueError(f"slots never used in the pattern: {', '.join(sorted(unused))}")
    return _SLOT.sub(fill, pattern)


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate every language's pattern; each is filled and compiled on its first document."""
    p = rule.params
    flags = regex.IGNORECASE if p["ignore_case"] else 0
    by_lang = p["by_lang"]
    for lang, spec in by_lang.items():
        if not isinstance(spec, dict) or set(spec) - {"slots", "slot_files", "pattern", "replacement"}:
            raise ValueError(f"by_lang.{lang} must be a table of 'slots', 'slot_files', 'pattern', 'replacement'")
        if not isinstance(spec.get("replacement", ""), str):
            raise ValueError(f"by_lang.{lang}.replacement must be a template")
    langs: dict[str | None, str | None] = {str(k).lower(): k for k in by_lang} if by_lang else {None: None}
    group = p["group"]
    # The skeleton has the pattern's syntax and groups: a bad expression or group fails here
    # (rule files that built before, under ``trusted()``, were validated then).
    for key in () if is_trusted() else langs.values():
        shape = regex.compile(expand(rule, key, skeleton=True), flags)
        if isinstance(group, int) and group > shape.groups:
            raise ValueError(f"group {group} does not exist in the pattern")
        if isinstance(group, str) and group not in shape.groupindex:
            raise ValueError(f"group {group!r} does not exist in the pattern")
    #: Per language: the filled pattern's source and its literal requirements.
    patterns: dict[str | None, tuple[str, Requirements]] = {}
    #: Per language: the pattern, compiled at the first document that holds the requirements (a
    #: slot pattern is a long alternation, costly to read back from the pattern store for an
    #: article that cannot match), and its scan tried only where a match can begin when that is
    #: faster (``kinds.pattern.StartScan``).
    compiled: dict[str | None, tuple[regex.Pattern[str], StartScan | None]] = {}

    def pattern_for(key: str | None) -> tuple[str, Requirements] | None:
        """The language's filled pattern and its literal requirements (``kinds.pattern``)."""
        if key not in langs:
            return None
        if key not in patterns:
            source = expand(rule, langs[key])
            # Read strictly, with the slots' whole word lists as requirements (``Requirements``):
            # most articles hold no word of a slot of rare words (participles, gestures).
            patterns[key] = (source, Requirements(required_literals(source, strict=True, max_set=_SLOT_SET)))
        return patterns[key]

    exceptions = compile_exceptions(p["exceptions"])
    no_suggestion = regex.compile(p["no_suggestion"]) if p["no_suggestion"] else None

    replacements: dict[str | None, str | None] = {
        str(lang).lower(): spec.get("replacement", p["replacement"]) for lang, spec in by_lang.items()
    }
    replacements[None] = p["replacement"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        key = ctx.primary.lower() if by_lang else None
        found = pattern_for(key)
        if found is None:
            return
        source, needs = found
        if needs and not needs.held(doc):
            return  # a literal that every match contains is missing from the document
        made = compiled.get(key)
        if made is None:
            pattern = regex.compile(source, flags)
            keys = start_scan_keys(source, flags)
            made = compiled[key] = (pattern, StartScan(pattern, keys) if keys is not None else None)
        pattern, scan = made
        replacement = replacements.get(key)
        text = doc.prose
        guard: Guard | None = None  # the exceptions are scanned at the first match
        matches = scan.matches(text, doc) if scan is not None else pattern.finditer(text, timeout=_TIMEOUT)
        for m in matches:
            start, end = m.span(group)
            if start < 0 or start == end:
                continue
            if exceptions and guard is None:
                guard = Guard(guarded_spans(text, exceptions))
            if guard is not None and guard.covers(start, end):
                continue
            suggestions: tuple[str, ...] = ()
            if replacement is not None and not (no_suggestion and no_suggestion.match(doc.text, start, end)):
                suggestions = (m.expand(replacement),)
            args = {k: v for k, v in m.groupdict().items() if v is not None}
            yield Hit(start, end, suggestions, args=args)

    return check
