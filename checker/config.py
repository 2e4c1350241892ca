"""Configuration: ``[tool.mtlint]`` in pyproject.toml or a ``.mtlint.toml``, found from the checked path upwards.

Keys (kebab-case, as in Ruff): ``lang``, ``select``, ``ignore``, ``severity``
(rule → severity), ``rules`` (extra pack directories, relative to the file),
``include``, ``exclude``, ``min-severity``, ``fail-on``, ``fail-under``,
``weights``, ``french-spacing``, and ``[[overrides]]`` with ``paths`` globs plus ``lang``,
``select``, ``ignore`` and ``severity``. Command-line options win. A bad value
raises ConfigError naming the file and the key.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.dataclass import dataclass, field, replace
from checker.errors import ConfigError, UsageError
from checker.finding import DEFAULT_WEIGHTS, Severity

CONFIG_NAMES = (".mtlint.toml", "mtlint.toml", "pyproject.toml")
#: Default time budget of one file, in seconds.
DEFAULT_TIMEOUT = 30.0
#: MiB a worker process may grow before it is replaced (checker/parallel.py).
DEFAULT_WORKER_MEMORY = 16
DEFAULT_INCLUDE = ("*.txt", "*.md")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")


@dataclass(frozen=True)
class Override:
    """Settings that apply to files matching some globs."""

    paths: tuple[str, ...]
    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    #: Extra vocabulary directories for these paths (accept.txt, reject.txt; see checker/vocab.py).
    vocab: tuple[Path, ...] = ()

    def matches(self, relpath: str) -> bool:
        """True when a path (relative to the configuration's directory, with /) matches a glob."""
        from checker.globs import matches

        return matches(relpath, self.paths)


@dataclass(frozen=True)
class Config:
    """Resolved settings for one run."""

    path: Path | None = None
    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rules: tuple[Path, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    fail_on: Severity = Severity.MINOR
    fail_under: float | None = None
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    overrides: tuple[Override, ...] = ()
    #: Seconds one file may take before it becomes an error entry (0: no limit).
    timeout: float = DEFAULT_TIMEOUT
    #: MiB a checking process may grow before a fresh one replaces it (0: never; checker/parallel.py).
    worker_memory: int = DEFAULT_WORKER_MEMORY
    #: Values that override pack settings for every document (``french-spacing`` → ``french_spacing``).
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: Vocabulary directories (accept.txt, reject.txt), relative paths resolved (checker/vocab.py).
    vocab: tuple[Path, ...] = ()
    #: Language of messages and explanations (``fr``, ``en``); None: the article's, else English.
    message_lang: str | None = None

    @property
    def root(self) -> Path:
        """The directory paths in the configuration are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def for_path(self, path: Path) -> Config:
        """This configuration with the overrides matching `path` applied."""
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root, a symlink loop, a name too long
            rel = path.as_posix()
        out = self
        for ov in self.overrides:
            if ov.matches(rel):
                out = replace(
                    out,
                    lang=ov.lang or out.lang,
                    select=ov.select if ov.select is not None else out.select,
                    ignore=out.ignore + ov.ignore,
                    severity={**out.severity, **ov.severity},
                    vocab=out.vocab + ov.vocab,
                )
        return out


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from `start` (a file or directory) upwards, or None."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    import tomllib  # here, not at the top: a run without a configuration file does not need it

    try:
        with path.open("rb") as fh:
            tool = tomllib.load(fh).get("tool", {})
    except (OSError, ValueError):  # unreadable, invalid TOML or not UTF-8: not ours to judge here
        return False
    return isinstance(tool, dict) and "mtlint" in tool


def load_config(path: Path) -> Config:
    """Parse and validate a configuration file."""
    import tomllib

    name = str(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(name, "-", "no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(name, "-", f"invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(name, "-", f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from None
    except OSError as exc:
        raise ConfigError(name, "-", exc.strerror or str(exc)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(name, "tool", "must be a table")
        data = tool.get("mtlint", {})
        if not isinstance(data, dict):
            raise ConfigError(name, "tool.mtlint", "must be a table")
        prefix = "tool.mtlint."
    else:
        data = data.get("mtlint", data) if isinstance(data.get("mtlint"), dict) else data
        prefix = ""
    return parse_config(data, path, prefix)


_KEYS = {
    "lang", "select", "ignore", "severity", "rules", "include", "exclude", "min-severity",
    "fail-on", "fail-under", "weights", "overrides", "timeout", "worker-memory", "french-spacing",
    "vocab", "message-lang",
}
#: Typography conventions of the French spacing rules (checker/kinds/spacing_convention.py).
FRENCH_SPACING = ("auto", "france", "swiss", "quebec", "none")


def parse_config(data: Mapping[str, Any], path: Path, prefix: str = "") -> Config:
    """Validate a configuration table (already read from `path`)."""
    name = str(path)

    def err(key: str, problem: str) -> ConfigError:
        return ConfigError(name, prefix + key, problem)

    for key in data:
        if key not in _KEYS:
            raise err(key, f"unknown key (known: {', '.join(sorted(_KEYS))})")
    kw: dict[str, Any] = {"path": path}
    if "lang" in data:
        kw["lang"] = _lang(data["lang"], err, "lang")
    for key in ("select", "ignore", "include", "exclude"):
        if key in data:
            kw[key] = _strings(data[key], err, key)
    if "include" in kw and not kw["include"]:
        raise err("include", "is empty: no file would be checked (leave it out for the default *.txt, *.md)")
    if "severity" in data:
        kw["severity"] = _severities(data["severity"], err, "severity")
    if "rules" in data:
        kw["rules"] = tuple((path.parent / p) for p in _strings(data["rules"], err, "rules"))
        for p in kw["rules"]:
            if not p.is_dir():
                raise err("rules", f"{p} is not a directory")
    for key, attr in (("min-severity", "min_severity"), ("fail-on", "fail_on")):
        if key in data:
            kw[attr] = _severity(data[key], err, key)
    if "fail-under" in data:
        value = data["fail-under"]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
            raise err("fail-under", "must be a number from 0 to 100")
        kw["fail_under"] = float(value)
    if "weights" in data:
        kw["weights"] = parse_weights(data["weights"], err)
    if "timeout" in data:
        value = data["timeout"]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
            raise err("timeout", "must be a number of seconds (0: no limit)")
        kw["timeout"] = float(value)
    if "worker-memory" in data:
        value = data["worker-memory"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise err("worker-memory", "must be a whole number of MiB (0: never replace the checking process)")
        kw["worker_memory"] = value
    if "overrides" in data:
        kw["overrides"] = _overrides(data["overrides"], err, path.parent)
    if "french-spacing" in data:
        value = data["french-spacing"]
        if not isinstance(value, str) or value.lower() not in FRENCH_SPACING:
            raise err("french-spacing", f"must be one of {', '.join(FRENCH_SPACING)}")
        kw["settings"] = {"french_spacing": value.lower()}
    if "vocab" in data:
        kw["vocab"] = _vocab_dirs(data["vocab"], err, "vocab", path.parent)
    if "message-lang" in data:
        from checker.messages import message_language

        try:
            kw["message_lang"] = message_language(data["message-lang"])
        except UsageError as exc:
            raise err("message-lang", str(exc)) from None
    return Config(**kw)


def _vocab_dirs(value: Any, err: Any, key: str, base: Path) -> tuple[Path, ...]:
    """Vocabulary directories, relative to the configuration file; one that exists must be a directory."""
    dirs = tuple(base / p for p in _strings(value, err, key))
    for d in dirs:
        if d.exists() and not d.is_dir():
            raise err(key, f"{d} is not a directory (it should hold accept.txt and reject.txt)")
    return dirs


def parse_weights(value: Any, err: Any) -> dict[str, float]:
    """Severity weights: a table of severity → non-negative number; missing ones keep their default."""
    if not isinstance(value, Mapping):
        raise err("weights", "must be a table such as {major = 5, minor = 1}")
    out = dict(DEFAULT_WEIGHTS)
    for sev, w in value.items():
        if sev not in out:
            raise err(f"weights.{sev}", "unknown severity")
        if not isinstance(w, (int, float)) or isinstance(w, bool) or not math.isfinite(w) or w < 0:
            raise err(f"weights.{sev}", "must be a finite non-negative number")
        out[sev] = float(w)
    return out


def _lang(value: Any, err: Any, key: str) -> str:
    from checker.lang import normalize

    if not isinstance(value, str):
        raise err(key, "must be a language tag or name")
    try:
        return normalize(value)
    except UsageError as exc:
        raise err(key, str(exc)) from None


def _strings(value: Any, err: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise err(key, "must be a list of strings")
    return tuple(value)


def _severity(value: Any, err: Any, key: str) -> Severity:
    try:
        return Severity.parse(value if isinstance(value, str) else repr(value))
    except ValueError as exc:
        raise err(key, str(exc)) from None


def _severities(value: Any, err: Any, key: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise err(key, "must be a table of rule = severity")
    return {str(k): _severity(v, err, f"{key}.{k}") for k, v in value.items()}


def _overrides(value: Any, err: Any, base: Path | None = None) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise err("overrides", "must be an array of tables ([[overrides]])")
    out = []
    for i, item in enumerate(value):
        key = f"overrides[{i}]"
        if not isinstance(item, Mapping):
            raise err(key, "must be a table")
        unknown = set(item) - {"paths", "lang", "select", "ignore", "severity", "vocab"}
        if unknown:
            raise err(f"{key}.{sorted(unknown)[0]}", "unknown key")
        if "paths" not in item:
            raise err(f"{key}.paths", "required")
        out.append(
            Override(
                paths=_strings(item["paths"], err, f"{key}.paths"),
                lang=_lang(item["lang"], err, f"{key}.lang") if "lang" in item else None,
                select=_strings(item["select"], err, f"{key}.select") if "select" in item else None,
                ignore=_strings(item.get("ignore", []), err, f"{key}.ignore"),
                severity=_severities(item.get("severity", {}), err, f"{key}.severity"),
                vocab=_vocab_dirs(item["vocab"], err, f"{key}.vocab", base or Path.cwd()) if "vocab" in item else (),
            )
        )
    return tuple(out)


def select_rules(rules: Sequence[Any], select: Sequence[str] | None, ignore: Sequence[str]) -> list[Any]:
    """Rules chosen by select/ignore selectors: code, code prefix, rule name, category or ALL.

    Without `select`, every rule enabled by default runs; a rule with ``enabled = false``
    runs only when a selector names its code or name exactly.
    """

    def hits(rule: Any, selector: str, exact: bool = False) -> bool:
        s = selector.strip()
        if s.upper() == "ALL":
            return not exact
        if s in (rule.code, rule.name):
            return True
        if exact:
            return False
        return s == rule.category or (s.upper() == s and rule.code.startswith(s))

    out = []
    for rule in rules:
        if select is None:
            chosen = rule.enabled
        else:
            chosen = any(hits(rule, s, exact=not rule.enabled) for s in select)
        if chosen and not any(hits(rule, s) for s in ignore):
            out.append(rule)
    return out


def unknown_selectors(rules: Sequence[Any], selectors: Sequence[str]) -> list[str]:
    """Selectors that match no rule at all (likely typos)."""
    from checker.finding import CATEGORIES

    out = []
    for s in selectors:
        s = s.strip()
        if s.upper() == "ALL" or s in CATEGORIES:
            continue
        if not any(s in (r.code, r.name) or (s.upper() == s and r.code.startswith(s)) for r in rules):
            out.append(s)
    return out
