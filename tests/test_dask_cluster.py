"""The cluster recipe of docs/scaling.md (``python -m checker.cluster``) run on a LocalCluster; the
Slurm job script and the Kubernetes resource it builds; one Linter built per worker, counted."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from checker.cli import main as mtlint

WORDS = ["le", "la", "maire", "projet", "conseil", "ville", "budget", "route", "habitants", "réunion", "mardi"]


def archive(path: Path, n: int, seed: int = 5) -> Path:
    rnd = random.Random(seed)
    lines = [json.dumps({"id": f"r{i:04d}", "lang": "fr",
                         "text": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 40))).capitalize() + "."},
                        ensure_ascii=False) for i in range(n)]
    lines.insert(n // 3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def local_lines(src: Path, *extra: str) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    mtlint(["check", "--records", str(src), "--format", "jsonl", "--lang", "fr", *extra], stdout=out, stderr=err)
    return out.getvalue().splitlines()[:-1]  # without the summary


@pytest.mark.slow
def test_recipe_on_a_local_cluster_writes_partitions_and_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cluster import main

    src = archive(tmp_path / "in.jsonl", 90)
    out = tmp_path / "out"
    argv = ["local", str(tmp_path / "*.jsonl"), "-o", str(out), "--workers", "2", "--lang", "fr", "--blocksize", "3000"]
    assert main(argv) == 0
    assert "91 records checked" in capsys.readouterr().out
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) >= 3
    got = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(got) == sorted(local_lines(src))
    # A stop in the middle of one partition: running the same command again completes it, and only it.
    text = parts[1].read_text(encoding="utf-8")
    parts[1].write_text(text[: len(text) // 2], encoding="utf-8")
    assert main(argv) == 0
    again = capsys.readouterr().out
    assert " 0 records" not in again and "records checked" in again
    assert sorted(line for p in parts for line in p.read_text(encoding="utf-8").splitlines()) == sorted(got)
    assert main(argv) == 0
    assert "mtlint: 0 records checked" in capsys.readouterr().out


def test_slurm_job_script() -> None:
    pytest.importorskip("dask_jobqueue")
    from checker.cluster import slurm_cluster

    cluster = slurm_cluster(cores=8, memory="16GB", walltime="02:00:00", queue="cpu", account="newsroom",
                            python="/opt/mtlint/bin/python", scheduler_options={"dashboard_address": None})
    try:
        script = cluster.job_script()
    finally:
        cluster.close()
    assert "#SBATCH -p cpu" in script and "#SBATCH -A newsroom" in script
    assert "#SBATCH --cpus-per-task=8" in script and "#SBATCH -t 02:00:00" in script and "#SBATCH --mem=" in script
    command = next(line for line in script.splitlines() if "dask_worker" in line)
    assert command.startswith("/opt/mtlint/bin/python -m distributed.cli.dask_worker tcp://")
    assert "--nworkers 8" in command and "--nthreads 1" in command  # 8 single-threaded worker processes per job


def test_kubernetes_resource() -> None:
    pytest.importorskip("dask_kubernetes")
    from checker.cluster import kubernetes_spec

    spec = kubernetes_spec(image="registry.example/mtlint:1", workers=12, memory="3Gi", claim="archive", mount="/data")
    assert spec["kind"] == "DaskCluster" and spec["spec"]["worker"]["replicas"] == 12
    pod = spec["spec"]["worker"]["spec"]
    (container,) = pod["containers"]
    assert container["image"] == "registry.example/mtlint:1"
    assert container["args"][-2:] == ["--nthreads", "1"]
    assert container["resources"]["limits"] == {"cpu": "1", "memory": "3Gi"}
    assert container["volumeMounts"] == [{"name": "archive", "mountPath": "/data"}]
    assert pod["volumes"] == [{"name": "archive", "persistentVolumeClaim": {"claimName": "archive"}}]


@pytest.mark.slow
def test_each_worker_builds_one_linter(tmp_path: Path) -> None:
    """Linter constructions counted in each worker process: one per worker, whatever the number of
    partitions and runs (the CLI, check_records and write_partitions with the same settings)."""
    import checker.dask as cd
    from checker.cluster import make_cluster

    src = archive(tmp_path / "in.jsonl", 60)
    assert len(cd.partitions([str(src)], 2000)) >= 6
    cluster, client = make_cluster("local", workers=2)
    try:
        def count_constructions() -> None:
            import checker.linter

            cls = checker.linter.Linter
            original = cls.__init__

            def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                checker.linter.CONSTRUCTED = getattr(checker.linter, "CONSTRUCTED", 0) + 1
                original(self, *args, **kwargs)

            cls.__init__ = counted

        client.run(count_constructions)
        from checker.linter import Linter

        linter = Linter(lang="fr")
        lines = list(cd.check_records_on_cluster(linter, [str(src)], cd.DEFAULT_FIELDS, client=client, blocksize=2000))
        assert sorted(line for _, line in lines) == sorted(local_lines(src))
        cd.write_partitions([str(src)], tmp_path / "out", linter=linter, blocksize=2000, client=client)
        tasks = client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count)
        built = client.run(lambda: getattr(__import__("checker.linter", fromlist=["x"]), "CONSTRUCTED", 0))
    finally:
        client.close()
        cluster.close()
    assert sum(tasks.values()) >= 12  # two runs of six partitions or more
    assert all(n <= 1 for n in built.values()), built
    assert sum(built.values()) == sum(1 for n in tasks.values() if n > 0), (built, tasks)


def test_extras_named_by_the_issue_exist() -> None:
    import tomllib

    extras = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    assert "mtlint[archives]" in extras["dask"]  # pip install 'mtlint[dask]'
    assert any(x.startswith("dask-jobqueue") for x in extras["cluster"])
    assert any(x.startswith("dask-kubernetes") for x in extras["cluster"])
