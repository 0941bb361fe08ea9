"""Round 9 of a reader's journeys, in Chromium, at 1366 and 390 px: the compare page's tables scrolled sideways, and
table 三 read from the keyboard inside its box a window high (its header held at the box's top)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .conftest import SHOTS, needs_chromium, report_page_files
from .conftest import wait_for as _wait
from .test_accessibility import viewport

pytestmark = [pytest.mark.browser, needs_chromium]

# (audit 32: the league is cards on a phone, no longer a box scrolling sideways; the comparison's seven years are
# the box that scrolls there, as on a desktop)
COMPARE = ("/compare/?agencies=qinghai-haixi-geermu-shujuju,liaoning-anshan-haicheng-shujuju"
           "&metric=received&year=2019-2025")
RECT = "var r = arguments[0].getBoundingClientRect(); return [r.left, r.right];"


@pytest.mark.parametrize("name", ["phone", "desktop"])
def test_a_compare_table_scrolled_sideways_keeps_its_caption_and_agency_header_in_view(server, chromium, name):
    with viewport(chromium, name):
        chromium.get(server + COMPARE)
        _wait(lambda: chromium.find_elements("css selector", "#xxgk-league-table tbody th[scope=row]"))
        # a box narrower than its table, as a comparison of seven years makes it on a desktop too
        chromium.execute_script("var s = document.createElement('style'); document.head.appendChild(s);"
                                "s.textContent = '.xxgk-scroll { max-width: 300px !important }';")
        boxes = [b for b in chromium.find_elements("css selector", ".xxgk-scroll")
                 if chromium.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth + 40", b)]
        assert boxes  # the comparison's seven years at least (and the league's six columns on a desktop)
        for scroller in boxes:
            table = scroller.find_element("css selector", "table[data-sortable-js]")
            chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80); arguments[0].focus()", scroller)
            ActionChains(chromium).send_keys(Keys.ARROW_RIGHT).perform()
            # the box takes the keyboard and its arrow keys scroll it (before: the table inside it scrolled, and the
            # focused box's arrow keys moved nothing)
            _wait(lambda s=scroller: chromium.execute_script("return arguments[0].scrollLeft", s) > 0)
            chromium.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", scroller)
            box = chromium.execute_script(RECT, scroller)
            caption = table.find_element("css selector", "caption")
            shown = chromium.execute_script(RECT, caption)
            chromium.save_screenshot(str(SHOTS / f"site16-compare-scrolled-{name}.png"))
            # before: the caption (the measure and the years the numbers are of) and 机构 scrolled out of the box to
            # the left with the columns, leaving numbers under a blank band
            assert box[0] - 1 <= shown[0] and shown[1] <= box[1] + 1, (shown, box, caption.text)
            assert caption.text and "排序" in caption.text
            header = table.find_element("css selector", "thead th[data-row-header]")
            head = chromium.execute_script(RECT, header)
            assert header.text.startswith("机构") and box[0] - 1 <= head[0] < box[0] + 20, (head, box)


def _table_3(built_site):
    page = next(p for p in report_page_files(built_site) if "applications|" in p.read_text(encoding="utf-8"))
    return "/" + page.relative_to(built_site).as_posix()


BELOW_HEADER = ("var head = arguments[0].tHead.getBoundingClientRect().bottom,"
                " box = arguments[0].closest('.md-typeset__scrollwrap').getBoundingClientRect().bottom;"
                "return Array.from(arguments[0].tBodies[0].rows).map(function (r, i) {"
                " var q = r.getBoundingClientRect(); return q.top >= head - 1 && q.bottom <= box + 1 ? i : -1; })"
                ".filter(function (i) { return i >= 0; });")


@pytest.mark.parametrize("name", ["desktop", "phone"])
def test_reading_table_3_by_keyboard_nothing_hides_under_its_held_header(built_site, server, chromium, name):
    """A keyboard reader in table 三's box: going up its rows' links with Shift+Tab, each focused link shows below
    the header the box holds at its top (WCAG 2.4.11); Page Down moves on to the next rows without skipping any."""
    with viewport(chromium, name):
        chromium.get(server + _table_3(built_site))
        three = _wait(lambda: chromium.find_element("css selector", "table[data-csv^=applications]"))
        box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", three)
        _wait(lambda: box.get_attribute("tabindex"))  # xxgk.js ran
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -60)", box)
        links = three.find_elements("css selector", "tbody a")
        assert len(links) > 10
        chromium.execute_script("arguments[0].focus()", links[-1])
        hidden = []
        for _ in links[1:]:
            ActionChains(chromium).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
            top, head = chromium.execute_script(
                "return [document.activeElement.getBoundingClientRect().top,"
                " arguments[0].tHead.getBoundingClientRect().bottom];", three)
            if top < head - 1:
                hidden.append((chromium.switch_to.active_element.text, round(top), round(head)))
        chromium.save_screenshot(str(SHOTS / f"site16-table3-shift-tab-{name}.png"))
        # before: six to eight of the row labels came into view at the box's top, under its three header rows
        assert hidden == [], hidden
        chromium.execute_script("arguments[0].scrollTop = 0; arguments[0].focus()", box)
        seen = chromium.execute_script(BELOW_HEADER, three)
        ActionChains(chromium).send_keys(Keys.PAGE_DOWN).perform()
        last = [-1]

        def settled():  # the box has scrolled (smoothly) and stopped
            top, last[0] = last[0], chromium.execute_script("return arguments[0].scrollTop", box)
            return top == last[0] > 0

        _wait(settled)
        after = chromium.execute_script(BELOW_HEADER, three)
        # before: Page Down moved the rows a box's height, and those the header had covered were never shown
        assert seen and after and after[0] <= seen[-1] + 1, (seen, after)


@pytest.fixture(scope="module")
def seven_years(tmp_path_factory):
    """A site of one county 数据局 that reported 2019 and 2021–2025 (its charts span 2019–2025: seven years, 2020
    left empty), served: its agency page's address."""
    from .conftest import serving, site_of
    from .factory import tab_report

    work = tmp_path_factory.mktemp("seven-years")
    reports = work / "reports"
    reports.mkdir()
    for year in (2019, 2021, 2022, 2023, 2024, 2025):
        (reports / f"r{year}.txt").write_text(tab_report(agency="格尔木市数据局", year=year), encoding="utf-8")
    site = site_of(reports, work)
    agency = next(p.parent.name for p in (site / "a").glob("*/index.html"))
    with serving(site) as url:
        yield f"{url}/a/{agency}/"


