"""A bound on the code mappings a PDF's fonts may define, counted as the PDF library makes them.

A font's ``/ToUnicode`` map (and a CID font's embedded ``/Encoding`` CMap) names ranges of codes: ``<0000> <FFFF>
<0041> beginbfrange`` … The library (``pdfminer.cmapdb.CMapParser``) makes one entry per code of a range, in Python,
about a microsecond each, whatever the range: forty ranges of 65,536 codes, in a PDF of 950 bytes, took 2.9 CPU s;
two thousand, a few KB compressed, the worker's whole 120 s; one range of four-byte codes, ``<00000000> <FFFFFFFF>``,
four billion entries (its memory before its time). An honest map names each of a font's glyphs once: a subset of a few
hundred, a whole CJK font at most 65,536 (a range in a ToUnicode map spans at most the 256 codes of its last byte).
``install`` counts the entries of the file being read (``start_file``) and stops at ``BUDGET_ENTRIES`` with
``OverBudget``: tens of fonts' full maps pass, at a few seconds' work at most.

>>> install(); start_file()
>>> from pdfminer.cmapdb import FileUnicodeMap
>>> unicode_map = FileUnicodeMap()
>>> unicode_map.add_cid2unichr(1, b"\\x4e\\x2d"); unicode_map.cid2unichr
{1: '中'}
"""

from __future__ import annotations

from functools import cache

BUDGET_ENTRIES = 4_000_000  # code mappings one file's fonts may define (a full CJK font's: 65,536)


class OverBudget(Exception):
    """The fonts of the file define more than ``BUDGET_ENTRIES`` mappings (the reader makes it its own OverBudget)."""


_count = [0]  # the entries of the file being read (a worker reads one file at a time)


def start_file() -> None:
    """Start counting for a new file."""
    _count[0] = 0


def _counted(add):
    def counted(self, cid, code) -> None:
        _count[0] += 1
        if _count[0] > BUDGET_ENTRIES:
            raise OverBudget(f"PDF 字体的编码映射超过上限 {BUDGET_ENTRIES} 项")
        add(self, cid, code)

    counted.__wrapped__ = add
    return counted


@cache
def install() -> None:
    """Count every entry the library's maps make (once a process): the base class's (a CMap of codes to CIDs
    makes its ranges' entries through it too, each a no-op) and the ToUnicode map's own."""
    from pdfminer.cmapdb import CMapBase, FileUnicodeMap

    for cls in (CMapBase, FileUnicodeMap):
        cls.add_cid2unichr = _counted(cls.__dict__["add_cid2unichr"])
