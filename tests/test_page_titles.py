"""A page's <title> names it once: the home page's read 政府信息公开年报数据 - 政府信息公开年报数据 xxgk (its title,
then the site's name, which begins with it); the other pages keep “page - site”."""

from __future__ import annotations

import re


def _title(page) -> str:
    return re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)


def test_the_home_page_is_titled_with_the_sites_name_alone(built_site):
    assert _title(built_site / "index.html") == "政府信息公开年报数据 xxgk"
    assert _title(built_site / "data" / "index.html") == "数据下载 - 政府信息公开年报数据 xxgk"
