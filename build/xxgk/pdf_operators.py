"""A bound on the operators a PDF's content streams make the library interpret, on a page and in a file.

A content stream may repeat an operator that draws nothing (``q Q``: save and restore the graphics state; ``0 0 l``:
a path never painted) any number of times; Flate packs ten million of them into a few KB. No character, image or
path counts them (``pdf_drawn`` counts what is drawn), so the page was interpreted to the end: ``q Q`` × 1,000,000
in 4.5 KB took 14 CPU s and was read with no finding, ten times that took the worker's whole 120 s; ``q`` alone
keeps a copy of the graphics state each (300,000 in 1.2 KB: 184 MB). A form XObject is interpreted again each time
a page draws it: 100 ``Do`` of one form of 10,000 ``q Q`` — an 848-byte file — took 13.5 CPU s, and 9,000 of one of
100,000 ran to the worker's limit. A page printed from a browser or an office suite makes a few thousand operators
(2,000–7,000 a page in the PDFs tried, about ten a character), a page of 40,000 ruling lines (``pdf_drawn.PATHS``)
about 300,000.

``install`` counts each object the library's content parser hands the interpreter (an operator with its operands,
an inline image: one each), on the page (the library's ``process_page`` starts the count again, and a form drawn on
it counts on it) and in the file being read (``start_file``), and stops at ``PAGE`` on a page or ``FILE`` in the
file with ``OverBudget``, naming the page: a second or two of the library's work on a page, some tens in a file.

That holds only while each operator costs the same: the library's interpreter took an operator's operands off its
stack by copying the rest of it (``argstack = argstack[:-n]``), so operands no operator takes (``0 0 0 …``, left on
the stack) made every later operator cost as many steps as they are — 240,000 zeros then 240,000 ``w`` (480,000
objects, under ``PAGE``; 1.3 KB of Flate) took 33 CPU s on one page, and a file of four such pages the worker's
120 s, with no finding. ``install`` takes them off in place (``_popped``), as many steps as the operator takes.

A report whose text is set glyph by glyph (each glyph its own ``BT … Tm … Tj ET``, as OCR text layers and some
exporters write: 9 to 14 objects a glyph, 36,000 on a page of 2,600) makes many more than one printed by a browser:
with a file's bound of 3,000,000 such a report of 115 pages was refused at page 83 though read whole in 27 CPU s.
``FILE`` admits 600,000 to 900,000 glyphs so set (``pdf_glyphs.FILE``: 1,000,000); ``q Q`` in 17 pages of 480,000
(21 KB) is refused as it reaches ``pdf_tokens.FILE``, after 36 CPU s.

>>> install(); PAGE < FILE
True
"""

from __future__ import annotations

from functools import cache

from .readers import BUDGET

# operators interpreted for one page, its forms included (an honest page: a few thousand)
PAGE = BUDGET.pdf_page_operators
# operators interpreted for one file (a browser's print of 30 pages: ≈ 200,000; 115 pages set glyph by glyph: 4.2 M)
FILE = BUDGET.pdf_file_operators


class OverBudget(Exception):
    """A page or the file makes the library interpret more operators than the bound (the reader makes it its own
    over_budget finding)."""


_count = [0, 0, 0]  # operators on the page being read, in the file, and the page's number (a worker reads one file)


def start_file() -> None:
    """Start counting for a new file."""
    _count[:] = [0, 0, 0]


def _counted(nextobject):
    def counted(self):
        found = nextobject(self)
        _count[0] += 1
        _count[1] += 1
        if _count[0] > PAGE:
            raise OverBudget(f"PDF 第{_count[2]}页的绘图指令超过上限 {PAGE} 条")
        if _count[1] > FILE:
            raise OverBudget(f"PDF 的绘图指令共超过上限 {FILE} 条（到第{_count[2]}页）")
        return found

    counted.__wrapped__ = nextobject
    return counted


def _page_started(process_page):
    def started(self, page):
        _count[0] = 0
        _count[2] = getattr(self.device, "pageno", 0)  # (pdfplumber's device is made for the page: its number)
        return process_page(self, page)

    started.__wrapped__ = process_page
    return started


def _popped(self, n: int) -> list:
    """The interpreter's ``pop``: its last ``n`` operands, taken off the stack in place (the library's copied the
    stack's rest, a step for each operand left on it).

    >>> class Interpreter:
    ...     argstack = [1, 2, 3]
    >>> machine = Interpreter(); kept = machine.argstack
    >>> _popped(machine, 2), _popped(machine, 0), machine.argstack, machine.argstack is kept
    ([2, 3], [], [1], True)
    """
    if n <= 0:
        return []
    taken = self.argstack[-n:]
    del self.argstack[-n:]
    return taken


@cache
def install() -> None:
    """Count what the library's content parser hands its interpreter, and let it take an operator's operands in
    steps as many as they (once a process)."""
    from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter

    PDFContentParser.nextobject = _counted(PDFContentParser.nextobject)
    PDFPageInterpreter.process_page = _page_started(PDFPageInterpreter.__dict__["process_page"])
    PDFPageInterpreter.pop = _popped
