"""Site audit 29, a reader's journeys walked in headless Chromium (seventh round), on one small site: 西宁市数据局's
reports of 2023 and 2024 (the 2024 one's overview printed from a PDF, its lines wrapped mid-word and its numbered
parts on lines of their own) and 西宁市教育局's of 2024."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlparse

import pytest

from .conftest import needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import _axe, _blocking

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,西宁市数据局,2024,,,,青海省,西宁市,\n"
            "a23.txt,西宁市数据局,2023,,,,青海省,西宁市,\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n")
# the overview as a PDF's text gives it: a sentence wrapped mid-word (中国特 / 色), a blank line between the printed
# lines, numbered parts (（一）…) whose headings stand on lines of their own
OVERVIEW = ("2024年，本局以习近平新时代中国特\n\n色社会主义思想为指导，扎实做好政务公开工作。\n\n"
            "（一）主动公开情况\n\n全年主动公开政府信息15条。\n\n（二）依申请公开情况\n\n全年受理申请5件。")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site29")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="西宁市数据局", narrative=OVERVIEW), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="西宁市数据局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局"), encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


def _agency_dir(site, name: str) -> str:
    """The site path of the agency page whose heading is ``name`` (``a/<agency id>/``)."""
    for page in sorted(site.glob("a/*/index.html")):
        if re.search(rf"<h1[^>]*>{name}<", page.read_text(encoding="utf-8")):
            return f"a/{page.parent.name}/"
    raise AssertionError(name)


_ATTR = r"\s{name}=(?:\"([^\"]*)\"|([^\s>]+))"


def _values(name: str, text: str) -> list[str]:
    return [a or b for a, b in re.findall(_ATTR.format(name=name), text)]


def test_every_heading_has_an_id_a_reader_can_read_and_every_link_to_one_lands(served_site):
    # (audit 29: headings in Chinese had no id but the toc's place number: an agency page's 申请数量 was #_3, the
    # ranking's 查找一个城市或机构的名次 #_2, 2024年度 · 地市级 #2024_3; a link copied from the page's contents named
    # nothing a reader could read and pointed at another heading once a heading was added above it; a page's title
    # heading keeps its id: the page's address is its permalink, the skip link the only link to it)
    pages = {p: p.read_text(encoding="utf-8") for p in served_site.rglob("*.html")}
    ids = {p: set(_values("id", text)) for p, text in pages.items()}
    numbered = sorted({(str(p.relative_to(served_site)), h) for p, text in pages.items()
                       for h in re.findall(r"<h[2-6][^>]*\sid=\"?(_?[0-9]+(?:_[0-9]+)?)[\">\s]", text)})
    assert not numbered, numbered[:10]
    missing = []
    for page, text in pages.items():
        base = "http://site/" + page.relative_to(served_site).as_posix()
        for href in _values("href", text):
            url = urlparse(urljoin(base, href))
            if url.netloc != "site" or not url.fragment:
                continue
            target = served_site / unquote(url.path).lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            if target in ids and unquote(url.fragment) not in ids[target]:
                missing.append((page.relative_to(served_site).as_posix(), href))
    assert not missing, missing[:10]


def test_a_journalist_copies_a_headings_address_from_an_agency_pages_contents(served_site, server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/" + _agency_dir(served_site, "西宁市数据局"))
    contents = "//nav[contains(@class, 'md-nav--secondary')]"  # the page's table of contents
    link = chromium.find_element("xpath", contents + "//a[normalize-space()='申请数量']")
    assert link.get_attribute("href").endswith("#shenqingshuliang"), link.get_attribute("href")
    chromium.execute_script("arguments[0].click()", link)
    heading = _wait(lambda: chromium.find_element("id", "shenqingshuliang"))
    assert heading.text == "申请数量" and heading.tag_name == "h2"
    assert chromium.current_url.endswith("#shenqingshuliang")
    assert _wait(lambda: chromium.execute_script("return arguments[0].getBoundingClientRect().top", heading) < 300)


def test_the_ranking_finders_heading_has_a_readable_address(served_site):
    page = (served_site / "report-card" / "index.html").read_text(encoding="utf-8")
    ids = dict((text, a or b) for a, b, text in re.findall(r"<h[23]\sid=(?:\"([^\"]*)\"|([^\s>]+))>([^<]+)", page))
    assert ids["2024年度 · 地市级"] == "2024-niandu-dishiji", ids
    assert ids["2023年度 · 地市级"] == "2023-niandu-dishiji", ids


def test_a_narrative_excerpt_reads_as_the_report_wrote_it(served_site, server, chromium):
    # (audit 29: the excerpt was the raw text, its line breaks shown as spaces: 中国特 色社会主义 cut a word in two, and
    # （一）主动公开情况 ran on into its paragraph with a space between them, no break)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/" + _agency_dir(served_site, "西宁市数据局") + "2024.html")
    cell = chromium.find_element("css selector", "table[data-excerpts] tbody tr td:nth-child(2)")
    text = cell.text.removesuffix(" 全文")  # (the link to the whole section, after a space)
    assert "以习近平新时代中国特色社会主义思想为指导，扎实做好政务公开工作。" in text, text
    assert ("工作。\n（一）主动公开情况\n全年主动公开政府信息15条。\n（二）依申请公开情况\n全年受理申请5件。"
            in text), text
    assert not re.search(r"[\u4e00-\u9fff。，] +[\u4e00-\u9fff（]", text), text  # no space between Chinese words


def _league_rows(chromium, rows: str) -> list[tuple[str, str, str]]:
    return [tuple(c.text for c in r.find_elements("css selector", "th, td")[:3])
            for r in chromium.find_elements("css selector", rows) if r.is_displayed()]


def test_without_javascript_the_league_table_shows_its_default_ranks(server, chromium):
    # (audit 29: without JavaScript the compare page showed the default comparison, but under 排行榜 only a sentence
    # and an empty box: no rank at all)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/")
    scripted = _wait(lambda: _league_rows(chromium, "#xxgk-league-table tbody tr"))
    chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        chromium.get(server + "/compare/")
        plain = _league_rows(chromium, "#xxgk-league-plain tbody tr")
        heading = chromium.find_element("xpath", "//h2[normalize-space()='排行榜']")
        assert plain and chromium.execute_script(
            "return arguments[0].compareDocumentPosition(document.getElementById('xxgk-league-plain')) & 4", heading)
        caption = chromium.find_element("css selector", "#xxgk-league-plain caption").text
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    # the same ranks, names and values as the script's default league (two agencies of 5 applications: both 1st)
    assert [tuple(c.strip() for c in row) for row in plain] == [
        (rank, name.strip(), value) for rank, name, value in scripted], (plain, scripted)
    assert plain == [("1", "西宁市教育局", "5"), ("1", "西宁市数据局", "5")], plain
    assert caption.startswith("2024年 本年新收申请（件） 排行"), caption


def test_the_pages_changed_pass_axe(served_site, server, chromium):
    chromium.set_window_size(1366, 900)
    agency = _agency_dir(served_site, "西宁市数据局")
    for path in (agency, agency + "2024.html", "report-card/", "compare/"):
        chromium.get(server + "/" + path)
        assert not _blocking(_axe(chromium)), path


@pytest.fixture(scope="module")
def site_with_failed_files(tmp_path_factory):
    """Two readable reports, an empty file and a file of bytes no reader takes (failed, no text: no page of their
    own), built with the index threshold at two reports."""
    from xxgk.site import pages

    work = tmp_path_factory.mktemp("site29failed")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="西宁市数据局"), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局"), encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    (reports / "broken.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 not a pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "INDEX_SHARD_ABOVE", 2)
        return site_of(reports, work)


def _article_text(page) -> str:
    from lxml import html as lxml_html

    return lxml_html.document_fromstring(page.read_text(encoding="utf-8")).xpath("string(//article)")


def test_every_page_counts_the_reports_not_the_files_without_text(site_with_failed_files):
    # (audit 29: the home page said 4 份报告 over two reports and two failed files without text, which have no page
    # and are no report, while the full-text page said 2 份报告; and the two files made the site an index of
    # provinces, as above 500 reports, though it had two)
    site = site_with_failed_files
    home = " ".join(_article_text(site / "index.html").split())
    numbers = "".join(home.split())  # (the figures: <b>2</b>份报告)
    assert "查找2份报告2个机构" in numbers and "4份报告" not in numbers, home
    assert "另有 2 个文件无法读取且没有文字" in home, home  # what the count leaves out, said where it is counted
    assert "在 2 份报告的原文中" in _article_text(site / "fulltext" / "index.html")
    assert not list((site / "agencies").glob("*/index.html"))  # one agency index, no page per province
    agencies = _article_text(site / "agencies" / "index.html")
    assert "西宁市数据局" in agencies and "西宁市教育局" in agencies
    assert "按省份查看完整名次" not in _article_text(site / "report-card" / "index.html")


def test_the_home_page_saying_what_its_count_leaves_out_passes_axe(site_with_failed_files, chromium):
    from .conftest import serving

    with serving(site_with_failed_files) as url:
        for width, height in ((1366, 900), (390, 844)):
            chromium.set_window_size(width, height)
            chromium.get(url + "/")
            note = chromium.find_element("xpath", "//article//p[starts-with(., '另有 2 个文件')]")
            assert note.is_displayed() and note.find_element("link text", "数据质量").get_attribute(
                "href") == url + "/quality/#xxgk-pageless"
            assert not _blocking(_axe(chromium)), width


def test_an_agency_search_that_finds_no_agency_leads_to_the_reports_text(server, chromium):
    # (audit 29: a journalist typing a number, 154, or a word of the reports into the agency finder was told 没有找到
    # 机构：可试试简称、拼音首字母或省份名, with no way on to the full-text search that finds words and numbers)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/agencies/?find=154")
    link = _wait(lambda: chromium.find_element("css selector", "#xxgk-agency-finder-status a"))
    assert chromium.find_element("id", "xxgk-agency-finder-status").text.startswith("没有找到机构")
    assert not chromium.find_elements("css selector", "#xxgk-agency-finder-results li")  # no agency listed
    assert link.text == "在报告原文中检索“154”", link.text
    assert not _blocking(_axe(chromium))
    link.click()
    _wait(lambda: "/fulltext/" in chromium.current_url)
    assert chromium.find_element("id", "xxgk-fulltext-q").get_attribute("value") == "154"
    chromium.get(server + "/agencies/?find=xining")  # an agency found: no such link
    found = _wait(lambda: [a.text for a in chromium.find_elements("css selector", "#xxgk-agency-finder-results a")])
    assert sorted(found) == ["西宁市教育局", "西宁市数据局"], found
    assert not chromium.find_elements("css selector", "#xxgk-agency-finder-status a")


def _loaded(chromium) -> list[str]:
    return chromium.execute_script("return performance.getEntriesByType('resource').map(function (e) {"
                                   " return e.name.split('/').pop(); })")


def test_a_report_pages_first_view_leaves_the_agency_search_until_the_reader_searches(served_site, server, chromium):
    # (audit 29: every page's first view carried search.js, 39 KB, 7 KB gzipped — the header's agency search — a
    # report page's on a phone too, of a 150 KiB budget it came within 8 KB of; it now loads when the search box is
    # first used, or at once where a finder needs it)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/" + _agency_dir(served_site, "西宁市数据局") + "2024.html")
    _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
    assert "search.js" not in _loaded(chromium) and not chromium.execute_script("return !!window.xxgkAgencies")
    box = chromium.find_element("css selector", "input.md-search__input")
    box.click()
    box.send_keys("xining")
    hits = _wait(lambda: [a.text.split("\n")[0] for a in chromium.find_elements("css selector", ".xxgk-agency-hits a")
                          if "机构" in a.text])
    assert sorted(hits) == ["西宁市教育局", "西宁市数据局"], hits
    for path in ("agencies/?find=xining", "compare/"):  # where a finder needs it as the page opens
        chromium.get(server + "/" + path)
        _wait(lambda: chromium.execute_script("return !!window.xxgkAgencies"))
        assert _loaded(chromium).count("search.js") == 1, path
