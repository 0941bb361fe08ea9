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


def cell_tail(value) -> str | None:
    """What follows ``<c r="B7"`` in XlsxWriter's constant-memory XML for the non-blank cell ``value`` (``xlsx_cell``
    done): its rules, one by one: an inline string has its control characters, U+FFFE, U+FFFF and ``_xHHHH_``
    escaped, ``& < >`` as entities, ``xml:space="preserve"`` for leading or trailing whitespace and, if it then
    looks like ``<r>…</r>``, is written raw as a rich string; a number is ``.16G``. None for a cell of a kind only
    XlsxWriter's own writers handle (a bool, a NaN, a huge number, a text past half a cell's limit). The tail
    depends on the value alone, never on the cell's place: ``Rows`` keeps it per value.

    >>> cell_tail(3), cell_tail(" &"), cell_tail(True)
    ('><v>3</v></c>', ' t="inlineStr"><is><t xml:space="preserve"> &amp;</t></is></c>', None)
    """
    kind = type(value)
    if kind is str:
        if len(value) > _LONGEST_PLAIN:
            return None
        preserve = ""
        if _XML_SPECIAL.search(value) is not None:
            value = _WRITER._escape_control_characters(value)
            if value.startswith("<r>") and value.endswith("</r>"):
                return f' t="inlineStr"><is>{value}</is></c>'
            if _preserve_whitespace(value):
                preserve = ' xml:space="preserve"'
            value = _WRITER._escape_data(value)
        elif value[0].isspace() or value[-1].isspace():
            preserve = ' xml:space="preserve"' if _preserve_whitespace(value) else ""
        return f' t="inlineStr"><is><t{preserve}>{value}</t></is></c>'
    if (kind is int and -_BIGGEST_INT < value < _BIGGEST_INT) or (kind is float and math.isfinite(value)):
        return f'><v>{value:.16G}</v></c>'
    return None


def row_xml(number: int, cells: list) -> tuple[str, int, int] | tuple[()] | None:
    """Row ``number`` (0-based) of cells (``xlsx_cell`` done) as XlsxWriter's constant-memory mode writes it:
    ``(xml, first column, last column)`` of the non-blank cells; ``()`` if all are blank (no row written);
    None if a cell is of a kind only XlsxWriter's own writers handle (``cell_tail``)."""
    parts, first, last, suffix = [], -1, -1, str(number + 1)
    for column, value in enumerate(cells):
        if value is None or value == "":
            continue
        tail = cell_tail(value)
        if tail is None:
            return None
        parts.append(f'<c r="{_column_name(column)}{suffix}"{tail}')
        first, last = (column if first < 0 else first), column
    if first < 0:
        return ()
    return f'<row r="{suffix}">{"".join(parts)}</row>', first, last


_MISSING = object()
MEMO_CHARS = 48  # a longer text (a finding's message, a report's title) is seldom seen twice: not kept
MEMO_ENTRIES = 1 << 15  # at most ≈ 10 MB of kept cells; past it, new values are rendered and not kept


class Rows:
    """``row_xml`` of a row's raw values, each text's cell made once per workbook: ``text_cell(value)`` for a
    text column's value, ``number_cell(value)`` for one of ``numbers`` (the caller's ``xlsx_cell`` and
    ``sheet_number``, which look at the value alone), then ``cell_tail``, kept per value for short texts (the
    same item names, codes, report ids and figures fill most of a workbook's cells). A number or None is not
    converted by either function (they change texts only) and costs less to render than to look up.

    >>> rows = Rows(str.strip, lambda value: int(value) if value.isdigit() else value)
    >>> rows.render(0, ["7", " a ", None, 2.5], frozenset({0}))[1:]
    (0, 3)
    >>> rows.render(0, ["7", " a ", None, 2.5], frozenset({0}))[0]
    '<row r="1"><c r="A1"><v>7</v></c><c r="B1" t="inlineStr"><is><t>a</t></is></c><c r="D1"><v>2.5</v></c></row>'
    >>> rows.render(1, ["7"], frozenset())
    ('<row r="2"><c r="A2" t="inlineStr"><is><t>7</t></is></c></row>', 0, 0)
    >>> rows.render(2, [None, ""], frozenset()), rows.render(3, [True], frozenset())
    ((), None)
    """

    def __init__(self, text_cell, number_cell):
        self.cell = (text_cell, number_cell)
        self.memo: tuple[dict, dict] = ({}, {})  # by value: a text column's tails, a number column's

    def render(self, number: int, values, numbers: frozenset[int]) -> tuple[str, int, int] | tuple[()] | None:
        """``row_xml(number, cells)`` where ``cells`` are ``values`` converted as the class says."""
        parts, first, last, suffix = [], -1, -1, str(number + 1)
        opening = _CELL_OPENING
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            if type(value) is str:
                numeric = column in numbers
                memo = self.memo[numeric]
                tail = memo.get(value, _MISSING)
                if tail is _MISSING:
                    tail = cell_tail(self.cell[numeric](value))
                    if len(value) <= MEMO_CHARS and len(memo) < MEMO_ENTRIES:
                        memo[value] = tail
            else:
                tail = cell_tail(value)
            if tail is None:
                return None
            while len(opening) <= column:
                opening.append(f'<c r="{_column_name(len(opening))}')
            parts.append(f'{opening[column]}{suffix}"{tail}')
            first, last = (column if first < 0 else first), column
        if first < 0:
            return ()
        return f'<row r="{suffix}">{"".join(parts)}</row>', first, last


_CELL_OPENING: list[str] = []  # '<c r="B' by column


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

