"""``build_site``: pages and assets into ``site_src/`` from the package, then ``mkdocs build`` of the
editorial pages and the bulk pages (report, agency, source) rendered outside MkDocs (``bulk.py``).

The site serves everything itself: plotly.js comes from the project's npm manifest
(``node_modules/plotly.js-basic-dist-min``, a partial bundle) or, failing that, from the plotly
Python wheel; no page loads anything from another host.

Like the package, the site is built beside the old one (``.site.new-PID``) and swapped in only
when MkDocs succeeded and wrote ``index.html``; the folders are locked and guarded (``folders``).
Markdown from outside (``reports/CHANGELOG.md``) is offered as a download, never rendered as a page.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from pathlib import Path

from ..folders import check_output, clear, locked, recover, remove_made, seal, staging_for, swap_in
from ..gcpause import gc_paused
from . import chart_frames, mkdocs_process
from .browser_data import browser_files, search_aux
from .bulk import BULK, FILES, PAGES, BulkRun, BulkStats, Spool, spool_run
from .data import Package
from .downloads import copy_downloads
from .fulltext import ShardIndexer, index_full_text
from .fulltext_reuse import ShardReuse
from .meta import site_meta
from .page_cache import PageCache
from .pages import Site
from .pages_helper import PagesHelper
from .redirects import META_KEY as REDIRECT_DIGITS
from .redirects import redirect_maps
from .sitemap import write_sitemaps
from .spool_reuse import SpoolReuse

PLOTLY_NPM = Path("node_modules/plotly.js-basic-dist-min/plotly-basic.min.js")
PLOTLY_LOCALE_NPM = Path("node_modules/plotly.js-locales/zh-cn.js")  # CommonJS: wrapped for the browser below
ASSETS = files("xxgk.site") / "assets"


def plotly_bundle() -> bytes:
    if PLOTLY_NPM.exists():
        return PLOTLY_NPM.read_bytes()
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()


def plotly_locale() -> bytes:
    """plotly.js's Chinese locale (npm ``plotly.js-locales``), registered with Plotly when loaded after it;
    empty (English tooltips) when the npm package is absent."""
    if not PLOTLY_LOCALE_NPM.exists():
        return b""
    source = PLOTLY_LOCALE_NPM.read_text(encoding="utf-8")
    return ("(function(){var module={exports:{}};\n" + source + "\nPlotly.register(module.exports);})();\n").encode()


def write_site_src(package_dir: Path, site_src: Path, cache_dir: Path | None = None) -> None:
    """The pages into ``site_src`` (replaced whole; refused if it holds files xxgk did not write); with
    ``cache_dir``, a page whose inputs are the last build's is taken from it, as ``xxgk build`` does."""
    check_output(site_src, None, "site_src")
    with locked(site_src), gc_paused():
        reuse = SpoolReuse.open(cache_dir)
        try:
            _write_site_src(package_dir, site_src, reuse=reuse)
        except BaseException:
            if reuse is not None:  # (the last build's spools, open while read)
                reuse.close()
            raise


