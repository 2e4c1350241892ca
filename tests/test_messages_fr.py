"""French messages, end to end: every rule file carries them, and every output follows the message language.

The meta-test reads every rule file of every built-in pack: each must have a French
``message`` and ``why`` (``message_fr``/``why_fr`` or ``[messages.fr]``), non-empty,
with exactly the ``{fields}`` of the English message and not a copy of the English.
Then: ``explain``, the text and JSON reports, the HTML report, the library and the
server give French to a French article (or with ``--message-lang fr``) and English
with ``--message-lang en``, with the same codes and offsets.
"""

from __future__ import annotations

import json
import string
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from checker.messages import localize_args, translations

RULES = ROOT / "rules"
PACKS = sorted(p for p in RULES.iterdir() if (p / "pack.toml").is_file())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def french_problems(pack: Path) -> list[str]:
    """What is missing or wrong in the French texts of the rule files of `pack`."""
    problems = []
    for path in sorted(pack.glob("*.toml")):
        if path.name == "pack.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        fr = translations(data).get("fr", {})
        for field in ("message", "why"):
            english, french = data.get(field), fr.get(field)
            if not isinstance(french, str) or not french.strip():
                problems.append(f"{path.name}: no French {field}")
            elif isinstance(english, str) and french.strip() == english.strip():
                problems.append(f"{path.name}: the French {field} is the English text")
        message = fr.get("message")
        if isinstance(message, str) and _fields(message) != _fields(data.get("message", "")):
            problems.append(f"{path.name}: the French message has fields {sorted(_fields(message))}, "
                            f"the English {sorted(_fields(data.get('message', '')))}")
    return problems


def test_every_pack_is_found() -> None:
    assert {"common", "fr", "en", "es", "de", "it", "pt"} <= {p.name for p in PACKS}


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_every_rule_has_french_texts(pack: Path) -> None:
    rules = [p for p in pack.glob("*.toml") if p.name != "pack.toml"]
    assert rules, f"no rule file in {pack}"
    problems = french_problems(pack)
    assert not problems, "\n".join(problems)


RULE = '''code = "HS{n}"
name = "{name}"
category = "boilerplate"
severity = "minor"
kind = "pattern"
message = "Marker ‘{{text}}’ left in the article."
why = "A marker line in English."
{extra}
[params]
pattern = 'XXMARK'
'''


@pytest.mark.parametrize(("extra", "problem"), [
    ("", "no French message"),
    ('message_fr = "Marqueur « {text} » oublié."\n', "no French why"),
    ('message_fr = "Marker ‘{text}’ left in the article."\nwhy_fr = "Un marqueur."\n',
     "the French message is the English text"),
    ('message_fr = "Marqueur oublié."\nwhy_fr = "Un marqueur."\n', "the French message has fields []"),
    ('[messages.fr]\nmessage = "Marqueur « {text} »."\nwhy = "A marker line in English."\n',
     "the French why is the English text"),
])
def test_the_meta_test_fails_on_a_rule_without_french(tmp_path: Path, extra: str, problem: str) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (pack / "marker.toml").write_text(RULE.format(n=901, name="marker", extra=extra), encoding="utf-8")
    (pack / "other.toml").write_text(RULE.format(n=902, name="other", extra=(
        'message_fr = "Marqueur « {text} » oublié."\nwhy_fr = "Une ligne de marqueur."\n')), encoding="utf-8")
    problems = french_problems(pack)
    assert problems and all(p.startswith("marker.toml: ") for p in problems), problems
    assert any(problem in p for p in problems), problems


def test_the_meta_test_accepts_both_forms(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "a.toml").write_text(RULE.format(n=901, name="a", extra=(
        'message_fr = "Marqueur « {text} »."\nwhy_fr = "Un marqueur."\n')), encoding="utf-8")
    (pack / "b.toml").write_text(RULE.format(n=902, name="b", extra=(
        '[messages.fr]\nmessage = "Balise « {text} »."\nwhy = "Une balise."\n')), encoding="utf-8")
    assert french_problems(pack) == []


