"""Text boxes of a Word 97-2003 (.doc, .wps) document (``xxgk.word97_boxes``): a cover's title in a text box gives
the report its agency and year, as the .docx reader reads a ``w:txbxContent`` (its lines before its anchor's
paragraph). The .doc reader dropped every box: the same report was ``agency_not_found`` and ``year_not_found``.
A box whose places do not fit the file is not read, and the report is, with no finding."""

from __future__ import annotations

import struct

import pytest

from tests.test_word97 import _codes, _doc, _patched, _put
from tests.word97_reports import BOX_NOTE, report_title_in_a_text_box
from xxgk.parser import parse
from xxgk.readers import read_bytes

_NAME = "report_title_in_a_text_box"
TITLE = "海城市教育局2023年政府信息公开工作年度报告"
# where the fixture's FIB holds ccpTxbx and the (fc, lcb) of PlcSpaMom and PlcftxbxTxt (FibRgLw97's 9th field,
# FibRgFcLcb97's 40th and 56th pairs)
CCP_TXBX, PLC_SPA_MOM, PLCF_TXBX_TXT = 0x3E + 2 + 4 * 9, 0x9A + 8 * 40, 0x9A + 8 * 56


def test_a_title_in_a_text_box_is_read_before_its_anchors_paragraph():
    source = read_bytes(_doc(_NAME), ".doc")
    assert source.ok and not source.findings
    assert source.text == read_bytes(report_title_in_a_text_box(), ".docx").text
    lines = source.text.split("\n")
    assert lines[:6] == [TITLE, "", "一、总体情况", *BOX_NOTE, "概述。"]  # (before: "", 一、总体情况, 概述。)
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("海城市教育局", 2023)
    assert not {"year_not_found", "agency_not_found"} & {f.code for f in record.findings}


def test_a_title_in_a_text_box_of_the_first_pages_header_is_read_first():
    from tests.word97_reports import report_title_in_a_header_text_box

    source = read_bytes(_doc("report_title_in_a_header_text_box"), ".doc")
    assert source.text == read_bytes(report_title_in_a_header_text_box(), ".docx").text
    assert source.text.split("\n")[:3] == [TITLE, "内部资料", "一、总体情况"]  # (before: 内部资料 first)
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("海城市教育局", 2023)
    # its places outside the file: the header is read without its box, and the report is, with no finding
    for field in (0x3E + 2 + 4 * 10, 0x9A + 8 * 41 + 4, 0x9A + 8 * 58 + 4):  # ccpHdrTxbx, PlcSpaHdr's and
        # PlcfHdrtxbxTxt's sizes
        patched = _patched("report_title_in_a_header_text_box", "WordDocument", _put(field, struct.pack("<i", 10**9)))
        source = read_bytes(patched, ".doc")
        assert source.ok and _codes(source) == [] and source.text.split("\n")[:2] == ["内部资料", "一、总体情况"]


def _without_boxes() -> list[str]:
    lines = read_bytes(_doc(_NAME), ".doc").text.split("\n")
    return [line for line in lines if line != TITLE and line not in BOX_NOTE]


@pytest.mark.parametrize("field,value", [
    (CCP_TXBX, 10**9), (CCP_TXBX, -1), (CCP_TXBX, 30),  # (the story shorter than the second box: it alone lost)
    (PLC_SPA_MOM + 4, 123), (PLC_SPA_MOM, 10**8), (PLCF_TXBX_TXT + 4, 10**9), (PLCF_TXBX_TXT + 4, 133),
], ids=["ccpTxbx a billion", "ccpTxbx negative", "ccpTxbx short", "PlcSpaMom of no PLC's size",
        "PlcSpaMom past the stream", "PlcftxbxTxt past the stream", "PlcftxbxTxt of no PLC's size"])
