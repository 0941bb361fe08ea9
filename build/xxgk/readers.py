"""Reading a report file of any container into text the parser understands. I/O lives here.

``read_path(path) -> Source`` handles ``.txt``/``.md`` (UTF-8 with or without BOM, UTF-16,
GB18030/GBK), ``.html``/``.htm`` (the page's own ``<table>``s become tab-separated rows; scripts,
styles and navigation are dropped), ``.docx`` (paragraphs and tables in document order), ``.doc`` and
``.wps`` (Word 97-2003's binary format, ``word97.py``: as the .docx reader reads the same document) and
``.pdf`` (the text layer; tables found by their ruling lines become tab-separated rows). A file
that cannot be read gives a Source with no text and a finding, never an exception.

Every file is read within ``BUDGET`` (bytes on disk, decompressed bytes, extracted characters,
PDF pages and drawing objects): a file over budget gives an ``over_budget`` finding and no text.
Wall time and memory are bounded by the parse worker (``package/collect.py``).
Traditional-Chinese text is converted to Simplified for matching (``parse_text``); the
original stays in ``text`` for display, line for line.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import hashlib
import io
import logging
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import pdf_streams, zip_sizes
from .css_rows import css_rows
from .css_sheet import MAX_CHECKS, MAX_WRITTEN, sheet_applied
from .docx_numbering import word_int, write_list_numbers
from .docx_strict import transitional
from .empty_columns import continues_a_table, empty_columns, printed_values
from .findings import Finding, make
from .heading_overhang import past_the_others
from .html_frames import frames_inlined
from .html_unshown import unshown_cut
from .nested_rows import MAX_SUB_ROWS, expand, fits
from .pdf_baselines import level
from .pdf_cell_lines import STACKED, numeric_lines, table_rows
from .pdf_cells import line_words, mark_blank_cells
from .pdf_covered import covered_removed
from .pdf_orphans import orphans
from .pdf_overflow import overflow_written, split_numbers
from .pdf_overprint import overprints_removed
from .pdf_rows import Ruled, join_broken_rows
from .pdf_table_rules import find_tables
from .pdf_upright import page_numbers_across_removed, upright
from .text import unify_radicals
from .values import MERGED_DOWN, MERGED_UP, SPAN_MARK, read_cell

_NOT_TEXT = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffd]")  # control characters and decoding failures
# Word's text of a document as a macro or script takes it (Range.Text) ends every table cell and row with CR BEL
# and writes a manual line break as VT: in a text holding CR BEL, both are line ends (before, such a file was
# refused as binary, file_unreadable). A BEL or VT elsewhere stays, and a name holding it is refused as before.
_WORD_CELL_END = "\r\x07"
_WORD_MARKS = re.compile("\r\x07|\x0b")
MAX_BYTES = 20 * 1024 * 1024  # the memory bound: larger files are refused with a finding


@dataclass(frozen=True)
class Budget:
    """What one file may cost. A real report is far below every figure (a few hundred KB of text,
    tens of pages, a few hundred ruling lines a page)."""

    unzipped_bytes: int = 200 * 2**20  # .docx: the sum of its members' uncompressed sizes
    zip_members: int = 10_000
    chars: int = 10_000_000  # characters extracted from a .docx, .html or .pdf, or decoded (a text or the manifest)
    # characters of a report's text as read, whatever its format: a report has tens of thousands (the corpus's longest
    # 36 KB), a PDF may draw 1,000,000 glyphs (``pdf_file_glyphs``; with its spaces and line ends, up to about twice as
    # many characters), and a source page cuts a line at 2,000,000 (``report_page``: a cut this bound must leave
    # reachable). The build's own process spends on a report's text what no worker's budget bounds (SQLite's trigram
    # index of a section above all): 6,500,000 characters of prose in one 19.5 MB text (within ``chars``) took
    # ``xxgk build`` 133 s and 1.1 GB with every cache warm (session 34)
    text_chars: int = 3_000_000
    # lines of a file's text, whatever its format: a report has hundreds, a 1,000-page PDF tens of thousands. The parser
    # keeps about 1 KB per line: 2,500,000 short lines (1\t2, 10 MB, within ``chars``) took 55 s and 2.5 GB
    lines: int = 200_000
    pdf_pages: int = 1_000
    docx_cells: int = 100_000  # table cells in a .docx's document (a report's tables hold a few thousand)
    # tags (each ``<``) in a .docx's XML parts: empty elements compress to nothing, and libxml2 and python-docx keep
    # about 250 bytes an element — 25,000,000 empty paragraphs (a 256 KB file, 150 MB of XML within
    # ``unzipped_bytes``) held a worker's whole 3 GB. A report's document has some tens of thousands; the cell budget's
    # 100,000 cells are some 2,500,000
    docx_tags: int = 5_000_000
    pdf_objects: int = 20_000  # drawing objects (lines, rectangles, curves) on one PDF page
    pdf_grid: int = 10_000  # distinct horizontal × vertical ruling positions on one page (table finding)
    # counted as the PDF library works (each module says what and why): images and forms drawn on a page
    # (``pdf_drawn``); operators interpreted for a page, its forms included, and for a file (``pdf_operators``);
    # objects in one array, dictionary or operand run, and in a file (``pdf_tokens``); glyphs laid out on a page and in
    # a file (``pdf_glyphs``)
    pdf_page_figures: int = 10_000
    pdf_page_operators: int = 500_000
    pdf_file_operators: int = 8_000_000
    pdf_array_objects: int = 250_000
    pdf_file_objects: int = 8_000_000
    pdf_page_glyphs: int = 50_000
    pdf_file_glyphs: int = 1_000_000
    # CPU seconds (user + system, all its threads) a worker may spend to read and parse one file: the kernel's
    # profiling timer, armed before each file (``collect._in_worker``), ends a worker past it even inside C code. CPU
    # time, not wall time: at load 20 on 2 cores a worker gets a tenth of a core, and a report that parsed within a
    # wall-time budget on a quiet run was over it on a busy one (a good file over a 3 s budget at load 21, session 43)
    seconds: float = 120.0
    memory: int = 3 * 2**30  # address space a parse worker may add to its start (the pool's cap: collect._memory_cap)

    @property
    def wall_seconds(self) -> float:
        """The wall-time backstop of one file (the pool's timeout), ``WALL_PER_CPU`` × ``seconds``: a file that
        sleeps or waits on I/O spends no CPU, and this is what stops it."""
        return WALL_PER_CPU * self.seconds


WALL_PER_CPU = 4  # the wall backstop's multiple of a file's CPU budget: a file's wall time passes it only if the
# machine gave its worker under a quarter of a core for the whole file, or the file waited rather than worked


BUDGET = Budget()


def allow_long_csv_cells() -> None:
    """Let ``csv`` read the package's own cells: a narrative section can hold a whole report's text (up to
    ``BUDGET.chars``), far beyond the module's 128 KiB default field limit. Called by every package reader."""
    import csv

    csv.field_size_limit(max(csv.field_size_limit(), BUDGET.chars, MAX_BYTES))


class OverBudget(Exception):
    """A file needs more than ``BUDGET`` allows; the message says which budget, in Chinese."""


class HardLinked(Exception):
    """A file the build would read has other names (``hard_linked``): it may be a file outside reports/."""


class NotRegular(Exception):
    """A file the build would read is a symbolic link, a pipe, a device or a socket, or cannot be opened: the
    message says which, in English (``read_small``)."""
# one pass over markup, linear on any input: each token ends before the next "<" (the former
# "<[^>]*>" and "<script.*?</script>" scans were quadratic on a page of unclosed tags)
_TOKEN = re.compile(r"<(?P<open>script|style)\b[^<>]*>|</(?P<close>script|style)\s*>|<[^<>]*>|(?P<text>[^<]+)|<",
                    re.IGNORECASE)
_DOCUMENT_END = re.compile(r"</\s*(?:body|html)\s*>", re.IGNORECASE)
# attributes one tag of a page may have: libxml2 compares each attribute's name with every one before it in the tag,
# so a 9.9 MB page of one <p> with 1,000,000 attributes (a0=x a1=x …) was parsed for more than five minutes (80,000
# took 14.5 s); an honest tag has a few, a framework's some dozens
MAX_ATTRIBUTES = 500
# a tag with more than MAX_ATTRIBUTES attributes, as libxml2 reads one: a name, then attributes each after white space
# or a slash, with or without a value, a quoted value holding anything but its quote (``<`` and ``>`` too). No name or
# unquoted value holds ``<``, so a search from each ``<`` stops at the next one, or after MAX_ATTRIBUTES + 1 attributes:
# linear in the page (``<a<a<a…`` of 6 MB, with ``<`` in a name, took minutes). Each attribute is matched once, as
# libxml2 reads it (an atomic group: an unquoted value runs to white space or ``>``, slashes and all) — with the
# engine free to end an unquoted value at any ``/`` and take the rest as attributes of their own, a tag of 14
# ``h=/col/a/b`` before a page's text was searched for every way of cutting them, hours (12: 28 s)
_MANY_ATTRIBUTES = re.compile(r"<[A-Za-z][^\s/<>]*(?>[\s/]+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>]*))?)"
                              rf"{{{MAX_ATTRIBUTES + 1}}}")
# (a <form> stays: ASP.NET pages wrap the whole body in one; its controls go. <del>, <s> and <strike> are
# text struck out — a tracked change saved as a web page, ``<del>58</del><ins>85</ins>`` — as Word's w:del)
_HTML_DROP = ("script", "style", "nav", "noscript", "iframe", "button", "del", "s", "strike",
              # what a browser never shows (its own style sheet: display none): a <template>'s content, a <datalist>'s
              # options, ruby's fallback parentheses, a closed <dialog>, a <title> in the body — a table 三 in a
              # <template> was published, numbers no reader of the page sees
              "template", "datalist", "rp", "noembed", "noframes", "dialog[not(@open)]", "body//title")
# form controls: dropped outside tables (a page's search box, its 站群导航 list), read in a table cell as they show
# (``_control_text``: a form saved as the published report)
_CONTROLS = ("select", "textarea")
# a page's banner and foot go; an article's own (its title, its date) stay
_HTML_PAGE_PARTS = "|".join(f"//{tag}[not(ancestor::article or ancestor::main)]" for tag in ("header", "footer"))
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MARKS = {"sup": str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"), "sub": str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")}
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})  # (a table's: ``_html_row``)
_BLOCKS = ("td", "th", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "table", "section", "article")


@dataclass
class Source:
    text: str = ""  # as the file has it (for display and line numbers)
    parse_text: str = ""  # what the parser reads (Simplified Chinese)
    encoding: str | None = None
    # what the file is by its bytes: text, html, docx, doc, pdf, ofd, image, unsupported; "" when it was not read
    # (refused, empty, too large, no known encoding) — published as reports.file_type
    kind: str = ""
    findings: list[Finding] = field(default_factory=list)
    sha256: str | None = None  # of the file's bytes (set by read_path)

    @property
    def ok(self) -> bool:
        return bool(self.parse_text.strip())


