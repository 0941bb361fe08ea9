"""A table 三 row padded with an empty cell at both ends and a value blank at one end (a table split over two pages,
a spacer column in its second part, the row's 总计 left blank): which empty cell is the blank value, the row's own
total tells where it can — counts are never negative, so printed parts cannot sum past a printed total — and where
it cannot, the row is missing with a finding (session 54; before, the trailing empty was dropped first and 自然人's
1 was published as 商业企业's, the 总计 the report leaves blank as 0)."""

from __future__ import annotations

from xxgk.parser import parse

from .factory import tab_report

FORWARD = "四、结转下年度继续办理"


def _row(cells: str) -> dict:
    text = tab_report(carried_forward=1).replace(f"{FORWARD}\t1\t0\t0\t0\t0\t0\t1", f"{FORWARD}\t{cells}")
    assert f"{FORWARD}\t{cells}" in text
    record = parse(text)
    return record, {keys[1]: v for keys, v in record.values("applications").items() if keys[0] == "carried_forward"}


def test_a_blank_total_between_padding_is_told_by_the_parts_it_cannot_be_under():
    _, values = _row("\t1\t0\t0\t0\t0\t0\t")  # (自然人 blank would leave 1 under a total of 0)
    assert values == {"natural_person": 1, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0,
                      "other_org": 0, "total": None}


def test_a_row_its_total_cannot_place_is_missing_and_said():
    # (two empty cells at each end, 1 0 0 0 0 between: dropped from the end, 总计 0 under 1 — impossible; then 其他
    # and 总计 blank, or 总计 alone blank with 自然人 1: which, nothing tells)
    record, values = _row("\t\t1\t0\t0\t0\t0\t\t")
    assert set(values.values()) == {None}
    assert [f.code for f in record.findings if f.row == FORWARD] == ["row_lost_cells"]
