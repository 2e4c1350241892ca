"""Kind ``translated-names``: a known name (outlet, band, club, show, agency) rendered as common words.

Machine translation turns names made of ordinary words into those words: the
magazine *Rolling Stone* becomes « Pierre qui roule », the group *Red Velvet* « Velours
rouge », the *Dodgers* « les Esquiveurs ». A gazetteer (a tab-separated table beside the rule, which
users extend) lists such names with the literal renderings MT produces in each
language::

    type    original    lang    rendering|rendering…

A rendering found in the article is reported when something says it is a name:

- the original also appears in the article (``Dodgers`` … ``les Esquiveurs``): the
  translation slipped in one place; high confidence;
- the rendering is capitalised where a common noun would not be (inside a
  sentence, not after a quote or colon), or written in capitals as a whole
  (``VELOURS ROUGE``): it is used as a name; lower confidence, ``minor`` severity
  unless the table row is marked ``strong`` (a rendering that is hardly ever a
  common phrase in capitals).

A lowercase rendering with no original in the article is ordinary language and
stays silent (« les loups », « deux fois »).

params: ``gazetteer`` (the table file); ``min_letters`` (shortest rendering).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.kinds._names import split_matches
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "translated-names"
PARAMS = {
    "gazetteer": param(str, required=True, doc="table: type, original, lang, renderings separated by |"),
    "min_letters": param(int, default=4, doc="shortest rendering considered"),
    "noun_capitals": param(list, default=["de", "lb"], doc="languages that capitalise every noun"),
}

_SEP = r"[\s\u00a0\u202f]+"
_APOS = "['’]"
_OPENERS = frozenset("«“\"‘'(—–-:[•*|/")
_ARTICLES = frozenset(
    ["le", "la", "les", "l", "the", "el", "los", "las", "lo", "il", "gli", "i", "o", "os", "a", "as", "der", "die", "das", "den", "des", "dem", "ein", "eine", "un", "une"]
)


def _phrase(words: str) -> str:
    out = []
    for w in words.split():
        # One pass over the escaped word: replacing ' and then ’ would rewrite the class just inserted.
        out.append(_APOS_OR_HYPHEN.sub(lambda m: _APOS if m.group() in "'’" else "[-‐]", regex.escape(w)))
    return _SEP.join(out)


_APOS_OR_HYPHEN = regex.compile(r"['’]|\\-")


def _capitals(renderings: list[str]) -> tuple[tuple[int, int], ...]:
    """The letters written as capitals in every spelling of one rendering (word, letter), the first
    letter of the rendering excepted (a sentence may begin with it): ``l'Union`` asks for its U, so
    ``la source`` is not ``la Source``."""
    shared: set[tuple[int, int]] | None = None
    for r in renderings:
        here = {(i, j) for i, w in enumerate(r.split()) for j, c in enumerate(w) if c.isupper() and (i, j) != (0, 0)}
        shared = here if shared is None else shared & here
    return tuple(sorted(shared or ()))


def _has_capitals(found: str, capitals: tuple[tuple[int, int], ...]) -> bool:
    if not capitals:
        return True
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    words = found.split()
    return all(i < len(words) and j < len(words[i]) and words[i][j].isupper() for i, j in capitals)


def build(rule: Rule):  # noqa: ANN201
    from checker.listcache import parsed

    p = rule.params
    path = rule.resolve(p["gazetteer"])
    rows = read_table(path)
    min_letters = p["min_letters"]
    noun_capitals = frozenset(str(x) for x in p["noun_capitals"])

    def renderings_by_lang() -> dict[str, list[tuple[str, str, bool]]]:
        by_lang: dict[str, list[tuple[str, str, bool]]] = {}
        for n, row in enumerate(rows, 1):
            if len(row) < 4:
                raise ValueError(f"{p['gazetteer']}: row {n} needs type, original, lang, renderings: {row!r}")
            kind, original, langs, renderings = row[:4]
            strong = "strong" in kind.split(",")
            for lang in langs.split(","):
                for r in renderings.split("|"):
                    r = r.strip()
                    if len(r.replace(" ", "")) >= min_letters and _key(r) != _key(original):
                        by_lang.setdefault(lang.strip(), []).append((r, original, strong))
        return by_lang

    # Kept between runs in the pattern store under the table's stat (checker/listcache.py).
    by_lang = parsed(f"translated-names 1 {min_letters}", path, renderings_by_lang)
    compiled: dict[str, tuple[regex.Pattern[str], dict[str, tuple[str, bool, tuple[tuple[int, int], ...]]]]] = {}
    keys: dict[str, _StartKeys | None] = {}

    def lang_table(lang: str) -> tuple[str, dict[str, tuple[str, bool, tuple[tuple[int, int], ...]]]]:
        """The alternation of a language's renderings (longest first) and their originals by key."""
        entries = by_lang[lang]
        table: dict[str, tuple[str, bool, tuple[tuple[int, int], ...]]] = {}
        spellings: dict[str, list[str]] = {}
        for r, original, strong in entries:
            spellings.setdefault(_key(r), []).append(r)
        for r, original, strong in entries:
            table.setdefault(_key(r), (original, strong, _capitals(spellings[_key(r)])))
        return "|".join(_phrase(r) for r, _, _ in sorted(entries, key=lambda e: -len(e[0]))), table

    def matcher(lang: str) -> tuple[regex.Pattern[str], dict[str, tuple[str, bool, tuple[tuple[int, int], ...]]]] | None:
        if lang in compiled:
            return compiled[lang]
        entries = by_lang.get(lang)
        if not entries:
            compiled[lang] = None  # type: ignore[assignment]
            return None
        alternation, table = parsed(f"translated-names 2 {min_letters} {lang}", path, lambda: lang_table(lang))
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}_@#/.-])(?:{alternation})"
            # A possessive "de"/"of" glued to the name by extraction (VELOURS ROUGEde Joy) still ends it.
            rf"(?=(?:de|of|del|di|da|do|von)?(?![\p{{L}}\p{{M}}\p{{Nd}}_@/-]))",
            regex.IGNORECASE,
        )
        compiled[lang] = (pattern, table)
        # Kept beside the alternation (one scan of every rendering, character by character).
        keys[lang] = parsed(f"translated-names keys 2 {min_letters} {lang}", path,
                            lambda: _start_keys(r for r, _, _ in entries))
        return compiled[lang]

    originals_cache: dict[str, regex.Pattern[str]] = {}

    def original_in(text: str, original: str, skip: tuple[int, int]) -> tuple[int, int] | None:
        pat = originals_cache.get(original)
        if pat is None:
            # The original as written (case-sensitive on its capitals: "People", "TWICE"); a one-word
            # original must be capitalised, several words may vary in case.
            flags = regex.IGNORECASE if " " in original.strip() else 0
            pat = originals_cache[original] = regex.compile(
                rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}_])(?:{_phrase(original)})(?![\p{{L}}\p{{M}}\p{{Nd}}_])", flags
            )
        for m in pat.finditer(text):
            if m.end() <= skip[0] or m.start() >= skip[1]:
                if " " not in original.strip() and not m.group()[:1].isupper():
                    continue
                return m.span()
        return None

    def original_before(text: str, original: str, start: int) -> tuple[int, int] | None:
        """The last occurrence of `original` in the 160 characters before `start` (original_in
        has compiled its pattern)."""
        pat = originals_cache.get(original)
        last = None
        if pat is not None:
            for m in pat.finditer(text, max(0, start - 160), start):
                last = m.span()
        return last

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        got = matcher(lang)
        if got is None:
            return
        pattern, table = got
        text = doc.prose
        for m in _matches(pattern, keys.get(lang), text):
            found = m.group()
            entry = table.get(_key(found))
            if entry is None:
                continue
            original, strong, capitals = entry
            if not _has_capitals(found, capitals):
                continue
            start, end = m.span()
            if _PLACE_AFTER.match(text, end):
                continue  # « les Aigles de Lisbonne », « les Lions de l'Atlas »: a nickname of its own
            where = original_in(text, original, (start, end))
            if where is not None and _meaning_given(text, original_before(text, original, start), start):
                continue  # « Al-Hilal – der Name bedeutet auf Arabisch „der Halbmond“ »: the name explained
            if where is not None:
                yield Hit(start, end, (original,), confidence=0.9, args={"original": original}, related=where)
                continue
            if strong and lang not in noun_capitals and _named(text, start, found):
                yield Hit(start, end, (original,), confidence=0.7 if strong else 0.5,
                          args={"original": original}, severity=None if strong else Severity.MINOR)

    return check


