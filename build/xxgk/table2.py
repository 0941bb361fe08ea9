"""Table 2 (主动公开政府信息情况): items × measures, in the format its headers announce.

The 2019 and 2021 editions have different measures; the format is read from the headers
(``rules/format_headers.csv``), never from the year. Table 2 has no identity inside one
report, so digits that ran together are published only when a single cut exists.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from .catalog import codes, item_measures, labels, measure_label, patterns, table
from .cells import (
    Row,
    blank_or_absent,
    edge_windows,
    labels_after_values,
    mark_as_first_cell,
    printed_blank,
    prose_rows,
    region_to_rows,
    running_text,
    stray_cells,
    trim_slots,
    words_for_numbers,
)
from .findings import Finding, make, prose_numbers_unused
from .labels import label_matches, name_end
from .marked_runs import marked_cuts
from .narrative import stated_counts
from .record import Fact
from .resolve import Resolved, ambiguous_finding, resolve_row, void_conflicts
from .splitting import is_digit_run, narrow_pair, splits
from .table2_columns import LOOK_BACK, header_contradicts, measure_keys, measure_keys_all, named_slots
from .table2_transposed import untransposed
from .text import compact, fold

TABLE = "active"


def _units() -> dict[str, str]:
    return {m["code"]: m["unit"] for m in codes()["measures"]}


# a unit an amount's header block prints: （单位：元）, （元）, 单位：千元 on a line of its own; 万元 is the template's
_AMOUNT_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]?\s*)?([千万亿]?元)\s*[)）]|单位\s*[:：]\s*([千万亿]?元)")
_FEES_BLOCK = 4  # lines above a fee row searched for its unit: the header, a wrapped header, a unit line above it


def _unit_not_wanyuan(lines: list[tuple[int, str]], line: int | None) -> bool:
    """Whether the header block above ``line`` (up to ``_FEES_BLOCK`` lines, not past the 第二十条 heading of the
    item) prints an amount unit other than the template's 万元 (本年收费金额（单位：元）, a wrapped （单位：元）,
    单位：千元 above the table): the fee's cells are then read only where they print their own unit (``read_cell``).
    The nearest unit printed decides.

    >>> _unit_not_wanyuan([(1, "信息内容 本年收费金额（单位：元）"), (2, "行政事业性收费 388330")], 2)
    True
    >>> _unit_not_wanyuan([(1, "信息内容 本年收费金额"), (2, "（单位：元）"), (3, "行政事业性收费 388330")], 3)
    True
    >>> _unit_not_wanyuan([(1, "信息内容 本年收费金额（单位：万元）"), (2, "行政事业性收费 38.83")], 2)
    False
    """
    if line is None:
        return False
    above = [text for number, text in lines if number <= line][-_FEES_BLOCK - 1:]
    for text in reversed(above):
        unit = _AMOUNT_UNIT.search(compact(text))
        if unit:
            return (unit.group(1) or unit.group(2)) != "万元"
        if "第二十条" in text:
            return False
    return False


# (compact) a line naming a group of table 二's rows alone: 第二十条第(一)项, | 第二十条第（五）项 |
_ARTICLE_LINE = re.compile(r"^\|*第二十条第[（(][一二三四五六七八九十]+[)）]项\|*$")


def detect_format(region_text: str) -> str | None:
    """The format whose table-2 headers occur in the region, or None when neither does."""
    hits = _formats_named(region_text)
    return hits.pop() if len(hits) == 1 else None


def _formats_named(text: str) -> set[str]:
    """The formats whose table-2 header words (``rules/format_headers.csv``) ``text`` holds."""
    text = compact(text)
    return {row["format"] for row in table("format_headers")
            if row["table"] == TABLE and re.search(row["pattern"], text)}


def _other_format_header(lines: list[tuple[int, str]], line: int, fmt: str, measures: list[str]) -> bool:
    """Whether the header right above ``line`` names only the other format's columns: a transition year's table 二
    printing 2019's 本年新制作数量 | 本年新公开数量 | 对外公开总数量 over its documents and 2021's 本年处理决定数量 over
    the rest (format_unknown, read as 2021). Before, 规范性文件 3 3 45 was published as 3 issued, 3 repealed and 45
    in force — 本年新公开数量 is no 本年废止件数; now the row's numbers are not used (row_other_format). A header
    naming one of the row's own measures too (2019's 处理决定数量 is 2021's 本年处理决定数量) is read by its names
    (``named_slots``)."""
    for _, text in reversed([(n, t) for n, t in lines if n < line][-LOOK_BACK:]):
        folded = compact(text)
        if _formats_named(folded) or any(key in folded for key in measure_keys_all()):
            # (the nearest line naming a measure: the row's header; 本年处理决定数量 is both formats')
            own = [key for m in measures for keys in measure_keys(m) for key in keys]
            return _formats_named(folded) == {"2019", "2021"} - {fmt} and not any(key in folded for key in own)
    return False


def only_agreeing_cut(candidates: list[tuple], keys: list[tuple[str, str]], known: dict) -> tuple | None:
    """The one candidate cut whose values equal every ``known`` value of its cells, or None.

    >>> only_agreeing_cut([(6, 9, 3665), (69, 3, 665), (6, 93, 665)], [("n", "a"), ("n", "b"), ("n", "c")],
    ...                   {("n", "a"): 69})
    (69, 3, 665)
    """
    checked = [i for i, key in enumerate(keys) if key in known]
    if not checked:
        return None
    agreeing = [c for c in candidates if all(c[i] == known[keys[i]] for i in checked)]
    return agreeing[0] if len(agreeing) == 1 else None


def _void_repeat(facts: list[Fact], again: Resolved, columns: list[str], where: dict,
                 line: int) -> list[Finding]:
    """The kept facts of a row printed again with other values: the differing cells become missing."""
    kept = Resolved(tuple(f.value for f in facts))
    found = void_conflicts(kept, again, columns, where, line)
    for i, value in enumerate(kept.values or ()):
        if value is None and facts[i].value is not None:
            facts[i] = Fact(facts[i].table, facts[i].keys, None, facts[i].line, None)
    return found


_CLAUSE_END = re.compile(r"[、,;。]")  # (compact form: ，； are folded to , ;); a colon introduces the value
# (compact: （） are folded to ()) a note in brackets (设区的市、自治州…, 本单位无规章制定权,不涉及): a phrase, no
# clause; one saying what the count holds (含审批,备案: rules/note_scope_words.csv) with a clause mark is left
_NOTE = re.compile(r"\([^()]*\)")


def _label_ends_at_item(label: str, item: str) -> bool:
    """Whether the numbers after ``label`` can be the item's: no clause ends between the item's name
    and them. Table 二 told as prose puts the number first (``全年作出236件行政许可决定、12件行政处罚决定``):
    the text before 12 names 行政许可, but in a clause that ended at ``、``, and 12 is the 行政处罚's.

    >>> _label_ends_at_item("件行政许可决定、", "licensing"), _label_ends_at_item("行政许可", "licensing")
    (False, True)
    >>> _label_ends_at_item("件,行政处罚决定,行政强制", "coercion")
    True
    >>> _label_ends_at_item("本年办理行政许可事项", "licensing")
    True

    A note in brackets listing words closes no clause (a 2019 template's
    ``规章(设区的市、自治州人民政府应提供相关数据)``: before, its 、 made the label unrecognised and the row's cells
    lost), nor does guidance with a comma; one holding a clause and saying what the count holds still does:
    >>> _label_ends_at_item("规章(设区的市、自治州人民政府应提供相关数据)", "rules")
    True
    >>> _label_ends_at_item("规章(设区的市,自治州人民政府应提供相关数据)", "rules")
    True
    >>> [_label_ends_at_item(label, "licensing") for label in ("行政许可(含变更)决定、", "行政许可(含审批,备案)")]
    [False, False]
    """
    ends = [m.end() for code, pattern in patterns("item_labels") if code == item for m in pattern.finditer(label)
            if not _in_note(label, m.start())]  # (规章(本单位无规章制定权,不涉及): the name is the one before the note)
    if not ends:
        return True
    rest, before = label[max(ends):], ""
    while rest != before:  # (innermost first: a note holding a bracket of its own)
        rest, before = _NOTE.sub(_guidance_off, rest), rest
    return not _CLAUSE_END.search(rest)


def _in_note(label: str, at: int) -> bool:
    """Whether ``at`` stands inside brackets in ``label`` (compact: （） folded to ())."""
    return label.count("(", 0, at) > label.count(")", 0, at)


def _guidance_off(note: re.Match) -> str:
    """A bracketed note after an item's name as ``_label_ends_at_item`` reads it: nothing when it lists words or
    is guidance (设区的市，自治州人民政府应提供相关数据: who fills the row in — session 37 dropped only notes without a
    clause mark, and a real template's comma lost the row's cells); as printed when it holds a clause mark and says what
    the count holds (``rules/note_scope_words.csv``: 含审批,备案), which then ends the clause (label_unrecognised)."""
    text = note.group()
    if text.startswith(_definition_openings()):
        return ""  # (指行政许可以外的政务服务事项，含行政确认、…: the template's definition of the item, 含 and all)
    return text if _CLAUSE_END.search(text) and any(word in text for word in _scope_words()) else ""


@lru_cache(maxsize=1)
def _definition_openings() -> tuple[str, ...]:
    """How a note defining the item opens (``rules/note_definition_words.csv``: (指…, (即…): guidance, whatever it
    lists (a 2020 template's 其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、…以及公共服务事项）, whose
    含 made the row unrecognised on a real page, its three cells lost)."""
    return tuple("(" + fold(row["words"]) for row in table("note_definition_words"))


@lru_cache(maxsize=1)
def _scope_words() -> tuple[str, ...]:
    return tuple(fold(row["words"]) for row in table("note_scope_words"))


# (with .match at the item's name's end) a sentence's clause going on to 信息 (the information published about the
# item), or to a year (the number is that year's: 行政许可：2023年办理3件，2024年办理5件 — 3 is no 2024 report's)
# (信息内容, the header's first column, is no such word: a PDF text's label runs on into the next block's header)
_NOT_THE_ITEMS = re.compile(r"[^、,;。]*?(?:信息(?!内容)|\d{4}年)")
_CLAUSE = re.compile(r"[^、,;。]*")
# (.fullmatch on the clause after the item's name) a row's label naming its year and nothing more: (一)2024年度,
# (2024年度), 2024年 — not a sentence going on (2024年受理申请300件) nor a part of the year (2024年12月, 第四季度)
_YEAR_LABEL = re.compile(r"(?:\([一二三四五六七八九十\d]{1,3}\))?\(?(\d{4})年度?\)?:?")


def _not_the_items_count(row: Row, item: str, year: int | None = None) -> bool:
    """Whether a sentence's number after the item's name is no count of the item's for the table: it counts the
    information published about it (``全年主动公开政府信息1200条，其中行政许可信息300条、行政处罚信息20条``: 300
    items of licensing information, no decisions), or a year other than the report's ``year`` is named between
    them (``行政许可：2023年办理3件``) — the numbers loose text. Before, where section 二 printed no table, 300 and 20
    were published as the year's licensing and penalty decisions, and 3 (2023's) as a 2024 report's; now they are
    prose_numbers_unused. The report's own year there is the item's count of the year (a PDF text's row
    ``行政许可（一）2024年度 819`` of a 2024 report; before session 32 its 819 was lost with label_unrecognised and
    row_absent); with no year known, any year makes it no count. Only a label naming the year and nothing more
    (``_YEAR_LABEL``): the year's own sentence goes on to what it counts (``行政许可：2024年受理申请300件``: no
    decisions) or a part of the year (``2024年12月``) — until session 33 (h33a review) 300 was published so.

    >>> from .cells import Slot
    >>> row = Row("行政许可(一)2024年度", 1, False, [Slot("819", 1, False)])
    >>> _not_the_items_count(row, "licensing", 2024), _not_the_items_count(row, "licensing", 2025)
    (False, True)
    >>> _not_the_items_count(Row("行政许可:2023年办理", 1, False, [Slot("3件", 1, False)]), "licensing")
    True
    >>> _not_the_items_count(Row("行政许可:2024年受理申请", 1, False, [Slot("300件", 1, False)]), "licensing", 2024)
    True
    """
    if all(s.structured for s in row.filled_slots):
        return False  # (a table's row: its label is the item's)
    ends = [m.end() for code, pattern in patterns("item_labels") if code == item for m in pattern.finditer(row.label)]
    if not ends or _NOT_THE_ITEMS.match(row.label, max(ends)) is None:
        return False
    named = _YEAR_LABEL.fullmatch(_CLAUSE.match(row.label, max(ends)).group())
    return named is None or year is None or int(named.group(1)) != year


def _sub_row(label: str, item: str) -> bool:
    """Whether ``label`` names a part of the item (``其中：行政许可（承诺制）``, ``行政处罚(简易程序)``): 其中
    before its name, or a qualifier in brackets right after it. Such a row beside the item's own row is
    not the row printed again (before: both were voided as a conflict, and the item lost).

    >>> _sub_row("其中:行政许可(承诺制)", "licensing"), _sub_row("行政处罚(简易程序)", "penalty")
    (True, True)
    >>> _sub_row("第二十条第(五)项信息内容本年处理决定数量行政许可", "licensing")
    False
    """
    ends = [(m.start(), m.end()) for code, pattern in patterns("item_labels") if code == item
            for m in pattern.finditer(label)]
    if not ends:
        return False
    start, end = ends[-1]
    return "其中" in label[:start] or label[end:end + 1] in ("(", "（")


def _part_only(label: str, item: str) -> bool:
    """Whether the numbers after ``label`` count a part of the item only: 其中 after the item's name
    (``行政许可 其中：承诺制 300``, ``行政许可`` on a line and ``其中：承诺制 300`` below it). Before, 300 was
    published as the item's own count.

    >>> _part_only("行政许可其中:承诺制", "licensing"), _part_only("其中:行政许可(承诺制)", "licensing")
    (True, False)
    """
    ends = [m.end() for code, pattern in patterns("item_labels") if code == item for m in pattern.finditer(label)]
    return bool(ends) and "其中" in label[ends[-1]:]


def _cut_by_counting_only(resolved: Resolved) -> bool:
    """Whether the row's values come from the only cut of its digit runs into the row's cells, which
    table 2 (no identity) cannot prove: the same digits are as well a row that lost a cell (a blank
    cell vanishes from a PDF text layer: ``行政规范性文件 7 48`` is 7, blank, 48 as much as 7, 4, 8;
    ``行政许可 120`` is 120 with two cells lost as much as 1, 2, 0). Digits that no fewer cells can hold are no
    question: no count is printed with a leading zero, so ``规章000`` can only be 0, 0, 0 and ``行政规范性文件005``
    only 0, 0, 5 (``05`` and ``00`` are no counts).

    >>> _cut_by_counting_only(Resolved((7, 4, 8), candidates=[(7, 4, 8)], glued="7 48"))
    True
    >>> _cut_by_counting_only(Resolved((0, 0, 0), candidates=[(0, 0, 0)], glued="000"))
    False
    >>> _cut_by_counting_only(Resolved((0, 0, 5), candidates=[(0, 0, 5)], glued="005"))
    False
    >>> _cut_by_counting_only(Resolved((0, 2, 1), candidates=[(0, 2, 1)], glued="021"))
    True

    So with a sign or an amount among the digits (``marked_runs``): ``0251000元`` is 0 and 25.1 万元 only, while
    ``13251000元`` is as well one amount printed alone:
    >>> _cut_by_counting_only(Resolved((0, 25), candidates=[(0, 25)], glued="0251000元"))
    False
    >>> _cut_by_counting_only(Resolved((13, 25), candidates=[(13, 25)], glued="13251000元"))
    True
    """
    if resolved.values is None or not resolved.glued:
        return False
    tokens = resolved.glued.split(" ")
    if not all(is_digit_run(t) for t in tokens):  # (a sign or an amount's unit among them: marked_runs cuts them)
        return any(marked_cuts(tokens, k) for k in range(1, len(resolved.values)))
    return any(splits(tokens, k, lambda v: True) for k in range(1, len(resolved.values)))


def region_to_active(lines: list[tuple[int, str]], overview: str = "",
                     year: int | None = None) -> tuple[str | None, list[Fact], list[Finding]]:
    """``(format, facts, findings)`` of table 2; no facts when no item carries numbers.

    Digits that ran together and split several ways are cut where exactly one split agrees with
    the counts the ``overview`` (section 一) states (``narrative.stated_counts``). When every row's
    numbers are printed above its label (``cells.labels_after_values``: the first numbers have only the
    header above them, and the last label no numbers after it) and, read with the labels first, every
    line of numbers has its item and as many numbers as the item has cells, the table is read so (read as
    printed, each item took the numbers of the item above it: 规章 those of 行政规范性文件). The report's ``year``
    tells its own year named after an item's name from another's (``_not_the_items_count``)."""
    lines, turned = untransposed(lines)  # (items as columns, measures as rows: turned back, table_transposed)
    fmt, facts, findings = _realigned_or_as_printed(lines, overview, year)
    return fmt, facts, [make("table_transposed", table="2", line=line) for line in turned] + findings


def _realigned_or_as_printed(lines: list[tuple[int, str]], overview: str,
                             year: int | None) -> tuple[str | None, list[Fact], list[Finding]]:
    """``region_to_active`` of lines in the template's orientation."""
    swapped = labels_after_values(lines)
    if swapped and not _every_row_named(lines, first_only=True) and _every_row_named(swapped):
        fmt, facts, findings = _lines_to_active(swapped, overview, year)
        if any(f.code in ("row_lost_cells", "row_extra_cells") for f in findings):  # a row's count unlike its item's
            return _lines_to_active(lines, overview, year)
        return fmt, facts, findings + [make("rows_realigned", table="2", row="、".join(
            labels()["items"][i] for i in dict.fromkeys(f.keys[0] for f in facts if f.value is not None)),
            line=swapped[0][0])]
    return _lines_to_active(lines, overview, year)


