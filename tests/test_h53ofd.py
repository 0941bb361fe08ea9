"""Session 53: an OFD file as a document system converts a Word report — table 三's header over three rows, its labels
wrapped in their cells beside numbers centred in the rows, every cell ruled — is read as the PDF of the same pages is
read: its pages are drawn as a PDF, text and rules where the OFD draws them, and read by the PDF reader (``ofd_pdf``,
``ofd_rules``). Before, its runs laid into lines by their gaps lost nearly all of table 三 (151 of 175 cells of a
converter's layout of the template, 84 of this test's, each with a finding). The OFDs here are
``tests/test_parse9_pdf``'s ruled PDF written as OFD (``benchmarks/ofd_from_pdf``); an OFD drawing no rules is
read by its gaps as before (``test_h46ofd``)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from benchmarks.ofd_from_pdf import pdf_as_ofd

from tests.test_layouts_unseen import ROWS, T4, ZERO, _active, _codes, _table3, _table4
from tests.test_parse9_pdf import build
from xxgk import ofd_text, readers
from xxgk.catalog import row_codes
from xxgk.ofd_rules import MAX_SEGMENTS
from xxgk.parser import parse
from xxgk.readers import read_bytes

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def ruled_pdf() -> bytes:
    """The template's tables ruled in Word's 五号 (10.5 points: the cells' margins less than a character and a half
    apart), each number centred in its row beside its label wrapped over two or three lines, on a tall page."""
    return build(valign="MIDDLE", font_size=10.5, page_height=1400)


@pytest.mark.parametrize("by_word", [False, True], ids=["a-run-a-character", "a-run-a-word"])
def test_a_ruled_ofd_with_merged_cells_reads_as_printed(ruled_pdf, by_word):
    source = read_bytes(pdf_as_ofd(ruled_pdf, by_word=by_word), ".ofd")
    assert source.ok and source.kind == "ofd", source.findings
    record = parse(source.parse_text)
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
    assert _codes(record) == set()
    assert record.agency == "某某县卫生健康局" and record.year == 2024


def test_the_ofd_publishes_what_the_pdf_of_its_pages_publishes(ruled_pdf):
    """Every fact (value, table, row, column) and finding of the OFD's record is the PDF's."""
    ofd, pdf = (parse(read_bytes(data, suffix).parse_text) for data, suffix in ((pdf_as_ofd(ruled_pdf), ".ofd"),
                                                                                (ruled_pdf, ".pdf")))
    assert sorted((f.table, f.keys, repr(f.value)) for f in ofd.facts) == sorted(
        (f.table, f.keys, repr(f.value)) for f in pdf.facts)
    assert sorted(f.code for f in ofd.findings) == sorted(f.code for f in pdf.findings)


def test_an_ofd_drawing_more_segments_than_its_bounds_is_over_budget_before_it_is_drawn(ruled_pdf, monkeypatch):
    """A page drawing more straight segments than a PDF page may draw objects, or a file more than ``MAX_SEGMENTS``,
    is over budget as a PDF past its drawing budget is, before any PDF is made of it (the rules are read no
    further than the bound)."""
    for name, bound in (("BUDGET", dataclasses.replace(readers.BUDGET, pdf_objects=20)), ("MAX_SEGMENTS", 20)):
        with monkeypatch.context() as patch:
            patch.setattr(readers if name == "BUDGET" else ofd_text, name, bound)
            source = read_bytes(pdf_as_ofd(ruled_pdf), ".ofd")
        assert [f.code for f in source.findings] == ["over_budget"], (name, source.findings)
        assert "线段超过上限" in source.findings[0].message
    assert MAX_SEGMENTS >= 100_000


def _with_path(data: bytes, path: str) -> bytes:
    """``data`` (an OFD written by ``pdf_as_ofd``) with ``path`` drawn first on its first page."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "Doc_0/Pages/Page_0/Content.xml":
                content = content.replace(b'<ofd:Layer ID="5">', b'<ofd:Layer ID="5">' + path.encode(), 1)
            target.writestr(member, content)
    return out.getvalue()


@pytest.mark.parametrize("path,refused", [
    ('<ofd:PathObject ID="9" Boundary="0 0 10 10" CTM="1e308 0 0 1e308 0 0"><ofd:AbbreviatedData>M 0 0 L 1e308 1e308'
     ' L nan 1 L inf 2 C</ofd:AbbreviatedData></ofd:PathObject>', False),
    ('<ofd:PathObject ID="9" Boundary="0 0 10 10"><ofd:AbbreviatedData>M 0 0' + " L 1 1 L 0 0" * 300_000
     + '</ofd:AbbreviatedData></ofd:PathObject>', True),
    ('<ofd:PathObject ID="9" Boundary="x y"><ofd:AbbreviatedData>Z 1 2 M 0</ofd:AbbreviatedData></ofd:PathObject>',
     False),
], ids=["coordinates past any float", "a path of 600,000 segments", "data no reader draws"])
def test_a_path_no_page_could_draw_is_no_rule_and_never_a_crash(ruled_pdf, path, refused):
    """Coordinates no float holds or no page has and data that is no path draw nothing (the tables read whole); a page
    of more segments than a PDF page may draw objects is over budget, its path read no further than the bound."""
    source = read_bytes(_with_path(pdf_as_ofd(ruled_pdf), path), ".ofd")
    if refused:
        assert [f.code for f in source.findings] == ["over_budget"], source.findings
        return
    assert source.ok and not source.findings, source.findings
    assert _table3(parse(source.parse_text)) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}


def test_a_line_that_is_no_tables_rule_keeps_the_ofd_read_by_its_gaps():
    """A 公文's red line under its header (one horizontal segment) is no table's rules: the file is read by its gaps as
    before, its wrapped labels beside their numbers read whole (drawn as a PDF, this layout lost 14 cells)."""
    from tests.test_h46ofd import REPORT, as_ofd

    line = ('<ofd:PathObject ID="9" Boundary="10 15 190 1" StrokeColor="255 0 0"><ofd:AbbreviatedData>M 0 0 L 190 0'
            '</ofd:AbbreviatedData></ofd:PathObject>')
    record, expected = parse(read_bytes(_with_path(as_ofd(REPORT, wrap=12), line), ".ofd").parse_text), parse(REPORT)
    assert sorted((f.table, f.keys, repr(f.value)) for f in record.facts) == sorted(
        (f.table, f.keys, repr(f.value)) for f in expected.facts)


def test_a_drawn_page_gives_back_every_character_and_no_half_of_a_pair():
    """Characters past the Basic Multilingual Plane (a rare name's 𠀀) come back through the font's ToUnicode map as
    a pair of surrogates; half of a pair, which no text holds alone, is not drawn (encoding it raised)."""
    from types import SimpleNamespace as Run

    from xxgk.ofd_pdf import pages_to_pdf
    from xxgk.readers import pdf_to_text

    runs = [Run(text="规章\ud800 12", x=20.0, y=30.0, size=4.0, width=20.0),
            Run(text="\U00020000字", x=20.0, y=40.0, size=4.0, width=8.0)]
    assert pdf_to_text(pages_to_pdf([(210.0, 297.0, runs, [])])) == "规章 12\n\U00020000字"
