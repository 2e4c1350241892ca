"""Kind ``calendar-format``: dates written another locale's way, from the language pack's calendar data.

The month and weekday names, the words that introduce a date, the names that are also
calendar words and the holidays come from the pack settings of the document's language
(``locale_months``, ``locale_weekdays``, ``locale_lowercase_calendar``,
``locale_date_lead_words``, ``locale_calendar_names``, ``locale_calendar_holidays``,
``locale_first_day``), so a language without them is skipped. ``shape`` selects the check:

- ``capitalised``: a month or weekday name capitalised inside a sentence in a language that
  writes them in lower case (``le 3 Mars``, ``el Lunes``, ``19 Novembre, 1909``). Reported
  only in a date shape: after a day number, before a year, or after a word that introduces a
  date (``en``, ``le``, ``el``, ``desde``), and a weekday after any lower-case word
  (``a déclaré Mercredi``); never at a sentence or line start, in a line set
  in title case, after a capitalised word (``Plaza de Mayo``, ``Révolution d'Octobre``,
  ``Avenida 9 de Julio``), after a place word (``rue du 4 Septembre``), in a holiday
  (``14 Juillet``, ``1er Mai``, ``Mardi gras``), before a capitalised word (``Mercredi
  Addams``) or, for names that are also names (``Mars``, ``Domingo``),
  without a day number. Nothing is reported in an article written in a spelling norm that
  capitalises them, known by two different words of the pack setting
  ``locale_capital_calendar_spellings`` (Portuguese before the 1990 agreement, still the norm of
  Angola and Mozambique: « director », « projecto »), or tagged with a region of
  ``locale_capital_calendar_regions``.
- ``weekday-numeric``: a weekday followed by a numeric date in parentheses, the caption
  style of Indonesian and other Asian wires (``vendredi (14/5/2021)``, ``Monday (7/4/2022)``).
- ``first-day``: day one written as a cardinal where the language writes an ordinal
  (French ``1 juillet`` → ``1er juillet``).
- ``comma-year``: a comma between the month and the year, the English order
  (``19 novembre, 2005``), in languages that write none.
- ``english-order``: the English month-day-year order with the language's month names
  (``avril 2, 2024``, ``marzo 5, 2023``) where the day comes first.
- ``month-dot-day``: an English abbreviation point left after a translated month before a
  day number (``Dec. 13,`` → ``décembre. 13,``).

params: ``shape``; ``place_words``: words that make a following date part of a name
(streets, squares, stadiums, schools) in any language.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._regional import uses_words
from checker.kinds._titles import title_case_line
from checker.rules import Rule, param

NAME = "calendar-format"
SHAPES = ("capitalised", "weekday-numeric", "first-day", "comma-year", "month-dot-day", "english-order")
PARAMS = {
    "shape": param(str, required=True, doc=", ".join(SHAPES)),
    "place_words": param(list, default=[], doc="words after which a date is part of a name (rue, avenida, piazza)"),
}

_TIMEOUT = 5.0
#: Marks that split a line into parts judged apart for title case: a byline's outlet, its date.
_SEGMENT_SEP = regex.compile(r"[ \u00a0][·|•—–][ \u00a0]")
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
#: Short words between a name and the date it contains (Mouvement du 22 Mars, Plaza del 2 de Mayo).
_CONNECTORS = {"du", "de", "d", "des", "del", "della", "dello", "dal", "do", "da", "dos", "das", "vom"}


def _alt(names: list[str]) -> str:
    return "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))


class _Calendar:
    """The compiled calendar data of one language (cached per settings)."""

    def __init__(self, settings: dict) -> None:
        self.display = list(settings.get("locale_months") or [])
        self.months = [m.lower() for m in self.display]
        self.weekdays = [d.lower() for d in settings.get("locale_weekdays") or []]
        self.lowercase = bool(settings.get("locale_lowercase_calendar", False))
        self.leads = {w.lower() for w in settings.get("locale_date_lead_words") or []}
        self.names = {w.lower() for w in settings.get("locale_calendar_names") or []}
        self.holidays = {h.lower() for h in settings.get("locale_calendar_holidays") or []}
        self.first_day = settings.get("locale_first_day")
        months, days = _alt(self.months), _alt(self.weekdays)
        self.word_re = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}-])(?:{months}|{days})(?![\p{{L}}\p{{M}}-])", regex.I) if self.months else None
        self.weekday_numeric = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}-])(?P<day_name>{days}),?[ \u00a0]*+\([ \u00a0]*+(?P<d>[0-3]?[0-9])/(?P<m>[01]?[0-9])(?:/(?P<y>[0-9]{{2}}|[0-9]{{4}}))?[ \u00a0]*+\)",
            regex.I,
        ) if self.weekdays else None
        self.first_day_re = regex.compile(
            rf"(?<![\p{{N}}.,/:\u00a0\u202f-]|[\p{{N}}][ ])(?P<one>1)[ \u00a0](?P<month>{months})(?![\p{{L}}\p{{M}}])", regex.I
        ) if self.months else None
        self.comma_year = regex.compile(
            rf"(?<![\p{{N}}.,])(?:[0-3]?[0-9](?:er|\.)?|1er)[ \u00a0](?P<month>{months}),[ \u00a0](?P<year>{_YEAR})(?=[ \u00a0]*+(?:[,.;:)\]\-–—]|\r|\n|$)|[ \u00a0](?:à|au|aux|en|dans|et|a|in|e|y|em|no|na|im|und|bei|ad|al)(?![\p{{L}}\p{{M}}]))",
            regex.I,
        ) if self.months else None
        self.english_order = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?P<month>{months})[ \u00a0](?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?,[ \u00a0](?P<year>{_YEAR})(?![\p{{N}}])", regex.I
        ) if self.months else None
        self.month_dot = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<month>{months})(?P<dot>\.)[ \u00a0](?P<day>[0-3]?[0-9])(?=[,)])", regex.I
        ) if self.months else None


_CACHE: dict[int, _Calendar] = {}


def _calendar(ctx: Context) -> _Calendar:
    key = id(ctx.settings.get("locale_months")), id(ctx.settings.get("locale_date_lead_words"))
    cal = _CACHE.get(hash(key))
    if cal is None:
        cal = _CACHE[hash(key)] = _Calendar(dict(ctx.settings))
    return cal


def _tokens_before(text: str, pos: int, line_start: int, n: int = 3) -> list[str]:
    """Up to `n` tokens (words, numbers or single punctuation marks) before `pos`, nearest first."""
    seg = text[max(line_start, pos - 80):pos]
    toks = regex.findall(r"[\p{L}\p{M}\p{N}'’-]+|[^\s]", seg)
    return toks[::-1][:n]


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the shape once; the calendar data is read from the pack settings."""
    shape = rule.params["shape"]
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}, not {shape!r}")
    place_words = {w.lower() for w in rule.params["place_words"]}

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if not ctx.setting("locale_months"):
            return
        cal = _calendar(ctx)
        text = doc.prose
        if shape == "capitalised":
            if uses_words(doc, ctx, "locale_capital_calendar_spellings") or (
                    set(ctx.subtags) & set(ctx.setting("locale_capital_calendar_regions") or ())):
                return  # (Portuguese before the 1990 agreement: « director », « projecto », « 5 de Maio »)
            yield from _capitalised(doc, text, cal, place_words)
        elif shape == "weekday-numeric" and cal.weekday_numeric is not None:
            for m in cal.weekday_numeric.finditer(text, timeout=_TIMEOUT):
                d, mo = int(m.group("d")), int(m.group("m"))
                sugg: tuple[str, ...] = ()
                y = m.group("y")
                fmt = ctx.setting("locale_date_format" if y else "locale_date_format_no_year")
                if fmt and 1 <= d <= 31 and 1 <= mo <= 12 and cal.months:
                    sugg = (fmt.format(weekday=m.group("day_name"), day=d, month=cal.display[mo - 1], year=y or ""),)
                yield Hit(m.start(), m.end(), sugg, args={"month": ""})
        elif shape == "first-day" and cal.first_day and cal.first_day_re is not None:
            for m in cal.first_day_re.finditer(text, timeout=_TIMEOUT):
                yield Hit(m.start("one"), m.end("month"), (f"{cal.first_day} {m.group('month')}",))
        elif shape == "comma-year" and cal.comma_year is not None and ctx.setting("locale_day_first", True):
            for m in cal.comma_year.finditer(text, timeout=_TIMEOUT):
                yield Hit(m.start("month"), m.end("year"), (f"{m.group('month')} {m.group('year')}",))
        elif shape == "english-order" and cal.english_order is not None and ctx.setting("locale_day_first", True):
            for m in cal.english_order.finditer(text, timeout=_TIMEOUT):
                day = int(m.group("day"))
                if not 1 <= day <= 31:
                    continue
                first = cal.first_day if day == 1 and cal.first_day else str(day)
                fmt = ctx.setting("locale_day_month_year") or "{day} {month} {year}"
                yield Hit(m.start(), m.end(), (fmt.format(day=first, month=m.group("month"), year=m.group("year")),))
        elif shape == "month-dot-day" and cal.month_dot is not None and cal.lowercase:
            for m in cal.month_dot.finditer(text, timeout=_TIMEOUT):
                yield Hit(m.start("month"), m.end("day"), (f"{m.group('day')} {m.group('month')}",))

    return check


