"""What the fourteenth hostile-input audit found (session 38): .docx packages that show Word one document and the
reader another, or whose XML costs gigabytes to hold, and characters no text has (NUL, C0 controls) that a PDF's or
a .doc's text carried into the package and the site."""

from __future__ import annotations

import io
import zipfile

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_docx, tab_report
from .test_h27hostile_audit import pdf_of


def _codes(source) -> list[str]:
    return [finding.code for finding in source.findings]


def _rezipped(data: bytes, edit) -> bytes:
    """``data`` (a zip) written again, each member ``(name, bytes)`` replaced by the list ``edit`` returns for it."""
    import warnings

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (zipfile warns of a name written twice: what is tested)
        for info in source.infolist():
            for name, body in edit(info.filename, source.read(info.filename)):
                made.writestr(name, body)
    return out.getvalue()


def _document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


@pytest.mark.parametrize("second", ["word/document.xml", "WORD/Document.XML"])
def test_a_docx_holding_its_document_twice_is_unreadable_never_the_copy_word_does_not_show(second):
    """A .docx whose zip lists ``word/document.xml`` twice — 甲县民政局's report, then 甲县财政局's: zipfile reads the
    last of a name, a reader taking the first (or Word, refusing the package as damaged) shows the other. The second
    agency's numbers were published as its report, no finding. Part names are one name whatever their letters' case
    (Open Packaging Conventions), so a second ``WORD/Document.XML`` is the same part twice too."""
    honest = as_docx(tab_report(agency="甲县民政局"))
    other = _document_xml(honest).replace("民政".encode(), "财政".encode())

    def twice(name, body):
        return [(name, body), (second, other)] if name == "word/document.xml" else [(name, body)]

    source = read_bytes(_rezipped(honest, twice), ".docx")
    assert _codes(source) == ["file_unreadable"] and "word/document.xml" in source.findings[0].message.lower()
    assert "财政" not in source.text
    assert parse(read_bytes(honest, ".docx").parse_text).agency == "甲县民政局"  # (one of each: read as before)


def _with_empty_runs(data: bytes, runs: int) -> bytes:
    """``data`` (a .docx) with a paragraph of ``runs`` empty runs (``<w:r/>``) before its text."""
    def edit(name, body):
        if name == "word/document.xml":
            body = body.replace(b"<w:body>", b"<w:body><w:p>" + b"<w:r/>" * runs + b"</w:p>", 1)
        return [(name, body)]

    return _rezipped(data, edit)


def test_a_docx_of_more_xml_elements_than_its_budget_is_over_budget_before_it_is_parsed(monkeypatch):
    """Empty elements compress to nothing: 25,000,000 empty paragraphs are a 256 KB .docx (150 MB of XML, within the
    unzipped budget) that held a worker's whole 3 GB and was then said to be ``XMLSyntaxError: unknown error``
    (file_unreadable); 4,000,000 empty runs took 14 CPU s and 1.1 GB, read with no finding
    (``benchmarks/hostile_sizes.py``). The tags of a package's XML parts are counted first, from its bytes, against
    ``BUDGET.docx_tags`` (here made 50,000: this honest .docx, python-docx's template and all, holds about 27,000)."""
    import dataclasses

    from xxgk import readers

    honest = as_docx(tab_report(agency="甲县民政局"))
    monkeypatch.setattr(readers, "BUDGET", dataclasses.replace(readers.BUDGET, docx_tags=50_000))
    source = read_bytes(_with_empty_runs(honest, 30_000), ".docx")
    assert _codes(source) == ["over_budget"] and "50000" in source.findings[0].message and not source.text
    assert parse(read_bytes(_with_empty_runs(honest, 100), ".docx").parse_text).agency == "甲县民政局"


_CONTROLS = "\x00\x01\x08\x0b\x1b\x7f"  # (NUL, SOH, backspace, VT, ESC, DEL: no text; a tab, a line end and FF are)


