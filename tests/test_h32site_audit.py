"""Site audit 32, a reader's journeys walked in headless Chromium (sixth round of this area), on one small site: a
county department of 辽宁 (two years, its 2024 report with a long overview: the page is long enough to land on a
heading far down), a department of 青海 whose report's year is printed nowhere, and a report naming no agency."""

from __future__ import annotations

import time

import pytest

from .conftest import click_still, draw_charts, needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_h29site_audit import _agency_dir

pytestmark = [pytest.mark.browser, needs_chromium]

URL = "https://www.example.gov.cn/zwgk/nb.html"
MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,海城市数据局,2024,,,,辽宁省,鞍山市,海城市\n"
            "a23.txt,海城市数据局,2023,,,,辽宁省,鞍山市,海城市\n"
            f"c.txt,,,{URL},,,,,\n")
OVERVIEW = "\n".join(f"第{n}项工作：本局扎实推进政务公开。" for n in range(1, 61))


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site32")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="海城市数据局", narrative=OVERVIEW), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="海城市数据局", year=2023), encoding="utf-8")
    # a report whose title names no agency (its year printed), and one whose year is printed nowhere
    (reports / "c.txt").write_text(tab_report(agency="").replace("2024年政府", "2024年度政府", 1), encoding="utf-8")
    (reports / "d.txt").write_text(tab_report(agency="西宁市教育局").replace("局2024年政府", "局政府", 1),
                                   encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


# -- 1. a heading reached by a link stays where it landed -------------------------------------------------------------

def _headings_after_charts(chromium) -> list[str]:
    """The ids of the page's headings that come straight after a chart's figure (an old id's empty span between)."""
    return chromium.execute_script(
        "return Array.from(document.querySelectorAll('article h2[id]')).filter(function (h) {"
        "  var before = h.previousElementSibling;"
        "  while (before && before.matches('span[id]:empty')) before = before.previousElementSibling;"
        "  return before && before.matches('figure.xxgk-figure'); }).map(function (h) { return h.id; });")


TOP = "return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().top)"


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 900)])
def test_a_heading_reached_by_a_link_stays_put_when_the_chart_above_it_gets_its_buttons(served_site, server, chromium,
                                                                                        width, height):
    # (audit 32: on a phone a link to 四、行政复议 landed the heading under the header, then it dropped ≈ 34 px once the
    # chart above it was drawn and its caption got its row of buttons (下载图片, 下载图表数据): the browser's scroll
    # anchoring held the caption, half under the fixed header, not the heading the reader had asked for)
    chromium.set_window_size(width, height)
    page = server + "/" + _agency_dir(served_site, "海城市数据局") + "2024.html"
    chromium.get(page)
    targets = _headings_after_charts(chromium)
    assert targets, "no heading under a chart"
    for heading in targets:
        chromium.get("about:blank")
        chromium.get(f"{page}#{heading}")
        landed = _wait(lambda h=heading: chromium.execute_script(
            "return document.readyState === 'complete' && scrollY > 0") and chromium.execute_script(TOP, h))
        # the chart above the heading drawn, with its buttons
        _wait(lambda h=heading: chromium.execute_script(
            "var f = document.getElementById(arguments[0]).previousElementSibling;"
            "while (f && !f.matches('figure')) f = f.previousElementSibling;"
            "return f.querySelector('[data-drawn]') && f.querySelector('.xxgk-chart-actions')", h))
        time.sleep(0.5)  # (a jump is a layout after the buttons: let one pass)
        assert abs(chromium.execute_script(TOP, heading) - landed) <= 1, (width, heading, landed)


# -- 2. citing a line of a report whose agency or year is not known ---------------------------------------------------

def _line_cited(served_site, server, chromium, name: str) -> str:
    """What a reader copies from the citation bar of line 3 of the source page of ``name`` (the file's stem)."""
    [page] = (served_site / "src").glob(f"{name}-*.html")
    chromium.get(f"{server}/src/{page.name}#L3")
    bar = _wait(lambda: chromium.find_element("css selector", ".xxgk-line-bar"))
    return bar.find_element("tag name", "p").text


