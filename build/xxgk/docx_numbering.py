"""The numbers Word shows before its numbered paragraphs, written into a .docx's text.

A paragraph in a Word list (``w:numPr``, or a style holding one: ``List Number``) does not hold its number:
Word draws ``1.``, ``（一）`` or ``一、`` from the list's definition (``numbering.xml``) and a counter. WPS and
Word users number table 三's row labels that way (``1.属于国家秘密`` is the text ``属于国家秘密`` in a list), so
the text of the file lacked them: ``3.其他`` under （六）其他处理 read as ``其他``, 2019's single
（六）其他处理 row, and its numbers were not used (``row_other_format``). ``write_list_numbers`` puts each
number into its paragraph as a run of text, as Word shows it, before the text is read.

Counted as Word counts: a list's levels (``w:lvl``) have a start, a format (``w:numFmt``: decimal, Chinese
counting, circled numbers …) and a text (``w:lvlText``: ``%1.``, ``（%1）``, ``%1、``, ``%1.%2``); a paragraph
of a level counts one up, and the deeper levels start again. Lists (``w:num``) drawing on one definition
(``w:abstractNum``) count on from one another unless one restarts a level (``w:startOverride``, how Word writes
重新开始编号). A bullet, or a format not known here, writes nothing (the paragraph reads as before).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LEVELS = 9  # Word's levels, 0 to 8
MAX_STYLE_DEPTH = 16  # styles based on styles: deeper chains are not followed (a loop in a hostile file ends)
MAX_LEVEL_TEXT = 32  # characters of a level's text (Word's are a few: %1.%2.); a longer one writes no number (a
# hostile file's megabyte-long text, repeated before each of 100,000 paragraphs, would not fit in memory)

_DIGITS = "零一二三四五六七八九"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"


def chinese_counting(n: int) -> str:
    """``n`` (1 to 9999) as Word's ``chineseCounting`` writes it: 一, 十, 十一, 二十, 一百零五; else its digits.

    >>> [chinese_counting(n) for n in (1, 10, 11, 20, 21, 105, 110)]
    ['一', '十', '十一', '二十', '二十一', '一百零五', '一百一十']
    """
    if not 0 < n < 10000:
        return str(n)
    if n < 20:
        return ("十" if n >= 10 else "") + (_DIGITS[n % 10] if n % 10 or n < 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero and out else "") + _DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out


def _circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting, "japaneseCounting": chinese_counting,
    "chineseLegalSimplified": chinese_counting, "ideographTraditional":
        lambda n: _TRADITIONAL[n - 1] if 1 <= n <= 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": _circled, "decimalEnclosedCircleChinese": _circled,
    "lowerLetter": _letters, "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
}  # (a format named here is written as Word writes it; any other — bullet, none, … — writes no number)


@dataclass
class _Level:
    start: int = 1
    kind: str = "decimal"
    text: str = "%1."
    space: bool = False  # a space between the number and the text (w:suff="space"; a tab or nothing: none)


@dataclass
class _Lists:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNum id → its levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # num id → (abstractNum, restarts)
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNum id → each level's count
    restarted: set[tuple[str, int]] = field(default_factory=set)  # (num, level) restarted already


def _val(element, name: str) -> str | None:
    from docx.oxml.ns import qn

    found = element.find(qn(name)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def word_int(value: str | None, default: int) -> int:
    """A Word attribute's whole number (``w:val="3"``), or ``default`` where it is missing, not plain digits, or
    longer than five digits (no count in a document is: a forged one of thousands of digits is no number)."""
    return int(value) if value is not None and value.isascii() and value.isdigit() and len(value) < 6 else default


def _lists(numbering) -> _Lists:
    """The lists a ``numbering.xml`` root defines."""
    from docx.oxml.ns import qn

    lists = _Lists()
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract.iterchildren(qn("w:lvl")):
            level = word_int(lvl.get(qn("w:ilvl")), -1)
            if 0 <= level < MAX_LEVELS:
                levels[level] = _Level(word_int(_val(lvl, "w:start"), 1), _val(lvl, "w:numFmt") or "decimal",
                                       _val(lvl, "w:lvlText") or "", _val(lvl, "w:suff") == "space")
        lists.levels[abstract.get(qn("w:abstractNumId"))] = levels
    for num in numbering.iterchildren(qn("w:num")):
        restarts = {}
        for override in num.iterchildren(qn("w:lvlOverride")):
            start = _val(override, "w:startOverride")
            if start is not None:
                restarts[word_int(override.get(qn("w:ilvl")), 0)] = word_int(start, 1)
        lists.nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), restarts)
    return lists


def _style_numbering(styles) -> dict[str, tuple[str | None, str | None]]:
    """Each paragraph style's list (num id, level), its own or that of the style it is based on."""
    from docx.oxml.ns import qn

    own, based = {}, {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.get(qn("w:styleId"))
        based[name] = _val(style, "w:basedOn")
        numbering = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is not None:
            own[name] = (_val(numbering, "w:numId"), _val(numbering, "w:ilvl"))
    out = {}
    for name in based:
        current, depth = name, 0
        while current is not None and current not in own and depth < MAX_STYLE_DEPTH:
            current, depth = based.get(current), depth + 1
        if current in own:
            out[name] = own[current]
    return out


def _label(lists: _Lists, num: str, level: int) -> str | None:
    """The number a paragraph of list ``num`` at ``level`` shows, counting it; None when it shows none."""
    abstract, restarts = lists.nums.get(num, (None, {}))
    levels = lists.levels.get(abstract)
    if not levels or level not in levels:
        return None
    counters = lists.counters.setdefault(abstract, [None] * MAX_LEVELS)
    if level in restarts and (num, level) not in lists.restarted:
        lists.restarted.add((num, level))
        counters[level] = restarts[level] - 1
    counters[level] = (levels[level].start if counters[level] is None else counters[level] + 1)
    for deeper in range(level + 1, MAX_LEVELS):
        counters[deeper] = None
    text = levels[level].text
    if len(text) > MAX_LEVEL_TEXT:
        return None
    for k in range(MAX_LEVELS):
        if f"%{k + 1}" in text:
            shown = levels.get(k)
            formatter = FORMATS.get(shown.kind) if shown else None
            if formatter is None:
                return None
            count = counters[k] if counters[k] is not None else shown.start
            text = text.replace(f"%{k + 1}", formatter(count))
    if levels[level].kind not in FORMATS or not text.strip():
        return None
    return text + (" " if levels[level].space else "")


def write_list_numbers(document) -> None:
    """Put the number Word shows before each numbered paragraph of ``document`` (python-docx's) into its text, as a
    run at the paragraph's start, in document order (tables' cells included)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return  # (a document with no lists)
    lists = _lists(numbering)
    if not lists.nums:
        return
    try:
        styles = _style_numbering(document.part.styles.element)
    except (KeyError, NotImplementedError, AttributeError):
        styles = {}
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    for paragraph in document.element.body.iter(qn("w:p")):
        if next(paragraph.iterancestors(fallback), None) is not None:
            continue  # (a text box's copy for old readers: Word shows, and counts, the box once)
        properties = paragraph.find(qn("w:pPr"))
        own = properties.find(qn("w:numPr")) if properties is not None else None
        num, level = styles.get(_val(properties, "w:pStyle"), (None, None))
        if own is not None:
            num, level = _val(own, "w:numId") or num, _val(own, "w:ilvl") or level
        if num is None or num == "0":
            continue
        label = _label(lists, num, min(word_int(level, 0), MAX_LEVELS - 1))  # (counted even where not written)
        shown = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).lstrip()
        if not shown or shown[0].isdigit():
            # a numbered empty paragraph is a 序号 column's cell, no label's (written, ``4.`` began table 三's rows);
            # a number before a value (``1.`` before a cell's ``0``) is no label's either, and would make it 1.0
            continue
        if label:
            run, text = OxmlElement("w:r"), OxmlElement("w:t")
            text.text = label
            run.append(text)
            if properties is not None:
                properties.addnext(run)
            else:
                paragraph.insert(0, run)
