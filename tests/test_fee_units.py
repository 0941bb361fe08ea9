"""The fee's header may print its unit as 元 instead of the template's 万元 (本年收费金额（单位：元）): its cells
are then in 元, and 388330 is published as 38.833 万元, not 388330 万元 (ten thousand times too much, no finding)."""

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
