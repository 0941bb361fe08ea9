"""A PDF whose tables are ruled and merge cells (the template's header blocks, 三、本年度办理结果 and the
（三）不予公开 / （四）无法提供 / （五）不予处理 / （六）其他处理 groups spanning their rows, table 二's single values
spanning three columns, table 四's 行政复议 | 行政诉讼 blocks), drawn here with reportlab: every value as printed,
also when the header prints 科研机构 before 商业企业 (before, the two columns' numbers were swapped)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from tests.test_layouts_unseen import GROUPS, OUTCOMES, ROWS, T4, ZERO, _active, _codes, _table3, _table4
from xxgk.catalog import outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

pytest.importorskip("reportlab")

ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
TABLE2 = [["第二十条第（一）项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
          ["规章", "0", "0", "0"], ["行政规范性文件", "12", "3", "340"], ["第二十条第（五）项", "", "", ""],
          ["信息内容", "本年处理决定数量", "", ""], ["行政许可", "2293", "", ""], ["第二十条第（六）项", "", "", ""],
          ["信息内容", "本年处理决定数量", "", ""], ["行政处罚", "15", "", ""], ["行政强制", "0", "", ""],
          ["第二十条第（八）项", "", "", ""], ["信息内容", "本年收费金额（单位：万元）", "", ""],
          ["行政事业性收费", "1.25", "", ""]]
TABLE2_SPANS = [((0, r), (3, r)) for r in (0, 4, 7, 11)] + [((1, r), (3, r)) for r in (5, 6, 8, 9, 10, 12, 13)]


def _table3_cells(swap_orgs: bool, blanks: dict[str, int] | None = None) -> tuple[list[list[str]], list]:
    """Table 三's cells and merged spans; ``swap_orgs`` prints 科研机构 before 商业企业, header and values;
    ``blanks`` leaves one cell of some rows blank (``{row code: value column}``)."""
    orgs = [ORGS[1], ORGS[0], *ORGS[2:]] if swap_orgs else ORGS

    def values(code: str) -> list[str]:
        v = [str(x) for x in ROWS.get(code, ZERO)]
        if swap_orgs:
            v[1], v[2] = v[2], v[1]
        if code in (blanks or {}):
            v[blanks[code]] = ""
        return v

    data = [[NOTE, "", "", "申请人情况"] + [""] * 6, ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "", *orgs, ""]]
    spans = [((0, 0), (2, 2)), ((3, 0), (9, 0)), ((3, 1), (3, 2)), ((4, 1), (8, 1)), ((9, 1), (9, 2))]
    for code, label in (("new", "一、本年新收政府信息公开申请数量"),
                        ("carried_over", "二、上年结转政府信息公开申请数量")):
        spans.append(((0, len(data)), (2, len(data))))
        data.append([label, "", "", *values(code)])
    start = len(data)
    for group, items in GROUPS:
        first = len(data)
        for code, label in items:
            if group is None:
                spans.append(((1, len(data)), (2, len(data))))
                data.append(["三、本年度办理结果", label, "", *values(code)])
            else:
                data.append(["", group, label, *values(code)])
        if group:
            spans.append(((1, first), (1, len(data) - 1)))
    spans.append(((1, len(data)), (2, len(data))))
    data.append(["", "（七）总计", "", *values("total_processed")])
    spans.append(((0, start), (0, len(data) - 1)))
    spans.append(((0, len(data)), (2, len(data))))
    data.append(["四、结转下年度继续办理", "", "", *values("carried_forward")])
    return data, spans


def build(swap_orgs: bool = False, ruled: bool = True, blanks: dict[str, int] | None = None,
          table4_blank: int | None = None, valign: str | None = None,
          label_widths: tuple = (40, 60, 90), value_width: int = 35, wrap: int = 6,
          font_size: float = 7, page_height: float | None = None) -> bytes:
    """The report as a PDF with ruled tables whose cells merge as the template's do (``ruled=False``: the same
    tables drawn without rules); ``blanks`` as ``_table3_cells``'; ``table4_blank``: that cell of table 四 blank;
    ``valign``: every cell's text set so in its cell (``"MIDDLE"``: a number centred beside its wrapped label, as
    Word's converters lay the template out), else reportlab's default (at the cell's foot); ``label_widths``,
    ``value_width``: table 三's three label columns' widths and each value column's (points); ``wrap``: a cell of
    table 三 longer than this many characters is set as a paragraph, wrapped in its cell; ``font_size``: every
    cell's (points: 10.5 is Word's 五号, a cell's default margins then less than a character and a half apart);
    ``page_height``: the pages' (points), else A4's."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=font_size, leading=font_size * 9 / 7)

    def table(cells: list[list[str]], spans: list, widths=None, wrap: int = 6):
        t = Table([[Paragraph(c, style) if len(c) > wrap else c for c in row] for row in cells], colWidths=widths)
        grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
        aligned = [("VALIGN", (0, 0), (-1, -1), valign)] if valign else []
        fonts = [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), font_size)]
        t.setStyle(TableStyle([*grid, *fonts, *aligned] + [("SPAN", a, b) for a, b in spans]))
        return t

    def text(line: str):
        return Paragraph(line, style)

    t3, t3_spans = _table3_cells(swap_orgs, blanks)
    t4 = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
          [*OUTCOMES, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
          [""] * 5 + OUTCOMES * 2, ["" if k == table4_blank else str(v) for k, v in enumerate(T4)]]
    t4_spans = [((0, 0), (4, 0)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))] + [
        ((i, 1), (i, 2)) for i in range(5)]
    story = [text("某某县卫生健康局2024年政府信息公开工作年度报告"), text("一、总体情况"),
             text("本年度收到政府信息公开申请8件。"), text("二、主动公开政府信息情况"), table(TABLE2, TABLE2_SPANS),
             text("三、收到和处理政府信息公开申请情况"), table(t3, t3_spans, [*label_widths] + [value_width] * 7, wrap),
             text("四、政府信息公开行政复议、行政诉讼情况"), table(t4, t4_spans, [34] * 15, wrap=4)]
    story += [text(line) for line in ("五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。")]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=(A4[0], page_height or A4[1])).build(story)
    return out.getvalue()


