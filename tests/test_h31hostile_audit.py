"""What the sixth hostile-input audit found (session 31): the PDF library's strings and names grown a copy at a time
(time in the square of their length) …"""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from xxgk.readers import read_bytes

from .test_h29hostile_audit import one_page, plain_pdf
from .test_splitting_bound import no_hang


def _tokens(data: bytes, methods: dict | None = None) -> list:
    """Every token pdfminer's tokenizer reads in ``data``, with the library's own string methods (``methods``) or
    those in place."""
    from pdfminer.psparser import PSEOF, PSBaseParser

    parser_class = type("Library", (PSBaseParser,), methods) if methods else PSBaseParser
    parser, out = parser_class(io.BytesIO(data)), []
    try:
        while True:
            out.append(parser.nexttoken())
    except PSEOF:
        return out


TOKENS = [rb"(a\\b\(c\)\101\12x\\" + b"\r\n" + rb"y\
z) /A#41#4 /B#e9 /C#2 (" + rb"\\)" * 3000 + rb") (\8\q\
)", b"(" + b"(" * 5000 + b"x" + b")" * 5001 + b" /" + b"#41" * 3000 + b" ", b"((()", b"(\\", b"/x#", b"(\\10",
          b"(" + b"A" * 4095 + b"\\101\\\r\n) (" + b"B" * 4094 + b"\\\r\nC) /" + b"D" * 4094 + b"#4" + b"1 ",
          b"<41 4 2> <4> <> < > <a B c> <414> <" + b"4" * 4095 + b"1 2> <" + b"41" * 5000 + b"\n3>",
          b"true false truex " + b"k" * 5000 + b" +12 - -3 1.5 .5 -.25 3. +. " + b"9" * 5000 + b" 7"
          + b"0" * 4100 + b".5 " + b"% a comment\n%" + b"c" * 5000 + b"\r/N 12 R [1 2] <</A 1>> {x}"]


@pytest.mark.parametrize("data", TOKENS, ids=range(len(TOKENS)))
def test_the_pdf_tokenizer_in_place_reads_the_same_tokens_as_the_library(data):
    """``xxgk.psstrings`` replaces the methods of pdfminer's tokenizer that grow a token; every token is the same as
    the library's own methods read, across its 4,096-byte buffers too (an escape, a CR LF, a name's ``#41``, a hex
    string, a keyword, a number or a comment cut by one), of every type (strings, names, keywords, numbers)."""
    from xxgk import psstrings

    psstrings.install()
    assert _tokens(data) == _tokens(data, psstrings.LIBRARY)


