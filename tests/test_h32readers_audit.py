"""Reports as governments really make them (session 32, the readers' third round on the containers): PDFs corrected
by painting over a number, pages laid out sideways past their table, cells whose digits are letter-spaced, web pages
laid out in CSS boxes. Each fixture is built here; each test checks what a reader would see published."""

from __future__ import annotations

import io

import pytest

from tests.test_h30pdf_audit import _draw_table, _expected, _report_page
from tests.test_layouts_unseen import _table3, html_table3
from tests.test_parse9_pdf import _table3_cells
from xxgk.parser import parse
from xxgk.readers import read_bytes

ORGS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
# where _draw_table puts table 三's first value column (自然人) and the row 一、本年新收 on an A4 page (points, from
# the page's bottom): columns 42 points wide from x 250, that row's cell from 842 - 168.5 to 842 - 152.5
CELL_X, NEW_ROW_Y = 250.0, 842 - 168.5


def _report_pdf(over=None, under=None, data=None, value_width: float = 42) -> bytes:
    """A one-page report whose table 三 is ruled (``_draw_table``, its value columns ``value_width`` points wide: past
    42, on a landscape page); ``under(page)`` draws before the table, ``over(page)`` after it."""
    from reportlab.lib.pagesizes import A4

    def table(page) -> float:
        if under:
            under(page)
        bottom = _draw_table(page, 740, list(enumerate(data or _table3_cells(False)[0])), _table3_cells(False)[1],
                             value_width)
        if over:
            over(page)
        return bottom

    return _report_page(table, A4 if value_width <= 42 else (A4[1], A4[0] + 200))


def _box(page, rgb: tuple[float, float, float], new: str | None = None) -> None:
    """A box of colour ``rgb`` filled over 自然人's cell of 一、本年新收 (printed 6), and ``new`` written on it."""
    page.setFillColorRGB(*rgb)
    page.rect(CELL_X + 3, NEW_ROW_Y + 1, 36, 13, stroke=0, fill=1)
    page.setFillColorRGB(0, 0, 0)
    if new is not None:
        page.setFont("STSong-Light", 7)
        page.drawCentredString(CELL_X + 21, NEW_ROW_Y + 3, new)


def test_a_number_corrected_by_a_white_box_painted_over_it_is_the_new_number():
    """A cell corrected in a PDF editor: a white box painted over the printed 6 and 9 written on it. The page shows
    9; the text layer holds both, and 69 was published (the row's sum then broken by 61). Characters fully under a
    white or black box painted after them are no longer read: 9 is published."""
    source = read_bytes(_report_pdf(over=lambda page: _box(page, (1, 1, 1), "9")), ".pdf")
    assert "\t69\t" not in source.text
    expected = _expected()
    expected["new"][0] = 9
    assert _table3(parse(source.parse_text)) == expected


def test_a_number_under_a_black_redaction_box_is_missing_never_read():
    """A black box painted over the number (a redaction) leaves the cell showing nothing: the number under it is
    not published, the cell is missing with a finding (before: the hidden 6 was published)."""
    record = parse(read_bytes(_report_pdf(over=lambda page: _box(page, (0, 0, 0))), ".pdf").parse_text)
    got = _table3(record)
    assert got["new"][0] is None and got["new"][1:] == _expected()["new"][1:]
    assert [(f.row, f.column) for f in record.findings if f.table == "3" and f.code == "value_blank"] == [
        ("一、本年新收政府信息公开申请数量", "自然人")]


@pytest.mark.parametrize("drawn", ["highlight over", "shading under"])
def test_a_number_shown_through_a_coloured_box_or_on_shading_is_read(drawn):
    """A yellow box painted over a number is most likely a highlight (transparent: the number shows), and a box
    painted before the number is its cell's shading: the number is read either way."""
    def box(page):
        _box(page, (1, 1, 0.6) if drawn == "highlight over" else (0.85, 0.85, 0.85))

    pdf = _report_pdf(over=box) if drawn == "highlight over" else _report_pdf(under=box)
    assert _table3(parse(read_bytes(pdf, ".pdf").parse_text)) == _expected()


