"""A PDF's upright characters placed on their baselines, whatever each font says of its own height.

The PDF library puts a character's box at its baseline shifted by its font's descent, as the font's descriptor gives
it; the text is cut into lines by the tops of those boxes (three points apart at most). A line printed in two fonts
whose descriptors say different things comes out as two lines: a page printed by a browser (its Chinese font's
descent read as 0, its Latin font's as -0.216 em) or exported with a font missing its metrics put the digits of a
22-point title ``某某县卫生健康局2024年……报告`` five points off its Chinese characters, so ``2024`` became a line
of its own above the title: no agency and no year were read (``年`` was taken for the agency); a 16-point sentence
lost its ``8`` to a line of its own, and a label its ``1.``. Characters on one baseline stand on one line as
printed: on each baseline the characters of the line's size are set as most of them stand (``level``); a smaller
one (a superscript) is left where the library put it.
"""

from __future__ import annotations

from collections import Counter

UPRIGHT = 0.01  # a text matrix's b and c at most this share of its a and d: a character printed upright
LINE_SIZE = 0.9  # of the largest size on its baseline, the least a character of the line's text has (a superscript:
# Word's about 0.65 of its line's, reportlab's 0.8)


def level(chars: list[dict]) -> None:
    """Move the vertical box (``top``, ``bottom``, ``doctop``, ``y0``, ``y1``) of upright characters of ``chars``
    (pdfplumber's, in place) so that on each baseline (a text matrix's f) the characters of the line's size (at least
    ``LINE_SIZE`` of the largest there) stand as most of them do: the same share of their size above the baseline
    (the line's most common font's; its characters do not move). A smaller character (a superscript or subscript) is
    left as the library placed it: raised by a text rise (``Ts``, which the box holds and the matrix does not), a
    footnote mark ``¹`` beside ``3`` is a line of its own (the cell unreadable); moved onto the line it read ``31``.
    Characters turned, mirrored or slanted are left as placed too.

    >>> chinese = [{"matrix": (1, 0, 0, 1, x, 700), "size": 20, "top": 127.5, "bottom": 147.5, "doctop": 127.5,
    ...             "y0": 694.5, "y1": 714.5} for x in (10, 30)]
    >>> latin = {"matrix": (1, 0, 0, 1, 50, 700), "size": 20, "top": 122, "bottom": 142, "doctop": 122,
    ...          "y0": 700, "y1": 720}
    >>> mark = {"matrix": (1, 0, 0, 1, 70, 700), "size": 10, "top": 120, "bottom": 130, "doctop": 120,
    ...         "y0": 712, "y1": 722}
    >>> level([*chinese, latin, mark])
    >>> [(c["top"], c["bottom"], c["y1"]) for c in (chinese[0], latin, mark)]
    [(127.5, 147.5, 714.5), (127.5, 147.5, 714.5), (120, 130, 722)]
    """
    upright, largest = [], {}
    for char in chars:
        matrix, size = char.get("matrix"), char.get("size") or 0
        if not matrix or len(matrix) != 6 or size <= 0:
            continue
        a, b, c, d, _, f = matrix
        if a <= 0 or d <= 0 or abs(b) > UPRIGHT * a or abs(c) > UPRIGHT * d:
            continue
        line = round(f * 2)  # (a baseline, to half a point)
        upright.append((char, size, f, line))
        largest[line] = max(size, largest.get(line, 0))
    upright = [(char, size, f, line) for char, size, f, line in upright if size >= LINE_SIZE * largest[line]]
    shares: dict[int, Counter] = {}
    for char, size, f, line in upright:  # (of its size, how far each box reaches above its baseline)
        shares.setdefault(line, Counter())[round((char["y1"] - f) / size, 3)] += 1
    above = {line: counts.most_common(1)[0][0] for line, counts in shares.items()}
    for char, size, f, line in upright:
        shift = char["y1"] - (f + above[line] * size)  # (down the page, as ``top`` runs)
        if abs(shift) < 1e-9:
            continue
        char["top"] += shift
        char["bottom"] += shift
        char["doctop"] += shift
        char["y0"] -= shift
        char["y1"] -= shift
