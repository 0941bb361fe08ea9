"""What the third hostile-input audit found (session 28): a PDF whose page list hides in a compressed object stream,
output that grows with failed files and with an agency's reports, and sinks a hostile name still reached."""

from __future__ import annotations

import zlib

import pytest

from xxgk import readers
from xxgk.readers import read_bytes

from .conftest import needs_chromium


def object_stream_pdf(times: int, packed=zlib.compress, filters: bytes = b"/FlateDecode") -> bytes:
    """A PDF 1.5 of one page ("Hello") whose page list (object 2) sits in an object stream (object 6), packed by
    ``packed`` (Flate) under ``filters``, and names that page ``times`` times; a cross-reference stream (object 7)
    finds it."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
    plain = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
             3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
             4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
             5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    header = b"2 0 "
    pages = b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * times) + b"] /Count %d >>" % times
    stream = packed(header + pages)
    plain[6] = (b"<< /Type /ObjStm /N 1 /First %d /Filter %s /Length %d >>\nstream\n%s\nendstream"
                % (len(header), filters, len(stream), stream))
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    for number, body in sorted(plain.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[7] = len(out)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"] + [
        b"\x02" + (6).to_bytes(4, "big") + b"\x00\x00" if number == 2
        else b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00" for number in range(1, 8)]
    xref = b"".join(rows)
    out += (b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n"
            % (len(xref), xref))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


def test_a_page_list_inside_a_compressed_object_stream_is_counted_before_it_is_parsed():
    """A 27 KB PDF whose page list, inside a Flate object stream, names its one page 3,000,000 times took 47 CPU s
    (the library parsing the list each time it walked the page tree; twice that size takes a worker's whole 120 s),
    and was then read as one page: the bytes showed no /Kids, so the count from the bytes never saw it. Here
    5,000 times: ``over_budget``, saying how long the list is, as for a list outside an object stream."""
    source = read_bytes(object_stream_pdf(5000), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]
    assert not source.text


def test_a_page_list_in_an_object_stream_within_the_budget_is_still_read():
    source = read_bytes(object_stream_pdf(3), ".pdf")
    assert source.text == "Hello" and not source.findings


def _a85(body: bytes) -> bytes:
    import base64

    return base64.a85encode(zlib.compress(body)) + b"~>"


def _hex(body: bytes) -> bytes:
    return zlib.compress(body).hex().encode() + b">"


@pytest.mark.parametrize(("packed", "filters"), [(_a85, b"[/ASCII85Decode /FlateDecode]"),
                                                 (_hex, b"[ /AHx /Fl ]")])
def test_a_page_list_under_a_chain_of_filters_is_counted_too(packed, filters):
    """The same list under ASCII85 then Flate (a 35 KB file for 3,000,000 entries, 45 CPU s): the check undid Flate
    alone, so the list stayed hidden. The text filters are undone first; the abbreviated names count as well."""
    source = read_bytes(object_stream_pdf(5000, packed, filters), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]
    assert read_bytes(object_stream_pdf(3, packed, filters), ".pdf").text == "Hello"


def test_object_streams_inflating_past_their_budget_are_refused_not_held(monkeypatch):
    """The library inflates an object stream whole; one inflating past ``OBJECT_STREAMS_INFLATED`` (64 MB; here
    made 1,000 bytes) is refused while it is inflated, before anything holds it."""
    monkeypatch.setattr(readers, "OBJECT_STREAMS_INFLATED", 1000)
    source = read_bytes(object_stream_pdf(1, packed=lambda body: zlib.compress(body + b" " * 2000)), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：PDF 的对象流解压后超过 0 MB")]


@pytest.mark.parametrize("damaged", [b"not flate at all", zlib.compress(b"2 0 << /Type /Pages")[:-6]])
def test_an_object_stream_that_does_not_inflate_is_left_to_the_library(damaged):
    """A stream that is no Flate data, or is cut, is not this check's to judge: the library reads what it can."""
    readers._check_page_lists(b"1 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n" + damaged)


EMPTY = ["空白一.txt", "empty-2.docx", "empty-3.pdf"]


@pytest.fixture(scope="module")
def empties_site(tmp_path_factory):
    """Two reports, three empty files no manifest row names, an empty file the manifest gives an agency and year,
    and a file of text that is no report; built with a site address (canonical links and the sitemap)."""
    import csv

    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    from .conftest import ROOT
    from .factory import tab_report

    work = tmp_path_factory.mktemp("empties")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市民政局"), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="格尔木市教育局", carried_over=3), encoding="utf-8")
    (reports / "known.txt").write_bytes(b"")
    (reports / "notes.txt").write_text("会议纪要：无。", encoding="utf-8")
    for name in EMPTY:
        (reports / name).write_bytes(b"")
    with (reports / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["file", "agency", "year"], ["known.txt", "格尔木市财政局", "2024"]])
    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XXGK_SITE_URL", "https://example.org/xxgk/")
        code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)
    assert code == 0
    return work


