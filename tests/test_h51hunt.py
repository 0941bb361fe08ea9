"""Session 51 (helper Z): wrong numbers found by sweeping real-like texts with more of what extraction and typing do
to them (a point after a number, a number in brackets, a column lost …). Each case is written here from the 2021
template with values that tell neighbours apart, so that a number read into another cell shows; each asserts the
number as printed, or missing with a finding — never another cell's number."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

TITLE = "样例县测试局2024年政府信息公开工作年度报告"


def report_with_table2(table2: str) -> str:
    return "\n".join([TITLE, "一、总体情况", "2024年，我局认真贯彻落实《条例》。", table2,
                      "三、收到和处理政府信息公开申请情况", "无。", "四、政府信息公开行政复议、行政诉讼情况", "无。",
                      "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"])


def flat_table2(licensing: str, penalty: str, coercion: str) -> str:
    """Table 二 as a web page's text runs it into one line (no cell apart from its label)."""
    return ("二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 1 2 3 "
            f"行政规范性文件 4 5 6 第二十条第（五）项信息内容本年处理决定数量行政许可{licensing} 第二十条第（六）项"
            f"信息内容 本年处理决定数量行政处罚{penalty}行政强制{coercion}第二十条第（八）项信息内容 "
            "本年收费金额（单位：万元）行政事业性收费24.5")


def _decisions(text: str) -> list:
    values = parse(text).values("active")
    return [values[(item, "decisions")] for item in ("licensing", "penalty", "coercion")]


def test_a_flat_table2_is_read_whole():
    assert _decisions(report_with_table2(flat_table2("2293", "1282", "42"))) == [2293, 1282, 42]


@pytest.mark.parametrize("dotted", [0, 1, 2])
def test_a_point_after_a_flat_table2_count_never_drops_its_last_digit(dotted):
    """``行政许可2293. 第二十条…`` / ``行政处罚1282.行政强制42``: a point after the count, then a row the template never
    numbers. Before, its last digit was taken for the next row's item number (``3.``): 229 published for 2293, 128
    for 1282, 4 for 42, no finding. Now the cell is unreadable as the same cell in tab text is, its neighbours read."""
    printed = ["2293", "1282", "42"]
    printed[dotted] += "."
    record = parse(report_with_table2(flat_table2(*printed)))
    got = [record.values("active")[(item, "decisions")] for item in ("licensing", "penalty", "coercion")]
    assert got[dotted] is None
    assert got == [None if i == dotted else v for i, v in enumerate([2293, 1282, 42])]
    assert [(f.code, f.actual) for f in record.findings if f.code == "value_unreadable"] == [
        ("value_unreadable", printed[dotted])]


def _report_with_table3(lines: list[str]) -> str:
    from .test_h50hunt import _report_with_table3 as report

    return report(lines)


def table3_spaced(rows: dict[str, list], printed: dict[str, list[str]] | None = None) -> list[str]:
    """Table 三 as a PDF's text prints it: each row's label, then its cells a space apart; ``printed``: a row's cells
    as printed instead."""
    from .test_h46reports import LABELS

    return [f"{label} {' '.join((printed or {}).get(code, map(str, rows[code])))}" for code, label in LABELS.items()]


def _table3_of(record) -> dict[str, list]:
    from .test_h46reports import _table3

    return _table3(record)


def test_table3_spaced_is_read_whole():
    from .test_h46reports import ROWS

    assert _table3_of(parse(_report_with_table3(table3_spaced(ROWS)))) == ROWS


@pytest.mark.parametrize("at", [0, 3, 6])
def test_a_number_in_brackets_among_a_rows_cells_is_one_unreadable_cell(at):
    """``8 12 25 2 20 （7） 74``: a cell printed in full-width brackets. Before, the brackets were read as label words
    in the row's middle: the row's cells lost, and its digits re-cut by the identities into other numbers (1 and 2
    published for 12, 5 for 25 …, cells_recovered). Now that cell is unreadable (value_unreadable), the others read."""
    from .test_h46reports import ROWS

    cells = [str(v) for v in ROWS["rejected_publication"]]
    cells[at] = f"（{cells[at]}）"
    record = parse(_report_with_table3(table3_spaced(ROWS, {"rejected_publication": cells})))
    got = _table3_of(record)
    assert got["rejected_publication"] == [None if i == at else v for i, v in enumerate(ROWS["rejected_publication"])]
    assert {c: v for c, v in got.items() if c != "rejected_publication"} == {
        c: v for c, v in ROWS.items() if c != "rejected_publication"}
    assert any(f.code == "value_unreadable" and f.table == "3" for f in record.findings)


def table3_padded(rows: dict[str, list], sep: str, blank: tuple[str, int] | None = None) -> list[str]:
    """Table 三 on a grid padding every row at both ends (the label over two columns, an empty cell after the total:
    ``一、本年新收… | | 5 | … | 26 | |``), in tabs or pipes; ``blank``: that row's value at that column left blank."""
    from .test_h46reports import LABELS

    out = []
    for code, label in LABELS.items():
        cells = [str(v) for v in rows[code]]
        if blank and blank[0] == code:
            cells[blank[1]] = ""
        row = [label, "", *cells, ""]
        out.append("\t".join(row) if sep == "\t" else "| " + " | ".join(row) + " |")
    return out


