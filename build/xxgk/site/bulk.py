"""The bulk pages (report, agency, source) outside MkDocs, in the same Material shell.

MkDocs holds every page it builds in memory, and at 100,000 reports (≈ 125,000 report and agency
pages) that does not fit; its per-page cost is also paid again on every build. So the page writers
(``pages.py``) spool the bulk pages into ``site_src/.bulk/`` — a dot folder, which MkDocs neither
renders nor publishes — and ``mkdocs build`` renders only the editorial pages (home, indexes,
compare, data, report card, quality, checks, about). Then :func:`render_bulk` renders the spooled
pages the way MkDocs renders a page, with its own objects: the project's ``mkdocs.yml`` loaded with
``mkdocs.config.load_config``, the plugins' ``on_startup``/``on_config``/``on_files``/``on_nav``/``on_env``
events run as ``mkdocs build`` runs them, the page's Markdown rendered by ``mkdocs.structure.pages.Page``
with the config's extensions (table of contents included), the HTML blocks put back exactly as the
``on_page_content`` hook does (``blocks.inject``), the context from ``mkdocs.commands.build.get_context``
and the theme's ``main.html``, minified as the ``on_post_page`` hook does (``minify.py``). The search
plugin's page events are not run: these pages are excluded from its index, as they were (``search: exclude``).
``tests/test_bulk_pages.py`` renders the same pages both ways and compares the HTML.

Spool: ``.bulk/pages.jsonl``, one Material page a line (``{"src": "a/<agency>/<year>.md", "markdown":
front matter + headings with placeholders, "blocks": [HTML]}``), and ``.bulk/files.jsonl``, one file a
line that is copied as it is (source pages: ``{"path", "text"}``).
Both are written in page order and read a line at a time, so neither side holds all pages.

Rendering runs in a process pool (``os.cpu_count()`` workers, each sets MkDocs up once), in chunks of
``CHUNK`` pages, with at most two chunks a worker in flight; each worker writes its pages straight into
the built site. A worker killed (out of memory…) breaks the pool: one line on stderr, and its chunk and the
rest are rendered in this process. With a :class:`~xxgk.site.page_cache.PageCache`, a page whose spool
line and rendering context are unchanged is copied from the cache instead of rendered.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path, PurePosixPath

from .blocks import blocks_file, inject
from .minify import minify_page

BULK = ".bulk"
PAGES = "pages.jsonl"
FILES = "files.jsonl"
CHUNK = 200  # pages per task: large enough to amortise the hand-off, small enough to balance two workers
FILE_CHUNK = 50  # plain files the parent writes between two looks at the pool


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


class Spool:
    """Appends bulk pages and files to ``<site_src>/.bulk/`` (a context manager: closes both files)."""

    def __init__(self, site_src: Path):
        folder = Path(site_src) / BULK
        folder.mkdir(parents=True, exist_ok=True)
        self.pages = (folder / PAGES).open("w", encoding="utf-8", newline="\n")
        self.files = (folder / FILES).open("w", encoding="utf-8", newline="\n")

    def page(self, src: str, markdown: str, blocks: list[str]) -> None:
        """A page MkDocs would have built from ``src`` (``a/x/2024.md``) with its HTML ``blocks`` injected."""
        self.pages.write(_line({"src": src, "markdown": markdown, "blocks": blocks}))

    def file(self, path: str, text: str) -> None:
        """A file published as it is at ``path`` under the site root."""
        self.files.write(_line({"path": path, "text": text}))

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc) -> None:
        self.pages.close()
        self.files.close()


def spooled(site_src: Path, name: str = PAGES) -> Iterator[dict]:
    """The spooled entries, in order, one at a time."""
    path = Path(site_src) / BULK / name
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def page_html(entry: dict) -> str:
    """A spooled page's Markdown with its HTML blocks put back (what a reader of the page source sees,
    before the theme; for tests and tools)."""
    return inject(entry["markdown"], entry["blocks"])


def as_mkdocs_source(entry: dict, docs_dir: Path) -> Path:
    """Write a spooled page into ``docs_dir`` the way MkDocs builds it through the ``on_page_content`` hook
    (its Markdown, and its blocks in a side file): the reference :func:`render_bulk` is compared with."""
    src = PurePosixPath(entry["src"])
    target = Path(docs_dir) / src
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(entry["markdown"], encoding="utf-8")
    (target.parent / blocks_file(src.stem)).write_text(json.dumps(entry["blocks"], ensure_ascii=False),
                                                     encoding="utf-8")
    return target


def copy_files(site_src: Path, site_dir: Path) -> int:
    """Write the spooled plain files (the source pages) into the built site."""
    path = Path(site_src) / BULK / FILES
    if not path.exists():
        return 0
    with path.open(encoding="utf-8") as handle:
        return _write_files(Path(site_dir), handle)


def _write_files(site_dir: Path, lines: Iterable[str]) -> int:
    count = 0
    for line in lines:
        entry = json.loads(line)
        target = _inside(site_dir, entry["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(entry["text"], encoding="utf-8", newline="")
        count += 1
    return count


def _inside(root: Path, rel: str) -> Path:
    """``root / rel`` for a relative path the page writers made; anything climbing out is refused."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"bulk path outside the site: {rel!r}")
    return root.joinpath(*parts)


