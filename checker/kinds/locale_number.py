"""Kind ``locale-number``: numbers, times and ordinals written another locale's way, from pack data.

The language's conventions are pack settings: ``locale_decimal`` (``","``, ``"."`` or
``"either"``), ``locale_units`` (units and scale words after which a number is a quantity),
``locale_thousands_dot`` (false where a point between groups of three digits is foreign),
``locale_english_ordinals`` (false where ``1st``, ``2nd`` are foreign). A language without
the settings is skipped. ``check`` selects the test:

- ``decimal``: a decimal separator of the other family before a unit (``6.1 pouces`` in
  French, ``6,1 inches`` in English). Only one or two decimals, never after a version word
  (``iOS 17.1``), a currency code or inside dotted numbers (IP addresses, dates 12.05.2024).
- ``thousands-dot``: groups of three digits separated by points (``1.500 personnes``) in a
  language that separates thousands with a space; one group before a unit is left alone
  (``1.500 kg`` may be a precise weight), two or more are reported (``1.250.000 euros``).
  Regions whose press writes the point (pack setting ``locale_thousands_dot_regions``: ``BE``
  for Belgian French) are left alone when the language tag names them (``--lang fr-BE``), and so
  is an article whose tag names no region but whose words name one of them (two different words
  of the pack's ``region_words`` for it: « septante », « bourgmestre »), and an article that
  carries the dateline or credit of an agency whose house style writes it
  (``locale_thousands_dot_house``: expressions, AFP's « PARIS (AFP) - »).
- ``thousands-comma``: the English thousands comma in a language with a decimal comma
  (``38,000 Menschen``, ``12,400,000 euro``, ``1,234.5``), where it reads as decimals; only
  unambiguous forms: several comma groups, a comma group then a decimal point,
  ``,000`` before a word that is not a unit (``1,000 kg`` may be a precise weight), or one
  group before a noun that counts (``locale_count_nouns``: ``2,450 Besucher``, ``12,500 yens``:
  a count has no decimals). On when the pack setting ``locale_thousands_comma_check`` is true;
  ``"count-nouns"`` checks the count-noun form only, without ``,000`` (French, whose own rule
  has it); ``"convention"`` (Spanish, ``locale_decimal = "either"``) checks all forms in an
  article that mostly writes decimal commas itself (``3,5 millones``, ``450.000 personas``).
- The article's convention also decides the ``decimal`` check where ``locale_decimal`` is
  ``"either"`` (Spanish ``2.5 millones`` among decimal commas), and ``thousands-dot`` before a
  unit that counts (``locale_count_units``: English ``11.320 points`` among ``0,8%``).
- ``hour-ampm``: a 24-hour time with AM/PM (``17:45 PM``), in any language.
- ``twelve-hour``: a 12-hour time with AM/PM (``3 PM``, ``8:30 a.m.``) in a language that
  writes the 24-hour clock (pack setting ``locale_24_hour``: ``"strict"`` reports ``3 PM``
  too, ``"minutes"`` only forms with minutes or dotted ``p.m.``, where ``PM`` is also an
  abbreviation, Portuguese Polícia Militar; ``"english"`` only ``9:40 AM`` in capitals, where the
  language has its own dotted form, Spanish ``9:40 a. m.``); never inside quotation marks, never
  lowercase undotted ``am`` (German ``am Montag``).
- ``english-ordinal``: ``1st``, ``2nd``, ``3rd``, ``19th`` in a language that writes ordinals
  otherwise (``1er``, ``19e``, ``19.``, ``19º``); never before a capitalised word
  (``21st Century Fox``, ``5th Avenue``) nor inside quotation marks.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import guarded_spans
from checker.kinds._regional import implied_regions
from checker.kinds._spans import Guard
from checker.kinds.pattern import anchored
from checker.rules import Rule, param

NAME = "locale-number"
CHECKS = ("decimal", "thousands-dot", "thousands-comma", "hour-ampm", "twelve-hour", "english-ordinal")
PARAMS = {
    "check": param(str, required=True, doc=", ".join(CHECKS)),
    "version_words": param(list, default=[], doc="words after which a dotted number is a version (iOS, Android)"),
}

_TIMEOUT = 5.0
_NUM_START = r"(?<![\p{N}.,'’\u00a0\u202f]|[\p{N}][ ])"
_HOUR_AMPM = regex.compile(
    r"(?<![\p{N}:.])(?:1[3-9]|2[0-3])[:.h][0-5][0-9][ \u00a0]?(?:[AaPp]\.?[ \u00a0]?[Mm](?:\.(?=[ \u00a0]*+\p{Ll}))?)(?![\p{L}])"
)
# These patterns begin with a look-behind and an alternation, which ``regex`` tries at every
# position of a text; ``anchored`` puts a look-ahead on their first digit in front (the same
# matches, ten times faster: ``checker.kinds.pattern.first_class``).
_TWELVE_MINUTES = regex.compile(anchored(
    r"(?<![\p{N}:.,])(?:0?[1-9]|1[0-2])(?:[:.][0-5][0-9][ \u00a0]?(?:AM|PM|[ap]\.[ \u00a0]?m\.)|[ \u00a0]?[ap]\.[ \u00a0]?m\.)(?![\p{L}\p{N}])"
))
_TWELVE_BARE = regex.compile(anchored(r"(?<![\p{N}:.,])(?:0?[1-9]|1[0-2])(?:[:.][0-5][0-9])?[ \u00a0]?(?:AM|PM)(?![\p{L}\p{N}])"))
_TWELVE_ENGLISH = regex.compile(anchored(r"(?<![\p{N}:.,])(?:0?[1-9]|1[0-2])[:.][0-5][0-9][ \u00a0]?(?:AM|PM)(?![\p{L}\p{N}])"))
_ORDINAL = regex.compile(r"(?<![\p{L}\p{N}.,])(?P<n>[0-9]{1,4})(?P<suf>st|nd|rd|th)(?![\p{L}\p{N}])")
_QUOTED = [regex.compile(r"“[^”\n]{0,300}+”"), regex.compile(r'"[^"\n]{0,300}+"'), regex.compile(r"«[^»\n]{0,300}+»")]
_THOUSANDS = regex.compile(
    _NUM_START + r"(?P<num>[1-9][0-9]{0,2}(?:\.[0-9]{3})++)(?![\p{N}]|[.,][\p{N}])(?=[ \u00a0]\p{L})"
)
_THOUSANDS_COMMA = regex.compile(anchored(
    _NUM_START
    + r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})++\.[0-9]++|[0-9]{1,3}(?:,[0-9]{3}){2,}+|[1-9][0-9]{0,2},000(?=[ \u00a0\u202f](?P<word>\p{L}[\p{L}/²³]*+)))"
    r"(?![\p{N}]|[.,][\p{N}])"
))
# One group of three digits after an English comma, before a word (the count-noun test).
_COMMA_GROUP = regex.compile(
    _NUM_START + r"(?P<num>[1-9][0-9]{0,2},[0-9]{3})(?![\p{N}]|[.,][\p{N}])(?=[ \u00a0\u202f](?P<word>\p{L}++))"
)
# The article's own numbers: a decimal comma before a percentage or a word (« 0,8% », « 3,5 millones »),
# a thousands point before a word (« 450.000 personas »).
_COMMA_DECIMAL = regex.compile(
    r"(?<![\p{N}.,])[0-9]{1,3},[0-9]{1,2}(?![\p{N}]|[.,][\p{N}])(?=[ \u00a0\u202f]?%|[ \u00a0\u202f](?P<word>\p{L}++))"
)
_POINT_DECIMAL = regex.compile(
    r"(?<![\p{N}.,])[0-9]{1,3}\.[0-9]{1,2}(?![\p{N}]|[.,][\p{N}])(?=[ \u00a0\u202f]?%|[ \u00a0\u202f](?P<word>\p{L}++))"
)
_CACHE: dict[tuple, regex.Pattern] = {}


def _comma_convention(text: str, units: set[str], lang_thousands_dot: bool) -> bool:
    """Whether the article itself mostly writes the decimal comma: decimal commas before a percentage,
    a unit or scale word of the language (and, where the language may use it, thousands points before a
    word) outnumber decimal points before them (and English thousands commas). The minority form is
    the slip; a tie (an article on Mexico and Spain) decides nothing."""
    comma = point = 0
    for pat, is_comma in ((_COMMA_DECIMAL, True), (_POINT_DECIMAL, False)):
        for m in pat.finditer(text, timeout=_TIMEOUT):
            if m.group("word") is None or m.group("word") in units:
                if is_comma:
                    comma += 1
                else:
                    point += 1
    if lang_thousands_dot:
        comma += sum(1 for _ in _THOUSANDS.finditer(text, timeout=_TIMEOUT))
        point += sum(1 for _ in _COMMA_GROUP.finditer(text, timeout=_TIMEOUT))
    return comma > point


def _convention(doc: Document, units: set[str], lang_thousands_dot: bool) -> bool:
    """``_comma_convention`` of the document's prose, computed once per document (the decimal and
    thousands-comma rules ask the same question of a Spanish article)."""
    key = f"locale:comma-convention:{lang_thousands_dot}:{'|'.join(sorted(units))}"
    got = doc.cache.get(key)
    if got is None:
        got = doc.cache[key] = _comma_convention(doc.prose, units, lang_thousands_dot)
    return bool(got)


def _decimal_re(sep: str, units: list[str]) -> regex.Pattern:
    key = (sep, tuple(units))
    pat = _CACHE.get(key)
    if pat is None:
        alt = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
        s = regex.escape(sep)
        pat = _CACHE[key] = regex.compile(
            _NUM_START + rf"(?P<num>[0-9]{{1,3}}{s}[0-9]{{1,2}})(?![\p{{N}}]|[.,][\p{{N}}])(?=[ \u00a0\u202f]?(?:{alt})(?![\p{{L}}\p{{N}}]))"
        )
    return pat


def _region_in(ctx: Context, regions: object) -> bool:
    """Whether the document's language tag names one of `regions` (``fr-BE`` for ``["BE"]``)."""
    if not isinstance(regions, list) or not regions:
        return False
    wanted = {str(r).upper() for r in regions}
    return any(part in wanted for part in ctx.subtags)


