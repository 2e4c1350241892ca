"""Resuming a run over plain files: ``mtlint check PATHS --format jsonl -o OUT --resume``.

The key of a file is its path as the output shows it plus the SHA-256 of its bytes
(each entry written with ``--resume`` carries ``sha256``). On resume:

- OUT is read once; a torn last line (a run killed while writing it) is cut off, and
  so is a trailing summary;
- a file whose path and content hash are already in OUT is skipped;
- any other file is checked and its line appended (written whole and flushed, so a
  run killed at any moment leaves OUT readable up to its last whole line). A file whose
  content changed, an earlier error entry, or an entry written without ``--resume``
  (no hash) is checked again;
- **the last line of a path wins.** While a run is going, OUT may hold an older line of
  a path followed by a newer one. When the run completes, the older lines are removed
  (OUT is rewritten under a temporary name and renamed, so a stop at that moment
  leaves the previous OUT whole) and one summary line ends the file, counting each path
  once. Entries of paths this run did not meet (a file deleted since) are kept.

Standard input has no path to resume by: it is always checked.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checker.cachedir import make_temp
from checker.dataclass import dataclass, field
from checker.errors import UsageError
from checker.flatstore import sha256

if TYPE_CHECKING:  # pragma: no cover
    from checker.files import Target
    from checker.parallel import Totals
    from checker.report import FileReport
    from checker.runner import Runner

__all__ = ["FileResume", "check_files_resumed", "file_sha256"]

_BLOCK = 1 << 20


def file_sha256(path: str | os.PathLike[str]) -> str | None:
    """The SHA-256 of a file's bytes (read by blocks), or None when it cannot be read."""
    digest = sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(_BLOCK), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass
class FileResume:
    """What an earlier output holds, by path, and which of its lines a newer line replaces."""

    path: Path
    #: For each path: the content hash of its last line (None: no hash) and that line's number (0-based).
    latest: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    superseded: set[int] = field(default_factory=set)
    lines: int = 0  # whole lines in OUT (entries, summaries and unreadable lines alike)
    dropped_torn: bool = False
    checked: int = 0
    skipped: int = 0

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> FileResume:
        """Read OUT (which need not exist); a torn last line and a trailing summary are cut off in place."""
        from checker.records import OutputScan, is_summary, scan_output

        state = cls(Path(path))
        scan = OutputScan()
        for entry in scan_output(state.path, scan):
            if isinstance(entry, dict) and isinstance(entry.get("path"), str) and not is_summary(entry):
                sha = entry.get("sha256") if isinstance(entry.get("sha256"), str) else None
                state.replace(entry["path"], sha, state.lines)
            else:
                state.superseded.add(state.lines)  # not an entry: dropped when the run completes
            state.lines += 1
        # Summaries ending OUT were cut off by scan_output: they are no lines of OUT any more.
        state.superseded -= set(range(scan.kept, state.lines))
        state.lines = scan.kept
        state.dropped_torn = scan.dropped_torn
        return state

    def replace(self, path: str, sha: str | None, line: int) -> None:
        """Line number ``line`` is now the last line of ``path``."""
        old = self.latest.get(path)
        if old is not None:
            self.superseded.add(old[1])
        self.latest[path] = (sha, line)

    def is_done(self, display: str, sha: str | None) -> bool:
        """True when OUT already holds this path with this content hash."""
        old = self.latest.get(display)
        return sha is not None and old is not None and old[0] == sha

    def pending(self, targets: Iterable[Target], sent: deque[str | None]) -> Iterator[Target]:
        """The targets still to check, in order; the hash of each one yielded is appended to ``sent``."""
        for target in targets:
            sha = None
            if target.problem is None and target.path is not None:
                sha = file_sha256(target.path)
                if self.is_done(target.display, sha):
                    self.skipped += 1
                    continue
            sent.append(sha)
            yield target

    def written(self, display: str, sha: str | None) -> None:
        """A new line for ``display`` was appended to OUT."""
        self.replace(display, sha, self.lines)
        self.lines += 1
        self.checked += 1

    def finish(self, totals: Totals) -> None:
        """Count OUT's current entries into ``totals``, remove the superseded lines, and end OUT with the summary.

        OUT is rewritten (to a temporary file renamed over it) only when some line is superseded."""
        from checker.records import entry_as_report, is_summary

        compact = bool(self.superseded)
        tmp: str | None = None
        try:
            with open(self.path, "rb") as src, contextlib.ExitStack() as stack:
                dst = None
                if compact:
                    fd, tmp = make_temp(self.path.parent or Path("."), f".{self.path.name}.", ".part")
                    dst = stack.enter_context(os.fdopen(fd, "wb"))
                for number, raw in enumerate(src):
                    if number in self.superseded or not raw.endswith(b"\n"):
                        continue
                    try:
                        entry = json.loads(raw)
                    except ValueError:
                        continue
                    if not isinstance(entry, dict) or is_summary(entry):
                        continue
                    totals.add(entry_as_report(entry))
                    if dst is not None:
                        dst.write(raw)
                summary = (json.dumps({"summary": totals.summary()}, ensure_ascii=False) + "\n").encode("utf-8")
                if dst is not None:
                    dst.write(summary)
                    dst.flush()
                    os.fsync(dst.fileno())
            if tmp is not None:
                os.replace(tmp, self.path)
                tmp = None
            else:
                with open(self.path, "ab") as fh:
                    fh.write(summary)
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _with_hash(line: str, sha: str | None) -> str:
    """The entry's JSON line with ``"sha256"`` added last (the line is a JSON object without that key)."""
    if sha is None:
        return line
    assert line.endswith("}")
    return f'{line[:-1]}, "sha256": "{sha}"}}'


def check_files_resumed(
    runner: Runner, targets: Iterable[Target], jobs: int, output: str, err: TextIO, *,
    progress_flag: bool | None = None, report_errors: Any = None,
) -> int:
    """``--format jsonl -o OUT --resume`` over files: skip those already in OUT, append the others; the exit code."""
    from checker.parallel import Totals, check_all
    from checker.progress import progress, wants_progress

    state = FileResume.load(output)
    if state.dropped_torn:
        err.write(f"mtlint: {output}: dropped a torn last line (the previous run was stopped while writing it)\n")
    sent: deque[str | None] = deque()
    try:
        stream = open(output, "a", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    with stream:
        results = check_all(runner, state.pending(targets, sent), jobs=jobs, as_lines=True)
        report: FileReport
        for report, line in progress(results, enabled=wants_progress(progress_flag, err), stream=err, unit="files"):
            sha = sent.popleft()
            if report_errors is not None:
                report_errors(report, err)
            assert line is not None
            try:
                stream.write(_with_hash(line, sha) + "\n")  # one whole line, flushed: a kill leaves whole lines
                stream.flush()
            except OSError as exc:
                raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
            state.written(report.path, sha)
    totals = Totals()
    state.finish(totals)
    return totals.exit_code
