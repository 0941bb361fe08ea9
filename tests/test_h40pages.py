"""Layouts of real report pages of kinds the earlier rounds had not read (session 40's sweep of stored web pages:
street offices, townships, bureaus, zones and schools, 2019–2025) and the leftovers of session 39: each test's text
is SYNTHETIC, written in the page's layout with the template's own labels and invented names and numbers. What a
reader of the page sees is published; what the page does not print is null with a finding, never a guess."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

HEAD = ("某某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n2021年，本街道依法公开政府信息。\n"
        "二、主动公开政府信息情况\n")
TAIL = "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"


def _separated(cells: list[str]) -> str:
    """Cells each on a line of their own with a lone ``|`` line after each, as a real page's text prints them."""
    return "".join(f"{cell}\n|\n" for cell in cells)


def test_a_lone_number_before_a_line_of_rules_is_the_rows_cell_not_a_page_number() -> None:
    """A real street office's page prints each cell on a line, a lone ``|`` after it, and after each row of one
    value its merged columns' rules on a line of their own (``行政许可`` / ``|`` / ``2910`` / ``|`` / ``|||``): the
    line of rules was counted a row of two values, the number between a label and it taken for a page's number,
    and 行政许可, 行政处罚 and 行政强制 were lost (row_absent). A line of empty cells only shows no value."""
    group1 = _separated(["第二十条第(一)项"]) + "||||\n" + _separated(
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]) + "|\n" + _separated(
        ["规章", "0", "0", "0"]) + "|\n" + _separated(["行政规范性文件", "3", "1", "12"]) + "|\n"

    def single(article: str, header: str, rows: list[tuple[str, str]]) -> str:
        text = _separated([article]) + "||||\n" + _separated(["信息内容", header]) + "|||\n"
        return text + "".join(_separated([label, value]) + "|||\n" for label, value in rows)

    body = (group1 + single("第二十条第(五)项", "本年处理决定数量", [("行政许可", "1846")])
            + single("第二十条第(六)项", "本年处理决定数量", [("行政处罚", "57"), ("行政强制", "4")])
            + single("第二十条第(八)项", "本年收费金额(单位:万元)", [("行政事业性收费", "0.35")]))
    active = parse(HEAD + body + TAIL).values("active")
    assert [active[(item, "decisions")] for item in ("licensing", "penalty", "coercion")] == [1846, 57, 4]
    assert str(active[("fees", "amount_10k_yuan")]) == "0.35"
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [3, 1, 12]


def test_a_page_number_between_rows_is_still_no_cell() -> None:
    """Guard: a PDF text's bare page number between two whole rows stays a page's number, never a cell."""
    body = ("第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 5\n3\n"
            "行政规范性文件 7 2 48\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 1563\n")
    active = parse(HEAD + body + TAIL).values("active")
    assert [active[("rules", m)] for m in ("issued", "repealed", "in_force")] == [1, 0, 5]
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [7, 2, 48]
    assert active[("licensing", "decisions")] == 1563


def _published(text: str):
    """The publisher the package publishes for ``text`` (the parser's agency, resolved with the text's evidence)."""
    record = parse(text)
    return name_to_agency(record.agency, text, None)


STREET_BODY = ("一、总体情况\n2023年，全街共受理政府信息公开申请1件。\n二、主动公开政府信息情况\n"
               "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n")


def test_a_street_office_named_with_jie_alone_is_the_publisher() -> None:
    """A real city's street offices title their reports 某某里街2021年… (街, not 街道): the name had no kind, and no
    publisher was published (the parser read it; the resolution dropped it). 街 after a name is a street office's
    word, as 街道 is: the publisher is the street office, a township-tier government."""
    agency = _published("甲乙里街2023年政府信息公开工作年度报告\n" + STREET_BODY)
    assert (agency.name, agency.tier, agency.kind) == ("甲乙里街", "township", "government")


def test_a_township_whose_name_holds_jie_keeps_its_own_name() -> None:
    """Guard: a 乡 whose name holds 街 (大街乡) is that 乡, never a street 大街 with a body 乡人民政府."""
    agency = _published("丙大街乡人民政府2023年政府信息公开工作年度报告\n" + STREET_BODY.replace("全街", "全乡"))
    assert (agency.name, agency.tier) == ("丙大街乡人民政府", "township")


