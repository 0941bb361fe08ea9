"""Accessibility and weight in real headless Chromium, the way readers meet the site: axe-core (npm,
a dev dependency, served from ``node_modules``) is injected into each page type at a 1366 px desktop and
a 390 px phone, and any *serious* or *critical* violation fails. Charts are scrolled into view first so
that the drawn plotly SVG is checked too. Screenshots of every page type go to ``tests/screenshots/``."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_browser import SHOTS, _wait, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1366, 900, False), "phone": (390, 844, True)}
BLOCKING = {"serious", "critical"}

# Page types checked with axe, as site paths. ``{report}`` is a report page. The agency pages (issue 14)
# join with one line, e.g. "/a/{agency}/": EXTEND THIS LIST when a new page type lands.
A11Y_PAGES = ["/", "/agencies/", "{report}", "/compare/", "/data/", "/quality/", "/report-card/", "/checks/",
              "/about/", "/404.html"]


def _report_path(site: Path) -> str:
    """A report page with table 3 laid out like the template (its grouped header), charts and findings."""
    for page in sorted((site / "r").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        if "法人或其他组织" in text and "xxgk-chart" in text:
            return f"/r/{page.parent.name}/"
    raise AssertionError("no report page with table 3")


def _paths(site: Path) -> list[str]:
    report = _report_path(site)
    agency = next((f"/a/{p.parent.name}/" for p in sorted((site / "a").glob("*/index.html"))), None) \
        if (site / "a").exists() else None
    out = [p.replace("{report}", report) for p in A11Y_PAGES if "{agency}" not in p]
    return out + ([agency] if agency else [])


def _viewport(driver, name: str) -> None:
    width, height, mobile = VIEWPORTS[name]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def _draw_all_charts(driver) -> None:
    """Scroll every chart into view (plotly loads only then) and wait until each is drawn."""
    from selenium.webdriver.common.by import By

    for chart in driver.find_elements(By.CSS_SELECTOR, ".xxgk-chart"):
        driver.execute_script("arguments[0].scrollIntoView()", chart)
        time.sleep(0.1)
    _wait(lambda: all(c.find_elements(By.CSS_SELECTOR, ".main-svg")
                      for c in driver.find_elements(By.CSS_SELECTOR, ".xxgk-chart")), 30)
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
            name = re.sub(r"[^a-z0-9]+", "-", path.strip("/").split("/")[0] or "home")
            browser.save_screenshot(str(SHOTS / f"{name}-{viewport}.png"))
            found = _blocking(_axe(browser))
            if found:
                problems[path] = found
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
