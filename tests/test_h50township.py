"""A township placed in no county or city is said so: ``agency_region_absent``.

A township's report whose title, text and manifest name no county (城关镇人民政府 alone) is identified by its
name: the reports of two same-named townships of different counties — 城关镇 is in hundreds — become one agency,
one page, one series compared year with year, and nothing said so. The finding tells the reader and how to place
it (the manifest's province, city and county); a township the text or the manifest places has none.
"""

from __future__ import annotations

from xxgk.package.collect import collect

from .factory import tab_report


def test_a_township_no_text_places_is_said_to_be_identified_by_its_name_alone(tmp_path):
    files = {"bare.txt": tab_report(agency="测试镇人民政府", year=2023),
             "street.txt": tab_report(agency="样例街道办事处", year=2024),
             "titled.txt": tab_report(agency="格尔木市测试镇人民政府", year=2024),
             "signed.txt": tab_report(agency="样例镇人民政府", narrative="本报告由格尔木市样例镇人民政府编制。"),
             "bureau.txt": tab_report(agency="样例局")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,agency,year,url,retrieved_at,notes,province,city,county\n"
                                          "listed.txt,,,,,,青海省,海西蒙古族藏族自治州,格尔木市\n", encoding="utf-8")
    (tmp_path / "listed.txt").write_text(tab_report(agency="测试乡人民政府"), encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path, workers=1)}
    absent = {name: [f for f in r.findings if f.code == "agency_region_absent"] for name, r in reports.items()
              if name != "sources.csv"}
    assert sorted(name for name, found in absent.items() if found) == ["bare.txt", "street.txt"]
    (finding,) = absent["bare.txt"]
    assert finding.severity == "warning" and finding.actual == "测试镇人民政府"
    assert "同名乡镇" in finding.message and "sources.csv" in finding.message
    assert reports["listed.txt"].identity.county == "格尔木市" and reports["bare.txt"].identity.tier == "township"
