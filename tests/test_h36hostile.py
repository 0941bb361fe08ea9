"""What the twelfth hostile-input audit found (session 36): a PDF whose text layer says other digits than it draws."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_html, tab_report

CHROMIUM = "/usr/bin/chromium"


def _canvas_pdf(text: str, latin: str) -> bytes:
    """``text`` drawn line by line, each tab-separated cell in a ruled box, its Chinese in STSong-Light (Adobe-GB1)
    and the rest in ``latin``; uncompressed."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page, y = canvas.Canvas(out, pagesize=(1200, 1400), pageCompression=0), 1360
    for line in text.split("\n"):
        cells, x = line.split("\t"), 20
        for k, cell in enumerate(cells):
            width = 1100 if len(cells) == 1 else 260 if k == 0 else 60
            if len(cells) > 1:
                page.rect(x, y - 4, width, 16)
            at = x + 2
            for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", cell):
                font = latin if run.isascii() else "STSong-Light"
                page.setFont(font, 9)
                page.drawString(at, y, run)
                at += pdfmetrics.stringWidth(run, font, 9)
            x += width
        y -= 16
    page.save()
    return out.getvalue()


def _retold(data: bytes, font: bytes, mapping: dict[int, str], width: int) -> bytes:
    """``data`` whose font named ``font`` (its object's first entry /BaseFont) is given the ToUnicode ``mapping``
    (code or CID of ``width`` bytes → text), by an incremental update."""
    found = re.search(rb"(\d+) 0 obj\s*(<<\s*/BaseFont /%s[ /\n](?:(?!endobj).)*?)endobj" % font, data, re.S)
    number, body = int(found.group(1)), found.group(2).strip()
    body = re.sub(rb"/ToUnicode \d+ 0 R", b"", body)
    size, previous = int(re.findall(rb"/Size (\d+)", data)[-1]), int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    lines = b"".join(b"<%0*X> <%s>\n" % (2 * width, code, text.encode("utf-16-be").hex().encode())
                     for code, text in sorted(mapping.items()))
    space = b"<%s> <%s>" % (b"00" * width, b"FF" * width)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange %s endcodespacerange\n"
            b"%d beginbfchar\n%s endbfchar endcmap end end" % (space, len(mapping), lines))
    out = bytearray(data.rstrip(b"\n") + b"\n")
    at_font = len(out)
    out += b"%d 0 obj\n<< /ToUnicode %d 0 R %s\nendobj\n" % (number, size, body[2:])
    at_map = len(out)
    out += b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (size, len(cmap), cmap)
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n" % (number, at_font, size, at_map)
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    out += b"trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size + 1, root, previous, xref)
    return bytes(out)


def _simple_font(text: str) -> tuple[bytes, bytes, dict[int, str], int]:
    """Digits in Helvetica (WinAnsiEncoding names each glyph: /five), its map each code's own character."""
    return _canvas_pdf(text, "Helvetica"), b"Helvetica", {code: chr(code) for code in range(0x20, 0x7F)}, 1


def _registered_collection(text: str) -> tuple[bytes, bytes, dict[int, str], int]:
    """Everything in STSong-Light, a CID font of the Adobe-GB1 collection (its CIDs are characters); the map is
    keyed by CID, as the PDF library reads it."""
    from pdfminer.cmapdb import CMapDB

    to_cid = CMapDB.get_cmap("UniGB-UCS2-H")
    mapping = {next(iter(to_cid.decode(ch.encode("utf-16-be")))): ch for ch in set(text) - {"\t", "\n"}}
    return _canvas_pdf(text, "STSong-Light"), b"STSong-Light", mapping, 2


def _embedded_truetype(text: str) -> tuple[bytes, bytes, dict[int, str], int]:
    """The report as a web page printed by Chromium: Identity-H fonts, each an embedded TrueType subset with its
    own cmap; the digits' font's map is the one Chromium wrote."""
    if not shutil.which(CHROMIUM):
        pytest.skip("no chromium")
    import tempfile
    from pathlib import Path

    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "r.html", Path(folder) / "r.pdf"
        page.write_text(as_html(text), encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                        page.as_uri()], capture_output=True, timeout=120, check=True)
        data = pdf.read_bytes()
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for number in range(1, 1000):
        try:
            font = resolve1(document.getobj(number))
        except Exception:
            continue
        if isinstance(font, dict) and b"Serif" in getattr(font.get("BaseFont"), "name", "").encode() \
                and "ToUnicode" in font:
            unicode_map = FileUnicodeMap()
            CMapParser(unicode_map, io.BytesIO(resolve1(font["ToUnicode"]).get_data())).run()
            name = font["BaseFont"].name.encode()
            # written again uncompressed and at the object's start, as _retold finds it
            flat = (b"<< /BaseFont /%s /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [%d 0 R] >>"
                    % (name, font["DescendantFonts"][0].objid))
            data = data.rstrip(b"\n") + b"\n%d 0 obj\n%s\nendobj\n" % (number, flat)
            return data, re.escape(name), dict(unicode_map.cid2unichr), 2
    raise AssertionError("no serif font")


