"""The parse cache: what reading and parsing one file gave, kept on disk, so a rebuild re-parses only what changed.

An entry is keyed on the file's SHA-256 and suffix, inside a folder named by the *context*: a hash
of the software version, the Python version, the reading libraries' versions, every file of
``rules/`` and the source of every module that may take part in reading and parsing
(``xxgk/*.py`` and ``xxgk/package/*.py``; not the site's) — so changing a rule or the code starts
an empty cache. Entries are gzip-compressed JSON (``record.plain``), never pickle: a cache restored by CI
holds data and cannot run code. The cache is optional: deleting it changes no byte of the output.
An unreadable or corrupt entry is re-parsed, and one line on stderr says so (it is not a finding:
the output does not depend on the cache). Stale contexts are removed when a cache is opened.

Layout: ``<cache_dir>/parse/<context>/<key[:2]>/<key>.json.gz``.

>>> import tempfile
>>> cache = ParseCache.open(tempfile.mkdtemp())
>>> len(cache.context), cache.entry_path("ab" * 32, ".TXT") == cache.entry_path("ab" * 32, ".txt")
(64, True)
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import types
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Union, get_args, get_origin, get_type_hints

from .. import __version__
from ..readers import MAX_BYTES
from ..record import from_plain, plain
from ..safe import terminal_text

FORMAT = "xxgk-parse-cache-1"
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "python-docx", "lxml", "opencc-python-reimplemented",
                     "charset-normalizer")
NOT_STORED = ("over_budget", "worker_died")  # outcomes of one run's circumstances, not of the file
NOT_CACHED = ("report_id", "source_file", "sha256", "manifest", "identity")  # from the path, the key, or applied later
MAX_ENTRY_BYTES = 256 * 2**20  # an entry that inflates beyond this is treated as corrupt
_CONTEXT_NAME = re.compile(r"[0-9a-f]{64}")
PACKAGE = Path(__file__).resolve().parents[1]  # build/xxgk


def library_version(name: str) -> str:
    """The installed version of distribution ``name``, or "absent" (part of a cache's context hash)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def remove_other_contexts(folder: Path, context: str) -> None:
    """Remove the stale context folders of a cache (``folder`` holds one folder per context): only real
    folders named like a context (64 hex digits) other than ``context`` — never a user's file or a link."""
    if folder.is_dir():
        for old in folder.iterdir():
            if old.is_dir() and not old.is_symlink() and _CONTEXT_NAME.fullmatch(old.name) and old.name != context:
                shutil.rmtree(old, ignore_errors=True)


@cache
def context_hash(package: Path | None = None) -> str:
    """SHA-256 of everything a parse depends on besides the file's bytes (see the module docstring);
    ``package`` is the ``xxgk`` source folder (default: the installed one)."""
    package = Path(package or PACKAGE)
    # every module but the site's: parse_one may move between modules, and a stale cache must never be served
    sources = sorted(package.glob("*.py")) + sorted((package / "package").glob("*.py"))
    rules = sorted(p for p in (package / "rules").rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for part in (FORMAT, __version__, f"{sys.version_info.major}.{sys.version_info.minor}",
                 *(f"{n}=={library_version(n)}" for n in READING_LIBRARIES)):
        digest.update(part.encode("utf-8") + b"\0")
    for path in sources + rules:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def _report_hints() -> dict:
    from .collect import Report

    return get_type_hints(Report)


def _has_shape(hint, value) -> bool:
    """Whether a decoded value has its annotation's outer type (and a list its items'): a shallow guard
    against an entry that decodes but is not what this module wrote."""
    if get_origin(hint) in (Union, types.UnionType):
        return any(_has_shape(h, value) for h in get_args(hint))
    if hint is type(None) or hint is None:
        return value is None
    outer = get_origin(hint) or hint
    if not isinstance(outer, type):
        return True  # an annotation this guard does not know is not checked
    if not isinstance(value, outer):
        return False
    if outer is list and get_args(hint):
        return all(_has_shape(get_args(hint)[0], v) for v in value)
    return True


@dataclass(frozen=True)
class ParseCache:
    """One cache folder and context. Picklable (two strings), so it travels to any executor's workers."""

    root: str
    context: str

    @classmethod
    def open(cls, cache_dir: str | Path) -> ParseCache:
        """The cache in ``cache_dir`` for the current code and rules; other contexts' folders are removed."""
        context = context_hash()
        remove_other_contexts(Path(cache_dir) / "parse", context)
        return cls(str(cache_dir), context)

    def entry_path(self, sha256: str, suffix: str) -> Path:
        key = hashlib.sha256(f"{sha256}\0{suffix.lower()}".encode()).hexdigest()  # no file-name text in paths
        return Path(self.root) / "parse" / self.context / key[:2] / f"{key}.json.gz"

    def load(self, path: Path, sha256: str, suffix: str) -> dict:
        """The cached fields of a report; raises (OSError, ValueError, …) when the entry is unreadable or not ours."""
        with gzip.open(path, "rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
        if len(data) > MAX_ENTRY_BYTES:
            raise ValueError("entry too large")
        entry = json.loads(data.decode("utf-8"))
        if entry.get("format") != FORMAT or entry.get("sha256") != sha256 or entry.get("suffix") != suffix.lower():
            raise ValueError("entry is for another file")
        hints = _report_hints()
        fields = {name: from_plain(hints[name], entry["report"][name]) for name in hints if name not in NOT_CACHED}
        if not all(_has_shape(hints[name], value) for name, value in fields.items()):
            raise ValueError("entry has the wrong shape")
        return fields

    def store(self, path: Path, report, suffix: str) -> None:
        """Write the entry atomically (a temporary file renamed into place); failing to store is harmless."""
        entry = {"format": FORMAT, "sha256": report.sha256, "suffix": suffix.lower(),
                 "report": {f.name: plain(getattr(report, f.name)) for f in fields(report) if f.name not in NOT_CACHED}}
        try:
            data = gzip.compress(json.dumps(entry, ensure_ascii=False).encode("utf-8"), compresslevel=3, mtime=0)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except (OSError, ValueError):  # a full disk or an unencodable text: the next build parses again
            return


@dataclass(frozen=True)
class CachedParse:
    """``parse_one(folder, path, name)`` with the cache in front; picklable like ``parse_one`` itself.

    The file is opened as ``parse_one`` opens it (``readers.open_beneath``: no link on the way, never
    outside ``folder``); only regular files within the reader's size bound go through the cache, and
    anything else goes straight to ``parse_one``, whose rules decide what it gives.
    """

    parse_one: Callable
    cache: ParseCache

    def __call__(self, folder: str, path: str, name: str | None = None):
        import stat
        import unicodedata

        from ..readers import open_beneath, sha256_of

        published = name or unicodedata.normalize("NFC", path)
        suffix = Path(path).suffix
        try:
            fd = open_beneath(folder, path)
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES or info.st_nlink > 1:
                    return self.parse_one(folder, path, name)
                sha256 = sha256_of(handle)
        except OSError:
            return self.parse_one(folder, path, name)
        entry = self.cache.entry_path(sha256, suffix)
        if entry.exists():
            try:
                cached = self.cache.load(entry, sha256, suffix)
            except Exception as error:  # noqa: BLE001 — any damage to an entry means: parse again
                print(f"xxgk: parse cache entry for {terminal_text(published)} unreadable "
                      f"({type(error).__name__}); re-parsed", file=sys.stderr)
            else:
                from .collect import Report, report_id

                return Report(report_id=report_id(published), source_file=published, sha256=sha256, **cached)
        report = self.parse_one(folder, path, name)
        # stored only when the file did not change while it was read, and the parse was not cut short by a
        # budget (a worker out of memory may succeed next time: the cache must never keep that failure)
        if report.sha256 == sha256 and not any(f.code in NOT_STORED for f in report.findings):
            self.cache.store(entry, report, suffix)
        return report


def cached(parse_one: Callable, cache_dir: str | Path | None) -> Callable:
    """``parse_one`` itself when ``cache_dir`` is None (no cache), else it wrapped in the cache."""
    return parse_one if cache_dir is None else CachedParse(parse_one, ParseCache.open(cache_dir))