# -- rendering ------------------------------------------------------------------------------------

class Renderer:
    """MkDocs set up once (config, plugins, theme, navigation of the editorial pages) to render pages."""

    def __init__(self, config_file: Path, site_dir: Path):
        import logging

        from mkdocs.commands.build import get_context
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        env = config.theme.get_env()
        files = get_files(config)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        self.env = config.plugins.on_env(env, config=config, files=files)
        self.config, self.files, self.nav, self.get_context = config, files, nav, get_context
        self.doc_files = files.documentation_pages()
        self.site_dir = Path(site_dir)

    def dest_uri(self, src: str) -> str:
        """Where MkDocs writes the page built from ``src`` (``a/x/2024.md`` → ``a/x/2024/index.html``)."""
        from mkdocs.structure.files import File

        return File(src, None, str(self.site_dir), self.config["use_directory_urls"]).dest_uri

    def render(self, entry: dict) -> tuple[str, bytes]:
        """``(path under the site, HTML bytes)`` of one spooled page, as ``mkdocs build`` writes it."""
        from mkdocs.structure.files import File, InclusionLevel
        from mkdocs.structure.pages import Page

        config = self.config
        file = File.generated(config, entry["src"], content=entry["markdown"], inclusion=InclusionLevel.NOT_IN_NAV)
        page = Page(None, file, config)
        config._current_page = page
        try:
            page.read_source(config)
            page.render(config, self.files)
            page.content = inject(page.content, entry["blocks"])  # the on_page_content hook's work
            page.active = True
            context = self.get_context(self.nav, self.doc_files, config, page)
            output = self.env.get_template(page.meta.get("template", "main.html")).render(context)
        finally:
            page.active = False
            config._current_page = None
        return file.dest_uri, minify_page(output).encode("utf-8", errors="xmlcharrefreplace")  # on_post_page


_RENDERER: Renderer | None = None
_CACHE = None


def _setup(config_file: str, site_dir: str, cache) -> None:
    global _RENDERER, _CACHE
    _RENDERER, _CACHE = Renderer(Path(config_file), Path(site_dir)), cache


def _render_chunk(lines: list[str]) -> tuple[list[str], int, list[str], list[str]]:
    """Render (or take from the cache) and write a chunk of spool lines:
    ``(sources of the pages rendered, number reused, warnings, cache keys used)``."""
    assert _RENDERER is not None
    rendered: list[str] = []
    reused = 0
    warnings: list[str] = []
    keys: list[str] = []
    for line in lines:
        entry = json.loads(line)
        html = None
        if _CACHE is not None:
            keys.append(_CACHE.key(line))
            html, warning = _CACHE.get(line)
            if warning:
                warnings.append(warning)
        if html is None:
            _, html = _RENDERER.render(entry)
            rendered.append(entry["src"])
            if _CACHE is not None:
                _CACHE.put(line, html)
        else:
            reused += 1
        target = _inside(_RENDERER.site_dir, _RENDERER.dest_uri(entry["src"]))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
    return rendered, reused, warnings, keys


