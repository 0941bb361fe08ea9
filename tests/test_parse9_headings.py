"""A heading's tail (及改进情况, 的情况) and its closing mark belong to the heading; the body's first words do
not. A report flattened to one line glues the body to the heading: ``五、存在的主要问题措施不够有力`` printed
``措施不够有力`` as the section's text no more (the tail 措施 took the body's first word). A heading found
one character off (``二、主动公开政府信急情况：``) keeps its colon out of the section's text."""

from __future__ import annotations

import pytest

from tests.test_layouts_hostile import _read, pdf_text_report
from xxgk.sections import Document, text_to_sections


def _texts(text: str) -> dict[str, str]:
    doc = Document.from_text(text)
    return {s.code: s.text(doc) for s in text_to_sections(doc)}


@pytest.mark.parametrize("glued, code, body", [
    ("五、存在的主要问题措施不够有力。", "problems", "措施不够有力。"),
    ("五、存在的主要问题情况复杂。", "problems", "情况复杂。"),
    ("五、存在的主要问题及改进情况措施到位。", "problems", "措施到位。"),
    ("五、存在的问题及整改情况一是不足。", "problems", "一是不足。"),
    ("五、主要问题及改进措施一是不足。", "problems", "一是不足。"),
    ("二、主动公开政府信息工作扎实推进。", "active", "工作扎实推进。"),
    ("二、主动公开政府信息的情况良好。", "active", "良好。"),
    ("三、收到和处理政府信息公开申请情况本年度无申请。", "applications", "本年度无申请。"),
    ("六、其他需要报告的事项情况说明如下。", "other_matters", "说明如下。"),
])
def test_a_heading_glued_to_its_body_keeps_the_body_whole(glued, code, body):
    assert _texts("一、总体情况 本年工作有序。" + glued)[code] == body


@pytest.mark.parametrize("heading", [
    "五、存在的主要问题及改进措施", "五、存在的主要问题及改进措施：", "五、存在的主要问题和改进情况。",
    "五、存在的不足及改进方向", "五、存在的主要问题措施",
])
@pytest.mark.parametrize("after", ["\n", " ", "："])
def test_a_tail_followed_by_a_break_or_a_mark_is_the_heading(heading, after):
    text = f"一、总体情况\n好。\n{heading}{after}一是不足。"
    assert _texts(text)["problems"].lstrip("：") == "一是不足。"
    assert not _texts(text)["problems"].startswith(("措施", "情况", "方向"))


@pytest.mark.parametrize("heading, code", [
    ("二、主动公开政府信急情况", "active"), ("六、其他需要报告的事顶", "other_matters"),
    ("五、存在的主要问题及改近情况", "problems"),
])
@pytest.mark.parametrize("mark", ["：", ":", "。", " ："])
def test_a_heading_one_character_off_takes_its_closing_mark(heading, code, mark):
    text = pdf_text_report().replace(
        {"active": "二、主动公开政府信息情况", "other_matters": "六、其他需要报告的事项",
         "problems": "五、存在的主要问题及改进情况"}[code] + "\n", heading + mark + "\n")
    record = _read(text)
    assert code in record.section_lines, text
    if code in record.sections:
        assert record.sections[code][:1] not in ("：", ":", "。"), record.sections[code]
    if code == "active":  # the table under it is read as before
        assert record.values("active")[("normative_documents", "in_force")] == 48


def test_the_one_line_report_reads_each_section_whole():
    text = ("一、总体情况本年工作有序。二、主动公开政府信息工作扎实推进。五、存在的主要问题措施不够有力。"
            "六、其他需要报告的事项无。")
    assert _texts(text) == {"overview": "本年工作有序。", "active": "工作扎实推进。",
                            "problems": "措施不够有力。", "other_matters": "无。"}


HEADINGS = {"overview": "一、总体情况", "applications": "三、收到和处理政府信息公开申请情况",
            "problems": "五、存在的主要问题及改进情况", "other_matters": "六、其他需要报告的事项"}


@pytest.mark.parametrize("code, heading", [
    ("applications", "三、受理和处理政府信息公开申请情况"), ("applications", "三、政府信息公开申请的收到和处理情况"),
    ("overview", "一、总体概况"), ("overview", "一、工作概况"), ("overview", "一、概述"),
    ("problems", "五、工作中存在的问题及改进措施"), ("problems", "五、存在问题及改进措施"),
    ("problems", "五、主要问题和改进措施"), ("other_matters", "六、其他需要说明的事项"),
])
def test_headings_as_agencies_also_word_them_find_their_section(code, heading):
    from tests.test_layouts_hostile import T3, _table3
    record = _read(pdf_text_report().replace(HEADINGS[code] + "\n", heading + "\n"))
    assert code in record.section_lines and "section_absent" not in {f.code for f in record.findings}
    if code == "applications":  # before: the section not found, and table 三 lost whole
        assert _table3(record) == T3
    if code == "problems":
        assert record.sections["problems"] == "一是公开内容不够全面。下一步将加强培训。"


def test_an_unnumbered_heading_line_glued_to_its_body_keeps_the_body_whole():
    text = "总体情况\n好。\n主动公开政府信息情况\n规章 0\n存在的主要问题措施不够有力\n其他需要报告的事项\n无。"
    assert _texts(text)["problems"] == "措施不够有力"
    assert _texts("（一）总体情况：\n好。\n（五）存在的主要问题及改进措施。\n一是不足。\n")["problems"] == "一是不足。"
