"""Reports whose values are known, rendered as PDFs as Word, WPS and CMSs print them, read as the build reads them.

Each source (the corpus's six gold reports, the seeds' expected values, synthetic identity-consistent values whose
numbers are distinct — in real reports most cells are 0, and a number moved onto a neighbour's 0 does not show) is
laid out as a Word document exported to PDF: a title, section headings and prose around tables 二, 三 and 四 drawn
as ruled grids (thin filled rectangles, as Word's export draws borders), the templates' merged header cells (申请人
情况 over 自然人/法人或其他组织 and its five columns; table 四's 行政复议/行政诉讼 groups), row labels merged over
their groups (三、本年度办理结果 down a narrow column, （三）不予公开 over its eight rows), labels wrapped inside their
cells, numbers centred, a page number in each page's footer. Then perturbations, one at a time at every place
they apply (``--list`` names them), each a thing such files do:

- a table split over two pages before each of its rows (the header repeated or not; the page's footer and the next
  page's running head between), a row broken across two pages (its label's first line on one, the rest on the next);
- the table's rules drawn as lines, absent (a borderless table), horizontal only (a three-line table), absent
  between table 三's label columns only, doubled round the table; the header and every other row shaded;
- a row's cells drawn one glyph per text object, or their glyphs in reverse order, or letter-spaced, or spread over
  the cell (分散对齐), or in full-width digits (wrapped in their cell where too wide, as Word wraps them); a table's
  header cells spread;
- a table's label columns narrower (labels over three lines) or wider (one line), its value columns of unequal
  widths (Word's autofit), its numbers left- or right-aligned, at the top or foot of their cells;
- a number run over its cell's rule into the neighbour's box: its edge 1.5 points over, or its last (first) digit
  wholly past the rule;
- a cell blank, ``/``, ``-`` or ``—`` (the truth null);
- the table on a landscape page (a wide page, a page turned by ``/Rotate 90``, or drawn turned on a portrait page);
- the whole report in an embedded TrueType font (as Word embeds its fonts' subsets) instead of a CID font, or its
  digits in a Latin font (Times) beside the Chinese one, as Word sets a line of mixed text.

Not drawn (judged rare in these reports): tables 三 and 四 side by side, a watermark, text as outlines (no text
layer: ``no_text_layer``), scans. Each perturbation of more than ``ROW_WISE`` places is swept by strides over the
sources (``variants``): every place by some source; ``--full`` sweeps every place of every source.

Each variant is read with ``readers.read_bytes`` and ``parser.parse`` (as ``xxgk parse`` does) and counted against
its truth: **wrong** (a published value differing from the truth, or a value where the truth is null: the worst
fault), **missing** (null where the truth is a number) and of those **said** (a warning or error finding on the
cell's table whose row is the cell's, or the whole table's) or only ``info``/nothing.

    .venv/bin/python -m benchmarks.pdf_sweep                      # every perturbation, every source (≈ 30 min)
    .venv/bin/python -m benchmarks.pdf_sweep --only split_repeat  # one perturbation
    .venv/bin/python -m benchmarks.pdf_sweep --pairs 200 --seed 53   # random pairs of perturbations
    .venv/bin/python -m benchmarks.pdf_sweep --show syn2021a:overrun:3.7   # one variant's cells vs truth
    .venv/bin/python -m benchmarks.pdf_sweep --write /tmp/x.pdf --show syn2021a:split_repeat:3.5

``--jobs N`` reads in N processes (the figures are the same; ``--jobs 1`` for a machine shared with others).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from xxgk.catalog import (
    applicant_codes,
    item_measures,
    labels,
    outcome_codes,
    outcome_row_codes,
    proceeding_codes,
    row_codes,
)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
EXPECTED = Path(__file__).resolve().parents[1] / "tests" / "expected"
CID, TTF, LATIN = "STSong-Light", "WQYZenHei", "Times-Roman"
TTF_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SIZE, BODY = 9.0, 10.5  # table text (小五), body text (五号)
LINE = 1.3  # line height, in font sizes
PAD_X, PAD_Y, MIN_ROW = 5.4, 2.0, 15.6  # Word's default cell margins, and a row's least height
PAGE = (595.0, 842.0)  # A4
MARGIN = (90.0, 72.0)  # left/right, top/bottom (Word's defaults)
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
TABLE_NO = {"active": "2", "applications": "3", "review_litigation": "4"}


# --- sources: the values a rendering prints, and the truth it is read against


@dataclass
class Source:
    name: str
    fmt: str
    title: str
    table2: dict[str, list[str]]  # item -> cells as printed, in the template's measure order
    table3: dict[str, list[str]]  # row code -> seven cells as printed ("" blank)
    table4: list[str]  # fifteen cells as printed
    truth: dict[tuple[str, tuple[str, str]], object] = field(default_factory=dict)


def _value(printed: str):
    """The value a cell printed so holds: an int, a Decimal (an amount; ``元`` turned into 万元), None if blank."""
    text = printed.strip()
    if not text:
        return None
    if text.endswith("元"):
        return Decimal(text[:-1]) / 10000
    return Decimal(text) if "." in text else int(text)


def _truth(source: Source) -> Source:
    fmt = source.fmt
    for item, cells in source.table2.items():
        for measure, printed in zip(item_measures(fmt)[item], cells, strict=True):
            source.truth[("active", (item, measure))] = _value(printed)
    for code, cells in source.table3.items():
        for applicant, printed in zip(applicant_codes(), cells, strict=True):
            source.truth[("applications", (code, applicant))] = _value(printed)
    keys = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
    for key, printed in zip(keys, source.table4, strict=True):
        source.truth[("review_litigation", key)] = _value(printed)
    return source


def _printed(value) -> str:
    return "" if value is None else str(value)


ITEMS_2019 = {"规章": "rules", "规范性文件": "normative_documents", "行政许可": "licensing",
              "其他对外管理服务事项": "other_management_services", "行政处罚": "penalty", "行政强制": "coercion",
              "行政事业性收费": "fees", "政府集中采购": "procurement"}


def gold_sources() -> list[Source]:
    out = []
    for path in sorted((SHARED / "corpus" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fmt = gold["format"]
        if fmt == "2019":
            raw = gold["extras"]["active_2019_raw"]
            table2 = {ITEMS_2019[label]: [_printed(v) for v in cells] for label, cells in raw.items()}
        else:
            table2 = {item: [_printed(gold["active"][f"{item}.{m}"]) for m in measures]
                      for item, measures in item_measures(fmt).items()}
        table3 = {code: [_printed(v) for v in gold["applications"][code]] for code in row_codes(fmt)}
        out.append(_truth(Source(f"gold_{path.stem}", fmt, f"某某区某某局{gold['year']}年政府信息公开工作年度报告",
                                 table2, table3, [_printed(v) for v in gold["review_litigation"]])))
    return out


def seed_sources() -> list[Source]:
    out = []
    for path in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if expected.get("applications") is None:  # (seed 000 prints no table 三 rows)
            continue
        table2 = {item: [_printed(expected["active"][f"{item}.{m}"]) for m in measures]
                  for item, measures in item_measures("2021").items()}
        table3 = {code: [_printed(v) for v in expected["applications"].get(code, [0] * 7)]
                  for code in row_codes("2021")}
        title = f"某某市某某局{expected['year']}年政府信息公开工作年度报告"
        out.append(_truth(Source(f"seed_{path.stem[:3]}", "2021", title,
                                 table2, table3, [_printed(v) for v in expected["review_litigation"]])))
    return out


def distinct_source(name: str, fmt: str, seed: int) -> Source:
    """Identity-consistent values whose numbers are distinct (no number is a neighbour's): each outcome cell drawn
    without replacement, the totals summed."""
    rng = random.Random(seed)
    outcomes_rows = outcome_row_codes(fmt)
    pool = rng.sample(range(1, 400), 6 * len(outcomes_rows) + 12)
    outcomes = {code: pool[6 * k: 6 * k + 6] for k, code in enumerate(outcomes_rows)}
    forward, carried = pool[-12:-6], pool[-6:]
    carried = [c % 37 for c in carried]
    forward = [f % 41 + 1 for f in forward]
    processed = [sum(outcomes[c][i] for c in outcomes_rows) for i in range(6)]
    values = {**outcomes, "total_processed": processed, "carried_forward": forward, "carried_over": carried,
              "new": [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]}
    table3 = {code: [str(v) for v in values[code] + [sum(values[code])]] for code in row_codes(fmt)}
    parts = rng.sample(range(1, 90), 12)
    table4 = []
    for k in range(3):
        table4 += [*map(str, parts[4 * k: 4 * k + 4]), str(sum(parts[4 * k: 4 * k + 4]))]
    numbers = iter(rng.sample(range(2, 9000), 40))
    table2 = {}
    for item, measures in item_measures(fmt).items():
        table2[item] = [f"{next(numbers) / 100:.2f}" if m == "amount_10k_yuan" else str(next(numbers))
                        for m in measures]
    return _truth(Source(name, fmt, f"某某县某某局{2024 if fmt == '2021' else 2020}年政府信息公开工作年度报告",
                         table2, table3, table4))


def sources() -> list[Source]:
    return [*gold_sources(), *seed_sources(), distinct_source("syn2021a", "2021", 1),
            distinct_source("syn2021b", "2021", 2), distinct_source("syn2019", "2019", 3)]


# --- the document: tables as grids of cells, and how they are drawn


@dataclass
class Cell:
    r: int
    c: int
    text: str
    rs: int = 1
    cs: int = 1
    kind: str = "label"  # head | label | value
    key: tuple | None = None  # (table, keys) of a value cell
    fx: dict = field(default_factory=dict)  # glyphs, reverse, space, spread, shift: how its text is drawn


@dataclass
class Grid:
    name: str  # t2 | t3 | t4
    heading: str
    widths: list[float]
    cells: list[Cell]
    rows: int
    head: int  # header rows (repeated after a page break where ``breaks`` says so)
    rules: str = "rects"  # rects | lines | none | horizontal
    breaks: dict[int, bool] = field(default_factory=dict)  # row -> a page break before it, the header repeated
    page: str = "portrait"  # portrait | landscape | rotate90 | turned
    align: str = "center"  # the numbers' alignment
    valign: str = "middle"  # and down their cells: middle | top | bottom
    shaded: bool = False
    hidden: frozenset = frozenset()  # column borders (their index in ``widths``' sums) drawn nowhere
    frame: bool = False  # a second rule round the table outside its border (a double frame)


@dataclass
class Doc:
    source: Source
    grids: list[Grid]
    font: str = CID
    latin: bool = False  # digits in a Latin font (Times), the rest in the Chinese one, as Word sets a mixed line
    truth: dict = field(default_factory=dict)


PROSE = ("本机关坚持以公开为常态、不公开为例外，认真落实政府信息公开各项工作要求，持续深化重点领域信息公开，"
         "不断完善政府信息公开平台建设，依法依规做好政府信息依申请公开工作，切实保障人民群众知情权、参与权和监督权。")
HEADINGS = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
            "t4": "四、政府信息公开行政复议、行政诉讼情况"}


def _table2(source: Source) -> Grid:
    fmt, cells, r = source.fmt, [], 0
    label = labels()["items"]
    groups = ([("第二十条第（一）项", ("rules", "normative_documents")), ("第二十条第（五）项", ("licensing",)),
               ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("fees",))] if fmt == "2021" else
              [("第二十条第（一）项", ("rules", "normative_documents")),
               ("第二十条第（五）项", ("licensing", "other_management_services")),
               ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("fees",)),
               ("第二十条第（九）项", ("procurement",))])
    names = {"rules": "规章", "normative_documents": "行政规范性文件" if fmt == "2021" else "规范性文件",
             "other_management_services": "其他对外管理服务事项", "procurement": "政府集中采购"}
    heads = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
             "decisions": "本年处理决定数量" if fmt == "2021" else "处理决定数量",
             "amount_10k_yuan": "本年收费金额（单位：万元）" if fmt == "2021" else "采购总金额",
             "made": "本年新制作数量", "published": "本年新公开数量", "total_public": "对外公开总数量",
             "previous_year": "上一年项目数量", "change": "本年增/减", "projects": "采购项目数量"}
    for group, items in groups:
        cells.append(Cell(r, 0, group, cs=4, kind="head"))
        measures = item_measures(fmt)[items[0]]
        spans = [1] * (len(measures) - 1) + [4 - len(measures)]
        cells.append(Cell(r + 1, 0, "信息内容", kind="head"))
        col = 1
        for m, span in zip(measures, spans, strict=True):
            cells.append(Cell(r + 1, col, heads[m], cs=span, kind="head"))
            col += span
        r += 2
        for item in items:
            cells.append(Cell(r, 0, names.get(item, label[item])))
            col = 1
            for m, span, printed in zip(measures, spans, source.table2[item], strict=True):
                cells.append(Cell(r, col, printed, cs=span, kind="value", key=("active", (item, m))))
                col += span
            r += 1
    return Grid("t2", HEADINGS["t2"], [135.0, 105.0, 105.0, 105.0], cells, r, 0)


def _table3(source: Source) -> Grid:
    fmt = source.fmt
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" if fmt == "2021" else "本年度情况"
    cells = [Cell(0, 0, corner, rs=3, cs=3, kind="head"),
             Cell(0, 3, "申请人情况", cs=7, kind="head"), Cell(1, 3, "自然人", rs=2, kind="head"),
             Cell(1, 4, "法人或其他组织", cs=5, kind="head"), Cell(1, 9, "总计", rs=2, kind="head")]
    cells += [Cell(2, 4 + k, labels()["applicants"][a], kind="head") for k, a in enumerate(applicant_codes()[1:6])]
    codes = row_codes(fmt)
    outcome_rows = [c for c in codes if c not in ("new", "carried_over", "carried_forward")]
    groups: dict[str, list[str]] = defaultdict(list)  # a group's label -> its rows
    group_of = {}
    current = None
    for code in outcome_rows:
        zh = labels()["rows"][code]
        if " " in zh:
            current = zh.split(" ")[0]
        elif zh.startswith("（"):
            current = None
        if current is not None:
            groups[current].append(code)
            group_of[code] = current
    for k, code in enumerate(codes):
        r = 3 + k
        zh = labels()["rows"][code]
        if code in ("new", "carried_over", "carried_forward"):
            cells.append(Cell(r, 0, zh, cs=3))
        else:
            if code == outcome_rows[0]:
                cells.append(Cell(r, 0, "三、本年度办理结果", rs=len(outcome_rows)))
            group = group_of.get(code)
            if group is None:
                text = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" if code == "partially_granted" else zh
                cells.append(Cell(r, 1, text, cs=2))
            else:
                if groups[group][0] == code:
                    cells.append(Cell(r, 1, group, rs=len(groups[group])))
                cells.append(Cell(r, 2, zh.split(" ")[-1]))
        for j, (applicant, printed) in enumerate(zip(applicant_codes(), source.table3[code], strict=True)):
            cells.append(Cell(r, 3 + j, printed, kind="value", key=("applications", (code, applicant))))
    return Grid("t3", HEADINGS["t3"], [26.0, 52.0, 118.0, *[36.0] * 7], cells, 3 + len(codes), 3)


def _table4(source: Source) -> Grid:
    outcomes = [labels()["outcomes"][o] for o in outcome_codes()]
    cells = [Cell(0, 0, "行政复议", cs=5, kind="head"), Cell(0, 5, "行政诉讼", cs=10, kind="head"),
             Cell(1, 5, "未经复议直接起诉", cs=5, kind="head"), Cell(1, 10, "复议后起诉", cs=5, kind="head")]
    cells += [Cell(1, k, o, rs=2, kind="head") for k, o in enumerate(outcomes)]
    cells += [Cell(2, 5 + k, outcomes[k % 5], kind="head") for k in range(10)]
    keys = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
    cells += [Cell(3, k, printed, kind="value", key=("review_litigation", key))
              for k, (key, printed) in enumerate(zip(keys, source.table4, strict=True))]
    return Grid("t4", HEADINGS["t4"], [30.0] * 15, cells, 4, 3)


def document(source: Source) -> Doc:
    return Doc(source, [_table2(source), _table3(source), _table4(source)], truth=dict(source.truth))


# --- layout and drawing


def _font(doc: Doc | str) -> str:
    """The document's font (or the font named), registered with reportlab."""
    from reportlab.pdfbase import pdfmetrics

    font = doc if isinstance(doc, str) else doc.font
    if font == TTF:
        if TTF not in pdfmetrics.getRegisteredFontNames():
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(TTF, TTF_PATH, subfontIndex=0))
    elif CID not in pdfmetrics.getRegisteredFontNames():
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID))
    return font