#: Scale words after which a number with one point is a decimal where the point is the decimal mark.
_SCALE_WORDS = frozenset(["million", "millions", "billion", "billions", "trillion", "trillions", "bn", "mn", "m",
                          "crore", "crores", "lakh", "lakhs"])


def _region_implied(doc: Document, ctx: Context, regions: object) -> bool:
    """Whether the document's words name one of `regions` (its tag naming none)."""
    if not isinstance(regions, list) or not regions:
        return False
    return bool(implied_regions(doc, ctx) & {str(r).upper() for r in regions})


def _house_style(doc: Document, markers: object) -> bool:
    """Whether the document carries one of `markers` (expressions: an agency's dateline or credit,
    « PARIS (AFP) - »), whose house style writes the point between thousands."""
    if not isinstance(markers, list) or not markers:
        return False
    key = "locale:house:" + "|".join(map(str, markers))
    got = doc.cache.get(key)
    if got is None:
        got = doc.cache[key] = any(regex.search(str(m), doc.text) for m in markers)
    return bool(got)


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the check once; the conventions are read from the pack settings."""
    which = rule.params["check"]
    if which not in CHECKS:
        raise ValueError(f"check must be one of {', '.join(CHECKS)}, not {which!r}")
    version_words = {w.lower() for w in rule.params["version_words"]}

    def previous_word(text: str, pos: int) -> str:
        m = regex.search(r"([\p{L}\p{N}.-]+)[ \u00a0]*+$", text[max(0, pos - 40):pos])
        return m.group(1).lower().rstrip(".") if m else ""

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if which == "hour-ampm":
            for m in _HOUR_AMPM.finditer(text, timeout=_TIMEOUT):
                yield Hit(m.start(), m.end(), args={"detail": "a 24-hour time with AM/PM"})
            return
        if which == "decimal":
            dec = ctx.setting("locale_decimal")
            units = ctx.setting("locale_units") or []
            if dec == "either" and units and _convention(doc, set(units), True):
                dec = ","  # Spanish split between countries: the article's own decimal commas decide
            if dec not in (",", ".") or not units:
                return
            foreign = "." if dec == "," else ","
            for m in _decimal_re(foreign, units).finditer(text, timeout=_TIMEOUT):
                prev = previous_word(text, m.start())
                raw = text[max(0, m.start() - 20):m.start()].split()
                if prev in version_words or (raw and any(c.isupper() for c in raw[-1][1:])):
                    continue  # iOS 17.1, USB 3.1, iPhone 15.2
                num = m.group("num")
                yield Hit(m.start("num"), m.end("num"), (num.replace(foreign, dec),))
            return
        if which == "thousands-dot":
            if ctx.setting("locale_thousands_dot", True) or _region_in(ctx, ctx.setting("locale_thousands_dot_regions")):
                return
            house = None
            point_decimal = ctx.setting("locale_decimal") == "."
            units = set(ctx.setting("locale_units") or [])
            counted = set(ctx.setting("locale_count_units") or [])
            convention = None
            for m in _THOUSANDS.finditer(text, timeout=_TIMEOUT):
                if previous_word(text, m.start()) in version_words:
                    continue
                nxt = regex.match(r"[ \u00a0]([\p{L}°%][\p{L}/²³]*+)", text[m.end():m.end() + 20])
                if nxt and point_decimal and m.group("num").count(".") == 1 and nxt.group(1).lower() in _SCALE_WORDS \
                        and not m.group("num").endswith("0"):
                    continue  # "$24.375 million": a decimal (a group ending in 0, "1.200 million", is thousands)
                if nxt and nxt.group(1) in units and m.group("num").count(".") == 1:
                    # 1.500 kg may be a precise measure; 1.250.000 euros cannot be. Before a unit that
                    # counts (points), one group is reported where the article writes decimal commas
                    # (« gained 0,8% to close at 11.320 points »): the source's convention, kept throughout.
                    if nxt.group(1) not in counted:
                        continue
                    if convention is None:
                        convention = _convention(doc, units, False)
                    if not convention:
                        continue
                if house is None:
                    house = _house_style(doc, ctx.setting("locale_thousands_dot_house")) or _region_implied(
                        doc, ctx, ctx.setting("locale_thousands_dot_regions")
                    )
                if house:
                    return  # Belgian words, or agency copy whose house style writes the point (asked once)
                sep = ctx.setting("locale_thousands_separator") or "\u202f"
                yield Hit(m.start("num"), m.end("num"), (m.group("num").replace(".", sep),))
            return
        if which == "thousands-comma":
            mode = ctx.setting("locale_thousands_comma_check")
            units = set(ctx.setting("locale_units") or [])
            dec = ctx.setting("locale_decimal")
            if mode == "convention" and dec == "either":
                # Spanish: Mexico writes 38,000; only an article that writes decimal commas itself
                # (3,5 millones, 450.000 personas) reports the English form.
                if not _convention(doc, units, True):
                    return
            elif not mode or dec != ",":
                return
            sep = ctx.setting("locale_thousands_separator") or "\u202f"
            found = set()
            if mode is True or mode == "convention":
                for m in _THOUSANDS_COMMA.finditer(text, timeout=_TIMEOUT):
                    if m.group("word") and m.group("word") in units:
                        continue
                    num = m.group("num")
                    found.add(m.start("num"))
                    fixed = num.replace(",", "\x00").replace(".", ",").replace("\x00", sep)
                    yield Hit(m.start("num"), m.end("num"), (fixed,))
            # One group before a noun that counts (people, copies, votes, yens): a count has no
            # decimals, so 2,450 Besucher is 1200. With "count-nouns" (French), ,000 is left to the
            # language's own rule.
            nouns = set(ctx.setting("locale_count_nouns") or [])
            for m in _COMMA_GROUP.finditer(text, timeout=_TIMEOUT):
                if m.start("num") in found or m.group("word") not in nouns:
                    continue
                if mode == "count-nouns" and m.group("num").endswith(",000"):
                    continue
                yield Hit(m.start("num"), m.end("num"), (m.group("num").replace(",", sep),))
            return
        if which == "twelve-hour":
            mode = ctx.setting("locale_24_hour")
            if mode not in ("strict", "minutes", "english"):
                return
            quoted: Guard | None = None  # the quotations are scanned at the first match
            # "english": the language has its own 12-hour abbreviation (Spanish « 9:40 a. m. »): only
            # the English capitals after minutes are reported (« 9:40 AM »).
            pats = (_TWELVE_ENGLISH,) if mode == "english" else (
                _TWELVE_BARE if mode == "strict" else _TWELVE_MINUTES, _TWELVE_MINUTES)
            seen = set()
            for pat in pats:
                for m in pat.finditer(text, timeout=_TIMEOUT):
                    if quoted is None:
                        quoted = Guard(guarded_spans(text, _QUOTED))
                    if m.start() in seen or quoted.covers(m.start(), m.end()):
                        continue
                    seen.add(m.start())
                    yield Hit(m.start(), m.end())
            return
        if which == "english-ordinal":
            if ctx.setting("locale_english_ordinals", True):
                return
            quoted = Guard(guarded_spans(text, _QUOTED))
            for m in _ORDINAL.finditer(text, timeout=_TIMEOUT):
                n = int(m.group("n"))
                suf = m.group("suf")
                expected = "st" if n % 10 == 1 and n % 100 != 11 else "nd" if n % 10 == 2 and n % 100 != 12 else "rd" if n % 10 == 3 and n % 100 != 13 else "th"
                if suf != expected:
                    continue
                nxt = regex.match(r"[ \u00a0]*+([\p{L}])", text[m.end():m.end() + 4])
                if nxt and nxt.group(1).isupper():
                    continue
                if quoted.covers(m.start(), m.end()):
                    continue
                form = ctx.setting("locale_ordinal_format")
                sugg = (form.format(n=n),) if form and n != 1 else ()
                if n == 1 and ctx.setting("locale_first_ordinal"):
                    sugg = (ctx.setting("locale_first_ordinal"),)
                yield Hit(m.start(), m.end(), sugg)

    return check
