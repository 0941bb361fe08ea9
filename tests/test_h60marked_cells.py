"""Session 60 (helper B): a table cell of digits and marks that reads as no number (``7//25``, ``7——25``, ``7%.25``,
``1\\.25`` — a Markdown converter's escaped point), printed as a row's first value cell in a tab, web, Word or pipe
table. Such a cell was taken for label text and cut as loose text is: its first number published as the row's value
(行政许可 7 for ``7//25``, no word of doubt; table 三's 自然人 25 for ``7%.25``), the marks a label of their own
(``label_unrecognised``). It is one value cell, unreadable (``value_unreadable``): ``cells._MARKED_DIGITS``.
"""

from __future__ import annotations

import pytest

from .factory import as_docx, as_html, as_pipes
from .test_h46reports import ACTIVE, ROWS, _codes, _parse, _table3, table3_tabs
from .test_h47reports import body

TITLE = "样例县民政局2024年政府信息公开工作年度报告"
FORMS = {"text": lambda t: (t, ".txt"), "html": lambda t: (as_html(t), ".html"),
         "docx": lambda t: (as_docx(t), ".docx"), "pipes": lambda t: (as_pipes(t), ".md")}
CELLS = ["7//25", "7——25", "7%.25", "1\\.25", "7、、25", "7/.25"]


def report_with(cell: str) -> str:
    """The report with ``cell`` printed as 行政许可's value and as table 三's first cell of 4.保护第三方合法权益."""
    rows = {code: list(values) for code, values in ROWS.items()}
    rows["denied_third_party"][0] = cell
    text = "\n".join([TITLE, *body(table3_tabs(rows))])
    return text.replace("行政许可\t2293", f"行政许可\t{cell}")


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("cell", CELLS)
def test_a_cell_of_digits_and_marks_is_one_unreadable_cell(form, cell):
    record = _parse(*FORMS[form](report_with(cell)))
    active = record.values("active")
    assert active.get(("licensing", "decisions")) is None
    assert {key: active.get(key) for key in ACTIVE if key[0] != "licensing"} == {
        key: value for key, value in ACTIVE.items() if key[0] != "licensing"}
    expected = {code: list(values) for code, values in ROWS.items()}
    expected["denied_third_party"][0] = None
    assert _table3(record) == expected
    assert "value_unreadable" in _codes(record) and "label_unrecognised" not in _codes(record)


@pytest.mark.parametrize("cell", ["2293", "2,293", "2293件", "/"])
def test_cells_that_read_stay_read(cell):
    record = _parse(report_with(cell))
    expected = None if cell == "/" else 2293
    assert record.values("active")[("licensing", "decisions")] == expected


def test_two_cells_glued_by_a_lost_blank_are_not_one_cell():
    """A pipe row whose blank before a rule was lost (``| 0| 0 |``, OCR) holds two cells' numbers in what the pipes
    split as one: read by the loose reading as before — the cells after it read, the glued one never a wrong number —
    not taken whole for one unreadable cell, which left the row a cell short and every value of it lost (damaged
    copies of the parse-equivalence texts: rows of seven numbers all lost)."""
    rows = {code: list(values) for code, values in ROWS.items()}
    rows["denied_third_party"] = [0, 0, 5, 0, 0, 2, 7]
    text = as_pipes("\n".join([TITLE, *body(table3_tabs(rows))]))
    line = next(x for x in text.split("\n") if "4.保护第三方合法权益" in x)
    glued = text.replace(line, line.replace("| 0 | 0 |", "| 0| 0 |", 1))
    read = _table3(_parse(glued, ".md"))["denied_third_party"]
    assert read[1:] == [0, 5, 0, 0, 2, 7] and read[0] in (0, None), read
