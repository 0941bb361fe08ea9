"""Round 8 of a reader's journeys, in Chromium, at 1366 and 390 px: the compare page's agency box after a choice,
the tables of contents of the pages whose headings are written as HTML (the quality page's finding codes), and the
agency page's peer table and the report's table 四 on a phone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from .conftest import SHOTS, needs_chromium, report_page_files, serving, site_of
from .conftest import wait_for as _wait
from .test_accessibility import AXE, _axe, viewport

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """A site of one county 数据局's reports of two consecutive years (2023, 2024), served: its base URL. Their
    agency page checks the second year against the first (跨年度核对)."""
    from .factory import tab_report

    work = tmp_path_factory.mktemp("two-years")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市数据局", year=2023, carried_forward=2, in_force=4),
                                   encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="格尔木市数据局", year=2024, carried_over=3, in_force=5,
                                              issued=1), encoding="utf-8")
    site_of(reports, work)
    with serving(work / "site") as url:
        yield url


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
def test_after_choosing_an_agency_the_compare_box_names_no_option_that_is_gone(server, chromium):
    with viewport(chromium, "desktop"):
        chromium.get(server + "/compare/")
        box = _wait(lambda: chromium.find_element("id", "xxgk-compare-add"))
        for typed in ("湟中", "haicheng"):  # a Chinese name, then pinyin; each chosen with Enter
            box.send_keys(typed)
            _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-suggest [role=option][id]"))
            box.send_keys(Keys.ENTER)
            _wait(lambda: not chromium.find_elements("css selector", "#xxgk-compare-suggest li"))
        assert len(chromium.find_elements("css selector", "#xxgk-compare-chosen li")) == 2
        chromium.save_screenshot(str(SHOTS / "site15-compare-1366.png"))
        named = box.get_attribute("aria-activedescendant")
        # before: the box still named xxgk-compare-opt-0, an option of the list just emptied (axe: critical)
        assert not named or chromium.find_elements("id", named), named
        violations = [v["id"] for v in _axe(chromium) if v["impact"] in {"serious", "critical"}]
        assert violations == []
        box.send_keys(Keys.ARROW_DOWN)  # nothing listed: nothing highlighted
        assert not box.get_attribute("aria-activedescendant")


TOC_LINKS = "return Array.from(document.querySelectorAll('.md-sidebar--secondary nav a.md-nav__link'))" \
            ".filter(function (a) { return a.offsetWidth > 0; }).map(function (a) { return a.getAttribute('href'); });"


@pytest.mark.parametrize("page", ["/quality/", "/checks/", "/data/"])
def test_every_section_heading_is_in_the_table_of_contents_in_the_pages_order(server, chromium, page):
    with viewport(chromium, "desktop"):
        chromium.get(server + page)
        headings = [h.get_attribute("id") for h in chromium.find_elements("css selector", "article h2[id]")]
        toc = _wait(lambda: chromium.execute_script(TOC_LINKS))
        # before: the quality page's finding codes, the checks' categories and the data page's 指标定义 are HTML
        # headings, and the contents listed only the Markdown ones (on /quality/ only 按报告)
        listed = [a.split("#")[-1] for a in toc]
        assert [a for a in listed if a in headings] == headings, (listed, headings)
        if page == "/quality/":
            assert len(headings) > 3
            link = chromium.find_elements("css selector", ".md-sidebar--secondary nav a.md-nav__link")[-1]
            anchor = link.get_attribute("href").split("#")[-1]
            link.click()  # the last finding code: its heading comes into view, below the header
            _wait(lambda: chromium.execute_script(
                "var top = document.getElementById(arguments[0]).getBoundingClientRect().top;"
                "return top > 48 && top < innerHeight - 40;", anchor))
            chromium.save_screenshot(str(SHOTS / "site15-quality-toc-1366.png"))


def _box(chromium, table) -> list[int]:
    """The table's box (Material's scroll wrapper, if any): its content width, its visible width; and the page's."""
    return chromium.execute_script(
        "var t = arguments[0], b = t.closest('.md-typeset__scrollwrap') || t;"
        "return [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth];", table)


