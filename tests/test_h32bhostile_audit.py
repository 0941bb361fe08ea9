"""What the eighth hostile-input audit found (session 32, second round): PDF content streams that make the library
interpret millions of operators drawing nothing, …"""

from __future__ import annotations

import re
import zlib

import pytest


def _pdf(pages: list[bytes], form: bytes | None = None) -> bytes:
    """A PDF of one page per content stream in ``pages`` (each Flate, each saying its text with Helvetica); ``form``,
    when given, is the content of a form XObject the pages may draw as ``/X1 Do``."""
    from .test_h29hostile_audit import plain_pdf

    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (10 + 2 * k) for k in range(count))
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    if form is not None:
        packed = zlib.compress(form, 9)
        objects[6] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length %d /Filter /FlateDecode >>\n"
                      b"stream\n%s\nendstream" % (len(packed), packed))
    for k, content in enumerate(pages):
        packed = zlib.compress(content, 9)
        objects[10 + 2 * k] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources"
                               b" << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>" % (11 + 2 * k))
        objects[11 + 2 * k] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
    return plain_pdf(objects)


def _said(data: bytes) -> tuple[list[tuple[str, str]], str]:
    from xxgk.readers import read_bytes

    from .test_splitting_bound import no_hang

    with no_hang(60):
        source = read_bytes(data, ".pdf")
    return [(f.code, f.message) for f in source.findings], source.text


def _hello(word: bytes) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET " % word


ON_PAGE = "超出处理上限：PDF 第{}页的绘图指令超过上限 {} 条"


@pytest.mark.parametrize(("pdf", "page_bound", "said"), [
    (_pdf([_hello(b"Hello") + b"q Q " * 300_000]), 500_000, ON_PAGE.format(1, 500000)),
    (_pdf([_hello(b"Hello") + b"/X1 Do " * 100], b"q Q " * 300), 50_000, ON_PAGE.format(1, 50000)),
    (_pdf([_hello(b"Hello"), _hello(b"World") + b"q " * 60_000]), 50_000, ON_PAGE.format(2, 50000))])
def test_a_page_interpreting_600000_operators_that_draw_nothing_is_over_budget(monkeypatch, pdf, page_bound, said):
    """``q Q`` (save and restore the graphics state: nothing drawn) 300,000 times, in 1.5 KB of Flate; a form of
    3,000 ``q Q`` drawn 100 times (under 1 KB: the library interprets a form again each time it is drawn); 600,000
    ``q`` (a copy of the graphics state kept each). No character, image or path counted them: the library interpreted
    each to its end and the text was read with no finding — ten times as many ``q Q`` (4.5 KB) took 14 CPU s, a form
    of 100,000 drawn 9,000 times ran to the worker's 120 s, 3,000,000 ``q`` kept about 1.3 GB. Now the page is
    over budget past 500,000 operators, the message naming it. The first case meets the real bound; the form and the
    ``q`` alone meet it lowered to 50,000 (``pdf_operators.PAGE``, as the file's bound is lowered below), a tenth of
    the operators each: the same count, a tenth of the test's time."""
    from xxgk import pdf_operators

    assert pdf_operators.PAGE == 500_000
    monkeypatch.setattr(pdf_operators, "PAGE", page_bound)
    assert len(pdf) < 8_000
    assert _said(pdf) == ([("over_budget", said)], "")


def test_the_operators_of_a_file_are_counted_across_its_pages(monkeypatch):
    """Every page of a file may stay under the page's bound and the file still make the library interpret millions:
    1,000 pages (the page budget) may all name one content stream of 499,999 operators. The file's count is bounded
    too (``pdf_operators.FILE``, here lowered to keep the test small: three pages of 40,000 ``q Q`` each, within the
    page's bound, 240,000 operators together, over a file bound of 200,000)."""
    from xxgk import pdf_operators

    monkeypatch.setattr(pdf_operators, "FILE", 200_000)
    pdf = _pdf([_hello(b"A") + b"q Q " * 40_000] * 3)
    assert _said(pdf) == ([("over_budget", "超出处理上限：PDF 的绘图指令共超过上限 200000 条（到第3页）")], "")


