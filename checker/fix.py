"""Fixes: apply the first suggestion of findings whose rule is ``autofix``.

A rule is ``autofix`` when its first suggestion is always safe to apply
(mechanical, meaning-preserving: invisible characters, doubled spaces, mojibake,
French spacing). Edits never overlap: in file order, an edit that overlaps one
already chosen waits for the next pass; the chosen ones are applied from the
end of the text backwards so that earlier offsets stay valid. Passes repeat
until nothing is left to fix, so a second ``--fix`` changes nothing.

Nothing is written unless the user asked for a fix: files are replaced
atomically (temporary file in the same directory, then ``os.replace``), keeping
the BOM and the line endings as they were.
"""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from checker.cachedir import make_temp
from checker.dataclass import dataclass, field
from checker.document import Document
from checker.errors import InputError
from checker.finding import Finding, Severity

if TYPE_CHECKING:
    from checker.engine import Engine, Result
    from checker.report import RunReport

#: Passes before giving up on reaching a fixed point (two fixes undoing each other).
MAX_PASSES = 10
_BOM = b"\xef\xbb\xbf"
#: How a run names standard input (checker.files).
STDIN = "<stdin>"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str
    code: str


@dataclass
class FixOutcome:
    """What fixing one file did: the text before and after, and how many edits were applied."""

    before: str
    after: str
    applied: int = 0
    written: bool = False
    #: Temporary files of an earlier killed ``--fix`` that were removed.
    cleaned: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the fixed text differs from the original."""
        return self.after != self.before


def plan(findings: Iterable[Finding], autofix: set[str]) -> list[Edit]:
    """Non-overlapping edits for the autofix findings, in file order."""
    edits: list[Edit] = []
    last_end = -1
    for f in sorted(findings, key=Finding.sort_key):
        if f.code not in autofix or not f.suggestions or f.suggestions[0] == f.text:
            continue
        if f.start < last_end:
            continue  # overlaps an edit already chosen: the next pass sees it again
        edits.append(Edit(f.start, f.end, f.suggestions[0], f.code))
        last_end = f.end
    return edits


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with the (non-overlapping) edits applied, the last one first."""
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.new + text[e.end:]
    return text


def fix_document(
    doc: Document,
    findings: list[Finding],
    check: Callable[[Document], list[Finding]],
    autofix: set[str],
) -> tuple[Document, list[Finding], FixOutcome]:
    """Fix `doc` until no autofix finding is left (or MAX_PASSES); returns the last document and its findings.

    `findings` are those of `doc`; `check` gives the (reportable) findings of a new document.
    """
    outcome = FixOutcome(doc.text, doc.text)
    for _ in range(MAX_PASSES):
        edits = plan(findings, autofix)
        if not edits:
            break
        text = apply_edits(doc.text, edits)
        if text == doc.text:
            break
        outcome.applied += len(edits)
        doc = rebuild(doc, text)
        findings = check(doc)
    outcome.after = doc.text
    return doc, findings, outcome


def rebuild(doc: Document, text: str) -> Document:
    """A Document like `doc` (path, language, Markdown or not, source alignment) for another text."""
    new = Document(text, doc.path, doc.lang, markdown=doc.markdown)
    from checker.compare import SOURCE_KEY, attach_source, source_of

    source = source_of(doc)
    if source is not None and SOURCE_KEY in doc.cache:
        attach_source(new, source.source.text, source.source.lang, path=source.source.path)
    return new


#: Suffix of the temporary file a fix is written to before it replaces the article.
TMP_SUFFIX = ".mtlint-fix"
#: Byte-order marks of encodings other than UTF-8: such files are checked but never rewritten.
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def leftovers(path: Path) -> list[Path]:
    """Temporary files an earlier, killed ``--fix`` left beside `path` (``.NAME.*.mtlint-fix``)."""
    try:
        return sorted(path.parent.glob(f".{glob_escape(path.name)}.*{TMP_SUFFIX}"))
    except OSError:
        return []


