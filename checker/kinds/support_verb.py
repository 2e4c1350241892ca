"""Kind ``support-verb``: a noun with the support verb of the source language (« payer attention »).

Machine translation carries the light verb of the source language into the target: English
"pay attention" gives « payer attention » (French: « prêter attention »), "ask a question"
« demander une question » (« poser »), Spanish « celebrar una reunión » "celebrate a meeting"
("hold"). The noun is right, the verb is the calque. One row per noun names the calque verbs
and the verbs the language uses, by lemma; the inflected forms come from one paradigm file per
language, so that a row covers every tense and person, and the suggestion keeps the tense and
person of the text (« a payé attention » → « a prêté attention »).

Two files beside the rule (params ``forms`` and ``table``):

- ``verb-forms.tsv``: ``lemma<TAB>slot<TAB>form form…`` (forms space-separated, lowercase,
  letters and hyphens; ``-`` when the lemma has no form in that slot). The slots are the
  language's own (fr ``inf``, ``pp-ms`` … ``pp-fp``, ``ppr``, ``pres-1s`` … ``imp-2p``; en
  ``inf``, ``pres-3s``, ``past``, ``pp``, ``ing``); every lemma of the file has every slot
  that any lemma of the file has. A form may sit in several slots (« fait »: pp-ms, pres-3s).
- ``support-verbs.tsv``: ``source<TAB>noun<TAB>wrong<TAB>right[<TAB>cell]…``. ``source`` as in
  ``sense-table``; ``noun`` a table pattern (glossary syntax: a space is any white space,
  ``'`` any apostrophe, whole words, case-insensitive) with its number forms
  (``décisions?``): it is the literal the row's prefilter keys on, so a row costs nothing on
  an article without its noun; ``wrong`` the calque lemmas and ``right`` the lemmas the
  language uses, ``|``-joined (the first is suggested first; ``-`` for none, when the row's
  ``suggest=`` gives whole phrases: « commettre un suicide » → « se suicider »; a lemma may
  be both wrong and right only with a ``suggest=``: « avoir succès » → « avoir du succès »).
  Optional cells:

  - ``det=RE``: what stands between verb and noun for this row, in place of the rule's
    ``det``; a table pattern that matches the gap WITH its trailing white space (each word
    followed by a space, or ending in an apostrophe: ``det=(?:une |l' ?)?``; cells are
    stripped, so a trailing space is written inside a group: ``det=(?:une )``); ``det=``
    (empty) means the noun follows the verb directly (« faire sens »);
  - ``suggest=S[|S…]``: the whole suggestion, replacing the computed one (when the right
    verb needs another determiner or preposition, « rendre visite » for « payer une
    visite »); ``{}`` in it stands for the right lemma's form in the matched slot (one
    suggestion per right lemma: ``suggest={} visite``), ``\\g<n>`` for the noun as written;
  - ``slots=S[,S…]``: only the wrong lemmas' forms of these slots (a name may also stand
    for the slots that begin with it and a ``-``: ``imp`` for the imperative), for a calque
    that only one mood makes (« ayez une bonne journée »);
  - the conditions of ``sense-table``: ``left=``, ``right=``, ``notleft=``, ``notright=``
    (around the whole reported span), ``doc=``, ``notdoc=``, ``topic=``, ``notopic=``,
    ``lang=``;
  - ``bad=`` and ``good=`` examples, at least one of each (``[[…]]`` marks the reported
    span), run by ``tests/test_calque_row_examples.py``.

Each row is expanded into one table pattern, ``(?P<v>form|form…) GAP(?P<n>noun)`` (or the
noun first, by ``order``), and then handled as a ``sense-table`` row: the same lazy literal
prefilter (on the noun), start index, conditions and topics. The reported span runs from the
first character of the verb form to the last of the noun (or the reverse). The suggestion is
that span with the verb form replaced by the right lemma's first form in the matched form's
slot: the first slot, in file order, whose forms hold the matched form, among those whose
``slot_left`` context is met just before the verb; else among those without a ``slot_left``
entry; else the first (English "made" is ``past`` and ``pp``: "has made a photo" → "has
taken", "made a photo" → "took"). Gap and noun are kept as written, the verb's case too.

params:
- ``table`` (default ``support-verbs.tsv``), ``forms`` (default ``verb-forms.tsv``);
- ``det``: the default gap, a table pattern as ``det=`` (default: none, the noun follows the
  verb);
- ``order``: ``verb-noun`` (default), ``noun-verb`` or ``both``; in a noun-verb match the gap
  stands between noun and verb;
- ``slot_left``: ``{slot: pattern}`` (a key may also name the slots that begin with it and a
  ``-``: ``pp`` for ``pp-ms`` …): the words just before the verb (across white space, whole
  words) that make a form of several slots belong to this one (auxiliaries before a participle);
- ``slot_map``: ``{slot: slot}``: when the right lemma has no form in the matched slot, the slot
  to take it from instead;
- ``sources``: optional list of source languages to apply (default: every row).

A verb form alone never reports: only verb + gap + noun, whole words. Every part of a row's
pattern is bounded (an alternation of forms, the gap's optional words), so a match is linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import regex

from checker.context import Context
from checker.dataclass import dataclass
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import match_case
from checker.kinds.glossary import (
    _TIMEOUT,
    _WS,
    _body,
)
from checker.kinds.sense_table import Row, TableScan, _compile_row
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "support-verb"
PARAMS = {
    "table": param(str, default="support-verbs.tsv", doc="source<TAB>noun<TAB>wrong<TAB>right<TAB>cells… file beside the rule"),
    "forms": param(str, default="verb-forms.tsv", doc="lemma<TAB>slot<TAB>forms file beside the rule"),
    "det": param(str, default="", doc="the default gap between verb and noun (a table pattern with its trailing space)"),
    "order": param(str, default="verb-noun", doc="verb-noun, noun-verb or both"),
    "slot_left": param(dict, default=None, doc="slot -> the words before the verb that select it"),
    "slot_map": param(dict, default=None, doc="slot -> the slot to use when the right lemma has none"),
    "sources": param(list, default=None, doc="source languages to apply (default: all rows)"),
    "ignore_case": param(bool, default=True),
}

ORDERS = ("verb-noun", "noun-verb", "both")
_SOURCE = regex.compile(r"^(?:\*|[a-z]{2,3}(?:,[a-z]{2,3})*)$")
_LEMMA = regex.compile(r"^[\p{Ll}][\p{Ll}\p{M}' -]*$")
_SLOT = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_FORM = regex.compile(r"^[\p{Ll}\p{M}]+(?:-[\p{Ll}\p{M}]+)*$")
#: The cells of a row this kind reads itself; every other key=value cell goes to ``sense-table``.
_OWN = ("det", "suggest", "slots")
_PASSED = ("left", "right", "notleft", "notright", "doc", "notdoc", "topic", "notopic", "lang", "bad", "good")
_WORD_BEFORE = r"(?<![\p{L}\p{M}\p{N}_])"


@dataclass(frozen=True, slots=True)
class Paradigms:
    """The verb forms of a language: its slots in file order, and per lemma its forms by slot."""

    slots: tuple[str, ...]
    forms: dict[str, dict[str, tuple[str, ...]]]  # lemma -> slot -> forms (empty: none)

    def slots_of(self, lemma: str, form: str) -> list[str]:
        """The slots of `lemma` (in file order) whose forms hold `form`."""
        by_slot = self.forms[lemma]
        return [s for s in self.slots if form in by_slot[s]]


def compile_paradigms(rows: tuple[tuple[str, ...], ...], where: str) -> Paradigms:
    """Paradigms from the rows of a ``verb-forms.tsv``; ValueError naming a bad row."""
    slots: dict[str, None] = {}
    forms: dict[str, dict[str, tuple[str, ...]]] = {}
    for cells in rows:
        if len(cells) != 3 or not _LEMMA.match(cells[0]) or not _SLOT.match(cells[1]) or not cells[2]:
            raise ValueError(f"{where}: {cells[:2]!r}: a row is lemma<TAB>slot<TAB>form form… (lowercase)")
        lemma, slot = cells[0], cells[1]
        words = () if cells[2] == "-" else tuple(cells[2].split())
        bad = [w for w in words if not _FORM.match(w)]
        if bad:
            raise ValueError(f"{where}: {lemma} {slot}: bad form(s) {' '.join(bad)} (lowercase letters and hyphens)")
        by_slot = forms.setdefault(lemma, {})
        if slot in by_slot:
            raise ValueError(f"{where}: {lemma} {slot}: slot given twice")
        by_slot[slot] = words
        slots[slot] = None
    for lemma, by_slot in forms.items():
        missing = [s for s in slots if s not in by_slot]
        if missing:
            raise ValueError(f"{where}: {lemma}: missing slot(s) {', '.join(missing)}")
    if not forms:
        raise ValueError(f"{where}: no verb forms")
    return Paradigms(tuple(slots), forms)


def load_paradigms(path: Path) -> Paradigms:
    """The paradigms of ``path``, read once per process and version of the file."""
    st = path.stat()
    return _paradigms_at(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _paradigms_at(path: Path, _mtime: int, _size: int) -> Paradigms:
    return compile_paradigms(read_table(path), path.name)


@dataclass(frozen=True, slots=True)
class SupportRow:
    """One compiled row: its ``sense-table`` row (pattern and conditions) and its verbs."""

    row: Row
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    suggest: tuple[str, ...]  # a whole suggestion cell ({}: the right verb's form)
    slots: tuple[str, ...]  # the slots the row's forms come from


@dataclass(frozen=True, slots=True)
class Spec:
    """What a row's pattern is made of, read from its cells."""

    source: str
    noun: str
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    det: str | None  # None: the rule's
    suggest: tuple[str, ...]
    slots: tuple[str, ...]  # the slots whose forms the row matches (every slot of the language)
    passed: tuple[str, ...]  # the cells handed to ``sense-table``


