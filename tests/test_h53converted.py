"""Session 53: reports as a real converter lays them out (``benchmarks.converter_sweep``: Word's web page of the 2021
template saved by LibreOffice as .doc, then as PDF; ``tests/fixtures/libreoffice``, made by ``make_pdf_fixtures.py``).
A page ending inside table 三's header broke its third header row (科研 over 机构, 社会 over 公益组织) over
the page break: read as two rows of headings, in two places, the column order was unsure and all of table 三
was dropped (``columns_order_unsure``, 175 cells). Now the row is joined as a broken row of numbers is
(``pdf_rows.broken_heading``), from the PDF and from the OFD of its pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.converter_sweep import page, score_record
from benchmarks.ofd_from_pdf import pdf_as_ofd

from xxgk.parser import parse
from xxgk.readers import read_bytes

FOLDER = Path(__file__).parent / "fixtures" / "libreoffice"


@pytest.mark.parametrize("suffix", [".pdf", ".ofd"])
def test_a_header_row_broken_over_a_page_is_one_row_and_the_table_is_read(suffix):
    data = (FOLDER / "header_broken_over_a_page.pdf").read_bytes()
    _, table3, table4, active = page(1, "shifted")
    copy = pdf_as_ofd(data) if suffix == ".ofd" else data
    record = parse(read_bytes(copy, suffix).parse_text)
    assert score_record(record, table3, table4, active) == (0, 0)  # (wrong, missing) against the values drawn
    assert not [f for f in record.findings if f.severity != "info"]


@pytest.mark.parametrize("kept", [0.3, 0.95], ids=["cut at 30 %", "cut before its trailer"])
def test_a_pdf_cut_short_is_said_in_words_not_the_librarys_exception(kept):
    """A PDF whose download broke off: its finding said ``PSEOF: Unexpected EOF`` or ``PDFSyntaxError: No /Root object!
    - Is this really a PDF?`` on the quality page (session 53's reader journeys)."""
    data = (FOLDER / "header_broken_over_a_page.pdf").read_bytes()
    source = read_bytes(data[:int(len(data) * kept)], ".pdf")
    assert [f.code for f in source.findings] == ["file_unreadable"]
    message = source.findings[0].message
    assert "重新下载" in message and not any(word in message for word in ("PSEOF", "Syntax", "Root", "EOF"))
