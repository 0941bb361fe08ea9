"""Session 34, a reader's journeys walked in headless Chromium on the seeds' site: a journalist following a number to
its source line and back, a transparency office checking a finding in the source and going back to it, a citizen on
a phone opening an agency's page."""

from __future__ import annotations

import pytest

from .conftest import SHOTS, click_still, needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, two identity_broken findings (第84行)
REPORT = f"/a/{HUANGZHONG}/2025.html"
# every uncaught error of a page, kept from its first script on (a console error is what the reader never sees)
ERRORS = """window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });"""
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


@pytest.fixture(params=["desktop", "phone"])
def screen(request, chromium):
    """``chromium`` at 1366 × 900, or emulating a phone (390 × 844, touch): the name of the screen."""
    chromium.set_window_size(1366, 900)
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        chromium.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    yield request.param
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        chromium.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def _in_view(chromium, element) -> bool:
    return chromium.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight",
        element)


def _finding_link(chromium):
    """The report page's first identity_broken finding's link to its line (第84行)."""
    return chromium.find_element(
        "xpath", "//li[contains(., 'identity_broken')]//li[1]/a[contains(@href, '/src/')]")


def _path(chromium) -> str:
    return chromium.execute_script("return location.pathname")


# -- 1. a source page's 返回报告页 goes back to the finding the reader left, not to the report's top ------------------

def test_the_source_pages_back_link_returns_to_the_finding_the_reader_opened_it_from(server, chromium, screen):
    # (session 34: a transparency office checking a finding opened its line (第84行), read it, chose a line near it,
    # and tapped ← 返回报告页: it landed on the report's top, and scrolled the whole page down to find the finding)
    chromium.get(server + REPORT)
    link = _wait(lambda: _finding_link(chromium))
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    assert _in_view(chromium, link)
    link.click()
    _wait(lambda: "/src/" in _path(chromium) and chromium.find_elements("css selector", "a.xxgk-ln"))
    assert chromium.execute_script("return location.hash") == "#L84"
    chromium.find_element("css selector", "a.xxgk-ln[href='#L86']").click()  # a line two lower chosen: cited
    _wait(lambda: chromium.execute_script("return location.hash") == "#L86")
    assert not chromium.find_elements("partial link text", "返回上一页")  # the report is the page before
    chromium.find_element("partial link text", "返回报告页").click()
    _wait(lambda: _path(chromium) == REPORT)
    link = _wait(lambda: _finding_link(chromium))
    chromium.save_screenshot(str(SHOTS / f"h34-back-to-finding-{screen}.png"))
    assert _wait(lambda: _in_view(chromium, link)), chromium.execute_script("return scrollY")
    assert chromium.execute_script("return scrollY") > 0



def test_a_source_page_opened_from_the_quality_pages_list_leads_back_to_the_finding_there(server, chromium, screen):
    # (session 34: a transparency office reading 数据质量's list of identity_broken findings opened one's line; the
    # source page offered ← 返回报告页 (the report's top) and 首页: only the browser's back led to the list again)
    chromium.get(server + "/quality/")
    link = _wait(lambda: chromium.find_element(
        "xpath", "//table[@data-xxgk-problem='identity_broken']//a[contains(@href, '/src/')]"))
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERRORS})["identifier"]
    try:
        click_still(chromium, link)
        _wait(lambda: "/src/" in _path(chromium) and chromium.find_elements("css selector", "a.xxgk-ln"))
        chromium.find_element("css selector", "a.xxgk-ln[href='#L85']").click()
        _wait(lambda: chromium.execute_script("return location.hash") == "#L85")
        # the chosen line's citation still shows (a variable of the new link's once took the citation bar's name)
        bar = chromium.find_element("css selector", ".xxgk-line-bar")
        assert bar.is_displayed() and "原文第 85 行" in bar.text, bar.text
        assert chromium.execute_script("return window.__errors") == []
    finally:
        chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    links = [a.text for a in chromium.find_elements("css selector", "main > p:first-child a")]
    assert links == ["← 返回上一页", "← 返回报告页", "机构页（湟中区人民政府）", "首页"], links  # (session 40)
    chromium.find_element("link text", "← 返回上一页").click()
    _wait(lambda: _path(chromium) == "/quality/")
    link = chromium.find_element(
        "xpath", "//table[@data-xxgk-problem='identity_broken']//a[contains(@href, '/src/')]")
    assert _wait(lambda: _in_view(chromium, link)), chromium.execute_script("return scrollY")

