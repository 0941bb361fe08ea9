"""Round 2 of a reader's journeys, in Chromium on the seeds' site: the 404 page speaks Chinese only; a compare
address naming agencies, a measure or a year the site does not have says so (never a silent default view);
the compare view survives a reload and the way back from another page."""

from __future__ import annotations

import re

import pytest

from .conftest import needs_chromium, site_of
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
    # (the view's sentence, not the line saying its data are loading, session 43: the chips come before the data)
    status = _wait(lambda: "找不到" in (t := chromium.find_element("id", "xxgk-compare-status").text) and t)
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


@pytest.fixture(scope="module")
def long_name_site(tmp_path_factory):
    """The seeds' site plus one report whose manifest names its agency with the longest name it may give (a longer
    one is ``manifest_value_invalid`` since audit 25: ``collect.MAX_NAME``)."""
    import shutil

    from .conftest import SEEDS
    from .factory import tab_report

    work = tmp_path_factory.mktemp("long")
    reports = work / "reports"
    shutil.copytree(SEEDS, reports)
    (reports / "long.txt").write_text(tab_report(agency="样例县数据局"), encoding="utf-8")
    (reports / "sources.csv").write_text(f"file,agency,year,province\nlong.txt,{LONG},2024,青海省\n", encoding="utf-8")
    return site_of(reports, work)


LONG = "很长的名字" * 19 + "数据局"  # 98 characters (it was 998 before the manifest's names were bounded)


def test_the_longest_name_keeps_lists_and_chips_usable_on_a_phone(long_name_site, chromium):
    import json

    from .conftest import serving

    agencies = json.loads((long_name_site / "json" / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    long_id = next(a["id"] for a in agencies if a["n"].startswith("很长的名字"))
    chromium.set_window_size(390, 844)
    try:
        with serving(long_name_site) as base:
            chromium.get(base + f"/compare/?agencies={long_id},{AGENCY}")
            _wait(lambda: len(_chosen(chromium)) == 2)
            chip = chromium.find_element("css selector", "#xxgk-compare-chosen li")
            # before: a 1,000-character name's chip was ~50 lines tall, its 移除 button far below
            assert chip.size["height"] < 200, chip.size
            assert LONG in chip.get_attribute("textContent")  # the whole name is still there
            chromium.get(base + "/agencies/")
            cell = _wait(lambda: [td for td in chromium.find_elements("css selector", "#xxgk-agencies td:first-child")
                                  if "很长的名字" in td.get_attribute("textContent")])[0]
            assert cell.size["height"] < 200, cell.size
            assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390
    finally:
        chromium.set_window_size(1366, 1000)


def test_back_undoes_the_readers_choices_on_the_compare_page(server, chromium):
    # (site audit: each choice replaced the address, so one Back left the page instead of undoing a step)
    from selenium.webdriver.support.ui import Select

    chromium.get(server + "/")
    chromium.get(server + f"/compare/?agencies={AGENCY},{OTHER}&metric=received&year=2024-2025")
    _wait(lambda: len(_chosen(chromium)) == 2)
    metric = Select(chromium.find_element("id", "xxgk-compare-metric"))
    metric.select_by_value("processed")
    _wait(lambda: "metric=processed" in chromium.current_url)
    chromium.find_element("css selector", "#xxgk-compare-chosen li button").click()
    _wait(lambda: len(_chosen(chromium)) == 1)
    chromium.back()
    _wait(lambda: len(_chosen(chromium)) == 2)
    assert "/compare/" in chromium.current_url
    assert chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "processed"
    chromium.back()
    _wait(lambda: chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "received")
    assert len(_chosen(chromium)) == 2 and "metric=received" in chromium.current_url
    chromium.forward()
    _wait(lambda: chromium.find_element("id", "xxgk-compare-metric").get_attribute("value") == "processed")


def test_a_report_address_for_a_year_the_agency_has_no_report_of_says_so(server, chromium):
    chromium.get(server + f"/a/{AGENCY}/2001.html")  # the pages' own address form (before: only …/2001/ was told)
    status = _wait(lambda: "2001" in (t := chromium.find_element("id", "xxgk-404-status").text) and t)
    assert "本站没有收录格尔木市人民政府2001年的报告。已收录的年度：2024年。" in status  # (named: session 43)
    assert chromium.find_element("id", "xxgk-404-agency").get_attribute("href").endswith(f"/a/{AGENCY}/")
    assert "404" in chromium.title  # (before: the site's name alone)
