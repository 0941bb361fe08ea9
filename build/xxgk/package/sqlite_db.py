"""``xxgk.db``: the package as one SQLite database, for Datasette, ``sqlite3`` and DuckDB.

Every resource of ``rules/schema.yaml`` is a table made from its published CSV, with the schema's
primary key, foreign keys, NOT NULL for required fields and indexes for the foreign keys (``_index``);
a resource added to the schema appears without a change here. Tables with a compound key are
WITHOUT ROWID (rows in key order), except those with a full-text index. The views (表2/表3/表4 and the
metric views) come from ``sql_views``; the narrative ``sections`` get an FTS5 index with the
trigram tokenizer, so any run of 3+ Chinese characters is found without word segmentation.

Deterministic: built in memory with a fixed page size, tables filled in schema order and rows in
CSV order (key order for WITHOUT ROWID tables), indexes after the rows, no timestamps; ``serialize``
gives the same bytes for the same CSVs (with the same SQLite library). No VACUUM: it may renumber
rowids, which the external-content FTS index relies on.

>>> schema = {"primaryKey": ["report_id"], "fields": [{"name": "report_id", "type": "string"},
...                                                      {"name": "year", "type": "integer"}]}
>>> db = database({"reports": b"report_id,year\\na-1,2024\\nb-2,\\n"}, lambda name: schema)
>>> list(db["reports"].rows), db["reports"].pks
([{'report_id': 'a-1', 'year': 2024}, {'report_id': 'b-2', 'year': None}], ['report_id'])
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from .database_file import DB_NAME, settle_header  # noqa: F401  (DB_NAME: re-exported)
from .sql_views import metric_views, wide_views
from .typed import csv_file_rows, csv_to_columns, storage_type


def _sqlite_utils_without_pandas():
    """sqlite-utils, imported without pandas when pandas is not loaded yet: sqlite-utils imports it if it is
    installed, only to map a pandas ``Timestamp`` to TEXT, and this writer gives it none (every value is a ``str``,
    ``int``, ``float`` or None: ``typed``). Its import costs ≈ 0.2 s of CPU in each process that writes ``xxgk.db``
    (the writer and its helper process); the SQL and the database are the same either way (``tests/test_h41speed.py``
    builds it both ways). A pandas loaded before, or after, is untouched."""
    if "pandas" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    sys.modules["pandas"] = None  # ``import pandas`` fails while this is here: sqlite-utils goes on without it
    try:
        import sqlite_utils
    finally:
        if sys.modules.get("pandas", 0) is None:
            del sys.modules["pandas"]
    return sqlite_utils


sqlite_utils = _sqlite_utils_without_pandas()

PAGE_SIZE = 4096
FTS_TOKENIZER = "trigram"


def _as_list(fields) -> list[str]:
    return [fields] if isinstance(fields, str) else list(fields)


def _references(name: str, schema: dict) -> list[str]:
    return [fk["reference"]["resource"] or name for fk in schema.get("foreignKeys", [])]


def creation_order(names: list[str], schema_of) -> list[str]:
    """``names`` with every table after the tables its foreign keys reference (stable otherwise).

    >>> creation_order(["a", "b"], lambda n: {"foreignKeys": [{"reference": {"resource": "b"}}]} if n == "a" else {})
    ['b', 'a']
    """
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path or name not in names:
            return
        for other in _references(name, schema_of(name)):
            visit(other, path + (name,))
        done.append(name)

    for name in names:
        visit(name, ())
    return done


def _foreign_keys(name: str, schema: dict) -> list[tuple[str, str, str]]:
    out = []
    for fk in schema.get("foreignKeys", []):
        own, other = _as_list(fk["fields"]), _as_list(fk["reference"]["fields"])
        out += [(a, fk["reference"]["resource"] or name, b) for a, b in zip(own, other, strict=True)]
    return out


def _without_rowid(schema: dict, rowid: bool) -> bool:
    return len(_as_list(schema.get("primaryKey") or [])) > 1 and not rowid


# A column type of rules/storage_types.csv that sqlite-utils does not accept, as the type it is given in its place
# and then replaced by in the SQL it writes (NUMERIC: a whole number stored as an integer, a fraction as a double).
_SQLITE_UTILS = {"NUMERIC": "REAL"}


def _create(db: sqlite_utils.Database, name: str, schema: dict, rowid: bool) -> None:
    """One table from its Table Schema. ``rowid=False`` makes a table with a compound key WITHOUT ROWID:
    stored once in its key's B-tree instead of a table plus an index repeating the key."""
    fields = schema["fields"]
    pk = _as_list(schema.get("primaryKey") or [])
    types = {f["name"]: storage_type(f["type"])["sqlite"] for f in fields}
    sql = db.create_table_sql(name, {column: _SQLITE_UTILS.get(kind, kind) for column, kind in types.items()},
                              pk=(pk[0] if len(pk) == 1 else tuple(pk) if pk else None),
                              foreign_keys=_foreign_keys(name, schema),
                              not_null={f["name"] for f in fields if f.get("constraints", {}).get("required")})
    for column, kind in types.items():  # the affinities sqlite-utils does not name, put back into its SQL
        if kind in _SQLITE_UTILS:
            quoted = sqlite_utils.db.quote_identifier(column)
            sql = sql.replace(f"\n   {quoted} {_SQLITE_UTILS[kind]}", f"\n   {quoted} {kind}", 1)
    if _without_rowid(schema, rowid):
        sql = sql.rstrip().removesuffix(";") + " WITHOUT ROWID;"
    db.execute(sql)