def _table_headed(chromium, words: str):
    """The page's article table whose header holds ``words`` (waited for)."""
    return _wait(lambda: chromium.execute_script(
        "var words = arguments[0]; return Array.from(document.querySelectorAll('article table')).find("
        "function (t) { return t.tHead && t.tHead.textContent.indexOf(words) >= 0; });", words))


def test_on_a_phone_the_agency_pages_peer_medians_fit_the_screen_a_year_heading_its_rows(server, chromium):
    with viewport(chromium, "phone"):
        chromium.get(server + "/a/qinghai-xining-huangzhong-renminzhengfu/")
        table = _table_headed(chromium, "同类组中位数")
        chromium.execute_script("arguments[0].scrollIntoView()", table)
        chromium.save_screenshot(str(SHOTS / "site15-peers-390.png"))
        box = _box(chromium, table)
        # before: 年度, 指标 and three numbers, 530 px in a 390 px screen: the median and the count out of sight
        assert box[0] <= box[1] + 1 and box[2] <= 390, box
        groups = chromium.execute_script(
            "return Array.from(arguments[0].tBodies).map(function (b) { return Array.from(b.rows).map(function (r) {"
            " return Array.from(r.cells).map(function (c) { return c.tagName + ':' + c.textContent.trim(); }); }); });",
            table)
        assert groups and all(g[0] == [g[0][0]] and g[0][0].startswith("TH:") and g[0][0].endswith("年度")
                              for g in groups), groups  # a year heads its group, a screen reader names it per cell
        first = groups[0][1]
        assert first[0] == "TH:本年新收申请（件）" and len(first) == 4, first  # (the measure heads its row)
        cells = table.find_elements("css selector", "tbody tr:nth-child(2) td")
        right = chromium.execute_script("return innerWidth")
        assert all(c.rect["x"] + c.rect["width"] <= right for c in cells)  # every number in view


LINES = ("return Array.from(arguments[0].tHead.rows[0].cells).map(function (th) {"
         " var r = document.createRange(); r.selectNodeContents(th);"
         " var tops = Array.from(r.getClientRects()).map(function (q) { return Math.round(q.top); });"
         " return [th.textContent.trim(), new Set(tops).size]; });")


def test_on_a_phone_table_4_fits_the_screen_and_table_3_scrolls_in_its_box_with_its_row_labels(
        built_site, server, chromium):
    page = next(p for p in report_page_files(built_site) if "data-csv=\"review_litigation" in
                p.read_text(encoding="utf-8") or "data-csv=review_litigation" in p.read_text(encoding="utf-8"))
    with viewport(chromium, "phone"):
        chromium.get(server + "/" + page.relative_to(built_site).as_posix())
        four = _wait(lambda: chromium.find_element("css selector", "table[data-csv^=review_litigation]"))
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80)", four)
        chromium.save_screenshot(str(SHOTS / "site15-table4-390.png"))
        box = _box(chromium, four)
        # before: 类别 and five outcomes, 684 px in 390: 尚未审结 and 总计 behind a sideways scroll
        assert box[0] <= box[1] + 1 and box[2] <= 390, box
        right = chromium.execute_script("return innerWidth")
        total = four.find_elements("css selector", "thead th")[-1]
        assert total.text == "总计" and total.rect["x"] + total.rect["width"] <= right
        lines = dict(chromium.execute_script(LINES, four))
        assert all(n <= 2 for n in lines.values()) and lines["总计"] == 1, lines  # 结果 / 维持, never 总 / 计
        three = chromium.find_element("css selector", "table[data-csv^=applications]")
        wrap = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", three)
        assert chromium.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap)
        chromium.execute_script("arguments[0].scrollLeft = 400", wrap)  # its columns scroll, its labels stay
        label = three.find_element("css selector", "tbody tr td, tbody tr th")
        assert 0 <= label.rect["x"] < 20 and label.text


