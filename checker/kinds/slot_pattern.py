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
- ``slots``: ``{name = [words…]}`` written in the rule.
- ``slot_files``: ``{name = "file.txt"}``: one word or phrase per line, beside the rule; a
  slot may have both (the words are merged).
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
from checker.kinds._phrases import compile_exceptions, guarded_spans, inside
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "slot-pattern"
PARAMS = {
    "pattern": param(str, required=True, doc="regular expression with {{slot}} placeholders"),
    "slots": param(dict, default={}, doc="slot name -> list of words"),
    "slot_files": param(dict, default={}, doc="slot name -> list file beside the rule"),
    "group": param(int, str, default=0, doc="group whose span is reported"),
    "ignore_case": param(bool, default=False),
    "exceptions": param(list, default=[], doc="expressions whose matches are never reported inside"),
    "replacement": param(str, default=None, doc="suggestion template; \\1 and \\g<name> expand"),
    "no_suggestion": param(str, default=None, doc="expression: when it matches the reported text, no suggestion"),
}

_TIMEOUT = 5.0
_SLOT = regex.compile(r"\{\{(\w+)\}\}")


def _alternation(words: list[str]) -> str:
    """``(?:w1|w2…)``, longest first, spaces as any run of spaces, ' as either apostrophe."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = regex.escape(word, special_only=True, literal_spaces=True).replace(" ", r"\s+")
        escaped = escaped.replace("'", "['’]").replace("’", "['’]")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def expand(rule: Rule) -> str:
    """The rule's pattern with every slot replaced by the alternation of its words."""
    p = rule.params
    words: dict[str, list[str]] = {}
    for name, values in p["slots"].items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise ValueError(f"slot {name!r} must be a list of non-empty strings")
        words.setdefault(str(name), []).extend(v.strip() for v in values)
    for name, file in p["slot_files"].items():
        if not isinstance(file, str):
            raise ValueError(f"slot file of {name!r} must be a file name")
        path = rule.resolve(file)
        if not path.is_file():
            raise ValueError(f"slot file {file!r} does not exist")
        words.setdefault(str(name), []).extend(read_list(path))

    def fill(m: regex.Match[str]) -> str:
        name = m.group(1)
        if not words.get(name):
            raise ValueError(f"slot {name!r} has no words (give it in 'slots' or 'slot_files')")
        return _alternation(words[name])

    used = set(_SLOT.findall(p["pattern"]))
    unused = set(words) - used
    if unused:
        raise ValueError(f"slots never used in the pattern: {', '.join(sorted(unused))}")
    return _SLOT.sub(fill, p["pattern"])


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Fill the slots and compile the pattern and its exceptions once."""
    p = rule.params
    flags = regex.IGNORECASE if p["ignore_case"] else 0
    pattern = regex.compile(expand(rule), flags)
    exceptions = compile_exceptions(p["exceptions"])
    group = p["group"]
    replacement = p["replacement"]
    no_suggestion = regex.compile(p["no_suggestion"]) if p["no_suggestion"] else None
    if isinstance(group, int) and group > pattern.groups:
        raise ValueError(f"group {group} does not exist in the pattern")
    if isinstance(group, str) and group not in pattern.groupindex:
        raise ValueError(f"group {group!r} does not exist in the pattern")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        guarded = guarded_spans(text, exceptions) if exceptions else []
        for m in pattern.finditer(text, timeout=_TIMEOUT):
            start, end = m.span(group)
            if start < 0 or start == end:
                continue
            if guarded and inside(start, end, guarded):
                continue
            suggestions: tuple[str, ...] = ()
            if replacement is not None and not (no_suggestion and no_suggestion.match(doc.text, start, end)):
                suggestions = (m.expand(replacement),)
            args = {k: v for k, v in m.groupdict().items() if v is not None}
            yield Hit(start, end, suggestions, args=args)

    return check
