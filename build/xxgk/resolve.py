"""From a row's slots to its ``k`` cell values, or to a finding saying why it has none.

``resolve_row`` never guesses: ``k`` slots are read cell by cell; more slots than cells, or
fewer with nothing to split, make the whole row missing with a finding; digit runs are cut
only where exactly one cut satisfies ``accept`` (several cuts are returned as ``candidates``
for the caller to settle with the table's column identities, or to publish as missing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .cells import Slot, trim_slots
from .findings import Finding, make
from .splitting import is_digit_run, splits
from .values import read_cell


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
        elif problem:
            findings.append(make(f"value_{problem}", column=column, actual=slot.text, line=slot.line, **where))
    if blanks:
        findings.append(make("value_blank", column="、".join(blanks), actual="/".join(sorted(printed)),
                             line=slots[0].line, **where))
    return tuple(values), findings


def resolve_row(slots: Sequence[Slot], units: Sequence[str], columns: Sequence[str], where: dict,
                accept: Callable[[tuple], bool],
                prefix_ok: Callable[[tuple], bool] | None = None) -> Resolved:
    """Resolve one row; ``where`` carries the finding location (table, row)."""
    k = len(units)
    kept = trim_slots(list(slots), k)
    line = kept[0].line if kept else None
    if len(kept) == k:
        values, findings = read_slots(kept, units, where, columns)
        return Resolved(values, tuple(s.line for s in kept), findings=findings)
    numbers = [s for s in kept if not s.empty]
    if len(kept) > k:
        return Resolved(findings=[make("row_extra_cells", expected=k, actual=len(numbers), line=line, **where)])
    splittable = kept and all(not s.structured and is_digit_run(s.text) for s in kept) and any(
        len(s.text) > 1 for s in kept)
    if not splittable:
        return Resolved(findings=[make("row_lost_cells", expected=k, actual=len(numbers), line=line, **where)])
    glued = " ".join(s.text for s in kept)
    candidates = splits([s.text for s in kept], k, accept, prefix_ok)
    if not candidates:
        return Resolved(findings=[make("row_lost_cells", expected=k, actual=len(numbers), line=line, **where)])
    if len(candidates) == 1 and not _forced(kept, k):
        note = make("cells_recovered", actual=glued, expected=" ".join(map(str, candidates[0])), line=line,
                    **where)
        return Resolved(candidates[0], (line,) * k, candidates, [note], glued)
    if len(candidates) == 1:
        return Resolved(candidates[0], (line,) * k, candidates, [], glued)
    return Resolved(None, (line,) * k, candidates, [], glued)


def _forced(slots: Sequence[Slot], k: int) -> bool:
    """Only one cut exists whatever the identities: all zeros, or one digit per cell."""
    digits = "".join(s.text for s in slots)
    return set(digits) <= {"0"} or len(digits) == k


def ambiguous_finding(resolved: Resolved, where: dict) -> Finding:
    shown = "；".join(" ".join(map(str, c)) for c in resolved.candidates[:6])
    more = "…" if len(resolved.candidates) > 6 else ""
    return make("cells_ambiguous", actual=resolved.glued, expected=shown + more,
                line=resolved.lines[0] if resolved.lines else None, **where)


def void_conflicts(kept: Resolved, again: Resolved, columns: Sequence[str], where: dict,
                   line: int | None) -> list[Finding]:
    """A row printed twice (a draft and a final table, two copies of a table) whose copies disagree:
    the cells that differ become missing in ``kept`` (which copy is right is not knowable) with one
    ``row_conflict`` finding; cells equal in both copies, and copies that could not be read, are left."""
    if kept.values is None or again.values is None or len(kept.values) != len(again.values):
        return []
    differ = [i for i, (a, b) in enumerate(zip(kept.values, again.values, strict=True)) if a != b]
    if not differ:
        return []
    def shown(values: tuple) -> str:
        return " ".join("空白" if v is None else str(v) for v in values)

    finding = make("row_conflict", column="、".join(columns[i] for i in differ), expected=shown(again.values),
                   actual=shown(kept.values), line=line, **where)
    kept.values = tuple(None if i in differ else v for i, v in enumerate(kept.values))
    return [finding]
