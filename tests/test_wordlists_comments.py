"""Comments in the lists and tables beside rule files: a ``#`` opening the line, or after a space
and before a space or the line's end, starts one; a ``#`` inside a pattern does not."""

from __future__ import annotations

from pathlib import Path

from checker.wordlists import read_list, read_table


def test_a_hash_inside_a_pattern_is_kept(tmp_path: Path) -> None:
    table = tmp_path / "labels.tsv"
    table.write_text(
        "# a comment line\n"
        "en\tFondo\tContexto\tleft=\\n|\\A|\\n#{1,6}\tright=\\n|\\Z\tdoc=álbum\n"
        "zh\tgazole 95 ?#\tsans-plomb 95  # a note after two spaces\n"
        "en\tC#\tC dièse\n",
        encoding="utf-8",
    )
    rows = read_table(table)
    assert rows[0] == ("en", "Fondo", "Contexto", "left=\\n|\\A|\\n#{1,6}", "right=\\n|\\Z", "doc=álbum")
    assert rows[1] == ("zh", "gazole 95 ?#", "sans-plomb 95")
    assert rows[2] == ("en", "C#", "C dièse")


def test_list_comments(tmp_path: Path) -> None:
    listing = tmp_path / "names.txt"
    listing.write_text("# heading\nJohor Darul Takzim  # the earlier spelling\n#hashtag\n\\#hashtag\nC# \nword #\n",
                       encoding="utf-8")
    assert read_list(listing) == ("Johor Darul Takzim", "#hashtag", "C#", "word")
