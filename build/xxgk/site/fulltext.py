"""Full-text search of the report texts: Pagefind (PyPI ``pagefind[extended]``, its binary in the wheel) run on
the built site after ``mkdocs build``. It indexes only the source pages (``src/*.html``: every report's whole
text, line by line) and segments Chinese. The header search (``assets/search.js``) loads it on demand; each
index is split into chunks, so a query downloads only the chunks for its words.

**Shards.** Pagefind holds everything it indexes in memory (≈ 36 bytes of RSS per byte of source page, measured
with ``benchmarks/fulltext_scale.py``: 3 GB at 5,000 pages of 17 KB), so the pages are indexed in shards of at
most ``SHARD_BYTES`` of HTML each — consecutive in file-name order, one Pagefind run per shard, ``WORKERS`` at a
time — and each shard is its own bundle ``pagefind/<k>/``. A shard ends after a page whose name says so
(``boundary``, ``Cutter``), so its pages stay its pages when reports elsewhere are added or changed, and a
rebuild re-indexes only the shards holding a changed page.
``pagefind/shards.json`` lists them; the browser opens the first with Pagefind's JS API and merges the others with
``mergeIndex`` (Pagefind's multisite search), which loads only their metadata and the chunks for the query's words —
the WebAssembly and the code once (so only the first shard keeps them, ``FIRST_SHARD_ONLY``). Peak memory is bounded
by the shard size, not by the number of reports.

The output is byte-identical for the same site (tested): the shards are cut from the sorted file names and their
sizes, and Pagefind's output is deterministic (and does not depend on the shard's folder name). So a shard whose
pages were indexed before, under whatever number, is taken from the cache instead of indexed again
(``fulltext_reuse.py``). Pagefind is given each page in its ``fulltext_form.indexed_form``: without the lines' ids
and without what the page tells Pagefind to ignore (tables 二–四, the citation): the same index, a third fewer bytes
to read, and a cache key that what Pagefind ignores does not change. Agencies are not found through it: the agency
search (``json/agencies.json``) matches names, pinyin, initials, traditional characters, typos and regions.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .fulltext_form import indexed_form
from .fulltext_order import normalise_filters
from .fulltext_reuse import ShardReuse
from .render import esc

SOURCE_DIR = "src"  # the source pages, site_dir/src/*.html
OUTPUT = "pagefind"
MANIFEST = "shards.json"  # pagefind/shards.json: {"shards": ["0/", "1/", ...]}, read by assets/search.js
# a shard whose pages hold nothing to index (the source pages of reports without text: an empty file, a scanned
# PDF, one over its budget): Pagefind refuses to write an index for it; it is left out of the manifest. Before, its
# exit code failed the whole site build, saying nothing
EMPTY = -1
_NOTHING_TO_INDEX = b"not able to build an index"  # Pagefind 1.x's words for it
SHARD_BYTES = 16 * 2 ** 20  # HTML per Pagefind run: ≈ 470 MiB peak RSS on report-sized pages (890 at 32 MiB)
# where a shard may end (``boundary``): after a page one name in SHARD_PAGES says so, and, once the shard holds half of
# SHARD_BYTES, one name in WEAK_PAGES (as FastCDC normalises its chunks: by a name alone the runs between boundaries
# are geometric, one in seven over twice their mean, and the size cap cut those runs where the sizes said, so a change
# moved the cuts up to the next boundary — 1,000 pages of 10,000 re-indexed for 100 changed; the weaker boundary ends
# nearly every shard before the cap). Simulated over 10,000 report-sized pages (≈ 16 KB each): 22 shards of ≈ 7 MiB,
# the largest 11.6; 100 consecutive pages changed re-index ≈ 680 pages, 100 inserted ≈ 900 (by size alone, 10 shards
# of 16 MiB: ≈ 4,600 and 4,900); a query loads each shard's entry, metadata and chunks for its words: ≈ 22 shards at
# 10,000 reports, ≈ 200 at 100,000 (by size alone 10 and 100) — benchmarks/SCALE.md, session 32
SHARD_PAGES = 1024
WEAK_PAGES = 128
MIN_PAGES = 64  # a boundary ends a shard only once it holds this many pages: a small site is one shard
WORKERS = 2  # Pagefind runs at a time (each uses about one core): two half-size shards at once are the memory of
# one 32 MiB shard and ≈ half its wall time (10,000 source pages, 80 MB: 36.3 s → 20.3 s, CPU 29.1 → 31.2 s, the index
# 15.9 → 17.1 MiB; a query downloads about as many bytes — each shard's metadata and chunks are half as large — in
# twice as many requests)
WORK = ".xxgk-pagefind-shard"  # inside site_dir while indexing, removed afterwards
# what Pagefind writes for its own search interfaces, which the site does not use (``assets/search.js`` calls its JS
# API, ``pagefind.js``): ≈ 430 KB a shard, ≈ 0.4 KB a report on disk, removed from each shard it writes; and its web
# worker (41 KB a shard), which no browser loads: ``assets/search.js`` searches on the page's thread (``noWorker``)
UNUSED_UI = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
             "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")
# the code of every shard after the manifest's first, which no browser loads either: ``mergeIndex`` reads a further
# shard's entry, metadata, filters, index chunks and fragments, and runs them in the first shard's code and
# WebAssembly (114 KB a shard, ≈ 0.25 KB a report); removed from the site's copy only (the cache keeps them: a shard
# that is first in one build may follow another in the next)
FIRST_SHARD_ONLY = ("pagefind.js", "wasm.*.pagefind")


# what a reader narrows a full-text search by (the search page's menus, ``fulltext_page.py``): Pagefind filters, one
# attribute each on the source page (``filter_attributes``); their names are read by ``assets/search.js``
FILTERS = ("year", "province")


def filter_values(report: dict) -> dict[str, str]:
    """``{filter: value}`` of a report's source page, each of ``FILTERS`` it has: the year, and the province as the
    package states it (its whitespace made single spaces; a report with none is found by no province). The search
    page lists the same values, so a menu's choice is exactly a filter's value.

    >>> filter_values({"year": 2025, "province": " 青海省 "}), filter_values({"year": None, "province": None})
    ({'year': '2025', 'province': '青海省'}, {})
    """
    values = {name: " ".join(str(report.get(name) or "").split()) for name in FILTERS}
    return {name: value for name, value in values.items() if value}


def filter_attributes(report: dict) -> dict[str, str]:
    """``{filter: ' data-pagefind-filter="name:value"'}`` for the source page's elements (the value escaped; Pagefind
    takes everything after the first colon as the value, commas and colons included)."""
    return {name: f' data-pagefind-filter="{esc(f"{name}:{value}")}"' for name, value in filter_values(report).items()}


def source_pages(site_dir: Path) -> list[Path]:
    """The source pages, sorted by name: regular files only (a symlink is never followed)."""
    folder = site_dir / SOURCE_DIR
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == ".html" and p.is_file() and not p.is_symlink()),
                  key=lambda p: p.name)


def boundary(name: str, every: int | None = None) -> bool:
    """Whether a shard may end after the page named ``name``: the first 8 bytes of its name's SHA-256, read as a
    number, fall under one ``every``-th (default ``SHARD_PAGES``) of their range — a property of the name alone, so
    the same pages end their shards whatever else the site holds.

    >>> sum(boundary(f"r{n:06d}-x.html", 16) for n in range(1600)) in range(60, 140)
    True
    """
    every = SHARD_PAGES if every is None else every
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") < (1 << 64) // max(1, every)


class Cutter:
    """Where the shards of the pages, given one by one in name order, begin (content-defined: ``boundary``).

    A page begins a new shard when the page before it is a ``boundary`` (one name in ``every``, default
    ``SHARD_PAGES``; once the shard holds half of ``budget`` bytes, one in ``weak``, default
    ``WEAK_PAGES``) and its shard holds ``least`` pages (default ``MIN_PAGES``: a small site is one
    shard), or when the page would take its shard over ``budget`` bytes (peak memory; a larger page
    is a shard of its own). Pages added or changed between two boundaries
    therefore change only the shard(s) between them: every other shard holds the same pages as before — and so
    is taken from the cache (``fulltext_reuse.py``) — where a cut by size alone moved every later cut."""

    def __init__(self, budget: int, every: int | None = None, least: int | None = None, weak: int | None = None):
        self.budget, self.every = budget, every
        self.least = MIN_PAGES if least is None else least
        self.weak = WEAK_PAGES if weak is None else weak
        self.size = self.count = 0
        self.after = False  # the last page added was a boundary

    def begins(self, name: str, length: int) -> bool:
        """Whether the page ``name`` of ``length`` bytes begins a new shard (the first page does); it is added."""
        new = self.count == 0 or (self.after and self.count >= self.least) or self.size + length > self.budget
        if new:
            self.size = self.count = 0
        self.size += length
        self.count += 1
        self.after = boundary(name, self.every) or (2 * self.size >= self.budget and boundary(name, self.weak))
        return new


def shards(pages: list[Path], budget: int = SHARD_BYTES, every: int | None = None,
           least: int | None = None) -> list[list[Path]]:
    """Consecutive runs of ``pages`` cut where ``Cutter`` says: after a ``boundary`` page (at least ``MIN_PAGES``
    pages a shard), and before any page that would take a shard over ``budget`` bytes (a larger page is a shard
    of its own)."""
    out: list[list[Path]] = []
    cutter = Cutter(budget, every, least)
    for page in pages:
        if cutter.begins(page.name, page.stat().st_size):
            out.append([])
        out[-1].append(page)
    return out


def _stage(pages: list[Path], forms: list[bytes], work: Path) -> None:
    """``work/src/`` holding ``pages`` in their ``indexed_form`` (``forms``)."""
    target = work / SOURCE_DIR
    target.mkdir(parents=True)
    for page, form in zip(pages, forms, strict=True):
        (target / page.name).write_bytes(form)


def _index_shard(pages: list[Path], work: Path, output: Path, reuse: ShardReuse | None = None) -> int:
    """One Pagefind run over ``pages`` (staged in ``work``, removed afterwards) into ``output`` (kept in the cache
    by ``reuse``, a ``fulltext_reuse.ShardReuse``) — or the shard ``reuse`` kept for the same pages, linked."""
    forms = [indexed_form(page.read_bytes()) for page in pages]  # (at most a shard's bytes, ``SHARD_BYTES``)
    key = reuse.key(output.name, pages, forms) if reuse is not None else None
    if reuse is not None and reuse.restore(key, output):
        return 0
    code = _pagefind(pages, forms, work, output)
    if code == 0 and reuse is not None:
        reuse.keep(key, output)
    return code


@functools.cache
def _pagefind_command() -> tuple[str, ...]:
    """How Pagefind is run, found once a process: its binary, as ``python -m pagefind`` finds it (the wheel's, or
    ``PAGEFIND_BINARY_PATH``'s) and then runs it with the same arguments — so the same index, without a Python
    started and asyncio imported to find it for each shard (≈ 0.5 CPU s a run). Where no binary is found,
    ``python -m pagefind`` itself, which says so and fails."""
    from pagefind.service import get_executable

    found = get_executable()
    return (str(found.resolve()),) if found is not None else (sys.executable, "-m", "pagefind")


def _pagefind(pages: list[Path], forms: list[bytes], work: Path, output: Path) -> int:
    try:
        _stage(pages, forms, work)
        command = [*_pagefind_command(), "--site", str(work), "--glob", f"{SOURCE_DIR}/*.html",
                   "--output-path", str(output), "--quiet"]
        ran = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if ran.returncode == 0:
            for name in UNUSED_UI:
                (output / name).unlink(missing_ok=True)  # (Pagefind's output: files this build made)
            normalise_filters(output)  # the filters in one order: the same bytes every build
            return 0
        if _NOTHING_TO_INDEX in ran.stderr:
            shutil.rmtree(output, ignore_errors=True)  # (anything it began: this build's)
            return EMPTY
        said = (ran.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:300]
        print(f"xxgk: 全文索引失败（Pagefind 退出码 {ran.returncode}）：{said}", file=sys.stderr)
        return ran.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


def index_full_text(site_dir: Path, budget: int = SHARD_BYTES, workers: int = WORKERS,
                    reuse: ShardReuse | None = None, every: int | None = None, least: int | None = None) -> int:
    """Index ``site_dir``'s source pages into ``site_dir/pagefind/<k>/`` (``workers`` Pagefind runs at a time;
    with ``reuse``, a shard whose pages were indexed before is taken from the cache) and write the manifest;
    returns the first shard's non-zero Pagefind exit code, or 0 when every shard was indexed (no pages: an empty
    manifest)."""
    site_dir = Path(site_dir)
    output, work = site_dir / OUTPUT, site_dir / WORK
    if output.exists() or work.exists():
        raise FileExistsError(f"{output} or {work} exists: the full-text index is written into a fresh site")
    groups = shards(source_pages(site_dir), budget, every, least)
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:  # each thread waits on its Pagefind
            codes = list(pool.map(lambda k: _index_shard(groups[k], work / str(k), output / str(k), reuse),
                                  range(len(groups))))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = [code for code in codes if code not in (0, EMPTY)]
    if failed:
        return failed[0]
    if reuse is not None:
        reuse.prune()
    _write_manifest(output, codes)
    return 0


def _write_manifest(output: Path, codes: list[int]) -> None:
    """``pagefind/shards.json``: the shards Pagefind wrote an index for, in order (an ``EMPTY`` one left out); every
    shard after the first without the code only the first one's is loaded of (``FIRST_SHARD_ONLY``)."""
    output.mkdir(exist_ok=True)
    shards = [f"{k}/" for k, code in enumerate(codes) if code == 0]
    for name in shards[1:]:
        for pattern in FIRST_SHARD_ONLY:
            for path in (output / name).glob(pattern):
                path.unlink()  # (this build's file, or its link to the cache's copy: the copy stays)
    (output / MANIFEST).write_text(json.dumps({"shards": shards}), encoding="utf-8")