def decode(data: bytes) -> tuple[str | None, str | None]:
    """``(text, encoding)``: BOMs first, then UTF-16 without BOM (NUL bytes in one byte position of
    two, after any NUL padding), then strict UTF-8, then whichever of GB18030, Big5 and a line-by-line
    UTF-8/GB18030 mixture reads as the most common Chinese characters, then a detector."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    padding = len(data) - len(data.lstrip(b"\x00"))  # NUL padding before the text says nothing
    sample = data[padding - padding % 2:][:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd > len(sample) // 4:  # BOM-less UTF-16: ASCII and digits put NULs in every other byte
        name = "utf-16-le" if odd > even else "utf-16-be"
        # an unpaired surrogate is one lost character (U+FFFD, said by text_undecodable), not a binary file: strict
        # decoding refused a whole report for two bytes; binary data still fails _looks_like_text
        text = data[:len(data) - len(data) % 2].decode(name, errors="replace")
        return (text, name) if _looks_like_text(text.replace("\x00", "")) else (None, None)
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            candidates.append((_common_share(text), -len(candidates), text, name))
    mixed, mixed_name = _decode_lines(data)
    if mixed is not None and _looks_like_text(mixed):
        candidates.append((_common_share(mixed), -len(candidates), mixed, mixed_name))
    if candidates:
        _, _, text, name = max(candidates)
        return text, name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding
    return None, None


def _decode_lines(data: bytes) -> tuple[str | None, str | None]:
    """``(text, encoding)``: each line in UTF-8 if it is valid UTF-8, else as whichever of GB18030 and UTF-8 reads
    it better (``_invalid_line``): text pasted together from files saved in both encodings (``utf-8+gb18030``), or
    a UTF-8 text with a few bytes no encoding reads (``utf-8``, each such byte U+FFFD: a stray 0xFF in a UTF-8
    title made the whole line GB18030 mojibake, 鐢插幙姘戞斂灞€…, and lost the agency and the year). ``(None,
    None)`` unless UTF-8 is really present and something is not.

    >>> _decode_lines("甲局\\n乙局".encode() + b"\\xff"), _decode_lines("甲局\\n".encode() + "乙局".encode("gbk"))
    (('甲局\\n乙局\\ufffd', 'utf-8'), ('甲局\\n乙局', 'utf-8+gb18030'))
    """
    lines, utf8, other, repaired = [], 0, 0, 0
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            utf8 += not raw.isascii()
            continue
        except UnicodeDecodeError:
            pass
        line, name = _invalid_line(raw)
        lines.append(line)
        other += name == "gb18030"
        repaired += name == "utf-8"
    if not (utf8 or repaired) or not (other or repaired):
        return None, None
    return "\n".join(lines), "utf-8+gb18030" if other else "utf-8"


def _invalid_line(raw: bytes) -> tuple[str, str]:
    """A line that is no valid UTF-8, as GB18030 or as UTF-8 with U+FFFD for what it cannot read: whichever reads as
    the more common Chinese characters (a GBK line read as UTF-8 is nearly all U+FFFD; a UTF-8 line with one stray
    byte read as GB18030 is mojibake of rare characters), then the one with fewer U+FFFD, then UTF-8."""
    readings = [(raw.decode(name, errors="replace"), name) for name in ("utf-8", "gb18030")]
    return max(readings, key=lambda reading: (_common_share(reading[0]), -reading[0].count("\ufffd")))


@cache
def _common_chars() -> frozenset[str]:
    """The 3,755 most common Chinese characters (GB 2312 level 1)."""
    pairs = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    return frozenset(pairs.decode("gb2312", errors="ignore"))


def _common_share(text: str) -> float:
    """Share of the Chinese characters of ``text`` (made Simplified) that are common ones: a wrong
    decoding of Chinese bytes gives rare characters."""
    hanzi = [c for c in to_simplified(text[:20000]) if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _common_chars() for c in hanzi) / len(hanzi) if hanzi else 0.0


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:20000]
    if _WORD_CELL_END in sample:
        sample = _WORD_MARKS.sub("\n", sample)
    return len(_NOT_TEXT.findall(sample)) / len(sample) < 0.01


NESTED_TOO_DEEP = "网页嵌套层数超过解析器上限（约 2000 层），文字无法提取"


@cache
def _utf8_html_parser():
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)  # deep nesting too


def _parsed_page(markup: str):
    """A page's root element (lxml's), or None when it has none; ``OverBudget`` for a tag of too many attributes."""
    import lxml.html

    # libxml2 drops everything after </html> (two pages saved into one file, a report appended to a page):
    # without the closing tags the rest is read into the one body, as browsers show it
    markup = _DOCUMENT_END.sub("", markup)
    if _MANY_ATTRIBUTES.search(markup):
        raise OverBudget(f"网页中有标签的属性超过 {MAX_ATTRIBUTES} 个（解析器逐一比较属性名，时间随属性数的平方增长）")
    # a <template>'s content and a closed <dialog>, to their end tags as a browser reads them (libxml2 ended them with
    # the paragraph they opened in: the table after them was read as shown)
    markup = unshown_cut(markup)
    parser = _utf8_html_parser()
    try:  # bytes with an explicit parser encoding: the text is already decoded, whatever <meta> says
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return None
    # libxml2 stops at 2,048 elements deep and keeps what it read before: a page with some text before a deeper
    # nesting (1,000 nested layout tables) was read as that text alone, the rest gone without a finding
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise OverBudget(NESTED_TOO_DEEP)
    return root


def html_to_text(markup: str, findings: list[Finding] | None = None) -> str:
    """Visible text of a page, one block per line; table rows as tab-separated cells (lxml). What the reading
    could only do in part (a style sheet past its bounds: ``style_sheet_bounded``) is added to ``findings``."""

    root = _parsed_page(markup)
    if root is None:
        return ""
    frames_inlined(root, _parsed_page)  # (<iframe srcdoc>: a page written in the page, shown in the frame's place)
    # (a table laid out by classes of a <style> sheet: their boxes, as inline styles, for css_rows)
    if not sheet_applied(root) and findings is not None:
        findings.append(make("style_sheet_bounded", detail=f"样式表应用超过上限（{MAX_WRITTEN:,} 字符"
                                                           f"或 {MAX_CHECKS:,} 次匹配）"))
    # text in the body as parsed: none when lxml gave up on the nesting (the <title> does not count: a nested page
    # with one was said to hold only its title, report_text_absent)
    parsed = any(body.text_content().strip() for body in root.iter("body"))
    for element in root.xpath("|".join(f"//{tag}" for tag in _HTML_DROP) + "|//comment()|" + _HTML_PAGE_PARTS
                              + "|" + "|".join(f"//{tag}[not(ancestor::td or ancestor::th)]" for tag in _CONTROLS)):
        element.drop_tree()
    for element in root.xpath("//*[@style or @hidden]"):  # what the page hides is no part of the report
        if element.get("hidden") is not None or _HIDDEN.search(element.get("style") or ""):
            element.drop_tree()
    title = " ".join(root.findtext(".//title", default="").split())
    for element in root.xpath("//head"):
        element.drop_tree()
    out: list[str] = []
    size = 0
    spans: dict = {}  # each table's cells merged down from the rows above (``_html_row``)
    covers: dict = {}  # each table's room left for cells that rowspans cover (``MAX_COVERED``)
    spacers: dict = {}  # each table's grid columns that hold nothing (``empty_columns``), not printed
    # depth-first without recursion (pages nested thousands of levels deep): a string on the stack is
    # output, an element is expanded into its opening text, its children, and its closing newline + tail
    root.tail = None
    stack: list = [root]
    while stack:
        element = stack.pop()
        if isinstance(element, str):
            out.append(element)
            size += len(element)
            if size > BUDGET.chars:
                raise OverBudget(f"网页文字超过 {BUDGET.chars} 个字符")
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        tail = element.tail or ""
        if tag in _CONTROLS:  # (in a layout table's cell: what it shows, not every option)
            stack.append(_control_text(element) + tail)
            continue
        # a layout table's row is walked into, not flattened; a row whose cells are split by small tables is a row
        if tag == "tr" and (not _holds_table(element) or (grids := _html_split_cells(element)) is not None):
            table = next(element.iterancestors("table"), None)
            if table not in spacers:
                spacers[table] = _html_spacers(table, _html_continues(table, spacers))
            rows = _html_row(element, spans.setdefault(table, {}), covers.setdefault(table, [MAX_COVERED]),
                             grids if _holds_table(element) else None, spacers[table][0])
            stack.append(tail)
            stack.append("\n" + "\n".join("\t".join(cells) for cells in rows) + "\n")
            continue
        # a row of cells laid out by CSS (inline-block or floated boxes, no table) is a row of cells too
        if tag not in _TABLE_PARTS and len(element) > 1 and (boxes := css_rows(element)) is not None:
            stack.append("\n" + tail)
            stack.append("\n" + "\n".join("\t".join(_cell_line(_cell_text(box)) for box in row) for row in boxes)
                         + "\n")
            continue
        block = "\n" if tag in _BLOCKS else ""
        stack.append(block + tail)
        stack.extend(reversed(list(element)))
        stack.append(block + (element.text or ""))
    lines = [line if "\t" in line else line.strip(" \u3000\xa0") for line in "".join(out).split("\n")]
    body = "\n".join(line for line in lines if line.strip())
    if not body.strip() and not parsed and _has_visible_text(markup):
        raise OverBudget(NESTED_TOO_DEEP)
    return (title + "\n" + body) if title and title not in body[:500] else body


MAX_ROWSPAN = 1000
# grid cells a table's rowspans may cover below their rows, together: each covered cell is a step for every row
# below, and a 170 KB page of 4,000 cells spanning 1,000 rows × 64 columns took 29 s (a report's table 三 covers
# some dozens). Past it the page is over budget, said, instead of a worker's two minutes
MAX_COVERED = 200_000


MAX_SPACER_CELLS = 1_000  # cells of a table whose empty columns are looked for (a report's table 三 has some 250)


def _html_continues(table, spacers: dict) -> int | None:
    """The columns of values printed by the ``<table>`` that ``table`` continues (``empty_columns``): the table just
    before it, nothing between them but what ``continues_a_table`` allows, already read (in ``spacers``: its spacers
    and its columns of values, ``printed_values``); else None."""
    if table is None:
        return None
    before = table.getprevious()
    between = [(before.tail if before is not None else table.getparent().text if table.getparent() is not None
                else None) or ""]
    while before is not None and before.tag != "table":
        if not isinstance(before.tag, str) or next(before.iterdescendants("table"), None) is not None:
            return None
        between.append(before.text_content())
        before = before.getprevious()
        if before is not None:
            between.append(before.tail or "")
    if before is None or before not in spacers:
        return None
    return spacers[before][1] if all(continues_a_table(line) for text in between for line in text.split("\n")) \
        else None


def _html_spacers(table, continues: int | None = None) -> tuple[frozenset[int], int | None]:
    """The grid columns of a ``<table>`` that hold nothing (``empty_columns``; ``continues``: the columns of values
    of the table it continues, if it does), its rowspans placed as ``_html_row`` places them, and the columns of
    values it prints (``printed_values``): looked for in a table holding no table, of at most ``MAX_SPACER_CELLS``
    cells covering at most twice as many columns together (a bounded walk: a hostile page's spans cost nothing
    here); else none, and no columns said."""
    from itertools import islice

    if table is None or next(table.iterdescendants("table"), None) is not None:
        return frozenset(), None
    cells = list(islice(table.iterdescendants("td", "th"), MAX_SPACER_CELLS + 1))
    if len(cells) > MAX_SPACER_CELLS or sum(_html_span(c.get("colspan"), 64) for c in cells) > 2 * MAX_SPACER_CELLS:
        return frozenset(), None
    rows: list[list[tuple[int, str]]] = []
    below: dict[int, int] = {}  # grid column -> rows below this one a rowspan above still covers
    for tr in table.iter("tr"):
        row, column, started = [], 0, {}
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while column in below:
                column += 1
            span, down = _html_span(cell.get("colspan"), 64), _html_span(cell.get("rowspan"), MAX_ROWSPAN)
            row.append((column, _cell_text(cell)))
            if down > 1:
                started.update(dict.fromkeys(range(column, column + span), down - 1))
            column += span
        rows.append(row)
        below = {column: left - 1 for column, left in below.items() if left > 1} | started
    spacers = empty_columns(rows, continues)
    return spacers, printed_values(rows, spacers)


def _html_row(tr, below: dict[int, tuple[int, int | None]], room: list[int] | None = None,
              grids: dict | None = None, spacers: frozenset[int] = frozenset()) -> list[list[str]]:
    """The texts of a ``<tr>``'s cells, as one row, or more where a cell of ``grids`` (``_html_split_cells``) is split
    by a table of more rows (``nested_rows.expand``). ``below`` maps each grid column a cell of a row above covers
    (rowspan) to (rows it still covers, the column that cell begins at when it holds a number); it is updated for the
    rows below. A number merged down is the rows' together, none's alone: it is printed with ``MERGED_DOWN``, and
    ``MERGED_UP`` stands in each row it covers below (each missing, with a finding; before, the first row had the
    number and the others one cell too few). Text merged down (a group label) is printed once, as before. A number
    merged across columns may be marked with its width (``mark_spans``), unless a value column of the row is
    covered by text from above (a blank merged down prints nothing: the row's cells cannot be placed).
    ``room`` (a one-item list, the table's) is what its rowspans may still cover (``MAX_COVERED``): past it,
    ``OverBudget``."""
    out: list[str] = []
    spanned: list[tuple[int, int]] = []  # (index in out, columns) of each number merged across columns
    column, hidden = 0, False  # hidden: a value column covered by text from above, which prints nothing here
    label_at = None  # the row's last label cell merged down, only labels before it (``label_above_its_numbers``)

    def covered() -> None:
        nonlocal column, hidden
        shown = None
        while column in below:
            rows, number = below[column]
            if number is not None and number != shown:
                out.append(MERGED_UP)
            hidden |= number is None and any(read_cell(text)[1] is None for text in out[1:])
            shown = number
            if rows <= 1:
                del below[column]
            else:
                below[column] = (rows - 1, number)
            column += 1

    placed: list[tuple[int, list[list[str]]]] = []  # (index in out, its table's rows) of each split cell
    for cell in tr:
        if cell.tag not in ("td", "th"):
            continue
        covered()
        span = _html_span(cell.get("colspan"), 64)
        rows = _html_span(cell.get("rowspan"), MAX_ROWSPAN)
        split = bool(grids) and cell in grids
        if split:
            placed.append((len(out), grids[cell]))
        # (what a split cell's rowspan covers below is text: no number of its own)
        text = "" if split else _cell_line(_cell_text(cell))
        # (the column it begins at; a number in the first column is a row's 序号, no value)
        number = column if rows > 1 and column and read_cell(text)[1] is None else None
        # (a spacer column, ``spacers``, is no column: a cell beginning there is not printed, one across it is narrower)
        width = span - sum(1 for at in range(column, column + span) if at in spacers) if spacers else span
        spacer = not split and column in spacers
        if not split and not spacer:
            out.append(text + MERGED_DOWN if number is not None else text)
        if split:
            pass
        elif spacer:
            out += [""] * (width if rows == 1 else 0)
        elif width > 1 and rows == 1 and read_cell(text)[1] == "blank":
            out += [""] * (width - 1)  # 无 (or blank) across five value columns: each of them is missing
        elif width > 1 and rows == 1 and column:
            spanned.append((len(out) - 1, width))
        if rows > 1:
            if room is not None:
                room[0] -= (rows - 1) * span
                if room[0] < 0:
                    raise OverBudget(f"网页表格的合并单元格超过上限（{MAX_COVERED} 格）")
            below.update(dict.fromkeys(range(column, column + span), (rows - 1, number)))
            if out and all(read_cell(text)[1] == "unreadable" for text in out):  # (a group label merged over it from
                label_at = len(out) - 1  # above prints nothing; one merged down with it here is before it)
        column += span
    covered()
    row = mark_spans(beside_blank(out), [] if hidden else spanned)  # (a row with a cell hidden: which is where
    # is not known)
    if label_at is not None and not placed and label_above_its_numbers(row[label_at:], _html_next_row_texts(tr)):
        return [row[:label_at + 1]]
    return expand(row, placed) if placed else [row]


def _html_next_row_texts(tr) -> list[str]:
    """The texts of the cells of the ``<tr>`` after ``tr`` in its table (none if there is none)."""
    after = tr.getnext()
    while after is not None and after.tag != "tr":
        after = after.getnext()
    return [] if after is None else [_cell_text(cell) for cell in after if cell.tag in ("td", "th")]


def label_above_its_numbers(row: list[str], below: list[str]) -> bool:
    """Whether ``row`` (a Word or web table's row of cell texts, its label first) is a row's label merged down over
    the row ``below`` it that prints the numbers: the label words, no other cell of ``row`` holding anything, and a
    cell of ``below`` holding a number. The reader then prints the label alone on its line (the parser reads a label
    line followed by its numbers as one row: ``rows_realigned``). Before, its blank cells were the row's (every value
    missing, said only as blank) and the numbers below, under no label, were lost without a finding (session 52's
    sweep: 2,292 cells in 409 of 419 web pages).

    >>> label = ["（一）予以公开", "", ""]
    >>> label_above_its_numbers(label, ["5", "0"]), label_above_its_numbers(label, ["", ""])
    (True, False)
    >>> label_above_its_numbers(["（一）予以公开", "5", ""], ["5", "0"]), label_above_its_numbers(["12", "", ""], ["5"])
    (False, False)
    """
    return (len(row) > 1 and read_cell(row[0])[1] == "unreadable" and not any(text.strip() for text in row[1:])
            and any(read_cell(text)[1] is None for text in below))


def _html_split_cells(tr) -> dict | None:
    """``{cell: its table's rows of cell texts}`` for the cells of a ``<tr>`` that hold a table, when the row is read
    as the row it shows (``nested_rows``): each such cell holds one table, with no table inside, and no text of
    its own, and the row ``fits``; else None (a layout table's row). Each cell's tables are counted up to two, and
    a table's rows up to one more than a split cell's may have: a page nested deep is not walked again per row."""
    from itertools import islice

    grids, texts = {}, []
    for cell in tr:
        if cell.tag not in ("td", "th"):
            continue
        tables = list(islice(cell.iterdescendants("table"), 2))
        if not tables:
            texts.append(_cell_text(cell))
            continue
        trs = list(islice(tables[0].iter("tr"), MAX_SUB_ROWS + 1))
        if len(tables) > 1 or len(trs) > MAX_SUB_ROWS or cell.text_content().replace(
                tables[0].text_content(), "", 1).strip(" \t\r\n\u3000\xa0"):
            return None
        below: dict = {}
        grids[cell] = [cells for row in trs for cells in _html_row(row, below)]
    return grids if fits(texts, list(grids.values())) else None


def mark_spans(cells: list[str], spanned: list[tuple[int, int]]) -> list[str]:
    """``cells`` with each number of ``spanned`` (its index, the columns it covers) marked with ``SPAN_MARK`` when
    a number of the row comes before it (the first cell, a 序号, not counted): the parser spreads it over its
    columns where the row then has its table's width (``cells.spread_spans``). Not marked: a row's only number
    (table 二's template prints one value across three columns, the row's one cell) and a row's first number (it
    may span a label column: which columns it covers is not known).

    >>> mark_spans(["（二）部分公开", "15", "0", "22"], [(2, 2)]), mark_spans(["2", "行政许可", "1075"], [(2, 3)])
    (['（二）部分公开', '15', '0〔跨2格〕', '22'], ['2', '行政许可', '1075'])
    >>> mark_spans(["（二）部分公开", "15", "0", "22"], [(1, 2)])
    ['（二）部分公开', '15', '0', '22']
    """
    numbers = [i for i, text in enumerate(cells) if i and text and read_cell(text)[1] is None]
    for index, span in spanned:
        if index in numbers and index > numbers[0]:
            cells[index] += SPAN_MARK.format(span)
    return cells


_SHOWN_INPUTS = ("", "text", "number")  # <input type=…> whose value the page shows as the box's text


def _input_value(node) -> str:
    """What an ``<input>`` in a table cell shows: its value, for a text or number box (a form saved as the published
    report: ``<td><input readonly value="12"></td>`` — read as a blank cell before); nothing for the other kinds
    (hidden, checkbox, button …)."""
    if (node.get("type") or "").strip().lower() not in _SHOWN_INPUTS or node.get("hidden") is not None:
        return ""
    return f" {node.get('value') or ''} "


def _control_text(node) -> str:
    """What a ``<textarea>`` or ``<select>`` shows: the text in the box, its lines kept (two numbers typed on two lines
    are two numbers, ``_cell_line``), or the selected option (the first when none is: a drop-down shows it). A form
    saved as the published report prints its numbers so (``<td><textarea readonly>12</textarea></td>``, a
    ``<select>`` of counts with one ``selected``): before, such controls were dropped and every cell of table 三 was
    published as blank (``value_blank``, 空白) though the page showed its number.

    >>> import lxml.html
    >>> _control_text(lxml.html.fromstring("<select><option>0</option><option selected>12</option></select>"))
    ' 12 '
    >>> _control_text(lxml.html.fromstring("<textarea>10\\n200</textarea>")), _control_text(lxml.html.fromstring(
    ...     "<select><option>3</option><option>4</option></select>"))
    ('\\n10\\n200\\n', ' 3 ')
    """
    if node.tag == "textarea":
        return "\n" + (node.text or "").replace("\r", "") + "\n"
    options = list(node.iter("option"))
    chosen = next((option for option in options if option.get("selected") is not None), options[0] if options else None)
    return f" {chosen.text_content() if chosen is not None else ''} "


def _html_span(value: str | None, most: int) -> int:
    """A colspan/rowspan attribute as a count of 1 to ``most`` (a missing, 0 or malformed one is 1)."""
    value = (value or "").strip()
    return max(1, min(int(value), most)) if value.isascii() and value.isdigit() else 1


def _holds_table(row) -> bool:
    """Whether a ``<tr>`` holds another table: a layout table around the article (old CMS pages), whose
    cell is the whole report and must be read block by block, its own tables row by row."""
    return any(True for _ in row.iterdescendants("table"))


def _cell_text(cell) -> str:
    """A table cell's visible text: paragraphs and line breaks inside it kept apart as lines (``<p>3</p><p>1</p>``
    is not 31; ``_cell_line`` puts them on one), the source's own line ends a space as a browser shows them, a
    ``<sup>``/``<sub>`` digit kept as a mark (``3<sup>1</sup>`` is 3 with a footnote, ``3¹``, not 31), a text box's
    value as the box shows it (``_input_value``)."""
    if not len(cell):  # a cell of text only (the common case): what the walk below gives, without it
        block = "\n" if cell.tag in _BLOCKS else ""
        return block + _shown(cell.text) + block
    parts: list[str] = []
    stack: list = [cell]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if node is not cell:
            stack.append(_shown(node.tail))
        if tag in _MARKS:
            parts.append(node.text_content().translate(_MARKS[tag]))
            continue
        if tag == "input":
            parts.append(_input_value(node))
            continue
        if tag in _CONTROLS:
            parts.append(_control_text(node))
            continue
        if tag in _BLOCKS:
            stack.append("\n")
        stack.extend(reversed(list(node)))
        stack.append(_shown(node.text))
        if tag in _BLOCKS:
            stack.append("\n")
    return "".join(parts)


def _shown(text: str | None) -> str:
    """Markup's text as a browser shows it in a line: its line ends are spaces."""
    return (text or "").replace("\r", " ").replace("\n", " ")


def _has_visible_text(markup: str) -> bool:
    """Whether ``markup`` has text outside tags, scripts and styles, in one linear pass (used when
    lxml gave none: the page was nested deeper than it parses)."""
    inside = None
    for token in _TOKEN.finditer(markup):
        if inside:
            inside = None if (token["close"] or "").lower() == inside else inside
        elif token["open"]:
            inside = token["open"].lower()
        elif token["text"] and token["text"].strip():
            return True
    return False


def check_zip_listing(data: bytes) -> bytes:
    """``data``, a zipped document's, when its listing is within ``BUDGET.zip_members`` (``zip_listing_too_long``);
    else raises ``OverBudget``."""
    if too_many := zip_listing_too_long(data):
        raise OverBudget(too_many)
    return data


def check_zip_sizes(archive: zipfile.ZipFile, what: str) -> None:
    """Refuse a zipped document (``what``: ``.docx``, ``OFD``) whose members are more than ``BUDGET.zip_members``
    or declare more than ``BUDGET.unzipped_bytes`` together: a zip bomb is refused from its declared sizes
    (``zipfile`` never inflates a member beyond its declared size; ``check_zip_entries`` holds it to them)."""
    members = archive.infolist()
    unzipped = sum(m.file_size for m in members)
    if len(members) > BUDGET.zip_members or unzipped > BUDGET.unzipped_bytes:
        raise OverBudget(f"{what} 解压后 {unzipped // 2**20} MB、{len(members)} 个成员，超过上限 "
                         f"{BUDGET.unzipped_bytes // 2**20} MB、{BUDGET.zip_members} 个")


def check_zip_entries(archive: zipfile.ZipFile, data: bytes, what: str) -> None:
    """Refuse a zipped document whose entries as written differ from its listing (``_check_zip_entries``: two
    readers, two documents) or whose packed bytes inflate past a member's declared size (``zip_sizes.check``):
    before any part is read whole (``zipfile`` inflates up to 1 GB)."""
    _check_zip_entries(archive, data)
    if lie := zip_sizes.check(archive, data):
        raise BrokenFile(f"{what} 的压缩包中{lie}")


_ENTITY_REFUSED = "文档中有 XML 实体引用（Word 不写 DTD，也不打开这样的文件），其后的文字无法读出"


def docx_to_text(data: bytes) -> str:
    """Paragraphs and tables of a .docx in document order (merged cells once)."""
    import docx
    import lxml.etree

    with zipfile.ZipFile(io.BytesIO(check_zip_listing(data))) as archive:
        check_zip_sizes(archive, ".docx")
        _check_docx_parts(archive.infolist())
        check_zip_entries(archive, data, ".docx")
        check_xml_parts(archive)
    try:
        document = docx.Document(io.BytesIO(transitional(data)))  # (a Strict Open XML file: its namespaces renamed)
    except KeyError as error:  # a relationship naming a part the package lacks (../../etc/passwd): nothing read
        # (zipfile: "There is no item named 'etc/passwd' in the archive")
        if not (missing := re.search(r"named '(.*)' in the archive", str(error))):
            raise
        raise BrokenFile(f".docx 的部件关系指向压缩包中没有的部件“{missing.group(1)[:100]}”，Word 也打不开") from None
    except lxml.etree.XMLSyntaxError as error:  # an entity in an attribute of styles.xml, a relationship part …:
        # libxml2 refuses it in English (its limits, a "billion laughs", stay over_budget: _budget_reached)
        if error.code == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT or "entity" not in str(error).lower():
            raise
        raise BrokenFile(_ENTITY_REFUSED) from None
    # an entity the file declares is left unresolved (python-docx's parser: nothing is fetched or read from this
    # machine), and the text after it in its paragraph is no text to python-docx: lost. Word writes no DTD and
    # refuses a file with one
    if next(document.element.body.iter(lxml.etree.Entity), None) is not None:
        raise BrokenFile(_ENTITY_REFUSED)
    write_list_numbers(document)  # (1.属于国家秘密 numbered by Word holds no "1." of its own)
    out: list[str] = []
    _docx_first_header(document, out)
    _docx_blocks(document.element.body, document, out)
    text = "\n".join(out)
    if len(text) > BUDGET.chars:
        raise OverBudget(f".docx 文字超过 {BUDGET.chars} 个字符")
    return text


def _check_docx_parts(members: list[zipfile.ZipInfo]) -> None:
    """Refuse a .docx whose zip lists one part twice: ``zipfile`` reads the last member of a name, a reader taking the
    first shows the other, and Word calls the package damaged — a document.xml written twice, the second naming
    another agency, was published as the report. Part names are one name whatever the case of their letters (Open
    Packaging Conventions, ECMA-376 part 2: ``WORD/Document.XML`` is ``word/document.xml``)."""
    seen: set[str] = set()
    for member in members:
        if (name := member.filename.lower()) in seen:
            raise BrokenFile(f".docx 的压缩包中有两个同名部件（{member.filename[:100]}），无法确定 Word 显示的是哪一个")
        seen.add(name)


_LOCAL_HEADER = b"PK\x03\x04"


def _check_zip_entries(archive: zipfile.ZipFile, data: bytes) -> None:
    """Refuse a zip that readers of two kinds read as two documents. ``zipfile``, Word and LibreOffice find each part
    through the directory at the end; a reader walking the entries as written (Java's ``ZipInputStream``, a phone's
    streaming unzip) takes each local header's own name, method and sizes, one entry after another. A package that
    hides an entry its directory does not list (a ``word/document.xml`` of another agency before the listed one: the
    listed was published) or whose local header says another name, method or size than its directory entry shows
    the two kinds two reports. No office program writes either: every byte before the directory is a listed entry's
    (its header, data, and descriptor), and each header agrees with its entry."""
    import struct

    covered = []
    for member in archive.infolist():
        at = member.header_offset
        if at < 0 or at + 30 > len(data) or data[at:at + 4] != _LOCAL_HEADER:
            continue  # (zipfile refuses it when the part is read)
        flags, method, crc, packed, size, names, extra = struct.unpack_from("<xxxxxxHHxxxxIIIHH", data, at)
        sized = not flags & 8 and 0xFFFFFFFF not in (packed, size)  # (else given after its data, or in a zip64 field)
        said = (data[at + 30:at + 30 + names], method) + ((crc, packed, size) if sized else ())
        listed = (member.orig_filename.encode("utf-8" if member.flag_bits & 0x800 else "cp437"), member.compress_type)
        if said != listed + ((member.CRC, member.compress_size, member.file_size) if sized else ()):
            raise BrokenFile(f".docx 的压缩包中部件 {member.filename[:100]} 的本地头与目录不符（名称、压缩方式或"
                             "大小），不同程序会读到不同的内容")
        covered.append((at, at + 30 + names + extra + member.compress_size))
    start = 0
    for begin, end in [*sorted(covered), (archive.start_dir, archive.start_dir)]:
        if (hidden := data.find(_LOCAL_HEADER, start, begin)) >= 0:
            raise BrokenFile(f".docx 的压缩包中有目录未列出的条目（第 {hidden} 字节起），按条目顺序读取的程序会读到"
                             "另一份内容")
        start = max(start, end)


# a table cell's opening tag, whatever prefix the file gives Word's namespace (<w:tc>, <w:tc w:rsidR=…>, <x:tc>)
_DOCX_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?tc[\s/>]")


def check_xml_parts(archive: zipfile.ZipFile, what: str = ".docx") -> None:
    """Refuse a zipped document (``what``: a .docx, an OFD) whose parts hold more table cells than ``BUDGET.docx_cells``
    or more tags than ``BUDGET.docx_tags`` before any XML is parsed: reading costs about 40 µs a cell, and cells
    compress to almost nothing (a 238 KB file of tables nested in table cells, 30 × 30 × 30 × 30, held 810,000 cells: 31
    CPU s, 1.6 million characters; a 2 MB one would take a worker's whole 120 s); libxml2 and python-docx keep about 250
    bytes an element (25,000,000 empty paragraphs, a 256 KB file, held a worker's 3 GB). Counted in every part's bytes
    (every ``<``: a tag's, a comment's or a CDATA section's — an upper bound), whatever its name: python-docx follows
    the package's relationships to its main part, and one named ``word/body.dat`` escaped a count of
    ``word/document.xml`` alone. Each part is within the unzipped budget already checked.

    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as made:
    ...     made.writestr("word/document.xml", "<w:tbl>" + "<w:tr><w:tc/></w:tr>" * 100_001 + "</w:tbl>")
    >>> check_xml_parts(zipfile.ZipFile(buffer))
    Traceback (most recent call last):
    ...
    xxgk.readers.OverBudget: .docx 有 100001 个表格单元格，超过上限 100000 个
    """
    cells = tags = 0
    for member in archive.infolist():
        part = archive.read(member)
        cells += len(_DOCX_CELL.findall(part))
        tags += part.count(b"<")
        if cells > BUDGET.docx_cells:
            raise OverBudget(f"{what} 有 {cells} 个表格单元格，超过上限 {BUDGET.docx_cells} 个")
        if tags > BUDGET.docx_tags:
            raise OverBudget(f"{what} 的 XML 中有超过 {BUDGET.docx_tags} 个标签（解析后每个元素约占 250 字节内存）")


MAX_DOCX_NESTING = 8  # tables inside table cells deeper than this are read flat


def _docx_first_header(document, out: list[str]) -> None:
    """Append the lines of the header the first page prints (its own first-page header when the section has one),
    once: some agencies set the report's title (某局2023年政府信息公开工作年度报告) in the page header, not the body.
    Before, headers were not read, and such a report had no agency and no year (agency_not_found,
    year_not_found) though its every page printed them. Later pages' headers repeat it and are not read."""
    if not document.sections:
        return
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # (the first section has no previous: python-docx says so when it has none)
        return
    _docx_blocks(header._element, document, out, 1)


def _docx_blocks(parent, document, out: list[str], depth: int = 0) -> None:
    """Append the lines of ``parent``'s paragraphs and tables (body or table cell) to ``out``, in order.

    A row whose cells hold tables (a layout table around the report, as some Word templates have) is
    walked into cell by cell: its inner tables are read row by row (before: a cell's text was only
    its own paragraphs, so the nested tables were lost)."""
    from docx.oxml.ns import qn

    width = None  # the columns the table just before printed, while only what ``continues_a_table`` came after it
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            if depth < MAX_DOCX_NESTING:  # a text box anchored in the paragraph (a cover's title): its lines first
                for box in _docx_text_boxes(child):
                    _docx_blocks(box, document, out, depth + 1)
                    width = None
            out.append(_docx_paragraph_text(child))
            width = width if continues_a_table(out[-1]) else None
        elif tag == "sdt" and depth < MAX_DOCX_NESTING and not _docx_placeholder(child):  # a content control
            # (form templates): its content, unless it shows its placeholder
            for content in child.iterchildren(qn("w:sdtContent")):
                _docx_blocks(content, document, out, depth + 1)
        elif tag == "tbl":
            width = _docx_table(child, document, out, depth, width)
        elif tag == "altChunk":  # a web page imported whole (CMS "export to Word" tools): its text, as a page's
            out.extend(line for line in _docx_alt_chunk(child, document).split("\n") if line.strip())


_ALT_CHUNK_PAGES = ("text/html", "application/xhtml+xml")
_ALT_CHUNK_ARCHIVES = ("message/rfc822", "multipart/related", "application/x-mimearchive")


def _docx_alt_chunk(chunk, document) -> str:
    """The text of a ``w:altChunk``: content Word imports whole from a part of the file where the element stands, as
    web page export tools write a .docx (html-docx-js and the like: a document of one ``w:altChunk`` naming
    ``afchunk.mht``). A web page (HTML, or a single-file web page, MHT, its HTML part) is read as a page is
    (``html_to_text``); plain text as a text file; anything else gives nothing. Before, such content was skipped:
    the whole report read as empty (file_unreadable, 没有文字内容) while Word showed every table. A part over
    ``MAX_BYTES`` is over budget, as a file that size is; each part is read once (a chunk naming a part read
    already adds nothing: a file naming one page thousands of times would be read thousands of times), and all of
    them together within ``BUDGET.chars`` characters."""
    from docx.oxml.ns import qn

    relation = document.part.rels.get(chunk.get(qn("r:id")) or "")
    if relation is None or relation.is_external:
        return ""
    part = relation.target_part
    kind, name = (part.content_type or "").lower(), str(part.partname).lower()
    read = document.__dict__.setdefault("_xxgk_chunks", {"parts": set(), "chars": 0})
    if name in read["parts"]:
        return ""
    read["parts"].add(name)
    blob = part.blob
    if len(blob) > MAX_BYTES:
        raise OverBudget(f".docx 导入的内容（{name}）超过 {MAX_BYTES // 2**20} MB 上限")
    if kind in _ALT_CHUNK_ARCHIVES or name.endswith((".mht", ".mhtml")):
        blob, kind = _mht_page(blob), "text/html"
    text, _ = decode(blob) if blob else (None, None)
    if not text:
        return ""
    if kind in _ALT_CHUNK_PAGES or name.endswith((".htm", ".html", ".xhtml")):
        text = html_to_text(text)
    elif not (kind.startswith("text/") or name.endswith(".txt")):
        return ""
    read["chars"] += len(text)
    if read["chars"] > BUDGET.chars:
        raise OverBudget(f".docx 导入的内容超过 {BUDGET.chars} 个字符")
    return text


# what a web page saved under another name begins with: declarations, comments (a browser's "saved from url"),
# then a tag only a page opens with (a CMS's "export to Word" serves its page as a .doc; a saved page named .txt)
_PAGE_START = re.compile(r"\A(?:\s|\ufeff|<\?xml[^<>]*>|<!--.*?-->|<!doctype[^<>]*>)*<(?:html|head|body|meta|title|"
                         r"link|style|script|base|div|table|center|font|span|p|h[1-6])[\s/>]",
                         re.IGNORECASE | re.DOTALL)


def looks_like_page(text: str) -> bool:
    """Whether a text (not named .html) is a web page: it opens, after an XML declaration, comments and a doctype,
    with a page's tag (``_PAGE_START``; its first 4,000 characters looked at). Before, only a text opening with
    ``<!doctype html`` or ``<html`` was read as a page: a page saved as a .doc whose first line is IE's
    ``<!-- saved from url=… -->``, an ``<?xml?>`` declaration or a ``<meta>`` was read as text, its tags among its
    words, and table 三 lost its rows (``row_extra_cells``, ``row_lost_cells``).

    >>> looks_like_page("<!-- saved from url=(0042)http://x.gov.cn/ -->\\n<head><title>报告")
    True
    >>> looks_like_page("<?xml version='1.0'?><meta charset=gbk>"), looks_like_page("一、总体情况")
    (True, False)
    >>> looks_like_page("<某某局> 报告"), looks_like_page("<pre")
    (False, False)
    """
    return _PAGE_START.match(text[:4000]) is not None


_MIME_HEAD = re.compile(rb"\A\s*(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?MIME-Version:", re.IGNORECASE)


def page_at_start(data: bytes, suffix: str) -> bool:
    """Whether a text file is a web page by what shows before it is decoded whole: its name (``.html``, ``.htm``, a
    single-file page's ``.mht``, ``.mhtml``), a single-file page's MIME head, or a page's opening markup in its first KB
    (``looks_like_page``: tags are ASCII in every encoding read here; UTF-16 is read as such). ``read_bytes`` tells a
    page from a text after decoding; a budget that stops a page before that (a text over ``BUDGET.chars``, 501
    attributes on a tag, nesting too deep) published it as ``text`` (``reports.file_type``) until session 47.

    >>> page_at_start(b"<!-- saved -->\\n<HTML><head>", ".txt"), page_at_start("<html>报告".encode("utf-16"), ".doc")
    (True, True)
    >>> page_at_start("一、总体情况 <p>".encode("gbk"), ".txt"), page_at_start(b"x", ".htm")
    (False, True)
    """
    if suffix in (".html", ".htm", ".mht", ".mhtml"):
        return True
    head = data[:1024]
    if _MIME_HEAD.match(head) and b"multipart/related" in head.lower():
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        odd_nuls, even_nuls = head[1::2].count(0), head[0::2].count(0)
        if head.startswith(codecs.BOM_UTF16_LE) or (odd_nuls > even_nuls and not head.startswith(codecs.BOM_UTF16_BE)):
            text = head.decode("utf-16-le", "replace")
        else:
            text = head.decode("utf-16-be", "replace")
        text = text.lstrip("\ufeff")
    else:
        text = head.decode("latin-1")
    return text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")) or (
        suffix != ".md" and looks_like_page(text))


def _web_archive(data: bytes, suffix: str) -> bytes | None:
    """The HTML of a single-file web page (MHT: Word's and browsers' 单个文件网页, a MIME ``multipart/related`` named
    .mht or .mhtml, or whose first lines are MIME headers naming it), ``_mht_page``; None for any other file.
    Before, such a report was read as its MIME text (quoted-printable codes, ``=E6=9F=90``): no report text was
    found (report_text_absent).

    >>> _web_archive(b"MIME-Version: 1.0\\nContent-Type: text/plain\\n\\nhi", ".txt") is None
    True
    """
    head = data[:2048]
    if suffix not in (".mht", ".mhtml") and not (_MIME_HEAD.match(head) and b"multipart/related" in head.lower()):
        return None
    return _mht_page(data)


def _mht_page(data: bytes) -> bytes:
    """The HTML part of a single-file web page (MHT, MIME ``multipart/related``), its transfer encoding undone
    (quoted-printable, base64) and its text in UTF-8 when the part names a character set a browser decodes it in
    (``browser_decoder``); ``b""`` when it has none. A character set no browser knows is no character set: its bytes
    are read as a page's are (before, Python's codec of that name ran: ``unicode_escape`` read ``\\u0035`` as 5,
    a digit the page does not show)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in _ALT_CHUNK_PAGES:
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and (decoder := browser_decoder(charset)) is not None:
                try:
                    return decoder.decode(payload, "strict")[0].encode("utf-8")
                except UnicodeError:  # (its bytes are read as a page's are)
                    pass
            return payload
    return b""


def _docx_table(table, document, out: list[str], depth: int, continues: int | None = None) -> int | None:
    """Append a table's rows to ``out``, one line each, cells apart by tabs (a merged cell once); return the columns
    of values it prints (``empty_columns.printed_values``; None for a layout table). ``continues``: those of the
    table it continues, if it does (``empty_columns``).

    Read from the XML, not python-docx's grid, which raises on a vertical merge whose row above has no
    cell at that column (irregular tables, rows inside content controls: the whole file was unreadable):
    rows and cells inside content controls are read; a cell merged down repeats the text of the cell it
    continues, except a number, which belongs to none of the rows it covers alone: it is printed with
    ``MERGED_DOWN`` in its first row and as ``MERGED_UP`` in the others (each of them missing, with a finding;
    before, the first row had the number, the others a blank). A number merged across grid columns may be marked
    with its width (``mark_spans``)."""
    from docx.oxml.ns import qn

    rows: list[list[str]] = []  # the table's rows so far (a merged number's first row is marked when continued)
    # each grid column's (text, row, cell) in the row above: what a vertical merge continues
    above: dict[int, tuple[str, int, int]] = {}
    # (columns holding nothing)
    spacers, printed = _docx_spacers(table, continues) if depth < MAX_DOCX_NESTING else (frozenset(), None)
    labels: list[tuple[int, int, bool]] = []  # rows whose label is merged down: (row, its label's cell, begins it)
    trs = list(_docx_wrapped(table, qn("w:tr")))
    laid_out = False  # (a row of it a layout row: the table's width is no table's)
    widths = [_docx_row_width(tr) for tr in trs]
    overhangs = past_the_others(widths)  # (``heading_overhang``)
    for tr, overhang in zip(trs, overhangs, strict=True):
        tcs = _docx_h_merged(list(_docx_wrapped(tr, qn("w:tc"))))
        grids = None  # a row whose cells are split by small tables is a row (``nested_rows``), else a layout row
        if depth < MAX_DOCX_NESTING and tr.find(".//" + qn("w:tbl")) is not None and (
                grids := _docx_split_cells(tcs, document, depth)) is None:
            out.extend("\t".join(row) for row in labels_alone(rows, labels))
            rows, labels, laid_out = [], [], True
            for tc, _ in tcs:
                _docx_blocks(tc, document, out, depth + 1)
            above = {}
            continue
        cells, here, spanned, placed = [], {}, [], []
        label_at = None  # the row's last label cell beginning a vertical merge, its group labels' before it
        label_on = None  # the last cell of the row's labels when it continues a vertical merge (a label above)
        column = _docx_int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
        for tc, span in tcs:
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            origin = (len(rows), len(cells))
            if grids and tc in grids:  # (its table's cells go in its place; a merge down from it continues blank)
                placed.append((len(cells), grids[tc]))
                here.update(dict.fromkeys(range(column, column + span), ("", *origin)))
                column += span
                continue
            if column in spacers:  # (a spacer column is no column: its cell is not printed, the report's it covers are)
                here.update(dict.fromkeys(range(column, column + span), ("", *origin)))
                cells += [""] * (span - sum(1 for at in range(column, column + span) if at in spacers))
                column += span
                continue
            width = span - sum(1 for at in range(column, column + span) if at in spacers) if spacers else span
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                kept, row, cell = above.get(column, ("", -1, -1))
                origin = (row, cell)
                if overhang and row >= 0 and read_cell(kept)[1] == "unreadable" and not any(
                        read_cell(text)[1] is None for text in rows[row]):
                    overhang -= 1  # (a heading merged down past its rows: ``heading_overhang``, not printed)
                    here.update(dict.fromkeys(range(column, column + span), (kept, *origin)))
                    column += span
                    continue
                text = kept
                if read_cell(kept)[1] == "unreadable" and all(read_cell(c)[1] == "unreadable" for c in cells):
                    label_on = len(cells)
                if kept and read_cell(kept)[1] is None:  # a number merged down
                    text = MERGED_UP if column else ""  # (in the first column: a 序号, the first row's)
                    if column and not rows[row][cell].endswith(MERGED_DOWN):
                        rows[row][cell] += MERGED_DOWN
            else:
                kept = text = _cell_line(_docx_cell_text(tc))
                if (merge is not None and read_cell(text)[1] == "unreadable"
                        and all(read_cell(c)[1] == "unreadable" for c in cells)):
                    label_at = len(cells)  # (the last: a group label merged down over it is the rows' group's)
            cells.append(text)
            if width > 1 and merge is None and read_cell(text)[1] == "blank":
                cells += [""] * (width - 1)  # 无 (or blank) across five value columns: each of them is missing
            elif width > 1 and merge is None and column:
                spanned.append((len(cells) - 1, width))
            for offset in range(column, column + span):
                here[offset] = (kept, *origin)
            column += span
        above = here
        # grid columns the row has no cell in after its last (w:gridAfter: a row of WPS's jagged tables ends short of
        # the 总计 column) are blank cells, as its other blank cells: before, the row printed one value fewer than its
        # table's columns and was lost whole (row_lost_cells) though its other values stand in their columns
        if tcs:  # (a row of no cell adds none: the blanks stay within the cell budget's reach, as a span's do)
            cells += [""] * _docx_span(tr.find(f"{qn('w:trPr')}/{qn('w:gridAfter')}"), 0)
        cells = beside_blank(cells)
        if label_at is not None and not placed:
            labels.append((len(rows), label_at, True))  # (its label merges down: ``label_above_its_numbers``)
        elif label_on is not None and not placed:
            labels.append((len(rows), label_on, False))  # (its label continues one from above)
        rows.extend(expand(mark_spans(cells, spanned), placed) if placed else [mark_spans(cells, spanned)])
    out.extend("\t".join(row) for row in labels_alone(rows, labels))
    return None if laid_out else printed


def _docx_row_width(tr) -> int:
    """The grid columns a Word table row (``w:tr``) covers: its cells' spans, and those before and after them."""
    from docx.oxml.ns import qn

    properties = tr.find(qn("w:trPr"))
    return (sum(span for _, span in _docx_h_merged(list(_docx_wrapped(tr, qn("w:tc"))))) + (0 if properties is None
            else _docx_int(properties.find(qn("w:gridBefore")), 0) + _docx_span(properties.find(qn("w:gridAfter")), 0)))


def labels_alone(rows: list[list[str]], labels: list[tuple[int, int, bool]]) -> list[list[str]]:
    """``rows`` of a Word table with each row label merged down over two or more rows read as one row (``labels``:
    ``(row, the cell of its label, whether the label begins the merge there or continues one)``). Word prints a
    merged text in each row it covers, so the label stood beside blank cells in one row and beside its numbers in
    another — a row printed twice, once blank (``row_conflict``: every value missing), or its numbers read under a
    blank row (session 52's sweep: 3,673 cells in 538 of 838 Word files). A row whose label is above its numbers
    (``label_above_its_numbers``) is printed as its labels alone, the row below as it is; a row continuing the label
    of the row above, blank where the row above prints a number, is not printed (it holds nothing)."""
    kept: list[list[str]] = []
    marks = {at: (label, begins) for at, label, begins in labels}
    for at, row in enumerate(rows):
        label, begins = marks.get(at, (None, False))
        # (the row holding the numbers: the next one for a label that begins the merge, else the one kept above)
        numbered = rows[at + 1] if begins and at + 1 < len(rows) else kept[-1] if label is not None and kept else None
        if numbered is not None and numbered[:label + 1] == row[:label + 1] and label_above_its_numbers(
                row[label:], numbered[label + 1:]):
            if not begins:
                continue  # (the label's row above prints its numbers: this one holds nothing)
            row = row[:label + 1]
        kept.append(row)
    return kept


def _docx_spacers(table, continues: int | None = None) -> tuple[frozenset[int], int | None]:
    """The grid columns of a Word table that hold nothing (``empty_columns``; ``continues``: the columns of values of
    the table it continues, if it does), and the columns of values it prints (``printed_values``): looked for in a
    table holding no table, of at most ``MAX_SPACER_CELLS`` cells (else none, and no columns said); a cell
    continuing a vertical merge holds what the cell it continues holds."""
    from docx.oxml.ns import qn

    if table.find(".//" + qn("w:tbl")) is not None:
        return frozenset(), None
    rows: list[list[tuple[int, str]]] = []
    above: dict[int, str] = {}  # each grid column's text in the row above
    count = 0
    for tr in _docx_wrapped(table, qn("w:tr")):
        row, column = [], _docx_int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
        here: dict[int, str] = {}
        for tc, span in _docx_h_merged(list(_docx_wrapped(tr, qn("w:tc")))):
            count += 1
            if count > MAX_SPACER_CELLS:
                return frozenset(), None
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            text = above.get(column, "") if continued else _docx_cell_text(tc)
            row.append((column, text))
            here.update(dict.fromkeys(range(column, column + span), text))
            column += span
        rows.append(row)
        above = here
    spacers = empty_columns(rows, continues)
    return spacers, printed_values(rows, spacers)


def _docx_split_cells(tcs: list[tuple], document, depth: int) -> dict | None:
    """``{cell: its table's rows of cell texts}`` for a row's cells (``w:tc``, with their spans) that hold a table,
    when the row is read as the row it shows (``nested_rows``): each such cell holds one table, with no table
    inside, and besides it only empty paragraphs (Word ends every cell with one), and the row ``fits``; else None
    (a layout table's row, walked cell by cell)."""
    from docx.oxml.ns import qn

    grids, texts = {}, []
    paragraph, table, properties = qn("w:p"), qn("w:tbl"), qn("w:tcPr")
    for tc, _ in tcs:
        inner = [child for child in tc.iterchildren() if child.tag == table]
        if not inner and tc.find(".//" + table) is None:
            texts.append(_docx_cell_text(tc))
            continue
        if len(inner) != 1 or inner[0].find(".//" + table) is not None or any(
                child.tag not in (paragraph, table, properties) or (child.tag == paragraph and _docx_paragraph_text(
                    child).strip(" \t\u3000\xa0")) for child in tc.iterchildren()):
            return None
        if len(inner[0].findall(qn("w:tr"))) > MAX_SUB_ROWS:
            return None
        lines: list[str] = []
        _docx_table(inner[0], document, lines, depth + 1)
        grids[tc] = [line.split("\t") for line in lines]
    return grids if fits(texts, list(grids.values())) else None


MAX_DOCX_SPAN = 64  # grid columns one cell may cover (a report's widest table, 四, has 16)


def _docx_span(element, default: int) -> int:
    """A ``w:val`` counting grid columns (``w:gridSpan``, ``w:gridAfter``), within 0 to ``MAX_DOCX_SPAN``."""
    return max(0, min(_docx_int(element, default), MAX_DOCX_SPAN))


def _docx_h_merged(tcs: list) -> list[tuple]:
    """A row's cells (``w:tc``), each with the grid columns it covers: its ``w:gridSpan``, and a cell that starts a
    horizontal merge written the old way (``w:hMerge w:val="restart"``, then one ``w:hMerge`` cell for each column
    it continues into, as WPS and Word 97 documents have) as one cell over all of them, as Word shows it. Before,
    the continuing cells were read as blank cells of their own: ``0`` merged over table 三's five 法人或其他组织
    columns was published as 商业企业's 0 and four blanks."""
    from docx.oxml.ns import qn

    out: list[list] = []
    for tc in tcs:
        span = max(1, _docx_span(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"), 1))
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:hMerge')}")
        if merge is not None and merge.get(qn("w:val"), "continue") == "continue" and out:
            out[-1][1] = min(out[-1][1] + span, MAX_DOCX_SPAN)
        else:
            out.append([tc, span])
    return [(tc, span) for tc, span in out]


def _cell_line(text: str) -> str:
    """A Word or web page table cell's text on one line: its lines joined with a space, except numbers each on a line
    of their own (paragraphs or line breaks: Word and browsers never wrap a number that way), which are two numbers in
    one cell, joined with ``STACKED`` (no number: unreadable). Before, ``10`` above ``200`` was joined with a space,
    read as a thousands separator, and 10200 was published.

    >>> _cell_line("10\\n200"), _cell_line("（一）予以\\n公开"), _cell_line("6\\n件")
    ('10｜200', '（一）予以 公开', '6 件')
    """
    lines = numeric_lines(text)
    return STACKED.join(lines) if lines else " ".join(text.split())


# numbers apart by spaces that ``values.read_cell`` reads as one number grouped by thousands (``beside_blank``)
_SPACE_GROUPED = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")


def beside_blank(cells: list[str]) -> list[str]:
    """A Word or web table row's cells (``_cell_line``'s), each holding numbers apart by spaces that read as one
    number grouped by thousands (``368 333``) next to a blank cell written with its numbers apart by ``STACKED``:
    two cells' numbers, their border lost and one of them blank, as much as one number — the row's width fits both
    readings, and which is meant is not known (unreadable, said). Beside cells that are all filled the second reading
    makes the row a cell too many: read as one number, as before. Before, 368333 was published for 368 and 333
    (session 52's sweep). The first cell (the row's label) is no neighbour.

    >>> beside_blank(["（一）予以公开", "368 333", "", "1"]), beside_blank(["（一）予以公开", "10 200", "1"])
    (['（一）予以公开', '368｜333', '', '1'], ['（一）予以公开', '10 200', '1'])
    """
    out = list(cells)
    for at, text in enumerate(cells):
        if at and _SPACE_GROUPED.fullmatch(text) and (
                (at + 1 < len(cells) and not cells[at + 1].strip()) or (at > 1 and not cells[at - 1].strip())):
            out[at] = STACKED.join(text.split())
    return out


def _docx_text_boxes(paragraph) -> list:
    """The text boxes (``w:txbxContent``) anchored in a paragraph, each once: Word stores a box twice, as a shape
    (``mc:Choice``) and as its VML fallback (``mc:Fallback``), which is skipped, and a box inside another box is
    that box's (read with it). Before, text boxes were skipped whole: a cover's title in one lost the report its
    year and agency (``year_not_found``)."""
    from docx.oxml.ns import qn

    box_tag, fallback = qn("w:txbxContent"), f"{{{_MARKUP_COMPATIBILITY}}}Fallback"
    boxes = []
    for box in paragraph.iter(box_tag):
        node = box.getparent()
        while node is not None and node is not paragraph and node.tag not in (box_tag, fallback):
            node = node.getparent()
        if node is paragraph:
            boxes.append(box)
    return boxes


_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _docx_wrapped(parent, tag: str, depth: int = 0):
    """``parent``'s children of ``tag``, those inside content controls (``w:sdt``) and custom XML too."""
    from docx.oxml.ns import qn

    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")) and depth < MAX_DOCX_NESTING:
            for inner in (child.iterchildren(qn("w:sdtContent")) if child.tag == qn("w:sdt") else (child,)):
                yield from _docx_wrapped(inner, tag, depth + 1)


def _docx_int(element, default: int) -> int:
    from docx.oxml.ns import qn

    return word_int(element.get(qn("w:val")) if element is not None else None, default)


def _docx_cell_text(tc) -> str:
    """A Word table cell's (``w:tc``) text: its paragraphs (those of content controls too), one line each, and
    those of the tables nested in it, flat, in document order: a cell reaches here holding a table only past
    ``MAX_DOCX_NESTING``, where tables are read flat (before, their text was lost, and nothing said so: the word
    in the innermost cell of a table 12 deep was in no output)."""
    from docx.oxml.ns import qn

    paragraphs = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs.append(child)
        elif child.tag == qn("w:sdt") and not _docx_placeholder(child):
            paragraphs += [p for c in child.iterchildren(qn("w:sdtContent")) for p in c.iterchildren(qn("w:p"))]
        elif child.tag == qn("w:tbl"):
            paragraphs += child.iter(qn("w:p"))  # (iterative: no recursion however deep; cells within budget)
    return "\n".join(_docx_paragraph_text(p) for p in paragraphs)


@cache
def _docx_tags() -> tuple[dict[str, str], frozenset[str]]:
    """``({tag: text it stands for}, tags whose content is not the paragraph's text)``."""
    from docx.oxml.ns import qn

    shown = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
    hidden = frozenset(qn(t) for t in ("w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:drawing", "w:pict",
                                        "w:object", "w:footnoteReference", "w:endnoteReference"))
    return shown, hidden


def _docx_paragraph_text(paragraph) -> str:
    """The text of a ``w:p`` as Word shows it with its changes accepted: runs inside tracked insertions
    (``w:ins``, ``w:moveTo``), smart tags, inline content controls, fields and hyperlinks included, and
    deletions (``w:del``, ``w:moveFrom``) left out. python-docx reads only the runs directly in the
    paragraph: a cell whose 6 was typed with track changes on read as blank, and a 80 whose 0 was as 8.
    A digit in a superscript or subscript run is kept as a mark (``3`` + superscript ``1`` is 3 with a
    footnote, ``3¹``, not 31), as in ``_cell_text``; a symbol (``w:sym``) is the character it shows
    (``_docx_symbol``). Text boxes (read apart, ``_docx_text_boxes``) and drawings are not the paragraph's, nor
    hidden runs (``w:vanish``: a template's hidden placeholder 0 in a cell Word shows blank), nor a content control
    showing its placeholder (``_docx_placeholder``)."""
    from docx.oxml.ns import qn

    shown, hidden = _docx_tags()
    text_tag, run_tag, align_path = qn("w:t"), qn("w:r"), qn("w:rPr") + "/" + qn("w:vertAlign")
    vanish_path, sdt_tag, sym_tag = qn("w:rPr") + "/" + qn("w:vanish"), qn("w:sdt"), qn("w:sym")
    alternative_tag = f"{{{_MARKUP_COMPATIBILITY}}}AlternateContent"
    parts: list[str] = []
    stack: list = [(child, None) for child in reversed(paragraph)]
    while stack:
        node, marks = stack.pop()
        tag = node.tag
        if tag == text_tag or tag == sym_tag:
            text = (node.text or "") if tag == text_tag else _docx_symbol(node.get(qn("w:char")))
            parts.append(text.translate(marks) if marks else text)
        elif tag in shown:  # (a page or column break is no line of text, as python-docx reads it)
            parts.append("" if node.get(qn("w:type"), "textWrapping") != "textWrapping" else shown[tag])
        elif tag not in hidden and isinstance(tag, str):
            if tag == run_tag:
                if _docx_hidden(node.find(vanish_path)):
                    continue
                align = node.find(align_path)
                position = align.get(qn("w:val")) if align is not None else ""
                if position in ("superscript", "subscript"):
                    marks = _MARKS["sup" if position == "superscript" else "sub"]
            elif tag == sdt_tag and _docx_placeholder(node):
                continue
            elif tag == alternative_tag:  # one of its versions, never both (``_docx_alternative``)
                node = _docx_alternative(node)
                if node is None:
                    continue
            stack.extend((child, marks) for child in reversed(node))
    return "".join(parts)


def _docx_alternative(content):
    """The version of an ``mc:AlternateContent`` whose runs are the paragraph's text: its ``mc:Fallback`` (what every
    reader of the file may show; a text box's is VML, ``w:pict``, not read here: ``_docx_text_boxes`` reads the box
    once, from the ``mc:Choice``), else its first ``mc:Choice`` (what Word shows), else None. Before, the whole
    element was skipped: a 6 whose run Word wrote inside one (``mc:Choice Requires="w14"``) was published blank.

    >>> import lxml.etree
    >>> node = lxml.etree.fromstring(f'<a:AlternateContent xmlns:a="{_MARKUP_COMPATIBILITY}"><a:Choice Requires="w14">'
    ...                              f'<r>6</r></a:Choice><a:Fallback><r>6</r></a:Fallback></a:AlternateContent>')
    >>> _docx_alternative(node).tag.endswith("Fallback"), _docx_alternative(node[0]) is None
    (True, True)
    """
    fallback = content.find(f"{{{_MARKUP_COMPATIBILITY}}}Fallback")
    return fallback if fallback is not None else content.find(f"{{{_MARKUP_COMPATIBILITY}}}Choice")


def _docx_symbol(code: str | None) -> str:
    """The character a ``w:sym`` (Insert > Symbol) shows: its ``w:char``, hexadecimal. A symbol font's character
    (Symbol, Wingdings: F020–F0FF, the private use area) stays that code point, which is no text (a cell holding one
    is unreadable); a malformed code is U+FFFD. Before, symbols were dropped: a 7 inserted as a symbol in 1075 left
    105, which was published.

    >>> _docx_symbol("0037"), _docx_symbol("F037"), _docx_symbol("zz")
    ('7', '\uf037', '\ufffd')
    """
    value = (code or "").strip()
    if not (value.isascii() and len(value) <= 6) or not value or any(c not in "0123456789abcdefABCDEF" for c in value):
        return "\ufffd"
    number = int(value, 16)
    return chr(number) if number < 0x110000 and not 0xD800 <= number < 0xE000 else "\ufffd"


def _docx_placeholder(sdt) -> bool:
    """Whether a content control (``w:sdt``) shows its placeholder (``w:showingPlcHdr``): the form's prompt
    (单击或点击此处输入文字。) in a cell nobody filled, which is blank — read as text, it cost the whole row its
    numbers and said the row was absent. A control flagged so that holds a digit is read: programs that fill a
    template's controls may leave the flag set while Word shows the number they wrote."""
    from docx.oxml.ns import qn

    flag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}")
    if flag is None or flag.get(qn("w:val"), "true").lower() in ("false", "0", "off"):
        return False
    return not any(ch.isdigit() for node in sdt.iter(qn("w:t")) for ch in (node.text or ""))


def _docx_hidden(vanish) -> bool:
    """Whether a run's ``w:vanish`` (None when it has none) hides it: present and not switched off."""
    from docx.oxml.ns import qn

    return vanish is not None and vanish.get(qn("w:val"), "true").lower() not in ("false", "0", "off")


def _quiet_pdf_libraries() -> None:
    """pdfminer logs what it thinks of a PDF's fonts and objects (``Could not get FontBBox…``) through ``logging``;
    with no handler configured Python prints its warnings on stderr, in the middle of a build. What matters of a
    PDF becomes findings (no text layer, over budget, unreadable); the libraries' own notes are dropped."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


# points apart (across and down) within which the same character of the same font and size drawn twice is one: a
# simulated bold's second stroke (0.2 to 0.5 points off in exporters' output); the next character of a line stands a
# character's width away (a digit at 6 points: 3 points)
OVERPRINT = 1.0
# pdfminer's text for a glyph its font maps to no character (no ToUnicode table, an unknown CMap): "(cid:18)"
_CID = re.compile(r"\(cid:\d+\)")
UNMAPPED_GLYPH = "\ufffd"  # what such a glyph is read as: no character, never its glyph number's digits


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF; ruled tables as tab-separated rows, in reading order; a short row of a table drawn
    without rules as its cells under the columns its numbers stand in (``pdf_cells``). A glyph whose font maps it
    to no character (pdfminer's ``(cid:18)``: digits embedded in a font without a ToUnicode table) is
    ``UNMAPPED_GLYPH``: before, the digits of its glyph number were read, and a cell showing 1075 was published as 18.

    >>> _CID.sub(UNMAPPED_GLYPH, "行政许可 (cid:18)(cid:17)")
    '行政许可 \ufffd\ufffd'
    """
    import pdfplumber

    from . import cmaps, pdf_drawn, pdf_glyphs, pdf_operators, pdf_outlines, pdf_shown, pdf_tokens, psstrings, rc4

    _quiet_pdf_libraries()
    rc4.install()  # (RC4 in time linear in the data: the library's is quadratic, 1 MB 49 CPU s)
    psstrings.install()  # (strings and names too: 400,000 nested parentheses took 7.7 CPU s, 1,600,000 two minutes)
    cmaps.install()  # (the fonts' code maps bounded: one range <00000000> <FFFFFFFF> was four billion entries)
    cmaps.start_file()
    pdf_drawn.install()  # (what a page draws bounded as it is drawn: 200,000 inline images were laid out, 575 MB)
    pdf_operators.install()  # (and what it does: q Q × 10,000,000, a few KB of Flate, took the worker's 120 s)
    pdf_operators.start_file()
    pdf_tokens.install()  # (and what its objects hold: /Widths of 1,000,000 zeros in 2.6 KB of Flate took 5 s, 100 MB)
    pdf_tokens.start_file()
    pdf_glyphs.install()  # (and the glyphs it lays out: one string of 400,000 letters, 1.2 KB, took 16 s and 906 MB)
    pdf_glyphs.start_file()
    pdf_shown.install()  # (a digit whose ToUnicode map says another digit than the glyph drawn: no digit read)
    pdf_shown.start_file()
    pdf_streams.install()  # (and what its streams decode to: a font of 1.5 GB of zeros, 1.6 MB of Flate, held 2.9 GB)
    pdf_streams.start_file()
    _check_page_lists(data)
    pages: list[tuple[list, list[Ruled]]] = []  # each page's text lines outside its ruled tables, and the tables
    chars = 0
    pdf = pdfplumber.open(io.BytesIO(data))
    _check_cross_references(pdf.doc)  # (before ``with``: pdfplumber's close walks the pages, the walk refused)
    pdf_outlines.start_file(pdf.doc)  # (glyphs of one outline the maps give two digits: no digit read, pdf_shown)
    with pdf:
        if len(pdf.pages) > BUDGET.pdf_pages:
            raise OverBudget(f"PDF 有 {len(pdf.pages)} 页，超过上限 {BUDGET.pdf_pages} 页")
        for number, page in enumerate(pdf.pages, start=1):
            chars += len(page.chars)
            if chars > BUDGET.chars:
                raise OverBudget(f"PDF 文字超过 {BUDGET.chars} 个字符")
            _check_drawing(page, number)
            turned = upright(pdf, page)  # (a landscape page drawn turned on a portrait one: read it turned back)
            was_turned, page = turned is not page, turned
            # an old number under a white box painted over it (a correction) is not the number the page shows
            page = covered_removed(page)
            if was_turned:
                page = page_numbers_across_removed(page)  # (stamped upright on the page before it was turned)
            # a character drawn again over itself is one character: exporters make bold of a font that has none (仿宋,
            # 小标宋) by drawing each glyph twice a fraction of a point apart, and a bold total 7 was read 77
            page = overprints_removed(page, OVERPRINT)  # (the library's dedupe_chars is quadratic: pdf_overprint)
            level(page.chars)  # (a line printed in two fonts is one line: each character on its baseline)
            tables = find_tables(page)  # (each from its own rules: another table's do not move its borders)
            boxes = [t.bbox for t in tables]
            # text inside a table's outline but in none of its cells (rows told apart by shading alone: the finder
            # made a table of the shaded rows) is read as lines, the table's rows written among them (``pdf_orphans``)
            loose, holding = orphans(page.chars, tables)

            def outside(obj, boxes=boxes, loose=loose) -> bool:
                return id(obj) in loose or not any(
                    b[0] <= obj.get("x0", 0) <= b[2] and b[1] <= obj.get("top", 0) <= b[3] for b in boxes)

            ruled = [Ruled(table.bbox[1], table_rows(table),
                           [[(c[0], c[2]) if c else None for c in row.cells] for row in table.rows],
                           [row.bbox[1] for row in table.rows] if k in holding else None)
                     for k, table in enumerate(tables)]
            # a number run over its cell's border is in no cell alone: each cell holding part of it is the number as
            # printed, its parts apart, missing (``pdf_overflow``); before, the part in the cell was its number
            for (k, r, c), (part, printed) in split_numbers(page.chars, tables).items():
                ruled[k].rows[r][c] = overflow_written(ruled[k].rows[r][c], part, printed)
            lines = [(line["top"], line["text"], line_words(line))
                     for line in page.filter(outside).extract_text_lines()]
            pages.append((lines, ruled))
    join_broken_rows([([(top, text) for top, text, _ in lines], ruled) for lines, ruled in pages])
    texts = iter(mark_blank_cells([(text, found) for lines, _ in pages for _, text, found in lines]))
    out = []
    for lines, ruled in pages:
        blocks = [(top, next(texts)) for top, _, _ in lines] + [
            (table.top, "\n".join("\t".join(row) for row in table.rows)) for table in ruled if table.tops is None] + [
            (top, "\t".join(row)) for table in ruled if table.tops is not None
            for top, row in zip(table.tops, table.rows, strict=True)]
        out.extend(text for _, text in sorted(blocks, key=lambda b: b[0]))
    return pdf_shown.settled(_CID.sub(UNMAPPED_GLYPH, "\n".join(out)))


# entries a cross-reference stream may claim beyond those its data holds, in a file whose page tree gives no page
XREF_PHANTOMS = 100_000


def _check_cross_references(document) -> None:
    """Refuse a PDF whose page tree gives no page while a cross-reference stream claims (``/Size``, ``/Index``) more
    than ``XREF_PHANTOMS`` objects beyond the entries its data holds: with no page in its tree the library looks up
    every object the cross-references name to find pages ("fallback when /Pages is missing"), an entry past the
    data reading as one in use, and a 667-byte file claiming 1,000,000 objects (its catalog's /Pages misspelled)
    took 37 CPU s, 10,000,000 the worker's 120 s. An honest file claims what it holds; one claiming more but whose
    page tree gives its pages is read as before (neither the library nor ``pdf_outlines._held_objids`` looks the
    rest up)."""
    from pdfminer.pdfdocument import PDFXRefStream

    for xref in document.xrefs:
        if not isinstance(xref, PDFXRefStream) or not xref.entlen or xref.data is None:
            continue
        claimed = sum(count for _, count in xref.ranges if isinstance(count, int))
        held = len(xref.data) // xref.entlen
        if claimed - held > XREF_PHANTOMS and not _has_page(document):
            raise OverBudget(f"PDF 没有可用的页面树，而交叉引用流声称有 {claimed} 个对象（只写了 {held} 个），"
                             f"逐个查找超过上限 {XREF_PHANTOMS} 个")


def _has_page(document) -> bool:
    """Whether the catalog's page tree reaches a page (``/Type /Page``), walked as the library walks it, each node
    once and no more nodes than a file may have pages (the lists were counted before: ``_check_page_lists``)."""
    from pdfminer.pdftypes import resolve1

    pending, seen = [document.catalog.get("Pages")], set()
    while pending and len(seen) <= PAGE_LISTS_WRITTEN * BUDGET.pdf_pages:
        reference = pending.pop()
        key = getattr(reference, "objid", None) or id(reference)
        if key in seen:
            continue
        seen.add(key)
        try:
            node = resolve1(reference)
        except Exception:  # noqa: BLE001 (a node the library cannot read gives no page)
            continue
        if not isinstance(node, dict):
            continue
        kind = getattr(node.get("Type") or node.get("type"), "name", None)
        if kind == "Page":
            return True
        if kind == "Pages" and isinstance(kids := resolve1(node.get("Kids")), list):
            pending.extend(kids)
    return False


# a page list as the file's bytes print it (a /Kids array) and a page reference in it (12 0 R); an array ends at its
# bracket, never scanned past another opening one (arrays of kids do not nest). A reference starts where a number
# does, each run taken whole: from each digit of a long run, the run's rest was taken and given back a digit at a
# time (a list of 32,000 digits took 4.7 CPU s, of 1,000,000 hours: hostile round of session 40)
_PAGE_LIST = re.compile(rb"/Kids\s*\[([^\[\]]*)")
_PAGE_REFERENCE = re.compile(rb"(?<![0-9])[0-9]++\s++[0-9]++\s++R(?![A-Za-z])")
# a page list given by reference (/Kids 12 0 R), and an array written as an object of its own (12 0 obj [...]), or
# as the object at an offset of an object stream
_PAGE_LIST_REFERENCE = re.compile(rb"/Kids\s*(\d+)\s+\d+\s+R(?![A-Za-z])")
_ARRAY_OBJECT = re.compile(rb"(?<![0-9])(\d+)\s+\d+\s+obj\s*\[([^\[\]]*)")
_ARRAY_AT = re.compile(rb"\s*\[([^\[\]]*)")
# every object as the bytes write it (12 0 obj), with the object it names when it is nothing but a reference
# (12 0 obj 13 0 R endobj), and such an object in an object stream (what lies between its offset and the next one's)
_OBJECT_WRITTEN = re.compile(rb"(?<![0-9])(\d+)\s+\d+\s+obj(?:\s*(\d+)\s+\d+\s+R\s*endobj)?")
_REFERENCE_ONLY = re.compile(rb"\s*(\d+)\s+\d+\s+R\s*")
_FIRST, _OBJECTS = re.compile(rb"/First\s+(\d+)"), re.compile(rb"/N\s+(\d+)")
# an object stream's type, and within the few hundred bytes its dictionary takes (/Length, /N, /First, /Filter,
# /DecodeParms) the object's start before it and its data's start after it; the filters the dictionary names
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
_DICTIONARY_REACH = 600
_OBJECT_START = re.compile(rb"\bobj\b")
_STREAM_START = re.compile(rb"\bstream\r?\n")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTER_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_OBJECT_NUMBER = re.compile(rb"(\d+)\s+(\d+)\s+$")  # the number and generation before an object's "obj"
OBJECT_STREAMS_INFLATED = 64 * 2**20  # all of a PDF's object streams, inflated (a real report's: a few hundred KB)


def _check_page_lists(data: bytes) -> None:
    """Refuse a PDF one of whose page lists names more pages than a file may have (``BUDGET.pdf_pages``) before the
    PDF library parses it: a 1.8 MB file listing one page 300,000 times has one page, so the page count never
    refused it, yet the library parsed the list in pure Python each time it walked the page tree (56 s of a
    worker's 120 s under load; a 20 MB one would take them all). Counted in the bytes, at the cost of one regular
    expression pass, and in the compressed object streams (PDF 1.5), where the list of a 27 KB file named one
    page 3,000,000 times (47 s; the bytes showed no /Kids): each is decoded (``_object_stream``), all of them
    together up to ``OBJECT_STREAMS_INFLATED`` (the library would decode them whole), past which the file is refused.
    A list may also be an array object of its own that /Kids names (``/Kids 6 0 R``, a 1.8 MB file naming one page
    300,000 times so: 5 CPU s, the count looking for ``/Kids [`` only): the arrays longer than the budget are
    noted by object number, in the bytes and in the object streams, and refused when a /Kids names one.
    All the lists together are held to ``PAGE_LISTS_SHARE`` times the budget, each object counted at its longest
    definition (the library reads one definition of a number: an incremental update writing the page tree again
    replaces it), and all their definitions as written to ``PAGE_LISTS_WRITTEN`` times (the object numbers the
    bytes seem to show can be forged, so that many lists appear to be one object's).

    >>> _check_page_lists(b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>")
    >>> _check_page_lists(b"/Kids [" + b"3 0 R " * 1001 + b"]")
    Traceback (most recent call last):
    ...
    xxgk.readers.OverBudget: PDF 的页面列表有 1001 项，超过上限 1000 页
    """
    named: set[int] = set()  # the objects a /Kids names by reference
    long_arrays: dict[int, int] = {}  # {object number: references} of the arrays longer than the budget
    bare: dict[int, int] = {}  # {object number: the object it names} of the objects that are one reference
    counted: dict[int, list[int]] = {}  # {object number: references of each definition} of the array objects
    lists = _PageLists()
    for array in _ARRAY_OBJECT.finditer(data):
        _note_long_array(int(array.group(1)), array.group(2), long_arrays, counted)
    starts, numbers = [], []  # where each object's "N G obj" is written, and N
    for written in _OBJECT_WRITTEN.finditer(data):  # (a later definition of a number replaces an earlier one)
        starts.append(written.start())
        numbers.append(int(written.group(1)))
        if written.group(2) is None:
            bare.pop(int(written.group(1)), None)
        else:
            bare[int(written.group(1))] = int(written.group(2))
    lists.add(_count_page_lists(data, named), starts, numbers)
    inflated, decoded, decipher = 0, set(), _decipher(data)
    # where every stream's data starts, found in one pass: looked for after each /Type /ObjStm instead, a file of
    # nothing but /Type /ObjStm (14 bytes each) was read 43 times over (20 MB: 14 CPU s before the library opened it)
    found_streams = list(_STREAM_START.finditer(data))
    streams = ([stream.start() for stream in found_streams], found_streams)
    for found in _OBJECT_STREAM.finditer(data):
        stream = _object_stream(data, found.start(), found.end(), OBJECT_STREAMS_INFLATED - inflated, decoded,
                                streams, decipher)
        if stream is None:
            raise OverBudget(f"PDF 的对象流解压后超过 {OBJECT_STREAMS_INFLATED // 2**20} MB")
        if not stream:
            continue
        inflated += len(stream)
        # (its dictionary: from its object's start to its data's, as _object_stream finds them)
        head = data.rfind(b"obj", max(0, found.start() - _DICTIONARY_REACH), found.start())
        end = data.find(b"stream", found.end(), found.end() + _DICTIONARY_REACH)
        dictionary = data[max(head, found.start() - _DICTIONARY_REACH, 0):end]
        lists.add(_count_page_lists(stream, named), *_stream_objects(stream, dictionary), where=found.start())
        _stream_arrays(stream, dictionary, long_arrays, bare, counted)
    _check_reference_chains(bare)
    ends = {_chain_end(number, bare) for number in named}
    for number in sorted(ends & long_arrays.keys()):
        raise OverBudget(f"PDF 的页面列表有 {long_arrays[number]} 项，超过上限 {BUDGET.pdf_pages} 页")
    named_arrays = [counted[number] for number in ends if number in counted]
    if (total := sum(lists.longest.values()) + sum(max(each) for each in named_arrays)) \
            > PAGE_LISTS_SHARE * BUDGET.pdf_pages:
        raise OverBudget(f"PDF 的页面列表共有 {total} 项，超过上限 {PAGE_LISTS_SHARE * BUDGET.pdf_pages} 项")
    if (written := lists.written + sum(sum(each) for each in named_arrays)) > PAGE_LISTS_WRITTEN * BUDGET.pdf_pages:
        raise OverBudget(f"PDF 写出的页面列表（含重写的）共有 {written} 项，"
                         f"超过上限 {PAGE_LISTS_WRITTEN * BUDGET.pdf_pages} 项")


# all of a PDF's page lists together, in pages of the budget: a tree of N pages lists N pages and fewer than N
# subtrees (each once); four times the budget leaves room for a tree of many levels. Before, each list was held to
# the budget alone: 1,000 lists of 999 entries (6 MB) took 18 CPU s, a 20 MB file a minute. An incremental update
# writes the page tree's changed lists again (an honest 300-page report saved 14 times with its pages moved wrote
# 4,500 entries, and was refused when every definition counted): each object counts once, at its longest.
PAGE_LISTS_SHARE = 4
# every page list as written, an object's every definition counted: room for a 1,000-page list written 25 times; the
# library parses 25,000 entries in about half a CPU second (a million took 18)
PAGE_LISTS_WRITTEN = 25


class _PageLists:
    """The page lists' entries a PDF writes: ``longest`` {the object a list is in: its entries in its longest
    definition} (a list in no object keyed by where it is), ``written`` the entries of every definition.

    >>> lists = _PageLists()
    >>> lists.add([(10, 300), (60, 300), (90, 2)], [0, 50, 80], [2, 2, 9])
    >>> lists.longest, lists.written
    ({2: 300, 9: 2}, 602)
    """

    def __init__(self) -> None:
        self.longest: dict[int | tuple[int, int], int] = {}
        self.written = 0

    def add(self, found: list[tuple[int, int]], starts: list[int], numbers: list[int], where: int = -1) -> None:
        """Add the lists ``found`` ((position, entries) in some data, ``_count_page_lists``), each in the object whose
        start (``starts``, ascending, with its number in ``numbers``) is the last before it; ``where``: the data's
        own position in the file (an object stream's), telling apart lists in no object."""
        for at, entries in found:
            index = bisect.bisect_right(starts, at) - 1
            key = numbers[index] if index >= 0 else (where, at)
            self.longest[key] = max(entries, self.longest.get(key, 0))
            self.written += entries


class BrokenFile(Exception):
    """A file whose structure no reader could follow (the message says why, in Chinese): ``file_unreadable``."""


def _chain_end(number: int, bare: dict[int, int]) -> int:
    """The object a chain of one-reference objects starting at ``number`` ends at (``bare`` holds no cycle)."""
    while number in bare:
        number = bare[number]
    return number


def _check_reference_chains(bare: dict[int, int]) -> None:
    """Refuse a PDF some of whose objects are each nothing but a reference to the next, in a cycle
    (``6 0 obj 7 0 R endobj 7 0 obj 6 0 R endobj``): the PDF library follows a reference to its end without
    counting, so naming such an object as the document's information, its page tree or a page list kept a worker
    busy until its 120 s were up. A cycle resolves to nothing; no honest file holds one.

    >>> _check_reference_chains({6: 7, 7: 8})
    >>> _check_reference_chains({5: 6, 6: 7, 7: 6})
    Traceback (most recent call last):
    ...
    xxgk.readers.BrokenFile: PDF 的对象引用成环（6 → 7 → 6）
    """
    done: set[int] = set()
    for start in sorted(bare):
        path: list[int] = []
        number = start
        while number in bare and number not in done:
            if number in path:
                loop = [*path[path.index(number):], number]
                raise BrokenFile(f"PDF 的对象引用成环（{' → '.join(map(str, loop))}）")
            path.append(number)
            number = bare[number]
        done.update(path)


def _count_page_lists(data: bytes, named: set[int]) -> list[tuple[int, int]]:
    """Refuse a page list written in ``data`` longer than the budget; add the objects a /Kids names to ``named``;
    where each list written in ``data`` is, and its entries."""
    found = []
    for page_list in _PAGE_LIST.finditer(data):
        found.append((page_list.start(), listed := len(_PAGE_REFERENCE.findall(page_list.group(1)))))
        if listed > BUDGET.pdf_pages:
            raise OverBudget(f"PDF 的页面列表有 {listed} 项，超过上限 {BUDGET.pdf_pages} 页")
    named.update(int(reference.group(1)) for reference in _PAGE_LIST_REFERENCE.finditer(data))
    return found


def _note_long_array(number: int, body: bytes, long_arrays: dict[int, int],
                     counted: dict[int, list[int]] | None = None) -> None:
    """Note array object ``number`` in ``long_arrays`` when it holds more references than the budget, and its
    references in ``counted`` beside its other definitions' (every array: a page list named by reference counts
    towards the lists' total; a later definition does not hide an earlier one the library may read instead)."""
    if len(body) < 5:  # (a reference is at least five bytes, 3 0 R)
        return
    references = len(_PAGE_REFERENCE.findall(body)) if counted is not None or len(body) >= BUDGET.pdf_pages * 5 else 0
    if counted is not None:
        counted.setdefault(number, []).append(references)
    if references > BUDGET.pdf_pages:
        long_arrays[number] = max(long_arrays.get(number, 0), references)


def _stream_objects(stream: bytes, dictionary: bytes) -> tuple[list[int], list[int]]:
    """Where each object of an object stream starts in its decoded data (ascending) and its number, by its header's
    pairs (object number, offset from ``/First``); empty lists when the dictionary does not say.

    >>> _stream_objects(b"7 0 8 6 " + b"[3 0 R]<<>>", b"/Type /ObjStm /N 2 /First 8")
    ([8, 14], [7, 8])
    """
    first, count = _FIRST.search(dictionary), _OBJECTS.search(dictionary)
    if first is None or count is None:
        return [], []
    start = int(first.group(1))
    header = [int(n) for n in re.findall(rb"\d+", stream[:start])][:2 * int(count.group(1))]
    pairs = sorted(zip([start + offset for offset in header[1::2]], header[::2], strict=False))
    return [at for at, _ in pairs], [number for _, number in pairs]


def _stream_arrays(stream: bytes, dictionary: bytes, long_arrays: dict[int, int],
                   bare: dict[int, int] | None = None, counted: dict[int, list[int]] | None = None) -> None:
    """Note the long arrays among an object stream's objects, and in ``bare`` those that are one reference: its
    header's pairs (object number, offset from ``/First``) say where each starts (``dictionary``: the stream's
    dictionary, holding /First and /N), and the next one's offset where it ends.

    >>> found, bare = {}, {}
    >>> _stream_arrays(b"7 0 8 4 9 5 " + b"<<>>[" + b"3 0 R " * 1001 + b"]", b"/Type /ObjStm /N 2 /First 12", found)
    >>> found
    {8: 1001}
    >>> _stream_arrays(b"7 0 8 6 9 12 " + b"8 0 R 9 0 R <<>>", b"/Type /ObjStm /N 3 /First 13", {}, bare)
    >>> bare
    {7: 8, 8: 9}
    """
    first, count = _FIRST.search(dictionary), _OBJECTS.search(dictionary)
    if first is None or count is None:
        return
    start = int(first.group(1))
    numbers = [int(n) for n in re.findall(rb"\d+", stream[:start])][:2 * int(count.group(1))]
    offsets = sorted({*numbers[1::2], len(stream) - start})
    for number, offset in zip(numbers[::2], numbers[1::2], strict=False):
        if (array := _ARRAY_AT.match(stream, start + offset)) is not None:
            _note_long_array(number, array.group(1), long_arrays, counted)
        elif bare is not None:
            end = start + offsets[bisect.bisect_right(offsets, offset)] if offset < offsets[-1] else len(stream)
            if (reference := _REFERENCE_ONLY.fullmatch(stream, start + offset, end)) is not None:
                bare[number] = int(reference.group(1))


def _object_stream(data: bytes, type_start: int, type_end: int, limit: int, decoded: set[int],
                   streams: tuple[list[int], list[re.Match]] | None = None, decipher=None) -> bytes | None:
    """The decoded data of the object stream whose ``/Type /ObjStm`` is at ``data[type_start:type_end]`` (its data as
    written when it names no filter; ``b""`` when it cannot be told), ``None`` past ``limit`` bytes.
    Its filters are undone in order: Flate (inflated within ``limit``), and ASCII85 and ASCIIHex, which only shrink
    what they decode (``[/ASCII85Decode /FlateDecode]``: a 35 KB file listing one page 3,000,000 times hid its list
    from a check undoing Flate alone), and LZW and run-length, within ``limit`` too. A stream under another filter
    (a crypt filter naming its own method) is left to the library, bounded by the time budget. ``decoded``: where
    the streams decoded so far start; one is decoded once, however many ``/Type /ObjStm`` are written before it
    (``b""`` again). ``streams``: every match of ``_STREAM_START`` in ``data`` in order and their starts, when the
    caller found them in one pass (else the stream is looked for). ``decipher``: an encrypted file's decryption
    (``_decipher``), undone before the filters.

    >>> import zlib, base64
    >>> body = b"<< /Type /ObjStm /Filter [/ASCII85Decode /FlateDecode] >>\\nstream\\n"
    >>> packed = base64.a85encode(zlib.compress(b"/Kids [3 0 R]")) + b"~>\\nendstream"
    >>> _object_stream(b"1 0 obj " + body + packed, 11, 24, 100, set())
    b'/Kids [3 0 R]'
    """
    from pdfminer.ascii85 import ascii85decode, asciihexdecode

    if streams is None:
        stream = _STREAM_START.search(data, type_end, type_end + _DICTIONARY_REACH)
    else:  # (the first stream starting after the type, if it ends within reach: what the search would find)
        starts, matches = streams
        at = bisect.bisect_left(starts, type_end)
        stream = matches[at] if at < len(matches) and matches[at].end() <= type_end + _DICTIONARY_REACH else None
    if stream is None or stream.end() in decoded:
        return b""
    head = data.rfind(b"obj", max(0, type_start - _DICTIONARY_REACH), type_start)
    if head < 0:
        return b""
    decoded.add(stream.end())
    filters = _FILTERS.search(data, head, stream.start())
    out: bytes | None = None  # (None: the raw data at stream.end(), up to where its decoder stops)
    if decipher is not None:  # (its data as written, to "endstream": RC4 ignores, AES-CBC drops, the line end)
        end, number = data.find(b"endstream", stream.end()), _OBJECT_NUMBER.search(data, max(0, head - 24), head)
        if number is None:
            return b""
        try:
            out = decipher(int(number.group(1)), int(number.group(2)), data[stream.end():end if end >= 0 else None])
        except Exception:  # noqa: BLE001 (damaged data is the library's to report)
            return b""
    if filters is None:  # not compressed: its data as written (its arrays are found by its header's offsets)
        end = data.find(b"endstream", stream.end())
        raw = data[stream.end():end if end >= 0 else len(data)] if out is None else out
        return raw if len(raw) <= limit else None
    for name in _FILTER_NAME.findall(filters.group(1)):
        if name in (b"FlateDecode", b"Fl"):
            out = _inflate(data if out is None else out, stream.end() if out is None else 0, limit)
            if out is None:
                return None
        elif name in _TEXT_FILTERS or name in _EXPANDING_FILTERS:
            if out is None:
                end = data.find(b"endstream", stream.end())
                out = data[stream.end():end if end >= 0 else len(data)]
            try:
                out = (ascii85decode if name in (b"ASCII85Decode", b"A85") else asciihexdecode)(out) \
                    if name in _TEXT_FILTERS else _EXPANDING_FILTERS[name](out, limit)
            except Exception:  # noqa: BLE001 (damaged data is the library's to report)
                return b""
            if out is None:
                return None
        else:
            return b""
    return out or b""


def _decipher(data: bytes):
    """The PDF library's decryption of an encrypted PDF's streams (``decipher(number, generation, data)``), opened
    with the empty user password as the library opens it; ``None`` for a file not encrypted, or one that password
    does not open (the library's refusal is the finding then), or one holding no object stream or no valid
    cross-reference table (a file whose streams the check need not decrypt). Many government reports are encrypted
    so (an owner password restricting printing or copying): every stream, object streams too, is encrypted, and the
    check inflating them read noise, so a page list in one (27 KB naming one page 3,000,000 times) was left to the
    library, bounded only by the 120 s.

    >>> _decipher(b"%PDF-1.4 no encryption") is None
    True
    """
    if b"/Encrypt" not in data or _OBJECT_STREAM.search(data) is None:
        return None
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    class Counted(PDFDocument):
        """The library's document, refusing to look up more than ``DOCUMENT_LOOKUPS`` objects while it opens: it
        follows a reference to its end without counting, and an /Encrypt naming a cycle (9 → 10 → 9) kept the check
        itself busy until the worker's 120 s (the cycle is refused afterwards, ``_check_reference_chains``)."""

        lookups = 0

        def getobj(self, objid: int) -> object:
            self.lookups += 1
            if self.lookups > DOCUMENT_LOOKUPS:
                raise BrokenFile("PDF 的对象引用过多")
            return super().getobj(objid)

    try:  # (no fallback: a file whose cross-references are broken is scanned line by line, 19 CPU s for 19 MB, and
        # the library scans it again; scanning so, it cannot decrypt an object stream either, to find a list in it)
        return Counted(PDFParser(io.BytesIO(data)), fallback=False).decipher
    except Exception:  # noqa: BLE001 (a file the library cannot open is refused by it, saying why)
        return None


# objects the library may look up while opening a file for its decryption: the trailer's few entries (the encryption
# dictionary, its /CF, the document's information and catalog) and the references they pass through
DOCUMENT_LOOKUPS = 1_000


# the filters an object stream may be under that this check undoes besides Flate: text encodings, which only
# shrink what they decode, and run-length and LZW, which expand it (decoded within the budget, as Flate is)
_TEXT_FILTERS = frozenset({b"ASCII85Decode", b"A85", b"ASCIIHexDecode", b"AHx"})
_EXPANDING_FILTERS = {b"RunLengthDecode": pdf_streams.run_length, b"RL": pdf_streams.run_length,
                      b"LZWDecode": pdf_streams.lzw, b"LZW": pdf_streams.lzw}


def _inflate(data: bytes, start: int, limit: int) -> bytes | None:
    """The Flate stream at ``data[start:]`` inflated (up to its end, or as far as it reads: a damaged stream is the
    library's to report), ``None`` when it inflates to more than ``limit`` bytes; never more than that is held.

    >>> import zlib
    >>> _inflate(b"xx" + zlib.compress(b"/Kids [3 0 R]") + b"endstream", 2, 100)
    b'/Kids [3 0 R]'
    >>> _inflate(zlib.compress(bytes(1000)), 0, 999) is None
    True
    """
    import zlib

    inflater, out = zlib.decompressobj(), bytearray()
    for at in range(start, len(data), 2**16):
        try:
            out += inflater.decompress(data[at:at + 2**16], limit + 1 - len(out))
            while inflater.unconsumed_tail and len(out) <= limit:
                out += inflater.decompress(inflater.unconsumed_tail, limit + 1 - len(out))
        except zlib.error:
            break
        if len(out) > limit:
            return None
        if inflater.eof:
            break
    return bytes(out)


def _check_drawing(page, number: int) -> None:
    """Refuse a page whose drawing would make table finding explode: too many objects, or a ruling
    grid so dense that its crossings (the table finder's work grows with their square) are too many."""
    objects = len(page.lines) + len(page.rects) + len(page.curves)
    if objects > BUDGET.pdf_objects:
        raise OverBudget(f"PDF 第{number}页有 {objects} 个图形，超过上限 {BUDGET.pdf_objects} 个")
    rows = {round(e["top"]) for e in page.horizontal_edges}
    columns = {round(e["x0"]) for e in page.vertical_edges}
    if len(rows) * len(columns) > BUDGET.pdf_grid:
        rows, columns = _ruling_positions(page)
    if len(rows) * len(columns) > BUDGET.pdf_grid:
        raise OverBudget(f"PDF 第{number}页的表格线有 {len(rows)}×{len(columns)} 个交点位置，"
                         f"超过上限 {BUDGET.pdf_grid}")


def _ruling_positions(page) -> tuple[set[int], set[int]]:
    """The rows and columns of a page's rulings the table finder works on: those of edges at least its shortest
    (``edge_min_length``) as drawn, and those of its own edges (snapped, joined, the short ones left out). A dashed or
    dotted border, as a browser prints CSS ``border: dashed``, is hundreds of dashes, each with edges of its own
    across the border: counted as drawn they made a 192 × 316 grid, and the whole report was ``over_budget``
    though the finder joins the dashes into a few lines. Counting both never counts fewer than the finder uses."""
    from pdfplumber.table import TableSettings, merge_edges
    from pdfplumber.utils import filter_edges

    settings = TableSettings.resolve(None)
    drawn = filter_edges(page.edges, min_length=settings.edge_min_length)
    joined = filter_edges(merge_edges(filter_edges(page.edges, min_length=settings.edge_min_length_prefilter),
                                      settings.snap_x_tolerance, settings.snap_y_tolerance,
                                      settings.join_x_tolerance, settings.join_y_tolerance),
                          min_length=settings.edge_min_length)
    rows = {round(e["top"]) for e in drawn + joined if e["orientation"] == "h"}
    columns = {round(e["x0"]) for e in drawn + joined if e["orientation"] == "v"}
    return rows, columns


@cache
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _traditional_only() -> frozenset[str]:
    """The CJK characters that OpenCC changes when converting to Simplified (about 3,500)."""
    block = "".join(chr(c) for c in range(0x4E00, 0xA000))
    return frozenset(a for a, b in zip(block, _t2s().convert(block), strict=True) if a != b)


@cache
def _terms() -> tuple[re.Pattern, dict[str, str]]:
    """The words a Traditional text uses where the Simplified reports use others (``rules/traditional_terms.csv``:
    资讯 for 信息), as one pattern and ``{word: the Simplified reports' word}``; each the same length."""
    from .catalog import table

    words = {row["seen"]: row["read_as"] for row in table("traditional_terms")}
    return re.compile("|".join(map(re.escape, words))), words


@cache
def _kept_as_printed() -> frozenset[str]:
    """The characters OpenCC's t2s changes that the Simplified names of China's divisions print: 乾 (乾县, 乾安县),
    which t2s reads as 干 (its sense "dry"). They are never converted, so those places keep their names (a report of
    乾县 was read as one of 干县, a place that does not exist, and no agency was resolved)."""
    from .agency.divisions import divisions

    changed = _traditional_only()
    return frozenset(c for division in divisions().values() for c in division.name if c in changed)


@cache
def _kept_pattern() -> re.Pattern:
    return re.compile("([" + "".join(sorted(_kept_as_printed())) + "])")


@cache
def _converted() -> frozenset[str]:
    """The characters ``to_simplified`` converts."""
    return _traditional_only() - _kept_as_printed()


@cache
def _converted_class() -> re.Pattern:
    """One character class of every character ``to_simplified`` converts: whether a text holds one is asked of every
    report, and a compiled class answers it in about a tenth of the CPU ``frozenset.isdisjoint`` over the text
    took (which hashed each character in Python's set; session 43's profile: 0.12 ms a report)."""
    return re.compile("[" + "".join(map(re.escape, sorted(_converted()))) + "]")


def holds_converted(text: str) -> bool:
    """Whether ``text`` holds a character ``to_simplified`` converts (the answer of
    ``not _converted().isdisjoint(text)``).

    >>> holds_converted("某县政府信息公开"), holds_converted("某縣")
    (False, True)
    """
    return _converted_class().search(text) is not None


def to_simplified(text: str) -> str:
    """Simplified Chinese for matching; converting is skipped when no Traditional character occurs
    (conversion is the slowest step of reading, and most reports need none). A Traditional text's own
    words are read as the Simplified reports' (``_terms``: 政府資訊公開 is 政府信息公开); the characters of
    division names that are also Simplified (``_kept_as_printed``) stay as printed.

    >>> to_simplified("某縣政府資訊公開工作年度報告"), to_simplified("乾县人民政府"), to_simplified("陝西省乾縣")
    ('某县政府信息公开工作年度报告', '乾县人民政府', '陕西省乾县')
    """
    if not holds_converted(text):
        return text
    pattern, words = _terms()
    convert = _t2s().convert
    parts = _kept_pattern().split(text) if _kept_as_printed() else [text]  # odd places: a kept character
    converted = "".join(part if k % 2 else convert(part) for k, part in enumerate(parts))
    return pattern.sub(lambda m: words[m.group()], converted)


def _too_large(hashed: bool = True) -> Source:
    unhashed = "" if hashed else f"；大于 {MAX_HASHED // 2**30} GB，未计算 SHA-256"
    return Source(findings=[make("file_unreadable", detail=f"文件超过 {MAX_BYTES // 2**20} MB 上限{unhashed}")])


def sniff(data: bytes, suffix: str) -> tuple[str, str]:
    """``(container, name)``: how to read a file, from what its first bytes say it is (``filetype``) before what its
    name says (a download saved under the wrong name is common: a .doc named .docx, a web page named .pdf).
    ``docx``, ``doc`` (Word 97-2003 or WPS: an OLE2 file with a ``WordDocument`` stream, ``word97.py``) and ``pdf``:
    their readers; ``image``: a picture, no text (``name``: PNG …); ``unsupported``: a format
    no reader here reads (``rules/file_formats.csv``, ``name`` in Chinese); ``text``: decoded as text or HTML.

    >>> sniff(b"%PDF-1.7 ...", ".txt"), sniff("报告".encode("gbk"), ".pdf")
    (('pdf', 'PDF'), ('text', ''))
    >>> sniff(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(30), ".doc")
    ('image', 'PNG')
    """
    import filetype

    kind = filetype.guess(data)
    found = kind.extension if kind else None
    if data.startswith(_COMPOUND_FILE) and _ENCRYPTED_PACKAGE in data:  # (whatever filetype names its first sector)
        found = "office_encrypted"
    elif found == "zip":  # (a .docx whose first parts are others — filetype reads 8 KB — or another zipped format)
        found = zip_kind(data)
    elif found is None and data.startswith(_COMPOUND_FILE):  # Office 97-2003 or Kingsoft WPS/ET whose first sector
        found = "cfb"  # is not the one filetype knows (it names .doc by bytes 512–515 only): never read as text
    elif found is None and data[:2] in _OLD_WORD and data[3:4] == b"\x00":  # Word for Windows 1.x/2.0: wIdent, nFib
        found = "old_word"  # (a GBK text may begin with DB A5, 邾, never with a NUL after it)
    if found == "docx" or (suffix == ".docx" and found in (None, "zip?")):  # (a .docx of parts zip_kind cannot place)
        return "docx", "DOCX"
    if found != "office_encrypted" and data.startswith(_COMPOUND_FILE) and _WORD_STREAM in data:  # a .doc or a .wps
        # (WPS 2005 and later: the same binary Word format), read by word97.py, whatever filetype names it: it names a
        # compound file by its first sector's bytes, and Word puts the FAT or any stream there (FD FF FF FF: "xls"),
        # so 10 of Microsoft Word's own .doc files of Apache POI's and Tika's collections were "Excel 97-2003 表格"
        # (a workbook holding a Word object has no WordDocument stream at its root: word97.py says it is no document)
        return "doc", "Word 97-2003"

    found = "zip" if found == "zip?" else found
    if found == "ofd":
        return "ofd", "OFD"
    if found == "pdf" or (suffix == ".pdf" and found is None and b"%PDF-" in data[:1024]):
        return "pdf", "PDF"
    if kind is not None and kind.mime.startswith("image/"):
        return "image", found.upper()
    if found in _unsupported_formats():
        return "unsupported", _unsupported_formats()[found]
    return "text", ""


def sniff_kind(data: bytes, suffix: str) -> tuple[str, str]:
    """``sniff``, a text that opens as a web page (``page_at_start``) being ``html``: how ``read_bytes`` reads a file
    and the file type it publishes (``Source.kind``), told from its bytes before anything is decoded (a budget may stop
    a page before it is: a page is published as html, not text, whichever bound it met).

    >>> sniff_kind(b"<!doctype html><title>x", ".pdf"), sniff_kind(b"%PDF-1.7", ".html")
    (('html', ''), ('pdf', 'PDF'))
    """
    container, name = sniff(data, suffix)
    return ("html", name) if container == "text" and page_at_start(data, suffix) else (container, name)


def sniffed_kind(data: bytes, suffix: str) -> str:
    """The file type (``reports.file_type``) ``read_bytes`` would give a file of these bytes by sniffing alone
    (``sniff_kind``), ``""`` where it gives none (an empty file, one over ``MAX_BYTES``): for a file no reader
    finished — its worker killed, out of time — told in the build's own process, nothing decoded or parsed (a text
    that cannot be decoded is ``text`` here, ``""`` from its reader). Before, such a file's type was empty.

    >>> sniffed_kind(b"%PDF-1.4", ".txt"), sniffed_kind(b"<html><body>", ".pdf"), sniffed_kind(b" ", ".pdf")
    ('pdf', 'html', '')
    """
    if len(data) > MAX_BYTES or not data.strip():
        return ""
    return sniff_kind(data, suffix.lower())[0]


_OLD_WORD = (b"\xdb\xa5", b"\x9b\xa5")  # the first bytes of a Word for Windows 1.x or 2.0 file (no compound file)
_COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file's signature (.doc, .xls, .wps, .et …)
# the stream a password-protected .docx, .xlsx or .pptx is (ECMA-376 encryption): the whole document, encrypted, in an
# OLE2 compound file, its name in UTF-16 in the file's directory. Such a .docx was told to be an Office 97-2003 or WPS
# file and to be saved as .docx, which it is: what stops it is the password
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# the stream a Word 97-2003 document is (a .doc, and a Kingsoft .wps since WPS 2005), its name in the file's directory:
# such a file goes to word97.py (a workbook or a presentation has none, and stays format_unsupported)
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def zip_kind(data: bytes) -> str:
    """What a zip holds, from its listing (``rules/zip_contents.csv``: a member's name, and for an OpenDocument file
    the first bytes of its ``mimetype`` member, nothing else unpacked): ``docx``, ``xlsx``, ``odt`` …; ``zip?`` for a
    zip listing an Office package's ``[Content_Types].xml`` but no part the table names (a .docx whose body is named
    otherwise: the Word reader follows the content types), or one whose listing cannot be read; else ``zip``. Before,
    any zip named .docx went to the Word reader: a workbook, an .odt or an archive of reports renamed so was
    ``file_unreadable`` with ``KeyError: "There is no item named '[Content_Types].xml'"`` — now it is
    ``format_unsupported`` naming what it is.

    >>> import io, zipfile
    >>> def zipped(*names):
    ...     out = io.BytesIO()
    ...     with zipfile.ZipFile(out, "w") as archive:
    ...         for name in names:
    ...             archive.writestr(name, "application/vnd.oasis.opendocument.text" if name == "mimetype" else "")
    ...     return out.getvalue()
    >>> [zip_kind(zipped(*names)) for names in (["[Content_Types].xml", "word/document.xml"], ["xl/workbook.xml"],
    ...  ["mimetype", "content.xml"], ["[Content_Types].xml", "word/main.xml"], ["a.pdf", "b.pdf"])]
    ['docx', 'xlsx', 'odt', 'zip?', 'zip']
    """
    if zip_listing_too_long(data):  # (an archive: no Office file has so many members)
        return "zip?"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for row in _zip_contents():
                if row["member"] not in names:
                    continue
                if not row["mimetype"]:
                    return row["kind"]
                if not zip_sizes.packed_plainly(archive.getinfo(row["member"])):  # (bzip2: no bound on a read)
                    continue
                with archive.open(row["member"]) as member:
                    if member.read(100).strip() == row["mimetype"].encode():  # (100 bytes: never a bomb's)
                        return row["kind"]
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, EOFError, zlib.error, NotImplementedError):
        return "zip?"
    return "zip?" if "[Content_Types].xml" in names else "zip"


# the bytes a zip's listing may take for each member the budget allows: 46 fixed, the name (a .docx part's is some
# tens of letters) and any extra fields
_LISTED_BYTES = 128


def zip_listing_too_long(data: bytes) -> str | None:
    """Why a zip's listing is past what ``BUDGET.zip_members`` allows, read from its last record alone (the count
    and length of the listing), or None. ``zipfile`` reads the listing member by member (about 25 µs each) before
    anything can be asked: a zip of 200,000 empty members (17 MB) took 4.8 CPU s to be told an archive — in the
    build's own process for the manifest. The listing's length is checked besides the count it states, since
    ``zipfile`` reads the whole listing whatever count the last record states."""
    try:
        end = zipfile._EndRecData(io.BytesIO(data))  # noqa: SLF001 - the library's own reading of the last record
    except (OSError, AttributeError, ValueError, IndexError):  # (a damaged zip: its reader says so)
        return None
    if not end:
        return None
    count, length = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # noqa: SLF001
    if count > BUDGET.zip_members or length > _LISTED_BYTES * BUDGET.zip_members:
        return (f"压缩包列出 {count} 个成员（目录 {length} 字节），超过上限 {BUDGET.zip_members} 个成员"
                f"（目录 {_LISTED_BYTES * BUDGET.zip_members} 字节）")
    return None


@cache
def _zip_contents() -> tuple[dict, ...]:
    from .catalog import table

    return table("zip_contents")


@cache
def _unsupported_formats() -> dict[str, str]:
    from .catalog import table

    return {row["kind"]: row["name_zh"] for row in table("file_formats")}


def read_bytes(data: bytes, suffix: str, text_only: bool = False) -> Source:
    """Read one file's bytes (``suffix`` like ``.html``). Pure apart from the libraries. ``text_only``: a file
    whose bytes say it is a document, a picture or an archive is refused, never handed to its reader (the
    manifest is a CSV text, read in the build's own process: a 2.3 MB PDF saved as ``sources.csv`` kept the PDF
    reader busy there for more than 12 minutes and 11 GB, outside every budget of a report's worker)."""
    suffix = suffix.lower()
    if len(data) > MAX_BYTES:
        return _too_large()
    if not data.strip():
        return Source(findings=[make("file_unreadable", detail="空文件")])
    container, name = sniff_kind(data, suffix)
    if text_only and container not in ("text", "html"):
        return Source(kind=container, findings=[make("file_unreadable", detail=f"不是文本文件，而是{name}文件")])
    if container == "image":
        return Source(kind="image", findings=[make("no_text_layer", detail=f"图片文件（{name}）")])
    if container == "unsupported":
        return Source(kind="unsupported", findings=[make("format_unsupported", detail=name)])
    try:
        if container == "docx":
            source = Source(docx_to_text(data), kind="docx")
        elif container == "ofd":
            from .ofd_text import ofd_to_text

            source = Source(ofd_to_text(data), kind="ofd")
            if not source.text.strip():
                return Source(kind="ofd", findings=[make("no_text_layer", detail="OFD")])
        elif container == "doc":
            from .word97 import NotWord97, doc_to_text

            try:
                source = Source(doc_to_text(data), kind="doc")
            except NotWord97 as error:
                return Source(kind="unsupported", findings=[make("format_unsupported", detail=str(error))])
        elif container == "pdf":
            source = Source(pdf_to_text(data), kind="pdf")
            if not source.text.strip():
                return Source(kind="pdf", findings=[make("no_text_layer", detail="PDF")])
            if page_numbers_only(source.text):
                return Source(kind="pdf", findings=[make("no_text_layer", detail="PDF（文字层只有页码）")])
            from .pdf_shown import differing

            pairs, differs = differing()  # (each such character is read as UNMAPPED_GLYPH too: not counted twice)
            if differs:
                drawn = "、".join(f"字形“{shown}”写作“{mapped[:8]}”" for mapped, shown in pairs[:10])
                more = f"等{len(pairs)}种" if len(pairs) > 10 else ""
                source.findings.append(make("pdf_text_differs", detail=f"{drawn}{more}，共{differs}个字符"))
            if unmapped := source.text.count(UNMAPPED_GLYPH) - differs:
                source.findings.append(make("pdf_glyphs_unmapped", detail=f"{unmapped}个字符"))
        else:
            if (page := _web_archive(data, suffix)) is not None:  # a single-file web page: its HTML part, a page
                if not page.strip():
                    detail = "单个文件网页（MHT）中没有网页"
                    return Source(kind="html", findings=[make("file_unreadable", detail=detail)])
                data, suffix = page, ".html"
            text, encoding = decode(data)
            if text is None and suffix == ".wps":  # (no compound file, no text: WPS 2000's own format, or older)
                return Source(kind="unsupported", findings=[make("format_unsupported",
                                                                 detail=_unsupported_formats()["old_wps"])])
            if text is None:
                return Source(findings=[make("file_unreadable", detail="不是可识别编码的文本（可能是二进制文件）")])
            container = kind = "html" if suffix in (".html", ".htm") or text.lstrip()[:200].lower().startswith(
                ("<!doctype html", "<html")) or (suffix != ".md" and looks_like_page(text)) else "text"
            if kind == "text" and len(text) > BUDGET.chars:  # as for the other formats' text (a 12 MB text file's
                raise OverBudget(f"文字超过 {BUDGET.chars} 个字符")  # one section stopped the package: csv's limit)
            noted: list[Finding] = []
            if kind == "html" and page is None and (declared := declared_encoding(data, text, encoding)):
                noted.append(declared)
            source = Source(html_to_text(text, noted) if kind == "html" else text, encoding=encoding, kind=kind)
            source.findings.extend(noted)
            if kind == "text" and _WORD_CELL_END in source.text:
                source.text = _WORD_MARKS.sub("\n", source.text)  # a cell's or row's end, a line break: a new line
    except OverBudget as error:
        return Source(kind=container, findings=[make("over_budget", detail=str(error))])  # (what its bytes are)
    except BrokenFile as error:
        return Source(kind=container, findings=[make("file_unreadable", detail=str(error))])
    except Exception as error:  # noqa: BLE001 - a library failing on a broken file is bad input
        if reached := _budget_reached(error):  # (MemoryError and RecursionError too, wrapped or not)
            return Source(kind=container, findings=[make("over_budget", detail=reached)])
        return Source(kind=container, findings=[make("file_unreadable", detail=_failure(error))])
    # stray NULs carry nothing, whatever reader read them (a .doc's text held them too, and they reached the package's
    # text, the source page — where a NUL is an HTML parse error — and the full-text index): dropped and said
    if "\x00" in source.text:
        source.findings.append(make("text_repaired", detail=f"{source.text.count(chr(0))} 个空字符（NUL）"))
        source.text = source.text.replace("\x00", "")
    source.text = source.text.replace("\r\n", "\n").replace("\r", "\n")
    if (lines := source.text.count("\n") + 1) > BUDGET.lines:
        detail = f"文字有 {lines} 行，超过上限 {BUDGET.lines} 行"
        return Source(kind=source.kind, findings=[make("over_budget", detail=detail)])
    if not text_only and (chars := len(source.text)) > BUDGET.text_chars:
        detail = f"文字有 {chars} 个字符，超过上限 {BUDGET.text_chars} 个"
        return Source(kind=source.kind, findings=[make("over_budget", detail=detail)])
    if source.kind in ("text", "html") and (undecodable := undecodable_finding(source.text)):
        source.findings.append(undecodable)
    parse_text, radicals = unify_radicals(source.text)
    if radicals:
        source.findings.append(make("text_radicals_read", detail=radicals))
    source.parse_text = to_simplified(parse_text)
    if not source.text.strip():
        source.findings.append(make("file_unreadable", detail="没有文字内容"))
    return source


# a page's declaration of its encoding (<meta charset=…>, or <meta http-equiv=Content-Type content="…; charset=…">),
# wherever it stands: a browser's prescan reads the first 1,024 bytes (HTML Standard 13.2.3.2), and Chromium changes
# the encoding for a later one too, even one in the body after the text; one in a comment, a script or a style, or in
# an element whose content is text (title, textarea), is none
_DECLARED = re.compile(r"<meta\b[^<>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_NO_ELEMENTS = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|title|textarea|xmp|plaintext)\b.*?(?:</\1\s*>|\Z)",
                          re.IGNORECASE | re.DOTALL)
# WHATWG encodings a browser decodes a page in otherwise than their name says: GBK with GB18030's decoder (the Encoding
# Standard); a page declaring UTF-16 (any of its labels) as UTF-8, and x-user-defined as windows-1252 (the HTML
# Standard's prescan). Every other label is looked up in the Encoding Standard's own list (``webencodings``)
_BROWSER_DECODERS = {"gbk": "gb18030", "utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}
_BOM_ENCODINGS = ("utf-8-sig", "utf-16")


def browser_decoder(label: str, replacement: bool = False) -> codecs.CodecInfo | None:
    """The codec a browser decodes a page labelled ``label`` with (the WHATWG Encoding Standard's label list,
    ``webencodings``, and ``_BROWSER_DECODERS``), or None for a label no browser knows — and, unless ``replacement``,
    for one a browser shows as nothing but U+FFFD (``replacement``: HZ, ISO-2022-KR …), which is not used to read.

    >>> browser_decoder("GB2312").name, browser_decoder("utf-7"), browser_decoder("hz-gb-2312")
    ('gb18030', None, None)
    """
    import webencodings

    listed = webencodings.lookup(label)
    if listed is None or (listed.name == "replacement" and not replacement):
        return None
    return webencodings.lookup(_BROWSER_DECODERS.get(listed.name, listed.name)).codec_info


def declared_encoding(data: bytes, text: str, encoding: str | None) -> Finding | None:
    """A ``text_encoding_declared`` finding when the page ``data`` declares an encoding (``<meta charset>``) that
    reads it otherwise than ``encoding``, the one it was read in (``text``): a browser opening the file decodes it as
    declared and shows mojibake where the reader read Chinese (the digits are the same bytes in every such encoding).
    A byte order mark goes before any declaration, in a browser as here; a label the WHATWG Encoding Standard does not
    list (``webencodings``: ``utf-7``, ``unicode_escape``, ``rot13``) is no declaration, as a browser ignores it, and
    no codec but a listed encoding's runs on the page's bytes (before, any label Python's ``codecs`` knew did, and
    a page declaring ``utf-7`` was said to show mojibake in a browser that shows it as it is read here; one declaring
    ``unicode11utf8`` or ``ucs-2``, which browsers know and Python does not, was said to be fine).

    >>> declared_encoding("<meta charset=gbk>甲".encode(), "<meta charset=gbk>甲", "utf-8").message
    '网页声明的编码与实际编码不符：网页声明编码为 gbk，实际按 utf-8 读取；浏览器按声明显示的文字与这里读取的不同'
    """
    if encoding in _BOM_ENCODINGS or not (found := _DECLARED.search(_NO_ELEMENTS.sub("", data.decode("latin-1")))):
        return None
    label = found.group(1).lower()
    if (decoder := browser_decoder(label, replacement=True)) is None:
        return None
    declared = decoder.decode(data, "replace")[0]
    if declared == text:
        return None
    return make("text_encoding_declared", detail=f"网页声明编码为 {label[:40]}，实际按 {encoding} 读取")


_BARE_PAGE_NUMBER = re.compile(r"\d{1,4}(?:\s*/\s*\d{1,4})?")


def page_numbers_only(text: str) -> bool:
    """Whether every line of a PDF's text layer is a page number (``- 3 -``, ``第3页 共5页``, ``3``, ``3/5``;
    ``cells.is_page_footer``): a scanned report whose scanner or printer added its page numbers as text. Before,
    it was said to hold no report text (``report_text_absent``: the report an attachment or a picture) while the
    report was there as pictures of its pages: it has no text layer (``no_text_layer``), as a scan without them.

    >>> page_numbers_only("- 1 -\\n— 2 —\\n第3页 共5页\\n4\\n5/5"), page_numbers_only("- 1 -\\n某局2024年年度报告")
    (True, False)
    """
    from .cells import is_page_footer

    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(_BARE_PAGE_NUMBER.fullmatch(line) or is_page_footer(line) for line in lines)


UNDECODABLE_LINES_NAMED = 5  # a text_undecodable finding names the first lines holding U+FFFD, then counts them


def undecodable_finding(text: str) -> Finding | None:
    """``text_undecodable`` for a decoded text holding U+FFFD: bytes its encoding could not read (a stray byte in
    UTF-8, an unpaired surrogate in UTF-16), or a file that already had them from an earlier conversion; either way
    characters the file does not show. It counts them and names the first lines (``line`` the first). Before, a
    label or name holding one was read as another label, or not at all, and nothing said why.

    >>> undecodable_finding("甲\\n行\\ufffd政许可\\n\\ufffd\\ufffd").message
    '文件中有 3 处无法解码的文字（第2、3行），显示为 �：所在的名称、标签或数字可能无法读取'
    >>> undecodable_finding("甲\\n乙") is None
    True
    """
    count = text.count("\ufffd")
    if not count:
        return None
    lines = [number for number, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    named = "、".join(map(str, lines[:UNDECODABLE_LINES_NAMED]))
    more = f"等 {len(lines)} 行" if len(lines) > UNDECODABLE_LINES_NAMED else ""
    return make("text_undecodable", line=lines[0], actual=count, detail=f"第{named}行{more}")


# what a reader's failure means to the user, by the name of the exception pdfminer raises (a PDF opened with a
# password: before, the finding said only "PdfminerException: ", pdfplumber's wrapper with an empty message)
_FAILURES = {"PDFPasswordIncorrect": "PDF 已加密，需要密码才能打开", "PDFEncryptionError": "PDF 的加密方式无法解开",
             # (a PDF cut short, its end never written: a download broken off. Before: "PSEOF: Unexpected EOF",
             # the library's words, on the quality page — session 53's reader journeys)
             "PSEOF": "PDF 文件不完整：在结尾之前就断了（可能下载未完成），请重新下载",
             # (its cross-reference table or trailer not found: cut off near its end, or damaged)
             "PDFSyntaxError": "PDF 的结构损坏，找不到文件的目录（可能不完整或被改动过），请重新下载"}


def _budget_reached(error: Exception) -> str | None:
    """The ``over_budget`` detail when a library's failure is a limit reached, not a broken file: a recursion or
    memory limit that pdfplumber wraps in its ``PdfminerException`` (a PDF page tree 200,000 deep; a 4 MB PDF whose
    Flate stream inflates to 2 GB, ``MemoryError: Unable to allocate output buffer``), or libxml2's limit on entity
    expansion (a .docx whose XML defines entities of entities, a "billion laughs") or on one text's length (a .docx
    whose body is one paragraph of 50,000,000 characters, 180 KB zipped). Before, these were
    ``file_unreadable`` with the library's words, as if the file were damaged; ``None`` for any other failure.

    >>> class PdfminerException(Exception): pass
    >>> _budget_reached(PdfminerException(RecursionError("maximum recursion depth exceeded")))
    '结构嵌套过深'
    >>> _budget_reached(PdfminerException(ValueError("bad xref"))) is None
    True
    """
    inner = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], Exception) else error
    from .cmaps import OverBudget as MapsOverBudget
    from .pdf_drawn import OverBudget as PageOverBudget
    from .pdf_glyphs import OverBudget as GlyphsOverBudget
    from .pdf_operators import OverBudget as OperatorsOverBudget
    from .pdf_streams import OverBudget as StreamsOverBudget
    from .pdf_tokens import OverBudget as TokensOverBudget

    # (raised inside the library, which wraps it)
    if isinstance(inner, (OverBudget, MapsOverBudget, PageOverBudget, OperatorsOverBudget, TokensOverBudget,
                          GlyphsOverBudget, StreamsOverBudget)):
        return str(inner)
    if isinstance(inner, RecursionError):
        return "结构嵌套过深"
    if isinstance(inner, MemoryError):
        return f"内存超过 {BUDGET.memory // 2**30} GB"
    import lxml.etree

    if isinstance(inner, lxml.etree.XMLSyntaxError) and inner.code == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        # (libxml2 says which: "Text node too long" is one paragraph's text over 10 MB, no entity at all)
        if "text node too long" in str(inner).lower():
            return "XML 中一段文字超过解析器上限（10 MB）"
        return "XML 中的实体展开或嵌套超过解析器上限"
    return None


def _failure(error: Exception) -> str:
    """A ``file_unreadable`` detail for a reader's exception: the exception a library wraps (pdfplumber's
    ``PdfminerException``) told by its own name and message, a known one in words.

    >>> class PdfminerException(Exception): pass
    >>> class PDFPasswordIncorrect(Exception): pass
    >>> _failure(PdfminerException(PDFPasswordIncorrect())), _failure(ValueError("bad xref"))
    ('PDF 已加密，需要密码才能打开', 'ValueError: bad xref')
    """
    inner = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], Exception) else error
    name = type(inner).__name__
    return _FAILURES.get(name) or f"{name}: {inner}"[:200]


