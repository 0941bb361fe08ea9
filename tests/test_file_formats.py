"""A report file is read as what its bytes are, not as what its name says: downloads are often saved under the
wrong name (a Word .docx named .doc, a web page named .pdf), and a format no reader here reads is said by name
(format_unsupported: a Word 97-2003 .doc, a workbook, an archive), an image as a picture with no text
(no_text_layer) — before, such files were 'not a text in a known encoding' or a library's BadZipFile."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.factory import as_docx, tab_report
from xxgk.readers import read_bytes

# a Word 97-2003 file's first bytes: the compound file's signature, its header, then Word's own mark at byte 512
WORD_97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"\xec\xa5\xc1\x00" + bytes(2000)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("某局2023年报告.txt", tab_report())
    return out.getvalue()


def _codes(source) -> list[str]:
    return [f.code for f in source.findings]


@pytest.mark.parametrize(("data", "suffix", "said"), [
    (WORD_97, ".doc", "Word 97-2003 文档（.doc）"),
    (WORD_97, ".docx", "Word 97-2003 文档（.doc）"),  # a .doc renamed: was 'BadZipFile: File is not a zip file'
    (_zip(), ".zip", "压缩包（.zip）"),
    (_zip(), ".txt", "压缩包（.zip）"),
])
def test_a_format_no_reader_reads_is_named(data, suffix, said):
    source = read_bytes(data, suffix)
    assert not source.ok and _codes(source) == ["format_unsupported"]
    assert said in source.findings[0].message and "另存为" in source.findings[0].message


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".txt"])
def test_an_image_is_a_report_without_text(suffix):
    source = read_bytes(PNG, suffix)
    assert not source.ok and _codes(source) == ["no_text_layer"]
    assert "图片文件（PNG）" in source.findings[0].message


@pytest.mark.parametrize("suffix", [".doc", ".txt", ".pdf"])
def test_a_word_file_under_another_name_is_read_as_word(suffix):
    text = tab_report(agency="样例县数据局")
    source = read_bytes(as_docx(text), suffix)
    assert source.ok and source.kind == "docx" and "样例县数据局" in source.text


def test_a_web_page_saved_as_pdf_is_read_as_a_web_page():
    page = "<html><body><h1>样例县数据局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p></body></html>"
    source = read_bytes(page.encode("utf-8"), ".pdf")  # was 'PDFSyntaxError: No /Root object!'
    assert source.ok and source.kind == "html" and "样例县数据局2023年" in source.text


def test_text_is_still_text():
    source = read_bytes(tab_report().encode("gb18030"), ".txt")
    assert source.ok and source.kind == "text" and source.encoding


def test_a_word_file_whose_first_parts_are_others_is_read_as_word_under_any_name():
    """filetype looks at the first 8 KB only: a .docx whose thumbnail comes first was called an archive."""
    plain = zipfile.ZipFile(io.BytesIO(as_docx(tab_report())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("docProps/thumbnail.jpeg", bytes(range(256)) * 64)  # 16 KB first
        for name in plain.namelist():
            if name != "docProps/thumbnail.jpeg":
                archive.writestr(name, plain.read(name))
    source = read_bytes(out.getvalue(), ".doc")
    assert source.ok and source.kind == "docx"
