"""The one place where a string from outside (manifest, file name, report text) is made safe for
each place it is written to. Every sink calls exactly one of these; nothing else escapes.

* ``html_text`` / ``html_attr``: HTML element text and attribute values (``&<>"'`` as entities);
* ``page_title``: a page title in front matter, printed raw by the theme in the header and through
  ``striptags`` (which *un*-escapes entities) in ``<title>``: control characters are removed and
  ``& < > " '`` become their full-width forms, so no escaping layer can turn them back into markup;
* ``link_url``: only ``http``/``https`` URLs with a plain host may become links (``None`` otherwise);
* ``plot_label``: a plotly category, name or title (plotly reads a subset of HTML in labels,
  links included): ``& < >`` as entities, which plotly shows as text;
* ``terminal_text``: a line the command prints: no escape sequences or other control characters
  (a file name or report text could otherwise retitle, recolour or rewrite the user's terminal),
  no bidirectional overrides (which make a name read backwards); ``terminal_name``: a file name in such a
  line, its line breaks too written as codes (a name never starts a line of its own);
* ``sheet_cell``: a CSV or XLSX cell. A string beginning with ``= + - @``, TAB or CR is prefixed
  with an apostrophe (OWASP, "CSV Injection"), so that a spreadsheet shows it as text and never
  runs it as a formula; so is a text of digits a spreadsheet would read as another number (16 or more
  digits, or a leading 0), so that it shows every digit. Numbers written as numbers are left alone.
  In a CSV the same apostrophe goes before a formula start wherever a reader may start a cell inside the text
  (``guard_inner``): after a ``;`` or a line break, past spaces and double quotes (Excel in a locale whose list
  separator is ``;`` splits a comma-CSV's lines there, its quotes unseen, so ``某局;=HYPERLINK(…)`` was a formula).
  ``xlsx_cell`` also cuts a text longer than an Excel cell holds, with a note (the CSV keeps it whole);
  ``sheet_row`` is a CSV row of them. ``cell_text`` is the inverse, for readers of the package's CSVs that show
  a value as the report printed it (the site).
  ``CsvWriter`` / ``csv_text`` write the rows: a cell holding a carriage return is quoted too.

>>> page_title('</title><script>x</script>局\\x7f')
'＜/title＞＜script＞x＜/script＞局'
>>> link_url("javascript:alert(1)") is None, link_url(" https://a.gov.cn/x ")
(True, 'https://a.gov.cn/x')
>>> sheet_cell('=HYPERLINK("http://x")'), sheet_cell("-3"), sheet_cell("@SUM(A1)"), sheet_cell(-3)
('\\'=HYPERLINK("http://x")', '-3', "'@SUM(A1)", -3)
>>> terminal_text("a\\x1b]0;owned\\x07\\x1b[2Jb\\u202ec\\n\\td")
'a]0;owned[2Jbc\\n\\td'
>>> plot_label('<a href="https://x">局</a>')
'&lt;a href="https://x"&gt;局&lt;/a&gt;'
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import unicodedata
from functools import lru_cache

# the bidirectional marks, embeddings, overrides and isolates: they flip how the text after them reads (spoofing)
BIDI_CONTROLS = "".join(map(chr, [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# control characters and the bidirectional controls
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029\ufeff\ufffe\uffff]")
_FULL_WIDTH = str.maketrans({"&": "＆", "<": "＜", ">": "＞", '"': "＂", "'": "＇"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
URL_SCHEMES = ("http", "https")
MAX_URL = 2000  # characters: a longer "URL" is no official original's address (and a page of its own to print)
_NOT_IN_URL = re.compile(r'[\s"<>\\`{}|^]')  # never in an address as a site prints it (RFC 3986 excludes them)
# a host as a browser visits it: ASCII letters, digits, dots, hyphens (an IPv6 address in brackets), a port. A browser
# maps 。．｡ to a dot and decodes %-escapes in a host (UTS #46): https://www.gov.cn。evil.com/ reads as gov.cn and
# leads to evil.com; a Cyrillic о reads as an o. An internationalised name is written in its xn-- form
_HOST = re.compile(r"(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


# the planes that hold format characters (Cf): the Basic and Supplementary Multilingual Planes and the Supplementary
# Special-purpose Plane (language tags). Planes 2–3 are ideographs, 4–13 unassigned,
# 15–16 private use; ``tests/test_h49slow_code`` checks every code point, so a Unicode that put one elsewhere is seen
FORMAT_PLANES = (range(0x20000), range(0xE0000, 0xF0000))


@lru_cache(maxsize=1)
def _invisible() -> dict[int, None]:
    """The invisible format characters (Unicode category Cf) other than the bidirectional controls: zero-width
    space, joiners, word joiner, BOM, soft hyphen, tags …; no reader sees them, and nothing reads differently
    without them (a bidirectional control does change how the text reads: ``BIDI_CONTROLS``). Looked for in
    ``FORMAT_PLANES`` only: all 1,114,112 code points took 0.15–0.2 CPU s, in every process that read a text."""
    return dict.fromkeys(c for plane in FORMAT_PLANES for c in plane if unicodedata.category(chr(c)) == "Cf"
                         and chr(c) not in BIDI_CONTROLS)


def drop_invisible(text: str) -> str:
    """``text`` without its invisible format characters (``_invisible``): two agency names alike on the page
    are one name (``某县\u200b某局`` is 某县某局), a number alike on the page one number (``6\u200b`` is 6).

    >>> drop_invisible("某县\u200b某\u00ad局\ufeff"), drop_invisible("a\u202eb")
    ('某县某局', 'a\u202eb')
    """
    return text.translate(_invisible()) if _any_invisible().search(text) else text


@lru_cache(maxsize=1)
def _any_invisible() -> re.Pattern:
    """A character of ``_invisible``: a text without one is returned as it is (``translate`` looks up every
    character; the pattern scans a report's text many times faster)."""
    ranges: list[list[int]] = []  # as ranges of code points: a class of single characters scans slower
    for code in sorted(_invisible()):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                    for a, b in ranges) + "]")


