"""Recovering cells whose digits ran together (``801000081`` = 80,1,0,0,0,0,81).

``splits(tokens, k, accept)`` lists every way to cut the digit ``tokens`` into exactly ``k``
numbers (no piece with a leading zero, none longer than ``MAX_DIGITS``) that ``accept``s. A
token that is not a pure digit string is kept whole. Callers publish a split only when it is
the only one that satisfies the table's identities.

>>> splits(["801000081"], 7, row_total_holds)
[(80, 1, 0, 0, 0, 0, 81)]
>>> len(splits(["693665"], 3, lambda v: True)) > 1
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .memo import parser_memo

MAX_DIGITS = 7
MAX_SOLUTIONS = 64
MAX_STEPS = 200_000


def splits(tokens: Sequence[str], k: int, accept: Callable[[tuple], bool],
           prefix_ok: Callable[[tuple], bool] | None = None) -> list[tuple]:
    """All accepted ``k``-tuples of ints the tokens can be cut into (at most ``MAX_SOLUTIONS``+1)."""
    solutions: list[tuple] = []
    steps = 0
    total_digits = sum(len(t) if is_digit_run(t) else 1 for t in tokens)
    if total_digits < k or len(tokens) > k:
        return []

    def walk(index: int, acc: tuple) -> bool:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(solutions) > MAX_SOLUTIONS:
            return False
        if len(acc) > k or (prefix_ok and not prefix_ok(acc)):
            return True
        if index == len(tokens):
            if len(acc) == k and accept(acc):
                solutions.append(acc)
            return True
        for cut in _cuts(tokens[index], k - len(acc) - (len(tokens) - index - 1)):
            if not walk(index + 1, acc + cut):
                return False
        return True

    walk(0, ())
    return solutions


def _cuts(token: str, max_pieces: int):
    """Every cut of a digit ``token`` into at most ``max_pieces`` numbers (a non-digit token: itself), in the order
    ``_each_cut`` makes them: the first piece shortest first, a zero a piece of its own. When there are at most
    ``LISTED_CUTS`` of them (counted first, ``_cut_count``) they are built at once, each run's cuts from its rest's,
    shared (``_cut_list``): the search for a row's cells glued by OCR (``0000000000000000`` in table 四) walked its
    pieces one by one, ≈ 40 % of the parse of the corpus's reports with glued cells. More than that, and they are
    made as they are used: there may be exponentially many, and the caller's step budget stops it."""
    if not is_digit_run(token):
        return ((token,),)
    count = _cut_count(token, max_pieces)
    if count <= KEPT_CUTS:  # (a row's short runs, 0 and 000, asked for at every step of the search: kept)
        return _kept_cut_list(token, max_pieces)
    if count <= LISTED_CUTS:
        return _cut_list(token, max_pieces)
    return _cut_tree(token, max_pieces) if len(token) <= TREE_DIGITS else _each_cut(token, max_pieces)


LISTED_CUTS = 4096
KEPT_CUTS = 64
TREE_DIGITS = 32  # (a longer run, a hostile file's: one cut at a time, as before)


def _cut_tree(token: str, max_pieces: int):
    """``_each_cut``'s cuts, in its order and as lazily where there are many: the first pieces are chosen one at a
    time, and a rest with at most ``KEPT_CUTS`` cuts is listed once and shared (the search for a row's cells stops
    when it has more than enough, which a run of zeros gives it at once: listing them all would never end)."""
    size = len(token)
    lists: dict[tuple[int, int], list[tuple[int, ...]]] = {}

    def listed(i: int, left: int) -> list[tuple[int, ...]]:
        if i == size:
            return [()]
        if size - i > left * MAX_DIGITS:
            return []
        key = (i, left)
        if key not in lists:
            if token[i] == "0":
                lists[key] = [(0, *cut) for cut in listed(i + 1, left - 1)]
            else:
                lists[key] = [(int(token[i:i + n]), *cut) for n in range(1, min(MAX_DIGITS, size - i) + 1)
                              for cut in listed(i + n, left - 1)]
        return lists[key]

    def cuts(i: int, left: int, before: tuple[int, ...]):
        if i == size:
            yield before
            return
        if size - i > left * MAX_DIGITS:
            return
        if _cut_count(token[i:], left) <= KEPT_CUTS:
            for cut in listed(i, left):
                yield before + cut
            return
        if token[i] == "0":
            yield from cuts(i + 1, left - 1, (*before, 0))
            return
        for n in range(1, min(MAX_DIGITS, size - i) + 1):
            yield from cuts(i + n, left - 1, (*before, int(token[i:i + n])))

    return cuts(0, max_pieces, ())


