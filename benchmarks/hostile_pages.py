"""What one PDF page drawing many things costs (session 32, seventh hostile-input audit): inline images of one pixel,
rectangles, and ``q Q`` drawing nothing, as their number grows, read as a worker reads them (``xxgk.pdf_drawn`` stops a
page at ``FIGURES`` images or forms and ``PATHS`` paths, as they are drawn; ``pdf_operators`` at ``PAGE`` operators).
CPU seconds, the process's peak memory so far (it only grows: run one size per process for each figure alone),
and the findings.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_pages [N]

N: the most images or rectangles on the page (default 200,000).
"""

from __future__ import annotations

import resource
import sys
import time

from tests.test_h32hostile_audit import INLINE_IMAGE, _page_drawing

from xxgk.readers import read_bytes

DRAWN = {"inline images": INLINE_IMAGE, "rectangles": b"0 0 1 1 re f ",
         "q Q (nothing)": b"q Q "}  # (session 32b: stopped by ``pdf_operators.PAGE``, 500,000 operators)


def main() -> None:
    largest = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    for name, one in DRAWN.items():
        for n in (largest // 20, largest // 4, largest):
            data = _page_drawing(one * n)
            start = time.process_time()
            findings = [f.code for f in read_bytes(data, ".pdf").findings]
            seconds = time.process_time() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"{name:<14} {n:>9,} on a page, {len(data):>7,} bytes: {seconds:6.2f} s, peak {peak:5} MB {findings}")


if __name__ == "__main__":
    main()
