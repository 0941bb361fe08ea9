"""Session 60 (helper B): a table cell of digits and marks that reads as no number (``7//25``, ``7——25``, ``7%.25``,
``1\\.25`` — a Markdown converter's escaped point), printed as a row's first value cell in a tab, web, Word or pipe
table. Such a cell was taken for label text and cut as loose text is: its first number published as the row's value
(行政许可 7 for ``7//25``, no word of doubt; table 三's 自然人 25 for ``7%.25``), the marks a label of their own
(``label_unrecognised``). It is one value cell, unreadable (``value_unreadable``): ``cells._MARKED_DIGITS``.
"""

from __future__ import annotations

import pytest

from .factory import as_docx, as_html, as_pipes
from .test_h46reports import ACTIVE, ROWS, TABLE2, _codes, _parse, _table3, table3_tabs
from .test_h47reports import body

TITLE = "样例县民政局2024年政府信息公开工作年度报告"
FORMS = {"text": lambda t: (t, ".txt"), "html": lambda t: (as_html(t), ".html"), "docx": lambda t: (as_docx(t), ".docx"),
         "pipes": lambda t: (as_pipes(t), ".md")}
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
