"""Kind ``label-line``: a line that is nothing but a label of the page's chrome.

Web pages print short labels around an article: share and follow buttons
(``Partager :``, ``Compartir``, ``Teilen``), comment counters and forms
(``Kommentar (0)``, ``No hay comentarios.``, ``Deixe um comentário``), ad slots
(``Publicité``, ``Anzeige``), skip links, related-article headings. Extraction
turns each into a line of its own. A label is reported only when it fills its
whole line, so the same words inside a sentence of the story stay silent.

The ``lists`` (files beside the rule, one label per line) are matched on a key
that ignores case, ’ versus ', punctuation and bullets, and writes every number
as ``0`` (``Comments (12)`` and ``Comments (0)`` are one label). Two forms:

- ``label``: the whole line is the label (a final ``:``, ``.``, ``»`` or a count
  may follow). A line of several labels or network names separated by ``|``,
  ``•``, ``·`` or ``/`` (``Share | Tweet | Email``) is reported too.
- ``label:`` (a final colon in the list): a prefix; the line opens with the label,
  then a colon, a dash or ``»``, then the title or link it introduces
  (``Lesen Sie auch: …``). At most ``max_words`` words may follow.

Under a heading of ``toc_labels`` (``Contents``), the bulleted or numbered
short lines that follow are the table of contents: reported with the heading.
In the first lines, a headline's suffix that is a label (``Title – Latest
news``) is reported alone. A breadcrumb trail (``Accueil > Sport > Football``) opening with one of the
``home_labels`` is reported too, and so is a trail without one when its shape leaves no doubt: two
to six capitalised sections of one to three words, joined by one spaced ``>`` or ``›`` (``Sport >
Football > Arabie saoudite``), or, in the first lines only, by at least two ``»`` or ``|``
(``Esportes | Futebol | Turquia``).

params: ``lists`` (files), ``home_labels``, ``toc_labels``, ``networks`` (file of social network names, accepted
in label bars), ``max_words``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "label-line"
PARAMS = {
    "lists": param(list, required=True, doc="list files beside the rule (label, or label: for a prefix)"),
    "networks": param(str, default=None, doc="list file of social network names accepted in label bars"),
    "max_words": param(int, default=30, doc="most words after a prefix label"),
    "home_labels": param(list, default=[], doc="first item of a breadcrumb trail (Home, Accueil…)"),
    "toc_labels": param(list, default=[], doc="headings of a table of contents; its entries are reported with it"),
}

_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_DIGITS = regex.compile(r"\p{N}+")
_BAR = regex.compile(r"[ \t\u00a0]*[|•·/][ \t\u00a0]*")
# A label bar's parts may also be set apart by two spaces or more, or start at a pictogram.
_BAR_WIDE = regex.compile(_BAR.pattern + r"|[ \t\u00a0]{2,}|[ \t\u00a0]*(?=[\p{So}\u2764])")
# The characters without which _BAR and _CRUMB (and _TRAIL, whose marks are among them) split
# nothing: a line lacking them all (most lines) skips those splits.
_BAR_MARK = regex.compile(r"[|•·/]")
_CRUMB_MARK = regex.compile(r"[>›»/|]")
_WIDE_OR_PICTO = regex.compile(r"[ \t\u00a0]{2,}|[\p{So}\u2764]")
# A counter in a folded key: « 0 », « 0k », « 0 0k » (1,2K), « 0m ».
_COUNT = regex.compile(r"(?:^| )0(?: 0)?[km]?(?= |$)")
_SUFFIX = regex.compile(r"[ \t\u00a0]+[–—|-][ \t\u00a0]+(?=[^–—|\n]{2,60}$)")
_HEAD_LINES = 3  # a headline's site suffix is looked for in the first lines only
_CRUMB = regex.compile(r"[ \t\u00a0]*[>›»/|][ \t\u00a0]*")
_TRAIL = regex.compile(r"[ \t\u00a0]+([>›»|])[ \t\u00a0]+")
_SECTION = regex.compile(r"\p{Lu}[\p{L}\p{M}\p{N}'’&-]*+(?:[ \u00a0][\p{L}\p{M}\p{N}'’&-]++){0,2}+")
_PREFIX_SEP = regex.compile(r"[ \t\u00a0\u202f]*(?::|：|[–—-](?=[ \t\u00a0])|»|›|>)[ \t\u00a0\u202f]*")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_MAX_LINE = 400  # characters: a longer line is prose, never a label line
_MAX_PREFIX = 6  # words in a prefix label
_TOC_ENTRY = regex.compile(r"[ \t\u00a0]*(?:[•·▪◦*–-]|\p{N}{1,2}(?:\.\p{N}{1,2})*\.?)[ \t\u00a0]+\S")
_TOC_WORDS = 15  # most words in an entry of a table of contents
_TOC_ENTRIES = 30


def _uncounted(key: str) -> str:
    """`key` without its counters: « 0 0k comentar » → « comentar »."""
    return " ".join(_COUNT.sub(" ", key).split())


def _key(text: str) -> str:
    return _DIGITS.sub("0", _NON_WORD.sub(" ", fold(text))).strip()


def _word_of(text: str, lang: str) -> bool:
    """Whether the one word of `text` is a frequent word of the document's language."""
    from checker import lexicon

    word = _WORD.search(text)
    return bool(word) and lexicon.zipf(word.group().casefold(), lang) >= 5.0


