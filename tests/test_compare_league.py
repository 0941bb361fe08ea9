"""The compare page's league table: its choices are kept in the address (a league view is shared by its address,
as a comparison is), and a region's divisions read whole on a phone (新疆/维吾/尔自/治区 before)."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait
from .test_accessibility import _viewport

pytestmark = [pytest.mark.browser, needs_chromium]
AGENCY = "qinghai-xining-huangzhong-renminzhengfu"  # a seed's agency (湟中区)


def _league_rows(chromium):
    return _wait(lambda: chromium.find_elements("css selector", "#xxgk-league-table tbody tr"))


def test_the_league_tables_choices_are_kept_in_the_address(server, chromium):
    from selenium.webdriver.support.ui import Select

    chromium.get(server + f"/compare/?agencies={AGENCY}&metric=received&year=2025")  # a comparison's view
    _league_rows(chromium)
    Select(chromium.find_element("id", "xxgk-league-metric")).select_by_value("processed")
    Select(chromium.find_element("id", "xxgk-league-province")).select_by_value("青海省")
    address = chromium.current_url
    assert "lmetric=processed" in address and "lprovince=%E9%9D%92%E6%B5%B7%E7%9C%81" in address
    assert f"agencies={AGENCY}&metric=received" in address  # the comparison's own view stays beside it
    chromium.get(address)  # the address opens the same league view
    _league_rows(chromium)
    assert chromium.find_element("id", "xxgk-league-metric").get_attribute("value") == "processed"
    assert chromium.find_element("id", "xxgk-league-province").get_attribute("value") == "青海省"
    chromium.get(server + "/compare/?lmetric=nonsense&lprovince=%3Cb%3E")  # a value the menus lack: ignored
    _league_rows(chromium)
    assert chromium.find_element("id", "xxgk-league-province").get_attribute("value") == ""


def test_on_a_phone_a_regions_divisions_are_never_broken_inside(server, chromium):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/compare/")
        _league_rows(chromium)
        broken = chromium.execute_script("""
          return Array.from(document.querySelectorAll('#xxgk-league-table td span.xxgk-word'))
            .filter(function (s) { return s.getClientRects().length > 1; })
            .map(function (s) { return s.textContent; });""")
        words = chromium.find_elements("css selector", "#xxgk-league-table td span.xxgk-word")
        assert words and not broken, broken
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
