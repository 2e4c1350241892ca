"""Kind ``spacing-convention``: the minority spacing style of one article (French typography).

French typography differs between France, Switzerland, Québec, Belgium and the news
agencies: France puts a (narrow) no-break space before ``: ; ! ?``, inside « » and
before ``%``; Swiss and agency copy glue all of them (``Publié:``, «ainsi», ``60%``);
Québec spaces the colon but glues ``; ! ?``. None of these is an error. What betrays an
unedited translation or a pasted passage is an article that mixes them: nine spaced
colons and one glued one. So the kind counts, for its ``feature``, the spaced and the
glued occurrences of the whole document and reports the minority:

- more spaced than glued (or as many, the other marks of the article, else the French
  norm, breaking the tie): each glued one is reported at the rule's severity, with the
  spaced form as suggestion;
- more glued than spaced: the document's own convention is glued; each spaced one is
  reported as ``info`` (a consistency note, never an error);
- a single occurrence and nothing else of its feature: the document has no convention
  of its own; the region's default decides (below), and without one the other features
  vote (three spaced marks or more, at least three times as many as glued ones: the
  article follows France's typography and the lone glued mark is a slip; not for ``%``,
  which many outlets that space their punctuation still glue).

The convention comes from the setting ``french_spacing`` (``[tool.mtlint] french-spacing``
or a pack setting): ``auto`` (default: the document decides), ``france``, ``swiss``,
``quebec``, ``none`` (no report). Without the setting, the region of the language tag
chooses it through the pack setting ``french_spacing_regions`` (``fr-CH`` → ``swiss``,
``fr-CA`` → ``quebec``, ``fr-FR`` → ``france``). A region's default only settles a tie or
a lone occurrence: a document's own dominant convention always wins.

params:
- ``feature``: ``colon`` (``:``), ``high`` (``; ! ?``), ``guillemets`` (inside « »),
  ``percent`` (before ``%``).
- ``exceptions``: expressions whose matches are never counted nor reported (quoted
  English, ``Yahoo!``).

A colon closing a one- or two-word label at a line start (``Photo: AFP``, ``Publié: hier``)
is site chrome: it counts as evidence of the site's style but is never reported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.kinds._phrases import compile_exceptions, guarded_spans
from checker.kinds._regional import implied_regions
from checker.kinds._spans import Guard
from checker.rules import Rule, param

NAME = "spacing-convention"
PARAMS = {
    "feature": param(str, required=True, doc="colon, high (; ! ?), guillemets or percent"),
    "exceptions": param(list, default=[], doc="expressions whose matches are never counted"),
}

_SP = "[ \u00a0\u202f]"
_BEFORE = r"[\p{Latin}\p{N})\]»”\"’']"
# Each feature: (glued expression, spaced expression); group "mark" is the punctuation.
_FEATURES = {
    "colon": (
        rf"(?<={_BEFORE})(?P<mark>:)(?=[ \u00a0\u202f\t«“\"]|\r|\n|$)",
        rf"(?<={_BEFORE})(?P<sp>{_SP})(?P<mark>:)(?=[ \u00a0\u202f\t«“\"]|\r|\n|$)",
    ),
    "high": (
        rf"(?<={_BEFORE})(?P<mark>[;!?]++)(?=[ \u00a0\u202f\t»”\"]|\r|\n|$)",
        rf"(?<={_BEFORE})(?P<sp>{_SP})(?P<mark>[;!?]++)(?=[ \u00a0\u202f\t»”\"]|\r|\n|$)",
    ),
    "guillemets": (
        r"(?P<mark>«)(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,!?…’'\"”)])(?P<mark>»)",
        rf"(?P<mark>«)(?P<sp>{_SP})(?=[\p{{L}}\p{{N}}])|(?<=[\p{{L}}\p{{N}}.,!?…’'\"”)])(?P<sp>{_SP})(?P<mark>»)",
    ),
    "percent": (
        r"(?<![\p{L}\p{N}.,%/=])(?P<num>\p{N}++(?:[.,]\p{N}++)?)(?P<mark>%)(?![\p{L}\p{N}])",
        rf"(?<![\p{{L}}\p{{N}}.,%/=])(?P<num>\p{{N}}++(?:[.,]\p{{N}}++)?)(?P<sp>{_SP})(?P<mark>%)(?![\p{{L}}\p{{N}}])",
    ),
}
_COMPILED: dict[str, tuple[regex.Pattern, regex.Pattern]] = {}
#: Region defaults: feature -> the expected side ("spaced", "glued", "either"); missing = the document decides.
_CONVENTIONS = {
    "france": {"colon": "spaced", "high": "spaced", "guillemets": "spaced", "percent": "spaced"},
    "swiss": {"colon": "glued", "high": "glued", "guillemets": "glued", "percent": "glued"},
    "quebec": {"colon": "spaced", "high": "glued", "guillemets": "either", "percent": "spaced"},
    "auto": {},
}
CONVENTIONS = (*_CONVENTIONS, "none")
_TIMEOUT = 5.0


def _patterns(feature: str) -> tuple[regex.Pattern, regex.Pattern]:
    pats = _COMPILED.get(feature)
    if pats is None:
        glued, spaced = _FEATURES[feature]
        pats = _COMPILED[feature] = (regex.compile(glued), regex.compile(spaced))
    return pats


def convention(ctx: Context, doc: Document | None = None) -> str:
    """The spacing convention for a document: the setting, else its region's (from the language
    tag, else from the regional words it uses: ``region_words``), else ``auto``."""
    value = ctx.setting("french_spacing")
    if isinstance(value, str) and value.lower() in CONVENTIONS:
        return value.lower()
    regions = ctx.setting("french_spacing_regions") or {}
    if not isinstance(regions, dict):
        return "auto"
    for part in ctx.subtags:
        chosen = regions.get(part)
        if isinstance(chosen, str) and chosen.lower() in CONVENTIONS:
            return chosen.lower()
    if doc is not None:
        implied = {str(regions.get(r, "")).lower() for r in implied_regions(doc, ctx)} & set(_CONVENTIONS)
        if len(implied) == 1:
            return implied.pop()
    return "auto"


_LABEL = regex.compile(r"[ \t]*+[\p{L}\p{N}'’.-]++(?:[ \u00a0][\p{L}\p{N}'’.-]++)?+[ \u00a0\u202f]?+")


def _is_label(doc: Document, m: regex.Match) -> bool:
    """A CMS label at a line start (``Photo: AFP``, ``Publié: hier``): chrome, not the article's typography."""
    text = doc.prose
    start = m.start()
    i = bisect_right(doc.line_starts, start) - 1
    line_start = doc.line_starts[i]
    if start - line_start > 40 or not _LABEL.fullmatch(text, line_start, start):
        return False
    rest = text[m.end("mark"):m.end("mark") + 80].split("\n", 1)[0]
    return bool(rest.strip())


