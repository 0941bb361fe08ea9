"""Benchmark companion: report tables as agencies publish them in Word and web pages, perturbed, read as the build does.

Reports whose values are known — the corpus's hand-checked reports (``../shared/corpus/gold/*.json``, 2021 and
2019 templates), the seeds' (``tests/expected/*.json``) with their values replaced by distinct drawn ones (two draws
each, the cells a seed leaves blank kept blank), and synthetic 2021 reports (``synthetic.random_values``: distinct
draws, identities holding) — are
rendered as a CMS's **web page** (``<table>``, the templates' header cells merged by rowspan/colspan, ``<p>`` in
cells, ``&nbsp;`` blanks) and as a **.docx** (document XML written here: ``w:gridSpan``, ``w:vMerge``; ``--fmt doc``:
that .docx saved by LibreOffice as a Word 97-2003 .doc, when ``soffice`` is installed), then
perturbed, each perturbation at every place it applies (``PERTURBATIONS``), and read with ``read_bytes`` +
``parse``. Counted against the values drawn: **wrong** (a published number that is not the report's, or a number
where the report leaves the cell blank: the worst), **missing** (a cell the report fills, published null), and
missing cells **unsaid** (no warning or error finding on their table and row). ``--pairs N`` sweeps, instead, N
random pairs of perturbations a report and format (the second applied to the first's output, seed 54).

Run: .venv/bin/python -m benchmarks.office_sweep [--only P1,P2] [--fmt html,docx,doc] [--reports gold,seeds,...]
[--pairs N] [--show VARIANT] [--jobs N]   (a variant is ``report/format/perturbation/place``, as the tables list
them). All perturbations, both formats, one process: ≈ 25 minutes on a 2-core machine.

Session 52's helper Z swept so with scripts lost since (AUDITS.md, "Report files as agencies publish them");
session 54 rebuilt the sweep here (AUDITS.md, "Word and web tables, round 2").
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, replace
from html import escape
from io import BytesIO
from pathlib import Path

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .synthetic import random_values

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "gold"
ORGS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
GROUPS = {"denied": "（三）不予公开", "unavailable": "（四）无法提供", "rejected": "（五）不予处理",
          "other_": "（六）其他处理"}


@dataclass(frozen=True)
class Cell:
    """One cell of a table: its text (``\\n`` apart: paragraphs), the grid columns and rows it covers."""
    text: str
    cs: int = 1
    rs: int = 1
    kind: str = "value"  # value, label, head (a header row's), blank


Table = list  # [[Cell, …], …]: each row's cells, rows a cell above covers (rowspan) leave out


@dataclass
class Report:
    name: str
    fmt: str
    blocks: list  # paragraphs (str) and tables (Table)
    truth: dict   # {"active": {key: value}, "applications": {code: [7]}, "review_litigation": [15]}


def _text(value) -> str:
    return "" if value is None else str(value)


def _v(value) -> Cell:
    return Cell(_text(value))


# ---------------------------------------------------------------------------------------------------- the templates

def _table3_2021(apps: dict) -> Table:
    label = labels()["rows"]
    rows: Table = [[Cell(NOTE, 3, 3, "head"), Cell("申请人情况", 7, 1, "head")],
                   [Cell("自然人", 1, 2, "head"), Cell("法人或其他组织", 5, 1, "head"), Cell("总计", 1, 2, "head")],
                   [Cell(o, kind="head") for o in ORGS]]
    rows += [[Cell(label[code], 3, kind="label"), *map(_v, apps[code])] for code in ("new", "carried_over")]
    codes = row_codes("2021")
    grouped = [tuple(c for c in codes if c.startswith(p)) for p in GROUPS]
    groups = [("granted",), ("partially_granted",), *grouped, ("total_processed",)]
    first = True
    for group in groups:
        for k, code in enumerate(group):
            row = [Cell("三、本年度办理结果", 1, sum(map(len, groups)), "label")] if first else []
            first = False
            if len(group) == 1:
                row.append(Cell(label[code], 2, kind="label"))
            elif k == 0:
                head, sub = label[code].split(" ", 1)
                row += [Cell(head, 1, len(group), "label"), Cell(sub, kind="label")]
            else:
                row.append(Cell(label[code].split(" ", 1)[-1], kind="label"))
            rows.append(row + list(map(_v, apps[code])))
    rows.append([Cell(label["carried_forward"], 3, kind="label"), *map(_v, apps["carried_forward"])])
    return rows


def _table3_2019(apps: dict) -> Table:
    from tests.test_parse10_unseen import ROWS_2019

    rows: Table = [[Cell("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", 3, 3, "head"),
                    Cell("申请人情况", 7, 1, "head")],
                   [Cell("自然人", 1, 2, "head"), Cell("法人或其他组织", 5, 1, "head"), Cell("总计", 1, 2, "head")],
                   [Cell(o, kind="head") for o in ORGS]]
    parts = {code: label.split("\t") for code, label, _ in ROWS_2019}
    down = {"三、本年度办理结果": 20, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}
    for code, _, _ in ROWS_2019:
        cells = parts[code]
        if len(cells) == 1 and code in ("new", "carried_over", "carried_forward"):
            row = [Cell(cells[0], 3, kind="label")]
        elif len(cells) == 1:
            row = [Cell(cells[0], 2 if code in ("partially_granted", "other", "total_processed") else 1,
                        kind="label")]
        elif cells[0] == "三、本年度办理结果":
            row = [Cell(cells[0], 1, down[cells[0]], "label"), Cell(cells[1], 2, kind="label")]
        else:
            row = [Cell(cells[0], 1, down[cells[0]], "label"), Cell(cells[1], kind="label")]
        rows.append(row + list(map(_v, apps[code])))
    return rows


def _table4(values: list) -> Table:
    return [[Cell("行政复议", 5, 1, "head"), Cell("行政诉讼", 10, 1, "head")],
            [*(Cell(o, 1, 2, "head") for o in OUTCOMES), Cell("未经复议直接起诉", 5, 1, "head"),
             Cell("复议后起诉", 5, 1, "head")],
            [Cell(o, kind="head") for o in OUTCOMES * 2], list(map(_v, values))]


def _table2_2021(active: dict) -> Table:
    head = lambda *t: [Cell(x, kind="head") for x in t]  # noqa: E731
    rows: Table = [[Cell("第二十条第（一）项", 4, kind="head")],
                   head("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")]
    rows += [[Cell(name, kind="label"), *(_v(active.get(f"{key}.{m}")) for m in ("issued", "repealed", "in_force"))]
             for name, key in (("规章", "rules"), ("行政规范性文件", "normative_documents"))]
    for item, names in (("第二十条第（五）项", (("行政许可", "licensing"),)),
                        ("第二十条第（六）项", (("行政处罚", "penalty"), ("行政强制", "coercion")))):
        rows += [[Cell(item, 4, kind="head")],
                 [Cell("信息内容", kind="head"), Cell("本年处理决定数量", 3, kind="head")]]
        rows += [[Cell(name, kind="label"), Cell(_text(active.get(f"{key}.decisions")), 3)] for name, key in names]
    rows += [[Cell("第二十条第（八）项", 4, kind="head")],
             [Cell("信息内容", kind="head"), Cell("本年收费金额（单位：万元）", 3, kind="head")],
             [Cell("行政事业性收费", kind="label"), Cell(_text(active.get("fees.amount_10k_yuan")), 3)]]
    return rows


def _table2_2019(raw: dict) -> Table:
    head = lambda *t: [Cell(x, kind="head") for x in t]  # noqa: E731
    rows: Table = [[Cell("第二十条第（一）项", 4, kind="head")],
                   head("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")]
    rows += [[Cell(name, kind="label"), *map(_v, raw[name])] for name in ("规章", "规范性文件")]
    for item, names in (("第二十条第（五）项", ("行政许可", "其他对外管理服务事项")),
                        ("第二十条第（六）项", ("行政处罚", "行政强制"))):
        rows += [[Cell(item, 4, kind="head")], head("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")]
        rows += [[Cell(name, kind="label"), *map(_v, raw[name])] for name in names]
    rows += [[Cell("第二十条第（八）项", 4, kind="head")], head("信息内容", "上一年项目数量", "本年增/减", ""),
             [Cell("行政事业性收费", kind="label"), *map(_v, raw["行政事业性收费"]), Cell("")]]
    return rows


def build(name: str, fmt: str, truth: dict, raw2019: dict | None = None) -> Report:
    """The report's blocks: its title, sections and the template's three tables."""
    apps = truth["applications"]
    table2 = _table2_2019(raw2019) if fmt == "2019" else _table2_2021(truth["active"])
    table3 = _table3_2019(apps) if fmt == "2019" else _table3_2021(apps)
    blocks = ["样例县数据局2024年政府信息公开工作年度报告", "一、总体情况", "本机关依法公开政府信息。",
              "二、主动公开政府信息情况", table2, "三、收到和处理政府信息公开申请情况", table3,
              "四、政府信息公开行政复议、行政诉讼情况", _table4(truth["review_litigation"]),
              "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    return Report(name, fmt, blocks, truth)


def gold_reports() -> list[Report]:
    out = []
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = {key: data[key] for key in ("active", "applications", "review_litigation")}
        out.append(build(f"gold_{path.stem}", data["format"], truth, (data.get("extras") or {}).get("active_2019_raw")))
    return out


def _drawn(rng: random.Random) -> dict:
    """A 2021 report's values drawn (``synthetic.random_values``; table 二's at random)."""
    table3, table4 = random_values(rng)
    active = {f"{key}.{m}": rng.randint(1, 99) for key in ("rules", "normative_documents")
              for m in ("issued", "repealed", "in_force")}
    active |= {f"{key}.decisions": rng.randint(100, 9999) for key in ("licensing", "penalty", "coercion")}
    active["fees.amount_10k_yuan"] = rng.randint(1, 50)
    return {"active": active, "applications": {c: list(v) for c, v in table3.items()},
            "review_litigation": list(table4)}


def synthetic_reports(count: int = 4, seed: int = 54) -> list[Report]:
    return [build(f"synthetic_{k}", "2021", _drawn(random.Random(seed + k))) for k in range(count)]


SEEDS = Path(__file__).resolve().parents[1] / "tests" / "expected"


def seed_reports(draws: int = 2) -> list[Report]:
    """The seeds' reports (``tests/expected/*.json``, 2021 template) with their values replaced by drawn ones
    (``_drawn``: distinct, identities holding), ``draws`` each, the cells a seed leaves blank kept blank."""
    out = []
    for k, path in enumerate(sorted(SEEDS.glob("*.json"))):
        seed = json.loads(path.read_text(encoding="utf-8")).get("applications") or {}
        for draw in range(draws):
            truth = _drawn(random.Random(1000 * k + draw))
            for code, row in seed.items():
                for i, value in enumerate(row or [None] * 7):
                    if value is None and code in truth["applications"]:
                        truth["applications"][code][i] = None
            out.append(build(f"seed_{path.name[:3]}_{draw}", "2021", truth))
    return out


# ---------------------------------------------------------------------------------------------------- the renderers

def grid(table: Table) -> list[list[tuple[int, Cell, bool]]]:
    """Each row's cells as ``(grid column, cell, continues a merge from above)``, the columns a rowspan above covers
    filled with its continuation (as Word writes ``w:vMerge``)."""
    below: dict[int, tuple[Cell, int]] = {}  # column -> (the cell covering it, rows it still covers)
    out = []
    for row in table:
        placed, column, cells = [], 0, list(row)
        while cells or any(c >= column for c in below):
            if column in below:
                cell, left = below[column]
                placed.append((column, cell, True))
                if left <= 1:
                    for c in range(column, column + cell.cs):
                        below.pop(c, None)
                else:
                    for c in range(column, column + cell.cs):
                        below[c] = (cell, left - 1)
                column += cell.cs
                continue
            if not cells:
                break
            cell = cells.pop(0)
            placed.append((column, cell, False))
            if cell.rs > 1:
                for c in range(column, column + cell.cs):
                    below[c] = (cell, cell.rs - 1)
            column += cell.cs
        out.append(placed)
    return out


def _html_cell(cell: Cell) -> str:
    spans = (f' colspan="{cell.cs}"' if cell.cs > 1 else "") + (f' rowspan="{cell.rs}"' if cell.rs > 1 else "")
    inner = "".join(f"<p>{escape(line) or '&nbsp;'}</p>" for line in cell.text.split("\n")) if cell.text else "&nbsp;"
    return f"<td{spans} style=\"border:1px solid #000\">{inner}</td>"


def to_html(blocks: list) -> bytes:
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
        else:
            body.append('<table border="1" cellspacing="0">' + "".join(
                "<tr>" + "".join(map(_html_cell, row)) + "</tr>" for row in block) + "</table>")
    return ("<html><head><meta charset=\"utf-8\"></head><body><div class=\"article\">" + "\n".join(body)
            + "</div></body></html>").encode("utf-8")


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w_paragraphs(text: str) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' if line else "<w:p/>"
                   for line in text.split("\n"))


def _w_table(table: Table) -> str:
    rows = grid(table)
    width = max((column + cell.cs for row in rows for column, cell, _ in row), default=1)
    out = ["<w:tbl><w:tblPr><w:tblBorders>" + "".join(
        f'<w:{side} w:val="single" w:sz="4"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders></w:tblPr><w:tblGrid>" + '<w:gridCol w:w="800"/>' * width + "</w:tblGrid>"]
    for row in rows:
        out.append("<w:tr>")
        for _, cell, continued in row:
            props = (f'<w:gridSpan w:val="{cell.cs}"/>' if cell.cs > 1 else "") + (
                '<w:vMerge/>' if continued else '<w:vMerge w:val="restart"/>' if cell.rs > 1 else "")
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{'<w:p/>' if continued else _w_paragraphs(cell.text)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.'
                  'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlform'
                  'ats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                  'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordproce'
                  'ssingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
         'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocum'
         'ent/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def to_docx(blocks: list) -> bytes:
    body = []
    for k, block in enumerate(blocks):
        if isinstance(block, str):
            body.append(_w_paragraphs(block))
        else:
            body.append(_w_table(block))
            if k + 1 < len(blocks) and not isinstance(blocks[k + 1], str):
                body.append("<w:p/>")  # (Word keeps a paragraph between two tables, else they are one)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


RENDER = {"html": (to_html, ".html"), "docx": (to_docx, ".docx"), "doc": (to_docx, ".doc")}


def doc_copies(docx: list[bytes]) -> list[bytes]:
    """Each .docx saved by LibreOffice as a Word 97-2003 .doc (``soffice``, Debian ``libreoffice-writer-nogui``: no
    dependency of xxgk), as ``tests/fixtures/word97/make_fixtures.py`` makes the .doc fixtures."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("--fmt doc needs LibreOffice (soffice): apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for k, data in enumerate(docx):
            (folder / f"v{k:05d}.docx").write_bytes(data)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "doc:MS Word 97", "--outdir", str(folder / "doc"),
                        *(str(folder / f"v{k:05d}.docx") for k in range(len(docx)))],
                       check=True, capture_output=True, timeout=3600)
        return [(folder / "doc" / f"v{k:05d}.doc").read_bytes() for k in range(len(docx))]


