"""The Document: lines, passages, sentences, tokens, Markdown prose; every span indexes the original text."""

from __future__ import annotations

import pytest

from checker.document import Document


def spans_ok(doc: Document, spans) -> None:
    for s in spans:
        assert doc.text[s.start:s.end] == s.text


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_lines_without_their_breaks(nl: str) -> None:
    doc = Document(f"un{nl}{nl}deux{nl}trois")
    assert [line.text for line in doc.lines] == ["un", "", "deux", "trois"]
    spans_ok(doc, doc.lines)
    assert doc.position(doc.text.index("trois")) == (4, 1)


def test_bom_is_removed() -> None:
    doc = Document("\ufeffTitre\n")
    assert doc.text == "Titre\n" and doc.position(0) == (1, 1)


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_passages_split_at_blank_lines(nl: str) -> None:
    text = f"  Premier paragraphe.{nl}Suite.{nl}{nl} \t{nl}Second paragraphe.{nl}"
    doc = Document(text)
    assert [p.text for p in doc.passages] == [f"Premier paragraphe.{nl}Suite.", "Second paragraphe."]
    spans_ok(doc, doc.passages)
    assert doc.passage_index(doc.text.index("Second")) == 1
    assert doc.passage_index(0) == 0


def test_sentences() -> None:
    doc = Document("M. Dupont est arrivé. Il a dit « Bonjour. » Puis il est parti !\nTitre sans point\n\nFin… Vraiment.")
    assert [s.text for s in doc.sentences] == [
        "M. Dupont est arrivé.", "Il a dit « Bonjour. »", "Puis il est parti !", "Titre sans point", "Fin…", "Vraiment.",
    ]
    spans_ok(doc, doc.sentences)


def test_empty_and_blank_documents() -> None:
    for text in ("", "\n\n", "   \r\n"):
        doc = Document(text)
        assert doc.passages == [] and doc.sentences == [] and doc.tokens == [] and doc.word_count == 0
        assert doc.passage_index(0) is None


def tokens(text: str) -> list[tuple[str, str]]:
    doc = Document(text)
    spans_ok(doc, doc.tokens)
    return [(t.text, t.kind) for t in doc.tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’IA aujourd'hui", [("l’IA", "word"), ("aujourd'hui", "word")]),
        ("porte-parole franco-allemand", [("porte-parole", "word"), ("franco-allemand", "word")]),
        ("Éléonore Ünal ß İstanbul", [("Éléonore", "word"), ("Ünal", "word"), ("ß", "word"), ("İstanbul", "word")]),
        ("e\u0301te\u0301", [("e\u0301te\u0301", "word")]),
        ("1 234,5 et 12.5 et 3\u202f000", [("1", "number"), ("234,5", "number"), ("et", "word"), ("12.5", "number"),
                                           ("et", "word"), ("3\u202f000", "number")]),
        ("Voir https://example.org/a?b=c. Fin", [("Voir", "word"), ("https://example.org/a?b=c", "url"), ("Fin", "word")]),
        ("(www.lemonde.fr/x)", [("www.lemonde.fr/x", "url")]),
        ("pic.twitter.com/AbC123", [("pic.twitter.com/AbC123", "url")]),
        ("par @Le_Monde, #Paris2024", [("par", "word"), ("@Le_Monde", "handle"), ("#Paris2024", "hashtag")]),
        ("écrire à jean.dupont@example.fr", [("écrire", "word"), ("à", "word"), ("jean.dupont@example.fr", "email")]),
        ("مرحبا שלום", [("مرحبا", "word"), ("שלום", "word")]),
        ("😀 chat", [("chat", "word")]),
    ],
)
def test_tokens(text: str, expected: list[tuple[str, str]]) -> None:
    assert tokens(text) == expected


def test_words_are_word_tokens() -> None:
    doc = Document("Le 3 mai, @x a écrit.")
    assert [w.text for w in doc.words] == ["Le", "mai", "a", "écrit"]
    assert doc.word_count == 6
    assert [t.text for t in doc.tokens_in(3, 9)] == ["3", "mai"]


def test_utf16_offsets() -> None:
    doc = Document("a😀b🇫🇷c")
    assert [doc.utf16(i) for i in range(len(doc.text) + 1)] == [0, 1, 3, 4, 6, 8, 9]


MARKDOWN = """---
title: Le le titre
---
# Un titre

Le maire a dit [que le projet](https://example.org/le-le) avance.

```
le le code
```

Fin `le le` ici.
"""


def test_markdown_prose_offsets_point_into_the_original() -> None:
    doc = Document(MARKDOWN, "x.md")
    assert doc.markdown and len(doc.prose) == len(doc.text)
    assert doc.prose.count("\n") == doc.text.count("\n")
    # Front matter, link targets and code are not prose.
    for hidden in ("title:", "https://example.org/le-le", "le le code", "`le le`"):
        i = doc.text.index(hidden)
        assert doc.prose[i:i + len(hidden)].strip() == ""
        assert not doc.is_prose(i, i + len(hidden))
    words = [w.text for w in doc.words]
    assert "maire" in words and "example" not in words and "code" not in words and "title" not in words
    for tok in doc.tokens:
        assert doc.text[tok.start:tok.end] == tok.text and doc.prose[tok.start:tok.end] == tok.text
    spans_ok(doc, doc.passages)
    spans_ok(doc, doc.sentences)
    maire = doc.text.index("maire")
    assert doc.position(maire) == (6, 4)


def test_markdown_flag_follows_the_extension() -> None:
    assert Document("x", "a.md").markdown and Document("x", "a.MARKDOWN").markdown
    assert not Document("x", "a.txt").markdown and not Document("x", "<stdin>").markdown
    assert Document("x", "a.txt", markdown=True).markdown


def test_white_space_runs_split_like_blank_lines() -> None:
    # A long run of spaces, tabs or blank lines separates passages exactly as a short one does.
    for run in (" " * 50_000 + "\n \n", "\t" * 50_000 + "\n\n", " \n" * 30_000):
        doc = Document("Premier bloc." + run + "Second bloc.", "<t>", "fr")
        assert [p.text for p in doc.passages] == ["Premier bloc.", "Second bloc."]
    doc = Document("Fin." + " " * 50_000 + "Suite ici.", "<t>", "fr")
    assert [s.text for s in doc.sentences] == ["Fin.", "Suite ici."]


def test_sentence_split_after_closing_quote_and_abbreviation() -> None:
    doc = Document("Il a dit « non. »  Puis M. Dupont est parti.\nEnsuite.", "<t>", "fr")
    assert [s.text for s in doc.sentences] == ["Il a dit « non. »", "Puis M. Dupont est parti.", "Ensuite."]