def _new_applications(data: bytes) -> tuple[object, list[tuple[str, str]]]:
    source = read_bytes(data, ".pdf")
    record = parse(source.parse_text)
    return record.values("applications").get(("new", "natural_person")), [(f.code, f.message) for f in source.findings]


@pytest.mark.parametrize("made", [_simple_font, _registered_collection, _embedded_truetype])
def test_a_digit_whose_text_layer_says_another_digit_is_missing_never_the_other_digit(made):
    """A report printing 5 new applications whose font's ToUnicode map (what text extraction reads; the reader never
    sees it) says 7 for the glyph 5: the PDF library takes the map's word, and 7 was published — 本年新收 7, 予以公开 7,
    总计 7, the identities holding — with no finding. The glyph drawn is known where the font names it (a simple
    font's encoding: /five), numbers it (a CID font of the Adobe-GB1 collection) or its embedded TrueType program's
    cmap says it (Chromium's Identity-H fonts): such a digit is now read as no character, the cells holding it
    missing, and ``pdf_text_differs`` says which glyph the text layer calls what. A map agreeing with its glyphs is
    read as before."""
    text = tab_report()
    honest, font, mapping, width = made(text)
    assert _new_applications(_retold(honest, font, mapping, width)) == (5, [])
    retold = {code: "7" if ch == "5" else ch for code, ch in mapping.items()}
    value, findings = _new_applications(_retold(honest, font, retold, width))
    assert value is None
    assert [code for code, _ in findings] == ["pdf_text_differs"]
    assert "字形“5”写作“7”" in findings[0][1]


def _work_for_empty_files(tmp_path, monkeypatch, count: int) -> tuple[int, int]:
    """(the reports' schema copied, metrics evaluated) while a package of the first seed and ``count`` empty files
    is written in this process."""
    import shutil

    from xxgk.package import metrics, schema, tables
    from xxgk.package.build import build_package

    from .conftest import SEEDS

    calls = {"schema": 0, "evaluate": 0}

    def counted(name, function):
        def call(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return call

    tables._report_fields.cache_clear()
    tables._file_types.cache_clear()  # (each run counts the same copies, whatever ran before in the process)
    metrics._without_cells.cache_clear()
    monkeypatch.setattr(tables, "resource_schema", counted("schema", schema.resource_schema))
    monkeypatch.setattr(metrics, "evaluate", counted("evaluate", metrics.evaluate))
    reports = tmp_path / f"reports{count}"
    reports.mkdir()
    shutil.copy(SEEDS / "000_4cb0808ff48d5523.txt", reports)
    for k in range(count):
        (reports / f"empty{k}.txt").write_bytes(b"")
    build_package(reports, tmp_path / f"pkg{count}", workers=1)
    return calls["schema"], calls["evaluate"]


def test_the_package_does_the_same_work_for_ten_or_forty_empty_files(tmp_path, monkeypatch):
    """A folder of 50,000 empty files beside a report took minutes to package: each empty file's row of
    ``reports.csv`` copied the whole package schema to learn its field names (5 ms), and its metrics were worked
    out one by one, every identity checked, for a report of no cell (3.5 ms) — 8,000 empty files: 86 s. The
    schema's field names are read once, and a report without a cell has the metrics its format gives, worked
    out once: the work counted here does not grow with the empty files."""
    assert _work_for_empty_files(tmp_path, monkeypatch, 10) == _work_for_empty_files(tmp_path, monkeypatch, 40)


def test_a_symbol_fonts_own_glyph_is_read_as_its_map_says():
    """ZapfDingbats draws ✔ for the code of 4 (its own encoding, not the standard one the library assumes for a Type 1
    font without /Encoding): its map's ✔ is what the reader sees, so it is read, with no finding; the first version of
    the check took the code for the digit 4 and said the text layer disagreed."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0)
    page.setFont("STSong-Light", 12)
    page.drawString(72, 720, "已核对")
    page.setFont("ZapfDingbats", 12)
    page.drawString(150, 720, "4")
    page.save()
    data = _retold(out.getvalue().replace(b"(n) Tj", b"(4) Tj"), b"ZapfDingbats", {0x34: "✔"}, 1)
    source = read_bytes(data, ".pdf")
    assert (source.text, source.findings) == ("已核对 ✔", [])


def _applications_part(page: str) -> tuple[int, int]:
    return page.index("三、收到和处理"), page.index("四、政府信息公开行政复议")


HIDING = [("<template>", "</template>"), ("<datalist>", "</datalist>"), ("<dialog>", "</dialog>"),
          ("<ruby>告<rp>", "</rp></ruby>")]


def hidden_page(opening: str, closing: str, inside_paragraph: bool) -> str:
    """``tab_report`` as a page whose section 三 (its heading and table) stands inside ``opening``…``closing``: the
    element opened at the heading's paragraph (``<p>三、…``) or inside it (``<p>`` + opening + ``三、…``)."""
    from .factory import as_html

    shown = as_html(tab_report())
    start, end = _applications_part(shown)
    start -= 0 if inside_paragraph else len("<p>")
    end -= len("<p>")
    return shown[:start] + opening + shown[start:end] + closing + shown[end:]


@pytest.mark.parametrize(("opening", "closing"), HIDING)
def test_numbers_in_what_a_browser_never_shows_are_not_read(opening, closing):
    """A page whose table 三 stands inside a ``<template>`` (its content is never drawn), a ``<datalist>`` (an
    input's suggestions), a closed ``<dialog>`` or ruby's fallback ``<rp>``: a browser shows none of it (its own
    style sheet: display none), and its numbers were published — 本年新收 5 where the page shows no table 三; a
    second copy there with 9 beside the shown table made the shown 5 missing as two copies that disagree. Such
    content is dropped, as ``hidden`` and ``display:none`` already were. (Opened inside the heading's paragraph, a
    template and a dialog still hold the table in a browser; a datalist and rp end with the paragraph, and the table
    after it shows: ``tests/test_h59unshown.py`` checks the reader against Chromium.)"""
    only_hidden = hidden_page(opening, closing, inside_paragraph=False)
    assert parse(read_bytes(only_hidden.encode(), ".html").parse_text).values("applications") == {}
    if opening in ("<template>", "<dialog>"):
        inside = hidden_page(opening, closing, inside_paragraph=True)
        assert parse(read_bytes(inside.encode(), ".html").parse_text).values("applications") == {}
    from .factory import as_html

    shown = as_html(tab_report())
    start, _ = _applications_part(shown)
    other = as_html(tab_report(cell="9"))
    part = other[slice(*_applications_part(other))]
    beside = shown[:start] + opening + part + closing + shown[start:]
    values = parse(read_bytes(beside.encode(), ".html").parse_text).values("applications")
    assert values[("new", "natural_person")] == 5


def test_a_shared_comparison_naming_300000_agencies_reads_its_address_at_once():
    """``compare.js`` read the address's agencies keeping each id not seen before by looking for it among all those
    before it: 10,000 ids (a 64 KB address) held the tab 0.4 s, 100,000 20 s, 300,000 three minutes — a link that
    freezes the page of whoever opens it. Each id is now looked up in a set: the ids as written, once each, in their
    order, ill-formed ones left out (__proto__), at once."""
    import json

    from .conftest import ROOT
    from .test_splitting_bound import no_hang

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / "compare.js").read_text(encoding="utf-8")
    code = re.search(r"  function readURL\(\) \{.*?\n  \}\n", source, re.S).group(0)
    ids = [f"a{k}" for k in range(300_000)]
    address = "?agencies=" + ",".join(ids + ["a1", "__proto__", "constructor", "A-b", "a7"]) + "&year=2024"
    with no_hang(60):
        out = subprocess.run([node, "-e", "var location = {search: require('fs').readFileSync(0, 'utf8')};" + code
                              + "process.stdout.write(JSON.stringify(readURL().ids))"], input=address,
                             capture_output=True, text=True, check=True, timeout=60).stdout
    assert json.loads(out) == [*ids, "constructor"]  # (well-formed: looked up in a map without inherited keys)


