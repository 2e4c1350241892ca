"""English news vocabulary by beat in French machine translation (H5): football transfers,
crypto markets, consumer tech, entertainment, politics and crime, biographies. Rows of
calque-topic (MT583), wrong-sense-topic (MT584) and calque-domain (MT580): the calque is
found with its exact span in an article of its topic, and clean French journalism of the
same beat, with the same French words in their right sense, stays silent."""

from __future__ import annotations

import pytest
from conftest import check_rules

CODES = {"MT580", "MT583", "MT584"}

FOOT = " Le club prépare le mercato, l'entraîneur veut un attaquant et un buteur."
CRYPTO = " Selon Binance, le bitcoin et l'ether dominent la blockchain, les jetons suivent."
TECH = " Le smartphone Android a une puce Snapdragon et un écran OLED."
SCREEN = " Le film Netflix du réalisateur sort en mai, avec des acteurs connus."
MUSIC = " La chanteuse sort un album, le single est numéro un sur Spotify."
POL = " Selon les sondages, les électeurs jugeront le gouvernement et les candidats."
CRIME = " La police, le procureur et les victimes attendent le procès au tribunal."
COVID = " La pandémie de covid a frappé la région."


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, "fr")]


BAD = [
    ("Le gaffer a confirmé le forfait de l'ailier." + FOOT, "MT583", "gaffer"),
    ("Le promu a quitté le haut vol après une saison." + FOOT, "MT583", "le haut vol"),
    ("Le défenseur a été limogé du terrain en fin de match." + FOOT, "MT584", "limogé du terrain"),
    ("Le club a accepté une redevance de 30 millions pour son ailier." + FOOT, "MT584", "redevance de 30 millions"),
    ("Le club a emprunté l'ailier de Chelsea pour six mois." + FOOT, "MT583", "a emprunté l'ailier"),
    ("Le dogecoin a enregistré un rassemblement de 15 % en un jour." + CRYPTO, "MT583", "rassemblement de 15 %"),
    ("Les courts ont été liquidés après la hausse." + CRYPTO, "MT583", "Les courts ont été liquidés"),
    ("Le jeton teste le soutien à 60 000 dollars." + CRYPTO, "MT583", "le soutien à 60 000"),
    ("Le jeton a atteint un haut historique de 4 000 dollars." + CRYPTO, "MT583", "un haut historique"),
    ("Le pourboire Ice Universe a publié les rendus." + TECH, "MT584", "pourboire"),
    ("Samsung a annoncé une nouvelle caractéristique pour le Galaxy." + TECH, "MT583", "nouvelle caractéristique"),
    ("Le modèle supporte la charge rapide de 65 W." + TECH, "MT583", "supporte la charge"),
    ("Il sera vendu en trois variantes de couleur." + TECH, "MT583", "variantes de couleur"),
    ("La fonte du film comprend deux stars." + SCREEN, "MT584", "fonte du film"),
    ("Les fans sont devenus sauvages pendant le concert.", "MT583", "sont devenus sauvages"),
    ("La race présidentielle s'annonce serrée." + POL, "MT584", "race présidentielle"),
    ("Les bureaux de sondage ont ouvert à 8 heures." + POL, "MT583", "bureaux de sondage"),
    ("L'officier a tiré sur le suspect." + CRIME, "MT584", "L'officier"),
    ("La police a chargé le suspect de meurtre." + CRIME, "MT584", "chargé le suspect de meurtre"),
    ("Elle est active de 1995 à présent au cinéma.", "MT583", "de 1995 à présent"),
    ("L'entraîneur a reçu le sac après cinq défaites." + FOOT, "MT583", "a reçu le sac"),
    ("Chelsea a bouclé une affaire de 60 millions pour l'ailier." + FOOT, "MT583", "affaire de 60 millions"),
    ("Les titulaires de bitcoins refusent de vendre." + CRYPTO, "MT584", "titulaires de bitcoins"),
    ("Le jeton a frappé 70 000 dollars lundi." + CRYPTO, "MT583", "frappé 70 000 dollars"),
    ("Les échanges de crypto-monnaies comme Coinbase ferment." + CRYPTO, "MT583", "échanges de crypto-monnaies"),
    ("Le tir de masse a fait cinq morts." + CRIME, "MT584", "tir de masse"),
    ("Le rappeur, né comme Marshall Mathers, vit à Detroit.", "MT580", "né comme"),
    ("Les électeurs se sont rendus aux sondages mardi." + POL, "MT583", "rendus aux sondages"),
    ("La mise à jour est maintenant en direct pour tous les utilisateurs." + TECH, "MT583",
     "est maintenant en direct pour tous les utilisateurs"),
    ("Le milieu a livré une performance d'homme du match." + FOOT, "MT583", "performance d'homme du match"),
    ("Le club a fait une approche pour l'attaquant du PSG." + FOOT, "MT583", "fait une approche pour l'attaquant"),
    ("Le modèle vient avec un chargeur de 65 W." + TECH, "MT583", "vient avec un chargeur"),
    ("La star a adressé les rumeurs de divorce.", "MT583", "adressé les rumeurs"),
    ("Le jury a trouvé l'accusé coupable de meurtre.", "MT583", "a trouvé l'accusé"),
    ("L'homme a été sentencié à dix ans de prison.", "MT583", "sentencié"),
    ("Le film est devenu un succès de bureau de boîte.", "MT583", "bureau de boîte"),
    ("Les démocrates ont retourné le siège." + POL, "MT583", "retourné le siège"),
    ("Le mineur a été chargé en tant qu'adulte." + CRIME, "MT583", "chargé en tant qu'adulte"),
    ("Le suspect a ouvert le feu sur les officiers." + CRIME, "MT584", "sur les officiers"),
    ("La chanteuse a été hospitalisée après un effondrement." + MUSIC, "MT584", "après un effondrement"),
]

