"""Long ruled PDFs in 9 pt: the CPU the reader spends on each file and page, the old code's against the new.

Run: PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_long write DIR [--font stsong|zenhei]
     PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_long time DIR --old /tmp/old/build [--runs 3]
     PYTHONPATH=/tmp/old/build:. .venv/bin/python -m benchmarks.pdf_long digests DIR > OLD   (then build:., > NEW)

``write`` makes the inputs: ``grid_2.pdf``, ``grid_10.pdf`` and ``grid_60.pdf``, a county's annex of 2, 10 and 60
pages, each page a dense ruled grid (46 rows of 15 columns, CJK labels, numbers) in 9 pt; and each text report of
``../shared/seeds`` and ``../shared/corpus/reports`` printed as a PDF (``seed_*.pdf``: its lines as paragraphs, its
tab-separated rows as ruled tables, in 9 pt). Fixed seeds: the same bytes each time for a font (reportlab's built-in
CID font ``STSong-Light``, not embedded, by default; ``--font zenhei`` embeds WenQuanYi Zen Hei, as Word embeds its
fonts, where Debian's fonts-wqy-zenhei is installed).

``time`` reads each PDF of DIR (``readers.read_path``, as the build does) in a process of its own, the new code
(``build/``) and the old (``--old``, a ``build/`` folder of an earlier commit: ``git archive HEAD build | tar -x``)
alternated, each first in turn, ``--runs`` times each; it prints the CPU seconds of the reading (process time, the
import left out: other processes on a shared machine count less) by file and by page, the least and the median, and
whether the two read the file alike (a digest of the text, the text parsed and the findings): a speed-up that
changes any of them is no speed-up. ``digests`` prints that digest for each PDF of DIR, read in one process: run it
with the old ``build/`` first on the path and with the new, and compare the two lists (``diff``).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
PAGES = (2, 10, 60)
ROWS = 46  # rows a page, the header's among them (9 pt, cells padded 1 and 2 points): what an A4 page holds
HEADER = ["乡镇（街道）、部门", "本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理",
          "其他处理", "办理总计", "结转下年", "行政复议", "行政诉讼", "维持", "纠正"]
PLACES = ["城关镇", "东关街道", "西城街道", "南山乡", "北塘镇", "青石镇", "河口乡", "新民街道"]
OFFICES = ["发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
           "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
           "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局"]


def _font(name: str) -> str:
    """Register ``name``'s font with reportlab and return its font name."""
    from reportlab.pdfbase import pdfmetrics

    if name == "zenhei":
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("zenhei", str(ZENHEI), subfontIndex=0))
        return "zenhei"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _styles(font: str):
    from reportlab.lib.styles import ParagraphStyle

    return (ParagraphStyle("text", fontName=font, fontSize=9, leading=13, wordWrap="CJK"),
            ParagraphStyle("cell", fontName=font, fontSize=9, leading=11, wordWrap="CJK"))


def _document(story: list) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    # (a fixed creation date and document id: the same bytes each time)
    SimpleDocTemplate(out, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36,
                      invariant=True).build(story)
    return out.getvalue()


