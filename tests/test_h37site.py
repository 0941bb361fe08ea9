"""Session 37 (a reader's journeys at 390 px and 1366 px): what got in the way.

- On a phone a sortable table read as cards (the agency index, an agency's years, the quality page's list, the report
  card, the compare page's league) has a header of sort buttons a line of text high, 21 px, their lines 22 px apart:
  under WCAG 2.2's target size (2.5.8: 24 × 24 CSS px, or a 24 px circle round each touching no other target) a thumb
  aimed at 报告数 sorted by 机构.
- The compare page's chart said nothing when drawn (the report and agency pages' charts set ``data-drawn``): a test, or
  a script, could only wait for plotly's first ``svg``, there before the chart is finished.
- A report's page opened from a list (the quality page's, the ranking's): its bar (第 1/3 份 · 下一份 · 返回列表),
  written under the heading by ``lists.js`` once the page was shown, pushed the page down under the reader's finger
  (0.073 of a phone's screen). It is at the article's end now, out of view as the page opens."""

from __future__ import annotations

import re
import time

import pytest

from .conftest import PHONE, needs_chromium, open_from_a_list, wait_for

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025
GEERMU = "qinghai-haixi-geermu-shujuju"

# WCAG 2.2 2.5.8 (target size, minimum) for the page's sort buttons: each one smaller than 24 × 24 CSS px whose 24 px
# circle (centred on its box) reaches another target's box, or another small target's circle: [its text, its width
# and height, the targets it crowds]
CROWDED = r"""var targets = Array.from(document.querySelectorAll(
  'article a[href], article button, article input, article select, article summary')).filter(function (e) {
  var r = e.getBoundingClientRect(); return r.width && r.height && getComputedStyle(e).visibility !== 'hidden';
}).map(function (e) { return {e: e, r: e.getBoundingClientRect()}; });
function small(t) { return t.r.width < 24 || t.r.height < 24; }
function centre(t) { return [t.r.left + t.r.width / 2, t.r.top + t.r.height / 2]; }
return targets.filter(function (t) { return small(t) && t.e.matches('button.xxgk-sort'); }).map(function (t) {
  var c = centre(t);
  var near = targets.filter(function (u) {
    if (u === t) return false;
    var dx = Math.max(u.r.left - c[0], 0, c[0] - u.r.right), dy = Math.max(u.r.top - c[1], 0, c[1] - u.r.bottom);
    if (Math.hypot(dx, dy) < 12) return true;
    var d = centre(u);
    return small(u) && Math.hypot(d[0] - c[0], d[1] - c[1]) < 24;
  });
  return near.length ? [t.e.textContent.trim(), Math.round(t.r.width), Math.round(t.r.height),
                        near.map(function (u) { return u.e.textContent.trim(); })] : null;
}).filter(Boolean);"""

CARD_TABLES = {
    "agencies": "/agencies/",
    "agency": f"/a/{HUANGZHONG}/",
    "quality": "/quality/",
    "report-card": "/report-card/",
    "compare-league": "/compare/",
}


@pytest.fixture
def phone(chromium):
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield chromium
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("page", list(CARD_TABLES))
def test_a_card_tables_sort_buttons_are_targets_a_thumb_can_tell_apart_on_a_phone(server, phone, page):
    # (session 37: 21 px high, their lines 22 px apart: 机构 ⇅ crowded 报告数 ⇅ under it on the agency index)
    phone.get(server + CARD_TABLES[page])
    buttons = wait_for(lambda: [b for b in phone.find_elements("css selector", "table[data-cards] button.xxgk-sort")
                                if b.is_displayed()])
    assert buttons  # (the page's cards have their sort buttons at 390 px)
    assert phone.execute_script(CROWDED) == []


def test_the_compare_chart_says_when_it_is_drawn_and_again_for_each_view(server, chromium):
    # as the report and agency pages' charts do (data-drawn): a view changed is a chart redrawn, said once drawn
    chromium.set_window_size(1366, 900)
    chromium.get(f"{server}/compare/?agencies={HUANGZHONG},{GEERMU}&metric=received&year=2025")
    chart = wait_for(lambda: chromium.find_element("css selector", "#xxgk-compare-chart[data-drawn]"), 30)
    assert chart.find_elements("css selector", ".main-svg")
    assert "湟中区人民政府" in chart.text
    menu = chromium.find_element("id", "xxgk-compare-metric")
    # the attribute goes as the next view starts drawing, and comes back once it is drawn
    chromium.execute_script("var m = arguments[0]; m.value = 'processed';"
                            "m.dispatchEvent(new Event('change', {bubbles: true}));"
                            "window.__undrawn = !document.getElementById('xxgk-compare-chart').hasAttribute("
                            "'data-drawn');", menu)
    assert chromium.execute_script("return window.__undrawn")
    wait_for(lambda: chromium.find_element("css selector", "#xxgk-compare-chart[data-drawn]"), 30)
    assert "办理总计" in chromium.find_element("id", "xxgk-compare-chart").text


