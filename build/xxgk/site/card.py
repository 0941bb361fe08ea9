"""The report card on the site: findings grouped by check category, the score and ranks.

The score itself is defined once in ``package/report_card.py`` (only the agency's own problems count;
scores compare within one year and one tier). Peer-group medians are ``browser_data.peer_medians``; the
Chinese labels are in ``labels.py``.
"""

from __future__ import annotations

from functools import cache

from ..package.report_card import ERROR_POINTS, WARNING_POINTS, agency_score, counts_against_agency, ranks, score_group

__all__ = ["ERROR_POINTS", "WARNING_POINTS", "by_category", "fully_read", "points_said", "ranks", "score",
           "score_group", "scored", "split_findings"]

_against_agency = cache(counts_against_agency)  # asked per finding of every report, several times: once per code


def split_findings(findings: list[dict]) -> tuple[list[dict], list[dict]]:
    """``report_card.split_findings`` (the agency's own problems, the limits of our reading), each code's
    ``responsibility`` looked up once."""
    own = [f for f in findings if _against_agency(f["code"])]
    return own, [f for f in findings if not _against_agency(f["code"])]


def scored(report: dict) -> bool:
    """Whether a report gets a score: not when its file could not be read (``status`` failed: refused, not
    decodable, over budget). Nothing was read, so nothing was checked; a 100 would rank it first."""
    return report["status"] != "failed"


def fully_read(findings: list[dict]) -> bool:
    """Whether nothing the score would judge went unread: no error among the limits of our reading (a table
    absent, a row's cells lost). Such a report keeps its score of what was read but is not ranked: a report
    whose table 三 printed only its header scored 100 and ranked first, its 完整性 “passed”."""
    return not any(f["severity"] == "error" for f in split_findings(findings)[1])


def score(findings: list[dict]) -> int:
    """``report_card.agency_score``, given only the agency's own problems (it scores those alone, so the
    score is the same; it then looks up only their codes)."""
    return agency_score(split_findings(findings)[0])


def by_category(findings: list[dict], category_of: dict[str, str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in findings:
        out.setdefault(category_of.get(f["code"], "extraction"), []).append(f)
    return out


def points_said(code: str, severity: str, count: int) -> str:
    """What ``count`` findings of ``code`` at ``severity`` cost the score, as a report's list of findings says it
    beside each check (the reader added the points up from the category table; audit 27: a report without section
    四 lost 3 points and its page named no finding as the cause).

    >>> points_said("identity_broken", "error", 2), points_said("late_publication", "warning", 1)
    ('（每条扣10分，共扣20分）', '（扣3分）')
    >>> points_said("value_blank", "info", 5), points_said("table_absent", "error", 1)
    ('（不扣分）', '（本站读取的局限，不扣分）')
    """
    if not _against_agency(code):
        return "（本站读取的局限，不扣分）"
    points = {"error": ERROR_POINTS, "warning": WARNING_POINTS}.get(severity, 0)
    if not points:
        return "（不扣分）"
    return f"（扣{points}分）" if count == 1 else f"（每条扣{points}分，共扣{points * count}分）"
