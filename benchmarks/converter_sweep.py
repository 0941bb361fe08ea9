"""Benchmark companion: the same reports through real converters, read as the build reads them.

Reports whose values are known (``synthetic.random_values``, one draw a seed: distinct numbers, identities holding)
are written as Word writes a report "saved as a web page" (``MsoNormal`` paragraphs in cells, ``<o:p>`` marks, the
2021 template's merged cells: table 三's header over three rows and ten columns, 三、本年度办理结果 and the group
labels merged down, table 四's two header rows), then saved by LibreOffice (``soffice``, Debian
``libreoffice-writer-nogui``: no dependency of xxgk) as a Word 97-2003 ``.doc``, a ``.docx`` and a PDF, and the PDF
written as an OFD as a document system's converter draws one (``ofd_from_pdf``: characters and rules where the PDF
draws them); with Debian ``chromium`` installed, the page is also printed to PDF by the browser (``chrome``, as a
CMS page printed). Each copy is read with ``read_bytes`` + ``parse`` and counted against the values drawn: **wrong**
(a published number that is not the one drawn: the worst), **missing** (a cell published null), per format and
variant. Variants: ``plain``; ``blank`` (one cell of table 三 left blank in each report, in turn: it must be null,
never 0); ``wrapped`` (each label broken over two lines of the page's source, as Word's export wraps its lines);
``ghost`` (Word's ``<![if !supportMisc]>`` empty cells at each row's end and its zero-height row of column widths);
``shifted`` (paragraphs before table 二, so that tables 三 and 四 cross a page at another row in each report);
``borderless`` (no table drawn with rules, as some CMS pages print theirs).

Run: .venv/bin/python -m benchmarks.converter_sweep [N] [--variants plain,blank,...] [--formats html,doc,...]
[--keep DIR]

Session 53 wrote it (AUDITS.md, "The same report through a real converter"): it found the .doc reader without the
.docx reader's rules for spacer columns, split numbers and merged labels, and the OFD reader losing a converter's
ruled template; at the end of that session every copy of every variant read whole but the PDF and OFD of
``borderless`` (no wrong number; most of table 三 missing, said: labels wrapped beside numbers centred in their rows,
with no rule to tell the rows apart).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .ofd_from_pdf import pdf_as_ofd
from .synthetic import random_values

ROWS = row_codes("2021")
FORMATS = ("html", "doc", "docx", "pdf", "ofd", "chrome")
VARIANTS = ("plain", "blank", "wrapped", "ghost", "shifted", "borderless")
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
GHOST = "<![if !supportMisc]><td style='border:none' width=0><p class=MsoNormal>&nbsp;</td><![endif]>"


def _cell(text: str, span: int = 1, down: int = 1, wrap: bool = False, style: str = "") -> str:
    """One ``<td>`` as Word exports it (blank: ``<o:p>&nbsp;</o:p>``); ``wrap`` breaks a label in the source;
    ``style`` replaces its border and width (``_restyled``)."""
    spans = (f" colspan={span}" if span > 1 else "") + (f" rowspan={down}" if down > 1 else "")
    if not text:
        inner = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
    else:
        shown = escape(text[:4] + "\n" + text[4:] if wrap and len(text) > 6 else text)
        inner = (f"<span style='font-size:10.5pt;font-family:宋体;color:black'>{shown}"
                 "<span lang=EN-US><o:p></o:p></span></span>")
    return (f"<td width=64{spans} valign=center style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
            f"<p class=MsoNormal align=center style='text-align:center'>{inner}</p></td>")


def _table(rows: list[list[str]], ghost: bool, columns: int) -> str:
    end = GHOST if ghost else ""
    widths = ("<![if !supportMisc]><tr height=0>" + "<td width=64 style='border:none'></td>" * columns
              + "</tr><![endif]>") if ghost else ""
    body = "".join(f"<tr style='height:15.75pt'>{''.join(row)}{end}</tr>" for row in rows)
    return (f"<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>{body}"
            f"{widths}</table>")


def _table3(values: dict[str, list[int | None]], wrap: bool) -> list[list[str]]:
    label = labels()["rows"]

    def numbers(code: str) -> list[str]:
        return [_cell("" if v is None else str(v)) for v in values[code]]
    rows = [[_cell(NOTE, 3, 3, wrap), _cell("申请人情况", 7)], [_cell("自然人", down=2), _cell("法人或其他组织", 5),
                                                                 _cell("总计", down=2)], [_cell(o) for o in ORGS]]
    rows += [[_cell(label[code], 3, wrap=wrap), *numbers(code)] for code in ("new", "carried_over")]
    grouped = [tuple(c for c in ROWS if c.startswith(p)) for p in ("denied", "unavailable", "rejected", "other_")]
    groups = [("granted",), ("partially_granted",), *grouped, ("total_processed",)]
    first = True
    for group in groups:
        for k, code in enumerate(group):
            row = [_cell("三、本年度办理结果", down=sum(map(len, groups)), wrap=wrap)] if first else []
            first = False
            if len(group) == 1:
                row.append(_cell(label[code], 2, wrap=wrap))
            elif k == 0:
                head, sub = label[code].split(" ", 1)
                row += [_cell(head, down=len(group), wrap=wrap), _cell(sub, wrap=wrap)]
            else:
                row.append(_cell(label[code], wrap=wrap))
            rows.append(row + numbers(code))
    rows.append([_cell(label["carried_forward"], 3, wrap=wrap), *numbers("carried_forward")])
    return rows


def _table4(values: list[int]) -> list[list[str]]:
    return [[_cell("行政复议", 5), _cell("行政诉讼", 10)],
            [*(_cell(o, down=2) for o in OUTCOMES), _cell("未经复议直接起诉", 5), _cell("复议后起诉", 5)],
            [_cell(o) for o in OUTCOMES * 2], [_cell(str(v)) for v in values]]


def _table2(active: dict[str, int]) -> list[list[str]]:
    rows = [[_cell("信息内容"), _cell("本年制发件数"), _cell("本年废止件数"), _cell("现行有效件数")]]
    rows += [[_cell(name), *(_cell(str(active[f"{key}.{m}"])) for m in ("issued", "repealed", "in_force"))]
             for name, key in (("规章", "rules"), ("行政规范性文件", "normative_documents"))]
    rows.append([_cell("信息内容"), _cell("本年处理决定数量", 3)])
    rows += [[_cell(name), _cell(str(active[f"{key}.decisions"]), 3)]
             for name, key in (("行政许可", "licensing"), ("行政处罚", "penalty"), ("行政强制", "coercion"))]
    rows += [[_cell("信息内容"), _cell("本年收费金额（单位：万元）", 3)],
             [_cell("行政事业性收费"), _cell(str(active["fees.amount_10k_yuan"]), 3)]]
    return rows


def draw(seed: int) -> tuple[dict, list[int], dict[str, int]]:
    """Table 三's and 四's values (``random_values``) and table 二's, drawn from ``seed``."""
    rng = random.Random(seed)
    table3, table4 = random_values(rng)
    active = {f"{key}.{m}": rng.randint(1, 99) for key in ("rules", "normative_documents")
              for m in ("issued", "repealed", "in_force")}
    active |= {f"{key}.decisions": rng.randint(100, 999) for key in ("licensing", "penalty", "coercion")}
    active["fees.amount_10k_yuan"] = rng.randint(1, 50)
    return {code: list(v) for code, v in table3.items()}, list(table4), active


