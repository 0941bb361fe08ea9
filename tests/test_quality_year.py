"""The quality page's year menu (a transparency office checks this year's reports): with the province menu, it
shows only the reports of that year (and province) in every list, says how many, and keeps the choice in the
address. Before, the page could be narrowed by province only."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.support.ui import Select

from .conftest import needs_chromium
from .conftest import wait_for as _wait
from .test_site11_browser import _visible_reports

pytestmark = [pytest.mark.browser, needs_chromium]


def _years(titles: list[str]) -> set[str]:
    """The years the report titles name (a report whose year is unknown names none)."""
    return {m.group(1) for m in (re.search(r"(\d{4})年度", t) for t in titles) if m}


def test_the_year_menu_narrows_every_list_with_the_province_menu_and_reopens_from_the_address(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/")
    year = _wait(lambda: [s for s in chromium.find_elements("id", "xxgk-year") if s.is_displayed()])[0]
    everything = _visible_reports(chromium)
    assert len(_years(everything)) > 1, everything  # the seeds' reports with findings: 2024 and 2025
    Select(year).select_by_value("2025")
    shown = _visible_reports(chromium)
    assert shown and _years(shown) == {"2025"} and len(shown) < len(everything)
    assert all("2025年度" in t for t in shown)
    status = chromium.find_element("css selector", ".xxgk-province-status").text
    assert "2025年度" in status and "份报告" in status, status
    Select(chromium.find_element("id", "xxgk-province")).select_by_visible_text("青海省")
    both = _visible_reports(chromium)
    assert both and set(both) <= set(shown) and "year=2025" in chromium.current_url
    chromium.get(chromium.current_url)  # the address reopens the same view
    _wait(lambda: chromium.find_element("id", "xxgk-year").is_displayed())
    assert _visible_reports(chromium) == both
    assert Select(chromium.find_element("id", "xxgk-year")).first_selected_option.text == "2025年度"
