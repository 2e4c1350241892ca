"""Tests for the Markdown prose mask (checker/markdown.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import assert_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import markdown
from checker.markdown import mask, non_prose_spans

ARTICLE = """\
---
title: "Inondations dans le Gard"
date: 2024-10-18
tags: [météo, gard]
---

# Inondations : le Gard en *vigilance rouge*

Le préfet a annoncé **vendredi** l'ouverture d'un centre d'accueil. Les consignes \
sont disponibles [à cette adresse](https://www.gard.gouv.fr/alerte "Préfecture du Gard").

> « Nous n'avons jamais vu cela », a confié une habitante
> d'Alès.

![Une rue inondée à Alès](https://exemple.fr/photos/ales.jpg "Photo AFP")

Pour suivre les relevés, le service publie un fichier `niveaux.csv` chaque heure :

```bash
curl -s https://exemple.fr/niveaux.csv | head
```

Les secours restent mobilisés.
"""

ARTICLE_WORDS = (
    "Inondations : le Gard en vigilance rouge "
    "Le préfet a annoncé vendredi l'ouverture d'un centre d'accueil. Les consignes "
    "sont disponibles à cette adresse . "
    "« Nous n'avons jamais vu cela », a confié une habitante d'Alès. "
    "Une rue inondée à Alès "
    "Pour suivre les relevés, le service publie un fichier chaque heure : "
    "Les secours restent mobilisés."
).split()

# (name, Markdown with \n line ends, the words that must survive the mask)
CASES: list[tuple[str, str, list[str]]] = [
    ("french-article", ARTICLE, ARTICLE_WORDS),
    ("plain-prose", "Un texte sans balise.\nDeuxième ligne.", "Un texte sans balise. Deuxième ligne.".split()),
    (
        "table",
        "| Ville | Pluie \\| mm |\n|:------|-----:|\n| Alès | 300 |\n| Nîmes | `n/a` |\n",
        ["Ville", "Pluie", "|", "mm", "Alès", "300", "Nîmes"],
    ),
    ("table-in-quote", "> | a | b |\n> |---|---|\n> | c | d |\n", ["a", "b", "c", "d"]),
    ("html-comment-block", "Avant.\n\n<!-- note de la rédaction\nsur deux lignes -->\n\nAprès.", ["Avant.", "Après."]),
    ("html-comment-inline", "Texte <!-- note\nsur deux lignes --> suite.", ["Texte", "suite."]),
    ("html-block", '<div class="encart">\nÀ lire aussi\n</div>\n\nTexte', ["Texte"]),
    ("html-inline", "Un <em>mot</em> ici<br>", ["Un", "mot", "ici"]),
    ("reference-link", '[texte][ref] suit.\n\n[ref]: https://x.example "Titre"\n', ["texte", "suit."]),
    ("shortcut-link", "[texte]\n\n[texte]: /url\n", ["texte"]),
    ("autolinks", "Écrire à <redaction@exemple.fr> ou <https://exemple.fr>.", ["Écrire", "à", "ou", "."]),
    ("bare-url-is-prose", "Voir pic.twitter.com/abc et https://t.co/x", ["Voir", "pic.twitter.com/abc", "et", "https://t.co/x"]),
    ("code-span-long-run", "Tapez ``a ` b`` puis ```c``` fin", ["Tapez", "puis", "fin"]),
    ("unmatched-backtick", "un ` seul", ["un", "`", "seul"]),
    (
        "emphasis",
        "***gras italique*** et _souligné_ mais snake_case_name et 2 * 3",
        ["gras", "italique", "et", "souligné", "mais", "snake_case_name", "et", "2", "*", "3"],
    ),
    ("strikethrough", "~~barré~~ reste", ["barré", "reste"]),
    ("nested-brackets", "[lien [imbriqué]](https://x.example/(a)) fin", ["lien", "[imbriqué]", "fin"]),
    ("image-in-link", "[![logo du *site*](l.png)](https://x.example) fin", ["logo", "du", "site", "fin"]),
    ("link-title-multiline", '[mot](/u\n"titre\nlong") après', ["mot", "après"]),
    ("escapes", "\\# pas un titre \\* ni \\a", ["#", "pas", "un", "titre", "*", "ni", "\\a"]),
    ("hard-break-backslash", "fin\\\nligne", ["fin", "ligne"]),
    ("atx-heading-closing", "## Titre ##\n\n#5 n'est pas un titre", ["Titre", "#5", "n'est", "pas", "un", "titre"]),
    ("setext-heading", "Sous-titre\n----------\n\nGrand titre\n===", ["Sous-titre", "Grand", "titre"]),
    ("lists", "1. un\n2. deux\n   - trois\n\n* quatre", ["un", "deux", "trois", "quatre"]),
    ("nested-quote", "> a\n> > b\nc paresseuse", ["a", "b", "c", "paresseuse"]),
    ("indented-code", "Texte\n\n    code indenté\n\nFin", ["Texte", "Fin"]),
    ("unclosed-fence", "Avant\n\n```\ncode sans fin\n", ["Avant"]),
    ("tilde-fence", "~~~\ncode\n~~~\nSuite", ["Suite"]),
    ("toml-front-matter", '+++\ntitle = "x"\n+++\nCorps', ["Corps"]),
    ("thematic-break-not-front-matter", "---\n\nTexte libre\n\n***\n\nSuite", ["Texte", "libre", "Suite"]),
    ("unclosed-front-matter", "---\ntitle: x\nSuite", ["title:", "x", "Suite"]),
    ("entities", "10&nbsp;000 &amp; plus &bogus;", ["10", "000", "plus", "&bogus;"]),
    ("emoji", "Bravo 🎉 *bis* 😀", ["Bravo", "🎉", "bis", "😀"]),
    ("tabs", "-\tpoint\n\n\tsuite du point\n\n\t\tcode\n\n  >\tcité", ["point", "suite", "du", "point", "cité"]),
]

LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def assert_well_formed(text: str) -> list[tuple[int, int]]:
    """Check the invariants of the spans and of the mask for `text`; return the spans."""
    spans = non_prose_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert "\r" not in text[start:end] and "\n" not in text[start:end]
        previous_end = end
    masked = mask(text, spans)
    assert len(masked) == len(text)
    for original, kept in zip(text, masked):
        assert kept == original or (kept == " " and original not in "\r\n")
    return spans


@pytest.mark.parametrize("ending", LINE_ENDS.values(), ids=LINE_ENDS.keys())
@pytest.mark.parametrize(("name", "source", "words"), CASES, ids=[case[0] for case in CASES])
def test_prose_survives(name: str, source: str, words: list[str], ending: str) -> None:
    text = source.replace("\n", ending)
    assert_well_formed(text)
    assert mask(text).split() == words
    # The same characters are kept whatever the line ends.
    assert mask(text).replace(ending, "\n") == mask(source)


def test_offsets_point_into_original() -> None:
    text = ARTICLE.replace("\n", "\r\n")
    masked = mask(text)
    start = masked.index("à cette adresse")
    assert text[start : start + len("à cette adresse")] == "à cette adresse"
    assert "gard.gouv.fr" not in masked
    assert "Préfecture" not in masked and "Photo AFP" not in masked
    assert "niveaux.csv" not in masked and "curl" not in masked


def test_bom_free_text_with_nul_keeps_length() -> None:
    text = "Un\0mot *ici*\r\n\r\n`co\0de`"
    assert_well_formed(text)
    assert mask(text).split() == ["Un\0mot", "ici"]


def test_mask_accepts_unsorted_overlapping_spans() -> None:
    text = "abcdef\nghij"
    assert mask(text, [(5, 9), (1, 3), (2, 4), (20, 30)]) == "a   e \n  ij"


def test_empty_and_blank_inputs() -> None:
    for text in ("", "\n", "\r\n\r", "   ", "---", "<!-- -->"):
        assert_well_formed(text)
        assert mask(text).split() == []


def test_import_does_not_load_markdown_it() -> None:
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root))
    code = "import sys, checker.markdown; print('markdown_it' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


FRAGMENTS = [
    "```", "~~~", "    ", "\t", "> ", "- ", "* ", "1. ", "# ", "## ", "---", "+++", "===", "[", "]", "(", ")",
    "![", "<", ">", "<!--", "-->", "`", "``", "*", "**", "_", "~~", "\\", "|", "|---|", ":--", "&amp;", "&#",
    "&#x1F600;", "http://x.y", "<https://a.b>", "<a href='x'>", "</a>", "<div>", "[id]: /u 'T'", '"t"',
    "😀", "é", "à", "\0", "\u2028", "\x0b", "\xa0", "\u3000", " ", "mot", "Texte", "title: x", "1)",
]
LINE_BREAKS = st.sampled_from(["\n", "\r\n", "\r"])
markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), LINE_BREAKS, st.text(max_size=6)), max_size=60
).map("".join)


@settings(max_examples=400, deadline=None)
@given(markdownish)
def test_fuzz_never_raises_and_keeps_shape(text: str) -> None:
    markdown._prose_flags(text)  # the unguarded core must not raise either
    assert_well_formed(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.just("\n"), st.text(max_size=6)), max_size=60).map("".join))
def test_fuzz_line_ends_do_not_change_prose(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = mask(lf)
    for ending in ("\r\n", "\r"):
        assert mask(lf.replace("\n", ending)).replace(ending, "\n") == expected


HOSTILE_TABLES = {
    # Each cell's mapping used to split the whole row again: cells × row length.
    "wide-row": lambda n: "| a " * n + "|\n" + "|---" * n + "|\n" + "| mot " * n + "|\n",
    # A cell's leading blanks were trimmed one list copy at a time.
    "blank-cell": lambda n: "| a | b |\n|---|---|\n| " + " " * (4 * n) + "x | y |\n",
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_TABLES))
def test_table_mapping_is_linear(shape: str) -> None:
    make = HOSTILE_TABLES[shape]
    text = make(3)
    expected = ["a", "b", "x", "y"] if shape == "blank-cell" else ["a"] * 3 + ["mot"] * 3
    assert mask(text).split() == expected
    assert_linear(non_prose_spans, make, 2_000)
