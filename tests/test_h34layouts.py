"""Reports in layouts agencies publish and the tests had not drawn (session 34): each fixture is built here, with
known values, and each test checks the numbers a reader would see published (or missing, with a finding)."""

from __future__ import annotations

import io

import pytest

from xxgk.catalog import applicant_codes, labels, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

# --- PDF: tables 三 and 四 on one page, their column borders a few points apart (as a browser prints a web page)

FONT, SIZE, HEIGHT = "STSong-Light", 7, 16
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _grid(page, xs: list[float], top: float, rows: list[list[str]], open_top: bool = False) -> float:
    """Draw a table ruled cell by cell (each cell's four sides, as a browser prints a bordered cell), its columns
    between ``xs``, its texts left-aligned a point inside their cells (as a browser's and Word's default), a text too
    long for its cell wrapped; the table's bottom. ``open_top``: no rule above the first row (a browser's table going
    on from the page before)."""
    from reportlab.pdfbase import pdfmetrics

    y = top
    for row in rows:
        lines = []
        for text, left, right in zip(row, xs[:-1], xs[1:], strict=True):
            cut = [""]
            for char in text:
                if pdfmetrics.stringWidth(cut[-1] + char, FONT, SIZE) > right - left - 2:
                    cut.append("")
                cut[-1] += char
            lines.append(cut)
        height = max(HEIGHT, max(len(c) for c in lines) * (SIZE + 1) + 6)
        page.setLineWidth(0.5)
        page.setFont(FONT, SIZE)
        for cut, left, right in zip(lines, xs[:-1], xs[1:], strict=True):
            if open_top and y == top:
                page.lines([(left, y, left, y - height), (right, y, right, y - height),
                            (left, y - height, right, y - height)])
            else:
                page.rect(left, y - height, right - left, height)
            for k, line in enumerate(cut):
                page.drawString(left + 1, y - SIZE - 3 - k * (SIZE + 1), line)
        y -= height
    return y


