"""A PDF's pages as an OFD file, as a document system's converter writes one: each character a ``TextObject`` where
the PDF draws it (or each word one), each line and rectangle a ``PathObject`` (an outline ``M … L … C``). For tests
and benchmarks: the same layout read from the OFD and from the PDF (``tests/test_h53ofd.py``,
``benchmarks.converter_sweep``)."""

from __future__ import annotations

import io
import zipfile

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
MM = 25.4 / 72  # millimetres in a point


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_object(number: int, char: dict) -> str:
    size = (char["bottom"] - char["top"]) * MM
    x, baseline, width = char["x0"] * MM, (char["bottom"] - (char["bottom"] - char["top"]) * 0.12) * MM, (
        char["x1"] - char["x0"]) * MM
    deltas = " ".join(f"{width / len(char['text']):.3f}" for _ in char["text"][:-1])
    return (f'<ofd:TextObject ID="{number}" Boundary="{x:.3f} {baseline - size:.3f} {width + 1:.3f} {size * 1.5:.3f}" '
            f'Font="1" Size="{size:.3f}"><ofd:TextCode X="0" Y="{size:.3f}"' + (f' DeltaX="{deltas}"' if deltas else "")
            + f">{_xml(char['text'])}</ofd:TextCode></ofd:TextObject>")


def _path_object(number: int, drawn: dict) -> str:
    x0, top, x1, bottom = (drawn[k] * MM for k in ("x0", "top", "x1", "bottom"))
    if drawn["object_type"] == "rect":
        data = f"M 0 0 L {x1 - x0:.3f} 0 L {x1 - x0:.3f} {bottom - top:.3f} L 0 {bottom - top:.3f} C"
    else:
        data = " ".join(("M" if k == 0 else "L") + f" {px * MM - x0:.3f} {py * MM - top:.3f}"
                        for k, (px, py) in enumerate(drawn["pts"]))
    return (f'<ofd:PathObject ID="{number}" Boundary="{x0:.3f} {top:.3f} {max(x1 - x0, 0.1):.3f} '
            f'{max(bottom - top, 0.1):.3f}" LineWidth="0.25"><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData>'
            "</ofd:PathObject>")


def pdf_as_ofd(pdf: bytes, by_word: bool = False, rules: bool = True) -> bytes:
    """``pdf`` as an OFD file: its characters (``by_word``: its words) and, with ``rules``, its lines and rectangles."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            texts = page.extract_words(x_tolerance=1) if by_word else [c for c in page.chars if c["text"].strip()]
            objects = [_text_object(100 + k, char) for k, char in enumerate(texts)]
            if rules:
                objects += [_path_object(100_000 + k, drawn) for k, drawn in enumerate(page.lines + page.rects)]
            pages.append((page.width * MM, page.height * MM, objects))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
                         "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
                         "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        width, height, _ = pages[0]
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
                         "<ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID><ofd:PageArea>"
                         f"<ofd:PhysicalBox>0 0 {width:.3f} {height:.3f}</ofd:PhysicalBox></ofd:PageArea>"
                         "</ofd:CommonData><ofd:Pages>" + "".join(
                             f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                             for i in range(len(pages))) + "</ofd:Pages></ofd:Document>")
        for i, (_, _, objects) in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'<ofd:Page {NS}><ofd:Content>'
                             f'<ofd:Layer ID="{5 + i}">' + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return out.getvalue()
