"""``name_to_agency(title, text, manifest_row)``: who published a report. Pure.

Evidence in order: the name in the title, then the body (a labelled 发布机构/编制单位/本机关, a
department name repeated in the opening, the contact address, 我区/我县 with the region named
nearby, mentions of division names), the manifest winning where it gives a value (with a finding
when it disagrees).

>>> a = name_to_agency("淮安市洪泽区人民政府", "", {})
>>> a.name, a.province, a.city, a.county, a.tier, a.kind
('洪泽区人民政府', '江苏省', '淮安市', '洪泽区', 'county', 'government')
>>> a = name_to_agency(None, "2025年，市数据局在市委领导下。线上依托“格尔木政务服务”公众号。市数据局", {})
>>> a.name, a.county_code, a.tier, a.system, a.agency_id
('格尔木市数据局', '632801', 'county', '数据', 'qinghai-haixi-geermu-shujuju')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from ..catalog import table
from ..findings import Finding, make
from ..safe import drop_invisible
from .divisions import Division, by_name, by_short, chain, contains, divisions, successors
from .evidence import WEIGHT, body_names, region_votes, township_names, zone_names
from .ids import slug
from .names import (
    BELOW,
    LOCAL_PREFIXES,
    ParsedName,
    bare_suffix,
    bare_township,
    parent_in_id,
    parse_name,
    zone_in_department,
)
from .renames import newest, oldest

TIERS = ("national", "province", "prefecture", "county", "township")
KINDS = ("government", "department")
_LEVEL_ZH = {"province": "省份", "city": "地市", "county": "区县"}


@dataclass(frozen=True)
class Agency:
    """A report's publisher as resolved. ``name`` None = no agency identified (region may still be)."""

    name: str | None = None
    root_name: str | None = None  # oldest name of the rename chain (the id is made from it)
    same_as: str | None = None  # the name two spellings of one agency share, where it is not ``root_name``
    agency_id: str | None = None
    printed: tuple[str, ...] = ()  # names as seen in this report (title, body, manifest)
    province_code: str = ""
    province: str = ""
    city_code: str = ""
    city: str = ""
    county_code: str = ""
    county: str = ""
    tier: str | None = None
    kind: str | None = None
    system: str = ""
    evidence: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    @property
    def key(self) -> tuple:
        """What makes two reports' publishers the same agency."""
        return (self.same_as or self.root_name, self.province_code, self.city_code, self.county_code)


def _score(division: Division, votes: Counter) -> int:
    return sum(votes.get(d, 0) for d in chain(division))


class Votes:
    """The body's region votes, computed on first use (most titles name their region outright)."""

    def __init__(self, text: str):
        self.text, self._result = text, None

    def _get(self) -> tuple[Counter, list[str]]:
        if self._result is None:
            self._result = region_votes(self.text)
        return self._result

    @property
    def counts(self) -> Counter:
        return self._get()[0]

    @property
    def notes(self) -> list[str]:
        return self._get()[1] if self._result is not None else []


def _pick(alternatives: tuple[Division, ...], lazy: Votes) -> tuple[Division | None, bool]:
    """The alternative best supported by the text; ``(None, True)`` when the text cannot choose."""
    outer = [d for d in alternatives if all(contains(d, other) for other in alternatives)]
    if outer:
        return outer[0], False  # 北京市: the province, not its 市辖区; 淮安: the city, not its 淮安区
    if len(alternatives) == 1:
        return alternatives[0], False
    votes = lazy.counts
    scored = sorted(alternatives, key=lambda d: -_score(d, votes))
    if _score(scored[0], votes) > _score(scored[1], votes):
        return scored[0], False
    return None, True


def _from_votes(lazy: Votes, local: str) -> Division | None:
    """The division the body names most, of the level the name's 市/区/县 prefix says."""
    def fits(d: Division) -> bool:
        if not local:
            return True
        level = LOCAL_PREFIXES[local]
        if local == "市":
            return d.level == "prefecture" or (d.level == "county" and d.name.endswith("市"))
        return d.level == level and (local == "省" or d.name.endswith(local)
                                     or (level == "prefecture" and len(local) == 1))

    votes = lazy.counts
    ranked = sorted((d for d in votes if fits(d)), key=lambda d: (-votes[d], -_score(d, votes), d.code))
    if len(ranked) > 1 and (votes[ranked[0]], _score(ranked[0], votes)) == (votes[ranked[1]], _score(ranked[1], votes)):
        return None  # two divisions named alike: the text cannot choose (as ``_pick``), never the lower code's
    return ranked[0] if ranked else None


