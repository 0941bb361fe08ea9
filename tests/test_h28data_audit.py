"""Session 28 audit of the published data and the agency register, as researchers use them: the same agency
printed two ways is one agency; table 二's counts are integers and its amounts numbers in every format; a
report of an abolished district is placed; an agency's two reports of one year are counted once."""

from __future__ import annotations

import csv

import pytest

from tests.factory import tab_report
from xxgk.agency.resolve import name_to_agency
from xxgk.package.build import build_package


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# a city bureau's branch in a district, printed with the district's full name and with its short name
BRANCH_SPELLINGS = [
    ("南充市公安局嘉陵区分局", "南充市公安局嘉陵分局"),
    ("北京市公安局朝阳区分局", "北京市公安局朝阳分局"),
    ("广州市生态环境局番禺区分局", "广州市生态环境局番禺分局"),
]


@pytest.mark.parametrize("full,short", BRANCH_SPELLINGS)
def test_a_branch_printed_with_or_without_its_districts_suffix_is_one_agency(full, short):
    one, other = name_to_agency(full, "", {}), name_to_agency(short, "", {})
    assert one.key == other.key and one.agency_id == other.agency_id
    assert one.county_code == other.county_code != ""


def test_the_register_has_one_row_for_a_branch_printed_two_ways(tmp_path):
    """南充市公安局嘉陵区分局 (2023) and 南充市公安局嘉陵分局 (2024): one row in agencies, the newest name, the other
    an alias, both reports pointing at it (before: two rows, the second with a digest id, two agency pages)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="南充市公安局嘉陵区分局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="南充市公安局嘉陵分局", year=2024), encoding="utf-8")
    build_package(reports, tmp_path / "out", workers=1)
    agencies = _rows(tmp_path / "out" / "data" / "agencies.csv")
    assert len(agencies) == 1
    (agency,) = agencies
    assert agency["name"] == "南充市公安局嘉陵分局" and agency["aliases"] == "南充市公安局嘉陵区分局"
    assert (agency["first_year"], agency["last_year"], agency["county"]) == ("2023", "2024", "嘉陵区")
    assert {r["agency_id"] for r in _rows(tmp_path / "out" / "data" / "reports.csv")} == {agency["agency_id"]}
