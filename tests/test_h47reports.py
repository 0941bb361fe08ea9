"""Session 47 (helper P): layouts that still lost cells, written here from the 2021 template (not from any report's
text) with the values of session 46's table (``tests/test_h46reports.py``: every identity holds, neighbours told
apart), so that a number read into another row or column shows. Each case states what a reader of the report sees
and asserts that the parser publishes it, or the cells missing with a finding.

- Table 三 printed column by column (every row's label, then all of 自然人's numbers, then 商业企业's, …): the whole
  table was missing (``row_extra_cells``, ``row_absent``); ``table3_by_columns.py``.
"""

from __future__ import annotations

import copy

import pytest

from xxgk.catalog import applicant_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_docx, as_html
from .test_h46reports import (
    GROUPS,
    LABELS,
    PDF_HEADER,
    ROWS,
    T4,
    TABLE2,
    TITLE,
    _codes,
    _table3,
    _table4,
    table3_tabs,
    table4_tabs,
)

HEADER = PDF_HEADER.split("\n")  # table 三's header as a text layer prints it, a cell a line
NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


OVERVIEW = "2024年，我局认真贯彻落实《条例》。"


def body(table3: str, overview: str = OVERVIEW, signature: tuple[str, ...] = ()) -> list[str]:
    """A report's six sections, table 三 as ``table3`` (text), then the ``signature``'s lines."""
    return ["一、总体情况", overview, "二、主动公开政府信息情况", TABLE2, "三、收到和处理政府信息公开申请情况", table3,
            "四、政府信息公开行政复议、行政诉讼情况", table4_tabs(), "五、存在的主要问题及改进情况", "无。",
            "六、其他需要报告的事项", "无。", *signature]


def report(table3: str) -> str:
    return "\n".join([TITLE, *body(table3)])


def label_lines(wrap: bool = False) -> list[str]:
    """Table 三's label column as a PDF's text layer prints it: a line a label, a group's heading on its own line;
    ``wrap``: a long label over two lines, cut after its tenth character (the second line may hold the words that
    name the row: ``5.要求行政机关确认`` / ``或重新出具已获取信息``)."""
    out = []
    for code, label in LABELS.items():
        out += ["三、本年度办理结果"] if code == "granted" else []
        out += [GROUPS[code]] if code in GROUPS else []
        out += [label[:10], label[10:]] if wrap and len(label) > 14 else [label]
    return out


def columns(rows: dict[str, list] = ROWS) -> list[list[str]]:
    """The table's seven columns in the template's order, each its 25 cells as printed."""
    return [[str(rows[code][j]) for code in row_codes("2021")] for j in range(7)]


def by_columns(cols: list[list[str]], how: str, header: list[str] = HEADER, labels: list[str] | None = None) -> str:
    """Table 三 printed column by column below its labels: ``lines`` a column a line, ``blocks`` a column a block
    after an empty line, ``named`` each column's name above its numbers, ``cells`` every number on a line of its own."""
    body = {
        "lines": lambda: [" ".join(col) for col in cols],
        "blocks": lambda: [x for col in cols for x in ["", *col]],
        "named": lambda: [x for name, col in zip(NAMES, cols, strict=True) for x in [name, *col]],
        "cells": lambda: [x for col in cols for x in col],
    }[how]()
    return "\n".join((header[:2] if how == "named" else header) + (labels or label_lines()) + body)


def _traced(record, text: str) -> list:
    """Table 三's published numbers whose line does not print them alone (each number traces to its own line)."""
    printed = text.split("\n")
    return [
        (f.keys, f.value, f.line)
        for f in record.facts
        if f.table == "applications" and f.value is not None and str(f.value) not in printed[f.line - 1].split()
    ]


@pytest.mark.parametrize("how", ["lines", "blocks", "named", "cells"])
@pytest.mark.parametrize("wrap", [False, True])
def test_table_3_printed_column_by_column_is_read_in_its_rows(how, wrap):
    """A PDF's text layer (or a page copied from a browser) printing every label, then the numbers one column after
    another: a column a line, a column a block, each under its name, or a number a line with nothing between the
    columns. Before: the labels ran into one and the 175 numbers were one row, the whole table missing
    (row_extra_cells, row_absent for every other row). Now every cell is read, each tracing to the line that prints
    it, with table_by_columns."""
    text = report(by_columns(columns(), how, labels=label_lines(wrap)))
    record = parse(text)
    assert _table3(record) == ROWS
    assert [f.code for f in record.findings if f.table == "3"] == ["table_by_columns"]
    assert _traced(record, text) == []