@parser_memo(1 << 12)
def _cut_count(token: str, max_pieces: int) -> int:
    """How many cuts ``_each_cut`` makes, counted from the end (at most ``LISTED_CUTS`` + 1)."""
    size = len(token)
    if max_pieces <= 0 or size > max_pieces * MAX_DIGITS:
        return 0
    # counts[p][i]: the cuts of token[i:] into at most p pieces (p pieces left, as _each_cut prunes: the rest must
    # fit in them)
    counts = [[1 if i == size else 0 for i in range(size + 1)]]
    for left in range(1, max_pieces + 1):
        row = [0] * (size + 1)
        row[size] = 1
        below = counts[-1]
        for i in range(size - 1, -1, -1):
            if size - i > left * MAX_DIGITS:
                continue
            if token[i] == "0":
                row[i] = below[i + 1]
            else:
                row[i] = min(LISTED_CUTS + 1, sum(below[i + n] for n in range(1, min(MAX_DIGITS, size - i) + 1)))
        counts.append(row)
    return counts[max_pieces][0]


@parser_memo(1 << 10)
def _kept_cut_list(token: str, max_pieces: int) -> tuple[tuple[int, ...], ...]:
    return _cut_list(token, max_pieces)


def _cut_list(token: str, max_pieces: int) -> tuple[tuple[int, ...], ...]:
    """``tuple(_each_cut(token, max_pieces))``, each rest's cuts built once."""
    size = len(token)
    memo: dict[tuple[int, int], list[tuple[int, ...]]] = {}

    def rest(i: int, left: int) -> list[tuple[int, ...]]:
        if i == size:
            return [()]
        if size - i > left * MAX_DIGITS:
            return []
        key = (i, left)
        if key not in memo:
            if token[i] == "0":
                memo[key] = [(0, *cut) for cut in rest(i + 1, left - 1)]
            else:
                memo[key] = [(int(token[i:i + n]), *cut) for n in range(1, min(MAX_DIGITS, size - i) + 1)
                             for cut in rest(i + n, left - 1)]
        return memo[key]

    return tuple(rest(0, max_pieces))


def _each_cut(token: str, max_pieces: int):
    """The cuts of a digit ``token``, one by one. A partial cut whose rest cannot fit in the pieces left is dropped
    at once: every cut kept then leads to at least one complete cut, so the work between two yields is bounded
    (without it, a long run of digits explored exponentially many dead ends before the caller's step budget ever
    counted one)."""
    stack = [(token, ())]
    while stack:
        rest, acc = stack.pop()
        if not rest:
            yield tuple(map(int, acc))
            continue
        if len(rest) > (max_pieces - len(acc)) * MAX_DIGITS:
            continue
        if rest[0] == "0":
            stack.append((rest[1:], acc + ("0",)))
            continue
        for size in range(min(MAX_DIGITS, len(rest)), 0, -1):
            stack.append((rest[size:], acc + (rest[:size],)))


def is_digit_run(token: str) -> bool:
    """ASCII digits only: ``str.isdigit`` is true of ``¹`` and ``①`` too, which are no digits of a value
    (a footnote mark), and ``int`` refuses them (before: ``规章 0 0¹: 0`` made the parser raise).

    >>> is_digit_run("801000081"), is_digit_run("0¹"), is_digit_run("")
    (True, False, False)
    """
    return token.isascii() and token.isdigit()


def row_total_holds(values: tuple) -> bool:
    """Table 3: the last cell is the sum of the others (unknown cells pass)."""
    for v in values:  # (a loop, not any(): called for every row and every cut tried)
        if not isinstance(v, int):
            return True
    return sum(values[:-1]) == values[-1]


def group_totals_hold(size: int) -> Callable[[tuple], bool]:
    """Table 4: in every complete group of ``size`` cells the last is the sum of the others."""

    def check(values: tuple) -> bool:
        for start in range(0, len(values) - size + 1, size):
            group = values[start:start + size]
            for v in group:  # (a loop, not all(): checked for every digit cut tried)
                if not isinstance(v, int):
                    break
            else:
                if sum(group[:-1]) != group[-1]:
                    return False
        return True

    return check


