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
