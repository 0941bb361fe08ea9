"""Session 60, the site audit's reader journeys (seeds, corpus and synthetic reports at 1366 × 900 and 390 × 844).

What misled a journalist: a comparison of more agencies than plotly has colours (ten) drew the eleventh agency in the
first one's colour, the twelfth in the second's, lines and points alike, and the legend gave both the same key — of 18
agencies over 2021–2024, the eleventh's 43.5 read as the first agency's value. Each further ten series now draw their
lines dashed another way and their points another shape.
"""

from __future__ import annotations

import json

import pytest

from .conftest import needs_chromium, own_tab, serving, wait_for
from .test_h53journeys import _node


def test_series_past_the_palettes_ten_are_dashed_and_marked_apart():
    """Traces 0–9 keep plotly's solid lines and round points; 10–19 and 20–29 each another dash and point shape; a
    series that had its own point shape (a 2019-template series' diamond) keeps it, in a variant of its own."""
    traces = [{"marker": {"size": 9}} for _ in range(25)] + [{"marker": {"size": 9, "symbol": "diamond"}}] * 2
    looks = _node("compare.js", "  var PALETTE_SIZE", f"lookApart({json.dumps(traces)})")
    styles = [((t.get("line") or {}).get("dash", "solid"), t["marker"].get("symbol", "circle")) for t in looks]
    assert styles[:10] == [("solid", "circle")] * 10
    assert len({styles[0], styles[10], styles[20]}) == 3  # the same colour (i mod 10): told apart by dash and shape
    assert styles[25][1].startswith("diamond") and styles[25][1] != "diamond", styles[25]
    assert all(t["marker"]["size"] == 9 for t in looks)


def _twelve_agencies(site) -> list[str]:
    agencies = json.loads((site / "json" / "agencies.json").read_text(encoding="utf-8"))
    rows = agencies["agencies"] if isinstance(agencies, dict) else agencies
    return sorted(a["id"] for a in rows if {"2021", "2022", "2023", "2024"} <= set(a["y"]))[:12]


@pytest.mark.browser
@needs_chromium
def test_on_a_phone_a_comparison_of_many_agencies_keeps_its_plot_as_tall_as_a_few_s(busier_site, chromium):
    """At 390 px the legend is a column of one agency a line under the plot: twelve of them took most of the chart's
    fixed 420 px, the plot a strip (18 of them: the legend scrolling inside the chart). The chart grows with its
    legend: the plot is as tall as with three agencies."""
    ids = _twelve_agencies(busier_site)
    plot = ("var d = document.getElementById('xxgk-compare-chart');"
            "return d && d._fullData && d._fullData.length === arguments[0] ? "
            "d._fullLayout._size.h : null;")
    chromium.set_window_size(390, 844)
    heights = {}
    with serving(busier_site) as url:
        for count in (3, 12):
            chromium.get(f"{url}/compare/?agencies={','.join(ids[:count])}&metric=received&year=2021-2024")
            heights[count] = wait_for(lambda count=count: chromium.execute_script(plot, count), 30)
    assert heights[12] >= heights[3] * 0.9, heights  # (before: 180 px against 243)


@pytest.mark.browser
@needs_chromium
def test_a_comparison_of_more_agencies_than_colours_draws_no_two_alike(busier_site, chromium):
    """Twelve agencies over four years: every series of the chart is drawn in a colour, dash and point shape no other
    series has (before: the eleventh and twelfth took the first two's colours, solid lines and round points)."""
    ids = _twelve_agencies(busier_site)
    assert len(ids) == 12
    chromium.set_window_size(1366, 900)
    with serving(busier_site) as url:
        chromium.get(f"{url}/compare/?agencies={','.join(ids)}&metric=received&year=2021-2024")
        looks = wait_for(lambda: chromium.execute_script(
            "var d = document.getElementById('xxgk-compare-chart');"
            "return d && d._fullData && d._fullData.length === 12 ? d._fullData.map(function (t) {"
            "  return [t.line.color, t.line.dash, t.marker.symbol]; }) : null;"), 30)
    assert len({tuple(look) for look in looks}) == 12, looks


def _latest_counts(table_rows) -> list[tuple[int, float]]:
    """(year, count) of each agency index row's 最近一年新收申请 with a count, in the order shown."""
    return [(int(cell.get("title")[:4]), float(cell.text_content())) for cell in
            (row.xpath("./td")[6] for row in table_rows) if cell.get("title", "").endswith("年度")]


