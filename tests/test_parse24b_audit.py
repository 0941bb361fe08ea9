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