def test_every_number_on_a_line_of_its_own_row_after_row_is_read_in_its_rows():
    """The same layout printing the numbers row after row (a row's seven, then the next row's), nothing between:
    only the count parts them, and only this reading holds every identity."""
    numbers = [str(ROWS[code][j]) for code in row_codes("2021") for j in range(7)]
    record = parse(report("\n".join(HEADER + label_lines() + numbers)))
    assert _table3(record) == ROWS
    assert "table_by_columns" in _codes(record)


def test_table_3_of_the_2019_template_printed_column_by_column_is_read():
    """2019's table, its single （六）其他处理 row right above （七）总计 (no item below it): a row, not a heading."""
    codes = row_codes("2019")
    rows = {code: ROWS.get(code, [0] * 7) for code in codes}
    rows["other"] = [1, 0, 0, 1, 0, 0, 2]
    rows["total_processed"] = [sum(rows[c][j] for c in codes[2:21]) for j in range(7)]
    rows["new"] = [rows["total_processed"][j] + rows["carried_forward"][j] - rows["carried_over"][j] for j in range(7)]
    labels = []
    for code in codes:
        labels += ["三、本年度办理结果"] if code == "granted" else []
        labels += [GROUPS[code]] if code in GROUPS else []
        labels.append(LABELS.get(code, "（六）其他处理"))
    cols = [[str(rows[code][j]) for code in codes] for j in range(7)]
    record = parse(report(by_columns(cols, "lines", labels=labels)))
    assert record.formats["applications"] == "2019"
    got = record.values("applications")
    assert {code: [got.get((code, a)) for a in applicant_codes()] for code in codes} == rows


def test_columns_named_over_their_numbers_are_read_under_their_names_in_any_order():
    """Each column under its name, 自然人's printed after the organisations' and 总计 first: the name above the
    numbers says whose they are (no header to read out of order)."""
    order = [6, 1, 2, 3, 4, 5, 0]
    text = "\n".join(HEADER[:2] + label_lines() + [x for j in order for x in [NAMES[j], *columns()[j]]])
    record = parse(report(text))
    assert _table3(record) == ROWS


def test_a_column_a_number_short_is_not_read():
    """A blank cell lost in extraction (商业企业's column holds 24 numbers for 25 rows): which row lost it is not
    known, so no number is published, whether the columns are parted or not; the findings stay."""
    cols = columns()
    del cols[1][5]
    for how in ("lines", "cells", "blocks"):
        record = parse(report(by_columns(cols, how)))
        assert all(v is None for row in _table3(record).values() for v in row), how
        assert "row_extra_cells" in _codes(record) and "table_by_columns" not in _codes(record)


def test_a_label_the_template_does_not_know_leaves_the_table_missing():
    """A label lost or mangled in the block (24 labels for columns of 25): the rows cannot be told."""
    labels = [line for line in label_lines() if line != LABELS["rejected_duplicate"]]
    record = parse(report(by_columns(columns(), "lines", labels=labels)))
    assert all(v is None for row in _table3(record).values() for v in row)


def test_a_column_sum_the_report_got_wrong_is_read_as_printed_and_said():
    """The layout parts the columns and every row's 总计 holds, but the report's own 自然人 column does not add up
    (予以公开 one more than its 总计 counts): the numbers are read as printed and the sum is the report's
    identity_broken, as in any table."""
    rows = copy.deepcopy(ROWS)
    rows["granted"][0] += 1
    rows["granted"][6] += 1
    record = parse(report(by_columns(columns(rows), "lines")))
    assert _table3(record) == rows
    assert "identity_broken" in _codes(record)


def test_a_number_a_line_that_breaks_the_identities_is_not_read():
    """Every number on a line of its own and an identity broken: by columns or by rows cannot be told; nothing is
    published."""
    rows = copy.deepcopy(ROWS)
    rows["granted"][0] += 1
    rows["granted"][6] += 1
    record = parse(report(by_columns(columns(rows), "cells")))
    assert all(v is None for row in _table3(record).values() for v in row)


def test_columns_whose_order_nothing_tells_and_whose_totals_fail_are_not_read():
    """总计's column printed first with no header naming the columns: read in the template's order every row total
    fails, so no number is published (never 总计's under 自然人's name)."""
    cols = columns()
    record = parse(report(by_columns([cols[6], *cols[:6]], "lines", header=[])))
    assert all(v is None for row in _table3(record).values() for v in row)


# ---- a title whose year is lost before its 年 ----

BODY = "\n".join(body("本年度未收到政府信息公开申请。", "{overview}", ("样例县民政局", "2025年1月20日")))


