"""From the lines of a table region to rows of (label text, value slots), in any text layout.

Layouts seen: tab-separated cells, markdown pipes (a row on one line, or one cell per line),
PDF text with space-separated numbers and labels wrapped over lines, and flattened HTML where
labels and digits of adjacent cells run together. One tokenizer serves them all:

* a line with ``\\t`` or ``|`` is *structured*: its cells are real cells, and an empty cell
  between separators is a slot (a blank, kept as missing);
* otherwise the line is split on white space and, inside a chunk, between text and digits;
  a digit run there is a *loose* slot that may hold several cells whose digits ran together;
* an item number glued to its label (``…00000002.其他法律…``) belongs to the label.

``region_to_rows(lines, k)`` groups tokens into rows: a label (the text since the previous
values) followed by its slots. With ``k`` (the row width), a structured line that begins with
values after a complete row starts a new row without a label (values printed apart from their
label, as in PDF extractions).

>>> rows = region_to_rows([(1, "规章\\t0\\t0\\t0"), (2, "行政规范性文件 8 5 26")], None)
>>> [(r.label, [s.text for s in r.slots]) for r in rows]
[('规章', ['0', '0', '0']), ('行政规范性文件', ['8', '5', '26'])]
"""

from __future__ import annotations

import csv
import html
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import zip_longest
from operator import itemgetter

from .findings import Finding, make
from .labels import label_matches, name_end
from .memo import parser_memo
from .text import CHINESE_NUMERALS, compact, digit_marks, fold, fold_value, has_digit_mark, placeholders
from .values import (
    COUNT_UNITS,
    MERGED_ACROSS,
    MERGED_CELL,
    MISSING_MARKERS,
    PROSE_UNITS,
    SPANNED,
    approximate_words,
    change_words,
    is_approximate,
    read_cell,
)

# what sets a header line's words apart where cells were not kept: spaces or a markdown row's pipes
CELL_APART = re.compile(r"[\s|]+")
_SEPARATOR_LINE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# a number (with thousands separators, decimals or a 元 unit) or a lone missing marker
_MARKS = "[" + re.escape(digit_marks()) + "]*"  # a footnote mark after a number stays with it: 3① is unreadable
# a change printed with its sign (2019's 本年增/减: 减4, 增加3, -2) where a chunk begins or glued to the number
# before it (35-15: 35, -15) is one value, not a label 减 and a count 4 (which ended the row there and left its
# cells lost)
_SIGN = r"(?:(?:(?<!\S)|(?<=\d))(?:增加?|减少?|[+-]))?"
_PIECE = re.compile(r"(" + _SIGN + r"\d+(?:[.,]\d+)*(?:万元|元)?" + _MARKS + r")|([^\d\s]+)")
_DIGIT_NEXT = re.compile(r"\s*\d")  # used with .match(text, pos)
# a lone Han character next, then a blank or the line's end (with .match(text, pos)): a letter-spaced word goes on
_LONE_HAN_NEXT = re.compile(r"\s+([\u3400-\u9fff])(?:\s|$)")
_HAN = re.compile(r"[\u3400-\u9fff]")
# a cell of a number and marks only, no word (7//25, 7%.25): a value cell, even where no reading of it is a number —
# not one holding a blank or a rule (0| 0, 0 2: two cells' numbers glued, which the loose reading tells apart)
_MARKED_DIGITS = re.compile(r"^[+-]?\d[^\u3400-\u9fffA-Za-z\s|]*$")
_SPACED_NUMBERS = re.compile(r"\d\s+[+-]?\d")
_HALF_GLUED_PIPE = re.compile(r"\s\|\d|\d\|\s")  # 行政许可   |297: a rule or an OCR'd 1 glued to a number


def _stray_pipes(stripped: str) -> bool:
    """A line of space-separated cells with a table's rule read as | here and there (OCR, PDF text): no outer
    pipes, and numbers apart by spaces with no | between them (in a pipe table each number has its own cell), or
    a | glued to a number on one side only (``行政许可   |297``: | may be an OCR'd 1; read, the cell is unreadable).

    >>> _stray_pipes("政府集中采购 1|4 236"), _stray_pipes("68 11 | 0 1 2 1 83"), _stray_pipes("规章|1|2|3")
    (True, True, False)
    >>> _stray_pipes("行政许可   |297"), _stray_pipes("行政许可 | 297")
    (True, False)
    """
    return stripped[0] != "|" and stripped[-1] != "|" and (
        (_HALF_GLUED_PIPE.search(stripped) is not None and not _glued_rules(stripped))
        or any(_SPACED_NUMBERS.search(cell) for cell in stripped.split("|")))


_RULE_AFTER_CELL = re.compile(r"(?<=\S)\|(?= |$)|(?<=\| )\|(?= |$)")  # 规章| 0: a rule glued to the cell before it


def _glued_rules(stripped: str) -> bool:
    """Whether a line is html2text's table row (``规章| 0| 0| 0``: each rule glued to the cell before it, a space
    after it, an empty cell ``| |``): two rules at least, all of that form — no OCR'd rule, which stands here and
    there (``行政许可   |297``). Before, such rows were read as loose text and every number, ``0|``, unreadable.

    Each cell is one number or words alone: a cell holding words and a number, or two numbers, apart by a space
    (``行政规范性文件 7| 3 4|``) is a loose row whose 1s were OCR'd as | (before, 7 was published for 71 and 41's
    column left blank).

    >>> _glued_rules("规章| 0| 0| 0"), _glued_rules("0| | 2| 1"), _glued_rules("政府集中采购 1|4 236| 2")
    (True, True, False)
    >>> _glued_rules("行政规范性文件 7| 3 4|"), _glued_rules("（二）部分公开 （区分处理的）| 1| 0|")
    (False, True)
    """
    rules = stripped.count("|")
    return rules >= 2 and len(_RULE_AFTER_CELL.findall(stripped)) == rules and not any(
        _NUMBER_BESIDE.search(cell.strip()) for cell in stripped.split("|"))


_NUMBER_BESIDE = re.compile(r"\S\s+\d|\d\s+\S")  # a number and something else in one cell, a space apart (linear)
# letters of an alphabet (no Chinese) or a stray | glued to digits, up to a space or the line's end (OCR's 8З,
# 3B5, l1, 1|4): one cell that cannot be read, never the digits alone
_LETTER = r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]|[|¦\ufffd]"  # (U+FFFD: a lost glyph, a reordering mark)
_LETTERS = re.compile(f"(?:{_LETTER})+")
# (at most four runs of letters: each number of a line is tried, and an unbounded run made a line of 1a1a…中 cost time
# quadratic in its length — 16,000 characters 6.6 s)
_GLUED_NUMBER = re.compile(rf"\d[\d.,]*(?:(?:{_LETTER})+[\d.,]*){{0,4}}(?=\s|$)")  # with .match: 36, 3O, 3B5
_GLUED_LETTERS = re.compile(rf"(?:(?:{_LETTER})+[\d.,]*){{1,4}}(?=\s|$)")  # with .match after a number: З, B5, |4
# (with .match after a number) more of one amount glued on: 12万5千元 (its magnitude words), 12。5 (a full stop for
# the point). One cell, unreadable: before, 12 was published and 万 or 。 began a label (or a sentence). At most
# four magnitude words (亿, 千万 …: an amount never needs more): unbounded, a line of "1万1万1万…x" was re-scanned from
# each of its numbers to its end, time quadratic in the line (20,000 characters took 12 s, 100,000 minutes). A
# magnitude word ending the number (3万件, 1.2万, 3千) is the cell's too: before, 3 was published for 行政许可 printed
# 3万件 (30,000) and 万件 went into the next row's label, with no finding
_GLUED_AMOUNT = re.compile(r"(?:[万千百亿]\d+(?:[.,]\d+)*){1,4}[万千百亿]?(?:元|件)?(?=\s|$)|。\d+(?=\s|$)"
                           r"|[万千百亿]{1,2}(?:元|" + "|".join(COUNT_UNITS) + r")?(?=\s|$)")
_ITEM_NUMBER = re.compile(r"[.、]\s*[\u4e00-\u9fff]")  # used with .match(text, pos)
# (with .match after a number in brackets) a sub-item's number printed (3) / （3） / ⑶ (NFKC's "(3)"), then the item's
# words: （六）其他处理 （1）申请人… / （3）其他 — a label's numbering, no count (before, its digit was read as a cell:
# the row took an eighth number, 3.其他's seven cells were lost with label_unrecognised ")其他"); a count's unit after
# it, 予以公开 (3)件, is still a count's
_BRACKET_ITEM = re.compile(r"\)\s*(?![" + "".join(COUNT_UNITS) + r"])[\u4e00-\u9fff]")
# (with .match after a number whose "(" stands apart) its closing bracket, then a space, a rule or the line's end,
# and (group 1) whether a number follows: 20 (7) 74. A bracketed number alone (a tab cell's （12）) is read as before
_BRACKETED_CELL = re.compile(r"\)(?=\s|\||$)(\s+(?=\d))?")
# (folded) a cell holding a number in brackets, (12) / （3.5）: a value cell, unreadable (a count is never negative, and
# an amount in brackets may be one); before, its brackets were words: a label begun in a row's middle (the row lost),
# or, in a table printed one cell a line, a new row (the numbers after it one column off)
_BRACKETED_NUMBER = re.compile(r"^\(\d+(?:[.,]\d+)*\)$")
_NOT_AN_ITEM_NUMBER = re.compile(r"[.,元]")  # a decimal or amount is a value
# an item number of table 三's sub-rows numbered on across its groups (1.–8. under （三）, 9.–11. under （四）, 12.–16.
# under （五）, 17.–19. under （六）): two digits opening a label, no cell before them on the line — where cells come
# before it, its first digit may be the last cell glued on (…0 0 12.其他法律 is a cell 1 and the item 2.)
_RUN_ON_ITEM = re.compile(r"1\d")
_RUN_ON_LABEL = 60  # characters of a line after a run-on number looked at for the label it numbers
# a page footer between rows of a table split across pages: "— 3 —", "- 12 -", "·3·", "第 3 页", "第3页 共12页"
_FOOTER = r"(?:-+\s*\d{1,4}\s*-+|[·•]\s*\d{1,4}\s*[·•]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)"
_PAGE_FOOTER = re.compile(rf"^{_FOOTER}$")
_FOOTER_LEAD = re.compile(rf"^\s*{_FOOTER}(?=\s)")
_FOOTER_TAIL = re.compile(rf"\s{_FOOTER}\s*$")
_WORDS_ONLY = re.compile(r"^[^0-9]*[\u3400-\u9fff][^0-9]*$")
_FOOTER_START = frozenset("-—－–‐第·•")
_FOOTER_EDGES = _FOOTER_START | {"页"}  # how a line with a footer at its start or its end begins or ends
# a converter's placeholder column name in a markdown header row: 数据1, 列2, Column 3
_PLACEHOLDER = re.compile(r"^[^\W\d_]{1,8}\s*\d{1,2}$")
_NUMERIC_CELL = re.compile(r"^[+-]?\.?\d[\d,. ]*(?:万元|元|" + "|".join(COUNT_UNITS) + ")?" + _MARKS
                           + r"$|^(增加?|减少?)\s?\d+(?:" + "|".join(COUNT_UNITS) + ")?$")
# a cell that is a number with a few marks after it (3人, 3（件）, 3-, 3/): a value cell that cannot be read, not
# label text (before, the row's label took it, the row was one cell short, and all its cells were lost); an
# item number (3.其他, 2、重复申请) and a date (2023年, 12月) are text
_CHINESE_NUMERAL = re.compile(f"^[{CHINESE_NUMERALS}]{{1,4}}$")
# (folded) a cell of circled, parenthesised or full-stop numbers (①, ⑽, ⒌, ❺, ㉑): no count, whatever it reads as
_ENCLOSED_NUMBER = re.compile("^[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]{1,3}$")
_NUMBER_WITH_MARKS = re.compile(r"^[+-]?\d+(?:[,.]\d+)*(?![.、．,，]\s*[\u4e00-\u9fff])(?!\s?[\d年月日号])"
                                r"(?!\s?[\u4e00-\u9fff]{2})\s?\S{1,3}$")  # 3其他, 3 其他: words, a label


# (folded) numbers stacked in one cell, apart by ``|`` (the PDF and Word readers' ``STACKED``, ``｜`` folded:
# ``10｜200``, a number run over its rule ``7｜5394432.52元``): one value cell, unreadable — before, a cell beginning
# so was taken for label text and cut at its ``|``, and 7 was published as the row's amount
_STACKED_CELL = re.compile(r"^(?:[+-]?\d[\d,.]*(?:万元|元)?\|)+[+-]?\d[\d,.]*(?:万元|元)?$")


@dataclass
class Slot:
    """A value position: ``text`` as printed ('' for an empty cell), its line, and whether it
    was a whole cell (``structured``) or a digit run that may hold several cells."""

    text: str
    line: int
    structured: bool
    empty: bool = field(init=False)

    def __init__(self, text: str, line: int, structured: bool) -> None:  # (written out: a region makes many)
        self.text, self.line, self.structured = text, line, structured
        self.empty = not text.strip()


@dataclass
class Row:
    label: str = ""
    label_line: int | None = None
    label_structured: bool = False  # some label text came from a tab/pipe line
    slots: list[Slot] = field(default_factory=list)
    filled: int = 0  # how many slots are not empty
    # each text cell of a tab/pipe line (and each word of a line of loose text) in ``label``: (where it begins
    # in ``label``, its line, its text as printed, whether a cell); a label split over cells keeps its cells,
    # so a text cell after the label's name can be told from the name (``stray_cells``)
    label_cells: list[tuple[int, int, str, bool]] = field(default_factory=list)
    # the cells its table prints when this row has fewer and which is lost is not known (a table 三 with a 小计
    # column: ``drop_org_subtotals``); 0 when none: the row is then missing, never read as the template's width
    short_of: int = 0

    def add(self, slot: Slot) -> None:
        self.slots.append(slot)
        self.filled += not slot.empty

    def clear_slots(self) -> None:
        self.slots.clear()
        self.filled = 0

    @property
    def filled_slots(self) -> list[Slot]:
        return [s for s in self.slots if not s.empty]

    @property
    def line(self) -> int | None:
        return self.label_line if self.label_line is not None else (self.slots[0].line if self.slots else None)


# a pipe row's merged columns' rules after its last cell's (``| 0 | 0 | ||``, ``0 | ||||||``: a crawler writes each
# cell's text and rule, then one bare rule a column the row's merged cells cover): no cells
_MERGED_RULES = re.compile(r"(?<=\|) \|{2,}$")


def _split_structured(line: str) -> list[str]:
    # a tab line is split at its tabs, a | in it (OCR's | for 1, a rule) is in a cell; a pipe table's line
    # begins or ends with |, or has no tab
    sep = "|" if "|" in line and ("\t" not in line or line.strip()[:1] == "|" or line.strip()[-1:] == "|") else "\t"
    if sep == "|" and line.rstrip().endswith("||"):
        # (before, each was read as an empty cell: a row printing one number then the rules of the columns it
        # spans, | 0 | ||||||||, was published as 自然人 0 and six blank cells; it is now one cell short, null)
        line = _MERGED_RULES.sub("", line.rstrip()) or line
    cells = line.split(sep)
    if sep == "\t" and "  " in line:
        cells = [piece for cell in cells for piece in _space_separated(cell)]
    if sep == "|" and " | " in line and _HALF_GLUED_PIPE.search(line.strip()) and not _glued_rules(line.strip()):
        # | 规章 | |1 | 2 |: a table whose rules have spaces on both sides; a | glued to a cell's text is in the
        # cell (OCR's | for 1: unreadable), not a rule that makes a cell more (before: 1 vanished, |1 read as an
        # empty cell and 1, every later cell one column on)
        cells = _GRID_RULE.split(line.strip())
    if sep == "|":
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = cells[1:]
        if stripped.endswith("|") and cells and (stripped.startswith("|") or not _glued_rules(stripped)):
            cells = cells[:-1]  # (html2text writes no outer rule: its row's last | is before an empty last cell)
        if "<" in line or "*" in line or "__" in line or "&" in line:
            cells = [_unmarked(cell) for cell in cells]
    return cells


_SPACE_RUN = re.compile(r"\s{2,}")
_BARE_NUMBER = re.compile(r"\d+(?:[.,，]\d+)*")


