"""Peak memory of one resource's Parquet file written alone, as the package writer writes it, from a package's CSV
whose rows are repeated: what a collection ``--times`` as large would cost that step, without building it.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.parquet_memory PACKAGE sections --times 1 5 10 [--runs 3]

``PACKAGE`` is a written package (``xxgk build --out``; ``benchmarks.scale --keep`` or ``benchmarks.write_stage
--keep`` leave one). For each ``--times`` k its CSV's rows are written k times over into a scratch CSV (the header
once), and ``parquet.write_parquet_file`` writes it in a fresh process; printed: the process's resident size before,
its peak during the write (``VmHWM``), the CPU seconds of the write, and the file's row groups. Old code against
new: run it with the old code's ``build/`` first on ``PYTHONPATH`` (``git archive <sha> | tar -x -C /tmp/old``), in
turn. Session 44 found the package write's peak growing with the reports here (``benchmarks/SCALE.md``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import tempfile
import time
from pathlib import Path


def _status(field: str) -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith(field)) / 1024


def _write(csv: Path, name: str, description: str | None, target: Path, answer) -> None:
    """In a fresh process: reset the peak, write, send ``(MiB before, peak MiB, CPU s, row groups)``."""
    import pyarrow.parquet as pq

    from xxgk.package.parquet import write_parquet_file
    from xxgk.package.schema import resource_schema

    schema = resource_schema(name)
    with open("/proc/self/clear_refs", "w") as handle:  # the peak counted from here (Linux)
        handle.write("5")
    before, cpu = _status("VmRSS"), time.process_time()
    write_parquet_file(csv, schema, target, description)
    cpu, peak = time.process_time() - cpu, _status("VmHWM")
    meta = pq.ParquetFile(target).metadata
    answer.send((before, peak, cpu, [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]))


def repeated(source: Path, target: Path, times: int) -> None:
    """``source``'s header, then its rows ``times`` times (a CSV's header line has no line break inside)."""
    with open(source, "rb") as handle:
        header = handle.readline()
        with open(target, "wb") as out:
            out.write(header)
            for _ in range(times):
                handle.seek(len(header))
                shutil.copyfileobj(handle, out, 1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("package", type=Path)
    parser.add_argument("resource")
    parser.add_argument("--times", type=int, nargs="+", default=[1])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    package = json.loads((args.package / "datapackage.json").read_text(encoding="utf-8"))
    description = next((r.get("description") for r in package["resources"] if r["name"] == args.resource), None)
    work = Path(tempfile.mkdtemp(prefix="xxgk-parquet-memory-"))
    context = multiprocessing.get_context("spawn")
    try:
        for times in args.times:
            csv = work / f"{args.resource}.csv"
            repeated(args.package / "data" / f"{args.resource}.csv", csv, times)
            for run in range(args.runs):
                mine, theirs = context.Pipe()
                process = context.Process(target=_write, args=(csv, args.resource, description,
                                                               work / "out.parquet", theirs))
                process.start()
                before, peak, cpu, groups = mine.recv()
                process.join()
                print(f"{args.resource} x{times} run {run + 1}: {sum(groups):,} rows in {len(groups)} row groups "
                      f"(largest {max(groups):,}); before {before:.0f} MiB, peak {peak:.0f} MiB "
                      f"(+{peak - before:.0f}); {cpu:.1f} s CPU", flush=True)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
