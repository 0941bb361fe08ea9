"""Site audit 23, walked in headless Chromium: what a reader sees on the compare page (the compared value beside the
name on a phone; an agency with no report that year said so, in the table's words), the quality page's empty-filter
sentence, a printed agency page's charts, the agency finder with a region typed before a name, and the full-text
search for words the reports do not hold as typed."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def served_site(indexed_site):
    """The seeds' site with its full-text index (``built_site`` has none): one site for the whole module."""
    return indexed_site


HAICHENG = "liaoning-anshan-haicheng-shujuju"  # the seeds: one report, 2025
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}


def _compare_rows(chromium) -> list[list[str]]:
    return _wait(lambda: [[c.text for c in tr.find_elements("css selector", "th, td")]
                          for tr in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])


def test_on_a_phone_the_compared_value_is_beside_the_agency(server, chromium):
    # (audit 23 F3: 机构 | 地区 | 年度 | 数值, the region's width pushed the value off a phone's screen)
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + "/compare/?agencies=qinghai-xining-huangzhong-renminzhengfu,"
                     "xinjiang-changji-changji-xingzhengshenpiju&metric=received&year=2025")
        rows = _compare_rows(chromium)
        heads = [h.text.rstrip(" ↕⇅") for h in chromium.find_elements("css selector", "#xxgk-compare-table thead th")]
        assert heads[0] == "机构" and heads[1].startswith("本年新收") and heads[2:] == ["年度", "地区"], heads
        assert [r[1] for r in rows] == ["11", "0"], rows
        box = chromium.find_element("css selector", "#xxgk-compare-table .xxgk-scroll")
        cells = chromium.find_elements("css selector", "#xxgk-compare-table tbody td:nth-child(2)")
        right = chromium.execute_script("return arguments[0].getBoundingClientRect().right", box)
        assert all(chromium.execute_script("return arguments[0].getBoundingClientRect().right", c) <= right + 1
                   for c in cells)  # in view without scrolling the box sideways
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_an_agency_without_a_report_that_year_is_said_to_have_none(server, chromium):
    # (audit 23 F4: the status blamed a missing region or tier; the chart said 无数据, the table 无报告)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={HAICHENG}&metric=received&year=2024")
    rows = _compare_rows(chromium)
    assert rows[0][1] == "无报告", rows
    status = _wait(lambda: chromium.find_element("id", "xxgk-compare-status").text)
    assert "本站没有该机构2024年的报告" in status and "2025" in status, status  # the year it has
    assert "同类组" not in status, status
    chart = chromium.find_element("id", "xxgk-compare-chart").text
    assert chart.startswith("无报告：") and "无数据" not in chart, chart


def test_the_quality_pages_empty_list_says_so_in_one_grammatical_sentence(server, chromium):
    # (audit 23 F6: 本表没有青海省 2024年度的报告有此类问题。 — two 有)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=青海省&year=2024")
    _wait(lambda: "青海省 2024年度" in chromium.find_element("css selector", ".xxgk-province-pick [role=status]").text)
    notes = [p.text for p in chromium.find_elements("css selector", ".xxgk-province-none") if p.is_displayed()]
    assert notes and set(notes) == {"青海省 2024年度没有报告有此类问题。"}, notes


def _charts(chromium) -> list[dict]:
    """Each chart box: whether it is drawn (holds plotly's figure) and shown (laid out, any height). (A chart of
    nothing but zeros is no box, session 47: not drawn, its caption says so — checked apart, ``_zero_boxes``.)"""
    return chromium.execute_script(
        "return Array.from(document.querySelectorAll('div.xxgk-chart:not([data-zero])')).map(function (c) {"
        " return {drawn: !!c.querySelector('.main-svg'),"
        " shown: c.getClientRects().length > 0 && c.getBoundingClientRect().height > 0}; })")


def _zero_boxes(chromium) -> list[float]:
    """The height of each box of a chart of nothing but zeros (``data-zero``)."""
    return chromium.execute_script("return Array.from(document.querySelectorAll('div.xxgk-chart[data-zero]'))"
                                   ".map(function (c) { return c.getBoundingClientRect().height; })")


