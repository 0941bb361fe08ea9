"""Session 48 (AUDITS round 21, reader journeys): what four readers of the built site hit, walked in headless Chromium
over the seeds and the corpus at 1366 and 390 px — a source page whose every line number was a stop of the Tab order
(a keyboard reader), a quality list that led to a report's top, not to the cell that does not add up (a city's
transparency office), a measure named but never said in words (a journalist), an agency's problems by year that
counted the site's reading as the agency's, and table 二's items with no meaning to follow (a citizen)."""

from __future__ import annotations

import pytest

from .conftest import PHONE, needs_chromium, wait_for

pytestmark = [pytest.mark.browser, needs_chromium]

# the focused element, as a reader hears it: its accessible name (aria-label) or its text, and its tag
FOCUSED = ("var e = document.activeElement;"
           "return e === document.body || !e ? 'body' : (e.getAttribute('aria-label') || e.textContent.trim() ||"
           " e.id) + '|' + e.tagName;")
# what the page's live regions say, those with words
HEARD = ("return Array.from(document.querySelectorAll('[role=status], [aria-live]')).map(function (e) {"
         " return e.textContent; }).filter(Boolean);")
# what the chosen line's citation bar says, '' when there is none shown
BAR = ("var b = document.querySelector('.xxgk-line-bar');"
       "return b && !b.hidden ? b.querySelector('p').textContent : '';")


def _longest_source(site) -> str:
    """The file name of the source page with the most lines (the seeds: a text of some 400 lines)."""
    return max((p for p in (site / "src").glob("*.html")), key=lambda p: p.read_text(encoding="utf-8").count(
        ' data-n="')).name


def _keys(driver, *keys) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def _back_tab(driver) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


# each element the keyboard's focus comes to, as FOCUSED names it, and "body" when it leaves the page
RECORD_STOPS = """window.__stops = [];
document.addEventListener("focusin", function (e) {
  var t = e.target, name = t.getAttribute("aria-label") || t.textContent.trim() || t.id;
  window.__stops.push(name + "|" + t.tagName);
});
document.addEventListener("focusout", function (e) { if (!e.relatedTarget) window.__stops.push("body"); });"""


def _stops(driver, presses: int) -> list[str]:
    """What ``presses`` presses of Tab from the top of the page focus, in turn (pressed at once, read once)."""
    from selenium.webdriver.common.keys import Keys

    driver.execute_script(RECORD_STOPS)
    _keys(driver, *[Keys.TAB] * presses)
    return driver.execute_script("return window.__stops")


