"""An OFD file (GB/T 33190, the national fixed-layout format: a zip of XML pages, as agencies' document systems
export them) as text the parser reads. ``ofdkit`` reads the package: each page's text runs where they are drawn
(templates and composite objects included, a TextObject's CTM applied; DTDs refused).

A file that draws a table's rules (straight segments of its path objects forming a grid on some page,
``ofd_rules.draws_a_grid``: a converted Word report's ruled tables; a 公文's red line under its header is none) is
read as the PDF of the same pages (``ofd_pdf``): text and rules where the OFD draws them, read by the PDF
reader — its tables from their rules, labels wrapped beside numbers centred in their rows, headers over three rows
(session 53: laid into lines by their gaps, such a table lost 151 of table 三's 175 cells). A file that draws none
is laid into lines here:

- a page's runs are grouped into lines by baseline (within half the smaller font size), each line left to right;
- between two runs of a line, a gap wider than ``CELL_GAP`` font sizes is a table cell's edge (a tab, as the PDF
  and Word readers give a table's cells), a narrower one wider than ``WORD_GAP`` a space when either side is no
  Chinese character (``2024 年`` stays apart, ``信 息`` printed letter-spaced is one word);
- a run drawn twice at the same place (a producer's fake bold) is one, a run drawn off the page none;
- pages follow each other, a blank line between them.

Bounded before any XML is parsed, as a .docx is: the members' count and declared sizes (``Budget.unzipped_bytes``,
``zip_members``), the entries as written against the listing, every part's tags (``docx_tags``); then the pages
(``pdf_pages``) and the characters (``chars``); a file read as a PDF, before the PDF is made, to the PDF reader's
glyphs (``pdf_page_glyphs``, ``pdf_file_glyphs``) and drawing objects a page (``pdf_objects``) and to
``ofd_rules.MAX_SEGMENTS`` segments, then to every PDF budget as it is read. ``ofdkit``'s own limits (a part's size,
the entries) are over budget too; a file it cannot read as OFD (no document, a part missing, XML it cannot repair) is
unreadable.
"""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

from .ofd_pdf import pages_to_pdf
from .ofd_rules import MAX_SEGMENTS, draws_a_grid, segments

