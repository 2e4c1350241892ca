"""Kind ``preferred-terms``: one term rendered two ways in an article, one of them the established one.

Machine translation renders one source term in several ways in one article: the
English acronym ``AI`` beside the French ``IA``, ``machine study`` beside
``machine learning``. A table beside the rule lists, per line, the
established forms of a term, ``=``, and the renderings that should not appear
beside them::

    IA = AI
    machine learning = machine study | machine studying

When an established form and a variant both occur in the article, every
occurrence of the variant is reported with the established form found in the
article as the suggestion. A variant alone is left to other rules (it may be a
house choice). Forms written with capitals (acronyms) match case-sensitively and
are skipped when they are part of a name (next to a capitalised word or joined
by a hyphen: ``Mistral AI``, ``AI Act``) or inside a line in capitals; lowercase
forms match in any case, with an optional plural ``s``. A variant inside a quotation in another
language (an English sentence quoted before its translation) is the source's wording, not a
rendering, and is skipped. So is a variant in a short quotation that the sentence labels as
another language's words, before or after it (« Auf Englisch sage ich „boring AI“ », « ce que
les chercheurs appellent en anglais “open AI” »): the writer quotes the term on purpose
(``language_labels``).

params: ``table`` (the file); ``language_labels`` (a pattern of the phrases that name another
language, matched case-insensitively on word boundaries: « auf Englisch », « en anglais »).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "preferred-terms"
PARAMS = {
    "table": param(str, required=True, doc="lines 'established | … = variant | …'"),
    "language_labels": param(str, default="", doc="pattern of phrases naming another language (« auf Englisch »)"),
}

_B = r"(?<![\p{L}\p{M}\p{Nd}_@#/.-])"
_E = r"(?![\p{L}\p{M}\p{Nd}_@/-])"


def _pattern(form: str) -> regex.Pattern[str]:
    words = [regex.escape(w) for w in form.split()]
    body = r"[\s\u00a0]+".join(words)
    if any(c.isupper() for c in form):
        return regex.compile(_B + body + _E)
    return regex.compile(_B + body + r"s?" + _E, regex.IGNORECASE)


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    lines = read_list(rule.resolve(p["table"]))
    entries = []
    for line in lines:
        left, sep, right = line.partition("=")
        good = [f.strip() for f in left.split("|") if f.strip()]
        bad = [f.strip() for f in right.split("|") if f.strip()]
        if not sep or not good or not bad:
            raise ValueError(f"{p['table']}: {line!r} is not 'established | … = variant | …'")
        entries.append(([(_pattern(f), f) for f in good], [(_pattern(f), f) for f in bad]))
    labels = (regex.compile(r"(?<![\p{L}\p{M}\p{Nd}])(?:" + p["language_labels"] + r")(?![\p{L}\p{M}\p{Nd}])",
                            regex.IGNORECASE) if p["language_labels"] else None)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        for good, bad in entries:
            model = None
            for pat, form in good:
                for m in pat.finditer(text):
                    if _usable(text, m, form, names=False):
                        if model is None or m.start() < model.start():
                            model = m
                        break
            if model is None:
                continue
            taken = []
            for pat, form in bad:
                for m in pat.finditer(text):
                    if not _usable(text, m, form) or _in_foreign_quote(text, m.start(), ctx.primary, labels):
                        continue
                    if any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    taken.append(m.span())
                    yield Hit(m.start(), m.end(), (model.group(),), confidence=0.8,
                              args={"other": model.group()}, related=model.span())

    return check


#: A quotation on one line (its marks, at most 600 characters inside).
_QUOTE = regex.compile(r"“[^“”\n]{1,600}+”|«[^«»\n]{1,600}+»|„[^„“”\n]{1,600}+[“”]|\"[^\"\n]{1,600}+\"")


def _in_foreign_quote(text: str, pos: int, lang: str, labels: regex.Pattern[str] | None = None) -> bool:
    """True when `pos` is inside a quotation in another language than the article's (“AI should
    shorten the line”, quoted in English and translated after it): the source's own wording; or
    inside a quotation that its sentence labels as another language's (`labels`)."""
    from checker.langid import SUPPORTED, is_foreign

    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    for q in _QUOTE.finditer(line):
        if q.start() < pos - line_start < q.end():
            if labels is not None and _labelled(line, q.start(), q.end(), labels):
                return True
            if lang not in SUPPORTED:
                return False
            return is_foreign(q.group()[1:-1], lang, min_words=4) is not None
    return False


#: Where a sentence ends, between a label and the quotation it names.
_SENTENCE_END = regex.compile(r"[.!?…][\s\u00a0]")


def _labelled(line: str, start: int, end: int, labels: regex.Pattern[str]) -> bool:
    """A phrase naming another language in the quotation's sentence, at most 80 characters before
    its opening mark or 40 after its closing one, with no sentence end between."""
    before = line[max(0, start - 80) : start]
    for m in labels.finditer(before):
        if not _SENTENCE_END.search(before, m.end()):
            return True
    after = line[end : end + 40]
    m = labels.search(after)
    return m is not None and not _SENTENCE_END.search(after, 0, m.start())


def _usable(text: str, m: regex.Match[str], form: str, names: bool = True) -> bool:
    """False for an acronym inside a name (Mistral AI, AI Act, AI-powered) or a line in capitals."""
    if not any(c.isupper() for c in form):
        return True
    start, end = m.span()
    before = regex.search(r"(?:^|([.!?:]\s*|\n))?(\S+)[ \u00a0]$", text[max(0, start - 40):start])
    after = regex.match(r"[ \u00a0](\S+)", text[end:end + 40])
    if names:
        if before is not None and before.group(1) is None:
            w = before.group(2).strip("«»“”\"'()[],.;:!?")
            if w[:1].isupper() or w[:1].isdigit():
                return False  # Mistral AI (a capital at a sentence start says nothing)
        if after is not None:
            w = after.group(1).strip("«»“”\"'()[],.;:!?")
            if w[:1].isupper() or w[:1].isdigit():
                return False  # AI Act
    if text[end:end + 1] in "-‐" or text[start - 1:start] in "-‐":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return any(c.islower() for c in line)
