"""``mtlint serve``: LanguageTool's API checked with a real LanguageTool client, mtlint's API, limits, load."""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from browser import browser  # noqa: F401  (the fixture)
from conftest import ROOT, default_linter
from server_util import running_server

ARTICLE = "Les développeurs d’Al ont publié le le rapport mardi. 😀 Les développeurs d’Al répondent.\n"


@pytest.fixture(scope="module")
def url():
    with running_server(default_linter()) as base:
        yield base


def post(url: str, path: str, data: bytes, ctype: str, timeout: float = 30) -> tuple[int, dict]:
    req = urllib.request.Request(url + path, data=data, headers={"Content-Type": ctype}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def lt_check(url: str, **fields: str) -> tuple[int, dict]:
    return post(url, "/v2/check", urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")


# ------------------------------------------------------------ LanguageTool client
def test_language_tool_python_client_parses_and_corrects(url: str) -> None:
    ltp = pytest.importorskip("language_tool_python", reason="language-tool-python is not installed")
    tool = ltp.LanguageTool("fr-FR", remote_server=url)
    try:
        matches = tool.check(ARTICLE)
        rules = [m.rule_id for m in matches]
        assert "MT101" in rules and "MT211" in rules
        al = [m for m in matches if m.rule_id == "MT101"]
        # The client's offsets are code points (it undoes UTF-16 itself): the emoji before the
        # second 'Al' would shift it by one if ours were wrong.
        for m in al:
            assert ARTICLE[m.offset:m.offset + m.error_length] == "Al"
            assert m.replacements == ["IA"] and m.category == "ACRONYM_HOMOGLYPH"
        fixed = tool.correct(ARTICLE)
        assert fixed == "Les développeurs d’IA ont publié le  rapport mardi. 😀 Les développeurs d’IA répondent.\n"
    finally:
        tool.close()


def test_lt_shape_and_utf16_offsets(url: str) -> None:
    status, body = lt_check(url, text=ARTICLE, language="fr")
    assert status == 200
    assert body["software"]["name"] == "mtlint"
    assert body["language"]["code"] == "fr" and body["language"]["detectedLanguage"]["code"].startswith("fr")
    utf16 = ARTICLE.encode("utf-16-le")
    for m in body["matches"]:
        span = utf16[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
        assert span == m["context"]["text"].encode("utf-16-le")[
            2 * m["context"]["offset"]:2 * (m["context"]["offset"] + m["context"]["length"])].decode("utf-16-le")
        assert span in m["sentence"]
        assert set(m["rule"]) >= {"id", "description", "issueType", "category"}
        assert set(m["rule"]["category"]) == {"id", "name"}
        assert m["rule"]["issueType"] in {"mistranslation", "grammar", "misspelling", "duplication", "style",
                                          "typographical", "inconsistency", "inconsistent-entities", "characters",
                                          "addition", "whitespace", "omission", "markup", "numbers",
                                          "untranslated", "locale-violation"}
    second = [m for m in body["matches"] if m["rule"]["id"] == "MT101"][-1]
    assert second["offset"] == len(ARTICLE[:ARTICLE.rindex("Al")].encode("utf-16-le")) // 2


def test_lt_auto_language_and_languages(url: str) -> None:
    status, body = lt_check(url, text="The the minister said on Tuesday that the plan would be published soon.", language="auto")
    assert status == 200 and body["language"]["detectedLanguage"]["code"].startswith("en")
    with urllib.request.urlopen(url + "/v2/languages", timeout=10) as r:
        langs = json.loads(r.read())
    codes = {x["longCode"] for x in langs}
    assert {"fr", "fr-FR", "en-US"} <= codes


def test_lt_rule_and_category_filters(url: str) -> None:
    def ids(**kw: str) -> list[str]:
        status, body = lt_check(url, text=ARTICLE, language="fr", **kw)
        assert status == 200, body
        return [m["rule"]["id"] for m in body["matches"]]

    every = ids()
    assert "MT211" in every and "MT101" in every
    assert "MT211" not in ids(disabledRules="MT211")
    assert "MT101" not in ids(disabledCategories="ACRONYM_HOMOGLYPH")
    assert set(ids(enabledRules="MT211", enabledOnly="true")) == {"MT211"}
    assert set(ids(enabledCategories="acronym-homoglyph", enabledOnly="true")) == {"MT101"}
    assert lt_check(url, text=ARTICLE, enabledOnly="true")[0] == 400


def test_lt_data_with_markup(url: str) -> None:
    data = {"annotation": [{"markup": "<p>"}, {"text": "Les développeurs d’Al ont publié le le rapport."},
                           {"markup": "</p>", "interpretAs": "\n\n"}]}
    status, body = lt_check(url, data=json.dumps(data), language="fr")
    assert status == 200
    full = "<p>Les développeurs d’Al ont publié le le rapport.</p>"
    assert {full[m["offset"]:m["offset"] + m["length"]] for m in body["matches"]} >= {"Al", "le"}
    assert lt_check(url, data="{nope", language="fr")[0] == 400


# ----------------------------------------------------------------- mtlint's API
def test_api_check_equals_the_library(url: str) -> None:
    status, body = post(url, "/api/check", json.dumps({"text": ARTICLE, "lang": "fr"}).encode(), "application/json")
    assert status == 200
    expected = default_linter().check_text(ARTICLE, lang="fr").to_dict()
    assert body == json.loads(json.dumps(expected))
    status, plain = post(url, "/api/check", ARTICLE.encode(), "text/plain")
    assert status == 200 and plain["issues"]


@pytest.mark.parametrize(("path", "data", "ctype", "code"), [
    ("/v2/check", b"language=fr", "application/x-www-form-urlencoded", 400),
    ("/v2/check", b"text=x&language=klingon-xx", "application/x-www-form-urlencoded", 400),
    ("/api/check", b"[1]", "application/json", 400),
    ("/api/check", b"{", "application/json", 400),
    ("/api/check", b"\x00\x01", "application/octet-stream", 415),
    ("/api/check", b"a\x00b", "text/plain", 400),
    ("/nowhere", b"", "text/plain", 404),
])
def test_clear_json_errors(url: str, path: str, data: bytes, ctype: str, code: int) -> None:
    status, body = post(url, path, data, ctype)
    assert status == code
    assert set(body["error"]) == {"code", "message"} and body["error"]["message"]


def test_no_file_path_is_read(url: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Le le secret.", encoding="utf-8")
    for field in ("path", "file", "filename"):
        status, body = post(url, "/api/check", json.dumps({"text": "Bonjour.", field: str(secret)}).encode(),
                            "application/json")
        assert status == 200 and "secret" not in json.dumps(body)


def test_request_size_limit() -> None:
    with running_server(default_linter(), max_bytes=10_000) as base:
        status, body = post(base, "/api/check", b"x" * 10_001, "text/plain")
        assert status == 413 and body["error"]["code"] == "too-large"
        # Without a Content-Length (chunked), the body is counted as it comes.
        import http.client

        conn = http.client.HTTPConnection(base.removeprefix("http://"), timeout=10)
        conn.putrequest("POST", "/api/check")
        conn.putheader("Content-Type", "text/plain")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        sent = 0
        try:
            for _ in range(20):
                conn.send(b"3e8\r\n" + b"y" * 1000 + b"\r\n")
                sent += 1000
            conn.send(b"0\r\n\r\n")
            status = conn.getresponse().status
        except (ConnectionResetError, BrokenPipeError):
            # The server answered 413 and closed while the client was still sending: the
            # connection was cut only after the limit was passed.
            status = 413
            assert sent > 10_000
        assert status == 413
        conn.close()
        assert post(base, "/api/check", b"Le le chat.", "text/plain")[0] == 200


def test_request_timeout() -> None:
    with running_server(default_linter(), timeout=1e-6) as base:
        status, body = post(base, "/api/check", (ARTICLE * 50).encode(), "text/plain")
        assert status == 503 and body["error"]["code"] == "timeout"


# ------------------------------------------------------------------- load
def test_load_8_clients_50_requests(url: str) -> None:
    """8 concurrent clients × 50 requests on loopback: no error; latency percentiles printed."""
    import http.client

    text = (ROOT / "fixtures" / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")[:4000]
    body = urllib.parse.urlencode({"text": text, "language": "fr"}).encode()
    host = url.removeprefix("http://")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection(host, timeout=60)
        for _ in range(50):
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
                r = conn.getresponse()
                payload = r.read()
                ok = r.status == 200 and json.loads(payload)["matches"] is not None
            except Exception as exc:  # noqa: BLE001 - every failure is counted
                ok, payload = False, repr(exc).encode()
                conn.close()
                conn = http.client.HTTPConnection(host, timeout=60)
            with lock:
                latencies.append(time.perf_counter() - t0)
                if not ok:
                    errors.append(payload[:200].decode(errors="replace"))
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not errors, errors[:3]
    assert len(latencies) == 400
    q = statistics.quantiles(latencies, n=100)
    print(f"\nload: 8 clients x 50 requests, {len(text)} chars each: p50 {q[49] * 1000:.1f} ms, "
          f"p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms")


# ------------------------------------------------------------------ the page
def test_browser_paste_page(url: str, browser, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.wait import WebDriverWait

    hostile = (ROOT / "tests" / "data" / "hostile_article.txt").read_text(encoding="utf-8")
    expected = default_linter().check_text(hostile, lang="fr").to_dict()["issues"]
    browser.get(url + "/")
    box = browser.find_element(By.ID, "text")
    browser.execute_script("arguments[0].value = arguments[1]", box, hostile)
    browser.find_element(By.CSS_SELECTOR, "#lang option[value=fr]").click()
    browser.find_element(By.ID, "go").click()
    WebDriverWait(browser, 30).until(ec.visibility_of_element_located((By.ID, "report")))
    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    try:
        WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.findings li"))
        assert len(browser.find_elements(By.CSS_SELECTOR, "ol.findings li")) == len(expected)
        got = browser.execute_script(
            "var o={};document.querySelectorAll('mark.hl').forEach(function(m){var k=m.getAttribute('data-f');"
            "o[k]=(o[k]||'')+m.textContent;});return o;")
        assert got == {str(i): x["text"] for i, x in enumerate(expected) if x["end"] > x["start"]}
        assert browser.execute_script("return window.__mtlint_pwned === undefined")
        assert browser.execute_script("return document.querySelectorAll('img, svg, iframe').length") == 0
    finally:
        browser.switch_to.default_content()
    assert browser.execute_script("return window.__mtlint_pwned === undefined")
    browser.save_screenshot(str(tmp_path / "serve.png"))
