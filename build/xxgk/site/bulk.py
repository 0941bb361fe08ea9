"""The bulk pages (report, agency, source) outside MkDocs, in the same Material shell.

MkDocs holds every page it builds in memory, and at 100,000 reports (≈ 125,000 report and agency
pages) that does not fit; its per-page cost is also paid again on every build. So the page writers
(``pages.py``) spool the bulk pages into ``site_src/.bulk/`` — a dot folder, which MkDocs neither
renders nor publishes — and ``mkdocs build`` renders only the editorial pages (home, indexes,
compare, data, report card, quality, checks, about). Then :func:`render_bulk` renders the spooled
pages the way MkDocs renders a page, with its own objects: the project's ``mkdocs.yml`` loaded with
``mkdocs.config.load_config``, the plugins' ``on_startup``/``on_config``/``on_files``/``on_nav``/``on_env``
events run as ``mkdocs build`` runs them, the page's Markdown rendered as ``mkdocs.structure.pages.Page.render``
renders it with the config's extensions (table of contents included; one ``markdown.Markdown`` a worker,
``page_markdown.py``), the HTML blocks put back exactly as the ``on_page_content`` hook does
(``blocks.inject``), the context from ``mkdocs.commands.build.get_context`` and the theme's ``main.html`` —
filled from a shell rendered once per page shape when that gives the same bytes (``shell.py``) — minified as
the ``on_post_page`` hook does (``minify.py``). The search
plugin's page events are not run: these pages are excluded from its index, as they were (``search: exclude``).
``tests/test_bulk_pages.py`` renders the same pages both ways and compares the HTML.

Spool: ``.bulk/pages.jsonl``, one Material page a line (``{"src": "a/<agency>/<year>.md", "markdown":
front matter + headings with placeholders, "blocks": [HTML]}``), and ``.bulk/files.jsonl``, one file a
line that is copied as it is (source pages: ``{"path", "text"}``).
Both are written in page order and read a line at a time, so neither side holds all pages.

Rendering runs in a process pool (``os.cpu_count()`` workers, each sets MkDocs up once). A task is a byte
range of the spool (``FILE_CHUNK`` plain files, then ``CHUNK`` pages): the worker reads those lines itself and
writes the files and pages straight into the built site, so the parent only cuts the ranges and waits, and
both cores render. The plain files come first, so the source pages are complete early (``on_files``: the
full-text index starts then, beside the rendering). A worker killed (out of memory…) breaks the pool: one
line on stderr, and its task and the rest are done in this process. With a
:class:`~xxgk.site.page_cache.PageCache`, a page whose spool line and rendering context are unchanged is copied
from the cache instead of rendered.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..previous import Previous
from .blocks import blocks_file, inject
from .minify import minify_page
from .page_markdown import Markdown
from .shell import Shells
from .titles import PAGE_FOLDERS, flat_page

BULK = ".bulk"
PAGES = "pages.jsonl"
FILES = "files.jsonl"
CHUNK = 200  # pages per task: large enough to amortise the hand-off, small enough to balance two workers
FILE_CHUNK = 500  # plain files per task (the source pages), written by the workers


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


class Spool:
    """Appends bulk pages and files to ``<site_src>/.bulk/`` (a context manager: closes both files).

    ``on_range(kind, start, end, paths)`` (optional) hears of each run of ``CHUNK`` pages (``kind``
    ``"pages"``) or ``FILE_CHUNK`` files (``"files"``; ``paths``: their site paths) once it is on disk, as
    byte offsets into its spool file, and of the last, shorter runs when the spool is closed: a renderer can
    start on them while the spool grows."""

    def __init__(self, site_src: Path, on_range: Callable[[str, int, int, tuple[str, ...]], None] | None = None):
        folder = Path(site_src) / BULK
        folder.mkdir(parents=True, exist_ok=True)
        self.pages = (folder / PAGES).open("wb")
        self.files = (folder / FILES).open("wb")
        self.on_range = on_range
        self._runs = {"pages": [0, 0, 0], "files": [0, 0, 0]}  # kind → [run start, offset, lines in the run]
        self._paths: list[str] = []  # the site paths of the files of the current run

    def page(self, src: str, markdown: str, blocks: list[str]) -> bytes:
        """A page MkDocs would have built from ``src`` (``a/x/2024.md``) with its HTML ``blocks`` injected;
        returns its spool line (``page_line`` appends it again, byte for byte)."""
        data = _line({"src": src, "markdown": markdown, "blocks": blocks}).encode("utf-8")
        self.page_line(data)
        return data

    @property
    def pages_offset(self) -> int:
        """Where the next page's line begins in ``pages.jsonl``."""
        return self._runs["pages"][1]

    def page_line(self, data: bytes) -> None:
        """A page as a spool line ``page`` returned (UTF-8, newline-terminated), appended as it is."""
        self._append("pages", self.pages, data, CHUNK)

    def file(self, path: str, text: str) -> bytes:
        """A file published as it is at ``path`` under the site root; returns its spool line (``file_line``
        appends it again, byte for byte)."""
        data = _line({"path": path, "text": text}).encode("utf-8")
        self.file_line(path, data)
        return data

    @property
    def files_offset(self) -> int:
        """Where the next file's line begins in ``files.jsonl``."""
        return self._runs["files"][1]

    def file_line(self, path: str, data: bytes) -> None:
        """The file at ``path`` as a spool line ``file`` returned for it, appended as it is."""
        self._paths.append(path)
        self._append("files", self.files, data, FILE_CHUNK)

    def _append(self, kind: str, handle, data: bytes, size: int) -> None:
        handle.write(data)
        run = self._runs[kind]
        run[1] += len(data)
        run[2] += 1
        if run[2] >= size:
            self._emit(kind, handle)

    def _emit(self, kind: str, handle) -> None:
        run = self._runs[kind]
        if run[2] and self.on_range is not None:
            handle.flush()  # on disk before anyone is told to read it
            self.on_range(kind, run[0], run[1], tuple(self._paths) if kind == "files" else ())
        run[0], run[2] = run[1], 0
        if kind == "files":
            self._paths = []

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is None:  # the last runs, unless the writing failed
            self._emit("files", self.files)
            self._emit("pages", self.pages)
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
        return _write_files(Path(site_dir), handle, Previous(None))


