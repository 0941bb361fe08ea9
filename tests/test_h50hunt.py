"""Session 50 (helper X): wrong numbers found by sweeping real-like texts with what extraction does to them (a cell's
line lost, a row's label wrapped, a page's margins between two lines …). Each case is written here from the 2021
template with values that tell neighbours apart, so that a number read into another cell shows; each asserts the
number as printed, or missing with a finding — never another cell's number."""

from __future__ import annotations

import pytest

from xxgk.catalog import outcome_codes, proceeding_codes
from xxgk.parser import parse

TITLE = "样例县测试局2024年政府信息公开工作年度报告"
T4_KEYS = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
T4 = [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 11, 12, 13, 45]  # every group's total holds


def table4_cell_lines(values: list[int]) -> list[str]:
    """Table 四 as a web page's text prints it one cell a line (a cell closed by ``|``, a row opened by a lone ``|``,
    a header row's merged columns a line of rules)."""
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    head = ["|", "行政复议 |", "行政诉讼 |", "|" * 13, "|", *[f"{name} |" for name in outcomes],
            "未经复议直接起诉 |", "复议后起诉 |", "|" * 8, "|"]
    head += [f"{name} |" for name in outcomes * 2] + ["|" * 5, "|"]
    return head + [f"{v} |" for v in values]


def report_with_table4(table4: list[str]) -> str:
    return "\n".join([TITLE, "一、总体情况", "2024年，我局认真贯彻落实《条例》。", "二、主动公开政府信息情况", "无。",
                      "三、收到和处理政府信息公开申请情况", "无。", "四、政府信息公开行政复议、行政诉讼情况", *table4,
                      "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"])


def _table4(text: str) -> list:
    values = parse(text).values("review_litigation")
    return [values.get(key) for key in T4_KEYS]


def test_table4_one_cell_a_line_is_read_whole():
    assert _table4(report_with_table4(table4_cell_lines(T4))) == T4


@pytest.mark.parametrize("lost", [0, 7, 14])
def test_table4_one_cell_a_line_that_lost_a_cells_line_publishes_no_neighbours_number(lost):
    """The text lost one cell's line (14 numbers for 15 cells). Before, the header's last line of rules (``|||||``)
    was cut to the row's width and its last empty cell taken for 行政复议·结果维持: that cell blank (value_blank, info)
    and every number one column right of its own (结果纠正 printed 1, 结果维持's)."""
    values = T4[:lost] + T4[lost + 1:]
    record = parse(report_with_table4(table4_cell_lines(values)))
    assert [record.values("review_litigation")[key] for key in T4_KEYS] == [None] * 15
    said = [(f.code, f.expected, f.actual) for f in record.findings if f.table == "4"]
    assert said == [("row_lost_cells", "15", "14")]
