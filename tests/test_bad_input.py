"""Inputs that cannot be checked give one clean error line each; awkward but valid inputs are checked normally."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from checker.cli import main

GOOD = "Il a dit le le mot.\n"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def assert_one_clean_error(stderr: str, name: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("mtlint: ") and name in lines[0], stderr
    assert "Traceback" not in stderr


def check_with_good(bad: str, tmp_path: Path) -> tuple[int, dict, str]:
    """Check `bad` and a good file with a finding; returns (exit code, JSON report, stderr)."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = cli("check", "--lang", "fr", "--format", "json", bad, str(good))
    report = json.loads(out)
    # The good file is still checked and reported.
    entry = report["files"][-1]
    assert entry["path"] == str(good) and [i["code"] for i in entry["issues"]] == ["MT211"]
    return code, report, err


def test_missing_path(tmp_path: Path) -> None:
    bad = str(tmp_path / "nowhere.txt")
    code, report, err = check_with_good(bad, tmp_path)
    assert code == 2
    assert_one_clean_error(err, bad)
    assert report["files"][0]["error"]["code"] == "missing"
    assert report["files"][0]["issues"] == []


def test_directory_without_matching_files(tmp_path: Path) -> None:
    d = tmp_path / "empty"
    d.mkdir()
    (d / "notes.html").write_text("x", encoding="utf-8")
    code, report, err = check_with_good(str(d), tmp_path)
    assert code == 2
    assert_one_clean_error(err, str(d))
    assert report["files"][0]["error"]["code"] == "empty"


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, report, err = check_with_good(str(p), tmp_path)
    assert code == 2
    assert_one_clean_error(err, str(p))
    assert report["files"][0]["error"]["code"] == "binary"