def test_a_line_of_a_report_naming_no_agency_is_cited_with_its_year_and_official_address(served_site, server,
                                                                                          chromium):
    # (audit 32: a report whose agency was not recognised had no citation at all: a reader who chose line 3 copied
    # 原文第 3 行，见 <address> alone — not which report, nor the official address the manifest gave)
    chromium.set_window_size(390, 844)
    said = _line_cited(served_site, server, chromium, "c")
    assert said.startswith("佚名. 2024年度政府信息公开工作年度报告[EB/OL]. ["), said  # GB/T 7714: 责任者不明, 佚名
    assert f"]. {URL}. 原文第 3 行，见 {server}/src/" in said, said
    for invented in ("None", "0000", "未识别", "c.txt", "undefined"):
        assert invented not in said, (invented, said)


def test_a_line_of_a_report_of_no_known_year_is_cited_without_one(served_site, server, chromium):
    chromium.set_window_size(1366, 900)
    said = _line_cited(served_site, server, chromium, "d")
    assert said.startswith("西宁市教育局. 西宁市教育局政府信息公开工作年度报告[EB/OL]. ["), said
    for invented in ("None", "0000", "年度政府", "undefined", "null"):
        assert invented not in said, (invented, said)



def test_the_page_of_a_report_naming_no_agency_is_cited_without_the_sites_placeholder_or_file_name(served_site, server,
                                                                                                  chromium):
    # (audit 32: a report page's citation is written from its heading: for a report no agency was recognised for
    # it read xxgk. （未识别机构）c.txt 2024年度政府信息公开工作年度报告：解析数据与核查 — the site's placeholder and
    # a file name as the report's title)
    chromium.set_window_size(1366, 900)
    cited = {}
    for name in ("c", "d"):
        [page] = (served_site / "r").glob(f"{name}-*.html")
        chromium.get(f"{server}/r/{page.name}")
        cite = _wait(lambda: chromium.find_element("css selector", "p[data-xxgk-cite]"))
        _wait(cite.is_displayed)
        cited[name] = cite.text
        assert cite.text.endswith(f"[EB/OL]. {server}/r/{page.name}. [{cite.text[-12:-2]}]."), cite.text
    lead = "引用本报告（GB/T 7714）：xxgk. "
    assert cited["c"].startswith(lead + "2024年度政府信息公开工作年度报告：解析数据与核查[EB/OL]. "), cited
    assert cited["d"].startswith(lead + "西宁市教育局政府信息公开工作年度报告：解析数据与核查[EB/OL]. "), cited
    for said in cited.values():
        for invented in ("未识别", ".txt", "None", "0000", "undefined"):
            assert invented not in said, (invented, said)

# -- 3. table 三's words explained -------------------------------------------------------------------------------------

def test_a_citizen_taps_a_group_of_table_three_and_reads_what_it_means(served_site, server, chromium):
    # (audit 32: table 三's note linked 词语解释 to the glossary page's top, and nothing in the table led to a word:
    # on a phone a citizen who met 不予处理 scrolled through a page of 40 words to find it)
    chromium.set_window_size(390, 844)
    report = server + "/" + _agency_dir(served_site, "海城市数据局") + "2024.html"
    chromium.get(report)
    groups = chromium.find_elements("css selector", "th[data-g]")
    assert all(g.find_element("tag name", "a").get_attribute("href").startswith(server + "/glossary/") for g in groups)
    words = {g.text: g.find_element("tag name", "a").get_attribute("href").split("/glossary/")[1] for g in groups}
    assert words == {"（三）不予公开": "#denied", "（四）无法提供": "#unavailable", "（五）不予处理": "#rejected",
                     "（六）其他处理": "#other"}, words
    word = chromium.find_element("xpath", "//th[@data-g]/a[normalize-space()='不予处理']")
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", word)
    click_still(chromium, word)
    _wait(lambda: chromium.current_url.endswith("/glossary/#rejected"))
    term = _wait(lambda: chromium.find_element("css selector", ":target"))
    assert term.text == "不予处理"
    top = chromium.execute_script("return arguments[0].getBoundingClientRect().top", term)
    assert 0 < top < 844 / 3, top  # in sight at the top, below the header
    meaning = term.find_element("xpath", "following-sibling::dd[1]")
    assert meaning.text.startswith("申请不作为政府信息公开申请办理") and meaning.is_displayed(), meaning.text
    # the note under the table leads to table 三's words, not the page's top
    chromium.back()
    note = _wait(lambda: chromium.find_element("xpath", "//small[contains(., '单位：件（申请数）')]/a"))
    assert note.get_attribute("href") == server + "/glossary/#new"
    assert "点分组名看它的含义" in note.find_element("xpath", "..").text
    # a row's label still leads to its line in the report's text
    row = chromium.find_element("xpath", "//th[@scope='row']/a[normalize-space()='1.属于国家秘密']")  # (its header)
    assert "/src/" in row.get_attribute("href") and "#L" in row.get_attribute("href")


