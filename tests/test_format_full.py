"""``--format full``: each finding with its source line and the span underlined."""

from __future__ import annotations

import io
import re

from conftest import ROOT, assert_linear, default_linter, run_cli


def _full(text: str, color: bool = False) -> tuple[str, object]:
    from checker.formats.full import render

    linter = default_linter()
    report = linter.check_text(text, lang="fr")
    buf = io.StringIO()
    render(linter.report([report]), buf, color)
    return buf.getvalue(), report


def test_carets_sit_under_the_span() -> None:
    text = "Titre\n\nLes développeurs d’Al ont publié le le rapport mardi.\n"
    out, report = _full(text)
    blocks = re.findall(r"^(\d+) \| (.*)\n\s+\| ( *)(\^+)", out, flags=re.M)
    assert len(blocks) == len(report.findings) >= 2
    for (line_no, shown, pad, carets), f in zip(blocks, report.findings, strict=True):
        assert int(line_no) == 3
        assert shown[len(pad):len(pad) + len(carets)] == f.text
    assert out.rstrip().splitlines()[-1].startswith("Found ")


def test_long_lines_are_cut_around_the_span() -> None:
    text = "Un texte " * 40 + "puis le le mot " + "suite " * 40
    out, report = _full(text)
    src = [line for line in out.splitlines() if line.startswith("1 | ")]
    assert src and all(len(line) < 160 for line in src)
    assert any("le le" in line for line in src)


def test_colour_only_when_asked() -> None:
    text = "Les développeurs ont publié le le rapport.\n"
    plain, _ = _full(text)
    coloured, _ = _full(text, color=True)
    assert "\033[" not in plain and "\033[" in coloured


def test_cli_full_format() -> None:
    proc = run_cli("check", "--lang", "fr", "--format", "full", str(ROOT / "tests" / "data" / "hostile_article.txt"))
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "\n  |\n" in out or "\n  | " in out
    assert "^^^^" in out


def test_many_findings_on_one_long_line_render_in_linear_time() -> None:
    # Each finding's line end was found by scanning its line: findings × line length.
    from checker.formats.full import render

    linter = default_linter()

    def rendered(report: object) -> None:
        render(report, io.StringIO(), False)

    def make(n: int) -> object:
        return linter.report([linter.check_text("mot  mot ,mot " * n, lang="fr")])

    out, report = _full("mot  mot ,mot " * 3 + "\r\nfin  .\r")
    shown = re.findall(r"^(\d+) \| (.*)$", out, flags=re.M)
    assert shown and {line for _, line in shown} == {"mot  mot ,mot " * 3, "fin  ."}
    assert [int(n) for n, _ in shown] == [report.document.position(f.start)[0] for f in report.findings]
    assert_linear(rendered, make, 400)
