"""The one-article path of ``mtlint check`` does not import ``multiprocessing`` (about 11 ms of
start-up): only ``--jobs`` with more than one worker needs it. Both run in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules_after_check(tmp_path: Path, *args: str) -> set[str]:
    article = tmp_path / "a.txt"
    article.write_text("Le conseil municipal a voté le budget mardi soir.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("La ville a inauguré une nouvelle bibliothèque.\n", encoding="utf-8")
    return _modules_after([article, other], *args)


def _modules_after(paths: list[Path], *args: str) -> set[str]:
    """The top-level modules loaded once ``mtlint check ARGS PATHS`` has run in a fresh interpreter."""
    code = (
        "import sys, io, contextlib; sys.path.insert(0, %r)\n"
        "from checker.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(%r)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
        % (str(ROOT), ["check", *args, *map(str, paths)])
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_one_job_does_not_import_multiprocessing(tmp_path: Path) -> None:
    assert "multiprocessing" not in _modules_after_check(tmp_path, "--jobs", "1")


def test_two_jobs_import_it(tmp_path: Path) -> None:
    # The counterpart, so that the test above cannot pass vacuously.
    assert "multiprocessing" in _modules_after_check(tmp_path, "--jobs", "2")


def test_an_article_without_entities_does_not_import_html(tmp_path: Path) -> None:
    # html.entities (about 5 ms) is read at the first entity-like string (kind residue).
    assert "html" not in _modules_after_check(tmp_path, "--jobs", "1")


def test_an_article_does_not_import_shutil_nor_tempfile(tmp_path: Path) -> None:
    # shutil imports bz2 and lzma (2-7 ms); argparse's help formatter imports it unless told the
    # width (cli._Formatter), and tempfile imports it: only spools and list builds need them.
    modules = _modules_after_check(tmp_path, "--jobs", "1", "--lang", "fr")
    assert "py3langid" not in modules  # (its model reader imports all three)
    assert "shutil" not in modules and "tempfile" not in modules and "lzma" not in modules


def test_an_article_does_not_import_hashlib(tmp_path: Path) -> None:
    # hashlib loads OpenSSL's module (2-3 ms): the caches' names and keys take sha256 and blake2b
    # from CPython's own modules (checker.flatstore), with the same digests.
    for args in (("--no-cache",), ()):
        modules = _modules_after_check(tmp_path, "--jobs", "1", "--lang", "fr", "--cache-dir", str(tmp_path / "c"), *args)
        assert "hashlib" not in modules and "_hashlib" not in modules


def test_the_digests_are_hashlibs() -> None:
    import hashlib

    from checker.flatstore import blake2b, sha256

    assert sha256(b"mtlint").hexdigest() == hashlib.sha256(b"mtlint").hexdigest()
    assert blake2b(b"mtlint", digest_size=20).hexdigest() == hashlib.blake2b(b"mtlint", digest_size=20).hexdigest()


def test_an_article_without_directives_does_not_import_suppress(tmp_path: Path) -> None:
    # checker.suppress (two dataclasses, about 1.2 ms) loads only for a text that holds « mtlint- ».
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from checker.linter import Linter\n"
        "linter = Linter(lang='fr')\n"
        "linter.check_text('Le conseil municipal a voté le budget mardi soir.')\n"
        "print('checker.suppress' in sys.modules)\n"
        "linter.check_text('Le conseil <!-- mtlint-disable --> a voté le budget.')\n"
        "print('checker.suppress' in sys.modules)"
        % str(ROOT)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "c")})
    assert out.stdout.split() == ["False", "True"]


def test_an_empty_file_or_a_cached_result_needs_neither_regex_nor_dataclasses(tmp_path: Path) -> None:
    # regex (some 8 ms to import, 5 more for the document's patterns) and the standard
    # dataclasses (with inspect, some 7 ms; mtlint has its own, checker/dataclass.py) are not
    # needed to say that an empty file, or one whose findings the result cache holds, is clean.
    # (A file of white space is checked by every rule the first time: rules may report on it.)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    blank = tmp_path / "blank.txt"  # (not Markdown: markdown-it-py imports dataclasses)
    blank.write_text("\n  \n\t\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Le conseil municipal a voté le budget mardi soir.\n", encoding="utf-8")
    cache = ("--cache-dir", str(tmp_path / "c"))
    first = _modules_after([article, blank], *cache)  # the counterpart: a text is tokenised with regex
    assert "regex" in first
    assert not {"dataclasses", "inspect"} & first
    for args in (cache, (*cache, "--no-cache"), (*cache, "--format", "json")):
        modules = _modules_after([empty], *args)
        assert not {"regex", "dataclasses", "inspect"} & modules, args
    for args in (cache, (*cache, "--format", "json")):  # read from the result cache
        modules = _modules_after([article, blank, empty], *args)
        assert not {"regex", "dataclasses", "inspect"} & modules, args
