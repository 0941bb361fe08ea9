"""Layouts of real report pages of kinds the earlier rounds had not read (session 41's sweep of stored web pages:
provincial departments of the west and north-east, public institutions, schools and hospitals' bureaus, street
offices, 苏木 and development zones, 2019–2025): each test's text is SYNTHETIC, written in the page's layout with the
template's own labels and invented names and numbers. What a reader of the page sees is published; what the page
does not print is null with a finding, never a guess."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse


def _published(text: str):
    """The publisher the package publishes for ``text`` (the parser's agency, resolved with the text's evidence)."""
    record = parse(text)
    return name_to_agency(record.agency, text, None)


STREET_OVERVIEW = ("一、总体情况\n格尔木市甲乙街道高度重视政府信息公开工作，结合本街道实际，现将工作情况报告如下：\n"
                   "（一）主动公开\n2024年，甲乙街道依照条例主动公开政府信息12条。\n（二）依申请公开\n"
                   "甲乙街道2024年度未收到政府信息公开申请。\n（三）政府信息管理\n我街道落实三审三校制度。\n")


def test_a_street_office_named_only_in_its_overview_is_the_publisher() -> None:
    """A real street office's page prints no title: its overview opens 柳北区某某街道高度重视…, and two more clauses
    open with 某某街道; the report speaks as 本街道 / 我街道. No publisher was published (its district only). The
    township the report's own clauses open with, twice at least, is the publisher when the report speaks as one."""
    agency = _published(STREET_OVERVIEW)
    assert (agency.name, agency.tier, agency.kind) == ("格尔木市甲乙街道办事处", "township", "government")
    assert agency.county == "格尔木市"


def test_a_street_named_in_an_overview_that_speaks_as_no_township_is_no_publisher() -> None:
    """Guard: a district office's report (我区) naming a street in two clauses has not that street for publisher."""
    text = STREET_OVERVIEW.replace("本街道", "本区").replace("我街道", "我区")
    assert _published(text).name is None


def test_a_street_named_in_one_clause_only_is_no_publisher() -> None:
    """Guard: once is not enough (a neighbour, a street the report speaks of): no publisher, as before."""
    text = ("一、总体情况\n格尔木市甲乙街道高度重视政府信息公开工作，结合本街道实际，报告如下：\n"
            "我街道主动公开政府信息12条。\n")
    assert _published(text).name is None


def test_two_streets_named_as_often_give_no_publisher() -> None:
    """Guard: a text whose clauses open with two streets as often chooses neither."""
    text = STREET_OVERVIEW.replace("甲乙街道2024年度", "丙丁街道2024年度").replace(
        "我街道落实", "丙丁街道落实。我街道落实")
    assert _published(text).name is None


def test_a_title_naming_no_division_takes_the_name_its_publishing_sentence_prints() -> None:
    """A real school's page on a mirror that replaced its heading's first words prints 某某:第三中学2022年…年度报告,
    then 现发布《某省某县第三中学2022年…年度报告》: the school was published as 第三中学, with no county and no name in
    the package. The report's own title, quoted in the sentence publishing it, names the same agency with its
    division: that name is the publisher's."""
    text = ("当前位置:第三中学2022年政府信息公开工作年度报告\n发布时间:2023-01-15\n"
            "根据《中华人民共和国政府信息公开条例》规定，现发布《格尔木市第三中学2022年政府信息公开工作年度报告》。\n"
            "一、总体情况\n2022年，我校依法公开政府信息。\n")
    record = parse(text)
    assert (record.agency, record.year) == ("格尔木市第三中学", 2022)
    assert _published(text).county == "格尔木市"


def test_a_superiors_report_cited_in_the_head_names_no_publisher() -> None:
    """Guard: a bureau titled by its bare name that cites its city's report of the same year keeps its own name."""
    text = ("统计局2022年政府信息公开工作年度报告\n"
            "根据《格尔木市统计局2022年政府信息公开工作年度报告》的格式要求编制。\n"
            "一、总体情况\n2022年，我局依法公开政府信息。\n")
    assert parse(text).agency == "统计局"
