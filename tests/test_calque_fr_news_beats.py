"""English news beats machine-translated into French: the 2026 rows of the French calque tables.

Short articles in our own words, one per beat: the machine-translated version is caught in
several frames (tense, person, determiner, plural, an adverb in the verb group, the other
word MT picks for the same English word), and the same story written as clean French
journalism stays silent, although it holds the topic's cue words and the ordinary uses of
the same words. Only the French calque and mistranslation tables run here.
"""

from __future__ import annotations

import pytest
from conftest import check_rules

CODES = {"MT401", "MT403", "MT430", "MT580", "MT581", "MT582", "MT583", "MT584", "MT610"}


def _found(text: str) -> set[tuple[str, str]]:
    return {(f.code, f.text) for f in check_rules(CODES, text)}


MT_ARTICLES = [
    pytest.param(
        "Mercato : l'attaquant a complété son transfert vers le club anglais. Blessé, il n'avait pas fait le "
        "banc samedi et reste un doute pour la Coupe, prévient l'entraîneur. Le club était revenu de l'arrière "
        "pour arracher un tirage 2-2, puis s'était qualifié aux pénalités grâce à une économie réflexe.",
        {("MT583", "complété son transfert"), ("MT583", "fait le banc"), ("MT583", "reste un doute pour"),
         ("MT583", "revenu de l'arrière"), ("MT583", "un tirage 2-2"), ("MT583", "aux pénalités"),
         ("MT583", "économie réflexe")},
        id="football",
    ),
    pytest.param(
        "Wall Street a terminé mixte mardi, les investisseurs hésitant sur les actions. Le titre était en bas "
        "4 % après que le groupe a manqué les estimations, et la ligne du bas recule. Les acheteurs ont "
        "pourtant acheté la trempette, portés par des vents de queue.",
        {("MT583", "terminé mixte"), ("MT583", "en bas 4 %"), ("MT430", "manqué les estimations"),
         ("MT580", "ligne du bas"), ("MT403", "acheté la trempette"), ("MT580", "vents de queue")},
        id="markets",
    ),
    pytest.param(
        "Le bitcoin et l'ether reculent sur Binance. Les données sur chaîne montrent que les baleines vont long "
        "sur la blockchain, malgré 300 millions de liquidations longues.",
        {("MT583", "données sur chaîne"), ("MT583", "vont long"), ("MT583", "liquidations longues")},
        id="crypto",
    ),
    pytest.param(
        "Test du smartphone Galaxy sous Android : l'écran OLED est le meilleur dans sa classe et l'appareil se "
        "sent vraiment premium. Il vaut votre argent si vous êtes sur le marché pour un nouveau téléphone, mais "
        "votre kilométrage peut varier. Samsung roule un correctif pour la vie de sa batterie.",
        {("MT583", "le meilleur dans sa classe"), ("MT583", "se sent vraiment premium"),
         ("MT403", "vaut votre argent"), ("MT403", "vous êtes sur le marché pour"),
         ("MT403", "votre kilométrage peut varier"), ("MT403", "roule un correctif"),
         ("MT583", "vie de sa batterie")},
        id="tech-review",
    ),
    pytest.param(
        "Le jeu vidéo expédiera en mars sur PS5 et Xbox. Il sera gratuit à jouer, sans modèle payer pour gagner, "
        "et il faudra trente heures pour battre le jeu. La remorque de lancement est en ligne.",
        {("MT583", "expédiera en mars"), ("MT583", "gratuit à jouer"), ("MT583", "payer pour gagner"),
         ("MT583", "battre le jeu"), ("MT430", "remorque")},
        id="games",
    ),
    pytest.param(
        "La chanteuse a lâché tomber un nouveau single, extrait de l'album, qui a atterri à la première place "
        "du Billboard. Sur Spotify, ses fans saluent un crochet entêtant ; elle a performé sur scène samedi, "
        "avant l'acte principal du festival.",
        {("MT583", "lâché tomber un nouveau single"), ("MT583", "atterri à la première place"),
         ("MT583", "un crochet entêtant"), ("MT583", "a performé sur scène"), ("MT583", "acte principal")},
        id="music",
    ),
    pytest.param(
        "La suite du film a été éclairée en vert par Netflix. Les acteurs reviennent pour le tournage, et "
        "l'actrice nommée pour son rôle de soutien sera l'étoile invitée d'une série de drame.",
        {("MT583", "a été éclairée en vert"), ("MT580", "rôle de soutien"), ("MT580", "étoile invitée"),
         ("MT583", "série de drame")},
        id="screen",
    ),
    pytest.param(
        "La star a pris à Instagram pour annoncer qu'elle et son fiancé avaient noué le nœud. Ses abonnés se "
        "déchaînent dans la section des commentaires ; elle a jeté de l'ombre à son ex, attend bébé "
        "numéro deux, et les fans sont allés sauvages.",
        {("MT580", "pris à Instagram"), ("MT580", "noué le nœud"), ("MT583", "section des commentaires"),
         ("MT580", "jeté de l'ombre à"), ("MT403", "sont allés sauvages"), ("MT583", "bébé numéro deux")},
        id="celebrity",
    ),
    pytest.param(
        "Trois sénateurs républicains ont traversé l'allée pour voter le texte. Les deux candidats sont cou et "
        "cou dans les sondages avant l'élection ; le gouverneur a jeté son chapeau dans l'anneau et la "
        "nomination a soulevé des sourcils au Sénat.",
        {("MT583", "traversé l'allée"), ("MT403", "cou et cou"), ("MT403", "jeté son chapeau dans l'anneau"),
         ("MT403", "soulevé des sourcils")},
        id="politics",
    ),
    pytest.param(
        "Selon la police, le suspect a été retrouvé coupable de meurtre. Il devra servir sa peine dans une "
        "prison fédérale ; il avait été braqué à la pointe d'un pistolet lors d'une fusillade de conduite, "
        "selon l'enquête sur l'anneau de drogue.",
        {("MT403", "retrouvé coupable"), ("MT403", "servir sa peine"), ("MT583", "braqué à la pointe d'un pistolet"),
         ("MT403", "fusillade de conduite"), ("MT403", "anneau de drogue")},
        id="crime",
    ),
    pytest.param(
        "Ceci est une histoire en développement. Le ministre a été cité comme disant que la réforme passerait, "
        "selon des sources au courant de la matière ; le journal qui a rapporté en premier l'information n'a "
        "pas répondu à notre requête de commentaire.",
        {("MT581", "Ceci est une histoire en développement"), ("MT581", "a été cité comme disant"),
         ("MT581", "au courant de la matière"), ("MT581", "a rapporté en premier"),
         ("MT581", "pas répondu à notre requête de commentaire")},
        id="wire",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MT_ARTICLES)
def test_machine_translated_beat_is_caught(text: str, expected: set[tuple[str, str]]) -> None:
    found = _found(text)
    assert expected <= found, sorted(expected - found)


CLEAN_ARTICLES = [
    pytest.param(
        "Mercato : l'attaquant a finalisé son transfert vers le club anglais ; le club a complété son effectif. "
        "Blessé, il ne figurait pas sur le banc samedi et reste incertain pour la Coupe, prévient l'entraîneur. "
        "Le club était revenu au score pour arracher un match nul 2-2 ; le tirage au sort a lieu lundi. "
        "Qualifié aux tirs au but, le club paiera des pénalités financières et fera des économies.",
        id="football",
    ),
    pytest.param(
        "Wall Street a terminé en ordre dispersé mardi, les investisseurs hésitant sur les actions. Le titre "
        "était en baisse de 4 % après des résultats inférieurs aux attentes ; le résultat net recule. Les "
        "acheteurs ont profité de la baisse, portés par un vent favorable ; le bas de la page donne le détail.",
        id="markets",
    ),
    pytest.param(
        "Test du smartphone Galaxy sous Android : l'écran OLED est le meilleur de sa catégorie et l'appareil "
        "paraît haut de gamme. Il vaut son prix si vous cherchez un nouveau téléphone ; son designer se sent "
        "fier. Samsung déploie un correctif pour l'autonomie ; la durée de vie de la batterie est de cinq ans.",
        id="tech-review",
    ),
    pytest.param(
        "La chanteuse a sorti un nouveau single, extrait de l'album, qui s'est classé premier du Billboard. Sur "
        "Spotify, ses fans saluent un refrain entêtant ; elle s'est produite sur scène samedi, avant la tête "
        "d'affiche du festival. Son avion a atterri à l'heure et elle a remonté l'allée du jardin.",
        id="music",
    ),
    pytest.param(
        "Selon la police, le suspect a été reconnu coupable de meurtre. Il purgera sa peine dans une prison "
        "fédérale ; le corps avait été retrouvé dans un lac. L'enquête a montré qu'il avait servi dix ans dans "
        "l'armée et perdu son anneau de mariage.",
        id="crime",
    ),
    pytest.param(
        "Trois sénateurs républicains ont voté avec les démocrates avant l'élection. Les deux candidats sont au "
        "coude-à-coude dans les sondages ; des arbres bordent les deux côtés de l'allée du Sénat, dit le guide.",
        id="politics-literal-aisle",
    ),
    pytest.param(
        "Article en cours d'actualisation. Le ministre aurait déclaré que la réforme passerait, selon des "
        "sources au courant du dossier ; le journal qui a révélé l'information n'a pas répondu à nos "
        "sollicitations. La matière grise ne manque pas au ministère.",
        id="wire",
    ),
]


@pytest.mark.parametrize("text", CLEAN_ARTICLES)
def test_clean_beat_stays_silent(text: str) -> None:
    assert _found(text) == set()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # widened rows: another tense, person or word than the one the row first knew
        ("Le séjour vaut un bras et une jambe en août.", "vaut un bras et une jambe"),
        ("Le film frappera nos écrans en décembre.", "frappera nos écrans"),
        ("Le club a sécurisé son maintien dimanche.", "sécurisé son maintien"),
        ("L'or a frappé de nouveaux sommets historiques cette semaine.", "frappé de nouveaux sommets historiques"),
        ("Selon des responsables familiers avec le dossier, l'accord est proche.", "responsables familiers avec"),
        ("Il restera à voir combien de députés voteront le texte.", "Il restera à voir combien"),
        ("Le conducteur a été prononcé décédé sur les lieux.", "prononcé décédé"),
    ],
)
def test_widened_rows_meet_new_variants(text: str, span: str) -> None:
    assert span in {t for _, t in _found(text)}


def test_topic_rows_need_their_topic() -> None:
    """The same words outside the beat's topic stay silent (one cue word is not the topic)."""
    assert _found("Le club de lecture a complété son recrutement de bénévoles.") == set()
    assert _found("Le jardinier a terminé mixte son massif de fleurs, en bas 3 % de la pente.") == set()
    assert _found("La remorque finale du convoi transportait des tracteurs.") == set()