def _stacked_items(row: Row, named: list[str], seen: dict, texts: dict[int, str] | None = None) -> list[str]:
    """The items whose names ``row``'s label prints on lines of their own above its numbers, two or more and none
    read yet (``seen``): a text layer printing the label cells apart from the numbers (``规章`` / ``行政规范性文件``
    over ``1 0 3``, 行政规范性文件's ``13 2 55`` further down without its name). The numbers are the first item's as
    much as the last's, and table 二 has no identity to tell: before session 48 the last took them, 规章's numbers
    published as 行政规范性文件's with no finding. None (an empty list) for a row whose numbers stand on its label's
    last line, or whose label names one item (a name wrapped over lines, 行政规范性 / 文件 over its numbers).

    >>> from xxgk.cells import Slot
    >>> row = Row("规章行政规范性文件", 3, False, [Slot("1", 5, False), Slot("0", 5, False), Slot("3", 5, False)],
    ...           label_cells=[(0, 3, "规章", False), (2, 4, "行政规范性文件", False)])
    >>> _stacked_items(row, ["rules", "normative_documents"], {})
    ['rules', 'normative_documents']
    >>> _stacked_items(row, ["rules", "normative_documents"], {"rules": []})
    []

    A line of spaces between the names is the upper's blank cell (a cell a line), not a column of names:
    >>> apart = Row("规章行政规范性文件", 3, False, [Slot("1", 6, False), Slot("0", 6, False), Slot("3", 6, False)],
    ...             label_cells=[(0, 3, "规章", False), (2, 5, "行政规范性文件", False)])
    >>> _stacked_items(apart, ["rules", "normative_documents"], {}, {3: "规章", 4: " ", 5: "行政规范性文件"})
    []

    Names in two sub-tables, a heading between them, are each over its own cells (a cell a line, one lost):
    >>> row.label = "行政强制第二十条第(八)项信息内容本年收费金额行政事业性收费"
    >>> _stacked_items(row, ["coercion", "fees"], {})
    []
    """
    items = [i for i in dict.fromkeys(named) if i not in seen]
    label_lines = {line for _, line, _, _ in row.label_cells}
    if len(items) < 2 or len(set(named)) != len(items) or len(label_lines) < 2 or not row.filled_slots:
        return []
    if min(s.line for s in row.slots) <= max(label_lines):
        return []  # (a cell printed under a name above, if blank: each name has its cells, a cell a line)
    if texts and any(texts.get(n, "") and not texts[n].strip() for n in range(min(label_lines), max(label_lines))):
        return []  # (a line of spaces between the names: the upper's cells printed blank, a cell a line)
    spans = [(m.start(), m.end()) for code, pattern in patterns("item_labels") if code in items
             for m in pattern.finditer(row.label)]
    between = row.label[min(end for _, end in spans):max(start for start, _ in spans)] if spans else ""
    return [] if _GROUP_WORDS.search(compact(between)) else items


