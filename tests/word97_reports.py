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


FIXTURES = {"report_2021_merged": report_2021_merged, "report_2019_fields": report_2019_fields,
            "report_merged_number": report_merged_number}
