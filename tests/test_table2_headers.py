"""Table 二 read by what its header prints. The fee's header may print its unit as 元 instead of the template's 万元
(本年收费金额（单位：元）): its cells are then in 元, and 388330 is published as 38.833 万元, not 388330 万元 (ten
thousand times too much, no finding); columns in another order are read by their names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factory import tab_report
from xxgk.parser import parse


def _fee(text: str):
    return parse(text).values("active")[("fees", "amount_10k_yuan")]


@pytest.mark.parametrize(("header", "cell", "expected"), [
    ("本年收费金额（单位：元）", "388330", Decimal("38.833")),
    ("本年收费金额(元)", "1,250", Decimal("0.125")),
    ("本年收费金额（单位：元）", "12.5万元", Decimal("12.5")),  # the cell's own unit first
    ("本年收费金额(单位:万元)", "38.833", Decimal("38.833")),  # the template's unit
])
def test_a_fee_is_published_in_10k_yuan_whatever_unit_its_header_prints(header, cell, expected):
    text = tab_report(fee=cell).replace("本年收费金额(单位:万元)", header)
    assert _fee(text) == expected


def test_table_2s_columns_printed_in_another_order_are_read_by_their_names():
    """现行有效件数 | 本年制发件数 | 本年废止件数: before, read by position (issued 28, repealed 3, in force 1)."""
    text = tab_report(issued=3, repealed=1, in_force=28).replace(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t28",
        "信息内容\t现行有效件数\t本年制发件数\t本年废止件数\n规章\t0\t0\t0\n行政规范性文件\t28\t3\t1")
    got = parse(text).values("active")
    assert [got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [3, 1, 28]