# a gap between two runs of one line wider than this many font sizes is a cell's edge: a table's cells stand at
# least a character's width apart, a sentence's runs (a producer may write a run a character) touch
CELL_GAP = 1.5
# a gap wider than this many font sizes between two runs (not Chinese characters both) is a space
WORD_GAP = 0.25
# runs whose baselines differ by less than this share of the smaller font size are one line
SAME_LINE = 0.5
# smallest font size the tolerances use (a run of size 0: a producer's omission)
MIN_SIZE = 1.0
MARGIN = 5.0  # mm beyond a page's box a run may begin and still be read (a producer's rounding); farther, unseen
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def ofd_to_text(data: bytes) -> str:
    """The text of the OFD file ``data``, line by line as drawn (see the module's docstring). Raises the
    reader's ``OverBudget`` past a budget and ``BrokenFile`` for a file ``ofdkit`` cannot read as OFD."""
    import ofdkit

    from .readers import (
        BUDGET,
        BrokenFile,
        OverBudget,
        check_xml_parts,
        check_zip_entries,
        check_zip_listing,
        check_zip_sizes,
        pdf_to_text,
    )

    with zipfile.ZipFile(io.BytesIO(check_zip_listing(data))) as archive:
        check_zip_sizes(archive, "OFD")
        check_zip_entries(archive, data, "OFD")
        check_xml_parts(archive, "OFD")
        if any(_DTD.search(archive.read(member)) for member in archive.infolist()
               if member.filename.lower().endswith(".xml")):  # (ofdkit refuses them too, as a limit)
            raise BrokenFile("OFD 的 XML 中有 DTD 或实体声明（OFD 不用，阅读软件也不打开这样的文件）")
    try:
        with ofdkit.open(data) as document, zipfile.ZipFile(io.BytesIO(data)) as archive:
            if len(document.pages) > BUDGET.pdf_pages:
                raise OverBudget(f"OFD 有 {len(document.pages)} 页，超过上限 {BUDGET.pdf_pages} 页")
            pages, chars, ruled = [], 0, 0
            for page in document.pages:
                x, y, width, height = page.box
                runs = [_moved(run, x, y) for run in page.runs  # (text drawn off the page is no reader's)
                        if x - MARGIN <= run.x <= x + width + MARGIN and y - MARGIN <= run.y <= y + height + MARGIN]
                chars += sum(len(run.text) for run in runs)
                if chars > BUDGET.chars:
                    raise OverBudget(f"文字超过 {BUDGET.chars} 个字符")
                room = min(BUDGET.pdf_objects, MAX_SEGMENTS - ruled)  # (a PDF page's drawing budget; the file's)
                drawn = segments(ET.fromstring(archive.read(page.location)), room) if page.location else []
                if len(drawn) > room:
                    raise OverBudget(f"OFD 第 {len(pages) + 1} 页画的线段超过上限（每页 {BUDGET.pdf_objects} 条，"
                                     f"全文 {MAX_SEGMENTS} 条）")
                ruled += len(drawn)
                pages.append((width, height, runs, [(x0 - x, y0 - y, x1 - x, y1 - y) for x0, y0, x1, y1 in drawn]))
    except ofdkit.OFDLimitError as error:
        raise OverBudget(f"OFD：{error}") from None
    except ofdkit.OFDError as error:
        raise BrokenFile(f"OFD 文件无法读取：{error}") from None
    if not any(draws_a_grid(drawn) for _, _, _, drawn in pages):  # (no table's rules: its lines by their gaps)
        return "\n\n".join(text for text in ("\n".join(runs_to_lines(runs)) for _, _, runs, _ in pages) if text)
    glyphs = [sum(len(run.text) for run in runs) for _, _, runs, _ in pages]  # (the PDF reader's bounds, before
    if max(glyphs) > BUDGET.pdf_page_glyphs or sum(glyphs) > BUDGET.pdf_file_glyphs:  # a PDF is made of them)
        raise OverBudget(f"OFD 的字符超过 PDF 的上限（每页 {BUDGET.pdf_page_glyphs} 个，"
                         f"全文 {BUDGET.pdf_file_glyphs} 个）")
    try:
        drawn_pdf = pages_to_pdf(pages)
    except ValueError as error:
        raise OverBudget(f"OFD 用字过多：{error}") from None
    return pdf_to_text(drawn_pdf)


def _moved(run, x: float, y: float):
    """``run`` placed from the page box's corner (``ofdkit`` gives it in the box's own space)."""
    return run if not (x or y) else replace(run, x=run.x - x, y=run.y - y)


def runs_to_lines(runs) -> list[str]:
    """The lines of one page's ``runs`` (objects with ``text``, ``x``, ``y`` — the baseline, downwards —, ``size``
    and ``width``, in one unit), top to bottom, each left to right with tabs and spaces from the gaps.

    >>> from types import SimpleNamespace as Run
    >>> runs_to_lines([Run(text="12", x=60, y=20, size=4, width=4), Run(text="一、本年新收", x=10, y=20.5, size=4,
    ...                width=24), Run(text="总体情况", x=10, y=10, size=4, width=16), Run(text="总体情况", x=10, y=10,
    ...                size=4, width=16)])
    ['总体情况', '一、本年新收\\t12']
    """
    kept: dict[tuple, object] = {}
    for run in runs:
        if run.text.strip():
            kept.setdefault((run.text, round(run.x, 1), round(run.y, 1)), run)
    lines: list[list] = []
    for run in sorted(kept.values(), key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) <= SAME_LINE * max(min(run.size, lines[-1][0].size), MIN_SIZE):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [_joined(sorted(line, key=lambda r: r.x)) for line in lines]


def _joined(line: list) -> str:
    parts = [line[0].text]
    for previous, run in zip(line, line[1:], strict=False):
        gap = run.x - (previous.x + previous.width)
        size = max(min(previous.size, run.size), MIN_SIZE)
        if gap > CELL_GAP * size:
            parts.append("\t")
        elif gap > WORD_GAP * size and not (_chinese(previous.text[-1]) and _chinese(run.text[0])):
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts).strip()


def _chinese(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