@pytest.mark.parametrize("name", ["desktop", "phone"])
def test_table_3s_header_stays_in_view_down_to_its_last_row(built_site, server, chromium, name):
    """Reading table 三 down to 四、结转下年度继续办理, the reader still sees which column is which: the table
    scrolls in a box no taller than the window, its three header rows held at the box's top (before: the header
    scrolled off the page after a few rows, on a desktop as on a phone); the page itself never scrolls sideways."""
    page = next(p for p in report_page_files(built_site) if "applications|" in p.read_text(encoding="utf-8"))
    with viewport(chromium, name):
        chromium.get(server + "/" + page.relative_to(built_site).as_posix())
        three = _wait(lambda: chromium.find_element("css selector", "table[data-csv^=applications]"))
        box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", three)
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80); arguments[0].scrollTop = 1e6", box)
        chromium.save_screenshot(str(SHOTS / f"site16-table3-end-{name}.png"))
        (top, bottom), head, last, height = chromium.execute_script(
            "function r(e) { var b = e.getBoundingClientRect(); return [b.top, b.bottom]; }"
            "var rows = arguments[1].querySelectorAll('tbody tr');"
            "return [r(arguments[0]), r(arguments[1].tHead), r(rows[rows.length - 1]), innerHeight]", box, three)
        assert bottom - top <= height, (top, bottom, height)  # the box fits the window
        assert head[1] <= last[0] and last[1] <= bottom + 1, (head, last, bottom)  # the last row in view ...
        assert abs(head[0] - top) <= 1, (head, top)  # ... under the header, held at the box's top
        assert not chromium.execute_script("return document.documentElement.scrollWidth > innerWidth")


def test_on_a_phone_the_cross_year_checks_read_without_scrolling_sideways(two_years, chromium):
    with viewport(chromium, "phone"):
        chromium.get(two_years + "/agencies/")
        link = _wait(lambda: chromium.find_element("css selector", "#xxgk-agencies tbody a"))
        chromium.get(link.get_attribute("href"))
        table = _table_headed(chromium, "按上年度应为")
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80)", table)
        chromium.save_screenshot(str(SHOTS / "site15-cross-year-390.png"))
        box = _box(chromium, table)
        # before: five columns, the check's formula squeezed beside four others, 结果 behind a sideways scroll
        assert box[0] <= box[1] + 1 and box[2] <= 390, box
        row = table.find_elements("css selector", "tbody tr")[0]
        shown = chromium.execute_script(
            "return Array.from(arguments[0].cells).map(function (c) { var r = c.getBoundingClientRect();"
            " return [c.textContent.trim(), Math.round(r.left), Math.round(r.right), Math.round(r.top)]; });", row)
        assert all(0 <= left and right <= 390 for _, left, right, _ in shown), shown
        heads = chromium.execute_script(
            "return Array.from(arguments[0].tHead.rows[0].cells).filter(function (c) { return c.offsetWidth > 1; })"
            ".map(function (c) { return [c.textContent.trim(), Math.round(c.getBoundingClientRect().left)]; });",
            table)
        lefts = dict(heads)
        by_text = {text: left for text, left, _, _ in shown}
        # each number stands under its column's header (本年度报告的值, 按上年度应为, 结果)
        values = [c for c in shown if c[0] not in ("2023→2024",) and "=" not in c[0]]
        under = [lefts["本年度报告的值"], lefts["按上年度应为"], lefts["结果"]]
        assert [v[1] for v in values] == under, (values, heads)
        assert by_text["2023→2024"] == lefts["年度"]
        formula = next(c for c in shown if "=" in c[0])
        assert formula[3] > values[0][3]  # the check's formula on a line of its own, below the numbers


def test_on_a_phone_the_agency_index_is_a_card_an_agency_its_name_whole(server, chromium):
    with viewport(chromium, "phone"):
        chromium.get(server + "/agencies/")
        table = _wait(lambda: chromium.find_element("css selector", "table#xxgk-agencies thead button"))  # xxgk.js ran
        table = chromium.find_element("id", "xxgk-agencies")
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80)", table)
        chromium.save_screenshot(str(SHOTS / "site15-agencies-390.png"))
        box = _box(chromium, table)
        # before: seven columns in 390 px: a name cut after three lines of three characters (上海市/人民…), 最近一年
        # 新收申请 behind a sideways scroll
        assert box[0] <= box[1] + 1 and box[2] <= 390, box
        for row in table.find_elements("css selector", "tbody tr"):
            link = row.find_element("css selector", "td a")
            clamped = chromium.execute_script(
                "var a = arguments[0]; return a.scrollHeight > a.clientHeight + 1 || a.getClientRects().length > 1;",
                link)
            assert not clamped and link.rect["x"] < 40, link.text  # the whole name, on the card's first line
            region = row.find_elements("css selector", "td")[1]
            label = chromium.execute_script(
                "return getComputedStyle(arguments[0], '::before').content.split(' / ')[0]", region)
            assert "地区" in label, label  # each value after its column's name
        finder = chromium.find_element("css selector", "input.xxgk-filter")
        finder.send_keys("格尔木")  # the table's own filter still hides the other cards
        _wait(lambda: len([r for r in table.find_elements("css selector", "tbody tr") if r.is_displayed()]) == 2)


