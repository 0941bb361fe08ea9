"""The report card on the site: findings grouped by check category, the score, ranks and peer medians.

The score itself is defined once in ``package/report_card.py`` (only the agency's own problems count;
scores compare within one year and one tier). Peers for the medians are the reports of the same published
``peer_group`` (same year, tier and province, and the same 系统 for departments).
"""

from __future__ import annotations

from statistics import median

from ..package.report_card import ERROR_POINTS, WARNING_POINTS, agency_score, ranks, score_group, split_findings

__all__ = ["ERROR_POINTS", "WARNING_POINTS", "SEVERITY_ZH", "STATUS_ZH", "TIER_ZH", "by_category", "peer_medians",
           "ranks", "score", "score_group", "split_findings", "status_zh"]

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_ZH = {"parsed": "已完整读取", "partial": "部分数值缺失", "failed": "无法读取"}
TIER_ZH = {"government": "政府（汇总报告）", "department": "部门", "unknown": "层级未知"}


def status_zh(status: str | None) -> str:
    """A report's status in Chinese with the code beside it: ``部分数值缺失（partial）``."""
    return f"{STATUS_ZH.get(status or '', status or '')}（{status}）" if status else ""


def score(findings: list[dict]) -> int:
    return agency_score(findings)


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