def _level_unproven(parsed: ParsedName, division: Division | None, votes: Votes) -> bool:
    """Whether a name printing no region (政务服务中心, 统计局: no division, no 市/县 prefix, no 厅 — a province's
    word) was placed in a province the body only mentions (no address, no 我省: a few mentions' weight, below a
    我X's): a county's office speaking of its province's hotline (受理某省“12345”政务服务热线…) is no provincial
    agency. Before, a real county centre's report was published as that province's centre (WRONG tier and name)."""
    if division is None or division.level != "province" or parsed.local or parsed.regions or parsed.special:
        return False
    return not parsed.body.endswith("厅") and votes.counts[division] < WEIGHT["we"]


def _one_off(token: str) -> list[Division]:
    return [d for d in divisions().values() if not d.abolished and len(d.name) == len(token)
            and d.name[-1] == token[-1] and sum(a != b for a, b in zip(d.name, token, strict=True)) == 1]


def _correct(token: str, text: str, inside: Division | None = None) -> tuple[Division | None, Finding]:
    """OCR repair: the one division one character off ``token`` (inside ``inside`` when given) that the text
    itself names."""
    close = [d for d in _one_off(token) if inside is None or contains(inside, d)]
    agreeing = [d for d in close if d.name in text or (len(d.short) >= 2 and d.short in text)]
    if len(agreeing) == 1:
        return agreeing[0], make("agency_region_corrected", actual=token, expected=agreeing[0].name)
    detail = "；相差一字的有" + "、".join(d.name for d in close[:6]) if close else ""
    return None, make("agency_region_unknown", actual=token, detail=detail)


def government_body(division: Division | None) -> str:
    """The name of ``division``'s government after its own: 人民政府, or 行政公署 for a 盟 or a 地区
    (``rules/agency_government_bodies.csv``), so that a report titled with the division alone is its
    government's, one id with the reports that print the government's name.

    >>> government_body(by_name("阿拉善盟")[0]), government_body(None)
    ('行政公署', '人民政府')
    """
    if division is not None and division.level == "prefecture":
        for row in table("agency_government_bodies"):
            if division.name.endswith(row["division_ending"]):
                return row["body"]
    return "人民政府"


def _region_name(division: Division) -> str:
    """How the canonical name starts: the division, with its parent when the name is not unique."""
    same = [d for d in by_name(division.name) if d.level == division.level]
    up = chain(division)
    if len(same) > 1 and len(up) > 1:
        return up[-2].name + division.name
    return division.name


def _branch_district(parsed: ParsedName, division: Division | None) -> tuple[Division, str] | None:
    """``(district, its name as printed)`` when the department is a city bureau's branch in one of the city's
    districts (北京市公安局朝阳分局, 深圳市规划和自然资源局南山管理局: ``rules/agency_branch_suffixes.csv``): a
    county-level office of that district, whose 政务公开办 supervises it. Before, it was placed in the city, at the
    city's tier, and its id read the district's name as words (gonganjuzhaoyangfenju). None when the place is no
    district of the city, or names more than one."""
    if division is None or division.level == "county" or parsed.kind != "department" or parsed.zone \
            or parsed.township or parsed.parent:
        return None
    match = _branch_pattern().search(parsed.body)
    if match is None:
        return None
    place = match.group(1)
    found = {d for d in by_name(place) + by_short(place) if d.level == "county" and contains(division, d)}
    return (found.pop(), place) if len(found) == 1 else None


def _district_first_branch(parsed: ParsedName, division: Division | None, body: str
                           ) -> tuple[Division, str] | None:
    """``(the city, its bureau)`` when a district's department is printed district first with a branch's 分局
    (南充市嘉陵区公安分局, 北京市朝阳区公安分局): the city bureau's branch in that district, which its own titles also
    print 南充市公安局嘉陵区分局 (``_branch_district``); None otherwise. Only a 区 of a city (a county's bureau is
    its own 县公安局) and a body of a known 系统 before 分局 (公安分局 → 公安局)."""
    if division is None or division.level != "county" or not division.name.endswith("区") \
            or parsed.kind != "department" or not parsed.system or parsed.zone or parsed.township or parsed.parent:
        return None
    if not body.endswith("分局") or len(body) <= 2 or body[:-2].endswith("局"):
        return None
    up = chain(division)
    return (up[-2], body[:-2] + "局") if len(up) > 1 else None


