"""mtlint: a linter for machine-translated and scraped news articles.

The import package is ``checker``; the distribution and the command are ``mtlint``.
Importing this package is cheap: the public names below load their modules on
first use, and heavy libraries load when a rule first needs them.

    from checker import Linter
    report = Linter(lang="fr").check_text("Le ministre a annoncé…")
    report.to_dict()          # the contract's JSON for one file

``docs/API.md`` lists the public API and what may change between versions.
"""

from __future__ import annotations

from checker._version import __version__

# Not ``typing.TYPE_CHECKING``: importing typing costs more than the rest of this module, and
# ``mtlint check --daemon`` (checker.launch) imports nothing else before it hands the run over.
TYPE_CHECKING = False

if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from checker.config import Config
    from checker.errors import ConfigError, InputError, MtlintError, RulePackError, UsageError
    from checker.finding import Finding, Severity
    from checker.linter import Linter
    from checker.options import RunOptions
    from checker.report import FileReport, RunReport

#: Public name → the module that defines it (imported on first access).
_PUBLIC = {
    "Linter": "checker.linter",
    "RunOptions": "checker.options",
    "Config": "checker.config",
    "FileReport": "checker.report",
    "RunReport": "checker.report",
    "Finding": "checker.finding",
    "Severity": "checker.finding",
    "MtlintError": "checker.errors",
    "UsageError": "checker.errors",
    "ConfigError": "checker.errors",
    "InputError": "checker.errors",
    "RulePackError": "checker.errors",
}

__all__ = [
    "Config",
    "ConfigError",
    "FileReport",
    "Finding",
    "InputError",
    "Linter",
    "MtlintError",
    "RulePackError",
    "RunOptions",
    "RunReport",
    "Severity",
    "UsageError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
