"""The page cache: each bulk page's rendered HTML, kept on disk, so a rebuild renders only the pages whose
inputs changed.

A page's inputs are its spool line (``bulk.py``: its path, its Markdown and its HTML blocks — everything the
page shows from the data, peer medians and ranks included, is in them) and the *context* of rendering:
a hash of the versions of MkDocs, Material, Python-Markdown, pymdown-extensions, Jinja2 and Pygments, the
MkDocs config file, the theme overrides (``custom_dir``), the site's footer data (``assets/site.json``),
the site code (``xxgk/site/``, assets included), ``safe.py`` and the rules. An entry is keyed on the
SHA-256 of the spool line inside a folder named by the context, so a changed template, theme or config
starts an empty cache and a changed report re-renders exactly the pages whose lines changed (its report
page, its agency page, the pages of its peer group whose medians moved…). After a build the entries of
pages that are no longer in the site are removed (``prune``), so the cache stays the size of one site.

Same safety rules as the parse cache (``package/parse_cache.py``): an entry is the gzip-compressed bytes of
the HTML behind a header naming the format and the key — never pickle, so a cache restored by CI holds data
and cannot run code; optional (deleting it changes no byte of the site); an unreadable or foreign entry is
rendered again and one line on stderr says so; stale contexts are removed when a cache is opened.

Entries are written in *packs*, one file for the pages a rendering task rendered (up to ``bulk.CHUNK``), not
one file a page: a cold build wrote ≈ 2 files a page (a temporary file renamed into place), and creating a
file costs this machine's kernel 0.1–0.8 ms of CPU — more than rendering the page. A pack is a text header
(``xxgk-page-cache-2``, the number of entries, then one line ``<key> <offset> <length>`` an entry) followed by
the entries, each compressed on its own so that one page is read without the others. A pack is written to a
temporary file and renamed into place (atomic); a process reads the headers of the context's packs once a
build (``PageCache.run``) to know where each key is. A pack whose header is unreadable counts as absent (its
pages are rendered again, stderr says so when the cache is opened) and is removed by ``prune``.

Layout: ``<cache_dir>/pages/<context>/<sha256 of the pack's keys>.pack``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..folders import mark_cache_folder
from ..package.parse_cache import library_version, remove_other_contexts
from ..safe import terminal_text

FORMAT = "xxgk-page-cache-2"
RENDERING_LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "Pygments",
                       "minify-html")
MAX_ENTRY_BYTES = 16 * 2**20  # a page that inflates beyond this is treated as corrupt (pages are ≈ 30 KB)
MAX_PACK_ENTRIES = 100_000  # a header announcing more is not a pack this module wrote
_PACK = re.compile(r"([0-9a-f]{64})\.pack")
_HEADER_LINE = re.compile(rb"([0-9a-f]{64}) ([0-9]{1,12}) ([0-9]{1,12})\n")
_INDEXES: dict[tuple[str, str, str], dict[str, tuple[Path, int, int]]] = {}  # this process's index, one build
PACKAGE = Path(__file__).resolve().parents[1]  # build/xxgk


def _tree(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
        if folder.is_dir() else []


def context_hash(config_file: Path) -> str:
    """SHA-256 of everything a bulk page's HTML depends on besides its spool line (module docstring)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    docs_dir, custom_dir = Path(config["docs_dir"]), config["theme"].custom_dir
    digest = hashlib.sha256()
    for part in (FORMAT, f"{sys.version_info.major}.{sys.version_info.minor}",
                 *(f"{n}=={library_version(n)}" for n in RENDERING_LIBRARIES)):
        digest.update(part.encode("utf-8") + b"\0")
    # what the config file takes from the environment (``!ENV``) is not in its bytes: hashed as resolved
    digest.update(f"site_url={config['site_url'] or ''}".encode() + b"\0")
    named = [("config", Path(config_file)), ("site.json", docs_dir / "assets" / "site.json"),
             ("safe.py", PACKAGE / "safe.py")]
    named += [(f"site/{p.relative_to(PACKAGE / 'site').as_posix()}", p) for p in _tree(PACKAGE / "site")]
    named += [(f"rules/{p.relative_to(PACKAGE / 'rules').as_posix()}", p) for p in _tree(PACKAGE / "rules")]
    if custom_dir:
        named += [(f"overrides/{p.relative_to(custom_dir).as_posix()}", p) for p in _tree(Path(custom_dir))]
    for name, path in named:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"absent")
    return digest.hexdigest()