def _write_files(site_dir: Path, lines: Iterable[str], previous: Previous) -> int:
    """The plain files of ``lines`` into ``site_dir`` (each linked from ``previous`` when unchanged)."""
    count = 0
    made: set[Path] = set()  # folders already made or found (the source pages share one)
    for line in lines:
        entry = json.loads(line)
        target = _inside(site_dir, entry["path"])
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        previous.put(target, entry["path"], entry["text"].encode("utf-8"))
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

        from .template_cache import cache_theme_environments

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        cache_theme_environments()
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
        self.markdown = Markdown(config)
        self.shells = Shells(config, _targets(config, files), self.file)

    def dest_uri(self, src: str) -> str:
        """Where MkDocs writes the page built from ``src`` (``a/x/2024.md`` → ``a/x/2024.html``, ``a/x/index.md``
        → ``a/x/index.html``): :func:`page_file`'s."""
        return page_file(self.config, src).dest_uri

    def file(self, src: str, markdown: str):
        """The MkDocs ``File`` of a spooled page (its URL and where it is written: :func:`page_file`); the shells
        make their stand-ins with it too."""
        from mkdocs.structure.files import InclusionLevel

        file = page_file(self.config, src, InclusionLevel.NOT_IN_NAV)
        file.generated_by, file.abs_src_path, file._content = "xxgk", None, markdown  # File.generated's
        return file

    def render(self, entry: dict) -> tuple[str, bytes]:
        """``(path under the site, HTML bytes)`` of one spooled page, as ``mkdocs build`` writes it."""
        from mkdocs.structure.pages import Page

        config = self.config
        file = self.file(entry["src"], entry["markdown"])
        page = Page(None, file, config)
        config._current_page = page
        try:
            page.read_source(config)
            self.markdown.render(page, self.files)
            page.content = inject(page.content, entry["blocks"])  # the on_page_content hook's work
            output = self.shells.html(page, self.theme)
        finally:
            config._current_page = None
        return file.dest_uri, minify_page(output).encode("utf-8", errors="xmlcharrefreplace")  # on_post_page

    def theme(self, page) -> str:
        """The theme's template rendered for ``page`` as ``mkdocs build`` renders it (``Shells`` fills it from a
        shell when it can)."""
        page.active = True
        try:
            context = self.get_context(self.nav, self.doc_files, self.config, page)
            return self.env.get_template(page.meta.get("template", "main.html")).render(context)
        finally:
            page.active = False


