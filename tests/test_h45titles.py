"""Session 45 (helper A): a space inside a title's agency name is never a cut (样例县民 政局 was published as 政局, a
fragment the report never prints as a name); a failed file (no report text, an explainer, the 2008 form, a school
year's, unreadable, over budget) is no report in the report card's checks, the table-二 history, nor the quality
page's 发布月份 table.
Synthetic reports only (``factory.tab_report``); the functions are called, no site is built."""

from __future__ import annotations

import pytest

from xxgk.agency.divisions import Division
from xxgk.package import report_card
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card
from xxgk.parser import parse
from xxgk.site.publication_months import tally

from .factory import tab_report
from .test_h42explainer import EXPLAINER

SPACES = [" ", "\u3000", "\u00a0", "\t"]  # a space, the ideographic one, a no-break space, a tab


def _codes(record) -> list[str]:
    return [f.code for f in record.findings]


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_inside_a_word_of_the_titles_agency_name_is_taken_out_never_a_cut(space):
    """样例县民 政局: the name read with the space taken out is the name the parser reads whole (a county's 民政局);
    before, the part after the space, 政局, was published as the publisher."""
    record = parse(tab_report(agency=f"样例县民{space}政局"))
    assert record.agency == "样例县民政局", record.agency
    assert "agency_unreadable" not in _codes(record) and record.year == 2024


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_in_a_one_character_word_or_inside_a_region_is_taken_out(space):
    """样例县 民 政局 (a word broken after its first character) and 样例 县数据局 (the region's name broken): one name
    each, never 政局 or 县数据局."""
    assert parse(tab_report(agency=f"样例县 民{space}政局")).agency == "样例县民政局"
    assert parse(tab_report(agency=f"样例{space}县数据局")).agency == "样例县数据局"


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_between_the_region_and_the_department_keeps_working(space):
    """Spaces between a name's parts: a county and its bureau are one name; a city before its district's bureau
    is a banner (the district's bureau publishes); the year after a space is the year."""
    assert parse(tab_report(agency=f"样例县{space}民政局")).agency == "样例县民政局"
    assert parse(tab_report(agency=f"样例市{space}样例区教育局")).agency == "样例区教育局"
    record = parse(tab_report(agency="样例县民政局").replace("样例县民政局2024年", f"2024年{space}样例县民政局", 1))
    assert (record.agency, record.year) == ("样例县民政局", 2024)


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_name_read_across_a_space_inside_a_word_that_is_no_agencys_is_refused_with_its_line(space):
    """样例县民 政: read whole, 样例县民政 is no agency's name (no 局, no kind); cut, 政 a fragment. Refused: no
    publisher, ``agency_unreadable`` quoting the title's line, as a blank letter inside a name is."""
    record = parse(tab_report(agency=f"样例县民{space}政"))
    assert record.agency is None
    (refused,) = [f for f in record.findings if f.code == "agency_unreadable"]
    assert refused.line == 1 and refused.actual.startswith("样例县民") and "政2024年政府信息公开" in refused.actual


# -- failed files in the report card, the table-二 history and the 发布月份 table ----------------------------

def _collected(tmp_path, files: dict[str, str]) -> dict:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reports = collect(tmp_path)
    add_report_card(reports)
    return {r.source_file: r for r in reports}


# section 六 of a report (50 characters and more: a section the copy check compares)
SIX = ("本机关无其他需要报告的事项。今后将继续按照条例要求，认真做好政府信息公开工作，"
       "不断提高政府信息公开工作的质量和水平。")


def test_a_failed_file_placed_in_an_abolished_district_gets_no_abolished_finding(tmp_path, monkeypatch):
    """A made-up district abolished in 2015 (the division table and the placing stubbed: no real district here):
    a failed file of 2023 placed there had ``agency_division_abolished``; a report read in full still has it."""
    gone = Division("999901", "样例区", "county", "999900", "999900", "样例", abolished="2015")

    class Placed:
        county_code = "999901"

    monkeypatch.setattr(report_card, "divisions", lambda: {"999901": gone})
    monkeypatch.setattr(report_card, "successors", lambda division: ())
    monkeypatch.setattr(report_card, "identity_of", lambda report: Placed())
    monkeypatch.setattr(report_card, "timeliness_findings", lambda report: [])  # (the stub places no deadline)
    by_name = _collected(tmp_path, {"explainer.txt": EXPLAINER,
                                    "report.txt": tab_report(agency="样例县教育局", year=2023)})
    assert by_name["explainer.txt"].status == "failed"
    assert "agency_division_abolished" not in _codes(by_name["explainer.txt"])
    assert "agency_division_abolished" in _codes(by_name["report.txt"])


