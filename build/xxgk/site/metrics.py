"""Per-report figures derived from the package for the index, charts and comparisons.

All shares are None when a needed value is missing: a missing cell never counts as 0.
"""

from __future__ import annotations

from .data import Package, number


def outcome_totals(apps: list[dict], row_groups: dict[str, str]) -> dict[str, float | None]:
    """Sum of the ``total`` column per outcome group (granted, denied, …); None if any is missing."""
    out: dict[str, float | None] = {}
    for row in apps:
        if row["applicant"] != "total" or row["row"] not in row_groups:
            continue
        group = row_groups[row["row"]]
        value = number(row["value"])
        if group not in out:
            out[group] = 0.0
        out[group] = None if value is None or out[group] is None else out[group] + value
    return out


def report_metrics(pkg: Package, row_groups: dict[str, str]) -> dict[str, dict]:
    apps = pkg.by_report("applications")
    rl = pkg.by_report("review_litigation")
    act = pkg.by_report("active_disclosure")
    out = {}
    for report in pkg.tables["reports"]:
        rid = report["report_id"]
        cells = {(r["row"], r["applicant"]): number(r["value"]) for r in apps.get(rid, [])}
        processed = cells.get(("total_processed", "total"))
        groups = outcome_totals(apps.get(rid, []), row_groups)

        def share(*names, groups=groups, processed=processed):
            values = [groups.get(n) for n in names]
            if not processed or any(v is None for v in values):
                return None
            return round(100 * sum(values) / processed, 1)

        proceedings = {(r["proceeding"], r["outcome"]): number(r["value"]) for r in rl.get(rid, [])}
        actives = {(r["item"], r["measure"]): number(r["value"]) for r in act.get(rid, [])}
        out[rid] = {
            "received": cells.get(("new", "total")), "processed": processed,
            "granted_share": share("granted", "partial"), "denied_share": share("denied"),
            "groups": groups, "proceedings": proceedings,
            "licensing": actives.get(("licensing", "decisions")), "penalty": actives.get(("penalty", "decisions")),
        }
    return out
