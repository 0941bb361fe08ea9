"""Digits and Latin letters inside an agency's name are the name's: 深圳市12345政务服务便民热线管理中心 is one
agency, not 政务服务便民热线管理中心 (the name cut at its digits was another agency's, in no region)."""

from __future__ import annotations

import pytest

from xxgk.agency.evidence import body_names
from xxgk.agency.resolve import name_to_agency
from xxgk.metadata import read_title
from xxgk.parser import parse


@pytest.mark.parametrize(("title", "agency", "year"), [
    ("深圳市12345政务服务便民热线管理中心2023年政府信息公开工作年度报告", "深圳市12345政务服务便民热线管理中心", 2023),
    ("上海市浦东新区G60科创走廊办公室2022年度政府信息公开工作年度报告", "上海市浦东新区G60科创走廊办公室", 2022),
    ("杭州市第2中学2023年政府信息公开工作年度报告", "杭州市第2中学", 2023),
    ("北京市101中学2024年政府信息公开工作年度报告", "北京市101中学", 2024),
    ("2023年深圳市12345政务服务便民热线管理中心政府信息公开工作年度报告", "深圳市12345政务服务便民热线管理中心", 2023),
    ("深圳市12345政务服务便民热线管理中心政府信息公开工作年度报告（2023年度）",
     "深圳市12345政务服务便民热线管理中心", 2023),
])
def test_a_name_holding_digits_or_latin_letters_is_read_whole(title, agency, year):
    read = read_title(title)
    assert (read.agency, read.year) == (agency, year)


@pytest.mark.parametrize("title", [
    "12345热线办公室2023年政府信息公开工作年度报告",  # the name begins with digits: which part is the name?
    "XX市5G产业办公室2023年政府信息公开工作年度报告",
])
def test_a_name_beginning_with_digits_or_latin_letters_is_not_cut_but_left_unread(title):
    read = read_title(title)
    assert read.agency is None  # never 热线办公室 or 产业办公室: another agency
    assert read.year == 2023  # the year is still the title's


@pytest.mark.parametrize(("title", "agency"), [
    ("附件1某某县交通运输局2023年政府信息公开工作年度报告", "某某县交通运输局"),
    ("附件二某某县交通运输局2023年政府信息公开工作年度报告", "某某县交通运输局"),
    ("附件1：某某县交通运输局2023年政府信息公开工作年度报告", "某某县交通运输局"),
    ("附件1某某县交通运输局政府信息公开工作年度报告", "某某县交通运输局"),
])
def test_an_attachment_label_run_into_the_name_is_no_part_of_it(title, agency):
    assert read_title(title).agency == agency


def test_the_year_after_the_name_stays_the_years():
    read = read_title("某某县第2中学 2023年政府信息公开工作年度报告")
    assert (read.agency, read.year) == ("某某县第2中学", 2023)
    assert read_title("某某县交通运输局2023年政府信息公开工作年度报告").agency == "某某县交通运输局"


def test_the_report_publishes_the_whole_name_and_its_region():
    record = parse("深圳市12345政务服务便民热线管理中心2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n")
    assert record.agency == "深圳市12345政务服务便民热线管理中心"
    agency = name_to_agency(record.agency, "", {})
    assert (agency.province, agency.city) == ("广东省", "深圳市")
    assert "12345" in agency.agency_id


def test_a_cover_page_names_the_agency_with_its_digits():
    read = read_title("深圳市12345政务服务便民热线管理中心\n2023年政府信息公开工作年度报告\n一、总体情况")
    assert (read.agency, read.year) == ("深圳市12345政务服务便民热线管理中心", 2023)


@pytest.mark.parametrize(("body", "agency"), [
    ("发布机构：深圳市12345政务服务便民热线管理中心\n", "深圳市12345政务服务便民热线管理中心"),
    ("编制单位：上海市浦东新区G60科创走廊办公室。", "上海市浦东新区G60科创走廊办公室"),
    ("发布机构：某某县交通运输局2024年1月20日", "某某县交通运输局"),  # a date after the name is no part of it
])
def test_a_labelled_name_in_the_body_keeps_its_digits(body, agency):
    assert body_names(body)[0] == (agency, "label")


def test_a_labelled_name_cut_by_digits_is_not_the_city_government():
    text = "政府信息公开工作年度报告\n发布机构：深圳市12345\n一、总体情况\n本年度……\n"
    assert ("深圳市", "label") not in body_names(text)
    assert name_to_agency("", text, {}).name != "深圳市人民政府"  # (it was: another publisher's reports)
    whole = text.replace("深圳市12345\n", "深圳市12345政务服务便民热线管理中心\n")
    assert name_to_agency("", whole, {}).name == "深圳市12345政务服务便民热线管理中心"


@pytest.mark.parametrize(("title", "agency"), [
    ("深圳市 12345 政务服务便民热线管理中心2023年政府信息公开工作年度报告", "深圳市12345政务服务便民热线管理中心"),
    ("上海市浦东新区 G60 科创走廊办公室 2023年度政府信息公开工作年度报告", "上海市浦东新区G60科创走廊办公室"),
    ("2023年 深圳市 12345 政务服务便民热线管理中心 政府信息公开工作年度报告", "深圳市12345政务服务便民热线管理中心"),
])
def test_digits_set_apart_by_spaces_inside_a_name_are_the_names(title, agency):
    """A PDF's text layer sets a run of digits or Latin letters apart by spaces: the name was read from its last
    Han part (政务服务便民热线管理中心, another agency)."""
    read = read_title(title)
    assert (read.agency, read.year) == (agency, 2023)


def test_a_spaced_name_beginning_with_digits_is_left_unread():
    read = read_title("首页 12345 热线办公室2023年政府信息公开工作年度报告")
    assert read.agency is None and read.year == 2023  # never 热线办公室


@pytest.mark.parametrize("title", ["银川市兴庆区审计局2O21年政府信息公开工作年度报告",
                                   "银川市兴庆区审计局2o21年度政府信息公开工作年度报告"])
def test_a_year_typed_with_the_letter_o_is_the_years_not_the_names(title):
    read = read_title(title)
    assert (read.agency, read.year) == ("银川市兴庆区审计局", 2021)  # before: 银川市兴庆区审计局2O21年, no year


@pytest.mark.parametrize("title", ["青岛市人民政府 2 0 2 2 年政府信息公开工作年度报告",
                                   "青岛市人民政府2 0 2 2年政府信息公开工作年度报告"])
def test_a_letter_spaced_year_is_the_years_not_the_names(title):
    read = read_title(title)
    assert (read.agency, read.year) == ("青岛市人民政府", 2022)  # before: 青岛市人民政府2022年, no year


def test_a_name_that_ran_into_years_is_not_read():
    assert read_title("某区 2022 2023年政府信息公开工作年度报告").agency is None  # never 某区20222023年
