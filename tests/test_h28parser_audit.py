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


RULES_ROWS = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t7\n"
DECISIONS_ROWS = "信息内容\t本年处理决定数量\n行政许可\t1\n行政处罚\t0\n行政强制\t0\n"


def _table_2(record) -> list:
    values = record.values("active")
    return ([values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")]
            + [values.get((i, "decisions")) for i in ("licensing", "penalty", "coercion")])


def test_a_transposed_table_2_in_pdf_text_is_read_by_its_columns_items_and_its_rows_measures():
    """PDF text of table 二 printed turned round, with no tabs: the items apart by spaces (信息内容 规章
    行政规范性文件, then 本年制发件数 0 2 …) or one cell a line (信息内容 / 规章 / 行政规范性文件 / 本年制发件数 / 0 /
    2 …). Before: nothing of it was published (label_unrecognised, row_lost_cells, row_absent). Now each number is
    read under the item of its column and the measure of its row, told by table_transposed, as from a table."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    assert RULES_ROWS in text and DECISIONS_ROWS in text
    spaced = ("信息内容 规章 行政规范性文件\n本年制发件数 0 2\n本年废止件数 0 1\n现行有效件数 0 7\n",
              "信息内容 行政许可 行政处罚 行政强制\n本年处理决定数量 1 0 0\n")
    one_a_line = ("信息内容\n规章\n行政规范性文件\n本年制发件数\n0\n2\n本年废止件数\n0\n1\n现行有效件数\n0\n7\n",
                  "信息内容\n行政许可\n行政处罚\n行政强制\n本年处理决定数量\n1\n0\n0\n")
    for rules, decisions in (spaced, one_a_line):
        record = parse(text.replace(RULES_ROWS, rules).replace(DECISIONS_ROWS, decisions).replace("\t", " "))
        assert _table_2(record) == [2, 1, 7, 1, 0, 0], rules[:12]
        assert [f.code for f in record.findings if f.table == "2"] == ["table_transposed"] * 2, rules[:12]


def test_a_transposed_table_2_in_pdf_text_with_a_number_lost_is_not_turned():
    """One a line, a measure with a number too few (本年废止件数 / 1, its 规章 cell lost) cannot say which item's
    number is printed: that measure is not turned and none of its cells is read by guess (they stay missing, with a
    finding); with the first measure's number lost, nothing is turned."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    lost = "信息内容\n规章\n行政规范性文件\n本年制发件数\n0\n2\n本年废止件数\n1\n现行有效件数\n0\n7\n"
    record = parse(text.replace(RULES_ROWS, lost).replace("\t", " "))
    assert _table_2(record)[1:3] == [None, None]
    assert {"label_unrecognised", "row_lost_cells"} & {f.code for f in record.findings if f.table == "2"}
    first_lost = "信息内容\n规章\n行政规范性文件\n本年制发件数\n2\n本年废止件数\n0\n1\n现行有效件数\n0\n7\n"
    record = parse(text.replace(RULES_ROWS, first_lost).replace("\t", " "))
    assert _table_2(record)[:3] == [None] * 3 and "table_transposed" not in _codes(record)


def test_an_ocr_space_inside_a_table_2_number_beside_a_blank_cell_publishes_no_pieces():
    """Layout (OCR) text of table 二: 行政规范性文件 printed 12 | (blank) | 7, OCR reading ``1 2`` one space apart
    where the row's other numbers stand wider. Before: 1, 2 and 7 were published as 本年制发, 本年废止 and 现行有效
    with no finding at all. Table 二 has no total to prove the pieces one number: the row is missing with
    value_split. A row whose numbers all stand one space apart (PDF text) or all wide apart is read as printed."""
    text = tab_report(in_force=7, issued=2, repealed=1).replace("\t", " ")
    assert "行政规范性文件 2 1 7" in text
    for printed, pair in (("行政规范性文件    1 2         7", "1 2"), ("行政规范性文件    12     1 7", "1 7")):
        record = parse(text.replace("行政规范性文件 2 1 7", printed))
        assert _table_2(record) == [None, None, None, 1, 0, 0], printed
        said = [f for f in record.findings if f.code == "value_split"]
        assert [(f.table, f.row, f.actual) for f in said] == [("2", "行政规范性文件", pair)], printed
    for printed in ("行政规范性文件 2 1 7", "行政规范性文件    2     1     7"):
        record = parse(text.replace("行政规范性文件 2 1 7", printed))
        assert _table_2(record) == [2, 1, 7, 1, 0, 0] and "value_split" not in _codes(record), printed


def test_last_years_tables_captioned_above_blank_lines_or_a_unit_line_are_not_read_as_this_years():
    """附：2023年度数据（供对比） above last year's tables 二 to 四, with PDF text's blank lines or a unit note
    (（单位：件）, 单位：件) between it and the heading. Before: only the two lines right above a copy's heading were
    its caption, so neither copy named a year and the first — last year's — was read (8 new applications, 5
    documents in force). Now blank lines and unit notes do not count among a caption's two lines: this year's copy
    is read, tables_repeated says which."""
    from tests.test_h27parser_audit import _with_last_years_tables

    for between in ("\n\n\n", "（单位：件）\n（数据来源：本局统计）\n", "\n单位：件\n\n"):
        for before, after in ((f"附：2023年度数据（供对比）\n{between}", f"本年度数据：\n{between}"),
                              ("", f"2024年度数据：\n{between}")):
            record = parse(_with_last_years_tables(before, after))
            applications = record.values("applications")
            assert [applications[("new", "total")], applications[("carried_forward", "total")]] == [6, 3], before
            assert record.values("active")[("normative_documents", "in_force")] == 7, before
            said = [f.message for f in record.findings if f.code == "tables_repeated"]
            assert len(said) == 1 and "采用标明2024年的第二遍" in said[0], before


APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]


