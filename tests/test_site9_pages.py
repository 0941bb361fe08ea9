"""Round 2 of a reader's journeys, on the built pages: what a report does not state is shown as missing
(“—”, explained), never as an empty cell or a question mark; a finding on a page flattened onto one line
leads to its row's place in that line."""

from __future__ import annotations

import re

import lxml.html
import pytest

from .conftest import report_page_files, site_of
from .factory import tab_report


def _facts(page) -> dict[str, str]:
    """The report page's first table (机构, 年度, …, 读取状态) as {heading: cell text}."""
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    first = doc.xpath("//article//table")[0]
    return {tr.xpath(".//th")[0].text_content(): tr.xpath(".//td")[0].text_content().strip()
            for tr in first.xpath(".//tr")}


def test_a_report_without_dates_shows_them_as_missing_with_the_reason(built_site):
    pages = {p: _facts(p) for p in report_page_files(built_site)}
    undated = [p for p, facts in pages.items() if facts["源文件"] == "hostile.txt"]  # conftest's: no dates, no year
    assert undated
    for page in undated:
        facts = pages[page]
        # before: 发布日期 an empty cell, 统计期 "? 至 ?"
        assert facts["发布日期"] == "—" and facts["统计期"] == "—", facts
        assert "“—”：报告中没有写明" in lxml.html.document_fromstring(page.read_text(encoding="utf-8")).text_content()
    for facts in pages.values():
        assert all(value for value in facts.values()), facts  # no empty cell on any report page
        assert "?" not in facts["统计期"]


RLO_TEXT = "全年收到\u202e-3+4件\u2066，完"  # a right-to-left override (and an isolate) in the narrative


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory):
    """A site of two reports: one flattened onto a single line (as a web page copied out often is) with an
    unreadable row 一、本年新收 in table 3, and one whose table 2 fee is printed as “/”."""

    work = tmp_path_factory.mktemp("flat")
    reports = work / "reports"
    reports.mkdir()
    flat = tab_report(agency="样例县教育局", cell="", narrative="概述。" * 150)
    (reports / "flat.txt").write_text(flat.replace("\n", " ").replace("\t", " "), encoding="utf-8")
    (reports / "slash.txt").write_text(tab_report(agency="样例县数据局", fee="/", narrative=RLO_TEXT), encoding="utf-8")
    site_of(reports, work)
    pages = {_facts(p)["源文件"]: p for p in report_page_files(work / "site")}
    return work / "site", pages


def test_a_finding_on_a_flattened_page_links_to_its_rows_place_in_the_line(flat_site):
    site, pages = flat_site
    doc = lxml.html.document_fromstring(pages["flat.txt"].read_text(encoding="utf-8"))
    finding = [li for li in doc.xpath("//li") if "row_lost_cells" in li.text_content()][0]
    href = next(a.get("href") for a in finding.xpath(".//a") if "#L" in a.get("href"))  # (its check is linked too)
    # before: "#L1", the whole report on one line; the table's own link already went to the row's span
    assert re.search(r"#L1c\d+$", href), href
    source = lxml.html.document_fromstring((pages["flat.txt"].parent / href.split("#")[0]).read_text(encoding="utf-8"))
    target = source.get_element_by_id(href.split("#")[1])
    assert target.text_content().startswith("一、本年新收政府信息公开申请数量")


def test_a_missing_value_in_table_2_is_explained_under_it(flat_site):
    _, pages = flat_site
    doc = lxml.html.document_fromstring(pages["slash.txt"].read_text(encoding="utf-8"))
    heading = [h for h in doc.xpath("//h2") if h.text_content().startswith("二、")][0]
    after = heading.getnext()
    assert "—" in after.text_content()  # the fee, printed “/”
    # before: a “—” with no word on what it means (tables 3 and 4 say it under them)
    assert "“—”表示缺失" in after.getnext().text_content()


