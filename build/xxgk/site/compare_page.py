"""The compare page: a comparison the reader steers, and a league table. The page carries the controls
(labelled, keyboard-operable) and empty result areas; ``assets/compare.js``, which this page alone loads (listed
in mkdocs.yml's extra_javascript, its 8.9 KB gzipped came with every page's first view, a report's on a phone
too), fills them from the JSON of ``browser_data`` and keeps the view in the URL:
``?agencies=ID,ID&metric=CODE&year=YYYY`` or ``year=YYYY-YYYY``. Opening that URL reproduces the view.

Defaults: no agencies → the largest agencies (by the chosen measure) of the latest year; one agency → its
series against its peer-group median. A single year is a ranking of that year; a range is a time series per
agency. Nothing is summed or ranked across different years.
"""

from __future__ import annotations

import json

from .anchors import slugify
from .glossary import GLOSSARY_PAGE
from .labels import KIND_ZH, TABLE_HEADINGS, TIER_ZH
from .render import esc, fmt_wan
from .titles import front_matter


def metric_options(metrics: list[dict]) -> str:
    """The measures as ``<option>``s in ``<optgroup>``s by group: the compare page's menus, and the agency pages'."""
    groups: dict[str, list[dict]] = {}
    for m in metrics:
        groups.setdefault(m["group"] or "其他", []).append(m)
    return "".join(f'<optgroup label="{esc(g)}">' + "".join(
        f'<option value="{esc(m["code"])}">{esc(m["label_zh"])}（{esc(m["unit"])}）</option>' for m in ms)
        + "</optgroup>" for g, ms in groups.items())


def agency_compare_form(agency_id: str, years: list[int], options: str) -> str:
    """An agency page's own comparison controls: a measure and its years (all of them, or one), sent to the
    compare page as its address (a plain form), where peers are added. Shown only with JavaScript (``xxgk-js-only``):
    the compare page draws nothing of its address without it (it says so), and 在比较页打开 offered to a reader
    without scripts opened a page of 网址中所选的机构…无法显示 (session 38)."""
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
    year_options = (f'<option value="{span}">{years[0]}–{years[-1]}年</option>' if len(years) > 1 else "") + "".join(
        f'<option value="{y}">{y}年</option>' for y in sorted(years, reverse=True))
    return (f'<form class="xxgk-compare xxgk-agency-compare xxgk-js-only" action="../../compare/" method="get">'
            f'<input type="hidden" name="agencies" value="{esc(agency_id)}">'
            '<p><span class="xxgk-pair"><label for="xxgk-agency-metric">比较的指标：</label>'
            f'<select id="xxgk-agency-metric" name="metric">{options}</select></span> '
            '<span class="xxgk-pair"><label for="xxgk-agency-year">年度：</label>'
            f'<select id="xxgk-agency-year" name="year">{year_options}</select></span> '
            '<button type="submit" class="md-button xxgk-small-button">在比较页打开</button></p>'
            "<p><small>与同类组中位数比较；在比较页还可以添加其他机构。</small></p></form>")


# The page's intro beyond its first sentence: shown as a paragraph on a desktop and in print, folded under its
# summary on a phone (``details.xxgk-facts``, as the report and agency pages' facts), where the whole intro and the
# agency picker's hint (what no agency or one agency shows, now here) pushed the chart a screen below the menus
# (session 48's phone audit: 816 px down a 701 px screen).
INTRO_MORE = ('<details class="xxgk-facts"><summary>比较的规则：默认视图、排序与分享</summary>'
              "<p>不选机构时显示所选年度该指标最大的机构；只选一个机构时同时显示其同类组中位数。"
              "当前视图保存在网址中，复制网址即可分享。单一年度按数值排序；年度范围画出每个机构的历年变化。"
              "不同年度的数值从不相加或一起排名。</p></details>")
# The comparison's controls (its agencies, measure and years) folded on a phone under one line saying the view shown,
# which opens them (session 51: a shared comparison's chart began 739–844 px down a 701 px screen, below the intro,
# the agency picker with its chips, the menus and the measure's meaning); on a desktop and on paper shown as they were,
# no line to click (``details.xxgk-facts``: xxgk.css, xxgk.js factsOpen). The line is two lines of fixed height, each
# cut with … (compare.js steerLine writes the view into it: the chosen agencies, then the measure and years), so that
# what it says never moves the chart under it; before compare.js runs it names what it will say.
STEER_OPEN = ('<details id="xxgk-compare-steer" class="xxgk-facts xxgk-steer xxgk-js-only" data-search-exclude>'
              '<summary><span class="xxgk-steer-who" id="xxgk-compare-who">比较：所选机构</span>'
              '<span class="xxgk-steer-line"><span class="xxgk-steer-what" id="xxgk-compare-what">指标和年度</span>'
              '<span class="xxgk-steer-change"><span>更改</span><span>收起</span></span></span></summary>')
