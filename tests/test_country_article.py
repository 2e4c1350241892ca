"""MT619 (rules/fr/country-article.toml): a preposition left apart from a country's article.

Machine translation from languages without articles, or from English "in Texas", writes
« à Japon », « en Brésil », « de Mexique », « à Pays-Bas », « à France ». The sentences
below are written for this test.
"""

from __future__ import annotations

import pytest
from conftest import check_rules

CODE = "MT619"


@pytest.mark.parametrize(("text", "span"), [
    ("Le fabricant a ouvert un centre de recherche à Japon en 2021.", "à Japon"),
    ("En Brésil, les planteurs de café craignent une nouvelle sécheresse.", "En Brésil"),
    ("Les ventes de voitures en Canada ont reculé au premier trimestre.", "en Canada"),
    ("Le budget rectificatif de Mexique a été présenté mardi.", "de Mexique"),
    ("La ministre est arrivée à Pays-Bas pour parler de la digue.", "à Pays-Bas"),
    ("Un étudiant de Philippines a remporté le concours de mathématiques.", "de Philippines"),
    ("Les incendies à Colorado ont détruit plusieurs centaines de maisons.", "à Colorado"),
    ("Le candidat a fait campagne en Texas pendant tout le mois d’août.", "en Texas"),
    ("Le gouvernement de Sénégal a rouvert les frontières terrestres.", "de Sénégal"),
    ("Elle a passé son enfance à Chine avant de s’installer à Lyon.", "à Chine"),
    ("Les deux entreprises investissent à Italie et en Espagne.", "à Italie"),
    ("Le tournoi se jouera à États-Unis, au Canada et au Mexique.", "à États-Unis"),
    ("Les réfugiés venus de Soudan du Sud attendent à la frontière.", "de Soudan"),
    ("Le chef de la diplomatie a fait escale à Émirats arabes unis.", "à Émirats"),
    ("Les pluies ont causé des glissements de terrain à Viêt Nam.", "à Viêt Nam"),
    ("Les températures ont dépassé 45 degrés en Pakistan cette semaine.", "en Pakistan"),
    ("L’équipe nationale de Burkina Faso s’est qualifiée dimanche.", "de Burkina Faso"),
    ("Les électeurs à Royaume-Uni voteront le 4 juillet.", "à Royaume-Uni"),
    ("L’ambassadeur de Japon a été convoqué lundi.", "de Japon"),
    ("Le désarroi de Liban face à la crise financière est palpable.", "de Liban"),
])
def test_reported(text: str, span: str) -> None:
    assert [f.text for f in check_rules(CODE, text)] == [span]


@pytest.mark.parametrize("text", [
    "Le fabricant a ouvert un centre de recherche au Japon en 2021.",
    "Les exportations de café du Brésil ont atteint un record.",
    "La chanteuse a donné trois concerts en France cet été.",
    "Le sommet aura lieu aux États-Unis, puis aux Pays-Bas et aux Philippines.",
    "L’émission a été rachetée par le patron de France Télévisions.",
    "Le débat sera retransmis à France 2 puis commenté à France Inter et à France-Culture.",
    "L’agence à Chine Nouvelle a confirmé l’information.",
    "Le club a joué à Kansas City avant de rentrer à Denver.",
    "Une base militaire près de Colorado Springs a été fermée.",
    "La marque de parkas à Canada Goose a ouvert une boutique.",
    "Les bénéfices de Texas Instruments ont dépassé les prévisions.",
    "Le portrait d’Isabelle de Portugal a été restauré.",
    "Le roi de Danemark et la reine de Portugal figurent sur la tapisserie.",
    "Le correspondant en Iran est rentré d’Afghanistan et d’Irak.",
    "Le traité a été signé à Panama, à Monaco, à Singapour et à Djibouti.",
    "Le grand-duc de Luxembourg a reçu les ministres à Luxembourg.",
    "Le cargo a fait escale à Cuba, à Madagascar et à Haïti.",
    "Les vacances en Pays basque séduisent les familles venues de Belgique.",
    "La compagnie Qatar Airways dessert désormais la ville ; la grève touche à Kenya Airways.",
    "Le Banco de Portugal a relevé son taux directeur.",
    "Elle habite à Aix-en-Provence et travaille à Mexico.",
    "Les Japonais vivant à Brésilia sont nombreux.",
    "Il en parle à Israël et à Oman depuis Québec et Washington.",
])
def test_silent(text: str) -> None:
    assert check_rules(CODE, text) == []
