"""What a hostile-input audit found (session 27): a text file with a few bytes its encoding cannot read — one stray
byte in a UTF-8 report (a download cut and resumed, a copy pasted through a tool in another encoding), one unpaired
surrogate in a UTF-16 one — lost far more than those bytes, and nothing said why."""

from __future__ import annotations

import csv

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import tab_report

AGENCY = "甲县民政局"


def _undecodable(source) -> list:
    return [f for f in source.findings if f.code == "text_undecodable"]


def test_a_stray_byte_in_a_utf8_title_loses_only_that_byte_and_is_said():
    """``甲县民政局2024年政府信息公开工作年度报告`` followed by one byte no UTF-8 reads (0xFF). The title's line was
    read as GB18030 (the file taken for a mixture of UTF-8 and GB18030 lines), 鐢插幙姘戞斂灞€2024骞…: no agency, no
    year, and the source page showed that text. Now the line reads as printed with one U+FFFD where the
    byte was, and a warning names the line."""
    data = tab_report(agency=AGENCY).encode("utf-8")
    end = data.index(b"\n")
    source = read_bytes(data[:end] + b"\xff" + data[end:], ".txt")
    first_line = source.text.split("\n")[0]
    assert first_line == f"{AGENCY}2024年政府信息公开工作年度报告\ufffd"
    record = parse(source.parse_text)
    assert (record.agency, record.year) == (AGENCY, 2024)
    notes = _undecodable(source)
    assert len(notes) == 1 and notes[0].line == 1 and notes[0].severity == "warning"
    assert "1 处" in notes[0].message and "第1行" in notes[0].message


def test_a_stray_byte_in_a_utf8_row_leaves_the_other_lines_as_printed():
    """One 0xFF inside the narrative's line: that line became mojibake (概述 read as GB18030), the rest stayed; now
    only the byte is lost, and said."""
    text = tab_report(agency=AGENCY, narrative="本年度共收到申请5件。")
    data = text.encode("utf-8").replace("申请5件".encode(), "申请5件".encode() + b"\xff", 1)
    source = read_bytes(data, ".txt")
    assert "本年度共收到申请5件\ufffd。" in source.text.split("\n")
    assert source.text.replace("\ufffd", "") == text
    assert [f.line for f in _undecodable(source)] == [3]


def test_a_utf16_report_with_an_unpaired_surrogate_is_read_not_refused_as_binary():
    """A UTF-16 text without a byte-order mark holding one unpaired surrogate (0xD800 before 行政许可) was refused
    whole — ``file_unreadable``, "不是可识别编码的文本（可能是二进制文件）" — for two bytes. Now it is read, the
    surrogate a U+FFFD with a warning, and every number of table 三 is there."""
    text = tab_report(agency=AGENCY)
    data = text.encode("utf-16-le")
    at = data.index("行政许可".encode("utf-16-le"))
    source = read_bytes(data[:at] + b"\x00\xd8" + data[at:], ".txt")
    assert not [f for f in source.findings if f.code == "file_unreadable"]
    record = parse(source.parse_text)
    assert (record.agency, record.year) == (AGENCY, 2024)
    assert record.values("applications")[("new", "natural_person")] == 5
    line = next(n for n, row in enumerate(source.text.split("\n"), 1) if "行政许可" in row)
    assert [f.line for f in _undecodable(source)] == [line]


def test_bytes_a_text_with_a_byte_order_mark_cannot_decode_are_said():
    """A UTF-8 file with its BOM and one byte no UTF-8 reads inside 行政许可: the byte was silently a U+FFFD, the row
    unrecognised (``label_unrecognised``) with no word of why. The row is still lost, but now the reason is said."""
    data = tab_report(agency=AGENCY).encode("utf-8")
    at = data.index("行政许可".encode()) + 3
    source = read_bytes(b"\xef\xbb\xbf" + data[:at] + b"\xff" + data[at:], ".txt")
    line = next(n for n, row in enumerate(source.text.split("\n"), 1) if "行\ufffd政许可" in row)
    assert [f.line for f in _undecodable(source)] == [line]


def test_a_clean_text_has_no_undecodable_finding():
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "gb18030"):
        assert not _undecodable(read_bytes(tab_report(agency=AGENCY).encode(encoding), ".txt"))


