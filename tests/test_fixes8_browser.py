"""In Chromium on the seeds' site: an old report address for a year the agency has no report of leads to the
agency's page (never a second 404), and a compare address written with ``ids=`` shows the agencies it names."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

AGENCY = "qinghai-haixi-geermu-renminzhengfu"  # a seed agency with a 2024 report and none for 2019

pytestmark = [pytest.mark.browser, needs_chromium]


def test_an_old_report_url_of_a_year_without_report_says_so_and_links_the_agency(server, chromium):
    chromium.get(server + f"/a/{AGENCY}/2019/")  # before: sent on to /a/<agency>/2019.html, a second 404
    link = _wait(lambda: chromium.find_elements("css selector", "#xxgk-404-status a#xxgk-404-agency"))[0]
    status = chromium.find_element("id", "xxgk-404-status").text  # (its first links: the years it has, session 43)
    assert "没有收录格尔木市人民政府2019年的报告" in status
    assert chromium.current_url == server + f"/a/{AGENCY}/2019/"
    assert link.get_attribute("href") == server + f"/a/{AGENCY}/"
    link.click()
    _wait(lambda: chromium.current_url == server + f"/a/{AGENCY}/")
    assert "格尔木市人民政府" in _wait(lambda: chromium.find_element("tag name", "h1").text)


def test_an_old_report_url_of_a_year_with_its_report_still_redirects(server, chromium):
    chromium.get(server + f"/a/{AGENCY}/2024/")
    _wait(lambda: chromium.current_url == server + f"/a/{AGENCY}/2024.html")
    assert "2024" in _wait(lambda: chromium.find_element("tag name", "h1").text)


def test_an_old_report_url_of_an_unknown_agency_stays_on_the_404_page(server, chromium):
    chromium.get(server + "/a/no-such-agency/2019/")
    _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
    assert chromium.current_url == server + "/a/no-such-agency/2019/"
    assert "404" in chromium.find_element("tag name", "h1").text


def test_a_compare_url_with_ids_shows_the_agencies_it_names(server, chromium):
    other = "qinghai-haixi-geermu-shujuju"
    chromium.get(server + f"/compare/?ids={AGENCY},{other},__proto__&metric=received&year=2024-2025")
    # before: ids= was not read and the default view was shown; an id the site does not list is dropped
    _wait(lambda: len(chromium.find_elements("css selector", "#xxgk-compare-chosen li")) == 2)
    chosen = [li.text for li in chromium.find_elements("css selector", "#xxgk-compare-chosen li")]
    assert any("格尔木市人民政府" in c for c in chosen) and any("格尔木市数据局" in c for c in chosen)
    assert chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "received"
