"""Record input: archives exported as JSON Lines (or Parquet), each record checked as one article.

A record is one line of a JSON Lines file (or one row of a Parquet file) holding an
article's text and, optionally, an id, a language and a path. Each becomes one entry of
the ``--format jsonl`` stream, exactly as a file would, plus ``id``, ``sha256`` (of the
text, UTF-8) and ``line`` (1-based line, or row, of the record in its file).

A record that cannot be checked (not JSON, not an object, no text field, a text that
is not a string, an unknown language) becomes an error entry named ``FILE:LINE`` and
the run goes on. Reading is streamed: memory does not grow with the file.

Resuming (``--resume``) reads an earlier output, drops a torn last line (a run killed in
the middle of a write), and skips the records whose key is already there: the id when
the record has one, else its path and the SHA-256 of its text, else (an error entry)
its ``FILE:LINE`` name.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from checker.dataclass import dataclass, field
from checker.files import Target
from checker.flatstore import sha256 as _sha256
from checker.report import FileReport

if TYPE_CHECKING:  # pragma: no cover
    from checker.linter import Linter
    from checker.parallel import Totals

__all__ = ["Fields", "RecordTarget", "check_records_local", "done_keys", "entry_key", "read_records"]

#: Suffixes read as Parquet (anything else is JSON Lines).
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True)
class Fields:
    """Which field of a record holds what (``--text-field`` and friends); ``path`` None: no path field."""

    text: str = "text"
    id: str | None = "id"
    lang: str | None = "lang"
    path: str | None = None


#: The default fields: ``text``, ``id``, ``lang``, no path.
DEFAULT_FIELDS = Fields()


@dataclass(frozen=True)
class RecordTarget(Target):
    """A record to check: a Target (so that the parallel workers carry it) with the record's fields."""

    line: int = 0
    text: str | None = None
    record_id: Any = None
    lang: str | None = None
    record_path: str | None = None
    encoding: str | None = None  # the legacy encoding detected for this line (--encoding auto)
    extra_keys: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """What identifies this record in an output (see ``entry_key``)."""
        if self.problem is None and self.record_id is not None:
            return "id\0" + json.dumps(self.record_id, ensure_ascii=False, sort_keys=True)
        if self.problem is None and self.text is not None:
            return "sha\0" + (self.record_path or "") + "\0" + sha256(self.text)
        return "path\0" + self.display


