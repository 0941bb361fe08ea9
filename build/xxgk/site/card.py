"""The report card on the site: findings grouped by check category, the score and ranks.

The score itself is defined once in ``package/report_card.py`` (only the agency's own problems count;
scores compare within one year and one tier). Peer-group medians are ``browser_data.peer_medians``; the
Chinese labels are in ``labels.py``.
"""

from __future__ import annotations

from ..package.report_card import ERROR_POINTS, WARNING_POINTS, agency_score, ranks, score_group, split_findings

__all__ = ["ERROR_POINTS", "WARNING_POINTS", "by_category", "ranks", "score", "score_group", "split_findings"]


def score(findings: list[dict]) -> int:
    return agency_score(findings)


def by_category(findings: list[dict], category_of: dict[str, str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in findings:
        out.setdefault(category_of.get(f["code"], "extraction"), []).append(f)
    return out
