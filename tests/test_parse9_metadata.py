"""The agency and year of a report whose title prints the year elsewhere or not at all: after the title in
brackets (某局政府信息公开工作年度报告（2023年度）), in Chinese numerals, or only in the first sentence of
总体情况 (2023年，我局…). Before, such a title gave neither the agency nor the year, and the report was
published with both empty."""

from __future__ import annotations

import pytest

from tests.test_layouts_hostile import _codes, _read, pdf_text_report

TITLE = "某某县交通运输局2023年政府信息公开工作年度报告"


@pytest.mark.parametrize("title", [
    "某某县交通运输局政府信息公开工作年度报告（2023年度）", "某某县交通运输局政府信息公开工作年度报告(2023年)",
    "某某县交通运输局政府信息公开工作年度报告\n（2023年度）", "某某县交通运输局二〇二三年度政府信息公开工作年度报告",
    "二〇二三年某某县交通运输局政府信息公开工作年度报告",
    "某某县交通运输局关于2023年度政府信息公开工作的年度报告",  # …工作的年度报告: read neither (audit 20)
    "某某县交通运输局2023年度政府信息公开工作的年度报告",
])
def test_the_year_printed_around_the_title_is_read(title):
    record = _read(pdf_text_report().replace(TITLE, title))
    assert (record.agency, record.year) == ("某某县交通运输局", 2023)
    assert not _codes(record) & {"year_not_found", "agency_not_found", "year_from_overview"}


@pytest.mark.parametrize("opening", ["2023年，某某县交通运输局全年共收到", "二〇二三年，全年共收到",
                                     "2023年以来，全年共收到"])
def test_a_title_without_year_takes_the_year_the_overview_opens_on_and_says_so(opening):
    text = pdf_text_report().replace(TITLE, "某某县交通运输局政府信息公开工作年度报告").replace("全年共收到", opening)
    record = _read(text)
    assert (record.agency, record.year) == ("某某县交通运输局", 2023)
    said = [f for f in record.findings if f.code == "year_from_overview"]
    assert len(said) == 1 and said[0].actual == "2023" and said[0].line == 3
    assert "year_not_found" not in _codes(record)


@pytest.mark.parametrize("overview", ["全年共收到政府信息公开申请31件。", "2019年印发的办法继续施行。",
                                      "本年度，全年共收到申请31件。"])
def test_no_year_is_made_up_when_neither_title_nor_overview_opening_names_it(overview):
    text = pdf_text_report(overview=overview).replace(TITLE, "某某县交通运输局政府信息公开工作年度报告")
    record = _read(text)
    assert record.agency == "某某县交通运输局" and record.year is None
    assert "year_not_found" in _codes(record) and "year_from_overview" not in _codes(record)


def test_the_period_still_wins_over_the_overview_opening():
    text = pdf_text_report(overview="2022年，本报告统计期限自2023年1月1日至2023年12月31日。").replace(
        TITLE, "某某县交通运输局政府信息公开工作年度报告")
    record = _read(text)
    assert record.year == 2023 and "year_from_overview" not in _codes(record)


@pytest.mark.parametrize("title", ["某某县交通运输局2023年政府信息公开工作年报",
                                   "某某县交通运输局2023年政务公开工作年度报告",
                                   "2023年某某县交通运输局政府信息公开年报"])
def test_a_title_calling_the_report_a_nianbao_or_zhengwu_gongkai_gives_agency_and_year(title):
    record = _read(pdf_text_report().replace(TITLE, title))
    assert (record.agency, record.year) == ("某某县交通运输局", 2023)


def test_a_period_and_a_date_in_chinese_numerals_are_read():
    text = pdf_text_report(overview="本报告统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。").replace(
        TITLE, "某某县交通运输局政府信息公开工作年度报告").replace("2024年1月20日", "二〇二四年一月二十日")
    record = _read(text)
    assert (record.period_start, record.period_end, record.year) == ("2023-01-01", "2023-12-31", 2023)
    assert record.published_date == "2024-01-20"
    assert not _codes(record) & {"year_not_found", "year_from_overview", "date_invalid"}


def test_a_day_that_does_not_exist_in_chinese_numerals_is_said():
    from xxgk.metadata import date_findings
    text = pdf_text_report(overview="本报告统计期限自二〇二三年一月一日起至二〇二三年二月三十日止。")
    assert [f.actual for f in date_findings(text) if f.code == "date_invalid"] == ["2023-02-30"]
    assert _read(text).period_end is None  # no such day: missing, never another
