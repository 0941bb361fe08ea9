"""Accessibility and weight in real headless Chromium, the way readers meet the site: axe-core (npm,
a dev dependency, served from ``node_modules``) is injected into each page type at a 1366 px desktop and
a 390 px phone, and any *serious* or *critical* violation fails. Charts are scrolled into view first so
that the drawn plotly SVG is checked too. Screenshots of every page type go to ``tests/screenshots/``."""

from __future__ import annotations

import gzip
import json
import re
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import ROOT, draw_charts, report_page_files
from .test_browser import SHOTS, _wait, browser  # noqa: F401  (fixture; the server is conftest's)

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1366, 900, False), "phone": (390, 844, True)}
BLOCKING = {"serious", "critical"}

# Page types checked with axe, as site paths. ``{report}`` is a report page. The agency pages (issue 14)
# join with one line, e.g. "/a/{agency}/": EXTEND THIS LIST when a new page type lands.
A11Y_PAGES = ["/", "/agencies/", "{report}", "{source}", "/compare/", "/fulltext/", "/data/", "/quality/",
              "/report-card/", "/checks/", "/glossary/", "/about/", "/404.html"]


def _report_path(site: Path) -> tuple[str, str]:
    """A report page with table 3 laid out like the template (its grouped header), charts and findings, and
    its source page (the report's source text with line anchors)."""
    for page in report_page_files(site):
        text = page.read_text(encoding="utf-8")
        # (a chart drawn: one of nothing but zeros is not, session 47)
        if "法人或其他组织" in text and re.search(r"<div (?![^>]*\bdata-zero\b)[^>]*\bxxgk-chart\b", text):
            source = re.search(r'href="?(?:\.\./)+(src/[^" >#]+\.html)', text).group(1)
            return "/" + page.relative_to(site).as_posix(), "/" + source
    raise AssertionError("no report page with table 3")


def _paths(site: Path) -> list[str]:
    report, source = _report_path(site)
    agency = next((f"/a/{p.parent.name}/" for p in sorted((site / "a").glob("*/index.html"))), None) \
        if (site / "a").exists() else None
    out = [p.replace("{report}", report).replace("{source}", source) for p in A11Y_PAGES if "{agency}" not in p]
    return out + ([agency] if agency else [])


def _viewport(driver, name: str) -> None:
    width, height, mobile = VIEWPORTS[name]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


@contextmanager
def viewport(driver, name: str):
    """The page laid out at viewport ``name`` (``VIEWPORTS``) inside the block, the window's own size after it."""
    _viewport(driver, name)
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _draw_all_charts(driver) -> None:
    """Scroll every chart into view (plotly loads only then) and wait until each is drawn."""
    draw_charts(driver)
    driver.execute_script("window.scrollTo(0, 0)")


def _axe(driver) -> list[dict]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); })"
        "  .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });")


def _blocking(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in violations if v["impact"] in BLOCKING]


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_or_critical_accessibility_violation_on_any_page_type(server, browser, built_site,  # noqa: F811
                                                                          viewport):
    _viewport(browser, viewport)
    problems = {}
    try:
        for path in _paths(built_site):
            browser.get(server + path)
            _wait(lambda: browser.execute_script("return document.readyState") == "complete")
            _draw_all_charts(browser)
            name = re.sub(r"[^a-z0-9]+", "-", path.strip("/").split("/")[0] or "home").strip("-")
            browser.save_screenshot(str(SHOTS / f"{name}-{viewport}.png"))
            found = _blocking(_axe(browser))
            if found:
                problems[path] = found
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


# -- weight: what a first view costs, gzipped (as a server or CDN would send it) ---------------------------------
HOME_BUDGET, REPORT_BUDGET = 250 * 1024, 150 * 1024
INDEX = "search/search_index.json"


