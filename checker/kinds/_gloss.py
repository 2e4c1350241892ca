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
    "fr": "le la les l un une des ce cette ces cet mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs",
    "en": "the a an this these those his her its their our my your",
    "es": "el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel aquella aquellos aquellas "
          "su sus mi mis tu tus nuestro nuestra nuestros nuestras",
    "it": "il lo la i gli le l un uno una un questo questa questi queste quel quello quella quei quegli quelle",
    "pt": "o a os as um uma uns umas este esta estes estas esse essa esses essas aquele aquela aqueles aquelas "
          "seu sua seus suas meu minha meus minhas nosso nossa nossos nossas",
    "de": "der die das den dem des ein eine einen einem einer sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer "
          "unser unsere unseren unserem diese dieser diesen diesem dieses",
    "nl": "de het een zijn haar hun",
}
#: Prepositions after which a word is used as a noun (« des journées de gotong-royong, … »).
PREPOSITIONS = {
    "fr": "de du des d à au aux en par pour avec sans sur sous chez entre vers",
    "en": "of in on at for with by from into about among",
    "es": "de del en con por para a al sin entre desde hacia sobre",
    "it": "di del dello della dell dei degli delle in nel nello nella nell nei negli nelle con col coi per a al allo "
          "alla all ai agli alle da dal dallo dalla dall dai dagli dalle su sul sullo sulla sull sui sugli sulle tra fra",
    "pt": "de do da dos das em no na nos nas num numa com por para a ao aos à às pelo pela pelos pelas entre sobre",
    "de": "von vom im in mit für zum zur zu bei beim nach aus über unter",
    "nl": "van in met voor op",
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
        rf"[»”\"’*_]?+[ \u00a0]*+(?:,|(?<=[ \u00a0])[–—-])[ \u00a0]++(?:(?:{det})(?:[ \u00a0]++|['’]))?+"
        rf"(?:[\p{{L}}\p{{M}}]++[ \u00a0]++)?+(?:{kind})(?![\p{{L}}\p{{M}}])",
        regex.IGNORECASE,
    )
    after = regex.compile(
        rf"[»”\"’*_]?+[ \u00a0]*+(?:\([ \u00a0]*+\p{{L}}|(?:,|(?<=[ \u00a0])[–—-])[ \u00a0]++"
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


#: Conjunctions joining nouns of a list (« chamuças, bajias e matapa — o prato… »).
CONJUNCTIONS = {
    "fr": "et ou", "en": "and or", "es": "y e o u", "it": "e ed o", "pt": "e ou", "de": "und oder", "nl": "en of",
}
#: Indefinite determiners: an apposition that opens on one defines the word before it (« es
#: cendol, una bebida fría… », « kerupuk, unas tortas crujientes… »).
INDEFINITES = {
    "fr": "un une des de", "en": "a an", "es": "un una unos unas", "it": "un uno una un'", "pt": "um uma uns umas",
    "de": "ein eine einen einem einer", "nl": "een",
}


@cache
def _nominal(lang: str) -> frozenset[str]:
    return frozenset((DETERMINERS.get(lang, "") + " " + PREPOSITIONS.get(lang, "") + " "
                      + CONJUNCTIONS.get(lang, "")).split())


#: A price, a year or a short aside in parentheses between a word and its explanation
#: (« le pajeon (58 DH), une galette… »).
_ASIDE = regex.compile(r"[ \u00a0]*+\([^()\n]{1,24}\)")
#: « — literally, … », « , comme on l'appelle… »: the sentence says that it explains the word.
#: Words that open an explanation of what they follow ("that is", "literally"), in the packs'
#: languages; mixed-title reads them too (beside its own ``gloss_cues``).
THAT_IS = (
    "literalmente", "literally", "littéralement", "letteralmente", "wörtlich", "es decir", "o sea", "c'est-à-dire",
    "c’est-à-dire", "autrement dit", "en d'autres termes", "en d’autres termes", "that is", "in other words", "cioè",
    "ossia", "ovvero", "in altre parole", "isto é", "ou seja", "quer dizer", "das heißt", "sprich", "mit anderen Worten",
    # the words of a meaning given (« , que significa "muchas gracias" », « , which means… »)
    "which means", "meaning", "qui signifie", "ce qui signifie", "ce qui veut dire", "qui veut dire", "que significa",
    "que quiere decir", "lo que significa", "che significa", "che vuol dire", "il che significa", "que quer dizer",
    "o que significa", "was bedeutet", "das bedeutet", "was so viel heißt wie",
    # a relative clause that defines it (« el encocado de piangua, que es un guiso con leche de coco »)
    "que es un", "que es una", "qui est un", "qui est une", "che è un", "che è una", "que é um", "que é uma",
    "which is a", "which is an",
    # an equivalent named (« 42 000 barangays, l'équivalent de quartiers »)
    "the equivalent of", "l'équivalent de", "l’équivalent de", "l'équivalent d'", "l’équivalent d’", "el equivalente de",
    "l'equivalente di", "l’equivalente di", "o equivalente a", "o equivalente de", "das Äquivalent",
)
#: The term then a verb of meaning (« bigay means “giving” », « kimchi signifie… »).
_MEANS = regex.compile(
    r"[»”\"’*_]?+[ \u00a0]++(?:means|meant|signifie|signifiait|significa|significaba|significava|bedeutet|bedeutete|"
    r"vuol dire|voleva dire|quer dizer|queria dizer|quiere decir|veut dire|voulait dire)(?![\p{L}\p{M}])",
    regex.IGNORECASE,
)
_SAYS_SO = regex.compile(
    r"[»”\"’*_]?+[ \u00a0]*+(?:,|\(|[–—-])[ \u00a0]*+(?:(?:"
    + "|".join(regex.escape(c) for c in THAT_IS)
    + r")\b|"
    r"(?:como|comme|as|come|wie)[ \u00a0]+"
    r"(?:[\p{L}'’]+[ \u00a0]+){0,3}?(?:llaman|llama|llamaban|llamaba|llamad[oa]s?|dicen|dice|decían|appelle|appellent|"
    r"appelait|appelaient|appelée?s?|disent|dit|disait|call|calls|called|known|say|says|chiamano|chiama|chiamavano|"
    r"chiamava|chiamat[oaie]|dicono|dice|chamam|chama|chamavam|chamava|chamad[oa]s?|dizem|diz|nennen|nennt|nannten|"
    r"nannte|genannt|sagen|sagt)\b)",
    regex.IGNORECASE,
)


#: A short complement of the term (« del gruppo », « of the team ») before a cue that explains it.
_COMPLEMENT = regex.compile(
    r"[ \u00a0]++(?:de|del|della|dello|dei|degli|delle|di|da|du|des|do|dos|das|of|von|vom|der)"
    r"(?:[ \u00a0]++(?:la|le|les|l['’]|el|los|las|il|lo|gli|the|o|os|a|as|die|das|dem|den))?+[ \u00a0]++[\p{L}\p{M}'’-]++"
)


def _alternation(table: dict[str, str], lang: str) -> str | None:
    """The words `table` lists for `lang`, as one alternation (None when it lists none)."""
    words = table.get(lang, "").split()
    return "|".join(regex.escape(w) for w in words) if words else None


@cache
def _indefinite(lang: str) -> regex.Pattern[str] | None:
    alts = _alternation(INDEFINITES, lang)
    if alts is None:
        return None
    return regex.compile(rf"[»”\"’*_]?+[ \u00a0]*+(?:,|(?<=[ \u00a0])[–—-])[ \u00a0]++(?:{alts})[ \u00a0]++\p{{Ll}}", regex.IGNORECASE)


#: « X, or Y »: a comma, then the word that offers another name (« walang pasok, or no classes »,
#: « tindera, ou marchande »), per language.
ALTERNATIVES = {
    "fr": "ou soit", "en": "or", "es": "o u", "it": "o ossia ovvero", "pt": "ou", "de": "oder also", "nl": "of",
}


#: An article between « or » and the other name (« , or the… », « , ou la… »).
_OR_ARTICLE = r"(?:the|a|an|le|la|les|un|une|el|los|las|il|lo|gli|o|os|as|der|die|das|ein|eine)"


@cache
def _alternative(lang: str) -> regex.Pattern[str] | None:
    alts = _alternation(ALTERNATIVES, lang)
    if alts is None:
        return None
    return regex.compile(rf"[»”\"’*_]?+[ \u00a0]*+,[ \u00a0]++(?:{alts})[ \u00a0]++(?:{_OR_ARTICLE}[ \u00a0]++)?[\p{{Ll}}]",
                         regex.IGNORECASE)


#: Later in its sentence, the text names the word as a word of some language and gives its meaning
#: (« using the te reo Māori word for support », « le mot wolof pour patience »).
_WORD_FOR = regex.compile(
    r"(?<![\p{L}])(?:word|term|expression|phrase|mot|terme|expression|palabra|término|expresión|parola|termine|"
    r"espressione|palavra|termo|expressão|Wort|Begriff|Ausdruck)[ \u00a0]++(?:[\p{L}'’-]++[ \u00a0]++){0,2}?"
    r"(?:for|meaning|pour|qui signifie|désignant|para|que significa|per|che significa|que quer dizer|für)(?![\p{L}])",
)
#: The end of a sentence (a full stop, a question or exclamation mark, a line break).
_CLAUSE_END = regex.compile(r"[.!?](?=[ \u00a0\n\"”»’]|$)|\n")


@cache
def _bare_alternative(lang: str) -> regex.Pattern[str] | None:
    """« X or Y, … » without the comma: one lowercase word (after an article) that closes its clause."""
    alts = _alternation(ALTERNATIVES, lang)
    if alts is None:
        return None
    return regex.compile(rf"[ \u00a0]++(?:{alts})[ \u00a0]++(?:{_OR_ARTICLE}[ \u00a0]++)?"
                         r"\p{Ll}[\p{L}\p{M}'’-]++(?=[ \u00a0]*+[,;:.)])")


#: Up to two more lowercase words of a term (« bannann peze », « apportez votre vin »): its
#: explanation follows the whole term.
_TERM_REST = regex.compile(r"(?:[ \u00a0][\p{Ll}\p{M}'’-]{2,}+){1,2}")
_TERM_WORD = regex.compile(r"[\p{Ll}\p{M}'’-]++")


def glossed(text: str, start: int, end: int, lang: str, loose: bool = False) -> bool:
    """Whether the word at [start, end) is explained by the sentence around it (see the module):
    a parenthesis after it, or an apposition after it when a determiner or preposition before it
    makes it a noun of the sentence (« ujarnya, les supporters… », a reporting verb left in, is
    not), or a noun of kind before it, or « , or … » after it. The explanation may follow the
    word or a term of up to three lowercase words it opens or continues. `loose` (for a word no
    list knows, not a source-language word that may be a reporting verb): any apposition that
    opens on a determiner explains it."""
    if not loose and text[max(0, start - 3) : start].rstrip(" \u00a0\u202f")[-1:].isdigit() \
            and not regex.match(r"[ \u00a0]*+\(", text[end : end + 3]) \
            and not _SAYS_SO.match(text, end, min(len(text), end + 60)):
        return False  # « R$ 2,8 milhões, un récord »: a magnitude after a number is no term being explained
    if _glossed_at(text, start, end, lang, loose):
        return True
    rest = _TERM_REST.match(text, end, min(len(text), end + 40))
    if rest is not None:
        # The term goes on (« bannann peze, … »): try after each of its next words.
        for m in _TERM_WORD.finditer(text, end, rest.end()):
            if m.group().casefold() in _nominal(lang):
                break  # « … les artistes, les auteurs »: the term ends before a determiner
            if _glossed_at(text, start, m.end(), lang, loose, before_too=False):
                return True
    return False


def _glossed_at(text: str, start: int, end: int, lang: str, loose: bool, before_too: bool = True) -> bool:
    """``glossed`` for the term [start, end)."""
    aside = _ASIDE.match(text, end, min(len(text), end + 30))
    if aside is not None and _glossed_at(text, start, aside.end(), lang, loose, before_too=False):
        return True
    if _SAYS_SO.match(text, end, min(len(text), end + 60)) or _MEANS.match(text, end, min(len(text), end + 30)):
        return True
    comp = _COMPLEMENT.match(text, end, min(len(text), end + 40))
    if comp is not None and _SAYS_SO.match(text, comp.end(), min(len(text), comp.end() + 60)):
        return True  # « la senpai del gruppo, cioè la studentessa più grande »
    indefinite = _indefinite(lang)
    if indefinite is not None and indefinite.match(text, end, min(len(text), end + 30)):
        return True
    alternative = _alternative(lang)
    if alternative is not None and alternative.match(text, end, min(len(text), end + 30)):
        return True
    if loose:
        appos = _BARE_APPOSITION.match(text, end, min(len(text), end + 60))
        if appos is not None and 2.0 <= _zipf(appos.group(1), lang) < 5.0 and not _PARTICIPLE.search(appos.group(1)) \
                and _plural(text[start:end], lang, True) is not None \
                and _plural(text[start:end], lang, True) == _plural(appos.group(1), lang, False):
            return True  # « gli anticuchos, spiedini di cuore di manzo… »: a plural noun of the language renames it
        bare = _bare_alternative(lang)
        if bare is not None and bare.match(text, end, min(len(text), end + 40)):
            return True  # « derived from bhagyam or fortune, remains… »: one word that names it again
        stop = _CLAUSE_END.search(text, end, min(len(text), end + 160))
        if _WORD_FOR.search(text, end, stop.start() if stop is not None else min(len(text), end + 160)):
            return True  # « "We tautoko him," she said, using the Māori word for support. »
    after, before, kind_after = _patterns(lang)
    if after is None:
        return regex.match(r"[ \u00a0]*+\([ \u00a0]*+\p{L}", text[end:end + 6]) is not None
    if kind_after is not None and kind_after.match(text, end, min(len(text), end + 80)):
        return True
    m = after.match(text, end, min(len(text), end + 80))
    if m:
        if "(" in m.group():
            return True
        if loose:
            return True
        prev = _PREVIOUS.search(text, max(0, start - 30), start)
        if prev and prev.group(1).casefold() in _nominal(lang):
            return True
        # The word ends a term of two words (« el nasi goreng, el arroz salteado… »).
        if prev and prev.group(1).islower() and _foreign(prev.group(1), lang):
            prev2 = _PREVIOUS.search(text, max(0, prev.start() - 30), prev.start())
            if prev2 and prev2.group(1).casefold() in _nominal(lang):
                return True
    if loose and before_too and _APPOSED.search(text, max(0, start - 40), start) is not None \
            and regex.match(r"[ \u00a0]*+,", text[end:end + 3]) and _apposed_det(text, start, lang):
        return True  # « a procession of spirits, the mluk, each with… »: the word renames the noun before it
    if before_too:
        named = _named_before(lang)
        if named is not None and named.search(text, max(0, start - 60), start):
            return True  # « a buyout figure, known as a cláusula de rescisão », « sponsors, or ninong »
    return before_too and before is not None and before.search(text, max(0, start - 60), start) is not None


#: A noun, a comma and a determiner right before a word (« spirits, the mluk, … »).
_APPOSED = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]++[ \u00a0]*+,[ \u00a0]++([\p{L}]++)['’]?+[ \u00a0]*+\Z")


def _apposed_det(text: str, start: int, lang: str) -> bool:
    m = _APPOSED.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).casefold() in DETERMINERS.get(lang, "").split()