def _space_separated(cell: str) -> list[str]:
    """A tab line's cell holding numbers apart by runs of spaces as those numbers, one a cell: a text export whose
    tabs became spaces in places (``206\t57  50\t61``) — before, ``57  50`` was one unreadable cell and the row's
    later cells moved a column left, over the label's blank layout cells (科研机构 published as 自然人's 206).
    One space stays inside the cell (``1 075``: a thousands separator).

    >>> [_space_separated(cell) for cell in ("57  50", " 6    21 ", "1 075", "规章  2")]
    [['57', '50'], ['6', '21'], ['1 075'], ['规章  2']]
    """
    parts = _SPACE_RUN.split(cell.strip())
    return parts if len(parts) > 1 and all(_BARE_NUMBER.fullmatch(part) for part in parts) else [cell]


_MARKDOWN_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPHASIS = re.compile(r"^(\s*)(\*\*|__|\*)(\S(?:.*?\S)?)\2(\s*)$")


def _unmarked(cell: str) -> str:
    """A Markdown table's cell as its text reads: its character references decoded, as Markdown reads them (a
    converter's ``&nbsp;`` for an empty cell is blank: it was unreadable, and rows lost a cell), a line break
    (``<br>``, a converted page's) a space, the marks of bold or italic around the whole cell dropped (``**16**``
    is 16: its row was unreadable and lost).

    >>> _unmarked(" **16** "), _unmarked("法人或其他组织<br>商业企业"), _unmarked("3*"), _unmarked("3<br>125")
    (' 16 ', '法人或其他组织 商业企业', '3*', '3<br>125')
    >>> _unmarked(" &nbsp; ").strip(), _unmarked("A&amp;B")
    ('', 'A&B')
    """
    if "&" in cell:
        cell = html.unescape(cell)
    cell = _MARKDOWN_BREAK.sub(lambda m: m.group() if _between_digits(cell, m) else " ", cell)
    return _EMPHASIS.sub(r"\1\3\4", cell)


def _between_digits(text: str, match: re.Match) -> bool:
    """Whether ``match`` stands between two digits: a cell's two lines (3<br>125) are two numbers or one, which the
    cell cannot tell; kept as printed, the cell is unreadable (a space would read as a thousands separator: 3125)."""
    return 0 < match.start() and match.end() < len(text) and text[match.start() - 1].isdigit() \
        and text[match.end()].isdigit()


def joined_columns(top: list[str], bottom: list[str]) -> list[str] | None:
    """A header row printed over two lines, its cells' words wrapped in their columns (现行有效 over 件数, 总 over 计),
    joined column by column; ``bottom`` may be a cell short, the first column (信息内容, 项目) one line high. None
    when the two lines do not line up.

    >>> joined_columns(["信息内容", "现行有效", "本年制发"], ["件数", "件数"]), joined_columns(["a", "b", "c"], ["d"])
    (['信息内容', '现行有效件数', '本年制发件数'], None)
    """
    if len(bottom) == len(top) - 1:
        bottom = ["", *bottom]
    if len(bottom) != len(top):
        return None
    return [a.strip() + b.strip() for a, b in zip(top, bottom, strict=True)]


def structured_cells(line: str) -> list[str] | None:
    """The cells of a tab/pipe line as printed; None for a line of loose text.

    >>> structured_cells("| 规章 | 0 |"), structured_cells("规章 0")
    ([' 规章 ', ' 0 '], None)
    """
    return _split_structured(line) if "\t" in line or "|" in line else None


def _letter_spaced(folded: str, match: re.Match, out: list[tuple[str, str]]) -> bool:
    """Whether the one-character missing mark ``match`` (无) stands inside a letter-spaced label (Word's distributed
    alignment in a PDF's text: ``4 . 无 正 当 理 由 …``, ``申 请 人 无 正 当 …``): the piece before it is text of one
    character, and a lone Han character that is no missing mark follows it. ``其 他 无 无`` and ``密 无 0`` keep
    their cells.

    >>> [kind for kind, _ in _loose_pieces("4 . 无 正 当 理 由 0 13 0 0 0 11 24")][:4]
    ['slot', 'text', 'text', 'text']
    >>> [kind for kind, _ in _loose_pieces("其 他 无 无 0")]
    ['text', 'text', 'slot', 'slot', 'slot']
    """
    if len(match.group(2)) != 1 or not out or out[-1][0] != "text" or len(out[-1][1]) != 1:
        return False
    after = _LONE_HAN_NEXT.match(folded, match.end())
    return after is not None and after.group(1) not in MISSING_MARKERS


def _loose_tokens(text: str, line_no: int) -> list[tuple[str, str, int]]:
    """("text"|"slot", content, line) tokens of unstructured text."""
    return [(kind, content, line_no) for kind, content in _loose_pieces(text)]


@parser_memo(1 << 12)  # labels repeat across rows and reports: tokenised once (bounded: lines vary)
def _loose_pieces(text: str) -> tuple[tuple[str, str], ...]:
    """("text"|"slot", content) pieces of unstructured text (``_loose_tokens`` without the line)."""
    out: list[tuple[str, str]] = []
    folded = fold_value(text)
    glued_to = -1  # where the letters glued to the last number end (they are that cell's)
    for match in _PIECE.finditer(folded):
        number, words = match.groups()
        if match.start() < glued_to:
            continue
        if number is None:
            if approximate := _approximate_number(folded, match):
                if approximate[0]:
                    out.append(("text", approximate[0]))
                out.append(("slot", approximate[1]))  # 约1075: an approximate number is one cell (unreadable),
                glued_to = approximate[2]  # never the word 约 and 1075 (which was published as the count)
                continue
            spaced = match.start() == 0 or folded[match.start() - 1].isspace()
            if spaced and words == "." and (point := _POINT_NUMBER.match(folded, match.end())):
                out.append(("slot", "." + point.group()))  # .5: one cell (unreadable), never 5 after a word "."
                glued_to = point.end()
                continue
            lone = spaced and (match.end() == len(folded) or folded[match.end()].isspace())
            if spaced and _LETTERS.fullmatch(words) and (glued := _GLUED_NUMBER.match(folded, match.end())):
                out.append(("slot", words + glued.group()))  # l1, Z36: an OCR'd digit that came out a letter
                glued_to = glued.end()
                continue
            if lone and out and out[-1][0] == "slot" and words in change_words():
                out.append(("slot", words))  # 行政许可 12 持平 340: the change cell printed in words is a cell
                continue  # (unreadable: no printed 0); before, 持平 began a label and the row's 12 and 340 were lost
            if lone and words == "|":
                continue  # a table's rule read as a lone | (OCR, PDF text) between cells: no cell, no word
            if lone and out and out[-1][0] == "slot" and len(words) <= 2 and _LETTERS.fullmatch(words):
                out.append(("slot", words))  # 3 O 1: an OCR'd 0 that came out a letter, among cells: unreadable
                continue
            if words == "、" and out and out[-1][0] == "slot" and _DIGIT_NEXT.match(folded, match.end()):
                continue  # 23、4、1: cells listed with 、 between them (a 、 before text is an item number's)
            if _unit_of_cell(folded, match, out):
                continue  # 9件 2件 0件 …: each cell carries its unit (before: 件 was label text, the row lost)
            if _unit_of_lone_cell(folded, match, out):
                out[-1] = ("slot", out[-1][1] + words)  # 行政许可 12件: the cell is 12件 (a count: 12; a fee
                continue  # in 万元 printed 5件 is no amount — before, 件 began the next label and 5 was 5 万元)
            if lone and words in MISSING_MARKERS and _letter_spaced(folded, match, out):
                out.append(("text", words))  # 4 . 无 正 当 理 由: a letter of a spaced label, no cell (the row had one
                continue  # cell too many and was lost, the next row's label began at 正)
            out.append(("slot" if lone and words in MISSING_MARKERS else "text", words))
            continue
        if match.end() < len(folded) and folded[match.end()] in "年月日" and number.isascii() and number.isdigit():
            out.append(("text", number))  # 2023年12月31日 in a sentence of the region is a date, not cells
            continue
        if folded.startswith("%", match.end()):
            out.append(("text", number))  # a share (予以公开（占比46.2%）, 办结率 95%) is no count: the label's words
            continue
        if out and out[-1] == ("text", "(") and (close := _BRACKETED_CELL.match(folded, match.end())) \
                and match.start() >= 2 and folded[match.start() - 2].isspace() \
                and (close.group(1) or (len(out) >= 2 and out[-2][0] == "slot")):
            # 20 （7） 74: a number in brackets among cells is one cell, unreadable as 7* is (a count is never
            # negative); before, the brackets were label words in the row's middle, the row's cells lost and its
            # digits re-cut by the identities into other numbers (1 and 2 for 12, 5 for 25)
            out[-1] = ("slot", f"({number})")
            glued_to = match.end() + 1
            continue
        if len(number) <= 2 and number.isdigit() and match.start() and folded[match.start() - 1] == "(" \
                and _BRACKET_ITEM.match(folded, match.end()):
            out.append(("text", number))  # (3)其他: the item's number, part of its label
            continue
        if _ITEM_NUMBER.match(folded, match.end()) and not _NOT_AN_ITEM_NUMBER.search(number):
            if folded[match.end()] == "." and _names_unnumbered_row(folded, match.end() + 1):
                # 行政许可2293. 第二十条…, 行政处罚1282.行政强制42: a point after the cell, before a row the template
                # never numbers (table 二's): one cell, unreadable as the same cell in tab text is, the words after it
                # the next row's label; before, 229 was published and 3. numbered the next row
                words = _GLUED_WORDS.match(folded, match.end() + 1)
                out.append(("slot", number + "."))
                if words.group():
                    out.append(("text", words.group()))
                glued_to = words.end()
                continue
            if _RUN_ON_ITEM.fullmatch(number) and (not out or out[-1][0] == "text") and _run_on(folded, match):
                out.append(("text", number))  # 19.其他, （五）不予处理 12.信访…: Word numbering run on across the
                continue  # groups (1.–8., 9.–11., …, 19.); no cell comes before it (before: 1 a stray cell, 9.其他)
            # "…00000002.其他法律": the last digit is the next label's item number
            if len(number) > 1:
                out.append(("slot", number[:-1]))
            out.append(("text", number[-1]))
            continue
        if tail := _approximate_tail().match(folded, match.end()):
            out.append(("slot", number + tail.group()))  # 1000余, 30多件: one approximate cell, never 1000
            glued_to = tail.end()
            continue
        if amount := _GLUED_AMOUNT.match(folded, match.end()):
            out.append(("slot", number + amount.group()))
            glued_to = amount.end()
            continue
        if (letters := _GLUED_LETTERS.match(folded, match.end())) and letters.end() > match.end():
            # 8З, 8S, 1O: an OCR'd digit that came out a letter (Latin, Cyrillic, Greek) keeps the cell
            # unreadable; before, 8 was read and the letter began the next label (8З read as 8, not 83)
            out.append(("slot", number + letters.group()))
            glued_to = letters.end()
            continue
        if cut := _CUT_AT_POINT.match(folded, match.end()):
            out.append(("slot", number + cut.group()))  # 75394432. 52元: a number cut at its point (a wrap joined
            glued_to = cut.end()  # with a space) is one cell, read as the same cell in tab text is (75394432.52元);
            continue  # before, 75394432 was read (in 万元) and "." began a row of its own
        if cut := _CUT_AT_COMMA.match(folded, match.end()):
            out.append(("slot", number + cut.group()))  # 1, 234 or 1 ,234 (1,234 with a space at its comma): one
            glued_to = cut.end()  # cell, unreadable as the same cell in tab text is; before, "1," ended the label
            continue  # and 234 was published as the row's first value (only identity_broken, blaming the report)
        if apart := _DIGITS_APART.match(folded, match.end()):
            out.append(("slot", number + apart.group()))  # 1'075, 1·075: one cell (unreadable); before, 1 was the
            glued_to = apart.end()  # row's value and '075 the label and number of a row that is not there
            continue
        if note := _GLUED_NOTE.match(folded, match.end()):
            out.append(("slot", number + note.group()))  # 12*, 3※, 5(注): a footnote's mark on the cell — one cell,
            glued_to = note.end()  # unreadable as the same cell in tab text is; before, the mark began a label in
            continue  # the row's middle, and the whole row was lost (label_unrecognised, row_lost_cells)
        out.append(("slot", number))
    return tuple(out)


_CELL_UNIT = frozenset(COUNT_UNITS)
# (with .match after a number) a mark glued between its digits that is no separator this parser reads: an
# apostrophe (the Swiss 1'075), a middle dot, an underscore
_CUT_AT_POINT = re.compile(r"\.[ \t\u3000]+\d[\d,.]*(?:万元|元)?(?=\s|$)")  # (with .match after a number)
_DIGITS_APART = re.compile(r"['’‘`´·•˙_]\d[\d.,]*")
# (with .match after a number) a comma with a space beside it, then digits: 1, 234 (a number with a space the
# folded ， left after its separator); a comma between digits alone was taken by the number already (1,234)
_CUT_AT_COMMA = re.compile(r"[ \t\u3000]*,[ \t\u3000]*\d[\d,.]*(?=\s|$)")
# (with .match after a number) a footnote's mark glued to it, then a space or the line's end: 12*, 3※, 5(注), 5注1
_GLUED_NOTE = re.compile(r"(?:[*※△▲★☆#]{1,3}|\(注\d{0,2}\)|注\d{0,2})(?=\s|$)")
_POINT_NUMBER = re.compile(r"\d[\d,.]*(?:万元|元)?")  # (with .match after a lone "."): the digits of .5, .50万元
_APPROXIMATE_UNIT = rf"(?:{'|'.join(COUNT_UNITS)}|万元|元)?"


@lru_cache(maxsize=1)
def _run_on_numbers() -> dict[str, str]:
    """Table 三's sub-rows by the number Word's list numbering run on across the groups gives them (``'1'``:
    denied_state_secret … ``'12'``: rejected_petition … ``'19'``: other_other): the 2021 template's rows of the
    outcome groups that have sub-rows, in its order."""
    from .catalog import rows

    groups: dict[str, list[str]] = {}
    for row in rows():
        if row.get("outcome") and "2021" in row["formats"]:
            groups.setdefault(row["outcome"], []).append(row["code"])
    subs = [code for codes in groups.values() if len(codes) > 1 for code in codes]
    return {str(k): code for k, code in enumerate(subs, start=1)}


_WORDS_BEFORE_DIGIT = re.compile(r"[^\d]{1,20}")  # (with .match) the words after an item number, up to a digit
_GLUED_WORDS = re.compile(r"[^\d\s]*")  # (with .match) the words glued to a point: the rest of _PIECE's words piece
_TABLE2_GROUP = re.compile(r"\s*(?:第\s*二十\s*条|信息内容)")  # (with .match) table 二's group line: 第二十条第（五）项


def _names_unnumbered_row(folded: str, at: int) -> bool:
    """Whether the words at ``at`` (after a number's point) open a row the template never numbers: a table 二 item
    (``rules/item_labels.csv``: 行政许可, 行政处罚 …) or its group's line (第二十条第（六）项, 信息内容) — so the digit
    before the point is no item number of the row after it.

    >>> [_names_unnumbered_row(t, 0) for t in (" 第二十条第(六)项", "行政强制42", "其他法律行政法规禁止公开0")]
    [True, True, False]
    """
    if _TABLE2_GROUP.match(folded, at):
        return True
    words = _WORDS_BEFORE_DIGIT.match(folded, at)
    return words is not None and bool(label_matches(words.group().strip(), "item_labels"))


def _run_on(folded: str, match: re.Match) -> bool:
    """Whether the two digits ``match`` found in ``folded`` number the label after them in the run-on numbering
    (``12.信访举报`` is the 12th sub-row; ``12.其他法律行政法规`` is the 2nd, so its ``1`` is a cell glued to ``2.``:
    a row's last cell put at the start of the next label's line — read as before, never swallowed into the label).

    >>> [_run_on(t, _PIECE.match(t)) for t in ("12.信访举报投诉类申请", "12.其他法律行政法规禁止公开", "19.其他")]
    [True, False, True]
    """
    number = match.group(1)
    found = label_matches(folded[match.start():match.start() + _RUN_ON_LABEL], "row_labels")
    return found[:1] == (_run_on_numbers().get(number),)


@lru_cache(maxsize=1)
def _approximate_head() -> re.Pattern:
    """(with .search on a run of words) an approximate number's word at the words' end: 约, 近, 逾 …"""
    return re.compile("(?:" + "|".join(map(re.escape, approximate_words()[0])) + ")$")