def _wrap(text: str, width: float, font: str, size: float, space: float = 0.0) -> list[str]:
    """``text`` cut into lines ``width`` wide (``space`` points between characters), as a cell wraps it."""
    from reportlab.pdfbase import pdfmetrics

    lines = [""]
    for char in text:
        if lines[-1] and pdfmetrics.stringWidth(lines[-1] + char, font, size) + space * len(lines[-1]) > width:
            lines.append("")
        lines[-1] += char
    return lines


class Pages:
    """Draw operations page by page: ``ops[k]`` for page k, each page with its size and rotation."""

    def __init__(self, doc: Doc):
        self.doc, self.font = doc, _font(doc)
        self.ops: list[list[tuple]] = []
        self.kinds: list[str] = []
        self.y = 0.0
        self.new("portrait")

    def size(self) -> tuple[float, float]:
        return PAGE if self.kinds[-1] == "portrait" else (PAGE[1], PAGE[0])

    def new(self, kind: str) -> None:
        self.ops.append([])
        self.kinds.append(kind)
        self.y = self.size()[1] - MARGIN[1]
        if len(self.ops) > 1:  # the running head: the report's title, small, above the text
            self.ops[-1].append(("text", MARGIN[0], self.size()[1] - 40, self.doc.source.title, 7.5, {}))

    def room(self, height: float) -> bool:
        return self.y - height >= MARGIN[1]

    def paragraph(self, text: str, size: float = BODY, indent: float = 2 * BODY) -> None:
        width = self.size()[0] - 2 * MARGIN[0]
        for k, line in enumerate(_wrap(text, width - (indent if not text.startswith(tuple("一二三四五六")) else 0),
                                       self.font, size)):
            if not self.room(size * LINE * 1.2):
                self.new(self.kinds[-1])
            x = MARGIN[0] + (indent if k == 0 and not text.startswith(tuple("一二三四五六")) else 0)
            self.ops[-1].append(("text", x, self.y - size, line, size, {}))
            self.y -= size * LINE * 1.2


