"""Word 97-2003 .doc and Kingsoft .wps reports are read (``word97.py``) as the .docx reader reads the same document:
the same synthetic report as .docx and as .doc (``tests/fixtures/word97``, saved by LibreOffice from
``tests/word97_reports.py``) gives the same text and the same published numbers, each the one drawn. Before, every
such file was ``format_unsupported``. Hostile copies (bytes of a fixture patched) end as a finding, never a crash."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

from tests.test_layouts_unseen import ROWS, T4, ZERO
from tests.test_parse10_unseen import EXPECTED as ROWS_2019
from tests.word97_reports import FIXTURES, HYPERLINK
from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import BUDGET, OverBudget, read_bytes

FOLDER = Path(__file__).parent / "fixtures" / "word97"


def _doc(name: str) -> bytes:
    return (FOLDER / f"{name}.doc").read_bytes()


def _published(record) -> dict:
    return {table: record.values(table) for table in ("active", "applications", "review_litigation")}


def _codes(source) -> list[str]:
    return [finding.code for finding in source.findings]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_a_doc_reads_as_the_same_report_as_docx(name):
    docx = read_bytes(FIXTURES[name](), ".docx")
    for suffix in (".doc", ".wps"):  # (a WPS document since WPS 2005 is this format; its name changes nothing)
        doc = read_bytes(_doc(name), suffix)
        assert doc.ok and not doc.findings, doc.findings
        assert doc.kind == "doc"
        assert doc.text == docx.text
        record, expected = parse(doc.parse_text), parse(docx.parse_text)
        assert _published(record) == _published(expected)
        assert (record.agency, record.year, record.formats) == (expected.agency, expected.year, expected.formats)
        assert sorted(f.code for f in record.findings) == sorted(f.code for f in expected.findings)


def test_the_2021_template_with_merged_headers_publishes_the_drawn_values():
    record = parse(read_bytes(_doc("report_2021_merged"), ".doc").parse_text)
    got = record.values("applications")
    assert {code: [got[(code, a)] for a in applicant_codes()] for code in row_codes("2021")} == {
        code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    review = record.values("review_litigation")
    assert [review[(p, o)] for p in proceeding_codes() for o in outcome_codes()] == T4
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [12, 3, 340]
    assert (record.agency, record.year) == ("某某县卫生健康局", 2024)
    assert not [f for f in record.findings if f.severity == "error"]


def test_the_2019_template_in_plain_tables_publishes_the_drawn_values():
    source = read_bytes(_doc("report_2019_fields"), ".doc")
    record = parse(source.parse_text)
    assert record.formats["applications"] == "2019"
    got = record.values("applications")
    assert {code: [got[(code, a)] for a in applicant_codes()] for code in row_codes("2019")} == ROWS_2019
    # a row's end mark after its last, empty cells is no cell: each row as wide as its table, no wider
    lines = source.text.split("\n")
    assert "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况" + "\t" * 7 in lines
    assert "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9 in lines  # (15 cells, the last nine empty)


def test_a_field_in_prose_keeps_its_result_not_its_code():
    text = read_bytes(_doc("report_2019_fields"), ".doc").text
    assert f"全文见本局门户网站（{HYPERLINK}），本页为第1页。" in text.split("\n")
    assert "HYPERLINK" not in text and "PAGE" not in text


def test_a_number_merged_down_belongs_to_neither_row():
    source = read_bytes(_doc("report_merged_number"), ".doc")
    record = parse(source.parse_text)
    got = record.values("applications")
    assert [got[("granted", a)] for a in applicant_codes()] == [None, 0, 0, 0, 0, 0, 5]
    assert [got[("partially_granted", a)] for a in applicant_codes()] == [None, 0, 0, 0, 0, 0, 0]
    assert {f.row for f in record.findings if f.code == "value_merged"} == {"（一）予以公开", "（二）部分公开"}


def test_deleted_and_hidden_text_is_not_read_as_part_of_a_number():
    source = read_bytes(_doc("report_tracked_changes"), ".doc")
    assert "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5" in source.text.split("\n")  # before: 85, 90
    got = parse(source.parse_text).values("applications")
    assert [got[("new", a)] for a in applicant_codes()] == [5, 0, 0, 0, 0, 0, 5]


# --- hostile copies --------------------------------------------------------------------------------------------


def _patched(name: str, stream: str, edit) -> bytes:
    """The fixture with one stream's bytes replaced by ``edit(bytes)`` (the same length: olefile writes in place)."""
    import olefile

    buffer = io.BytesIO(_doc(name))
    with olefile.OleFileIO(buffer, write_mode=True) as ole:
        old = ole.openstream(stream).read()
        new = edit(bytearray(old))
        assert len(new) == len(old)
        ole.write_stream(stream, bytes(new))
    return buffer.getvalue()


