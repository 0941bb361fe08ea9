"""Normalising report text for matching; the original text is always kept for display.

>>> compact("（二） 部分公开")
'(二)部分公开'
>>> compact("３．危及“三安全 一稳定”")
'3.危及“三安全一稳定”'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# NFKC folds full-width digits and ASCII punctuation; these CJK marks it leaves alone.
_FOLD = str.maketrans({"．": ".", "。": "。", "﹒": ".", "—": "-", "－": "-", "–": "-", "‐": "-"})


@lru_cache(maxsize=1 << 16)  # cells and labels repeat across rows and reports: "0", "", 自然人 …
def fold(text: str) -> str:
    """Full-width to half-width (NFKC) and dash variants to ``-``; keeps line structure."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """``fold`` and drop all white space: the form labels are matched in."""
    return _SPACE.sub("", fold(text))