def _grid(rows: list[list], font: str, widths: list[float] | None = None):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), font),
                               ("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def grid_report(pages: int, font_name: str = "stsong", seed: int = 33) -> bytes:
    """``pages`` pages, each a heading and a ruled grid of ``ROWS`` rows (its header among them) of 15 columns in
    9 pt: an office a row, its requests by outcome (each total the sum of its row's outcomes)."""
    from reportlab.platypus import PageBreak, Paragraph

    font = _font(font_name)
    text, cell = _styles(font)
    rng = random.Random(seed)
    header = [Paragraph(label, cell) for label in HEADER]
    story: list = [Paragraph("某某县2024年政府信息公开工作年度报告（附表）", text)]
    for page in range(pages):
        rows: list[list] = [header]
        for _ in range(ROWS - 1):
            outcomes = [rng.choice((0, 1, 3, 7, 12, 25, 48, 96, 117, 254, 306, 731)) for _ in range(6)]
            new, carried = rng.randint(0, 999), rng.randint(0, 60)
            rows.append([f"{rng.choice(PLACES)}{rng.choice(OFFICES)}", new, carried, *outcomes, sum(outcomes),
                         rng.randint(0, 60), rng.randint(0, 30), rng.randint(0, 12), rng.randint(0, 20),
                         rng.randint(0, 10)])
        story += [Paragraph(f"附表{page + 1}：各乡镇（街道）、部门政府信息公开申请办理情况（单位：件）", text),
                  _grid([[str(v) if isinstance(v, int) else v for v in row] for row in rows], font,
                        [131] + [28] * 14)]
        if page < pages - 1:
            story.append(PageBreak())
    return _document(story)


def text_report(text: str, font_name: str = "stsong") -> bytes:
    """A text report printed as a PDF in 9 pt: each line a paragraph, each run of tab-separated lines a ruled
    table (its cells as the text has them, the label column wider)."""
    from reportlab.platypus import Paragraph, Spacer

    font = _font(font_name)
    text_style, cell = _styles(font)
    story: list = []
    block: list[list[str]] = []

    def table() -> None:
        width = max(len(row) for row in block)
        widths = [523 * 0.3] + [523 * 0.7 / (width - 1)] * (width - 1) if width > 1 else [523]
        story.append(_grid([[Paragraph(escape(c), cell) for c in row + [""] * (width - len(row))] for row in block],
                           font, widths))
        block.clear()

    for line in text.splitlines():
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        if block:
            table()
        story.append(Paragraph(escape(line), text_style) if line.strip() else Spacer(1, 4))
    if block:
        table()
    return _document(story)


def write(folder: Path, font: str) -> list[Path]:
    """The benchmark's PDFs, written into ``folder``: the grids and the seeds' and corpus' text reports."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for pages in PAGES:
        out.append(folder / f"grid_{pages}.pdf")
        out[-1].write_bytes(grid_report(pages, font))
    for source in (SHARED / "seeds", SHARED / "corpus" / "reports"):
        for path in sorted(source.glob("*.txt")) if source.is_dir() else ():
            out.append(folder / f"seed_{path.stem}.pdf")
            out[-1].write_bytes(text_report(path.read_text(encoding="utf-8"), font))
    return out


def read_one(path: Path) -> dict:
    """The CPU seconds of reading ``path`` as the build does, and a digest of what was read."""
    import time

    from xxgk.readers import read_path

    start = time.process_time()
    source = read_path(path)
    spent = time.process_time() - start
    read = json.dumps([source.text, source.parse_text, [f.to_dict() for f in source.findings]],
                      ensure_ascii=False)
    return {"cpu": spent, "digest": hashlib.sha256(read.encode("utf-8", "surrogatepass")).hexdigest()[:16]}


def _timed(path: Path, build: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(build), str(ROOT)])}
    said = subprocess.run([sys.executable, "-m", "benchmarks.pdf_long", "read", str(path)], capture_output=True,
                          text=True, check=True, env=env, cwd=ROOT)
    return json.loads(said.stdout)


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def time_folder(folder: Path, old: Path, runs: int) -> None:
    """Print, for each PDF of ``folder``, the old and new code's CPU (least and median of ``runs``, alternated)."""
    builds = {"new": ROOT / "build", "old": old}
    total = {"old": 0.0, "new": 0.0}
    print(f"{'file':28} {'pages':>5}  {'old s (min/med)':>16}  {'new s (min/med)':>16}  {'old ms/page':>11}  "
          f"{'new ms/page':>11}  same")
    for path in sorted(folder.glob("*.pdf")):
        spent: dict[str, list[float]] = {"old": [], "new": []}
        digests: set[str] = set()
        for run in range(runs):
            for name in ("old", "new") if run % 2 == 0 else ("new", "old"):
                said = _timed(path, builds[name])
                spent[name].append(said["cpu"])
                digests.add(said["digest"])
        pages = _pages(path)
        low = {name: min(values) for name, values in spent.items()}
        mid = {name: statistics.median(values) for name, values in spent.items()}
        for name in total:
            total[name] += mid[name]
        print(f"{path.name:28} {pages:5}  {low['old']:7.2f} / {mid['old']:6.2f}  {low['new']:7.2f} / "
              f"{mid['new']:6.2f}  {1000 * mid['old'] / pages:11.0f}  {1000 * mid['new'] / pages:11.0f}  "
              f"{'yes' if len(digests) == 1 else 'NO'}")
    print(f"all files, medians added: old {total['old']:.2f} s, new {total['new']:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="verb", required=True)
    w = sub.add_parser("write")
    w.add_argument("folder", type=Path)
    w.add_argument("--font", choices=("stsong", "zenhei"), default="stsong")
    t = sub.add_parser("time")
    t.add_argument("folder", type=Path)
    t.add_argument("--old", type=Path, required=True)
    t.add_argument("--runs", type=int, default=3)
    r = sub.add_parser("read")
    r.add_argument("path", type=Path)
    d = sub.add_parser("digests")
    d.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.verb == "write":
        for path in write(args.folder, args.font):
            print(path)
    elif args.verb == "time":
        time_folder(args.folder, args.old.resolve(), args.runs)
    elif args.verb == "digests":
        for path in sorted(args.folder.glob("*.pdf")):
            print(f"{path.name}\t{read_one(path)['digest']}", flush=True)
    else:
        print(json.dumps(read_one(args.path)))


if __name__ == "__main__":
    main()
