"""The exceptions mtlint raises; the CLI turns each into a one-line message."""

from __future__ import annotations

from collections.abc import Sequence


class MtlintError(Exception):
    """Root of every error mtlint reports without a traceback."""


class UsageError(MtlintError):
    """A bad command-line option or argument (exit code 2)."""


class ConfigError(MtlintError):
    """A bad configuration value; the message names the file and the key."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}: {key}: {problem}")


class InputError(MtlintError):
    """A file that cannot be checked (missing, binary, undecodable, unreadable)."""

    def __init__(self, path: str, code: str, message: str) -> None:
        self.path, self.code, self.message = path, code, message
        super().__init__(f"{path}: {message}")


class RulePackError(MtlintError):
    """One or more invalid rule files; every problem is listed, each with its file and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))