@lru_cache(maxsize=1)
def _approximate_tail() -> re.Pattern:
    """(with .match after a number) an approximate number's word glued to it, then its unit: 余, 多件, 左右 …"""
    return re.compile(r"\s?(?:" + "|".join(map(re.escape, approximate_words()[1])) + ")" + _APPROXIMATE_UNIT)


_APPROXIMATE_NUMBER = re.compile(r"\s?\d[\d,.]*" + _APPROXIMATE_UNIT)


def _approximate_number(folded: str, match: re.Match) -> tuple[str, str, int] | None:
    """``(the words before it, the approximate number, where it ends)`` when the words ``match`` found end with a
    word of ``rules/approximate_words.csv`` printed right before a number (``行政许可约1075``, ``约 37``: apart from
    the number only when it is a word of its own); None else.

    >>> text = "行政许可约1075件"
    >>> _approximate_number(text, _PIECE.match(text))
    ('行政许可', '约1075件', 10)
    """
    head = _approximate_head().search(match.group(2))
    number = _APPROXIMATE_NUMBER.match(folded, match.end()) if head else None
    if number is None or (head.start() and folded[match.end()].isspace()):
        return None  # (约 37 apart is a word of its own; 申请人逾 0 is a label wrapped inside 逾期, then a cell)
    return match.group(2)[:head.start()], head.group() + folded[match.end():number.end()], number.end()


# a unit glued between a number and the next, itself followed by a unit: 6件0件 (a flattened web page's cells; a
# sentence's 6件2人 goes on with another unit, never the same one twice)
_UNIT_THEN_CELL = re.compile("(" + "|".join(sorted(COUNT_UNITS, key=len, reverse=True)) + r")\d+\1")


def _unit_of_cell(folded: str, match: re.Match, out: list[tuple[str, str]]) -> bool:
    """Whether the words ``match`` found are the counting unit of the number right before them in a row of
    cells: glued to it, and followed by the next cell's number (``9件 2件``) or, at the line's end, after a
    run of numbers (``… 0 12件``). A sentence's unit goes on with words or a clause mark (``31件，``). One space
    between the number and its unit is the same cell (``6 件 0 件 …``: PDF text of a Word table, which spaces
    digits apart from Chinese; audit 29: the row was lost, 件 read as its label's words).

    >>> [t for kind, t in _loose_pieces("一、本年新收政府信息公开申请数量 6 件 0 件 6 件") if kind == "slot"]
    ['6', '0', '6']
    >>> [t for kind, t in _loose_pieces("一、本年新收政府信息公开申请数量6件0件6件") if kind == "slot"]
    ['6', '0', '6']
    """
    start = match.start()
    glued = folded[start - 1].isdigit() or (folded[start - 1] == " " and start > 1 and folded[start - 2].isdigit())
    if match.group(2) not in _CELL_UNIT or not out or out[-1][0] != "slot" or not glued:
        return False
    if _DIGIT_NEXT.match(folded, match.end()) and match.end() < len(folded) and (
            folded[match.end()].isspace() or (folded[start - 1].isdigit() and _UNIT_THEN_CELL.match(folded, start))):
        return True  # (6件0件0件…: a flattened page's cells, each unit glued between two numbers)
    return not folded[match.end():].strip() and len(out) >= 2 and out[-2][0] == "slot"


def _unit_of_lone_cell(folded: str, match: re.Match, out: list[tuple[str, str]]) -> bool:
    """Whether the words ``match`` found are a counting unit glued to a row's only number at the line's end
    (``行政事业性收费 5件``): that cell's, as in a table's cell, where a count reads 5 and an amount in 万元 is
    unreadable. (Before, 件 began the next row's label and 5 was published as 5 万元.) A line with a number before
    the words (``0部分公开2件``: words and a count in one cell of a table printed one cell a line) is no such row:
    read as one, its label took the next lines' cells, one cell off (the review of audit 29).

    >>> [p for p in _loose_pieces("行政事业性收费 5件")], [p for p in _loose_pieces("共收到申请12件，")][-1]
    ([('text', '行政事业性收费'), ('slot', '5件')], ('text', '件,'))
    """
    start = match.start()
    return (match.group(2) in _CELL_UNIT and bool(out) and out[-1][0] == "slot" and folded[start - 1].isdigit()
            and not folded[match.end():].strip() and not any(kind == "slot" for kind, _ in out[:-1]))


@parser_memo(1 << 14)
def _cell(cell: str) -> tuple[str, bool]:
    """``(the cell folded and stripped, whether it reads as a value: a number or a missing marker)``."""
    folded = fold_value(cell).strip()
    spanned = SPANNED.search(folded)  # 0〔跨2格〕: a number merged across two columns is one
    return folded, compact(folded) in MISSING_MARKERS or bool(_NUMERIC_CELL.match(folded)) or bool(
        _BRACKETED_NUMBER.match(folded)) or bool(
        _NUMBER_WITH_MARKS.match(folded)) or bool(MERGED_CELL.match(folded)) or bool(
        _STACKED_CELL.match(folded)) or bool(spanned and read_cell(folded[:spanned.start()])[1] is None) or (
        is_approximate(folded))


_ROW_NUMBER = re.compile(r"^\d{1,2}$")
_ITEM_CELL = re.compile(r"^(?:\d{1,2}[.、]?|\(\d{1,2}\))$")  # (folded) an item number in a cell: 1, 1., 1、, (1)


def _row_number_at(cells: list[tuple[str, bool]]) -> int | None:
    """The index of a row's number in a 序号 column: the first non-empty cell, a number of up to two digits,
    followed by a label (text) and then by values; None when the row has none.

    >>> _row_number_at([("3", True), ("（一）予以公开", False), ("3", True)])
    0
    >>> _row_number_at([("规章", False), ("0", True)]), _row_number_at([("3", True), ("4", True), ("5", True)])
    (None, None)
    """
    filled = [i for i, (folded, _) in enumerate(cells) if folded]
    if len(filled) < 3 or not _ROW_NUMBER.match(cells[filled[0]][0]):
        return None
    label = filled[1]
    if cells[label][1] or not any(cells[i][1] for i in filled[2:]):
        return None
    return filled[0]


def is_page_footer(line: str) -> bool:
    """A line that is only a page number (``— 3 —``, ``第 3 页``): not part of any row.

    >>> is_page_footer("— 3 —"), is_page_footer("第 3 页 共 12 页"), is_page_footer("3")
    (True, True, False)
    """
    return bool(_PAGE_FOOTER.match(fold(line).strip()))


def footer_off(line: str) -> str:
    """``line`` without a page footer run into its words: PyMuPDF's sorted text prints page 3's ``— 3 —`` (or
    ``第 3 页 共 9 页``) on page 4's first line, the table's header repeated (before: the 3 went to the row above
    as an eighth cell, and the row's seven cells were lost). The footer becomes spaces (a layout text's columns
    stay where they were); only where the rest of the line is words with no digit: a row's numbers are never taken.

    >>> footer_off("— 3 — 申请人情况"), footer_off("申请人情况 第 3 页 共 9 页"), footer_off("- 3 - 规章 0 0 5")
    ('      申请人情况', '申请人情况            ', '- 3 - 规章 0 0 5')
    """
    folded = fold(line)
    if len(folded) != len(line):
        return line  # (NFKC made the line longer: its offsets are no longer the printed line's)
    if (lead := _FOOTER_LEAD.match(folded)) and _WORDS_ONLY.match(folded[lead.end():]):
        return " " * lead.end() + line[lead.end():]
    if (tail := _FOOTER_TAIL.search(folded)) and _WORDS_ONLY.match(folded[:tail.start()]):
        return line[:tail.start()] + " " * (len(line) - tail.start())
    return line


def line_tokens(line_no: int, line: str, header: bool = False) -> tuple[list[tuple[str, str, int]], bool]:
    """Tokens of one line and whether the line is structured (tab or pipe cells).

    A ``header`` line (a markdown row right above its ``|---|`` line) is read like any other,
    except that placeholder column names (``数据1`` … ``数据6``) are dropped: they are not values;
    and a header of column names only is not structured: its words are no row's label cell (a
    header holding values is a data row the converter promoted)."""
    tokens, structured, _ = _line_tokens(line_no, line, header)
    return tokens, structured


@parser_memo(1 << 14)  # a region's lines are read into rows several times (table 三's readings): tokenised once
def _line_tokens(line_no: int, line: str, header: bool) -> tuple[list[tuple[str, str, int]], bool, dict[int, str]]:
    """``line_tokens`` and ``{index of the token that begins a text cell of a structured line: the cell}``."""
    stripped = line.strip()
    if not stripped or _SEPARATOR_LINE.match(stripped) or (
            stripped[0] in _FOOTER_START and len(stripped) < 24 and is_page_footer(stripped)):
        return [], False, {}
    if "\t" not in line and ("|" not in line or _stray_pipes(stripped)):
        return _loose_tokens(footer_off(line) if _FOOTER_EDGES & {stripped[0], stripped[-1]} else line, line_no), \
            False, {}
    tokens: list[tuple[str, str, int]] = []
    starts: dict[int, str] = {}
    numbers_began = False  # after the first number, every cell is a value cell
    cells = [_cell(cell) for cell in _split_structured(line)]
    number_at = _row_number_at(cells)
    for index, (folded, value) in enumerate(cells):
        if index == number_at:
            continue  # 序号 | 项目 | 自然人 …: the row's number is no value of it (before: the row's label became
            # its cells, and a table numbering its rows was lost whole)
        if not value and 0 < index < len(cells) - 1 and _CHINESE_NUMERAL.match(folded) and cells[index - 1][0] \
                and not cells[index - 1][1] and cells[index + 1][1] and cells[index + 1][0]:
            # 予以公开 | 三 | 1 | 0 …: a count in words between the label and the counts is a cell (unreadable),
            # not a part of the label (the row was one cell short and all its cells lost); 不予公开 | 一 |
            # 属于国家秘密 | 0 … is an item number: text follows it
            value = True
        if not value and index > 0 and _ENCLOSED_NUMBER.match(folded) and (
                numbers_began or (cells[index - 1][0] and not cells[index - 1][1])) and (
                index == len(cells) - 1 or not _HAN.search(cells[index + 1][0])) and not any(
                read and not _ENCLOSED_NUMBER.match(text) for text, read in cells[index + 1:]):
            # 行政许可 | ⑤ |, a row of ⑤ | ⑤ | …: a circled number where a row's counts stand, no count after it,
            # is a cell (unreadable), not a note's mark on the label (before, the row was taken for a label
            # without numbers: row_absent); before counts (一、本年新收… | ① | 5 | 0 …) it is the label's note, and
            # 不予公开 | ① | 属于国家秘密 numbers the next label
            value = True
        if not numbers_began and 0 < index < len(cells) - 1 and _ITEM_CELL.match(folded) \
                and cells[index - 1][0] and not cells[index - 1][1] and not cells[index + 1][1] \
                and _HAN.search(cells[index + 1][0]) and not _DIGIT.search(cells[index + 1][0]) \
                and cells[index + 1][0] not in change_words():
            # 不予公开 | 1 | 属于国家秘密 | 0 …: an item number between label cells, the next label's words (before:
            # the row began at it, 属于国家秘密 became a cell and the row was lost); 政府集中采购 | 14 | Z36 (OCR for
            # 236) is a count, then an unreadable cell: no words follow it (before: 14 was lost, 36 read); 行政许可 |
            # 12 | 下降2 | 340 is a count, then a cell with a digit, never a label's words (before: 12 was taken for
            # an item number and the row lost); 行政事业性收费 | 7 | 持平 is a count, then the change in words
            # (rules/change_words.csv), no label's (before: 7 was taken for an item number and the row lost whole)
            starts[len(tokens)] = folded
            tokens.append(("text", folded, line_no))
            continue
        if header and not numbers_began and _PLACEHOLDER.match(folded) and not _NUMERIC_CELL.match(folded):
            continue  # 数据1 is a column's name; 增加2 in a promoted data row is a value
        if not value and index > 0 and _MARKED_DIGITS.match(folded) and any(
                text and not read for text, read in cells[:index]):
            # 行政许可 | 7//25, 7——25, 7%.25, 1\.25 (a converter's escape): a cell of digits and marks after the row's
            # label is a value cell, unreadable as printed — never label text, which cut it into a number for the
            # row (7, 25, 1: published with no word of doubt) and a label of the marks with the rest
            value = True
        if numbers_began or value:
            tokens.append(("cell", folded, line_no))
            numbers_began = numbers_began or bool(folded)
        else:
            starts[len(tokens)] = folded
            tokens.extend(_loose_tokens(folded, line_no))
    return tokens, not header or any(kind != "text" for kind, _, _ in tokens), starts


_GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
_WRAP_JOINS = re.compile(r"[^\x00-\x7f]")  # two pieces of a wrapped cell meet without a space between these


# rowspan="2", style="text-align: right;", align=right: a value quoted, or unquoted without a space (as MediaWiki
# reads it). An unquoted value that may hold spaces let one cell's text be split into attributes in exponentially
# many ways: a cell "a= a= a= …" (20 times) took 15 s, each more one twice as long (review 26b)
_WIKI_ATTRIBUTE = r"[a-z-]+\s*=\s*(?:\"[^|\"]*\"|'[^|']*'|[^\s|\"'=]*)"
_WIKI_ATTRIBUTES = re.compile(rf"^\s*{_WIKI_ATTRIBUTE}(?:\s+{_WIKI_ATTRIBUTE})*\s*\|(?!\|)")


def _wiki_cells(line: str) -> list[str]:
    """The cells of a wiki table's cell line (``| 规章``, ``| 0 || 0``, ``! 信息内容``, ``| rowspan="2" | 三、…``)."""
    marker = line.lstrip()[0]
    cells = line.lstrip()[1:].split("||" if marker == "|" else "!!")
    return [_WIKI_ATTRIBUTES.sub("", cell, count=1).strip() for cell in cells]