def test_a_source_pages_line_numbers_are_one_stop_of_the_tab_order(built_site, server, chromium):
    # a keyboard reader on a source page met every line's number (a link to its line, source.js) as a stop of its
    # own: a report of 200 lines took 200 presses of Tab to pass, to reach nothing after the text
    from selenium.webdriver.common.keys import Keys

    page_url = f"{server}/src/{_longest_source(built_site)}"
    chromium.get(page_url)
    wait_for(lambda: chromium.find_elements("css selector", ".xxgk-source a.xxgk-ln"))
    lines = chromium.execute_script("return document.querySelectorAll('.xxgk-source a.xxgk-ln').length")
    assert lines >= 60
    stops = _stops(chromium, 9)
    assert "body" in stops, stops  # Tab passed the whole page (its end: the browser's own controls)
    page = stops[:stops.index("body")]
    assert [s for s in page if s.startswith("第 ")] == ["第 1 行|A"], page  # the text is one stop, at its first line
    # the arrow keys go from number to number there, Home and End to the first and the last; Enter chooses one
    _keys(chromium, *[Keys.TAB] * (page.index("第 1 行|A") + 1 - (len(stops) - len(page) - 1)))  # (on to it)
    assert chromium.execute_script(FOCUSED) == "第 1 行|A"
    _keys(chromium, Keys.END)
    assert chromium.execute_script(FOCUSED) == f"第 {lines} 行|A"
    _keys(chromium, Keys.HOME, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert chromium.execute_script(FOCUSED) == "第 3 行|A"
    _keys(chromium, Keys.ENTER)
    assert wait_for(lambda: "原文第 3 行" in chromium.execute_script(BAR)) and chromium.current_url.endswith("#L3")
    # (said: the bar at the screen's foot is far from a screen reader's place in the text)
    assert chromium.execute_script(HEARD) == ["已选定第 3 行，本行的引用见页面底部。"]
    # the chosen line's bar is one Shift+Tab away (its buttons sit before the text), and closing it puts the
    # keyboard back on the line, not at the page's top
    _back_tab(chromium)
    assert chromium.execute_script(FOCUSED) == "关闭|BUTTON"
    _keys(chromium, Keys.ENTER)
    assert chromium.execute_script(BAR) == "" and chromium.execute_script(FOCUSED) == "第 3 行|A"
    # the chosen line is now the text's one stop (Tab from the top reaches it, not line 1)
    assert chromium.execute_script("return Array.from(document.querySelectorAll('.xxgk-source a'))"
                                   ".filter(function (a) { return a.tabIndex >= 0; })"
                                   ".map(function (a) { return a.dataset.ln; });") == ["3"]
    # on a phone too, a line far down is reached by its number: 转到第几行, under the citation
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        _a_line_chosen_by_its_number(chromium, page_url, lines)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _a_line_chosen_by_its_number(chromium, page: str, lines: int) -> None:
    """转到第几行 on a phone: its box and button 24 px or more and on the screen; 40 chooses line 40 (the bar cites it,
    the keyboard is on its number, it is in sight above the bar); a number the page has not is said in words."""
    from selenium.webdriver.common.keys import Keys

    box = chromium.find_element("id", "xxgk-goto-line")
    label = chromium.find_element("css selector", "label[for=xxgk-goto-line]").text
    assert label.startswith("转到第几行") and f"共 {lines} 行" in label, label
    sizes = chromium.execute_script(
        "return Array.from(document.querySelectorAll('.xxgk-goto form input, .xxgk-goto form button'))"
        ".map(function (e) { var r = e.getBoundingClientRect(); return [r.width, r.height, r.right]; });")
    assert len(sizes) == 2 and all(w >= 24 and h >= 24 and right <= 390 for w, h, right in sizes), sizes
    box.send_keys("40", Keys.ENTER)
    assert wait_for(lambda: "原文第 40 行" in chromium.execute_script(BAR))
    assert chromium.current_url == page + "#L40" and chromium.execute_script(FOCUSED) == "第 40 行|A"
    line, bar = chromium.execute_script(
        "return [document.getElementById('L40').getBoundingClientRect().bottom,"
        " document.querySelector('.xxgk-line-bar').getBoundingClientRect().top];")
    assert 0 < line <= bar, (line, bar)  # in sight, above the bar
    box.clear()
    box.send_keys(str(lines + 1), Keys.ENTER)  # a line the page has not: said in words, nothing moves
    assert wait_for(lambda: chromium.find_element("css selector", ".xxgk-goto [role=status]").text) == \
        f"请输入 1 至 {lines} 之间的行号。"
    assert chromium.current_url == page + "#L40"
    assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390




def test_a_city_office_goes_from_its_list_to_the_cell_that_does_not_add_up(built_site, server, chromium):
    # the quality page's 勾稽关系不成立 list linked a report's page (its top) and the source line: the cell marked ≠
    # was 4,600 px further down a phone's screen, through the report's findings to their 表中此格
    import csv
    import io
    import json

    import lxml.html

    from .conftest import read_page
    from .test_h27site_audit import DOWNLOADED

    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + "/quality/?city=西宁市")
        listed = wait_for(lambda: chromium.find_element("css selector", "table[data-xxgk-problem=identity_broken]"))
        cells = [a for a in listed.find_elements("css selector", "[data-xxgk-cell] a") if a.is_displayed()]
        # (the report's two broken sums, each named as its message names it: 表3：自然人：… and 表3：总计：…)
        assert "（第84行）（表中此格：自然人、总计）" in listed.text and [a.text for a in cells] == ["自然人", "总计"]
        hrefs = [a.get_attribute("href") for a in cells]
        button = [b for b in chromium.find_elements("css selector", "button[data-xxgk-list-csv]") if b.is_displayed()]
        _, text = chromium.execute_async_script(DOWNLOADED, button[0])
        # a cell's link keeps the list for the tab as the report's own link does (the report page then says 第 1/1 份)
        chromium.execute_script("document.addEventListener('click', function (e) { e.preventDefault(); });"
                                "arguments[0].click();", cells[1])
        kept = json.loads(chromium.execute_script("return sessionStorage.getItem('xxgk-work-list')") or "{}")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    rows = [r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))) if r["问题代码"] == "identity_broken"]
    # the list's CSV as before: the messages' words and their source line, not the links to the cells
    assert len(rows) == 1 and "表中此格" not in rows[0]["说明"] and rows[0]["原文行"] == "84", rows
    assert len(rows[0]["原文"].split()) == 1 and "/src/" in rows[0]["原文"], rows
    report = hrefs[1].split("#")[0]
    assert [item[0] for item in kept.get("items", [])] == [report], kept
    # each link lands on its cell of the report's table 三, the one marked ≠ (lit and kept below the header bar when
    # opened: tests/test_broken_cells)
    page = lxml.html.document_fromstring(read_page(built_site / report.split(server + "/", 1)[1]))
    for href, column in zip(hrefs, ("natural_person", "total"), strict=True):
        assert href == f"{report}#ne-applications-total_processed-{column}", href
        cell = page.get_element_by_id(href.split("#")[1])
        assert cell.tag == "td" and cell.text_content().startswith("11≠"), lxml.html.tostring(cell)


