"""Session 60 (helper B): table 二's items of one measure (行政许可, 行政处罚, 行政强制, 行政事业性收费) printed on the
template's four-column grid, the header's 本年处理决定数量 merged across the three value columns (a web page's
``colspan``, a Word cell over three, or printed once with empty cells after it) and the row's cells not merged: the
value in one cell, the other two marked empty (``行政许可 | 2293 | / | /``, ``——``, ``无``). The item has one measure
and the header one name: the row's one value is that measure's (``table2_columns._one_value_under_name``, with
``columns_selected``). Before, each such row was three numbers for one cell, its value lost (``row_extra_cells``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from .factory import as_docx, as_html
from .test_h46reports import ACTIVE, _codes, _parse
from .test_h47reports import report, table3_tabs

ONE_MEASURE = {key: value for key, value in ACTIVE.items() if key[0] in ("licensing", "penalty", "coercion", "fees")}


def grid(pad: str, at: int = 0, header_pad: str = "") -> str:
    """Table 二 on a four-column grid: each item of one measure printed with its value in value cell ``at`` and
    ``pad`` in the other two, its header's name followed by ``header_pad`` cells (empty: printed merged)."""

    def row(label: str, value: str) -> str:
        cells = [pad] * 3
        cells[at] = value
        return "\t".join([label, *cells])

    head = "\t".join(["信息内容", "{}", header_pad, header_pad])
    return "\n".join([
        "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t1\t4",
        "行政规范性文件\t12\t3\t340",
        "第二十条第（五）项", head.format("本年处理决定数量"), row("行政许可", "2293"),
        "第二十条第（六）项", head.format("本年处理决定数量"), row("行政处罚", "15"), row("行政强制", "4"),
        "第二十条第（八）项", head.format("本年收费金额（单位：万元）"), row("行政事业性收费", "1.25"),
    ])


def with_table2(table2: str) -> str:
    text = report(table3_tabs())
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理政府信息公开申请情况")
    return text[:start] + table2 + "\n" + text[end:]


def one_measure(record) -> dict:
    got = record.values("active")
    return {key: got.get(key) for key in ONE_MEASURE}


FORMS = {"text": lambda t: (t, ".txt"), "html": lambda t: (as_html(t), ".html"),
         "docx": lambda t: (as_docx(t), ".docx")}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("pad", ["/", "——", "无", "-"])
def test_one_value_beside_cells_marked_empty(form, pad):
    record = _parse(*FORMS[form](with_table2(grid(pad))))
    assert one_measure(record) == ONE_MEASURE
    assert "row_extra_cells" not in _codes(record) and "columns_selected" in _codes(record)


def test_header_merged_in_a_web_page():
    page = as_html(with_table2(grid("/"))).replace("<td>本年处理决定数量</td><td></td><td></td>",
                                                    "<td colspan='3'>本年处理决定数量</td>")
    page = page.replace("<td>本年收费金额（单位：万元）</td><td></td><td></td>",
                        "<td colspan='3'>本年收费金额（单位：万元）</td>")
    assert "colspan" in page
    record = _parse(page, ".html")
    assert one_measure(record) == ONE_MEASURE
    assert record.values("active")[("fees", "amount_10k_yuan")] == Decimal("1.25")


def test_value_in_the_middle_cell():
    record = _parse(with_table2(grid("/", at=1)))
    assert one_measure(record) == ONE_MEASURE


def test_every_cell_marked_empty_is_blank():
    table2 = grid("/").replace("行政强制\t4\t/\t/", "行政强制\t/\t/\t/")
    record = _parse(with_table2(table2))
    assert record.values("active")[("coercion", "decisions")] is None
    assert record.values("active")[("penalty", "decisions")] == 15
    assert "value_blank" in _codes(record)


@pytest.mark.parametrize("pad", ["0", "7"])
def test_other_numbers_beside_it_still_lose_the_row(pad):
    """A second number in the row: which is the measure's, nothing tells (table 二 has no identity)."""
    record = _parse(with_table2(grid(pad)))
    assert all(value is None for value in one_measure(record).values())
    assert "row_extra_cells" in _codes(record)


def test_header_naming_another_measure_is_not_read():
    """A header of 2019's measures above a row of one value and empty cells: not this rule's."""
    table2 = grid("/").replace("信息内容\t本年处理决定数量\t\t\n行政许可", "信息内容\t上一年项目数量\t\t\n行政许可")
    record = _parse(with_table2(table2))
    assert record.values("active").get(("licensing", "decisions")) is None
