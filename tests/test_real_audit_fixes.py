"""Defects an audit found on real reports nobody on the team had read (texts synthesised here, none copied):
digits run together that only one cut can hold, and section 五 printed under sub-headings that carry a year."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

GLUED_TABLE2 = ("某某局2024年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
                "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
                "规章000行政规范性文件{normative}第二十条第（五）项信息内容本年处理决定数量行政许可52\n"
                "三、收到和处理政府信息公开申请情况\n")


@pytest.mark.parametrize("printed, expected", [("005", (0, 0, 5)), ("007", (0, 0, 7)), ("0012", (0, 0, 12))])
def test_digits_that_no_fewer_cells_can_hold_are_read_as_their_only_cut(printed, expected):
    """``005`` is 0, 0, 5: as two cells it would be ``0|05`` or ``00|5`` and no count is printed with a leading
    zero, so no lost blank cell explains it either (it was published missing, 'several cuts')."""
    record = parse(GLUED_TABLE2.format(normative=printed))
    active = record.values("active")
    got = tuple(active[("normative_documents", m)] for m in ("issued", "repealed", "in_force"))
    assert got == expected
    assert active[("rules", "issued")] == 0 and active[("licensing", "decisions")] == 52


@pytest.mark.parametrize("printed", ["021", "417", "300", "748"])
def test_digits_a_lost_blank_cell_could_also_explain_stay_missing(printed):
    """``021`` is 0, 2, 1 or 0, 21 with a blank lost; ``300`` is 3, 0, 0 or 30, 0 or 300: never a guess."""
    record = parse(GLUED_TABLE2.format(normative=printed))
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    assert any(f.code == "cells_ambiguous" and f.table == "2" for f in record.findings)


def test_section_five_under_sub_headings_that_carry_a_year_is_found():
    text = ("某某市人民政府办公厅2025年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、主动公开政府信息情况\n"
            "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "（一）2024 年工作中存在问题的改进情况\n一是加强了培训。\n（二）2025年度存在的主要问题\n一是形式单一。\n"
            "六、其他需要报告的事项\n无。\n")
    record = parse(text)
    codes = {f.code for f in record.findings}
    assert "section_heading_absent" in codes and "section_absent" not in codes
    assert "加强了培训" in record.sections.get("problems", "")
    assert "加强了培训" not in record.sections.get("review_litigation", "")


def test_a_page_with_only_the_reports_title_is_one_finding_and_a_failed_file(tmp_path):
    """A crawled page whose report is an attachment holds the title and page information only: one finding that
    says so (not six absent sections and three absent tables, errors the agency was scored on), status failed (not
    scored, not ranked), the agency and year still read from the title."""
    from xxgk.package.build import build_package
    from xxgk.site.card import scored
    from xxgk.site.data import read_csv

    page = ("标题: 某某县公安局2020年政府信息公开工作年度报告\n发布时间: 2021-01-28 11:10\n发布机构: 某某县公安局\n"
            "==================== 正文 ====================\n某某县公安局2020年政府信息公开工作年度报告\n")
    record = parse(page)
    assert [f.code for f in record.findings] == ["report_text_absent"]
    assert (record.agency, record.year) == ("某某县公安局", 2020)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "page.txt").write_text(page, encoding="utf-8")
    build_package(tmp_path / "reports", tmp_path / "out", workers=1)
    (report,) = read_csv(tmp_path / "out" / "data" / "reports.csv")
    assert report["status"] == "failed" and not scored(report)
    codes = [f["code"] for f in read_csv(tmp_path / "out" / "data" / "findings.csv")]
    assert "report_text_absent" in codes and not {"section_absent", "table_absent", "format_unknown"} & set(codes)


def test_a_short_report_with_its_headings_is_still_read():
    """The rule needs both: no section heading and little text. A short report with headings is parsed."""
    record = parse("某某局2025年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
                   "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n")
    assert "report_text_absent" not in {f.code for f in record.findings}
    assert record.values("review_litigation")[("review", "total")] == 1


SIGNED_2019 = ("某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、主动公开政府信息情况\n"
               "第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 {licensing}\n"
               "第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n行政事业性收费{fees}\n"
               "三、收到和处理政府信息公开申请情况\n")


@pytest.mark.parametrize("fees, licensing, expected_fees, expected_licensing", [
    ("35-15", "30减4 26", (35, -15), (30, -4, 26)),  # the sign glued to the number before it
    ("35 -15", "30 减4 26", (35, -15), (30, -4, 26)),  # (as before: after a space)
    ("35+2", "30增4 34", (35, 2), (30, 4, 34)),
])
def test_a_change_glued_to_the_count_before_it_is_its_own_cell(fees, licensing, expected_fees, expected_licensing):
    """2019's 本年增/减 column printed against the count before it (``35-15``): before, the sign was a word of its
    own (``label_unrecognised '-'``) and the row was missing."""
    record = parse(SIGNED_2019.format(fees=fees, licensing=licensing))
    active = record.values("active")
    assert record.formats["active"] == "2019"
    fee_measures = [m for item, m in active if item == "fees"]
    licensing_measures = [m for item, m in active if item == "licensing"]
    assert tuple(active[("fees", m)] for m in fee_measures) == expected_fees
    assert tuple(active[("licensing", m)] for m in licensing_measures) == expected_licensing
    assert not [f for f in record.findings if f.code == "label_unrecognised"]


@pytest.mark.parametrize("said, mismatched", [
    ("本年共收到申请5件，其中予以公开5件，不予公开0件，无法提供0件，不予处理0件，其他处理0件。", None),
    ("予以公开及部分公开5件，部分公开0件。", None),  # 部分公开 of 予以公开及部分公开 is no claim of its own
    ("予以公开4件。", ("“予以公开”", 4, 5)),
    ("予以公开及部分公开7件。", ("“予以公开及部分公开”", 7, 5)),
    ("无法提供2件，占40%。", ("“无法提供”", 2, 0)),  # the three reasons added: 0
    ("不予处理1件。", ("“不予处理”", 1, 0)),
    ("其他处理3件。", ("“其他处理”", 3, 0)),
    ("予以公开的比例为100%。", None),  # a share is no count
])
def test_the_overviews_counts_of_outcomes_are_checked_against_table_three(said, mismatched):
    """Overviews state how the requests ended (予以公开、不予公开、无法提供、不予处理、其他处理 … 件) as often as how
    many came in; a count the table does not give is a narrative_mismatch (the rows of an outcome added)."""
    from .factory import tab_report

    record = parse(tab_report(narrative=said))
    found = [(f.message, f.actual, f.expected) for f in record.findings if f.code == "narrative_mismatch"]
    if mismatched is None:
        assert found == []
    else:
        (message, actual, expected), = found
        said_as, stated, table_says = mismatched
        assert said_as in message and (actual, expected) == (str(stated), str(table_says))


def test_the_pdf_librarys_own_warnings_are_not_printed_in_the_middle_of_a_build(capfd):
    """pdfminer logs font notes (``Could not get FontBBox…``) that Python printed on stderr during a build (a real
    PDF did); what matters of a PDF is a finding, the library's notes are dropped."""
    import logging

    from xxgk.readers import _quiet_pdf_libraries

    _quiet_pdf_libraries()
    logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor")
    logging.getLogger("pdfplumber.page").warning("a note")
    assert capfd.readouterr().err == ""