def test_every_measure_the_compare_page_offers_is_said_in_words(built_site):
    # a journalist choosing 予以公开比例 read no word of what it is a share of: its one definition was a formula in
    # code on the data page (100 * applications:granted:total / applications:total_processed:total)
    import lxml.html

    from .conftest import read_page

    page = lxml.html.document_fromstring(read_page(built_site / "compare" / "index.html"))
    offered = page.xpath("//select[@id='xxgk-compare-metric']//option/@value")
    said = {s.get("data-metric"): s for s in page.xpath("//div[@id='xxgk-metric-meanings']/span")}
    glossary = set(lxml.html.document_fromstring(read_page(built_site / "glossary" / "index.html")).xpath("//dt/@id"))
    assert len(offered) >= 20 and set(offered) <= set(said), set(offered) - set(said)
    for code in offered:
        words, link = said[code].text_content(), said[code].xpath("./a/@href")
        assert len(words) > 20 and words.endswith("。词语解释"), words
        assert link[0].startswith("../glossary/#") and link[0].split("#")[1] in glossary, link
    assert "办理结果总计" in said["granted_share"].text_content()  # (a share of what was handled, not received)


def test_the_chosen_measures_meaning_follows_the_menu(server, chromium):
    from selenium.webdriver.support.ui import Select

    meaning = "return document.querySelector(\"[data-xxgk-meaning-of='\" + arguments[0] + \"']\").textContent;"
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + "/compare/?metric=granted_share")
        # (compare.js says the address's measure once its data has come, the page's own first choice until then: read
        # at once, a loaded machine's run read that, session 49. Waited for as the menu's next choice is below)
        said = wait_for(lambda: (text := chromium.execute_script(meaning, "xxgk-compare-metric"))
                        and text.startswith("予以公开比例：") and text)
        assert "÷ 办理结果总计" in said, said
        chromium.find_element("css selector", "#xxgk-compare-steer > summary").click()  # (session 51: on a phone the
        # controls fold under a line saying the view)
        Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("denied_share")
        assert wait_for(lambda: chromium.execute_script(meaning, "xxgk-compare-metric").startswith("不予公开比例："))
        # the league's menu, its own line (its measure is its own)
        assert chromium.execute_script(meaning, "xxgk-league-metric").startswith("本年新收申请：")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_definitions_an_agency_and_a_report_page_link_say_each_measure_in_words(built_site):
    # a citizen following 指标定义 from a report's peer medians read 100 * applications:granted:total / … alone, and
    # an agency page's peer medians (予以公开比例, 不予公开比例 …) named no definition at all
    import lxml.html

    from .conftest import read_page

    data = lxml.html.document_fromstring(read_page(built_site / "data" / "index.html"))
    rows = {r.xpath("./td|./th")[0].xpath(".//code")[0].text_content(): r
            for r in data.xpath("//h2[@id='metric-definitions']/following::table[1]/tbody/tr")}
    shared = rows["granted_share"].xpath("./td|./th")[2].text_content()
    assert shared.startswith("本年办结的申请中予以公开的所占的百分比") and "÷ 办理结果总计" in shared, shared
    assert "applications:granted:total" in shared  # (the formula still, after its words)
    agencies = [p for p in sorted(built_site.glob("a/*/index.html")) if "同类组中位数" in p.read_text(encoding="utf-8")]
    assert agencies
    for path in agencies:
        page = lxml.html.document_fromstring(read_page(path))
        section = page.xpath("//h2[normalize-space()='同类组中位数']/following-sibling::p[1]")[0]
        assert section.xpath(".//a[normalize-space()='指标定义']/@href") == ["../../data/#metric-definitions"], path