@pytest.fixture(scope="module")
def unread_site(tmp_path_factory):
    """A readable report of 2024 with one error of its own and its byte-identical copy, and a file that cannot
    be read, named by the manifest as another agency's 2024 report (so it has a year and would be ranked in
    the same group)."""

    work = tmp_path_factory.mktemp("unread")
    reports = work / "reports"
    reports.mkdir()
    (reports / "good.txt").write_text(tab_report(agency="样例县数据局", carried_over=3), encoding="utf-8")
    (reports / "good copy.txt").write_text(tab_report(agency="样例县数据局", carried_over=3), encoding="utf-8")
    (reports / "bad.txt").write_bytes(bytes(range(256)) * 40)  # binary: file_unreadable
    # no agency, no year: a text that is no report (an empty file no longer has a page: test_h28hostile_audit)
    (reports / "nameless.txt").write_text("会议纪要：无。", encoding="utf-8")
    (reports / "sources.csv").write_text("file,agency,year\nbad.txt,样例县教育局,2024\n", encoding="utf-8")
    site_of(reports, work)
    return work / "site", {_facts(p)["源文件"]: p for p in report_page_files(work / "site")}


def _rows(page, heading_start: str) -> list[list[str]]:
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    return [[c.text_content().strip() for c in tr.xpath("./td")] for tr in doc.xpath("//table//tr")
            if heading_start in tr.text_content()]


def test_a_file_not_read_is_neither_scored_nor_ranked(unread_site):
    site, pages = unread_site
    ranking = site / "report-card" / "index.html"
    bad, good = _rows(ranking, "样例县教育局")[0], _rows(ranking, "样例县数据局")
    # before: the unreadable file scored 100 and ranked first, above the report that was read and checked
    assert bad[0] == "—" and bad[2] == "—", bad
    # (good.txt and its byte-identical copy: one of them is ranked, report_card.copies)
    assert sorted(row[0] for row in good) == ["1", "—"], good
    assert "文件未能读取，无法评估" in lxml.html.document_fromstring(ranking.read_text(encoding="utf-8")).text_content()
    text = lxml.html.document_fromstring(pages["bad.txt"].read_text(encoding="utf-8")).text_content()
    assert "文件未能读取，无法评估" in text and "得分" not in text and "✓ 通过" not in text
    assert "下载本报告的表格" not in text  # a file not read has no tables to download
    assert "得分" in lxml.html.document_fromstring(pages["good.txt"].read_text(encoding="utf-8")).text_content()


def test_a_report_without_a_year_is_titled_without_a_dangling_year_word(unread_site):
    site, pages = unread_site
    # a text naming no agency and no year has its source page as its page since session 29 (test_h29hostile_audit:
    # no report page beside it); its title is checked there (deliberate change: it read its report page)
    assert "nameless.txt" not in pages
    page = next(p for p in (site / "src").rglob("*.html") if "nameless.txt" in p.read_text(encoding="utf-8"))
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    heading = doc.xpath("//h1")[0].text_content().strip()
    assert heading.endswith("nameless.txt"), heading  # before: "（未识别机构）nameless.txt 年度"
    assert "年度" not in doc.xpath("//title")[0].text_content()


def test_bidirectional_overrides_in_report_text_never_reach_the_page_or_its_source_page(flat_site):
    _, pages = flat_site
    page = pages["slash.txt"]
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    excerpt = [td for td in doc.xpath("//td") if "全年收到" in td.text_content()][0]
    # before: U+202E made the rest of the cell read backwards ("4+3-", the 全文 link as 文全)
    assert "全年收到-3+4件，完" in excerpt.text_content()
    href = excerpt.xpath(".//a")[0].get("href")
    source = (page.parent / href.split("#")[0]).read_text(encoding="utf-8")
    assert "全年收到-3+4件，完" in lxml.html.document_fromstring(source).text_content()
    for text in (page.read_text(encoding="utf-8"), source):
        assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_a_duplicate_report_says_so_at_the_top_and_links_its_twin(unread_site):
    _, pages = unread_site
    doc = lxml.html.document_fromstring(pages["good copy.txt"].read_text(encoding="utf-8"))
    note = [p for p in doc.xpath("//article//p") if "还有另一份报告" in p.text_content()]
    # before: only a finding near the end of the page named the other file, without a link
    assert note and note[0].xpath(".//a")[0].text_content() == "good.txt"
    assert note[0].xpath(".//a")[0].get("href").endswith(".html")
    assert doc.xpath("//article//table")[0].getnext() is not None  # (under the facts table, before the rest)
    text = lxml.html.document_fromstring(pages["bad.txt"].read_text(encoding="utf-8")).text_content()
    assert "还有另一份报告" not in text  # another agency's


