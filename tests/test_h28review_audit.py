"""Audit 28 (review of the session's merged parser changes): real report shapes the session's fixes were not tried
on — a row's note after its numbers, … — read as the code before them read them when that was right."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse


def _documents(record) -> list:
    values = record.values("active")
    return [values.get(("normative_documents", k)) for k in ("issued", "repealed", "in_force")]


def test_a_table_2_row_with_a_note_after_its_numbers_is_no_spaced_split():
    """PDF text of table 二 whose row ends in a note with a number (行政规范性文件 2 1 7 （注：第3项）, … 7    附件2).
    value_split (session 28) took the line's last three numbers, the note's among them, and the note's wide gap
    made 2 1 look like one number cut by OCR: the row printed 2 | 1 | 7 was published missing with a false
    value_split. The numbers a gap of other characters stands between are no run of cells: read as printed."""
    text = tab_report(in_force=7, issued=2, repealed=1).replace("\t", " ")
    assert "行政规范性文件 2 1 7" in text
    for printed in ("行政规范性文件 2 1 7 （注：第3项）", "行政规范性文件 2 1 7    附件2"):
        record = parse(text.replace("行政规范性文件 2 1 7", printed))
        assert _documents(record) == [2, 1, 7], printed
        assert "value_split" not in {f.code for f in record.findings}, printed
    # the split the session fixed still makes the row missing
    record = parse(text.replace("行政规范性文件 2 1 7", "行政规范性文件    1 2         7"))
    assert _documents(record) == [None, None, None]
    assert [f.actual for f in record.findings if f.code == "value_split"] == ["1 2"]
