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

Same safety rules as the parse cache (``package/parse_cache.py``): entries are gzip-compressed bytes of
the HTML behind a header naming the format and the key — never pickle, so a cache restored by CI holds data
and cannot run code; optional (deleting it changes no byte of the site); an unreadable or foreign entry is
rendered again and one line on stderr says so; stale contexts are removed when a cache is opened.

Layout: ``<cache_dir>/pages/<context>/<key[:2]>/<key>.html.gz``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..package.parse_cache import library_version, remove_other_contexts
from ..safe import terminal_text

FORMAT = "xxgk-page-cache-1"
RENDERING_LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "Pygments",
                       "minify-html")
MAX_ENTRY_BYTES = 16 * 2**20  # a page that inflates beyond this is treated as corrupt (pages are ≈ 30 KB)
_SHARD = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"([0-9a-f]{64})\.html\.gz")
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


@dataclass(frozen=True)
class PageCache:
    """One cache folder and context. Picklable (two strings), so it travels to the rendering workers."""

    root: str
    context: str

    @classmethod
    def open(cls, cache_dir: str | Path, config_file: Path) -> PageCache | None:
        """The page cache in ``cache_dir`` for the current rendering context; other contexts are removed.
        None (no cache, said on stderr) when ``pages/`` or this context's folder is a link: a restored cache
        pointing elsewhere must not make the build write or prune in a folder the tool did not make."""
        context = context_hash(config_file)
        folders = [Path(cache_dir) / "pages", Path(cache_dir) / "pages" / context]
        if any(folder.is_symlink() for folder in folders):
            print(terminal_text(f"xxgk: page cache {folders[0]} is not a folder of its own; not used"),
                  file=sys.stderr)
            return None
        remove_other_contexts(folders[0], context)
        return cls(str(cache_dir), context)

    @staticmethod
    def key(line: str) -> str:
        return hashlib.sha256(line.encode("utf-8")).hexdigest()

    def entry_path(self, key: str) -> Path:
        return Path(self.root) / "pages" / self.context / key[:2] / f"{key}.html.gz"

    def get(self, line: str) -> tuple[bytes | None, str | None]:
        """``(HTML, None)`` for a cached page, ``(None, None)`` when absent, ``(None, warning)`` when its
        entry is unreadable or not this page's (it is then rendered again)."""
        key = self.key(line)
        path = self.entry_path(key)
        if not path.is_file() or path.is_symlink():
            return None, None
        header = f"{FORMAT}\n{key}\n".encode()
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                raise ValueError("too large")
            inflate = zlib.decompressobj(wbits=31)  # gzip; inflated at most MAX_ENTRY_BYTES + 1 (no bomb)
            data = inflate.decompress(path.read_bytes(), MAX_ENTRY_BYTES + 1)
            if not inflate.eof or len(data) > MAX_ENTRY_BYTES:
                raise ValueError("truncated or too large")
            if not data.startswith(header):
                raise ValueError("not an entry for this page")
            return data[len(header):], None
        except (OSError, EOFError, ValueError, zlib.error) as error:
            return None, terminal_text(f"xxgk: page cache entry {path.name} unreadable ({error}); re-rendered")

    def prune(self, used: set[str]) -> int:
        """Remove this context's entries whose key is not in ``used`` (the pages of the build just made), so the
        cache holds one site's pages, not every page ever rendered. Only names this module writes are touched."""
        removed = 0
        folder = Path(self.root) / "pages" / self.context
        if not folder.is_dir() or folder.is_symlink():
            return 0
        for shard in folder.iterdir():
            if not (shard.is_dir() and not shard.is_symlink() and _SHARD.fullmatch(shard.name)):
                continue
            for entry in shard.iterdir():
                match = _ENTRY.fullmatch(entry.name)
                if ((match and match.group(1) not in used) or entry.name.startswith(".tmp-")) \
                        and (entry.is_symlink() or not entry.is_dir()):  # a folder there is not an entry: left
                    try:
                        entry.unlink(missing_ok=True)
                        removed += 1
                    except OSError:  # not removable (permissions): the cache is only larger
                        pass
        return removed

    def put(self, line: str, html: bytes) -> None:
        """Store a rendered page atomically (a temporary file renamed into place); failing to store is harmless."""
        key = self.key(line)
        path = self.entry_path(key)
        try:
            data = gzip.compress(f"{FORMAT}\n{key}\n".encode() + html, compresslevel=3, mtime=0)
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent.is_symlink():  # a shard folder planted as a link: never written through
                return
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:  # a full disk: the next build renders it again
            pass
