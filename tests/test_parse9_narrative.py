"""Counts the overview writes in Chinese numerals (共收到政府信息公开申请三十一件) are checked against the
tables like counts in digits. Before, a stated 三十件 against a table of 31 passed unseen."""

from __future__ import annotations

import pytest

from tests.test_layouts_hostile import _codes, _read, _table3, pdf_text_report


@pytest.mark.parametrize("overview", ["全年共收到政府信息公开申请三十件。", "全年共收到政府信息公开申请 三十 件。"])
def test_a_count_in_chinese_numerals_that_differs_from_the_table_is_said(overview):
    record = _read(pdf_text_report(overview=overview))
    said = [f for f in record.findings if f.code == "narrative_mismatch"]
    assert len(said) == 1 and (said[0].actual, said[0].expected, said[0].table) == ("30", "31", "3")
    assert _table3(record)["new"][-1] == 31  # the table is published as printed


@pytest.mark.parametrize("overview", ["全年共收到政府信息公开申请三十一件。",
                                      "全年共收到政府信息公开申请三十四件（含上年结转三件）。",
                                      "一是收到申请三十一件。二是加强培训。"])
def test_a_count_in_chinese_numerals_that_agrees_is_no_finding(overview):
    assert "narrative_mismatch" not in _codes(_read(pdf_text_report(overview=overview)))
