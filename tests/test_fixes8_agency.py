"""A region printed with its suffix names the one place whose full name ends so; a bare stem several
places share stays ambiguous (a finding, never a guess)."""

from __future__ import annotations

from xxgk.agency import name_to_agency


def test_datong_county_with_its_suffix_is_the_qinghai_county():
    agency = name_to_agency("大通县交通运输局", "", {})  # before: agency_region_ambiguous (大通区 too)
    assert (agency.province, agency.city, agency.county) == ("青海省", "西宁市", "大通回族土族自治县")
    assert "agency_region_ambiguous" not in [f.code for f in agency.findings]


def test_datong_district_with_its_suffix_is_the_anhui_district():
    agency = name_to_agency("大通区交通运输局", "", {})
    assert (agency.province, agency.county) == ("安徽省", "大通区")


def test_a_bare_stem_shared_by_two_places_stays_ambiguous():
    agency = name_to_agency("大通交通运输局", "", {})
    assert agency.county == ""
    assert "agency_region_ambiguous" in [f.code for f in agency.findings]