# what ``shown_controls`` writes as its code: the C0 controls but tab and line feed, DEL, the C1 controls, the line and
# paragraph separators and the bidirectional controls (a report's text shows none of them; each either moves a terminal
# or a spreadsheet — ESC [2J clears the screen of a reader running ``head sections.csv`` — or turns the text after it
# around: ``收到申请\u202e51\u202c件`` shows "15" in Excel and a text editor, while the parser read 51)
_SHOWN_BY_CODE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029]")


def char_code(match: re.Match) -> str:
    """A character as Python writes its code: ``\\x07``, ``\\u3164``, ``\\U000e0100``."""
    return char_code_of(match.group())


def shown_controls(text: str) -> str:
    """``text`` with each control or bidirectional control (``_SHOWN_BY_CODE``) written as its code: report text as the
    package publishes it (a section's text, a finding's message and quoted values), the same in every file of it —
    CSV, XLSX, Parquet, SQLite, the site — and read in the order the parser read it. Tabs and line ends stay.

    >>> shown_controls("概述\\x1b[2J。收到申请\\u202e51\\u202c件\\t第二格\\n"), shown_controls("无")
    ('概述\\\\x1b[2J。收到申请\\\\u202e51\\\\u202c件\\t第二格\\n', '无')
    """
    return _SHOWN_BY_CODE.sub(char_code, text) if _SHOWN_BY_CODE.search(text) else text


@lru_cache(maxsize=1)
def _unseen_in_name() -> re.Pattern:
    """A character of a name that shows nothing of its own: a control (a tab and a line end too: a page shows either as
    a space, or nothing at a cell's start), a bidirectional control, an invisible format character (``_invisible``) or
    a blank letter or combining mark (``text.BLANK_LETTERS``)."""
    from .text import BLANK_LETTERS  # (text imports this module)

    return re.compile(_SHOWN_BY_CODE.pattern[:-1] + "\t\n\ufeff\ufffe\uffff" + _any_invisible().pattern[1:-1]
                      + BLANK_LETTERS + "]")