def _branch_body(body: str, place: str, district: Division) -> str:
    """``body`` with the district's place as printed (its short name or its full name) spelt as the district's full
    name: 公安局嘉陵分局 and 公安局嘉陵区分局 are one branch of 南充市's bureau, printed both ways in its own reports.

    >>> jialing = by_name("嘉陵区")[0]
    >>> _branch_body("公安局嘉陵分局", "嘉陵", jialing), _branch_body("公安局嘉陵区分局", "嘉陵区", jialing)
    ('公安局嘉陵区分局', '公安局嘉陵区分局')
    """
    at = body.rfind(place)
    return body[:at] + district.name + body[at + len(place):] if at >= 0 else body


@cache
def _branch_pattern() -> re.Pattern:
    """A department's name, then a place, then a branch's suffix, at the end of a body (公安局|朝阳|分局)."""
    suffixes = "|".join(re.escape(row["suffix"]) for row in table("agency_branch_suffixes"))
    return re.compile(r"(?:局|委员会|委)([\u4e00-\u9fff]{2,8}?)(?:" + suffixes + r")$")


def _name_start(parsed: ParsedName, division: Division) -> str:
    """How the canonical name of an agency of a known ``division`` starts. A zone is named after its division's
    short name, as zones name themselves (南京江北新区, whether printed 南京 or 江苏省南京市: one agency, one id); a
    vertically managed office keeps the region as printed; an office named by its place and a bare suffix starts
    with that place as printed last, short or full (中华人民共和国上海海关 and 上海海关 are 上海海关, not 上海市海关, a
    name no one uses; 青海省西宁海关 is 西宁海关, 东营市广饶县档案馆 is 广饶县档案馆); anything else starts with the
    division's full name (洪泽区人民政府 for 淮安市洪泽区人民政府)."""
    if parsed.zone and not zone_in_department(parsed.zone):
        return division.short or division.name
    if parsed.region_text and (parsed.zone or parsed.parent or parsed.kind == "department" and not parsed.township
                               and bare_suffix(parsed.body)):
        if not parsed.zone and not parsed.parent and parsed.region_text.endswith(division.name):
            # a bare suffix after the division's full name (东营市广饶县档案馆, 吉林省四平市档案馆) starts as any
            # department's: 广饶县档案馆 whether its city is printed or not (before: two agencies of one id)
            return _region_name(division)
        if not parsed.zone and not parsed.parent and division.short and parsed.region_text.endswith(division.short):
            return division.short  # (青海省西宁海关 is 西宁海关, as printed without its province)
        return parsed.region_text  # (成都市公安局高新区分局: the zone is a department's branch, the city as printed)
    if parsed.kind != "government" and not parsed.system and not parsed.township and parsed.region_text \
            and not by_name(parsed.region_text):
        return parsed.region_text  # an institution named with its place's short name: 青海大学 (not 青海省大学)
    # (no place printed, only the report's own 自治区 or 市 before an office no system names: 自治区某某办 is the
    # region's office, named after the region — before, the bare 某某办)
    return _region_name(division)


def _municipality(division: Division | None) -> bool:
    """Whether ``division`` is a municipality (北京市, 上海市, 天津市, 重庆市: a province whose 市辖区 bears its name),
    whose districts are county-level: a district printed after it that no division matches (上海市闸北区, abolished in
    2015) is of the county tier, not the prefecture tier one below a province's."""
    return division is not None and division.level == "province" and any(
        d.level == "prefecture" and d.province_code == division.code and d.name == division.name
        for d in by_name(division.name))


def _shorts(division: Division | None) -> list[str]:
    """Short names of the division's chain, a municipality's 市辖区 (北京市 under 北京市) left out."""
    out: list[Division] = []
    for d in chain(division) if division else ():
        if not out or out[-1].name != d.name:
            out.append(d)
    return [d.short for d in out]


