"""A bound on the objects the PDF library's parsers put on their stacks: in one array, dictionary or run of
operands, and in a file.

The library parses an object whole before anything looks at it, one Python object per number or name. A font whose
``/Widths`` array held 1,000,000 zeros, in a 2.6 KB file (Flate, inside a compressed object stream, where no check
of the bytes sees it), took 5 CPU s and 100 MB to read — and was read, with no finding; ten million (a 20 KB file,
within the 64 MB the object streams may inflate to) are 50 s and a GB. An honest PDF's longest array is a page list
(at most ``BUDGET.pdf_pages``) or a CID font's widths (a few tens of thousands for a full CJK font); a whole report
of tens of pages puts 30,000 to 90,000 objects on the parsers' stacks (a browser's print: about 14,000 a page).

``install`` counts every object the library's stack parsers push (each number, name, string; an array or a
dictionary once more when it is complete: objects of the file, of its object streams, content streams' operands,
character maps) and stops with ``OverBudget`` when one array, dictionary or operand run holds more than ``STACK``
(a second of the library's work), or the file being read (``start_file``) more than ``FILE``.

>>> install(); start_file()
>>> import io
>>> from pdfminer.psparser import PSStackParser
>>> parser = PSStackParser(io.BytesIO(b""))
>>> parser.push((0, 1), (2, 2)); parser.push((4, 3)); _count[0]
3
"""

from __future__ import annotations

from functools import cache

from .readers import BUDGET

# objects in one array, dictionary or operand run (an honest PDF's longest: tens of thousands)
STACK = BUDGET.pdf_array_objects
# objects the parsers push for one file (a browser's print of tens of pages: under 100,000; set glyph by glyph, as
# ``pdf_operators`` says, millions)
FILE = BUDGET.pdf_file_objects


class OverBudget(Exception):
    """An array or the file holds more objects than the bound (the reader makes it its own over_budget finding)."""


_count = [0]  # the objects pushed for the file being read (a worker reads one file at a time)


def start_file() -> None:
    """Start counting for a new file."""
    _count[0] = 0


def _counted(push):
    def counted(self, *objs) -> None:
        _count[0] += len(objs)
        if len(self.curstack) >= STACK:
            raise OverBudget(f"PDF 的一个数组或字典超过 {STACK} 项")
        if _count[0] > FILE:
            raise OverBudget(f"PDF 的对象（数值、名称、字符串等）超过上限 {FILE} 个")
        push(self, *objs)

    counted.__wrapped__ = push
    return counted


@cache
def install() -> None:
    """Count what the library's stack parsers push (once a process; every such parser inherits ``push``)."""
    from pdfminer.psparser import PSStackParser

    PSStackParser.push = _counted(PSStackParser.__dict__["push"])