def _read_header(path: Path) -> tuple[list[tuple[str, int, int]], int] | None:
    """``([(key, offset, length)], where the entries begin)`` of a pack, or None when its header is not one
    this module writes (or the file is not a regular file of its own)."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            if handle.readline() != f"{FORMAT}\n".encode():
                return None
            count = handle.readline(16)
            if not re.fullmatch(rb"[0-9]{1,6}\n", count) or int(count) > MAX_PACK_ENTRIES:
                return None
            entries = []
            for _ in range(int(count)):
                match = _HEADER_LINE.fullmatch(handle.readline(100))
                if match is None:
                    return None
                entries.append((match.group(1).decode(), int(match.group(2)), int(match.group(3))))
            return entries, handle.tell()
    except OSError:
        return None


def _packs(folder: Path) -> list[Path]:
    """The pack files of a context folder, in name order (none when the folder is a link or absent)."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if _PACK.fullmatch(p.name))


@dataclass(frozen=True)
class PageCache:
    """One cache folder and context, for one build (``run``: a token of the build, so a process reads the
    packs' headers once a build). Picklable (three strings), so it travels to the rendering workers."""

    root: str
    context: str
    run: str = ""

    @classmethod
    def open(cls, cache_dir: str | Path, config_file: Path) -> PageCache | None:
        """The page cache in ``cache_dir`` for the current rendering context; other contexts are removed.
        None (no cache, said on stderr) when ``pages/`` or this context's folder is a link: a restored cache
        pointing elsewhere must not make the build write or prune in a folder the tool did not make.
        A pack whose header is unreadable is said on stderr (its pages are rendered again)."""
        context = context_hash(config_file)
        folders = [Path(cache_dir) / "pages", Path(cache_dir) / "pages" / context]
        if any(folder.is_symlink() for folder in folders):
            print(terminal_text(f"xxgk: page cache {folders[0]} is not a folder of its own; not used"),
                  file=sys.stderr)
            return None
        remove_other_contexts(folders[0], context)
        for pack in _packs(folders[1]):
            if _read_header(pack) is None:
                print(terminal_text(f"xxgk: page cache pack {pack.name} unreadable; its pages are re-rendered"),
                      file=sys.stderr)
        return cls(str(cache_dir), context, f"{os.getpid()}-{time.monotonic_ns()}")

    @staticmethod
    def key(line: str) -> str:
        return hashlib.sha256(line.encode("utf-8")).hexdigest()

    @property
    def folder(self) -> Path:
        return Path(self.root) / "pages" / self.context

    def _index(self) -> dict[str, tuple[Path, int, int]]:
        """key → (pack, offset, length), read once a build and process (the packs written since are this
        build's own pages, never looked up again)."""
        name = (self.root, self.context, self.run)
        index = _INDEXES.get(name)
        if index is None:
            index = {}
            for pack in _packs(self.folder):
                header = _read_header(pack)
                if header is not None:
                    entries, start = header
                    index.update((key, (pack, start + offset, length)) for key, offset, length in entries)
            _INDEXES.clear()  # one build's index at a time
            _INDEXES[name] = index
        return index

    def get(self, line: str) -> tuple[bytes | None, str | None]:
        """``(HTML, None)`` for a cached page, ``(None, None)`` when absent, ``(None, warning)`` when its
        entry is unreadable or not this page's (it is then rendered again)."""
        key = self.key(line)
        found = self._index().get(key)
        if found is None:
            return None, None
        pack, offset, length = found
        header = f"{FORMAT}\n{key}\n".encode()
        try:
            if length > MAX_ENTRY_BYTES:
                raise ValueError("too large")
            with pack.open("rb") as handle:
                handle.seek(offset)
                data = handle.read(length)
            if len(data) != length:
                raise ValueError("truncated")
            inflate = zlib.decompressobj(wbits=31)  # gzip; inflated at most MAX_ENTRY_BYTES + 1 (no bomb)
            data = inflate.decompress(data, MAX_ENTRY_BYTES + 1)
            if not inflate.eof or len(data) > MAX_ENTRY_BYTES:
                raise ValueError("truncated or too large")
            if not data.startswith(header):
                raise ValueError("not an entry for this page")
            return data[len(header):], None
        except (OSError, EOFError, ValueError, zlib.error) as error:
            return None, terminal_text(f"xxgk: page cache entry {key[:16]} in {pack.name} unreadable ({error}); "
                                       "re-rendered")

    def put(self, line: str, html: bytes) -> None:
        """Store one rendered page (a pack of one); see :meth:`put_all`."""
        self.put_all([(line, html)])

    def put_all(self, pages: list[tuple[str, bytes]]) -> None:
        """Store rendered pages ``(spool line, HTML)`` as one pack, atomically (a temporary file renamed into
        place); failing to store is harmless (the next build renders them again)."""
        if not pages:
            return
        self._write([(key, gzip.compress(f"{FORMAT}\n{key}\n".encode() + html, compresslevel=1, mtime=0))
                     for key, html in ((self.key(line), html) for line, html in pages)])

    def _write(self, entries: list[tuple[str, bytes]]) -> None:
        """A pack of ``(key, compressed entry)``, named by its keys."""
        folder = self.folder
        lines, offset = [], 0
        for key, blob in entries:
            lines.append(f"{key} {offset} {len(blob)}\n")
            offset += len(blob)
        head = f"{FORMAT}\n{len(entries)}\n{''.join(lines)}".encode()
        name = hashlib.sha256("".join(key for key, _ in entries).encode()).hexdigest()
        try:
            if folder.is_symlink() or folder.parent.is_symlink():  # planted as a link: nothing made through it
                return
            folder.mkdir(parents=True, exist_ok=True)
            if folder.is_symlink() or folder.parent.is_symlink():  # (planted meanwhile) never written through
                return
            mark_cache_folder(folder)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
            with os.fdopen(handle, "wb") as out:
                out.write(head)
                for _, blob in entries:
                    out.write(blob)
            os.replace(temporary, folder / f"{name}.pack")
        except OSError:  # a full disk: the next build renders them again
            return
        index = _INDEXES.get((self.root, self.context, self.run))
        if index is not None:  # this process's index already read: it learns of the new pack
            start = len(head)
            index.update((key, (folder / f"{name}.pack", start + int(line.split()[1]), len(blob)))
                         for (key, blob), line in zip(entries, lines, strict=True))

    def prune(self, used: set[str]) -> int:
        """Keep one site's pages (``used``: the keys of the build just made): a pack none of whose entries is used
        (or whose header is unreadable) is removed, one with fewer than half its entries used is rewritten with
        those only; leftover temporary files are removed. Only names this module writes are touched. Returns
        the number of packs removed or rewritten."""
        changed = 0
        folder = self.folder
        if not folder.is_dir() or folder.is_symlink():
            return 0
        for entry in folder.iterdir():
            if entry.name.startswith(".tmp-") and (entry.is_symlink() or not entry.is_dir()):
                _remove(entry)
        for pack in _packs(folder):
            if pack.is_dir() and not pack.is_symlink():  # a folder there is not a pack: left
                continue
            header = _read_header(pack)
            keep = [] if header is None else [(k, o, n) for k, o, n in header[0] if k in used]
            if header is not None and 2 * len(keep) >= len(header[0]):
                continue
            if keep:
                try:
                    with pack.open("rb") as handle:
                        blobs = []
                        for key, offset, length in keep:
                            handle.seek(header[1] + offset)
                            blobs.append((key, handle.read(length)))
                except OSError:
                    blobs = []
                if blobs:
                    self._write(blobs)
            _remove(pack)
            changed += 1
        return changed


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # not removable (permissions): the cache is only larger
        pass
