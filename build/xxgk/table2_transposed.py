"""Table 二 printed transposed: items as columns, measures as rows. Pure.

Some reports turn table 二's sub-tables round (信息内容 | 规章 | 行政规范性文件, then 本年制发件数 | 0 | 2 …). Read as
printed, every item was a label with no numbers and every measure a label unrecognised: the whole table null with
``label_unrecognised`` / ``row_lost_cells``, although every number is printed under a named item and beside a named
measure. Such a block is turned back into the template's rows before table 二 is read, and ``table_transposed``
says so. Only a sure block is turned: a header of two or more distinct items and nothing else, then one row per
measure (a header word of the format, ``codes.yaml``'s measure labels), each with exactly one cell per item and no
words in them. Cells are a table's (tab-separated) or PDF text's (apart by spaces, or one a line: 信息内容, 规章,
行政规范性文件 each on its own line, then 本年制发件数 and its numbers one a line — PyMuPDF's text of a turned
table, where nothing was read before either).
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import labels
from .labels import label_matches
from .text import compact

# a count, an amount, a dash or blank: a measure line's cells hold no words
_VALUE = re.compile(r"^(?:[0-9０-９][0-9０-９,.， ]*(?:万元|元|件|个|项)?|[-—－/／]|)$")


def _cells(text: str) -> list[str]:
    """A line's cells: a table's apart by tabs (an empty cell kept), else PDF text's apart by spaces."""
    return [c.strip() for c in text.strip().split("\t")] if "\t" in text else text.split()


def _header(lines: list[tuple[int, str]], i: int) -> tuple[list[str], list[str], int] | None:
    """``(header cells, items, index after the header)`` of a transposed header starting at line ``i``: on one
    line (信息内容 | 规章 | 行政规范性文件), or one cell a line (信息内容, then one item a line); else None."""
    cells = _cells(lines[i][1])
    if len(cells) != 1:
        items = _items(cells)
        return (cells, items, i + 1) if items else None
    j = i + 1
    while j < len(lines) and len(more := _cells(lines[j][1])) == 1 and len(label_matches(more[0], "item_labels")) == 1:
        cells.append(more[0])
        j += 1
    items = _items(cells)
    return (cells, items, j) if items else None


def _measure_row(lines: list[tuple[int, str]], j: int, width: int) -> tuple[int, list[str], int] | None:
    """``(line, cells, index after the row)`` of a measure's row of ``width`` cells at line ``j``: its numbers on
    its line or on the lines after it (one or more a line, no word among them); None when it is not one."""
    if j >= len(lines) or not (row := _cells(lines[j][1])) or not _measure(row[0]):
        return None
    k = j + 1
    while len(row) < width and k < len(lines) and (more := _cells(lines[k][1])) and all(
            c and _VALUE.match(c) for c in more):
        row += more
        k += 1
    if len(row) != width or not all(_VALUE.match(c) for c in row[1:]):
        return None
    return lines[j][0], row, k


def _measure(cell: str) -> bool:
    """Whether ``cell`` names a table 二 measure of either edition (本年制发件数, 本年新制作数量, 本年处理决定数量,
    本年收费金额（单位：万元） …): a measure's label of ``codes.yaml``, its unit aside, is in it."""
    return bool(cell) and any(word in compact(cell) for word in _measure_words())


@cache
def _measure_words() -> tuple[str, ...]:
    return tuple(compact(re.sub(r"（[^）]*）", "", label)) for label in labels()["measures"].values())


def _items(cells: list[str]) -> list[str] | None:
    """The item codes a transposed header names (信息内容 | 规章 | 行政规范性文件): each cell after the first one
    item, all distinct, at least two; None otherwise."""
    if len(cells) < 3 or label_matches(cells[0], "item_labels") or _measure(cells[0]):
        return None
    found = [label_matches(c, "item_labels") for c in cells[1:]]
    codes = [f[0] for f in found if len(f) == 1]
    return codes if len(codes) == len(found) and len(set(codes)) == len(codes) and len(codes) >= 2 else None


def untransposed(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[int]]:
    """``(lines, header lines of the blocks turned)``: each transposed block as the template's rows, a header line
    of its measures (on the block's header line) and one line per item (on the line of its first measure, where its
    first number is printed); every other line unchanged.

    >>> lines = [(1, "信息内容\\t规章\\t行政规范性文件"), (2, "本年制发件数\\t0\\t2"), (3, "本年废止件数\\t0\\t1"),
    ...          (4, "现行有效件数\\t0\\t7"), (5, "信息内容\\t本年处理决定数量")]
    >>> untransposed(lines)
    ([(1, '信息内容\\t本年制发件数\\t本年废止件数\\t现行有效件数'), (2, '规章\\t0\\t0\\t0'), \
(2, '行政规范性文件\\t2\\t1\\t7'), (5, '信息内容\\t本年处理决定数量')], [1])
    """
    out: list[tuple[int, str]] = []
    turned: list[int] = []
    i = 0
    while i < len(lines):
        number, text = lines[i]
        header = _header(lines, i)
        measures: list[tuple[int, list[str]]] = []
        j = header[2] if header else i + 1
        while header and (found := _measure_row(lines, j, len(header[0]))):
            measures.append(found[:2])
            j = found[2]
        if not header or not measures:
            out.append((number, text))
            i += 1
            continue
        cells, items = header[0], header[1]
        out.append((number, "\t".join([cells[0]] + [row[0] for _, row in measures])))
        out += [(measures[0][0], "\t".join([cells[k + 1]] + [row[k + 1] for _, row in measures]))
                for k in range(len(items))]
        turned.append(number)
        i = j
    return out, turned
