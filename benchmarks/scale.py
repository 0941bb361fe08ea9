"""Scale benchmark: N synthetic reports through every stage; prints time and peak resident memory per stage.

    .venv/bin/python -m benchmarks.scale 1000          # or 10000; --workers 2; --keep DIR; --no-site; --bare

The reports carry prose as long and as varied as real reports' (``synthetic.narrative``: ≈ 2,850 characters a
report, the corpus 2,000–2,300; from a grammar that compresses and indexes about as real prose does, as
``benchmarks.prose_realism`` shows; figures measured before it replaced the sentence bank on 2026-12-01 had prose
that gzipped about five times better than real prose) and, since 2026-12-02, table 二 as real reports print it
(``synthetic.table2_values``: before, every synthetic report lacked it); ``--bare`` writes the one-word prose and
no table 二, as the figures measured before 2026-12-01 15:00 UTC.

Each stage runs in its own fresh process (``spawn``), so its peak RSS is its own (and its CPU time,
which a shared machine disturbs less than the wall clock, is shown beside it): the peak is the
larger of the stage process's peak and its largest worker's (``getrusage``; the parse stage's pool
workers are counted). Stages: parse (with a cold parse cache, as ``xxgk build`` runs), report card +
package write, validation (the build's streaming validator; Frictionless after it for comparison,
not counted), pages (spooled), mkdocs build of the editorial pages, the bulk pages rendered outside MkDocs
(pool, page cache), Pagefind — in one pipeline as ``xxgk build`` runs them (``stage_site``, with the validation
beside it in a process of its own, both peaks added), or each alone with ``--stages-apart``; then the
**incremental rebuilds**: 1 % of the reports changed (spread over all of them; with ``--region``, in a row), the
package rebuilt with the warm cache (only those are parsed again), validated, and the site rebuilt; then 1 % more
reports added (new agencies, named after the others) and the whole rebuilt again.
For the ratio, a plain ``mkdocs build`` of as many trivial pages with the same theme.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.machine_speed import reference_seconds
from benchmarks.synthetic import write_reports

ROOT = Path(__file__).resolve().parents[1]
PROSE_SAID = "prose like real reports' (length, compression, trigrams: benchmarks/prose_realism.py) and table 二"


def _peak_mib() -> float:
    """Peak RSS of this process or of its largest finished child, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children: on a shared machine
    this moves less than the wall clock."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _child(connection, function, args) -> None:
    start, cpu = time.perf_counter(), _cpu()
    value = function(*args)
    connection.send((value, time.perf_counter() - start, _cpu() - cpu, _peak_mib()))
    connection.close()


def in_process(function, *args):
    """``(value, seconds, CPU seconds, peak MiB)`` of ``function(*args)`` run in a fresh process; a stage
    process that dies before reporting (killed, out of memory) raises instead of leaving the benchmark waiting."""
    return _finish(_start(function, args))


def in_processes_together(*calls) -> tuple[list, float]:
    """Each ``(function, *args)`` of ``calls`` in a fresh process, all at once: ``([(value, seconds, CPU seconds,
    peak MiB)], seconds until the last is done)`` — the stages ``xxgk build`` overlaps (validation beside the site)."""
    start = time.perf_counter()
    running = [_start(function, args) for function, *args in calls]
    return [_finish(one) for one in running], time.perf_counter() - start


def _start(function, args):
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, function, args))
    process.start()
    send.close()  # only the child writes: once it is gone, recv() sees the end of the pipe
    return function, process, receive


def _finish(running):
    function, process, receive = running
    try:
        value = receive.recv()
    except EOFError:
        process.join()
        raise RuntimeError(f"stage {function.__name__} died before reporting ({process.exitcode})") from None
    process.join()
    if process.exitcode:
        raise RuntimeError(f"stage {function.__name__} failed ({process.exitcode})")
    return value


def stage_package(reports_dir: Path, package_dir: Path, workers: int, cache_dir: Path) -> dict:
    """``build_package`` as ``xxgk build`` runs it (budgeted process pool, parse cache, record store, streamed
    writer), parse and report card + write timed apart; peak RSS after each (the write's is the stage's)."""
    from xxgk.package.build import build_package

    multiprocessing.set_start_method(None, force=True)  # the parse pool starts its workers as under `xxgk build`
    # (this stage process was spawned, which would make the pool spawn its workers too: ≈ 0.5 s of CPU each)
    figures, mark = {}, [time.perf_counter(), _cpu()]

    def on_stage(name: str) -> None:
        figures[name] = (time.perf_counter() - mark[0], _cpu() - mark[1], _peak_mib())
        mark[:] = [time.perf_counter(), _cpu()]

    build_package(reports_dir, package_dir, workers=workers, budgeted=True, cache_dir=cache_dir, on_stage=on_stage)
    return figures


