"""Scale benchmark: N synthetic reports through every stage; prints the figures.

    .venv/bin/python -m benchmarks.scale 1000          # or 10000; --workers 2; --keep DIR

Stages timed: parse (all cores), report card + package write, Frictionless validation, pages,
mkdocs build; and, for the ratio, a plain ``mkdocs build`` of as many trivial pages with the same theme.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.synthetic import write_reports
from xxgk.gcpause import gc_paused
from xxgk.package.build import changelog, data_version
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card
from xxgk.package.write import package_files, validate, write_atomically
from xxgk.site.build import config_for, write_site_src
from xxgk.site.fulltext import index_full_text

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_build(config: Path, out: Path) -> float:
    start = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], check=True,
                   env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def plain_pages(site_src: Path, docs: Path) -> None:
    """As many trivial pages as the real site, at the same paths, for the baseline build."""
    for page in site_src.rglob("*.md"):
        target = docs / page.relative_to(site_src)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\ntitle: page\n---\n\n# 页面\n\n内容。\n", encoding="utf-8")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes())) if path.exists() else 0


def print_view_bytes(site: Path) -> None:
    """What one agency page, one compare view and one header search download (gzip, as served), the shared
    scripts and styles counted apart (the browser caches them after the first page)."""
    shared = sum(gz(p) for p in (site / "assets").rglob("*") if p.suffix in (".js", ".css"))
    agency_pages = [p / "index.html" for p in (site / "a").iterdir() if (p / "index.html").exists()]
    largest = max(agency_pages, key=lambda p: p.stat().st_size)
    json_dir = site / "json"
    measure = max((json_dir / "m").glob("*.json"), key=lambda p: gz(p))
    compare = gz(site / "compare" / "index.html") + gz(json_dir / "agencies.json") + gz(json_dir / "metrics.json")
    search = gz(json_dir / "agencies.json") + gz(json_dir / "search.json") + gz(site / "search" / "search_index.json")
    print(f"one agency page (largest of {len(agency_pages)}): {gz(largest) / 1024:.0f} KiB gz HTML, no data fetched")
    print(f"one compare view: {(compare + gz(measure)) / 1024:.0f} KiB gz (page + agencies + metrics + the largest "
          f"measure file, {measure.name}: {gz(measure) / 1024:.0f} KiB)")
    print(f"one header search (first query; later ones fetch nothing): {search / 1024:.0f} KiB gz")
    print(f"shared scripts and styles (cached after the first page): {shared / 1024:.0f} KiB gz")
    pf = site / "pagefind"
    if pf.exists():  # its index files are gzipped already; a query loads a few chunks and one fragment per result
        code = sum(gz(pf / n) for n in ("pagefind.js", "pagefind-worker.js"))
        code += (pf / "wasm.unknown.pagefind").stat().st_size
        chunks = sorted((p.stat().st_size for p in (pf / "index").iterdir()), reverse=True)
        fragments = sorted((p.stat().st_size for p in (pf / "fragment").iterdir()), reverse=True)
        bound = code + sum(chunks[:3]) + sum(fragments[:5])
        print(f"one full-text query, upper bound (code, 3 largest of {len(chunks)} index chunks, 5 largest "
              f"fragments): {bound / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-bench-"))
    reports_dir, package_dir, site_src, site = (work / n for n in ("reports", "datapackage", "site_src", "site"))
    timings = {}

    start = time.perf_counter()
    write_reports(args.count, reports_dir)
    timings["generate (not counted)"] = time.perf_counter() - start

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        reports = collect(reports_dir, pool)
    timings["parse"] = time.perf_counter() - start

    start = time.perf_counter()
    with gc_paused():  # as build_package does
        add_report_card(reports)
        write_atomically(package_files(reports, data_version(reports_dir), changelog(reports_dir)), package_dir)
    timings["report card + package write"] = time.perf_counter() - start

    start = time.perf_counter()
    errors = validate(package_dir)
    timings["frictionless validation"] = time.perf_counter() - start

    start = time.perf_counter()
    write_site_src(package_dir, site_src)
    timings["pages"] = time.perf_counter() - start

    timings["mkdocs build"] = mkdocs_build(config_for(site_src, work / "site.yml", ROOT), site)
    start = time.perf_counter()
    index_full_text(site)
    timings["pagefind (full text)"] = time.perf_counter() - start
    plain = work / "plain_src"
    plain_pages(site_src, plain)
    baseline = mkdocs_build(config_for(plain, work / "plain.yml", ROOT), work / "plain_site")

    pages = sorted((site / "a").glob("*/*/index.html")) + [  # report pages (r/<id>/ are redirects now)
        p for p in (site / "r").glob("*/index.html") if p.stat().st_size > 2048]
    page_sizes = [p.stat().st_size for p in pages]
    total = sum(v for k, v in timings.items() if "not counted" not in k)
    print(f"reports: {args.count} on {os.cpu_count()} cores, {args.workers} parse workers; invalid: {len(errors)}")
    for name, seconds in timings.items():
        print(f"  {name:<28} {seconds:8.1f} s")
    print(f"  {'total (package + site)':<28} {total:8.1f} s")
    print(f"parse throughput: {args.count / timings['parse']:.0f} reports/s")
    print(f"site size: {size(site) / 2**20:.1f} MiB; datapackage: {size(package_dir) / 2**20:.1f} MiB")
    print(f"HTML per agency page: mean {sum(page_sizes) / len(page_sizes) / 1024:.1f} KiB, "
          f"max {max(page_sizes) / 1024:.1f} KiB")
    print(f"search index: {gz(site / 'search' / 'search_index.json') / 1024:.0f} KiB gz; "
          f"agency search data: {(gz(site / 'json' / 'agencies.json') + gz(site / 'json' / 'search.json')) / 1024:.0f}"
          " KiB gz; "
          f"agency index page: {gz(site / 'agencies' / 'index.html') / 1024:.0f} KiB gz")
    print_view_bytes(site)
    print(f"plain mkdocs build of {len(list(plain.rglob('*.md')))} pages: {baseline:.1f} s; "
          f"whole build / plain = {total / baseline:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
