"""Finding the six sections of a report by their headings, in any layout.

A heading is a Chinese numeral with ``、`` followed by one of the heading variants of
``rules/section_headings.csv`` (``六、他需要报告的事项`` included). Headings are matched inside
lines too, because flattened web pages put a whole report on one line. Numbering is not
trusted (some reports restart it for the tables), only the heading text.

>>> doc = Document.from_text("一、总体情况\\n好\\n二、主动公开政府信息情况\\n规章 0 0 0")
>>> [(s.code, s.heading_line) for s in text_to_sections(doc)]
[('overview', 1), ('active', 3)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .catalog import codes, table
from .memo import parser_memo
from .text import fold

NARRATIVE = ("overview", "problems", "other_matters")  # the prose sections (一, 五, 六); the others hold tables
# (here, not in ``parser``: the site reads it, and importing the parser cost every pages stage ≈ 0.2 s of CPU)
# (the look-behind after the first numeral, not before it: a pattern that begins with its characters is searched
# for them, several times faster than one tried at every position of the text; it finds the same)
_HAN_NUMERAL = "[一二三四五六七八九十]"
_NUMBERED = _HAN_NUMERAL + "(?<!第" + _HAN_NUMERAL + ")" + _HAN_NUMERAL + r"?\s*[、.．]"
# (what may stand before the heading's words: 政府信息公开工作, or 行政机关 as the template's list of its sections words
# them — 二、行政机关主动公开政府信息情况 on a real page: sections 二 and 三 were not found, their tables lost; the
# report's year before them, 一、2019年政府信息公开工作的总体情况 on a real 乡's page: section 一 was said absent)
_HEADING_PREFIX = r"(?:(?:19|20)\d{2}\s*年度?\s*|本年度?|全年)?(?:政府信息公开(?:工作)?的?|行政机关)?"
_NUMERAL = _NUMBERED + r"\s*" + _HEADING_PREFIX
# every position where a heading's numbering (``_NUMBERED``) begins, overlapping (二十一、 at 二 and at 一)
_NUMBERED_AT = re.compile(f"(?={_NUMBERED})")
# what closes a heading after its words: a colon or a full stop (六、其他需报告事项。) belongs to the heading line
_HEADING_END = r"(?:[ \t\u3000]*[:：。])?"
# what may follow a heading's tail for the tail to be the heading's: its closing mark, a break, a mark, the end
_TAIL_CLOSED = r"(?:[ \t\u3000]*[:：。]|(?=[\s,，;；、!！?？()（）\[\]【】“”\"'《〈]|\Z))"


@cache
def _tails() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Each section's ``(tail, glued tail)`` patterns, matched where the heading's words end.

    A tail (``tail`` column) is the heading's when a break, a mark or the end of the text follows it.
    Glued to the text after it (a report flattened to one line: ``五、存在的主要问题措施不够有力``), only a
    tail that closes the heading beyond doubt (``glued_tail``: ``及改进情况``, ``情况``) is taken, so that
    the body's first word (措施, 工作) stays in the section's text."""
    return {row["code"]: (re.compile("(?:" + row["tail"] + ")" + _TAIL_CLOSED),
                          re.compile("(?:" + row["glued_tail"] + ")" + _HEADING_END if row["glued_tail"]
                                     else _HEADING_END))
            for row in table("section_headings")}


def heading_end(text: str, code: str, words_end: int) -> int:
    """Where the heading of section ``code`` whose words end at ``words_end`` ends: after its tail and
    its closing ``：``/``。`` (``_tails``).

    >>> text = "五、存在的主要问题及改进情况：一是不足。五、存在的主要问题措施不够有力。"
    >>> text[heading_end(text, "problems", 9):][:4], text[heading_end(text, "problems", 29):][:4]
    ('一是不足', '措施不够')
    """
    closed, glued = _tails()[code]
    match = closed.match(text, words_end) or glued.match(text, words_end)
    return match.end() if match else words_end