# ------------------------------------------------------------------ explain
def _french(path: Path) -> dict[str, str]:
    return translations(tomllib.loads(path.read_text(encoding="utf-8"))).get("fr", {})


def test_explain_mt101_in_french() -> None:
    fr = _french(RULES / "common" / "ai-lookalike.toml")
    assert fr.get("message"), "rules/common/ai-lookalike.toml has no French message yet"
    out = run_cli("explain", "MT101", "--message-lang", "fr")
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr
    assert fr["message"].strip() in text and "Pourquoi c'est important" in text
    assert fr["message"].strip() not in run_cli("explain", "MT101").stdout.decode()


def test_explain_a_french_pack_rule_in_french() -> None:
    fr = _french(RULES / "fr" / "doubled-word.toml")
    out = run_cli("explain", "MT211", "--message-lang", "fr")
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr
    assert "Le mot « {text} » est écrit deux fois de suite." in text
    assert fr["why"].split("\n")[0] in text and "Pourquoi c'est important" in text
    english = run_cli("explain", "MT211").stdout.decode()
    assert "The word ‘{text}’ is written twice in a row." in english and "Le mot" not in english


# ------------------------------------------------------------------ check: text, JSON, HTML
# My own sentences: a doubled word, a determiner of the wrong gender, a colon glued
# among spaced ones, an English date in French text.
ARTICLE_FR = (
    "Le conseil municipal a voté mardi soir : la piscine fermera en juin. Le maire a précisé : « les travaux "
    "dureront un an ». Un adjoint a ajouté: le chantier commencera le March 3, 2025 au plus tard.\n\n"
    "Les riverains craignent que le le bruit dure tout l'été. Une grande espoir demeure chez les nageurs.\n"
)
ARTICLE_EN = "The council voted on Tuesday night. The the pool will close in June for a year of work.\n"


def _json(tmp_path: Path, text: str, *args: str) -> list[dict]:
    art = tmp_path / "article.txt"
    art.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--format", "json", *args, str(art), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)["files"][0]["issues"]


def _by_code(issues: list[dict]) -> dict[str, str]:
    return {i["code"]: i["message"] for i in issues}


def test_a_french_article_gets_french_messages(tmp_path: Path) -> None:
    fr = _json(tmp_path, ARTICLE_FR, "--lang", "fr")
    en = _json(tmp_path, ARTICLE_FR, "--lang", "fr", "--message-lang", "en")
    # The codes, spans and order stay the same; only the wording changes.
    assert [(i["code"], i["start"], i["end"]) for i in fr] == [(i["code"], i["start"], i["end"]) for i in en]
    msg_fr, msg_en = _by_code(fr), _by_code(en)
    assert {"MT211", "MT277", "MT301", "MT121"} <= set(msg_fr)
    assert msg_fr["MT211"] == "Le mot « le » est écrit deux fois de suite."
    assert msg_en["MT211"] == "The word ‘le’ is written twice in a row."
    # Fields a kind writes in English are French too.
    assert "qui est masculin" in msg_fr["MT277"] and "masculine" in msg_en["MT277"]
    assert "est collé, alors que cet article espace surtout ces signes" in msg_fr["MT301"]
    assert "glued" not in msg_fr["MT301"] and "glued" in msg_en["MT301"]
    assert "comme en anglais dans un texte en français" in msg_fr["MT121"]
    assert "English way in French text" in msg_en["MT121"]


def test_the_text_format_follows_the_article_language(tmp_path: Path) -> None:
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE_FR, encoding="utf-8")
    out = run_cli("check", "--lang", "fr", str(art), cwd=tmp_path).stdout.decode()
    assert "MT211 minor Le mot « le » est écrit deux fois de suite." in out
    out_en = run_cli("check", "--lang", "fr", "--message-lang", "en", str(art), cwd=tmp_path).stdout.decode()
    assert "MT211 minor The word ‘le’ is written twice in a row." in out_en