def page(seed: int, variant: str) -> tuple[str, dict, list[int], dict[str, int]]:
    """The report drawn from ``seed`` as Word's web page in ``variant``, and its values (a blank cell None)."""
    table3, table4, active = draw(seed)
    if variant == "blank":
        code = ROWS[seed % len(ROWS)]
        table3[code][seed % 7] = None
    ghost, wrap = variant == "ghost", variant == "wrapped"

    def paragraph(text: str) -> str:
        return (f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>{escape(text)}"
                "<span lang=EN-US><o:p></o:p></span></span></p>")
    shift = 3 * (seed % 15) if variant == "shifted" else 0
    filler = [f"本机关第{k}项工作稳步推进，公开内容进一步丰富。" for k in range(shift)]
    tables = [_table(_table2(active), ghost, 4), _table(_table3(table3, wrap), ghost, 10),
              _table(_table4(table4), ghost, 15)]
    body = [paragraph("样例县数据局2024年政府信息公开工作年度报告"), paragraph(HEADINGS[0]),
            paragraph("本机关依法公开政府信息。"), *map(paragraph, filler)]
    for heading, table in zip(HEADINGS[1:4], tables, strict=True):
        body += [paragraph(heading), table]
    body += [paragraph(HEADINGS[4]), paragraph("无。"), paragraph(HEADINGS[5]), paragraph("无。")]
    if variant == "borderless":  # (a page's tables without borders, as some CMS pages print them)
        body = [part.replace("border:solid windowtext 1.0pt", "border:none").replace("border=1", "border=0")
                for part in body]
    html = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type "
            "content=\"text/html; charset=utf-8\"><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x"
            "</o:Author></o:DocumentProperties></xml><![endif]--></head><body lang=ZH-CN><div class=WordSection1>"
            + "\n".join(body) + "</div></body></html>")
    return html, table3, table4, active


