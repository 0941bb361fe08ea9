"""PDFs without rules, and two wrong numbers left by session 53's sweep (session 54, helper P): reports of known
values rendered as Word exports them (``benchmarks.pdf_sweep``), read as the build reads them; each test checks the
numbers a reader would see."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import pdf_sweep

from .test_h53pdf import _published


def _row_place(source: pdf_sweep.Source, table: str, first_cell: str) -> str:
    """The sweep's place (``2.17``) of the row of ``table`` whose first value cell prints ``first_cell``."""
    grid = pdf_sweep._grid(pdf_sweep.document(source), "t" + table)
    row = next(c.r for c in grid.cells if c.kind == "value" and c.text == first_cell)
    return f"{table}.{row}"


def test_an_amount_run_over_its_rule_into_the_projects_cell_is_no_number_of_its_leading_digit():
    """A 2019 procurement row printing its amount with its unit (``61827354.19元``), the amount's first digit run
    wholly past its rule into the projects cell: the amount's cell reads ``6｜1827354.19元`` (its parts apart). That
    cell was cut at its ``｜`` as label text, and 6 was published as 采购总金额 (万元). Both cells are now missing
    (unreadable, said), never a number the row does not print."""
    source = pdf_sweep.distinct_source("amount", "2019", 3)
    source.table2["procurement"] = ["135", "61827354.19元"]
    source = pdf_sweep._truth(source)
    truth, got = _published(source, "overrun_far", _row_place(source, "2", "135"))
    amount = ("active", ("procurement", "amount_10k_yuan"))
    assert truth[amount] is not None and got[amount] in (None, truth[amount])
    assert {key: value for key, value in got.items() if value is not None} == {
        key: truth[key] for key, value in got.items() if value is not None}


# a 2019 table 三 as sparse as many agencies print it: most cells blank (zeros printed blank), the totals too
SPARSE_2019 = {
    "new": "612 27 . . 3 2 644", "carried_over": "11 . . . . . 11", "granted": "304 9 . . 2 1 .",
    "partially_granted": "6", "denied_state_secret": "17", "denied_internal_affairs": "8",
    "denied_process_information": "4 2", "denied_administrative_query": "13 5", "unavailable_not_held": "219 15 . . 2",
    "unavailable_needs_creation": "38 7", "unavailable_unclear": "21", "rejected_petition": "133 3",
    "rejected_duplicate": "9 6", "total_processed": "772 42 . . 4 1 819", "carried_forward": "57 . . . . . 57"}


def _sparse_2019() -> pdf_sweep.Source:
    source = pdf_sweep.distinct_source("sparse", "2019", 5)
    for code in source.table3:
        cells = SPARSE_2019.get(code, "").split()
        source.table3[code] = ["" if c == "." else c for c in cells] + [""] * (7 - len(cells))
    source.truth.clear()
    return pdf_sweep._truth(source)


@pytest.mark.parametrize("rules", ["borderless", "horizontal_rules"])
def test_a_character_of_the_vertical_group_label_beside_a_rows_numbers_is_no_cell_of_the_row(rules):
    """A sparse 2019 table 三 printed without rules (or with horizontal rules only): a row's label wraps over the lines
    above and below its numbers, and a character of the vertical 三、本年度办理结果 (or a piece of a neighbour's
    wrapped label) stands alone on the numbers' line, left of them. It was read as the row's first cell: every
    number of the row was published one column right of its own (自然人's as 商业企业's, 商业企业's as 科研机构's).
    No number is now published under another column's name."""
    truth, got = _published(_sparse_2019(), rules, "3")
    table3 = {key: value for key, value in got.items() if key[0] == "applications" and value is not None}
    assert table3 and table3 == {key: truth[key] for key in table3}