def _heights(grid: Grid, font: str) -> tuple[list[float], dict[int, list[str]]]:
    """Each row's height, and each cell's wrapped lines (by the cell's index)."""
    heights = [MIN_ROW] * grid.rows
    wrapped = {}
    _font(font)
    for k, cell in enumerate(grid.cells):
        width = sum(grid.widths[cell.c: cell.c + cell.cs]) - 2 * PAD_X
        space = cell.fx.get("space", 0.0)
        text = cell.text.translate(FULL) if cell.fx.get("fullwidth") else cell.text
        wrapped[k] = _wrap(text, width, font, SIZE, space)  # (a number too wide for its cell wraps, as in Word)
        if "lines" in cell.fx:
            wrapped[k] = cell.fx["lines"]
        need = len(wrapped[k]) * SIZE * LINE + 2 * PAD_Y
        if cell.rs == 1:
            heights[cell.r] = max(heights[cell.r], need)
    for k, cell in enumerate(grid.cells):
        if cell.rs > 1:
            need = len(wrapped[k]) * SIZE * LINE + 2 * PAD_Y
            have = sum(heights[cell.r: cell.r + cell.rs])
            if need > have:
                heights[cell.r + cell.rs - 1] += need - have
    return heights, wrapped


def _place(pages: Pages, grid: Grid) -> None:
    """Lay a grid out from the current position: rows down the page, a new page where a row does not fit or
    ``breaks`` asks (the header rows drawn again where it says so); then each cell's rules and text."""
    if grid.page != "portrait":
        pages.new(grid.page)
    pages.paragraph(grid.heading)
    heights, wrapped = _heights(grid, pages.font)
    width = sum(grid.widths)
    left = (pages.size()[0] - width) / 2
    xs = [left + sum(grid.widths[:k]) for k in range(len(grid.widths) + 1)]
    spots: list[tuple[int, int, float]] = []  # (row, page, top) of every row drawn, a header drawn again included
    r = 0
    while r < grid.rows:
        forced = r in grid.breaks and r > 0
        if forced or not pages.room(heights[r]):
            pages.new(pages.kinds[-1])
            if (grid.breaks.get(r, True) if forced else True) and grid.head and r >= grid.head:
                for h in range(grid.head):
                    spots.append((h, len(pages.ops) - 1, pages.y))
                    pages.y -= heights[h]
        spots.append((r, len(pages.ops) - 1, pages.y))
        pages.y -= heights[r]
        r += 1
    pages.y -= 6
    # each cell: its rows' spots grouped by page (a header drawn again is a cell drawn again)
    by_row: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for row, page, top in spots:
        by_row[row].append((page, top))
    outlines: dict[int, list[float]] = {}  # page -> the table's top and bottom there
    for k, cell in enumerate(grid.cells):
        runs: list[list] = []  # [page, top, bottom, first row]
        for row in range(cell.r, cell.r + cell.rs):
            for page, top in by_row[row]:
                bottom = top - heights[row]
                run = next((x for x in runs if x[0] == page and abs(x[2] - top) < 0.01), None)
                if run:
                    run[2] = bottom
                else:
                    runs.append([page, top, bottom, row])
        x0, x1 = xs[cell.c], xs[cell.c + cell.cs]
        for n, (page, top, bottom, first) in enumerate(runs):
            ops = pages.ops[page]
            shade = grid.shaded and (cell.r < grid.head or (cell.r - grid.head) % 2 == 1)
            if shade:
                ops.append(("fill", x0, bottom, x1 - x0, top - bottom))
            if grid.rules in ("rects", "lines"):
                sides = [(x0, top, x1, top), (x0, bottom, x1, bottom)]
                sides += [(x, bottom, x, top) for x, at in ((x0, cell.c), (x1, cell.c + cell.cs))
                          if at not in grid.hidden]
                for side in sides:
                    ops.append(("rule" if grid.rules == "rects" else "line", *side))
            elif grid.rules == "horizontal":
                for side in ((x0, top, x1, top), (x0, bottom, x1, bottom)):
                    ops.append(("rule", *side))
            outline = outlines.setdefault(page, [top, bottom])
            outline[0], outline[1] = max(outline[0], top), min(outline[1], bottom)
            if n == 0 or first < grid.head:  # the text in the first part (and in each header drawn again)
                _cell_text(ops, cell, wrapped[k], x0, x1, top, bottom, grid, pages.font)
    if grid.frame:  # a double frame: a second rule 2 points outside the table's border
        for page, (top, bottom) in outlines.items():
            a, b, c, d = xs[0] - 2, xs[-1] + 2, top + 2, bottom - 2
            pages.ops[page] += [("rule", a, c, b, c), ("rule", a, d, b, d), ("rule", a, d, a, c), ("rule", b, d, b, c)]
    if grid.page != "portrait":
        pages.new("portrait")


