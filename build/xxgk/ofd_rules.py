"""The straight lines an OFD page draws (its path objects): a table's rules, for the PDF reader (``ofd_pdf``).

A path object (``ofd:PathObject``) draws ``AbbreviatedData`` — ``M x y`` (move), ``L x y`` (line), ``C`` (close),
curves ``Q``, ``B``, ``A`` and a start ``S`` — in its own space, placed by its ``CTM`` and its ``Boundary``'s origin,
in millimetres, downwards from the page's top. Its straight segments are kept, a closed outline's closing one too (a
rule drawn as a thin filled rectangle is its outline); a curve moves the pen and draws no rule. Objects in the page's
layers and their page blocks are read, to ``MAX_DEPTH``, and no more segments than the caller has room for (a
converted report's tables draw some hundreds a page; ``ofd_text`` holds a page to a PDF page's drawing budget and a
file to ``MAX_SEGMENTS``).

>>> import xml.etree.ElementTree as ET
>>> page = ET.fromstring('<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>'
...     '<ofd:PathObject ID="1" Boundary="10 20 50 8"><ofd:AbbreviatedData>M 0 0 L 50 0 L 50 8 C'
...     '</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>')
>>> segments(page, 10)
[(10.0, 20.0, 60.0, 20.0), (60.0, 20.0, 60.0, 28.0), (60.0, 28.0, 10.0, 20.0)]
"""

from __future__ import annotations

import math
import re

MAX_DEPTH = 8  # page blocks inside page blocks
# a page draws a table's rules when it draws at least this many horizontal and this many vertical segments (a grid of
# two cells and more); a 公文's red line under its header, a page's frame or a signature's underline is no table
GRID_RULES = 3
_STRAIGHT = 0.5  # mm a rule may lean and still be horizontal or vertical
MAX_SEGMENTS = 200_000  # segments an OFD file's pages may draw (a 50-page report of ruled tables: some 25,000)
# operands each command of AbbreviatedData takes
_OPERANDS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _numbers(text: str | None, count: int) -> tuple[float, ...] | None:
    try:
        values = tuple(float(v) for v in (text or "").split())
    except ValueError:
        return None
    return values if len(values) == count and all(math.isfinite(v) for v in values) else None


_TOKEN = re.compile(r"\S+")


def segments(page, room: int) -> list[tuple[float, float, float, float]]:
    """The straight segments ``(x0, y0, x1, y1)`` of the path objects of ``page`` (an OFD page's parsed XML), in page
    millimetres: all of them, or ``room + 1`` when it draws more than ``room`` (the caller's budget is passed)."""
    out: list[tuple[float, float, float, float]] = []
    content = next((child for child in page if _local(child.tag) == "Content"), None)
    if content is None:
        return out
    pending = [(element, 0) for layer in content if _local(layer.tag) == "Layer" for element in layer]
    pending.reverse()
    while pending and len(out) <= room:
        element, depth = pending.pop()
        name = _local(element.tag)
        if name == "PageBlock" and depth < MAX_DEPTH:
            pending.extend((child, depth + 1) for child in reversed(list(element)))
        elif name == "PathObject":
            out.extend(_path(element, room + 1 - len(out)))
    return out


def _path(element, room: int) -> list[tuple[float, float, float, float]]:
    """A path object's straight segments on the page, at most ``room`` of them."""
    box = _numbers(element.get("Boundary"), 4) or (0.0, 0.0, 0.0, 0.0)
    a, b, c, d, e, f = _numbers(element.get("CTM"), 6) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    data = next((child.text for child in element if _local(child.tag) == "AbbreviatedData"), None) or ""

    def place(x: float, y: float) -> tuple[float, float]:
        return a * x + c * y + e + box[0], b * x + d * y + f + box[1]
    out: list[tuple[float, float, float, float]] = []
    tokens = (match.group() for match in _TOKEN.finditer(data))  # (read no further than the segments wanted)
    pen, start = None, None
    for command in tokens:
        if len(out) >= room:
            break
        size = _OPERANDS.get(command)
        operands = _numbers(" ".join(next(tokens, "") for _ in range(size)), size) if size is not None else None
        if operands is None:
            break  # (data no reader could draw: what it drew so far is kept)
        if command in ("S", "M"):
            pen = start = place(*operands[:2])
        elif command == "L" and pen is not None:
            point = place(*operands)
            out.append((*pen, *point))
            pen = point
        elif command == "C" and pen is not None and start is not None and pen != start:
            out.append((*pen, *start))
            pen = start
        elif command in ("Q", "B", "A"):
            pen = place(*operands[-2:])
    return [segment for segment in out if all(math.isfinite(v) for v in segment)]


def draws_a_grid(drawn: list[tuple[float, float, float, float]]) -> bool:
    """Whether a page's segments (``segments``) hold a table's rules: ``GRID_RULES`` horizontal and as many vertical.

    >>> draws_a_grid([(10, 20, 190, 20)])  # a red line under a document's header
    False
    >>> grid = [(0, y, 90, y) for y in (0, 10, 20)] + [(x, 0, x, 20) for x in (0, 45, 90)]
    >>> draws_a_grid(grid)
    True
    """
    across = sum(1 for x0, y0, x1, y1 in drawn if abs(y1 - y0) <= _STRAIGHT < abs(x1 - x0))
    down = sum(1 for x0, y0, x1, y1 in drawn if abs(x1 - x0) <= _STRAIGHT < abs(y1 - y0))
    return across >= GRID_RULES and down >= GRID_RULES
