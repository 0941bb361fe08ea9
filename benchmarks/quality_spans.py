"""Benchmark: what the quality page pays to link a finding to its row on a flattened page (audit 27: it links where
the report page links, ``pages.Site._quality_anchor``, so it finds the row spans of each listed report whose finding
names a row, ``spans.row_spans``, on texts with a line of ``LONG_LINE`` characters). Prints milliseconds a report for
synthetic reports (with prose) flattened as a web page is (the title, then the whole report on one line), and for the
same reports as printed (no long line: only the line lengths are read), and what the quality page's worst case,
``QUALITY_ROWS_PER_CODE`` reports for each of 20 codes with findings on rows, would cost at that rate.

Run: .venv/bin/python benchmarks/quality_spans.py [reports, default 200]
"""

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_reports
from xxgk.site.pages import QUALITY_ROWS_PER_CODE
from xxgk.site.spans import LONG_LINE, document_sections, row_spans


def _flattened(text: str) -> str:
    title, *rest = text.split("\n")
    return title + "\n" + " ".join(line.replace("\t", " ") for line in rest) + "\n"


def _spans(text: str) -> int:
    """As ``ReportPages._source``: spans only in a text with a long line."""
    document_sections.cache_clear()  # each report read afresh, as the quality page reads each listed report once
    return len(row_spans(text, "2021")) if max(map(len, text.split("\n"))) >= LONG_LINE else 0


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as work:
        paths = [p for p in write_reports(count, Path(work), prose=True) if p.suffix in (".txt", ".md")]
        texts = [p.read_text(encoding="utf-8") for p in paths]
    print(f"{'texts':>14}{'reports':>9}{'spans':>8}{'ms / report':>13}{'worst page, s':>15}")
    for name, batch in (("as printed", texts), ("flattened", [_flattened(t) for t in texts])):
        start = time.perf_counter()
        spans = sum(_spans(t) for t in batch)
        each = (time.perf_counter() - start) / len(batch)
        print(f"{name:>14}{len(batch):>9}{spans:>8}{each * 1000:>13.2f}{each * QUALITY_ROWS_PER_CODE * 20:>15.1f}")


if __name__ == "__main__":
    main()
