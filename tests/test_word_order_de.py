"""German word order after machine translation from subject–verb–object and verb-final sources
(MT292 verb-second-subordinate, MT293 verb-final-main-clause): the engine's order is found, and
clean German news prose with the same words in the right order stays silent."""

from __future__ import annotations

import pytest

from conftest import check_rules


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules({"MT292", "MT293"}, text, "de")]


BAD = [
    ("Das Spiel fiel aus, weil der Platz war nach dem Regen unbespielbar.", "MT292", "weil der Platz war"),
    ("Die Polizei glaubt, dass der Täter hat das Auto gestohlen.", "MT292", "dass der Täter hat"),
    ("Er gab zu, dass er konnte die Fragen nicht beantworten.", "MT292", "dass er konnte"),
    ("Nachdem die Sängerin hatte ihr Album veröffentlicht, ging sie auf Tournee.", "MT292", "Nachdem die Sängerin hatte"),
    ("Die Fans fragen sich, ob Kim Soo-ah wird beim Festival auftreten.", "MT292", "ob Kim Soo-ah wird"),
    ("Der neue Trainer am Montag vorgestellt wurde.", "MT293", "Der neue Trainer am Montag vorgestellt wurde"),
    ("Die Brücke nach dem Sturm gesperrt ist. Autofahrer müssen Umwege fahren.", "MT293", "Die Brücke nach dem Sturm gesperrt ist"),
    ("Das Konzert in Seoul wegen des Taifuns abgesagt wurde, teilte der Veranstalter mit.", "MT293", "Das Konzert in Seoul wegen des Taifuns abgesagt wurde"),
]

CLEAN = [
    "Das Spiel fiel aus, weil der Platz nach dem Regen unbespielbar war.",
    "Die Polizei glaubt, dass der Täter das Auto gestohlen hat.",
    "Er gab zu, dass er die Fragen nicht beantworten konnte.",
    "Sie sagte, dass sie das Lied hat schreiben müssen, bevor die Tournee begann.",
    "Ob er bleibt, weiß niemand. Wenn Bayern gewinnt, ist die Meisterschaft entschieden.",
    "Die Fans jubelten, denn die Mannschaft hat das Derby gewonnen.",
    "Es ist unklar, ob die Regierung Recht hat.",
    "Der Minister betonte, dass die Lage ernst ist, und dass niemand Schuld hat.",
    "Der neue Trainer wurde am Montag vorgestellt. Die Brücke ist nach dem Sturm gesperrt.",
    "Das Konzert in Seoul wurde wegen des Taifuns abgesagt, teilte der Veranstalter mit.",
    "Die geplante Reform sollte im Juni vorgestellt werden. Das Stadion kann im Winter nicht genutzt werden.",
    "Die Frage ist, ob das Konzert verschoben wird. Der Mann, der geschossen hat, ist geflohen.",
    "Die Ermittler gehen davon aus, dass der Brand gelegt wurde.",
    "Die Sängerin will im Herbst wieder auftreten. Der Verein musste den Vertrag kündigen.",
    "Die Zahl der Verletzten ist gestiegen. Das Ergebnis der Wahl wird am Abend erwartet.",
    "Ein Sprecher sagte, man habe alles getan, was möglich war.",
    "„Ich weiß nicht, ob wir das schaffen“, sagte die Kapitänin nach dem Spiel.",
    "Die Mannschaft hat gewonnen, weil sie besser war.",
]


@pytest.mark.parametrize(("text", "code", "span"), BAD)
def test_engine_order_is_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_german_is_silent(text: str) -> None:
    assert _found(text) == []


def test_offsets_hold() -> None:
    text = " ".join(t for t, _, _ in BAD)
    for f in check_rules({"MT292", "MT293"}, text, "de"):
        assert text[f.start : f.end] == f.text


def test_relative_clause_without_its_comma_is_not_read_as_a_main_clause() -> None:
    assert _found("Die Polizei sucht den Mann der geschossen hat.") == []




@pytest.mark.parametrize(("text", "span"), [
    ("Vielleicht wird sie kann im Herbst wieder singen.", "wird sie kann"),
    ("Ohne Regen hätten wir konnten das Spiel beenden.", "hätten wir konnten"),
    ("Sie sagte, dann muss man musste warten.", "muss man musste"),
])
def test_double_finite_verb(text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT685", text, "de")] == [span]


@pytest.mark.parametrize("text", [
    "Wenn ich konnte, half ich. Was sie hat, ist Talent.",
    "Hat er es gewusst? Ist sie gekommen? Wird es regnen?",
    "Ich weiß, dass er kann, was er will, und dass sie darf, was sie möchte.",
    "Er hätte es gekonnt. Sie würde kommen, wenn sie könnte.",
])
def test_double_finite_clean(text: str) -> None:
    assert [f.text for f in check_rules("MT685", text, "de")] == []
