"""Layouts of real bureau, town, street and county report pages (session 38's sweep of stored web pages) and the
leftovers of session 37: each test's text is SYNTHETIC, written in the page's layout with the template's own labels
and invented names and numbers. What a reader of the page sees is published; what the page does not print is null
with a finding, never a guess."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

HEAD2019 = ("某某县某某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n")
TAIL = "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n"


def _ruled(cells: list[str]) -> str:
    """Cells each on a line ending in `` |``, as a real page's text prints its table."""
    return "".join(f"{cell} |\n" for cell in cells)


@pytest.mark.parametrize("words", ["未增未减", "无增无减"])
def test_a_change_printed_as_neither_up_nor_down_is_a_cell_and_keeps_its_row(words: str) -> None:
    """A real 2020 page (one cell a line) prints 2019's 本年增/减 as ``未增未减`` (neither up nor down) in every row:
    the words began a label, each row was a number or two short and lost whole (row_lost_cells,
    label_unrecognised) — 行政许可's printed 上一年项目数量 and 处理决定数量 among them. Words for no change are a cell
    (rules/change_words.csv, as 持平 and 不变 are): by the spec only a printed 0 is zero, so the change is null with
    value_unreadable quoting the words, and the row's printed numbers are read."""
    cells = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政许可", "7", words, "31", "其他对外管理服务事项", "2", words, "5",
             "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政处罚", "4", words, "9", "行政强制", "0", "1", "1",
             "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "3", words]
    record = parse(HEAD2019 + _ruled(cells) + TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [7, None, 31]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [2, None, 5]
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [4, None, 9]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [0, 1, 1]
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [3, None]
    said = [(f.code, f.row, f.actual) for f in record.findings if f.table == "2" and f.code != "row_absent"]
    assert said == [("value_unreadable", label, words)
                    for label in ("行政许可", "其他对外管理服务事项", "行政处罚", "行政事业性收费")]


@pytest.mark.parametrize("row", ["| 行政事业性收费 | 3 | {} |", "行政事业性收费\t3\t{}", "行政事业性收费 3 {}"])
@pytest.mark.parametrize("words", ["持平", "未增未减"])
def test_a_change_in_words_as_the_rows_last_cell_keeps_the_number_before_it(row: str, words: str) -> None:
    """2019's 行政事业性收费 has two cells, 上一年项目数量 and 本年增/减: the same page printed ``0 | 未增未减`` there.
    In cells (pipes, tabs) the number before words was taken for an item's number before the next label's words
    (as ``不予公开 | 1 | 属于国家秘密``), the row was lost whole and said printed in words (row_in_words), its printed 3
    with it — for 持平 too. Words for no change are no label: 3 is read, the change null with value_unreadable."""
    text = (HEAD2019 + "第二十条第(八)项\n信息内容 | 上一年项目数量 | 本年增/减 |\n" + row.format(words) + "\n"
            + TAIL)
    record = parse(text)
    active = record.values("active")
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [3, None]
    said = [(f.code, f.row, f.actual) for f in record.findings if f.table == "2" and f.code != "row_absent"]
    assert said == [("value_unreadable", "行政事业性收费", words)]
