"""Normalising report text for matching; the original text is always kept for display.

>>> compact("（二） 部分公开")
'(二)部分公开'
>>> compact("３．危及“三安全 一稳定”")
'3.危及“三安全一稳定”'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .memo import parser_memo
from .safe import BIDI_CONTROLS, drop_invisible
from .safe import char_code as _code_of

_SPACE = re.compile(r"\s+")
# NFKC folds full-width digits and ASCII punctuation; these CJK marks it leaves alone.
# (U+2212 MINUS SIGN, U+2011 NON-BREAKING HYPHEN: what Word's autoformat and PDF text print for a typed -, as in
# 2019's 本年增/减 ``−2``; before, that change was unreadable in a cell and lost its row in PDF text)
_FOLD = str.maketrans({"．": ".", "。": "。", "﹒": ".", "—": "-", "－": "-", "–": "-", "‐": "-", "−": "-",
                       "‑": "-"})


# the same, one ``str.replace`` each where one stands (no value is a key: the order does not matter): ``translate``
# looks every character of the line up in the table, ≈ 20 times slower than finding the few that are there
_FOLD_PAIRS = tuple((chr(key), value) for key, value in _FOLD.items() if chr(key) != value)
# the full-width forms Chinese text prints most (，（）：；, one of them in nearly every line of prose), each with its
# NFKC form: one of them made NFKC's quick check fail, so the whole line went through decomposition and composition
# (≈ 2.5 times the time); replaced first, most lines pass the quick check. The result is the same: each is replaced by
# its full compatibility decomposition, a lone ASCII character, and NFKC(s) is the composition of NFKD(s), which
# neither replacement changes (``tests/test_h28speed_audit.py`` checks it on every character NFKC changes)
WIDE_PUNCTUATION = tuple((wide, unicodedata.normalize("NFKC", wide)) for wide in "，（）：；")


@parser_memo(1 << 16)  # cells and labels repeat across rows and reports: "0", "", 自然人 …
def fold(text: str) -> str:
    """Full-width to half-width (NFKC) and dash variants to ``-``; keeps line structure."""
    if not text.isascii():  # (ASCII is its own NFKC and holds none of the dashes)
        for wide, narrow in WIDE_PUNCTUATION:
            text = text.replace(wide, narrow)
    text = unicodedata.normalize("NFKC", text)
    for dash, plain in _FOLD_PAIRS:
        if dash in text:
            text = text.replace(dash, plain)
    return text


# a report's lines, folded once though the parse folds its title lines, its text and its section 一 (overlapping)
_fold_line = parser_memo(1 << 12)(fold.__wrapped__)


@parser_memo(1 << 8)  # the same text again (a report parsed twice) costs a look-up, not a pass over its lines
def fold_lines(text: str) -> str:
    """``fold(text)``, folded line by line: NFKC neither makes, removes nor joins across a newline, so the result
    is the same, and a line folded once (the report's text, then a slice of whole lines of it) is not folded again.

    >>> fold_lines("（一）２０２３年\\n－１") == fold("（一）２０２３年\\n－１") == "(一)2023年\\n-1"
    True
    """
    return "\n".join(map(_fold_line, text.split("\n")))


# a character's reading in pinyin printed after it, tone marks and all (規(guī)章, 行政事業(yè)性收費: a site's
# pronunciation aid, copied into a page's text): no part of the label it stands in
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_AFTER_HAN = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü]*[{_TONES}])[a-zü{_TONES}]{{1,6}}\)")


@parser_memo(1 << 16)
def compact(text: str) -> str:
    """``fold`` and drop all white space: the form labels are matched in. A reading in pinyin after a character is
    dropped too (``_PINYIN_AFTER_HAN``).

    >>> compact("行政规(guī)范性 文件"), compact("规章(a)")
    ('行政规范性文件', '规章(a)')
    """
    return drop_readings(_SPACE.sub("", fold(text)))


def drop_readings(folded: str) -> str:
    """``folded`` text (half-width brackets) without the readings in pinyin printed after its characters.

    >>> drop_readings("某某镇(zhèn)2020年"), drop_readings("规章(a)")
    ('某某镇2020年', '规章(a)')
    """
    return _PINYIN_AFTER_HAN.sub("", folded) if "(" in folded else folded


# characters that are no text: the C0 controls but tab and line feed, DEL, the C1 controls, the line and paragraph
# separators, the bidirectional controls, U+FFFD and the private use area (a glyph the extraction could not map to a
# character comes out as one of these: a PDF font without its ToUnicode map gives control codes)
# The bidirectional *marks* (LRM, RLM, ALM) are no such character: they stand for no glyph and reorder no Han text,
# and a page's CMS may put one before a title (‎某局2023年…): they are dropped where a name is read, not refused
BIDI_MARKS = "\u200e\u200f\u061c"
# characters that show nothing, or nothing of their own, and are no format character (those ``safe.drop_invisible``
# drops): the Hangul fillers, the combining grapheme joiner, the variation selectors and the Mongolian ones (Unicode's
# default-ignorable letters and marks), the braille blank, the combining diacritical marks. Inside a name each was
# taken for the name's edge, so the name was cut there: 昌吉市行政\u3164审批局 was published as 审批局
BLANK_LETTERS = ("\u0300-\u036f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
                 "\U000e0100-\U000e01ef")
NOT_TEXT = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(c for c in BIDI_CONTROLS if c not in BIDI_MARKS)
            + "\ufffd\ue000-\uf8ff" + BLANK_LETTERS)
_NOT_TEXT = re.compile("[" + NOT_TEXT + "]")
_NOT_TEXT_OR_MARK = re.compile("[" + NOT_TEXT + BIDI_MARKS + "]")
_NO_MARKS = dict.fromkeys(map(ord, BIDI_MARKS))
# an ECMA-48 escape sequence (a colour, a cursor move, a terminal's title: ESC [31m, ESC ]0;…BEL) is one control, its
# parameters with it (before, the name 某某县ESC[31m交通运输局 was read from 交 on: "[31m" is no Han); a string
# sequence (ESC ] …) runs to its terminator or to the line's end
_ESCAPE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]P^_X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*"
                     r"(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]")
@lru_cache(maxsize=1)
def _radical_ideographs() -> tuple[dict[int, str], re.Pattern]:
    """``rules/radical_ideographs.csv`` (Unicode's EquivalentUnifiedIdeograph.txt) as a ``str.translate`` table and
    a pattern of its radicals."""
    from .catalog import table

    mapping = {row["radical"]: row["ideograph"] for row in table("radical_ideographs")}
    return str.maketrans(mapping), re.compile("[" + re.escape("".join(mapping)) + "]")


def unify_radicals(text: str) -> tuple[str, str]:
    """``(text with each CJK radical or stroke read as its unified ideograph, what was read: "" when nothing)``. A
    PDF's text layer often maps a glyph to the radical that looks the same (Chromium's print with Noto CJK, WPS,
    macOS): ⻘海省 is 青海省, ⼀、总体情况 is 一、总体情况. NFKC folds the Kangxi radicals (U+2F00–2FD5) but not the CJK
    Radicals Supplement (U+2E80–2EF3) or the strokes, so the name and the year came out cut (海省教育厅). Each
    character stays one character: line and column numbers do not move.

    >>> unify_radicals("⻘海省⼈⺠政府 ⼀、总体情况")
    ('青海省人民政府 一、总体情况', '4个部首字符（⻘→青、⼈→人、⺠→民…）')
    """
    mapping, radical = _radical_ideographs()
    found = radical.findall(text)
    if not found:
        return text, ""
    seen = list(dict.fromkeys(found))
    examples = "、".join(f"{ch}→{ch.translate(mapping)}" for ch in seen[:3]) + ("…" if len(seen) > 3 else "")
    return text.translate(mapping), f"{len(found)}个部首字符（{examples}）"


NOT_TEXT_MARK = "\x00"


@lru_cache(maxsize=1)
def placeholders() -> str:
    """The characters a page or a text layer prints where it lost a glyph (``rules/placeholder_characters.csv``:
    ``?``, ``□``, ``〓`` …), as printed and as ``fold`` leaves them (``？`` is ``?``).

    >>> "?" in placeholders() and "？" in placeholders() and "□" in placeholders()
    True
    """
    from .catalog import table

    printed = "".join(row["character"] for row in table("placeholder_characters"))
    return "".join(dict.fromkeys(printed + fold(printed)))


@lru_cache(maxsize=1)
def _placeholder_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``(any placeholder or character that is no text, each placeholder standing for a lost glyph)``. A placeholder
    that is also a numeral zero (``numeral_zero``: ○) stands for a lost glyph only away from a Chinese numeral:
    a run of it next to one is a number's zero (二○二五年, 二○○○年, 一○一)."""
    from .catalog import table

    zeros = {ch for row in table("placeholder_characters") if row["numeral_zero"]
             for ch in (row["character"], fold(row["character"]))}
    plain = "".join(ch for ch in placeholders() if ch not in zeros)
    numerals = "[" + re.escape(CHINESE_NUMERALS + "".join(zeros)) + "]"  # (a space apart: 二 ○ 二 五 年, letter-spaced)
    lost = ["[" + re.escape(plain) + "]"] + [f"(?<!{numerals})(?<!{numerals}\\s){re.escape(z)}+(?!\\s?{numerals})"
                                             for z in sorted(zeros)]
    return (re.compile("[" + NOT_TEXT + BIDI_MARKS + re.escape(placeholders()) + "]"), re.compile("|".join(lost)))


def mark_not_text(text: str) -> str:
    """``text`` with each escape sequence, each other character that is no text (``NOT_TEXT``) and each character
    printed where a glyph was lost (``placeholders``: ``?``, ``□`` …, not ○ as a number's zero) as one
    ``NOT_TEXT_MARK`` (NUL): a pattern that reads a name sees where such a character stands, and none of them is a
    space (``\\s`` matches ``\\x0c`` and ``\\x1c``). The bidirectional marks (``BIDI_MARKS``) are dropped; other
    characters are left as they are.

    >>> mark_not_text("某县\\x1b[31m交通\\x07运输局\\x85"), mark_not_text("某县\\ufffd局"), mark_not_text("某局\\t1\\n")
    ('某县\\x00交通\\x00运输局\\x00', '某县\\x00局', '某局\\t1\\n')
    >>> mark_not_text("\\u200e某县\\u200f局"), mark_not_text("某县\\u202e局")
    ('某县局', '某县\\x00局')
    >>> mark_not_text("某县交通?运输局"), mark_not_text("□某局")
    ('某县交通\\x00运输局', '\\x00某局')
    >>> mark_not_text("二○○五年○某局"), mark_not_text("一○一中学"), mark_not_text("二 ○ 二 五 年")
    ('二○○五年\\x00某局', '一○一中学', '二 ○ 二 五 年')
    """
    any_mark, lost = _placeholder_patterns()
    if not any_mark.search(text):
        return text
    if _NOT_TEXT_OR_MARK.search(text):
        text = _NOT_TEXT.sub(NOT_TEXT_MARK, _ESCAPE.sub(NOT_TEXT_MARK, text.translate(_NO_MARKS)))
    return lost.sub(lambda m: NOT_TEXT_MARK * len(m.group()), text)


def show_not_text(text: str) -> str:
    """``text`` with each character that is no text written as its code (``\\x07``, ``\\u202e``), for a finding.

    >>> show_not_text("某县\\x1b[31m交通\\u202e局"), show_not_text("某县\\u3164交通\\U000e0100局")
    ('某县\\\\x1b[31m交通\\\\u202e局', '某县\\\\u3164交通\\\\U000e0100局')
    """
    return _NOT_TEXT.sub(_code_of, text)


# a decimal digit of another script left after NFKC (full-width and mathematical digits fold to ASCII): Bengali ২০২৪
# (৪, a four, drawn like an 8), Devanagari, Arabic-Indic ١٢, Thai ๑๒ … No report prints one; where one stands, a font
# map is broken or a glyph planted, and what a reader sees is not the number ``int()`` would read: in a cell the value
# is unreadable (``values.read_cell``), in a title or a sentence no year or count is read from it
OTHER_SCRIPT_DIGIT = re.compile(r"(?![0-9])\d")


@lru_cache(maxsize=1)
def digit_marks() -> str:
    """Characters NFKC turns into digits that are no digits as printed: ① ¹ ⑴ ⒈ ₁ ½ (footnote marks,
    fractions); full-width and other decimal digits (category Nd) are digits and not listed. (Only a character
    with a decomposition can fold into another: the others are normalised only if they are digits themselves —
    a third of the time, read by every process that imports ``cells``.)"""
    return "".join(ch for ch in map(chr, range(0x80, 0x10000))
                   if (ch.isdigit() or unicodedata.decomposition(ch)) and unicodedata.category(ch) != "Nd"
                   and any(c.isdigit() for c in unicodedata.normalize("NFKC", ch)))


@lru_cache(maxsize=1)
def _digit_marks() -> re.Pattern:
    return re.compile("[" + re.escape(digit_marks()) + "]")


def has_digit_mark(text: str) -> bool:
    """Whether ``text`` holds a footnote-like mark that ``fold`` would turn into a digit (``3①`` → ``31``).

    >>> has_digit_mark("3①"), has_digit_mark("5¹"), has_digit_mark("１２"), has_digit_mark("12")
    (True, True, False, False)
    """
    return bool(_digit_marks().search(text))


def drop_zero_width(text: str) -> str:
    """``text`` without the characters a reader never sees (zero-width spaces, soft hyphens: ``safe.drop_invisible``),
    which pages copied from the web leave inside numbers: ``6\u200b`` is 6; nor the bidirectional marks
    (``BIDI_MARKS``: LRM, RLM, ALM), which stand for no glyph — ``1\u200e075`` shows 1075 (it was published as 1,
    the rest of the cell taken for words) — except where they reorder digits: a number whose right-to-left marks
    (RLM, ALM) part two runs of digits after the first mark (``1\u200f0\u200f7\u200f5``, which a browser shows as
    1570) keeps them as ``UNREADABLE_MARK`` (the cell is unreadable: null with a finding, never 1075 nor 1570).

    >>> drop_zero_width("1\u200b2\ufeff"), drop_zero_width("\u200e1\u200e0\u200f75"), drop_zero_width("1\u200f2.5")
    ('12', '1075', '12.5')
    >>> drop_zero_width("1\u200f0\u200f7\u200f5") == "1\ufffd0\ufffd7\ufffd5"
    True
    """
    text = drop_invisible(text)
    if not _NOT_TEXT_OR_MARK.search(text):
        return text
    if _RIGHT_TO_LEFT_MARK.search(text):
        text = _MARKED_NUMBER.sub(_marked_number, text)
    return text.translate(_NO_MARKS)


UNREADABLE_MARK = "\ufffd"  # a right-to-left mark that reorders a number's digits, kept so that the cell is unreadable
_RIGHT_TO_LEFT_MARK = re.compile("[\u200f\u061c]")
_MARKED_NUMBER = re.compile("[\\d.,\u200e\u200f\u061c]+")  # (each run once: linear, whatever the line)


def _marked_number(match: re.Match) -> str:
    """A run of digits and marks as ``drop_zero_width`` leaves it: its right-to-left marks ``UNREADABLE_MARK`` when
    more than one run of digits follows the first of them (the bidirectional algorithm then shows those runs in
    reverse order), else as it is (its marks dropped after)."""
    run = match.group()
    parts = _RIGHT_TO_LEFT_MARK.split(run)[1:]  # (none: a run without such a mark)
    if sum(any(c.isdigit() for c in part) for part in parts) < 2:
        return run
    return _RIGHT_TO_LEFT_MARK.sub(UNREADABLE_MARK, run)


@parser_memo(1 << 14)  # value cells repeat within and across reports ("0", "", "12" …)
def fold_value(text: str) -> str:
    """``fold`` that keeps digit marks as printed, so that a value cell ``3①`` stays unreadable
    instead of becoming ``31`` (labels use ``fold``: their ``⒈`` is an item number); invisible
    characters are dropped (``drop_zero_width``).

    >>> fold_value("３①"), fold("３①"), fold_value("6\u200b")
    ('3①', '31', '6')
    """
    text = drop_zero_width(text)
    if not has_digit_mark(text):
        return fold(text)
    pieces = _digit_marks().split(text)
    marks = _digit_marks().findall(text)
    return "".join(fold(p) + (marks[i] if i < len(marks) else "") for i, p in enumerate(pieces))


_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERALS = "".join(_DIGIT) + "".join(_UNIT)  # the characters of a numeral: 零〇○一二两…十百千


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral below 10 000 (二十三, 一百零五, 十二, 两千), None when it is none.

    >>> [chinese_number(t) for t in ("二十三", "十二", "一百零五", "两千零一十", "三", "二二", "十十")]
    [23, 12, 105, 2010, 3, None, None]
    """
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in _DIGIT:
            if _DIGIT[char] == 0 and digit is None and total:
                continue  # 一百零五: the 零 holds the empty tens
            if digit is not None:
                return None  # 二二: no numeral
            digit = _DIGIT[char]
        else:
            unit = _UNIT[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)