def open_beneath(folder: str | Path, rel: str) -> int:
    """A read-only descriptor of ``rel`` inside ``folder``, opened one component at a time without
    following any symbolic link (``O_NOFOLLOW`` on each folder and on the file): a folder swapped for
    a link after the listing, or a ``..`` in ``rel``, cannot lead outside ``folder``. Raises OSError."""
    parts = [p for p in str(rel).split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise OSError(errno.EACCES, "路径在文件夹之外")
    nofollow, nonblock = getattr(os, "O_NOFOLLOW", 0), getattr(os, "O_NONBLOCK", 0)
    if os.open not in os.supports_dir_fd:  # Windows: no descriptor-relative opening; the listing's check stands
        return os.open(Path(folder, *parts), os.O_RDONLY | getattr(os, "O_BINARY", 0))
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | nofollow, dir_fd=fd)
            os.close(fd)
            fd = inner
        return os.open(parts[-1], os.O_RDONLY | nofollow | nonblock, dir_fd=fd)
    finally:
        os.close(fd)


def read_small(folder: str | Path, rel: str, limit: int) -> bytes | None:
    """The bytes of the regular file ``rel`` in ``folder`` (opened as ``open_beneath`` does: never through a
    link), at most ``limit`` of them; ``None`` when it is absent or a folder (entered as one of reports). Raises
    ``OverBudget`` when the file is larger (a sparse 50 GB file must not be read into memory), ``HardLinked`` when
    it has other names (a hard link to a key elsewhere would be published) and ``NotRegular`` when it is a link, a
    pipe or a device, or cannot be opened, as a report would be refused (before, such a VERSION was taken as
    absent in silence: a symlinked one published version 0.1.0)."""
    try:
        fd = open_beneath(folder, rel)
    except FileNotFoundError:
        return None
    except OSError as error:
        why = "a symbolic link" if error.errno in (errno.ELOOP, errno.ENOTDIR) else f"unreadable ({error.strerror})"
        raise NotRegular(f"is {why}; only regular files inside the reports folder are read") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # (a folder cannot even be wrapped in a file object)
        os.close(fd)
        if stat.S_ISDIR(mode):
            return None
        raise NotRegular("is not a regular file (a pipe, device or socket); refused, not read")
    if hard_linked(fd):
        os.close(fd)
        raise HardLinked(rel)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OverBudget(f"{rel} 超过 {limit} 字节")
    return data


