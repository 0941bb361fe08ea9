"""How a report is named on the site, and the front matter of generated pages."""

from __future__ import annotations

import json

from ..safe import page_title

SEARCH_EXCLUDED = "search:\n  exclude: true\n"  # pages that grow with the number of reports: the finder covers them
WIDE = "hide:\n  - toc\n"  # pages of wide tables: no table of contents, so nothing is hidden at 1366 px


def report_name(report: dict) -> str:
    """The publisher's canonical name (``agencies.name``), else the name the report prints, else its file."""
    return report.get("agency_name") or report["agency"] or f"（未识别机构）{report['source_file']}"


def report_title(report: dict) -> str:
    return f"{report_name(report)} {report['year'] or ''}年度"


def front_matter(title: str, extra: str = "") -> str:
    """Front matter with ``title`` made safe for the theme (``safe.page_title``: it prints titles unescaped)."""
    return f"---\ntitle: {json.dumps(page_title(title), ensure_ascii=False)}\n{extra}---\n\n"


def agency_path(agency_id: str) -> str:
    """The agency page, relative to the site root: ``a/<agency_id>/``."""
    return f"a/{agency_id}/"


def report_paths(reports: list[dict]) -> dict[str, str]:
    """``{report_id: page path}``: ``a/<agency_id>/<year>/`` under the report's agency; a second report of the
    same agency and year gets ``<year>-<report_id>``; a report with no agency or year stays at ``r/<report_id>/``
    (every other ``r/<report_id>/`` is resolved by the 404 page, ``redirects.py``)."""
    out, seen = {}, set()
    for r in sorted(reports, key=lambda r: r["report_id"]):
        if not (r.get("agency_id") and r["year"]):
            out[r["report_id"]] = f"r/{r['report_id']}/"
            continue
        key = (r["agency_id"], r["year"])
        leaf = str(r["year"]) if key not in seen else f"{r['year']}-{r['report_id']}"
        seen.add(key)
        out[r["report_id"]] = f"{agency_path(r['agency_id'])}{leaf}/"
    return out


def up(path: str) -> str:
    """The relative prefix from a page at ``path`` (``a/x/2024/``) back to the site root (``../../../``)."""
    return "../" * path.count("/")
