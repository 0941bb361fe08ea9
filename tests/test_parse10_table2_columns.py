"""Table 二 printed with more columns than the template (last year's count beside this year's, a change column):
each item's cells are read under the columns its header names (``columns_selected``); a header that does not
name every measure in exactly one column leaves the row missing (before: every such row was missing)."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, as_html, as_pipes, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes

SHAPES = {
    "tab": lambda text: parse(text),
    "pipe": lambda text: parse(as_pipes(text)),
    "html": lambda text: parse(read_bytes(as_html(text).encode("utf-8"), ".html").text),
    "docx": lambda text: parse(read_bytes(as_docx(text), ".docx").text),
}
DOCS = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t8\t5\t26"
PERMITS = "信息内容\t本年处理决定数量\n行政许可\t1"


def _report(docs: str = DOCS, permits: str = PERMITS) -> str:
    text = tab_report(issued=8, repealed=5, in_force=26)
    assert DOCS in text and PERMITS in text
    return text.replace(DOCS, docs).replace(PERMITS, permits)


def _read(record):
    got = record.values("active")
    return ([got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")],
            [got[("rules", m)] for m in ("issued", "repealed", "in_force")], got[("licensing", "decisions")])


@pytest.mark.parametrize("shape", SHAPES)
def test_last_years_column_beside_this_years_is_passed_over(shape):
    record = SHAPES[shape](_report(
        "信息内容\t上年制发件数\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t0\t0\n行政规范性文件\t7\t8\t5\t26",
        "信息内容\t上年处理决定数量\t本年处理决定数量\t增减\n行政许可\t3\t1\t-2"))
    assert _read(record) == ([8, 5, 26], [0, 0, 0], 1)  # before: all three rows missing (row_extra_cells)
    selected = [f for f in record.findings if f.code == "columns_selected"]
    assert {f.row for f in selected} == {"规章", "行政规范性文件", "行政许可"}
    assert {f.code for f in record.findings} == {"columns_selected"}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_change_column_after_the_counts_is_passed_over(shape):
    record = SHAPES[shape](_report(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\t较上年增减\n规章\t0\t0\t0\t0\n行政规范性文件\t8\t5\t26\t+3"))
    assert _read(record) == ([8, 5, 26], [0, 0, 0], 1)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("permits", [
    "信息内容\t2022年\t2023年\n行政许可\t4\t1",  # years only: which one is the report's is not said
    "信息内容\t处理决定数量（上年）\t处理决定数量（本年）\n行政许可\t4\t1",  # no column named as the template
    "信息内容\t本年处理决定数量\t本年处理决定数量\n行政许可\t4\t1",  # named twice
])
def test_a_header_that_does_not_name_the_column_leaves_the_row_missing(shape, permits):
    record = SHAPES[shape](_report(permits=permits))
    assert _read(record)[2] is None and "row_extra_cells" in {f.code for f in record.findings}
