"""Rows of a table printed short: one number where the table has seven columns, only empty cells, a cell holding
no number. Each text is SYNTHETIC (the benchmarks' reports, one row rewritten in the layout a web page prints).
What the report prints is published: a number no column can be named for is no value, a printed row is present
(its blank cells blank, its unreadable cell unreadable), never 0 or a guess, and each null has its finding."""

from __future__ import annotations

import random

import pytest
from benchmarks.synthetic import random_values, render_report, table2_values

from xxgk.catalog import applicant_codes, labels, measure_label
from xxgk.parser import parse

COLUMNS = applicant_codes()  # the six applicant columns, then 总计
TABLE3, TABLE4 = random_values(random.Random(3))


def _label(code: str) -> str:
    return labels()["rows"][code]


def _with_row(layout: str, code: str, printed: str) -> str:
    """The benchmarks' report in ``layout`` with table 三's row ``code`` printed as ``printed`` (its label as
    ``{label}``) in place of its cells."""
    text = render_report(TABLE3, TABLE4, layout)
    cells = [_label(code)] + [str(v) for v in TABLE3[code]]
    row = {"pipes": "| " + " | ".join(cells) + " |", "tabs": "\t".join(cells),
           "cell_per_line": "\n".join(f"{cell} |" for cell in cells) + "\n||"}[layout]
    assert row in text
    return text.replace(row, printed.format(label=_label(code)))


def _row(text: str, code: str) -> tuple[list, list[str]]:
    """The row's published values and the codes of table 三's findings naming it."""
    record = parse(text)
    values = record.values("applications")
    label = _label(code).split(" ")[-1]
    return ([values[(code, column)] for column in COLUMNS],
            sorted({f.code for f in record.findings if f.table == "3" and f.row and label in f.row}))


@pytest.mark.parametrize(("layout", "printed"), [
    ("cell_per_line", "{label} |\n0 | ||||||"),  # the one number, then its row's merged columns' rules glued on
    ("cell_per_line", "{label} |\n0 | ||||||||"),
    ("cell_per_line", "{label} |\n| 0 | ||||||||"),
    ("pipes", "| {label} | 0 | ||||||||"),  # a pipe row whose merged columns' rules follow its last cell
    ("pipes", "| {label} | 0 | ||||||"),
])
def test_one_number_then_merged_columns_rules_is_no_first_column_value(layout: str, printed: str) -> None:
    """A row printing one number and then the rules of its merged columns (``0 | ||||||||``: the number spans the
    row; the rules are no cells) says not which column the number is: before, 自然人 0 was published and the six
    other cells blank. The row is null with row_lost_cells, the table's other rows as printed."""
    text = _with_row(layout, "new", printed)
    values, findings = _row(text, "new")
    assert values == [None] * 7
    assert "row_lost_cells" in findings
    got = parse(text).values("applications")
    assert [got[("carried_over", column)] for column in COLUMNS] == list(TABLE3["carried_over"])


@pytest.mark.parametrize("printed", ["| {label} | 0 | | | | | | |", "| {label} | 0 | | | | | | | ||"])
def test_one_number_among_printed_empty_cells_stays_in_its_column(printed: str) -> None:
    """A row printing each of its seven cells, six of them empty (each between two rules), places its number:
    自然人 0, the rest blank — its merged columns' rules after them change nothing."""
    values, findings = _row(_with_row("pipes", "new", printed), "new")
    assert values == [0] + [None] * 6
    assert "value_blank" in findings and "row_lost_cells" not in findings


TABLE2 = table2_values(random.Random(3))


def _with_item(layout: str, item: str, printed: str) -> str:
    """The benchmarks' report with table 二 in ``layout`` and its row ``item`` printed as ``printed``."""
    text = render_report(TABLE3, TABLE4, layout, table2=TABLE2)
    cells = [labels()["items"][item], *TABLE2[item]]
    row = {"pipes": "| " + " | ".join(cells) + " |", "tabs": "\t".join(cells)}[layout]
    assert row in text
    return text.replace(row, printed.format(label=cells[0]))


def _item(text: str, item: str) -> tuple[list, list[tuple]]:
    """The item's published values and table 二's findings naming it: (code, column, as printed)."""
    record = parse(text)
    label = labels()["items"][item]
    return ([v for (code, _), v in record.values("active").items() if code == item],
            [(f.code, f.column, f.actual) for f in record.findings if f.table == "2" and f.row == label])


@pytest.mark.parametrize(("layout", "printed"), [("pipes", "| {label} | ⑤ |"), ("tabs", "{label}\t①"),
                                                 ("pipes", "| {label} | ⒌ |")])
def test_a_circled_number_where_the_count_stands_is_an_unreadable_cell(layout: str, printed: str) -> None:
    """``行政许可 | ⑤``: the row is printed, its cell holds no count (a circled number may be a note's mark, a list's
    number, a font's digit: none is a count to publish). Before, ⑤ was taken for a note's mark on the label, the
    row for a label without numbers, and row_absent said the row was not printed."""
    values, findings = _item(_with_item(layout, "licensing", printed), "licensing")
    mark = printed.rsplit(" ", 2)[-2] if layout == "pipes" else printed[-1]
    assert values == [None]
    assert [code for code, _, _ in findings] == ["value_unreadable"]
    assert findings[0][1:] == (measure_label("licensing", "decisions"), mark)


def test_a_row_of_circled_numbers_is_present_and_unreadable() -> None:
    values, findings = _row(_with_row("tabs", "new", "{label}" + "\t⑤" * 7), "new")
    assert values == [None] * 7 and findings == ["value_unreadable"]


@pytest.mark.parametrize(("layout", "printed"), [("pipes", "| {label} | |"), ("pipes", "| {label} | | | |"),
                                                 ("pipes", "{label} | ||||"), ("tabs", "{label}\t")])
def test_a_row_printed_with_empty_cells_only_is_present_and_blank(layout: str, printed: str) -> None:
    """``| 行政许可 | |``: the report prints the row, its cell blank. Before, the row was taken for a label without
    numbers and row_absent said it was not printed; it is null with value_blank (blank, not zero), on its line."""
    text = _with_item(layout, "licensing", printed)
    values, findings = _item(text, "licensing")
    assert values == [None]
    assert findings == [("value_blank", measure_label("licensing", "decisions"), "空白")]
    line = next(f.line for f in parse(text).findings if f.code == "value_blank" and f.table == "2")
    assert text.split("\n")[line - 1] == printed.format(label=labels()["items"]["licensing"])


@pytest.mark.parametrize("printed", ["| {label} | ||||||", "| {label} | | |"])
def test_a_table_three_row_printed_blank_is_present(printed: str) -> None:
    values, findings = _row(_with_row("pipes", "rejected_excessive", printed), "rejected_excessive")
    assert values == [None] * 7 and findings == ["value_blank"]

