"""Kind ``name-families``: one name written two ways in one article, without needing a dominant spelling.

Where ``name-variants`` looks for a rare slip beside a dominant spelling, this kind
groups the spellings of one name that differ only by how they are *written*, so
that two established spellings (4 and 5 occurrences) still count as one name
written inconsistently:

- ``romanisation``: the same name once the written form is reduced to a skeleton
  (case and accents dropped, doubled letters collapsed, a silent ``h`` after a
  letter dropped, ``dj``/``j``, ``tj``/``c``, ``oe``/``u``, ``sj``/``sy``, ``x``/``ks``, the
  Slavic final ``-iy``/``-ii``/``-y``/``-i`` and ``ye``/``e``…):
  ``Kahraman`` / ``Karaman``, ``Soekarno`` / ``Sukarno``, ``Arkadiy`` / ``Arkadi``, ``Yıldız`` / ``Yildiz``,
  ``Marchetti`` / ``marcheti`` (a lowercase variant counts when the lowercase form
  is no common word of the language);
- ``case``: the same letters with another inner capitalisation (``StarLight`` /
  ``Starlight``, ``ExO`` / ``EXO``). A whole word in capitals beside its title-case
  form (``GALATASARAY`` in a heading) is typography, not a variant;
- ``joints``: the same name with hyphens in one place and spaces in another
  (``Saint-Germain-en-Laye`` / ``Saint Germain en Laye``), or split in one place and
  joined in another (``Wiranegara`` / ``Wira Negara``), or a syllable hyphen in one place and
  none in another (``Da-eun`` / ``Daeun``).

Silent: spellings that are frequent words (Zipf ≥ ``common_zipf`` in the language
or English: ``Sarah`` / ``Sara`` are two first names, ``Marie`` / ``Maria``), forms
shorter than ``min_letters``, a capitalised word at a sentence start that is
written in lowercase elsewhere, and spellings that share a sentence (names set side
by side are two names).

The minority spelling is reported (on a tie, the one seen later), with the other as
the suggestion and its first occurrence as ``related``.

params: ``min_letters``, ``common_zipf``, ``lower_zipf`` (a lowercase form this
frequent is an ordinary word, not a variant), ``modes`` (any of ``romanisation``,
``case``, ``joints``), ``joint_words`` (lowercase words allowed inside a
hyphenated name: ``sur``, ``de``, ``la``…).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._names import Matches, after_openers, in_foreign_name, namewords, sentence_firsts, tone_marked
from checker.kinds._spelling import edit_distance
from checker.rules import Rule, param

NAME = "name-families"
PARAMS = {
    "min_letters": param(int, default=4, doc="shortest spelling compared"),
    "common_zipf": param(float, default=3.3, doc="a spelling this frequent (language or English) is a word of its own"),
    "lower_zipf": param(float, default=1.0, doc="a lowercase form this frequent in the language is an ordinary word"),
    "modes": param(list, default=["romanisation", "case", "joints"], doc="which differences group spellings"),
    "joint_words": param(list, default=[], doc="lowercase words allowed inside a hyphenated name (sur, de, la)"),
    "particles": param(list, default=[], doc="function words that may join the capitalised words of a name"),
    "heads": param(list, default=[], doc="institution nouns that introduce such a name (ministère, ministry)"),
}

_MODES = frozenset({"romanisation", "case", "joints", "near", "autocorrect", "particles", "order", "anagram", "split"})
# The name-like words (checker.kinds._names.NAMEWORD: letters, optionally joined by hyphens, no
# apostrophes) are scanned once per document and shared by every scan below (``namewords``).
_EVERYDAY = 4.5
_OPENER_CHARS = "«“\"‘'(—–-:[•*"  # a capital after one of these says nothing (``_names.after_openers``)
_ROMAN = (("dj", "j"), ("tj", "c"), ("sj", "sy"), ("oe", "u"), ("ph", "f"), ("ck", "k"), ("tch", "ch"), ("x", "ks"))
#: Transliterations of Slavic names: a final « -iy », « -ii », « -yi » or « -y » is one « -i »
#: (Arkadiy / Arkadii / Arkadi, Dmitry / Dmitri, Zelenskyy / Zelensky), « ye » at a word's
#: start or after a vowel is « e » (Sergeyev / Sergeev), « -ow » is « -ov ».
_FINAL_I = regex.compile(r"(?:iy|ii|yi|yy|y|ij)$")
_YE = regex.compile(r"(?:^|(?<=[aeiou]))ye")
_FINAL_OW = regex.compile(r"ow$")


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Form:
    __slots__ = ("text", "spans", "initial", "before")

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None, initial: list[bool] | None = None,
                 before: set[str] | None = None) -> None:
        self.text = text
        self.spans = [] if spans is None else spans
        self.initial = [] if initial is None else initial
        self.before = set() if before is None else before


@lru_cache(maxsize=1 << 14)  # per process, bounded: asked for every word beside a capitalised one
def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _skeleton(word: str) -> str:
    s = _plain(word).replace("-", "")
    for a, b in _ROMAN:
        s = s.replace(a, b)
    if len(s) > 4:
        s = _FINAL_OW.sub("ov", _YE.sub("e", _FINAL_I.sub("i", s)))
    out: list[str] = []
    for i, c in enumerate(s):
        if c == "h" and i > 0:
            continue  # Kahraman / Karaman, Thomas / Tomas: a silent h
        if out and out[-1] == c:
            continue  # Marchetti / Marcheti
        out.append(c)
    return "".join(out)


def _marks(word: str) -> int:
    """How many letters carry an accent or are outside ASCII."""
    return sum(1 for c in word if ord(c) > 127)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _caps_only(a: str, b: str) -> bool:
    """True when a and b differ only as a word in capitals and its title case (typography)."""
    return (a.isupper() and b[:1].isupper() and b[1:].islower()) or (
        b.isupper() and a[:1].isupper() and a[1:].islower()
    )


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    min_letters = p["min_letters"]
    if min_letters < 3:
        raise ValueError("min_letters must be ≥ 3")
    modes = {str(m) for m in p["modes"]}
    if not modes <= _MODES:
        raise ValueError(f"modes: unknown {sorted(modes - _MODES)}")
    common, lower_zipf = p["common_zipf"], p["lower_zipf"]
    joint_words = frozenset(str(w).casefold() for w in p["joint_words"])
    particles = frozenset(str(w).casefold() for w in p["particles"])
    heads = frozenset(str(w).casefold() for w in p["heads"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        text = doc.prose
        words = namewords(doc)
        starts, forms, lower_words = _collected(doc)
        if "near" in modes and _pools_shared(forms):
            # _near adds the spans of Al-Wahda to the form of Wahda when both occur: its own copy.
            forms = {w: _Form(f.text, list(f.spans), list(f.initial), set(f.before)) for w, f in forms.items()}

        def freq(word: str) -> float:
            return max(lexicon.zipf(word, lang), lexicon.zipf(word, "en"))

        def namelike(f: _Form) -> bool:
            w = f.text
            if not _is_capitalised(w):
                return False
            if all(f.initial) and w.casefold() in lower_words:
                return False  # an ordinary word at a sentence start
            if all(f.initial) and lexicon.zipf(w.casefold(), lang) >= _EVERYDAY:
                return False  # « Warum … » opening a headline: an everyday word, written lowercase or not
            return True

        def sentences_of(spans: list[tuple[int, int]]) -> set[int]:
            return {bisect.bisect_right(starts, s) for s, _ in spans}

        reported: set[tuple[int, int]] = set()

        def emit(minority: list[tuple[int, int]], model: list[tuple[int, int]], model_text: str,
                 confidence: float, suggest: bool = True) -> Iterator[Hit]:
            for span in minority:
                if span in reported or in_foreign_name(doc.text, span[0], lang):
                    continue  # (« du Québec » beside "Quebec": a name in its own language's spelling)
                if doc.text[span[0]:span[1]].islower() and _used_as_word(doc.text, span[0], span[1], lang):
                    continue  # « ‘ujung’, for us it’s ‘hujung’ », « bigay means “giving” »: a word, cited or explained
                reported.add(span)
                yield Hit(span[0], span[1], (model_text,) if suggest else (), confidence=confidence,
                          args={"other": model_text, "count": str(len(model))}, related=model[0])

        # 1. Single words: romanisation and case families (a group reports only in one of these two
        #    modes: without them, as in the near-miss rule, the words are not grouped at all).
        groups: dict[str, list[_Form]] = defaultdict(list)
        for f in forms.values() if modes & {"romanisation", "case"} else ():
            w = f.text
            if "-" in w or (len(w) < min_letters and not any(c.isupper() for c in w[1:])):
                continue
            if _is_capitalised(w):
                if not namelike(f):
                    continue
            elif "romanisation" not in modes or lexicon.zipf(w, lang) >= lower_zipf or freq(w) >= lower_zipf:
                continue
            groups[_skeleton(w)].append(f)
        for members in groups.values():
            if len(members) < 2 or not any(_is_capitalised(f.text) for f in members):
                continue
            yield from _report_group(members, modes, common, freq, sentences_of, emit)

        # 2. Near misses: rare names two edits apart (Sekarini / Sekarna), and a name replaced by a
        #    common word that looks like it (Bellig / Belly), for the mangled-name rules.
        if modes & {"near", "autocorrect"}:
            yield from _near(forms, namelike, freq, sentences_of, emit, modes)

        # Scrambled: one name with its words in another order; an acronym with its letters shuffled.
        if "order" in modes:
            yield from _order(text, words, sentences_of, emit)
        if "anagram" in modes:
            yield from _anagram(forms, freq, emit)
        if "split" in modes and particles:
            yield from _split(text, words, particles, freq, sentences_of, emit)

        # 3. Names joined by function words written with and without one (Sciences et [des] Technologies).
        if "particles" in modes and particles:
            yield from _particles(text, particles, heads, sentences_of, emit)

        # 4. Joints: hyphens vs spaces, split vs joined.
        if "joints" in modes:
            yield from _joints(text, words, forms, joint_words, sentences_of, emit, min_letters, lang)

    return check


def _collected(doc: Document) -> tuple[list[int], dict[str, _Form], set[str]]:
    """Sentence starts, every name-like word's form (spans, sentence-initial flags, capitalised word
    right before) and the lowercase words: one pass per document, shared by the rules of this kind
    (doc.cache; the forms are read only, except by ``_near``, which works on a copy)."""
    got = doc.cache.get(_COLLECTED)
    if got is not None:
        return got  # type: ignore[no-any-return]
    text = doc.prose
    starts = [s.start for s in doc.sentences]
    # A word is initial at a sentence start or after an opener (white space between): both sets of
    # offsets found once, not a walk back per word.
    initials = sentence_firsts(doc) | after_openers(doc, _OPENER_CHARS)
    forms: dict[str, _Form] = {}
    lower_words: set[str] = set()
    # The previous word's end, text and capital kept in locals (no tuple per word).
    prev_end, prev_word, prev_cap = 0, "", False
    for s, e, w in namewords(doc):
        cap = w[:1].isupper()
        if not cap:
            lower_words.add(w.casefold())
        f = forms.get(w)
        if f is None:
            f = forms[w] = _Form(w)
        f.spans.append((s, e))
        f.initial.append(s in initials)
        if prev_cap and text[prev_end:s] == " ":
            f.before.add(_plain(prev_word))  # a first name (or a title) right before
        prev_end, prev_word, prev_cap = e, w, cap
    got = doc.cache[_COLLECTED] = (starts, forms, lower_words)
    return got


_COLLECTED = "name-families.collected"


def _pools_shared(forms: dict[str, _Form]) -> bool:
    """True when ``_near`` would add spans to one of these forms: an article-prefixed name
    (Al-Wahda) whose name proper (Wahda) is a form of its own."""
    for w in forms:
        head, sep, rest = w.partition("-")
        if sep and rest in forms and head.casefold() in _ARTICLE_PREFIXES:
            return True
    return False


#: A quotation on one line, single curly quotes too (‘hujung’): what it holds is cited.
_CITATION = regex.compile(r"«[^«»\n]{1,200}»|“[^“”\n]{1,200}”|\"[^\"\n]{1,200}\"|‘[^‘’\n]{1,120}’")


def _used_as_word(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the lowercase word at [start, end) is used as a word, not as a name that lost its
    capital: cited in quotation marks (alone or in a phrase of a few words), or explained where it
    stands (``_gloss.glossed``)."""
    from checker.kinds._gloss import glossed
    from checker.kinds._spans import enclosing

    cited = enclosing(_CITATION, text, start, end)
    if cited is not None and len(cited.group().split()) <= 4:
        return True  # a word or a short phrase cited, not a quoted sentence that may hold a name
    return glossed(text, start, end, lang, loose=True)


