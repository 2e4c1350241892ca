"""French mechanical grammar of machine translation (MT297 lost-elision, MT298 never-pronominal,
MT299 participle-adjective, and the rivers, regions and departments added to MT619
country-article): the engine's slip is found, and clean French news prose with the same words
used correctly stays silent."""

from __future__ import annotations

import pytest

from conftest import check_rules

CODES = {"MT297", "MT298", "MT299", "MT619"}


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, "fr")]


BAD = [
    # MT297: elision across an opening quotation mark
    ("Le maire a prévenu que « il faudra fermer deux écoles » dès septembre.", "MT297", "que « il"),
    ("Elle a promis que « aucun poste ne sera supprimé », sans convaincre.", "MT297", "que « aucun"),
    ("Le syndicat parle de « une provocation pure et simple » après l’annonce.", "MT297", "de « une"),
    ("Le juge a estimé que “elle savait tout” depuis le début.", "MT297", "que “elle"),
    ('Le club a confirmé que "on ne vendra pas notre capitaine" cet été.', "MT297", 'que "on'),
    ("Le texte prévoit de « interdire la publicité » pour les jeux d’argent.", "MT297", "de « interdire"),
    # MT297: « dune » / « dun » for « d’une » / « d’un »
    ("Il sagit dun accord historique, a déclaré la ministre.", "MT297", "dun"),
    ("La commune a besoin dune vingtaine de saisonniers cet été.", "MT297", "dune"),
    ("Le tribunal a infligé au prévenu dune amende de 500 euros.", "MT297", "dune"),
    # MT298: a verb with no pronominal form after « se »
    ("Le joueur s’est plaisanté avec les supporters après le match.", "MT298", "s’est plaisanté"),
    ("L’ancien champion s’est décédé à l’hôpital de Liège.", "MT298", "s’est décédé"),
    ("Les négociations se sont abouties à un compromis mardi soir.", "MT298", "se sont abouties"),
    ("Le festival s’était débuté sous la pluie.", "MT298", "s’était débuté"),
    ("La chanteuse s’est souri devant le public.", "MT298", "s’est souri"),
    ("La délégation s’est séjournée trois jours à Ottawa.", "MT298", "s’est séjournée"),
    ("Le prix du pétrole s’est resté stable toute la semaine.", "MT298", "s’est resté"),
    ("Il s’est allé au stade avec son fils.", "MT298", "s’est allé"),
    ("Les migrants se sont parvenus à rejoindre la côte.", "MT298", "se sont parvenus"),
    # MT299: adjective in -ent / -ant before a determiner, for the participle
    ("Les semaines précédentes l’élection, le parti a recruté des bénévoles.", "MT299", "précédentes"),
    ("Des amendements différents la version du Sénat ont été rejetés.", "MT299", "différents"),
    ("Les familles résidentes la commune depuis dix ans recevront l’aide.", "MT299", "résidentes"),
    ("Des chiffres équivalents la moitié du budget ont été engloutis.", "MT299", "équivalents"),
    ("Un slogan provocant la colère des élus a été retiré.", "MT299", "provocant"),
    ("Des arguments convaincants ses partenaires ont fini par l’emporter.", "MT299", "convaincants"),
    # MT619: rivers, regions and departments that take the article
    ("Les inondations de Mississippi ont fait trois morts.", "MT619", "de Mississippi"),
    ("Le niveau de Rhin a baissé de deux mètres à Bâle.", "MT619", "de Rhin"),
    ("La navigation sur les eaux de Danube a repris lundi.", "MT619", "de Danube"),
    ("Le barrage sur le cours de Nil inquiète l’Égypte.", "MT619", "de Nil"),
    ("Les riziculteurs de Mékong manquent d’eau.", "MT619", "de Mékong"),
    ("Les colons de Golan ont manifesté devant la Knesset.", "MT619", "de Golan"),
    ("Le préfet de Finistère a interdit la pêche à pied.", "MT619", "de Finistère"),
]

