"""Table 4 (行政复议、行政诉讼): 15 numbers, three proceedings × five outcomes, in printed order.

The header is all text, so the values are the first row of numbers in the region; digits
that ran together are cut where each group of five then satisfies total = the other four.
"""

from __future__ import annotations

from .catalog import labels, outcome_codes, proceeding_codes
from .cells import region_to_rows
from .findings import Finding, make
from .record import Fact
from .resolve import ambiguous_finding, resolve_row
from .splitting import group_totals_hold

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
    where = {"table": "4", "row": "行政复议、行政诉讼"}
    names = [f"{labels()['proceedings'][p]}·{labels()['outcomes'][o]}" for p, o in columns]
    resolved = resolve_row(rows[0].slots, ["count"] * len(columns), names,
                           where, check, prefix_ok=check)
    findings = list(resolved.findings)
    if resolved.ambiguous:
        findings.append(ambiguous_finding(resolved, where))
    facts = [Fact(TABLE, key, resolved.values[i] if resolved.values else None,
                  resolved.lines[i] if resolved.lines else rows[0].line)
             for i, key in enumerate(columns)]
    return facts, findings