def test_the_report_page_with_its_groups_linked_passes_axe(served_site, server, chromium):
    from .test_accessibility import _axe, _blocking

    for width, height in ((1366, 900), (390, 844)):
        chromium.set_window_size(width, height)
        chromium.get(server + "/" + _agency_dir(served_site, "海城市数据局") + "2024.html")
        assert not _blocking(_axe(chromium)), width


# -- 4. the 404 page, served as a static host serves it ----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/nothing", "/a/b/c/nothing", "/src/x/y.html"])
def test_a_mistyped_address_at_any_depth_gets_a_working_404_page_with_search(served_site, server, chromium, path):
    # (audit 32: walked for the first time, as a static host serves it — the conftest server answers a missing path
    # with 404.html — from three depths: its styles, its links and its search work from each)
    import urllib.request
    from urllib.error import HTTPError

    with pytest.raises(HTTPError) as answer:
        urllib.request.urlopen(server + path)
    assert answer.value.code == 404
    chromium.set_window_size(390, 844)
    chromium.get(server + path)
    assert chromium.find_element("tag name", "h1").text == "404：找不到这个页面"
    assert chromium.execute_script("return document.documentElement.lang") == "zh-CN"
    styled = chromium.execute_script(  # every stylesheet loaded (a relative href from /a/b/c/ would miss)
        "return Array.from(document.styleSheets).map(function (s) { return [s.href, s.cssRules.length]; })")
    assert styled and all(rules for _, rules in styled), styled
    links = chromium.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; })"
        ".filter(function (h) { return h.indexOf(location.origin) === 0; })")
    assert server + "/agencies/" in links and server + "/fulltext/" in links, links
    for link in sorted(set(links)):
        assert urllib.request.urlopen(link.split("#")[0]).status == 200, link
    # the header's search, from the 404 page: an agency by its pinyin, leading to its page
    chromium.find_element("css selector", "label[for=__search]").click()
    box = chromium.find_element("css selector", "input[data-md-component=search-query]")
    box.send_keys("haicheng")
    found = "//a[contains(@href, '/a/liaoning-')][contains(., '海城市数据局')]"
    hit = _wait(lambda: chromium.find_element("xpath", found))
    assert urllib.request.urlopen(hit.get_attribute("href")).status == 200


# -- 5. a report page on paper -----------------------------------------------------------------------------------------

