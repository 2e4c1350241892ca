"""Vocabularies: words and names a project accepts, and house-style words it rejects.

Like Vale's ``Vocab`` and LanguageTool's spelling and prohibited lists. A
vocabulary is a directory with up to two files, one entry per line (``#`` starts
a comment line):

- ``accept.txt``: a word, a name (``Zayn Malik``) or a regular expression between
  slashes (``/Al-?Jazira/``). A finding of the non-word, mangled-name,
  glued-words, untranslated or inconsistency categories whose text is an accepted
  entry (or, for the word-level categories, contains one as a word) is dropped.
- ``reject.txt``: ``word`` or ``word → replacement`` (``->`` works too); every
  occurrence is reported by rule MT490 ``vocab-reject``, with the replacement as
  its suggestion.

Vocabularies come from the configuration (``vocab = ["vocab"]``, and per path in
``[[overrides]]``), from the directory ``.mtlint/vocab`` beside the configuration
file (where ``mtlint check --add-word`` writes), and from a ``vocab/``
directory inside a rule pack (for that pack's language). A plain entry is
case-sensitive, except that an entry in lower case also matches with a capital
first letter (at the start of a sentence).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from checker.errors import UsageError

__all__ = ["ACCEPT_CATEGORIES", "REJECT_CODE", "Vocabulary", "add_word", "load_vocabulary", "reject_rule"]

#: Categories an accepted entry silences.
ACCEPT_CATEGORIES = frozenset({"non-word", "mangled-name", "glued-words", "untranslated", "inconsistency"})
#: Categories where an accepted word inside a longer finding (a name in a list) is enough.
_WORD_LEVEL = frozenset({"non-word", "mangled-name", "glued-words", "inconsistency"})
REJECT_CODE, REJECT_NAME = "MT490", "vocab-reject"
DEFAULT_DIR = Path(".mtlint") / "vocab"
#: Time one user regular expression may take on one document (the regex module's limit).
REGEX_TIMEOUT = 1.0


class VocabError(UsageError):
    """A bad entry; the message names the file and line."""


class Entry:
    """One accepted or rejected entry. (A plain class, not a dataclass: making one costs about 0.5 ms
    of start-up; an Entry is never compared nor printed.)"""

    __slots__ = ("pattern", "literal", "replacement", "lang", "where")

    def __init__(self, pattern: str, literal: str | None, replacement: str | None = None, lang: str | None = None,
                 where: str = "") -> None:
        self.pattern = pattern  # the regular expression source
        self.literal = literal  # the plain word, when the entry is not a regex
        self.replacement = replacement
        self.lang = lang  # from a rule pack of this language
        self.where = where


def _parse_entry(raw: str, where: str, lang: str | None, rejecting: bool) -> Entry | None:
    import regex

    line = raw.strip()
    if not line or line.startswith("#"):
        return None
    replacement = None
    if rejecting:
        for arrow in ("→", "->"):
            if arrow in line and not (line.startswith("/") and line.rfind("/") > line.find(arrow)):
                line, replacement = (x.strip() for x in line.split(arrow, 1))
                break
        if replacement == "":
            raise VocabError(f"{where}: nothing after the arrow (leave the arrow out for no replacement)")
    if len(line) >= 2 and line.startswith("/") and line.endswith("/"):
        source = line[1:-1]
        try:
            regex.compile(source, regex.V1)
        except regex.error as exc:
            raise VocabError(f"{where}: bad regular expression /{source}/: {exc}") from None
        return Entry(source, None, replacement, lang, where)
    if not line:
        raise VocabError(f"{where}: empty entry")
    word = regex.escape(line)
    if line[:1].islower() and not rejecting:
        word = f"[{regex.escape(line[0])}{regex.escape(line[0].upper())}]" + regex.escape(line[1:])
    return Entry(word, line, replacement, lang, where)


def _read_entries(path: Path, lang: str | None, rejecting: bool) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        entry = _parse_entry(raw, f"{path}:{n}", lang, rejecting)
        if entry is not None:
            out.append(entry)
    return out


class Vocabulary:
    """Accepted and rejected entries, compiled on first use. (A plain class, not a dataclass: making
    one costs about 0.5 ms of start-up; a Vocabulary is never compared nor printed.)"""

    __slots__ = ("accept", "reject", "_compiled")

    def __init__(self, accept: tuple[Entry, ...] = (), reject: tuple[Entry, ...] = ()) -> None:
        self.accept = accept
        self.reject = reject
        self._compiled: dict[str, Any] = {}

    def __bool__(self) -> bool:
        return bool(self.accept or self.reject)

    def _for(self, kind: str, lang: str) -> Any:
        """One alternation of the entries of `kind` that apply to `lang` (or None)."""
        key = f"{kind}:{lang}"
        if key not in self._compiled:
            import regex

            from checker.rules import lang_matches

            entries = [e for e in getattr(self, kind) if e.lang is None or lang_matches(e.lang, lang)]
            if not entries:
                self._compiled[key] = None
            elif kind == "accept":
                self._compiled[key] = regex.compile("|".join(f"(?:{e.pattern})" for e in entries), regex.V1)
            else:
                self._compiled[key] = [
                    (regex.compile(rf"(?<![\w-]){e.pattern}(?![\w-])" if e.literal else e.pattern, regex.V1), e)
                    for e in entries]
        return self._compiled[key]

    def accepts(self, text: str, category: str, lang: str) -> bool:
        """True when a finding of `category` on `text` is silenced by an accepted entry."""
        if category not in ACCEPT_CATEGORIES:
            return False
        pattern = self._for("accept", lang)
        if pattern is None:
            return False
        if pattern.fullmatch(text, timeout=REGEX_TIMEOUT):
            return True
        if category in _WORD_LEVEL:
            import regex

            return any(pattern.fullmatch(w, timeout=REGEX_TIMEOUT) for w in regex.findall(r"[\w’'-]+", text))
        return False

    def filter(self, findings: Iterable[Any], lang: str) -> list[Any]:
        """The findings no accepted entry silences."""
        if not self.accept:
            return list(findings)
        return [f for f in findings if not self.accepts(f.text, f.category, lang)]

    def rejected(self, text: str, lang: str) -> Iterator[tuple[int, int, Entry]]:
        """Every occurrence of a rejected entry in `text` (the document's prose)."""
        for pattern, entry in self._for("reject", lang) or ():
            for m in pattern.finditer(text, timeout=REGEX_TIMEOUT):
                if m.end() > m.start():
                    yield m.start(), m.end(), entry


_CACHE: dict[tuple[Any, ...], Vocabulary] = {}


def load_vocabulary(dirs: Sequence[Path], packs: Iterable[Any] = ()) -> Vocabulary:
    """The vocabulary of these directories plus the ``vocab/`` of each rule pack (cached by file times)."""
    sources: list[tuple[Path, str | None]] = [(d, None) for d in dirs]
    sources += [(Path(p.path) / "vocab", p.lang) for p in packs]
    stamp = []
    for d, lang in sources:
        for name in ("accept.txt", "reject.txt"):
            try:
                st = os.stat(d / name)
                stamp.append((str(d / name), lang, st.st_mtime_ns, st.st_size))
            except OSError:
                continue
    key = tuple(stamp)
    found = _CACHE.get(key)
    if found is None:
        accept: list[Entry] = []
        reject: list[Entry] = []
        for d, lang in sources:
            accept += _read_entries(d / "accept.txt", lang, False)
            reject += _read_entries(d / "reject.txt", lang, True)
        found = Vocabulary(tuple(accept), tuple(reject))
        _CACHE[key] = found
    return found


def default_dir(config_path: Path | None) -> Path:
    """``.mtlint/vocab`` beside the configuration file (or in the current directory)."""
    base = config_path.parent if config_path is not None else Path.cwd()
    return base / DEFAULT_DIR


def add_word(word: str, directory: Path) -> tuple[Path, bool]:
    """Append `word` to ``directory/accept.txt`` unless it is there; returns (file, added)."""
    entry = word.strip()
    if not entry or "\n" in entry or "\r" in entry:
        raise VocabError(f"not a vocabulary entry: {word!r}")
    _parse_entry(entry, "--add-word", None, False)  # a bad /regex/ is refused before writing
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "accept.txt"
    existing = path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []
    if entry in (line.strip() for line in existing):
        return path, False
    with path.open("a", encoding="utf-8") as fh:
        if existing and not path.read_bytes().endswith(b"\n"):
            fh.write("\n")
        fh.write(entry + "\n")
    return path, True


# ----------------------------------------------------------------- MT490
def _reject_check(doc: Any, ctx: Any) -> Iterator[Any]:
    from checker.finding import Hit

    vocab = ctx.setting("vocab")
    if not vocab or not vocab.reject:
        return
    for start, end, entry in vocab.rejected(doc.prose, ctx.lang):
        hint = f"; write ‘{entry.replacement}’" if entry.replacement else ""
        yield Hit(start, end, suggestions=(entry.replacement,) if entry.replacement is not None else (),
                  args={"hint": hint})


def reject_rule() -> Any:
    """Rule MT490 ``vocab-reject``: every occurrence of a rejected vocabulary entry (off when none is)."""
    from checker.finding import Severity
    from checker.rules import Pack, Rule

    here = Path(__file__).resolve()
    pack = Pack(name="vocab", path=here.parent, lang=None, version="1")
    return Rule(
        code=REJECT_CODE, name=REJECT_NAME, category="inconsistency", severity=Severity.MINOR, kind="vocabulary",
        message="‘{text}’ is on the project's reject list{hint}.",
        why=("The project's vocabulary (reject.txt) lists this word or name as not house style: a term the "
             "newsroom has replaced, a spelling it does not use, a word it bans. The entry's replacement, "
             "when it gives one, is the suggestion. Remove the entry to stop the reports."),
        params={}, examples=(), pack=pack, path=here, check=_reject_check,
    )


def with_vocab_rule(ruleset: Any) -> Any:
    """The rule set plus MT490 (unless a pack already defines that code)."""
    from checker.rules import RuleSet, kept_loaded

    if any(r.code == REJECT_CODE for r in ruleset.rules):
        return ruleset
    kept = kept_loaded()
    if kept:  # a resident process: the same rule set gets the same MT490 (built once)
        found = _WITH_VOCAB.get(id(ruleset))
        if found is not None and found[0] is ruleset:
            return found[1]
    combined = RuleSet(ruleset.packs, (*ruleset.rules, reject_rule()))
    if kept:
        _WITH_VOCAB[id(ruleset)] = (ruleset, combined)
    return combined


#: Rule sets kept by a resident process (``checker.rules.keep_loaded``) → the same set with MT490.
_WITH_VOCAB: dict[int, tuple[Any, Any]] = {}
