"""Layouts of real report pages of kinds the earlier rounds had not read (session 42's sweep of stored web pages:
Chongqing, Fujian, Guizhou, Gansu, Hainan, Tianjin and Jiangxi street offices, towns, 乡, county and city bureaus,
health commissions, development zones and provincial offices, 2019–2025): each test's text is SYNTHETIC, written
in the page's layout with the template's own labels and invented names and numbers. What a reader of the page sees
is published; what the page does not print is null with a finding, never a guess."""

from __future__ import annotations

from xxgk.agency.evidence import body_names
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


MADE_BY = ("本报告根据《中华人民共和国政府信息公开条例》要求，由{maker}编制并依法公开，所列数据的统计时间为"
           "2024年1月1日至2024年12月31日。\n一、总体情况\n2024年，{voice}坚持依法公开政府信息，主动公开各类信息57条。\n")


def test_a_report_compiled_by_a_bureaus_office_is_the_bureaus() -> None:
    """A real provincial bureau's page prints no title and says the report was made 由某省某局办公室编制: it was
    published as the bureau's 办公室 (WRONG publisher: one of the bureau's offices). A department's own 办公室
    (rules/agency_compiling_offices.csv: 局办公室, 委员会办公室 …) compiles its department's report."""
    agency = _published(MADE_BY.format(maker="格尔木市地震局办公室", voice="格尔木市地震局"))
    assert (agency.name, agency.kind, agency.county) == ("格尔木市地震局", "department", "格尔木市")
    agency = _published(MADE_BY.format(maker="格尔木市卫生健康委员会办公室", voice="我委"))
    assert agency.name == "格尔木市卫生健康委员会"


def test_a_report_compiled_by_a_government_office_or_a_zones_office_keeps_it() -> None:
    """Guards: a government's 办公室 and a zone's 管理委员会办公室 publish as themselves, as before."""
    agency = _published(MADE_BY.format(maker="格尔木市人民政府办公室", voice="市政府办公室"))
    assert (agency.name, agency.kind) == ("格尔木市人民政府办公室", "government")
    zone = MADE_BY.format(maker="格尔木市甲乙开发区管理委员会办公室", voice="管委会")
    assert [name for name, how in body_names(zone) if how == "maker"] == ["格尔木市甲乙开发区管理委员会办公室"]


VOICED_BY_YEAR = ("一、总体情况\n2022年，甲乙街道按照条例要求，认真履行政府信息公开职责，现结合我街道实际报告如下：\n"
                  "（一）主动公开情况\n2022年度，我街道主动公开政府信息30余条，充分发挥格尔木市人民政府网站第一平台的作用。\n"
                  "（二）依申请公开情况\n2022年度甲乙街道未接到政府信息公开申请。\n")


def test_a_street_named_after_the_year_opening_its_clauses_is_the_publisher() -> None:
    """A real street office's page prints no title; two clauses open with its name, one after a comma
    (2022年，某某街道按照…), one glued to the year (2022年度某某街道未接到…): the second was read as the run
    年度某某街道, no name, and the street published with its district only. A year before a clause's first words
    (年 or 年度 after its digits) is no part of the name."""
    agency = _published(VOICED_BY_YEAR)
    assert (agency.name, agency.tier, agency.kind, agency.county) == (
        "格尔木市甲乙街道办事处", "township", "government", "格尔木市")


def test_a_street_named_once_after_a_year_is_still_no_publisher() -> None:
    """Guard: one clause naming the street (the other opening 我街道) is not enough, as before."""
    text = VOICED_BY_YEAR.replace("2022年，甲乙街道按照", "2022年，我街道按照")
    assert _published(text).name is None


PARAGRAPHS = ("一、总体情况\n一是加强组织领导。我局认真查摆2022年度我局政务公开情况，补充调整专栏。\n"
              "二是积极做好主动公开。2023年，我局主动公开文件63件。\n"
              "三是规范答复依申请公开。2023年，我局受理政府信息依申请公开事项39件。\n")


