"""Session 50 (helper X): wrong numbers found by sweeping real-like texts with what extraction does to them (a cell's
line lost, a row's label wrapped, a page's margins between two lines …). Each case is written here from the 2021
template with values that tell neighbours apart, so that a number read into another cell shows; each asserts the
number as printed, or missing with a finding — never another cell's number."""

from __future__ import annotations

import pytest

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes
from xxgk.parser import parse

TITLE = "样例县测试局2024年政府信息公开工作年度报告"
T4_KEYS = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
T4 = [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 11, 12, 13, 45]  # every group's total holds


def table4_cell_lines(values: list[int]) -> list[str]:
    """Table 四 as a web page's text prints it one cell a line (a cell closed by ``|``, a row opened by a lone ``|``,
    a header row's merged columns a line of rules)."""
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    head = ["|", "行政复议 |", "行政诉讼 |", "|" * 13, "|", *[f"{name} |" for name in outcomes],
            "未经复议直接起诉 |", "复议后起诉 |", "|" * 8, "|"]
    head += [f"{name} |" for name in outcomes * 2] + ["|" * 5, "|"]
    return head + [f"{v} |" for v in values]


def report_with_table4(table4: list[str]) -> str:
    return "\n".join([TITLE, "一、总体情况", "2024年，我局认真贯彻落实《条例》。", "二、主动公开政府信息情况", "无。",
                      "三、收到和处理政府信息公开申请情况", "无。", "四、政府信息公开行政复议、行政诉讼情况", *table4,
                      "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"])


def _table4(text: str) -> list:
    values = parse(text).values("review_litigation")
    return [values.get(key) for key in T4_KEYS]


def test_table4_one_cell_a_line_is_read_whole():
    assert _table4(report_with_table4(table4_cell_lines(T4))) == T4


@pytest.mark.parametrize("lost", [0, 7, 14])
def test_table4_one_cell_a_line_that_lost_a_cells_line_publishes_no_neighbours_number(lost):
    """The text lost one cell's line (14 numbers for 15 cells). Before, the header's last line of rules (``|||||``)
    was cut to the row's width and its last empty cell taken for 行政复议·结果维持: that cell blank (value_blank, info)
    and every number one column right of its own (结果纠正 printed 1, 结果维持's)."""
    values = T4[:lost] + T4[lost + 1:]
    record = parse(report_with_table4(table4_cell_lines(values)))
    assert [record.values("review_litigation")[key] for key in T4_KEYS] == [None] * 15
    said = [(f.code, f.expected, f.actual) for f in record.findings if f.table == "4"]
    assert said == [("row_lost_cells", "15", "14")]


def table3_two_grids(rows: dict[str, list], cells: dict[str, str] | None = None) -> list[str]:
    """Table 三 in tabs as a PDF converter writes a grid whose top rows (一、二、) print their label over two columns
    and an empty cell after the total, the other rows three label columns, then the seven values; ``cells``: a
    row's values as printed instead (a blank, two run together)."""
    from .test_h46reports import GROUPS, LABELS

    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
           "\t自然人\t法人或其他组织\t\t\t\t\t总计", "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"]
    for code, label in LABELS.items():
        values = (cells or {}).get(code, "\t".join(map(str, rows[code])))
        if code in ("new", "carried_over"):
            out.append(f"{label}\t\t{values}\t")
        elif code in ("total_processed", "carried_forward"):
            out.append(f"\t{label}\t\t{values}")
        elif code == "granted":
            out.append(f"三、本年度办理结果\t{label}\t{values}\t")
        elif code == "partially_granted":
            out.append(f"\t{label}\t{values}\t")
        else:
            out.append(f"\t{GROUPS.get(code, '')}\t{label}\t{values}")
    return out


def _report_with_table3(lines: list[str]) -> str:
    return "\n".join([TITLE, "一、总体情况", "2024年，我局认真贯彻落实《条例》。", "二、主动公开政府信息情况", "无。",
                      "三、收到和处理政府信息公开申请情况", *lines, "四、政府信息公开行政复议、行政诉讼情况", "无。",
                      "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"])


def _applications(text: str) -> dict[str, list]:
    from .test_h46reports import _table3

    return _table3(parse(text))


def test_table3_on_two_grids_is_read_whole():
    from .test_h46reports import ROWS

    assert _applications(_report_with_table3(table3_two_grids(ROWS))) == ROWS


@pytest.mark.parametrize("blank", [0, 6])
def test_a_top_rows_blank_cell_stays_in_its_column(blank):
    """本年新收's 自然人 (or 总计) printed blank: the row's line has an empty cell more at one end. Before, it was kept
    to its last seven cells (自然人 published 商业企业's number, 其他 the 总计) or trimmed at its end (every number one
    column right), no finding but the identities'."""
    from .test_h46reports import ROWS

    printed = ["" if i == blank else str(v) for i, v in enumerate(ROWS["new"])]
    got = _applications(_report_with_table3(table3_two_grids(ROWS, {"new": "\t".join(printed)})))
    assert got["new"] == [None if i == blank else v for i, v in enumerate(ROWS["new"])]
    assert {code: values for code, values in got.items() if code != "new"} == {
        code: values for code, values in ROWS.items() if code != "new"}


