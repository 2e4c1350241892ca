"""The speed work changes no finding: the fixtures' findings are pinned (codes, offsets, texts, messages).

The expected file was written before the start-up and per-word optimisations, by
``tools/pin_fixtures.py``; rerun that tool when a change of findings is intended.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_fixture_findings_are_pinned() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import pin_fixtures
    finally:
        sys.path.pop(0)
    pinned = json.loads(pin_fixtures.PINNED.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(pin_fixtures.current(), ensure_ascii=False))
    assert sorted(found) == sorted(pinned)
    changed = {p: (pinned[p], found[p]) for p in pinned if pinned[p] != found[p]}
    assert not changed, "findings changed (run tools/pin_fixtures.py --check to list them): " + ", ".join(changed)
