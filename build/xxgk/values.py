"""Reading one cell's text as a value, keeping blank apart from zero.

``read_cell(text, unit)`` returns ``(value, problem)``: ``problem`` is ``None`` for a number,
``"blank"`` for an empty, ``/``, ``-``, ``—`` or ``无`` cell (value ``None``, never 0),
``"invalid"`` for a count that cannot be a count (``-3``, ``1.5``) and ``"unreadable"`` for text.

>>> read_cell("63,292", "count"), read_cell("６３２９２", "count"), read_cell("1 075", "count")
((63292, None), (63292, None), (1075, None))
>>> read_cell("/", "count"), read_cell("-3", "count"), read_cell("减4", "signed_count"), read_cell("6件")
((None, 'blank'), (None, 'invalid'), (-4, None), (6, None))
>>> read_cell("12.0", "count"), read_cell("12.00"), read_cell("1.000"), read_cell("1.5"), read_cell("-3.0")
((None, 'unreadable'), (None, 'unreadable'), (None, 'invalid'), (None, 'invalid'), (None, 'invalid'))
>>> read_cell("6（件）"), read_cell("6人"), read_cell("6-")
((6, None), (None, 'unreadable'), (None, 'unreadable'))
>>> read_cell("251000元", "10k_yuan"), read_cell("3883.30", "10k_yuan"), read_cell("12.5万", "10k_yuan")
((Decimal('25.1'), None), (Decimal('3883.30'), None), (Decimal('12.5'), None))
>>> read_cell("12.5万"), read_cell("3万件")
((None, 'unreadable'), (None, 'unreadable'))

A number merged over rows is no row's (``MERGED_DOWN``); one merged across columns is read as it stands, unless
the row spreads it over the columns it covers (``MERGED_ACROSS``):

>>> read_cell("4" + MERGED_DOWN), read_cell(MERGED_UP), read_cell("4〔跨2格〕"), read_cell("4" + MERGED_ACROSS)
((None, 'merged'), (None, 'merged'), (4, None), (None, 'merged_across'))

A digit only NFKC makes one (a footnote mark ``3①``, ``3¹``, ``⑶``) is no digit of the value, and a
comma that is no thousands separator (``12,34``) is not dropped: both are unreadable, never 31 or 1234.

>>> read_cell("3①", "count"), read_cell("5¹", "count"), read_cell("12,34", "10k_yuan")
((None, 'unreadable'), (None, 'unreadable'), (None, 'unreadable'))
>>> read_cell("12,345.67", "10k_yuan"), read_cell("１,２３４", "count"), read_cell("3 1", "count")
((Decimal('12345.67'), None), (1234, None), (None, 'unreadable'))
>>> read_cell("0 153", "count"), read_cell("0,153", "count"), read_cell("0,153.5", "10k_yuan")
((None, 'unreadable'), (None, 'unreadable'), (None, 'unreadable'))

An approximate number (``rules/approximate_words.csv``: 约1075, 近200, 1000余, 30多件) is no count: never the number.

>>> read_cell("约1075"), read_cell("1000余"), read_cell("30多件"), read_cell("约12.5万元", "10k_yuan")
((None, 'approximate'), (None, 'approximate'), (None, 'approximate'), (None, 'approximate'))

A value of more digits than ``MAX_DIGITS`` is none any report can hold (and no spreadsheet, Parquet column or
browser carries it exactly): invalid, never rounded.

>>> read_cell("1" + "0" * 30, "count"), read_cell("9" * 16, "signed_count"), read_cell("1234567890.123456", "10k_yuan")
((None, 'invalid'), (None, 'invalid'), (None, 'invalid'))
>>> read_cell("999999999999999", "count"), read_cell("0.000123", "10k_yuan")
((999999999999999, None), (Decimal('0.000123'), None))

Nor is an amount written with more digits than that, the zeros after its point included (``written_digits``):

>>> read_cell("0." + "0" * 30 + "1", "10k_yuan"), read_cell("0.00000000001元", "10k_yuan")
((None, 'invalid'), (None, 'invalid'))
>>> read_cell("0.00000000000001", "10k_yuan"), read_cell("0.0000000001元", "10k_yuan")
((Decimal('1E-14'), None), (Decimal('1E-14'), None))
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .memo import parser_memo
from .text import OTHER_SCRIPT_DIGIT, compact, drop_zero_width, fold, has_digit_mark

# a number in a cell merged down over rows (a .docx vMerge, an HTML rowspan) belongs to none of the rows alone:
# the reader prints it with MERGED_DOWN in its first row and MERGED_UP in each row it covers below, and every
# one of those cells is missing ("merged"), never the number in one row or in each
MERGED_DOWN, MERGED_UP = "〔与下行合并〕", "〔与上行合并〕"
MERGED_CELL = re.compile(r"^[\d,.]*(?:" + re.escape(MERGED_DOWN) + "|" + re.escape(MERGED_UP) + ")$")
# a number in a cell merged across columns (an HTML colspan, a .docx gridSpan) in a row of several numbers is printed
# once with SPAN_MARK (its width): the number as it stands; where the row has its table's width only with the cell
# counted that many times, each column it covers is MERGED_ACROSS — missing ("merged_across"), never the number in
# one column or in each (``resolve.spread_spans``). The template's one value across table 二's three columns is a
# row's only number, and is not marked
SPAN_MARK = "〔跨{}格〕"
SPANNED = re.compile(r"〔跨(\d{1,2})格〕$")
MERGED_ACROSS = "〔与左右格合并〕"
_MERGED_ACROSS_CELL = re.compile(r"^.*" + re.escape(MERGED_ACROSS) + "$")  # (0件, 1 000: any number as printed)
# what a cell prints for "no number": blank, never 0 (不详, 暂无, 未统计: a word standing for the cell, which PDF text
# otherwise took into the row's label, moving every value one column to the left)
MISSING_MARKERS = frozenset({"", "/", "-", "--", "—", "——", "无", "\\", "／", "_", "…", "空", "不详", "暂无", "未统计"})
# (a first group of 0 is no thousands' group: ``0 153`` is two cells' numbers run together, 0 and 153, never 153)
_GROUPED = re.compile(r"^[1-9]\d{0,2}([, ]\d{3})+$")
_SPACED_DIGITS = re.compile(r"\d\s+\d")
_INTEGER = re.compile(r"^\d+$")
_SIGNED = re.compile(r"^(增加?|减少?|\+|-)?(\d+)$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
# a count printed with one or two zero decimals (12.0, 12.00) is no count where it stands (unreadable: a typed
# figure, a pasted average?) — a table printing every count so is read whole before its cells are (decimals.py);
# three zeros may be a thousands' group typed with a point (1.000), and a fraction is no count (1.5: invalid)
_WHOLE = re.compile(r"\d\.0{1,2}$")
# a count may carry its unit: 6件 is 6; 12批次 (batches: a real 2020 bureau's 政府集中采购 count) is 12 — before,
# 批次 was read as a label, 12 as digits run together (cells_ambiguous, false) and the row's amount in 元 lost too
COUNT_UNITS = ("人次", "批次", "件", "个", "项", "次", "家", "起")
PROSE_UNITS = (*COUNT_UNITS, "份", "条")  # what a sentence counts in besides
_UNITS = "|".join(COUNT_UNITS)
_COUNT_UNIT = re.compile(rf"(?<=\d)\s*(?:{_UNITS}|\(\s*(?:{_UNITS})\s*\))$")  # 6件 or 6（件） in a count cell is 6
# an amount's own unit: 万元, 元, or 万 alone (12.5万 in a column of 万元: before, unreadable in a table, and since the
# magnitude word is the cell's in PDF text too, unreadable there — where 12.5 had been read)
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)(万元|元|万)?$")
_GROUPED_AMOUNT = re.compile(r"^[1-9]\d{0,2}(,\d{3})+(\.\d+)?(万元|元|万)?$")
# significant digits a value may have: what a double (the XLSX's numbers, Parquet's and SQLite's floats, JSON read by
# a browser) carries exactly, far beyond any count or amount a report prints; a longer value is invalid (and past
# 18 digits it overflowed the Parquet and SQLite integers, stopping the build; past 4,300 ``int`` itself refused it)
MAX_DIGITS = 15


@lru_cache(maxsize=1)
def approximate_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words printed before a number, words printed after it)`` that make it approximate
    (``rules/approximate_words.csv``), folded, longest first (约计 before 约)."""
    from .catalog import table
    from .text import fold

    def words(position: str) -> tuple[str, ...]:
        found = {fold(row["words"]) for row in table("approximate_words") if row["position"] == position}
        return tuple(sorted(found, key=lambda w: (-len(w), w)))

    return words("before"), words("after")