def rendered(chosen, chunk: int = 200):
    """``(variant, report, format, the file's bytes)`` for each variant chosen, .doc copies made ``chunk`` at a
    time."""
    batch = []
    for vname, report, fmt, blocks in chosen:
        if fmt != "doc":
            yield vname, report, fmt, RENDER[fmt][0](blocks)
            continue
        batch.append((vname, report, fmt, to_docx(blocks)))
        if len(batch) >= chunk:
            yield from ((v, r, f, d) for (v, r, f, _), d in zip(batch, doc_copies([b[3] for b in batch]), strict=True))
            batch = []
    if batch:
        yield from ((v, r, f, d) for (v, r, f, _), d in zip(batch, doc_copies([b[3] for b in batch]), strict=True))


# ---------------------------------------------------------------------------------------------------- scoring

_TABLES = {"active": "2", "applications": "3", "review_litigation": "4"}


def truths(report: Report) -> list[tuple[str, object, object]]:
    """``(section, key, value)`` for every cell the report prints."""
    out = [("active", tuple(key.split(".")), value) for key, value in report.truth["active"].items()]
    out += [("applications", (code, a), v) for code, row in report.truth["applications"].items()
            for a, v in zip(applicant_codes(), row, strict=True)]
    out += [("review_litigation", k, v) for k, v in enumerate(report.truth["review_litigation"])]
    return out


