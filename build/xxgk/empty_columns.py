"""Grid columns of a Word or web page table that hold nothing: a spacer the layout drew, no column of the report.

Tables pasted from spreadsheets or converted from PDFs often carry a narrow empty column (a border drawn between
two columns, a cell split by a stray line): every row then prints one cell more than the template has. Read as a
column, it made every row of table 三 eight cells (each lost, ``row_extra_cells``), and a row whose last cell is
blank seven: its blank spacer read as a value and every number after it one column off (a 0 published as the
row's 总计, which the report leaves blank). A column is a spacer when every cell that begins in it is empty and a
row of headings (no number in it) prints words both before it and after it: a heading the template gives every
column it has (商业企业, 结果维持 …) begins in each real column. A value column the report leaves blank in every
row keeps its heading, and stays. A table printed without its headings has no spacer said, but one continuing the
table just before it (a table split in two, as a page break or a pasted part leaves it; nothing between them but
blank lines or a 续表 line): its empty columns among its values are spacers when, without them, it prints exactly
as many columns of values as that table (the columns from the first that is not a label in its rows of numbers: the
two parts' labels may cover different columns, as a .doc's cell edges make them). Before, a spacer in the second
half of a split table 三 made each of its rows a cell too many (lost), and a row leaving its last cell blank was
read with the spacer as a value: each number after it a column right. Where it has more empty columns than columns
of values past that table's (a spacer, and a column it leaves blank in every row), which are spacers nothing tells:
every one is taken out, and its rows are short of their blanks — missing and said, never read a column off (session
54, the lead: 74 wrong numbers, 40 of them with no finding, in the office sweep's split tables → 0).
"""

from __future__ import annotations

import re

from .values import read_cell

_BLANK = " \t\r\n\u3000\xa0"


# what may stand between two parts of one table: a 续表 line, a page number (a page's footer), nothing. (Each run of
# blanks is one ``\s*``: written ``\s*[-—]?\s*``, a line of a page mark and 16,000 blanks took 5 CPU s, by the
# square of its blanks, read between tables in every paragraph of a .docx — hostile round 13.)
CONTINUED = re.compile(r"(?:[（(]\s*续(?:表|上表)?\s*[）)]|续表).{0,20}"
                       r"|第?\s*(?:[-—]\s*)?\d{1,4}\s*(?:[-—]\s*)?(?:页(?:\s*/\s*\d{1,4})?|/\s*\d{1,4})?|")


def continues_a_table(text: str) -> bool:
    """Whether a line between two tables leaves the second the first's continuation (``CONTINUED``).

    >>> continues_a_table(""), continues_a_table("（续表）"), continues_a_table("- 3 -"), continues_a_table("说明：")
    (True, True, True, False)
    """
    return CONTINUED.fullmatch(text.strip(_BLANK)) is not None


def value_columns(rows: list[list[tuple[int, str]]]) -> tuple[int, int] | None:
    """``(the first grid column of values, the width of its values' grid)`` of a table given as ``empty_columns``
    takes it: values begin at the first cell that is not words in its rows holding a number, and end at the last
    column a cell of those rows begins at (plus one: a heading wider than its column, merged one column too far,
    widens the headings' rows only — counted there, the table above seemed to print a column more than its second
    part, whose spacer then stayed, each of its rows a cell too many); None for a table with no number.

    >>> value_columns([[(0, "项目"), (2, "自然人")], [(0, "（一）予以公开"), (2, "5"), (3, ""), (4, "5")]])
    (2, 5)
    >>> value_columns([[(0, "项目"), (2, "自然人"), (5, "总计")], [(0, "（一）"), (2, "5"), (3, "0"), (4, "5")]])
    (2, 5)
    """
    numbered = [row for row in rows if any(read_cell(text)[1] is None for _, text in row)]
    if not numbered:
        return None
    first = min(next(column for column, text in row if read_cell(text)[1] != "unreadable") for row in numbered)
    return first, max(column for row in numbered for column, _ in row) + 1


def printed_values(rows: list[list[tuple[int, str]]], spacers: frozenset[int]) -> int | None:
    """The columns of values a table prints (``value_columns``, its ``spacers`` not counted), None with no number."""
    shape = value_columns(rows)
    return None if shape is None else shape[1] - shape[0] - sum(1 for column in spacers if column >= shape[0])


def empty_columns(rows: list[list[tuple[int, str]]], continues: int | None = None) -> frozenset[int]:
    """The grid columns of a table, given each row's cells as ``(column it begins at, text)``, that are spacers;
    ``continues``: the columns of values printed by the table this one continues (``printed_values``), if it does
    (``continues_a_table``).

    >>> head = [(0, "信息内容"), (1, "本年制发件数"), (2, ""), (3, "本年废止件数")]
    >>> sorted(empty_columns([head, [(0, "规章"), (1, "1"), (2, ""), (3, "0")]]))
    [2]
    >>> sorted(empty_columns([[(0, "规章"), (1, "1"), (2, ""), (3, "0")]]))  # no headings: not said
    []
    >>> sorted(empty_columns([head, [(0, "规章"), (1, "1"), (2, "3"), (3, "0")]]))  # a value in it: a column
    []
    >>> sorted(empty_columns([[(0, "规章"), (1, "1"), (2, ""), (3, "0")]], continues=2))  # the table above's values
    [2]
    >>> sorted(empty_columns([[(0, "规章"), (1, "1"), (2, ""), (3, "0")]], continues=3))  # a blank value column
    []
    >>> sorted(empty_columns([[(0, "规章"), (1, "1"), (2, ""), (3, ""), (4, "0")]], continues=3))  # which one?
    [2, 3]
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
    said = frozenset(column for column in candidates
                     if any(min(row, default=column) < column < max(row, default=column) for row in headings))
    shape = value_columns(rows) if not said and continues is not None else None
    inner = [column for column in candidates if shape and column >= shape[0]]
    surplus = shape[1] - shape[0] - continues if shape else 0  # (columns of values more than the table above's)
    if inner and 0 < surplus <= len(inner):
        # (as many empty columns as the surplus: they are the spacers; more: which are, nothing tells — every one
        # is taken out, each row is then short of the cells it left blank, missing and said, not read a column off)
        return frozenset(inner)
    return said