@dataclass(frozen=True)
class BulkStats:
    """What :func:`render_bulk` did: the pages rendered (their spool ``src``, in spool order), the number
    copied from the page cache, the number of plain files written."""

    rendered: tuple[str, ...]
    reused: int
    files: int


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def render_bulk(site_src: Path, config_file: Path, site_dir: Path, cache=None, workers: int | None = None
                ) -> BulkStats:
    """Render every spooled page of ``site_src`` into ``site_dir`` (after ``mkdocs build`` wrote the editorial
    pages there with ``config_file``) and write the spooled files; ``cache``: a ``PageCache`` or None.
    One process when the pages fit in one chunk or ``workers`` is 1; else a pool of ``workers``
    (default ``os.cpu_count()``) rendering the pages in chunks while this process writes the plain files
    a line at a time. The output does not depend on the number of workers or on the cache."""
    site_src, site_dir = Path(site_src), Path(site_dir)
    path = site_src / BULK / PAGES
    workers = workers or os.cpu_count() or 1
    rendered: list[str] = []
    reused = 0
    used: set[str] = set()  # the cache keys of this build's pages (the rest are pruned)
    setup = (str(Path(config_file).resolve()), str(site_dir.resolve()), cache)
    if not path.exists():
        return BulkStats((), 0, copy_files(site_src, site_dir))
    with path.open(encoding="utf-8") as handle:
        chunks = _chunks(handle, CHUNK)
        first, second = next(chunks, None), next(chunks, None)
        if first is None:
            return BulkStats((), 0, copy_files(site_src, site_dir))
        if workers == 1 or second is None:
            files = copy_files(site_src, site_dir)
            _setup(*setup)
            for chunk in chain((first, second), chunks):
                if chunk:
                    r, u, warnings, keys = _render_chunk(chunk)
                    rendered, reused = rendered + r, reused + u
                    used.update(keys)
                    _say(warnings)
            return _finish(rendered, reused, files, cache, used)
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # a clean interpreter: no parent memory, no locks
        results: dict[int, list[str]] = {}  # page chunk number → pages rendered (put back in spool order)
        files = 0
        broken: list[str] = []  # why the pool broke (a worker killed: out of memory…), once it has
        set_up: list[bool] = []

        def done_with(number: int, result) -> None:
            nonlocal reused
            r, u, warnings, keys = result
            results[number] = r
            reused += u
            used.update(keys)
            _say(warnings)

        def here(number: int, chunk: list[str]) -> None:
            """A chunk rendered in this process: the pool is broken (its pages are the same either way)."""
            if not set_up:  # this build's renderer (the module's may be an earlier build's)
                _setup(*setup)
                set_up.append(True)
            done_with(number, _render_chunk(chunk))

        def collect(done) -> None:
            for future in done:
                number, chunk = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool as error:
                    if not broken:
                        broken.append(str(error))
                        _say([f"xxgk: a page-rendering worker died ({error}); the remaining pages are rendered "
                              "in this process"])
                    here(number, chunk)
                    continue
                done_with(number, result)

        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_setup, initargs=setup) as pool, \
                (site_src / BULK / FILES).open(encoding="utf-8") as plain:
            pending: dict = {}  # future → (chunk number, its lines): at most 2 × workers chunks
            for number, chunk in enumerate(chain((first, second), chunks)):
                while len(pending) >= 2 * workers:  # bounded: never the whole spool in flight
                    written = _write_files(site_dir, islice(plain, FILE_CHUNK))  # the parent's share meanwhile
                    files += written
                    collect(wait(pending, timeout=0 if written else None, return_when=FIRST_COMPLETED).done)
                if broken:
                    here(number, chunk)
                    continue
                try:
                    pending[pool.submit(_render_chunk, chunk)] = (number, chunk)
                except BrokenProcessPool:
                    broken.append("broken")
                    here(number, chunk)
            files += _write_files(site_dir, plain)  # what is left of the plain files, a line at a time
            collect(wait(pending).done)
        rendered = [src for n in sorted(results) for src in results[n]]
    return _finish(rendered, reused, files, cache, used)


def _finish(rendered: list[str], reused: int, files: int, cache, used: set[str]) -> BulkStats:
    global _RENDERER, _CACHE
    _RENDERER, _CACHE = None, None  # MkDocs' objects are not kept past the build that set them up here
    if cache is not None:
        cache.prune(used)
    return BulkStats(tuple(rendered), reused, files)


def _say(warnings: list[str]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
