"""Dates as reports print them beyond 2025年1月1日: a statistics period in digits (2025.1.1-2025.12.31,
2025-01-01至2025-12-31, 2025/1/1—2025/12/31) and a signature date labelled only 日期 or 时间 on the last lines.
Before, neither was read (the period and the publication date were missing, and the timeliness check could not run)."""

from __future__ import annotations

import pytest

from xxgk.metadata import text_to_period, text_to_published_date

BODY = "格尔木市交通运输局2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我局依法公开政府信息。\n"


@pytest.mark.parametrize("printed", ["本报告统计时间：2025.1.1-2025.12.31。", "统计期限：2025-01-01至2025-12-31",
                                     "统计期限：2025/1/1—2025/12/31", "统计期限为2025年1月1日至12月31日"])
def test_a_statistics_period_in_digits_is_read(printed):
    assert text_to_period(BODY + printed) == ("2025-01-01", "2025-12-31")


@pytest.mark.parametrize("printed", ["统计期限：2025.2.30-2025.12.31", "统计局2025年1-12月数据"])
def test_no_period_is_made_of_a_day_that_does_not_exist_or_of_months_alone(printed):
    assert text_to_period(BODY + printed)[0] is None


@pytest.mark.parametrize("printed", ["日期：2026年1月20日", "时间：2026.1.20", "印发日期：2026-01-20"])
def test_a_signature_date_labelled_only_date_is_the_publication_date(printed):
    assert text_to_published_date(BODY + "\n格尔木市交通运输局\n" + printed + "\n") == "2026-01-20"
