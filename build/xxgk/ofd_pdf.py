"""An OFD file's pages drawn as a PDF, for the PDF reader: the same text where the OFD draws it and the same rules.

An OFD (GB/T 33190) is a fixed layout as a PDF is, and agencies' document systems make one from a Word report as they
make a PDF: table 三's header over three rows, labels wrapped over two or three lines beside numbers centred in their
rows, cells ruled. Laid into lines by its own gaps (``ofd_text.runs_to_lines``), such a table lost nearly every row
(session 53: 151 of table 三's 175 cells, each OFD of a converter's layout of the 2021 template); the PDF reader reads
the same layout whole, from its rules (``pdf_table_rules``) and the words' places. So each page is written here as a
PDF page of the same size: every character of a text run at its place (a run's width shared among its characters by
their widths, as ``ofdkit`` measures them), in one font whose ``ToUnicode`` map gives each its character back, and
every straight segment of the page's path objects (``ofd_rules``) stroked as a line — nothing else. The PDF is made
here, from what was read within the OFD's budgets, and read by the PDF reader under its own.

>>> from types import SimpleNamespace as Run
>>> pdf = pages_to_pdf([(210.0, 297.0, [Run(text="规章 12", x=20.0, y=30.0, size=4.0, width=20.0)],
...                      [(10.0, 25.0, 100.0, 25.0)])])
>>> pdf[:8], b"/ToUnicode" in pdf, pdf.endswith(b"%%EOF\\n")
(b'%PDF-1.7', True, True)
"""

from __future__ import annotations

import math
import unicodedata

POINTS = 72 / 25.4  # points in a millimetre
MAX_CODES = 0xFFFF  # characters one font of two-byte codes can name (a report uses some thousands)
MAX_SIZE = 1000.0  # millimetres: a run's font size is read up to this (a page is some hundreds high)
LINE_WIDTH = 0.5  # points: the strokes' width (the reader reads where a rule is, not how wide)
_MAP_CHUNK = 100  # entries a beginbfchar block may hold


def _width(char: str) -> int:
    """A character's advance in thousandths of the font size, as ``ofdkit`` measures it (full width, else half)."""
    return 1000 if unicodedata.east_asian_width(char) in ("W", "F") else 500


def pages_to_pdf(pages: list[tuple[float, float, list, list[tuple[float, float, float, float]]]]) -> bytes:
    """A PDF of ``pages``: each ``(width, height, runs, segments)`` in millimetres, ``runs`` with ``text``, ``x``,
    ``y`` (the baseline, downwards from the page's top), ``size`` and ``width``, ``segments`` as ``(x0, y0, x1, y1)``.
    Raises ``ValueError`` past ``MAX_CODES`` distinct characters (the caller's budget)."""
    codes: dict[str, int] = {}
    contents = [_page_content(height, runs, segments, codes) for _, height, runs, segments in pages]
    if len(codes) > MAX_CODES:
        raise ValueError(f"{len(codes)} distinct characters")
    objects: list[bytes] = []  # object n is objects[n - 1]
    font, descendant, descriptor, cmap = 3, 4, 5, 6
    first_page = 7
    kids = " ".join(f"{first_page + 2 * k} 0 R" for k in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /XXGK /Encoding /Identity-H "
                   f"/DescendantFonts [{descendant} 0 R] /ToUnicode {cmap} 0 R >>".encode())
    widths = " ".join(str(_width(char)) for char in codes)
    objects.append(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /XXGK /CIDSystemInfo << /Registry (Adobe) "
                   f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 "
                   f"/W [1 [{widths}]] /CIDToGIDMap /Identity >>".encode())
    objects.append(b"<< /Type /FontDescriptor /FontName /XXGK /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
                   b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")
    objects.append(_stream(_to_unicode(codes)))
    for k, (width, height, _, _) in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width * POINTS:.2f} {height * POINTS:.2f}] "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {first_page + 2 * k + 1} 0 R >>"
                       .encode())
        objects.append(_stream(contents[k]))
    return _file(objects)


def _page_content(height: float, runs: list, segments: list, codes: dict[str, int]) -> bytes:
    """A page's content stream: its segments stroked, then each character of its runs at its place."""
    top = height * POINTS
    out = [f"{LINE_WIDTH} w".encode()]
    for x0, y0, x1, y1 in segments:
        out.append(f"{x0 * POINTS:.2f} {top - y0 * POINTS:.2f} m {x1 * POINTS:.2f} {top - y1 * POINTS:.2f} l S"
                   .encode())
    out.append(b"BT")
    size = None
    for run in runs:
        if not all(math.isfinite(v) for v in (run.x, run.y, run.size, run.width)):
            continue  # (a place no page has)
        if run.size != size:
            size = run.size
            out.append(f"/F1 {min(max(size, 0.01), MAX_SIZE) * POINTS:.2f} Tf".encode())
        total = sum(_width(char) for char in run.text) or 1
        x, baseline = run.x, top - run.y * POINTS
        for char in run.text:
            if "\ud800" <= char <= "\udfff":  # (half of a pair no text holds alone: no character to draw)
                continue
            code = codes.setdefault(char, len(codes) + 1)
            if not char.isspace():
                out.append(f"1 0 0 1 {x * POINTS:.2f} {baseline:.2f} Tm <{code:04X}> Tj".encode())
            x += run.width * _width(char) / total
    out.append(b"ET")
    return b"\n".join(out)


def _to_unicode(codes: dict[str, int]) -> bytes:
    """The CMap giving each code its character (UTF-16BE, a pair of surrogates past the BMP)."""
    entries = [f"<{code:04X}> <{char.encode('utf-16-be').hex().upper()}>" for char, code in codes.items()]
    blocks = [f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
              for chunk in (entries[i:i + _MAP_CHUNK] for i in range(0, len(entries), _MAP_CHUNK))]
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /XXGK-UCS def\n"
            "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(blocks)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode()


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _file(objects: list[bytes]) -> bytes:
    """The objects as a PDF file with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(out)
