"""A table section whose heading alone is missing among printed ones (session 59): it begins at its table's first line.

A real finance bureau's page went from the overview's last part straight to 第二十条第（一）项 (its table 二 lost with
``table_absent``), another's table 三 followed table 二 without 三、收到和处理… (its rows read under table 二: three
``label_unrecognised``, the table lost). The table's own first line (``rules/table_starts.csv``) was used only where
no numbered heading was printed at all; it now begins the missing one's section too, and the missing heading is said."""

from __future__ import annotations

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_html, tab_report

HEADING_2 = "二、主动公开政府信息情况\n"
HEADING_3 = "三、收到和处理政府信息公开申请情况\n"


def _read(text: str, form: str):
    return parse(text) if form == "text" else parse(read_bytes(as_html(text).encode(), ".html").parse_text)


def _absent_headings(record) -> list:
    return [f for f in record.findings if f.code == "section_heading_absent"]


@pytest.mark.parametrize("form", ["text", "html"])
def test_table_3_printed_without_its_heading_between_2_and_4_is_read_and_said(form):
    whole = _read(tab_report(), form)
    record = _read(tab_report().replace(HEADING_3, ""), form)
    assert record.values("applications") == whole.values("applications")
    assert record.values("applications")[("new", "natural_person")] == 5
    assert record.values("active") == whole.values("active")  # (its rows are not read as table 二's)
    codes = {f.code for f in record.findings}
    assert not codes & {"table_absent", "section_absent", "label_unrecognised"}
    (said,) = _absent_headings(record)
    assert "收到和处理政府信息公开申请情况" in said.message and "本年新收" in said.message


@pytest.mark.parametrize("form", ["text", "html"])
def test_table_2_printed_from_its_article_without_its_heading_is_read_and_said(form):
    whole = _read(tab_report(), form)
    text = tab_report().replace(HEADING_2, "第二十条第（一）项\n")
    record = _read(text, form)
    assert record.values("active") == whole.values("active") != {}
    assert record.values("applications") == whole.values("applications")
    assert {f.code for f in record.findings} == {"section_heading_absent"}
    (said,) = _absent_headings(record)
    assert "主动公开政府信息情况" in said.message


def test_a_sentence_naming_the_article_does_not_begin_table_2():
    """第二十条第（一）项规定的… in a sentence is no table's first line: with 二's heading and table both missing the
    section stays absent, said so, and nothing is read from the overview."""
    text = tab_report(narrative="第二十条第（一）项规定的内容已主动公开。").replace(HEADING_2, "")
    cut = text[:text.index("信息内容")] + text[text.index(HEADING_3):]
    record = parse(cut)
    assert record.values("active") == {}
    assert "section_absent" in {f.code for f in record.findings}
    assert not _absent_headings(record)


def test_a_report_printing_every_heading_says_none_missing():
    assert not _absent_headings(parse(tab_report()))


def test_an_overview_numbering_its_own_parts_keeps_them_when_the_tables_restart_at_one():
    """A report numbers its overview's parts 一、…六、 (三、主动公开工作情况 among them) and restarts at 一、 for its
    tables (一、主动公开政府信息情况, 二、收到和处理…): section 二 was taken at the overview's part 三, so the overview
    stopped there and its parts 三–六 were published as section 二's prose (their numbers listed as unused). A heading
    neither numbered as the template numbers its section nor in the template's words gives way to a later one in the
    template's words."""
    parts = ("（概述）\n一、组织领导\n领导重视。\n二、制度建设\n制度完善。\n三、主动公开工作情况\n全年公开信息120条，"
             "其中政策解读15篇。\n四、依申请公开工作情况\n办理申请5件。\n五、平台建设\n网站改版1次。\n六、监督保障\n培训2次。")
    text = (tab_report(narrative=parts).replace("二、主动公开政府信息情况", "一、主动公开政府信息情况")
            .replace("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况")
            .replace("四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况")
            .replace("五、存在的主要问题及改进情况", "四、存在的主要问题及改进情况")
            .replace("六、其他需要报告的事项", "五、其他需要报告的事项"))
    record = parse(text)
    whole = parse(tab_report())
    assert "网站改版1次" in record.sections["overview"] and "培训2次" in record.sections["overview"]
    assert record.values("active") == whole.values("active")
    assert record.values("applications") == whole.values("applications")
    assert "prose_numbers_unused" not in {f.code for f in record.findings}
