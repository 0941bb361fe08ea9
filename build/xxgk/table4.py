"""Table 4 (行政复议、行政诉讼): 15 numbers, three proceedings × five outcomes, in printed order.

The header is all text, so the values are the first row of numbers in the region; digits
that ran together are cut where each group of five then satisfies total = the other four.
"""

from __future__ import annotations

from .catalog import labels, outcome_codes, proceeding_codes
from .cells import Row, region_to_rows, trim_slots
from .findings import Finding, make
from .record import Fact
from .resolve import ambiguous_finding, resolve_row
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
    if resolved.ambiguous:
        findings.append(ambiguous_finding(resolved, where))
    facts = [Fact(TABLE, key, resolved.values[i] if resolved.values else None,
                  resolved.lines[i] if resolved.lines else rows[0].line,
                  "position" if resolved.values else None)
             for i, key in enumerate(columns)]
    return facts, findings


def _rejoin_split_tables(rows: list[Row], width: int, check) -> Row:
    """Table 4 printed as three small tables (行政复议 | 未经复议直接起诉 | 复议后起诉, one row of five each)
    is one row again, in printed order, when each part is a whole group whose total holds."""
    group = len(outcome_codes())
    first = trim_slots(list(rows[0].slots), group)
    if len(first) != group or len(rows) < width // group:
        return rows[0]
    parts = [trim_slots(list(r.slots), group) for r in rows[:width // group]]
    if any(len(p) != group or not all(s.structured for s in p) for p in parts):
        return rows[0]
    values = [read_cell(s.text)[0] for p in parts for s in p]
    if not check(tuple(values)) or any(v is None for v in values[group - 1::group]):
        return rows[0]
    return Row(rows[0].label, rows[0].label_line, rows[0].label_structured, [s for p in parts for s in p])
