"""The build's validator (``package/fast_validate.py``) on a large package: the committed seed package
(``datapackage/``) cloned, its reports and every row naming one repeated with new report ids, to about ROWS
rows; prints the rows, the package's size, and the validator's wall and CPU time and peak RSS (in a fresh
process). The cloned package is valid, so every row is read, typed and keyed and no problem is listed.

    .venv/bin/python -m benchmarks.validate_scale 20000000        # ≈ 100,000 reports
    .venv/bin/python -m benchmarks.validate_scale 2000000 --keep /tmp/pkg

With ``--keep`` a package already there (a ``datapackage.json`` in it) is validated as it is, not cloned again: run
it with another tree's code first on ``PYTHONPATH`` (``PYTHONPATH=<old>/build:.``) and alternate, on the same bytes.
``--workers 1`` validates in one process (``validate_package``'s ``workers``; the build's is 2).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

from benchmarks.scale import in_process

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "datapackage"


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def clone_package(target: Path, rows: int) -> tuple[int, int]:
    """The seed package with its report rows cloned to about ``rows`` rows in all; ``(rows, reports)``."""
    descriptor = json.loads((SEED / "datapackage.json").read_text(encoding="utf-8"))
    (target / "data").mkdir(parents=True)
    shutil.copyfile(SEED / "datapackage.json", target / "datapackage.json")
    per_report, fixed = {}, 0
    for resource in descriptor["resources"]:
        header, body = _rows(SEED / resource["path"])
        if "report_id" in header:
            per_report[resource["path"]] = (header, body)
        else:
            shutil.copyfile(SEED / resource["path"], target / resource["path"])
            fixed += len(body)
    seed_rows = sum(len(body) for _, body in per_report.values())
    copies = max(1, round((rows - fixed) / seed_rows))
    total = fixed
    for path, (header, body) in per_report.items():
        at = header.index("report_id")
        # each row once as CSV with a placeholder for its report id, then formatted per copy
        templates = [(row[at], _line(row[:at] + ["\0"] + row[at + 1:]).replace("%", "%%").replace("\0", "%s"))
                     for row in body]
        with (target / path).open("w", encoding="utf-8-sig", newline="") as handle:  # as the package writes
            handle.write(_line(header))
            for k in range(copies):
                suffix = f"-c{k:06d}"
                handle.write("".join(template % (rid + suffix) for rid, template in templates))
        total += copies * len(body)
    return total, copies * len(per_report["data/reports.csv"][1])


def validate(package: Path, workers: int = 2) -> int:
    from xxgk.package.fast_validate import validate_package

    return len(validate_package(package, workers=workers))


def _counted(package: Path) -> tuple[int, int]:
    """``(rows, reports)`` of a package already written (data rows of every CSV; rows of ``reports.csv``)."""
    def rows(path: Path) -> int:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return sum(1 for _ in csv.reader(handle)) - 1

    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: package / r["path"] for r in descriptor["resources"]}
    return sum(map(rows, paths.values())), rows(paths["reports"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("--keep", type=Path, help="write the package here and keep it (or use the one there)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-validate-"))
    package = args.keep or work / "pkg"
    try:
        kept = args.keep is not None and (args.keep / "datapackage.json").is_file()
        rows, reports = _counted(package) if kept else clone_package(package, args.rows)
        size = sum(p.stat().st_size for p in package.rglob("*.csv"))
        problems, seconds, cpu, peak = in_process(validate, package, args.workers)
        print(f"{rows:,} rows ({reports:,} reports, CSV {size / 2 ** 20:.0f} MiB): fast_validate {seconds:.1f} s "
              f"(CPU {cpu:.1f} s, {rows / seconds:,.0f} rows/s), peak RSS {peak:.0f} MiB, {problems} problems")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