def _deep_page_tree_pdf(depth: int) -> bytes:
    """A one-page PDF whose page sits ``depth`` /Pages nodes below the catalogue (each node one kid)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        parent = b"" if level == 0 else b" /Parent %d 0 R" % (level + 1)
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (level + 3, parent))
    leaf = depth + 2
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>" % (leaf - 1, leaf + 1))
    stream = b"BT 72 720 Td ET"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the catalogue first) with its cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_page_tree_too_deep_to_walk_is_over_budget_not_a_damaged_file():
    """A page tree 2,000 nodes deep (a hostile file; 200,000 in the audit) exhausts the reader's recursion, which
    pdfplumber wraps in its own exception: the file was ``file_unreadable``, "RecursionError: maximum recursion depth
    exceeded", as if it were damaged. It is a limit of the reader, as a nested page or .docx is: ``over_budget``."""
    source = read_bytes(_deep_page_tree_pdf(2000), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [("over_budget", "超出处理上限：结构嵌套过深")]


def test_a_docx_of_entities_expanding_into_billions_is_over_budget():
    """A .docx whose document.xml defines entities of entities ("billion laughs") is refused by libxml2's
    amplification limit: that was ``file_unreadable`` quoting libxml2 in English ("Maximum entity amplification factor
    exceeded, see xmlCtxtSetMaxAmplification."); it is a budget reached, said in Chinese, and no text is read."""
    import io
    import zipfile

    from .factory import as_docx

    names = "abcdefgh"  # each entity ten of the one before: h is 10^8 characters
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in zip(names, names[1:], strict=False))
    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as bomb:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                head, _, rest = data.decode("utf-8").partition("?>")
                data = f"{head}?><!DOCTYPE w:document [{entities}]>{rest.replace('概述', '&h;', 1)}".encode()
            bomb.writestr(item, data)
    source = read_bytes(out.getvalue(), ".docx")
    assert [f.code for f in source.findings] == ["over_budget"] and "实体" in source.findings[0].message
    assert not source.text


def test_a_manifest_agency_the_resolver_cannot_read_is_quoted_in_its_finding():
    """sources.csv gives 中国人民银行格尔木市支行 for a report whose text names 格尔木市民政局: the manifest wins,
    and the finding said 清单 sources.csv 的机构为“”，正文识别为“格尔木市民政局” — an empty name, as if the
    manifest's cell were blank. It quotes the name the manifest gives."""
    from xxgk.agency.resolve import name_to_agency

    text = tab_report(agency="格尔木市民政局")
    agency = name_to_agency("格尔木市民政局", text, {"agency": "中国人民银行格尔木市支行"})
    differs = [f for f in agency.findings if f.code == "agency_manifest_differs"]
    assert [(f.expected, f.actual) for f in differs] == [("中国人民银行格尔木市支行", "格尔木市民政局")]
    assert "机构为“中国人民银行格尔木市支行”" in differs[0].message


def test_a_report_still_being_written_while_it_is_read_is_not_parsed_from_its_first_part(tmp_path, monkeypatch):
    """A report still arriving in ``reports/`` (a browser saving it, a sync client) while the build reads it: the
    reader took the size, the file grew, and the part up to that size was parsed as the whole report — its first
    tables read, the rest row_absent and section_absent, nothing saying the file was incomplete. Here the file grows
    each time its size is looked at, as a download does; it is now ``file_unreadable``, saying it was changing."""
    from xxgk import readers

    text = tab_report(agency=AGENCY).encode("utf-8")
    path = tmp_path / "arriving.txt"
    path.write_bytes(text[:200])
    rest = [text[200:][i:i + 100] for i in range(0, len(text) - 200, 100)]
    real_fstat = readers.os.fstat

    def fstat_while_written(fd):
        info = real_fstat(fd)
        if rest:
            with path.open("ab") as writer:
                writer.write(rest.pop(0))
        return info

    monkeypatch.setattr(readers.os, "fstat", fstat_while_written)
    source = readers.read_path(path, nofollow=True)
    assert not source.text
    assert [(f.code, f.message) for f in source.findings] == [("file_unreadable", f"无法读取文件：{readers.CHANGING}")]
    monkeypatch.setattr(readers.os, "fstat", real_fstat)
    path.write_bytes(text)  # once written, it is read
    assert parse(readers.read_path(path, nofollow=True).parse_text).values("applications")[("new", "total")] == 5


