"""The report card: findings grouped by check category, a score, and peer medians.

Score = 100 − 10 per error − 3 per warning (info does not count), floored at 0: a simple,
documented ranking, not a verdict. Peers are the reports of the same published ``peer_group``
(same year, tier and province, and the same 系统 for departments).
"""

from __future__ import annotations

from statistics import median

ERROR_POINTS, WARNING_POINTS = 10, 3
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def score(findings: list[dict]) -> int:
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = sum(f["severity"] == "warning" for f in findings)
    return max(0, 100 - ERROR_POINTS * errors - WARNING_POINTS * warnings)


def by_category(findings: list[dict], category_of: dict[str, str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in findings:
        out.setdefault(category_of.get(f["code"], "extraction"), []).append(f)
    return out


def peer_key(report: dict) -> str | None:
    """The published ``peer_group`` (year|tier|province|kind|系统), as the package defines it."""
    return report.get("peer_group") or None


def peer_medians(reports: list[dict], metrics: dict[str, dict], fields: tuple[str, ...]) -> dict[str, dict]:
    """``{report_id: {field: (median, n)}}`` over each report's peer group, missing values left out."""
    groups: dict[str, list[str]] = {}
    for r in reports:
        if peer_key(r):
            groups.setdefault(peer_key(r), []).append(r["report_id"])
    per_group = {}
    for key, ids in groups.items():  # once per group, not once per report
        per_group[key] = {}
        for name in fields:
            values = [metrics[i][name] for i in ids if metrics[i][name] is not None]
            per_group[key][name] = (median(values), len(values)) if values else (None, 0)
    empty = {name: (None, 0) for name in fields}
    return {r["report_id"]: per_group.get(peer_key(r), empty) for r in reports}
