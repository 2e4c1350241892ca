"""Formats written file by file, as each file is checked (flat memory over any number of files).

A writer gets each ``FileReport`` once, writes (or spools) its part at once and keeps
nothing of the Document, then writes the closing part from the run's summary. The bytes
are exactly those of the format's whole-report ``render`` for the same files
(``tests/test_streaming_formats.py`` compares them on the fixtures).

- ``text`` and ``full``: each file's lines as it comes, the summary at the end.
- ``json``: one JSON document, written incrementally: the header (``schema``, ``tool``,
  ``settings``), each file's object as it comes, then ``summary``. The header names the
  rules that ran, so it is written at the first file whose rules are known for the whole
  run (``head()`` says when); entries that come before are spooled (memory, then disk).
- ``github``: the annotations must come most severe first when GitHub would hide some,
  which only the end of the run tells, so they are spooled (memory, then a temporary
  file) in file order and by severity, and copied out at the end.

``sarif`` (its ``rules`` and ``results`` arrays are cross-indexed over the whole run) and
``html`` (a page whose navigation is built from every file) stay whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import IO, Any, TextIO

from checker.report import FileReport, RunReport, file_dict, report_dict

#: Formats that can be written file by file.
STREAMING_FORMATS = ("text", "full", "json", "github")
#: Bytes a spool keeps in memory before it moves to a temporary file.
SPOOL_MEMORY = 1 << 20


def _spool() -> IO[str]:
    import tempfile  # here: it imports shutil, random and more, and most runs never spool

    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, mode="w+", encoding="utf-8", newline="")


def _copy(spool: IO[str], stream: TextIO) -> None:
    spool.seek(0)
    while True:
        chunk = spool.read(1 << 16)
        if not chunk:
            break
        stream.write(chunk)
    spool.close()


class StreamWriter:
    """One format written file by file: ``file(report)`` for each file, then ``close(summary, fixed)``."""

    def file(self, report: FileReport) -> None:
        """Write (or spool) one file's part; the report's Document is not used afterwards."""
        raise NotImplementedError

    def close(self, summary: Mapping[str, Any], final: RunReport) -> None:
        """Write the end of the report. `summary` is the run's summary (``RunReport.summary``);
        `final` carries the settings of the whole run (its ``files`` may be empty)."""
        raise NotImplementedError


class TextWriter(StreamWriter):
    """``--format text`` (and ``full`` with its own file renderer)."""

    def __init__(self, stream: TextIO, color: bool, render_file: Callable[[FileReport, TextIO, bool], None]) -> None:
        self.stream, self.color, self.render_file = stream, color, render_file

    def file(self, report: FileReport) -> None:
        self.render_file(report, self.stream, self.color)
        self.stream.flush()

    def close(self, summary: Mapping[str, Any], final: RunReport) -> None:
        from checker.formats.text import write_summary

        write_summary(summary, [], self.stream, self.color)
        self.stream.flush()


def _indented(value: Any, level: int) -> str:
    """``value`` as ``json.dump(..., indent=2)`` writes it `level` levels deep (without the leading indent)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level)


class JsonWriter(StreamWriter):
    """``--format json``: the same document as ``json.dump(report.to_dict(), indent=2)``, written as it comes.

    `head()` returns the run's settings (a RunReport, its files ignored) once the rules
    named in ``settings.rules`` can no longer change, else None; until then entries are spooled.
    """

    def __init__(self, stream: TextIO, head: Callable[[], RunReport | None]) -> None:
        self.stream, self.head = stream, head
        self.count = 0
        self.started = False
        self.pending: IO[str] | None = None

    def _start(self, settings: RunReport) -> None:
        top = {k: v for k, v in report_dict(RunReport([], settings.rules, settings.packs, settings.weights,
                                                            settings.fail_on, settings.fail_under)).items()
               if k not in ("files", "summary")}
        text = json.dumps(top, ensure_ascii=False, indent=2)
        assert text.endswith("\n}")
        self.stream.write(text[:-2] + ',\n  "files": [')
        if self.pending is not None:
            _copy(self.pending, self.stream)
            self.pending = None
        self.started = True

    def file(self, report: FileReport) -> None:
        entry = ("\n    " if self.count == 0 else ",\n    ") + _indented(file_dict(report), 2)
        self.count += 1
        if not self.started:
            settings = self.head()
            if settings is not None:
                self._start(settings)
        if self.started:
            self.stream.write(entry)
            self.stream.flush()
            return
        if self.pending is None:
            self.pending = _spool()
        self.pending.write(entry)

    def close(self, summary: Mapping[str, Any], final: RunReport) -> None:
        if not self.started:
            self._start(final)
        self.stream.write(("\n  ]" if self.count else "]") + ',\n  "summary": ' + _indented(dict(summary), 1) + "\n}\n")
        self.stream.flush()


class GithubWriter(StreamWriter):
    """``--format github``: annotations spooled in file order and per severity rank, written at the end
    (most severe first when GitHub would hide some). Also gathers what the step summary shows."""

    def __init__(self, stream: TextIO | None) -> None:
        from checker.formats.github import SummaryParts

        self.stream = stream
        self.in_order: IO[str] | None = _spool() if stream is not None else None
        self.by_rank: dict[int, IO[str]] = {}
        self.per_level: dict[str, int] = {}
        self.parts = SummaryParts()

    def file(self, report: FileReport) -> None:
        from checker.formats.github import annotations_of, command

        self.parts.add(report)
        if self.in_order is None:
            return
        for rank, level, message, props in annotations_of(report):
            line = command(level, message, **props)
            self.per_level[level] = self.per_level.get(level, 0) + 1
            self.in_order.write(line)
            spool = self.by_rank.get(rank)
            if spool is None:
                spool = self.by_rank[rank] = _spool()
            spool.write(line)

    def close(self, summary: Mapping[str, Any], final: RunReport) -> None:
        from checker.formats.github import write_annotations

        if self.stream is None or self.in_order is None:
            return
        ranked = [self.by_rank[r] for r in sorted(self.by_rank, reverse=True)]
        write_annotations(self.per_level, self.in_order, ranked, self.stream)
        for spool in self.by_rank.values():
            if not spool.closed:
                spool.close()
        self.stream.flush()

    def step_summary(self, summary: Mapping[str, Any]) -> str:
        """The Markdown of ``$GITHUB_STEP_SUMMARY`` (as ``checker.formats.github.step_summary``)."""
        return self.parts.markdown(summary)


def writer_for(name: str, stream: TextIO | None, color: bool, head: Callable[[], RunReport | None]) -> StreamWriter:
    """The streaming writer of format `name` (one of STREAMING_FORMATS); `stream` None writes nothing
    (github still gathers its step summary)."""
    if name == "github":
        return GithubWriter(stream)
    assert stream is not None
    if name == "text":
        from checker.formats.text import render_file

        return TextWriter(stream, color, render_file)
    if name == "full":
        from checker.formats.full import render_file as render_full

        return TextWriter(stream, color, render_full)
    if name == "json":
        return JsonWriter(stream, head)
    raise KeyError(name)


__all__ = ["STREAMING_FORMATS", "GithubWriter", "JsonWriter", "StreamWriter", "TextWriter", "writer_for"]