def _report_group(members, modes, common, freq, sentences_of, emit) -> Iterator[Hit]:  # noqa: ANN001
    # Each pair must be a variant in an enabled mode; keep the members linked to the largest.
    # Most occurrences first; on a tie the spelling with more accents (ASCII folding loses them), then the earlier.
    members = sorted(members, key=lambda f: (-len(f.spans), -_marks(f.text), f.spans[0][0]))
    model = members[0]
    if not _is_capitalised(model.text):
        return
    model_sentences = sentences_of(model.spans)
    for f in members[1:]:
        a, b = f.text, model.text
        same_letters = a.casefold() == b.casefold()
        if not same_letters and tone_marked(a, b):
            continue  # Nguyễn / Nguyên: two Vietnamese syllables, not one name spelled two ways
        if same_letters:
            if "case" not in modes or _caps_only(a, b):
                continue
            if (a.isupper() or b.isupper()) and len(a) > 5:
                continue  # a long word in capitals (a heading, a shouted post): typography
            if a[:1].isupper() and a[1:].islower() and b.islower():
                continue
        else:
            if "romanisation" not in modes or a.isupper() or b.isupper():
                continue
            if _plain(a)[:1] != _plain(b)[:1]:
                continue
            if a[1:] == b[1:] and _plain(a[:1]) in "aeiou":
                continue  # Érignac / Erignac: an accent on a capital is optional typography
            if freq(b) >= _EVERYDAY:
                continue  # General / Général: a capitalised everyday word, not a name
            if freq(a) >= common and freq(b) >= common:
                continue  # two real names (Sarah / Sara)
            if freq(a) >= common and a[:1].isupper():
                continue
        if f.before and model.before and not f.before & model.before:
            continue  # first names that never agree: two people (Selin Yıldız, Ayşe Yildiz)
        if not same_letters and sentences_of(f.spans) & model_sentences:
            continue  # set side by side: two names (the same letters in two cases are one name)
        confidence = 0.85 if len(model.spans) > len(f.spans) else 0.6
        yield from emit(f.spans, model.spans, model.text, confidence)