def test_a_pdf_glyph_whose_text_layer_says_a_control_character_is_a_glyph_without_text():
    """A PDF whose font's ToUnicode map gives the letters A–F of its narrative NUL, SOH, backspace, VT, ESC and DEL:
    they were read as those characters, and NUL and SOH reached the package's copy of the text, the source page
    (``site/src/…``, where a NUL is an HTML parse error) and the full-text index. A glyph whose text is a control
    character has no text, as a glyph without a map: read as U+FFFD and counted (``pdf_glyphs_unmapped``)."""
    from .test_h36hostile import _retold, _simple_font

    honest, font, mapping, width = _simple_font(tab_report(agency="丙县民政局", narrative="概述 AB CD EF 完。"))
    retold = {code: _CONTROLS["ABCDEF".index(ch)] if ch in "ABCDEF" else ch for code, ch in mapping.items()}
    source = read_bytes(_retold(honest, font, retold, width), ".pdf")
    assert not set(source.text) & set(_CONTROLS)
    assert "概述 \ufffd \ufffd \ufffd 完。" in source.text  # (a run of glyphs without text is one U+FFFD)
    assert _codes(source) == ["pdf_glyphs_unmapped"]
    assert parse(source.parse_text).values("applications").get(("new", "natural_person")) == 5


def test_nuls_in_a_docs_text_are_dropped_and_said_as_a_texts_are():
    """NULs inside a .doc's text (a piece's UTF-16) reached the package's copy of the text, the source page (where a
    NUL is an HTML parse error) and the full-text index, with no finding; a text file's NULs were already dropped
    and said (``text_repaired``). Now every reader's are. (Other controls are published by their codes, as a text
    file's: ``test_h31hostile_audit``.)"""
    from .test_h37hostile import minimal_doc

    body = tab_report(agency="乙县民政局", narrative="概述\x00\x00完。").replace("\n", "\r") + "\r"
    source = read_bytes(minimal_doc(body, [(0, len(body))], len(body))[0], ".doc")
    assert "概述完。" in source.text and "\x00" not in source.text
    assert _codes(source) == ["text_repaired"] and "2 个空字符" in source.findings[0].message
    assert parse(source.parse_text).agency == "乙县民政局"


