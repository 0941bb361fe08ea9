"""A Markdown table converted from a web page keeps the page's marks in its cells: bold numbers (``**16**``) and line
breaks (``<br>``). A bold number is its number: such rows were unreadable and all their cells lost."""

from __future__ import annotations

import re

from tests.factory import as_pipes, tab_report
from xxgk.catalog import applicant_codes
from xxgk.parser import parse


def test_bold_numbers_and_line_breaks_in_a_markdown_table_read_as_their_text():
    plain = tab_report(carried_over=2, carried_forward=1)
    bold = re.sub(r"(?m)^(一、本年新收[^\n]*)", lambda m: re.sub(r"\t(\d+)", r"\t**\1**", m.group(1)), plain)
    marked = as_pipes(bold).replace("信息内容", "信息<br>内容")
    assert "**" in marked and "<br>" in marked
    got, expected = parse(marked).values("applications"), parse(plain).values("applications")
    assert [got[("new", a)] for a in applicant_codes()] == [expected[("new", a)] for a in applicant_codes()]
    assert got[("new", "total")] == 4  # 5 + 1 carried forward − 2 carried over


def test_two_lines_of_digits_in_one_cell_stay_unreadable_not_one_number():
    """3<br>125 is two numbers or one: as a space it read as a thousands separator, 3125 (review of this change)."""
    text = as_pipes(tab_report(cell="3<br>125"))
    got = parse(text).values("applications")
    assert got[("new", "natural_person")] is None
