"""An agency's printed name split into its parts: region, township or zone, body, kind, 系统.

Pure; the name parts are data in ``rules/`` (agency_suffixes, agency_systems, agency_short_names,
agency_special_areas, agency_zone_suffixes, agency_renames, region_stopwords).

>>> p = parse_name("淮安市洪泽区人民政府")
>>> [d.name for d in p.deepest], p.body, p.kind
(['洪泽区'], '人民政府', 'government')
>>> p = parse_name("上海市科委")
>>> p.body, p.system
('科学技术委员会', '科学技术')
>>> parse_name("市数据局").local, parse_name("市数据局").system
('市', '数据')
>>> parse_name("沐阳县人民政府").unknown_region
'沐阳县'
>>> parse_name("自治区人民政府办公厅").local, parse_name("中国证券监督管理委员会").kind
('自治区', 'department')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..catalog import table
from .divisions import Division, by_name, by_short, contains, divisions

LOCAL_PREFIXES = {"自治区": "province", "自治州": "prefecture", "自治县": "county", "自治旗": "county",
                  "省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture",
                  "区": "county", "县": "county", "旗": "county"}
NATIONAL_STARTS = ("国务院", "中华人民共和国", "国家", "中国")
# a zone's 管委会 (and its 办公室) is the zone's government; elsewhere a 管理委员会 is a department
# (中国证券监督管理委员会, 北京市城市管理委员会)
ZONE_GOVERNMENT = frozenset({"管委会", "管理委员会", "管委会办公室", "管理委员会办公室"})
BELOW = {"province": "prefecture", "prefecture": "county", "county": "township", None: None}
_PAREN = re.compile(r"[（(]([^）)]*)[）)]")
# a province (or city) named in brackets inside a name, as the pilot free-trade zones are: 中国（上海）自由贸易试验区…,
# 中国（广东）自由贸易试验区前海蛇口片区… — the bracket is the agency's region, not a note (``_bracketed_region``)
_REGION_BRACKET = re.compile(r"^中国[（(]([^）)]{2,8})[）)](?=.)")  # (（城区）某局 is no such name: 中国 first)
_DISTRICT_TOKEN = re.compile(r"^([\u4e00-\u9fff]{2,5}?(?:区|县|旗))")  # after a city: 鼓搂区 (not 市: 城市管理局)
_REGION_TOKEN = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:自治州|自治县|省|市|县|区|旗|州))")
_GENERIC = frozenset("州市县区盟旗")
_MINISTRY = re.compile(r"(?:部|总局|署)(?:办公厅|办公室)?$")  # 教育部, 海关总署, 教育部办公厅


@dataclass(frozen=True)
class ParsedName:
    printed: str
    regions: tuple[tuple[Division, ...], ...] = ()  # each matched level: its alternatives (鼓楼区 ×4)
    region_text: str = ""  # the region as printed (淮安 in 淮安经济技术开发区)
    local: str = ""  # 市 in 市数据局: the report's own city
    special: dict | None = None  # a row of agency_special_areas.csv
    zone: str = ""  # 经济技术开发区 …
    township: str = ""  # 宁海路街道, 沭城镇
    body: str = ""  # 数据局, 人民政府, 科学技术委员会 ("" = the region itself)
    kind: str | None = None
    system: str = ""
    national: bool = False
    unknown_region: str = ""  # a region-like token no division matches (沐阳县)
    renamed_from: tuple[str, ...] = ()
    extra: str = ""  # the bracketed second name: 数字化发展局 in 行政审批局(数字化发展局)
    weak_region: bool = False  # the last region is a short name run into a township's (宁海|路街道): unsure
    parent: str = ""  # the national administration a local office is named after (国家税务总局格尔木市税务局)

    @property
    def deepest(self) -> tuple[Division, ...]:
        return self.regions[-1] if self.regions else ()


@cache
def _suffixes() -> tuple[dict, ...]:
    return tuple(sorted(table("agency_suffixes"), key=lambda r: -len(r["suffix"])))


@cache
def _systems() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((r["keyword"], r["system"]) for r in table("agency_systems")), key=lambda x: -len(x[0])))


@cache
def short_names() -> dict[str, str]:
    return {r["short"]: r["full"] for r in table("agency_short_names")}


@cache
def special_areas() -> tuple[dict, ...]:
    return tuple(sorted(table("agency_special_areas"), key=lambda r: -len(r["name"])))


@cache
def vertical_parents() -> tuple[str, ...]:
    return tuple(sorted((r["parent"] for r in table("agency_vertical_parents")), key=len, reverse=True))


@cache
def reporting_areas() -> tuple[str, ...]:
    """Words after an agency's name that name the area its report covers, not another agency
    (``rules/agency_reporting_areas.csv``: 关区 of 某海关关区)."""
    return tuple(r["word"] for r in table("agency_reporting_areas"))


def parent_in_id(parent: str) -> str:
    """The part of an agency id a vertically managed office's parent gives (``in_id`` of
    ``rules/agency_vertical_parents.csv``): the parent itself (国家金融监督管理总局), or "" for a name that is no
    administration's (中华人民共和国 of 中华人民共和国西宁海关)."""
    return parent if parent and _parents_in_id().get(parent, True) else ""