def test_a_source_page_opened_by_its_address_still_leads_to_its_reports_top(server, chromium):
    # (the other side: no report before it in the tab — a link pasted, a new tab — and the link is the report's page)
    chromium.set_window_size(1366, 900)
    chromium.get(server + REPORT)
    source = _finding_link(chromium).get_attribute("href")
    chromium.execute_script("window.open(arguments[0], '_blank', 'noopener')", source)
    chromium.switch_to.window(chromium.window_handles[-1])
    try:
        _wait(lambda: "/src/" in _path(chromium) and chromium.find_elements("css selector", "a.xxgk-ln"))
        assert not chromium.find_elements("partial link text", "返回上一页")
        chromium.find_element("partial link text", "返回报告页").click()
        _wait(lambda: _path(chromium) == REPORT)
        assert chromium.execute_script("return scrollY") == 0
    finally:
        chromium.close()
        chromium.switch_to.window(chromium.window_handles[0])



def test_a_source_pages_back_link_is_never_a_dead_click_when_the_tab_began_on_it(server, chromium):
    # (a tab opened on the source page, whose reader went to 首页 and came back: the history held two entries and the
    # page thought one was the report before it; stepping back from the first entry did nothing, the click was lost)
    chromium.set_window_size(1366, 900)
    chromium.get(server + REPORT)
    source = _finding_link(chromium).get_attribute("href")
    chromium.execute_script("window.open(arguments[0], '_blank')", source)  # (with the report as its referrer)
    chromium.switch_to.window(chromium.window_handles[-1])
    try:
        _wait(lambda: "/src/" in _path(chromium) and chromium.find_elements("css selector", "a.xxgk-ln"))
        chromium.find_element("link text", "首页").click()
        _wait(lambda: _path(chromium) == "/")
        chromium.back()
        _wait(lambda: "/src/" in _path(chromium) and chromium.find_elements("css selector", "a.xxgk-ln"))
        chromium.find_element("partial link text", "返回报告页").click()
        _wait(lambda: _path(chromium) == REPORT)
    finally:
        chromium.close()
        chromium.switch_to.window(chromium.window_handles[0])

def test_a_source_pages_links_are_tap_targets_on_a_phone(server, chromium, screen):
    # (session 34: ← 返回报告页 and 首页, the page's only ways on, were 19 px high: under the 24 px of WCAG 2.5.8)
    chromium.get(server + REPORT)
    chromium.get(_finding_link(chromium).get_attribute("href"))
    _wait(lambda: chromium.find_elements("css selector", "a.xxgk-ln"))
    for words in ("返回报告页", "首页"):
        size = chromium.find_element("partial link text", words).size
        assert size["height"] >= 24 and size["width"] >= 24, (words, size)


# -- 2. on a phone an agency's facts are folded under one line, and its numbers come first ----------------------------

def test_on_a_phone_an_agencys_facts_are_folded_under_one_line_that_says_where_and_what_it_is(server, chromium):
    # (session 34: at 390 px the agency page opened with eight rows of facts, ≈ 370 px, 机构编号 wrapping over two
    # lines, before the measure to compare and its reports; a report page's facts were folded in session 32b)
    chromium.set_window_size(1366, 900)
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + f"/a/{HUANGZHONG}/")
        _wait(lambda: chromium.find_elements("css selector", "article h2"))
        chromium.save_screenshot(str(SHOTS / "h34-agency-facts-phone.png"))
        code = chromium.find_element("xpath", "//article//td[text()='" + HUANGZHONG + "']")
        assert not code.is_displayed()  # folded
        summary = chromium.find_element("css selector", "article details.xxgk-facts summary")
        # the one line says what is inside, and the facts a citizen looks for: where, which tier, which years
        for words in ("机构信息", "青海省 西宁市 湟中区", "县级", "2025年"):
            assert words in summary.text, summary.text
        height = chromium.execute_script(
            "return document.querySelector('article details.xxgk-facts').getBoundingClientRect().height")
        assert height < 120, height  # a line or two, not ≈ 370 px
        top = chromium.execute_script(
            "return document.getElementById('linianbaogao').getBoundingClientRect().top + scrollY")
        assert top < 844 - 100, top  # its reports start on the first screen
        summary.click()  # one tap: every fact, nothing wider than the screen
        _wait(lambda: code.is_displayed())
        labels = [th.text for th in chromium.find_elements("css selector", "article details.xxgk-facts th")]
        assert labels[:3] == ["名称", "别名", "地区"] and "机构编号" in labels, labels
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


