"""An identity with blank cells on one side that no value of its blanks could mend (session 54): table 四's 总计 of 1
beside 7 and 8 and two blank cells — a column read off in a converter's copy — published with no finding, because a
sum with a missing cell was not checked. Counts are never negative: printed cells that already sum past the other
side break the identity whatever the blanks hold."""

from __future__ import annotations

from xxgk.parser import parse

from .factory import tab_report

ZEROS = "\t".join(["0"] * 10)  # 行政诉讼's two groups of five


def _table_4(review: str) -> str:
    return tab_report().replace("\t".join(["0"] * 15), review + "\t" + ZEROS)


def _said(text: str) -> list[str]:
    return [f.message for f in parse(text).findings if f.code == "identity_broken"]


def test_printed_cells_summing_past_their_total_break_it_whatever_the_blanks_hold():
    said = _said(_table_4("7\t8\t/\t/\t1"))
    assert said == ["表4：行政复议：总计应等于维持、纠正、其他结果与尚未审结之和，但前者为1，后者有空白的单元格，"
                    "仅已填的各项之和就已为15（空白无论是多少都不相等）"]


def test_a_total_its_blanks_could_still_make_is_not_said_broken():
    assert _said(_table_4("7\t8\t/\t/\t20")) == []
    assert _said(_table_4("7\t8\t0\t0\t15")) == []


def test_a_blank_beside_a_total_its_printed_cells_already_make_is_not_said():
    assert _said(_table_4("7\t8\t0\t0\t/")) == []  # (a blank total: 15 mends it)
    text = tab_report().replace("（七）总计\t5\t0\t0\t0\t0\t0\t5", "（七）总计\t5\t0\t0\t0\t0\t/\t5")
    assert "\t/\t5" in text and _said(text) == []  # (a blank applicant column that can be 0)


def test_a_side_with_blanks_summing_past_the_other_says_its_sum_is_of_its_printed_cells():
    text = tab_report().replace("一、本年新收政府信息公开申请数量\t5", "一、本年新收政府信息公开申请数量\t/").replace(
        "二、上年结转政府信息公开申请数量\t0", "二、上年结转政府信息公开申请数量\t9")
    assert "表3：自然人：第一项加第二项之和应等于第三项加第四项之和，但前者有空白的单元格，仅已填的各项之和就已为9，" \
           "后者为5（空白无论是多少都不相等）" in _said(text)
