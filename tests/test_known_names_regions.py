"""MT174 (known-name-variant) on the names added for Asia, the Gulf, Africa and the Americas:
clubs, competitions, venues, agencies and companies misspelt by a letter or two, and the
spellings the kind must leave alone (accent-less forms, sibling names listed together,
names sharing only a first word, a spelling the article repeats)."""

from __future__ import annotations

import pytest
from conftest import check_rules

CODE = "MT174"


def _found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, tuple(f.suggestions)) for f in check_rules(CODE, text, lang)]


@pytest.mark.parametrize(
    "text, lang, wrong, right",
    [
        ("Le milieu indonésien a signé au Persija Jakrta pendant le mercato d'hiver.", "fr",
         "Persija Jakrta", "Persija Jakarta"),
        ("Buriram finished two points clear of Bangkok Unitd after the last round.", "en",
         "Bangkok Unitd", "Bangkok United"),
        ("L'attaquant brésilien a rejoint Sanfrecce Hiroshma avant la reprise de la saison.", "fr",
         "Sanfrecce Hiroshma", "Sanfrecce Hiroshima"),
        ("The defender spent three seasons at Kashiwa Reysoll before moving abroad.", "en",
         "Kashiwa Reysoll", "Kashiwa Reysol"),
        ("El Athletico Paranense perdió en casa y se complica la permanencia.", "es",
         "Athletico Paranense", "Athletico Paranaense"),
        ("El Deportivo Toluka remontó en la segunda parte ante su público.", "es",
         "Deportivo Toluka", "Deportivo Toluca"),
        ("Der kanadische Verteidiger wechselt zu den Vancouver Whitecapps in die MLS.", "de",
         "Vancouver Whitecapps", "Vancouver Whitecaps"),
        ("Charleroi a battu Genk et conforte sa place en Jupiler Pro Laegue cette saison.", "fr",
         "Jupiler Pro Laegue", "Jupiler Pro League"),
        ("The derby will be played at the Rajamangala Staduim in front of a sell-out crowd.", "en",
         "Rajamangala Staduim", "Rajamangala Stadium"),
        ("Le groupe se produira deux soirs à la Saitama Super Arrena en décembre.", "fr",
         "Saitama Super Arrena", "Saitama Super Arena"),
        ("La chanteuse a renouvelé son contrat avec YG Entertainmnet pour trois ans.", "fr",
         "YG Entertainmnet", "YG Entertainment"),
        ("The quintet debuted under Pledis Entertainmant in the spring.", "en",
         "Pledis Entertainmant", "Pledis Entertainment"),
        ("Die Aktie von Coinbase Globl fiel nach den Quartalszahlen um sechs Prozent.", "de",
         "Coinbase Globl", "Coinbase Global"),
        ("Das Eröffnungsspiel findet im Lusail Stadiom vor 80.000 Zuschauern statt.", "de",
         "Lusail Stadiom", "Lusail Stadium"),
        ("Passengers on the Vietnam Airlnes flight were moved to another aircraft.", "en",
         "Vietnam Airlnes", "Vietnam Airlines"),
        ("El Al Rayyan y el Al Sadd se enfrentan por la Qatar Stars Laegue este viernes.", "es",
         "Qatar Stars Laegue", "Qatar Stars League"),
    ],
)
def test_misspelt_regional_name_is_reported(text: str, lang: str, wrong: str, right: str) -> None:
    assert _found(text, lang) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text, lang",
    [
        # Correct spellings.
        ("Le Persija Jakarta, Bali United et Borneo FC ont gagné ; le PSM Makassar a concédé le nul.", "fr"),
        ("Ulsan HD FC, Gangwon FC and Incheon United drew; Gamba Osaka beat Cerezo Osaka at home.", "en"),
        ("SM Entertainment, JYP Entertainment, HYBE Labels and Big Hit Entertainment all rose in Seoul.", "en"),
        ("El Club León y el Club Tijuana empataron; Santos Laguna ganó en el Estadio Akron.", "es"),
        # Accent-less spellings of listed names: the kind compares letters without accents.
        ("Le Fenerbahce Beko, l'Istanbul Basaksehir et l'Etoile du Sahel jouent ce soir.", "fr"),
        ("Das Spiel im Estadio Santiago Bernabeu und das im Estadio da Luz sind ausverkauft.", "de"),
        ("Tokyo Verdy et le Shimizu S-Pulse ont rejoint la J1 League ; Jubilo Iwata descend.", "fr"),
        # Sibling names listed together: one or two letters apart, and both correct.
        ("Al Gharafa a battu Al Gharrafa ; le Thai League 2 et la Thai League 3 reprennent, la K League 2 aussi.",
         "fr"),
        ("Le Nam Định FC a joué au Mỹ Đình National Stadium, puis Nam Dinh FC au My Dinh National Stadium.", "fr"),
        ("Galatasaray joue au Rams Park, Beşiktaş au Tüpraş Stadyumu et Fenerbahçe au Şükrü Saracoğlu Stadyumu.",
         "fr"),
        ("Ajax plays at the Johan Cruyff Arena, officially the Johan Cruijff ArenA.", "en"),
        # Names that share a listed name's first word but differ by a whole word.
        ("Le Stade de Rennes et le Stade de Radès ; Chicago Bulls et Chicago Fire ; Bangkok Glass et Bangkok Post.",
         "fr"),
        ("Real Salt Lake et Real Madrid ; Kuala Lumpur Tower et Kuala Lumpur City ; Estadio Jalisco et Estadio BBVA.",
         "fr"),
        # A misspelling the article writes twice the same way may be a name of its own.
        ("Le club de Persija Jakrta a été fondé en 1928. Le Persija Jakrta joue en première division.", "fr"),
    ],
)
def test_clean_regional_names_are_left_alone(text: str, lang: str) -> None:
    assert _found(text, lang) == []
