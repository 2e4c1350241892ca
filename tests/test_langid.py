"""Tests for checker.langid: detection, the conservative is_foreign, lazy loading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker import langid  # noqa: E402

SENTENCES = {
    "en": "The city council finally approved the budget after a long and bitter debate.",
    "fr": "Le conseil municipal a finalement adopté le budget après un long débat houleux.",
    "es": "El ayuntamiento aprobó por fin el presupuesto tras un largo debate muy tenso.",
    "de": "Der Stadtrat hat den Haushalt nach einer langen und hitzigen Debatte endlich beschlossen.",
    "it": "Il consiglio comunale ha finalmente approvato il bilancio dopo un lungo dibattito.",
    "pt": "A câmara municipal aprovou finalmente o orçamento depois de um longo debate.",
    "nl": "De gemeenteraad heeft de begroting eindelijk goedgekeurd na een lang debat.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detect_names_the_language(lang: str) -> None:
    code, p = langid.detect(SENTENCES[lang])
    assert code == lang
    assert 0.5 < p <= 1.0


def test_ranked_is_a_distribution_over_the_candidates() -> None:
    ranking = langid.ranked(SENTENCES["fr"], candidates=["en", "fr", "de"])
    assert [lang for lang, _ in ranking][0] == "fr"
    assert sorted(lang for lang, _ in ranking) == ["de", "en", "fr"]
    assert sum(p for _, p in ranking) == pytest.approx(1.0)
    probs = [p for _, p in ranking]
    assert probs == sorted(probs, reverse=True)


def test_candidates_restrict_the_answer() -> None:
    code, _ = langid.detect(SENTENCES["es"], candidates=["fr", "en"])
    assert code in {"fr", "en"}


def test_unknown_candidate_is_rejected() -> None:
    with pytest.raises(ValueError):
        langid.ranked("Bonjour à tous.", candidates=["xx"])


def test_empty_text_gives_a_uniform_answer() -> None:
    ranking = langid.ranked("", candidates=["fr", "en"])
    assert [p for _, p in ranking] == pytest.approx([0.5, 0.5])


def test_french_with_loanwords_brands_and_names_is_not_foreign() -> None:
    text = "Le week-end dernier, Al Pacino a publié une story sur Instagram depuis son iPhone."
    assert langid.is_foreign(text, "fr") is None


@pytest.mark.parametrize("text", [
    "La rédaction de Vanity Fair a classé The Social Network parmi les meilleurs films de Netflix.",
    "Selon le Wall Street Journal, Microsoft et Google négocient un partenariat dans le cloud.",
    "Elle a regardé « The Lord of the Rings » trois fois pendant le confinement.",
    "Le rappeur a partagé sa playlist sur Spotify : https://open.spotify.com/playlist/abc @label #newmusic",
])
def test_french_with_titles_quotes_and_links_is_not_foreign(text: str) -> None:
    assert langid.is_foreign(text, "fr") is None


@pytest.mark.parametrize("text", ["Thank you so much!", "Breaking news", "Game over.", "New York Times"])
def test_short_fragments_are_never_foreign(text: str) -> None:
    assert langid.is_foreign(text, "fr") is None


def test_english_sentence_in_a_french_document_is_foreign() -> None:
    text = "I can't believe how much this place has changed since we moved here last year."
    result = langid.is_foreign(text, "fr")
    assert result is not None
    lang, p = result
    assert lang == "en"
    assert p >= langid.DEFAULT_THRESHOLD


def test_spanish_sentence_in_a_french_document_is_foreign() -> None:
    result = langid.is_foreign(SENTENCES["es"], "fr")
    assert result is not None and result[0] == "es"


def test_sentence_in_the_document_language_is_not_foreign() -> None:
    assert langid.is_foreign(SENTENCES["en"], "en") is None
    assert langid.is_foreign(SENTENCES["fr"], "fr") is None


def test_names_and_links_do_not_count_as_words() -> None:
    words = langid.content_words(
        "Hier, Barack Obama a écrit à @nytimes via https://example.com/x #politique « Yes we can ».")
    assert words == ["hier", "a", "écrit", "à", "via"]


def test_english_sentence_whose_words_are_mostly_names_is_not_counted() -> None:
    # Three counted words ("and were in"): too little evidence, whatever the language.
    text = "Taylor Swift and Travis Kelce were in Paris."
    assert langid.content_words(text) == ["and", "were", "in"]
    assert langid.is_foreign(text, "fr") is None


def test_unsupported_document_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        langid.is_foreign(SENTENCES["en"], "xx")


def test_import_does_not_load_the_backends() -> None:
    code = (
        "import sys, json; sys.path.insert(0, %r); import checker.langid; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'py3langid', 'wordfreq', 'numpy', 'lingua'})))" % str(ROOT)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_first_call_loads_the_backends() -> None:
    # The counterpart of the test above, so that it cannot pass vacuously.
    code = (
        "import sys, json; sys.path.insert(0, %r); import checker.langid as l; "
        "l.detect('Bonjour tout le monde'); "
        "print(json.dumps([l._ngram_model.cache_info().currsize, l._word_lists.cache_info().currsize]))"
        % str(ROOT)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The word lists are read from wordfreq's data files without importing wordfreq itself, and
    # py3langid's model is read from the cache without importing py3langid once it is stored
    # there (``langid.PlainIdentifier``; tests/test_speed_mem_langid.py).
    assert json.loads(out.stdout) == [1, 1]


def test_word_vote_uses_only_the_word_lists() -> None:
    """word_vote ranks languages by their word lists alone, without the n-gram model."""
    import subprocess
    import sys

    code = (
        "import sys; from checker.langid import word_vote; "
        "r = word_vote('Le gouvernement a présenté mardi son projet de budget pour l’année prochaine.'); "
        "print(r[0][0], round(sum(p for _, p in r), 3), 'py3langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lang, total, loaded = out.stdout.split()
    assert lang == "fr"
    assert float(total) == 1.0
    assert loaded == "False"


def _content_words_reference(text: str) -> list[str]:
    """content_words as it was written before its fast paths (one test per word, in order)."""
    cleaned = langid._strip_non_words(text)
    matches = list(langid._WORD.finditer(cleaned))
    words: list[str] = []
    for i, m in enumerate(matches):
        w = m.group()
        rest = w[1:]
        if not rest.islower() and any(ch.isupper() for ch in rest):
            continue
        if w[0].isupper():
            between = cleaned[matches[i - 1].end():m.start()] if i else cleaned[:m.start()]
            at_start = i == 0 or bool(langid._SENTENCE_BREAK.search(between))
            nxt = matches[i + 1].group() if i + 1 < len(matches) else ""
            if not at_start or (nxt[:1].isupper() and cleaned[m.end():matches[i + 1].start()].strip() == ""):
                continue
        words.append(w.lower())
    return words


def test_content_words_fast_paths_match_the_word_by_word_tests() -> None:
    """The fast paths of content_words (a lowercase rest of the text; runs of lowercase words)
    give what the word-by-word tests gave: capitals, title-case and uncased letters, sentence
    breaks, names, quotes and links, random mixes."""
    import random

    texts = [
        "", "123 456", "Le chat dort.", "le chat dort", "Al Pacino a dit que le film était bon.",
        "Il a vu Marie. Elle est partie", "L’iPhone de Jean-Pierre est tombé : Quelle chance !",
        "ǅemal ǆ est là", "Ǆ ǅ ǆ", "中文 texte", "texte 中文 Mot", "ϒ upsilon et 𝐀 gras", "ᾈ grec",
        "« The Dark Side » est un album", "voir https://example.com/Page et @Handle #Tag",
        "Die Katze — Der Hund", "a - B c", "ÉCOLE de Paris", "x", "X", "Xy Zw", "xY", "İstanbul est loin",
    ]
    rng = random.Random(7)
    alphabet = list("aAbBéÉ ’'-.:;!?–—«»\"#@/1_ ǅ中ΣσİıßẞDEF ϒᾈ𝐀ﬀ") + [" "] * 4
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    for text in texts:
        assert langid.content_words(text) == _content_words_reference(text), text