def _report_ids(work, names) -> dict[str, str]:
    from xxgk.site.data import read_csv

    return {r["source_file"]: r["report_id"] for r in read_csv(work / "datapackage" / "data" / "reports.csv")
            if r["source_file"] in names}


def test_an_empty_file_of_no_agency_has_no_page_and_nothing_links_to_one(empties_site):
    """10,000 empty files in ``reports/`` made a 138 MB site: a report page and a source page each (8 KB saying the
    file's name, its checksum and 空文件), each in the sitemap, the search and four lists. A file that could not be
    read, holds no text and names no agency now has no page; no page, sitemap entry or address map names one."""
    ids = _report_ids(empties_site, EMPTY)
    assert len(ids) == 3
    site = empties_site / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    assert not [p for p in files if any(rid in p.name for rid in ids.values())]
    for path in files:
        if path.suffix in (".html", ".xml", ".json", ".js", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [rid for rid in ids.values() if rid in text], path


def test_the_quality_page_lists_each_file_without_a_page_with_its_reason(empties_site):
    import html
    import re

    page = (empties_site / "site" / "quality" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id=xxgk-pageless'):]
    text = html.unescape(re.sub(r"<[^>]+>", " ", section))
    assert "无法读取且没有文字的文件（3 个）" in text
    for name in EMPTY:
        assert re.search(re.escape(name) + r"\s+无法读取文件：空文件", text), name
    agencies = (empties_site / "site" / "agencies" / "index.html").read_text(encoding="utf-8")
    assert "另有 3 个文件无法读取且没有文字" in html.unescape(re.sub(r"<[^>]+>", "", agencies))
    assert 'href=../quality/#xxgk-pageless' in agencies
    search = (empties_site / "site" / "fulltext" / "index.html").read_text(encoding="utf-8")
    assert "在 4 份报告的原文中检索词语" in search  # (it counted the files without a text to search: 7)


def test_a_failed_file_of_a_known_agency_or_with_text_keeps_its_page(empties_site):
    """The manifest's empty file of 格尔木市财政局 2024 is that agency's year (its list of years leads to its page);
    a text that is no report shows its text. Every file is still a row of reports.csv."""
    from xxgk.site.data import read_csv

    site = empties_site / "site"
    ids = _report_ids(empties_site, ["known.txt", "notes.txt"])
    assert (site / "src" / f"{ids['notes.txt']}.html").exists()
    assert (site / "src" / f"{ids['known.txt']}.html").exists()
    names = {r["source_file"] for r in read_csv(empties_site / "datapackage" / "data" / "reports.csv")}
    assert names == {"a.txt", "b.txt", "known.txt", "notes.txt", *EMPTY}


@pytest.fixture(scope="module")
def many_reports_site(tmp_path_factory):
    """Nine years of one agency's reports, its page made to show 4 and its list pages to hold 4 each."""
    from xxgk.package.build import build_package
    from xxgk.site import agency_page
    from xxgk.site.build import config_for, render_site, write_site_src

    from .conftest import ROOT
    from .factory import tab_report

    work = tmp_path_factory.mktemp("many")
    reports = work / "reports"
    reports.mkdir()
    for year in range(2016, 2025):
        (reports / f"{year}.txt").write_text(tab_report(agency="格尔木市民政局", year=year, carried_over=year % 7),
                                             encoding="utf-8")
    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(agency_page, "AGENCY_ROWS_SHOWN", 4)
        patch.setattr(agency_page, "AGENCY_LIST_ROWS", 4)
        write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)
    assert code == 0
    return work / "site" / "a" / "qinghai-haixi-geermu-minzhengju"


def _links(page) -> list[str]:
    import lxml.html

    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    return [a.get("href") for a in doc.xpath("//article//a") if a.get("href")]


def test_an_agency_of_many_reports_lists_its_latest_and_splits_the_rest_into_list_pages(many_reports_site):
    """An agency of 1,500 reports had a 1.1 MB page (its findings by year alone 720 KB), growing without bound with
    its reports. Its page now lists its latest ``AGENCY_ROWS_SHOWN`` (here 4 of 9) in 历年报告 and in 历年发现的问题,
    and says how many there are, with links to list pages of ``AGENCY_LIST_ROWS`` (here 4) that, without any
    script, lead to every one of its report pages."""
    import html
    import re

    page = many_reports_site / "index.html"
    text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    assert "本机构共有 9 份报告，上表列出最近的 4 份。" in text
    linked_years = sorted({href for href in _links(page) if re.fullmatch(r"\d{4}\.html", href)})
    assert linked_years == [f"{y}.html" for y in range(2021, 2025)]
    lists = sorted({href for href in _links(page) if href.startswith("reports-")})
    assert lists == ["reports-1.html", "reports-2.html", "reports-3.html"]
    reached: list[str] = []
    for name in lists:
        assert (many_reports_site / name).is_file()
        reached += sorted({href for href in _links(many_reports_site / name) if re.fullmatch(r"\d{4}\.html", href)})
    assert reached == [f"{y}.html" for y in range(2016, 2025)]  # each once, on one page, in year order
    assert all((many_reports_site / name).is_file() for name in reached)
    first = html.unescape(re.sub(r"<[^>]+>", "", (many_reports_site / "reports-1.html").read_text(encoding="utf-8")))
    assert "全部报告（第 1/3 页）" in first and "本页是其中第 1–4 份" in first and "第 3 页（2024）" in first


@pytest.mark.browser
@needs_chromium
def test_a_source_page_titled_by_a_long_file_name_does_not_scroll_sideways_on_a_phone(tmp_path, chromium):
    """A text that is no report, in a file named by 200 Latin letters (a name no agency gives, so the page's title is
    the file's name): its source page was 5,033 px wide on a 390 px phone, the reader scrolling sideways to read any
    line; its heading is now cut where it must be, as its lines already were."""
    from .conftest import own_tab, site_of
    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.txt").write_text(tab_report(agency="格尔木市民政局"), encoding="utf-8")
    (reports / f"{'A' * 200}.txt").write_text("会议纪要：无。", encoding="utf-8")
    site = site_of(reports, tmp_path)
    (page,) = [p for p in (site / "src").iterdir() if p.name.startswith("aaaa")]
    with own_tab(chromium) as driver:
        driver.set_window_size(390, 900)
        driver.get(page.as_uri())
        assert "AAAA" in driver.find_element("tag name", "h1").text
        width = driver.execute_script("var e = document.documentElement; return [e.scrollWidth, e.clientWidth]")
        assert width[0] <= width[1], width


def test_a_stream_behind_many_object_stream_types_is_decoded_once(monkeypatch):
    """Thirty ``/Type /ObjStm`` written before one Flate stream each decoded it again: thirty times its cost from
    one stream (a file of such runs took 30 × its size of inflating). It is decoded once."""
    calls = []
    real = readers._inflate
    monkeypatch.setattr(readers, "_inflate", lambda *a: calls.append(a[1]) or real(*a))
    data = (b"1 0 obj << " + b"/Type /ObjStm " * 30 + b"/Filter /FlateDecode >>\nstream\n"
            + zlib.compress(b"/Kids [3 0 R]") + b"\nendstream endobj\n")
    readers._check_page_lists(data)
    assert len(calls) == 1


def test_list_pages_taken_from_the_last_build_are_the_pages_their_inputs_make(tmp_path, monkeypatch):
    """An agency's list pages are spooled like its page and taken from the last build when their stated inputs are
    the same: with the check on, a rebuild after another agency's report changed writes each again and compares (a
    missing input fails the build), and the site is the same bytes as one built without any cache."""
    from xxgk.site import agency_page

    from .factory import tab_report
    from .test_spool_reuse import _build, _tree

    monkeypatch.setattr(agency_page, "AGENCY_ROWS_SHOWN", 2)
    monkeypatch.setattr(agency_page, "AGENCY_LIST_ROWS", 2)
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")
    reports = tmp_path / "reports"
    reports.mkdir()
    for year in range(2020, 2025):
        (reports / f"{year}.txt").write_text(tab_report(agency="格尔木市民政局", year=year, carried_over=year % 5),
                                             encoding="utf-8")
    (reports / "other.txt").write_text(tab_report(agency="格尔木市教育局"), encoding="utf-8")
    _build(reports, tmp_path / "one", tmp_path / "cache")
    (reports / "other.txt").write_text(tab_report(agency="格尔木市教育局", carried_over=1), encoding="utf-8")
    site = _build(reports, tmp_path / "two", tmp_path / "cache")
    lists = sorted(p.name for p in (site / "a" / "qinghai-haixi-geermu-minzhengju").glob("reports-*.html"))
    assert lists == ["reports-1.html", "reports-2.html", "reports-3.html"]
    assert _tree(site) == _tree(_build(reports, tmp_path / "fresh", None))


@pytest.mark.browser
@needs_chromium
def test_the_quality_pages_list_download_names_a_file_without_a_page(empties_site, chromium):
    """The quality page's 下载所列问题（CSV） took each row's report from its link: a file without a page of its own
    has none, so its line named no report. It names the file; its 报告页 cell is empty (there is no page)."""
    import csv
    import io
    import subprocess
    import sys

    from .conftest import own_tab

    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                               str(empties_site / "site")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        with own_tab(chromium) as driver:
            port = server.stdout.readline().split("port ")[1].split()[0]
            driver.set_window_size(390, 900)
            driver.get(f"http://127.0.0.1:{port}/quality/")
            # on a phone each row is a card titled by its report, with a page or not (the first row's decided it)
            titled = driver.execute_script("""return Array.from(document.querySelectorAll(
                'table[data-xxgk-problem=file_unreadable] tbody tr')).map(function (r) {
                  return r.cells[0].hasAttribute('data-title'); });""")
            # (lists.js, fetched as the page opens, within 20 s: 5 s were a fixed number of polls a loaded machine
            # outlasts)
            text = driver.execute_async_script("""
                var done = arguments[0], tries = 0;
                (function wait() {
                  if (!window.xxgkLists) { if (++tries > 400) return done("no lists.js"); return setTimeout(wait, 50); }
                  var tables = Array.from(document.querySelectorAll("table[data-xxgk-problem]")).map(function (t) {
                    return [t]; });
                  window.xxgkLists.listCsv(tables).text().then(done);
                })();""")
    finally:
        server.terminate()
        server.wait()
    assert titled == [True] * 4
    rows = {r["报告"]: r["报告页"] for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
            if r["问题代码"] == "file_unreadable"}
    assert {name: page for name, page in rows.items() if not page} == {f"（未识别机构）{name}": "" for name in EMPTY}
    assert rows["格尔木市财政局 2024年度"].endswith("/a/qinghai-haixi-geermu-caizhengju/2024.html")  # (a page)


def _page_list_by_reference(times: int) -> bytes:
    """A PDF of one page whose /Pages names its list by reference (``/Kids 6 0 R``), object 6 an array naming the
    page ``times`` times."""
    from .test_h27hostile_audit import pdf_of

    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
    return pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids 6 0 R /Count %d >>" % times,
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                   b" /Resources << /Font << /F1 5 0 R >> >> >>",
                   b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
                   b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                   b"[" + b" ".join([b"3 0 R"] * times) + b"]"])


