"""Session 32 (second round), the readers: layouts that still lost cells, made here by hand (python-docx, HTML).

Each test states what a reader of the report sees and checks the published values: every printed number in its
cell, a lost cell missing with a finding, nothing invented."""

from __future__ import annotations

import io
import zipfile

from tests.test_layouts_unseen import ROWS, ZERO, _parse, _table3, docx_report
from xxgk.catalog import row_codes
from xxgk.readers import read_bytes

PRINTED = {code: ROWS.get(code, ZERO) for code in row_codes("2021")}

# Word's 另存为 "Strict Open XML 文档": the same parts under the strict namespace names
STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}


def _as_strict(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for member in archive.infolist():
            body = archive.read(member)
            if member.filename.endswith((".xml", ".rels")):
                for ordinary, strict in STRICT.items():
                    body = body.replace(ordinary, strict)
            made.writestr(member, body)
    return out.getvalue()


def test_a_word_file_saved_as_strict_open_xml_is_read_as_word_shows_it():
    strict = _as_strict(docx_report())
    assert b"purl.oclc.org/ooxml/wordprocessingml" in zipfile.ZipFile(io.BytesIO(strict)).read("word/document.xml")
    source = read_bytes(strict, ".docx")
    assert not [f for f in source.findings if f.code == "file_unreadable"], source.findings
    assert "某某县卫生健康局2024年政府信息公开工作年度报告" in source.text
    assert _table3(_parse(strict, ".docx")) == PRINTED
