#!/usr/bin/env python3
"""Findings of severity minor or above on the clean fixtures (there should be none).

    python tools/clean.py [FOLDER ...]     (default: fixtures/clean)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import Linter  # noqa: E402
from checker.finding import Severity  # noqa: E402


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "fixtures/clean"]
    linter = Linter()
    bad = 0
    for folder in folders:
        for path in sorted([*folder.rglob("*.txt"), *folder.rglob("*.md")]):
            lang = path.parent.name
            result = linter.check_text(path.read_text(encoding="utf-8"), lang=lang, path=str(path))
            doc = result.document
            assert doc is not None
            for f in result.findings:
                if f.severity.rank >= Severity.MINOR.rank:
                    bad += 1
                    line, col = doc.position(f.start)
                    print(f"{path.relative_to(ROOT)}:{line}:{col}: {f.code} {f.severity.value} {f.text!r} {f.message}")
            for x in result.failures:
                print(f"{path}: RULE FAILED {x.code}: {x.message}")
    print(f"{bad} finding(s) of severity minor or above")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