def test_the_compare_pages_reserved_chart_height_reads_an_address_of_300000_agencies_at_once():
    """The compare page's reserving script (``assets/compare-reserve.js``, an inline script until session 44: the
    chart's height kept before compare.js runs) counted the address's agencies as compare.js once did, each looked
    for among those before it: the same three minutes the test above proves gone from compare.js. Counted in a set,
    as compare.js counts them."""
    import json
    from importlib.resources import files

    from .test_splitting_bound import no_hang

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    ids = [f"a{k}" for k in range(300_000)]
    address = "?agencies=" + ",".join(ids + ["a1", "__proto__", "constructor", "A-b", "a7"]) + "&year=2024"
    # (a page of two elements: the chart's box and, since session 37, the chosen agencies' list, given one hidden
    # chip when the address names agencies; since session 51 the box is marked as waiting for its data)
    page = ("var chart = {style: {}, getAttribute: function () { return '10'; }, setAttribute: function () {}};"
            "var chosen = {children: [], appendChild: function (e) { this.children.push(e); }};"
            "var document = {getElementById: function (id) { return id === 'xxgk-compare-chosen' ? chosen : chart; },"
            "createElement: function () { return {style: {}, setAttribute: function () {}}; }};"
            "var location = {search: require('fs').readFileSync(0, 'utf8')};")
    shown = ";process.stdout.write(JSON.stringify([chart.style, chosen.children.length]))"
    reserve_chart = (files("xxgk.site") / "assets" / "compare-reserve.js").read_text(encoding="utf-8")
    with no_hang(60):
        out = subprocess.run([node, "-e", page + reserve_chart + shown],
                             input=address, capture_output=True, text=True, check=True, timeout=60).stdout
    # 300,000 ids and constructor, once each; a chip reserved an id up to 50 (session 38: the chips are cells of a
    # grid, a hidden cell an agency keeps the rows they will take), not a chip each of 300,001
    assert json.loads(out) == [{"height": f"{90 + 34 * 300_001}px"}, 50]
