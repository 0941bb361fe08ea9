"""Reports → agencies: the ``agencies`` resource, final ids, peer groups and publication deadlines. Pure.

>>> peer_group(2023, Agency(name="x", tier="county", kind="department", system="数据", province="青海省"))
'2023|county|青海省|department|数据'
>>> deadline(2024, Agency(kind="government", tier="county")).isoformat()
'2025-03-31'
>>> deadline(2024, Agency(kind="department", tier="county")).isoformat()
'2025-01-31'
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from ..catalog import table
from ..findings import Finding, make
from ..readers import to_simplified
from .ids import disambiguate
from .renames import former_names
from .resolve import Agency, name_to_agency

TRADITIONAL_PROBE = 3000  # characters of a report's head looked through for Traditional ones
AGENCY_FIELDS = ("agency_id", "name", "aliases", "province_code", "province", "city_code", "city", "county_code",
                 "county", "tier", "kind", "system", "first_year", "last_year")


def attach_agency(report, title_agency: str | None, entry: dict) -> None:
    """Resolve ``report``'s publisher (``report.identity``) and add its findings. Called by the collector. The
    body's evidence is read in Simplified Chinese, as the parser reads the text (``readers.to_simplified``: nothing
    converted where its head holds no Traditional character, ``TRADITIONAL_PROBE``: a mirror is Traditional
    throughout, and looking through a whole report costs about 2 ms): a Traditional page's 格爾木市 in its contact
    address named no division, and its street office was published with no county (a session-39 leftover)."""
    head = report.text[:TRADITIONAL_PROBE]
    text = report.text if to_simplified(head) is head else to_simplified(report.text)
    report.identity = name_to_agency(title_agency, text, entry)
    report.file_findings += list(report.identity.findings)
    codes = {f.code for f in report.record.findings}
    case = "title_joint" if "agency_joint" in codes else "title_refused" if "agency_unreadable" in codes else ""
    report.record.findings = [_what_happened(report.identity, case) if f.code == "agency_not_found" else f
                              for f in report.record.findings]


def _what_happened(who: Agency, case: str = "") -> Finding:
    """The parser's ``agency_not_found`` (no name in the title, or its name not read: ``case`` ``title_refused``,
    the parser's ``agency_unreadable``, or ``title_joint``, its ``agency_joint``), told as it ended: the name the
    resolver found elsewhere, with its evidence (``agency_from_body``), or that the body named none either.

    >>> _what_happened(Agency(name="格尔木市数据局", evidence=("机构名称（正文）：市数据局",))).message
    '标题中没有机构名称，识别为“格尔木市数据局”（依据：机构名称（正文）：市数据局）'
    >>> _what_happened(Agency()).message
    '标题中找不到机构名称，正文中也无法识别；可在 sources.csv 清单中补充'
    >>> _what_happened(Agency(), case="title_refused").message
    '标题中的机构名称无法读取（见“机构名称无法读取”），未采用，正文中也无法识别；可在 sources.csv 清单中补充'
    """
    if who.name:
        return make("agency_from_body", actual=who.name, detail="；".join(who.evidence) or "正文", case=case)
    return make("agency_not_found", detail="，正文中也无法识别；可在 sources.csv 清单中补充", case=case)


def identity_of(report) -> Agency:
    return getattr(report, "identity", None) or Agency()


def agency_key(report) -> tuple | None:
    """The agency ``report`` belongs to, as resolved (one ``agency_id`` per key, across renames and
    however the name was printed); ``None`` when no agency was identified. Reports are "of the same
    agency" when their keys are equal, never because their printed names are."""
    who = identity_of(report)
    return who.key if who.agency_id else None


def series_key(report) -> str | None:
    """The key that follows ``report``'s agency across years (report card, table 二 history): its
    ``agency_key`` where one was identified, else the name as printed."""
    key = agency_key(report)
    return f"id:{key}" if key is not None else report.record.agency


@cache
def _deadlines() -> dict[tuple[str, str, str], dict]:
    return {(r["tier"], r["kind"], r["name_ends"]): r for r in table("agency_deadlines")}