def sha256(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes, in hex (surrogates escaped, never an error)."""
    return _sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry_key(entry: dict[str, Any]) -> str:
    """The key of one output entry; equal to ``RecordTarget.key`` of the record that produced it."""
    if entry.get("id") is not None:
        return "id\0" + json.dumps(entry["id"], ensure_ascii=False, sort_keys=True)
    if entry.get("sha256"):
        return "sha\0" + (entry.get("record_path") or "") + "\0" + entry["sha256"]
    return "path\0" + str(entry.get("path"))


def _name(source: str, line: int) -> str:
    return f"{source}:{line}"


def _bad(source: str, line: int, code: str, message: str) -> RecordTarget:
    name = _name(source, line)
    return RecordTarget(name, Path(source), (code, message), line=line)


def parse_line(raw: bytes, source: str, line: int, fields: Fields, encoding: str = "utf-8") -> RecordTarget | None:
    """One JSON Lines record (None for a blank line); a bad record is a target with a problem."""
    if not raw.strip():
        return None
    used = None
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if encoding != "auto":
            return _bad(source, line, "encoding",
                        f"record is not valid UTF-8 (byte {exc.start}: {exc.reason}); try --encoding auto")
        from checker.encoding import decode_legacy

        decoded = decode_legacy(raw)
        if decoded is None:
            return _bad(source, line, "encoding", "record is neither UTF-8 nor a legacy encoding mtlint recognises")
        data, used = decoded
    try:
        record = json.loads(data)
    except ValueError as exc:
        return _bad(source, line, "record", f"not a JSON record ({exc})")
    return make_target(record, source, line, fields, used)


def make_target(record: Any, source: str, line: int, fields: Fields, encoding: str | None = None) -> RecordTarget:
    """A target for one decoded record (a JSON object or a Parquet row as a dict)."""
    if not isinstance(record, dict):
        return _bad(source, line, "record", f"not a JSON object but {type(record).__name__}")
    if fields.text not in record:
        return _bad(source, line, "record", f"no {fields.text!r} field")
    text = record[fields.text]
    if not isinstance(text, str):
        return _bad(source, line, "record", f"field {fields.text!r} is {type(text).__name__}, not a string")
    rid = record.get(fields.id) if fields.id else None
    if rid is not None and not isinstance(rid, (str, int)):
        return _bad(source, line, "record", f"field {fields.id!r} is {type(rid).__name__}, not a string or integer")
    lang = record.get(fields.lang) if fields.lang else None
    if lang is not None and not isinstance(lang, str):
        return _bad(source, line, "record", f"field {fields.lang!r} is {type(lang).__name__}, not a string")
    rpath = record.get(fields.path) if fields.path else None
    if rpath is not None and not isinstance(rpath, str):
        return _bad(source, line, "record", f"field {fields.path!r} is {type(rpath).__name__}, not a string")
    display = rpath or (str(rid) if rid is not None else _name(source, line))
    return RecordTarget(display, Path(source), None, line=line, text=text, record_id=rid,
                        lang=lang or None, record_path=rpath, encoding=encoding)


def read_records(
    path: str, fields: Fields = DEFAULT_FIELDS, *, encoding: str = "utf-8",
    start: int = 0, end: int | None = None, first_line: int = 1,
) -> Iterator[RecordTarget]:
    """The records of a JSON Lines file (or of a Parquet file), streamed.

    ``start``/``end`` are byte offsets at line starts (a Dask partition) and
    ``first_line`` the number of the line at ``start``. A file that cannot be opened
    gives one error target named after it.
    """
    if path.lower().endswith(PARQUET_SUFFIXES):
        yield from _read_parquet(path, fields)
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, and kept open across yields
    except OSError as exc:
        yield RecordTarget(path, Path(path), ("unreadable", exc.strerror or str(exc)))
        return
    with fh:
        if start:
            fh.seek(start)
        position = start
        number = first_line
        while end is None or position < end:
            try:
                raw = fh.readline()
            except OSError as exc:
                yield RecordTarget(_name(path, number), Path(path), ("unreadable", exc.strerror or str(exc)), line=number)
                return
            if not raw:
                return
            position += len(raw)
            target = parse_line(raw, path, number, fields, encoding)
            if target is not None:
                yield target
            number += 1


def _read_parquet(path: str, fields: Fields) -> Iterator[RecordTarget]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield RecordTarget(path, Path(path), ("unsupported", "reading Parquet needs pyarrow: pip install 'mtlint[archives]'"))
        return
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds; the file gets an error entry
        yield RecordTarget(path, Path(path), ("unreadable", f"not a readable Parquet file ({exc})"))
        return
    names = [n for n in (fields.text, fields.id, fields.lang, fields.path) if n and n in table.schema_arrow.names]
    row = 0
    for batch in table.iter_batches(batch_size=256, columns=names or None):
        for record in batch.to_pylist():
            row += 1
            yield make_target(record, path, row, fields)


# ------------------------------------------------------------------ checking


class RecordRunner:
    """What ``checker.parallel.check_all`` needs of a runner, checking RecordTargets with a Linter.

    The workers are forked from the process holding it, so each inherits the warm Linter.
    """

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.runner = linter.runner
        self.config = linter.config

    @property
    def selected_codes(self) -> set[str]:
        return self.runner.selected_codes

    def running_rule(self) -> str | None:
        return self.runner.running_rule()

    def check_target(self, target: Target) -> FileReport:
        if not isinstance(target, RecordTarget) or target.problem is not None:
            code, message = target.problem or ("internal", "not a record")
            return FileReport(target.display, error=(code, message), passed=False,
                              extra={"line": target.line} if isinstance(target, RecordTarget) else {})
        return check_record(self.linter, target)


def record_extra(target: RecordTarget) -> dict[str, Any]:
    """The fields a record's entry adds to a file entry."""
    assert target.text is not None
    extra: dict[str, Any] = {"id": target.record_id, "sha256": sha256(target.text), "line": target.line}
    if target.record_path is not None:
        extra["record_path"] = target.record_path
    if target.encoding is not None:
        extra["encoding"] = target.encoding
    return extra


def check_record(linter: Linter, target: RecordTarget) -> FileReport:
    """Check one good record; a language the linter cannot judge becomes the entry's error."""
    from checker.errors import UsageError

    assert target.text is not None
    extra = record_extra(target)
    try:
        report = linter.check_text(target.text, lang=target.lang, path=target.display)
    except UsageError as exc:
        return FileReport(target.display, error=("lang", str(exc)), passed=False, extra=extra)
    report.extra.update(extra)
    return report


def check_lines(
    linter: Linter, targets: Iterable[RecordTarget], *, jobs: int = 1,
) -> Iterator[tuple[FileReport, str]]:
    """(report, JSON line) for each record in order; ``jobs`` > 1 forks workers (``checker.parallel``).

    An entry the workers built without the record's fields (a crash, a time-out) gets
    them back here, so that it still carries the id and resumes correctly.
    """
    from checker.parallel import check_all, jsonl_line

    sent: deque[RecordTarget] = deque()

    def remember() -> Iterator[Target]:
        for t in targets:
            sent.append(t)
            yield t

    for report, line in check_all(RecordRunner(linter), remember(), jobs=jobs, as_lines=True):  # type: ignore[arg-type]
        target = sent.popleft()
        if "line" not in report.extra:
            if target.problem is None and target.text is not None:
                report.extra.update(record_extra(target))
            else:
                report.extra["line"] = target.line
            line = jsonl_line(report)
        assert line is not None
        yield report, line


def check_records_local(
    linter: Linter, sources: Iterable[str], fields: Fields = DEFAULT_FIELDS, *,
    jobs: int = 1, encoding: str = "utf-8", skip: set[str] | frozenset[str] = frozenset(),
) -> Iterator[tuple[FileReport, str]]:
    """Every record of every source file, checked on this machine, minus those whose key is in ``skip``."""

    def wanted() -> Iterator[RecordTarget]:
        for source in sources:
            for target in read_records(source, fields, encoding=encoding):
                if target.key not in skip:
                    yield target

    yield from check_lines(linter, wanted(), jobs=jobs)


# ------------------------------------------------------------------ resuming


@dataclass
class Resumed:
    """What an earlier output holds: the keys of its entries and the totals of its entries."""

    keys: set[str] = field(default_factory=set)
    entries: int = 0
    dropped_torn: bool = False


def entry_as_report(entry: dict[str, Any]) -> Any:
    """An object with the attributes ``Totals.add`` reads, from one output entry."""
    issues = entry.get("issues") or []
    error = entry.get("error")
    failures = [SimpleNamespace(code=x.get("code"), rule=x.get("rule"), message=x.get("message"))
                for x in entry.get("rule_errors") or []]
    return SimpleNamespace(
        path=entry.get("path"),
        passed=bool(entry.get("passed")),
        error=None if failures or not isinstance(error, dict) else (error.get("code"), error.get("message")),
        failures=failures,
        findings=[SimpleNamespace(severity=SimpleNamespace(value=i.get("severity")), category=i.get("category"))
                  for i in issues],
        score=entry.get("score"),
    )


def is_summary(entry: Any) -> bool:
    """True for the summary line of a JSON Lines output (it has no path)."""
    return isinstance(entry, dict) and "summary" in entry and "path" not in entry


@dataclass
class OutputScan:
    """What ``scan_output`` found: whether a torn last line was cut, and how many whole lines remain."""

    dropped_torn: bool = False
    kept: int = 0


def scan_output(path: str | os.PathLike[str], scan: OutputScan) -> Iterator[Any]:
    """Each whole line of an earlier JSON Lines output, parsed (None when it is not JSON), in order.

    Once the lines are exhausted the file is repaired in place for ``--resume``: a last line
    without its newline (a run killed while writing it) is cut off, and so is a run of summary
    lines ending the file (a new summary is written at the end); ``scan`` says what was kept.
    A missing file yields nothing.
    """
    try:
        fh = open(path, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return
    except OSError as exc:
        from checker.errors import UsageError

        raise UsageError(f"cannot resume from {os.fspath(path)}: {exc.strerror or exc}") from None
    with fh:
        keep = lines = 0  # the end of the last line to keep, and the whole lines read
        summary_at: tuple[int, int] | None = None  # (offset, line) where summaries ending the file start
        while True:
            start = fh.tell()
            raw = fh.readline()
            if not raw:
                break
            if not raw.endswith(b"\n"):
                scan.dropped_torn = True
                break
            keep = fh.tell()
            try:
                entry = json.loads(raw)
            except ValueError:
                entry = None
            if not is_summary(entry):
                summary_at = None
            elif summary_at is None:
                summary_at = (start, lines)
            lines += 1
            yield entry
        if summary_at is not None:
            keep, lines = summary_at
        scan.kept = lines
        fh.seek(0, os.SEEK_END)
        if fh.tell() != keep:
            fh.truncate(keep)


def done_keys(path: str | os.PathLike[str], totals: Totals | None = None) -> Resumed:
    """Read an earlier JSON Lines output for ``--resume``; the file is repaired in place (``scan_output``).

    A line that is not a JSON object, or a summary, is ignored. Entries are counted into ``totals``.
    """
    done = Resumed()
    scan = OutputScan()
    for entry in scan_output(path, scan):
        if not isinstance(entry, dict) or is_summary(entry):
            continue
        done.keys.add(entry_key(entry))
        done.entries += 1
        if totals is not None:
            totals.add(entry_as_report(entry))
    done.dropped_torn = scan.dropped_torn
    return done


def count_lines(paths: Iterable[str]) -> int | None:
    """Lines (records) in the given JSON Lines files, for a progress bar's total; None when unknown."""
    total = 0
    for path in paths:
        if path.lower().endswith(PARQUET_SUFFIXES):
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:  # noqa: BLE001 - the reader reports the problem
                return None
            continue
        try:
            with open(path, "rb") as fh:
                last = b"\n"
                for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except OSError:
            return None
    return total
