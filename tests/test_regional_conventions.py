"""Conventions of clean journalism in other languages and regions, each beside the defect it must
not hide (the clean articles of fixtures/clean/{de,es,it,pt,fr-BE} hold them in context)."""

from __future__ import annotations

import pytest
from conftest import check_rules, findings

from checker.rules import lang_matches


def test_language_exclusions() -> None:
    assert lang_matches("*,!de", "fr") and lang_matches("*,!de", "it-CH")
    assert not lang_matches("*,!de", "de") and not lang_matches("*,!de", "de-AT")
    assert lang_matches("!de", "en") and not lang_matches("!de", "de-CH")
    assert lang_matches("fr,es", "es-MX") and not lang_matches("fr,es", "de")


def test_german_nouns_open_no_name_and_no_sentence() -> None:
    text = ("Gedreht haben wir an 38 Tagen, zwischen Ende April und Mitte Juni. Der Mann soll über "
            "gefälschte Online-Shops und Kleinanzeigen Waren verkauft haben.")
    assert not check_rules({"MT171", "MT247"}, text, "de")
    # A lowercase name start in a list is still reported in the languages that do not capitalise nouns.
    assert [f.text for f in check_rules("MT171", "Sur scène : Maluma, sun Kings Band et Rihanna.", "fr")] == ["sun Kings Band"]


def test_german_adjective_beside_a_name() -> None:
    text = ("Die Schweiz hat über zwei eidgenössische Vorlagen abgestimmt, wie das Eidgenössische "
            "Departement des Innern mitteilt.")
    assert not check_rules("MT176", text, "de")


def test_german_editorial_note() -> None:
    text = "Sie war Showrunnerin (Gesamtleitung einer Serie, Anm. d. Red.) und Autorin."
    assert not check_rules("MT259", text, "de")
    assert [f.text for f in check_rules("MT259", "Er kam spät nach Hause. dann schlief er.", "de")] == [". dann"]


def test_italian_invariable_words() -> None:
    assert not check_rules("MT628", "Al Franchi i viola hanno vinto, e i no hanno prevalso nel voto.", "it")
    assert [f.text for f in check_rules("MT628", "Il tecnico ha convocato alcuni giocatore.", "it")] == ["alcuni giocatore"]


def test_belgian_thousands_point_with_the_region_tag() -> None:
    text = "Près de 2.000 personnes ont été touchées, et 4.000 autres ont reçu un message."
    assert not check_rules("MT315", text, "fr-BE")
    assert [f.text for f in check_rules("MT315", text, "fr")] == ["2.000", "4.000"]


def test_english_quotation_with_its_translation() -> None:
    # A translation cue, a paraphrase in German reported speech, a translation after a dash.
    for text in (
        "Darin heißt es: „Ship nothing, answer nothing, keep smiling to everyone.“ Also: nichts verschicken, "
        "auf nichts antworten, weiterlächeln.",
        "Ein Analyst sagte: „We have been waiting for this, but it is not a game changer.“ Man habe gewartet, "
        "eine Wende sei es nicht.",
    ):
        assert not check_rules("MT120", text, "de")
    text = "He said, “Ek is mal oor hierdie musiek en ek speel dit elke dag” – I love this music and play it every day."
    assert not check_rules({"MT120", "MT173"}, text, "en")
    # Without any of that, an English sentence left in a German article is still reported.
    text = "Der Minister erklärte: „We have been waiting for this, but it is not a game changer.“ Dann ging er."
    assert [f.code for f in check_rules("MT120", text, "de")] == ["MT120"]


def test_acronym_inside_a_quotation_in_english() -> None:
    text = ("A startup usa IA para triagem. Ele resumiu em inglês: “AI should shorten the line, not replace "
            "the doctor” (a IA deve encurtar a fila).")
    assert not check_rules("MT419", text, "pt")
    assert [f.text for f in check_rules("MT419", "A IA muda tudo. A AI também muda o emprego.", "pt")] == ["AI"]


