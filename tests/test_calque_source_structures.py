"""Structural calques of French news machine-translated from Indonesian, Vietnamese, Korean,
Turkish, Arabic and Spanish (MT380 count-as-many-as, MT381 classifier-noun, MT382
occupation-agent, MT383 honorific-given-name, and the rows of MT403 and MT581 added with them):
the calque is found with its exact span, and native French with the same words stays silent."""

from __future__ import annotations

import pytest
from conftest import check_rules

CODES = {"MT380", "MT381", "MT382", "MT383", "MT403", "MT581"}


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, "fr")]


BAD = [
    ("Pas moins de 4 personnes ont été blessées dans la collision de jeudi.", "MT380", "Pas moins de 4 personnes"),
    ("Selon la police, autant que 6 maisons ont été emportées par la crue.", "MT380", "autant que 6 maisons"),
    ("Jusqu'à 3 suspects ont été interpellés après le cambriolage.", "MT380", "Jusqu'à 3 suspects"),
    ("Les sauveteurs ont effectué le travail d'évacuation pendant la nuit.", "MT381", "effectué le travail d'évacuation"),
    ("L'incident de la fusillade a choqué tout le quartier.", "MT381", "L'incident de la fusillade"),
    ("L'événement de la signature a réuni les dirigeants des deux pays.", "MT381", "L'événement de la signature"),
    ("Le cas d'escroquerie a été découvert par les enquêteurs de Hanoï.", "MT381", "Le cas d'escroquerie"),
    ("Des soldats de l'occupation ont fait irruption dans le camp à l'aube.", "MT382", "de l'occupation"),
    ("Mardi, l'occupation a démoli deux immeubles à Jénine.", "MT382", "l'occupation a démoli"),
    ("Interrogée par la presse, Mme Seo-yeon a confirmé son mariage.", "MT383", "Mme Seo-yeon"),
    ("Il a été signalé que le feu avait pris dans la cuisine.", "MT403", "Il a été signalé que"),
    ("En base aux premiers résultats, le parti arrive en tête.", "MT403", "En base aux"),
    ("L'aussi actrice a publié une photo de sa fille.", "MT403", "L'aussi actrice"),
    ("Les enseignants ont réalisé une grève de trois jours.", "MT403", "réalisé une grève"),
    ("Le groupe a reçu une chaleureuse réponse du public japonais.", "MT403", "une chaleureuse réponse"),
    ("La chanteuse s'est vantée de sa silhouette dans une robe noire.", "MT403", "s'est vantée de sa silhouette"),
    ("Siti, affectueusement appelée Bu Siti par ses élèves, prend sa retraite.", "MT403", "affectueusement appelée"),
    ("Le maire a transmis sa fierté envers les athlètes de la ville.", "MT403", "a transmis sa fierté"),
    ("Le porte-parole a souligné et affirmé que la position du royaume est inchangée.", "MT403", "a souligné et affirmé"),
    ("Lié à cette annonce, les syndicats ont appelé à la grève.", "MT581", "Lié à cette annonce"),
    ("Des ambulances ont été envoyées dans la région, selon le gouvernorat.", "MT581", "ont été envoyées dans la région"),
]

CLEAN = [
    "Pas moins de 40 000 spectateurs ont assisté au concert, un record pour le stade.",
    "Pas moins de neuf ministres ont démissionné en un an.",
    "Le gîte peut accueillir jusqu'à 4 personnes ; comptez pas moins de 3 heures de route.",
    "Un total de 7 suspects ont été arrêtés, a annoncé le parquet.",
    "Il a effectué un travail de recherche remarquable sur les abeilles.",
    "L'incident diplomatique a été réglé en quelques jours ; l'incident du match a été oublié.",
    "L'événement de l'année a eu lieu samedi à Bercy.",
    "Dans le cas de fraude avérée, le contrat est annulé. Le cas de la France est particulier.",
    "Les forces de l'occupation allemande ont quitté la ville en août 1944.",
    "L'occupation a duré quatre ans ; le taux d'occupation des hôtels a atteint 90 %.",
    "Les forces d'occupation se sont retirées de la région.",
    "M. Lee a déclaré qu'il était satisfait ; M. Lee Min-ho aussi. Mme Jean-Marie a pris la parole.",
    "Il a été démontré que le médicament réduit les symptômes.",
    "Il a été établi au procès que le prévenu se trouvait à Lyon.",
    "Sur la base de l'enquête, les suspects ont été identifiés ; le camp de base a été évacué.",
    "La cinéaste a réalisé un documentaire sur la grève ; l'émission a réalisé une audience record.",
    "Une chaleureuse ovation a salué son entrée ; il a reçu un accueil chaleureux.",
    "Il se vantait de sa force devant ses camarades.",
    "Élisabeth, affectueusement appelée Lili par ses proches, a fêté ses cent ans.",
    "Le ministère a transmis le dossier au parquet ; il a transmis ses consignes.",
    "Le ministre a confirmé et précisé les chiffres du chômage.",
    "Liée à son passé, cette histoire la hante toujours.",
    "Des troupes ont été déployées dans la région de Kherson.",
]


