"""The package's CSVs read back as typed columns, one definition for the SQLite and Parquet writers.

Both query formats are made *from the CSV bytes the package publishes*, so they can only say what
the CSVs say. A field's Table Schema type (``rules/schema.yaml``) picks its storage type in
``rules/storage_types.csv``; an empty cell is missing (``None``), never 0.

>>> columns = csv_to_columns(b"report_id,year,value\\na,2024,1.5\\nb,,\\n",
...                          [{"name": "report_id", "type": "string"}, {"name": "year", "type": "integer"},
...                           {"name": "value", "type": "number"}])
>>> columns
{'report_id': ['a', 'b'], 'year': [2024, None], 'value': [1.5, None]}
>>> storage_type("date")["sqlite"], storage_type("date")["arrow"]
('TEXT', 'date32')
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ..catalog import table
from ..readers import allow_long_csv_cells

allow_long_csv_cells()


def storage_type(schema_type: str) -> dict:
    """The row of ``rules/storage_types.csv`` for one Table Schema type; an unknown type is a broken rule table."""
    for row in table("storage_types"):
        if row["type"] == schema_type:
            return row
    raise KeyError(f"Table Schema type {schema_type!r} has no row in rules/storage_types.csv")


def _cast(schema_type: str):
    """Text of a CSV cell → the Python value both writers store (dates stay ISO text here)."""
    if schema_type in ("integer", "year"):
        return int
    if schema_type == "number":
        return float
    if schema_type == "boolean":
        return lambda text: text.strip().lower() in ("true", "1", "yes")
    return str


def csv_to_columns(data: bytes, fields: list[dict]) -> dict[str, list]:
    """``{field: [values]}`` of one package CSV, typed by the schema's ``fields``, in file order.

    Columns are taken by the schema's field names (the CSV header is the same list, written by
    ``write.csv_bytes``); a cell that does not cast raises, since the package wrote it.
    """
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header = next(reader, [])
    index = {name: i for i, name in enumerate(header)}
    casts = [(f["name"], index[f["name"]], _cast(f["type"])) for f in fields]
    out: dict[str, list] = {name: [] for name, _, _ in casts}
    for row in reader:
        for name, i, cast in casts:
            text = row[i]
            out[name].append(None if text == "" else cast(text))
    return out


def iso_date(text: str | None) -> date | None:
    """ISO ``YYYY-MM-DD`` text → ``date`` (for Parquet's date32)."""
    return None if text is None else date.fromisoformat(text)
