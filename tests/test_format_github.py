"""--format github: GitHub Actions workflow commands, one per finding, escaped as the runner expects."""

from __future__ import annotations

import io
import re
from pathlib import Path

from checker.cli import main
from checker.document import Document
from checker.formats.github import command, escape_data, escape_property

LINE = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    m = LINE.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group("props").split(","))
    return m.group("level"), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group("message"))


def test_escaping() -> None:
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    assert escape_data("%0A") == "%250A"  # % first: never escaped twice, never read back as a newline
    line = command("error", "50%\nfin", file="x, y: z.txt", line=3)
    assert line == "::error file=x%2C y%3A z.txt,line=3::50%25%0Afin\n"


def test_findings_as_annotations(tmp_path: Path) -> None:
    text = "Titre\n\nLe festival ouvre ses portes  le 3 juillet.\nLe ministre a présenté le le projet.\n"
    path = tmp_path / "a, b: c.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    code = main(["check", "--lang", "fr", "--format", "github", "--select", "MT221,MT211", str(path)], out, io.StringIO())
    assert code == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    doc = Document(text, str(path), "fr")
    seen = {}
    for line in lines:
        level, props, message = _parse(line)
        assert props["file"] == str(path)
        code_ = props["title"].split()[0]
        seen[code_] = level
        # The annotation's position is the finding's: the span it covers is the reported text.
        start = doc.line_starts[int(props["line"]) - 1] + int(props["col"]) - 1
        end = doc.line_starts[int(props["endLine"]) - 1] + int(props["endColumn"]) - 1
        assert text[start:end] == ("  " if code_ == "MT221" else "le")
        assert message.endswith("]")
    assert seen == {"MT221": "notice", "MT211": "warning"}


def test_major_is_an_error_and_unreadable_files_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le cafÃ© du port rouvre lundi.\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", "--lang", "fr", "--format", "github", "--select", "MT231", str(path), str(tmp_path / "missing.txt")], out, io.StringIO())
    levels = [_parse(line)[0] for line in out.getvalue().splitlines()]
    assert levels == ["error", "error"]
    assert "missing.txt" in out.getvalue()