def _fields(division: Division | None) -> dict:
    out = {"province_code": "", "province": "", "city_code": "", "city": "", "county_code": "", "county": ""}
    for d in chain(division) if division else ():
        level = {"province": "province", "prefecture": "city", "county": "county"}[d.level]
        out[f"{level}_code"], out[level] = d.code, d.name
    return out


def _special_region(row: dict) -> Division | None:
    found = None
    for level in ("province", "city", "county"):
        if row[level]:
            options = [d for d in by_name(row[level]) if found is None or contains(found, d)]
            found = options[0] if options else found
    return found


def _resolve_parsed(parsed: ParsedName, votes: Votes, text: str) -> tuple[dict, list[Finding], list[str]]:
    """Region, tier, kind and canonical name of one parsed name."""
    findings: list[Finding] = []
    notes: list[str] = []
    division: Division | None = None
    unknown_below = ""  # a district printed after a known region that no division of it matches, kept as printed
    level_unknown = False  # a bare name placed in a province the body only mentions: not that province's agency
    if parsed.weak_region and not any(_score(d, votes.counts) for d in parsed.deepest):
        # 宁海路街道 is not a 街道 of 宁海县 unless the text says so: the short name is the township's
        parsed = parse_name(parsed.printed, len(parsed.regions) - 1)
        notes.append(f"乡镇名称：{parsed.township}（开头的地名简称正文未提及，视为乡镇名称的一部分）")
    own = parsed.zone + parsed.township + parsed.body
    if parsed.special:
        division = _special_region(parsed.special)
        tier = parsed.special["tier"]
        if parse_name(parsed.body).township:  # 西咸新区某某街道办事处: a street of the area, a township's tier (it was
            tier = "township"  # published at the area's own tier, a county's: a real street office's page)
        name = parsed.special["name"] + parsed.body
        region_fields = _fields(division)
        return {**region_fields, "name": name, "tier": tier, "kind": parsed.kind, "system": parsed.system,
                "shorts": _shorts(division), "own": name}, findings, notes
    if parsed.regions:
        division, ambiguous = _pick(parsed.deepest, votes)
        if ambiguous:
            findings.append(make("agency_region_ambiguous", actual=parsed.deepest[0].name,
                                 detail="、".join("".join(u.name for u in chain(d)[-2:]) for d in parsed.deepest)))
            division = parsed.regions[-2][0] if len(parsed.regions) > 1 and len(parsed.regions[-2]) == 1 else None
        if parsed.unknown_region and division is not None:  # 南京市鼓搂区人民政府: a district no division matches
            below, finding = _correct(parsed.unknown_region, text, inside=division)
            findings.append(finding)
            if below is not None:
                division, unknown_below = below, ""
                notes.append(f"地名更正：{parsed.unknown_region} → {below.name}")
            else:
                unknown_below = parsed.unknown_region
    elif parsed.unknown_region:
        division, finding = _correct(parsed.unknown_region, text)
        findings.append(finding)
        if division is not None:
            notes.append(f"地名更正：{parsed.unknown_region} → {division.name}")
    elif parsed.local or not parsed.national:
        division = _from_votes(votes, parsed.local)
        if division is not None:
            notes.append(f"地区来自正文：{division.name}")
        if _level_unproven(parsed, division, votes):
            level_unknown = True
            notes.append(f"层级不明：正文只是提到{division.name}，名称未写地区（不当作{division.name}的机构）")
    if parsed.zone and not parsed.regions and division is not None and division.level == "county" \
            and division.name in parsed.extra.split("、"):
        # 高新区(某区): the district in brackets is the zone's second name (one government of both), not the place
        # it is named after — named after that district's short name it was 某高新区, a name no one uses; the zone
        # is its city's, as when its city is printed (某市高新区(某区): one agency, one id)
        division = next((d for d in chain(division) if d.level == "prefecture"), division)
        notes.append(f"地区：{division.name}（括号中的{parsed.extra}是开发区的另一名称）")
    if division is not None and division.level == "prefecture" and chain(division)[0].name == division.name:
        division = chain(division)[0]  # 市科委 in a 上海 report: 上海市 the province, not its 市辖区
    city, branch, same_as = division, _branch_district(parsed, division), None
    if branch is not None:
        division, place = branch
        notes.append(f"地区：{division.name}（{city.name}的机构在该区县的分支：{place}）")
    if division is not None and division.abolished:  # the historical division's, never its successor's
        notes.append(f"地区：{division.name}（{division.code}）于{division.abolished}年撤销，区域今属"
                     f"{'、'.join(d.name for d in successors(division))}；按撤销前的行政区划，不并入继任的区")
    tier = "national" if parsed.national else (division.level if division else None)
    if parsed.zone or unknown_below:
        tier = "county" if unknown_below and _municipality(division) else BELOW.get(tier)
    if parsed.township or bare_township(parsed):
        tier = "township"
    body = parsed.body if (parsed.body or parsed.zone or parsed.township) else government_body(division)
    if bare_township(parsed):  # 镇人民政府 alone: the region may be known, which township is not
        name = None
    elif division is None and not parsed.unknown_region and (parsed.local or parsed.regions or bare_suffix(own)):
        name = None  # 市数据局 of an unknown city, 鼓楼区 of four, a bare 局: one id would merge unrelated ones
    elif parsed.national or division is None:  # kept as printed (less the bracketed second name)
        region = parsed.region_text or parsed.unknown_region or parsed.local
        name = parsed.parent + region + own if parsed.kind else None
    elif unknown_below:  # as printed, in the region it names (南京市鼓搂区人民政府: 南京市, one tier below it)
        name = parsed.region_text + unknown_below + parsed.zone + parsed.township + body
    elif branch is not None:  # 北京市公安局朝阳分局 as printed, of 朝阳区 (not 朝阳区公安局朝阳分局)
        name = _region_name(city) + body
        same_as = _region_name(city) + _branch_body(body, place, division)
    else:
        name = parent_in_id(parsed.parent) + _name_start(parsed, division) + parsed.zone + parsed.township + body
        bureau = _district_first_branch(parsed, division, body)
        if bureau is not None:  # 南充市嘉陵区公安分局: the branch printed 南充市公安局嘉陵区分局, one agency and one id
            same_as = _region_name(bureau[0]) + bureau[1] + division.name + "分局"
            own = bureau[1] + "分局"
    if level_unknown:  # (its province is kept; which agency of it, of which tier, the text does not say)
        name, tier, same_as = None, None, None
    shorts = _shorts(division)
    # a vertically managed office's id names its administration (国家金融监督管理总局湖南监管局 and
    # 中国证券监督管理委员会湖南监管局 are two agencies: both hunan-jianguanju, each id then a digest that changed
    # whenever the other's report came or went)
    own_part = parent_in_id(parsed.parent) + unknown_below + (division.short if parsed.zone and division else "") \
        + (own or body)
    if branch is not None:  # the district is in the id's region part: beijing-chaoyang-gonganjufenju
        own_part = own_part.replace(branch[1], "", 1)
    return {**_fields(division), "name": name, "tier": tier, "kind": parsed.kind, "system": parsed.system,
            "shorts": shorts, "own": own_part if division else (name or ""), "same_as": same_as}, findings, notes


