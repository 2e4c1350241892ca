"""Structural calques of English in Italian, Spanish, Portuguese and German news (MT368
raising-passive-xx, MT369 recipient-passive, MT370 perception-gerund-it, MT371 shared-children,
MT372 gerund-subject, MT373 preposition-gerund, MT374 likes-of, MT375 likely-to, MT376
bare-age-apposition, MT377 possessive-life, MT378 reduced-when-clause, MT379 progressive-for-duration): the English shape is found with its exact span, and native sentences
with the same verbs stay silent."""

from __future__ import annotations

import pytest
from conftest import check_rules

CODES = {"MT368", "MT369", "MT370", "MT371", "MT372", "MT373", "MT374", "MT375", "MT376", "MT377", "MT378", "MT379"}


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, lang)]


BAD = [
    # raising passive
    ("it", "Il centrocampista è atteso di firmare entro venerdì.", "MT368", "è atteso di firmare"),
    ("it", "La coppia è rumoreggiata di essersi separata a gennaio.", "MT368", "è rumoreggiata di essersi"),
    ("it", "Il sospettato è creduto essere fuggito in Francia.", "MT368", "è creduto essere"),
    ("it", "Il giocatore è stato riportato di aver litigato con il tecnico.", "MT368", "è stato riportato di aver"),
    ("it", "Il difensore è supposto di tornare in campo sabato.", "MT368", "è supposto di tornare"),
    ("es", "El disco es supuesto de salir en primavera.", "MT368", "es supuesto de salir"),
    ("es", "El jugador es dicho estar cerca del Barcelona.", "MT368", "es dicho estar"),
    ("es", "La pareja es rumoreada de haberse separado.", "MT368", "es rumoreada de haberse"),
    ("pt", "O atacante é esperado de assinar na sexta-feira.", "MT368", "é esperado de assinar"),
    ("pt", "O suspeito é acreditado ter fugido para a França.", "MT368", "é acreditado ter"),
    ("de", "Der Sänger wird geglaubt, der Vater des Kindes zu sein.", "MT368", "wird geglaubt"),
    ("de", "Das Album wird erwartet, im Frühjahr zu erscheinen.", "MT368", "wird erwartet"),
    ("de", "Das Paar wird gemunkelt, sich getrennt zu haben.", "MT368", "wird gemunkelt"),
    ("de", "Der Minister wurde berichtet, den Vertrag abzulehnen.", "MT368", "wurde berichtet"),
    # recipient passive
    ("it", "Il Napoli è stato concesso un rigore nel recupero.", "MT369", "è stato concesso un rigore"),
    ("it", "La cantante è stata assegnata una scorta dopo le minacce.", "MT369", "è stata assegnata una scorta"),
    ("it", "Lei è stata promessa una promozione mai arrivata.", "MT369", "è stata promessa una promozione"),
    ("it", "Il giocatore è stato chiesto di lasciare il ritiro.", "MT369", "è stato chiesto di lasciare"),
    ("es", "El Real Madrid fue concedido un penalti en el descuento.", "MT369", "fue concedido un penalti"),
    ("es", "La cantante fue asignada una escolta tras las amenazas.", "MT369", "fue asignada una escolta"),
    ("es", "El jugador fue pedido de abandonar la concentración.", "MT369", "fue pedido de abandonar"),
    ("pt", "O goleiro foi negado o acesso ao estádio.", "MT369", "foi negado o acesso"),
    ("pt", "A cantora foi atribuída uma escolta após as ameaças.", "MT369", "foi atribuída uma escolta"),
    ("de", "Sie wurde eine Beförderung versprochen.", "MT369", "Sie wurde eine Beförderung versprochen"),
    ("de", "Die Sängerin wurde einen Personenschutz zugeteilt.", "MT369", "wurde einen Personenschutz zugeteilt"),
    ("de", "Nach dem Sieg wurde er von allen gratuliert.", "MT369", "wurde er von allen gratuliert"),
    # perception + gerund
    ("it", "L'attore è stato avvistato passeggiando con la fidanzata.", "MT370", "è stato avvistato passeggiando"),
    ("it", "La cantante è stata pizzicata baciando il calciatore.", "MT370", "è stata pizzicata baciando"),
    # shared children
    ("it", "L'ex moglie, con cui condivide una figlia, vive a Londra.", "MT371", "condivide una figlia"),
    ("es", "La pareja comparte tres hijos y está casada desde 2010.", "MT371", "comparte tres hijos"),
    ("pt", "O casal partilha três filhos e está casado desde 2010.", "MT371", "partilha três filhos"),
    ("de", "Das Paar teilt drei Kinder und ist seit 2010 verheiratet.", "MT371", "teilt drei Kinder"),
    # gerund as subject
    ("it", "Giocando per questo club è stato un privilegio.", "MT372", "Giocando per questo club è stato un privilegio"),
    ("es", "Trabajando con ella ha sido un honor, escribió el actor.", "MT372", "Trabajando con ella ha sido un honor"),
    ("pt", "Vencendo a Libertadores foi um sonho para todos nós.", "MT372", "Vencendo a Libertadores foi um sonho"),
    # preposition + gerund
    ("it", "Il ministro se n'è andato senza rispondendo alle domande.", "MT373", "senza rispondendo"),
    ("it", "Malgrado avendo perso, la squadra resta prima.", "MT373", "Malgrado avendo"),
    ("es", "Después de ganando la Copa, el técnico dejó el club.", "MT373", "Después de ganando"),
    ("es", "En lugar de jugando al ataque, el equipo se encerró.", "MT373", "En lugar de jugando"),
    ("pt", "Depois de vencendo a Copa, o técnico deixou o clube.", "MT373", "Depois de vencendo"),
    ("pt", "Em vez de atacando, o time recuou.", "MT373", "Em vez de atacando"),
    # the likes of
    ("it", "Ha diviso lo spogliatoio con i gusti di Totti, Del Piero e Buffon.", "MT374", "i gusti di"),
    ("es", "Compitió contra los gustos de Nadal y Federer.", "MT374", "los gustos de"),
    ("pt", "Enfrentou os gostos de Nadal e Federer.", "MT374", "os gostos de"),
    # likely to
    ("it", "La band è molto probabile di tornare in tour.", "MT375", "è molto probabile di tornare"),
    ("es", "El ministro es improbable de dimitir.", "MT375", "es improbable de dimitir"),
    ("pt", "O clube é improvável de vender o atacante.", "MT375", "é improvável de vender"),
    ("de", "Die Sängerin ist unwahrscheinlich, beim Festival aufzutreten.", "MT375", "ist unwahrscheinlich"),
    # bare age apposition
    ("it", "Jannik Sinner, 22, ha vinto il torneo.", "MT376", ", 22,"),
    ("es", "Carlos Alcaraz, 21, ganó el torneo.", "MT376", ", 21,"),
    ("de", "Alexander Zverev, 27, gewann das Turnier.", "MT376", ", 27,"),
    # possessive life
    ("it", "Tre persone hanno perso la loro vita nell'incendio.", "MT377", "perso la loro vita"),
    ("es", "Tres personas perdieron sus vidas en el incendio.", "MT377", "perdieron sus vidas"),
    ("de", "Die Sängerin nahm ihr eigenes Leben.", "MT377", "nahm ihr eigenes Leben"),
    # when + participle
    ("it", "Quando raggiunto telefonicamente, il sindaco ha negato tutto.", "MT378", "Quando raggiunto"),
    ("es", "El portavoz, cuando contactado por este diario, no respondió.", "MT378", "cuando contactado"),
    ("de", "Wenn kontaktiert, antwortete der Verein nicht.", "MT378", "Wenn kontaktiert"),
    # perfect progressive + for + duration
    ("es", "La banda ha estado trabajando en el disco por seis meses.", "MT379", "ha estado trabajando en el disco por seis meses"),
    ("pt", "Os moradores têm esperado por mais de três semanas.", "MT379", "têm esperado por mais de três semanas"),
    ("it", "La band è stata lavorando al disco per sei mesi.", "MT379", "è stata lavorando al disco per sei mesi"),
]

