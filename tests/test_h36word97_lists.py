"""Word's automatic list numbers in a Word 97-2003 (.doc, .wps) document (``xxgk.word97_lists``): a table 三 label
or a section heading numbered by a Word list holds no number of its own; Word draws ``3.``, ``（一）``, ``一、`` from
the list tables. The .doc reader wrote none (``3.其他`` read ``其他``: ``row_placed``; ``一、总体情况`` read
``总体情况``), the .docx reader writes them: now both write the same. Counted as the .docx reader counts; a hostile
list table reads as text without numbers, never a raise or a hang."""

from __future__ import annotations

import struct

import pytest

from tests.test_h35word97 import _std
from tests.test_word97 import _codes, _doc, _fib, _patched, _put
from tests.word97_reports import report_numbered_lists
from xxgk.parser import parse
from xxgk.readers import read_bytes

_NAME = "report_numbered_lists"


def test_numbers_drawn_by_word_lists_are_written_as_the_docx_reader_writes_them():
    source = read_bytes(_doc(_NAME), ".doc")
    lines = source.text.split("\n")
    assert source.text == read_bytes(report_numbered_lists(), ".docx").text
    for line in ("一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"):
        assert line in lines  # (before: 总体情况 …, each heading's number lost)
    assert "（一）予以公开\t5\t0\t0\t0\t0\t0\t5" in lines
    assert "8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "3.其他\t0\t0\t0\t0\t0\t0\t0" in lines  # (before: 其他, placed by the template's order: row_placed)
    record = parse(source.parse_text)
    assert record.findings == []
    assert (record.agency, record.year) == ("样例县数据局", 2024)
    assert record.values("applications")[("other_other", "total")] == 0


