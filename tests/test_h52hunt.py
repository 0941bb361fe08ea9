"""Session 52's sweep of report files as agencies publish them (HTML pages and .docx files whose tables have merged
header cells, spacer rows and columns, split and nested tables …): each wrong number it found, on a small made-up
report (样例县数据局), read as the build reads it (``read_bytes`` then ``parse``)."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, as_html, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _published(data: bytes, suffix: str):
    return parse(read_bytes(data, suffix).parse_text)


def _as(text: str, suffix: str) -> bytes:
    return as_html(text).encode("utf-8") if suffix == ".html" else as_docx(text)


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_two_cells_numbers_in_one_cell_led_by_0_are_not_one_number(suffix):
    """A cell holding two cells' numbers (``0 153``: 本年废止 0 and 现行有效 153, the cell between them lost, the
    last cell blank) was read as one number grouped by thousands, and 153 was published as 本年废止件数. A first
    group of 0 is no thousands' group: the cell is unreadable, said, and no number of it is published."""
    text = tab_report(in_force=153).replace("行政规范性文件\t0\t0\t153", "行政规范性文件\t0\t0 153\t")
    record = _published(_as(text, suffix), suffix)
    values = record.values("active")
    assert values[("normative_documents", "issued")] == 0
    assert values.get(("normative_documents", "repealed")) is None
    assert values.get(("normative_documents", "in_force")) is None
    assert any(f.code == "value_unreadable" and f.column == "本年废止件数" for f in record.findings)


def _spacer_column_table3() -> str:
    """``tab_report``'s table 三 under a row of its headings, with an empty column after 自然人 in every row (a border
    a converter drew), 四、结转下年度继续办理 leaving its 总计 blank."""
    lines = tab_report(carried_forward=2).split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 1
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    rows = [line.split("\t") for line in lines[start:end]]
    rows[-1][-1] = ""
    heads = ["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    table = ["\t".join([*cells[:2], "", *cells[2:]]) for cells in [heads, *rows]]
    return "\n".join(lines[:start] + table + lines[end:])


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_an_empty_spacer_column_is_no_column_of_table3(suffix):
    """An empty column drawn between two of table 三's columns (headings included) made every row a cell too many,
    each lost (``row_extra_cells``), and the row whose 总计 is blank seven cells: its spacer read as 商业企业 and
    every number after it a column right, 0 published as its 总计, which the report leaves blank. A column where
    nothing begins but empty cells, inside a row of headings, is no column: every row is read as printed."""
    assert_spacer_column_not_read(_published(_as(_spacer_column_table3(), suffix), suffix))


def assert_spacer_column_not_read(record) -> None:
    """``record`` (``_spacer_column_table3``'s report, from any reader) read as printed, its spacer no column."""
    values = record.values("applications")
    assert values[("carried_forward", "natural_person")] == 2
    assert values[("carried_forward", "commercial")] == 0
    assert values.get(("carried_forward", "total")) is None
    assert values[("new", "natural_person")] == 7 and values[("new", "total")] == 7
    assert not any(f.code in ("row_extra_cells", "row_lost_cells") for f in record.findings)


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_two_cells_numbers_apart_by_a_space_in_one_cell_are_not_one_number(suffix):
    """``3 120`` in one cell of a Word or web table (本年废止 3 and 现行有效 120, the border between them lost, the
    next cell blank) was read as one number grouped by thousands with a space: 3120 published as 本年废止件数. Such a
    table groups thousands with commas and never wraps a cell: the cell holds two numbers, unreadable and said."""
    text = tab_report(repealed=3, in_force=120).replace("行政规范性文件\t0\t3\t120", "行政规范性文件\t0\t3 120\t")
    record = _published(_as(text, suffix), suffix)
    values = record.values("active")
    assert values.get(("normative_documents", "repealed")) is None
    assert values.get(("normative_documents", "in_force")) is None
    assert any(f.code == "value_unreadable" and f.column == "本年废止件数" for f in record.findings)
    comma = tab_report(in_force=3120).replace("行政规范性文件\t0\t0\t3120", "行政规范性文件\t0\t0\t3,120")
    assert _published(_as(comma, suffix), suffix).values("active")[("normative_documents", "in_force")] == 3120
