"""A progress bar on standard error for long runs (tqdm, imported only when a bar is shown).

By default a bar appears only when standard error is a terminal and no CI variable is
set; ``--progress`` forces it and ``--no-progress`` turns it off. The bar counts records
or files done, with the rate and, when the total is known, the time left.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

__all__ = ["progress", "wants_progress"]

T = TypeVar("T")


def wants_progress(flag: bool | None, stream: TextIO) -> bool:
    """Whether to show a bar: the flag when given, else only on a terminal outside CI."""
    if flag is not None:
        return flag
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress(items: Iterable[T], *, enabled: bool, stream: TextIO, unit: str, total: int | None = None) -> Iterator[T]:
    """`items`, counted on a bar written to `stream` when `enabled`; unchanged otherwise."""
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=f" {unit}", file=stream, dynamic_ncols=_width(stream) > 0,
              ncols=80 if _width(stream) == 0 else None, nrows=24 if _width(stream) == 0 else None, mininterval=0.5,
              smoothing=0.05, leave=True) as bar:
        for item in items:
            yield item
            bar.update(1)


def _width(stream: TextIO) -> int:
    """The terminal's width, 0 when a terminal reports none (a new pseudo-terminal), -1 for no terminal."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return -1
