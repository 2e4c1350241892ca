"""Kind ``mid-sentence-capital``: a capitalised function word where no sentence can start.

Machine translation and sloppy joins leave two kinds of broken sentence boundary:

- mode ``after-comma``: a capitalised function word right after a comma or a semicolon
  (``; Il leur``, ``, Es ist``, ``; It was``): either the full stop became a comma, or the
  word kept the capital of a sentence start.
- mode ``no-stop``: a capitalised function word right after a word (or a word and its
  closing quotation mark: ``…war“ Morgen spielen wir``), with no punctuation between them, in
  the middle of a line (``… am Ende Es war …``, ``… Adele The
  singer …``): the full stop between two sentences was lost.

Only words of the language's list of lowercase words count (articles, pronouns,
conjunctions, prepositions, adverbs: ``list`` names the file, ``{lang}`` standing for the
document's language; a language without a list gives nothing), written with one capital
(``The``, never ``THE``), never a single letter (``vitamin A and``), and only when the next
word is lowercase: ``, Le Pen a dit``, ``read The Guardian``, ``Die Zeit`` and title-case
headlines all have a capital next and are left alone. A quotation mark, bracket or dash
between the comma and the word (the start of a quotation) also silences it, as does a line
written mostly in capitals or in title case (headlines, menus). In ``no-stop`` mode, a word
in capitals before it (``AFP Le palais``) or a line that starts with a short label and a
colon (``Photo : Reuters Le…``) marks a caption credit, which is left alone. In ``after-comma``
mode, a word the article also writes as a name (between a lowercase word and another capital:
« la actriz Han Seo-yeon ») is that name after the comma too (« en Seúl, Han saludó »).

params:
- ``mode``: ``after-comma`` or ``no-stop``.
- ``list``: file of lowercase words beside the rule, with ``{lang}`` for the language.
- ``report_next``: include the next word in the reported span.
- ``articles``, ``not_after_article``: (``no-stop``) an article of ``articles`` after a capitalised
  word and before a word of ``not_after_article`` (a verb, a conjunction) or an elided clitic
  (« s' », « n' ») cannot open a sentence, since no article stands before a verb: it ends a
  name (« Kim Jong Un a déclaré », « Kim Jong Un s'est dit »).
- ``title_cues``: (``no-stop``) nouns and adjectives that announce the title of a work (film,
  série, album, roman, televisiva, Serie): a capitalised article one or two words after one opens
  the title (« la série Les Revenants », "the film The Godfather", « nella serie televisiva Le
  sorelle del Sud »), not a new sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "mid-sentence-capital"
PARAMS = {
    "mode": param(str, default="after-comma", doc="after-comma or no-stop"),
    "list": param(str, required=True, doc="lowercase words, '{lang}' = the document's language"),
    "report_next": param(bool, default=False),
    "title_cues": param(list, default=[], doc="words announcing a work's title (film, série, album)"),
    "title_cue_list": param(str, default="", doc="file of more such words beside the rule, one per line"),
    "articles": param(list, default=[], doc="(no-stop) articles of the lists: one followed by a verb or a "
                      "conjunction of ``not_after_article``, or by an elided clitic, ends a name (« Kim Jong Un a "
                      "dit »), not a sentence"),
    "not_after_article": param(list, default=[], doc="verbs and conjunctions that never follow an article"),
}

_SP = r"[ \u00a0\u202f]"
_CAP = r"\p{Lu}[\p{Ll}\p{M}]++(?:['’]\p{Ll}++)?"
_NEXT = r"(?P<next>\p{Ll}[\p{L}\p{M}]*+)"
_AFTER_COMMA = regex.compile(
    r"(?<=[\p{L}\p{N}\p{M}.)\]»”\"'’%])[ \u00a0\u202f]?(?P<mark>[,;])" + _SP + r"++(?P<word>" + _CAP + r")" + _SP + r"++" + _NEXT
)
_NO_STOP = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’.-])(?P<prev>[\p{L}\p{M}]{2,}+)(?P<quote>[”“»\"]?)" + _SP + r"(?P<word>" + _CAP + r")" + _SP + r"++" + _NEXT
)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*+")


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Check the mode and the list's name once; the lists load lazily per language."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("after-comma", "no-stop"):
        raise ValueError("mode must be after-comma or no-stop")
    template = str(p["list"])
    report_next = p["report_next"]
    cue_words = [str(w) for w in p["title_cues"]]
    if p["title_cue_list"]:
        cue_words += read_list(rule.resolve(str(p["title_cue_list"])))
    cues = frozenset(fold(w) for w in cue_words)
    articles = frozenset(fold(w) for w in p["articles"])
    not_after_article = frozenset(fold(w) for w in p["not_after_article"])
    cache: dict[str, frozenset[str]] = {}

    def words_for(lang: str) -> frozenset[str]:
        if lang not in cache:
            path = rule.resolve(template.replace("{lang}", lang))
            cache[lang] = frozenset(fold(w) for w in read_list(path)) if path.is_file() else frozenset()
        return cache[lang]

    expr = _AFTER_COMMA if mode == "after-comma" else _NO_STOP

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        words = words_for(ctx.primary)
        if not words:
            return
        text = doc.prose
        headline: dict[int, bool] = {}
        names: dict[str, bool] = {}
        titles: set[str] | None = None
        for m in expr.finditer(text, overlapped=True):
            word = m.group("word")
            if fold(word) not in words:
                continue
            if mode == "after-comma":
                if word not in names:
                    names[word] = _name_in(text, word)
                if names[word]:
                    continue  # « Seúl, Han saludó » where the article names « la actriz Han Seo-yeon »
            if mode == "no-stop":
                prev = m.group("prev")
                if fold(prev) in words and not m.group("quote"):
                    continue  # "Et Le", "of The": a title or a name, not a lost full stop
                if prev.isupper():
                    continue  # "Photo : AFP Le palais…": a caption credit, not a sentence
                if fold(prev) in _PARTICLES and _capital_before(text, m.start("prev")):
                    continue  # « Rio Grande do Sul », « Mato Grosso do Sul »: one name with its particle
                if cues and (fold(prev) in cues or _word_before(text, m.start("prev")) in cues):
                    continue  # « la série Les Revenants », "the film The Godfather": a title
                if articles and fold(word) in articles and prev[:1].isupper() and (
                        fold(m.group("next")) in not_after_article or text[m.end("next"):m.end("next") + 1] in "'’"):
                    continue  # « Kim Jong Un a dit », « Kim Jong Un s'est… »: no article before a verb, a name
                head = text[max(0, m.start() - 60):m.start()].rsplit("\n", 1)
                if len(head) == 2 and ":" in head[1] and len(head[1].split(":", 1)[0].split()) <= 3:
                    continue  # a label line ("Crédit photo : Reuters Le…")
            if articles and fold(word) in articles:
                if titles is None:
                    titles = _work_titles(text, cues, articles, words | not_after_article)
                if fold(word) + " " + fold(m.group("next")) in titles:
                    continue  # « Son album, Les marées d'octobre, paru… »: a title whose italics were lost
            line = text.rfind("\n", 0, m.start()) + 1
            if line not in headline:
                end = text.find("\n", m.start())
                headline[line] = _title_like(text[line:end if end >= 0 else len(text)])
            if headline[line]:
                continue
            start = m.start("mark") if mode == "after-comma" else m.start("prev")
            end = m.end("next") if report_next else m.end("word")
            yield Hit(start, end, suggestions=(doc.text[start:m.start("word")] + word.lower() + doc.text[m.end("word"):end],)
                      if mode == "after-comma" else (), args={"word": word})

    return check


_LAST_WORD = regex.compile(r"([\p{L}\p{M}]++)[ \u00a0\u202f]++$")


#: Particles inside a place's or a person's name (« Rio Grande do Sul », « Ciudad de La Paz »).
_PARTICLES = frozenset(["do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "van", "von", "der", "den"])
_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}]*+[ \u00a0]++$")


def _name_in(text: str, word: str) -> bool:
    """Whether the article writes `word` (a function word of its language, capitalised) as a name
    somewhere: between a lowercase word and another capitalised word, as in « la actriz Han
    Seo-yeon », « the striker Son Heung-min », where no sentence starts."""
    return regex.search(r"(?<=[\p{Ll}\p{M}][ \u00a0]++)" + regex.escape(word) + r"[ \u00a0]++\p{Lu}", text) is not None


def _capital_before(text: str, pos: int) -> bool:
    """Whether a capitalised word stands just before ``pos`` (across one run of spaces)."""
    return _CAPITAL_BEFORE.search(text, max(0, pos - 40), pos) is not None


def _word_before(text: str, pos: int) -> str:
    """The word just before ``pos`` (across one run of spaces), folded; '' if none."""
    m = _LAST_WORD.search(text[max(0, pos - 40):pos])
    return fold(m.group(1)) if m else ""


_MID_ARTICLE = regex.compile(
    r"(?<=(?P<before>[\p{Ll}\p{M},])[ \u00a0\u202f]++)(?P<word>\p{Lu}\p{Ll}*+)[ \u00a0\u202f]++(?P<next>\p{Ll}[\p{L}\p{M}]*+)"
)
_CLAUSE_END = regex.compile(r"[.!?;:\n«»“”\"()]")


def _work_titles(text: str, cues: frozenset[str], articles: frozenset[str], small: frozenset[str]) -> set[str]:
    """The titles of works the article writes in sentence case without their italics, as « article
    next-word » keys (folded): a capitalised article in mid-sentence opens a title when a word of
    `cues` stands in the same clause before it and the title is set off by a comma (« son premier
    album, Les marées d'octobre, paru en… », « un album entier sur la crise, Les quais vides ») or
    follows the cue within three words (« un refrain de La complainte »), and when the article
    writes the same capitalised article and word in mid-sentence twice or more (« contient La
    complainte du caplan », later « de La complainte du caplan »): a lost full stop does not
    repeat itself word for word. A title's second word is a word of three letters or more that is
    not in `small` (function words, verbs after which no article stands: « , Das ist », « Il a »)."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for m in _MID_ARTICLE.finditer(text):
        word = fold(m.group("word"))
        nxt = fold(m.group("next"))
        if word not in articles or len(nxt) < 3 or nxt in small:
            continue
        key = word + " " + nxt
        seen[key] = seen.get(key, 0) + 1
        if seen[key] >= 2:
            found.add(key)
            continue
        if not cues:
            continue
        start = m.start("word")
        window = text[max(0, start - 100):start]
        cut = max((b.end() for b in _CLAUSE_END.finditer(window)), default=0)
        before = [fold(w) for w in _WORD.findall(window[cut:])]
        if not before:
            continue
        if m.group("before") == ",":
            if any(w in cues for w in before):
                found.add(key)
        elif any(w in cues for w in before[-3:]):
            found.add(key)
    return found


def _title_like(line: str) -> bool:
    """A headline or a menu: most of its words of four letters or more are capitalised."""
    long_words = [w for w in _WORD.findall(line[:2000]) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= 0.6
