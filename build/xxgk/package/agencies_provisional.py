"""PROVISIONAL agency identity, until the agency resolver of issue 13 lands: fills the agencies contract crudely.

Contract (shared with issue 13): the ``agencies`` resource (agency_id, name, aliases, province_code, province,
city_code, city, county_code, county, tier, kind, system, first_year, last_year) and, on each report row,
agency_id, tier, kind and peer_group. Here:

- agency_id = pinyin slug of the canonical agency name (a collision gets ``-2``, ``-3`` … in name order);
- region names from the manifest only (no GB/T 2260 codes); tier from the deepest region the manifest gives;
- kind = government for a name ending in 人民政府/办公厅/办公室 or a bare region name (…市, …区, …县: a
  government's summary report), else department; system left empty.

It has one call site (``write.package_files``), so the real resolver replaces it there.

>>> rows = [{"report_id": "a", "agency": "格尔木市数据局", "year": 2025, "province": "青海省", "city": "海西州",
...          "county": "格尔木市", "level": None},
...         {"report_id": "b", "agency": None, "year": 2024, "province": None, "city": None, "county": None,
...          "level": None}]
>>> [(a["agency_id"], a["tier"], a["kind"]) for a in add_agencies(rows)]
[('geermushishujuju', 'county', 'department')]
>>> rows[0]["peer_group"], rows[1]["agency_id"]
('2025|county|青海省|department|', None)
"""

from __future__ import annotations

import re

GOVERNMENT_SUFFIXES = ("人民政府", "办公厅", "办公室")
REGION_SUFFIXES = ("省", "市", "区", "县", "旗", "州", "盟")  # a bare region name reports for its government


def _slug(name: str) -> str:
    from pypinyin import lazy_pinyin

    text = "".join(lazy_pinyin(name)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "agency"


def _tier(report: dict) -> str | None:
    if report.get("county"):
        return "county"
    if report.get("city"):
        return "prefecture"
    if report.get("province"):
        return "province"
    return None


def _kind(report: dict) -> str:
    name = report["agency"]
    if report.get("level") in ("government", "department"):
        return report["level"]
    if name.endswith(GOVERNMENT_SUFFIXES + REGION_SUFFIXES) or name in (report.get("county"), report.get("city")):
        return "government"
    return "department"


def add_agencies(reports: list[dict]) -> list[dict]:
    """Fill agency_id, tier, kind and peer_group on each report row (in place); return the agencies rows,
    sorted by agency_id."""
    names = sorted({r["agency"] for r in reports if r["agency"]})
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = candidate = _slug(name)
        n = 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        ids[name] = candidate
    agencies: dict[str, dict] = {}
    for r in reports:
        if not r["agency"]:
            r.update(agency_id=None, tier=None, kind=None, peer_group=None)
            continue
        aid, tier, kind = ids[r["agency"]], _tier(r), _kind(r)
        r.update(agency_id=aid, tier=tier, kind=kind)
        r["peer_group"] = f"{r['year']}|{tier}|{r['province']}|{kind}|" if r["year"] and tier and r["province"] \
            else None
        a = agencies.setdefault(aid, {"agency_id": aid, "name": r["agency"], "aliases": None,
                                      "province_code": None, "province": None, "city_code": None, "city": None,
                                      "county_code": None, "county": None, "tier": tier, "kind": kind,
                                      "system": None, "first_year": None, "last_year": None})
        for key in ("province", "city", "county", "tier"):
            a[key] = a[key] or r.get(key) or (tier if key == "tier" else None)
        if r["year"]:
            a["first_year"] = min(a["first_year"] or r["year"], r["year"])
            a["last_year"] = max(a["last_year"] or r["year"], r["year"])
    return [agencies[k] for k in sorted(agencies)]
