"""``--format html``: structure and escaping (static), then the page in a real headless browser."""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

import pytest
from browser import browser  # noqa: F401  (the fixture)
from conftest import ROOT, run_cli

HOSTILE = ROOT / "tests" / "data" / "hostile_article.txt"
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


@functools.cache
def _linter():  # noqa: ANN202
    from checker import Linter

    return Linter(lang="fr")


def _report(tmp_path: Path, fmt: str, *paths: Path) -> Path:
    """The report of `paths` in `fmt`, built in-process as the CLI builds it (the CLI's own path is tested below)."""
    from checker.formats import get_formatter
    from checker.formats.html import html_renderer

    linter = _linter()
    run = linter.report([linter.check_file(p) for p in paths])
    out = tmp_path / f"report.{fmt}"
    render = html_renderer(linter.ruleset.rules) if fmt == "html" else get_formatter(fmt)
    with out.open("w", encoding="utf-8") as fh:
        render(run, fh, False)
    return out


def test_hostile_article_is_escaped_text(tmp_path: Path) -> None:
    page = _report(tmp_path, "html", HOSTILE).read_text(encoding="utf-8")
    assert page.count("<script") == 1  # only the report's own navigation script
    for raw in ("<img", "<svg", "<iframe", "</textarea>", "<a href=\"javascript", "<style>body"):
        assert raw not in page, raw
    assert html.escape("<script>window.__mtlint_pwned = 1</script>") in page
    # Only the page's own script may run, whatever the content.
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", page)
    assert "http://" not in page and "https://" not in page  # no external asset


def test_every_finding_is_highlighted_and_listed(tmp_path: Path) -> None:
    paths = [*SEEDS, HOSTILE]
    data = json.loads(_report(tmp_path, "json", *paths).read_text(encoding="utf-8"))
    page = _report(tmp_path, "html", *paths).read_text(encoding="utf-8")
    total = sum(len(f["issues"]) for f in data["files"])
    assert total > 20
    assert page.count('<li id="f-') == total
    assert len(set(re.findall(r'id="m-(\d+-\d+)"', page))) == sum(
        1 for f in data["files"] for i in f["issues"] if i["end"] > i["start"])
    # The summary table lists the files from the worst score up.
    rows = re.findall(r'<tr><td><a href="#file-\d+">([^<]*)</a></td><td class="num">([\d.]+)</td>', page)
    assert [float(s) for _, s in rows] == sorted(float(s) for _, s in rows)
    assert len(rows) == len(paths)


def test_crossing_spans_are_split_but_complete() -> None:
    from checker.finding import Finding, Severity
    from checker.formats.html import _highlight

    text = "abcdefghij"
    fs = [Finding("MT1", "r", "grammar", Severity.MINOR, "m", 1, 6, text[1:6]),
          Finding("MT2", "r", "grammar", Severity.MAJOR, "m", 4, 9, text[4:9]),
          Finding("MT3", "r", "grammar", Severity.INFO, "m", 4, 5, text[4:5])]
    out = _highlight(text, fs, "0")
    assert re.sub(r"<[^>]+>", "", out) == text
    assert out.count("<mark") == out.count("</mark>")
    # Fragments of finding 0 put together give its text, in document order.
    for i, f in enumerate(fs):
        pieces = _texts_of(out, i)
        assert "".join(pieces) == f.text, (i, pieces)


