"""Session 40 (reader journeys round 4: a journalist comparing two agencies, a province's transparency office working
through the reports whose numbers do not add up, a citizen searching for an agency and checking a number at its
source, the same citizen on the keyboard with a screen reader; walked in headless Chromium over the seeds, the
corpus and 600 synthetic reports): what misled them.

The module's site is the seeds' and the corpus' with the agency index split by province and the quality page's list
by report cut, as above 500 reports (``INDEX_SHARD_ABOVE``, ``QUALITY_REPORT_ROWS`` lowered)."""

from __future__ import annotations

import lxml.html
import pytest

from .conftest import ROOT, needs_chromium, needs_shared, seeds_and_corpus, site_of, wait_for

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, its outcomes do not add up
PINGTAN = "fujian-pingtanzongheshiyanqu"  # the corpus: 2019, 2021, 2023, 2025; its table 二 not read
QINGHAI_PART = "qing-hai-sheng-630000"  # 青海省's part of the split agency index (pinyin and its GB/T 2260 code)


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The seeds and the corpus reports (11 reports), the agency index one page a province and the quality page's
    list by report cut to its first report, as a national site's."""
    from xxgk.site import pages

    if not (ROOT.parent / "shared" / "corpus").exists():
        pytest.skip("../shared is absent")
    work = tmp_path_factory.mktemp("h40-site")
    seeds_and_corpus(work)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "INDEX_SHARD_ABOVE", 2)
        patch.setattr(pages, "QUALITY_REPORT_ROWS", 1)
        return site_of(work / "reports", work)


def _doc(site, path: str):
    return lxml.html.document_fromstring((site / path).read_text(encoding="utf-8"))


def _crumbs(site, path: str) -> tuple[list[tuple[str, str]], str]:
    nav = _doc(site, path).xpath("//article//nav[@aria-label='位置']")
    assert nav, path
    return ([(a.text_content(), a.get("href")) for a in nav[0].xpath(".//a")],
            nav[0].xpath(".//*[@aria-current='page']")[0].text_content())


@needs_shared
def test_a_source_page_links_its_agencys_page(served_site):
    # (session 39's leftover: a reader arriving on a source line from the full-text search or a shared citation found
    # ← 返回报告页 and 首页, no way to the agency's other years but through the report's page)
    source = next((served_site / "src").glob("003-*.html"))  # 湟中区人民政府 2025
    doc = _doc(served_site, source.relative_to(served_site))
    ways = doc.xpath("//main/p[1]")[0]
    links = [(a.text_content(), a.get("href")) for a in ways.xpath(".//a")]
    assert links == [("← 返回报告页", f"../a/{HUANGZHONG}/2025.html"),
                     ("机构页（湟中区人民政府）", f"../a/{HUANGZHONG}/"), ("首页", "../")], links
    assert (served_site / "a" / HUANGZHONG / "index.html").is_file()  # the link's page is there
    # the way is not indexed as the report's text (the line's data-pagefind-ignore holds it)
    assert ways.get("data-pagefind-ignore") is not None


