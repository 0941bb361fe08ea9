"""Tables printed twice: which copy is the report year's. Pure.

Some reports print last year's tables (二、三、四, each under its heading again) before this year's, for comparison.
The headings were found in order in the first copy, the second copy lying inside section 四's text: every number of
the report was last year's, with no finding at all. Now the copies are told apart by the year their caption names
(two lines of words above a copy's first heading, blank lines and unit notes aside, and that heading's line:
附：2023年度数据（供对比）, 上年度, 本年度), the copy of the report's year is read, and ``tables_repeated`` says so;
where the captions do not tell, the first copy is read and the finding says that. Each table section ends where
its copy does: another copy's rows never reach it.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import patterns
from .findings import Finding, make
from .labels import label_matches
from .sections import Document, Section, _heading_patterns, section_order

TABLES = ("active", "applications", "review_litigation")
CAPTION_LINES = 2  # lines of words above a copy's first heading that may name its year
CAPTION_SCAN = 8  # lines looked at above it at most: blank lines and unit notes between a caption and its heading
# a line that is no caption's: a unit or source note standing alone, （单位：件）, 单位：件, (数据来源：本局统计)
_ASIDE = re.compile(r"\s*(?:[（(][^（()）\n]*[)）]|单位\s*[:：][^\n]*)?\s*")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_LAST_YEAR = re.compile(r"上一?年度?|去年")
_THIS_YEAR = re.compile(r"本年度?|今年")

Heading = tuple[str, int, int]  # (section code, heading's start, offset after the heading)


def tables_for_year(doc: Document, sections: list[Section], year: int | None,
                    agency: str | None = None) -> tuple[list[Section], list[Finding]]:
    """``sections`` with the table sections set on the copy of ``year``'s tables, and the ``tables_repeated``
    finding; ``sections`` unchanged when the tables are printed once. Copies are runs of at least two table
    headings in the template's order, each run the same headings (二 三 四 二 三 四): a heading printed again on a
    table's second page (三 … 三（续） 四) is no copy. A report covering two agencies prints a run for each: where no
    caption names the year that tells, the one run whose caption names ``agency`` (the title's) is read (case
    ``agencies``; before, the first run was read, another agency's when it came first).

    >>> tables = "二、主动公开政府信息情况\\n规章 {0} {0} {0}\\n三、收到和处理政府信息公开申请情况\\n无\\n"
    >>> t = ("一、总体情况\\n好\\n附：2023年度数据\\n" + tables.format(9) + "本年度数据\\n" + tables.format(1)
    ...      + "五、存在的主要问题及改进情况\\n无")
    >>> doc = Document.from_text(t)
    >>> from xxgk.sections import text_to_sections
    >>> found, notes = tables_for_year(doc, text_to_sections(doc), 2024)
    >>> [s.text(doc) for s in found if s.code == "active"], notes[0].message
    (['规章 1 1 1'], '表二至表四印了2遍（上一年度的表格也印在报告中）：第一遍标明为2023年，采用标明2024年的第二遍')
    """
    tables = [s for s in sections if s.code in TABLES]
    if len(tables) < 2:
        return sections, []
    first = doc.line_starts[min(s.heading_line for s in tables) - 1]
    end = max(s.end for s in tables)
    runs = _runs(_table_headings(doc.text, first, end))
    if len(runs) < 2 or any(len(run) < 2 or [h[0] for h in run] != [h[0] for h in runs[0]] for run in runs):
        return sections, []
    years = [_caption_year(doc, run[0][1], year) for run in runs]
    own = [i for i, y in enumerate(years) if y == year] if year is not None else []
    unnamed = [i for i, y in enumerate(years) if y is None]
    if len(own) != 1 and not own and len(unnamed) == 1 and year is not None:
        own = unnamed  # (this year's copy uncaptioned, every other named as another year: 附：2023年度数据 after it)
    chosen = own[0] if len(own) == 1 else 0
    named = _agency_copy([_caption(doc, run[0][1]) for run in runs], agency) if len(own) != 1 else None
    case = ""
    if named is not None:
        chosen, case = named, "agencies"
        detail = f"只有第{_ordinal(chosen)}遍的表前文字写明报告标题所写的{agency}，采用这一遍"
    elif len(own) == 1:
        others = "，".join(f"第{_ordinal(i)}遍" + (f"标明为{y}年" if y else "未标明年度")
                          for i, y in enumerate(years) if i != chosen)
        which = f"标明{year}年" if years[chosen] == year else "未标明其他年度"
        detail = f"{others}，采用{which}的第{_ordinal(chosen)}遍"
    else:
        detail = "表前文字没有标明哪一遍是本年度的，采用第一遍"
    after = runs[chosen + 1][0][1] if chosen + 1 < len(runs) else end
    spans = _run_sections(doc, runs[chosen], after)
    kept = sorted([s for s in sections if s.code not in spans] + list(spans.values()), key=lambda s: s.start)
    line = doc.line_of(runs[1][0][1])
    return kept, [make("tables_repeated", line=line, actual=len(runs), detail=detail, case=case)]


def _ordinal(index: int) -> str:
    """第一遍 … 第十遍, then 第11遍 …: the ``index``-th copy (0-based) as the message counts it."""
    return "一二三四五六七八九十"[index] if index < 10 else str(index + 1)


def _table_headings(text: str, start: int, end: int) -> list[Heading]:
    """Every table section's heading beginning in ``[start, end)``, in printed order."""
    found: list[Heading] = []
    for code, pattern in _heading_patterns():
        if code in TABLES:
            found += [(code, m.start(), m.end()) for m in pattern.finditer(text, start) if m.start() < end]
    return sorted(found, key=lambda h: h[1])


def _runs(headings: list[Heading]) -> list[list[Heading]]:
    """The headings cut into runs: a heading not after the one before it in the template's order begins another."""
    order = section_order()
    runs: list[list[Heading]] = []
    for heading in headings:
        if not runs or order.index(heading[0]) <= order.index(runs[-1][-1][0]):
            runs.append([])
        runs[-1].append(heading)
    return runs


def _caption_start(doc: Document, line: int) -> int:
    """The first line of the caption above heading ``line``: ``CAPTION_LINES`` lines of words up, blank lines and
    unit notes (``_ASIDE``) not counted among them, at most ``CAPTION_SCAN`` lines up. PDF text puts a blank line
    between every two (附：2023年度数据（供对比） / (blank) / (blank) / 二、主动公开…), and a unit line may stand
    between the caption and the heading: counted as caption lines, they pushed the caption out of reach and last
    year's copy, the first, was read.

    >>> doc = Document.from_text("好\\n附：2023年度数据\\n\\n（单位：件）\\n\\n二、主动公开政府信息情况\\n")
    >>> _caption_start(doc, 6)
    1
    """
    start, words = line, 0
    while start > 1 and line - start < CAPTION_SCAN and words < CAPTION_LINES:
        start -= 1
        text = doc.text[doc.line_starts[start - 1]:doc.line_starts[start]]
        words += not _ASIDE.fullmatch(text)
    return start


def _caption(doc: Document, at: int) -> str:
    """The caption of a copy whose first heading begins at ``at``: the lines above it (``_caption_start``) and the
    heading's line."""
    line = doc.line_of(at)
    begin = doc.line_starts[_caption_start(doc, line) - 1]
    close = doc.line_starts[line] if line < len(doc.line_starts) else len(doc.text)
    return doc.text[begin:close]


def _caption_year(doc: Document, at: int, year: int | None) -> int | None:
    """The one year the caption of a copy whose first heading begins at ``at`` names: printed (2023年度), or 上年度 /
    本年度 read against ``year``; None when it names none or several."""
    caption = _caption(doc, at)
    named = {int(y) for y in _YEAR.findall(caption)}
    if year is not None:
        if _LAST_YEAR.search(caption):
            named.add(year - 1)
        if _THIS_YEAR.search(_LAST_YEAR.sub("", caption)):
            named.add(year)
    return named.pop() if len(named) == 1 else None


def _run_sections(doc: Document, run: list[Heading], end: int) -> dict[str, Section]:
    """The table sections of one copy: each from its heading to the copy's next heading, the last to ``end``."""
    return {code: Section(code, doc.line_of(start), heading_end, nxt[1] if nxt else end)
            for (code, start, heading_end), nxt in zip(run, [*run[1:], None], strict=True)}


TABLE3_FIRST, TABLE3_LAST = "new", "carried_forward"  # the first and last rows of table 三 in both templates


def table3_for_year(doc: Document, sections: list[Section], year: int | None,
                    agency: str | None = None) -> tuple[list[Section], list[Finding]]:
    """``sections`` with section 三 set on the copy of table 三 whose caption names ``year``, and ``tables_repeated``
    (case ``in_section``), when section 三 prints the table twice or more under one heading, each copy with its own
    caption (（一）2023年度政府信息公开申请情况 … （二）2024年度…) and no section heading of its own
    (``tables_for_year`` needs those). Before, the copies' rows met in one table: the cells that differ were missing
    (``row_conflict``), the equal ones kept with ``row_duplicate``, this year's numbers lost where they differ.

    Copies are told by their rows: the lines naming the table's first row (本年新收) and its last (结转下年度)
    alternate, first, last, first, last. A copy's caption is the text between the last row of the copy before (or
    the section's start) and its first row, header words included; it must name one year (2023年, 上年度 / 本年度
    read against ``year``). Only when every caption names one year, no two the same, and one of them ``year``, is
    that copy read; otherwise ``sections`` are unchanged (the rows still meet, the differing cells null).

    A report covering two agencies prints a copy for each (（一）样例县数据局 … （二）样例县大数据中心 …): where the
    captions name no year that tells, the one copy whose caption names ``agency`` (the title's) is read, with
    ``tables_repeated`` (case ``in_section_agencies``) — only when no other caption names it too (before: the rows
    met, the title agency's numbers lost where the copies differ, with ``row_conflict``).

    >>> rows = "一、本年新收政府信息公开申请数量 {0} 0 0 0 0 0 {0}\\n四、结转下年度继续办理 0 0 0 0 0 0 0\\n"
    >>> t = ("三、收到和处理政府信息公开申请情况\\n（一）2023年度\\n" + rows.format(9) + "（二）2024年度\\n"
    ...      + rows.format(1) + "四、政府信息公开行政复议、行政诉讼情况\\n")
    >>> doc = Document.from_text(t)
    >>> from xxgk.sections import text_to_sections
    >>> found, notes = table3_for_year(doc, text_to_sections(doc), 2024)
    >>> [s.text(doc).split()[:3] for s in found if s.code == "applications"]
    [['（二）2024年度', '一、本年新收政府信息公开申请数量', '1']]
    >>> notes[0].message[-25:]
    '第一遍标明为2023年，采用标明2024年的第二遍'
    """
    section = next((s for s in sections if s.code == "applications"), None)
    if section is None or (year is None and not agency):
        return sections, []
    lines = doc.lines_between(section.start, section.end)
    ends = _end_rows()  # (a line naming neither end row is no mark: the labels' other patterns not tried on it)
    marks = [(number, codes[0] if codes[0] in (TABLE3_FIRST, TABLE3_LAST) else codes[-1])
             for number, text in lines if any(pattern.search(text) for pattern in ends)
             and (codes := label_matches(text, "row_labels")) and {TABLE3_FIRST, TABLE3_LAST} & {codes[0], codes[-1]}]
    kinds = [kind for _, kind in marks]
    copies = len(kinds) // 2
    if copies < 2 or kinds != [TABLE3_FIRST, TABLE3_LAST] * copies:
        return sections, []
    bounds = [section.start] + [doc.line_starts[number] if number < len(doc.line_starts) else section.end
                                for number, kind in marks[1:-1:2]]  # each copy from the line after the last row
    captions = [doc.text[begin:doc.line_starts[marks[2 * i][0] - 1]] for i, begin in enumerate(bounds)]
    years = [_named_year(caption, year) for caption in captions] if year is not None else [None] * copies
    case = "in_section"
    if None in years or len(set(years)) != copies or year not in years:
        chosen = _agency_copy(captions, agency)
        if chosen is None:
            return sections, []
        case = "in_section_agencies"
        detail = f"只有第{_ordinal(chosen)}遍的表前文字写明报告标题所写的{agency}，采用这一遍"
    else:
        chosen = years.index(year)
        others = "，".join(f"第{_ordinal(i)}遍标明为{y}年" for i, y in enumerate(years) if i != chosen)
        detail = f"{others}，采用标明{year}年的第{_ordinal(chosen)}遍"
    end = bounds[chosen + 1] if chosen + 1 < copies else section.end
    kept = [Section(s.code, s.heading_line, bounds[chosen], end, s.subheading) if s is section else s
            for s in sections]
    line = marks[2 * (1 if chosen == 0 else 0)][0]  # the other copy's first row
    return kept, [make("tables_repeated", table="3", case=case, line=line, actual=copies, detail=detail)]


def _agency_copy(captions: list[str], agency: str | None) -> int | None:
    """The index of the one caption that names ``agency`` (white space aside), None when none or several do.

    >>> _agency_copy(["（一）样例县数据局\\n", "（二）样例县大数据中心\\n"], "样例县数据局")
    0
    >>> _agency_copy(["样例县数据局本级", "样例县数据局下属单位"], "样例县数据局"), _agency_copy(["a", "b"], None)
    (None, None)
    """
    if not agency:
        return None
    name = "".join(agency.split())
    naming = [i for i, caption in enumerate(captions) if name in "".join(caption.split())]
    return naming[0] if len(naming) == 1 else None


@cache
def _end_rows() -> tuple[re.Pattern, ...]:
    """The patterns (``rules/row_labels.csv``) of table 三's first and last rows: a line ``label_matches`` finds
    either in matches one of them, so only such lines are given to it (every pattern of the table was searched in
    every line of section 三, ≈ 2 % of a parse, to find the one or two copies most reports never print)."""
    return tuple(pattern for code, pattern in patterns("row_labels") if code in (TABLE3_FIRST, TABLE3_LAST))


def _named_year(caption: str, year: int) -> int | None:
    """The one year ``caption`` names (2023年度, or 上年度 / 本年度 read against ``year``), else None."""
    named = {int(y) for y in _YEAR.findall(caption)}
    if _LAST_YEAR.search(caption):
        named.add(year - 1)
    if _THIS_YEAR.search(_LAST_YEAR.sub("", caption)):
        named.add(year)
    return named.pop() if len(named) == 1 else None
