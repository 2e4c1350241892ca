"""Kind ``acronym-lookalike``: a look-alike spelling of an acronym, such as ``Al`` (A + lowercase L) for ``AI``.

OCR and some MT pipelines turn the acronym for artificial intelligence into the
first name ``Al``. The kind tells the two apart from the context:

- a name: ``Al`` followed by a capitalised word or by a hyphen and a capital
  (``Al Pacino``, ``Al Gore``, ``Al-Qaïda``), or glued to digits (``Al2O3``);
- an acronym: after an elided article (``l’Al``, ``d’Al``), between a determiner
  and a lowercase word (``an Al system``: no first name takes ``an`` or ``the``
  before a common noun), before punctuation,
  before a hyphen and a lowercase word (``Al-powered``; not before a word that neither
  English nor the article's language knows, a transliteration: « Al-hamdu »), or followed by a
  lowercase word when the article otherwise speaks of AI (the pack's
  ``ai_acronym`` between parentheses or as a word, or one of its ``ai_phrases``).

params:
- ``lookalike``: the spelling to look for (default ``Al``).
- ``acronym_setting``: the pack setting naming the correct acronym (default ``ai_acronym``).
- ``phrases_setting``: the pack setting listing the spelled-out phrases (default ``ai_phrases``).
- ``elisions``: elided words after which the look-alike is an acronym (``l``, ``d``, ``qu``…).
- ``determiners``: words after which the look-alike, followed by a lowercase word, is an acronym.
- ``context_free``: report structurally certain cases even when the article never speaks of AI.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param

NAME = "acronym-lookalike"
PARAMS = {
    "lookalike": param(str, default="Al", doc="the look-alike spelling"),
    "acronym_setting": param(str, default="ai_acronym", doc="pack setting with the right acronym"),
    "phrases_setting": param(str, default="ai_phrases", doc="pack setting with the spelled-out phrases"),
    "elisions": param(list, default=["l", "d", "qu", "j", "n", "s", "c", "jusqu", "lorsqu", "puisqu"],
                      doc="elided words (without apostrophe) after which it is an acronym"),
    "determiners": param(list, default=[], doc="words after which, before a lowercase word, it is an acronym"),
    "context_free": param(bool, default=True, doc="report certain cases without AI context"),
}


def build(rule: Rule):  # noqa: ANN201
    """Compile the look-alike's expression once."""
    p = rule.params
    look = regex.escape(p["lookalike"])
    finder = regex.compile(rf"(?<![\p{{L}}\p{{N}}_]){look}(?![\p{{L}}\p{{N}}_])")
    elided = regex.compile(
        r"(?:^|(?<![\p{L}]))(?:" + "|".join(regex.escape(e) for e in p["elisions"]) + r")['’]$",
        regex.IGNORECASE,
    )
    determiner = None
    if p["determiners"]:
        determiner = regex.compile(
            r"(?:^|(?<![\p{L}\p{N}]))(?:" + "|".join(regex.escape(str(d)) for d in p["determiners"])
            + r")[ \u00a0]+$",
            regex.IGNORECASE,
        )
    acronym_key, phrases_key = p["acronym_setting"], p["phrases_setting"]
    context_free = p["context_free"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        acronym = ctx.setting(acronym_key, "AI")
        text = doc.prose
        if p["lookalike"] not in text:
            return
        ai_context = _speaks_of_ai(text, acronym, ctx.setting(phrases_key, []) or [])
        from checker import lexicon

        # A function word of the language (zipf 6+: Spanish, Italian, Catalan "al"), not merely
        # a frequent token (Arabic names give "al" a zipf near 5 in French, English, German).
        is_word = lexicon.zipf(p["lookalike"].lower(), ctx.primary) >= 6.0
        # A person called Al introduced by full name makes a bare ``Al`` less certain.
        has_person = bool(regex.search(rf"(?<![\p{{L}}\p{{N}}_]){look}[ \u00a0]\p{{Lu}}\p{{Ll}}", text))
        for m in finder.finditer(text):
            start, end = m.span()
            after = text[end:end + 40]
            before = text[max(0, start - 12):start]
            verdict = _classify(before, after, elided)
            if verdict == "ambiguous" and determiner is not None and determiner.search(before) \
                    and regex.match(r"[ \u00a0]+\p{Ll}", after):
                verdict = "acronym"
            if verdict == "acronym" and _transliterated(after, ctx.primary):
                continue  # « Al-hamdu lillah »: the Arabic article before a transliterated word
            if verdict == "name":
                continue
            if verdict == "acronym":
                if not (ai_context or context_free):
                    continue
                conf = 0.95 if ai_context else 0.75
            else:  # ambiguous: a lowercase word follows
                if not ai_context or is_word:
                    # Where the look-alike is itself a common word of the language (Spanish and
                    # Italian ``al``: "Al igual que", "Al termine"), a lowercase word after it is
                    # ordinary syntax, not the acronym.
                    continue
                # Journalism names a person in full first ("Al Gore") and by surname after,
                # so a bare "Al" stays likelier the acronym; only the confidence drops.
                conf = 0.7 if has_person else 0.85
            sev = None if conf >= 0.8 else Severity.MINOR
            yield Hit(start, end, (acronym,), confidence=conf, args={"acronym": acronym}, severity=sev)

    return check


def _speaks_of_ai(text: str, acronym: str, phrases: list[str]) -> bool:
    """True when the text uses the real acronym as a word or spells the phrase out."""
    if regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(acronym)}(?![\p{{L}}\p{{N}}])", text):
        return True
    low = text.casefold()
    return any(ph.casefold() in low for ph in phrases)


def _transliterated(after: str, lang: str) -> bool:
    """A hyphen and a lowercase word that neither English nor the article's language knows well:
    the Arabic article before a transliterated word (« Al-hamdu », « Al-ula »), where a compound
    of the acronym takes a common word (Al-powered, Al-generated, Al-driven)."""
    m = regex.match(r"[-‐](\p{Ll}[\p{L}\p{M}]*)", after)
    if m is None:
        return False
    from checker import lexicon

    word = m.group(1)
    return max(lexicon.zipf(word, "en"), lexicon.zipf(word, lang)) < 3.0


def _classify(before: str, after: str, elided: regex.Pattern[str]) -> str:
    """'name', 'acronym' or 'ambiguous' from the characters around the look-alike."""
    if regex.match(r"[-‐][ \u00a0]?\p{Lu}", after):
        return "name"  # Al-Qaïda, Al-Assad
    if regex.match(r"[ \u00a0]+\p{Lu}", after):
        # Al Pacino, Al Jazeera; but a capital after a sentence break is not a surname.
        return "name"
    if elided.search(before):
        return "acronym"
    if regex.match(r"[-‐]\p{Ll}", after):
        return "acronym"  # Al-powered, Al-generated
    if regex.match(r"[ \u00a0]*(?:[.,;:!?)»”]|$)", after):
        # ``(Al)`` or ``modèles Al.``; a name would rarely end a clause bare, but the
        # sentence may start with it ("Al, who…"), so this needs the article's AI context.
        return "acronym" if before.rstrip()[-1:].isalpha() and before.rstrip()[-1:].islower() else "ambiguous"
    return "ambiguous"
