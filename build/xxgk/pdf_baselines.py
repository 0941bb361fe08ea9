"""A PDF's upright characters placed on their baselines, whatever each font says of its own height.

The PDF library puts a character's box at its baseline shifted by its font's descent, as the font's descriptor gives
it; the text is cut into lines by the tops of those boxes (three points apart at most). A line printed in two fonts
whose descriptors say different things comes out as two lines: a page printed by a browser (its Chinese font's
descent read as 0, its Latin font's as -0.216 em) or exported with a font missing its metrics put the digits of a
22-point title ``某某县卫生健康局2024年……报告`` five points off its Chinese characters, so ``2024`` became a line
of its own above the title: no agency and no year were read (``年`` was taken for the agency); a 16-point sentence
lost its ``8`` to a line of its own, and a label its ``1.``. Characters on one baseline stand on one line as
printed: each upright character's box is set at ``ASCENT`` of its size above its baseline (``level``), the same for
every font.
"""

from __future__ import annotations

ASCENT = 0.8  # share of a character's size its box stands above its baseline (the rest, below: its descent)
UPRIGHT = 0.01  # a text matrix's b and c at most this share of its a and d: a character printed upright


def level(chars: list[dict]) -> None:
    """Set the vertical box (``top``, ``bottom``, ``doctop``, ``y0``, ``y1``) of each upright character of ``chars``
    (pdfplumber's, in place) at its baseline (its text matrix's f), ``ASCENT`` of its size above it; characters
    turned, mirrored or slanted are left as the library placed them.

    >>> latin = {"matrix": (1, 0, 0, 1, 50, 700), "size": 20, "top": 122, "bottom": 142, "doctop": 122,
    ...          "y0": 700, "y1": 720}
    >>> chinese = {"matrix": (1, 0, 0, 1, 10, 700), "size": 20, "top": 127.5, "bottom": 147.5, "doctop": 127.5,
    ...            "y0": 694.5, "y1": 714.5}
    >>> level([latin, chinese])
    >>> [(c["top"], c["bottom"], c["y1"]) for c in (latin, chinese)]
    [(126.0, 146.0, 716.0), (126.0, 146.0, 716.0)]
    """
    for char in chars:
        matrix, size = char.get("matrix"), char.get("size") or 0
        if not matrix or len(matrix) != 6 or size <= 0:
            continue
        a, b, c, d, _, f = matrix
        if a <= 0 or d <= 0 or abs(b) > UPRIGHT * a or abs(c) > UPRIGHT * d:
            continue
        baseline = char["top"] + char["y1"] - f  # (from the top of the page, as ``top`` is)
        shift = baseline - ASCENT * size - char["top"]
        char["top"] += shift
        char["bottom"] += shift
        char["doctop"] += shift
        char["y0"] -= shift
        char["y1"] -= shift
