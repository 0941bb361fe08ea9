"""Table 三 printed with columns the template has not beside its seven: another period's or a comparison after 总计
(自然人 … 总计 | 上年同期 | 同比增减, or a 备注 holding numbers), or two periods side by side (本年 over seven columns,
上年 over seven more). Every row then had more cells than the template's seven and the whole table was lost
(``row_extra_cells``, 175 cells). Where the header names those columns so (``rules/other_period_words.csv``,
``rules/remark_column_words.csv``, ``rules/this_period_words.csv``) and tells where this year's seven stand, and the
rows' cells tell the same, each row keeps this year's seven and the others are left out (``columns_selected``, one
finding for the table); in any other case the rows stay as they are (missing, as before).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from .catalog import applicant_codes, labels, table
from .cells import Row, structured_cells
from .findings import Finding, make
from .splitting import row_total_holds
from .table2_columns import other_period_words
from .table3_columns import WIDTH, by_position, column_name_patterns, column_order, in_template_order, unjoined_header
from .text import compact
from .values import read_cell

_GROUP = "法人或其他组织"
_HEADING = "申请人"  # (申请人情况: the template's heading over the seven columns)


@dataclass(frozen=True)
class Layout:
    """Where this year's seven stand among the value columns a table 三 prints: ``width`` columns, the seven from
    ``start``; ``left_out`` names the others as the header prints them."""

    width: int
    start: int
    left_out: str


@cache
def _words(name: str) -> tuple[str, ...]:
    return tuple(compact(row["words"]) for row in table(name))


def _names_column(cell: str) -> bool:
    """Whether a header cell (compact) names one of the seven columns, their group (法人或其他组织) or the heading over
    them (申请人情况)."""
    return _GROUP in cell or _HEADING in cell or any(p.search(cell) for p in column_name_patterns().values())


def _other(cell: str) -> bool:
    """Whether a header cell (compact) names a column of another period, a change or a remark, and none of the seven:
    上年同期, 同比增减, 备注."""
    return bool(cell) and not _names_column(cell) and any(
        word in cell for word in (*other_period_words(), *_words("remark_column_words")))


def _this_period(cell: str) -> bool:
    return bool(cell) and not _names_column(cell) and not _other(cell) and any(
        word in cell for word in _words("this_period_words"))


def _header_cells(lines: list[tuple[int, str]]) -> list[list[str]] | None:
    """The header's lines of cells (tabs, a pipe table's), each cell compact and the empty ones left out; None when a
    line of the header that is no line of cells names a column (a PDF's text: its words may be a wrapped name's
    pieces). Other loose lines (a caption, 单位：件) are passed over."""
    out = []
    for text in unjoined_header(lines):
        cells = structured_cells(text)
        if cells is None:
            if _names_column(compact(text)) or _other(compact(text)):
                return None
            continue
        out.append([c for c in (compact(cell) for cell in cells) if c])
    return out


def _count(header: str, applicant: str) -> int:
    return len(column_name_patterns()[applicant].findall(header))


def layout(lines: list[tuple[int, str]]) -> Layout | None:
    """Where this year's seven columns stand, when table 三's header (its lines of cells before the first row) names
    columns beyond them and tells it; None otherwise.

    Columns after the seven: 自然人 and 总计 each named once, and on every header line naming any, the other columns'
    names (``_other``) after the names of the seven, their group's and their heading's (申请人情况); the seven are
    first, as many others after them as the line of 总计 names.

    >>> names = "\\t".join(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    >>> layout([(1, f"项目\\t{names}\\t上年同期\\t同比增减")])
    Layout(width=9, start=0, left_out='上年同期 | 同比增减')

    Two periods side by side: 自然人 and 总计 each named twice, the seven in the same order under each, and one header
    line naming two periods, this year's (``rules/this_period_words.csv``: 本年, 本期) and another (上年): the seven
    under this year's.

    >>> layout([(1, "申请人情况\\t上年\\t本年"), (2, f"\\t{names}\\t{names}")])
    Layout(width=14, start=7, left_out='上年的七栏')

    Not told: another column before the seven, a 小计 beside them, two periods neither of which is this year's.
    >>> layout([(1, f"上年同期\\t{names}")]), layout([(1, f"{names}\\t小计\\t上年同期")])
    (None, None)
    >>> layout([(1, "申请人情况\\t2023年\\t2024年"), (2, f"\\t{names}\\t{names}")]) is None
    True
    """
    cells = _header_cells(lines)
    if not cells:
        return None
    header = "".join(c for line in cells for c in line)
    if "小计" in header:  # (a 小计 column: ``drop_org_subtotals``'s; the two together tell no place for certain)
        return None
    people, totals = _count(header, "natural_person"), _count(header, "total")
    if people == totals == 1:
        return _after_the_seven(cells)
    if people == totals == 2:
        return _two_periods(cells)
    return None


def _after_the_seven(cells: list[list[str]]) -> Layout | None:
    """Other columns after the seven (``layout``)."""
    named_by: list[tuple[bool, list[str]]] = []  # (whether the line names 总计, the others it names)
    for line in cells:
        named = [at for at, c in enumerate(line) if _names_column(c)]
        others = [at for at, c in enumerate(line) if _other(c)]
        if not others:
            continue
        if not named or min(others) < max(named):
            return None  # (where the others stand against the seven, this line does not tell)
        named_by.append((bool(column_name_patterns()["total"].search("".join(line))), [line[at] for at in others]))
    # (the line of 总计 counts the others; else the one line naming any: merged down from the heading's line)
    counted = [others for total, others in named_by if total] or [others for _, others in named_by]
    if len(counted) != 1:
        return None
    return Layout(WIDTH + len(counted[0]), 0, " | ".join(counted[0]))


def _two_periods(cells: list[list[str]]) -> Layout | None:
    """Two periods side by side (``layout``)."""
    periods = None
    for line in cells:
        named = [c for c in line if _names_column(c) and _HEADING not in c]
        half = len(named) // 2
        if len(named) % 2 or named[:half] != named[half:]:
            return None  # (the seven in another order under each period, or not named under both)
        marked = [c for c in line if _other(c) or _this_period(c)]
        if not marked:
            continue
        if periods is not None or len(marked) != 2 or [_other(c) for c in marked].count(True) != 1:
            return None
        periods = marked
    if periods is None:
        return None
    mine = 0 if _this_period(periods[0]) else 1
    return Layout(2 * WIDTH, WIDTH * mine, f"{periods[1 - mine]}的七栏")


def select(lines: list[tuple[int, str]], table_rows: list[Row]) -> list[Finding]:
    """Each row of a table 三 printed with other columns than the template's seven (``layout``) cut to this year's
    seven; one ``columns_selected`` finding, or nothing where the table is no such one or its rows do not tell.

    The rows of cells (tabs, a pipe table's, a web page's or Word table's) at least as wide as the header's columns,
    each width apart (a Word table's rows beside a group's name print one layout cell fewer): the header's columns
    stand where ``_place`` finds them; at least one row of the width most rows have, its seven read in the header's
    order, must hold its total (a nonzero one), else no row is cut. A row of seven cells or fewer stays as it is
    where this year's seven come first (the columns after them lost), and is missing (``row_lost_cells``) where they
    do not; a row of another width, or one ``_place`` cannot place, stays as it is (``row_extra_cells``)."""
    found = layout(lines)
    if found is None:
        return []
    rows = [row for row in table_rows if row.filled_slots and all(s.structured for s in row.slots)]
    lengths = Counter(len(row.slots) for row in rows if len(row.slots) >= found.width)
    if not lengths:
        return []
    order, named = column_order(lines)
    printed = order if order is not None and named else by_position(lines)
    places = {width: _place(width, [row for row in rows if len(row.slots) == width], found) for width in lengths}
    most = lengths.most_common(1)[0][0]
    if places[most] is None or not any(_proves(row.slots[places[most]:places[most] + WIDTH], printed)
                                       for row in rows if len(row.slots) == most):
        return []
    wide = [row for row in rows if places.get(len(row.slots)) is not None]
    cut = {id(row) for row in wide}
    for row in wide:
        at = places[len(row.slots)]
        row.slots = row.slots[at:at + WIDTH]
        row.filled = len(row.filled_slots)
    if found.start:  # (this year's seven after last year's: a row of seven or fewer is either's, or both's part)
        for row in rows:
            if id(row) not in cut and len(row.slots) <= WIDTH:
                row.short_of = found.width
    first = min(s.line for row in wide for s in row.slots)
    seven = " | ".join(labels()["applicants"][a] for a in applicant_codes())
    return [make("columns_selected", table="3", actual=found.width, expected=seven, detail=found.left_out,
                 line=first)]


PADDING = 4  # layout cells a row of a Word or web table prints beside its values (a merged label's, rules after it)


def _place(width: int, rows: list[Row], found: Layout) -> int | None:
    """Where this year's seven begin in rows of ``width`` cells: the header's columns stand where the cells outside
    them are empty in every such row, in one place only, and the other columns there hold something in one row at
    least; None otherwise (rows whose other columns are all blank are read as before: their empty cells are layout
    padding to ``cells.trim_slots``, which tells a merged label's empty cell before the values from a blank value).

    >>> from .cells import Slot
    >>> rows = [Row(slots=[Slot(t, 1, True) for t in ("", *"1000001", "2")])]
    >>> blank = [Row(slots=[Slot(t, 1, True) for t in (*"1000001", "")])]
    >>> _place(9, rows, Layout(8, 0, "备注")), _place(8, blank, Layout(8, 0, "备注"))
    (1, None)
    """
    if width > found.width + PADDING:  # (a row of thousands of cells: no table 三's, and quadratic to place)
        return None
    places = [at for at in range(width - found.width + 1) if all(
        row.slots[i].empty for row in rows for i in (*range(at), *range(at + found.width, width)))]
    if len(places) != 1:
        return None
    others = [i for i in range(places[0], places[0] + found.width)
              if not found.start <= i - places[0] < found.start + WIDTH]
    return places[0] + found.start if any(not row.slots[i].empty for row in rows for i in others) else None


def _proves(slots: list, printed: tuple) -> bool:
    """Whether a row's seven cells, read in the ``printed`` order, are numbers whose nonzero total holds."""
    values = tuple(read_cell(s.text)[0] for s in slots)
    if not all(isinstance(v, int) for v in values):
        return False
    ordered = in_template_order(values, printed)
    return ordered[-1] > 0 and row_total_holds(ordered)