def _changed_by_nfc(char: str) -> bool:
    """A character NFC replaces (a CJK compatibility ideograph: U+F92B drawn as 狼 U+72FC), composes with the one
    before it (a combining accent) or joins to its neighbours (a Hangul jamo)."""
    return (unicodedata.normalize("NFC", char) != char or unicodedata.combining(char) != 0
            or "\u1100" <= char <= "\u11ff")


def file_name_text(name: str) -> str:
    """A file name as a page or a finding shows it to a reader, who must tell two files apart by it: each character
    that shows nothing of its own (``_unseen_in_name``: a zero-width space U+200B, joiner U+200D, BOM U+FEFF, a
    control, a direction override, a combining mark) is written as its code, and so, in a name that is not in NFC
    (only a name that two files of the folder share once normalised is published so: ``collect._distinct_names``), is
    each character NFC would change. Before, ``年报.txt`` and ``年\\u200b报.txt`` — two files, two report pages — each
    said "本机构还有另一份报告：年报.txt", and ``café.txt`` (NFC) and ``cafe\\u0301.txt`` (NFD, as a Mac writes it) both
    showed café.txt. ``reports.csv`` keeps the name exactly (it opens the file); this is for showing it.

    >>> file_name_text("年\\u200b报.txt"), file_name_text("cafe\\u0301.txt"), file_name_text("caf\\u00e9.txt")
    ('年\\\\u200b报.txt', 'cafe\\\\u0301.txt', 'café.txt')
    >>> file_name_text("\\uf92b年报.pdf"), file_name_text("年报\\ufeff.txt"), file_name_text("2024年 报告.txt")
    ('\\\\uf92b年报.pdf', '年报\\\\ufeff.txt', '2024年 报告.txt')
    >>> file_name_text("\\t=x.txt"), file_name_text("a\\rb.txt")
    ('\\\\x09=x.txt', 'a\\\\x0db.txt')

    A page shows a run of spaces as one, and none at a cell's or a line's start or end (``_SPACES_UNSEEN``): `` a.txt``,
    ``a.txt `` and ``a.txt`` — three files, three report pages — all showed ``a.txt``, and ``a  b.txt`` showed
    ``a b.txt``; a space other than U+0020 and U+3000 (a no-break space U+00A0, a thin one) shows as a plain space
    (``_SPACE_ALIKE``). Such a space is written as its code, one inside a name between two characters kept:

    >>> file_name_text(" a.txt"), file_name_text("a.txt "), file_name_text("a  b.txt"), file_name_text("a b.txt")
    ('\\\\x20a.txt', 'a.txt\\\\x20', 'a \\\\x20b.txt', 'a b.txt')
    >>> file_name_text("a\\u00a0b.txt"), file_name_text("2024年\\u3000报告.txt")
    ('a\\\\xa0b.txt', '2024年\\u3000报告.txt')
    """
    if name.isascii() and name.isprintable() and not _SPACES_UNSEEN.search(name):
        return name
    if not unicodedata.is_normalized("NFC", name):
        name = "".join(char_code_of(c) if _changed_by_nfc(c) else c for c in name)
    return _SPACES_UNSEEN.sub(char_code, _SPACE_ALIKE.sub(char_code, _unseen_in_name().sub(char_code, name)))


# the spaces of a name a page does not show: at its start or end (or a folder's: "年报/ a.txt"), and each after the
# first of a run (HTML collapses a run of spaces into one and drops those at a line's start and end)
_SPACES_UNSEEN = re.compile(r"(?<![^/ ]) | (?=/|\Z)")
# a space that shows as U+0020 does: the other space separators but U+3000 (full width, as wide as a Chinese character)
_SPACE_ALIKE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")