def _capitalised(doc: Document, text: str, cal: _Calendar, place_words: set[str]) -> Iterator[Hit]:
    if not cal.lowercase or cal.word_re is None:
        return
    months, weekdays = set(cal.months), set(cal.weekdays)
    calendar_words = frozenset(months | weekdays)
    title_lines: dict[int, bool] = {}
    starts = doc.line_starts
    for m in cal.word_re.finditer(text, timeout=_TIMEOUT):
        word = m.group()
        if not word[0].isupper() or not word[1:].islower() and not word[1:].replace("-", "").islower():
            continue
        if any(c.isupper() for c in word[1:]):
            continue
        low = word.lower()
        start, end = m.span()
        i = bisect_right(starts, start) - 1
        line_start = starts[i]
        line_end = starts[i + 1] if i + 1 < len(starts) else len(text)
        before = _tokens_before(text, start, line_start)
        if not before or before[0] in {".", "!", "?", "…", ":", "«", "\"", "“", "(", "[", "—", "–", "-", "•", "|", "/", ">", "*"}:
            continue  # a sentence, line or item start
        # The part of the line between separators (a byline's « Outlet Name · 15 de Marzo »).
        # Bounded both ways, so that a huge line full of dates stays linear.
        seg_start = max(line_start, start - 300)
        for sep in _SEGMENT_SEP.finditer(text, seg_start, start):
            seg_start = sep.end()
        seg_end = min(line_end, end + 300)
        sep_after = _SEGMENT_SEP.search(text, end, seg_end)
        if sep_after:
            seg_end = sep_after.start()
        if seg_start not in title_lines:
            # Calendar words are not counted: a byline's date does not make its line a title.
            title_lines[seg_start] = title_case_line(text[seg_start:seg_end], calendar_words)
        if title_lines[seg_start]:
            continue
        after = text[end:end + 40]
        year_after = regex.match(rf"(?:,|[ \u00a0]d[eo])?[ \u00a0]{_YEAR}(?![\p{{N}}])", after) is not None
        nxt = regex.match(r"[ \u00a0]++([\p{L}\p{M}'’-]++)", after)
        next_word = nxt.group(1) if nxt else ""
        if next_word and f"{low} {next_word.lower()}" in cal.holidays:
            continue  # mardi gras, Viernes Santo, martedì grasso
        if low in weekdays and next_word[:1].isupper():
            continue  # Mercredi Addams, Domingo Savio
        prev = before[0].rstrip("'’")
        day_before = regex.fullmatch(r"(?:[0-3]?[0-9])(?:er|º|°|\.)?|1er", prev) is not None
        lang_de = False
        if not day_before and prev.lower() == "de" and len(before) > 1 and regex.fullmatch(r"[0-3]?[0-9][º°]?", before[1]):
            day_before, lang_de = True, True  # 3 de Mayo
        if day_before:
            day_tok = before[1] if lang_de else prev
            name_tok = before[2] if lang_de and len(before) > 2 else (before[1] if not lang_de and len(before) > 1 else "")
            if day_tok and int(regex.sub(r"\D", "", day_tok) or 0) > 31:
                continue
            if name_tok[:1].isupper() and name_tok[:1].isalpha():
                continue  # Avenida 9 de Julio, Place du 8 Mai
            if name_tok.lower() in place_words or (len(before) > 2 and before[-1].lower() in place_words):
                continue
            head = before[2] if not lang_de and len(before) > 2 else ""
            if name_tok.lower().rstrip("'’") in _CONNECTORS and head[:1].isupper() and head[:1].isalpha():
                continue  # Mouvement du 22 Mars, Journée du 8 Mars
            key = f"{regex.sub(r'[º°.]', '', day_tok)} {'de ' if lang_de else ''}{low}"
            alt = f"{day_tok} {'de ' if lang_de else ''}{low}"
            if (key in cal.holidays or alt in cal.holidays) and not year_after:
                continue
            if low in months:
                yield Hit(start, end, (low,), args={"what": "month"})
            elif regex.match(r"[ \u00a0]", after):
                continue
            continue
        if prev[:1].isupper():
            continue  # part of a name: Plaza de Mayo would have a capitalised word two back
        if low in cal.names and not (year_after and prev.lower() in cal.leads and low in months):
            continue  # Mars, Julio, Domingo: only in a full date (desde Julio de 2023)
        if low in months and year_after:
            yield Hit(start, end, (low,), args={"what": "month"})
            continue
        if prev.lower() in cal.leads:
            two_back = before[1].rstrip("'’") if len(before) > 1 else ""
            if two_back[:1].isupper() and two_back[:1].isalpha():
                continue  # Révolution d'Octobre, Plaza de Mayo
            if two_back.lower() in place_words:
                continue
            if low in weekdays or low in months:
                yield Hit(start, end, (low,), args={"what": "weekday" if low in weekdays else "month"})
            continue
        if low in weekdays and prev[:1].islower() and prev[:1].isalpha():
            # a déclaré Mercredi que… : a weekday inside a sentence, after a lower-case word.
            yield Hit(start, end, (low,), args={"what": "weekday"})
