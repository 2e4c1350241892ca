"""Kind ``name-meaning``: one part of a person's name translated by its meaning.

Many Turkish, Arabic, Indonesian and Vietnamese names are ordinary words of their
language: the Turkish surname *Demir* is "iron", *Aslan* "lion"; the Arabic given name
*Saad* is "happiness", *Nour* "light"; the Indonesian *Bintang* is "star"; the
Vietnamese given name *Thu* is "autumn". Machine translation that does not see a name
translates the word and leaves the rest of the name as it was: « Emre Fer », „Kemal
Löwe“, "Good Prasetyo", « Nguyễn Thị Automne ». The reader meets a person who does not
exist, and cannot find the real one.

A table beside the rule (``table``) lists such name words by origin, with the renderings
MT produces in each target language::

    origin  name  fr  en  es  it  pt  de        (renderings separated by |, - for none)

A second table (``names``: ``origin<TAB>name``) lists given names and surnames typical
of each origin that are not words of the target languages. Reported: a capitalised
rendering in the article's language standing right beside (one space, no mark between)
a name of the same origin, or, for Arabic, a name with an article prefix (``Al-``,
``El-``, ``Abu``…); the suggestion is the original name word. A rendering that is itself
a given name somewhere (``gazetteer``: Rose, Pierre, Victoria…) is left alone, and in
languages that capitalise every noun (``noun_capitals``) the rendering must follow the
name (the surname's place), since a noun before a name is ordinary German.

params: ``table``, ``names``, ``gazetteer`` (given-name tables), ``noun_capitals``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "name-meaning"
PARAMS = {
    "table": param(str, required=True, doc="origin, name word, then renderings per language (columns)"),
    "columns": param(list, default=["fr", "en", "es", "it", "pt", "de"], doc="language of each rendering column"),
    "names": param(str, required=True, doc="origin<TAB>name: names typical of each origin"),
    "gazetteer": param(list, default=[], doc="given-name tables: a rendering they list is left alone"),
    "noun_capitals": param(list, default=["de", "lb"], doc="languages that capitalise every noun"),
}

# A capitalised word, hyphenated parts and an inner apostrophe included (Al-Harbi, O'Neil).
_WORD = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_@#/'’.-])\p{Lu}[\p{L}\p{M}]*+(?:[-'’]\p{L}[\p{L}\p{M}]*+)*+(?![\p{L}\p{M}\p{N}_@/])"
)
# An Arabic name with its article or kinship prefix: Al-Harbi, El-Sayed, Abu-Bakr.
_ARABIC_PREFIX = regex.compile(r"(?:Al|El|Abu|Abou|Ibn|Bin)-\p{Lu}\p{Ll}")
_ARABIC_ARTICLES = frozenset({"Al", "El", "Abu", "Abou", "Ibn", "Bin"})
_GAPS = frozenset((" ", "\u00a0"))


def _function_word(word: str, lang: str) -> bool:
    """A word the language uses as a function word (zipf 5.5 or more: Spanish « el », « al »)."""
    from checker import lexicon

    return lexicon.zipf(word, lang) >= 5.5


# One syllable of romanised Korean (Revised Romanisation, with the common McCune-Reischauer and
# passport spellings oo, ee, ou): an optional initial, a vowel, an optional final.
_KO_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|[gndrmbsjkthpyw])?(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou"
                r"|[aeiou])(?:ng|[knlmpt])?")
#: A hyphenated Korean given name (« Ji-hoon », « Seo-yun », « Hyun-woo »): a Korean origin.
_KOREAN_GIVEN = regex.compile(r"(?i:" + _KO_SYLLABLE + r")-(?i:" + _KO_SYLLABLE + r")$")


def _key(word: str) -> str:
    """Case-insensitive key for origin names. Marks are kept: « Lê » is a Vietnamese surname, « Le »
    a French article (the table lists the unmarked spellings that are safe, such as Nguyen)."""
    return unicodedata.normalize("NFC", word).casefold().replace("’", "'")


@cache
def _names(path: Path) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in read_table(path):
        if len(row) >= 2 and row[0] and row[1]:
            for origin in row[0].split(","):
                out[_key(row[1])].add(origin.strip())
    return {k: frozenset(v) for k, v in out.items()}


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    columns = [str(c) for c in p["columns"]]
    names_path = rule.resolve(p["names"])
    gazetteer_paths = tuple(rule.resolve(g) for g in p["gazetteer"])
    noun_capitals = frozenset(p["noun_capitals"])
    # language -> rendering (casefolded) -> origin -> original name words
    renderings: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for n, row in enumerate(read_table(rule.resolve(p["table"]))):
        if len(row) < 3:
            raise ValueError(f"{p['table']}: line {n + 1}: origin, name and at least one rendering are needed")
        if len(row) > 2 + len(columns):
            raise ValueError(f"{p['table']}: line {n + 1} has more columns than {columns}")
        origins = [o.strip() for o in row[0].split(",") if o.strip()]
        first_original = row[1].split("|")[0].strip()
        for lang, cell in zip(columns, row[2:]):
            for form in cell.split("|"):
                form = form.strip()
                if not form or form == "-":
                    continue
                if " " in form:
                    raise ValueError(f"{p['table']}: line {n + 1}: a rendering is one word ({form!r})")
                for origin in origins:
                    slot = renderings[lang][form.casefold()][origin]
                    if first_original not in slot:
                        slot.append(first_original)
    frozen = {lang: {form: dict(by_origin) for form, by_origin in forms.items()} for lang, forms in renderings.items()}

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        table = frozen.get(lang)
        if not table:
            return
        text = doc.prose
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        if len(words) < 2:
            return
        # Cheap first pass: is any rendering of this language in the article at all?
        if not any(w.casefold() in table for _, _, w in words):
            return
        from checker.kinds._given_names import gazetteer

        origin_names = _names(names_path)
        given = gazetteer(gazetteer_paths)
        after_only = lang in noun_capitals

        def joined(i: int, j: int) -> bool:
            return 0 <= i < j < len(words) and text[words[i][1]:words[j][0]] in _GAPS

        def origins_of(i: int) -> frozenset[str]:
            word = words[i][2]
            found = origin_names.get(_key(word), frozenset())
            # (not a determiner or preposition of the article's own language: Spanish « El León »,
            # a club's nickname, Italian « Al Leone »)
            article = word in _ARABIC_ARTICLES and joined(i, i + 1) and not _function_word(word, lang)
            if article or _ARABIC_PREFIX.match(word):
                found = found | {"ar"}
            if _KOREAN_GIVEN.match(word):
                found = found | {"ko"}  # « Ji-hoon », « Seo-yun »: two romanised Korean syllables
            return found

        for i, (start, end, word) in enumerate(words):
            by_origin = table.get(word.casefold())
            if by_origin is None or word.isupper() and len(word) > 1:
                continue
            if word.casefold() in given:
                continue
            neighbours = []
            if joined(i - 1, i):
                neighbours.append(i - 1)
            if not after_only and joined(i, i + 1):
                neighbours.append(i + 1)
            for k in neighbours:
                shared = sorted(origins_of(k) & by_origin.keys())
                if not shared:
                    continue
                originals: list[str] = []
                for origin in shared:
                    originals += [o for o in by_origin[origin] if o not in originals]
                yield Hit(
                    start,
                    end,
                    suggestions=tuple(originals),
                    confidence=0.75,
                    related=(words[k][0], words[k][1]),
                )
                break

    return check