@needs_shared
def test_a_split_agency_index_is_one_step_of_the_crumbs(served_site):
    # (session 39's leftover: above 500 reports the index is a list of provinces, each a page of its agencies; an agency
    # page's and a report page's 机构索引 led to the provinces' list, a step short of the agency's own part)
    step = ("青海省", f"../../agencies/{QINGHAI_PART}/")
    assert _crumbs(served_site, f"a/{HUANGZHONG}/index.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step], "湟中区人民政府")
    assert _crumbs(served_site, f"a/{HUANGZHONG}/2025.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step, ("湟中区人民政府", "./")], "2025年度报告")
    # the part the step names lists the agency, and says where it sits itself
    part = f"agencies/{QINGHAI_PART}/index.html"
    names = [a.text_content() for a in _doc(served_site, part).xpath("//table[@id='xxgk-agencies']//a")]
    assert "湟中区人民政府" in names and "平潭综合实验区" not in names, names
    assert _crumbs(served_site, part) == ([("首页", "../../"), ("机构索引", "../../agencies/")], "青海省")
    # the root index links that very part
    root = [a.get("href") for a in _doc(served_site, "agencies/index.html").xpath("//table[@id='xxgk-provinces']//a")]
    assert f"{QINGHAI_PART}/" in root, root


@needs_shared
def test_an_agency_page_without_a_chart_does_not_say_its_reports_lack_what_we_could_not_read(served_site):
    # (session 40: 平潭's page said 没有图表：规范性文件（件）——本机构各年度的报告中没有这些数值, then in the same
    # paragraph “无数据（此数未能读出）”：计算所需的数本站未能读出……不是报告没有印出)
    notes = [p.text_content() for p in _doc(served_site, f"a/{PINGTAN}/index.html").xpath("//p[@class='xxgk-note']")
             if p.text_content().startswith("没有图表：规范性文件")]
    assert len(notes) == 1, notes
    assert notes[0].startswith("没有图表：规范性文件（件）——本站没有本机构任何年度的这些数值（不是0"), notes
    assert "“无数据（此数未能读出）”：" in notes[0] and "报告中没有" not in notes[0], notes


@pytest.mark.browser
@needs_chromium
@needs_shared
def test_a_report_opened_from_a_province_list_counts_the_list_not_the_page(server, chromium):
    # (session 40: a province's office, 青海省 chosen on the quality page, opened the one report of 勾稽关系不成立 and
    # read 勾稽关系不成立（只显示青海省的 3 份报告）：第 1/1 份 — 3 is the page's count over every list)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=青海省")
    status = wait_for(lambda: chromium.find_element("css selector", ".xxgk-province-status").text)
    assert status.startswith("只显示青海省的 3 份报告"), status  # (the page: three of 青海省's reports are listed)
    listed = [a for a in chromium.find_elements(
        "xpath", "//h2[@id='identity_broken']/following::table[1]//tbody//tr/td[1]//a") if a.is_displayed()]
    assert [a.text for a in listed] == ["湟中区人民政府 2025年度"]
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", listed[0])
    listed[0].click()
    place = wait_for(lambda: chromium.find_element("id", "xxgk-work-place").text)
    assert "勾稽关系不成立（identity_broken）（只显示青海省）：第 1/1 份" in place, place
    assert "3 份" not in place, place
    foot = wait_for(lambda: chromium.find_element("id", "xxgk-work-list").text)
    assert "（只显示青海省）：第 1/1 份" in foot, foot


@pytest.mark.browser
@needs_chromium
@needs_shared
def test_a_report_opened_from_a_list_names_its_two_list_lines_apart(server, chromium):
    # (session 40: the line under the heading, work-place.js, and the one at the article's end, lists.js, were both
    # navigation landmarks named 所在列表: a screen reader's list of landmarks read it twice, axe's landmark-unique)
    from .test_accessibility import AXE

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=青海省")
    wait_for(lambda: chromium.find_element("css selector", ".xxgk-province-status").text)
    link = [a for a in chromium.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()][0]
    link.click()
    wait_for(lambda: chromium.find_elements("id", "xxgk-work-list"))
    names = chromium.execute_script(
        "return Array.from(document.querySelectorAll('nav[aria-label]')).map(function (n) {"
        " return n.getAttribute('aria-label'); })")
    assert "所在列表" in names and len(names) == len(set(names)), names
    chromium.execute_script(AXE.read_text(encoding="utf-8"))
    chromium.set_script_timeout(60)
    found = chromium.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: ['landmark-unique']}).then(function (r) {"
        " done(r.violations.map(function (v) { return v.id; })); });")
    assert found == [], found


@pytest.mark.browser
@needs_chromium
@needs_shared
def test_a_cut_list_by_report_says_what_it_shows_whatever_is_chosen(server, chromium):
    # (session 40, above 500 reports the list by report is the country's worst 200: a year chosen, the menus' status
    # said 该省其余有问题的报告见 findings.csv, of no province; a province chosen, the line under the list still read
    # 以上是……的 200 份报告 under the one row shown)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?year=2024")
    status = wait_for(lambda: chromium.find_element("css selector", ".xxgk-province-status").text)
    assert status.startswith("只显示2024年度的"), status
    assert "该省" not in status and "中所选的" in status, status
    assert "下面按问题分列的清单" in status, status  # where the reports left out of it are listed
    chromium.get(server + "/quality/?province=青海省")
    wait_for(lambda: chromium.find_element("css selector", ".xxgk-province-status").text)
    shown = [r for r in chromium.find_elements("css selector", "#xxgk-by-agency tbody tr") if r.is_displayed()]
    under = chromium.find_element("xpath", "//table[@id='xxgk-by-agency']/following::p[contains(., '份报告有问题')]"
                                  ).text
    assert len(shown) == 1, len(shown)
    assert not under.startswith("以上是"), under
    assert "全国机关自身错误最多（其次问题最多）的 1 份报告（选了省份、城市或年度时，只显示其中所选的）" in under, under


LIVE_IN_RESULTS = ("return Array.from(document.querySelectorAll('.md-search-result [aria-live], "
                   ".md-search-result [role=status]')).map(function (e) {"
                   " var r = e.getBoundingClientRect(); return [e.textContent, r.width * r.height]; })")


@pytest.mark.browser
@needs_chromium
@needs_shared
def test_the_header_search_tells_a_screen_reader_its_counts_not_its_lists(server, chromium):
    # (session 40, a screen-reader user typing an agency's short name in the header: the agencies' part and the
    # reports' part were each a live region of their whole list, every name, region and passage read out at each pause)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/")
    box = wait_for(lambda: chromium.find_element("css selector", "input.md-search__input"))
    box.click()
    box.send_keys("湟中")
    hits = wait_for(lambda: [a.text.split("\n")[0] for a in
                             chromium.find_elements("css selector", ".xxgk-agency-hits a.xxgk-agency-hit")])
    assert hits == ["湟中区人民政府"], hits  # the list is on screen as before
    live = wait_for(lambda: [x for x in chromium.execute_script(LIVE_IN_RESULTS) if x[0]])
    assert [text for text, _ in live] == ["机构：找到 1 个"], live  # one region, its count line (no full-text index)
    assert all(area <= 1 for _, area in live), live  # for the ear: it takes no room on screen