CLEAN = [
    "Le Maroc a déposé sa candidature pour la Coupe du monde 2030." + FOOT,
    "La candidature de 2030 pour le Mondial a été validée." + FOOT,
    "L'ancien attaquant a présenté sa candidature pour le poste d'entraîneur." + FOOT,
    "Le club a disputé un match de haut vol face au leader." + FOOT,
    "Le club mise sur un prêt de l'attaquant, la cible prioritaire." + FOOT,
    "Le gardien a été expulsé après un carton rouge." + FOOT,
    "Les actionnaires se sont ralliés mardi à la proposition de la direction." + CRYPTO,
    "Les mineurs se sont ralliés à la proposition de la plateforme." + CRYPTO,
    "La cryptographie post-quantique protège les clés." + CRYPTO,
    "Un rassemblement de 5000 fans du dogecoin a eu lieu à Miami." + CRYPTO,
    "Le bitcoin a atteint un plus haut historique de 73 000 dollars." + CRYPTO,
    "Le gouvernement apporte son soutien à 300 entreprises du secteur." + CRYPTO,
    "Les commerçants qui acceptent le paiement en bitcoin sont rares." + CRYPTO,
    "Le client a laissé un pourboire au livreur via l'application." + TECH,
    "Les nouvelles caractéristiques techniques de la puce impressionnent." + TECH,
    "Le modèle prend en charge la charge rapide de 65 W." + TECH,
    "La fonte des glaces est le sujet du documentaire." + SCREEN,
    "Les fans se sont déchaînés quand la chanteuse est montée sur scène." + MUSIC,
    "La police a chargé les manifestants devant le tribunal." + CRIME,
    "L'officier de police judiciaire a placé le suspect en garde à vue." + CRIME,
    "Le verrouillage du débat parlementaire a été dénoncé." + COVID,
    "Elle est active de 1990 à nos jours et dirige à présent une troupe.",
    "Les commerçants du marché se plaignent des loyers. Une fête de village a réuni trois cents habitants.",
    "Le rallye automobile de Monte-Carlo s'est élancé jeudi sous la neige.",
    "L'attaquant a reçu le sac de sport du buteur." + FOOT,
    "La corrida a réuni les toros dans les arènes, une course de taureaux." + CRYPTO,
    "Le chemin a été emprunté par les supporters." + FOOT,
    "Il est né comme son père dans une famille modeste.",
    "L'entraîneur a été interrogé sur l'avenir de l'attaquant." + FOOT,
    "Le bitcoin a atteint 70 000 dollars pour la première fois." + CRYPTO,
    "Elle a adressé ses critiques au réalisateur, et ses accusations aux producteurs.",
    "La police a trouvé l'accusé chez lui. Elle taquine son mari." + TECH,
    "Après l'effondrement de la scène, la chanteuse a annulé le concert." + MUSIC,
    "Le suspect a tiré sur les officiers de la garnison, dit le colonel." + CRIME,
]


@pytest.mark.parametrize(("text", "code", "span"), BAD)
def test_bad_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_silent(text: str) -> None:
    assert _found(text) == []
