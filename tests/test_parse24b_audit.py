"""Round 24 (parse, second pass): layouts real agencies publish that made the parser publish a number the file does
not print — PDF digits whose font maps them to no character, a note in a row's last cell after a blank layout cell,
a digit inserted as a Word symbol."""

from __future__ import annotations

import io

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

TITLE = "某某县卫生健康局2024年政府信息公开工作年度报告"
TABLE2 = [("行政许可", "1075"), ("行政处罚", "36"), ("行政强制", "5"), ("行政事业性收费", "12.5")]


def _pdf_digits_in_own_font(mapped: bool) -> bytes:
    """A report whose table 二 prints its numbers in a second font; ``mapped=False`` leaves that font without a
    character map (its CMap and ordering unknown to the reader, as a digit font embedded without ToUnicode): the
    text layer then gives ``(cid:N)`` for each digit."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0)
    y = 800
    for text in (TITLE, "一、总体情况", "本年度无。", "二、主动公开政府信息情况", "第二十条第（五）项"):
        page.setFont("STSong-Light", 10)
        page.drawString(50, y, text)
        y -= 20
    for label, number in TABLE2:
        page.setFont("STSong-Light", 10)
        page.drawString(50, y, label)
        page.setFont("MSung-Light", 10)
        page.drawString(200, y, number)
        y -= 20
    page.save()
    data = out.getvalue()
    if not mapped:
        data = data.replace(b"/Encoding /UniCNS-UCS2-H", b"/Encoding /Identity-H   ").replace(b"(CNS1)", b"(XNS1)")
    return data


def test_pdf_digits_without_a_character_map_are_never_read_as_their_glyph_numbers():
    """pdfminer writes a glyph its font maps to no character as ``(cid:18)``: the cell showing 1075 was read as
    ``(cid:18)(cid:17)(cid:24)(cid:22)`` and 行政许可 published as 18 (行政处罚 36 as 20, 12.5 万元 as 18). Now those
    cells are missing, and a ``pdf_glyphs_unmapped`` error says why."""
    control = read_bytes(_pdf_digits_in_own_font(mapped=True), ".pdf")
    assert parse(control.parse_text).values("active")[("licensing", "decisions")] == 1075
    source = read_bytes(_pdf_digits_in_own_font(mapped=False), ".pdf")
    assert "(cid:" not in source.text
    record = parse(source.parse_text)
    assert not any(v is not None for v in record.values("active").values())
    notes = [f for f in source.findings if f.code == "pdf_glyphs_unmapped"]
    assert len(notes) == 1 and notes[0].severity == "error" and "11个字符" in notes[0].message
    assert record.year == 2024  # the title's digits are in the mapped font


def _noted_table3(note: str):
    """Table 三's cells (tests.test_parse9_pdf) with （一）予以公开's 总计 printed with ``note`` after its number."""
    from tests import test_parse9_pdf

    data, spans = test_parse9_pdf._table3_cells(False)
    row = next(r for r in data if r[1] == "（一）予以公开")
    row[-1] += note
    return data, spans


@pytest.mark.parametrize("form", ["pdf", "unmerged copy"])
def test_a_note_in_a_rows_last_cell_does_not_move_its_numbers(form, monkeypatch):
    """（一）予以公开 printed ``3 | 1 | 0 | 0 | 0 | 0 | 4（含转办2件）`` in a table whose merged label leaves an empty
    cell before the numbers (a ruled PDF's merged cell, a copy with its merges undone). The noted cell was dropped as
    a 备注 and the empty cell became 自然人: published 自然人 blank, 商业企业 3, 科研机构 1 … 总计 0, every number one
    column right of its own. Now each number is in its column and 总计 is missing with ``value_unreadable``."""
    from tests import test_parse9_pdf
    from tests.test_layouts_unseen import ROWS

    data, spans = _noted_table3("（含转办2件）")
    if form == "pdf":
        monkeypatch.setattr(test_parse9_pdf, "_table3_cells", lambda swap, blanks=None: (data, spans))
        text = read_bytes(test_parse9_pdf.build(), ".pdf").parse_text
    else:
        text = "\n".join([TITLE, "三、收到和处理政府信息公开申请情况", *("\t".join(r) for r in data),
                          "四、政府信息公开行政复议、行政诉讼情况"])
    assert "\t\t3\t1\t0\t0\t0\t0\t4（含" in text  # the empty layout cell, then the row's numbers
    record = parse(text)
    got = record.values("applications")
    granted = [got.get(("granted", a)) for a in
               ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")]
    assert granted == [*ROWS["granted"][:6], None]
    unreadable = [f for f in record.findings if f.code == "value_unreadable"]
    assert [(f.row, f.column) for f in unreadable] == [("（一）予以公开", "总计")]


def _docx_with_symbol(char: str) -> bytes:
    """A report whose 行政许可 cell is 10, a ``w:sym`` of ``char``, then 5 (Word shows 1075 when ``char`` is 0037)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    for line in (TITLE, "二、主动公开政府信息情况", "第二十条第（五）项"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text = "信息内容", "本年处理决定数量", "行政许可"
    paragraph = table.cell(1, 1).paragraphs[0]
    paragraph.add_run("10")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="{char}"/></w:r>'))
    paragraph.add_run("5")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("char", "expected"), [("0037", 1075), ("F037", None)])
def test_a_digit_inserted_as_a_word_symbol_is_never_dropped(char, expected):
    """A digit inserted with Insert > Symbol is a ``w:sym``, which was dropped: 1075 was published as 105. The symbol
    is now the character it shows (1075); a symbol font's private code (F037) is no text: the cell is unreadable."""
    record = parse(read_bytes(_docx_with_symbol(char), ".docx").parse_text)
    assert record.values("active")[("licensing", "decisions")] == expected
    unreadable = {f.code for f in record.findings if f.table == "2" and f.row == "行政许可"}
    assert unreadable == (set() if expected else {"value_unreadable"})