def _occurrences(doc: Document, feature: str, guard: Guard | None) -> tuple[list, list]:
    """(glued, spaced) matches of a feature, outside guarded spans."""
    glued_re, spaced_re = _patterns(feature)
    text = doc.prose

    def keep(m: regex.Match) -> bool:
        return not (guard and guard.covers(*m.span()))

    glued = [m for m in glued_re.finditer(text, timeout=_TIMEOUT) if keep(m)]
    spaced = [m for m in spaced_re.finditer(text, timeout=_TIMEOUT) if keep(m)]
    return glued, spaced


def _counts(doc: Document, exceptions_key: str, exceptions: list) -> dict[str, tuple[list, list]]:
    """Every feature's occurrences, computed once per document (the rules vote on each other)."""
    key = f"spacing-convention:{exceptions_key}"
    cached = doc.cache.get(key)
    if cached is None:
        guard = Guard(guarded_spans(doc.prose, exceptions)) if exceptions else None
        cached = doc.cache[key] = {f: _occurrences(doc, f, guard) for f in _FEATURES}
    return cached


def decide(spaced: int, glued: int, default: str | None, others: tuple[int, int], pooled: bool = True) -> str | None:
    """Which side of a feature to report: ``glued``, ``spaced`` or None.

    `others` is (spaced, glued) summed over the other features of the document; they decide
    a lone glued mark only when `pooled` (not for ``%``, which many outlets that space their
    punctuation still glue).
    """
    if spaced and glued:
        if spaced != glued:
            return "glued" if spaced > glued else "spaced"
        if default == "either":
            return None
        if default in ("spaced", "glued"):
            return "glued" if default == "spaced" else "spaced"
        # A tie with no chosen convention: the article's other marks break it, else France's norm.
        o_spaced, o_glued = others
        return "spaced" if o_glued > o_spaced else "glued"
    if glued == 1 and default not in ("glued", "either"):
        if default == "spaced":
            return "glued"
        o_spaced, o_glued = others
        if pooled and o_spaced >= 3 and o_spaced >= 3 * o_glued:
            return "glued"
    if spaced == 1 and default == "glued":
        return "spaced"
    return None


