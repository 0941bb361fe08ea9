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