def test_a_2019_header_printed_without_rules_over_five_lines_names_its_columns():
    """The 2019 template's table 三 printed without rules: its header's names wrap in their narrow columns and, each
    centred in the header row, interleave over five lines of the text layer (自然 / 商业 科研 总计 / 人 公益 服务
    其他 / 企业 机构 / 组织 机构, 社会 on the first). The names were joined over four lines at most: 社会公益组织 was
    never whole, the column order was unsure and every number of table 三 was missing (columns_order_unsure). Every
    number is now read, in its own column."""
    truth, got = _published(pdf_sweep.distinct_source("header", "2019", 3), "borderless", "3")
    table3 = {key: value for key, value in truth.items() if key[0] == "applications"}
    assert {key: got.get(key) for key in table3} == table3


def test_a_converters_table_without_rules_names_its_columns_from_its_header():
    """A report whose tables have no borders, saved by LibreOffice as PDF (``tests/fixtures/libreoffice``,
    ``converter_sweep.page(0, "borderless")``): eight columns of unequal widths, the header's names set close
    (自然人 ends two points before 商业企业 begins) and a little wider than their columns' bands, the first row's label
    wrapped over the lines above and below its numbers. 商业企业 was written in 自然人's cell and 法律服务 in
    社会公益组织's, the header's lines counted from the row's label left 自然人 and 总计 unwritten: the column order
    was unsure and all of table 三 was missing (columns_order_unsure). The header names its columns now: the rows
    whose labels read are published, every number in its own column (rows whose labels interleave with the group
    labels' wrapped words stay missing, said)."""
    from benchmarks.converter_sweep import page

    from xxgk.catalog import applicant_codes
    from xxgk.parser import parse
    from xxgk.readers import read_bytes

    data = (Path(__file__).parent / "fixtures" / "libreoffice" / "table_without_rules.pdf").read_bytes()
    _, table3, _, _ = page(0, "borderless")
    record = parse(read_bytes(data, ".pdf").parse_text)
    got = record.values("applications")
    truth = {(code, a): table3[code][k] for code in table3 for k, a in enumerate(applicant_codes())}
    assert not [f for f in record.findings if f.code == "columns_order_unsure"]
    assert {key: value for key, value in got.items() if value is not None} == {
        key: truth[key] for key, value in got.items() if value is not None}
    for code in ("new", "carried_over", "granted", "total_processed"):
        assert [got[(code, a)] for a in applicant_codes()] == table3[code]


def test_table_4s_one_sparse_row_printed_without_rules_stands_under_its_headers_stacks_of_words():
    """Table 四 of an agency with few appeals, printed without rules: one row of numbers, most cells blank
    (``4 _ _ 3 7 6 _ _ 2 8 …``), its fifteen names wrapped in their narrow cells (结果 over 维持, 总计 one line high)
    over several lines of the text layer. No complete row tells the columns and no header line has one word a
    column: the row was lost (columns_order_unsure). Each column's name is a stack of words standing over it: the row's
    numbers are put under the stacks they stand in, the header written in those columns, every number in its own
    cell and every blank cell missing, never 0."""
    source = pdf_sweep.distinct_source("appeals", "2021", 7)
    source.table4 = ["4", "", "", "3", "7", "6", "", "", "2", "8", "", "", "", "", ""]
    source.truth.clear()
    truth, got = _published(pdf_sweep._truth(source), "borderless", "4")
    table4 = {key: value for key, value in truth.items() if key[0] == "review_litigation"}
    assert {key: got.get(key) for key in table4} == table4


def test_a_header_printed_twice_over_a_page_break_tells_the_column_order_only_if_both_copies_do():
    """Table 三 with horizontal rules only, split over two pages after its header, the header repeated on the next
    page: the first copy stands alone on its page (no row under it to place its words by) and reads as words
    interleaved over lines (其他 whole on a line above 商业企业's second half), the second as cells. Read by where each
    name first stands in the two together, 其他 came first of the five: 商业企业's numbers were published as 其他's and
    其他's as 商业企业's, the row totals holding either way. Both copies must tell the same order; they do not, so the
    cells' line tells it: every number in its own column."""
    truth, got = _published(pdf_sweep.distinct_source("twice", "2021", 1), "horizontal_rules", "3",
                            "split_repeat", "3.3")
    table3 = {key: value for key, value in got.items() if key[0] == "applications" and value is not None}
    assert table3 and table3 == {key: truth[key] for key in table3}
