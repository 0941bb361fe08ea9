"""Layouts of real report pages of kinds the earlier rounds had not read (session 42's sweep of stored web pages:
Chongqing, Fujian, Guizhou, Gansu, Hainan, Tianjin and Jiangxi street offices, towns, 乡, county and city bureaus,
health commissions, development zones and provincial offices, 2019–2025): each test's text is SYNTHETIC, written
in the page's layout with the template's own labels and invented names and numbers. What a reader of the page sees
is published; what the page does not print is null with a finding, never a guess."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse


def _published(text: str):
    """The publisher the package publishes for ``text`` (the parser's agency, resolved with the text's evidence)."""
    record = parse(text)
    return name_to_agency(record.agency, text, None)


SPLIT_TITLE = ("格尔木市人民政府甲乙街道\n办事处2023年政府信息公开工作年度报告\n一、总体情况\n"
               "2023年，我街道依法公开政府信息。\n")


def test_a_title_whose_name_breaks_before_its_office_word_is_read_whole() -> None:
    """A real street office's page prints its title over two lines, the name broken before its last word
    (某区人民政府某某街道 / 办事处2023年…年度报告): the second line alone was read, 办事处, and the report published as
    a district department named 某区办事处 (WRONG publisher). A title line whose name is an agency word alone
    (办事处, 人民政府, 委员会: the end of an agency's name) takes the line above it when that line ends as a name
    does."""
    record = parse(SPLIT_TITLE)
    assert (record.agency, record.year) == ("格尔木市人民政府甲乙街道办事处", 2023)
    agency = _published(SPLIT_TITLE)
    assert (agency.name, agency.tier, agency.kind) == ("格尔木市人民政府甲乙街道办事处", "township", "government")
    assert agency.county == "格尔木市"


def test_a_bare_word_title_below_a_banner_takes_no_name_from_it() -> None:
    """Guard: the line above is a site's banner, not the start of a name (它 ends as no agency's name does, or
    is set apart by marks): nothing is joined to it."""
    for banner in ("格尔木市人民政府网", "首页 > 信息公开 > 甲乙街道"):
        record = parse(SPLIT_TITLE.replace("格尔木市人民政府甲乙街道", banner))
        assert record.agency != banner + "办事处"
        assert not (record.agency or "").startswith(banner.split(" ")[0])


def test_a_whole_name_on_its_title_line_keeps_it() -> None:
    """Guard: a title naming its agency whole on one line is read from that line, a line above it (a region's
    name as a site heading) not joined."""
    text = SPLIT_TITLE.replace("格尔木市人民政府甲乙街道\n办事处", "格尔木市\n格尔木市甲乙街道办事处")
    assert parse(text).agency == "格尔木市甲乙街道办事处"