def query_download_bound(output: Path, results: int = 5) -> tuple[int, str]:
    """An upper bound of the bytes one query downloads from the bundles in ``output`` (``site/pagefind``),
    as served (Pagefind's index files are compressed already; its code is counted gzipped): the code and
    WebAssembly once, then for every shard its entry file, its metadata and its three largest index
    chunks, and the ``results`` largest fragments. Returns ``(bytes, how it was counted)``."""
    import gzip

    names = json.loads((output / MANIFEST).read_text(encoding="utf-8"))["shards"]
    if not names:
        return 0, "no shards"
    first = output / names[0]
    total = len(gzip.compress((first / "pagefind.js").read_bytes()))
    total += sum(p.stat().st_size for p in first.glob("wasm.*.pagefind"))
    fragments: list[int] = []
    for name in names:
        bundle = output / name
        total += len(gzip.compress((bundle / "pagefind-entry.json").read_bytes()))
        total += sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))
        chunks = sorted((p.stat().st_size for p in (bundle / "index").iterdir()), reverse=True)
        total += sum(chunks[:3])
        fragments += [p.stat().st_size for p in (bundle / "fragment").iterdir()]
    total += sum(sorted(fragments, reverse=True)[:results])
    return total, (f"code and WebAssembly once; {len(names)} shard(s) × (entry, metadata, 3 largest index "
                   f"chunks); {results} largest fragments")


