"""What the fifteenth hostile-input audit found (session 39): PDF streams that decode to gigabytes or are decoded
again and again, …"""

from __future__ import annotations

import zlib

import pytest

from xxgk.readers import read_bytes

from .test_h29hostile_audit import lzw, plain_pdf, run_length

HELLO = b"BT /F1 12 Tf 72 720 Td (received 57) Tj ET"


def _pdf(contents: list[tuple[bytes, bytes]], font_program: bytes | None = None) -> bytes:
    """A PDF of one page per ``(filters, data)`` content stream, saying its text in Helvetica; with
    ``font_program``, the pages' font is a CID font whose TrueType program (``FontFile2``) is that Flate data."""
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (10 + 2 * k) for k in range(count))
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    if font_program is not None:
        objects[5] = b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
        objects[6] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /CIDSystemInfo << /Registry (Adobe)"
                      b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>")
        objects[7] = (b"<< /Type /FontDescriptor /FontName /F /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
                      b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>")
        objects[8] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(font_program),
                                                                                       font_program)
    for k, (filters, data) in enumerate(contents):
        objects[10 + 2 * k] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
                               b" /Resources << /Font << /F1 5 0 R >> >> >>" % (11 + 2 * k))
        objects[11 + 2 * k] = b"<< /Length %d /Filter %s >>\nstream\n%s\nendstream" % (len(data), filters, data)
    return plain_pdf(objects)


