"""Session 32 (second round), the readers: layouts that still lost cells, made here by hand (python-docx, HTML).

Each test states what a reader of the report sees and checks the published values: every printed number in its
cell, a lost cell missing with a finding, nothing invented."""

from __future__ import annotations

import html
import io
import zipfile

import pytest

from tests.test_layouts_unseen import ROWS, ZERO, _parse, _table3, docx_report, html_report, html_table3
from xxgk.catalog import row_codes
from xxgk.readers import read_bytes

PRINTED = {code: ROWS.get(code, ZERO) for code in row_codes("2021")}

# Word's 另存为 "Strict Open XML 文档": the same parts under the strict namespace names
STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}


def _as_strict(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for member in archive.infolist():
            body = archive.read(member)
            if member.filename.endswith((".xml", ".rels")):
                for ordinary, strict in STRICT.items():
                    body = body.replace(ordinary, strict)
            made.writestr(member, body)
    return out.getvalue()


def test_a_word_file_saved_as_strict_open_xml_is_read_as_word_shows_it():
    strict = _as_strict(docx_report())
    assert b"purl.oclc.org/ooxml/wordprocessingml" in zipfile.ZipFile(io.BytesIO(strict)).read("word/document.xml")
    source = read_bytes(strict, ".docx")
    assert not [f for f in source.findings if f.code == "file_unreadable"], source.findings
    assert "某某县卫生健康局2024年政府信息公开工作年度报告" in source.text
    assert _table3(_parse(strict, ".docx")) == PRINTED


def _framed(table: str, attributes: str = "") -> str:
    return f'<iframe {attributes} srcdoc="{html.escape(table)}" width="800" height="600"></iframe>'


def test_table_3_in_an_iframe_srcdoc_is_read_where_the_frame_stands():
    # the frame's page is written in the page (nothing is fetched): a browser shows table 三 in the frame's place;
    # before, the frame was dropped and table 三 was table_absent
    page = html_report(t3=_framed(html_table3(), "src='http://example.invalid/t3.html'"))
    record = _parse(page)
    assert _table3(record) == PRINTED
    assert "table_absent" not in {f.code for f in record.findings}


def test_a_hidden_srcdoc_frame_stays_unread_and_a_src_frame_is_never_fetched():
    shown = html_report(t3=_framed(html_table3()) + _framed("<p>隐藏的框架</p>", "style='display:none'")
                        + "<iframe src='http://example.invalid/other.html'>框架的替代文字</iframe>")
    text = read_bytes(shown.encode(), ".html").text
    assert "隐藏的框架" not in text and "example.invalid" not in text
    assert "一、本年新收政府信息公开申请数量\t6\t1\t0\t0\t1\t0\t8" in text


# table 三 as a page lays it out without <table>: a box a row, a box a cell, the label first; 科研机构 of 一、本年新收
# left blank (the cell a reader sees empty)
WITH_BLANK = {**PRINTED, "new": [6, 1, None, 0, 1, 0, 8]}


def _box_rows() -> list[list[str]]:
    from tests.test_layouts_unseen import GROUPS

    rows = [["", "申请人情况"], ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    labels = [("new", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量")]
    first = "三、本年度办理结果"
    for group, items in GROUPS:
        for i, (code, label) in enumerate(items):
            labels.append((code, first + (group or "" if i == 0 else "") + label))
            first = ""
    labels += [("total_processed", "（七）总计"), ("carried_forward", "四、结转下年度继续办理")]
    for code, label in labels:
        rows.append([label, *("" if v is None else str(v) for v in WITH_BLANK[code])])
    return [row + [""] * (8 - len(row)) for row in rows]


def _boxes(sheet: str, row: str = "<div class='tr'>{}</div>", cell: str = "<div class='td'>{}</div>") -> str:
    body = "".join(row.format("".join(cell.format(text) for text in cells)) for cells in _box_rows())
    return f"<style>{sheet}</style><div class='tbl'>{body}</div>"


def _blank_noted(record) -> bool:
    return any(f.code == "value_blank" and f.row.startswith("一、本年新收") and f.column == "科研机构"
               for f in record.findings)


@pytest.mark.parametrize("sheet", [
    ".tbl{display:table} .tbl .tr{display:table-row} .td{display:table-cell;border:1px solid #000}",
    "div.tr{display:flex} .td{flex:1}",
    ".tr{display:grid;grid-template-columns:24em repeat(7,4em)}",
    "/* 行 */ .td{display:inline-block;width:5em}",
])
def test_a_table_laid_out_by_a_style_sheet_keeps_each_cell_in_its_column(sheet):
    # before: the sheet was dropped unread, the row's cells were read as lines or run together, and the row with a
    # blank cell was lost whole (row_lost_cells: 6 1 _ 0 1 0 8 printed, nothing published)
    record = _parse(html_report(t3=_boxes(sheet)))
    assert _table3(record) == WITH_BLANK
    assert _blank_noted(record)


def test_a_whole_table_in_one_css_grid_is_read_a_row_each_template_width():
    page = html_report(t3="<style>.g{display:grid;grid-template-columns:24em repeat(7, 4em)}</style><div class='g'>"
                       + "".join(f"<div>{text}</div>" for cells in _box_rows() for text in cells) + "</div>")
    record = _parse(page)
    assert _table3(record) == WITH_BLANK
    assert _blank_noted(record)


def test_flex_rows_set_inline_keep_the_blank_cell_in_its_column():
    record = _parse(html_report(t3=_boxes("", row="<div style='display:flex'>{}</div>")))
    assert _table3(record) == WITH_BLANK


def test_sheet_rules_that_may_not_apply_or_hide_change_nothing():
    # a print-only rule, and a sheet's display:none (what a sheet hides is read as before: a sheet is not the page)
    text = read_bytes(("<style>@media print{.td{display:table-cell}} .x{display:none} .n{display:flex}</style>"
                       "<div><span class='td'>予以公开</span><span class='td'>3</span></div>"
                       "<p class='x'>正文</p><div class='n'><a>首页</a><a>信息公开</a></div>").encode(), ".html").text
    assert text.split("\n") == ["予以公开3", "正文", "首页信息公开"]


# ---- PDF: a number run over its ruled cell's border (table 三 of tests.test_h32readers_audit._report_pdf: value
# columns 42 points wide from x 250, so 自然人 250–292, 商业企业 292–334, 总计 502–544, the table's right border)


def _new_row_drawn(blank: tuple[int, ...], *drawn: tuple[float, str]) -> tuple[list, dict]:
    """Table 三's 一、本年新收 (printed 6 1 0 0 1 0 8) read, its value cells ``blank`` (0 自然人 … 6 总计) left empty
    by the table and each text of ``drawn`` written at its x on the row's baseline in the table's 7-point font:
    (the row's published values, {column: actual} of its value_unreadable findings)."""
    from tests.test_h32readers_audit import NEW_ROW_Y, _report_pdf
    from tests.test_parse9_pdf import _table3_cells
    from xxgk.parser import parse

    data, _ = _table3_cells(False)
    for column in blank:
        data[3][3 + column] = ""

    def draw(page):
        page.setFont("STSong-Light", 7)
        for x, text in drawn:
            page.drawString(x, NEW_ROW_Y + 3, text)

    record = parse(read_bytes(_report_pdf(over=draw, data=data), ".pdf").parse_text)
    return _table3(record)["new"], {f.column: f.actual for f in record.findings
                                    if f.table == "3" and f.code == "value_unreadable"}


def test_a_total_run_over_the_tables_right_border_is_missing_never_its_first_digit():
    # 18 printed from x 542: its 8 stands past the border. Before: 总计 published 1 (the 8 a line of its own)
    new, unreadable = _new_row_drawn((6,), (542, "18"))
    assert new == [6, 1, 0, 0, 1, 0, None]
    assert set(unreadable) == {"总计"} and "1" in unreadable["总计"] and "8" in unreadable["总计"]


def test_a_number_run_over_into_the_next_cell_is_in_neither():
    # 1075 from x 286: 10 in 自然人, 75 in 商业企业 (printed 1). Before: 自然人 published 10
    new, unreadable = _new_row_drawn((0,), (286, "1075"))
    assert new == [None, None, 0, 0, 1, 0, 8]
    assert set(unreadable) == {"自然人", "商业企业"}


def test_a_number_run_over_into_a_blank_cell_gives_that_cell_no_number():
    # 61 from x 290, 商业企业 left blank: the 1 stands in 商业企业. Before: 商业企业 published 1
    new, unreadable = _new_row_drawn((1,), (290, "61"))
    assert new[1] is None and new[2:] == [0, 0, 1, 0, 8]
    assert "商业企业" in unreadable


def test_numbers_close_to_a_border_on_both_sides_stay_each_in_its_cell():
    # 12 set right in 自然人 (ends 1.5 points before the border), 34 set left in 商业企业 (1.5 points after it)
    new, unreadable = _new_row_drawn((0, 1), (283.5, "12"), (293.5, "34"))
    assert new == [12, 34, 0, 0, 1, 0, 8] and unreadable == {}


@pytest.mark.parametrize("control", [
    "<textarea readonly>{}</textarea>",
    "<select disabled><option>0</option><option selected>{}</option></select>",
])
def test_numbers_in_a_forms_controls_are_the_cells_values(control):
    # a form saved as the published report: each count in a read-only box. Before, the controls were dropped and
    # every cell of table 三 was published blank (value_blank: 空白) though the page showed its number
    record = _parse(html_report(t3=html_table3(cell=lambda value: control.format(value))))
    assert _table3(record) == PRINTED
    assert not [f for f in record.findings if f.table == "3" and f.code == "value_blank"]


def test_form_controls_outside_tables_stay_unread():
    page = "<p>正文</p><select><option>请选择</option><option>某某局</option></select><textarea>留言</textarea>"
    text = read_bytes(page.encode(), ".html").text
    assert text == "正文"


def _number_in_alternate_content(fallback: bool) -> bytes:
    """``docx_report`` with 自然人's 6 of 一、本年新收 written inside an ``mc:AlternateContent`` (a w14 choice
    and, when ``fallback``, the same run as its fallback)."""
    compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_report())) as archive, zipfile.ZipFile(out, "w") as made:
        for member in archive.infolist():
            body = archive.read(member)
            if member.filename == "word/document.xml":
                text = body.decode()
                if "xmlns:mc=" not in text[:4000]:
                    text = text.replace("<w:document ", f'<w:document xmlns:mc="{compatibility}" ', 1)
                six = text.index("<w:t>6</w:t>", text.index("一、本年新收"))
                start, end = text.rfind("<w:r>", 0, six), text.index("</w:r>", six) + len("</w:r>")
                run = text[start:end]
                version = f"<mc:Fallback>{run}</mc:Fallback>" if fallback else ""
                text = (text[:start] + f'<mc:AlternateContent><mc:Choice Requires="w14">{run}</mc:Choice>{version}'
                        "</mc:AlternateContent>" + text[end:])
                body = text.encode()
            made.writestr(member, body)
    return out.getvalue()


@pytest.mark.parametrize("fallback", [True, False])
def test_a_number_word_wrote_in_alternate_content_is_read_once(fallback):
    # before: the whole mc:AlternateContent was skipped and the 6 Word shows was published blank
    assert _table3(_parse(_number_in_alternate_content(fallback), ".docx")) == PRINTED
