"""Layouts of real county, street and bureau report pages (session 36's sweep of stored web pages) and the leftovers
of session 35: each test's text is SYNTHETIC, the benchmarks' report or one written in the page's layout with the
template's own labels and invented names and numbers. What a reader of the page sees is published; what the page
does not print is null with a finding, never a guess."""

from __future__ import annotations

import random

import pytest
from benchmarks.synthetic import random_values, render_report, table2_values

from xxgk.catalog import applicant_codes, labels
from xxgk.parser import parse

COLUMNS = applicant_codes()  # the six applicant columns, then 总计
TABLE3, TABLE4 = random_values(random.Random(36))
TABLE2 = table2_values(random.Random(36))


def _report(layout: str) -> str:
    return render_report(TABLE3, TABLE4, layout, table2=TABLE2)


def _printed(layout: str, cells: list[str]) -> str:
    """One row (its label first) as ``render_report`` prints it in ``layout``."""
    return {"pipes": "| " + " | ".join(cells) + " |", "tabs": "\t".join(cells),
            "cell_per_line": "\n".join(f"{cell} |" for cell in cells),
            "pdf_text": cells[0][4:] + " " + " ".join(cells[1:])}[layout]


def _with_row(layout: str, code: str, cells: list[str]) -> str:
    """The benchmarks' report with table 三's row ``code`` printed with ``cells`` after its label."""
    text = _report(layout)
    label = labels()["rows"][code]
    row = _printed(layout, [label, *map(str, TABLE3[code])])
    assert row in text
    return text.replace(row, _printed(layout, [label, *cells]))


def _row(text: str, code: str) -> tuple[list, list[tuple]]:
    """The row's published values and table 三's findings naming it: (code, column, as printed)."""
    record = parse(text)
    values = record.values("applications")
    label = labels()["rows"][code].split(" ")[-1]
    return ([values[(code, column)] for column in COLUMNS],
            [(f.code, f.column, f.actual) for f in record.findings if f.table == "3" and f.row and label in f.row])


@pytest.mark.parametrize("layout", ["pipes", "tabs", "cell_per_line", "pdf_text"])
def test_a_circled_number_then_the_rows_other_counts_is_its_first_cell(layout: str) -> None:
    """``| 一、本年新收… | ⑤ | 18 | 36 | … |``: a circled number and then six counts, the row's seven cells printed, the
    first holding no count. Before, ⑤ was taken for a note's mark on the label and the row, six counts for seven
    columns, was lost whole (row_lost_cells). The six counts are published in their columns; the first is null
    with value_unreadable quoting ⑤."""
    counts = [str(v) for v in TABLE3["new"]]
    values, findings = _row(_with_row(layout, "new", ["⑤", *counts[1:]]), "new")
    assert values == [None, *TABLE3["new"][1:]]
    assert [(code, actual) for code, _, actual in findings] == [("value_unreadable", "⑤")]


@pytest.mark.parametrize("layout", ["pipes", "tabs", "cell_per_line", "pdf_text"])
def test_a_circled_note_before_all_the_rows_counts_stays_a_note(layout: str) -> None:
    """Guard: ⑤ and then all seven counts is the label's note; the counts are read as printed."""
    counts = [str(v) for v in TABLE3["new"]]
    values, findings = _row(_with_row(layout, "new", ["⑤", *counts]), "new")
    assert values == list(TABLE3["new"])
    assert findings == []


def test_a_circled_number_and_fewer_counts_places_none() -> None:
    """Guard: ⑤ and five counts is still a row short (which cell is lost the page does not say): all null."""
    counts = [str(v) for v in TABLE3["new"]]
    values, findings = _row(_with_row("pipes", "new", ["⑤", *counts[2:]]), "new")
    assert values == [None] * 7
    assert [code for code, _, _ in findings] == ["row_lost_cells"]


def test_a_circled_number_then_a_table_two_rows_other_counts() -> None:
    """Table 二 likewise: ``| 规章 | ⑤ | 1 | 0 |`` is the row's three cells, the first unreadable."""
    text = _report("pipes")
    label = labels()["items"]["rules"]
    row = _printed("pipes", [label, *TABLE2["rules"]])
    assert row in text
    record = parse(text.replace(row, _printed("pipes", [label, "⑤", *TABLE2["rules"][1:]])))
    assert [v for (code, _), v in record.values("active").items() if code == "rules"] == \
        [None, *(int(v) for v in TABLE2["rules"][1:])]
    assert [(f.code, f.actual) for f in record.findings if f.table == "2"] == [("value_unreadable", "⑤")]


