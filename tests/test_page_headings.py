"""Titles and headings say what a page holds. A page's <title> names it once (the home page's read
政府信息公开年报数据 - 政府信息公开年报数据 xxgk); the agency index heads its table as every agency."""

from __future__ import annotations

import re


def _title(page) -> str:
    return re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)


def test_the_home_page_is_titled_with_the_sites_name_alone(built_site):
    assert _title(built_site / "index.html") == "政府信息公开年报数据 xxgk"
    assert _title(built_site / "data" / "index.html") == "数据下载 - 政府信息公开年报数据 xxgk"


def test_the_agency_index_heads_its_table_as_every_agency(built_site):
    """Below the finder (找到 1 个机构) the table lists every agency: headed so, it no longer looks unfiltered."""
    from tests.conftest import read_page

    page = read_page(built_site / "agencies" / "index.html")
    count = int(re.search(r"<h2[^>]*>全部机构（(\d+) 个）", page).group(1))
    table = page[page.index('id="xxgk-agencies"'):]
    assert count == table[:table.index("</table>")].count("<tr") - 1  # the header row


def test_the_quality_pages_province_menu_comes_before_the_tables_and_the_totals_say_they_are_national(built_site):
    """The menu sat under the counts by problem, which never followed it: a reader who chose 青海省 had scrolled past
    the whole country's counts, unlabelled (site audit #4)."""
    from tests.conftest import read_page

    page = read_page(built_site / "quality" / "index.html")
    menu = page.index('id="xxgk-province"')
    totals = page.index("全部省份、全部年度合计（不随省份、城市和年度的筛选变化）")
    assert menu < totals < page.index('id="xxgk-by-agency"')