def _cell_text(ops, cell: Cell, lines: list[str], x0, x1, top, bottom, grid: Grid, font: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    if not cell.text:
        return
    height = len(lines) * SIZE * LINE
    y = (top + bottom) / 2 + height / 2 - SIZE * LINE + (SIZE * LINE - SIZE) / 2 + 1.5
    if cell.kind == "value" and grid.valign != "middle":
        y = top - PAD_Y - SIZE if grid.valign == "top" else bottom + PAD_Y + 2 + (len(lines) - 1) * SIZE * LINE
    for line in lines:
        space = cell.fx.get("space", 0.0)
        w = pdfmetrics.stringWidth(line, font, SIZE) + space * max(len(line) - 1, 0)
        if cell.fx.get("spread") and len(line) > 1:
            space = (x1 - x0 - 2 * PAD_X - pdfmetrics.stringWidth(line, font, SIZE)) / (len(line) - 1)
            w = x1 - x0 - 2 * PAD_X
        align = (grid.align if cell.kind == "value" else "center" if cell.kind == "head" else "left")
        x = {"left": x0 + PAD_X, "right": x1 - PAD_X - w, "center": (x0 + x1 - w) / 2}[align]
        if "shift" in cell.fx:  # run over the rule: its outer edge past the cell's border by ``shift`` points
            x = x1 - w + cell.fx["shift"] if cell.fx["shift"] > 0 else x0 + cell.fx["shift"]
        ops.append(("text", x, y, line, SIZE, {**cell.fx, "space": space}))
        y -= SIZE * LINE


def layout(doc: Doc) -> Pages:
    pages = Pages(doc)
    size = 16.0
    pages.ops[-1].append(("text", (PAGE[0] - len(doc.source.title) * size) / 2, pages.y - size, doc.source.title,
                          size, {}))
    pages.y -= size * 2.5
    pages.paragraph("一、总体情况")
    pages.paragraph(PROSE)
    pages.paragraph("（一）主动公开情况")
    pages.paragraph(PROSE)
    for grid in doc.grids:
        _place(pages, grid)
    for line in ("五、存在的主要问题及改进情况", PROSE, "六、其他需要报告的事项", "本年度未收取信息处理费。"):
        pages.paragraph(line)
    return pages


def render(doc: Doc) -> bytes:
    """The document as a PDF: each page's operations in order, its page number at the foot."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    pages = layout(doc)
    for number, (ops, kind) in enumerate(zip(pages.ops, pages.kinds, strict=True), start=1):
        wide = (PAGE[1], PAGE[0])
        # (reportlab writes a rotated page's MediaBox turned: a page turned by /Rotate 90 is given wide)
        page.setPageSize(wide if kind in ("landscape", "rotate90") else PAGE)
        page.setPageRotation(90 if kind == "rotate90" else 0)
        if kind in ("rotate90", "turned"):
            page.transform(0, 1, -1, 0, PAGE[0], 0)  # landscape coordinates onto the portrait page
        view = wide if kind != "portrait" else PAGE
        for op in ops:
            _draw(page, op, doc.font, doc.latin)
        page.setFont(doc.font, BODY)
        page.drawCentredString(view[0] / 2, 40, f"— {number} —")
        page.showPage()
    page.save()
    return out.getvalue()


def _draw(page, op: tuple, font: str, latin: bool = False) -> None:
    kind = op[0]
    if kind == "rule":  # a border as Word's export draws it: a thin filled rectangle
        _, x0, y0, x1, y1 = op
        page.setFillGray(0)
        page.rect(min(x0, x1) - 0.25, min(y0, y1) - 0.25, abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5, stroke=0, fill=1)
    elif kind == "line":
        _, x0, y0, x1, y1 = op
        page.setLineWidth(0.5)
        page.line(x0, y0, x1, y1)
    elif kind == "fill":
        _, x, y, w, h = op
        page.setFillGray(0.85)
        page.rect(x, y, w, h, stroke=0, fill=1)
        page.setFillGray(0)
    else:
        _, x, y, text, size, fx = op
        _text(page, x, y, text, size, fx, font, latin)


def _text(page, x: float, y: float, text: str, size: float, fx: dict, font: str, latin: bool = False) -> None:
    """A line of text from ``x``: one text object, or one a glyph (``glyphs``), or its glyphs placed in reverse
    order (``reverse``), ``space`` points between glyphs; ``latin``: digits in Times, each run in its font."""
    from reportlab.pdfbase import pdfmetrics

    def font_of(char: str) -> str:
        return LATIN if latin and char in "0123456789.,/-" else font

    page.setFillGray(0)
    space = fx.get("space", 0.0)
    if not (fx.get("glyphs") or fx.get("reverse") or space):
        runs, at = [], x
        for char in text:
            if runs and font_of(char) == runs[-1][1]:
                runs[-1][2] += char
            else:
                runs.append([at, font_of(char), char])
            at += pdfmetrics.stringWidth(char, font_of(char), size)
        for at, run_font, run in runs:
            page.setFont(run_font, size)
            page.drawString(at, y, run)
        return
    places, at = [], x
    for char in text:
        places.append((at, char))
        at += pdfmetrics.stringWidth(char, font_of(char), size) + space
    if fx.get("glyphs"):  # one text object a glyph, as some converters write
        for at, char in places:
            page.setFont(font_of(char), size)
            page.drawString(at, y, char)
        return
    obj = page.beginText()
    for at, char in (reversed(places) if fx.get("reverse") else places):
        obj.setFont(font_of(char), size)
        obj.setTextOrigin(at, y)
        obj.textOut(char)
    page.drawText(obj)


# --- perturbations: (places in a document, apply at one place)


def _body_rows(grid: Grid) -> list[int]:
    return [r for r in range(grid.head, grid.rows) if any(c.r == r and c.kind == "value" for c in grid.cells)]


def _grids(doc: Doc, names=("t2", "t3", "t4")) -> list[Grid]:
    return [g for g in doc.grids if g.name in names]


def _grid(doc: Doc, name: str) -> Grid:
    return next(g for g in doc.grids if g.name == name)


def _row_places(doc: Doc) -> list[str]:
    return [f"{g.name[1]}.{r}" for g in doc.grids for r in _body_rows(g)]


def _table_places(doc: Doc) -> list[str]:
    return [g.name[1] for g in doc.grids]


def _at(doc: Doc, place: str) -> tuple[Grid, int | None]:
    table, _, row = place.partition(".")
    return _grid(doc, "t" + table), int(row) if row else None


def _row_cells(grid: Grid, row: int, kind: str | None = None) -> list[Cell]:
    return [c for c in grid.cells if c.r == row and (kind is None or c.kind == kind)]


def _one_value(grid: Grid, row: int) -> Cell:
    """The row's value cell the perturbation takes: a different column from row to row."""
    values = _row_cells(grid, row, "value")
    return values[row % len(values)]


def _split(doc: Doc, place: str, repeat: bool) -> None:
    grid, row = _at(doc, place)
    grid.breaks[row] = repeat


def _split_places(doc: Doc, repeat: bool = False) -> list[str]:
    """Every row a page may begin at (after the header rows, for a header repeated)."""
    return [f"{g.name[1]}.{r}" for g in doc.grids for r in range(max(1, g.head) if repeat else 1, g.rows)
            if g.head or not repeat]


def _row_break(doc: Doc, place: str) -> None:
    """The row broken across two pages: its label's first line (and its numbers) on one, the label's other lines
    on the next — a row of its own there, its number cells empty."""
    grid, row = _at(doc, place)
    _, wrapped = _heights(grid, doc.font)
    label = max((k for k, c in enumerate(grid.cells) if c.r == row and c.kind == "label" and c.rs == 1),
                key=lambda k: len(wrapped[k]))
    lines = wrapped[label]
    for cell in grid.cells:
        if cell.r > row:
            cell.r += 1
        elif cell.r + cell.rs - 1 >= row and cell.rs > 1 or cell.r == row and cell.rs > 1:
            cell.rs += 1
    cell = grid.cells[label]
    cell.text = "".join(lines[:1])
    cell.fx["lines"] = lines[:1]
    grid.cells.append(Cell(row + 1, cell.c, "".join(lines[1:]), cs=cell.cs, fx={"lines": lines[1:]}))
    for other in _row_cells(grid, row):
        if other.kind == "value":
            grid.cells.append(Cell(row + 1, other.c, "", cs=other.cs, kind="label"))
    grid.rows += 1
    grid.breaks = {(r + 1 if r > row else r): v for r, v in grid.breaks.items()}
    grid.breaks[row + 1] = False


def _row_break_places(doc: Doc) -> list[str]:
    out = []
    for g in doc.grids:
        _, wrapped = _heights(g, doc.font)
        for r in _body_rows(g):
            if any(len(wrapped[k]) > 1 for k, c in enumerate(g.cells) if c.r == r and c.kind == "label" and c.rs == 1):
                out.append(f"{g.name[1]}.{r}")
    return out


def _table_set(attribute: str, value):
    def apply(doc: Doc, place: str) -> None:
        setattr(_at(doc, place)[0], attribute, value)
    return apply


def _row_fx(key: str, value, kinds=("label", "value")):
    def apply(doc: Doc, place: str) -> None:
        grid, row = _at(doc, place)
        for cell in _row_cells(grid, row):
            if cell.kind in kinds:
                cell.fx[key] = value
    return apply


def _overrun(doc: Doc, place: str) -> None:
    grid, row = _at(doc, place)
    cell = _one_value(grid, row)
    cell.fx["shift"] = 1.5 if cell.c + cell.cs < len(grid.widths) else -1.5


def _cell_printed(text: str):
    def apply(doc: Doc, place: str) -> None:
        grid, row = _at(doc, place)
        cell = _one_value(grid, row)
        cell.text = text
        doc.truth[cell.key] = None
    return apply


def _widths(label_scale: float):
    def apply(doc: Doc, place: str) -> None:
        grid = _at(doc, place)[0]
        labelled = {"t2": 1, "t3": 3, "t4": 0}[grid.name]
        spare = sum(w * (1 - label_scale) for w in grid.widths[:labelled])
        grid.widths = [w * label_scale for w in grid.widths[:labelled]] + [
            w + spare / (len(grid.widths) - labelled) for w in grid.widths[labelled:]]
    return apply


def _font_ttf(doc: Doc, place: str) -> None:
    doc.font = TTF


def _latin(doc: Doc, place: str) -> None:
    doc.latin = True


def _overrun_far(doc: Doc, place: str) -> None:
    """The number's last digit wholly past its rule, its first ones still in its cell."""
    grid, row = _at(doc, place)
    cell = _one_value(grid, row)
    if len(cell.text) > 1:
        cell.fx["shift"] = 4.0 if cell.c + cell.cs < len(grid.widths) else -4.0


def _head_spread(doc: Doc, place: str) -> None:
    for cell in _at(doc, place)[0].cells:
        if cell.kind == "head":
            cell.fx["spread"] = True


def _label_rules_hidden(doc: Doc, place: str) -> None:
    """No rule between the label columns (the row labels' group cells drawn as one block)."""
    grid = _at(doc, place)[0]
    grid.hidden = frozenset({1, 2} if grid.name == "t3" else {})


def _unequal(doc: Doc, place: str) -> None:
    """The value columns as Word's autofit sets them, each as wide as its widest text needs: unequal."""
    grid = _at(doc, place)[0]
    first = {"t2": 1, "t3": 3, "t4": 0}[grid.name]
    values = grid.widths[first:]
    shape = [1.0 + 0.08 * ((k * 7) % 5 - 2) for k in range(len(values))]
    scale = sum(values) / sum(v * f for v, f in zip(values, shape, strict=True))
    grid.widths = grid.widths[:first] + [v * f * scale for v, f in zip(values, shape, strict=True)]


PERTURBATIONS = {
    "none": (lambda doc: ["-"], lambda doc, place: None),
    "split_repeat": (lambda doc: _split_places(doc, True), lambda doc, place: _split(doc, place, True)),
    "split_bare": (_split_places, lambda doc, place: _split(doc, place, False)),
    "row_break": (_row_break_places, _row_break),
    "rules_lines": (_table_places, _table_set("rules", "lines")),
    "borderless": (_table_places, _table_set("rules", "none")),
    "horizontal_rules": (_table_places, _table_set("rules", "horizontal")),
    "shaded": (_table_places, _table_set("shaded", True)),
    "landscape": (_table_places, _table_set("page", "landscape")),
    "rotate90": (_table_places, _table_set("page", "rotate90")),
    "turned": (_table_places, _table_set("page", "turned")),
    "numbers_left": (_table_places, _table_set("align", "left")),
    "numbers_right": (_table_places, _table_set("align", "right")),
    "labels_narrow": (lambda doc: ["2", "3"], _widths(0.6)),
    "labels_wide": (lambda doc: ["2", "3"], _widths(1.5)),
    "glyph_objects": (_row_places, _row_fx("glyphs", True)),
    "reverse_order": (_row_places, _row_fx("reverse", True)),
    "letter_spaced": (_row_places, _row_fx("space", 1.2)),
    "numbers_spread": (_row_places, _row_fx("spread", True, ("value",))),
    "labels_spread": (_row_places, _row_fx("spread", True, ("label",))),
    "fullwidth": (_row_places, _row_fx("fullwidth", True, ("value",))),
    "overrun": (_row_places, _overrun),
    "blank": (_row_places, _cell_printed("")),
    "slash": (_row_places, _cell_printed("/")),
    "dash": (_row_places, _cell_printed("-")),
    "emdash": (_row_places, _cell_printed("—")),
    "ttf": (lambda doc: ["-"], _font_ttf),
    "latin_digits": (lambda doc: ["-"], _latin),
    "overrun_far": (_row_places, _overrun_far),
    "numbers_top": (_table_places, _table_set("valign", "top")),
    "numbers_bottom": (_table_places, _table_set("valign", "bottom")),
    "head_spread": (_table_places, _head_spread),
    "label_rules_hidden": (lambda doc: ["3"], _label_rules_hidden),
    "double_frame": (_table_places, _table_set("frame", True)),
    "columns_unequal": (_table_places, _unequal),
}


# --- reading and counting


def _said(finding, table: str, row_label: str) -> bool:
    if finding.severity not in ("error", "warning") or finding.table not in (table, None):
        return False
    if finding.row is None:
        return finding.table == table
    row = "".join(ch for ch in finding.row if ch.isalnum())
    label = "".join(ch for ch in row_label if ch.isalnum())
    return bool(row) and (row in label or label in row or row[-4:] in label)


def _row_label(table: str, keys: tuple[str, str]) -> str:
    if table == "applications":
        return labels()["rows"][keys[0]]
    if table == "active":
        return labels()["items"][keys[0]]
    return labels()["proceedings"][keys[0]]


def read(pdf: bytes):
    from xxgk.parser import parse
    from xxgk.readers import read_bytes

    return parse(read_bytes(pdf, ".pdf").parse_text)


def count(doc: Doc, record) -> dict:
    """``{wrong, missing, said, info, cells, wrong_cells}`` of one variant's record against its truth."""
    got = {(table, keys): value for table in TABLE_NO for keys, value in record.values(table).items()}
    out = Counter(cells=0, wrong=0, missing=0, said=0, info=0)
    wrong = []
    for key, truth in doc.truth.items():
        value = got.get(key)
        out["cells"] += 1
        if value is not None and (truth is None or Decimal(str(value)) != Decimal(str(truth))):
            out["wrong"] += 1
            wrong.append((key, truth, value))
        elif value is None and truth is not None:
            out["missing"] += 1
            table, label = TABLE_NO[key[0]], _row_label(*key)
            if any(_said(f, table, label) for f in record.findings):
                out["said"] += 1
            elif any(f.table == table and f.severity == "info" for f in record.findings):
                out["info"] += 1
    return {**out, "wrong_cells": wrong}


def variants(only: list[str] | None, names: list[str] | None, stride: int = 1) -> list[tuple[str, str, str]]:
    """``(source, perturbation, place)`` of every variant; a perturbation of more than ``ROW_WISE`` places (a row or
    a page break at each row) at every ``stride``-th of them, the first at the source's number: every place is
    swept, by one source in ``stride``."""
    out = []
    docs = {s.name: document(s) for s in sources() if not names or s.name in names}
    for number, (name, doc) in enumerate(docs.items()):
        for perturbation, (places, _) in PERTURBATIONS.items():
            if only and perturbation not in only:
                continue
            chosen = places(doc)
            if len(chosen) > ROW_WISE:
                chosen = chosen[number % stride::stride]
            out += [(name, perturbation, place) for place in chosen]
    return out


ROW_WISE = 8  # a perturbation of more places than this is swept by strides (``variants``)
STRIDE = 6  # the default stride: the sweep of every source in ≈ 27 minutes on one core (``--full``: 1, ≈ 100)
_SOURCES: dict[str, Source] = {}


def build(variant: tuple) -> Doc:
    """The document of ``(source, perturbation, place[, perturbation, place])``."""
    if not _SOURCES:
        _SOURCES.update((s.name, s) for s in sources())
    return perturbed(_SOURCES[variant[0]], *variant[1:])


def perturbed(source: Source, *steps: str) -> Doc:
    """The document of ``source`` under ``steps`` (perturbation, place, perturbation, place …)."""
    doc = copy.deepcopy(document(source))
    for perturbation, place in zip(steps[0::2], steps[1::2], strict=True):
        PERTURBATIONS[perturbation][1](doc, place)
    return doc


def run_one(variant: tuple) -> tuple:
    doc = build(variant)
    try:
        record = read(render(doc))
    except Exception as error:  # noqa: BLE001 — a crash is a figure of the sweep, not its end
        return variant, {"crash": repr(error)[:200], "cells": len(doc.truth), "wrong": 0,
                         "missing": sum(v is not None for v in doc.truth.values()), "said": 0, "info": 0,
                         "wrong_cells": []}
    return variant, count(doc, record)


def _pairs(count_: int, seed: int, only, names) -> list[tuple]:
    rng = random.Random(seed)
    single = [v for v in variants(only, names) if v[1] not in ("none",)]
    out = []
    while len(out) < count_:
        first = rng.choice(single)
        doc = build(first)
        perturbation = rng.choice([p for p in PERTURBATIONS if p not in ("none", first[1])])
        places = PERTURBATIONS[perturbation][0](doc)
        if places:
            out.append((*first, perturbation, rng.choice(places)))
    return out


def show(variant: tuple, write: str | None) -> None:
    doc = build(variant)
    pdf = render(doc)
    if write:
        Path(write).write_bytes(pdf)
    from xxgk.parser import parse
    from xxgk.readers import read_bytes

    text = read_bytes(pdf, ".pdf").parse_text
    record = parse(text)
    print(text)
    print("---")
    result = count(doc, record)
    got = {(t, k): v for t in TABLE_NO for k, v in record.values(t).items()}
    for key, truth in doc.truth.items():
        value = got.get(key)
        mark = "WRONG" if (key, truth, value) in result["wrong_cells"] else "missing" if (
            value is None and truth is not None) else ""
        if mark:
            print(f"{mark:8} {key[0]:18} {key[1][0]:28} {key[1][1]:16} truth {truth!s:>8}  read {value!s:>8}")
    for f in record.findings:
        print("finding", f.severity, f.code, f.table, f.row, f.column, f.expected, f.actual)
    print({k: v for k, v in result.items() if k != "wrong_cells"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="a perturbation (repeatable); --list names them")
    parser.add_argument("--sources", action="append", help="a source's name (repeatable), e.g. syn2021a")
    parser.add_argument("--pairs", type=int, default=0, help="draw this many random pairs of perturbations")
    parser.add_argument("--seed", type=int, default=53)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="every place of every source (≈ 4 times the variants)")
    parser.add_argument("--show", help="SOURCE:PERTURBATION:PLACE[:PERTURBATION:PLACE]: one variant's reading")
    parser.add_argument("--write", help="with --show: write the variant's PDF here")
    parser.add_argument("--list", action="store_true", help="the sources and perturbations, with their places")
    parser.add_argument("--json", help="write every variant's figures here")
    args = parser.parse_args(argv)
    if args.list:
        for s in sources():
            doc = document(s)
            print(s.name, s.fmt, {p: len(places(doc)) for p, (places, _) in PERTURBATIONS.items()})
        return 0
    if args.show:
        show(tuple(args.show.split(":")), args.write)
        return 0
    stride = 1 if args.full or args.sources else STRIDE
    todo = (_pairs(args.pairs, args.seed, args.only, args.sources) if args.pairs else
            variants(args.only, args.sources, stride))
    start = time.perf_counter()
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run_one, todo, chunksize=4))
    else:
        results = [run_one(v) for v in todo]
    by = defaultdict(Counter)
    worst = defaultdict(list)
    for variant, figures in results:
        key = "+".join(variant[1::2]) if args.pairs else variant[1]
        row = by[key]
        row["variants"] += 1
        for name in ("cells", "wrong", "missing", "said", "info"):
            row[name] += figures[name]
        row["with_wrong"] += bool(figures["wrong"])
        row["crash"] += "crash" in figures
        if figures["wrong"] or "crash" in figures or figures["missing"] > figures["said"]:
            worst[key].append((":".join(variant), figures["wrong"], figures["missing"] - figures["said"],
                               figures.get("crash", "")))
    print(f"{'perturbation':34} {'variants':>8} {'cells':>8} {'wrong':>6} {'in':>5} {'missing':>8} {'said':>7} "
          f"{'unsaid':>7} {'info':>6} {'crash':>5}")
    total = Counter()
    for key in sorted(by):
        row = by[key]
        total.update(row)
        print(f"{key:34} {row['variants']:8} {row['cells']:8} {row['wrong']:6} {row['with_wrong']:5} "
              f"{row['missing']:8} {row['said']:7} {row['missing'] - row['said']:7} {row['info']:6} {row['crash']:5}")
    print(f"{'total':34} {total['variants']:8} {total['cells']:8} {total['wrong']:6} {total['with_wrong']:5} "
          f"{total['missing']:8} {total['said']:7} {total['missing'] - total['said']:7} {total['info']:6} "
          f"{total['crash']:5}")
    print(f"{len(todo)} variants in {time.perf_counter() - start:.0f} s")
    for key in sorted(worst):
        shown = sorted(worst[key], key=lambda w: (-w[1], -w[2]))[:4]
        for name, wrong, unsaid, crash in shown:
            print(f"  e.g. {name}: wrong {wrong}, missing unsaid {unsaid} {crash}")
    if args.json:
        Path(args.json).write_text(json.dumps([[list(v), {k: x for k, x in f.items() if k != "wrong_cells"}]
                                               for v, f in results], ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
