"""Layouts of real street, township, bureau, hospital, zone and school report pages (session 39's sweep of stored web
pages) and the leftovers of session 38: each test's text is SYNTHETIC, written in the page's layout with the
template's own labels and invented names and numbers. What a reader of the page sees is published; what the page does
not print is null with a finding, never a guess."""

from __future__ import annotations

import pytest

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse


def _published(text: str):
    """The publisher the package publishes for ``text`` (the parser's agency, resolved with the text's evidence)."""
    record = parse(text)
    return name_to_agency(record.agency, text, None)


STREET = ("依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。所列统计数据时间范围为2024年1月1日至2024年"
          "12月31日。如本报告有疑问，请联系：格尔木市人民政府昆仑路街道办事处，地址：格尔木市昆仑路8号。\n"
          "一、总体情况\n2024年，街道通过格尔木市人民政府门户网站公开财政预决算信息2条。\n"
          "二、主动公开政府信息情况\n无。\n")


def test_a_governments_name_running_on_into_its_street_office_names_the_street() -> None:
    """Real 街道 pages (no title in the text) name their author once, in the contact line, as the district
    government's street office — 请联系：某区人民政府某某街道办事处 — and the district government's website: the body's
    names were read up to 人民政府, and the street's report was published as the district government's (WRONG). A
    government's name running on into its township office's name (街道办事处, 镇人民政府, 乡人民政府) is that
    office's."""
    agency = _published(STREET)
    assert agency.name.endswith("昆仑路街道办事处")
    assert agency.county == "格尔木市"


def test_a_list_of_offices_after_a_government_is_no_office_of_it() -> None:
    """Guard: 某市人民政府各街道办事处 (every street office of it) names no one street office."""
    text = STREET.replace("请联系：格尔木市人民政府昆仑路街道办事处", "请联系：格尔木市人民政府各街道办事处")
    assert not (_published(text).name or "").endswith("街道办事处")


def test_a_sentence_naming_the_report_with_the_verb_to_make_public() -> None:
    """A real 街道 page names its report only in a sentence opening on 现公开 (现公开某市某区人民政府某街道办事处2024年…
    年度报告。): it named no agency, and the body's names published the district government (WRONG). 现公开 is a verb
    naming the report (rules/report_naming_verbs.csv), as 现公布 is."""
    text = ("根据《中华人民共和国政府信息公开条例》的规定，现公开格尔木市人民政府昆仑路街道办事处2024年政府信息公开工作"
            "年度报告。\n一、总体情况\n2024年，街道依法公开政府信息25条。\n二、主动公开政府信息情况\n无。\n")
    record = parse(text)
    assert (record.agency, record.year) == ("格尔木市人民政府昆仑路街道办事处", 2024)
    assert any(f.code == "agency_from_sentence" for f in record.findings)


def test_the_words_of_a_task_after_about_name_no_agency() -> None:
    """A real 街道 page (no title in its text) opens 为认真贯彻落实上级关于切实做好2024年政府信息公开年度报告编制发布
    工作要求，某街道…: the title phrase was read with the words after 关于 as its agency — 切实做好, published as the
    report's printed agency (WRONG). What follows 关于 is an agency only when it ends as an agency's name does."""
    text = ("为认真贯彻落实上级关于切实做好2024年政府信息公开年度报告编制发布工作要求，昆仑路街道严格落实《条例》，及时"
            "发布2024年度政府信息公开工作报告。\n一、总体情况\n2024年，街道主动公开政府信息58条。\n"
            "二、主动公开政府信息情况\n无。\n")
    record = parse(text)
    assert record.agency is None
    assert record.year == 2024


def test_a_notice_publishing_the_report_still_names_its_agency_after_about() -> None:
    """Guard: 关于印发某局2023年…年度报告的通知 names the bureau after 关于 (it ends as an agency's name does)."""
    text = ("关于印发格尔木市交通运输局2023年政府信息公开工作年度报告的通知\n一、总体情况\n"
            "2023年，本局依法公开政府信息。\n二、主动公开政府信息情况\n无。\n")
    assert parse(text).agency == "格尔木市交通运输局"


BODY = "一、总体情况\n本机关依法公开政府信息。\n二、主动公开政府信息情况\n无。\n"


@pytest.mark.parametrize(("title", "agency", "year"), [
    ("格尔木市交通运输局2020政府信息公开工作年度报告", "格尔木市交通运输局", 2020),
    ("标 题 | 格尔木市交通运输局2020政府信息公开工作年度报告 | ||", "格尔木市交通运输局", 2020),
    ("2021年格尔木市郭勒木德镇人民政府信息公开工作年度报告", "格尔木市郭勒木德镇人民政府", 2021),
])
def test_a_titles_name_read_whole_where_the_title_saves_a_character(title: str, agency: str, year: int) -> None:
    """A real 国资委's title prints its year without 年 (某委2020政府信息公开工作年度报告): the year was read into the
    name, 某委2020政府, its published printed agency; a real 镇's prints one 政府 for its name and the report's words
    (2021年某县某镇人民政府信息公开工作年度报告): the name was read 某县某镇人民. Both names are read whole."""
    record = parse(title + "\n" + BODY)
    assert (record.agency, record.year) == (agency, year)


def test_a_year_and_a_number_before_the_report_words_is_still_no_name() -> None:
    """Guard: a name never ends in 人民 alone, and a report's words after a name need a year before them to be a
    title's (某局政府信息公开工作年度报告 with no year names the agency, its year from the text)."""
    record = parse("格尔木市交通运输局政府信息公开工作年度报告\n2020年，本局依法公开政府信息。\n" + BODY)
    assert record.agency == "格尔木市交通运输局"
