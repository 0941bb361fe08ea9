"""Full-text index at scale: N source pages shaped like the site's ``src/*.html`` indexed by
``site/fulltext.py`` (Pagefind), in a fresh process; prints wall and CPU time, peak RSS (Pagefind's
own process included), index bytes and the upper bound of what one query downloads.

    .venv/bin/python -m benchmarks.fulltext_scale 10000            # or 1000 5000 20000 100000
    .venv/bin/python -m benchmarks.fulltext_scale 10000 --keep /tmp/site   # keep the site to look at

Pages are written without the pipeline, as ``report_page.source_page`` writes them (the same HTML shell,
one ``<span id="L…">`` per line, tables 二–四 marked ``data-pagefind-ignore``, the filters and the citation;
before 2026-12-04 the shell's fields had changed and this failed): each holds one of the seed reports' texts
(``reports/*.txt``) with its numbers redrawn and a synthetic agency's name (``benchmarks.synthetic.agency``), so
the vocabulary grows with N the way it does on real reports (numbers, names) while the prose repeats.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import random
import re
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.scale import in_process
from benchmarks.synthetic import agency

ROOT = Path(__file__).resolve().parents[1]
DIGITS = re.compile(r"\d+")


def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "reports").glob("*.txt"))]
    if not texts:
        raise SystemExit("no seed reports in reports/")
    return texts


def write_source_pages(count: int, site: Path, seed: int = 7) -> int:
    """``count`` pages ``site/src/<id>.html`` as the site writes them; returns their bytes."""
    from xxgk.site.fulltext import filter_attributes
    from xxgk.site.render import esc
    from xxgk.site.report_page import SOURCE_PAGE, TABLES_UNINDEXED
    from xxgk.site.source_cite import SOURCE_SCRIPT, source_citation
    from xxgk.site.table_lines import unindexed

    texts, rng = seed_texts(), random.Random(seed)
    (site / "src").mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        name, _ = agency(i // 4)
        year = 2021 + i % 4
        text = DIGITS.sub(lambda m, year=year: str(rng.randint(0, 10 ** len(m.group())) if len(m.group()) != 4
                                                   else year), texts[i % len(texts)])
        text = text.replace("市数据局", name)
        lines = [f'<span id="L{n}" data-n="{n}">{esc(line) or "&nbsp;"}</span>'
                 for n, line in enumerate(text.split("\n"), start=1)]
        for first, last in unindexed(text)[0]:  # tables 二–四, as report_page.source_page marks them
            lines[first - 1] = TABLES_UNINDEXED + lines[first - 1]
            lines[last - 1] += "</span>"
        title = esc(f"原文：{name}{year}年政府信息公开工作年度报告")
        row = {"agency": name, "year": year, "province": "某省", "source_file": f"{i}.txt", "published_date": "",
               "source_url": ""}
        filters = filter_attributes(row)
        back = f'<a href="../a/synthetic-{i // 4:06d}/{year}.html" data-pagefind-meta="report[href]">← 返回报告页</a>'
        page = SOURCE_PAGE.format(title=title, back=back, lines="\n".join(lines), year=filters["year"],
                                  province=filters["province"], cut="", cite=source_citation(row),
                                  script=SOURCE_SCRIPT)
        data = page.encode("utf-8")
        (site / "src" / f"r{i:06d}-{year}.html").write_bytes(data)
        total += len(data)
    return total


def index(site: Path, budget: int, workers: int) -> int:
    from xxgk.site.fulltext import index_full_text

    return index_full_text(site, budget=budget, workers=workers)


BENCH_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><script src="assets/search.js"></script></head><body><script>
window.measure = function (q) {  // what the header search does: all shards merged, the query, five results
  return window.xxgkAgencies.fullText().then(function (pf) { return pf.search(q); }).then(function (s) {
    return Promise.all(s.results.slice(0, 5).map(function (r) { return r.data(); })).then(function () {
      return s.results.length;
    });
  });
};
</script></body></html>
"""


class _Counting(SimpleHTTPRequestHandler):
    served: list = []

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        handle = super().send_head()
        if handle is not None and hasattr(handle, "name"):
            self.served.append(Path(handle.name))
        return handle


def served_bytes(files: list[Path]) -> tuple[int, int, int]:
    """``(code, index data, requests)`` as served: scripts gzipped; Pagefind's data files are compressed already."""
    code = sum(len(gzip.compress(p.read_bytes())) for p in files if p.suffix == ".js")
    code += sum(p.stat().st_size for p in files if p.name.startswith("wasm."))
    data = sum(p.stat().st_size for p in files if p.suffix != ".js" and not p.name.startswith("wasm."))
    return code, data, len(files)


def browser_query(site: Path, words: list[str]) -> list[tuple[str, int, tuple[int, int, int]]]:
    """Each query run in headless Chromium against ``site`` served locally, as the header search runs it:
    ``(words, results, served_bytes of what it fetched)``; each query in a fresh page with an empty cache."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    (site / "assets").mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "build/xxgk/site/assets/search.js", site / "assets" / "search.js")
    (site / "bench.html").write_text(BENCH_PAGE, encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disk-cache-size=1", "--incognito"):
        options.add_argument(flag)
    out = []
    try:
        for q in words:
            driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
            try:
                driver.set_script_timeout(300)
                driver.get(f"http://127.0.0.1:{httpd.server_address[1]}/bench.html")
                _Counting.served.clear()
                found = driver.execute_async_script(
                    "var done = arguments[arguments.length - 1]; window.measure(arguments[0]).then(done);", q)
                out.append((q, found, served_bytes(list(_Counting.served))))
            finally:
                driver.quit()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return out


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--keep", type=Path, help="write the site here and keep it")
    parser.add_argument("--budget-mib", type=float, help="HTML per shard (default: fulltext.SHARD_BYTES)")
    parser.add_argument("--workers", type=int, help="Pagefind runs at a time (default: fulltext.WORKERS)")
    parser.add_argument("--browser", action="store_true",
                        help="also run two queries in headless Chromium and count what they download")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-fulltext-"))
    site = args.keep or work / "site"
    try:
        pages = write_source_pages(args.count, site)
        from xxgk.site.fulltext import SHARD_BYTES, WORKERS

        budget = int(args.budget_mib * 2 ** 20) if args.budget_mib else SHARD_BYTES
        workers = args.workers or WORKERS
        code, seconds, cpu, peak = in_process(index, site, budget, workers)
        if code:
            raise SystemExit(f"Pagefind failed ({code})")
        from xxgk.site.fulltext import query_download_bound

        bundle = site / "pagefind"
        bound, detail = query_download_bound(bundle)
        print(f"{args.count} source pages ({pages / 2 ** 20:.0f} MiB), shards of ≤ {budget / 2 ** 20:.0f} MiB, "
              f"{workers} at a time: Pagefind {seconds:.1f} s "
              f"(CPU {cpu:.1f} s), peak RSS {peak:.0f} MiB a run (runs at once add up), "
              f"index {tree_bytes(bundle) / 2 ** 20:.1f} MiB")
        print(f"one full-text query downloads at most {bound / 1024:.0f} KiB ({detail})")
        if args.browser:  # a word in every report, and a rare one (one agency's county)
            rare = agency(args.count // 8)[0][:3]
            for q, found, (code, data, requests) in browser_query(site, ["政府信息公开", rare]):
                print(f"query {q!r} in Chromium: {found} reports; fetched {requests} files: code "
                      f"{code / 1024:.0f} KiB (gzipped), index data {data / 1024:.0f} KiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
