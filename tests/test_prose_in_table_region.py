"""A paragraph with numbers in a table's section (an agency's own account of its work, wrapped into lines as a
PDF's text layer prints it) is running text, not rows of the table: the table is read as printed, and the
paragraph's numbers are one finding with its lines — not one "unrecognised label" warning per number, which
buried the report's real findings (a real report gave 40)."""

from __future__ import annotations

import unicodedata

import pytest

from .test_layouts_hostile import HEADINGS, T3, T4, TABLE2, _codes, _read, _table3, _table4, pdf_text_report

# a paragraph as a PDF exported from Word wraps it: dates, counts and titles with numbers, cut mid-sentence
PARAGRAPH = [
    "本局积极做好政府信息主动公开工作。截至 2024 年 12 月",
    "31 日，本局通过部门网站当年发布政府信息 393 件，其中包",
    "括：行政规范性文件 13 件；规划计划文件 2 件；2024 年度部门",
    "预算、2023 年度部门决算以及 2023 年资金分配结果信息；重大行政",
    "决策事项《促进成果转化行动方案（2024－2027 年）》、《若干措施》",
    "“本局”微信公众号共编发文章 1640 篇，其中原创文章 294",
    "篇，关注人数达 1016823 人；直播 118 场，累计观看量 303855 次。",
]


def _with_paragraph(text: str, extra_row: str | None = None, heading: str = HEADINGS[1]) -> str:
    """``text`` with ``PARAGRAPH`` right under ``heading`` (and ``extra_row`` as table 二's last row)."""
    text = text.replace(heading + "\n", heading + "\n" + "\n".join(PARAGRAPH) + "\n")
    if extra_row:
        text = text.replace("行政事业性收费 12.5\n", f"行政事业性收费 12.5\n{extra_row}\n")
    return text


def _active(record) -> dict:
    return {k: v for k, v in record.values("active").items() if v is not None}


def test_a_paragraph_in_table_2s_section_is_one_finding_and_the_table_reads_as_printed():
    plain, text = _read(pdf_text_report()), _with_paragraph(pdf_text_report())
    record = _read(text)
    assert _active(record) == _active(plain) != {}  # no number of the paragraph reached the table
    assert "label_unrecognised" not in _codes(record)
    (finding,) = [f for f in record.findings if f.code == "prose_numbers_unused"]
    first = text.splitlines().index(PARAGRAPH[0]) + 1
    assert finding.table == "2" and finding.line == first
    assert f"第{first}–{first + len(PARAGRAPH) - 1}行" in finding.message


def test_a_row_of_the_table_that_names_no_item_is_still_a_warning_of_its_own():
    record = _read(_with_paragraph(pdf_text_report(), extra_row="其他文件 5 0 3"))
    unrecognised = [f for f in record.findings if f.code == "label_unrecognised"]
    assert [f.actual for f in unrecognised] == ["其他文件"]
    assert unrecognised[0].severity == "warning"
    assert len([f for f in record.findings if f.code == "prose_numbers_unused"]) == 1


def test_a_report_without_such_a_paragraph_has_no_such_finding():
    assert "prose_numbers_unused" not in _codes(_read(pdf_text_report()))


@pytest.mark.parametrize(("heading", "table", "read", "printed"), [
    (HEADINGS[2], "3", _table3, T3),  # was 16 label_unrecognised warnings
    (HEADINGS[3], "4", _table4, T4),  # was 12 stray_values
])
def test_a_paragraph_in_table_3s_or_4s_section_is_one_finding_and_the_table_reads_as_printed(heading, table, read,
                                                                                            printed):
    text = _with_paragraph(pdf_text_report(), heading=heading)
    record = _read(text)
    assert read(record) == printed
    assert not _codes(record) & {"stray_values", "label_unrecognised"}
    (finding,) = [f for f in record.findings if f.code == "prose_numbers_unused"]
    first = text.splitlines().index(PARAGRAPH[0]) + 1
    assert finding.table == table and finding.line == first
    assert f"第{first}–{first + len(PARAGRAPH) - 1}行" in finding.message


@pytest.mark.parametrize("note", ["注：2 1 0", "11 2"])
def test_numbers_before_table_4_that_are_no_sentence_stay_stray_values(note):
    heading = HEADINGS[3]
    record = _read(pdf_text_report().replace(heading + "\n", f"{heading}\n{note}\n"))
    assert _table4(record) == T4
    assert "stray_values" in _codes(record) and "prose_numbers_unused" not in _codes(record)


@pytest.mark.parametrize("row", [
    "行政检查 1,234", "行政检查 1，234",  # a thousands separator is no sentence's comma
    "其他文件 5，0，3",  # cells listed with commas
    "其他文件 5 0 3（注：含通知，公告）",  # a note in brackets
    "行政确认；行政给付 4",  # two items named in one label
])
def test_a_row_the_agency_added_keeps_its_own_warning_whatever_marks_it_holds(row):
    record = _read(_with_paragraph(pdf_text_report(), extra_row=row))
    (warning,) = [f for f in record.findings if f.code == "label_unrecognised"]
    assert warning.severity == "warning" and warning.actual == unicodedata.normalize("NFKC", row.split(" ")[0])


def test_a_template_row_with_a_comma_in_its_brackets_keeps_its_warning():
    table2 = [line.replace("行政许可 1563", "行政许可（含审批，备案） 1563") for line in TABLE2]
    record = _read(pdf_text_report(table2=table2))
    assert "label_unrecognised" in _codes(record) and "prose_numbers_unused" not in _codes(record)


def test_a_row_right_after_a_sentence_keeps_its_warning():
    record = _read(pdf_text_report(table2=["本年度主动公开信息 393 件。", "其他文件 5 0 3", *TABLE2]))
    assert [f.actual for f in record.findings if f.code == "label_unrecognised"] == ["件。其他文件"]
