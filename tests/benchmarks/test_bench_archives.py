"""Archives: records vs files, --jobs vs Dask, memory at 1 MB vs 10 MB of records, resume overhead.

The ratios are measured in one run and printed (never asserted as wall-clock limits):

    python -m pytest tests/benchmarks/test_bench_archives.py --benchmark-enable -s

In the ordinary test run (benchmarks disabled) only the smoke test on the 100 kB subset
runs; the full measurement takes several minutes on two cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import measure_process

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout (a worktree sits one level deeper: ../../shared).
CORPUS = next((p / "shared" / "corpus" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")


def _subset(name: str) -> list[Path]:
    listing = CORPUS / "subsets" / f"{name}.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    paths = [CORPUS / line.strip() for line in listing.read_text().splitlines() if line.strip()]
    return [p if p.is_file() else CORPUS / "articles" / p.name for p in paths]


def _as_records(paths: list[Path], out: Path) -> Path:
    with out.open("w", encoding="utf-8") as fh:
        for p in paths:
            fh.write(json.dumps({"id": p.stem, "path": p.name, "text": p.read_text(encoding="utf-8")},
                                ensure_ascii=False) + "\n")
    return out


def _prefix(src: Path, size: int, out: Path) -> Path:
    """The first whole lines of `src` up to about `size` bytes."""
    written = 0
    with src.open("rb") as fh, out.open("wb") as dst:
        for line in fh:
            if written >= size:
                break
            dst.write(line)
            written += len(line)
    return out


def _run(args: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (kB) of one mtlint run and its worker processes."""
    cmd = [sys.executable, "-m", "checker", "check", *args, "--no-cache"]  # no result cache: every text is checked
    got = measure_process(cmd, ROOT)  # not forked from pytest: see conftest._MEASURE
    return got["wall_s"], int(got["maxrss_kb"])


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_records_smoke_100k(benchmark, tmp_path: Path) -> None:
    """--records over the 100 kB subset: every article becomes one entry with its id."""
    paths = _subset("100k")
    src = _as_records(paths, tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "checker", "check", "--records", str(src), "--format", "jsonl", "-o", str(out),
           "--path-field", "path"]
    benchmark.pedantic(lambda: subprocess.run(cmd, check=False, cwd=ROOT), rounds=1, iterations=1)
    ids = [json.loads(x).get("id") for x in _lines(out)[:-1]]
    assert ids == [p.stem for p in paths]


def test_archive_ratios(request, tmp_path: Path) -> None:
    """All the ratios of docs/scaling.md, measured in one run (printed)."""
    if request.config.getoption("benchmark_disable", True) and not os.environ.get("MTLINT_BENCH_ARCHIVES"):
        pytest.skip("a several-minute measurement: run with --benchmark-enable (or MTLINT_BENCH_ARCHIVES=1)")
    if not hasattr(os, "wait4"):
        pytest.skip("needs os.wait4")
    paths = _subset("1m")
    listing = tmp_path / "1m.list"
    listing.write_text("\n".join(map(str, paths)) + "\n", encoding="utf-8")
    records = _as_records(paths, tmp_path / "1m.jsonl")
    out = tmp_path / "out.jsonl"
    t: dict[str, float] = {}
    mem: dict[str, int] = {}
    t["files j1"], _ = _run(["--files-from", str(listing), "--format", "jsonl", "-o", str(out), "-j", "1"])
    t["records j1"], _ = _run(["--records", str(records), "--format", "jsonl", "-o", str(out), "-j", "1",
                               "--path-field", "path"])
    full = _lines(out)
    t["records j2"], _ = _run(["--records", str(records), "--format", "jsonl", "-o", str(out), "-j", "2",
                               "--path-field", "path"])
    t["records dask2"], _ = _run(["--records", str(records), "--format", "jsonl", "-o", str(out), "-j", "2",
                                  "--path-field", "path", "--dask"])
    assert sorted(_lines(out)) == sorted(full)
    # Resume on a half-done output: the second half checked, against checking that half from scratch.
    half = len(full[:-1]) // 2
    out.write_text("\n".join(full[:half]) + "\n", encoding="utf-8")
    t["resume half"], _ = _run(["--records", str(records), "--format", "jsonl", "-o", str(out), "--resume",
                                "--path-field", "path"])
    assert sorted(_lines(out)) == sorted(full)
    second = tmp_path / "second.jsonl"
    with records.open(encoding="utf-8") as fh:
        second.write_text("".join(fh.readlines()[half:]), encoding="utf-8")
    t["second half fresh"], _ = _run(["--records", str(second), "--format", "jsonl", "-o", str(out),
                                      "--path-field", "path"])
    # The same for plain files (--resume by path + content hash): a fresh resumable run, then a half-done
    # output resumed, against checking the second half alone; then resuming a finished output (nothing to do).
    fout = tmp_path / "files.jsonl"
    t["files resume fresh"], _ = _run(["--files-from", str(listing), "--format", "jsonl", "-o", str(fout), "--resume"])
    ffull = _lines(fout)
    fhalf = len(ffull[:-1]) // 2
    fout.write_text("\n".join(ffull[:fhalf]) + "\n", encoding="utf-8")
    t["files resume half"], _ = _run(["--files-from", str(listing), "--format", "jsonl", "-o", str(fout), "--resume"])
    assert _lines(fout) == ffull
    t["files resume done"], _ = _run(["--files-from", str(listing), "--format", "jsonl", "-o", str(fout), "--resume"])
    assert _lines(fout) == ffull
    done = {json.loads(x)["path"] for x in ffull[:fhalf]}
    rest = tmp_path / "rest.list"
    rest.write_text("\n".join(str(p) for p in paths if str(p) not in done) + "\n", encoding="utf-8")
    t["files second half fresh"], _ = _run(["--files-from", str(rest), "--format", "jsonl", "-o",
                                            str(tmp_path / "rest.jsonl"), "--resume"])
    # Peak memory over 1 MB and 10 MB of records (two jobs, to keep the run short).
    corpus = CORPUS / "corpus.jsonl"
    for size, name in ((1 << 20, "1 MB"), (10 << 20, "10 MB")):
        part = _prefix(corpus, size, tmp_path / f"{name[:-3]}.jsonl")
        _, mem[name] = _run(["--records", str(part), "--format", "jsonl", "-o", os.devnull, "-j", "2"])
    n = len(paths)
    print()
    for key, seconds in t.items():
        print(f"{key}: {seconds:.1f} s" + (f", {n / seconds:.1f} records/s" if "half" not in key and "done" not in key else ""))
    print(f"records/s of --records over files: {t['files j1'] / t['records j1']:.2f}")
    print(f"--jobs 2 over --jobs 1: {t['records j1'] / t['records j2']:.2f}; "
          f"Dask LocalCluster of 2 workers over --jobs 1: {t['records j1'] / t['records dask2']:.2f}")
    print(f"resume of a half-done output over checking the second half alone: "
          f"{t['resume half'] / t['second half fresh']:.2f}")
    print(f"files: resume of a half-done output over checking the second half alone: "
          f"{t['files resume half'] / t['files second half fresh']:.2f}; resumable run over a plain one: "
          f"{t['files resume fresh'] / t['files j1']:.2f}; resuming a finished output over a full check: "
          f"{t['files resume done'] / t['files j1']:.2f}")
    print(f"peak RSS: 1 MB of records {mem['1 MB'] / 1e3:.0f} MB, 10 MB {mem['10 MB'] / 1e3:.0f} MB, "
          f"ratio {mem['10 MB'] / mem['1 MB']:.2f}")
    assert all(v > 0 for v in t.values())