_COLUMN_LEVELS = {"province": ("province",), "city": ("prefecture", "county"), "county": ("county",)}


def _manifest_region(row: dict) -> tuple[Division | None, list[Finding]]:
    """The deepest division the manifest's province / city / county name, each of its own level and
    inside the one before (full or short name: 青海 = 青海省). A name that is no such division, or
    that several are (鼓楼区 without its city), is a finding, and the region stops at the level above."""
    found = None
    for column, levels in _COLUMN_LEVELS.items():
        value = (row.get(column) or "").strip()
        if not value:
            continue
        parsed = parse_name(value)  # 海西州: a short name with its generic suffix
        named = by_name(value) or by_short(value) or (parsed.deepest if parsed.region_text == value else ())
        options = [d for d in named if d.level in levels
                   and (found is None or (contains(found, d) and d != found))]
        if column == "city" and len({d.level for d in options}) > 1:  # a city, or a county-level one
            options = [d for d in options if d.level == "prefecture"]  # under no city (仙桃市)
        if column == "city":
            options = [d for d in options if d.level == "prefecture" or not d.city_code]
        if len(options) != 1:
            why = ("GB/T 2260 中没有这个" if not options else "有多个同名的") + _LEVEL_ZH[column] + (
                f"（在{found.name}之内）" if found else "")
            return found, [make("manifest_value_invalid", column=column, actual=value, expected=why)]
        found = options[0]
    return found, []


