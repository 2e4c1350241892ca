"""Kind ``line-score``: whole lines of site chrome (share buttons, comment forms,
newsletter and cookie banners, related-article headings, calls to follow a site),
found by scoring each line with several weak signals.

Each non-empty line gets points for:

- a phrase of the rule's ``phrases`` list: most when the line opens with it, fewer
  when it fills much of a short line, one point elsewhere. A phrase written
  ``=phrase`` counts only when it is the whole line (``=Publicité``);
- cue words (``cues``: newsletter, commentaire, cookies…), at most ``max_cues``;
- social network names (``networks``): a list of several is a call to follow;
- a second-person or imperative opening (``starters``: Veuillez, Inscrivez-vous, Please…);
- form: ALL CAPS, short without final punctuation, short ending in a colon;
- position: among the last ``tail_lines`` non-empty lines, or the first ``head_lines``
  after the title, where pages put their chrome.

Long lines and lines holding a quotation lose points: they are the story's prose.
A line whose score reaches ``threshold`` is reported whole. With ``require_phrase``,
only lines holding a phrase of the list are reported (a precise, list-driven rule).

With ``mode = "bio"`` the kind reports instead the author-bio line that a page
template puts right under a byline at the end of an article (``Par Jeanne Dupont``
then a sentence about her); ``byline_prefixes`` lists the words a byline may open with.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import WORD_OR_NUMBER, Document, Span
from checker.finding import Hit, Severity
from checker.kinds._phrases import PhraseMatcher
from checker.kinds.pattern import fold_literals as _prefilter_fold
from checker.kinds.pattern import required_literals
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "line-score"
PARAMS = {
    "mode": param(str, default="chrome", doc="chrome | bio"),
    "phrases": param(str, default=None, doc="list file beside the rule: strong phrases (=phrase: whole line)"),
    "cues": param(str, default=None, doc="list file: cue words or phrases"),
    "networks": param(str, default=None, doc="list file: social network names"),
    "starters": param(str, default=None, doc="list file: second-person or imperative line openings"),
    "byline_prefixes": param(list, default=[], doc="bio mode: words a byline may open with (Par, By)"),
    "threshold": param(float, default=3.0, doc="score from which a line is reported"),
    "require_phrase": param(bool, default=False, doc="report only lines holding a listed phrase"),
    "max_cues": param(int, default=2, doc="most points given for cue words"),
    "tail_lines": param(int, default=8, doc="non-empty lines at the end counted as the page's footer"),
    "head_lines": param(int, default=3, doc="non-empty lines after the title counted as the page's header"),
}

_WORD = WORD_OR_NUMBER
_LEAD = regex.compile(r"^[\s\-–—•*>#|·]*")
_FINAL = regex.compile(r"[.!?…;»”\"')\]]\s*$")
_QUOTE = regex.compile(r"[«“]|(?:^|\s)\"\p{L}")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
#: Words: a line at most this long may be a widget; a longer one that ends a sentence is the
#: story's prose, even where it opens with or holds a chrome phrase.
_SHORT = 12
_SENTENCE_BREAK = regex.compile(r"\p{Ll}[.!?]\s+\p{Lu}")
_LONG = 40  # words: a longer line is the story's prose unless strong signals say otherwise
_HEAD_CHARS = 120


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Line:
    __slots__ = ("span", "words")

    def __init__(self, span: Span, words: int) -> None:
        self.span = span
        self.words = words


def _lines(doc: Document) -> list[_Line]:
    """Non-empty prose lines, trimmed, with their word counts (shared by every rule of this kind)."""
    cached = doc.cache.get("line-score:lines")
    if cached is not None:
        return cached
    prose = doc.prose
    out = []
    for line in doc.lines:
        s, e = line.start, line.end
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(_Line(doc.span(s, e), len(_WORD.findall(prose, s, e))))
    doc.cache["line-score:lines"] = out
    return out


def _folded_lines(doc: Document) -> tuple[list[str], str]:
    """Each line of ``_lines`` folded as the literal requirements are, and them all joined."""
    cached = doc.cache.get("line-score:folded")
    if cached is None:
        folded = [_prefilter_fold(line.span.text) for line in _lines(doc)]
        cached = doc.cache["line-score:folded"] = (folded, "\n".join(folded))
    return cached


class _Gate:
    """Whether a phrase list can match in a line: each of its matches holds, folded, one literal of
    each requirement (``checker.kinds.pattern.required_literals``), and a match inside a line is a
    piece of that line. Its regex, a long alternation tried at every position, costs far more than
    looking for the few literals the article holds in each of its lines."""

    def __init__(self, matcher: PhraseMatcher) -> None:
        self.needs = required_literals(matcher.regex.pattern) if matcher.regex is not None else ()

    def live(self, doc_folded: str) -> tuple[tuple[str, ...], ...] | None:
        """The requirements cut down to the literals the article holds; None when one has none."""
        out = tuple(tuple(k for k in req if k in doc_folded) for req in self.needs)
        return None if any(not req for req in out) else out


def _holds(live: tuple[tuple[str, ...], ...] | None, folded_line: str) -> bool:
    return live is not None and all(any(k in folded_line for k in req) for req in live)


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", fold(text)).strip()


def _load(rule: Rule, name: str) -> tuple[str, ...]:
    value = rule.params.get(name)
    if not value:
        return ()
    path = rule.resolve(value)
    if not path.is_file():
        raise ValueError(f"{name} file not found: {path.name}")
    return read_list(path)


def _heading(line: _Line) -> bool:
    """A short line without a sentence's final punctuation (a colon may end it)."""
    text = line.span.text.rstrip(" \u00a0\u202f:")
    return line.words <= 6 and not _FINAL.search(text)


