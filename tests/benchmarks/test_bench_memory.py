"""Peak memory per output format and the cost of ``--jobs 2`` (see docs/scaling.md, "Memory and parallel runs").

Each case runs the whole command line in a child process and reads its resource usage
from ``os.wait4``: the peak resident memory of the largest process of the tree and the
CPU time (user + system) of the tree (forked workers included, as they are waited for).
Figures go to the benchmark's ``extra_info`` and are printed (``-s``); nothing is asserted
about time. Run them with ``python -m pytest tests/benchmarks/test_bench_memory.py
--benchmark-enable -s``; the ordinary test run executes the 1 MB cases once each.

The 10 MB cases take about five minutes of CPU each on the development machine (far more
than the one minute a test may take in CI), so they run only with ``MTLINT_BENCH_10M=1``;
they check that memory stays flat: the peak at 10 MB is at most a quarter above the
peak at 1 MB in the same format, and print the peak against issue #11's 150 MiB (not yet
reached: docs/scaling.md says where the rest goes).

``test_memory_steps`` prints the resident memory (anonymous and file-backed) of one process
after each one-time load, the table of docs/scaling.md "Where the memory goes".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import bench_subset, measure_process

ROOT = Path(__file__).resolve().parents[2]
#: ../shared/corpus beside the checkout (or beside the directory of worktrees it sits in).
CORPUS = next((d / "shared" / "corpus" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
FORMATS = ("text", "json", "jsonl")
#: Issue #11's target for the peak resident memory of a run at 10 MB, in every streamed format.
PEAK_MIB = 150
TEN_MB = pytest.mark.skipif(
    not os.environ.get("MTLINT_BENCH_10M"),
    reason="the 10 MB subset takes about 5 minutes of CPU per format (over the 1-minute budget of a CI test); "
           "run with MTLINT_BENCH_10M=1",
)

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 (resource usage of a child)")


def _listing(tmp_path: Path, name: str) -> Path:
    listing = CORPUS / "subsets" / f"{name}.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    paths = [CORPUS / line.strip() for line in listing.read_text().splitlines() if line.strip()]
    out = tmp_path / f"{name}.list"
    out.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    return out


def run_measured(args: list[str], output: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """`mtlint check ARGS -o OUTPUT` in a child process (with environment `env`, else this one's):
    peak RSS (MiB) of the largest process of its tree, CPU of the tree (s), wall time (s)."""
    cmd = [sys.executable, "-m", "checker", "check", "--no-cache", *args, "-o", str(output)]
    got = measure_process(cmd, ROOT, env)  # not forked from pytest: see conftest._MEASURE
    assert got["code"] in (0, 1), f"{cmd} failed"
    return {"peak_mib": got["maxrss_kb"] / 1024, "cpu_s": got["cpu_s"], "wall_s": got["wall_s"]}


def _check_output(fmt: str, output: Path) -> int:
    """The number of files the report holds (and that it is well formed)."""
    text = output.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["summary"]["files"] == len(data["files"])
        return len(data["files"])
    if fmt == "jsonl":
        lines = text.splitlines()
        assert json.loads(lines[-1])["summary"]["files"] == len(lines) - 1
        return len(lines) - 1
    assert text.rstrip().splitlines()[-1].startswith(("Found ", "No issues"))
    return sum(1 for line in text.splitlines() if ": score " in line and not line.startswith(" "))


def _measure(benchmark: Any, tmp_path: Path, subset: str, fmt: str, jobs: int = 1) -> dict[str, float]:
    listing = _listing(tmp_path, subset)
    output = tmp_path / f"report-{subset}-{jobs}.{fmt}"
    args = ["--format", fmt, "--jobs", str(jobs), "--files-from", str(listing)]
    figures: dict[str, float] = {}
    benchmark.pedantic(lambda: figures.update(run_measured(args, output)), rounds=1, iterations=1)
    _check_output(fmt, output)
    benchmark.extra_info.update({f"{subset}_{k}": round(v, 2) for k, v in figures.items()})
    print(f"{subset} {fmt} --jobs {jobs}: peak RSS {figures['peak_mib']:.0f} MiB, "
          f"CPU {figures['cpu_s']:.1f} s, wall {figures['wall_s']:.1f} s")
    return figures


@pytest.mark.shared
@pytest.mark.parametrize("fmt", FORMATS)
def test_peak_memory_1m(benchmark: Any, tmp_path: Path, fmt: str, pytestconfig: pytest.Config) -> None:
    """Peak RSS of a whole run over the 1 MB subset, per format (100 kB when not measuring: conftest.bench_subset)."""
    figures = _measure(benchmark, tmp_path, bench_subset(pytestconfig), fmt)
    assert figures["peak_mib"] > 0


@pytest.mark.shared
@pytest.mark.slow
@TEN_MB
@pytest.mark.parametrize("fmt", FORMATS)
def test_peak_memory_10m_is_flat(benchmark: Any, tmp_path: Path, fmt: str) -> None:
    """Peak RSS over the 10 MB subset: no Document or report is kept, so it stays near the 1 MB peak."""
    small = run_measured(["--format", fmt, "--files-from", str(_listing(tmp_path, "1m"))], tmp_path / f"1m.{fmt}")
    figures = _measure(benchmark, tmp_path, "10m", fmt)
    benchmark.extra_info["1m_peak_mib"] = round(small["peak_mib"], 1)
    print(f"10m/1m peak ratio, {fmt}: {figures['peak_mib'] / small['peak_mib']:.2f}")
    print(f"10m peak against issue #11's target: {figures['peak_mib']:.0f} / {PEAK_MIB} MiB")
    benchmark.extra_info["target_mib"] = PEAK_MIB
    assert figures["peak_mib"] <= 1.25 * small["peak_mib"]

_STEPS = r"""
import json, sys
from pathlib import Path

def rss():
    got = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
                got[key] = round(int(value.split()[0]) / 1024, 1)
    return got

steps = [("interpreter", rss())]
from checker import Linter, langid, lexicon
linter = Linter()
steps.append(("Linter() built (rules read)", rss()))
article = Path(sys.argv[1]).read_text(encoding="utf-8")
linter.check_text(article, lang="fr")
steps.append(("first French article checked", rss()))
narrow = langid.identifier(langid.SUPPORTED)
narrow.rank(article)
steps.append(("py3langid, the seven languages of MT120 (mapped), one article ranked", rss()))
wide = langid.identifier(None)
wide.rank(article)
steps.append(("py3langid, every language (MT161, same mapped arrays), one article ranked", rss()))
for lang in ("es", "it", "pt", "de"):
    lexicon.zipf("exemple", lang)
steps.append(("Spanish, Italian, Portuguese, German large lists (mapped)", rss()))
for path in sys.argv[2:]:
    linter.check_file(path)
if sys.argv[2:]:
    steps.append((f"{len(sys.argv) - 2} more files checked", rss()))
    from checker import cachedir
    cachedir.release_mapped()  # what a run does after each file (checker/parallel.py)
    steps.append(("the cache's mapped pages released", rss()))
print(json.dumps(steps))
"""


@pytest.mark.shared
def test_memory_steps(benchmark: Any, tmp_path: Path, pytestconfig: pytest.Config) -> None:
    """Resident memory after each one-time load, in a fresh process (then the 1 MB subset on top)."""
    article = next(iter(sorted((ROOT / "fixtures" / "articles" / "fr").glob("*.txt"))))
    listing = _listing(tmp_path, bench_subset(pytestconfig))
    paths = [line for line in listing.read_text(encoding="utf-8").splitlines() if line]
    out: list[Any] = []

    def run() -> None:
        proc = subprocess.run([sys.executable, "-c", _STEPS, str(article), *paths], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        out.extend(json.loads(proc.stdout.strip().splitlines()[-1]))

    benchmark.pedantic(run, rounds=1, iterations=1)
    for name, figures in out:
        print(f"{name:<80} {figures}")
        benchmark.extra_info[name] = figures
    assert [name for name, _ in out][:2] == ["interpreter", "Linter() built (rules read)"]


@pytest.mark.shared
def test_jobs_2_vs_1_cpu(benchmark: Any, tmp_path: Path, pytestconfig: pytest.Config) -> None:
    """``--jobs 2`` against ``--jobs 1`` on the 1 MB subset: speed-up (wall) and extra CPU (user + system
    of the whole process tree), printed; the two reports are identical."""
    listing = _listing(tmp_path, bench_subset(pytestconfig))
    runs: dict[int, dict[str, float]] = {}

    def run(jobs: int) -> None:
        args = ["--format", "jsonl", "--jobs", str(jobs), "--files-from", str(listing)]
        runs[jobs] = run_measured(args, tmp_path / f"j{jobs}.jsonl")

    run(1)
    benchmark.pedantic(run, args=(2,), rounds=1, iterations=1)
    speedup = runs[1]["wall_s"] / runs[2]["wall_s"]
    extra_cpu = runs[2]["cpu_s"] / runs[1]["cpu_s"] - 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    benchmark.extra_info.update({"speedup": round(speedup, 2), "extra_cpu": round(extra_cpu, 3), "load": load})
    print(f"--jobs 2 vs 1 on 1m: speed-up {speedup:.2f}x, extra CPU {extra_cpu:+.1%} "
          f"(CPU {runs[1]['cpu_s']:.1f} s vs {runs[2]['cpu_s']:.1f} s; load average {load:.1f})")
    assert (tmp_path / "j1.jsonl").read_bytes() == (tmp_path / "j2.jsonl").read_bytes()


@pytest.mark.shared
def test_worker_memory_replacement(benchmark: Any, tmp_path: Path, pytestconfig: pytest.Config) -> None:
    """One job, ``--worker-memory`` at its default (a worker replaced once it has grown by 64 MiB)
    against ``0`` (every file checked in the main process): peak RSS and CPU of the process tree,
    printed; the reports are identical."""
    listing = _listing(tmp_path, bench_subset(pytestconfig))
    runs: dict[str, dict[str, float]] = {}

    def run(memory: str) -> None:
        args = ["--format", "jsonl", "--worker-memory", memory, "--files-from", str(listing)]
        runs[memory] = run_measured(args, tmp_path / f"w{memory}.jsonl")

    run("0")
    benchmark.pedantic(run, args=("64",), rounds=1, iterations=1)
    peak = runs["64"]["peak_mib"] / runs["0"]["peak_mib"]
    cpu = runs["64"]["cpu_s"] / runs["0"]["cpu_s"]
    benchmark.extra_info.update({"peak_ratio": round(peak, 3), "cpu_ratio": round(cpu, 3)})
    print(f"--worker-memory 64 vs 0: peak {runs['64']['peak_mib']:.0f} vs {runs['0']['peak_mib']:.0f} MiB "
          f"({peak:.2f}), CPU {runs['64']['cpu_s']:.1f} vs {runs['0']['cpu_s']:.1f} s ({cpu:.2f})")
    assert (tmp_path / "w0.jsonl").read_bytes() == (tmp_path / "w64.jsonl").read_bytes()


def test_cold_build_peak(benchmark: Any, tmp_path: Path) -> None:
    """The first run on an empty cache directory that builds every rule (after installing or
    upgrading without a current rules/VALIDATED stamp, or after a rule edit: every rule is built and
    every row of the tables checked), on an empty file, against a one-article run once the cache
    is warm. With the collector paused for the whole build, the cold run peaked at 510 MiB
    (docs/scaling.md); the build now collects after each rule (checker.rules._build_all): about
    240 MiB, some 2.5 times a warm article's run (an empty file's warm run loads nothing: 20 MiB).
    (Until the thirty-second session this compared with the empty file's warm run, measured from
    a process forked straight from pytest, whose peak was pytest's own: see ``conftest._MEASURE``.)"""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    article = sorted((ROOT / "fixtures" / "articles" / "fr").glob("*.txt"))[0]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env["MTLINT_IGNORE_VALIDATED"] = "1"  # the full build, as for rules without a current VALIDATED stamp
    output = tmp_path / "report.txt"
    figures: dict[str, float] = {}
    benchmark.pedantic(lambda: figures.update(cold=run_measured(["--quiet", str(empty)], output, env)["peak_mib"]),
                       rounds=1, iterations=1)
    run_measured([str(article)], output, env)  # the article's own first-need data, stored
    figures["warm"] = run_measured([str(article)], output, env)["peak_mib"]
    benchmark.extra_info.update({k: round(v, 1) for k, v in figures.items()})
    print(f"peak RSS: cold build (empty file) {figures['cold']:.0f} MiB, warm article {figures['warm']:.0f} MiB "
          f"({figures['cold'] / figures['warm']:.1f}x)")
    assert figures["cold"] <= 4 * figures["warm"]


def test_first_run_with_the_validated_stamp(benchmark: Any, tmp_path: Path) -> None:
    """The first run on an empty cache directory with mtlint's own rules stamped as built
    (rules/VALIDATED, ``rulecache.shipped_validated``: rules built on first use) against the
    same run building them all (``MTLINT_IGNORE_VALIDATED=1``), on one fixture article: the
    first run after an install, or of a CI job with a fresh cache. Same report either way."""
    article = sorted((ROOT / "fixtures" / "articles" / "fr").glob("*.txt"))[0]
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MTLINT_IGNORE_VALIDATED")}
    figures: dict[str, dict[str, float]] = {}

    def run(name: str, extra: dict[str, str]) -> None:
        env = base | {"MTLINT_CACHE_DIR": str(tmp_path / f"cache-{name}")} | extra
        figures[name] = run_measured([str(article)], tmp_path / f"{name}.txt", env)

    benchmark.pedantic(run, args=("stamped", {}), rounds=1, iterations=1)
    run("full", {"MTLINT_IGNORE_VALIDATED": "1"})
    stamped, full = figures["stamped"], figures["full"]
    benchmark.extra_info.update({f"{n}_{k}": round(v, 2) for n, f in figures.items() for k, v in f.items()})
    print(f"first run, one article: stamped {stamped['cpu_s']:.1f} s CPU, {stamped['peak_mib']:.0f} MiB; "
          f"full build {full['cpu_s']:.1f} s, {full['peak_mib']:.0f} MiB "
          f"(CPU {stamped['cpu_s'] / full['cpu_s']:.2f}, peak {stamped['peak_mib'] / full['peak_mib']:.2f})")
    assert (tmp_path / "stamped.txt").read_text(encoding="utf-8") == (tmp_path / "full.txt").read_text(encoding="utf-8")
    assert stamped["cpu_s"] < full["cpu_s"] and stamped["peak_mib"] < full["peak_mib"]


def test_measured_peak_is_the_runs_own(tmp_path: Path) -> None:
    """``run_measured`` reports the run's peak, not the test session's: with 300 MiB held here, an
    empty file's run still peaks far below that (forked straight from this process, it reported
    at least this process's high-water mark: conftest._MEASURE)."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    held = bytearray(300 * 1024 * 1024)
    held[:: 4096] = b"\1" * len(held[:: 4096])  # touched: resident
    figures = run_measured([str(empty)], tmp_path / "report.txt")
    del held
    assert 0 < figures["peak_mib"] < 200


#: Runs ``mtlint check`` in this fresh interpreter with builds apart on or off (argv[1]), then
#: prints the process's own peak and its resident memory at the end (its forked copies excluded),
#: from /proc: ``VmHWM`` starts anew at ``exec``, where ``ru_maxrss`` would carry pytest's.
_FIRST_RUN = """
import json, sys
from checker import cachedir
cachedir.APART[0] = sys.argv[1] == "1"
from checker.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status") as fh:
    kib = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in fh) if k in ("VmHWM", "VmRSS")}
