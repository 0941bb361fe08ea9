"""Session 39 (session 38's leftovers; a screen-reader user, a reader arriving on a deep page from a search engine, a
reader printing a report, a reader with a dark system theme, walked in headless Chromium over the seeds and the
shared corpus): what got in their way.

- compare.js decided a missing value's word twice (the comparison's gapWord/gapNote, the league's unranked list)
  and spelled 无从计算, 不适用 and their sentences itself beside agencies.json's labels.missing: one missingOf, the
  words the labels'.
- The report page's key figures and the agency index's “—” gave no reason for a missing figure.
- The compare status listed the reasons' sentences in the codes' alphabetical order (agencies.json's keys are
  sorted), the league's unranked list its names by code point (上海 before 平潭)."""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml

from .conftest import ROOT, needs_chromium, needs_shared, release_scripts, wait_for

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, its outcomes do not add up
GEERMU_DATA = "qinghai-haixi-geermu-shujuju"  # the seeds: 2025, its table 三 not read


@pytest.fixture(scope="module")
def served_site(seeds_corpus_site):
    """The seeds and the corpus reports (平潭 2019–2025, 上海 2019 and 2024): the test process's one site."""
    return seeds_corpus_site


def _reasons() -> list[dict]:
    return yaml.safe_load((ROOT / "build" / "xxgk" / "rules" / "codes.yaml").read_text(encoding="utf-8"))[
        "missing_reasons"]


def _string_literals(script: str) -> list[str]:
    """The script's string literals, its comments left out (a comment may name a word; a literal shows it)."""
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    script = re.sub(r"(^|\s)//[^\n]*", r"\1", script)
    return re.findall(r'"((?:[^"\\\n]|\\.)*)"', script)


def test_compare_js_spells_no_reason_word_or_sentence_of_its_own():
    # (session 38: 无从计算, 不适用 and their sentences were compare.js's own literals beside labels.missing, a second
    # place to keep in step with codes.yaml's missing_reasons; the comparison and the league each decided the word)
    script = (ROOT / "build" / "xxgk" / "site" / "assets" / "compare.js").read_text(encoding="utf-8")
    literals = _string_literals(script)
    assert literals and "json/metrics.json" in literals  # (the literals are found)
    for reason in _reasons():
        sentence = reason["explanation"].rstrip("。")
        spelled = [s for s in literals if reason["short"] in s or sentence[:12] in s]
        assert not spelled, (reason["code"], spelled)
    assert "function missingOf(" in script  # the one place that decides it
    calls = re.findall(r"(?<!function )\bmissingOf\(", script)
    assert len(calls) == 2, "the comparison and the league, each by missingOf"


def _key_line(site, path: str) -> str:
    doc = lxml.html.document_fromstring((site / path).read_text(encoding="utf-8"))
    return doc.xpath("//article//p[@class='xxgk-key']")[0].text_content()


@needs_shared
def test_a_report_pages_key_figures_say_why_a_figure_is_missing(served_site):
    # (session 38: 新收申请 无数据，办理 无数据（予以公开 无数据 …）: no reason, though the data has it)
    line = _key_line(served_site, f"a/{GEERMU_DATA}/2025.html")  # its table 三 not read: one word for the eight
    assert "新收申请、办理及办理结果 无数据（此表未能读出）；" in line, line
    assert "行政复议 0 件" in line, line
    line = _key_line(served_site, "a/shanghai-renminzhengfubangongting/2019.html")  # prints no outcome, no suit
    assert "新收申请 859 件，办理 805 件（各项办理结果 无数据（报告未印此数））" in line, line
    assert "行政诉讼 无数据（报告未印此数）" in line, line
    line = _key_line(served_site, "a/qinghai-haixi-geermu-renminzhengfu/2024.html")  # a row's cells lost
    assert "不予处理 无数据（此数未能读出）" in line and "其他处理 17" in line, line
    assert "无数据，" not in line and "无数据）" not in line  # never a bare 无数据


@needs_shared
def test_the_agency_index_says_why_a_latest_count_is_missing(served_site):
    # (session 38: a bare “—” under 最近一年新收申请, one note for every reason it might be)
    doc = lxml.html.document_fromstring((served_site / "agencies" / "index.html").read_text(encoding="utf-8"))
    row = [tr for tr in doc.xpath("//table[@id='xxgk-agencies']//tr") if "格尔木市数据局" in tr.text_content()][0]
    assert row.xpath("./td")[-1].text_content().strip() == "无数据（此表未能读出）"
    note = [p.text_content() for p in doc.xpath("//article//p") if p.text_content().startswith("“最近一年新收申请”")]
    # (session 60: and, the agencies' latest years differing, how the column sorts — in the same paragraph)
    assert note == ["“最近一年新收申请”一栏中，“无数据（此表未能读出）”：计算所需的表格本站未能读出"
                    "（未找到，或只有表头没有数据行）。此栏各机构的年度不同：按此列排序时先按年度、再按件数排列，"
                    "不同年度的件数不放在一起比较。"], note