def _with_manifest_region(resolved: dict, region: Division) -> tuple[dict, list[Finding]]:
    """The manifest's region wins; a deeper resolved region inside it is kept (清单 only gives 省份)."""
    given = _fields(region)
    findings = [make("agency_manifest_differs", column=_LEVEL_ZH[level], expected=given[level],
                     actual=resolved[level])
                for level in ("province", "city", "county")
                if given[level] and resolved.get(level) and given[level] != resolved[level]]
    deepest = divisions().get(resolved.get("county_code") or resolved.get("city_code")
                              or resolved.get("province_code") or "")
    if deepest is not None and contains(region, deepest):
        return resolved, findings
    return {**resolved, **given, "shorts": _shorts(region), "tier": resolved.get("tier") or region.level}, findings


def _choose_name(title: str | None, text: str) -> tuple[ParsedName | None, list[str]]:
    def candidates():
        if title:
            yield title, "标题"
        yield from body_names(text)  # only read when the title gives no name

    for printed, how in candidates():
        parsed = parse_name(printed)
        if bare_township(parsed):  # 镇人民政府: the body names the township (周庄镇人民政府 …)
            after = re.sub(r"^(?:镇|乡|街道|苏木)", "", parsed.body)
            for township in township_names(text, after or "人民政府"):
                named = parse_name(township + (after or "人民政府"))
                if named.township:
                    return named, [f"机构名称（{how}）：{printed}", f"乡镇名称（正文）：{township}"]
        if parsed.zone and not (parsed.regions or parsed.special or parsed.local):  # 经开区管委会 alone
            for zone in zone_names(text):
                return parse_name(zone), [f"机构名称（{how}）：{printed}", f"开发区名称（正文）：{zone}"]
        if parsed.township and not (parsed.regions or parsed.special or parsed.local or parsed.unknown_region):
            placed = _township_as_printed_with_region(parsed, text)
            if placed is not None:
                return placed, [f"机构名称（{how}）：{printed}", f"乡镇所在地区（正文）：{placed.region_text}"]
        if parsed.kind or parsed.regions or parsed.special or parsed.unknown_region:
            return parsed, [f"机构名称（{how}）：{printed}"]
    return None, []


def _township_as_printed_with_region(parsed: ParsedName, text: str) -> ParsedName | None:
    """A township named without its region (a title's 金厂镇) placed where the body prints the same township after
    its regions, as its office (某市某区金厂镇人民政府, 某区某街道办事处: ``township_names``): the longest such region,
    when every other the body prints it with is part of that one. Before, such a town was placed by the division
    the body names most — a real town's page naming its prefecture's portal more often than its district was
    published as the prefecture's town, its district lost. ``None`` when the body prints it with no region, or with
    two that disagree."""
    office = "办事处" if parsed.township.endswith("街道") else "人民政府"
    regions = {named.region_text for named in map(parse_name, township_names(text, office))
               if named.regions and named.township == parsed.township}
    longest = max(regions, key=len, default="")
    if not longest or any(r not in longest for r in regions):
        return None
    placed = parse_name(longest + parsed.printed)
    return placed if placed.township == parsed.township and placed.regions else None


def name_to_agency(title: str | None, text: str, manifest_row: dict | None) -> Agency:
    """Resolve a report's publisher from its title's agency name, its text and its manifest row."""
    manifest_row = manifest_row or {}
    votes = Votes(text or "")
    parsed, notes = _choose_name(title, text or "")
    findings: list[Finding] = []
    resolved: dict = {}
    if parsed is not None:
        resolved, found, more = _resolve_parsed(parsed, votes, text or "")
        findings += found
        notes += more
    else:
        division = _from_votes(votes, "")
        resolved = {**_fields(division), "name": None, "tier": None, "kind": None, "system": "", "shorts": [],
                    "own": ""}
    printed = {p for p in (title, parsed.printed if parsed else None) if p}
    if manifest_row.get("agency"):
        wanted = parse_name(drop_invisible(manifest_row["agency"]).strip())
        from_manifest, _, _ = _resolve_parsed(wanted, votes, text or "")
        if resolved.get("name") and from_manifest["name"] != resolved["name"]:  # (a name the resolver cannot read,
            # 中国人民银行格尔木市支行, is quoted as written: the finding said the manifest's agency was “”)
            findings.append(make("agency_manifest_differs", column="机构", actual=resolved["name"],
                                 expected=from_manifest["name"] or manifest_row["agency"].strip()))
        resolved, parsed = from_manifest, wanted
        printed.add(drop_invisible(manifest_row["agency"]).strip())
        notes.append(f"机构名称（清单）：{manifest_row['agency'].strip()}")
    region, invalid = _manifest_region(manifest_row)
    findings += invalid
    if region is not None:
        resolved, differ = _with_manifest_region(resolved, region)
        findings += differ
        notes.append(f"地区（清单）：{region.name}")
        if not resolved.get("name") and manifest_row.get("level") == "government":
            body = government_body(region)
            resolved |= {"name": _region_name(region) + body, "own": body, "kind": "government"}
            notes.append("机构名称：清单说是政府的总体报告，即该地区人民政府")
    level = manifest_row.get("level")
    if level in KINDS:
        if resolved.get("kind") and resolved["kind"] != level:
            findings.append(make("agency_manifest_differs", column="层级", expected=level, actual=resolved["kind"]))
        resolved["kind"] = level
    return _finish(resolved, sorted(printed), notes + votes.notes, findings)