def _texts_of(markup: str, i: int) -> list[str]:
    """The text directly and indirectly inside each fragment of finding `i` (a tiny HTML walk)."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[bool] = []
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            mine = dict(attrs).get("data-f") == str(i)
            self.stack.append(mine)
            if mine:
                self.parts.append("")

        def handle_endtag(self, tag: str) -> None:
            self.stack.pop()

        def handle_data(self, data: str) -> None:
            if any(self.stack):
                self.parts[-1] += data

    p = P()
    p.feed(markup)
    return p.parts


# ------------------------------------------------------------------ browser
JS_FRAGMENTS = """
var out = {};
document.querySelectorAll('mark.hl').forEach(function (m) {
  var k = m.closest('section').id + '/' + m.getAttribute('data-f');
  out[k] = (out[k] || '') + m.textContent;
});
return out;
"""


def _check_page(driver, page: Path, data: dict, shot: Path) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    # Highlights: per file, the text of each finding's mark (fragments joined) equals the JSON's text.
    got = driver.execute_script(JS_FRAGMENTS)
    expected = {}
    for n, f in enumerate(data["files"]):
        for i, issue in enumerate(f["issues"]):
            if issue["end"] > issue["start"]:
                expected[f"file-{n}/{i}"] = issue["text"]
    assert got == expected
    items = driver.find_elements(By.CSS_SELECTOR, "ol.findings li")
    assert len(items) == sum(len(f["issues"]) for f in data["files"])
    # Clicking a highlight opens its details in the side list.
    # (a highlight with none nested inside, so that the click lands on it)
    mark = [m for m in driver.find_elements(By.CSS_SELECTOR, "mark.hl")
            if not driver.execute_script("return arguments[0].querySelector('mark')", m)][1]
    item_id = mark.get_attribute("data-item")
    driver.execute_script("arguments[0].scrollIntoView({block:'center'})", mark)
    mark.click()
    item = driver.find_element(By.ID, item_id)
    assert "current" in item.get_attribute("class")
    assert driver.execute_script("return arguments[0].querySelector('details').open", item)
    assert item.find_element(By.CSS_SELECTOR, "details > div").is_displayed()
    # Keyboard: j moves to the next finding.
    driver.find_element(By.TAG_NAME, "body").send_keys("j")
    current = driver.execute_script("return document.activeElement.getAttribute('data-item')")
    assert current and current != item_id
    # Filters: unticking a severity hides its list items.
    box = driver.find_elements(By.CSS_SELECTOR, ".filters input")[0]
    sev = box.get_attribute("value").split(":")[1]
    box.click()
    hidden = driver.execute_script(
        "return [...document.querySelectorAll('li[data-sev=\"' + arguments[0] + '\"]')].every(e => getComputedStyle(e).display === 'none')", sev)
    assert hidden
    box.send_keys(Keys.SPACE)
    # Printable: Chromium prints it to a PDF.
    import base64

    assert base64.b64decode(driver.print_page()).startswith(b"%PDF")
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000


def test_browser_seed_report(browser, tmp_path: Path) -> None:  # noqa: F811
    data = json.loads(_report(tmp_path, "json", *SEEDS).read_text(encoding="utf-8"))
    _check_page(browser, _report(tmp_path, "html", *SEEDS), data, tmp_path / "seeds.png")


def test_browser_hostile_article_runs_nothing(browser, tmp_path: Path) -> None:  # noqa: F811
    data = json.loads(_report(tmp_path, "json", HOSTILE).read_text(encoding="utf-8"))
    page = _report(tmp_path, "html", HOSTILE)
    _check_page(browser, page, data, tmp_path / "hostile.png")
    assert browser.execute_script("return window.__mtlint_pwned === undefined")
    # The article's tags are shown as text, none became an element.
    assert browser.execute_script("return document.querySelectorAll('img, svg, iframe, a[href^=javascript]').length") == 0
    assert "<script>window.__mtlint_pwned = 1</script>" in browser.find_element("css selector", ".article").text
    assert browser.execute_script("return getComputedStyle(document.body).display") != "none"


def test_browser_phone_width(browser, tmp_path: Path) -> None:  # noqa: F811
    """On a phone-sized window the side list goes under the article and nothing overflows sideways."""
    page = _report(tmp_path, "html", SEEDS[0])
    browser.set_window_size(390, 844)
    try:
        browser.get(page.as_uri())
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return window.innerWidth")
        assert width <= viewport + 1
        art, lst = browser.execute_script(
            "var a=document.querySelector('.article').getBoundingClientRect(), l=document.querySelector('ol.findings').getBoundingClientRect(); return [a.bottom, l.top]")
        assert lst >= art
        browser.save_screenshot(str(tmp_path / "phone.png"))
    finally:
        browser.set_window_size(1280, 1000)


@pytest.mark.parametrize("fmt", ["html"])
def test_error_file_in_html(tmp_path: Path, fmt: str) -> None:
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"a\x00b")
    out = tmp_path / "r.html"
    proc = run_cli("check", "--lang", "fr", "--format", fmt, "-o", str(out), str(bad), str(SEEDS[0]))
    assert proc.returncode == 2
    page = out.read_text(encoding="utf-8")
    assert not proc.stdout
    assert page.count('<li id="f-') == len(json.loads(run_cli("check", "--lang", "fr", "--format", "json", str(SEEDS[0])).stdout.decode())["files"][0]["issues"])
    assert "Could not be checked" in page and html.escape(str(bad)) in page