def fold_wiki_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A wiki table (MediaWiki markup, as pandoc or a wiki's source gives it: ``{|``, a ``|-`` line between rows,
    each cell on a line ``| 0`` or several ``| 0 || 0``, header cells ``! …``) as one pipe line a row, on the row's
    first line; the markup lines left empty. Before, every ``| 0`` was a row of its own: 24–61 of a report's
    values lost (``row_lost_cells``, ``row_extra_cells``). A text without ``{|`` is left as it is."""
    if not any(text.lstrip().startswith("{|") for _, text in lines):
        return lines
    out: list[tuple[int, str]] = []
    row: list[list[str]] = []  # each cell's pieces, joined once the row ends (linear in a cell of many lines)
    first: int | None = None
    inside = False

    def flush() -> None:
        nonlocal first
        if first is not None:
            out[first] = (out[first][0], "| " + " | ".join(" ".join(cell).strip() for cell in row) + " |")
        row.clear()
        first = None

    for number, text in lines:
        stripped = text.strip()
        if stripped.startswith("{|"):
            inside = True
            out.append((number, ""))
        elif inside and stripped.startswith("|}"):
            flush()
            inside = False
            out.append((number, ""))
        elif inside and (stripped.startswith("|-") or stripped.startswith("|+")):
            flush()
            out.append((number, ""))
        elif inside and stripped[:1] in ("|", "!"):
            if first is None:
                first = len(out)
            row.extend([cell] for cell in _wiki_cells(stripped))
            out.append((number, ""))
        else:
            if inside and row and stripped:  # a cell's text on more lines: its next line (before, the text so far
                row[-1].append(stripped)  # was copied for each: a cell of 160,000 lines took 30 s; review 26b)
                out.append((number, ""))
                continue
            out.append((number, text))
    flush()
    return out


def _spaced_pipe_row(text: str) -> bool:
    """A pipe row (no tab) whose every | has a space or the line's edge on each side, two | at least."""
    stripped = text.strip()
    return "\t" not in text and stripped.count("|") >= 2 and len(_GRID_RULE.findall(stripped)) == stripped.count("|")


def fold_open_pipe_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Pipe rows printed without outer rules (``四、结转下年度继续办理 |  |  | 1 | 0 | 0 | 0 | 0 | 0 | ``,
    `` |  | （一）予以公开 | 9 | …``): a leading or trailing ``|`` is Markdown's outer rule, or the rule after an
    empty first cell or before an empty last one. When two rows or more of the region begin on a cell and two or
    more end on one (``一、本年新收… |  |  | 32 | … | 34``), the table prints no outer rules: each row is written
    with both, its empty first or last cell kept (before, a blank 总计 was dropped with the "closing rule" and the
    row read one column left: 商业企业 1, 总计 0, only identity_broken). Any other region is left as printed."""
    rows = [index for index, (_, text) in enumerate(lines) if "|" in text and _spaced_pipe_row(text)]
    if len(rows) < 3:
        return lines
    stripped = {index: lines[index][1].strip() for index in rows}
    if sum(not text.startswith("|") for text in stripped.values()) < 2 \
            or sum(not text.endswith("|") for text in stripped.values()) < 2 \
            or any(_SPACED_NUMBERS.search(cell) for text in stripped.values() for cell in text.split("|")):
        return lines  # (numbers apart by spaces between the rules: loose text with OCR'd rules, ``_stray_pipes``)
    out = list(lines)
    for index in rows:
        text = stripped[index]
        out[index] = (out[index][0], ("|  " if text.startswith("|") else "| ") + text
                      + ("  |" if text.endswith("|") else " |"))
    return out


_BOX_VERTICALS = "│┃║╎╏┆┇┊┋"  # (U+2500–U+257F is the box-drawing block: the rest are rules, corners and joints)
_BOX_RULES = "─━═╌╍┄┅┈┉╴╵╶╷╸╹╺╻╼╽╾╿"


def _box_drawing(ch: str) -> bool:
    return "\u2500" <= ch <= "\u257f"


def _box_joint(ch: str) -> bool:
    """A corner or a joint (``┌ ├ ┼ ┤ ┘``): a rule's, never a cell's (a cell may print ``─`` for a blank)."""
    return _box_drawing(ch) and ch not in _BOX_VERTICALS and ch not in _BOX_RULES


def fold_box_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table drawn with box-drawing characters (``w3m -dump``, a terminal's or a text editor's tables: ``┌─┬─┐``,
    ``│规章│0│``, ``├─┼─┤``) as the pandoc grid table ``fold_grid_rows`` reads: a line of rules, or holding a joint (a
    partial rule below a cell that spans rows, beside that cell's words), is a border ``+---+``; on a line of text
    each vertical rule is ``|`` with a space on each side. Before, every such row was read as one label or
    lost (``row_lost_cells``, ``label_unrecognised``): 195 of a report's 200 values. A text without a vertical rule
    is left as it is."""
    if not any(ch in text for _, text in lines for ch in _BOX_VERTICALS[:3]):
        return lines
    out = []
    for number, text in lines:
        stripped = text.strip()
        if not stripped or not any(_box_drawing(ch) for ch in stripped):
            out.append((number, text))
        elif all(_box_drawing(ch) or ch.isspace() for ch in stripped) or any(_box_joint(ch) for ch in stripped):
            out.append((number, "+---+"))  # (a spanning label on a rule's line, 三、本年度办理结果: a label only)
        else:
            out.append((number, "".join(" | " if ch in _BOX_VERTICALS else ch for ch in text.rstrip())))
    return out


def fold_grid_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A pandoc grid table (``+----+----+`` borders, each row's cells wrapped over several ``| … | … |`` lines)
    as one pipe line a row, on the row's first line; the borders dropped. A cell's pieces are joined as read
    when they meet between Chinese characters (``一、本年新收政府`` / ``信息公开申请数量``), else with a space, so
    that ``3`` over ``1`` stays two numbers (unreadable), never 31. A block whose lines split into different
    numbers of cells is left as printed. A grid's borders have a space on each side (``| 14 |``): a ``|`` glued to a
    cell's text (``|4``: OCR's | for 1) is in the cell, printed ``¦`` so that it stays unreadable, never 4.
    Before, every wrapped line was a row of its own: a label's rest made blank rows, ``+---+`` lines were
    labels, and rows whose label wrapped were lost."""
    if not any("+" in text and text.lstrip().startswith("+") for _, text in lines):
        return lines
    out: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []
    inside = False

    def flush() -> None:
        split = [[cell.replace("|", "¦") for cell in _GRID_RULE.split(text.strip())[1:-1]] for _, text in block]
        if not block or len({len(cells) for cells in split}) != 1:
            out.extend(block)
        else:
            out.append((block[0][0], "| " + " | ".join(_join_wrapped(column) for column in zip(*split,
                                                                                      strict=True)) + " |"))
        block.clear()

    for line_no, text in lines:
        stripped = text.strip()
        if stripped.startswith("+") and _GRID_BORDER.match(stripped):
            flush()
            inside = True
        elif inside and len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
            block.append((line_no, text))
        else:
            flush()
            inside = False
            out.append((line_no, text))
    flush()
    return out


_GRID_RULE = re.compile(r"(?:^|(?<=\s))\|(?=\s|$)")  # a grid row's | between cells: spaces on both sides

_CUT_HEAD = re.compile(r"^(\s*)(\d+\.)\s*$")  # a line holding only a number ending on its point: 75394432.
_CUT_TAIL = re.compile(r"^(\s*)(\d+(?:万元|元)?)\s*$")  # a line holding only the rest: 52元


def join_cut_numbers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A layout text (``pdftotext -layout``, pdfplumber's ``layout=True``) of a number wrapped in its narrow cell
    around its row's label: ``75394432.`` alone on the line above ``政府集中采购  135``, ``52元`` alone on the line
    below, both pieces beginning in the same character column, the row's line printing nothing from there on. The
    number is written whole at its place on the row's line, its pieces' lines left empty (as ``pdf_cells`` joins
    them in a PDF; before, ``52元`` was read as the amount: 0.0052 万元 for 7,539.44, and ``75394432.`` went to
    the header's label). Anything else is left as printed."""
    if not any("." in text and _CUT_HEAD.match(text) for _, text in lines):
        return lines
    out = list(lines)
    for index in range(len(out) - 2):
        head = _CUT_HEAD.match(out[index][1])
        if not head:
            continue
        row, tail = out[index + 1][1], _CUT_TAIL.match(out[index + 2][1])
        column = len(head.group(1))
        if not tail or len(tail.group(1)) != column or not row.strip() or len(row.rstrip()) >= column - 1:
            continue
        out[index + 1] = (out[index + 1][0], row.rstrip().ljust(column) + head.group(2) + tail.group(2))
        out[index] = (out[index][0], "")
        out[index + 2] = (out[index + 2][0], "")
    return out


_CSV_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")
_THOUSANDS_ONLY = re.compile(r"^\d{1,3}(?:,\d{3})+$")
CSV_ROWS_MIN = 3  # lines of the same field count that make a region's comma lines an export's rows


def fold_csv_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table exported as CSV (Excel, WPS: ``一、本年新收政府信息公开申请数量,,68,11,0,1,2,1,83``) as tab lines.
    A line is an export's row when it has two commas or more and no tab or pipe, its fields (quotes as CSV
    quotes them: ``"1,297"``) are each empty, a number, or words without a number beside a space, one at
    least a number or empty, and it is not one thousands-separated number; and at least ``CSV_ROWS_MIN`` such
    lines of the region have that many fields (so a sentence that happens to hold commas stays text).
    Before, each row's commas glued its cells into one unreadable number and every row was lost."""
    rows: dict[int, list[str]] = {}
    for index, (_, text) in enumerate(lines):
        if text.count(",") < 2 or "\t" in text or "|" in text or _THOUSANDS_ONLY.match(text.strip()):
            continue
        try:
            fields = [f.strip() for f in next(csv.reader([text.strip()]))]
        except csv.Error:
            continue
        if any(not f or _CSV_NUMBER.match(f) for f in fields) and all(
                not f or _CSV_NUMBER.match(f) or not re.search(r"\d\s|\s\d", f) for f in fields):
            rows[index] = fields
    if len(rows) < CSV_ROWS_MIN:
        return lines
    counts: dict[int, int] = {}
    for fields in rows.values():
        counts[len(fields)] = counts.get(len(fields), 0) + 1
    out = list(lines)
    for index, fields in rows.items():
        if counts[len(fields)] >= CSV_ROWS_MIN:
            out[index] = (lines[index][0], "\t".join(fields))
    return out


def _join_wrapped(pieces: tuple[str, ...]) -> str:
    """A grid cell's lines as one text. Two digits meet across two spaces (unreadable), never one: ``10`` over
    ``252`` joined with one space read as the thousands group 10 252 — 10252 published for a cell printing two
    numbers."""
    joined = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if joined and joined[-1].isdigit() and piece[0].isdigit():
            joined += "  " + piece
            continue
        glue = joined and not (_WRAP_JOINS.match(joined[-1]) and _WRAP_JOINS.match(piece[0]))
        joined += (" " if glue else "") + piece
    return joined


def mark_as_first_cell(row: Row, k: int) -> None:
    """A row one cell short whose label's last cell is a circled number right before its counts (``一、本年新收… | ⑤
    | 18 | 36 | …``: ⑤ and six counts for seven columns) prints its cells in full, the first holding no count: ⑤ is
    that cell (unreadable), not a note's mark on the label. Before, the row, six counts for seven columns, was lost
    whole (row_lost_cells). Before all ``k`` counts the mark stays the label's note (not called then); a mark that
    is the whole label, or one after which words come, is left as it is.

    >>> row = Row("一、本年新收5", 3, True, [Slot("18", 3, True)], 1, [(0, 3, "一、本年新收", True), (6, 3, "⑤", True)])
    >>> mark_as_first_cell(row, 2)
    >>> row.label, [s.text for s in row.slots], row.filled
    ('一、本年新收', ['⑤', '18'], 2)
    """
    if len(row.slots) != k - 1 or not row.slots or len(row.label_cells) < 2:
        return
    start, line, printed, structured = row.label_cells[-1]
    mark = fold_value(printed).strip()  # (the label holds it compacted: ⑤ as 5)
    if not (_ENCLOSED_NUMBER.match(mark) and row.label[start:] == compact(mark) and line <= row.slots[0].line):
        return
    row.label = row.label[:start]
    row.label_cells.pop()
    row.slots.insert(0, Slot(mark, line, structured))
    row.filled += 1


# the label of a row that numbers a table's columns (栏次 1 2 3 …): a header row, not values
_COLUMN_NUMBERS_LABELS = ("栏次", "列次", "序号", "列号", "行次", "编号")


def _column_numbers(row: Row) -> bool:
    """Whether ``row`` numbers the table's columns (1 2 3 … n, cells or words of a line): a statistics table's 栏次
    row under its header. Five or more such cells are never a whole row of values (each of tables 三 and 四 has a
    total that the others sum to, which 1 … n never satisfies); three or four are when the row is labelled so.

    >>> row = Row(slots=[Slot(str(n), 9, True) for n in range(1, 16)])
    >>> three = row.slots[:3]
    >>> _column_numbers(row), _column_numbers(Row("栏次", slots=three)), _column_numbers(Row(slots=three))
    (True, True, False)
    """
    cells = row.slots
    if len(cells) < 3:
        return False
    if any(s.text.strip() != str(n) for n, s in enumerate(cells, start=1)):
        return False
    return len(cells) >= 5 or row.label.strip() in _COLUMN_NUMBERS_LABELS


def region_to_rows(lines: list[tuple[int, str]], k: int | None,
                   continues: Callable[[list[Slot]], bool] | None = None) -> list[Row]:
    """Group a region's tokens into rows (see the module docstring).

    With ``continues``, a labelled row of fewer than ``k`` cells and the next line of cells alone
    (a page break inside the row, perhaps with the table's header repeated) are one row when
    together they make ``k`` cells that ``continues`` accepts (e.g. the row total holds)."""
    rows: list[Row] = []
    current = Row()
    label_parts: list[str] = []  # pieces of the current row's label, joined once in close(): += is quadratic
    label_length = 0  # len(current.label) + the length of label_parts
    nonblank = {number for number, text in lines if text.strip()}
    last_line = lines[-1][0] if lines else 0
    blank_cells = not _blank_lines_spacing(lines, nonblank)  # whether an empty line may be an empty cell
    few: list[Row] = []  # rows of one number a line with fewer than k: their empty lines may be empty cells

    def labelled(row: Row) -> bool:
        return bool(row.label or (row is current and label_parts))

    def incomplete(row: Row) -> bool:
        return bool(k and labelled(row) and row.slots and len(row.slots) < k
                    and all(s.structured for s in row.slots))

    def reopen(tokens: list) -> bool:
        """Continue the previous row with this line's cells (a row split across pages)?"""
        if labelled(current) or current.slots or not rows or not incomplete(rows[-1]) or continues is None:
            return False
        cells = [Slot(content, ln, structured=True) for kind, content, ln in tokens if kind == "cell"]
        return len(cells) == len(tokens) and len(rows[-1].slots) + len(cells) == k and continues(
            rows[-1].slots + cells)

    def close() -> None:
        nonlocal current, label_length
        if label_parts:  # a reopened row keeps its label and may gain more
            current.label += "".join(label_parts)
            label_parts.clear()
        if current.label or current.slots:
            if k:
                mark_as_first_cell(current, k)
            if blank_cells and k and len(current.slots) == k - 1:
                _fill_blank_line_cell(current, k, nonblank)
            if blank_cells and k and 0 < len(current.slots) < k - 1 and current.label_cells:
                few.append(current)  # filled once every row is known: the rows' end padding is learnt from all
            rows.append(current)
        current = Row()
        label_length = 0

    headers = _header_lines(lines)
    tokenised_cells = [_line_tokens(line_no, line, index in headers) for index, (line_no, line) in enumerate(lines)]
    tokenised = [(tokens, structured) for tokens, structured, _ in tokenised_cells]
    for index in _numbered_lines(tokenised):  # 1 一、本年新收… 13 10 2 …: the 序号 is no value of any row
        tokenised[index] = (tokenised[index][0][1:], False)
    if k:
        short = False  # the line above ends with fewer than k numbers: a number at this line's start may be its
        for index, (tokens, structured) in enumerate(tokenised):
            if not tokens:
                continue
            if not structured and not (short and tokens[0][0] != "text"):
                tokenised[index] = (_spaced_item_number(tokens, k), False)
            trailing = 0  # the values after the line's last text
            for token in reversed(tokens):
                if token[0] == "text":
                    break
                trailing += 1
            short = 0 < trailing < k
    page_numbers = _page_number_lines(tokenised, k)
    for index, (tokens, structured) in enumerate(tokenised):
        if index in page_numbers:
            continue
        if not tokens or (continues and index in headers and not structured
                          and (incomplete(current) or (not labelled(current) and rows and incomplete(rows[-1])))):
            continue  # nothing, or the column names a table repeats on the next page, inside a row
        if structured and not (current.label or label_parts or current.slots) and rows and reopen(tokens):
            current = rows.pop()
            label_length = len(current.label)
        starts_with_value = tokens[0][0] != "text"
        if structured and starts_with_value and k and (
                current.filled >= k and not _cell_line_runs_on(current, tokens, lines[index][1])
                or (current.slots and not any(s.structured for s in current.slots))):
            close()  # a new value row, or the layout switches from loose text to cells
        saw_text = False
        cell_starts = tokenised_cells[index][2]
        for at, (kind, content, ln) in enumerate(tokens):
            if kind == "text":
                if current.filled:
                    close()
                elif current.slots:  # empties after a header: layout padding
                    current.clear_slots()
                elif at == 0 and k and blank_cells and current.label_cells and _empty_row(current, ln, k, nonblank):
                    close()
                if not labelled(current):
                    current.label_line = ln
                if piece := compact(content):
                    if at in cell_starts or not structured:
                        current.label_cells.append((label_length, ln, cell_starts.get(at, content), structured))
                    label_parts.append(piece)
                    label_length += len(piece)
                current.label_structured |= structured
                saw_text = True
            else:  # (Row.add, written out)
                slot = Slot(content, ln, kind == "cell")
                current.slots.append(slot)
                current.filled += not slot.empty
        if structured and saw_text and current.slots and tokens[-1][0] != "text":
            close()
    close()
    if few:
        padding = _row_end_padding(rows, k, nonblank, last_line)
        for row in few:
            _fill_blank_line_cells(row, k, nonblank, last_line, padding)
    for row in rows:
        if _column_numbers(row):
            row.clear_slots()  # the header's last row: its label, if any, stays the row's
    if k and len(rows) > 2:
        _keep_value_columns(rows, k, lines)
        _place_by_columns(rows, k, lines)
    return rows