def test_invalid_utf8(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le café est très bon.\n".encode("latin-1"))
    code, report, err = check_with_good(str(p), tmp_path)
    assert code == 2
    assert_one_clean_error(err, str(p))
    assert report["files"][0]["error"]["code"] == "encoding"
    assert "UTF-8" in err


def test_directory_given_where_a_file_is_expected(tmp_path: Path) -> None:
    # A directory named like an article is searched, finds nothing, and says so.
    d = tmp_path / "article.txt"
    d.mkdir()
    code, _, err = check_with_good(str(d), tmp_path)
    assert code == 2
    assert_one_clean_error(err, str(d))


def test_unreadable_file_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root, so the permission error is simulated at the OS boundary.
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, err = cli("check", "--lang", "fr", "--format", "json", str(p), str(good))
    assert code == 2
    assert_one_clean_error(err, str(p))
    report = json.loads(out)
    assert report["files"][0]["error"]["code"] == "unreadable"
    assert report["files"][1]["issues"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0)
    try:
        code, report, err = check_with_good(str(p), tmp_path)
    finally:
        p.chmod(0o644)
    assert code == 2
    assert_one_clean_error(err, str(p))
    assert report["files"][0]["error"]["code"] == "unreadable"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_unreadable_file_io_error(tmp_path: Path) -> None:
    # A real read error even for root: reading a process's memory from offset 0 fails with EIO.
    code, report, err = check_with_good("/proc/self/mem", tmp_path)
    assert code == 2
    assert_one_clean_error(err, "/proc/self/mem")
    assert report["files"][0]["error"]["code"] == "unreadable"


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    code, _, err = check_with_good(str(link), tmp_path)
    assert code == 2
    assert_one_clean_error(err, str(link))


def test_several_bad_files_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = cli("check", "--lang", "fr", str(tmp_path), str(tmp_path / "missing.md"))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 3 and all(line.startswith("mtlint: ") for line in lines)
    for name, line in zip(("bin.txt", "latin.txt", "missing.md"), lines):
        assert name in line
    assert "ok.txt:1:13: MT211" in out


# ------------------------------------------------------------------ bad rules and configuration
BROKEN_TOML = 'code = "XX901"\nname = "broken\n'
BAD_FIELDS = '''
code = "XX902"
name = "bad-fields"
category = "no-such-category"
severity = "loud"
kind = "pattern"
message = "m"
why = "w"
colour = "red"

[params]
pattern = 'x'
'''


def test_bad_rule_files_are_all_reported_at_once(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "broken.toml").write_text(BROKEN_TOML, encoding="utf-8")
    (pack / "bad-fields.toml").write_text(BAD_FIELDS, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = cli("check", "--lang", "fr", "--rules", str(pack), str(good))
    assert code == 2 and out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("mtlint: bad rule: ") for line in lines)
    broken = [line for line in lines if "broken.toml" in line]
    fields = [line for line in lines if "bad-fields.toml" in line]
    assert len(broken) == 1 and "TOML" in broken[0]
    for field in ("category", "severity", "colour"):
        assert any(f"bad-fields.toml: {field}:" in line for line in fields), (field, err)
    assert len(lines) == len(broken) + len(fields)


def test_bad_rule_directory(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, _, err = cli("check", "--rules", str(tmp_path / "nope"), str(good))
    assert code == 2
    assert_one_clean_error(err, str(tmp_path / "nope"))


def test_bad_configuration_value(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\nfail-on = "loud"\n', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = cli("check", str(good))
    assert code == 2 and out == ""
    assert_one_clean_error(err, str(tmp_path / ".mtlint.toml"))
    assert "fail-on" in err


def test_invalid_toml_configuration(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('lang = "fr\n', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, _, err = cli("check", str(good))
    assert code == 2
    assert_one_clean_error(err, ".mtlint.toml")


# ------------------------------------------------------------------ awkward but valid input
def test_empty_file_is_checked(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    code, out, err = cli("check", "--format", "json", str(p))
    assert (code, err) == (0, "")
    (entry,) = json.loads(out)["files"]
    assert entry["error"] is None and entry["issues"] == [] and entry["words"] == 0 and entry["passed"]


TITLE = "Titre"
BODY = "Il a dit le le mot."


@pytest.mark.parametrize(
    ("name", "data", "start", "utf16_shift"),
    [
        ("lf", f"{TITLE}\n{BODY}\n", 18, 0),
        ("crlf", f"{TITLE}\r\n{BODY}\r\n", 19, 0),
        ("cr", f"{TITLE}\r{BODY}\r", 18, 0),
        ("no-final-newline", f"{TITLE}\n{BODY}", 18, 0),
        ("bom", f"\ufeff{TITLE}\n{BODY}\n", 18, 0),
        ("bom-crlf", f"\ufeff{TITLE}\r\n{BODY}\r\n", 19, 0),
        ("astral", f"{TITLE} 📰\n{BODY}\n", 20, 1),
    ],
)
def test_line_endings_bom_and_offsets(tmp_path: Path, name: str, data: str, start: int, utf16_shift: int) -> None:
    p = tmp_path / f"{name}.txt"
    p.write_bytes(data.encode("utf-8"))
    code, out, err = cli("check", "--lang", "fr", "--select", "MT211", "--format", "json", str(p))
    assert (code, err) == (1, "")
    (issue,) = json.loads(out)["files"][0]["issues"]
    assert (issue["text"], issue["start"], issue["end"]) == ("le", start, start + 2)
    assert (issue["line"], issue["column"], issue["end_line"], issue["end_column"]) == (2, 13, 2, 15)
    assert (issue["start_utf16"], issue["end_utf16"]) == (start + utf16_shift, start + 2 + utf16_shift)
    # The offsets index the decoded text without its BOM.
    text = data.removeprefix("\ufeff")
    assert text[issue["start"]:issue["end"]] == "le"
    code, out, _ = cli("check", "--lang", "fr", "--select", "MT211", "--no-color", str(p))
    assert out.startswith(f"{p}:2:13: MT211 minor ")
