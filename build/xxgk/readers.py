"""Reading a report file of any container into text the parser understands. I/O lives here.

``read_path(path) -> Source`` handles ``.txt``/``.md`` (UTF-8 with or without BOM, UTF-16,
GB18030/GBK), ``.html``/``.htm`` (the page's own ``<table>``s become tab-separated rows; scripts,
styles and navigation are dropped), ``.docx`` (paragraphs and tables in document order) and
``.pdf`` (the text layer; tables found by their ruling lines become tab-separated rows). A file
that cannot be read gives a Source with no text and a finding, never an exception.
Traditional-Chinese text is converted to Simplified for matching (``parse_text``); the
original stays in ``text`` for display, line for line.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .findings import Finding, make

_NOT_TEXT = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffd]")  # control characters and decoding failures
MAX_BYTES = 20 * 1024 * 1024  # the memory bound: larger files are refused with a finding
_HTML_DROP = ("script", "style", "nav", "header", "footer", "noscript", "iframe", "form", "select")
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "table", "section", "article")


@dataclass
class Source:
    text: str = ""  # as the file has it (for display and line numbers)
    parse_text: str = ""  # what the parser reads (Simplified Chinese)
    encoding: str | None = None
    kind: str = "text"
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.parse_text.strip())


def decode(data: bytes) -> tuple[str | None, str | None]:
    """``(text, encoding)``: BOMs first, then strict UTF-8, then GB18030, then a detector."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    sample = data[:4096]
    if sample.count(0) > len(sample) // 4:  # BOM-less UTF-16: ASCII and digits put NULs in every other byte
        name = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            return None, None
        return (text, name) if _looks_like_text(text) else (None, None)
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding
    return None, None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:20000]
    return len(_NOT_TEXT.findall(sample)) / len(sample) < 0.01


@cache
def _utf8_html_parser():
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def html_to_text(markup: str) -> str:
    """Visible text of a page, one block per line; table rows as tab-separated cells (lxml)."""
    import lxml.html

    try:  # bytes with an explicit parser encoding: the text is already decoded, whatever <meta> says
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=_utf8_html_parser())
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in _HTML_DROP) + "|//comment()"):
        element.drop_tree()
    title = " ".join(root.findtext(".//title", default="").split())
    for element in root.xpath("//head"):
        element.drop_tree()
    out: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in element if c.tag in ("td", "th")]
            out.append("\n" + "\t".join(cells) + "\n")
        else:
            block = tag in _BLOCKS
            out.append("\n" if block else "")
            out.append(element.text or "")
            for child in element:
                walk(child)
                out.append(child.tail or "")
            out.append("\n" if block else "")

    walk(root)
    lines = [line if "\t" in line else line.strip(" \u3000\xa0") for line in "".join(out).split("\n")]
    body = "\n".join(line for line in lines if line.strip())
    return (title + "\n" + body) if title and title not in body[:500] else body


def docx_to_text(data: bytes) -> str:
    """Paragraphs and tables of a .docx in document order (merged cells once)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    out = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen, cells = set(), []
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                out.append("\t".join(cells))
    return "\n".join(out)


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF; ruled tables as tab-separated rows, in reading order."""
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes) -> bool:
                return not any(b[0] <= obj.get("x0", 0) <= b[2] and b[1] <= obj.get("top", 0) <= b[3]
                               for b in boxes)

            blocks = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
            for table in tables:
                rows = ["\t".join(" ".join((c or "").split()) for c in row) for row in table.extract()]
                blocks.append((table.bbox[1], "\n".join(rows)))
            out.extend(text for _, text in sorted(blocks, key=lambda b: b[0]))
    return "\n".join(out)


@cache
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _traditional_only() -> frozenset[str]:
    """The CJK characters that OpenCC changes when converting to Simplified (about 3,500)."""
    block = "".join(chr(c) for c in range(0x4E00, 0xA000))
    return frozenset(a for a, b in zip(block, _t2s().convert(block), strict=True) if a != b)


def to_simplified(text: str) -> str:
    """Simplified Chinese for matching; converting is skipped when no Traditional character occurs
    (conversion is the slowest step of reading, and most reports need none)."""
    if _traditional_only().isdisjoint(text):
        return text
    return _t2s().convert(text)


def _too_large() -> Source:
    return Source(findings=[make("file_unreadable", detail=f"文件超过 {MAX_BYTES // 2**20} MB 上限")])


def read_bytes(data: bytes, suffix: str) -> Source:
    """Read one file's bytes (``suffix`` like ``.html``). Pure apart from the libraries."""
    suffix = suffix.lower()
    if len(data) > MAX_BYTES:
        return _too_large()
    if not data.strip():
        return Source(findings=[make("file_unreadable", detail="空文件")])
    try:
        if suffix == ".docx":
            source = Source(docx_to_text(data), kind="docx")
        elif suffix == ".pdf":
            source = Source(pdf_to_text(data), kind="pdf")
            if not source.text.strip():
                return Source(kind="pdf", findings=[make("no_text_layer", detail="PDF")])
        else:
            text, encoding = decode(data)
            if text is None:
                return Source(findings=[make("file_unreadable", detail="不是可识别编码的文本（可能是二进制文件）")])
            kind = "html" if suffix in (".html", ".htm") or text.lstrip()[:200].lower().startswith(
                ("<!doctype html", "<html")) else "text"
            source = Source(html_to_text(text) if kind == "html" else text, encoding=encoding, kind=kind)
            if "\x00" in source.text:  # stray NULs carry nothing; drop them and say so
                source.findings.append(make("text_repaired", detail=f"{source.text.count(chr(0))} 个空字符（NUL）"))
                source.text = source.text.replace("\x00", "")
    except Exception as error:  # noqa: BLE001 - a library failing on a broken file is bad input
        return Source(findings=[make("file_unreadable", detail=f"{type(error).__name__}: {error}"[:200])])
    source.text = source.text.replace("\r\n", "\n").replace("\r", "\n")
    source.parse_text = to_simplified(source.text)
    if not source.text.strip():
        source.findings.append(make("file_unreadable", detail="没有文字内容"))
    return source


def read_path(path: str | Path) -> Source:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:  # refused before reading: memory stays bounded
            return _too_large()
        data = path.read_bytes()
    except OSError as error:
        return Source(findings=[make("file_unreadable", detail=str(error)[:200])])
    return read_bytes(data, path.suffix)
