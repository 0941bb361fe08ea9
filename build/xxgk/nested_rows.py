"""A table row some of whose cells are split by a small table nested in them, read as the row it shows.

WPS and web editors split a cell into columns by putting a table in it: table 三's ``法人或其他组织`` cell of
each row holding a one-row table of the five organisations' numbers (``<td><table><tr><td>1</td><td>0</td>…``),
and the header's cell a two-row table (法人或其他组织 over 商业企业 … 其他). A row whose cells hold tables was read
as a layout table's (the page or the document around the report), each cell and each inner cell on a line of its
own: table 三 came out as a column of lines and was lost whole (``table_absent``), its numbers ``stray_values``.

A row is read as one row when every cell holding a table holds that one table and nothing else, a table of at most
``MAX_SUB_ROWS`` rows and no table inside (``fits``; the readers find such cells in their markup): the inner
table's first row takes the cell's place among the row's cells, and its further rows, a header's, become rows of
their own below, blank under the row's other cells (``expand``). A split cell whose table has more than one row
while the row holds a number is not read so (which row the other cells' numbers belong to is not known): the row
is read as before, cell by cell, its numbers missing with findings, never placed in a row they may not belong to.
"""

from __future__ import annotations

from .values import read_cell

MAX_SUB_ROWS = 4  # rows of a table that splits a cell (a header's: 法人或其他组织 over its five; a report is longer)
# what the row's other cells hold at most, each: a table's cell (the template's longest label, 2.申请人逾期未按
# 收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请, has 38 characters; a label wraps on a few lines). A page's
# layout row holds a navigation table beside the article's paragraphs: read as one row, the article was one line
MAX_CELL_CHARS = 120
MAX_CELL_LINES = 4


def fits(texts: list[str], grids: list[list[list[str]]]) -> bool:
    """Whether a row whose other cells hold ``texts`` (each as its lines) and whose split cells hold tables of rows
    ``grids`` is read as the row it shows (the module's rule: each table of at most ``MAX_SUB_ROWS`` rows, the other
    cells a table's, within ``MAX_CELL_CHARS`` and ``MAX_CELL_LINES``; a table of more than one row only where no
    cell of the row holds a number).

    >>> fits(["（一）予以公开", "3", "4"], [[["1", "0", "0", "0", "0"]]]), fits(["自然人"], [[["法人"], ["商业企业"]]])
    (True, True)
    >>> fits(["（一）予以公开", "3", "4"], [[["1"], ["0"]]]), fits(["甲"], [[["乙"]] * 5]), fits(["甲"], [[]])
    (False, False, False)
    >>> fits(["一、总体情况\\n本年度\\n五、存在的问题\\n无。\\n六、其他"], [[["首页", "信息公开"]]])
    False
    """
    if not grids or not all(0 < len(rows) <= MAX_SUB_ROWS for rows in grids):
        return False
    if any(len(text) > MAX_CELL_CHARS or sum(1 for line in text.split("\n") if line.strip()) > MAX_CELL_LINES
           for text in texts):
        return False
    texts = [" ".join(text.split()) for text in texts]
    if max(len(rows) for rows in grids) == 1:
        return True
    cells = [*texts, *(cell for rows in grids for row in rows for cell in row)]
    return not any(text and read_cell(text)[1] is None for text in cells)


def expand(first: list[str], grids: list[tuple[int, list[list[str]]]]) -> list[list[str]]:
    """The rows a row shows: ``first``, its cells, the split cells left out, and ``grids``, each split cell's place
    in ``first`` (the index its cells go to) and its table's rows of cell texts, in order of place (``fits``).

    >>> expand(["（一）予以公开", "3", "4"], [(2, [["1", "0", "0", "0", "0"]])])
    [['（一）予以公开', '3', '1', '0', '0', '0', '0', '4']]
    >>> expand(["自然人", "总计"], [(1, [["法人或其他组织"], ["商业企业", "科研机构", "其他"]])])
    [['自然人', '法人或其他组织', '', '', '总计'], ['', '商业企业', '科研机构', '其他', '']]
    """
    height = max((len(rows) for _, rows in grids), default=1)
    out: list[list[str]] = [[] for _ in range(height)]
    at = 0
    for place, rows in [*grids, (len(first), [])]:
        for k, row in enumerate(out):
            row += first[at:place] if k == 0 else [""] * (place - at)
        width = max((len(row) for row in rows), default=0)
        for k, row in enumerate(out):
            cells = rows[k] if k < len(rows) else []
            row += cells + [""] * (width - len(cells))
        at = place
    return out
