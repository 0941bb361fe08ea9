"""Site audit 30, a reader's journeys walked in headless Chromium (fourth round of this area), on one small site:
three agencies of 新疆 and 青海 (a county department whose region is three long divisions) and their reports."""

from __future__ import annotations

import re

import pytest

from .conftest import needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import _axe, _blocking

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,昌吉市行政审批局,2024,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "a23.txt,昌吉市行政审批局,2023,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n"
            "c.txt,湟中区人民政府,2024,,,,青海省,西宁市,湟中区\n")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site30")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="昌吉市行政审批局", carried_forward=2), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="昌吉市行政审批局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局"), encoding="utf-8")
    (reports / "c.txt").write_text(tab_report(agency="湟中区人民政府", carried_forward=4), encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


def _agency_dir(site, name: str) -> str:
    """The site path of the agency page whose heading is ``name`` (``a/<agency id>/``)."""
    for page in sorted(site.glob("a/*/index.html")):
        if re.search(rf"<h1[^>]*>{name}<", page.read_text(encoding="utf-8")):
            return f"a/{page.parent.name}/"
    raise AssertionError(name)


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
        assert len(rows) == 3
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
