"""A printed page says where it came from (site audit 22: the printed agency and compare pages carried no address,
source, licence or version — Material leaves its footer off paper — so a printed comparison could not be found
again): the footer's licence and data version and the page's address, as it is when printed."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]


def _printed_source(chromium) -> tuple[bool, str, bool]:
    """(the source line shown, its text, the footer's licence shown) with the page laid out for print."""
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        line = chromium.find_element("css selector", ".xxgk-print-source")
        licence = chromium.find_element("css selector", ".md-copyright__highlight")
        return line.is_displayed(), line.text, licence.is_displayed()
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_printed_page_carries_its_address_licence_and_data_version(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/agencies/")
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-print-source"))
    assert not chromium.find_element("css selector", ".xxgk-print-source").is_displayed()  # on paper only
    shown, text, licence = _printed_source(chromium)
    assert shown and licence and f"本页网址：{server}/agencies/" in text
    assert "数据版本" in chromium.find_element("css selector", ".xxgk-footer-meta").get_attribute("textContent")


def test_a_printed_comparison_names_the_view_the_reader_chose(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?metric=received")
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-print-source"))
    chromium.execute_script("history.pushState(null, '', location.pathname + '?metric=received&year=2025');"
                            "window.dispatchEvent(new Event('beforeprint'));")
    shown, text, _ = _printed_source(chromium)
    assert shown and f"{server}/compare/?metric=received&year=2025" in text


def test_a_table_filter_that_hides_every_row_says_so_and_points_to_the_finder(server, chromium):
    chromium.set_window_size(390, 844)
    chromium.get(server + "/agencies/")
    box = _wait(lambda: chromium.find_element("css selector", "input.xxgk-filter"))
    status = chromium.find_element("css selector", ".xxgk-filter-status")
    box.send_keys("geermu")  # pinyin: the finder reads it, the table's filter does not
    assert _wait(lambda: "表中没有含“geermu”的行" in status.text and "查找框" in status.text)  # before: silence
    box.clear()
    box.send_keys("格尔木")
    _wait(lambda: status.text == "")
    rows = chromium.find_elements("css selector", "#xxgk-agencies tbody tr")
    assert any(r.is_displayed() for r in rows)
