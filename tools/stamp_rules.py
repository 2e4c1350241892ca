"""Build every rule of a rules root from its files, then write the root's ``VALIDATED`` stamp.

    python tools/stamp_rules.py            # mtlint's own rules (rules/)
    python tools/stamp_rules.py ROOT...    # house rule roots, each stamped apart

A first run that finds a stamp naming the same files and code (``rulecache.release_digest``)
builds the rules on first use instead of all at once (``rulecache.shipped_validated``): the
first run after an install, or a CI job on a fresh cache, then takes seconds instead of a
quarter of a minute. Run this after editing a rule file, a table beside one or the code that
builds rules (``checker/kinds``, ``rules.py``, ``prefilter.py``…); ``tests/test_validated_stamp.py``
fails while mtlint's own stamp is stale. The build runs in a fresh, throwaway cache directory
with the stamps ignored, so every rule really is built; nothing is written when one fails.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def stamp(root: Path) -> Path:
    """Build every rule under `root` from its files and write its stamp; RulePackError if one fails."""
    from checker import rulecache
    from checker.rules import load_rules, pack_dirs

    load_rules([root])  # a fresh cache and MTLINT_IGNORE_VALIDATED: every rule is built now
    return rulecache.write_validated(root, rulecache.release_digest(pack_dirs(root)))


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="mtlint-stamp-") as tmp:
        os.environ["MTLINT_CACHE_DIR"] = tmp
        os.environ["MTLINT_IGNORE_VALIDATED"] = "1"
        os.environ.pop("MTLINT_NO_CACHE", None)
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from checker.errors import RulePackError
        from checker.rules import builtin_rules_dir

        roots = [Path(a) for a in argv] or [builtin_rules_dir()]
        for root in roots:
            try:
                path = stamp(root)
            except RulePackError as exc:
                print(f"{root}: not stamped, a rule does not build:\n{exc}", file=sys.stderr)
                return 1
            print(f"{path}: {path.read_text(encoding='utf-8').split()[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
