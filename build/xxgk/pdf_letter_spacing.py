"""A ruled PDF cell whose number is letter-spaced (each digit its own word) read as the one number it prints.

Word's character spacing (字符间距 加宽 3 磅) and distributed alignment (分散对齐) set a cell's digits apart, each
gap wider than a word's: the table finder wrote ``1 0 7 5`` and the cell was missing (``value_unreadable``). The
gaps between letter-spaced glyphs are all the same (the spacing the font's run was set with); two numbers typed in
one cell are set apart by a space (a space character) or by a gap unlike those inside each number. So a cell is
read as one number only when it holds digits alone, at least ``MIN_DIGITS`` of them (with one gap, ``1 6``, nothing
says 16 from 1 and 6: that cell stays missing), on one line, in one font and size, no space character among them,
and every gap between two digits is the same within ``SAME_GAP`` points.
"""

from __future__ import annotations

import re
from bisect import bisect_right

SPREAD = re.compile(r"[0-9０-９](?: [0-9０-９])+")  # the table finder's text of a cell of spread digits
DIGIT = re.compile(r"[0-9０-９]")
MIN_DIGITS = 3
SAME_GAP = 0.3  # points: the largest difference between two gaps of one letter-spaced number (rounding in exports)
LINE = 1.0  # points: how far apart the tops of one line's digits may be


def spaced_number(chars: list[dict]) -> str | None:
    """The number ``chars`` (pdfplumber's, one cell's) print letter-spaced, or None when they are anything else.

    >>> def digits(text, x0=10.0, gap=3.0, width=3.5):
    ...     return [{"text": t, "x0": x0 + k * (width + gap), "x1": x0 + k * (width + gap) + width, "top": 5.0,
    ...              "fontname": "F", "size": 7} for k, t in enumerate(text)]
    >>> spaced_number(digits("1075")), spaced_number(digits("16")), spaced_number(digits("107") + digits("5", 40))
    ('1075', None, None)
    """
    ordered = sorted(chars, key=lambda c: c["x0"])
    if len(ordered) < MIN_DIGITS or not all(DIGIT.fullmatch(c["text"]) for c in ordered):
        return None  # (each character one digit: no space, no mark, no other text)
    first = ordered[0]
    if any(abs(c["top"] - first["top"]) > LINE or c.get("fontname") != first.get("fontname")
           or c.get("size") != first.get("size") for c in ordered):
        return None
    gaps = [b["x0"] - a["x1"] for a, b in zip(ordered, ordered[1:], strict=False)]
    if min(gaps) <= 0 or max(gaps) - min(gaps) > SAME_GAP:
        return None
    return "".join(c["text"] for c in ordered)


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