def test_the_agency_index_explains_a_missing_latest_count(built_site):
    doc = lxml.html.document_fromstring((built_site / "agencies" / "index.html").read_text(encoding="utf-8"))
    row = [tr for tr in doc.xpath("//table[@id='xxgk-agencies']//tr") if "格尔木市数据局" in tr.text_content()][0]
    # its 2025 report's table 3 is not read (session 39: the reason's word, from the data, where a bare “—” was)
    assert row.xpath("./td")[-1].text_content().strip() == "无数据（此表未能读出）"
    # before: a “—” with no word on the page on what it means
    assert "“最近一年新收申请”一栏中，“无数据（此表未能读出）”：计算所需的表格本站未能读出" in doc.text_content()


def test_table_4_on_a_flattened_page_links_to_its_place_in_the_line(flat_site):
    site, pages = flat_site
    doc = lxml.html.document_fromstring(pages["flat.txt"].read_text(encoding="utf-8"))
    heading = [h for h in doc.xpath("//h2") if h.text_content().startswith("四、")][0]
    links = [a.get("href") for a in heading.getnext().xpath(".//a")]
    # before: "#L1" for each row, the whole report on one line
    assert links and all(re.search(r"#L1c\d+$", h) for h in links), links
    page = (pages["flat.txt"].parent / links[0].split("#")[0]).read_text(encoding="utf-8")
    target = lxml.html.document_fromstring(page).get_element_by_id(links[0].split("#")[1]).text_content()
    assert target.split() == ["0"] * 15, target  # the table's 15 numbers, not the text around them


def test_the_about_pages_chinese_sentences_have_no_space_where_the_source_wrapped_them():
    # (audit 28: Markdown turns a line break into a space, so the about page read “勾稽关系， 不一致之处” and
    # “颜色相同 （色盲友好的”: Chinese has no space between words or after its punctuation)
    from xxgk.site.pages import ABOUT

    cjk = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    assert not re.findall(f"{cjk}\\n[ \\t]*{cjk}", ABOUT)
    assert "核对表3、表4的勾稽关系，不一致之处" in ABOUT and "颜色相同（色盲友好的" in ABOUT


def test_the_comparison_without_script_orders_equal_counts_as_the_script_does(tmp_path):
    # (audit 28: two agencies with the same count were 昌吉市行政审批局, 海城市数据局 in the compare page's table for
    # readers without JavaScript — by name — and the reverse in the script's default view, which orders ties by
    # agency id: xinjiang-changji-… after liaoning-anshan-haicheng-…)
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, agency in (("a.txt", "昌吉市行政审批局"), ("b.txt", "海城市数据局")):
        (reports / name).write_text(tab_report(agency=agency), encoding="utf-8")
    site = site_of(reports, tmp_path)
    doc = lxml.html.document_fromstring((site / "compare" / "index.html").read_text(encoding="utf-8"))
    comparison = "//table[not(ancestor::*[@id='xxgk-league-plain'])]"  # (not the league's, which is by name, audit 29)
    shown = [a.text_content() for a in doc.xpath(f"{comparison}//tbody//th//a")]
    ids = [a.get("href").split("/")[-2] for a in doc.xpath(f"{comparison}//tbody//th//a")]
    assert ids == sorted(ids) and shown == ["海城市数据局", "昌吉市行政审批局"], (shown, ids)
