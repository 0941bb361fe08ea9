"""Session 43 (reader journeys round 7): what misled a reader of the built site walked in headless Chromium over the
seeds, the corpus and synthetic reports — a finding's words for a sum that does not hold, the line ends of the CSVs a
reader downloads, the full-text search's words for a phrase no report holds — and the journeys of a researcher
downloading the data, a reader landing deep on a phone, a slow connection and a mistyped address."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

from .conftest import draw_charts, needs_chromium, wait_for
from .factory import tab_report


def _identity_messages(text: str) -> list[str]:
    return [f.message for f in parse(text).findings if f.code == "identity_broken"]


def test_a_broken_sum_says_which_side_is_which_not_what_the_report_should_have_printed():
    # 自然人 printed 6 new requests, the row's 总计 5: the finding read 总计应等于各类申请人之和，应为6，实际5 — as
    # if the agency should have printed 6 (or, for （七）总计 11 over outcomes of 0, 应为0，实际11: a total that
    # should be 0)
    messages = _identity_messages(tab_report(cell="6"))
    assert "表3：一、本年新收政府信息公开申请数量：总计应等于各类申请人之和，但前者为5，后者为6" in messages, messages
    assert "表3：自然人：第一项加第二项之和应等于第三项加第四项之和，但前者为6，后者为5" in messages, messages
    assert not [m for m in messages if "应为" in m.split("应等于")[-1] or "实际" in m], messages


# a file a button downloads (xxgk.js and lists.js make a blob link and click it; compare.js's link is the page's own):
# its name and text, exactly as the browser holds them
DOWNLOADED = """var button = arguments[0], done = arguments[1], click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  HTMLAnchorElement.prototype.click = click;
  var name = this.download;
  fetch(this.href).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
    done([name, Array.from(new Uint8Array(b))]); });
};
button.click();"""
FETCHED = """var done = arguments[arguments.length - 1];
fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); })
  .then(function (b) { done(Array.from(new Uint8Array(b))); });"""


def _clicked(chromium, button) -> tuple[str, bytes]:
    name, data = chromium.execute_async_script(DOWNLOADED, button)
    return name, bytes(data)


def _lines_as_excel_reads_them(name: str, data: bytes) -> list[str]:
    """The lines of a CSV a reader downloads, once checked that it is UTF-8 with a BOM and every line ends with LF
    alone, as the package's CSVs do (one convention for every CSV of the site)."""
    assert data.startswith(b"\xef\xbb\xbf"), name
    assert b"\r\n" not in data and data.endswith(b"\n"), (name, data[:200])
    return data.decode("utf-8-sig").split("\n")[:-1]


@pytest.mark.browser
@needs_chromium
def test_every_csv_a_reader_downloads_ends_its_lines_as_the_packages_do(served_site, server, chromium):
    # the compare page's CSV ended its lines with LF, the report's, the lists' and the charts' with CRLF, the
    # package's with LF: one file of each kind, as the reader's button gives it
    report = next(served_site.glob("a/*/2024.html")).relative_to(served_site).as_posix()
    agency = report.rsplit("/", 1)[0] + "/"
    chromium.set_window_size(1366, 900)
    files = []
    chromium.get(server + "/" + report)
    button = wait_for(lambda: [b for b in chromium.find_elements("css selector", "button[data-xxgk-csv]")
                               if b.is_displayed()])[0]
    files.append(_clicked(chromium, button))
    chromium.get(server + "/" + agency)
    chart = draw_charts(chromium)[0]
    csv_button = chart.find_element("xpath", "ancestor::figure//button[contains(., 'CSV')]")
    files.append(_clicked(chromium, csv_button))
    button = wait_for(lambda: [b for b in chromium.find_elements("css selector", "p[data-xxgk-agency-csv] button")
                               if b.is_displayed()])[0]
    files.append(_clicked(chromium, button))
    chromium.get(server + "/quality/?province=青海省")
    button = wait_for(lambda: [b for b in chromium.find_elements("css selector", "button[data-xxgk-list-csv]")
                               if b.is_displayed()])[0]
    files.append(_clicked(chromium, button))
    chromium.get(server + "/compare/")
    link = wait_for(lambda: (chromium.find_element("id", "xxgk-compare-csv").get_attribute("href") or "")
                    .startswith("blob:") and chromium.find_element("id", "xxgk-compare-csv"), 20)
    files.append((link.get_attribute("download"),
                  bytes(chromium.execute_async_script(FETCHED, link.get_attribute("href")))))
    chromium.get(server + "/data/")
    package = [a.get_attribute("href") for a in chromium.find_elements("css selector", "article a[href$='.csv']")]
    assert any(href.endswith("/findings.csv") for href in package), package
    files += [(href, bytes(chromium.execute_async_script(FETCHED, href))) for href in package]
    assert len(files) >= 6
    for name, data in files:
        lines = _lines_as_excel_reads_them(name, data)
        assert len(lines) >= 2 and "," in lines[0], (name, lines[:2])