@dataclass(frozen=True)
class Span:
    """Where a heading was found; ``start``/``end`` as on ``re.Match``."""

    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class _Headings:
    """A section's heading pattern (numeral and words) whose ``finditer`` gives each heading's ``Span`` to
    the end of its tail (``heading_end``); ``search`` as on ``re.Pattern``. The words end where the
    pattern's group ``words`` ends, or where the match does."""

    def __init__(self, code: str, words: re.Pattern, numbered: bool = False) -> None:
        self.code, self.words, self.numbered = code, words, numbered

    def finditer(self, text: str, pos: int = 0):
        for m in self._matches(text, pos):
            end = m.end("words") if "words" in self.words.groupindex else m.end()
            yield Span(m.start(), heading_end(text, self.code, end))

    def _matches(self, text: str, pos: int):
        """``words.finditer(text, pos)``. A ``numbered`` pattern (one that opens on ``_NUMBERED``) is tried only where
        a numbering begins (``_numbered_at``, found once a text for all six sections, and again for the copies of
        the tables and the repeated headings): the engine scanned the whole text for each pattern, ≈ 60 µs for a
        real-length report each, eighteen times a parse. The same matches: one can begin nowhere else, a match is
        never empty, and the next one is looked for from where the last one ended, as ``finditer`` does."""
        if not self.numbered:
            yield from self.words.finditer(text, pos)
            return
        starts = _numbered_at(text)
        match, after = self.words.match, pos
        for at in starts[bisect.bisect_left(starts, pos):]:
            if at >= after and (found := match(text, at)):
                yield found
                after = found.end()

    def search(self, text: str, pos: int = 0) -> Span | None:
        return next(self.finditer(text, pos), None)


