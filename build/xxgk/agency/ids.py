"""``agency_id``: ASCII, URL-safe, readable (pinyin of the region's short names + the name's own part).

The id is made from the agency's *root* name (the oldest name of its rename chain in
``rules/agency_renames.csv``) and from division short names (湟中 for both 湟中县 and 湟中区), so
it survives rebuilds and every rename listed in the rules.

>>> slug(["青海", "海西", "格尔木"], "数据局")
'qinghai-haixi-geermu-shujuju'
>>> slug([], "教育部")
'jiaoyubu'
>>> slug(["陕西", "咸阳", "乾县"], "教育局"), slug(["山西", "太原"], "教育局")
('shaanxi-xianyang-qianxian-jiaoyuju', 'shanxi-taiyuan-jiaoyuju')
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)  # region and department names repeat across reports (pypinyin is slow)
def pinyin(text: str) -> str:
    """``text`` in toneless pinyin, lower case, letters and digits only; a name with a spelling of its own
    (``rules/pinyin_spellings.csv``: 陕西 is shaanxi, not 山西's shanxi) spelt so."""
    from pypinyin import lazy_pinyin

    return _spellings().get(text) or _NOT_SLUG.sub("", "".join(lazy_pinyin(text)).lower())


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    from ..catalog import table

    return {row["name"]: row["spelling"] for row in table("pinyin_spellings")}


def slug(region_shorts: list[str], own: str) -> str:
    """Region short names (province first; 北京 once for 北京市/北京市) and the name's own part, in pinyin."""
    parts = [value for part in [*region_shorts, own] if (value := pinyin(part))]
    return "-".join(parts)[:80].strip("-") or "agency"


def disambiguate(slug_text: str, key: str) -> str:
    """``slug-xxxx`` for the rare case where two agencies' pinyin is the same (a digest of the key)."""
    return f"{slug_text}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:4]}"
