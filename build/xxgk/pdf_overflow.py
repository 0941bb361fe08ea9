"""Numbers that run over a ruled PDF table cell's border: missing, with the number as printed, never a part of it.

The table finder reads each cell's characters by their middles. A number set too wide for its cell (a 5-digit total
in a narrow column, a font bigger than the table's, a cell's text pushed right by an editor) runs past the cell's
border, and its digits were shared out: those whose middles fell in the cell were the cell's number, the others went
to the next cell (joined with its own number) or, past the table's outline, to a line of their own. A 总计 printed
``18`` across the table's right border was published as **1**; ``1075`` printed across 自然人's border into
商业企业 as 10 (商业企业 ``75 1``, unreadable), and ``61`` across it, 商业企业 left blank, as 商业企业 = 1.

``split_numbers`` finds, on each line, the runs of digits set as one number (each character against the next, apart
by at most ``JOINED`` of the font size: a number's own digits touch; numbers in two cells stand a border and two
paddings apart) whose characters stand in more than one place — two cells, or a cell and no cell of any table. Each
cell holding part of such a number is written with the number as printed, its parts apart with ``STACKED``
(``1｜8``, ``10｜75``): a cell that reads as no number (``value_unreadable``, the text in the finding), never as a
part of one. Which cell the number belongs to is not guessed.
"""

from __future__ import annotations

import math

from .pdf_cell_lines import STACKED

JOINED = 0.1  # of the font size: the widest gap between two digits of one number (touching glyphs: 0)
OVERLAP = 0.3  # of the font size: the most one digit may overlap the one before (kerning) and still be the next
DIGITS = frozenset("0123456789０１２３４５６７８９")
MAX_CELLS = 2_000  # cells of a page's tables past which they are not searched (as ``pdf_orphans``)
SQUARE = 24.0  # points: the side of the squares cells are filed under (a table 三 cell is some 40 by 16)
MAX_FILED = 20 * MAX_CELLS  # cells filed in squares, past which a table's cells are each looked at in turn (a cell
# of a thousand points by a thousand is some 1,800 squares)


