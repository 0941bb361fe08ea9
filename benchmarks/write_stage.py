"""The package stage's "report card + streamed package write" alone: wall, CPU and peak RSS; or its profile.

    .venv/bin/python -m benchmarks.write_stage 2000 [--keep DIR] [--runs 2] [--profile]

Generates N synthetic reports (``benchmarks.synthetic``; kept in ``--keep DIR`` and reused when there), then
runs ``build_package`` as ``xxgk build`` does (budgeted pool of 2, parse cache) in a fresh process per run
(``benchmarks.scale.in_process``) and prints the write stage's figures: wall, CPU of the stage's process and
its finished children (the writer's helper processes), and peak RSS (the larger of the process's and its
largest child's — parse workers included, so a peak below theirs is not seen). The first run fills the
parse cache; ``--runs`` more show the stage with a warm cache. ``--profile`` prints the top of a cProfile
of the write stage only (the parent process: helper processes are not profiled; ``XXGK_SORT=tottime`` sorts
it by own time instead of cumulative). ``--serial``: the stage
without its helper process (``stream.PARALLEL_REPORTS`` out of reach), for comparison. ``--cold-render``: every
run with an empty render cache (the series settled and rendered again, as in a full build) and the parse cache
warm after the first: the stage as a full build runs it, repeatable. Old code against new: run it with the old
code's ``build/`` first on ``PYTHONPATH`` (``git archive <sha> build | tar -x -C /tmp/old``), each with its own
``--keep``, in turn.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.scale import _cpu, _peak_mib, in_process
from benchmarks.synthetic import write_reports


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage(reports_dir: Path, package_dir: Path, cache_dir: Path, profile: bool, serial: bool = False) -> tuple:
    """``(wall, CPU, this process's CPU, peak MiB, profile text)`` of the write stage of one ``build_package``
    (its helper process has ended when the stage does: its CPU time is in the children's)."""
    from xxgk.package import stream
    from xxgk.package.build import build_package

    if serial:
        stream.PARALLEL_REPORTS = 1 << 62  # no helper process: the whole stage in this one
    mark, out, profiler = [0.0, 0.0, 0.0], [], cProfile.Profile()

    def on_stage(name: str) -> None:
        if name == "parse":
            mark[:] = [time.perf_counter(), _cpu(), _own_cpu()]
            if profile:
                profiler.enable()
        elif name == "write":
            if profile:
                profiler.disable()
            out.extend([time.perf_counter() - mark[0], _cpu() - mark[1], _own_cpu() - mark[2], _peak_mib()])

    build_package(reports_dir, package_dir, workers=2, budgeted=True, cache_dir=cache_dir, on_stage=on_stage)
    text = ""
    if profile:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(os.environ.get("XXGK_SORT", "cumulative")).print_stats(45)
        text = buffer.getvalue()
    return (*out, text)


def _empty_render_cache(cache_dir: Path) -> None:
    """The render cache's entries dropped from every parse-cache file under ``cache_dir`` (the parse entries kept)."""
    import sqlite3

    from xxgk.package.render_cache import TABLE

    for path in cache_dir.rglob("entries.sqlite"):
        conn = sqlite3.connect(path)
        try:
            conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
            conn.commit()
        finally:
            conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--runs", type=int, default=1, help="runs after the first (warm parse cache)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--serial", action="store_true", help="without the helper process (as before it)")
    parser.add_argument("--cold-render", action="store_true", help="each run with an empty render cache")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-write-bench-"))
    base = args.keep or work
    reports_dir = base / f"reports-{args.n}"
    if not reports_dir.is_dir():
        write_reports(args.n, reports_dir)
    try:
        for run in range(1 + args.runs):
            warm = (base / f"cache-{args.n}").exists()
            if args.cold_render:
                _empty_render_cache(base / f"cache-{args.n}")
            (wall, cpu, own, peak, text), *_ = in_process(stage, reports_dir, work / "package",
                                                          base / f"cache-{args.n}", args.profile and run == args.runs,
                                                          args.serial)
            print(f"N={args.n} run {run + 1}: write stage {wall:.1f} s wall, {cpu:.1f} s CPU ({own:.1f} s in the "
                  f"parent, {cpu - own:.1f} s in its helper), peak RSS {peak:.0f} MiB "
                  f"({'warm' if warm else 'cold'} parse cache; load average {os.getloadavg()[0]:.1f})", flush=True)
            if text:
                print(text)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