def score(data: bytes, suffix: str, report: Report) -> tuple[int, int, int, object]:
    """(wrong, missing, missing unsaid, the record) of ``data`` read as the build reads it."""
    record = parse(read_bytes(data, suffix).parse_text)
    got = {section: record.values(section) for section in _TABLES}
    table4 = list(got["review_litigation"].values())
    said = {(f.table, f.row) for f in record.findings if f.severity in ("warning", "error")}
    row_label = labels()["rows"]
    wrong = missing = unsaid = 0
    for section, key, value in truths(report):
        value = None if value == "" else value
        if section == "review_litigation":
            value_got = table4[key] if key < len(table4) else None
        else:
            value_got = got[section].get(key)
        if value is not None and value_got is None:
            missing += 1
            label = row_label.get(key[0], "") if section == "applications" else ""
            table = _TABLES[section]
            if not any(t == table and (r is None or not label or r in label or label.endswith(r))
                       for t, r in said):
                unsaid += 1
        elif value_got is not None and (value is None or _number(value_got) != _number(value)):
            wrong += 1
    return wrong, missing, unsaid, record


def _number(value):
    try:
        return float(str(value))
    except ValueError:
        return str(value)


# ---------------------------------------------------------------------------------------------------- perturbations

def _tables(blocks: list) -> list[int]:
    return [k for k, block in enumerate(blocks) if not isinstance(block, str)]