HEAD_LINES = ("return Array.from(arguments[0].tHead.rows[0].cells).slice(1).map(function (th) {"
              " var r = document.createRange(); r.selectNodeContents(th);"
              " return [th.textContent.trim(), new Set(Array.from(r.getClientRects()).map(function (q) {"
              " return Math.round(q.top); })).size]; });")


def test_on_a_phone_an_agency_charts_data_table_of_seven_years_keeps_its_series_and_years_readable(seven_years,
                                                                                                    chromium):
    with viewport(chromium, "phone"):
        chromium.get(seven_years)
        table = _wait(lambda: chromium.find_element("css selector", ".xxgk-figure table[data-style=nums]"))
        chromium.execute_script("arguments[0].closest('details').open = true", table)
        heads = chromium.execute_script(HEAD_LINES, table)
        assert [h for h, _ in heads] == [f"{y}年" for y in range(2019, 2026)], heads
        # before: on a phone each year was cut over two lines, 2019 / 年
        assert all(lines == 1 for _, lines in heads), heads
        box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", table)
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80);"
                                "arguments[0].scrollLeft = arguments[0].scrollWidth;", box)
        assert chromium.execute_script("return arguments[0].scrollLeft", box) > 0  # seven years scroll, in the box
        assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390
        chromium.save_screenshot(str(SHOTS / "site16-agency-data-table-390.png"))
        left = chromium.execute_script("return arguments[0].getBoundingClientRect().left", box)
        for row in table.find_elements("css selector", "tbody tr"):
            name = row.find_element("css selector", "th, td")  # (the series' name: the row's header)
            where = chromium.execute_script("return arguments[0].getBoundingClientRect().left", name)
            # before: the series' names scrolled out with the first years, leaving rows of numbers unnamed
            assert name.text and left - 1 <= where < left + 20, (name.text, where, left)


@pytest.fixture(scope="module")
def indexed(indexed_site):
    """The seeds' site with its full-text index (Pagefind, as ``xxgk build`` makes it), served: its base URL."""
    from .conftest import serving

    with serving(indexed_site) as url:
        yield url


