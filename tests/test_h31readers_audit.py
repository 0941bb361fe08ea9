"""Reports as governments really make them (session 31, the readers' second round on the containers): web pages and
Word files whose table cells are split by tables nested in them, scanned PDFs whose only text is their page numbers.
Each fixture is built here; each test checks what a reader would see published."""

from __future__ import annotations

import io
import re

import pytest

from tests.test_h30pdf_audit import W, _expected, _p, _tc, _tr
from tests.test_layouts_unseen import _table3, html_report, html_table3
from tests.test_parse9_pdf import _table3_cells
from xxgk.parser import parse
from xxgk.readers import read_bytes

ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def _split_orgs_html(table: str) -> str:
    """Table 三 of a web page whose 法人或其他组织 cell of each row holds a table of the five organisations (a one-row
    table of numbers; in the header a two-row table, 法人或其他组织 over their names), as web editors split a cell."""
    def row(match: re.Match) -> str:
        cells = re.findall(r"<td[^>]*>.*?</td>", match.group(0))
        if len(cells) < 7 or not all(re.fullmatch(r"<td>\d+</td>", c) for c in cells[-7:]):
            return match.group(0)
        inner = "<td><table border='1' width='100%'><tr>" + "".join(cells[-6:-1]) + "</tr></table></td>"
        return "<tr>" + "".join(cells[:-7]) + cells[-7] + inner + cells[-1] + "</tr>"

    table = re.sub(r"<tr>.*?</tr>", row, table)
    names = "".join(f"<td>{name}</td>" for name in ORGS)
    table = table.replace("<tr>" + names + "</tr>", "").replace(
        '<td colspan="5">法人或其他组织</td>',
        f"<td><table border='1'><tr><td colspan='5'>法人或其他组织</td></tr><tr>{names}</tr></table>&nbsp;</td>")
    return table.replace('rowspan="2">', ">").replace('colspan="3" rowspan="3"', 'colspan="3" rowspan="2"')