@pytest.mark.browser
@needs_chromium
def test_the_compare_status_says_the_reasons_in_the_codes_order(server, chromium):
    # (session 38: agencies.json's labels.missing has its keys sorted: the status said identity_broken's sentence
    # before table_not_read's, unlike the agency and report pages, which follow codes.yaml)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={HUANGZHONG},{GEERMU_DATA}&metric=granted_share&year=2025")
    status = wait_for(lambda: "”：" in chromium.find_element("id", "xxgk-compare-status").text
                      and chromium.find_element("id", "xxgk-compare-status").text)
    order = [r["short"] for r in _reasons()]
    at = {w: status.find(f"“无数据（{w}）”：") for w in order}
    said = sorted((w for w in order if at[w] >= 0), key=at.get)
    assert said == ["此表未能读出", "分项与总计不符"], status  # as codes.yaml lists them
    assert order.index(said[0]) < order.index(said[1])


@pytest.mark.browser
@needs_chromium
def test_the_leagues_unranked_reports_are_listed_as_the_agency_index_sorts_names(server, chromium):
    # (session 38: by code point, 上海市人民政府办公厅 before 平潭综合实验区; the agency index's 机构 column sorts by
    # pinyin, localeCompare "zh": píng before shàng)
    from selenium.webdriver.support.ui import Select

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/")
    Select(wait_for(lambda: chromium.find_element("id", "xxgk-league-metric"))).select_by_value("corrected_share")
    Select(chromium.find_element("id", "xxgk-league-year")).select_by_value("2019")
    wait_for(lambda: len(chromium.find_elements("css selector", "#xxgk-league-unranked a")) == 2)
    names = [a.text for a in chromium.find_elements("css selector", "#xxgk-league-unranked a")]
    assert names == ["平潭综合实验区", "上海市人民政府办公厅"], names
    # each with its word, from the data (a 2019 year of 0 reviews and suits: a share of nothing)
    text = chromium.find_element("id", "xxgk-league-unranked").text
    assert "平潭综合实验区（无从计算）" in text, text


FIVE = ",".join(["qinghai-haixi-geermu-renminzhengfu", GEERMU_DATA, HUANGZHONG, "liaoning-anshan-haicheng-shujuju",
                 "xinjiang-changji-changji-xingzhengshenpiju"])


ROWS = ("var c = document.getElementById('xxgk-compare-chosen'); return new Set(Array.from(c.children)"
        ".map(function (l) { return Math.round(l.getBoundingClientRect().top); })).size")


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("width", [1366, 1920])
def test_five_chosen_agencies_take_two_rows_on_a_desktop_and_nothing_moves(late_server, early, width):
    # (session 38: five agencies' chips took three rows of two at 1366 px, where three fit a row)
    early.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    early.execute_cdp_cmd("Network.clearBrowserCache", {})
    try:
        early.get(late_server + f"/compare/?agencies={FIVE}&metric=received&year=2025")
        wait_for(lambda: early.execute_script("var c = document.getElementById('xxgk-compare-chart');"
                                              "return !!(c && c.style.height)"))
        foot = "return document.querySelector('#xxgk-compare fieldset').getBoundingClientRect().bottom"  # (its foot)
        chips = "return document.querySelectorAll('#xxgk-compare-chosen li a[href]').length"
        before = early.execute_script(foot)
        assert early.execute_script(ROWS) == 2  # the cells kept for them
        release_scripts(early)  # (the page painted without them: session 49, a fixed 2 s before)
        wait_for(lambda: early.execute_script(chips) == 5, seconds=20)
        assert early.execute_script(ROWS) == 2
        assert early.execute_script(foot) == before
        # each chip's name whole where it fits (格尔木市人民政府: 8 characters)
        cut = early.execute_script("return Array.from(document.querySelectorAll('#xxgk-compare-chosen li a'))"
                                   ".filter(function (a) { return a.scrollWidth > a.clientWidth; }).length")
        assert cut == 0
    finally:
        early.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


LIVE_TEXTS = ("return Array.from(document.querySelectorAll('article [aria-live], article [role=status]'))"
              ".map(function (e) { return e.textContent; }).join(' | ')")