@pytest.mark.parametrize("word", ["nearshoring", "overtourism", "doomscrolling"])
def test_english_coinages_are_loanwords(word: str) -> None:
    text = f"Las empresas apuestan por el {word} como estrategia para este año."
    assert not [f for f in findings(text, "es") if f.code == "MT206"]


def test_a_glued_function_word_is_no_coinage() -> None:
    from checker.kinds.unknown_word import _english_coinage

    assert _english_coinage("nearshoring") and _english_coinage("overtourism")
    assert not _english_coinage("thebanking") and not _english_coinage("nearshore")


def test_feminine_titles_and_political_labels_in_french() -> None:
    text = "La maire, Anne Le Goff (divers centre), a présenté le budget ; la maire a été applaudie."
    assert not check_rules({"MT277", "MT624"}, text, "fr")
    assert [f.text for f in check_rules("MT277", "Le conseil a voté la budget ce soir.", "fr")] == ["la budget"]


def test_agency_copy_writes_the_thousands_point() -> None:
    text = "PARIS (AFP) - Plus de 85.000 personnes ont défilé samedi, selon la préfecture."
    assert not check_rules("MT315", text, "fr")
    assert [f.text for f in check_rules("MT315", "Plus de 85.000 personnes ont défilé samedi.", "fr")] == ["85.000"]


def test_spanish_clitic_before_an_irregular_preterite() -> None:
    assert not check_rules("MT278", "La televisión la hizo popular y la radio la dijo su voz.", "es")


def test_italian_epicene_heads_hours_and_clitics() -> None:
    text = ("Per la capogruppo dei Verdi la cifra è bassa. L'apertura, «Pigneto alle quattro», è il brano "
            "migliore. La madre e le sorelle lo avevano seguito in diretta.")
    assert not check_rules({"MT279", "MT274"}, text, "it")
    assert [f.text for f in check_rules("MT274", "Ha visto lo aereo partire.", "it")] == ["lo aereo"]


def test_english_award_names_and_shared_surnames() -> None:
    text = ("Claire Martin coached girls for decades. \"I owe it all to that man.\"\n\n"
            "In 1983, Martin was named the region's sportsman of the year. She later joined the council, "
            "and her brother Denis Martin joined her there.")
    assert not check_rules("MT260", text, "en")


def test_a_name_in_its_own_language() -> None:
    text = ("She coached in Quebec for decades and led Hockey Quebec. She was inducted into the Panthéon "
            "des sports du Québec in 2016.")
    assert not check_rules({"MT113", "MT413"}, text, "en")


def test_a_language_in_a_list_of_languages() -> None:
    text = "Les dialogues, en darija, en tarifit et parfois en espagnol, sonnent juste."
    assert not [f for f in findings(text, "fr") if f.code == "MT201"]


def test_paraphrase_after_the_reporting_clause() -> None:
    text = ("„Europe is making it harder for small players to compete“, sagt Daniel Okafor, der in London "
            "lebt. Europa mache es kleinen Anbietern schwerer.")
    assert not check_rules("MT120", text, "de")
    # The translation first, then the original.
    text = ("“Ci avevano detto che avrebbe fatto caldo, ma non così”, raccontano. Lei ripete la frase nella sua "
            "lingua, “We were told it would be hot, not like this”, mentre lui mostra il telefono.")
    assert not check_rules("MT120", text, "it")
    # Naming the language is no translation: the sentence stays untranslated.
    text = "Darin heißt es auf Englisch: „Ship nothing, answer nothing, keep smiling to everyone.“ Er schwieg."
    assert [f.code for f in check_rules("MT120", text, "de")] == ["MT120"]


def test_an_unknown_given_name_before_a_known_surname() -> None:
    text = ("The Green candidate, Ravi Patel, who is no relation, lost his deposit. Sunita Patel said she "
            "was disappointed.")
    assert not check_rules("MT260", text, "en")


def test_french_complex_inversion_and_a_curated_given_name() -> None:
    assert not check_rules("MT442", "Agathe a tourné la scène. Une scène a été vue partout. Cela vous surprend-il ?", "fr")
    text = "Karim Haddad, ancien chercheur à Mila, insiste. « Les données restent ici », a-t-il précisé."
    assert not check_rules("MT442", text, "fr")


