"""Reading time of a hostile ``sources.csv`` as it grows (session 46): the manifest is read in the build's own
process, outside every file's budget, so each figure should grow about linearly with its bytes.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_manifest

- a header of N columns over one row (its repeated names were counted column by column: 40,000 columns, 300 KB,
  took 27 CPU s before session 46);
- 1,000 columns over N rows of one letter (each row was made a dictionary of every column: 100,000 rows, 205 KB,
  took 7.9 CPU s, the time growing with columns × rows).

Prints, for each, N, the manifest's bytes, the CPU seconds of ``collect.read_manifest`` and the peak memory of the
process so far.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path


def _read(folder: Path) -> tuple[float, int]:
    from xxgk.package.collect import read_manifest

    start = time.process_time()
    rows, said = read_manifest(folder)
    said.findings()
    return time.process_time() - start, len(rows)


def _case(label: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "sources.csv").write_text(text, encoding="utf-8")
        seconds, rows = _read(folder)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(
            f"{label:<34} {len(text.encode()):>11,} B {seconds:7.2f} CPU s  {rows:>7} rows  peak {peak} MB", flush=True
        )


def main(scale: int = 1) -> None:
    from xxgk.readers import allow_long_csv_cells

    allow_long_csv_cells()  # (as a build does: a cell past csv's 128 KB default is read, not the whole file refused)
    for columns in (10_000, 40_000, 160_000, 1_000_000 * scale):
        _case(f"header of {columns:,} columns", "file," + ",".join(f"c{i}" for i in range(columns)) + "\na.txt\n")
    header = "file,agency,year," + ",".join(f"c{i}" for i in range(1_000))
    for rows in (25_000, 100_000, 190_000):
        _case(f"1,000 columns over {rows:,} rows", header + "\n" + "a\n" * rows)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