def _title_like(line: _Line) -> bool:
    """A headline: a few words, no final full stop, no quotation."""
    text = line.span.text
    return 3 <= line.words <= 20 and not _FINAL.search(text) and not text.endswith(":") and not _QUOTE.search(text)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def build(rule: Rule):  # noqa: ANN201
    """Compile the phrase, cue, network and starter lists."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("chrome", "bio"):
        raise ValueError("mode must be chrome or bio")
    phrases = _load(rule, "phrases")
    whole = frozenset(_key(x[1:]) for x in phrases if x.startswith("="))
    matcher = PhraseMatcher([x for x in phrases if not x.startswith("=")])
    cues = PhraseMatcher(_load(rule, "cues"))
    networks = PhraseMatcher(_load(rule, "networks"))
    starters = PhraseMatcher(_load(rule, "starters"))
    prefixes = frozenset(fold(str(x)) for x in p["byline_prefixes"])
    if mode == "chrome" and not (phrases or cues.table):
        raise ValueError("give a 'phrases' or 'cues' list")
    threshold = p["threshold"]
    require_phrase = p["require_phrase"]
    gates = [_Gate(m) for m in (matcher, starters, networks, cues)]

    def phrase_points(text: str, n_words: int, scan: bool) -> float:
        if _key(text) in whole:
            return 3.0
        if not scan:
            return 0.0  # (the loop below finds nothing)
        lead = _LEAD.match(text).end()
        prose = n_words > _SHORT and _FINAL.search(text) is not None
        best = 0.0
        for s, e, _ in matcher.finditer(text):
            after = text[e : e + 2].lstrip()
            if s <= lead and not after.startswith(","):
                # « Les commentaires sont fermés à la critique, a ironisé… »: a long sentence that goes
                # on in lowercase after the phrase is the story's, though it opens like chrome.
                goes_on = text[e:e + 2].startswith(" ") and text[e + 1:e + 2].islower()
                best = max(best, 0.5 if prose and goes_on else 3.0)
            elif n_words <= _SHORT and (e - s) >= 0.4 * len(text):
                best = max(best, 2.0)
            else:
                # mid-line in a long sentence of the story (« He said he would leave a comment on… »)
                best = max(best, 0.5 if prose else 1.0)
        return best

    def score(line: _Line, zone: bool, folded: str, live: list[tuple[tuple[str, ...], ...] | None]) -> tuple[float, bool]:
        text = line.span.text
        n = line.words
        # In a long line only an opening phrase can matter (elsewhere it earns one point,
        # less than the length penalty): scanning the head keeps long prose cheap.
        found = phrase_points(text if n <= _LONG else text[:_HEAD_CHARS], n, _holds(live[0], folded))
        if not found and require_phrase:
            # Only a line holding a phrase is reported: the other signals (three more phrase scans)
            # cannot change that, so most lines stop here.
            return 0.0, False
        points = found
        lead = _LEAD.match(text).end()
        if _holds(live[1], folded) and any(s <= lead for s, _, _ in starters.finditer(text[: lead + _HEAD_CHARS])):
            points += 1.0
        if n > _LONG and points == 0 and threshold > p["max_cues"]:
            # Networks (2) and cues (max_cues) cannot outweigh the length penalty (2): skip the scans.
            return points - 2.0, False
        names = {fold(text[s:e]) for s, e, _ in networks.finditer(text)} if _holds(live[2], folded) else set()
        if len(names) >= 3 or (len(names) == 2 and n <= _SHORT):
            points += 2.0
        elif names:
            points += 0.5
        cue_words = {fold(text[s:e]) for s, e, _ in cues.finditer(text)} if _holds(live[3], folded) else set()
        points += min(p["max_cues"], len(cue_words))
        if n <= 8 and _caps(text):
            points += 1.0
        if n <= 8 and not _FINAL.search(text):
            points += 0.5
        if zone and n <= 30:
            points += 1.0
        if n > _LONG:
            points -= 2.0
        if _QUOTE.search(text):
            points -= 1.5
        return points, found > 0

    def chrome(doc: Document) -> Iterator[Hit]:
        lines = _lines(doc)
        folded, doc_folded = _folded_lines(doc)
        live = [gate.live(doc_folded) for gate in gates]
        tail_from = len(lines) - p["tail_lines"]
        listing = False  # inside the list of titles under a related-articles heading
        for i, line in enumerate(lines):
            if i == 0:
                continue  # the title
            if listing and _title_like(line):
                yield Hit(line.span.start, line.span.end, confidence=0.6, severity=Severity.MINOR,
                          args={"score": "list"})
                continue
            listing = False
            zone = i >= tail_from or i <= p["head_lines"]
            points, has_phrase = score(line, zone, folded[i], live)
            if points >= threshold and (has_phrase or not p["require_phrase"]):
                confidence = min(0.95, 0.5 + 0.1 * points)
                yield Hit(line.span.start, line.span.end, confidence=confidence, args={"score": f"{points:.1f}"})
                # A short heading (« À lire également », « Sur le même sujet : ») opens a list of
                # headlines: the page's related articles, one title per line.
                listing = has_phrase and _heading(line)

    def is_byline(line: _Line) -> bool:
        words = _WORD.findall(line.span.text)
        if not 1 <= len(words) <= 5 or _FINAL.search(line.span.text):
            return False
        need = 2  # a single capitalised word is a heading ("Conclusion"), not a name
        if fold(words[0]) in prefixes:
            words, need = words[1:], 1
        return (
            len(words) >= need
            and words[0][:1].isupper()
            and all(w[:1].isupper() or len(w) <= 3 for w in words)
        )

    def bio(doc: Document) -> Iterator[Hit]:
        lines = _lines(doc)
        tail_from = len(lines) - p["tail_lines"]
        text = doc.text
        # Pages often pile tags, comment forms and related links under the author box, pushing it
        # out of the tail: a byline with its prefix (« Par … ») is trusted in the second half too.
        for i in range(max(1, min(tail_from, len(lines) // 2)), len(lines)):
            line = lines[i]
            prev = lines[i - 1]
            # Same block: the byline sits on the line right above, no blank line between.
            between = text[prev.span.end : line.span.start]
            if between.count("\n") != 1 or not is_byline(prev):
                continue
            if i < tail_from and fold(_WORD.findall(prev.span.text)[0]) not in prefixes:
                continue
            # An author box often ends with a link label after its last sentence (« … urbanisme.
            # Voir tous ses articles »): a sentence break inside the line is as good as a final stop.
            ended = _FINAL.search(line.span.text) or _SENTENCE_BREAK.search(line.span.text)
            if not 4 <= line.words <= 40 or not ended or _QUOTE.search(line.span.text):
                continue
            if is_byline(line):
                continue
            yield Hit(line.span.start, line.span.end, confidence=0.5, severity=Severity.MINOR)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        yield from chrome(doc) if mode == "chrome" else bio(doc)

    return check


