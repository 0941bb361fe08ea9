"""A web page's row of cells laid out with CSS instead of a table, read as a row of cells.

Pages edited in a CMS's web editor, or generated from a form, lay a table out without ``<table>``: a ``<div>`` (or
``<p>``) per row holding ``<span style="display:inline-block;width:80px">`` cells, or ``<div style="float:left">``
cells. A browser shows each cell in its box, apart; read as text, inline boxes ran together
(``一、本年新收政府信息公开申请数量161001018``: the parser had to guess where one number ends, and a row with a
blank cell could not be read at all) and floated ones each made a line (a blank cell no line: the row's later
numbers moved left). Such a row is read as tab-separated cells, as a ``<tr>``'s are (``css_cells``).

Only where the structure says so: at least two children, all of them boxes of ``CELL_STYLE`` (``display:
inline-block`` or ``table-cell``, ``float``), nothing but white space between them, each holding only inline
markup (``INLINE``: a box holding paragraphs, lists or tables is a layout column — a navigation beside the article —
and is read as before) and at most ``MAX_CELL_CHARS`` characters. A row of floated boxes is a row only when one of
its boxes holds a number (``VALUE``): two floated boxes of words (a page's 发布日期 and 来源) stay two lines. And
only where the boxes read as one row: a box of words (``WORDS``) after a box of a number is the next row's label —
a whole table laid out as one ``<div>`` of boxes that wrap by their widths (``width:12.5%``, a grid of eight a
row) was written as one row of 200 cells, and every row of table 三 was lost (``row_absent``); it is read as
before (the boxes' texts run together, or a line each), as it was read whole before such rows were.
"""

from __future__ import annotations

import re

CELL_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*(?P<box>inline-block|table-cell)|float\s*:\s*(?:left|right))\b",
                        re.IGNORECASE)
# markup a cell may hold: what web editors put inside a table cell's text (a line break is two lines of the cell)
INLINE = frozenset({"span", "font", "b", "strong", "i", "em", "a", "u", "sup", "sub", "small", "big", "label", "code",
                    "br", "ins", "mark", "s", "strike", "del"})
MAX_CELL_CHARS = 200  # a report table's longest label (table 三's 申请人逾期未按收费通知…) is some 40
VALUE = re.compile(r"\s*[0-9０-９][0-9０-９,，.．]*\s*")
WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a box of words: a label or a header, never a row's value


def css_cells(element) -> list | None:
    """The children of ``element`` (lxml's) that are one row's cells laid out by CSS, or None when it is no such
    row.

    >>> import lxml.html
    >>> row = lxml.html.fromstring('<div><span style="display:inline-block;width:9em">予以公开</span> '
    ...                            '<span style="display: inline-block">3</span></div>')
    >>> [cell.text for cell in css_cells(row)]
    ['予以公开', '3']
    >>> css_cells(lxml.html.fromstring('<div><b style="float:left">发布日期</b><b style="float:left">来源</b></div>'))
    >>> css_cells(lxml.html.fromstring('<div><b style="float:left"><p>3</p></b><b style="float:left">4</b></div>'))
    >>> grid = ''.join(f'<span style="display:inline-block">{t}</span>' for t in ("予以公开", "3", "部分公开", "1"))
    >>> css_cells(lxml.html.fromstring(f'<div>{grid}</div>'))  # (two rows wrapped in one box: not one row)
    """
    cells = list(element)
    if len(cells) < 2 or (element.text or "").strip():
        return None
    boxed = False
    for cell in cells:
        style = cell.get("style") if isinstance(cell.tag, str) else None
        match = CELL_STYLE.search(style or "")
        if match is None or (cell.tail or "").strip():
            return None
        boxed |= match.group("box") is not None
    for cell in cells:
        if any(not isinstance(inner.tag, str) or inner.tag not in INLINE for inner in cell.iterdescendants()):
            return None
        if len(cell.text_content()) > MAX_CELL_CHARS:
            return None
    if not boxed and not any(VALUE.fullmatch(cell.text_content()) for cell in cells):
        return None
    numbers = False
    for cell in cells:
        text = cell.text_content()
        if VALUE.fullmatch(text):
            numbers = True
        elif numbers and WORDS.search(text):
            return None  # (the next row's label: boxes wrapped into rows by their widths, not one row)
    return cells
