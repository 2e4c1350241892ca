"""A per-file result cache, like Ruff's: a file whose text, rules, settings and mtlint are
unchanged is not checked again.

Each checked file has one entry, named after a hash of its absolute path, holding
the key it was checked under and its findings, passage scores and score. The key
is a hash of the file's text, the rule set's fingerprint (every rule file and list,
the kinds' code, the versions of mtlint and ``regex``: ``checker.rulecache``),
the settings resolved for that path (language, selection, severities, thresholds,
weights, pack settings, inline suppression) and mtlint's version; an entry whose
key differs is a miss and is replaced. Entries are written under a temporary name
and renamed (so concurrent runs read an old or a new entry, never half of one),
a damaged entry is a miss, and the directory is pruned to ``MAX_ENTRIES`` files,
the least recently used first, at the end of a run at most every ``PRUNE_EVERY``
seconds. Files that could not be read, rules that failed, ``--fix``/``--diff`` and
comparison runs are never cached.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from checker import _version
from checker.cachedir import make_temp
from checker.config import Config, select_rules
from checker.document import Document
from checker.files import Target
from checker.finding import Finding, Severity
from checker.flatstore import sha256
from checker.report import FileReport
from checker.runner import Runner
from checker.scoring import PassageScore

#: The entries' layout; a change of layout starts a new directory.
LAYOUT = "results-v1"
#: At most this many entries are kept (about 1-10 kB each); the least recently used go first.
MAX_ENTRIES = 20_000
DIRNAME = ".mtlint_cache"
#: Seconds between two prunes of the entries (``ResultCache.prune_sometimes``), and its marker file.
PRUNE_EVERY = 600.0
PRUNED = "pruned"
GITIGNORE = "# Created by mtlint: the result cache is not part of the repository.\n*\n"


def default_cache_dir(config_root: Path | None) -> Path:
    """``$MTLINT_CACHE_DIR``, else ``.mtlint_cache`` beside the configuration file, else the user cache."""
    explicit = os.environ.get("MTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if config_root is not None:
        return config_root / DIRNAME
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "mtlint"


def _digest(*parts: Any) -> str:
    return sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def settings_key(config: Config, inline_config: bool) -> str:
    """A hash of everything in a resolved configuration that changes a file's findings or scores:
    the settings, the message language, and the vocabulary files (their names and bytes)."""
    from checker.vocab import default_dir

    vocab: list[tuple[str, str]] = []
    for directory in (*config.vocab, default_dir(config.path)):
        for name in ("accept.txt", "reject.txt"):
            path = Path(directory) / name
            try:
                vocab.append((str(path), sha256(path.read_bytes()).hexdigest()))
            except OSError:
                continue
    return _digest(
        config.lang, config.select, sorted(config.ignore), sorted((k, v.value) for k, v in config.severity.items()),
        config.min_severity.value, config.fail_on.value, config.fail_under, sorted(config.weights.items()),
        sorted(config.settings.items()), inline_config, config.message_lang, vocab,
    )


class ResultCache:
    """The entries of one cache directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / LAYOUT
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _entry(self, path: Path) -> Path:
        try:
            absolute = str(path.resolve())
        except (OSError, RuntimeError):
            absolute = str(path.absolute())
        name = sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()
        return self.dir / name[:2] / f"{name[2:]}.json"

    def load(self, path: Path, key: str) -> dict[str, Any] | None:
        """The cached result of `path` under `key`, or None (missing, stale or damaged)."""
        entry = self._entry(path)
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: kept longest when pruning
        self.hits += 1
        return data

    def store(self, path: Path, key: str, data: dict[str, Any]) -> None:
        """Write an entry atomically; a cache that cannot be written only costs time."""
        entry = self._entry(path)
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = make_temp(entry.parent, ".", ".part")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({**data, "key": key}, fh, ensure_ascii=False)
            os.replace(tmp, entry)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _prepare(self) -> None:
        if self._ready:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            with contextlib.suppress(OSError):
                ignore.write_text(GITIGNORE, encoding="utf-8")
        self._ready = True

    def prune(self, limit: int = MAX_ENTRIES) -> int:
        """Remove the least recently used entries beyond `limit` (and stray temporary files); returns how many.

        The entries are counted by name; only when there are more than `limit` are they stat'ed
        to find the least recently used."""
        names: list[str] = []
        stray: list[str] = []
        try:
            with os.scandir(self.dir) as shards:
                for shard in shards:
                    if not shard.is_dir(follow_symlinks=False):
                        continue
                    with os.scandir(shard.path) as files:
                        for f in files:
                            (stray if f.name.startswith(".") else names).append(f.path)
        except OSError:
            return 0
        removed = 0
        for path in stray:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
        if len(names) <= limit:
            return removed
        dated = []
        for path in names:
            with contextlib.suppress(OSError):
                dated.append((os.stat(path).st_mtime, path))
        dated.sort(reverse=True)
        for _, path in dated[limit:]:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
        return removed

    def prune_sometimes(self, every: float = PRUNE_EVERY) -> int:
        """``prune`` when the last one was more than `every` seconds ago (the time of a marker file):
        runs that follow each other (an editor, a pre-commit hook) do not list the entries each time.
        The cache may then exceed ``MAX_ENTRIES`` by what is written in that interval."""
        import time

        marker = self.dir / PRUNED
        try:
            if time.time() - marker.stat().st_mtime < every:
                return 0
        except OSError:
            pass
        removed = self.prune()
        with contextlib.suppress(OSError):
            marker.touch()
        return removed