def test_a_road_named_after_a_place_in_the_contact_address_names_no_division() -> None:
    """A real 镇's page gives its contact address as 地址：某镇铁山路37号 (a road named after a place, as many are):
    铁山, a district's short name in another province, was read from the road's name and the town's report was
    published as that district's (WRONG county and province). A division's short name right before a road's word
    (路, 大道, 街 …: rules/address_street_words.csv) is the road's name: the publisher keeps no county it does not
    print."""
    text = ("甲乙镇人民政府2020年政府信息公开工作年度报告\n如对本报告有任何疑问，请联系甲乙镇党政办公室，"
            "地址：甲乙镇解放大道37号，邮编：100000。\n一、总体情况\n2020年，我镇依法公开政府信息。\n")
    agency = _published(text)
    assert agency.name == "甲乙镇人民政府"
    assert (agency.county, agency.province) == ("", "")


def test_an_address_naming_its_divisions_before_the_road_keeps_them() -> None:
    """Guard: an address naming its province and city before the road (某省某市昆仑南路1号) still names them."""
    text = ("甲乙镇人民政府2020年政府信息公开工作年度报告\n地址：青海省格尔木市昆仑南路1号。\n"
            "一、总体情况\n2020年，我镇依法公开政府信息。\n")
    assert _published(text).county == "格尔木市"


CITING = ("根据《中华人民共和国政府信息公开条例》有关规定，编制本报告。\n一、总体情况\n"
          "2024年，甲乙署依法推进政府信息公开工作。\n一是完善工作机制。\n"
          "二是做好主动公开。公开发布《甲乙署2023年政府信息公开工作年度报告》，通过网站公开。\n"
          "二、主动公开政府信息情况\n第二十条第（一）项\n"
          "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 4\n")


def test_last_years_report_cited_in_the_overview_gives_no_year() -> None:
    """A real ministry's page (no title in its text) lists among the year's work 公开发布《本署2021年…年度报告》，通过…:
    the cited title was read as the report's, and the 2022 report was published as 2021's (WRONG year; year_conflict
    said the title was last year's). A title quoted in a sentence of the report's body, after its overview's heading,
    is a document it cites: its year is never the report's (the overview's is: year_from_overview); its agency, the
    report's own last year, is kept as a sentence's (agency_from_sentence) where no title names one."""
    record = parse(CITING)
    assert record.year == 2024
    assert record.agency == "甲乙署"
    assert any(f.code == "agency_from_sentence" for f in record.findings)
    assert not any(f.code == "year_conflict" for f in record.findings)


def test_a_title_line_above_the_overview_still_wins_over_a_cited_report() -> None:
    """Guard: a page printing its own title keeps it (agency and year); the cited report changes nothing."""
    record = parse("甲乙署2024年政府信息公开工作年度报告\n" + CITING)
    assert (record.agency, record.year) == ("甲乙署", 2024)


def test_the_report_quoted_whole_in_its_opening_sentence_is_still_its_title() -> None:
    """Guard: 现公布《某局2024年…年度报告》 before the overview names the report itself (session 35's rule)."""
    record = parse("根据《条例》规定，现公布《甲乙局2024年政府信息公开工作年度报告》。\n" + CITING.split("\n", 1)[1])
    assert (record.agency, record.year) == ("甲乙局", 2024)


def test_a_section_heading_naming_the_reports_year_is_found() -> None:
    """A real 乡's 2019 page heads its overview 一、2019年政府信息公开工作的总体情况 (the year, then the template's
    words with 的): the heading was not found and section 一 was said absent (a false section_absent against the
    乡). The report's year may stand before a heading's words, as 政府信息公开工作 may."""
    text = ("甲乙乡人民政府2019年度政府信息公开年度工作报告\n一、2019年政府信息公开工作的总体情况\n"
            "我乡依法公开政府信息。\n二、2019年主动公开政府信息情况\n第二十条第(一)项\n"
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n"
            "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n")
    record = parse(text)
    absent = " ".join(f.message for f in record.findings if f.code == "section_absent")
    assert "总体情况" not in absent and "主动公开政府信息情况" not in absent
    assert "我乡依法公开政府信息" in record.sections["overview"]
    assert [record.values("active")[("rules", m)] for m in ("made", "published", "total_public")] == [0, 0, 0]


