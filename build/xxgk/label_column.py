"""Table 三 whose label column a PDF's text layer printed apart: every row's label first, a line each (or wrapped
over two), then every row's numbers, a line each — the label column extracted as a block of its own before the
columns of numbers. Read as printed, the labels ran together into one label and its 175 numbers were one row: all
of them missing (row_extra_cells, and row_absent for every other row).

``labels_then_values`` puts each line of numbers back after its row's label; the caller reads the table so and
keeps that reading only when its identities hold (``rows_realigned``), as it does for numbers printed above their
labels (``cells.labels_after_values``).
"""

from __future__ import annotations

from .cells import _line_kind, line_tokens
from .labels import label_matches
from .table3_subtotals import subtotal_group
from .text import compact

MIN_ROWS = 3  # lines of numbers: fewer is no table printed apart (a paragraph's line, a page's number)


def labels_then_values(lines: list[tuple[int, str]], width: int) -> list[tuple[int, str]] | None:
    """The region's lines with each line of numbers put after its row's label, when the lines are: text (a header,
    the labels), then lines of exactly ``width`` numbers and nothing else until the last of them, as many as the
    labels naming a row (``rules/row_labels.csv``; each names another row, and a group's heading alone —
    ``（三）不予公开`` — names none: it stays above its first sub-row). A label's wrapped tail (a line naming no row,
    after it) goes with it, before its numbers; what follows the numbers stays after them. None for any other
    layout: tab or pipe rows, a line of words and numbers before the last line of numbers, or counts that differ.

    >>> lines = list(enumerate(["申请人情况 自然人 总计", "一、本年新收政府信息公开申请数量", "二、上年结转政府信息",
    ...                         "公开申请数量", "四、结转下年度继续办理", "3 3", "1 1", "2 2", "注：无"]))
    >>> [t for _, t in labels_then_values(lines, 2)]  # doctest: +NORMALIZE_WHITESPACE
    ['申请人情况 自然人 总计', '一、本年新收政府信息公开申请数量', '3 3', '二、上年结转政府信息', '公开申请数量', '1 1',
     '四、结转下年度继续办理', '2 2', '注：无']
    >>> labels_then_values(lines[:1] + lines[2:], 2) is None  # two labels naming rows, three lines of numbers
    True
    """
    if any("\t" in text or "|" in text for _, text in lines):
        return None
    kinds = [_line_kind(*line_tokens(n, text)) for n, text in lines]
    values = [i for i, kind in enumerate(kinds) if kind and kind[0] != "text"]
    if len(values) < MIN_ROWS or any(kinds[i] != ("values", width) for i in range(values[0], values[-1] + 1)
                                     if kinds[i]):
        return None
    first = values[0]
    named = [i for i in range(first) if kinds[i] and not subtotal_group(lines[i][1])
             and label_matches(compact(lines[i][1]), "row_labels")]
    codes = [label_matches(compact(lines[i][1]), "row_labels")[0] for i in named]
    if len(named) != len(values) or len(set(codes)) != len(codes):
        return None
    out = list(lines[:named[0]])
    for at, (label, numbers) in enumerate(zip(named, values, strict=True)):
        end = named[at + 1] if at + 1 < len(named) else first
        heading = end  # (the next row's group heading, and blank lines before it, go with that row)
        while heading - 1 > label and (not kinds[heading - 1] or subtotal_group(lines[heading - 1][1])):
            heading -= 1
        out += [*lines[label:heading], lines[numbers], *lines[heading:end]]
    out += [line for i, line in enumerate(lines[first:], first) if i not in set(values)]
    return out
