"""Kind ``foreign-date``: a date written with another language's month names (``April 2, 2024`` in French).

A month name alone is often a name (Theresa May, June Carter, August Diehl), so
the kind reports a foreign month name only inside a date shape: with a day
(``April 2``, ``2 April``, ``April 2nd``), a year (``April 2024``), or both, or
right after one of ``before_words`` (``en April``). A month name directly after
another capitalised word is taken for part of a name and left alone. The
suggestion rewrites the date in the document language's format.

params:
- ``foreign_lang``: the language the month names belong to (named in the message).
- ``months``: its twelve month names, January first.
- ``abbreviations``: optional twelve abbreviations (a trailing period is allowed), matched only with a day.
- ``target_months``: the twelve month names of the document language.
- ``format``, ``format_no_year``, ``format_no_day``: suggestion templates with ``{day}``, ``{month}``, ``{year}``.
- ``first_day``: how the document language writes day 1 (``1er`` in French).
- ``before_words``: words after which a month name alone is a date (``en``, ``fin``, ``début``).
- ``case_sensitive``: match month names with their capitalisation as written.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "foreign-date"
PARAMS = {
    "foreign_lang": param(str, required=True, doc="language of the month names (BCP 47)"),
    "months": param(list, required=True, doc="the twelve foreign month names"),
    "abbreviations": param(list, default=[], doc="twelve foreign abbreviations, matched only with a day"),
    "target_months": param(list, required=True, doc="the twelve month names of the document language"),
    "format": param(str, required=True, doc="suggestion for day, month and year"),
    "format_no_year": param(str, required=True, doc="suggestion for day and month"),
    "format_no_day": param(str, default="{month} {year}", doc="suggestion for month and year"),
    "first_day": param(str, default="1", doc="how day 1 is written"),
    "before_words": param(list, default=[], doc="words after which a month alone is a date"),
    "case_sensitive": param(bool, default=True),
}

_DAY = r"(?P<{g}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|e)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# Not glued to other digits, times, percentages or decimals.
_NUM_END = r"(?![\d:%,.]\d|\d|\s?%|h\d)"


def _alternation(names: list[str], periods: bool) -> str:
    """A regex alternation of names, longest first (``Sept`` before ``Sep``)."""
    tail = r"\.?" if periods else ""
    return "|".join(regex.escape(n) + tail for n in sorted(names, key=len, reverse=True))


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile the date shapes once from the month tables."""
    p = rule.params
    months, abbrevs, targets = p["months"], p["abbreviations"], p["target_months"]
    if len(months) != 12 or len(targets) != 12 or (abbrevs and len(abbrevs) != 12):
        raise ValueError("months, target_months and abbreviations need twelve entries each")
    for tpl in ("format", "format_no_year", "format_no_day"):
        try:
            p[tpl].format(day="1", month="m", year="2000")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"bad template {tpl}: {exc}") from None
    index: dict[str, int] = {}
    for table in (months, abbrevs):
        for i, name in enumerate(table):
            for alt in str(name).split("|"):
                index.setdefault(_key(alt, p["case_sensitive"]), i)
    full = _alternation(list(months), False)
    short = _alternation([a for n in abbrevs for a in str(n).split("|")], True) if abbrevs else None
    month_any = f"(?:{full}|{short})" if short else full
    flags = 0 if p["case_sensitive"] else regex.IGNORECASE
    # A month preceded by a capitalised word is part of a name (Theresa May).
    not_name = r"(?-i:(?<!\p{Lu}[\p{L}.'’-]*[ \u00a0]))(?<![\p{L}\p{N}])"
    shapes = [
        # April 2, 2024 / April 2nd 2024 / April 2
        rf"{not_name}(?P<month>{month_any})[ \u00a0]{_DAY.format(g='day')}"
        rf"(?:,?[ \u00a0]{_YEAR})?{_NUM_END}(?![\p{{L}}])",
        # 2 April 2024 / 2 April / 2nd of April
        r"(?<![\p{L}\p{N},.])" + _DAY.format(g="day2") +
        rf"[ \u00a0](?:of[ \u00a0])?(?P<month2>{month_any})(?:,?[ \u00a0]{_YEAR.replace('year', 'year2')})?"
        rf"(?![\p{{L}}\p{{N}}])",
        # April 2024
        rf"{not_name}(?P<month3>{full})[ \u00a0]{_YEAR.replace('year', 'year3')}(?![\p{{L}}\p{{N}}])",
    ]
    if p["before_words"]:
        before = "|".join(regex.escape(w) for w in p["before_words"])
        shapes.append(rf"(?<=(?i:(?<![\p{{L}}])(?:{before}))[ \u00a0-])(?P<month4>{full})(?![\p{{L}}\p{{N}}])")
    pattern = regex.compile("|".join(f"(?:{s})" for s in shapes), flags)
    # Every shape holds a month name (with its period) between a non-alphanumeric character
    # and a non-letter: where this cheap scan finds none, the big alternation above, tried with
    # its look-behinds at every position, cannot match (most articles hold no foreign month).
    gate = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{month_any})(?!\p{{L}})", flags)
    case_sensitive = p["case_sensitive"]
    foreign = p["foreign_lang"]

    def suggest(m: regex.Match[str]) -> tuple[int, int, str]:
        for mg, dg, yg in (("month", "day", "year"), ("month2", "day2", "year2"),  # noqa: B007 - used after break
                           ("month3", None, "year3"), ("month4", None, None)):
            if m.group(mg) is not None:
                break
        month_name = m.group(mg).rstrip(".")
        target = targets[index[_key(month_name, case_sensitive)]]
        day = m.group(dg) if dg else None
        year = m.group(yg) if yg else None
        if day is not None:
            d = str(int(day))
            d = p["first_day"] if d == "1" else d
            tpl = p["format"] if year else p["format_no_year"]
            text = tpl.format(day=d, month=target, year=year or "")
        elif year is not None:
            text = p["format_no_day"].format(month=target, year=year)
        else:
            return m.start(mg), m.end(mg), target
        return m.start(), m.end(), text

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if ctx.primary == foreign.split("-")[0].lower():
            return
        text = doc.prose
        if gate.search(text) is None:
            return
        from checker.lang import display_name

        for m in pattern.finditer(text):
            start, end, text = suggest(m)
            yield Hit(start, end, suggestions=(text,),
                      args={"lang": display_name(foreign), "doc_lang": display_name(ctx.lang)})

    return check


def _key(name: str, case_sensitive: bool) -> str:
    """Lookup key of a month name."""
    name = name.rstrip(".")
    return name if case_sensitive else name.casefold()
