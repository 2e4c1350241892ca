"""Kind ``name-variants``: one proper name spelled two ways in one article (Tchouaméni / Tchouameni).

Every capitalised, name-like word part of the article is collected (a part is a
piece of a token between hyphens and apostrophes, so ``l'Autriche`` gives
``Autriche`` and ``Jean-Pierre`` gives ``Jean`` and ``Pierre``). Left out:
acronyms, parts shorter than ``min_letters``, parts with digits, and ordinary
words capitalised only because they start a sentence or a title-case heading
(every occurrence is sentence-initial and the word is frequent in lowercase in
the document's language, or is written in lowercase elsewhere in the article).

Two spellings are variants of one name when their accent-free forms are within
one edit (shorter one under ``long_letters`` letters) or two edits, or differ
only by accents. They are *not* variants, and stay silent, when:

- one accent-free form is a prefix of the other: an inflected or derived form
  (``Macron`` / ``Macronie``, ``Lyon`` / ``Lyons``, ``Merkel`` / ``Merkels``);
- they differ only by a final vowel and one of them ends in a
  ``feminine_endings`` letter (``Mario`` / ``Maria``, ``Kowalski`` / ``Kowalska``);
- the only difference is an accent on the initial capital (``Etat`` / ``État``),
  a typographic convention rather than a misspelling;
- the minority spelling is itself a common word or name in the document's
  language or in English (Zipf ≥ ``common_zipf``; for accent-only pairs, both
  spellings ≥ ``accent_common_zipf``): a slip is rare, so these are two real,
  distinct names (``Martin`` / ``Marin``, ``Jordan`` / ``Jourdan``);
- the minority spelling occurs twice or more and at least half as often as the
  other: both are established names of the article;
- the other spelling is an everyday word of the language (Zipf ≥
  ``max_majority_zipf``: ``States`` / ``Staes`` in "Member States");
- some occurrences of both share a sentence: names set side by side are two names;
- both come after a first name (or before a surname) and those neighbours never
  agree: two people (``Jean Martin`` / ``Paul Martine``).

A name the article writes capitalised at least twice (once inside a sentence) is also reported
where it is written in lowercase (``qu'ashworth``, ``le président hollande`` is left alone:
``hollande`` is a word), unless the lowercase form is a word of the language (Zipf ≥
``lowered_zipf``) or appears as often as the capitalised one.

A shared neighbour (``Aurélien Tchouaméni`` / ``Aurélien Tchouameni``) is
evidence of one person: it overrides the frequency and count tests and raises
the confidence.

``pairs`` splits the variants in two kinds, one rule each: a *transliteration* variant is
spelled the same once the usual romanisation choices are evened out (``y``/``i``, ``iy``/``i``,
an ``h`` after ``p k t d g b``, ``w``/``v``, ``ou``/``oo``/``u``, ``ee``/``i``, ``ss``/``s``:
``Rizky`` / ``Rizki``, ``Phanuwat`` / ``Panuwat``, ``Vasily`` / ``Vassili``): two renderings of
one name, an inconsistency; any other variant (``Wulan`` / ``Wulun``, ``Brooks`` / ``Brokes``,
``Schwarzenegger`` / ``Schwarzeneger``) is a slip that corrupts the name. ``all`` (default) reports both, ``slip`` the slips and the
lowercased names, ``transliteration`` the transliteration variants only.

Every occurrence of the minority spelling is reported with the majority one as
the suggestion and its first occurrence as ``related``; on a tie, the spelling
that appears later is reported.

params: ``min_letters``, ``long_letters``, ``common_zipf``,
``accent_common_zipf``, ``ordinary_zipf``, ``max_majority_zipf``, ``feminine_endings``,
``endings`` (inflection endings cut before comparing stems), ``titles`` (words
before a name that are no first name: ``Mme``, ``President``).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document, Token
from checker.finding import Hit
from checker.kinds._names import in_foreign_name, sentence_firsts, tone_marked
from checker.kinds._spans import enclosing
from checker.kinds._spelling import _deletes, edit_distance
from checker.rules import Rule, param
from checker.wordlists import fold

NAME = "name-variants"
PARAMS = {
    "min_letters": param(int, default=5, doc="shortest name part compared"),
    # 9, not 8: on 1.7 M words of French prose every 8-letter pair two edits apart was two names.
    "long_letters": param(int, default=9, doc="from this length (the shorter spelling) two edits are allowed"),
    "common_zipf": param(float, default=2.5, doc="both spellings this frequent (language or English): two names"),
    "accent_common_zipf": param(float, default=3.5, doc="the same for spellings that differ only by accents"),
    "ordinary_zipf": param(float, default=3.0, doc="a sentence-initial word this frequent is an ordinary word"),
    "max_majority_zipf": param(
        float, default=5.3, doc="a majority spelling this frequent in the language is an ordinary word (States)"
    ),
    "feminine_endings": param(list, default=["a"], doc="final letters that make a female form (Maria, Kowalska)"),
    "endings": param(list, default=["s", "e", "es"], doc="inflection endings stripped before comparing stems"),
    "titles": param(list, default=[], doc="words before a name that are no first name (Mme, Dr, President)"),
    "lowered_zipf": param(float, default=3.0, doc="a lowercase copy of a name this rare in the language is the name lowercased"),
    "pairs": param(str, default="all", doc="all | slip | transliteration: which variants this rule reports"),
}

# Romanisation choices evened out before two spellings are compared (order matters: digraphs first).
_TRANSLIT = (("ph", "p"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("bh", "b"), ("iy", "i"),
             ("y", "i"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ss", "s"))


def _translit_key(base: str) -> str:
    """The accent-free, casefolded spelling (``_base``) with the usual romanisation choices evened out."""
    key = base
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return key

_PART = regex.compile(r"[^-'’]+")
# A capitalised neighbour this frequent is a sentence's first function word (« Les Martiens »), no first name.
_FUNCTION_ZIPF = 5.5
_FIRST_LETTER = regex.compile(r"[^\p{L}]*+(\p{L})")
# After a word: the rest of an address, a handle or a file name (« ashworth.com », « ashworth_fc »).
_ADDRESS_PART = regex.compile(r"[.@/_][\p{L}\p{N}]")
# What may precede a word that starts a clause (so its capital says nothing).
_OPENERS = frozenset("«“\"‘'(—–-:[")


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Spelling:
    """Every occurrence of one exact spelling of a name part."""

    __slots__ = ("text", "base", "spans", "initial", "before", "after")

    def __init__(self, text: str, base: str) -> None:
        self.text = text
        self.base = base
        self.spans: list[tuple[int, int]] = []
        self.initial: list[bool] = []
        self.before: set[str] = set()
        self.after: set[str] = set()


def _base(word: str) -> str:
    """Casefolded and without accents: the form spellings are compared on."""
    decomposed = unicodedata.normalize("NFD", fold(word))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build(rule: Rule):  # noqa: ANN201
    """Validate the thresholds; word frequencies load on first use."""
    p = rule.params
    min_letters, long_letters = p["min_letters"], p["long_letters"]
    if min_letters < 3 or long_letters < min_letters:
        raise ValueError("min_letters must be ≥ 3 and long_letters ≥ min_letters")
    common, accent_common, ordinary = p["common_zipf"], p["accent_common_zipf"], p["ordinary_zipf"]
    max_majority = p["max_majority_zipf"]
    feminine = frozenset(str(e).lower() for e in p["feminine_endings"])
    endings = tuple(sorted((_base(str(e)) for e in p["endings"]), key=len, reverse=True))
    titles = frozenset(fold(str(t)) for t in p["titles"])

    lowered_zipf = p["lowered_zipf"]
    pairs = p["pairs"]
    if pairs not in ("all", "slip", "transliteration"):
        raise ValueError("pairs must be all, slip or transliteration")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        spellings = doc.cache.get(("name-variants-spellings", min_letters))
        if spellings is None:
            spellings = doc.cache[("name-variants-spellings", min_letters)] = _collect(doc, min_letters)
        if spellings and lowered_zipf > 0 and pairs != "transliteration":
            yield from _lowered(doc, spellings, lang, min_letters, lowered_zipf)
        if len(spellings) < 2:
            return
        sentence_of = _sentence_index(doc)
        # The candidate pairs are the same for every rule of this kind (MT113 and MT667 split them):
        # computed once per document and settings.
        key = ("name-variants", min_letters, long_letters, ordinary, lang)
        close = doc.cache.get(key)
        if close is None:
            lower = {fold(t.text) for t in doc.words if t.text[:1].islower()}
            names = {
                s.text: s for s in spellings.values()
                if not (all(s.initial) and (lexicon.zipf(s.text, lang) >= ordinary or fold(s.text) in lower))
            }
            close = doc.cache[key] = _close_pairs(list(names.values()), long_letters)

        def frequency(word: str) -> float:
            return max(lexicon.zipf(word, lang), lexicon.zipf(word, "en"))

        def variants(a: _Spelling, b: _Spelling) -> tuple[bool, bool]:
            """(is `a` a variant of `b`'s name, is there evidence they name one person)."""
            accent_only = a.base == b.base
            if pairs != "all" and (not accent_only and _translit_key(a.base) == _translit_key(b.base)) != (
                pairs == "transliteration"
            ):
                return False, False  # the other rule's kind of variant
            if accent_only:
                if fold(a.text)[1:] == fold(b.text)[1:]:
                    return False, False  # État / Etat: optional accent on a capital
                if tone_marked(a.text, b.text):
                    return False, False  # Nguyễn / Nguyên (of « Tết Nguyên Đán »): two Vietnamese syllables
            else:
                limit = 1 if min(len(a.base), len(b.base)) < long_letters else 2
                if a.base[0] != b.base[0] or edit_distance(a.base, b.base, limit) > limit:
                    return False, False  # names that differ at the initial are rhymes, not slips
                if _derived(a.base, b.base, endings, feminine):
                    return False, False
            if lexicon.zipf(b.text, lang) >= max_majority:
                return False, False  # Member States / Staes: a capitalised everyday word is no name
            if _same_sentence(a, b, sentence_of):
                return False, False  # two names set side by side (Educatec / Educatice) are two names
            ba, bb = a.before - titles, b.before - titles
            if ba & bb:
                return True, True
            if (a.after and not a.before and b.before and not b.after) or (b.after and not b.before and a.before and not a.after):
                return False, False  # « Ndèye Fatou … » and « Cheikh Tidiane Ndoye »: a given name and a surname
            if ba and bb:
                return False, False  # first names that never agree: two people
            if accent_only:
                if frequency(a.text) >= accent_common and frequency(b.text) >= accent_common:
                    return False, False
                return True, False
            if frequency(a.text) >= common:
                return False, False  # a slip is rare; a frequent spelling is a name of its own
            if len(a.spans) >= 2 and 2 * len(a.spans) > len(b.spans):
                return False, False  # both spellings established in the article: two names
            return True, False

        for a, partners in close:
            best: tuple[_Spelling, bool] | None = None
            for b in partners:
                ok, same = variants(a, b)
                if not ok:
                    continue
                if best is None or _rank(b) > _rank(best[0]):
                    best = (b, same)
            if best is None:
                continue
            model, same = best
            if _rank(model) <= _rank(a):
                continue  # a is the majority (or, on a tie, the earlier) spelling
            confidence = 0.9 if same or len(model.spans) > len(a.spans) else 0.7
            for start, end in a.spans:
                if in_foreign_name(doc.text, start, lang):
                    continue  # « Panthéon des sports du Québec » beside "Quebec": the name's own language
                yield Hit(
                    start,
                    end,
                    (model.text,),
                    confidence=confidence,
                    args={"count": str(len(model.spans))},
                    related=model.spans[0],
                )

    return check


def _lowered(doc: Document, spellings: dict[str, _Spelling], lang: str, min_letters: int,
             max_zipf: float) -> Iterator[Hit]:
    """A name written in lowercase (« qu'ashworth ») where the article writes it capitalised more
    often, at least twice and once inside a sentence: a name that lost its capital in
    translation. The capitalised name must stand beside another capitalised word once (a full
    name). Silent when the lowercase form is a word of the language (Zipf ≥ ``max_zipf``:
    « rose », « pierre », « martin »), in a handle, hashtag, address or file name, on a line
    that starts in lowercase (a post), or as frequent as the capitalised one."""
    names: dict[str, _Spelling] = {}
    for sp in spellings.values():
        # A person's or a club's name: written beside another capitalised word at least once
        # (« Callum Ashworth »), which demonyms and capitalised nouns (« les Albanais ») are not;
        # « Les Martiens » at a sentence start does not count.
        beside = [w for w in sp.before | sp.after if lexicon.zipf(w, lang) < _FUNCTION_ZIPF]
        if len(sp.spans) >= 2 and not all(sp.initial) and beside and not any(c.isupper() for c in sp.text[1:]) \
                and lexicon.zipf(sp.text.lower(), lang) < max_zipf:
            names[fold(sp.text)] = sp
    if not names:
        return
    text = doc.prose
    found: dict[str, tuple[_Spelling, list[tuple[int, int]]]] = {}
    for tok in doc.words:
        if tok.text[:1].isupper():
            continue
        for m in _PART.finditer(tok.text):
            part = m.group()
            if len(part) < min_letters or not part.islower():
                continue
            sp = names.get(fold(part))
            if sp is None:
                continue
            start, end = tok.start + m.start(), tok.start + m.end()
            line = text.rfind("\n", max(0, start - 300), start) + 1  # a post's line is short
            head = _FIRST_LETTER.match(text, line, start + 1) if line or start <= 300 else None
            if head and head.group(1).islower():
                continue  # a line written all in lowercase (a post, a tag list): informal, not a slip
            if (start and text[start - 1] in "@#/._\\") or _ADDRESS_PART.match(text, end):
                continue
            if all(_quoted_at(text, a, b) for a, b in sp.spans) or _in_foreign_quote(text, start, end, lang):
                continue  # « Mister Tarantella » (a nickname, quoted) beside « la tarantella »; « "Byenvini lakay" »
            if all(first or _word_in_a_name(text, a, b, lang) for (a, b), first in zip(sp.spans, sp.initial)) \
                    or sum(_after_determiner(text, a, lang) for a, _ in sp.spans) >= 2:
                continue  # « Barangay Maligaya » beside « barangay captains »; « les Gnaoua » beside « la culture gnaoua »
            found.setdefault(sp.text, (sp, []))[1].append((start, end))
    for name, (sp, spans) in found.items():
        if len(spans) >= len(sp.spans):
            continue
        for start, end in spans:
            yield Hit(start, end, (name,), confidence=0.8, args={"count": str(len(sp.spans))}, related=sp.spans[0])


def _derived(a: str, b: str, endings: tuple[str, ...], feminine: frozenset[str]) -> bool:
    """True when two accent-free forms are one stem with other endings (Picardie / Picardes, Mario / Maria)."""
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True  # Macron / Macronie, Merkel / Merkels, Villiers / Devilliers
    if a[:-1] == b[:-1] and (a[-1] in feminine or b[-1] in feminine):
        return True
    if _stem(a, endings) == _stem(b, endings):
        return True  # Nierentransplantaten / Nierentransplantation
    # What follows the shared beginning is, on both sides, the end of an ending (Rekonstrukti-ve / -on).
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return all(any(e.endswith(rest) for e in endings) for rest in (a[n:], b[n:]))


def _stem(word: str, endings: tuple[str, ...]) -> str:
    for e in endings:
        if len(word) > len(e) + 3 and word.endswith(e):
            return word[: -len(e)]
    return word


def _sentence_index(doc: Document) -> list[int]:
    """Start offsets of the sentences, for bisecting an offset to its sentence."""
    return [s.start for s in doc.sentences]


def _same_sentence(a: _Spelling, b: _Spelling, starts: list[int]) -> bool:
    """True when some occurrence of `a` and some occurrence of `b` share a sentence."""
    left = {bisect.bisect_right(starts, s) for s, _ in a.spans}
    return any(bisect.bisect_right(starts, s) in left for s, _ in b.spans)


def _rank(s: _Spelling) -> tuple[int, int]:
    """More occurrences first; on a tie, the spelling seen first."""
    return len(s.spans), -s.spans[0][0]


def _collect(doc: Document, min_letters: int) -> dict[str, _Spelling]:
    """Every capitalised name-like part of the article, by exact spelling."""
    text = doc.prose
    # Sentence starts, and every word of a title-case heading (every capital is typographic there).
    firsts = sentence_firsts(doc)
    words = doc.words
    out: dict[str, _Spelling] = {}
    for i, tok in enumerate(words):
        # A word all in lowercase (islower) has no capital: the quick test for most words.
        if tok.text.islower() or not tok.text[:1].isupper() and not any(c.isupper() for c in tok.text):
            continue
        initial = tok.start in firsts or _after_opener(text, tok.start)
        before = words[i - 1] if i and _paired(text, words[i - 1], tok) else None
        after = words[i + 1] if i + 1 < len(words) and _paired(text, tok, words[i + 1]) else None
        for n, m in enumerate(_PART.finditer(tok.text)):
            part = m.group()
            if len(part) < min_letters or not part[0].isupper() or not part.isalpha() or part.isupper():
                continue
            s = out.get(part)
            if s is None:
                s = out[part] = _Spelling(part, _base(part))
            s.spans.append((tok.start + m.start(), tok.start + m.end()))
            # After an elision (l'Autriche) the capital is meaningful even at a sentence start.
            s.initial.append(initial and n == 0)
            # Neighbours are compared without elisions: d'Alexeï is Alexeï.
            if before is not None and n == 0:
                s.before.add(fold(_PART.findall(before.text)[-1]))
            if after is not None and m.end() == len(tok.text):
                s.after.add(fold(_PART.findall(after.text)[0]))
    return out


def _after_opener(text: str, start: int) -> bool:
    """True when only white space separates `start` from a quote, dash, colon or line start."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    return i < 0 or text[i] in "\r\n" or text[i] in _OPENERS


def _paired(text: str, left: Token, right: Token) -> bool:
    """True for two capitalised tokens separated by one space (a first name and a surname)."""
    gap = text[left.end:right.start]
    return gap in (" ", "\u00a0") and left.text[:1].isupper() and right.text[:1].isupper()


def _close_pairs(spellings: list[_Spelling], long_letters: int) -> list[tuple[_Spelling, list[_Spelling]]]:
    """Candidate partners of each spelling: accent-free forms sharing a deletion (verified later)."""
    index: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(spellings):
        for d in _deletes(s.base, 2 if len(s.base) >= long_letters else 1):
            index[d].append(k)
    partners: dict[int, set[int]] = defaultdict(set)
    for ks in index.values():
        if len(ks) < 2:
            continue
        for k in ks:
            partners[k].update(j for j in ks if j != k)
    return [(spellings[k], [spellings[j] for j in sorted(js)]) for k, js in sorted(partners.items())]


#: A quotation on one line.
_QUOTATION = regex.compile(r"«[^«»\n]{1,200}»|“[^“”\n]{1,200}”|\"[^\"\n]{1,200}\"")


def _quotation_around(text: str, start: int, end: int) -> regex.Match[str] | None:
    return enclosing(_QUOTATION, text, start, end)


def _quoted_at(text: str, start: int, end: int) -> bool:
    """Whether [start, end) stands inside a quotation (a nickname, a title)."""
    return _quotation_around(text, start, end) is not None


def _in_foreign_quote(text: str, start: int, end: int, lang: str) -> bool:
    """Whether [start, end) stands in a quotation holding another word unknown to `lang` (« "Byenvini
    lakay" »: a quotation in another language, whose words are its own, not a lowercased name), or
    a word far more frequent in one of the languages the press quotes most (« « ¡Montreal, ustedes
    son fuego! » »: Spanish)."""
    m = _quotation_around(text, start, end)
    if m is None:
        return False
    others = [w.lower() for w in regex.findall(r"\p{L}{3,}", m.group()) if w.lower() != text[start:end].lower()]
    return any(
        lexicon.zipf(w, lang) < 1.0 and lexicon.zipf(w, "en") < 1.0
        or any(lexicon.zipf(w, other) >= lexicon.zipf(w, lang) + 2.5 for other in _QUOTED_LANGS if other != lang)
        for w in others
    )


#: Languages whose words an article quotes most often (a Spanish slogan, an English post).
_QUOTED_LANGS = ("en", "es", "fr", "pt", "it", "de", "id", "tr")
_DET_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]++)['’]?+[ \u00a0]++\Z")
_CAPITAL_AFTER = regex.compile(r"[ \u00a0]++\p{Lu}")


def _word_in_a_name(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the capitalised word at [start, end) is no person's name standing for itself: the
    first word of a longer name (« Barangay Maligaya », « Gunung Merapi »), or a noun after a
    determiner (« les Gnaoua », "the Barangay and Sangguniang Kabataan Elections"). A surname ends
    a full name (« Luca Marchetti ») or stands alone."""
    return _CAPITAL_AFTER.match(text, end, min(len(text), end + 3)) is not None or _after_determiner(text, start, lang)


def _after_determiner(text: str, start: int, lang: str) -> bool:
    """Whether a determiner of `lang` stands right before `start` (« les Gnaoua », « des Gnaoua »)."""
    from checker.kinds._gloss import DETERMINERS

    before = _DET_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).casefold() in DETERMINERS.get(lang, "").split()