def _finish(resolved: dict, printed: list[str], notes: list[str], findings: list[Finding]) -> Agency:
    name = resolved.get("name")
    agency = Agency(printed=tuple(printed), evidence=tuple(notes), findings=tuple(findings),
                    tier=resolved.get("tier"), kind=resolved.get("kind"), system=resolved.get("system") or "",
                    **{k: resolved.get(k) or "" for k in ("province_code", "province", "city_code", "city",
                                                          "county_code", "county")})
    if not name:
        return replace(agency, findings=agency.findings + _unplaced_body(agency, printed[0] if printed else "", False))
    canonical = newest(name, agency.tier)
    root = oldest(canonical, agency.tier)
    same_as = resolved.get("same_as")
    same_as = oldest(newest(same_as, agency.tier), agency.tier) if same_as and same_as != name else None
    own = resolved.get("own") or name
    if root != canonical:  # the id follows the oldest name: take its own part the same way
        own = _own_part(root, resolved)
    return replace(agency, name=canonical, root_name=root, same_as=same_as,
                   agency_id=slug(resolved.get("shorts") or [], own),
                   system=agency.system if agency.kind != "government" else "",
                   findings=agency.findings + _unplaced_township(agency, canonical)
                   + _unplaced_body(agency, canonical, True))


def _unplaced_township(agency: Agency, name: str) -> tuple[Finding, ...]:
    """``agency_region_absent`` for a township (乡, 镇, 街道, 苏木) placed in no county or city: neither its name nor
    the text nor the manifest says where it is, so it is identified by its name alone, and the reports of two
    same-named townships (城关镇 is in hundreds of counties) would be one agency, their years one series. A town
    of a city without counties (a city's town, its city known) is placed."""
    if agency.tier != "township" or agency.county_code or agency.city_code:
        return ()
    return (make("agency_region_absent", actual=name),)


_REGION_SAID = {"agency_region_unknown", "agency_region_ambiguous"}  # (a printed place already said unplaceable)


def _unplaced_body(agency: Agency, name: str, identified: bool) -> tuple[Finding, ...]:
    """``agency_unplaced`` for a local body that neither its name, nor the text, nor the manifest places in a
    province, city or county (a national body names no region; a township has ``_unplaced_township``): printed bare
    (教育局), it is identified by that name alone — every such bureau of that name, anywhere, one agency and one
    series (``identified``); printed with a generic place (县教育局), it resolves to no agency. Before (session 55),
    neither was said."""
    if not name or agency.tier in ("national", "township") or agency.province_code or agency.city_code \
            or agency.county_code or any(f.code in _REGION_SAID for f in agency.findings):
        return ()
    detail = ("：按名称识别，各地同名机构的报告会归为同一个机构" if identified
              else "：无法确定是哪一个机构，报告未归入任何机构")
    return (make("agency_unplaced", actual=name, detail=detail),)


def _own_part(root: str, resolved: dict) -> str:
    """The part of an old name after its region (上海市环境保护局 → 环境保护局)."""
    parsed = parse_name(root)
    own = parsed.zone + parsed.township + parsed.body
    return parent_in_id(parsed.parent) + own if own and (parsed.regions or parsed.national) else root
