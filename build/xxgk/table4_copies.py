"""Table 四 printed twice — a summary and a detail (a government's whole region and its own office), a draft and a
final copy — in PDF text. Each copy is a row of fifteen loose numbers; the second was compared with the first only
when its cells were a table's (tab or pipe), so in PDF text a second copy under its own header was ignored — the
first published with no finding where the copies differ (tab text said row_conflict) — and one printed right under
the first ran on into a row of thirty numbers: all fifteen missing with row_extra_cells."""

from __future__ import annotations

from .cells import Row, trim_slots


def whole_copy(row: Row, width: int) -> bool:
    """Whether ``row`` is a whole copy of the table: ``width`` cells, each a table's cell or a loose number of digits
    only (a PDF text's; a word, a mark or a number with a unit is no copy to compare).

    >>> from .cells import Slot
    >>> whole_copy(Row("", 1, False, [Slot(t, 3, False) for t in "1 0 0 0 1".split()]), 5)
    True
    >>> whole_copy(Row("", 1, False, [Slot(t, 3, False) for t in "1 0 0 0 1件".split()]), 5)
    False
    """
    return len(trim_slots(list(row.slots), width)) == width and all(
        s.structured or s.text.strip().isdigit() for s in row.slots)


def copies_apart(rows: list[Row], width: int) -> list[Row]:
    """``rows`` with a first row of loose text whose numbers stand on two or more lines of exactly ``width`` numbers
    each (the table printed again right under itself, no header between) cut into a row a line: the first is the
    table, the others copies to compare. ``rows`` unchanged for any other first row.

    >>> from .cells import Slot
    >>> row = Row("", 1, False, [Slot(t, n, False) for n in (2, 3) for t in "1 0 0 0 1".split()])
    >>> [[s.line for s in r.slots] for r in copies_apart([row], 5)]
    [[2, 2, 2, 2, 2], [3, 3, 3, 3, 3]]
    """
    if not rows or any(s.structured for s in rows[0].slots):
        return rows
    first = rows[0]
    lines = list(dict.fromkeys(s.line for s in first.slots))
    if len(lines) < 2:
        return rows
    copies = []
    for line in lines:
        copy = Row(first.label if not copies else "", first.label_line if not copies else line, False)
        for slot in first.slots:
            if slot.line == line:
                copy.add(slot)
        if len(copy.slots) != width or not whole_copy(copy, width):
            return rows
        copies.append(copy)
    if [s for copy in copies for s in copy.slots] != first.slots:  # (the lines' numbers interleaved: no copies)
        return rows
    return copies + rows[1:]