def test_translation_after_a_comma_or_a_dash_clause() -> None:
    text = ("Gliel'ho detto così: «A machine can describe the sea, but it has never been seasick», una "
            "macchina sa descrivere il mare, ma non ha mai avuto il mal di mare.")
    assert not check_rules("MT120", text, "it")
    text = "„We will make a day of it and see the old town“, sagt Tom – sie würden eben das Beste daraus machen."
    assert not check_rules("MT120", text, "de")


def test_a_term_introduced_and_a_domain_name() -> None:
    text = "Las mallas, conocidas como atrapanieblas, capturan las gotas de la niebla."
    assert not [f for f in findings(text, "es") if f.code == "MT206"]
    text = ("KuboPay abrirá vacantes. KuboPay contratará a 300 personas. KuboPay crece. Más datos en su "
            "sitio (kubopay.mx/empleos).")
    assert not check_rules("MT413", text, "es")


def test_british_single_quotes_around_a_double_quotation() -> None:
    # British style: ‘…’ outside, “…” inside; the ” closes the inner quotation, not the outer one.
    text = ("‘The clinic was full every week. “Keep the ward open,” they wrote to us. That’s what we "
            "will do,’ the councillor said.")
    assert not check_rules("MT223", text, "en")
    # A single quotation opened inside a double one and closed by ” is still reported.
    text = "“They wrote, ‘Keep the ward open?” and then nothing more,” the councillor said."
    assert [f.text[:1] for f in check_rules("MT223", text, "en")] == ["‘"]


def test_a_term_quoted_as_another_languages_words() -> None:
    # The sentence names the language of the short quotation: the English acronym is quoted on purpose.
    for text in (
        "Die KI hilft im Alltag. Auf Englisch nennt sie das „boring AI“, und sie meint es als Lob.",
        "Die KI hilft im Alltag. Sie nennt das „boring AI“, wie man auf Englisch sagt.",
    ):
        assert not check_rules("MT410", text, "de")
    text = "L'IA progresse. Les chercheurs parlent en anglais de « frontier AI » pour ces modèles."
    assert not check_rules("MT415", text, "fr")
    assert [f.text for f in check_rules("MT415", "L'IA progresse. Les chercheurs parlent de « frontier AI ».", "fr")] == ["AI"]
    # Unlabelled, or labelled in another sentence, the variant is still reported.
    for text in (
        "Die KI hilft im Alltag. Sie nennt das „boring AI“ und meint es als Lob.",
        "Die KI hilft im Alltag. Sie spricht auf Englisch. Das nennt sie „boring AI“ und meint es als Lob.",
    ):
        assert [f.text for f in check_rules("MT410", text, "de")] == ["AI"]


def test_a_quotation_in_another_script_with_its_translation() -> None:
    # The speaker's words in hangul or han, then the article's translation beside them.
    for text in (
        'On set, her favourite instruction was "천천히, 한 번 더", meaning "slowly, one more time".',
        '"팬분들 덕분에 여기까지 왔어요," she told reporters — "We made it this far because of our fans."',
        '"我们会一直坚持下去的," the coach said after the match. "We will keep going, whatever happens."',
    ):
        assert not check_rules("MT160", text, "en")
    # The same words with no translation beside them are still left untranslated.
    for text in (
        '"팬분들 덕분에 여기까지 왔어요," she told reporters after the show in Seoul.',
        'She said in Korean, "팬분들 덕분에 여기까지 왔어요," and left the stage.',
    ):
        assert [f.code for f in check_rules("MT160", text, "en")] == ["MT160"]


