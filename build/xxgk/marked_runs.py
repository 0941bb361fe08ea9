"""Cutting digits run together where a cell prints more than digits: a sign before its number or a fraction and a
unit after it.

A web page flattened to text drops the cells' edges, and a row's numbers run together. ``splitting.splits`` cuts
runs of digits; a run holding a cell that prints a sign (2019's 本年增/减: ``减5``, ``-5``, ``增加3``) or an amount
(a decimal, a unit: ``75394432.52元``, ``1234.56``) was no run to it, and the row was said to have lost a cell
(``row_lost_cells``), which it had not: 2019's ``政府集中采购 | 135 | 75394432.52元`` flattened is
``政府集中采购13575394432.52元``, and ``行政许可 | 396 | 减5 | 181`` is ``行政许可396减5181``.

``marked_cuts(texts, k)`` lists every way to cut a row's glued ``texts`` into ``k`` cells' texts: each text's digits
cut anywhere between two digits, its sign staying with its first piece and its fraction and unit with its last; no
piece but ``0`` starts with a zero, and none is longer than a cell prints (``splitting.MAX_DIGITS`` digits before
the point, four more for an amount in 元). The caller reads each piece as its column's value and keeps the cuts
every piece of which reads (a sign is a change's, a unit an amount's). ``None`` when a text is no such run (a word,
a thousands separator, two signs): the row is read as before.

>>> marked_cuts(["13575394432.52元"], 2)[:3]
[('1', '3575394432.52元'), ('13', '575394432.52元'), ('135', '75394432.52元')]
>>> marked_cuts(["396", "减5181"], 3)
[('396', '减5', '181'), ('396', '减51', '81'), ('396', '减518', '1'), ('3', '96', '减5181'), ('39', '6', '减5181')]
>>> marked_cuts(["0251000元"], 2), marked_cuts(["0251000元"], 1)
([('0', '251000元')], [])
>>> marked_cuts(["见附件"], 2) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .splitting import MAX_DIGITS

# a glued text: a sign, digits, then a fraction and a unit (万元, 元, 万); digits alone are one too
_MARKED = re.compile(r"(增加?|减少?|[+-])?(\d+)(\.\d+)?(万元|元|万)?")
YUAN_DIGITS = 4  # an amount printed in 元 has four digits before the point more than one in 万元
MAX_CUTS = 64  # cuts listed at most (the caller gives up on a row with more: cells_ambiguous lists six)
MAX_STEPS = 20_000  # steps of the search for them (a row of table 二 takes a few hundred)


def marked_cuts(texts: Sequence[str], k: int) -> list[tuple[str, ...]] | None:
    """Every cut of the glued ``texts`` into ``k`` pieces (at most ``MAX_CUTS``), or None when a text is no run of
    digits with a sign before or a fraction and unit after them, or the cuts are too many to list (``MAX_STEPS``: a
    hostile row of thousands of digits costs a bounded search, and says nothing rather than a part of its cuts).

    >>> marked_cuts(["1" * 300_000 + "元"], 3), marked_cuts(["1" * 60 + ".5元"], 15) is None
    ([], True)
    """
    parts = [_MARKED.fullmatch(text) for text in texts]
    if not texts or not all(parts):
        return None
    budget = [MAX_STEPS]
    out: list[tuple[str, ...]] = []

    def walk(index: int, acc: tuple[str, ...]) -> None:
        if len(out) >= MAX_CUTS or len(acc) > k:
            return
        if index == len(parts):
            if len(acc) == k:
                out.append(acc)
            return
        for pieces in _pieces(parts[index], k - len(acc) - (len(parts) - index - 1), budget):
            walk(index + 1, acc + pieces)

    try:
        walk(0, ())
    except _TooMany:
        return None
    return out


class _TooMany(Exception):
    """The search for cuts went over its steps."""


def _pieces(part: re.Match, most: int, budget: list[int]) -> list[tuple[str, ...]]:
    """Every cut of one glued text into 1 to ``most`` pieces, its sign on the first and its tail on the last; each
    step taken off ``budget`` (``_TooMany`` when it is spent)."""
    sign, digits, fraction, unit = part.group(1) or "", part.group(2), part.group(3) or "", part.group(4) or ""
    tail = fraction + unit
    last_most = MAX_DIGITS + (YUAN_DIGITS if unit == "元" else 0)
    out = []

    def cut(at: int, acc: tuple[str, ...]) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooMany
        rest = digits[at:]
        if len(acc) >= most or len(rest) > (most - len(acc)) * last_most:
            return  # (no piece left, or more digits left than the pieces left can hold)
        if _whole(rest, last_most):
            out.append(acc + (rest,))
        if rest[0] == "0":
            if len(rest) > 1:
                cut(at + 1, acc + ("0",))
            return
        for size in range(1, min(MAX_DIGITS, len(rest) - 1) + 1):
            cut(at + size, acc + (rest[:size],))

    cut(0, ())
    return [(sign + p[0], *p[1:-1], p[-1] + tail) if len(p) > 1 else (sign + p[0] + tail,) for p in out]


def _whole(digits: str, most: int) -> bool:
    """Whether ``digits`` can be one number a cell prints: ``0``, or no leading zero and at most ``most`` digits."""
    return digits == "0" or (not digits.startswith("0") and len(digits) <= most)
