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
    a minute. The characters written onto a page's elements are bounded; the page is read."""
    from xxgk.readers import read_bytes

    from .test_splitting_bound import no_hang

    page = ("<html><head><style>.a{display:flex;grid-template-columns:" + "1fr " * 225_000 + "}</style></head><body>"
            "<p>二〇二四年政府信息公开工作年度报告</p>" + "<div class=a><i>1</i><i>2</i></div>" * 3_000
            + "</body></html>")
    with no_hang(60):
        source = read_bytes(page.encode(), ".html")
    assert [f.code for f in source.findings] == [] and source.text.startswith("二〇二四年")


def test_the_pdf_guards_bounds_are_fields_of_the_budget():
    """Every per-file bound is a field of ``readers.BUDGET``, where a reader of the code looks for them; the PDF guards'
    were constants in their own modules."""
    from xxgk import pdf_drawn, pdf_glyphs, pdf_operators, pdf_tokens
    from xxgk.readers import BUDGET

    assert (pdf_drawn.FIGURES, pdf_operators.PAGE, pdf_operators.FILE, pdf_tokens.STACK, pdf_tokens.FILE,
            pdf_glyphs.PAGE, pdf_glyphs.FILE) == (
        BUDGET.pdf_page_figures, BUDGET.pdf_page_operators, BUDGET.pdf_file_operators, BUDGET.pdf_array_objects,
        BUDGET.pdf_file_objects, BUDGET.pdf_page_glyphs, BUDGET.pdf_file_glyphs) == (
        10_000, 500_000, 3_000_000, 250_000, 4_000_000, 50_000, 1_000_000)