@pytest.mark.parametrize(
    ("head", "year"),
    [
        ("样例县民政局\n年政府信息公开工作年度报告", None),  # the year line lost above the title's words
        ("样例县民政局年政府信息公开工作年度报告", None),  # lost inside the line
        ("样例县民政局 年政府信息公开工作年度报告", None),
        ("样例县民政局年度政府信息公开工作报告", None),
        ("样例县\n民政局\n年政府信息公开工作年度报告", None),  # a region alone above the name
        ("样例县民政局\n年政府信息公开工作年度报告\n（2024年度）", 2024),  # the year printed after the title
        ("样例县民政局\n年政府信息公开工作年度报告\n2024", 2024),
    ],
)
def test_a_title_whose_year_is_lost_before_its_nian_names_its_publisher(head, year):
    """A title whose year was lost (in a picture, or a font the text layer dropped), what is left opening on 年:
    the publisher is the name printed with it or alone on the line above, the year the report's own (printed after
    the title, else none: year_not_found). Before: 年政府 (or 样例县民政局年) was published as the publisher, or the
    name was refused (agency_unreadable)."""
    record = parse(head + "\n" + BODY.format(overview="我局认真贯彻落实《条例》。"))
    assert (record.agency, record.year) == ("样例县民政局", year)
    assert ("year_not_found" in _codes(record)) == (year is None)
    assert "agency_unreadable" not in _codes(record)


def test_a_title_line_opening_on_nian_alone_names_no_publisher_but_the_signature_does():
    """The same line with no name above it: no publisher of the title's (never 年政府); the year is the overview's
    and the publisher the one the report signs above its date."""
    from xxgk.agency.resolve import name_to_agency

    text = "年政府信息公开工作年度报告\n" + BODY.format(overview="2024年，我局认真贯彻落实《条例》。")
    record = parse(text)
    assert (record.agency, record.year) == (None, 2024)
    assert name_to_agency(record.agency, text, {}).name == "样例县民政局"


def test_a_year_parted_from_its_nian_by_a_stray_bracket_is_never_part_of_the_publisher():
    """A damaged title, 样例县民政局2024(年…: the year is no part of the name (before: 样例县民政局2024(年 was
    published; once 年 was no name's, 样例县民政局2024()."""
    record = parse(
        "样例县民政局2024(年政府信息公开工作年度报告\n" + BODY.format(overview="2024年，我局认真贯彻落实《条例》。")
    )
    assert record.agency in (None, "样例县民政局")


@pytest.mark.parametrize("where", ["labels", "numbers"])
def test_table_3_printed_column_by_column_over_a_page_break_is_read(where):
    """The same layout over a page break: the page's number among the labels, or the page's number and the table's
    header printed again among the numbers. Before (session 47's first version): the number became part of a label,
    or the header's words a line no column holds, and the whole table was missing."""
    labels, numbers = label_lines(), [x for col in columns() for x in col]
    if where == "labels":
        labels = [*labels[:12], "- 3 -", *labels[12:]]
    else:
        numbers = [*numbers[:80], "- 3 -", *HEADER, *numbers[80:]]
    text = report("\n".join(HEADER + labels + numbers))
    record = parse(text)
    assert _table3(record) == ROWS
    assert _traced(record, text) == []


def test_table_3_turned_each_column_a_line_after_its_name_is_read():
    """Table 三 turned (the applicants as rows): every row's label, then a line a column, its name first
    (``自然人 84 0 5 …``, ``法人或其他组织`` alone above the five). Before: each such line was a row no label names
    (label_unrecognised) and the table was missing."""
    lines = [f"{name} {' '.join(col)}" for name, col in zip(NAMES, columns(), strict=True)]
    lines.insert(1, "法人或其他组织")
    text = report("\n".join(HEADER[:2] + label_lines() + lines))
    record = parse(text)
    assert _table3(record) == ROWS
    assert _traced(record, text) == []


# ---- a column's heading over two lines ----

GROUP_WRAPPED = {  # 法人或其他组织 wrapped in its narrow cell: 法人或其他 / 组织
    "cells": [
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况",
        "\t自然人\t法人或其他\t\t\t\t\t总计",
        "\t\t组织\t\t\t\t\t",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ],
    "pdf_text": ["申请人情况", "自然人 法人或其他 总计", "组织", "商业企业 科研机构 社会公益组织 法律服务机构 其他"],
}


