"""Session 46: an OFD file (GB/T 33190, the national fixed-layout format agencies' document systems export) is read,
its text runs laid into lines and cells as drawn (``ofd_text.py``); before, every OFD report was
``format_unsupported`` and not one number of it was published. The files are written here from a synthetic
report (``factory.tab_report``): each table cell a TextObject at its column, or each character one, as producers
write them; a report read from its OFD must give the numbers the same report gives as text."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from tests.factory import tab_report
from tests.test_h31hostile_audit import _zipped
from xxgk.parser import parse
from xxgk.readers import read_bytes

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
SIZE = 3.5  # mm, about 10 pt
LINE = 6.0  # mm from one baseline to the next
FIRST = 10.0  # mm: a line's first cell's x


def _width(text: str) -> float:
    return sum(SIZE if unicodedata.east_asian_width(c) in "WF" else SIZE / 2 for c in text)


def _text_object(number: int, x: float, y: float, text: str) -> str:
    deltas = " ".join(f"{SIZE if unicodedata.east_asian_width(c) in 'WF' else SIZE / 2:g}" for c in text[:-1])
    return (f'<ofd:TextObject ID="{number}" Boundary="{x:g} {y - SIZE:g} {_width(text) + 1:g} {SIZE * 1.5:g}" '
            f'Font="1" Size="{SIZE:g}"><ofd:TextCode X="0" Y="{SIZE:g}" DeltaX="{deltas}">{_xml(text)}</ofd:TextCode>'
            "</ofd:TextObject>")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_ofd(text: str, per_char: bool = False, lines_a_page: int = 40, template_line: str | None = None,
           wrap: int = 0, tight: bool = False) -> bytes:
    """``text`` as an OFD file on pages 420 mm high and as wide as the widest row: each line at its baseline, each
    tab-separated cell at its column (the first at ``FIRST``, each other 4 mm right of the widest cell before it) —
    one TextObject a cell, or one a character (``per_char``) —, ``lines_a_page`` lines a page; ``template_line``: a
    line every page's template draws on top;
    ``wrap``: a first cell longer than this many characters is drawn on two lines, 2.5 mm above and below its row's
    numbers (a label wrapped in its cell, the numbers centred), and its row is 9 mm high; ``tight``: each label's row's
    second cell one character's width after the label (a label filling its cell, the number beside its edge)."""
    lines = text.split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    first = max((_width(row[0][:wrap] if wrap else row[0]) for row in rows), default=0) + 4
    other = max((_width(cell) for row in rows for cell in row[1:]), default=0) + 4
    wide = FIRST + first + other * max((len(row) for row in rows), default=1) + 10  # (a page as wide as its table)
    pages = [lines[i:i + lines_a_page] for i in range(0, len(lines), lines_a_page)]
    number = 100
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
                         "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
                         "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        template = ('<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template_line else "")
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
                         "<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea>"
                         f"<ofd:PhysicalBox>0 0 {wide:g} 420</ofd:PhysicalBox></ofd:PageArea>{template}"
                         "</ofd:CommonData>"
                         "<ofd:Pages>" + "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                                                 for i in range(len(pages))) + "</ofd:Pages></ofd:Document>")
        if template_line:
            archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="3">'
                             + _text_object(4, FIRST, 12, template_line) + "</ofd:Layer></ofd:Content></ofd:Page>")
        for i, page in enumerate(pages):
            objects = []
            y = 25.0
            for line in page:
                cells = line.split("\t")
                wrapped = bool(wrap) and len(cells) > 1 and len(cells[0]) > wrap
                y += 1.5 if wrapped else 0
                beside = tight and not cells[0].isdigit()  # (a label's row; a row of numbers keeps its columns)
                start = FIRST + _width(cells[0]) + SIZE if beside else FIRST + first
                placed = [(start + other * (column - 1) if column else FIRST, y, cell)
                          for column, cell in enumerate(cells)]
                if wrapped:
                    placed[:1] = [(FIRST, y - 2.5, cells[0][:wrap]), (FIRST, y + 2.5, cells[0][wrap:])]
                for x, at, cell in placed:
                    if per_char:
                        for char in cell:
                            number += 1
                            objects.append(_text_object(number, x, at, char))
                            x += _width(char)
                    elif cell:
                        number += 1
                        objects.append(_text_object(number, x, at, cell))
                y += LINE + (1.5 if wrapped else 0)
            use = '<ofd:Template TemplateID="2"/>' if template_line else ""
            archive.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'<ofd:Page {NS}>{use}<ofd:Content>'
                             f'<ofd:Layer ID="{5 + i}">' + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return out.getvalue()


def _numbers(record) -> list[tuple]:
    return sorted((f.table, f.keys, repr(f.value)) for f in record.facts)


REPORT = tab_report(agency="样例县数据局", carried_over=2, carried_forward=3, issued=4, fee="12.5")


