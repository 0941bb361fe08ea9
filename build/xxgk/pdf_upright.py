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
# lines the characters running that way must stand on: a page's own text turned has many (a table's rows, its
# headings); a note printed up the margin (本文件由某某网站下载，下载时间：…), longer than a last page's upright
# signature and date, is one line, and turning the page for it broke those into a character a line (the date lost)
SIDEWAYS_LINES = 3
LINE_GAP = 2.0  # points between two characters' lines (across their direction) that makes them two lines


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
    0 unless more than ``SIDEWAYS_SHARE`` of them run one other way, on at least ``SIDEWAYS_LINES`` lines or on
    more lines than those running left to right stand on.

    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0), "x0": x} for x in (30, 50, 70)] + [{"matrix": (9, 0, 0, 9, 0, 0)}])
    90
    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0), "x0": 30}] * 3 + [{"matrix": (9, 0, 0, 9, 0, 0)}])  # one margin line
    0
    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0), "x0": x} for x in (30, 30, 50, 50)] + [{"matrix": (9, 0, 0, 9, 0, 0)}])
    90
    >>> turn([{"matrix": (0, 9, -9, 0, 0, 0)}, {"matrix": (9, 0, 0, 9, 0, 0)}]), turn([])
    (0, 0)
    """
    if not chars:
        return 0
    directions = [_direction(tuple(c.get("matrix") or (1, 0))) for c in chars]
    direction, count = Counter(directions).most_common(1)[0]
    if direction not in TURNS or count <= SIDEWAYS_SHARE * len(chars):
        return 0
    across = "top" if direction[1] == 0 else "x0"  # (text running up or down: a line's characters share x)
    sideways = _lines([c.get(across, 0) for c, d in zip(chars, directions, strict=True) if d == direction])
    # (or on more lines than the upright text: a landscape report's last page printed turned, its signature and date
    # alone — two lines, none upright — was read a character a line, the date lost, when three were required)
    # (a line that is only a page number does not count: a landscape table's last row run over onto a page of its
    # own, drawn turned, one line, beside the page number the printer or the site stamped upright, ``- 3 -``, stayed
    # unturned, and the row was read a character a line, lost — ``row_absent``)
    upright = _text_lines([c for c, d in zip(chars, directions, strict=True) if d == (1, 0)])
    return TURNS[direction] if sideways >= SIDEWAYS_LINES or sideways > upright else 0


def _text_lines(chars: list[dict]) -> int:
    """How many lines upright ``chars`` stand on (``_lines`` by their tops), not counting those that are only a page
    number (``- 3 -``, ``第3页``, ``3/5``: ``readers.page_numbers_only``).

    >>> row = [{"top": 700.0, "x0": 10.0 * k, "text": t} for k, t in enumerate("- 3 -")]
    >>> _text_lines(row), _text_lines(row + [{"top": 600.0, "x0": 10.0, "text": "某"}])
    (0, 1)
    """
    from .readers import page_numbers_only

    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c.get("top", 0)):
        if lines and char.get("top", 0) - lines[-1][-1].get("top", 0) <= LINE_GAP:
            lines[-1].append(char)
        else:
            lines.append([char])
    # (a character of no known text is not known to be a page number's: its line counts)
    texts = ["".join(c.get("text", "\ufffd") for c in sorted(line, key=lambda c: c.get("x0", 0))) for line in lines]
    return sum(1 for text in texts if text.strip() and not page_numbers_only(text))


def _lines(places: list[float]) -> int:
    """How many lines characters at ``places`` (across their direction) stand on: runs apart by more than
    ``LINE_GAP``.

    >>> _lines([30.0, 30.4, 30.1, 30.2]), _lines([30, 45, 60.5, 45.1]), _lines([])
    (1, 3, 0)
    """
    ordered = sorted(places)
    return sum(1 for k, place in enumerate(ordered) if not k or place - ordered[k - 1] > LINE_GAP)


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


def page_numbers_across_removed(page):
    """A turned ``page`` (pdfplumber's, after ``upright``) without the page number a PDF tool stamped upright on
    every page, which now runs up or down (``_page_numbers_across``); the page itself when it has none."""
    numbers = _page_numbers_across(page.chars)
    return page.filter(lambda obj: id(obj) not in numbers) if numbers else page


def _page_numbers_across(chars: list[dict]) -> set[int]:
    """The ids of those of a turned page's ``chars`` that run up or down and make a line that is only a page
    number. Read, it was a character a line (``-``, ``3``, ``-``), and in a table's rows, ``stray_values``
    ("- 3 -"); it is no part of the report.

    >>> up = [{"matrix": (0, 9, -9, 0, 0, 0), "x0": 30.0, "top": 10.0 * k, "text": t} for k, t in enumerate("- 3 -")]
    >>> len(_page_numbers_across(up)), len(_page_numbers_across([dict(c, text="某") for c in up]))
    (5, 0)
    """
    from .readers import page_numbers_only

    across = sorted((c for c in chars if _direction(tuple(c.get("matrix") or (1, 0))) in ((0, 1), (0, -1))),
                    key=lambda c: (c.get("x0", 0), c.get("top", 0)))
    lines: list[list[dict]] = []
    for char in across:
        if lines and char.get("x0", 0) - lines[-1][-1].get("x0", 0) <= LINE_GAP:
            lines[-1].append(char)
        else:
            lines.append([char])
    out: set[int] = set()
    for line in lines:
        text = "".join(c.get("text", "") for c in sorted(line, key=lambda c: c.get("top", 0)))
        if text.strip() and (page_numbers_only(text) or page_numbers_only(text[::-1])):
            out.update(id(c) for c in line)
    return out