def test_a_manifest_url_of_millions_of_characters_is_quoted_by_its_start(tmp_path):
    """A ``url`` cell of 3,000,000 characters (a pasted page, inside the manifest's budget) was refused as no
    address, and its finding quoted it whole: 6 MB of findings.csv (message and actual), a 3 MB report page and a
    3 MB quality page for one cell. A name was already quoted by its start and length; the address is too."""
    from xxgk.package.build import build_package
    from xxgk.site.data import read_csv

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "good.txt").write_text(tab_report(agency="良好局"), encoding="utf-8")
    pasted = "https://a.gov.cn/" + "x" * 3_000_000
    (tmp_path / "reports" / "sources.csv").write_text(f"file,url\ngood.txt,{pasted}\n", encoding="utf-8")
    _, errors = build_package(tmp_path / "reports", tmp_path / "datapackage", workers=1)
    assert errors == []
    found = [f for f in read_csv(tmp_path / "datapackage" / "data" / "findings.csv")
             if f["code"] == "manifest_value_invalid"]
    assert [f["column"] for f in found] == ["url"]
    assert found[0]["actual"].startswith("https://a.gov.cn/xxx") and found[0]["actual"].endswith("（共 3000017 个字）")
    assert len(found[0]["message"]) < 5_000
    assert read_csv(tmp_path / "datapackage" / "data" / "reports.csv")[0]["source_url"] is None


@pytest.mark.parametrize(("given", "quoted"), [
    ("甲县\u202e局政民", "甲县\\u202e局政民"), ("乙县\x07民政局", "乙县\\x07民政局"),
    ("丙县\ufffd民政局", "丙县\\ufffd民政局"), ("戊县\u3164民政局", "戊县\\u3164民政局"),
    ("丁县\ue000民政局", "丁县\\ue000民政局"), ("己县?民政局", "己县?民政局")])
def test_a_manifest_agency_holding_a_character_that_is_no_text_is_refused_not_cut(tmp_path, given, quoted):
    """sources.csv names the publisher with a character that is no text in it: a control (BEL), a bidirectional
    override, U+FFFD, a private-use character, a Hangul filler, a ? printed for a lost glyph. A title's name is refused
    for any of them (``agency_unreadable``); the manifest's was taken with the controls and overrides dropped —
    乙县民政局 for 乙县\\x07民政局, 甲县局政民 for the reversed 甲县\\u202e局政民, published as 格尔木市甲县局政民 — or
    as it was, romanised into an agency id. Now it is ``manifest_value_invalid``, each such character quoted by its
    code, and the agency is the text's, as for any manifest value that cannot be true."""
    from xxgk.package.build import build_package
    from xxgk.site.data import read_csv

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(tab_report(agency="格尔木市民政局"), encoding="utf-8")
    with (tmp_path / "reports" / "sources.csv").open("w", encoding="utf-8", newline="") as manifest:
        csv.writer(manifest).writerows([["file", "agency", "notes"], ["r.txt", given, "备注" * 200]])
    _, errors = build_package(tmp_path / "reports", tmp_path / "datapackage", workers=1)
    assert errors == []
    report = read_csv(tmp_path / "datapackage" / "data" / "reports.csv")[0]
    assert (report["agency"], report["agency_id"]) == ("格尔木市民政局", "qinghai-haixi-geermu-minzhengju")
    found = [f for f in read_csv(tmp_path / "datapackage" / "data" / "findings.csv")
             if f["code"] in ("manifest_value_invalid", "manifest_override", "agency_manifest_differs")]
    assert [(f["code"], f["column"], f["actual"]) for f in found] == [("manifest_value_invalid", "agency", quoted)]


def test_a_manifest_name_with_a_bidirectional_mark_or_a_tab_is_still_read():
    """What a title's name may hold, the manifest's may too: a left-to-right mark a CMS put before it is dropped."""
    from xxgk.package.collect import _readable_names

    class Report:
        file_findings: list = []

    entry = {"agency": "\u200e格尔木市教育局", "province": "青海", "city": "", "county": ""}
    _readable_names(Report, entry)
    assert entry["agency"] == "格尔木市教育局" and Report.file_findings == []


def test_one_file_of_thousands_of_unknown_rows_lists_a_thousand_findings_and_counts_the_rest():
    """A text whose table 三 holds thousands of rows of labels no rule knows (100,000 in the audit: a 3.3 MB file
    gave 100,000 ``label_unrecognised`` findings, 25 MB of findings.csv and 33 MB of xxgk.db). A report lists at most
    1,000 findings of one code; one ``findings_not_listed`` counts the rest. The report's own rows are still read."""
    text = tab_report(agency=AGENCY)
    heading = text.index("\n", text.index("三、收到和处理")) + 1
    unknown = "".join(f"杂项{n}\t{n}\t0\t0\t0\t0\t0\t{n}\n" for n in range(1, 1501))
    record = parse(text[:heading] + unknown + text[heading:])
    codes = [f.code for f in record.findings]
    assert codes.count("label_unrecognised") == 1000
    not_listed = [f for f in record.findings if f.code == "findings_not_listed"]
    assert [(f.actual, f.severity) for f in not_listed] == [("500", "warning")]
    assert "label_unrecognised" in not_listed[0].message
    assert record.values("applications")[("new", "total")] == 5