#: Words that introduce a name or a term of another language right before it (« known as », « appelé »).
NAMING = {
    "en": "known as|called|dubbed|so-called|named|nicknamed|call",
    "fr": "appelée?s?|dite?s?|surnommée?s?|baptisée?s?|nommée?s?|qu['’]on appelle|connue?s? sous le nom de|appellent|appelaient|nomment",
    "es": "llamad[oa]s?|conocid[oa]s? como|denominad[oa]s?|apodad[oa]s?|llaman|llamaban",
    "pt": "chamad[oa]s?|conhecid[oa]s? como|denominad[oa]s?|apelidad[oa]s?|chamam|chamavam",
    "it": "chiamat[oaie]|dett[oaie]|not[oaie] come|cosiddett[oaie]|denominat[oaie]|chiamano|chiamavano",
    "de": "genannte?[nrs]?|sogenannte?[nrs]?|so genannte?[nrs]?|bekannt als|namens|nennen|nannten",
}


@cache
def _named_before(lang: str) -> regex.Pattern[str] | None:
    """A naming cue (``NAMING``), with an optional article, or « , or » (``ALTERNATIVES``) right
    before a term; a first word and a conjunction or a preposition may come between (« or ninong
    and », « known as a cláusula de »)."""
    naming, alts = NAMING.get(lang), _alternation(ALTERNATIVES, lang)
    if naming is None and alts is None:
        return None
    naming, alts = naming or "(?!)", alts or "(?!)"
    conj = _alternation(CONJUNCTIONS, lang) or "(?!)"
    det = "|".join(regex.escape(d) for d in (DETERMINERS.get(lang, "") + " " + INDEFINITES.get(lang, "")).split()) or "(?!)"
    return regex.compile(
        rf"(?:(?<![\p{{L}}\p{{M}}])(?:{naming})|,[ \u00a0]++(?:{alts}))[ \u00a0]++(?:(?:{det})(?:[ \u00a0]++|['’]))?+"
        rf"(?:\p{{Ll}}[\p{{L}}\p{{M}}'’-]*+[ \u00a0]++(?:{conj}|de|di|da|do|del|della|du|des|of|von|van)[ \u00a0]++)?+[«“\"‘*_]?+\Z",
        regex.IGNORECASE,
    )


