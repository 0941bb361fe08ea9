"""Round 2 of a reader's journeys, on the built pages: what a report does not state is shown as missing
(“—”, explained), never as an empty cell or a question mark."""

from __future__ import annotations

import lxml.html

from .conftest import report_page_files


def _facts(page) -> dict[str, str]:
    """The report page's first table (机构, 年度, …, 读取状态) as {heading: cell text}."""
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    first = doc.xpath("//article//table")[0]
    return {tr.xpath(".//th")[0].text_content(): tr.xpath(".//td")[0].text_content().strip()
            for tr in first.xpath(".//tr")}


def test_a_report_without_dates_shows_them_as_missing_with_the_reason(built_site):
    pages = {p: _facts(p) for p in report_page_files(built_site)}
    undated = [p for p, facts in pages.items() if facts["源文件"] == "hostile.txt"]  # conftest's: no dates, no year
    assert undated
    for page in undated:
        facts = pages[page]
        # before: 发布日期 an empty cell, 统计期 "? 至 ?"
        assert facts["发布日期"] == "—" and facts["统计期"] == "—", facts
        assert "“—”：报告中没有写明" in lxml.html.document_fromstring(page.read_text(encoding="utf-8")).text_content()
    for facts in pages.values():
        assert all(value for value in facts.values()), facts  # no empty cell on any report page
        assert "?" not in facts["统计期"]
