"""Session 51, reader journeys round 22: the site on a phone, first screen first.

The compare page opened from a shared link on a phone showed its intro, the agency picker with a chip a row, the
menus and the measure's meaning, and the chart began 739 px (the default view) to 844 px (two agencies) down a 701 px
screen: the reader saw no chart. The controls now fold on a phone under one line saying the view shown (the agencies,
the measure, the years) that opens them; on a desktop they are laid out as before.
"""

from __future__ import annotations

import pytest

from .conftest import needs_chromium, wait_for

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"
GEERMU = "qinghai-haixi-geermu-shujuju"
SHARED = f"/compare/?agencies={HUANGZHONG},{GEERMU}&metric=received&year=2024-2025"
SMALL_ANDROID = {"width": 360, "height": 640, "deviceScaleFactor": 1, "mobile": True}
# (a closed <details>' content keeps its boxes, skipped by content-visibility: checkVisibility tells)
SHOWN = ("return arguments[0].checkVisibility("
         "{contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true});")
TOP = "return arguments[0].getBoundingClientRect().top"


def _drawn(driver, url: str):
    driver.get(url)
    return wait_for(lambda: driver.find_element("css selector", "#xxgk-compare-chart[data-drawn] svg") and
                    driver.find_element("id", "xxgk-compare-chart"))


def test_a_phone_shows_the_comparisons_chart_on_its_first_screen_and_says_the_view(server, chromium):
    first = "return arguments[0].getBoundingClientRect().bottom <= innerHeight"
    try:
        chromium.set_window_size(390, 844)  # (701 px inside: the tests' phone)
        chart = _drawn(chromium, server + SHARED)
        summary = chromium.find_element("css selector", "#xxgk-compare-steer > summary")
        for screen in ("390x701", "360x640"):  # (a small Android phone, the same page laid out again)
            if screen == "360x640":
                chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", SMALL_ANDROID)
                wait_for(lambda: chromium.execute_script("return innerWidth") == 360)
            assert chromium.execute_script("return innerHeight") == int(screen.split("x")[1])
            # the chart's first 150 px, its title and first lines, on the first screen
            top = chromium.execute_script(TOP, chart)
            assert chromium.execute_script("return arguments[0] + 150 <= innerHeight", top), (screen, top)
            # what steers it is said above it, on the same screen: the agencies, the measure and the years
            assert chromium.execute_script(first, summary), screen
        said = summary.text
        assert "比较2个机构：" in said and "本年新收申请（件）· 2024–2025年" in said and "更改" in said, said
        menu = chromium.find_element("id", "xxgk-compare-metric")
        assert not chromium.execute_script(SHOWN, menu)  # folded under the line
        summary.click()  # one tap opens the controls
        wait_for(lambda: chromium.execute_script(SHOWN, menu))
        assert chromium.execute_script(SHOWN, chromium.find_element("id", "xxgk-compare-add"))
        assert "收起" in summary.text and "更改" not in summary.text
        chips = [a.text for a in chromium.find_elements("css selector", "#xxgk-compare-chosen li a")]
        assert len(chips) == 2 and f"：{chips[0]}、{chips[1]}" in said.replace("…", ""), (chips, said)  # (in order)
        # a desktop keeps its layout: no line to open, the chips beside each other, the menus on one line
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        chromium.set_window_size(1366, 900)
        wait_for(lambda: not chromium.execute_script(SHOWN, summary))
        for control in ("xxgk-compare-add", "xxgk-compare-metric", "xxgk-compare-from", "xxgk-compare-to"):
            assert chromium.execute_script(SHOWN, chromium.find_element("id", control)), control
        chips = chromium.find_elements("css selector", "#xxgk-compare-chosen li")
        assert len({round(chromium.execute_script(TOP, c)) for c in chips}) == 1
        menus = [chromium.find_element("id", f"xxgk-compare-{i}") for i in ("metric", "from", "to")]
        assert len({round(chromium.execute_script(TOP, m)) for m in menus}) == 1
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        chromium.set_window_size(1366, 900)


CHANGJI = "xinjiang-changji-changji-xingzhengshenpiju"  # the seeds: tables 三 and 四 read whole, every sum holding
GEERMU_GOV = "qinghai-haixi-geermu-renminzhengfu"  # the seeds: cells of tables 三 and 四 blank


def _sums_line(site, agency: str, year: int) -> tuple[str, list[str], set[str]]:
    """The report page's line saying whether its tables add up: its words, its links, and the page's h2 ids."""
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring((site / "a" / agency / f"{year}.html").read_text(encoding="utf-8"))
    line = doc.xpath("//article//p[@class='xxgk-sums']")
    assert len(line) == 1, f"{agency} {year}: no line saying whether its tables add up"
    for inner in line[0].xpath("./details"):  # (minified: the paragraph's </p> left out before the facts)
        line[0].remove(inner)
    return (line[0].text_content().strip(), line[0].xpath(".//a/@href"),
            {h.get("id"): h.text_content() for h in doc.xpath("//article//h2")})


