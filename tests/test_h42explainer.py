"""A page explaining a report (文字解读, 图解, 一图读懂) is not the report: failed with ``report_explainer``, never a
report with six sections absent counted against its agency. Synthetic pages in the layout a government site prints
(its title line naming the report with the explainer's word, then the explainer's own headings)."""

from __future__ import annotations

import subprocess
import sys

from xxgk.parser import parse
from xxgk.site.data import read_csv

from .factory import tab_report

BODY = ("一、编制背景\n2023年，样例县教育局按照上级关于政务公开工作的部署，不断规范政府信息公开内容，提高政府信息公开"
        "水平，更好地接受社会监督。根据有关工作要求，特编制本局2023年政府信息公开工作年度报告。\n"
        "二、编制依据\n《中华人民共和国政府信息公开条例》\n三、编制目的\n总结本局2023年政府信息公开工作，提升政务公开"
        "工作水平，方便公众查阅和监督。\n四、主要内容\n1.总体情况。包括政府信息主动公开情况、依申请公开情况、政府信息管理、"
        "政务公开平台建设、监督保障工作等内容。\n2.主动公开政府信息情况。统计了本年度规章、行政规范性文件的制发情况。\n"
        "3.收到和处理政府信息公开申请情况。统计了本年度收到和处理申请的情况。\n")
EXPLAINER = "文字解读：样例县教育局2023年政府信息公开工作年度报告\n字号：大 中 小\n\n" + BODY
INFOGRAPHIC = "首页 > 政务公开\n图解：样例市统计局2024年度政府信息公开工作年度报告\n" + BODY.replace("2023", "2024")
TRADITIONAL = "《樣例縣教育局2023年政府信息公開工作年度報告》解讀\n" + BODY
# the same prose under a plain title: no explainer's word, so read as before (a report with its sections absent)
PLAIN = "样例县教育局2023年政府信息公开工作年度报告\n" + BODY


def _codes(text: str) -> list[str]:
    return [f.code for f in parse(text).findings]


def test_an_explainer_page_is_said_once_not_as_six_absent_sections():
    for text in (EXPLAINER, INFOGRAPHIC):
        codes = _codes(text)
        assert codes == ["report_explainer"], (text[:30], codes)
    # (a Traditional-Chinese mirror's title: its agency not read from the 《》 quote, said; still one explainer)
    assert [c for c in _codes(TRADITIONAL) if c != "agency_not_found"] == ["report_explainer"]
    finding = parse(EXPLAINER).findings[0]
    assert finding.line == 1 and "文字解读" in finding.message, finding
    assert parse(INFOGRAPHIC).findings[0].line == 2  # (the site's crumbs above it)


def test_a_page_without_an_explainers_word_is_read_as_before():
    codes = _codes(PLAIN)
    assert "report_explainer" not in codes and codes.count("section_absent") == 6, codes


def test_a_report_whose_page_names_its_explainer_is_read_whole():
    """A report page carrying a menu's 政策解读 and a link to its own 解读 keeps every value (sections found)."""
    text = ("政策解读\n相关解读：《样例局2024年政府信息公开工作年度报告》解读\n"
            + tab_report(agency="样例局"))
    record = parse(text)
    assert "report_explainer" not in [f.code for f in record.findings]
    assert len({f.table for f in record.facts if f.value is not None}) == 3


def test_the_package_lists_the_explainer_as_failed_and_does_not_score_it(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "explainer.txt").write_text(EXPLAINER, encoding="utf-8")
    (reports / "plain.txt").write_text(PLAIN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert rows["explainer.txt"]["status"] == "failed" and rows["plain.txt"]["status"] == "partial", rows
    findings = [f for f in read_csv(tmp_path / "pkg" / "data" / "findings.csv")
                if f["report_id"] == rows["explainer.txt"]["report_id"]]
    # (the synthetic county is no real place: agency_region_unknown; no duplicate_report — the explainer is not a
    # second report of the agency's year, on its row nor on the report's)
    assert sorted(f["code"] for f in findings) == ["agency_region_unknown", "report_explainer"], findings
    plain = {f["code"] for f in read_csv(tmp_path / "pkg" / "data" / "findings.csv")
             if f["report_id"] == rows["plain.txt"]["report_id"]}
    assert "duplicate_report" not in plain and "section_absent" in plain, plain
    assert {r["code"] for r in read_csv(tmp_path / "pkg" / "data" / "finding_codes.csv")} >= {"report_explainer"}


def test_a_letter_spaced_explainer_title_is_read_as_one():
    """A title printed with a space between its letters (full-width or not) names the same explainer."""
    spaced = "图　解 ： 样 例 县 教 育 局 2 0 2 3 年 度 报 告\n" + BODY
    # (its agency, letter-spaced too, is not read: said as before; the explainer once, no section absent)
    assert [c for c in _codes(spaced) if c != "agency_not_found"] == ["report_explainer"]
    assert _codes("图解：样例县教育局2023年政府信息公开工作年 度 报 告\n" + BODY) == ["report_explainer"]
    assert _codes("样 例 县 教 育 局 2 0 2 3 年 度 报 告\n" + BODY).count("section_absent") == 6  # (no explainer word)
