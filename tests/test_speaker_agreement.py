"""speaker-agreement: a woman's own words with a masculine adjective about herself; traps where
the speaker is a man, the adjective has one form, or the word is a noun."""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("MT615", "fr", "« Je suis tellement [[heureux]] de retrouver le public », a-t-elle confié.", "heureuse"),
    ("MT615", "fr", "« J’étais [[sûr]] que nous allions gagner », explique-t-elle.", "sûre"),
    ("MT615", "fr", "« Je ne me sens pas encore [[prêt]], a avoué la nageuse.\n\nElle reviendra en mai.", "prête"),
    ("MT616", "es", "«Estaba muy [[nervioso]] antes de salir al escenario», contó la actriz.", "nerviosa"),
    ("MT617", "it", "«Sono davvero [[contento]] di essere qui», ha spiegato la tennista.", "contenta"),
    ("MT617", "it", "«Non sono mai [[stato]] così in forma», ha detto lei.", "stata"),
    ("MT618", "pt", "“Fiquei muito [[emocionado]] com a homenagem”, disse a cantora.", "emocionada"),
]


@pytest.mark.parametrize(("code", "lang", "marked", "fix"), BAD)
def test_her_masculine_self_description(code: str, lang: str, marked: str, fix: str | None) -> None:
    start = marked.index("[[")
    word = marked[start + 2 : marked.index("]]")]
    text = marked.replace("[[", "").replace("]]", "")
    found = check_rules(code, text, lang)
    assert [(f.start, f.text) for f in found] == [(start, word)]
    if fix:
        assert found[0].suggestions[0] == fix


TRAPS = [
    ("MT615", "fr", "« Je suis très fier d’elle », a-t-il confié. « Je suis triste et calme », a-t-elle ajouté."),
    ("MT615", "fr", "« Je suis médecin, je suis là et je suis tout à fait d’accord », a déclaré la ministre."),
    ("MT615", "fr", "« Il est heureux et je suis content pour lui », a déclaré son père, Paul Martin."),
    ("MT615", "fr", "Elle cite son frère : « Je suis fier de toi. » Puis elle sourit."),
    ("MT616", "es", "«Estoy orgulloso de ella», dijo su padre. «Estoy feliz», dijo la cantante."),
    ("MT618", "pt", "“Obrigado pelo convite”, disse o treinador à jornalista."),
]


@pytest.mark.parametrize(("code", "lang", "text"), TRAPS)
def test_men_epicene_words_and_nouns_stay_silent(code: str, lang: str, text: str) -> None:
    assert check_rules(code, text, lang) == []

