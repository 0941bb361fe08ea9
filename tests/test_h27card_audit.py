"""Audit 27 (the report card, the findings and the published data as their users use them): a researcher querying
``xxgk.db`` and the Parquet files, a transparency office reading the report card's ranks and deductions."""

from __future__ import annotations

import csv
import io
import sqlite3

import pyarrow.parquet as pq
import pytest

from xxgk.package.build import build_package
from xxgk.package.parquet import parquet_bytes, write_parquet_file
from xxgk.package.sqlite_db import database
from xxgk.package.write import csv_bytes

from .factory import tab_report
from .test_workbook_limits import sheets

# texts a spreadsheet would run or change: the CSVs and the workbook guard them with an apostrophe
PRINTED = ["=1+1", "-2024年，本局主动公开信息。", "25380363300630003", "007", "'=x", "'引号开头", "普通文字"]


@pytest.fixture(scope="module")
def guarded_package(tmp_path_factory):
    """The package of one report whose file name and first section begin like a formula."""
    root = tmp_path_factory.mktemp("h27card-guard")
    (root / "reports").mkdir()
    (root / "reports" / "=1+1.txt").write_text(
        tab_report(agency="甲县数据局", narrative="-2024年，本局主动公开信息。", published="2025年1月20日"),
        encoding="utf-8")
    _, errors = build_package(root / "reports", root / "out", workers=1)
    assert errors == []
    return root / "out"


def test_parquet_and_sqlite_hold_each_text_as_printed(tmp_path):
    """A SQL or pandas user filtering on the printed text finds it: ``WHERE actual = '25380363300630003'`` found
    nothing in xxgk.db, the cell held the CSV's guard ``'25380363300630003`` (and Parquet too). Neither format
    runs a formula or rounds a text, so they hold the text as printed; the CSV keeps its guard."""
    fields = [{"name": "n", "type": "integer"}, {"name": "actual", "type": "string"}]
    data = csv_bytes([{"n": i, "actual": text} for i, text in enumerate(PRINTED)], ["n", "actual"])
    written = [row[1] for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))][1:]
    assert written[:5] == ["'=1+1", "'-2024年，本局主动公开信息。", "'25380363300630003", "'007", "''=x"]
    schema = {"fields": fields}
    assert pq.read_table(io.BytesIO(parquet_bytes(data, schema))).column("actual").to_pylist() == PRINTED
    (tmp_path / "t.csv").write_bytes(data)
    write_parquet_file(tmp_path / "t.csv", schema, tmp_path / "t.parquet")  # Arrow's own CSV reader
    assert pq.read_table(tmp_path / "t.parquet").column("actual").to_pylist() == PRINTED
    db = database({"t": data}, lambda name: {**schema, "primaryKey": ["n"]})
    assert [r[0] for r in db.conn.execute("SELECT actual FROM t ORDER BY n")] == PRINTED
    assert db.conn.execute("SELECT n FROM t WHERE actual = '25380363300630003'").fetchall() == [(2,)]


def test_a_built_packages_query_files_hold_what_the_report_printed(guarded_package):
    """End to end: the file =1+1.txt and its section beginning with a minus sign, as a researcher reads them with
    sqlite3 and pyarrow (and the full-text search finds the section's words), while reports.csv and xxgk.xlsx
    keep the apostrophe a spreadsheet needs."""
    out = guarded_package
    with sqlite3.connect(out / "xxgk.db") as db:
        assert db.execute("SELECT source_file FROM reports").fetchall() == [("=1+1.txt",)]
        assert db.execute("SELECT text FROM sections WHERE section = 'overview'").fetchall() == [
            ("-2024年，本局主动公开信息。",)]
    assert pq.read_table(out / "parquet" / "reports.parquet").column("source_file").to_pylist() == ["=1+1.txt"]
    overview = [r["text"] for r in pq.read_table(out / "parquet" / "sections.parquet").to_pylist()
                if r["section"] == "overview"]
    assert overview == ["-2024年，本局主动公开信息。"]
    with open(out / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r["source_file"] for r in csv.DictReader(handle)] == ["'=1+1.txt"]
    book = sheets((out / "xxgk.xlsx").read_bytes())
    assert "'=1+1.txt" in book["reports"][1]
