"""``--stdin-filename``: standard input is checked as if it were that path."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

MD = "# Titre\n\nLe ministre a parlé mardi.\n\n```\nle le code\n```\n"


def _json(tmp_path: Path, *args: str, stdin: str) -> dict:
    proc = run_cli("check", "--format", "json", *args, "-", stdin=stdin.encode(), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["files"][0]


def test_name_and_markdown_by_suffix(tmp_path: Path) -> None:
    as_md = _json(tmp_path, "--lang", "fr", "--stdin-filename", "notes/article.md", stdin=MD)
    assert as_md["path"] == "notes/article.md"
    assert not [i for i in as_md["issues"] if i["code"] == "MT211"]  # code is not prose in Markdown
    as_txt = _json(tmp_path, "--lang", "fr", "--stdin-filename", "notes/article.txt", stdin=MD)
    assert [i for i in as_txt["issues"] if i["code"] == "MT211"]
    plain = _json(tmp_path, "--lang", "fr", stdin=MD)
    assert plain["path"] == "<stdin>"


def test_configuration_and_overrides_follow_the_path(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text(
        'lang = "fr"\n[[overrides]]\npaths = ["en/**"]\nlang = "en"\nignore = ["MT211"]\n', encoding="utf-8")
    text = "The minister said on Tuesday that the the plan would be published in the spring.\n"
    inside = _json(tmp_path, "--stdin-filename", "en/story.txt", stdin=text)
    assert inside["lang"].startswith("en") and not [i for i in inside["issues"] if i["code"] == "MT211"]
    outside = _json(tmp_path, "--stdin-filename", "fr/story.txt", stdin=text)
    assert outside["lang"].startswith("fr")


def test_nothing_is_read_from_the_named_path(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("Le le chat dort.\n", encoding="utf-8")
    got = _json(tmp_path, "--lang", "fr", "--stdin-filename", "real.txt", stdin="Le chat dort bien ce soir.\n")
    assert got["path"] == "real.txt" and not got["issues"]