def rules_fingerprint(packs: Any) -> str:
    """A hash of every file of every pack (names relative to the pack, and bytes), of the engine's
    and kinds' code and of the ``regex`` version. Unlike the rule-build stamp, it does not depend on
    where mtlint or the packs are installed, so a reinstalled environment (pre-commit) keeps the cache.

    Reading the 500-odd files costs more than checking a short article, so the hash is kept beside
    their stat, as the rule-build stamp's is (``checker.rulecache.stat_keyed``): while no file is
    touched, a directory walk finds it."""
    from checker.rulecache import stat_keyed

    packs = list(packs)
    return stat_keyed([p.path for p in packs], lambda _dirs: _rules_content(packs), name="results-")


def _rules_content(packs: list[Any]) -> str:
    import regex

    h = sha256(f"regex {regex.__version__}\n".encode())
    here = Path(__file__).resolve().parent
    # Every module of the package: any change to the code that finds, filters or scores findings
    # (the vocabulary, the messages, the runner…) must invalidate the cached results.
    code = sorted(here.glob("*.py"))
    groups = [("code", here, [*code, *sorted((here / "kinds").glob("*.py"))])]
    groups += [(f"pack {p.name} {p.lang} {p.version}", p.path, sorted(f for f in p.path.rglob("*") if f.is_file()))
               for p in packs]
    from checker.rulecache import hash_files

    hash_files(h, groups)
    return h.hexdigest()


def _finding(d: dict[str, Any]) -> Finding:
    related = d.get("related")
    return Finding(
        code=d["code"], rule=d["rule"], category=d["category"], severity=Severity(d["severity"]),
        message=d["message"], start=d["start"], end=d["end"], text=d["text"],
        suggestions=tuple(d["suggestions"]), confidence=d["confidence"],
        related=(related[0], related[1]) if related else None,
    )


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "rule": f.rule, "category": f.category, "severity": f.severity.value,
        "message": f.message, "start": f.start, "end": f.end, "text": f.text,
        "suggestions": list(f.suggestions), "confidence": f.confidence,
        "related": list(f.related) if f.related else None,
    }


class CachingRunner(Runner):
    """A Runner that answers from the result cache when a file, its settings and the rules are unchanged."""

    def __init__(self, *args: Any, cache_dir: Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache = ResultCache(cache_dir)
        self._rules_key: str | None = None
        self._selections: dict[str, list[str]] = {}

    def rules_key(self) -> str:
        """The rule set's fingerprint (computed once per run)."""
        if self._rules_key is None:
            self._rules_key = rules_fingerprint(self.ruleset.packs)
        return self._rules_key

    def _cacheable(self, target: Target | None) -> bool:
        return target is not None and target.path is not None and target.problem is None \
            and not self.options.fixing and not self.options.comparing

    def check_document(self, doc: Document, report: FileReport, config: Config, target: Target | None = None,
                       **kwargs: Any) -> FileReport:
        """The pipeline after reading, answered from the cache when the file's entry has the same key."""
        if kwargs or not self._cacheable(target):
            return super().check_document(doc, report, config, target, **kwargs)
        assert target is not None and target.path is not None
        skey = settings_key(config, self.options.inline_config)
        key = _digest(_version.__version__, self.rules_key(), skey, doc.markdown,
                      sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest())
        data = self.cache.load(target.path, key)
        if data is not None:
            try:
                return self._from_cache(doc, report, config, skey, data)
            except (KeyError, TypeError, ValueError, IndexError):
                pass  # a damaged entry: check the file again
        report = super().check_document(doc, report, config, target)
        if report.error is None and not report.failures and not report.extra and report.document is not None:
            self.cache.store(target.path, key, {
                "lang": report.lang,
                "findings": [_finding_dict(f) for f in report.findings],
                "passages": [[p.index, p.start, p.end, p.words, p.penalty, p.score] for p in report.passages],
                "score": report.score,
                "passed": report.passed,
                "words": report.words,  # (the JSON formats' count: a hit then never tokenises the text)
            })
        return report

    def _from_cache(self, doc: Document, report: FileReport, config: Config, skey: str,
                    data: dict[str, Any]) -> FileReport:
        codes = self._selections.get(skey)
        if codes is None:
            codes = [r.code for r in select_rules(self.ruleset.rules, config.select, config.ignore)]
            self._selections[skey] = codes
        self.selected_codes.update(codes)
        doc.lang = data["lang"]
        if "words" in data:
            doc.__dict__["word_count"] = int(data["words"])
        report.document, report.lang = doc, data["lang"]
        report.findings = [_finding(d) for d in data["findings"]]
        report.passages = [PassageScore(*p) for p in data["passages"]]
        report.score = data["score"]
        report.passed = bool(data["passed"])
        return report