def test_a_report_opened_from_a_list_does_not_move_when_its_place_in_the_list_is_said(slow_server, watched):
    # (session 37: the list's bar, 第 1/3 份 · 下一份 · 返回列表, written under the heading by lists.js once the page
    # was shown, pushed the key figures and all under them down: 0.073 on a phone, walking 青海省's list by report)
    from .test_h36shift import _counted, _moved

    driver = watched
    names = open_from_a_list(driver, slow_server, 0)
    nav = wait_for(lambda: driver.find_element("id", "xxgk-work-list"))
    wait_for(lambda: driver.execute_script("return document.readyState === 'complete'"))
    time.sleep(1.0)
    shifts = _counted(driver.execute_script("return window.__shifts"))
    assert sum(s["value"] for s in shifts) < 0.005, _moved(shifts)
    # the list's place and its next report at the report's end, where the reader has read it through
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    time.sleep(0.5)
    assert nav.is_displayed()
    assert driver.execute_script("return document.querySelector('article').lastElementChild === arguments[0]", nav)
    following = nav.find_elements("css selector", "a[rel=next]")
    assert following and following[0].text == names[1], (names, nav.text)
    following = following[0]
    following.click()
    assert wait_for(lambda: driver.find_element("css selector", "article h1").text) == names[1]
    assert "第 2/3 份" in wait_for(lambda: driver.find_element("id", "xxgk-work-list").text)


def test_a_text_search_says_which_listed_reports_hold_the_words_only_in_part(indexed_site, chromium):
    # (session 37: a citizen searching 信息处理费 on a phone read "7 份报告的原文含“信息处理费”，另 4 份只部分
    # 匹配" above one numbered list of 11; nothing in it said which 4, whose passages (湟中区's 政府信息 345 条) read
    # as answers like the others)
    from .conftest import serving

    site = indexed_site
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        with serving(site) as url:
            chromium.get(url + "/fulltext/?text=信息处理费")
            wait_for(lambda: chromium.find_element("id", "xxgk-fulltext").get_attribute("data-state") == "done")
            status = chromium.find_element("id", "xxgk-fulltext-status").text
            said = re.fullmatch(r"(\d+) 份报告的原文含“信息处理费”，另 (\d+) 份只部分匹配.*", status)
            held, part = int(said[1]), int(said[2])
            hits = {e.find_element("css selector", ".xxgk-fulltext-title").text: e.text
                    for e in chromium.find_elements("css selector", "#xxgk-fulltext-results li")}
            assert len(hits) == held + part, hits
            partial = [name for name, text in hits.items() if "原文不含“信息处理费”" in text]
            assert len(partial) == part and "湟中区人民政府 2025年度" in partial, hits  # (its text never says it)
            assert all("信息处理费" in hits[name] for name in hits if name not in partial), hits
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_adding_a_second_agency_of_a_name_offers_the_one_not_yet_chosen(server, chromium):
    # (session 37: a journalist comparing 格尔木市数据局 with 格尔木市人民政府 typed 格尔木 again and pressed Enter:
    # the first suggestion was 格尔木市数据局, chosen already, and nothing happened, nothing was said)
    from selenium.webdriver.common.keys import Keys

    chromium.set_window_size(1366, 900)
    chromium.get(f"{server}/compare/?agencies={GEERMU}&metric=received&year=2024-2025")
    wait_for(lambda: "格尔木市数据局" in chromium.find_element("css selector", "#xxgk-compare-chosen li a[href]").text)
    box = chromium.find_element("id", "xxgk-compare-add")
    box.send_keys("格尔木")
    options = wait_for(lambda: [e.text for e in chromium.find_elements("css selector", "#xxgk-compare-suggest li")
                                if e.is_displayed()])
    assert options[0].startswith("格尔木市人民政府"), options
    assert not any(o.startswith("格尔木市数据局") for o in options), options
    box.send_keys(Keys.ENTER)
    chosen = wait_for(lambda: [li.text for li in chromium.find_elements("css selector", "#xxgk-compare-chosen li")
                               if len(chromium.find_elements("css selector", "#xxgk-compare-chosen li")) == 2])
    assert "格尔木市数据局" in chosen[0] and "格尔木市人民政府" in chosen[1], chosen
    # every agency of a name chosen: said so, not 没有找到机构
    box.send_keys("格尔木")
    said = wait_for(lambda: [e.text for e in chromium.find_elements("css selector", "#xxgk-compare-suggest li")
                             if e.is_displayed()])
    assert said == ["符合的机构都已选择"], said
