"""Round 4 of a reader's journeys, in Chromium: a transparency office filters the report card and the data-quality
page to its province (on a phone too), and the view reopens from its address."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import Select

from .conftest import SHOTS, needs_chromium
from .conftest import wait_for as _wait
from .test_accessibility import _viewport

pytestmark = [pytest.mark.browser, needs_chromium]

# (page, the visible rows' report link texts for 青海省) — the seeds: 格尔木市数据局 2025, 格尔木市 2024 and 湟中区
# 2025 are 青海's; 海城市 (辽宁), 昌吉市 (新疆) and the hostile report (no region) are not
QINGHAI = {"格尔木市数据局", "格尔木市人民政府", "湟中区人民政府"}


def _visible_reports(chromium) -> list[str]:
    return [tr.find_element("css selector", ":is(td, th) a").text for tr in chromium.find_elements(
        "css selector", "article table[data-sortable] tbody tr") if tr.is_displayed()]


def _agency(link_text: str) -> str:
    return link_text.split(" ")[0]


@pytest.mark.parametrize("page", ["/report-card/", "/quality/"])
def test_a_province_filter_shows_only_that_provinces_reports_and_reopens_from_the_address(server, chromium, page):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + page)
        select = _wait(lambda: [s for s in chromium.find_elements("id", "xxgk-province") if s.is_displayed()])[0]
        everything = _visible_reports(chromium)
        assert any(_agency(t) not in QINGHAI for t in everything), everything  # all provinces to start with
        Select(select).select_by_visible_text("青海省")
        shown = _visible_reports(chromium)
        chromium.execute_script("arguments[0].scrollIntoView()", select)
        chromium.save_screenshot(str(SHOTS / f"site11-province{page.replace('/', '-')}390.png"))
        # before: there was no province filter on a report card or quality page of ≤ 500 reports
        assert shown and {_agency(t) for t in shown} <= QINGHAI, shown  # reports with findings only on /quality/
        assert len(shown) < len(everything)
        status = chromium.find_element("css selector", ".xxgk-province-status").text
        assert f"{len(shown)} 份报告" in status and "青海省" in status, status
        assert "province=" in chromium.current_url
        chromium.get(chromium.current_url)  # the address, shared or reloaded, reopens the same view
        _wait(lambda: chromium.find_element("id", "xxgk-province").is_displayed())
        assert Select(chromium.find_element("id", "xxgk-province")).first_selected_option.text == "青海省"
        assert _visible_reports(chromium) == shown
        Select(chromium.find_element("id", "xxgk-province")).select_by_visible_text("全部省份")
        assert _visible_reports(chromium) == everything and "province=" not in chromium.current_url
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_group_without_reports_of_the_province_says_so(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/report-card/?province=" + "辽宁省")
    _wait(lambda: chromium.find_element("id", "xxgk-province").is_displayed())
    # the seeds' 2024 group has 格尔木市 (青海) only: its table is empty for 辽宁 and says why
    notes = [p.text for p in chromium.find_elements("css selector", ".xxgk-province-none") if p.is_displayed()]
    assert "本表没有辽宁省的报告。" in notes, notes
    shown = [t.get_attribute("id") for t in chromium.find_elements("css selector", "article table") if t.is_displayed()]
    # (one table a kind since audit 27: 2024's county governments, 2025's county departments with 海城市数据局)
    assert "xxgk-ranking-2024-county-government" not in shown, shown  # not an empty one
    assert "xxgk-ranking-2025-county-department" in shown, shown


THREE = ("qinghai-haixi-geermu-shujuju", "qinghai-xining-huangzhong-renminzhengfu", "liaoning-anshan-haicheng-shujuju")


@pytest.fixture
def downloading(chromium, tmp_path):
    """A Chromium whose downloads land in a folder of its own (``driver.downloads``): a tab of its own of the
    process's one Chromium (``own_tab``; a Chromium started for the module: ≈ 2–3 s)."""
    from .conftest import own_tab

    with own_tab(chromium, tmp_path) as driver:
        driver.set_window_size(1366, 900)
        yield driver


