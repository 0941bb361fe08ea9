"""Reading a long ruled PDF costs what its pages hold, and reads as before (session 33).

The reader looks, for each digit of a number on a page, for the ruled cell holding it (``pdf_overflow``: a number
run over its cell's border is in no cell). pdfplumber computes a table's rows and outline anew at each reading, and
they were read for each digit: a page of 46 rows of 15 ruled columns in 9 pt spent some 0.35 CPU s there, two thirds
of its reading, and a report of 60 such pages some 32 s of the worker's 120 (``benchmarks.pdf_long``). The cells are
now read once a page and looked up by where they stand; what is found is what was found before.
"""

from __future__ import annotations

from xxgk.pdf_overflow import MAX_FILED, split_numbers


class _Row:
    def __init__(self, cells: list) -> None:
        self.cells = cells


class _Table:
    """A ruled table as pdfplumber gives it (its ``rows`` and ``bbox`` computed at each reading), counting how often
    its rows are read."""

    def __init__(self, rows: list[list]) -> None:
        self._rows = rows
        self.read = 0

    @property
    def rows(self) -> list[_Row]:
        self.read += 1
        return [_Row(list(cells)) for cells in self._rows]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        boxes = [box for cells in self._rows for box in cells if box is not None]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))


def _grid(rows: int, columns: int, width: float = 30, height: float = 14, left: float = 0) -> list[list]:
    return [[(left + c * width, r * height, left + (c + 1) * width, (r + 1) * height) for c in range(columns)]
            for r in range(rows)]


def _number(text: str, x: float, top: float, size: float = 9) -> list[dict]:
    """The characters of ``text`` set from ``x`` on, touching, in a font of ``size`` points."""
    width = size / 2
    return [{"text": t, "x0": x + k * width, "x1": x + (k + 1) * width, "top": top, "bottom": top + size,
             "size": size} for k, t in enumerate(text)]


def test_a_pages_table_rows_are_read_once_not_once_for_each_digit():
    """A grid of 40 rows of 15 columns, a three-digit number in each cell and one number run over a border: the
    number over the border is found (in neither cell), and the table's rows were read once for the page (before:
    once for each digit, some 1,800 times)."""
    table = _Table(_grid(40, 15))
    chars = [char for r in range(40) for c in range(15) if (r, c) not in ((3, 2), (3, 3))
             for char in _number("306", c * 30 + 4, r * 14 + 2)]
    chars += _number("1075", 2 * 30 + 21, 3 * 14 + 2)  # (row 3: over the border of columns 2 and 3)
    assert split_numbers(chars, [table]) == {(0, 3, 2): ("10", "10｜75"), (0, 3, 3): ("75", "10｜75")}
    assert table.read <= 2


def test_the_first_table_listed_and_its_first_cell_hold_a_digit_standing_in_two():
    """A table's outline may hold another (the finder's table of a shaded cell merged down many rows holds the
    shaded rows below it) and a merged cell may overlap the cells it spans: a digit is placed in the first table
    listed that holds it, and there in the first cell by rows and columns, as the reader placed it before."""
    outer = _Table([[(0, 0, 120, 20)], [(0, 20, 60, 40), (60, 20, 120, 40)]])
    inner = _Table([[(50, 20, 70, 40)]])
    merged = _Table([[(200, 0, 260, 40), None], [(200, 20, 230, 40), (230, 20, 260, 40)]])
    chars = _number("18", 56, 25) + _number("75", 226, 25)
    assert split_numbers(chars, [outer, inner, merged]) == {(0, 1, 0): ("1", "1｜8"), (0, 1, 1): ("8", "1｜8")}
    assert split_numbers(chars, [inner, outer]) == {}  # (both digits in the inner table's one cell)


def test_cells_too_wide_to_file_or_not_finite_are_still_looked_at_each():
    """A cell too large to file by squares (a hostile ruling a million points long) or with a coordinate that is no
    number is looked at in turn, as every cell was: a number run over the border beside it is still in no cell."""
    wide = [[(0, 0, 30, 14), (30, 0, 1_000_000, 14)]]
    assert 1_000_000 / 24 > MAX_FILED  # (squares of 24 points)
    chars = _number("18", 26, 2)
    assert split_numbers(chars, [_Table(wide)]) == {(0, 0, 0): ("1", "1｜8"), (0, 0, 1): ("8", "1｜8")}
    odd = [[(0, 0, 30, 14), (30, 0, 60, 14), (60, 0, float("inf"), 14)]]
    assert split_numbers(chars, [_Table(odd)]) == {(0, 0, 0): ("1", "1｜8"), (0, 0, 1): ("8", "1｜8")}
