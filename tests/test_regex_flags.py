"""``regexcache.plain_flags``: regex's parser combines its flags as ints, and compiles the same patterns.

The change is to speed (the first run after an install or a rule edit parses some 37,000
patterns); what must hold is that nothing else changes. The patterns of the rule files and
patterns written to exercise every flag path (inline flags, scoped flags, versions, full case
folding, sets, a pattern retried after a global inline flag) are compiled in two fresh
processes, one with ``regex`` as released and one after ``checker.regexcache`` is imported, and
what each pattern matches, its flags and its groups must be the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# (pattern, flags as the sum of regex flag names)
HAND = [
    (r"(?i)straße", ""),
    (r"(?fi)STRASSE", ""),
    (r"straße", "IGNORECASE|FULLCASE"),
    (r"(?V1)[\p{L}--\p{Lu}]+", ""),
    (r"[[:alpha:]&&[^a-m]]+", "VERSION1"),
    (r"(?-i:Paris) (?i:capitale)", "IGNORECASE"),
    (r"(?i)(?-i:É)cole", ""),
    (r"\bL'(?i:union)\b", ""),
    (r"(?x) a \s+ b  # comment", ""),
    (r"a(?i)b", "VERSION0"),  # a global flag not at the start: parsed again from the start
    (r"(?w)\bdon't\b", ""),
    (r"(?s)début.+fin", ""),
    (r"(?m)^\d+$", ""),
    (r"(?r)\w+", ""),
    (r"(?e)(?:colour){e<=1}", ""),
    (r"(?b)(?:kolor){e<=2}", ""),
    (r"(?p)a+|a+b", ""),
    (r"(?a)\w+", ""),
    (r"(?u)\w+", ""),
    (r"(?<name>\p{Lu}\p{Ll}+)\s+(?P=name)", "IGNORECASE"),
    (r"(?V1i)[^\p{Ll}]+", ""),
    (r"İstanbul|ıi", "IGNORECASE|VERSION1"),
    (r"ﬁn|ǅ", "IGNORECASE|FULLCASE|VERSION1"),
]
TEXTS = [
    "La Straße et la STRASSE, straße. L'Union, l'union et l'UNION à Paris, capitale.",
    "Paris Capitale, paris capitale. École, école. don't stop. colr colour kolor",
    "début\nmilieu\nfin 123\n45\nİstanbul ISTANBUL istanbul ıi Iİ ﬁn FIN ǅ ǆ Ǆ Anne Anne anne",
]


def _rule_patterns() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "rules").glob("*/*.toml")):
        params = tomllib.loads(path.read_text(encoding="utf-8")).get("params", {})
        for key in ("pattern", "exception"):
            value = params.get(key)
            if isinstance(value, str):
                out.append((value, "VERSION1|IGNORECASE"))
                out.append((value, ""))
    return out


_PROBE = """
import json, sys
if sys.argv[1] == "plain":
    import checker.regexcache  # noqa: F401
import regex
flags_used = set()
out = []
for pattern, names in json.loads(sys.stdin.read()):
    flags = 0
    for name in filter(None, names.split("|")):
        flags |= getattr(regex, name)
    try:
        compiled = regex.compile(pattern, flags)
    except Exception as exc:  # noqa: BLE001
        out.append(["error", type(exc).__name__, str(exc)])
        continue
    found = [[[m.span(), m.groups()] for m in compiled.finditer(text)] for text in TEXTS]
    out.append([int(compiled.flags), compiled.groupindex, found])
    flags_used.add(type(regex._regex_core.IGNORECASE).__name__)
print(json.dumps({"results": out, "types": sorted(flags_used)}))
"""


def _run(mode: str, cases: list[tuple[str, str]]) -> dict:
    code = f"TEXTS = {TEXTS!r}\n" + _PROBE
    done = subprocess.run(
        [sys.executable, "-c", code, mode],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin", "MTLINT_NO_CACHE": "1", "PYTHONPATH": str(ROOT)},
    )
    return json.loads(done.stdout)


def test_same_patterns_with_plain_flags() -> None:
    cases = HAND + _rule_patterns()
    assert len(cases) > 100
    released = _run("released", cases)
    plain = _run("plain", cases)
    assert released["types"] == ["RegexFlag"]
    assert plain["types"] == ["int"]  # the parser's constants were replaced
    assert len(plain["results"]) == len(cases)
    differ = [case for case, a, b in zip(cases, released["results"], plain["results"]) if a != b]
    assert differ == []
    # the cases do exercise matches (not a comparison of empty lists)
    assert sum(1 for r in plain["results"] if r[0] != "error" and any(r[2])) > 50


def test_parser_sees_int_flags() -> None:
    import regex
    import regex._regex_core as core

    from checker import regexcache

    assert regexcache.plain_flags() is True  # idempotent: done at import
    info = core.Info(regex.IGNORECASE | regex.VERSION1)
    assert type(info.flags) is int
    assert info.flags & regex.IGNORECASE
    assert type(core.CASE_FLAGS) is int and type(core.REGEX_FLAGS["i"]) is int
    # the public names keep their type; the default version keeps its value
    assert isinstance(regex.IGNORECASE, regex.RegexFlag)
    assert regex.DEFAULT_VERSION == regex.VERSION0
    compiled = regex.compile(r"(?i)école", regex.V1)
    assert compiled.flags & regex.IGNORECASE and compiled.flags & regex.VERSION1
    assert compiled.search("ÉCOLE")


def test_other_layouts_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import regex._regex_core as core

    from checker import regexcache

    monkeypatch.delattr(core, "RegexFlag")
    assert regexcache.plain_flags() is False
