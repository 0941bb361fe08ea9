"""The record store: parsed reports on disk, so the build holds a small head per report, never every record.

A store is a folder of SQLite *shards* (``<name>.sqlite``, one table ``reports``: the source file, the
report's fields as zlib-compressed JSON — ``record.plain``, never pickle — and its text). The parent
process writes the reports it parses (or receives from its pool) to one shard; with ``--dask`` every task
writes the reports of its chunk of files to a shard of its own on shared storage and returns only their
:class:`Head` (``dask_store``). Reports the cross-report steps change (duplicates, table 二 settled by the
previous year, report card) are not stored again: the streamed writer renders their rows once, with those
findings, into its own blocks files (``stream.settle``: the head is then ``carded``).

What a head holds is what the cross-report steps need without the record: source file, id, SHA-256,
status, the resolved publisher (``identity``: ``agency_ids``, ``agencies_rows``, ``mark_duplicates``) and
the record's printed agency and year (``series_key``) — a few hundred bytes, against the record's tens of
kilobytes. Heads are duck-typed like a Report for those functions (``identity``, ``record.agency``,
``record.year``, ``sha256``, ``status``, ``file_findings``).

Where it lives: a temporary folder *beside the output* (``.<out>.store-<pid>``, same file system as the
staging folder, never inside reports/), removed when the build ends — it is the build's working memory,
not a cache: a rebuild starts from the parse cache, never from a store. ``--store DIR`` (Dask) names a
folder on storage every worker and the parent can reach; the build works in a fresh ``xxgk-store-*`` folder
inside it and removes that folder at the end (nothing else in ``DIR`` is read, changed or removed).

>>> import tempfile
>>> from xxgk.package.collect import Report
>>> from xxgk.record import Record
>>> store = Store(Path(tempfile.mkdtemp()))
>>> shard = store.shard("local")
>>> head = shard.put(Report("a-1", "a.txt", "ab", "utf-8", "text", "正文", Record(agency="某局", year=2024)))
>>> shard.commit()
>>> store.get(head).text, store.get(head).record.year, head.record.agency, head.status
('正文', 2024, '某局', 'partial')
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import get_type_hints

from ..agency.resolve import Agency
from ..findings import Finding
from ..folders import CACHE_MARKER, cache_folder_made_here
from ..record import from_plain, plain_one
from ..safe import terminal_name, terminal_text
from .row_checks import check_report, same_head

MAX_OPEN = 64  # shard connections the reader keeps open
FINAL = "final"  # the writer's blocks file (``blocks-<name>``) of the series this process settles (``stream``)
FINAL_HELPER = "final-1"  # the same, for the agency series the writer's helper process settles (``stream.settle``)
PARENT_SHARDS = ("local",)  # written by the building process; the others by workers (or from the parse cache)
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_NOT_IN_BODY = ("text", "identity")  # stored apart (text: its own column; identity: decoded as an Agency)


@dataclass(slots=True)
class Facts:
    """The two fields of a record that a head keeps (``Head.record``): what ``series_key`` and the agency steps read."""

    agency: str | None
    year: int | None


@dataclass(slots=True)
class Head:
    """What the parent keeps of one report (see the module docstring); ``shard`` says where its record is."""

    source_file: str
    report_id: str
    sha256: str
    kind: str
    status: str
    identity: Agency
    record: Facts
    shard: str
    file_findings: list[Finding] = field(default_factory=list)  # added by cross-report steps (duplicates, card)
    carded: bool = False  # its rows, cross-report findings included, wait in the writer's blocks file
    final_shard: str = FINAL  # which blocks file (``blocks-<final_shard>``: ``FINAL`` or ``FINAL_HELPER``)


def head_of(report, shard: str) -> Head:
    """The head of ``report`` (a ``collect.Report`` with its manifest applied), stored in ``shard``."""
    r = report.record
    return Head(report.source_file, report.report_id, report.sha256, report.kind, report.status,
                report.identity or Agency(), Facts(r.agency, r.year), shard)


@cache
def _hints() -> dict:
    from .collect import Report

    return {name: hint for name, hint in get_type_hints(Report).items() if name not in _NOT_IN_BODY}


def encode(report) -> tuple[bytes, bytes]:
    """``(body, text)`` of a Report: its fields but the text as compressed JSON (``record.plain`` of each), and the
    text as UTF-8. The JSON writer is handed the values as they are and calls ``record.plain_one`` for each
    dataclass and Decimal it meets: the bytes of ``json.dumps(plain(…))``, without building every list twice."""
    body = {f.name: getattr(report, f.name) for f in fields(report) if f.name not in _NOT_IN_BODY}
    body["identity"] = report.identity
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=plain_one)
    return zlib.compress(data.encode("utf-8", "surrogatepass"), 1), report.text.encode("utf-8", "surrogatepass")


def decode(body: bytes, text: bytes):
    """The Report ``encode`` was given."""
    from .collect import Report

    data = json.loads(zlib.decompress(body).decode("utf-8", "surrogatepass"))
    values = {name: from_plain(hint, data[name]) for name, hint in _hints().items()}
    identity = None if data["identity"] is None else from_plain(Agency, data["identity"])
    return Report(text=text.decode("utf-8", "surrogatepass"), identity=identity, **values)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA synchronous = OFF")  # a scratch file: a crash loses the build, never the inputs
    conn.execute("PRAGMA journal_mode = PERSIST")  # a killed writer's transaction is rolled back by the reader
    conn.execute("CREATE TABLE IF NOT EXISTS reports (source_file TEXT PRIMARY KEY, body BLOB NOT NULL, "
                 "text BLOB NOT NULL)")
    return conn


class Shard:
    """One SQLite file of the store, written by one process (or thread) at a time."""

    def __init__(self, path: Path, batch: int = 500):
        self.name, self.batch = path.stem, batch  # reports per transaction
        self.conn = _connect(path)
        self.conn.execute("BEGIN")
        self.pending = 0

    def put(self, report) -> Head:
        """Store ``report`` (replacing an earlier one of the same source file); returns its head."""
        body, text = encode(report)
        self.conn.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", (report.source_file, body, text))
        self.pending += 1
        if self.pending >= self.batch:
            self.commit()
            self.conn.execute("BEGIN")
        return head_of(report, self.name)

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.pending = 0

    def close(self) -> None:
        self.commit()
        self.conn.close()


def sweep(parent: Path, prefix: str) -> None:
    """Remove the stores a killed build left at ``parent/<prefix><pid>`` (its process gone, the folder marked as
    xxgk's: ``folders.mark_cache_folder``, which ``build_package`` does to the store it makes): only the files a
    store makes (``*.sqlite`` and SQLite's journals), then the folder if that empties it. A folder of that name
    without the mark is someone else's: before, its ``*.sqlite`` files were deleted."""
    for folder in sorted(Path(parent).glob(f"{prefix}*")):
        pid = folder.name.removeprefix(prefix)
        if not pid.isdigit() or not cache_folder_made_here(folder) or _alive(int(pid)):
            continue
        store = Store(folder)
        store.remove(store.shard_names())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    """A folder of shards (see the module docstring). ``get`` reads a head's report from its shard.

    ``again(head)``, if given, makes a report anew (the build: its file parsed again, ``finish``-ed) when the
    worker shard holding it cannot be read — a shard damaged or lost on the workers' storage must not stop the
    build; one line on stderr says so. Shards the building process wrote itself are not recovered."""

    def __init__(self, folder: Path, again: Callable | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._readers: dict[str, sqlite3.Connection] = {}
        self.again = again

    def path(self, name: str) -> Path:
        if not _NAME.fullmatch(name):
            raise ValueError(f"not a shard name: {name!r}")
        return self.folder / f"{name}.sqlite"

    def shard(self, name: str, batch: int = 500) -> Shard:
        """A shard to write (``batch``: reports per transaction; 1 where the writer may be killed between two)."""
        return Shard(self.path(name), batch)

    def _reader(self, name: str) -> sqlite3.Connection:
        """An open connection to shard ``name``; at most ``MAX_OPEN`` stay open (a million reports from a cluster
        are hundreds of shards: file descriptors are bounded too)."""
        if name in self._readers:
            self._readers[name] = self._readers.pop(name)  # most recently used last
        else:
            if len(self._readers) >= MAX_OPEN:
                self._readers.pop(next(iter(self._readers))).close()
            path = self.path(name)
            if not path.is_file():
                raise LookupError(f"the store has no shard {name}")
            # read-write: a writer killed mid-transaction left a journal the first reader rolls back
            self._readers[name] = sqlite3.connect(path, check_same_thread=False)
        return self._readers[name]

    def get(self, head: Head):
        """The report ``head`` stands for, as last stored."""
        name = head.shard
        try:
            row = self._reader(name).execute("SELECT body, text FROM reports WHERE source_file = ?",
                                             (head.source_file,)).fetchone()
            if row is None:
                raise LookupError(f"{head.source_file}: not in the store's shard {name}")
            report = decode(row[0], row[1])
            if name not in PARENT_SHARDS:  # a worker's or the parse cache's: no more than a parse gives (row_checks)
                check_report(report)
                same_head(head, report)
            return report
        # (a number that is no number, Decimal's InvalidOperation; JSON nested past the recursion limit: stopped the
        # build before; now parsed again like any row that does not decode)
        except (sqlite3.Error, LookupError, ValueError, TypeError, ArithmeticError, RecursionError, AttributeError,
                zlib.error) as error:
            if self.again is None or name in PARENT_SHARDS:
                raise
            print(terminal_text(f"xxgk: {terminal_name(head.source_file)}: the store's shard {name} is unreadable "
                                f"({type(error).__name__}: {error}); parsed again"[:500]), file=sys.stderr)
            return self.again(head)

    def raw(self, head: Head) -> tuple[bytes, bytes]:
        """``(body, text)`` of ``head``'s report as stored (``encode``), not decoded; ``LookupError`` or
        ``sqlite3.Error`` when they cannot be read (``get`` then recovers it)."""
        row = self._reader(head.shard).execute("SELECT body, text FROM reports WHERE source_file = ?",
                                               (head.source_file,)).fetchone()
        if row is None:
            raise LookupError(f"{head.source_file}: not in the store's shard {head.shard}")
        return bytes(row[0]), bytes(row[1])

    def close(self) -> None:
        for conn in self._readers.values():
            conn.close()
        self._readers.clear()

    def shard_names(self) -> list[str]:
        """The names of the shards in the folder (``<name>.sqlite`` or only SQLite's files beside one)."""
        names = {p.name.split(".sqlite")[0] for p in self.folder.glob("*.sqlite*") if not p.is_dir()}
        return sorted(n for n in names if _NAME.fullmatch(n))

    def remove(self, names: list[str], remove_folder: bool = True) -> None:
        """Delete the shards ``names`` (only files this store made: ``<name>.sqlite`` and SQLite's own beside them),
        then the folder if ``remove_folder`` and it is empty."""
        self.close()
        for name in names:
            for suffix in ("", "-journal", "-wal", "-shm"):
                try:
                    os.unlink(f"{self.path(name)}{suffix}")
                except OSError:  # absent, or a folder there (not a file a store makes): left
                    pass
        if remove_folder:
            try:
                if {p.name for p in self.folder.iterdir()} == {CACHE_MARKER}:  # the mark of a folder made here
                    (self.folder / CACHE_MARKER).unlink()
                self.folder.rmdir()
            except OSError:
                pass
