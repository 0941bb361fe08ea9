"""A PDF table's header words put over the columns of numbers they stand above, by where the glyphs are.

A table drawn without rules is only text lines in a PDF. A narrow header cell wraps its name (科研 over 机构, 尚未
over 审结), and a whole name beside it, one line high, is centred between the two halves on a line of its own: read
as lines, ``科研 社会公益`` / ``商业企业 其他`` / ``机构 组织`` say neither which half goes with which nor where
each column stands, and a table printing 科研机构 before 商业企业 was read in the template's order — each number
published under its neighbour's name, the row totals holding either way. The glyphs' places say it: each column of
numbers owns the band of the page up to halfway to the next column's numbers, and a word whose middle stands in a
band, no wider than the band, names that column (a wider word is a group's name over several, 法人或其他组织; a
middle, as numbers right-aligned under a centred name stand up to half a column off it).

``header_cells`` writes such a header's lines as cells of those bands — the label column's words, then a cell a
column, apart by tabs, a group's name in the band its left edge stands in — so that the parsers read each column's
words top to bottom as the names they make, and only where they make whole names (table 三
``table3_columns._joined_by_place``, table 四 ``table4_columns.names_in_place``, table 二
``table2_columns._joined_run``). Only when some column's words stand on two or more of the lines (a name wrapped: a
header whose names are whole is left as printed); a line with a digit (a note, a unit, a year), a word past the last
band, or two words in one band (letter-spaced text, or bands that do not fit the header) is left as printed, and so
is a line of the label column's words only, unless it stands between lines written. A line so written, its white
space removed, reads as printed: a reader of the compact text sees no change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_cells import Word

_DIGIT = re.compile(r"[0-9０-９]")
# a table's cell as a header's row prints it: a number (2019's table 二 signs a change 减2, 增3; an amount may carry its
# unit, 251000元) or a mark for none
CELL = re.compile(r"[增减+＋\-－]?[0-9０-９][0-9０-９.,．，]*(?:万?元)?|[-－—–/／]")


def row_cells(text: str, found: list[Word]) -> list[Word]:
    """The words that end a text line and read as cells (``CELL``), left to right; none unless they are also the
    last words of its ``text`` as written.

    >>> from xxgk.pdf_cells import Word
    >>> [w.text for w in row_cells("行政许可 340 12 减2", [Word(t, 0, 1) for t in ("行政许可", "340", "12", "减2")])]
    ['340', '12', '减2']
    """
    return trailing(text, found, CELL)


def trailing(text: str, found: list[Word], pattern: re.Pattern) -> list[Word]:
    """The words of ``found`` that end a text line and match ``pattern`` whole, left to right; none unless they are
    also the last words of the line's ``text`` as written (so the line can be rewritten without touching its label)."""
    out: list[Word] = []
    for word in reversed(found):
        if not pattern.fullmatch(word.text):
            break
        out.append(word)
    out.reverse()
    return out if out and [w.text for w in out] == text.split()[-len(out):] else []