def test_pages_of_honest_operators_are_read_whole_and_each_file_is_counted_afresh(monkeypatch):
    """The bound stops only the hostile: a page of 2,000 ruling lines each drawn with its width and colour (14,000
    operators) and a form drawn on two more pages are read as before, and the same file again in the same worker
    too: the file's count starts again with each file (here its bound lowered to 40,000, under the five reads'
    70,000 together)."""
    from xxgk import pdf_operators

    monkeypatch.setattr(pdf_operators, "FILE", 40_000)
    ruling = b"0.5 w 0 0 0 RG 0 0 m 10 10 l S " * 2_000
    pdf = _pdf([_hello(b"Hello") + ruling, _hello(b"World") + b"/X1 Do", _hello(b"Again") + b"/X1 Do"],
               b"q 0 0 1 1 re f Q")
    for _ in range(5):
        findings, text = _said(pdf)
        assert findings == []
        assert text.split() == ["Hello", "World", "Again"]


def _widths_pdf(widths: int) -> bytes:
    """A PDF 1.5 of one page ("Hello") whose font (object 5) sits in a compressed object stream (object 6, Flate)
    and gives ``widths`` widths (/Widths), all zero; a cross-reference stream (object 7) finds it."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
    plain = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
             4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)}
    header = b"5 0 "
    stream = zlib.compress(header + b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar %d"
                           b" /Widths [%s] >>" % (widths - 1, b"0 " * widths), 9)
    plain[6] = (b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                % (len(header), len(stream), stream))
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    for number, body in sorted(plain.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[7] = len(out)
    xref = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
        b"\x02" + (6).to_bytes(4, "big") + b"\x00\x00" if number == 5
        else b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00" for number in range(1, 8))
    out += (b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n"
            % (len(xref), xref))
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % offsets[7])


def test_a_font_of_300000_widths_in_a_compressed_object_stream_is_over_budget():
    """A font whose /Widths holds 300,000 zeros, inside a Flate object stream (under 1 KB: no check of the file's
    bytes sees it): the library parsed the array whole, then made a width of each — 1,000,000 took 5 CPU s and
    100 MB, ten million (20 KB) about 50 s and a GB — and the text was read with no finding. An array past 250,000
    objects (a full CJK font's widths: tens of thousands) is over budget now, as the library parses it."""
    pdf = _widths_pdf(300_000)
    assert len(pdf) < 2_000
    assert _said(pdf) == ([("over_budget", "超出处理上限：PDF 的一个数组或字典超过 250000 项")], "")


def test_the_objects_of_a_file_are_counted_and_each_file_afresh(monkeypatch):
    """Arrays each under the bound may add up: a file's objects are bounded too (``pdf_tokens.FILE``, lowered here
    to keep the test small: one font of 150,000 widths, under the array's bound, is over a file's 100,000); a
    font of 1,000 widths is read, file after file in the same worker (each file counted afresh)."""
    from xxgk import pdf_tokens

    monkeypatch.setattr(pdf_tokens, "FILE", 100_000)
    assert _said(_widths_pdf(150_000)) == (
        [("over_budget", "超出处理上限：PDF 的对象（数值、名称、字符串等）超过上限 100000 个")], "")
    for _ in range(120):
        assert _said(_widths_pdf(1_000)) == ([], "Hello")


SPACED = {"年报.txt": "格尔木市民政局", " 年报.txt": "格尔木市民政局", "年 报.txt": "格尔木市教育局",
          "年  报.txt": "格尔木市教育局", "年\u00a0报.txt": "格尔木市教育局"}


@pytest.fixture(scope="module")
def spaced_names_site(tmp_path_factory):
    """Reports whose names differ only by a space a page does not show (one before the name, a second one inside
    it, a no-break space), byte-identical within each agency, built into a site (mkdocs --strict)."""
    from .test_h32hostile_audit import site_of

    return site_of(tmp_path_factory.mktemp("spaced"), SPACED)


def test_names_differing_by_a_space_a_page_does_not_show_are_named_apart_on_their_pages(spaced_names_site):
    """`` 年报.txt`` (a space before it: a name pasted from a page) and ``年报.txt``; ``年  报.txt``, ``年 报.txt`` and
    ``年\\u00a0报.txt`` (two spaces, one, a no-break space): five files, five report pages, but a page shows no
    space at a cell's start and a run of spaces as one, and a no-break space as a space: each page's 源文件 and its
    note "本机构2024年度还有另一份报告：…" named the other file by what read as its own name. Each name is told apart
    now as a reader sees the page (the space no page shows written by its code), and reports.csv keeps it exactly."""
    import csv

    from .test_h32hostile_audit import _meta, _visible

    work = spaced_names_site
    with (work / "datapackage" / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["source_file"] for row in csv.DictReader(handle)} == set(SPACED)
    pages = list((work / "site" / "a").glob("*/2024*.html"))
    shown = {" ".join(_meta(page, "源文件").split()) for page in pages}  # (as a browser shows the cell)
    assert len(pages) == len(shown) == 5
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        note = re.search(r"还有另(?:一|外\d+)份报告：(.*?)。", markup)
        named = {" ".join(_visible(link).split()) for link in re.findall(r"<a [^>]*>(.*?)</a>", note.group(1))}
        own = " ".join(_meta(page, "源文件").split())
        assert own not in named and named <= shown and len(named) == (1 if "年报" in own else 2)


@pytest.mark.parametrize(("asset", "function"), [("compare.js", "csvCell"), ("xxgk.js", "q")])
def test_the_sites_csv_downloads_keep_a_text_that_starts_with_an_apostrophe_as_printed(asset, function):
    """The compare page's CSV (compare.js ``csvCell``) prefixed a formula start with ``'`` but looked at the text's
    first character only: ``'=x`` was written as it is, and a spreadsheet (or ``safe.cell_text``, the package's rule)
    read it back as ``=x``, its apostrophe taken for the one that stops a formula; the charts' CSV (xxgk.js ``q``)
    wrote ``''=x``. Each cell, read back as the package's are, is the text as printed, and none runs as a formula."""
    import csv
    import io
    import json
    import shutil
    import subprocess

    from xxgk.safe import cell_text

    from .conftest import ROOT

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / asset).read_text(encoding="utf-8")
    code = re.search(rf"  function {function}\(v\) \{{.*?\n  \}}\n", source, re.S).group(0)
    texts = ["'=x", "''=HYPERLINK(1)", "=1+1", "'引号开头", "-3", "'-3", "@SUM(A1)", "甲,乙", "\t=x"]
    out = subprocess.run([node, "-e", code + f"process.stdout.write(JSON.parse(require('fs').readFileSync(0, 'utf8'))"
                          f".map({function}).join('\\n'))"], input=json.dumps(texts),
                         capture_output=True, text=True, check=True).stdout
    cells = [row[0] for row in csv.reader(io.StringIO(out))]
    assert [cell_text(cell) for cell in cells] == texts
    assert not any(cell[:1] in "=+-@\t" for cell in cells if cell != "-3")