@cache
def _parents_in_id() -> dict[str, bool]:
    return {r["parent"]: r["in_id"] != "no" for r in table("agency_vertical_parents")}


@cache
def zone_suffixes() -> tuple[str, ...]:
    return tuple(sorted((r["suffix"] for r in table("agency_zone_suffixes")), key=len, reverse=True))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(r["short_name"] for r in table("region_stopwords"))


@cache
def division_renames() -> dict[str, str]:
    """Old division name → new (rows of agency_renames.csv whose new name is a division)."""
    return {r["old_name"]: r["new_name"] for r in table("agency_renames") if by_name(r["new_name"])}


@cache
def _names_by_first_char() -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    for d in divisions().values():
        out.setdefault(d.name[0], set()).add(d.name)
        if len(d.short) >= 2 and d.short not in stopwords() and not d.abolished:  # (abolished: full name only)
            out.setdefault(d.short[0], set()).add(d.short)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def bare_township(parsed: ParsedName) -> bool:
    """A township government named without its own name (镇人民政府, 街道办事处): which one is unknown.

    >>> bare_township(parse_name("镇人民政府")), bare_township(parse_name("周庄镇人民政府"))
    (True, False)
    """
    return (parsed.kind == "government" and not parsed.township and not parsed.zone and not parsed.special
            and _classify(parsed.body)[2] == "township")


def bare_suffix(body: str) -> bool:
    """A body that is only a suffix of the table (局, 委员会, 人民政府): it names no agency by itself
    (国务院, a suffix of the national tier, does).

    >>> bare_suffix("局"), bare_suffix("人民政府"), bare_suffix("数据局"), bare_suffix("国务院办公厅")
    (True, True, False, False)
    """
    return any(row["suffix"] == body and row["tier"] != "national" for row in _suffixes())


def zone_in_department(zone: str) -> bool:
    """Whether the words before a zone's suffix hold a department's (公安局高新区 of 成都市公安局高新区分局: a
    department's branch for the zone, not the zone itself).

    >>> zone_in_department("公安局高新区"), zone_in_department("江北新区"), zone_in_department("松山湖高新区")
    (True, False, False)
    """
    stem = next((zone[:-len(z)] for z in zone_suffixes() if zone.endswith(z)), zone)
    return _holds_department(stem)


def _holds_department(words: str) -> bool:
    """Whether ``words`` hold a department's suffix of ``rules/agency_suffixes.csv`` (局 of 公安局嘉陵)."""
    return any(row["kind"] == "department" and row["suffix"] in words for row in _suffixes())


def system_of(body: str) -> str:
    """The 系统 of a department body (``教育局`` → ``教育``), ``""`` when no keyword matches."""
    return next((system for keyword, system in _systems() if keyword in body), "")


