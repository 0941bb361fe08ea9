"""A bound on what the PDF library's streams decode to, one stream and a file, counted as they are decoded.

The library (``pdfminer.pdftypes.PDFStream.decode``) undoes a stream's filters whole, in memory, the first time its
data is asked for: a page's content, a font's program (``FontFile``, ``FontFile2``), a map (``ToUnicode``), a
cross-reference or object stream. Flate packs 1,032 to 1: a font program of 1.5 GB of zeros is a 1.6 MB file, and
the library held 2.9 GB reading it (its text read as if nothing were amiss), just under a worker's 3 GB; a stream
whose Flate data is cut short (no checksum) is inflated again a byte at a time, its output copied at each (20 MB
inflated from 183 KB took 32 CPU s, 40 MB a worker's 120 s). LZW packs some 1,000 to 1 too, and run-length 64; CCITT
fax data (an image's filter, which the library decodes only where text or a font is asked for) writes each row's
every bit in Python, a row of ``/Columns`` bits a bit of data: 100 bytes of 100,000 columns took 21.7 CPU s.

``install`` makes the library inflate each Flate stream within ``STREAM`` bytes and the file's streams together
within ``FILE`` (``start_file``), one pass whatever the data (a stream cut short included), and decode LZW and
run-length within them too, and CCITT fax data within ``FAX`` (a page scanned at 300 dpi, A4, is 1.1 MB); past any
it stops with ``OverBudget``, before more is held. A report's streams are
far below: its pages' content some KB to a few MB, a subset font tens of KB, a whole CJK font 10–20 MB (SimSun,
Microsoft YaHei, Noto Sans CJK); 54 honest PDFs (reportlab, LibreOffice, Chromium, Ghostscript; measured by
``benchmarks/pdf_streams.py``, each read to the same text with the bounds and without) decode at most 0.65 MB in one
stream and 0.78 MB in a file.

>>> import zlib
>>> install(); start_file()
>>> from pdfminer.pdftypes import PDFStream
>>> from pdfminer.psparser import LIT
>>> PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(b"BT ET")).get_data()
b'BT ET'
"""

from __future__ import annotations

import io
import types
import zlib
from functools import cache

STREAM = 64 * 2**20  # bytes one stream may decode to (a whole CJK font's program: 10–20 MB)
FILE = 256 * 2**20  # bytes a file's streams may decode to together (the library keeps each decoded stream)
FAX = 2 * 2**20  # bytes one CCITT fax stream may decode to (a whole A4 page at 300 dpi: 1.1 MB; ≈ 0.3 µs a bit)


class OverBudget(Exception):
    """A stream, or the file's streams together, decode past the bound (the reader makes it its own over_budget)."""


_count = [0]  # the bytes decoded for the file being read (a worker reads one file at a time)


def start_file() -> None:
    """Start counting for a new file."""
    _count[0] = 0


def _size(count: int) -> str:
    return f"{count // 2**20} MB" if count >= 2**20 else f"{count // 2**10} KB"


def _room() -> int:
    return min(STREAM, FILE - _count[0])


def _held(out: bytes | bytearray | None, limit: int) -> bytes:
    """``out`` counted to the file, or ``OverBudget`` when it is ``None`` or past ``limit`` (what ``_room`` gave)."""
    if out is None or len(out) > limit:
        if limit < STREAM:
            raise OverBudget(f"PDF 的数据流解压后共超过上限 {_size(FILE)}")
        raise OverBudget(f"PDF 的一个数据流解压后超过上限 {_size(STREAM)}")
    _count[0] += len(out)
    return bytes(out)


def _inflated(data: bytes) -> bytes:
    """``zlib.decompress(data)`` within the room left: the same bytes, the same ``zlib.error`` for data that does
    not inflate or ends before its stream does (the library then reads it as far as it goes: ``_inflated_cut``)."""
    inflater, limit = zlib.decompressobj(), _room()
    out = inflater.decompress(data, limit + 1)
    if len(out) <= limit and not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return _held(out, limit)


