"""Site review of session 25 in headless Chromium: the compare page's downloads."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]


def test_the_compare_pages_downloads_appear_as_two_buttons_once_a_view_is_drawn(server, chromium):
    # the CSV of the view was a bare link beside the PNG button; now both are the same small buttons, both shown
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/")
    png, csv = chromium.find_element("id", "xxgk-compare-png"), chromium.find_element("id", "xxgk-compare-csv")
    _wait(lambda: png.is_displayed() and csv.is_displayed())
    assert csv.get_attribute("href").startswith("blob:") or csv.get_attribute("href").endswith(".csv")
    assert "md-button" in csv.get_attribute("class").split()
    assert abs(png.size["height"] - csv.size["height"]) <= 2