def system_across(before: str, after: str) -> str:
    """The 系统 whose keyword ``before`` and ``after`` spell only together, its first characters the end of
    ``before`` and its last the beginning of ``after`` (a name cut inside a word: ``交通`` | ``运输局``); ``""`` when
    no keyword runs across the cut (``教育动态`` | ``办公室``: 教育 ends before it).

    >>> system_across("交通", "运输局"), system_across("首页交", "通运输局"), system_across("教育动态", "办公室")
    ('交通运输', '交通运输', '')
    """
    joined, cut = before + after, len(before)
    for keyword, system in _systems():
        start = joined.find(keyword, max(0, cut - len(keyword) + 1))
        if 0 <= start < cut:
            return system
    return ""


def _match_region(text: str, pos: int, inside: tuple[Division, ...]) -> tuple[tuple[Division, ...], int]:
    """The divisions whose name (or short name) starts ``text`` at ``pos``, inside one of ``inside``."""
    for name in _names_by_first_char().get(text[pos:pos + 1], ()):
        if not text.startswith(name, pos):
            continue
        found = by_name(name) or by_short(name)
        if inside:
            found = tuple(d for d in found if any(contains(o, d) and o != d for o in inside))
        if found:
            end = pos + len(name)
            if not by_name(name) and text[end:end + 1] in _GENERIC and text[end + 1:end + 2] not in _GENERIC:
                found = _with_suffix(found, text[end])
                end += 1  # 海西州: the short name and a generic suffix
                if not found:
                    continue
            return found, end
    return (), pos


def _with_suffix(found: tuple[Division, ...], suffix: str) -> tuple[Division, ...]:
    """The one division of ``found`` whose full name ends with the printed ``suffix``, when only one does:
    大通县 is 大通回族土族自治县 (Qinghai), not 大通区 (Anhui). A stem several names share with that suffix,
    or none does, keeps every division (an ambiguity is a finding, never a guess).

    >>> [d.name for d in _with_suffix(by_short("大通"), "县")], len(_with_suffix(by_short("大通"), "市"))
    (['大通回族土族自治县'], 2)
    """
    same = tuple(d for d in found if d.name.endswith(suffix))
    if not same and suffix == "区":
        return ()  # (某江区 is no 某江市: a management area, a zone — no division of that name)
    return same if len(same) == 1 else found


def _bracketed_region(name: str) -> str:
    """``name`` with a leading bracket that holds only division names (after 中国, as the free-trade zones' names
    print their province) read as the name's region: without it, every province's 自由贸易试验区管理委员会 was one
    agency (the bracket was dropped as a note).

    >>> _bracketed_region("中国（上海）自由贸易试验区管理委员会"), _bracketed_region("中国(广东)自贸区管委会")
    ('上海自由贸易试验区管理委员会', '广东自贸区管委会')
    >>> _bracketed_region("（2023年度）某局"), _bracketed_region("某县人民政府（某县数据局）")
    ('（2023年度）某局', '某县人民政府（某县数据局）')
    """
    match = _REGION_BRACKET.match(name)
    if match is None:
        return name
    regions, end, _ = _split_regions(match.group(1))
    return match.group(1) + name[match.end():] if regions and end == len(match.group(1)) else name


def _split_regions(name: str, most: int = 9) -> tuple[tuple[tuple[Division, ...], ...], int, bool]:
    """``(regions, end, whether the last one was named by its short name only)``, at most ``most``."""
    regions: list[tuple[Division, ...]] = []
    pos, short = 0, False
    while pos < len(name) and len(regions) < most:
        found, end = _match_region(name, pos, regions[-1] if regions else ())
        if not found:
            break
        regions.append(found)
        short = not by_name(name[pos:end])
        pos = end
    return tuple(regions), pos, short