def glob_escape(name: str) -> str:
    """`name` with the glob metacharacters escaped."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (where the platform allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_fixed(path: Path, outcome: FixOutcome) -> None:
    """Write the fixed text over the article; InputError (naming it) when that cannot be done safely.

    - A symbolic link is followed: the fix goes to the file it points to, the link stays.
    - The new content is written to a temporary file beside the target, flushed to disk
      and read back; then it replaces the target by an atomic rename, keeping its mode
      and, where allowed, its owner. A file with other hard links is instead rewritten
      in place from the verified copy, so that every link sees the fix.
    - Leftovers of an earlier killed ``--fix`` on this file are removed and listed in
      ``outcome.cleaned``.
    """
    name = str(path)
    try:
        target = Path(os.path.realpath(path))
        data = target.read_bytes()
        st = target.stat()
    except OSError as exc:
        raise InputError(name, "unwritable", f"cannot read back to fix: {exc.strerror or exc}") from None
    if data.startswith(_OTHER_BOMS):
        raise InputError(name, "encoding", "not UTF-8 (UTF-16 or UTF-32): checked, but fixes are only written to UTF-8 files")
    bom = data.startswith(_BOM)
    if data[len(_BOM) if bom else 0:] != outcome.before.encode("utf-8"):
        raise InputError(name, "changed", "changed on disk while being checked; not fixed")
    for old in leftovers(target):
        with contextlib.suppress(OSError):
            old.unlink()
            outcome.cleaned.append(str(old))
    # Text is written as bytes: line endings are exactly those of the fixed string.
    payload = (_BOM if bom else b"") + outcome.after.encode("utf-8")
    try:
        fd, tmp = make_temp(target.parent, f".{target.name}.", TMP_SUFFIX)
    except OSError as exc:
        raise InputError(name, "unwritable", f"cannot write the fix: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if Path(tmp).read_bytes() != payload:
            raise OSError(0, "the fixed copy did not read back identically")
        with contextlib.suppress(OSError):
            os.chmod(tmp, st.st_mode & 0o7777)
        with contextlib.suppress(OSError):
            os.chown(tmp, st.st_uid, st.st_gid)
        if st.st_nlink > 1:
            # Hard links share the inode: rewrite it in place from the verified copy.
            with open(target, "r+b") as fh:
                fh.write(payload)
                fh.truncate()
                fh.flush()
                os.fsync(fh.fileno())
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(name, "unwritable", f"cannot write the fix: {exc.strerror or exc}") from None
    outcome.written = True


def unified_diff(path: str, outcome: FixOutcome) -> str:
    """The unified diff from the original to the fixed text ('' when nothing changes)."""
    if not outcome.changed:
        return ""
    lines = difflib.unified_diff(
        outcome.before.splitlines(keepends=True),
        outcome.after.splitlines(keepends=True),
        # git's a/ b/ prefixes for relative paths (patch -p1); an absolute path stays as it is.
        fromfile=path if path.startswith("/") else f"a/{path}",
        tofile=path if path.startswith("/") else f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fix_in_place(
    engine: Engine, doc: Document, result: Result, min_severity: Severity, path: Path | None
) -> tuple[Document, Result, FixOutcome]:
    """Fix the reportable autofix findings of `result`; write the file at `path` when given and changed.

    Returns the fixed document, its check result (the findings that remain) and the outcome.
    """
    from checker.engine import at_least

    autofix = {r.code for r in engine.rules if r.autofix}
    last = [result]

    def check(d: Document) -> list[Finding]:
        last[0] = engine.check(d)
        return at_least(last[0].findings, min_severity)

    doc, _, outcome = fix_document(doc, at_least(result.findings, min_severity), check, autofix)
    if path is not None and outcome.changed:
        write_fixed(path, outcome)
    return doc, last[0], outcome


def cli_output(report: RunReport, *, diff: bool, quiet: bool, out: TextIO, err: TextIO) -> tuple[int | None, TextIO]:
    """The command line's --diff and --fix output.

    --diff prints the diffs and gives the exit code (1 when there is one). --fix on
    standard input prints the fixed text; the report then goes to standard error.
    Returns (exit code or None to go on reporting, the stream the report goes to).
    """
    for f in report.files:
        for old in f.fix.cleaned if f.fix is not None else ():
            err.write(f"mtlint: {f.path}: removed {old}, left by an earlier --fix that was interrupted\n")
    if diff:
        changed = False
        for f in report.files:
            if f.fix is not None and f.fix.changed:
                changed = True
                if not quiet:
                    out.write(unified_diff(f.path, f.fix))
        return (report.exit_code if report.exit_code == 2 else int(changed)), out
    for f in report.files:
        if f.fix is not None and not f.fix.written and f.path == STDIN:
            out.write(f.fix.after)
            out.flush()
            return None, err
    return None, out
