"""Benchmark: parse throughput on the seeds, one core; prints reports/s. With ``--stage N``: the build's parse
stage (plan, budgeted pool of 2, record store, parse cache) on N synthetic reports, cold, warm, and after 1 %
of the files changed, each in a fresh process.

Run: .venv/bin/python benchmarks/parse_throughput.py
     .venv/bin/python -m benchmarks.parse_throughput --synthetic 500   # one core, N synthetic reports once each
     .venv/bin/python -m benchmarks.parse_throughput --synthetic 500 --prose   # the same with real-like prose
     .venv/bin/python -m benchmarks.parse_throughput --stage 2000 [--workers 2] [--keep DIR] [--prose]

The stage figures are wall time, CPU time (the stage process and its pool workers) and peak RSS, and the share
of the machine's CPU time that was busy while the stage ran (from /proc/stat): on a machine shared with other
work, near 100 % means the wall time is inflated by others, and CPU seconds are the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def seeds_throughput() -> None:
    from xxgk.parser import parse

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("reports").glob("*.txt"))]
    rounds = 40
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse(text)
    elapsed = time.perf_counter() - start
    count = rounds * len(texts)
    print(f"parsed {count} reports in {elapsed:.2f} s: {count / elapsed:.0f} reports/s (one core)")


def synthetic_throughput(count: int, prose: bool = False) -> None:
    """``count`` synthetic reports (``benchmarks.synthetic``, every layout in turn; with ``prose``, prose like real
    reports'), each parsed once as the build parses it (its text read first, outside the timing): reports/s on one
    core."""
    from benchmarks.synthetic import write_reports
    from xxgk.parser import parse
    from xxgk.readers import read_path

    with tempfile.TemporaryDirectory(prefix="xxgk-parse-bench-") as work:
        texts = [read_path(str(p)).parse_text for p in write_reports(count, Path(work), prose=prose)]
    parse(texts[0])  # the rules and patterns loaded once, as in a worker
    start = time.perf_counter()
    for text in texts:
        parse(text)
    elapsed = time.perf_counter() - start
    print(f"parsed {count} synthetic reports{' with prose' if prose else ''} in {elapsed:.2f} s: "
          f"{count / elapsed:.0f} reports/s (one core)")


def _machine_busy() -> tuple[int, int]:
    """(busy, idle) jiffies of the whole machine so far (Linux; zeros elsewhere)."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + fields[4]
    return sum(fields[:8]) - idle, idle


def parse_stage(reports: Path, cache: Path, workers: int) -> tuple[int, int]:
    """The parse stage of ``build_package`` as ``xxgk build`` runs it; ``(reports, files a worker parsed)``."""
    import multiprocessing

    from xxgk.package.collect import plan
    from xxgk.package.pool import parse_in_pool
    from xxgk.package.store import Store

    multiprocessing.set_start_method(None, force=True)  # the pool starts its workers as under `xxgk build` (a
    # spawned stage process would otherwise spawn them too: ≈ 0.5 s of imports a worker, not the build's cost)

    store = Store(Path(tempfile.mkdtemp(prefix="xxgk-parse-bench-")))
    try:
        heads, shards = parse_in_pool(plan(reports), store, workers, cache_dir=cache)
        pooled = sum(h.shard.startswith("pool-") for h in heads)
    finally:
        store.remove(store.shard_names())
    return len(heads), pooled


def stage(title: str, reports: Path, cache: Path, workers: int) -> None:
    from benchmarks.scale import in_process

    busy, idle = _machine_busy()
    (count, pooled), seconds, cpu, peak = in_process(parse_stage, reports, cache, workers)
    busy2, idle2 = _machine_busy()
    share = (busy2 - busy) / max(1, busy2 - busy + idle2 - idle)
    print(f"{title:<28} {count} reports, {pooled:>5} parsed in the pool: {seconds:6.2f} s wall, "
          f"{cpu:6.2f} s CPU, peak RSS {peak:5.0f} MiB (machine busy {share:.0%})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stage", type=int, help="N synthetic reports through the parse stage")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--synthetic", type=int, help="N synthetic reports parsed once each, one core")
    parser.add_argument("--prose", action="store_true", help="with --synthetic or --stage: prose like real reports' "
                        "(as benchmarks.scale writes them; without, one word of prose and no table 二)")
    args = parser.parse_args()
    if args.synthetic:
        synthetic_throughput(args.synthetic, args.prose)
        return
    if not args.stage:
        seeds_throughput()
        return
    from benchmarks.scale import change_one_percent
    from benchmarks.synthetic import write_reports

    work = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-parse-bench-"))
    reports, cache = work / "reports", work / "cache"
    if not reports.exists():
        write_reports(args.stage, reports, prose=args.prose)
    shutil.rmtree(cache, ignore_errors=True)
    print(f"{args.stage} synthetic reports{' with prose' if args.prose else ''}, {args.workers} workers, "
          f"{os.cpu_count()} cores")
    stage("cold cache", reports, cache, args.workers)
    stage("warm cache, nothing changed", reports, cache, args.workers)
    change_one_percent(reports)
    stage("warm cache, 1 % changed", reports, cache, args.workers)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
