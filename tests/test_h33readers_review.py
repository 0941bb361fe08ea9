"""What the review of session 32's second-round readers and PDF guards found (session 33): work the guards did not
bound, …"""

from __future__ import annotations

from .test_h32bhostile_audit import _hello, _pdf, _said


def test_operands_no_operator_takes_make_no_later_operator_slow():
    """240,000 zeros no operator takes, then 240,000 ``w`` (480,000 objects a page, under the page's bound of
    500,000; 1.3 KB of Flate): the library's interpreter copied the rest of its stack for each operator, 33 CPU s a
    page, and three such pages held the worker past a minute with no finding. Each operator now costs what it takes:
    the file is read."""
    findings, text = _said(_pdf([_hello(b"Hello") + b"0 " * 240_000 + b"w " * 240_000] * 3))
    assert findings == [] and text.startswith("Hello")


def test_a_sheet_is_not_copied_whole_onto_every_element_it_selects():
    """A style sheet's layout declarations are copied onto the elements they select (``css_sheet``): one declaration
    of 900 KB copied onto 1,000 elements of its class (a 913 KB page) took 33 CPU s and 893 MB, onto 3,000 more than
    a minute. The characters written onto a page's elements are bounded; the page is read, and says that its sheet was
    applied only in part (``style_sheet_bounded``: before, the rest of the page was read without the sheet silently)."""
    from xxgk.readers import read_bytes

    from .test_splitting_bound import no_hang

    page = ("<html><head><style>.a{display:flex;grid-template-columns:" + "1fr " * 225_000 + "}</style></head><body>"
            "<p>二〇二四年政府信息公开工作年度报告</p>" + "<div class=a><i>1</i><i>2</i></div>" * 3_000
            + "</body></html>")
    with no_hang(60):
        source = read_bytes(page.encode(), ".html")
    assert [f.code for f in source.findings] == ["style_sheet_bounded"] and source.text.startswith("二〇二四年")
    assert source.findings[0].severity == "warning"


def test_the_pdf_guards_bounds_are_fields_of_the_budget():
    """Every per-file bound is a field of ``readers.BUDGET``, where a reader of the code looks for them; the PDF guards'
    were constants in their own modules."""
    from xxgk import pdf_drawn, pdf_glyphs, pdf_operators, pdf_tokens
    from xxgk.readers import BUDGET

    assert (pdf_drawn.FIGURES, pdf_operators.PAGE, pdf_operators.FILE, pdf_tokens.STACK, pdf_tokens.FILE,
            pdf_glyphs.PAGE, pdf_glyphs.FILE) == (
        BUDGET.pdf_page_figures, BUDGET.pdf_page_operators, BUDGET.pdf_file_operators, BUDGET.pdf_array_objects,
        BUDGET.pdf_file_objects, BUDGET.pdf_page_glyphs, BUDGET.pdf_file_glyphs) == (
        10_000, 500_000, 8_000_000, 250_000, 8_000_000, 50_000, 1_000_000)


def _glyph_by_glyph(pages: int) -> bytes:
    """``pages`` pages of 58 lines of 45 Chinese glyphs in 9 pt, each glyph set on its own (``BT /F1 9 Tf 1 0 0 1 x y
    Tm <code> Tj ET``, as OCR text layers and some exporters write a page: 14 objects a glyph)."""
    import zlib

    from .test_h29hostile_audit import plain_pdf

    text = ("根据中华人民共和国政府信息公开条例规定本机关编制二〇二四年度政府信息公开工作年度报告"
            "全文包括总体情况主动公开政府信息情况")
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               5: b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
                  b" /DescendantFonts [6 0 R] >>",
               6: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
                  b" /Ordering (GB1) /Supplement 4 >> /DW 1000 >>"}
    for page in range(pages):
        content = zlib.compress(b"\n".join(
            b"BT /F1 9 Tf 1 0 0 1 %d %d Tm <%04X> Tj ET" % (50 + 10 * column, 800 - 13 * row,
                                                            ord(text[(row * 45 + column) % len(text)]))
            for row in range(58) for column in range(45)), 9)
        objects[10 + 2 * page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources"
                                  b" << /Font << /F1 5 0 R >> >> >>" % (11 + 2 * page))
        objects[11 + 2 * page] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content),
                                                                                                   content)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (10 + 2 * page) for page in range(pages)), pages)
    return plain_pdf(objects)


def test_a_long_report_set_glyph_by_glyph_is_read_not_refused():
    """A report whose every glyph is set on its own (an OCR text layer, some exporters) makes 14 objects a glyph: 115
    pages of 2,600 glyphs are 4,200,000 operators and parsed objects, past a file's bounds of 3,000,000 and 4,000,000
    (``over_budget`` at page 83) though a worker reads the file whole in 27 CPU s, and its 300,000 glyphs are under a
    third of the file's glyph bound. Six of its pages are read whole under 6/115 of every file bound — as the 115
    pages are under the bounds (``read_at_a_fraction_of_the_file_bounds``; reading the 115 took 60 to 120 s of the
    test's time) — and are refused under 6/115 of the old ones."""
    from .test_h32bhostile_audit import read_at_a_fraction_of_the_file_bounds

    six_pages = _glyph_by_glyph(6)
    findings, text = read_at_a_fraction_of_the_file_bounds(six_pages, 6 / 115)
    assert findings == [] and len("".join(text.split())) == 6 * 58 * 45
    (refused,) = read_at_a_fraction_of_the_file_bounds(six_pages, 6 / 115, pdf_operators=3_000_000,
                                                       pdf_tokens=4_000_000)[0]
    # (the whole file was refused at page 83 of 115: here at page 5 of 6)
    assert refused == ("over_budget", "超出处理上限：PDF 的绘图指令共超过上限 156521 条（到第5页）")