CLEAN = [
    # elision and quotations
    "Le maire a prévenu qu’« il faudra fermer deux écoles » dès septembre.",
    "Le syndicat parle d’« une provocation pure et simple » après l’annonce.",
    "Le tarif passera de « un » à « deux » euros par trajet, selon la régie.",
    "Le pronom « il » remplace « iel » dans la version finale du texte.",
    "La rédactrice en chef de « Elle » a salué la sortie de « Il était une fois ».",
    "Le ministre a rappelé que « Nous ne céderons pas », a rapporté Le Soir.",
    "Il a dit que « Ursula von der Leyen viendra à Bruxelles », sans préciser la date.",
    "Le réalisateur de « Un prophète » présidera le jury du festival de Cannes.",
    # the sand dune and the film
    "La dune du Pilat a encore reculé de quatre mètres cet hiver.",
    "Une dune mobile menace la route côtière ; les dunes grises sont protégées.",
    "Le film « Dune » de Denis Villeneuve a été tourné en Jordanie.",
    "Dune part two a rapporté plus que le premier volet au box-office.",
    "Les randonneurs ont gravi la plus haute dune du Sahara avant l’aube.",
    "D’une part les prix montent, d’autre part les salaires stagnent.",
    # pronominal verbs that exist
    "Le ministre s’est déclaré satisfait et s’est dit prêt à négocier.",
    "La présidente s’est plainte des retards et s’est félicitée du résultat.",
    "Ce qui s’est passé samedi reste flou, selon la police cantonale.",
    "Le pilote s’est sorti indemne de l’accident, puis s’en est allé.",
    "Le navire s’est échoué près de Gaspé ; il s’est agi d’une erreur humaine.",
    "Les deux rivaux se sont souri et se sont téléphoné après le débat.",
    "Le marathon s’est couru sous une chaleur écrasante à Montréal.",
    "Elle s’est plu à Genève et s’est rendue à Lausanne le lendemain.",
    "Al Pacino s’est exprimé longuement sur le tournage du film.",
    "Le chanteur est décédé samedi ; l’attaquant a plaisanté avec la presse.",
    "Les négociations ont abouti à un compromis ; le festival a débuté sous la pluie.",
    "Il s’est endormi au volant ; elle s’est moquée de ses adversaires.",
    # adjectives in -ent / -ant used as adjectives and nouns
    "Les jours précédant l’élection, le parti a recruté des bénévoles.",
    "Le précédent gouvernement avait déjà créé un précédent fâcheux.",
    "La semaine précédente, les prix avaient fortement baissé.",
    "Les résidents les plus âgés ont été évacués vers Sion.",
    "Des textes très différents les uns des autres ont été soumis au vote.",
    "Les avis divergent la plupart du temps entre Québec et Ottawa.",
    "Les élus négligent les détails ; les joueurs excellent les jours de match.",
    "Un discours provocant les a profondément choqués.",
    "Ce travail fatigant la nuit use les infirmières du CHU.",
    "Les pays émergents les plus touchés sont en Asie du Sud-Est.",
    "Ces deux projets, différents, la commission les examinera en mai.",
    "Les personnes résidant en Belgique et les adhérents du parti voteront.",
    "Un argument convaincant, une réponse provocante : le débat a été vif.",
    "Le poste reste vacant la semaine prochaine, a indiqué la mairie.",
    # names that take the article, written correctly
    "Les inondations du Mississippi ont touché la Louisiane et le Missouri.",
    "La crue du Rhin a coupé la navigation entre Bâle et Strasbourg.",
    "Les rives du Nil et du Danube accueillent des millions de touristes.",
    "Il skie en Valais, passe l’été en Finistère et l’hiver au Tessin.",
    "Le siège de Texas Instruments est à Dallas, pas à New York.",
    "Le comte de Rhône est un personnage inventé ; la reine de Portugal a régné longtemps.",
    "Le général de Gaulle est né à Lille ; le maire de New York est démocrate.",
    "L’Ostpolitik est un livre de Rhin Verlag.",
    # shapes met in the clean corpus, rewritten
    "Elle a retrouvé dans deux archives différentes un courrier du ministre.",
    "Une fièvre violente l’emporta en quelques jours, à Namur.",
    "La banque a montré sans précédent sa volonté de réforme.",
    "Le public a applaudi les feux de Bengale tirés depuis le pont.",
    "Les touristes visitent la fontaine de Vaucluse au printemps.",
    "Les personnels navigants la soutiennent depuis le début de la grève.",
    "Il s’en est sorti ; les orateurs se sont succédé ; s’est-il plaint de la décision ?",
]


@pytest.mark.parametrize(("text", "code", "span"), BAD)
def test_engine_slip_is_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_french_is_silent(text: str) -> None:
    assert _found(text) == []


def test_offsets_hold() -> None:
    text = " ".join(t for t, _, _ in BAD)
    findings = check_rules(CODES, text, "fr")
    assert findings
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_elision_suggestion_keeps_the_quotation_mark() -> None:
    text = "Le maire a prévenu que « il faudra fermer deux écoles » dès septembre."
    (finding,) = check_rules(CODES, text, "fr")
    assert finding.suggestions[0] == "qu’« il"


def test_single_candidate_dune_after_a_determiner_is_the_noun() -> None:
    assert _found("Le vent a sculpté une dune seule au milieu de la plaine.") == []
