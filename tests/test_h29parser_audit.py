"""Audit 29 (parser, fourth round): real report shapes nobody here had tried — a blank cell PDF text prints as
nothing beside a two-digit number, … — never publish a number the report does not print in that cell, nor lose
one it prints surely."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse

from .test_h28parser_audit import HEADING_4, OUTCOMES, PROCEEDINGS, ZEROS_4, _codes, _table_4  # noqa: F401


def test_a_pdf_text_row_a_cell_short_is_not_cut_digit_by_digit_to_fill_its_cells():
    """PDF text (one space between cells) of table 四 with 行政复议 printed 0 | (blank) | 0 | 0 | 11 — the blank
    printed as nothing, the total the report's error: ``0 0 0 11 0 0 0 0 0 0 0 0 0 0``. Before: fourteen numbers
    for fifteen cells made the only cut 11 → 1 | 1, and 1 was published as 结果维持… 尚未审结 and 总计 with no
    finding at all (the group's total "held": 0+0+0+1 = 1). That cut is forced by the cell count, not chosen by
    the identities: a blank printed as nothing reads the same. Now the table is missing with row_lost_cells
    quoting the pieces. Digits run together in a flattened web page (``10001 00000 00000``, one run
    ``110024001510102``: no cell prints 00000) are still cut where the totals hold."""
    for row in ("0 0 0 11 0 0 0 0 0 0 0 0 0 0", "1 0 0 12 0 0 0 0 0 0 0 0 0 0", "0 0 0 0 0 0 0 0 0 0 0 0 0 11"):
        record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + row).replace("\t", " "))
        assert _table_4(record) == [[None] * 5] * 3, row
        lost = [f for f in record.findings if f.code == "row_lost_cells" and f.table == "4"]
        assert len(lost) == 1 and row in lost[0].message and "cells_recovered" not in _codes(record), row
    for glued, expected in (("10001 00000 00000", [[1, 0, 0, 0, 1], [0] * 5, [0] * 5]),
                            ("110024001510102", [[1, 1, 0, 0, 2], [4, 0, 0, 1, 5], [1, 0, 1, 0, 2]])):
        record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + glued))
        assert _table_4(record) == expected, glued


APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]


def test_a_pdf_text_table_3_row_a_cell_short_is_not_cut_digit_by_digit_either():
    """The same in table 三: ``（六）其他处理`` … printed ``0 0 0 0 0 11`` (其他组织 blank, 总计 11) is not
    0 0 0 0 0 1 1. Before: published so with no finding. Now the row is missing with row_lost_cells."""
    text = tab_report().replace("\t", " ")
    printed = "3.其他 0 0 0 0 0 0 0"
    assert printed in text
    record = parse(text.replace(printed, "3.其他 0 0 0 0 0 11"))
    values = record.values("applications")
    assert [values.get(("other_other", a)) for a in APPLICANTS] == [None] * 7
    assert any(f.code == "row_lost_cells" and f.row.startswith("3.其他") for f in record.findings)


def _one_a_line(cells: str) -> str:
    """A report whose table 四 is ``cells`` printed one cell a line (PyMuPDF's text of a ruled table), as PDF text."""
    return tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + cells.replace(" ", "\n")).replace("\t", " ")


def test_a_totals_only_table_4_printed_one_cell_a_line_is_read_when_its_header_says_the_order():
    """Table 四 printing only its three totals, in PDF text one cell a line: 行政复议 / 行政诉讼 / 未经复议直接起诉 /
    复议后起诉 / 总计 / 总计 / 总计 / 2 / 1 / 0, or each cell naming its proceeding in full. Before: the header's
    order was read only from a row of several cells, so all fifteen were missing with row_lost_cells and the
    printed totals lost. Now each total is published under its proceeding with table_totals_only — the order of
    one header row's cells is the order they are read in."""
    blank = [None] * 4
    for cells, totals in (("行政复议 行政诉讼 未经复议直接起诉 复议后起诉 总计 总计 总计 2 1 0", [2, 1, 0]),
                          ("行政复议 行政诉讼 复议后起诉 未经复议直接起诉 总计 总计 总计 2 1 0", [2, 0, 1]),
                          ("行政复议总计 未经复议直接起诉总计 复议后起诉总计 2 1 0", [2, 1, 0]),
                          ("项目 行政诉讼（复议后起诉） 行政复议 行政诉讼（未经复议直接起诉） 总计 2 1 0", [1, 0, 2])):
        record = parse(_one_a_line(cells))
        assert _table_4(record) == [blank + [t] for t in totals], cells
        assert "table_totals_only" in _codes(record) and "row_lost_cells" not in _codes(record), cells


def test_a_totals_only_table_4_one_cell_a_line_under_litigation_first_stays_missing():
    """行政诉讼 read before 行政复议 does not say which column is first: the template's 行政复议 cell, two rows
    high at the left, may be read after 行政诉讼 too. All fifteen stay missing with row_lost_cells, as before."""
    record = parse(_one_a_line("行政诉讼 行政复议 未经复议直接起诉 复议后起诉 总计 总计 总计 2 1 0"))
    assert _table_4(record) == [[None] * 5] * 3
    assert "row_lost_cells" in _codes(record) and "table_totals_only" not in _codes(record)


def _with_decimals(text: str) -> str:
    """``text`` with every count of its tables' tab cells printed with one decimal (5 → 5.0)."""
    return "\n".join("\t".join(f"{c}.0" if c.isdigit() else c for c in line.split("\t")) if "\t" in line else line
                     for line in text.split("\n"))


def test_a_count_printed_with_a_decimal_among_whole_counts_is_no_count():
    """Table 二 printing 行政规范性文件 2 | 1.0 | 7, or table 三's 自然人 6.0 among counts printed 0 and 6 (a typed
    figure, a pasted average). Before: read as 1 and 6, with no finding — a decimal in a count cell was taken for
    a spreadsheet's number format. Now the cell is missing with value_unreadable quoting it; the row's other
    cells stand."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    for apart in ("\t", " "):
        record = parse(text.replace("行政规范性文件\t2\t1\t7", "行政规范性文件\t2\t1.0\t7").replace("\t", apart))
        active = record.values("active")
        assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [2, None, 7]
        said = [f for f in record.findings if f.code == "value_unreadable"]
        assert [(f.table, f.actual) for f in said] == [("2", "1.0")] and "带小数点" in said[0].message, apart
        record = parse(text.replace("一、本年新收政府信息公开申请数量\t5", "一、本年新收政府信息公开申请数量\t5.00")
                       .replace("\t", apart))
        values = record.values("applications")
        assert [values.get(("new", a)) for a in APPLICANTS] == [None, 0, 0, 0, 0, 0, 5], apart
        assert ("3", "5.00") in {(f.table, f.actual) for f in record.findings if f.code == "value_unreadable"}


def test_tables_printing_every_count_with_a_decimal_are_read_whole_and_say_so():
    """A report whose tables print every count as 5.0, 0.0 (a spreadsheet's columns formatted with one decimal,
    exported as is): each table is read as the whole numbers it prints, with one values_whole_decimals finding a
    table — in tab cells and in PDF text."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    for apart in ("\t", " "):
        record = parse(_with_decimals(text).replace("\t", apart))
        active, applications = record.values("active"), record.values("applications")
        assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [2, 1, 7], apart
        assert [applications.get(("new", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5], apart
        assert record.values("review_litigation")[("review", "total")] == 0, apart
        said = [f for f in record.findings if f.code == "values_whole_decimals"]
        assert [f.table for f in said] == ["2", "3", "4"], apart
        assert not {"value_unreadable", "value_invalid"} & _codes(record), apart


RULES_HEADER = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"


def test_a_table_2_header_wrapped_over_two_lines_in_another_order_places_each_number():
    """Table 二's header printed over two lines, each column's words wrapped in it (``现行有效`` over ``件数``,
    or ``本年制`` over ``发件数``), naming the measures in another order than the template's: PDF text, tab cells
    (the second line's first cell empty) and a web page's two header rows. Before: neither line was read as a
    header (no cell of either names a measure), so ``7 2 1`` under 现行有效 | 本年制发 | 本年废止 was published as
    制发 7, 废止 2, 现行有效 1 with no finding. Now the two lines are joined column by column: each number is read
    under the measure its column names, with columns_selected."""
    from tests.factory import as_html
    from xxgk.readers import read_bytes

    text = tab_report(in_force=7, issued=2, repealed=1)
    assert RULES_HEADER in text and "行政规范性文件\t2\t1\t7" in text
    for header in ("信息内容\t现行有效\t本年制发\t本年废止\n\t件数\t件数\t件数",
                   "信息内容\t现行有\t本年制\t本年废\n\t效件数\t发件数\t止件数"):
        printed = text.replace(RULES_HEADER, header).replace("行政规范性文件\t2\t1\t7", "行政规范性文件\t7\t2\t1")
        for form in (printed, printed.replace("\t", " "), read_bytes(as_html(printed).encode(), ".html").text):
            record = parse(form)
            active = record.values("active")
            assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [2, 1, 7]
            assert "columns_selected" in {f.code for f in record.findings if f.table == "2"}, header
    same = text.replace(RULES_HEADER, "信息内容\t本年制发\t本年废止\t现行有效\n\t件数\t件数\t件数")
    for form in (same, same.replace("\t", " ")):  # the template's order wrapped: read as before, nothing to say
        record = parse(form)
        active = record.values("active")
        assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [2, 1, 7]
        assert not _codes(record)


def test_counts_printed_a_space_before_their_unit_in_pdf_text_are_read():
    """PDF text of a Word table whose cells print a count with its unit, Word spacing digits apart from Chinese:
    ``一、本年新收政府信息公开申请数量 6 件 0 件 … 6 件``, table 四 ``1 件 0 件 …``. Before: 件 apart from its
    number was read as label words, the row lost (label_unrecognised, row_lost_cells: 1 number for 7). Now the unit
    one space after its number is that cell's, as ``6件`` glued was; a sentence's 件 (``共 6 件，``) stays words."""
    text = tab_report(carried_over=2, carried_forward=3).replace("\t", " ")
    row = "一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6"
    assert row in text
    four = HEADING_4 + " ".join(["0"] * 15)
    spaced = " ".join(f"{n} 件" for n in [1, 0, 0, 0, 1] + [0] * 10)
    record = parse(text.replace(row, "一、本年新收政府信息公开申请数量 6 件 0 件 0 件 0 件 0 件 0 件 6 件")
                   .replace(four, HEADING_4 + spaced))
    values = record.values("applications")
    assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6]
    assert _table_4(record) == [[1, 0, 0, 0, 1], [0] * 5, [0] * 5]
    assert not {"label_unrecognised", "row_lost_cells"} & _codes(record)


def test_a_fee_printed_with_a_count_unit_in_pdf_text_is_no_amount():
    """Table 二's fee under 本年收费金额（单位：万元） printed ``行政事业性收费 5件`` (a count's unit in the amount's
    cell). Before: in PDF text 件 began the next line's label and 5 was published as 5 万元 with no finding, while
    the same cell in a table was value_unreadable. Now the unit glued to a row's only number at its line's end is
    that cell's in PDF text too: the fee is missing with value_unreadable; a count so printed (行政许可 12件) is
    read, as before."""
    text = tab_report().replace("行政事业性收费\t0", "行政事业性收费\t5件").replace("行政许可\t1", "行政许可\t12件")
    for apart in ("\t", " "):
        record = parse(text.replace("\t", apart))
        active = record.values("active")
        assert active[("fees", "amount_10k_yuan")] is None and active[("licensing", "decisions")] == 12, apart
        said = [(f.table, f.actual) for f in record.findings if f.code == "value_unreadable"]
        assert said == [("2", "5件")], apart


def test_counts_glued_to_their_units_in_a_flattened_page_are_read():
    """A web page flattened to text with its cells' units and no space (``…申请数量6件0件0件0件0件0件6件``, as
    平潭's pages run their cells together). Before: 件 followed by a digit was no cell's unit, the row lost
    (label_unrecognised, row_lost_cells). Now a unit glued between two numbers, the next one carrying it too, is
    the cell's; a sentence's ``6件2人`` (another unit after) is not read so."""
    text = tab_report(carried_over=2, carried_forward=3).replace("\t", " ")
    row = "一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6"
    record = parse(text.replace(row, "一、本年新收政府信息公开申请数量6件0件0件0件0件0件6件"))
    values = record.values("applications")
    assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6]
    assert not {"label_unrecognised", "row_lost_cells"} & _codes(record)


def test_a_table_4_outcome_header_wrapped_in_its_columns_places_the_numbers():
    """Table 四's outcome row printed over two lines, its words wrapped in their columns, 总计 first in each group
    (``总 结果 结果 其他 尚未`` over ``计 维持 纠正 结果 审结``), fifteen numbers under it. Before: neither line named
    the outcomes, so the numbers were read in the template's order — each group's total published as 结果维持 —
    with only identity_broken, which blames the report. Now the two lines are joined column by column: the
    numbers are moved under the outcomes they stand under, with columns_reordered."""
    top = "\t".join(["总", "结果", "结果", "其他", "尚未"] * 3)
    bottom = "\t".join(["计", "维持", "纠正", "结果", "审结"] * 3)
    header = f"行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n{top}\n{bottom}\n"
    row = "\t".join("3 1 1 0 1 2 2 0 0 0 1 0 0 1 0".split())
    text = tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + header + row)
    for apart in ("\t", " "):
        record = parse(text.replace("\t", apart))
        assert _table_4(record) == [[1, 1, 0, 1, 3], [2, 0, 0, 0, 2], [0, 0, 1, 0, 1]], apart
        assert "columns_reordered" in _codes(record) and "identity_broken" not in _codes(record), apart




def test_a_line_with_a_count_before_its_words_is_no_row_of_one_cell_with_its_unit():
    """Review of audit 29 (old and new parser compared on 4,011 texts): ``行政事业性收费 5件`` is a row whose one cell
    is 5件, but ``0部分公开2件`` — a cell of a table printed one cell a line with words and a count run into it — is
    no row 部分公开 of one cell 2件: read so, in a damaged copy of a synthetic report, its row's label took the next
    lines' cells one cell off and published 34 as 自然人 and 34 as 其他组织 for a row printed 0 | 34 | … | 34."""
    from xxgk.cells import _loose_pieces

    assert [p for p in _loose_pieces("行政事业性收费 5件") if p[0] == "slot"] == [("slot", "5件")]
    assert ("slot", "2件") not in _loose_pieces("0部分公开2件")