# On a phone the status (what the view's marks mean: 无数据, a line broken at a year, an agency with no value; up to
# seven lines for two agencies over two years) is shown under the chart and its download buttons, not above it
# (``.xxgk-compare-view``, its order in agencies.css): above, it pushed the chart under the first screen again. Read
# before the chart by a screen reader still (a live region, and nothing in it or the chart takes the focus). With the
# chart on the first screen what is under it is too, and must not move as the view is written: while the data come
# (the box's ``data-waiting``, set by compare-reserve.js, said by compare.js, gone once the view is written) the box
# says so and the table's room is a screen high (the growing status moves nothing seen, 排行榜 is below the screen),
# and the two download buttons keep their room while hidden (the PNG's came after the CSV's and moved it).
DEFAULT_TOP = 10  # the default view's agencies (no agency chosen): compare.js's DEFAULT_TOP, the same number
# The chart's box is given, as the page is read, the height compare.js will draw the view of the page's address at
# (its layout.height: a year, max(300, 90 + 34 a bar), its agencies' and one agency's median; a range of years, 420):
# the page is shown before its scripts have run, and the chart's box growing from nothing to 300–430 px when drawn
# moved the table and 排行榜 under the reader's finger (session 36: the whole first screen on a desktop). Agencies
# not on the site count too (compare.js drops them: a box a bar or two too tall, never one that grows). Without
# JavaScript this does not run and the box stays empty (its min-height: 2rem).
# (the ids counted once each as compare.js counts them, in a set: looked for among those before each, an address of
# 300,000 ids held the tab for minutes)
# When the address names agencies, the chosen agencies' list is given a hidden chip for each (a chip's box round one
# line of text — every chip is one line — with no link or button a tab or a test could reach before compare.js has
# written the real ones) until compare.js writes them: the first row of chips appearing moved everything under it
# 36 px on a desktop (session 37: CI's failure). The chips are cells of a grid of equal columns (agencies.css), so
# the hidden ones take the rows the real ones will (three on a 390 px phone for three agencies; one alone was
# reserved before, and the two rows more grew after paint: session 38). An id compare.js drops (not on the site)
# reserves a cell too: a list a row too tall, never one that grows; at most 50 cells (an address of thousands of
# ids, hostile or mistyped, is no page of blank rows: past 50 agencies the list grows). compare.js's renderChosen
# empties the list before writing it. Keep this in
# step with compare.js's id rule and its chart's height formula: this runs before compare.js loads.
# It is assets/compare-reserve.js, loaded (not deferred) just after the box, as the inline script it was until the
# site's Content-Security-Policy (csp.py); tests/test_h36hostile.py reads the file and runs it.
LEAGUE_PLAIN_TOP = 20  # the league's default view in plain HTML: its first ranks (compare.js shows up to 500)


def plain_league(ranked: list[tuple[dict, float]], year: int, metric: dict, root: str = "../") -> str:
    """The league table's default view (its first measure, ``year``, every agency) in plain HTML, for a reader
    without script: ``ranked`` is ``[(agency row, value)]`` largest first, ties in name order, ranked as
    ``compare.js`` ranks them (equal values share a rank); its first ``LEAGUE_PLAIN_TOP`` rows, with where the
    rest is. Before, the league under its heading was an empty box without JavaScript.

    On a phone each row reads as a card (xxgk.css ``data-cards``, the report card's ranking's layout): the agency on
    the first line, then each value after its column's name. The cells' labels and the explicit ARIA roles (a table
    laid out as blocks is no table to some browsers) are in the page, since no script writes them here: the six
    columns scrolled sideways in a box at 390 px, the region, tier and kind out of sight (audit 30)."""
    label = f"{metric['label_zh']}（{metric['unit']}）"
    headers = ["名次", "机构", label, "地区", "行政层级", "机构类型"]
    rows, rank, last = [], 0, None
    for i, (a, value) in enumerate(ranked[:LEAGUE_PLAIN_TOP]):
        if value != last:
            rank, last = i + 1, value
        region = " ".join(f'<span class="xxgk-word">{esc(x)}</span>'
                          for x in (a["province"], a["city"], a["county"]) if x) or "未知"
        name = f'<a href="{root}a/{esc(a["agency_id"])}/">{esc(a["name"])}</a>'
        values = [str(rank), name, esc(fmt_wan(value)), region, TIER_ZH.get(a["tier"] or "", "未知"),
                  KIND_ZH.get(a["kind"] or "", "未知")]
        rows.append("".join(
            f'<th scope="row" role="rowheader" data-title>{v}</th>' if j == 1
            else f'<td role="cell" data-label="{esc(headers[j])}">{v}</td>' for j, v in enumerate(values)))
    shown = f"前{LEAGUE_PLAIN_TOP}名" if len(ranked) > LEAGUE_PLAIN_TOP else "全部"
    caption = f"{year}年 {label} 排行（全部机构，{len(ranked)} 个机构有数值，显示{shown}）"
    head = "".join(f'<th scope="col" role="columnheader">{esc(h)}</th>' for h in headers)
    body = "".join(f'<tr role="row">{r}</tr>' for r in rows)
    return ('<noscript id="xxgk-league-plain" data-search-exclude>'
            "<p>按其他指标、年度或地区排行需要启用 JavaScript；下面是默认排行。"
            f'全部机构的全部数值见<a href="{root}data/">数据下载</a>。</p>'
            f'<table data-style="nums" data-cards role="table"><caption>{esc(caption)}</caption>'
            f'<thead role="rowgroup"><tr role="row">{head}</tr></thead><tbody role="rowgroup">{body}</tbody></table>'
            "</noscript>")


