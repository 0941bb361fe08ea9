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
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from ..folders import MARKER, MARKER_TEXT, check_output, clear, locked, recover, staging_for, swap_in
from ..gcpause import gc_paused
from .browser_data import browser_files, search_aux
from .bulk import BulkStats, Spool, render_bulk
from .data import Package
from .downloads import copy_downloads
from .fulltext import index_full_text
from .meta import site_meta
from .page_cache import PageCache
from .pages import Site
from .redirects import META_KEY as REDIRECT_DIGITS
from .redirects import redirect_maps

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


def write_site_src(package_dir: Path, site_src: Path) -> None:
    """The pages into ``site_src`` (replaced whole; refused if it holds files xxgk did not write)."""
    check_output(site_src, None, "site_src")
    with locked(site_src), gc_paused():
        _write_site_src(package_dir, site_src)


def _write_site_src(package_dir: Path, site_src: Path) -> None:
    pkg = Package.open(package_dir)  # the small resources; the per-report ones are streamed (bounded memory)
    clear(site_src)  # the marker stays to the end: a kill here leaves a folder the next build accepts
    copy_downloads(package_dir, site_src / "downloads")  # first: the data page shows the published files' sizes
    with Spool(site_src) as spool:  # the bulk pages and source pages, rendered after mkdocs by bulk.render_bulk
        site = Site(pkg, site_src, spool)
        site.all_pages()
    assets = site_src / "assets"
    assets.mkdir(exist_ok=True)
    for name in ("xxgk.js", "xxgk.css", "search.js", "compare.js", "agencies.css"):
        (assets / name).write_bytes((ASSETS / name).read_bytes())
    (assets / "plotly-basic.min.js").write_bytes(plotly_bundle())
    (assets / "plotly-locale-zh-cn.js").write_bytes(plotly_locale())
    digits, old_urls = redirect_maps(site.report_urls)  # old /r/<id>/ URLs: looked up by the 404 page
    meta = {**site_meta(pkg), REDIRECT_DIGITS: digits}
    (assets / "site.json").write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    browser = browser_files(pkg, site.report_urls, site.values, site.years, site.peer)
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


def render_site(site_src: Path, config_file: Path, out: Path, strict: bool = False,
                cache_dir: Path | str | None = None, workers: int | None = None) -> tuple[int, BulkStats | None]:
    """``mkdocs build`` of the editorial pages of ``site_src`` into ``out`` (with ``config_file``, whose
    ``docs_dir`` is ``site_src``), then the bulk pages rendered outside MkDocs into the same folder
    (``bulk.render_bulk``; with the page cache in ``cache_dir``, None for none).
    Returns MkDocs' exit code (1 if it wrote no ``index.html``) and what the bulk rendering did."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(out)]
    code = subprocess.call(command + (["--strict"] if strict else []))
    if code == 0 and not (Path(out) / "index.html").is_file():
        code = 1
    if code:
        return code, None
    cache = PageCache.open(cache_dir, config_file) if cache_dir is not None else None
    return 0, render_bulk(site_src, config_file, out, cache, workers)


def build_site(package_dir: Path, site_src: Path, site_dir: Path, strict: bool = False,
               cache_dir: Path | str | None = None) -> int:
    """Pages into ``site_src``, ``mkdocs build`` and the bulk pages beside ``site_dir``, swapped in if it
    succeeded; ``cache_dir``: the page cache's parent folder (None: no cache).
    Returns MkDocs' exit code (1 if it wrote no ``index.html``); ``site_dir`` is untouched on failure."""
    check_output(site_dir, None, "--site", {"--out": package_dir, "site_src": site_src})
    with locked(site_dir):
        recover(site_dir)
        write_site_src(package_dir, site_src)
        staging = staging_for(site_dir)
        try:
            code, _ = render_site(site_src, Path("mkdocs.yml"), staging, strict, cache_dir)
            if code == 0:
                code = index_full_text(staging)  # Pagefind over the built pages
            if code == 0:
                (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # mkdocs cleans the folder first
                swap_in(staging, site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return code

