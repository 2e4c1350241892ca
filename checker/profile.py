"""``--profile`` (or ``MTLINT_PROFILE=1``): where a run's time goes, per phase and per rule.

Off by default and then free (one attribute test per rule call). When on, the
engine times every rule on every document and the runner times each phase of a
file (reading, language detection, comparison, rules, fixes, scoring); the
command line adds start-up, loading and output, and prints the table on standard
error at the end. With ``--jobs`` the workers' own time is not collected: profile
with one job. ``MTLINT_PROFILE_TOP=N`` lists the N most expensive rules (default 25; 0: all).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Profile:
    """Accumulated seconds per phase and per rule code, with call counts."""

    def __init__(self) -> None:
        self.enabled = bool(os.environ.get("MTLINT_PROFILE"))
        self.phases: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def reset(self, enabled: bool) -> None:
        self.__init__()  # type: ignore[misc]
        self.enabled = enabled or self.enabled

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time a block as phase `name` (nothing when profiling is off)."""
        if not self.enabled:
            yield
            return
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] += time.perf_counter() - start

    def add_rule(self, code: str, name: str, seconds: float) -> None:
        self.rules[code] += seconds
        self.calls[code] += 1
        self.names[code] = name

    def render(self, stream: TextIO, top: int | None = None) -> None:
        """The table: phases in order of cost, then the `top` most expensive rules (25, or
        ``MTLINT_PROFILE_TOP``; 0 lists every rule)."""
        if top is None:
            try:
                top = int(os.environ.get("MTLINT_PROFILE_TOP", "25"))
            except ValueError:
                top = 25
        total = sum(self.phases.values())
        stream.write("mtlint profile (seconds; --jobs workers not included)\n")
        for name, secs in self.phases.most_common():
            stream.write(f"  {name:<22} {secs:8.3f}  {100 * secs / total if total else 0:5.1f}%\n")
        rules_total = sum(self.rules.values())
        stream.write(f"  rules, by cost (all rules: {rules_total:.3f} s)\n")
        for code, secs in self.rules.most_common(top or None):
            per = 1000 * secs / max(self.calls[code], 1)
            stream.write(f"    {code:<8} {self.names.get(code, ''):<28} {secs:8.3f}  {per:7.2f} ms/doc\n")


#: The process's profile (workers have their own copy and do not report it).
PROFILE = Profile()