class _Cells:
    """The cells of a page's tables (pdfplumber's, with their ``rows``) read once: each table's outline and its cells
    with their (row, column), filed under the squares of ``SQUARE`` points they overlap. The library computes a
    table's rows and outline anew at each reading, and they were read for each digit of a number: a page of 46 rows
    of 15 ruled columns in 9 pt spent some 0.35 CPU s here, two thirds of its reading."""

    def __init__(self, tables: list, rows: list[list]) -> None:
        self.tables = []
        for table, table_rows in zip(tables, rows, strict=True):
            cells = [(r, c, box) for r, row in enumerate(table_rows) for c, box in enumerate(row.cells)
                     if box is not None]
            self.tables.append((table.bbox, cells, _filed(cells)))

    def place(self, char: dict) -> tuple[int, int, int] | None:
        """(table, row, column) of the cell holding ``char``'s middle, as the table finder reads it, or None: the
        first such table, and in it the first row and column, as they are listed."""
        middle_x, middle_y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        for k, (bbox, cells, filed) in enumerate(self.tables):
            x0, top, x1, bottom = bbox
            if not (x0 <= middle_x < x1 and top <= middle_y < bottom):
                continue
            near = cells if filed is None else filed.get((int(middle_x // SQUARE), int(middle_y // SQUARE)), ())
            for r, c, box in near:  # (in the order listed: a square's cells were filed row by row)
                if box[0] <= middle_x < box[2] and box[1] <= middle_y < box[3]:
                    return k, r, c
        return None


def _filed(cells: list[tuple[int, int, tuple]]) -> dict[tuple[int, int], list] | None:
    """``cells`` (row, column, box) filed under each square of ``SQUARE`` points their box overlaps, in their order;
    None (each looked at in turn) when a box is not finite or they would be filed more than ``MAX_FILED`` times."""
    filed: dict[tuple[int, int], list] = {}
    squares = 0
    for _, _, box in cells:
        if not all(math.isfinite(v) for v in box):
            return None
        squares += ((int(box[2] // SQUARE) - int(box[0] // SQUARE) + 1)
                    * (int(box[3] // SQUARE) - int(box[1] // SQUARE) + 1))
        if squares > MAX_FILED:
            return None
    for cell in cells:
        box = cell[2]
        for i in range(int(box[0] // SQUARE), int(box[2] // SQUARE) + 1):
            for j in range(int(box[1] // SQUARE), int(box[3] // SQUARE) + 1):
                filed.setdefault((i, j), []).append(cell)
    return filed


def _runs(chars: list[dict]) -> list[list[dict]]:
    """The digits of ``chars`` grouped into numbers as set: one line (the same top and size), each digit after the
    one before within ``JOINED`` (or overlapping it by at most ``OVERLAP``) of the font size."""
    digits = sorted((c for c in chars if c.get("text") in DIGITS and c.get("upright", True)),
                    key=lambda c: (round(c["top"], 1), round(c.get("size", 0), 1), c["x0"]))
    runs: list[list[dict]] = []
    for char in digits:
        last = runs[-1][-1] if runs else None
        size = char.get("size") or 1.0
        if (last is not None and round(last["top"], 1) == round(char["top"], 1)
                and round(last.get("size", 0), 1) == round(char.get("size", 0), 1)
                and -OVERLAP * size <= char["x0"] - last["x1"] <= JOINED * size):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def split_numbers(chars: list[dict], tables: list) -> dict[tuple[int, int, int], tuple[str, str]]:
    """``{(table, row, column): (its part, the number as printed, its parts apart with STACKED)}`` for each cell of
    ``tables`` (pdfplumber's) holding part of a number of ``chars`` that stands in more than one place.

    >>> class Row:
    ...     cells = [(0, 0, 20, 10), (20, 0, 40, 10)]
    >>> class T:
    ...     bbox, rows = (0, 0, 40, 10), [Row()]
    >>> def digit(text, x):
    ...     return {"text": text, "x0": x, "x1": x + 3.5, "top": 2, "bottom": 9, "size": 7}
    >>> split_numbers([digit("1", 15), digit("8", 18.5), digit("3", 30)], [T()])  # 18 over the border; 3 alone
    {(0, 0, 0): ('1', '1｜8'), (0, 0, 1): ('8', '1｜8')}
    >>> split_numbers([digit("1", 35), digit("8", 38.5)], [T()])  # 18 over the table's outline
    {(0, 0, 1): ('1', '1｜8')}
    >>> split_numbers([digit("1", 5), digit("8", 8.5), digit("6", 24)], [T()])
    {}
    """
    rows = [table.rows for table in tables]
    if not tables or sum(len(row.cells) for table_rows in rows for row in table_rows) > MAX_CELLS:
        return {}
    out: dict[tuple[int, int, int], tuple[str, str]] = {}
    cells = _Cells(tables, rows)
    for run in _runs(chars):
        if len(run) < 2:
            continue
        places = [cells.place(char) for char in run]
        if len(set(places)) < 2 or all(place is None for place in places):
            continue
        parts: list[str] = []
        for k, (char, place) in enumerate(zip(run, places, strict=True)):
            if k and place != places[k - 1]:
                parts.append(STACKED)
            parts.append(char["text"])
        for place in dict.fromkeys(places):
            if place is not None:
                out[place] = ("".join(c["text"] for c, p in zip(run, places, strict=True) if p == place),
                              "".join(parts))
    return out


def overflow_written(text: str, part: str, printed: str) -> str:
    """A cell's ``text`` with its ``part`` of a number run over its border written as the number ``printed``: in the
    part's place when the text begins or ends with it (the finder joins a cell's words with spaces), else after it;
    the cell's other words apart with ``STACKED`` too (a space between numbers may be read as cells apart, and the
    row lost for a cell too many: the cell is one cell, of no number).

    >>> overflow_written("1", "1", "1｜8"), overflow_written("75 1", "75", "10｜75")
    ('1｜8', '10｜75｜1')
    >>> overflow_written("6 6", "6", "6｜1"), overflow_written("", "8", "1｜8")
    ('6｜6｜1', '1｜8')
    """
    if text.endswith(part):
        text = text[:len(text) - len(part)] + printed
    elif text.startswith(part):
        text = printed + text[len(part):]
    else:
        text = f"{text} {printed}"
    return STACKED.join(text.split())
