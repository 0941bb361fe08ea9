"""A pattern's search tried only where a match can begin: at the characters its first consumed item can match.

Python's regex engine skips ahead to a pattern's literal first character (or set of them) by itself, but not when
the pattern opens on a look-behind: ``(?<!无)(?<!上年)…(?:未|没有)(?:收到|受理)…`` (a claim of none,
``rules/narrative_claims.csv``) is tried at every position of the text, each of its six look-behinds tested there
first. On section 一 of a real-length report (≈ 2,000 characters) the three claims of none took ≈ 0.45 ms a report,
about 6 % of its parse. ``searcher`` finds the characters such a pattern's first consumed item can match (未, 没) and
tries the pattern only where one stands: the same leftmost match, since a match can begin nowhere else (the
look-behinds and look-aheads consume nothing, and ``Pattern.match(text, pos)`` still sees the text before ``pos``).

>>> search = searcher(re.compile(r"(?<!无)(?<!上年)(?:未|没有)收到(\\d*)"))
>>> search("上年未收到，无未收到，今年未收到3").span(), search("上年未收到") is None
((13, 17), True)
>>> first_chars(re.compile(r"(?<![不及])予以公开")), first_chars(re.compile(r"(?<!a)\\w+"))
(frozenset({'予'}), None)
>>> first_chars(re.compile("x?y")), sorted(first_chars(re.compile("(?:ab|c)+")))
(None, ['a', 'c'])
"""

from __future__ import annotations

import re
from collections.abc import Callable

try:  # (CPython's own regex parser, private: without it every pattern is left to the engine's search)
    from re import _constants as c
    from re import _parser
except ImportError:  # pragma: no cover
    c = _parser = None

# a character class of more than this many characters is left to the engine (no report's pattern opens so)
MAX_FIRST = 64


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` must begin with, or None when that is not known from its opening
    (a class by category or negated, an item that may match nothing, a flag like IGNORECASE, …)."""
    if _parser is None or pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        return _first(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # (an opening this module does not know: the engine's own search)  # noqa: BLE001
        return None


def _first(items: list) -> frozenset[str] | None:
    """The first characters of a sequence of parsed items; None when unknown or when it may match nothing."""
    for op, value in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # (consumes nothing: the match begins with what follows)
        return _first_of(op, value)
    return None  # (nothing consumed: an empty match)


def _first_of(op, value) -> frozenset[str] | None:
    if op is c.LITERAL:
        return frozenset({chr(value)})
    if op is c.IN:
        chars: set[str] = set()
        for kind, item in value:
            if kind is c.LITERAL:
                chars.add(chr(item))
            elif kind is c.RANGE and item[1] - item[0] < MAX_FIRST:
                chars.update(map(chr, range(item[0], item[1] + 1)))
            else:
                return None  # (NEGATE, CATEGORY, a wide range)
        return frozenset(chars) if len(chars) <= MAX_FIRST else None
    if op is c.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            first = _first(list(alternative))
            if first is None:
                return None
            found |= first
        return frozenset(found) if len(found) <= MAX_FIRST else None
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = value
        return None if add_flags & (re.IGNORECASE | re.VERBOSE) else _first(list(sub))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = value
        return _first(list(sub)) if low >= 1 else None
    return None


def _opens_on_a_lookaround(pattern: re.Pattern) -> bool:
    try:
        opening = _parser.parse(pattern.pattern, pattern.flags) if isinstance(pattern.pattern, str) else None
    except Exception:  # noqa: BLE001 (as in ``first_chars``: the engine's own search)
        return False
    return bool(opening) and opening[0][0] in (c.ASSERT, c.ASSERT_NOT)


def searcher(pattern: re.Pattern) -> Callable[[str], re.Match | None]:
    """``pattern.search`` (the same match or None), tried only at the characters a match can begin with when the
    pattern opens on a look-around; the engine's own search otherwise (it skips to a literal opening itself)."""
    first = first_chars(pattern) if _opens_on_a_lookaround(pattern) else None
    if first is None:
        return pattern.search
    starts = re.compile("[" + "".join(re.escape(ch) for ch in sorted(first)) + "]")
    match = pattern.match

    def search(text: str) -> re.Match | None:
        for at in starts.finditer(text):
            if found := match(text, at.start()):
                return found
        return None

    return search
