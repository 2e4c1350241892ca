"""Agreement slips of machine translation in Italian, Spanish and Portuguese: a determiner or
possessive of the other gender (MT279, MT278, MT683 with their noun tables), a plural subject
before a singular verb and the reverse (MT294 subject-verb-number), and a masculine participle
of « essere » before a feminine predicate in a sentence with no subject (MT295). The engine's
forms are found, and clean news prose with the same words stays silent."""

from __future__ import annotations

import pytest

from conftest import check_rules

CODES = {"MT278", "MT279", "MT683", "MT294", "MT295"}


def _findings(text: str, lang: str):  # noqa: ANN202
    return check_rules(CODES, text, lang)


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in _findings(text, lang)]


BAD = [
    # possessive or article of the other gender
    ("it", "La cantante ha mostrato suo carta d'identità all'ingresso.", "MT279", "suo carta"),
    ("it", "Il regista ha presentato sua progetto al festival di Venezia.", "MT279", "sua progetto"),
    ("it", "Secondo mio idea la squadra può ancora vincere.", "MT279", "mio idea"),
    ("it", "In un'ora sono andati esauriti i prevendite per la data di Roma.", "MT279", "i prevendite"),
    ("it", "La band ha annunciato le concerti estivi in tre città.", "MT279", "le concerti"),
    ("it", "Il gruppo ha scritto gli canzone del nuovo album in un mese.", "MT279", "gli canzone"),
    ("it", "Il sindaco ha parlato delle problemi del traffico.", "MT279", "delle problemi"),
    ("it", "Il governo ha approvato il riforma delle pensioni.", "MT279", "il riforma"),
    ("it", "Gli studenti hanno occupato il università per due giorni.", "MT279", "il università"),
    ("es", "El futbolista volvió a nuestro casa después del partido.", "MT278", "nuestro casa"),
    ("es", "La artista cantó los canciones de su primer disco.", "MT278", "los canciones"),
    ("es", "El alcalde habló de la problema del tráfico.", "MT278", "la problema"),
    ("es", "El gobierno aprobó el reforma de las pensiones.", "MT278", "el reforma"),
    ("es", "Los vecinos denunciaron el situación del barrio.", "MT278", "el situación"),
    ("pt", "A cantora mostrou seu carta de motorista ao policial.", "MT683", "seu carta"),
    ("pt", "O diretor apresentou sua projeto no festival.", "MT683", "sua projeto"),
    ("pt", "A banda tocou os músicas do novo álbum.", "MT683", "os músicas"),
    ("pt", "O prefeito falou das problemas do trânsito.", "MT683", "das problemas"),
    ("pt", "O governo anunciou um medida contra a inflação.", "MT683", "um medida"),
    # number of subject and verb
    ("it", "Le fans è arrivate a Milano all'alba.", "MT294", "Le fans è"),
    ("it", "Dopo la partita, i tifosi ha cantato fino a notte.", "MT294", "i tifosi ha"),
    ("it", "Il pubblico hanno applaudito la cantante per dieci minuti.", "MT294", "Il pubblico hanno"),
    ("es", "Los aficionados está muy contentos con el fichaje.", "MT294", "Los aficionados está"),
    ("es", "Según la policía, los manifestantes fue detenidos en la plaza.", "MT294", "los manifestantes fue"),
    ("pt", "Os fãs está ansiosos pelo novo álbum.", "MT294", "Os fãs está"),
    ("pt", "Segundo a polícia, os manifestantes foi presos na praça.", "MT294", "os manifestantes foi"),
    # masculine participle before a feminine predicate, no subject
    ("it", "È stato la prima canzone del disco a entrare in classifica.", "MT295", "È stato"),
    ("it", "Il concerto è finito tardi. Non è stato una serata facile per la band.", "MT295", "Non è stato"),
    ("it", "Sarà stato la vittoria più importante della sua carriera.", "MT295", "Sarà stato"),
]

