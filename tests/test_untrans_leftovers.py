"""Short untranslated leftovers, foreign scripts, foreign headings and English name parts (MT123–MT126, MT160)."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from conftest import assert_linear

CODES = ("MT123", "MT124", "MT125", "MT126", "MT160")


@pytest.fixture(scope="module")
def ruleset():  # noqa: ANN201
    """The built-in rules, loaded once."""
    return load_rules([builtin_rules_dir()])


def run(ruleset, text: str, lang: str, codes: tuple[str, ...] = CODES) -> list:  # noqa: ANN001
    """Findings of the given rules on `text`, checked for consistent offsets."""
    rules = [r for r in ruleset.rules if r.code in codes]
    doc = Document(text, "x.txt", lang)
    found = Engine(rules, ruleset.packs).check(doc).findings
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


CLEAN = [
    ("fr", "Le week-end dernier, le groupe a joué son best of au festival ; la playlist était sur Spotify."),
    ("fr", "Ursula von der Leyen et Charles de Gaulle ; Ludwig van Beethoven ; Mohammed bin Salmane."),
    ("fr", "Al Pacino a présenté Heat ; Al-Qaïda a revendiqué l'attaque selon J.R.R. Martin sur Amazon.com."),
    ("fr", "La série Game of Thrones et le film The Lord of the Rings sont diffusés ce soir."),
    ("fr", "Le journal « The New York Times » a publié un article sur le made in France."),
    ("fr", "Le magazine a cité https://www.example.com/dan/yang/untuk et le compte @dan_yang_ini sur X."),
    ("fr", "Le président Prabowo Subianto a reçu Ichiro Suzuki (鈴木一朗) et le groupe BTS (방탄소년단) à Jakarta."),
    ("fr", "Vladimir Poutine (Владимир Путин) a parlé ; le slogan « Слава Україні » était affiché."),
    ("fr", "Nguyễn Phú Trọng a rencontré le Premier ministre à Hanoï ; le pho et le banh mi sont servis."),
    ("es", "Al igual que el año pasado, los precios no dan tregua, dijo el alcalde de Madrid."),
    ("es", "La Central Nuclear de Almaraz sigue en funcionamiento según el ministerio."),
    ("it", "Il cantante Dan Brown ha detto che la canzone uscirà il 6 giugno a Roma."),
    ("de", "Die Bundesregierung hat am Dienstag in Berlin neue Regeln für den Verkehr beschlossen."),
    ("en", "The minister said the plan would deliver results even if the budget was cut."),
    ("pt", "O treinador disse que a equipa jogou bem e que os adeptos estavam felizes."),
    ("fr", "LE PSG PRÊT À RECEVOIR L'OM\nLe match aura lieu dimanche au Parc des Princes."),
    ("fr", "West Ham et South Park ; la North Face ; Central Park à New York."),
    ("fr", "Il a étudié à Harvard University, puis il a rejoint le MIT."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_text_stays_silent(ruleset, lang: str, text: str) -> None:  # noqa: ANN001
    assert run(ruleset, text, lang) == []


def test_indonesian_leftovers_in_english(ruleset) -> None:  # noqa: ANN001
    text = "The band hopes its pendukungnya can berkolaborasi on the songs, ujarnya on Monday."
    found = {f.text for f in run(ruleset, text, "en", ("MT123",))}
    assert {"pendukungnya", "berkolaborasi", "ujarnya"} <= found


def test_conjunction_between_titles(ruleset) -> None:  # noqa: ANN001
    text = "Il disco contiene i brani Blue Night (1978) dan Summer Rain (1979), registrati a Giacarta."
    assert [f.text for f in run(ruleset, text, "it", ("MT123",))] == ["dan"]


def test_lone_shared_word_needs_support(ruleset) -> None:  # noqa: ANN001
    # "para" is frequent in Portuguese and Tagalog but also a French word (un para).
    assert run(ruleset, "Un ancien para a témoigné devant le tribunal militaire de Paris.", "fr", ("MT123",)) == []


def test_vietnamese_letters(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "La délégation a visité thành phố avant de rentrer à Paris.", "fr", ("MT123",))
    assert [f.text for f in found] == ["thành phố"]


def test_foreign_sentence_is_left_to_mt120(ruleset) -> None:  # noqa: ANN001
    text = "Le chancelier a répondu : Wir werden unsere Verpflichtungen gegenüber unseren Partnern einhalten."
    assert run(ruleset, text, "fr", ("MT123",)) == []


def test_japanese_block_across_lines(ruleset) -> None:  # noqa: ANN001
    text = "Le match a eu lieu mardi.\n鈴木選手は\n試合の後\n記者会見に\n応じました。\nLes fans ont fêté la victoire."
    found = run(ruleset, text, "fr", ("MT160",))
    assert len(found) == 1
    assert found[0].text.startswith("鈴木選手は") and found[0].text.endswith("応じました。")


def test_own_script_is_not_foreign(ruleset) -> None:  # noqa: ANN001
    assert run(ruleset, "Президент заявил, что переговоры продолжатся в понедельник в Москве.", "ru", ("MT160",)) == []


def test_caps_heading_and_title_part(ruleset) -> None:  # noqa: ANN001
    text = "Les Samis en Norvège - Sami people of the north\n\nLe club cherche un gardien.\nKEEPER ON THE MOVE\nIl partira en prêt."
    found = [f.text for f in run(ruleset, text, "fr", ("MT124",))]
    assert found == ["Sami people of the north", "KEEPER ON THE MOVE"]


def test_english_place_names(ruleset) -> None:  # noqa: ANN001
    text = "Elle est née à Surabaya, East Java, et vit à Medan, North Sumatra, depuis 2010."
    assert [f.text for f in run(ruleset, text, "fr", ("MT125",))] == ["East Java", "North Sumatra"]
    assert run(ruleset, "Sie wurde in East Java geboren.", "de", ("MT125",)) == []


def test_long_repetitive_input_is_linear(ruleset) -> None:  # noqa: ANN001
    # (A run of tens of thousands of spaces is left out: Document.passages, shared by every
    # sentence-based rule, is itself slow on it.)
    def make(n: int) -> str:
        return ("dan yang " * 4 * n) + "\n" + ("\t" * 5) + "大" * 4 * n + "\n" + "Саамы в " * n

    assert_linear(lambda text: run(ruleset, text, "fr"), make, 1_250)


def test_foreign_title(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Il a été reçu par Gubernur Anies Baswedan et par Kapolri Listyo Sigit.", "fr", ("MT127",))
    assert [f.text for f in found] == ["Gubernur", "Kapolri"]
    # Name styles and words of the article's language are left alone.
    assert run(ruleset, "Haji Agus Salim et Datuk Seri Anwar Ibrahim ; Mas Pedro disse.", "pt", ("MT127",)) == []


def test_wide_language(ruleset) -> None:  # noqa: ANN001
    text = ("Le ministre a parlé mardi.\n\n"
            "Bugün yapılan açıklamada bakan, yeni düzenlemenin gelecek ay yürürlüğe gireceğini söyledi.")
    found = run(ruleset, text, "fr", ("MT161",))
    assert len(found) == 1 and found[0].text.startswith("Bugün")
    # An article in a language outside MT120's seven is judged too.
    text = "Presiden mengatakan bahwa pemerintah akan terus mendukung para petani di seluruh daerah."
    assert run(ruleset, text, "id", ("MT161",)) == []
    assert len(run(ruleset, text, "tr", ("MT161",))) == 1


def test_a_distant_language_sentence_inside_a_french_quotation(ruleset) -> None:  # noqa: ANN001
    text = ("« Terima kasih atas doanya. Nous avons joué pour vous et pour la ville », "
            "a déclaré le capitaine après le match.")
    found = [f.text for f in run(ruleset, text, "fr", ("MT123",))]
    assert found == ["Terima kasih atas doanya"]


@pytest.mark.parametrize(
    "text",
    [
        # The quotation is wholly foreign: a title or a slogan kept on purpose.
        "Le film « Selamat pagi semuanya dan terima kasih » sort mercredi dans toute la France.",
        # A European language in a quotation is the speaker's own flourish.
        "« Nous avons joué pour vous, hasta la vista amigos, et pour la ville », a lancé le capitaine.",
        # A quotation inside the quotation stays protected.
        "« Comme on dit là-bas, “selamat jalan kawan”, et nous le disons aussi à nos amis », a dit le maire.",
    ],
)
def test_quotations_that_stay_protected(ruleset, text: str) -> None:  # noqa: ANN001
    assert [f.text for f in run(ruleset, text, "fr", ("MT123",))] == []
