"""The full-text search page (``fulltext/``, 原文检索): every report whose prose holds the words a reader asks for,
narrowed by year and province, with the passage and links to the report's page and to the passage in its source.

The header's search lists five reports; this page lists them all, ``RESULTS_PER_PAGE`` at a time. The page carries
a plain GET form (``?text=…&year=…&province=…``, so a search is a link a reader can keep or share; not ``?q=``,
which Material takes for its own search, opening its dialog over the page) and empty result areas, which
``assets/search.js`` fills from the Pagefind index (``fulltext.py``). The menus offer exactly the values the
source pages are filtered by (``fulltext.filter_values``), so a choice is always one the index holds.
"""

from __future__ import annotations

from .fulltext import filter_values
from .render import esc
from .titles import front_matter

NO_SCRIPT = ("原文检索需要启用 JavaScript。全部报告的叙述部分也可在“数据下载”页下载（sections 表），"
             "用表格软件或数据库检索。")
RESULTS_PER_PAGE = 20  # results shown at once; 再显示 adds as many (each loads its Pagefind fragment)


def filter_options(reports: list[dict]) -> dict[str, list[str]]:
    """``{filter: sorted values}`` over ``reports`` (years newest first)."""
    seen: dict[str, set[str]] = {}
    for report in reports:
        for name, value in filter_values(report).items():
            seen.setdefault(name, set()).add(value)
    return {name: sorted(values, reverse=name == "year") for name, values in seen.items()}


def _menu(name: str, label: str, values: list[str], shown) -> str:
    options = '<option value="">全部</option>' + "".join(
        f'<option value="{esc(v)}">{esc(shown(v))}</option>' for v in values)
    return (f'<span class="xxgk-pair"><label for="xxgk-fulltext-{name}">{label}</label>'
            f'<select id="xxgk-fulltext-{name}" name="{name}">{options}</select></span>')


def fulltext_markdown(reports: list[dict]) -> str:
    """The page's Markdown (HTML blocks), for ``reports`` (the package's reports)."""
    options = filter_options(reports)
    menus = (_menu("year", "年度：", options.get("year", []), lambda y: f"{y}年")
             + _menu("province", "省份：", options.get("province", []), str))
    intro = (f"在 {len(reports)} 份报告的原文中检索词语：总体情况、存在的问题和改进措施等叙述部分"
             "（表二至表四的数字请在各报告页、“比较”页或“数据下载”中查看）。"
             "检索按词匹配（也匹配以检索词开头的词），列出的是与检索词相关的报告；检索词在原文中相连出现的报告排在前面。"
             "选定年度或省份，结果随即更新。")
    return front_matter("原文检索") + f"""# 检索报告原文

<p>{intro}</p>
<noscript><p>{NO_SCRIPT}</p></noscript>
<form id="xxgk-fulltext" class="xxgk-fulltext-form xxgk-js-only" action="./" method="get" role="search"
aria-label="检索报告原文" data-per-page="{RESULTS_PER_PAGE}">
<p><label for="xxgk-fulltext-q">检索词：</label><input id="xxgk-fulltext-q" name="text" type="search" autocomplete="off"
placeholder="如 依申请公开 / 行政复议 / 疫情">
<button type="submit" class="md-button md-button--primary xxgk-small-button">检索</button></p>
<p>{menus}</p>
</form>
<div id="xxgk-fulltext-status" role="status" aria-live="polite"></div>
<ol id="xxgk-fulltext-results" class="xxgk-fulltext-results"></ol>
<p><button type="button" id="xxgk-fulltext-more" class="md-button xxgk-small-button" hidden>再显示</button></p>
"""
