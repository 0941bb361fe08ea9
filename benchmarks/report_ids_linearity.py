"""Benchmark: report ids are given in time linear in the number of files. Prints seconds per 10,000 names for
n, 2n and 4n names; a linear ``report_ids`` keeps the figure flat as n doubles (before the hostile audit of
session 26 each id was checked against every id given so far: 40,000 files took 29 s, the build's own process, before
any report was read).

Run: .venv/bin/python benchmarks/report_ids_linearity.py [base count, default 25000]
"""

import sys
import time

from xxgk.package.collect import report_ids


def main() -> None:
    base = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    print(f"{'names':>10}{'seconds':>10}{'s / 10,000':>12}")
    for factor in (1, 2, 4):
        names = [f"r{n:07d}.txt" for n in range(base * factor)]
        start = time.perf_counter()
        report_ids(names)
        took = time.perf_counter() - start
        print(f"{len(names):>10}{took:>10.2f}{took / len(names) * 10_000:>12.3f}")


if __name__ == "__main__":
    main()