def _guillemet_pair(text: str, m: regex.Match) -> tuple[int, int] | None:
    """The span of a short quotation «…» on one line whose opening mark is `m`, if both sides are glued."""
    start = m.start("mark")
    end = min(len(text), start + 160)
    for i in range(start + 1, end):
        ch = text[i]
        if ch in "\r\n«":
            return None
        if ch == "»":
            if text[i - 1] in " \u00a0\u202f":
                return None
            return start, i + 1
    return None


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the feature and compile the exceptions once."""
    p = rule.params
    feature = p["feature"]
    if feature not in _FEATURES:
        raise ValueError(f"feature must be one of {', '.join(_FEATURES)}, not {feature!r}")
    exceptions = compile_exceptions(p["exceptions"])
    exceptions_key = "\x00".join(p["exceptions"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        conv = convention(ctx, doc)
        if conv == "none":
            return
        counts = _counts(doc, exceptions_key, exceptions)
        glued, spaced = counts[feature]
        if not glued and not spaced:
            return
        others = (
            sum(len(s) for f, (g, s) in counts.items() if f != feature),
            sum(len(g) for f, (g, s) in counts.items() if f != feature),
        )
        side = decide(len(spaced), len(glued), _CONVENTIONS[conv].get(feature), others, feature != "percent")
        text = doc.text
        args = _args(len(spaced), len(glued), conv)
        if side == "glued":
            nsp = "\u00a0" if feature in ("colon", "guillemets") else "\u202f"
            done_until = -1
            for m in glued:
                start, end = m.span("mark")
                if start < done_until or (feature == "colon" and _is_label(doc, m)):
                    continue
                if feature == "guillemets":
                    if text[start] == "«":
                        pair = _guillemet_pair(text, m)
                        if pair:
                            s, e = pair
                            inner = text[s + 1:e - 1]
                            done_until = e
                            yield Hit(s, e, (f"«{nsp}{inner}{nsp}»",), args=args)
                            continue
                        yield Hit(start, end, (f"«{nsp}",), args=args)
                    else:
                        yield Hit(start, end, (f"{nsp}»",), args=args)
                elif feature == "percent":
                    s = m.start("num")
                    yield Hit(s, end, (f"{m.group('num')}{nsp}%",), args=args)
                else:
                    yield Hit(start, end, (f"{nsp}{m.group('mark')}",), args=args)
        elif side == "spaced":
            for m in spaced:
                s = m.start("sp") if feature != "guillemets" or text[m.start()] != "«" else m.start("mark")
                e = m.end("mark") if feature != "guillemets" or text[m.start()] != "«" else m.end("sp")
                yield Hit(s, e, severity=Severity.INFO, confidence=0.6,
                          args=_args(len(spaced), len(glued), conv, "spaced"))

    return check


def _args(spaced: int, glued: int, conv: str, style: str = "glued") -> dict[str, str]:
    counts = f"{spaced} spaced, {glued} glued"
    if style == "spaced":
        note = f"is spaced, while this article mostly glues these marks ({counts}); keep one style"
    elif spaced == glued:
        note = f"is glued, while as many of these marks in this article are spaced ({counts})"
    elif spaced > glued:
        note = f"is glued, while this article mostly spaces these marks ({counts})"
    elif conv in _CONVENTIONS and conv != "auto":
        note = f"is glued, against the chosen convention ({conv})"
    else:
        note = "is glued, while the article's other marks follow France's spacing"
    return {"spaced": str(spaced), "glued": str(glued), "style": style, "note": note}