def test_a_journalist_downloads_the_compared_chart_as_png_and_its_data_as_csv(server, downloading):
    import csv

    view = f"/compare/?agencies={','.join(THREE)}&metric=received&year=2024-2025"
    downloading.get(server + view)
    _wait(lambda: downloading.find_elements("css selector", "#xxgk-compare-chart[data-drawn] .main-svg"))
    button = _wait(lambda: [b for b in downloading.find_elements("id", "xxgk-compare-png") if b.is_displayed()])[0]
    # before: the compare chart had a CSV link only; its image could not be saved with its source
    assert "PNG" in button.text
    button.click()
    # whose view: two comparisons no longer overwrite each other (the measure, the years, the agencies: test_h46site)
    name = "本年新收申请-2024-2025年-格尔木市数据局、湟中区人民政府、海城市数据局"  # (THREE, by name)
    png = _wait(lambda: next((p for p in downloading.downloads.glob(f"{name}.png")
                              if p.stat().st_size), None), 30)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1000 and height > 420  # the figure, with the source and address under it
    downloading.find_element("id", "xxgk-compare-csv").click()
    path = _wait(lambda: next((p for p in downloading.downloads.glob(f"{name}.csv")
                               if p.stat().st_size), None))
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert {r[0] for r in rows[1:]} == set(THREE) and {r[2] for r in rows[1:]} == {"2024", "2025"}


def test_the_png_button_is_not_offered_when_nothing_is_drawn(server, downloading):
    downloading.get(server + "/compare/?agencies=liaoning-anshan-haicheng-shujuju&metric=received&year=2024")
    _wait(lambda: "无报告" in downloading.find_element("id", "xxgk-compare-chart").text)
    assert not downloading.find_element("id", "xxgk-compare-png").is_displayed()


def test_without_javascript_the_agency_index_says_how_to_find_an_agency(server, chromium):
    from .conftest import own_tab

    with own_tab(chromium) as no_script:
        no_script.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        no_script.get(server + "/agencies/")
        text = _wait(lambda: no_script.find_element("css selector", "article").text)
        # before: the finder was hidden without script and nothing said what to do instead
        assert "在页面中查找" in text and "Ctrl+F" in text, text[:300]
        assert text.index("Ctrl+F") < text.index("格尔木市数据局")  # said before the table it searches
    chromium.get(server + "/agencies/")  # with script, the finder itself, and no such note
    _wait(lambda: chromium.find_element("id", "xxgk-agency-finder").is_displayed())
    assert "Ctrl+F" not in chromium.find_element("css selector", "article").text


def test_the_phone_menu_is_a_real_button_that_opens_by_pointer_and_keyboard(server, chromium):
    from selenium.webdriver.common.keys import Keys

    from .test_accessibility import _axe

    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/")
        menu = _wait(lambda: chromium.find_elements("css selector", ".md-header [aria-label='导航菜单']"))[0]
        # before: the drawer's <label> was given role=button, which a label may not have (axe: aria-allowed-role)
        assert menu.tag_name == "button"
        assert not [v for v in _axe(chromium) if v["id"] == "aria-allowed-role"]
        menu.click()  # a pointer opens the menu
        _wait(lambda: chromium.execute_script("return document.getElementById('__drawer').checked"))
        assert menu.get_attribute("aria-expanded") == "true"
        chromium.find_element("css selector", "body").send_keys(Keys.ESCAPE)
        _wait(lambda: menu.get_attribute("aria-expanded") == "false")
        menu.send_keys(Keys.SPACE)  # and the keyboard, the focus on the menu's first link
        _wait(lambda: chromium.switch_to.active_element.tag_name == "a")
        assert chromium.execute_script("return document.getElementById('__drawer').checked")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_researcher_cites_the_dataset_with_its_address_and_todays_date(server, chromium):
    import datetime

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/data/#cite")
    heading = _wait(lambda: chromium.find_element("id", "cite"))
    zh, en = chromium.execute_script("return [arguments[0].nextElementSibling.innerText, "
                                     "arguments[0].nextElementSibling.nextElementSibling.innerText]", heading)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    # before: the placeholders stayed — "[引用日期]. （本页网址）." and "(URL of this page), accessed (date)."
    assert f"[{today}]. {server}/data/." in zh, zh
    assert f"{server}/data/, accessed {today}." in en, en