def _first_page(out: io.BytesIO):
    """An A4 canvas on ``out`` with the report's title, 一's opening and table 三's heading drawn (9 pt)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont(FONT, 9)
    for y, line in ((815, "某某县卫生健康局2024年政府信息公开工作年度报告"), (800, "一、总体情况"),
                    (788, "本年度收到申请若干件。"), (776, "三、收到和处理政府信息公开申请情况")):
        page.drawString(40, y, line)
    return page


def _table3_rows(values: dict[str, list[int]]) -> list[list[str]]:
    return [[labels()["rows"][code], *map(str, values[code])] for code in row_codes("2021")]


def _shared_page_pdf(table3: dict[str, list[int]], table4: list[str], at: int = 14) -> bytes:
    """A one-page report: table 三 in two tables (its rows up to ``at``, then the others under its header again),
    then table 四, each table's columns where a browser's automatic layout put them: table 三's two parts a few
    points apart, one border of each 2.95 and 5.9 points right of table 四's border between 复议后起诉's 结果维持
    and 结果纠正."""
    four = [30.0 + 34 * k for k in range(16)]  # table 四: fifteen columns 34 points wide
    border = four[11]
    out = io.BytesIO()
    page = _first_page(out)
    header = ["申请人情况", *APPLICANTS]
    rows = _table3_rows(table3)
    y = 770
    for part, shift in ((rows[:at], 2.95), (rows[at:], 5.9)):
        start = border + shift - 4 * 48  # seven columns 48 points wide, the fifth starting at border + shift
        y = _grid(page, [30.0, *(start + 48 * k for k in range(8))], y, [header, *part]) - 8
    page.setFont(FONT, 9)
    page.drawString(40, y - 6, "四、政府信息公开行政复议、行政诉讼情况")
    y = _grid(page, four, y - 12, [["行政复议", *[""] * 4, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
                                   OUTCOMES * 3, table4])
    page.setFont(FONT, 9)
    page.drawString(40, y - 16, "五、存在的主要问题及改进情况")
    page.drawString(40, y - 30, "无。")
    page.showPage()
    page.save()
    return out.getvalue()


def _table3_values() -> dict[str, list[int]]:
    """Identity-consistent values: 12 applications by natural persons, 9 by companies, all granted but one."""
    values = {code: [0] * 7 for code in row_codes("2021")}
    for code, row in (("new", [12, 9]), ("granted", [11, 9]), ("rejected_duplicate", [1, 0]),
                      ("total_processed", [12, 9])):
        values[code] = [*row, 0, 0, 0, 0, sum(row)]
    return values


def _table4(record) -> list:
    got = record.values("review_litigation")
    return [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()]


@pytest.mark.parametrize("first", ["1", ""], ids=["printed", "blank"])
def test_a_table_four_border_near_table_three_borders_on_its_page_keeps_each_number_in_its_column(first):
    """A browser (and Word) lays each table's columns out on its own: on a page holding table 三 (in two parts) and
    table 四, their column borders fall a few points apart. The table finder snapped every vertical rule of the page
    within 3 points of the next into one, at their mean: table 四's border moved right into the cell after it, and
    the ``5`` printed left-aligned there fell in the cell before. 复议后起诉's 结果维持 ``1`` and 结果纠正 ``5`` were
    read ``1 5`` (both missing, ``value_unreadable``); with 结果维持 printed blank, ``5`` was published as 结果维持 and
    结果纠正 was blank (a wrong number). Each number is now read in its own column."""
    pytest.importorskip("reportlab")
    table4 = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", first, "5", "0", "0", str(5 + int(first or 0))]
    source = read_bytes(_shared_page_pdf(_table3_values(), table4), ".pdf")
    record = parse(source.parse_text)
    assert _table4(record) == [int(v) if v else None for v in table4]
    got = record.values("applications")
    assert [got[("new", c)] for c in ("natural_person", "commercial", "total")] == [12, 9, 21]
    assert [got[("rejected_duplicate", c)] for c in ("natural_person", "total")] == [1, 1]


# --- a web page whose table 三 prints 法人或其他组织's five columns before 自然人 (the template's header, reordered)


def _html_table3(values: dict[str, list[int]], order: list[int]) -> str:
    """The 2021 template's table 三 as a web page prints it (``rowspan``/``colspan`` header, the label column merged
    as the template merges it), its columns printed in ``order`` (indexes of ``APPLICANTS``; ``values`` in template
    order), the five organisation columns together under 法人或其他组织."""
    top, sub = [], []
    for j in order:
        if j in (0, 6):
            top.append(f"<td rowspan='2'>{APPLICANTS[j]}</td>")
        else:
            if not sub:
                top.append("<td colspan='5'>法人或其他组织</td>")
            sub.append(f"<td>{APPLICANTS[j]}</td>")
    cells = ["<tr><td colspan='2' rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
             "<td colspan='7'>申请人情况</td></tr>", "<tr>" + "".join(top) + "</tr>", "<tr>" + "".join(sub) + "</tr>"]
    for code in row_codes("2021"):
        numbers = "".join(f"<td>{values[code][j]}</td>" for j in order)
        cells.append(f"<tr><td colspan='2'>{labels()['rows'][code]}</td>{numbers}</tr>")
    return ("<html><body><p>某某县卫生健康局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>概述。</p>"
            "<p>三、收到和处理政府信息公开申请情况</p><table border='1'>" + "".join(cells) + "</table>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")


def test_a_web_table_three_printing_natural_persons_after_the_organisations_publishes_no_number_in_a_wrong_column():
    """The page's header prints 法人或其他组织 (over its five columns) before 自然人 (merged down two rows): the text
    reads ``法人或其他组织 自然人 总计`` over ``商业企业 … 其他`` (a cell merged down is printed once). The header's
    reading assumed 自然人 first, as the template prints it, and published the 自然人's 12 applications as 商业企业's
    and 商业企业's 9 as 科研机构's (the row totals hold either way). Now, as when one line names the five
    organisations before 自然人: each applicant cell missing with ``columns_order_unsure``, the 总计 kept."""
    page = _html_table3(_table3_values(), [1, 2, 3, 4, 5, 0, 6])
    record = parse(read_bytes(page.encode(), ".html").parse_text)
    got = record.values("applications")
    assert [got[("new", c)] for c in ("natural_person", "commercial", "research", "total")] == [None, None, None, 21]
    assert {v for (_, column), v in got.items() if column != "total"} == {None}
    assert "columns_order_unsure" in {f.code for f in record.findings}


# --- PDF: a browser's table going on over a page break, no rule above the first row of the next page


def _continued_pdf(table3: dict[str, list[str]], at: int, widths: tuple[float, float]) -> bytes:
    """A report whose table 三 (``table3``: each row's cells as printed) has its rows up to ``at`` on page 1 and the
    others on page 2, the first of them drawn with no rule above it (as a browser prints a bordered table going on
    over a page break); its label column ``widths[0]`` points wide, its seven value columns ``widths[1]``."""
    xs = [40.0, 40 + widths[0], *(40 + widths[0] + widths[1] * k for k in range(1, 8))]
    rows = [[labels()["rows"][code], *table3[code]] for code in row_codes("2021")]
    out = io.BytesIO()
    page = _first_page(out)
    _grid(page, xs, 770, [["申请人情况", *APPLICANTS], *rows[:at]])
    page.showPage()
    y = _grid(page, xs, 812, rows[at:], open_top=True)
    page.setFont(FONT, 9)
    for k, line in enumerate(("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。")):
        page.drawString(40, y - 20 - 15 * k, line)
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(("printed", "widths"), [
    (["0", "", "0", "1", "9", "0", "10"], (150, 40)),  # a blank cell
    (["0", "0", "0", "1", "33", "0", "34"], (120, 9)),  # columns a two-digit number just fills
], ids=["blank cell", "narrow columns"])
def test_the_first_row_of_a_page_with_no_rule_above_it_is_read_as_the_table_s_row(printed, widths):
    """A browser prints a bordered table going on over a page break with no rule above the next page's first row.
    The table finder began the table at the row below, and the row (（二）部分公开) was read as a line of text:
    with a blank cell, six numbers for seven cells, all missing (``row_lost_cells``); in narrow columns, all
    missing too (``cells_ambiguous``); printed by a browser with a label and a total wrapped, a row of the wrong
    numbers (the session's layout sweep). Now the row's rules are closed at the page's top and its cells read as the
    table's, each number in its column, a blank one missing."""
    pytest.importorskip("reportlab")
    values = {code: [str(v) for v in row] for code, row in _table3_values().items()}
    values["partially_granted"] = printed
    record = parse(read_bytes(_continued_pdf(values, 3, widths), ".pdf").parse_text)
    got = record.values("applications")
    assert [got[("partially_granted", c)] for c in applicant_codes()] == [int(v) if v else None for v in printed]
    assert [got[("new", c)] for c in ("natural_person", "commercial", "total")] == [12, 9, 21]


def test_a_web_table_three_printing_the_total_second_reads_each_number_in_its_column():
    """The header prints 自然人 | 总计 | 法人或其他组织 (over its five columns). 总计 named after 自然人 was taken to be
    the last column: 一、本年新收 printed ``6 17 4 2 0 1 4`` was published as 自然人 6, 商业企业 17, 科研机构 4, …,
    总计 4 (``identity_broken`` said the totals failed; the numbers stood; where a row's total held with 总计 first,
    the whole table was missing instead). The header line names the organisation columns after 总计: the
    table is read in that order (``columns_reordered``), every number in its column."""
    values = {code: [0] * 7 for code in row_codes("2021")}
    for code, row in (("new", [6, 4, 2, 0, 1, 4]), ("granted", [5, 3, 2, 0, 1, 4]), ("rejected_duplicate", [1, 1]),
                      ("total_processed", [6, 4, 2, 0, 1, 4])):
        row = row + [0] * (6 - len(row))
        values[code] = [*row, sum(row)]
    record = parse(read_bytes(_html_table3(values, [0, 6, 1, 2, 3, 4, 5]).encode(), ".html").parse_text)
    got = record.values("applications")
    assert {code: [got[(code, c)] for c in applicant_codes()] for code in values} == values
    assert "columns_reordered" in {f.code for f in record.findings}
    assert "identity_broken" not in {f.code for f in record.findings}