def test_a_street_named_like_a_district_is_no_street_of_that_district() -> None:
    """A real 街道's page names itself 河西街道 (its text names its district only in a cited notice's issuer): 河西
    was read as the short name of a district of another province, and the street was published there (WRONG county
    and province, no name). A short name right before a bare 街道/镇/乡 is the township's own name."""
    text = ("河西街道2019年度政府信息公开工作报告\n一、总体情况\n2019年，河西街道依法公开政府信息。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n"
            "规章 | 0 | 0 | 0\n")
    agency = _published(text)
    assert agency.name == "河西街道"
    assert (agency.county, agency.province) == ("", "")


def test_a_districts_own_government_keeps_its_district() -> None:
    """Guard: the short name before a government's body (河西区人民政府, 某区某某街道) still names its division."""
    assert _published("河西区人民政府2019年政府信息公开工作年度报告\n一、总体情况\n本区依法公开。\n").county == "河西区"


def test_a_statistics_period_with_a_comma_after_qi_gives_the_year() -> None:
    """A real 街道's page (its title garbled, its overview opening on no year) says 报告统计数据时限自2019年1月1日起,
    至2019年12月31日止: the comma after 起 hid the period, and no year was published (year_not_found)."""
    record = parse("本报告由概述等部分组成。报告统计数据时限自2019年1月1日起，至2019年12月31日止。\n一、情况概述\n"
                   "街道依法公开政府信息。\n")
    assert (record.period_start, record.period_end, record.year) == ("2019-01-01", "2019-12-31", 2019)


def test_a_sentence_naming_the_report_names_a_township_by_its_own_name() -> None:
    """The same real 街道's page has no title: its opening sentence names it (现将河西街道2019年度…报告如下), and with
    河西 read as its own name the sentence named no agency (a name after the verb had to begin with a division's), so
    the district office whose notice the sentence cites was published (WRONG). A township or street named by its own
    name (three characters at least, no voice word: 本镇, 我乡) is the agency such a sentence names."""
    text = ("根据《条例》和甲乙区人民政府办公室《关于做好年度报告工作的通知》要求，"
            "现将河西街道2019年度政府信息公开工作报告如下。\n一、总体情况\n2019年，河西街道依法公开政府信息。\n")
    record = parse(text)
    assert record.agency == "河西街道"
    assert any(f.code == "agency_from_sentence" for f in record.findings)
    assert parse("根据《条例》，现将本镇2019年度政府信息公开工作报告如下。\n一、总体情况\n本镇依法公开。\n"
                 ).agency is None


def test_a_traditional_chinese_page_is_resolved_from_its_simplified_text(tmp_path) -> None:
    """A real street office's page on a Traditional-Chinese mirror (the session-39 leftover: a mirror page with no
    publisher): the parser reads the text in Simplified Chinese, but the publisher was resolved from the text as
    printed, where 格爾木市 of its contact address names no division — the street was published with no county.
    The resolver reads the body's evidence in Simplified Chinese too."""
    from xxgk.package.collect import collect

    (tmp_path / "page.txt").write_text(
        "甲乙街道辦事處2021年政府信息公開工作年度報告\n如對本報告有疑問，請聯繫甲乙街道黨政辦公室（地址：青海省格爾木市"
        "昆侖路1號）。\n一、總體情況\n2021年，本街道依法公開政府信息。\n二、主動公開政府信息情況\n第二十條第（一）項\n"
        "信息內容 | 本年製發件數 | 本年廢止件數 | 現行有效件數\n規章 | 0 | 0 | 0\n", encoding="utf-8")
    identity = collect(tmp_path)[0].identity
    assert (identity.name, identity.county, identity.province) == ("格尔木市甲乙街道办事处", "格尔木市", "青海省")