def char_code_of(char: str) -> str:
    """``char_code`` of one character (not a match)."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))


def prose_text(text: str) -> str:
    """A report's prose (a section's text) as the package publishes it: the bidirectional controls dropped — they are
    no text, only an order to show the text after them turned around, which the parser never followed (the site drops
    them from every page too) — and the other controls written as their codes (``shown_controls``).

    >>> prose_text("收到申请\\u202e51\\u202c件\\x1b[2J")
    '收到申请51件\\\\x1b[2J'
    """
    return shown_controls(text.translate(_NO_BIDI)) if _SHOWN_BY_CODE.search(text) else text


def strip_control(text: str) -> str:
    """``text`` without control characters (C0, DEL, C1, line/paragraph separators, BOM)."""
    return _CONTROL.sub("", text)


def html_text(value) -> str:
    """HTML element text; ``None`` is an empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def html_attr(value) -> str:
    """An HTML attribute value (to be put between double quotes)."""
    return html_text(value)


def page_title(value) -> str:
    """A page title for front matter: one line, no control characters, no markup characters."""
    text = " ".join(strip_control(unicodedata.normalize("NFC", str(value or ""))).split())
    return text.translate(_FULL_WIDTH)


def link_url(value) -> str | None:
    """The URL if it may become a link (``http``/``https`` with a host, no space, quote, angle bracket or backslash
    inside, no user name or password before the host, a host of ASCII letters, digits, dots and hyphens (``_HOST``),
    at most ``MAX_URL`` characters), else ``None``. A user name deceives (``https://www.gov.cn@evil.example/`` reads
    as gov.cn and leads to evil.example) and a password is a secret: no official original's address has either. A
    host the browser rewrites deceives as well: ``。`` is a dot to it.

    >>> link_url('https://a.gov.cn/x"><script>'), link_url("https://a.gov.cn/a b"), link_url("https://a.gov.cn/%20")
    (None, None, 'https://a.gov.cn/%20')
    >>> link_url("https://www.gov.cn@evil.example/x"), link_url("https://a.gov.cn/x?by=a@b.cn")
    (None, 'https://a.gov.cn/x?by=a@b.cn')
    >>> link_url("https://www.gov.cn。evil.com/"), link_url("https://www.gov.cn%2eevil.com/"), link_url("https://gоv.cn/")
    (None, None, None)
    >>> link_url("https://xn--fiqs8s.xn--fiqz9s:8443/公开/年报.html"), link_url("http://[2001:db8::1]/x")
    ('https://xn--fiqs8s.xn--fiqz9s:8443/公开/年报.html', 'http://[2001:db8::1]/x')
    """
    if not value:
        return None
    url = strip_control(str(value)).strip()
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in URL_SCHEMES or not rest or rest[0] in "/\\" or len(url) > MAX_URL \
            or _NOT_IN_URL.search(url) or not _HOST.fullmatch(_authority(rest)):
        return None
    return url


def _authority(rest: str) -> str:
    """The host part of a URL after its ``scheme://``: up to the first ``/``, ``?`` or ``#``."""
    return re.split(r"[/?#]", rest, maxsplit=1)[0]


def without_credentials(url: str) -> str:
    """``url`` with a user name or password before its host shown as ``…``, for quoting a refused address without
    publishing a secret.

    >>> without_credentials("https://admin:hunter2@a.gov.cn/x"), without_credentials("https://a.gov.cn/x@y")
    ('https://…@a.gov.cn/x', 'https://a.gov.cn/x@y')
    """
    scheme, sep, rest = url.partition("://")
    authority = _authority(rest)
    if not sep or "@" not in authority:
        return url
    return f"{scheme}://…@{authority.rpartition('@')[2]}{rest[len(authority):]}"


def plot_label(value):
    """A plotly label: strings have ``& < >`` as entities (plotly shows them as text); others unchanged."""
    return html.escape(strip_control(value), quote=False) if isinstance(value, str) else value


def terminal_text(value) -> str:
    """A string for the terminal: line feeds and tabs kept, every other control character and
    bidirectional override removed (ESC starts the sequences that rewrite a terminal)."""
    return _TERMINAL.sub("", str(value))


