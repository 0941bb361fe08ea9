"""A bound on the glyphs the PDF library lays out, on a page and in a file, counted as it draws them.

The reader counted a file's characters (``BUDGET.chars``) only once the library had laid a page out, and the library
keeps every glyph of every page it has laid out (about 2 KB each, with pdfplumber's view of it, at about 40 µs): one
string shown once (``(aaaa…) Tj``) of 400,000 letters, a 1.2 KB file (Flate), took 16 CPU s and 906 MB, and was read
with no finding; ten pages of 40,000 took as much; past 1.4 million a worker's 3 GB are gone. A page of a report
prints a few thousand characters (a dense table in a small font: under 10,000, twice that drawn in simulated bold).

``install`` counts every glyph the library's layout device draws, on each page (a device is made for each page) and
in the file being read (``start_file``), and stops at ``PAGE`` on a page or ``FILE`` in the file with
``OverBudget``, naming the page.

>>> install(); PAGE < FILE
True
"""

from __future__ import annotations

from functools import cache

from .readers import BUDGET

PAGE = BUDGET.pdf_page_glyphs  # glyphs drawn on one page (a report's densest page: under 10,000)
# glyphs drawn in one file (a report of tens of pages: under 100,000; 1,000,000 take ≈ 40 s, 2 GB)
FILE = BUDGET.pdf_file_glyphs


class OverBudget(Exception):
    """A page or the file draws more glyphs than the bound (the reader makes it its own over_budget finding)."""


_count = [0]  # the glyphs drawn for the file being read (a worker reads one file at a time)


def start_file() -> None:
    """Start counting for a new file."""
    _count[0] = 0


def _counted(render_char):
    def counted(self, *args, **kwargs):
        drawn = self.__dict__.get("_xxgk_glyphs", 0) + 1
        self._xxgk_glyphs = drawn
        _count[0] += 1
        if drawn > PAGE:
            raise OverBudget(f"PDF 第{self.pageno}页绘制的字符超过上限 {PAGE} 个")
        if _count[0] > FILE:
            raise OverBudget(f"PDF 绘制的字符共超过上限 {FILE} 个（到第{self.pageno}页）")
        return render_char(self, *args, **kwargs)

    counted.__wrapped__ = render_char
    return counted


@cache
def install() -> None:
    """Count what the library's layout device draws (once a process)."""
    from pdfminer.converter import PDFLayoutAnalyzer

    PDFLayoutAnalyzer.render_char = _counted(PDFLayoutAnalyzer.__dict__["render_char"])
