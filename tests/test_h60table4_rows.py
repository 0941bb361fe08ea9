"""Table 四 printed as two rows (session 60, helper B's sweep): 行政复议 with its five cells, then 行政诉讼 with both
lawsuits' ten — 未经复议直接起诉 and 复议后起诉 under one label. The ten were taken for the lawsuits' subtotal row: all
``stray_values``, both lawsuits missing (``row_absent``). They are the two rows the template prints, in its order,
when each five's total holds and the header does not order the lawsuits otherwise."""

from __future__ import annotations

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_html, as_pipes, tab_report

PRINTED = "四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15) + "\n"
REVIEW = "行政复议\t2\t1\t0\t0\t3\n"
LITIGATION = "行政诉讼\t1\t0\t0\t0\t1\t0\t0\t0\t1\t1\n"
EXPECTED = {"review": [2, 1, 0, 0, 3], "litigation_direct": [1, 0, 0, 0, 1],
            "litigation_after_review": [0, 0, 0, 1, 1]}
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]


def _table4(text: str, form: str = "text") -> tuple[dict, set]:
    report = tab_report().replace(PRINTED, "四、政府信息公开行政复议、行政诉讼情况\n" + text)
    if form == "html":
        record = parse(read_bytes(as_html(report).encode(), ".html").parse_text)
    else:
        record = parse(as_pipes(report) if form == "pipes" else report)
    values = record.values("review_litigation")
    return ({p: [values.get((p, o)) for o in OUTCOMES] for p in EXPECTED},
            {f.code for f in record.findings if f.table == "4"})


@pytest.mark.parametrize("form", ["text", "pipes", "html"])
@pytest.mark.parametrize("header", ["", "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n",
                                    "\t\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"])
def test_the_lawsuits_ten_cells_under_one_label_are_the_two_rows(form, header):
    read, said = _table4(header + REVIEW + LITIGATION, form)
    assert read == EXPECTED
    assert not said & {"stray_values", "row_absent", "row_lost_cells"}


def test_a_header_naming_the_lawsuit_after_review_first_is_followed():
    """The header says 复议后起诉 comes first: its five are read as that lawsuit's, not in the template's order."""
    header = "\t\t\t\t\t\t复议后起诉\t\t\t\t\t未经复议直接起诉\n"
    read, _ = _table4(header + REVIEW + "行政诉讼\t0\t0\t0\t1\t1\t1\t0\t0\t0\t1\n")
    assert read == EXPECTED


def test_ten_cells_whose_fives_do_not_sum_are_not_split():
    """A five whose total does not hold (1 + 0 + 0 + 0 ≠ 2) may be in another order: nothing is guessed, the ten
    are said (``stray_values``) and both lawsuits are missing."""
    read, said = _table4(REVIEW + "行政诉讼\t1\t0\t0\t0\t2\t0\t0\t0\t1\t1\n")
    assert read["review"] == EXPECTED["review"]
    assert read["litigation_direct"] == [None] * 5 and read["litigation_after_review"] == [None] * 5
    assert {"stray_values", "row_absent"} <= said


def test_a_five_cell_subtotal_row_is_still_no_lawsuit():
    """行政诉讼 with five cells beside the two lawsuits' rows is their subtotal, as before: left out when it sums."""
    rows = REVIEW + "行政诉讼\t1\t0\t0\t1\t2\n未经复议直接起诉\t1\t0\t0\t0\t1\n复议后起诉\t0\t0\t0\t1\t1\n"
    read, said = _table4(rows)
    assert read == EXPECTED and "stray_values" not in said
