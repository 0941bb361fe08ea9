"""The synthetic reports whose Word 97-2003 copies are ``tests/fixtures/word97/*.doc`` (made from these .docx by
LibreOffice: ``tests/fixtures/word97/make_fixtures.py``). Each builder returns the .docx bytes; the tests read the
.docx and the .doc and compare. Values are the builders' own, identity-consistent, drawn by hand: no real report's
text is here."""

from __future__ import annotations

import io
import re

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


_LIST_FORMATS = (  # (the typed number's pattern, the list's w:numFmt and w:lvlText, the counting it is read back by)
    (re.compile(r"(\d+)\."), "decimal", "%1.", int),
    (re.compile(r"（([一二三四五六七八九十]+)）"), "chineseCounting", "（%1）", "一二三四五六七八九十".index),
    (re.compile(r"([一二三四五六七八九十]+)、"), "chineseCounting", "%1、", "一二三四五六七八九十".index),
)


def _numbered_by_lists(data: bytes) -> bytes:
    """``data`` (a .docx) with each paragraph that begins with a typed number (``1.``, ``（一）``, ``一、``) numbered
    by a Word list instead: the number taken off the text, the paragraph put in a list of its kind (decimal ``%1.``,
    Chinese counting ``（%1）`` and ``%1、``; the body's and the tables' lists apart). A number that is the next one
    of its list's continues it; any other begins a list of its own, starting there (``w:start``: LibreOffice writes
    a ``w:startOverride`` into the .doc as a list of its own for the first paragraph alone, the others counting on
    from 1 in the list it overrode: Word and LibreOffice show 一、 twice). Word shows the same text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document(io.BytesIO(data))
    numbering = document.part.numbering_part.element
    lists: dict[int, tuple[int, int]] = {}  # list kind: (its num, its last number)
    for paragraph in document.element.body.iter(qn("w:p")):
        runs = list(paragraph.iter(qn("w:t")))
        if not runs or not runs[0].text:
            continue
        in_table = next(paragraph.iterancestors(qn("w:tbl")), None) is not None
        for kind, (pattern, fmt, text, value) in enumerate(_LIST_FORMATS):
            found = pattern.match(runs[0].text)
            if not found or len(found.group(1)) > 2 or found.end() == len(runs[0].text):
                continue
            number = value(found.group(1)) + (kind > 0)
            num, last = lists.get(kind + len(_LIST_FORMATS) * in_table, (0, -1))
            if number != last + 1:
                num = 80 + len(numbering.findall(qn("w:num")))
                numbering.insert(0, parse_xml(
                    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num}"><w:lvl w:ilvl="0">'
                    f'<w:start w:val="{number}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                    '<w:suff w:val="nothing"/></w:lvl></w:abstractNum>'))
                numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{num}"/>'
                                           "</w:num>"))
            lists[kind + len(_LIST_FORMATS) * in_table] = (num, number)
            runs[0].text = runs[0].text[found.end():]
            properties = paragraph.get_or_add_pPr()
            properties.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                                           f'<w:numId w:val="{num}"/></w:numPr>'))
            break
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_numbered_lists() -> bytes:
    """The factory's 2021-template report whose section headings (一、总体情况 …) and table 三's labels (（一）予以公开,
    1.属于国家秘密 …) are numbered by Word lists, as WPS and Word users number them: the numbers are not in the text;
    Word draws them (``_numbered_by_lists``)."""
    return _numbered_by_lists(as_docx(tab_report()))


def report_title_in_a_text_box() -> bytes:
    """A report whose cover title is in a text box (as Word writes one: a DrawingML shape and its VML copy,
    ``tests/test_docx_text_boxes.py``), and whose 一、总体情况 has a second box of two paragraphs anchored in its
    first paragraph (the .docx reader reads a box's lines before its anchor's paragraph)."""
    import zipfile

    from tests.test_docx_text_boxes import _box, _cover_in_a_box

    source, out = io.BytesIO(_cover_in_a_box(True)), io.BytesIO()
    note = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in BOX_NOTE)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/document.xml":
                anchor = "<w:p><w:r><w:t>概述。</w:t></w:r></w:p>".encode()
                assert anchor in data
                data = data.replace(anchor, f"<w:p>{_box(note, True)}<w:r><w:t>概述。</w:t></w:r></w:p>".encode(), 1)
            new.writestr(item, data)
    return out.getvalue()


def _in_a_multilevel_list(data: bytes) -> bytes:
    """``data`` (a .docx) with each table paragraph that begins with ``一、``, ``（一）`` or ``1.`` numbered by one
    three-level Word list instead (Word's 多级列表: ``%1、``, ``（%2）``, ``%3.``, each level starting again after a
    paragraph of a level above it), its number taken off the text. Word shows the same text when the numbers typed
    count as the list counts (table 三's labels, one a cell: 一、 二、 三、 with （一）…（七） under 三、 and 1.… under
    each of those)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document(io.BytesIO(data))
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                     '<w:suff w:val="nothing"/></w:lvl>' for k, (_, fmt, text, _) in
                     enumerate((_LIST_FORMATS[2], (None, "chineseCounting", "（%2）", None),
                                (None, "decimal", "%3.", None))))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    for paragraph in document.element.body.iter(qn("w:p")):
        runs = list(paragraph.iter(qn("w:t")))
        if not runs or not runs[0].text or next(paragraph.iterancestors(qn("w:tbl")), None) is None:
            continue
        for level, (pattern, _, _, _) in ((2, _LIST_FORMATS[0]), (1, _LIST_FORMATS[1]), (0, _LIST_FORMATS[2])):
            if found := pattern.match(runs[0].text):
                runs[0].text = runs[0].text[found.end():]
                paragraph.get_or_add_pPr().insert(0, parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="70"/></w:numPr>'))
                break
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_multilevel_list() -> bytes:
    """Table 三 (merged as the template merges it, each label a cell: ``tests/test_h30pdf_audit.py``) whose labels
    are numbered by one three-level Word list (一、 / （一） / 1.) instead of typed."""
    from tests.test_h30pdf_audit import _numbered_docx

    return _in_a_multilevel_list(_numbered_docx(False))


def report_title_in_a_header_text_box() -> bytes:
    """The factory's 2021-template report whose title is printed only in a text box of the page header (anchored in
    the header's paragraph, which says 内部资料): the .docx reader reads the first page's header, its box first."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from tests.test_docx_text_boxes import _box

    title, body = tab_report(agency="海城市教育局", year=2023).split("\n", 1)
    document = docx.Document(io.BytesIO(as_docx(body)))
    header = document.sections[0].header.paragraphs[0]._p
    box = _box(f"<w:p><w:r><w:t>{title}</w:t></w:r></w:p>", True)
    for child in parse_xml(f"<w:p {nsdecls('w')}>{box}<w:r><w:t>内部资料</w:t></w:r></w:p>").iterchildren():
        header.append(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_spacer_column() -> bytes:
    """The factory's report whose table 三 has an empty spacer column after 自然人 in every row, under a row of its
    headings, its last row's 总计 blank (``test_h52hunt``): no column of the report."""
    from tests.test_h52hunt import _spacer_column_table3

    return as_docx(_spacer_column_table3())


def report_two_numbers_in_a_cell() -> bytes:
    """The factory's report whose 行政规范性文件 row prints 本年废止 3 and 现行有效 120 in one cell (``3 120``), the
    next cell blank (``test_h52hunt``): two cells' numbers, not 3120."""
    text = tab_report(repealed=3, in_force=120).replace("行政规范性文件\t0\t3\t120", "行政规范性文件\t0\t3 120\t")
    return as_docx(text)


def report_label_merged_over_numbers_below() -> bytes:
    """The factory's report whose （一）予以公开 label is merged down over two rows, its numbers in the bottom one."""
    from tests.test_h52labels import _docx

    return _docx(numbers_below=True)


def report_label_merged_over_numbers_above() -> bytes:
    """The factory's report whose （一）予以公开 label is merged down over two rows, its numbers in the top one."""
    from tests.test_h52labels import _docx

    return _docx(numbers_below=False)


def _swept(perturbation: str, place: str) -> bytes:
    """``benchmarks/office_sweep.py``'s first synthetic report (the 2021 template's merged cells), perturbed by
    ``perturbation`` at ``place`` (as the sweep names them), as a .docx."""
    from benchmarks import office_sweep as sweep

    report = sweep.synthetic_reports(1)[0]
    return sweep.to_docx(dict(sweep.PERTURBATIONS[perturbation](report.blocks))[place])


def report_label_merged_beside_its_group() -> bytes:
    """The sweep's report whose 1.属于国家秘密 label is merged down over two rows, its numbers in the bottom one, the
    group label （三）不予公开 merged down over its rows beginning in the same row (``test_h54office``)."""
    return _swept("label_merged_bottom", "t6r7")


def report_spacer_in_a_split_table() -> bytes:
    """The sweep's report whose table 三 is split into two tables after 一、本年新收 (a 续表 line between), the second
    half without headings and with a spacer column after 自然人, its last row's 总计 blank (``test_h54office``)."""
    from tests.test_h54office import spacer_in_a_split_table

    return spacer_in_a_split_table("（续表）")[1]


BOX_NOTE = ("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "本报告电子版可在本局门户网站下载。")


FIXTURES = {"report_2021_merged": report_2021_merged, "report_2019_fields": report_2019_fields,
            "report_merged_number": report_merged_number, "report_tracked_changes": report_tracked_changes,
            "report_in_a_layout_table": report_in_a_layout_table, "report_title_in_header": report_title_in_header,
            "report_split_organisations": report_split_organisations, "report_numbered_lists": report_numbered_lists,
            "report_title_in_a_text_box": report_title_in_a_text_box, "report_multilevel_list": report_multilevel_list,
            "report_title_in_a_header_text_box": report_title_in_a_header_text_box,
            "report_spacer_column": report_spacer_column, "report_two_numbers_in_a_cell": report_two_numbers_in_a_cell,
            "report_label_merged_over_numbers_below": report_label_merged_over_numbers_below,
            "report_label_merged_over_numbers_above": report_label_merged_over_numbers_above,
            "report_label_merged_beside_its_group": report_label_merged_beside_its_group,
            "report_spacer_in_a_split_table": report_spacer_in_a_split_table}
