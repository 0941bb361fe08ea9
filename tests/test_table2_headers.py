"""Table 二 read by what its header prints. A fee under a header that prints 元 instead of the template's 万元
(本年收费金额（单位：元）) was published as 388330 万元, ten thousand times too much, with no finding. It is not read
now (value_unit): the header may also be the template's with its 万 lost by the extraction, and the two readings
differ ten thousand times; a cell that prints its own unit is read by it. Columns in another order are read by their
names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factory import tab_report
from xxgk.parser import parse


@pytest.mark.parametrize(("header", "cell", "expected"), [
    ("本年收费金额（单位：元）", "388330", None),  # before: 388330 (万元)
    ("本年收费金额(元)", "1,250", None),
    ("本年收费金额（单位：元）", "12.5万元", Decimal("12.5")),  # the cell's own unit
    ("本年收费金额（单位：元）", "388330元", Decimal("38.833")),
    ("本年收费金额(单位:万元)", "38.833", Decimal("38.833")),  # the template's unit
])
def test_a_fee_is_read_in_10k_yuan_only_where_its_unit_is_certain(header, cell, expected):
    record = parse(tab_report(fee=cell).replace("本年收费金额(单位:万元)", header))
    assert record.values("active")[("fees", "amount_10k_yuan")] == expected
    assert ("value_unit" in {f.code for f in record.findings}) is (expected is None)


def test_table_2s_columns_printed_in_another_order_are_read_by_their_names():
    """现行有效件数 | 本年制发件数 | 本年废止件数: before, read by position (issued 28, repealed 3, in force 1)."""
    text = tab_report(issued=3, repealed=1, in_force=28).replace(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t28",
        "信息内容\t现行有效件数\t本年制发件数\t本年废止件数\n规章\t0\t0\t0\n行政规范性文件\t28\t3\t1")
    got = parse(text).values("active")
    assert [got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [3, 1, 28]


def test_a_header_whose_wan_was_lost_never_yields_a_value_ten_thousand_times_off():
    """Seed 002 prints 本年收费金额（单位：万元） over 3883.30; its 万 dropped (a PDF's lost glyph), the fee was read
    0.38833 (found by tests/test_layouts_property.py)."""
    from tests.conftest import SEEDS

    text = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
    assert parse(text).values("active")[("fees", "amount_10k_yuan")] == Decimal("3883.30")
    lost = parse(text.replace("（单位：万元）", "（单位：元）")).values("active")[("fees", "amount_10k_yuan")]
    assert lost is None


@pytest.mark.parametrize("header", ["本年收费金额\n\t（单位：元）", "本年收费金额\n（单位：元）",
                                    "本年收费金额（单位：千元）"])
def test_a_unit_other_than_wanyuan_anywhere_in_the_header_block_is_heeded(header):
    """The unit on a wrapped header's second line, or 千元: the fee was still read as 万元, 10 or 10,000 times off."""
    record = parse(tab_report(fee="388330").replace("本年收费金额(单位:万元)", header))
    assert record.values("active")[("fees", "amount_10k_yuan")] is None
    assert "value_unit" in {f.code for f in record.findings}


def test_a_unit_line_above_the_table_is_heeded_and_zero_is_zero_in_any_unit():
    above = tab_report(fee="388330").replace("信息内容\t本年收费金额(单位:万元)", "单位：元\n信息内容\t本年收费金额")
    assert parse(above).values("active")[("fees", "amount_10k_yuan")] is None
    zero = parse(tab_report(fee="0").replace("本年收费金额(单位:万元)", "本年收费金额（单位：元）"))
    assert zero.values("active")[("fees", "amount_10k_yuan")] == 0