def _landscape_overflow_pdf() -> bytes:
    """A report whose table 三 is on a landscape page drawn turned on a portrait one, its last row (结转下年度) run
    over onto the next such page alone — one line of text — and a page number (``- 2 -``, ``- 3 -``) stamped upright
    at the foot of every page, as PDF tools add them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    data, spans = _table3_cells(False)
    last = len(data) - 1
    width, height = A4
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 9)
    for y, line in ((800, "某某县卫生健康局2024年政府信息公开工作年度报告"), (780, "一、总体情况"),
                    (765, "本年度收到申请8件。")):
        page.drawString(60, y, line)
    page.drawCentredString(width / 2, 30, "- 1 -")
    page.showPage()
    for number, rows, heading in ((2, list(enumerate(data))[:last], True), (3, [(last, data[last])], False)):
        page.saveState()
        page.translate(width, 0)
        page.rotate(90)
        page.setFont("STSong-Light", 9)
        if heading:
            page.drawString(60, width - 30, "三、收到和处理政府信息公开申请情况")
        _draw_table(page, width - 40, rows, spans)
        page.restoreState()
        page.setFont("STSong-Light", 9)
        page.drawCentredString(width / 2, 30, f"- {number} -")
        page.showPage()
    page.setFont("STSong-Light", 9)
    page.drawString(60, 800, "四、政府信息公开行政复议、行政诉讼情况")
    page.drawCentredString(width / 2, 30, "- 4 -")
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_landscape_pages_last_row_run_over_alone_beside_an_upright_page_number_is_read():
    """The landscape page holding only table 三's last row (one sideways line) and an upright page number had as many
    upright lines as sideways ones, so it was not turned: the row was read a character a line and lost
    (``row_absent``: 结转下年度 published as missing). A line that is only a page number no longer counts as the
    page's upright text; on a turned page it is no part of the report (read a character a line, it was
    ``stray_values`` "- 2 -" among table 三's rows)."""
    record = parse(read_bytes(_landscape_overflow_pdf(), ".pdf").parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []


def _in_cell(parts: list[tuple[float, str]], space: float = 0.0):
    """A drawing of ``parts`` (x from the cell's left, text) in 自然人's cell of 一、本年新收, in the table's 7-point
    font with character spacing ``space`` (Word's 字符间距 加宽)."""
    def draw(page):
        for x, text in parts:
            line = page.beginText()
            line.setFont("STSong-Light", 7)
            line.setCharSpace(space)
            line.setTextOrigin(CELL_X + x, NEW_ROW_Y + 3)
            line.textOut(text)
            line.setCharSpace(0)
            page.drawText(line)
    return draw


def _with_new_cell(draw) -> dict:
    """Table 三 (``_report_pdf``) read, its 自然人 cell of 一、本年新收 left blank by the table, drawn by ``draw``."""
    data, _ = _table3_cells(False)
    data[3][3] = ""
    record = parse(read_bytes(_report_pdf(over=draw, data=data), ".pdf").parse_text)
    return {"new": _table3(record)["new"], "unreadable": [
        f.column for f in record.findings if f.table == "3" and f.code == "value_unreadable"]}


@pytest.mark.parametrize("space", [4.0, 1.5])
def test_a_letter_spaced_number_in_a_ruled_cell_is_the_number_it_prints(space):
    """Digits set apart by character spacing (each its own word: the table finder wrote ``1 0 7 5``) were missing
    with ``value_unreadable``; the gaps all alike, the cell is the one number it prints, 1075."""
    got = _with_new_cell(_in_cell([(5, "1075")], space))
    assert got == {"new": [1075, 1, 0, 0, 1, 0, 8], "unreadable": []}


@pytest.mark.parametrize("parts", [
    [(4, "1"), (11.5, "0"), (19, "7"), (32, "5")],  # four numbers, the last set further off
    [(4, "10"), (25, "75")],  # two numbers
    [(4, "1"), (20, "6")],  # two digits: one gap says nothing
])
def test_numbers_set_apart_in_one_ruled_cell_are_never_joined(parts):
    """Numbers typed apart in one cell (gaps unlike each other, or digits of more than one) — or two digits alone,
    where one gap cannot tell 16 from 1 and 6 — stay missing with ``value_unreadable``, never one number."""
    got = _with_new_cell(_in_cell(parts))
    assert got == {"new": [None, 1, 0, 0, 1, 0, 8], "unreadable": ["自然人"]}


def _css_table3(cell_style: str, blank: bool = True) -> str:
    """Table 三 (``html_table3``) laid out without a table: a ``<div>`` a row, a box of ``cell_style`` a cell (the
    merged header's cells one box each), 一、本年新收's values 16 1 (blank) 0 1 0 18 when ``blank``."""
    import re

    from tests.test_layouts_unseen import ROWS

    rows = dict(ROWS, new=[16, 1, 0, 0, 1, 0, 18], granted=[13, 1, 0, 0, 0, 0, 14],
                total_processed=[16, 1, 0, 0, 0, 0, 17])
    table = html_table3(rows)
    if blank:
        table = table.replace("<td>16</td><td>1</td><td>0</td>", "<td>16</td><td>1</td><td></td>", 1)
    table = re.sub(r"<table[^>]*>", "<div class='table'>", table).replace("</table>", "</div>")
    table = table.replace("<tr>", "<div class='tr'>").replace("</tr>", "</div>")
    return re.sub(r"<td[^>]*>", f"<span style='{cell_style}'>", table).replace("</td>", "</span>")


@pytest.mark.parametrize("style", ["display:inline-block;width:80px", "display: table-cell", "float:left;width:60px"])
def test_a_web_table_laid_out_in_css_boxes_is_read_cell_by_cell(style):
    """A web page whose table 三 is a ``<div>`` a row of CSS boxes (inline-block or table-cell spans, floated boxes)
    ran its cells together (``一、本年新收政府信息公开申请数量16101018``: which digits make which number is a guess, and
    a row with a blank cell was lost) or put each on a line (a blank box no line: the row's later numbers moved
    left). Each such row is now read as a row of cells: every number in its column, the blank one missing with
    ``value_blank``."""
    from tests.test_layouts_unseen import html_report

    record = parse(read_bytes(html_report(t3=_css_table3(style)).encode(), ".html").parse_text)
    got = _table3(record)
    assert got["new"] == [16, 1, None, 0, 1, 0, 18]
    assert got["granted"] == [13, 1, 0, 0, 0, 0, 14] and got["carried_forward"] == _expected()["carried_forward"]
    assert [(f.row, f.column) for f in record.findings if f.table == "3" and f.code == "value_blank"] == [
        ("一、本年新收政府信息公开申请数量", "科研机构")]


def test_floated_boxes_of_words_and_layout_columns_stay_lines():
    """Two floated boxes of words (a page's 发布日期 and 来源) are no row of a table, and a floated column holding
    paragraphs (the article beside a navigation) is read paragraph by paragraph, as before."""
    page = ("<html><body><div><div style='float:left'>发布日期：2025-01-20</div>"
            "<div style='float:right'>来源：某局</div></div>"
            "<div><div style='float:left'><p>首页</p><p>信息公开</p></div><div style='float:left'>"
            "<p>某某县卫生健康局2024年政府信息公开工作年度报告</p><p>一、总体情况</p></div></div></body></html>")
    text = read_bytes(page.encode(), ".html").text
    assert "\t" not in text
    assert text.split("\n")[:3] == ["发布日期：2025-01-20", "来源：某局", "首页"]


def _zebra_pdf(dashed: bool = False) -> bytes:
    """A report whose table 三 has no rules, its rows told apart by shading every other row alone, as Chromium prints
    a web table styled ``tr:nth-child(even){background:…}``: a filled box per cell of a shaded row (a cell merged
    down from a shaded row — 三、本年度办理结果 — shaded all its height), painted before the text. ``dashed``: no
    shading, but each cell's border dashed as Chromium prints CSS ``border: 1px dashed`` — a filled box per dash."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    data, spans = _table3_cells(False)
    xs = [40.0, 80.0, 140.0, 250.0] + [250.0 + 42 * k for k in range(1, 8)]  # (_draw_table's columns)
    tops, y = [], 740.0
    for r, row in enumerate(data):  # (each row's height, as _draw_table sets it, drawn alone on a scratch canvas)
        bottom = _draw_table(canvas.Canvas(io.BytesIO()), y, [(r, row)], spans, ruled=False)
        tops.append((y, bottom))
        y = bottom

    def table(page) -> float:
        page.setFillColorRGB(0, 0, 0) if dashed else page.setFillColorRGB(0.93, 0.93, 1.0)
        for r in range(0 if dashed else 1, len(data), 1 if dashed else 2):
            for c in range(10):
                c0, r0, c1, r1 = next(((c0, r0, c1, r1) for (c0, r0), (c1, r1) in spans
                                       if c0 <= c <= c1 and r0 <= r <= r1), (c, r, c, r))
                if r0 != r or c0 != c:
                    continue
                left, bottom, right, top = xs[c0], tops[r1][1], xs[c1 + 1], tops[r0][0]
                if not dashed:
                    page.rect(left, bottom, right - left, top - bottom, stroke=0, fill=1)
                    continue
                for x in range(int(left), int(right) - 2, 6):  # (each dash 3 points long, a point thick)
                    page.rect(x, top - 0.5, 3, 1, stroke=0, fill=1)
                    page.rect(x, bottom - 0.5, 3, 1, stroke=0, fill=1)
                for y in range(int(bottom), int(top) - 2, 6):
                    page.rect(left - 0.5, y, 1, 3, stroke=0, fill=1)
                    page.rect(right - 0.5, y, 1, 3, stroke=0, fill=1)
        page.setFillColorRGB(0, 0, 0)
        return _draw_table(page, 740, list(enumerate(data)), spans, ruled=False)

    return _report_page(table)


def test_a_table_whose_rows_are_told_apart_by_shading_alone_keeps_every_row():
    """The table finder made a table of the shaded rows' filled boxes alone, and the text of every unshaded row
    inside its outline was in no cell of it — lost, with nothing said: half of table 三 was ``row_absent``. Text in no
    cell of a table is read as lines, in place among the table's rows: every row is read, none twice."""
    source = read_bytes(_zebra_pdf(), ".pdf")
    assert source.text.count("属于国家秘密") == 1 and source.text.count("2.其他法律行政法规禁止公开") == 1
    record = parse(source.parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []


@pytest.fixture
def letter_spaced_cells(monkeypatch):
    """The header (申请人情况, 自然人, 法人或其他组织, the five organisations, 总计) and the numbers drawn by
    ``_draw_table`` with 4 points of character spacing, as Word's 字符间距 加宽 and a web page's CSS ``letter-spacing``
    printed by a browser set a table (the row labels, spaced, would overflow their cells)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    plain = Canvas.drawCentredString

    def centred(self, x, y, text, *args, **kwargs):
        if text not in ("申请人情况", "自然人", "法人或其他组织", "总计", *ORGS) and not text.isdigit():
            return plain(self, x, y, text, *args, **kwargs)
        width = pdfmetrics.stringWidth(text, self._fontname, self._fontsize) + 4 * (len(text) - 1)
        line = self.beginText()
        line.setFont(self._fontname, self._fontsize)
        line.setCharSpace(4)
        line.setTextOrigin(x - width / 2, y)
        line.textOut(text)
        line.setCharSpace(0)  # (the spacing is the PDF's text state: it would hold for every text drawn after)
        self.drawText(line)

    monkeypatch.setattr(Canvas, "drawCentredString", centred)


def test_a_letter_spaced_table_reads_each_number_in_its_own_column(letter_spaced_cells):
    """A table 三 whose header and numbers are letter-spaced: the header was read ``法 人 或 其 他 组 织``, taken to
    name the column 其他 before 商业企业 (``columns_reordered``), and the row printed 1075 1 0 0 1 0 1077 was published
    1075 0 0 1 0 1 1077 — numbers in other columns. Each cell is now read as the text it prints (法人或其他组织,
    商业企业 …): every number in its column."""
    data, _ = _table3_cells(False)
    data[3][3:] = ["1075", "1", "0", "0", "1", "0", "1077"]  # 一、本年新收
    source = read_bytes(_report_pdf(data=data, value_width=70), ".pdf")
    assert "法人或其他组织" in source.text
    got = _table3(parse(source.parse_text))
    assert got["new"] == [1075, 1, 0, 0, 1, 0, 1077]
    assert {code: values for code, values in got.items() if code != "new"} == {
        code: values for code, values in _expected().items() if code != "new"}


def test_a_table_with_dashed_borders_is_read_not_over_budget():
    """Each dash of a dashed border (CSS ``border: dashed`` printed by a browser) is a box of its own, with edges across
    the border: counted as drawn, the page had a ruling grid of hundreds by hundreds of places and the whole report
    was ``over_budget``, though the table finder joins the dashes into a few lines. The grid is counted as the finder
    sees it (and as drawn, for edges long enough to be rulings): the report is read, every number of table 三."""
    source = read_bytes(_zebra_pdf(dashed=True), ".pdf")
    assert source.findings == []
    record = parse(source.parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []
