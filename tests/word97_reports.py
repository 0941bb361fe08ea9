"""The synthetic reports whose Word 97-2003 copies are ``tests/fixtures/word97/*.doc`` (made from these .docx by
LibreOffice: ``tests/fixtures/word97/make_fixtures.py``). Each builder returns the .docx bytes; the tests read the
.docx and the .doc and compare. Values are the builders' own, identity-consistent, drawn by hand: no real report's
text is here."""

from __future__ import annotations

import io

from tests.factory import as_docx, tab_report
from tests.test_layouts_unseen import docx_report
from tests.test_parse10_merged import _docx as merged_number_docx
from tests.test_parse10_unseen import report_2019

HYPERLINK = "http://www.example.gov.cn/xxgk/"


def _with_fields(data: bytes) -> bytes:
    """``data`` (a .docx) with a paragraph after its title holding two fields in prose: a hyperlink (a simple
    field, its result the address) and a page number (a complex field: code, separator, result ``1``)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(io.BytesIO(data))
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    paragraph = parse_xml(
        f"<w:p {nsdecls('w')}>" + run.format("全文见本局门户网站（")
        + f'<w:fldSimple w:instr=" HYPERLINK &quot;{HYPERLINK}&quot; ">' + run.format(HYPERLINK) + "</w:fldSimple>"
        + run.format("），本页为第")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
        + '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run.format("1")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run.format("页。") + "</w:p>")
    document.paragraphs[0]._p.addnext(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_2021_merged() -> bytes:
    """A 2021-template report whose tables merge cells as the real template does (table 三's header over three rows
    and ten columns, its 三、本年度办理结果 and group labels merged down; table 四's header)."""
    return docx_report()


def report_2019_fields() -> bytes:
    """A 2019-template report (table 二 of its own, a single （六）其他处理 row) in plain tables whose short rows end in
    empty cells, with a hyperlink and a page number field in its prose."""
    return _with_fields(as_docx(report_2019()))


def report_merged_number() -> bytes:
    """The factory's 2021-template report whose table 三 has 自然人's 5 in one cell merged down over （一）予以公开 and
    （二）部分公开: it belongs to neither row alone (each missing, ``value_merged``), as ``test_parse10_merged``."""
    text = tab_report().replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0", "（二）部分公开\t0")
    return merged_number_docx(("（一）予以公开", "（二）部分公开"), 1, text)


def report_tracked_changes() -> bytes:
    """The factory's 2021-template report, its 一、本年新收 自然人 cell edited with track changes on (``8`` deleted,
    ``5`` inserted: Word shows 5) and its 商业企业 cell holding a hidden ``9`` before the shown ``0``: each cell
    reads as Word shows it (before: 85 and 90, wrong numbers)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(io.BytesIO(as_docx(tab_report())))
    table = document.tables[-2]  # (table 三: the last but one, before table 四)
    row = next(r for r in table.rows if r.cells[0].text.startswith("一、本年新收"))
    revision = 'w:id="{}" w:author="x" w:date="2024-01-01T00:00:00Z"'
    for cell, xml in ((row.cells[1], f'<w:del {revision.format(1)}><w:r><w:delText>8</w:delText></w:r></w:del>'
                       f'<w:ins {revision.format(2)}><w:r><w:t>5</w:t></w:r></w:ins>'),
                      (row.cells[2], '<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r><w:r><w:t>0</w:t></w:r>')):
        paragraph = cell.paragraphs[0]._p
        for run in list(paragraph.iterchildren()):
            if run.tag.endswith("}r"):
                paragraph.remove(run)
        for child in parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>").iterchildren():
            paragraph.append(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_in_a_layout_table() -> bytes:
    """The factory's 2021-template report inside a layout table (one row: a narrow cell holding the report's date,
    a wide one holding the whole report, its tables nested there), as some agencies' Word templates set a page."""
    import docx

    from tests.factory import _blocks, add_docx_table

    document = docx.Document()
    document.add_paragraph("样例县数据局")
    layout = document.add_table(rows=1, cols=2)
    side, body = layout.rows[0].cells
    side.text = "2025年1月20日"
    body.paragraphs[0].text = "（全文）"
    for block in _blocks(tab_report()):
        if isinstance(block, str):
            body.add_paragraph(block)
            continue
        add_docx_table(body, block)
        body.add_paragraph("")
    document.add_paragraph("（完）")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_title_in_header() -> bytes:
    """The factory's 2021-template report whose title is printed only in the first page's own header (the section
    has a different first page; its other pages' header says 内部资料, which is not the title)."""
    import docx

    text = tab_report()
    title, body = text.split("\n", 1)
    document = docx.Document(io.BytesIO(as_docx(body)))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = title
    section.header.paragraphs[0].text = "内部资料"
    section.first_page_footer.paragraphs[0].text = "第1页"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_split_organisations() -> bytes:
    """A report whose table 三 splits each row's 法人或其他组织 cell by a table of its own (as WPS writes it:
    ``tests/test_h31readers_audit.py``): each row read as the row it shows, the numbers in their columns."""
    from tests.test_h31readers_audit import split_organisations_docx

    return split_organisations_docx()


FIXTURES = {"report_2021_merged": report_2021_merged, "report_2019_fields": report_2019_fields,
            "report_merged_number": report_merged_number, "report_tracked_changes": report_tracked_changes,
            "report_in_a_layout_table": report_in_a_layout_table, "report_title_in_header": report_title_in_header,
            "report_split_organisations": report_split_organisations}
