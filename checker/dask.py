"""Checking archives on a Dask cluster (``pip install 'mtlint[archives]'``).

Records are split into partitions (byte ranges of JSON Lines files cut at line ends,
or whole Parquet files); each partition is one task that reads its records, checks them
with the worker's warm ``Linter`` and returns (or writes) one JSON line per record,
exactly the line ``mtlint check --records`` writes on one machine.

Each worker process builds one ``Linter`` per distinct setting, on its first task, and
keeps it (``_linter``): rules are loaded and compiled once per worker, never per record.

    from checker.dask import check_records
    lines = check_records(["archive/*.jsonl"], lang="fr")   # a dask.bag.Bag of JSON lines
    lines.map(json.loads).to_dataframe(meta=...)             # or any Dask computation

    from checker.dask import write_partitions
    write_partitions(["archive/*.jsonl"], "out/", lang="fr") # out/part-00000.jsonl …, resumable

Dask, distributed and pyarrow are imported only when these functions run.
"""

from __future__ import annotations

import glob
import json
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checker.dataclass import dataclass
from checker.records import (
    DEFAULT_FIELDS,
    PARQUET_SUFFIXES,
    Fields,
    check_lines,
    done_keys,
    entry_as_report,
    read_records,
)

if TYPE_CHECKING:  # pragma: no cover
    from checker.linter import Linter

__all__ = ["Part", "check_bag", "check_records", "partitions", "write_partitions"]

#: Bytes of JSON Lines per partition (one task): about 200 news articles, enough to balance workers.
BLOCKSIZE = 1 << 20


@dataclass(frozen=True)
class Part:
    """One partition: a byte range of a JSON Lines file starting at line ``first_line`` (or a whole Parquet file)."""

    index: int
    source: str
    start: int = 0
    end: int | None = None
    first_line: int = 1


def expand(paths_or_globs: str | Iterable[str]) -> list[str]:
    """Files named by paths and glob patterns, in order (a pattern's matches sorted); a path that matches
    nothing is kept, so that it gets its error entry."""
    items = [paths_or_globs] if isinstance(paths_or_globs, str) else list(paths_or_globs)
    found: list[str] = []
    for item in items:
        matches = sorted(glob.glob(item)) if glob.has_magic(item) else [item]
        found.extend(matches or [item])
    return found


def partitions(paths_or_globs: str | Iterable[str], blocksize: int | None = None) -> list[Part]:
    """The partitions of the given files: JSON Lines cut every ~``blocksize`` bytes at a line end.

    Each file is read once, by blocks, to count lines (memory stays flat)."""
    blocksize = blocksize or BLOCKSIZE
    parts: list[Part] = []
    for source in expand(paths_or_globs):
        if source.lower().endswith(PARQUET_SUFFIXES):
            parts.append(Part(len(parts), source))
            continue
        try:
            fh = open(source, "rb")  # noqa: SIM115
        except OSError:
            parts.append(Part(len(parts), source))  # read_records gives the error entry
            continue
        with fh:
            start, line, position = 0, 1, 0
            newlines = 0
            while True:
                block = fh.read(blocksize)
                if not block:
                    break
                cut = block.rfind(b"\n")
                if cut < 0:
                    position += len(block)
                    continue
                newlines += block.count(b"\n", 0, cut + 1)
                end = position + cut + 1
                parts.append(Part(len(parts), source, start, end, line))
                line = 1 + newlines
                start = end
                fh.seek(end)
                position = end
            if position > start or not parts or parts[-1].source != source:
                parts.append(Part(len(parts), source, start, None, line))
    return parts


# ------------------------------------------------------------------ workers

#: Linters built in this process, by their pickled settings (one per worker and setting).
_LINTERS: dict[bytes, Linter] = {}


def _settings(linter: Linter | None, kwargs: dict[str, Any]) -> bytes:
    """What a worker needs to build the same Linter, pickled (the Linter itself is not sent)."""
    if linter is not None:
        if kwargs:
            raise TypeError("give either a Linter or Linter keywords, not both")
        return pickle.dumps({"config": linter.config, "options": linter.options})
    return pickle.dumps(kwargs)


def _linter(settings: bytes) -> Linter:
    """This process's warm Linter for these settings, built on first use."""
    linter = _LINTERS.get(settings)
    if linter is None:
        from checker.linter import Linter

        linter = Linter(**pickle.loads(settings))
        _LINTERS[settings] = linter
    return linter


