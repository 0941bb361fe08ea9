"""The full-text index's part of a rebuild: how many Pagefind shards, and how much CPU, a change to the reports costs
when the shards indexed before are in the cache (``site/fulltext_reuse.py``).

    .venv/bin/python -m benchmarks.fulltext_rebuild SITE [--repeat 3]

``SITE`` is a built site (``benchmarks.scale N --keep DIR`` leaves one in ``DIR/site``); only its source pages
(``src/*.html``) are read — the full-text index reads nothing else. Each scenario starts from the same state: the
pages as built, indexed once with a cache (the cold index, measured), the cache copied (hard links) so every
scenario finds it as the last build left it. Scenarios, each 1 % of the pages:

* ``spread``: every hundredth page gains a sentence (``benchmarks.scale``'s change: ``reports[::100]``);
* ``region``: 1 % consecutive pages (from 40 % of the way) gain it — one region's reports re-published (the
  synthetic agencies, like real file names, are grouped by region in name order);
* ``inserted``: 1 % new pages whose names sort among those of one region's (``r000800b-…`` after ``r000800-…``):
  a new year's reports of one region;
* ``appended``: 1 % new pages named after all the others (``benchmarks.scale``'s added reports);
* ``corrected``: every hundredth page has a number of its tables 二–四 corrected (a report re-published with a
  table fixed) — nothing Pagefind reads (``fulltext_form.indexed_form``), not in the default list;
* ``cited``: every page's citation paragraph reworded (a change to the source pages' wording, as a session makes) —
  nothing Pagefind reads either, not in the default list.

Printed per scenario: the shards, how many were indexed again (not taken from the cache), the pages in them and the
CPU seconds (this process and its Pagefind runs). A change to a page's source is simulated on the page itself: a
report's source page depends only on its row, its address and its text (``report_page.source_page``), so a
rebuild gives the index exactly these pages. Runs with whatever ``xxgk`` is on ``PYTHONPATH`` (to compare two
versions, put the other's ``build/`` first).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

NOTE = "<span>附注：本报告已更正。</span>"


def _cpu() -> float:
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _amend(page: Path) -> None:
    """The page's text one sentence longer (at the end of its lines)."""
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</div></main>", NOTE + "</div></main>", 1), encoding="utf-8")


def _copy_pages(site: Path, work: Path) -> list[Path]:
    """``work/src`` holding the site's source pages (hard links; a changed page is written anew, never through
    the link)."""
    (work / "src").mkdir(parents=True)
    pages = sorted((site / "src").glob("*.html"))
    for page in pages:
        target = work / "src" / page.name
        try:
            target.hardlink_to(page)
        except OSError:
            shutil.copyfile(page, target)
    return sorted((work / "src").iterdir())


def _correct(page: Path) -> None:
    """A digit of the page's tables (its first ``data-pagefind-ignore`` run of lines) one more."""
    html = page.read_text(encoding="utf-8")
    if "<span data-pagefind-ignore>" not in html:
        return  # (no table found on it)
    head, run = html.split("<span data-pagefind-ignore>", 1)
    digit = next(i for i, c in enumerate(run) if c.isdigit() and run[:i].count("<") == run[:i].count(">"))
    page.write_text(head + "<span data-pagefind-ignore>" + run[:digit] + str((int(run[digit]) + 1) % 10)
                    + run[digit + 1:], encoding="utf-8")


def _cite(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("引用（GB/T 7714）", "引用格式（GB/T 7714）", 1), encoding="utf-8")


def _rewrite(page: Path) -> None:
    data = page.read_bytes()
    page.unlink()  # (breaks the hard link: the site's page stays as built)
    page.write_bytes(data)


def scenario(name: str, pages: list[Path]) -> None:
    count = max(1, len(pages) // 100)
    if name == "spread":
        for page in pages[::100]:
            _rewrite(page)
            _amend(page)
    elif name == "region":
        start = len(pages) * 2 // 5
        for page in pages[start:start + count]:
            _rewrite(page)
            _amend(page)
    elif name == "inserted":
        start = len(pages) * 2 // 5
        for page in pages[start:start + count]:
            new = page.with_name(page.name.replace("-", "b-", 1))
            new.write_bytes(page.read_bytes())
            _amend(new)
    elif name in ("corrected", "cited"):
        for page in pages[::100] if name == "corrected" else pages:
            _rewrite(page)
            (_correct if name == "corrected" else _cite)(page)
    elif name == "appended":
        last = int(pages[-1].name[1:7])
        for n, page in enumerate(pages[:count], start=last + 1):
            new = page.with_name(f"r{n:06d}" + page.name[7:])
            new.write_bytes(page.read_bytes())
            _amend(new)


def again(work: Path, kept: set[str]) -> tuple[int, int, int]:
    """(shards, shards not in ``kept`` — the cache's entries before the build —, the pages in those)."""
    from xxgk.site.fulltext import shards, source_pages
    from xxgk.site.fulltext_reuse import ShardReuse

    keys = ShardReuse(None)
    groups = shards(source_pages(work))
    fresh = [g for k, g in enumerate(groups) if keys.key(str(k), g) not in kept]
    return len(groups), len(fresh), sum(len(g) for g in fresh)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", nargs="*", default=["spread", "region", "inserted", "appended"])
    args = parser.parse_args()
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    root = Path(tempfile.mkdtemp(prefix="xxgk-fulltext-rebuild-"))
    try:
        base, cache = root / "base", root / "cache"
        _copy_pages(args.site, base)
        before = _cpu()
        assert index_full_text(base, reuse=ShardReuse(cache)) == 0
        cold = _cpu() - before
        kept = {p.name for p in (cache / "fulltext").iterdir()}
        print(f"{len(list((base / 'src').iterdir()))} source pages; cold index: {len(kept)} shards, CPU {cold:.1f} s")
        for name in args.only:
            figures = []
            for _ in range(args.repeat):
                work, copy = root / "work", root / "cache-copy"
                shutil.rmtree(work, ignore_errors=True)
                shutil.rmtree(copy, ignore_errors=True)
                subprocess.run(["cp", "-al", str(cache), str(copy)], check=True)
                scenario(name, _copy_pages(base, work))
                before = {p.name for p in (copy / "fulltext").iterdir()}
                start = _cpu()
                assert index_full_text(work, reuse=ShardReuse(copy)) == 0
                figures.append((_cpu() - start, *again(work, before)))
            cpus = [f[0] for f in figures]
            print(f"{name:9}: {figures[0][1]} shards, {figures[0][2]} indexed again ({figures[0][3]} pages); CPU s "
                  f"{', '.join(f'{c:.2f}' for c in cpus)} (median {statistics.median(cpus):.2f})")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
