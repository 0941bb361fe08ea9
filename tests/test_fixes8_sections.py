"""The text published for a section starts after its whole heading: a heading longer than the words that
recognise it (``五、存在的主要问题及改进情况``) left its tail (``及改进情况``) at the start of the section text."""

from __future__ import annotations

import pytest

from tests.test_layouts_hostile import _read, pdf_text_report
from xxgk.sections import Document, text_to_sections

PROBLEMS = "一是公开内容不够全面。下一步将加强培训。"
OTHER = "本年度未收取信息处理费。"


@pytest.mark.parametrize("heading", [
    "五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施", "五、存在的问题及整改情况",
    "五、存在的主要问题和改进措施", "五、存在的不足及改进措施", "五、主要问题及改进情况",
    "五、存在的主要问题及改进情况：", "五、政府信息公开工作存在的主要问题及改进情况",
])
def test_the_problems_section_text_starts_after_its_whole_heading(heading):
    record = _read(pdf_text_report().replace("五、存在的主要问题及改进情况\n", heading + "\n"))
    assert record.sections["problems"] == PROBLEMS


@pytest.mark.parametrize("heading", ["六、其他需要报告的事项", "六、其他需报告事项。", "六、他需要报告的事项",
                                     "六、其他需要报告的事项：", "六、其他事项"])
def test_the_other_matters_text_starts_after_its_whole_heading(heading):
    record = _read(pdf_text_report().replace("六、其他需要报告的事项\n", heading + "\n"))
    assert record.sections["other_matters"].startswith(OTHER)


@pytest.mark.parametrize("heading, code", [
    ("一、总体情况", "overview"), ("一、总体情况概述", "overview"),
    ("二、主动公开政府信息情况", "active"), ("二、主动公开政府信息的情况", "active"),
    ("三、收到和处理政府信息公开申请情况", "applications"), ("三、收到和处理政府信息公开申请的情况", "applications"),
    ("四、政府信息公开行政复议、行政诉讼情况", "review_litigation"),
    ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "review_litigation"),
    ("四、政府信息公开行政复议、行政诉讼工作情况", "review_litigation"),
])
def test_no_heading_leaves_a_tail_in_its_section(heading, code):
    for text in (f"{heading}\n本节正文。\n", f"{heading} 本节正文。", f"（一）{heading[2:]}\n本节正文。\n"):
        doc = Document.from_text(text)
        sections = text_to_sections(doc)
        assert [s.code for s in sections] == [code], text
        assert sections[0].text(doc) == "本节正文。", text


def test_a_whole_report_on_one_line_keeps_each_section_text_whole():
    doc = Document.from_text("一、总体情况 本年工作有序。五、存在的主要问题及改进措施 一是不足。"
                             "六、其他需要报告的事项 无。")
    assert {s.code: s.text(doc) for s in text_to_sections(doc)} == {
        "overview": "本年工作有序。", "problems": "一是不足。", "other_matters": "无。"}
