"""The workbook holds every row and nothing from a report writes its XML: a table longer than an Excel sheet
goes on in continuation sheets (XlsxWriter would drop the rows beyond silently), and a text shaped like an
XlsxWriter rich string is written as text."""

from __future__ import annotations

import html
import io
import re
import zipfile

from xxgk.package import write


def sheets(book: bytes) -> dict[str, list[list[str]]]:
    """``{sheet name: rows of cell texts}`` of an XLSX file, read from its XML (inline strings and numbers)."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        names = re.findall(r'<sheet name="([^"]+)"', archive.read("xl/workbook.xml").decode())
        out = {}
        for number, name in enumerate(names, start=1):
            xml = archive.read(f"xl/worksheets/sheet{number}.xml").decode()
            out[name] = [re.findall(r"<(?:t|v)(?: [^>]*)?>([^<]*)</(?:t|v)>", row)
                         for row in re.findall(r"<row [^>]*>(.*?)</row>", xml)]
    return out


def test_a_table_longer_than_a_sheet_goes_on_in_continuation_sheets(monkeypatch):
    monkeypatch.setattr(write, "SHEET_ROWS", 4)  # a header and three rows a sheet
    rows = [{"n": n, "text": f"第{n}行"} for n in range(10)]
    book = sheets(write.xlsx_bytes({"表3_依申请公开": rows, "findings": [{"code": "x"}]}))
    table = "表3_依申请公开"
    assert list(book) == [table, "findings", f"{table} (2)", f"{table} (3)", f"{table} (4)"]
    parts = [book[name] for name in book if name.startswith("表3")]
    assert all(part[0] == ["n", "text"] for part in parts)  # each sheet has the header
    assert [row for part in parts for row in part[1:]] == [[str(n), f"第{n}行"] for n in range(10)]  # all, in order
    assert book["findings"] == [["code"], ["x"]]


def test_a_text_shaped_like_a_rich_string_is_text_not_workbook_xml():
    hostile = '<r><t>注入</t></r><r><t xml:space="preserve">x</t></r>'
    with zipfile.ZipFile(io.BytesIO(write.xlsx_bytes({"sections": [{"text": hostile}]}))) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<r><t>注入" not in xml  # not injected as elements
    assert "'&lt;r&gt;&lt;t&gt;注入&lt;/t&gt;&lt;/r&gt;" in xml  # the text itself, with the formula guard's apostrophe


def test_a_text_xlsxwriter_would_cut_to_a_rich_string_shape_is_cut_here_with_the_note():
    """Excel's limit is 32,767 UTF-16 units: a text of fewer characters but more units (characters beyond U+FFFF
    count twice) was cut by XlsxWriter after the ``<r>…</r>`` test, silently: this one it cut at ``</r>``, into XML."""
    hostile = "<r><t>a" + "𠀀" * 16_376 + "</t></r>" + "<evil/>"
    with zipfile.ZipFile(io.BytesIO(write.xlsx_bytes({"sections": [{"text": hostile}]}))) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<is><r>" not in xml and "&lt;r&gt;&lt;t&gt;a𠀀" in xml  # text, not sheet XML
    text = html.unescape(re.search(r"<t[^>]*>([^<]*)</t>", xml.split("<row ")[2]).group(1))
    assert text.startswith("<r><t>a𠀀") and len(text.encode("utf-16-le")) // 2 <= 32_767  # what a cell holds
    assert text.endswith("完整内容见同名 CSV］")  # cut, and says so


def test_the_codebook_tells_a_reader_where_a_long_table_goes_on(seed_package):
    """The package's own workbook: its codebook sheet ends with a line on the continuation sheets (a reader who
    opens only the workbook learns there may be more sheets of one table)."""
    out, _, _ = seed_package
    codebook = sheets((out / write.XLSX_NAME).read_bytes())["codebook"]
    assert codebook[0][:2] == ["resource", "field"]
    last = codebook[-1]
    assert last[0] == "（工作簿）" and "续表" in last and any("'<sheet> (2)'" in html.unescape(c) for c in last)
    assert any("表名 (2)" in html.unescape(c) for c in last)