def score(data: bytes, suffix: str, table3: dict, table4: list[int], active: dict[str, int]) -> tuple[int, int]:
    """(wrong, missing) cells of the copy ``data`` read as the build reads it, against the values drawn."""
    return score_record(parse(read_bytes(data, suffix).parse_text), table3, table4, active)


def score_record(record, table3: dict, table4: list[int], active: dict[str, int]) -> tuple[int, int]:
    """(wrong, missing) cells of a parsed ``record`` against the values drawn."""
    wrong = missing = 0
    got3 = record.values("applications")
    truths = [(got3.get((code, a)), table3[code][k]) for code in ROWS for k, a in enumerate(applicant_codes())]
    got4 = list(record.values("review_litigation").values())
    truths += list(zip(got4 + [None] * (15 - len(got4)), table4, strict=True))
    got2 = record.values("active")
    truths += [(got2.get(tuple(key.split("."))), value) for key, value in active.items()]
    for got, truth in truths:
        if got is None and truth is not None:
            missing += 1
        elif got != truth:
            wrong += 1
    return wrong, missing


def libreoffice() -> str:
    """The ``soffice`` command, or exit saying how to install it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui")
    return soffice


def saved_as(soffice: str, target: str, sources: list[Path], out: Path, profile: Path) -> None:
    """``sources`` saved by LibreOffice as ``target`` (``"pdf"``, ``"doc:MS Word 97"`` …) into ``out``, with its
    settings in ``profile`` (not the user's)."""
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                    "--outdir", str(out), *map(str, sources)], check=True, capture_output=True, timeout=1800)


def convert(folder: Path, soffice: str) -> None:
    """``folder``'s pages saved by LibreOffice as .doc, then .docx and PDF; each PDF written as an OFD."""
    profile = folder / "profile"
    saved_as(soffice, "doc:MS Word 97", sorted(folder.glob("*.html")), folder / "doc", profile)
    docs = sorted((folder / "doc").glob("*.doc"))
    saved_as(soffice, "docx:MS Word 2007 XML", docs, folder / "docx", profile)
    saved_as(soffice, "pdf", docs, folder / "pdf", profile)
    (folder / "ofd").mkdir(exist_ok=True)
    for pdf in sorted((folder / "pdf").glob("*.pdf")):
        (folder / "ofd" / f"{pdf.stem}.ofd").write_bytes(pdf_as_ofd(pdf.read_bytes()))
    chromium = shutil.which("chromium")
    if chromium is not None:  # (the page printed by a browser, as a CMS page printed to PDF)
        (folder / "chrome").mkdir(exist_ok=True)
        for page_file in sorted(folder.glob("*.html")):
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--no-pdf-header-footer",
                            f"--print-to-pdf={folder / 'chrome' / (page_file.stem + '.chrome')}",
                            page_file.as_uri()], check=True, capture_output=True, timeout=120)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=15, help="reports a variant (seeds 0..N-1)")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--keep", type=Path, help="the folder to write the copies in and keep (default: a temporary)")
    args = parser.parse_args(argv)
    soffice = libreoffice()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="converter_sweep_"))
    folder.mkdir(parents=True, exist_ok=True)
    truths = {}
    for variant in args.variants.split(","):
        for seed in range(args.count):
            html, *values = page(seed, variant)
            (folder / f"{variant}_{seed:03d}.html").write_text(html, encoding="utf-8")
            truths[f"{variant}_{seed:03d}"] = values
    convert(folder, soffice)
    print(f"{'variant':10s}" + "".join(f"{kind:>16s}" for kind in args.formats.split(",")) + "    (wrong / missing)")
    for variant in args.variants.split(","):
        cells = []
        for kind in args.formats.split(","):
            sub = folder if kind == "html" else folder / kind
            suffix = ".pdf" if kind == "chrome" else f".{kind}"
            if not sub.is_dir():
                cells.append("-")
                continue
            totals = [score((sub / f"{name}.{kind}").read_bytes(), suffix, *values)
                      for name, values in truths.items() if name.startswith(variant + "_")]
            cells.append(f"{sum(w for w, _ in totals)} / {sum(m for _, m in totals)}")
        print(f"{variant:10s}" + "".join(f"{cell:>16s}" for cell in cells))
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