def _flate(size: int, fill: bytes = b" ") -> bytes:
    """``size`` bytes of ``fill`` packed by Flate (about 1,000 to 1), in one pass."""
    packer, chunk = zlib.compressobj(9), fill * 2**20
    return b"".join([packer.compress(chunk) for _ in range(size // 2**20)] + [packer.flush()])


def _said(data: bytes) -> tuple[list[tuple[str, str]], str]:
    source = read_bytes(data, ".pdf")
    return [(f.code, f.message) for f in source.findings], source.text


STREAM_OVER = [("over_budget", "超出处理上限：PDF 的一个数据流解压后超过上限 64 MB")]


@pytest.mark.parametrize("where", ["content", "font"])
def test_a_stream_inflating_to_gigabytes_is_over_budget_before_it_is_held(where):
    """A page's content, or a font's program (``FontFile2``), of 70 MB of spaces or zeros in 70 KB of Flate: the PDF
    library inflated it whole (one of 1.5 GB, a 1.6 MB file, held 2.9 GB of a worker's 3 and was read with no
    finding). A stream decodes to at most 64 MB (a whole CJK font's program is 10–20 MB), inflated no further."""
    bomb = _flate(70 * 2**20, b" " if where == "content" else b"\0")
    honest = (b"/FlateDecode", zlib.compress(HELLO))
    data = _pdf([(b"/FlateDecode", bomb)]) if where == "content" else _pdf([honest], font_program=bomb)
    assert _said(data) == (STREAM_OVER, "")


def test_streams_each_within_the_bound_but_together_past_the_files_are_over_budget(monkeypatch):
    """The library keeps every stream it decoded: five pages of 60 MB each were 300 MB held. A file's streams decode
    to 256 MB together at most (``pdf_streams.FILE``; here 8 MB, its pages 3 MB each)."""
    from xxgk import pdf_streams

    monkeypatch.setattr(pdf_streams, "FILE", 8 * 2**20)
    page = (b"/FlateDecode", _flate(3 * 2**20))
    assert _said(_pdf([page] * 2 + [(b"/FlateDecode", zlib.compress(HELLO))]))[0] == []
    assert _said(_pdf([page] * 3)) == ([("over_budget", "超出处理上限：PDF 的数据流解压后共超过上限 8 MB")], "")


@pytest.mark.parametrize("cut", [3, 4, 8])
def test_a_flate_stream_cut_short_is_read_as_far_as_it_goes_as_the_library_reads_it(cut):
    """Flate data whose last bytes (its checksum) are missing: the library reads what it inflates to, as before."""
    data = _pdf([(b"/FlateDecode", zlib.compress(HELLO + b" " * 40)[:-cut])])
    assert _said(data) == ([], "received 57")


def test_a_flate_stream_cut_short_is_inflated_once_within_the_bound(monkeypatch):
    """Flate data cut short (no checksum) was inflated again by the library a byte at a time, all it had copied at
    each: 20 MB from 183 KB took 32 CPU s, 40 MB a worker's 120 s. It is inflated once, within the bound (here
    1 MB: two inflate to more)."""
    from xxgk import pdf_streams

    monkeypatch.setattr(pdf_streams, "STREAM", 2**20)
    cut = _flate(2 * 2**20)[:-8]
    assert _said(_pdf([(b"/FlateDecode", cut)])) == (
        [("over_budget", "超出处理上限：PDF 的一个数据流解压后超过上限 1 MB")], "")


@pytest.mark.parametrize(("packed", "filters"), [(lzw, b"/LZWDecode"), (run_length, b"/RunLengthDecode")])
def test_lzw_and_run_length_streams_are_decoded_within_the_bound(monkeypatch, packed, filters):
    """LZW packs some 1,000 to 1 and run-length 64: they are decoded within the bound as Flate is (here 1 MB); a
    page within it is read as before."""
    from xxgk import pdf_streams

    monkeypatch.setattr(pdf_streams, "STREAM", 2**20)
    assert _said(_pdf([(filters, packed(HELLO))])) == ([], "received 57")
    assert _said(_pdf([(filters, packed(HELLO + b" " * 2**20))])) == (
        [("over_budget", "超出处理上限：PDF 的一个数据流解压后超过上限 1 MB")], "")


def test_ccitt_fax_data_where_text_is_read_is_decoded_within_its_bound(monkeypatch):
    """CCITT fax data (an image's filter) as a page's content: the library writes each decoded row's every bit in
    Python, one row of ``/Columns`` bits for each bit of data, and 100 bytes of 100,000 columns took 21.7 CPU s
    (1,000 of 1,000,000, over 300 s). Its rows are counted before they are written, within ``pdf_streams.FAX``
    (2 MB, ≈ 4 CPU s; here 64 KB)."""
    from xxgk import pdf_streams

    monkeypatch.setattr(pdf_streams, "FAX", 2**16)
    said = [("over_budget", "超出处理上限：PDF 的一个 CCITT 传真编码数据流解码后超过上限 64 KB")]
    assert _said(_pdf([(b"/CCITTFaxDecode /DecodeParms << /K -1 /Columns 100000 >>", b"\xff" * 100)])) == (said, "")
    assert _said(_pdf([(b"/CCITTFaxDecode /DecodeParms << /K -1 /Columns 1000000000 >>", b"\xff")])) == (said, "")


def _local_record(name: bytes, body: bytes) -> bytes:
    """A zip's local entry (header and deflated data) of ``body`` named ``name``, listed in no directory."""
    import struct

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(body) + packer.flush()
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, zlib.crc32(body), len(packed), len(body),
                       len(name), 0) + name + packed


def _listing_moved(data: bytes, by: int) -> bytes:
    """``data`` (a zip) whose directory's offsets, and its last record's, are ``by`` bytes further."""
    import struct

    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    size, start = struct.unpack_from("<II", out, end + 12)
    struct.pack_into("<I", out, end + 16, start + by)
    at = start
    while at < start + size:
        names, extra, comment = struct.unpack_from("<HHH", out, at + 28)
        struct.pack_into("<I", out, at + 42, struct.unpack_from("<I", out, at + 42)[0] + by)
        at += 46 + names + extra + comment
    return bytes(out)


@pytest.mark.parametrize("listing", ["moved", "as written"])
def test_a_docx_hiding_an_entry_its_directory_does_not_list_is_unreadable(listing):
    """A .docx whose zip begins with a ``word/document.xml`` of 乙县民政局 that its directory does not list, then
    甲县民政局's package (its directory's offsets moved past the hidden entry, or left as written: ``zipfile`` and
    LibreOffice take the bytes before as a self-extractor's and read on): Python and LibreOffice read 甲, a reader that
    walks the entries as written (Java's ZipInputStream, a phone's streaming unzip) reads 乙 — one file, two reports,
    and 甲's numbers were published with no finding. No office program writes an entry its directory leaves out:
    such a file is unreadable, saying so. A package of listed entries alone is read as before."""
    import io
    import zipfile as zipfile_

    from xxgk.parser import parse

    from .factory import as_docx, tab_report

    honest, other = as_docx(tab_report(agency="甲县民政局")), as_docx(tab_report(agency="乙县民政局"))
    assert parse(read_bytes(honest, ".docx").parse_text).agency == "甲县民政局"
    hidden = _local_record(b"word/document.xml", zipfile_.ZipFile(io.BytesIO(other)).read("word/document.xml"))
    source = read_bytes(hidden + (_listing_moved(honest, len(hidden)) if listing == "moved" else honest), ".docx")
    assert [f.code for f in source.findings] == ["file_unreadable"] and not source.text
    assert "目录未列出" in source.findings[0].message


@pytest.mark.parametrize(("field", "offset"), [("compressed size", 18), ("size", 22), ("checksum", 14)])
def test_a_docx_whose_local_header_disagrees_with_its_directory_is_unreadable(field, offset):
    """``word/document.xml``'s local header giving another compressed size, size or checksum than its directory entry:
    ``zipfile`` (and Word, LibreOffice) take the directory's and read the report, a reader walking the entries as
    written takes the header's and reads other bytes (the next entry it finds may be a hidden report). No office
    program writes a header that disagrees: the file is unreadable, saying so."""
    import struct

    from .factory import as_docx, tab_report

    data = bytearray(as_docx(tab_report(agency="甲县民政局")))
    at = _local_header_of(data, b"word/document.xml")
    struct.pack_into("<I", data, at + offset, struct.unpack_from("<I", data, at + offset)[0] - 7)
    source = read_bytes(bytes(data), ".docx")
    assert [f.code for f in source.findings] == ["file_unreadable"] and not source.text, field
    assert "本地头与目录不符" in source.findings[0].message


def _local_header_of(data: bytes | bytearray, name: bytes) -> int:
    """Where the local header of the entry ``name`` starts in ``data`` (a zip)."""
    at = data.find(b"PK\x03\x04")
    while data[at + 30:at + 30 + len(name)] != name:
        at = data.find(b"PK\x03\x04", at + 4)
    return at


def _page(text: str, head: str) -> str:
    from .factory import as_html

    return as_html(text).replace("<html>", f"<html><head>{head}</head>", 1)


@pytest.mark.parametrize(("head", "encoding", "said"), [
    ('<meta charset="gbk">', "utf-8", "网页声明编码为 gbk，实际按 utf-8 读取"),
    ("<meta http-equiv='Content-Type' content='text/html; charset=big5'>", "gb18030",
     "网页声明编码为 big5，实际按 gb18030 读取"),
    ('<meta charset="utf-8">', "gb18030", "网页声明编码为 utf-8，实际按 gb18030 读取"),
    (f"<!-- {'x' * 2000} --><meta charset=gbk>", "utf-8", "网页声明编码为 gbk，实际按 utf-8 读取")])
def test_a_page_whose_declared_encoding_is_not_its_texts_is_read_and_said(head, encoding, said):
    """A page saved in UTF-8 (or GBK) whose ``<meta>`` declares GBK, Big5 (or UTF-8): a browser opening the file
    decodes it as the page declares (a byte order mark alone goes before a declaration; Chromium heeds one past the
    first 1,024 bytes too) and shows mojibake, while the reader took the encoding that reads as Chinese, and nothing
    said the two differ. It is still read so (its
    digits are the same bytes in every such encoding), with a warning that names both."""
    from xxgk.parser import parse

    from .factory import tab_report

    source = read_bytes(_page(tab_report(agency="甲县民政局"), head).encode(encoding), ".html")
    assert parse(source.parse_text).agency == "甲县民政局"
    assert [(f.code, said in f.message) for f in source.findings] == [("text_encoding_declared", True)]


@pytest.mark.parametrize(("head", "encoding", "bom"), [
    ('<meta charset="gb2312">', "gb18030", b""), ('<meta charset="utf-8">', "utf-8", b""),
    ('<meta charset="gbk">', "utf-8", b"\xef\xbb\xbf"), ("<meta charset=nonsense>", "utf-8", b""),
    ("<!-- <meta charset=gbk> --><script>'<meta charset=big5>'</script>", "utf-8", b"")])
def test_a_page_read_as_a_browser_reads_it_has_no_encoding_finding(head, encoding, bom):
    """A declaration the bytes bear out (gb2312 for GBK bytes: browsers read every GB label as GBK), one a byte order
    mark overrides (as in a browser), one no browser knows, or one in a comment or a script: no finding."""
    from .factory import tab_report

    source = read_bytes(bom + _page(tab_report(agency="甲县民政局"), head).encode(encoding), ".html")
    assert [f.code for f in source.findings] == []
