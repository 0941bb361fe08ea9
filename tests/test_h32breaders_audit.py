"""Session 32 (second round), the readers: layouts that still lost cells, made here by hand (python-docx, HTML).

Each test states what a reader of the report sees and checks the published values: every printed number in its
cell, a lost cell missing with a finding, nothing invented."""

from __future__ import annotations

import html
import io
import zipfile

from tests.test_layouts_unseen import ROWS, ZERO, _parse, _table3, docx_report, html_report, html_table3
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


def _framed(table: str, attributes: str = "") -> str:
    return f'<iframe {attributes} srcdoc="{html.escape(table)}" width="800" height="600"></iframe>'


def test_table_3_in_an_iframe_srcdoc_is_read_where_the_frame_stands():
    # the frame's page is written in the page (nothing is fetched): a browser shows table 三 in the frame's place;
    # before, the frame was dropped and table 三 was table_absent
    page = html_report(t3=_framed(html_table3(), "src='http://example.invalid/t3.html'"))
    record = _parse(page)
    assert _table3(record) == PRINTED
    assert "table_absent" not in {f.code for f in record.findings}


def test_a_hidden_srcdoc_frame_stays_unread_and_a_src_frame_is_never_fetched():
    shown = html_report(t3=_framed(html_table3()) + _framed("<p>隐藏的框架</p>", "style='display:none'")
                        + "<iframe src='http://example.invalid/other.html'>框架的替代文字</iframe>")
    text = read_bytes(shown.encode(), ".html").text
    assert "隐藏的框架" not in text and "example.invalid" not in text
    assert "一、本年新收政府信息公开申请数量\t6\t1\t0\t0\t1\t0\t8" in text