SEEN = ("var e = document.querySelector('article ' + arguments[0]); if (!e) return false;"
        "e.scrollIntoView({block: 'center'});"
        "var r = e.getBoundingClientRect(); if (!r.height) return false;"
        "var at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return !!at && (at === e || e.contains(at));")


@pytest.mark.parametrize("media", ["screen", "print"])
def test_on_a_desktop_and_on_paper_an_agencys_facts_stay_open_with_no_line_to_click(server, chromium, media):
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{HUANGZHONG}/")
    _wait(lambda: chromium.find_elements("css selector", "article table th"))
    if media == "print":
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # (selenium's is_displayed calls a closed <details>'s content hidden whatever the CSS shows: ask the page)
        assert chromium.execute_script(SEEN, "table tr:last-child td")
        assert not chromium.execute_script(SEEN, "details.xxgk-facts summary")
        first = chromium.find_element("css selector", "article table")  # still the page's first table
        assert first.find_element("css selector", "th").get_attribute("textContent") == "名称"
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# -- 3. a value on the compare page leads to where its report prints it, not to the report's top ----------------------

@pytest.mark.parametrize(("metric", "value", "heading"), [
    ("received", "11", "三、收到和处理政府信息公开申请情况"),
    ("review_total", "0", "四、行政复议、行政诉讼情况")])
def test_a_value_on_the_compare_page_opens_its_report_at_the_table_it_is_read_from(server, chromium, screen, metric,
                                                                                    value, heading):
    # (session 34: a journalist comparing agencies clicked 湟中's 11 new requests and landed on the report's top, its
    # facts and score; the table 三 the 11 is read from lay two screens down, on a phone five)
    chromium.get(server + f"/compare/?agencies={HUANGZHONG}&metric={metric}&year=2025")
    cell = _wait(lambda: [a for a in chromium.find_elements("css selector", "#xxgk-compare-table td a")
                          if a.text == value])[0]
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    click_still(chromium, cell)
    _wait(lambda: _path(chromium) == REPORT)
    title = _wait(lambda: [h for h in chromium.find_elements("css selector", "article h2") if h.text == heading])[0]
    assert _wait(lambda: _in_view(chromium, title)), chromium.execute_script("return scrollY")


# -- 4. a check on the checks page leads to the findings it made ------------------------------------------------------

def test_a_check_leads_to_the_findings_it_made_on_the_quality_page(server, chromium):
    # (session 34: a transparency office reading 检查项目 found what 勾稽关系不成立 means, but no way to the reports
    # where it was found: the check's row named no finding and linked nowhere)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/checks/")
    row = _wait(lambda: chromium.find_element("id", "identity_broken"))
    link = row.find_element("css selector", "a[href$='quality/#identity_broken']")
    assert link.text == "本站 2 条", link.text  # the seeds: 湟中区人民政府 2025's two
    assert link.size["height"] >= 24, link.size  # a link alone in its line: a tap target
    assert "本站暂无" in chromium.find_element("id", "over_budget").text  # none found: said, no link to nothing
    assert not chromium.find_element("id", "over_budget").find_elements("tag name", "a")
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    click_still(chromium, link)
    _wait(lambda: _path(chromium) == "/quality/")
    title = chromium.find_element("css selector", "h2#identity_broken")
    assert _wait(lambda: _in_view(chromium, title))


def test_an_agencys_folded_facts_say_many_years_as_their_span_in_one_short_line():
    # (session 34: the line folding an agency's facts named each year: eleven of them, 2015年、2016年、…, took four
    # lines of a 390 px screen, the line meant to be one; the facts' 报告年度 row still names every year)
    from xxgk.site.agency_page import years_said

    assert years_said(list(range(2015, 2026))) == "2015–2025年（11个年度）"
    assert years_said([2019, 2021, 2023, 2025]) == "2019年、2021年、2023年、2025年"
    assert years_said([]) == "没有报告"