CLEAN_IT = [
    "Il problema è che la moto era parcheggiata davanti al teatro.",
    "Le fan hanno aspettato la cantante per ore sotto la pioggia.",
    "Gli sport invernali sono tornati in televisione dopo due anni.",
    "La Juventus ha vinto il derby e i tifosi sono scesi in piazza.",
    "Al Pacino è arrivato a Venezia per presentare il suo ultimo film.",
    "Il sistema sanitario ha retto, ha detto il ministro.",
    "Le ho detto che la canzone era già pronta.",
    "Gli chiese di restare ancora un anno in squadra.",
    "Le consiglio di leggere il programma del festival.",
    "La invito a visitare la mostra prima che chiuda.",
    "Il tema della serata era la pace.",
    "La mano del portiere ha deviato il pallone sul palo.",
    "La foto è stata scattata durante le prove del concerto.",
    "Il clima di tensione si è sentito anche in conferenza stampa.",
    "Il pianeta rosso sarà visibile a occhio nudo la prossima settimana.",
    "Il poeta ha letto i suoi versi davanti a mille persone.",
    "Il papa ha ricevuto la delegazione in Vaticano.",
    "Lo schema del mister ha funzionato alla perfezione.",
    "Il cinema italiano ha vinto tre premi a Berlino.",
    "La radio ha trasmesso la partita in diretta.",
    "Le star del rock hanno suonato per beneficenza.",
    "La band ha annunciato il tour europeo e lo show di Roma.",
    "Il gossip sulla coppia ha invaso i social.",
    "Il brano è stato la prima canzone del disco a entrare in classifica.",
    "È stata la prima canzone del disco a entrare in classifica.",
    "È stato una volta campione del mondo e oggi allena i giovani.",
    "È stato una figura di spicco del teatro napoletano.",
    "È stato la rivelazione della stagione, secondo i critici.",
    "I tifosi hanno cantato per tutta la notte.",
    "Il pubblico ha applaudito a lungo la band.",
    "Le volte che è venuto a Napoli ha sempre riempito lo stadio.",
    "Le piace cantare in italiano, ha spiegato l'artista.",
    "Gli piace la musica classica e la suona ogni sera.",
    "Il resto lo hanno fatto i rigori.",
    "La maggior parte dei biglietti è stata venduta online.",
    "Il suo primo disco è uscito nel 2015.",
    "Sua madre e suo padre erano in prima fila.",
    "A mio avviso la partita è stata decisa dall'arbitro.",
    "Il mio parere conta poco, ha ammesso il tecnico.",
    "Nessun problema per la squadra, che ha vinto tre a zero.",
    "I due progetti sono stati presentati in Comune.",
    "Le due canzoni sono state scritte dalla stessa autrice.",
    "Gli ultimi concerti della tournée si terranno a Torino.",
    "La serie è stata rinnovata per una seconda stagione.",
    "Le crisi economiche colpiscono sempre i più deboli.",
    "Il giornale ha pubblicato un'intervista alla regista.",
    "Un'idea del genere non era mai venuta a nessuno.",
    "Le città italiane hanno registrato un aumento del turismo.",
    "Il programma della festa prevede fuochi d'artificio.",
    "Lo porto con me ovunque, ha detto mostrando la chitarra.",
    "Le auto elettriche sono sempre più diffuse.",
    "Le mani del pianista si muovevano veloci sui tasti.",
    "I valori della squadra sono il rispetto e il sacrificio.",
    "Il dolore per la sconfitta è ancora forte.",
    "Le notizie dalla capitale sono rassicuranti.",
    "Il cuore della città batte in piazza del Duomo.",
    "La gente ha risposto con entusiasmo all'appello.",
    "I senza tetto hanno trovato riparo nella stazione.",
    "La cantante gli mostra il testo della canzone.",
    "Gli porta un mazzo di fiori ogni domenica.",
    "Gli volta le spalle e se ne va.",
    "Le domande dei giornalisti erano tutte sulla finale.",
    "Questo sistema di voto è stato introdotto nel 2017.",
]

CLEAN_ES = [
    "El problema es que la moto estaba aparcada frente al teatro.",
    "Al igual que el año pasado, los aficionados llenaron el estadio.",
    "Al Pacino llegó a Madrid para presentar su última película.",
    "Los lunes es difícil encontrar aparcamiento en el centro.",
    "El problema son los precios, según los vecinos.",
    "El resto han votado en contra de la propuesta.",
    "La mayoría están de acuerdo con la decisión del club.",
    "Los ayuda a encontrar trabajo en otras ciudades.",
    "La programa cada año la televisión pública.",
    "El agua del embalse ha bajado de nivel.",
    "El arma fue hallada en un contenedor.",
    "Un área de la ciudad quedó sin luz durante horas.",
    "El tema de la noche fue la paz.",
    "La mano del portero desvió el balón al poste.",
    "La foto fue tomada durante los ensayos.",
    "El clima de tensión se notó en la rueda de prensa.",
    "El planeta rojo será visible a simple vista la próxima semana.",
    "El sistema sanitario resistió, dijo la ministra.",
    "Los fans esperaron a la cantante durante horas.",
    "Las estrellas del rock tocaron a beneficio de la fundación.",
    "El día del concierto llovió sin parar.",
    "Nuestro equipo jugó mejor que el rival.",
    "Nuestra ciudad acogerá el festival en verano.",
    "Su madre y su padre estaban en primera fila.",
    "Los aficionados están contentos con el nuevo entrenador.",
    "El público ha aplaudido durante diez minutos.",
    "Las canciones del disco fueron escritas en Los Ángeles.",
    "Los libros es lo que más vende la tienda en Navidad.",
    "El mapa de la zona muestra los daños del incendio.",
    "La gira incluye dos conciertos en Buenos Aires.",
    "Los viajes de la selección se pagarán con fondos públicos.",
    "Las Vegas está lista para el combate del sábado.",
    "El mensaje del presidente fue claro.",
    "La visita del rey está prevista para el martes.",
    "Las crisis económicas golpean siempre a los más débiles.",
]

