"""Table 二 printed transposed: items as columns, measures as rows. Pure.

Some reports turn table 二's sub-tables round (信息内容 | 规章 | 行政规范性文件, then 本年制发件数 | 0 | 2 …). Read as
printed, every item was a label with no numbers and every measure a label unrecognised: the whole table null with
``label_unrecognised`` / ``row_lost_cells``, although every number is printed under a named item and beside a named
measure. Such a block is turned back into the template's rows before table 二 is read, and ``table_transposed``
says so. Only cells of a table (tab-separated lines) are turned, and only when the block is sure: a header line of
two or more distinct items and nothing else, then one line per measure (a header word of the format,
``codes.yaml``'s measure labels), each with exactly one cell per item and no words in them.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import labels
from .labels import label_matches
from .text import compact

# a count, an amount, a dash or blank: a measure line's cells hold no words
_VALUE = re.compile(r"^(?:[0-9０-９][0-9０-９,.， ]*(?:万元|元|件|个|项)?|[-—－/／]|)$")


def _cells(text: str) -> list[str] | None:
    return [c.strip() for c in text.strip().split("\t")] if "\t" in text else None


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
        cells = _cells(text)
        items = _items(cells) if cells else None
        measures: list[tuple[int, list[str]]] = []
        j = i + 1
        while items and j < len(lines) and (row := _cells(lines[j][1])) and len(row) == len(cells) \
                and _measure(row[0]) and all(_VALUE.match(c) for c in row[1:]):
            measures.append((lines[j][0], row))
            j += 1
        if not items or not measures:
            out.append((number, text))
            i += 1
            continue
        out.append((number, "\t".join([cells[0]] + [row[0] for _, row in measures])))
        out += [(measures[0][0], "\t".join([cells[k + 1]] + [row[k + 1] for _, row in measures]))
                for k in range(len(items))]
        turned.append(number)
        i = j
    return out, turned