def test_a_printed_report_page_has_no_caption_of_a_chart_left_off_and_no_words_on_what_to_click(served_site, server,
                                                                                                 chromium):
    # (audit 32: printed from its top, a report page left its undrawn charts off paper, as it should, but printed
    # their captions — 数据见本页表格。 alone between tables 三 and 四, the caption of nothing — and under each table
    # 点行名看原文中的这一行 (nothing to click on paper))
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/" + _agency_dir(served_site, "海城市数据局") + "2024.html")
    notes = chromium.find_elements("xpath", "//small[starts-with(normalize-space(), '单位：件')]")
    assert len(notes) == 2 and all("点行名看原文中的这一行" in n.text for n in notes)  # on screen: said
    # which charts are drawn depends on timing (a chart is drawn as it nears the window; a slow machine may lay the
    # page out short first and draw them all, or begin the last one late): every chart is drawn first, so no draw
    # can end later (CI: the last one, begun after a wait for those begun, was drawn again once made undrawn); then
    # the last is made undrawn, as a chart below the fold is
    draw_charts(chromium)
    _wait(lambda: chromium.execute_script(
        "return !document.querySelector('div.xxgk-chart:not([data-drawn]):not(.xxgk-chart-failed)')"))
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # (a chart of nothing but zeros is its caption, printed drawn or not: session 47)
        chromium.execute_script("var cs = document.querySelectorAll('figure.xxgk-figure > div.xxgk-chart"
                                ":not([data-zero])'); cs[cs.length - 1].removeAttribute('data-drawn');")
        figures = chromium.execute_script(
            "return Array.from(document.querySelectorAll('figure.xxgk-figure')).map(function (f) {"
            "  var c = f.querySelector('figcaption');"
            "  return [f.querySelector('div.xxgk-chart').hasAttribute('data-drawn'), c.offsetParent !== null]; })")
        undrawn = [shown for drawn, shown in figures if not drawn]
        assert undrawn and not any(undrawn), figures
        assert all(shown for drawn, shown in figures if drawn), figures
        for note in notes:
            assert note.text.startswith("单位：件（") and "词语解释" in note.text, note.text
            assert "点行名" not in note.text and "点分组名" not in note.text, note.text
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# -- 6. searching the reports' text for two words ----------------------------------------------------------------------

def test_two_words_parted_by_a_space_are_each_looked_for_in_the_text(served_site, tmp_path_factory, chromium):
    # (audit 32: 格尔木 2024 — a place and a year, as a journalist types them — was said to be in no report's text
    # (原文中没有“格尔木 2024”；以下是部分匹配的 1 份报告) though the report listed prints 格尔木市2024 年: the
    # words were run together, 格尔木2024, and looked for as one)
    from selenium.webdriver.common.by import By

    from .conftest import indexed_copy, serving

    site = indexed_copy(served_site, tmp_path_factory.mktemp("site32-indexed"))
    with serving(site) as url:
        chromium.set_window_size(390, 844)
        for query in ("海城市 公开", "公开 海城市"):
            chromium.get(url + "/fulltext/?text=" + query)
            _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
            status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
            assert "没有" not in status and f"“{query}”" in status, status
            hits = [e.text for e in chromium.find_elements(By.CSS_SELECTOR, "#xxgk-fulltext-results li")]
            assert hits and "海城市数据局" in hits[0], hits
        chromium.get(url + "/fulltext/?text=海城市 2293")  # one of the words in no report's text: said, as before
        _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
        status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
        assert status.startswith("原文中没有“海城市 2293”"), status


# -- 7. finding an agency by its name and a year ----------------------------------------------------------------------

def _agencies_found(chromium, server, query: str) -> tuple[str, list[str]]:
    """The header search's agency line and the agencies it lists for ``query``, typed on the home page."""
    chromium.get(server + "/")
    box = chromium.find_element("css selector", "input[data-md-component=search-query]")
    box.click()
    box.send_keys(query)
    meta = _wait(lambda: [m.text for m in chromium.find_elements("css selector", ".md-search-result__meta")
                          if m.text.startswith("机构：")])
    names = [a.text.split("\n")[0] for a in chromium.find_elements(
        "xpath", "//li[contains(@class, 'md-search-result__item')]/a[contains(@href, '/a/')]")]
    return meta[0], names


def test_a_journalist_who_types_an_agency_and_a_year_finds_the_agency(served_site, server, chromium):
    # (audit 32: 格尔木 2024 — a place and a year, as a journalist types them — found no agency: 机构：没有找到, for no
    # agency's name holds 2024; an agency with a report of that year now comes first, one without is still listed)
    chromium.set_window_size(1366, 900)
    for query in ("海城 2024", "2024 海城市数据局"):
        meta, names = _agencies_found(chromium, server, query)
        assert meta.startswith("机构：找到 1 个") and names[:1] == ["海城市数据局"], (query, meta, names)
    meta, names = _agencies_found(chromium, server, "海城 2019")  # a year it has no report of: listed all the same
    assert names[:1] == ["海城市数据局"], (meta, names)
    meta, names = _agencies_found(chromium, server, "教育 2024")  # 西宁市教育局 has no year: still found
    assert names[:1] == ["西宁市教育局"], (meta, names)
