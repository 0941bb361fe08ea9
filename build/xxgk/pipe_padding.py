"""Pipe rows padded at their end: a web page's table written by a converter that drops every empty cell of a row and
pads the row to the table's width with bare rules after its last cell's (a crawler's text of a page, as the stored
pages of real reports show it)::

    第二十条第(一)项 | |||
    规章 | |||
    行政许可 | 8 | 93 | |

Such a row says how many of its cells were printed, not where the others stood: on a real page a row of seven
columns whose second cell is merged from the row above prints its third cell second, its last rule doubled. Its
printed numbers fill its first columns only by chance. A run of two bars or more after a cell's rule (``| |||``) is
already read as no cells (``cells._MERGED_RULES``: the row is cells short, its values null with ``row_lost_cells``);
one bar was read as an empty last cell, the row's numbers placed in its first columns — 2019's 上一年项目数量 8,
本年增/减 93, 处理决定数量 blank for a row whose blank cell, dropped by the converter, may be any of the three (a
blank 本年增/减 is the commonest). In a region padded so, that one bar is the row's padding too.

A region is padded so when its rows are printed one a line (most of its ruled lines hold two cells or more), one of
them ends on a cell's rule and two bars or more (``| |||``), which no writer that keeps its empty cells prints (it
writes `` |  | `` for each), and none prints an empty cell between two cells (which this converter never does). Any
other region is left as printed.
"""

from __future__ import annotations

import re

# a cell's text, its rule, then two bars or more: the padding of a row of this converter's (or, in a table printed
# one cell a line, ``0 | ||``, the rules of the columns a cell spans: ``pipe_cell_lines``)
_PADDED = re.compile(r"[^|\s] \| \|{2,}\s*$")
# a row on one line: two cells' texts at least, apart by a rule
_ROW = re.compile(r"[^|\s] \| .*[^|\s]")
# such a row ending on its last cell's rule and one bar: the padding of one dropped cell (or, in another writer's
# table, an empty last cell) — its end (``_PAD_END``), after a cell's text and rule (``_CELL_RULE``) on its line. As one
# pattern, ``([^|\s] \| .*[^|\s]) \| \|\s*$``, each cell's rule of a long row read the rest of the row (32,000
# characters of ``a | ``: 1.4 CPU s to parse, growing with the square of the row; session 42): ``_without_pad``
_PAD_END = re.compile(r"[^|\s] \| \|\s*$")
_CELL_RULE = re.compile(r"[^|\s] \| ")
# an empty cell between two cells' texts (a | b: `` |  | `` or `` | | `` between them): a writer that keeps them
_EMPTY_BETWEEN = re.compile(r"[^|\s] \|\s+\| [^|\s]")


def fold_end_padded_pipe_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The region's rows without their padding bar where the region is padded at the rows' ends (module docstring):
    ``行政许可 | 8 | 93 | |`` becomes ``行政许可 | 8 | 93 |`` — a row two cells of three, not one placed blank.

    >>> fold_end_padded_pipe_rows([(1, "规章 | |||"), (2, "行政许可 | 8 | 93 | |"), (3, "行政处罚 | 1 | 2 | 3 |")])
    [(1, '规章 | |||'), (2, '行政许可 | 8 | 93 |'), (3, '行政处罚 | 1 | 2 | 3 |')]
    >>> fold_end_padded_pipe_rows([(1, "规章 | |||"), (2, "行政许可 | 8 |  | 93 |"), (3, "行政处罚 | 1 | 2 | |")])
    [(1, '规章 | |||'), (2, '行政许可 | 8 |  | 93 |'), (3, '行政处罚 | 1 | 2 | |')]
    """
    ruled = [text for _, text in lines if "|" in text and text.strip("| \t")]
    rows = sum(bool(_ROW.search(text)) for text in ruled)
    if rows * 2 <= len(ruled) or not any("||" in text and _PADDED.search(text) for text in ruled) \
            or any(_EMPTY_BETWEEN.search(text) for text in ruled):
        return lines  # (a table printed one cell a line, or a writer that keeps its empty cells)
    return [(number, _without_pad(text) if "|" in text else text) for number, text in lines]


def _without_pad(text: str) -> str:
    r"""``text`` without the bar that pads it (``_PAD_END`` after a ``_CELL_RULE`` on its line), as
    ``re.sub(r"([^|\s] \| .*[^|\s]) \| \|\s*$", r"\1 |", text)`` gives it, in time linear in the line.

    >>> _without_pad("行政许可 | 8 | 93 | |"), _without_pad("规章 | |||"), _without_pad("8 | |")
    ('行政许可 | 8 | 93 |', '规章 | |||', '8 | |')
    >>> _without_pad("a | b | | \n"), _without_pad("a | \nb | |")
    ('a | b |', 'a | \nb | |')
    """
    end = _PAD_END.search(text)
    if end is None or not _CELL_RULE.search(text, text.rfind("\n", 0, end.start()) + 1, end.start()):
        return text
    return text[:end.start() + 1] + " |"