def _lemmas(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def read_row(cells: tuple[str, ...], forms: Paradigms, where: str) -> Spec:
    """The parts of a row; ValueError naming the row when it is malformed."""
    if len(cells) < 4 or not _SOURCE.match(cells[0]) or not cells[1]:
        raise ValueError(f"{where}: {cells[:4]!r}: a row is source<TAB>noun<TAB>wrong lemmas<TAB>right lemmas[<TAB>cell]…")
    noun = cells[1]
    wrong, right = _lemmas(cells[2]), tuple(x for x in _lemmas(cells[3]) if x != "-")
    if not wrong or "=" in cells[2] or "=" in cells[3] or not cells[3].strip():
        raise ValueError(f"{where}: {noun!r}: the third and fourth cells are the wrong and right lemmas (|-joined)")
    unknown = [x for x in (*wrong, *right) if x not in forms.forms]
    if unknown:
        raise ValueError(f"{where}: {noun!r}: lemma(s) {', '.join(unknown)} missing in the verb forms")
    det: str | None = None
    suggest: tuple[str, ...] = ()
    slots = forms.slots
    passed: list[str] = []
    bad = good = False
    for cell in cells[4:]:
        if not cell:
            continue
        key, sep, expr = cell.partition("=")
        key = key.strip()
        if not sep or key not in _OWN + _PASSED:
            raise ValueError(f"{where}: {noun!r}: bad cell {cell!r} (expected det=, suggest=, a condition, bad= or good=)")
        if key == "det":
            det = expr.strip()
        elif key == "suggest":
            suggest = tuple(s.strip() for s in expr.split("|") if s.strip())
            if not suggest:
                raise ValueError(f"{where}: {noun!r}: empty suggest=")
        elif key == "slots":
            names = [x.strip() for x in expr.split(",") if x.strip()]
            slots = tuple(s for s in forms.slots if any(s == x or s.startswith(x + "-") for x in names))
            unknown_slots = [x for x in names if not any(s == x or s.startswith(x + "-") for s in forms.slots)]
            if not names or unknown_slots:
                raise ValueError(f"{where}: {noun!r}: slots= names no slot of the verb forms: {expr!r}")
        else:
            bad |= key == "bad" and bool(expr.strip())
            good |= key == "good" and bool(expr.strip())
            passed.append(cell)
    if not bad or not good:
        raise ValueError(f"{where}: {noun!r}: a row needs a bad= and a good= example")
    if not right and (not suggest or any("{}" in x for x in suggest)):
        raise ValueError(f"{where}: {noun!r}: no right lemma (- is only for a row whose suggest= names no verb form)")
    both = set(wrong) & set(right)
    if both and not suggest:
        raise ValueError(f"{where}: {noun!r}: {', '.join(sorted(both))} both wrong and right (without suggest=)")
    return Spec(cells[0], noun, wrong, right, det, suggest, slots, tuple(passed))


def row_pattern(spec: Spec, forms: Paradigms, det: str, order: str) -> str:
    """The row as one table pattern: the wrong lemmas' forms, the gap and the noun, named ``v`` and ``n``."""
    words = {w for lemma in spec.wrong for s in spec.slots for w in forms.forms[lemma][s]}
    verb = "(?P<v>" + "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"
    gap = det if spec.det is None else spec.det
    gap = f"(?:{gap})" if gap else ""
    noun = f"(?P<n>{spec.noun})"
    if order == "noun-verb":
        return f"{noun} {gap}{verb}"
    if order == "both":
        return f"(?:{verb} {gap}{noun}|{noun} {gap}{verb})"
    return f"{verb} {gap}{noun}"


def _sense_of(row: SupportRow) -> Row:
    return row.row


def _sense_cells(spec: Spec, pattern: str) -> tuple[str, ...]:
    return (spec.source, pattern, "-", *spec.passed)


def compile_row(cells: tuple[str, ...], forms: Paradigms, det: str, order: str, flags: int, where: str) -> SupportRow:
    """A row compiled: its pattern checked and compiled with its conditions (ValueError naming a bad row)."""
    spec = read_row(cells, forms, where)
    pattern = row_pattern(spec, forms, det, order)
    try:
        regex.compile(_body(spec.noun), flags)
    except regex.error as exc:
        raise ValueError(f"{where}: {spec.noun!r}: {exc}") from None
    row = _compile_row(_sense_cells(spec, pattern), flags, where)
    groups = row.entry.regex.groupindex
    for s in spec.suggest:
        for ref in regex.findall(r"\\g<(\w+)>|\\(\d+)", s):
            name = ref[0] or ref[1]
            if not (name.isdigit() and int(name) <= row.entry.regex.groups or name in groups):
                raise ValueError(f"{where}: {spec.noun!r}: suggestion {s!r} names a missing group {name!r}")
    return SupportRow(row, spec.wrong, spec.right, spec.suggest, spec.slots)


def _slot_lefts(table: dict[str, str] | None, forms: Paradigms, flags: int, where: str) -> dict[str, regex.Pattern[str]]:
    """slot -> the compiled ``slot_left`` context of that slot (a key names a slot or a prefix of slots)."""
    out: dict[str, regex.Pattern[str]] = {}
    for key, expr in (table or {}).items():
        named = [s for s in forms.slots if s == key or s.startswith(key + "-")]
        if not named or not isinstance(expr, str) or not expr.strip():
            raise ValueError(f"{where}: slot_left: {key!r} names no slot of the verb forms, or no pattern")
        try:
            # A word start, or an apostrophe ("they've"): the pattern's words are whole words.
            start = r"(?:(?<![\p{L}\p{M}\p{N}_])|(?=['’\u02bc]))"
            compiled = regex.compile(f"(?<={start}(?:{_body(expr.strip())}){_WS}+)", flags)
        except regex.error as exc:
            raise ValueError(f"{where}: slot_left {key!r}: {exc}") from None
        for s in named:
            out.setdefault(s, compiled)
    return out


def _prepared(rule: Rule, det: str, order: str) -> tuple[Paradigms, list[Spec], list[str]]:
    """The paradigms, the rows read and their patterns. Rule files that built before (under
    ``trusted()``) take them from the pattern store, one entry under a digest of both files and
    the rule's gap and order: reading 2,000 paradigm rows and writing every row's alternation of
    forms cost a one-article run about 20 ms."""
    from checker import regexcache
    from checker.prefilter import is_trusted

    name = rule.params["table"]
    forms_path = rule.resolve(rule.params["forms"])
    raw = read_table(rule.resolve(name))

    def prepare() -> tuple[Paradigms, list[Spec], list[str]]:
        forms = load_paradigms(forms_path)
        specs = [read_row(cells, forms, name) for cells in raw]
        return forms, specs, [row_pattern(spec, forms, det, order) for spec in specs]

    if not is_trusted() or not regexcache.is_active():
        return prepare()
    lines = ["\t".join(cells) for cells in read_table(forms_path)]
    lines += ["", det, order, *("\t".join(cells) for cells in raw)]
    return regexcache.memo(("support-verb", 1, len(lines), regexcache.digest(lines)), prepare)


def build(rule: Rule):  # noqa: ANN201
    """Read the verb forms and the table; each row becomes a ``sense-table`` row of one pattern,
    compiled when an article first holds its noun (see ``checker.prefilter``)."""
    from checker.prefilter import LazyTable, is_trusted, table_name

    flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
    name = rule.params["table"]
    order = rule.params["order"]
    if order not in ORDERS:
        raise ValueError(f"order {order!r}: expected one of {', '.join(ORDERS)}")
    det = rule.params["det"].strip()
    forms, specs, patterns = _prepared(rule, det, order)
    slot_left = _slot_lefts(rule.params["slot_left"], forms, flags, name)
    slot_map: dict[str, str] = dict(rule.params["slot_map"] or {})
    for a, b in slot_map.items():
        if a not in forms.slots or b not in forms.slots:
            raise ValueError(f"{name}: slot_map: {a!r} -> {b!r}: not slots of the verb forms")
    if det and not is_trusted():
        try:
            regex.compile(_body(det), flags)
        except regex.error as exc:
            raise ValueError(f"det: {exc}") from None
    raw = read_table(rule.resolve(name))
    sense_cells = tuple(_sense_cells(spec, p) for spec, p in zip(specs, patterns, strict=True))
    table = LazyTable(raw, lambda cells: cells[1], lambda cells: compile_row(cells, forms, det, order, flags, name),
                      name=table_name(raw, 1))
    scan = TableScan(rule, name, table, tuple(patterns), sense_cells, flags, sense=_sense_of)

    def suggestions(doc: Document, row: SupportRow, m: regex.Match[str]) -> tuple[str, ...]:
        start, end = m.span()
        found = doc.text[start:end]
        vs, ve = m.span("v")
        written = doc.text[vs:ve]
        form = written.lower()
        slots: list[str] = []
        for lemma in row.wrong:
            slots.extend(s for s in forms.slots_of(lemma, form) if s in row.slots and s not in slots)
        slot = _pick_slot(slots, doc.prose, vs)
        verbs = []  # the right lemmas' forms in the slot, in the case of the text
        for lemma in row.right:
            words = forms.forms[lemma].get(slot, ()) if slot else ()
            if not words and slot in slot_map:
                words = forms.forms[lemma].get(slot_map[slot], ())
            if words:
                verbs.append(match_case(written, words[0]))
        out: list[str] = []
        if row.suggest:
            for s in row.suggest:
                try:
                    expanded = m.expand(s) if "\\" in s else s
                except (regex.error, IndexError):
                    expanded = s
                if "{}" in expanded:
                    out.extend(match_case(found, expanded.replace("{}", v)) for v in verbs)
                else:
                    out.append(match_case(found, expanded))
        else:
            out = [found[: vs - start] + v + found[ve - start :] for v in verbs]
        return tuple(dict.fromkeys(out))

    def _pick_slot(slots: list[str], text: str, at: int) -> str | None:
        if len(slots) <= 1 or not slot_left:
            return slots[0] if slots else None
        for s in slots:
            p = slot_left.get(s)
            if p is not None and p.match(text, at, timeout=_TIMEOUT) is not None:
                return s
        return next((s for s in slots if s not in slot_left), slots[0])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        for row, m in scan.matches(doc, ctx):
            yield Hit(m.start(), m.end(), suggestions(doc, row, m))

    return check
