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
>>> slug(["上海", "长宁"], "教育局"), slug(["北京", "朝阳"], "民政局"), slug(["内蒙古", "锡林郭勒"], "财政局")
('shanghai-changning-jiaoyuju', 'beijing-chaoyang-minzhengju', 'neimenggu-xilinguole-caizhengju')
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


@lru_cache(maxsize=1 << 14)
def place_pinyin(name: str) -> str:
    """A place name (长宁, 长宁区) in toneless pinyin as the place is called: a name spelt in
    ``rules/pinyin_spellings.csv`` (陕西 shaanxi, 朝阳 chaoyang, 长子 zhangzi) wherever it stands in ``name``,
    a character read one way in every place name (``rules/place_readings.csv``: 都 du, 长 chang, 勒 le,
    什 shi), else pypinyin's reading. pypinyin reads a name it does not know as a word: 长宁 zhangning,
    花都 huadou, 锡林郭勒 xilinguolei.

    >>> place_pinyin("长宁区"), place_pinyin("花都"), place_pinyin("长子县"), place_pinyin("长沙")
    ('changningqu', 'huadu', 'zhangzixian', 'changsha')
    """
    from pypinyin import lazy_pinyin

    if not name or not all("\u4e00" <= char <= "\u9fff" for char in name):
        return pinyin(name)  # one syllable a character only for Han text
    syllables, spellings, readings = lazy_pinyin(name), _spellings(), _place_readings()
    if len(syllables) != len(name):  # a character pypinyin has no reading for is kept whole, glued to others
        return pinyin(name)
    out, i = [], 0
    while i < len(name):
        whole = next((key for key in spellings if name.startswith(key, i)), None)
        if whole:
            out.append(spellings[whole])
            i += len(whole)
        else:
            out.append(readings.get(name[i], syllables[i]))
            i += 1
    return _NOT_SLUG.sub("", "".join(out).lower())


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    from ..catalog import table

    return {row["name"]: row["spelling"] for row in table("pinyin_spellings")}


@lru_cache(maxsize=1)
def _place_readings() -> dict[str, str]:
    from ..catalog import table

    return {row["character"]: row["reading"] for row in table("place_readings")}


def slug(region_shorts: list[str], own: str) -> str:
    """Region short names (province first; 北京 once for 北京市/北京市) read as the places are called
    (:func:`place_pinyin`) and the name's own part, in pinyin."""
    spelt = [place_pinyin(short) for short in region_shorts] + [pinyin(own)]
    parts = [value for value in spelt if value]
    return "-".join(parts)[:80].strip("-") or "agency"


def disambiguate(slug_text: str, key: str, digits: int = 4) -> str:
    """``slug-xxxx`` for the rare case where two agencies' pinyin is the same (the first ``digits`` hex digits of a
    digest of the key; more where four are another agency's too, see ``registry.agency_ids``)."""
    return f"{slug_text}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:digits]}"