#: A comma, then a bare noun phrase (« , spiedini di cuore… », « , padrões geométricos… »).
_BARE_APPOSITION = regex.compile(r"[ \u00a0]*+,[ \u00a0]++(\p{Ll}[\p{Ll}\p{M}]{3,}+)[ \u00a0]++\p{Ll}")


#: Endings of past participles, which open no apposition (« …, tiradas de… »: a clause).
_PARTICIPLE = regex.compile(r"(?:ad[oa]s?|id[oa]s?|at[oaie]|it[oaie]|ut[oaie]|ée?s?|ed)$")


def _plural(word: str, lang: str, foreign: bool) -> bool | None:
    """Whether a noun looks plural (None where the language's plurals cannot be told by their end):
    an apposition agrees in number with the word it renames, a list's next item need not
    (« sopas frias deabacate, saladas verdes… » is a list)."""
    if lang in ("fr", "es", "pt", "en"):
        return word.endswith(("s", "x"))
    if lang == "it":
        return word.endswith("s") if foreign else word.endswith(("i", "e"))
    return None


def _zipf(word: str, lang: str) -> float:
    from checker import lexicon

    return lexicon.zipf(word, lang)


def _foreign(word: str, lang: str) -> bool:
    """A word the article's language hardly knows (« nasi » in « el nasi goreng »), which may open
    a term of another language; « el jugador berkata, … » is no term."""
    from checker import lexicon

    return lexicon.zipf(word.casefold(), lang) < 2.0

