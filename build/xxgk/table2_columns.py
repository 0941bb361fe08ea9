"""Table 二's columns by the names its header gives them, when a row has more cells than its item's measures or
the header names them in another order than the template's (现行有效 | 制发 | 废止).

Some layouts print more columns than the template: last year's count beside this year's (上年制发件数 |
本年制发件数 | …), or a change (增减, 较上年增减) after them. Such a row has a cell too many for its item and
was published as missing (``row_extra_cells``). When the header line above the row names every one of the
item's measures in exactly one of its columns, and has as many columns as the row has cells, the row's cells
under those columns are the measures' (``columns_selected``); in any other case the row stays as it is.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .catalog import codes, labels, own_measure_labels, table
from .cells import CELL_APART, Slot, joined_columns, structured_cells
from .labels import label_matches
from .text import compact
from .values import read_cell

_UNIT = re.compile(r"\((?:单位:?)?(?:件|个|项|万元|元)\)")  # (compact) a column's unit in brackets: 处理决定数量(件)


def _unbracketed(text: str) -> str:
    """(compact) ``text`` without its notes in brackets: each ``(`` to the first ``)`` after it on its line, as
    ``re.sub(r"\\(.*?\\)", "", text)`` gives (本年收费金额(万元) is named by 本年收费金额), in one pass: that pattern
    read from each ``(`` to the line's end when no ``)`` closes it, and a header cell of 16,000 ``(`` took 31 CPU s
    (hostile round 13).

    >>> _unbracketed("本年收费金额(万元)"), _unbracketed("a(b(c)d)e"), _unbracketed("((x"), _unbracketed("(a\\nb)(c)")
    ('本年收费金额', 'ad)e', '((x', '(a\\nb)')
    """
    out, at = [], 0
    while (start := text.find("(", at)) >= 0:
        end, line_end = text.find(")", start + 1), text.find("\n", start + 1)
        if end < 0:
            break
        if 0 <= line_end < end:  # (no ")" on this line: none of its "(" opens a note)
            out.append(text[at:line_end + 1])
            at = line_end + 1
            continue
        out.append(text[at:start])
        at = end + 1
    out.append(text[at:])
    return "".join(out)
LOOK_BACK = 12  # lines above a row searched for its header


def measure_key(measure: str) -> str:
    """What a header's column must contain to name ``measure``: its template name without brackets.

    >>> measure_key("amount_10k_yuan"), measure_key("decisions")
    ('本年收费金额', '本年处理决定数量')
    """
    return _unbracketed(compact(labels()["measures"][measure]))


@cache
def other_period_words() -> tuple[str, ...]:
    """Words in a column's name that make it another period's count or a change (``rules/other_period_words.csv``):
    上年, 同期, 增减 …"""
    return tuple(compact(row["words"]) for row in table("other_period_words"))


def header_above(lines: list[tuple[int, str]], line: int, measures: list[str] = ()) -> list[str] | None:
    """The column names of the nearest header line above ``line``: a tab/pipe line with no cell that reads as
    a number, within ``LOOK_BACK`` lines (other rows' lines are passed over). Its first cell (信息内容) is the
    label's and left out; None when there is none. A header naming only another group's measures is passed over
    when ``measures`` (the row's) are given: a table split across pages repeats its first header row (信息内容 |
    本年新制作数量 | …) above the rows of a later group, whose own header stands above it. Before, such a repeated
    header was taken for the rows' own, and a group printed in another order than the template's was read in the
    template's: 行政许可's decisions published as its change, no finding (table 二 has no identity).

    >>> lines = list(enumerate(["信息内容\\t上一年项目数量\\t处理决定数量\\t本年增/减",
    ...                         "信息内容\\t本年新制作数量\\t本年新公开数量\\t对外公开总数量", "行政许可\\t1\\t2\\t3"]))
    >>> header_above(lines, 2, ["previous_year", "change", "decisions"])
    ['上一年项目数量', '处理决定数量', '本年增/减']
    >>> header_above(lines, 2)
    ['本年新制作数量', '本年新公开数量', '对外公开总数量']
    """
    passed = False  # (past another group's header, the lines naming nothing above it are passed too: its heading)
    for names in _headers_above(lines, line):
        if names is None and passed:
            continue
        if not measures or not names or any(_measures_named(n) & set(measures) for n in names) or not any(
                _measures_named(n) for n in names):
            return names
        passed = True
    return None


def _headers_above(lines: list[tuple[int, str]], line: int):
    """The column names (or None) of each header line above ``line``, nearest first (``header_above``)."""
    above = [text for number, text in lines if number < line][-LOOK_BACK:]
    for at in range(len(above) - 1, -1, -1):
        text = above[at]
        if (run := _joined_run(above, at)) is not None:
            yield [c for c in run[1:] if c] or None
            continue
        if at and _wrapped(above[at - 1], text) is not None:
            continue  # (a wrapped header's second line, 件数 | 件数 | 件数: read with its first)
        cells = structured_cells(text)
        if at + 1 < len(above) and (wrapped := _wrapped(text, above[at + 1])) is not None:
            cells, text = wrapped, "\t".join(wrapped)  # (a header row over two lines: 现行有效 / 件数)
        elif cells is None:  # PDF text: a header's cells apart by spaces, known by a measure's name among them
            cells = text.split()
            if len(cells) < 3 or _DIGIT.search(text) or not any(
                    key in compact(c) for c in cells[1:] for key in (*_measure_keys(), *_all_measure_words())):
                continue
        if any(read_cell(c)[1] is None and c.strip() for c in cells):
            continue  # a row of numbers
        named = [compact(c) for c in cells[1:]]
        yield [c for c in named if c] or None


_DIGIT = re.compile(r"[0-9０-９]")
RUN = 4  # header lines one row of names may stand on in a PDF's text (a whole name between a wrapped one's halves)


def _joined_run(above: list[str], at: int) -> list[str] | None:
    """The cells of the longest run of ``RUN`` header lines of cells (tabs, a pipe table's) of one count or fewer,
    ending at line ``at``, joined column by column (each cell's words top to bottom), when a column has words on two
    or more lines and each such column names a measure only so (its words alone name no other); None else. A PDF's
    text written in cells where its words stand (``pdf_header_cells``) prints a name wrapped in its narrow cell
    over two lines and a whole name beside it between them (上一年 / 增/减 / 项目数量). Before, the lowest line was
    taken for the header, it named no measure, and a row printing 处理决定数量 first was read in the template's
    order: 行政许可's 340 decisions published as last year's count, no finding (table 二 has no identity).

    >>> _joined_run(["\\t处理决定\\t上一年\\t", "信息内容\\t\\t\\t增/减", "\\t数量\\t项目数量\\t"], 2)
    ['信息内容', '处理决定数量', '上一年项目数量', '增/减']
    >>> _joined_run(["信息内容\\t本年制发件数\\t本年废止件数", "规章\\t1\\t0"], 1) is None
    True
    """
    lines: list[list[str]] = []  # the lines of cells of one count with no digit ending at ``at``, bottom up
    for text in above[max(0, at + 1 - RUN):at + 1][::-1]:
        if _DIGIT.search(text) or (cells := structured_cells(text)) is None or lines and len(cells) != len(lines[0]):
            break
        lines.append(cells)
    for n in range(len(lines), 1, -1):
        columns = [[compact(c) for c in column if compact(c)] for column in zip(*lines[n - 1::-1], strict=True)]
        stacked = [column for column in columns if len(column) > 1]
        if stacked and all((named := _measures_named("".join(column))) and all(
                _measures_named(c) <= named for c in column) for column in stacked):
            return ["".join(column) for column in columns]
    return None


@lru_cache(maxsize=1 << 10)
def _measures_named(name: str) -> frozenset[str]:
    """The measures a header's column ``name`` (compact) names (``names_measure``)."""
    return frozenset(code for code in labels()["measures"] if names_measure(name, code))


def _wrapped(first: str, second: str) -> list[str] | None:
    """The cells of a header row printed over two lines (``first``, then ``second``: its cells' words wrapped in
    their columns, 现行有效 over 件数, or 本年制 over 发件数), joined column by column, when only the joined cells
    name a measure; None else. ``second`` holds a word for each column, or for each but the first (信息内容, one
    line high). Before, neither line was a header (no cell of either names a measure), and a row under 现行有效
    本年制发 本年废止 was read in the template's order: 7 2 1 published as 制发 7, 废止 2, 现行有效 1.

    >>> _wrapped("信息内容 现行有效 本年制发 本年废止", "件数 件数 件数")
    ['信息内容', '现行有效件数', '本年制发件数', '本年废止件数']
    >>> _wrapped("信息内容\t本年制\t本年废\t现行有", "\t发件数\t止件数\t效件数")[1:]
    ['本年制发件数', '本年废止件数', '现行有效件数']
    >>> _wrapped("信息内容 本年制发件数 本年废止件数 现行有效件数", "（单位：件）") is None
    True
    """
    if _DIGIT.search(first) or _DIGIT.search(second):
        return None
    if (in_cells := _wrapped_in_cells(structured_cells(first), structured_cells(second))) is not None:
        return in_cells
    top = structured_cells(first) or first.split()
    bottom = structured_cells(second) or second.split()
    joined = joined_columns(top, bottom) if len(top) >= 3 else None
    if joined is None or not all(compact(c) for c in bottom[-(len(top) - 1):]):
        return None
    keys = _measure_keys()
    if any(key in compact(c) for c in top + bottom for key in keys):
        return None  # (a whole header on one line: the next line is something else)
    # (a measure's name, or a word of it a short header keeps: 本 over 年制发 is 本年制发)
    return joined if any(names_measure(compact(c), m) for c in joined[1:] for m in labels()["measures"]) else None


def _wrapped_in_cells(top: list[str] | None, bottom: list[str] | None) -> list[str] | None:
    """Two header lines of cells (tabs, a pipe table's) of one count joined cell by cell, where some cells' names
    wrap into the second line and others stand whole on the first (现行 over 有效, 本年废止件数 over nothing): every
    cell of the second line joined to the one above it names a measure, each joined cell names one measure and no
    two the same; None otherwise. Before, a header mixing whole and wrapped names was not joined (only one whose
    every name wraps was), the second line's 有效 taken for the header, and a row printed 现行有效 | 制发 | 废止 read in
    the template's order: its documents in force published as issued this year, no finding (table 二 has no
    identity).

    >>> _wrapped_in_cells(["信息内容", "现行", "本年制发件数", "本年废止件数"], ["", "有效", "", ""])[1:]
    ['现行有效', '本年制发件数', '本年废止件数']
    >>> _wrapped_in_cells(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["", "", "", ""]) is None
    True
    """
    if top is None or bottom is None or len(top) != len(bottom) or len(top) < 3:
        return None
    pairs = [(a.strip(), b.strip()) for a, b in zip(top, bottom, strict=True)]
    if not any(b for _, b in pairs[1:]) or any(b and not a for a, b in pairs):
        return None
    joined = [a + b for a, b in pairs]
    named = [[m for m in labels()["measures"] if names_measure(compact(c), m)] for c in joined[1:] if c]
    if any(len(measures) != 1 for measures in named) or len({m for (m,) in named}) != len(named):
        return None
    return joined


@cache
def measure_keys(measure: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(names a header's column may contain, names it may be)`` to name ``measure``: its template name
    (``measure_key``) and an item's own (``measure_labels``: 政府集中采购's 采购总金额) contained in the column's
    name; the names another template prints for it (``also`` in rules/codes.yaml: the 2019 template's 处理决定数量)
    as the whole name only (处理决定数量（本年） beside 处理决定数量（上年） says no more than the template's name
    does). Before, a 2019 header naming its columns in another order than the template's (处理决定数量 | 上一年项目数量
    | 本年增/减, 采购总金额 | 采购项目数量) was not read, and its row was read in the template's order: 行政许可's 340
    decisions published as the previous year's count, 政府集中采购's 4 projects as 4 万元.

    >>> measure_keys("decisions"), measure_keys("amount_10k_yuan")[0]
    ((('本年处理决定数量',), ('处理决定数量',)), ('本年收费金额', '采购总金额'))
    """
    entry = next(m for m in codes()["measures"] if m["code"] == measure)
    contained = [measure_key(measure), *(_unbracketed(compact(label))
                                         for (_, m), label in sorted(own_measure_labels().items()) if m == measure)]
    return tuple(dict.fromkeys(contained)), tuple(compact(n) for n in entry.get("also", []))


def names_measure(name: str, measure: str) -> bool:
    """Whether a header's column ``name`` (compact) names ``measure`` (``measure_keys``), or holds a word of its
    name that stays when the header prints it short (``rules/table2_measure_words.csv``: 现行有效 | 制发 | 废止,
    2019's 上一年项目（件）; not 处理决定, which names 处理决定数量（上年） too). Before, such a header named no measure
    and its row was read in the template's order: printed 现行有效 first, the documents in force were published as
    issued this year, WRONG, no finding (table 二 has no identity).

    >>> names_measure("现行有效", "in_force"), names_measure("制发件数", "issued"), names_measure("制发", "repealed")
    (True, True, False)

    A unit in brackets is no part of the name (处理决定数量(件) is 2019's 处理决定数量; 处理决定数量(上年) is not), and
    a cell may be a short name whole (处理决定(件)):
    >>> names_measure("处理决定数量(件)", "decisions"), names_measure("处理决定数量(上年)", "decisions")
    (True, False)
    >>> names_measure("处理决定(件)", "decisions")
    True
    """
    contained, whole = measure_keys(measure)
    return _UNIT.sub("", name) in whole or any(key in name for key in contained) or any(
        word in name for word in _measure_words().get(measure, ())) or _unbracketed(name) in _measure_names().get(
        measure, ())


@cache
def _measure_names() -> dict[str, tuple[str, ...]]:
    """``{measure: short names a header cell may be}`` (``rules/table2_measure_names.csv``: 2019's 处理决定). Before,
    a 2019 header naming 处理决定数量 short in another order than the template's (处理决定 | 上一年项目 | 增/减) named
    two measures of three and its rows were read in the template's order: 行政许可's 340 decisions published as last
    year's count, no finding."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table("table2_measure_names"):
        out[row["measure"]] = (*out.get(row["measure"], ()), compact(row["name"]))
    return out


@cache
def _measure_words() -> dict[str, tuple[str, ...]]:
    """``{measure: words of its name a short header keeps}`` (``rules/table2_measure_words.csv``)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table("table2_measure_words"):
        out[row["measure"]] = (*out.get(row["measure"], ()), compact(row["word"]))
    return out


@cache
def _all_measure_words() -> tuple[str, ...]:
    return tuple(word for words in _measure_words().values() for word in words)


@cache
def _measure_keys() -> tuple[str, ...]:
    return tuple(key for code in labels()["measures"] for keys in measure_keys(code) for key in keys)


def measure_keys_all() -> tuple[str, ...]:
    """What a header's column may contain to name any measure of either format (``measure_keys``)."""
    return _measure_keys()


def named_slots(lines: list[tuple[int, str]], slots: list[Slot], measures: list[str]) -> tuple[list[Slot], str] | None:
    """``(the slots under the measures' columns, the header's names)`` when the header above the row names each
    measure in exactly one column and has one column per cell; None else.

    >>> lines = [(1, "信息内容\\t上年制发件数\\t本年制发件数\\t本年废止件数\\t现行有效件数"),
    ...          (2, "规章\\t2\\t1\\t0\\t5")]
    >>> slots = [Slot(t, 2, True) for t in ("2", "1", "0", "5")]
    >>> [s.text for s in named_slots(lines, slots, ["issued", "repealed", "in_force"])[0]]
    ['1', '0', '5']
    >>> head = "\\t".join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "上年制发件数", "上年废止件数",
    ...                    "上年现行有效件数"])
    >>> lines = [(1, head), (2, "规章\\t2\\t1\\t15\\t3\\t0\\t14")]
    >>> slots = [Slot(t, 2, True) for t in ("2", "1", "15", "3", "0", "14")]
    >>> [s.text for s in named_slots(lines, slots, ["issued", "repealed", "in_force"])[0]]
    ['2', '1', '15']
    """
    if not slots or not (all(s.structured for s in slots) or all(_whole(s.text) for s in slots)):
        return None  # (PDF text's loose numbers, each read whole: as many as the header has columns, below)
    names = header_above(lines, slots[0].line, measures)
    if names is not None and len(measures) == len(names) == 1 < len(slots):
        return _one_value_under_name(names[0], slots, measures[0])
    if names is None or len(names) != len(slots):
        return None
    at = []
    for measure in measures:
        columns = [i for i, name in enumerate(names) if names_measure(name, measure)]
        if len(columns) > 1:  # 现行有效件数 and 上年现行有效件数: the one naming no other period is this year's
            columns = [i for i in columns if not any(word in names[i] for word in other_period_words())]
        if len(columns) != 1:
            return None
        at.append(columns[0])
    if len(set(at)) != len(at):
        return None
    return [slots[i] for i in at], " | ".join(names)


def _one_value_under_name(name: str, slots: list[Slot], measure: str) -> tuple[list[Slot], str] | None:
    """``([the row's one value cell], the header's name)`` for an item of one measure whose header prints that
    measure's name once, in a cell merged across the table's value columns (本年处理决定数量 over three: a web page or a
    Word table prints it as one cell), above a row whose cells are not merged: one value and the other cells marked
    empty (``行政许可 | 2293 | / | /``, ``—``, ``无``, or blank). The item has one measure and the header one column:
    the row's one printed value is that measure's wherever it stands among them. None else (two values or more, a
    name naming another measure, or loose numbers of PDF text, whose blanks may have vanished). Before, such a row
    was three numbers for one cell and lost (``row_extra_cells``).

    >>> cells = [Slot(text, 2, True) for text in ("2293", "/", "/")]
    >>> [s.text for s in _one_value_under_name("本年处理决定数量", cells, "decisions")[0]]
    ['2293']
    >>> _one_value_under_name("本年处理决定数量", [Slot(t, 2, True) for t in ("2293", "/", "15")], "decisions") is None
    True
    """
    if not all(s.structured for s in slots) or not names_measure(name, measure):
        return None
    values = [s for s in slots if read_cell(s.text)[1] != "blank"]
    if len(values) > 1:
        return None
    return (values or slots)[:1], name


def header_contradicts(lines: list[tuple[int, str]], slots: list[Slot], measures: list[str]) -> str | None:
    """The header's names (`` | ``-joined) when the header above the row has one column per measure and names one
    of them in another column than the template's (``named_slots`` could not read every column: a name wrapped in
    a PDF's text, 现行 over 有效 with no cells to join them by): the order is not the template's and not known, so
    the row's numbers are not used (``columns_order_unsure``); None otherwise. Before, the row was read in the
    template's order: printed 本年废止 | 本年制 (over 发) | 现行有效件数, its repealed count published as issued, no
    finding (table 二 has no identity).

    >>> lines = [(1, "信息内容 本年废止 本年制 现行有效件数"), (2, "发"), (3, "规章 1 0 5")]
    >>> header_contradicts(lines, [Slot(t, 3, False) for t in "105"], ["issued", "repealed", "in_force"])
    '本年废止 | 本年制 | 现行有效件数'
    >>> lines = [(1, "信息内容 本年制发 本年废 现行有效件数"), (2, "止"), (3, "规章 1 0 5")]
    >>> header_contradicts(lines, [Slot(t, 3, False) for t in "105"], ["issued", "repealed", "in_force"]) is None
    True

    Two columns or more named by nothing beside one that is: they may stand in any order among themselves.
    >>> lines = [(1, "信息内容 废 本年制 现行有效"), (2, "止件数 发"), (3, "规章 1 0 5")]
    >>> header_contradicts(lines, [Slot(t, 3, False) for t in "105"], ["issued", "repealed", "in_force"])
    '废 | 本年制 | 现行有效'

    A PDF's text whose header wraps over lines that name no column for certain (本 本年增 上一年项 over 年处理决定数量
    /减 目: which half goes with which cannot be told from words alone) says nothing of the order either:
    >>> lines = [(1, "信息内容 本 本年增 上一年项"), (2, "年处理决定数量 /减 目"), (3, "行政许可 5 1 9")]
    >>> header_contradicts(lines, [Slot(t, 3, False) for t in "519"], ["previous_year", "change", "decisions"])
    '本 本年增 上一年项 / 年处理决定数量 /减 目'
    """
    if not slots or len(slots) != len(measures):
        return None
    names = header_above(lines, slots[0].line, measures)
    if names is not None and len(names) == len(measures):
        named = [[m for m in measures if names_measure(name, m)] for name in names]
        if any(len(ms) == 1 and ms[0] != measure for ms, measure in zip(named, measures, strict=True)):
            return " | ".join(names)
        if any(named):  # (some columns named, two or more not: those may be in any order among themselves)
            return " | ".join(names) if sum(not ms for ms in named) >= 2 else None
    if all(s.structured for s in slots):
        return None
    wrapped = _loose_header_lines(lines, slots[0].line)
    if len(wrapped) < 2 or not _name_pieces(wrapped) or _one_cell_a_line(wrapped) == measures:
        return None
    return " / ".join(wrapped)


def _one_cell_a_line(block: list[str]) -> list[str] | None:
    """The measures a header printing one cell a line names, top to bottom, each name's pieces on consecutive lines
    joined (本年新 / 制作数量 / 本年新 / 公开数量 / 对外公开总数量), up to the first item's name; None when a line holds
    two words or the pieces make no names.

    >>> _one_cell_a_line(["本年新", "制作数量", "|", "本年新", "公开数量", "对外公开总数量", "规章"])
    ['made', 'published', 'total_public']
    >>> _one_cell_a_line(["本 本年增 上一年项", "年处理决定数量 /减 目"]) is None
    True
    """
    out, piece = [], ""
    for text in block:
        words = [word for word in CELL_APART.split(text) if word]
        if len(words) > 1:
            return None
        if not words:
            continue
        if not piece and label_matches(words[0], "item_labels"):
            break
        piece += compact(words[0])
        named = [m for m in labels()["measures"] if names_measure(piece, m)]
        if len(named) == 1:
            out.append(named[0])
            piece = ""
    return out if out and not piece else None


def _name_pieces(block: list[str]) -> list[str]:
    """The words of a header's lines that name no measure and no item (pieces of a name wrapped: 本年增, 上一年项);
    a table printing each cell on a line of its own (上一年项目数量 / | / 本年增/减 / | / 处理决定数量 / | / 行政许可)
    has none.

    >>> _name_pieces(["本 本年增 上一年项", "年处理决定数量 /减 目"])[:3]
    ['本', '本年增', '上一年项']
    >>> _name_pieces(["上一年项目数量", "|", "本年增/减", "|", "处理决定数量", "|", "行政许可"])
    []
    """
    words = [word for text in block for word in CELL_APART.split(text) if word]
    return [word for word in words if not label_matches(word, "item_labels") and not any(
        names_measure(compact(word), m) for m in labels()["measures"])]


def _loose_header_lines(lines: list[tuple[int, str]], line: int) -> list[str]:
    """The header of the row at ``line`` in a PDF's text: the lines from the one naming the label's column (信息内容)
    down to its group's first row (the rows between passed over, as ``header_above`` passes them), that line's
    信息内容 left out; nothing when there is no such line within ``LOOK_BACK``.

    >>> _loose_header_lines([(1, "信息内容 本 增"), (2, "年 /减"), (3, "规章 1 2"), (4, "规范性文件 3 4")], 4)
    ['本 增', '年 /减']
    >>> _loose_header_lines([(1, "信息内容 规章 1 2"), (2, "规范性文件 3 4")], 2)
    []
    """
    above = [text for number, text in lines if number < line][-LOOK_BACK:]
    for at in range(len(above) - 1, -1, -1):
        if "信息内容" in compact(above[at]):
            block = []
            for text in above[at:]:
                if _DIGIT.search(text):
                    break
                block.append(text)
            if not block:  # (信息内容 on a line with a number: a row the header is printed in)
                return []
            pieces = [block[0].replace("信息内容", "", 1), *block[1:]]
            return [piece.strip() for piece in pieces if piece.strip()]
    return []


def _whole(text: str) -> bool:
    """Whether a loose cell of PDF text reads whole as a value of a table 二 measure: a count, a signed change
    (2019's 减2) or an amount (251000元).

    >>> _whole("12"), _whole("减2"), _whole("251000元"), _whole("12件3")
    (True, True, True, False)
    """
    return any(read_cell(text, unit)[1] is None for unit in ("count", "signed_count", "10k_yuan"))