_NUMBER_TOKEN = re.compile(r"[0-9]+")


def narrow_pair(text: str, count: int) -> int | None:
    """The index (among the last ``count`` numbers of ``text``) of the first of the only two numbers set one space
    apart, every other pair two spaces or more; None when the line has not ``count`` numbers, no gap stands out, or
    a gap holds anything but spaces: the numbers are then no run of cells (a note after the row's numbers,
    ``行政规范性文件 2 1 7 （注：第3项）``, whose 3 stood wide of 7 and made 2 1 look like one number cut in two).

    >>> narrow_pair("行政规范性文件    1 2         7", 3)
    0
    >>> narrow_pair("行政规范性文件 2 1 7 （注：第3项）", 3) is None
    True
    """
    tokens = list(_NUMBER_TOKEN.finditer(text))[-count:]
    if len(tokens) != count:
        return None
    if any(text[before.end():after.start()].strip(" ") for before, after in zip(tokens, tokens[1:], strict=False)):
        return None
    gaps = [after.start() - before.end() for before, after in zip(tokens, tokens[1:], strict=False)]
    narrow = [i for i, gap in enumerate(gaps) if gap == 1 and text[tokens[i].end()] == " "]
    if len(narrow) != 1 or any(gap < 2 for i, gap in enumerate(gaps) if i != narrow[0]):
        return None
    return narrow[0]


def spaced_split(text: str, count: int, group: int | None = None) -> str | None:
    """The two pieces of a number an OCR space cut (``12 3``), when the last ``count`` numbers of a layout text's
    line ``text`` are read with a total that fails (``row_total_holds``), the line sets its numbers apart by two
    spaces or more except these two by one, and joined they make a total that holds with one cell fewer: the row
    was ``123 | (blank) | 0 … | 123``, read 12 | 3. Which cell is the blank one cannot be told: the caller makes
    the row missing; None when the line shows no such split (its total holds, or no gap stands out).

    >>> spaced_split("（一）予以公开      12 3          0     0     0     0   123", 7)
    '12 3'
    >>> spaced_split("（一）予以公开      12 3    0     0     0     0   15", 7) is None  # its total holds as read
    True
    >>> spaced_split("（一）予以公开 1 2 0 0 0 0 123", 7) is None  # every gap one space: none stands out
    True

    With ``group`` (table 四: three groups of five, each total = the other four), the test is the group's: the two
    pieces stand inside one group, whose total fails as read and holds with them joined (the blank cell is in that
    group: the other groups' cells stand where they are printed).

    >>> spaced_split("1 2     0     0    12     2     0     0     0     2     0     0     0     1     1", 15, 5)
    '1 2'
    """
    group = group or count
    tokens = list(_NUMBER_TOKEN.finditer(text))[-count:]
    at = narrow_pair(text, count)
    if at is None:
        return None
    start = at - at % group  # the group the first piece stands in; the second must stand in it too
    values = [int(t.group()) for t in tokens[start:start + group]]
    if at + 1 >= start + group or row_total_holds(tuple(values)):
        return None
    at -= start
    joined = values[:at] + [int(tokens[start + at].group() + tokens[start + at + 1].group())] + values[at + 2:]
    return f"{tokens[start + at].group()} {tokens[start + at + 1].group()}" if sum(joined[:-1]) == joined[-1] \
        else None


def apart_in_columns(text: str, count: int) -> bool:
    """Whether the last ``count`` (two or more) numbers of a layout text's line ``text`` all stand two spaces or more
    apart: a row printed in columns (``pdftotext -layout``), each number a whole cell, its blank cells lost as
    spaces — never digits run together (a web page flattened to text runs them into one another, or one space
    apart: ``230 000023``).

    >>> apart_in_columns("（七）总计    0     0      0        150    152", 5)
    True
    >>> apart_in_columns("一、本年新收政府信息公开申请数量230 000023", 2), apart_in_columns("合计 801000081", 1)
    (False, False)
    """
    tokens = list(_NUMBER_TOKEN.finditer(text))[-count:]
    if count < 2 or len(tokens) != count:
        return False
    return all(after.start() - before.end() >= 2 and not text[before.end():after.start()].strip()
               for before, after in zip(tokens, tokens[1:], strict=False))
