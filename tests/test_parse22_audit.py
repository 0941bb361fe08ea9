"""What a parser audit of new real-world forms found read wrong (session 22): a web page's breadcrumb, share bar or
metadata field above a title that names no agency taken for the agency (当前位置：首页>政务公开>政府信息公开年报 →
agency 政府信息公开年报, no finding); the free-trade zones' committees of every province made one agency (the
bracketed province dropped as a note); a form page's numbers in ``<input value="12">`` read as blank cells; Word
content controls showing their prompt (单击或点击此处输入文字。) costing their rows every number."""

from __future__ import annotations

import io

import pytest

from tests.factory import as_docx, as_html, tab_report
from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse
from xxgk.readers import read_bytes

NO_AGENCY_TITLE = "2022年度政府信息公开工作年度报告"


@pytest.mark.parametrize("above", [
    "当前位置：首页 > 政务公开 > 政府信息公开年报", "当前位置：首页>信息公开>年报", "打印本页 关闭窗口",
    "分享到：微信 微博", "附件下载", "公开范围：全社会", "组配分类：政府信息公开年报", "主题分类：年度报告",
    "政府信息公开工作年度报告"])
def test_a_line_above_a_title_without_an_agency_is_not_the_agency(above):
    record = parse(above + "\n" + tab_report(agency="", year=2022))
    assert record.agency is None and record.year == 2022  # before: 政府信息公开年报, 关闭窗口, 下载, 全社会 …


@pytest.mark.parametrize("above", ["某县交通运输局", "某县人民政府办公室", "某某街道办事处", "某县档案馆", "某县委党校",
                                   "某县消防救援大队", "某市卫生健康委员会（某市中医药管理局）"])
def test_a_title_split_after_the_agencys_name_still_names_it(above):
    # (review: a first version required a known agency ending of every name joined from two lines: 馆, 校, 队 …)
    record = parse(above + "\n" + tab_report(agency="", year=2022))
    assert record.agency is not None and record.agency.replace("(", "（").replace(")", "）") == above


@pytest.mark.parametrize("label", ["标题：", "附件："])
def test_a_labelled_name_above_a_title_still_names_it(label):
    assert parse(label + "某县交通运输局\n" + tab_report(agency="", year=2022)).agency == "某县交通运输局"


@pytest.mark.parametrize("lead", ["一图读懂", "图解："])
def test_an_infographics_title_names_the_agency_after_its_label(lead):
    assert parse(lead + tab_report(agency="某县交通运输局")).agency == "某县交通运输局"


def test_each_provinces_free_trade_zone_is_an_agency_of_its_own():
    agencies = [name_to_agency(f"中国（{p}）自由贸易试验区管理委员会", "", None) for p in ("上海", "天津")]
    provinces = [a.province for a in agencies]
    assert provinces == ["上海市", "天津市"]  # before: both national, one agency, the province dropped
    assert agencies[0].name != agencies[1].name


def test_a_leading_bracket_without_zhongguo_is_no_region():
    agencies = [name_to_agency(name, "", None) for name in ("（城区）某局", "中国（城区）某局")]
    assert "城区" not in (agencies[0].county or "")  # (review: only the free-trade zones' 中国（省）… form)


def test_a_bracket_after_a_name_is_still_a_note_not_a_region():
    agency = name_to_agency("海城市人民政府（海城市数据局）", "", None)
    assert agency.province == "辽宁省" and "（" not in agency.name


def test_numbers_in_a_form_pages_text_boxes_are_read():
    page = as_html(tab_report())
    page = page.replace("<td>5</td>", '<td><input type="text" class="num" readonly="readonly" value="5" /></td>', 1)
    page = page.replace("<td>1</td>", '<td><input value="1"><input type="hidden" value="9"></td>', 1)
    assert 'value="5"' in page and 'value="1"' in page
    record = parse(read_bytes(page.encode(), ".html").parse_text)
    assert record.values("applications")[("new", "natural_person")] == 5  # before: blank (value_blank)
    assert record.values("active")[("licensing", "decisions")] == 1  # the hidden input's 9 not read


def _content_control(cell, text: str | None, placeholder: bool) -> None:
    """``cell``'s one paragraph as a content control holding ``text``, or showing Word's prompt."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    flag = "<w:showingPlcHdr/>" if placeholder else ""
    shown = "单击或点击此处输入文字。" if placeholder else text
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else ""
    paragraph = cell.paragraphs[0]._p
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.append(parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="1"/>{flag}</w:sdtPr><w:sdtContent>'
                               f"<w:r>{style}<w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>"))


def test_word_content_controls_showing_their_prompt_are_blank_and_their_row_is_read():
    import docx

    document = docx.Document(io.BytesIO(as_docx(tab_report())))
    table3 = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("一、本年新收"))
    first = table3.rows[0].cells
    _content_control(first[1], "5", placeholder=False)  # 自然人: filled
    _content_control(first[2], None, placeholder=True)  # 商业企业: never filled
    out = io.BytesIO()
    document.save(out)
    record = parse(read_bytes(out.getvalue(), ".docx").parse_text)
    new = record.values("applications")
    assert new[("new", "natural_person")] == 5 and new[("new", "total")] == 5  # before: the row lost (row_absent)
    assert new[("new", "commercial")] is None
    assert "row_absent" not in {f.code for f in record.findings}


def test_a_content_control_still_flagged_as_its_prompt_but_holding_a_number_is_read():
    """A program that fills a template's controls may leave ``w:showingPlcHdr`` set while Word shows its number
    (review: a first version read such a cell blank)."""
    import docx

    document = docx.Document(io.BytesIO(as_docx(tab_report())))
    table3 = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("一、本年新收"))
    cell = table3.rows[0].cells[1]
    _content_control(cell, None, placeholder=True)
    for node in cell._tc.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        node.text = "5"  # the prompt replaced by the number, the flag left set
    out = io.BytesIO()
    document.save(out)
    record = parse(read_bytes(out.getvalue(), ".docx").parse_text)
    assert record.values("applications")[("new", "natural_person")] == 5
