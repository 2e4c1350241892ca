"""Turn a fixture source with inline markers into an article and its expected.json.

Source format (one UTF-8 file per article)::

    Title line with a {{1}}marked span{{/1}} ...

    More paragraphs; spans may nest or cross: {{2}}a {{3}}b{{/2}} c{{/3}}.
    %%%
    1 | glued-words | major | true | breadcrumb glued to the title
    2 | duplication | minor | false | why it is wrong
    guard: Al Pacino
    option: typo

Everything above the ``%%%`` line is the article (markers removed); below it, one
line per marker id, ``guard:`` lines (every occurrence of the string becomes a
``must_not_flag`` span unless it overlaps an annotation of a guarded category) and
``option:`` lines. Options: ``typo`` applies French typography (no-break spaces
before ``: ; ? !``, inside guillemets, in numbers and before ``%``); ``curly``
turns every ``'`` into ``’``; ``escapes`` decodes ``\\uXXXX`` escapes (for
invisible characters that an editor would hide).

Usage: ``python tools/annotate.py SOURCE... --out fixtures/articles/fr``
(``--clean`` writes only the .txt, for sources without markers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

MARKER = re.compile(r"\{\{(/?)(\w+)\}\}")
GUARDED_CATEGORIES = (
    "acronym-homoglyph",
    "mangled-name",
    "non-word",
    "glued-words",
    "untranslated",
)
NBSP = "\u00a0"
NNBSP = "\u202f"


def french_typography(text: str) -> str:
    """Return text with French no-break spaces where a plain space stands."""
    text = text.replace(" :", NBSP + ":")
    for mark in ";?!":
        text = text.replace(" " + mark, NNBSP + mark)
    text = text.replace("« ", "«" + NNBSP).replace(" »", NNBSP + "»")
    # Thousands groups: "1 234" -> "1 234" with a narrow no-break space.
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NNBSP, text)
    text = re.sub(r"(?<=\d) %", NBSP + "%", text)
    return text


def parse_source(source: str) -> tuple[str, list[str], list[str], list[str]]:
    """Split a source into body, annotation lines, guard strings and options."""
    body, sep, meta = source.partition("\n%%%\n")
    if not sep:
        return source, [], [], []
    ann_lines: list[str] = []
    guards: list[str] = []
    options: list[str] = []
    for line in meta.splitlines():
        if not line.strip():
            continue
        if line.startswith("guard:"):
            guards.append(line[len("guard:"):].strip())
        elif line.startswith("option:"):
            options.append(line[len("option:"):].strip())
        else:
            ann_lines.append(line)
    if not body.endswith("\n"):
        body += "\n"
    return body, ann_lines, guards, options


def strip_markers(body: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Remove markers and return the clean text with each marker's span."""
    out: list[str] = []
    pos = 0
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in MARKER.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, ident = m.group(1), m.group(2)
        if closing:
            if ident not in opened:
                raise ValueError(f"closing marker {ident} without opening")
            spans[ident] = (opened.pop(ident), length)
        else:
            if ident in opened or ident in spans:
                raise ValueError(f"marker {ident} opened twice")
            opened[ident] = length
    out.append(body[pos:])
    if opened:
        raise ValueError(f"markers never closed: {sorted(opened)}")
    return "".join(out), spans


def build(source: str, name: str, lang: str) -> tuple[str, dict | None]:
    """Return the article text and its expected record (None without meta)."""
    body, ann_lines, guards, options = parse_source(source)
    if "curly" in options:
        body = body.replace("'", "’")
        guards = [g.replace("'", "’") for g in guards]
    # After "curly", so that an escaped \u0027 stays a straight apostrophe.
    if "escapes" in options:
        body = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), body)
    if "typo" in options:
        body = french_typography(body)
        guards = [french_typography(g) for g in guards]
    text, spans = strip_markers(body)
    if not ann_lines and not guards:
        return text, None
    annotations = []
    for line in ann_lines:
        ident, category, severity, required, note = (p.strip() for p in line.split("|", 4))
        start, end = spans.pop(ident)
        annotations.append({
            "category": category,
            "start": start,
            "end": end,
            "text": text[start:end],
            "severity": severity,
            "required": required == "true",
            "note": note,
        })
    if spans:
        raise ValueError(f"markers without annotation line: {sorted(spans)}")
    annotations.sort(key=lambda a: (a["start"], -a["end"]))
    blocked = [(a["start"], a["end"]) for a in annotations if a["category"] in GUARDED_CATEGORIES]
    guard_spans = []
    for guard in guards:
        found = False
        for m in re.finditer(r"(?<!\w)" + re.escape(guard) + r"(?!\w)", text):
            found = True
            if any(m.start() < e and s < m.end() for s, e in blocked):
                continue
            guard_spans.append({"start": m.start(), "end": m.end(), "text": m.group(0)})
        if not found:
            raise ValueError(f"guard not found in {name}: {guard!r}")
    guard_spans.sort(key=lambda g: (g["start"], g["end"]))
    record = {
        "file": name,
        "lang": lang,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "chars": len(text),
        "offsets": "Python str code-point offsets, end exclusive; text == document[start:end]",
        "annotations": annotations,
        "must_not_flag": {
            "note": "no finding of category " + ", ".join(GUARDED_CATEGORIES[:-1])
            + " or " + GUARDED_CATEGORIES[-1] + " may overlap these spans",
            "spans": guard_spans,
        },
    }
    return text, record


def main(argv: list[str] | None = None) -> int:
    """Build every source given on the command line into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", default=None, help="default: the source's parent folder name")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for src in args.sources:
        lang = args.lang or src.parent.name
        name = src.stem + ".txt"
        text, record = build(src.read_text(encoding="utf-8"), name, lang)
        (args.out / name).write_text(text, encoding="utf-8", newline="")
        if record is not None:
            with open(args.out / (src.stem + ".expected.json"), "w", encoding="utf-8") as fh:
                json.dump(record, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
