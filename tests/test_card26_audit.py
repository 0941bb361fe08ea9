"""Audit 26 (the report card as a transparency office uses it): agency faults found at their documented severity.

Each test builds small reports (``factory.tab_report``) and asserts what the office sees: the finding's code,
severity and message, and the score the report card gives."""

from __future__ import annotations

import pytest

from xxgk.catalog import findings_catalogue
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card, agency_score


def _card(tmp_path, files: dict[str, str]) -> dict[str, list]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    reports = collect(folder)
    add_report_card(reports)
    return {r.source_file: r.findings for r in reports}


def _timely(findings: list) -> list:
    return [f for f in findings if f.code in {"late_publication", "possibly_late"}]


def _score(findings: list) -> int:
    return agency_score([{"code": f.code, "severity": f.severity} for f in findings])


@pytest.mark.parametrize("agency,published,code,severity,reason", [
    # a department is due by 31 January (条例 第四十九条): before, February read “可能晚于部门期限”, info, score 100
    ("格尔木市数据局", "2025年2月15日", "late_publication", "warning", "人民政府部门的年度报告最晚1月31日"),
    ("格尔木市数据局", "2025年4月15日", "late_publication", "warning", "人民政府部门的年度报告最晚1月31日"),
    ("格尔木市人民政府", "2025年4月2日", "late_publication", "warning", "政府汇总报告最晚3月31日"),
    # the regulation names no date for a township: 31 January is our choice, so only a hint, and no 部门报告 said
    ("格尔木市郭勒木德镇人民政府", "2025年2月10日", "possibly_late", "info", "没有规定乡镇的期限"),
])
def test_a_late_report_is_late_by_its_own_deadline(tmp_path, agency, published, code, severity, reason):
    from .factory import tab_report

    findings = _card(tmp_path, {"a.txt": tab_report(agency=agency, year=2024, published=published)})["a.txt"]
    [late] = _timely(findings)
    assert (late.code, late.severity) == (code, severity)
    assert reason in late.message and late.message.startswith(f"发布日期{late.actual}晚于{late.expected}")
    # the date named is the one the reason gives (before: a department in April read “晚于2025-03-31（…部门…1月31日）”)
    assert late.expected[5:] == ("03-31" if "3月31日" in reason.split("（")[0] else "01-31")
    assert _score(findings) == (97 if severity == "warning" else 100)


def test_on_time_reports_are_not_late(tmp_path):
    from .factory import tab_report

    found = _card(tmp_path, {"a.txt": tab_report(agency="格尔木市数据局", year=2024, published="2025年1月31日"),
                             "b.txt": tab_report(agency="格尔木市人民政府", year=2024, published="2025年3月31日")})
    assert not _timely(found["a.txt"]) and not _timely(found["b.txt"])


def test_a_report_of_no_known_publisher_is_only_possibly_late(tmp_path):
    from .factory import tab_report

    findings = _card(tmp_path, {"a.txt": tab_report(agency="", year=2024, published="2025年2月15日")})["a.txt"]
    [late] = _timely(findings)
    assert (late.code, late.severity) == ("possibly_late", "info") and "未能确定发布机关" in late.message


def test_section_six_naming_administrative_fees_says_nothing_of_the_processing_fee(tmp_path):
    from .factory import tab_report

    # before: 收费 in 行政事业性收费 counted as a word on 信息处理费, and no finding was made
    found = _card(tmp_path, {
        "a.txt": tab_report(agency="甲县财政局", other_matters="本年度无其他事项，本局无行政事业性收费项目。"),
        "b.txt": tab_report(agency="乙县财政局", other_matters="本局无行政事业性收费项目，本年度未收取信息处理费。"),
        "c.txt": tab_report(agency="丙县财政局", other_matters="本年度依申请公开的政府信息一律免费提供。")})
    assert [f.message for f in found["a.txt"] if f.code == "processing_fee_unstated"] == [
        "“其他需要报告的事项”未说明本年度是否收取信息处理费"]
    assert not any(f.code == "processing_fee_unstated" for f in found["b.txt"] + found["c.txt"])


