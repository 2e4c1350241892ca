"""Reading the shared MQM span files (``../shared/eval/*.jsonl``) as documents, for the eval scripts.

Nothing here copies eval text into the project: the scripts read it at run time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

SEP = "\n\n"


def segments(path: Path, *, drop_suspect: bool = False) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Segments per (doc_id, system), in order.

    Some segments were annotated by two people (one record each): they are merged
    into one segment with the union of the spans. With `drop_suspect`, segments
    flagged ``alignment_suspect`` are left out of their document.
    """
    merged: dict[tuple[str, str, int], dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if drop_suspect and r.get("flags", {}).get("alignment_suspect"):
                continue
            key = (r["doc_id"], r["system"], r["seg_idx"])
            seen = merged.get(key)
            if seen is None:
                merged[key] = {**r, "spans": list(r["spans"])}
            elif seen["target"] == r["target"]:
                seen["spans"].extend(r["spans"])
    docs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for key in sorted(merged):
        docs[key[:2]].append(merged[key])
    return docs


def join(texts: list[str]) -> tuple[str, list[int]]:
    """Texts joined by a blank line (one passage each), with the offset at which each starts."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(SEP)
    return SEP.join(texts), starts


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps a span (an empty span: whether it lies within [start, end])."""
    for a, b in spans:
        if a == b:
            if start <= a <= end:
                return True
        elif start < b and a < end:
            return True
    return False
