"""The render cache: an agency series' rendered rows (``stream.render``'s blocks) kept between builds, so a rebuild
settles and renders only the series a change touched.

A series' blocks depend only on its members' stored rows (``store.encode``: the record and the text), the
findings the cross-report steps gave their heads (``mark_duplicates``), and their agency ids: the table-二
history and the report card look only within a series (``stream.settle``). The key hashes those, member by
member in order; the entries live in the parse cache's file (``parse/<context>/entries.sqlite``, table
``rendered``), whose context hash covers every module of ``xxgk/package`` and every rule, so changing the code or
a rule starts an empty cache. An entry is data, never pickle: its blocks as zlib-compressed JSON with a SHA-256
over them, checked on every hit, and read back by ``from_data``, which accepts only the shape ``render`` makes
(strings, integers, finite floats, booleans, None). A block holding anything else is not kept. A damaged entry is
rendered again and said on stderr; the output is the same with, without or with a damaged cache (tested).

The settling processes (the writer and its helper) read the cache file read-only and write what they used and
made into a scratch file of their own (``Scratch``); the writer then ``merge``s them into the cache and drops
every entry this build did not use, so the cache holds one build's series.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import sqlite3
import sys
import zlib
from pathlib import Path

from ..record import plain
from ..safe import _MAY_PREFIX, cell_text, sheet_cell, terminal_text

FORMAT = "xxgk-render-cache-1"
TABLE = "rendered"
MAX_ENTRY_BYTES = 64 * 2**20  # an entry that inflates beyond this is treated as damaged
_SCALARS = (str, int, float, bool, type(None))


def series_key(members: list[tuple[str, bytes, bytes, list, str | None]]) -> str:
    """The key of one series: ``members`` as ``(source_file, stored body, stored text, head's findings, agency
    id)`` in the series' order."""
    digest = hashlib.sha256(FORMAT.encode("utf-8") + b"\0")
    for source_file, body, text, findings, agency_id in members:
        digest.update(json.dumps([source_file, hashlib.sha256(body).hexdigest(), hashlib.sha256(text).hexdigest(),
                                  plain(findings), agency_id], ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _scalar(value) -> bool:
    return type(value) in _SCALARS and not (type(value) is float and not math.isfinite(value))


_SCALAR_TYPES = frozenset(_SCALARS)


def _scalars(values) -> bool:
    """``all(_scalar(v) for v in values)``, the types of a row looked at together (a workbook row's cells are a
    few types: a call per cell was most of what keeping a series cost)."""
    kinds = set(map(type, values))
    return kinds <= _SCALAR_TYPES and (float not in kinds or all(math.isfinite(v) for v in values
                                                                  if type(v) is float))


def to_data(blocks: list[tuple]) -> bytes | None:
    """``blocks`` (``render``'s, one per member) as compressed JSON, or None when one holds what JSON would not
    give back as it was (a type ``render`` does not make)."""
    out = []
    for texts, wide, sheet in blocks:
        if not all(type(k) is str and type(v) is str for k, v in texts.items()):
            return None
        if not all((keys is None or all(type(k) is str for k in keys)) and type(text) is str for keys, text in wide):
            return None
        if not all(type(title) is str and (keys is None or all(type(k) is str for k in keys))
                   and _scalars(values) for title, keys, values in sheet):
            return None
        out.append([texts, [[None if k is None else list(k), t] for k, t in wide],
                    [[title, None if keys is None else list(keys), list(values)] for title, keys, values in sheet]])
    return zlib.compress(json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _strings(value, none: bool = False) -> tuple | None:
    if value is None and none:
        return None
    if type(value) is not list or not all(type(k) is str for k in value):
        raise ValueError("not a list of strings")
    return tuple(value)


def from_data(data: bytes) -> list[tuple]:
    """The blocks ``to_data`` was given; ``ValueError`` for anything else (a damaged or forged entry)."""
    inflate = zlib.decompressobj()
    raw = inflate.decompress(data, MAX_ENTRY_BYTES)
    if inflate.unconsumed_tail or not inflate.eof:
        raise ValueError("entry too large or truncated")
    blocks = []
    for item in json.loads(raw.decode("utf-8")):
        texts, wide, sheet = item
        if type(texts) is not dict or not all(type(v) is str for v in texts.values()):
            raise ValueError("texts")
        if type(wide) is not list or not all(type(w) is list and len(w) == 2 and type(w[1]) is str for w in wide):
            raise ValueError("wide")
        rows = []
        for row in sheet:
            title, keys, values = row
            if type(title) is not str or type(values) is not list or not all(_scalar(v) for v in values):
                raise ValueError("sheet")
            rows.append((title, _strings(keys, none=True), tuple(values)))
        blocks.append((texts, tuple((_strings(k, none=True), t) for k, t in wide), rows))
    return blocks


def fits(blocks: list[tuple], report_ids: list[str]) -> bool:
    """Whether ``blocks`` could be ``render``'s of reports ``report_ids`` (one block each, in order): its CSV texts
    those of per-report resources (``tables.PER_REPORT``, ``metric_values``), its wide tables' and workbook sheets'
    columns theirs (``schema.wide_header``, the resources' fields), every row of its CSV texts, wide tables and
    workbook rows the report's own (the report id first), and every CSV cell as ``safe.sheet_cell`` writes one
    (``sheet_cell(cell_text(cell)) == cell``: a formula start is guarded). The render cache lives in the parse
    cache's file, which CI restores: before, a forged entry put any rows into the package — other reports', and
    cells a spreadsheet runs — or stopped the build (a resource, wide columns or a sheet of another table). A forged
    entry may still hold other values for its own reports' rows (the caches' trust boundary: README). A value of 16
    digits or more, which no count has, does not fit (rendered again)."""
    import csv
    import io

    from .schema import wide_header
    from .stream import SHEETS, WIDE, _fields
    from .tables import PER_REPORT

    names, headers = {*PER_REPORT, "metric_values"}, [tuple(wide_header(path)) for path in WIDE]
    sheets = {title: header for title, header in zip(SHEETS[2:5], headers, strict=True)}
    sheets |= {title: tuple(_fields(title)) for title in ("reports", "findings")}
    if len(blocks) != len(report_ids):
        return False
    for (texts, wide, sheet), report_id in zip(blocks, report_ids, strict=True):
        if not set(texts) <= names or any(title not in sheets or keys not in (None, sheets[title])
                                          or (values and values[0] != report_id) for title, keys, values in sheet):
            return False
        if len(wide) != len(headers) or any(keys not in (None, header)
                                            for (keys, _), header in zip(wide, headers, strict=True)):
            return False
        for text in (*texts.values(), *(text for _, text in wide)):
            for row in csv.reader(io.StringIO(text, newline="")):
                if row and (row[0] != report_id or not all(map(_as_written, row[1:]))):  # (the id: checked)
                    return False
    return True


def _as_written(cell: str) -> bool:
    """Whether ``cell`` is as ``safe.sheet_cell`` writes a cell: its guards where they go. A cell that begins with
    no character a guard is for, and holds no line break or ``;`` — most of a package's — is looked at no further,
    and neither is a count (``0``, ``25``)."""
    if cell[:1] not in _MAY_PREFIX and ";" not in cell and "\n" not in cell and "\r" not in cell:
        return True
    if cell.isascii() and cell.isdigit() and len(cell) < 16 and (cell[0] != "0" or len(cell) == 1):
        return True
    return sheet_cell(cell_text(cell)) == cell


class Reader:
    """The cache file opened read-only (None when there is none): ``get(key)`` is the blocks kept, or None."""

    def __init__(self, path: Path | None):
        self.conn = None
        if path is not None and path.is_file():
            try:
                # a URI names the file: percent-encoded, so no ? or # in a folder's name is read as a parameter
                self.conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=60)
                self.conn.execute(f"SELECT count(*) FROM {TABLE} WHERE key = ''").fetchone()
            except sqlite3.Error:
                self.conn = None

    def get(self, key: str, what: str, report_ids: list[str] | None = None) -> list[tuple] | None:
        """The blocks kept under ``key`` (``what`` names the series on stderr), or None; with ``report_ids`` (the
        series' members), only blocks that ``fit`` them."""
        if self.conn is None:
            return None
        try:
            found = self.conn.execute(f"SELECT digest, data FROM {TABLE} WHERE key = ?", (key,)).fetchone()
            if found is None:
                return None
            if hashlib.sha256(found[1]).hexdigest() != found[0]:
                raise ValueError("hash mismatch")
            blocks = from_data(found[1])
            if report_ids is not None and not fits(blocks, report_ids):
                raise ValueError("rows of another report, or a cell not as the package writes one")
            return blocks
        except Exception as error:  # noqa: BLE001 - any damage to an entry means: render again
            print(f"xxgk: render cache entry for {terminal_text(what)[:200]} unreadable ({type(error).__name__}); "
                  "rendered again", file=sys.stderr)
            return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


class Scratch:
    """What one settling process used (``used``) and made (``made``), in a file of the build's own."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute("CREATE TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY, digest TEXT, data BLOB)")
        self.conn.execute("BEGIN")

    def used(self, key: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO used VALUES (?, NULL, NULL)", (key,))

    def made(self, key: str, blocks: list[tuple]) -> None:
        data = to_data(blocks)
        if data is not None:
            self.conn.execute("INSERT OR REPLACE INTO used VALUES (?, ?, ?)",
                              (key, hashlib.sha256(data).hexdigest(), data))

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()


def prepare(conn: sqlite3.Connection) -> None:
    """The ``rendered`` table in the parse cache's file (``conn``: the parse cache's own connection)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, digest TEXT NOT NULL, data BLOB NOT NULL)")


def merge(conn: sqlite3.Connection, scratches: list[Path]) -> None:
    """The entries the ``scratches`` made put into the cache, and every entry none of them used dropped; a failure
    leaves the cache as it was (the next build renders again)."""
    attached = []
    try:
        if conn.in_transaction:
            conn.execute("COMMIT")
        for path in (p for p in scratches if p.is_file()):
            conn.execute(f"ATTACH DATABASE ? AS s{len(attached)}", (str(path),))
            attached.append(f"s{len(attached)}")
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM keep")
        for name in attached:
            conn.execute(f"INSERT OR IGNORE INTO keep SELECT key FROM {name}.used")
            conn.execute(f"INSERT OR REPLACE INTO {TABLE} SELECT key, digest, data FROM {name}.used "
                         "WHERE data IS NOT NULL")
        conn.execute(f"DELETE FROM {TABLE} WHERE key NOT IN (SELECT key FROM keep)")
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        print(f"xxgk: render cache not updated ({type(error).__name__})", file=sys.stderr)
    finally:
        for name in attached:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"DETACH DATABASE {name}")