def test_a_text_copied_with_its_years_moved_on_is_found(tmp_path):
    from .factory import tab_report

    def text(year: int) -> str:  # what a copy-paste changes: the years, each moved on by one
        return (f"{year}年，本机关认真落实政府信息公开条例，持续完善主动公开目录；{year}年下半年组织培训2次，"
                f"对照{year - 1}年报告所列问题逐项整改，规范依申请公开办理流程。")

    found = _card(tmp_path, {"a.txt": tab_report(agency="甲县统计局", year=2023, narrative=text(2023)),
                             "b.txt": tab_report(agency="甲县统计局", year=2024, narrative=text(2024)),
                             "c.txt": tab_report(agency="乙县统计局", year=2024, narrative=text(2024))})
    # before: no finding, the texts differing in their years only
    [copied] = [f for f in found["b.txt"] if f.code == "copied_text"]
    assert copied.message == "“总体情况”部分与2023年度报告除年份外一字不差"
    assert copied.line is not None  # the section's heading: the page links it
    # on the earlier report too (which one copied is not known): its title no longer says “与上年正文相同”
    assert [f.message for f in found["a.txt"] if f.code == "copied_text"] == [
        "“总体情况”部分与2024年度报告除年份外一字不差"]
    assert findings_catalogue()["copied_text"]["title_zh"] == "与其他年度正文相同"
    assert not any(f.code == "copied_text" for f in found["c.txt"])


def test_a_count_of_every_administrative_review_is_not_held_against_table_four(tmp_path):
    from .factory import tab_report

    found = _card(tmp_path, {
        # table 四 counts the reviews of disclosure decisions only; before: “正文称“行政复议案件”35件，表格为0件”, −3
        "a.txt": tab_report(agency="甲县司法局", narrative="公开信息120条。全年办理各类行政复议案件35件，均已审结。"),
        "b.txt": tab_report(agency="乙县司法局", narrative="全年受理政府信息公开的\n行政复议申请5件，已全部审结。")})
    assert not any(f.code == "narrative_mismatch" for f in found["a.txt"])
    assert [f.message for f in found["b.txt"] if f.code == "narrative_mismatch"] == [
        "正文称“行政复议申请”5件，表格为0件"]
    assert _score(found["a.txt"]) == 100 and _score(found["b.txt"]) == 97


def test_the_wording_of_an_outdated_template_and_of_a_blank_cell(tmp_path):
    from xxgk.findings import make

    # before: “2025年度起应使用2021年格式”, as if the 2021 template were due from 2025
    assert make("format_outdated", table="3", expected=2025).message == (
        "表3使用2019年格式；本报告是2025年度的，2021年度起的报告应使用2021年格式（国办公开办函〔2021〕30号）")
    from .factory import tab_report

    text = tab_report(agency="甲县统计局").replace("\t0\t0\t0\t0\t0\t5\n", "\t\t\t0\t0\t0\t5\n", 1)
    blanks = [f.message for f in _card(tmp_path, {"a.txt": text})["a.txt"] if f.code == "value_blank"]
    assert blanks and all("或“空白”" not in m for m in blanks)  # before: “商业企业、科研机构为空白或“空白””
    assert any(m.endswith("商业企业、科研机构为空白：记为缺失（不是0）") for m in blanks), blanks


def test_table_three_copied_from_another_year_is_found(tmp_path):
    from .factory import tab_report

    # REPORT_FORMAT's “identical numbers year after year”; before: no check looked at the numbers
    found = _card(tmp_path, {"a.txt": tab_report(agency="甲县统计局", year=2023, narrative="甲。"),
                             "b.txt": tab_report(agency="甲县统计局", year=2024, narrative="乙。"),
                             "c.txt": tab_report(agency="甲县统计局", year=2025, narrative="丙。", carried_over=1)})
    [copied] = [f for f in found["b.txt"] if f.code == "copied_numbers"]
    assert (copied.severity, copied.message) == ("info", "表3的175个数字与2023年度报告完全相同，可能照抄了往年的表格")
    assert copied.line is not None and any(f.code == "copied_numbers" for f in found["a.txt"])
    assert not any(f.code == "copied_numbers" for f in found["c.txt"])  # one cell differs


@pytest.mark.parametrize("heading", ["四、因政府信息公开申请提起行政复议、行政诉讼的情况",
                                     "四、因政府信息公开申请行政复议、提起行政诉讼的情况"])
def test_section_four_under_the_older_templates_words_is_read(tmp_path, heading):
    from .factory import tab_report

    text = tab_report(agency="甲县统计局").replace("四、政府信息公开行政复议、行政诉讼情况", heading)
    assert heading in text
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    [report] = collect(folder)
    add_report_card([report])
    # before: section_absent (a warning against the agency, −3) and table_absent (table 四's 15 numbers lost)
    assert not {"section_absent", "table_absent"} & {f.code for f in report.findings}
    assert len(report.record.values("review_litigation")) == 15 and _score(report.findings) == 100