def test_a_year_opening_the_overviews_later_paragraphs_is_the_reports() -> None:
    """A real city bureau's page prints no title and no period; its overview's first paragraph names only last year
    (认真查摆2022年度…, inside a sentence), its next two open 二是…。2023年，我局… and 三是…。2023年，我局…: no year
    was read (year_not_found). The year that opens the overview's paragraphs after their sub-headings (一是…。,
    （二）…) is the report's when every such opening names the same one (year_from_overview, the paragraphs said)."""
    record = parse(PARAGRAPHS)
    assert record.year == 2023
    said = [f for f in record.findings if f.code == "year_from_overview"]
    assert said and "各段开头" in said[0].message and said[0].line == 3


def test_paragraphs_opening_on_two_years_or_since_a_year_give_none() -> None:
    """Guards: paragraphs opening on two different years name no one year; one paragraph alone names none (it may
    tell of another year's event); 2022年以来 (since last year) names none; a year inside a paragraph's sentence
    names none — year_not_found, as before."""
    for text in (PARAGRAPHS.replace("三是规范答复依申请公开。2023年", "三是规范答复依申请公开。2022年"),
                 PARAGRAPHS.replace("三是规范答复依申请公开。2023年，我局", "三是规范答复依申请公开。我局"),
                 PARAGRAPHS.replace("2023年，", "2022年以来，"),
                 PARAGRAPHS.replace("。2023年，我局", "。我局2023年")):
        record = parse(text)
        assert record.year is None and any(f.code == "year_not_found" for f in record.findings), text


def test_every_rule_tables_row_has_its_headers_columns() -> None:
    """A rule table (``rules/*.csv``) a reviewer reads: a row with a comma unquoted inside its note (``the same (we,
    the township)``) split the note, the rest of it a column no header names (agency_voices.csv, and a doubled
    comma in agency_medium_words.csv). Every row has exactly its header's columns."""
    import csv
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "build" / "xxgk" / "rules"
    bad = []
    for path in sorted(rules.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            bad += [(path.name, line) for line, row in enumerate(csv.DictReader(handle), start=2)
                    if None in row or None in row.values()]
    assert bad == []


COUNTY_CONTACT = ("根据《条例》要求编制本报告，所列数据统计期限为2025年1月1日至2025年12月31日。如对本报告有任何疑问，"
                  "请与格尔木市数字化发展局联系。\n一、总体情况\n2025年格尔木市坚持以人民为中心，全市政府信息公开工作"
                  "水平得到提升。\n")


def test_a_name_printed_only_as_the_contact_is_no_publisher() -> None:
    """A real county's report prints no title; its text speaks of the county (2025年某县坚持…, 全县…) and names one
    agency, as the one to contact (请与某县数字化发展局联系): it was published as that bureau's report (WRONG
    publisher, a department for a county). A name printed only in a contact clause, in a text that speaks as no
    agency's kind (rules/agency_voices.csv), names no publisher: the region is kept, the name null."""
    agency = _published(COUNTY_CONTACT)
    assert agency.name is None and agency.county == "格尔木市"


def test_a_contact_named_elsewhere_or_fitting_the_reports_voice_is_kept() -> None:
    """Guards: a bureau's report speaking as 我局 whose name is printed only in the contact clause keeps it; so does a
    name the text prints outside the contact clause too, and a government's office printed only as the contact
    (it answers for its government's report), as before."""
    voiced = COUNTY_CONTACT.replace("格尔木市坚持", "我局坚持")
    assert _published(voiced).name == "格尔木市数字化发展局"
    named = COUNTY_CONTACT.replace("2025年格尔木市坚持", "2025年格尔木市数字化发展局坚持")
    assert _published(named).name == "格尔木市数字化发展局"
    office = COUNTY_CONTACT.replace("格尔木市数字化发展局", "格尔木市人民政府办公室")
    assert _published(office).name == "格尔木市人民政府办公室"
