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


HEAD2019 = ("某某县某某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n")
TAIL = "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n"
# a 2019 table 二 as a converter that drops every empty cell writes it: each row padded at its end to the table's
# four columns with bare rules (规章's three blank cells, the 8 and 93 of a row whose blank cell was dropped)
PADDED = ("第二十条第(一)项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | |||\n"
          "规范性文件 | 1 | 1 | 2 |\n第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
          "行政许可 | 8 | 93 | |\n其他对外管理服务事项 | 3 | 0 | 5 |\n第二十条第(八)项 | |||\n"
          "信息内容 | 上一年项目数量 | 本年增/减 | |\n行政事业性收费 | 0 | 0 | |\n")


def test_a_row_padded_at_its_end_by_a_converter_dropping_empty_cells_places_none() -> None:
    """Real pages' tables written by a converter that drops a row's empty cells and pads the row at its end with
    bare rules (第二十条第(一)项 | |||, 规章 | |||; on another real page a row of seven columns whose second cell is
    merged from the row above prints its third cell second): a row printing two numbers of three and one padding
    rule, 行政许可 | 8 | 93 | |, was read 上一年项目数量 8, 本年增/减 93, 处理决定数量 blank — but the dropped blank
    cell may be any of the three (a blank 本年增/减 is the commonest): a WRONG cell by chance. Such a row says not
    where its numbers stood: null with row_lost_cells, as a row padded with two rules or more already was. Rows
    printing every cell, and a row of two columns padded once (行政事业性收费), are read as printed."""
    record = parse(HEAD2019 + PADDED + TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [None] * 3
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [3, 0, 5]
    assert [active[("normative_documents", m)] for m in ("made", "published", "total_public")] == [1, 1, 2]
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [0, 0]
    assert [(f.code, f.row) for f in record.findings if f.code == "row_lost_cells"] == [("row_lost_cells", "行政许可")]


def test_a_table_keeping_its_empty_cells_reads_an_empty_last_cell_as_printed() -> None:
    """Guard: a table whose writer keeps its empty cells (行政许可 | 8 |  | 93 |, an empty cell between two) prints
    an empty last cell as one: 行政处罚 | 2 | 1 | | is 2, 1 and a blank (value_blank), as before."""
    kept = PADDED.replace("行政许可 | 8 | 93 | |", "行政许可 | 8 |  | 93 |").replace(
        "其他对外管理服务事项 | 3 | 0 | 5 |", "其他对外管理服务事项 | 2 | 1 | |")
    record = parse(HEAD2019 + kept + TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [8, None, 93]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [2, 1, None]


def _lines(cells: list[str]) -> str:
    """Each cell on a line ending in `` |``, an empty cell a lone ``|``, a row's end or merged columns ``||``."""
    return "".join(f"{cell} |\n" if cell not in ("", "|") else ("|\n" if cell == "" else "||\n") for cell in cells)


def test_an_empty_cell_before_a_rows_merged_rules_is_a_cell() -> None:
    """A real 2019 page prints one cell a line, an empty cell a lone ``|``, and ends a row of three cells with
    ``||`` (its header 信息内容 | 上一年项目数量 | 本年增/减 | ||): its 行政事业性收费 row printed 0, a lone ``|`` for
    the blank 本年增/减, then ``||``. The lone ``|`` before the rules was taken for a rule, the row one cell short,
    lost whole (row_lost_cells) with its printed 0. The rules end the row: the lone ``|`` before them is a cell."""
    cells = ["第二十条第(八)项", "|", "信息内容", "上一年项目数量", "本年增/减", "|", "行政事业性收费", "0", "", "|",
             "第二十条第(九)项", "|", "信息内容", "采购项目数量", "采购总金额", "|", "政府集中采购", "2", "9"]
    record = parse(HEAD2019 + _lines(cells) + TAIL)
    active = record.values("active")
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [0, None]
    assert [(f.code, f.row, f.column) for f in record.findings if f.table == "2" and f.code != "row_absent"] == [
        ("value_blank", "行政事业性收费", "本年增/减")]


HOSPITAL = ("本报告根据《中华人民共和国政府信息公开条例》要求，由格尔木市人民医院编制。如有疑问，请与格尔木市人民"
            "医院办公室联系。\n一、主动公开情况\n一年来，在市政务公开领导小组和市卫健委的正确领导下，我院认真贯彻落实《条例》，"
            "2022年在格尔木市人民政府信息公开网上发布信息18条。\n")


def test_the_maker_a_report_names_is_its_publisher_not_the_body_leading_it() -> None:
    """A real 医院's page (no title in its text) says 由某市人民医院编制 and 在…市卫健委的正确领导下: the hospital's
    name is no …局/…委 the opening's names end in, so the body that leads it — 市卫健委 — was published as the
    publisher (WRONG). The maker a report names (由…编制) is a candidate as strong as a label; a name before 的正确领导,
    指导下 … (rules/agency_superior_words.csv) is the author's superior, no candidate."""
    assert _published(HOSPITAL).name == "格尔木市人民医院"


def test_the_body_leading_the_author_is_no_publisher_alone() -> None:
    """Without its maker's sentence the page names no publisher: not the superior (before, 市卫健委's commission)."""
    text = HOSPITAL.replace("由格尔木市人民医院编制", "由本院编制")
    text = text.replace("请与格尔木市人民医院办公室", "请与本院办公室")
    assert _published(text).name is None


def test_the_issuer_of_a_notice_the_report_cites_is_no_publisher() -> None:
    """A real 交通运输局's page (no title in its text) names itself once and, first, the notice it follows — 《某州人民
    政府办公室关于编制公布2020年政府信息公开工作年度报告有关事项的通知》: a tie broken by the first named published
    the prefecture's government office (WRONG). A name inside a cited document's quoted title is its issuer's."""
    text = ("一、总体公开情况说明\n2020年，根据《海西州人民政府办公室关于编制公布2020年政府信息公开工作年度报告有关"
            "事项的通知》要求，格尔木市交通运输局认真贯彻落实《条例》，公开各类信息共105条。\n"
            "二、主动公开政府信息情况\n无。\n")
    assert _published(text).name == "格尔木市交通运输局"


ZONE_BODY = "\n一、总体情况\n2023年，西宁高新区（城东区）依法公开政府信息。\n二、主动公开政府信息情况\n无。\n"


@pytest.mark.parametrize("title", ["高新区(城东区)2023年政府信息公开工作年度报告",
                                   "西宁高新区（城东区）2023年政府信息公开工作年度报告"])
def test_a_zone_whose_bracket_names_its_district_is_its_citys_zone(title: str) -> None:
    """Session 38's leftover: a zone printed with the district it shares one government with in brackets (高新区
    (某区)) and no place before it was named after that district's short name — 城东高新区 here, a name no one
    uses, an agency apart from the same zone printed with its city. The bracketed district is the zone's second
    name: the zone is its city's (西宁高新区), one agency and one id however it is printed."""
    text = title + ZONE_BODY
    agency = _published(text)
    assert (agency.name, agency.city) == ("西宁高新区", "西宁市")
    assert agency.agency_id == _published("西宁高新区2023年政府信息公开工作年度报告" + ZONE_BODY).agency_id


@pytest.mark.parametrize(("title", "agency"), [
    ("自治区西江办2023年政府信息公开工作年度报告", "广西壮族自治区西江办"),
    ("自治区外事办2023年政府信息公开工作年度报告", "广西壮族自治区外事办"),
    ("格尔木市金融办2023年政府信息公开工作年度报告", "格尔木市金融办"),
])
def test_an_office_named_by_its_short_name_is_a_department(title: str, agency: str) -> None:
    """Session 38's leftover: an office named by its short name (自治区某某办) had no kind, so a title naming only
    自治区 before it named no publisher; with its province printed it was a publisher of no kind. …办 is an office, a
    department (rules/agency_suffixes.csv; 政府办 is the government's office), named after the report's region."""
    text = title + "\n一、总体情况\n2023年，本机关通过广西壮族自治区人民政府网站公开政府信息。\n" \
        "二、主动公开政府信息情况\n无。\n"
    published = _published(text)
    assert (published.name, published.kind) == (agency, "department")


@pytest.mark.parametrize("titles", [
    "格尔木市2023年政府信息公开工作年度报告\n格尔木市民政局2023年政府信息公开工作年度报告",
    "格尔木市2023年政府信息公开工作年度报告\n格尔木市民政局政府信息公开工作年度报告",
])
def test_a_title_naming_only_its_division_yields_to_the_pages_title_naming_its_agency(titles: str) -> None:
    """Session 38's leftover: a page printing two titles — the site's heading naming only the district
    (某区2023年政府信息公开工作年度报告) and the report's own naming its bureau — was published as the district
    government's (WRONG). A title naming a division alone yields to another of the page's head naming an agency of
    that division, of the same year or none."""
    record = parse(titles + "\n" + BODY)
    assert (record.agency, record.year) == ("格尔木市民政局", 2023)


def test_a_title_naming_its_division_alone_is_still_the_governments() -> None:
    """Guard: a district's own report (no other title) names the district; a bureau of another year's title does
    not replace it."""
    assert parse("格尔木市2023年政府信息公开工作年度报告\n" + BODY).agency == "格尔木市"
    text = "格尔木市2023年政府信息公开工作年度报告\n格尔木市民政局2022年政府信息公开工作年度报告\n" + BODY
    assert parse(text).agency == "格尔木市"


def test_the_period_said_before_the_word_for_counting_it_gives_the_year() -> None:
    """A real 园区's page (no title, its overview opening on 本报告相关数据为我单位自2023年1月1日至2023年12月31日统计
    的…数据) had no year (year_not_found): the period was read only after 统计/期限 (统计期限自…). A whole period said
    right before 统计 is the statistics period too, and its year the report's."""
    text = ("一、总体情况\n本报告相关数据为我单位自2023年1月1日至2023年12月31日统计的政务信息公开数据。本年度门户网"
            "发布政务公开信息37条。\n二、主动公开政府信息情况\n无。\n")
    record = parse(text)
    assert (record.year, record.period_start, record.period_end) == (2023, "2023-01-01", "2023-12-31")


HEAD2021 = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n"
            "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和) | 申请人情况 |\n"
            "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n")


def test_a_row_broken_over_lines_at_its_empty_cells_is_one_row() -> None:
    """A real page's table 三 writes each empty cell as a line break and a rule: 一、本年新收… | 31 |, four lone
    ``|`` lines, then | 31 | (自然人 31, five blanks, 总计 31); a row whose first cell is blank opens on its label
    alone. Read line by line each row was one number short of seven, lost whole (row_lost_cells) with its printed
    numbers. Joined, each blank is an empty cell in its place (value_blank), the numbers read where they stand."""
    rows = ("一、本年新收政府信息公开申请数量 | 31 |\n|\n|\n|\n|\n| 31 |\n"
            "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n| 0 |\n"
            "三、本年度办理结果 | (一)予以公开 | 12 |\n|\n|\n|\n|\n| 12 |\n")
    record = parse(HEAD2021 + rows + "四、政府信息公开行政复议、行政诉讼情况\n无。\n")
    applications = record.values("applications")
    assert [applications[("new", c)] for c in ("natural_person", "commercial", "other_org", "total")] == [
        31, None, None, 31]
    assert [applications[("carried_over", c)] for c in ("natural_person", "total")] == [None, 0]
    assert [applications[("granted", c)] for c in ("natural_person", "research", "total")] == [12, None, 12]
    assert not any(f.code == "row_lost_cells" for f in record.findings)


NOTED = ("第二十条第(一)项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
         "规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0 |\n"
         "规范性文件(行政机关制定发布的决定、公告、通告、意见、通知) | 4 | 4 | 21 |\n"
         "其他主动公开文件(含以本单位名义正式签发的、除规范性文件以外的主动公开文件) | 150 | 70 | 230 |\n"
         "第二十条第(五)项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
         "行政许可 | 6 | 3 | 81 |\n"
         "其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政奖励、行政处罚、行政强制、行政检查) "
         "| 110 | 0 | 140 |\n第二十条第(六)项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
         "行政处罚 | 80 | 0 | 20 |\n行政强制 | 3 | 3 | 7 |\n")


def test_an_item_named_only_in_another_rows_note_is_not_that_rows_item() -> None:
    """A real 2020 page prints the template's notes in its labels: 其他主动公开文件（含…除规范性文件以外的主动公开文件）
    and 其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、…行政处罚、行政强制…）. Each row was read as the
    item its note names last — a second 规范性文件 row, a second 行政强制 row — and the real rows of those items voided
    as printed twice (row_conflict: 3 + 3 cells lost), 其他对外管理服务事项's own cells lost too. An item named inside a
    note names nothing; a note opening on 指 defines its item (rules/note_definition_words.csv): guidance, whatever
    its 含 lists."""
    record = parse(HEAD2019 + NOTED + TAIL)
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("made", "published", "total_public")] == [4, 4, 21]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [3, 3, 7]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [
        110, 0, 140]
    assert not any(f.code == "row_conflict" for f in record.findings)


