"""Site audit 32b, a reader's journeys walked in headless Chromium (second round of session 32), on one small site:
four departments of 青海省 with a 2024 report each (different 新收 totals and 现行有效规范性文件 counts, so that two
measures order them differently), one of them with reports of 2019, 2023 and 2025 too, and one file named like a
formula."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import draw_charts, needs_chromium, read_page, report_csv_rows, report_page_files, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_h29site_audit import _agency_dir
from .test_site11_browser import downloading  # noqa: F401  (fixture)

# file: (agency, carried_forward: 新收 = 5 + it, 现行有效规范性文件)
AGENCIES = {"xa.txt": ("西宁市教育局", 0, 9), "xb.txt": ("西宁市民政局", 3, 1), "xc.txt": ("西宁市财政局", 7, 4),
            "=hd.txt": ("格尔木市数据局", 1, 6)}


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site32b")
    reports = work / "reports"
    reports.mkdir()
    manifest = ["file,agency,year,url,retrieved_at,notes,province,city,county"]
    overview = "\n".join(f"第{n}项：本机关推进政务公开。" for n in range(30))
    for name, (agency, forward, in_force) in AGENCIES.items():
        (reports / name).write_text(tab_report(agency=agency, carried_forward=forward, in_force=in_force,
                                               narrative=overview), encoding="utf-8")
        city = "海西蒙古族藏族自治州" if name.startswith("=") else "西宁市"
        manifest.append(f"{name},{agency},2024,,,,青海省,{city},")
    for year in (2019, 2023, 2025):  # its charts span seven years, 2019–2025
        (reports / f"xa{year}.txt").write_text(tab_report(agency="西宁市教育局", year=year), encoding="utf-8")
        manifest.append(f"xa{year}.txt,西宁市教育局,{year},,,,青海省,西宁市,")
    (reports / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return site_of(reports, work)


def _report_page(site, agency: str, year: int = 2024) -> str:
    """The site path of ``agency``'s report page of ``year``."""
    for page in report_page_files(site):
        html = read_page(page)
        if "<h1" in html and f"{agency} {year}年度" in html:
            return page.relative_to(site).as_posix()
    raise AssertionError(agency)


# -- 1. on a phone a report's numbers come before its file's facts ----------------------------------------------------

def _top(chromium, selector: str) -> int:
    return chromium.execute_script(
        "var e = document.querySelector(arguments[0]); return e && Math.round(e.getBoundingClientRect().top"
        " + scrollY)", selector)


@pytest.mark.browser
@needs_chromium
def test_on_a_phone_a_reports_file_facts_are_folded_under_one_line_and_the_numbers_come_first(served_site, server,
                                                                                              chromium):
    # (audit 32b: at 390 px the page opened with nine rows of facts, SHA-256 wrapping over three lines, and the first
    # number of table 二 lay two screens down: a reader who came for the numbers scrolled past hashes)
    page = server + "/" + _report_page(served_site, "西宁市教育局")
    chromium.set_window_size(390, 844)
    chromium.get(page)
    _wait(lambda: chromium.find_elements("css selector", "table[data-csv]"))
    hash_cell = chromium.find_element("css selector", "td.xxgk-hash")
    assert not hash_cell.is_displayed()  # folded
    summary = chromium.find_element("css selector", "article details summary")
    # the one line says what is inside, and how the report was read (why a table shows —)
    assert summary.is_displayed() and "SHA-256" in summary.text and "各表均已读取" in summary.text, summary.text
    facts = chromium.execute_script("return document.querySelector('article details').getBoundingClientRect().height")
    assert facts < 120, facts  # one line, not a screen (nine rows were ≈ 460 px)
    # the first section of numbers (报告评估: the score, the report's headline numbers beside its peers') now starts
    # on the first screen (it was at ≈ 1,100 px, under the facts, their note, the links and the citation)
    assert _top(chromium, "article h2") < 844 - 100, _top(chromium, "article h2")
    summary.click()  # one tap: every fact, the hash readable, nothing wider than the screen
    _wait(lambda: hash_cell.is_displayed())
    assert len(hash_cell.text.replace("\n", "")) == 64
    labels = [th.text for th in chromium.find_elements("css selector", "article details th")]
    assert labels[:2] == ["机构", "年度"] and "源文件" in labels and "读取状态" in labels, labels
    assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")