@pytest.mark.parametrize(("text", "code", "span"), BAD)
def test_calque_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_native_french_silent(text: str) -> None:
    assert _found(text) == []


BAD_SECOND = [
    ("Selon lui, le pont rouvrira en juin, a-t-il dit.", "MT384", ", a-t-il dit"),
    ("Le maire a déclaré que l'école sera reconstruite, a-t-il ajouté devant la presse.", "MT384", ", a-t-il ajouté"),
    ("Un homme (41) d'Utrecht a été arrêté pour conduite dangereuse.", "MT385", "homme (41)"),
    ("Selon la police, M. Suzuki (38) a reconnu le vol.", "MT385", "M. Suzuki (38)"),
    ("La tournée commencera le 20 à venir à Busan.", "MT403", "le 20 à venir"),
    ("Selon les informations initiales, deux personnes sont portées disparues.", "MT403", "Selon les informations initiales"),
    ("Selon les informations obtenues, l'homme circulait sans permis.", "MT403", "Selon les informations obtenues"),
    ("La société a présenté son téléphone, même qui sera vendu en mars.", "MT403", "même qui"),
    ("Mercredi, la sécurité a arrêté trois passeurs près de la frontière.", "MT403", "la sécurité a arrêté"),
    ("D'accord avec les statistiques, la pauvreté a augmenté.", "MT403", "D'accord avec les statistiques"),
    ("À la racine de la plainte, le parquet a ouvert une enquête.", "MT403", "À la racine de la plainte"),
    ("La police a interrogé la suspecte Yamada (29) pendant six heures.", "MT385", "suspecte Yamada (29)"),
    ("Dans l'incident, un passant a été mortellement blessé.", "MT403", "Dans l'incident,"),
    ("Le week-end s'est terminé avec un solde de deux morts sur les routes.", "MT403", "un solde de deux morts"),
]

CLEAN_SECOND = [
    "Selon lui, le pont rouvrira en juin. Les travaux ont pris du retard, a-t-il ajouté.",
    "Le pont rouvrira en juin, a-t-il dit. « Il a dit qu'il viendrait », a-t-elle raconté.",
    "Le ministre a déclaré que la loi serait votée, a indiqué son porte-parole.",
    "Un homme de 41 ans a été arrêté ; le salon se tient à Caen (14) et à Rouen (76).",
    "M. Suzuki, 38 ans, a reconnu le vol ; voir la note (12) du rapport.",
    "Le concert aura lieu le 20 mai prochain ; les mois à venir seront chargés.",
    "Selon les informations obtenues par Le Monde, le contrat est signé.",
    "C'est celui-là même qui a été voté ; il a dit la même chose.",
    "La sécurité a été renforcée autour du stade ; les services de sécurité ont arrêté un homme.",
    "Grâce à Dieu, personne n'a été blessé ; le chœur a chanté « Gloire à Dieu ».",
    "Il faut s'attaquer à la racine du problème ; le solde de son compte est positif.",
    "Dans l'incident, personne n'a été blessé, selon la préfecture.",
]


@pytest.mark.parametrize(("text", "code", "span"), BAD_SECOND)
def test_calque_found_second(text: str, code: str, span: str) -> None:
    assert (code, span) in [(f.code, f.text) for f in check_rules(CODES | {"MT384", "MT385"}, text, "fr")]


@pytest.mark.parametrize("text", CLEAN_SECOND)
def test_native_french_silent_second(text: str) -> None:
    assert check_rules(CODES | {"MT384", "MT385"}, text, "fr") == []
