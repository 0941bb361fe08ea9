"""Session 43 (reader journeys round 7): what misled a reader of the built site walked in headless Chromium over the
seeds, the corpus and synthetic reports — a finding's words for a sum that does not hold, the line ends of the CSVs a
reader downloads, the full-text search's words for a phrase no report holds — and the journeys of a researcher
downloading the data, a reader landing deep on a phone, a slow connection and a mistyped address."""

from __future__ import annotations

from xxgk.parser import parse

from .factory import tab_report


def _identity_messages(text: str) -> list[str]:
    return [f.message for f in parse(text).findings if f.code == "identity_broken"]


def test_a_broken_sum_says_which_side_is_which_not_what_the_report_should_have_printed():
    # 自然人 printed 6 new requests, the row's 总计 5: the finding read 总计应等于各类申请人之和，应为6，实际5 — as
    # if the agency should have printed 6 (or, for （七）总计 11 over outcomes of 0, 应为0，实际11: a total that
    # should be 0)
    messages = _identity_messages(tab_report(cell="6"))
    assert "表3：一、本年新收政府信息公开申请数量：总计应等于各类申请人之和，但前者为5，后者为6" in messages, messages
    assert "表3：自然人：第一项加第二项之和应等于第三项加第四项之和，但前者为6，后者为5" in messages, messages
    assert not [m for m in messages if "应为" in m.split("应等于")[-1] or "实际" in m], messages