@pytest.mark.browser
@needs_chromium
def test_a_screen_reader_hears_the_comparisons_result_when_the_measure_or_agencies_change(server, chromium):
    # (session 39, a screen-reader user on the compare page: its only live region, the status, holds what needs saying
    # — often nothing, as for two agencies' 本年新收申请 — so changing the measure or an agency announced nothing; the
    # chart is an image named by its title, the table below says nothing until the reader goes there)
    from selenium.webdriver.support.ui import Select

    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies=fujian-pingtanzongheshiyanqu,{HUANGZHONG}&metric=granted_share"
                 "&year=2025")
    wait_for(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
    Select(chromium.find_element("id", "xxgk-compare-metric")).select_by_value("received")
    live = wait_for(lambda: "本年新收申请" in chromium.execute_script(LIVE_TEXTS)
                    and chromium.execute_script(LIVE_TEXTS))
    assert "平潭综合实验区 154" in live and "湟中区人民政府 11" in live, live  # the result, in the table's order
    assert live.index("平潭综合实验区") < live.index("湟中区人民政府"), live
    # an agency removed: said too
    chromium.find_element("css selector", "#xxgk-compare-chosen button[aria-label='移除 湟中区人民政府']").click()
    live = wait_for(lambda: "湟中区" not in chromium.execute_script(LIVE_TEXTS) and chromium.execute_script(LIVE_TEXTS))
    assert "平潭综合实验区 154" in live, live
    # the sentence is for the ear: it takes no room on screen (nothing under it moves)
    boxes = chromium.execute_script(
        "return Array.from(document.querySelectorAll('article [aria-live]'))"
        ".filter(function (e) { return e.textContent.indexOf('平潭综合实验区 154') >= 0; })"
        ".map(function (e) { var r = e.getBoundingClientRect(); return r.width * r.height; })")
    assert boxes and max(boxes) <= 1, boxes


def _doc(site, path: str):
    return lxml.html.document_fromstring((site / path).read_text(encoding="utf-8"))


@needs_shared
def test_a_deep_page_says_what_and_whose_it_is_to_a_reader_arriving_from_a_search_engine(served_site):
    # (session 39: every page but the home page described itself with the site's one sentence — a search engine's or
    # a chat app's preview of 平潭's 2025 report said neither whose nor which year — and a source page had none)
    pages = {"a/fujian-pingtanzongheshiyanqu/2025.html": "平潭综合实验区 2025年度",
             "a/fujian-pingtanzongheshiyanqu/index.html": "平潭综合实验区", "agencies/index.html": "机构索引"}
    for path, name in pages.items():
        doc = _doc(served_site, path)
        for tag in ("//meta[@name='description']", "//meta[@property='og:description']"):
            said = doc.xpath(tag)[0].get("content")
            assert said.startswith(name + " — "), (path, tag, said)
    home = _doc(served_site, "index.html").xpath("//meta[@name='description']")[0].get("content")
    assert home == "政府信息公开工作年度报告：可比较、可追溯、可核查的开放数据"  # the site's own, on its home page
    source = next(p for p in (served_site / "src").glob("h010-*.html"))
    said = _doc(served_site, source.relative_to(served_site)).xpath("//meta[@name='description']")
    assert said and said[0].get("content").startswith("原文：平潭综合实验区 2025年度 — "), said


@needs_shared
def test_a_report_and_an_agency_page_say_where_they_sit_under_their_heading(served_site):
    # (session 39: a report page opened from a shared link linked its agency only under its facts, below a desktop's
    # first screen; neither page said where in the site it was)
    def crumbs(path):
        doc = _doc(served_site, path)
        nav = doc.xpath("//article//nav[@aria-label='位置']")
        assert nav, path
        heading = doc.xpath("//article//h1")[0]
        assert heading.getnext() is nav[0] or heading.getnext().getnext() is nav[0], path  # under the heading
        return ([(a.text_content(), a.get("href")) for a in nav[0].xpath(".//a")],
                nav[0].xpath(".//*[@aria-current='page']")[0].text_content())

    # (session 41: with the province's step, the index's finder set to it: test_h41site)
    import csv

    with (served_site.parent / "datapackage" / "data" / "agencies.csv").open(encoding="utf-8-sig") as handle:
        name = next(r["province"] for r in csv.DictReader(handle) if r["agency_id"] == "fujian-pingtanzongheshiyanqu")
    province = (name, f"../../agencies/?find={name}")
    assert crumbs("a/fujian-pingtanzongheshiyanqu/2025.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), province, ("平潭综合实验区", "./")], "2025年度报告")
    assert crumbs("a/fujian-pingtanzongheshiyanqu/index.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), province], "平潭综合实验区")


@pytest.mark.browser
@needs_chromium
def test_the_agency_index_lists_its_agencies_as_its_name_column_sorts_them(server, chromium):
    # (session 39: the index came in code point order — 上海市人民政府办公厅, 上海市科学技术委员会, 平潭综合实验区,
    # 昌吉市… — its 机构 column, once clicked, and the league's list of unranked reports in pinyin order)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/agencies/")
    rows = ("return Array.from(document.querySelectorAll('#xxgk-agencies tbody tr'))"
            ".map(function (r) { return r.cells[0].textContent.trim(); })")
    listed = wait_for(lambda: chromium.execute_script(rows))
    assert listed[:2] == ["昌吉市行政审批局", "格尔木市人民政府"] and listed[-2:] == ["上海市科学技术委员会",
                                                                                   "上海市人民政府办公厅"], listed
    # the browser's own Chinese order (Intl's zh collation), as the column sorts when clicked
    assert listed == chromium.execute_script("return arguments[0].slice().sort(function (a, b) {"
                                             " return a.localeCompare(b, 'zh'); })", listed)