def test_a_page_printed_before_its_charts_are_drawn_prints_no_blank_chart_box(server, chromium):
    # (audit 23 F1: charts are drawn as they scroll into view; printed at once, each undrawn one was a blank area)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/a/qinghai-xining-huangzhong-renminzhengfu/")
    first = _wait(lambda: chromium.find_element("css selector", "div.xxgk-chart"))
    chromium.execute_script("arguments[0].scrollIntoView()", first)  # the reader has seen the first chart
    _wait(lambda: _charts(chromium)[0]["drawn"])
    assert any(not c["drawn"] for c in _charts(chromium))  # those further down: not drawn yet
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        charts = _charts(chromium)
        assert all(c["drawn"] for c in charts if c["shown"]), charts  # on paper: drawn charts only
        chromium.execute_script("window.dispatchEvent(new Event('beforeprint'))")
        # every pending chart is drawn as printing begins: a second print has them all
        _wait(lambda: all(c["drawn"] and c["shown"] for c in _charts(chromium)))
        assert _zero_boxes(chromium) and all(h == 0 for h in _zero_boxes(chromium))  # (no blank box either)
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def _found(chromium, server, query) -> list[str]:
    """The agencies the agency index's finder lists for ``query`` (``?find=``, as the header's 全部列出 opens it)."""
    chromium.get(server + "/agencies/?find=" + query)
    status = chromium.find_element("id", "xxgk-agency-finder-status")
    _wait(lambda: status.text)
    return [a.text for a in chromium.find_elements("css selector", "#xxgk-agency-finder-results li a")]


def test_a_region_typed_before_a_name_without_a_space_finds_the_agency(server, chromium):
    # (audit 23 F2: 青海格尔木 and 鞍山海城 found nothing; 青海 格尔木, with a space, did)
    chromium.set_window_size(390, 844)
    assert sorted(_found(chromium, server, "青海格尔木")) == ["格尔木市人民政府", "格尔木市数据局"]
    assert _found(chromium, server, "鞍山海城") == ["海城市数据局"]  # a city, then a county's short form
    assert _found(chromium, server, "青海海西格尔木数据局") == ["格尔木市数据局"]  # province, prefecture, name
    assert _found(chromium, server, "辽宁格尔木") == []  # another province's region is no region of theirs


FULLTEXT_META = ".xxgk-fulltext-hits .md-search-result__meta"  # the header's count of full-text results


def test_words_no_report_holds_as_typed_are_said_missing_and_the_longest_run_comes_first(server, chromium):
    # (audit 23 F5: 平谭 read "10 份报告与“平谭”相关", listing a report that matched only 平台 first)
    from selenium.webdriver.common.by import By

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/fulltext/?text=信息处理赞")  # 信息处理费 misspelt: 信息处理 in four reports, 信息 in all
    _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
    status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
    assert status.startswith("原文中没有“信息处理赞”；以下是部分匹配的"), status
    excerpts = chromium.find_elements(By.CSS_SELECTOR, ".xxgk-fulltext-excerpt")
    held = ["信息处理" in e.text.replace(" ", "") for e in excerpts]
    assert held.count(True) == 4 and held == sorted(held, reverse=True), held  # the longest run first
    chromium.get(server + "/")
    chromium.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    chromium.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("平谭")  # 平潭 misspelt
    meta = _wait(lambda: [e.text for e in chromium.find_elements(By.CSS_SELECTOR, FULLTEXT_META)])
    assert meta[0].startswith("报告原文：没有“平谭”；") and "部分匹配" in meta[0], meta
    box = chromium.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.clear()
    box.send_keys("平台")  # held as typed: related, as before
    assert _wait(lambda: [e.text for e in chromium.find_elements(By.CSS_SELECTOR, FULLTEXT_META)
                          if "与“平台”相关" in e.text])


def test_the_count_of_findings_says_it_includes_info_notes(server, chromium):
    # (audit 23 N2: 问题数 24 for a report whose 24 findings are all info notes, read as "24 problems"; the quality
    # page splits them out, and its 问题数 counts the same)
    chromium.set_window_size(1366, 900)
    for path, table in (("/a/qinghai-xining-huangzhong-renminzhengfu/", "#xxgk-agency-years"),
                        ("/quality/", "#xxgk-by-agency")):
        chromium.get(server + path)
        heads = _wait(lambda t=table: [h.text.rstrip(" ↕⇅") for h in chromium.find_elements(
            "css selector", t + " thead th")])
        assert "问题数（含提示）" in heads and "问题数" not in heads, heads
