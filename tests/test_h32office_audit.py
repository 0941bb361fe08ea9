"""Audit 32 of a transparency office's and a researcher's tasks on the quality page, the report card and the compare
page, on one small site: four departments of 青海省 (three of 西宁市: one published in January, one in February,
late, one without a date; one of 海西州, published in March, late), each with a 2023 report too, and a fifth
department of 西宁市 with a 2023 report only, its 新收申请 total printed "/" and no date."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium, read_page, site_of
from .conftest import wait_for as _wait
from .factory import tab_report

AGENCIES = {  # file: (agency, city, 2024 report's date line, carried_forward of 2024: new = 5 + it)
    "xa": ("西宁市教育局", "西宁市", "2025年1月20日", 0),
    "xb": ("西宁市民政局", "西宁市", "2025年2月8日", 3),
    "xc": ("西宁市财政局", "西宁市", "", 3),
    "hd": ("格尔木市数据局", "海西蒙古族藏族自治州", "2025年3月5日", 7),
}


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site32office")
    reports = work / "reports"
    reports.mkdir()
    manifest = ["file,agency,year,url,retrieved_at,notes,province,city,county"]
    for name, (agency, city, date, forward) in AGENCIES.items():
        (reports / f"{name}.txt").write_text(tab_report(agency=agency, published=date, carried_forward=forward),
                                             encoding="utf-8")
        (reports / f"{name}23.txt").write_text(tab_report(agency=agency, year=2023, published="2024年1月10日"),
                                               encoding="utf-8")
        manifest += [f"{name}.txt,{agency},2024,,,,青海省,{city},", f"{name}23.txt,{agency},2023,,,,青海省,{city},"]
    # a 2023 report whose 新收 total is printed "/": a report of the year without the league's value, and no date
    (reports / "xe23.txt").write_text(tab_report(agency="西宁市交通运输局", year=2023, cell="/", column=6),
                                      encoding="utf-8")
    manifest.append("xe23.txt,西宁市交通运输局,2023,,,,青海省,西宁市,")
    (reports / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return site_of(reports, work)


def _rows(page: str, table_id: str) -> list[dict[str, str]]:
    """The rows of table ``table_id`` of ``page`` (HTML) as {header: cell text}."""
    import lxml.html

    table = lxml.html.fromstring(page).get_element_by_id(table_id)
    heads = [th.text_content().strip() for th in table.xpath("./thead/tr/th")]
    return [dict(zip(heads, (c.text_content().strip() for c in tr.xpath("./td|./th")), strict=True))
            for tr in table.xpath("./tbody/tr")]


# -- 1. when a region's agencies published, month by month -------------------------------------------------------------

def test_the_quality_page_counts_each_citys_reports_by_month_of_publication(served_site):
    # (audit 32: an office saw its late reports one finding at a time, never when its departments published; a
    # report without a date must be said as such, never counted in a month nor as on time)
    rows = _rows(read_page(served_site / "quality" / "index.html"), "xxgk-months-table")
    by = {(r["省份"], r["城市"], r["年度"], r["类别"]): r for r in rows}
    xining = by["青海省", "西宁市", "2024", "政府部门"]
    assert (xining["次年1月"], xining["次年2月"], xining["次年3月"]) == ("1", "1", "0")
    assert (xining["日期不详"], xining["逾期"], xining["合计"]) == ("1", "1", "3")  # the dateless one: not late, not 0
    whole = by["青海省", "全省合计", "2024", "政府部门"]
    assert (whole["次年1月"], whole["次年2月"], whole["次年3月"], whole["逾期"], whole["合计"]) == (
        "1", "1", "1", "2", "4")
    assert by["青海省", "全省合计", "2023", "政府部门"]["次年1月"] == "4"  # every dated 2023 report in January
    assert by["青海省", "西宁市", "2023", "政府部门"]["日期不详"] == "1"
    assert by["青海省", "海西蒙古族藏族自治州", "2024", "政府部门"]["逾期"] == "1"


@pytest.mark.browser
@needs_chromium
def test_a_citys_office_narrows_the_months_to_its_city_and_its_rows_are_not_counted_as_reports(server, chromium):
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/?province=青海省&city=西宁市")
    status = _wait(lambda: chromium.find_element("css selector", ".xxgk-province-status").text)
    shown = [r for r in chromium.find_elements("css selector", "#xxgk-months-table tbody tr") if r.is_displayed()]
    assert shown and {r.find_element("css selector", "td:nth-child(2)").get_attribute("textContent")
                      for r in shown} == {"西宁市"}
    links = chromium.execute_script(
        "return new Set(Array.from(document.querySelectorAll('article table tbody tr'))"  # (the lists the menus narrow)
        ".filter(function (r) { return !r.hidden && r.querySelector('a[href]') && r.querySelector('td[data-city]'); })"
        ".map(function (r) { return r.querySelector('a[href]').getAttribute('href'); })).size")
    assert status.startswith(f"只显示青海省 西宁市的 {links} 份报告"), (status, links)  # month rows: not reports
    # a phone reads each row as a card, nothing scrolled sideways; a month without a report is left unsaid
    assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390
    cells = {c.get_attribute("data-label"): c for c in shown[0].find_elements("css selector", "td")}
    assert cells["日期不详"].is_displayed() and cells["日期不详"].text == "1"  # (a card: each value after its name)
    assert cells["次年4月"].get_attribute("textContent") == "0" and cells["次年4月"].size["width"] <= 1


# -- 2. the compare page's league on a phone, and its sort in a shared address -----------------------------------------

def _league(chromium) -> list:
    return _wait(lambda: chromium.find_elements("css selector", "#xxgk-league-table tbody tr"))


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("width", [390, 320])
def test_on_a_phone_the_league_is_cards_with_its_sort_at_hand_and_nothing_scrolls_sideways(server, chromium, width):
    # (audit 32: its six columns scrolled sideways in their box at 390 px, the value ranked and the region out of sight
    # behind the sort buttons that were its column headers)
    chromium.set_window_size(width, 844)
    chromium.get(server + "/compare/?lmetric=received&lyear=2024")
    rows = _league(chromium)
    chromium.execute_script("arguments[0].scrollIntoView()", rows[0])
    inner = chromium.execute_script("return document.documentElement.clientWidth")
    assert chromium.execute_script("return document.documentElement.scrollWidth") <= inner
    box = chromium.find_element("css selector", "#xxgk-league-table .xxgk-scroll")
    assert chromium.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", box)
    for row in rows:  # every value in view, after its column's name
        right = chromium.execute_script("return Math.max.apply(null, Array.from(arguments[0].cells).map("
                                        "function (c) { return c.getBoundingClientRect().right; }))", row)
        assert right <= inner, (row.text, right, inner)
    cells = {c.get_attribute("data-label"): c.text for c in rows[0].find_elements("css selector", "td")}
    assert cells["名次"] == "1" and cells["地区"].startswith("青海省"), cells
    sort = chromium.find_element("xpath", "//*[@id='xxgk-league-table']//thead//button[normalize-space()='机构']")
    assert sort.is_displayed()  # the sort buttons are a line above the cards
    # ties share a rank, and the next rank skips (12, 8, 8, 5: 1, 2, 2, 4)
    ranks = [r.find_element("css selector", "td[data-label='名次']").text for r in rows]
    assert ranks == ["1", "2", "2", "4"], ranks


@pytest.mark.browser
@needs_chromium
def test_a_sorted_league_shared_by_its_address_reopens_sorted_and_a_desktop_keeps_the_table(server, chromium):
    # (audit 32: a researcher sorted the league by 机构 and shared the address; it reopened in rank order)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?lmetric=received&lyear=2024")
    _league(chromium)
    row = chromium.find_element("css selector", "#xxgk-league-table tbody tr")
    assert row.value_of_css_property("display") == "table-row"  # a table of columns on a desktop, as before
    chromium.find_element("xpath", "//*[@id='xxgk-league-table']//thead//button[normalize-space()='机构']").click()
    chromium.find_element("xpath", "//*[@id='xxgk-league-table']//thead//button[normalize-space()='机构']").click()
    names = [r.find_element("css selector", "th").text for r in _league(chromium)]
    address = chromium.current_url
    assert "lsort=1-desc" in address and "lmetric=received" in address, address
    chromium.get(server + "/")
    chromium.get(address)
    _wait(lambda: [r.find_element("css selector", "th").text for r in _league(chromium)] == names)
    head = chromium.find_elements("css selector", "#xxgk-league-table thead th")[1]
    assert head.get_attribute("aria-sort") == "descending"
    chromium.get(server + "/compare/?lmetric=received&lyear=2024&lsort=9-up")  # a sort the table lacks: rank order
    ranks = [r.find_element("css selector", "td").text for r in _league(chromium)]
    assert ranks == ["1", "2", "2", "4"], ranks


@pytest.mark.browser
@needs_chromium
def test_the_league_says_how_many_agencies_of_the_year_have_no_value_and_does_not_rank_them(server, chromium):
    # (audit 32: a league of 4 agencies with a value read as if the fifth, whose report prints its total as "/", had
    # no report: it was left out in silence; a missing value must never rank, as 0 or otherwise)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?lmetric=received&lyear=2023")
    names = [r.find_element("css selector", "th").text for r in _league(chromium)]
    assert "西宁市交通运输局" not in names and len(names) == 4, names
    status = chromium.find_element("id", "xxgk-league-status").text
    assert "另有 1 个机构有该年报告但没有该指标的数值" in status and "不参加排名" in status, status
    chromium.get(server + "/compare/?lmetric=received&lyear=2024")  # every agency of 2024 has its value
    _league(chromium)
    assert "另有" not in chromium.find_element("id", "xxgk-league-status").text


def test_a_report_without_a_year_is_a_row_whose_months_are_unknown_not_zero():
    # (audit 32: the reports of no year were left out of the 发布月份 table: a province whose only report named no
    # year had an empty table; a month after an unknown year is not known, never 0)
    from xxgk.site.publication_months import months_section, tally

    rows = [{"report_id": "a", "year": "", "published_date": "2025-02-08", "kind": "department"},
            {"report_id": "b", "year": "", "published_date": "", "kind": "department"}]
    html = months_section(tally(rows, {}, {}, lambda r: ("地区未知", "")), {"department": "政府部门"}, "年度", "省份")
    got = _rows(html, "xxgk-months-table")
    assert len(got) == 1 and got[0]["年度"] == "年度不详", got
    assert got[0]["次年1月"] == got[0]["次年2月"] == "—" and got[0]["日期不详"] == "1" and got[0]["合计"] == "2", got


@pytest.mark.browser
@needs_chromium
def test_a_sorted_comparison_shared_by_its_address_reopens_sorted(served_site, server, chromium):
    # (audit 32: a researcher sorted the comparison of four agencies × two years by 2024 and shared the address: it
    # reopened in its own order, the sort lost)
    import json

    ids = ",".join(sorted(a["id"] for a in json.loads((served_site / "json" / "agencies.json").read_text(
        encoding="utf-8"))["agencies"] if a["n"] != "西宁市交通运输局"))
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={ids}&metric=received&year=2023-2024")
    rows = "#xxgk-compare-table tbody tr"
    _wait(lambda: len(chromium.find_elements("css selector", rows)) == 4)
    chromium.find_element("xpath", "//*[@id='xxgk-compare-table']//thead//button[normalize-space()='2024年']").click()
    chromium.find_element("xpath", "//*[@id='xxgk-compare-table']//thead//button[normalize-space()='2024年']").click()
    names = [r.find_element("css selector", "th").text for r in chromium.find_elements("css selector", rows)]
    assert names[0] == "格尔木市数据局" and names[-1] == "西宁市教育局", names  # 12 … 5, descending
    address = chromium.current_url
    assert "sort=2024%E5%B9%B4-desc" in address and "metric=received" in address, address
    chromium.get(server + "/")
    chromium.get(address)
    _wait(lambda: [r.find_element("css selector", "th").text
                   for r in chromium.find_elements("css selector", rows)] == names)
    head = chromium.find_elements("css selector", "#xxgk-compare-table thead th")[2]
    assert head.text.startswith("2024年") and head.get_attribute("aria-sort") == "descending"
