"""``parquet/<resource>.parquet``: every resource as a typed Parquet file, for pandas, R (arrow) and DuckDB.

Made from the published CSV with the schema's types (``rules/storage_types.csv``: integer → int64,
number → double, date → date32, …); each column carries its title and description as Arrow field
metadata. An empty cell is null, never 0, and a text is as printed: the apostrophe the CSV puts before a
formula-looking text or a long digit run (``safe.sheet_cell``, for spreadsheets) is not in the Parquet file.

A row group holds at most ``ROW_GROUP`` rows and at most ``GROUP_TEXT_BYTES`` of text (the UTF-8 bytes of its
string cells), whichever bound a row would pass first (``_group_length``): the writer holds one group's columns
whole, so a group of the narrative sections (≈ 2.7 KB a row) held ≈ 170 MB of text when its 65,536 rows were
all there, two to three times over while it was written, and the package write's peak grew with the reports until
then (+256 MiB at 10,000 reports, session 44). The bound is the data's, not the reader's blocks': the Arrow path and
the Python path cut the same groups.

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
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from ..safe import cell_text
from .typed import csv_file_rows, iso_date, storage_type, typed_rows

FOLDER = "parquet"
COMPRESSION = "zstd"
ROW_GROUP = 65_536  # rows per row group: a table up to this size is one group, as before streaming
GROUP_TEXT_BYTES = 32 * 2**20  # text bytes per row group (see the module docstring): the sections of ≈ 4,000 reports
_POOL = pa.system_memory_pool()  # malloc: freed blocks go back, so a process writing several files does not grow
_WRITER = {"compression": COMPRESSION, "compression_level": 3, "use_dictionary": True, "write_statistics": True,
           "version": "2.6", "data_page_version": "1.0", "store_schema": True}


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
    with pq.ParquetWriter(sink, target, **_WRITER) as writer:
        first = True
        for chunk in _row_groups(rows, _text_columns(target)):
            writer.write_table(_table(chunk, target, dates), row_group_size=ROW_GROUP)
            first = False
        if first:  # an empty resource: one empty row group, as pyarrow writes an empty table
            writer.write_table(_table([], target, dates), row_group_size=ROW_GROUP)


def _text_columns(target: pa.Schema) -> list[int]:
    return [i for i, f in enumerate(target) if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]


def _row_groups(rows: Iterable[tuple], text_columns: list[int]) -> Iterator[list[tuple]]:
    """Typed rows cut into row groups (``_group_length``'s rule, a row at a time): a row joins the group unless
    the group already has ``ROW_GROUP`` rows or, not empty, would pass ``GROUP_TEXT_BYTES`` of text with it."""
    chunk: list[tuple] = []
    size = 0
    for row in rows:
        row_size = sum(len(row[i].encode("utf-8", "surrogatepass")) for i in text_columns if row[i] is not None)
        if chunk and (len(chunk) == ROW_GROUP or size + row_size > GROUP_TEXT_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(row)
        size += row_size
    if chunk:
        yield chunk


def _group_length(sizes: np.ndarray) -> int | None:
    """How many of the pending rows (their text bytes ``sizes``, in order) make the next row group — the rows whose
    running total stays within ``GROUP_TEXT_BYTES`` (at least one), at most ``ROW_GROUP`` — or None while rows
    still to come could join it.

    >>> import numpy as np
    >>> [_group_length(np.array(sizes)) for sizes in ([10, 20], [GROUP_TEXT_BYTES, 1], [GROUP_TEXT_BYTES + 1, 1],
    ...                                                [5, GROUP_TEXT_BYTES - 5, 1], [1] * (ROW_GROUP + 1))]
    [None, 1, 1, 2, 65536]
    """
    running = np.cumsum(sizes[:ROW_GROUP])
    fit = int(np.searchsorted(running, GROUP_TEXT_BYTES, side="right"))
    if fit < len(running):
        return max(fit, 1)
    return ROW_GROUP if len(sizes) >= ROW_GROUP else None


def _text_bytes(batch: pa.RecordBatch, text_columns: list[int]) -> np.ndarray:
    """Each row's text bytes (its string cells' UTF-8 lengths; a null none), as ``_row_groups`` counts them."""
    total = np.zeros(batch.num_rows, dtype=np.int64)
    for i in text_columns:
        lengths = pc.fill_null(pc.binary_length(batch.column(i), memory_pool=_POOL), 0)
        total += lengths.to_numpy(zero_copy_only=False).astype(np.int64)
    return total


def write_parquet_file(path: Path, schema: dict, target: Path, description: str | None = None) -> None:
    """``write_parquet`` of a package CSV on disk, read by Arrow's CSV reader (C++, a block at a time) instead
    of row by row in Python: the same row groups of the same typed values, so the same bytes (tested against
    ``parquet_bytes``). A file Arrow reads otherwise than ``typed.typed_rows`` would — a cell it will not cast
    (``+5``, ``yes``), a broken row — stops it, and the file is written again from ``typed.csv_file_rows``."""
    target_schema = arrow_schema(schema, description)
    try:
        with pq.ParquetWriter(target, target_schema, memory_pool=_POOL, **_WRITER) as writer:
            for group in _arrow_groups(path, target_schema):
                writer.write_table(group, row_group_size=ROW_GROUP)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        write_parquet(csv_file_rows(path, schema["fields"]), schema, target, description)


_DIGITS = "^-?[0-9]+$"  # an integer cell Arrow reads as ``int()`` does (Arrow also takes ``0x10``; ``int`` refuses)


def _printed(text: pa.Array) -> pa.Array:
    """A text column as printed: each cell the CSV guarded with an apostrophe (``safe.sheet_cell``) through
    ``safe.cell_text``, as ``typed.typed_rows`` does; the few such cells go through Python, the rest stay in Arrow."""
    guarded = pc.fill_null(pc.match_substring(text, "'", memory_pool=_POOL), False)  # (at a start, after a ;)
    if not pc.any(guarded).as_py():
        return text
    cells = pc.filter(text, guarded, memory_pool=_POOL).to_pylist()
    return pc.replace_with_mask(text, guarded, pa.array([cell_text(c) for c in cells], type=text.type))


def _integers_checked(batch: pa.RecordBatch, target: pa.Schema) -> pa.RecordBatch:
    """``batch`` (integer columns read as text) with those columns cast to ``target``'s types, after checking
    every cell is plain digits; else ``ArrowInvalid`` (the Python path then reads the file, as ``typed``); its
    text columns as printed (``_printed``)."""
    columns = batch.columns
    for i, field in enumerate(target):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            columns[i] = _printed(columns[i])
        if pa.types.is_integer(field.type):
            text = columns[i]
            digits = pc.match_substring_regex(text, _DIGITS, memory_pool=_POOL)  # (an empty cell: null)
            if pc.all(digits, memory_pool=_POOL).as_py() is False:
                raise pa.ArrowInvalid(f"{field.name}: a cell that is not plain digits")
            columns[i] = pc.cast(text, field.type, memory_pool=_POOL)
    return pa.RecordBatch.from_arrays(columns, schema=target)


def _arrow_groups(path: Path, target: pa.Schema) -> Iterator[pa.Table]:
    """The CSV's rows as the tables of its row groups (``_group_length``; one if it has none), each one contiguous
    array a column: what ``_table`` makes of the same rows. An empty cell is null (quoted or not, text too), as in
    ``typed``. Integer columns are read as text and cast once checked (``_integers_checked``)."""
    read_types = {f.name: pa.string() if pa.types.is_integer(f.type) else f.type for f in target}
    options = pa_csv.ConvertOptions(column_types=read_types, include_columns=target.names,
                                    null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True,
                                    true_values=["true", "1", "yes"], false_values=["false", "0", "no"])
    reader = pa_csv.open_csv(path, read_options=pa_csv.ReadOptions(block_size=1 << 20, use_threads=False),
                             parse_options=pa_csv.ParseOptions(newlines_in_values=True), convert_options=options,
                             memory_pool=_POOL)
    text_columns = _text_columns(target)
    pending, sizes, first = [], np.zeros(0, dtype=np.int64), True
    for batch in reader:
        checked = _integers_checked(batch, target)
        pending.append(checked)
        sizes = np.concatenate([sizes, _text_bytes(checked, text_columns)])
        while (length := _group_length(sizes)) is not None:
            table = pa.Table.from_batches(pending, schema=target)
            yield table.slice(0, length).combine_chunks(memory_pool=_POOL)
            first = False
            pending, sizes = [b for b in table.slice(length).to_batches() if b.num_rows], sizes[length:]
    if len(sizes) or first:
        yield pa.Table.from_batches(pending, schema=target).combine_chunks(memory_pool=_POOL)


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
