"""Vocabularies: accept lists silence words and names, reject lists report house-style words (MT490)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "vocab"
NAMES = "Parmi les signataires figuraient Billie Eilish, Nicki sinaj, Katy Perry et Zayn Malik. Nicki sinaj a ensuite publié un message.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "p")
    return tmp_path / "p"


def _issues(cwd: Path, *args: str) -> dict[str, list[dict]]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"]: f["issues"] for f in json.loads(proc.stdout)["files"]}


def test_accepted_name_is_silenced_across_the_article(project: Path) -> None:
    (project / "names.txt").write_text(NAMES, encoding="utf-8")
    accepted = _issues(project, "names.txt")["names.txt"]
    assert not [i for i in accepted if "sinaj" in i["text"]]
    # Without the vocabulary, the same article is reported.
    (project / "house" / "accept.txt").write_text("", encoding="utf-8")
    plain = _issues(project, "names.txt")["names.txt"]
    assert [i for i in plain if "sinaj" in i["text"] and i["category"] in ("mangled-name", "non-word")]


def test_reject_entry_flags_a_house_style_word(project: Path) -> None:
    got = _issues(project, "article.txt")["article.txt"]
    rejected = [i for i in got if i["code"] == "MT490"]
    assert [(i["text"], i["suggestions"]) for i in rejected] == [("email", ["courriel"])]
    assert rejected[0]["rule"] == "vocab-reject"


def test_reject_regex_and_case(tmp_path: Path) -> None:
    (tmp_path / "v").mkdir()
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\nvocab = ["v"]\n', encoding="utf-8")
    (tmp_path / "v" / "reject.txt").write_text("internet -> Internet\n/e-?mails?/ → courriel\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Un e-mail sur internet et sur Internet ; des emails. Les internautes.\n", encoding="utf-8")
    got = _issues(tmp_path, "a.txt")["a.txt"]
    assert sorted(i["text"] for i in got if i["code"] == "MT490") == ["e-mail", "emails", "internet"]


def test_per_path_overrides(project: Path) -> None:
    got = _issues(project, "mercato.txt", "sport/transferts.txt")
    assert not [i for i in got["mercato.txt"] if i["code"] == "MT490"]
    sport = [i for i in got["sport/transferts.txt"] if i["code"] == "MT490"]
    assert [(i["text"], i["suggestions"]) for i in sport] == [("mercato", ["marché des transferts"])]


def test_add_word(project: Path) -> None:
    (project / "house" / "accept.txt").write_text("Zayn Malik\n", encoding="utf-8")
    (project / "names.txt").write_text(NAMES, encoding="utf-8")
    assert [i for i in _issues(project, "names.txt")["names.txt"] if "sinaj" in i["text"]]
    proc = run_cli("check", "--add-word", "sinaj", cwd=project)
    assert proc.returncode == 0 and b"accept.txt" in proc.stderr
    assert (project / "house" / "accept.txt").read_text(encoding="utf-8") == "Zayn Malik\nsinaj\n"
    again = run_cli("check", "--add-word", "sinaj", cwd=project)
    assert again.returncode == 0 and (project / "house" / "accept.txt").read_text(encoding="utf-8").count("sinaj") == 1
    assert not [i for i in _issues(project, "names.txt")["names.txt"] if "sinaj" in i["text"]]


def test_add_word_without_vocab_uses_the_default_directory(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(NAMES, encoding="utf-8")
    assert run_cli("check", "--add-word", "sinaj", cwd=tmp_path).returncode == 0
    assert (tmp_path / ".mtlint" / "vocab" / "accept.txt").read_text(encoding="utf-8") == "sinaj\n"
    assert not [i for i in _issues(tmp_path, "a.txt")["a.txt"] if "sinaj" in i["text"]]


def test_pack_vocabulary(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "vocab").mkdir(parents=True)
    (pack / "pack.toml").write_text('name = "house"\nlang = "fr"\nversion = "1"\n', encoding="utf-8")
    (pack / "vocab" / "reject.txt").write_text("email → courriel\n", encoding="utf-8")
    (pack / "house-marker.toml").write_text(
        'code = "HS901"\nname = "house-marker"\ncategory = "boilerplate"\nseverity = "minor"\nkind = "pattern"\n'
        'message = "Marker."\nwhy = "A marker line."\n[params]\npattern = \'XXMARKERXX\'\n'
        '[[examples]]\nbad = "Un [[XXMARKERXX]] ici."\n[[examples]]\ngood = "Rien ici."\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le ministre a envoyé un email.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister sent an email to the newsroom on Tuesday morning.\n", encoding="utf-8")
    got = _issues(tmp_path, "--rules", str(pack), "a.txt", "b.txt")
    assert [i["text"] for i in got["a.txt"] if i["code"] == "MT490"] == ["email"]
    assert not [i for i in got["b.txt"] if i["code"] == "MT490"]  # the pack is French


@pytest.mark.parametrize(("content", "needle"), [("/[unclosed/\n", "bad regular expression"), ("x → \n", "nothing after the arrow"), (" → y\n", "empty entry")])
def test_bad_entries_are_one_line_errors(tmp_path: Path, content: str, needle: str) -> None:
    (tmp_path / "v").mkdir()
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\nvocab = ["v"]\n', encoding="utf-8")
    (tmp_path / "v" / "reject.txt").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bonjour.\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.startswith("mtlint:") and err.count("\n") == 1 and "reject.txt:1" in err
    assert needle in err
    assert "Traceback" not in err


def test_library_and_server_see_the_vocabulary(project: Path) -> None:
    from checker import Linter

    linter = Linter(project / ".mtlint.toml")
    report = linter.check_text("Le ministre a envoyé un email.\n" + NAMES)
    assert [f.text for f in report.findings if f.code == "MT490"] == ["email"]
    assert not [f for f in report.findings if "sinaj" in f.text]
    assert linter.check_text("Le mercato.", path="sport/x.txt").findings[0].code == "MT490"


def test_rules_lists_mt490_where_a_reject_list_exists(project: Path, tmp_path: Path) -> None:
    listed = run_cli("rules", cwd=project).stdout.decode()
    assert "MT490" in listed and "vocab-reject" in listed
    (tmp_path / "empty").mkdir()
    assert "MT490" not in run_cli("rules", cwd=tmp_path / "empty").stdout.decode()
    assert "MT490 vocab-reject" in run_cli("explain", "MT490", cwd=tmp_path / "empty").stdout.decode()
