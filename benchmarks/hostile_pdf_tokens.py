"""What the PDF library's tokenizer and font maps cost on the inputs session 31 found (sixth hostile-input audit):
a long string of escapes, of nested parentheses, a name of ``#41`` escapes, a long hex string (``xxgk.psstrings``:
the library grew each a copy at a time), and a font map naming one range many times (``xxgk.cmaps``: an entry
per code). CPU seconds of the library's own tokenizer methods (``psstrings.LIBRARY``) and of those in place, as the
sizes double: the library's grow with the square of the size, these about linearly; then files read as a worker
reads them.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_pdf_tokens [N]

N: the escapes of the largest string (default 400,000; the library's time at twice N is about four times).
"""

from __future__ import annotations

import sys
import time

from tests.test_h31hostile_audit import _tokens

from xxgk import psstrings
from xxgk.readers import read_bytes

TOKENS = {
    "(\\\\ … )": lambda n: b"(" + b"\\\\" * n + b")",
    "((( … )))": lambda n: b"(" * n + b")" * n,
    "/#41#41 …": lambda n: b"/" + b"#41" * n + b" ",
    "<4141 … >": lambda n: b"<" + b"41" * (20 * n) + b">",  # (20 pairs an "escape": the copies are per 4 KB read)
}


def _seconds(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _font_map_pdf(ranges: int) -> bytes:
    import zlib

    from tests.test_h29hostile_audit import one_page, plain_pdf

    cmap = (b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"1 beginbfrange <0000> <FFFF> <0041> endbfrange\n" * ranges + b"endcmap")
    objects, packed = one_page(), zlib.compress(cmap, 9)
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    objects[6] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
    return plain_pdf(objects)


def main() -> None:
    largest = int(sys.argv[1]) if len(sys.argv) > 1 else 400_000
    psstrings.install()
    for name, make in TOKENS.items():
        for n in (largest // 4, largest // 2, largest):
            data = make(n)
            library = _seconds(lambda data=data: _tokens(data, psstrings.LIBRARY))
            ours = _seconds(lambda data=data: _tokens(data))
            print(f"{name:<12} {n:>9,} escapes  library {library:6.2f} s   in place {ours:6.2f} s")
    for ranges in (10, 40, 2000):
        data = _font_map_pdf(ranges)
        findings: list[str] = []

        def read(data=data, out=findings) -> None:
            out.extend(f.code for f in read_bytes(data, ".pdf").findings)

        seconds = _seconds(read)
        print(f"font map: <0000>-<FFFF> {ranges:>5} times, {len(data):>5} bytes: {seconds:6.2f} s {findings}")


if __name__ == "__main__":
    main()