def _with_table(blocks: list, at: int, table: Table) -> list:
    return blocks[:at] + [table] + blocks[at + 1:]


def _cells(blocks: list, kinds: tuple[str, ...]):
    for t in _tables(blocks):
        for r, row in enumerate(blocks[t]):
            for c, cell in enumerate(row):
                if cell.kind in kinds:
                    yield t, r, c, cell


def _edit(blocks: list, t: int, r: int, c: int, cell: Cell | None) -> list:
    table = [list(row) for row in blocks[t]]
    if cell is None:
        del table[r][c]
    else:
        table[r][c] = cell
    return _with_table(blocks, t, table)


def p_head_rowspan(blocks, delta):
    for t, r, c, cell in _cells(blocks, ("head",)):
        if cell.rs > 1 or delta > 0:
            yield f"t{t}r{r}c{c}", _edit(blocks, t, r, c, replace(cell, rs=max(1, cell.rs + delta)))


def p_head_colspan(blocks, delta):
    for t, r, c, cell in _cells(blocks, ("head",)):
        if cell.cs > 1 or delta > 0:
            yield f"t{t}r{r}c{c}", _edit(blocks, t, r, c, replace(cell, cs=max(1, cell.cs + delta)))


def p_label_merged(blocks, numbers_below: bool):
    """A row label (the row's last label cell, covering one row) merged over two rows: a blank row of the same
    cells added, its label covered, the numbers in the top or the bottom row."""
    for t in _tables(blocks):
        for r, row in enumerate(blocks[t]):
            at = [c for c, cell in enumerate(row) if cell.kind == "label"]
            if not at or row[at[-1]].rs > 1 or any(cell.rs > 1 for cell in row[at[-1] + 1:]):
                continue
            c = at[-1]
            blank = [Cell("", cell.cs, 1, "blank") for cell in row[c + 1:]]
            grown = [replace(cell, rs=cell.rs + 1) if cell.rs > 1 else cell for cell in row[:c]]  # (group labels)
            top = grown + [replace(row[c], rs=2)] + (blank if numbers_below else row[c + 1:])
            bottom = row[c + 1:] if numbers_below else blank
            table = [list(x) for x in blocks[t]]
            # (a cell above merged down over this row covers the added row too)
            table = _grow_spans_over(table, r)
            table[r:r + 1] = [top, bottom]
            yield f"t{t}r{r}", _with_table(blocks, t, table)


