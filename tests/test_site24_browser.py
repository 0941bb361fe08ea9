"""Site audit 24, a reader's journeys walked in headless Chromium: Enter in the header search once report hits are
listed, the pages that read the site's JSON when it does not load, the licence line of a printed page, a measure
whose two template editions are not comparable on the compare page, and how many reports hold the words searched."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def served_site(indexed_site):
    """The seeds' site with its full-text index (``built_site`` has none): one site for the whole module."""
    return indexed_site


def _severe(chromium) -> list[str]:
    return [e["message"] for e in chromium.get_log("browser") if e["level"] == "SEVERE"]


def _header_search(chromium, server, words: str):
    """The header's search box on the agency index, ``words`` typed and both parts of its results listed."""
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/agencies/")
    chromium.find_element("css selector", ".md-search__input").click()
    box = chromium.find_element("css selector", "input.md-search__input")
    box.send_keys(words)
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-agency-hits a.xxgk-agency-hit"))
    _wait(lambda: chromium.find_elements("css selector", ".xxgk-fulltext-hits a.xxgk-fulltext-hit"), 20)
    return box


def test_enter_in_the_header_search_opens_the_agency_once_report_hits_are_listed(server, chromium):
    # (audit 24 A: Material's Enter read a score from every result link and threw on the count line's 全部列出 →;
    # the form was sent: /agencies/?query=湟中, the box empty, a TypeError in the console)
    from selenium.webdriver.common.keys import Keys

    box = _header_search(chromium, server, "湟中")
    chromium.get_log("browser")  # what loading left
    box.send_keys(Keys.ENTER)
    _wait(lambda: "/a/qinghai-xining-huangzhong-renminzhengfu/" in chromium.current_url)
    assert "query=" not in chromium.current_url
    assert _severe(chromium) == []


def _blocked(chromium, patterns: list[str]) -> None:
    """Requests matching ``patterns`` fail as a dropped connection would (``[]``: none)."""
    chromium.execute_cdp_cmd("Network.enable", {})
    chromium.execute_cdp_cmd("Network.setBlockedURLs", {"urls": patterns})


NOT_LOADED = "未能加载"


def test_a_json_file_that_does_not_load_is_said_and_asked_for_again(server, chromium):
    # (audit 24 B: the compare page, the agency finder and the header stayed empty and silent, an uncaught error in
    # the console, and the failed request was kept: no later choice asked again)
    from selenium.webdriver.support.ui import Select

    chromium.set_window_size(1366, 900)
    try:
        _blocked(chromium, ["*json/agencies.json"])
        chromium.get(server + "/compare/")
        # (waited for, not the first words: the line says its data are loading until they fail, session 43)
        assert _wait(lambda: NOT_LOADED in chromium.find_element("id", "xxgk-compare-status").text)
        chromium.get(server + "/agencies/?find=湟中")
        assert NOT_LOADED in _wait(lambda: chromium.find_element("id", "xxgk-agency-finder-status").text)
        _blocked(chromium, ["*json/m/granted_share.json"])  # one measure's values
        chromium.get(server + "/compare/?metric=received&year=2025")
        _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
        Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("granted_share")
        status = chromium.find_element("id", "xxgk-compare-status")
        assert NOT_LOADED in _wait(lambda: status.text)
        # the previous measure's chart, table and CSV are not left under the new choice
        assert not chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")
        assert not chromium.find_element("id", "xxgk-compare-csv").is_displayed()
        _blocked(chromium, [])  # the connection is back: choosing again loads it
        Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("received")
        Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("granted_share")
        # (the measure's table once its values have loaded: the first table shown could still be 本年新收's, chosen
        # just before; waiting for any table read that one, on a loaded machine: session 36)
        _wait(lambda: any(h.text.startswith("予以公开比例")
                          for h in chromium.find_elements("css selector", "#xxgk-compare-table thead th")))
        assert NOT_LOADED not in status.text
    finally:
        _blocked(chromium, [])