def _inflated_cut(data: bytes) -> bytes:
    """The library's reading of Flate data ``zlib.decompress`` refused (``decompress_corrupted``), in one pass and
    within the room left: what all but its last three bytes inflate to (``zlib.error`` when they do not), then each
    of those bytes until one fails, as the library read every byte, one at a time, copying all it had at each."""
    inflater, limit = zlib.decompressobj(), _room()
    out = bytearray(inflater.decompress(data[:-3], limit + 1))
    try:
        for at in range(max(0, len(data) - 3), len(data)):
            if len(out) > limit:
                break
            out += inflater.decompress(data[at:at + 1], limit + 1 - len(out))
    except zlib.error:
        pass
    return _held(out, limit)


def lzw(data: bytes, limit: int) -> bytes | None:
    """LZW data decoded (by the PDF library's decoder, one code at a time), ``None`` past ``limit`` bytes.

    >>> lzw(bytes.fromhex("80 0b 60 50 22 0c 0c 85 01"), 100)
    b'-----A---B'
    """
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out += piece
        if len(out) > limit:
            return None
    return bytes(out)


def run_length(data: bytes, limit: int) -> bytes | None:
    """RunLength data decoded (PDF 32000 7.4.5: a length byte below 128 copies that many bytes plus one, above 128
    repeats the next byte 257 minus it times, 128 or the data's end ends), ``None`` past ``limit`` bytes; never more
    is held. A run cut short is a ``ValueError``, as the library's decoder fails on it (a run read in part could be a
    number's first digits).

    >>> run_length(bytes([2]) + b"abc" + bytes([254, 120, 128]), 100)
    b'abcxxx'
    >>> run_length(bytes([129, 0]) * 10, 1280) == bytes(1280), run_length(bytes([129, 0]) * 10, 1279)
    (True, None)
    >>> run_length(bytes([2]) + b"ab", 100)
    Traceback (most recent call last):
    ValueError: run-length data cut short
    """
    out, at = bytearray(), 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        run = data[at + 1:at + 2 + length] if length < 128 else data[at + 1:at + 2] * (257 - length)
        at += 2 + length if length < 128 else 2
        if at > len(data):
            raise ValueError("run-length data cut short")
        out += run
        if len(out) > limit:
            return None
    return bytes(out)


def _bounded(decode):
    """``decode(data, limit)`` as the library's one-argument decoder, within the room left."""

    def decoded(data: bytes) -> bytes:
        limit = _room()
        return _held(decode(data, limit), limit)

    decoded.__wrapped__ = decode
    return decoded


def _fax(data: bytes, params: dict) -> bytes:
    """The library's ``ccittfaxdecode`` (Group 4, ``/K -1``, alone: another K is refused as it refuses it), each row
    counted before its bits are written, within ``FAX`` and the room left."""
    from pdfminer.ccitt import CCITTFaxDecoder
    from pdfminer.pdfexceptions import PDFValueError

    if params.get("K") != -1:
        raise PDFValueError(params.get("K"))
    limit, columns = min(FAX, _room()), params.get("Columns")
    message = f"PDF 的一个 CCITT 传真编码数据流解码后超过上限 {_size(FAX)}"

    class Counted(CCITTFaxDecoder):
        def output_line(self, y: int, bits) -> None:
            if len(self._buf) + (len(bits) + 7) // 8 > limit:
                raise OverBudget(message)
            super().output_line(y, bits)

    if isinstance(columns, int) and (columns + 7) // 8 > limit:  # (one row past it: never laid out)
        raise OverBudget(message)
    decoder = Counted(columns, bytealign=params.get("EncodedByteAlign"), reversed=params.get("BlackIs1"))
    decoder.feedbytes(data)
    return _held(decoder.close(), limit)


@cache
def install() -> None:
    """Decode the library's Flate, LZW, run-length and CCITT fax streams within the bounds (once a process). The
    library calls ``zlib.decompress``, ``decompress_corrupted``, ``lzwdecode``, ``rldecode`` and ``ccittfaxdecode``
    by the names its module imports."""
    from pdfminer import pdftypes

    pdftypes.zlib = types.SimpleNamespace(decompress=_inflated, decompressobj=zlib.decompressobj, error=zlib.error)
    pdftypes.decompress_corrupted = _inflated_cut
    pdftypes.lzwdecode = _bounded(lzw)
    pdftypes.rldecode = _bounded(run_length)
    pdftypes.ccittfaxdecode = _fax
