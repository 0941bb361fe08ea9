"""Session 47 (helper S2): the compare page steered with a keyboard alone and heard through a screen reader — what the
suggestion list says, what Escape keeps, what a focused control shows and what a sort button is called."""

from __future__ import annotations

import pytest

from .conftest import PHONE, needs_chromium, wait_for

pytestmark = [pytest.mark.browser, needs_chromium]

# what the page's live regions say (a screen reader reads each change of them), joined
SAID = "return Array.from(document.querySelectorAll('[aria-live], [role=status]')).map(function (e) {" \
       " return e.textContent; }).join('|');"
# the add box's list: [its value, aria-expanded, the options shown]
LISTED = ("var a = document.getElementById('xxgk-compare-add');"
          "return [a.value, a.getAttribute('aria-expanded'),"
          " document.querySelectorAll('#xxgk-compare-suggest li').length];")
# the focused element's (or arguments[0]'s) outline: [style, width in px, its colour's contrast with the page's white]
RING = """var e = arguments[0] || document.activeElement, s = getComputedStyle(e);
function lum(c) { var v = c.match(/[\\d.]+/g).slice(0, 3).map(function (x) { x = x / 255;
  return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
return [s.outlineStyle, parseFloat(s.outlineWidth), 1.05 / (lum(s.outlineColor) + 0.05)];"""


def _type(driver, text: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(text).perform()


def _to_the_box(driver, base: str) -> None:
    """The compare page, the keyboard in its 添加机构 box (reached by Tab from the top of the page)."""
    from selenium.webdriver.common.keys import Keys

    driver.get(base + "/compare/")
    wait_for(lambda: driver.execute_script("return document.getElementById('xxgk-compare').dataset.done"))
    for _ in range(40):
        _type(driver, Keys.TAB)
        if driver.execute_script("return document.activeElement.id") == "xxgk-compare-add":
            return
        # (session 51: on a phone the controls fold under a line saying the view; Enter on it opens them)
        if driver.execute_script("var e = document.activeElement; return e.matches('#xxgk-compare-steer > summary')"
                                 " && !e.parentNode.open"):
            _type(driver, Keys.ENTER)
    raise AssertionError("Tab never reached the 添加机构 box")


def test_the_suggestion_list_is_heard_and_escape_closes_it_keeping_the_words(server, chromium):
    from selenium.webdriver.common.keys import Keys

    _to_the_box(chromium, server)
    _type(chromium, "局")
    wait_for(lambda: chromium.execute_script(LISTED)[2] > 0)
    # a screen reader heard nothing of the list: how many were found, and how to choose one, is said
    assert wait_for(lambda: "个机构" in chromium.execute_script(SAID) and "找到" in chromium.execute_script(SAID))
    _type(chromium, Keys.ESCAPE)
    # Escape closed the list and wiped the words typed (Chrome clears a search box on Escape): the list closes, the
    # words stay for the reader to go on typing
    assert chromium.execute_script(LISTED) == ["局", "false", 0]
    _type(chromium, "zzzq")
    wait_for(lambda: chromium.execute_script(LISTED)[2] > 0)  # 没有找到机构, in a list the box says is collapsed
    assert wait_for(lambda: "没有找到机构" in chromium.execute_script(SAID))  # before: shown, never said


def test_a_sort_buttons_name_is_its_column_not_its_arrow(server, chromium):
    # the arrows drawn after each sort button (⇅ ↕ ↑ ↓, CSS content) were read as its name: 机构 上下箭头; the state is
    # the header's aria-sort
    chromium.get(server + "/compare/")
    wait_for(lambda: chromium.find_elements("css selector", "#xxgk-compare-table button.xxgk-sort"))
    wait_for(lambda: chromium.find_elements("css selector", "#xxgk-league-table button.xxgk-sort"))
    chromium.find_element("css selector", "#xxgk-compare-table button.xxgk-sort").click()  # (sorted: ↑ drawn)
    nodes = chromium.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    names = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") in
             ("button", "columnheader") and not n.get("ignored")]
    assert "机构" in names, names
    assert not [n for n in names if set(n) & set("⇅↕↑↓")], names
    sorts = chromium.execute_script("return Array.from(document.querySelectorAll('#xxgk-compare-table th'))"
                                    ".map(function (th) { return th.getAttribute('aria-sort'); });")
    assert "ascending" in sorts, sorts  # (the state itself is the header's, as before)


