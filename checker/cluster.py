"""Checking an archive on a Dask cluster from one command: a LocalCluster, a running scheduler,
Slurm (dask-jobqueue) or Kubernetes (dask-kubernetes' operator).

    python -m checker.cluster local   archive/*.jsonl -o out/ --workers 2 --lang fr
    python -m checker.cluster tcp://scheduler:8786 archive/*.jsonl -o out/ --lang fr
    python -m checker.cluster slurm   /shared/archive/*.jsonl -o /shared/out/ --lang fr \\
        --jobs 8 --cores 16 --memory 32GB --walltime 04:00:00 --queue cpu --account newsroom
    python -m checker.cluster kubernetes /archive/*.jsonl -o /archive/out/ --lang fr \\
        --workers 32 --image registry.example/mtlint:1 --claim archive --mount /archive

Each task writes one ``part-NNNNN.jsonl`` under the output directory
(``checker.dask.write_partitions``); running the same command again after a stop resumes
every partition (torn last line dropped, records already there skipped). The inputs
must be readable at the same path by this process (it cuts them into partitions) and
by every worker; the output directory must be writable by every worker.

The same from Python: ``run(inputs, out_dir, cluster="slurm", jobs=8, lang="fr")``.
``dask-jobqueue`` and ``dask-kubernetes`` are imported only for their kind of cluster.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from checker.records import DEFAULT_FIELDS, Fields

__all__ = ["kubernetes_spec", "make_cluster", "run", "slurm_cluster"]

KINDS = ("local", "slurm", "kubernetes")


def slurm_cluster(*, cores: int = 16, memory: str = "32GB", walltime: str = "04:00:00", queue: str | None = None,
                  account: str | None = None, python: str | None = None, local_directory: str | None = None,
                  job_extra: Sequence[str] = (), **extra: Any) -> Any:
    """A ``dask_jobqueue.SLURMCluster`` whose jobs each run ``cores`` single-threaded worker processes
    (the rule engine is not shared between threads); scale it with ``cluster.scale(jobs=N)``."""
    try:
        from dask_jobqueue import SLURMCluster
    except ImportError:
        raise SystemExit("mtlint: a Slurm cluster needs dask-jobqueue: pip install dask-jobqueue") from None
    return SLURMCluster(
        cores=cores, processes=cores, memory=memory, walltime=walltime, queue=queue, account=account,
        python=python or sys.executable, local_directory=local_directory, job_extra_directives=list(job_extra),
        job_name="mtlint", **extra,
    )


def kubernetes_spec(*, name: str = "mtlint", image: str, workers: int = 4, cpu: str = "1", memory: str = "2Gi",
                    claim: str | None = None, mount: str = "/archive", env: dict[str, str] | None = None) -> Any:
    """A ``DaskCluster`` resource (dask-kubernetes' operator) for ``image``, which must have
    ``mtlint[archives]`` installed: ``workers`` single-threaded worker pods of ``cpu`` and
    ``memory``, each mounting the persistent volume claim ``claim`` (the archive) at ``mount``."""
    try:
        from dask_kubernetes.operator import make_cluster_spec
    except ImportError:
        raise SystemExit("mtlint: a Kubernetes cluster needs dask-kubernetes: pip install dask-kubernetes") from None
    resources = {"requests": {"cpu": cpu, "memory": memory}, "limits": {"cpu": cpu, "memory": memory}}
    spec = make_cluster_spec(name=name, image=image, n_workers=workers, resources=resources, env=env)
    pod = spec["spec"]["worker"]["spec"]
    container = pod["containers"][0]
    container["args"] = [*container["args"], "--nthreads", "1"]
    if claim:
        pod["volumes"] = [{"name": "archive", "persistentVolumeClaim": {"claimName": claim}}]
        container["volumeMounts"] = [{"name": "archive", "mountPath": mount}]
    return spec


def make_cluster(kind: str, *, workers: int = 2, jobs: int = 1, **options: Any) -> tuple[Any, Any]:
    """(cluster or None, distributed.Client) for ``kind``: ``local``, ``slurm``, ``kubernetes`` or a
    scheduler address (``tcp://HOST:8786``: a cluster someone else started, e.g. with Dask's Helm chart)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit("mtlint: Dask is needed: pip install 'mtlint[archives]'") from None
    if kind == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    elif kind == "slurm":
        cluster = slurm_cluster(**options)
        cluster.scale(jobs=jobs)
    elif kind == "kubernetes":
        from dask_kubernetes.operator import KubeCluster

        namespace = options.pop("namespace", None)
        cluster = KubeCluster(custom_cluster_spec=kubernetes_spec(workers=workers, **options), namespace=namespace)
    else:
        return None, Client(kind, timeout="60s")
    return cluster, Client(cluster)


def run(inputs: str | Iterable[str], directory: str, *, cluster: str = "local", fields: Fields = DEFAULT_FIELDS,
        blocksize: int | None = None, encoding: str = "utf-8", workers: int = 2, jobs: int = 1,
        wait_for: int = 1, cluster_options: dict[str, Any] | None = None, **linter_kwargs: Any) -> int:
    """Check the records of ``inputs`` (paths or globs) into ``directory`` on the given cluster; the
    number of records checked now (0 when a finished run is run again). ``wait_for`` workers must
    join before the work is sent (a batch queue may take a while to start the jobs)."""
    from checker.dask import write_partitions

    own, client = make_cluster(cluster, workers=workers, jobs=jobs, **(cluster_options or {}))
    try:
        client.wait_for_workers(wait_for)
        return write_partitions(inputs, directory, fields=fields, encoding=encoding, blocksize=blocksize,
                                client=client, **linter_kwargs)
    finally:
        client.close()
        if own is not None:
            own.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("cluster", help="local, slurm, kubernetes, or a scheduler address (tcp://HOST:8786)")
    parser.add_argument("inputs", nargs="+", help="JSON Lines or Parquet files (globs allowed)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="directory of the part-NNNNN.jsonl files")
    parser.add_argument("--lang", help="the articles' language (else detected per record)")
    parser.add_argument("--select", help="rule codes to run, comma-separated")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--lang-field", default="lang")
    parser.add_argument("--path-field", default=None)
    parser.add_argument("--encoding", choices=("utf-8", "auto"), default="utf-8")
    parser.add_argument("--blocksize", type=int, default=None, help="bytes of JSON Lines per task (default 1 MiB)")
    parser.add_argument("--workers", type=int, default=2, help="local and kubernetes: worker processes (pods)")
    parser.add_argument("--wait-for", type=int, default=1, metavar="N", help="workers to wait for before starting")
    slurm = parser.add_argument_group("slurm (dask-jobqueue)")
    slurm.add_argument("--jobs", type=int, default=1, help="batch jobs to submit")
    slurm.add_argument("--cores", type=int, default=16, help="cores per job: one worker process each")
    slurm.add_argument("--memory", default=None, help="memory per job (slurm, default 32GB) or per pod (kubernetes, default 2Gi)")
    slurm.add_argument("--walltime", default="04:00:00")
    slurm.add_argument("--queue", default=None, help="the Slurm partition")
    slurm.add_argument("--account", default=None)
    slurm.add_argument("--python", default=None, help="the workers' Python (default: this one)")
    slurm.add_argument("--interface", default=None, help="network interface the workers reach the scheduler on (e.g. ib0)")
    kube = parser.add_argument_group("kubernetes (dask-kubernetes operator)")
    kube.add_argument("--image", default=None, help="an image with mtlint[archives] installed")
    kube.add_argument("--cpu", default="1")
    kube.add_argument("--claim", default=None, help="persistent volume claim holding the archive")
    kube.add_argument("--mount", default="/archive")
    kube.add_argument("--namespace", default=None)
    args = parser.parse_args(argv)
    options: dict[str, Any] = {}
    if args.cluster == "slurm":
        options = {"cores": args.cores, "memory": args.memory or "32GB", "walltime": args.walltime,
                   "queue": args.queue, "account": args.account, "python": args.python}
        if args.interface:
            options["interface"] = args.interface
    elif args.cluster == "kubernetes":
        if not args.image:
            parser.error("kubernetes needs --image")
        options = {"image": args.image, "cpu": args.cpu, "memory": args.memory or "2Gi", "claim": args.claim,
                   "mount": args.mount, "namespace": args.namespace}
    elif args.cluster not in KINDS and "://" not in args.cluster:
        parser.error(f"unknown cluster {args.cluster!r}: local, slurm, kubernetes or tcp://HOST:PORT")
    fields = Fields(args.text_field, args.id_field or None, args.lang_field or None, args.path_field or None)
    linter: dict[str, Any] = {}
    if args.lang:
        linter["lang"] = args.lang
    if args.select:
        linter["select"] = args.select
    n = run(args.inputs, args.output, cluster=args.cluster, fields=fields, blocksize=args.blocksize,
            encoding=args.encoding, workers=args.workers, jobs=args.jobs, wait_for=args.wait_for,
            cluster_options=options, **linter)
    print(f"mtlint: {n} records checked into {args.output} (run again to resume after a stop)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
