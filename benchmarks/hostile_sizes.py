"""Reading and parsing time of hostile files as they grow (session 27, second hostile-input audit): each figure
should grow about linearly with the size, or the file should be refused early (``over_budget``) at a small cost.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_sizes

- a PDF listing its one page N times (300,000 took 56 s under load before it was refused from its bytes), and
  one whose list sits in a compressed object stream (3,000,000 in 27 KB took 47 CPU s before session 28: now
  refused once the stream is inflated);
- a PDF whose font, in a compressed object stream, gives N widths (session 32b: 1,000,000 took 5 CPU s, 100 MB;
  past ``pdf_tokens.STACK``, 250,000, refused as the array is parsed);
- a text whose table 三 holds N rows of unknown labels (73 s "of its 120 s" in the first audit was wall time under
  a load of 15: 100,000 rows take about 14 CPU s; past the line-tokens memo's 16,384 entries each line is
  tokenised twice: ``tokenised/line``);
- a text whose table 三 is followed by N rows ``1⇥2`` (session 32: the parser keeps about 1 KB a line, 2,500,000
  took 55 s and 2.5 GB; past ``BUDGET.lines``, 200,000, refused before it is parsed);
- a text of one line of N characters; an HTML table of N cells; a .docx of tables nested in table cells (past
  100,000 cells refused from its bytes: 30 rows at each of 4 levels took 31 CPU s before);
- a .doc of N text boxes over 10N pieces, and one of N×20 paragraphs naming one PrcData of 64 KB (session 37:
  4,000 boxes took 48 CPU s, 11,600 paragraphs 69 CPU s, each growing as a product);
- a .docx of one paragraph of N empty runs (session 38: 4,000,000 took 14 CPU s and 1.1 GB, read; 25,000,000 empty
  paragraphs held 3 GB; past ``BUDGET.docx_tags``, 5,000,000, refused from the parts' bytes);
- a PDF whose font program (``FontFile2``) inflates to N bytes of zeros, and one whose page's Flate content of N
  spaces is cut short (session 39: 1.5 GB held 2.9 GB, read with no finding; 20 MB cut short took 32 CPU s, the
  library inflating it again a byte at a time; past ``pdf_streams.STREAM``, 64 MB, refused as it is inflated).
"""

from __future__ import annotations

import struct
import time
import zlib

from tests.factory import as_docx, tab_report
from tests.test_h27hostile2_audit import _docx_with_nested_tables, _repeated_page_pdf
from tests.test_h28hostile_audit import object_stream_pdf
from tests.test_h32bhostile_audit import _widths_pdf
from tests.test_h37hostile import huge_papx_doc, text_boxes_doc
from tests.test_h38hostile import _with_empty_runs
from tests.test_h39hostile import HELLO, _flate, _pdf

from xxgk import cells
from xxgk.memo import MEMO_CHARS, account
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _unknown_rows(n: int) -> bytes:
    text = tab_report(agency="甲县民政局")
    heading = text.index("\n", text.index("三、收到和处理")) + 1
    rows = "".join(f"杂项{k}\t{k}\t0\t0\t0\t0\t0\t{k}\n" for k in range(1, n + 1))
    return (text[:heading] + rows + text[heading:]).encode()


def _one_line(n: int) -> bytes:
    return tab_report(agency="甲县民政局").encode() + ("某" * n).encode()


def _short_rows(n: int) -> bytes:
    text = tab_report(agency="甲县民政局")
    return text.replace("四、", "1\t2\n" * n + "四、", 1).encode()


def _html_cells(n: int) -> bytes:
    return b"<table>" + b"<tr>" + b"<td>1</td>" * n + b"</tr></table>"


def _font_of_zeros(n: int) -> bytes:
    return _pdf([(b"/FlateDecode", zlib.compress(HELLO))], font_program=_flate(n, b"\0"))


def _cut_content(n: int) -> bytes:
    return _pdf([(b"/FlateDecode", _flate(n)[:-8]), (b"/FlateDecode", zlib.compress(HELLO))])


_PRCDATA = struct.pack("<H", 65_532) + struct.pack("<HB", 0x2416, 0) * 21_844  # (sprmPFInTable 0, 21,844 times)


def _figure(data: bytes, suffix: str) -> str:
    account(MEMO_CHARS + 1)  # (every parser memo emptied: each file parsed as the first of a worker's)
    start = time.process_time()  # (CPU seconds: the machine may be shared, and a wall figure says its load)
    source = read_bytes(data, suffix)
    record = parse(source.parse_text) if source.parse_text else None
    seconds = time.process_time() - start
    codes = sorted({f.code for f in source.findings if f.code in ("over_budget", "file_unreadable")})
    calls = cells._line_tokens.cache_info()
    lines = max(1, source.parse_text.count("\n")) if source.parse_text else 1
    tokens = f" {calls.misses / lines:.2f} tokenised/line" if record else ""
    return f"{len(data) // 1024} KB {seconds:.2f} CPU s{tokens}{' ' + ','.join(codes) if codes else ''}"


CASES = {
    "PDF, one page listed N times": (lambda n: _repeated_page_pdf(n), ".pdf", (1_000, 30_000, 300_000)),
    "PDF, one page listed N times in an object stream": (object_stream_pdf, ".pdf", (1_000, 300_000, 3_000_000)),
    "PDF, a font of N widths in an object stream": (_widths_pdf, ".pdf", (100_000, 240_000, 1_000_000)),
    "text, N unknown rows": (_unknown_rows, ".txt", (5_000, 10_000, 20_000, 40_000)),
    "text, N rows 1<TAB>2 (session 32)": (_short_rows, ".txt", (50_000, 190_000, 1_000_000, 2_500_000)),
    "text, one line of N chars": (_one_line, ".txt", (1_000_000, 3_000_000, 6_000_000)),
    "HTML, one row of N cells": (_html_cells, ".html", (10_000, 100_000, 1_000_000)),
    ".docx, tables 4 deep, N rows each": (lambda n: _docx_with_nested_tables(n, 4), ".docx", (10, 15, 20)),
    # (session 37: each box was read from the first piece, 4,000 over 40,000 pieces 48 CPU s; each paragraph parsed
    # the PrcData again, 11,600 paragraphs 69 CPU s)
    ".doc, N text boxes over 10N pieces": (lambda n: text_boxes_doc(n, 10 * n), ".doc", (1_000, 4_000, 9_000)),
    ".doc, N×20 paragraphs of one 64 KB PrcData": (lambda n: huge_papx_doc(n, _PRCDATA), ".doc", (100, 400, 1_500)),
    ".docx, one paragraph of N empty runs": (lambda n: _with_empty_runs(as_docx(tab_report(agency="甲县民政局")), n),
                                             ".docx", (1_000_000, 4_000_000, 25_000_000)),
    "PDF, a font program of N zeros": (_font_of_zeros, ".pdf", (2**20, 32 * 2**20, 1_500_000_000)),
    "PDF, a page of N spaces cut short": (_cut_content, ".pdf", (2**20, 20 * 2**20, 80 * 2**20)),
}


def main() -> None:
    parse("预热")
    for name, (make, suffix, sizes) in CASES.items():
        for n in sizes:
            print(f"{name:<32} N={n:<9,} {_figure(make(n), suffix)}", flush=True)


if __name__ == "__main__":
    main()
