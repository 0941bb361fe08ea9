"""``xxgk.db``: the package as one SQLite database, for Datasette, ``sqlite3`` and DuckDB.

Every resource of ``rules/schema.yaml`` is a table made from its published CSV, with the schema's
primary key, foreign keys, NOT NULL for required fields and an index on every foreign-key field;
a resource added to the schema appears without a change here. The views (表2/表3/表4 and the
metric views) come from ``sql_views``; the narrative ``sections`` get an FTS5 index with the
trigram tokenizer, so any run of 3+ Chinese characters is found without word segmentation.

Deterministic: built in memory with a fixed page size, tables filled in schema order and rows in
CSV order, no timestamps; ``serialize()`` gives the same bytes for the same CSVs (with the same
SQLite library). No VACUUM: it may renumber rowids, which the external-content FTS index relies on.

>>> schema = {"primaryKey": ["report_id"], "fields": [{"name": "report_id", "type": "string"},
...                                                      {"name": "year", "type": "integer"}]}
>>> db = database({"reports": b"report_id,year\\na-1,2024\\nb-2,\\n"}, lambda name: schema)
>>> list(db["reports"].rows), db["reports"].pks
([{'report_id': 'a-1', 'year': 2024}, {'report_id': 'b-2', 'year': None}], ['report_id'])
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from .sql_views import metric_views, wide_views
from .typed import csv_to_columns, storage_type

DB_NAME = "xxgk.db"
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


def _create(db: sqlite_utils.Database, name: str, schema: dict) -> None:
    fields = schema["fields"]
    foreign_keys = []
    for fk in schema.get("foreignKeys", []):
        own, other = _as_list(fk["fields"]), _as_list(fk["reference"]["fields"])
        foreign_keys += [(a, fk["reference"]["resource"] or name, b) for a, b in zip(own, other, strict=True)]
    pk = _as_list(schema["primaryKey"]) if schema.get("primaryKey") else None
    db[name].create({f["name"]: storage_type(f["type"])["sqlite"] for f in fields},
                    pk=(pk[0] if pk and len(pk) == 1 else tuple(pk) if pk else None),
                    foreign_keys=foreign_keys,
                    not_null={f["name"] for f in fields if f.get("constraints", {}).get("required")})
    leading = pk[0] if pk else None
    for column in sorted({a for a, _, _ in foreign_keys} - {leading}):
        db[name].create_index([column], index_name=f"idx_{name}_{column}")


def _fill(db: sqlite_utils.Database, name: str, data: bytes, schema: dict) -> None:
    columns = csv_to_columns(data, schema["fields"])
    names = list(columns)
    rows = zip(*columns.values(), strict=True)
    db.conn.executemany(f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in names)}) "
                        f"VALUES ({', '.join('?' for _ in names)})", rows)


def database(csvs: dict[str, bytes], schema_of, full_text: dict[str, list[str]] | None = None) -> sqlite_utils.Database:
    """An in-memory database of the package: ``csvs`` is ``{resource: CSV bytes}``, ``schema_of(resource)``
    its Table Schema, ``full_text`` ``{table: [columns]}`` to index with FTS5."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    order = creation_order(list(csvs), schema_of)
    with conn:
        for name in order:
            _create(db, name, schema_of(name))
        for name in order:
            _fill(db, name, csvs[name], schema_of(name))
    for name, columns in (full_text or {}).items():
        if name in csvs:
            db[name].enable_fts(columns, fts_version="FTS5", tokenize=FTS_TOKENIZER)
            db[f"{name}_fts"].optimize()
    if {"reports", "applications", "active_disclosure", "review_litigation"} <= set(csvs):
        for view, sql in (wide_views() | metric_views(db)).items():
            db.create_view(view, sql)
    conn.commit()
    return db


def sqlite_bytes(csvs: dict[str, bytes], schema_of, full_text: dict[str, list[str]]) -> bytes:
    """The database file's bytes (see ``database``)."""
    db = database(csvs, schema_of, full_text)
    try:
        return bytes(db.conn.serialize())
    finally:
        db.conn.close()