def _cell_line_runs_on(row: Row, tokens: list, text: str) -> bool:
    """Whether a value printed one cell a line (``300 |``) right under a labelled row's ``k`` cells, each on the line
    after the one before, the first right under the label (or under a line of rules, table 四's header's last), is
    one more cell of that row, not a row of its own: a
    table printed one cell a line closes a row with its rules (``||``), so a cell before them is the row's — an extra
    one (row_extra_cells), never the next row's. Before, a cell's line printed twice (``300 |`` / ``300 |``) closed the
    row after seven cells: the copy read as 商业企业's number, every later one a column right, the 总计 dropped."""
    if not row.label_cells or len(tokens) != 1 or tokens[0][0] != "cell" or not tokens[0][1].strip():
        return False
    if text.strip().count("|") != 1 or not text.strip().endswith("|"):
        return False
    lead = next((i for i, s in enumerate(row.slots) if not s.empty), len(row.slots))
    if lead and len({s.line for s in row.slots[:lead]}) != 1:  # (empty cells before: one line of rules, padding)
        return False
    values = row.slots[lead:]
    first = values[0].line if values else None
    return first is not None and (lead or row.label_cells[-1][1] == first - 1) and all(
        s.structured and not s.empty and s.line == first + i for i, s in enumerate(values)) \
        and tokens[0][2] == first + len(values)


# a top row of table 三, printed with its label in one cell where the others' span three: 一、 二、 四、
_TOP_ROW = re.compile(r"[一二四]\s*[、.．]")


def _keep_value_columns(rows: list[Row], k: int, lines: list[tuple[int, str]]) -> None:
    """A tab/pipe row with more than ``k`` cells, the extra ones empty at both ends (``一、本年新收… | | 68 | … | 1 |
    |``: a label over two columns, the last cell blank): which empties are the layout's and which a blank cell is
    told by the table's other rows — when at least two rows of ``k`` numbers lie each on one line of the same
    number of cells, ending with their last number, a row on a line of that many cells keeps its last ``k``; a
    row on a line of fewer cells (two run together, ``2 |1``) whose first cell is empty is a cell short (lost) —
    unless it is a top row (一、二、四: ``_TOP_ROW``) printing its label's one cell and ``k`` cells, as another top
    row of the table with its first and last cells filled is printed (these rows often print their label in one
    cell where the others span three; a group's row, （三）…, is not read so). When the whole rows' lines are not
    all of one count (a table over two pages, each its own grid), a row of the count of the whole row nearest
    above or below keeps its last ``k`` (``_widths_around``); none is declared short then.
    Before, the trailing empty was dropped first and the row's numbers moved one column on (68 read as 商业企业's)."""
    def one_line(row: Row) -> bool:
        line = row.slots[0].line
        return all(s.structured and s.line == line for s in row.slots)

    # the rows this can change: a line of cells, at least k, the first empty (none: the table is not looked at)
    # (or the last empty: a row on another grid, its padding after the total)
    changed = [r for r in rows if len(r.slots) >= k and r.slots and (r.slots[0].empty or r.slots[-1].empty)
               and one_line(r)]
    if not changed:
        return
    text_of = dict(lines)
    split: dict[int, list[str]] = {}  # a line's cells, split once

    def line_cells(line: int) -> list[str]:
        if line not in split:
            split[line] = _split_structured(text_of.get(line, ""))
        return split[line]

    def cells(row: Row) -> int | None:
        return len(line_cells(row.slots[0].line)) if one_line(row) else None

    if _column_lost(rows, k):  # (every row a cell short: which column is gone, no row tells — each is lost)
        for row in changed:
            if row.filled == k - 1:
                row.slots[:] = [s for s in row.slots if not s.empty]
                row.filled = len(row.slots)
        return
    full = _lines_of_whole_rows(rows, k, line_cells, cells)
    places = _row_places(rows, k, one_line, cells)
    if len(full) < 2 and not places:
        return  # (rows padded at both ends, | | 5 | … | 26 | |, are no whole rows, but show where values stand)
    # the table's line width: the whole rows'; a table padding every row at both ends has none, its rows printed
    # whole (places) tell it — a row on a line of fewer cells there is two cells run together, not a blank
    widths = {n for _, n in full} if len(full) >= 2 else {n for n, _ in places}
    one_grid = len(widths) == 1

    def label_then_values(row: Row) -> bool:  # a top row's label in one cell (一、…), then the row's k cells
        if not row.slots:  # (a line of words only: a heading the region ran into, a quoted "四、…" of a CSV)
            return False
        first = line_cells(row.slots[0].line)[0].strip()
        return len(line_cells(row.slots[0].line)) == k + 1 and len(row.slots) == k \
            and _TOP_ROW.match(first) is not None

    # rows whose label is one cell (一、本年新收… | 11 | 6 | … | 30 where the others' span three): a row printed so,
    # its first value blank, is whole (before, its blank was taken for a label column's and the row lost)
    one_cell_labels = any(label_then_values(r) and not r.slots[0].empty and not r.slots[-1].empty for r in rows)
    for row in changed:
        extra = len(row.slots) - k
        n = len(line_cells(row.slots[0].line))
        width = min(widths) if one_grid else n if n in _widths_around(full, row.slots[0].line) else None
        at = places.get((n, len(row.slots)), set()) if row.filled < k else set()
        if at:  # (a row on a grid of its own, a value blank: where its values stand, its siblings say)
            read = {tuple(s.text for s in row.slots[place:place + k]) for place in at}
            # (siblings of its shape that print their values at different places: the blank's column is unknown)
            row.slots[:] = row.slots[min(at):min(at) + k] if len(read) == 1 else [s for s in row.slots if not s.empty]
        elif n == width and extra > 0 and row.slots[-1].empty and all(s.empty for s in row.slots[:extra]):
            row.slots[:] = row.slots[extra:]
        elif one_grid and n < width and not (one_cell_labels and label_then_values(row)):
            # a cell fewer than the table's rows (two run together: 2 |1): which is the label
            while row.slots and row.slots[0].empty:  # column's empty is not knowable; the row is short, lost
                row.slots.pop(0)
            while row.slots and row.slots[-1].empty and any(
                    place + k < slots for (_, slots), at in places.items() for place in at):
                row.slots.pop()  # (and its end padding, when rows of the table print one: 110 | 0 | … | 11 | |)
        row.filled = sum(not s.empty for s in row.slots)


def _column_lost(rows: list[Row], k: int) -> bool:
    """Whether the table lost a column whole: no row prints ``k`` numbers, and rows printing every cell they have
    (no empty one) print ``k - 1``. A row of ``k - 1`` numbers between empty cells (``一、本年新收… | | 5 | … | 26 |
    |``, or ``（一）予以公开 | 5 | … | 26 | |``) is then a cell short too, not a row with a value blank in its
    padding's place: before, that padding was read as a blank 总计 (or 自然人) and every number moved a column, the
    identities holding still (every row moved alike)."""
    if any(row.filled >= k for row in rows):
        return False
    return sum(1 for row in rows if len(row.slots) == k - 1 and row.filled == k - 1) >= 2


def _row_places(rows: list[Row], k: int, one_line: Callable[[Row], bool],
                cells: Callable[[Row], int | None]) -> dict[tuple[int, int], set[int]]:
    """``(cells on the line, the row's cells) → where its k values begin``, learnt from the rows printed whole on one
    line with padding around their values (``一、本年新收… | | 11 | 0 | … | 11 | |``: the label over two columns, an
    empty cell after the total); several places when rows of one shape print their values at different places
    (``| （二）部分公开… | 0 | … | 0 | |`` and ``| （七）总计 | | 11 | … | 11``). A table whose rows are printed on
    several grids (top rows so, the others three label columns then the values, some a label and an empty cell after
    the total): a row with a value blank has an empty cell more at one end, and the whole rows' grid may not be its
    own — kept to its last k (``_keep_value_columns``) or trimmed at its ends (``trim_slots``), its numbers moved a
    column: a blank 自然人 published 商业企业's number there and the 总计 under 其他, a blank 总计 every number one
    column right (session 50, a tab-separated text with a value deleted). Where rows of its shape disagree, the
    blank's column is not knowable: the row is a cell short (row_lost_cells)."""
    seen: dict[tuple[int, int], set[int]] = {}
    for row in rows:
        if len(row.slots) <= k or not one_line(row):
            continue
        filled = [i for i, slot in enumerate(row.slots) if not slot.empty]
        if len(filled) == k and filled[-1] - filled[0] == k - 1 and (n := cells(row)) is not None:
            seen.setdefault((n, len(row.slots)), set()).add(filled[0])
    return seen


_LOOSE_NUMBER = re.compile(r"(?<!\S)[+-]?\d[\d,.]*(?!\S)")


def _widths_around(full: list[tuple[int, int]], line: int) -> set[int]:
    """The cell counts of the whole rows nearest above and below ``line``: a table whose pages print different
    grids (page 1 without the 不予公开 items' third label column, page 2 with its header repeated and all three) has
    no one count; a row on a line of its neighbour's count is on that neighbour's grid. Before, such a table was
    not looked at, and 四、结转下年度继续办理 ``| | 1 | 0 | … | 0 | |`` on page 2 (总计 blank) was read one column
    left (商业企业 1, 总计 0)."""
    above = [n for at, n in full if at < line]
    below = [n for at, n in full if at > line]
    return ({above[-1]} if above else set()) | ({below[0]} if below else set())


def _lines_of_whole_rows(rows: list[Row], k: int, line_cells: Callable[[int], list[str]],
                         cells: Callable[[Row], int | None]) -> list[tuple[int, int]]:
    """The lines and cell counts of the rows that show where a row's ``k`` values stand: rows of ``k`` numbers, none
    blank, ending on their line's last cell; when fewer than two rows are so (a sparse table, blanks in every
    row: 上海市人民政府办公厅 2019), rows of at least ``k`` cells whose last cell (总计) is printed, as a ruled
    PDF or an Excel copy prints every row of the grid with all its cells (a row of just ``k`` cells, the first
    blank, is none of them: which of its empties is the layout's is what is to be decided).
    Before, such a table had no whole rows, and a row whose 总计 was blank lost its last empty cell first: its
    numbers moved one column left (予以公开 258 | 12 | | | 1 | 1 | published 商业企业 258, 总计 1, no finding)."""
    def ends_on_its_line(row: Row) -> bool:
        return line_cells(row.slots[0].line)[-1].strip() == row.slots[-1].text.strip()

    whole = [(r.slots[0].line, n) for r in rows if len(r.slots) == k and not any(s.empty for s in r.slots)
             and ends_on_its_line(r) and (n := cells(r)) is not None]
    if len(whole) >= 2:
        return whole
    return [(r.slots[0].line, n) for r in rows if len(r.slots) >= k and not r.slots[-1].empty
            and ends_on_its_line(r)
            and (len(r.slots) > k or not r.slots[0].empty)  # (k cells, the first blank: the row to decide)
            and (n := cells(r)) is not None]


def _spans(row: Row, text: str, chunks: list | None = None) -> list[tuple[int, int]] | None:
    """Where each of the row's numbers begins and ends on its line (a layout's character columns), when they are
    all on one line of loose text, are that line's only chunks with digits, and come after its words. ``chunks``:
    the line's numbers (``_LOOSE_NUMBER`` matches), when the caller found them once for all the line's rows (a
    flattened page holds thousands of rows on one line: each row searched it again, quadratic)."""
    if not row.slots or any(s.structured or s.line != row.slots[0].line for s in row.slots):
        return None
    chunks = list(_LOOSE_NUMBER.finditer(text)) if chunks is None else chunks
    if not chunks or len(chunks) != len(row.slots) or [m.group() for m in chunks] != [s.text for s in row.slots] \
            or text[chunks[-1].end():].strip() or not _WORDS_END.search(text[:chunks[0].start()]):
        return None
    return [m.span() for m in chunks]


# what stands before a layout row's first number: nothing, or its label's words up to the last Han character or
# Chinese punctuation, closing bracket, quote or colon. Anything else (``补正后申请内容仍不明确     S      0 …``: an
# OCR'd 5) may be a cell the row's numbers leave out; placed by the columns, the S was dropped and its column
# published blank (value_blank)
# A footnote mark glued to the label's last word (3.补正后申请内容仍不明确*, …①, …¹, …※) is the label's: before, such
# a row was not placed, and all its values were lost with row_lost_cells (review 26b)
_FOOTNOTE_MARKS = "*※†‡§\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u24ff\u2776-\u2793"
_WORDS_END = re.compile(r"(?:^|[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff0f\uff1a-\uff20"
                        r")\]”’\"':]" + f"[{_FOOTNOTE_MARKS}]*" + r")\s*$")


def _columns(near: list[list[tuple[int, int]]]) -> tuple[int, list[int]] | None:
    """``(0 for right-aligned: ends, 1 for left-aligned: starts, the columns' places)`` when the rows in ``near``
    put each column's numbers exactly at the same end (or start), the columns at least four apart; else None."""
    for side in (1, 0):
        places = [spans[side] for spans in near[0]]
        if all([spans[side] for spans in row] == places for row in near[1:]) and all(
                b - a >= 4 for a, b in zip(places, places[1:], strict=False)):
            return side, places
    return None


def _place_by_columns(rows: list[Row], k: int, lines: list[tuple[int, str]]) -> None:
    """``pdftotext -layout``: a row of loose text with fewer than ``k`` numbers (a blank cell printed as nothing)
    gets its numbers in the columns they stand in, and an empty cell (missing, never 0) in each column it leaves
    blank — when the nearest rows of ``k`` numbers above and below it (the two nearest on one side, for a first
    or last row) end (or begin) each column's numbers at exactly the same place, columns at least four apart,
    and each of the row's numbers ends (begins) exactly at one of those places. Before, such a row lost all its
    cells (``row_lost_cells``); any doubt (no such rows, rows that disagree, a number off its column by a single
    character, as when a text layer glued two cells and shifted the rest) leaves it so."""
    if not any(0 < len(r.slots) < k for r in rows):
        return
    text_of = dict(lines)
    known: dict[int, list[tuple[int, int]] | None] = {}  # a row's spans, worked out when first asked
    chunks_of: dict[int, list] = {}  # a line's numbers, found once for all its rows

    def spans(index: int) -> list[tuple[int, int]] | None:
        if index not in known:
            row = rows[index]
            if not row.slots:
                known[index] = None
            else:
                line = row.slots[0].line
                text = text_of.get(line, "")
                if line not in chunks_of:
                    chunks_of[line] = list(_LOOSE_NUMBER.finditer(text))
                known[index] = _spans(row, text, chunks_of[line])
        return known[index]

    # the rows of ``k`` numbers, in order: each short row's nearest are found by halving (each short row walked the
    # rows above and below it to the nearest: 8,000 short rows with none of ``k``, 8.5 CPU s with
    # ``table3_by_columns._names_apart``' walk, now 0.8 — hostile round 13)
    full = [i for i, r in enumerate(rows) if len(r.slots) == k and (c := spans(i)) and len(c) == k]
    for index, row in enumerate(rows):
        if not 0 < len(row.slots) < k or spans(index) is None:
            continue
        at = bisect_left(full, index)  # (the row has fewer than ``k`` numbers: it is none of ``full``)
        above = [spans(i) for i in reversed(full[max(0, at - 2):at])]
        below = [spans(i) for i in full[at:at + 2]]
        near = above[:1] + below[:1] if above and below else above or below  # the first row, the last: two on a side
        if len(near) < 2 or (found := _columns(near)) is None:
            continue
        side, places = found
        placed = [places.index(span[side]) if span[side] in places else -1 for span in spans(index)]
        if -1 in placed or placed != sorted(set(placed)):
            continue
        by_column = dict(zip(placed, row.slots, strict=True))
        line = row.slots[0].line
        row.slots[:] = [by_column.get(j) or Slot("", line, structured=True) for j in range(k)]
        row.filled = sum(not s.empty for s in row.slots)


_SENTENCE_GOES_ON = re.compile("^(?:" + "|".join(PROSE_UNITS) + ")[,;。、:]")