@pytest.mark.parametrize("sep", ["\t", "|"])
@pytest.mark.parametrize("at", [6])
def test_a_blank_cell_in_a_table_padded_at_both_ends_stays_in_its_column(sep, at):
    """Every row padded at both ends, one row's 总计 printed blank: nine cells, one of the row's three empty ones its
    value. Before, the table had no row of seven cells to learn from, the row's end padding was
    dropped first: a blank 总计 published every number one column right (自然人 blank, 商业企业 the 自然人's, 总计 the
    其他's; identity_broken only). Now the rows printed whole say where the values stand."""
    from .test_h46reports import ROWS

    record = parse(_report_with_table3(table3_padded(ROWS, sep, ("granted", at))))
    got = _table3_of(record)
    assert got["granted"] == [None if i == at else v for i, v in enumerate(ROWS["granted"])]
    assert {c: v for c, v in got.items() if c != "granted"} == {c: v for c, v in ROWS.items() if c != "granted"}


@pytest.mark.parametrize("sep", ["\t", "|"])
def test_two_cells_run_together_in_a_table_padded_at_both_ends_are_never_one_number(sep):
    """本年新收's 自然人 and 商业企业 run together (``| | 8488 | 118 | … | |``), every row padded at both ends: eight
    cells, one empty. Before, the row's end padding was dropped and its first padding taken for a blank 自然人: the
    two cells' digits published as 商业企业's number (8488), every other number one column right. Now the row is a
    cell short of the rows printed whole (row_lost_cells): missing, not moved."""
    from .test_h46reports import ROWS

    lines = table3_padded(ROWS, sep)
    new = [str(v) for v in ROWS["new"]]
    row = ["一、本年新收政府信息公开申请数量", "", new[0] + new[1], *new[2:], ""]
    lines[0] = "\t".join(row) if sep == "\t" else "| " + " | ".join(row) + " |"
    record = parse(_report_with_table3(lines))
    got = _table3_of(record)
    assert got["new"] == [None] * 7
    assert [(f.code, f.expected, f.actual) for f in record.findings if f.row == "一、本年新收政府信息公开申请数量"] == [
        ("row_lost_cells", "7", "6")]
    assert {c: v for c, v in got.items() if c != "new"} == {c: v for c, v in ROWS.items() if c != "new"}


def padded_table2(rules: list[str], normative: list[str]) -> str:
    """Table 二 on a grid padding every row at both ends (``| 规章 | | 1 | 2 | 3 | |``)."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    return "\n".join(["二、主动公开政府信息情况", row(["第二十条第（一）项", "", "", "", "", ""]),
                      row(["信息内容", "", "本年制发件数", "本年废止件数", "现行有效件数", ""]),
                      row(["规章", "", *rules, ""]), row(["行政规范性文件", "", *normative, ""])])


def _documents(text: str) -> list:
    values = parse(text).values("active")
    return [values[(item, m)] for item in ("rules", "normative_documents") for m in ("issued", "repealed", "in_force")]


def test_a_blank_cell_in_a_table2_padded_at_both_ends_stays_in_its_column():
    """规章's 现行有效件数 blank, every row padded at both ends: the row's three empty cells, one its value. Before,
    its end padding was dropped first: 制发 published blank, 废止 the 制发's number, 现行有效 the 废止's — table 二
    has no identity, value_blank (info) the only word. Now 行政规范性文件, printed whole on as many cells, says
    where the values stand."""
    assert _documents(report_with_table2(padded_table2(["1", "2", ""], ["4", "5", "6"]))) == [1, 2, None, 4, 5, 6]


def test_a_table2_row_padded_at_both_ends_with_no_whole_sibling_is_missing_not_moved():
    """Both rows with a value blank at an end: which empty cell is the blank one nothing says. Before, each row's
    end padding was dropped first, its numbers one column right; now each is missing with row_lost_cells."""
    record = parse(report_with_table2(padded_table2(["1", "2", ""], ["", "5", "6"])))
    values = record.values("active")
    assert [values[(item, m)] for item in ("rules", "normative_documents")
            for m in ("issued", "repealed", "in_force")] == [None] * 6
    assert sorted((f.code, f.row) for f in record.findings if f.table == "2" and f.severity == "error") == sorted([
        ("row_lost_cells", "规章"), ("row_lost_cells", "行政规范性文件")])


def test_table4_one_cell_a_line_with_a_number_in_brackets_publishes_no_neighbours_number():
    """``（11） |`` on its own line in table 四 printed one cell a line. Before, the brackets were read as words, a
    row begun there: the row's first cells blank (value_blank) and every number four columns right of its own
    (行政诉讼·结果维持 published 行政复议·总计's 10). Now a number in brackets is a cell, unreadable (a count is never
    negative); the others read."""
    from .test_h50hunt import T4, T4_KEYS, report_with_table4, table4_cell_lines

    lines = table4_cell_lines(T4)
    lines[len(lines) - 15 + 11] = f"（{T4[11]}） |"
    record = parse(report_with_table4(lines))
    assert [record.values("review_litigation")[key] for key in T4_KEYS] == [None if i == 11 else v
                                                                           for i, v in enumerate(T4)]
    assert [(f.code, f.actual) for f in record.findings if f.table == "4"] == [("value_unreadable", "(11)")]


@pytest.mark.parametrize("lost", [0, 6])
def test_a_column_of_table3_lost_whole_publishes_no_neighbours_number(lost):
    """自然人's (or 总计's) column lost from every row of a grid whose top rows pad their values (a label over two
    columns, an empty cell after the total: seed 003's converter). Before, the rows printing three label columns were a
    cell short (row_lost_cells) but the padded ones kept their padding as a blank cell: every number a column off
    (自然人 published 商业企业's), the identities holding still, every row moved alike. Now no row is read."""
    from .test_h46reports import ROWS
    from .test_h50hunt import table3_two_grids

    printed = {code: "\t".join(str(v) for i, v in enumerate(values) if i != lost) for code, values in ROWS.items()}
    record = parse(_report_with_table3(table3_two_grids(ROWS, printed)))
    assert all(v is None for values in _table3_of(record).values() for v in values)
    assert any(f.code == "row_lost_cells" and f.table == "3" for f in record.findings)
