"""End to end in real headless Chromium (Debian ``chromium`` + ``chromium-driver``): home → index →
agency page with a rendered chart → its CSV downloaded and read back → an agency found by search,
and the hostile report's page runs none of its script. Screenshots go to ``tests/screenshots/``."""

from __future__ import annotations

import csv
import time

import pytest

from .conftest import SHOTS, click_still, needs_chromium, saving_downloads
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def browser(chromium, tmp_path_factory):
    """The module's tab of the process's one Chromium (``chromium``: a fresh tab) at a started Chromium's window
    size (``FLAGS``), saving its downloads in a folder of its own (a Chromium started for the module: ≈ 2–3 s)."""
    chromium.set_window_size(1200, 1600)
    with saving_downloads(chromium, tmp_path_factory.mktemp("downloads")):
        yield chromium


def test_a_visitor_goes_from_home_to_an_agency_page_and_its_csv(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "table[data-style=bars] .xxgk-bar"))  # HTML bars, no plotly
    browser.save_screenshot(str(SHOTS / "home.png"))
    browser.find_element(By.LINK_TEXT, "全部机构 →").click()
    _wait(lambda: browser.find_elements(By.ID, "xxgk-agencies"))
    browser.save_screenshot(str(SHOTS / "agencies.png"))
    browser.find_element(By.LINK_TEXT, "格尔木市人民政府").click()  # the agency page, then its report of one year
    _wait(lambda: "/a/qinghai-haixi-geermu-renminzhengfu/" in browser.current_url)
    click_still(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "2024年度报告"))
    _wait(lambda: browser.current_url.endswith("/a/qinghai-haixi-geermu-renminzhengfu/2024.html"))
    for figure in _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart")):
        browser.execute_script("arguments[0].scrollIntoView()", figure)  # plotly loads when a chart is in view
    # (drawn: plotly has finished, xxgk.js's data-drawn; its .main-svg is there from the start of its drawing)
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart[data-drawn] .main-svg"))
    assert browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart .main-svg .bars, .xxgk-chart .main-svg .slice")
    browser.save_screenshot(str(SHOTS / "report.png"))
    browser.execute_script("window.scrollTo(0, 0)")
    button = browser.find_element(By.CSS_SELECTOR, "button[data-xxgk-csv]")  # the CSV is built in the browser
    assert button.is_displayed() and "CSV" in button.text
    heading = browser.find_element(By.CSS_SELECTOR, "article h1").text.replace(" ", "")
    name = f"{heading}-{button.get_attribute('data-xxgk-csv')}.csv"  # the agency and year say which report it is
    click_still(browser, button)
    path = _wait(lambda: next((p for p in browser.downloads.glob(name) if p.stat().st_size), None))
    lines = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header = [c.split("（")[-1].rstrip("）") for c in lines[0]]  # 表（table）…: the code in brackets
    rows = [dict(zip(header, row, strict=True)) for row in lines[1:]]
    assert {"table", "key1_zh", "key2_zh", "value", "line"} <= set(header)
    assert any(r["table"] == "applications" and r["key1_zh"] == "一、本年新收政府信息公开申请数量"
               and r["key2_zh"] == "总计" and r["value"] and r["line"] for r in rows)


def test_the_agency_finder_finds_by_pinyin_and_search_finds_chinese(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/agencies/")
    finder = _wait(lambda: browser.find_elements(By.ID, "xxgk-agency-finder"))[0]
    finder.send_keys("huangzhong")
    hits = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-agency-finder-results a"))
    assert "湟中区" in hits[0].text
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys("海城市数据局")
    results = _wait(lambda: [r for r in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
                             if r.text.strip()], 20)
    browser.save_screenshot(str(SHOTS / "search.png"))
    assert any("海城市数据局" in r.text for r in results)


def test_the_hostile_report_page_runs_no_script(server, browser):
    from selenium.webdriver.common.by import By

    from xxgk.package.collect import report_id

    browser.get(server + f"/r/{report_id('hostile.txt')}/")  # its published URL (a redirect if it moved)
    _wait(lambda: browser.find_elements(By.PARTIAL_LINK_TEXT, "查看原文"))
    source = browser.find_element(By.PARTIAL_LINK_TEXT, "查看原文").get_attribute("href")
    for url in (browser.current_url, source):
        browser.get(url)
        _wait(lambda: browser.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)
        assert browser.execute_script("return window.__xss === undefined")
    assert "window." in browser.page_source
    browser.save_screenshot(str(SHOTS / "hostile-source.png"))