def test_an_english_article_stays_english_unless_asked(tmp_path: Path) -> None:
    assert _by_code(_json(tmp_path, ARTICLE_EN, "--lang", "en"))["MT212"] == "The word ‘the’ is written twice in a row."
    asked = _by_code(_json(tmp_path, ARTICLE_EN, "--lang", "en", "--message-lang", "fr"))
    assert asked["MT212"] == "Le mot « the » est écrit deux fois de suite."


def test_the_html_report_follows(tmp_path: Path) -> None:
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE_FR, encoding="utf-8")
    why_fr = " ".join(_french(RULES / "fr" / "doubled-word.toml")["why"].split()[:8])
    for args, expected, absent in ((), "Le mot « le » est écrit deux fois de suite.", "written twice"),\
                                  (("--message-lang", "en"), "The word ‘le’ is written twice in a row.", "Le mot «"):
        out = tmp_path / "report.html"
        proc = run_cli("check", "--format", "html", "-o", str(out), "--lang", "fr", *args, str(art), cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        page = out.read_text(encoding="utf-8")
        import html

        page = html.unescape(page)
        assert expected in page and absent not in page
        assert (why_fr in " ".join(page.split())) == (not args)


def test_the_library_follows() -> None:
    from checker import Linter

    fr = Linter(lang="fr").check_text(ARTICLE_FR)
    en = Linter(lang="fr", message_lang="en").check_text(ARTICLE_FR)
    assert {f.code: f.message for f in fr.findings}["MT211"].startswith("Le mot")
    assert {f.code: f.message for f in en.findings}["MT211"].startswith("The word")
    assert [(f.code, f.start, f.end) for f in fr.findings] == [(f.code, f.start, f.end) for f in en.findings]
    for f in fr.findings:
        assert ARTICLE_FR[f.start:f.end] == f.text


# ------------------------------------------------------------------ server
def test_the_server_follows_the_article_language() -> None:
    import urllib.parse
    import urllib.request

    from server_util import running_server

    from checker import Linter

    form = urllib.parse.urlencode({"text": ARTICLE_FR, "language": "fr"}).encode()
    body = json.dumps({"text": ARTICLE_FR, "lang": "fr"}).encode()
    for message_lang, expected in ((None, "Le mot « le » est écrit deux fois de suite."),
                                   ("en", "The word ‘le’ is written twice in a row.")):
        with running_server(Linter(message_lang=message_lang)) as base:
            with urllib.request.urlopen(base + "/v2/check", form, timeout=60) as r:
                matches = json.loads(r.read())["matches"]
            request = urllib.request.Request(base + "/api/check", body, {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as r:
                issues = json.loads(r.read())["issues"]
            request = urllib.request.Request(base + "/api/html", body, {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as r:
                import html

                page = html.unescape(r.read().decode("utf-8"))
        assert {m["rule"]["id"]: m["message"] for m in matches}["MT211"] == expected
        assert _by_code(issues)["MT211"] == expected
        assert expected in page


# ------------------------------------------------------------------ fields written by kinds
def test_fields_written_in_english_are_translated() -> None:
    args = {"gender": "feminine", "lang": "English", "doc_lang": "French", "person": "Mars", "source_lang": "en",
            "note": "is spaced, while this article mostly glues these marks (1 spaced, 4 glued); keep one style"}
    out = localize_args(args, "fr")
    assert out["gender"] == "féminin" and out["lang"] == "anglais" and out["doc_lang"] == "français"
    assert out["note"] == "est espacé, alors que cet article colle surtout ces signes (1 espacé, 4 collés) ; gardez un seul style"
    assert out["person"] == "Mars" and out["source_lang"] == "en"  # names and tags are left as written
    assert localize_args({"lang": "Chinese or Japanese"}, "fr")["lang"] == "chinois ou japonais"
    assert localize_args(args, "en") is args and localize_args(args, None) is args
    assert localize_args({"note": "something new"}, "fr") == {"note": "something new"}