def metric_meanings_html(metrics: list[dict], meanings: dict[str, dict]) -> str:
    """Each measure's meaning in words (its glossary entry, ``glossary.metric_meanings``), hidden, for
    ``compare.js`` to show the chosen measure's under each of the page's two 指标 menus (``data-xxgk-meaning-of``);
    once on the page, not once a menu. A journalist choosing 予以公开比例 read no word of what it is a share of (办理
    结果总计, not 新收申请): its only definition was a formula in code on the data page (session 48).

    >>> html = metric_meanings_html([{"code": "g", "label_zh": "予以公开比例"}],
    ...                             {"g": {"anchor": "granted", "meaning": "……所占的百分比。"}})
    >>> '<span data-metric="g">予以公开比例：……所占的百分比。<a href="../glossary/#granted">词语解释</a>' in html
    True
    """
    spans = "".join(_meaning_span(m, meanings) for m in metrics if m["code"] in meanings)
    return f'<div id="xxgk-metric-meanings" hidden data-search-exclude>{spans}</div>'


def _meaning_span(metric: dict, meanings: dict[str, dict]) -> str:
    """A measure's meaning with its glossary link, in a span naming its code."""
    word = meanings[metric["code"]]
    return (f'<span data-metric="{esc(metric["code"])}">{esc(metric["label_zh"])}：{esc(word["meaning"])}'
            f'<a href="../{GLOSSARY_PAGE}/#{esc(word["anchor"])}">词语解释</a></span>')


def meaning_line(select: str, metrics: list[dict], meanings: dict[str, dict]) -> str:
    """The line under the menu ``select`` saying its measure's meaning, written with the menu's first choice's (what
    it shows before ``compare.js`` reads the address): there when the page is first painted, as the menu is, not
    filled in after and moving the status and the chart below it (``test_h36shift``)."""
    shown = _meaning_span(metrics[0], meanings) if metrics and metrics[0]["code"] in meanings else ""  # (the menus'
    # first option: metric_options keeps the measures' order, grouped by their first)
    return f'<p class="xxgk-meaning" data-xxgk-meaning-of="{select}" data-search-exclude>{shown}</p>'