@pytest.mark.parametrize("per_char", [False, True], ids=["a-run-a-cell", "a-run-a-character"])
@pytest.mark.parametrize("lines_a_page", [40, 12], ids=["two-pages", "six-pages"])
@pytest.mark.parametrize("wrap", [0, 12], ids=["labels-whole", "labels-wrapped"])
def test_an_ofd_report_gives_the_numbers_its_text_gives(per_char, lines_a_page, wrap):
    source = read_bytes(as_ofd(REPORT, per_char=per_char, lines_a_page=lines_a_page, wrap=wrap), ".ofd")
    assert source.ok and source.kind == "ofd", source.findings
    record, expected = parse(source.parse_text), parse(REPORT)
    assert (record.agency, record.year) == ("样例县数据局", 2024)
    assert _numbers(record) == _numbers(expected) and len(expected.facts) > 100
    said = {"rows_realigned"} if wrap else set()  # (a label's two lines around its numbers: said, as a PDF's are)
    assert {f.code for f in record.findings} - said == {f.code for f in expected.findings}


@pytest.mark.parametrize("per_char", [False, True], ids=["a-run-a-cell", "a-run-a-character"])
def test_a_number_a_characters_width_from_its_label_is_read_in_its_column(per_char):
    """A label filling its cell, the first number one character from it (closer than a cell's edge: ``label 6\t0\t…``,
    a space then tabs): the parser reads the row whole."""
    source = read_bytes(as_ofd(REPORT, per_char=per_char, tight=True), ".ofd")
    record, expected = parse(source.parse_text), parse(REPORT)
    assert _numbers(record) == _numbers(expected)
    assert {f.code for f in record.findings} == {f.code for f in expected.findings}


def test_an_ofd_file_is_read_whatever_its_name_says():
    for suffix in (".pdf", ".zip", ".txt"):
        source = read_bytes(as_ofd(REPORT), suffix)
        assert source.ok and source.kind == "ofd" and "样例县数据局" in source.text


def test_a_table_row_of_an_ofd_page_is_its_cells_apart_and_a_sentence_one_line():
    text = read_bytes(as_ofd(REPORT, per_char=True), ".ofd").text
    row = next(line for line in REPORT.split("\n") if line.startswith("一、本年新收"))
    assert row.count("\t") == 7 and row in text.split("\n")
    assert "样例县数据局2024年政府信息公开工作年度报告" in text.split("\n")  # (a character a run: no gap, no space)


def test_a_templates_text_is_read_once_a_page():
    source = read_bytes(as_ofd(REPORT, lines_a_page=40, template_line="样例县数据局文件"), ".ofd")
    assert source.text.count("样例县数据局文件") == 2  # two pages, each drawing its template


def test_an_ofd_without_text_is_a_report_with_no_text_layer():
    empty = as_ofd("\n\n")
    source = read_bytes(empty, ".ofd")
    assert not source.ok and [f.code for f in source.findings] == ["no_text_layer"]


@pytest.mark.parametrize("members", [
    {"OFD.xml": "<ofd:OFD/>"},  # no DocBody
    {"OFD.xml": f"<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"},
    {"OFD.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><ofd:OFD/>'},  # a DTD: refused, no entity expanded
], ids=["no-body", "no-document", "dtd"])
def test_a_broken_ofd_is_an_unreadable_file_never_a_crash(members):
    source = read_bytes(_zipped(members), ".ofd")
    assert not source.ok and [f.code for f in source.findings] == ["file_unreadable"], source.findings
    assert "OFD" in source.findings[0].message


def test_an_ofd_past_the_budgets_is_over_budget(monkeypatch):
    import dataclasses

    from xxgk import readers

    many_tags = as_ofd(REPORT)
    monkeypatch.setattr(readers, "BUDGET", dataclasses.replace(readers.BUDGET, docx_tags=500))
    source = read_bytes(many_tags, ".ofd")
    assert [f.code for f in source.findings] == ["over_budget"] and "OFD" in source.findings[0].message
    monkeypatch.setattr(readers, "BUDGET", dataclasses.replace(readers.BUDGET, docx_tags=5_000_000, pdf_pages=3))
    source = read_bytes(as_ofd(REPORT, lines_a_page=12), ".ofd")
    assert [f.code for f in source.findings] == ["over_budget"] and "页" in source.findings[0].message


def test_text_drawn_off_the_page_is_not_read():
    members = {}
    with zipfile.ZipFile(io.BytesIO(as_ofd(REPORT))) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    hidden = _text_object(9999, 5000, 40, "样例市另一局2020年政府信息公开工作年度报告")
    members["Doc_0/Pages/Page_0/Content.xml"] = members["Doc_0/Pages/Page_0/Content.xml"].replace(
        b"</ofd:Layer>", hidden.encode() + b"</ofd:Layer>")
    source = read_bytes(_zipped(members), ".ofd")
    assert source.ok and "另一局" not in source.text and "样例县数据局2024年" in source.text