def terminal_name(name) -> str:
    """A file or folder name inside a line the command prints: ``file_name_text`` (each character that shows nothing
    of its own as its code, a line break and a carriage return included), so that a name is one piece of one line.
    ``terminal_text`` keeps line feeds (a message may have several lines): a report named ``a\\n::error::x.txt``
    printed a line of its own making, which a CI log (GitHub Actions) runs as a workflow command. A name given as
    bytes (``OSError.filename``) is decoded as the file system's; a byte no encoding reads is written as its code.

    >>> terminal_name("a\\n::error::x.txt"), terminal_name(b"a\\rb.txt"), terminal_name("年报.txt")
    ('a\\\\x0a::error::x.txt', 'a\\\\x0db.txt', '年报.txt')
    """
    if isinstance(name, bytes):
        data = name
    elif _ESCAPED_BYTES.search(text := str(name)):  # a lone surrogate no byte stands for: its code
        data = text.encode("utf-8", "backslashreplace")
    else:  # (a byte the file system's decoding could not read comes back as that byte)
        data = os.fsencode(text)
    return terminal_text(file_name_text(data.decode("utf-8", "backslashreplace")))


_ESCAPED_BYTES = re.compile("[\ud800-\udc7f\udd00-\udfff]")  # a surrogate ``os.fsdecode`` never makes of a byte


XLSX_CELL_CHARS = 32_767  # what an Excel cell holds
_CUT_NOTE = "…［超出 Excel 单元格上限，已截断；完整内容见同名 CSV］"


def xlsx_cell(value):
    """An XLSX cell: ``sheet_cell``'s apostrophe before a formula-looking text, never before a text of digits (a
    workbook's text cell shows them as printed, and the apostrophe would be a character of the text); a text longer
    than a cell holds (``XLSX_CELL_CHARS`` UTF-16 units, as Excel and XlsxWriter count: a character beyond U+FFFF
    is two) is cut with a note saying so (the writer would cut it silently; the CSV keeps it whole); and a text
    shaped ``<r>…</r>`` starts with ``'``, as a formula-looking one does: XlsxWriter (``constant_memory``) writes
    such a text into the sheet's XML as it is, as a rich string, so report text could otherwise write the
    workbook's XML. The cut is made here, so XlsxWriter never cuts a text after that test (its cut could end a text
    with ``</r>``).

    >>> len(xlsx_cell("注" * 40_000)), xlsx_cell("注" * 40_000).endswith("CSV］")
    (32767, True)
    >>> cut = xlsx_cell("𠀀" * 20_000); len(cut.encode("utf-16-le")) // 2, cut.endswith("CSV］")
    (32767, True)
    >>> xlsx_cell("<r><t>x</t></r>"), xlsx_cell("<r>不是</r> 结尾")
    ("'<r><t>x</t></r>", '<r>不是</r> 结尾')
    >>> xlsx_cell("25380363300630003"), xlsx_cell("007"), xlsx_cell("=1+1"), xlsx_cell("'=1")
    ('25380363300630003', '007', "'=1+1", "''=1")
    """
    if isinstance(value, str) and value[:1] in _MAY_PREFIX and _looks_like_formula(value, numbers=False):
        value = "'" + value  # (a text cell of a workbook is never read as a number: 25380363300630003 shows whole;
    if isinstance(value, str):  # an apostrophe there was a character of the value, '007 for 007)
        if value.startswith("<r>") and value.endswith("</r>"):
            value = "'" + value
        if len(value) > XLSX_CELL_CHARS // 2 and _utf16_units(value) > XLSX_CELL_CHARS:
            value = _utf16_prefix(value, XLSX_CELL_CHARS - len(_CUT_NOTE)) + _CUT_NOTE
    return value


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def _utf16_prefix(text: str, units: int) -> str:
    """The longest start of ``text`` of at most ``units`` UTF-16 units (a surrogate pair never split)."""
    data = text.encode("utf-16-le", errors="surrogatepass")[:2 * units]
    if len(data) >= 2 and 0xD8 <= data[-1] <= 0xDB:  # a high surrogate whose pair was cut off
        data = data[:-2]
    return data.decode("utf-16-le", errors="surrogatepass")


