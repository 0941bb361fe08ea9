"""A PDF character drawn again over itself read once, in time n log n in a page's characters.

Exporters make bold of a font that has none (仿宋, 小标宋) by drawing each glyph twice a fraction of a point apart: a
bold total 7 was read 77. pdfplumber's ``Page.dedupe_chars`` keeps one character of each such cluster, but puts the
kept ones back in order with ``sorted(kept, key=chars.index)``: a search of the page's list per character, each
comparing whole dicts, so a page of 20,000 characters took 17 CPU s and one of 40,000 took 103 s (the worker's time
per file is 120 s; a file may hold 10,000,000 characters). ``overprints_removed`` keeps the same characters in the
same order (the library's clusters, its choice in each) and puts them back by their place in the page's list.
"""

from __future__ import annotations

import itertools
from operator import itemgetter

_KEY = itemgetter("upright", "text", "fontname", "size")  # (the library's default: the same character, font and size)
_POSITION = itemgetter("doctop", "x0")


def dedupe(chars: list[dict], tolerance: float) -> list[dict]:
    """``chars`` without those drawn over another of the same text, font and size within ``tolerance`` points down and
    across: of each cluster the first by position (``pdfplumber.utils.dedupe_chars``'s clusters and choice), in the
    order of ``chars``.

    >>> a = {"upright": True, "text": "7", "fontname": "F", "size": 9, "doctop": 10.0, "x0": 5.0}
    >>> b, c = dict(a, x0=5.3), dict(a, x0=12.0)
    >>> [ch["x0"] for ch in dedupe([c, b, a], 1.0)]
    [12.0, 5.0]
    """
    from pdfplumber.utils import cluster_objects

    kept = []
    for _, group in itertools.groupby(sorted(chars, key=_KEY), key=_KEY):
        for row in cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for cluster in cluster_objects(row, itemgetter("x0"), tolerance):
                kept.append(min(cluster, key=_POSITION))  # (the first of equal positions, as a stable sort's [0])
    place = {id(char): at for at, char in enumerate(chars)}
    return sorted(kept, key=lambda char: place[id(char)])


def overprints_removed(page, tolerance: float):
    """``page`` (pdfplumber's) with its characters ``dedupe``d, as ``Page.dedupe_chars`` returns it: a page whose
    other objects are the same."""
    from pdfplumber.page import FilteredPage

    out = FilteredPage(page, lambda _: True)
    out._objects = dict(page.objects)  # (what the library's own method sets: its filtered pages read this)
    out._objects["char"] = dedupe(page.chars, tolerance)
    return out
