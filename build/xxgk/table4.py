"""Table 4 (行政复议、行政诉讼): 15 numbers, three proceedings × five outcomes, in printed order.

The header is all text, so the values are the first row of numbers in the region; digits
that ran together are cut where each group of five then satisfies total = the other four.
"""

from __future__ import annotations

from .catalog import labels, outcome_codes, proceeding_codes
from .cells import Row, region_to_rows, trim_slots
from .findings import Finding, make
from .record import Fact
from .resolve import ambiguous_finding, resolve_row, void_conflicts
from .splitting import group_totals_hold
from .values import read_cell

TABLE = "review_litigation"


def _columns() -> list[tuple[str, str]]:
    return [(p, o) for p in proceeding_codes() for o in outcome_codes()]


def region_to_review_litigation(lines: list[tuple[int, str]]) -> tuple[list[Fact], list[Finding]]:
    """``(facts, findings)`` of table 4; no facts (and a table_absent finding) without numbers."""
    columns = _columns()
    rows = [r for r in region_to_rows(lines, len(columns)) if r.filled_slots]
    if not rows:
        return [], [make("table_absent", table="4")]
    check = group_totals_hold(len(outcome_codes()))
    rows[0] = _rejoin_split_tables(rows, len(columns), check)
    where = {"table": "4", "row": "行政复议、行政诉讼"}
    names = [f"{labels()['proceedings'][p]}·{labels()['outcomes'][o]}" for p, o in columns]
    resolved = resolve_row(rows[0].slots, ["count"] * len(columns), names,
                           where, check, prefix_ok=check)
    findings = list(resolved.findings)
    for again in rows[1:]:  # the table printed again (a draft and a final copy): a full row of 15 cells
        if len(trim_slots(list(again.slots), len(columns))) == len(columns) and all(s.structured for s in again.slots):
            copy = resolve_row(again.slots, ["count"] * len(columns), names, where, check)
            findings += void_conflicts(resolved, copy, names, where, again.line)
    if resolved.ambiguous:
        findings.append(ambiguous_finding(resolved, where))
    facts = [Fact(TABLE, key, resolved.values[i] if resolved.values else None,
                  resolved.lines[i] if resolved.lines else rows[0].line,
                  "position" if resolved.values else None)
             for i, key in enumerate(columns)]
    return facts, findings


def _rejoin_split_tables(rows: list[Row], width: int, check) -> Row:
    """The row of 15 cells again when it was printed in pieces: table 4 as three small tables
    (行政复议 | 未经复议直接起诉 | 复议后起诉, five cells each) or split across pages. The pieces are
    joined in printed order (empty padding cells before the first value dropped) and kept only when
    they make exactly 15 cells and every group's total is printed and holds."""
    joined = list(rows[0].slots)
    lead = next((i for i, slot in enumerate(joined) if not slot.empty), len(joined))
    if lead and len({s.line for s in joined[:lead]}) == 1 and not any(
            s.line == joined[0].line for s in joined[lead:]):  # a line of empty cells only: layout padding
        joined = joined[lead:]
    if len(trim_slots(joined, width)) >= width or len(rows) < 2:
        return rows[0]
    for row in rows[1:]:
        if len(joined) >= width:
            break
        joined += trim_slots(list(row.slots), width - len(joined))
    if len(joined) != width or not all(s.structured for s in joined):
        return rows[0]
    values = [read_cell(s.text)[0] for s in joined]
    group = len(outcome_codes())
    if not check(tuple(values)) or any(v is None for v in values[group - 1::group]):
        return rows[0]
    return Row(rows[0].label, rows[0].label_line, rows[0].label_structured, joined)
