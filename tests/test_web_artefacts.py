"""Edge cases of the web-extraction detectors: repeated text, cut-off passages, site chrome,
social-embed remnants and dangling references."""

from __future__ import annotations

import pytest
from conftest import check_rules


def _run(ruleset, codes: set[str], text: str, lang: str, path: str = "<t>"):
    return check_rules(codes, text, lang, ruleset, path)


def test_repeated_passage_points_at_first_copy(ruleset) -> None:
    first = "Le conseil municipal a voté le budget mardi soir après six heures de débat."
    text = f"Titre\n\n{first} Les élus sont partis.\n\nAutre chose.\n\n{first}\n"
    (f,) = _run(ruleset, {"MT130"}, text, "fr")
    assert f.text == first
    assert f.start == text.rindex(first)
    assert f.related == (text.index(first), text.index(first) + len(first))
    assert "line 3" in f.message


def test_repeated_passage_ignores_dialogue_echo(ruleset) -> None:
    line = "– Deux cent trente-quatre kilomètres à l'heure, vraiment, sans mentir ?"
    text = f"Titre\n\n{line}\n\n{line}\n"
    assert _run(ruleset, {"MT130"}, text, "fr") == []


def test_near_copy_needs_a_long_passage(ruleset) -> None:
    # Eight words sharing most shingles with an earlier sentence: too short to call a near copy.
    text = "Titre\n\nElle s'est enfuie avec l'homme à la tête de veau.\n\nNon, avec l'homme à la tête de veau ?\n"
    assert _run(ruleset, {"MT130"}, text, "fr") == []


def test_truncated_copy_skips_glued_breadcrumb_and_tolerates_one_changed_word(ruleset) -> None:
    text = (
        "AccueilTechLe salon de Cologne ouvre ses portes aux studios d'Al…\n\n"
        "Le salon de Cologne ouvre ses portes aux studios d'IA générative\n\nLa suite.\n"
    )
    (f,) = _run(ruleset, {"MT131"}, text, "fr")
    assert f.text == "Le salon de Cologne ouvre ses portes aux studios d'Al…"
    assert f.related is not None and text[f.related[0] : f.related[1]].startswith("Le salon de Cologne")


def test_truncated_copy_is_not_the_full_text(ruleset) -> None:
    text = "Titre\n\nLe salon de Cologne ouvre ses portes…\n\nLe salon de Cologne ouvre ses portes…\n"
    assert _run(ruleset, {"MT131"}, text, "fr") == []


def test_repeated_line_needs_consecutive_lines(ruleset) -> None:
    assert _run(ruleset, {"MT132"}, "Titre\n\nLa Rédaction\n\nTexte.\n\nLa Rédaction\n", "fr") == []
    (f,) = _run(ruleset, {"MT132"}, "Titre\n\nTexte.\n\nLa Rédaction\nLa Rédaction\n", "fr")
    assert f.related is not None and f.related[0] < f.start


@pytest.mark.parametrize(
    "ending",
    [
        "« Nous verrons bien si la…",  # an open quotation: the speaker trails off
        "Et après ? On verra bien...",  # no function word, French: a trailing-off sentence
        "— Attends, je voulais te dire que...",  # dialogue
    ],
)
def test_ellipsis_left_alone(ruleset, ending: str) -> None:
    text = f"Titre\n\nLe texte commence ici et continue.\n\n{ending}\n\nLa suite.\n"
    assert _run(ruleset, {"MT530"}, text, "fr") == []


def test_ellipsis_after_function_word_reports_the_end(ruleset) -> None:
    text = "Titre\n\nLe maire a présenté son plan pour la rénovation des...\n\nLa suite.\n"
    (f,) = _run(ruleset, {"MT530"}, text, "fr")
    assert f.text.endswith("des...")
    assert text[f.start : f.end] == f.text


def test_unterminated_paragraph_continued_by_a_name_is_not_cut(ruleset) -> None:
    # Hard-wrapped text: the sentence goes on with a place name in the next passage.
    text = "Titre\n\nIl coupa par les terres, car il voulait arriver avant la nuit à\n\nMorlincourt, où l'attendait sa sœur.\n"
    assert _run(ruleset, {"MT532"}, text, "fr") == []