def check_part(part: Part, settings: bytes, fields: Fields, encoding: str = "utf-8",
               skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The JSON lines of one partition's records (those not in ``skip``), in order."""
    linter = _linter(settings)
    targets = (t for t in read_records(part.source, fields, encoding=encoding, start=part.start, end=part.end,
                                       first_line=part.first_line) if t.key not in skip)
    return [line for _, line in check_lines(linter, targets)]


def _lock(fh: TextIO) -> None:
    """An exclusive lock on an open partition file, released when it is closed (none where the platform
    or the file system has no ``flock``)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
    except OSError:  # e.g. a network file system without locks
        return


def write_part(part: Part, settings: bytes, fields: Fields, directory: str, encoding: str = "utf-8",
               resume: bool = True) -> int:
    """Check one partition into ``directory/part-NNNNN.jsonl``, skipping the records already there
    (a torn last line is dropped first). Returns the number of records written now."""
    out = Path(directory) / f"part-{part.index:05d}.jsonl"
    with open(out, "a" if resume else "w", encoding="utf-8") as fh:
        # A task of a stopped run may still be writing this partition (its worker outlives the driver for
        # a while): wait for it to finish, then read what it left.
        _lock(fh)
        skip = done_keys(out).keys if resume else set()
        linter = _linter(settings)
        targets = (t for t in read_records(part.source, fields, encoding=encoding, start=part.start, end=part.end,
                                           first_line=part.first_line) if t.key not in skip)
        written = 0
        for _, line in check_lines(linter, targets):
            fh.write(line + "\n")
            fh.flush()
            written += 1
    return written


# ------------------------------------------------------------------ entry points


def check_records(
    paths_or_globs: str | Iterable[str], *, linter: Linter | None = None, fields: Fields = DEFAULT_FIELDS,
    encoding: str = "utf-8", blocksize: int | None = None, skip: Iterable[str] = (), **linter_kwargs: Any,
) -> Any:
    """A ``dask.bag.Bag`` of JSON lines, one per record of the given JSON Lines or Parquet files.

    The linter is given as a ``Linter`` (its settings are sent) or as ``Linter`` keywords
    (``lang="fr"``, ``select=[...]``…). ``skip`` holds record keys to leave out (a resumed run).
    """
    import dask.bag as db
    from dask import delayed

    settings = _settings(linter, linter_kwargs)
    skipped = frozenset(skip)
    parts = partitions(paths_or_globs, blocksize or BLOCKSIZE)
    tasks = [delayed(check_part, pure=True)(p, settings, fields, encoding, skipped) for p in parts]
    return db.from_delayed(tasks)


def _check_rows(rows: list[Any], settings: bytes, fields: Fields, name: str) -> list[str]:
    from checker.records import make_target

    linter = _linter(settings)
    return [line for _, line in check_lines(linter, (make_target(r, name, i + 1, fields) for i, r in enumerate(rows)))]


def check_bag(bag: Any, *, linter: Linter | None = None, fields: Fields = DEFAULT_FIELDS, **linter_kwargs: Any) -> Any:
    """A bag of JSON lines for a bag of records (dicts with the ``fields``); a bad record's entry is
    named ``<bag>/PARTITION:POSITION``."""
    import dask.bag as db
    from dask import delayed

    settings = _settings(linter, linter_kwargs)
    tasks = [delayed(_check_rows, pure=True)(part, settings, fields, f"<bag>/{i}")
             for i, part in enumerate(bag.to_delayed())]
    return db.from_delayed(tasks)


def write_partitions(
    paths_or_globs: str | Iterable[str], directory: str | os.PathLike[str], *, linter: Linter | None = None,
    fields: Fields = DEFAULT_FIELDS, encoding: str = "utf-8", blocksize: int | None = None, resume: bool = True,
    client: Any = None, **linter_kwargs: Any,
) -> int:
    """Check the records into one file per partition under ``directory`` (``part-00000.jsonl``…), each
    written line by line by its worker and resumed by the same rule as ``--resume``. Returns the number
    of records checked now. The partitioning depends only on the inputs and ``blocksize``: keep both to resume."""
    import dask

    settings = _settings(linter, linter_kwargs)
    os.makedirs(directory, exist_ok=True)
    tasks = [dask.delayed(write_part, pure=False)(p, settings, fields, os.fspath(directory), encoding, resume)
             for p in partitions(paths_or_globs, blocksize or BLOCKSIZE)]
    if client is not None:
        counts = client.gather(client.compute(tasks))
    else:
        counts = dask.compute(*tasks)
    return int(sum(counts))


# ------------------------------------------------------------------ the command line


def start_client(address: str | None, workers: int, err: TextIO | None = None) -> Any:
    """A distributed Client: to the scheduler at ``address``, or to a new LocalCluster of ``workers``
    single-threaded worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        from checker.errors import UsageError

        raise UsageError("--dask needs Dask: pip install 'mtlint[archives]'") from None
    if address:
        try:
            return Client(address, timeout="30s")
        except (OSError, TimeoutError) as exc:
            from checker.errors import UsageError

            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def check_records_on_cluster(
    linter: Linter, sources: Sequence[str], fields: Fields, *, address: str | None = None, workers: int = 2,
    encoding: str = "utf-8", skip: set[str] | frozenset[str] = frozenset(), blocksize: int | None = None,
    err: TextIO | None = None, client: Any = None,
) -> Iterator[tuple[Any, str]]:
    """(report-like, JSON line) for each record, in input order, checked on a Dask cluster.

    At most two partitions per worker are in flight, so the parent's memory does not grow
    with the archive."""
    own = client is None
    if own:
        client = start_client(address, workers, err)
    try:
        settings = _settings(linter, {})
        # Sent once to every worker (scatter takes a list as many objects: hence the one-element list).
        skipped = client.scatter([frozenset(skip)], broadcast=True)[0] if skip else frozenset()
        parts = iter(partitions(sources, blocksize or BLOCKSIZE))
        window = max(2, 2 * len(client.scheduler_info().get("workers", {}) or [1]))
        flight: list[Any] = []
        while True:
            while len(flight) < window:
                part = next(parts, None)
                if part is None:
                    break
                flight.append(client.submit(check_part, part, settings, fields, encoding, skipped, pure=False))
            if not flight:
                return
            for line in flight.pop(0).result():
                yield entry_as_report(json.loads(line)), line
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