def build(rule: Rule):  # noqa: ANN201
    """Read the label lists into a whole-line set and a prefix set."""
    files = [str(x) for x in rule.params["lists"]]
    if not files:
        raise ValueError("give at least one list file")
    paths = []
    for name in files:
        path = rule.resolve(name)
        if not path.is_file():
            raise ValueError(f"list file not found: {name}")
        paths.append(path)
    network_path = None
    if rule.params.get("networks"):
        network_path = rule.resolve(rule.params["networks"])
        if not network_path.is_file():
            raise ValueError(f"networks file not found: {network_path.name}")

    def key_sets() -> tuple[set[str], set[str], set[str]]:
        whole: set[str] = set()
        prefixes: set[str] = set()
        for path in paths:
            for entry in read_list(path):
                key = _key(entry)
                if not key:
                    continue
                if entry.rstrip().endswith(":"):
                    prefixes.add(key)
                whole.add(key)
        networks = {_key(x) for x in read_list(network_path)} if network_path is not None else set()
        return whole, prefixes, networks

    from checker.buildcache import from_files

    # Kept in the cache directory under the lists' bytes and this module's source (checker/buildcache.py).
    whole, prefixes, networks = from_files(
        "label-line keys 1", [*paths, *([network_path] if network_path is not None else [])], key_sets)
    max_words = rule.params["max_words"]
    home = {_key(str(x)) for x in rule.params["home_labels"]}
    toc = {_key(str(x)) for x in rule.params["toc_labels"]}

    def toc_end(doc: Document, index: int) -> int:
        """End of the entries (bulleted or numbered short lines) under a table-of-contents heading."""
        lines = doc.lines
        end = -1
        for line in lines[index + 1 : index + 1 + 2 * _TOC_ENTRIES]:
            text = doc.prose[line.start : line.end]
            if not text.strip():
                continue
            if not _TOC_ENTRY.match(text) or len(_WORD.findall(text)) > _TOC_WORDS:
                break
            end = line.start + len(text.rstrip())
        return end

    def breadcrumb(text: str) -> bool:
        """« Accueil > Sport > Football »: a home label, then sections, each a few words."""
        parts = _CRUMB.split(text)
        if not 2 <= len(parts) <= 8 or _key(parts[0]) not in home:
            return False
        return all(1 <= len(_WORD.findall(x)) <= 5 for x in parts[1:])

    def bare_trail(text: str, head: bool, first: bool = False) -> bool:
        """« Sport > Football > Arabie saoudite »: a trail of sections without a home label."""
        if "«" in text or "“" in text:
            return False
        pieces = _TRAIL.split(text)
        parts, seps = pieces[0::2], set(pieces[1::2])
        if not 2 <= len(parts) <= 6 or len(seps) != 1:
            return False
        # « Tech » Mobile » as the page's very first line: two one-word sections are a trail there.
        two_guillemet = first and seps == {"»"} and len(parts) == 2 and all(" " not in x.strip() for x in parts)
        if seps <= {"»", "|"} and (len(parts) < 3 or not head) and not two_guillemet:
            return False
        return all(len(x) <= 30 and _SECTION.fullmatch(x) for x in parts)

    def is_label_line(text: str, key: str) -> bool:
        """Whether `text` (whose key is `key`) is a label line."""
        if not key:
            return False
        if key in whole:
            return True
        parts = [p for p in _BAR.split(text) if p.strip()] if _BAR_MARK.search(text) else []
        if len(parts) >= 2:
            keys = [_key(p) for p in parts]
            if all(k in whole or k in networks for k in keys) and any(k in whole for k in keys):
                return True
        # A bar of pictograms, counters and labels set apart by wide spaces, the counters
        # beside their labels (« ❤ 1,2K   💬 Comentar   🔗 Compartir », "Like 1.2K · Share").
        if _WIDE_OR_PICTO.search(text) or _COUNT.search(key):
            raw = [_key(p) for p in _BAR_WIDE.split(text) if p.strip()]
            keys = [(_uncounted(k), _COUNT.search(k) is not None) for k in raw]
            keys = [(k, counted) for k, counted in keys if k]
            known = sum(1 for k, _ in keys if k in whole)
            # One word beside a counter may be a reaction the lists lack (« Like 1.2K »).
            odd = [k for k, counted in keys if k not in whole and k not in networks
                   and not (counted and " " not in k)]
            if len(keys) >= 2 and known >= 2 and not odd:
                return True
        return False

    # The first word of every prefix label's key.
    prefix_heads = {k.split(" ", 1)[0] for k in prefixes}

    def prefix_line(text: str) -> bool:
        words = list(_WORD.finditer(text, 0, min(len(text), 120)))
        if not words:
            return False
        first = _key(text[: words[0].end()])
        # Every longer prefix's key starts with the first word's key when the character after
        # that word is ASCII (it composes with nothing in NFC, and folds to a non-word
        # character): then one key whose first word starts no prefix label rules out them
        # all (most lines), without the key of each prefix. A decomposed accent after the
        # word (« e\u0301 ») would join it in NFC: there every prefix is keyed, as before.
        if len(words) > 1 and first and text[words[0].end()].isascii() and first.split(" ", 1)[0] not in prefix_heads:
            return False
        for n in range(1, min(_MAX_PREFIX, len(words)) + 1):
            end = words[n - 1].end()
            if (first if n == 1 else _key(text[:end])) not in prefixes:
                continue
            sep = _PREFIX_SEP.match(text, end)
            if not sep or sep.end() >= len(text):
                continue
            rest = len(_WORD.findall(text, sep.end()))
            if 1 <= rest <= max_words:
                return True
        return False

    def suffix(text: str) -> int:
        """Where a headline's chrome suffix starts (« Titre – Dernières nouvelles »), or -1."""
        for m in _SUFFIX.finditer(text):
            if m.start() > 0 and _key(text[m.end():]) in whole:
                return m.start()
        return -1

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        prose = doc.prose
        seen = 0
        skip_to = -1
        for index, line in enumerate(doc.lines):
            if line.start < skip_to:
                continue
            s, e = line.start, line.end
            if e - s > _MAX_LINE + 40:
                continue
            while s < e and (prose[s].isspace() or prose[s] in "-–—•*>·|"):
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if s >= e or e - s > _MAX_LINE:
                continue
            text = prose[s:e]
            seen += 1
            key = _key(text)
            if toc and key in toc:
                end = toc_end(doc, index)
                if end > e:
                    skip_to = end
                    yield Hit(s, end, confidence=0.8)
                    continue
            if text[-1:] in "?!" and " " not in text.rstrip(" ?!\u00a0\u202f") and _word_of(text, ctx.primary):
                continue  # « Comment ? » in a dialogue: a word of the language asked, not the label "Comment"
            # (breadcrumb and bare_trail need a separator: without one their split is the whole line)
            trail = home and _CRUMB_MARK.search(text) is not None
            if is_label_line(text, key) or (prefixes and prefix_line(text)) or (trail and breadcrumb(text)) \
                    or (trail and bare_trail(text, seen <= _HEAD_LINES, seen == 1)):
                yield Hit(s, e, confidence=0.85)
            elif seen <= _HEAD_LINES:
                cut = suffix(text)
                if cut > 0:
                    yield Hit(s + cut, e, confidence=0.7)

    return check