@pytest.mark.parametrize("form", ["text", "html", "docx"])
@pytest.mark.parametrize("header", sorted(GROUP_WRAPPED))
def test_the_organisations_group_name_wrapped_over_two_lines_names_no_column(header, form):
    """The header's 法人或其他组织 wrapped in its cell (法人或其他 / 组织): its 其他 is the group's name, not the column
    其他. Before: it was read as the first of the five organisation columns, and 商业企业's numbers were published
    as 其他's, 科研机构's as 商业企业's … (every row total holds either way: only columns_reordered, info, said so)."""
    rows = table3_tabs_rows()
    if header == "pdf_text":
        rows = [line.replace("\t", " ") for line in rows]
    text = report("\n".join(GROUP_WRAPPED[header] + rows))
    data, suffix = {"text": (text, ".txt"), "html": (as_html(text), ".html"), "docx": (as_docx(text), ".docx")}[form]
    record = parse(read_bytes(data.encode("utf-8") if isinstance(data, str) else data, suffix).text)
    assert _table3(record) == ROWS
    assert "columns_reordered" not in _codes(record)


def table3_tabs_rows() -> list[str]:
    """Table 三's rows in tabs, a group's name in the cell before its first item (``tests/test_h46reports``)."""
    return table3_tabs().split("\n")[3:]


@pytest.mark.parametrize("form", ["text", "html", "docx"])
def test_organisation_names_wrapped_in_another_order_are_read_under_their_names(form):
    """The five organisations' names wrapped in their narrow cells (科研 / 机构, 商业 / 企业, 法律服务 / 机构: 机构
    twice on the lower line) and 科研机构 printed before 商业企业. Before: the wrapped names named no column, the
    columns were taken in the template's order, and 科研机构's numbers were published as 商业企业's and the other way
    round (every row total holds either way: nothing said)."""
    swap = [0, 2, 1, 3, 4, 5, 6]
    rows = []
    for line in table3_tabs_rows():
        cells = line.split("\t")
        rows.append("\t".join(cells[:-7] + [cells[-7:][i] for i in swap]))
    header = [
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况",
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t科研\t商业\t社会公益\t法律服务\t其他\t",
        "\t\t机构\t企业\t组织\t机构\t\t",
    ]
    text = report("\n".join(header + rows))
    data, suffix = {"text": (text, ".txt"), "html": (as_html(text), ".html"), "docx": (as_docx(text), ".docx")}[form]
    record = parse(read_bytes(data.encode("utf-8") if isinstance(data, str) else data, suffix).text)
    assert _table3(record) == ROWS


# ---- table 四's outcome names over two lines ----


@pytest.mark.parametrize("form", ["text", "html"])
@pytest.mark.parametrize("order", [(3, 0, 1, 2, 4), (4, 0, 1, 2, 3)])
def test_table_4_outcomes_wrapped_in_another_order_are_read_under_their_names(order, form):
    """Table 四's outcomes wrapped in their narrow columns (尚未 / 审结, 结果 / 维持 …; 总计 one line high, its cell
    under it empty) and printed in another order (尚未审结 first, or 总计 first). Before: no header row named the
    outcomes once the empty cells were dropped, the numbers were read in the template's order — 尚未审结's published
    as 结果维持's … with no finding (the totals hold either way) — or, 总计 first, all 15 were missing."""
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    top = "\t".join(outcomes[i][:2] for i in order)
    bottom = "\t".join(outcomes[i][2:] for i in order)
    values = [T4[p * 5 + i] for p in range(3) for i in order]
    table4 = "\n".join(
        [
            "行政复议\t\t\t\t\t行政诉讼",
            "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            "\t".join([top] * 3),
            "\t".join([bottom] * 3),
            "\t".join(map(str, values)),
        ]
    )
    text = report_with_table4(table4)
    data, suffix = (text, ".txt") if form == "text" else (as_html(text), ".html")
    record = parse(read_bytes(data.encode("utf-8"), suffix).text)
    assert _table4(record) == T4


def report_with_table4(table4: str) -> str:
    return report(table3_tabs()).replace(table4_tabs(), table4)


def test_table_4_litigation_names_wrapped_after_review_first_are_read_under_their_names():
    """行政诉讼's two columns wrapped in their cells (复议后 / 起诉, 未经复议 / 直接起诉) and 复议后起诉 printed first.
    Before: neither row named both, the five numbers of each were read in the template's order (复议后起诉's under
    未经复议直接起诉 and the other way round), no finding."""
    outcomes = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    values = T4[:5] + T4[10:] + T4[5:10]
    table4 = "\n".join(
        [
            "行政复议\t\t\t\t\t行政诉讼",
            "\t\t\t\t\t复议后\t\t\t\t\t未经复议",
            "\t\t\t\t\t起诉\t\t\t\t\t直接起诉",
            "\t".join([outcomes] * 3),
            "\t".join(map(str, values)),
        ]
    )
    assert _table4(parse(report_with_table4(table4))) == T4