def _put(offset: int, value: bytes):
    def edit(data: bytearray) -> bytearray:
        data[offset:offset + len(value)] = value
        return data
    return edit


def _fib(name: str = "report_2019_fields") -> tuple[bytes, int, int]:
    """The fixture's WordDocument stream, its table stream's fcClx and lcbClx."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(_doc(name))) as ole:
        word = ole.openstream("WordDocument").read()
    return (word, *struct.unpack_from("<II", word, 0x1A2))


def test_an_encrypted_doc_says_it_needs_its_password():
    word = _fib()[0]
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    for bits in (0x0100, 0x8100):  # fEncrypted (RC4, as Word's and WPS's passwords), and with fObfuscated (XOR)
        source = read_bytes(_patched("report_2019_fields", "WordDocument", _put(0x0A, struct.pack("<H", flags | bits))),
                            ".doc")
        assert _codes(source) == ["file_unreadable"] and "加密" in source.findings[0].message


def test_a_word_95_document_stays_unsupported_and_says_why():
    source = read_bytes(_patched("report_2019_fields", "WordDocument", _put(0x02, struct.pack("<H", 104))), ".doc")
    assert _codes(source) == ["format_unsupported"] and "Word 6.0/95" in source.findings[0].message


def test_an_ole2_file_with_no_word_document_is_unsupported():
    data = _doc("report_2019_fields").replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))
    source = read_bytes(data, ".doc")
    assert _codes(source) == ["format_unsupported"]


@pytest.mark.parametrize("ccp,code", [(10**9, "over_budget"), (-5, "file_unreadable"), (10**6, "file_unreadable")])
def test_a_text_length_the_pieces_do_not_hold_is_a_finding(ccp, code):
    source = read_bytes(_patched("report_2019_fields", "WordDocument", _put(0x4C, struct.pack("<i", ccp))), ".doc")
    assert _codes(source) == [code]


def test_pieces_pointing_past_the_stream_or_out_of_order_are_unreadable():
    word, fc_clx, lcb = _fib()
    import olefile

    with olefile.OleFileIO(io.BytesIO(_doc("report_2019_fields"))) as ole:
        table = ole.openstream("1Table").read()
    clx = table[fc_clx:fc_clx + lcb]
    at = 0
    while clx[at] == 1:
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    count = (struct.unpack_from("<I", clx, at + 1)[0] - 4) // 12
    first_fc = fc_clx + at + 5 + 4 * (count + 1) + 2  # the first piece's fc
    past = read_bytes(_patched("report_2019_fields", "1Table", _put(first_fc, struct.pack("<I", len(word) * 4))),
                      ".doc")
    backwards = read_bytes(_patched("report_2019_fields", "1Table", _put(fc_clx + at + 5, struct.pack("<i", 99))),
                           ".doc")
    no_pcdt = read_bytes(_patched("report_2019_fields", "1Table", _put(fc_clx + at, b"\x07")), ".doc")
    clx_out = read_bytes(_patched("report_2019_fields", "WordDocument", _put(0x1A6, struct.pack("<I", 10**8))),
                         ".doc")
    for source in (past, backwards, no_pcdt, clx_out):
        assert _codes(source) == ["file_unreadable"], source.findings


def test_a_clx_of_a_million_pieces_is_over_budget_before_it_is_walked():
    from xxgk.word97 import MAX_PIECES, _pieces

    count = 10**6
    clx = b"\x02" + struct.pack("<I", 4 + 12 * count) + struct.pack(f"<{count + 1}i", *range(count + 1)) + bytes(
        8 * count)
    assert count > MAX_PIECES
    with pytest.raises(OverBudget):
        _pieces(clx, 10**9)


def test_broken_paragraph_property_pages_are_unreadable():
    word, *_ = _fib()
    fc_bte, lcb_bte = struct.unpack_from("<II", word, 0x102)
    import olefile

    with olefile.OleFileIO(io.BytesIO(_doc("report_2019_fields"))) as ole:
        table = ole.openstream("1Table").read()
    count = (lcb_bte - 4) // 8
    first_pn = fc_bte + 4 * (count + 1)
    pn = struct.unpack_from("<I", table, first_pn)[0] & 0x3FFFFF
    past = read_bytes(_patched("report_2019_fields", "1Table", _put(first_pn, struct.pack("<I", 0x3FFFFF))), ".doc")
    crun = read_bytes(_patched("report_2019_fields", "WordDocument", _put(pn * 512 + 511, b"\xff")), ".doc")
    for source in (past, crun):
        assert _codes(source) == ["file_unreadable"], source.findings
    # every index entry naming one page: each page read once, the text as its properties there say (no loop)
    same = _patched("report_2019_fields", "1Table",
                    _put(first_pn, struct.pack(f"<{count}I", *[pn] * count)))
    assert _codes(read_bytes(same, ".doc")) in ([], ["file_unreadable"])


def test_a_broken_container_is_unreadable_never_a_crash():
    data = _doc("report_2019_fields")
    for broken in (data[:1536], data[:512] + b"\xff" * (len(data) - 512), data[:8] + bytes(504) + data[512:]):
        source = read_bytes(broken, ".doc")
        assert not source.ok and _codes(source) and set(_codes(source)) <= {"file_unreadable", "format_unsupported"}


def test_more_table_cells_than_the_budget_is_over_budget(monkeypatch):
    import dataclasses

    from xxgk import word97

    monkeypatch.setattr(word97, "BUDGET", dataclasses.replace(BUDGET, docx_cells=50))
    source = read_bytes(_doc("report_2019_fields"), ".doc")
    assert _codes(source) == ["over_budget"]


def test_more_paragraphs_than_the_line_budget_stop_the_reading(monkeypatch):
    import dataclasses

    from xxgk import word97

    monkeypatch.setattr(word97, "BUDGET", dataclasses.replace(BUDGET, lines=10))
    source = read_bytes(_doc("report_2019_fields"), ".doc")
    assert _codes(source) == ["over_budget"] and "段落" in source.findings[0].message


def _written(text: str) -> str:
    """``text`` (the main document's characters, UTF-16, no paragraph properties) as the reader writes it."""
    from xxgk.word97 import _characters, _Papx, _Writer

    word = text.encode("utf-16-le")
    writer, papx = _Writer(), _Papx(word, b"")
    for char, fc in _characters(word, [(0, len(text), 0, False)], len(text)):
        writer.add(char, fc, papx)
    return writer.finish()


def test_fields_keep_their_results_at_any_depth_and_drop_every_code():
    assert _written("第\x13 PAGE \x143\x15页\r") == "第3页"
    # a field in a field's result (a page number inside a hyperlink's text) and one in a field's code (a nested
    # code: only the outer result shows)
    assert _written("\x13 HYPERLINK \"x\" \x14见\x13 PAGE \x142\x15页\x15。\r") == "见2页。"
    assert _written("\x13 IF \x13 PAGE \x141\x15 = 1 \x14甲\x15\r") == "甲"
    assert _written("\x13 TOC 无结果\x15正文\r") == "正文"  # (a field with no result: nothing of it)
    assert _written("\x15\x14孤立的域结束\r") == "孤立的域结束"  # (marks of no field open: nothing to close)
    deep = 100_000  # (each character asks only whether some field's code is open: linear at any depth)
    assert _written("\x13" * deep + "码" + "\x14" + "\x15" * deep + "文\r") == "文"


def test_a_report_inside_a_layout_table_reads_its_nested_tables_as_tables():
    source = read_bytes(_doc("report_in_a_layout_table"), ".doc")  # before: format_unsupported (nested tables)
    assert source.ok and not source.findings
    lines = source.text.split("\n")
    assert lines[:3] == ["样例县数据局", "2025年1月20日", "（全文）"]  # (the layout row walked cell by cell)
    assert "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5" in lines
    got = parse(source.parse_text).values("applications")
    assert [got[("granted", a)] for a in applicant_codes()] == [5, 0, 0, 0, 0, 0, 5]


def test_a_title_printed_only_in_the_first_pages_header_is_read_first():
    source = read_bytes(_doc("report_title_in_header"), ".doc")
    lines = source.text.split("\n")
    assert lines[:2] == ["样例县数据局2024年政府信息公开工作年度报告", "一、总体情况"]  # not 内部资料, nor 第1页
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("样例县数据局", 2024)  # before: neither found


def test_a_header_whose_places_do_not_fit_the_file_is_not_read_and_the_report_is():
    word, *_ = _fib("report_title_in_header")
    fc_hdd = struct.unpack_from("<I", word, 0xF2)[0]
    expected = read_bytes(_doc("report_title_in_header"), ".doc").text.split("\n", 1)[1]
    for story in (struct.pack("<ii", 6, 10**9), struct.pack("<ii", -7, 31), struct.pack("<ii", 31, 6)):
        data = _patched("report_title_in_header", "1Table", _put(fc_hdd + 4 * 10, story))  # the first-page header's
        source = read_bytes(data, ".doc")
        assert source.ok and not source.findings and source.text == expected


def test_a_row_whose_organisation_cell_is_split_by_a_table_is_read_as_the_row_it_shows():
    from tests.test_h31readers_audit import _expected
    from tests.test_h31readers_audit import _table3 as table3

    record = parse(read_bytes(_doc("report_split_organisations"), ".doc").parse_text)  # (as WPS writes table 三)
    assert table3(record) == _expected()  # before: each cell on a line of its own, table 三 lost
    assert [f.code for f in record.findings if f.table == "3"] == []


class _Marks:
    """Paragraph properties by a mark's position: ``{fc: {sprm: operand}}`` (a hand-made PAPX index)."""

    def __init__(self, props: dict):
        self.props = props

    def at(self, fc: int) -> dict:
        return self.props.get(fc, {})


def test_a_nesting_depth_of_a_billion_is_read_at_the_deepest_depth_kept():
    from xxgk.word97 import _characters, _Writer

    text = "甲\r乙\r丙\x07\x07"
    word = text.encode("utf-16-le")
    deep = {0x2416: b"\x01", 0x6649: struct.pack("<i", 10**9)}
    marks = _Marks({2: deep, 6: {**deep, 0x244B: b"\x01"}, 10: {0x2416: b"\x01"},
                    12: {0x2416: b"\x01", 0x2417: b"\x01"}})
    writer = _Writer()
    for char, fc in _characters(word, [(0, len(text), 0, False)], len(text)):
        writer.add(char, fc, marks)
    # (64 tables deep, not 10**9: walked cell by cell to the .docx reader's depth, read flat below it, then 丙)
    assert writer.finish() == "甲 乙\n丙"


def test_special_characters_are_what_the_docx_reader_writes():
    assert _written("甲\x0b乙\x0c丙\x1e丁\x1f戊\x01\x08己\t庚\r") == "甲\n乙\n丙-丁戊己\t庚"


# --- rows placed on their table's grid --------------------------------------------------------------------------


def _row(edges: list[int], flags: list[int] | None = None, *sprms: bytes) -> dict:
    """A table row's properties as ``word97._sprms`` reads them: its sprmTDefTable (cell edges, TC80 flags)."""
    from xxgk.word97 import _sprms

    flags = flags or [0] * (len(edges) - 1)
    body = bytes([len(edges) - 1]) + struct.pack(f"<{len(edges)}h", *edges) + b"".join(
        struct.pack("<H", f) + bytes(18) for f in flags)
    return _sprms(struct.pack("<HH", 0xD608, len(body) + 1) + body + b"".join(sprms))


def test_cells_merged_across_the_old_way_are_one_cell_not_empty_cells():
    from xxgk.word97 import merged_rows

    head = (["项目", "自然人", "商业企业", "总计"], _row([0, 100, 200, 300, 400]))
    # Word 97's horizontal merge: the continuing cell has a cell mark of its own, empty, flagged merged (0x0002)
    row = (["（一）予以公开", "5", "", "6"], _row([0, 100, 200, 300, 400], [0, 0x0001, 0x0002, 0]))
    assert merged_rows([head, row])[1] == ["（一）予以公开", "5", "6"]  # before: 5, an empty 商业企业 cell, 6
    blank = (["（二）部分公开", "", "", "0"], _row([0, 100, 200, 300, 400], [0, 0x0001, 0x0002, 0]))
    assert merged_rows([head, blank])[1] == ["（二）部分公开", "", "", "0"]  # (a blank over two columns: two blanks)


def test_a_row_whose_cells_its_properties_do_not_describe_keeps_its_cells_as_they_are():
    from xxgk.word97 import merged_rows

    head = (["项目", "自然人", "商业企业", "总计"], _row([0, 100, 200, 300, 400]))
    short = (["（一）予以公开", "5", "6"], _row([0, 100, 200, 300, 400]))  # 3 cell marks, 4 cells defined
    none = (["（二）部分公开", "1", "", "1"], {})
    assert merged_rows([head, short, none])[1:] == [["（一）予以公开", "5", "6"], ["（二）部分公开", "1", "", "1"]]


def test_vertical_merge_flags_and_sprm_t_vert_merge_continue_the_cell_above():
    from xxgk.values import MERGED_DOWN, MERGED_UP
    from xxgk.word97 import merged_rows

    top = (["（一）予以公开", "5", "0"], _row([0, 100, 200, 300], [0, 0x0060, 0]))  # restart
    below = (["（二）部分公开", "", "0"], _row([0, 100, 200, 300], [0, 0x0020, 0]))  # continue
    assert merged_rows([top, below]) == [["（一）予以公开", "5" + MERGED_DOWN, "0"], ["（二）部分公开", MERGED_UP, "0"]]
    # the same merge set by sprmTVertMerge (itc 1: 3 restart, 1 continue) after a definition without flags
    top = (top[0], _row([0, 100, 200, 300], None, struct.pack("<HBBB", 0xD62B, 2, 1, 3)))
    below = (below[0], _row([0, 100, 200, 300], None, struct.pack("<HBBB", 0xD62B, 2, 1, 1)))
    assert merged_rows([top, below]) == [["（一）予以公开", "5" + MERGED_DOWN, "0"], ["（二）部分公开", MERGED_UP, "0"]]