@pytest.mark.parametrize("name", ["desktop", "phone"])
def test_a_full_text_hit_marks_the_words_it_matched_in_its_excerpt(indexed, chromium, name):
    with viewport(chromium, name):
        chromium.get(indexed + "/")
        opener = "label[for=__search], input.md-search__input"  # the phone's search icon, the desktop's box
        next(e for e in chromium.find_elements("css selector", opener) if e.is_displayed()).click()
        box = _wait(lambda: [e for e in chromium.find_elements("css selector", "input.md-search__input")
                             if e.is_displayed()])[0]
        box.send_keys("政务服务")
        hits = _wait(lambda: chromium.find_elements("css selector", ".xxgk-fulltext-hits a.xxgk-fulltext-hit"), 30)
        chromium.save_screenshot(str(SHOTS / f"site16-fulltext-marks-{name}.png"))
        for hit in hits:
            excerpt = hit.find_element("css selector", "article p")
            marked = [m.get_attribute("textContent").strip()
                      for m in excerpt.find_elements("css selector", "mark")]
            # before: the excerpt was flattened to text, the matched words not set apart (信访 lists reports
            # for 信息 with nothing to say so)
            assert marked and all(m and m in excerpt.get_attribute("textContent") for m in marked), marked
            assert any(m.startswith(("政务", "服务")) for m in marked), marked
            assert chromium.execute_script(  # nothing but text and marks comes from the index
                "return Array.from(arguments[0].querySelectorAll('*')).every(function (e) {"
                " return e.tagName === 'MARK' && e.children.length === 0; })", excerpt)


@pytest.mark.parametrize("page", ["/report-card/", "/quality/"])
def test_the_province_menu_is_big_enough_for_a_finger_and_does_not_zoom_a_phone(server, chromium, page):
    for name in ("phone", "desktop"):
        with viewport(chromium, name):
            chromium.get(server + page)
            menu = _wait(lambda: [s for s in chromium.find_elements("css selector", ".xxgk-province-pick select")
                                  if s.is_displayed()])[0]
            size, height = chromium.execute_script(
                "return [parseFloat(getComputedStyle(arguments[0]).fontSize),"
                " arguments[0].getBoundingClientRect().height];", menu)
            # before: the browser's own 13px menu, 19 px high: under the 24 px target of WCAG 2.5.8, and below 16px
            # Safari on an iPhone zooms the page in when it takes the focus
            assert height >= 24, (name, height)
            assert name != "phone" or size >= 16, size


def test_the_data_page_says_when_no_report_dates_the_data_instead_of_a_blank(seven_years, chromium):
    """Reports that state no publication date (and a changelog without one): the data page said 最后更新 。 and
    cited the dataset with empty brackets, “[DS/OL]. ()”; each download's 更新日期 was blank."""
    with viewport(chromium, "phone"):
        chromium.get(seven_years.split("/a/")[0] + "/data/")
        text = _wait(lambda: chromium.find_element("css selector", "article").text)
        assert "最后更新 。" not in text and "最后更新日期不详" in text, text[:200]
        assert "[DS/OL]. [" in text and "[DS/OL]. ()" not in text
        dates = [r.find_elements("css selector", "td")[3].text for r in chromium.find_elements(
            "css selector", "table tbody tr") if len(r.find_elements("css selector", "td")) == 4
            and r.find_elements("css selector", "td a[download]")]
        assert dates and set(dates) == {"不详"}, dates


def test_an_agency_pages_list_of_years_keeps_each_reports_link_on_one_line(seven_years, chromium):
    for name in ("desktop", "phone"):
        with viewport(chromium, name):
            chromium.get(seven_years)
            links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-years td:first-child a"))
            lines = chromium.execute_script(
                "return arguments[0].map(function (a) { return [a.textContent, a.getClientRects().length]; });", links)
            # before: on a desktop 2021年度报 / 告, the column squeezed to Material's minimum beside five others
            assert len(lines) == 6 and all(n == 1 for _, n in lines), (name, lines)
            assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")


def test_on_a_phone_a_reports_and_an_agencys_fact_labels_read_on_one_line(built_site, server, chromium):
    """发布日期, 统计期, 读取状态, 行政层级 … beside their values on a 390 px phone, each on one line (发布日 / 期 and
    读取状 / 态 before: the label column was squeezed by the values)."""
    page = report_page_files(built_site)[0].relative_to(built_site).as_posix()
    lines = ("return Array.from(document.querySelectorAll('article table')[0].tBodies[0].rows).map(function (tr) {"
             " var r = document.createRange(); r.selectNodeContents(tr.cells[0]);"
             " var tops = Array.from(r.getClientRects()).map(function (q) { return Math.round(q.top); });"
             " return [tr.cells[0].textContent.trim(), new Set(tops).size]; });")
    with viewport(chromium, "phone"):
        for path in (page, page.rsplit("/", 1)[0] + "/"):  # the report page, its agency's page
            chromium.get(server + "/" + path)
            labels = dict(_wait(lambda: chromium.execute_script(lines)))
            assert len(labels) >= 6 and all(n == 1 for n in labels.values()), (path, labels)
            assert not chromium.execute_script("return document.documentElement.scrollWidth > innerWidth")
