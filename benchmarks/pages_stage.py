"""The site's pages stage alone (``write_site_src``: ``site_src/`` and the bulk spool): wall, CPU, peak RSS; or
its profile.

    .venv/bin/python -m benchmarks.pages_stage 2000 [--keep DIR] [--runs 2] [--profile]

Generates N synthetic reports (``benchmarks.synthetic``) and their package once (kept in ``--keep DIR`` and
reused when there), then runs ``benchmarks.scale.stage_pages`` in a fresh process per run
(``benchmarks.scale.in_process``) and prints wall, CPU (the process and its finished children) and peak RSS; then
the CPU of the stage's own process and of its helper (``site/pages_helper.py``, from 1,000 reports on and, since
session 32, only with more than two usable cores: ``pages_helper.HELPER_CORES``) apart, and the helper's peak: on
two cores the stage's wall is at least the larger CPU of the two, whatever else runs.
``--profile`` prints the top of a cProfile of one more run (in this process, after the timed runs).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.scale import in_process, stage_package, stage_pages
from benchmarks.synthetic import write_reports


def stage_pages_apart(package_dir: Path, site_src: Path) -> tuple[float, float, float]:
    """``stage_pages``, returning the CPU seconds of this process and of its finished children (the pages helper),
    and the children's peak RSS in MiB."""
    start = time.process_time()
    stage_pages(package_dir, site_src)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() - start, children.ru_utime + children.ru_stime, children.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--keep", type=Path, help="work folder to keep and reuse (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-pages-"))
    reports_dir, package_dir, site_src = work / "reports", work / "datapackage", work / "site_src"
    if not (package_dir / "datapackage.json").is_file():
        write_reports(args.count, reports_dir)
        in_process(stage_package, reports_dir, package_dir, 2, work / "cache")
    print(f"pages stage at N = {args.count}:")
    for _ in range(args.runs):
        (own, helper, helper_peak), wall, cpu, peak = in_process(stage_pages_apart, package_dir, site_src)
        print(f"  wall {wall:6.1f} s   CPU {cpu:6.1f} s   peak RSS {peak:6.0f} MiB   (CPU: the stage's process "
              f"{own:5.1f} s, its helper {helper:5.1f} s; the helper's peak {helper_peak:4.0f} MiB)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(stage_pages, package_dir, site_src)
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(40)
        print(buffer.getvalue())
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(60)
        print(buffer.getvalue())
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
