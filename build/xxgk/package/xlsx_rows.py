"""Rows of ``xxgk.xlsx`` rendered as XlsxWriter's constant-memory mode renders them, without its per-cell calls.

XlsxWriter spends most of the workbook's time in ``_write_cell`` and its helpers, one call chain per cell.
``row_xml`` renders a whole row of text and ordinary numbers in one function, by XlsxWriter's own rules
and with its own escaping functions wherever a text needs any; ``write_cells`` is XlsxWriter's path, for
every other row. ``write.Workbook`` uses both; ``tests/test_stream.py`` proves the workbook byte-identical to
XlsxWriter's own on every kind of cell (escapes, control characters, ``_xHHHH_``, whitespace, rich-string
look-alikes, long texts, big, negative and non-finite numbers, booleans).

>>> xml, first, last = row_xml(0, [None, 3, " &"])
>>> first, last, xml
(1, 2, '<row r="1"><c r="B1"><v>3</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> &amp;</t></is></c></row>')
>>> row_xml(4, [None, ""]), row_xml(4, [True]) is None
((), True)
"""

from __future__ import annotations

import math
import re

from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name
from xlsxwriter.xmlwriter import XMLwriter

from ..safe import XLSX_CELL_CHARS

_WRITER = XMLwriter()  # its escaping functions, never its file
_XML_SPECIAL = re.compile("[\"&<>\n\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")  # what XlsxWriter escapes
_LONGEST_PLAIN = XLSX_CELL_CHARS // 2  # longer: XlsxWriter counts UTF-16 units and may cut (its own path)
_BIGGEST_INT = 10 ** 15  # beyond: its own path (``.16G`` of a huge int, OverflowError checks)
_COLUMN_NAMES: list[str] = []


def _column_name(column: int) -> str:
    while len(_COLUMN_NAMES) <= column:
        _COLUMN_NAMES.append(xl_col_to_name(len(_COLUMN_NAMES)))
    return _COLUMN_NAMES[column]


def row_xml(number: int, cells: list) -> tuple[str, int, int] | tuple[()] | None:
    """Row ``number`` (0-based) of cells (``xlsx_cell`` done) as XlsxWriter's constant-memory mode writes it:
    ``(xml, first column, last column)`` of the non-blank cells; ``()`` if all are blank (no row written);
    None if a cell is of a kind only XlsxWriter's own writers handle. Its rules, one by one: an inline string
    has its control characters, U+FFFE, U+FFFF and ``_xHHHH_`` escaped, ``& < >`` as entities,
    ``xml:space="preserve"`` for leading or trailing whitespace and, if it then looks like ``<r>…</r>``, is
    written raw as a rich string; a number is ``.16G``."""
    parts, first, last, suffix = [], -1, -1, str(number + 1)
    for column, value in enumerate(cells):
        kind = type(value)
        if value is None or value == "":
            continue
        if kind is str:
            if len(value) > _LONGEST_PLAIN:
                return None
            preserve = ""
            if _XML_SPECIAL.search(value) is not None:
                value = _WRITER._escape_control_characters(value)
                if value.startswith("<r>") and value.endswith("</r>"):
                    parts.append(f'<c r="{_column_name(column)}{suffix}" t="inlineStr"><is>{value}</is></c>')
                    first, last = (column if first < 0 else first), column
                    continue
                if _preserve_whitespace(value):
                    preserve = ' xml:space="preserve"'
                value = _WRITER._escape_data(value)
            elif value[0].isspace() or value[-1].isspace():
                preserve = ' xml:space="preserve"' if _preserve_whitespace(value) else ""
            parts.append(f'<c r="{_column_name(column)}{suffix}" t="inlineStr"><is><t{preserve}>{value}</t></is></c>')
        elif (kind is int and -_BIGGEST_INT < value < _BIGGEST_INT) or (kind is float and math.isfinite(value)):
            parts.append(f'<c r="{_column_name(column)}{suffix}"><v>{value:.16G}</v></c>')
        else:
            return None
        first, last = (column if first < 0 else first), column
    if first < 0:
        return ()
    return f'<row r="{suffix}">{"".join(parts)}</row>', first, last


def write_cells(worksheet, number: int, cells: list) -> None:
    """One row through XlsxWriter's own cell writers (what ``write_row`` does, without its type dispatch per
    cell), then written out, so that the sheet's row file again holds whole rows only."""
    for column, value in enumerate(cells):
        kind = type(value)
        if value is None or value == "":
            continue  # a blank without a format: XlsxWriter writes nothing
        if kind is str:
            worksheet._write_string(number, column, value)
        elif kind is int or kind is float:
            worksheet._write_number(number, column, value)
        else:
            worksheet.write(number, column, value)
    worksheet._write_single_row(number + 1)

