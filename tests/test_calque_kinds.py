"""The calque and mistranslation kinds (sense-table, pronoun-gender, apposition-gender): hits and clean-text traps."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from conftest import assert_linear

RULESET = load_rules([builtin_rules_dir()])
BY_CODE = {r.code: r for r in RULESET.rules}
CODES = ["MT403", "MT404", "MT405", "MT406", "MT407", "MT408", "MT409", *(f"MT{n}" for n in range(430, 446))]
MINE = [BY_CODE[c] for c in CODES]
ENGINE = Engine(MINE, RULESET.packs)


def findings(text: str, lang: str) -> list[tuple[str, str]]:
    doc = Document(text, "<test>", lang)
    result = ENGINE.check(doc)
    assert not result.failures, result.failures
    for f in result.findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.code, f.text) for f in result.findings]


# --- clean journalism that must stay silent -------------------------------------------------

CLEAN = [
    ("fr", "Al Pacino et Robert De Niro ont tourné à Paris ; Al-Qaïda a revendiqué l'attaque, selon Amazon.com."),
    ("fr", "Le rallye Dakar part de Djeddah : les pilotes et leurs copilotes affrontent 8 000 km de spéciales."),
    ("fr", "Le tournage du film a repris lundi ; la réalisatrice remercie la police municipale pour son aide."),
    ("fr", "Charles de Gaulle et Ursula von der Leyen sont cités ; J.R.R. Tolkien aussi, et BlueSky et l'iPhone."),
    ("fr", "La Terre, mère nourricière de l'humanité, souffre du réchauffement, rappelle le scientifique."),
    ("fr", "Les officiers de police judiciaire ont entendu le suspect ; un officier de gendarmerie était présent."),
    ("fr", "Le joueur compte 45 sélections en équipe de France ; il a signé un contrat de quatre ans."),
    ("fr", "La ministre Élisabeth Borne et la chanteuse Angèle étaient présentes ; l'écrivain Annie Ernaux aussi."),
    ("fr", "Le chanteur Marco Rossi et la chanteuse Maria Lopez ont présenté leur duo à 20 h 30."),
    ("fr", "La police a porté secours aux blessés ; la victime a porté plainte contre son voisin."),
    ("fr", "Les commerçants du centre-ville acceptent désormais le bitcoin, selon la chambre de commerce."),
    ("fr", "Marie Curie a reçu le prix. Son mari, Pierre, était présent : « C'est mérité », a-t-il dit."),
    ("fr", "Anne Hidalgo a reçu le ministre. « Nous avançons », a-t-il déclaré ; elle a approuvé."),
    ("fr", "« Paris est prêt », a-t-il lancé. Sophie Martin, elle, reste prudente."),
    ("de", "Angela Merkel traf den Präsidenten. „Wir sind uns einig“, sagte er danach."),
    ("de", "Die Trainerin Ayşe Demir lobte den Verein. Er habe alles richtig gemacht, sagte sie."),
    ("it", "Giulia Rossi ha vinto il festival. Il concerto è andato benissimo ed è stata invitata a Sanremo."),
    ("it", "Giulia Rossi ha detto che è morto il padre. È stato un anno difficile."),
    ("fr", "Du côté de la Premier League, Arsenal a gagné ; au cours de la saison, le club a fixé trois objectifs pour la saison."),
    ("fr", "Ces crédits incluent deux milliards pour la défense, selon le projet de budget."),
    ("fr", "Deux policiers blessés ont porté plainte ; la salle est comble à la Maison-Blanche."),
    ("fr", "Un rallye touristique est organisé au cours de l'été ; le redémarrage du jeu a eu lieu après la pause."),
    ("fr", "Le premier vol de l'A350 a eu lieu à Toulouse ; le club de supporters a affrété un avion."),
    ("fr", "Il est passé lundi devant le juge ; elle est passée dimanche à la télévision."),
    ("fr", "La grêle a frappé les vignobles ; on peut jeter de l'ombre sur la terrasse et blâmer l'élève pour sa conduite."),
    ("fr", "Les documents divulgués par la presse ; la cité de Carcassonne et la Cité de l'espace attirent les touristes."),
    ("fr", "Au pays du Soleil-Levant comme au pays des kangourous, le tango et la samba ont leurs fans."),
    ("fr", "Le tournoi a provoqué une tempête sur les réseaux sociaux ; l'entraîneur en tête du classement est satisfait."),
    ("fr", "Le thermomètre est gradué de 0 à 100 ; il a été diplômé de l'université de Lyon."),
    ("en", "Scientists say we have 10 years, and the votes were counted with the new machines."),
    ("en", "She realized the tests were flawed; errors were found in the statement, as quoted from Hamlet."),
    ("en", "And is that really true? The networks' coverage was criticised by viewers who commented on the networks."),
    ("es", "El partido fue excitante; la aplicación de trabajo colaborativo ha sido vinculada con un movimiento político."),
    ("de", "Das macht Sinn, sagte der Sprecher; er machte den Unterschied. Wir haben 10 Jahre, um das zu schaffen."),
    ("de", "Der Präsident nahm am Tisch Platz; der Verein verlangt gegen eine Gebühr von 5 Euro Eintritt. Drei Ziele für die Saison."),
    ("it", "Mi fa senso; sta lavorando su un nuovo progetto e si è aperta sul suo passato. Tre obiettivi per la stagione."),
    ("pt", "O gato está em cima da cerca; a janela se abre sobre o jardim; empréstimo por uma taxa de juros de 5%."),
    ("fr", "Peter Smith\n\nNée le 3 mai, sa sœur vit à Lyon. Décédée en 2001, sa mère…\n"),
    ("it", "Maria Rossi\nNata 6 agosto 1959\nNato a Roma, il fratello vive a Milano.\n"),
    ("en", "Al Pacino met Queen Elizabeth in 1992. She said he was charming, and he thanked her."),
    ("en", "Maria Lopez and her husband arrived late. He said the traffic was terrible."),
    ("en", "Laura Smith sued her former employer. The company said it would appeal, and its lawyer said he was confident."),
    ("en", "“He was my mentor,” Shakira said of the producer, who died in May."),
    ("en", "The striker scored an own goal; the own-brand products sold well on Amazon.com."),
    ("en", "The 25-year-old has 12 years of experience; she has 3 children and two dogs."),
    ("es", "Al igual que en 2020, la empresa realizó una encuesta y se realizó el sorteo ante notario."),
    ("es", "La cantante Lucía Gómez está embarazada de su segundo hijo, según su representante."),
    ("es", "Nacer en una ciudad grande cambia la vida; la película tuvo lugar en Sevilla."),
    ("de", "Der Tabellenführer gewann 2:1; die Trainerin Ayşe Yılmaz lobte ihre Mannschaft."),
    ("de", "Der Dirigent studierte die Partitur der Oper; das Orchester spielte Mozart."),
    ("de", "Das Projekt wurde 2020 realisiert; in den Jahren 2019 bis 2021 stieg der Umsatz."),
    ("it", "L'album è stato pubblicato nel 2019; il detenuto è stato rilasciato ieri dal carcere."),
    ("it", "Eventualmente, il comune potrà rimborsare le spese; la cantante Giulia Rossi ha vinto."),
    ("pt", "A empresa realizou uma pesquisa; o cantor Marco Silva e a cantora Ana Souza cantaram juntos."),
    ("pt", "Os atos associados ao crime foram investigados; nascer em São Paulo é uma sorte."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN, ids=[f"{l}-{i}" for i, (l, _) in enumerate(CLEAN)])
def test_clean_text_is_silent(lang: str, text: str) -> None:
    assert findings(text, lang) == []


# --- what they must find --------------------------------------------------------------------
# (The sense-table rows are tested by each rule's own examples; these are the gender kinds.)

BAD = [
    ("fr", "Le jeune chanteur Dewi Lestari a sorti un album.", "MT437", "Le jeune chanteur"),
    ("fr", "Isabelle Adjani a répondu aux questions. « Je suis heureuse », poursuit-il.", "MT442", "poursuit-il"),
    ("de", "Die Sängerin Ayşe Demir stellte ihr Album vor. „Es hat lange gedauert“, sagte er am Dienstag.", "MT443", "er"),
    ("it", "Giulia Rossi ha presentato il disco a Roma. Nel 2019 era stanco dei concerti.", "MT444", "stanco"),
    ("fr", "Peter Smith\n\nNée\n12 mars 1950\n", "MT445", "Née"),
    ("en", "Adele is one of the singers who, throughout his career, has topped the charts. She thanked fans.", "MT436", "his"),
    ("es", "El cantante Lucía Gómez presentó su disco.", "MT438", "El cantante"),
    ("de", "Der Trainer Ayşe Yılmaz lobte ihr Team.", "MT441", "Der Trainer"),
    ("it", "Il cantante Giulia Rossi ha pubblicato un album.", "MT439", "Il cantante"),
]


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD, ids=[f"{c}-{i}" for i, (_, _, c, _) in enumerate(BAD)])
def test_finds(lang: str, text: str, code: str, span: str) -> None:
    assert (code, span) in findings(text, lang)


@pytest.mark.parametrize(("unit", "times", "lang"), [("Camila he his ", 1, "en"), ("le chanteur ", 1, "fr"), (" ", 10, "fr")])
def test_linear_on_long_repetitive_input(unit: str, times: int, lang: str) -> None:
    assert_linear(lambda text: findings(text, lang), lambda n: unit * n * times, 5_000)


def test_every_table_row_compiles() -> None:
    """sense-table compiles a row's conditions lazily: validate every row of every table here."""
    import regex

    from checker.kinds.sense_table import compile_table
    from checker.wordlists import read_table

    for rule in RULESET.rules:
        if rule.kind not in ("sense-table", "label-table"):
            continue
        name = rule.params["table"]
        rows = compile_table(read_table(rule.resolve(name)), regex.IGNORECASE, name)
        assert rows
