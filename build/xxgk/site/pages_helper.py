"""Two in every three runs of report pages spooled by a helper process while the pages stage writes the others.

The pages stage (``build._write_site_src``) spooled every report page and source page in one process, one report
after the other (54.5 s at 10,000 reports, one core: ``benchmarks/SCALE.md``), the other core idle under
``--stages-apart`` and, in ``xxgk build``, this process's one thread shared with the validation's (the GIL). A
report's pages depend only on what ``pages.Site`` gathers in its first pass and on that report's rows, so the
reports can be shared out:

* the helper (``side_process.Helper``: spawned, never forked) opens the package, makes its own ``Site`` (the same
  first pass over the same package: the same state) and spools the report and source pages of its runs of ``RUN``
  reports of the stream (all but the first of every ``EVERY``: positions 100–299, 400–599, …), each run into its
  own spool (``FOLDER/run-<k>``) with a note beside it once complete (``run-<k>.json``: its files' paths, the chart
  frames its pages name, its spool-cache entries); unchanged pages it takes from the last build like the parent
  (``spool_reuse``: its own reader of the same cache, read only);
* the parent writes the editorial pages and then the other runs; as its stream leaves each of the helper's runs
  it appends that run to its spool byte for byte (waiting for it if need be), so ``on_range`` hears of those lines
  as of its own and the bulk renderers and the full-text index keep up with the spool as before; it gathers the
  frames the run's pages name and records its cache entries at the offsets they now have. The agency pages follow.

The spool is the same bytes, line for line, as one process writes (tested, with and without the cache); when the
helper fails or dies (the OOM killer), the parent writes the run it was waiting for and every run after it itself
(``Pending.result`` says so on stderr) and the helper's spools are removed. Below ``PARALLEL_PAGES`` reports the
helper's start (imports, the first pass again) costs more than it saves, and nothing is shared; with fewer than
``HELPER_CORES`` usable cores neither (two cores: in ``xxgk build`` the bulk renderers and Pagefind already keep
both busy, and the helper bought no wall time for ≈ 5 % more CPU, session 31). Memory: the helper
holds a second ``Site`` (the heads the site keeps) and one report's rows; its finished runs wait on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from ..package.side_process import Helper, Pending
from . import chart_frames
from .bulk import BULK, FILES, PAGES, Spool
from .data import Package
from .spool_reuse import SPOOLS, SpoolReuse

PARALLEL_PAGES = 1_000  # fewer reports: the helper's start costs more than it saves
# the parent writes the first run of every EVERY, the helper the others: besides its runs the parent writes the
# editorial pages, the browser's data and the agency pages, the helper starts again (imports, the first pass); at
# 5,000 reports two in three gave both processes the same CPU (11.0 and 11.1 s; one in two: 13.9 and 9.9)
EVERY = 3
RUN = 100  # reports a run (200 spool lines): small enough that the spool grows steadily, large enough to amortise
FOLDER = ".bulk-helper"  # in site_src, while the build runs: the helper's runs (each removed once appended)
POLL = 0.01  # seconds between looks for the run the parent waits for
# usable cores the helper needs: on 2 cores, in the overlapped `xxgk build`, the bulk renderers and Pagefind already
# keep both cores busy consuming the spool, so a faster producer shortens nothing — session 31 measured 97.0 s
# against ≈ 95.9 s for the site stage at 10,000 reports and ≈ 5 % more CPU (benchmarks/SCALE.md)
HELPER_CORES = 3


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity (a container's or ``taskset``'s limit), else
    ``os.cpu_count()`` (platforms without ``sched_getaffinity``), else 1.

    >>> usable_cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def helpers_run(position: int, size: int = RUN, every: int = EVERY) -> bool:
    """Whether the report at ``position`` of the stream is in one of the helper's runs of ``size`` reports: all
    but the first of every ``every`` runs.

    >>> [helpers_run(p, 100, 2) for p in (0, 99, 100, 199, 200)]
    [False, False, True, True, False]
    >>> [helpers_run(p, 100, 3) for p in (0, 100, 250, 300)]
    [False, True, True, False]
    """
    return (position // size) % every != 0


class _ListingSpool(Spool):
    """A spool that also lists the site paths of its files, in order (the parent appends them with their paths)."""

    def __init__(self, site_src: Path):
        super().__init__(site_src)
        self.listed: list[str] = []

    def file_line(self, path: str, data: bytes) -> None:
        self.listed.append(path)
        super().file_line(path, data)


class _HelperRuns:
    """In the helper: ``mine`` for ``Site.report_pages``, opening a spool for each of the helper's runs and closing
    the last one, with its note, when the stream leaves it."""

    def __init__(self, folder: Path, site, reuse: SpoolReuse | None, frames: dict[str, str], size: int, every: int):
        self.folder, self.site, self.reuse, self.frames = folder, site, reuse, frames
        self.size, self.every = size, every
        self.run: int | None = None  # the run the stream is in
        self.spool: _ListingSpool | None = None  # the helper's run being written
        self.sent: set[str] = set()  # the frames already named in a note
        self.hits = 0

    def mine(self, position: int) -> bool:
        run = position // self.size
        if run != self.run:
            self.close_run()
            self.run = run
            if helpers_run(position, self.size, self.every):
                self.spool = _ListingSpool(self.folder / f"run-{run}")
                self.site.spool = self.spool
                if self.reuse is not None:
                    self.reuse.recorded = {kind: {} for kind in SPOOLS}
                    self.hits = self.reuse.hits
        return helpers_run(position, self.size, self.every)

    def close_run(self) -> None:
        """The run being written closed, and its note written beside it (atomically: the parent reads it whole)."""
        if self.spool is None:
            return
        self.spool.__exit__(None, None, None)
        new = {name: text for name, text in self.frames.items() if name not in self.sent}
        self.sent.update(new)
        note = {"paths": self.spool.listed, "frames": new,
                "recorded": self.reuse.recorded if self.reuse is not None else None,
                "hits": self.reuse.hits - self.hits if self.reuse is not None else 0}
        temporary = self.folder / f".run-{self.run}.json"
        temporary.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / f"run-{self.run}.json")
        self.spool = None


def render_runs(package_dir: Path, folder: Path, size: int, every: int, reuse_folder: Path | None,
                load: bool) -> None:
    """In the helper: the report and source pages of its runs of ``size`` reports (``helpers_run``), each spooled in
    ``folder/run-<k>`` with its note ``folder/run-<k>.json``; with ``reuse_folder`` (the parent's
    ``SpoolReuse.folder``), their cache entries recorded and, if ``load`` (the parent found a readable index
    there), unchanged pages taken from the last build."""
    from .pages import Site  # (in the helper: the pages' imports once there)

    pkg = Package.open(package_dir)
    reuse = None
    if reuse_folder is not None:
        reuse = SpoolReuse(Path(reuse_folder))
        if load:  # (the parent said it if the cache was unreadable: not said twice)
            reuse._load()  # the parent's cache, read only (the parent keeps this build's spool for the next)
    try:
        with chart_frames.collecting() as frames:
            site = Site(pkg, folder, None, reuse)
            runs = _HelperRuns(folder, site, reuse, frames, size, every)
            try:
                site.report_pages(mine=runs.mine)
            except BaseException:
                if runs.spool is not None:
                    runs.spool.__exit__(RuntimeError, None, None)  # (closed, no note: the parent writes the run)
                raise
            runs.close_run()
    finally:
        if reuse is not None:
            reuse.close()


class PagesHelper:
    """The helper's runs of report pages: started with :meth:`begin`; ``mine`` for the parent's
    ``Site.report_pages``, which appends each of the helper's runs in its place; :meth:`finish` after it."""

    def __init__(self, helper: Helper, pending: Pending, folder: Path, size: int, every: int):
        self.helper, self.pending, self.folder, self.size, self.every = helper, pending, folder, size, every
        self.site = None  # the parent's Site (``attach``)
        self.run: int | None = None  # the run the parent's stream is in
        self.failed = False  # the helper failed: every run is the parent's from the one it was waiting for

    @classmethod
    def begin(cls, package_dir: Path, site_src: Path, count: int, reuse: SpoolReuse | None,
              workers: int | None = None) -> PagesHelper | None:
        """The helper started, or None: ``workers`` 1, fewer than ``HELPER_CORES`` usable cores
        (``usable_cores``), or fewer than ``PARALLEL_PAGES`` reports."""
        if workers == 1 or usable_cores() < HELPER_CORES or count < PARALLEL_PAGES:
            return None
        folder = Path(site_src) / FOLDER
        helper = Helper(enabled=True, what="site pages")
        reuse_folder = reuse.folder if reuse is not None else None
        load = reuse is not None and any(reuse.previous.values())
        pending = helper.submit(render_runs, Path(package_dir), folder, RUN, EVERY, reuse_folder, load)
        return cls(helper, pending, folder, RUN, EVERY)

    def attach(self, site) -> PagesHelper:
        """This helper's runs for ``site`` (the parent's ``Site``: its spool, its cache entries)."""
        self.site = site
        return self

    def mine(self, position: int) -> bool:
        """For the parent's ``Site.report_pages``: whether it writes the report at ``position`` — and, as the stream
        enters a run after one of the helper's, that run appended first."""
        run = position // self.size
        if run != self.run:
            if self.run is not None and helpers_run(self.run * self.size, self.size, self.every):
                self._append(self.run)
            self.run = run
        return self.failed or not helpers_run(position, self.size, self.every)

    def finish(self, site) -> None:
        """After the parent's stream: the helper's last run appended, if the stream ended in one; the helper
        stopped and its folder removed."""
        try:
            if self.run is not None and helpers_run(self.run * self.size, self.size, self.every):
                self._append(self.run)
                self.run = None
        finally:
            self.close()

    def _append(self, run: int) -> None:
        if self.failed:
            return
        site, note = self.site, self.folder / f"run-{run}.json"
        while not note.exists():
            if self.pending.future is None or self.pending.future.done():
                if note.exists():
                    break
                self.failed = True  # (said on stderr if it raised; its spools removed)
                self.pending.result(self._remove, here=lambda: None)
                site.report_pages(run * self.size, (run + 1) * self.size)  # this run here; every later one too
                return
            time.sleep(POLL)
        self._adopt(site, run, json.loads(note.read_text(encoding="utf-8")))
        shutil.rmtree(self.folder / f"run-{run}")
        note.unlink()

    def _adopt(self, site, run: int, done: dict) -> None:
        """The helper's run ``run`` (its note ``done``) appended to ``site``'s spool, its frames and entries taken."""
        spool, spooled = site.spool, self.folder / f"run-{run}" / BULK
        base = {"pages": spool.pages_offset, "files": spool.files_offset}
        with (spooled / PAGES).open("rb") as lines:
            for line in lines:  # (a spool line is one JSON line: newlines in its text are escaped)
                spool.page_line(line)
        paths = iter(done["paths"])
        with (spooled / FILES).open("rb") as lines:
            for line in lines:
                spool.file_line(next(paths), line)
        for name in sorted(done["frames"]):
            chart_frames.gather(name, done["frames"][name])
        if site.reuse is not None and done["recorded"] is not None:
            for kind, entries in done["recorded"].items():
                for src, entry in entries.items():  # [digest, offset, length, sha256, frame names]
                    site.reuse.recorded[kind][src] = [entry[0], entry[1] + base[kind], *entry[2:]]
            site.reuse.hits += done["hits"]

    def _remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def close(self) -> None:
        """The helper stopped (waited for) and its folder removed."""
        self.helper.close()
        self._remove()
