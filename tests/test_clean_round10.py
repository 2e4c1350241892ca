"""What the tenth clean round taught (fixtures/clean/*/r10-*): the mainstream daily news that
aggregators scrape, as newsrooms of each region write it (wire dispatches, match reports,
obituaries, budgets, weather warnings). Each test holds the clean form silent and, beside it,
the defect the mechanism must still find."""

from __future__ import annotations

from conftest import check_rules

from checker.document import Document


def test_a_host_name_without_a_scheme_is_no_word() -> None:
    text = "Les avis sont en ligne sur impots.gouv.fr depuis mardi ; le détail figure sur service-public.fr."
    assert not check_rules("MT204", text, "fr")
    doc = Document("Voir impots.gouv.fr, lemonde.fr et Suara.com. La fin.de la saison.", lang="fr")
    assert [t.text for t in doc.tokens if t.kind == "url"] == ["impots.gouv.fr", "lemonde.fr", "Suara.com"]
    # The same word in running text still lost its accent.
    assert [f.text for f in check_rules("MT204", "Les impots locaux augmentent encore cette année.", "fr")] == ["impots"]


def test_an_everyday_word_is_no_autocorrected_name() -> None:
    text = ("Chinedu Okafor runs the shop. Chinedu Okafor says business is good. "
            "The first Chinese word he learnt was the word for cheap.")
    assert not check_rules("MT117", text, "en")


def test_a_place_named_after_a_saint_is_no_man() -> None:
    text = ("For participants like Rosa Villanueva, a retired secretary in San Antonio, the results were already "
            "visible on her meter. She said she walks every evening.")
    assert not check_rules("MT260", text, "en")
    assert not check_rules("MT260", "Rosa Villanueva, 61, lives in Austin. She said she walks every evening.", "en")
    # A man named Antonio is still a man, wherever he lives.
    bad = "Antonio Reyes, 61, lives in Austin. She said she walks every evening."
    assert [f.text for f in check_rules("MT260", bad, "en")] == ["She", "she"]


def test_a_surname_after_a_given_name_of_both_genders_tells_no_gender() -> None:
    text = ("Queenslander Riley Brannigan won his first title on Sunday. His sister, Mia Brannigan, won the doubles "
            "earlier, and she hugged him first. The win will lift Brannigan to a career-high ranking. He is "
            "expected to play next week.")
    assert not check_rules("MT436", text, "en")
    bad = ("Mia Brannigan won the doubles title on Sunday, and she thanked the crowd. The win will lift Brannigan to "
           "a career-high ranking. He is expected to play next week.")
    assert [f.text for f in check_rules("MT436", bad, "en")] == ["He"]


def test_a_title_in_sentence_case_after_its_work_noun_or_written_twice() -> None:
    text = ("Son premier album, Les marées d'octobre, paru en 1967, contient La complainte du pêcheur, "
            "qui deviendra son plus grand succès. Plus tard, il consacre un album entier aux villages de la côte, "
            "Les quais déserts, et chacun connaît un refrain de La complainte du pêcheur.")
    assert not check_rules({"MT246", "MT247"}, text, "fr")
    assert not [f for f in check_rules("MT266", text, "fr") if f.text != "La"]
    # A sentence run into the next one is still reported.
    assert check_rules("MT246", "Le club a perdu dimanche, Les supporters sont repartis déçus.", "fr")
    assert check_rules("MT247", "Le club a perdu dimanche Les supporters sont repartis déçus.", "fr")


def test_portuguese_before_the_1990_agreement_capitalises_months() -> None:
    text = ("O director provincial disse que a campanha começa em Novembro e que o projecto vai abranger "
            "mil famílias até Maio de 2026.")
    assert not check_rules("MT318", text, "pt")
    assert not check_rules("MT318", "A campanha começa em Novembro de 2025, disse o responsável.", "pt-AO")
    assert [f.text for f in check_rules("MT318", "A campanha começa em Novembro de 2025, disse o diretor.", "pt")] \
        == ["Novembro"]


def test_a_wire_dispatch_types_its_dashes_as_spaced_hyphens() -> None:
    text = ("(ANSA) - ROMA, 3 MAR - I ciclisti che consegnano pasti sono dipendenti - ha deciso la Corte - e "
            "non collaboratori.")
    assert not check_rules("MT245", text, "it")
    bad = "I ciclisti che consegnano pasti sono dipendenti - ha deciso la Corte - e non collaboratori."
    assert len(check_rules("MT245", bad, "it")) == 2


def test_a_quotation_translated_after_a_comma_before_the_sentence_goes_on() -> None:
    from checker.kinds.foreign_language import quotation_translated

    # The next quotation of the paragraph (an album's title) is no translation; the clause after the
    # comma is, though the sentence goes on after it.
    text = ("Atuou em Paris em 1975, onde a imprensa francesa a descreveu como «une voix qui pleure sans larmes», "
            "uma voz que chora sem lágrimas, e fez sete digressões pelo Japão entre 1983 e 2004. Do concerto de "
            "Tóquio nasceu o álbum ao vivo «Rosa de Lisboa», editado apenas no mercado japonês.")
    start, end = text.index("«une"), text.index("»") + 1
    assert quotation_translated(Document(text, lang="pt"), start, end, "pt")


def test_a_rare_word_doubled_is_another_languages_reduplication() -> None:
    en = "A neighbour's boda boda business and a small shop were started with money sent from abroad."
    assert not check_rules("MT212", en, "en")
    fr = "Les plus prudents demandent la viande « leb leb », c'est-à-dire à peine saisie."
    assert not check_rules("MT211", fr, "fr")
    # A common word doubled is still a slip, in either language.
    assert [f.text for f in check_rules("MT212", "The minister presented the the bill on Tuesday.", "en")] == ["the"]
    assert [f.text for f in check_rules("MT211", "Le ministre a présenté le le projet mardi.", "fr")] == ["le"]
