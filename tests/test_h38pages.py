"""Layouts of real bureau, town, street and county report pages (session 38's sweep of stored web pages) and the
leftovers of session 37: each test's text is SYNTHETIC, written in the page's layout with the template's own labels
and invented names and numbers. What a reader of the page sees is published; what the page does not print is null
with a finding, never a guess."""

from __future__ import annotations

import pytest

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

HEAD2019 = ("某某县某某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n")
TAIL = "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n"


def _ruled(cells: list[str]) -> str:
    """Cells each on a line ending in `` |``, as a real page's text prints its table."""
    return "".join(f"{cell} |\n" for cell in cells)


@pytest.mark.parametrize("words", ["未增未减", "无增无减"])
def test_a_change_printed_as_neither_up_nor_down_is_a_cell_and_keeps_its_row(words: str) -> None:
    """A real 2020 page (one cell a line) prints 2019's 本年增/减 as ``未增未减`` (neither up nor down) in every row:
    the words began a label, each row was a number or two short and lost whole (row_lost_cells,
    label_unrecognised) — 行政许可's printed 上一年项目数量 and 处理决定数量 among them. Words for no change are a cell
    (rules/change_words.csv, as 持平 and 不变 are): by the spec only a printed 0 is zero, so the change is null with
    value_unreadable quoting the words, and the row's printed numbers are read."""
    cells = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政许可", "7", words, "31", "其他对外管理服务事项", "2", words, "5",
             "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政处罚", "4", words, "9", "行政强制", "0", "1", "1",
             "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "3", words]
    record = parse(HEAD2019 + _ruled(cells) + TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [7, None, 31]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [2, None, 5]
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [4, None, 9]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [0, 1, 1]
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [3, None]
    said = [(f.code, f.row, f.actual) for f in record.findings if f.table == "2" and f.code != "row_absent"]
    assert said == [("value_unreadable", label, words)
                    for label in ("行政许可", "其他对外管理服务事项", "行政处罚", "行政事业性收费")]


@pytest.mark.parametrize("row", ["| 行政事业性收费 | 3 | {} |", "行政事业性收费\t3\t{}", "行政事业性收费 3 {}"])
@pytest.mark.parametrize("words", ["持平", "未增未减"])
def test_a_change_in_words_as_the_rows_last_cell_keeps_the_number_before_it(row: str, words: str) -> None:
    """2019's 行政事业性收费 has two cells, 上一年项目数量 and 本年增/减: the same page printed ``0 | 未增未减`` there.
    In cells (pipes, tabs) the number before words was taken for an item's number before the next label's words
    (as ``不予公开 | 1 | 属于国家秘密``), the row was lost whole and said printed in words (row_in_words), its printed 3
    with it — for 持平 too. Words for no change are no label: 3 is read, the change null with value_unreadable."""
    text = (HEAD2019 + "第二十条第(八)项\n信息内容 | 上一年项目数量 | 本年增/减 |\n" + row.format(words) + "\n"
            + TAIL)
    record = parse(text)
    active = record.values("active")
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [3, None]
    said = [(f.code, f.row, f.actual) for f in record.findings if f.table == "2" and f.code != "row_absent"]
    assert said == [("value_unreadable", "行政事业性收费", words)]


# a page whose text names itself only 我局 (its title not in the text), and the website it is published on
UNNAMED = ("根据《条例》要求，现将我局2023年政府信息公开工作报告如下：\n一、总体情况\n"
           "2023年，我局通过格尔木市人民政府网站公开政府信息37条，通过格尔木市人民政府门户网站专栏发布信息12条。\n"
           "二、主动公开政府信息情况\n无。\n")


def _published(text: str):
    """The publisher the package publishes for ``text`` (the parser's agency, resolved with the text's evidence)."""
    record = parse(text)
    return name_to_agency(record.agency, text, None)


def test_the_website_a_report_is_published_on_names_no_publisher() -> None:
    """Real 局 and 乡 pages whose text names the report's author only 我局 or names it once, and the government's
    website it is published on (通过某县人民政府网站公开…, 可在某省人民政府网政府信息公开专栏下载): the website's
    owner was taken for the publisher — a bureau's report published as the county government's, a township's as the
    province government's (WRONG publishers). A name followed by its medium's word (网站, 门户, 网政府信息…:
    rules/agency_medium_words.csv) is no candidate: no publisher is published; the region it names still counts."""
    agency = _published(UNNAMED)
    assert agency.name is None
    assert agency.county == "格尔木市"


def test_a_publisher_named_in_the_text_is_still_read_beside_its_website() -> None:
    """The text names its bureau once and the government's website twice: the bureau is the publisher (before, the
    website's owner, named more often, was published)."""
    agency = _published(UNNAMED.replace("2023年，我局通过", "2023年，格尔木市交通运输局通过"))
    assert agency.name == "格尔木市交通运输局"


def test_two_divisions_named_alike_choose_no_region() -> None:
    """A real 局's page names its county once (on its website's name) and 和县 once, read from ``和县政府`` (and the
    county government): with 县财政局 as its only name, the tie was broken by the divisions' codes and the report
    published as a bureau of 和县, a county in another province (WRONG). Two divisions named equally often are a tie
    the text cannot decide: no region is chosen, so no publisher (as a name naming two places alike is ``_pick``'s)."""
    text = ("按照上级和县政府的部署，现将我局2023年政府信息公开工作报告如下：\n一、总体情况\n"
            "2023年，我局通过“都兰县人民政府网站”公开政府信息37条，并参照县财政局的格式公开三公经费。\n"
            "二、主动公开政府信息情况\n无。\n")
    agency = _published(text)
    assert (agency.name, agency.county) == (None, "")


BODY = ("一、总体情况\n2020年，本机关依法公开政府信息，通过格尔木市人民政府网站公开信息40条。\n"
        "二、主动公开政府信息情况\n无。\n")


@pytest.mark.parametrize(("opening", "agency"), [
    ("根据《条例》规定，现公布格尔木市交通运输局2020年政府信息公开工作年度报告。", "格尔木市交通运输局"),
    ("根据《条例》要求，现将格尔木市交通运输局2020年政府信息公开工作年度报告予以公开发布。", "格尔木市交通运输局"),
    ("根据《条例》规定，现向社会公布格尔木市郭勒木德镇2020年度政府信息公开工作年度报告。", "格尔木市郭勒木德镇"),
    ("按照格尔木市人民政府政务公开领导小组办公室《关于做好2020年政府信息公开工作年度报告的通知》要求，我镇编制了"
     "格尔木市郭勒木德镇人民政府2020年政府信息公开工作年度报告（以下简称《年报》）。", "格尔木市郭勒木德镇人民政府"),
    ("根据《条例》和《关于做好2020年度政府信息公开工作年度报告编写工作的通知》要求，现公布格尔木市交通运输局"
     "2020年政府信息公开工作年度报告。", "格尔木市交通运输局"),
])
def test_the_agency_a_sentence_naming_the_report_names_after_its_verb(opening: str, agency: str) -> None:
    """Real pages of a 民政局, a 医疗保障局, a 退役军人事务局, a 乡 and a 政府办公室 (8 of session 38's 27) print no
    title in their text, only a sentence naming the report: 现公布某县民政局2024年…年度报告。 Such a sentence named no
    agency (its verb was read with the name, session 35), so the publisher was taken from the body — for one 乡 the
    city government its text names twice (the notice it cites, the website it is published on): a WRONG publisher.
    The name after the sentence's verb (rules/report_naming_verbs.csv) is the agency when it begins with a division's
    name — the line may cite a notice's title first — and agency_from_sentence says where it was read."""
    text = opening + "\n" + BODY
    record = parse(text)
    assert (record.agency, record.year) == (agency, 2020)
    assert [(f.code, f.actual) for f in record.findings if f.code.startswith("agency")] == [
        ("agency_from_sentence", agency)]
    assert name_to_agency(record.agency, text, None).name.endswith(agency.removeprefix("格尔木市"))


@pytest.mark.parametrize("opening", [
    "根据《条例》规定，现公布区统计局2020年政府信息公开工作年度报告。",
    "根据《条例》规定，现将我局2020年政府信息公开工作报告如下：",
    "现将统计局2020年政府信息公开年度报告编制和公布工作有关情况报告如下。",
])
def test_a_sentence_naming_no_division_still_names_no_agency(opening: str) -> None:
    """After the verb no division's name (区统计局, 我局, 统计局): no agency from the sentence (guards) — and a line
    opening on the verb is such a sentence, no title: 现将统计局2020年…报告如下。 was read as a title naming the agency
    现将统计局 (a verb in a published name; fails before)."""
    record = parse(opening + "\n" + BODY)
    assert record.agency is None
    assert not any(f.code == "agency_from_sentence" for f in record.findings)


def test_a_title_is_read_before_a_sentence_naming_the_report() -> None:
    """Guard: a title printed above such a sentence is the report's (no agency_from_sentence)."""
    text = ("格尔木市交通运输局2020年政府信息公开工作年度报告\n根据《条例》规定，现公布格尔木市公路局2020年政府信息"
            "公开工作年度报告。\n" + BODY)
    record = parse(text)
    assert record.agency == "格尔木市交通运输局"
    assert not any(f.code == "agency_from_sentence" for f in record.findings)


TOWN = ("格尔木市人民政府\n\n政府信息公开\n\n来源：格尔木市人民政府办公室 时间：2024-01-31\n一、总体情况\n"
        "2023年，我镇认真贯彻落实《条例》，全面梳理我镇政府信息公开目录。现将我镇2023年度政府信息公开工作报告如下：\n"
        "二、主动公开政府信息情况\n无。\n")


@pytest.mark.parametrize("text", [
    TOWN,
    TOWN.replace("格尔木市人民政府\n\n政府信息公开\n\n来源：格尔木市人民政府办公室", "来源：镇原县人民政府办公室"),
])
def test_a_report_speaking_as_a_town_is_no_county_governments(text: str) -> None:
    """A real 镇's page (its title garbled, no agency read) under its county's banner (某县人民政府, 来源：某县人民政府
    办公室), its text speaking as 我镇 throughout, was published as the county government; another 镇's (全镇) as the
    county's government office that issued the notice it cites (a county whose name holds 镇, as 镇原县's does).
    A report speaking in one voice (rules/agency_voices.csv: 我镇 a township's, 我局 a bureau's) takes no body name
    of another kind: no publisher rather than a WRONG one."""
    assert _published(text).name is None


def test_a_town_named_in_its_own_voice_is_still_its_publisher() -> None:
    """The same page naming the town itself once (格尔木市郭勒木德镇人民政府) is published as the town (before, the
    county government, named twice by the banner and the 来源 line, outranked it)."""
    text = TOWN.replace("2023年，我镇认真", "2023年，格尔木市郭勒木德镇人民政府认真")
    assert _published(text).name == "格尔木市郭勒木德镇人民政府"


@pytest.mark.parametrize("sentence", [
    "本报告根据《条例》要求，结合我镇实际，从六个方面汇报我镇2023年政府信息公开工作。",
    "按照上级要求，我局认真总结2023年度政务公开工作，形成本报告。",
])
def test_the_year_of_the_work_the_overviews_first_sentence_reports(sentence: str) -> None:
    """Session 37's leftover, on a real 镇's page of session 38: no title, no period, the overview's first sentence
    names the work it reports — ``…等六个方面汇报我镇2023年政府信息公开工作。`` — and year_not_found was said. The
    year directly before 政府信息公开工作 (or 政务公开工作) in that sentence, outside a quoted title, is the report's
    (year_from_overview, as a year opening the sentence is)."""
    text = "一、总体情况\n" + sentence + "\n全年公开信息20条。\n二、主动公开政府信息情况\n无。\n"
    record = parse(text)
    assert record.year == 2023
    assert any(f.code == "year_from_overview" for f in record.findings)


@pytest.mark.parametrize("sentence", [
    "根据《2023年政府信息公开工作要点》，我镇认真落实政务公开工作。",
    "我镇回顾2022年政府信息公开工作，部署2023年政府信息公开工作。",
    "2019年政府信息公开工作要点印发后，我镇认真落实。",
])
def test_a_year_of_a_notice_or_of_two_works_is_no_reports_year(sentence: str) -> None:
    """Guards: a year inside a quoted title (a notice's), two different years of work, or a year of a plan (要点)
    is no report's year: year_not_found, as before."""
    record = parse("一、总体情况\n" + sentence + "\n全年公开信息20条。\n二、主动公开政府信息情况\n无。\n")
    assert record.year is None


HEAD2021 = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n")
REST2021 = ("第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n{licensing} | 9 | ||\n" + TAIL)


@pytest.mark.parametrize("label", ["规章（设区的市，自治州人民政府应提供相关数据）", "规章(本单位无规章制定权,不涉及)"])
def test_a_guidance_note_with_a_comma_after_an_items_name_is_its_row(label: str) -> None:
    """Session 37's leftover: a bracketed note listing words after an item's name closes no clause (规章（设区的市、
    自治州…）), but one holding a comma still did — its row's 3 cells were lost (label_unrecognised) though the note
    only says who fills the row in. A note is the count's own scope only when it says what the count holds
    (rules/note_scope_words.csv: 含, 包括, 其中 …); any other note is guidance and closes no clause."""
    text = HEAD2021 + f"{label} | 3 | 1 | 4 |\n行政规范性文件 | 0 | 0 | 2 |\n" + REST2021.format(licensing="行政许可")
    record = parse(text)
    active = record.values("active")
    assert [active[("rules", m)] for m in ("issued", "repealed", "in_force")] == [3, 1, 4]
    assert not any(f.code == "label_unrecognised" for f in record.findings)


@pytest.mark.parametrize("licensing", ["行政许可（含审批，备案）", "行政许可（包括审批，备案）",
                                       "行政许可(其中,承诺制3件)"])
def test_a_note_saying_what_the_count_holds_still_keeps_its_row_unread(licensing: str) -> None:
    """Guard: a note saying what the count holds besides the item (含审批，备案) is left as printed, as before:
    the row is not read as the item's (label_unrecognised)."""
    text = HEAD2021 + "规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 2 |\n" + REST2021.format(licensing=licensing)
    record = parse(text)
    assert record.values("active").get(("licensing", "decisions")) is None
    assert any(f.code == "label_unrecognised" for f in record.findings)
