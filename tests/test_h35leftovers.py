"""Rows of a table printed short: one number where the table has seven columns, only empty cells, a cell holding
no number. Each text is SYNTHETIC (the benchmarks' reports, one row rewritten in the layout a web page prints).
What the report prints is published: a number no column can be named for is no value, a printed row is present
(its blank cells blank, its unreadable cell unreadable), never 0 or a guess, and each null has its finding."""

from __future__ import annotations

import random

import pytest
from benchmarks.synthetic import random_values, render_report

from xxgk.catalog import applicant_codes, labels
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