@lru_cache(maxsize=1)
def change_words() -> frozenset[str]:
    """Words a 2019 table 二 prints in its 本年增/减 cell for no change (``rules/change_words.csv``: 持平, 不变),
    folded: a cell, never a label's words — and no number (only a printed 0 is zero, REPORT_FORMAT: Values)."""
    from .catalog import table
    from .text import fold

    return frozenset(fold(row["words"]) for row in table("change_words"))


@lru_cache(maxsize=1)
def _approximate() -> re.Pattern:
    """A whole cell (compact) that is an approximate number: a word before it or after it, then its unit if any."""
    before, after = (("|".join(map(re.escape, w))) for w in approximate_words())
    unit = rf"(?:{'|'.join(COUNT_UNITS)}|万元|元|\((?:{'|'.join(COUNT_UNITS)})\))?"
    number = r"\d[\d,.]*"
    return re.compile(rf"^(?:(?:{before}){number}|{number}(?:{after})){unit}$")


def is_approximate(text: str) -> bool:
    """Whether ``text`` (a cell, folded) is an approximate number: 约1075, 近 200, 1000余, 30多件 (not 1075, 余).

    >>> is_approximate("约1075"), is_approximate("1000余件"), is_approximate("37 左右"), is_approximate("1075")
    (True, True, True, False)
    """
    return bool(_approximate().match(compact(text)))