def test_a_web_table_whose_organisation_cells_hold_a_table_each_keeps_table_3():
    """A row whose cells held tables was read as a layout table's, each cell on a line of its own: table 三 whose
    法人或其他组织 cells each hold a table of the five organisations' numbers was lost whole (``table_absent``, its
    numbers ``stray_values``). Each split cell's table now takes its place in the row: every number is published
    in its column, with no finding."""
    page = html_report(t3=_split_orgs_html(html_table3()))
    assert page.count("<table") == 3 + 1 + 25  # (tables 二, 三, 四; a table in the header and in 三's 25 rows)
    record = parse(read_bytes(page.encode(), ".html").parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []


def test_a_web_row_whose_split_cell_holds_two_rows_of_numbers_is_never_placed():
    """A split cell whose table has two rows beside the row's numbers (which row the other numbers belong to is not
    known) is not read as one row: its numbers are missing, never published in another row's or column's place."""
    split = "<td><table><tr><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>" \
            "<tr><td>5</td><td>5</td><td>5</td><td>5</td><td>5</td></tr></table></td>"
    granted = "<td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td>"
    table = html_table3().replace(granted, "<td>3</td>" + split + "<td>4</td>")
    record = parse(read_bytes(html_report(t3=table).encode(), ".html").parse_text)
    got = _table3(record)
    assert not any(value == 5 for values in got.values() for value in values)
    assert got["granted"] in ([None] * 7, [3, None, None, None, None, None, 4])
    expected = _expected()
    assert {code: values for code, values in got.items() if code != "granted"} == {
        code: values for code, values in expected.items() if code != "granted"}


def test_a_layout_table_around_the_report_is_still_walked_into():
    """The page's own layout table (a navigation table beside the article, the report's tables in its cell) is no
    split cell: its row is walked into as before and table 三 is read."""
    page = html_report().replace("<body>", "<body><table><tr><td><table><tr><td>首页</td><td>信息公开</td></tr>"
                                 "</table></td><td>").replace("</body>", "</td></tr></table></body>")
    record = parse(read_bytes(page.encode(), ".html").parse_text)
    assert _table3(record) == _expected()


def test_a_navigation_table_beside_an_article_of_paragraphs_leaves_the_article_its_lines():
    """A layout row holding a navigation table (a small table: it could be a split cell's) beside the article's
    paragraphs is no row of a report's table: the article is read paragraph by paragraph, its sections found (read
    as one row, as this session's first version of split cells did, the article was one line and no section of it
    was found)."""
    article = ("<h1>某某县卫生健康局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
               "<p>本年度收到政府信息公开申请8件。</p><p>五、存在的主要问题及改进情况</p><p>无。</p>"
               "<p>六、其他需要报告的事项</p><p>无。</p>")
    page = ("<html><body><table><tr><td><table><tr><td>首页</td><td>信息公开</td></tr></table></td>"
            f"<td>{article}</td></tr></table></body></html>")
    source = read_bytes(page.encode(), ".html")
    assert "\n一、总体情况\n本年度收到政府信息公开申请8件。\n" in source.text
    absent = [f.message for f in parse(source.parse_text).findings if f.code == "section_absent"]
    found = ("总体情况", "存在的主要问题", "其他需要报告")  # (the article's sections; 二 to 四 are not in it)
    assert absent and not any(name in message for message in absent for name in found)


def _docx_report(table: str) -> bytes:
    from docx import Document
    from lxml import etree

    document = Document()
    end = document.element.body[-1]
    for block in (_p("某某县卫生健康局2024年政府信息公开工作年度报告"), _p("一、总体情况"), _p("本年度收到申请8件。"),
                  _p("三、收到和处理政府信息公开申请情况"), table, _p("四、政府信息公开行政复议、行政诉讼情况"),
                  _p("五、存在的主要问题及改进情况"), _p("无。")):
        end.addprevious(etree.fromstring(block))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _split_tc(rows: list[list[tuple[str, int]]]) -> str:
    """A Word cell holding a table of ``rows`` (each cell's text and grid span), then the paragraph Word ends a
    cell with."""
    grid = '<w:gridCol w:w="600"/>' * 5
    inner = "".join(_tr([_tc(text, span=span) for text, span in row]) for row in rows)
    return f"<w:tc><w:tcPr/><w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{inner}</w:tbl><w:p/></w:tc>"


def split_organisations_docx() -> bytes:
    """A report whose table 三 has the 法人或其他组织 cell of each row split by a table (WPS: a table inside a table
    cell), the header's a two-row table (法人或其他组织 over the five), each row's a one-row table of five numbers."""
    data, _ = _table3_cells(False)
    whole = ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理")
    rows = [_tr([_tc(data[0][0], span=3, vmerge="restart"), _tc("申请人情况", span=3)]),
            _tr([_tc("", span=3, vmerge="continue"), _tc("自然人"),
                 _split_tc([[("法人或其他组织", 5)], [(name, 1) for name in ORGS]]), _tc("总计")])]
    for row in data[3:]:
        labels = [_tc(row[0], span=3)] if row[0] in whole else [_tc(text) for text in row[:3]]
        rows.append(_tr([*labels, _tc(row[3]), _split_tc([[(value, 1) for value in row[4:9]]]), _tc(row[9])]))
    grid = '<w:gridCol w:w="800"/>' * 6
    table = f'<w:tbl xmlns:w="{W}"><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    return _docx_report(table)


def test_a_word_table_whose_organisation_cells_hold_a_table_each_keeps_table_3():
    """The same in a Word file (WPS: a table inside a table cell): table 三 was lost whole (``table_absent``); each
    split cell's table now takes its place in its row, and every number is published in its column."""
    record = parse(read_bytes(split_organisations_docx(), ".docx").parse_text)
    assert _table3(record) == _expected()
    assert [f.code for f in record.findings if f.table == "3"] == []


def _scanned_pdf(footer: str, pages: int = 3) -> bytes:
    """A scanned report: each page a picture (here a grey box standing for the scan) and, as text, only the page
    number its scanner or printer added (``footer``, formatted with ``n`` and ``total``)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        pdf.setFillGray(0.8)
        pdf.rect(50, 100, 495, 650, fill=1, stroke=0)
        pdf.setFillGray(0)
        pdf.setFont("STSong-Light", 10)
        pdf.drawCentredString(297, 50, footer.format(n=n, total=pages))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.mark.parametrize("footer", ["- {n} -", "— {n} —", "第{n}页 共{total}页", "{n}", "{n}/{total}"])
def test_a_scanned_pdf_whose_only_text_is_its_page_numbers_has_no_text_layer(footer):
    """A scanned report whose page numbers were added as text was said to hold no report text (``report_text_absent``:
    the report an attachment or a picture of a web page) and parsed as a report of none. It is a scan: it now says
    ``no_text_layer`` (文字层只有页码), as a scan without page numbers does."""
    source = read_bytes(_scanned_pdf(footer), ".pdf")
    assert [f.code for f in source.findings] == ["no_text_layer"]
    assert "页码" in source.findings[0].message
    assert not source.ok


def test_a_pdf_with_a_title_beside_its_page_numbers_is_read_as_text():
    """A PDF holding any text besides its page numbers is read as before (its title here)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _scanned_pdf("- {n} -", 1)  # (registers the font)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont("STSong-Light", 14)
    pdf.drawString(80, 780, "某某县卫生健康局2024年政府信息公开工作年度报告")
    pdf.drawCentredString(297, 50, "- 1 -")
    pdf.showPage()
    pdf.save()
    source = read_bytes(out.getvalue(), ".pdf")
    assert source.ok and "某某县卫生健康局" in source.parse_text
    assert [f.code for f in source.findings] == []


def first_page_of_a_short_report(out: io.BytesIO):
    """A reportlab canvas writing into ``out`` whose first page, done, holds a short report's title and sections
    in the CJK font; the caller draws its last page (tests/test_h31review_audit.py too)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _scanned_pdf("{n}", 1)  # (registers the font)
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont("STSong-Light", 12)
    lines = ["某某县卫生健康局2024年政府信息公开工作年度报告", "一、总体情况", "本年度收到政府信息公开申请8件。",
             "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    for k, line in enumerate(lines):
        pdf.drawString(80, 780 - 24 * k, line)
    pdf.showPage()
    return pdf


def _report_with_margin_note() -> bytes:
    """A short report whose last page holds its signature and date upright and, printed up the left margin, the
    note a government site stamps on what it serves (longer than the signature and the date together)."""

    out = io.BytesIO()
    pdf = first_page_of_a_short_report(out)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(350, 600, "某某县卫生健康局")
    pdf.drawString(350, 580, "2025年1月20日")
    pdf.saveState()
    pdf.translate(30, 100)
    pdf.rotate(90)
    pdf.setFont("STSong-Light", 9)
    pdf.drawString(0, 0, "本文件由某某县人民政府门户网站政府信息公开专栏下载，下载时间：2025年2月3日10时23分")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_note_up_the_margin_does_not_turn_the_page_of_the_signature_and_date():
    """Most characters of a last page ran sideways (a download note up its margin, longer than the signature and the
    date), so the page was read turned a quarter: its upright lines became a character a line and the report's
    date was lost (no published date: the report card could not tell whether it was published on time). A page is
    turned only when its sideways text stands on several lines (a turned table's rows); the date is read."""
    source = read_bytes(_report_with_margin_note(), ".pdf")
    assert "某某县卫生健康局\n2025年1月20日" in source.text
    assert parse(source.parse_text).published_date == "2025-01-20"


def _two_font_report() -> bytes:
    """A report whose Chinese is in one font and whose digits are in an embedded Latin font whose descriptor gives
    no descent (``/Descent 0``: as a browser's print embeds fonts without their metrics): the same baseline, boxes
    five points apart at 22 points."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    _scanned_pdf("{n}", 1)  # (registers the Chinese font)
    pdfmetrics.registerFont(TTFont("Latin", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)

    def line(y: float, size: float, parts: list[str]) -> None:
        x = 60.0
        for k, text in enumerate(parts):  # (Chinese and digits in turn)
            font = "Latin" if k % 2 else "STSong-Light"
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
            x += pdfmetrics.stringWidth(text, font, size)

    line(780, 22, ["某某县卫生健康局", "2024", "年政府信息公开工作年度报告"])
    line(740, 16, ["一、总体情况"])
    line(715, 16, ["本年度收到政府信息公开申请", "8", "件。"])
    pdf.showPage()
    pdf.save()
    data = out.getvalue()
    described = re.sub(rb"/Descent (-\d+)(?=[^>]*?/FontName /\w+\+DejaVuSans)",
                       lambda m: b"/Descent " + b"0" * len(m.group(1)), data)  # (as long: the offsets hold)
    assert described != data
    return described


def test_a_line_printed_in_two_fonts_whose_descents_differ_is_one_line():
    """Lines were cut by the tops of the characters' boxes, which the library sets by each font's descent: a title
    whose digits' font gives no descent had ``2024`` read as a line of its own above it, and neither the agency nor
    the year was read (``年`` was taken for the agency); a sentence lost its ``8``. Each upright character now stands
    on its baseline: the lines read as printed."""
    source = read_bytes(_two_font_report(), ".pdf")
    assert source.text.split("\n")[:3] == ["某某县卫生健康局2024年政府信息公开工作年度报告", "一、总体情况",
                                           "本年度收到政府信息公开申请8件。"]
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("某某县卫生健康局", 2024)


def _docx_of_chunk(blob: bytes, name: str, content_type: str) -> bytes:
    """A .docx as web page export tools write one (html-docx-js and the like): its document one ``w:altChunk`` naming
    a part that holds the page."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = Document()
    part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
    relation = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    chunk = etree.fromstring(f'<w:altChunk xmlns:w="{W}" xmlns:r="{relations}" r:id="{relation}"/>')
    document.element.body[-1].addprevious(chunk)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _mht(page: str) -> bytes:
    """A single-file web page (MHT): the page as the quoted-printable HTML part of a MIME multipart/related."""
    import quopri

    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\";"
            " boundary=\"----=mhtDocumentPart\"\r\n\r\n------=mhtDocumentPart\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n"
            f"{body}\r\n\r\n------=mhtDocumentPart--\r\n").encode("ascii")


@pytest.mark.parametrize(("name", "kind"), [("afchunk.mht", "message/rfc822"), ("afchunk.htm", "text/html")])
def test_a_word_file_made_of_an_imported_web_page_is_read(name, kind):
    """A .docx whose body is one ``w:altChunk`` (the page imported whole: what web "export to Word" tools write) was
    read as empty (``file_unreadable``, 没有文字内容) while Word shows the whole report. The imported page is now read
    as a web page is: its agency, year and every number of table 三."""
    page = html_report()
    blob = _mht(page) if name.endswith(".mht") else page.encode("utf-8")
    source = read_bytes(_docx_of_chunk(blob, name, kind), ".docx")
    assert source.ok and [f.code for f in source.findings] == []
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("某某市自然资源局", 2024)
    assert _table3(record) == _expected()


def test_a_word_file_naming_one_imported_page_many_times_reads_it_once():
    """A chunk naming a part read already adds nothing (a hostile file naming one page 5,000 times would be read
    5,000 times, each within the page's budget): the page's text appears once."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    data = _docx_of_chunk(html_report().encode("utf-8"), "afchunk.htm", "text/html")
    document = docx.Document(io.BytesIO(data))
    chunk = next(document.element.body.iter(qn("w:altChunk")))
    for _ in range(5000):
        chunk.addnext(etree.fromstring(etree.tostring(chunk)))
    out = io.BytesIO()
    document.save(out)
    source = read_bytes(out.getvalue(), ".docx")
    assert source.text.count("三、收到和处理政府信息公开申请情况") == 1


@pytest.mark.parametrize("suffix", [".mht", ".mhtml", ".html"])
def test_a_report_saved_as_a_single_file_web_page_is_read(suffix):
    """A report saved as a single-file web page (MHT: Word's and browsers' 单个文件网页, the page quoted-printable in
    a MIME multipart) was read as its MIME text, codes like ``=E6=9F=90``: no report text was found
    (``report_text_absent``). Its web page is now read as a page is (named .html too: its first lines say MIME)."""
    source = read_bytes(_mht(html_report()), suffix)
    assert source.kind == "html" and [f.code for f in source.findings] == []
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("某某市自然资源局", 2024)
    assert _table3(record) == _expected()


def draw_each_glyph_twice(monkeypatch) -> None:
    """Make reportlab draw every string twice, 0.3 pt apart, as exporters make bold of a font that has none
    (tests/test_h31review_audit.py too)."""
    from reportlab.pdfgen.canvas import Canvas

    for name in ("drawString", "drawRightString", "drawCentredString"):
        draw = getattr(Canvas, name)

        def twice(self, x, y, text, *args, draw=draw, **kwargs):
            draw(self, x, y, text, *args, **kwargs)
            return draw(self, x + 0.3, y, text, *args, **kwargs)

        monkeypatch.setattr(Canvas, name, twice)


@pytest.mark.parametrize("ruled", [True, False])
def test_numbers_drawn_twice_for_a_simulated_bold_are_read_once(monkeypatch, ruled):
    """Exporters make bold of a font that has none (仿宋, 小标宋) by drawing each glyph twice, a fraction of a point
    apart: each digit was read twice, and table 三's 6 was published as 66, its total 8 as 88 (table 四's too). A
    character drawn over itself is now one character: every number is published as printed."""
    from tests.test_layouts_unseen import T4, _table4
    from tests.test_parse9_pdf import build

    draw_each_glyph_twice(monkeypatch)
    record = parse(read_bytes(build(ruled=ruled), ".pdf").parse_text)
    assert _table3(record) == _expected()
    assert _table4(record) == T4


@pytest.mark.parametrize("opening", ["<!-- saved from url=(0042)http://www.example.gov.cn/ -->\n",
                                     '<?xml version="1.0" encoding="utf-8"?>\n',
                                     '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'])
@pytest.mark.parametrize("suffix", [".doc", ".txt", ""])
def test_a_web_page_saved_under_another_name_is_read_as_a_page(opening, suffix):
    """A web page saved as a .doc (a CMS's "export to Word" serves its page so), a .txt or with no extension was read
    as a page only when it opened with ``<!doctype html`` or ``<html``: opening with a browser's ``saved from url``
    comment, an XML declaration or a ``<meta>``, it was read as text, its tags among its words, and table 三 lost rows
    (``row_extra_cells``, ``row_lost_cells``). It is now read as the page it is."""
    source = read_bytes((opening + html_report()).encode("utf-8"), suffix)
    assert source.kind == "html"
    record = parse(source.parse_text)
    assert _table3(record) == _expected()
    assert record.findings == []


def test_a_text_opening_with_angle_brackets_stays_a_text():
    """A text report whose first line is in angle brackets (〈〉 or <>, no tag of a page) stays a text."""
    source = read_bytes("<某某县卫生健康局>2024年政府信息公开工作年度报告\n一、总体情况\n".encode(), ".txt")
    assert source.kind == "text" and source.text.startswith("<某某县卫生健康局>")


def test_a_footnote_mark_raised_by_a_text_rise_never_joins_its_number():
    """Setting characters on their baseline must not set a superscript raised by a text rise (``Ts``: the box holds
    it, the matrix does not) on its number's line: this session's first version read ``3`` with the mark ``¹`` as 31
    and ``7²`` as 72, published. The mark stays apart: the cell is unreadable (missing), never another number."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _scanned_pdf("{n}", 1)  # (registers the font)
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=12)
    cells = (["行政许可", "3<super>1</super>", "12"], ["行政处罚", "5", "7<super>2</super>"])
    table = Table([[Paragraph(text, style) for text in row] for row in cells], colWidths=[80, 40, 40])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([table])
    rows = [line.split("\t") for line in read_bytes(out.getvalue(), ".pdf").text.split("\n")]
    assert [row[0] for row in rows] == ["行政许可", "行政处罚"]
    assert "31" not in rows[0] and "72" not in rows[1] and ["5", "12"] == [rows[1][1], rows[0][2]]