def test_a_report_page_says_under_its_key_figures_whether_its_tables_add_up(built_site):
    # (session 51: a reader landing on a report from a search engine read its numbers on the first screen, but
    # whether they hold together only screens down — the report card's 内部一致, the ≠ marks, 发现的问题)
    words, links, headings = _sums_line(built_site, HUANGZHONG, 2025)  # (七)总计 11 over outcomes of 0, twice
    assert words == "核对：表中有 2 处数对不上（勾稽关系不成立），见发现的问题。", words
    assert len(links) == 1 and headings.get(links[0].removeprefix("#")) == "发现的问题", (links, headings)
    words, _, _ = _sums_line(built_site, CHANGJI, 2025)
    assert words == "核对：表3、表4的勾稽关系（如总计等于各项之和）都成立。", words
    # what was not read is never said to hold
    words, _, _ = _sums_line(built_site, GEERMU, 2025)  # its table 三 not read
    assert words == "核对：表4的勾稽关系（如总计等于各项之和）都成立；表3未能读出，勾稽关系无法核对。", words
    words, _, _ = _sums_line(built_site, GEERMU_GOV, 2024)
    assert words.startswith("核对：表3、表4读出的数之间勾稽关系"), words
    assert words.endswith("有的数缺失（表中的“—”），与之相关的关系未能核对。"), words


def test_a_phone_reader_from_a_search_engine_sees_whose_report_whether_it_adds_up_and_the_ways_on(server, chromium):
    try:
        chromium.set_window_size(1366, 900)
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", SMALL_ANDROID)
        chromium.get(server + f"/a/{HUANGZHONG}/2025.html")
        first = "return arguments[0].getBoundingClientRect().bottom <= innerHeight"
        # whose report and which year, what it says and whether it adds up, its agency's other years, its source
        for selector in ("article h1", "article p.xxgk-key", "article p.xxgk-sums", "p.xxgk-links a[href='./']",
                         "p.xxgk-links a[href*='src/']"):
            element = chromium.find_element("css selector", selector)
            assert chromium.execute_script(first, element), f"{selector}: not on a 360 × 640 phone's first screen"
        chromium.find_element("css selector", "article p.xxgk-sums a").click()
        wait_for(lambda: chromium.execute_script("return location.hash") == "#faxiandewenti")
        heading = chromium.find_element("id", "faxiandewenti")
        assert chromium.execute_script("var r = arguments[0].getBoundingClientRect();"
                                       "return r.top >= 0 && r.bottom <= innerHeight", heading)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_data_pages_licence_and_citation_are_on_a_phones_first_screen(server, chromium):
    # (session 51: 如何引用 and 许可 were headings 7,700 px down a 390 px phone, under 24 files' rows)
    try:
        chromium.set_window_size(390, 844)
        chromium.get(server + "/data/")
        first = "return arguments[0].getBoundingClientRect().bottom <= innerHeight"
        cite = chromium.find_element("css selector", "article a[href='#cite']")
        licence = chromium.find_element("css selector", "article a[href='#xuke']")
        assert chromium.execute_script(first, cite) and chromium.execute_script(first, licence)
        assert "CC BY 4.0" in licence.find_element("xpath", "..").text
        licence.click()
        wait_for(lambda: chromium.execute_script("return location.hash") == "#xuke")
        said = chromium.find_element("xpath", "//h2[@id='xuke']/following-sibling::p[1]").text
        assert "CC BY 4.0" in said, said
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    finally:
        chromium.set_window_size(1366, 900)


def test_a_mistyped_address_of_a_page_of_the_menu_opens_it_or_names_it(server, chromium):
    # (session 51: /Compare.html, /data/index.htm, /agencies/x and an agency's pinyin typed as an address all got
    # 页面不存在 alone, the reader left to guess)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/Data/index.htm")
    wait_for(lambda: chromium.execute_script("return location.pathname") == "/data/")  # (replaced: Back skips it)
    assert chromium.find_element("css selector", "article h1").text != "404：找不到这个页面"
    status = "return document.getElementById('xxgk-404-status').textContent"
    chromium.get(server + "/agencies/no-such-thing")
    wait_for(lambda: "您要找的可能在这一页" in chromium.execute_script(status))
    link = chromium.find_element("css selector", "#xxgk-404-status a")
    assert link.get_attribute("href") == server + "/agencies/" and link.text == "机构索引"
    chromium.get(server + "/geermu")  # an agency's pinyin as an address: the agencies it names
    found = wait_for(lambda: chromium.find_elements("css selector", "#xxgk-404-nearest a"))
    assert all("/a/qinghai-haixi-geermu-" in a.get_attribute("href") for a in found[:2]), [a.text for a in found]
    assert chromium.execute_script(status).startswith("页面不存在：本站没有这个页面。与它最接近的机构")
    assert chromium.find_element("id", "xxgk-404-find-q").get_attribute("value") == "geermu"  # (its words, to edit)