SEEN = ("var e = document.querySelector('article ' + arguments[0]); e.scrollIntoView({block: 'center'});"
        "var r = e.getBoundingClientRect(); if (!r.height) return false;"
        "var at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return !!at && (at === e || e.contains(at));")


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("media", ["screen", "print"])
def test_on_a_desktop_and_on_paper_a_reports_facts_stay_open_with_no_line_to_click(served_site, server, chromium,
                                                                                   media):
    page = server + "/" + _report_page(served_site, "西宁市教育局")
    chromium.set_window_size(1366, 900)
    chromium.get(page)
    _wait(lambda: chromium.find_elements("css selector", "td.xxgk-hash"))
    if media == "print":
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # (selenium's is_displayed calls a closed <details>'s content hidden whatever the CSS shows: ask the page)
        assert chromium.execute_script(SEEN, "td.xxgk-hash") and not chromium.execute_script(SEEN, "details summary")
        first = chromium.find_element("css selector", "article table")  # still the page's first table (tests read it)
        assert first.find_element("css selector", "th").get_attribute("textContent") == "机构"
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# -- 2. each line of a report's CSV says which report it comes from ---------------------------------------------------

@pytest.mark.browser
@needs_chromium
def test_each_line_of_a_reports_csv_names_its_report_and_file_so_merged_csvs_keep_their_source(
        served_site, server, downloading):  # noqa: F811
    # (audit 32b: the CSV's 原文行号 named no file; two reports' CSVs put in one sheet lost which report a line is
    # from. A file named like a formula (=hd.txt) must not run as one in the spreadsheet)
    from xxgk.site.report_csv import HEADER

    reports = {r["report_id"]: r["source_file"] for r in csv.DictReader(io.StringIO(
        (served_site.parent / "datapackage" / "data" / "reports.csv").read_text(encoding="utf-8-sig")))}
    merged = []
    for agency in ("西宁市教育局", "格尔木市数据局"):
        rows = report_csv_rows(downloading, server + "/" + _report_page(served_site, agency))
        assert rows[0][-2:] == ["报告编号（report_id）", "源文件（source_file）"]
        assert [f"{zh}（{code}）" for code, zh in HEADER] == rows[0]  # as the data page documents it
        merged += [dict(zip([c.split("（")[-1].rstrip("）") for c in rows[0]], r, strict=True)) for r in rows[1:]]
    files = {r["source_file"] for r in merged}
    assert files == {"xa.txt", "'=hd.txt"}, files  # the formula-like name made inert, still readable
    ids = {r["report_id"] for r in merged}
    assert len(ids) == 2 and all(r["report_id"] and r["line"] for r in merged if r["value"])
    assert all(reports[r["report_id"]] == r["source_file"] for r in merged)  # each id finds its report's file
    downloading.get(server + "/data/")
    said = downloading.find_element("id", "report-csv").text
    assert "报告编号（report_id）" in said and "源文件（source_file）" in said and "报告编号" in said


# -- 3. the comparison keeps its sort by value when the measure changes -----------------------------------------------

