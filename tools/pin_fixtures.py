"""Write (or check) the pinned findings of the bundled fixtures: what the speed work must not change.

    python tools/pin_fixtures.py           # rewrite tests/data/pinned_fixture_findings.json
    python tools/pin_fixtures.py --check   # exit 1 and list the differences

Every file of ``fixtures/`` is checked with all default rules (messages in English), and
each finding is kept as code, start, end, text, message and suggestions. Regenerate the
file when a change of findings is intended (new rules, new recall), never to hide one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "tests" / "data" / "pinned_fixture_findings.json"


def current() -> dict[str, list[list[object]]]:
    """path (relative to the checkout) -> findings as [code, start, end, text, message, suggestions]."""
    sys.path.insert(0, str(ROOT))
    from checker import Linter

    linter = Linter(message_lang="en")
    out: dict[str, list[list[object]]] = {}
    for report in linter.check_many([str(ROOT / "fixtures")]):
        rel = Path(report.path).resolve().relative_to(ROOT).as_posix()
        out[rel] = [
            [f.code, f.start, f.end, f.text, f.message, list(f.suggestions)]
            for f in sorted(report.findings, key=lambda f: (f.start, f.end, f.code, f.message))
        ]
    return dict(sorted(out.items()))


def _dump(found: dict[str, list[list[object]]]) -> str:
    """One line per file name and per finding, so that a diff shows each changed finding."""
    lines = ["{"]
    for i, (path, findings) in enumerate(found.items()):
        rows = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in findings)
        comma = "," if i < len(found) - 1 else ""
        lines.append(f"{json.dumps(path)}: [\n{rows}\n]{comma}" if rows else f"{json.dumps(path)}: []{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    found = current()
    if "--check" not in argv:
        PINNED.parent.mkdir(parents=True, exist_ok=True)
        PINNED.write_text(_dump(found), encoding="utf-8")
        print(f"{PINNED}: {len(found)} files, {sum(map(len, found.values()))} findings")
        return 0
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    bad = 0
    for path in sorted(set(pinned) | set(found)):
        a, b = pinned.get(path, []), found.get(path, [])
        if a != b:
            bad += 1
            print(f"{path}: pinned {len(a)}, now {len(b)}")
            for x in a:
                if x not in b:
                    print(f"  - {x}")
            for x in b:
                if x not in a:
                    print(f"  + {x}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
