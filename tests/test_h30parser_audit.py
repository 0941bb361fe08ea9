"""Audit 30 (parser, fifth round): real report shapes nobody here had tried — a page number inside a table printed
all as ``6.0``, … — never publish a number the report does not print in that cell, nor lose one it prints surely."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse

from .test_h29parser_audit import APPLICANTS, _with_decimals


def test_a_page_number_inside_a_table_printed_all_with_decimals_leaves_its_counts_read():
    """A table whose every count prints as ``6.0`` (a spreadsheet's format) broken over two PDF pages, the page's
    number alone on a line between its rows (``3``, ``- 3 -``, ``— 3 —``, ``3 / 8``). Before: that one whole number
    said the table printed its counts bare, so all 175 cells of table 三 were missing with value_unreadable. Now a
    lone page number says nothing of the table's format: the counts are read whole with values_whole_decimals, as
    without the page break; a table printed one cell a line whose lone counts are many still keeps ``1.0`` apart."""
    text = tab_report(carried_over=2, carried_forward=3)
    at = text.index("（四）无法提供")
    for page in ("3", "- 3 -", "— 3 —", "3 / 8"):
        for apart in ("\t", " "):
            record = parse(_with_decimals(text[:at] + page + "\n" + text[at:]).replace("\t", apart))
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6], (page, apart)
            assert [values.get(("carried_forward", a)) for a in APPLICANTS] == [3, 0, 0, 0, 0, 0, 3], (page, apart)
            assert "value_unreadable" not in {f.code for f in record.findings}, (page, apart)
            assert "3" in {f.table for f in record.findings if f.code == "values_whole_decimals"}, (page, apart)


def _total_first(text: str) -> str:
    """``text`` with table 三's rows printed 总计 first (总计 | 自然人 | 商业企业 … 其他)."""
    from xxgk.catalog import labels

    names = set(labels()["rows"].values())
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        out.append("\t".join([cells[0], cells[7], *cells[1:7]]) if len(cells) == 8 and cells[0] in names else line)
    return "\n".join(out)


def test_a_table_3_total_column_first_its_name_wrapped_in_its_cell_is_read_by_the_header():
    """Table 三 printing 总计 first in a column one character wide, its name wrapped in the cell (``总`` over ``计``,
    or ``合`` over ``计``): ``总 自然人 法人或其他组织`` over ``计 商业企业 科研机构 …`` — tab cells, PDF text and a web
    page. Before: the header named no 总计, the row totals held only with it first, and every value of the table
    was missing with columns_order_unsure. Now the two halves are one name: the numbers are read under the columns
    the header names, with columns_reordered."""
    from tests.factory import as_html
    from xxgk.readers import read_bytes

    text = _total_first(tab_report(carried_over=2, carried_forward=3))
    for top in ("总", "合"):
        header = f"\t{top}\t自然人\t法人或其他组织\n\t计\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        printed = text.replace("三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n" + header)
        for form in (printed, printed.replace("\t", " "), read_bytes(as_html(printed).encode(), ".html").text):
            record = parse(form)
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6], top
            assert [values.get(("granted", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5], top
            codes = {f.code for f in record.findings}
            assert "columns_reordered" in codes and "columns_order_unsure" not in codes, top


def test_table_4_numbers_printed_without_its_heading_or_header_are_not_said_unprinted():
    """Section 四's heading and table 四's header not printed, its fifteen numbers on a line of their own under
    table 三 (``1 0 0 0 1 0 0 …``), in tab cells and PDF text. Before: table_not_printed said the report had not
    printed the table (info, the report ranked as complete), though its numbers are there, unread. Now it is
    table_absent (not read); its values stay missing, never guessed from numbers no heading names. A report
    printing neither the section nor the numbers still says table_not_printed."""
    heading = "四、政府信息公开行政复议、行政诉讼情况\n"
    text = tab_report()
    assert heading + "\t".join(["0"] * 15) in text
    printed = text.replace(heading + "\t".join(["0"] * 15), "\t".join("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0".split()))
    for apart in ("\t", " "):
        record = parse(printed.replace("\t", apart))
        codes = {f.code for f in record.findings if f.table == "4"}
        assert codes == {"table_absent"}, apart
        assert all(v is None for v in record.values("review_litigation").values()), apart
    record = parse(text.replace(heading + "\t".join(["0"] * 15) + "\n", ""))
    assert {f.code for f in record.findings if f.table == "4"} == {"table_not_printed"}


def _licensing(record) -> list:
    active = record.values("active")
    return [active[("licensing", m)] for m in ("previous_year", "change", "decisions")]


def test_a_2019_change_printed_with_a_true_minus_sign_is_read():
    """2019 table 二's 本年增/减 printed ``−2`` with U+2212 MINUS SIGN (what Word's autoformat and PDF text print for a
    typed -; also U+2011). Before: the cell was unreadable in a table (value_unreadable) and in PDF text the row was
    lost (row_lost_cells, label_unrecognised '−'). Now it is -2, as ``-2`` and ``－2`` were."""
    from tests.test_parse10_unseen import _loose, report_2019

    text = report_2019()
    assert "行政许可\t12\t减2\t340" in text
    for minus in ("−", "‑"):
        printed = text.replace("行政许可\t12\t减2\t340", f"行政许可\t12\t{minus}2\t340")
        for form in (printed, _loose(printed)):
            record = parse(form)
            assert _licensing(record) == [12, -2, 340], minus
            assert not record.findings, minus


def test_a_2019_change_cell_in_words_keeps_its_row_in_a_table():
    """2019 table 二's 本年增/减 cell printed ``减少2个``, ``减 2`` (a space after the sign's word) or ``下降2`` in a
    table (tab cells). Before: the cell was not taken for a value, so the count before it (12) was taken for an item
    number (as 不予公开 | 1 | 属于国家秘密) and the whole row was lost with row_lost_cells. Now ``减少2个`` and
    ``减 2`` are -2; ``下降2`` (no sign this tool reads) is missing with value_unreadable, 12 and 340 read."""
    from tests.test_parse10_unseen import report_2019

    text = report_2019()
    for cell, change in (("减少2个", -2), ("减 2", -2), ("增加 3", 3), ("下降2", None)):
        record = parse(text.replace("行政许可\t12\t减2\t340", f"行政许可\t12\t{cell}\t340"))
        assert _licensing(record) == [12, change, 340], cell
        said = {(f.code, f.actual) for f in record.findings}
        assert said == (set() if change is not None else {("value_unreadable", cell)}), cell


def test_a_count_printed_with_its_magnitude_word_is_no_count_of_its_digits():
    """A count printed with a magnitude word glued on (行政许可 ``3万件`` — 30,000 decisions — or ``1.2万``, ``3千``;
    table 三's 自然人 ``3万``). Before: 3 was published for 3万件 in tab cells and PDF text alike, and for 3万 / 3千
    in PDF text, with no finding (万件 went into the next row's label). Now the cell is missing with
    value_unreadable quoting it, never its digits alone; 12000 printed so is read."""
    text = tab_report(carried_over=2, carried_forward=3)
    for cell in ("3万件", "3万", "1.2万", "3千"):
        for apart in ("\t", " "):
            record = parse(text.replace("行政许可\t1", f"行政许可\t{cell}").replace("\t", apart))
            assert record.values("active")[("licensing", "decisions")] is None, (cell, apart)
            assert ("value_unreadable", cell) in {(f.code, f.actual) for f in record.findings}, (cell, apart)
    for apart in ("\t", " "):
        record = parse(text.replace("一、本年新收政府信息公开申请数量\t6", "一、本年新收政府信息公开申请数量\t3万")
                       .replace("\t", apart))
        values = record.values("applications")
        assert [values.get(("new", a)) for a in APPLICANTS] == [None, 0, 0, 0, 0, 0, 6], apart
        record = parse(text.replace("行政许可\t1", "行政许可\t12000").replace("\t", apart))
        assert record.values("active")[("licensing", "decisions")] == 12000, apart
