"""Steps of the package write replayed alone on the same captured inputs: CPU seconds a run and the output's hash.

    .venv/bin/python -m benchmarks.package_steps 2000 --keep DIR [--runs 3] [--step workbook]

The first call generates N synthetic reports (``benchmarks.synthetic``) into ``DIR/reports-N``, builds their
package once (``build_package``, helper process, parse cache in ``DIR/cache-N``) and keeps what the chosen steps
read: the workbook's spools (``stream.build_workbook``'s input) and the written package (``xxgk.db``'s and
Parquet's input). Later calls replay the steps on those inputs only, ``--runs`` times each, in this process, and
print each run's CPU time (``time.process_time``: a shared machine disturbs it less than the wall clock) and the
SHA-256 of what the step wrote. Run it with another tree's code first on ``PYTHONPATH``
(``PYTHONPATH=<old>/build:.``) and alternate: equal hashes say the bytes did not change, the CPU times say what the
change saved. Steps: ``workbook`` (``build_workbook``), ``database`` (``query_files.write_database``),
``downloads`` (the site's ``downloads.copy_downloads`` of the written package: its hash covers every file written).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def _capture(n: int, keep: Path) -> None:
    """Build the package of ``keep/reports-n`` once, keeping the spools and the package in ``keep``."""
    from benchmarks.synthetic import write_reports
    from xxgk.package import stream
    from xxgk.package.build import build_package

    reports = keep / f"reports-{n}"
    if not reports.is_dir():
        write_reports(n, reports)
    spools = keep / f"spools-{n}"
    spools.mkdir()
    original = stream.build_workbook

    def copying(target, work, names, paths):
        for k, path in enumerate(paths):
            shutil.copyfile(path, spools / f"spool-{k}")
        return original(target, work, names, paths)

    stream.build_workbook = copying
    try:
        build_package(reports, keep / f"package-{n}", workers=2, budgeted=True, cache_dir=keep / f"cache-{n}")
    finally:
        stream.build_workbook = original


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def workbook(n: int, keep: Path, scratch: Path) -> str:
    from xxgk.package.stream import build_workbook, resources

    target = scratch / "xxgk.xlsx"
    build_workbook(target, scratch / "xlsx", resources(), sorted((keep / f"spools-{n}").iterdir()))
    return _digest(target)


def database(n: int, keep: Path, scratch: Path) -> str:
    import json

    from xxgk.package.query_files import write_database
    from xxgk.package.sqlite_db import DB_NAME
    from xxgk.package.stream import resources

    package = keep / f"package-{n}"
    paths = {name: package / "data" / f"{name}.csv" for name in resources()}
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.pop("x_xxgk_query_files", None)
    write_database(scratch, paths, descriptor)
    return _digest(scratch / DB_NAME)


def downloads(n: int, keep: Path, scratch: Path) -> str:
    from xxgk.site.downloads import copy_downloads

    copy_downloads(keep / f"package-{n}", scratch / "downloads")
    digest = hashlib.sha256()
    for path in sorted(p for p in (scratch / "downloads").rglob("*") if p.is_file()):
        digest.update(path.relative_to(scratch).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


STEPS = {"workbook": workbook, "database": database, "downloads": downloads}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--step", choices=sorted(STEPS), action="append")
    args = parser.parse_args()
    args.keep.mkdir(parents=True, exist_ok=True)
    if not (args.keep / f"spools-{args.n}").is_dir():
        _capture(args.n, args.keep)
    for name in args.step or sorted(STEPS):
        times, digests = [], set()
        for _ in range(args.runs):
            scratch = Path(tempfile.mkdtemp(prefix="xxgk-steps-"))
            try:
                start = time.process_time()
                digests.add(STEPS[name](args.n, args.keep, scratch))
                times.append(time.process_time() - start)
            finally:
                shutil.rmtree(scratch)
        print(f"N={args.n} {name}: CPU {statistics.median(times):.2f} s median ({min(times):.2f}–{max(times):.2f}, "
              f"{args.runs} runs), output {' '.join(sorted(digests))}", flush=True)


if __name__ == "__main__":
    main()