def bands(columns: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """Each column's band (left, right): from halfway to the previous column's middle to halfway to the next's, the
    outer bands as wide on their outer side.

    >>> bands([(10, 20, 15), (40, 50, 45), (70, 80, 75)])
    [(0.0, 30.0), (30.0, 60.0), (60.0, 90.0)]
    """
    middles = [c[2] for c in columns]
    cuts = [(a + b) / 2 for a, b in zip(middles, middles[1:], strict=False)]
    first, last = middles[0] - (cuts[0] - middles[0]), middles[-1] + (middles[-1] - cuts[-1])
    edges = [first, *cuts, last]
    return list(zip(edges, edges[1:], strict=False))


def _place(word: Word, places: list[tuple[float, float]], middles: tuple[float, ...] = ()) -> tuple[int, bool] | None:
    """``(the cell a header word is written in, whether it names that column alone)``: cell 0 for a word whose middle
    stands left of the bands (the label column's), else the band its middle stands in (plus one) — alone when the
    word is no wider than a band, or stands over no other column's number (``middles``: the columns' middles) — a
    group's name over several columns, 法人或其他组织, stands over several and is no column's —, else written in the
    band its left edge stands in. A middle, not the word's whole extent, as numbers right-aligned under a centred
    name stand off its middle by up to half a column. None for a word standing past the last band. (Before, a name a
    little wider than its band — columns of unequal widths, names set close, 自然人 ending 2 points before 商业企业
    — was written in its left neighbour's cell, and the header named the columns in another order: all of table 三
    was missing, ``columns_order_unsure``.)

    >>> from xxgk.pdf_cells import Word
    >>> places = bands([(10, 20, 15), (40, 50, 45), (70, 80, 75)])
    >>> [_place(Word(text, x0, x1), places) for text, x0, x1 in [("科研", 33, 47), ("法人或其他组织", 10, 59),
    ...                                                          ("项目", -20, -6)]]
    [(2, True), (1, False), (0, False)]
    >>> _place(Word("商业企业", 28, 61), places), _place(Word("商业企业", 28, 61), places, (15, 45, 75))
    ((1, False), (2, True))
    """
    middle = (word.x0 + word.x1) / 2
    if middle < places[0][0]:
        return 0, False
    if middle > places[-1][1]:
        return None
    band = next(j for j, (_, right) in enumerate(places) if middle <= right)
    if word.x1 - word.x0 <= places[band][1] - places[band][0] or (middles and not any(
            word.x0 <= m <= word.x1 for j, m in enumerate(middles) if j != band)):
        return band + 1, True
    return 1 + next((j for j, (_, right) in enumerate(places) if word.x0 <= right), band), False


def _line_cells(found: list[Word], places: list[tuple[float, float]], middles: tuple[float, ...] = ()
                ) -> tuple[list[str], set[int]] | None:
    """A header line's cells by band (the label's first) and the bands holding a word that names its column alone;
    None when a word stands past the last band or two stand in one band (letter-spaced text, or bands that do not fit
    the header's words)."""
    cells = [""] * (len(places) + 1)
    alone: set[int] = set()
    for word in sorted(found, key=lambda w: w.x0):
        placed = _place(word, places, middles)
        if placed is None or (placed[0] and cells[placed[0]]):
            return None
        at, one = placed
        cells[at] = f"{cells[at]} {word.text}".strip()
        if one:
            alone.add(at - 1)
    return cells, alone


def header_cells(header: list[tuple[str, list[Word]]], columns: list[tuple[float, float, float]]
                 ) -> list[str] | None:
    """The texts of ``header``'s lines (text and words, top to bottom) written as cells of the bands of ``columns``
    (the columns of numbers below them, left to right), when some column's words stand on two or more of them; a line
    that is no line of header words (``_line_cells``) as printed. None when no column's words do.

    >>> from xxgk.pdf_cells import Word
    >>> w = lambda text, x0: Word(text, x0, x0 + 7 * len(text))
    >>> cols = [(x, x + 7, x + 3.5) for x in (100, 140, 180)]
    >>> header_cells([("科研 社会公益", [w("科研", 130), w("社会公益", 165)]),
    ...               ("项目 商业企业", [w("项目", 20), w("商业企业", 90)]),
    ...               ("机构 组织", [w("机构", 130), w("组织", 170)])], cols)
    ['\\t\\t科研\\t社会公益', '项目\\t商业企业\\t\\t', '\\t\\t机构\\t组织']
    >>> header_cells([("商业企业 科研机构", [w("商业企业", 90), w("科研机构", 130)])], cols) is None
    True
    """
    if len(columns) < 2:
        return None
    places, middles = bands(columns), tuple(c[2] for c in columns)
    written: list[tuple[list[str], set[int]] | None] = [
        None if _DIGIT.search(text) else _line_cells(found, places, middles) for text, found in header]
    stacked = [j for j in range(len(places)) if sum(1 for line in written if line and j in line[1]) > 1]
    if not stacked:
        return None
    banded = [k for k, line in enumerate(written) if line and any(line[0][1:])]
    # (a line of the label column's words only is written too between lines of band words: 信息内容, centred in its
    # cell, between a wrapped name's halves; above or below them it is no part of the header's row of names)
    return ["\t".join(line[0]) if line and banded[0] <= k <= banded[-1] else text
            for k, ((text, _), line) in enumerate(zip(header, written, strict=True))]