def too_many_digits(number: str) -> bool:
    """Whether the digits of ``number`` (``\\d+`` or ``\\d+.\\d+``) hold more than ``MAX_DIGITS`` significant ones."""
    return len(number.replace(".", "").lstrip("0")) > MAX_DIGITS


def _plain_digits(text: str) -> str:
    """Digits without thousands separators; digits apart by a space that is no separator (``3 1``,
    two lines of one cell) stay apart, so the cell is unreadable rather than 31."""
    folded = text.strip()
    if _GROUPED.match(folded):
        return folded.replace(",", "").replace(" ", "")
    return folded if _SPACED_DIGITS.search(folded) else compact(folded)


@parser_memo(1 << 16)  # "0" and friends recur in every row of every report
def read_cell(text: str, unit: str = "count"):
    """Parse ``text`` as a value of ``unit``: count, signed_count, 10k_yuan, or other_unit — an amount in 万元 from
    a cell whose header prints another unit than the template's 万元. Such a cell's bare number other than 0 is not
    read (problem ``unit``): the header may be the template's with its 万 lost by the extraction, and the two
    readings differ 10,000 times; a cell that prints its own unit is read by it.

    >>> read_cell("388330", "other_unit"), read_cell("12.5万元", "other_unit"), read_cell("388330元", "other_unit")
    ((None, 'unit'), (Decimal('12.5'), None), (Decimal('38.833'), None))
    >>> read_cell("0", "other_unit")
    (Decimal('0'), None)
    >>> read_cell("৪"), read_cell("١٢"), read_cell("１２"), read_cell("𝟏𝟐")
    ((None, 'unreadable'), (None, 'unreadable'), (12, None), (12, None))
    """
    text = drop_zero_width(text)
    if MERGED_CELL.match(text.strip()):
        return None, "merged"
    if _MERGED_ACROSS_CELL.match(text.strip()):
        return None, "merged_across"
    text = SPANNED.sub("", text.rstrip())
    raw = fold(text).strip()
    if compact(raw) in MISSING_MARKERS:
        return None, "blank"
    if has_digit_mark(text) or OTHER_SCRIPT_DIGIT.search(raw):
        return None, "unreadable"
    if is_approximate(raw):  # 约30件 is not 30: the count is not printed
        return None, "approximate"
    token = _plain_digits(_COUNT_UNIT.sub("", raw) if unit not in ("10k_yuan", "other_unit") else raw)
    if unit == "count":
        if _WHOLE.search(token) and _INTEGER.match(token.split(".")[0]):
            return None, "unreadable"  # (6.0 beside counts printed 6: decimals.py reads a whole table of them)
        if _INTEGER.match(token):
            return (None, "invalid") if too_many_digits(token) else (int(token), None)
        return (None, "invalid") if _DECIMAL.match(token) else (None, "unreadable")
    if unit == "signed_count":
        match = _SIGNED.match(token)
        if not match:
            return (None, "invalid") if _DECIMAL.match(token) else (None, "unreadable")
        if too_many_digits(match.group(2)):
            return None, "invalid"
        sign = -1 if match.group(1) and match.group(1)[0] in "减-" else 1
        return sign * int(match.group(2)), None
    match = _AMOUNT.match(token.replace(",", "") if _GROUPED_AMOUNT.match(token) else token)
    if not match:
        return (None, "invalid") if token.startswith("-") and _DECIMAL.match(token) else (None, "unreadable")
    if too_many_digits(match.group(1)):
        return None, "invalid"
    try:
        amount = Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None, "unreadable"
    if unit == "other_unit" and not match.group(2) and amount:  # (0 is 0 in any unit)
        return None, "unit"
    amount = amount / 10000 if match.group(2) == "元" else amount
    return (None, "invalid") if written_digits(amount) > MAX_DIGITS else (amount, None)


def written_digits(amount: Decimal) -> int:
    """The digits of ``amount`` as the package writes it, in plain notation (``package.tables``): the zeros after
    the point count. A fee printed 0.0000000000000000000000000000001 (万元) has one significant digit, so it was
    read, and was written with 32 digits: a CSV cell a spreadsheet reads as another number (1E-31), which the
    CSV therefore marked as text (``safe.sheet_cell``) in a number column, failing the package's own validation
    and stopping the whole build (so did 0.00000000001元, 0.000000000000001 万元).

    >>> written_digits(Decimal("3883.30")), written_digits(Decimal("1E-15")), written_digits(Decimal("1E+3"))
    (5, 16, 4)
    """
    return sum(character.isdigit() for character in format(amount.normalize(), "f"))
