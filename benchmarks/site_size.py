"""The site's size on disk per report (issue 16's target: ≤ 40 KB a report, source copies ``src/`` excluded).

    .venv/bin/python -m benchmarks.site_size 2000 --keep /tmp/xxgk-size   # package once, then the site
    .venv/bin/python -m benchmarks.site_size 2000 --keep /tmp/xxgk-size --site-only   # rebuild the site only

Generates N synthetic reports (``benchmarks.synthetic``; with prose and table 二 as real reports print them, as
``benchmarks.scale`` does; ``--bare`` for the one-word prose measured before 2026-12-04), builds the package
(skipped with ``--site-only`` when the kept folder has one) and the site with ``benchmarks.scale``'s stage
functions, then prints what ``du`` counts (allocated blocks, folders included) for each top folder of the site, in
total and per report, and the mean bytes of a report page and of an agency page; each site stage's time, CPU time
and peak RSS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.scale import ROOT, in_process, stage_bulk, stage_full_text, stage_mkdocs, stage_package, stage_pages
from benchmarks.synthetic import write_reports


def disk_usage(path: Path) -> int:
    """Bytes allocated to ``path`` and everything under it, folders included (what ``du -s -B1`` prints)."""
    total = path.lstat().st_blocks * 512
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            total += os.lstat(os.path.join(root, name)).st_blocks * 512
    return total


def site_on_disk(site: Path) -> dict[str, int]:
    """``{top folder or "(files at the root)": bytes on disk}`` of a built site, with ``"without src/"`` and
    ``"total"``."""
    out: dict[str, int] = {}
    loose = 0
    for child in sorted(site.iterdir()):
        if child.is_dir():
            out[child.name + "/"] = disk_usage(child)
        else:
            loose += child.lstat().st_blocks * 512
    out["(files at the root)"] = loose + site.lstat().st_blocks * 512
    total = sum(out.values())
    out["without src/"] = total - out.get("src/", 0)
    out["total"] = total
    return out


def report_page_paths(site: Path) -> list[Path]:
    """The report pages: files beside their agency's page (``a/<agency_id>/<year>.html``)."""
    return sorted(p for p in (site / "a").glob("*/*.html") if p.name != "index.html")


def agency_page_paths(site: Path) -> list[Path]:
    return sorted((site / "a").glob("*/index.html"))


def print_site_size(site: Path, reports: int) -> None:
    sizes = site_on_disk(site)
    print(f"site on disk (du) for {reports} reports:")
    for name, used in sizes.items():
        print(f"  {name:<22} {used / 2**20:9.1f} MiB  {used / reports / 1000:7.1f} KB a report")
    for label, pages in (("report page", report_page_paths(site)), ("agency page", agency_page_paths(site))):
        if pages:
            sizes_ = [p.stat().st_size for p in pages]
            blocks = Counter(-(-s // 4096) for s in sizes_)  # 4 KiB blocks a page takes on disk
            print(f"  {label}: {len(pages)} pages, mean {sum(sizes_) / len(sizes_) / 1000:.1f} KB, "
                  f"max {max(sizes_) / 1000:.1f} KB; 4 KiB blocks: "
                  + ", ".join(f"{n}: {c} pages" for n, c in sorted(blocks.items())))
    print(f"site on disk without src/: {sizes['without src/'] / reports / 1000:.1f} KB a report")


def main() -> None:
    from xxgk.site.build import config_for

    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--bare", dest="prose", action="store_false",
                        help="one word of prose a report and no table 二 (this script's only kind before 2026-12-04)")
    parser.add_argument("--site-only", action="store_true", help="reuse the kept folder's reports and package")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-size-"))
    reports_dir, package_dir, site = work / "reports", work / "datapackage", work / "site"
    if not (args.site_only and (package_dir / "datapackage.json").exists()):
        write_reports(args.count, reports_dir, prose=args.prose)
        in_process(stage_package, reports_dir, package_dir, os.cpu_count(), work / "cache")
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(work / "site_src", ignore_errors=True)
    shutil.rmtree(work / "page-cache", ignore_errors=True)  # a cold page cache: every page rendered
    config = config_for(work / "site_src", work / "site.yml", ROOT)
    stages = {"pages": (stage_pages, package_dir, work / "site_src"), "mkdocs build": (stage_mkdocs, config, site),
              "bulk pages": (stage_bulk, work / "site_src", config, site, work / "page-cache"),
              "full-text index": (stage_full_text, site)}
    for name, (function, *stage_args) in stages.items():
        _, seconds, cpu, peak = in_process(function, *stage_args)
        print(f"  {name:<16} {seconds:7.1f} s  (CPU {cpu:6.1f} s)   peak RSS {peak:6.0f} MiB")
    print_site_size(site, args.count)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