def _targets(config, files) -> set[tuple[str, ...]]:
    """The paths a page of the theme may link to, as segment tuples: every file's URL and destination, the
    extra CSS and scripts, and the bulk pages' first folders (``Shells`` keeps a page's path literal as long
    as it begins like one of these)."""
    paths = [f.url for f in files] + [f.dest_uri for f in files]
    paths += [str(p) for p in (*config["extra_css"], *config["extra_javascript"])]
    paths += list(PAGE_FOLDERS)  # which pages are files depends on this segment (``page_file``): kept literal
    return {tuple(p.split("/")) for p in paths}


def page_file(config, src: str, inclusion=None):
    """MkDocs' ``File`` of the page built from ``src`` with the config's ``site_dir``: a report page is a file
    (``titles.flat_page``: ``use_directory_urls`` off for it alone), every other page as the config says. The
    ``on_files`` hook (``mkdocs_hooks.py``) gives MkDocs' own files the same, so both renderings agree."""
    from mkdocs.structure.files import File, InclusionLevel

    return File(src, None, str(config["site_dir"]), config["use_directory_urls"] and not flat_page(src),
                inclusion=InclusionLevel.UNDEFINED if inclusion is None else inclusion)


_RENDERER: Renderer | None = None
_CACHE = None
_PREVIOUS = Previous(None)


def _setup(config_file: str, site_dir: str, cache, previous: str | None = None) -> None:
    """A worker's (or this process's) renderer, page cache and old site (``previous.Previous``)."""
    global _RENDERER, _CACHE, _PREVIOUS
    _RENDERER, _CACHE, _PREVIOUS = Renderer(Path(config_file), Path(site_dir)), cache, Previous(previous)


def _render_chunk(lines: list[str]) -> tuple[list[str], int, list[str], list[str]]:
    """Render (or take from the cache) and write a chunk of spool lines:
    ``(sources of the pages rendered, number reused, warnings, cache keys used)``."""
    assert _RENDERER is not None
    rendered: list[str] = []
    reused = 0
    warnings: list[str] = []
    keys: list[str] = []
    made: set[Path] = set()  # folders this chunk created or found (one mkdir a folder, not one a page)
    fresh: list[tuple[str, bytes]] = []  # the pages rendered: one pack in the page cache for the chunk
    for line in lines:
        entry = json.loads(line)
        html = None
        if _CACHE is not None:
            keys.append(_CACHE.key(line))
            html, warning = _CACHE.get(line)
            if warning:
                warnings.append(warning)
        if html is None:  # where to write it from the File the rendering made (a second File a page cost ≈ 4 %
            dest, html = _RENDERER.render(entry)  # of the rendering's CPU)
            rendered.append(entry["src"])
            fresh.append((line, html))
        else:
            dest = _RENDERER.dest_uri(entry["src"])
            reused += 1
        target = _inside(_RENDERER.site_dir, dest)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _PREVIOUS.put(target, dest, html)
    if _CACHE is not None:
        _CACHE.put_all(fresh)
    return rendered, reused, warnings, keys


# -- work split into byte ranges of the spool --------------------------------------------------------

