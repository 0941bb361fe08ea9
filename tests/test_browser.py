"""End to end in real headless Chromium (Debian ``chromium`` + ``chromium-driver``): home → index →
agency page with a rendered chart → its CSV downloaded and read back → an agency found by search,
and the hostile report's page runs none of its script. Screenshots go to ``tests/screenshots/``."""

from __future__ import annotations

import csv
import functools
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import ROOT

CHROME = shutil.which("chromium") or shutil.which("google-chrome")  # Debian, or GitHub's Ubuntu runners
pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not (CHROME and shutil.which("chromedriver")),
    reason="Debian chromium and chromium-driver are not installed (.ci/run installs them)")]
SHOTS = ROOT / "tests" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1200,1600"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROME
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    downloads = tmp_path_factory.mktemp("downloads")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _wait(condition, seconds=15.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


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
    browser.find_element(By.PARTIAL_LINK_TEXT, "2024年度报告").click()
    _wait(lambda: "/a/qinghai-haixi-geermu-renminzhengfu/2024/" in browser.current_url)
    for figure in _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart")):
        browser.execute_script("arguments[0].scrollIntoView()", figure)  # plotly loads when a chart is in view
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart .main-svg"))
    assert browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart .main-svg .bars, .xxgk-chart .main-svg .slice")
    browser.save_screenshot(str(SHOTS / "report.png"))
    browser.execute_script("window.scrollTo(0, 0)")
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "下载本报告 CSV")
    name = link.get_attribute("href").rsplit("/", 1)[-1]
    link.click()
    path = _wait(lambda: next((p for p in browser.downloads.glob(name) if p.stat().st_size), None))
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert {"table", "key1", "key2", "value", "line"} <= set(rows[0])
    assert any(r["table"] == "applications" and r["key1"] == "new" and r["key2"] == "total" for r in rows)


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
