"""Real pages round 12 (session 55): layouts and publishers of real reports nobody here had read, rebuilt with
made-up agencies and numbers (synthetic text only)."""

from __future__ import annotations

from xxgk.metadata import text_to_period
from xxgk.parser import parse

from .factory import tab_report

# a report without a year in its title whose site dropped 年 after each year of its dates (as stored pages of a
# county weather bureau, a district housing bureau, a transport bureau and a development zone print them)
BODY = tab_report(agency="样例县气象局", year=2023).split("\n", 1)[1]
GLUED = ("本报告是根据《中华人民共和国政府信息公开条例》的要求，由样例县气象局编制。\n"
         "本报告中使用数据统计期限为20231月1日至12月31日。\n" + BODY)


def test_a_period_whose_years_lost_their_nian_is_still_the_period():
    """``统计期限为20231月1日至12月31日`` and ``自20211月1日起至202112月31日止``: a year glued to its month (the
    page's 年 dropped) is the period's year. Before, no period was read, and a page printing its year nowhere
    else published no year at all."""
    assert text_to_period("本报告中使用数据统计期限为20231月1日至12月31日。") == ("2023-01-01", "2023-12-31")
    assert text_to_period("所列数据的统计期限自20211月1日起至202112月31日止。") == ("2021-01-01", "2021-12-31")
    assert text_to_period("本报告所列统计数据的期限自20231月1日至202312月31日止。") == ("2023-01-01", "2023-12-31")
    record = parse(GLUED)
    assert record.year == 2023 and (record.period_start, record.period_end) == ("2023-01-01", "2023-12-31")


def test_a_longer_run_of_digits_before_a_month_is_no_year():
    """Only four digits standing alone before the month read as a glued year: 编号120231月1日 is no period of 2023
    (its digits run on from another number)."""
    assert text_to_period("统计编号120231月1日至12月31日") == (None, None)