def _letters(count: int) -> bytes:
    return b"BT /F1 1 Tf 72 720 Td (" + b"a" * count + b") Tj ET"


def test_a_page_drawing_60000_letters_of_one_string_is_over_budget_as_they_are_drawn():
    """One string of 400,000 letters shown once (``(aaaa…) Tj``, 1.2 KB of Flate): the library laid out every glyph —
    16 CPU s, 906 MB, kept for the whole file — before the reader counted the page's characters, and it was read with
    no finding (1,400,000 would fill a worker's 3 GB). Here 60,000: over budget past 50,000 glyphs on a page, as the
    library draws them, the message naming the page."""
    pdf = _pdf([_hello(b"Hello"), _letters(60_000)])
    assert len(pdf) < 2_000
    assert _said(pdf) == ([("over_budget", "超出处理上限：PDF 第2页绘制的字符超过上限 50000 个")], "")


def test_the_glyphs_of_a_file_are_counted_across_its_pages_and_afresh_for_each_file(monkeypatch):
    """Pages each under the page's bound add up, and the library keeps them all (ten pages of 40,000 letters: 15 CPU s,
    837 MB): a file's glyphs are bounded too (``pdf_glyphs.FILE``, lowered here to keep the test small: three pages of
    20,000 over 50,000); a page of 20,000 letters is read file after file in the same worker (counted afresh)."""
    from xxgk import pdf_glyphs

    monkeypatch.setattr(pdf_glyphs, "FILE", 50_000)
    assert _said(_pdf([_letters(20_000)] * 3)) == (
        [("over_budget", "超出处理上限：PDF 绘制的字符共超过上限 50000 个（到第3页）")], "")
    for _ in range(4):
        findings, text = _said(_pdf([_hello(b"Hello"), _letters(20_000)]))
        assert findings == [] and text.startswith("Hello")