class ShardIndexer:
    """``index_full_text`` fed while the source pages are written: the same shards, each indexed as soon as
    it is complete, ``WORKERS`` Pagefind runs at a time, each waited on by a thread of its own — so the index is
    built beside the page rendering instead of after it.

    ``written(paths)`` is told, in the order they were spooled, the site paths of plain files now on disk; the
    source pages among them (``src/<name>.html``) are cut into shards exactly as :func:`shards` cuts the sorted
    pages (the same ``Cutter``), which holds as long as they come in name order (report ids begin with the
    report's number in package order, so they do). ``start()`` says every file is written; ``wait()`` returns
    the exit code. If the pages did not come in name order, or are not exactly :func:`source_pages`, the shards
    already made are removed and ``index_full_text`` runs afresh: the index is the same either way.
    ``reuse``: as ``index_full_text``'s."""

    def __init__(self, site_dir: Path, budget: int | None = None, reuse: ShardReuse | None = None,
                 every: int | None = None, least: int | None = None):
        import queue
        import threading

        self.site_dir, self.budget = Path(site_dir), SHARD_BYTES if budget is None else budget
        self.every, self.least = every, least
        self.cutter = Cutter(self.budget, every, least)
        self.reuse = reuse
        self.output, self.work = self.site_dir / OUTPUT, self.site_dir / WORK
        if self.output.exists() or self.work.exists():
            raise FileExistsError(f"{self.output} or {self.work} exists: the index is written into a fresh site")
        self.groups: list[list[Path]] = []
        self.current: list[Path] = []
        self.last: str | None = None
        self.in_order = True
        self.codes: dict[int, int] = {}  # shard → Pagefind's exit code
        self.stopped = False
        self.ended = False
        self.code: int | None = None  # wait()'s answer, once known
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.threads = [threading.Thread(target=self._work, name=f"xxgk-pagefind-{n}", daemon=True)
                        for n in range(WORKERS)]
        for thread in self.threads:
            thread.start()

    def written(self, paths) -> None:
        for rel in paths:
            parts = rel.split("/")
            if len(parts) != 2 or parts[0] != SOURCE_DIR or not parts[1].endswith(".html") or not self.in_order:
                continue
            if self.last is not None and parts[1] <= self.last:
                self.in_order = False  # (index_full_text afresh at the end)
                continue
            self.last = parts[1]
            page = self.site_dir / SOURCE_DIR / parts[1]
            if self.cutter.begins(parts[1], page.stat().st_size) and self.current:
                self._close()
            self.current.append(page)

    def _close(self) -> None:
        self.groups.append(self.current)
        self.jobs.put(len(self.groups) - 1)
        self.current = []

    def _work(self) -> None:
        while (k := self.jobs.get()) is not None:
            if not self.stopped and self.in_order and not any(c not in (0, EMPTY) for c in self.codes.values()):
                self.codes[k] = _index_shard(self.groups[k], self.work / str(k), self.output / str(k), self.reuse)

    def start(self) -> None:
        """Every plain file is written: the last shard is cut (once)."""
        if not self.ended:
            self.ended = True
            if self.current:
                self._close()
            for _ in self.threads:
                self.jobs.put(None)

    def _join(self) -> None:
        for thread in self.threads:
            thread.join()

    def abort(self) -> None:
        """The build failed: no further shard is indexed (``wait`` then answers 1 at once)."""
        self.stopped = True
        self.start()
        self._join()
        shutil.rmtree(self.work, ignore_errors=True)
        if self.code is None:
            self.code = 1

    def wait(self) -> int:
        """The index written (``index_full_text``'s exit code); once."""
        if self.code is None:
            self.code = self._wait()
        return self.code

    def _wait(self) -> int:
        self.start()
        self._join()
        shutil.rmtree(self.work, ignore_errors=True)
        failed = [self.codes[k] for k in sorted(self.codes) if self.codes[k] not in (0, EMPTY)]
        if failed:
            return failed[0]
        if not self.in_order or [p for g in self.groups for p in g] != source_pages(self.site_dir):
            shutil.rmtree(self.output, ignore_errors=True)
            return index_full_text(self.site_dir, self.budget, reuse=self.reuse, every=self.every,
                                   least=self.least)
        if self.reuse is not None:
            self.reuse.prune()
        _write_manifest(self.output, [self.codes.get(k, EMPTY) for k in range(len(self.groups))])
        return 0