def _looks_like_formula(text: str, numbers: bool = True) -> bool:
    """What ``sheet_cell`` prefixes: a formula start that is not a number; with ``numbers``, a number a spreadsheet
    would read as another (``_CHANGED_NUMBER``: a CSV's concern only); or an apostrophe before either (so that a text
    which itself begins with ``'=`` keeps its apostrophe through ``cell_text``: ``'=x`` is written ``''=x``)."""
    rest = text.lstrip("'")  # one pass, however many apostrophes (no recursion, no copies per apostrophe)
    if rest.startswith(_FORMULA_START) and not _NUMBER.fullmatch(rest):
        return True
    return numbers and _CHANGED_NUMBER.fullmatch(rest) is not None


# a text that Excel or LibreOffice opening a CSV reads as a number it does not show as printed: 16 or more digits
# (a double keeps 15: the run 25380363300630003 of a cells_recovered finding became 2.53804E+16, …30000), or an
# integer with a leading 0 (007 became 7)
_CHANGED_NUMBER = re.compile(r"[+-]?(?:0\d+|(?=(?:\d\.?){16})\d+(?:\.\d+)?)")
# the first characters of every text ``_looks_like_formula`` takes
_MAY_PREFIX = frozenset((*_FORMULA_START, "'", *"0123456789"))


# where a CSV reader may start a cell inside a text cell: after a ";" (Excel, LibreOffice in a locale whose list
# separator is ";" — German, French … — split a comma-CSV's lines there, and see no quote that does not open their own
# cell, so a quoted comma-cell's line break ends their row too), past spaces and double quotes (a quote that opens such
# a cell, or a doubled one); a formula start there (its run up to the next such point not a number: ``1;-2`` stays)
# gets the apostrophe a cell's start gets, after any apostrophes already there (``guard_inner``, ``cell_text``)
_INNER_START = re.compile(r"""[;\n\r][ "]*(?='*([=+\-@\t\r][^;\n\r]*))""")
_INNER_GUARD = re.compile(r"""([;\n\r][ "]*)'(?='*([=+\-@\t\r][^;\n\r]*))""")


def guard_inner(text: str) -> str:
    """``text`` with an apostrophe before each formula start a ``;``-separator reader would see begin a cell
    (``_INNER_START``); ``cell_text`` takes exactly these off again.

    >>> guard_inner('某局;=HYPERLINK("http://x")'), guard_inner('a; ""+cmd'), guard_inner("1;-2;+3")
    ('某局;\\'=HYPERLINK("http://x")', 'a; ""\\'+cmd', '1;-2;+3')
    >>> guard_inner("第一行\\n@SUM(A1)"), guard_inner("a;'=x"), guard_inner("a;-2 件")
    ("第一行\\n'@SUM(A1)", "a;''=x", "a;'-2 件")
    """
    return _INNER_START.sub(_inner_apostrophe, text) if _may_start_inside(text) else text


def _may_start_inside(text: str) -> bool:
    """Whether ``text`` holds a ``;`` or a line break and a formula start (each looked for by ``in``, many times
    faster than the pattern on a section's prose, which has line breaks and mostly no formula start)."""
    return (";" in text or "\n" in text or "\r" in text) and (
        "=" in text or "+" in text or "-" in text or "@" in text or "\t" in text or "\r" in text)


def _inner_apostrophe(match: re.Match) -> str:
    return match.group() if _NUMBER.fullmatch(match.group(1)) else match.group() + "'"


def _inner_unguarded(match: re.Match) -> str:
    return match.group() if _NUMBER.fullmatch(match.group(2)) else match.group(1)


def sheet_cell(value):
    """A CSV cell (and an XLSX header's): a string that a spreadsheet could read as a formula, or as a number other
    than the text (``_CHANGED_NUMBER``), starts with ``'``; a formula start inside it where a ``;``-separator reader
    begins a cell gets one too (``guard_inner``).

    >>> sheet_cell("25380363300630003"), sheet_cell("007"), sheet_cell("2025"), sheet_cell("0"), sheet_cell("1.25")
    ("'25380363300630003", "'007", '2025', '0', '1.25')
    >>> cell_text(sheet_cell("25380363300630003")), cell_text(sheet_cell("'007")), sheet_cell("'007")
    ('25380363300630003', "'007", "''007")
    """
    if isinstance(value, str):
        if value[:1] in _MAY_PREFIX and _looks_like_formula(value):
            value = "'" + value
        if _may_start_inside(value):
            value = _INNER_START.sub(_inner_apostrophe, value)
    return value


