"""Foreign words an article explains on purpose: « le gotong-royong, la tradition du nettoyage
collectif », « dangdut, gênero musical popular », « le hanbok (costume traditionnel) ».

A word of another language followed by an apposition that explains it (a parenthesis, or a
comma or dash and then a determiner or a noun naming a kind of thing), or preceded by such a
noun (« le genre dangdut »); an apposition headed by such a noun (« saetas, i tradizionali canti »)
explains the word whatever stands before it, is the writer's choice, not a leftover of the translation. Used by
the leftover-words and non-word kinds. The determiners and kind nouns below are closed lists
per language; a language without them is only excused by a parenthesis.
"""

from __future__ import annotations

from functools import cache

import regex

#: Determiners opening an apposition, per language.
DETERMINERS = {
    "fr": "le la les l un une des ce cette ces cet",
    "en": "the a an this",
    "es": "el la los las lo un una unos unas este esta",
    "it": "il lo la i gli le l un uno una un questo questa",
    "pt": "o a os as um uma uns umas este esta",
    "de": "der die das den dem ein eine einen einem einer",
    "nl": "de het een",
}
#: Prepositions after which a word is used as a noun (« des journées de gotong-royong, … »).
PREPOSITIONS = {
    "fr": "de du des d à au aux en par pour avec sans sur",
    "en": "of in on at for with by from",
    "es": "de del en con por para a al sin",
    "it": "di del della dei delle in nel nella con per a al alla da dal",
    "pt": "de do da dos das em no na nos nas com por para a ao",
    "de": "von vom im in mit für zum zur",
    "nl": "van in met voor",
}
#: Nouns naming a kind of thing that an explained word belongs to (a dance, a dish, a genre…).
KINDS = {
    "fr": "genre style tradition terme mot expression plat mets danse musique fête festival rite rituel "
          "cérémonie coutume pratique instrument tissu vêtement costume boisson spécialité jeu sport art "
          "technique concept notion système régime titre surnom sobriquet chant chants chanson chansons hymne danses plats fêtes",
    "en": "genre style tradition term word expression dish dance music festival ritual ceremony custom "
          "practice instrument fabric garment costume drink speciality specialty game sport art technique "
          "concept notion system title nickname song songs chant chants hymn dances dishes",
    "es": "género estilo tradición término palabra expresión plato baile danza música fiesta festival rito "
          "ritual ceremonia costumbre práctica instrumento tela prenda traje bebida especialidad juego "
          "deporte arte técnica concepto sistema título apodo canto cantos canción canciones himno bailes platos fiestas",
    "it": "genere stile tradizione termine parola espressione piatto ballo danza musica festa festival rito "
          "rituale cerimonia usanza pratica strumento tessuto abito costume bevanda specialità gioco sport "
          "arte tecnica concetto sistema titolo soprannome canto canti canzone canzoni inno danze piatti feste",
    "pt": "gênero género estilo tradição termo palavra expressão prato dança música festa festival rito "
          "ritual cerimônia cerimónia costume prática instrumento tecido traje bebida especialidade jogo "
          "esporte desporto arte técnica conceito sistema título apelido canto cantos canção canções hino danças pratos festas",
    "de": "Genre Stil Tradition Begriff Wort Ausdruck Gericht Tanz Musik Fest Festival Ritus Ritual "
          "Zeremonie Brauch Praxis Instrument Stoff Gewand Tracht Getränk Spezialität Spiel Sport Kunst "
          "Technik Konzept System Titel Spitzname Lied Lieder Gesang Gesänge Hymne Tänze Gerichte",
}


@cache
def _patterns(lang: str) -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None, regex.Pattern[str] | None]:
    dets = DETERMINERS.get(lang, "").split()
    kinds = KINDS.get(lang, "").split()
    if not dets and not kinds:
        return None, None, None
    det = "|".join(regex.escape(d) for d in dets) or "(?!)"
    kind = "|".join(regex.escape(k) for k in kinds) or "(?!)"
    # An apposition whose head is a noun of kind (« saetas, i tradizionali canti flamenchi »): an
    # explanation whatever stands before the word.
    kind_after = regex.compile(
        rf"[»”\"’*_]?+[ \u00a0]*+(?:,|[ \u00a0][–—-])[ \u00a0]++(?:(?:{det})(?:[ \u00a0]++|['’]))?+"
        rf"(?:[\p{{L}}\p{{M}}]++[ \u00a0]++)?+(?:{kind})(?![\p{{L}}\p{{M}}])",
        regex.IGNORECASE,
    )
    after = regex.compile(
        rf"[»”\"’*_]?+[ \u00a0]*+(?:\([ \u00a0]*+\p{{L}}|(?:,|[ \u00a0][–—-])[ \u00a0]++"
        rf"(?:(?:{det})(?:[ \u00a0]++|['’])[\p{{L}}\p{{M}}]|(?:{kind})(?![\p{{L}}\p{{M}}])))",
        regex.IGNORECASE,
    )
    before = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?:{kind})(?:[ \u00a0]++[\p{{Ll}}\p{{M}}]{{3,}}+)?+"
        rf"(?:[ \u00a0]++(?:de|du|des|di|del|do|da|of|von|d['’]))?+[ \u00a0]*+[«“\"‘*_]?+[ \u00a0]*+\Z",
        regex.IGNORECASE,
    )
    return after, before, kind_after


_PREVIOUS = regex.compile(r"([\p{L}\p{M}]++)['’]?+[ \u00a0]*+[«“\"‘*_]?+[ \u00a0]*+\Z")


@cache
def _nominal(lang: str) -> frozenset[str]:
    return frozenset((DETERMINERS.get(lang, "") + " " + PREPOSITIONS.get(lang, "")).split())


def glossed(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the word at [start, end) is explained by the sentence around it (see the module):
    a parenthesis after it, or an apposition after it when a determiner or preposition before it
    makes it a noun of the sentence (« ujarnya, les supporters… », a reporting verb left in, is
    not), or a noun of kind before it."""
    after, before, kind_after = _patterns(lang)
    if after is None:
        return regex.match(r"[ \u00a0]*+\([ \u00a0]*+\p{L}", text[end:end + 6]) is not None
    if kind_after is not None and kind_after.match(text, end, min(len(text), end + 80)):
        return True
    m = after.match(text, end, min(len(text), end + 80))
    if m:
        if "(" in m.group():
            return True
        prev = _PREVIOUS.search(text, max(0, start - 30), start)
        if prev and prev.group(1).casefold() in _nominal(lang):
            return True
    return before is not None and before.search(text, max(0, start - 60), start) is not None
