"""The package's CSVs read back as typed columns, one definition for the SQLite and Parquet writers.

Both query formats are made *from the CSV bytes the package publishes*, so they can only say what
the CSVs say. A field's Table Schema type (``rules/schema.yaml``) picks its storage type in
``rules/storage_types.csv``; an empty cell is missing (``None``), never 0. A text cell is the text as printed:
the apostrophe the CSVs put before a formula-looking text or a digit run a spreadsheet would change
(``safe.sheet_cell``) is taken off (``safe.cell_text``), since neither SQLite nor Parquet runs or rounds a text
(audit 27: ``WHERE actual = '25380363300630003'`` found nothing, the cell held ``'25380363300630003``).

>>> columns = csv_to_columns(b"report_id,year,value\\na,2024,1.5\\nb,,\\n",
...                          [{"name": "report_id", "type": "string"}, {"name": "year", "type": "integer"},
...                           {"name": "value", "type": "number"}])
>>> columns
{'report_id': ['a', 'b'], 'year': [2024, None], 'value': [1.5, None]}
>>> csv_to_columns(b"actual\\n'25380363300630003\\n'=1+1\\n''=x\\n'007\\n", [{"name": "actual", "type": "string"}])
{'actual': ['25380363300630003', '=1+1', "'=x", '007']}
>>> storage_type("date")["sqlite"], storage_type("date")["arrow"]
('TEXT', 'date32')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from operator import itemgetter

from ..catalog import table
from ..readers import allow_long_csv_cells
from ..safe import cell_text

allow_long_csv_cells()


def storage_type(schema_type: str) -> dict:
    """The row of ``rules/storage_types.csv`` for one Table Schema type; an unknown type is a broken rule table."""
    for row in table("storage_types"):
        if row["type"] == schema_type:
            return row
    raise KeyError(f"Table Schema type {schema_type!r} has no row in rules/storage_types.csv")


def readr_col_types(fields: list[dict]) -> str:
    """The compact ``col_types`` of R's ``readr::read_csv`` for a CSV of these schema ``fields``, in their order
    (``rules/storage_types.csv``'s ``readr`` column). Without it readr guesses each column's type from a sample of
    rows, and a text column empty in all of them (``reports.duplicate_of``, ``notes``) is guessed logical: its texts
    further down are read as NA, only a warning saying so (audit 28).

    >>> readr_col_types([{"name": "report_id", "type": "string"}, {"name": "value", "type": "integer"},
    ...                  {"name": "amount", "type": "number"}, {"name": "published_date", "type": "date"}])
    'cidD'
    """
    return "".join(storage_type(f["type"])["readr"] for f in fields)


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
    out: dict[str, list] = {f["name"]: [] for f in fields}
    columns = list(out.values())
    for row in typed_rows(io.StringIO(data.decode("utf-8-sig"), newline=""), fields):
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    return out


def typed_rows(lines: Iterable[str], fields: list[dict]) -> Iterator[tuple]:
    """The rows of one package CSV (text lines, BOM already removed) as tuples typed like ``csv_to_columns``,
    in the schema's field order, one at a time (a file of any size in constant memory); a text as printed
    (``safe.cell_text``: the CSV's guard apostrophe off).

    >>> list(typed_rows(["year,report_id\\n", "2024,a\\n", ",b\\n"], [{"name": "report_id", "type": "string"},
    ...                                                             {"name": "year", "type": "integer"}]))
    [('a', 2024), ('b', None)]
    """
    reader = csv.reader(lines)
    header = next(reader, [])
    index = {name: i for i, name in enumerate(header)}
    columns = [index[f["name"]] for f in fields]
    casts = [(j, cast) for j, cast in enumerate(_cast(f["type"]) for f in fields) if cast is not str]
    if not columns:
        pick = lambda row: ()  # noqa: E731
    elif len(columns) == 1:
        pick = lambda row, i=columns[0]: (row[i],)  # noqa: E731
    else:
        pick = itemgetter(*columns)
    for row in reader:  # the cells in field order, "" as None, a guarded text as printed, then the non-text cast
        values = [None if text == "" else cell_text(text) if "'" in text else text for text in pick(row)]
        for j, cast in casts:
            if (text := values[j]) is not None:
                values[j] = cast(text)
        yield tuple(values)


def csv_file_rows(path, fields: list[dict]) -> Iterator[tuple]:
    """``typed_rows`` of a package CSV on disk."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        yield from typed_rows(handle, fields)


def iso_date(text: str | None) -> date | None:
    """ISO ``YYYY-MM-DD`` text → ``date`` (for Parquet's date32)."""
    return None if text is None else date.fromisoformat(text)