def _pdf_with_content(content: bytes) -> bytes:
    objects = one_page()
    packed = zlib.compress(content, 9)
    objects[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
    return plain_pdf(objects)


@pytest.mark.parametrize("operand", [b"(" * 1_500_000 + b")" * 1_500_000, b"(" + b"\\(" * 2_500_000 + b")",
                                     b"/" + b"#41" * 1_000_000, b"<" + b"41" * 20_000_000 + b">"])
def test_a_long_string_of_escapes_in_a_small_pdf_is_read_in_time_linear_in_it(operand):
    """A page whose content stream holds, beside its text, a string of 1,500,000 nested parentheses (or 2,500,000
    escaped ones, a name of 1,000,000 ``#41``, a hex string of 40 MB) as an operand no operator uses: the file is 9 to
    40 KB (Flate), and the PDF library grew the token a copy at a time (400,000 parentheses: 7.7 CPU s, 1,500,000
    about two minutes; the hex string 124 s: the worker's whole budget, for one small file). Grown in place now
    (``xxgk.psstrings``); the text is read."""
    data = _pdf_with_content(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET " + operand + b" xx")
    assert len(data) < 50_000
    with no_hang(60):
        source = read_bytes(data, ".pdf")
    assert source.text == "Hello" and not source.findings


def test_the_pdf_librarys_rc4_is_the_linear_one_wherever_the_library_reads_it(monkeypatch):
    """``xxgk.rc4.install`` put its RC4 in ``pdfminer.pdfdocument`` only, under the name that module imports: a
    library reading ``pdfminer.arcfour.Arcfour`` would have used the quadratic one again, unnoticed (an honest
    1.5 MB RC4 report lost to the 120 s). Both names are the linear RC4 now, an encrypted report is decrypted
    through it, and a library without the name stops the build rather than read slowly."""
    import pdfminer.arcfour
    import pdfminer.pdfdocument

    from xxgk import rc4

    from .test_h30hostile_audit import encrypted_pdf

    calls = []
    monkeypatch.setattr(rc4.Arcfour, "process", lambda self, data, real=rc4.Arcfour.process: calls.append(1)
                        or real(self, data))
    monkeypatch.setattr(rc4.Arcfour, "decrypt", rc4.Arcfour.process)
    monkeypatch.setattr(rc4.Arcfour, "encrypt", rc4.Arcfour.process)
    assert read_bytes(encrypted_pdf(3), ".pdf").text == "Hello" and calls
    assert pdfminer.arcfour.Arcfour is pdfminer.pdfdocument.Arcfour is rc4.Arcfour
    rc4.install.cache_clear()
    monkeypatch.delattr(pdfminer.pdfdocument, "Arcfour")
    with pytest.raises(RuntimeError, match="no Arcfour"):
        rc4.install()
    rc4.install.cache_clear()


def test_controls_and_direction_overrides_in_report_text_are_published_by_their_codes(tmp_path):
    """A report whose overview says ``收到申请\\u202e51\\u202c件`` and holds ``ESC [2J`` (a page pasted from a terminal,
    or planted), and whose table 三 has a cell ``\\u202e5\\u202c``: sections.csv, xxgk.db and Parquet published the text
    as read, so Excel and a text editor showed "收到申请15件" (the override turns what follows around; the parser read
    51) and ``head sections.csv`` cleared the reader's screen; findings.csv quoted the U+202C it took for a label
    raw, an invisible character. The section's text leaves the direction controls out now (as the site always did)
    and writes each other control as its code, in every file of the package alike; a finding quotes each by its
    code; tabs and line ends stay."""
    import csv
    import sqlite3

    from xxgk.package.build import build_package

    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    text = tab_report(agency="格尔木市民政局", narrative="本年共收到申请\u202e51\u202c件，\x1b[2J其中公开。\x7f",
                      cell="\u202e5\u202c")
    (reports / "a.txt").write_text(text, encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    data = tmp_path / "datapackage"
    shown = "本年共收到申请51件，\\x1b[2J其中公开。\\x7f"
    with (data / "data" / "sections.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [r["text"] for r in csv.DictReader(handle) if r["section"] == "overview"] == [shown]
    with sqlite3.connect(data / "xxgk.db") as db:
        assert db.execute("SELECT text FROM sections WHERE section = 'overview'").fetchall() == [(shown,)]
    with (data / "data" / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        quoted = [r for r in csv.DictReader(handle) if r["code"] == "label_unrecognised"]
    assert quoted and all("\u202c" not in r["message"] + r["actual"] for r in quoted)
    assert "\\u202c" in quoted[0]["actual"]


def _zipped(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize(("members", "named"), [
    ({"content.xml": "<office:document-content/>", "mimetype": "application/vnd.oasis.opendocument.text"},
     "OpenDocument 文档（.odt）"),
    ({"2023年报告.pdf": "%PDF-1.4", "2024年报告.pdf": "%PDF-1.4"}, "压缩包（.zip）"),
    ({"docProps/app.xml": "<Properties/>" * 2000, "xl/workbook.xml": "<workbook/>"}, "Excel 表格（.xlsx）")])
def test_a_zip_of_another_kind_named_docx_is_named_for_what_it_is(members, named):
    """An .odt (its ``mimetype`` not stored first, as a zip tool repacking it writes it), an archive of two reports,
    and a workbook whose first part is no sheet, each saved as 报告.docx: every one went to the Word reader, which
    said only ``file_unreadable``: ``KeyError: "There is no item named '[Content_Types].xml' in the archive"``. Each
    is ``format_unsupported`` now, naming what it is and how to make it readable; a .docx is read as before."""
    from .factory import as_docx, tab_report

    source = read_bytes(_zipped(members), ".docx")
    assert [(f.code, f.message) for f in source.findings] == [
        ("format_unsupported", f"文件格式不支持：{named}；另存为 .docx、PDF、网页或文本后可以读取")]
    assert read_bytes(as_docx(tab_report()), ".docx").text.startswith("样例县数据局2024年")


def test_a_docx_of_one_paragraph_of_150_mb_is_over_budget_and_says_why():
    """A .docx of 180 KB whose body is one paragraph of 50,000,000 characters (150 MB of XML, within the unzipped
    budget): the XML parser stops at its 10 MB limit on one text, at once; the finding said the XML's entity expansion
    or nesting was over the limit, and the file has neither. It says one text is now."""
    from .factory import as_docx, tab_report

    docx = zipfile.ZipFile(io.BytesIO(as_docx(tab_report())))
    body = docx.read("word/document.xml").decode()
    start = body.index("<w:body>") + len("<w:body>")
    huge = body[:start] + "<w:p><w:r><w:t>" + "字" * 50_000_000 + "</w:t></w:r></w:p>" + body[start:]
    data = _zipped({name: huge if name == "word/document.xml" else docx.read(name) for name in docx.namelist()})
    assert len(data) < 1_000_000
    with no_hang(60):
        source = read_bytes(data, ".docx")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：XML 中一段文字超过解析器上限（10 MB）")]


def test_a_font_map_of_overlapping_ranges_in_a_small_pdf_is_over_budget_not_two_minutes(monkeypatch):
    """A 3 KB PDF whose font's ToUnicode map names the range <0000>–<FFFF> 2,000 times: the PDF library makes one
    entry per code, about a microsecond each, 131 million — the worker's whole 120 s for one small file (one range
    of four-byte codes, <00000000>–<FFFFFFFF>, would be four billion). The file's fonts may define 4,000,000
    entries (``xxgk.cmaps``: a full CJK font's map has 65,536): it is ``over_budget`` after a few seconds; a font
    with an honest map is read as before. (Here the bound is lowered to 400,000: the same count, a tenth of the
    test's time.)"""
    from xxgk import cmaps

    assert cmaps.BUDGET_ENTRIES == 4_000_000
    monkeypatch.setattr(cmaps, "BUDGET_ENTRIES", 400_000)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF>"
            b" endcodespacerange\n%s endcmap end end")
    objects = one_page()
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"

    def with_map(ranges: bytes) -> bytes:
        packed = zlib.compress(cmap % ranges, 9)
        objects[6] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
        return plain_pdf(objects)

    hostile = with_map(b"1 beginbfrange <0000> <FFFF> <0041> endbfrange\n" * 2000)
    assert len(hostile) < 5_000
    with no_hang(60):
        assert [(f.code, f.message) for f in read_bytes(hostile, ".pdf").findings] == [
            ("over_budget", "超出处理上限：PDF 字体的编码映射超过上限 400000 项")]
    honest = read_bytes(with_map(b"2 beginbfrange <0048> <0048> <0048> <0065> <006F> <0065> endbfrange\n"), ".pdf")
    assert honest.text == "Hello" and not honest.findings