def test_a_street_office_named_by_its_own_column_outranks_the_sites_banner() -> None:
    """A real 街道 page (no title) under its district's banner (某区人民政府 on a line of its own) names its author
    only as its website's owner, 在某区人民政府某街道办事处信息公开网站公开…: a name before its medium's word was no
    candidate, so the banner's district government was published (WRONG). A township office's own column hosts its
    own reports only: it stays a candidate, and a government whose township office the text names is that office's
    host, not the author."""
    text = ("格尔木市人民政府\n一、总体情况\n2025年，昆仑路街道党工委、办事处按照市委、市政府的统一部署，扎实推进政务"
            "公开工作。\n(一)主动公开情况\n及时在格尔木市人民政府昆仑路街道办事处信息公开网站公开机构信息、财政预决算。\n"
            "二、主动公开政府信息情况\n无。\n")
    assert _published(text).name.endswith("昆仑路街道办事处")


def test_a_governments_website_still_names_no_publisher_of_a_bureau() -> None:
    """Guard (session 38): a county government's website names no publisher of a bureau speaking as 我局."""
    text = ("根据《条例》要求，现将我局2023年政府信息公开工作报告如下：\n一、总体情况\n2023年，我局通过格尔木市人民政府"
            "网站公开政府信息37条。\n二、主动公开政府信息情况\n无。\n")
    assert _published(text).name is None