# table 二 one cell a line, each cell closed by a rule, an empty cell a lone rule (a real 局's page's layout)
ONE_CELL_A_LINE = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局依法公开。\n"
                   "二、主动公开政府信息情况\n"
                   "第二十条第(一)项 |\n||||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n|\n"
                   "规章 |\n0 |\n0 |\n0 |\n|\n行政规范性文件 |\n2 |\n0 |\n7 |\n|\n"
                   "第二十条第(五)项 |\n||||\n信息内容 |\n本年处理决定数量 |\n|\n行政许可 |\n|\n"
                   "第二十条第(六)项 |\n||||\n信息内容 |\n本年处理决定数量 |\n|\n行政处罚 |\n5 |\n|\n行政强制 |\n|\n|\n"
                   "第二十条第(八)项 |\n||||\n信息内容 |\n本年收费金额(单位:万元) |\n|\n行政事业性收费 |\n1.5 |\n|\n"
                   "三、收到和处理政府信息公开申请情况\n无。\n")


def test_a_label_then_lone_rules_is_a_row_printed_blank() -> None:
    """``行政许可 |`` then a lone ``|`` (its empty cell) and the next heading: the row is printed, its cell blank.
    Before, row_absent said the row was not printed; it is null with value_blank on the label's line."""
    record = parse(ONE_CELL_A_LINE)
    lines = ONE_CELL_A_LINE.split("\n")
    active = record.values("active")
    assert active[("licensing", "decisions")] is None and active[("coercion", "decisions")] is None
    assert active[("penalty", "decisions")] == 5
    found = {f.row: (f.code, lines[f.line - 1]) for f in record.findings if f.table == "2"}
    assert found == {"行政许可": ("value_blank", "行政许可 |"), "行政强制": ("value_blank", "行政强制 |")}


@pytest.mark.parametrize("printed", ["{label} |", "{label} |\n|\n|\n|\n|\n|\n|\n|"])
def test_a_table_three_row_one_cell_a_line_printed_blank(printed: str) -> None:
    """The one-cell-a-line form of table 三 (``|`` before a row, ``||`` after it): a row printing its label and no
    number, or seven lone rules, is present and blank, not absent."""
    text = _report("cell_per_line")
    label = labels()["rows"]["rejected_excessive"]
    row = _printed("cell_per_line", [label, *map(str, TABLE3["rejected_excessive"])])
    assert row in text
    values, findings = _row(text.replace(row, printed.format(label=label)), "rejected_excessive")
    assert values == [None] * 7
    assert [code for code, _, _ in findings] == ["value_blank"]


def test_a_label_then_a_lone_rule_then_its_number_is_not_blank() -> None:
    """Guard: ``行政许可 |``, ``|``, then ``5 |``: a number follows, the row is not said printed blank."""
    record = parse(ONE_CELL_A_LINE.replace("行政许可 |\n|\n", "行政许可 |\n|\n5 |\n"))
    assert not any(f.code == "value_blank" and f.row == "行政许可" for f in record.findings)


# section 二 opening on a sentence that counts decisions, then the table (a real page cut short after its first rows)
SENTENCE_THEN_TABLE = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局依法公开。\n"
                       "二、主动公开政府信息情况\n"
                       "2023年，本局主动公开行政处罚处理决定数量17件，行政许可处理决定数量260件。\n"
                       "第二十条第(一)项 | |||\n")
TABLE_ROWS = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"


@pytest.mark.parametrize("rows", [TABLE_ROWS, ""], ids=["cut_after_a_row", "cut_after_the_group_line"])
def test_a_sentence_above_table_two_is_no_row_of_it(rows: str) -> None:
    """``…行政处罚处理决定数量17件`` in section 二 above its table, whose 行政处罚 row the page does not hold: the
    sentence's 17 and 260 were published as the table's 行政处罚 and 行政许可. Where the section prints the table,
    a sentence is no row of it: both null, the sentence's numbers said unused."""
    record = parse(SENTENCE_THEN_TABLE + rows + "三、收到和处理政府信息公开申请情况\n无。\n")
    active = record.values("active")
    assert active.get(("penalty", "decisions")) is None and active.get(("licensing", "decisions")) is None
    assert any(f.code == "prose_numbers_unused" and f.table == "2" and f.line == 5 for f in record.findings)