@pytest.fixture(scope="module")
def searched_site(tmp_path_factory):
    """The seeds, the corpus and 40 synthetic reports with prose as long as real reports', the full text indexed:
    more reports match a part of a phrase than the 原文检索 page's first twenty."""
    from benchmarks.synthetic import write_reports

    from xxgk.site.fulltext import index_full_text

    from .conftest import SHARED, seeds_and_corpus, site_of

    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    work = tmp_path_factory.mktemp("h43-searched")
    write_reports(40, seeds_and_corpus(work), prose=True)
    site = site_of(work / "reports", work)
    assert index_full_text(site) == 0
    return site


NOWHERE = "量子纠缠态"  # five characters no report holds, one of them (量, of 质量) in most


@pytest.mark.browser
@needs_chromium
def test_a_phrase_no_report_holds_heads_its_list_as_partial_matches(searched_site, chromium):
    # (session 42's leftover: 排在前面的 20 份报告的原文中没有“量子纠缠态”；以下是部分匹配的 406 份报告 — a heading that
    # none holds the words, over a list of 406 reports; the header: 前 10 份中没有“…”；406 份报告部分匹配)
    import re
    from urllib.parse import quote

    from .conftest import serving

    chromium.set_window_size(1366, 900)
    with serving(searched_site) as url:
        chromium.get(url + "/fulltext/?text=" + quote(NOWHERE))
        wait_for(lambda: chromium.find_element("id", "xxgk-fulltext").get_attribute("data-state") == "done", 30)
        status = chromium.find_element("id", "xxgk-fulltext-status").text
        listed = chromium.find_elements("css selector", "#xxgk-fulltext-results > li")
        texts = [li.text for li in listed]
        chromium.get(url + "/")
        chromium.find_element("css selector", "label.md-search__icon, .md-search__input").click()
        chromium.find_element("css selector", "input.md-search__input").send_keys(NOWHERE)
        meta = wait_for(lambda: [e.text for e in chromium.find_elements(
            "css selector", ".xxgk-fulltext-hits .md-search-result__meta") if e.text.startswith("报告原文：")], 30)[0]
    said = re.fullmatch(rf"以下 (\d+) 份报告与“{NOWHERE}”部分匹配（含其中的部分字词），"
                        rf"排在前面的 (\d+) 份的原文都不含“{NOWHERE}”。", status)
    assert said, status  # what the list is first, then what its first reports lack
    assert int(said[1]) > len(listed) == int(said[2]) == 20, (status, len(listed))
    assert all(f"原文不含“{NOWHERE}”" in text for text in texts), texts  # each listed report, as the line says
    header = re.fullmatch(rf"报告原文：(\d+) 份报告部分匹配，前 10 份都不含“{NOWHERE}”（显示前5份）\s*全部列出 →", meta)
    assert header and header[1] == said[1], meta


def test_a_wide_table_published_compressed_is_not_said_to_open_with_a_double_click(seed_package, tmp_path,
                                                                                   monkeypatch):
    # a researcher on the data page: 表3_依申请公开.csv.gz (above 1 MiB, published gzip-compressed) read
    # "Excel 双击打开" — Excel does not open a .gz; the rows of the plain wide tables still say it
    import html
    import re
    import shutil

    import xxgk.site.pages as pages
    from xxgk.site import downloads
    from xxgk.site.build import write_site_src

    out, _, _ = seed_package
    package = tmp_path / "datapackage"
    shutil.copytree(out, package)
    cutoff = (package / "wide" / "表3_依申请公开.csv").stat().st_size - 1  # this one above, as at scale
    assert (package / "wide" / "表4_复议诉讼.csv").stat().st_size < cutoff
    monkeypatch.setattr(downloads, "GZIP_ABOVE", cutoff)
    monkeypatch.setattr(pages, "GZIP_ABOVE", cutoff)
    write_site_src(package, tmp_path / "site_src")
    data = html.unescape((tmp_path / "site_src" / "data.md").read_text(encoding="utf-8"))
    rows = {m[1]: m[0] for m in re.finditer(r'<tr[^>]*><td[^>]*><a href="../downloads/(wide/[^"]+)".*?</tr>', data)}
    assert set(rows) >= {"wide/表3_依申请公开.csv.gz", "wide/表4_复议诉讼.csv"}, list(rows)
    compressed = rows["wide/表3_依申请公开.csv.gz"]
    assert "双击" not in compressed and "先解压（7-Zip、WinRAR）再用 Excel 打开" in compressed, compressed
    assert "Excel 工作簿" in compressed  # the workbook holds the table, unpacked
    assert "Excel 双击打开" in rows["wide/表4_复议诉讼.csv"]