# a group's heading or header between two items' names: 行政强制 | 第二十条第（八）项 | 信息内容 … | 行政事业性收费
# are two sub-tables' rows, each name over its own cells (a cell a line), not a column of names
_GROUP_WORDS = re.compile(r"第二十条|信息内容")


def _number_groups(row: Row, cells: int) -> int:
    """How many rows' numbers ``row`` holds as printed: its lines of numbers, or, one number a line (a cell a
    line), its numbers by ``cells`` a row.

    >>> from xxgk.cells import Slot
    >>> _number_groups(Row("", None, False, [Slot("1", 5, False), Slot("0", 5, False), Slot("3", 6, False)]), 3)
    2
    >>> _number_groups(Row("", None, False, [Slot("97", 5, False), Slot("12", 6, False), Slot("5", 7, False)]), 1)
    3
    """
    lines = [s.line for s in row.filled_slots]
    return -(-len(lines) // cells) if len(set(lines)) == len(lines) else len(set(lines))


def _every_row_named(lines: list[tuple[int, str]], first_only: bool = False) -> bool:
    """Whether every row with numbers (or the first: ``first_only``) names an item before them."""
    filled = [r for r in region_to_rows(lines, None) if r.filled_slots][:1 if first_only else None]
    return bool(filled) and all(label_matches(r.label, "item_labels", outside_notes=True) for r in filled)


def _names_item(label: str, measures: dict) -> bool:
    return any(c in measures and _label_ends_at_item(label, c)
               for c in label_matches(label, "item_labels", outside_notes=True)[-1:])


def _join_wrapped_labels(rows: list[Row], measures: dict) -> list[Row]:
    """Rows whose label wrapped in its cell, the numbers on a middle line (``pdftotext -layout``:
    ``其他对外管理`` / ``310 25 335`` / ``服务事项``): the label's rest, the text of the line right under the
    row's numbers that begins the next row's label, is the row's when the row names no item without it and
    does with it, and taking it changes nothing the next row names (before: the row was
    ``label_unrecognised`` and its cells lost)."""
    for above, row in zip(rows, rows[1:], strict=False):
        if not above.filled_slots or above.slots[-1].line + 1 != row.label_line or not row.label_cells \
                or row.label_cells[0][0] != 0 or _names_item(above.label, measures):
            continue
        own = [cell for cell in row.label_cells if cell[1] == row.label_line]
        if row.label_structured and (len(own) != 1 or not all(s.empty for s in row.slots if s.line == row.label_line)):
            continue  # (a tab row: only its tail alone in its line's first cell, 性文件 or 性文件 | | |, is the rest)
        cut = own[-1][0] + len(compact(own[-1][2])) if len(own) < len(row.label_cells) else len(row.label)
        rest, after = row.label[:cut], row.label[cut:]
        if not rest or not _names_item(above.label + rest, measures) or _names_item(rest, measures) or (
                label_matches(after, "item_labels")[-1:] != label_matches(row.label, "item_labels")[-1:]):
            continue
        above.label_cells += [(len(above.label) + at, ln, cell, structured)
                              for at, ln, cell, structured in row.label_cells[:len(own)]]
        above.label += rest
        row.label = after
        row.label_cells = [(at - cut, ln, cell, structured) for at, ln, cell, structured in row.label_cells[len(own):]]
        row.label_line = row.label_cells[0][1] if row.label_cells else None
    return rows


def _printed_with_words(lines: list[tuple[int, str]], read_from: dict[str, Row], measures: dict) -> list[Finding]:
    """For each line that prints an item's label with words where its numbers should be (``行政许可 | 若干``:
    ``cells.words_for_numbers``): ``row_duplicate_unreadable`` when another line prints the item with numbers,
    which are kept; ``row_in_words`` when none does (the item's values are missing, and the finding says what was
    printed in place of ``row_absent``). Before, such a line was skipped as a label without numbers and nothing
    said so (or only ``row_absent``)."""
    out = []
    templates = {item: labels()["items"][item] for item in measures}
    for item, line, printed in words_for_numbers(lines, "item_labels", templates):
        row = read_from.get(item)
        if row is not None and line in {ln for _, ln, _, _ in row.label_cells} | {s.line for s in row.slots}:
            continue
        out.append(make("row_duplicate_unreadable" if row is not None else "row_in_words", table="2",
                        row=labels()["items"][item], line=line, actual=printed, expected=len(measures[item])))
    return out


def _spaced_split(resolved: Resolved, texts: dict[int, str], units: list[str]) -> str | None:
    """The two numbers of a layout text's row of counts set one space apart where its other numbers stand two
    spaces or more apart (``splitting.narrow_pair``), as printed (``1 2``); None for any other row. OCR cuts a
    number beside a blank cell so (``行政规范性文件    1 2         7`` for 12 | blank | 7, read 1 | 2 | 7 with no
    finding before). Table 二 has no total to prove the pieces one number: the row is unsure, never read by guess.

    ``texts``: the section's lines by number, built once a table (built for each row, n rows took n² steps).

    >>> from .resolve import Resolved
    >>> row = Resolved(values=(1, 2, 7), lines=(5, 5, 5))
    >>> _spaced_split(row, {5: "行政规范性文件    1 2         7"}, ["count"] * 3)
    '1 2'
    >>> _spaced_split(row, {5: "行政规范性文件 1 2 7"}, ["count"] * 3) is None  # every gap one space
    True
    """
    values = resolved.values
    if not values or len(values) < 2 or len(set(resolved.lines)) != 1 or any(u != "count" for u in units) \
            or not all(isinstance(v, int) for v in values):
        return None
    text = fold(texts.get(resolved.lines[0], ""))
    if "\t" in text or "|" in text or (at := narrow_pair(text, len(values))) is None:
        return None
    return f"{values[at]} {values[at + 1]}"


def _lines_above(lines: list[tuple[int, str]]):
    """A function of a line's number giving the lines a header is looked for in (``table2_columns.header_above``:
    the ``LOOK_BACK`` lines before it) and the line itself, found by bisection when the lines are in order (each
    row's look through all of them made a section of n rows n² steps: 3,000 rows of PDF text, 1 CPU s); all the
    lines when they are not in order (the same header found either way).

    >>> above = _lines_above([(n, str(n)) for n in range(1, 40)])
    >>> [n for n, _ in above(30)] == list(range(30 - LOOK_BACK, 31))
    True
    """
    numbers = [number for number, _ in lines]
    if any(a >= b for a, b in zip(numbers, numbers[1:], strict=False)):
        return lambda line: lines
    return lambda line: lines[max(0, bisect.bisect_left(numbers, line) - LOOK_BACK):bisect.bisect_right(numbers, line)]


_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def _header_notes_only(row: Row, texts: dict[int, str]) -> bool:
    """Whether ``row`` is a sub-table's header whose numbers are its cells' notes: every number on a line naming
    the header's first column (信息内容) and inside brackets there (上一年项目数量(指2019年事项数), 本年增/减(…如-8)).
    Read as a row of numbers under a label no item matches, it was a false ``label_unrecognised`` warning for each
    sub-table (a real city bureau's 2020 report); a header followed by numbers on lines of their own (a row whose
    label was not printed) is no such header.

    >>> from xxgk.cells import Slot
    >>> head = "信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(如-8) | 处理决定数量"
    >>> row = Row(label="信息内容上一年项目数量", label_line=3)
    >>> row.add(Slot("2019", 3, True))
    >>> _header_notes_only(row, {3: head}), _header_notes_only(row, {3: "信息内容 | 上一年项目数量 | 2019"})
    (True, False)
    """
    lines = {slot.line for slot in row.filled_slots}
    return bool(lines) and "信息内容" in row.label and all(
        "信息内容" in compact(texts.get(line, "")) and not re.search(r"\d", _BRACKETED.sub("", texts.get(line, "")))
        for line in lines)


def _whole_at(row: Row, cells: int, k: int) -> int | None:
    """Where ``row``'s ``k`` values begin when it prints them all, side by side, among ``cells`` cells on one line."""
    slots = row.slots
    filled = [i for i, slot in enumerate(slots) if not slot.empty]
    if len(slots) != cells or len(filled) != k or filled[-1] - filled[0] != k - 1:
        return None
    return filled[0]


_ARTICLE_IN_LABEL = "第二十条第("


def _from_article(row: Row) -> Row:
    """``row`` with its label begun at the last 第二十条第（…）项 it holds: what stands before the table's article line
    is no part of a row's name. A table printed a cell a line under a sentence naming items (本局未对外公开发布规章、
    行政规范性文件、行政处罚、行政强制等内容: a real statistics bureau's page) had its first row's label run up over the
    header into the sentence, read as naming 行政强制 last: the 规章 row's cells were lost, and 规章 said absent.

    >>> _from_article(Row(label="本局未发布规章、行政强制。第二十条第(一)项信息内容规章")).label
    '第二十条第(一)项信息内容规章'
    >>> _from_article(Row(label="行政许可第二十条第(六)项信息内容本年处理决定数量")).label
    '行政许可第二十条第(六)项信息内容本年处理决定数量'
    """
    at = max(row.label.rfind(_ARTICLE_IN_LABEL), row.label.rfind("第二十条第（"))
    if at <= 0 or not label_matches(row.label[at:], "item_labels", outside_notes=True):
        return row  # (nothing after the article names an item: the row's own name is before it — a row's label
        # joined with the next part's article line, 行政许可第二十条第(六)项信息内容…, keeps it)
    cells = [(start - at, line, text, cell) for start, line, text, cell in row.label_cells if start >= at]
    return replace(row, label=row.label[at:], label_cells=cells)


def _lines_to_active(lines: list[tuple[int, str]], overview: str,
                     year: int | None = None) -> tuple[str | None, list[Fact], list[Finding]]:
    """``region_to_active`` read the usual way: each row's label, then its numbers."""
    findings: list[Finding] = []
    named_formats = _formats_named("\n".join(text for _, text in lines))
    fmt = next(iter(named_formats)) if len(named_formats) == 1 else None  # (detect_format's)
    mixed = len(named_formats) == 2  # both templates' headers: a row may stand under the other's (a transition year)
    if fmt is None:
        fmt = "2021"
        findings.append(make("format_unknown", table="2", expected=fmt))
    measures = item_measures(fmt)
    seen: dict[str, list[Fact]] = {}
    read_from: dict[str, Row] = {}  # the row each item's numbers were read from
    stated: dict | None = None  # read from the overview only when a row needs it
    printed = _join_wrapped_labels(region_to_rows(lines, None), measures)
    rows = [_from_article(row) for row in printed]
    # (a sentence's rows are told by the words after their numbers, the next row's label as printed: 件，具体如下：
    # before a 第二十条 line says the count before it is the sentence's)
    said = prose_rows(printed, lines)
    prose = {id(row) for row, was in zip(rows, printed, strict=True) if id(was) in said}
    in_table, plain = set(), set()
    running, unused = running_text(rows, lines), []  # numbers of running text that name no item: one finding
    texts, above = dict(lines), _lines_above(lines)  # (once a table: built for each row, n rows took n² steps)
    # a sentence's number is the item's only where the section tells table 二 as prose: where it prints the table
    # (a row of it, its header's words, a 第二十条第（…）项 line), 本年行政处罚处理决定数量39件 is no row of it, even
    # when the table's own row is not in the text (a page cut short; before, the sentence's 39 was published)
    table_printed = bool(named_formats) or any(_ARTICLE_LINE.match(compact(text)) for _, text in lines)
    for row in rows:
        if row.filled_slots and id(row) not in prose:
            named = [c for c in label_matches(row.label, "item_labels", outside_notes=True)[-1:] if c in measures]
            in_table.update(named)
            plain.update(c for c in named if not _sub_row(row.label, c))
            table_printed = table_printed or bool(named and _label_ends_at_item(row.label, named[0])
                                                  and not running(row))
    for row in rows:
        if not row.filled_slots:
            continue
        matches = [c for c in label_matches(row.label, "item_labels", outside_notes=True) if c in measures]
        if id(row) in prose and matches and matches[-1] in in_table:
            continue  # a sentence's number (本年度作出行政许可236件，…) where the table prints the row
        if matches and ((matches[-1] in plain and _sub_row(row.label, matches[-1]))
                        or _part_only(row.label, matches[-1])):
            findings.append(make("label_unrecognised", table="2", actual=row.label[:40], line=row.line))
            continue  # 其中：行政许可（承诺制） 300 under 行政许可 1563 is a part of it, not the row again
        if not matches or not _label_ends_at_item(row.label, matches[-1]) or (
                id(row) in prose and (row.label_line != row.filled_slots[0].line or table_printed)) or (
                _not_the_items_count(row, matches[-1], year)):
            # (a sentence counts what it names itself: 其中自然人23件。 printed under a label 行政事业性收费
            # standing alone on its line is no fee of 23)
            if running(row):
                unused.append(row.line)
            elif not _header_notes_only(row, texts):
                findings.append(make("label_unrecognised", table="2", actual=row.label[:40], line=row.line))
            continue
        item = matches[-1]
        stacked = _stacked_items(row, matches, seen, texts)
        if stacked:  # (which item the numbers are, the text does not say; table 二 has no identity to prove it)
            findings.append(make("rows_unaligned", table="2", row="、".join(labels()["items"][i] for i in stacked),
                                 actual=len(stacked), expected=_number_groups(row, len(measures[item])),
                                 line=row.line))
            seen.update({i: [Fact(TABLE, (i, m), None, row.line, None) for m in measures[i]] for i in stacked})
            continue
        where = {"table": "2", "row": labels()["items"][item]}
        names = measures[item]
        # (above the row's first number, not its label's first line: a label running from the group's line over
        # the header's lines, no number between them, holds the header it would look for)
        first = row.filled_slots[0].line
        if mixed and item not in seen and _other_format_header(above(first), first, fmt, names):
            findings.append(make("row_other_format", expected=fmt, line=row.line, **where))
            seen[item] = [Fact(TABLE, (item, m), None, row.line, None) for m in names]
            continue
        columns = [measure_label(item, m) for m in names]
        slots = stray_cells(row, name_end(row.label, "item_labels", item), labels()["items"][item]) + row.slots
        if len(slots) == len(row.slots):
            mark_as_first_cell(row, len(names))  # 规章 | ⑤ | 1 | 0: ⑤ is the row's first cell (unreadable)
            slots = row.slots
        if len(starts := edge_windows(slots, len(names))) > 1:
            # a value blank at an end between padding at both ends (规章 | | 1 | 2 | | |): which empty cell is the
            # blank one, the rows of as many measures printed whole on as many cells tell, or nothing does (table 二
            # has no identity): the row is missing; before, its end padding was dropped first and every number
            # published one column right of its own (规章's 制发 blank, 废止 the 制发's), value_blank (info) only
            told = {at for other in rows if other is not row
                    and (at := _whole_at(other, len(slots), len(names))) is not None}
            if len(told) != 1 or not told <= set(starts):
                findings.append(make("row_lost_cells", expected=len(names), actual=row.filled, line=row.line,
                                     detail="（两端都有空格，哪一格是空白的数无法确定）", **where))
                seen[item] = [Fact(TABLE, (item, m), None, row.line, None) for m in names]
                continue
            slots = slots[min(told):min(told) + len(names)]
        trimmed = trim_slots(slots, len(names))
        # more cells than measures, or the measures' columns in another order (现行有效 | 制发 | 废止)
        named = named_slots(above(trimmed[0].line), trimmed, names) if trimmed and len(trimmed) > len(names) or (
            1 < len(names) == len(trimmed)) else None
        if named is not None and named[0] == trimmed:
            named = None  # the template's columns in the template's order
        elif named is None and 1 < len(names) == len(trimmed) and (
                header := header_contradicts(above(trimmed[0].line), trimmed, names)):
            findings.append(make("columns_order_unsure", detail=f"表头为“{header}”，与模板的列顺序不同且无法逐列对应",
                                 line=row.line, **where))
            seen[item] = [Fact(TABLE, (item, m), None, row.line, None) for m in names]
            continue
        if named is not None:  # 上年制发件数 | 本年制发件数 | …: this year's columns, by the header's names
            findings.append(make("columns_selected", actual=len(slots), expected=" | ".join(columns),
                                 detail=named[1], line=row.line, **where))
            slots = named[0]
        units = [_units()[m] for m in names]
        if "10k_yuan" in units and _unit_not_wanyuan(lines, slots[0].line if slots else row.line):
            units = ["other_unit" if u == "10k_yuan" else u for u in units]
        resolved = resolve_row(slots, units, columns, where, lambda v: True)
        if split := _spaced_split(resolved, texts, units):  # (no total proves the pieces: the row is missing)
            resolved = Resolved(findings=[*resolved.findings, make("value_split", actual=split, line=row.line,
                                                                   **where)])
        if item in seen:  # printed again: alike is a duplicate, different is a conflict
            findings += _void_repeat(seen[item], resolved, columns, where, row.line) or [
                make("row_duplicate", table="2", row=labels()["items"][item], line=row.line)]
            continue
        unproven = _cut_by_counting_only(resolved)
        findings += [f for f in resolved.findings if not (unproven and f.code == "cells_recovered")]
        how = "label" if resolved.values else None
        if resolved.ambiguous or unproven:
            resolved.values, how = None, None
            stated = stated_counts(overview, TABLE) if stated is None else stated
            cut = only_agreeing_cut(resolved.candidates, [(item, m) for m in names], stated)
            if cut is None:
                finding = ambiguous_finding(resolved, where)
                if unproven:  # the other reading is no cut: a cell the extraction lost
                    finding = replace(finding, expected=f"{finding.expected}；或有单元格缺失")
                findings.append(finding)
            else:
                resolved.values, how = cut, "narrative"
                findings.append(make("cells_cut_by_narrative", actual=resolved.glued,
                                     expected=" ".join(map(str, cut)), line=row.line, **where))
        seen[item] = [Fact(TABLE, (item, m), resolved.values[i] if resolved.values else None,
                           resolved.lines[i] if resolved.lines else row.line, how) for i, m in enumerate(names)]
        read_from[item] = row
    in_words = _printed_with_words(lines, read_from, measures)
    findings += [f for f in in_words if f.code == "row_duplicate_unreadable"]
    findings += prose_numbers_unused("2", unused)
    words: dict[str, Finding] = {}  # the first line printing an item with words only: the item said once
    for finding in in_words:
        if finding.code == "row_in_words":
            words.setdefault(finding.row, finding)
    if not seen:
        return None, [], findings + list(words.values()) + [make("table_absent", table="2")]
    facts = []
    blank = printed_blank(lines, "item_labels", {item: labels()["items"][item] for item in measures})
    for item, names in measures.items():
        if item not in seen:
            where = {"table": "2", "row": labels()["items"][item]}
            findings.append(words.get(where["row"]) or blank_or_absent(  # (a row printed, its cells blank)
                where, [measure_label(item, m) for m in names], blank.get(item)))
            seen[item] = [Fact(TABLE, (item, m), None, None, None) for m in names]
        facts += seen[item]
    return fmt, facts, findings
