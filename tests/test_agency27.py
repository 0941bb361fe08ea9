"""Agencies as their titles really print them (session 27): a special area with its province before it, a
zone printed with or without its region's full name, a customs district with or without the country's name.
Each pair below is one agency over the years; before, each spelling was an agency of its own (two pages, two
ids, a series cut in two), and one spelling stopped the report from being read at all."""

from __future__ import annotations

import csv

import pytest

from tests.factory import tab_report
from xxgk.agency.resolve import name_to_agency
from xxgk.package.build import build_package

# (two spellings of one agency's name as titles print them, the canonical name, province, city, tier)
ONE_AGENCY = [
    # a state-level new area: its province's short name before it, as its own titles print it
    ("河北雄安新区管理委员会", "雄安新区管理委员会", "雄安新区", "河北省", "", "prefecture"),
    ("陕西西咸新区管理委员会", "西咸新区管理委员会", "西咸新区", "陕西省", "西安市", "county"),
    ("重庆市两江新区管理委员会", "重庆两江新区管理委员会", "两江新区", "重庆市", "", "county"),
    ("江苏省苏州工业园区管理委员会", "苏州工业园区管委会", "苏州工业园区", "江苏省", "苏州市", "county"),
    ("福建省平潭综合实验区管理委员会", "平潭综合实验区管理委员会", "平潭综合实验区", "福建省", "", "prefecture"),
    # a zone is named after its region's short name, however much of the region its title prints
    ("江苏省南京市江北新区管理委员会", "南京江北新区管理委员会", "南京江北新区", "江苏省", "南京市", "county"),
    ("大连市金普新区管理委员会", "大连金普新区管理委员会", "大连金普新区", "辽宁省", "大连市", "county"),
    ("淮安市经济技术开发区管理委员会", "淮安经济技术开发区管理委员会", "淮安经济技术开发区", "江苏省", "淮安市",
     "county"),
    # a customs district: the country's name before it or not; never 北京市海关, a name no one uses
    ("中华人民共和国北京海关", "北京海关", "北京海关", "北京市", "", "province"),
    ("中华人民共和国西宁海关", "西宁海关", "西宁海关", "青海省", "西宁市", "prefecture"),
]


@pytest.mark.parametrize("first,second,name,province,city,tier", ONE_AGENCY)
def test_two_spellings_of_one_agency_are_one_agency(first, second, name, province, city, tier):
    one, other = name_to_agency(first, "", {}), name_to_agency(second, "", {})
    assert (one.name, one.province, one.city, one.tier) == (name, province, city, tier)
    assert (other.name, other.province, other.city, other.tier) == (name, province, city, tier)
    assert one.key == other.key and one.agency_id == other.agency_id
    assert not one.findings and not other.findings


def test_a_department_branch_for_a_zone_keeps_its_city_as_printed():
    """成都市公安局高新区分局 is the city bureau's branch for its 高新区, not the zone: its name is not cut to
    成都公安局高新区分局."""
    agency = name_to_agency("成都市公安局高新区分局", "", {})
    assert (agency.name, agency.city, agency.kind) == ("成都市公安局高新区分局", "成都市", "department")


def test_a_short_name_shared_by_a_province_and_a_district_is_a_finding_not_a_crash():
    """河北 is 河北省 and 天津市河北区: with nothing in the text to choose, no agency is guessed and the finding
    names both (before: IndexError while naming the province's parent, and the report failed)."""
    agency = name_to_agency("河北高新技术产业开发区管理委员会", "", {})
    assert agency.name is None
    (finding,) = agency.findings
    assert finding.code == "agency_region_ambiguous"
    assert "河北省" in finding.message and "天津市河北区" in finding.message