def _write_site_src(package_dir: Path, site_src: Path, on_range=None, on_editorial=None,
                    reuse: SpoolReuse | None = None, workers: int | None = None) -> None:
    """The editorial pages and what MkDocs reads besides them (assets, ``json/``, downloads) — then
    ``on_editorial()`` — then the report and agency pages into the spool, whose runs of lines go to
    ``on_range`` as they are written (``bulk.Spool``); with ``reuse``, a report or agency page whose inputs
    are the last build's is that build's line, and this build's spool is kept for the next (``spool_reuse``).

    The downloads are copied and compressed in a thread beside the first streamed pass (``Site``), the editorial
    pages but the data page and what MkDocs reads besides them: zlib-ng releases the GIL while it compresses, and
    nothing else runs on the other core yet. The data page (it shows the published files' sizes) waits for them;
    it is the last editorial page written, before ``on_editorial()`` and the report pages, so the bytes are the
    same; when the thread fails, the pages written meanwhile are removed (``clear``) and its error raised. (The
    parent waited for the downloads before the editorial pages until session 42: the gzip of ``xxgk.db`` outlasts
    the first pass, ≈ 0.3 s of one core idle at 2,000 reports.)

    From ``pages_helper.PARALLEL_PAGES`` reports on, on more than two usable cores (``pages_helper.HELPER_CORES``)
    and unless ``workers`` is 1, a helper process spools two runs in three of report pages (``pages_helper.py``):
    the same spool, line for line."""
    pkg = Package.open(package_dir)  # the small resources; the per-report ones are streamed (bounded memory)
    clear(site_src)  # the marker stays to the end: a kill here leaves a folder the next build accepts
    helper = PagesHelper.begin(package_dir, site_src, len(pkg.tables["reports"]), reuse, workers)  # pages_helper
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="xxgk-downloads") as side, \
                Spool(site_src, on_range) as spool, \
                chart_frames.collecting() as frames:  # the bulk and source pages (bulk.py renders them); frames
            downloads = side.submit(copy_downloads, package_dir, site_src / "downloads")
            site = Site(pkg, site_src, spool, reuse)
            site.editorial_pages(data=False)  # (none of these reads downloads/: they are written meanwhile)
            _write_support(pkg, site, package_dir, site_src)
            try:
                downloads.result()  # (a failure in the thread raises here)
            except BaseException:
                clear(site_src)  # the pages written meanwhile removed: a stage failed so leaves none, as before
                raise
            site.data_page()  # (the published files' sizes)
            if on_editorial is not None:
                on_editorial()
            site.bulk_pages(helper)
            for name in sorted(frames):  # every chart frame the pages name, editorial ones too (chart_frames.py)
                spool.file(f"{chart_frames.FOLDER}/{name}.json", frames[name])
            kept = dict(frames)
    finally:
        if helper is not None:  # (stopped, its spools removed, whatever happened here)
            helper.close()
    if reuse is not None:  # the spool complete and closed
        reuse.keep({"pages": site_src / BULK / PAGES, "files": site_src / BULK / FILES}, kept)
    seal(site_src)  # what this build wrote there: anything else found next time is refused, not deleted


def minified_asset(name: str, text: str) -> str:
    """An asset of ours as the site serves it: without its comments and spare blanks (``rjsmin``, ``rcssmin``: they
    keep every token, string and regular expression as written). The sources explain themselves at length; a
    reader's phone downloads them on its first page (≈ 16 KB gzipped less).

    >>> minified_asset("a.js", "var a = 1;  /* the answer */"), minified_asset("a.css", "p { color: red; } /* x */")
    ('var a=1;', 'p{color:red}')
    """
    import rcssmin
    import rjsmin

    return rjsmin.jsmin(text) if name.endswith(".js") else rcssmin.cssmin(text) if name.endswith(".css") else text


def _write_support(pkg: Package, site: Site, package_dir: Path, site_src: Path) -> None:
    """What the editorial pages need besides themselves: assets, ``assets/site.json`` (the footer of every
    page, and the 404 page's map shard digits), the browser's JSON and the old-URL map."""
    assets = site_src / "assets"
    assets.mkdir(exist_ok=True)
    for name in ("xxgk.js", "lists.js", "xxgk.css", "search.js", "compare.js", "agencies.css", "source.js",
                 "work-place.js", "not-found.js", "compare-reserve.js"):
        (assets / name).write_text(minified_asset(name, (ASSETS / name).read_text(encoding="utf-8")), encoding="utf-8")
    (assets / "plotly-basic.min.js").write_bytes(plotly_bundle())
    (assets / "plotly-locale-zh-cn.js").write_bytes(plotly_locale())
    digits, old_urls = redirect_maps(site.report_urls)  # old /r/<id>/ URLs: looked up by the 404 page
    meta = {**site_meta(pkg), REDIRECT_DIGITS: digits}
    (assets / "site.json").write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    browser = browser_files(pkg, site.report_urls, site.values, site.years, site.peer, site.series,
                            site.table2_editions, site.missing)
    for rel, text in {**browser, "json/search.json": search_aux(pkg), **old_urls}.items():
        (site_src / rel).parent.mkdir(parents=True, exist_ok=True)
        (site_src / rel).write_text(text, encoding="utf-8")


