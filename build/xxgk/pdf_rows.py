"""A ruled PDF table's row broken over a page break, put back together.

Word and WPS let a table row break across pages: the lines of its cells that fit stay at the foot of one page, the
rest go to the top of the next. The table finder reads each page's part as a table of its own, so the row comes out
as two rows: the one holding the numbers with half a label (``2.没有现成 | 0 | 0 …``) and a row of the label's rest
with blank cells (``信息需要另行制作 | | …``), or a label's first lines with blank cells and the numbers with the
rest. Neither half names its row: the numbers were lost (``label_unrecognised``, ``row_conflict``) and the blank
half was read as a row printed blank.

Two rows are one broken row only when everything says so (``broken``): they are the last row of a page's last
table and the first row of the next page's first table (after the header rows the table repeats on each page), no
section heading stands between them, both tables have their cells at the same places (the row's cells, one by one,
have the same left and right edges: a row of another table, or one merged across columns, does not), one half
holds no number (``VALUE``) at all and none of its text stands above or below a number of the other half, the
other half holds a number, the second half does not begin its text as a row's label does (``（三）``, ``1.``,
``四、``: the next row, printed blank), and the half without numbers is no whole template label on its own
(``行政规范性文件``: the next row, printed blank; ``whole_labels``). A row of headings broken so, the page ending
inside the table's header, is joined too (``broken_heading``). The row is written once, each cell the two halves'
texts joined, where the first half stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .catalog import labels
from .pdf_cells import HEADING, VALUE
from .text import compact

EDGE = 1.5  # points two cell edges may differ by and still be one column's (the same table drawn on two pages)
# a row label's own numbering at its start: the next row, never a label's continuation
ROW_START = re.compile(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．]")
_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])")


@cache
def whole_labels() -> frozenset[str]:
    """The template's names of a row, an item, a column, a proceeding or an outcome, compact, without their
    numbering (``一、``, ``（一）``, ``1.``): a half holding one of these alone is a row of its own (``行政规范性文件``
    printed blank at the top of a page), never a label's continuation. Before (review of session 30), table 二's
    unnumbered labels passed the numbering test: ``规章 | 8 | 5 | 26`` at a page's foot and ``行政规范性文件`` printed
    blank at the next page's top were joined, and 规章's numbers were published as 行政规范性文件's.

    >>> {"规章", "行政规范性文件", "予以公开", "属于国家秘密", "商业企业", "行政复议"} <= whole_labels()
    True
    """
    names = {name for group in ("items", "rows", "applicants", "outcomes", "measures", "outcome_groups")
             for name in labels()[group].values()}
    names |= {part for name in labels()["proceedings"].values() for part in name.split("·")}
    names |= {part for name in names for part in name.split()}  # a sub-row's own name: （三）不予公开 1.属于国家秘密
    return frozenset(_NUMBERING.sub("", compact(name)) for name in names)


def _whole_label(cell: str) -> bool:
    """Whether ``cell`` is, by itself, one of ``whole_labels``."""
    return _NUMBERING.sub("", compact(cell)) in whole_labels()


@dataclass
class Ruled:
    """One ruled table of a page, as the table finder read it: where it starts (``top``), its rows of cell texts,
    and each cell's left and right edges (None where a merged cell covers it); ``tops``, each row's top when the
    table is written a row at a time among the page's lines (text in none of its cells is: ``pdf_orphans``), else
    None (the table written whole at its top)."""

    top: float
    rows: list[list[str]]
    edges: list[list[tuple[float, float] | None]]
    tops: list[float] | None = None


def projected(first_edges: list, second: list[str], second_edges: list) -> list[str] | None:
    """``second``'s cell texts put in the cells of ``first``'s row whose left and right edges they share (a table's
    columns may differ from page to page: a page whose rows all merge two columns has one column fewer), or None
    when a cell of one overlaps a cell of the other without sharing its edges (another table, or a row merged
    otherwise), or a cell of ``second`` holding text has no cell of ``first`` at its place.

    >>> projected([(0, 40), (40, 80), None], ["x", "", "1"], [(0, 40), None, (40, 80)])
    ['x', '1', '']
    >>> projected([(0, 40), (40, 80)], ["x"], [(0, 80)]) is None
    True
    """
    out = [""] * len(first_edges)
    for text, edge in zip(second, second_edges, strict=True):
        if edge is None:
            continue
        overlapping = [k for k, e in enumerate(first_edges)
                       if e is not None and min(e[1], edge[1]) - max(e[0], edge[0]) > EDGE]
        same = [k for k in overlapping
                if max(abs(first_edges[k][0] - edge[0]), abs(first_edges[k][1] - edge[1])) <= EDGE]
        if len(overlapping) > len(same) or (text and not same):
            return None
        if same:
            out[same[0]] = text
    return out


def broken(first: list[str], second: list[str]) -> bool:
    """Whether ``first`` (the last row of a page's table) and ``second`` (the first row of the next page's, its cells
    put in ``first``'s: ``projected``) are the two halves of one row broken over the page break (the module's rule,
    the places of the tables and their cells aside).

    >>> broken(["", "2.没有现成", "0", "0"], ["", "信息需要另行制作", "", ""])
    True
    >>> broken(["（六）其他处理", "2.申请人逾期", "", ""], ["", "未按收费通知", "1", "0"])
    True
    >>> broken(["", "2.重复申请", "0", "0"], ["", "3.要求提供公开出版物", "", ""])
    False
    >>> broken(["", "2.重复申请", "0", ""], ["", "申请", "", "0"])
    False
    >>> broken(["规章", "8", "5", "26"], ["行政规范性文件", "", "", ""])  # the next row, printed blank
    False
    """
    if len(first) != len(second):
        return False
    numbers = _holds_number
    if numbers(first) == numbers(second):
        return False
    piece, whole = (second, first) if numbers(first) else (first, second)
    if not any(piece) or any(cell and whole[k] and VALUE.fullmatch(whole[k].strip()) for k, cell in enumerate(piece)):
        return False
    if piece is second and not all(whole[k] for k, cell in enumerate(piece) if cell):
        return False  # (a label's rest stands under the label it continues; text under a blank cell is a row's own)
    if any(cell and whole[k] and _whole_label(cell) for k, cell in enumerate(piece)):
        return False  # (a whole label under or over the other half's label is a row of its own: a label's rest is not)
    return not any(cell and ROW_START.match(cell.strip()) for cell in second)


def _holds_number(row: list[str]) -> bool:
    """Whether a row's cells hold a number (``VALUE``)."""
    return any(VALUE.fullmatch(cell.strip()) for cell in row if cell.strip())


