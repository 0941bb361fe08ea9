"""Which of a table 三 row's places its seven values may stand at, when empty cells pad it at both ends and one
value at an end is blank (``| | 5 | 0 | 0 | 0 | 0 | 0 | |``: a blank 自然人 or a blank 总计 — the row does not say;
``cells.edge_windows``), where the row's own total rules out the place the trailing empties dropped first give: counts
are never negative, so the printed cells of the applicant columns cannot sum past a printed 总计.

Before (session 54), the trailing empty cell was dropped first (``cells.trim_slots``) whatever the numbers said: a
table split over two pages with a spacer column in its second part, its 总计 blank, published 1 as 商业企业's and
0 as 总计 where the report prints 1 for 自然人 and leaves 总计 blank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .cells import Slot, edge_windows
from .identities import printed_sum
from .values import read_cell


def possible_total(values: Sequence) -> bool:
    """Whether some non-negative counts in the blank cells of ``values`` (the applicant columns, then 总计) make the
    total hold: every printed value a count, and the printed parts not past a printed total (a blank total can be
    any sum; a row with no blank must hold as printed).

    >>> possible_total((None, 1, 0, 0, 0, 0, 0)), possible_total((1, 0, 0, 0, 0, 0, None))
    (False, True)
    >>> possible_total((None, 1, 0, 0, 0, 0, 3)), possible_total((2, 1, 0, 0, 0, 0, 3))
    (True, True)
    """
    *parts, total = values
    summed = printed_sum(parts)
    if summed is None or printed_sum([total]) is None:
        return True  # (an odd value: nothing is told here, the row is read as before)
    if total is None:
        return True
    printed, blank = summed
    return printed <= total if blank else printed == total


def told_window(slots: Sequence[Slot], k: int,
                possible: Callable[[tuple], bool] = possible_total) -> list[Slot] | None:
    """The ``k`` slots of a line of cells padded at both ends with a blank value at an end, where the place
    ``cells.trim_slots`` takes (its trailing empty cells dropped first: where a row's merged label columns print
    their rules after its cells, the right one) is one its own total rules out (``possible``: :func:`possible_total`
    of the values as printed, or of them in the template's order) and it allows one other place only; ``[]`` where
    it allows none or several (which empty cell is the blank value, nothing tells: the row is missing); None where
    the numbers allow the place ``trim_slots`` takes (read as before), where the row is not so padded (one place,
    or at most ``k`` slots), or is not a line of cells (a row printed a cell a line has its padding on lines of
    their own, which tell it: ``cells.trim_slots``).

    >>> row = [Slot(t, 1, True) for t in ("", "1", "0", "0", "0", "0", "0", "")]
    >>> [s.text for s in told_window(row, 7)]
    ['1', '0', '0', '0', '0', '0', '']
    >>> told_window([Slot(t, 1, True) for t in ("", "", "1", "0", "0", "0", "0", "", "")], 7)  # 总计 or 其他 blank
    []
    >>> told_window([Slot(t, 1, True) for t in ("", "0", "0", "0", "0", "0", "0", "")], 7) is None  # as before
    True
    >>> told_window([Slot(t, 1, True) for t in ("", "1", "0", "0", "0", "0", "0", "1", "")], 7) is None
    True
    """
    if len({s.line for s in slots}) != 1:
        return None
    starts = edge_windows(list(slots), k)
    if len(starts) < 2:
        return None
    readings = {start: tuple(read_cell(s.text)[0] for s in slots[start:start + k]) for start in starts}
    if possible(readings[starts[0]]):
        return None
    allowed = [start for start in starts[1:] if possible(readings[start])]
    return list(slots[allowed[0]:allowed[0] + k]) if len(allowed) == 1 else []
