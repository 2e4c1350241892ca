"""Kind ``variant-consistency``: one term written two ways in one article (plates-formes / plateformes).

Occurrences are grouped by a key that two spellings of one term share, and every
occurrence of a minority spelling is reported, with the majority spelling as the
suggestion and its first occurrence as ``related``. On a tie the spelling seen first
is the article's convention and the later one is reported.

Spellings group in three ways:

- hyphenated and joined forms of a compound (``week-end`` / ``weekend``,
  ``co-operate`` / ``cooperate``): the key is the word without hyphens, each part
  stripped of a plural ending, so ``plates-formes`` meets ``plateformes``;
- ``suffix_pairs`` such as ``ise:ize``, ``our:or``: the key replaces the first suffix
  by the second when both spellings are known words (British / American);
- a curated table of variants that no rule derives (``clé|clef``,
  ``événement|évènement``, ``week end`` in two words), one term per line.

params:
- ``variants``: a file beside the rule, one term per line, spellings separated by ``|``.
- ``plural_endings``: endings stripped before comparing (``["s", "x"]`` in French).
- ``suffix_pairs``: ``"a:b"`` strings; ``min_zipf``: how frequent both spellings must be.
- ``clitics``: parts that make a hyphenated token a verb with its pronoun or a
  demonstrative (``est-elle``, ``voix-là``), never a compound: such tokens are left alone.
- ``distinct_prefixes``: first parts whose hyphen changes the meaning (English ``re``:
  ``re-cover`` is not ``recover``); such compounds are left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import match_case
from checker.kinds.pattern import StartScan, start_scan_keys
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "variant-consistency"
PARAMS = {
    "variants": param(str, default=None, doc="file of spelling variants, one term per line, '|' between"),
    "plural_endings": param(list, default=["s"], doc="endings stripped before comparing spellings"),
    "suffix_pairs": param(list, default=[], doc="'a:b' suffix spellings of one word (ise:ize)"),
    "min_zipf": param(float, default=2.0, doc="both spellings of a suffix pair must be this frequent"),
    "distinct_prefixes": param(list, default=[], doc="hyphenated first parts that change the meaning"),
    "hyphens": param(bool, default=True, doc="group hyphenated and joined forms of compounds"),
    "clitics": param(list, default=[], doc="hyphenated parts that are pronouns or particles (dit-il, celui-ci)"),
}

# Letters only, hyphen-joined: apostrophes split (« l'e-mail » → « e-mail »), digits exclude.
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_-])\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*(?![\p{L}\p{M}\p{N}_])")
_WS = r"[\s\u00a0\u202f]+"
_SENTENCE_START = regex.compile(r"(?:\A|[.!?:…«»\"“”—–\n\r(])[\s\u00a0\u202f]*\Z")

#: Most wanted words looked for with ``str.find`` (one pass over the text each); more, one scan.
_FIND_MAX = 24


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Occurrence:
    __slots__ = ("start", "end", "key", "shape", "ending")

    def __init__(self, start: int, end: int, key: str, shape: str, ending: str) -> None:
        self.start = start
        self.end = end
        self.key = key
        self.shape = shape
        self.ending = ending


def _strip(word: str, endings: tuple[str, ...]) -> tuple[str, str]:
    for e in endings:
        if len(word) > len(e) + 2 and word.endswith(e):
            return word[: -len(e)], e
    return word, ""


def build(rule: Rule):  # noqa: ANN201
    """Read the variant table and compile its matcher; word frequencies load on first use."""
    p = rule.params
    endings = tuple(sorted((str(e) for e in p["plural_endings"]), key=len, reverse=True))
    pairs = []
    for item in p["suffix_pairs"]:
        a, sep, b = str(item).partition(":")
        if not sep or not a or not b:
            raise ValueError(f"suffix_pairs: {item!r} is not 'a:b'")
        pairs.append((a.lower(), b.lower()))
    distinct = {str(x).lower() for x in p["distinct_prefixes"]}
    clitics = {str(x).lower() for x in p["clitics"]}
    min_zipf = p["min_zipf"]

    table: dict[str, tuple[str, str]] = {}
    if p["variants"]:
        for n, line in enumerate(read_list(rule.resolve(p["variants"]))):
            spellings = [" ".join(s.split()).lower() for s in line.split("|") if s.strip()]
            if len(spellings) < 2:
                raise ValueError(f"{p['variants']}: {line!r} needs two spellings or more")
            for s in spellings:
                table[s] = (f"table:{n}", s)
    curated = None
    # The curated alternation, tried at every position of the text, cost more than the rest of the
    # rule: it is tried only where the article's folded prose holds a key its matches begin with,
    # as the pattern rules do (``kinds.pattern.StartScan``, when that is the faster scan).
    scan: StartScan | None = None
    if table:
        alternation = "|".join(
            _WS.join(regex.escape(w) for w in s.split()) for s in sorted(table, key=len, reverse=True)
        )
        ending = "|".join(regex.escape(e) for e in endings)
        source = rf"(?<![\p{{L}}\p{{M}}\p{{N}}_-])(?:{alternation})(?:{ending})?(?![\p{{L}}\p{{M}}\p{{N}}_-])"
        curated = regex.compile(source, regex.IGNORECASE)
        keys = start_scan_keys(source, regex.IGNORECASE)
        scan = StartScan(curated, keys) if keys is not None else None

    def generic(word: str, lang: str) -> tuple[str, str, str] | None:
        lower = word.lower()
        if any(c.isupper() for c in word[1:]):
            return None  # names and acronyms (Jean-Pierre, Al-Qaïda) are another rule's business
        if "-" in lower:
            if not p["hyphens"]:
                return None
            parts = lower.split("-")
            if parts[0] in distinct or any(x in clitics for x in parts[1:]):
                return None
            # A compound, not two words hyphenated by accident (a name cut at a line end).
            if lexicon.zipf(lower.replace("-", ""), lang) <= 0 and not all(
                lexicon.zipf(x, lang) > 0 for x in parts
            ):
                return None
            stripped = [_strip(x, endings) for x in parts]
            shape = "-".join(s for s, _ in stripped)
            return "".join(s for s, _ in stripped), shape, stripped[-1][1]
        base, ending = _strip(lower, endings)
        key = base
        for a, b in pairs:
            if base.endswith(a) and len(base) - len(a) >= 4:
                other = base[: -len(a)] + b
                if lexicon.zipf(base, lang) >= min_zipf and lexicon.zipf(other, lang) >= min_zipf:
                    key = other
                break
        return key, base, ending

    # ``generic`` once per word and language in a run (bounded): word → its answer, per language.
    generic_by_lang: dict[str, MemoTable] = {}

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        occurrences: list[_Occurrence] = []
        taken: list[tuple[int, int]] = []
        if curated is not None:
            for m in scan.matches(text, doc) if scan is not None else curated.finditer(text):
                found = " ".join(m.group().split()).lower()
                spelling, ending = found, ""
                if found not in table:
                    spelling, ending = _strip(found, endings)
                    if spelling not in table:
                        continue
                key, shape = table[spelling]
                occurrences.append(_Occurrence(m.start(), m.end(), key, shape, ending))
                taken.append(m.span())
        covered = iter(taken)
        span = next(covered, None)
        lang = ctx.primary if ctx is not None else doc.lang  # asked once, not once per word
        answers = generic_by_lang.get(lang)
        if answers is None:
            answers = generic_by_lang[lang] = MemoTable(lambda word: generic(word, lang))
        # A word whose key is its shape (most words: no hyphen, no suffix pair) can only be
        # reported, or be the model, beside an occurrence of its key in another shape; the other
        # keys' groups would hold one shape, which _report passes over. So only the words of
        # `wanted` are placed: those whose key differs from their shape, and those whose key is
        # such a word's key. ``generic`` is asked about every distinct word of the text (it is
        # pure: asking more words changes no answer), and the wanted words are found with
        # ``str.find`` instead of a Python step for each of the text's words (curated keys
        # are never a word).
        distinct = set(_WORD.findall(text))
        reshaped_any: set[str] = set()
        for word in distinct:
            got = answers[word]
            if got is not None and got[0] != got[1]:
                reshaped_any.add(got[0])
        wanted: list[str] = []
        if reshaped_any:
            for word in distinct:
                got = answers[word]
                if got is not None and got[0] in reshaped_any:
                    wanted.append(word)
        # Every _WORD match is ``_WORD.match`` at its start (its look-behind keeps a match from
        # starting inside another), so a wanted word's matches are its occurrences where the
        # pattern matches exactly that word.
        found: list[tuple[int, int, str]] = []
        if len(wanted) <= _FIND_MAX:
            for word in wanted:
                at = text.find(word)
                while at >= 0:
                    m = _WORD.match(text, at)
                    if m is not None and m.end() - at == len(word):
                        found.append((at, m.end(), word))
                    at = text.find(word, at + 1)
            found.sort()
        else:  # one scan of the text, not one per wanted word (a text of many compounds stays linear)
            keep = frozenset(wanted)
            found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text) if m.group() in keep]
        # (start, end, (key, shape, ending)) of the wanted words kept; _Occurrence made only
        # for those kept below.
        answered: list[tuple[int, int, tuple[str, str, str]]] = []
        for start, end, word in found:
            while span is not None and span[1] <= start:
                span = next(covered, None)
            if span is not None and span[0] < end:
                continue
            if word[0].isupper() and not _SENTENCE_START.search(text, max(0, start - 4), start):
                continue  # a capital inside a sentence: a name, another rule's business
            got = answers[word]
            if got is not None:
                answered.append((start, end, got))
        reshaped = {got[0] for _, _, got in answered if got[0] != got[1]}
        occurrences.extend(
            _Occurrence(start, end, *got) for start, end, got in answered if got[0] != got[1] or got[0] in reshaped
        )
        yield from _report(doc, occurrences)

    return check


def _report(doc: Document, occurrences: list[_Occurrence]) -> Iterator[Hit]:
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    for occ in occurrences:
        groups[occ.key].append(occ)
    for group in groups.values():
        shapes: dict[str, list[_Occurrence]] = {}
        for occ in group:
            shapes.setdefault(occ.shape, []).append(occ)
        if len(shapes) < 2:
            continue
        # Most frequent spelling wins; on a tie, the one that appears first (dicts keep order).
        majority = max(shapes, key=lambda s: len(shapes[s]))
        model = shapes[majority]
        top = len(model)
        for shape, occs in shapes.items():
            if shape == majority:
                continue
            confidence = 0.9 if top > len(occs) else 0.6
            for occ in occs:
                found = doc.text[occ.start : occ.end]
                same = next((o for o in model if o.ending == occ.ending), None)
                suggestion = doc.text[same.start : same.end] if same else majority + occ.ending
                yield Hit(
                    occ.start,
                    occ.end,
                    (match_case(found, suggestion.lower() if found[:1].islower() else suggestion),),
                    confidence=confidence,
                    args={"other": doc.text[model[0].start : model[0].end], "count": str(top)},
                    related=(model[0].start, model[0].end),
                )
