"""Characters inside a ruled PDF table's outline that stand in none of its cells, read as text lines.

The table finder makes a table of the rules it finds and reads each cell's characters (by their middles); the reader
read the text outside the tables' outlines as lines. A character inside an outline but in no cell was in neither:
lost, and nothing said so. Chromium prints a web table whose rows are told apart only by alternate shading (no
borders: ``tr:nth-child(even){background:…}``) as a filled box per shaded cell, so the finder made a table of the
shaded rows alone (and of a shaded cell merged down many rows), and every unshaded row between them — table 三's
（二）部分公开, 2.其他法律行政法规禁止公开 … — was lost (``row_absent``). Such characters (``orphans``) are now read
as text lines, in their place among the table's rows (``Ruled.tops``), as the lines of a table printed without
rules are (``pdf_cells``).
"""

from __future__ import annotations

SQUARE = 24.0  # points: the side of the squares cells are filed under (a table 三 cell is some 40 by 16)
MAX_CELLS = 2_000  # cells of a page's tables past which they are not searched (table 三 has some 250; a hostile
# ruling grid of 10,000 crossings times a page's characters would be a search of every cell for every character)


def orphans(chars: list[dict], tables: list) -> tuple[set[int], set[int]]:
    """The ids of those of ``chars`` (pdfplumber's) that stand inside a table's outline (their left edge and top, as
    the reader tells text outside a table) but whose middles are in no cell of any of ``tables`` (a table's outline
    may hold another table: the finder's table of a shaded cell merged down many rows holds the shaded rows below
    it), and the indexes of the tables whose outlines hold them.

    >>> class T:
    ...     bbox, cells = (0, 0, 100, 40), [(0, 0, 100, 10), (0, 30, 50, 40), (50, 30, 100, 40)]
    >>> class Inner:
    ...     bbox, cells = (0, 20, 100, 25), [(0, 20, 100, 25)]
    >>> chars = [{"x0": x, "x1": x + 4, "top": y, "bottom": y + 6} for x, y in ((10, 2), (10, 12), (60, 31), (10, 50))]
    >>> chars.append({"x0": 10, "x1": 14, "top": 19.5, "bottom": 25})
    >>> loose, holding = orphans(chars, [T(), Inner()])
    >>> sorted(k for k, c in enumerate(chars) if id(c) in loose), holding
    ([1], {0})
    """
    if not tables or sum(len(table.cells) for table in tables) > MAX_CELLS:
        return set(), set()
    # the cells filed under the squares of ``SQUARE`` points they overlap: a character is looked for in its square's
    filed: dict[tuple[int, int], list] = {}
    for table in tables:
        for cell in table.cells:
            for i in range(int(cell[0] // SQUARE), int(cell[2] // SQUARE) + 1):
                for j in range(int(cell[1] // SQUARE), int(cell[3] // SQUARE) + 1):
                    filed.setdefault((i, j), []).append(cell)
    boxes = [table.bbox for table in tables]  # (the library computes a table's outline at each reading)
    loose: set[int] = set()
    holding: set[int] = set()
    for char in chars:
        left, upper = char.get("x0", 0), char.get("top", 0)
        inside = [k for k, box in enumerate(boxes) if box[0] <= left <= box[2] and box[1] <= upper <= box[3]]
        if not inside:
            continue
        across, down = (left + char.get("x1", left)) / 2, (upper + char.get("bottom", upper)) / 2
        near = filed.get((int(across // SQUARE), int(down // SQUARE)), ())
        if not any(c[0] <= across <= c[2] and c[1] <= down <= c[3] for c in near):
            loose.add(id(char))
            holding.update(inside)
    return loose, holding