def test_a_failed_file_of_last_year_is_not_the_report_the_cross_year_checks_compare_with(tmp_path):
    """2023: an explainer (failed, first by file name) and the agency's report, 结转下年度 3; 2024's report says
    上年结转 0 and prints 2023's section 六 word for word. The explainer had been taken as 2023's report (nothing to
    compare: its tables and sections are not read), so the broken chain and the copied section went unsaid; now
    2024 is compared with 2023's report."""
    by_name = _collected(tmp_path, {
        "a_explainer.txt": EXPLAINER,
        "b_2023.txt": tab_report(agency="样例县教育局", year=2023, carried_forward=3, other_matters=SIX),
        "c_2024.txt": tab_report(agency="样例县教育局", year=2024, carried_over=0, other_matters=SIX)})
    failed = by_name["a_explainer.txt"]
    assert failed.status == "failed" and (failed.record.agency, failed.record.year) == ("样例县教育局", 2023)
    codes = _codes(by_name["c_2024.txt"])
    assert "chain_carried_over" in codes and "copied_text" in codes, codes
    assert "copied_text" in _codes(by_name["b_2023.txt"])  # (on both: which one copied is not known)


def test_a_failed_file_is_in_no_row_of_the_publication_months():
    """A failed file (an explainer dated February) and a report of the same year published in January: one report
    published, in January; the explainer had been counted in February and in 合计."""
    rows = [{"report_id": "e", "year": "2024", "published_date": "2025-02-08", "kind": "department",
             "status": "failed"},
            {"report_id": "r", "year": "2024", "published_date": "2025-01-20", "kind": "department",
             "status": "parsed"}]
    counted = tally(rows, {}, {"late_publication": "warning"}, lambda r: ("样例省", "样例市"))
    row = counted.rows[("2024", "样例省", "样例市", "department")]
    assert (row.total, row.months.get(1, 0), row.months.get(2, 0), row.unknown) == (1, 1, 0, 0)
    assert set(counted.rows) == {("2024", "样例省", "样例市", "department"),
                                 ("2024", "样例省", "全省合计", "department")}
    assert counted.rows[("2024", "样例省", "全省合计", "department")].total == 1


def test_a_failed_file_of_last_year_does_not_stop_its_in_force_count_cutting_this_years_row(tmp_path):
    """Table 二's digits run together in 2024 (123340) are cut by 2023's in-force count (331 + 12 − 3 = 340) when 2023
    has one report: an explainer of 2023's report (failed) made two, so the row stayed missing."""
    from xxgk.package.collect import parse_one
    from xxgk.package.table2_history import settle_with_previous_year

    from .test_layouts_table2 import _normative, flattened

    files = {"a2023.txt": flattened(2023, "规范性文件方面，本年制发10件，废止2件，现行有效331件。", "102331"),
             "a2023-explainer.txt": EXPLAINER.replace("样例县教育局", "某某县"),
             "a2024.txt": flattened(2024, "本年度工作有序开展。", "123340")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reports = {name: parse_one(str(tmp_path), name) for name in sorted(files)}
    explainer = reports["a2023-explainer.txt"]
    assert explainer.status == "failed" and (explainer.record.agency, explainer.record.year) == ("某某县", 2023)
    settle_with_previous_year(list(reports.values()))
    assert _normative(reports["a2024.txt"].record) == (12, 3, 340)


def test_a_failed_file_first_by_id_takes_neither_the_years_page_nor_its_value():
    """An agency's 2023: an explainer (failed, its id first) and the report read. The explainer took the plain
    ``2023.html`` (the report moved to ``2023-<id>.html``) and was the year's row of the charts and the compare page
    (no value); the report is the year's now, the explainer kept on a page of its own."""
    from types import SimpleNamespace

    from xxgk.site.browser_data import agency_years
    from xxgk.site.titles import report_paths

    rows = [{"report_id": "a-explainer", "agency_id": "x", "year": 2023, "status": "failed", "duplicate_of": ""},
            {"report_id": "b-report", "agency_id": "x", "year": 2023, "status": "parsed", "duplicate_of": ""}]
    paths = report_paths(rows)
    assert paths["b-report"].endswith("/2023.html") and paths["a-explainer"].endswith("/2023-a-explainer.html")
    assert agency_years(SimpleNamespace(tables={"reports": rows}))["x"][2023]["report_id"] == "b-report"