# every footer element that holds text of its own, with its colour as laid out for print
FOOTER_TEXTS = """return Array.from(document.querySelectorAll('.md-footer *')).filter(function (e) {
  return Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
}).map(function (e) {
  var c = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);
  return {text: e.textContent.trim().slice(0, 60), rgb: c.slice(0, 3), alpha: c.length > 3 ? c[3] : 1};
});"""


def test_a_printed_page_prints_its_licence_sentence_in_ink(server, chromium):
    # (audit 24 C: 数据以 … 发布；报告原文版权归各发布机关。 kept Material's white on paper: only the link printed)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/agencies/")
    _wait(lambda: chromium.find_elements("css selector", ".md-copyright__highlight"))
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    def inked():  # dark on white paper: no channel above 100 (Material's footer text is white, 255 at 0.85)
        texts = chromium.execute_script(FOOTER_TEXTS)
        return all(max(t["rgb"]) <= 100 and t["alpha"] > 0.5 for t in texts) and texts

    try:
        texts = _wait(inked, 5)  # (links fade to their print colour: Material's colour transition)
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert any("报告原文版权归各发布机关" in t["text"] for t in texts), texts


def test_the_compare_page_says_a_share_of_nothing_apart_from_a_missing_number(server, chromium):
    # (audit 24: 昌吉市行政审批局 and 海城市数据局 handled 0 requests; their 予以公开比例 read 无数据, "报告中没有该数
    # 或未能读出")
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?agencies=xinjiang-changji-changji-xingzhengshenpiju,"
                 "qinghai-haixi-geermu-shujuju&metric=granted_share&year=2025")
    rows = _wait(lambda: {tr.find_element("css selector", "th").text: tr.find_element("css selector", "td").text
                          for tr in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")})
    # its table 三 is absent (session 38: the reason said, metric_values.missing)
    assert rows == {"昌吉市行政审批局": "无从计算", "格尔木市数据局": "无数据（此表未能读出）"}, rows
    status = chromium.find_element("id", "xxgk-compare-status").text
    assert "“无从计算”：比例的分母为0" in status, status
    assert "“无数据（此表未能读出）”：计算所需的表格本站未能读出" in status, status
    link = chromium.find_element("id", "xxgk-compare-csv")
    text = chromium.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0].href).then(function (r) { return r.text(); }).then(done);", link)
    changji = next(line for line in text.splitlines() if line.startswith("xinjiang-changji"))
    # (its 说明; the report page's address follows it since audit 26)
    assert ",比例的分母为0（如该年度没有办理申请），没有这个比例（不是缺失，也不是0）,http" in changji, changji
    chromium.get(server + "/compare/?agencies=xinjiang-changji-changji-xingzhengshenpiju&metric=granted_share"
                 "&year=2025")  # nothing to draw: the chart says why
    chart = _wait(lambda: chromium.find_element("id", "xxgk-compare-chart").text)
    assert chart.startswith("无从计算：比例的分母为0"), chart


def test_a_search_address_lists_the_agencies_and_reports_of_its_words(server, chromium):
    # (audit 24 G: Material fills its box from ?q= with no input event: /?q=湟中 listed its page hits only)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/agencies/?q=湟中")
    hits = _wait(lambda: chromium.find_elements("css selector", ".xxgk-agency-hits a.xxgk-agency-hit"))
    assert [h.text.split("\n")[0] for h in hits] == ["湟中区人民政府"]
    assert _wait(lambda: chromium.find_elements("css selector", ".xxgk-fulltext-hits a.xxgk-fulltext-hit"), 20)


def test_a_report_pages_check_categories_stay_on_one_line_on_a_phone(server, chromium):
    # (audit 24 H: at 390 px 正文与表格 broke as 正文与表 / 格 beside the wide verdict column)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/a/qinghai-xining-huangzhong-renminzhengfu/2025.html")
    cells = chromium.find_elements("css selector", ":is(th, td) a[href*='checks/#']")  # (a category heads its row)
    assert len(cells) >= 6
    heights = chromium.execute_script(
        "return arguments[0].map(a => [a.textContent, a.getClientRects().length]);", cells)
    assert [name for name, lines in heights if lines != 1] == []