def _worker_imports(site: Path) -> set[str]:
    """The scripts Material's search worker imports once the page has sent it the index (its set-up, in
    ``assets/javascripts/workers/search.*.min.js``: ``switch(lang){case"ja": tinyseg.js; case"hi": case"th":
    wordcut.js}``, ``lunr.<lang>.min.js`` for each language but English, ``lunr.multi`` for more than one, then
    ``lunr.stemmer.support`` before them): for the languages of the index's config. The page's Resource Timing does
    not list a worker's requests. (Before audit 30 every file of lunr/ but wordcut.js and other languages' was
    counted, tinyseg.js (9.3 KB gzipped) too, which the worker loads for Japanese alone; and the index always,
    which a page now fetches only when the reader reaches for the search box.)"""
    langs = json.loads((site / INDEX).read_text(encoding="utf-8"))["config"]["lang"]
    names = {"tinyseg.js"} if "ja" in langs else set()
    names |= {"wordcut.js"} if {"hi", "th"} & set(langs) else set()
    names |= {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    names |= {"min/lunr.multi.min.js"} if len(langs) > 1 else set()
    names |= {"min/lunr.stemmer.support.min.js"} if names else set()
    return {"assets/javascripts/lunr/" + name for name in names}


def _first_view_bytes(driver, site: Path) -> tuple[int, list[str]]:
    """Gzipped bytes of the document and every resource it loaded (Resource Timing: the search worker's script
    too), plus what the search worker imports once the page has fetched the index (``_worker_imports``)."""
    urls = driver.execute_script(
        "return [location.href].concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }))")
    paths = set()
    for url in urls:
        path = re.sub(r"^https?://[^/]+/", "", url).split("?")[0].split("#")[0]
        paths.add(path + "index.html" if path == "" or path.endswith("/") else path)
    if INDEX in paths:
        paths |= _worker_imports(site)
    files = [site / p for p in sorted(paths) if (site / p).is_file()]
    return sum(len(gzip.compress(f.read_bytes())) for f in files), [str(f.relative_to(site)) for f in files]


def test_first_views_stay_light_and_plotly_loads_only_where_a_chart_is_drawn(server, browser, built_site):  # noqa: F811
    _viewport(browser, "desktop")
    try:
        browser.get(server + "/")
        _wait(lambda: browser.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)
        home, loaded = _first_view_bytes(browser, built_site)
        assert home <= HOME_BUDGET, (home, loaded)
        assert not any("plotly" in p for p in loaded), "the home page draws no plotly chart"
        for path in ("/data/", "/quality/", "/checks/"):
            browser.get(server + path)
            browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
            time.sleep(0.5)
            assert not browser.execute_script("return !!window.Plotly"), path
        browser.get(server + _report_path(built_site)[0])
        _wait(lambda: browser.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)
        report, loaded = _first_view_bytes(browser, built_site)
        assert report <= REPORT_BUDGET, (report, loaded)
        assert not browser.execute_script("return !!window.Plotly"), "plotly waits until a chart scrolls into view"
        _draw_all_charts(browser)
        assert browser.execute_script("return !!window.Plotly")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_sorting_works_by_keyboard_and_says_so_with_aria_sort(server, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/agencies/")
    column = 6  # 最近一年新收申请: a number column
    button = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-agencies th button.xxgk-sort"))[column]
    header = button.find_element(By.XPATH, "..")
    assert header.get_attribute("aria-sort") == "none"
    button.send_keys(Keys.ENTER)
    assert header.get_attribute("aria-sort") == "ascending"
    cells = [r.find_elements(By.TAG_NAME, "td")[column] for r in browser.find_elements(
        By.CSS_SELECTOR, "#xxgk-agencies tbody tr")]
    values = [c.text for c in cells]
    # (a missing count says why since session 39: 无数据（此表未能读出）, 无报告 — was "—"; last, either way; each
    # count is its agency's latest year's, sorted by year, then by count, since session 60: its year in its title)
    keyed = [(int(c.get_attribute("title")[:4]), float(c.text))
             for c in cells if not re.match(r"无数据|无报告$", c.text)]
    assert keyed == sorted(keyed) and all(re.match(r"无数据|无报告$", v) for v in values[len(keyed):])
    button.send_keys(Keys.SPACE)
    assert header.get_attribute("aria-sort") == "descending"
