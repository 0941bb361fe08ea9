"""Columns the template does not print. A 备注 column after table 三's values holds words (含合并处理2件,
已于2022年1月办结), not a value: its rows had a cell too many and were published as missing (row_extra_cells); a
number or 合计 there still is a cell too many. A 合计 column after table 四's fifteen cells is theirs when it sums
the three proceedings' totals."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.catalog import applicant_codes
from xxgk.parser import parse


def _new_row(record) -> list:
    got = record.values("applications")
    return [got.get(("new", a)) for a in applicant_codes()]


def test_a_remark_after_a_rows_values_is_no_cell_of_it():
    plain = parse(tab_report())
    for remark in ("含合并处理2件", "已于2022年1月办结"):
        record = parse(tab_report(extra=remark))
        assert _new_row(record) == _new_row(plain) == [5, 0, 0, 0, 0, 0, 5]  # before: 7 × None
        assert "row_extra_cells" not in {f.code for f in record.findings}


def test_a_value_or_a_row_label_after_the_values_still_counts_as_a_cell_too_many():
    for extra in ("3", "合计", "（二）部分公开"):
        record = parse(tab_report(extra=extra))
        assert _new_row(record) == [None] * 7, extra  # which cell is the row's own cannot be told


def test_a_grand_total_after_table_4s_fifteen_cells_is_no_cell_of_it():
    """行政复议 | 行政诉讼 | 合计: a 16th cell summing the three proceedings' totals; before, all fifteen were lost."""
    values = [0, 1, 0, 0, 1, 4, 1, 1, 1, 7, 3, 2, 1, 0, 6]
    text = tab_report().replace("\t".join(["0"] * 15), "\t".join(map(str, values + [14])))
    got = parse(text).values("review_litigation")
    assert list(got.values()) == values  # (proceedings × outcomes, in the template's order)
    wrong = tab_report().replace("\t".join(["0"] * 15), "\t".join(map(str, values + [13])))  # no such sum
    assert all(v is None for v in parse(wrong).values("review_litigation").values())


def test_a_sixteenth_cell_that_could_as_well_be_a_stray_first_one_loses_the_row():
    """1 | 0 0 0 1 1 | 0 0 0 1 1 | 2 0 0 3 5: the last cell sums the totals of the row read from the first, and the row
    read from the second holds too — which is the table's cannot be told (review of this change)."""
    row = [1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 2, 0, 0, 3, 5]
    got = parse(tab_report().replace("\t".join(["0"] * 15), "\t".join(map(str, row)))).values("review_litigation")
    assert all(v is None for v in got.values())


def _with_org_subtotal(header: str) -> str:
    """tab_report's table 三 with a 小计 column after the five organisations' (their sum: 0 here) and a header."""
    lines = tab_report(carried_over=1, carried_forward=2).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if i >= first and len(cells) == 8:  # (every row: one of seven in such a table is a cell short, missing)
            lines[i] = "\t".join(cells[:7] + [str(sum(int(c) for c in cells[2:7]))] + cells[7:])
    lines.insert(first, header)
    return "\n".join(lines)


def test_a_subtotal_of_the_organisations_in_table_3_is_no_cell_of_the_row():
    """自然人 | 商业企业 … 其他 | 小计 | 总计: eight cells a row; before, every row was lost (row_extra_cells)."""
    header = "\t".join(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计", "总计"])
    got = parse(_with_org_subtotal(header)).values("applications")
    expected = parse(tab_report(carried_over=1, carried_forward=2)).values("applications")
    assert got == expected and got[("new", "total")] == 6
    without = parse(_with_org_subtotal(header.replace("小计", "其他2"))).values("applications")
    assert without[("new", "total")] is None  # no 小计 in the header: which cell is extra is not known


def test_a_table_3_without_its_total_column_keeps_its_six_columns_and_never_sums_a_total():
    """自然人 | 商业企业 … 其他, no 总计: six cells a row, every row was lost; now the six are read, 总计 is missing
    (never their sum) and one finding says why."""
    lines = tab_report(carried_over=1, carried_forward=2).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if i >= first and len(cells) == 8:
            lines[i] = "\t".join(cells[:7])
    lines.insert(first, "\t".join(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]))
    record = parse("\n".join(lines))
    got = record.values("applications")
    assert got[("new", "natural_person")] == 6 and got[("new", "total")] is None
    assert got[("granted", "natural_person")] == 5 and got[("granted", "total")] is None
    codes = [f.code for f in record.findings]
    assert codes.count("total_column_absent") == 1 and "row_lost_cells" not in codes
