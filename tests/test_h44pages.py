"""Real pages round 10 (session 44): layouts and publishers of real reports nobody here had read, rebuilt with
made-up agencies and numbers (a real division where the resolver must know it)."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

from .factory import tab_report

BODY = tab_report(agency="格尔木市", year=2024).split("\n", 1)[1]


def test_a_tax_office_named_short_after_its_full_name_is_the_office_its_title_names():
    """A local tax office's page without its title names itself once in full, 国家税务总局格尔木市税务局, then short
    (以下简称“格尔木市税务局”; 格尔木市税务局坚持…). Before, the short name (more mentions) was the publisher, and
    its id (qinghai-haixi-geermu-shuiwuju) was not the id of the same office's report titled with its full name (the
    national administration is part of that id: rules/agency_vertical_parents.csv, in_id yes) — one office, two ids
    across its years. A name printed only short stays short, and a name the parent never precedes is not given it."""
    full = "国家税务总局格尔木市税务局"
    text = (f"根据《中华人民共和国政府信息公开条例》规定，现公布{full}（以下简称“格尔木市税务局”）2024年政府信息"
            "公开工作年度报告。如对本报告有疑问，请与格尔木市税务局办公室联系。\n一、总体情况\n"
            "2024年，格尔木市税务局坚持以人民为中心。"
            "格尔木市税务局主动公开信息12条。\n" + BODY.split("\n", 2)[2])
    assert parse(text).agency is None  # (no title: the publisher is the body's, resolved when packaged)
    found = name_to_agency(None, text, {})
    assert (found.name, found.agency_id) == (full, name_to_agency(full, "", {}).agency_id), found
    district = text.replace(full, "国家税务总局西宁市城东区税务局").replace("格尔木市税务局", "城东区税务局")
    assert name_to_agency(None, district, {}).name == "国家税务总局西宁市城东区税务局"  # (以下简称 its district's)
    short = text.replace(f"{full}（以下简称“格尔木市税务局”）", "格尔木市税务局")
    assert name_to_agency(None, short, {}).name == "格尔木市税务局"  # (never printed with its administration)
    # (the administration named for another office, 国家税务总局青海省税务局's guidance: not this office's name)
    other = short.replace("2024年，格尔木市税务局坚持", "2024年，按照国家税务总局青海省税务局部署，格尔木市税务局坚持")
    assert name_to_agency(None, other, {}).name == "格尔木市税务局"


def test_a_township_titled_without_its_county_takes_the_county_its_body_prints_it_with():
    """A 2025 town's page titled 2025年某镇政府信息公开工作年度报告 prints its full name only in its contact line
    (某州某县级市某镇人民政府网站, 地址某州某县级市某镇…), the prefecture more often than the county (the prefecture's
    portal is named too). Before, the town was placed by the most-named division alone: published as the
    prefecture's town, its county lost (a real town's report). The same town's name printed after its regions is
    where it is; a town the body never prints with a region is placed as before."""
    contact = ("电子版可在海西蒙古族藏族自治州人民政府门户网站或海西蒙古族藏族自治州格尔木市甲乙镇人民政府网站下载，"
               "地址海西蒙古族藏族自治州格尔木市甲乙镇甲乙大街13号。")
    text = ("2025年甲乙镇政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》规定，现将我镇2025年度政府"
            f"信息公开工作情况报告如下。{contact}\n" + BODY)
    found = name_to_agency("甲乙镇", text, {})
    assert (found.name, found.county) == ("格尔木市甲乙镇", "格尔木市"), found
    # (another town's name after the county: not this town's place — placed by the votes, as before)
    other = text.replace("格尔木市甲乙镇人民政府", "格尔木市丙丁镇人民政府")
    assert name_to_agency("甲乙镇", other, {}).county != "格尔木市"


def test_a_customs_district_report_is_its_customs_offices():
    """Customs offices title their report 某海关关区2023年…年度报告 (the district's report, made by the customs office).
    Before, 某海关关区 was an agency of no kind with an id of its own (qinghai-xining-haiguanguanqu), not the
    customs office of its other years; and a page without its title, 梳理编制某海关关区2023年…年度报告。…请联系
    某海关办公室…, was published as a made-up 某市海关办公室 (WRONG publisher: the contact line's office)."""
    office = name_to_agency("西宁海关", "", {})
    district = name_to_agency("西宁海关关区", "", {})
    assert (district.name, district.agency_id, district.kind) == (office.name, office.agency_id, "department")
    text = ("根据《中华人民共和国政府信息公开条例》等规定，梳理编制格尔木海关关区2023年政府信息公开工作年度报告。"
            "如对本年度报告有任何疑问，请联系格尔木海关办公室新闻信息办公室。\n" + BODY.replace("2024", "2023"))
    record = parse(text)
    found = name_to_agency(record.agency, text, {})
    assert (found.name, found.agency_id) == ("格尔木海关", name_to_agency("格尔木海关", "", {}).agency_id), found
    # (关区 after a division's name alone is no department's district: not read as that city's government)
    assert name_to_agency("格尔木市关区", "", {}).name != "格尔木市人民政府"


# table 二 of the 2019 template as a city bureau's 2020 page prints it: each header cell with its note, years and a
# sign's example in brackets (指2019年事项数, 如-8), pipes between cells (made-up numbers)
NOTED_HEADERS = (
    "二、主动公开政府信息情况\n第二十条第(一)项 | |||||\n"
    "信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 | ||\n"
    "规章 | 0 | 0 | 0 | ||\n规范性文件 | 4 | 4 | 31 | ||\n第二十条第(五)项 | |||||\n"
    "信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8) | "
    "处理决定数量(指2020年办件量) | ||\n行政许可 | 7 | 2 | 61 | ||\n其他对外管理服务事项 | 15 | 0 | 120 | ||\n"
    "第二十条第(六)项 | |||||\n信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年增加或减少的事项数,"
    "减用负值表示,如-8) | 处理决定数量(指2020年办件量) | ||\n行政处罚 | 40 | 0 | 12 | ||\n行政强制 | 3 | 3 | - | ||\n")


def test_a_header_cells_bracketed_notes_are_no_row_of_numbers():
    """A header whose cells carry their notes (上一年项目数量(指2019年事项数), 本年增/减(…如-8)) was read as a row
    labelled 第二十条第(五)项信息内容… whose numbers were not used: a false ``label_unrecognised`` warning for each
    sub-table (a real city bureau's 2020 report had three). The notes' years are no row's numbers: no finding, and
    every row reads as printed; a header followed by numbers on lines of their own (a row whose label was not
    printed) keeps its warning."""
    text = "样例市生态环境局2020年政府信息公开工作年度报告\n一、总体情况\n概述。\n" + NOTED_HEADERS
    record = parse(text)
    assert [f.actual for f in record.findings if f.code == "label_unrecognised"] == []
    values = {f.keys: f.value for f in record.facts if f.table == "active"}
    assert values[("licensing", "previous_year")] == 7 and values[("licensing", "change")] == 2
    assert values[("penalty", "decisions")] == 12 and values[("coercion", "decisions")] is None
    unlabelled = text.replace("规章 | 0 | 0 | 0 | ||", "| 0 | 0 | 0 | ||")
    assert "label_unrecognised" in [f.code for f in parse(unlabelled).findings]
