"""The lines of a ruled PDF table cell that holds only numbers: numbers stacked, no number.

The table finder gives a cell's text line by line, and its lines were joined with a space, as a label's are. For a
cell of numbers that read a line break as a thousands separator: ``10`` above ``200`` (two numbers typed in one
cell) was published as 10200. Such lines are written apart with ``｜`` (``10｜200``): one cell that reads as no
number (missing, ``value_unreadable``), never as another. That holds for ``1234`` above ``5`` too, though it may be
12345 wrapped in a narrow column: a cell's geometry cannot tell the two apart where the first line nearly fills the
cell (Word's 5.4 pt margins: ``1000`` above ``5`` in a tight cell looked wrapped and 10005 was published — review of
session 30), so a wrapped number stays missing rather than risk a made-up one. (A Word or web cell's lines are
never joined either: ``readers._cell_line`` writes numbers on lines of their own apart with ``STACKED`` too.)
"""

from __future__ import annotations

import re

from .pdf_letter_spacing import cell_chars, looks_spread, spaced_text
from .pdf_merged_labels import labels_by_row

NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*")
STACKED = "｜"  # between numbers stacked in one cell: one cell, no number (read as unreadable; " / " was read as
# three cells, 10, the mark for none and 200, and the row lost with row_extra_cells)


def numeric_lines(text: str | None) -> list[str] | None:
    """The lines of a cell's text when it has two or more and each is one number, else None.

    >>> numeric_lines("1234\\n5"), numeric_lines("6"), numeric_lines("2.没有现成\\n信息")
    (['1234', '5'], None, None)
    """
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return lines if len(lines) > 1 and all(NUMBER.fullmatch(line) for line in lines) else None


def table_rows(table) -> list[list[str]]:
    """A ruled table's (pdfplumber's) rows of cell texts, each cell on one line: its lines joined with a space,
    except a cell of numbers over lines, joined with ``STACKED``, and a letter-spaced cell, written as the text it
    prints (``pdf_letter_spacing.spaced_text``)."""
    out = []
    spread = []  # (row, column, box) of the cells the table finder wrote with characters apart (``1 0 7 5``)
    for r, (texts, row) in enumerate(zip(table.extract(), table.rows, strict=True)):
        cells = []
        for c, (text, box) in enumerate(zip(texts, row.cells, strict=True)):
            lines = numeric_lines(text)
            cells.append(" ".join((text or "").split()) if lines is None or box is None else STACKED.join(lines))
            if box is not None and looks_spread(cells[-1]):
                spread.append((r, c, box))
        out.append(cells)
    # a letter-spaced cell is the text it prints (``pdf_letter_spacing``): its characters' gaps say so, and no column
    # rule of the table's other rows stands between two of its digits
    edges = tuple(sorted({x for row in table.rows for box in row.cells if box is not None for x in (box[0], box[2])})
                  ) if spread else ()
    for (r, c, _), chars in zip(spread, cell_chars(table.page.chars, [box for _, _, box in spread]) if spread else (),
                                strict=True):
        out[r][c] = spaced_text(chars, edges) or out[r][c]
    labels_by_row(table, out)  # (row labels in one cell over their rows, no rule drawn between label columns)
    return out

