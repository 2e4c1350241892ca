"""Fuzzing the whole command with hostile files (hypothesis, bounded): no traceback, the
documented exit code, every file reported, offsets intact.

Shapes: long runs of each white-space character, nested Markdown markers, one long line,
NUL bytes, byte-order marks, invalid UTF-8, repeated passages, random text.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main

SPACES = [" ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u202f", "\u2028", "\x0b", "\x0c"]
MARKERS = ["- ", "> ", "* ", "1. ", "# ", "```", "<div>", "[", "](", "**", "_", "|"]

runs = st.builds(lambda ch, n: ch * n, st.sampled_from(SPACES), st.integers(1, 3000))
nested = st.builds(lambda m, n: "".join(m * k + "x\n" for k in range(n)), st.sampled_from(MARKERS), st.integers(1, 60))
long_line = st.builds(lambda w, n: (w + " ") * n, st.sampled_from(["mot", "Al", "l'IA", "«", "http://a.b/c"]),
                      st.integers(1, 3000))
repeated = st.builds(lambda p, n: (p + "\n\n") * n, st.text(min_size=1, max_size=40), st.integers(1, 200))
pieces = st.one_of(runs, nested, long_line, repeated, st.text(max_size=200))
texts = st.lists(pieces, min_size=1, max_size=5).map("".join)
raw = st.one_of(
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16")),
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass") + b"\x00"),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(contents=st.lists(raw, min_size=1, max_size=3), markdown=st.booleans(), jobs=st.sampled_from(["1", "2"]))
def test_hostile_files_never_crash(contents: list[bytes], markdown: bool, jobs: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, data in enumerate(contents):
            path = Path(tmp) / f"f{i}.{'md' if markdown else 'txt'}"
            path.write_bytes(data)
            paths.append(str(path))
        out, err = io.StringIO(), io.StringIO()
        code = main(["check", "--format", "json", "--lang", "fr", "-j", jobs, "--timeout", "0", *paths], out, err)
        assert code in (0, 1, 2)
        assert "Traceback" not in err.getvalue()
        files = json.loads(out.getvalue())["files"]
        assert [f["path"] for f in files] == paths
        for f, path in zip(files, paths, strict=True):
            if f["error"] is not None:
                continue
            from checker.document import decode

            text = decode(Path(path).read_bytes(), path)
            for issue in f["issues"]:
                assert text[issue["start"]:issue["end"]] == issue["text"]
        assert (code == 2) == any(f["error"] is not None for f in files)