@pytest.mark.parametrize("swap_orgs", [False, True])
def test_a_ruled_pdf_with_merged_cells_reads_as_printed(swap_orgs):
    record = parse(read_bytes(build(swap_orgs=swap_orgs), ".pdf").parse_text)
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
    assert _codes(record) == ({"columns_reordered"} if swap_orgs else set())


# a blank cell in the first row (its columns learnt from the rows on the next page), one in a row whose label wraps,
# one in the last column, one in the first value column
BLANKS = {"new": 2, "denied_prohibited_by_law": 1, "unavailable_not_held": 6, "carried_forward": 0}


@pytest.mark.parametrize("blanks", [{}, BLANKS], ids=["complete", "blank cells"])
def test_an_unruled_pdf_table_keeps_its_rows_with_blank_cells(blanks):
    """A table drawn without rules is text lines, where a blank cell is no character: its row used to be lost whole
    (``row_lost_cells``). Each printed number is now read in the column it stands under, a blank cell is missing
    (never 0) with ``value_blank``, and no other finding."""
    record = parse(read_bytes(build(ruled=False, blanks=blanks), ".pdf").parse_text)
    expected = {code: list(ROWS.get(code, ZERO)) for code in row_codes("2021")}
    for code, column in blanks.items():
        expected[code][column] = None
    assert _table3(record) == expected
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
    assert _codes(record) == ({"value_blank"} if blanks else set())
    assert sum(f.code == "value_blank" for f in record.findings) == len(blanks)


@pytest.mark.parametrize("column", [0, 7, 14])
def test_an_unruled_table_four_with_a_blank_cell_is_placed_by_its_header(column):
    """Table 四 prints one row of numbers: no complete rows show where its columns stand, so its header's words
    (结果维持 … 总计, one a column) do. Before, its fifteen values were lost with ``row_lost_cells``."""
    record = parse(read_bytes(build(ruled=False, table4_blank=column), ".pdf").parse_text)
    expected = [None if k == column else v for k, v in enumerate(T4)]
    got = record.values("review_litigation")
    assert [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()] == expected
    assert [f.code for f in record.findings if f.table == "4"] == ["value_blank"]
