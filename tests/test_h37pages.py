"""Layouts of real county, town, bureau, hospital and school report pages (session 37's sweep of stored web pages)
and the leftovers of session 36: each test's text is SYNTHETIC, written in the page's layout with the template's own
labels and invented names and numbers. What a reader of the page sees is published; what the page does not print is
null with a finding, never a guess."""

from __future__ import annotations

import random
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from benchmarks.synthetic import random_values, render_report, table2_values

from xxgk.catalog import applicant_codes, item_measures
from xxgk.parser import parse
from xxgk.readers import read_path


def _loose(cells: list[str]) -> str:
    """Cells as a web page's text prints a table whose every cell is a paragraph: each on a line, a blank line after."""
    return "\n\n".join(cells) + "\n\n"


HEAD = ("某某区某某局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，本局依法公开政府信息。\n\n"
        "二、主动公开政府信息情况\n\n")
TAIL = "三、收到和处理政府信息公开申请情况\n\n本年度未收到申请。\n"
# a transition year's table 二: the documents' group under 2019's columns, the rest under 2021's
MIXED = _loose(["第二十条第(一)项", "信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量",
                "规章", "1", "2", "3", "规范性文件", "4", "5", "6",
                "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "7",
                "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "8", "行政强制", "9",
                "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "1.5"])


def test_a_row_under_the_other_formats_header_whose_label_runs_over_the_header() -> None:
    """A real 教育局's page prints 第二十条第（一）项's group under 2019's 本年新制作数量 | 本年新公开数量 |
    对外公开总数量 and the rest under 2021's 本年处理决定数量, each cell a paragraph: 规章 0 0 0 was published as
    2021's 本年制发件数, 本年废止件数 and 现行有效件数 (本年新公开数量 is no 本年废止件数: WRONG names), while
    规范性文件 below it was already said row_other_format. The first row's label runs from the group's line over the
    header's lines (no number between them), and the header was looked for above that label's first line, not above
    the row's numbers. Both rows are now null with row_other_format; the 2021 rows are read as printed."""
    record = parse(HEAD + MIXED + TAIL)
    active = record.values("active")
    assert [active[("rules", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    assert (active[("licensing", "decisions")], active[("penalty", "decisions")],
            active[("coercion", "decisions")]) == (7, 8, 9)
    assert {f.row for f in record.findings if f.code == "row_other_format"} == {"规章", "行政规范性文件"}


def _ruled(cells: list[str]) -> str:
    """Cells each on a line with a lone rule after it, as another web page's text prints its table."""
    return "\n|\n".join(cells) + "\n|\n"


HEAD2019 = ("某某县某某局2019年政府信息公开工作年度报告\n一、总体情况\n2019年，本局依法公开政府信息。\n"
            "二、主动公开政府信息情况\n")
GROUPS2019 = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
              "行政许可", "40", "{change}", "37", "其他对外管理服务事项", "0", "0", "0",
              "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
              "行政处罚", "6", "2", "8", "行政强制", "0", "0", "0"]


def test_a_signed_change_alone_on_its_line_is_a_cell_and_the_number_after_it_too() -> None:
    """A real 教育局's 2019 page prints each cell on a line with a lone ``|`` after it, 行政许可's change as
    ``-3``: the row's last number after it was taken for a page's number (a lone number after a line of values
    only, then a label) and dropped, and the row, two numbers for three columns, was lost (row_lost_cells). A line
    holding one number is a cell of the run it stands in, as a lone number is: the row is read as printed."""
    record = parse(HEAD2019 + _ruled([c.replace("{change}", "-3") for c in GROUPS2019]) + TAIL)
    active = record.values("active")
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [40, -3, 37]
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [6, 2, 8]
    assert not any(f.code == "row_lost_cells" for f in record.findings)


def test_a_page_number_after_a_row_of_values_alone_is_still_no_cell() -> None:
    """Guard: ``规章``, then ``1 0 5`` on a line (a row's values), then a PDF page's number ``3``, then the next row:
    the 3 is the page's, as before."""
    text = (HEAD2019 + "第二十条第(一)项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章\n1 0 5\n3\n"
            "规范性文件 7 2 48\n" + TAIL)
    active = parse(text).values("active")
    assert [active[("rules", m)] for m in ("made", "published", "total_public")] == [1, 0, 5]
    assert [active[("normative_documents", m)] for m in ("made", "published", "total_public")] == [7, 2, 48]


def test_a_label_whose_bracketed_note_holds_a_list_is_its_items() -> None:
    """A real 镇's 2020 page prints the template's notes after the labels, ``规章（设区的市、自治州人民政府应提供相关
    数据）| 0 | 0 | 0``: the 、 inside the note was taken for the end of a clause after 规章 (a sentence's list, whose
    numbers are another item's), the label unrecognised and the row's 3 cells lost. A bracketed note closes no
    clause: the row is 规章's."""
    text = (HEAD2019 + "第二十条第(一)项 | |||\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"
            "规章（设区的市、自治州人民政府应提供相关数据）| 3 | 1 | 4 |\n规范性文件 | 5 | 2 | 9 |\n" + TAIL)
    record = parse(text)
    active = record.values("active")
    assert [active[("rules", m)] for m in ("made", "published", "total_public")] == [3, 1, 4]
    assert not any(f.code == "label_unrecognised" for f in record.findings)


def test_a_sentences_list_after_an_items_name_is_still_no_row_of_it() -> None:
    """Guard: table 二 told as prose, ``全年作出行政许可（含变更）决定、12件行政处罚决定``: the 、 outside the
    brackets still ends the clause; 12 is not 行政许可's."""
    text = HEAD2019 + "全年作出行政许可（含变更）决定、12件行政处罚决定。\n" + TAIL
    assert parse(text).values("active").get(("licensing", "decisions")) is None


@pytest.mark.parametrize(("title", "agency"), [
    ("某某镇(zhèn)2020年政府信息公开工作年度报告", "某某镇"),
    ("某某县交(jiāo)通运输局2020年政府信息公开工作年度报告", "某某县交通运输局")])
def test_a_titles_pinyin_after_its_characters_is_no_part_of_the_name(title: str, agency: str) -> None:
    """A real 镇's page prints the reading of some characters after them in its title too (某某镇(zhèn)2020年…, a
    site's pronunciation aid; its table's labels were read without them since session 35): no agency was read, and a
    reading inside a name cut it there (某某县交(jiāo)通运输局 published as 通运输局, a WRONG name)."""
    record = parse(title + "\n一、总体情况\n本镇依法公开。\n二、主动公开政府信息情况\n无。\n")
    assert (record.agency, record.year) == (agency, 2020)


# the benchmarks' report with none of its six headings printed: the tables one after another (a real 局's page)
COLUMNS = applicant_codes()
TABLE3, TABLE4 = random_values(random.Random(37))
TABLE2 = table2_values(random.Random(37))
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


def _without_headings(layout: str, keep: tuple[str, ...] = ()) -> str:
    lines = render_report(TABLE3, TABLE4, layout, table2=TABLE2).split("\n")
    assert sum(line.strip() in HEADINGS for line in lines) >= 4
    return "\n".join(line for line in lines if line.strip() not in HEADINGS or line.strip() in keep)


def _table2(record) -> dict:
    return {key: value for key, value in record.values("active").items() if value is not None}


def _printed_table2() -> dict:
    return {(item, measure): Decimal(value) if "." in value else int(value)
            for item, values in TABLE2.items() for measure, value in zip(item_measures("2021")[item], values,
                                                                          strict=True)}


@pytest.mark.parametrize("layout", ["pipes", "tabs", "cell_per_line"])
def test_table_two_is_read_by_its_own_group_lines_where_no_heading_is_printed(layout: str) -> None:
    """A real 局's page prints no section heading at all (一、 to 六、 missing), its tables one after another: table
    二's numbers (about 17 on that page) were all lost, section 二 absent. Where section 二's heading is not printed,
    the section begins at table 二's own first line (第二十条第（一）项): its rows are read as printed, and the missing
    heading is said (section_heading_absent)."""
    record = parse(_without_headings(layout))
    assert _table2(record) == _printed_table2()
    assert any(f.code == "section_heading_absent" and "主动公开政府信息情况" in f.message for f in record.findings)


@pytest.mark.parametrize("layout", ["pipes", "tabs", "cell_per_line"])
def test_table_three_after_a_headless_table_two_is_read_as_table_three(layout: str) -> None:
    """Guard: table 三 printed right after it, its heading missing too: none of its numbers is read into table 二
    (whose items its labels never name) — and table 三 is read by its own first line, as table 二 is."""
    record = parse(_without_headings(layout))
    values = record.values("applications")
    assert [values[("new", column)] for column in COLUMNS] == list(TABLE3["new"])
    assert [values[("total_processed", column)] for column in COLUMNS] == list(TABLE3["total_processed"])
    assert _table2(record) == _printed_table2()


def test_a_missing_heading_among_printed_ones_begins_at_its_tables_first_line() -> None:
    """Where the others are printed and section 二's alone is missing, its table is read from its own first line too,
    and the missing heading is said. (Session 37 read this only where no heading was printed at all, for fear of a
    section a browser never shows, its heading gone and its table kept; what a browser never shows — a <template>, a
    closed <dialog>, hidden or display:none content — is not in the text the parser gets (tests/test_h36hostile.py),
    and real pages lost their table 二 or 三 to the rule: session 59.)"""
    record = parse(_without_headings("pipes", keep=HEADINGS[:1] + HEADINGS[2:]))
    assert _table2(record) == _printed_table2()
    assert any(f.code == "section_heading_absent" and "主动公开政府信息情况" in f.message for f in record.findings)
    values = record.values("applications")
    assert [values[("new", column)] for column in COLUMNS] == list(TABLE3["new"])


def test_a_sentence_citing_the_article_is_no_table() -> None:
    """Guard: an overview's sentence citing 第二十条第（一）项 (not at its line's start, no table after it) begins
    no section 二: nothing is published from the overview's numbers."""
    text = ("某某县某某局2023年政府信息公开工作年度报告\n本局依照条例第二十条第（一）项公开规章2件、行政许可36件。\n")
    record = parse(text)
    assert "active" not in record.section_lines
    assert not _table2(record)


@pytest.mark.parametrize("space", [" ", "\u3000", "\xa0"])
def test_a_row_whose_cells_are_lines_of_spaces_is_printed_blank(space: str) -> None:
    """One cell a paragraph, a row's label and then its three cells as lines of white space only (a real 2020 page's
    其他对外管理服务事项 and 行政强制): row_absent said the report printed no such row. It prints the row with its
    cells empty: by the spec's value rules a blank cell is missing and said so — value_blank on the label's line,
    as a row printed ``| 行政许可 | |`` is; the values are null either way."""
    cells = [c.replace("{change}", "0") for c in GROUPS2019]
    for label in ("其他对外管理服务事项", "行政强制"):
        at = cells.index(label)
        cells[at + 1:at + 4] = [space] * 3
    text = HEAD2019.replace("\n", "\n\n") + _loose(cells) + TAIL
    record = parse(text)
    active = record.values("active")
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [None] * 3
    assert [active[("penalty", m)] for m in ("previous_year", "change", "decisions")] == [6, 2, 8]
    lines = text.split("\n")
    found = {f.row: (f.code, lines[f.line - 1] if f.line else None) for f in record.findings
             if f.table == "2" and f.row in ("其他对外管理服务事项", "行政强制")}
    assert found == {label: ("value_blank", label) for label in ("其他对外管理服务事项", "行政强制")}


def test_a_label_then_spaces_then_its_numbers_is_not_blank() -> None:
    """Guard: the label, a line of spaces, then its numbers: not said blank (the numbers are printed there)."""
    cells = [c.replace("{change}", "0") for c in GROUPS2019]
    at = cells.index("行政强制")
    cells[at + 1:at + 1] = [" "]
    record = parse(HEAD2019.replace("\n", "\n\n") + _loose(cells) + TAIL)
    assert not any(f.code == "value_blank" and f.row == "行政强制" for f in record.findings)


def test_the_year_opening_the_overviews_first_part() -> None:
    """A real 医院's page has no title in its text; its overview opens on its first part's heading and then the year:
    ``（一）主动公开政府信息情况。2020年，我院…`` — year_not_found, though the year opens the first sentence. It is
    read from there (year_from_overview), as from an overview that opens on the year."""
    text = ("一、总体情况\n（一）主动公开政府信息情况。2020年，本院按照要求公开政府信息12条。\n"
            "（二）依申请公开办理情况。本院未收到申请。\n二、主动公开政府信息情况\n无。\n")
    record = parse(text)
    assert record.year == 2020
    assert any(f.code == "year_from_overview" for f in record.findings)


def test_a_traditional_pages_file_word_names_the_normative_documents_row() -> None:
    """A real Traditional-Chinese page (a site's converter) prints table 二's row 規範性檔案 (Taiwan's 檔案 for 文件):
    the row was unrecognised and its 3 cells lost. Read as 规范性文件, as 資訊 is read as 信息."""
    text = ("某某縣某某局2020年政府信息公開工作年度報告\n一、總體情況\n本局依法公開。\n二、主動公開政府信息情況\n"
            "第二十條第(一)項 | |||\n信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 |\n"
            "規章 | 0 | 0 | 0 |\n規範性檔案 | 2 | 2 | 19 |\n三、收到和處理政府信息公開申請情況\n無。\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text(text, encoding="utf-8")
        record = parse(read_path(path).parse_text)
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("made", "published", "total_public")] == [2, 2, 19]


def test_a_sentence_opening_on_the_article_is_no_table() -> None:
    """Guard: an overview's line opening on 第二十条第（一）项 as a sentence (no table after it), section 二's heading
    missing: no section 二 begins there, and the sentence's counts are not published as table 二's."""
    text = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n"
            "第二十条第（一）项规定的文件，本局本年制发规章2件；全年作出行政许可36件、行政处罚5件。\n"
            "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n")
    record = parse(text)
    assert "active" not in record.section_lines
    assert not _table2(record)


@pytest.mark.parametrize("numbers", [("1.", "2."), ("1、", "2、")])
def test_an_overviews_arabic_numbered_part_is_no_section(numbers: tuple[str, str]) -> None:
    """A real 教育局's overview heads its parts 1.主动公开情况 (as session 36's page headed them （一）、): under
    headings numbered 一、, such a line is a part of its section, never section 二 — cut short before 二、, the
    overview's list of what it published (…行政处罚27条…) was read as table 二, 行政处罚 published as 27 decisions."""
    first, second = numbers
    text = ("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n" + first + "主动公开情况\n"
            "2023年，我局主动公开政府信息37条，其中机构职能2条，行政处罚27条，抽检信息8条。\n"
            + second + "依申请公开办理情况\n2023年，我局未收到申请。\n")
    record = parse(text)
    assert "active" not in record.section_lines
    assert not _table2(record)