def _ranges(path: Path, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` byte offsets of consecutive runs of ``size`` lines of the spool file ``path``: a task
    names its lines by offsets, so the parent neither decodes nor ships them (the workers read them)."""
    out: list[tuple[int, int]] = []
    if not path.exists():
        return out
    start = end = count = 0
    with path.open("rb") as handle:
        for line in handle:
            end += len(line)
            count += 1
            if count == size:
                out.append((start, end))
                start, count = end, 0
    if count:
        out.append((start, end))
    return out


def _lines(path: str, start: int, end: int) -> list[str]:
    """The spool lines between two offsets, as text mode reads them (JSON escapes every CR, so the lines
    end at LF and nowhere else)."""
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    return [line.decode("utf-8") + "\n" for line in data.split(b"\n")[:-1]]


def _render_range(path: str, start: int, end: int) -> tuple[list[str], int, list[str], list[str]]:
    """A worker's task: render the pages of one byte range of ``pages.jsonl`` (``_render_chunk``)."""
    return _render_chunk(_lines(path, start, end))


def _files_range(path: str, start: int, end: int, site_dir: str | None = None, previous: str | None = None) -> int:
    """A worker's task: write the plain files of one byte range of ``files.jsonl`` into the site being built
    (``site_dir`` and the old site ``previous``; default the worker's)."""
    if site_dir is None:
        assert _RENDERER is not None
        return _write_files(_RENDERER.site_dir, _lines(path, start, end), _PREVIOUS)
    return _write_files(Path(site_dir), _lines(path, start, end), Previous(previous))


@dataclass(frozen=True)
class BulkStats:
    """What :func:`render_bulk` did: the pages rendered (their spool ``src``, in spool order), the number
    copied from the page cache, the number of plain files written."""

    rendered: tuple[str, ...]
    reused: int
    files: int


def render_bulk(site_src: Path, config_file: Path, site_dir: Path, cache=None, workers: int | None = None,
                on_files: Callable[[], None] | None = None, previous: Path | None = None) -> BulkStats:
    """Render every spooled page of ``site_src`` into ``site_dir`` (after ``mkdocs build`` wrote the editorial
    pages there with ``config_file``, or while it writes them elsewhere) and write the spooled files;
    ``cache``: a ``PageCache`` or None; ``on_files``: called once every plain file is written (the source
    pages are then complete: the full-text index can start while the pages render). See :class:`BulkRun`.
    ``previous``: the site this one replaces, whose unchanged files are linked (``previous.Previous``).
    The output does not depend on the number of workers, on the cache or on the previous site."""
    run = spool_run(site_src, config_file, site_dir, workers, previous)
    run.start(cache)
    return run.finish(on_files)


def spool_run(site_src: Path, config_file: Path, site_dir: Path, workers: int | None = None,
              previous: Path | None = None) -> BulkRun:
    """A :class:`BulkRun` given every range of a written spool (the plain files first), not yet started."""
    site_src = Path(site_src)
    run = BulkRun(site_src, config_file, site_dir, workers, previous)
    for start, end in _ranges(site_src / BULK / FILES, FILE_CHUNK):
        run.add("files", start, end)
    for start, end in _ranges(site_src / BULK / PAGES, CHUNK):
        run.add("pages", start, end)
    return run


class BulkRun:
    """Rendering the spool of ``site_src`` into ``site_dir``, fed byte ranges of it (``add``) — all at once
    (``render_bulk``) or while the spool is written (``Spool(on_range=run.add)``, the build's way).

    Nothing runs before ``start`` (the editorial pages and ``assets/site.json`` must exist: MkDocs is set up
    from them). Then, once there are two runs of pages and ``workers`` (default ``os.cpu_count()``) is more
    than one, a spawn pool gets every range, the plain files' and the pages', as they come: the workers read
    those lines, render and write them; this process only hands out ranges. With one run of pages or one
    worker, ``finish`` does everything here. ``finish`` writes the files first (then calls ``on_files``), then
    the pages, gathering the results in spool order; a task whose worker died (the pool broken: one line on
    stderr) is done in this process. ``previous``: the site this one replaces (its unchanged files are linked,
    ``previous.Previous``), or None."""

    def __init__(self, site_src: Path, config_file: Path, site_dir: Path, workers: int | None = None,
                 previous: Path | None = None):
        self.pages_path, self.files_path = Path(site_src) / BULK / PAGES, Path(site_src) / BULK / FILES
        self.site_dir = Path(site_dir)
        self.previous = None if previous is None else str(Path(previous).resolve())
        self.config_file = Path(config_file)
        self.workers = workers or os.cpu_count() or 1
        self.tasks: dict[str, list] = {"files": [], "pages": []}  # kind → [(future or None, start, end)]
        self.submitted = {"files": 0, "pages": 0}  # kind → tasks handed to the pool so far
        self.paths: list[tuple[str, ...]] = []  # per run of files, its site paths
        self.on_written: Callable[[tuple[str, ...]], None] | None = None  # hears of files on disk, in order
        self.delivered = 0  # runs of files told to on_written
        self.written = 0  # files in those runs
        self.cache = None
        self.started = False
        self.pool: ProcessPoolExecutor | None = None
        self.broken: list[str] = []  # why the pool broke (a worker killed: out of memory…), once it has
        self._here_set_up = False

    def _setup_args(self) -> tuple:
        return (str(self.config_file.resolve()), str(self.site_dir.resolve()), self.cache, self.previous)

    def add(self, kind: str, start: int, end: int, paths: tuple[str, ...] = ()) -> None:
        """A run of spool lines to write (``kind`` ``"files"`` or ``"pages"``), as byte offsets; ``paths``: the
        site paths of a run of files, told to ``on_written`` once they are on disk."""
        self.tasks[kind].append((None, start, end))
        if kind == "files":
            self.paths.append(paths)
        self._submit()
        self._deliver()

    def _deliver(self) -> None:
        """Tell ``on_written`` of the runs of files the pool has written, in spool order (a run that failed
        waits for ``finish``)."""
        files = self.tasks["files"]
        while self.on_written is not None and self.delivered < len(files):
            future = files[self.delivered][0]
            if future is None or not future.done() or future.cancelled() or future.exception() is not None:
                return
            self.written += future.result()
            self.on_written(self.paths[self.delivered])
            self.delivered += 1

    def start(self, cache=None) -> None:
        """The editorial pages are written: rendering may begin (with ``cache``, a ``PageCache`` or None)."""
        self.cache, self.started = cache, True
        self._submit()

    def _submit(self) -> None:
        if not self.started or self.workers == 1 or self.broken:
            return
        if self.pool is None:
            if len(self.tasks["pages"]) < 2:
                return
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # a clean interpreter: no parent memory, no locks
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_setup,
                                            initargs=self._setup_args())
        for kind, function, path in (("files", _files_range, self.files_path),
                                     ("pages", _render_range, self.pages_path)):
            tasks = self.tasks[kind]
            while self.submitted[kind] < len(tasks):
                i = self.submitted[kind]
                _, start, end = tasks[i]
                try:
                    tasks[i] = (self.pool.submit(function, str(path), start, end), start, end)
                except BrokenProcessPool:
                    self._broke("broken")
                    return
                self.submitted[kind] += 1

    def _broke(self, why: str) -> None:
        if not self.broken:
            self.broken.append(why)
            _say([f"xxgk: a page-rendering worker died ({why}); the remaining pages are rendered in this process"])

    def _here(self, kind: str, start: int, end: int):
        """A task done in this process (no pool, or the pool is broken: the output is the same either way)."""
        if kind == "files":
            return _files_range(str(self.files_path), start, end, str(self.site_dir), self.previous)
        if not self._here_set_up:  # this build's renderer (the module's may be an earlier build's)
            _setup(*self._setup_args())
            self._here_set_up = True
        return _render_range(str(self.pages_path), start, end)

    def _outcome(self, kind: str, future, start: int, end: int):
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool as error:
                self._broke(str(error))
        return self._here(kind, start, end)

    def finish(self, on_files: Callable[[], None] | None = None) -> BulkStats:
        """Wait for (or do) every task; call ``on_files`` once the plain files are written. The pool is shut."""
        if not self.started:
            self.start(None)
        try:
            files = self.written
            for i, task in enumerate(self.tasks["files"][self.delivered:], start=self.delivered):
                files += self._outcome("files", *task)
                if self.on_written is not None:
                    self.on_written(self.paths[i])
            self.delivered = len(self.tasks["files"])
            if on_files is not None:
                on_files()
            rendered: list[str] = []
            reused = 0
            used: set[str] = set()  # the cache keys of this build's pages (the rest are pruned)
            for task in self.tasks["pages"]:
                r, u, warnings, keys = self._outcome("pages", *task)
                rendered += r
                reused += u
                used.update(keys)
                _say(warnings)
        finally:
            self.close()
        return _finish(rendered, reused, files, self.cache, used)

    def close(self) -> None:
        """Shut the pool (pending tasks cancelled): after ``finish``, or when the build failed."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _finish(rendered: list[str], reused: int, files: int, cache, used: set[str]) -> BulkStats:
    global _RENDERER, _CACHE, _PREVIOUS
    # MkDocs' objects (and the old site) are not kept past the build that set them up here
    _RENDERER, _CACHE, _PREVIOUS = None, None, Previous(None)
    if cache is not None:
        cache.prune(used)
    return BulkStats(tuple(rendered), reused, files)


def _say(warnings: list[str]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
