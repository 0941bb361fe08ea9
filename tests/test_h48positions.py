"""Session 48 (helper P): PDF reports whose narrow header cells wrap their names over two lines (科研 / 机构, 尚未 /
审结, 处理决定 / 数量) while the columns are printed in another order than the template's — drawn here with reportlab,
with and without ruling lines, from the 2021 template's labels and invented numbers told apart from their neighbours
(the values of ``tests/test_h46reports.py``). A whole name one line high is centred in its row, between a wrapped
name's halves: a PDF's text prints it on a line of its own (科研 社会公益 / 商业企业 其他 / 机构 组织), and read as
lines the columns' order was lost — numbers published under their neighbours' names, the totals holding either way.
Each case asserts what a reader checks: every number under the name printed above it, or the cells empty with a
finding.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .test_h46reports import GROUPS, LABELS, ROWS, T4, TITLE, _codes, _table3, _table4

pytest.importorskip("reportlab")

SIZE = 7  # points: the tables' font size (a line of a wrapped cell is SIZE + 1 below the one above)
NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
WRAPPED = {2: "科研\n机构", 3: "社会公益\n组织", 4: "法律服务\n机构"}  # the others one line high


def _draw(page, top: float, xs: list[float], rows: list[list[str]], spans: list, ruled: bool) -> float:
    """Draw ``rows`` in the columns ``xs`` (their edges) from ``top`` down, each merged cell of ``spans`` once, texts
    centred in their cells, a line at each ``\\n``; rules round every cell when ``ruled``. The bottom of the table."""

    def merged(r: int, c: int) -> tuple[int, int, int, int]:
        return next(((c0, r0, c1, r1) for (c0, r0), (c1, r1) in spans if c0 <= c <= c1 and r0 <= r <= r1), (c, r, c, r))

    heights = [
        max(
            16,
            max((text.count("\n") + 1 for c, text in enumerate(row) if merged(r, c)[1] == merged(r, c)[3]), default=1)
            * (SIZE + 1)
            + 4,
        )
        for r, row in enumerate(rows)
    ]
    tops = [top - sum(heights[:r]) for r in range(len(rows) + 1)]
    page.setFont("STSong-Light", SIZE)
    page.setLineWidth(0.5)
    for r, row in enumerate(rows):
        for c in range(len(xs) - 1):
            c0, r0, c1, r1 = merged(r, c)
            if (c0, r0) != (c, r):
                continue
            if ruled:
                page.rect(xs[c0], tops[r1 + 1], xs[c1 + 1] - xs[c0], tops[r0] - tops[r1 + 1])
            lines = row[c].split("\n") if row[c] else []
            middle = (tops[r0] + tops[r1 + 1]) / 2 + (len(lines) - 1) * (SIZE + 1) / 2 - SIZE / 3
            for k, line in enumerate(lines):
                page.drawCentredString((xs[c0] + xs[c1 + 1]) / 2, middle - k * (SIZE + 1), line)
    return tops[-1]


def _edges(start: float, widths: list[float]) -> list[float]:
    return [start + sum(widths[:k]) for k in range(len(widths) + 1)]


def _pdf(tables: dict[str, tuple], ruled: bool) -> bytes:
    """A report of the six sections, the tables given (``{section: (edges, rows, spans)}``) under their headings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800.0
    for heading in (
        TITLE,
        "一、总体情况",
        "2024年，我局认真贯彻落实《条例》。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
    ):
        page.setFont("STSong-Light", 9)
        page.drawString(50, y, heading)
        y -= 20
        if heading[:2] in tables:
            y = _draw(page, y, *tables[heading[:2]], ruled) - 20
    page.showPage()
    page.save()
    return out.getvalue()


