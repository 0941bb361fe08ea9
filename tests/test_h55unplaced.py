"""A local body whose report names no place is said so (helper S's round 13, session 55): 教育局 or 商务局 alone
(a mirror's title, a page naming no county) was identified by its bare name — every unrelated bureau of that name,
in any county of any province, one agency and one series compared year with year — and 县教育局 (a county's bureau,
its county not named) was published with no agency at all; neither was said. A township so printed already was
(``agency_region_absent``); a national body names no region and is placed."""

from __future__ import annotations

from xxgk.package.collect import collect

from .factory import tab_report


def test_a_local_body_placed_nowhere_is_said_and_a_placed_or_national_one_is_not(tmp_path):
    files = {"bare.txt": "教育局", "generic.txt": "县教育局", "placed.txt": "格尔木市教育局", "national.txt": "水利部",
             "town.txt": "测试镇人民政府"}
    for name, agency in files.items():
        (tmp_path / name).write_text(tab_report(agency=agency), encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path, workers=1)}
    said = {name: [(f.code, f.severity, f.actual) for f in r.findings if f.code.startswith("agency_")]
            for name, r in reports.items()}
    assert said["bare.txt"] == [("agency_unplaced", "warning", "教育局")]
    assert said["generic.txt"] == [("agency_unplaced", "warning", "县教育局")]
    assert said["placed.txt"] == said["national.txt"] == []
    assert [code for code, _, _ in said["town.txt"]] == ["agency_region_absent"]
    bare, generic = (next(f for f in reports[n].findings if f.code == "agency_unplaced") for n in ("bare.txt",
                                                                                                "generic.txt"))
    assert "同一个机构" in bare.message and "sources.csv" in bare.message
    assert "未归入任何机构" in generic.message and "sources.csv" in generic.message
