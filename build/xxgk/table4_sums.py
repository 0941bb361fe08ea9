"""Table 四 printed with a fourth group of five that sums others: the two lawsuits' 合计 (行政复议 | 未经复议直接起诉 |
复议后起诉 | 合计) or all three proceedings' — twenty numbers for the template's fifteen. Before, the row had cells
too many and all fifteen were missing with ``row_extra_cells``."""

from __future__ import annotations

from .catalog import outcome_codes, proceeding_codes
from .cells import trim_slots
from .table4_columns import sum_group_place
from .values import read_cell


def without_sum_group(slots: list, header: list[str]) -> list:
    """``slots`` without the group of five the header names a 合计 (``table4_columns.sum_group_place``), when the
    row is twenty whole numbers and each of that group's five is the sum of the same outcome's in the groups it
    sums (the lawsuits', or all three proceedings'): the table's own sum, checked, is no cell of the template.
    Else ``slots`` unchanged (the row keeps its cells too many: a 合计 that does not add up is not known to be one).

    >>> from .cells import Slot
    >>> row = [Slot(t, 9, False) for t in "1 0 0 0 1 2 0 0 1 3 0 1 0 0 1 2 1 0 1 4".split()]
    >>> header = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉 合计"]
    >>> " ".join(s.text for s in without_sum_group(row, header))
    '1 0 0 0 1 2 0 0 1 3 0 1 0 0 1'
    >>> len(without_sum_group(row[:15] + [Slot(t, 9, False) for t in "2 1 0 1 5".split()], header))
    20
    """
    group = len(outcome_codes())
    width = group * (len(proceeding_codes()) + 1)
    cells = trim_slots(list(slots), width)
    place = sum_group_place(header)
    if place is None or len(cells) != width:
        return slots
    values = [read_cell(s.text)[0] for s in cells]
    if not all(isinstance(v, int) and (s.structured or s.text.strip().isdigit()) for v, s in zip(values, cells,
                                                                                                   strict=True)):
        return slots
    at, summed = place
    groups = [values[g:g + group] for g in range(0, width, group)]
    if [sum(groups[g][j] for g in summed) for j in range(group)] != groups[at]:
        return slots
    return cells[:at * group] + cells[(at + 1) * group:]
