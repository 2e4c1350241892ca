"""French spacing as a convention: regional house styles are silent, an article's minority style is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import parse_config
from checker.document import Document
from checker.engine import Engine
from checker.errors import ConfigError
from checker.finding import Severity
from checker.kinds.spacing_convention import decide
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
CODES = ("MT300", "MT301", "MT304", "MT307")


def _findings(text: str, lang: str = "fr", settings: dict | None = None, minor_only: bool = True):
    rules = [r for r in RULESET.rules if r.code in CODES]
    engine = Engine(rules, RULESET.packs, settings=settings)
    result = engine.check(Document(text, "a.txt", lang))
    assert not result.failures
    found = result.findings
    if minor_only:
        found = [f for f in found if f.severity is not Severity.INFO]
    return [(f.code, f.text) for f in found]


# Swiss agency copy: nothing spaced, consistently.
SWISS = (
    "Publié: il y a 2 heures\nPhoto: Keystone\n\n"
    "L'usage des assistants progresse en Suisse: en 2025, 61% de la population s'en sert. "
    "«C'est un outil devenu banal», constate la chercheuse. Les jeunes (80%) devancent les seniors (38%).\n\n"
    "Faut-il s'en inquiéter? Pas forcément, dit-elle; la prudence reste de mise. La 6e version arrive!"
)
# Québec daily: colon spaced, ; ! ? glued, guillemets glued.
QUEBEC = (
    "La ministre l'a confirmé mardi : une loi sera déposée cet automne. «Il va y avoir des règles claires», "
    "a-t-elle dit. Pourquoi maintenant? «Parce que ça presse», répond son attaché. "
    "Les partis de l'opposition saluent l'annonce; ils réclament toutefois des consultations. Enfin!"
)
# Belgian online daily: ? ! spaced, the colon glued, straight quotes, 100%.
BELGIAN = (
    "Le festival est reporté. Et les éventuels remboursements: on n'en sait encore rien. "
    "Faut-il craindre d'autres annulations ? \"Les concerts, on verra après !\" L'organisateur soutient l'artiste à 100%."
)
# French agency wire: France's typography throughout.
AGENCY = (
    "PARIS (AFP) - Le gouvernement a présenté mercredi son budget : 3,2 % de déficit visé. "
    "« Nous tiendrons nos engagements », a assuré le ministre. Tiendra-t-il ? Les économistes en doutent ; "
    "l'opposition dénonce « un budget de façade ». Le chômage atteint 7,4 %."
)


@pytest.mark.parametrize("text", [SWISS, QUEBEC, BELGIAN, AGENCY], ids=["swiss", "quebec", "belgian", "agency"])
def test_house_styles_are_silent(text: str) -> None:
    assert _findings(text) == []


def test_swiss_and_quebec_are_silent_with_their_region_too() -> None:
    assert _findings(SWISS, "fr-CH", minor_only=False) == []
    assert _findings(QUEBEC, "fr-CA") == []


def test_mixed_article_reports_the_minority() -> None:
    text = (
        "Le ministre a tranché : pas de hausse. Les syndicats ont répondu : grève. Le patronat : rien. "
        "Les élus : divisés. Le président a conclu: « Chacun défend ses usines. » Un « tournant » ? "
        "Une «rupture», plutôt, selon l'opposition, qui parle d'une « crise » et d'un « fiasco »."
    )
    assert _findings(text) == [("MT301", ":"), ("MT304", "«rupture»")]


def test_spaced_minority_in_a_glued_article_is_only_info() -> None:
    text = "Publié: hier. Photo: Keystone. Le constat: l'usage progresse. La suite : une nouvelle étude."
    assert _findings(text) == []
    assert _findings(text, minor_only=False) == [("MT301", " :")]


def test_percent_minority() -> None:
    text = "La part passe de 4,7 % à 5,1 % en un an, puis à 3,7 % ; les autres en déclarent 10%."
    assert _findings(text) == [("MT307", "10%")]


def test_lone_glued_mark_follows_the_region_or_the_other_marks() -> None:
    lone = "Le ministre a conclu: il faudra attendre."
    assert _findings(lone) == []
    assert _findings(lone, "fr-FR") == [("MT301", ":")]
    assert _findings(lone, "fr-CH") == []
    assert _findings(lone, settings={"french_spacing": "france"}) == [("MT301", ":")]
    # The other marks of the article follow France's spacing: the lone glued colon is a slip.
    spaced_elsewhere = "« Nous tiendrons », dit-il. Tiendra-t-il ? " + lone + " Et après ?"
    assert _findings(spaced_elsewhere) == [("MT301", ":")]
    assert _findings(spaced_elsewhere, "fr-CH") == []


def test_setting_none_turns_everything_off() -> None:
    text = "Le ministre a tranché : pas de hausse. Les syndicats ont répondu : grève. Il a conclu: fin."
    assert _findings(text) == [("MT301", ":")]
    assert _findings(text, settings={"french_spacing": "none"}, minor_only=False) == []


def test_quotations_and_technical_colons_are_not_counted() -> None:
    text = (
        "Le slogan “Note: this is final” a choqué : il a été retiré. Rendez-vous à 14:30 ; score 3:1 ; "
        "voir https://exemple.fr/a. Yahoo! a répondu ; Google aussi."
    )
    assert _findings(text, minor_only=False) == []


def test_other_scripts_are_not_counted() -> None:
    assert _findings("Le titre original : 気持ちは? Et la suite ? Rien.") == []


def test_decide_rules() -> None:
    assert decide(9, 1, None, (0, 0)) == "glued"
    assert decide(1, 9, None, (0, 0)) == "spaced"
    assert decide(1, 1, None, (0, 0)) == "glued"
    assert decide(1, 1, None, (0, 4)) == "spaced"  # a Swiss article with one stray spaced mark
    assert decide(1, 1, None, (4, 0)) == "glued"
    assert decide(1, 1, "glued", (0, 0)) == "spaced"
    assert decide(1, 1, "either", (0, 0)) is None
    assert decide(0, 2, "spaced", (0, 0)) is None  # the document's own convention wins
    assert decide(0, 1, None, (3, 1)) == "glued"
    assert decide(0, 1, None, (2, 0)) is None


def test_config_key(tmp_path: Path) -> None:
    cfg = parse_config({"french-spacing": "swiss"}, tmp_path / ".mtlint.toml")
    assert cfg.settings == {"french_spacing": "swiss"}
    with pytest.raises(ConfigError):
        parse_config({"french-spacing": "german"}, tmp_path / ".mtlint.toml")


def test_long_runs_stay_linear() -> None:
    text = ("mot" + " " * 5000 + ":") * 20 + "«" * 5000 + "a" * 10000 + "%" * 3000
    _findings(text, minor_only=False)


def _cli(*args: str) -> tuple[int, str]:
    import io

    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--no-color", "--select", ",".join(CODES), *args], out, err)
    return code, out.getvalue() + err.getvalue()


def test_cli_region_and_configuration(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Le ministre a conclu: il faudra attendre. « Nous verrons », dit-il. Et après ? Rien !\n", encoding="utf-8")
    assert "MT301" in _cli("--lang", "fr", str(article))[1]
    assert _cli("--lang", "fr-CH", str(article))[0] == 0
    (tmp_path / ".mtlint.toml").write_text('french-spacing = "swiss"\n', encoding="utf-8")
    assert _cli("--lang", "fr", str(article))[0] == 0
    (tmp_path / ".mtlint.toml").write_text('french-spacing = "loud"\n', encoding="utf-8")
    code, out = _cli("--lang", "fr", str(article))
    assert code == 2 and "french-spacing" in out


def test_labels_are_never_reported() -> None:
    text = "« Nous tiendrons », dit-il. Tiendra-t-il ? Et après ?\nPhoto: AFP\nCrédits: Jean Dupont"
    assert _findings(text) == []
    # The same lone glued colon in a sentence is reported.
    assert _findings(text.replace("Photo: AFP\nCrédits: Jean Dupont", "Il a conclu: rien.")) == [("MT301", ":")]
