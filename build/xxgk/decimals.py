"""Counts printed with a decimal point (``6.0``, ``12.00``): a table's own number format, or no count at all.

A count is a whole number; ``6.0`` in one cell of a table whose other counts print as ``6`` is not one (a typed
figure, a pasted average, an amount in the wrong column): ``values.read_cell`` leaves it missing with
``value_unreadable``. A table whose every number prints so (a spreadsheet column formatted ``0.0``, exported
whole) says it is the table's format: ``whole_decimals`` reads its counts as the whole numbers they are, and says
so with one ``values_whole_decimals`` finding.
"""

from __future__ import annotations

import re

from .cells import is_page_footer
from .findings import Finding, make
from .text import fold

# a cell standing alone on its line (between tabs, pipes or spaces): a whole number with one or two zero decimals,
# or a whole number (commas for thousands or none)
_APART = r"(?<![^\s|])"
_END = r"(?![^\s|])"
_WHOLE = re.compile(_APART + r"(\d{1,3}(?:,\d{3})+|\d+)\.0{1,2}" + _END)
_INTEGER = re.compile(_APART + r"(?:\d{1,3}(?:,\d{3})+|\d+)" + _END)
# a line that is only a page's number (``3``, ``3 / 8``; ``— 3 —`` is cells.is_page_footer): PDF text prints it
# where a page breaks inside the table, and it says nothing of how the table prints its counts. A table breaks over
# a page or two; more lone whole numbers than that are cells (a table printed one cell a line)
_BARE_PAGE_NUMBER = re.compile(r"\s*\d{1,3}(?:\s*/\s*\d{1,3})?\s*")
PAGE_NUMBERS_MAX = 2


def whole_decimals(lines: list[tuple[int, str]], table: str) -> tuple[list[tuple[int, str]], list[Finding]]:
    """``(lines, findings)``: when the region's cells standing apart hold whole numbers printed with decimals
    (``6.0``, ``12.00``) and none printed bare (``6``), each is read as its whole number (the lines with their
    decimals taken off) with one ``values_whole_decimals`` finding; else ``lines`` unchanged and no finding (each
    such cell is then unreadable where it is read). Words with digits (2024年, 1.属于国家秘密) are no cells; a
    fraction (12.5, an amount) says nothing either way; nor does a line that is only a page's number (``3``,
    ``— 3 —``) where the table's cells print ``6.0`` (before, that page number made every cell unreadable).

    >>> lines, said = whole_decimals([(1, "规章 0.0 0.0 0.0"), (2, "行政规范性文件 2.0 1.0 7.00")], "2")
    >>> [text for _, text in lines], said[0].code, said[0].actual
    (['规章 0 0 0', '行政规范性文件 2 1 7'], 'values_whole_decimals', '0.0')
    >>> whole_decimals([(1, "规章 0 0 0"), (2, "行政规范性文件 2.0 1 7")], "2")[1]
    []
    >>> paged = [(1, "规章 0.0 0.0 0.0"), (2, "3"), (3, "行政规范性文件 2.0 1.0 7.0")]
    >>> [text for _, text in whole_decimals(paged, "2")[0]]
    ['规章 0 0 0', '3', '行政规范性文件 2 1 7']
    >>> whole_decimals([(1, "0"), (2, "1.0"), (3, "0"), (4, "1")], "4")[1]  # one cell a line: lone counts are cells
    []
    """
    wholes = integers = lone = 0
    first = None
    for number, text in lines:
        folded = fold(text)
        found = _WHOLE.search(folded)
        if found:
            wholes += 1
            first = first or (number, found.group(0))
        if _BARE_PAGE_NUMBER.fullmatch(folded) or is_page_footer(text):
            lone += 1
        elif _INTEGER.search(folded):
            integers += 1
            break
    if not wholes or integers or lone > min(PAGE_NUMBERS_MAX, wholes - 1):
        return lines, []
    read = [(number, _WHOLE.sub(r"\1", fold(text))) if _WHOLE.search(fold(text)) else (number, text)
            for number, text in lines]
    count = sum(len(_WHOLE.findall(fold(text))) for _, text in lines)
    return read, [make("values_whole_decimals", table=table, actual=first[1], expected=count, line=first[0])]