def test_the_data_dictionary_says_what_expected_and_actual_hold_for_a_broken_sum(built_site):
    # a researcher reading findings.csv: 应为 expected “应为的值” of identity_broken read as the number the agency
    # should have printed; it is the identity's right side, its left side in actual
    import re

    from .conftest import read_page

    page = read_page(built_site / "data" / "index.html")
    row = next(m[0] for m in re.finditer(r"<tr[^>]*>(?:(?!</tr>).)*<code>expected</code>.*?</tr>", page, re.S))
    assert "identity_broken" in row and "后者之和" in row and "前者在 actual" in row, row
    assert "哪一边印错无法判断" in row, row


@pytest.mark.browser
@needs_chromium
def test_a_mistyped_years_address_names_the_agency_and_links_the_years_it_has(searched_site, chromium):
    # a reader following a link with a wrong year (/a/<agency>/2099/) was told 本站没有收录该机构2099年的报告 and
    # given one link, 查看该机构已收录的全部报告: neither whose page it was nor which years there are
    from collections import defaultdict

    from .conftest import serving
    from .test_h41site import _package_rows

    years = defaultdict(set)
    for r in _package_rows(searched_site, "reports"):
        if r["agency_id"] and r["year"]:
            years[r["agency_id"]].add(r["year"])
    agency = max(sorted(years), key=lambda a: len(years[a]))
    name = next(a["name"] for a in _package_rows(searched_site, "agencies") if a["agency_id"] == agency)
    assert len(years[agency]) >= 2
    chromium.set_window_size(390, 844)
    with serving(searched_site) as server:
        chromium.get(server + f"/a/{agency}/2099/")
        whole = wait_for(lambda: chromium.find_elements("id", "xxgk-404-agency"))[0]
        status = chromium.find_element("id", "xxgk-404-status")
        text, title, address = status.text, chromium.title, chromium.current_url
        links = [(a.text, a.get_attribute("href")) for a in status.find_elements("css selector", "a")]
        whole = whole.get_attribute("href")
    said = f"本站没有收录{name}2099年的报告。已收录的年度：" + "、".join(f"{y}年" for y in sorted(years[agency])) + "。"
    assert text.startswith(said), text
    assert links == [(f"{y}年", f"{server}/a/{agency}/{y}.html") for y in sorted(years[agency])] + [
        ("查看该机构已收录的全部报告", f"{server}/a/{agency}/")], links
    assert whole == f"{server}/a/{agency}/"
    assert "404" in title and address == f"{server}/a/{agency}/2099/"


@pytest.mark.browser
@needs_chromium
def test_the_compare_page_says_its_data_are_loading_while_they_come(served_site, early):
    # on a slow connection (400 kbit/s, 400 ms) the controls came, then the chart's box under them stood blank and
    # wordless for seconds while json/agencies.json, metrics.json and the measure's file came: here they are held
    # until the test has looked
    import threading

    from .conftest import _Quiet, serving

    released = threading.Event()

    class HeldData(_Quiet):
        def send_head(self):
            if "/json/" in self.path:
                released.wait(60)
            return super().send_head()

    with serving(served_site, HeldData) as url:
        try:
            early.get(url + "/compare/")
            wait_for(lambda: early.execute_script(
                "var f = document.getElementById('xxgk-compare'); return f && f.dataset.done === '1'"), 30)
            waiting = early.find_element("id", "xxgk-compare-status").text
            blank = early.find_element("id", "xxgk-compare-chart").text
        finally:
            released.set()
        wait_for(lambda: early.find_elements("css selector", "#xxgk-compare-chart[data-drawn]"), 60)
        drawn = early.find_element("id", "xxgk-compare-status").text
    assert blank == "" and waiting.startswith("数据加载中"), waiting  # the words while nothing else is there
    assert "加载中" not in drawn and "未选择机构" in drawn, drawn  # the view's own sentence in their place
