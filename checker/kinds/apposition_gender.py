"""Kind ``apposition-gender``: a masculine title right before a woman's given name.

Machine translation from a language without grammatical gender writes « le jeune
chanteur Ana … », « el cantante Lucía … », « der Trainer Ayşe … »: the title is
masculine, the person a woman. This kind matches a masculine determiner and title (a
``regex`` expression from the rule, with optional adjectives, matched case-insensitively)
immediately followed by a capitalised given name from ``female_names``; the reported
span is the title phrase.

params:
- ``masculine``: the expression of the masculine title phrase (determiner, optional
  adjective, noun), e.g. ``(?:le|un|du|au|ce) (?:\\p{L}+ )?(?:chanteur|acteur)``; a
  space matches any white space; leave out titles the language uses for women too
  (« le ministre » in older French, « l'écrivain »);
- ``female_names``: a list beside the rule (names separated by white space);
- ``linker``: optional expression of the words that open a short complement between the
  title and a comma (« der », « of »): « Der Trainer der Mannschaft, Ayşe Yılmaz, … »;
- ``feminine``: optional expression of feminine titles (« la chanteuse », « Mme », « la jeune
  actrice »). The article's own words then give a name its gender when no list knows it:
  machine translation from Indonesian or Turkish names people no name list holds, and writes
  « la chanteuse Ayu Lestari » in one paragraph and « le jeune chanteur Ayu Lestari » in the
  next. A masculine title before a name that the article also gives a feminine title is
  reported, when both are the same person: the same full name, or the same surname with a
  one-letter-different given name (MT misspells names too). A bare surname is never matched
  (« Mme Roux » and « son ami Roux » are a wife and her husband), nor a brother and sister
  (other given names).
- ``feminine_after``: optional expression of feminine words that follow a full name and a
  comma (« Sinta Dewi, connue pour… », « Meiska Adinda, nacida en… »): the agreement makes the
  name a woman's, as a feminine title does, for a masculine title before the same full name.
- ``pairs``: optional « masculine feminine » noun pairs (``chanteur chanteuse``, ``cantante
  cantante``). With ``feminine``, a bare masculine title that names nobody (« Le chanteur a
  remercié ses fans ») is reported when it can only be the woman the article just named with
  the feminine title of the same pair (« la chanteuse Wulan Prameswari »): no man was given a
  title of the pair before it, and between her last mention and the title stands no other name
  (a run of two capitalised words that are not hers, or a man's given name). Quotations are
  skipped: they may speak of anyone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._given_names import gazetteer
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "apposition-gender"
PARAMS = {
    "masculine": param(str, required=True, doc="regex of the masculine determiner + title"),
    "female_names": param(str, required=True, doc="list beside the rule: women's given names"),
    "linker": param(str, default=None, doc="regex of the words that open a complement before a comma"),
    "male_names": param(str, default=None, doc="list beside the rule: men's given names (they win over a gazetteer)"),
    "gazetteer": param(list, default=[], doc="TSV tables of given names (f|m|u): their women's names count too"),
    "feminine": param(str, default=None, doc="regex of feminine titles: a name the article gives one is a woman's"),
    "pairs": param(list, default=[], doc="« masculine feminine » title nouns, for a bare masculine title"),
    "feminine_after": param(str, default=None, doc="regex of feminine words after a full name and a comma "
                            "(« connue », « née », « nacida »): the name is a woman's"),
}

_QUOTED = regex.compile(r"«[^«»\n]{0,600}+»|“[^“”\n]{0,600}+”|\"[^\"\n]{0,600}+\"|„[^„“”\n]{0,600}+[“”]")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+")
#: How far (characters) after a woman's feminine title a bare masculine title may still be her.
_ANAPHOR_WINDOW = 1500

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*+(?:-\p{L}[\p{L}\p{M}]*+)?"
#: Two capitalised words or more in a row: a name.
_CAP_RUN = regex.compile(_NAME_WORD + r"(?:[ \u00a0]" + _NAME_WORD + r")+")
# Up to three more capitalised words after the first word of a name (the rest of the name).
_REST = regex.compile(r"(?:[ \u00a0]" + _NAME_WORD + r"(?!['’]?\p{L})){0,3}")


def _near(a: str, b: str) -> bool:
    """Equal, or one edit apart (a letter added, dropped or changed) in words of four letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (casefolded words, given name and surname) of one person: the same last word
    and the same or a near given name. A bare surname is never enough: « Mme Roux » and « son ami
    Roux » are a wife and her husband."""
    return len(a) >= 2 and len(b) >= 2 and a[-1] == b[-1] and _near(a[0], b[0])

_WS = r"[\s\u00a0\u202f]"


@cache
def _names(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for line in read_list(path) for w in line.split())


def _spaced(expression: str) -> str:
    """A rule's expression where a literal space matches any run of white space."""
    return regex.sub(r"(?<!\\) +", lambda _: _WS + "+", expression.strip())