def read_at_a_fraction_of_the_file_bounds(data: bytes, fraction: float, **bounds: int):
    """``(findings as (code, message), text)`` of ``read_bytes(data, ".pdf")`` with each of a PDF file's bounds —
    operators (``pdf_operators.FILE``), parsed objects (``pdf_tokens.FILE``) and glyphs (``pdf_glyphs.FILE``) — set to
    ``fraction`` of its value, or of the value ``bounds`` gives it by module name (``pdf_tokens=4_000_000``: an old
    bound): ``k`` pages of a file whose pages are alike meet them as its ``k / fraction`` pages meet the whole bounds
    (every count grows page by page; what the file costs once, its catalog and fonts, weighs more against the smaller
    bounds). A page's bounds are left as they are; every bound is as it was on return."""
    from xxgk import pdf_glyphs, pdf_operators, pdf_tokens
    from xxgk.readers import read_bytes

    with pytest.MonkeyPatch.context() as patch:
        for module in (pdf_operators, pdf_tokens, pdf_glyphs):
            name = module.__name__.rsplit(".", 1)[1]
            patch.setattr(module, "FILE", int(bounds.get(name, module.FILE) * fraction))
        source = read_bytes(data, ".pdf")
    return [(f.code, f.message) for f in source.findings], source.text


def test_a_long_report_of_small_print_is_read_not_refused():
    """An honest report may be long and densely printed: 32 pages of 10,000 glyphs each (a 60-page report set in 6 pt
    draws some 670,000; 200 pages in 9 pt some 1,000,000). A file's bound of 300,000 refused them (``over_budget``)
    though a worker reads them within its 120 s and 3 GB; the file's bound is where the library's memory nears the
    worker's (1,400,000 glyphs fill 3 GB). Four of its pages are read under an eighth of every file bound (as the 32
    would be under the bounds: ``read_at_a_fraction_of_the_file_bounds``; the 32 took 20 s of the test's time and
    700 MB), and are refused under an eighth of the old 300,000."""
    from xxgk import pdf_glyphs

    assert pdf_glyphs.FILE >= 1_000_000
    four_pages = _pdf([_letters(10_000)] * 4)
    findings, text = read_at_a_fraction_of_the_file_bounds(four_pages, 1 / 8)
    assert findings == [] and text.strip()
    assert read_at_a_fraction_of_the_file_bounds(four_pages, 1 / 8, pdf_glyphs=300_000)[0] == [
        ("over_budget", "超出处理上限：PDF 绘制的字符共超过上限 37500 个（到第4页）")]
