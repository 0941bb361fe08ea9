"""The bulk pages alone, on a kept benchmark folder: CPU a page, cold (empty page cache) or without a cache.

    .venv/bin/python -m benchmarks.scale 2000 --stages-apart --keep /tmp/b2000   # once: reports, package, spool
    .venv/bin/python -m benchmarks.bulk_render /tmp/b2000 [--workers 2] [--no-cache] [--repeat 3]

Each run renders ``site_src/.bulk/`` into a fresh folder with
``bulk.render_bulk`` (a pool of ``--workers``, as ``xxgk build`` runs it) in a fresh process, and prints
the pages rendered, wall time, CPU split into user and system time (this process and its workers: the
system part is mostly the kernel creating files and folders, which moves with the machine's load), CPU a
page and peak RSS. Run it with ``PYTHONPATH=<another checkout>/build`` to time another version.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
from pathlib import Path

from benchmarks.scale import in_process


def _usage() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime


def render(work: Path, out: Path, cache: Path | None, workers: int) -> tuple[int, float, float]:
    """``(pages rendered, user CPU s, system CPU s)`` of one bulk rendering (this process and its pool)."""
    from xxgk.site.bulk import render_bulk
    from xxgk.site.page_cache import PageCache

    config = work / "site.yml"
    user, system = _usage()
    stats = render_bulk(work / "site_src", config, out, PageCache.open(cache, config) if cache else None,
                        workers=workers)
    after = _usage()
    return len(stats.rendered), after[0] - user, after[1] - system


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", type=Path, help="a folder kept by benchmarks.scale --keep")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cache", dest="cache", action="store_false", help="no page cache (default: a cold one)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    import xxgk.site.bulk

    print(f"bulk pages of {args.work} with {xxgk.site.bulk.__file__}, {args.workers} workers, "
          f"{'a cold page cache' if args.cache else 'no page cache'}")
    for _ in range(args.repeat):
        scratch = Path(tempfile.mkdtemp(prefix="xxgk-bulk-", dir=args.work))
        try:
            out = scratch / "site"  # written into as a new site is (MkDocs is set up from site_src and the config)
            (pages, user, system), wall, _, peak = in_process(render, args.work, out,
                                                              scratch / "cache" if args.cache else None, args.workers)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        cpu = user + system
        print(f"  {pages} pages: wall {wall:.1f} s, CPU {cpu:.1f} s (user {user:.1f}, system {system:.1f}) = "
              f"{cpu / pages * 1000:.2f} ms a page (user {user / pages * 1000:.2f}); peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
