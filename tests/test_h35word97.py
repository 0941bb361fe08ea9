"""Real Word files (Microsoft Word's own .doc, Word 6.0/95 ones) that the LibreOffice fixtures of
``tests/test_word97.py`` did not show: each case built from a fixture by byte patches or from synthetic bytes.
Run over the public test collections of Apache POI and Apache Tika (225 files named .doc or .wps): 10 readable
Word 97-2003 documents were refused as Excel or PowerPoint files, Word 6.0/95 documents were said to be in an
unknown format, and a compound file whose ``WordDocument`` was a storage raised ``TypeError`` out of the reader."""

from __future__ import annotations

import struct

import pytest

from tests.test_word97 import _codes, _doc, _patched, _put
from xxgk.readers import BrokenFile, read_bytes, sniff

_WORD_STREAM = "WordDocument".encode("utf-16-le")


@pytest.mark.parametrize("first_sector", [b"\xfd\xff\xff\xff\x00\x00\x00\x00", b"\x09\x08\x10\x00\x00\x06\x05\x00"])
def test_a_word_document_whose_first_sector_looks_like_a_workbook_is_read_as_word(first_sector):
    # Word puts the FAT, or another stream, in the compound file's first sector: filetype names a file by those
    # bytes alone (FD FF FF FF there: "xls"), so Microsoft Word's own .doc files were format_unsupported
    # "Excel 97-2003 表格" — 10 of the 199 readable Word documents of Apache POI's and Tika's collections
    import filetype

    data = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + first_sector + bytes(1024) + _WORD_STREAM + bytes(446)
    assert filetype.guess(data).extension == "xls"
    assert sniff(data, ".doc") == ("doc", "Word 97-2003")


def test_a_workbook_with_no_word_stream_stays_a_workbook():
    data = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + b"\xfd\xff\xff\xff\x00\x00\x00\x00" + bytes(1500)
    assert sniff(data, ".doc")[0] == "unsupported"


@pytest.mark.parametrize("ident,n_fib", [(0xA5DC, 101), (0xA5DC, 104), (0xA699, 104)])
def test_a_word_6_or_95_document_says_what_it_is(ident, n_fib):
    # Word 6.0 and Word 95 write wIdent 0xA5DC (16 files of POI's and Tika's collections), an East Asian Word 95
    # 0xA699 (one): the message named an unknown identifier, not the version to save it again from
    source = read_bytes(_patched("report_2019_fields", "WordDocument", _put(0x00, struct.pack("<HH", ident, n_fib))),
                        ".doc")
    assert _codes(source) == ["format_unsupported"] and "Word 6.0/95" in source.findings[0].message


def test_a_word_document_entry_that_is_a_storage_is_unreadable_not_a_type_error():
    from xxgk.word97 import doc_to_text

    data = bytearray(_doc("report_2019_fields"))
    at = data.index(_WORD_STREAM)  # its directory entry: the name, then at 66 its type (2 a stream, 1 a storage)
    assert data[at + 66] == 2
    data[at + 66] = 1
    with pytest.raises(BrokenFile):
        doc_to_text(bytes(data))
    source = read_bytes(bytes(data), ".doc")
    assert _codes(source) == ["file_unreadable"] and "WordDocument" in source.findings[0].message


def _std(kind: int, base: int, upxs: list[bytes]) -> bytes:
    """A style (STD, Word 97: a 10-byte StdfBase): its kind (1 paragraph, 2 character), base style, name, UPXs."""
    std = struct.pack("<HHHHH", 0, kind | base << 4, len(upxs) | 0xFFF << 4, 0, 0) + struct.pack("<H", 1) + b"s\0\0\0"
    for upx in upxs:
        std += b"\0" * (len(std) % 2) + struct.pack("<H", len(upx)) + upx
    return struct.pack("<H", len(std)) + std


