"""Session 46: ``reports.file_type`` says what each report file is by its bytes — a question researchers of open
government ask (how many agencies publish a scanned picture, a web page, an editable document) and that the package
could not answer: before, only the finding of a failed file named its format, and a refused or unreadable input was
recorded as a text. The files are written here; the package is built from them (no site)."""

from __future__ import annotations

import csv

import pytest

from tests.factory import as_docx, as_html, tab_report
from tests.test_h31hostile_audit import _zipped
from tests.test_h46ofd import as_ofd

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)


@pytest.fixture(scope="module")
def file_types(tmp_path_factory) -> dict[str, str]:
    from xxgk.package.build import build_package

    folder = tmp_path_factory.mktemp("h46-file-types")
    reports = folder / "reports"
    reports.mkdir()
    files = {
        "a.txt": tab_report(agency="甲县数据局").encode("gb18030"),
        "b.html": as_html(tab_report(agency="乙县数据局")).encode("utf-8"),
        "c.docx": as_docx(tab_report(agency="丙县数据局")),
        "d.ofd": as_ofd(tab_report(agency="丁县数据局")),
        "e.pdf": as_docx(tab_report(agency="戊县数据局")),  # (a Word file saved under a PDF's name)
        "f.png": PNG,
        # (a workbook saved under a Word file's name)
        "g.docx": _zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
        "h.txt": b"",
    }
    for name, data in files.items():
        (reports / name).write_bytes(data)
    build_package(reports, folder / "pkg", workers=1)
    rows = csv.DictReader((folder / "pkg" / "data" / "reports.csv").open(encoding="utf-8-sig"))
    return {row["source_file"]: row["file_type"] for row in rows}


@pytest.mark.parametrize(("name", "file_type"), [
    ("a.txt", "text"), ("b.html", "html"), ("c.docx", "docx"), ("d.ofd", "ofd"),
    ("e.pdf", "docx"),  # what the bytes are, not the name
    ("f.png", "image"),  # a scanned report published as a picture
    ("g.docx", ""),  # a workbook: no reader here (format_unsupported names it)
    ("h.txt", ""),  # an empty file was not read: no type, not "text"
])
def test_each_report_says_what_its_file_is_by_its_bytes(file_types, name, file_type):
    assert file_types[name] == file_type


def test_a_report_page_says_what_its_file_is(tmp_path):
    """The report's facts name its file's type beside the file's name (a reader asking whether an agency publishes
    a document or a picture read the name's suffix, which a download's name may belie)."""
    import lxml.html

    from tests.conftest import report_page_files, site_of

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "甲县数据局.pdf").write_bytes(as_docx(tab_report(agency="甲县数据局")))  # (a Word file named .pdf)
    (reports / "乙县数据局.ofd").write_bytes(as_ofd(tab_report(agency="乙县数据局")))
    said = {}
    for page in report_page_files(site_of(reports, tmp_path / "work")):
        doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
        facts = {th.text_content(): th.getnext().text_content() for th in doc.xpath("//details//th")}
        said[facts["源文件"]] = facts["文件格式"]
    assert said == {"甲县数据局.pdf": "Word 文档（.docx）", "乙县数据局.ofd": "OFD 版式文档"}
