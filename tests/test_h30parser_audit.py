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