def test_an_english_quotation_said_again_in_the_articles_language() -> None:
    for text, lang in (
        # German reported speech (Konjunktiv I) right after the quotation.
        ("Sein Berater sagt: „Tomás is happy in Graz, but every young player dreams of England.“ Der Spieler "
         "fühle sich in Graz wohl, träume aber von England.", "de"),
        # The reporting clause, a colon, then the paraphrase.
        ("«Lugano is small, but the hunger is big», ha detto la presidente alla conferenza: la città sarà "
         "anche piccola, ma la fame è grande.", "it"),
        # Cognates of the quotation's words in the sentence after it.
        ("«Italian studios have a style that Korean players are looking for», ha dichiarato il manager. "
         "Secondo lui, il pubblico coreano cerca proprio lo stile degli studi italiani.", "it"),
    ):
        assert not check_rules("MT120", text, lang), text
    # An English quotation followed by the rest of the story is still left untranslated.
    for text, lang in (
        ("Sein Berater sagt: „Tomás is happy in Graz, but every young player dreams of England.“ Der Verein "
         "wollte das Gerücht am Montag nicht kommentieren.", "de"),
        ("«Italian studios have a style that Korean players are looking for», ha dichiarato il manager. "
         "La società ha chiuso l'anno con un utile di tre milioni di euro.", "it"),
    ):
        assert [f.code for f in check_rules("MT120", text, lang)] == ["MT120"], text


def test_table_rows_keep_what_follows_a_hash() -> None:
    # The literal-label row for « Fundo » needs its label line (right=\n) and its topic (doc=): a
    # headline that opens on the word is no label (the row lost both when '#' cut it short).
    text = "Fundo de Abu Dhabi anuncia R$ 5,5 bilhões para data centers no Nordeste\n\nO fundo investirá no Ceará."
    assert not check_rules("MT409", text, "pt")


def test_stylised_lowercase_names_in_a_list_of_names() -> None:
    assert not check_rules("MT202", "That is not yet in the league of aespa or SEVENTEEN, but it is a climb.", "en")
    assert not check_rules("MT201", "Entre aespa, IVE, NewJeans ou LE SSERAFIM, la concurrence est rude.", "fr")
    # Alone, or among common words, the same non-word is still reported.
    assert [f.text for f in check_rules("MT201", "La concurrence est aespa et très rude cette année.", "fr")] == ["aespa"]
    # A lowercase surname after a first name is a mangled name, list or not.
    text = "Parmi les signataires figuraient Billie Eilish, Maya lindqvst, Katy Perry et bien d'autres."
    assert [f.text for f in check_rules("MT201", text, "fr")] == ["lindqvst"]


def test_a_foreign_quotation_in_single_quotes_or_over_two_sentences() -> None:
    for text in (
        "'Bu galibiyet taraftarlarımıza armağan olsun,' the captain told the broadcaster – 'Let this win be a gift.'",
        '"Kami mahu beraksi sebaik mungkin. Tekanan itu perkara biasa," he said, meaning "We want to play well. '
        'Pressure is normal."',
    ):
        assert not check_rules("MT202", text, "en"), text


def test_prefixed_words_derivations_and_english_compounds() -> None:
    assert not check_rules("MT525", "Su miniálbum más reciente salió en marzo.", "es")
    assert not check_rules("MT207", "A série virou assunto obrigatório entre os dorameiros, fãs de dorama.", "pt")
    assert not check_rules("MT627", "O fundo investirá na construção de três data centers no Ceará.", "pt")
    assert [f.text for f in check_rules("MT627", "O fundo investirá na construção de três centro no Ceará.", "pt")] \
        == ["três centro"]


def test_a_quoted_original_title_and_a_name_of_capitalised_words() -> None:
    text = ("En Corée du Sud, « Jajeong-ui jeongwon », son titre original, a été diffusé le samedi et le "
            "dimanche soir sur la chaîne tvN.")
    assert not check_rules("MT111", text, "fr")
    assert not check_rules("MT123", "Cartão vermelho: Oğuzhan Yıldız (Galatasaray).", "pt")


