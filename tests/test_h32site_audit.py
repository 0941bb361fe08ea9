"""Site audit 32, a reader's journeys walked in headless Chromium (sixth round of this area), on one small site: a
county department of 辽宁 (two years, its 2024 report with a long overview: the page is long enough to land on a
heading far down) and a department of 青海 whose report's year is not printed anywhere."""

from __future__ import annotations

import time

import pytest

from .conftest import needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_h29site_audit import _agency_dir

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,海城市数据局,2024,,,,辽宁省,鞍山市,海城市\n"
            "a23.txt,海城市数据局,2023,,,,辽宁省,鞍山市,海城市\n")
OVERVIEW = "\n".join(f"第{n}项工作：本局扎实推进政务公开。" for n in range(1, 61))


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site32")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="海城市数据局", narrative=OVERVIEW), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="海城市数据局", year=2023), encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


# -- 1. a heading reached by a link stays where it landed -------------------------------------------------------------

def _headings_after_charts(chromium) -> list[str]:
    """The ids of the page's headings that come straight after a chart's figure (an old id's empty span between)."""
    return chromium.execute_script(
        "return Array.from(document.querySelectorAll('article h2[id]')).filter(function (h) {"
        "  var before = h.previousElementSibling;"
        "  while (before && before.matches('span[id]:empty')) before = before.previousElementSibling;"
        "  return before && before.matches('figure.xxgk-figure'); }).map(function (h) { return h.id; });")


TOP = "return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().top)"


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 900)])
def test_a_heading_reached_by_a_link_stays_put_when_the_chart_above_it_gets_its_buttons(served_site, server, chromium,
                                                                                        width, height):
    # (audit 32: on a phone a link to 四、行政复议 landed the heading under the header, then it dropped ≈ 34 px once the
    # chart above it was drawn and its caption got its row of buttons (下载图片, 下载图表数据): the browser's scroll
    # anchoring held the caption, half under the fixed header, not the heading the reader had asked for)
    chromium.set_window_size(width, height)
    page = server + "/" + _agency_dir(served_site, "海城市数据局") + "2024.html"
    chromium.get(page)
    targets = _headings_after_charts(chromium)
    assert targets, "no heading under a chart"
    for heading in targets:
        chromium.get("about:blank")
        chromium.get(f"{page}#{heading}")
        landed = _wait(lambda h=heading: chromium.execute_script(
            "return document.readyState === 'complete' && scrollY > 0") and chromium.execute_script(TOP, h))
        # the chart above the heading drawn, with its buttons
        _wait(lambda h=heading: chromium.execute_script(
            "var f = document.getElementById(arguments[0]).previousElementSibling;"
            "while (f && !f.matches('figure')) f = f.previousElementSibling;"
            "return f.querySelector('[data-drawn]') && f.querySelector('.xxgk-chart-actions')", h))
        time.sleep(0.5)  # (a jump is a layout after the buttons: let one pass)
        assert abs(chromium.execute_script(TOP, heading) - landed) <= 1, (width, heading, landed)
