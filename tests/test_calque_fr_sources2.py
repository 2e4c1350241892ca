"""Second pass on the French calque tables: news MT from Asian and Arabic sources, and English compounds.

Short articles in our own words. Each machine-translated article carries the formulas its
source press uses (Indonesian and Malay sports and police reports, Vietnamese party and
administration news, Korean sports and entertainment news, Turkish attribution and
condolence formulas, Arabic match reports) or the English compounds of a tech, markets,
games, film or music story rendered word for word; each is caught at the exact offsets
of the calque. The same stories written as clean French journalism, with the ordinary
uses of the same words, stay silent. Only the French calque and mistranslation tables run.
"""

from __future__ import annotations

import pytest
from conftest import check_rules

CODES = {"MT401", "MT403", "MT430", "MT580", "MT581", "MT582", "MT583", "MT584", "MT610"}


def _found(text: str) -> set[tuple[str, int, int]]:
    return {(f.code, f.start, f.end) for f in check_rules(CODES, text)}


def _spans(text: str, expected: list[tuple[str, str]]) -> set[tuple[str, int, int]]:
    """(code, start, end) of each expected calque, found at its first occurrence in the text."""
    spans = set()
    for code, words in expected:
        start = text.index(words)
        spans.add((code, start, start + len(words)))
    return spans