def test_a_number_with_a_space_at_its_thousands_comma_in_pdf_text_publishes_no_piece():
    """PDF text of table 三 printing 1,234 with a space at its comma (``1, 234``, ``1， 234``, ``1 ,234``). Before:
    ``1,`` ended the row's label and 234 was published as 自然人 (with only identity_broken, which blames the
    report for the misreading). Now the printed text is one cell, unreadable (value_unreadable, null), as the
    same cell is in a table's tab-separated text; the row's other cells stand."""
    text = tab_report(carried_over=2, carried_forward=3)
    printed = "一、本年新收政府信息公开申请数量\t6\t0\t0\t0\t0\t0\t6"
    assert printed in text
    for cell in ("1, 234", "1， 234", "1 ,234"):
        for apart in (" ", "    "):  # PDF text; layout text
            line = printed.replace("\t", apart)
            row = line.replace(f"{apart}6{apart}", f"{apart}{cell}{apart}", 1)
            record = parse(text.replace("\t", apart).replace(line, row))
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [None, 0, 0, 0, 0, 0, 6], (cell, row)
            assert "value_unreadable" in _codes(record) and "identity_broken" not in _codes(record), (cell, row)


def test_tables_under_their_numbered_captions_alone_are_the_sections_tables():
    """A report printing its tables under their captions only, numbered 表1–表3 (section 一 has no table) or 表2–表4,
    附表1：…, 表 1-1 …, in place of the headings 二、三、四. Before: sections 二 to 四 absent, every table null
    (section_absent, table_absent ×3), although 表一：主动公开政府信息情况 and unnumbered headings were read. Now a
    table's number counts as a heading's numbering, and a caption printed under its section's heading changes
    nothing."""
    text = tab_report(carried_over=2, carried_forward=3, in_force=7, issued=2, repealed=1)
    headings = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况")
    words = [h[2:] for h in headings]
    for numbers in (("表1 ", "表2 ", "表3 "), ("表2 ", "表3 ", "表4 "), ("附表1：", "附表2：", "附表3："),
                    ("表 1-1 ", "表 2 ", "表 3 ")):
        printed = text
        for heading, number, word in zip(headings, numbers, words, strict=True):
            printed = printed.replace(heading, number + word)
        record = parse(printed)
        applications = record.values("applications")
        assert record.values("active")[("normative_documents", "in_force")] == 7, numbers
        assert [applications[("new", "total")], applications[("carried_forward", "total")]] == [6, 3], numbers
        assert record.values("review_litigation")[("review", "total")] == 0, numbers
        assert not {"section_absent", "table_absent"} & _codes(record), numbers
    captioned = text
    for n, (heading, word) in enumerate(zip(headings, words, strict=True), start=1):
        captioned = captioned.replace(heading, f"{heading}\n表{n} {word}")
    record = parse(captioned)
    assert record.values("applications")[("new", "total")] == 6
    assert not _codes(record)


