"""Messages in more than one language: rule files carry translations; --message-lang and config choose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

RULE = '''code = "HS{n}"
name = "{name}"
category = "boilerplate"
severity = "minor"
kind = "pattern"
message = "Marker ‘{{text}}’ left in the article."
why = "A marker line in English."
{extra}
[params]
pattern = '{pattern}'

[[examples]]
bad = "Un [[{pattern}]] ici."

[[examples]]
good = "Rien ici."
'''

SUFFIXED = 'message_fr = "Marqueur « {text} » oublié dans l’article."\nwhy_fr = "Une ligne de marqueur, en français."\n'
TABLE = '[messages.fr]\nmessage = "Balise « {text} » oubliée."\nwhy = "Pourquoi : une balise, en français."\n'


def _pack(tmp_path: Path, *rules: tuple[str, str, str, str]) -> Path:
    pack = tmp_path / "house"
    pack.mkdir()
    for n, name, pattern, extra in rules:
        (pack / f"{name}.toml").write_text(RULE.format(n=n, name=name, pattern=pattern, extra=extra), encoding="utf-8")
    return pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return _pack(tmp_path, ("901", "marker-a", "XXMARKA", SUFFIXED), ("902", "marker-b", "XXMARKB", TABLE),
                 ("903", "marker-c", "XXMARKC", ""))


def _messages(tmp_path: Path, pack: Path, text: str, *args: str) -> dict[str, str]:
    art = tmp_path / "a.txt"
    art.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--rules", str(pack), "--select", "HS9", *args, str(art), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    return {i["code"]: i["message"] for i in json.loads(proc.stdout)["files"][0]["issues"]}


FR = "Le ministre a annoncé mardi XXMARKA une réforme, puis XXMARKB et XXMARKC dans la foulée.\n"
EN = "The minister announced on Tuesday XXMARKA a reform, then XXMARKB and XXMARKC right after.\n"


def test_article_language_by_default(tmp_path: Path, pack: Path) -> None:
    fr = _messages(tmp_path, pack, FR, "--lang", "fr")
    assert fr == {"HS901": "Marqueur « XXMARKA » oublié dans l’article.", "HS902": "Balise « XXMARKB » oubliée.",
                  "HS903": "Marker ‘XXMARKC’ left in the article."}  # no translation: English
    en = _messages(tmp_path, pack, EN, "--lang", "en")
    assert en["HS901"] == "Marker ‘XXMARKA’ left in the article."


def test_option_and_configuration_choose(tmp_path: Path, pack: Path) -> None:
    assert _messages(tmp_path, pack, FR, "--lang", "fr", "--message-lang", "en")["HS901"].startswith("Marker")
    assert _messages(tmp_path, pack, EN, "--lang", "en", "--message-lang", "français")["HS902"].startswith("Balise")
    (tmp_path / ".mtlint.toml").write_text('message-lang = "en"\n', encoding="utf-8")
    assert _messages(tmp_path, pack, FR, "--lang", "fr")["HS901"].startswith("Marker")
    assert _messages(tmp_path, pack, FR, "--lang", "fr", "--message-lang", "auto")["HS901"].startswith("Marqueur")


def test_codes_stay_stable(tmp_path: Path, pack: Path) -> None:
    assert set(_messages(tmp_path, pack, FR, "--lang", "fr")) == set(
        _messages(tmp_path, pack, FR, "--lang", "fr", "--message-lang", "en"))


def test_explain_in_french(pack: Path) -> None:
    proc = run_cli("explain", "HS902", "--rules", str(pack), "--message-lang", "fr")
    out = proc.stdout.decode()
    assert proc.returncode == 0 and "Balise « {text} » oubliée." in out and "Pourquoi : une balise" in out
    assert "Pourquoi c'est important" in out
    english = run_cli("explain", "HS902", "--rules", str(pack)).stdout.decode()
    assert "A marker line in English." in english and "Balise" not in english
    fallback = run_cli("explain", "HS903", "--rules", str(pack), "--message-lang", "fr").stdout.decode()
    assert "A marker line in English." in fallback


def test_html_report_follows(tmp_path: Path, pack: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(FR, encoding="utf-8")
    out = tmp_path / "r.html"
    proc = run_cli("check", "--format", "html", "-o", str(out), "--rules", str(pack), "--select", "HS9", "--lang", "fr", str(art))
    assert proc.returncode == 1
    page = out.read_text(encoding="utf-8")
    assert "Pourquoi : une balise, en français." in page and "Une ligne de marqueur, en français." in page


@pytest.mark.parametrize(("extra", "problem"), [
    ('message_fr = ""\n', "messages.fr.message: must be a non-empty string"),
    ('[messages.fr]\nmessage = "x"\ntitle = "y"\n', "messages.fr.title: unknown field"),
    ('[messages.francais]\nmessage = "x"\n', "messages.francais: a translation is keyed by a language subtag"),
    ('message_fr = "Marqueur {text} {oops}"\n', "uses fields the English message does not have: oops"),
    ('messages = "fr"\n', "messages: must be a table"),
])
def test_translations_are_validated(tmp_path: Path, extra: str, problem: str) -> None:
    pack = _pack(tmp_path, ("901", "marker-a", "XXMARKA", extra))
    proc = run_cli("rules", "--rules", str(pack))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and problem in err, err


def test_library_keyword(pack: Path) -> None:
    from checker import Linter

    fr = Linter(rules=[pack], select=["HS9"], lang="fr").check_text(FR)
    assert fr.findings[0].message.startswith("Marqueur")
    en = Linter(rules=[pack], select=["HS9"], lang="fr", message_lang="en").check_text(FR)
    assert en.findings[0].message.startswith("Marker")


def test_server_follows_the_message_language() -> None:
    import urllib.parse
    import urllib.request

    from conftest import ROOT
    from server_util import running_server

    from checker import Linter

    body = urllib.parse.urlencode({"text": "Le ministre a envoyé un email aux rédactions mardi.", "language": "fr"}).encode()
    for message_lang, expected in ((None, "figure dans la liste des mots refusés"), ("en", "is on the project's reject list")):
        linter = Linter(ROOT / "examples" / "vocab" / ".mtlint.toml", message_lang=message_lang)
        with running_server(linter) as base, urllib.request.urlopen(base + "/v2/check", body, timeout=30) as r:
            matches = json.loads(r.read())["matches"]
        assert [m["rule"]["id"] for m in matches] == ["MT490"]
        assert expected in matches[0]["message"]