def test_each_charts_download_buttons_name_their_chart(built_site, server, chromium):
    # an agency page's six charts each had 下载图片（PNG） and 下载图表数据（CSV）: a screen reader's list of the page's
    # buttons read the same two names six times, none saying which chart it saves
    page = max(built_site.glob("a/*/index.html"), key=lambda p: p.read_text(encoding="utf-8").count('role="img"'))
    chromium.get(server + "/" + page.parent.relative_to(built_site).as_posix() + "/")
    wait_for(lambda: chromium.find_elements("css selector", ".xxgk-chart-actions button"))
    nodes = chromium.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    names = [n.get("name", {}).get("value", "") for n in nodes
             if n.get("role", {}).get("value") == "button" and not n.get("ignored")
             and n.get("name", {}).get("value", "").startswith("下载图")]
    charts = chromium.execute_script("return Array.from(document.querySelectorAll('div.xxgk-chart')).map(function (c) {"
                                     " return c.getAttribute('aria-label').replace(/^图表：/, ''); });")
    assert len(charts) >= 2 and len(names) >= 2 * len(charts) - 1, (charts, names)
    assert len(set(names)) == len(names), names  # before: ['下载图片（PNG）', '下载图表数据（CSV）', …] six times
    assert all(any(name.endswith("：" + chart) for chart in charts) for name in names), names  # (its visible words
    # first, the chart's name after: a speech command saying the visible words still finds it)


def test_the_quality_pages_filter_says_when_it_shows_every_report_again(server, chromium):
    # choosing a province was said (只显示某省的 N 份报告); choosing 全部 again emptied the status: a screen reader
    # heard nothing while the list grew back to every report
    from selenium.webdriver.support.ui import Select

    chromium.get(server + "/quality/")
    menu = Select(wait_for(lambda: chromium.find_element("css selector", "select[data-xxgk-province]")))
    status = chromium.find_element("css selector", ".xxgk-province-pick [role=status]")
    menu.select_by_index(1)
    assert wait_for(lambda: "只显示" in status.text)
    menu.select_by_value("")
    said = wait_for(lambda: status.text)
    shown = chromium.execute_script("return document.querySelectorAll('#xxgk-by-agency tbody tr:not([hidden])').length")
    assert said == f"显示全部 {shown} 份报告。", said


def test_on_a_phone_the_keyboards_place_is_in_view_and_drawn_in_a_colour_that_stands_out(server, chromium):
    # a phone's on-screen keyboard leaves the page half its height: the arrows moved the highlight to suggestions
    # below the screen's edge, and the reader pressed Enter on an agency never seen. And a phone's Chrome draws the
    # focus of a menu or a button in its pale orange (2.4:1 on white): the 指标 menu and an agency's 移除 showed barely
    # where the keyboard was; the highlighted suggestion was a 10 % tint (1.1:1)
    from selenium.webdriver.common.keys import Keys

    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE | {"height": 560})
    try:
        _to_the_box(chromium, server)
        _type(chromium, "s")
        count = wait_for(lambda: chromium.execute_script(LISTED)[2])
        assert count >= 3, count
        for _ in range(count - 1):
            _type(chromium, Keys.ARROW_DOWN)
        option = chromium.find_element("css selector", "#xxgk-compare-suggest li[aria-selected=true]")
        box = chromium.execute_script("var r = arguments[0].getBoundingClientRect();"
                                      "return [r.top, r.bottom, innerHeight];", option)
        rings = {"option": chromium.execute_script(RING, option)}
        _type(chromium, Keys.ENTER)
        wait_for(lambda: chromium.find_elements("css selector", "#xxgk-compare-chosen button"))
        for _ in range(3):  # the agency's link, its 移除, the 指标 menu
            _type(chromium, Keys.TAB)
            rings[chromium.execute_script("return document.activeElement.tagName")] = chromium.execute_script(RING)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert 0 <= box[0] and box[1] <= box[2], box
    assert {"option", "A", "BUTTON", "SELECT"} <= set(rings), rings
    for what, (style, width, contrast) in rings.items():
        assert style not in ("none", "auto") and width >= 2 and contrast >= 3, (what, style, width, contrast)
