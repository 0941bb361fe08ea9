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
    """A real street office's page prints no title: its overview opens 某区某某街道高度重视…, and two more clauses
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


def _padded(cells: list[str]) -> str:
    """Cells one a line, each followed by an empty line, an empty cell a line of one space (a page's &nbsp; cell)."""
    return "".join(f"{cell}\n\n" for cell in cells)


PADDED_HEAD = ("甲乙工业园区管委会2019年度政府信息公开工作年度报告\n\n一、总体情况\n\n"
               "2019年管委会依法公开政务信息。\n\n二、主动公开政府信息情况\n\n \n\n")
PADDED_GROUPS = ["第二十条第(一)项", "信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量",
                 "规章", "    0", "  0", " 0", "规范性文件", "    1", "  0", " 3",
                 "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
                 "行政许可", " 15", " ", " ", "其他对外管理服务事项", " 27", " ", " ",
                 "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
                 "行政处罚", " ", " ", " ", "行政强制", " 2", " ", " 4"]
PADDED_TAIL = "三、收到和处理政府信息公开申请情况\n\n本年度未收到政府信息公开申请。\n"


def test_an_empty_cell_printed_as_a_line_of_spaces_keeps_the_rows_numbers() -> None:
    """Real pages of a 青海 county's centre and a 云南 industrial park print every cell on a line followed by an
    empty line, an empty cell as a line of one space (its &nbsp;), itself followed by an empty line: 行政许可 /
    148 / (space) / (space) lost its printed 148 (row_lost_cells: the spaces were read as empty lines, one more
    than the cells). A line of spaces is the empty cell there, the empty lines the separators."""
    active = parse(PADDED_HEAD + _padded(PADDED_GROUPS) + PADDED_TAIL).values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [15, None, None]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [
        27, None, None]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [2, None, 4]
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [None, None, None]
    assert [active[("normative_documents", m)] for m in ("made", "published", "total_public")] == [1, 0, 3]


def test_a_line_of_spaces_in_a_region_that_does_not_alternate_makes_no_cell() -> None:
    """Guard: where an empty line follows another inside the table (an empty cell printed as an empty line), the
    lines of spaces are no cells: the rows are read as before, a row short of cells lost, never shifted."""
    text = _padded(PADDED_GROUPS).replace(" 15\n\n \n\n \n\n", " 15\n\n\n\n \n\n")
    record = parse(PADDED_HEAD + text + PADDED_TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [None, None, None]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [None, None, None]
    lost = {f.row for f in record.findings if f.code == "row_lost_cells"}
    assert {"行政许可", "行政强制"} <= lost


CENTRE = ("{name}2020年政府信息公开工作年度报告\n一、总体情况\n2020年，{voice}依法公开政府信息，"
          "受理青海省“12345”政务服务热线98件。\n")


def test_a_bare_name_whose_body_only_mentions_its_province_is_no_provincial_agency() -> None:
    """A real county's 政务服务中心 (its county never printed) speaks of its province's hotline once: the report
    was published as that province's centre, a provincial agency (WRONG tier and name). A name printing no region,
    placed in a province the body only mentions, keeps that province and no name: which agency it is, the text
    does not say."""
    agency = _published(CENTRE.format(name="政务服务中心", voice="中心"))
    assert (agency.name, agency.tier, agency.province) == (None, None, "青海省")


def test_a_provinces_department_or_a_text_speaking_as_the_province_keeps_it() -> None:
    """Guards: a 厅 (a province's word) and a text speaking as 我省 keep the provincial agency, as before."""
    assert _published(CENTRE.format(name="自然资源厅", voice="我厅")).name == "青海省自然资源厅"
    agency = _published(CENTRE.format(name="政务服务中心", voice="我省政务服务中心"))
    assert (agency.name, agency.tier) == ("青海省政务服务中心", "province")


def test_a_change_printed_as_both_signs_costs_its_cell_only() -> None:
    """A real 2020 page prints one cell a line, each closed by ``|``, and its 行政许可 本年增/减 as ``+(0) -(0)``: the
    marks began a row of their own, 行政许可 had one number for three cells and was lost (row_lost_cells), its printed
    43 and 66 with it. Digits among marks with no Chinese character are a cell of the row (unreadable, null), the
    row's other numbers in their columns."""
    rows = ["第二十条第(五)项", "|||", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "",
            "行政许可", "7", "+(0) -(0)", "9", "", "其他对外管理服务事项", "4", "0", "5", "",
            "第二十条第(六)项", "|||", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "",
            "行政处罚", "12", "0", "3", "", "行政强制", "0", "0", "0", ""]
    body = "".join("|||\n" if cell == "|||" else "|\n" if not cell else f"{cell} |\n" for cell in rows)
    text = ("某某局2020年政府信息公开工作年度报告\n一、总体情况\n本局依法公开政府信息。\n二、主动公开政府信息情况\n"
            + body + "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n")
    record = parse(text)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [7, None, 9]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [4, 0, 5]
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [12, 0, 3]
    assert any(f.code == "value_unreadable" and f.row == "行政许可" for f in record.findings)


def test_a_street_office_of_a_new_area_is_a_township() -> None:
    """A real street office of a state-level new area (西咸新区某某街道办事处) was published at the area's own tier,
    a county's: a street office is a township-tier government wherever its area stands. The area's own office keeps
    the area's tier."""
    street = _published("西咸新区甲乙街道办事处2024年度政府信息公开工作年度报告\n一、总体情况\n"
                        "2024年，我街道依法公开政府信息。\n")
    assert (street.name, street.tier, street.kind) == ("西咸新区甲乙街道办事处", "township", "government")
    area = _published("西咸新区管理委员会2024年度政府信息公开工作年度报告\n一、总体情况\n2024年，依法公开。\n")
    assert area.tier == "county"