def read_path(path: str | Path, nofollow: bool = False, beneath: str | Path | None = None,
              text_only: bool = False) -> Source:
    """Read a file, with its SHA-256. ``nofollow``: refuse a symbolic link (the last component) and
    anything that is not a regular file (a pipe would block, a device never ends). ``beneath``: ``path``
    is relative to that folder and no link is followed on the way (``open_beneath``). ``text_only``: as
    ``read_bytes`` has it. A file whose size or time of change moved while it was read is ``file_unreadable``
    (``CHANGING``), never parsed from the part read."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (getattr(os, "O_NOFOLLOW", 0) if nofollow else 0)
    try:
        fd = open_beneath(beneath, path.as_posix()) if beneath is not None else os.open(path, flags)
    except OSError as error:
        return Source(findings=[_os_finding(error)])
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder, pipe or device (a folder cannot be fdopen'ed)
        os.close(fd)
        return Source(findings=[make("input_refused", detail="不是普通文件")])
    if (nofollow or beneath is not None) and hard_linked(fd):
        os.close(fd)
        return Source(findings=[make("input_refused", detail=HARD_LINK)])
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if info.st_size > MAX_BYTES:  # hashed in blocks, never held (memory stays bounded), if not huge (time)
                digest = bounded_sha256(handle)
                return Source(findings=_too_large(bool(digest)).findings, sha256=digest)
            data = handle.read(min(info.st_size, MAX_BYTES) + 1)  # (a 20 MB buffer for a 9 KB file, before)
            after = os.fstat(fd)
        except OSError as error:
            return Source(findings=[_os_finding(error)])
    if len(data) != info.st_size or (after.st_size, after.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
        return Source(findings=[make("file_unreadable", detail=CHANGING)])
    source = read_bytes(data, path.suffix, text_only)
    source.sha256 = hashlib.sha256(data).hexdigest()
    return source


HARD_LINK = "硬链接（同一文件另有名字，可能在 reports/ 之外），不读取"
# a file written while it was read: a report still being downloaded or saved into reports/ was parsed as the part
# written so far (a text's first tables, the rest row_absent), with no word that the file was incomplete
CHANGING = "读取时文件正在变化（可能仍在下载或保存），未读取；文件保存完成后重新构建"


def hard_linked(fd: int) -> bool:
    """The open file has more than one name: a hard link made inside reports/ to a file elsewhere (a
    key, a password file) looks like an ordinary file, so an input with other names is refused."""
    return os.fstat(fd).st_nlink > 1


# bytes of a file the build hashes at most (≈ 2 s); a larger one (a sparse file of 200 GB takes no room on disk) is
# refused unread with no digest: hashing it took the worker's whole budget, then 4½ minutes in the build's own process
MAX_HASHED = 2**30


def bounded_sha256(handle) -> str:
    """``sha256_of`` an open regular file of at most ``MAX_HASHED`` bytes from its start; ``""`` for a larger one
    (or one that is no regular file), in constant time."""
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_HASHED:
        return ""
    handle.seek(0)
    return sha256_of(handle)


def sha256_of(handle) -> str:
    """SHA-256 of an open binary file from its current position, in one reused 256 KB buffer."""
    digest, buffer = hashlib.sha256(), bytearray(2**18)
    view = memoryview(buffer)
    while count := handle.readinto(buffer):
        digest.update(view[:count])
    return digest.hexdigest()


def _os_finding(error: OSError) -> Finding:
    """The reason without the path (the builder's folders are nobody's business)."""
    if error.errno in (errno.ELOOP, errno.ENOTDIR):  # a link where a file or folder was listed
        return make("input_refused", detail="符号链接")
    return make("file_unreadable", detail=(error.strerror or type(error).__name__)[:200])
