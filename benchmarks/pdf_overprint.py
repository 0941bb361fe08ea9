"""Benchmark: reading a character drawn over itself once, pdfplumber's ``dedupe_chars`` against ``pdf_overprint``'s
(the same characters kept, in the same order), on pages of more and more characters, in CPU s.

Run: PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_overprint [5000 10000 20000]
"""

from __future__ import annotations

import sys
import time


def _page(count: int) -> list[dict]:
    """A page's characters as pdfplumber gives them: lines of 100 digits, 12 points apart."""
    return [{"upright": True, "text": "0123456789"[at % 10], "fontname": "F1", "size": 10.0,
             "doctop": (at // 100) * 12.0, "top": (at // 100) * 12.0, "x0": (at % 100) * 6.0,
             "x1": (at % 100) * 6.0 + 5, "matrix": (1, 0, 0, 1, 0, 0), "object_type": "char", "page_number": 1}
            for at in range(count)]


def main(counts: list[int]) -> None:
    from pdfplumber.utils import dedupe_chars

    from xxgk.pdf_overprint import dedupe

    for count in counts:
        chars = _page(count)
        start = time.process_time()
        ours = dedupe(chars, 1.0)
        middle = time.process_time()
        theirs = dedupe_chars(chars, tolerance=1.0)
        end = time.process_time()
        print(f"{count:>7} characters: pdf_overprint {middle - start:.2f} CPU s, library {end - middle:.2f} CPU s,"
              f" same characters: {ours == theirs}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 5000, 10000, 20000])
