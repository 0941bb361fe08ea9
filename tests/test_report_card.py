"""Issue 9: each report-card check on small crafted cases, and on the real 平潭 series (2019–2025)."""

from __future__ import annotations

import shutil

import pytest

from xxgk.metadata import title_to_agency_year
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card

from .conftest import SHARED, needs_shared
from .factory import tab_report


def carded(tmp_path, files: dict[str, str], manifest: str = "") -> dict:
    """``{file name: Report}`` of ``files`` read and given the report card."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "sources.csv").write_text(manifest, encoding="utf-8")
    reports = collect(folder)
    add_report_card(reports)
    return {r.source_file: r for r in reports}


def card(tmp_path, files: dict[str, str], manifest: str = "") -> dict[str, set[str]]:
    return {name: {f.code for f in r.findings} for name, r in carded(tmp_path, files, manifest).items()}


def test_a_clean_pair_of_years_passes_every_cross_year_check(tmp_path):
    codes = card(tmp_path, {"a.txt": tab_report(year=2023, carried_forward=2, in_force=10),
                            "b.txt": tab_report(year=2024, carried_over=2, in_force=12, issued=3, repealed=1)})
    assert not {"chain_carried_over", "chain_in_force", "copied_text"} & (codes["a.txt"] | codes["b.txt"])


def test_carried_over_must_equal_last_years_carried_forward(tmp_path):
    codes = card(tmp_path, {"a.txt": tab_report(year=2023, carried_forward=6),
                            "b.txt": tab_report(year=2024, carried_over=0)})
    assert "chain_carried_over" in codes["b.txt"] and "chain_carried_over" not in codes["a.txt"]


def test_in_force_moves_by_issued_minus_repealed(tmp_path):
    codes = card(tmp_path, {"a.txt": tab_report(year=2023, in_force=26),
                            "b.txt": tab_report(year=2024, in_force=40, issued=8, repealed=5)})
    assert "chain_in_force" in codes["b.txt"]


def test_identical_narrative_in_two_years_is_flagged(tmp_path):
    long_text = "本机关认真落实政府信息公开条例，持续完善主动公开目录，规范依申请公开办理流程，" * 3
    codes = card(tmp_path, {"a.txt": tab_report(year=2022, narrative=long_text),
                            "b.txt": tab_report(year=2024, narrative=long_text)})
    assert "copied_text" in codes["a.txt"] and "copied_text" in codes["b.txt"]


def test_a_copy_of_the_same_year_is_a_duplicate_not_copied_text(tmp_path):
    long_text = "本机关认真落实政府信息公开条例，持续完善主动公开目录，规范依申请公开办理流程，" * 3
    report = tab_report(year=2024, narrative=long_text)
    codes = card(tmp_path, {"a.txt": report, "a-copy.txt": report, "b.txt": tab_report(year=2023)})
    # before: each copy said its text was copied from the "2024 report", i.e. from the other copy
    assert "copied_text" not in codes["a.txt"] | codes["a-copy.txt"]


@pytest.mark.parametrize("published,level,expected", [
    ("2025年1月20日", "", set()),
    ("2025年2月8日", "", {"late_publication"}),  # 样例县数据局, a department: 31 January (audit 26)
    ("2025年2月8日", "government", set()),
    ("2025年5月6日", "government", {"late_publication"}),
])
def test_timeliness_against_article_49(tmp_path, published, level, expected):
    manifest = f"file,level\na.txt,{level}\n" if level else ""
    codes = card(tmp_path, {"a.txt": tab_report(year=2024, published=published)}, manifest)
    assert codes["a.txt"] & {"possibly_late", "late_publication"} == expected


def test_section_six_not_saying_whether_a_processing_fee_was_charged(tmp_path):
    reports = {"silent.txt": tab_report(agency="甲局", fee="0"),  # before: nothing (table 二 charged no fee)
               "said.txt": tab_report(agency="乙局", fee="12.5", other_matters="本年度未收取信息处理费。"),
               "old.txt": tab_report(agency="丙局", year=2020)}
    codes = card(tmp_path, reports)
    assert "processing_fee_unstated" in codes["silent.txt"]
    assert "processing_fee_unstated" not in codes["said.txt"] | codes["old.txt"]


def test_table_twos_administrative_fees_are_no_processing_fee(tmp_path):
    # 行政事业性收费 1629 万元 is the agency's fees, not 信息处理费: section 六 need not explain them (before:
    # fees_not_mentioned, "表2收费1629.258万元，但…未提及收费"); what it must say is whether 信息处理费 was charged
    codes = card(tmp_path, {"a.txt": tab_report(fee="1629.258", other_matters="无。")})
    assert "fees_not_mentioned" not in codes["a.txt"] and "processing_fee_unstated" in codes["a.txt"]


def test_prose_count_of_normative_documents_against_table_2(tmp_path):
    codes = card(tmp_path, {"a.txt": tab_report(narrative="全年制发规范性文件9件。", issued=8, in_force=8)})
    assert "narrative_mismatch" in codes["a.txt"]


def test_agencies_are_recognised_across_spellings():
    assert title_to_agency_year("平潭综合实验区管委会2023年政府信息公开工作年度报告") == ("平潭综合实验区", 2023)


@needs_shared
def test_the_real_pingtan_series(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for stem in ("h004", "h006", "h008", "h010"):
        shutil.copy(SHARED / "corpus" / "reports" / f"{stem}.txt", folder / f"{stem}.txt")
    reports = {r.source_file: r for r in collect(folder)}
    add_report_card(list(reports.values()))
    codes = {name: {f.code for f in r.findings} for name, r in reports.items()}
    assert {r.record.agency for r in reports.values()} == {"平潭综合实验区"}
    # published 2020-01-20, 2022-02-08, 2024-03-08, 2026-03-10: a government's summary report is due by
    # 31 March, and 平潭综合实验区 is resolved as a government with no manifest (issue 13), so none is late
    assert not any("possibly_late" in codes[f"{s}.txt"] for s in ("h004", "h006", "h008", "h010"))
    assert not any("late_publication" in c for c in codes.values())
    # the series skips years, so no chain can be checked; the 2019 report uses the 2019 format lawfully
    assert not any(c & {"chain_carried_over", "chain_in_force", "format_outdated"} for c in codes.values())
    (folder / "sources.csv").write_text("file,level\n" + "".join(f"{s}.txt,government\n" for s in
                                                                   ("h004", "h006", "h008", "h010")), encoding="utf-8")
    reports = collect(folder)
    add_report_card(reports)
    assert not any(f.code == "possibly_late" for r in reports for f in r.findings)


def test_the_report_counted_for_a_year_carries_the_cross_year_checks(tmp_path):
    """An agency that published its 2024 report twice (an HTML page and its PDF, identical numbers) and whose 2024
    上年结转 differs from 2023's 结转下年度: before, only the first file of 2024 was checked, the finding made it the
    worse-read file, so the other was counted — ranked, in the peer medians — with no chain finding at all."""
    files = {"a.txt": tab_report(year=2023, carried_forward=6, published="2024年1月20日"),
             "b.txt": tab_report(year=2024, carried_over=0, published="2025年1月20日"),
             "c.txt": tab_report(year=2024, carried_over=0, published="2025年1月21日")}
    by_name = carded(tmp_path, files)
    counted = [r for r in (by_name["b.txt"], by_name["c.txt"]) if r.duplicate_of is None]
    assert len(counted) == 1
    assert "chain_carried_over" in {f.code for f in counted[0].findings}
    # the file not counted is checked against 2023 too: its page shows the same broken chain
    assert all("chain_carried_over" in {f.code for f in by_name[n].findings} for n in ("b.txt", "c.txt"))


def test_the_cross_year_checks_compare_with_last_years_counted_report(tmp_path):
    """2023 printed twice: a.txt, misread (its 新收 printed 9: two sums fail), and a2.txt read clean and counted;
    2024's 上年结转 (6) matches the counted file's 结转下年度 (6), not the misread one's (0): no chain finding."""
    files = {"a.txt": tab_report(year=2023, carried_forward=0, cell="9", published="2024年1月20日"),
             "a2.txt": tab_report(year=2023, carried_forward=6, published="2024年1月20日"),
             "b.txt": tab_report(year=2024, carried_over=6, carried_forward=6, published="2025年1月20日")}
    by_name = carded(tmp_path, files)
    assert by_name["a.txt"].duplicate_of == by_name["a2.txt"].report_id
    assert "chain_carried_over" not in {f.code for f in by_name["b.txt"].findings}


@pytest.mark.parametrize(("year", "flagged"), [(2020, True), (2015, False)])
def test_a_report_of_a_district_abolished_before_its_year_says_so(tmp_path, year, flagged):
    """上海市闸北区 was abolished in 2015 (its area is 静安区's): a 2020 report placed there names a district that
    no longer existed — the year or the publisher misread, or a former name printed; the 2015 report was due."""
    report = carded(tmp_path, {"a.txt": tab_report(agency="上海市闸北区人民政府", year=year)})["a.txt"]
    found = [f for f in report.findings if f.code == "agency_division_abolished"]
    assert bool(found) is flagged
    if flagged:
        assert (found[0].actual, found[0].expected) == ("2020", "2015")
        assert "闸北区已于2015年撤销，区域今属静安区" in found[0].message
