"""Rules as data: loading and validating rule packs (one TOML file per rule).

A pack is a directory of ``*.toml`` rule files, with an optional ``pack.toml``
(``lang``, ``version``, ``[settings]``). Word lists and tables live beside the
rules that use them. A pack with ``lang = "*"``, or without a ``lang`` and not
named like a language tag (``common``, ``house-rules``), applies to every
language; any other pack applies to documents whose language matches its tag.
Every problem in every pack is collected and reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.dataclass import dataclass, field, replace
from checker.errors import RulePackError
from checker.finding import CATEGORIES, Severity

#: A rule's code, its name, an example's marked span: read when rule files are validated (a run
#: whose rule files built before reads them back validated, and compiles none of these).
_CODE = r"^[A-Z]{2,4}[0-9]{3,4}$"
_NAME = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_MARK = r"\[\[(.*?)\]\]"
_KNOWN_KEYS = {
    "code", "name", "category", "severity", "kind", "message", "why", "params",
    "examples", "link", "confidence", "enabled", "lang", "autofix",
}
_EXAMPLE_KEYS = {"bad", "good", "fix", "lang", "note", "source", "source_lang"}


@dataclass(frozen=True)
class Example:
    """A rule's own test case: a bad text with its [[marked]] span, or a good text."""

    text: str
    bad: bool
    span: tuple[int, int] | None = None
    fix: tuple[str, ...] | None = None
    lang: str | None = None
    #: The original text the example translates (source-mode rules), and its language.
    source: str | None = None
    source_lang: str | None = None


@dataclass(frozen=True)
class Pack:
    """A directory of rules, with its language (None = any) and settings."""

    name: str
    path: Path
    lang: str | None
    version: str = "0"
    settings: Mapping[str, Any] = field(default_factory=dict)

    def applies_to(self, lang: str) -> bool:
        """True when this pack's rules run on a document in `lang` (a BCP 47 tag)."""
        return self.lang is None or lang_matches(self.lang, lang)


@dataclass(frozen=True)
class Rule:
    """A validated rule. ``check`` is the compiled detector built by its kind."""

    code: str
    name: str
    category: str
    severity: Severity
    kind: str
    message: str
    why: str
    params: Mapping[str, Any]
    examples: tuple[Example, ...]
    pack: Pack
    path: Path
    link: str = ""
    confidence: float = 1.0
    enabled: bool = True
    lang: str | None = None
    #: The first suggestion is always safe to apply (``mtlint check --fix``).
    autofix: bool = False
    #: The severity was set by the configuration: it wins over a severity a finding chooses itself.
    severity_overridden: bool = False
    check: Callable[..., Iterable[Any]] | None = field(default=None, compare=False, repr=False)

    @property
    def languages(self) -> str:
        """The language this rule runs on, for listings ('*' for any)."""
        return self.lang or self.pack.lang or "*"

    def applies_to(self, lang: str) -> bool:
        """True when the rule runs on a document in `lang`."""
        if self.lang is not None:
            return lang_matches(self.lang, lang)
        return self.pack.applies_to(lang)

    def resolve(self, relative: str) -> Path:
        """A file named in the rule's params, relative to the rule file's directory."""
        return self.path.parent / relative

    def with_severity(self, severity: Severity) -> Rule:
        """A copy of this rule with another severity (configuration overrides), for every finding."""
        return replace(self, severity=severity, severity_overridden=True)

    if not TYPE_CHECKING:  # hidden from mypy, which would else accept any attribute of a rule

        def __getattr__(self, name: str) -> Any:
            # Only asked for an attribute the instance does not hold: the fields a rule read back
            # from the rule cache keeps packed until first use (``checker.rulecache.unpack``).
            from checker.rulecache import unpack

            return unpack(self, name)


