"""PDF characters hidden under a box painted over them, left out of the text layer.

A number corrected by hand in a PDF editor is often not removed: a filled box in the paper's colour is painted over
the old number and the new one is written on it (a "白框" correction), or a black box is painted over what is
redacted. The page shows the new number (or the box) only, but the text layer still holds the old characters: a
cell printed ``9`` over a hidden ``6`` was read ``69`` and published so. A character is left out when a filled
rectangle painted **after** it (later in the page's drawing order, the order pdfminer lays the page out in) covers
it, across the whole of its width and over the core of its height (``CORE``: a box drawn tight around the digits
need not reach the font's ascent and descent).

Only boxes of white or black count (``_covering``): those are what corrections and redactions are drawn in. A box
of another colour painted over text is most likely a highlight drawn with transparency (pdfminer does not say what
is transparent), and the text under it is shown: it is read as before. A box painted before a character (a table's
shading, a page's background) never hides it. An image painted over text is not taken as covering it (a seal's
picture is stamped over the signature and date, and shows them through its transparent parts).
"""

from __future__ import annotations

from collections import defaultdict

CORE = 0.25  # the share of a character's height, top and bottom, a covering box may leave out
EDGE = 0.5  # points a covering box may fall short of a character's left or right edge (its side bearing)
CELL = 48.0  # points: the side of the squares boxes are filed under, so a character is checked against the few near it
NEAR_WHITE = 0.95  # a colour component at least this is full (white: all; CMYK: none at most 1 - this)
# characters checked against boxes, on one page, past which the page's characters are read as before (all of them):
# a report's page has a few boxes painted over text; a page of 20,000 boxes (``Budget.pdf_objects``) filed in one
# square over 10,000 characters would be 200 million checks
MAX_CHECKS = 2_000_000


def _covering(color) -> bool:
    """Whether a fill ``color`` (pdfminer's: a number for grey, three for RGB, four for CMYK, None for the default
    black) is white or black.

    >>> [_covering(c) for c in (1, (1.0,), (1, 1, 1), (0, 0, 0, 0), None, 0, (0, 0, 0, 1), (1, 1, 0), (0.5,))]
    [True, True, True, True, True, True, True, False, False]
    """
    if color is None:
        return True
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False  # (a pattern or a named colour: not known to be opaque white or black)
    high, low = all(v >= NEAR_WHITE for v in values), all(v <= 1 - NEAR_WHITE for v in values)
    if len(values) == 4:  # CMYK: white is no ink, black is full black ink (or all four full)
        return low or values[3] >= NEAR_WHITE or high
    return high or low


def _covers(box: tuple[float, float, float, float], char) -> bool:
    x0, y0, x1, y1 = box
    core = (char.y1 - char.y0) * CORE
    return x0 <= char.x0 + EDGE and x1 >= char.x1 - EDGE and y0 <= char.y0 + core and y1 >= char.y1 - core


def hidden(layout) -> list[bool]:
    """For each character of ``layout`` (pdfminer's ``LTPage``), in the order pdfplumber lists a page's characters
    (depth first, in drawing order), whether a white or black filled rectangle painted after it covers it."""
    from pdfminer.layout import LTChar, LTContainer, LTRect

    drawn: list = []  # characters and covering boxes, in drawing order
    stack = [iter(layout)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, LTContainer):
            stack.append(iter(item))
        elif isinstance(item, LTChar) or (
                isinstance(item, LTRect) and item.fill and item.width >= 1 and item.height >= 1
                and _covering(item.non_stroking_color)):
            drawn.append(item)
    if all(isinstance(item, LTChar) for item in drawn):
        return [False] * len(drawn)
    left, bottom, right, top = layout.bbox
    filed: dict[tuple[int, int], list] = defaultdict(list)  # the boxes painted after the character at hand
    out: list[bool] = []
    checks = 0
    for item in reversed(drawn):
        if isinstance(item, LTChar):
            near = filed.get((int((item.x0 + item.x1) / 2 // CELL), int((item.y0 + item.y1) / 2 // CELL)), ())
            checks += len(near) + 1
            if checks > MAX_CHECKS:
                return [False] * sum(1 for item in drawn if isinstance(item, LTChar))
            out.append(any(_covers(box, item) for box in near))
            continue
        box = (item.x0, item.y0, item.x1, item.y1)
        # (filed in the squares of the page it covers: a box drawn far past the page's edges covers no character shown)
        across = range(int(max(item.x0, left) // CELL), int(min(item.x1, right) // CELL) + 1)
        down = range(int(max(item.y0, bottom) // CELL), int(min(item.y1, top) // CELL) + 1)
        checks += len(across) * len(down)
        if checks > MAX_CHECKS:
            return [False] * sum(1 for item in drawn if isinstance(item, LTChar))
        for i in across:
            for j in down:
                filed[(i, j)].append(box)
    out.reverse()
    return out


def covered_removed(page):
    """``page`` (pdfplumber's) without the characters ``hidden`` under a box painted over them; the page itself
    when none is (or when its characters are not those of its layout, one for one: then nothing is left out)."""
    from pdfplumber.page import FilteredPage

    chars = page.chars
    flags = hidden(page.layout)
    if len(flags) != len(chars) or not any(flags):
        return page
    out = FilteredPage(page, lambda _: True)
    out._objects = dict(page.objects)
    out._objects["char"] = [char for char, gone in zip(chars, flags, strict=True) if not gone]
    return out
