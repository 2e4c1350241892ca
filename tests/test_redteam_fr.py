"""Red-team cases on unseen French material: scraped page furniture, media references, derivations."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.finding import Severity
from checker.rules import builtin_rules_dir, load_rules
from conftest import default_linter

ROOT = Path(__file__).resolve().parent.parent
RULESET = load_rules([builtin_rules_dir()])


def _codes(text: str, *codes: str, path: str = "x.txt") -> list[tuple[str, str]]:
    """(code, text) of the findings of the given rules on a French text."""
    engine = Engine([r for r in RULESET.rules if r.code in codes], RULESET.packs)
    return [(f.code, f.text) for f in engine.check(Document(text, path, "fr")).findings]


def test_related_titles_under_a_related_heading_are_chrome() -> None:
    text = (
        "Titre\n\nLe trafic reprendra vendredi, selon la direction.\n\n"
        "À lire également\nNantes : un nouveau pont sur la Loire ouvrira en 2026\n"
        "Vélo : la ville lance un plan à 80 millions d'euros\n"
    )
    found = [t for _, t in _codes(text, "MT503")]
    assert "Nantes : un nouveau pont sur la Loire ouvrira en 2026" in found
    assert "Vélo : la ville lance un plan à 80 millions d'euros" in found


def test_prose_after_a_related_heading_ends_the_list() -> None:
    text = (
        "Titre\n\nLe trafic reprendra vendredi.\n\nSur le même sujet\n"
        "La direction a promis des navettes de substitution entre la gare et l'université.\n"
    )
    found = [t for _, t in _codes(text, "MT503")]
    assert found == ["Sur le même sujet"]


def test_headlines_without_a_related_heading_are_left_alone() -> None:
    text = "Titre\n\nLe trafic reprendra vendredi.\n\nLes résultats de la soirée\nLens bat Rennes sur le fil\n"
    assert _codes(text, "MT503") == []


def test_author_box_ending_with_a_link_label_far_from_the_end() -> None:
    tail = "\n\n".join(["Tags: a, b", "Réagissez", "Nom", "E-mail", "Publier", "Autre", "Encore"])
    text = (
        "Titre\n\n" + "Le trafic reprendra vendredi.\n\n" * 8 + "Par Jeanne Dupont\n"
        "Journaliste depuis 2017, elle suit les transports et l'urbanisme. Voir tous ses articles\n\n" + tail + "\n"
    )
    assert [c for c, _ in _codes(text, "MT505")] == ["MT505"]


def test_media_reference_before_a_colon_is_dangling_but_a_table_is_not() -> None:
    video = "Regardez la vidéo de l'arrivée ci-dessous :\n\nLes organisateurs ont salué une édition réussie.\n"
    table = "Les chiffres sont dans le tableau ci-dessous :\n\n| Année | Total |\n"
    assert [t for _, t in _codes(video, "MT550")] == ["la vidéo de l'arrivée ci-dessous"]
    assert _codes(table, "MT550") == []


def test_media_reference_followed_by_a_markdown_link_is_not_dangling() -> None:
    text = "Regardez la vidéo ci-dessous : [la course](https://example.org/v)\n"
    assert _codes(text, "MT550", path="x.md") == []


@pytest.mark.parametrize("word", ["débitumées", "débitumé"])
def test_prefix_on_a_common_paradigm_is_a_word(word: str) -> None:
    text = f"Titre\n\nLes cours d'école sont progressivement {word} pour limiter la chaleur en ville.\n"
    assert _codes(text, "MT201") == []


def test_prefix_on_a_rare_paradigm_is_still_reported() -> None:
    text = "Titre\n\nLes prévisionnements de l'entreprise tablent sur une hausse des ventes cette année.\n"
    assert [c for c, _ in _codes(text, "MT201")] == ["MT201"]


def test_english_thousands_with_three_zeros_but_not_measurements() -> None:
    assert [t for _, t in _codes("Plus de 38,000 coureurs ont pris le départ.", "MT302")] == ["38,000"]
    assert _codes("L'échantillon pèse 1,000 kg exactement.", "MT302") == []


def test_markdown_clean_fixture_is_silent() -> None:
    path = ROOT / "fixtures" / "clean" / "fr" / "guide-velo-electrique.md"
    report = default_linter().check_text(path.read_text(encoding="utf-8"), lang="fr", path=str(path))
    loud = [f for f in report.findings if f.severity.rank >= Severity.MINOR.rank]
    assert not loud, loud