def test_a_report_of_a_new_area_titled_with_its_province_is_read(tmp_path):
    """The whole report, through the build: before, the worker died on the title and the report was
    ``failed`` with no number read."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "xiongan.txt").write_text(tab_report(agency="河北雄安新区管理委员会"), encoding="utf-8")
    (reports / "hebei.txt").write_text(tab_report(agency="河北高新技术产业开发区管理委员会"), encoding="utf-8")
    build_package(reports, tmp_path / "out", workers=1)
    with open(tmp_path / "out" / "data" / "reports.csv", encoding="utf-8-sig") as f:
        rows = {row["source_file"]: row for row in csv.DictReader(f)}
    assert rows["xiongan.txt"]["status"] == "parsed"
    assert (rows["xiongan.txt"]["agency_name"], rows["xiongan.txt"]["province"]) == ("雄安新区", "河北省")
    assert rows["hebei.txt"]["status"] == "parsed" and rows["hebei.txt"]["agency_name"] == ""


# (printed name, district, its county code, id): a city bureau's branch in one of the city's districts
BRANCHES = [
    ("北京市公安局朝阳分局", "朝阳区", "110105", "beijing-chaoyang-gonganjufenju"),
    ("广州市生态环境局番禺分局", "番禺区", "440113", "guangdong-guangzhou-panyu-shengtaihuanjingjufenju"),
    ("深圳市规划和自然资源局南山管理局", "南山区", "440305",
     "guangdong-shenzhen-nanshan-guihuaheziranziyuanjuguanliju"),
    ("重庆市规划和自然资源局渝北区分局", "渝北区", "500112", "chongqing-yubei-guihuaheziranziyuanjufenju"),
]


@pytest.mark.parametrize("printed,county,code,agency_id", BRANCHES)
def test_a_city_bureaus_branch_in_a_district_is_that_districts_office(printed, county, code, agency_id):
    """The 政务公开办 of 朝阳区 supervises 北京市公安局朝阳分局: it is a county-level office of that district, with
    the name as printed. Before: placed in the city at the city's tier (ranked among city bureaus, its district's
    filters missed it) and its id read 朝阳 as words (beijing-gonganjuzhaoyangfenju)."""
    agency = name_to_agency(printed, "", {})
    assert (agency.name, agency.county, agency.county_code, agency.tier, agency.kind) == (
        printed, county, code, "county", "department")
    assert agency.agency_id == agency_id and not agency.findings


def test_a_city_bureau_and_its_own_offices_stay_the_citys():
    for printed in ("北京市公安局", "北京市公安局公安交通管理局", "国家税务总局北京市税务局第一稽查局"):
        agency = name_to_agency(printed, "", {})
        assert (agency.name, agency.county, agency.tier) == (printed, "", "province"), printed


def test_yubei_a_district_of_chongqing_is_known():
    """重庆市渝北区 (500112) was missing from the divisions (the package's list has the map provider's 两江新区 in
    its place): its government's report had no agency and no finding."""
    agency = name_to_agency("重庆市渝北区人民政府", "", {})
    assert (agency.name, agency.county_code, agency.tier) == ("渝北区人民政府", "500112", "county")


# (two ways titles print one department, its canonical name, kind)
SAME_DEPARTMENT = [
    ("宿迁市人民政府国有资产监督管理委员会", "宿迁市国资委", "宿迁市国有资产监督管理委员会"),
    ("宿迁市人民政府外事办公室", "宿迁市外事办公室", "宿迁市外事办公室"),
    ("宿迁市城管局", "宿迁市城市管理局", "宿迁市城市管理局"),
]


@pytest.mark.parametrize("first,second,name", SAME_DEPARTMENT)
def test_a_department_printed_with_or_without_its_governments_name_is_one_agency(first, second, name):
    """A department's full name may carry its government's (某市人民政府国有资产监督管理委员会) where other years'
    titles print 某市国资委: one agency, not two series."""
    one, other = name_to_agency(first, "", {}), name_to_agency(second, "", {})
    assert one.name == other.name == name and one.agency_id == other.agency_id
    assert one.kind == other.kind == "department"


def test_the_governments_own_office_stays_the_government():
    for printed in ("宿迁市人民政府办公室", "宿迁市人民政府", "北京市人民政府办公厅"):
        agency = name_to_agency(printed, "", {})
        assert (agency.name, agency.kind) == (printed, "government"), printed
    # its own office's units are named as printed (never 宿迁市办公室政务服务中心, a name no one uses)
    for printed in ("宿迁市人民政府办公室政务服务中心", "宿迁市人民政府驻北京办事处"):
        assert name_to_agency(printed, "", {}).name == printed, printed


@pytest.mark.parametrize("printed", ["宿迁市档案馆", "宿迁市消防救援支队"])
def test_an_archive_or_a_fire_brigade_is_a_department(printed):
    """Before, no kind: the report card's peer groups and deadlines (departments are due 31 January) left it out."""
    assert name_to_agency(printed, "", {}).kind == "department"


def test_a_misprinted_district_after_its_city_is_corrected_from_the_text_or_a_finding():
    """南京市鼓搂区人民政府 (楼 misprinted): before, a prefecture-tier government named 南京市鼓搂区人民政府 with no
    finding, ranked among the cities. Now the text that names 鼓楼区 corrects it; without such text it stays as
    printed, one tier below its city, with ``agency_region_unknown``."""
    text = "南京市鼓楼区人民政府办公室负责本报告的编制。"
    corrected = name_to_agency("南京市鼓搂区人民政府", text, {})
    assert (corrected.name, corrected.county, corrected.tier) == ("南京市鼓楼区人民政府", "鼓楼区", "county")
    assert [f.code for f in corrected.findings] == ["agency_region_corrected"]
    unknown = name_to_agency("南京市鼓搂区人民政府", "", {})
    assert (unknown.name, unknown.city, unknown.county, unknown.tier) == (
        "南京市鼓搂区人民政府", "南京市", "", "county")
    assert [(f.code, f.actual) for f in unknown.findings] == [("agency_region_unknown", "鼓搂区")]