def prose_rows(rows: list[Row], lines: list[tuple[int, str]] = ()) -> set[int]:
    """``id``s of the rows whose numbers are a sentence's, not a table's: the text after the row's last
    number is a counting unit and a clause mark (``本年度共收到申请31件，上年结转3件，具体情况如下：``
    before table 三 makes rows …申请 | 31 and 件,上年结转 | 3, each followed by ``件,``), or the row goes on
    from such a clause on its line (``件,上年结转 | 21`` of ``…478 件，上年结转 21 件``: the sentence's last), or
    its numbers stand on a line of ``lines`` that begins with a note's mark (``rules/note_markers.csv``:
    ``注：本年新收申请中 5 件为跨年度申请`` above table 三 quotes a row's label; before, it was read as the row,
    one number for seven cells, and the table's own row dropped as a second copy). A table's cell may carry
    its unit (``行政许可 1563件``), but no clause goes on after it, and no row of a table begins with 注：.

    >>> rows = region_to_rows([(1, "共收到申请31件，上年结转3件，具体如下："), (2, "二、上年结转 3 0 0")], None)
    >>> [r.label for r in rows if id(r) in prose_rows(rows)]
    ['共收到申请', '件,上年结转']
    >>> lines = [(1, "注：本年新收申请中 5 件为跨年度申请"), (2, "一、本年新收政府信息公开申请数量 5 0 0")]
    >>> rows = region_to_rows(lines, None)
    >>> [r.label for r in rows if id(r) in prose_rows(rows, lines)]
    ['注:本年新收申请中']
    """
    firsts = {row.filled_slots[0].line for row in rows if row.filled_slots}  # the only lines asked about
    notes = {line for line, text in lines if line in firsts and _note_mark().match(fold(text))}
    return {id(row) for row, after in zip_longest(rows, rows[1:])
            if row.filled_slots and (after is not None and _SENTENCE_GOES_ON.match(after.label)
                                     or _goes_on(row) or row.filled_slots[0].line in notes)}


def _goes_on(row: Row) -> bool:
    """Whether ``row`` is a sentence's clause gone on from the number before it, on its numbers' own line (a
    sentence's last 件。 joined to the label of the table's row on the next line is no such clause)."""
    return bool(_SENTENCE_GOES_ON.match(row.label)) and row.label_line == row.filled_slots[0].line


@lru_cache(maxsize=1)
def _note_mark() -> re.Pattern:
    """A line's beginning that makes it a note: a mark of ``rules/note_markers.csv`` and its colon or number
    (注：, 注1., 说明：; 注册登记 is no note)."""
    from .catalog import table  # (catalog imports this module's neighbours: read when first asked)

    markers = sorted((row["marker"] for row in table("note_markers")), key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, markers)) + r")\s*(?:[:：]|[(（]?\d)")