CLEAN = [
    ("it", "Il presidente è atteso a Kiev lunedì mattina per un vertice."),
    ("it", "Il centrocampista dovrebbe firmare entro venerdì; si ritiene che il sospettato sia fuggito."),
    ("it", "Non è previsto di aumentare le tasse, ha detto il ministro."),
    ("it", "Gli è stato detto di non lasciare il paese. Ai residenti è stato detto di evacuare."),
    ("it", "Si è pensato di costruire un ponte; il dispositivo è stato pensato per durare dieci anni."),
    ("it", "Il ministro è ritenuto responsabile del disastro; il cantante è noto per essere riservato."),
    ("it", "Il vento freddo del nord è detto maestrale; l'attaccante è considerato il migliore."),
    ("it", "Al giocatore è stato offerto un contratto di tre anni dalla Juventus."),
    ("it", "A Cristiano Ronaldo è stato offerto un contratto; a Milano è stato dato un concerto."),
    ("it", "È stato concesso un rigore al Napoli nel recupero. Ieri è stato dato il via ai lavori."),
    ("it", "Il contratto, che è stato firmato un anno fa, scade a giugno."),
    ("it", "Il prigioniero è stato dato per morto; il giocatore è stato pagato cinquanta milioni."),
    ("it", "Il pacco è stato consegnato una settimana fa; la proposta è stata presentata una volta sola."),
    ("it", "Messi è stato premiato come miglior giocatore; la squadra è stata chiamata a una prova di maturità."),
    ("it", "Il rapper è stato visto uscire da un hotel; la modella è stata fotografata mentre indossava un abito."),
    ("it", "Il sindaco è stato sorpreso a parlare al telefono. Sono rimasto sorpreso leggendo la notizia."),
    ("it", "I due attori hanno due figli; i genitori condividono la custodia dei figli."),
    ("it", "Vincere il titolo è stato un sogno. Vincendo il titolo, la squadra è entrata nella storia."),
    ("it", "Essendo giovanissimo è stato un successo immediato; giocando così, la squadra è stata una delusione."),
    ("es", "Se espera que el delantero firme el viernes; se cree que el sospechoso huyó."),
    ("es", "El plan está pensado para durar diez años; es considerado titular indiscutible."),
    ("es", "Fue esperado por miles de aficionados en el aeropuerto."),
    ("es", "A Messi le ofrecieron un contrato. Le fue concedido el premio en 2010."),
    ("es", "En Madrid fue dado un concierto; el jugador fue dado de alta; el trofeo fue entregado el lunes."),
    ("es", "El jugador fue ofrecido a varios clubes; el ministro fue interrogado por la jueza."),
    ("es", "El rapero fue visto saliendo de un hotel de Madrid."),
    ("es", "Los dos actores tienen dos hijos en común; comparten la custodia de sus dos hijos."),
    ("es", "Ganar el título fue un sueño. Siendo muy joven fue un éxito. Jugando así, fue un rival duro."),
    ("pt", "Espera-se que o atacante assine; acredita-se que o suspeito fugiu."),
    ("pt", "O jogador é conhecido por ser reservado; é considerado titular absoluto."),
    ("pt", "Foi-lhe oferecido um contrato. Ao jogador foi mostrado um cartão vermelho."),
    ("pt", "Em Lisboa foi dado um concerto; ele foi proibido de entrar no estádio."),
    ("pt", "O contrato, que foi assinado um ano antes, vence em junho; o jogo foi adiado uma semana."),
    ("pt", "O rapper foi visto saindo de um hotel; o rapper foi visto a sair de um hotel."),
    ("pt", "Os dois atores têm dois filhos juntos; os pais compartilham a guarda dos filhos."),
    ("pt", "Vencer o título foi um sonho. Sendo muito jovem, foi um sucesso. Jogando em casa o time foi uma surpresa."),
    ("de", "Es wird erwartet, dass der Spieler am Freitag unterschreibt."),
    ("de", "Von ihm wird erwartet, die Mannschaft zu führen. Ihm wird nachgesagt, schwierig zu sein."),
    ("de", "Der Präsident wird am Montag in Kiew erwartet, um das Abkommen zu unterzeichnen."),
    ("de", "Vom neuen Trainer wird erwartet, die Mannschaft zu stabilisieren."),
    ("de", "Ihm wurde ein Vertrag angeboten. Ihr wurde geholfen. Den Spielern wurde ein Vertrag angeboten."),
    ("de", "Er wurde einen Tag später entlassen. Er wurde den ganzen Tag befragt."),
    ("de", "Der Ball wurde dem Kind gegeben. Er wurde gefragt, ob er bleibe."),
    ("de", "Er wurde verdächtigt, das Geld gestohlen zu haben. Er wurde gebeten, zu gehen."),
    ("de", "Die beiden haben zwei gemeinsame Kinder und teilen sich das Sorgerecht."),
    ("it", "Pur essendo il favorito, ha perso. Dopo aver vinto la Coppa, ha lasciato il club."),
    ("it", "Il reparto è rimasto senza comando; merce di contrabbando; dopo quando è successo."),
    ("it", "Una scelta contro i gusti di Ancelotti; ha giocato con campioni come Totti e Baggio."),
    ("es", "A pesar de ser el favorito, perdió; se fue sin responder; tras cuando ganó."),
    ("es", "Respeta los gustos de los consumidores; ha jugado con figuras como Messi y Neymar."),
    ("pt", "Apesar de ser o favorito, perdeu; saiu sem falar; um poço sem fundo; além de lindo, é útil."),
    ("it", "È probabile che la band torni in tour; probabilmente tornerà; è probabile trovare traffico."),
    ("es", "Es probable que el ministro dimita; es improbable que venda."),
    ("pt", "É provável que o clube venda o atacante."),
    ("de", "Es ist unwahrscheinlich, dass sie auftritt. Es ist wahrscheinlich, ihn zu treffen. Er ist wahrscheinlich zu Hause."),
    ("de", "Das Ergebnis ist wahrscheinlich, weil er zu den Besten gehört."),
    ("it", "Jannik Sinner, 22 anni, ha vinto; la sede è in via Roma, 25, al primo piano; i giorni 24, 25, 26 e 27."),
    ("es", "Carlos Alcaraz, de 21 años, ganó; vive en la calle Mayor, 25, segundo piso."),
    ("de", "Alexander Zverev (27) gewann das Turnier; Seite 12, 25, 30 und 31."),
    ("it", "Tre persone hanno perso la vita; ha preso la sua vita in mano; ha perso la sua vita sociale."),
    ("es", "Tres personas perdieron la vida; dedicó su vida al cine; perdió su vida social."),
    ("de", "Er verlor sein Leben bei einem Unfall; sie nahm ihr Leben in die Hand."),
    ("it", "Raggiunto telefonicamente, il sindaco ha negato tutto; i documenti vanno mostrati quando richiesto."),
    ("es", "Consultado por este diario, el portavoz no respondió; al ser preguntado, sonrió."),
    ("de", "Auf Anfrage antwortete der Verein nicht. Das Ziel kann als erreicht gelten. Er gilt als gefragt."),
    ("de", "Wenn gefragt wird, ob er bleibt, schweigt er. Als er gefragt wurde, lächelte er."),
    ("es", "La banda lleva seis meses trabajando en el disco; trabajó allí por dos años; ha estado trabajando durante el verano."),
    ("pt", "Os moradores esperam há mais de três semanas; trabalhou lá por dois anos; tem contrato por dois anos."),
    ("it", "La band lavora al disco da sei mesi; è stato lavorando sodo che ha vinto; ha lavorato lì per due anni."),
]


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD)
def test_calque_is_found(lang: str, text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text, lang)


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_native_sentence_is_silent(lang: str, text: str) -> None:
    assert _found(text, lang) == []


def test_rules_do_not_run_in_french() -> None:
    assert _found("Il est attendu de signer ; le joueur a été offert un contrat.", "fr") == []
