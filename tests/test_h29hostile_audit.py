"""What the fourth hostile-input audit found (session 29): PDF page lists and objects the pre-parse count could
not see (a chain of references, LZW and run-length object streams, a cycle of references)."""

from __future__ import annotations

import pytest

from xxgk.readers import read_bytes

from .test_h28hostile_audit import object_stream_pdf

CONTENT = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"


def plain_pdf(objects: dict[int, bytes], trailer: bytes = b"") -> bytes:
    """A PDF 1.4 of the numbered object bodies, with a cross-reference table; object 1 is its catalog."""
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    size, xref = max(objects) + 1, len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets.get(number, 0) for number in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def one_page(kids: bytes = b"[3 0 R]") -> dict[int, bytes]:
    """The objects of a one-page PDF ("Hello") whose page list (object 2) has ``kids`` as its /Kids."""
    return {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids %s /Count 1 >>" % kids,
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
            4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(CONTENT), CONTENT),
            5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}


def findings(data: bytes) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in read_bytes(data, ".pdf").findings]


def test_a_page_list_reached_through_a_chain_of_references_is_counted():
    """``/Kids 6 0 R``, object 6 being ``7 0 R`` and object 7 the list naming one page 300,000 times (1.8 MB):
    4.4 CPU s, and read as one page, the check matching /Kids to the array it names directly only. The chain is
    followed to its end."""
    objects = one_page(b"6 0 R")
    objects[6], objects[7] = b"7 0 R", b"[" + b"3 0 R " * 5000 + b"]"
    assert findings(plain_pdf(objects)) == [("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]
    objects[7] = b"[3 0 R]"
    assert read_bytes(plain_pdf(objects), ".pdf").text == "Hello"


@pytest.mark.parametrize("where", ["/Kids 6 0 R", "/Pages", "/Info"])
def test_a_cycle_of_references_is_refused_at_once_not_followed_for_120_seconds(where):
    """Objects 6 and 7 each nothing but a reference to the other: the PDF library follows a reference to its end
    without counting, so the file named as the page list, the page tree or the document's information kept a
    worker busy until its 120 s were up (then ``over_budget``, 时间). Now ``file_unreadable`` saying why, at once."""
    objects, trailer = one_page(), b""
    if where == "/Kids 6 0 R":
        objects = one_page(b"6 0 R")
    elif where == "/Pages":
        objects[1] = b"<< /Type /Catalog /Pages 6 0 R >>"
    else:
        trailer = b"/Info 6 0 R "
    objects[6], objects[7] = b"7 0 R", b"6 0 R"
    assert findings(plain_pdf(objects, trailer)) == [
        ("file_unreadable", "无法读取文件：PDF 的对象引用成环（6 → 7 → 6）")]


def test_an_object_redefined_by_a_later_update_is_not_a_cycle():
    """An incremental update may replace object 7 (once ``6 0 R``) by something else: only the later one counts."""
    data = plain_pdf(one_page())
    update = b"6 0 obj\n7 0 R\nendobj\n7 0 obj\n6 0 R\nendobj\n7 0 obj\n<< >>\nendobj\n"
    assert read_bytes(data + update, ".pdf").text == "Hello"


def tree_of_lists(nodes: int, entries: int, by_reference: bool = False) -> bytes:
    """A one-page PDF whose page list names ``nodes`` subtrees, each listing the page ``entries`` times (written in
    the subtree, or as an array object of its own the subtree names: ``/Kids 20 0 R``)."""
    objects = one_page(b"[" + b" ".join(b"%d 0 R" % (1000 + k) for k in range(nodes)) + b"]")
    for k in range(nodes):
        kids = b"[" + b"3 0 R " * entries + b"]"
        if by_reference:
            objects[5000 + k], kids = kids, b"%d 0 R" % (5000 + k)
        objects[1000 + k] = b"<< /Type /Pages /Parent 2 0 R /Kids %s /Count 1 >>" % kids
    return plain_pdf(objects)


@pytest.mark.parametrize("by_reference", [False, True])
def test_many_page_lists_each_within_the_budget_are_counted_together(by_reference):
    """1,000 subtrees each listing one page 999 times (6 MB): each list within the budget of 1,000, so the check
    let it pass, and the library took 18 CPU s walking the million entries (a 20 MB file: a minute of the
    worker's 120 s). All the lists together are held to four times the budget; a tree of a few subtrees, as real
    files have, is still read."""
    assert findings(tree_of_lists(100, 999, by_reference)) == [
        ("over_budget", "超出处理上限：PDF 的页面列表共有 100000 项，超过上限 4000 项")]
    assert read_bytes(tree_of_lists(3, 2, by_reference), ".pdf").text == "Hello"


def lzw(data: bytes) -> bytes:
    """``data`` LZW-encoded as a PDF reader decodes it: a clear code, every byte as its own 9-bit code (the table
    cleared before it would need 10 bits), the end code."""
    codes = [256]
    for at, byte in enumerate(data):
        if at and at % 200 == 0:
            codes.append(256)
        codes.append(byte)
    codes.append(257)
    bits = "".join(format(code, "09b") for code in codes)
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


def run_length(data: bytes) -> bytes:
    """``data`` RunLength-encoded in literal runs of 4 bytes (a length byte inside every ``3 0 R``, so that the
    bytes as written show no list), then the end byte."""
    return b"".join(bytes([len(data[at:at + 4]) - 1]) + data[at:at + 4] for at in range(0, len(data), 4)) + b"\x80"


@pytest.mark.parametrize(("packed", "filters"), [(lzw, b"/LZWDecode"), (run_length, b"/RunLengthDecode"),
                                                 (lzw, b"[/LZW]")])
def test_a_page_list_in_an_lzw_or_run_length_object_stream_is_counted(packed, filters):
    """An object stream under LZW or RunLength was left to the library, bounded by the 120 s only: its list of
    3,000,000 references took as long as under Flate (47 CPU s). Both are now decoded within the budget too; an
    honest file under them is still read."""
    assert findings(object_stream_pdf(5000, packed, filters)) == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]
    assert read_bytes(object_stream_pdf(3, packed, filters), ".pdf").text == "Hello"


def test_an_lzw_object_stream_inflating_past_its_budget_is_refused(monkeypatch):
    from xxgk import readers

    monkeypatch.setattr(readers, "OBJECT_STREAMS_INFLATED", 1000)
    assert findings(object_stream_pdf(1, lambda body: lzw(body + b" " * 2000), b"/LZWDecode")) == [
        ("over_budget", "超出处理上限：PDF 的对象流解压后超过 0 MB")]


def test_two_homophone_agencies_whose_short_digests_agree_keep_two_ids(tmp_path):
    """格尔木市书拘驹局 and 格尔木市数句巨局 read alike (shujujuju), as does 格尔木市书据据局, whose reports begin
    first and which keeps the plain id; the other two were told apart by four hex digits of a digest of their
    keys, and those agree (cbaa): one id for two agencies, one agency page showing both. The earlier-beginning one
    keeps its four digits; the other's are lengthened until its id is its own."""
    from .test_site26 import _ids

    ids = _ids(tmp_path / "reports", {"a.txt": ("格尔木市书拘驹局", 2022), "b.txt": ("格尔木市数句巨局", 2023),
                                      "c.txt": ("格尔木市书据据局", 2021)})
    assert ids["格尔木市书据据局"] == "qinghai-haixi-geermu-shujujuju"
    assert ids["格尔木市书拘驹局"] == "qinghai-haixi-geermu-shujujuju-cbaa"
    assert ids["格尔木市数句巨局"].startswith("qinghai-haixi-geermu-shujujuju-cbaa")
    assert len(set(ids.values())) == 3


def test_two_long_names_alike_in_their_first_80_letters_keep_two_ids(tmp_path):
    """The id is cut at 80 characters: two names alike that far are told apart as homophones are (checked: not
    wrong; kept so)."""
    from .test_site26 import _ids

    common = "格尔木市社会主义核心价值观宣传教育实践活动领导小组办公室综合协调督查指导服务"
    ids = _ids(tmp_path / "reports", {"a.txt": (common + "甲局", 2023), "b.txt": (common + "乙局", 2024)})
    first, second = ids[common + "甲局"], ids[common + "乙局"]
    assert len(first) <= 80 and second.startswith(first + "-") and first != second


from .test_h28hostile_audit import _report_ids, empties_site  # noqa: E402,F401 (the site with a text that is no report)


def _visible(markup: str) -> str:
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_a_text_that_is_no_report_has_its_source_page_alone_and_every_link_leads_there(empties_site):  # noqa: F811
    """notes.txt (会议纪要：无。) is no report: no agency, no year, no table. It had a report page saying its name,
    checksum and 无法读取 under the site's frame, beside the source page showing its text: 10,000 such files made
    20,000 pages, and a row each in the agencies' list of reports of no agency and in the ranking (未评分). Now its
    source page is its page, saying why the file is not read as a report; the quality page lists it, linked there;
    the agencies' list and the ranking count it in a sentence leading to that list; nothing names r/<id>."""
    site = empties_site / "site"
    rid = _report_ids(empties_site, ["notes.txt"])["notes.txt"]
    assert not (site / "r" / f"{rid}.html").exists()
    source = (site / "src" / f"{rid}.html").read_text(encoding="utf-8")
    assert "会议纪要：无。" in _visible(source)
    assert "此文件未能读作年报，没有报告页" in _visible(source) and "返回报告页" not in source
    assert 'href="../quality/#xxgk-source-only"' in source
    agencies = (site / "agencies" / "index.html").read_text(encoding="utf-8")
    assert "另有 1 个文件有文字但未能读作年报" in _visible(agencies) and "quality/#xxgk-source-only" in agencies
    ranking = (site / "report-card" / "index.html").read_text(encoding="utf-8")
    assert "notes.txt" not in _visible(ranking) and "另有 1 个文件有文字但未能读作年报" in _visible(ranking)
    quality = (site / "quality" / "index.html").read_text(encoding="utf-8")
    section = _visible(quality[quality.index("id=xxgk-source-only"):])
    assert "未能读作年报的文字文件（1 个）" in section and "notes.txt" in section
    assert f"../src/{rid}.html" in quality
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".txt"):
            assert f"r/{rid}" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_manifest_note_of_200000_characters_is_refused_not_published_in_reports_csv(tmp_path):
    """A manifest row's ``notes`` of 200,000 characters (a pasted page) was published whole in reports.csv: a cell
    no spreadsheet holds (Excel: 32,767) and Python's csv module refuses by default (``field larger than field
    limit (131072)``), so a reader's script stopped on the package's own table. It is refused as other values are:
    ``manifest_value_invalid`` quoting its start and length, the note missing; a short note is still published."""
    import csv

    from xxgk.package.build import build_package

    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市民政局"), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="格尔木市教育局"), encoding="utf-8")
    (reports / "sources.csv").write_text("file,notes\na.txt," + "注" * 200_000 + "\nb.txt,从门户网站下载\n",
                                         encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    with (tmp_path / "datapackage" / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["source_file"]: r for r in csv.DictReader(handle)}
    assert rows["a.txt"]["notes"] == "" and rows["b.txt"]["notes"] == "从门户网站下载"
    with (tmp_path / "datapackage" / "data" / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        found = [f for f in csv.DictReader(handle)
                 if f["report_id"] == rows["a.txt"]["report_id"] and f["code"] == "manifest_value_invalid"]
    assert [(f["column"], f["actual"][-15:]) for f in found] == [("notes", "注…（共 200000 个字）")]