@pytest.mark.browser
@needs_chromium
def test_a_one_year_comparison_sorted_by_value_stays_sorted_when_the_measure_changes(served_site, server, chromium):
    # (audit 32b: a researcher sorted four agencies by 新收申请 descending and switched to 现行有效规范性文件: the
    # table fell back to its own order, its value column unsorted, because the sort was kept by the column's name)
    from selenium.webdriver.support.ui import Select

    ids = ",".join(sorted(a["id"] for a in json.loads((served_site / "json" / "agencies.json").read_text(
        encoding="utf-8"))["agencies"]))
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={ids}&metric=received&year=2024")
    rows = "#xxgk-compare-table tbody tr"

    def names():
        return [r.find_element("css selector", "th").text for r in chromium.find_elements("css selector", rows)
                if r.find_element("css selector", "th").text != "同类组中位数"]

    _wait(lambda: len(names()) == 4)
    value = "//*[@id='xxgk-compare-table']//thead//th[2]//button"
    received = chromium.find_element("xpath", value).text  # 新收…（件）: how an address named the column before
    chromium.find_element("xpath", value).click()
    chromium.find_element("xpath", value).click()
    assert names() == ["西宁市财政局", "西宁市民政局", "格尔木市数据局", "西宁市教育局"]  # 12, 8, 6, 5
    Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("normative_in_force")
    _wait(lambda: "规范性文件" in chromium.find_element("css selector", "#xxgk-compare-table thead").text)
    _wait(lambda: names() == ["西宁市教育局", "格尔木市数据局", "西宁市财政局", "西宁市民政局"])  # 9, 6, 4, 1
    head = chromium.find_elements("css selector", "#xxgk-compare-table thead th")[1]
    assert head.get_attribute("aria-sort") == "descending"
    address = chromium.current_url  # shared, it reopens sorted (and an older address naming the measure still does)
    chromium.get(server + "/")
    chromium.get(address)
    _wait(lambda: names() == ["西宁市教育局", "格尔木市数据局", "西宁市财政局", "西宁市民政局"])
    chromium.get(server + f"/compare/?agencies={ids}&metric=received&year=2024&sort={received}-asc")
    _wait(lambda: names() == ["西宁市教育局", "格尔木市数据局", "西宁市民政局", "西宁市财政局"])


# -- 4. on a phone a chart's years read one by one ---------------------------------------------------------------------

@pytest.mark.browser
@needs_chromium
def test_on_a_phone_seven_years_under_a_chart_are_turned_so_that_each_reads_apart(served_site, server, chromium):
    # (audit 32b: at 390 px plotly turns the year labels only once they overlap; the agency page's reasons and
    # review charts left 2019年 … 2025年 flat, 2–3 px apart, reading 2019年2020年2021年 as one word)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/" + _agency_dir(served_site, "西宁市教育局"))
    charts = draw_charts(chromium)
    seen = chromium.execute_script(
        "return arguments[0].map(function (c) {"
        "  var t = Array.from(c.querySelectorAll('.xtick text')), gaps = [];"
        "  for (var i = 1; i < t.length; i++)"
        "    gaps.push(t[i].getBoundingClientRect().left - t[i - 1].getBoundingClientRect().right);"
        "  return [t.length, /rotate\\(/.test(t.length ? t[0].getAttribute('transform') || '' : ''),"
        "          gaps.length ? Math.min.apply(null, gaps) : 99]; });", charts)
    wide = [s for s in seen if s[0] == 7]
    assert len(wide) >= 4, seen  # the charts of the seven years
    assert all(turned or gap >= 8 for _, turned, gap in wide), seen  # turned, or flat with a space between
    chromium.set_window_size(1366, 900)  # a desktop keeps them flat: they have room
    chromium.get(server + "/" + _agency_dir(served_site, "西宁市教育局"))
    charts = draw_charts(chromium)
    assert not any(chromium.execute_script(
        "return arguments[0].map(function (c) { var t = c.querySelector('.xtick text');"
        " return !!t && /rotate\\(/.test(t.getAttribute('transform') || ''); });", charts))


# -- 5. the header search's 页面 results quote words, not cells run together or a menu's options ---------------------

def test_the_page_search_index_keeps_table_cells_apart_and_leaves_menus_out(served_site):
    # (audit 32b: a search for 平潭 2023 in the header listed, under 页面, the home page's latest reports as
    # 平潭综合实验区20232024-03-08 (a year and a date read as one number) and the compare page's every menu option,
    # 指标：本年新收申请（件）上年结转申请（件）…, the same for any measure's name searched)
    docs = json.loads((served_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {d["location"]: d["text"].replace("\u200b", "") for d in docs}  # (less the segmenter's zero-width spaces)
    latest = next(t for where, t in text.items() if where.startswith("#") and "西宁市教育局" in t)
    assert "西宁市教育局 2025" in latest and "西宁市教育局2025" not in latest, latest
    compare = " ".join(t for where, t in text.items() if where.startswith("compare/"))
    assert "指标：" in compare  # the page is indexed, its words kept
    assert "上年结转申请（件）" not in compare and "办理总计" not in compare, compare  # the menus' options
    # the served page still offers every option
    page = read_page(served_site / "compare" / "index.html")
    assert page.count("<option") > 20 and "上年结转申请（件）" in page
