"""A PDF page whose text runs sideways or upside down, read turned so that it runs left to right.

A landscape page (table 三 is wide) is sometimes drawn turned a quarter on a portrait page, with no ``/Rotate`` to
turn it back, or with one turning it the wrong way: the reader turns the page on screen, but the text layer runs
bottom to top. pdfplumber then reads each character as a line of its own, and no table, heading or number of the
page was read (table 三 missing whole, ``table_absent``). The direction most of a page's characters run in
(their text matrix, as the page is shown) says how far to turn it; the page is read again turned that far.
"""

from __future__ import annotations

from collections import Counter

# the direction a character runs in (its text matrix's first column, as signs) → the turn (degrees clockwise, added to
# the page's /Rotate) after which it runs left to right
TURNS = {(0, 1): 90, (-1, 0): 180, (0, -1): 270}
SIDEWAYS_SHARE = 0.5  # more than this share of a page's characters run one way other than left to right


def _direction(matrix: tuple) -> tuple[int, int]:
    """The way a character with text matrix ``matrix`` runs, as the signs of its first column (rounded: (1, 0)
    is left to right; a slanted one, neither way, is (0, 0)).

    >>> _direction((0, 9.5, -9.5, 0, 0, 0)), _direction((9.5, 0, 0, 9.5, 0, 0)), _direction((7, 7, -7, 7, 0, 0))
    ((0, 1), (1, 0), (0, 0))
    """
    a, b = matrix[0], matrix[1]
    size = max(abs(a), abs(b))
    if not size or min(abs(a), abs(b)) > size / 4:
        return (0, 0)
    return (round(a / size), round(b / size))


def turn(chars: list[dict]) -> int:
    """The turn (0, 90, 180 or 270 degrees clockwise) that makes most of ``chars`` (pdfplumber's) run left to right:
    0 unless more than ``SIDEWAYS_SHARE`` of them run one other way.

    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0)}] * 3 + [{"matrix": (9, 0, 0, 9, 0, 0)}])
    90
    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0)}, {"matrix": (9, 0, 0, 9, 0, 0)}]), turn([])
    (0, 0)
    """
    if not chars:
        return 0
    direction, count = Counter(_direction(tuple(c.get("matrix") or (1, 0))) for c in chars).most_common(1)[0]
    return TURNS.get(direction, 0) if count > SIDEWAYS_SHARE * len(chars) else 0


def upright(pdf, page):
    """``page`` (of pdfplumber's ``pdf``), or the same page read again turned so its text runs left to right."""
    from pdfplumber.page import Page

    degrees = turn(page.chars)
    if not degrees:
        return page
    source = page.page_obj
    source.rotate = (source.rotate + degrees) % 360  # (pdfminer turns the page by it; pdfplumber reads the /Rotate)
    source.attrs["Rotate"] = source.rotate
    return Page(pdf, source, page_number=page.page_number, initial_doctop=page.initial_doctop)