@pytest.mark.parametrize("printed", ["宿迁市风景名胜区管理局", "宿迁市城市管理局", "宿迁市市场监管局",
                                     "宿迁市城区供水管理处"])
def test_an_area_or_a_word_after_a_city_is_no_misprinted_district(printed):
    agency = name_to_agency(printed, "", {})
    assert agency.tier == "prefecture" and not agency.findings, printed


@pytest.mark.parametrize("year_printed", ["二0二四", "二O二四", "二〇二四"])
def test_a_year_in_chinese_numerals_with_its_zero_typed_as_0_or_o_is_a_year(year_printed):
    """二0二四年 (the zero typed as a digit or the letter O) is as common in real titles and signatures as 二〇二四年.
    Before, 宿迁市教育局二0二四年度 was read as the agency's name, with no year, and the signature's date was lost."""
    from xxgk.parser import parse

    text = tab_report(agency="宿迁市教育局", published=f"宿迁市教育局\n{year_printed[:-1]}五年一月二十日")
    record = parse(text.replace("宿迁市教育局2024年", f"宿迁市教育局{year_printed}年度", 1))
    assert (record.agency, record.year, record.published_date) == ("宿迁市教育局", 2024, "2025-01-20")


@pytest.mark.parametrize("title", [
    "宿迁市教育局关于2023年度政府信息公开工作情况的报告",
    "宿迁市教育局2023年度政府信息公开工作情况报告",
    "宿迁市教育局2023年政府信息公开年度工作报告",
    "宿迁市教育局2023年政务信息公开工作年度报告",
])
def test_titles_as_some_agencies_word_them_name_the_agency_and_year(title):
    """Before: the first three named no agency and no year; the last named the agency 政务."""
    from xxgk.metadata import read_title

    read = read_title(title)
    assert (read.agency, read.year) == ("宿迁市教育局", 2023)


def test_half_a_years_report_is_no_annual_report_title():
    from xxgk.metadata import read_title

    assert read_title("宿迁市教育局2023年上半年政府信息公开工作情况报告").year is None


@pytest.mark.parametrize("signature", [
    "宿迁市教育局 2025年1月20日",  # the signer and the date on one line (a right-aligned signature in a PDF's text)
    "2025年1月20日（此件公开发布）",  # the release note official documents print after the date
    "2025年元月20日",  # 元月: January
])
def test_a_signatures_date_as_documents_print_it_is_the_publication_date(signature):
    """The report card's timeliness check needs the date: before, each of these was read as no date."""
    from xxgk.parser import parse

    assert parse(tab_report(agency="宿迁市教育局", published=signature)).published_date == "2025-01-20"


def test_a_sentence_ending_in_a_date_is_no_signature():
    from xxgk.parser import parse

    assert parse(tab_report(agency="宿迁市教育局", published="统计截至 2025年1月20日")).published_date is None


@pytest.mark.parametrize("printed,county,tier", [
    ("中国人民银行格尔木市支行", "格尔木市", "county"), ("中国人民银行青海省分行", "", "province")])
def test_a_central_bank_branch_is_the_office_of_the_region_printed_after_it(printed, county, tier):
    """Before: no agency and no finding (中国 read as a national name, 支行 as no agency's ending)."""
    agency = name_to_agency(printed, "", {})
    assert (agency.name, agency.county, agency.tier, agency.kind) == (printed, county, tier, "department")
    assert agency.agency_id and "zhongguorenminyinhang" in agency.agency_id
    assert name_to_agency("中国人民银行", "", {}).tier == "national"


@pytest.mark.parametrize("printed,region", [("青海大学", "青海省"), ("深圳大学", "深圳市"), ("北京协和医院", "北京市")])
def test_an_institution_named_with_its_places_short_name_keeps_its_name(printed, region):
    """青海大学 was published as 青海省大学, a name the report never prints; a department (宿迁教育局) still takes its
    city's full name, one agency with 宿迁市教育局."""
    agency = name_to_agency(printed, "", {})
    assert agency.name == printed and region in (agency.province, agency.city)
    assert name_to_agency("宿迁教育局", "", {}).agency_id == name_to_agency("宿迁市教育局", "", {}).agency_id
