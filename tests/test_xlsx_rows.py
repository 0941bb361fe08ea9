"""Issue 16: the workbook's rows rendered without XlsxWriter's per-cell calls are XlsxWriter's own, byte for byte."""

from __future__ import annotations

import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
import xlsxwriter

from xxgk.package.write import xlsx_bytes
from xxgk.safe import xlsx_cell

CELLS = ["报告", "a&b<c>\"d\"", "line\nbreak", "x\x01y\x1fz", "_x0041_ stays text", "<r><t>rich</t></r>",
         " leading", "trailing ", "\t", "\u3000全角空格", "=HYPERLINK(1)", "-3", "'quoted", "🙂 astral",
         "not\ufffea\uffffcharacter",
         0, -5, 7, 10 ** 15, 10 ** 20, 2 ** 53 + 1, -(10 ** 16), 1.5, 1e-7, 1e21, -0.0, 0.1 + 0.2,
         True, False, Decimal("2.50"), None, "", "注" * 20_000, "注" * 40_000, "𠀀" * 17_000]


def rows() -> list[dict]:
    """Rows mixing every kind of cell, a few at a time, with blank rows and blank cells between."""
    out = [{"a": value, "b": CELLS[(i * 7) % len(CELLS)], "c": None, "d": CELLS[(i * 3) % len(CELLS)]}
           for i, value in enumerate(CELLS)]
    out.insert(5, {"a": None, "b": "", "c": None, "d": None})  # a blank row: no <row> at all
    return out


def reference(sheets: dict[str, list[dict]]) -> dict[str, bytes]:
    """The workbook's entries as XlsxWriter writes them itself (``write`` per cell, constant-memory mode; not
    ``write_row``, which drops the rest of a row after a text it had to cut)."""
    import io

    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_urls": False, "strings_to_formulas": False, "in_memory": False})
    book.set_properties({"created": datetime(2020, 1, 1)})
    for title, table in sheets.items():
        sheet = book.add_worksheet(title)
        sheet.freeze_panes(1, 0)  # every sheet of the package keeps its header row in view (audit 26)
        for number, row in enumerate(table):
            if number == 0:
                sheet.write_row(0, 0, [xlsx_cell(key) for key in row])
            for column, value in enumerate(row.values()):
                sheet.write(number + 1, column, xlsx_cell(value))
    book.close()
    with zipfile.ZipFile(raw) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_every_kind_of_cell_is_written_as_xlsxwriter_writes_it():
    sheets = {"first": rows(), "empty": [], "second": list(reversed(rows())), "one": [{"x": 1}]}
    ours, theirs = entries(xlsx_bytes(sheets)), reference(sheets)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
    sheet = ours["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert '<dimension ref="A1:D' in sheet and "_x005F_x0041_" in sheet and "x_x0001_y_x001F_z" in sheet
    assert "not_xFFFE_a_xFFFF_character" in sheet  # not characters XML allows
    assert "a&amp;b&lt;c&gt;" in sheet and '<t xml:space="preserve"> leading</t>' in sheet


def test_a_value_xlsxwriter_refuses_is_refused_the_same_way():
    for value in (float("nan"), float("inf")):
        with pytest.raises(TypeError):
            xlsx_bytes({"s": [{"a": value}]})