def test_the_agency_index_says_each_latest_count_s_year_and_sorts_by_it_first(built_site):
    """The index's 最近一年新收申请 is each agency's latest year's count, and the seeds' latest years differ (2024,
    2025): each count carries its year and sorts by it before its size, and the page says so (before, a 2019 count
    ranked first above every later year's: the site never ranks counts of different years together)."""
    from lxml import html

    doc = html.fromstring((built_site / "agencies" / "index.html").read_text(encoding="utf-8"))
    rows = doc.xpath("//table[@id='xxgk-agencies']/tbody/tr")
    counts = _latest_counts(rows)
    assert len({year for year, _ in counts}) >= 2, counts
    keys = [float(row.xpath("./td")[6].get("data-sort")) for row in rows if row.xpath("./td")[6].get("data-sort")]
    assert len(keys) == len(counts)
    assert sorted(keys) == [year * 10**9 + count for year, count in sorted(counts)]
    assert "按此列排序时先按年度、再按件数排列" in doc.text_content()


@pytest.mark.browser
@needs_chromium
def test_sorting_the_agency_index_by_its_latest_counts_never_ranks_an_older_year_above(served_site, chromium):
    """A journalist sorts 最近一年新收申请 from the largest: the latest year's counts come first, largest first, then
    the year before's — a smaller year's count never above a later one's."""
    from lxml import html

    with serving(served_site) as url:
        chromium.get(f"{url}/agencies/")
        button = wait_for(lambda: chromium.find_elements("css selector", "#xxgk-agencies th button.xxgk-sort"))[6]
        button.click()
        button.click()
        shown = html.fromstring(chromium.find_element("id", "xxgk-agencies").get_attribute("outerHTML"))
    counts = _latest_counts(shown.xpath("./tbody/tr"))
    assert counts == sorted(counts, reverse=True) and len({year for year, _ in counts}) >= 2, counts


def test_the_home_page_s_own_errors_count_leads_to_the_list_they_order(built_site):
    """The home page's 条机关自身的错误 leads to the quality page's list by report, which is ordered by them — not to
    the page's top, every finding's code listed first (session 60's audit)."""
    from lxml import html

    home = html.fromstring((built_site / "index.html").read_text(encoding="utf-8"))
    (link,) = [a.get("href") for a in home.xpath("//a[contains(., '条机关自身的错误')]")]
    page, anchor = link.split("#")
    quality = html.fromstring((built_site / page / "index.html").read_text(encoding="utf-8"))
    (heading,) = quality.xpath(f"//h2[@id='{anchor}']")
    assert heading.text_content().startswith("按报告")
    assert "按机关自身的错误从多到少排列" in heading.getnext().text_content()


LAST_CHART_BUTTON = ("var charts = document.querySelectorAll('div.xxgk-chart:not([data-zero])');"
                     "var c = charts[charts.length - 1];"
                     "var b = c && c.closest('figure').querySelector('figcaption button:last-child');"
                     "return b ? [c, b] : null;")


@pytest.mark.browser
@needs_chromium
def test_a_chart_s_buttons_take_the_keyboard_before_it_is_drawn_and_act_once_it_is(server, tmp_path, chromium):
    """A chart's buttons come with its caption, before it is drawn (as it nears the screen): they were ``disabled``
    until then, and a keyboard reader tabbing faster than the chart was drawn passed over them (0.1 s a Tab skipped
    the first chart's two). They take focus at once, marked ``aria-disabled``; focused, the chart is drawn and they
    work; clicked before, the download follows the drawing."""
    page = f"{server}/a/qinghai-haixi-geermu-renminzhengfu/"
    with own_tab(chromium, tmp_path) as driver:
        driver.set_window_size(1366, 500)  # (the page's last chart far below the screen: not drawn by scrolling)
        driver.get(page)
        chart, button = wait_for(lambda: driver.execute_script(LAST_CHART_BUTTON))
        assert chart.get_attribute("data-drawn") is None
        assert button.is_enabled() and button.get_attribute("aria-disabled") == "true"
        driver.execute_script("arguments[0].focus({preventScroll: true})", button)
        assert driver.execute_script("return document.activeElement") == button
        wait_for(lambda: chart.get_attribute("data-drawn") is not None
                 and button.get_attribute("aria-disabled") is None)
        driver.get(page)  # again: clicked before its chart is drawn, the CSV is written once it is
        chart, button = wait_for(lambda: driver.execute_script(LAST_CHART_BUTTON))
        assert chart.get_attribute("data-drawn") is None and "CSV" in button.text
        driver.execute_script("arguments[0].click()", button)
        written = wait_for(lambda: list(tmp_path.glob("*.csv")))
    assert len(written) == 1 and written[0].read_text(encoding="utf-8-sig").count("\n") >= 2
