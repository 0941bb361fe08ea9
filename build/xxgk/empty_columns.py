"""Grid columns of a Word or web page table that hold nothing: a spacer the layout drew, no column of the report.

Tables pasted from spreadsheets or converted from PDFs often carry a narrow empty column (a border drawn between
two columns, a cell split by a stray line): every row then prints one cell more than the template has. Read as a
column, it made every row of table 三 eight cells (each lost, ``row_extra_cells``), and a row whose last cell is
blank seven: its blank spacer read as a value and every number after it one column off (a 0 published as the
row's 总计, which the report leaves blank). A column is a spacer when every cell that begins in it is empty and a
row of headings (no number in it) prints words both before it and after it: a heading the template gives every
column it has (商业企业, 结果维持 …) begins in each real column. A value column the report leaves blank in every
row keeps its heading, and stays; a table printed without its headings has no spacer said.
"""

from __future__ import annotations

from .values import read_cell

_BLANK = " \t\r\n\u3000\xa0"


def empty_columns(rows: list[list[tuple[int, str]]]) -> frozenset[int]:
    """The grid columns of a table, given each row's cells as ``(column it begins at, text)``, that are spacers.

    >>> head = [(0, "信息内容"), (1, "本年制发件数"), (2, ""), (3, "本年废止件数")]
    >>> sorted(empty_columns([head, [(0, "规章"), (1, "1"), (2, ""), (3, "0")]]))
    [2]
    >>> sorted(empty_columns([[(0, "规章"), (1, "1"), (2, ""), (3, "0")]]))  # no headings: not said
    []
    >>> sorted(empty_columns([head, [(0, "规章"), (1, "1"), (2, "3"), (3, "0")]]))  # a value in it: a column
    []
    """
    starts: dict[int, bool] = {}  # column -> whether every cell beginning there is empty
    for row in rows:
        for column, text in row:
            starts[column] = starts.get(column, True) and not text.strip(_BLANK)
    candidates = [column for column, empty in starts.items() if empty]
    if not candidates:
        return frozenset()
    headings = [[column for column, text in row if text.strip(_BLANK)] for row in rows
                if not any(read_cell(text)[1] is None for _, text in row)]
    return frozenset(column for column in candidates
                     if any(min(row, default=column) < column < max(row, default=column) for row in headings))