_ENDINGS = ("iennes", "ienne", "iens", "ien", "oises", "oise", "ois", "aises", "aise", "ais", "ies", "ie",
            "es", "e", "s", "an", "ans", "ian", "ians", "ese", "ish", "er", "ers", "en")


def _stem(word: str) -> str:
    for e in _ENDINGS:
        if len(word) > len(e) + 3 and word.endswith(e):
            return word[: -len(e)]
    return word


_ARTICLE_PREFIXES = frozenset({"al", "el", "ul", "ad", "an", "ar", "as", "at", "az", "ash", "ath"})
_RARE = 2.0
_COMMON = 3.0


def _near(forms, namelike, freq, sentences_of, emit, modes) -> Iterator[Hit]:  # noqa: ANN001
    """Capitalised spellings sharing their first four letters, two edits apart (near) or a common word
    one or two edits from a rare repeated name (autocorrect). An everyday word (Zipf ≥ 4.5, a
    demonym like "Chinese" beside the given name "Chinedu") is the article's own word, not a
    name an autocorrect replaced."""
    by_prefix: dict[str, list[_Form]] = defaultdict(list)
    pool: dict[str, _Form] = {}
    for f in forms.values():
        w = f.text
        head, sep, rest = w.partition("-")
        if sep and head.casefold() in _ARTICLE_PREFIXES and "-" not in rest and rest[:1].isupper():
            # Al-Wahda: the name proper is "Wahda" (translation may drop or translate the article).
            g = pool.get(rest)
            if g is None:
                g = pool[rest] = _Form(rest)
            for (s, e), ini in zip(f.spans, f.initial):
                g.spans.append((s + len(head) + 1, e))
                g.initial.append(False)
            continue
        if "-" in w or len(w) < 5 or w.isupper() or not namelike(f):
            continue
        pool.setdefault(w, f)
    for w, f in pool.items():
        if f.text in forms and f is not forms[f.text]:
            f.spans = sorted(set(f.spans) | set(forms[f.text].spans))  # both Al-Wahda and Wahda
        if len(w) < 5:
            continue
        by_prefix[_plain(w)[:4]].append(f)
    for members in by_prefix.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda f: (-len(f.spans), -_marks(f.text), f.spans[0][0]))
        # A family of three spellings or more within two edits of the first: a name being mangled.
        head = _plain(members[0].text)
        family = 1 + sum(
            1 for f in members[1:]
            if not (_plain(f.text).startswith(head) or head.startswith(_plain(f.text)))
            and edit_distance(_plain(f.text), head, 2) <= 2
        )
        flagged = 0
        for i, f in enumerate(members):
            a = _plain(f.text)
            for model in members[:i]:
                b = _plain(model.text)
                if a.startswith(b) or b.startswith(a) or a[:-1] == b[:-1] or _stem(a) == _stem(b):
                    continue  # derived or inflected forms, female forms (Ivanov / Ivanova, Picardie / Picardes)
                if f.before and model.before and not f.before & model.before:
                    continue  # two people
                if sentences_of(f.spans) & sentences_of(model.spans):
                    continue
                d = edit_distance(a, b, 2)
                rare_a, rare_b = freq(f.text) < _RARE, freq(model.text) < _RARE
                shared = bool(f.before & model.before)
                if ("near" in modes and d == 2 and min(len(a), len(b)) < 9 and rare_a and rare_b
                        and (family >= 3 or shared)) or ("autocorrect" in modes and d <= 2 and rare_b and _COMMON <= freq(f.text) < _EVERYDAY
                      and len(model.spans) >= 2 and len(f.spans) == 1):
                    pass
                else:
                    continue
                flagged += 1
                yield from emit(f.spans, model.spans, model.text, 0.6)
                break
        # Three spellings or more, each written once: no spelling is the article's, so the first
        # is as suspect as the others (reported without a suggestion).
        if ("near" in modes and family >= 3 and flagged >= 2 and len(members[0].spans) == 1
                and all(len(f.spans) == 1 for f in members)):
            other = members[1]
            yield from emit(members[0].spans, other.spans, other.text, 0.5, suggest=False)