def test_an_italian_clitic_before_a_verb_and_an_english_exclamation_in_spanish() -> None:
    assert not check_rules("MT274", "Parla poco, ma quando lo fa tutti lo ascoltano.", "it")
    assert [f.text for f in check_rules("MT274", "Ha incontrato lo amico di sempre.", "it")] == ["lo amico"]
    assert not check_rules("MT249", "“Mexico, we’ll see you very soon. Please wait for us!”, dijo la líder.", "es")


def test_foreign_words_explained_in_the_sentence() -> None:
    for code, text, lang in (
        ("MT202", "Here they arrive with bannann peze, a plate of plantain slices fried twice.", "en"),
        ("MT201", "Le pajeon (58 DH), une galette croustillante aux oignons verts, se partage.", "fr"),
        ("MT123", "Para terminar, es cendol, una bebida fría de leche de coco.", "es"),
        ("MT123", "Los gobiernos locales declararon walang pasok, o suspensión de clases, el lunes.", "es"),
        ("MT123", "A eso se sumó una promesa, makan siang gratis —literalmente, ‘almuerzo gratis’—, para los niños.", "es"),
        ("MT206", "El gobierno mantendrá la hilirisasi, como llaman allá a la política de procesar las materias primas.", "es"),
    ):
        assert not check_rules(code, text, lang), text
    # A magnitude word after a number, or a word beside an unrelated apposition, is still reported.
    assert [f.text for f in check_rules("MT123", "La renta superó los R$ 2,8 milhões, un récord para el estadio.", "es")] \
        == ["milhões"]
    assert [f.text for f in check_rules("MT201", "Elles veulent dévalorier les artistes, les auteurs et les musiciens.", "fr")] \
        == ["dévalorier"]


def test_words_every_press_has_taken_over() -> None:
    text = "Viele Familien planen die Umrah im Ramadan. Die Tarawih-Gebete in der Moschee dauern lange, und die Umrah ist teuer."
    assert not check_rules("MT123", text, "de")
    assert not check_rules("MT626", "De los cerca de 205 millones de votantes, la mitad votó.", "es")


def test_a_quoted_nickname_and_a_word_of_a_foreign_quotation_are_no_lowercased_names() -> None:
    text = ("Un giornale lo ribattezzò «Mister Tarantella» nel 1971, e il nome «Mister Tarantella» gli restò. "
            "Il repertorio andava dalla tarantella al liscio.")
    assert not check_rules("MT113", text, "it")
    text = ('The sign of Lakay Manman is in Creole. "Byenvini lakay nou," the owner says. Lakay Manman opened '
            "in March, and Lakay Manman is full.")
    assert not check_rules("MT113", text, "en")
    # A name that lost its capital in running text is still reported.
    text = "Callum Ashworth won the seat. Voters backed Callum Ashworth, and later ashworth thanked them."
    assert [f.text for f in check_rules("MT113", text, "en")] == ["ashworth"]


def test_a_name_with_its_particle_and_an_everyday_word_opening_a_headline() -> None:
    text = "Ha vinto il ballottaggio nel Rio Grande do Sul con il 53 per cento, e nel Mato Grosso do Sul perde."
    assert not check_rules("MT247", text, "it")
    text = ("Warum kleine Läden in Jakarta digital werden\n\nDer Warung an der Ecke verkauft Reis. "
            "Jeder Warung bestellt per App, sagt die Gründerin.")
    assert not check_rules("MT117", text, "de")


def test_an_adjective_that_closes_its_own_nouns_group() -> None:
    text = "Une étude publiée le mois dernier mesure pour la première fois l'effet des vagues de chaleur."
    assert not check_rules("MT277", text, "fr")
    assert [f.text for f in check_rules("MT277", "Le club a franchi une dernier étape du plan.", "fr")] == ["une dernier étape"]


# --- Sixth clean round (thirty-ninth session): each trap beside the defect it must not hide.