def config_for(docs_dir: Path, config_path: Path, project: Path = Path(".")) -> Path:
    """A copy of the project's mkdocs.yml that builds ``docs_dir`` (hooks made absolute), for
    building a site from pages generated elsewhere (tests, benchmarks)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = (project / "build" / "xxgk" / "site" / "mkdocs_hooks.py").resolve()
    text = text.replace("docs_dir: site_src", f"docs_dir: {Path(docs_dir).resolve()}")
    text = text.replace("  - build/xxgk/site/mkdocs_hooks.py", f"  - {hooks}")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {(project / 'site_overrides').resolve()}")
    config_path.write_text(text, encoding="utf-8")
    return config_path


MKDOCS_SIDE = ".xxgk-mkdocs"  # inside the site being built: where mkdocs writes while the bulk pages render


def render_site(site_src: Path, config_file: Path, out: Path, strict: bool = False,
                cache_dir: Path | str | None = None, workers: int | None = None,
                full_text: bool = False, previous: Path | None = None) -> tuple[int, BulkStats | None]:
    """``mkdocs build`` of the editorial pages of ``site_src`` (with ``config_file``, whose ``docs_dir`` is
    ``site_src``) and the bulk pages rendered outside MkDocs (``bulk.BulkRun``; with the page cache in
    ``cache_dir``, None for none), into ``out``; with ``full_text``, the full-text index too
    (``fulltext.index_full_text``).

    The three are independent, so they overlap: ``mkdocs build`` runs in its own process into a side folder
    (``out/.xxgk-mkdocs``) while the bulk pages render into ``out``; Pagefind starts as soon as the bulk's
    plain files (the source pages, all it reads) are written; the side folder is then moved into ``out``
    (a file both wrote is the bulk's, as when the bulk ran after MkDocs). ``out`` is emptied first as
    ``mkdocs build`` empties it (its dot entries kept). The bytes are those of the steps run one after the other.
    ``previous``: the site this one will replace (its unchanged bulk files are linked, ``previous.Previous``);
    with a ``cache_dir``, full-text shards whose pages did not change come from the cache (``fulltext_reuse``).
    Returns MkDocs' exit code (1 if it wrote no ``index.html``), else Pagefind's, and what the bulk
    rendering did (None when MkDocs failed)."""
    out = _emptied(out)
    mkdocs = _start_mkdocs(config_file, out, strict)
    run = spool_run(site_src, config_file, out, workers, previous)
    try:
        run.start(PageCache.open(cache_dir, config_file) if cache_dir is not None else None)
    except BaseException as error:
        failed = isinstance(error, Exception) and _mkdocs_failed(mkdocs)
        _stop(mkdocs, run, out)
        if failed:
            return mkdocs.returncode, None
        raise
    return _complete(mkdocs, run, out, _FullText(out, ShardReuse(cache_dir)) if full_text else None, config_file)


def pages_and_site(package_dir: Path, site_src: Path, config_file: Path, out: Path, strict: bool = False,
                   cache_dir: Path | str | None = None, workers: int | None = None,
                   previous: Path | None = None) -> tuple[int, BulkStats | None]:
    """``write_site_src`` and ``render_site(..., full_text=True)`` as one pipeline (what ``xxgk build`` runs):
    as soon as the editorial pages are written, ``mkdocs build`` starts and the bulk workers render each
    run of spooled lines while the next are written (``bulk.Spool(on_range=...)``), and each shard of the
    full-text index is indexed as soon as its source pages are on disk (``fulltext.ShardIndexer``).
    Same bytes as the steps one after the other; same return value and ``previous`` as ``render_site``."""
    check_output(site_src, None, "site_src")
    out = _emptied(out)
    run = BulkRun(site_src, config_file, out, workers, previous)
    started: list[mkdocs_process.Running] = []

    def editorial_written() -> None:
        started.append(_start_mkdocs(config_file, out, strict))
        run.start(PageCache.open(cache_dir, config_file) if cache_dir is not None else None)

    with locked(site_src), gc_paused():
        index = ShardIndexer(out, reuse=ShardReuse(cache_dir))  # each shard indexed once written
        run.on_written = index.written
        reuse = SpoolReuse.open(cache_dir)
        try:
            _write_site_src(package_dir, site_src, run.add, editorial_written, reuse, workers)
        except BaseException as error:
            index.abort()
            if reuse is not None:
                reuse.close()
            mkdocs = started[0] if started else None
            failed = isinstance(error, Exception) and _mkdocs_failed(mkdocs)
            _stop(mkdocs, run, out)
            if failed:
                return mkdocs.returncode, None
            raise
        return _complete(started[0], run, out, index, config_file)


def _emptied(out: Path) -> Path:
    """``out``, emptied as ``mkdocs build`` empties its site folder (dot entries kept)."""
    from mkdocs.utils import clean_directory

    clean_directory(str(out))
    return Path(out)


def _start_mkdocs(config_file: Path, out: Path, strict: bool) -> mkdocs_process.Running:
    """``mkdocs build`` started; what it writes on stderr is kept in a file and shown when it ends (``_stop``)."""
    import tempfile

    args = ["build", "-q", "-f", str(config_file), "-d", str(out / MKDOCS_SIDE)] + (["--strict"] if strict else [])
    said = tempfile.TemporaryFile()  # (a file, not a pipe: MkDocs' warnings can fill a pipe no one reads yet)
    mkdocs = mkdocs_process.start(args, stderr=said)
    mkdocs.said = said
    return mkdocs


def _relay(mkdocs: mkdocs_process.Running) -> None:
    """Show once what MkDocs wrote on stderr (its warnings, its error), a Python traceback of its as its last line
    only (``condensed``): a full disk printed thirty lines of MkDocs' frames above the build's own answer."""
    said = getattr(mkdocs, "said", None)
    if said is None or said.closed:
        return
    said.seek(0)
    text = said.read().decode("utf-8", errors="replace")
    said.close()
    if text:
        sys.stderr.write(condensed(text))
        sys.stderr.flush()


def condensed(text: str) -> str:
    """``text`` with each Python traceback cut to its last line (the exception and its message).

    >>> condensed("WARNING - x\\nTraceback (most recent call last):\\n  File 'a', line 1\\n    f()\\nOSError: full\\n")
    'WARNING - x\\nOSError: full\\n'
    """
    out, in_traceback = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
            continue
        if in_traceback and line[:1] in (" ", "\t"):
            continue
        in_traceback = False
        out.append(line)
    return "".join(out)


def _mkdocs_failed(mkdocs: mkdocs_process.Running | None) -> bool:
    """After a step beside MkDocs raised: whether MkDocs failed too (waited for). Both read the config, so a
    broken config fails both, and the build then answers as MkDocs did, with its exit code, as it did when
    MkDocs ran first."""
    return mkdocs is not None and mkdocs.wait() != 0


def _stop(mkdocs: mkdocs_process.Running | None, run: BulkRun, out: Path) -> None:
    """After a failure: the pool shut, MkDocs killed, its side folder removed."""
    run.close()
    if mkdocs is not None and mkdocs.poll() is None:
        mkdocs.kill()
        mkdocs.wait()
    if mkdocs is not None:
        _relay(mkdocs)
    shutil.rmtree(out / MKDOCS_SIDE, ignore_errors=True)


def _complete(mkdocs: mkdocs_process.Running, run: BulkRun, out: Path, indexer,
              config_file: Path) -> tuple[int, BulkStats | None]:
    """The bulk run finished (the full-text ``indexer``, if any — ``_FullText`` or ``fulltext.ShardIndexer`` —
    told by ``start()`` once the plain files are written), MkDocs waited for and its side folder moved into
    ``out``, then the sitemap of every page and ``robots.txt`` written (``sitemap.py``, with the ``site_url``
    of ``config_file``): ``render_site``'s return value."""
    side = out / MKDOCS_SIDE
    built = False
    try:
        try:
            stats = run.finish(on_files=indexer.start if indexer else None)
        except Exception:
            if indexer is not None:
                indexer.abort()  # no index for a build that failed
            if _mkdocs_failed(mkdocs):  # the same broken config: MkDocs has said why
                return mkdocs.returncode, None
            raise
        code = mkdocs.wait()
        if code == 0 and not (side / "index.html").is_file():
            code = 1
        built = code == 0
        if built:
            _move_into(side, out)
            write_sitemaps(out, _site_url(config_file))
        if indexer is not None:
            indexer.start()  # (no-op when started)
            index_code = indexer.wait()
            code = code or index_code
    finally:
        _stop(mkdocs, run, out)
        if indexer is not None:
            indexer.wait()
    return code, (stats if built else None)


def _site_url(config_file: Path) -> str | None:
    """The address the site is published at, as MkDocs reads it from ``config_file`` (``!ENV`` resolved; None
    when unset)."""
    from mkdocs.config import load_config

    return load_config(str(config_file))["site_url"] or None


class _FullText:
    """``index_full_text(site, reuse=reuse)`` in a thread (it waits on Pagefind processes), started once."""

    def __init__(self, site: Path, reuse: ShardReuse):
        self.site, self.reuse, self.thread, self.code = site, reuse, None, 1
        self.error: BaseException | None = None

    def start(self) -> None:
        import threading

        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="xxgk-pagefind", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        try:
            self.code = index_full_text(self.site, reuse=self.reuse)
        except BaseException as error:  # raised again in the building thread by wait()
            self.error = error

    def abort(self) -> None:
        """The build failed: wait for a run already started, whatever it gives."""
        if self.thread is not None:
            self.thread.join()
        self.error = None

    def wait(self) -> int:
        """Pagefind's exit code once it is done (raises what ``index_full_text`` raised)."""
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.code


def _move_into(source: Path, target: Path) -> None:
    """Move ``source``'s tree into ``target`` by renames: an entry absent there is moved whole, a folder both
    hold is merged, a file both hold stays ``target``'s. ``source`` is left empty or holding those files."""
    for entry in sorted(os.listdir(source)):
        here, there = source / entry, target / entry
        if not there.exists() and not there.is_symlink():
            os.replace(here, there)
        elif here.is_dir() and not here.is_symlink() and there.is_dir() and not there.is_symlink():
            _move_into(here, there)


def build_site(package_dir: Path, site_src: Path, site_dir: Path, strict: bool = False,
               cache_dir: Path | str | None = None, config_file: Path = Path("mkdocs.yml"),
               workers: int | None = None, gate=None) -> tuple[int, BulkStats | None]:
    """Pages into ``site_src``, ``mkdocs build``, the bulk pages and the full-text index beside ``site_dir`` (its
    unchanged files linked, ``previous``; unchanged full-text shards from the cache, ``fulltext_reuse``), swapped
    in if it succeeded — and if ``gate()``, when given, says yes once it is built (``xxgk build``: the package it
    was built from is valid); ``cache_dir``: the caches' parent folder (None: no cache). Returns MkDocs' exit code
    (1 if it wrote no ``index.html``, or the gate said no) and what the bulk rendering did, as ``pages_and_site``;
    ``site_dir`` is untouched on failure."""
    check_output(site_dir, None, "--site", {"--out": package_dir, "site_src": site_src})
    with locked(site_dir):
        recover(site_dir)
        staging = staging_for(site_dir)
        try:
            code, stats = pages_and_site(package_dir, site_src, config_file, staging, strict, cache_dir, workers,
                                         previous=site_dir)
            if code == 0 and gate is not None and not gate():
                code = 1
            if code == 0:
                seal(staging)  # (mkdocs cleaned the folder first: its marker written again, with what it holds)
                swap_in(staging, site_dir)
        finally:
            remove_made(staging)
    return code, stats