def _table3_drawn(order: list[int]) -> tuple:
    """Table 三 with the seven columns printed in ``order`` (template indices), 科研机构, 社会公益组织 and 法律服务机构
    wrapped in their cells, the other names whole."""
    names = [WRAPPED.get(i, name) for i, name in enumerate(NAMES)]
    orgs = [p for p, i in enumerate(order) if 1 <= i <= 5]
    rows = [
        ["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "", "申请人情况", *[""] * 6],
        ["", "", *(names[i] if i in (0, 6) else "法人或其他组织" if p == orgs[0] else "" for p, i in enumerate(order))],
        ["", "", *(names[i] if 1 <= i <= 5 else "" for i in order)],
    ]
    spans = [((0, 0), (1, 2)), ((2, 0), (8, 0)), ((2 + orgs[0], 1), (2 + orgs[-1], 1))] + [
        ((2 + p, 1), (2 + p, 2)) for p, i in enumerate(order) if i in (0, 6)
    ]
    for code, label in LABELS.items():
        group = "三、本年度办理结果" if code == "granted" else GROUPS.get(code, "")
        rows.append([group, label, *(str(ROWS[code][i]) for i in order)])
    return _edges(20, [70, 260] + [34] * 7), rows, spans


# ---- table 三: some organisation names wrapped, some whole, printed in another order ----

SWAPPED = [0, 2, 1, 3, 4, 5, 6]  # 科研机构 (wrapped) before 商业企业 (whole)
MOVED = [0, 3, 1, 4, 2, 5, 6]  # 社会公益组织 first, 科研机构 after 法律服务机构


@pytest.mark.parametrize("ruled", [False, True], ids=["unruled", "ruled"])
@pytest.mark.parametrize("order", [SWAPPED, MOVED], ids=["swapped", "moved"])
def test_organisations_wrapped_and_whole_in_another_order_are_read_under_their_names(order, ruled):
    """科研 / 商业企业 / 机构: the wrapped names' halves and the whole names on three lines of the text layer, the
    columns in another order than the template's. Before (unruled): read in the template's order — 科研机构's numbers
    published as 商业企业's and the other way round (48 numbers), no finding; or all five columns missing. Each header
    word is now put over the column of numbers it stands above, and the names read where they stand."""
    record = parse(read_bytes(_pdf({"三、": _table3_drawn(order)}, ruled), ".pdf").parse_text)
    assert _table3(record) == ROWS
    assert "columns_reordered" in _codes(record)


def test_the_same_header_as_a_plain_text_layer_is_missing_with_a_finding():
    """The same table's text layer saved as text (no glyph positions): the whole names on one line, the wrapped ones'
    halves on the lines around it — which column each stands over is not known. The five organisation columns are
    missing with ``columns_order_unsure``; 自然人 and 总计 are published. Before: read in the template's order,
    科研机构's numbers published as 商业企业's, no finding."""
    header = [
        "申请人情况",
        "法人或其他组织",
        "自然人 总计",
        "科研 社会公益 法律服务",
        "商业企业 其他",
        "机构 组织 机构",
    ]
    rows = [
        f"{GROUPS.get(code, '')}{label} " + " ".join(str(ROWS[code][i]) for i in SWAPPED)
        for code, label in LABELS.items()
    ]
    text = "\n".join(
        [
            TITLE,
            "一、总体情况",
            "三、收到和处理政府信息公开申请情况",
            *header,
            *rows,
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    )
    record = parse(read_bytes(text.encode("utf-8"), ".txt").text)
    got = _table3(record)
    assert {code: values[1:6] for code, values in got.items()} == {code: [None] * 5 for code in ROWS}
    assert {code: [values[0], values[6]] for code, values in got.items()} == {
        code: [values[0], values[6]] for code, values in ROWS.items()
    }
    assert "columns_order_unsure" in _codes(record)


# ---- table 四: outcome and lawsuit names wrapped, printed in another order ----

OUTCOMES = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
LAWSUITS = {1: "未经复议\n直接起诉", 2: "复议后\n起诉"}


def _table4_drawn(outcomes: list[int], proceedings: list[int]) -> tuple:
    """Table 四, its three groups of five in ``proceedings``' order (0 行政复议, 1 直接起诉, 2 复议后起诉), each group's
    outcomes in ``outcomes``' order, every name but 总计 wrapped in its narrow cell."""
    top, middle, bottom, spans = [], [], [], []
    lawsuits = [g for g, p in enumerate(proceedings) if p]
    for g, p in enumerate(proceedings):
        named = [OUTCOMES[i] for i in outcomes]
        top += ["行政复议" if p == 0 else "行政诉讼" if g == lawsuits[0] else "", *[""] * 4]
        middle += named if p == 0 else [LAWSUITS[p], *[""] * 4]
        bottom += [""] * 5 if p == 0 else named
        spans += [((g * 5 + k, 1), (g * 5 + k, 2)) for k in range(5)] if p == 0 else [((g * 5, 1), (g * 5 + 4, 1))]
    spans += [
        ((5 * proceedings.index(0), 0), (5 * proceedings.index(0) + 4, 0)),
        ((5 * lawsuits[0], 0), (5 * lawsuits[-1] + 4, 0)),
    ]
    values = [str(T4[p * 5 + i]) for p in proceedings for i in outcomes]
    return _edges(40, [30] * 15), [top, middle, bottom, values], spans


@pytest.mark.parametrize("ruled", [False, True], ids=["unruled", "ruled"])
@pytest.mark.parametrize(
    "outcomes, proceedings",
    [([3, 0, 1, 2, 4], [0, 2, 1]), ([4, 0, 1, 2, 3], [0, 1, 2])],
    ids=["pending and after review first", "total first"],
)
def test_table_4_names_wrapped_in_another_order_are_read_under_their_names(outcomes, proceedings, ruled):
    """尚未 / 总计 / 审结 over the numbers (总计 one line high between the halves), 复议后 / 起诉 before 未经复议 /
    直接起诉. Before: read in the template's order — 尚未审结's numbers published as 结果维持's, each lawsuit's under
    the other's name, no finding (each group's total holds either way); with 总计 first all fifteen missing. A ruled
    table's cell gave ``尚未 审结``, read as two names. Each column's words, top to bottom, are now read as the names
    they make."""
    record = parse(read_bytes(_pdf({"四、": _table4_drawn(outcomes, proceedings)}, ruled), ".pdf").parse_text)
    assert _table4(record) == T4


# ---- table 二 (the 2019 template): 处理决定数量 printed first, wrapped or short ----

DECISIONS = {  # (previous year's items, change, decisions) as each block prints them, in printed order below
    "licensing": ("行政许可", 12, "减2", 340),
    "other_management_services": ("其他对外管理服务事项", 5, "增1", 7),
    "penalty": ("行政处罚", 20, "增3", 88),
    "coercion": ("行政强制", 9, "0", 6),
}
HEADERS = {
    "wrapped": ("上一年\n项目数量", "增/减", "处理决定\n数量"),
    "short": ("上一年项目", "增/减", "处理决定"),
}


def _table2_drawn(names: tuple[str, str, str]) -> tuple:
    """The 2019 template's table 二, 处理决定数量 printed first in the decisions' blocks (named ``names``)."""
    head = ["信息内容", names[2], names[0], names[1]]
    rows = [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "3", "3", "45"],
    ]
    for item, codes in (("（五）", ("licensing", "other_management_services")), ("（六）", ("penalty", "coercion"))):
        rows += [[f"第二十条第{item}项", "", "", ""], head]
        rows += [[DECISIONS[c][0], str(DECISIONS[c][3]), str(DECISIONS[c][1]), DECISIONS[c][2]] for c in codes]
    rows += [
        ["第二十条第（八）项", "", "", ""],
        ["信息内容", "上一年项目数量", "本年增/减", ""],
        ["行政事业性收费", "2", "0", ""],
        ["第二十条第（九）项", "", "", ""],
        ["信息内容", "采购项目数量", "采购总金额", ""],
        ["政府集中采购", "4", "251000元", ""],
    ]
    spans = [((0, r), (3, r)) for r, row in enumerate(rows) if row[0].startswith("第二十条")]
    return _edges(60, [120, 50, 50, 50]), rows, spans


@pytest.mark.parametrize("names, ruled", [("wrapped", False), ("short", True)])
def test_2019_decisions_printed_first_wrapped_or_short_are_read_under_their_names(names, ruled):
    """处理决定数量 printed before 上一年项目数量 and 本年增/减: wrapped in its narrow cell beside 增/减 one line high
    (a text layer's 处理决定 上一年 / 信息内容 增/减 / 数量 项目数量), or named short (处理决定). Before: the header
    named two measures of three or none, and the rows were read in the template's order — 行政许可's 340 decisions
    published as last year's count, 12 as 减12's change …, no finding (table 二 has no identity)."""
    record = parse(read_bytes(_pdf({"二、": _table2_drawn(HEADERS[names])}, ruled), ".pdf").parse_text)
    got = record.values("active")
    assert {
        code: (got[(code, "previous_year")], got[(code, "change")], got[(code, "decisions")]) for code in DECISIONS
    } == {
        "licensing": (12, -2, 340),
        "other_management_services": (5, 1, 7),
        "penalty": (20, 3, 88),
        "coercion": (9, 0, 6),
    }
    assert got[("procurement", "amount_10k_yuan")] == Decimal("25.1")
