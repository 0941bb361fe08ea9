"""What the site writes for inputs that grow without adding information (session 28, third hostile-input audit):

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_outputs [N]

- N empty files beside two reports: the bulk pages spooled (report, agency and source pages) in all, and the
  quality page (which lists each such file with its reason, ``titles.pageless_reports``; before session 28 each
  had a report page and a source page: 10,000 of them made a 138 MB site);
- N short texts that are no report (``titles.source_only_reports``): the report pages spooled for them;
- one agency with N reports (years 1990–2100, several a year): its page's bytes and its list pages'
  (``agency_page.AGENCY_ROWS_SHOWN``, ``AGENCY_LIST_ROWS``; 1,500 reports made a 1.1 MB page before).

Figures are bytes of the pages' HTML bodies as spooled (before the theme; no MkDocs run), so they compare builds.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_outputs site N

- N junk texts in a whole built site (MkDocs, the full-text index, the sitemap, with a ``site_url``), against the
  same site without them: what each costs on disk in its source page, the full-text index (Pagefind's fragments,
  and its metadata, which every search loads) and the sitemap (session 30, 2,000 junk texts: 1,140 bytes of source
  page, 221 of fragment, 5.5 of search metadata, 67 of sitemap, 2.9 KB of site each, the package's downloads and the
  quality page's row included: a twentieth of a report's 59 KB; kept, as a misread report's text is found so).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.factory import tab_report


def _spooled(site_src: Path) -> dict[str, int]:
    from xxgk.site.bulk import page_html, spooled

    return {entry["src"]: len(page_html(entry).encode()) for entry in spooled(site_src)}


def _build(reports: Path, work: Path) -> dict[str, int]:
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    build_package(reports, work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    return _spooled(work / "site_src")


def _two_reports(work: Path) -> Path:
    """``work/reports`` holding two clean reports of two agencies, beside which each case adds its files."""
    reports = work / "reports"
    reports.mkdir()
    for name, agency in (("a.txt", "格尔木市民政局"), ("b.txt", "格尔木市教育局")):
        (reports / name).write_text(tab_report(agency=agency), encoding="utf-8")
    return reports


def empty_files(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        reports = _two_reports(Path(tmp))
        for k in range(n):
            (reports / f"empty{k}.txt").write_bytes(b"")
        pages = _build(reports, Path(tmp))
        files = list((Path(tmp) / "site_src").rglob("*"))
        quality = (Path(tmp) / "site_src" / "quality.md").stat().st_size
        print(f"{n} empty files: {len(pages)} bulk pages, {sum(pages.values()):,} bytes; "
              f"{sum(1 for f in files if f.is_file()):,} files in site_src; quality.md {quality:,} bytes")


JUNK_TEXTS = ("会议纪要：无。", "请假条\n因事请假一天。", "hello world", "通知：明天停水。\n物业")


def junk_files(n: int) -> None:
    """N short texts that are no report (no agency, no year, no table) beside two reports: the pages spooled for
    them (before session 29 a report page each, beside its source page: 200 made 200 report pages, 402 KB of
    bodies before the theme; now their source page is their page, ``titles.source_only_reports``), and the quality
    page."""
    with tempfile.TemporaryDirectory() as tmp:
        reports = _two_reports(Path(tmp))
        for k in range(n):
            (reports / f"junk{k}.txt").write_text(f"{JUNK_TEXTS[k % len(JUNK_TEXTS)]}\n{k}", encoding="utf-8")
        pages = _build(reports, Path(tmp))
        report = {s: v for s, v in pages.items() if s.startswith("r/")}
        sizes = {name: (Path(tmp) / "site_src" / name).stat().st_size for name in ("quality.md", "agencies.md")}
        print(f"{n} junk texts: {len(pages)} bulk pages, {sum(pages.values()):,} bytes "
              f"(report pages r/: {len(report)}, {sum(report.values()):,} bytes; the largest: {max(pages.values()):,});"
              f" quality.md {sizes['quality.md']:,} bytes, agencies.md {sizes['agencies.md']:,} bytes")


def one_agency(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        reports = Path(tmp) / "reports"
        reports.mkdir()
        for k in range(n):
            year = 1990 + k % 111
            (reports / f"r{k:05}.txt").write_text(tab_report(agency="格尔木市民政局", year=year, carried_over=k),
                                                  encoding="utf-8")
        pages = _build(reports, Path(tmp))
        agency = {src: size for src, size in pages.items() if src.startswith("a/") and not src[-7:-3].isdigit()
                  and "-" not in src.rsplit("/", 1)[-1][:4]}
        main = {s: v for s, v in agency.items() if s.endswith("index.md")}
        lists = {s: v for s, v in agency.items() if "/reports-" in s}
        print(f"one agency of {n} reports: agency page {sum(main.values()):,} bytes; {len(lists)} list pages, "
              f"largest {max(lists.values(), default=0):,} bytes")


def _site_sizes(reports: Path, work: Path) -> dict[str, int]:
    """Bytes of the built site of ``reports``: its source pages, its full-text index (fragments and the metadata
    every search loads), its sitemap files, and in all."""
    import os
    import subprocess

    env = {**os.environ, "XXGK_SITE_URL": "https://example.org/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "xxgk.cli", "build", "--reports", str(reports), "--out", str(work / "pkg"),
                    "--site", str(work / "site"), "--no-cache", "--workers", "1", "--quiet"], env=env, check=True,
                   capture_output=True)
    site = work / "site"

    def size(pattern: str) -> int:
        return sum(f.stat().st_size for f in site.glob(pattern) if f.is_file())

    return {"source pages": size("src/*"), "full-text fragments": size("pagefind/*/fragment/*"),
            "full-text metadata": size("pagefind/*/*.pf_meta"), "sitemap": size("sitemap-*.xml"),
            "site": size("**/*")}


def junk_site(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        reports = _two_reports(Path(tmp))
        before = _site_sizes(reports, Path(tmp) / "before")
        for k in range(n):
            (reports / f"junk{k}.txt").write_text(f"{JUNK_TEXTS[k % len(JUNK_TEXTS)]}\n{k}", encoding="utf-8")
        after = _site_sizes(reports, Path(tmp) / "after")
        print(f"{n} junk texts in a built site: " + "; ".join(
            f"{name} +{after[name] - before[name]:,} bytes ({(after[name] - before[name]) / n:,.1f} a text)"
            for name in after))


def main() -> None:
    if sys.argv[1:2] == ["site"]:
        junk_site(int(sys.argv[2]) if len(sys.argv) > 2 else 300)
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    empty_files(n)
    junk_files(n)
    one_agency(n)


if __name__ == "__main__":
    main()
