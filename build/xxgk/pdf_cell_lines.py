"""The lines of a ruled PDF table cell that holds only numbers: one number wrapped, or numbers stacked.

The table finder gives a cell's text line by line, and its lines were joined with a space, as a label's are. For a
cell of numbers that read a line break as a thousands separator: ``10`` above ``200`` (two numbers typed in one
cell) was published as 10200, and ``1234`` above ``5`` (12345 wrapped in a narrow column) was unreadable. Where the
lines stand tells them apart (``wrapped``): a line that ends because the cell is full leaves less room than the
next line's first character and the cell's padding; such lines are one number and are joined with nothing
(``12345``). Lines that are not full are numbers of their own, written apart with ``｜`` (``10｜200``), one cell
that reads as no number (missing, ``value_unreadable``), never as another. (A Word cell's lines are never a
wrapped number: ``readers._docx_cell_line`` writes numbers on lines of their own apart with ``STACKED`` too.)
"""

from __future__ import annotations

import re

NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*")
PADDING = 6.0  # points of a cell's inner margin each side, at most (Word 5.4, WPS 5.4, reportlab 6)
STACKED = "｜"  # between numbers stacked in one cell: one cell, no number (read as unreadable; " / " was read as
# three cells, 10, the mark for none and 200, and the row lost with row_extra_cells)


def numeric_lines(text: str | None) -> list[str] | None:
    """The lines of a cell's text when it has two or more and each is one number, else None.

    >>> numeric_lines("1234\\n5"), numeric_lines("6"), numeric_lines("2.没有现成\\n信息")
    (['1234', '5'], None, None)
    """
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return lines if len(lines) > 1 and all(NUMBER.fullmatch(line) for line in lines) else None


def wrapped(box: tuple[float, float, float, float], chars: list[dict], lines: list[str]) -> bool:
    """Whether the ``lines`` of the cell ``box`` (x0, top, x1, bottom), drawn by ``chars`` (pdfplumber's, in the
    cell), are one number wrapped: every line but the last fills the cell (the room left on it is less than the
    next line's first character and twice ``PADDING``).

    >>> c = lambda x0, x1, top: {"x0": x0, "x1": x1, "top": top}
    >>> wrapped((0, 0, 20, 20), [c(2, 6, 1), c(6, 10, 1), c(10, 14, 1), c(14, 18, 1), c(2, 6, 9)], ["1234", "5"])
    True
    >>> wrapped((0, 0, 42, 20), [c(17, 21, 1), c(21, 25, 1), c(15, 19, 9), c(19, 23, 9), c(23, 27, 9)], ["10", "200"])
    False
    """
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - char["top"]) < 1:
            rows[-1].append(char)
        else:
            rows.append([char])
    if len(rows) != len(lines) or any(len(row) != len(line) for row, line in zip(rows, lines, strict=True)):
        return False  # (the characters are not the lines': say nothing)
    width = box[2] - box[0]
    for row, below in zip(rows, rows[1:], strict=False):
        room = width - (row[-1]["x1"] - row[0]["x0"])
        if room >= below[0]["x1"] - below[0]["x0"] + 2 * PADDING:
            return False
    return True


MAX_CELLS = 500  # cells of numbers over lines placed on one page (a report's tables have a few); the others stacked


def table_rows(table, chars: list[dict]) -> list[list[str]]:
    """A ruled table's (pdfplumber's) rows of cell texts, each cell on one line: its lines joined with a space,
    except a cell of numbers: wrapped, joined with nothing; stacked, joined with ``STACKED``. ``chars``: the page's
    characters (a cell's are those whose middle is in its box)."""
    inside = None  # (the table's characters, found once, only for a table with a cell of numbers over lines)
    placed = 0
    out = []
    for texts, row in zip(table.extract(), table.rows, strict=True):
        cells = []
        for text, box in zip(texts, row.cells, strict=True):
            lines = numeric_lines(text)
            if lines is None or box is None:
                cells.append(" ".join((text or "").split()))
                continue
            if inside is None:
                inside = [c for c in chars if _within(c, table.bbox) and not c["text"].isspace()]
            placed += 1
            mine = [c for c in inside if _within(c, box)] if placed <= MAX_CELLS else []
            cells.append("".join(lines) if wrapped(box, mine, lines) else STACKED.join(lines))
        out.append(cells)
    return out


def _within(char: dict, box: tuple) -> bool:
    """Whether a character's middle is inside ``box`` (x0, top, x1, bottom)."""
    return box[0] <= (char["x0"] + char["x1"]) / 2 <= box[2] and box[1] <= (char["top"] + char["bottom"]) / 2 <= box[3]
