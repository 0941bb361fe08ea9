"""Session 33, a reader's journeys walked in headless Chromium on the seeds' site: a journalist comparing agencies
over years (a value of 0 on the compare chart's floor), and anyone printing a report page with a chart drawn."""

from __future__ import annotations

import pytest

from .conftest import SHOTS, draw_charts, needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, 11 requests received
CHANGJI = "xinjiang-changji-changji-xingzhengshenpiju"  # the seeds: 2025, 0 received
# every uncaught error of a page, kept from its first script on (a console error is what the reader never sees)
ERRORS = """window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });"""


def _boxes(chromium, selector: str) -> list[list[float]]:
    return chromium.execute_script("""return Array.from(document.querySelectorAll(arguments[0])).map(function (e) {
        var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, e.textContent]; });""", selector)


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@pytest.mark.parametrize("width", [1280, 390])
def test_a_value_of_0_on_the_compare_chart_is_not_printed_over_its_year(server, chromium, width):
    # (session 33: the second agency's labels go below its points, so its 0 — on the axis — was written over the
    # year under it: "2025年" read "20̥25年" and the 0 could not be read, at 1280 px and on a phone)
    chromium.set_window_size(width, 900)
    chromium.get(server + f"/compare/?agencies={HUANGZHONG},{CHANGJI}&metric=received&year=2024-2025")
    _wait(lambda: len(chromium.find_elements("css selector", "#xxgk-compare-chart .textpoint text")) == 2)
    labels = [b for b in _boxes(chromium, "#xxgk-compare-chart .textpoint text") if b[4]]
    years = _boxes(chromium, "#xxgk-compare-chart .xtick text")
    assert sorted(b[4] for b in labels) == ["0", "11"] and [b[4] for b in years] == ["2024年", "2025年"]
    chromium.execute_script("arguments[0].scrollIntoView()", chromium.find_element("id", "xxgk-compare-chart"))
    chromium.save_screenshot(str(SHOTS / f"h33-compare-zero-{width}.png"))
    for label in labels:
        for year in years:
            assert not _overlap(label, year), (label, year)


def test_a_printed_report_page_gives_its_chart_back_its_screen_width_without_an_error(server, chromium):
    # (session 33: a chart drawn wider than the paper's article is narrowed while printed and widened again after;
    # a report or agency page's chart, drawn at a width it was given, threw "Cannot read properties of undefined
    # (reading 'width')" in plotly as it was widened, and stayed at the paper's width on screen)
    chromium.set_window_size(1280, 1000)
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERRORS})["identifier"]
    try:
        # (a report page whose chart is drawn: the seed's 2025 report has only a chart of zeros, not drawn since
        # session 47)
        chromium.get(server + "/a/qinghai-haixi-geermu-renminzhengfu/2024.html")
        chart = draw_charts(chromium)[0]
        svg = "arguments[0].querySelector('.main-svg').getAttribute('width')"
        screen = float(chromium.execute_script("return " + svg, chart))
        chromium.execute_script("""matchMedia('print').addEventListener('change', function (e) {
            if (e.matches) window.__printed = +arguments[0].querySelector('.main-svg').getAttribute('width'); });"""
                                .replace("arguments[0]", "document.querySelector('div.xxgk-chart')"))
        chromium.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})  # A4
        assert chromium.execute_script("return window.__printed") < screen  # narrowed for the paper
        _wait(lambda: float(chromium.execute_script("return " + svg, chart)) == screen)  # the screen's width again
        assert chromium.execute_script("return window.__errors") == []
    finally:
        chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
