"""Real pages round 13 (session 55, helper S): layouts of real reports nobody here had read, rebuilt with made-up
agencies and numbers (synthetic text only)."""

from __future__ import annotations

from xxgk.metadata import text_to_period
from xxgk.parser import parse

from .factory import tab_report

# a report whose title prints no year, so that the year can come only from its statistics period
BODY = tab_report(agency="样例县民政局", year=2023).split("\n", 1)[1]


def _untitled(period_line: str) -> str:
    return "样例县民政局依照条例编制本报告。\n" + period_line + "\n" + BODY


def test_a_period_whose_dates_lost_both_nian_and_yue_is_the_whole_year():
    """The whole year printed with 年 and 月 dropped (``统计期限为2023 11日到1231日``, ``202311日至1231日``, a PDF's
    ``2023 1 1 日至 2023 12 31 日``: pages of a county bureau, a city bureau and a 乡 of three provinces) is 1 January
    to 31 December of that year. Before, no period was read."""
    assert text_to_period("数据统计期限为 2023 11日到1231日。") == ("2023-01-01", "2023-12-31")
    assert text_to_period("本报告所列数据的统计期限为202311日至1231日。") == ("2023-01-01", "2023-12-31")
    assert text_to_period("本报告所列数据统计期限为 2023 1 1 日至 2023 12 31 日。") == ("2023-01-01", "2023-12-31")
    record = parse(_untitled("本报告数据统计期限为 2023 11日到1231日。"))
    assert (record.period_start, record.period_end) == ("2023-01-01", "2023-12-31")


def test_a_day_number_glued_to_a_year_is_no_period_of_another_day():
    """Only 1 January to 31 December reads so: ``2023111日`` (the 11th of a lost month, or 1 November) and a
    period ending on another day stay unread (null), as a printed date that is not certain must."""
    assert text_to_period("统计期限为2023111日至1231日。") == (None, None)
    assert text_to_period("统计期限为 2023 11日到1230日。") == (None, None)


def test_a_period_between_two_dashes_is_read():
    """``2023年1月1日——2023年12月31日`` (a 乡's page: its dates joined by a doubled dash) is the period. Before,
    only one dash was a separator and no period was read."""
    assert text_to_period("本年度报告中所列数据的统计期限为:2023年1月1日——2023年12月31日。") == \
        ("2023-01-01", "2023-12-31")
    record = parse(_untitled("本年度报告中所列数据的统计期限为:2023年1月1日——2023年12月31日。"))
    assert (record.period_start, record.period_end) == ("2023-01-01", "2023-12-31")


def test_a_period_stated_of_the_data_listed_is_read():
    """``本报告所列数据自2020年1月1日起,至2020年12月31日止`` (a county water bureau's page) names no 统计 or 期限:
    the data listed (所列数据) are what the period is of. Before, no period was read."""
    assert text_to_period("本报告所列数据自2020年1月1日起,至2020年12月31日止。") == ("2020-01-01", "2020-12-31")
    assert text_to_period("表中所列数据为2019年的汇总，另有2020年1月1日至3月31日的说明。") == (None, None)


def test_a_period_whose_words_carry_readings_in_pinyin_is_read():
    """A mirror printing each character's reading after it (``统(tǒng)计(jì)期自 2023 年 1 月 1 日至 2023`` / ``年 12
    月 31 日``: a district bureau's page on a Traditional mirror) states its period all the same; the readings are no
    part of the words. Before, no period was read."""
    line = "本报(bào)告所列数(shù)据(jù)统(tǒng)计(jì)期自 2023 年 1 月 1 日至 2023\n年 12 月 31 日。"
    assert text_to_period(line) == ("2023-01-01", "2023-12-31")
    record = parse(_untitled(line))
    assert (record.period_start, record.period_end) == ("2023-01-01", "2023-12-31")


def test_a_sentence_naming_items_above_the_table_is_no_part_of_the_first_rows_label():
    """A table printed a cell a line between empty lines, under a sentence naming items it printed none of
    (``2022年，本局未对外公开发布规章、行政规范性文件、行政处罚、行政强制等内容…``: a city statistics bureau's page):
    the 规章 row's label ran up over the table's header into the sentence, was read as naming 行政强制 last, and its
    three cells were lost with a false ``row_absent`` for 规章. A label begins at the table's 第二十条 line."""
    head = "样例县统计局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n2022年，本局依法公开政府信息。\n\n" \
           "二、主动公开政府信息情况\n\n"
    sentence = "2022年，本局未对外公开发布规章、行政规范性文件、行政处罚、行政强制等内容；根据工作职能，" \
               "本局无行政许可、行政事业性收费项目。\n\n"
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "2",
             "行政规范性文件", "0", "0", "1", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "0"]
    record = parse(head + sentence + "\n\n".join(cells) + "\n\n三、收到和处理政府信息公开申请情况\n")
    values = {f.keys: f.value for f in record.facts if f.table == "active"}
    assert (values[("rules", "issued")], values[("rules", "repealed")], values[("rules", "in_force")]) == (0, 0, 2)
    assert values[("normative_documents", "in_force")] == 1
    assert not [f for f in record.findings if f.code == "row_absent" and f.row == "规章"]


def test_a_city_management_bureau_titled_without_its_city_names_no_region_called_chengshi():
    """``城市管理局2020年政府信息公开工作年度报告`` (a city bureau's page titled without its city): 城市 is the first
    word of the bureau's own name (城市管理, a system the rules name), not a place. Before, 城市 was read as a region no
    division matches: a false ``agency_region_unknown``."""
    from xxgk.agency.names import parse_name

    assert parse_name("城市管理局").unknown_region == ""
    assert parse_name("沐阳县城市管理局").unknown_region == "沐阳县"  # (a misprinted county still is one)
    assert parse_name("城市管理局").body == "城市管理局"


def test_an_overview_headed_work_summary_is_the_overview():
    """``一、工作概述`` heads the overview of a county water bureau's 2025 page printing no title and no period: its
    first sentence (``2025年，样例县水利局坚持…``) gives the year. Before, no section was found and the page
    published no year (``year_not_found``)."""
    text = ("根据《中华人民共和国政府信息公开条例》要求，特编制完成本报告。\n一、工作概述\n"
            "2025年，样例县水利局坚持以公开为常态、不公开为例外，持续深化政务公开。\n"
            "（一）主动公开情况。全年主动公开政府信息29条。\n")
    record = parse(text)
    assert record.year == 2025
    assert not [f for f in record.findings if f.code == "section_absent" and "总体情况" in f.message]
