"""Site audit 28, a reader's journeys walked in headless Chromium (sixth round), on one small site built as a large
one is (``INDEX_SHARD_ABOVE`` lowered: the ranking is an index of each group's best and worst, the full ranks on
one page per province): 青海省 has reports of two cities (西宁市: 数据局 2023 and 2024, 教育局 2024; 海西州:
格尔木市数据局 2024) and 福建省 one (福州市数据局 2024, and a copy of it), each agency with its own number of
applications received."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.support.ui import Select

from .conftest import needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import AXE, _axe, _blocking

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,西宁市数据局,2024,,,,青海省,西宁市,\n"
            "a23.txt,西宁市数据局,2023,,,,青海省,西宁市,\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n"
            "c.txt,格尔木市数据局,2024,,,,青海省,海西蒙古族藏族自治州,\n"
            "d.txt,福州市数据局,2024,,,,福建省,福州市,\n"
            "d2.txt,福州市数据局,2024,,,,福建省,福州市,\n")
# each report's applications received (5 + carried forward, tab_report): 格尔木 15, 西宁数据局 8, 福州 6, 西宁教育局 5
RECEIVED = {"a.txt": ("西宁市数据局", 2024, 3), "a23.txt": ("西宁市数据局", 2023, 1),
            "b.txt": ("西宁市教育局", 2024, 0), "c.txt": ("格尔木市数据局", 2024, 10),
            "d.txt": ("福州市数据局", 2024, 1)}


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    from xxgk.site import pages

    work = tmp_path_factory.mktemp("site28")
    reports = work / "reports"
    reports.mkdir()
    for name, (agency, year, forward) in RECEIVED.items():
        (reports / name).write_text(tab_report(agency=agency, year=year, carried_forward=forward), encoding="utf-8")
    (reports / "d2.txt").write_bytes((reports / "d.txt").read_bytes())  # a byte-identical copy: listed, not ranked
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "INDEX_SHARD_ABOVE", 2)  # five reports: the ranking is an index, as above 500
        return site_of(reports, work)


def _rank_links(chromium) -> list[tuple[str, str]]:
    return [(li.text, li.find_element("tag name", "a").get_attribute("href"))
            for li in chromium.find_elements("css selector", "#xxgk-rank-find-links li")]


def test_a_city_office_finds_its_citys_ranks_from_the_ranking_index(server, chromium):
    # (audit 28: above 500 reports the ranking's index listed each group's best and worst 20 and a list of provinces
    # per group, no menu: 西宁市's office had to know its reports' year and tier, pick the group's province page, then
    # narrow it to its city)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/report-card/")
    province = _wait(lambda: [s for s in chromium.find_elements("id", "xxgk-rank-province") if s.is_displayed()])[0]
    Select(province).select_by_visible_text("青海省")
    city = Select(chromium.find_element("id", "xxgk-rank-city"))
    offered = [o.text for o in city.options if o.get_attribute("hidden") is None]
    assert offered == ["全省", "海西蒙古族藏族自治州", "西宁市"], offered  # 青海省's cities, not 福州市
    city.select_by_visible_text("西宁市")
    links = _wait(lambda: _rank_links(chromium))
    assert [text for text, _ in links] == ["2024年度 · 地市级 · 西宁市：2 份报告",
                                           "2023年度 · 地市级 · 西宁市：1 份报告"], links  # no group without them
    status = chromium.find_element("id", "xxgk-rank-find-status").text
    assert status.startswith(f"西宁市的报告在 {len(links)} 组"), status
    assert "city=" in chromium.current_url  # the office's shared address reopens the same choice
    chromium.get(chromium.current_url)
    assert _wait(lambda: _rank_links(chromium)) == links
    chromium.find_element("link text", "2024年度 · 地市级 · 西宁市").click()
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    shown = [a.text for a in chromium.find_elements("css selector", "article tbody a") if a.is_displayed()]
    assert sorted(shown) == ["西宁市教育局 2024年度", "西宁市数据局 2024年度"], shown
    assert "格尔木市数据局 2024年度" not in shown


def test_the_rank_finder_prints_what_it_found_not_empty_labels(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/report-card/?province=青海省&city=西宁市")
    _wait(lambda: _rank_links(chromium))
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not chromium.find_element("css selector", "form[data-xxgk-rank-find]").is_displayed()
        assert chromium.find_element("id", "xxgk-rank-find-status").text.startswith("西宁市的报告在 2 组")
        assert chromium.find_element("link text", "2024年度 · 地市级 · 西宁市").is_displayed()
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_rank_finder_lists_a_whole_province_without_a_city(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/report-card/?province=福建省")
    links = _wait(lambda: _rank_links(chromium))
    assert len(links) == 1 and links[0][0].endswith(" · 福建省") and "city=" not in links[0][1], links
    chromium.get(links[0][1])
    shown = _wait(lambda: [a.text for a in chromium.find_elements("css selector", "article tbody a")
                           if a.is_displayed() and "年度" in a.text])  # (not the copy's note's link to d.txt)
    # the report and its copy, each named with its file (session 53: a year's two reports of one agency apart)
    assert shown == ["福州市数据局 2024年度（d.txt）", "福州市数据局 2024年度（d2.txt）"]
    # (audit 28: a group's count was its ranked reports only: 福建省's page of a group of one report and its copy
    # said 共 1 份, a page of unranked reports 共 0 份 above the reports it listed)
    said = chromium.find_element("xpath", "//article//p[starts-with(., '名次是全国')]").text
    assert "2024年度 · 地市级共 4 份报告，3 份参与排名）；福建省 2 份。" in said, said  # 西宁市 2, 福州市 2


def test_without_javascript_a_shared_comparison_says_so_and_shows_the_default_comparison(server, chromium):
    # (audit 28: a shared compare link opened without JavaScript showed one sentence naming a page without a link,
    # and no number: now the default comparison in plain HTML, the same agencies in the same order as the script's)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/")
    drawn = _wait(lambda: [r.find_element("css selector", "th, td").text for r in
                           chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])
    chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        chromium.get(server + "/compare/?agencies=x&metric=received&year=2024")
        article = chromium.find_element("tag name", "article")
        text = article.text
        assert "比较和排行榜需要启用 JavaScript" in text and "默认比较" in text, text
        where = {a.text: a.get_attribute("href") for a in article.find_elements("tag name", "a")
                 if a.text in ("机构索引", "数据下载")}
        assert where == {"机构索引": server + "/agencies/", "数据下载": server + "/data/"}, where
        rows = [(r.find_element("tag name", "th").text, r.find_element("tag name", "td").text)
                for r in article.find_elements("css selector", "noscript table tbody tr, table tbody tr")
                if r.is_displayed() and not r.find_elements("xpath", "ancestor::*[@id='xxgk-league-plain']")]
        # (the default comparison's rows: not those of the league's own default view, audit 29)
        assert rows == [("格尔木市数据局", "15"), ("西宁市数据局", "8"), ("福州市数据局", "6"),
                        ("西宁市教育局", "5")], rows
        assert [name for name, _ in rows] == [d.split()[0] for d in drawn], drawn  # the script's default, its order
        report = article.find_element("link text", "格尔木市数据局").get_attribute("href")
        chromium.get(report)  # the number's report
        assert chromium.find_element("css selector", "article h1").text == "格尔木市数据局 2024年度"
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_default_comparison_for_readers_without_script_is_no_search_hit(served_site):
    # the header search (JavaScript's) answered 格尔木市数据局 or 15 with the compare page, whose table it does not show
    docs = json.loads((served_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    compare = [d["text"].replace("\u200b", "") for d in docs if d["location"].startswith("compare/")]
    assert compare and not any("格尔木市数据局" in t or "西宁市教育局" in t for t in compare), compare


def test_the_quality_pages_totals_fit_a_phone(server, chromium):
    # (audit 28: its five columns — 问题, 代码, 严重程度, 性质, 数量 — scrolled sideways on a 390 px phone, the counts
    # out of sight; now the code is under its problem's name)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/")
    table = _wait(lambda: chromium.find_element("xpath", "//table[caption[starts-with(., '全部省份、全部年度合计')]]"))
    box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap') || arguments[0]", table)
    widths = chromium.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", box)
    assert widths[0] <= widths[1], widths
    first = table.find_element("css selector", "tbody tr")
    assert first.find_element("tag name", "code").text.replace("\u200b", "")  # the code still stated, in its row
    assert first.find_elements("tag name", "td")[-1].is_displayed()


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
def test_the_pages_changed_pass_axe(server, chromium):
    chromium.set_window_size(390, 844)
    problems = {}
    for path in ("/report-card/?province=青海省&city=西宁市", "/quality/", "/compare/"):
        chromium.get(server + path)
        _wait(lambda: chromium.find_element("css selector", "article h1"))
        if path.startswith("/report-card"):
            _wait(lambda: _rank_links(chromium))
        problems[path] = _blocking(_axe(chromium))
    assert problems == {p: [] for p in problems}, problems


def _before(chromium, element) -> str:
    return chromium.execute_script("return getComputedStyle(arguments[0], '::before').content", element)


def test_a_chart_waiting_for_plotly_says_it_is_loading(server, chromium):
    # (audit 28: on a slow phone network plotly, 365 KB, took half a minute: the compare page's chart and a report
    # page's charts stood as blank boxes, with nothing saying a chart was coming)
    chromium.set_window_size(390, 844)
    chromium.execute_cdp_cmd("Network.enable", {})
    chromium.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # (an earlier test's plotly)
    chromium.execute_cdp_cmd("Fetch.enable", {"patterns": [{"urlPattern": "*plotly-basic*"}]})  # held, never sent
    try:
        chromium.get(server + "/compare/")
        _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
        chart = chromium.find_element("id", "xxgk-compare-chart")
        assert "图表加载中" in _before(chromium, chart), _before(chromium, chart)
        chromium.get(server + "/a/qinghai-xining-shujuju/2024.html")
        charts = _wait(lambda: chromium.find_elements("css selector", "div.xxgk-chart"))
        chromium.execute_script("arguments[0].scrollIntoView()", charts[0])
        assert "图表加载中" in _before(chromium, charts[0]), _before(chromium, charts[0])
    finally:
        chromium.execute_cdp_cmd("Fetch.disable", {})
        chromium.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    chromium.get(server + "/compare/")  # drawn: the note is gone
    chart = chromium.find_element("id", "xxgk-compare-chart")
    _wait(lambda: chart.find_elements("css selector", ".main-svg"))
    assert _before(chromium, chart) == "none"


def test_a_compare_chart_whose_plotly_failed_says_so(server, chromium):
    # (before, the box stayed blank for good, an uncaught error in the console)
    chromium.set_window_size(1366, 900)
    chromium.execute_cdp_cmd("Network.enable", {})
    chromium.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    chromium.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*plotly-basic*"]})
    try:
        chromium.get(server + "/compare/")
        chart = chromium.find_element("id", "xxgk-compare-chart")
        said = _wait(lambda: chart.text)
        assert said == "图表未能加载：数据见下表。", said
        assert _before(chromium, chart) == "none"
        assert not chromium.find_element("id", "xxgk-compare-png").is_displayed()
    finally:
        chromium.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        chromium.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})


def test_only_the_compare_page_loads_the_compare_script(server, chromium):
    # (audit 28: compare.js, 8.9 KB gzipped, came with every page's first view — a report page on a phone too —
    # though only the compare page uses it)
    def scripts() -> list[str]:
        return [u.rsplit("/", 1)[1] for u in chromium.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
            if u.endswith(".js")]

    chromium.set_window_size(390, 844)
    for path in ("/", "/a/qinghai-xining-shujuju/2024.html", "/agencies/"):
        chromium.get(server + path)
        _wait(lambda: "xxgk.js" in scripts())
        assert "compare.js" not in scripts(), (path, scripts())
    chromium.get(server + "/compare/?agencies=qinghai-xining-shujuju&metric=received&year=2023-2024")
    rows = _wait(lambda: [r.text for r in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])
    assert any(r.startswith("西宁市数据局") for r in rows), rows


def test_the_compare_pages_introduction_reads_without_a_gap(server, chromium):
    # (its two source lines were joined by a space a browser shows between Chinese sentences: 分享。 单一年度)
    # (session 50: the intro's rules are a paragraph folded on a phone, shown as one on a desktop)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/")
    intro = _wait(lambda: chromium.find_element("css selector", "article h1 ~ details.xxgk-facts p")).text
    assert "复制网址即可分享。单一年度按数值排序" in intro, intro


def test_the_404_page_on_a_phone_links_the_search_it_names(server, chromium):
    # (audit 28: it told a phone reader to use 页面顶部的搜索框, where a phone's header shows only a magnifier)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/a/qinghai-xining-shujuju/2019/")
    article = _wait(lambda: chromium.find_element("tag name", "article"))
    assert "搜索框" not in article.text, article.text
    article.find_element("link text", "原文检索").click()
    assert _wait(lambda: chromium.find_element("css selector", "article h1").text) == "检索报告原文"
