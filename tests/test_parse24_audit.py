"""What a parser audit of new layouts found read wrong (session 24): an approximate number (约1075, 1000余) was
published as the count."""

from __future__ import annotations

import pytest

from tests.factory import as_html, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _parse(text: str, layout: str):
    """The record of ``text`` (a ``tab_report``) as a file of ``layout`` prints it: tabs, a web page, or PDF text
    (cells apart by spaces)."""
    if layout == "html":
        return parse(read_bytes(as_html(text).encode(), ".html").parse_text)
    return parse(text.replace("\t", " ") if layout == "pdf" else text)


def _codes(record, code: str) -> list:
    return [f for f in record.findings if f.code == code]


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
@pytest.mark.parametrize("printed", ["约1075", "近1075", "逾1075", "1000余", "1000多件", "1075左右"])
def test_an_approximate_number_in_table_two_is_missing_not_the_count(printed, layout):
    record = _parse(tab_report().replace("行政许可\t1\n", f"行政许可\t{printed}\n"), layout)
    assert record.values("active")[("licensing", "decisions")] is None  # before: 1075 or 1000, as if printed
    found = _codes(record, "value_approximate")
    assert len(found) == 1 and printed in found[0].message and found[0].row == "行政许可"


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
@pytest.mark.parametrize("column", [0, 3])
def test_an_approximate_number_in_table_three_costs_its_cell_only(column, layout):
    record = _parse(tab_report(cell="约5", column=column), layout)
    values = record.values("applications")
    assert values[("new", list(_applicants())[column])] is None  # before (first column): 5
    others = [values[("new", a)] for i, a in enumerate(_applicants()) if i != column]
    assert others == ([0, 0, 0, 0, 0, 5] if column == 0 else [5, 0, 0, 0, 0, 5])  # before (a middle one): row lost
    assert len(_codes(record, "value_approximate")) == 1 and not _codes(record, "row_lost_cells")


def test_an_approximate_fee_is_missing_and_a_plain_amount_is_read():
    assert parse(tab_report(fee="约12.5")).values("active")[("fees", "amount_10k_yuan")] is None
    assert str(parse(tab_report(fee="12.5")).values("active")[("fees", "amount_10k_yuan")]) == "12.5"


def _applicants() -> tuple[str, ...]:
    from xxgk.catalog import applicant_codes

    return applicant_codes()


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_bidirectional_marks_inside_a_number_are_not_read(mark, layout):
    # (text pasted from an editor that writes LRM/RLM around runs: the cell shows 12.5 and 15, the file holds 1‎2.5)
    text = tab_report(fee="1" + mark + "2.5", cell=mark + "15", column=4)
    record = _parse(text.replace("行政许可\t1\n", "行政许可\t1\u200e0\u200e7\u200e5\n"), layout)
    assert record.values("active")[("licensing", "decisions")] == 1075  # before: 1
    assert str(record.values("active")[("fees", "amount_10k_yuan")]) == "12.5"  # before: 1
    assert record.values("applications")[("new", "legal_services")] == 15  # before: null, value_unreadable
    assert not [f for f in record.findings if f.code.startswith("value_") or f.code.startswith("row_")]


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
@pytest.mark.parametrize("mark", ["\u200f", "\u061c"])
def test_right_to_left_marks_that_reorder_digits_make_the_cell_unreadable(mark, layout):
    """1 RLM 0 RLM 7 RLM 5 is shown 1570 by a browser (each digit after a right-to-left mark is laid out right to
    left): neither 1075 (the file's order) nor 1570 is published, the cell is null with value_unreadable."""
    record = _parse(tab_report().replace("行政许可\t1\n", f"行政许可\t1{mark}0{mark}7{mark}5\n"), layout)
    assert record.values("active")[("licensing", "decisions")] is None
    assert [f.row for f in record.findings if f.code == "value_unreadable"] == ["行政许可"]


def test_a_heading_line_the_table_runs_into_is_no_crash():
    # an Excel/WPS CSV export quoting every field: "四、政府信息公开行政复议、行政诉讼情况" is not read as the heading,
    # so table 三's region runs into it, a row of words without cells (before: IndexError, the whole file failed
    # with worker_died); here 一、's label spans two columns (an empty field after it), the others' one
    from xxgk.cells import region_to_rows

    lines = [(1, "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5"), (2, "（一）予以公开\t5\t0\t0\t0\t0\t0\t5"),
             (3, "（二）部分公开\t0\t0\t0\t0\t0\t0\t0"), (4, '"四、政府信息公开行政复议、行政诉讼情况"')]
    rows = region_to_rows(lines, 7)
    assert [len(r.slots) for r in rows] == [8, 7, 7, 0] and rows[1].slots[0].text == "5"


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
def test_an_amount_printed_from_its_point_is_never_ten_times_it(layout):
    record = _parse(tab_report(fee=".5"), layout)
    assert record.values("active")[("fees", "amount_10k_yuan")] is None  # before: 5 (the point taken for a word)
    found = [f for f in record.findings if f.code == "value_unreadable"]
    assert len(found) == 1 and "“.5”" in found[0].message


@pytest.mark.parametrize("layout", ["tabs", "html", "pdf"])
@pytest.mark.parametrize("printed", ["12万5千元", "12万5千", "12。5"])
def test_an_amount_with_its_magnitude_words_or_a_full_stop_is_never_its_first_digits(printed, layout):
    record = _parse(tab_report(fee=printed), layout)
    assert record.values("active")[("fees", "amount_10k_yuan")] is None  # before: 12 (万 or 。 began a label)
    found = [f for f in record.findings if f.code == "value_unreadable"]
    assert len(found) == 1 and f"“{printed}”" in found[0].message


def test_glued_words_after_a_number_are_bounded():
    """A hostile line of "1万1万1万…x" or "1a1a…中" (never ending an amount: no space) had each of its numbers' glued
    words tried to the line's end, time quadratic in the line (20,000 characters: 12 s; the file's whole budget is
    120 s). The words glued to a number are now at most four runs, so each try is bounded (the time itself is
    measured by ``benchmarks/tokenizer_linearity.py``: "glued magnitude words", "glued letters")."""
    from xxgk.cells import _GLUED_AMOUNT, _GLUED_LETTERS

    assert _GLUED_AMOUNT.match("万1" * 4 + " ") and not _GLUED_AMOUNT.match("万1" * 5 + " ")
    assert _GLUED_LETTERS.match("a1" * 4 + " ") and not _GLUED_LETTERS.match("a1" * 5 + " ")


def test_a_label_wrapped_after_an_approximate_word_keeps_its_cells():
    """The template's 逾期 wrapped after 逾 (PDF text: ``2.申请人逾 0 0 …``): 逾 ends the label, it makes no cell
    approximate; a word of its own before a number still does (``约 37``)."""
    from xxgk.cells import _loose_pieces

    assert [p for kind, p in _loose_pieces("2.申请人逾 0 0 0 0 0 0 0") if kind == "slot"] == ["0"] * 7
    assert _loose_pieces("行政许可 约 37") == (("text", "行政许可"), ("slot", "约 37"))
