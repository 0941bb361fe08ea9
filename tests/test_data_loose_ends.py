"""The data side's loose ends, each checked as a user of the package would: duplicates are of the same
agency as resolved (not as printed), a missing title says what the resolver found instead, the site
shows a formula-looking text as the report printed it, the data dictionary is Chinese first, and the
changelog has an entry for the published version."""

from __future__ import annotations

import json
import re
import shutil

from hypothesis import given
from hypothesis import strategies as st

from xxgk.package.build import build_package
from xxgk.package.collect import collect
from xxgk.package.schema import descriptor
from xxgk.package.write import package_files
from xxgk.safe import cell_text, sheet_cell
from xxgk.site.build import write_site_src
from xxgk.site.bulk import page_html, spooled
from xxgk.site.data import Package, read_csv

from .conftest import ROOT, SEEDS
from .factory import tab_report

FUZHOU = "本机关地址：福州市鼓楼区东街。福州市鼓楼区人民政府办公室负责解释。"
NANJING = "本机关地址：南京市鼓楼区北京西路。南京市鼓楼区人民政府办公室负责解释。"


def _write(folder, files: dict[str, str | bytes]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return {r.source_file: r for r in collect(folder)}


def _codes(report) -> list[str]:
    return [f.code for f in report.findings]


def _duplicate(report):
    found = [f for f in report.findings if f.code == "duplicate_report"]
    return found[0].message if found else None


# --- duplicate_report: the agency as resolved, and identical bytes ------------------------------------------------

def test_one_agency_printed_two_ways_in_one_year_is_a_duplicate(tmp_path):
    reports = _write(tmp_path, {"long.txt": tab_report(agency="青海省格尔木市数据局", narrative="网页版。"),
                                "short.txt": tab_report(agency="格尔木市数据局", narrative="PDF 版。"),
                                "next_year.txt": tab_report(agency="格尔木市数据局", year=2025)})
    assert reports["long.txt"].record.agency != reports["short.txt"].record.agency  # printed differently
    assert _duplicate(reports["long.txt"]) == "另有报告与本报告重复：short.txt（同一机构同一年度）"
    assert _duplicate(reports["short.txt"]) == "另有报告与本报告重复：long.txt（同一机构同一年度）"
    assert _duplicate(reports["next_year.txt"]) is None  # the same agency's other year is no duplicate


def test_two_agencies_printed_alike_are_not_duplicates(tmp_path):
    reports = _write(tmp_path, {"fuzhou.txt": tab_report(agency="鼓楼区人民政府", narrative=FUZHOU),
                                "nanjing.txt": tab_report(agency="鼓楼区人民政府", narrative=NANJING)})
    assert reports["fuzhou.txt"].record.agency == reports["nanjing.txt"].record.agency == "鼓楼区人民政府"
    assert reports["fuzhou.txt"].identity.city == "福州市" and reports["nanjing.txt"].identity.city == "南京市"
    assert "duplicate_report" not in _codes(reports["fuzhou.txt"]) + _codes(reports["nanjing.txt"])


def test_byte_identical_files_are_duplicates_whoever_published_them(tmp_path):
    unnamed = tab_report(agency="局")  # a bare 局 identifies no agency: no agency_id
    same = tab_report(agency="西宁市教育局")
    reports = _write(tmp_path, {"a.txt": unnamed, "b.txt": unnamed, "c.txt": same, "d.txt": same,
                                "e.txt": tab_report(agency="局", narrative="另一份。")})
    assert reports["a.txt"].identity.agency_id is None
    assert _duplicate(reports["a.txt"]) == "另有报告与本报告重复：b.txt（文件字节相同）"
    assert _duplicate(reports["c.txt"]) == "另有报告与本报告重复：d.txt（同一机构同一年度，文件字节相同）"
    assert _duplicate(reports["e.txt"]) is None  # unidentified and not the same bytes: nothing to compare


# --- agency_not_found says what happened ------------------------------------------------------------------------

def test_a_name_found_in_the_body_is_said_with_its_evidence(tmp_path):
    reports = _write(tmp_path, {"seed.txt": (SEEDS / "000_4cb0808ff48d5523.txt").read_bytes()})  # no title, no manifest
    report = reports["seed.txt"]
    assert report.record.agency is None  # the title names no agency …
    assert "agency_not_found" not in _codes(report)  # … but the finding does not say none was found
    found = [f for f in report.findings if f.code == "agency_from_body"]
    assert len(found) == 1 and found[0].actual == "格尔木市数据局" and found[0].severity == "info"
    assert found[0].message.startswith("标题中没有机构名称，识别为“格尔木市数据局”（依据：")
    assert "市数据局" in found[0].message and "格尔木市" in found[0].message  # the evidence the resolver used


def test_no_name_in_title_or_body_says_both(tmp_path):
    text = tab_report().split("\n", 1)[1]  # the report without its title line: nothing names the agency
    report = _write(tmp_path, {"untitled.txt": text})["untitled.txt"]
    assert report.identity.name is None
    found = [f for f in report.findings if f.code == "agency_not_found"]
    assert [f.message for f in found] == ["标题中找不到机构名称，正文中也无法识别；可在 sources.csv 清单中补充"]
    assert "agency_from_body" not in _codes(report)


def test_a_manifest_agency_leaves_no_agency_finding(tmp_path):
    report = _write(tmp_path, {"untitled.txt": tab_report().split("\n", 1)[1],
                               "sources.csv": "file,agency,year\nuntitled.txt,格尔木市数据局,2024\n"})["untitled.txt"]
    assert report.record.agency == "格尔木市数据局"
    assert not {"agency_not_found", "agency_from_body"} & set(_codes(report))


# --- the site shows a formula-looking text as printed ------------------------------------------------------------

@given(st.text())
def test_cell_text_undoes_sheet_cell_for_any_string(text):
    assert cell_text(sheet_cell(text)) == text


def test_the_site_reads_a_formula_looking_text_as_the_report_printed_it(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "@SUM(1+1).txt").write_text(tab_report(agency="格尔木市数据局", narrative="=1+1 <b>粗</b>"),
                                           encoding="utf-8")
    assert build_package(reports, tmp_path / "datapackage", workers=1)[1] == []
    raw = {r["source_file"] for r in read_csv(tmp_path / "datapackage" / "data" / "reports.csv")}
    assert raw == {"'@SUM(1+1).txt"}  # the published CSV keeps its guard against formulas
    pkg = Package.load(tmp_path / "datapackage")
    assert [r["source_file"] for r in pkg.tables["reports"]] == ["@SUM(1+1).txt"]
    assert pkg.tables["sections"][0]["text"] == "=1+1 <b>粗</b>"
    write_site_src(tmp_path / "datapackage", tmp_path / "site_src")
    pages = "".join(page_html(e) for e in spooled(tmp_path / "site_src"))  # the report and agency pages
    assert "@SUM(1+1).txt" in pages and "=1+1 &lt;b&gt;粗&lt;/b&gt;" in pages  # as printed, escaped for HTML
    assert "'@SUM" not in pages and "&#x27;@SUM" not in pages and "&#x27;=1+1" not in pages
    download = (tmp_path / "site_src" / "downloads" / "data" / "reports.csv").read_text(encoding="utf-8-sig")
    assert "'@SUM(1+1).txt" in download  # the downloads are the package as published


# --- the data dictionary: Chinese first, English beside -----------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese_first(text: str) -> bool:
    """Starts with Chinese, and an English part (a run of Latin words) follows it."""
    english = re.search(r"[A-Za-z]{2,}(?:[ ,:'-]+[A-Za-z0-9]{2,})+", text or "")  # two Latin words at least
    return bool(text) and bool(_CJK.match(text)) and english is not None and bool(_CJK.search(text[:english.start()]))


def test_every_description_in_datapackage_json_is_chinese_first_with_english_beside():
    package = descriptor("0.0.0")
    assert _chinese_first(package["description"])
    undescribed = [(r["name"], f.get("name")) for r in package["resources"] for f in [r, *r["schema"]["fields"]]
                   if not _chinese_first(f.get("description", ""))]
    assert undescribed == []
    assert {r["name"] for r in package["resources"]} >= {"agencies", "metrics"}
    assert all(_CJK.search(f.get("title", "")) for r in package["resources"] for f in r["schema"]["fields"]
               if f["name"] not in ("sha256",))


def test_the_query_files_are_described_chinese_first(seed_package):
    package = json.loads((seed_package[0] / "datapackage.json").read_text(encoding="utf-8"))
    entries = package["x_xxgk_query_files"]
    assert {e["path"] for e in entries} >= {"xxgk.db", "metadata.json", "parquet/agencies.parquet"}
    assert [e["path"] for e in entries if not _chinese_first(e.get("description", ""))] == []


# --- the changelog has an entry for this data version -----------------------------------------------------------

def test_the_changelog_opens_with_the_published_version_for_its_users():
    version = (SEEDS / "VERSION").read_text(encoding="utf-8").strip()
    changelog = (SEEDS / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+)", changelog, flags=re.M)
    assert headings[0] == version and version not in headings[1:]
    major, minor, _ = map(int, version.split("."))
    assert (major, minor) > tuple(map(int, headings[1].split(".")[:2]))  # new resources: a minor release at least
    entry = changelog.split(f"## {version}", 1)[1].split("\n## ", 1)[0]
    assert _CJK.match(entry.strip())  # Chinese first
    entry = changelog.split("## 0.2.0", 1)[1].split("\n## ", 1)[0]  # what 0.2.0 added, still said there
    for words in ("agencies", "metrics", "BOM", "xxgk.db", "Parquet", "agency_id", "placed_by"):
        assert words in entry, words


def test_the_package_carries_the_changelog_and_version(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "reports")
    reports = collect(tmp_path / "reports")
    changelog = (SEEDS / "CHANGELOG.md").read_bytes()
    files = package_files(reports, (SEEDS / "VERSION").read_text().strip(), changelog)
    assert files["CHANGELOG.md"] == changelog
    assert json.loads(files["datapackage.json"])["version"] == (ROOT / "reports" / "VERSION").read_text().strip()


def test_the_official_original_printed_in_the_text_is_published_as_source_url(tmp_path):
    """A web page's 原文链接 becomes reports.source_url (http/https only); the manifest's url wins."""
    seed = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(seed + "\n原文链接：https://www.geermu.gov.cn/xxgk/2024.html\n", encoding="utf-8")
    (folder / "b.txt").write_text(seed.replace("2024", "2023") + "\n网址：javascript:alert(1)\n", encoding="utf-8")
    (folder / "c.txt").write_text(seed.replace("2024", "2022") + "\n来源：https://x.gov.cn/p\n", encoding="utf-8")
    (folder / "sources.csv").write_text("file,url\nc.txt,https://manifest.gov.cn/c\n", encoding="utf-8")
    build_package(folder, tmp_path / "out", workers=1)
    urls = {r["source_file"]: r["source_url"] for r in read_csv(tmp_path / "out" / "data" / "reports.csv")}
    assert urls == {"a.txt": "https://www.geermu.gov.cn/xxgk/2024.html", "b.txt": None,
                    "c.txt": "https://manifest.gov.cn/c"}
