"""How long the PDF reader takes a page holding a ruled table 三: prints milliseconds a page (best of three runs).

Run: ``PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_read [pages]``. The PDF is table 三 of
``tests/test_parse9_pdf`` (ruled, merged as the template merges it) drawn by reportlab on each of ``pages`` pages
(20 by default); what is timed is ``readers.pdf_to_text``: pdfplumber's layout and table finding, and the reader's
own passes over each page (turning sideways pages, joining rows broken over a page, cells of numbers over lines,
short rows of unruled tables). Compare figures taken on the same machine, one after the other, only.
"""

from __future__ import annotations

import io
import sys
import time


def report(pages: int) -> bytes:
    """``pages`` pages, each with a heading and table 三 (ruled, merged cells)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
    from tests.test_parse9_pdf import _table3_cells

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6, leading=8)
    cells, spans = _table3_cells(False)
    story = []
    for _ in range(pages):
        table = Table([[Paragraph(c, style) if len(c) > 6 else c for c in row] for row in cells],
                      colWidths=[40, 60, 90] + [35] * 7)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 6)]
                                  + [("SPAN", a, b) for a, b in spans]))
        story += [Paragraph("三、收到和处理政府信息公开申请情况", style), table, PageBreak()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def main() -> None:
    from xxgk.readers import pdf_to_text

    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    data = report(pages)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        pdf_to_text(data)
        best = min(best, time.perf_counter() - start)
    print(f"pdf_to_text: {pages} pages of a ruled table 三, {len(data) // 1024} KB: "
          f"{1000 * best / pages:.1f} ms a page (best of 3)")
    passes(data, pages)


def passes(data: bytes, pages: int) -> None:
    """CPU time a page of the reader's own passes against pdfplumber's (process time: other processes on a shared
    machine count less): the turn of a page from its characters, and a table's rows with cells of numbers over lines
    placed (``table_rows``) against pdfplumber's ``extract`` alone, and the characters set on their baselines
    (``pdf_baselines.level``, timed on copies with the copying: the characters stay as the library placed them),
    the characters in no cell of a table looked for (``pdf_orphans``) and those under a box painted over them
    (``pdf_covered.hidden``)."""
    import pdfplumber

    from xxgk.pdf_baselines import level
    from xxgk.pdf_cell_lines import table_rows
    from xxgk.pdf_covered import hidden
    from xxgk.pdf_orphans import orphans
    from xxgk.pdf_upright import turn

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        start = time.process_time()
        found = [(page.find_tables(), page.chars) for page in pdf.pages]
        layouts = [page.layout for page in pdf.pages]
        layout = time.process_time() - start
        timings = {}
        for name, work in (("turn", lambda tables, chars: turn(chars)),
                           ("extract", lambda tables, chars: [t.extract() for t in tables]),
                           ("table_rows", lambda tables, chars: [table_rows(t) for t in tables]),
                           ("level", lambda tables, chars: level([dict(c) for c in chars])),
                           ("orphans", lambda tables, chars: orphans(chars, tables))):
            start = time.process_time()
            for tables, chars in found:
                work(tables, chars)
            timings[name] = time.process_time() - start
        start = time.process_time()
        for layout_page in layouts:
            hidden(layout_page)
        timings["covered"] = time.process_time() - start
    per_page = {name: 1000 * spent / pages for name, spent in timings.items()}
    print(f"CPU a page: layout and tables {1000 * layout / pages:.1f} ms; turn {per_page['turn']:.2f} ms; "
          f"extract {per_page['extract']:.2f} ms; table_rows {per_page['table_rows']:.2f} ms; "
          f"level {per_page['level']:.2f} ms (with copying each character); orphans {per_page['orphans']:.2f} ms; "
          f"covered {per_page['covered']:.2f} ms")


if __name__ == "__main__":
    main()
