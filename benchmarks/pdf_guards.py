"""What the PDF reader's guards cost an honest report: CPU seconds of ``readers.pdf_to_text`` with the guards that
count as the library works (``pdf_operators``, ``pdf_tokens``, ``pdf_glyphs``, ``pdf_drawn``) and with them not
installed, each reading in a process of its own, the two alternated, best of ``--runs``; and how near each file
comes to the guards' bounds (operators, parsed objects and glyphs a page and in the file).

Run: ``PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_guards [--runs 3] [--pages 60] [file.pdf …]``.
Without files: a generated report of ``--pages`` pages (reportlab, 9 pt: each seed's text and its tables, again and
again) and, when ``chromium`` is installed, the seeds and the corpus's reports (``../shared``) printed by it as an
agency's browser prints a page (``--print-to-pdf``). Figures are process time (other processes on a shared machine
count less); compare figures taken one after the other only.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

_CHILD = r"""
import json, sys, time
from xxgk import pdf_drawn, pdf_glyphs, pdf_operators, pdf_tokens
from xxgk.readers import pdf_to_text
guarded = sys.argv[2] == "on"
if not guarded:
    for module in (pdf_drawn, pdf_glyphs, pdf_operators, pdf_tokens):
        module.install = lambda: None
data = open(sys.argv[1], "rb").read()
start = time.process_time()
try:
    pdf_to_text(data)
    refused = ""
except Exception as error:  # (a guard's over_budget, as the library wraps it)
    refused = str(error.args[0] if error.args else error)
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "refused": refused, "operators": pdf_operators._count[1],
                  "objects": pdf_tokens._count[0], "glyphs": pdf_glyphs._count[0]}))
"""


def _read(path: Path, guarded: bool) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), "on" if guarded else "off"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _seed_blocks(text: str) -> list[tuple[str, object]]:
    """A seed's lines as ("p", line) and ("table", rows of cells) blocks (its tables are written ``| a | b |``)."""
    blocks: list[tuple[str, object]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif line.strip():
            blocks.append(("p", line))
    return blocks


def generated_report(pages: int) -> bytes:
    """About ``pages`` pages of report (reportlab, STSong-Light 9 pt): the seeds' text and ruled tables in turn."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7, leading=9, wordWrap="CJK")
    seeds = sorted((SHARED / "seeds").glob("*.txt")) or sorted(Path("reports").glob("*.txt"))
    blocks = [block for seed in seeds for block in _seed_blocks(seed.read_text(encoding="utf-8"))]
    copies = 1
    while True:  # (the seeds once, then as many times as make ``pages``)
        story: list = []
        for kind, content in blocks * copies:
            if kind == "p":
                story.append(Paragraph(html.escape(content), body))
            else:
                width = max(len(row) for row in content)
                rows = [[Paragraph(html.escape(c), cell) for c in row] + [""] * (width - len(row)) for row in content]
                table = Table(rows, colWidths=[150] + [(A4[0] - 72 * 2 - 150) / max(width - 1, 1)] * (width - 1))
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
                story.append(table)
        out = io.BytesIO()
        document = SimpleDocTemplate(out, pagesize=A4)
        document.build(story)
        if document.page >= pages:
            return out.getvalue()
        copies = max(copies + 1, -(-pages * copies // document.page))


def chromium_prints(folder: Path) -> list[Path]:
    """The seeds and the corpus's reports, each written as a web page and printed by Chromium (none when it is not
    installed or ``../shared`` is absent)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "reports").glob("*"))
    if browser is None or not sources:
        return []
    out = []
    for source in sources:
        if source.suffix == ".html":
            page = source
        else:
            blocks = _seed_blocks(source.read_text(encoding="utf-8", errors="replace"))
            page = folder / f"{source.stem}.html"
            page.write_text("<html><head><meta charset='utf-8'></head><body>" + "".join(
                f"<p>{html.escape(content)}</p>" if kind == "p" else "<table border='1' cellspacing='0'>" + "".join(
                    "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in content)
                + "</table>" for kind, content in blocks) + "</body></html>", encoding="utf-8")
        printed = folder / f"{source.stem}.chromium.pdf"
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={printed}", page.resolve().as_uri()], capture_output=True, timeout=300)
        if printed.exists():
            out.append(printed)
    return out


def main() -> None:
    import pdfplumber

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=60)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        files = list(arguments.files)
        if not files:
            generated = folder / f"generated-{arguments.pages}-pages.pdf"
            generated.write_bytes(generated_report(arguments.pages))
            files = [generated, *chromium_prints(folder)]
        print(f"{'file':<34} {'pages':>5} {'guarded':>8} {'bare':>7} {'cost':>6}  "
              f"{'operators/page (file)':>22} {'objects/page (file)':>20} {'glyphs/page (file)':>19}")
        total = {True: 0.0, False: 0.0}
        for path in files:
            with pdfplumber.open(path) as pdf:
                pages = len(pdf.pages)
            best = {True: float("inf"), False: float("inf")}
            counts: dict = {}
            for _ in range(arguments.runs):
                for guarded in (True, False):
                    read = _read(path, guarded)
                    best[guarded] = min(best[guarded], read["seconds"])
                    counts = read if guarded else counts
            for guarded in best:
                total[guarded] += best[guarded]
            print(f"{path.name[:34]:<34} {pages:>5} {best[True]:>7.2f}s {best[False]:>6.2f}s "
                  f"{100 * (best[True] / best[False] - 1):>+5.1f}%  "
                  f"{counts['operators'] // pages:>10,} ({counts['operators']:>9,}) "
                  f"{counts['objects'] // pages:>8,} ({counts['objects']:>9,}) "
                  f"{counts['glyphs'] // pages:>7,} ({counts['glyphs']:>9,})"
                  + (f"  refused: {counts['refused']}" if counts["refused"] else ""))
        print(f"{'all':<34} {'':>5} {total[True]:>7.2f}s {total[False]:>6.2f}s "
              f"{100 * (total[True] / total[False] - 1):>+5.1f}%")


if __name__ == "__main__":
    main()
