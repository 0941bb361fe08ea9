"""Hostile inputs the earlier suites had not tried, one test per hole found (each failed before its fix), through
the command line where a user meets them: a number longer than any sink carries, a carriage return in a file name,
a manifest region that is no division."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.narrative import narrative_to_findings, stated_counts
from xxgk.parser import parse
from xxgk.safe import cell_text
from xxgk.site.data import read_csv

from .factory import tab_report

GOOD = tab_report(agency="良好局").encode()


def _package(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(root / "reports"),
                           "--out", str(root / "datapackage")], capture_output=True, text=True, cwd=root, timeout=900)


def _findings(root: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in read_csv(root / "datapackage" / "data" / "findings.csv"):
        out.setdefault(f["report_id"], []).append(f)
    return out


def _raw_rows(path: Path) -> list[list[str]]:
    """A package CSV as any CSV reader sees it (no help from the package's own readers)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "good.txt").write_bytes(GOOD)
    return tmp_path


# --- a number longer than any sink carries --------------------------------------------------------------------

LONG = {  # file -> (the report, the printed value that must be missing, never rounded)
    "ten_to_30.txt": (tab_report("1" + "0" * 30, agency="三十位局"), "1" + "0" * 30),
    "two_to_63.txt": (tab_report("9223372036854775808", agency="溢出局"), "9223372036854775808"),  # int64 + 1
    "digits_5000.txt": (tab_report("7" * 5000, agency="五千位局"), "7" * 5000),  # beyond int()'s 4,300 digits
    "fee_16_digits.txt": (tab_report(fee="1234567890.123456", agency="十六位局"), "1234567890.123456"),
}


@pytest.fixture(scope="module")
def long_numbers(tmp_path_factory):
    root = tmp_path_factory.mktemp("long")
    (root / "reports").mkdir()
    (root / "reports" / "good.txt").write_bytes(GOOD)
    (root / "reports" / "fifteen.txt").write_text(tab_report("999999999999999", agency="十五位局"), encoding="utf-8")
    for name, (text, _) in LONG.items():
        (root / "reports" / name).write_text(text, encoding="utf-8")
    return root, _package(root)


def test_a_number_longer_than_any_sink_carries_never_stops_the_build(long_numbers):
    """One report printing 10^30 applications stopped the whole build (Parquet: ``OverflowError: Python int too
    large to convert to C long``); a cell of 5,000 digits failed its file (``int()`` refuses them)."""
    root, result = long_numbers
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    assert rows["good.txt"]["status"] == "parsed"
    assert (root / "datapackage" / "xxgk.db").is_file() and (root / "datapackage" / "parquet").is_dir()
    assert all(rows[name]["status"] == "partial" for name in LONG)  # read, one value missing: not failed


@pytest.mark.parametrize("name", sorted(LONG))
def test_a_number_longer_than_any_sink_carries_is_missing_with_a_finding(long_numbers, name):
    root, _ = long_numbers
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    rid = rows[name]["report_id"]
    invalid = [f for f in _findings(root)[rid] if f["code"] == "value_invalid"]
    # the number as printed, once the apostrophe that keeps Excel from rounding it is taken off (safe.cell_text)
    assert [f["actual"] for f in invalid] == [f"'{LONG[name][1]}"]
    assert [cell_text(f["actual"]) for f in invalid] == [LONG[name][1]]
    if name.startswith("fee"):
        fees = [r for r in read_csv(root / "datapackage" / "data" / "active_disclosure.csv")
                if r["report_id"] == rid and r["measure"] == "amount_10k_yuan"]
        assert [r["value"] for r in fees] == [None]
    else:
        new = [r for r in read_csv(root / "datapackage" / "data" / "applications.csv")
               if r["report_id"] == rid and r["row"] == "new" and r["applicant"] == "natural_person"]
        assert [r["value"] for r in new] == [None]


def test_a_count_of_fifteen_digits_is_kept_exactly(long_numbers):
    root, _ = long_numbers
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    new = [r for r in _raw_rows(root / "datapackage" / "data" / "applications.csv")[1:]
           if r[0] == rows["fifteen.txt"]["report_id"] and "999999999999999" in r]
    assert len(new) == 1


def test_prose_stating_a_count_of_thousands_of_digits_is_a_mismatch_as_printed():
    """``int()`` refused the 5,000 digits and the whole file failed (``worker_died: ValueError``)."""
    printed = "9" * 5000
    text = f"本年共收到政府信息公开申请{printed}件。"
    values = {"applications": {("new", "total"): 31, ("carried_over", "total"): 0}}
    assert [(f.code, f.actual) for f in narrative_to_findings(text, values, 1)] == [("narrative_mismatch", printed)]
    assert stated_counts(f"规范性文件方面，本年制发{printed}件。", "active") == {}


# --- a carriage return in a file name-------------------------------------------------------------------------

def test_a_carriage_return_in_a_file_name_keeps_every_csv_row_whole(root):
    """Python's csv quotes only its line terminator's characters: a lone CR was written bare, every reader split
    the row there, and the package's own check stopped the build (``IndexError``)."""
    name = "年报\r2024.txt"
    (root / "reports" / name).write_bytes(tab_report(agency="回车局").encode())
    result = _package(root)
    assert result.returncode == 0, result.stderr
    for path in sorted((root / "datapackage" / "data").glob("*.csv")):
        rows = _raw_rows(path)
        assert {len(row) for row in rows} == {len(rows[0])}, path.name
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    assert rows[name]["agency"] == "回车局" and rows[name]["status"] == "parsed"
    assert rows["good.txt"]["status"] == "parsed"


# --- a manifest region that is no division --------------------------------------------------------------------

def test_a_manifest_region_that_is_no_division_is_left_missing_as_its_finding_says(root):
    """The finding said 记为缺失 (left missing) while reports.csv published the manifest's text."""
    (root / "reports" / "second.txt").write_bytes(tab_report(agency="第二局").encode())
    (root / "reports" / "sources.csv").write_text(
        'file,province,city\ngood.txt,火星省,\nsecond.txt,青海省,"=IMPORTXML(""http://x"")"\n', encoding="utf-8")
    assert _package(root).returncode == 0
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    good, second = rows["good.txt"], rows["second.txt"]
    assert good["province"] is None
    assert (second["province"], second["city"]) == ("青海省", None)
    findings = _findings(root)
    assert [(f["column"], f["actual"]) for f in findings[good["report_id"]] if f["code"] == "manifest_value_invalid"] \
        == [("province", "火星省")]
    assert [f["column"] for f in findings[second["report_id"]] if f["code"] == "manifest_value_invalid"] == ["city"]


# --- a rare character in the agency's name --------------------------------------------------------------------

@pytest.mark.parametrize("agency", ["䢺溪镇人民政府", "𠀀家村民委员会数据局", "某县𬌗镇人民政府"])
def test_a_title_naming_an_agency_with_a_rare_han_character_keeps_the_whole_name(agency):
    """Extension A and the supplementary planes (place names' rare characters) were no Han character to the title's
    patterns: the name was cut after the last one (䢺溪镇人民政府 was read as 溪镇人民政府)."""
    assert parse(tab_report(agency=agency)).agency == agency


# --- a year no report can be of -------------------------------------------------------------------------------

def test_a_year_or_date_no_report_can_carry_is_missing_with_a_finding(root):
    """A title of 9999年 and a 发布日期 of 9999年12月31日 were published as read: that one file became the site's
    latest year (its home page showed 9999年度 alone) and its "last updated" date (9999-12-31, on every page)."""
    (root / "reports" / "far.txt").write_bytes(
        tab_report(agency="远年局", year=9999, published="9999年3月1日").encode())
    (root / "reports" / "late.txt").write_bytes(
        tab_report(agency="远日局", year=2024, published="发布日期：9999年12月31日").encode())
    (root / "reports" / "early.txt").write_bytes(tab_report(agency="古年局", year=1000).encode())
    assert _package(root).returncode == 0
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    findings = _findings(root)
    far, late, early = rows["far.txt"], rows["late.txt"], rows["early.txt"]
    assert (far["year"], far["published_date"], early["year"]) == (None, None, None)
    assert (late["year"], late["published_date"]) == ("2024", None)
    assert rows["good.txt"]["year"] == "2024"
    invalid = {name: sorted(f["actual"] for f in findings[rows[name]["report_id"]] if f["code"] == "date_invalid")
               for name in ("far.txt", "late.txt", "early.txt")}
    assert invalid == {"far.txt": ["9999-03-01", "9999年"], "late.txt": ["9999-12-31"], "early.txt": ["1000年"]}
