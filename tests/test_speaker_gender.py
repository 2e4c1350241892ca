"""A woman known only as the speaker of a quotation (« …, a-t-elle confié ») and a masculine
« Il a ajouté » that continues her words: the gender flip of MT from Indonesian, Turkish, Korean.

The traps are dialogue, where the man who answers her is another speaker."""

from __future__ import annotations

import pytest
from conftest import check_rules

FLIPS = [
    # the closing guillemet was lost: the reporting clause still names the speaker
    ("Âgée de 29 ans, l’interprète prépare son retour. « Je n’ai jamais voulu arrêter, a-t-elle confié.\n\n"
     "Il a ajouté que les concerts reprendraient en juin.", "Il"),
    ("« Le marché attendait ce geste », estime-t-elle. Il a par ailleurs précisé que la banque resterait prudente.", None),
    ("« Le marché attendait ce geste », estime-t-elle. Il a toutefois souligné que la banque resterait prudente.", "Il"),
    ("« Nous avons beaucoup travaillé », a-t-elle expliqué. « Chaque membre a écrit », a-t-il ajouté.", "a-t-il"),
    ("« Nous avons beaucoup travaillé », a-t-elle expliqué. « Chaque membre a écrit », ajoute-t-il.", "ajoute-t-il"),
]


@pytest.mark.parametrize(("text", "flagged"), FLIPS)
def test_continuation_after_her_quotation(text: str, flagged: str | None) -> None:
    got = [f.text for f in check_rules("MT442", text)]
    assert got == ([flagged] if flagged else [])


TRAPS = [
    # dialogue: the man answers
    "— Je pars demain, dit-elle.\n— Je vous accompagne, reprit-il.",
    "« Je pars demain », dit-elle. « Je vous accompagne », répondit-il.",
    "« Nous voulons des garanties », a-t-elle déclaré. Il a répondu que le calendrier serait tenu.",
    # a man named just before her quotation may be the one who adds
    "Le maire Paul Girard était à ses côtés. « Le chantier avance », a-t-elle dit. Il a ajouté que la route rouvrirait.",
    # her husband is the subject after her
    "« Merci d’être venu », dit-elle à son mari. Il a ajouté qu’il était fier d’elle.",
    # the masculine is a thing (no verb of saying after « Il »)
    "« Le budget est prêt », a-t-elle annoncé. Il prévoit des économies de deux milliards.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_dialogue_and_other_men_stay_silent(text: str) -> None:
    assert check_rules("MT442", text) == []


@pytest.mark.parametrize(("code", "lang", "text", "flagged"), [
    ("MT603", "es", "«Estamos orgullosos del disco», dijo ella. «Los fans nos apoyaron», añadió él.", "él"),
    ("MT603", "es", "«Estamos orgullosos del disco», dijo ella. «No estoy de acuerdo», respondió él.", None),
    ("MT604", "pt", "“Estamos orgulhosos”, disse ela. “Os fãs nos apoiaram”, acrescentou ele.", "ele"),
    ("MT604", "pt", "“Estamos orgulhosos”, disse ela. “Não concordo”, respondeu ele.", None),
    ("MT443", "de", "„Wir sind stolz“, sagte sie. „Die Fans haben uns getragen“, fügte er hinzu.", "er"),
    ("MT443", "de", "„Wir gehen jetzt“, sagten sie. „Gute Reise“, fügte er hinzu.", None),
])
def test_her_reporting_clause_in_other_languages(code: str, lang: str, text: str, flagged: str | None) -> None:
    got = [f.text for f in check_rules(code, text, lang)]
    assert got == ([flagged] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    ('"We are proud of this album," she said. "The fans carried us," he added.', "he"),
    ('"We are proud of this album," she said. He also revealed that a tour would follow.', "He"),
    ('"We are proud of this album," she said. "I disagree," he replied.', None),
    ('"We are proud," she said to her husband. He added that they were tired.', None),
])
def test_her_reporting_clause_in_english(text: str, flagged: str | None) -> None:
    got = [f.text for f in check_rules("MT436", text, "en")]
    assert got == ([flagged] if flagged else [])