def _rows(source: bytes | Path, fields: list[dict]) -> Iterator[tuple]:
    """Typed rows of a package CSV given as bytes or as a file (read in constant memory)."""
    if isinstance(source, bytes):
        return iter(list(zip(*csv_to_columns(source, fields).values(), strict=True)))
    return csv_file_rows(source, fields)


def _fill(db: sqlite_utils.Database, name: str, source: bytes | Path, schema: dict, rowid: bool) -> None:
    """The CSV's rows, in CSV order (rowid tables) or key order (WITHOUT ROWID: full pages, not split ones).
    Key order comes from SQLite sorting a TEMP copy (on disk beyond its cache, never all rows in Python);
    its BINARY order of UTF-8 text is Python's order of str."""
    names = [f["name"] for f in schema["fields"]]
    columns, marks = ", ".join(f"[{c}]" for c in names), ", ".join("?" for _ in names)
    rows = _rows(source, schema["fields"])
    if not _without_rowid(schema, rowid):
        db.conn.executemany(f"INSERT INTO [{name}] ({columns}) VALUES ({marks})", rows)
        return
    db.conn.execute(f"CREATE TEMP TABLE [_sorting] ({columns})")
    db.conn.executemany(f"INSERT INTO temp.[_sorting] VALUES ({marks})", rows)
    order = ", ".join(f"[{k}]" for k in _as_list(schema["primaryKey"]))
    db.conn.execute(f"INSERT INTO main.[{name}] ({columns}) SELECT {columns} FROM temp.[_sorting] ORDER BY {order}")
    db.conn.execute("DROP TABLE temp.[_sorting]")


# Tables whose cross-report index covers only the rows the documented queries read: {table: (columns, condition)}.
# ``applications`` has 7 applicant columns a row; the views (申请办理结果, 表3_依申请公开) and the usual question
# ("row = 'new' AND applicant = 'total'") read the total column, so a partial index on it is ≈ 1/7 of the full
# (row, applicant) index, which was a third of xxgk.db, and the views run faster with it.
PARTIAL_INDEXES = {"applications": (["row"], "applicant = 'total'")}


