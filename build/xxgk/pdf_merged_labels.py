"""Row labels a ruled PDF table prints inside one cell because the rules between its label columns are not drawn.

Table 三's labels stand in three columns (三、本年度办理结果 down the first, （三）不予公开 over its eight rows in the
second, 1.属于国家秘密 … in the third). A report whose table draws no vertical rule between those columns (borders
set to none inside the label block, as some templates do) still draws the rules between its rows, but only across
the columns where a row ends — under 1.属于国家秘密 from the third column on, under （三）不予公开's last row from the
second. The table finder needs a rule at both ends of a cell's sides, so it finds the whole label block of the
page as one cell over every row: its text was every row's label at once, in the first row, beside that row's numbers,
and the rows below had no label. The row was named by the last label the cell held: 予以公开's numbers published as
7.属于行政执法案卷's, a page's last row's as （七）总计's (wrong numbers, the sums' findings only).

Each character of such a cell is put back in the row its own cell begins at (``labels_by_row``): from the row band
it stands in, up past every row border that draws no rule where the character stands (its cell spans that border),
as the borders drawn say. A row gets its characters line by line, a cell's (a group label's, its rows' first) before
the characters of cells spanning fewer rows — ``三 、 本 年 度 …`` then ``（一）予以公开`` — as the finder reads cells
left to right. Only a cell over rows with no cell of their own in its column, some printing numbers (a row may print
blank cells), whose characters fall in two rows at least, is read so; a label merged over its rows with its rules
drawn (its characters all in its first row) is read as before.
"""

from __future__ import annotations

from .pdf_cells import VALUE

EDGE = 1.5  # points a rule may stand from a row's border and still be the border's


def labels_by_row(table, out: list[list[str]]) -> None:
    """Write in ``out`` (the table's rows of cell texts, as ``pdf_cell_lines.table_rows`` made them) each row's own
    part of a cell spanning rows that print numbers under no cell of their own (see the module's text). The page's
    characters are put in those cells in one pass (``_chars_by_box``): a table of many such cells costs its
    characters once, not once a cell."""
    rows = table.rows
    bands = [_band(row) for row in rows]
    spanning = []  # (row, column, its box, the rows it spans)
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None or box[3] <= bands[r][1] + EDGE:
                continue
            below = [k for k in range(r + 1, len(rows)) if bands[k][0] < box[3] - EDGE]
            if (not below or any(rows[k].cells[c] is not None for k in below)
                    or not any(_numbers(out[k]) for k in below)):
                continue
            spanning.append((r, c, box, [r, *below]))
    if not spanning:
        return
    held = _chars_by_box(table.page.chars, [box for _, _, box, _ in spanning])
    rules = [(e["top"], e["x0"], e["x1"]) for e in table.page.horizontal_edges]  # (the page's, read once)
    for (_, c, box, spanned), chars in zip(spanning, held, strict=True):
        parts = _parts(rules, box, chars, spanned, [bands[k] for k in spanned])
        if sum(1 for text in parts.values() if text) < 2:
            continue
        for k, text in parts.items():
            out[k][c] = text


BUCKET = 20.0  # points: the side of the squares the page's characters are sorted into (``_chars_by_box``)


def _chars_by_box(chars: list[dict], boxes: list[tuple]) -> list[list[dict]]:
    """The characters whose middles stand in each of ``boxes`` (cells of one table: they do not overlap), in the
    page's order: each character sorted once into a square of ``BUCKET`` points, each box reading its squares."""
    squares: dict[tuple[int, int], list[tuple[int, float, float, dict]]] = {}
    for at, char in enumerate(chars):
        mx, my = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        squares.setdefault((int(mx // BUCKET), int(my // BUCKET)), []).append((at, mx, my, char))
    out = []
    for x0, top, x1, bottom in boxes:
        found = [held for i in range(int(x0 // BUCKET), int(x1 // BUCKET) + 1)
                 for j in range(int(top // BUCKET), int(bottom // BUCKET) + 1) for held in squares.get((i, j), ())
                 if x0 <= held[1] <= x1 and top <= held[2] <= bottom]
        out.append([char for *_, char in sorted(found, key=lambda held: held[0])])
    return out


def _numbers(cells: list[str]) -> bool:
    return any(VALUE.fullmatch(cell.strip()) for cell in cells if cell)


def _band(row) -> tuple[float, float]:
    """A row's own top and bottom: its cells' that end first (the finder's row box reaches down a cell spanning
    rows below)."""
    return row.bbox[1], min(box[3] for box in row.cells if box is not None)


def _parts(rules: list[tuple], box, chars: list[dict], spanned: list[int], bands: list[tuple[float, float]]
           ) -> dict[int, str]:
    """``{row: its text}`` of ``chars`` (those in ``box``) over the rows ``spanned`` (their ``bands``), by the
    page's horizontal ``rules`` (top, x0, x1): each character in the row its cell begins at, a row's text its cells'
    (by how many rows each spans, the most first), each cell's lines in order."""
    x0, _, x1, _ = box
    drawn = [[(a, b) for rule_top, a, b in rules if abs(rule_top - band_top) <= EDGE and b > x0 and a < x1]
             for band_top, _ in bands]
    cells: dict[tuple[int, int], list[dict]] = {}  # (the row its cell begins at, rows it goes down) -> characters
    for char in chars:
        mx, my = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        at = next((j for j, (t, b) in enumerate(bands) if t <= my <= b), None)
        if at is None:
            continue
        start, end = at, at
        while start > 0 and not _ruled(drawn[start], mx):
            start -= 1  # no rule under the row above where the character stands: its cell began higher
        while end + 1 < len(bands) and not _ruled(drawn[end + 1], mx):
            end += 1  # and none under its own row: its cell goes on lower
        cells.setdefault((start, start - end), []).append(char)
    out = {k: "" for k in spanned}
    for (start, _), chars in sorted(cells.items()):
        out[spanned[start]] = " ".join(filter(None, (out[spanned[start]], _text(chars))))
    return out


def _ruled(rules: list[tuple[float, float]], x: float) -> bool:
    return any(a - EDGE <= x <= b + EDGE for a, b in rules)


def _text(chars: list[dict]) -> str:
    """A cell's characters as text: line by line (characters whose middles stand within half a character's height),
    each line left to right, lines apart by a space."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2):
        middle = (char["top"] + char["bottom"]) / 2
        if lines and middle - (lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2 <= (char["bottom"] - char["top"]) / 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return " ".join("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"])) for line in lines)