def test_text_boxes_whose_places_do_not_fit_the_file_are_not_read_and_the_report_is(field, value):
    source = read_bytes(_patched(_NAME, "WordDocument", _put(field, struct.pack("<i", value))), ".doc")
    assert source.ok and _codes(source) == []
    lines = source.text.split("\n")
    if value == 30:
        assert lines[:4] == [TITLE, "", "一、总体情况", "概述。"]
    else:
        assert lines == _without_boxes()


def _plcs(anchors: list[tuple[int, int]], boxes: list[tuple[int, int, int]]) -> tuple[bytes, tuple, tuple]:
    """A table stream holding PlcSpaMom (``(anchor CP, lid)``) then PlcftxbxTxt (``(first CP, fReusable, lid)``,
    and the story's end after them)."""
    spa = struct.pack(f"<{len(anchors) + 1}i", *[cp for cp, _ in anchors], 10**4) + b"".join(
        struct.pack("<i", lid) + bytes(22) for _, lid in anchors)
    ends = [cp for cp, _, _ in boxes] + [boxes[-1][0] + 5]
    txbx = struct.pack(f"<{len(ends)}i", *ends) + b"".join(
        struct.pack("<iihii", 1, 0, reusable, 0, lid) + bytes(4) for _, reusable, lid in boxes)
    return spa + txbx, (0, len(spa)), (len(spa), len(txbx))


def test_a_shape_is_given_the_box_of_its_own_identifier_once():
    from xxgk.word97_boxes import box_ranges

    table, spa, txbx = _plcs([(3, 1026), (9, 1027), (12, 1027), (15, 2000)],
                             [(0, 0, 1026), (4, 0, 1027), (9, 1, 1028), (12, 0, 0)])
    # 1027 anchored twice is read once, at its first anchor; 2000 is no box's; 1028 is a free slot
    assert box_ranges(table, spa, txbx, 100) == [(3, 0, 4), (9, 4, 9)]
    assert box_ranges(table, spa, txbx, 8) == [(3, 0, 4)]  # (a box past the story: not read)
    assert box_ranges(table, spa, (txbx[0], txbx[1] - 1), 100) == []
    assert box_ranges(table[:-3], spa, txbx, 100) == []
    # CPs going back (0, 10**6, 1, 10**6 …): ranges overlapping, one story's text read once a box — none read
    table, spa, txbx = _plcs([(3, 1026), (4, 1027)], [(0, 0, 1026), (10**6, 0, 1027), (1, 0, 1028)])
    assert box_ranges(table, spa, txbx, 10**7) == []


def test_a_box_in_a_layout_tables_cell_is_read_there_and_one_in_a_row_of_values_is_not():
    from tests.test_word97 import _Marks
    from xxgk.word97 import _characters, _Writer

    # a layout table (its one cell holds a paragraph with a box and a table), then a row of values whose label's
    # cell holds a box, then a paragraph with a box: the .docx reader reads a box where it walks a layout table
    # cell by cell and in the body, and reads a row's cells as their paragraphs only (_docx_cell_text)
    text = "\x08前言\r内\r\r\x07\x07" + "间\r" + "\x08甲\x070\x07\x07" + "\x08正文\r"
    cell, inner = {0x2416: b"\x01"}, {0x2416: b"\x01", 0x6649: struct.pack("<i", 2)}
    marks = _Marks({6: cell, 10: {**inner, 0x244B: b"\x01"}, 12: {**inner, 0x244C: b"\x01"}, 14: cell,
                    16: {**cell, 0x2417: b"\x01"}, 26: cell, 30: cell, 32: {**cell, 0x2417: b"\x01"}})
    writer = _Writer()
    writer.boxes = {0: lambda: "版头框", 22: lambda: "单元格框", 34: lambda: "正文框"}
    word = text.encode("utf-16-le")
    for char, fc in _characters(word, [(0, len(text), 0, False)], len(text)):
        writer.add(char, fc, marks)
    # (the layout cell ends with an empty paragraph after its table, as Word writes a cell holding one)
    assert writer.finish().split("\n") == ["版头框", "前言", "内", "", "间", "甲\t0", "正文框", "正文"]