def test_on_a_phone_the_compare_pages_tables_keep_each_rows_agency_in_view_as_they_scroll(server, chromium):
    table = "#xxgk-league-table table"  # six columns (the seeds' years make the compare table a narrow one)
    with viewport(chromium, "phone"):
        chromium.get(server + "/compare/?agencies=qinghai-haixi-geermu-shujuju,liaoning-anshan-haicheng-shujuju"
                     "&metric=received&year=2024-2025")
        shown = _wait(lambda: chromium.find_elements("css selector", table + " tbody th[scope=row]"))[0]
        box = chromium.find_element("css selector", "#xxgk-league-table .xxgk-scroll")
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80);"
                                "arguments[0].scrollLeft = arguments[0].scrollWidth;", box)
        chromium.save_screenshot(str(SHOTS / "site15-compare-league-390.png"))
        # (changed deliberately in audit 32: the league scrolled sideways in its box, its value and region out of
        # sight; now each row is a card, the agency on its first line, and nothing scrolls sideways)
        assert chromium.execute_script("return arguments[0].scrollLeft", box) == 0
        assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390
        left, width = chromium.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return [r.left, r.width];", shown)
        # before: the agency's name scrolled out of the box with the rest: rows of numbers without their agency
        assert 0 <= left < 40 and width >= 90 and shown.text, (left, width, shown.text)


REQUESTS = "return performance.getEntriesByType('resource').map(function (e) { return e.name; });"


@pytest.mark.parametrize("page", ["/", "/quality/", "{report}"])
def test_a_page_asks_for_no_file_the_site_does_not_have_and_logs_no_error(built_site, server, chromium, page):
    if page == "{report}":
        page = "/" + report_page_files(built_site)[0].relative_to(built_site).as_posix()
    with viewport(chromium, "desktop"):
        chromium.get_log("browser")  # what earlier tests left
        chromium.get(server + page)
        _wait(lambda: chromium.execute_script("return document.readyState === 'complete'"))
        asked = chromium.execute_script(REQUESTS)
        # before: Material's instant navigation fetched sitemap.xml on every page (none without site_url: a 404
        # in the console), though it follows only a sitemap's <url> entries and ours is an index of sitemaps
        assert not [a for a in asked if "sitemap" in a], asked
        assert all(a.startswith(server) for a in asked), asked  # nothing from another host
        errors = [e["message"] for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []


@pytest.mark.parametrize("page", ["/quality/", "/checks/"])
def test_on_a_phone_a_finding_code_wraps_after_an_underscore_never_inside_a_word(server, chromium, page):
    with viewport(chromium, "phone"):
        chromium.get(server + page)
        _wait(lambda: chromium.find_elements("css selector", "article table code"))
        # each piece of a code between its underscores (its own text node, split by <wbr>) on one line; before, a
        # 390 px column cut identity_broken as identity_b / roken
        pieces = chromium.execute_script(
            "var out = []; document.querySelectorAll('article table code').forEach(function (c) {"
            " c.childNodes.forEach(function (n) { if (n.nodeType !== 3 || !n.textContent) return;"
            " var r = document.createRange(); r.selectNodeContents(n);"
            " out.push([n.textContent, new Set(Array.from(r.getClientRects()).map(function (x) {"
            " return Math.round(x.top); })).size]); }); }); return out;")
        assert len(pieces) > 10 and any(text.endswith("_") for text, _ in pieces), pieces[:5]
        broken = [text for text, lines in pieces if lines != 1]
        assert not broken, broken
        codes = chromium.execute_script(
            "return Array.from(document.querySelectorAll('article table code')).map(function (c) {"
            " return c.textContent; });")
        assert "identity_broken" in codes  # the code reads (and copies) whole
