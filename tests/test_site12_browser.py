"""Round 5 of a reader's journeys, in Chromium: the report's CSV heads its columns in Chinese too, the quality page's
lists by finding code follow the province filter, and the ranking reads on a phone without scrolling sideways."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import Select

from .conftest import SHOTS, needs_chromium, report_csv_rows, report_page_files
from .conftest import wait_for as _wait
from .test_accessibility import _viewport
from .test_site11_browser import QINGHAI, _agency, downloading  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, needs_chromium]


def test_the_report_csv_heads_each_column_with_its_chinese_title_and_its_code_as_the_data_page_says(
        built_site, server, downloading):  # noqa: F811
    page = next(p for p in report_page_files(built_site) if "法人或其他组织" in p.read_text(encoding="utf-8"))
    rows = report_csv_rows(downloading, server + "/" + page.relative_to(built_site).as_posix())
    # before: table,table_zh,key1_zh,key2_zh,value,line — codes a spreadsheet user cannot read
    assert rows[0] == ["表（table）", "表名（table_zh）", "行（key1_zh）", "列（key2_zh）", "数值（value）",
                       "原文行号（line）", "勾稽关系（identity）", "报告编号（report_id）", "源文件（source_file）"]
    codes = [c.split("（")[-1].rstrip("）") for c in rows[0]]  # what the data page tells a script to do
    assert codes == ["table", "table_zh", "key1_zh", "key2_zh", "value", "line", "identity", "report_id", "source_file"]
    assert all(len(r) == 9 for r in rows) and rows[1][0] in {"active_disclosure", "applications"}  # one header row
    downloading.get(server + "/data/")
    codes_shown = downloading.find_elements("css selector", "#report-csv code")
    documented = [c.text for c in codes_shown if "（table）" in c.text]
    assert documented == [",".join(rows[0])]


# what the reader sees of each cell of a row: its label (the ::before of a card's cell) and its text, cells out of
# sight (1 px, for screen readers) left out
SEEN = ("return Array.from(arguments[0].cells).filter(function (c) { return c.offsetWidth > 1; })"
        ".map(function (c) { var b = getComputedStyle(c, '::before').content.split(' / ')[0];"
        " return (b.charAt(0) === String.fromCharCode(34) ? JSON.parse(b) : '') + c.textContent.trim(); });")


def _seen(chromium, row) -> list[str]:
    return chromium.execute_script(SEEN, row)


def _rows_of(chromium, table) -> list:
    return [tr for tr in table.find_elements("css selector", "tbody tr") if tr.is_displayed()]


def test_the_quality_pages_lists_by_code_follow_the_province_filter(server, chromium):
    _viewport(chromium, "desktop")
    chromium.get(server + "/quality/")
    select = _wait(lambda: [s for s in chromium.find_elements("id", "xxgk-province") if s.is_displayed()])[0]
    # (the 发布月份 table of audit 32 has a 省份 column too: counts, not reports, data-xxgk-tally)
    by_code = [t for t in chromium.find_elements("css selector", "article table:not([data-xxgk-tally])")
               if t.get_attribute("id") != "xxgk-by-agency" and "省份" in t.find_element("css selector", "thead").text]
    assert by_code  # before: the lists by code had no province, and the filter left them whole
    before = [_agency(tr.find_element("css selector", "td a").text) for t in by_code for tr in _rows_of(chromium, t)]
    assert any(a not in QINGHAI for a in before), before
    for t in by_code[::2]:  # as pages.quality marks a list of the first QUALITY_ROWS_PER_CODE findings only
        chromium.execute_script("arguments[0].setAttribute('data-xxgk-partial', '')", t)
    Select(select).select_by_visible_text("青海省")
    shown = [_agency(tr.find_element("css selector", "td a").text) for t in by_code for tr in _rows_of(chromium, t)]
    notes = [p.text for p in chromium.find_elements("css selector", ".xxgk-province-none") if p.is_displayed()]
    assert notes and all("没有青海省的报告" in n or n == "青海省没有报告有此类问题。" for n in notes), notes
    # a list that holds only the first findings does not say the province has none: its first ones have none
    assert any(n.startswith("本表所列的前") and "findings.csv" in n for n in notes), notes
    assert shown and set(shown) <= QINGHAI, shown
    status = chromium.find_element("css selector", ".xxgk-province-status").text
    by_report = chromium.find_element("id", "xxgk-by-agency")
    listed = {tr.find_element("css selector", "th a").get_attribute("href")  # (the report heads its row: th)
              for tr in _rows_of(chromium, by_report)}
    assert f"只显示青海省的 {len(listed)} 份报告" in status, status  # a report in several lists is counted once


def test_the_ranking_reads_on_a_phone_without_scrolling_sideways_and_stays_a_table(server, chromium):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/report-card/")
        table = _wait(lambda: chromium.find_elements("css selector", "table[data-cards]"))[0]
        box = chromium.execute_script(
            "var t = arguments[0], b = t.closest('.md-typeset__scrollwrap') || t;"
            "return [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth];", table)
        chromium.save_screenshot(str(SHOTS / "site12-ranking-390.png"))
        # before: thirteen columns, 1,025 px in a 390 px box
        assert box[0] <= box[1] + 1 and box[2] <= 390, box
        row = next(tr for tr in _rows_of(chromium, table) if "湟中区" in tr.text)
        seen = _seen(chromium, row)
        assert "湟中区人民政府 2025年度" in seen and "得分 80" in seen and "内部一致 2" in seen, seen
        assert not any(s.startswith("可读性") for s in seen), seen  # a count of 0 is left out of sight
        link = row.find_element("css selector", "td a")
        assert link.location["x"] < 60 and link.size["width"] < 390  # on the card's first line, not off screen
        roles = chromium.execute_script(  # the semantics a screen reader reads, whatever the phone's layout
            "var t = arguments[0]; return [t.getAttribute('role'), t.rows[1].getAttribute('role'),"
            " t.tHead.rows[0].cells[3].getAttribute('role'), t.rows[1].cells[3].getAttribute('role'),"
            " t.rows[1].cells.length, t.tHead.rows[0].cells.length];", table)
        assert roles[:4] == ["table", "row", "columnheader", "cell"] and roles[4] == roles[5], roles
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_on_a_phone_the_quality_pages_short_tables_fit_the_screen(server, chromium):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/quality/")
        _wait(lambda: chromium.find_elements("css selector", ".md-typeset__scrollwrap"))
        boxes = chromium.execute_script(
            "return Array.from(document.querySelectorAll('article table')).map(function (t) {"
            " var b = t.closest('.md-typeset__scrollwrap') || t; return [t.rows[0].cells.length, b.scrollWidth,"
            " b.clientWidth]; });")
        # before: Material's 5rem per header made the four columns 434 px: 数量, the number, off screen to the right
        assert boxes and all(w <= c + 1 for n, w, c in boxes if n <= 4), boxes
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_on_a_desktop_the_agency_index_fits_its_column(server, chromium):
    _viewport(chromium, "desktop")
    try:
        chromium.get(server + "/agencies/")
        table = _wait(lambda: chromium.find_elements("id", "xxgk-agencies"))[0]
        box = chromium.execute_script("var b = arguments[0].closest('.md-typeset__scrollwrap') || arguments[0];"
                                      "return [b.scrollWidth, b.clientWidth];", table)
        assert box[0] <= box[1] + 1, box  # before: 734 px in 720, the last column's numbers cut at the edge
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_on_a_phone_an_agencys_years_read_as_cards_with_their_problem_counts(server, chromium):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/a/qinghai-xining-huangzhong-renminzhengfu/")
        table = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-years[data-cards]"))[0]
        box = chromium.execute_script("var b = arguments[0].closest('.md-typeset__scrollwrap') || arguments[0];"
                                      "return [b.scrollWidth, b.clientWidth];", table)
        # before: six columns, 634 px in a 390 px box: 问题数 and 发布日期 out of sight to the right
        assert box[0] <= box[1] + 1, box
        row = _rows_of(chromium, table)[0]
        seen = _seen(chromium, row)
        assert "2025年度报告" in seen and any(s.startswith("问题数（含提示） ") for s in seen), seen
        assert any(s.startswith("新收申请（件） ") for s in seen), seen  # a 0 here would be a value: shown
        chromium.save_screenshot(str(SHOTS / "site12-agency-years-390.png"))
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
