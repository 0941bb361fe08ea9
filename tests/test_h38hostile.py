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