def test_a_printed_comparison_keeps_the_whole_chart_on_the_paper(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={','.join(THREE)}&metric=received&year=2024-2025")
    svg = "document.querySelector('#xxgk-compare-chart .main-svg')"
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-chart[data-drawn]"))
    _wait(lambda: chromium.execute_script(f"return {svg}"))
    screen = float(chromium.execute_script(f"return {svg}.getAttribute('width')"))
    # the chart and its box while the page is laid out for the paper (a listener added after the page's own
    # runs after them)
    chromium.execute_script(f"""matchMedia('print').addEventListener('change', function (e) {{
        if (e.matches) window.__printed = [+{svg}.getAttribute('width'),
                                           document.getElementById('xxgk-compare-chart').clientWidth]; }});""")
    chromium.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})  # A4, default margins
    chart, box = chromium.execute_script("return window.__printed")
    # before: printed at its screen width, 688 px in a 624 px article: 2025 and the legend cut off
    assert box < screen and chart <= box, (chart, box, screen)
    _wait(lambda: float(chromium.execute_script(f"return {svg}.getAttribute('width')")) == screen)  # the screen's again


def test_a_printed_comparison_has_no_empty_controls_or_download_link(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={','.join(THREE)}&metric=received&year=2024-2025")
    _wait(lambda: chromium.find_element("id", "xxgk-compare-csv").is_displayed())
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        controls = chromium.find_element("xpath", "//select[@id='xxgk-compare-metric']/ancestor::p[1]")
        # before: "指标： 年度：从 到" printed without the choices (the selects are not printed) and a dead link
        assert not controls.is_displayed()
        assert not chromium.find_element("id", "xxgk-compare-csv").is_displayed()
        assert chromium.find_element("id", "xxgk-compare-table").is_displayed()  # the view: the table, the chart
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_an_agency_without_a_value_in_the_compared_years_is_named_not_left_as_an_empty_legend_entry(server, chromium):
    chromium.set_window_size(1366, 900)
    # the seeds' 格尔木市数据局 2025 report has no 本年新收申请 (missing, not 0); 2024 it did not report
    chromium.get(server + f"/compare/?agencies={','.join(THREE)}&metric=received&year=2024-2025")
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-chart[data-drawn] .main-svg"))
    status = chromium.find_element("id", "xxgk-compare-status").text
    # before: its name in the legend and nothing drawn, nothing said
    assert "格尔木市数据局在所选年度都没有该指标的数值" in status, status
    assert "湟中区人民政府" not in status and "海城市数据局" not in status


def test_a_citizen_on_a_phone_finds_an_agency_by_pinyin_from_the_home_page(server, chromium):
    from selenium.webdriver.common.keys import Keys

    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/")
        box = _wait(lambda: chromium.find_element("id", "xxgk-home-find"))
        # before: on a phone the home page had no box to type a name in (a search icon in the header, the agency
        # index linked at the page's foot)
        assert box.is_displayed() and box.rect["y"] < 844 and box.rect["width"] > 200  # on the first screen
        box.send_keys("geermu", Keys.ENTER)
        _wait(lambda: "/agencies/?find=geermu" in chromium.current_url)
        links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-finder-results a"))
        chromium.save_screenshot(str(SHOTS / "site11-home-find-390.png"))
        assert sorted(a.text for a in links) == ["格尔木市人民政府", "格尔木市数据局"]
        links[0].click()
        _wait(lambda: "/a/qinghai-haixi-geermu-" in chromium.current_url)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_without_javascript_a_report_page_offers_no_csv_button_that_does_nothing(server, served_site, chromium):
    from .conftest import own_tab, report_page_files

    page = next(p for p in report_page_files(served_site) if "huangzhong" in p.parent.name)
    with own_tab(chromium) as no_script:
        no_script.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        no_script.get(server + "/" + page.relative_to(served_site).as_posix())
        button = _wait(lambda: no_script.find_elements("css selector", "button[data-xxgk-csv]"))[0]
        # before: Material's .md-button display overrode [hidden]: a 下载本报告的表格（CSV） button that did nothing
        assert not button.is_displayed()