@dataclass(frozen=True)
class Document:
    """The text of a report with the offsets where its lines start (1-based line numbers)."""

    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def from_text(cls, text: str) -> Document:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(text, tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def lines_between(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(line number, text)`` of the span ``[start, end)``, the first and last possibly partial."""
        out = []
        first = self.line_of(start)
        for number, piece in enumerate(self.text[start:end].split("\n"), start=first):
            out.append((number, piece))
        return out


@dataclass(frozen=True)
class Section:
    code: str
    heading_line: int
    start: int  # offset after the heading
    end: int  # offset of the next heading (or the end of the text)
    subheading: bool = False  # no heading: the section begins at its first sub-heading (``by_subheading``)
    table_start: bool = False  # … or at its table's first line (``by_table_start``)

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end].strip()

    def text_line(self, doc: Document) -> int:
        """The line ``text`` begins on: the heading's when the text runs on after it, else a later one."""
        raw = doc.text[self.start:self.end]
        return doc.line_of(self.start + len(raw) - len(raw.lstrip()))


@cache
def _heading_patterns() -> tuple[tuple[str, _Headings], ...]:
    return tuple((row["code"], _Headings(row["code"], re.compile(_NUMERAL + "(?:" + row["pattern"] + ")"), True))
                 for row in table("section_headings"))


@parser_memo(1 << 2)  # the report's text, its six sections' headings looked for three times: once
def _numbered_at(text: str) -> tuple[int, ...]:
    """Every position in ``text`` where a heading's numbering begins (``_NUMBERED``), in order."""
    return tuple(m.start() for m in _NUMBERED_AT.finditer(text))


def section_order() -> list[str]:
    return [s["code"] for s in codes()["sections"]]


def text_to_sections(doc: Document) -> list[Section]:
    """The sections found, in the order they appear; an absent section is simply not listed.

    A heading no variant matches exactly (a stray, missing or wrong character from the PDF text
    layer) is looked for with ``fuzzy_headings``, between the headings found around it. A table of
    contents (目录) before the report is skipped: its headings are not the sections (``contents_end``).
    When some sections are not found so, headings numbered otherwise or not at all, each a line of its
    own, are looked for (``line_heading_patterns``) and taken when they find more sections."""
    chosen = _chosen(doc.text, _heading_patterns())
    numbered = bool(chosen)  # (a heading numbered 一、…六、 found)
    if numbered and len(chosen) < len(section_order()):
        chosen = {**chosen, **renumbered(doc.text, chosen)}
    if len(chosen) < len(section_order()):
        other = _chosen(doc.text, line_heading_patterns())
        if chosen:  # under headings numbered 一、, one numbered （一） is a part of its section (the overview's
            # （一）、主动公开情况), never another section: before, a page cut short before 二、 had its overview's
            # list of what it published read as table 二 (…行政处罚30条 published as 30 decisions)
            other = {code: match for code, match in other.items() if code in chosen
                     or not _SUB_NUMBERED.match(doc.text, doc.text.rfind("\n", 0, match.start()) + 1)}
        if len(other) > len(chosen):
            # a section whose heading the two find apart: a numbered heading that begins its line is the section's
            # (the other is an overview's sub-heading), and the others fill only between the numbered ones; one
            # inside a line may be a sentence's words (…主动公开三、收到和处理…), and the whole lines are taken
            apart = [match for code, match in chosen.items() if code in other and other[code].start() != match.start()]
            chosen = _filled(chosen, other) if apart and all(_begins_line(doc.text, m.start()) for m in apart) \
                else other
    found = by_subheading(doc.text, chosen)
    # a section whose heading alone is missing among printed ones begins at its table's first line too (a finance
    # bureau's page went from 一's last part straight to 第二十条第（一）项: table 二 lost; another's table 三 followed
    # table 二 without 三、…: its rows read as table 二's, the table lost); what a browser never shows (a <template>,
    # a closed <dialog>, even opened inside the heading's paragraph) is not in the text (``readers``,
    # ``html_unshown``; tests/test_h36hostile, test_h59unshown), and the section is said (``section_heading_absent``)
    # a "heading" that is its table's own first line (行政复议 | 行政诉讼: table 四's header printed without 四、…,
    # taken by the headings alone on their line) is none: the section begins at that line and is said, as above
    headers = table_lines_taken(doc.text, chosen)
    chosen = {code: match for code, match in chosen.items() if code not in headers}
    tables = {**headers, **by_table_start(doc.text, {**chosen, **found, **headers})}
    found.update(tables)
    ordered = sorted({**chosen, **found}.items(), key=lambda item: item[1].start())
    sections = []
    for i, (code, match) in enumerate(ordered):
        end = ordered[i + 1][1].start() if i + 1 < len(ordered) else len(doc.text)
        sections.append(Section(code, doc.line_of(match.start()), match.end(), end, code in found, code in tables))
    return sections


# a line opening on a second-level number: （一）, (二)、, ⑴ — the numbering of a section's parts under 一、 — or on
# an Arabic one, 1. or 1、 (a real 教育局's overview heads its parts 1.主动公开情况: cut short before 二、, its list
# of what it published, 行政处罚N条, was read as table 二)
_SUB_NUMBERED = re.compile(r"[ \t\u3000]*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[\u2460-\u2487]"
                           r"|\d{1,2}\s*[.．、](?!\d))")


_ORDINAL = re.compile(r"[ \t\u3000]*(?:[（(](?P<han>[一二三四五六七八九十]{1,3})[)）]"
                      r"|第(?P<part>[一二三四五六七八九十]{1,3})(?:部分|章|节)|(?P<digits>\d{1,2})\s*[.．、](?!\d))")
_HAN_DIGITS = "一二三四五六七八九"
# 一 … 九十九 as written (十一, 二十, 二十一): the numbers a part's numbering may say; any other run of the numerals
# (十十, 二二十) says none
_HAN_NUMBERS = {("" if n < 20 else _HAN_DIGITS[n // 10 - 1]) + ("十" if n >= 10 else "")
                + (_HAN_DIGITS[n % 10 - 1] if n % 10 else ""): n for n in range(1, 100)}


def _ordinal(text: str, at: int) -> tuple[str, int] | None:
    """``(style, number)`` of a line's numbering other than 一、 at ``at`` (（三）, 3. and 第三部分 say 3; the style is
    which of the three it is), or None.

    >>> [_ordinal(t, 0) for t in ("（三）收到", "4、政府", "(十)其他", "12.本年", "第二部分 主动", "（二十一）")]
    [('han', 3), ('digits', 4), ('han', 10), ('digits', 12), ('part', 2), ('han', 21)]
    >>> _ordinal("三、收到", 0) is None
    True
    >>> [_ordinal(t, 0) for t in ("（十十）", "（二二十）", "（一二）")]
    [None, None, None]
    """
    match = _ORDINAL.match(text, at)
    if match is None:
        return None
    style = match.lastgroup
    number = int(match["digits"]) if style == "digits" else _HAN_NUMBERS.get(match[style])
    return None if number is None else (style, number)


_NUMBERED_LINE = re.compile("(?m)^" + _ORDINAL.pattern)


def _numbered_lines(text: str, start: int, end: int) -> dict[str, tuple[list[int], list[int]]]:
    """Each numbering style's lines beginning in ``[start, end)``: ``(line starts, numbers)``, in order.

    >>> _numbered_lines("（一）总体\\n好\\n2.平台\\n（五）监督\\n", 0, 20)
    {'han': ([0, 13], [1, 5]), 'digits': ([8], [2])}
    """
    lines: dict[str, tuple[list[int], list[int]]] = {}
    for match in _NUMBERED_LINE.finditer(text, start, end):
        said = _ordinal(text, match.start())
        if said:
            starts, numbers = lines.setdefault(said[0], ([], []))
            starts.append(match.start())
            numbers.append(said[1])
    return lines


def _continues_parts(lines: dict[str, tuple[list[int], list[int]]], at: int, numbering: tuple[str, int]) -> bool:
    """Whether the last of ``lines`` (``_numbered_lines``) before offset ``at`` numbered in ``numbering``'s style
    carries the number just before its own: a line that goes on a run of parts (（一）总体 then （二）主动公开…),
    not a heading numbered apart.

    >>> lines = _numbered_lines("（一）总体\\n好\\n（二）主动\\n", 0, 20)
    >>> _continues_parts(lines, 8, ("han", 2)), _continues_parts(lines, 8, ("digits", 2))
    (True, False)
    """
    starts, numbers = lines.get(numbering[0], ([], []))
    before = bisect.bisect_left(starts, at)
    return before > 0 and numbers[before - 1] == numbering[1] - 1


def renumbered(text: str, chosen: dict) -> dict[str, Span]:
    r"""Headings among ones numbered 一、…六、 that are numbered otherwise — （三）收到和处理…,
    3.政府信息公开行政复议…, 第三部分 收到和处理… — each a line of its own, taken for the section whose place in the
    template's order their number says, where sections found before and after it enclose it and it is the only
    such line there. Before, a second-level number under headings numbered 一、 was always taken for a part of its
    section (the overview's （二）主动公开情况 must not open table 二): one heading numbered so lost its whole table
    (``section_absent``).
    The overview's parts, named as the sections are, are kept out: by their number (most count 主动公开 as
    （一）, 依申请公开 as （二）); by the headings found around them (the overview lies before 二、); and, where the
    section before is a prose one, by a line so numbered that it goes on a run of parts there (（一）总体 …
    （二）主动公开政府信息情况 is the overview's second part — taken for section 二 with no table under it, its prose
    行政处罚30条 was read as table 二).
    A section without a table (五, 六) needs only the one before it: a report's last heading has none after it; the
    first (一、总体情况 printed （一）总体情况) only the one after it.

    >>> doc = ("一、总体情况\n（一）主动公开情况\n（二）依申请公开情况\n二、主动公开政府信息情况\n规章 1\n"
    ...        "（三）收到和处理政府信息公开申请情况\n申请 2\n四、政府信息公开行政复议、行政诉讼情况\n0")
    >>> {c: doc[s.start():s.end()] for c, s in renumbered(doc, _chosen(doc, _heading_patterns())).items()}
    {'applications': '（三）收到和处理政府信息公开申请情况'}
    """
    order, found = section_order(), {}
    for index, code in enumerate(order):
        if code in chosen:
            continue
        before = [chosen[c].end() for c in order[:index] if c in chosen]
        after = [chosen[c].start() for c in order[index + 1:] if c in chosen]
        if (index and not before) or not (after or code in NARRATIVE):
            continue
        lower, upper = max(before, default=0), min(after, default=len(text))
        # (the run of parts read once for all the lines tried: a line tried reading every line before it took a
        # text of alternating （一） and （二）主动公开… lines a time growing as its square)
        parts = _numbered_lines(text, lower, upper) if next(
            (c for c in reversed(order[:index]) if c in chosen), None) in NARRATIVE else {}
        hits = []
        for match in dict(line_heading_patterns())[code].finditer(text, lower):
            if match.end() > upper or len(hits) > 1:
                break
            line_start = text.rfind("\n", 0, match.start()) + 1
            numbering = _ordinal(text, line_start)
            if numbering and numbering[1] == index + 1 and not _continues_parts(parts, line_start, numbering):
                hits.append(match)
        if len(hits) == 1:
            found[code] = hits[0]
    return found


def _begins_line(text: str, at: int) -> bool:
    """Whether only blanks stand before offset ``at`` on its line."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip()


def _filled(numbered: dict, lines: dict) -> dict:
    """The headings found ``numbered`` with those of ``lines`` (numbered otherwise or not at all) that fall between
    them in the template's order: an overview's sub-headings (（一）主动公开情况, （二）依申请公开情况) are lines that
    read as headings of sections 二 and 三, and where fewer numbered headings than those were found (a page cut
    short, a heading missing), they were taken for sections 二 to 四 in place of 二、主动公开政府信息情况 (two real
    pages lost table 二 so)."""
    order, kept = section_order(), dict(numbered)
    for index, code in enumerate(order):
        if code in kept or code not in lines:
            continue
        lower = max((kept[c].end() for c in order[:index] if c in kept), default=0)
        upper = min((kept[c].start() for c in order[index + 1:] if c in kept), default=float("inf"))
        if lower <= lines[code].start() and lines[code].end() <= upper:
            kept[code] = lines[code]
    return kept


@cache
def _subheadings() -> dict[str, re.Pattern]:
    return {row["code"]: re.compile(r"^[ \t\u3000]*(?:" + row["pattern"] + ")", re.MULTILINE)
            for row in table("section_subheadings")}


def by_subheading(text: str, chosen: dict) -> dict[str, Span]:
    r"""Sections printed with no heading over their sub-headings (``rules/section_subheadings.csv``: ``（一）主要问题``
    with no ``五、存在的主要问题及改进情况`` above it): where the headings of both neighbours in the template's order
    were found, the first line between them that begins so starts the section (the sub-heading is its text).

    >>> doc = "四、政府信息公开行政复议、行政诉讼情况\n1 0 0\n（一）主要问题\n人手不足。\n六、其他需要报告的事项\n无。"
    >>> {c: doc[s.start():s.start() + 7] for c, s in by_subheading(doc, _chosen(doc, _heading_patterns())).items()}
    {'problems': '（一）主要问题'}
    """
    order, found = section_order(), {}
    for i, code in enumerate(order):
        if code in chosen or code not in _subheadings() or not 0 < i < len(order) - 1:
            continue
        before, after = chosen.get(order[i - 1]), chosen.get(order[i + 1])
        if before is None or after is None or before.end() >= after.start():
            continue
        match = _subheadings()[code].search(text, before.end(), after.start())
        if match:
            found[code] = Span(match.start(), match.start())
    return found


@cache
def table_starts() -> dict[str, re.Pattern]:
    """Each table's first line (``rules/table_starts.csv``), at the start of a line (after a table's rules)."""
    return {row["code"]: re.compile(r"^[ \t\u3000|]*(?:" + row["pattern"] + ")", re.MULTILINE)
            for row in table("table_starts")}


@cache
def _table_starts() -> dict[str, re.Pattern]:
    """The first lines that begin a section printing no heading (column ``headingless``)."""
    starts = table_starts()
    return {row["code"]: starts[row["code"]] for row in table("table_starts") if row["headingless"] == "yes"}


def table_lines_taken(text: str, chosen: dict) -> dict[str, Span]:
    r"""The sections among ``chosen`` whose heading is their table's own first line (``table_starts``), each begun
    at that line's start instead. Table 四's header, 行政复议 | 行政诉讼, printed without 四、政府信息公开行政复议…
    above it, is a line in the words of section 四's heading: it was taken for the heading, the table read and the
    missing heading never said.

    >>> doc = "三、收到和处理政府信息公开申请情况\n无\n行政复议\t行政诉讼\n结果维持\t结果纠正\n"
    >>> found = table_lines_taken(doc, _chosen(doc, line_heading_patterns()))
    >>> {code: doc[span.start():span.start() + 4] for code, span in found.items()}
    {'review_litigation': '行政复议'}
    >>> headed = doc.replace("行政诉讼", "行政诉讼情况")
    >>> table_lines_taken(headed, _chosen(headed, line_heading_patterns()))
    {}
    """
    taken = {}
    for code, match in chosen.items():
        line = text.rfind("\n", 0, match.start()) + 1
        if code in table_starts() and table_starts()[code].match(text, line) \
                and not _tailed(text, code, match, line):
            taken[code] = Span(line, line)
    return taken


def _tailed(text: str, code: str, heading: Span, line: int) -> bool:
    """Whether a heading found alone on its line (at ``line``) goes on past its words (行政复议 行政诉讼**情况**): a
    heading's, no table header's."""
    words = dict(line_heading_patterns())[code].words.match(text, line)
    return bool(words and text[words.end("words"):heading.end()].strip(" \t\u3000:：。"))


def by_table_start(text: str, chosen: dict) -> dict[str, Span]:
    r"""Sections 二, 三 and 四 printing no heading (``rules/table_starts.csv``): the section begins at its table's
    own first line (第二十条第（一）项; （本列数据的勾稽关系…）, 申请人情况 or 一、本年新收…; 行政复议 | 行政诉讼),
    the first such line after the section before it in the template's order and before the one after it.
    A real 局's page printed none of its six headings, its tables one after another: its table 二 was lost whole.
    The table's region ends where the next section, or the next table's first line, begins: a number is never read
    into another table than the one it is printed in.

    >>> doc = "某局2023年报告\n第二十条第（一）项\n规章 | 1 | 0 | 2\n（本列数据的勾稽关系为：…）\n一、本年新收… 1"
    >>> {c: doc[s.start():s.start() + 5] for c, s in by_table_start(doc, {}).items()}
    {'active': '第二十条第', 'applications': '（本列数据'}
    """
    order, found = section_order(), {}
    for index, code in enumerate(order):
        if code in chosen or code not in _table_starts():
            continue
        known = {**chosen, **found}
        lower = max((known[c].end() for c in order[:index] if c in known), default=0)
        upper = min((known[c].start() for c in order[index + 1:] if c in known), default=len(text))
        if lower < upper and (match := _table_starts()[code].search(text, lower, upper)):
            found[code] = Span(match.start(), match.start())
    return found


def _chosen(text: str, patterns: tuple[tuple[str, re.Pattern], ...]) -> dict:
    """Each section's heading found with ``patterns``, after a table of contents if there is one."""
    matches = {code: list(p.finditer(text)) for code, p in patterns}
    chosen = _pick(text, matches, 0)
    skip = contents_end(text, chosen, patterns)
    if skip:
        chosen = _pick(text, {code: [m for m in found if m.start() >= skip] for code, found in matches.items()},
                       skip)
    return chosen


# a heading numbered otherwise (（二）, 2., 2、, 第二部分, and (2), ② or Ⅱ、 — session 51: such a report lost
# sections 二 to 六 and their tables; 第二、 and the financial numerals' 贰、 — session 60: sections 二 to 五 absent,
# table 二 lost) or not at all (Word's automatic list numbering and an HTML <ol> leave no
# number in the text), alone on its line: not a phrase inside a sentence
# (its blanks are taken whole, ``*+``, as are the line's before it and the run of blanks and marks after it in
# ``line_heading_patterns``: what follows each run cannot begin with what it holds, so giving some back never made a
# match — it only split a line of blanks every way: 4,000 blanks took 2.5 CPU s, 16,000 37 s, a 20 KB text the
# worker's 120 s; hostile round of session 40)
_OTHER_NUMBERING = (r"(?:[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[)）]"
                    r"|第[一二三四五六七八九十]{1,2}(?:部分|章|节|[、.．])|\d{1,2}\s*+[.．、]|[\u2460-\u2487\u2160-\u216b]\s*+[、.．]?"
                    r"|[一二三四五六七八九十]{1,2}\s*+[、.．]?|[壹贰叁肆伍陆柒捌玖拾]{1,2}\s*+[、.．]?{captions})?")


def _numbering() -> str:
    """``_OTHER_NUMBERING`` with a table's number (``rules/caption_markers.csv``: 表1, 表 2-1, 附表3, 表二): a
    report whose tables stand under their captions alone (表1 主动公开政府信息情况 / 表2 收到和处理… / 表3
    …行政复议、行政诉讼情况, section 一 having no table) had sections 二 to 四 absent and every table null before."""
    markers = "|".join(sorted((re.escape(row["marker"]) for row in table("caption_markers")), key=len, reverse=True))
    return _OTHER_NUMBERING.replace("{captions}", rf"|(?:{markers})\s*(?:\d{{1,2}}(?:\s*[-－.]\s*\d{{1,2}})?"
                                                  r"|[一二三四五六七八九十]{1,2})")


@cache
def line_heading_patterns() -> tuple[tuple[str, _Headings], ...]:
    """Section headings as whole lines, numbered in any way or not at all.

    >>> doc = Document.from_text("总体情况\\n好\\n（二）主动公开政府信息情况\\n规章 0\\n主动公开政府信息情况好。\\n")
    >>> [(s.code, s.heading_line) for s in text_to_sections(doc)]
    [('overview', 1), ('active', 3)]
    """
    return tuple((row["code"], _Headings(row["code"], re.compile(
        r"(?m)^[ \t\u3000]*+" + _numbering() + r"[ \t\u3000:：、]*+" + _HEADING_PREFIX
        + r"(?P<words>" + row["pattern"] + ")(?:" + row["tail"] + ")" + _HEADING_END + r"(?=[^\n。；;，,]{0,16}$)")))
                 for row in table("section_headings"))


def _pick(text: str, matches: dict[str, list], position: int) -> dict[str, re.Match | Span]:
    """Each section's heading among ``matches`` (fuzzy ones added), the first after the one before it."""
    if not all(matches.values()):
        matches = dict(matches)
        for code, found in fuzzy_headings(text, matches, position).items():
            matches[code] = [found]
    chosen: dict[str, re.Match | Span] = {}
    for index, code in enumerate(section_order()):
        after = [m for m in matches.get(code, []) if m.start() >= position]
        pick = after[0] if after else (matches[code][0] if matches.get(code) else None)
        if after and not _as_template(text, pick, index):
            # a heading in another's place and words (an overview numbering its own parts 一、…六、: its
            # 三、主动公开工作情况) gives way to a later one in the template's words: the tables restart at 一、
            pick = next((m for m in after[1:] if _template_words(text, m, code)), pick)
        if pick is None or any(pick.start() == m.start() for m in chosen.values()):
            continue
        chosen[code] = pick
        position = max(position, pick.end())
    return chosen


def _template_words(text: str, match: re.Match | Span, code: str) -> bool:
    """Whether the heading at ``match`` says its section's name in the template's words (``主动公开政府信息情况``)."""
    return _folded_label(code) in fold(text[match.start():match.end()]).replace(" ", "")


def _as_template(text: str, match: re.Match | Span, index: int) -> bool:
    """Whether the heading at ``match`` is numbered as the template numbers its section (二、 for the second) or says
    its name in the template's words."""
    numeral = _ANY_NUMERAL.match(text, match.start())
    own = bool(numeral and numeral.group() == "一二三四五六"[index])
    return own or _template_words(text, match, section_order()[index])


@cache
def _folded_label(code: str) -> str:
    from .catalog import labels

    return fold(labels()["sections"][code])


CONTENTS_MIN = 3  # headings listed one after another with only leaders and page numbers between them
# the leaders' runs possessive: a long run of blanks, dots or dashes between two headings that is not all leaders
# (a blank page's padding) was tried every way the three overlapping runs could split it — 100,000 tabs took 101 s
_LEADERS = re.compile(r"[\s.…·．。⋯\-—_－]*+(?:第?\s*+\d{1,3}\s*+页?)?[\s.…·．。⋯\-—_－]*+")
CONTENTS_GAP = 400  # characters between two headings of a table of contents at most: leaders are a line's width


def contents_end(text: str, chosen: dict, patterns: tuple | None = None) -> int:
    """Where a table of contents ends (0 when there is none): the headings found first, at least
    ``CONTENTS_MIN`` of them, follow one another with nothing but dot leaders and page numbers
    between them (``一、总体情况……1``), and the report's headings come again after them. Before, a PDF
    with a 目录 page was read as its contents page: every table absent, and a "second report" said.

    >>> toc = "目录\\n一、总体情况……1\\n二、主动公开政府信息情况……2\\n三、收到和处理政府信息公开申请情况……3\\n"
    >>> body = "一、总体情况\\n好\\n二、主动公开政府信息情况\\n规章 0 0 0\\n三、收到和处理政府信息公开申请情况\\n无\\n"
    >>> doc = Document.from_text(toc + body)
    >>> [(s.code, s.heading_line) for s in text_to_sections(doc)]
    [('overview', 5), ('active', 7), ('applications', 9)]
    >>> contents_end(body, _pick(body, {c: list(p.finditer(body)) for c, p in _heading_patterns()}, 0))
    0
    """
    ordered = sorted(chosen.values(), key=lambda m: m.start())
    listed = 1
    while listed < len(ordered) and ordered[listed].start() - ordered[listed - 1].end() <= CONTENTS_GAP \
            and _LEADERS.fullmatch(text, ordered[listed - 1].end(), ordered[listed].start()):
        listed += 1
    if listed < CONTENTS_MIN:
        return 0
    end = ordered[listed - 1].end()
    again = sum(1 for _, pattern in patterns or _heading_patterns() if pattern.search(text, end))
    return end if again >= CONTENTS_MIN else 0


REPEAT_MIN = 2  # headings seen again after the last section: a second report (or its copy) follows


def repeated_headings(doc: Document, sections: list[Section]) -> list[tuple[str, int]]:
    """``[(code, line)]`` of section headings printed again after the last section found: a file
    holding two reports one after the other, whose second is not read. Empty unless at least
    ``REPEAT_MIN`` distinct sections repeat (a heading quoted once in prose is no second report).

    >>> doc = Document.from_text("一、总体情况\\n好\\n三、收到和处理政府信息公开申请情况\\n1\\n"
    ...                          "一、总体情况\\n又一份\\n三、收到和处理政府信息公开申请情况\\n2")
    >>> repeated_headings(doc, text_to_sections(doc))
    [('overview', 5), ('applications', 7)]
    """
    if not sections:
        return []
    last = max(s.start for s in sections)
    again = {}
    for code, pattern in _heading_patterns():
        hit = next((m for m in pattern.finditer(doc.text, last)), None)
        if hit and code not in again:
            again[code] = doc.line_of(hit.start())
    if len(again) < REPEAT_MIN:
        return []
    return sorted(again.items(), key=lambda item: item[1])


MIN_FUZZY_CHARS = 6  # "总体情况" one edit away is "具体情况": short forms are matched exactly only
# (the look-behind after the first numeral, as in _NUMERAL)
_ANY_NUMERAL = re.compile(_HAN_NUMERAL + "(?<![第一二三四五六七八九十(（]" + _HAN_NUMERAL + ")" + _HAN_NUMERAL + "?")
_SEPARATORS = str.maketrans({".": "、", ",": "、"})  # 三．收到… or 三,收到… as printed: the same heading


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in table("section_heading_forms"):
        if len(row["form"]) >= MIN_FUZZY_CHARS:
            out.setdefault(row["code"], []).append("、" + row["form"])
    return {code: tuple(forms) for code, forms in out.items()}


def prefix_distance(form: str, text: str) -> tuple[int, int]:
    """``(edits, length)``: the fewest edits turning some prefix of ``text`` into ``form``, and that prefix's length.

    >>> prefix_distance("、主动公开政府信息情况", "、主动公开政府信息况\\n规章")
    (1, 10)
    """
    previous = list(range(len(text) + 1))
    for i, char in enumerate(form, start=1):
        current = [i] + [0] * len(text)
        for j in range(1, len(text) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != text[j - 1]))
        previous = current
    best = min(range(len(text) + 1), key=lambda j: (previous[j], abs(j - len(form))))
    return previous[best], best


def fuzzy_headings(text: str, exact: dict[str, list], start: int = 0) -> dict[str, Span]:
    """Headings of the sections ``exact`` did not find, within one edit of a form, in the template's order.

    A candidate is a Chinese numeral followed by the form (``、`` included, so a lost ``、`` is the
    one edit); it must lie after the heading found for the previous section (and ``start``) and before
    the next, and be the only candidate there.

    >>> doc = "一、总体情况\\n好\\n二、主动公开政府信急情况\\n规章 0 0 0\\n三、收到和处理政府信息公开申请情况\\n"
    >>> exact = {c: list(p.finditer(doc)) for c, p in _heading_patterns()}
    >>> {c: doc[m.start():m.end()] for c, m in fuzzy_headings(doc, exact).items()}
    {'active': '二、主动公开政府信急情况'}
    """
    found: dict[str, Span] = {}
    order = section_order()
    numerals = list(_ANY_NUMERAL.finditer(text))
    for index, code in enumerate(order):
        if exact.get(code) or code not in _forms():
            continue
        lower = max((m.end() for c in order[:index] for m in exact.get(c, [])[:1]), default=start)
        upper = min((m.start() for c in order[index + 1:] for m in exact.get(c, [])[:1]), default=len(text))
        hits = set()
        for numeral in numerals:
            if not lower <= numeral.start() < upper:
                continue
            offsets = [i for i in range(numeral.end(), min(len(text), numeral.end() + 60))
                       if not text[i].isspace()]
            window = fold("".join(text[i] for i in offsets)).translate(_SEPARATORS)
            for form in _forms()[code]:
                if not set(form[1:3]) & set(window[:4]):  # one edit leaves form[1] or form[2] up front
                    continue
                edits, length = prefix_distance(form, window[:len(form) + 2])
                if edits <= 1 and length:
                    hits.add((numeral.start(), offsets[length - 1] + 1))
        if len(hits) == 1:
            start, end = hits.pop()
            closing = re.compile(_HEADING_END).match(text, end)  # 二、主动公开政府信急情况： takes its colon
            found[code] = Span(start, closing.end() if closing else end)
    return found
