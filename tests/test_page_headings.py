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
