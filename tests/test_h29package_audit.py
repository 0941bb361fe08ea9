"""Session 29, the package stage's speed (issue 16): every change that cuts the stage's CPU leaves its bytes as they
were. Each test builds its inputs so that the changed path is taken, and compares with the output of the path the
change replaced (XlsxWriter's own cell writers, a package written from scratch)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import xlsxwriter

from xxgk.package.write import number_fields, sheet_number, xlsx_bytes
from xxgk.safe import xlsx_cell

TITLE = "表2_主动公开"  # a sheet with number columns (数值1–3) beside text ones


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _reference(title: str, table: list[dict]) -> dict[str, bytes]:
    """The workbook as XlsxWriter writes it cell by cell (constant-memory mode), each cell converted as the package
    converts it: ``sheet_number`` in a number column, then ``xlsx_cell``."""
    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_urls": False, "strings_to_formulas": False, "in_memory": False})
    book.set_properties({"created": datetime(2020, 1, 1)})
    sheet = book.add_worksheet(title)
    sheet.freeze_panes(1, 0)
    numbers = number_fields(title)
    sheet.write_row(0, 0, [xlsx_cell(key) for key in table[0]])
    for number, row in enumerate(table, start=1):
        for column, (key, value) in enumerate(row.items()):
            sheet.write(number, column, xlsx_cell(sheet_number(value) if key in numbers else value))
    book.close()
    return _entries(raw.getvalue())


def test_workbook_cells_kept_per_value_are_written_as_xlsxwriter_writes_each():
    """``xlsx_rows.Rows`` keeps a text's rendered cell per value: the same text must still become a number in a
    number column (数值1: ``3883.3`` is a 数值, summed by Excel) and stay text in a text column (项目), in either
    order of first sight; a formula-looking text keeps its apostrophe on every row, not only the first; a text
    with XML specials is escaped each time; a row that needs XlsxWriter's own writers (a bool, a text past half a
    cell) is still written by them when its other texts were seen before."""
    texts = ["3883.3", "007", "=1+1", "a&b<c>", " 前导空格", "_x0041_", "12345678901234567"]
    table = []
    for i in range(24):
        first, second = texts[i % len(texts)], texts[(i * 3) % len(texts)]
        table.append({"报告编号": f"r{i % 3}", "项目": first, "数值1": second, "数值2": first,
                      "数值3": True if i == 9 else ("注" * 20_000 if i == 15 else second), "备注": second})
    assert {"数值1", "数值2", "数值3"} <= number_fields(TITLE) and "项目" not in number_fields(TITLE)
    ours, theirs = _entries(xlsx_bytes({TITLE: table})), _reference(TITLE, table)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
    sheet = ours["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert sheet.count("<v>3883.3</v>") > 0 and sheet.count("<t>3883.3</t>") > 0  # both kinds, as the columns say
    assert sheet.count("<t>'=1+1</t>") == sum(list(row.values()).count("=1+1") for row in table)
