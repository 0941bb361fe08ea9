"""The parser's memos, bounded in entries *and* in the text they can hold.

The parser calls a few pure functions of strings (fold a cell, read a value, match a label) millions of times,
and the same strings recur across rows and reports, so they are memoised with ``functools.lru_cache``. That
bounds the number of entries, not their size: a hostile report made of megabyte-long lines would leave
megabytes in every entry, and a parse worker goes on to other reports with that memory taken (its address
space is capped, so a later, honest report would fail over budget).

So every parser memo is made with :func:`parser_memo`, which registers it, and :func:`account` — called by
``parser.parse`` with the length of each text — empties them all once ``MEMO_CHARS`` characters of text have
gone through since they were last emptied. A memo can only hold text it was given, so what the memos hold stays
within a small multiple of ``MEMO_CHARS``, whatever the reports. Results never depend on the memos; the
honest reports' strings recur so much that emptying them every few hundred reports costs nothing measurable.

>>> @parser_memo(maxsize=8)
... def shout(text):
...     return text.upper()
>>> shout("abc"), shout.cache_info().currsize
('ABC', 1)
>>> account(MEMO_CHARS + 1), shout.cache_info().currsize
(True, 0)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

MEMO_CHARS = 8_000_000  # characters parsed between two emptyings (≈ 300 real reports; memos ≤ a few 100 MB)
_MEMOS: list = []
_seen = 0  # characters accounted since the memos were last emptied


def parser_memo(maxsize: int) -> Callable[[Callable], Callable]:
    """``functools.lru_cache(maxsize)``, registered to be emptied by :func:`account` (no cost per call)."""

    def decorate(function: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(function)
        _MEMOS.append(cached)
        return cached

    return decorate


def account(chars: int) -> bool:
    """Count ``chars`` more characters of text about to be parsed; when that takes the count past
    ``MEMO_CHARS``, empty every parser memo first (and start counting afresh). Returns whether they were."""
    global _seen
    _seen += chars
    if _seen <= MEMO_CHARS:
        return False
    for memo in _MEMOS:
        memo.cache_clear()
    _seen = chars
    return True