def _own_regions(prefix: str, row: dict) -> bool:
    """Whether ``prefix``, printed before a special area's name, is nothing or names only the area's own
    province, city or county (full or short): 河北雄安新区, 陕西西咸新区, 重庆市两江新区 and 江苏省苏州工业园区 are the
    areas of ``rules/agency_special_areas.csv`` as their titles print them (河北 alone also names 天津市河北区:
    the area's row says which is meant).

    >>> row = {"province": "河北省", "city": "", "county": ""}
    >>> _own_regions("", row), _own_regions("河北", row), _own_regions("河北省", row), _own_regions("天津市", row)
    (True, True, True, False)
    """
    if not prefix.strip():
        return True
    own = {row["province"], row["city"], row["county"]} - {""}
    regions, end, _ = _split_regions(prefix)
    return end == len(prefix) and all(any(d.name in own for d in level) for level in regions)


def _may_be_district(token: str) -> bool:
    """Whether ``token``, printed after a city's name, reads as a district or county of it that no division
    matches (a misprint, 鼓搂区; a new one): three characters at least, not a zone (高新区), not an area that
    is no division (风景名胜区, 自然保护区: ``rules/agency_area_words.csv``), and holding no department's name
    (公安局嘉陵区 of 南充市公安局嘉陵区分局, a city bureau's branch in its district 嘉陵区: before, read as a
    misprinted district 公安局嘉陵区, a county-tier agency of no county with agency_region_unknown).

    >>> [_may_be_district(t) for t in ("鼓搂区", "沐阳县", "风景名胜区", "高新区", "城区", "公安局嘉陵区")]
    [True, True, False, False, False, False]
    """
    return len(token) >= 3 and not token.endswith(zone_suffixes()) and not token.endswith(_area_words()) \
        and not _holds_department(token[:-1])


@cache
def _area_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in table("agency_area_words"))


@cache
def _government_own_units() -> tuple[str, ...]:
    """Starts of a department's body that name the government's own units, not a department printed with its
    government's name (人民政府办公室…, 人民政府驻…)."""
    return tuple(row["start"] for row in table("agency_government_own_units"))


def _classify(body: str) -> tuple[str, str | None, str | None]:
    """``(body, kind, tier)`` from the suffix table; short names expanded."""
    body = short_names().get(body, body)
    if body == "":
        return body, "government", None
    for row in _suffixes():
        if body.endswith(row["suffix"]):
            return body, row["kind"], row["tier"] or None
    return body, None, None


def _apply_division_renames(name: str) -> tuple[str, tuple[str, ...]]:
    applied = []
    for old, new in division_renames().items():
        if old in name:
            name, _ = name.replace(old, new), applied.append(old)
    return name, tuple(applied)


# a township's body with no name of its own: what stands after a township's name (街道, 街道办事处, 镇人民政府 …)
_TOWNSHIP_BODY = re.compile(r"(?:街道|镇|乡|苏木)(?:办事处|人民政府)?")