def _grow_spans_over(table: Table, r: int) -> Table:
    out = [list(row) for row in table]
    for placed in grid(table)[r]:
        column, cell, continued = placed
        if not continued:
            continue
        for k in range(r - 1, -1, -1):  # the row the merge begins in
            for c, candidate in enumerate(out[k]):
                if candidate is cell or (candidate == cell and k + candidate.rs > r):
                    out[k][c] = replace(candidate, rs=candidate.rs + 1)
                    break
            else:
                continue
            break
    return out


def p_paragraph(blocks, kinds, where):
    for t, r, c, cell in _cells(blocks, kinds):
        if cell.text:
            text = {"after": cell.text + "\n", "before": "\n" + cell.text,
                    "split": cell.text[:len(cell.text) // 2] + "\n" + cell.text[len(cell.text) // 2:]}[where]
            yield f"t{t}r{r}c{c}", _edit(blocks, t, r, c, replace(cell, text=text))


def p_spacer_row(blocks):
    for t in _tables(blocks):
        width = max(column + cell.cs for row in grid(blocks[t]) for column, cell, _ in row)
        for r in range(len(blocks[t])):
            if r + 1 < len(blocks[t]) and any(cont for _, _, cont in grid(blocks[t])[r + 1]):
                continue  # (inside a rowspan: a spacer row there would be covered)
            table = [list(row) for row in blocks[t]]
            table.insert(r + 1, [Cell("", kind="blank") for _ in range(width)])
            yield f"t{t}r{r}", _with_table(blocks, t, table)


def p_spacer_column(blocks):
    for t in _tables(blocks):
        rows = grid(blocks[t])
        width = max(column + cell.cs for row in rows for column, cell, _ in row)
        for at in range(1, width):
            table = []
            for placed in rows:
                new = []
                for column, cell, cont in placed:
                    if cont:
                        continue
                    if column < at < column + cell.cs:
                        new.append(replace(cell, cs=cell.cs + 1))
                    elif column == at:
                        new += [Cell("", 1, max(1, cell.rs), "blank"), cell]
                    else:
                        new.append(cell)
                table.append(new)  # (a cell above covering ``at`` grew, or its spacer covers as many rows)
            yield f"t{t}c{at}", _with_table(blocks, t, table)


def p_split_table(blocks, between: str, repeat_head: bool):
    for t in _tables(blocks):
        table = blocks[t]
        heads = [r for r, row in enumerate(table) if all(cell.kind == "head" for cell in row)]
        first_body = max(heads, default=-1) + 1
        placed = grid(table)
        for r in range(first_body + 1, len(table)):
            if any(cont for _, _, cont in placed[r]):
                continue  # (inside a rowspan)
            second = ([list(row) for row in table[:first_body]] if repeat_head else []) + table[r:]
            parts = [table[:r]] + ([between] if between else []) + [second]
            yield f"t{t}r{r}", blocks[:t] + parts + blocks[t + 1:]


def p_digits(blocks, how):
    table = str.maketrans("0123456789", "０１２３４５６７８９")
    out = list(blocks)
    for t in _tables(blocks):
        out[t] = [[replace(cell, text=(cell.text.translate(table) if how == "fullwidth" else
                                       f"{int(cell.text):,}" if cell.text.isdigit() else cell.text))
                   if cell.kind == "value" else cell for cell in row] for row in blocks[t]]
    yield "all", out


def p_neighbour(blocks):
    """A value cell holding the next cell's number too (``3 0``), the next cell blank."""
    for t, r, c, cell in _cells(blocks, ("value",)):
        row = blocks[t][r]
        if c + 1 < len(row) and row[c + 1].kind == "value" and cell.text and row[c + 1].text:
            table = [list(x) for x in blocks[t]]
            table[r][c] = replace(cell, text=f"{cell.text} {row[c + 1].text}")
            table[r][c + 1] = replace(row[c + 1], text="")
            yield f"t{t}r{r}c{c}", _with_table(blocks, t, table)


def p_split_spacer(blocks):
    """Each table split in two at each body row (``p_split_table``, no header repeated, nothing between), then a
    spacer column at each column of the second part (``p_spacer_column``): the part with no row of headings."""
    for place, split in p_split_table(blocks, "", False):
        second = int(place[1:place.index("r")]) + 1
        for column, spaced in p_spacer_column(split):
            if column.startswith(f"t{second}c"):
                yield f"{place}+{column}", spaced


PERTURBATIONS = {
    "plain": lambda b: iter([("-", b)]),
    "head_rowspan_plus": lambda b: p_head_rowspan(b, 1),
    "head_rowspan_minus": lambda b: p_head_rowspan(b, -1),
    "head_colspan_plus": lambda b: p_head_colspan(b, 1),
    "head_colspan_minus": lambda b: p_head_colspan(b, -1),
    "label_merged_top": lambda b: p_label_merged(b, False),
    "label_merged_bottom": lambda b: p_label_merged(b, True),
    "value_paragraph_after": lambda b: p_paragraph(b, ("value",), "after"),
    "value_paragraph_before": lambda b: p_paragraph(b, ("value",), "before"),
    "label_split": lambda b: p_paragraph(b, ("label",), "split"),
    "spacer_row": p_spacer_row,
    "spacer_column": p_spacer_column,
    "split_table": lambda b: p_split_table(b, "", False),
    "split_table_head": lambda b: p_split_table(b, "", True),
    "split_table_continued": lambda b: p_split_table(b, "（续表）", True),
    "fullwidth_digits": lambda b: p_digits(b, "fullwidth"),
    "thousands": lambda b: p_digits(b, "thousands"),
    "neighbour_number": p_neighbour,
    "split_spacer": p_split_spacer,
}


def variants(reports: list[Report], only: list[str], formats: list[str]):
    for report in reports:
        for name in only:
            for place, blocks in PERTURBATIONS[name](report.blocks):
                for fmt in formats:
                    yield f"{report.name}/{fmt}/{name}/{place}", report, fmt, blocks


def pairs(reports: list[Report], formats: list[str], count: int, seed: int = 54):
    rng = random.Random(seed)
    names = [n for n in PERTURBATIONS if n != "plain"]
    for report in reports:
        for fmt in formats:
            for k in range(count):
                first, second = rng.choice(names), rng.choice(names)
                options = list(PERTURBATIONS[first](report.blocks))
                place1, blocks = rng.choice(options)
                options = list(PERTURBATIONS[second](blocks)) or [("-", blocks)]
                place2, blocks = rng.choice(options)
                yield f"{report.name}/{fmt}/{first}+{second}/{place1}+{place2}#{k}", report, fmt, blocks


def _reports(which: list[str]) -> list[Report]:
    return ((gold_reports() if "gold" in which else []) + (seed_reports() if "seeds" in which else [])
            + (synthetic_reports() if "synthetic" in which else []))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PERTURBATIONS), help="perturbations, comma-separated")
    parser.add_argument("--fmt", default="html,docx", help="html, docx, doc (a .docx saved by LibreOffice as .doc)")
    parser.add_argument("--reports", default="gold,seeds,synthetic")
    parser.add_argument("--pairs", type=int, default=0, help="pairs of perturbations a report and format")
    parser.add_argument("--show", help="one variant: its wrong and missing cells and findings")
    parser.add_argument("--jobs", type=int, default=1, help="processes reading the variants (default 1)")
    args = parser.parse_args(argv)
    reports, formats = _reports(args.reports.split(",")), args.fmt.split(",")
    if args.show:
        name, fmt, perturbation, place = args.show.split("/", 3)
        for vname, report, vfmt, blocks in variants([r for r in reports if r.name == name], [perturbation], [fmt]):
            if vname == args.show:
                show(report, vfmt, blocks)
                return
        sys.exit(f"no variant {args.show}")
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    worst: list[tuple[int, int, str]] = []
    chosen = variants(reports, args.only.split(","), formats) if not args.pairs else pairs(reports, formats,
                                                                                             args.pairs)
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(args.jobs)
        scored = pool.map(_scored, rendered(chosen), chunksize=16)
    else:
        scored = map(_scored, rendered(chosen))
    for vname, _report, fmt, wrong, missing, unsaid in scored:
        key = ("pairs" if args.pairs else vname.split("/")[2], fmt)
        for k, n in enumerate((1, wrong, missing, unsaid, wrong > 0)):
            totals[key][k] += n
        if totals[key][0] % 1000 == 0:  # (progress, on stderr: the tables come at the end)
            print(f"  {key[0]} {key[1]}: {totals[key][0]} read", file=sys.stderr, flush=True)
        if wrong or unsaid:
            worst.append((wrong, unsaid, vname))
    print(f"{'perturbation':28s} {'fmt':5s} {'variants':>8s} {'wrong':>6s} {'(in)':>5s} {'missing':>8s} {'unsaid':>7s}")
    for (name, fmt), (n, wrong, missing, unsaid, bad) in sorted(totals.items()):
        print(f"{name:28s} {fmt:5s} {n:8d} {wrong:6d} {bad:5d} {missing:8d} {unsaid:7d}")
    sums = [sum(v[k] for v in totals.values()) for k in range(5)]
    print(f"{'all':28s} {'':5s} {sums[0]:8d} {sums[1]:6d} {sums[4]:5d} {sums[2]:8d} {sums[3]:7d}")
    for wrong, unsaid, vname in sorted(worst, reverse=True)[:15]:
        print(f"  {wrong} wrong, {unsaid} unsaid: {vname}")


def _scored(item) -> tuple:
    vname, report, fmt, data = item
    return (vname, report, fmt, *score(data, RENDER[fmt][1], report)[:3])


def show(report: Report, fmt: str, blocks: list) -> None:
    render, suffix = RENDER[fmt]
    data = doc_copies([render(blocks)])[0] if fmt == "doc" else render(blocks)
    print(read_bytes(data, suffix).parse_text)
    wrong, missing, unsaid, record = score(data, suffix, report)
    print(f"wrong {wrong}, missing {missing}, unsaid {unsaid}")
    got = {section: record.values(section) for section in _TABLES}
    table4 = list(got["review_litigation"].values())
    for section, key, value in truths(report):
        value_got = (table4[key] if key < len(table4) else None) if section == "review_litigation" else got[
            section].get(key)
        if value_got != value and not (value_got is not None and value is not None
                                       and _number(value_got) == _number(value)):
            print(f"  {section} {key}: published {value_got!r}, the report's {value!r}")
    for f in record.findings:
        print(f"  finding {f.severity} {f.code} t{f.table} {f.row!r} {f.column!r}: {f.actual!r}")


if __name__ == "__main__":
    main()
