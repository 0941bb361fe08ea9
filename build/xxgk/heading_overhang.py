"""A heading cell of a Word table merged one row too far down, into a row of numbers that it pushes past the table.

Word writes a cell merged down (``w:vMerge``, a .doc's ``fVertMerge``) as a cell in each row it covers, and the
readers repeat the text it continues there (a group label, 三、本年度办理结果, belongs to each of its rows). A heading
of table 四 (``总计``, over its two header rows) or of table 三 (``自然人``) merged over the row of numbers below
too stands in that row as a cell of its own: the row's numbers, typed into the cells left, run one grid column past
every other row of the table, and each number after the heading was read a column right (session 52's sweep: 4
wrong numbers in table 四 of a blank-heavy report, the row lost whole in the others). Such a cell is the heading's
overhang, no cell of the row: a row running past every other row of its table by ``n`` columns does not print the
first ``n`` cells in it continuing a heading merged down from a row that holds no number (text merged down from a
row of numbers, a group label, is the row's). A row as wide as the others keeps the cell (a value covered by a
heading is missing, said, as before).
"""

from __future__ import annotations


def past_the_others(widths: list[int]) -> list[int]:
    """For each row of a table, given the grid columns each row covers, how many columns it runs past every other
    row (0 for all but the widest, and for it when another row is as wide; 0 for a table of one row).

    >>> past_the_others([15, 15, 15, 16]), past_the_others([10, 11, 11]), past_the_others([4])
    ([0, 0, 0, 1], [0, 0, 0], [0])
    """
    if len(widths) < 2:
        return [0] * len(widths)
    ordered = sorted(widths)
    return [max(0, width - ordered[-2]) if width == ordered[-1] else 0 for width in widths]
