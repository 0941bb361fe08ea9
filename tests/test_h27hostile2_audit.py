"""What the second hostile-input audit found (session 27): inputs that cost out of proportion to what they hold, and
a title a stray byte cut inside its fixed words."""

from __future__ import annotations

import pytest

from xxgk.metadata import read_title
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import tab_report
from .test_h27hostile_audit import pdf_of

AGENCY = "甲县民政局"


def test_a_stray_byte_inside_a_titles_fixed_words_leaves_its_agency_and_year():
    """``甲县民政局2024年政府信息公开工作年度\\xff报告`` (a UTF-8 report with one stray byte between 年度 and 报告, as
    a download cut and resumed leaves it): the byte is a U+FFFD, said by ``text_undecodable``; the title's fixed
    words no longer matched, so neither the agency nor the year was read (``agency_not_found``, ``year_not_found``)
    though neither touches the lost byte."""
    data = tab_report(agency=AGENCY).encode("utf-8")
    data = data.replace("年度报告".encode(), "年度".encode() + b"\xff" + "报告".encode(), 1)
    source = read_bytes(data, ".txt")
    assert source.text.split("\n")[0] == f"{AGENCY}2024年政府信息公开工作年度\ufffd报告"
    record = parse(source.parse_text)
    assert (record.agency, record.year) == (AGENCY, 2024)
    assert not {"agency_not_found", "year_not_found"} & {f.code for f in record.findings}
    assert [f.line for f in source.findings if f.code == "text_undecodable"] == [1]


@pytest.mark.parametrize("title", ["甲县民政局2024年\ufffd政府信息公开工作年度报告",
                                   "甲县民政局2024年政府信息公开工作\ufffd年度报告",
                                   "甲县民政局2024年政府信息公开工作年\ufffd报"])
def test_a_lost_character_between_a_titles_fixed_words_is_read_past(title):
    assert (read_title(title).agency, read_title(title).year) == (AGENCY, 2024)


@pytest.mark.parametrize("title", ["甲县民政\ufffd局2024年政府信息公开工作年度报告",
                                   "甲县民政局\ufffd2024年政府信息公开工作年度报告"])
def test_a_lost_character_touching_the_name_still_refuses_it(title):
    """The name is never read across or next to a lost character (another agency's name may be what was lost)."""
    found = read_title(title)
    assert found.agency is None and found.refused is not None and found.year == 2024


def _repeated_page_pdf(times: int) -> bytes:
    """A PDF of one page ("Hello") whose page list names that page ``times`` times (``/Count`` says as many)."""
    stream = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * times) + b"] /Count %d >>" % times,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_of(objects)


def test_a_pdf_listing_one_page_thousands_of_times_is_over_budget_before_it_is_parsed():
    """A PDF whose page list names its one page 300,000 times (1.8 MB) was read as one page, after the PDF library
    had parsed the list over and over (56 s of the 120 s a file may take; a 20 MB one took them all). A page list
    longer than the pages a file may have (1,000) is now refused from the file's bytes: ``over_budget``, saying
    how long the list is. Here 5,000."""
    source = read_bytes(_repeated_page_pdf(5000), ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]


def test_a_pdf_listing_its_page_a_few_times_is_still_read():
    """A list within the budget is left to the library (which reads the page once)."""
    source = read_bytes(_repeated_page_pdf(3), ".pdf")
    assert "Hello" in source.text and not [f for f in source.findings if f.code == "over_budget"]


def _docx_with_nested_tables(width: int, depth: int) -> bytes:
    """The factory's report as a .docx with, before it, a table ``depth`` levels deep, each of its ``width`` rows
    holding the next level's table (``width ** depth`` cells at the bottom)."""
    import io
    import zipfile

    from .factory import as_docx

    inner = "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = "<w:tbl>" + f"<w:tr><w:tc>{inner}</w:tc></w:tr>" * width + "</w:tbl><w:p/>"
    made, out = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY)))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for member in made.infolist():
            data = made.read(member.filename)
            if member.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + inner.encode(), 1)
            written.writestr(member, data)
    return out.getvalue()


def test_a_docx_of_hundreds_of_thousands_of_nested_cells_is_over_budget_before_it_is_walked():
    """Tables nested in table cells, 12 rows at each of 5 levels: 271,452 cells in a file of about 150 KB (810,000
    in the audit's 238 KB one took 31 CPU s; a 2 MB one takes a worker's whole budget). Refused from the document's
    bytes: ``over_budget``, saying how many cells."""
    source = read_bytes(_docx_with_nested_tables(12, 5), ".docx")
    assert [f.code for f in source.findings] == ["over_budget"]
    assert "个表格单元格，超过上限 100000 个" in source.findings[0].message


def test_a_docx_of_a_few_nested_tables_is_still_read():
    source = read_bytes(_docx_with_nested_tables(3, 3), ".docx")
    assert "深" in source.text and not [f for f in source.findings if f.code == "over_budget"]
    assert (parse(source.parse_text).agency, parse(source.parse_text).year) == (AGENCY, 2024)


def test_the_text_of_tables_nested_deeper_than_the_reader_walks_is_read_flat_not_lost():
    """Past ``MAX_DOCX_NESTING`` (8) tables inside table cells are meant to be read flat; a cell there was read by
    its own paragraphs only, so the text of the tables nested in it vanished, and nothing said so (a table 12 deep
    whose innermost cell says 深: the word was in no output). Now a cell's nested tables' paragraphs are its text."""
    source = read_bytes(_docx_with_nested_tables(1, 12), ".docx")
    assert "深" in source.text.split("\n")
    assert (parse(source.parse_text).agency, parse(source.parse_text).year) == (AGENCY, 2024)