def _stylesheet() -> bytes:
    stshi = struct.pack("<HH", 4, 10) + bytes(14)
    return struct.pack("<H", len(stshi)) + stshi + b"".join((
        _std(1, 0xFFF, [b"\0\0", b""]),  # 0: Normal, nothing hidden
        _std(1, 0, [b"\1\0", b"\x3c\x08\x01"]),  # 1: a template's hidden instructions
        _std(1, 1, [b"\2\0", b"\x3c\x08\x81"]),  # 2: based on 1, shown again (the toggle against its base)
        _std(2, 0xFFF, [b"\x3c\x08\x01"]),  # 3: a hidden character style
    ))


def test_a_styles_hidden_text_is_read_from_the_stylesheet_through_its_base_styles():
    from xxgk.word97 import _hidden_styles

    assert _hidden_styles(_stylesheet()) == {0: False, 1: True, 2: False, 3: True}
    assert _hidden_styles(_stylesheet()[:40]) in ({}, {0: False})  # (a stylesheet cut short hides nothing)


def test_hidden_text_toggled_against_a_hidden_style_is_shown_and_against_a_shown_style_hidden():
    # Word writes sprmCFVanish as a toggle (0x81: the opposite of the style's value): a template's instructions in
    # a hidden style shown again by the run are text Word prints (POI's 53379.doc: 2,098 characters were dropped,
    # LibreOffice and antiword print them); the same toggle in a style that shows its text hides the run
    from xxgk.word97 import _hidden_styles, _unseen

    runs = [b"\x3c\x08\x81", b"\x3c\x08\x81", b"\x3c\x08\x80", b"\x3c\x08\x81\x30\x4a\x03\x00", b"\x3c\x08\x01"]
    page = bytearray(512)
    struct.pack_into(f"<{len(runs) + 1}I", page, 0, *range(0, 10 * len(runs) + 1, 10))
    at = 300
    for k, grpprl in enumerate(runs):
        page[4 * (len(runs) + 1) + k] = at // 2
        page[at:at + 1 + len(grpprl)] = bytes([len(grpprl)]) + grpprl
        at += 20
    page[511] = len(runs)
    plc = struct.pack("<III", 0, 10 * len(runs), 0)  # one CHPX page, page 0

    class Paragraphs:  # the runs' paragraphs' styles: the second and third runs in style 1 (hidden), the rest Normal
        @staticmethod
        def style(fc):
            return 1 if 10 <= fc < 30 else 0

    starts, ends, _ = _unseen(bytes(page), plc, Paragraphs(), _hidden_styles(_stylesheet()))
    hidden = [any(s <= fc < e for s, e in zip(starts, ends, strict=True)) for fc in range(0, 50, 10)]
    # 0x81 in Normal: hidden; 0x81 in style 1: shown; 0x80 in style 1: hidden (as its style);
    # 0x81 with the hidden character style 3 in Normal: shown; 0x01: hidden whatever its style
    assert hidden == [True, False, True, False, True]


def test_a_symbol_is_the_character_it_shows_not_the_parenthesis_word_stores():
    # Insert > Symbol: Word stores "(" in the text and the symbol (font, code) in the run's sprmCSymbol; it read
    # "(" (POI's 61586.doc: "111 (g.h/mL" for 111 μg.h/mL). Now the code the .docx reader writes for the same
    # w:sym: a plain character itself (a 7 inserted as a symbol is 7), a symbol font's its private-use code point
    from xxgk.word97 import _shown, _unseen

    page = bytearray(512)
    struct.pack_into("<4I", page, 0, 0, 6, 8, 20)  # (UTF-16: 2 bytes a character) "10", the symbol, "5 (note)"
    for k, grpprl in enumerate([b"", b"\x09\x6a\x28\x00\x37\x00", b""]):
        page[16 + k] = (300 + 20 * k) // 2
        page[300 + 20 * k:301 + 20 * k + len(grpprl)] = bytes([len(grpprl)]) + grpprl
    page[511] = 3
    unseen = _unseen(bytes(page), struct.pack("<III", 0, 20, 0))
    assert _shown("10(5 (no", 2, 2, unseen) == "1075 (no"
    page[300 + 20 + 1 + 4:300 + 20 + 1 + 6] = struct.pack("<H", 0xF06D)  # Symbol's μ
    assert _shown("10(5 (no", 2, 2, _unseen(bytes(page), struct.pack("<III", 0, 20, 0))) == "10\uf06d5 (no"
