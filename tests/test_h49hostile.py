"""Session 49 (lead): a PDF whose cross-reference stream claims far more objects than it holds, beside a page tree
that gives its page. The reader's font pass (``pdf_outlines``) looked up every object the cross-references name,
an entry past the stream's data counted as one in use: a 667-byte file claiming ``/Size 1000000`` had a million
objects parsed (21 CPU s a file; 10,000,000 past the worker's wall time) — found timing the test suite."""

from __future__ import annotations

import pytest

from xxgk.readers import read_bytes

from .test_h28hostile_audit import object_stream_pdf


@pytest.mark.parametrize("claimed", [1_000_000, 10_000_000])
def test_objects_a_cross_reference_stream_claims_but_does_not_hold_are_never_looked_up(claimed, monkeypatch):
    from pdfminer.pdfdocument import PDFDocument

    looked_up = []
    getobj = PDFDocument.getobj

    def counted(self, objid):
        looked_up.append(objid)
        return getobj(self, objid)

    monkeypatch.setattr(PDFDocument, "getobj", counted)
    source = read_bytes(object_stream_pdf(3).replace(b"/Size 8", b"/Size %d" % claimed), ".pdf")
    assert source.text == "Hello" and not source.findings
    assert len(set(looked_up)) <= 8, sorted(set(looked_up))[:20]