def compare_markdown(metrics: list[dict], years: list[int], provinces: list[str],
                     cities: dict[str, list[str]] | None = None, default_view: str = "",
                     default_league: str = "", default_top: int = DEFAULT_TOP,
                     meanings: dict[str, dict] | None = None) -> str:
    """The compare page and its league table; ``cities``: each province's cities (``{province: [city]}``), the
    league's city menu (a city's office ranks its own city's agencies; ``compare.js`` offers the chosen province's
    cities only), grouped by province. ``default_view``: the default comparison drawn in plain HTML (the latest
    year's largest agencies by applications received, ``DEFAULT_TOP`` of them), shown without JavaScript, with
    where else to go: a shared comparison's address opened without script showed one sentence, no link and no
    number. ``default_league``: the league's default view in plain HTML (``plain_league``). ``default_top``: how many
    agencies the default view shows (``DEFAULT_TOP`` or fewer: those with a value), for ``assets/compare-reserve.js``
    (the box's ``data-top``). ``meanings``: each measure's glossary entry (``metric_meanings_html``)."""
    options = metric_options(metrics)
    city_options = '<option value="">全部</option>' + "".join(
        f'<optgroup label="{esc(p)}">'
        + "".join(f'<option value="{esc(c)}" data-province="{esc(p)}">{esc(c)}</option>' for c in cs)
        + "</optgroup>" for p, cs in sorted((cities or {}).items()))
    year_options = "".join(f'<option value="{y}">{y}年</option>' for y in sorted(years, reverse=True))
    province_options = '<option value="">全部</option>' + "".join(
        f'<option value="{esc(p)}">{esc(p)}</option>' for p in provinces)
    tier_options = '<option value="">全部</option>' + "".join(
        f'<option value="{k}">{v}</option>' for k, v in TIER_ZH.items())
    kind_options = '<option value="">全部</option>' + "".join(
        f'<option value="{k}">{v}</option>' for k, v in KIND_ZH.items())
    # a value's report page opened at the table the value is read from (compare.js, valueHref)
    sections = esc(json.dumps({t: slugify(h, "-") for t, h in TABLE_HEADINGS.items()}, separators=(",", ":")))
    return front_matter("比较") + f"""# 比较各机构

<p>选择机构、指标和年度（或年度范围）；图表、表格和下载的 CSV 都只含所选内容。缺失的数值显示为“无数据”，不是0。</p>
{INTRO_MORE}
<noscript data-search-exclude><p>比较和排行榜需要启用 JavaScript：不启用时，网址中所选的机构、指标和年度无法显示。\
每个机构历年的数字见<a href="../agencies/">机构索引</a>中该机构的页面（不需要 JavaScript），\
全部数据（CSV、Excel）见<a href="../data/">数据下载</a>。{"下面是不选机构时的默认比较。" if default_view else ""}</p>
{default_view}</noscript>
<p class="xxgk-js-wait" data-search-exclude>比较工具和排行榜正在加载……（网速慢时需要一些时间）</p>
{STEER_OPEN}
<form id="xxgk-compare" class="xxgk-compare xxgk-js-only" data-root="../" data-sections="{sections}">
<fieldset><legend>机构</legend>
<p><label for="xxgk-compare-add">添加机构（名称、简称、拼音或省份）：</label>
<input id="xxgk-compare-add" type="search" autocomplete="off" role="combobox" aria-expanded="false"
aria-controls="xxgk-compare-suggest" aria-autocomplete="list" placeholder="如 平潭 / geermu"></p>
<ul id="xxgk-compare-suggest" role="listbox" aria-label="候选机构"></ul>
<ul id="xxgk-compare-chosen" aria-label="已选机构"></ul>
</fieldset>
<p><span class="xxgk-pair"><label for="xxgk-compare-metric">指标：</label>
<select id="xxgk-compare-metric">{options}</select></span>
<span class="xxgk-pair"><label for="xxgk-compare-from">年度：从</label>
<select id="xxgk-compare-from">{year_options}</select></span>
<span class="xxgk-pair"><label for="xxgk-compare-to">到</label>
<select id="xxgk-compare-to">{year_options}</select></span></p>
{meaning_line("xxgk-compare-metric", metrics, meanings or {})}
</form>
</details>
{metric_meanings_html(metrics, meanings or {})}
<div class="xxgk-compare-view">
<div id="xxgk-compare-status" role="status" aria-live="polite"></div>
<p id="xxgk-compare-said" class="xxgk-unseen" role="status" aria-live="polite" data-search-exclude></p>
<div id="xxgk-compare-chart" class="xxgk-compare-chart" role="img" aria-label="比较图" data-top="{default_top}"></div>
<script src="../assets/compare-reserve.js"></script>
<p class="xxgk-compare-downloads">
<button type="button" id="xxgk-compare-png" class="md-button xxgk-small-button" hidden>下载图表（PNG）</button>
<a id="xxgk-compare-csv" class="md-button xxgk-small-button" hidden>下载所显示的数据（CSV）</a></p>
<div id="xxgk-compare-table"></div>
</div>

## 排行榜

<p>一个指标、一个年度；可按省份、城市、行政层级和机构类型筛选。</p>
<form id="xxgk-league" class="xxgk-compare xxgk-js-only">
<p><span class="xxgk-pair"><label for="xxgk-league-metric">指标：</label>
<select id="xxgk-league-metric">{options}</select></span>
<span class="xxgk-pair"><label for="xxgk-league-year">年度：</label>
<select id="xxgk-league-year">{year_options}</select></span></p>
{meaning_line("xxgk-league-metric", metrics, meanings or {})}
<p><span class="xxgk-pair"><label for="xxgk-league-province">省份：</label>
<select id="xxgk-league-province">{province_options}</select></span>
<span class="xxgk-pair"><label for="xxgk-league-city">城市：</label>
<select id="xxgk-league-city">{city_options}</select></span>
<span class="xxgk-pair"><label for="xxgk-league-tier">行政层级：</label>
<select id="xxgk-league-tier">{tier_options}</select></span>
<span class="xxgk-pair"><label for="xxgk-league-kind">机构类型：</label>
<select id="xxgk-league-kind">{kind_options}</select></span></p>
</form>
{default_league}
<div id="xxgk-league-status" role="status" aria-live="polite"></div>
<div id="xxgk-league-table"></div>
<p id="xxgk-league-unranked"></p>
<script src="../assets/search.js" defer></script>
<script src="../assets/compare.js" defer></script>
"""
