"""Audit 28 (parser, third round): real report shapes nobody here had tried — table 四 printed with its three totals
only, … — never publish a number the report does not print in that cell, nor lose one it prints surely."""

from __future__ import annotations

from tests.factory import as_html, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes

HEADING_4 = "四、政府信息公开行政复议、行政诉讼情况\n"
ZEROS_4 = "\t".join(["0"] * 15)
PROCEEDINGS = ("review", "litigation_direct", "litigation_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


def _table_4(record) -> list[list]:
    values = record.values("review_litigation")
    return [[values.get((p, o)) for o in OUTCOMES] for p in PROCEEDINGS]


def _with_table_4(body: str) -> list[str]:
    """A report whose table 四 is ``body`` (tab-separated), as tabs, as PDF text (spaces) and as a web page."""
    text = tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + body)
    return [text, text.replace("\t", " "), read_bytes(as_html(text).encode(), ".html").text]


def test_table_4_printed_with_its_three_totals_only_publishes_them_under_the_columns_the_header_names():
    """Table 四 printed as 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 over 总计 | 总计 | 总计 and one row
    ``2 | 1 | 0`` (or one header row naming the three, in any order). Before: row_lost_cells (3 numbers for 15
    cells) and all fifteen missing, the printed totals lost. Now each total is published under the proceeding its
    column names, the twelve outcome cells missing (not 0), told by table_totals_only."""
    blank = [None] * 4
    spanned = "行政复议\t行政诉讼\n\t未经复议直接起诉\t复议后起诉\n总计\t总计\t总计\n2\t1\t0"
    one_row = "项目\t行政诉讼（复议后起诉）\t行政复议\t行政诉讼（未经复议直接起诉）\n总计\t2\t1\t0"
    litigation_first = "行政诉讼\t\t行政复议\n复议后起诉\t未经复议直接起诉\t\n总计\t总计\t总计\n2\t1\t3"
    named = "行政复议总计\t未经复议直接起诉总计\t复议后起诉总计\n2\t1\t0"
    for body, totals in ((spanned, [2, 1, 0]), (named, [2, 1, 0]), (one_row, [1, 0, 2]), (litigation_first, [3, 1, 2])):
        for printed in _with_table_4(body):
            record = parse(printed)
            assert _table_4(record) == [blank + [t] for t in totals], body
            assert "table_totals_only" in _codes(record) and "row_lost_cells" not in _codes(record), body


def test_three_numbers_under_a_header_that_does_not_say_they_are_totals_stay_missing():
    """Three numbers are published as totals only when the header says so: under the template's full header
    (结果维持 … 总计 for each), or under 行政复议 and 行政诉讼 in rows that do not say their order, which cell each
    number is cannot be told; nor is the first of five rows of three (table 四 turned round, 结果维持 | 0 | 0 | 0 …) a
    row of totals — all fifteen stay missing with row_lost_cells, as before."""
    full = ("行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n2\t1\t0")
    unsaid = "行政诉讼\n行政复议\n未经复议直接起诉\t复议后起诉\n2\t1\t0"
    outcomes = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    turned = "项目\t行政复议\t行政诉讼（未经复议直接起诉）\t行政诉讼（复议后起诉）\n" + "".join(
        f"{outcome}\t{n}\t0\t{n}\n" for n, outcome in enumerate(outcomes))
    for body in (full, unsaid, turned, "行政复议\t行政诉讼\n\t未经复议直接起诉\t复议后起诉\n2\t1"):
        for printed in _with_table_4(body):
            record = parse(printed)
            assert _table_4(record) == [[None] * 5] * 3, body
            assert "row_lost_cells" in _codes(record) and "table_totals_only" not in _codes(record), body

