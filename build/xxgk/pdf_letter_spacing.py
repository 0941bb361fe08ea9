"""A ruled PDF cell whose text is letter-spaced (each character its own word) read as the text it prints.

Word's character spacing (字符间距 加宽 3 磅), distributed alignment (分散对齐) and a web page's CSS
``letter-spacing`` printed by a browser set a cell's characters apart, each gap wider than a word's: the table finder
wrote ``1 0 7 5`` and the cell was missing (``value_unreadable``), and a header ``法 人 或 其 他 组 织`` was read
as naming the column 其他 (table 三's five organisations then read in the wrong columns — a number published in
another column). The gaps between letter-spaced glyphs are all the same (the spacing the run was set with); two
numbers typed in one cell are set apart by a space (a space character) or by a gap unlike those inside each number.
So a cell's characters are joined only where every gap between two characters of a word (words split at space
characters, lines by their tops) is the same within ``SAME_GAP`` points, all in one size, and no word of digits
alone has fewer than ``MIN_DIGITS`` (with one gap, ``1 6``, nothing says 16 from 1 and 6: that cell stays missing).
Cells with fewer than ``MIN_SPREAD`` characters standing alone are not looked at.

Digits each in a column of their own are not letter-spaced, though their gaps are as alike: a row whose inner rules
are not drawn (the finder makes one cell of ``6 1 0 0 1 0 8`` across seven value columns, the figures centred in
columns of one width) was published 6100108. So digits are joined only where no other row's cell edge stands in a
gap between two of them (``edges``: the columns the table rules) and no gap is wider than ``MAX_GAP`` times the
characters' size (a table ruled without inner columns at all: Word's widest 加宽, CSS ``letter-spacing`` and
distributed alignment of a number in its cell leave gaps of about an em; digits centred in columns some four).
"""

from __future__ import annotations

import re
from bisect import bisect_right

DIGIT = re.compile(r"[0-9０-９]")
MIN_DIGITS = 3
MIN_SPREAD = 3
SAME_GAP = 0.3  # points: the largest difference between two gaps of one letter-spaced number (rounding in exports)
LINE = 1.0  # points: how far apart the tops of one line's digits may be
MAX_GAP = 2.0  # ems (the characters' size): the widest gap between two letter-spaced digits


def spaced_text(chars: list[dict], edges: tuple[float, ...] = ()) -> str | None:
    """The text ``chars`` (pdfplumber's, one cell's) print letter-spaced, its words apart with a space and its lines
    joined with one (as the table finder's text of a cell is joined), or None when they are not letter-spaced —
    also when two digits stand apart by more than ``MAX_GAP`` ems or with one of ``edges`` (x of the table's column
    rules) between them: numbers in columns of their own.

    >>> def spaced(text, x0=10.0, gap=3.0, width=3.5, top=5.0):
    ...     return [{"text": t, "x0": x0 + k * (width + gap), "x1": x0 + k * (width + gap) + width, "top": top,
    ...              "size": 7} for k, t in enumerate(text)]
    >>> spaced_text(spaced("1075")), spaced_text(spaced("16")), spaced_text(spaced("107") + spaced("5", 40))
    ('1075', None, None)
    >>> spaced_text(spaced("法人或其他组织"))
    '法人或其他组织'
    >>> spaced_text(spaced("（三） 1.属于", gap=4) + spaced("国家", top=15, gap=4))
    '（三） 1.属于 国家'

    >>> spaced_text(spaced("予以公开", gap=0.0))  # (not letter-spaced: read as the table finder wrote it)
    >>> spaced_text(spaced("6100108", gap=38.5)), spaced_text(spaced("6100108", gap=9.0), edges=(15.0, 100.0))
    (None, None)
    >>> spaced_text(spaced("6100108", gap=9.0), edges=(100.0,))
    '6100108'
    """
    if not chars or any(c.get("size") != chars[0].get("size") for c in chars):
        return None
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["top"]):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    texts, gaps = [], []
    for line in lines:
        words: list[list[dict]] = [[]]
        for char in sorted(line, key=lambda c: c["x0"]):
            if char["text"].isspace():
                words.append([])
            else:
                words[-1].append(char)
        for word in (w for w in words if w):
            text = "".join(c["text"] for c in word)
            if len(word) > 1 and len(word) < MIN_DIGITS and all(DIGIT.fullmatch(c["text"]) for c in word):
                return None
            gaps += [b["x0"] - a["x1"] for a, b in zip(word, word[1:], strict=False)]
            if any(DIGIT.fullmatch(a["text"]) and DIGIT.fullmatch(b["text"]) and (
                    b["x0"] - a["x1"] > MAX_GAP * (a.get("size") or 0) or any(a["x1"] < x < b["x0"] for x in edges))
                   for a, b in zip(word, word[1:], strict=False)):
                return None  # (digits in columns of their own: numbers, each in its column, never one number)
            texts.append(text)
    if not gaps or min(gaps) <= 0 or max(gaps) - min(gaps) > SAME_GAP:
        return None
    return " ".join(texts)


def looks_spread(text: str) -> bool:
    """Whether a cell's text (as the table finder wrote it) has at least ``MIN_SPREAD`` characters standing alone
    between spaces, as a letter-spaced cell's has.

    >>> looks_spread("1 0 7 5"), looks_spread("法 人 或"), looks_spread("1 6"), looks_spread("10 200 3")
    (True, True, False, False)
    """
    return sum(1 for word in text.split() if len(word) == 1) >= MIN_SPREAD


def cell_chars(chars: list[dict], boxes: list[tuple[float, float, float, float]]) -> list[list[dict]]:
    """The characters of ``chars`` whose middles stand in each of ``boxes`` (x0, top, x1, bottom), box by box: the
    characters sorted by their middles' height once, each box taking those of its height (its row's), then its width."""
    places = sorted(((c["top"] + c["bottom"]) / 2, k) for k, c in enumerate(chars))
    heights = [h for h, _ in places]
    out = []
    for x0, top, x1, bottom in boxes:
        row = places[bisect_right(heights, top):bisect_right(heights, bottom)]
        out.append([chars[k] for _, k in row if x0 <= (chars[k]["x0"] + chars[k]["x1"]) / 2 <= x1])
    return out