def _index(db: sqlite_utils.Database, name: str, schema: dict) -> None:
    """Indexes for lookups across reports: one on the key's fields after the first, together (serves
    ``row = 'new'`` and ``row = 'new' AND applicant = 'total'``; one index per key field would each be as
    large as the table) — or, for a table of ``PARTIAL_INDEXES``, a partial index on the rows the queries
    read — and one on every foreign-key field outside the key. Made after the rows are in, so each is built
    sorted and compact."""
    pk = _as_list(schema.get("primaryKey") or [])
    if name in PARTIAL_INDEXES:
        columns, where = PARTIAL_INDEXES[name]
        db.execute(f"CREATE INDEX [idx_{name}_{'_'.join(columns)}_partial] ON [{name}] "
                   f"({', '.join(f'[{c}]' for c in columns)}) WHERE {where}")
    elif len(pk) > 1:
        db[name].create_index(pk[1:], index_name=f"idx_{name}_{'_'.join(pk[1:])}")
    for column in sorted({a for a, _, _ in _foreign_keys(name, schema)} - set(pk)):
        db[name].create_index([column], index_name=f"idx_{name}_{column}")


FTS_AUTOMERGE = 4  # FTS5's default, set again once the index is made


def _fill_full_text(db: sqlite_utils.Database, fts: str) -> None:
    """Fill the external-content FTS5 table ``fts`` from its filled content table and merge it into one segment.
    Declared by sqlite-utils' ``enable_fts`` (the statement Datasette recognises) on the empty table, it is filled
    by FTS5's ``rebuild`` with automatic merging off, then ``optimize``: the merges FTS5 makes while segments pile
    up are work the final merge redoes. The sections of 10,000 reports of real-like prose (30,300 rows, 28.7
    million characters), alternated on a noisy machine: 34.5 and 52.8 s of CPU against 53.7 and 63.8 s for
    sqlite-utils' ``enable_fts`` + ``optimize`` (15,000 rows: 19.3–22.5 against 21.3–27.8 s, four runs each); the
    same index (queries give the same rows). Automatic merging is then set back to its default, so a reader who
    adds rows later gets FTS5's usual behaviour."""
    command = f"INSERT INTO [{fts}]([{fts}], rank) VALUES"
    db.execute(f"{command}('automerge', 0)")
    db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('rebuild')")
    db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('optimize')")
    db.execute(f"{command}('automerge', {FTS_AUTOMERGE})")


def database(csvs: dict[str, bytes | Path], schema_of, full_text: dict[str, list[str]] | None = None,
             path: str | Path = ":memory:") -> sqlite_utils.Database:
    """The database of the package, in memory or at ``path`` (a new file): ``csvs`` is ``{resource: CSV bytes
    or CSV file}``, ``schema_of(resource)`` its Table Schema, ``full_text`` ``{table: [columns]}`` to index
    with FTS5. From files, rows are read and inserted one at a time: memory does not grow with the package."""
    full_text = full_text or {}
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")  # a new file in the staging folder: nothing to roll back to
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    order = creation_order(list(csvs), schema_of)
    with conn:
        for name in order:
            _create(db, name, schema_of(name), rowid=name in full_text)  # FTS5 content= needs rowids
            if name in full_text:  # declared while the table is empty, filled after it (_fill_full_text)
                db[name].enable_fts(full_text[name], fts_version="FTS5", tokenize=FTS_TOKENIZER)
        for name in order:
            _fill(db, name, csvs[name], schema_of(name), rowid=name in full_text)
        for name in order:
            _index(db, name, schema_of(name))
    for name in full_text:
        if name in csvs:
            _fill_full_text(db, f"{name}_fts")
    if {"reports", "applications", "active_disclosure", "review_litigation"} <= set(csvs):
        for view, sql in (wide_views() | metric_views(db)).items():
            db.create_view(view, sql)
    conn.commit()
    return db


def close_file(db: sqlite_utils.Database, path: str | Path) -> None:
    """Close a database built in its file (``database(..., path=...)``) and give its header the values an
    in-memory database serializes to (``serialize``): the file change counter and the version-valid-for
    number (bytes 24–27 and 92–95) and the SQLite version that last wrote it (96–99) zeroed. Equal counters
    keep the header's page count valid; the pages are untouched, so the file is byte for byte the one
    ``serialize`` gives for the same CSVs, and nothing in it depends on how many transactions built it."""
    db.conn.close()
    settle_header(path)


def serialize(db: sqlite_utils.Database) -> bytes:
    """The database file's bytes; closes the connection."""
    try:
        return bytes(db.conn.serialize())
    finally:
        db.conn.close()