def _findings_by_year(site, agency: str) -> dict[str, list[str]]:
    """An agency page's 历年发现的问题: ``{year: [its cells' text]}`` under their headers (``headers`` key)."""
    import lxml.html

    from .conftest import read_page

    page = lxml.html.document_fromstring(read_page(site / "a" / agency / "index.html"))
    table = page.xpath("//h2[normalize-space()='历年发现的问题']/following::table[1]")[0]
    rows = {"headers": [th.text_content().strip() for th in table.xpath("./thead//th")]}
    for tr in table.xpath("./tbody/tr"):
        cells = [c.text_content().strip() for c in tr.xpath("./th|./td")]
        rows[cells[0]] = cells[1:]
    return rows


def test_an_agency_pages_problems_by_year_keep_its_own_apart_from_the_sites_reading(built_site):
    # a citizen read 错误数 1 of a county government's 2024 report whose one error is the site's reading (a row of
    # table 三 printed with a cell lost: row_lost_cells), 警告数 2 beside it being the report's own (its text and
    # table disagree): the quality page and the report card count the two apart, the agency page did not
    rows = _findings_by_year(built_site, "qinghai-haixi-geermu-renminzhengfu")
    assert rows["headers"] == ["年度", "机关的错误", "机关的警告", "机关的提示", "本站读取的局限", "最常见的问题"]
    assert rows["2024"][:4] == ["0", "2", "0", "1"], rows
    assert rows["2024"][4] == "机关的问题：正文与表格不一致×2；本站读取的局限：行缺少单元格×1", rows


def test_each_item_of_table_2_is_explained_and_a_report_page_links_there(built_site):
    # a citizen on a report page met 行政规范性文件, 行政强制 or 行政事业性收费 in table 二 with no meaning to follow
    # (tables 三 and 四 link theirs): each item of either template is now the glossary's, and table 二 links there
    import re

    import lxml.html

    from xxgk.catalog import codes
    from xxgk.site.glossary import glossary_words

    from .conftest import read_page, report_page_files

    explained = {c for w in glossary_words() if w["section"].startswith("表二") for c in w["codes"].split()}
    assert {item["code"] for item in codes()["items"]} - explained == set()
    glossary = set(lxml.html.document_fromstring(read_page(built_site / "glossary" / "index.html")).xpath("//dt/@id"))
    pages = [lxml.html.document_fromstring(read_page(p)) for p in report_page_files(built_site)]
    tables = [p.xpath("//h2[starts-with(normalize-space(), '二、')]/following::table[1]") for p in pages]
    assert sum(bool(t) for t in tables) >= 4
    for table in (t[0] for t in tables if t):
        note = [p for p in table.xpath("following::p[position() <= 2]")
                if p.text_content().startswith("规章、行政许可等各项的含义见词语解释")]
        assert note, lxml.html.tostring(table.getparent())[-300:]  # (under the table, after its legend if any)
        link = note[0].xpath(".//a/@href")[0]  # (../../ from an agency's folder, ../ from r/)
        assert re.fullmatch(r"(\.\./)+glossary/#rules", link) and "rules" in glossary, link