def lang_matches(pack_lang: str, doc_lang: str) -> bool:
    """True when a pack for `pack_lang` applies to a document in `doc_lang` (fr applies to fr-CA).

    A rule's ``lang`` may list several tags, comma-separated (``"fr,es,de"``): any of them. A tag
    after ``!`` is left out (``"*,!de"``: every language but German, whose nouns all take a
    capital); a list of exclusions alone means every other language."""
    if "," in pack_lang or pack_lang.startswith("!"):
        tags = [one.strip() for one in pack_lang.split(",") if one.strip()]
        if any(lang_matches(t[1:], doc_lang) for t in tags if t.startswith("!")):
            return False
        wanted = [t for t in tags if not t.startswith("!")]
        return not wanted or any(t == "*" or lang_matches(t, doc_lang) for t in wanted)
    p = pack_lang.lower().split("-")
    d = doc_lang.lower().split("-")
    return d[: len(p)] == p


def builtin_rules_dir() -> Path:
    """The rules shipped with mtlint: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return here / "_rules"


def pack_dirs(root: Path) -> list[Path]:
    """The pack directories under a rules root: the root itself if it holds rule files, else its subdirectories."""
    if any(p.suffix == ".toml" and p.name != "pack.toml" for p in root.glob("*.toml")):
        return [root]
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


#: The translations (``message_fr``…) of every rule file read in this process, by path: kept with
#: the validated rules in the rule cache so that a later run need not read the files again.
TRANSLATIONS: dict[str, dict[str, dict[str, Any]]] = {}


@dataclass(frozen=True)
class RuleSet:
    """Every loaded pack and rule."""

    packs: tuple[Pack, ...]
    rules: tuple[Rule, ...]


#: Rule sets this process keeps for later loads of the same files, by the files' fingerprint, or
#: None (the default: every load reads the rule cache again). A resident process that runs many
#: checks (``checker.daemon``) turns it on so that rules built by one run serve the next.
_KEPT: dict[str, RuleSet] | None = None


def keep_loaded() -> None:
    """From now on, keep each loaded rule set (with what its rules build) for later loads."""
    global _KEPT
    if _KEPT is None:
        _KEPT = {}


def kept_loaded() -> bool:
    """True when this process keeps its loaded rule sets (``keep_loaded``)."""
    return _KEPT is not None


def load_rules(roots: Sequence[Path], *, build: bool = True) -> RuleSet:
    """Load, validate and compile every rule under `roots`; RulePackError lists all problems.

    Every rule is built (its expressions compiled) the first time a set of rule files is
    seen; once that has succeeded, later loads of the same files build each rule on its
    first use instead (see ``checker.rulecache``).
    """
    dirs = [d for root in roots for d in pack_dirs(root)] if all(r.is_dir() for r in roots) else None
    if _KEPT is not None and build and dirs is not None:
        from checker import rulecache

        try:
            key = rulecache.fingerprint(dirs)
        except OSError:
            key = None
        if key is not None:
            found = _KEPT.get(key)
            if found is None:
                found = _KEPT[key] = _load_rules(roots, dirs, build)
            return found
    return _load_rules(roots, dirs, build)


def _load_rules(roots: Sequence[Path], dirs: list[Path] | None, build: bool) -> RuleSet:
    if build and dirs is not None:
        from checker import rulecache

        cached = rulecache.load_ruleset(dirs, Rule)
        if cached is not None:
            from checker.messages import preload_translations

            packs_c, rules_c, translations = cached
            preload_translations(translations)  # (a pickle, read on first use)
            for r in rules_c:  # just unpickled, shared with nobody: no copy (replace) needed
                object.__setattr__(r, "check", _LazyCheck(r))
            return RuleSet(packs_c, tuple(rules_c))
    problems: list[str] = []
    rules: list[Rule] = []
    packs: list[Pack] = []
    groups: list[list[Pack]] = []  # the packs of each root: each root's files are stamped apart
    group_roots: list[Path] = []  # the root of each group (where a VALIDATED stamp may lie)
    unread: set[int] = set()  # the roots with a file that is not a valid rule
    for root in roots:
        if not root.is_dir():
            problems.append(f"{root}: not a rule directory")
            continue
        groups.append([])
        group_roots.append(root)
        before = len(problems)
        for pack_dir in pack_dirs(root):
            pack = _load_pack(pack_dir, problems)
            packs.append(pack)
            groups[-1].append(pack)
            for path in sorted(pack_dir.glob("*.toml")):
                if path.name == "pack.toml":
                    continue
                rule = _load_rule(path, pack, problems, build=False)
                if rule is not None:
                    rules.append(rule)
        if len(problems) > before:
            unread.add(len(groups) - 1)
    if build:
        rules = _build_all(rules, groups, unread, problems, group_roots)
    seen: dict[str, Rule] = {}
    for rule in rules:
        other = seen.get(rule.code)
        if other is not None:
            problems.append(f"{rule.path}: code: {rule.code} is already used by {other.path}")
        seen[rule.code] = rule
    if problems:
        raise RulePackError(problems)
    ruleset = RuleSet(tuple(packs), tuple(sorted(rules, key=lambda r: r.code)))
    paths = {str(r.path) for r in ruleset.rules}
    if build and dirs is not None and paths <= set(TRANSLATIONS):
        from checker import rulecache

        rulecache.store_ruleset(
            dirs, ruleset.packs, tuple(replace(r, check=None) for r in ruleset.rules),
            {p: TRANSLATIONS[p] for p in paths},
        )
    return ruleset


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any] | None:
    import tomllib  # here, not at the top: rules validated before come from the rule cache

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: invalid TOML: {exc}")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read: {exc}")
    return None


def _load_pack(pack_dir: Path, problems: list[str]) -> Pack:
    meta: dict[str, Any] = {}
    meta_path = pack_dir / "pack.toml"
    if meta_path.is_file():
        meta = _read_toml(meta_path, problems) or {}
    # Without a lang, a pack named like a language tag (fr, fr-CA) is for that language; any
    # other directory (common, house-rules) applies to every language rather than to none.
    if "lang" in meta:
        lang = meta["lang"]
    else:
        lang = pack_dir.name if _is_lang_tag(pack_dir.name) else None
    if lang == "*":
        lang = None
    if lang is not None and not isinstance(lang, str):
        problems.append(f"{meta_path}: lang: must be a language tag or '*'")
        lang = None
    settings = meta.get("settings", {})
    if not isinstance(settings, dict):
        problems.append(f"{meta_path}: settings: must be a table")
        settings = {}
    return Pack(pack_dir.name, pack_dir, lang, str(meta.get("version", "0")), settings)


def _is_lang_tag(name: str) -> bool:
    import regex

    if not regex.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", name):
        return False
    import langcodes

    return bool(langcodes.tag_is_valid(name.replace("_", "-")))


def _load_rule(path: Path, pack: Pack, problems: list[str], *, build: bool) -> Rule | None:
    data = _read_toml(path, problems)
    if data is None:
        return None
    before = len(problems)

    def bad(key: str, why: str) -> None:
        problems.append(f"{path}: {key}: {why}")

    from checker.messages import is_translation_key, translations, validate

    TRANSLATIONS[str(path)] = translations(data)

    for key in sorted(set(data) - _KNOWN_KEYS):
        if not is_translation_key(key):  # message_fr, why_fr, [messages.fr]: checker/messages.py
            bad(key, "unknown field")
    for key, problem in validate(data):
        bad(key, problem)

    def text_field(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            bad(key, "required, a non-empty string")
            return ""
        return value.strip()

    import regex

    code, name, kind = text_field("code"), text_field("name"), text_field("kind")
    category, message, why = text_field("category"), text_field("message"), text_field("why")
    if code and not regex.match(_CODE, code):
        bad("code", f"{code!r} is not a prefix of capitals and digits such as MT101")
    if name and name != path.stem:
        bad("name", f"{name!r} must equal the file name {path.stem!r}")
    elif name and not regex.match(_NAME, name):
        bad("name", f"{name!r} must be lowercase words joined by hyphens")
    if category and category not in CATEGORIES:
        bad("category", f"unknown category {category!r}")
    severity = Severity.MINOR
    try:
        severity = Severity.parse(str(data.get("severity", "")))
    except ValueError as exc:
        bad("severity", str(exc))
    confidence = data.get("confidence", 1.0)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        bad("confidence", "must be a number in (0, 1]")
        confidence = 1.0
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        bad("enabled", "must be true or false")
    autofix = data.get("autofix", False)
    if not isinstance(autofix, bool):
        bad("autofix", "must be true or false")
    lang = data.get("lang")
    if lang is not None and not isinstance(lang, str):
        bad("lang", "must be a language tag")
    params = data.get("params", {})
    if not isinstance(params, dict):
        bad("params", "must be a table")
        params = {}
    examples = _load_examples(data.get("examples", []), bad)
    if autofix is True and examples and not any(e.bad and e.fix is not None for e in examples):
        bad("autofix", "an autofix rule needs a bad example with its fix")

    module = None
    if kind:
        from checker.kinds import get_kind

        try:
            module = get_kind(kind)
        except KeyError as exc:
            bad("kind", str(exc.args[0]))
    if module is not None:
        params = _validate_params(module, params, bad)
    if len(problems) > before:
        return None
    rule = Rule(
        code=code, name=name, category=category, severity=severity, kind=kind,
        message=message, why=why, params=params, examples=tuple(examples), pack=pack,
        path=path, link=str(data.get("link", "")), confidence=float(confidence),
        enabled=bool(enabled), lang=lang, autofix=autofix is True,
    )
    if build and module is not None:
        return _build(rule, problems)
    return rule


def _build(rule: Rule, problems: list[str]) -> Rule | None:
    """The rule with its compiled check; None (and a problem) when its kind cannot build it."""
    import regex

    from checker.kinds import get_kind

    try:
        check = get_kind(rule.kind).build(rule)
    except (ValueError, OSError, regex.error, KeyError, TypeError) as exc:
        problems.append(f"{rule.path}: params: {type(exc).__name__}: {exc}")
        return None
    return replace(rule, check=check)


def _build_all(rules: list[Rule], groups: Sequence[Sequence[Pack]], unread: set[int], problems: list[str],
               roots: Sequence[Path]) -> list[Rule]:
    """Build every rule now, or, for the rule directories whose exact files built before, on
    first use.

    Each root (the built-in rules, a house pack) has its own stamp: a house pack added or edited
    is built alone, not with the thousands of built-in rows beside it. ``unread`` names the roots
    with a file that could not be read or validated: their rules are built now, so that every
    problem is reported at once, and they get no stamp. ``roots`` holds each group's root: a root
    whose ``VALIDATED`` file names its files and this code (``rulecache.shipped_validated``:
    mtlint's own rules as released) counts as built before, even in a cache directory that has
    never seen it.
    """
    import gc

    from checker import rulecache
    from checker.regexcache import VALUES

    keys = [rulecache.fingerprint(p.path for p in group) for group in groups]
    known: set[Path] = set()
    for n, (group, key, root) in enumerate(zip(groups, keys, roots)):
        if n in unread:
            continue
        if rulecache.is_validated(key) or rulecache.shipped_validated(root, [p.path for p in group]):
            known.update(p.path for p in group)
    group_of = {p.path: n for n, group in enumerate(groups) for p in group}
    failed = set(unread)
    built: list[Rule] = []
    # ``mtlint check`` pauses the cyclic collector until its first file is checked
    # (``cli._StartupCollector``): on a warm start the rules are read, not built. When
    # they are built here (the first run after installing or upgrading, a pack edited),
    # the paused collector let the process grow by some 400 MiB over the tables' tens
    # of thousands of rows (peak 510 MiB for an empty file). A collection of the young
    # generations after each rule built keeps the peak near 220 MiB. Measured, not
    # explained: the collector reports almost nothing unreachable (under 700 objects
    # over the 401 rules), yet the collection after one calque table's build gives back
    # some 280,000 of the allocator's blocks.
    paused = not gc.isenabled()
    for rule in rules:
        if rule.pack.path in known:
            built.append(replace(rule, check=_LazyCheck(rule)))
            continue
        before = len(problems)
        with VALUES:  # what is made from whole tables is stored for the runs that build on first need
            done = _build(rule, problems)
        if paused:
            gc.collect(1)
        if done is not None:
            built.append(done)
        if len(problems) > before:
            failed.add(group_of[rule.pack.path])
    for n, key in enumerate(keys):
        if n not in failed:
            rulecache.mark_validated(key)
    if not failed and len(groups) > 1:
        # the whole set too (one root's key is the set's): the next load of these roots reads the
        # validated rules back (load_ruleset)
        rulecache.mark_validated(rulecache.fingerprint(p.path for group in groups for p in group))
    return built


class _LazyCheck:
    """A rule's check, built on its first call (only for rule files known to build)."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.check: Callable[..., Iterable[Any]] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Iterable[Any]:
        if self.check is None:
            from checker.kinds import get_kind
            from checker.prefilter import trusted
            from checker.regexcache import ACTIVE

            with trusted(), ACTIVE:  # these files built before: compile entries on first need, from the cache
                self.check = get_kind(self.rule.kind).build(self.rule)
        return self.check(*args, **kwargs)


def _load_examples(raw: Any, bad: Callable[[str, str], None]) -> list[Example]:
    import regex

    out: list[Example] = []
    if not isinstance(raw, list):
        bad("examples", "must be an array of tables ([[examples]])")
        return out
    for i, item in enumerate(raw):
        where = f"examples[{i}]"
        if not isinstance(item, dict):
            bad(where, "must be a table")
            continue
        for key in sorted(set(item) - _EXAMPLE_KEYS):
            bad(f"{where}.{key}", "unknown field")
        lang = item.get("lang")
        source, source_lang = item.get("source"), item.get("source_lang")
        if not isinstance(source, (str, type(None))) or not isinstance(source_lang, (str, type(None))):
            bad(f"{where}.source", "source and source_lang must be strings")
            continue
        if "bad" in item and "good" not in item:
            text = item["bad"]
            if not isinstance(text, str):
                bad(f"{where}.bad", "must be a string")
                continue
            marks = list(regex.finditer(_MARK, text, regex.DOTALL))
            if len(marks) != 1:
                bad(f"{where}.bad", "must mark exactly one span with [[…]]")
                continue
            m = marks[0]
            plain = text[: m.start()] + m.group(1) + text[m.end():]
            fix = item.get("fix")
            if isinstance(fix, str):
                fix = [fix]
            if fix is not None and not (isinstance(fix, list) and all(isinstance(f, str) for f in fix)):
                bad(f"{where}.fix", "must be a string or an array of strings")
                fix = None
            span = (m.start(), m.start() + len(m.group(1)))
            out.append(Example(plain, True, span, tuple(fix) if fix is not None else None, lang, source, source_lang))
        elif "good" in item and "bad" not in item:
            if not isinstance(item["good"], str):
                bad(f"{where}.good", "must be a string")
                continue
            if "fix" in item:
                bad(f"{where}.fix", "only a bad example has a fix")
            out.append(Example(item["good"], False, None, None, lang, source, source_lang))
        else:
            bad(where, "needs exactly one of 'bad' or 'good'")
    return out


def _validate_params(module: Any, params: dict[str, Any], bad: Callable[[str, str], None]) -> dict[str, Any]:
    """Check params against the kind's PARAMS spec and fill defaults."""
    spec: Mapping[str, Param] = getattr(module, "PARAMS", {})
    out = dict(params)
    for key in sorted(set(params) - set(spec)):
        bad(f"params.{key}", f"unknown parameter for kind {module.NAME!r}")
    for key, p in spec.items():
        if key not in params:
            if p.required:
                bad(f"params.{key}", "required")
            else:
                out[key] = p.default
            continue
        value = params[key]
        if not isinstance(value, p.types):
            expected = " or ".join(t.__name__ for t in p.types)
            bad(f"params.{key}", f"must be of type {expected}")
    return out


class Param:
    """A kind's parameter: accepted types, whether it is required, its default. (A plain class, not
    a dataclass: making one costs about 0.5 ms of start-up; a Param is never compared nor printed.)"""

    __slots__ = ("types", "required", "default", "doc")

    def __init__(self, types: tuple[type, ...], required: bool = False, default: Any = None, doc: str = "") -> None:
        self.types = types
        self.required = required
        self.default = default
        self.doc = doc


def param(*types: type, required: bool = False, default: Any = None, doc: str = "") -> Param:
    """Shorthand used by kinds to declare their PARAMS."""
    if float in types and int not in types:
        types = (*types, int)
    return Param(types, required, default, doc)
