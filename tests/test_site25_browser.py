"""Site audit 25, a reader's journeys walked in headless Chromium (third round): what Enter opens in the header
search once the site's own pages are listed too, an agency named twice in a compare address, and what the compare
page says of a range with no drawn point."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

# Material's own count line (its page hits), once its search has answered the words typed
MATERIAL_ANSWERED = """var m = document.querySelectorAll('[data-md-component=search-result] > .md-search-result__meta');
return m.length && /符合条件|没有找到/.test(m[m.length - 1].textContent);"""


def _enter(chromium, server, words: str) -> str:
    """The address Enter opens in the header's box with ``words`` typed, the agencies and Material's page hits
    both listed (before, the test pressed Enter before Material answered and passed by timing)."""
    from selenium.webdriver.common.keys import Keys

    chromium.get(server + "/agencies/")
    chromium.find_element("css selector", ".md-search__input").click()
    box = chromium.find_element("css selector", "input.md-search__input")
    box.send_keys(words)
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-agency-hits a.xxgk-agency-hit"))
    _wait(lambda: chromium.execute_script(MATERIAL_ANSWERED))
    before = chromium.current_url
    box.send_keys(Keys.ENTER)
    return _wait(lambda: chromium.current_url if chromium.current_url != before else None)


def test_enter_opens_the_agency_listed_not_a_page_of_the_site(server, chromium):
    # (audit 25 A: an agency found by its words, region or pinyin scored 0 and Material's page hits won: 格尔木 数据
    # opened 数据下载, 湟中 政府 the home page, while the panel listed the agency first)
    chromium.set_window_size(1366, 900)
    assert "/a/qinghai-haixi-geermu-shujuju/" in _enter(chromium, server, "格尔木 数据")
    assert "/a/qinghai-xining-huangzhong-renminzhengfu/" in _enter(chromium, server, "湟中 政府")


def test_enter_with_agencies_that_match_equally_well_lists_them(server, chromium):
    # (audit 25 B: 格尔木 matches 格尔木市数据局 and 格尔木市人民政府 alike; Enter opened the first by name order)
    from urllib.parse import unquote

    chromium.set_window_size(1366, 900)
    assert unquote(_enter(chromium, server, "格尔木")).endswith("/agencies/?find=格尔木")
    links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-finder-results a"))
    assert sorted(a.text for a in links) == ["格尔木市人民政府", "格尔木市数据局"]
    # one agency matched better than the others: it is the one opened
    assert "/a/qinghai-haixi-geermu-renminzhengfu/" in _enter(chromium, server, "格尔木市人民政府")


def _compare_view(chromium, server, query: str) -> tuple[list[str], str, str]:
    """The compare page at ``query``: its table's body rows, the chart box's text, the CSV download's text."""
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?" + query)
    rows = _wait(lambda: [r.text for r in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])
    csv = chromium.execute_script("return fetch(document.getElementById('xxgk-compare-csv').href).then("
                                  "function (r) { return r.text(); })")
    return rows, chromium.find_element("id", "xxgk-compare-chart").text, csv


def test_an_agency_named_twice_in_a_compare_address_is_shown_and_downloaded_once(server, chromium):
    # (audit 25 F: two identical series, two table rows, and every value twice in the CSV)
    huangzhong = "qinghai-xining-huangzhong-renminzhengfu"
    rows, _, csv = _compare_view(chromium, server, f"agencies={huangzhong},{huangzhong}&metric=received&year=2025")
    assert len(rows) == 1 and rows[0].startswith("湟中区人民政府"), rows
    assert len(chromium.find_elements("css selector", "#xxgk-compare-chosen li")) == 1
    assert [line.split(",")[0] for line in csv.strip().splitlines()[1:]] == [huangzhong]


def test_the_empty_chart_of_a_range_names_each_reason_its_table_gives(server, chromium):
    # (audit 25 G: 海城市数据局 has no 2024 report and its 2025 share is 无从计算; the chart box said
    # 无报告：本站没有所选机构2024–2025年的报告。 above a table listing its 2025 report)
    rows, said, _ = _compare_view(chromium, server, "agencies=liaoning-anshan-haicheng-shujuju&metric=granted_share"
                                  "&year=2024-2025")
    assert rows == ["海城市数据局 无报告 无从计算"], rows
    assert "本站没有所选机构" not in said, said
    assert "无报告" in said and "无从计算" in said, said


def test_a_range_chart_says_why_a_point_is_missing_and_its_line_broken(server, chromium):
    # (audit 25 D: 格尔木市人民政府 has a 2024 report only, 湟中区人民政府 a 2025 one: each series a lone dot, and
    # nothing on the page said why the other year had no point)
    _compare_view(chromium, server, "agencies=qinghai-haixi-geermu-renminzhengfu,"
                  "qinghai-xining-huangzhong-renminzhengfu&metric=received&year=2024-2025")
    status = chromium.find_element("id", "xxgk-compare-status").text
    assert "折线在该年度断开、不补值" in status and "见下表" in status, status
    # one agency drawn in every year of its range: nothing is missing, nothing said
    _compare_view(chromium, server, "agencies=qinghai-haixi-geermu-renminzhengfu&metric=received&year=2024")
    assert "断开" not in chromium.find_element("id", "xxgk-compare-status").text


def test_a_quality_address_naming_a_province_without_reports_says_so(server, chromium):
    # (audit 25: /quality/?province=河北省 showed every report under 全部省份, nothing said, the address still naming
    # 河北省 — a shared link read as 河北's problems)
    from urllib.parse import unquote

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=河北省&year=2025")
    status = chromium.find_element("css selector", ".xxgk-province-pick [role=status]")
    said = _wait(lambda: status.text)
    assert "网址中的省份“河北省”在本页没有报告，已略去。" in said and "只显示2025年度的" in said, said
    assert "河北" not in unquote(chromium.current_url) and "year=2025" in chromium.current_url
    chromium.find_element("id", "xxgk-year").send_keys("全部年度")  # the reader chooses: the note has done its work
    _wait(lambda: "网址中的" not in status.text)


def _printed(chromium, css: str) -> list[str]:
    """The text of each element matching ``css`` that is displayed when the page is laid out for print."""
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        return chromium.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0])).filter(function (e) {"
            "  return e.getClientRects().length > 0; }).map(function (e) { return e.textContent.trim(); });", css)
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_filtered_quality_page_prints_what_it_shows(server, chromium):
    # (audit 25: the province pick was left off paper whole: a quality page filtered to 青海省 printed its reports under
    # 数据质量：全部问题 with nothing saying the others were hidden)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=青海省")
    _wait(lambda: chromium.find_element("css selector", ".xxgk-province-pick [role=status]").text)
    assert any(t.startswith("只显示青海省的") for t in _printed(chromium, ".xxgk-province-status")), "not printed"
    assert _printed(chromium, ".xxgk-province-pick select") == []  # the menus stay off paper
    chromium.get(server + "/quality/")  # nothing chosen: nothing of the pick prints
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-province-pick:not([hidden])"))
    assert _printed(chromium, ".xxgk-province-pick") == []


def test_a_view_of_shares_all_without_a_base_says_so_once(server, chromium):
    # (audit 25 K: 昌吉市行政审批局 and 海城市数据局 handled no request in 2025: the status and the empty chart's box
    # said “无从计算”：比例的分母为0… one above the other)
    _compare_view(chromium, server, "agencies=xinjiang-changji-changji-xingzhengshenpiju,"
                  "liaoning-anshan-haicheng-shujuju&metric=granted_share&year=2025")
    page = chromium.find_element("css selector", "article").text
    assert page.count("比例的分母为0") == 1, page