print(json.dumps([code, kib["VmHWM"] / 1024, kib["VmRSS"] / 1024]))
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status") or not hasattr(os, "fork"), reason="Linux only")
def test_first_run_builds_apart(benchmark: Any, tmp_path: Path) -> None:
    """The first run on an empty cache over the fixture articles (one process, no worker), with what
    it builds once from whole lists (word lists, the language model, the deletion index, rules'
    indexes of their lists) made by another process (``cachedir.build_apart``, ``fork_apart``),
    against the same run building everything itself. The checking process keeps less memory to
    its end (what later files, and ``--jobs`` workers forked from it, start from), and reaches a
    lower peak of its own; the report is the same."""
    articles = sorted(str(p) for p in (ROOT / "fixtures" / "articles").rglob("*.txt"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MTLINT_IGNORE_VALIDATED")}
    figures: dict[str, dict[str, float]] = {}

    def run(name: str, apart: str) -> None:
        output = tmp_path / f"{name}.json"
        cmd = [sys.executable, "-c", _FIRST_RUN, apart, "check", "--no-cache", "--worker-memory", "0",
               "--format", "json", "-o", str(output), *articles]
        done = subprocess.run(cmd, cwd=ROOT, env=env | {"MTLINT_CACHE_DIR": str(tmp_path / f"cache-{name}")},
                              capture_output=True, text=True, check=True)
        code, own_peak, final = json.loads(done.stdout.strip().splitlines()[-1])
        assert code in (0, 1)
        figures[name] = {"own_peak_mib": own_peak, "final_mib": final}

    benchmark.pedantic(run, args=("apart", "1"), rounds=1, iterations=1)
    run("here", "0")
    benchmark.extra_info.update({f"{n}_{k}": round(v, 1) for n, f in figures.items() for k, v in f.items()})
    apart, here = figures["apart"], figures["here"]
    print(f"first run, {len(articles)} fixture articles, checking process: built apart {apart['own_peak_mib']:.0f} MiB "
          f"peak, {apart['final_mib']:.0f} MiB at the end; built here {here['own_peak_mib']:.0f} / {here['final_mib']:.0f} MiB")
    assert json.loads((tmp_path / "apart.json").read_text(encoding="utf-8"))["files"] == \
        json.loads((tmp_path / "here.json").read_text(encoding="utf-8"))["files"]
    assert apart["final_mib"] < here["final_mib"] and apart["own_peak_mib"] < here["own_peak_mib"]