def deadline_rule(agency: Agency) -> dict:
    """The row of ``rules/agency_deadlines.csv`` that applies to ``agency`` (its ``month``, ``day``, ``quoted``:
    ``yes`` when it is the regulation's own date for that tier and kind, and ``reason_zh``). A row naming how the
    agency's name ends (``name_ends``: 中心, mostly a public institution, which 条例 第四十九条 does not name) comes
    before the rows of its tier and kind.

    Unknown tier or kind gets the departments' date, the stricter one.

    >>> deadline_rule(Agency(name="格尔木市数据局", tier="county", kind="department"))["quoted"]
    'yes'
    >>> deadline_rule(Agency(name="格尔木市政务服务中心", tier="county", kind="department"))["quoted"]
    'no'
    """
    rules = _deadlines()
    kind, name = agency.kind or "department", agency.name or ""
    for (tier, rule_kind, ends), row in rules.items():
        if ends and rule_kind == kind and tier in ("*", agency.tier) and name.endswith(ends):
            return row
    return rules.get((agency.tier or "*", kind, "")) or rules.get(("*", kind, "")) or rules[("*", "department", "")]


def deadline(year: int, agency: Agency) -> date:
    """Last day to publish the report on ``year`` (条例 第四十九条, ``rules/agency_deadlines.csv``).

    Unknown tier or kind gets the departments' date, the stricter one."""
    rule = deadline_rule(agency)
    return date(year + 1, int(rule["month"]), int(rule["day"]))


def peer_group(year: int | None, agency: Agency) -> str | None:
    """``year|tier|province|kind|系统`` — never across years; empty when one of them is unknown.

    Departments group by 系统; governments by kind alone. National bodies have no province."""
    if not year or not agency.tier or not agency.kind or (agency.tier != "national" and not agency.province):
        return None
    if agency.kind == "department" and not agency.system:
        return None
    return f"{year}|{agency.tier}|{agency.province}|{agency.kind}|{agency.system}"


def agency_ids(reports: list) -> dict[tuple, str]:
    """``{Agency.key: agency_id}``: the readable id; where two agencies' pinyin is the same (格尔木市数据局 and
    格尔木市数聚局), the one whose reports begin first keeps it (on a tie, the one of the smaller digest) and each
    other gets ``slug-xxxx``, a digest of its own key. So an agency keeps its id, and its pages and the links to
    them, when a homophone whose reports begin later arrives (before, both were renamed ``-xxxx``: the first's
    pages moved and every link to them broke); only one whose reports began earlier takes the plain id.
    Four hex digits are 65,536 values: among the 10,648 homophones 格尔木市书据据局…, 680 pairs share them
    (格尔木市书拘驹局 and 格尔木市数句巨局 were both ``…-shujujuju-cbaa``: one id, one set of pages, for two
    agencies). An id already given (a plain one, or an earlier-beginning homophone's) is never given again: the
    digest is lengthened four digits at a time until it is new."""
    by_slug: dict[str, dict[tuple, int]] = defaultdict(dict)
    for report in reports:
        agency = identity_of(report)
        if agency.agency_id:
            year = report.record.year or _NO_YEAR
            seen = by_slug[agency.agency_id]
            seen[agency.key] = min(seen.get(agency.key, _NO_YEAR), year)
    out, taken = {}, set(by_slug)
    for slug_text, keys in sorted(by_slug.items()):
        joined = {key: "|".join(map(str, key)) for key in keys}
        order = sorted(keys, key=lambda key: (keys[key], disambiguate(slug_text, joined[key], 40)))
        out[order[0]] = slug_text
        for key in order[1:]:
            out[key] = next(candidate for digits in range(4, 41, 4)
                            if (candidate := disambiguate(slug_text, joined[key], digits)) not in taken)
            taken.add(out[key])
    return out


_NO_YEAR = 10_000  # a report of no year begins after every dated one


def agencies_rows(reports: list, ids: dict[tuple, str]) -> list[dict]:
    """One row per agency (fields ``AGENCY_FIELDS``), sorted by ``agency_id``."""
    groups: dict[tuple, list] = defaultdict(list)
    for report in reports:
        agency = identity_of(report)
        if agency.agency_id:
            groups[agency.key].append((report.record.year, agency))
    rows = []
    for key, seen in groups.items():
        years = sorted(y for y, _ in seen if y)
        latest = max(seen, key=lambda ya: (ya[0] or 0, ya[1].name))[1]
        names = {n for _, a in seen for n in (a.name, *a.printed)} | set(former_names(latest.name, latest.tier))
        rows.append({"agency_id": ids[key], "name": latest.name,
                     "aliases": "|".join(sorted(names - {latest.name})) or None,
                     **{f: getattr(latest, f) or None for f in AGENCY_FIELDS[3:12]},
                     "first_year": years[0] if years else None, "last_year": years[-1] if years else None})
    return sorted(rows, key=lambda r: r["agency_id"])
