"""A build on a local Dask cluster whose workers write the record store, and how 1,000,000 reports would split.

    .venv/bin/python -m benchmarks.cluster_simulation 2000        # N synthetic reports (at most 10,000 here)
    .venv/bin/python -m benchmarks.cluster_simulation 2000 --workers 4 --threads 1

Starts a ``distributed.LocalCluster`` of ``--workers`` processes × ``--threads`` threads (one process per
simulated machine), runs ``build_package`` with its executor and a ``--store`` folder they share, and prints:
per-worker task counts and compute seconds (Dask's task stream), the shards' sizes (taken when parsing ends),
the parent's merge (cross-report steps + streamed package write) and validation times, its peak RSS, and a
linear extrapolation to 1,000,000 reports on K machines: parsing divides by the machines' threads, the merge
and validation run on one machine and do not. Figures are per report as measured here; on a shared 2-core
machine four workers contend for two cores, so per-task seconds are inflated (CPU seconds are given too).
"""

from __future__ import annotations

import argparse
import math
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.synthetic import write_reports


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--target", type=int, default=1_000_000)
    parser.add_argument("--machine-threads", type=int, default=4, help="parse threads per machine, extrapolated")
    args = parser.parse_args()
    if args.count > 10_000:
        parser.error("at most 10,000 reports on this machine")

    import distributed

    from xxgk.package import cluster as plan
    from xxgk.package.build import build_package

    work = Path(tempfile.mkdtemp(prefix="xxgk-cluster-"))
    try:
        write_reports(args.count, work / "reports")
        store = work / "store"
        marks: dict[str, float] = {}
        shards: dict[str, int] = {}

        def on_stage(name: str) -> None:
            marks[name] = time.perf_counter()
            if name == "parse":
                shards.update({p.name: p.stat().st_size for p in store.glob("xxgk-store-*/*.sqlite")})

        cluster = distributed.LocalCluster(n_workers=args.workers, threads_per_worker=args.threads, processes=True,
                                           dashboard_address=None)
        with cluster, distributed.Client(cluster) as client:
            with distributed.get_task_stream(client) as stream:
                start = time.perf_counter()
                heads, errors = build_package(work / "reports", work / "datapackage", executor=client,
                                              store_dir=store, on_stage=on_stage)
                end = time.perf_counter()
        tasks: dict[str, list[float]] = defaultdict(list)
        for task in stream.data:
            if str(task["key"]).startswith("xxgk-parse-"):
                tasks[task["worker"]].append(sum(s["stop"] - s["start"] for s in task["startstops"]
                                                 if s["action"] == "compute"))
        parse_s, merge_s, validate_s = marks["parse"] - start, marks["write"] - marks["parse"], end - marks["write"]
        compute = sum(sum(t) for t in tasks.values())
        shard_bytes = sum(v for k, v in shards.items() if k.startswith("task-"))
        failed, verdict = sum(h.status == "failed" for h in heads), "valid" if not errors else f"{len(errors)} errors"
        print(f"{len(heads)} reports ({failed} failed), {verdict}; {args.workers} workers × {args.threads} thread(s)")
        for number, (_worker, times) in enumerate(sorted(tasks.items())):
            print(f"  worker {number}: {len(times):3d} tasks, {sum(times):7.1f} s computing "
                  f"({len(heads) * sum(times) / compute if compute else 0:.0f} reports' worth)")
        per_report = shard_bytes / max(1, len(heads))
        print(f"shards: {len(shards)} files, {sum(shards.values()) / 2**20:.1f} MiB ({per_report:.0f} bytes per report;"
              f" largest {max(shards.values()) / 2**20:.1f} MiB)")
        print(f"parse on the cluster {parse_s:.1f} s (tasks computing {compute:.1f} s); merge (cross-report steps + "
              f"streamed write) {merge_s:.1f} s; validation {validate_s:.1f} s; parent peak RSS {_peak_mib():.0f} MiB")

        n, per = args.target, {"parse": compute / args.count, "bytes": shard_bytes / args.count,
                               "merge": merge_s / args.count, "validate": validate_s / args.count}
        print(f"\nextrapolated to {n:,} reports (linear in N; {args.machine_threads} parse threads a machine):")
        print(f"  {'machines':>8} {'tasks':>7} {'files/task':>10} {'shards':>9} {'parse':>9} {'merge':>9} "
              f"{'validate':>9} {'total':>9}")
        for machines in (1, 4, 16, 64):
            threads = machines * args.machine_threads
            size = min(plan.MAX_CHUNK, max(1, math.ceil(n / (plan.CHUNKS_PER_THREAD * threads))))
            parse_h = n * per["parse"] / threads / 3600
            merge_h, validate_h = n * per["merge"] / 3600, n * per["validate"] / 3600
            print(f"  {machines:>8} {math.ceil(n / size):>7} {size:>10} {n * per['bytes'] / 2**30:>7.1f} G "
                  f"{parse_h:>7.2f} h {merge_h:>7.2f} h {validate_h:>7.2f} h {parse_h + merge_h + validate_h:>7.2f} h")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