@pytest.mark.parametrize(("title", "agency"), [("2023年度某某路街道信息公开工作报告", "某某路街道"),
                                               ("2022年度某某县交通运输局政府信息公开工作报告", "某某县交通运输局"),
                                               ("2021年某某街道政务公开工作报告", "某某街道")])
def test_a_title_naming_its_year_first_then_a_report(title: str, agency: str) -> None:
    """A real street's page titles its report 2023年度某某路街道信息公开工作报告 (the year first, then the name, then
    …工作报告 without 年度): neither agency nor year was read (agency_not_found, year_not_found), as they are from
    某局2023年度…工作报告 and 2023年度某局…年度报告."""
    record = parse(title + "\n一、总体情况\n本机关依法公开政府信息。\n二、主动公开政府信息情况\n无。\n")
    assert (record.agency, record.year) == (agency, int(title[:4]))


HEADER3 = ("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
           "| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n")


@pytest.mark.parametrize("sentence", ["", "本局全年收到申请8件，其中自然人7件，其他1件。\n"],
                         ids=["header_only", "a_sentence_above_the_header"])
def test_a_sentence_above_table_three_names_no_column(sentence: str) -> None:
    """A real 区政府办公室's page opens section 三 on a sentence naming 自然人 and 其他 above the table's header:
    the sentence's 自然人 and 其他 were read as the header naming its columns 自然人 | 其他 | 商业企业 | …, and each
    organisation's count was published under its left neighbour's name (columns_reordered; the row totals hold
    either way). A line that reads as a sentence names no column: the table is read in the template's order."""
    heading = "三、收到和处理政府信息公开申请情况\n"
    text = _report("pipes").replace(heading, heading + sentence + HEADER3)
    record = parse(text)
    values = record.values("applications")
    assert [values[("new", column)] for column in COLUMNS] == list(TABLE3["new"])
    assert not any(f.code == "columns_reordered" for f in record.findings)


def test_a_sentence_above_table_three_is_no_row_of_it() -> None:
    """A real 区政府办公室's page (cut short in table 三) counts some outcomes in a sentence above the table: each
    was read as the row it names, one number for seven cells (row_lost_cells, an error pointing at the sentence).
    Where the section prints the table, a sentence is no row of it: the rows the page does not hold are absent
    and the sentence's numbers are said unused, on its line."""
    heading = "三、收到和处理政府信息公开申请情况\n"
    sentence = "本年度予以公开2件，部分公开1件。\n"
    text = _report("pipes")
    for code in ("granted", "partially_granted"):
        row = _printed("pipes", [labels()["rows"][code], *map(str, TABLE3[code])])
        assert row + "\n" in text
        text = text.replace(row + "\n", "")
    record = parse(text.replace(heading, heading + sentence))
    line = text.split("\n").index(heading.strip()) + 2
    values = record.values("applications")
    assert [values[("granted", column)] for column in COLUMNS] == [None] * 7
    assert [values[("new", column)] for column in COLUMNS] == list(TABLE3["new"])
    table3 = [(f.code, f.line) for f in record.findings if f.table == "3"]
    assert ("row_lost_cells", line) not in table3
    assert ("prose_numbers_unused", line) in table3


def test_an_overviews_bracketed_subheading_is_no_section_when_the_page_ends_before_section_two() -> None:
    """A real 局's page, cut short before 二、主动公开政府信息情况, heads its overview's parts
    （一）、主动公开情况: that line was taken for section 二's heading, and the overview's list of what it
    published (…行政处罚27条…) was read as table 二, its 行政处罚 row published as 27 decisions. Under a
    heading numbered 一、, a heading numbered （一） is its part, not another section: nothing published."""
    text = ("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n（一）、主动公开情况\n"
            "2023年，我局主动公开政府信息37条，其中机构职能2条，行政处罚27条，抽检信息8条。\n"
            "（二）、依申请公开办理情况\n2023年，我局未收到申请。\n")
    record = parse(text)
    assert "active" not in record.section_lines
    assert all(f.value is None for f in record.facts if f.table == "active")