def broken_heading(rows: list[list[str]], second: list[str]) -> bool:
    """Whether ``second`` (the first row of the next page's table, put in the cells of ``rows``' last: ``projected``)
    is the rest of a row of headings broken over the page break: ``rows`` (a page's last table) hold no number at all
    — the page ends inside the table's header —, nor does ``second``, and each of its texts stands under a text of the
    last row, beginning none of a row's numbering. Table 三's third header row (科研 over 机构, 社会 over 公益组织)
    broken so was two rows of headings in two places, and the whole table was dropped (``columns_order_unsure``,
    session 53: LibreOffice's PDF of a report whose header fell at a page's foot).

    >>> broken_heading([["", "自然人", "法人或其他组织"], ["", "", "科研"]], ["", "", "机构"])
    True
    >>> broken_heading([["", "自然人", "法人或其他组织"], ["", "", "科研"]], ["", "机构", ""])  # under no text
    False
    >>> broken_heading([["信息内容", "本年制发件数"], ["规章", "3"]], ["行政规范性文件", ""])  # a number above
    False
    """
    last = rows[-1]
    return (len(last) == len(second) and not any(map(_holds_number, rows)) and not _holds_number(second)
            and any(second)
            and all(last[k] for k, cell in enumerate(second) if cell)
            and not any(cell and ROW_START.match(cell.strip()) for cell in second))


def _repeated_header(table: Ruled, previous: Ruled) -> int:
    """How many of ``table``'s first rows repeat ``previous``'s first rows (the header Word repeats on each page),
    by the texts of their cells (a page's table may have a column more: its rows below the header split a merged
    column)."""
    def texts(row: list[str]) -> list[str]:
        return [cell for cell in row if cell]

    count = 0
    while count < min(len(table.rows), len(previous.rows) - 1) and texts(table.rows[count]) == texts(
            previous.rows[count]):
        count += 1
    return count


def join_broken_rows(pages: list[tuple[list[tuple[float, str]], list[Ruled]]]) -> None:
    """Join the halves of each ruled table row broken over a page break (``broken``), in place: ``pages`` holds
    each page's text lines (their top and text) outside its ruled tables, and its ruled tables. The joined row
    takes the first half's place; the second half is removed from its table."""
    for (lines, tables), (next_lines, next_tables) in zip(pages, pages[1:], strict=False):
        if not tables or not next_tables:
            continue
        last = max(tables, key=lambda t: t.top)
        first = min(next_tables, key=lambda t: t.top)
        if not last.rows or any(top > last.top and HEADING.match(text.strip()) for top, text in lines) or any(
                top < first.top and HEADING.match(text.strip()) for top, text in next_lines):
            continue
        k = _repeated_header(first, last)
        if k >= len(first.rows):
            continue
        second = projected(last.edges[-1], first.rows[k], first.edges[k])
        if second is None or not (broken(last.rows[-1], second) or broken_heading(last.rows, second)):
            continue
        last.rows[-1] = [" ".join(part for part in pair if part) for pair in zip(last.rows[-1], second, strict=True)]
        del first.rows[k]
        del first.edges[k]
        if first.tops is not None:
            del first.tops[k]
