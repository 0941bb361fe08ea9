"""The last part of the report pages, spooled by a helper process while the pages stage writes the first part.

The pages stage (``build._write_site_src``) spooled every report page and source page in one process, one report
after the other (≈ 80 % of its CPU: ``benchmarks.pages_stage 2000 --profile``), the other core idle in
``--stages-apart`` and shared only with the bulk renderers in ``xxgk build``. Each report's pages depend only on
what ``pages.Site`` gathers in its first pass and on that report's rows, so the reports can be cut in two:

* the helper (``side_process.Helper``: spawned, never forked) opens the package, makes its own ``Site`` (the same
  first pass over the same package: the same state) and spools the report and source pages of the stream's
  reports from ``start`` on into its own spool (``FOLDER`` in ``site_src``), taking unchanged pages from the last
  build like the parent (``spool_reuse``: its own reader of the same cache, read only);
* meanwhile the parent writes the editorial pages and the reports before ``start``; it then appends the helper's
  lines to its spool byte for byte (so ``on_range`` hears of them as of its own), gathers the chart frames they
  name, records their cache entries at the offsets they now have, and goes on with the agency pages.

The spool is the same bytes, line for line, as one process writes (tested, with and without the cache); a helper
that fails or dies (the OOM killer) has its part written again by the parent (``Pending.result``), after its spool
is removed. Below ``PARALLEL_PAGES`` reports the helper's start (imports, the first pass again) costs more than it
saves, and nothing is split. Memory: the helper holds a second ``Site`` (≈ 6–7 KB a report, the heads the site
keeps; ``benchmarks.pages_stage`` prints the stage's peak, the helper's included).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..package.side_process import Helper, Pending
from . import chart_frames
from .bulk import BULK, FILES, PAGES, Spool
from .data import Package
from .spool_reuse import SpoolReuse

PARALLEL_PAGES = 1_000  # fewer reports: the helper's start costs more than it saves
# the percentage of the stream's reports the parent writes itself: before them it writes the editorial pages and after
# them the agency pages, while the helper starts (imports, its first pass); measured at 2,000 and 10,000 reports
PARENT_PERCENT = 45
FOLDER = ".bulk-tail"  # in site_src, while the build runs: the helper's spool (removed once appended)


class _ListingSpool(Spool):
    """A spool that also lists the site paths of its files, in order (the parent appends them with their paths)."""

    def __init__(self, site_src: Path):
        super().__init__(site_src)
        self.listed: list[str] = []

    def file_line(self, path: str, data: bytes) -> None:
        self.listed.append(path)
        super().file_line(path, data)


def render_tail(package_dir: Path, folder: Path, start: int, reuse_folder: Path | None, load: bool) -> dict:
    """In the helper: the report and source pages of the stream's reports from position ``start`` on, spooled in
    ``folder`` (``folder/.bulk/``); with ``reuse_folder`` (the parent's ``SpoolReuse.folder``), their cache entries
    recorded and, if ``load`` (the parent found a readable index there), unchanged pages taken from the last build.
    Returns what the parent needs to adopt the lines: the files' paths, the chart frames the pages name, and the
    cache entries (offsets into this spool) with the number of pages taken."""
    from .pages import Site  # (in the helper: the pages' imports once there)

    pkg = Package.open(package_dir)
    reuse = None
    if reuse_folder is not None:
        reuse = SpoolReuse(Path(reuse_folder))
        if load:  # (the parent said it if the cache was unreadable: not said twice)
            reuse._load()  # the parent's cache, read only (the parent keeps this build's spool for the next)
    try:
        with _ListingSpool(folder) as spool, chart_frames.collecting() as frames:
            Site(pkg, folder, spool, reuse).report_pages(start)
    finally:
        if reuse is not None:
            reuse.close()
    return {"paths": spool.listed, "frames": frames, "recorded": reuse.recorded if reuse is not None else None,
            "hits": reuse.hits if reuse is not None else 0}


class PagesTail:
    """The helper's part of the report pages: started with :meth:`start`, adopted with :meth:`append`."""

    def __init__(self, helper: Helper, pending: Pending, start: int, folder: Path):
        self.helper, self.pending, self.start, self.folder = helper, pending, start, folder

    @classmethod
    def begin(cls, package_dir: Path, site_src: Path, count: int, reuse: SpoolReuse | None,
              workers: int | None = None) -> PagesTail | None:
        """The helper started on the reports from ``start_of(count)`` on, or None (one core, too few reports)."""
        if (workers or os.cpu_count() or 1) < 2 or count < PARALLEL_PAGES:
            return None
        folder = Path(site_src) / FOLDER
        helper = Helper(enabled=True, what="site pages")
        start = start_of(count)
        reuse_folder = reuse.folder if reuse is not None else None
        load = reuse is not None and any(reuse.previous.values())
        pending = helper.submit(render_tail, Path(package_dir), folder, start, reuse_folder, load)
        return cls(helper, pending, start, folder)

    def append(self, site) -> None:
        """The helper's lines appended to ``site``'s spool, as if ``site`` had written them; if the helper failed,
        its part written here (``site.report_pages(start)``)."""
        try:
            done = self.pending.result(self._remove, here=lambda: None)
            if done is None:  # the helper failed (said on stderr): its part written here
                site.report_pages(self.start)
                return
            self._adopt(site, done)
        finally:
            self.close()

    def _adopt(self, site, done: dict) -> None:
        spool, spooled = site.spool, self.folder / BULK
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
        """The helper stopped (waited for) and its spool removed."""
        self.helper.close()
        self._remove()


def start_of(count: int) -> int:
    """The stream position from which the helper writes the report pages of ``count`` reports.

    >>> start_of(2000), start_of(10_000)
    (900, 4500)
    """
    return count * PARENT_PERCENT // 100
