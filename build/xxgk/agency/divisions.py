"""The national division codes (GB/T 2260, province / prefecture / county), loaded once.

Read at build time from the installed PyPI package named in ``rules/division_source.yaml`` (never
fetched), less the codes listed in ``rules/division_exclusions.csv``, plus the GB/T 2260 codes the
package lacks (``rules/division_additions.csv``), plus the county-level divisions abolished since 2009 that
annual reports still name (``rules/division_abolished.csv``: 杭州市江干区, 天津市塘沽区 …, with the year and the
successors). An abolished division keeps its last code and is found by its full name only (``by_name``): not by
its short name, which may be a current division's (苏州's 平江区 and 岳阳's 平江县), nor in a body's mentions.
The package is located through its installed file list (``importlib.metadata``), so its own import-time
dependencies are not needed.

>>> d = divisions()["632801"]
>>> d.name, d.level, d.province_code, d.city_code, d.short
('格尔木市', 'county', '630000', '632800', '格尔木')
>>> [x.code for x in by_name("湟中区")]
['630106']
>>> by_short("海西")[0].name
'海西蒙古族藏族自治州'
"""

from __future__ import annotations

import csv
import importlib.metadata
import io
from dataclasses import dataclass
from functools import cache

from ..catalog import rule_yaml, table

LEVELS = ("province", "prefecture", "county")
_TRIM = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "地区", "林区", "特区",
         "新区", "区", "县", "旗", "盟", "州")
_AUTONOMOUS = ("自治州", "自治县", "自治旗")
DIVISION_SUFFIXES = (*_TRIM, *_AUTONOMOUS)  # how a division's name ends: 省, 市, 自治区, 区, 县 …


@dataclass(frozen=True)
class Division:
    code: str  # 6 digits
    name: str
    level: str  # province | prefecture | county
    province_code: str
    city_code: str  # "" for a province, and for a county directly under its province (省直辖县)
    short: str  # the name without its generic suffix: 海西 for 海西蒙古族藏族自治州
    abolished: str = ""  # the year an abolished division was (rules/division_abolished.csv); "" for a current one

    @property
    def tier(self) -> str:
        return self.level


@cache
def source() -> dict:
    """``rules/division_source.yaml`` plus the installed version (``installed_version``)."""
    spec = rule_yaml("division_source.yaml")
    return spec | {"installed_version": importlib.metadata.version(spec["package"])}


def _package_file(path: str) -> str:
    dist = importlib.metadata.distribution(source()["package"])
    for entry in dist.files or ():
        if str(entry) == path:
            return entry.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{path} is not in the installed {source()['package']}")  # a broken install


@cache
def nations() -> tuple[str, ...]:
    """The 56 ethnic groups' names, longest first (to shorten 自治州/自治县 names)."""
    names = [line.strip() for line in _package_file(source()["nations_file"]).splitlines() if line.strip()]
    return tuple(sorted(set(names), key=len, reverse=True))


def short_name(name: str) -> str:
    """``海西蒙古族藏族自治州`` → ``海西``; ``湟中区`` → ``湟中``; a one-character rest keeps the suffix."""
    base = name
    if name.endswith(_AUTONOMOUS):
        base = name[:-3]
        changed = True
        while changed:
            changed = False
            for nation in nations():
                for form in (nation, nation[:-1] if nation.endswith("族") else nation):
                    if form and base.endswith(form) and len(base) > len(form):
                        base, changed = base[: -len(form)], True
                        break
                if changed:
                    break
        return base if len(base) >= 2 else name
    for suffix in _TRIM:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _excluded(code: str) -> bool:
    rules = {row["code"] for row in table("division_exclusions")}
    return code in rules or any(r.endswith("*") and code.startswith(r[:-1]) and code[2:] != "0000" for r in rules)


@cache
def divisions() -> dict[str, Division]:
    """``{6-digit code: Division}`` of every province, prefecture and county."""
    rows = csv.DictReader(io.StringIO(_package_file(source()["file"])))
    names = {row["adcode"][:6]: row["name"].strip() for row in rows if row["adcode"][6:].strip("0") == ""}
    names = {code: name for code, name in names.items() if not _excluded(code)}
    for row in table("division_additions"):  # GB/T 2260 codes the package lacks (checked by hand)
        names.setdefault(row["code"], row["name"])
    gone = {row["code"]: row for row in table("division_abolished") if row["code"] not in names}
    names |= {code: row["name"] for code, row in gone.items()}
    out = {}
    for code, name in sorted(names.items()):
        province = code[:2] + "0000"
        if code[2:] == "0000":
            level, city = "province", ""
        elif code[4:] == "00":
            level, city = "prefecture", code
        else:
            level, city = "county", code[:4] + "00" if code[:4] + "00" in names else ""
        out[code] = Division(code, name, level, province, city, short_name(name),
                             gone[code]["abolished"] if code in gone else "")
    return out


@cache
def successors(division: Division) -> tuple[Division, ...]:
    """The current divisions an abolished ``division``'s area went to (``rules/division_abolished.csv``); () for a
    current division.

    >>> [d.name for d in successors(by_name("江干区")[0])], by_name("江干区")[0].abolished
    (['上城区', '钱塘区'], '2021')
    """
    row = next((r for r in table("division_abolished") if r["code"] == division.code), None) \
        if division.abolished else None
    return tuple(divisions()[c] for c in row["successor_codes"].split("|") if c in divisions()) if row else ()


@cache
def _index(attr: str) -> dict[str, tuple[Division, ...]]:
    out: dict[str, list[Division]] = {}
    for division in divisions().values():
        if division.abolished and attr != "name":
            continue  # (平江 is 岳阳's 平江县 alone: 苏州's 平江区 was abolished in 2012)
        out.setdefault(getattr(division, attr), []).append(division)
    return {k: tuple(v) for k, v in out.items()}


def by_name(name: str) -> tuple[Division, ...]:
    """Divisions of this exact name (北京市 is both a province and its 市辖区 prefecture)."""
    return _index("name").get(name, ())


def by_short(short: str) -> tuple[Division, ...]:
    return _index("short").get(short, ())


def parent(division: Division) -> Division | None:
    code = division.city_code if division.level == "county" and division.city_code else division.province_code
    return None if code == division.code else divisions().get(code)


def chain(division: Division) -> tuple[Division, ...]:
    """The division and its ancestors, province first."""
    out = [division]
    while (up := parent(out[0])) is not None:
        out.insert(0, up)
    return tuple(out)


def contains(outer: Division, inner: Division) -> bool:
    return outer in chain(inner)
