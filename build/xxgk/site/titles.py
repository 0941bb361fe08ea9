"""How a report is named on the site, and the front matter of generated pages."""

from __future__ import annotations

import json

from ..safe import page_title

SEARCH_EXCLUDED = "search:\n  exclude: true\n"  # pages that grow with the number of reports: the finder covers them
WIDE = "hide:\n  - toc\n"  # pages of wide tables: no table of contents, so nothing is hidden at 1366 px


def report_name(report: dict) -> str:
    return report["agency"] or f"（未识别机构）{report['source_file']}"


def report_title(report: dict) -> str:
    return f"{report_name(report)} {report['year'] or ''}年度"


def front_matter(title: str, extra: str = "") -> str:
    """Front matter with ``title`` made safe for the theme (``safe.page_title``: it prints titles unescaped)."""
    return f"---\ntitle: {json.dumps(page_title(title), ensure_ascii=False)}\n{extra}---\n\n"