def test_unterminated_paragraph_before_a_heading_in_capitals(ruleset) -> None:
    text = "Titre\n\nLes joueurs restent attachés aux jeux qui ont marqué leur\n\nRÉAGISSEZ À CET ARTICLE\n"
    (f,) = _run(ruleset, {"MT532"}, text, "fr")
    assert f.text.endswith("leur")


def test_site_chrome_spares_story_lines(ruleset) -> None:
    text = (
        "Entretien : « Procrastiner n'est pas un défaut »\n\n"
        "Pourquoi ce sujet ?\n\nParce que tout le monde est concerné.\n\n"
        "Les réseaux sociaux aggravent-ils le problème ?\n\nIls fournissent une échappatoire.\n\n"
        "Trois conseils :\n- découper une tâche ;\n- noter ce que l'on ressent ;\n- se pardonner.\n\n"
        "PARIS, le 3 mars\n"
    )
    assert _run(ruleset, {"MT501", "MT503", "MT505"}, text, "fr") == []


def test_site_chrome_reports_whole_lines(ruleset) -> None:
    text = "Titre\n\nLe texte de l'article.\n\nVous avez aimé ? Partagez :\n\nLAISSER UN COMMENTAIRE\n"
    found = _run(ruleset, {"MT501", "MT503"}, text, "fr")
    assert [f.text for f in found] == ["Vous avez aimé ? Partagez :", "LAISSER UN COMMENTAIRE"]


def test_follow_us_line_found_from_signals(ruleset) -> None:
    line = "Retrouvez toutes nos infos sur Facebook, Instagram et YouTube."
    (f,) = _run(ruleset, {"MT503"}, f"Titre\n\nLe texte de l'article.\n\n{line}\n", "fr")
    assert f.text == line


def test_author_bio_only_at_the_end(ruleset) -> None:
    body = "\n\n".join(f"Paragraphe numéro {i} de l'article, avec du texte." for i in range(10))
    head = f"Titre\n\nPar Jeanne Dupont\nJournaliste au service Politique depuis 2019.\n\n{body}\n"
    assert _run(ruleset, {"MT505"}, head, "fr") == []
    tail = f"Titre\n\n{body}\n\nPar Jeanne Dupont\nJournaliste au service Politique depuis 2019.\n"
    (f,) = _run(ruleset, {"MT505"}, tail, "fr")
    assert f.text == "Journaliste au service Politique depuis 2019."


def test_embed_signature_french_date_and_line_anchor(ruleset) -> None:
    line = "— Ville de Lyon (@VilledeLyon) 1er juin 2024"
    (f,) = _run(ruleset, {"MT541"}, f"Titre\n\nLe message.\n\n{line}\n", "fr")
    assert f.text == line
    # A handle and a date inside a sentence are not a signature.
    assert _run(ruleset, {"MT541"}, "Titre\n\nLa ville (@VilledeLyon) a publié le 1er juin 2024 un avis.\n", "fr") == []


def test_dangling_reference_in_markdown_link_text_is_fine(ruleset) -> None:
    md = "# Titre\n\nLe guide est [disponible en cliquant ici](https://exemple.fr/guide).\n"
    assert _run(ruleset, {"MT550"}, md, "fr", path="a.md") == []
    txt = "Titre\n\nLe guide est disponible en cliquant ici.\n"
    (f,) = _run(ruleset, {"MT550"}, txt, "fr")
    assert f.text == "en cliquant ici"


def test_many_similar_passages_are_not_copies(ruleset) -> None:
    # Passages built on one template share stock shingles but are not copies of each other.
    paras = [
        f"Le paragraphe {i} parle du sujet numéro {i * 7} avec des mots {i} différents {i * 3} et encore {i + 11} autres."
        for i in range(3000)
    ]
    text = "Titre\n\n" + "\n\n".join(paras) + "\n"
    assert _run(ruleset, {"MT130", "MT131", "MT132", "MT530", "MT532", "MT501", "MT503"}, text, "fr") == []
