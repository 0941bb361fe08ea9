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
# a box whose children are laid out side by side, whatever they are: a flex row, a grid, a table row
ROW_STYLE = re.compile(r"(?:^|;)\s*display\s*:\s*(?P<row>inline-flex|flex|inline-grid|grid|table-row)\b",
                       re.IGNORECASE)
# declarations that make a flex box a column, or let it wrap its boxes onto lines whose length is not known
NOT_A_ROW = re.compile(r"(?:^|;)\s*flex-(?:direction\s*:\s*column|wrap\s*:\s*wrap)", re.IGNORECASE)
GRID_COLUMNS = re.compile(r"(?:^|;)\s*grid-template-columns\s*:\s*(?P<tracks>[^;]*)", re.IGNORECASE)
# one track of a list: repeat(n, tracks) (one level of brackets inside), a line name, a function, a size. Linear in
# the list (hostile round of session 40): a token starts after the last one, never inside a run of blanks (each of
# whose positions was tried again to the run's end: a list of `a`, 64,000 blanks and `(`, one style attribute, took
# 100 s), and a line name holds no [ (CSS's <custom-ident>: with [^\]]*, 64,000 [ were each scanned to the end)
_TRACK = re.compile(r"(?<!\s)\s*+(?:repeat\(\s*(?P<repeat>[\w-]{1,12})\s*,(?P<inner>(?:[^()]|\([^()]*\))*)\)"
                    r"|(?P<name>\[[^\[\]]*\])|[\w-]+\((?:[^()]|\([^()]*\))*\)|[^\s()\[\]]+)", re.IGNORECASE)
MAX_GRID_COLUMNS = 64  # a report's widest table, 四, has 16
# markup a cell may hold: what web editors put inside a table cell's text (a line break is two lines of the cell)
INLINE = frozenset({"span", "font", "b", "strong", "i", "em", "a", "u", "sup", "sub", "small", "big", "label", "code",
                    "br", "ins", "mark", "s", "strike", "del"})
MAX_CELL_CHARS = 200  # a report table's longest label (table 三's 申请人逾期未按收费通知…) is some 40
VALUE = re.compile(r"\s*[0-9０-９][0-9０-９,，.．]*\s*")
WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a box of words: a label or a header, never a row's value
MIN_WORD_CELLS = 3  # boxes of a flex or grid row with no number: a table's header row (自然人 | 法人或其他组织 | 总计)


def _last(pattern: re.Pattern, style: str):
    """The last match of ``pattern`` in a ``style`` (a later declaration wins, as in a browser), or None."""
    found = None
    for found in pattern.finditer(style):  # noqa: B007 (the loop keeps the last)
        pass
    return found


def grid_columns(style: str) -> int | None:
    """How many columns a grid's ``grid-template-columns`` lays out, when it says: its tracks apart by spaces (a
    function such as ``minmax(4em, 1fr)`` one track, ``repeat(7, 4em)`` seven, a line name ``[label]`` none); None
    when it does not (no template: one column; ``repeat(auto-fill, …)``: as many as fit, which is not known).

    >>> grid_columns("display:grid;grid-template-columns:repeat(8, 1fr)"), grid_columns("grid-template-columns: "
    ...     "[label] 12em minmax(3em, 1fr) repeat(2, 1fr 2fr)"), grid_columns("display:grid"), grid_columns(
    ...     "grid-template-columns: repeat(auto-fill, 5em)")
    (8, 6, None, None)
    """
    match = _last(GRID_COLUMNS, style)
    return _tracks(match["tracks"]) if match is not None else None


def _tracks(text: str, depth: int = 0) -> int | None:
    """The tracks a track list counts (``grid_columns``), or None."""
    count, at = 0, 0
    for token in _TRACK.finditer(text):
        if text[at:token.start()].strip():
            return None
        at = token.end()
        if token["repeat"] is not None:
            inner = _tracks(token["inner"], depth + 1) if depth < 2 else None
            if not token["repeat"].isdigit() or inner is None:
                return None
            count += int(token["repeat"]) * inner
        elif token["name"] is None:
            count += 1
    if text[at:].strip() or count > MAX_GRID_COLUMNS:
        return None
    return count or None


def css_cells(element) -> list | None:
    """The children of ``element`` (lxml's) that are one row's cells laid out by CSS, or None when it is no such
    row (``css_rows`` of a row whose boxes make one row).

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
    rows = css_rows(element)
    return rows[0] if rows is not None and len(rows) == 1 else None


def css_rows(element) -> list[list] | None:
    """The rows of cells (lxml elements) that ``element``'s children are, laid out by CSS, or None when they are no
    table's: each child a box of ``CELL_STYLE``, or ``element`` itself a row of ``ROW_STYLE`` (a flex box not
    turned into a column nor wrapping, ``NOT_A_ROW``; a table row; a grid of ``grid_columns`` columns, its children
    that many a row). A flex or grid row of no number must have ``MIN_WORD_CELLS`` boxes.

    >>> import lxml.html
    >>> grid = lxml.html.fromstring('<div style="display:grid;grid-template-columns:repeat(3,1fr)"><div>予以公开</div>'
    ...                             '<div>3</div><div></div><div>部分公开</div><div>1</div><div>0</div></div>')
    >>> [[cell.text for cell in row] for row in css_rows(grid)]
    [['予以公开', '3', None], ['部分公开', '1', '0']]
    >>> flex = '<div style="display:flex;{}"><div>予以公开</div><div>3</div></div>'
    >>> [cell.text for cell in css_rows(lxml.html.fromstring(flex.format("")))[0]]
    ['予以公开', '3']
    >>> css_rows(lxml.html.fromstring(flex.format("flex-direction:column"))), css_rows(lxml.html.fromstring(
    ...     '<div style="display:flex"><span>首页</span><span>信息公开</span></div>'))
    (None, None)
    """
    cells = list(element)
    if len(cells) < 2 or (element.text or "").strip():
        return None
    own = element.get("style") or ""
    row = _last(ROW_STYLE, own)
    kind = row["row"].lower() if row is not None else None
    if kind in ("flex", "inline-flex") and NOT_A_ROW.search(own):
        return None
    width = len(cells)
    if kind in ("grid", "inline-grid"):
        columns = grid_columns(own)
        if columns is None or columns < 2:
            return None
        width = columns
    boxed = kind is not None
    for cell in cells:
        if not isinstance(cell.tag, str) or (cell.tail or "").strip():
            return None
        if kind is None:
            match = CELL_STYLE.search(cell.get("style") or "")
            if match is None:
                return None
            boxed |= match.group("box") is not None
    for cell in cells:
        if any(not isinstance(inner.tag, str) or inner.tag not in INLINE for inner in cell.iterdescendants()):
            return None
        if len(cell.text_content()) > MAX_CELL_CHARS:
            return None
    numbered = any(VALUE.fullmatch(cell.text_content()) for cell in cells)
    if not boxed and not numbered:
        return None
    if kind not in (None, "table-row") and not numbered and min(width, len(cells)) < MIN_WORD_CELLS:
        return None
    rows = [cells[start:start + width] for start in range(0, len(cells), width)]
    return None if any(_wrapped(row) for row in rows) else rows


def _wrapped(row: list) -> bool:
    """Whether a box of words follows a box holding a number in ``row``: the next row's label, boxes wrapped into
    rows by their widths (a table 三 of one ``<div>`` of boxes), not one row."""
    numbers = False
    for cell in row:
        text = cell.text_content()
        if VALUE.fullmatch(text):
            numbers = True
        elif numbers and WORDS.search(text):
            return True
    return False
