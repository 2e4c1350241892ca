"""The mojibake kinds' table of continuation images is written out (no codec is loaded when the
module is imported): it must stay what Windows-1252 and Latin-1 give."""

from __future__ import annotations

from checker.kinds._mojibake import CP1252_CONTINUATIONS, damaged_runs
from checker.document import Document


def _image(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # undefined in Windows-1252: Latin-1 gives the C1 control


def test_the_table_is_windows_1252_with_latin_1_for_its_holes() -> None:
    assert CP1252_CONTINUATIONS == "".join(_image(b) for b in range(0x80, 0xC0))


def test_runs_are_still_found_through_the_table() -> None:
    # the first look (``_suspect``) is built from the table: « é » read as Windows-1252 is found
    text = "Le cafÃ© est ouvert, l’Ã©tÃ© aussi."
    runs = damaged_runs(Document(text, "t.txt"))
    assert [(text[start:end], fixed) for start, end, fixed in runs] == [("Ã©", "é"), ("Ã©tÃ©", "été")]