def test_a_layout_rows_whole_numbers_are_not_cut_to_make_its_total_hold():
    """Layout text (``pdftotext -layout``) of table 三 whose 总计 row has two blank cells (lost as spaces) and a total
    that does not hold (the report's own error): ``（七）总计    0     0      0        150    152``. Before: 150 and
    152 were cut as if their digits had run together — 0 0 0 1 50 1 52, published with only cells_recovered: 1 and
    50 where the report printed nothing and 150, 52 for its 152. Numbers standing two spaces or more apart are
    whole cells: the row is missing with row_lost_cells. Digits run together (a flattened web page) are still cut."""
    text = tab_report().replace("\t", "     ")
    printed = "（七）总计     5     0     0     0     0     0     5"
    assert printed in text
    record = parse(text.replace(printed, "（七）总计    0     0      0        150    152"))
    values = record.values("applications")
    assert [values.get(("total_processed", a)) for a in APPLICANTS] == [None] * 7
    lost = [f for f in record.findings if f.code == "row_lost_cells"]
    assert [f.row for f in lost] == ["（七）总计"] and "cells_recovered" not in _codes(record)
    glued = parse(text.replace(printed, "（七）总计 5000005"))  # a web page's run-together digits: cut as before
    assert [glued.values("applications").get(("total_processed", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5]


def test_a_layout_table_4_rows_whole_numbers_are_not_cut_to_make_its_totals_hold():
    """Layout text of table 四 with 行政复议 printed 0 | (blank) | 0 | 0 | 11 (the blank lost as spaces; its total the
    report's error). Before: 11 was cut 1 | 1 so that the group's total held, and 1 published as 行政复议·总计 with no
    finding at all. Numbers standing two spaces or more apart are whole cells: fourteen for fifteen, the table is
    missing with row_lost_cells. Digits run together in a web page's text are still cut where the totals hold."""
    printed = "0          0     0    11     0     0     0     0     0     0     0     0     0     0"
    record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + printed).replace("\t", "     "))
    assert _table_4(record) == [[None] * 5] * 3
    assert "row_lost_cells" in _codes(record)
    glued = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + "10001 00000 00000"))
    assert _table_4(glued) == [[1, 0, 0, 0, 1], [0] * 5, [0] * 5]


def test_a_table_2_header_in_pdf_text_naming_its_measures_in_another_order_places_each_number():
    """PDF text of table 二 whose header prints the measures in another order than the template's
    (``信息内容 现行有效件数 本年制发件数 本年废止件数``) or with last year's column first (``上年制发件数 …``). Before:
    the header was read only from a table's tab/pipe cells, so in PDF text 7, 2, 1 were published as 制发, 废止,
    现行有效 (no finding), and a row with last year's column was lost (row_extra_cells). Now each number is read
    under the measure its column names, with columns_selected, as from a table's cells."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    assert RULES_ROWS in text
    for header, row in (("现行有效件数 本年制发件数 本年废止件数", "7 2 1"),
                        ("本年废止件数 本年制发件数 现行有效件数", "1 2 7"),
                        ("上年制发件数 本年制发件数 本年废止件数 现行有效件数", "3 2 1 7")):
        zeros = " ".join(["0"] * len(row.split()))
        rows = f"信息内容 {header}\n规章 {zeros}\n行政规范性文件 {row}\n"
        for apart in (" ", "    "):
            record = parse(text.replace(RULES_ROWS, rows).replace("\t", " ").replace(" ", apart))
            assert _table_2(record)[:3] == [2, 1, 7], (header, apart)
            assert "columns_selected" in {f.code for f in record.findings if f.table == "2"}, (header, apart)


def test_a_table_4_header_in_another_order_over_fifteen_numbers_of_pdf_text_places_them():
    """Table 四 whose header prints 总计 first in each group (总计 结果维持 结果纠正 其他结果 尚未审结), its row fifteen
    numbers apart by spaces (PDF or layout text). Before: columns_order_unsure and all fifteen missing — a header's
    order was applied only to a table's tab/pipe cells, though fifteen numbers for fifteen cells are read whole in
    the template's order. Now they are moved under the columns the header names, with columns_reordered, as in a
    table; a row of fourteen numbers (digits that may have run together) stays missing."""
    header = ("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
              + "\t".join(["总计", "结果维持", "结果纠正", "其他结果", "尚未审结"] * 3))
    for printed, expected in (("3 1 1 0 1 2 2 0 0 0 1 0 0 1 0", [[1, 1, 0, 1, 3], [2, 0, 0, 0, 2], [0, 0, 1, 0, 1]]),
                              ("3 1 1 0 1 22 0 0 0 1 0 0 1 0", [[None] * 5] * 3)):
        text = tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + header + "\n" + printed)
        for apart in (" ", "    "):
            record = parse(text.replace("\t", apart))
            assert _table_4(record) == expected, (printed, apart)
            assert ("columns_reordered" if expected[0][0] else "columns_order_unsure") in _codes(record)