#: Words that give what a name means (« the name means », « qui signifie », « bedeutet », « literally »).
_MEANING = regex.compile(
    r"(?<![\p{L}\p{M}])(?:means?|meaning|meant|literally|translates? as|signifie|signifiant|veut dire|littéralement|"
    r"se traduit par|significa|significando|quiere decir|literalmente|vuol dire|letteralmente|quer dizer|"
    r"bedeutet|bedeutend|heißt übersetzt|übersetzt|wörtlich)(?![\p{L}\p{M}])",
    regex.IGNORECASE,
)


def _meaning_given(text: str, before: tuple[int, int] | None, start: int) -> bool:
    """Whether the rendering at `start` follows its original (`before`: its last occurrence just
    before) in the same sentence, with words between that say it gives the name's meaning."""
    if before is None:
        return False
    between = text[before[1]:start]
    return not regex.search(r"[.!?](?:[ \u00a0\n]|$)|\n", between) and _MEANING.search(between) is not None


#: A place after a rendering makes it a nickname of its own (« les Aigles de Lisbonne », « las
#: Águilas del América », « die Adler aus Frankfurt »), not the original translated.
_PLACE_AFTER = regex.compile(
    r"[ \u00a0]++(?:de|du|des|d['’]|del|de la|di|da|do|dos|das|von|aus|of)[ \u00a0]*+(?:l['’]|la[ \u00a0]|el[ \u00a0])?\p{Lu}"
)
_RUN = regex.compile(r"[\p{L}\p{M}\p{Nd}]++")
#: What may stay glued to the end of a name (the pattern's look-ahead: VELOURS ROUGEde Joy).
_GLUED = ("de", "of", "del", "di", "da", "do", "von")


