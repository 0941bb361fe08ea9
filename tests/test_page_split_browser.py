"""The split report card (index and a province page) in real headless Chromium at 1366 px and 390 px: axe-core finds
no serious or critical violation, the hostile names run no script, the page is not wider than the screen outside
its table's own scroller, and a province page's table still sorts. Screenshots go to ``tests/screenshots/``."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import SHOTS, needs_chromium, read_page
from .conftest import wait_for as _wait
from .test_accessibility import AXE, VIEWPORTS, _axe, _blocking, _viewport
from .test_browser import browser  # noqa: F401  (fixture; the server is conftest's)
from .test_page_split import shared_hostile_split_site

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def served_site(seed_package, tmp_path_factory):
    return shared_hostile_split_site(seed_package, tmp_path_factory)  # conftest's server serves it


def _pages(site) -> list[str]:
    index = read_page(site / "report-card" / "index.html")
    hostile = next(p for p in sorted((site / "report-card").glob("*/*/index.html"))
                   if "onerror" in p.read_text(encoding="utf-8"))  # the hostile province's page (escaped)
    first = re.search(r'href="(\d{4}-\w+/[a-z0-9-]+/)"', index).group(1)
    return ["/report-card/", f"/report-card/{first}", "/" + hostile.parent.relative_to(site).as_posix() + "/"]


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_split_report_card_pages_pass_axe_and_run_no_hostile_script(server, browser, served_site,  # noqa: F811
                                                                         viewport):
    _viewport(browser, viewport)
    problems = {}
    try:
        for n, path in enumerate(_pages(served_site)):
            browser.get(server + path)
            _wait(lambda: browser.execute_script("return document.readyState") == "complete")
            browser.save_screenshot(str(SHOTS / f"report-card-split-{n}-{viewport}.png"))
            assert browser.execute_script("return window.__xss") is None, path
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (path, overflow)  # wide tables scroll inside themselves, the page does not
            found = _blocking(_axe(browser))
            if found:
                problems[path] = found
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


def test_the_index_province_list_sorts(server, browser, served_site):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(server + "/report-card/")
    table = "table[id$='-provinces']"
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, f"{table} th button.xxgk-sort"))
    first = browser.find_elements(By.CSS_SELECTOR, table)[0]
    button = first.find_elements(By.CSS_SELECTOR, "th button.xxgk-sort")[0]

    def names():
        return [td.text for td in first.find_elements(By.CSS_SELECTOR, "tbody td:nth-child(1)")]

    button.click()
    ascending = names()
    button.click()
    assert button.find_element(By.XPATH, "..").get_attribute("aria-sort") == "descending"
    assert len(set(ascending)) > 1 and names() == ascending[::-1]
