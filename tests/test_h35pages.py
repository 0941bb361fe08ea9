"""Layouts of real county, street and bureau report pages (session 35's sweep of stored web pages): each test's text
is SYNTHETIC, written in the page's layout with the template's own labels and invented names and numbers. What a
reader of the page sees is published; what the page does not print is null with a finding, never a guess."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

BODY = ("一、总体情况\n本机关依法公开政府信息。\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 2 | 0 | 7 |\n"
        "三、收到和处理政府信息公开申请情况\n无。\n")


@pytest.mark.parametrize("opening", [
    "根据《中华人民共和国政府信息公开条例》规定,现公布区某某局2023年政府信息公开工作年度报告。本报告由六部分组成。",
    "根据《条例》规定,特向社会公布2023年度本镇政府信息公开年度报告。",
    "按照《条例》,区某某局结合工作实际,认真编制了2023年政府信息公开工作年度报告。",
    "根据《条例》和《某县人民政府办公室关于做好2023年政府信息公开工作年度报告编制公布工作的通知》要求编制本报告。",
    "本镇依法公开。现将我镇2023年度政府信息公开工作报告如下:",
])
def test_a_sentence_naming_the_report_names_no_agency(opening: str) -> None:
    """A page whose title is not in the text (a stored page's excerpt, a reader mode) opens on a sentence naming the
    report: the words before the year were published as its agency (现公布区统计局, 本级, 本镇, 认真编制了, 做好,
    现将我镇 on six real pages). A title phrase inside a sentence (after a comma or a full stop on its line, or
    running on into more words) is no title: no agency is published, and agency_not_found says so."""
    record = parse(opening + "\n" + BODY)
    assert record.agency is None
    assert any(f.code == "agency_not_found" for f in record.findings)
    assert record.year == 2023


def test_a_title_over_two_lines_is_read_before_a_sentence_naming_the_report() -> None:
    """A real 乡 page prints its name and its title on two lines; a sentence of its overview (现将2021年度…报告如下)
    was read first, and its agency published as 现将."""
    text = ("某某乡人民政府\n2023年政府信息公开工作年度报告\n" + BODY.replace(
        "本机关依法公开政府信息。", "本乡依法公开政府信息。现将2023年度政务信息公开工作报告如下。"))
    record = parse(text)
    assert (record.agency, record.year) == ("某某乡人民政府", 2023)


def test_a_title_quoted_whole_in_a_sentence_is_the_reports() -> None:
    """现公布《某县某局2023年…年度报告》: the report's own title in quotes names its agency (as before)."""
    record = parse("根据《条例》要求,现公布《某某县教育局2023年政府信息公开工作年度报告》。\n" + BODY)
    assert (record.agency, record.year) == ("某某县教育局", 2023)


# an overview whose sub-headings name sections (（一）主动公开情况, （二）依申请公开情况, （三）…行政复议…),
# then the report's own numbered headings (a street's and a 乡's page, both cut before section 四 by the excerpt)
OVERVIEW_SUBHEADINGS = ("某某街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                        "全年公开信息12条。\n（二）依申请公开情况\n全年未收到申请。\n"
                        "（三）因政府信息公开申请行政复议、提起行政诉讼的情况\n没有。\n"
                        "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
                        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
                        "行政规范性文件 | 3 | 1 | 9 |\n"
                        "第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 6 | ||\n")


@pytest.mark.parametrize("after", ["", "三、收到和处理政府信息公开申请情况\n申请人情况\n"],
                         ids=["cut_in_table_2", "cut_in_table_3"])
def test_an_overviews_subheadings_are_no_sections_before_the_numbered_ones(after: str) -> None:
    """Two real pages lost table 二 whole (9 and 10 cells): fewer numbered headings than the overview's sub-headings
    (（一）主动公开情况 / （二）依申请公开情况 / （三）…行政复议…) were found, and those sub-headings were taken for
    sections 二 to 四 in their place, table 二 then lying in 'section 三'. A heading found numbered (二、…) stays;
    a heading numbered otherwise fills only a section between them."""
    record = parse(OVERVIEW_SUBHEADINGS + after)
    active = {(f.keys, f.value) for f in record.facts if f.table == "active"}
    assert {(("rules", "issued"), 0), (("normative_documents", "issued"), 3), (("normative_documents", "repealed"), 1),
            (("normative_documents", "in_force"), 9), (("licensing", "decisions"), 6)} <= active


def test_a_pages_pinyin_after_its_characters_is_no_part_of_a_label() -> None:
    """A real 镇's page prints the reading of some characters after them (規(guī)章, 行政事業(yè)性收費, a site's
    pronunciation aid): the rows 规章, 行政规范性文件 and 行政事业性收费 were unrecognised and their 7 cells lost."""
    text = ("某某镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本镇依法公开。\n二、主动公开政府信息情况\n"
            "第二十条第(一)项 | |||\n信息内容 | 本年制发(fā)件数(shù) | 本年废止件数(shù) | 现(xiàn)行有效件数(shù) |\n"
            "规(guī)章 | 1 | 0 | 2 |\n行政规(guī)范性文件 | 3 | 1 | 8 |\n第二十条第(五)项 | |||\n"
            "信息内容 | 本年处理决定数(shù)量 | ||\n行政许可 | 4 | ||\n第二十条第(八)项 | |||\n"
            "信息内容 | 本年收费金额(单位:万元) | ||\n行政事业(yè)性收费 | 5 |\n"
            "三、收到和处理政府信息公开申请情况\n无。\n")
    record = parse(text)
    active = {(f.keys, f.value) for f in record.facts if f.table == "active"}
    assert {(("rules", "issued"), 1), (("rules", "repealed"), 0), (("rules", "in_force"), 2),
            (("normative_documents", "issued"), 3), (("normative_documents", "repealed"), 1),
            (("normative_documents", "in_force"), 8), (("licensing", "decisions"), 4)} <= active
    assert any(keys[0] == "fees" and value in (5, "5") for keys, value in active)
    assert not any(f.code == "label_unrecognised" for f in record.findings)


def test_headings_naming_the_agency_kind_are_the_sections() -> None:
    """A real 街道's page heads its sections 二、行政机关主动公开政府信息情况 and
    三、行政机关收到和处理政府信息公开申请情况 (as the template's own list of sections words them): neither was found,
    and tables 二 and 三 were lost whole (29 cells)."""
    text = ("某某街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n本街道依法公开。\n"
            "二、行政机关主动公开政府信息情况\n第二十条第(一)项 | |||\n"
            "信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |\n"
            "规范性文件 | 2 | 2 | 5 |\n三、行政机关收到和处理政府信息公开申请情况\n无。\n"
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n无。\n")
    record = parse(text)
    assert {"active", "applications", "review_litigation"} <= set(record.section_lines)
    active = {(f.keys, f.value) for f in record.facts if f.table == "active"}
    assert {(("normative_documents", "made"), 2), (("normative_documents", "total_public"), 5)} <= active


def test_a_row_printing_fewer_cells_than_columns_before_its_merged_rules_places_none() -> None:
    """A real 局's page prints its table one cell a line, each cell closed by ``|``, a row's merged columns as one
    line of bare ``|`` after it: a row of two cells then seven rules (一、本年新收… | 4 | 4 | |||||||) holds two
    numbers that span the row's seven columns somehow. They were published as 自然人 4 and 商业企业 4 (the rules
    read as five empty cells): the second is the row's total under another column's name. Which columns the two
    span the page does not say: the row is null with row_lost_cells."""
    cells = ["一、本年新收政府信息公开申请数量 |", "4 |", "4 |", "|||||||",
             "二、上年结转政府信息公开申请数量 |", "0 |", "0 |", "0 |", "0 |", "0 |", "0 |", "0 |", "||"]
    text = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局依法公开。\n二、主动公开政府信息情况\n无。\n"
            "三、收到和处理政府信息公开申请情况\n"
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n"
            "申请人情况 |\n||||||||\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n商业企业 |\n科研机构 |\n"
            "社会公益组织 |\n法律服务机构 |\n其他 |\n|||||\n" + "\n".join(cells)
            + "\n四、政府信息公开行政复议、行政诉讼情况\n无。\n")
    record = parse(text)
    new = [f.value for f in record.facts if f.table == "applications" and f.keys[0] == "new"]
    carried = [f.value for f in record.facts if f.table == "applications" and f.keys[0] == "carried_over"]
    assert new == [None] * 7
    assert carried == [0] * 7
    assert any(f.code == "row_lost_cells" for f in record.findings)