class _StartKeys:
    """Where a rendering can begin: its first letter run (case-folded) and the first letter of its
    second run (renderings of one run: the run itself, perhaps with a glued ``de``/``of``)."""

    __slots__ = ("firsts", "pairs", "singles")

    def __init__(self, pairs: set[tuple[str, str]], singles: set[str]) -> None:
        self.pairs = pairs
        self.singles = singles
        #: Every run a rendering begins with: a run outside it that ends in no glued particle
        #: cannot start one (``may_start`` is then False; one set test, not a call, per run).
        self.firsts = frozenset(singles) | {a for a, _ in pairs}

    def may_start(self, run: str, after: str) -> bool:
        if after and (run, after[:1]) in self.pairs:
            return True
        singles = self.singles
        if run in singles:
            return True
        # One C-level endswith first: most runs end in no glued particle.
        return run.endswith(_GLUED) and any(run.endswith(g) and run[: -len(g)] in singles for g in _GLUED)


def _start_keys(renderings) -> _StartKeys | None:  # noqa: ANN001
    """The keys of a language's renderings; None when one does not begin with a letter run that
    case folding keeps one character per character (then the article is scanned as a whole)."""
    pairs: set[tuple[str, str]] = set()
    singles: set[str] = set()
    for r in renderings:
        runs = [m for m in _RUN.finditer(r)]
        if not runs or runs[0].start() != 0 or any(len(c.casefold()) != 1 for c in r):
            return None
        words = [m.group().casefold() for m in runs]
        if len(words) == 1:
            singles.add(words[0])
        else:
            pairs.add((words[0], words[1][:1]))
    return _StartKeys(pairs, singles)