def sheet_row(row: dict, fields) -> list:
    """One CSV row: ``row``'s values of ``fields`` in order, each as ``sheet_cell`` makes it, a missing or
    ``None`` value as an empty cell (``sheet_cell`` inlined: a package writes millions of cells).

    >>> sheet_row({"a": "=1+1", "b": None, "c": 3, "d": "-3", "e": "局;=1+1"}, ["a", "b", "c", "d", "e", "f"])
    ["'=1+1", '', 3, '-3', "局;'=1+1", '']
    """
    out = []
    for key in fields:
        value = row.get(key)
        if value is None:
            out.append("")
        elif isinstance(value, str):
            if value[:1] in _MAY_PREFIX and _looks_like_formula(value):
                value = "'" + value
            if (";" in value or "\n" in value or "\r" in value) and _may_start_inside(value):
                value = _INNER_START.sub(_inner_apostrophe, value)
            out.append(value)
        else:
            out.append(value)
    return out


class CsvWriter:
    """``csv.writer`` with ``\\n`` line ends (as every CSV of the package is written) that also quotes a cell holding
    a carriage return. Python's csv quotes only the characters of its line terminator, so a lone ``\\r`` (a file
    name, a manifest cell) was written bare and every reader split the row there: the package's own check stopped
    the build. A row holding one is written with every cell quoted (rows without one are as before).

    >>> buffer = io.StringIO()
    >>> CsvWriter(buffer).writerows([["a\\rb.txt", 3], ["c", 4]])
    >>> buffer.getvalue(), [len(row) for row in csv.reader(io.StringIO(buffer.getvalue(), newline=""))]
    ('"a\\rb.txt","3"\\nc,4\\n', [2, 2])
    """

    def __init__(self, handle):
        self._plain = csv.writer(handle, lineterminator="\n")
        self._quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row) -> None:
        quoted = any(isinstance(value, str) and "\r" in value for value in row)
        (self._quoted if quoted else self._plain).writerow(row)

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(rows) -> str:
    """``rows`` as ``CsvWriter`` writes them, at the C writer's speed: a text with a carriage return (only ever
    inside a cell) is written again row by row."""
    rows = rows if isinstance(rows, list) else list(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    if "\r" not in (text := buffer.getvalue()):
        return text
    buffer = io.StringIO()
    CsvWriter(buffer).writerows(rows)
    return buffer.getvalue()


def cell_text(value):
    """The inverse of ``sheet_cell``: a cell as read back from the package's CSVs, to the text the
    report printed (for showing it, e.g. on the site; still to be escaped for its sink). Only the
    apostrophes ``sheet_cell`` added are removed (at the start and after a ``;`` or line break: ``guard_inner``),
    so ``cell_text(sheet_cell(x)) == x`` for every string. A cell without an apostrophe is returned as it is.

    >>> cell_text("'=HYPERLINK(1)"), cell_text("'@SUM(A1)"), cell_text("-3"), cell_text("'-3")
    ('=HYPERLINK(1)', '@SUM(A1)', '-3', "'-3")
    >>> cell_text("'引号开头"), cell_text("''=x"), sheet_cell("'=x"), cell_text(None)
    ("'引号开头", "'=x", "''=x", None)
    >>> cell_text("某局;'=x;'-2"), cell_text(sheet_cell("'-1;'=x\\n\\"'+y"))
    ("某局;=x;'-2", '\\'-1;\\'=x\\n"\\'+y')
    """
    if not isinstance(value, str) or "'" not in value:
        return value
    if value[0] == "'" and _looks_like_formula(value[1:]):
        value = value[1:]
    if _may_start_inside(value):
        value = _INNER_GUARD.sub(_inner_unguarded, value)
    return value