_PHRASE_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+|['’]|[^\s\p{L}]")
_PARTICLE_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*+|[^\s\p{L}]")  # a letter run, or one other mark


def _particles(text, particles, heads, sentences_of, emit) -> Iterator[Hit]:  # noqa: ANN001
    """Capitalised words joined by function words, written with different function words."""
    toks = Matches(_PARTICLE_TOKEN, text)  # compact: as many tokens as characters, or nearly
    starts, ends, ws = toks.starts, toks.ends, toks.words
    groups: dict[tuple[str, ...], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    n = len(ws)
    # A name starts at a capitalised word not all in capitals: only those are visited (in order; a
    # name's own words are passed over, as the walk from word to word did).
    firsts = [x for x, w in enumerate(ws) if w[:1].isupper() and not w.isupper()]
    resume = 0
    for i in firsts:
        if i < resume:
            continue
        # Extend: Capitalised (particle* Capitalised)*, joined by single spaces or an elision.
        j, last_cap = i, i
        k = i + 1
        while k < n:
            gap = text[ends[k - 1]:starts[k]]
            w = ws[k]
            if w in ("'", "’") and gap == "":
                k += 1
                continue
            if gap not in (" ", "\u00a0", "") or (gap == "" and ws[k - 1] not in ("'", "’")):
                break
            if w[:1].isupper() and not w.isupper():
                last_cap = k
            elif w.casefold() not in particles:
                break
            k += 1
        j = last_cap
        resume = j + 1
        if j == i:
            continue  # one capitalised word: no name of several words
        caps = [w for w in ws[i:j + 1] if w[:1].isupper()]
        if len(caps) < 2:
            continue
        # Only the name of an institution (ministère des Sciences et des Technologies): a head noun
        # before it, across function words; "Marie et Jacques" / "Marie et à Jacques" is grammar.
        h = i - 1
        while h >= 0 and (ws[h].casefold() in particles or ws[h] in ("'", "’")) and i - h < 4:
            h -= 1
        if h >= 0 and ws[h].casefold() in heads:
            key = tuple(caps)
            surface = " ".join(w.casefold() for w in ws[i:j + 1])
            groups[key][surface].append((starts[i], ends[j]))
    for key, shapes in groups.items():
        if len(shapes) < 2:
            continue
        # Most frequent first; on a tie the fuller form (more function words), then the earlier.
        ranked = sorted(shapes.items(), key=lambda kv: (-len(kv[1]), -len(kv[0].split()), kv[1][0][0]))
        model_surface, model = ranked[0]
        for surface, spans in ranked[1:]:
            if sentences_of(spans) & sentences_of(model):
                continue
            short, long_ = sorted((surface.split(), model_surface.split()), key=len)
            if not _subsequence(short, long_):
                continue  # another preposition (Roms de / en Bulgarie): another meaning
            yield from emit(spans, model, text[model[0][0]:model[0][1]], 0.8 if len(model) > len(spans) else 0.6)


def _order(text, words, sentences_of, emit) -> Iterator[Hit]:  # noqa: ANN001
    """Three or more capitalised words written in two orders (Ahmad Dwi Santoso / Santoso Dwi Ahmad)."""
    seqs: dict[tuple[str, ...], dict[tuple[str, ...], list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not 3 <= len(run) <= 6:
            return
        for size in range(3, min(4, len(run)) + 1):
            for a in range(len(run) - size + 1):
                window = run[a:a + size]
                words = tuple(w for _, _, w in window)
                if len({w.casefold() for w in words}) == len(words):
                    seqs[tuple(sorted(w.casefold() for w in words))][words].append((window[0][0], window[-1][1]))

    for item in words:
        s, _e, w = item
        if w[:1].isupper() and not w.isupper() and len(w) >= 3:
            if not run or text[run[-1][1]:s] == " ":
                run.append(item)
                continue
            if len(run) >= 3:
                flush()
            run = [item]
        elif run:  # most words: no run to close (flush does nothing with fewer than three words)
            if len(run) >= 3:
                flush()
            run = []
    flush()
    for orders in seqs.values():
        if len(orders) < 2:
            continue
        ranked = sorted(orders.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
        model_words, model = ranked[0]
        for _words, spans in ranked[1:]:
            if sentences_of(spans) & sentences_of(model):
                continue
            yield from emit(spans, model, " ".join(model_words), 0.7)


def _split(text, words, particles, freq, sentences_of, emit) -> Iterator[Hit]:  # noqa: ANN001
    """A two-word name the article repeats, written elsewhere with words pushed in between
    (Budi Kerta … « Budi Carrière de Kerta »: a possessive turned inside out)."""
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    ends, ws = words.ends, words.words  # words: a _names.Matches
    for a, b in zip(words, islice(words, 1, None)):
        if a[2][:1].isupper() and b[2][:1].isupper() and text[a[1]:b[0]] == " " and not a[2].isupper():
            pairs[(a[2], b[2])].append((a[0], b[1]))
    known = {k: v for k, v in pairs.items() if len(v) >= 2 and freq(k[0]) < _NAME_ZIPF and freq(k[1]) < _NAME_ZIPF}
    if not known:
        return
    firsts = defaultdict(list)
    for (a, b) in known:
        firsts[a].append(b)
    for i, (s, _e, w) in enumerate(words):
        if w not in firsts:
            continue
        for gap in (2, 3):
            j = i + gap
            if j >= len(ws) or ws[j] not in firsts[w]:
                continue
            inside = ws[i + 1:j]
            joined = text[s:ends[j]]
            if regex.search(r"[,;:.!?()\n]", joined):
                continue
            if not any(x.casefold() in particles and x.islower() for x in inside):
                continue  # only "A X de B": a possessive turned inside out
            if any(x.casefold() in _COORD for x in inside):
                continue
            span = (s, ends[j])
            model = known[(w, ws[j])]
            if sentences_of([span]) & sentences_of(model):
                continue
            yield from emit([span], model, f"{w} {ws[j]}", 0.6)


_NAME_ZIPF = 3.5  # a word more common than this is no name part (Les, Then)
_COORD = frozenset({"et", "and", "y", "e", "und", "ou", "or", "o", "oder", "ni", "nor"})


def _anagram(forms, freq, emit) -> Iterator[Hit]:  # noqa: ANN001
    """An unknown acronym with the letters of a known one in the article (CTB / BTC)."""
    groups: dict[str, list[_Form]] = defaultdict(list)
    for f in forms.values():
        w = f.text
        if w.isupper() and 3 <= len(w) <= 5 and w.isalpha():
            groups["".join(sorted(w))].append(f)
    for members in groups.values():
        if len(members) < 2:
            continue
        known = [f for f in members if freq(f.text) >= _ANAGRAM_KNOWN]
        if len(known) != 1:
            continue
        model = known[0]
        for f in members:
            if f is not model and freq(f.text) < _ANAGRAM_UNKNOWN:
                yield from emit(f.spans, model.spans, model.text, 0.6)


_ANAGRAM_KNOWN = 3.0
_ANAGRAM_UNKNOWN = 2.3


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(x == y for y in it) for x in short)


def _joints(text, words, forms, joint_words, sentences_of, emit, min_letters, lang) -> Iterator[Hit]:  # noqa: ANN001
    """Names hyphenated in one place and spaced in another; split in one place and joined in another."""
    hyphenated: dict[tuple[str, ...], _Form] = {}
    for f in forms.values():
        if "-" not in f.text:
            continue
        parts = f.text.split("-")
        caps = sum(1 for x in parts if x[:1].isupper())
        if caps < 2 or any(not x[:1].isupper() and x.casefold() not in joint_words for x in parts):
            continue
        hyphenated[tuple(parts)] = f
    joined: dict[str, _Form] = {}
    for f in forms.values():
        if len(f.text) >= 2 * min_letters and "-" not in f.text and f.text[:1].isupper():  # the length first: most are short
            joined[f.text.casefold()] = f
    # « Da-eun » / « Daeun », « Ji-hoon » / « Jihoon »: a syllable hyphen in one place, none in another.
    syllables: dict[str, _Form] = {}
    for f in forms.values():
        if "-" not in f.text:
            continue  # one part: no syllables
        parts = f.text.split("-")
        # The lowercase syllables are no words (« Est-elle », « Aéro-ville » are not names).
        if len(parts) >= 2 and parts[0][:1].isupper() and parts[0][1:].islower() and all(
                x.isalpha() and x.islower() and lexicon.zipf(x, lang) < 3.0 for x in parts[1:]):
            syllables[f.text.replace("-", "").casefold()] = f
    for f in forms.values() if syllables else ():
        other = syllables.get(f.text.casefold()) if "-" not in f.text and _is_capitalised(f.text) else None
        if other is None or len(f.text) < min_letters or sentences_of(f.spans) & sentences_of(other.spans):
            continue
        yield from _minority(emit, f.spans, f.text, other.spans, other.text)
    if not hyphenated and not joined:
        return
    # Spaced sequences of name words (single spaces, same line).
    spaced: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    split_pairs: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    max_parts = max((len(k) for k in hyphenated), default=2)
    starts, ends, ws = words.starts, words.ends, words.words  # words: a _names.Matches
    for i, (s, e, w) in enumerate(words):
        if not w[:1].isupper() or "-" in w:
            continue
        seq = [w]
        end = e
        j = i + 1
        while j < len(ws) and len(seq) < max_parts and text[end:starts[j]] == " " and "-" not in ws[j]:
            seq.append(ws[j])
            end = ends[j]
            key = tuple(seq)
            if key in hyphenated and seq[-1][:1].isupper():
                spaced[key].append((s, end))
            j += 1
        if i + 1 < len(ws) and text[e:starts[i + 1]] == " ":
            nxt = ws[i + 1]
            if nxt[:1].isupper() and "-" not in nxt and len(w) >= 3 and len(nxt) >= 3:
                joint = (w + nxt).casefold()
                if joint in joined:
                    split_pairs[joint].append((s, ends[i + 1], w + " " + nxt))
    for key, spans in spaced.items():
        f = hyphenated[key]
        if sentences_of(spans) & sentences_of(f.spans):
            continue
        yield from _minority(emit, spans, text[spans[0][0]:spans[0][1]], f.spans, f.text)
    for joint, occs in split_pairs.items():
        f = joined[joint]
        spans = [(s, e) for s, e, _ in occs]
        if sentences_of(spans) & sentences_of(f.spans):
            continue
        yield from _minority(emit, spans, occs[0][2], f.spans, f.text)


def _minority(emit, a: list[tuple[int, int]], a_text: str, b: list[tuple[int, int]], b_text: str,  # noqa: ANN001
              ) -> Iterator[Hit]:
    """Of two writings of one name, report the rarer (``a`` on a tie) with the other as the model."""
    if len(a) > len(b):
        yield from emit(b, a, a_text, 0.6)
    else:
        yield from emit(a, b, b_text, 0.85 if len(b) > len(a) else 0.6)