@lru_cache(maxsize=65536)
def parse_name(printed: str, most_regions: int = 9) -> ParsedName:
    """Split a printed agency name into its parts (see the module docstring); ``most_regions`` limits
    how many leading division names are split off (``weak_region``: the rest is a township's name)."""
    name = _bracketed_region(re.sub(r"\s+", "", printed).strip("《》:：“”\"'"))
    extra = "、".join(m.group(1) for m in _PAREN.finditer(name))
    name = _PAREN.sub("", name).strip("（）()")  # an unmatched bracket: 本机关（海城市数据局）
    name, renamed = _apply_division_renames(name)
    area = next((w for w in reporting_areas() if name.endswith(w) and len(name) > len(w)), "")
    if area and parse_name(name[:-len(area)], most_regions).kind == "department":  # 某海关关区: its office's report
        return replace(parse_name(name[:-len(area)], most_regions), printed=printed)
    parent = next((p for p in vertical_parents() if name.startswith(p) and _split_regions(name[len(p):], 1)[0]), "")
    if parent:  # 国家税务总局格尔木市税务局: the local office of the region after the parent, not the national one
        inner = parse_name(name[len(parent):], most_regions)
        return replace(inner, printed=printed, parent=parent, extra=extra, renamed_from=renamed + inner.renamed_from)
    for row in special_areas():
        at = name.find(row["name"])
        if at >= 0 and _own_regions(name[:at], row):
            body, kind, _ = _classify(name[at + len(row["name"]):])
            body, kind = ("", "government") if body in ZONE_GOVERNMENT else (body, kind)
            return ParsedName(printed, special=row, body=body, kind=kind or "department",
                              system=system_of(body) if kind != "government" else "", extra=extra,
                              renamed_from=renamed)
    regions, pos, by_short_name = _split_regions(name, most_regions)
    if regions and by_short_name and _TOWNSHIP_BODY.fullmatch(name[pos:]):
        # (河西街道, 梅溪湖街道办事处's 溪湖街道办事处: a short name right before a bare 街道/镇/乡 is the
        # township's own name, not a division's — 河西 read as a district of another province put a 街道 there)
        regions, pos, by_short_name = _split_regions(name, len(regions) - 1)
    rest, local, unknown = name[pos:], "", ""
    prefix = next((p for p in LOCAL_PREFIXES if rest.startswith(p) and len(rest) > len(p)), "") if not regions else ""
    if prefix and (short_names().get(rest) or (system_of(rest) and not system_of(rest[len(prefix):]))):
        prefix = ""  # 市场监管局, 市监局: the 市 belongs to the body's own words
    if prefix:  # 市数据局, 自治区人民政府办公厅: the report's own region, named in its body
        local, rest = prefix, rest[len(prefix):]
    elif not regions and (m := _REGION_TOKEN.match(rest)) and _classify(rest[m.end():])[1] \
            and not (system_of(rest) and not system_of(rest[m.end():])):  # 城市管理局: 城市 is the body's own word
        if not rest.startswith(NATIONAL_STARTS) and not m.group(1).endswith(zone_suffixes()):  # 经开区: a zone
            unknown, rest = m.group(1), rest[m.end():]
    elif regions and regions[-1][0].level != "county" and (m := _DISTRICT_TOKEN.match(rest)) \
            and _classify(rest[m.end():])[1] and _may_be_district(m.group(1)):
        unknown, rest = m.group(1), rest[m.end():]  # 南京市鼓搂区人民政府: no district of 南京市 is 鼓搂区
    zone = next((z for z in zone_suffixes() if z in rest), "")
    if zone:
        at = rest.index(zone) + len(zone)
        zone, rest = rest[:at], rest[at:]
        if rest in ZONE_GOVERNMENT:
            rest = ""
    body, kind, tier = _classify(rest)
    if kind == "department" and body.startswith("人民政府") and not body.startswith(_government_own_units()) \
            and _classify(body[4:])[1] == "department":  # (``rules/agency_government_own_units.csv`` stay)
        body = _classify(body[4:])[0]  # 某市人民政府国有资产监督管理委员会 is 某市国资委: one agency
    township = ""
    if tier == "township" and not zone:
        head = re.match(r"^(.+?(?:街道|镇|乡|苏木))", body) or re.fullmatch(r"(.+街)(?:办事处)?", body)
        township = head.group(1) if head else ""  # (某某里街: a street office a city names so, 街 its last word)
        body = body[len(township):] if township else body
        body = {"人民政府": "人民政府", "办事处": "办事处"}.get(body, body)
    national = not regions and not local and not unknown and (
        name.startswith(NATIONAL_STARTS) or (kind == "department" and _MINISTRY.search(body) is not None))
    if national and body.startswith("中华人民共和国") and len(body) > 7:
        body = body[7:]  # 中华人民共和国教育部 = 教育部
    if national:  # 国家发展改革委 = 国家发展和改革委员会: a short name after the national prefix
        start = next((p for p in NATIONAL_STARTS if body.startswith(p) and body[len(p):] in short_names()), None)
        body = start + short_names()[body[len(start):]] if start else body
    return ParsedName(printed, regions=regions, region_text=name[:pos], local=local, zone=zone, township=township,
                      body=body, kind=kind, system=system_of(body) if kind == "department" else "", national=national,
                      unknown_region=unknown, renamed_from=renamed, extra=extra,
                      weak_region=bool(regions and by_short_name and township))