def test_a_top_row_with_two_cells_run_together_is_missing_not_moved():
    """自然人 and 商业企业 run together into one cell (6 cells for 7): which column lost its cell is not knowable.
    Before, the top row's end padding was read as its 总计 cell: the printed total published under 其他."""
    from .test_h46reports import ROWS

    new = [str(v) for v in ROWS["new"]]
    record = parse(_report_with_table3(table3_two_grids(ROWS, {"new": "\t".join([new[0] + new[1], *new[2:]])})))
    assert [record.values("applications")[("new", a)] for a in applicant_codes()] == [None] * 7
    assert any(f.code == "row_lost_cells" and f.line == 10 for f in record.findings)


@pytest.mark.parametrize("printed", ["blank_first", "blank_total", "run_together"])
def test_a_rows_blank_cell_is_never_guessed_where_rows_of_its_shape_disagree(printed):
    """（一）予以公开's line has the cell count and the cells of （二）部分公开's (values then an empty cell) and of
    （七）总计's (an empty cell then values): with a value blank (or two run together), which of its empty cells is the
    blank one is not knowable. Before, the row was kept to its last seven cells or trimmed at its ends: its numbers
    one column off (予以公开's 自然人 published 商业企业's number), no finding but the identities'."""
    from .test_h46reports import ROWS

    row = [str(v) for v in ROWS["granted"]]
    cells = {"blank_first": ["", *row[1:]], "blank_total": [*row[:-1], ""],
             "run_together": [row[0] + row[1], *row[2:]]}[printed]
    record = parse(_report_with_table3(table3_two_grids(ROWS, {"granted": "\t".join(cells)})))
    assert [record.values("applications")[("granted", a)] for a in applicant_codes()] == [None] * 7
    assert any(f.code == "row_lost_cells" and f.row == "（一）予以公开" for f in record.findings)
    others = {code: values for code, values in _table3_of(record).items() if code != "granted"}
    assert others == {code: values for code, values in ROWS.items() if code != "granted"}


def _table3_of(record) -> dict[str, list]:
    from .test_h46reports import _table3

    return _table3(record)


def table3_cell_lines(rows: dict[str, list], doubled: str | None = None) -> list[str]:
    """Table 三 as a web page's text prints it one cell a line (seed 004's form), each row opened by a lone ``|`` and
    closed by its merged columns' rules; ``doubled``: that row's first value line printed twice."""
    from .test_h46reports import LABELS

    out = ["|", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |", "申请人情况 |", "|" * 8, "|",
           "自然人 |", "法人或其他组织 |", "总计 |", "|" * 7, "|", "商业企业 |", "科研机构 |", "社会公益组织 |",
           "法律服务机构 |", "其他 |", "|" * 5]
    for code, label in LABELS.items():
        values = [f"{v} |" for v in rows[code]]
        out += ["|", f"{label} |", *(values[:1] if code == doubled else []), *values, "||"]
    return out


def test_table3_one_cell_a_line_is_read_whole():
    from .test_h46reports import ROWS

    assert _applications(_report_with_table3(table3_cell_lines(ROWS))) == ROWS


def test_a_cells_line_printed_twice_makes_the_row_a_cell_too_many():
    """A cell's line printed twice (``300 |`` / ``300 |``) in a table printed one cell a line: eight cells before the
    row's rules. Before, the row was closed after seven: the copy read as 商业企业's number, every later one a column
    right, the 总计 dropped without a word (identity findings only)."""
    from .test_h46reports import ROWS

    record = parse(_report_with_table3(table3_cell_lines(ROWS, doubled="new")))
    assert [record.values("applications")[("new", a)] for a in applicant_codes()] == [None] * 7
    assert [(f.code, f.expected, f.actual) for f in record.findings if f.row == LABEL_NEW] == [
        ("row_extra_cells", "7", "8")]
    assert {c: v for c, v in _table3_of(record).items() if c != "new"} == {c: v for c, v in ROWS.items() if c != "new"}


LABEL_NEW = "一、本年新收政府信息公开申请数量"


@pytest.mark.parametrize("doubled", [0, 5, 14])
def test_table4_one_cell_a_line_with_a_cells_line_printed_twice_publishes_no_neighbours_number(doubled):
    """Sixteen cells' lines under table 四's header: the row was closed after fifteen, the copy read in the next
    cell and every later number a column right, the last dropped (identity findings only)."""
    values = T4[:doubled + 1] + T4[doubled:]
    record = parse(report_with_table4(table4_cell_lines(values)))
    assert [record.values("review_litigation")[key] for key in T4_KEYS] == [None] * 15
    assert any(f.code == "row_extra_cells" and f.table == "4" for f in record.findings)


def test_a_detached_label_is_never_paired_with_a_number_row_printed_below_later_rows():
    """8.属于行政查询事项 printed without its numbers (a wrapped label cut from them), and （七）总计's row without its
    label fifteen rows further down: one detached label, one number row. Before, the two were paired one to one
    (rows_realigned, info): 总计's numbers published as 行政查询事项's, the identities unchecked with 总计 missing."""
    from .test_h46reports import LABELS, ROWS

    lines = []
    for code, label in LABELS.items():
        cells = " | ".join(map(str, ROWS[code]))
        if code == "denied_administrative_query":
            lines.append(label)
        elif code == "total_processed":
            lines.append(f"| {cells} |")
        else:
            lines.append(f"| {label} | {cells} |")
    record = parse(_report_with_table3(lines))
    got = _table3_of(record)
    assert got["denied_administrative_query"] == [None] * 7 and got["total_processed"] == [None] * 7
    assert any(f.code == "rows_unaligned" for f in record.findings)
    assert {c: v for c, v in got.items() if c not in ("denied_administrative_query", "total_processed")} == {
        c: v for c, v in ROWS.items() if c not in ("denied_administrative_query", "total_processed")}