def unnumber_notes(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A numbered note's number taken off its mark: ``注 1：四、结转下年度继续办理的申请将于下一年度答复。`` under
    table 三 reads as ``注：四、结转…``. The 1 numbers the note, not a cell (before: ``注 1: 四、结转下年度继续办理``
    was a row 注 | 1, label_unrecognised, and a sentence's note a line of prose_numbers_unused for the note's own
    number). Only a number of one or two digits right after a mark of ``rules/note_markers.csv`` and before the
    note's colon or 、 is taken; the note's text, numbers and all, stays as printed.

    >>> unnumber_notes([(1, "注 1：四、结转下年度继续办理"), (2, "| 备注（2）、其中5件 |"), (3, "注册登记 1 0 1")])
    [(1, '注：四、结转下年度继续办理'), (2, '| 备注、其中5件 |'), (3, '注册登记 1 0 1')]
    """
    numbered = _note_number()
    if not any(numbered.match(text) for _, text in lines):
        return lines
    return [(line, numbered.sub(r"\1", text, count=1)) for line, text in lines]


def uncaption_tables(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table caption's number blanked: ``表3 2024年度``, ``表1-1 主动公开情况``, ``附表3 …（单位：件）`` above a table
    (before: a row 表 | 3 with label_unrecognised '表' on the report's page, the table's values unchanged). Only a
    number of one or two digits (a second after - or .) right after a mark of ``rules/caption_markers.csv`` at a
    line's start, before a space, a colon or the line's end, and only where the rest of the line holds no digit but
    a year's (2024年); the number becomes spaces (a layout text's columns stay).

    >>> uncaption_tables([(1, "表3-1 2024年度"), (2, "附表3：申请情况"), (3, "表3 2 0 2")])
    [(1, '表    2024年度'), (2, '附表 ：申请情况'), (3, '表3 2 0 2')]
    """
    pattern = _caption_number()
    out = []
    for line, text in lines:
        match = pattern.match(text)
        if match and not _DIGIT.search(_YEAR_WORD.sub("", text[match.end():])):
            text = text[:match.start(2)] + " " * (match.end() - match.start(2)) + text[match.end():]
        out.append((line, text))
    return out


_YEAR_WORD = re.compile(r"(?:19|20)\d\d\s*年")


@lru_cache(maxsize=1)
def _caption_number() -> re.Pattern:
    """A caption's mark (group 1) and its number (group 2: ``3``, ``1-1``, ``3.2``) at a line's start."""
    from .catalog import table

    markers = sorted((row["marker"] for row in table("caption_markers")), key=len, reverse=True)
    return re.compile(r"^(\s*(?:" + "|".join(map(re.escape, markers)) + r"))(\s*[0-9]{1,2}(?:\s*[-－.]\s*[0-9]{1,2})?)"
                      r"(?=\s|[:：]|$)")


def page_margins_off(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table's region without the lines a page's margins print: a footer alone (``is_page_footer``: ``— 3 —``,
    ``第 3 页``) or a running head (``is_running_head``: the report's title at each page's top). A table whose header
    a page break splits prints them between the header's lines. Before, a header wrapped over two lines (``现行`` /
    ``有效``) and cut by one was read as two headers: 二's measures, 四's outcomes were read in another order than
    printed — a number published under its neighbour's name, no finding — and 三's wrapped names (社会 / — 3 — /
    公益组织) were not joined, its values missing. Rows a footer splits were read right (the footer is in no row);
    they are read the same without it.

    >>> page_margins_off([(1, "现行 本年"), (2, "— 3 —"), (3, "某局2024年政府信息公开工作年度报告"), (4, "有效 废止"),
    ...                   (5, "第 3 页 共 9 页"), (6, "规章 3 1")])
    [(1, '现行 本年'), (4, '有效 废止'), (6, '规章 3 1')]
    """
    return [(line, text) for line, text in lines if not is_page_footer(text) and not is_running_head(text)]


# a report's title printed as a page's running head: one line, ending in 报告, naming 信息公开 or 政务公开 near its
# end; no digits but a year's four (no row of a table ends so, nor holds a cell apart by a tab or a pipe)
_RUNNING_HEAD = re.compile(r"[^\t|0-9]{0,40}(?:[0-9]{4}[^\t|0-9]{0,30})?(?:信息公开|政务公开)[^\t|0-9]{0,12}报告")


def is_running_head(line: str) -> bool:
    """Whether ``line`` is a report's title alone, as a page's running head prints it (``_RUNNING_HEAD``).

    >>> is_running_head("某局2024年政府信息公开工作年度报告"), is_running_head("规章 3 1")
    (True, False)
    >>> is_running_head("信息内容\\t本年制发件数"), is_running_head("某局2024年政府信息公开工作年度报告 3")
    (False, False)
    """
    return bool(_RUNNING_HEAD.fullmatch(line.strip()))


def page_numbers_off(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A bare page number before a table header repeated on the next page taken off: PyMuPDF's sorted text prints
    page 3's ``3`` on page 4's first line, ``3 本列数据的勾稽关系为…申请人情况`` (before: the 3 went to the row above
    as an eighth cell, row_extra_cells, and the row's seven values were null). Only a number of one to three digits
    at a line's start whose rest is words without a digit beginning with a header word of
    ``rules/page_header_words.csv`` (words no row label holds); the number becomes spaces (a layout text's columns
    stay). A number before a row's label (``5 （二）部分公开``: PDF text wraps a row's last cell so) is left.

    >>> page_numbers_off([(1, "3 本列数据的勾稽关系为"), (2, "5 （二）部分公开 0 0"), (3, "12 申请人情况 9")])
    [(1, '  本列数据的勾稽关系为'), (2, '5 （二）部分公开 0 0'), (3, '12 申请人情况 9')]
    """
    pattern = _page_number()
    if not any(pattern.match(text) for _, text in lines):
        return lines
    out = []
    for line, text in lines:
        match = pattern.match(text)
        if match and _WORDS_ONLY.match(text[match.end():]):
            text = " " * match.end() + text[match.end():]
        out.append((line, text))
    return out


@lru_cache(maxsize=1)
def _page_number() -> re.Pattern:
    """A line's leading page number (ASCII digits, 1 to 3) right before a word of ``rules/page_header_words.csv``
    (an opening bracket between allowed: （本列数据…）)."""
    from .catalog import table

    words = sorted((row["word"] for row in table("page_header_words")), key=len, reverse=True)
    return re.compile(r"^\s*[0-9]{1,3}(?=\s+[(（]?(?:" + "|".join(map(re.escape, words)) + "))")


@lru_cache(maxsize=1)
def _note_number() -> re.Pattern:
    """A note's mark, its number (``1``, ``（2）``; a circled ① is no digit, nothing to take) and its colon or 、."""
    from .catalog import table

    markers = sorted((row["marker"] for row in table("note_markers")), key=len, reverse=True)
    # (each run of blanks taken whole, *+: what follows it never begins with a blank, and giving some back only split a
    # line of blanks every way — 12,000 took 0.5 CPU s, 300,000 minutes; hostile round of session 40)
    return re.compile(r"^(\s*+\|?\s*+(?:" + "|".join(map(re.escape, markers)) + r"))\s*+[(（]?\s*+[0-9０-９]{1,2}"
                      r"\s*+[)）]?(?=\s*[:：、])")


_SENTENCE_MARK = re.compile(r"[,;。!?，；！？]")  # never ： or 、, which labels hold
_ASIDE = re.compile(r"（[^（）]*）|\([^()]*\)|(?<=\d)[,，](?=\d)")  # a note in brackets, a thousands separator
_DIGIT = re.compile(r"\d")
# (blanks taken whole, ``*+``: as ``\s*``, each blank of a long run after a row's number was tried with the rest of the
# run — 100,000 blanks above table 三's first row, 43 CPU s in the worker; session 42)
_UNIT_TAIL = re.compile(r"\s*+(?:" + "|".join(PROSE_UNITS) + r"|万元|元)?\s*+$")
_DATE_GOES_ON = re.compile(r"^[年月日]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_OPENED = re.compile(r"[(（《“\[【]\s*$")  # a label ending in an open bracket: its number is inside the brackets


def reads_as_sentence(text: str) -> bool:
    """Whether a line reads as a sentence: outside brackets and thousands separators it holds a sentence mark,
    after its first digit (``31 日，发布信息 393 件，``) or with words after its last number that are no
    counting unit (``工作。截至 2024 年 12 月``). A table's row does neither: ``行政确认；行政给付 4``,
    ``行政检查 1,234``, ``行政许可（含审批，备案） 1563`` and ``其他文件 5，0，3`` are rows.

    >>> [reads_as_sentence(t) for t in ("工作。截至 2024 年 12 月", "31 日，发布信息 393 件，其中包")]
    [True, True]
    >>> [reads_as_sentence(t) for t in ("行政确认；行政给付 4", "行政检查 1,234", "行政许可（含审批，备案） 1563",
    ...                             "其他文件 5，0，3", "规章 1 0 5")]
    [False, False, False, False, False]
    """
    if not _SENTENCE_MARK.search(text):
        return False
    plain = _ASIDE.sub(lambda m: " " * len(m.group()), text)
    marks = [m.start() for m in _SENTENCE_MARK.finditer(plain)]
    digits = [m.start() for m in _DIGIT.finditer(text)]
    if not marks or not digits:
        return False
    return marks[-1] > digits[0] or not _UNIT_TAIL.fullmatch(plain[digits[-1] + 1:].lstrip("0123456789. "))



def running_text(rows: list[Row], lines: list[tuple[int, str]]) -> Callable[[Row], bool]:
    """Whether a row of ``rows`` is part of running text (the predicate returned, asked per row, so that only
    the rows a table could not use are looked at): a sentence's as ``prose_rows`` says, a row whose first number
    stands on a line that reads as a sentence (``reads_as_sentence``), as a paragraph wrapped into lines does and a
    template table's row never does (``…工作。截至 2024 年 12 月`` makes rows …截至 | 2024, 年 | 12), and every number
    that is a date's: followed by 年, 月 or 日 on its line, or a year (19xx, 20xx) followed by 年 where the
    line breaks (``包括 2024 年度部门预算、2023`` / ``年度部门决算``), and every number inside brackets opened
    before it (``《行动方案（2024－2027 年）》``: a table's label closes its brackets, ``行政许可（件） 3``).

    >>> lines = [(1, "主动公开工作。截至 2024 年 12 月"), (2, "31 日,发布信息 393 件"), (3, "行政许可 97")]
    >>> rows = region_to_rows(lines, None)
    >>> [r.label for r in rows if running_text(rows, lines)(r)]
    ['主动公开工作。截至', '年', '月', '日,发布信息']
    >>> lines = [(1, "包括 2024 年度部门预算、2023"), (2, "年度部门决算"), (3, "规章 0 0 5"),
    ...          (4, "行政检查 5"), (5, "年度计划")]
    >>> rows = region_to_rows(lines, None)
    >>> [r.label for r in rows if running_text(rows, lines)(r)]
    ['包括', '年度部门预算、']
    """
    texts, after = dict(lines), {id(row): nxt for row, nxt in zip(rows, rows[1:], strict=False)}

    def running(row: Row) -> bool:
        if not row.filled_slots:
            return False
        nxt = after.get(id(row))
        if nxt is not None and (_SENTENCE_GOES_ON.match(nxt.label) or _DATE_GOES_ON.match(nxt.label) and (
                nxt.label_line == row.filled_slots[-1].line
                or nxt.label[0] == "年" and _YEAR.fullmatch(row.filled_slots[-1].text))):
            return True  # prose_rows' sentence, or a date's number
        line = row.filled_slots[0].line
        if line not in sentences:  # (once a line: a flattened page's one line holds thousands of rows)
            sentences[line] = line in texts and reads_as_sentence(texts[line])
        return bool(_OPENED.search(row.label)) or sentences[line]

    sentences: dict[int, bool] = {}
    return running


_PAGE_NUMBER = re.compile(r"\d{1,4}")


def _line_kind(tokens: list, structured: bool) -> tuple[str, int] | None:
    """``(kind, values)`` of a tokenised line: ``lone`` (one bare number of up to four digits), ``row``
    (text, then values), ``values`` (values only), ``text``; None for a blank line or one of empty cells only."""
    if not tokens:
        return None
    values = 0
    for token in tokens:
        if token[0] != "text":
            values += 1
    if not values:
        return "text", 0
    if values == len(tokens) and all(not token[1].strip() for token in tokens):
        return None  # (a line of rules only, ``|||``: a row's merged columns, no row of values — a lone number
        # between its label and such a line was taken for a page's number, and 行政许可's 2910 was lost)
    if values == len(tokens) == 1 and not structured and _PAGE_NUMBER.fullmatch(tokens[0][1]):
        return "lone", 1
    if values == len(tokens) == 3 and not structured and _page_of_pages([t for _, t, _ in tokens]):
        return "lone", 1  # 3 / 6: page 3 of 6
    return ("values" if values == len(tokens) else "row"), values


def _page_of_pages(texts: list[str]) -> bool:
    """``3 / 6`` as tokens: a page's number and the number of pages (never more pages than that)."""
    return texts[1] == "/" and all(_PAGE_NUMBER.fullmatch(t) for t in texts[::2]) and int(texts[0]) <= int(texts[2])


def _page_number_lines(tokenised: list[tuple[list, bool]], k: int | None) -> set[int]:
    """Indexes of the lines that are a page's bare number (``3``, ``3 / 6``) where a PDF page breaks inside a table:
    a lone number between a whole row (text and at least ``k`` values on its line) and the next row or
    text, or between text and a line that is a whole row by itself. A lone number anywhere else is a
    cell (one cell per line: a label, then its numbers, each alone). Before, the page number was taken
    for a cell: the row around it had one cell too many and was lost. A line of one number that is not a bare
    one (``-3``, ``1.5``) after such a run's number is a cell of the run too, not a whole row: a 2019 page's
    change ``-3`` made the row's next number a page's (session 37).

    >>> lines = ["规章 1 0 5", "3", "行政规范性文件 7 2 48", "行政许可", "1563", "行政处罚 87"]
    >>> sorted(_page_number_lines([line_tokens(i, x) for i, x in enumerate(lines)], None))
    [1]
    >>> lines = ["行政许可", "40", "-3", "37", "行政处罚"]
    >>> sorted(_page_number_lines([line_tokens(i, x) for i, x in enumerate(lines)], None))
    []
    """
    kinds = [_line_kind(tokens, structured) for tokens, structured in tokenised]
    shown = [i for i, kind in enumerate(kinds) if kind]
    out = set()
    for at, index in enumerate(shown):
        if kinds[index][0] != "lone":
            continue
        before = kinds[shown[at - 1]] if at else ("text", 0)
        if before == ("values", 1) and at > 1 and kinds[shown[at - 2]][0] in ("lone", "values"):
            before = ("lone", 1)  # one number (-3, 1.5) in a run of one a line is a cell of the run, as a lone one is
        after = kinds[shown[at + 1]] if at + 1 < len(shown) else ("end", 0)
        whole = k or 1
        if (before[0] in ("row", "values") and before[1] >= whole and after[0] != "lone") or (
                before[0] == "text" and after[0] in ("row", "values") and after[1] >= (k or 2)):
            out.add(index)
    return out


# a line's numbers (a chunk with a digit and no Chinese, as OCR prints some: 1|4, 8S; or one or two letters: an
# OCR'd 0) before its label (words, or an item number and words). A chunk is the run up to a blank, its digit looked
# for ahead of it: as ``[^\s…]*\d[^\s…]*``, each place of a digit in a run with no blank after it was tried with the
# rest of the run (a table 三 line of 100,000 digits: some minutes, ``over_budget``; session 42)
_VALUES_THEN_LABEL = re.compile(r"^(\s*(?:(?:(?=[^\s\u3400-\u9fff]*\d)[^\s\u3400-\u9fff]+|[A-Za-z]{1,2})\s+)+)"
                                r"([^\d\s|].*|\d{1,2}[.、]\s*[\u4e00-\u9fff].*)$")
_LABEL_THEN_VALUES = re.compile(r"[\u4e00-\u9fff）)]\s*[+-]?\d[\d,.]*(?:\s+[+-]?\d[\d,.]*)*\s*$")


def numbers_lead(lines: list[tuple[int, str]]) -> bool:
    """Whether more of the region's lines of loose text print their numbers before their label than after it
    (at least three): read label-first, each row would take the next row's numbers."""
    first = last = 0
    for _, text in lines:
        if "\t" in text or "|" in text:
            continue
        if _LABEL_THEN_VALUES.search(text):  # (2 重复申请 0 0 …, 1 一、本年新收 … 13: an item or row number first)
            last += 1
        elif _VALUES_THEN_LABEL.match(text) and _HAN.search(text):
            first += 1
    return first >= 3 and first > last


def _values_then_label(text: str) -> tuple[str, ...]:
    """A line of loose text whose numbers come before its words, as two lines (numbers, words); else itself."""
    if "\t" in text or "|" in text or not (match := _VALUES_THEN_LABEL.match(text)):
        return (text,)
    return match.group(1).rstrip(), match.group(2)


def labels_after_values(lines: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The region's lines with each row's label line(s) put before its numbers, when the text puts every
    row's numbers on a line of their own *above* its label (a PDF text layer whose numbers sit a little
    higher than their label): after the header, lines alternate numbers-only, then label text, and the
    region ends with a label. None for any other layout. The caller reads the table both ways and keeps
    this one only when the table's identities prove it (read label-then-numbers, every row took the
    numbers of the row above it).

    >>> [t for _, t in labels_after_values(list(enumerate(["表头", "1 0 1", "一、新收", "2 0 2", "二、结转"])))]
    ['表头', '一、新收', '1 0 1', '二、结转', '2 0 2']
    >>> labels_after_values(list(enumerate(["表头", "一、新收", "1 0 1", "二、结转", "2 0 2"]))) is None
    True

    A row's numbers printed before its label on the label's line (``1 0 1 一、新收``: the numbers' baseline a
    little higher, the text layer put them first) are read the same way: the line as its numbers, then its label.

    >>> [t for _, t in labels_after_values(list(enumerate(["表头", "1 0 1 一、新收", "2 0 2 二、结转"])))]
    ['表头', '一、新收', '1 0 1', '二、结转', '2 0 2']
    """
    split = [(n, part) for n, text in lines for part in _values_then_label(text)]
    if len(split) > len(lines):
        lines = split
    kinds = [_line_kind(*line_tokens(n, text)) for n, text in lines]
    shown = [i for i, kind in enumerate(kinds) if kind]
    first = next((at for at, i in enumerate(shown) if kinds[i][0] in ("values", "lone")), None)
    if first is None or first == 0 or kinds[shown[-1]][0] != "text":
        return None
    groups: list[tuple[int, list[int]]] = []
    for i in shown[first:]:
        kind = kinds[i][0]
        if kind == "row" or (kind in ("values", "lone") and groups and not groups[-1][1]):
            return None  # a line of text and numbers, or two number lines running: not this layout
        if kind in ("values", "lone"):
            groups.append((i, []))
        else:
            groups[-1][1].append(i)
    if len(groups) < 2:
        return None
    order = shown[:first] + [i for values, texts in groups for i in (*texts, values)]
    return [lines[i] for i in order]


def _spaced_item_number(tokens: list[tuple[str, str, int]], k: int) -> list[tuple[str, str, int]]:
    """A line of loose text whose label holds an item number printed apart from its words (``2 重复申请 0 0 …``,
    ``（三）不予公开 1 属于国家秘密 0 0 …``), followed by exactly the row's ``k`` numbers: that number is the label's.
    Before, it was a cell (of the row above, or of this one), and each such row had a cell too many and was lost.
    (The caller leaves a number at a line's start alone when the line above is a row short of a number: it may be
    that row's last, wrapped.)

    >>> [t[0] for t in _spaced_item_number(line_tokens(1, "2 重复申请 0 0 0")[0], 3)]
    ['text', 'text', 'slot', 'slot', 'slot']
    >>> [t[0] for t in _spaced_item_number(line_tokens(1, "行政许可 12 行政处罚 3")[0], 3)]
    ['text', 'slot', 'text', 'slot']
    """
    last_text = max((i for i, (kind, _, _) in enumerate(tokens) if kind == "text"), default=-1)
    if last_text < 1 or len(tokens) - last_text - 1 != k:
        return tokens
    head = tokens[:last_text]
    numbers = [i for i, (kind, _, _) in enumerate(head) if kind != "text"]
    if len(numbers) != 1 or not _ROW_NUMBER.match(head[numbers[0]][1]):
        return tokens
    at = numbers[0]
    return [*tokens[:at], ("text", tokens[at][1], tokens[at][2]), *tokens[at + 1:]]


def _numbered_lines(tokenised: list[tuple[list, bool]]) -> list[int]:
    """Indexes of the lines of loose text that begin with the row's number in a 序号 column: a number of one or
    two digits, then the label, then values, on every such line, numbered 1, 2, 3 … in order (at least three).
    Any other number at a line's start (a value of the row above wrapped, a gap in the count) leaves them all
    as they are (before, each row number was a cell of the row above, and every row had one too many).

    >>> lines = ["1 规章 0 0 0", "2 行政规范性文件 3 1 9", "3 行政许可 12"]
    >>> _numbered_lines([line_tokens(i, x) for i, x in enumerate(lines)])
    [0, 1, 2]
    >>> _numbered_lines([line_tokens(i, x) for i, x in enumerate(["1 规章 0 0 0", "3 行政许可 12", "4 行政处罚 1"])])
    []
    """
    found = [(index, int(tokens[0][1])) for index, (tokens, structured) in enumerate(tokenised)
             if not structured and len(tokens) > 2 and tokens[0][0] == "slot" and _ROW_NUMBER.match(tokens[0][1])
             and tokens[1][0] == "text" and any(kind != "text" for kind, _, _ in tokens[2:])]
    if len(found) < 3 or [number for _, number in found] != list(range(1, len(found) + 1)):
        return []
    return [index for index, _ in found]


def _header_lines(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes of the markdown header rows: the line right above a ``|---|`` separator line."""
    if "|" not in "".join(map(itemgetter(1), lines)):
        return set()  # (no pipe, no separator line: told without going over the lines one by one)
    out = set()
    previous = None
    for index, (_, text) in enumerate(lines):
        if "|" in text and previous is not None and _SEPARATOR_LINE.match(text.strip()):
            out.add(previous)
        if not text.isspace() and text:
            previous = index
    return out


_NUMBER_ALONE = re.compile(r"^\s*[+-]?\d[\d,.]*(?:万元|元)?\s*$")


def _blank_lines_spacing(lines: list[tuple[int, str]], nonblank: set[int]) -> bool:
    """Whether a region's empty lines are its extraction's spacing, not empty cells: every run of empty lines
    between two lines of text is one line long, and at least three quarters of the lines holding a number alone
    have an empty line on each side (``pdftotext`` without ``-layout`` ends every text block with an empty line:
    ``5.属于三类内部事务信息`` / ``科研机构`` / ``1`` / ``1`` / ``1``, each followed by one, was read as seven cells,
    three of them 1 in columns the report left blank).
    A converter's one cell a line writes an empty cell as an empty line, so its runs are as long as the cells."""
    numbers = [number for number, text in lines if _NUMBER_ALONE.match(text)]
    if len(numbers) < 3:
        return False
    run = -len(lines)  # (empty lines before the region's first text, a heading's, are not between two lines)
    for number, _ in lines:
        if number not in nonblank:
            run += 1
        elif run > 1:
            return False
        else:
            run = 0
    isolated = sum(number - 1 not in nonblank and number + 1 not in nonblank for number in numbers)
    return isolated * 4 >= len(numbers) * 3


def _fill_blank_line_cell(row: Row, k: int, nonblank: set[int]) -> None:
    """One cell per line, ``k - 1`` cells on consecutive lines but for one empty line: that line is the
    empty cell (a crawler's text whose cells were separated by bare carriage returns, one cell empty)."""
    slots = row.slots
    if len(slots) != k - 1 or k < 3 or any(s.structured or s.empty for s in slots):
        return
    steps = [b.line - a.line for a, b in zip(slots, slots[1:], strict=False)]
    if sorted(steps) != [1] * (len(steps) - 1) + [2]:
        return
    gap = steps.index(2)
    between = slots[gap].line + 1
    if between in nonblank:  # (the region's non-blank line numbers, computed once: linear)
        return
    slots.insert(gap + 1, Slot("", slots[gap].line + 1, structured=True))


def _empty_row(row: Row, line: int, k: int, nonblank: set[int]) -> bool:
    """One cell per line, every cell of a row empty: its label, exactly ``k`` empty lines, then the next row's label
    at ``line``. The row gets its ``k`` empty cells (a blank row, each cell missing) instead of its label running on
    into the next row's (before: the row was absent, and 2019's single （六）其他处理 row was not seen, so a 2019 table
    read as 2021's). Returns whether it did."""
    last = row.label_cells[-1][1]  # appended in reading order: the label's last line
    if line - last - 1 != k or any(n in nonblank for n in range(last + 1, line)):
        return False
    for n in range(last + 1, line):
        row.add(Slot("", n, structured=True))
    return True


def _row_end_padding(rows: list[Row], k: int, nonblank: set[int], last_line: int) -> int:
    """The empty lines a one-cell-a-line export puts after each row (Word's text of a table ends every row with one
    more paragraph mark), as every row shows whose cells are certain: its numbers one a line, the first on the line
    right after its label, the last ``k - 1`` lines below (two such rows at least); else 0."""
    seen: list[int] = []
    for row in rows:
        if not row.slots or not row.label_cells or any(s.structured or s.empty for s in row.slots):
            continue
        first = row.label_cells[-1][1] + 1
        at = [s.line for s in row.slots]
        if at[0] != first or at[-1] != first + k - 1 or len(set(at)) != len(at):
            continue
        after = first + k
        while after < last_line and after not in nonblank:
            after += 1
        if after < last_line:  # (the region's last row: what follows it is no row's)
            seen.append(after - first - k)
    return seen[0] if len(seen) >= 2 and len(set(seen)) == 1 else 0


def _fill_blank_line_cells(row: Row, k: int, nonblank: set[int], last_line: int, padding: int = 0) -> None:
    """One cell per line with several cells empty: the label on lines of its own, then exactly ``k`` lines up to
    the next line that is not empty, each holding one number or nothing. Each empty line is an empty cell in its
    place (a converter that printed every cell of the table on a line of its own: ``…申请数量 / 821 / 35 / (empty) /
    (empty) / 2 / 1 / 859``; before: the row had five numbers for seven cells and was lost, and so was every
    row with an empty cell). ``padding``: the empty lines the export puts after every row (``_row_end_padding``).
    Any other count, or a line holding something else, leaves the row as it is."""
    slots = row.slots
    if any(s.structured or s.empty for s in slots):
        return
    at = [s.line for s in slots]
    start = row.label_cells[-1][1] + 1  # the line after the label's last
    if at[0] < start or len(set(at)) != len(at):
        return  # a number on a label's line, or two on one line: not one cell per line
    own = set(at)
    if any(line in nonblank for line in range(start, at[-1]) if line not in own):
        return
    end = at[-1]
    while end - start + 1 < k and end < last_line and end + 1 not in nonblank:
        end += 1
    # the k lines are the row's only when the next row's label (or the next section's heading, the region's last,
    # empty, line) follows them: more empty lines (a merged label cell's blank line before the numbers,
    # ``（一）予以公开`` / (empty) / ``258`` / ``12`` / …) leave it unknown which are the row's cells (before: the
    # label's blank was read as 自然人's and every value one column right)
    if end - start + 1 != k:
        return
    after = end + 1 + padding  # the next row's label (the export's row end mark in between)
    if any(line in nonblank for line in range(end + 1, after)) or (
            end > at[-1] if after > last_line else (after not in nonblank and after != last_line)):
        return
    by_line = {s.line: s for s in slots}
    row.slots[:] = [by_line.get(line) or Slot("", line, structured=True) for line in range(start, end + 1)]


# (compact, folded) a note in brackets, a unit (单位:件) or a note (注, 备注:)
_NOTE_CELL = re.compile(r"^[(\[【<《].*|.*[)\]】>》]$|^单位|^备?注\W*$")


PHRASE = 5  # Chinese characters: a cell holding this many is words of the label (区分处理的，只计这一情形…)


def _label_text(cell: str, template: str) -> bool:
    """Whether a text cell right after a label's name is still the label's (``stray_cells``): a note, a unit, a
    mark, a piece of the template's label, or a phrase (``PHRASE`` Chinese characters or more; what a value
    cell prints instead of a number is a word or two: 五件, 见附件).

    >>> _label_text("区分处理的，只计这一情形，不计其他情形", "（二）部分公开"), _label_text("五件", "（一）予以公开")
    (True, False)
    """
    text = compact(cell)
    if text and all(ch in placeholders() and ch != "?" for ch in text):
        return False  # □, ■, ○ in a cell of its own: a value whose glyphs the page lost, no mark of the label's
        # (a ? is left to the label: pdf_cells.UNKNOWN prints ？ where a value's row is unknown, the row lost whole)
    return bool(_NOTE_CELL.match(text) or _UNIT_CELL.match(text)) or text in compact(template) or all(
        has_digit_mark(ch) or not ch.isalnum() for ch in cell) or len(_HAN.findall(text)) >= PHRASE


def stray_cells(row: Row, end: int | None, template: str) -> list[Slot]:
    """The text cells of a row that stand between its label's name and its numbers and are no part of the
    label: value cells that cannot be read, at their position (``一、本年新收… | abc | 0 | 0 …``). ``end`` is
    where the name the row was recognised by ends in ``row.label``; ``template`` is the row's label as the
    template prints it; ``end`` None: the row has no name (table 四's line of numbers), and only its line's cells
    without a Chinese character are taken for cells (``abc``; ``件数`` is its label). A cell right after the
    name is still the label's when it is a note in brackets
    (``（区分处理的…）``), a unit (``件``, ``单位：件``), a note mark (``注``, ``①``, ``*``) or a piece of the
    template's label (``申请数量``). In loose text (PDF lines, words apart by spaces) only a word without a
    Chinese character, or a count in words (``五件``), is taken for a cell (``… 申请数量 abc 0 0 …``): a label
    wraps and spaces its words there.
    The slots carry the cells as printed (``①`` is no 1).

    Before, such a cell was taken into the label: the row had one cell too few and was lost, or, with a cell
    too many at its end, every value was read one column to the left of its own.

    >>> row = region_to_rows([(1, "一、本年新收政府信息公开申请数量\\tabc\\t0\\t5")], None)[0]
    >>> [s.text for s in stray_cells(row, row.label.index("本年新收") + 4, "一、本年新收政府信息公开申请数量")]
    ['abc']
    >>> row = region_to_rows([(1, "（二）部分公开\\t（区分处理的）\\t0\\t5")], None)[0]
    >>> stray_cells(row, row.label.index("部分公开") + 4, "（二）部分公开")
    []
    """
    if not row.slots:
        return []
    line, structured = row.slots[0].line, row.slots[0].structured
    nameless = end is None
    if end is None:
        end = min((start for start, ln, _, _ in row.label_cells if ln == line), default=len(row.label))
    after = [(text, ln, cell) for start, ln, text, cell in row.label_cells if start >= end]
    if not after or any(ln != line or cell != structured for _, ln, cell in after):
        return []
    out: list[Slot] = []
    for text, ln, _ in reversed(after):
        if _label_text(text, template) or ((nameless or not structured) and _HAN.search(text)
                                           and not _COUNT_IN_WORDS.match(compact(text))):
            break
        out.append(Slot(text, ln, structured=structured))
    return out[::-1]


def words_for_numbers(lines: list[tuple[int, str]], rule_table: str, templates: dict[str, str]) -> list[
        tuple[str, int, str]]:
    """``(code, line, the cells after the name as printed)`` of each line that prints a row's label (``rule_table``'s
    last match, a code of ``templates``: code to its label as the template prints it) and, where its numbers would
    stand, words only: no value cell, and at least one cell after the name that is no part of the label (a note, a
    unit, a mark, a piece of the template's label or a phrase is: ``_label_text``); in loose text only a word
    without a Chinese character, a count in words (as ``stray_cells`` takes them) or words a report prints in place of
    numbers (``rules/words_for_numbers.csv``: 详见附件, 若干; never a label's) are taken for a cell.

    Such a line is a row printed again (or first) with words where its numbers should be: the caller says so when
    the table prints the row with numbers elsewhere (before, the line was silently taken for a label).

    >>> words_for_numbers([(3, "行政许可\\t若干"), (4, "行政许可\\t5"), (5, "行政许可\\t（件）"), (6, "行政许可 若干"),
    ...                    (7, "行政许可 许可事项")], "item_labels", {"licensing": "行政许可"})
    [('licensing', 3, '若干'), ('licensing', 6, '若干')]
    """
    out = []
    headers = _header_lines(lines)
    for index, (number, text) in enumerate(lines):
        tokens, structured, starts = _line_tokens(number, text, index in headers)  # (memoised: read already)
        if not tokens or tokens[-1][0] != "text" or any(kind != "text" for kind, _, _ in tokens):
            continue  # (a row's line ends with a value: told without going over its tokens)
        label, cells = "", []  # the line's row as ``region_to_rows`` makes it: its label and label cells
        for at, (_, content, _) in enumerate(tokens):
            if piece := compact(content):
                if at in starts or not structured:
                    cells.append((len(label), starts.get(at, content)))
                label += piece
        matches = [c for c in label_matches(label, rule_table) if c in templates][-1:]
        if not matches:
            continue
        end = name_end(label, rule_table, matches[0])
        after = [cell for start, cell in cells if start >= end]
        if any(not _label_text(cell, templates[matches[0]]) and (structured or not _HAN.search(cell)
                                                                  or _COUNT_IN_WORDS.match(compact(cell))
                                                                  or compact(cell) in _printed_for_numbers())
               for cell in after):
            out.append((matches[0], number, " | ".join(after)))
    return out


_RULES_ONLY = re.compile(r"^\s*\|[|\s]*$")  # a line of rules alone: | (an empty cell one cell a line), ||


def _rules_then_line(lines: list[tuple[int, str]]) -> list[tuple[int, tuple[int, str] | None]]:
    """For each start ``k`` (``0`` to ``len(lines)``): how many lines of rules alone (``|``, ``||``) come from line
    ``k`` on (empty lines skipped), and the next non-empty line after them (None: none). One pass from the end:
    each start walked the rest of the table (and a slice of it copied), so 10,000 lines of ``|`` took 21 CPU s
    (hostile round 13).

    >>> _rules_then_line([(1, "|"), (2, ""), (3, "||"), (4, "5 |")])
    [(2, (4, '5 |')), (1, (4, '5 |')), (1, (4, '5 |')), (0, (4, '5 |')), (0, None)]
    """
    out: list[tuple[int, tuple[int, str] | None]] = [(0, None)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        if not line[1].strip():
            out[k] = out[k + 1]
        elif not _RULES_ONLY.match(line[1]):
            out[k] = (0, line)
        else:
            out[k] = (out[k + 1][0] + 1, out[k + 1][1])
    return out


def _space_cells_then_line(lines: list[tuple[int, str]]) -> list[tuple[int, tuple[int, str] | None]]:
    """For each start ``k`` (``0`` to ``len(lines)``): how many lines of white space only (a space, an ideographic or
    a no-break space: a cell printed empty, one cell a paragraph) come from line ``k`` on, empty lines skipped, and
    the next line of text after them (None: none); one pass from the end, as ``_rules_then_line``.

    >>> _space_cells_then_line([(1, " "), (2, ""), (3, "\u3000"), (4, "5")])[:2]
    [(2, (4, '5')), (1, (4, '5'))]
    """
    out: list[tuple[int, tuple[int, str] | None]] = [(0, None)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        out[k] = (0, line) if line[1].strip() else (out[k + 1][0] + bool(line[1]), out[k + 1][1])
    return out


def blank_or_absent(where: dict, columns: list[str], line: int | None) -> Finding:
    """The finding for a template's row no value was read from: ``value_blank`` on ``line`` where the row is printed
    with its cells blank (``printed_blank``'s line for it), else ``row_absent`` (the row is not printed)."""
    if line is None:
        return make("row_absent", **where)
    return make("value_blank", column="、".join(columns), actual="空白", line=line, case="blank", **where)


def printed_blank(lines: list[tuple[int, str]], rule_table: str, templates: dict[str, str]) -> dict[str, int]:
    """``{code: the first line}`` of each row printed with its label and nothing after it but empty cells or its
    merged columns' rules (``| 行政许可 | |``, ``| 行政许可 | | | |``, ``行政许可 | ||||``, ``行政许可<tab>``): a row
    of a table's cells or a tab export, its label ``rule_table``'s last match (a code of ``templates``) with no word
    after its name but a note's (``_label_text``). Such a row is printed and blank: the caller says so where it would
    say the row was not printed (before, row_absent for a row the report shows, its cells blank).

    One cell a line (each cell closed by a rule), the row's label then lines of rules alone (``行政许可 |``, ``|``: its
    empty cell; ``||``: its row's end) is such a row too; and one cell a paragraph, the row's label alone on its line
    then lines of white space only (its cells printed empty: before, row_absent said the report printed no such row,
    session 37). A row whose next line after those rules or spaces begins with a number is not said blank: its
    numbers may be printed there (a label's line ``（七）总计<tab>``, its seven numbers on the next line, unread).

    >>> printed_blank([(3, "| 行政许可 | |"), (4, "行政许可 5"), (5, "行政处罚 | ||||"), (6, "行政强制"),
    ...                (7, "行政强制\\t"), (8, "12")],
    ...               "item_labels", {"licensing": "行政许可", "penalty": "行政处罚", "coercion": "行政强制"})
    {'licensing': 3, 'penalty': 5}
    >>> printed_blank([(3, "行政许可 |"), (4, "|"), (5, "行政处罚 |"), (6, "|"), (7, "5 |")],
    ...               "item_labels", {"licensing": "行政许可", "penalty": "行政处罚"})
    {'licensing': 3}
    >>> printed_blank([(3, "行政许可"), (4, ""), (5, " "), (6, ""), (7, "行政处罚"), (8, " "), (9, "5")],
    ...               "item_labels", {"licensing": "行政许可", "penalty": "行政处罚"})
    {'licensing': 3}
    """
    out: dict[str, int] = {}
    headers = _header_lines(lines)
    spaces_after, rules_after = _space_cells_then_line(lines), _rules_then_line(lines)
    for index, (number, text) in enumerate(lines):
        stripped = text.strip()
        spaced = "|" not in stripped and "\t" not in text
        # (one cell a paragraph: the label, then its cells printed as lines of spaces only)
        rules, following = (spaces_after if spaced else rules_after)[index + 1]
        if spaced and not rules:
            continue
        tokens, structured, starts = _line_tokens(number, text, index in headers)  # (memoised: read already)
        if not (structured or spaced) or not tokens or tokens[0][0] != "text" or any(
                kind != "text" and content for kind, content, _ in tokens):
            continue  # (a value cell: a row with numbers, or words, which words_for_numbers tells)
        if all(kind == "text" for kind, _, _ in tokens) and not _MERGED_RULES.search(stripped) and not rules:
            continue  # (a label alone in its cell, no cell after it: a heading, or a row whose numbers follow)
        # (行政许可 | then a lone |, its empty cell, or its row's closing ||: one cell a line, the row printed blank)
        if following is not None and (after := line_tokens(*following)[0]) and after[0][0] != "text":
            continue  # (the next line begins with a number: the row's numbers may be printed there, unread)
        label, cells = "", []
        for at, (_, content, _) in enumerate(tokens):
            if piece := compact(content):
                if at in starts:
                    cells.append((len(label), starts[at]))
                label += piece
        matches = [c for c in label_matches(label, rule_table) if c in templates][-1:]
        if not matches or matches[0] in out:
            continue
        end = name_end(label, rule_table, matches[0])
        if (not label[end:] or _label_text(label[end:], templates[matches[0]])) and all(
                _label_text(cell, templates[matches[0]]) for start, cell in cells if start >= end):
            out[matches[0]] = number
    return out


@lru_cache(maxsize=1)
def _printed_for_numbers() -> frozenset[str]:
    """(compact) The words a report prints in a row's cells in place of its numbers (``rules/words_for_numbers.csv``:
    详见附件, 若干): in loose text, where Chinese words after a label are taken for the label wrapping, these are
    a cell's."""
    from .catalog import table

    return frozenset(compact(row["words"]) for row in table("words_for_numbers"))


# (compact) a count in words, perhaps with its unit (三, 五件, 十二项): a cell's, never a label's words
_COUNT_IN_WORDS = re.compile(f"[{CHINESE_NUMERALS}]{{1,4}}(?:" + "|".join(PROSE_UNITS) + ")?$")
_SHARE = re.compile(r"\d+(?:\.\d+)?%")  # (compact) a share in a column after the counts (办结率, 占比): no count
# (compact) a unit: 件, (件), 单位:件, 万元
_UNIT_CELL = re.compile(r"^(?:单位:?)?\(?(?:" + "|".join((*PROSE_UNITS, "万元", "元")) + r")\)?$")


# (compact) a cell of words in a 备注 column after a row's values: three Han characters or more (合计 or 总计 may be a
# column's name: which cell is the row's own is then unknown), no row label's numbering (（一）, 一、, 1.), no value
_NUMBERED = re.compile(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
_TOTAL_WORD = re.compile("合计|总计|小计")  # a column's name (合计数, 小计（件）), never taken for a remark


def _remark(slot: Slot) -> bool:
    """Whether ``slot``, a whole cell after a row's values, is a remark (含合并处理2件, 已于2022年1月办结): words, not a
    value nor a label (a remark's numbers are none of the table's; the source page shows them)."""
    if not slot.structured:
        return False
    text = compact(slot.text)
    return (len(_HAN.findall(text)) >= 3 and not _NUMBERED.match(text) and not _TOTAL_WORD.search(text)
            and read_cell(slot.text)[1] == "unreadable")


def spread_spans(slots: list[Slot], k: int) -> list[Slot]:
    """``slots`` with each number merged across columns (``values.SPAN_MARK``, an HTML colspan or a .docx gridSpan)
    spread over the columns it covers, each of them ``MERGED_ACROSS`` (missing, with a finding), when that makes
    the row exactly ``k`` wide; else ``slots`` as they are (the number read as it stands). Before, such a row
    was one cell short, and every cell of it was lost.

    >>> [s.text for s in spread_spans([Slot("3", 1, True), Slot("0〔跨2格〕", 1, True)], 3)]
    ['3', '0〔与左右格合并〕', '0〔与左右格合并〕']
    >>> [s.text for s in spread_spans([Slot("3", 1, True), Slot("0〔跨2格〕", 1, True)], 2)]
    ['3', '0〔跨2格〕']
    """
    if len(slots) >= k or not any(SPANNED.search(s.text) for s in slots):
        return slots
    out = []
    for slot in slots:
        span = SPANNED.search(slot.text)
        if span:
            out += [Slot(slot.text[:span.start()] + MERGED_ACROSS, slot.line, True)] * int(span.group(1))
        else:
            out.append(slot)
    return out if len(out) == k else slots


def _noted_value(slots: list[Slot], k: int) -> bool:
    """Whether the last of ``slots`` (a row one cell wider than ``k``, the cell words: ``_remark``) is the row's
    last value printed with a note (``17（含转办2件）``), not a 备注 column's: it begins with a number and the row
    begins with an empty layout cell (a merged label's second column, as a ruled PDF or an unmerged copy gives it),
    which is the cell too many. Taken for a remark, the empty cell became the first value and every number of the
    row was published one column to the right of its own (自然人 blank, 商业企业 the 自然人's number …)."""
    return len(slots) == k + 1 and slots[0].empty and _LEADING_NUMBER.match(compact(slots[-1].text)) is not None


_LEADING_NUMBER = re.compile(r"[+-]?\d")


def trim_slots(slots: list[Slot], k: int) -> list[Slot]:
    """Drop layout padding: trailing, then leading, empty cells beyond the row width ``k``; and a unit cell, a
    share or a remark after a row's last value (``… | 5 | 件``, ``… | 6 | 46.2%``, ``… | 13 | 含合并处理2件``: a
    column of units, of shares, of 备注; before, the row had a cell too many and was lost) — unless that remark is
    the last value with a note after an empty layout cell (``_noted_value``).

    >>> [s.text for s in trim_slots([Slot("5", 1, True), Slot("（件）", 1, True), Slot("", 1, True)], 1)]
    ['5']
    """
    out = list(slots)
    while len(out) > k and out and (out[-1].empty or _UNIT_CELL.match(compact(out[-1].text))
                                    or _SHARE.fullmatch(compact(out[-1].text))
                                    or (_remark(out[-1]) and not _noted_value(out, k))):
        out.pop()
    padding = out[0].line if len(out) > k and out and out[0].empty else None
    while len(out) > k and out and out[0].empty:
        out.pop(0)
    if padding is not None and _padding_line(slots, padding):
        # (a line of empty cells only, the merged columns' rules of a header above the values: all layout padding,
        # or none of it. Cut to the row's width, its last empty cell took the place of a cell the text lost, and
        # every value was published one column right of its own: session 50, a one-cell-a-line table 四 of 14)
        while out and out[0].empty and out[0].line == padding:
            out.pop(0)
    return out


def edge_windows(slots: list[Slot], k: int) -> list[int]:
    """Where a row's ``k`` values may begin among its ``slots`` when only empty cells at its ends are left out: one
    place for a row whose padding is told by its filled cells (``| | 1 | 2 | 3 | |``: 1), several for a row with a
    value blank at an end between padding at both ends (``| | 1 | 2 | | |``: 0 or 1 — which empty cell is the blank
    one, the row does not say; ``trim_slots`` drops the end's first).

    >>> rows = (("", "1", "2", "3", ""), ("", "1", "2", "", ""))
    >>> [edge_windows([Slot(text, 1, True) for text in cells], 3) for cells in rows]
    [[1], [0, 1]]
    """
    if len(slots) <= k:
        return [0]
    lead = next((i for i, s in enumerate(slots) if not s.empty), len(slots))
    trail = next((i for i, s in enumerate(reversed(slots)) if not s.empty), len(slots))
    extra = len(slots) - k
    return list(range(max(0, extra - trail), min(lead, extra) + 1))


def _padding_line(slots: list[Slot], line: int) -> bool:
    """Whether ``line`` holds only empty cells of ``slots`` and the row's values stand on other lines (a rules-only
    line, ``|||||``, before a row printed one cell a line)."""
    return all(s.empty for s in slots if s.line == line) and any(not s.empty for s in slots)