def stage_fast_validation(package_dir: Path) -> int:
    from xxgk.package.write import validate

    return len(validate(package_dir))


def stage_frictionless_validation(package_dir: Path) -> int:
    from xxgk.package.write import validate_frictionless

    return len(validate_frictionless(package_dir))


def stage_pages(package_dir: Path, site_src: Path, cache_dir: Path | None = None) -> None:
    """The pages, each taken from the last build's spool when its inputs are the same (as ``xxgk build``)."""
    from xxgk.site.build import write_site_src

    write_site_src(package_dir, site_src, cache_dir)


def stage_full_text(site: Path, cache_dir: Path | None = None) -> None:
    """Pagefind over ``site``'s source pages (shards whose pages were indexed before taken from ``cache_dir``)."""
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    index_full_text(site, reuse=ShardReuse(cache_dir))


def stage_mkdocs(config: Path, out: Path) -> None:
    """``mkdocs build`` of the editorial pages (the bulk pages are spooled apart, see ``stage_bulk``)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], check=True,
                   env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stage_bulk(site_src: Path, config: Path, out: Path, cache_dir: Path,
               previous: Path | None = None) -> tuple[int, int]:
    """The report, agency, source and redirect pages rendered outside MkDocs (pool of ``os.cpu_count()``),
    with the page cache in ``cache_dir``, the unchanged files of the site ``previous`` linked:
    ``(pages rendered, pages taken from the cache)``."""
    from xxgk.site.bulk import render_bulk
    from xxgk.site.page_cache import PageCache

    stats = render_bulk(site_src, config, out, PageCache.open(cache_dir, config), previous=previous)
    return len(stats.rendered), stats.reused


def stage_render(site_src: Path, config: Path, out: Path, cache_dir: Path) -> tuple[int, int]:
    """What ``xxgk build`` runs after the pages: ``render_site`` with ``full_text`` — ``mkdocs build`` of the
    editorial pages, the bulk pages (pool, page cache in ``cache_dir``) and Pagefind, overlapped:
    ``(pages rendered, pages taken from the cache)``."""
    from xxgk.site.build import render_site

    code, stats = render_site(site_src, config, out, cache_dir=cache_dir, full_text=True)
    if code or stats is None:
        raise RuntimeError(f"site rendering failed ({code})")
    return len(stats.rendered), stats.reused


def stage_site(package_dir: Path, site_src: Path, config: Path, out: Path, cache_dir: Path) -> tuple[int, int]:
    """The whole site as ``xxgk build`` makes it (``build_site``): the pages, ``mkdocs build``, the bulk pages and
    Pagefind in one pipeline beside the previous site (its unchanged files linked), swapped in, the previous site
    removed: ``(pages rendered, pages taken from the cache)``."""
    from xxgk.site.build import build_site

    code, stats = build_site(package_dir, site_src, out, cache_dir=cache_dir, config_file=config)
    if code or stats is None:
        raise RuntimeError(f"site build failed ({code})")
    return len(stats.rendered), stats.reused


def stage_swap(new: Path, site: Path) -> None:
    """``new`` put in place of ``site``, the previous site removed (``folders.swap_in``)."""
    from xxgk.folders import seal, swap_in

    seal(new)  # what the build wrote (mkdocs cleaned the folder first), as `xxgk build` seals its staging folder
    swap_in(new, site)


def plain_pages(site_src: Path, docs: Path) -> None:
    """As many trivial pages as the real site (editorial and bulk), at the same paths, for the baseline build."""
    from xxgk.site.bulk import spooled

    pages = [p.relative_to(site_src).as_posix() for p in site_src.rglob("*.md") if ".bulk" not in p.parts]
    for rel in pages + [e["src"] for e in spooled(site_src)]:
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\ntitle: page\n---\n\n# 页面\n\n内容。\n", encoding="utf-8")


def change_one_percent(reports_dir: Path, region: bool = False) -> list[Path]:
    """Add a sentence to every hundredth report (at least one): a realistic erratum. With ``region``, to 1 % of
    the reports in a row from 40 % of the way (the synthetic agencies are numbered county by county, so these are
    one region's): one region's reports re-published, which touches one or two of Pagefind's shards where the
    spread change touches every one (``fulltext.Cutter``)."""
    reports = sorted(p for p in reports_dir.iterdir() if p.suffix in (".txt", ".html"))
    start, count = len(reports) * 2 // 5, max(1, len(reports) // 100)
    changed = reports[start:start + count] if region else reports[:: 100] or reports[:1]
    for path in changed:
        text = path.read_text(encoding="utf-8")
        note = "附注：本报告已更正。"
        text = text.replace("</body>", f"<p>{note}</p></body>") if path.suffix == ".html" else f"{text}\n{note}\n"
        path.write_text(text, encoding="utf-8")
    return changed


def add_one_percent(reports_dir: Path, count: int, prose: bool = True) -> list[Path]:
    """Add 1 % more reports (at least one) to the ``count`` written before (with ``prose`` as they were): new
    agencies' reports, named after the others (``r<number>``), as a collection grows; the manifest gains their
    rows."""
    return write_reports(count + max(1, count // 100), reports_dir, start=count, prose=prose)


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
    if (pf / "shards.json").exists():  # index files are compressed already; a query loads a few chunks a shard
        from xxgk.site.fulltext import query_download_bound

        bound, detail = query_download_bound(pf)
        print(f"one full-text query, upper bound ({detail}): {bound / 1024:.0f} KiB")


def entries(cache_dir: Path) -> set[str]:
    """The parse cache's entry keys (``parse/<context>/entries.sqlite``)."""
    import sqlite3

    keys: set[str] = set()
    for file in cache_dir.glob("parse/*/entries.sqlite"):
        with sqlite3.connect(file) as conn:
            keys |= {key for (key,) in conn.execute("SELECT key FROM entries")}
    return keys


def build(work: Path, reports_dir: Path, package_dir: Path, args, site: bool) -> dict[str, tuple]:
    """One build's stages: ``{name: (seconds, CPU seconds, peak MiB)}``; bracketed names are not in the total."""
    from xxgk.site.build import config_for

    figures: dict[str, tuple] = {}
    stages, *_ = in_process(stage_package, reports_dir, package_dir, args.workers, work / "cache")
    figures["parse"], figures["report card + package write"] = stages["parse"], stages["write"]
    if site and not args.stages_apart:  # as xxgk build runs them: one pipeline, validation beside the site
        config = config_for(work / "site_src", work / "site.yml", ROOT)
        # the previous build's site is left in place: the stage builds beside it (linking its unchanged files),
        # swaps the new one in and deletes it, as `xxgk build` does
        (validated, built), seconds = in_processes_together(
            (stage_fast_validation, package_dir),
            (stage_site, package_dir, work / "site_src", config, work / "site", work / "cache"))
        problems, *figures["[validation (streaming), beside the site]"] = validated
        (rendered, reused), *figures["[site: pages + mkdocs + bulk + Pagefind]"] = built
        # both at once: the wall until both are done, their CPU added, their peaks added (both are alive)
        figures["validation beside the site"] = (seconds, validated[2] + built[2], validated[3] + built[3])
        print(f"  bulk pages: {rendered} rendered, {reused} from the page cache")
    else:
        problems, *figures["validation (streaming)"] = in_process(stage_fast_validation, package_dir)
    if problems:
        print(f"  invalid package: {problems} problems")
    if args.frictionless:
        _, *figures["[frictionless validation]"] = in_process(stage_frictionless_validation, package_dir)
    if site and args.stages_apart:  # each step alone, one after the other (what each costs)
        _, *figures["pages"] = in_process(stage_pages, package_dir, work / "site_src", work / "cache")
        config = config_for(work / "site_src", work / "site.yml", ROOT)
        from xxgk.folders import staging_for

        # beside the previous site, marked, as `xxgk build` builds (before: an unmarked .site.new, swapped in
        # unsealed, so the next build's swap took the previous site for someone's folder — 'glossary' is no
        # name an older xxgk wrote — and refused it: the incremental rebuilds died)
        new = staging_for(work / "site")
        _, *figures["mkdocs build (editorial)"] = in_process(stage_mkdocs, config, new)
        (rendered, reused), *figures["bulk pages (outside MkDocs)"] = in_process(
            stage_bulk, work / "site_src", config, new, work / "cache", work / "site")
        _, *figures["full-text index (Pagefind)"] = in_process(stage_full_text, new, work / "cache")
        _, *figures["swap, previous site removed"] = in_process(stage_swap, new, work / "site")
        print(f"  bulk pages: {rendered} rendered, {reused} from the page cache")
    return figures


def show(title: str, figures: dict[str, tuple]) -> float:
    print(title)
    for name, (seconds, cpu, peak) in figures.items():
        print(f"  {name:<44} {seconds:8.1f} s  (CPU {cpu:6.1f} s)   peak RSS {peak:7.0f} MiB")
    counted = [v for k, v in figures.items() if not k.startswith("[")]
    total = sum(v[0] for v in counted)
    print(f"  {'total':<44} {total:8.1f} s  (CPU {sum(v[1] for v in counted):6.1f} s)   "
          f"peak RSS {max(v[2] for v in counted):7.0f} MiB")
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--no-site", dest="site", action="store_false", help="package stages only")
    parser.add_argument("--no-frictionless", dest="frictionless", action="store_false",
                        help="skip the Frictionless comparison")
    parser.add_argument("--stages-apart", action="store_true",
                        help="the pages, mkdocs, the bulk pages and Pagefind one after the other, each timed alone "
                             "(default: one pipeline, as xxgk build runs them)")
    parser.add_argument("--region", action="store_true",
                        help="the 1 %% changed in a row (one region's reports re-published) instead of spread over all")
    parser.add_argument("--bare", dest="prose", action="store_false",
                        help="one word of prose a report (the figures before 2026-12-01 15:00 UTC) instead of "
                             "prose as long and as varied as real reports'")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="xxgk-bench-"))
    reports_dir, package_dir, site = work / "reports", work / "datapackage", work / "site"

    machine_before = reference_seconds()
    start = time.perf_counter()
    write_reports(args.count, reports_dir, prose=args.prose)
    print(f"reports: {args.count} on {os.cpu_count()} cores, {args.workers} parse workers, "
          f"{PROSE_SAID if args.prose else 'one word of prose, no table 二'} "
          f"(generated in {time.perf_counter() - start:.1f} s, not counted)")
    print(f"machine speed (benchmarks.machine_speed, lower is faster): {machine_before:.3f} CPU s before the build")
    full = build(work, reports_dir, package_dir, args, args.site)
    total = show("full build (cold parse cache):", full)
    validation = full.get("validation (streaming)") or full["[validation (streaming), beside the site]"]
    print(f"parse throughput: {args.count / full['parse'][0]:.0f} reports/s; streaming validation "
          f"{validation[0]:.1f} s = {validation[0] / total:.0%} of the build"
          + (f"; Frictionless {full['[frictionless validation]'][0]:.1f} s" if args.frictionless else ""))
    if args.site:
        from xxgk.site.build import config_for

        plain = work / "plain_src"
        plain_pages(work / "site_src", plain)  # the whole site through MkDocs: the old way's cost
        _, baseline, *_ = in_process(stage_mkdocs, config_for(plain, work / "plain.yml", ROOT), work / "plain_site")
        from benchmarks.site_size import report_page_paths

        pages = report_page_paths(site)  # report pages: a/<agency_id>/<year>.html
        page_sizes = [p.stat().st_size for p in pages]
        print(f"site size: {size(site) / 2**20:.1f} MiB; datapackage: {size(package_dir) / 2**20:.1f} MiB")
        print(f"HTML per report page: mean {sum(page_sizes) / len(page_sizes) / 1024:.1f} KiB, "
              f"max {max(page_sizes) / 1024:.1f} KiB")
        print_view_bytes(site)
        from benchmarks.site_size import site_on_disk  # du per top folder: issue 16's ≤ 40 KB a report, src/ excluded

        on_disk = site_on_disk(site)
        print("site on disk (du): " + ", ".join(f"{k} {v / args.count / 1000:.1f}" for k, v in on_disk.items()
                                                if k not in ("without src/", "total") and v >= args.count * 50)
              + " KB a report")
        print(f"site on disk without src/: {on_disk['without src/'] / args.count / 1000:.1f} KB a report")
        print(f"plain mkdocs build of {len(list(plain.rglob('*.md')))} pages: {baseline:.1f} s; "
              f"whole build / plain = {total / baseline:.2f}")

    before = entries(work / "cache")
    changed = change_one_percent(reports_dir, args.region)
    args.frictionless = False
    figures = build(work, reports_dir, package_dir, args, args.site)
    reparsed = len(entries(work / "cache") - before)
    show(f"incremental rebuild: {len(changed)} reports changed (1 %{', in a row' if args.region else ''}), "
         f"{reparsed} parsed again (warm cache):", figures)
    before = entries(work / "cache")
    added = add_one_percent(reports_dir, args.count, args.prose)
    figures = build(work, reports_dir, package_dir, args, args.site)
    reparsed = len(entries(work / "cache") - before)
    show(f"incremental rebuild: {len(added)} reports added (1 %), {reparsed} parsed (warm cache):", figures)
    print(f"machine speed (benchmarks.machine_speed): {reference_seconds():.3f} CPU s after the builds "
          f"({machine_before:.3f} before)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
