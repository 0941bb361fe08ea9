"""Session 54's sweep of Word and web tables as agencies publish them (``benchmarks/office_sweep.py``): each loss it
found, on a synthetic report (``office_sweep.synthetic_reports``: distinct drawn values, identities holding) whose
tables merge cells as the 2021 template does, written as a web page and a .docx and read as the build reads them
(``read_bytes`` then ``parse``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import office_sweep as sweep

from xxgk.catalog import applicant_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes


@pytest.fixture(scope="module")
def report():
    return sweep.synthetic_reports(1)[0]


def _read(blocks, fmt: str):
    render, suffix = sweep.RENDER[fmt]
    return render(blocks), suffix


def _table3(blocks) -> int:
    return next(k for k, block in enumerate(blocks) if not isinstance(block, str)
                and any(cell.text == "三、本年度办理结果" for row in block for cell in row))


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_label_merged_over_two_rows_beside_its_group_label_reads_its_numbers(report, fmt):
    """（三）不予公开's first row, 1.属于国家秘密, its label merged down over two rows with its numbers in the bottom
    one, the group label (merged down over its rows) beginning in the same row: the label was read beside blank
    cells (every value missing: said as blank, in a web page not otherwise) — the rule reading a label above its
    numbers took the group label for the row's. The row's last label is the one merged over its numbers."""
    t = _table3(report.blocks)
    r = next(r for r, row in enumerate(report.blocks[t]) if any(c.text == "1.属于国家秘密" for c in row))
    blocks = dict(sweep.p_label_merged(report.blocks, True))[f"t{t}r{r}"]
    wrong, missing, unsaid, record = sweep.score(*_read(blocks, fmt), report)
    assert (wrong, missing) == (0, 0)
    values = record.values("applications")
    truth = report.truth["applications"]["denied_state_secret"]
    assert [values[("denied_state_secret", a)] for a in ("natural_person", "total")] == [truth[0], truth[6]]


DOC = Path(__file__).parent / "fixtures" / "word97"


def _doc(name: str):
    """The fixture ``name`` (``tests/word97_reports.py``'s builder saved as .doc by LibreOffice), read."""
    return parse(read_bytes((DOC / f"{name}.doc").read_bytes(), ".doc").parse_text)


def test_a_doc_label_merged_over_two_rows_beside_its_group_label_reads_its_numbers(report):
    """The same report saved by LibreOffice as a Word 97-2003 .doc: the .doc reader had the same rule."""
    record = _doc("report_label_merged_beside_its_group")
    truth = report.truth["applications"]["denied_state_secret"]
    values = record.values("applications")
    assert [values.get(("denied_state_secret", a)) for a in applicant_codes()] == truth


def _sparse_table4(report):
    """``report`` with table 四 as blank-heavy reports print it: blank cells where nothing happened."""
    review = [5, None, None, 2, 7, 8, None, None, 1, 9, None, None, None, None, None]
    return sweep.build("sparse", "2021", {**report.truth, "review_litigation": review})


@pytest.mark.parametrize("place", ["t8r1c4", "t6r1c0"], ids=["table4_total", "table3_natural_person"])
def test_a_heading_merged_one_row_too_far_down_pushes_no_number_a_column_right(report, place):
    """A header cell merged over the row of numbers below it too (table 四's 行政复议 总计, table 三's 自然人): Word
    writes it as a cell of that row, whose numbers then run a column past the table, and the reader printed the
    heading's text there: each number after it read a column right (4 wrong in a blank-heavy table 四: 7 published
    as 未经复议直接起诉's 结果维持, its 8 as 结果纠正 …) or the row lost whole (``row_extra_cells``). The heading's
    overhang is no cell of the row (``heading_overhang``)."""
    sparse = _sparse_table4(report)
    blocks = dict(sweep.p_head_rowspan(sparse.blocks, 1))[place]
    wrong, missing, _, record = sweep.score(*_read(blocks, "docx"), sparse)
    assert (wrong, missing) == (0, 0)
    assert list(record.values("review_litigation").values())[3:6] == [2, 7, 8]


def spacer_in_a_split_table(between: str):
    """The sweep's first synthetic report, its 四、结转下年度继续办理 leaving 总计 blank, table 三 split into two
    tables after 一、本年新收 (``between`` them: nothing, or a line), the second half without headings and with an
    empty spacer column after 自然人: (the report, the .docx's blocks)."""
    report = sweep.synthetic_reports(1)[0]
    apps = {**report.truth["applications"]}
    apps["carried_forward"] = [*apps["carried_forward"][:6], None]
    blank_total = sweep.build("blank_total", "2021", {**report.truth, "applications": apps})
    t = _table3(blank_total.blocks)
    split = dict(sweep.p_split_table(blank_total.blocks, between, False))[f"t{t}r4"]
    second = t + 1 + bool(between)
    blocks = dict(sweep.p_spacer_column(split))[f"t{second}c4"]
    return blank_total, sweep.to_docx(blocks), blocks


def _assert_spacer_not_read(record, truth) -> None:
    values = record.values("applications")
    assert values.get(("carried_forward", "total")) is None
    assert [values[("carried_forward", a)] for a in applicant_codes()[:6]] == truth["carried_forward"][:6]
    assert not any(f.code in ("row_extra_cells", "row_lost_cells") for f in record.findings)


@pytest.mark.parametrize("between", ["", "（续表）"], ids=["adjacent", "continued"])
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_spacer_column_in_the_second_half_of_a_split_table_is_no_column(fmt, between):
    """Table 三 split into two tables after 一、本年新收 (nothing or a 续表 line between), the second half printed
    without headings and with an empty spacer column after 自然人, its last row leaving 总计 blank: with no row of
    headings there to prove the column empty, every row was a cell too many (lost) and the last read with the
    spacer as 商业企业, each number after it a column right (0 published as its 总计). The second half continues
    the first: without its empty column it is exactly as wide, so that column is a spacer (``empty_columns``)."""
    report, _, blocks = spacer_in_a_split_table(between)
    wrong, missing, _, record = sweep.score(*_read(blocks, fmt), report)
    assert (wrong, missing) == (0, 0)
    _assert_spacer_not_read(record, report.truth["applications"])


def test_a_spacer_column_in_the_second_half_of_a_split_doc_table_is_no_column():
    """The same report (a 续表 line between the halves) saved by LibreOffice as a Word 97-2003 .doc."""
    report = spacer_in_a_split_table("（续表）")[0]
    _assert_spacer_not_read(_doc("report_spacer_in_a_split_table"), report.truth["applications"])


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_split_tables_second_half_with_more_empty_columns_than_spacers_reads_no_number_off(fmt):
    """The same split table, 科研机构 also left blank in every row of the second half: two empty columns there where
    one is the spacer, and which one, no heading and no number tells. Before (session 54, the lead), its rows were
    read with an empty column too many and the trailing one dropped: numbers a column off, with no finding. Now
    every empty column is taken out: each row is short of its blanks, its cells missing and said, never moved."""
    base = sweep.synthetic_reports(1)[0]
    apps = {row: list(values) for row, values in base.truth["applications"].items()}
    for row, values in apps.items():
        if row != "new":
            values[2] = None  # (科研机构 blank under the split; the first half's row keeps it)
    apps["carried_forward"][6] = None
    report = sweep.build("blank_research", "2021", {**base.truth, "applications": apps})
    t = _table3(report.blocks)
    split = dict(sweep.p_split_table(report.blocks, "", False))[f"t{t}r4"]
    blocks = dict(sweep.p_spacer_column(split))[f"t{t + 1}c4"]
    wrong, missing, unsaid, _ = sweep.score(*_read(blocks, fmt), report)
    assert (wrong, unsaid) == (0, 0) and missing > 0


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_heading_wider_than_its_column_above_a_split_tables_spacer_leaves_it_a_spacer(fmt):
    """The split table with a spacer in its headless second half (as above), a heading of its first half merged one
    column too far (商业企业 spanning two columns): counted in the headings' row, the first half seemed to print a
    column of values more than it does, as many as the second half with its spacer, so the spacer stayed — every
    row of the second half a cell too many (lost), and its last, 总计 blank, read with the spacer as 其他 (the 0 a
    column right, published as the 总计 the report leaves blank; session 54's office sweep, gold pairs). The
    columns of values are counted in the rows of numbers (``empty_columns.value_columns``)."""
    base = sweep.synthetic_reports(1)[0]
    apps = {**base.truth["applications"]}
    apps["carried_forward"] = [*apps["carried_forward"][:6], None]
    report = sweep.build("blank_total", "2021", {**base.truth, "applications": apps})
    t = _table3(report.blocks)
    wide = dict(sweep.p_head_colspan(report.blocks, 1))[f"t{t}r2c2"]
    split = dict(sweep.p_split_table(wide, "", False))[f"t{t}r5"]
    blocks = dict(sweep.p_spacer_column(split))[f"t{t + 1}c6"]
    wrong, missing, _, record = sweep.score(*_read(blocks, fmt), report)
    assert (wrong, missing) == (0, 0)
    _assert_spacer_not_read(record, report.truth["applications"])