def _expression(rule: Rule, key: str, wrap: Callable[[str], str]) -> regex.Pattern[str] | None:
    """The rule's expression `key` (a space matches any white space) wrapped by `wrap` and compiled;
    None when the rule does not give it."""
    raw = rule.params[key]
    if not raw:
        return None
    body = _spaced(raw)
    try:
        return regex.compile(wrap(body))
    except regex.error as exc:
        raise ValueError(f"{key}: {exc}") from None


def build(rule: Rule):  # noqa: ANN201
    body = _spaced(rule.params["masculine"])
    linker = rule.params["linker"]
    complement = ""
    if linker:
        # A short complement then a comma: bounded, no sentence punctuation inside.
        complement = r"(?:" + _WS + r"+(?i:" + linker + r")" + _WS + r"[^,.;:!?\n]{1,60}?,)?"
    try:
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}_'’])(?P<title>(?i:" + body + r"))(?![\p{L}\p{M}])" + complement + _WS + r"++"
            r"(?P<name>" + _NAME_WORD + r")(?!['’]?\p{L})"
        )
    except regex.error as exc:
        raise ValueError(f"masculine: {exc}") from None
    fem_pattern = _expression(rule, "feminine", lambda fem_body: (
        r"(?<![\p{L}\p{M}\p{N}_'’])(?i:" + fem_body + r")(?![\p{L}\p{M}])" + _WS + r"++"
        r"(?P<name>" + _NAME_WORD + r")(?!['’]?\p{L})"
    ))
    # A full name (two to four capitalised words), a comma, then a feminine word.
    after_pattern = _expression(rule, "feminine_after", lambda after_body: (
        r"(?<![\p{L}\p{M}\p{N}_'’])(?P<name>" + _NAME_WORD + r"(?:[ \u00a0]" + _NAME_WORD + r"){1,3})"
        r"," + _WS + r"++(?:(?i:" + after_body + r"))(?![\p{L}\p{M}])"
    ))
    pairs: dict[str, str] = {}
    for pair in rule.params["pairs"]:
        masc_noun, _, fem_noun = pair.casefold().partition(" ")
        pairs[masc_noun] = fem_noun.strip()
    # The titles alone: one scan of the text finds them; a name after one is then tried in place.
    titles = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’])(?i:" + body + r")(?![\p{L}\p{M}])")
    bare = None
    if pairs and fem_pattern is not None:
        # The masculine title with no name after it (nor a complement that leads to one).
        bare = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}_'’])(?P<title>(?>(?i:" + body + r")))(?![\p{L}\p{M}])"
            r"(?![^.;:!?«»“”\"\n]{0,60}?(?<![\p{L}\p{M}])\p{Lu})"
        )
    path = rule.resolve(rule.params["female_names"])
    male_path = rule.resolve(rule.params["male_names"]) if rule.params["male_names"] else None
    gazetteer_paths = tuple(rule.resolve(g) for g in rule.params["gazetteer"])

    def run_at(text: str, m: regex.Match[str]) -> tuple[str, ...]:
        """The casefolded words of the name that starts at the match's ``name`` group."""
        rest = _REST.match(text, m.end("name"))
        words = m.group("name") + (rest.group() if rest else "")
        return tuple(w.casefold() for w in words.split())

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        names = _names(path)
        men = _names(male_path) if male_path else frozenset()
        gaz = gazetteer(gazetteer_paths)
        text = doc.prose
        pending = []  # (match, run) of the masculine titles before a name no list knows
        named = []  # (start, title) of every masculine title before a name
        bares = []  # masculine titles before no name
        last_end = -1
        for t in titles.finditer(text, timeout=5.0):
            if t.start() < last_end:
                continue
            m = pattern.match(text, t.start(), timeout=5.0)
            if m is None:
                b = bare.match(text, t.start(), timeout=5.0) if bare is not None else None
                if b is not None:
                    bares.append(b)
                continue
            last_end = m.end()
            named.append((m.start(), m.group("title")))
            key = m.group("name").casefold()
            if key in names or (gaz.get(key) == "f" and key not in men):
                yield Hit(m.start("title"), m.end("title"), confidence=0.8)
                continue
            if fem_pattern is not None and key not in men and gaz.get(key) != "m":
                pending.append((m, run_at(text, m)))
        if fem_pattern is None or not (pending or bares):
            return
        if not pending:
            # a bare title needs the feminine noun of its pair somewhere in the text
            low = text.casefold()
            wanted = {pairs[n] for b in bares if (n := noun_of(b.group("title"), pairs))}
            if not any(w in low for w in wanted):
                return
        fem = list(fem_pattern.finditer(text, timeout=5.0))
        by_surname: dict[str, list[tuple[tuple[str, ...], tuple[int, int]]]] = {}
        for f in fem:
            run = run_at(text, f)
            by_surname.setdefault(run[-1], []).append((run, f.span()))
        if after_pattern is not None and pending:
            # « Sinta Dewi, connue pour… », « Meiska Adinda, nacida en… »: the agreement marks a woman.
            for a in after_pattern.finditer(text, timeout=5.0):
                run = tuple(w.casefold() for w in a.group("name").split())
                if len(run) >= 2:
                    by_surname.setdefault(run[-1], []).append((run, a.span()))
        for m, run in pending:
            who = next((span for w, span in by_surname.get(run[-1], []) if _same_person(run, w)), None)
            if who is not None:
                yield Hit(m.start("title"), m.end("title"), confidence=0.7, related=who)
        if bares and fem:
            yield from anaphors(text, fem, bares, named, men, gaz)

    def noun_of(title: str, table: dict[str, str] | set[str]) -> str | None:
        for w in reversed(_WORD.findall(title)):
            if w.casefold() in table:
                return w.casefold()
        return None

    def anaphors(text: str, fem: list, bares: list, named: list, men: frozenset[str], gaz) -> Iterator[Hit]:  # noqa: ANN001
        """Bare masculine titles that can only be the woman just named with the feminine title."""
        quotes = [q.span() for q in _QUOTED.finditer(text, timeout=5.0)]
        quote_starts = [q[0] for q in quotes]
        fem_nouns = set(pairs.values())
        women: dict[str, list[tuple[int, tuple[int, int], set[str]]]] = {}  # noun -> (end, span, name words)
        for f in fem:
            noun = noun_of(text[f.start() : f.start("name")], fem_nouns)
            if noun:
                women.setdefault(noun, []).append((f.end(), f.span(), set(run_at(text, f))))
        first_man: dict[str | None, int] = {}  # noun -> where a man is first given that title
        for pos, title in named:
            n = noun_of(title, pairs)
            first_man[n] = min(pos, first_man.get(n, pos))
        for m in bares:
            at = m.start()
            noun = noun_of(m.group("title"), pairs)
            if noun is None or first_man.get(noun, at) < at:
                continue
            q = bisect.bisect_right(quote_starts, at) - 1
            if q >= 0 and quotes[q][0] < at < quotes[q][1]:
                continue
            hers = women.get(pairs[noun], [])
            k = bisect.bisect_right(hers, at, key=lambda w: w[0]) - 1
            if k < 0 or at - hers[k][0] > _ANAPHOR_WINDOW:
                continue
            end, span, name = hers[k]
            # her last mention: the last word of her name before the title
            last = end
            for w in _WORD.finditer(text, end, at):
                if w.group().casefold() in name:
                    last = w.end()
            between = text[last:at]
            if any(not set(r.group().casefold().split()) <= name for r in _CAP_RUN.finditer(between)):
                continue
            if any(w.casefold() in men or gaz.get(w.casefold()) == "m" for w in _WORD.findall(between) if w[:1].isupper()):
                continue
            yield Hit(m.start("title"), m.end("title"), confidence=0.6, related=span)

    return check

