"""Session 32's merged reader and parser changes reviewed with inputs they were not written for (h32breview): each
test is a shape a real report prints, next to the one a change was made for, and checks what is published."""

from __future__ import annotations

from tests.test_h30pdf_audit import _draw_table, _report_page
from tests.test_h32readers_audit import CELL_X, NEW_ROW_Y
from tests.test_layouts_unseen import _table3
from tests.test_parse9_pdf import _table3_cells
from xxgk.parser import parse
from xxgk.pdf_letter_spacing import spaced_text
from xxgk.readers import read_bytes


def _report_pdf(data: list[list[str]], spans: list, over=None) -> bytes:
    """A one-page report whose table 三 (``data``, merged cells ``spans``) is ruled cell by cell (``_draw_table``);
    ``over(page)`` draws after the table."""
    def table(page) -> float:
        bottom = _draw_table(page, 740, list(enumerate(data)), spans)
        if over:
            over(page)
        return bottom

    return _report_page(table)


def test_single_digits_each_in_its_column_of_a_row_without_inner_rules_are_never_one_number():
    """一、本年新收's row drawn without its inner column rules (one ruled cell across the seven value columns), each
    figure centred in its column: 6 1 0 0 1 0 8, gaps all alike. The letter-spacing reader took the row for one
    letter-spaced number and published 自然人 = 6100108; the figures stand in the columns the other rows rule, so
    they are numbers apart — 自然人 missing (value_unreadable) as before the change, never a made-up number."""
    data, spans = _table3_cells(False)
    figures = data[3][3:]
    assert figures == ["6", "1", "0", "0", "1", "0", "8"]
    data[3][3:] = [""] * 7
    spans.append(((3, 3), (9, 3)))

    def figures_in_columns(page):
        page.setFont("STSong-Light", 7)
        for k, figure in enumerate(figures):
            page.drawCentredString(CELL_X + 42 * k + 21, NEW_ROW_Y + 5, figure)

    record = parse(read_bytes(_report_pdf(data, spans, over=figures_in_columns), ".pdf").parse_text)
    assert _table3(record)["new"] == [None] * 7
    assert ("value_unreadable", "自然人") in [(f.code, f.column) for f in record.findings if f.table == "3"]


def _spaced(text: str, gap: float, width: float = 3.5, size: float = 7) -> list[dict]:
    return [{"text": t, "x0": 10 + k * (width + gap), "x1": 10 + k * (width + gap) + width, "top": 5.0, "size": size}
            for k, t in enumerate(text)]


def test_digits_further_apart_than_any_letter_spacing_are_not_joined():
    """A table ruled without inner columns at all has no rule to tell its columns by: figures centred in columns
    some 40 points wide (5.5 ems of a 7-point font) are numbers apart; a letter-spaced number's gaps are an em or so
    (Word's 加宽 4 磅, CSS letter-spacing)."""
    assert spaced_text(_spaced("6100108", gap=38.5)) is None
    assert spaced_text(_spaced("1075", gap=4.0)) == "1075"
    assert spaced_text(_spaced("1075", gap=9.0)) == "1075"  # (distributed alignment in its cell)


def test_a_cell_1_glued_before_the_next_sub_rows_item_number_is_never_swallowed_into_its_label():
    """``1.属于国家秘密``'s last cell (总计, 1) put at the start of the next line, glued to its item number:
    ``12.其他法律行政法规禁止公开``. Session 32 read two digits 10–19 opening a label with no cell before them as
    Word's numbering run on across the groups, so the 1 went into the label and was lost with nothing said (the
    space-separated row had been read whole, 1 and 1; the tab row had said stray_values 1). Run-on numbers are the
    label's only where they are its number in that numbering (其他法律… is the 2nd sub-row, never the 12th)."""
    from tests.test_h31parser_audit import distinct_report

    text, _ = distinct_report()
    lines = text.split("\n")
    k = next(k for k, line in enumerate(lines) if "属于国家秘密" in line)
    assert lines[k + 1].startswith("2.其他法律行政法规禁止公开\t")
    cells = lines[k].split("\t")
    lines[k] = "\t".join([cells[0], "1", *cells[2:-1]])  # 自然人 1, the row's 总计 1 put on the next line
    lines[k + 1] = "1" + lines[k + 1]
    printed = "\n".join(lines)
    assert "\n12.其他法律行政法规禁止公开\t" in printed
    spaced = parse(printed.replace("\t", " "))
    assert [spaced.values("applications")[("denied_state_secret", a)] for a in ("natural_person", "total")] == [1, 1]
    said = [(f.code, f.actual) for f in parse(printed).findings if f.table == "3"]
    assert ("stray_values", "1") in said


def test_a_tag_of_unquoted_addresses_is_read_at_once_not_searched_for_hours():
    """A link tag whose attributes are unquoted addresses (``<a h0=/col/a/b h1=/col/a/b …>``, as old CMS pages
    write ``href=/col/col1229/index.html``) before the report's text. The many-attributes guard (session 32) let
    the search end an unquoted value at any slash and count the rest as attributes: every way of cutting 14 such
    values was tried, for hours (12: 28 s), on a page of 15 attributes. Now each attribute is read once, as
    libxml2 reads it: the page is read, as before the guard; a tag of 501 attributes is still over budget."""
    from tests.factory import tab_report
    from tests.test_splitting_bound import no_hang

    def page(attributes: str) -> bytes:
        return f"<html><body><a {attributes}>首页</a><pre>{tab_report()}</pre></body></html>".encode()

    with no_hang(60):
        source = read_bytes(page(" ".join(f"h{k}=/col/a/b" for k in range(14))), ".html")
    assert source.findings == [] and "样例县数据局2024年" in source.text
    many = read_bytes(page(" ".join(f"h{k}=/col/a/b" for k in range(501))), ".html")
    assert [f.code for f in many.findings] == ["over_budget"]


def _grid_page(box_style: str, tag: str) -> bytes:
    """A report whose table 三 is laid out as one ``<div>`` of boxes (``tag`` styled ``box_style``) that wrap into rows
    by their widths, eight a row: the header, then each row's label and its seven numbers (``_table3_cells``)."""
    data, _ = _table3_cells(False)
    cells = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for row in data[3:]:
        cells += ["".join(c for c in row[:3] if c), *row[3:]]
    boxes = "".join(f'<{tag} style="{box_style};width:{"30%" if k % 8 == 0 else "10%"}">{text}</{tag}>'
                    for k, text in enumerate(cells))
    return ("<html><body><p>某某县卫生健康局2024年政府信息公开工作年度报告</p>"
            f'<p>三、收到和处理政府信息公开申请情况</p><div style="width:100%">{boxes}</div>'
            "<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>").encode()


def test_a_table_laid_out_as_one_box_of_boxes_wrapping_into_rows_is_read_whole():
    """Table 三 laid out as one ``<div>`` of inline-block (or floated) boxes, eight a row by their widths — a grid,
    not a row. Session 32's CSS-row reader wrote it as one row of 208 cells: every row of table 三 missing
    (row_absent, row_extra_cells). A box of words after a box of a number begins another row, so such boxes are
    no one row: the page is read as before, every number in its place."""
    from tests.test_h30pdf_audit import _expected

    for style, tag in (("display:inline-block", "span"), ("float:left", "div")):
        record = parse(read_bytes(_grid_page(style, tag), ".html").parse_text)
        assert _table3(record) == _expected(), style
        assert not {f.code for f in record.findings if f.table == "3"} & {"row_absent", "row_extra_cells"}