CLEAN_PT = [
    "O problema é que a moto estava estacionada em frente ao teatro.",
    "Os fãs esperaram a cantora durante horas na chuva.",
    "O programa da festa inclui fogos de artifício.",
    "O sistema de saúde resistiu, disse a ministra.",
    "A mão do goleiro desviou a bola para a trave.",
    "A foto foi tirada durante os ensaios do show.",
    "O clima de tensão se sentiu na entrevista coletiva.",
    "O planeta vermelho será visível a olho nu na próxima semana.",
    "O tema da noite foi a paz.",
    "O dia do concerto começou com chuva.",
    "A canção foi escrita em Lisboa no ano passado.",
    "O pão e o leite ficaram mais caros em janeiro.",
    "O coração da cidade bate na praça principal.",
    "A região Norte recebeu mais turistas do que o previsto.",
    "O avião pousou em segurança no aeroporto.",
    "A mão direita do pianista estava machucada.",
    "Os aficionados estão confiantes para a final.",
    "O público tem aplaudido de pé todas as noites.",
    "O problema são os preços, segundo os moradores.",
    "As vezes é difícil encontrar vaga no centro.",
    "A maioria estão de acordo, disseram os organizadores.",
    "O ajuda a encontrar emprego em outra cidade.",
    "O canal o programa sempre no horário nobre.",
    "Os chama de heróis em todas as entrevistas.",
    "Sua mãe e seu pai estavam na primeira fila.",
    "Seu Jorge lançou um novo disco no Rio de Janeiro.",
    "O nosso time jogou melhor do que o adversário.",
    "A nossa cidade vai receber o festival no verão.",
    "Os shows da turnê esgotaram em poucas horas.",
    "O mapa da região mostra os estragos do incêndio.",
    "A viagem da seleção será paga com dinheiro público.",
    "O personagem principal é vivido por um ator iniciante.",
    "As canções do disco foram gravadas em Los Angeles.",
    "O Real Madrid venceu o clássico no domingo.",
    "Os meses de verão são os mais movimentados no litoral.",
    "Os dias passam e nada muda, disse o treinador.",
    "A visita do presidente está prevista para terça-feira.",
    "As crises econômicas atingem sempre os mais pobres.",
    "A análise dos dados levou três meses.",
    "A imagem da campanha foi criada por uma agência de Lisboa.",
    "O valor do ingresso subiu vinte por cento.",
    "A dor nas costas afastou o atacante do jogo.",
    "A cor da camisa foi escolhida pelos torcedores.",
    "O filme estreia nos cinemas na próxima semana.",
    "O jornal publicou uma entrevista com a diretora.",
    "O nome da banda foi inspirado num romance.",
    "O fundo do mar guarda muitos segredos.",
    "O caso foi arquivado por falta de provas.",
    "Os jogos da seleção serão transmitidos pela televisão aberta.",
    "Este ano a festa terá três palcos.",
    "Esse projeto pode mudar a vida de milhares de pessoas.",
    "Aquela canção marcou uma geração inteira.",
    "O leilão arrecadou dois milhões de reais.",
    "A reunião terminou sem acordo entre as partes.",
    "A opinião do técnico é que o time precisa de reforços.",
    "Os atletas estão prontos para a competição.",
    "O país tem muitas praias bonitas.",
    "A lei foi aprovada por ampla maioria.",
    "O motor do carro pegou fogo na estrada.",
    "Os torcedores têm motivos para comemorar.",
    "A equipe está concentrada desde segunda-feira.",
]


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD)
def test_engine_agreement_is_found(lang: str, text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text, lang)


@pytest.mark.parametrize("text", CLEAN_IT)
def test_clean_italian_is_silent(text: str) -> None:
    assert _found(text, "it") == []


@pytest.mark.parametrize("text", CLEAN_ES)
def test_clean_spanish_is_silent(text: str) -> None:
    assert _found(text, "es") == []


@pytest.mark.parametrize("text", CLEAN_PT)
def test_clean_portuguese_is_silent(text: str) -> None:
    assert _found(text, "pt") == []


def test_enough_clean_sentences() -> None:
    assert len(CLEAN_IT) >= 60 and len(CLEAN_ES) >= 30 and len(CLEAN_PT) >= 60


def test_offsets_point_at_the_text() -> None:
    for lang, text, _, _ in BAD:
        for f in _findings(text, lang):
            assert text[f.start : f.end] == f.text
