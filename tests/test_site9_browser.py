"""Round 2 of a reader's journeys, in Chromium on the seeds' site: the 404 page speaks Chinese only; a compare
address naming agencies, a measure or a year the site does not have says so (never a silent default view);
the compare view survives a reload and the way back from another page."""

from __future__ import annotations

import re

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

AGENCY, OTHER = "qinghai-haixi-geermu-renminzhengfu", "qinghai-haixi-geermu-shujuju"  # seed agencies


def _chosen(chromium) -> list[str]:
    return [li.text for li in chromium.find_elements("css selector", "#xxgk-compare-chosen li")]


def test_the_404_page_has_no_english_line(server, chromium):
    chromium.get(server + "/no-such-page/")
    article = _wait(lambda: chromium.find_element("tag name", "article").text)
    assert "页面不存在" in article
    # before: "Page not found. Home" under the Chinese text
    assert not re.search(r"[A-Za-z]{3,}", article), article
    assert not chromium.find_elements("css selector", "article [lang=en]")


def test_a_compare_address_with_unknown_agencies_measure_and_year_says_what_it_left_out(server, chromium):
    chromium.get(server + f"/compare/?agencies=no-such-agency,{AGENCY},Bad!Id&metric=no_such_metric&year=1999")
    _wait(lambda: len(_chosen(chromium)) == 1)
    status = _wait(lambda: chromium.find_element("id", "xxgk-compare-status").text)
    # before: the unknown ids were dropped in silence and the view looked as if the address were right
    assert "找不到" in status and "no-such-agency" in status and "Bad!Id" in status, status
    assert "no_such_metric" in status and "1999" in status, status
    assert "格尔木市人民政府" in _chosen(chromium)[0]
    chromium.find_element("css selector", "#xxgk-compare-chosen li button").click()  # the reader acts: note gone
    _wait(lambda: not _chosen(chromium))
    _wait(lambda: "未选择机构" in chromium.find_element("id", "xxgk-compare-status").text)
    assert "找不到" not in chromium.find_element("id", "xxgk-compare-status").text


def test_a_compare_address_of_only_unknown_agencies_is_never_a_blank_page(server, chromium):
    chromium.get(server + "/compare/?agencies=nonexistent,foo")
    status = _wait(lambda: "找不到" in (t := chromium.find_element("id", "xxgk-compare-status").text) and t)
    assert "nonexistent" in status and "未选择机构" in status  # the default view, and why
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))


def test_the_compare_view_survives_a_reload_and_coming_back(server, chromium):
    from selenium.webdriver.support.ui import Select

    chromium.get(server + f"/compare/?agencies={AGENCY},{OTHER}&metric=received&year=2024-2025")
    _wait(lambda: len(_chosen(chromium)) == 2)
    Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("processed")
    _wait(lambda: "metric=processed" in chromium.current_url)
    shared = chromium.current_url
    chromium.refresh()
    _wait(lambda: len(_chosen(chromium)) == 2)
    assert chromium.current_url == shared
    assert chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "processed"
    chromium.get(server + f"/a/{AGENCY}/")
    chromium.back()
    _wait(lambda: chromium.current_url == shared)
    _wait(lambda: len(_chosen(chromium)) == 2)
    assert chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "processed"
    assert chromium.find_element("id", "xxgk-compare-from").get_attribute("value") == "2024"
    assert chromium.find_element("id", "xxgk-compare-to").get_attribute("value") == "2025"
