"""What the query formats (xxgk.db, metadata.json, parquet/) add to the package write; prints the figures.

    .venv/bin/python -m benchmarks.query_files            # the seeds in reports/
    .venv/bin/python -m benchmarks.query_files 1000       # 1,000 synthetic reports

Times ``package_files`` (everything the package holds, in memory) and, within it, ``query_files``
(SQLite with its indexes, FTS index and views; Datasette metadata; one Parquet file per resource).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_reports
from xxgk.package import write
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    if len(sys.argv) > 1:
        reports_dir = Path(tempfile.mkdtemp(prefix="xxgk-query-bench-")) / "reports"
        write_reports(int(sys.argv[1]), reports_dir)
    else:
        reports_dir = ROOT / "reports"
    reports = collect(reports_dir, None)
    add_report_card(reports)
    spent = []
    timed = write.query_files

    def query_files(*args):
        start = time.perf_counter()
        out = timed(*args)
        spent.append(time.perf_counter() - start)
        return out

    write.query_files = query_files
    start = time.perf_counter()
    files = write.package_files(reports, "0.1.0")
    total = time.perf_counter() - start
    write.query_files = timed
    query = {p: len(d) for p, d in files.items() if p == "xxgk.db" or p == "metadata.json" or p.startswith("parquet/")}
    csvs = sum(len(d) for p, d in files.items() if p.startswith("data/"))
    print(f"reports: {len(reports)}")
    print(f"  package_files total        {total:8.2f} s")
    print(f"  of which query_files       {spent[0]:8.2f} s ({100 * spent[0] / total:.0f} %)")
    print(f"  xxgk.db                    {query['xxgk.db'] / 1024:8.0f} KiB")
    parquet = sum(v for k, v in query.items() if k.startswith("parquet/"))
    print(f"  parquet/ (all)             {parquet / 1024:8.0f} KiB")
    print(f"  data/*.csv (for scale)     {csvs / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
