"""A bound on what one PDF page draws, counted as the PDF library draws it.

The reader refuses a page of more than ``BUDGET.pdf_objects`` lines, rectangles and curves (``readers._check_drawing``),
but only once the library has laid the whole page out, one Python object each; and it counted no image at all. A
content stream of 200,000 inline images of one pixel each (``BI /W 1 /H 1 … ID … EI``: 32 KB of PDF, Flate) was laid
out whole — an ``LTFigure`` and an ``LTImage`` each, 24 CPU s and 575 MB — and then read as if nothing were there. The
text of a report needs no image; a page draws a few (a seal, a logo, a scanned page), a page of tiles some hundreds.

``install`` counts, on each page (``begin_page`` starts again), every figure the library begins (an inline image, an
image or form XObject) and every path it paints, and stops the page at ``FIGURES`` figures or ``PATHS`` paths with
``OverBudget``, the message naming the page. ``PATHS`` is twice the objects ``_check_drawing`` allows: the library
paints a path of several subpaths once for the whole and once for each, so a page that check passes is never refused
here; a page it would refuse is refused before its layout is made.

>>> install(); FIGURES >= 1_000 and PATHS == 2 * BUDGET.pdf_objects
True
"""

from __future__ import annotations

from functools import cache

from .readers import BUDGET

# images and forms drawn on one page (an honest page: a few; tiles of a scan: hundreds)
FIGURES = BUDGET.pdf_page_figures
PATHS = 2 * BUDGET.pdf_objects  # path paintings on one page (each subpath of a path is painted on its own, as well)


class OverBudget(Exception):
    """A page draws more than the bound (the reader makes it its own over_budget finding)."""


def _counting(method, kind: int, most: int, what: str):
    def counted(self, *args, **kwargs):
        drawn = self.__dict__.setdefault("_xxgk_drawn", [0, 0])
        drawn[kind] += 1
        if drawn[kind] > most:
            raise OverBudget(f"PDF 第{self.pageno}页绘制的{what}超过上限 {most} 个")
        return method(self, *args, **kwargs)

    counted.__wrapped__ = method
    return counted


def _page_started(method):
    def started(self, *args, **kwargs):
        self._xxgk_drawn = [0, 0]
        return method(self, *args, **kwargs)

    started.__wrapped__ = method
    return started


@cache
def install() -> None:
    """Count what the library's layout device draws (once a process)."""
    from pdfminer.converter import PDFLayoutAnalyzer

    PDFLayoutAnalyzer.begin_page = _page_started(PDFLayoutAnalyzer.__dict__["begin_page"])
    PDFLayoutAnalyzer.begin_figure = _counting(PDFLayoutAnalyzer.__dict__["begin_figure"], 0, FIGURES, "图像或表单")
    PDFLayoutAnalyzer.paint_path = _counting(PDFLayoutAnalyzer.__dict__["paint_path"], 1, PATHS, "图形")
