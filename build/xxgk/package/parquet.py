"""``parquet/<resource>.parquet``: every resource as a typed Parquet file, for pandas, R (arrow) and DuckDB.

Made from the published CSV with the schema's types (``rules/storage_types.csv``: integer → int64,
number → double, date → date32, …); each column carries its title and description as Arrow field
metadata. An empty cell is null, never 0.

Deterministic: no pandas metadata (it names library versions), fixed compression, statistics and
page settings, no timestamps; the same CSV gives the same bytes. The footer's ``created_by`` names
the pyarrow version ("parquet-cpp-arrow version …"; pyarrow offers no way to set it), so a newer
pyarrow may change the bytes — as a newer SQLite may change ``xxgk.db``'s header.

>>> import io, pyarrow.parquet as pq
>>> data = parquet_bytes(b"report_id,year\\na,2024\\nb,\\n",
...                      {"fields": [{"name": "report_id", "type": "string"}, {"name": "year", "type": "integer"}]})
>>> pq.read_table(io.BytesIO(data)).to_pylist()
[{'report_id': 'a', 'year': 2024}, {'report_id': 'b', 'year': None}]
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .typed import iso_date, storage_type, typed_rows

FOLDER = "parquet"
COMPRESSION = "zstd"
ROW_GROUP = 65_536  # rows per row group: a table up to this size is one group, as before streaming


def arrow_schema(schema: dict, description: str | None = None) -> pa.Schema:
    """The Arrow schema of a resource: one field per Table Schema field, typed, with its title and description."""
    fields = []
    for f in schema["fields"]:
        meta = {k: f[k] for k in ("title", "description") if f.get(k)}
        meta["table_schema_type"] = f["type"]
        # nullable even where the schema says required: a gap is Frictionless validation's to report,
        # not a reason for the writer to fail the build
        fields.append(pa.field(f["name"], pa.type_for_alias(storage_type(f["type"])["arrow"]), metadata=meta))
    return pa.schema(fields, metadata={"description": description} if description else None)


def write_parquet(rows: Iterable[tuple], schema: dict, sink, description: str | None = None) -> None:
    """Typed rows (``typed.typed_rows``: the schema's field order) → a Parquet file at ``sink`` (a path or a
    binary file), ``ROW_GROUP`` rows at a time: memory holds one row group, however long the table."""
    target = arrow_schema(schema, description)
    dates = [pa.types.is_date32(f.type) for f in target]
    with pq.ParquetWriter(sink, target, compression=COMPRESSION, compression_level=3, use_dictionary=True,
                          write_statistics=True, version="2.6", data_page_version="1.0", store_schema=True) as writer:
        rows = iter(rows)
        first = True
        while chunk := list(itertools.islice(rows, ROW_GROUP)):
            writer.write_table(_table(chunk, target, dates), row_group_size=ROW_GROUP)
            first = False
        if first:  # an empty resource: one empty row group, as pyarrow writes an empty table
            writer.write_table(_table([], target, dates), row_group_size=ROW_GROUP)


def _table(chunk: list[tuple], target: pa.Schema, dates: list[bool]) -> pa.Table:
    columns = list(zip(*chunk, strict=True)) if chunk else [() for _ in target]
    arrays = [pa.array([iso_date(v) for v in values] if is_date else list(values), type=field.type)
              for field, values, is_date in zip(target, columns, dates, strict=True)]
    return pa.Table.from_arrays(arrays, schema=target)


def parquet_bytes(data: bytes, schema: dict, description: str | None = None) -> bytes:
    """One CSV of the package → Parquet bytes typed by its Table Schema (``write_parquet``)."""
    buffer = io.BytesIO()
    write_parquet(typed_rows(io.StringIO(data.decode("utf-8-sig"), newline=""), schema["fields"]), schema, buffer,
                  description)
    return buffer.getvalue()
