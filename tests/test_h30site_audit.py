"""Site audit 30, a reader's journeys walked in headless Chromium (fourth round of this area), on one small site:
four agencies of 新疆, 青海 and 辽宁 (a county department whose region is three long divisions; a report without any
problem) and their reports."""

from __future__ import annotations

import re

import pytest

from .conftest import click_still, needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import _axe, _blocking
from .test_h29site_audit import _agency_dir

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,昌吉市行政审批局,2024,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "a23.txt,昌吉市行政审批局,2023,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n"
            "c.txt,湟中区人民政府,2024,,,,青海省,西宁市,湟中区\n"
            "d.txt,海城市数据局,2024,,,,辽宁省,鞍山市,海城市\n")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site30")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="昌吉市行政审批局", carried_forward=2), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="昌吉市行政审批局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局"), encoding="utf-8")
    (reports / "c.txt").write_text(tab_report(agency="湟中区人民政府", carried_forward=4), encoding="utf-8")
    # a report with no problem at all: its date printed, its fees said
    (reports / "d.txt").write_text(tab_report(agency="海城市数据局", published="2025年1月20日",
                                              other_matters="本年度未收取信息处理费。"), encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


# -- 1. the compare page's league without JavaScript, on a phone ---------------------------------------------------

def _without_script(chromium, url: str):
    chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    chromium.get(url)


def test_without_javascript_the_league_reads_on_a_phone_without_scrolling_sideways(server, chromium):
    # (audit 30: the league's default ranks without script were a six-column table in a box scrolling sideways at
    # 390 px: 地区, 行政层级 and 机构类型 out of sight to the right)
    chromium.set_window_size(390, 844)
    try:
        _without_script(chromium, server + "/compare/")
        table = chromium.find_element("css selector", "#xxgk-league-plain table")
        chromium.execute_script("arguments[0].scrollIntoView()", table)
        width = chromium.execute_script("return document.documentElement.clientWidth")
        assert chromium.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", table)
        rows = table.find_elements("css selector", "tbody tr")
        assert len(rows) == 4
        for row in rows:  # every value of every row on screen, each after its column's name
            for cell in row.find_elements("css selector", "th, td"):
                left, right = chromium.execute_script(
                    "var r = arguments[0].getBoundingClientRect(); return [r.left, r.right];", cell)
                assert 0 <= left and right <= width, (cell.text, left, right, width)
        county = [r for r in rows if "昌吉市行政审批局" in r.text][0]
        region = county.find_elements("css selector", "td")[2]
        assert region.text == "新疆维吾尔自治区 昌吉回族自治州 昌吉市", region.text
        assert chromium.execute_script(
            "return getComputedStyle(arguments[0], '::before').content", region).startswith('"地区')
        name = county.find_element("css selector", "th a")
        assert name.rect["x"] < 40 and name.rect["y"] < region.rect["y"]  # the agency first, on its own line
        caption = table.find_element("css selector", "caption")
        assert caption.rect["width"] > width * 0.7, caption.rect  # read across, not four characters a line
        # still a table to a screen reader, whatever display the phone layout gives it
        assert table.get_attribute("role") == "table" and rows[0].get_attribute("role") == "row"
        assert region.get_attribute("role") == "cell"
        assert chromium.find_element("css selector", "#xxgk-league-plain thead th").get_attribute(
            "role") == "columnheader"
        chromium.set_window_size(1366, 900)  # on a desktop it is the table it was: a row a line
        chromium.get(server + "/compare/")
        assert chromium.execute_script(
            "return getComputedStyle(document.querySelector('#xxgk-league-plain tbody tr')).display") == "table-row"
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_compare_page_passes_axe_at_both_widths(server, chromium):
    for width, height in ((1366, 900), (390, 844)):
        chromium.set_window_size(width, height)
        chromium.get(server + "/compare/")
        _wait(lambda: chromium.find_elements("css selector", "#xxgk-league-table tbody tr"))
        assert not _blocking(_axe(chromium)), width


# -- 2. links shared before the headings' pinyin ids -----------------------------------------------------------------

@pytest.mark.parametrize("script", [True, False])
def test_a_link_shared_before_the_pinyin_ids_still_lands_on_its_heading(served_site, server, chromium, script):
    # (audit 30: until audit 29 a Chinese heading's id was its place among the page's headings, the ids a reader
    # copied from the contents and shared: an agency page's 申请数量 was #_3, a report page's table 三 #_3 (its title
    # 某局 2024年度 is #2024, so its first section 报告评估 is #_1). Since the pinyin ids those links landed at the
    # page's top, the reader left to look for the section.)
    agency = _agency_dir(served_site, "昌吉市行政审批局")
    cases = [(agency + "#_2", "历年报告"), (agency + "#_3", "申请数量"),
             (agency + "2024.html#_3", "三、收到和处理政府信息公开申请情况")]
    chromium.set_window_size(390, 844)
    try:
        if not script:
            chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        for path, heading in cases:
            chromium.get("about:blank")
            chromium.get(server + "/" + path)
            target = chromium.find_element("xpath", f"//article//h2[normalize-space()='{heading}']")
            top = _wait(lambda t=target: chromium.execute_script(
                "var r = arguments[0].getBoundingClientRect(); return scrollY > 0 && [r.top]", t))[0]
            assert 40 <= top < 200, (path, top)  # in view, below the fixed header, at the screen's top
            assert target.text == heading and target.get_attribute("id") not in ("_2", "_3")
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_old_ids_stay_out_of_the_contents_and_the_heading_text(served_site):
    page = (served_site / _agency_dir(served_site, "昌吉市行政审批局") / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span id="?_3"?></span><h2 id="?shenqingshuliang"?>申请数量</h2>', page), page[:0]
    contents = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S).group(0)
    assert "#shenqingshuliang" in contents and "#_3" not in contents


# -- 3. the page search's index, fetched by every page --------------------------------------------------------------

LOADED = "return performance.getEntriesByType('resource').map(function (e) { return e.name; });"


def test_a_page_fetches_the_search_index_only_when_the_reader_reaches_for_the_search_box(served_site, server,
                                                                                            chromium):
    # (audit 30: Material's bundle fetched search/search_index.json as every page started, and its worker then
    # loaded lunr's Chinese pipeline, on a phone too, for a reader who never searched)
    from selenium.webdriver.common.keys import Keys

    chromium.set_window_size(390, 844)
    agency = _agency_dir(served_site, "昌吉市行政审批局")
    for path in ("/", "/" + agency, "/" + agency + "2024.html"):
        chromium.get(server + path)
        _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
        _wait(lambda: any("workers/search" in u for u in chromium.execute_script(LOADED)))  # Material has started
        assert not [u for u in chromium.execute_script(LOADED) if "search_index" in u], path
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/glossary/")
    _wait(lambda: any("workers/search" in u for u in chromium.execute_script(LOADED)))
    chromium.find_element("css selector", "body").send_keys("s")  # Material's shortcut to the search box
    query = _wait(lambda: chromium.find_element("css selector", "input.md-search__input:focus"))
    query.send_keys("结转")  # typed at once, before the index is there: searched once it is
    _wait(lambda: any("search_index" in u for u in chromium.execute_script(LOADED)))
    found = _wait(lambda: [li.text for li in chromium.find_elements(
        "css selector", ".md-search-result__list > li") if li.text.startswith("词语解释")])
    assert "结转" in found[0], found  # the glossary's entry, found by Material's page search
    query.send_keys(Keys.ESCAPE)


# -- 4. reflow at 320 px (WCAG 1.4.10: a 1280 px screen zoomed to 400 %, the narrowest phones) ------------------------

def test_at_320_px_no_page_scrolls_sideways_and_short_labels_stay_whole(served_site, server, chromium):
    # (audit 30: the compare page's 添加机构（名称、简称、拼音或省份）： was held on one line (nowrap, so
    # that 年度： never broke as 年 / 度：), 288 px wide in its box: the whole page scrolled sideways at 320 px)
    agency = _agency_dir(served_site, "昌吉市行政审批局")
    chromium.set_window_size(320, 800)
    for path in ("compare/", "fulltext/", "agencies/", "quality/", "report-card/", "data/", "", agency,
                 agency + "2024.html"):
        chromium.get(server + "/" + path)
        _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
        assert chromium.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
    chromium.get(server + "/compare/")
    for label in ("xxgk-compare-add", "xxgk-compare-metric", "xxgk-compare-from"):
        box = chromium.find_element("css selector", f"label[for={label}]")
        right = chromium.execute_script("return arguments[0].getBoundingClientRect().right", box)
        assert right <= chromium.execute_script("return document.documentElement.clientWidth"), label
    year = chromium.find_element("css selector", "label[for=xxgk-compare-from]")  # 年度：从, one line
    assert chromium.execute_script("return arguments[0].getClientRects().length", year) == 1
    assert year.size["height"] < 40, year.size


# -- 5. a researcher downloads one agency's numbers over the years ---------------------------------------------------

def test_an_agency_page_downloads_all_its_numbers_year_by_year_in_one_csv(served_site, server, tmp_path, chromium):
    # (audit 30: an agency page offered its numbers a chart at a time (six CSVs), or the whole package to filter;
    # nothing said which report each number came from)
    import csv
    import io

    from .conftest import own_tab

    with own_tab(chromium, tmp_path) as driver:
        driver.set_window_size(390, 844)
        agency = _agency_dir(served_site, "昌吉市行政审批局")
        driver.get(server + "/" + agency)
        box = _wait(lambda: [p for p in driver.find_elements("css selector", "p[data-xxgk-agency-csv]")
                             if p.is_displayed()])[0]
        assert "每个数值一行" in box.text and "报告页" in box.text  # it says what it holds
        button = box.find_element("tag name", "button")
        assert button.text == "下载本机构历年数据（CSV）"
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        click_still(driver, button)
        files = _wait(lambda: [f for f in tmp_path.glob("*.csv") if f.stat().st_size])
        assert files[0].name == "昌吉市行政审批局-历年数据.csv", files
        raw = files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on a Chinese Windows reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    received = {r["年度（year）"]: r for r in rows if r["系列（series）"] == "本年新收申请"}
    assert {y: r["数值（value）"] for y, r in received.items()} == {"2023": "5", "2024": "7"}
    assert received["2024"]["单位（unit）"] == "件" and received["2024"]["图表（chart）"] == "申请数量（件）"
    assert received["2024"]["报告页（report_page）"] == server + "/" + agency + "2024.html"
    assert received["2023"]["报告页（report_page）"] == server + "/" + agency + "2023.html"
    assert {r["机构编号（agency_id）"] for r in rows} == {agency.split("/")[1]}
    carried = [r for r in rows if r["系列（series）"] == "结转下年度继续办理" and r["年度（year）"] == "2024"]
    assert [r["数值（value）"] for r in carried] == ["2"]
    blank = [r for r in rows if r["数值（value）"] == ""]
    assert all(r["说明（note）"] for r in blank), blank  # a blank says why: never a bare gap
    # the data page, where a researcher looks for the downloads, names the file and each of its columns
    from lxml import html as lxml_html

    said = lxml_html.parse(str(served_site / "data" / "index.html")).xpath("string(//p[@id='agency-csv'])")
    assert "下载本机构历年数据（CSV）" in said
    assert all(column.split("（")[0] in said for column in rows[0]), (said, list(rows[0]))


def test_without_javascript_the_agency_csv_button_is_not_shown(served_site):
    from lxml import html as lxml_html

    page = lxml_html.parse(str(served_site / _agency_dir(served_site, "昌吉市行政审批局") / "index.html"))
    [box] = page.xpath("//article//p[@data-xxgk-agency-csv]")
    assert box.get("hidden") is not None and box.xpath("string(button)") == "下载本机构历年数据（CSV）"


def test_the_agency_page_passes_axe(served_site, server, chromium):
    agency = _agency_dir(served_site, "昌吉市行政审批局")
    for width, height in ((1366, 900), (390, 844)):
        chromium.set_window_size(width, height)
        chromium.get(server + "/" + agency)
        _wait(lambda: chromium.find_element("css selector", "p[data-xxgk-agency-csv]").is_displayed())
        assert not _blocking(_axe(chromium)), width


# -- 6. a transparency office exports its province's problems --------------------------------------------------------

def test_the_quality_lists_csv_keeps_a_reports_messages_apart(built_site, tmp_path, chromium):
    # (audit 30: a report's two messages of one problem, a line each on the page, ran together in the CSV's 说明:
    # 正文称“行政复议申请”5件，表格为11件（第54行）正文称“行政诉讼案件”3件，表格为2件（第52行）)
    import csv
    import io

    from selenium.webdriver.support.ui import Select

    from .conftest import own_tab, serving

    with own_tab(chromium, tmp_path) as driver:
        with serving(built_site) as url:
            driver.set_window_size(1366, 900)
            driver.get(url + "/quality/")
            Select(_wait(lambda: driver.find_element("id", "xxgk-province"))).select_by_value("青海省")
            row = driver.find_element("xpath", "//table[@data-xxgk-problem='narrative_mismatch']//tbody/tr[.//br]")
            shown = [line for line in row.find_elements("tag name", "td")[1].text.split("\n") if line]
            button = _wait(lambda: [b for b in driver.find_elements("css selector", "button[data-xxgk-list-csv]")
                                    if b.is_displayed()])[0]
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            click_still(driver, button)
            files = _wait(lambda: [f for f in tmp_path.glob("*.csv") if f.stat().st_size])
            rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
    assert len(shown) >= 2, shown
    said = [r["说明"] for r in rows if r["问题代码"] == "narrative_mismatch" and shown[0] in r["说明"]]
    assert said == ["；".join(shown)], (said, shown)


def test_an_office_whose_reports_have_no_problem_finds_its_province_on_the_quality_page(served_site, server,
                                                                                       chromium):
    # (audit 30: the quality page's menus offered only the provinces, cities and years of the reports it lists, those
    # with problems: 辽宁省's office found its province missing, as if the site had none of its reports)
    from selenium.webdriver.support.ui import Select

    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/")
    menu = Select(_wait(lambda: chromium.find_element("id", "xxgk-province")))
    assert "辽宁省" in [o.text for o in menu.options]
    menu.select_by_value("辽宁省")
    status = chromium.find_element("css selector", ".xxgk-province-status")
    assert _wait(lambda: status.text).startswith("辽宁省：没有发现问题的报告"), status.text
    assert "province=" in chromium.current_url
    assert not [r for r in chromium.find_elements("css selector", "#xxgk-by-agency tbody tr") if r.is_displayed()]
    notes = [p.text for p in chromium.find_elements("css selector", ".xxgk-province-none") if p.is_displayed()]
    assert notes and all(n == "辽宁省没有报告有此类问题。" for n in notes), notes  # never 本表没有辽宁省的报告
    city = Select(chromium.find_element("id", "xxgk-city"))
    assert "鞍山市" in [o.text for o in city.options if o.is_enabled()]
    menu.select_by_value("青海省")  # a province with problems: its reports counted, as before
    assert _wait(lambda: status.text).startswith("只显示青海省的 "), status.text


def test_on_a_phone_each_quality_menu_stays_on_its_labels_line(server, chromium):
    # (audit 30: at 390 px 城市： or 年度： ended a line and its menu began the next; at 320 px 只看一个省份：
    # broke as 只看一个省 / 份：. Each label and its menu are a pair now, as on the compare page)
    for width in (390, 320):
        chromium.set_window_size(width, 844)
        for path in ("/quality/", "/report-card/"):
            chromium.get(server + path)
            _wait(lambda: chromium.find_element("css selector", ".xxgk-province-pick").is_displayed())
            pairs = chromium.execute_script(
                "return Array.from(document.querySelectorAll('.xxgk-province-pick label')).map(function (l) {"
                "  var a = l.getBoundingClientRect(), b = document.getElementById(l.htmlFor).getBoundingClientRect();"
                "  return [l.textContent, a.top + a.height / 2, b.top + b.height / 2, a.height, b.right]; });")
            assert len(pairs) >= 2, (path, pairs)
            for label, middle, menu_middle, height, right in pairs:
                assert abs(middle - menu_middle) < 8 and height < 30, (width, path, label, middle, menu_middle, height)
                assert right <= width, (width, path, label, right)