MT_ARTICLES = [
    pytest.param(
        "Le Vietnam a été conquis par l'Indonésie 2-0 mardi. L'Indonésie divertira la Thaïlande au stade "
        "Gelora Bung Karno vendredi, après un score de lunettes au match aller. Le défenseur a marqué un but "
        "suicide, et l'équipe invitée a ouvert le score sur corner, a regretté l'entraîneur du club.",
        [("MT403", "a été conquis"), ("MT403", "divertira"), ("MT403", "score de lunettes"),
         ("MT403", "but suicide"), ("MT403", "l'équipe invitée")],
        id="id-football",
    ),
    pytest.param(
        "Au tournoi de badminton de Jakarta, la paire indonésienne a gagné en double filles, et les navetteurs "
        "locaux comptent sur le secteur du double messieurs. Le président général de la PSSI était présent.",
        [("MT403", "double filles"), ("MT403", "navetteurs"), ("MT403", "président général de la PSSI")],
        id="id-badminton",
    ),
    pytest.param(
        "La victime a été enfuie à l'hôpital par des habitants. La police a procédé au traitement de la scène "
        "du crime et a arrêté trois personnes de suspects. Le glissement de terrain a détruit 12 unités de "
        "maisons et les éleveurs ont perdu 40 queues de vaches. Le porte-parole a déballé que deux suspects "
        "étaient en fuite.",
        [("MT403", "a été enfuie à l'hôpital"), ("MT403", "traitement de la scène du crime"),
         ("MT403", "personnes de suspects"), ("MT403", "unités de maisons"), ("MT403", "queues de vaches"),
         ("MT403", "a déballé que")],
        id="id-police-counters",
    ),
    pytest.param(
        "Le Comité du peuple de Hanoï a approuvé le projet. Le Ministère politique a discipliné deux anciens "
        "ministres, selon le Parti communiste vietnamien. La lauréate de Mademoiselle Vietnam a été reçue par "
        "le Président de l'État.",
        [("MT403", "Comité du peuple"), ("MT403", "Ministère politique"), ("MT403", "Mademoiselle Vietnam"),
         ("MT403", "Président de l'État")],
        id="vi-administration",
    ),
    pytest.param(
        "La chanteuse féminine IU a sorti un album, et le chef du plancher du Parti démocrate l'a saluée. L'attaquant a "
        "inscrit un multi-but lors de son 130e A-match, et Ulsan a gagné son match d'expédition. Le groupe de "
        "K-pop organisera une réunion de fans à Séoul. « Merci à Kim Min-jae-ssi », a écrit l'actrice.",
        [("MT403", "chanteuse féminine"), ("MT403", "chef du plancher"), ("MT403", "multi-but"),
         ("MT403", "A-match"), ("MT403", "match d'expédition"), ("MT403", "réunion de fans"),
         ("MT403", "Kim Min-jae-ssi")],
        id="ko-sport-entertainment",
    ),
    pytest.param(
        "Le ministre a enregistré que les exportations avaient augmenté, puis s'est trouvé dans des "
        "déclarations sur l'inflation. Le club a écrit : « Que sa terre soit abondante. » L'attaquant a aéré "
        "les filets à la 88e minute, et le défenseur a vu le carton rouge.",
        [("MT403", "a enregistré que"), ("MT403", "s'est trouvé dans des déclarations"),
         ("MT403", "Que sa terre soit abondante"), ("MT403", "aéré les filets"), ("MT403", "a vu le carton rouge")],
        id="tr-attribution-football",
    ),
    pytest.param(
        "Le ministre a pointé vers le fait que les prix avaient baissé. Lors du match qui a réuni le Wydad et le "
        "Raja, l'attaquant a enregistré deux buts ; l'entraîneur du club a salué le gardien.",
        [("MT403", "a pointé vers le fait que"), ("MT403", "du match qui a réuni"), ("MT403", "a enregistré deux buts")],
        id="ar-statement-football",
    ),
    pytest.param(
        "Le championnat roulera de nouveau en mai. L'attaquant a percé le but du gardien thaïlandais, mais le "
        "club a dû se contenter d'un résultat équilibré ; l'entraîneur a salué le buteur. Le président a souhaité "
        "ses condoléances aux familles, et le club a souhaité une guérison urgente à son capitaine. Son agence "
        "d'appartenance a démenti, selon un message sur le café des fans.",
        [("MT403", "championnat roulera"), ("MT403", "percé le but"), ("MT403", "résultat équilibré"),
         ("MT403", "a souhaité ses condoléances"), ("MT403", "guérison urgente"),
         ("MT403", "agence d'appartenance"), ("MT403", "café des fans")],
        id="id-tr-ko-more",
    ),
    pytest.param(
        "Le fabricant de copeaux taïwanais profite des processeurs des smartphones Samsung. La mise à jour de "
        "l'iPhone apporte des fixations de bugs, un traçage de rayons amélioré et la fin de l'entaille de "
        "l'écran ; les lunettes de l'écran sont plus fines, mais la brûlure d'écran guette. Une banque de "
        "puissance a pris feu, et le lecteur dur doit être changé.",
        [("MT583", "fabricant de copeaux"), ("MT583", "fixations de bugs"), ("MT583", "traçage de rayons"),
         ("MT583", "entaille de l'écran"), ("MT583", "lunettes de l'écran"), ("MT583", "brûlure d'écran"),
         ("MT583", "banque de puissance"), ("MT583", "lecteur dur")],
        id="en-tech",
    ),
    pytest.param(
        "Selon les analystes de Wall Street, l'argent intelligent quitte les actions pour les obligations, "
        "malgré l'inflation ; les obligations indésirables perdent du terrain et les stocks de mèmes bondissent. "
        "Le faiseur de marché du jeton assure la liquidité, l'exploitation minière de bitcoins ralentit, et le "
        "bitcoin dessine un drapeau de taureau sur Binance, selon les analystes crypto.",
        [("MT583", "l'argent intelligent"), ("MT583", "obligations indésirables"), ("MT583", "stocks de mèmes"),
         ("MT583", "faiseur de marché"), ("MT583", "exploitation minière de bitcoins"), ("MT583", "drapeau de taureau")],
        id="en-markets-crypto",
    ),
    pytest.param(
        "Le jeu vidéo propose douze combats de patron, quarante quêtes latérales et des peaux exclusives sur PS5. "
        "La manette conserve ses déclencheurs adaptatifs ; le nouveau passe de bataille coûte 950 V-bucks, et le "
        "jeu tourne à un taux de trame de 60 images par seconde.",
        [("MT583", "combats de patron"), ("MT583", "quêtes latérales"), ("MT583", "peaux exclusives"),
         ("MT583", "déclencheurs adaptatifs"), ("MT583", "passe de bataille"), ("MT583", "taux de trame")],
        id="en-games",
    ),
    pytest.param(
        "L'actrice gagnante d'un Oscar rejoint la série Netflix. Disney prépare une adaptation en action réelle "
        "du dessin animé, et le double de cascade de l'acteur a été blessé sur le tournage. Le film affiche un "
        "brut mondial de 900 millions au box-office, et la grève des écrivains a bloqué Hollywood.",
        [("MT583", "actrice gagnante d'un Oscar"), ("MT583", "adaptation en action réelle"),
         ("MT583", "double de cascade"), ("MT583", "brut mondial"), ("MT583", "grève des écrivains")],
        id="en-screen",
    ),
    pytest.param(
        "La chanteuse a dévoilé la liste des pistes de son album de début, qui sort avec un album en direct "
        "enregistré à Wembley. Sa chanson frappée cumule un milliard d'écoutes sur Spotify, et ses danseurs de "
        "soutien l'accompagnent en tournée, avec des vocaux de soutien assurés par le groupe.",
        [("MT583", "liste des pistes"), ("MT583", "album de début"), ("MT583", "album en direct"),
         ("MT583", "chanson frappée"), ("MT583", "danseurs de soutien"), ("MT583", "vocaux de soutien")],
        id="en-music",
    ),
    pytest.param(
        "Le studio mise sur son film tente-pôle de l'été : les acteurs ont fait la lecture de table avant le "
        "tournage, le réalisateur a préféré les effets pratiques, et l'écrivain-réalisateur a fêté la fête "
        "d'emballage. Le jeu reste une exclusivité temporelle de la PS5, et des chercheurs ont trouvé une porte "
        "arrière dans le logiciel du routeur. Persib jouera un match de visite à Surabaya.",
        [("MT583", "film tente-pôle"), ("MT583", "lecture de table"), ("MT583", "effets pratiques"),
         ("MT583", "écrivain-réalisateur"), ("MT583", "fête d'emballage"), ("MT583", "exclusivité temporelle"),
         ("MT583", "porte arrière"), ("MT403", "match de visite")],
        id="en-screen-tech-more",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MT_ARTICLES)
def test_machine_translated_article_is_caught_at_exact_offsets(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text, expected) <= _found(text)


CLEAN_ARTICLES = [
    pytest.param(
        "Le Vietnam a été battu par l'Indonésie 2-0 mardi ; le public a été conquis par le spectacle. "
        "L'Indonésie recevra la Thaïlande vendredi, après un match nul et vierge à l'aller ; le clown a diverti "
        "les enfants. Le défenseur a marqué contre son camp, et l'équipe visiteuse a ouvert le score. Le Qatar, "
        "équipe invitée de la Copa América, a perdu son premier match, a regretté l'entraîneur du club.",
        id="id-football",
    ),
    pytest.param(
        "La victime a été transportée d'urgence à l'hôpital par des habitants. La police a procédé aux "
        "constatations et a arrêté trois suspects. Le glissement de terrain a détruit douze maisons et 300 "
        "unités de logement ; la queue de la vache chasse les mouches. Il a déballé ses cadeaux.",
        id="id-police",
    ),
    pytest.param(
        "Le Comité populaire de Hanoï a approuvé le projet au Vietnam ; le président de l'État de Bahia est en "
        "visite. La lauréate de Miss Vietnam a été reçue ; mademoiselle Dupont est attendue. La vice-reine des "
        "Indes a marqué l'histoire.",
        id="vi-administration",
    ),
    pytest.param(
        "La chanteuse IU a sorti un album, et les voix féminines du chœur l'accompagnent. L'attaquant a inscrit un doublé lors "
        "de son 130e match international, et Ulsan a gagné son match à l'extérieur ; une expédition polaire part "
        "en mars. La catholique pratiquante va à la messe.",
        id="ko-clean",
    ),
    pytest.param(
        "La caméra a enregistré la scène ; le ministre a indiqué que les exportations avaient augmenté. Qu'il "
        "repose en paix. L'attaquant a fait trembler les filets, et l'arbitre a brandi le carton jaune. Le "
        "match qui a réuni 60 000 spectateurs a été remporté par le club ; l'entraîneur a salué le gardien.",
        id="tr-ar-clean",
    ),
    pytest.param(
        "Le championnat reprendra en mai ; le bus roulera de nuit. L'attaquant a marqué contre le gardien "
        "thaïlandais, et les pêcheurs ont déchiré leurs filets. Le président a présenté ses condoléances ; le "
        "club souhaite un prompt rétablissement à son capitaine après une intervention urgente. Son agence a "
        "démenti, et l'entraîneur a salué le buteur.",
        id="id-tr-ko-more",
    ),
    pytest.param(
        "Le studio mise sur sa grosse production de l'été ; le poteau de la tente a cédé. Les acteurs ont fait "
        "la lecture du scénario avant le tournage du film, et le réalisateur a préféré les effets physiques. La "
        "porte arrière du camion était ouverte, et le droit de visite du père a été rétabli.",
        id="en-screen-tech-more",
    ),
    pytest.param(
        "Le fabricant de puces taïwanais profite des processeurs des smartphones Samsung ; des copeaux de bois "
        "jonchent l'atelier. La mise à jour de l'iPhone apporte des correctifs et la fin de l'encoche ; la "
        "fixation des prix est libre. La banque de France publie ses chiffres, et un lecteur assidu nous écrit.",
        id="en-tech",
    ),
    pytest.param(
        "Selon les analystes de Wall Street, les investisseurs avertis quittent les actions pour les obligations, "
        "malgré l'inflation et des effets indésirables. L'exploitation minière de cuivre ralentit, et le bitcoin "
        "dessine un drapeau haussier sur Binance, selon les analystes crypto.",
        id="en-markets-crypto",
    ),
    pytest.param(
        "Le jeu vidéo propose douze combats contre des boss et quarante quêtes annexes sur PS5 ; la quête du "
        "Graal continue. La manette conserve ses gâchettes adaptatives, le déclencheur de l'appareil photo est "
        "rapide, et le taux de change pèse sur le prix.",
        id="en-games",
    ),
    pytest.param(
        "L'actrice oscarisée rejoint la série Netflix ; le gagnant du prix est annoncé. Disney intente une action "
        "en justice, et la doublure cascade de l'acteur a été blessée sur le tournage ; une double cascade de "
        "chutes d'eau sert de décor. La grève des scénaristes a bloqué Hollywood.",
        id="en-screen",
    ),
    pytest.param(
        "La chanteuse a dévoilé la liste des titres de son premier album, et un album live enregistré à Wembley "
        "sort en mai ; elle joue en direct à la radio. Son tube cumule un milliard d'écoutes sur Spotify, et ses "
        "danseurs l'accompagnent en tournée, avec des chœurs assurés par le groupe ; la liste des pistes "
        "cyclables du festival est en ligne.",
        id="en-music",
    ),
]


@pytest.mark.parametrize("text", CLEAN_ARTICLES)
def test_clean_article_stays_silent(text: str) -> None:
    assert _found(text) == set()