def _libreoffice_pdf(text: str) -> bytes:
    """``text`` as a .docx printed to PDF by LibreOffice: its fonts TrueType subsets without /Encoding, each code the
    index of a glyph whose name the subset does not keep."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    if not shutil.which("soffice"):
        pytest.skip("no LibreOffice")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "r.docx").write_bytes(as_docx(text))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "pdf", "--outdir", folder, f"{folder}/r.docx"], capture_output=True, timeout=300, check=True)
        return Path(folder, "r.pdf").read_bytes()


def _drawn_as(data: bytes, drawn: str, written: str) -> bytes:
    """``data`` whose TrueType font that has codes mapped ``drawn`` and ``written`` draws the first's glyph for the
    second too (its ``cmap`` (1,0) changed, by an incremental update): the page shows ``drawn`` where its text layer
    says ``written``."""
    import re
    import struct

    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for objid in (objid for xref in document.xrefs for objid in xref.get_objids()):
        font = resolve1(document.getobj(objid))
        if not (isinstance(font, dict) and "ToUnicode" in font and "FontDescriptor" in font):
            continue
        unicode_map = FileUnicodeMap()
        CMapParser(unicode_map, io.BytesIO(resolve1(font["ToUnicode"]).get_data())).run()
        codes = {text: code for code, text in unicode_map.cid2unichr.items()}
        if drawn not in codes or written not in codes:
            continue
        reference = resolve1(font["FontDescriptor"])["FontFile2"]
        program = bytearray(resolve1(reference).get_data())
        tables = {bytes(program[12 + 16 * k:16 + 16 * k]): struct.unpack_from(">L", program, 20 + 16 * k)[0]
                  for k in range(struct.unpack_from(">H", program, 4)[0])}
        subtable = tables[b"cmap"] + struct.unpack_from(">HHL", program, tables[b"cmap"] + 4)[2]
        assert struct.unpack_from(">HHHH", program, tables[b"cmap"] + 4)[:2] == (1, 0)  # (LibreOffice's one subtable)
        program[subtable + 6 + codes[written]] = program[subtable + 6 + codes[drawn]]  # (format 0: 256 glyph ids)
        size, previous = int(re.findall(rb"/Size (\d+)", data)[-1]), int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        out = bytearray(data.rstrip(b"\n") + b"\n")
        at = len(out)
        out += b"%d 0 obj\n<< /Length %d /Length1 %d >>\nstream\n%s\nendstream\nendobj\n" % (
            reference.objid, len(program), len(program), bytes(program))
        xref = len(out)
        root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
        out += b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
            reference.objid, at, size, root, previous, xref)
        return bytes(out)
    raise AssertionError(f"no font with {drawn} and {written}")


def test_a_libreoffice_subset_drawing_one_glyph_for_two_digits_is_no_digit_read():
    """A report of 7 new applications printed by LibreOffice, its digits' font (a TrueType subset without /Encoding:
    no glyph name says what a code draws) changed to draw its 5 for the code its map says is 7: every viewer shows 5,
    and 7 was read with no finding. Two codes drawing one outline cannot be two digits: each is read as no character,
    and ``pdf_text_differs`` says which digits the one glyph was written as. The honest file is read as before."""
    honest = _libreoffice_pdf(tab_report(carried_forward=2))
    row = "一、本 7 0 0 0 0 0 7"
    assert row in read_bytes(honest, ".pdf").text and not read_bytes(honest, ".pdf").findings
    source = read_bytes(_drawn_as(honest, "5", "7"), ".pdf")
    assert row not in source.text and "一、本 \ufffd 0 0 0 0 0 \ufffd" in source.text
    assert _codes(source) == ["pdf_text_differs"] and "字形“5或7”写作“7”" in source.findings[0].message


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def _type3_pdf(seven: bytes) -> bytes:
    """A page printing ``收到 57 件`` — 收到 and 件 in STSong-Light, 57 in a Type 3 font whose glyphs /g1 and /g2 (no
    name says a digit) are procedures, the second ``seven``; its map says 5 and 7."""
    five = b"500 0 0 0 500 700 d1 50 0 m 450 0 l 450 700 l 50 700 l 50 350 l 400 350 l f"
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
            b"endcodespacerange 2 beginbfchar <35> <0035> <37> <0037> endbfchar endcmap end end")
    content = (b"BT /F2 12 Tf 72 700 Td <6536 5230> Tj /F1 12 Tf ( 57 ) Tj /F2 12 Tf <4EF6> Tj ET")
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 9 0 R >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << /g1 6 0 R /g2 7 0 R /space 10 0 R >> /Encoding << /Type /Encoding /Differences [32 /space 53 "
        b"/g1 55 /g2] >> /FirstChar 32 /LastChar 55 /Widths [250" + b" 500" * 23 + b"] /ToUnicode 8 0 R >>",
        _stream(five), _stream(seven), _stream(cmap),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [11 0 R] >>",
        _stream(b"250 0 d0"),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor 12 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"])


def test_a_type3_font_drawing_one_procedure_for_two_digits_is_no_digit_read():
    """A Type 3 font's glyphs are drawing procedures named as the file likes (/g1, /g2: no name says a digit), so its
    map was read unchecked: codes 5 and 7 both drawing the procedure of a 5, the map saying 5 and 7, were read 57
    where every viewer shows 55. One procedure is one character: both are read as no character, said. A font whose
    two procedures differ is read as its map says."""
    honest = read_bytes(_type3_pdf(b"500 0 0 0 500 700 d1 50 700 m 450 700 l 200 0 l 150 0 l 380 650 l 50 650 l f"),
                        ".pdf")
    assert "收到 57 件" in honest.text and not honest.findings
    five = b"500 0 0 0 500 700 d1 50 0 m 450 0 l 450 700 l 50 700 l 50 350 l 400 350 l f"
    source = read_bytes(_type3_pdf(five), ".pdf")
    assert "57" not in source.text and "收到 \ufffd" in source.text
    assert _codes(source) == ["pdf_text_differs"] and "字形“5或7”写作“7”" in source.findings[0].message


def test_controls_of_a_reports_text_are_shown_by_their_codes_on_its_pages_too(tmp_path):
    """A report whose overview holds ESC [2J, DEL and a form feed: the package writes each by its code (``\\x1b``,
    ``safe.shown_controls``: "the same in every file of it — CSV, XLSX, Parquet, SQLite, the site"), but its source
    page and report page carried them raw — a parse error to a browser, invisible, and in the full-text index. They
    are written by their codes there too."""
    from .conftest import site_of

    reports = tmp_path / "reports"
    reports.mkdir()
    text = tab_report(agency="格尔木市民政局", narrative="本年共收到申请5件，\x1b[2J其中公开。\x7f\x0c完")
    (reports / "a.txt").write_text(text, encoding="utf-8")
    site = site_of(reports, tmp_path / "work")
    pages = [page for page in site.rglob("*.html") if "其中公开" in page.read_text(encoding="utf-8")]
    assert any("/src/" in page.as_posix() for page in pages)
    for page in pages:
        shown = page.read_text(encoding="utf-8")
        assert not set(shown) & set("\x1b\x7f\x0c"), page
        assert "&#92;x1b&#91;2J其中公开。&#92;x7f&#92;x0c完" in shown or "\\x1b[2J其中公开。\\x7f\\x0c完" in shown, page


def test_a_docx_whose_main_part_is_named_otherwise_is_held_to_the_same_budgets():
    """The cells of a .docx were counted in ``word/document.xml`` alone, before its XML is walked; python-docx follows
    the package's relationships to the main part, whatever its name. The same 168,671 nested cells (20 rows at each of
    4 levels, 79 KB) in a main part named ``word/body.dat`` were walked — 5.6 CPU s for this one, past the worker's
    120 s for a 2 MB one — instead of being refused at once. Every part is counted now, whatever its name."""
    from .test_h27hostile2_audit import _docx_with_nested_tables

    def renamed(name, body):
        if name in ("[Content_Types].xml", "_rels/.rels"):
            body = body.replace(b"word/document.xml", b"word/body.dat")
        return [({"word/document.xml": "word/body.dat", "word/_rels/document.xml.rels": "word/_rels/body.dat.rels"}
                 .get(name, name), body)]

    source = read_bytes(_rezipped(_docx_with_nested_tables(20, 4), renamed), ".docx")
    assert _codes(source) == ["over_budget"] and "168671 个表格单元格" in source.findings[0].message
    honest = read_bytes(_rezipped(as_docx(tab_report(agency="甲县民政局")), renamed), ".docx")
    assert not honest.findings and parse(honest.parse_text).agency == "甲县民政局"


def test_a_word_2_or_wps_2000_file_is_unsupported_saying_what_it_is():
    """Word for Windows 2.0 and earlier (wIdent 0xA5DB, no compound file) and WPS 2000 or earlier (Kingsoft's own
    format before WPS 2005 wrote Word's) were said to be "not text in any encoding (maybe a binary file)"
    (file_unreadable), though what they are, and what to do (save them as .docx), is known. A GBK text whose first
    character is encoded DB A5 (邾) is still a text."""
    word2 = bytes.fromhex("dba52d00") + bytes(28) + "年度报告".encode("gb18030") + bytes(range(1, 32)) * 20
    wps2000 = b"\x57\x50\x53\x00\x02\x00" + bytes(range(256)) * 4 + tab_report().encode("gb18030")
    for data, suffix, said in ((word2, ".doc", "Word 2.0"), (wps2000, ".wps", "WPS 2000")):
        source = read_bytes(data, suffix)
        assert _codes(source) == ["format_unsupported"] and said in source.findings[0].message, source.findings
    text = read_bytes(tab_report(agency="邾县民政局").encode("gb18030"), ".txt")
    assert parse(text.parse_text).agency == "邾县民政局"
