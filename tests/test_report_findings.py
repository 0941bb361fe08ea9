"""A report page's 发现的问题: grouped by check, each check named once, with every finding of the report counted."""

from __future__ import annotations

import csv
import re
from collections import Counter

import lxml.html

from xxgk.site.report_page import FINDINGS_SHOWN_PER_CODE

from .conftest import report_page_files


def _findings_of(site) -> dict[str, Counter]:
    """``{report_id: Counter((code, severity))}`` from the package the site was built from."""
    out: dict[str, Counter] = {}
    with (site.parent / "datapackage" / "data" / "findings.csv").open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["report_id"], Counter())[row["code"], row["severity"]] += 1
    return out


def _groups(page) -> tuple[str, list[tuple[str, str, int, int]]]:
    """The page's report id and its findings list: ``(code, severity, count said, messages shown)`` per item."""
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    rid = re.search(r"src/([^/#]+)\.html", page.read_text(encoding="utf-8")).group(1)
    heading = [h for h in doc.xpath("//h2") if h.text_content().strip() == "发现的问题"][0]
    listed = heading.getnext()
    if listed.tag != "ul":
        return rid, []
    out = []
    for item in listed.xpath("./li"):
        checks = item.xpath("./a[contains(@href, 'checks/#')]")
        assert len(checks) == 1, lxml.html.tostring(item, encoding="unicode")  # the check named once
        code = checks[0].get("href").split("#")[1]
        severity = item.xpath("./span[1]")[0].get("class").removeprefix("xxgk-sev-")
        said = re.search(r"（" + code + r"），(\d+) 条：", item.text_content())
        shown = item.xpath("./ul/li[not(starts-with(normalize-space(.), '……'))]")
        out.append((code, severity, int(said.group(1)) if said else 1, len(shown) or 1))
    return rid, out


def test_a_report_page_names_each_check_once_and_counts_all_its_findings(built_site):
    findings = _findings_of(built_site)
    grouped = 0
    for page in report_page_files(built_site):
        rid, groups = _groups(page)
        assert Counter({(c, s): n for c, s, n, _ in groups}) == findings.get(rid, Counter()), page
        assert len({(c, s) for c, s, _, _ in groups}) == len(groups), page  # one item a check and severity
        for _, _, said, shown in groups:
            assert shown == min(said, FINDINGS_SHOWN_PER_CODE)  # the first 20 (4 before session 44), then 另有 k 条
        grouped += sum(said > 1 for _, _, said, _ in groups)
    # the seeds have checks found several times in one report (before: the check's name and link repeated on each)
    assert grouped >= 2