def test_labels_of_a_multilevel_list_are_numbered_at_their_levels():
    from tests.test_h30pdf_audit import _expected, _table3
    from tests.word97_reports import report_multilevel_list

    # one list of three levels (一、 / （一） / 1.): a level starts again after each paragraph of a level above it
    source = read_bytes(_doc("report_multilevel_list"), ".doc")
    assert source.text == read_bytes(report_multilevel_list(), ".docx").text
    lines = source.text.split("\n")
    assert "三、本年度办理结果\t（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2" in lines
    assert "三、本年度办理结果\t（四）无法提供\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "四、结转下年度继续办理\t1\t0\t0\t0\t1\t0\t2" in lines  # (a level 0 again: 四 after 三)
    record = parse(source.parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []


# --- the list tables as [MS-DOC] lays them out, hand-made ---------------------------------------------------------


def _lvl(start: int, nfc: int, xst: str, places: list[int], follow: int = 2, papx: bytes = b"") -> bytes:
    """An LVL: its LVLF (iStartAt, nfc, rgbxchNums, ixchFollow, cbGrpprlChpx 0, cbGrpprlPapx), grpprlPapx, xst."""
    lvlf = struct.pack("<iBB9sB", start, nfc, 0, bytes(places).ljust(9, b"\0"), follow) + bytes(8)
    lvlf += bytes([0, len(papx), 0, 0])
    return lvlf + papx + struct.pack("<H", len(xst)) + xst.encode("utf-16-le")


def _tables(lists: list[tuple[int, list[bytes]]], lfos: list[tuple[int, list[tuple[int, int]]]]):
    """A table stream holding PlfLst (``(lsid, its LVLs)``: one LVL a simple list, nine else) and its LVLs, then
    PlfLfo (``(lsid, [(level, restart at)])``); the (fc, lcb) of each."""
    plf = struct.pack("<h", len(lists)) + b"".join(
        struct.pack("<iI", lsid, 0) + bytes(18) + bytes([len(levels) == 1, 0]) for lsid, levels in lists)
    lvls = b"".join(b"".join(levels) for _, levels in lists)
    lfo = struct.pack("<i", len(lfos)) + b"".join(struct.pack("<iiiBBBB", lsid, 0, 0, len(over), 0, 0, 0)
                                                  for lsid, over in lfos)
    lfo += b"".join(struct.pack("<I", 0) + b"".join(struct.pack("<iI", at, level | 0x10) for level, at in over)
                    for _, over in lfos)
    table = plf + lvls + lfo
    return table, (0, len(plf)), (len(plf) + len(lvls), len(lfo))


DECIMAL = _lvl(1, 0x00, "\x00.", [1])
CHINESE = [_lvl(1, 0x25, "\x00、", [1]), _lvl(1, 0x25, "（\x01）", [2])] + [_lvl(1, 0x00, f"{chr(k)}.", [1])
                                                                          for k in range(2, 9)]


def _labels(numbering, paragraphs: list[tuple]) -> list[str | None]:
    from xxgk.word97_lists import ILFO, ILVL

    out = []
    for ilfo, *level in paragraphs:
        props = {ILFO: struct.pack("<h", ilfo)}
        if level:
            props[ILVL] = bytes(level)
        out.append(numbering.label(props, None))
    return out


def test_list_instances_of_one_list_count_on_and_an_override_restarts_its_level_once():
    from xxgk.word97_lists import Numbering

    # Word's way: one list (LSTF), its instances (LFOs) count on from one another; an LFO's override (fStartAt,
    # 重新开始编号) starts its level again at its first paragraph, as the .docx reader's w:startOverride
    table, plf_lst, plf_lfo = _tables([(7, [DECIMAL]), (9, CHINESE)], [(7, []), (7, [(0, 1)]), (9, [])])
    numbering = Numbering(table, plf_lst, plf_lfo)
    assert _labels(numbering, [(1,), (1,), (2,), (2,), (1,), (3, 0), (3, 1), (3, 1), (3, 0), (3, 1), (3, 2)]) == [
        "1.", "2.", "1.", "2.", "3.", "一、", "（一）", "（二）", "二、", "（一）", "1."]
    assert _labels(numbering, [(0,), (4,), (-2047,)]) == [None, None, None]  # (no list; an LFO not there)


def test_a_paragraph_in_a_style_of_a_list_is_numbered_as_its_style_says():
    from xxgk.word97_lists import ILFO, ILVL, Numbering

    table, plf_lst, plf_lfo = _tables([(9, CHINESE)], [(9, [])])
    styles = {1: (0xFFF, {ILFO: b"\x01\x00", ILVL: b"\x01"}), 2: (1, {}), 3: (4, {}), 4: (3, {}),
              5: (1, {ILFO: b"\x00\x00"})}
    numbering = Numbering(table, plf_lst, plf_lfo, styles)
    # style 2 is based on 1's list (level 1); 3 and 4 are based on each other (a loop: no list, no hang); 5
    # takes itself out of its base's list; a paragraph's own level over its style's
    assert [numbering.label({}, style) for style in (1, 2, 3, 4, 5, None)] == [
        "（一）", "（二）", None, None, None, None]
    assert numbering.label({ILVL: b"\x00"}, 2) == "一、"


def test_a_paragraph_style_list_is_read_from_the_stylesheet():
    from xxgk.word97 import _stylesheet

    stshi = struct.pack("<HH", 4, 10) + bytes(14)
    sheet = struct.pack("<H", len(stshi)) + stshi + b"".join((
        _std(1, 0xFFF, [b"\0\0", b""]),
        _std(1, 0, [b"\1\0" + b"\x0b\x46\x02\x00" + b"\x0a\x26\x01", b""]),  # 1: sprmPIlfo 2, sprmPIlvl 1
    ))
    assert {istd: (base, props) for istd, (base, _, props) in _stylesheet(sheet).items()} == {
        0: (0xFFF, {}), 1: (0, {0x460B: b"\x02\x00", 0x260A: b"\x01"})}


def test_numbered_paragraphs_are_counted_and_only_those_with_a_label_written():
    from tests.test_word97 import _Marks
    from xxgk.word97 import _characters, _Writer
    from xxgk.word97_lists import ILFO, Numbering

    table, plf_lst, plf_lfo = _tables([(7, [DECIMAL])], [(7, [])])
    text = "甲\r\r0\r　乙\r丙\r"  # (an empty numbered paragraph and a value's 0 are counted, not written)
    listed = {ILFO: b"\x01\x00"}
    marks = _Marks({2: listed, 4: listed, 8: listed, 14: listed, 18: {}})
    marks.style = lambda fc: None
    word = text.encode("utf-16-le")
    writer = _Writer(Numbering(table, plf_lst, plf_lfo))
    for char, fc in _characters(word, [(0, len(text), 0, False)], len(text)):
        writer.add(char, fc, marks)
    assert writer.finish().split("\n") == ["1.甲", "", "0", "4.　乙", "丙"]


# --- hostile list tables: text without numbers, never a raise or a hang -------------------------------------------


def _hostile():
    big = struct.pack("<h", 32767) + bytes(30)  # (32,767 lists claimed in 32 bytes)
    yield "a list count past its structure", big, (0, len(big)), (0, 0)
    table, plf_lst, plf_lfo = _tables([(7, [DECIMAL])], [(7, [])])
    for label, lvl in (("a start past 0x7FFF", _lvl(2**31 - 1, 0x00, "\x00.", [1])),
                       ("a negative start", _lvl(-5, 0x04, "\x00.", [1])),
                       ("a placeholder past its text", _lvl(1, 0x00, "\x00.", [9])),
                       ("a placeholder naming level 65,535", _lvl(1, 0x00, "\uffff.", [1])),
                       ("a % in its text", _lvl(1, 0x00, "%1\x00.", [3])),
                       ("a bullet", _lvl(1, 0x17, "\uf0b7", [])),
                       ("a format not known", _lvl(1, 0x3A, "\x00.", [1]))):
        yield label, *_tables([(7, [lvl])], [(7, [])])
    yield "more lists than list instances", *_tables([(7 + k, [DECIMAL]) for k in range(2047)], [(7, [])])
    cut = _tables([(7, [DECIMAL])], [(7, [])])[0]
    yield "a level whose text runs past the stream", cut[:plf_lst[1] + 35], plf_lst, (0, 0)
    yield "an LFO naming no list", *_tables([(7, [DECIMAL])], [(8, [])])[:2], plf_lfo
    lfo = struct.pack("<i", 2**31 - 1) + bytes(40)
    yield "an LFO count past its structure", table + lfo, plf_lst, (len(table), len(lfo))
    yield "PlfLst past the stream", table, (len(table) - 4, 10**9), plf_lfo
    over = _tables([(7, [DECIMAL])], [(7, [(0, 10**9)])])
    yield "a restart past 0x7FFF", *over
    many = struct.pack("<i", 1) + struct.pack("<iiiBBBB", 7, 0, 0, 255, 0, 0, 0) + bytes(8)
    yield "255 overrides of nine levels", table[:plf_lfo[0]] + many, plf_lst, (plf_lfo[0], len(many))
    formatted = struct.pack("<i", 1) + struct.pack("<iiiBBBB", 7, 0, 0, 1, 0, 0, 0) + bytes(4) + struct.pack(
        "<iI", 1, 0x20) + DECIMAL[:20]  # (fFormatting: an LVL follows, cut short)
    yield "an override's level cut short", table[:plf_lfo[0]] + formatted, plf_lst, (plf_lfo[0], len(formatted))


@pytest.mark.parametrize("label,table,plf_lst,plf_lfo", list(_hostile()), ids=[case[0] for case in _hostile()])
def test_a_hostile_list_table_numbers_nothing_and_never_raises(label, table, plf_lst, plf_lfo):
    from xxgk.word97_lists import ILFO, ILVL, Numbering

    numbering = Numbering(table, plf_lst, plf_lfo)
    got = {numbering.label({ILFO: struct.pack("<h", ilfo), ILVL: bytes([level])}, None)
           for ilfo in (1, 2, 5000, -1) for level in (0, 1, 255)}
    if label in ("a restart past 0x7FFF", "255 overrides of nine levels", "an override's level cut short"):
        assert got == {None, "1."}  # (the list itself is read; the broken override restarts nothing)
    else:
        assert got == {None}, label


@pytest.mark.parametrize("field,value", [(0x2E6, 10**9), (0x2E2, 10**8), (0x2EE, 10**9), (0x2EA, 10**8)],
                         ids=["lcbPlfLst", "fcPlfLst", "lcbPlfLfo", "fcPlfLfo"])
def test_list_tables_outside_the_table_stream_leave_the_text_without_numbers(field, value):
    word = _fib(_NAME)[0]
    blob = 0x22 + 2 * 14 + 2 + 4 * 22 + 2
    assert (blob + 8 * 73, blob + 8 * 74) == (0x2E2, 0x2EA)  # (FibRgFcLcb97's fcPlfLst, fcPlfLfo)
    assert struct.unpack_from("<I", word, field)[0] != value
    source = read_bytes(_patched(_NAME, "WordDocument", _put(field, struct.pack("<I", value))), ".doc")
    assert source.ok and _codes(source) == []
    lines = source.text.split("\n")
    assert "总体情况" in lines and "其他\t0\t0\t0\t0\t0\t0\t0" in lines  # (as before: no number, no finding)