def test_nickname_inside_a_name_and_a_title_before_it() -> None:
    # A quoted nickname does not cut a man's name from his surname, which his wife shares: the bare
    # surname is then no woman's. A title before a given name the gazetteer knows names a man.
    text = ('Jurors found Pablo "Paco" Ibarra, 61, guilty of fraud. His wife, Rosa Ibarra, testified '
            "against him and she wept. Judge Ellen Park said she would sentence Ibarra in May, and his "
            "lawyers said they would appeal.")
    assert not check_rules("MT436", text, "en")
    text = ("Chief Executive Ellen Park said sales rose, and she thanked staff. Finance Director Rajesh "
            "Venkataraman said margins improved. He warned that tariffs would weigh on the year.")
    assert not check_rules("MT436", text, "en")
    bad = "The singer Ellen Park released her album on Friday, and she toured Asia. He said it was his best."
    assert [f.text for f in check_rules("MT436", bad, "en")] == ["He", "his"]


def test_arabic_article_before_a_transliteration() -> None:
    text = "« Al-hamdu lillah, nous sommes vivants », dit-il. L'IA n'a rien à voir avec son histoire."
    assert not check_rules("MT101", text, "fr")
    bad = "Les images [[Al]]-générées inondent les réseaux, et l'IA inquiète les rédactions."
    assert [f.text for f in check_rules("MT101", bad.replace("[[", "").replace("]]", ""), "fr")] == ["Al"]


def test_spanish_pronoun_demonstratives_and_numerals() -> None:
    text = ("Hubo retrasos en dos líneas. Estos han sido los momentos clave, y aquellos van a repetirse. "
            "En el banquillo se sientan otras cuatro personas.")
    assert not check_rules({"MT626", "MT278"}, text, "es")
    assert [f.text for f in check_rules("MT626", "El club fichó a varios jugador extranjeros.", "es")] == ["varios jugador"]


def test_french_participle_used_as_a_noun() -> None:
    assert not check_rules("MT277", "Un retraité vaudois a témoigné, puis un invité a pris la parole.", "fr")
    assert [f.text for f in check_rules("MT277", "Il a lancé un activité nouvelle.", "fr")] == ["un activité"]


def test_quotations_said_again_in_reported_speech() -> None:
    # The rest of the sentence paraphrases the quotation after its reporting clause, or after a
    # colon with commas in the paraphrase.
    for text, lang in (
        ('"We cannot keep up with the rent anymore", dijo Marta Ruiz, vecina del barrio de Triana, '
         "explicando que el alquiler se ha duplicado en dos años.", "es"),
        ('"I waited for my brother every single night", ha raccontato Luca Bassi, 40 anni, cuoco a Bari, '
         "spiegando di aver aspettato il fratello per mesi.", "it"),
        ("« I lost my job and my flat in one week », confiait Tom Hale, un ouvrier gallois arrivé lundi : "
         "en une semaine, il a perdu son travail et son logement.", "fr"),
    ):
        assert not check_rules("MT120", text, lang)
    bad = ('"We cannot keep up with the rent anymore, and nobody in this city is listening to us", dijo '
           "Marta Ruiz. El ayuntamiento no respondió.")
    assert [f.code for f in check_rules("MT120", bad, "es")] == ["MT120"]


def test_words_of_a_short_foreign_quotation_and_latin_names() -> None:
    text = "« Het is een ramp », lâche le fermier. C'est une catastrophe, traduit-il."
    assert not check_rules("MT201", text, "fr")
    text = "O fóssil, batizado de Caturrasaurus mirandensis, tem 230 milhões de anos."
    assert not check_rules("MT207", text, "pt")
    text = "The scheme, known as chitfund or savings, remains popular among traders."
    assert not check_rules("MT202", text, "en")
    assert [f.text for f in check_rules("MT201", "Le ministre a présenté un projet très ambitrieux.", "fr")] == ["ambitrieux"]


def test_original_title_quoted_whole_or_translated_after_a_comma() -> None:
    text = "« Le Pays des citrons » (« Il paese dei limoni ») sort mercredi en salles."
    assert not check_rules("MT173", text, "fr")
    text = 'O pescador repetia um ditado irlandês, "Is fearr rith maith ná drochsheasamh", ou seja, mais vale fugir bem.'
    assert not check_rules("MT173", text, "pt")
    assert [f.text for f in check_rules("MT173", "Le groupe a sorti « Bintang et Lautan » en juin.", "fr")] == ["Bintang et Lautan"]