def _matches(pattern: regex.Pattern[str], keys: _StartKeys | None, text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, tried only where a rendering can begin: at a letter run whose
    case-folded form (and the next run's first letter) opens some rendering. A match cannot begin
    elsewhere: its look-behind puts it at the start of a run, and case-insensitive matching folds
    one character to one character (an article holding a character that folds to several is
    scanned as a whole)."""
    if keys is None or any(len(c.casefold()) != 1 for c in set(text)):
        yield from pattern.finditer(text)
        return
    starts, _ends, words = split_matches(_RUN, text)  # the runs, without a match object each
    runs = list(map(str.casefold, words))
    n = len(runs)
    pos = 0
    firsts = keys.firsts
    for i, run in enumerate(runs):
        if run not in firsts and not run.endswith(_GLUED):
            continue  # a run no rendering begins with, ending in no glued particle: may_start is False
        start = starts[i]
        if start < pos or not keys.may_start(run, runs[i + 1] if i + 1 < n else ""):
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace("‐", "-").split())


def _named(text: str, start: int, found: str) -> bool:
    """True when the rendering is written like a name: capitals inside a sentence, or all in capitals."""
    letters = [c for c in found if c.isalpha()]
    if len(found.split()) >= 2 and letters and all(c.isupper() for c in letters):
        # Capitals as a name, not a shouted line: the line around it has lowercase letters.
        line_start = text.rfind("\n", max(0, start - 200), start) + 1
        line_end = text.find("\n", start, start + 200 + len(found))
        line = text[line_start:line_end if line_end >= 0 else start + 200 + len(found)]
        end = start + len(found)
        left = regex.search(r"(\p{L}+)[^\p{L}\n]*$", text[max(0, start - 40):start])
        right = regex.match(r"[^\p{L}\n]*(\p{L}+)", text[end:end + 40])
        for m in (left, right):
            if m is not None and m.group(1).isupper():
                return False  # part of a longer line or phrase in capitals
        return any(c.islower() for c in line)
    head, article = start, None
    if start > 1 and text[start - 1] in "'’":
        j = start - 2
        while j >= 0 and text[j].isalpha():
            j -= 1
        if text[j + 1:start - 1].casefold() in _ARTICLES:
            head, article = j + 1, text[j + 1:start - 1]
    else:
        j = start - 1
        while j >= 0 and text[j] in " \t\u00a0\u202f":
            j -= 1
        k = j
        while k >= 0 and text[k].isalpha():
            k -= 1
        if k < j and text[k + 1:j + 1].casefold() in _ARTICLES:
            head, article = k + 1, text[k + 1:j + 1]
    first = next((w for w in regex.split(r"[\s'’]+", found) if w and w.casefold() not in _ARTICLES), "")
    if not ((article is not None and article[:1].isupper()) or first[:1].isupper()):
        return False
    if not _inside_sentence(text, head):
        return False
    if article is not None and article[:1].isupper():
        return True  # a capitalised article inside a sentence opens a title (… told The Breakfast Club)
    return not _after_name(text, head)


def _after_name(text: str, head: int) -> bool:
    """True when a capitalised word inside the sentence comes shortly before: part of a longer name."""
    before = text[max(0, head - 60):head]
    words = regex.findall(r"[\p{L}\p{M}]+|[.!?…:;,\n\r«»“”\"()]", before)
    for w in reversed(words[-4:]):
        if not w[:1].isalpha():
            return False  # a sentence or quote boundary
        if w[:1].isupper():
            i = before.rfind(w)
            return _inside_sentence(before, i) if i >= 0 else False
    return False


def _inside_sentence(text: str, start: int) -> bool:
    """True when the word at `start` follows a word or comma of the same sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    if i < 0 or text[i] in "\r\n" or text[i] in _OPENERS:
        return False
    return text[i] not in ".!?…»”"
