"""From a row's slots to its ``k`` cell values, or to a finding saying why it has none.

``resolve_row`` never guesses: ``k`` slots are read cell by cell; more slots than cells, or
fewer with nothing to split, make the whole row missing with a finding; digit runs are cut
only where exactly one cut satisfies ``accept`` (several cuts are returned as ``candidates``
for the caller to settle with the table's column identities, or to publish as missing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .cells import Slot, spread_spans, trim_slots
from .findings import Finding, make
from .marked_runs import marked_cuts
from .splitting import is_digit_run, splits
from .values import MERGED_ACROSS, read_cell


@dataclass
class Resolved:
    values: tuple | None = None  # k values (None = blank cell); None = the row is missing
    lines: tuple = ()
    candidates: list[tuple] = field(default_factory=list)  # > 1 when digits split several ways
    findings: list[Finding] = field(default_factory=list)
    glued: str = ""  # the digit runs, when cells were cut apart

    @property
    def ambiguous(self) -> bool:
        return self.values is None and len(self.candidates) > 1


_DECIMAL_COUNT = re.compile(r"[\d,]+\.0{1,2}")  # a count printed 6.0 beside others printed 6 (values.read_cell)


def read_slots(slots: Sequence[Slot], units: Sequence[str], where: dict,
               columns: Sequence[str]) -> tuple[tuple, list[Finding]]:
    """Read ``k`` slots cell by cell; blank/invalid/unreadable cells become None with findings."""
    values, findings, blanks, printed = [], [], [], set()
    for slot, unit, column in zip(slots, units, columns, strict=True):
        value, problem = read_cell(slot.text, unit)
        values.append(value)
        if problem == "blank":
            blanks.append(column)
            printed.add(slot.text.strip() or "空白")
        elif problem:  # (a number spread over its columns is quoted as printed, without the spread's mark)
            printed_text = slot.text.removesuffix(MERGED_ACROSS) if problem == "merged_across" else slot.text
            case = "decimal" if problem == "unreadable" and _DECIMAL_COUNT.fullmatch(slot.text.strip()) else ""
            findings.append(make(f"value_{problem}", column=column, actual=printed_text, line=slot.line, case=case,
                                 **where))
    if blanks:
        findings.append(make("value_blank", column="、".join(blanks), actual="/".join(sorted(printed)),
                             line=slots[0].line, case="blank" if printed == {"空白"} else "", **where))
    return tuple(values), findings


def resolve_row(slots: Sequence[Slot], units: Sequence[str], columns: Sequence[str], where: dict,
                accept: Callable[[tuple], bool],
                prefix_ok: Callable[[tuple], bool] | None = None, proves: bool = False) -> Resolved:
    """Resolve one row; ``where`` carries the finding location (table, row). ``proves``: ``accept`` is an identity
    of the row (its total), which may then decide a number printed with a space for thousands separator
    (``_join_thousands``), and whose holding after the only cut of a row a cell or two short does not prove it
    (``_whole_numbers``; table 二, with no identity, weighs such cuts itself)."""
    k = len(units)
    kept = spread_spans(trim_slots(list(slots), k), k)
    line = kept[0].line if kept else None
    joined = _join_thousands(kept, k, accept) if proves and len(kept) == k + 1 else None
    if joined is not None:
        kept, pair = joined
        values, findings = read_slots(kept, units, where, columns)
        note = make("thousands_joined", actual=pair, expected=" ".join(map(str, values)), line=line, **where)
        return Resolved(values, tuple(s.line for s in kept), findings=[note, *findings])
    if len(kept) == k:
        values, findings = read_slots(kept, units, where, columns)
        return Resolved(values, tuple(s.line for s in kept), findings=findings)
    numbers = [s for s in kept if not s.empty]
    if len(kept) > k and _filled_copies(kept, units):
        values, findings = read_slots(kept[:1], units, where, columns)
        note = make("value_filled_copies", actual=" ".join(s.text.strip() for s in kept), expected=kept[0].text.strip(),
                    line=line, **where)
        return Resolved(values, (line,), findings=[note, *findings])
    if len(kept) > k:
        return Resolved(findings=[make("row_extra_cells", expected=k, actual=len(numbers), line=line, **where)])
    splittable = kept and all(not s.structured and is_digit_run(s.text) for s in kept) and any(
        len(s.text) > 1 for s in kept)
    if not splittable:
        return _marked_row(kept, units, accept, where) or Resolved(
            findings=[make("row_lost_cells", expected=k, actual=len(numbers), line=line, **where)])
    glued = " ".join(s.text for s in kept)
    digits = sum(len(s.text) for s in kept)
    if digits < k and len({s.line for s in kept}) == 1:  # 0 00000: two pieces of glued digits are up to six
        # numbers, not two (pieces on lines of their own are numbers, counted as such)
        return Resolved(findings=[make("row_lost_cells", expected=k, actual=digits, line=line,
                                       detail=f"（粘连的数字“{glued}”每位算一个数）", **where)])
    candidates = splits([s.text for s in kept], k, accept, prefix_ok)
    if not candidates:
        return Resolved(findings=[make("row_lost_cells", expected=k, actual=len(numbers), line=line, **where)])
    if proves and len(candidates) == 1 and _forced(kept, k) and _whole_numbers(kept, k):  # (table 二: its own)
        return Resolved(findings=[make("row_lost_cells", expected=k, actual=len(numbers), line=line,
                                       detail=f"（“{glued}”可能是相邻两格的数字连在一起，也可能是一格空白未印出）",
                                       **where)])
    if len(candidates) == 1 and not _forced(kept, k):
        note = make("cells_recovered", actual=glued, expected=" ".join(map(str, candidates[0])), line=line,
                    **where)
        return Resolved(candidates[0], (line,) * k, candidates, [note], glued)
    if len(candidates) == 1:
        return Resolved(candidates[0], (line,) * k, candidates, [], glued)
    return Resolved(None, (line,) * k, candidates, [], glued)


def _marked_row(slots: Sequence[Slot], units: Sequence[str], accept: Callable[[tuple], bool],
                where: dict) -> Resolved | None:
    """The row whose cells' digits ran together on one line of text where a cell prints a sign or an amount's
    fraction and unit (``marked_runs``: 2019's 政府集中采购13575394432.52元, 行政许可396减5181), cut as digit runs
    are: each cut whose pieces all read as their columns' values (``read_cell``: a sign only in a change's column, a
    unit only in an amount's) and that ``accept`` holds is a candidate; the only one is the row's
    (``cells_recovered``), several leave it for the caller (``cells_ambiguous``). None when no text holds such a
    mark, or no cut reads: the row has lost a cell, as before. Before, such a row was ``row_lost_cells`` — a cell lost
    in the extraction, the reader was told — and an only cut was never made.

    >>> row = resolve_row([Slot("0251000元", 1, False)], ["count", "10k_yuan"], ["项目", "金额"], {}, lambda v: True)
    >>> row.values, [f.code for f in row.findings]
    ((0, Decimal('25.1')), ['cells_recovered'])
    >>> row = resolve_row([Slot("13575394432.52元", 1, False)], ["count", "10k_yuan"], ["项目", "金额"], {},
    ...                   lambda v: True)
    >>> row.ambiguous, (135, Decimal("7539.443252")) in row.candidates
    (True, True)
    """
    texts = [s.text.strip() for s in slots]
    k = len(units)
    if not slots or any(s.structured for s in slots) or len({s.line for s in slots}) != 1 or all(
            is_digit_run(t) for t in texts) or not any(unit in _MARKED_UNITS for unit in units):
        return None  # (a row of counts only reads no sign nor unit: tables 三 and 四 are never cut so)
    candidates = []
    for cut in marked_cuts(texts, k) or ():
        read = [read_cell(piece, unit) for piece, unit in zip(cut, units, strict=True)]
        values = tuple(value for value, _ in read)
        if all(problem is None for _, problem in read) and accept(values):
            candidates.append(values)
    if not candidates:
        return None
    line, glued = slots[0].line, " ".join(texts)
    if len(candidates) > 1:
        return Resolved(None, (line,) * k, candidates, [], glued)
    note = make("cells_recovered", actual=glued, expected=" ".join(map(str, candidates[0])), line=line, **where)
    return Resolved(candidates[0], (line,) * k, candidates, [note], glued)


_MARKED_UNITS = frozenset({"signed_count", "10k_yuan", "other_unit"})  # (units whose cells may print a mark)

FILLED_MOST = 3  # table 二's value columns: a single value merged across them, unmerged and filled, prints 3 copies


def _filled_copies(slots: list[Slot], units: Sequence[str]) -> bool:
    """Whether a row of one value prints it in each of two or three cells of one line, the same number each time:
    a cell merged across the table's columns that a spreadsheet unmerged and filled (Excel's 取消合并并填充), so
    ``行政许可 1075 1075 1075`` is the one value 1075 (not a row of three numbers to give up).

    >>> same, other = [Slot("1075", 3, True)] * 3, [Slot("1", 3, True), Slot("2", 3, True)]
    >>> _filled_copies(same, ["件"]), _filled_copies(other, ["件"])
    (True, False)
    """
    texts = {s.text.strip() for s in slots}
    return (len(units) == 1 and 2 <= len(slots) <= FILLED_MOST and len(texts) == 1 and len({s.line for s in slots}) == 1
            and isinstance(read_cell(slots[0].text, units[0])[0], int | Decimal))


_THOUSANDS_HEAD, _THOUSANDS_TAIL = re.compile(r"[1-9]\d{0,2}"), re.compile(r"\d{3}")


def _join_thousands(slots: list[Slot], k: int, accept: Callable[[tuple], bool]) -> tuple[list[Slot], str] | None:
    """``(the row's k slots, the pair joined)`` when the row of PDF text has one number too many and exactly one
    pair of neighbours read as one number with a space for thousands separator (``1 563``: one to three digits,
    then three) makes the row's identity (``accept``) hold; None else (none or several do: the row stays lost).

    >>> row = [Slot(t, 1, False) for t in "1 563 0 0 0 0 0 1563".split()]
    >>> kept, pair = _join_thousands(row, 7, lambda v: sum(v[:6]) == v[6])
    >>> [s.text for s in kept], pair
    (['1 563', '0', '0', '0', '0', '0', '1563'], '1 563')
    """
    found = []
    for i, (a, b) in enumerate(zip(slots, slots[1:], strict=False)):
        if a.structured or b.structured or a.line != b.line or not (
                _THOUSANDS_HEAD.fullmatch(a.text) and _THOUSANDS_TAIL.fullmatch(b.text)):
            continue
        trial = [*slots[:i], Slot(f"{a.text} {b.text}", a.line, structured=False), *slots[i + 2:]]
        values = tuple(read_cell(s.text)[0] for s in trial)
        if all(isinstance(v, int) for v in values) and accept(values):
            found.append((trial, f"{a.text} {b.text}"))
    return found[0] if len(found) == 1 else None


def _forced(slots: Sequence[Slot], k: int) -> bool:
    """Only one cut exists whatever the identities: all zeros, or one digit per cell."""
    digits = "".join(s.text for s in slots)
    return set(digits) <= {"0"} or len(digits) == k


BLANKS_UNSEEN = 2  # cells a row of PDF text may print as nothing and still show its cells apart


def _whole_numbers(slots: Sequence[Slot], k: int) -> bool:
    """Whether the row prints its cells apart but for one or two (``BLANKS_UNSEEN``), each piece one whole number
    (``0 0 0 11``: no ``00``, no ``023``): then a row whose only cut gives each digit a cell is as well read as its
    numbers with a blank cell printed as nothing (PDF text drops it: 行政复议 ``0 | 空白 | 0 | 0 | 11`` is
    ``0 0 0 11``). That only cut proves nothing — it is made by the cell count, not chosen by the identities, and
    ``1 1`` after three zeros holds by chance — so the row is missing. Pieces no cell prints (``00``, ``023``: a
    flattened web page's digits run together, as 平潭's ``0 0 0 0 0 00``), a run of many cells (平潭's ``500000 5``
    for seven) or one run (``110024001510102``) are cut as before.

    >>> _whole_numbers([Slot(t, 1, False) for t in "0 0 0 11".split()], 5)
    True
    >>> _whole_numbers([Slot(t, 1, False) for t in "0 0 0 0 0 00".split()], 7)
    False
    >>> _whole_numbers([Slot(t, 1, False) for t in "500000 5".split()], 7), _whole_numbers([Slot("11", 1, False)], 2)
    (False, False)
    """
    return len(slots) > 1 and len(slots) >= k - BLANKS_UNSEEN and all(
        s.text == "0" or not s.text.startswith("0") for s in slots)


def ambiguous_finding(resolved: Resolved, where: dict) -> Finding:
    shown = "；".join(" ".join(map(str, c)) for c in resolved.candidates[:6])
    more = "…" if len(resolved.candidates) > 6 else ""
    return make("cells_ambiguous", actual=resolved.glued, expected=shown + more,
                line=resolved.lines[0] if resolved.lines else None, **where)


def void_conflicts(kept: Resolved, again: Resolved, columns: Sequence[str], where: dict,
                   line: int | None) -> list[Finding]:
    """A row printed twice (a draft and a final table, two copies of a table) whose copies disagree:
    the cells that differ become missing in ``kept`` (which copy is right is not knowable) with one
    ``row_conflict`` finding; cells equal in both copies, and copies that could not be read, are left.
    A cell of ``again`` holding words (``value_unreadable``: 五件, 见附件) is no other value: ``kept``'s number
    stays, with one ``row_duplicate_unreadable`` finding (before, the cell was voided as a conflict whose other
    copy was "空白", which it was not, and the words were told nowhere)."""
    if kept.values is None or again.values is None or len(kept.values) != len(again.values):
        return []
    words = {columns.index(f.column): f.actual for f in again.findings
             if f.code == "value_unreadable" and f.column in columns}
    differ = [i for i, (a, b) in enumerate(zip(kept.values, again.values, strict=True)) if a != b and i not in words]
    found = [make("row_duplicate_unreadable", actual=" | ".join(words[i] for i in sorted(words)),
                  expected=len(columns), line=line, **where)] if words else []
    if not differ:
        return found

    def shown(values: tuple, printed: dict[int, str]) -> str:
        return " ".join(printed[i] if i in printed else "空白" if v is None else str(v) for i, v in enumerate(values))

    finding = make("row_conflict", column="、".join(columns[i] for i in differ), expected=shown(again.values, words),
                   actual=shown(kept.values, {}), line=line, **where)
    kept.values = tuple(None if i in differ else v for i, v in enumerate(kept.values))
    return [finding, *found]
