"""Issue 16: Parquet written from a CSV file by Arrow's CSV reader is byte for byte the file ``parquet_bytes``
writes from the same CSV row by row in Python — past one row group, with every kind of cell — and a CSV
Arrow would read otherwise is written the Python way."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from xxgk.package import parquet
from xxgk.package.parquet import ROW_GROUP, parquet_bytes, write_parquet_file
from xxgk.package.write import csv_bytes

SCHEMA = {"fields": [{"name": "report_id", "type": "string", "title": "报告", "description": "所属报告"},
                     {"name": "year", "type": "integer"}, {"name": "value", "type": "number"},
                     {"name": "published", "type": "date"}, {"name": "comparable", "type": "boolean"},
                     {"name": "text", "type": "string"}]}
FIELDS = [f["name"] for f in SCHEMA["fields"]]
TEXTS = ["正文", "", None, "=1+1", "a,b", 'say "hi"', "line\nbreak", " spaced ", "-3", "'quoted"]


def rows(count: int) -> list[dict]:
    return [{"report_id": f"r-{i:06d}", "year": None if i % 11 == 0 else 2019 + i % 7,
             "value": None if i % 13 == 0 else (i % 97) / 8 + (0.1 if i % 5 == 0 else 0),
             "published": None if i % 17 == 0 else f"2024-0{1 + i % 9}-1{i % 10}",
             "comparable": ("true", "false", None)[i % 3], "text": TEXTS[i % len(TEXTS)]} for i in range(count)]


@pytest.mark.parametrize("count", [0, 1, 500, ROW_GROUP, ROW_GROUP + 1, 2 * ROW_GROUP + 7])
def test_arrow_writes_the_bytes_python_writes(tmp_path, count, monkeypatch):
    data = csv_bytes(rows(count), FIELDS)
    (tmp_path / "t.csv").write_bytes(data)

    def no_fallback(*args, **kwargs):
        raise AssertionError("the Python path was taken")

    monkeypatch.setattr(parquet, "write_parquet", no_fallback)
    write_parquet_file(tmp_path / "t.csv", SCHEMA, tmp_path / "t.parquet", "描述")
    monkeypatch.undo()
    assert (tmp_path / "t.parquet").read_bytes() == parquet_bytes(data, SCHEMA, "描述")
    assert pq.ParquetFile(tmp_path / "t.parquet").metadata.num_rows == count


@pytest.mark.parametrize("cell", ["+5", "yes ", "TRUE", "No", " 7", "1_000"])
def test_a_cell_arrow_reads_otherwise_is_written_the_python_way(tmp_path, cell):
    table = rows(30)
    column = "year" if cell.strip("+ _0123456789") == "" else "comparable"
    table[7][column] = cell
    data = csv_bytes(table, FIELDS)
    (tmp_path / "t.csv").write_bytes(data)
    write_parquet_file(tmp_path / "t.csv", SCHEMA, tmp_path / "t.parquet")
    assert (tmp_path / "t.parquet").read_bytes() == parquet_bytes(data, SCHEMA)
    assert pq.read_table(tmp_path / "t.parquet").column(column)[7].as_py() == \
        (int(cell) if column == "year" else cell.strip().lower() in ("true", "1", "yes"))


def test_an_integer_cell_python_refuses_is_refused_not_read_by_arrow_as_hex(tmp_path):
    """Arrow's CSV reader takes ``0x10`` in an integer column as 16; the package's reader (``int``) refuses it:
    the file is not written with a number the CSV does not hold."""
    table = rows(30)
    table[7]["year"] = "0x10"
    data = csv_bytes(table, FIELDS)
    (tmp_path / "t.csv").write_bytes(data)
    with pytest.raises(ValueError):
        parquet_bytes(data, SCHEMA)
    with pytest.raises(ValueError):
        write_parquet_file(tmp_path / "t.csv", SCHEMA, tmp_path / "t.parquet")
