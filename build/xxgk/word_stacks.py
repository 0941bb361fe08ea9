"""Every way a PDF's text lines of header words can stack into columns of whole names.

A PDF's text has no cells: a header whose narrow cells wrap their names prints each line of the header as the words
on it, left to right (``科研 商业企业 其 法律`` over ``机构 他组织 服务``), and nothing says which word of a lower line
ends which word above it. ``stackings`` tries every way: each column, left to right, takes the next word of some of
the lines (a name wrapped over two or three lines, or one line high and centred between a wrapped one's halves) and
those words, top to bottom, must make one whole name. The readings it returns are the sequences of names the columns
make; where several disagree the text does not tell the order, and a parser publishes no number under one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

MAX_LINES = 4  # header lines one row of names may stand on (a whole name between a wrapped one's halves)
MAX_WORDS = 20  # words on a line of such a header (table 四's row prints fifteen outcomes and two lawsuits)


def stackings(lines: list[list[str]], name_of: Callable[[str], str | None], width: int) -> frozenset[tuple[str, ...]]:
    """The readings of ``lines`` (each a line's words, left to right, top to bottom) as ``width`` columns: every
    word in one column, each column's words at most one a line and in the order of the lines, a column's words
    joined top to bottom naming something (``name_of`` gives its code, None for no name). A reading is the codes
    of the columns, left to right; none when no way fits (too many lines or words, a word that ends no name).

    >>> names = {"科研机构": "research", "科研": "research", "商业企业": "commercial", "法律服务": "legal"}.get
    >>> sorted(stackings([["科研", "商业企业", "法律服务"], ["机构"]], names, 3))
    [('research', 'commercial', 'legal')]
    >>> sorted(stackings([["商业", "科研"], ["企业", "机构"]], {"商业企业": "c", "科研机构": "r"}.get, 2))
    [('c', 'r')]

    Where a lower word may end either of two upper words, the readings may disagree (a name one line high beside):
    >>> sorted(stackings([["科研", "法律"], ["商业企业"], ["机构"]],
    ...                  {"科研机构": "r", "科研": "r", "法律机构": "l", "商业企业": "c"}.get, 3))
    [('c', 'r', 'l'), ('r', 'c', 'l'), ('r', 'l', 'c')]
    """
    rows = tuple(tuple(words) for words in lines if words)
    if not rows or len(rows) > MAX_LINES or any(len(words) > min(width, MAX_WORDS) for words in rows):
        return frozenset()
    return _from(rows, tuple(0 for _ in rows), width, name_of)


def _from(rows: tuple[tuple[str, ...], ...], at: tuple[int, ...], width: int,
          name_of: Callable[[str], str | None]) -> frozenset[tuple[str, ...]]:
    """The readings of the words of ``rows`` from ``at`` (each line's next word) on, as ``width`` columns."""

    @cache
    def after(at: tuple[int, ...], left: int) -> frozenset[tuple[str, ...]]:
        remaining = [len(words) - i for words, i in zip(rows, at, strict=True)]
        if left == 0:
            return frozenset({()}) if not any(remaining) else frozenset()
        if any(r > left for r in remaining):
            return frozenset()
        out: set[tuple[str, ...]] = set()
        open_lines = [n for n, r in enumerate(remaining) if r]
        for mask in range(1, 1 << len(open_lines)):
            taken = [n for k, n in enumerate(open_lines) if mask >> k & 1]
            code = name_of("".join(rows[n][at[n]] for n in taken))
            if code is None:
                continue
            moved = tuple(i + (n in taken) for n, i in enumerate(at))
            out |= {(code, *rest) for rest in after(moved, left - 1)}
        return frozenset(out)

    return after(at, width)