def test_a_page_list_given_by_reference_is_counted_too():
    """``/Kids 6 0 R`` with object 6 an array naming the one page 300,000 times (1.8 MB): 5 CPU s and read as one
    page — the count looked for ``/Kids [`` only. The arrays a /Kids names are counted, in the bytes and in object
    streams; an array of many references that no /Kids names (an /Annots, a form's /Fields) is not a page list."""
    source = read_bytes(_page_list_by_reference(5000), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]
    assert read_bytes(_page_list_by_reference(3), ".pdf").text == "Hello"
    unnamed = _page_list_by_reference(5000).replace(b"/Kids 6 0 R", b"/Kids [3 0 R]")
    readers._check_page_lists(unnamed)


@pytest.mark.parametrize("packed", [zlib.compress, None])
def test_a_page_list_by_reference_inside_an_object_stream_is_counted(packed):
    """The same array as an object of an object stream, Flate or not compressed, its /Pages outside it."""
    header = b"6 0 "
    body = header + b"[" + b" ".join([b"3 0 R"] * 5000) + b"]"
    data = (b"2 0 obj << /Type /Pages /Kids 6 0 R /Count 5000 >> endobj\n"
            b"9 0 obj << /Type /ObjStm /N 1 /First %d%s /Length %d >>\nstream\n%s\nendstream"
            % (len(header), b" /Filter /FlateDecode" if packed else b"", len(packed(body) if packed else body),
               packed(body) if packed else body))
    with pytest.raises(readers.OverBudget, match="页面列表有 5000 项"):
        readers._check_page_lists(data)
