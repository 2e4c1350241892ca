"""The warm server: time of one /v2/check of a 4 KB article (p50 in pytest-benchmark's median)."""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import ROOT, default_linter  # noqa: E402
from server_util import running_server  # noqa: E402


def _article_4kb() -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")))
    while len(text.encode()) < 4096:
        text += "\n\n" + text
    return text.encode()[:4096].decode("utf-8", errors="ignore")


def test_bench_server_check_4kb(benchmark) -> None:  # noqa: ANN001
    import http.client

    body = urllib.parse.urlencode({"text": _article_4kb(), "language": "fr"}).encode()
    with running_server(default_linter()) as base:
        conn = http.client.HTTPConnection(base.removeprefix("http://"), timeout=60)

        def once() -> int:
            conn.request("POST", "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse()
            r.read()
            return r.status

        assert once() == 200  # warm
        assert benchmark(once) == 200
        conn.close()


def test_bench_library_check_4kb(benchmark) -> None:  # noqa: ANN001
    """The same article through ``Linter.check_text`` in-process: the server's overhead is the difference."""
    text = _article_4kb()
    linter = default_linter()
    linter.check_text(text, lang="fr")  # warm
    report = benchmark(lambda: linter.check_text(text, lang="fr"))
    assert report.findings