# --- Seventh clean round (same session): the beats machine translation favours.

def test_a_term_introduced_by_its_name_or_an_alternative() -> None:
    text = ("Like most clubs there, Porto write a release figure, known as a cláusula de rescisão, "
            "into every contract. Among the witnesses, or padrinos and madrinas, were two coaches.")
    assert not check_rules({"MT123", "MT202"}, text, "en")
    assert [f.text for f in check_rules("MT123", "The coach said the team was ready, ujarnya, before the final.", "en")] \
        == ["ujarnya"]


def test_translation_after_a_reporting_clause_between_dashes() -> None:
    text = ('"Este triunfo es para nuestras madres," she said — this win is for our mothers — before '
            "leaving the stage.")
    assert not check_rules("MT120", text, "en")
    bad = '"Este triunfo es para nuestras madres y para todo el barrio," she said before leaving the stage.'
    assert [f.code for f in check_rules("MT120", bad, "en")] == ["MT120"]


def test_explanation_after_a_complement_or_a_cue() -> None:
    for text, lang, code in (
        ("Guidava il club Aiko, la senpai del gruppo, cioè la studentessa più anziana.", "it", "MT123"),
        ("Pim est aussi la maknae, autrement dit la benjamine de la formation.", "fr", "MT123"),
        ("Chegou o maknae, como é chamado o integrante mais novo, com 19 anos.", "pt", "MT123"),
    ):
        assert not check_rules(code, text, lang), text


def test_italian_clitic_before_a_future_and_a_spanish_article_before_a_nickname() -> None:
    assert not check_rules("MT279", "Dopo questo film la vedremo ancora in Italia?", "it")
    assert [f.text for f in check_rules("MT279", "Il ministro ha risolto la problema ieri.", "it")] == ["la problema"]
    assert not check_rules("MT614", "El León salió decidido a aprovechar la localía ante Olimpia.", "es")
    assert [f.text for f in check_rules("MT614", "Le défenseur Kemal Fer a prolongé son contrat.", "fr")] == ["Fer"]


def test_a_word_is_not_glued_to_itself() -> None:
    assert not check_rules("MT525", "As memecoins caíram 12% depois do anúncio.", "pt")


def test_belgian_words_say_the_thousands_point_is_belgian() -> None:
    text = ("Le bourgmestre a annoncé 42.000 festivaliers ; septante bénévoles encadreront les navettes "
            "jusqu'aux kots des étudiants.")
    assert not check_rules("MT315", text, "fr")
    # One Belgian word is not enough: French of France writes « septante » in a quotation too.
    text = "« Septante ans de carrière », a dit le chanteur devant 42.000 personnes."
    assert [f.text for f in check_rules("MT315", text, "fr")] == ["42.000"]


def test_italian_datelines_take_a_hyphen() -> None:
    assert not check_rules("MT226", "ROMA - Il governo ha approvato la manovra.", "it")
    assert [f.text for f in check_rules("MT226", "LYON - Le maire a présenté son budget.", "fr")] == ["LYON - "]


def test_quebec_words_name_the_spacing_convention() -> None:
    # Québec spaces the colon and « », as France does, and glues ; ! ? : two Québec words say so.
    text = ("Le cégep ouvre une résidence : « Soixante chambres » pour la rentrée. Les étudiants font "
            "leur épicerie au dépanneur du coin. « On a enfin un toit! »")
    assert not check_rules("MT300", text, "fr")
    text = text.replace("cégep", "lycée").replace("dépanneur", "supermarché")
    assert [f.text for f in check_rules("MT300", text, "fr")] == ["!"]


def test_a_word_named_and_explained_later_in_its_sentence() -> None:
    text = '"We will awhi him through this," the captain said, using the Māori word for support.'
    assert not check_rules("MT202", text, "en")
    assert [f.text for f in check_rules("MT202", "The captain said they would awhi him through this season.", "en")] \
        == ["awhi"]
