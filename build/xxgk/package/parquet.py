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

import pyarrow as pa
import pyarrow.parquet as pq

from .typed import csv_to_columns, iso_date, storage_type

FOLDER = "parquet"
COMPRESSION = "zstd"


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


def parquet_bytes(data: bytes, schema: dict, description: str | None = None) -> bytes:
    """One CSV of the package → Parquet bytes typed by its Table Schema."""
    target = arrow_schema(schema, description)
    columns = csv_to_columns(data, schema["fields"])
    arrays = []
    for field in target:
        values = columns[field.name]
        if pa.types.is_date32(field.type):
            values = [iso_date(v) for v in values]
        arrays.append(pa.array(values, type=field.type))
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=target), buffer, compression=COMPRESSION,
                   compression_level=3, use_dictionary=True, write_statistics=True, version="2.6",
                   data_page_version="1.0", store_schema=True)
    return buffer.getvalue()
