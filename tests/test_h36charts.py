"""Session 36: a chart drawn as the reader scrolls to it moves nothing on the page. CI failed on a journey test whose
click on a finding's link, below the report page's chart, landed 31 px above the link: the chart had been drawn
between selenium's finding the link and its click, growing from its 340 px box to its 360 px plot and its caption
by a row of buttons (12 px on a desktop, 34 on a phone). A reader tapping a link as the chart drew tapped
whatever had moved under the finger."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # seeds: a 2025 report, one chart; its agency's page, five
PAGES = [f"/a/{HUANGZHONG}/2025.html", f"/a/{HUANGZHONG}/"]
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}

# each figure's document position, and that of the element after it (what a reader reads or taps next)
PLACES = """return Array.from(document.querySelectorAll('figure.xxgk-figure')).map(function (f) {
  var next = f.nextElementSibling || f.parentNode.nextElementSibling;
  return [Math.round(f.getBoundingClientRect().height),
          next ? Math.round(next.getBoundingClientRect().top + scrollY) : null];
});"""


@pytest.fixture(params=["desktop", "phone"])
def screen(request, chromium):
    """``chromium`` at 1366 × 900, or emulating a phone (390 × 844): the name of the screen."""
    chromium.set_window_size(1366, 900)
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield request.param
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _drawn(chromium, chart) -> bool:
    return chromium.execute_script("return arguments[0].hasAttribute('data-drawn')", chart)


@pytest.mark.parametrize("page", PAGES)
def test_drawing_a_chart_moves_neither_its_figure_nor_what_follows_it(server, chromium, screen, page):
    chromium.get(server + page)
    charts = chromium.find_elements("css selector", "div.xxgk-chart")
    assert charts and not any(_drawn(chromium, c) for c in charts[1:]), "the charts below the top are drawn lazily"
    before = chromium.execute_script(PLACES)
    for chart in charts:  # as a reader scrolls down to each
        chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        _wait(lambda c=chart: _drawn(chromium, c), 30.0)
    after = chromium.execute_script(PLACES)
    assert after == before, (screen, page, "figure heights and the next element's place, before/after drawing",
                             before, after)


def test_a_charts_buttons_are_there_before_it_is_drawn_and_work_once_it_is(server, chromium, screen):
    chromium.get(server + PAGES[1])
    last = chromium.find_elements("css selector", "figure.xxgk-figure")[-1]
    buttons = last.find_elements("css selector", "figcaption .xxgk-chart-actions button")
    assert [b.text for b in buttons] == ["下载图片（PNG）", "下载图表数据（CSV）"]
    assert not _drawn(chromium, last.find_element("css selector", "div.xxgk-chart"))
    # (marked aria-disabled until drawn, not disabled: focusable, its click waiting for the drawing — session 60)
    assert all(b.get_attribute("aria-disabled") == "true" for b in buttons), "an undrawn chart's buttons say so"
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", last)
    _wait(lambda: all(b.get_attribute("aria-disabled") is None for b in buttons), 30.0)
    assert _drawn(chromium, last.find_element("css selector", "div.xxgk-chart"))
