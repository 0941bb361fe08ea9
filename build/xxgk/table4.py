"""Table 4 (行政复议、行政诉讼): 15 numbers, three proceedings × five outcomes, in the template's order or in the
order its header rows print (``table4_columns``: 复议后起诉 first, 总计 first …).

The header is all text, so the values are the first row of numbers in the region; digits
that ran together are cut where each group of five then satisfies total = the other four.
"""

from __future__ import annotations

import re

from .catalog import labels, outcome_codes, patterns, proceeding_codes
from .cells import Row, prose_rows, region_to_rows, running_text, stray_cells, trim_slots
from .findings import Finding, make, prose_numbers_unused
from .narrative import stated_none
from .record import Fact
from .resolve import Resolved, ambiguous_finding, resolve_row, void_conflicts
from .splitting import apart_in_columns, group_totals_hold, is_digit_run, narrow_pair, spaced_split
from .table4_columns import Order, header_order, header_unsure, order_names, outcomes_printed, totals_only_order
from .table4_copies import copies_apart, whole_copy
from .table4_sums import without_sum_group
from .text import compact, fold
from .values import read_cell

TABLE = "review_litigation"


def _columns() -> list[tuple[str, str]]:
    return [(p, o) for p in proceeding_codes() for o in outcome_codes()]


def _stated_none(lines: list[tuple[int, str]]) -> str:
    """``table_absent``'s words for a section 四 saying no review and no lawsuit happened instead of printing the
    table (本年度未发生政府信息公开行政复议和行政诉讼: its cells missing, not 0), else nothing."""
    text = "\n".join(line for _, line in lines)
    said = stated_none(text, "lawsuits_none") or stated_none(text, "reviews_none")
    return f"（报告称“{said}”，未印表格：各格记为缺失，不是0）" if said else ""


def region_to_review_litigation(lines: list[tuple[int, str]]) -> tuple[list[Fact], list[Finding]]:
    """``(facts, findings)`` of table 4; no facts (and a table_absent finding) without numbers."""
    columns = _columns()
    rows = region_to_rows(lines, len(columns))
    prose, running = prose_rows(rows), running_text(rows, lines)
    rows = [r for r in rows if r.filled_slots]
    if not rows:
        return [], [make("table_absent", table="4", detail=_stated_none(lines))]
    if any(id(r) not in prose for r in rows):  # a sentence before the table (本年度发生行政复议4件，…) is not it
        rows = [r for r in rows if id(r) not in prose]
    rows = copies_apart(rows, len(columns))  # (printed again right under itself: a row a copy)
    rows = _litigation_halves(rows, lines)
    rows, findings = _without_litigation_subtotal(rows)
    if (unsure := _wrapped_unsure(rows, lines) or _totals_first_unsaid(rows, lines)) is not None:
        return [Fact(TABLE, key, None, rows[0].line, None) for key in columns], findings + [unsure]
    if (partial := _some_proceedings(rows, lines)) is not None:
        return partial[0], findings + partial[1]
    check = group_totals_hold(len(outcome_codes()))
    rows[0] = _rejoin_split_tables(rows, len(columns), check)
    stray, rows = _before_the_table(rows, len(columns))
    findings += [make("stray_values", table="4", actual=" ".join(s.text for s in r.filled_slots), line=r.line)
                 for r in stray if not running(r)]
    findings += prose_numbers_unused("4", [r.line for r in stray if running(r)])  # a paragraph's numbers
    where = {"table": "4", "row": "行政复议、行政诉讼"}
    names = [f"{labels()['proceedings'][p]}·{labels()['outcomes'][o]}" for p, o in columns]
    # a text cell before the numbers on their line (abc | 0 | … | 9) is a cell: never the label, which
    # moved every value one column to the left when the row had a cell too many at its end
    slots = _without_grand_total(stray_cells(rows[0], None, "") + rows[0].slots, len(columns))
    first_line = min((s.line for s in slots), default=rows[0].line)
    header = [text for number, text in lines if number < first_line]
    slots = without_sum_group(slots, header)  # (a fourth group, 合计, summing the lawsuits or all three)
    if len(rows) == 1 and (totals := _totals_only(slots, [*header, rows[0].label], first_line)) is not None:
        # (one row only: a table 四 turned round prints 结果维持 | 3 | 1 | 0 first, outcomes as its rows)
        return totals[0], findings + totals[1]
    order = header_order(header)
    if order is not None:
        slots, said = _in_template_order(slots, order, check)
        findings += said
        if slots is None:
            return [Fact(TABLE, key, None, rows[0].line, None) for key in columns], findings
    resolved = resolve_row(slots, ["count"] * len(columns), names, where, check, prefix_ok=check, proves=True)
    resolved = _whole_in_columns(resolved, lines, where)
    lost = [f for f in resolved.findings if f.code == "row_lost_cells"]
    if lost and resolved.values is None and (many := _cells_too_many(rows, len(columns))):
        resolved.findings = [make("row_extra_cells", expected=len(columns), actual=many, line=lost[0].line, **where)
                             if f is lost[0] else f for f in resolved.findings]
    findings += resolved.findings
    for again in rows[1:]:  # the table printed again (a draft and a final copy): a full row of 15 cells
        if whole_copy(again, len(columns)):  # (of a table's cells, or PDF text's numbers: table4_copies)
            copy = resolve_row(again.slots, ["count"] * len(columns), names, where, check)
            findings += void_conflicts(resolved, copy, names, where, again.line)
    if resolved.ambiguous:
        findings.append(ambiguous_finding(resolved, where))
    split = _spaced_split(resolved, lines, len(columns))
    findings += split[1]
    facts = [Fact(TABLE, key, resolved.values[i] if resolved.values and i not in split[0] else None,
                  resolved.lines[i] if resolved.lines else rows[0].line,
                  "position" if resolved.values and i not in split[0] else None)
             for i, key in enumerate(columns)]
    return facts, findings


# a row of table 四 that sums its two lawsuits' rows: 行政诉讼 | 1 | 0 | 1 | 0 | 2 above (or below) 未经复议直接起诉 and
# 复议后起诉, labelled 行政诉讼 alone or with 合计/小计/总计 — no proceeding of the template (before: between the
# labelled rows it split them, and all fifteen cells were missing with row_lost_cells)
_LITIGATION_SUBTOTAL = re.compile(r"(?:其中[:：]?)?(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.])?"
                                  r"行政诉讼(?:合计|小计|总计|汇总|情况)?[:：]?")


def _wrapped_unsure(rows: list[Row], lines: list[tuple[int, str]]) -> Finding | None:
    """``columns_order_unsure`` when the header above table 四's numbers is a PDF's text whose wrapped names do not
    tell the columns' order (``table4_columns.header_unsure``): every value is missing, none published under an
    outcome or a lawsuit it may not be. None otherwise."""
    first = min((s.line for row in rows for s in row.filled_slots), default=None)
    if first is None or not header_unsure([text for number, text in lines if number < first]):
        return None
    return make("columns_order_unsure", table="4", line=first,
                detail="表头的栏名在PDF文本中折行，拼合方式不止一种，各栏顺序无法确认")


def _totals_first_unsaid(rows: list[Row], lines: list[tuple[int, str]]) -> Finding | None:
    """``columns_order_unsure`` when table 四's numbers (one row of fifteen, or rows of five) are printed under no
    header saying their order, and each proceeding's total holds only with 总计 first (``2 1 1 0 0``: 2 = 1 + 1 + 0
    + 0, never 0 = 2 + 1 + 1 + 0) — as table 三's rows are (``table3_columns``). Before: read in the template's
    order, 2 published as 结果维持 and 0 as 总计, and identity_broken (an error, the agency's) blamed the report;
    or, rows of five, all fifteen missing with row_lost_cells. None otherwise (a group of zeros holds either way)."""
    group = len(outcome_codes())
    cells = [s for row in rows for s in row.filled_slots]
    if not cells or len(cells) % group or len(cells) > group * len(proceeding_codes()) \
            or any(len(row.filled_slots) % group for row in rows):
        return None
    first = min(s.line for s in cells)
    header = [text for number, text in lines if number < first]
    if header_order(header) is not None or ((named := outcomes_printed(header)) and named[0] != "total"):
        return None  # (a header printing the outcomes, 总计 last as the template's: the order is said, not guessed)
    values = tuple(read_cell(s.text)[0] for s in cells)
    check = group_totals_hold(group)
    moved = tuple(v for at in range(0, len(values), group) for v in (*values[at + 1:at + group], values[at]))
    if not all(isinstance(v, int) for v in values) or check(values) or not check(moved):
        return None
    return make("columns_order_unsure", table="4", line=first,
                detail="表头没有印出各栏的顺序，各类的总计只在总计列在前时成立")


def _litigation_halves(rows: list[Row], lines: list[tuple[int, str]]) -> list[Row]:
    """``rows`` with a row labelled 行政诉讼 alone that prints both lawsuits' ten cells (行政诉讼 | 1 | 0 | 0 | 0 | 1 |
    0 | 0 | 0 | 1 | 1, beside 行政复议 | 2 | 1 | 0 | 0 | 3) as the two rows it is, 未经复议直接起诉 then 复议后起诉 —
    the template's order, which the header does not contradict (it names 复议后起诉 first: unchanged) — when each
    five's total holds (else unchanged). Before, the row was taken for the lawsuits' subtotal: its ten numbers
    ``stray_values``, both lawsuits missing (``row_absent``).

    >>> from .cells import region_to_rows
    >>> lines = [(1, "行政复议 2 1 0 0 3"), (2, "行政诉讼 1 0 0 0 1 0 0 0 1 1")]
    >>> [r.label for r in _litigation_halves([r for r in region_to_rows(lines, 15) if r.filled_slots], lines)]
    ['行政复议', '未经复议直接起诉', '复议后起诉']
    """
    group, check = len(outcome_codes()), group_totals_hold(len(outcome_codes()))
    header = fold("".join(text for _, text in lines))
    direct, after = header.find("未经复议"), header.find("复议后起诉")
    if 0 <= after < direct or header.count("未经复议") > 1:
        return rows  # (the header names the lawsuits in another order, or more than once: not guessed)
    out = []
    for row in rows:
        cells = trim_slots(list(row.slots), 2 * group)
        values = tuple(read_cell(s.text)[0] for s in cells)
        if _LITIGATION_SUBTOTAL.fullmatch(compact(row.label or "")) and not proceedings_named(row.label or "") \
                and len(cells) == 2 * group and not any(s.empty for s in cells) \
                and check(values[:group]) and check(values[group:]):
            out += [Row(labels()["proceedings"][code].split("·")[-1], row.label_line, row.label_structured,
                        part, len(part))
                    for code, part in (("litigation_direct", cells[:group]),
                                       ("litigation_after_review", cells[group:]))]
        else:
            out.append(row)
    return out


def _without_litigation_subtotal(rows: list[Row]) -> tuple[list[Row], list[Finding]]:
    """``rows`` without a row printing the lawsuits' subtotal (``_LITIGATION_SUBTOTAL``) beside rows labelled by
    a proceeding; and the findings of that row: none when each of its five cells is the sum of the two lawsuits'
    rows' (the table's own subtotal, checked); else ``stray_values`` quoting its numbers, which are no template
    cell (a 行政诉讼 row printed instead of the two: neither is guessed, each is missing with row_absent). ``(rows,
    [])`` unchanged when no such row is printed among rows labelled by a proceeding.

    >>> from .cells import region_to_rows
    >>> lines = [(1, "行政复议 2 1 0 0 3"), (2, "行政诉讼 1 0 1 0 2"), (3, "未经复议直接起诉 1 0 0 0 1"),
    ...          (4, "复议后起诉 0 0 1 0 1")]
    >>> rows, said = _without_litigation_subtotal([r for r in region_to_rows(lines, 15) if r.filled_slots])
    >>> [r.label for r in rows], said
    (['行政复议', '未经复议直接起诉', '复议后起诉'], [])
    """
    group = len(outcome_codes())
    subtotals = [r for r in rows if _LITIGATION_SUBTOTAL.fullmatch(compact(r.label or ""))]
    labelled = {tuple(proceedings_named(r.label or "")): r for r in rows}
    if len(subtotals) != 1 or not any(len(named) == 1 for named in labelled):
        return rows, []
    subtotal = subtotals[0]
    numbers = [read_cell(s.text)[0] for s in trim_slots(list(subtotal.slots), group)]
    parts = [[read_cell(s.text)[0] for s in trim_slots(list(labelled[(p,)].slots), group)]
             if (p,) in labelled else None for p in ("litigation_direct", "litigation_after_review")]
    holds = len(numbers) == group and all(p is not None and len(p) == group for p in parts) and all(
        isinstance(n, int) and isinstance(a, int) and isinstance(b, int) and n == a + b
        for n, a, b in zip(numbers, *parts, strict=True))
    said = [] if holds else [make("stray_values", table="4", line=subtotal.line,
                                  actual=" ".join(s.text for s in subtotal.filled_slots))]
    return [r for r in rows if r is not subtotal], said


def _some_proceedings(rows: list[Row], lines: list[tuple[int, str]]) -> tuple[list[Fact], list[Finding]] | None:
    """``(facts, findings)`` of a table 四 printed as a row of five a proceeding, each labelled by its proceeding
    (行政复议 | 2 | 1 | 0 | 0 | 3, 复议后起诉 | 0 | 0 | 1 | 0 | 1), one or two of the three rows not printed: each
    printed row is read under the proceeding its label names, a row not printed is missing with ``row_absent``.
    Before: the rows' ten numbers were one row of fifteen cells short, and all fifteen were missing with
    ``row_lost_cells``. A header printing the outcomes in another order (总计 first) places each row's five under
    the outcomes it names, all three rows printed or not (``columns_reordered``; before, the rows' totals failed in
    the template's order and all fifteen were missing with ``columns_order_unsure``). None unless every row of
    numbers is such a row (five whole cells, a label naming one proceeding, no two the same), and, when the header
    orders the outcomes, each row's total holds in its order.

    >>> from .cells import region_to_rows
    >>> lines = [(1, "结果维持 结果纠正 其他结果 尚未审结 总计"), (2, "行政复议 2 1 0 0 3"),
    ...          (3, "复议后起诉 0 0 1 0 1")]
    >>> facts, said = _some_proceedings([r for r in region_to_rows(lines, 15) if r.filled_slots], lines)
    >>> [f.value for f in facts][::5], [(f.code, f.row) for f in said]
    ([2, None, 0], [('row_absent', '行政诉讼·未经复议直接起诉')])
    """
    group, order = len(outcome_codes()), proceeding_codes()
    if not 0 < len(rows) <= len(order):
        return None
    placed: dict[str, Row] = {}
    for row in rows:
        named = proceedings_named(row.label)
        cells = trim_slots(list(row.slots), group)
        if len(named) != 1 or named[0] in placed or len(cells) != group or any(s.empty for s in cells) \
                or not all(s.structured or read_cell(s.text)[1] is None for s in cells):
            return None
        placed[named[0]] = row
    first = min(s.line for row in rows for s in row.slots)
    columns = header_order([text for number, text in lines if number < first])
    outcomes = _outcome_order(columns, group)
    if (columns is None and len(rows) == len(order)) or (columns is not None and outcomes is None):
        return None  # (all three in the template's order: the whole table's reading; a header ordering more)
    facts: list[Fact] = []
    findings: list[Finding] = []
    if outcomes is not None:
        check = group_totals_hold(group)
        for code, row in placed.items():
            cells = trim_slots(list(row.slots), group)
            values = tuple(read_cell(cells[outcomes.index(i)].text)[0] for i in range(group))
            if not check(values):
                return None
            placed[code] = Row(row.label, row.label_line, row.label_structured,
                               [cells[outcomes.index(i)] for i in range(group)])
        findings.append(make("columns_reordered", table="4", line=first, detail=order_names(columns)))
    for code in order:
        name = labels()["proceedings"][code]
        keys = [(code, o) for o in outcome_codes()]
        if code not in placed:
            facts += [Fact(TABLE, key, None, None, None) for key in keys]
            findings.append(make("row_absent", table="4", row=name))
            continue
        row = placed[code]
        names = [f"{name}·{labels()['outcomes'][o]}" for o in outcome_codes()]
        resolved = resolve_row(row.slots, ["count"] * group, names, {"table": "4", "row": name},
                               group_totals_hold(group))
        findings += resolved.findings
        facts += [Fact(TABLE, key, resolved.values[i] if resolved.values else None,
                       resolved.lines[i] if resolved.lines else row.line, "label" if resolved.values else None)
                  for i, key in enumerate(keys)]
    return facts, findings


def _outcome_order(columns: Order | None, group: int) -> tuple[int, ...] | None:
    """The outcome each printed column of a proceeding's five is, when the header's order (``columns``) orders the
    outcomes alike in every proceeding and keeps the proceedings where they are; else None.

    >>> _outcome_order((4, 0, 1, 2, 3, 9, 5, 6, 7, 8, 14, 10, 11, 12, 13), 5), _outcome_order(None, 5)
    ((4, 0, 1, 2, 3), None)
    """
    if columns is None:
        return None
    first = tuple(columns[:group])
    if sorted(first) != list(range(group)) or any(
            columns[g + j] != g + first[j] for g in range(0, len(columns), group) for j in range(group)):
        return None
    return first


def _totals_only(slots: list, header: list[str], line: int) -> tuple[list[Fact], list[Finding]] | None:
    """``(facts, table_totals_only finding)`` of a table 四 printing only each proceeding's 总计: three numbers
    under a header naming the three proceedings in a said order and no other outcome (``totals_only_order``;
    the header's lines and the row's label, the table's only row).
    Each total is published under the proceeding its column names, the twelve outcome cells missing — the report
    did not print them. Before: ``row_lost_cells`` (3 numbers for 15 cells) and all fifteen missing, the printed
    totals lost. None for any other row (the usual reading goes on).

    >>> from .cells import Slot
    >>> header = ["行政复议 行政诉讼", "复议后起诉 未经复议直接起诉", "总计 总计 总计"]
    >>> facts, said = _totals_only([Slot(t, 4, True) for t in "2 1 0".split()], header, 4)
    >>> [(f.keys, f.value) for f in facts if f.value is not None], said[0].code
    ([(('review', 'total'), 2), (('litigation_direct', 'total'), 0), (('litigation_after_review', 'total'), 1)], \
'table_totals_only')
    >>> _totals_only([Slot(t, 4, True) for t in "2 1".split()], header, 4) is None
    True
    """
    cells = [s for s in slots if not s.empty]
    values = [read_cell(s.text)[0] for s in cells]
    if len(cells) != len(proceeding_codes()) or not all(isinstance(v, int) for v in values):
        return None
    order = totals_only_order(header)
    if order is None:
        return None
    total = outcome_codes()[-1]
    printed = {(p, total): (v, s.line) for p, v, s in zip(order, values, cells, strict=True)}
    facts = [Fact(TABLE, key, printed[key][0], printed[key][1], "label") if key in printed
             else Fact(TABLE, key, None, line, None) for key in _columns()]
    names = "、".join(labels()["proceedings"][p] for p in order)
    return facts, [make("table_totals_only", table="4", line=line, actual=" ".join(s.text for s in cells),
                        detail=names)]


def _whole_in_columns(resolved: Resolved, lines: list[tuple[int, str]], where: dict) -> Resolved:
    """``resolved`` missing with ``row_lost_cells`` when its numbers were cut into more cells on a layout text's line
    printed in columns (``splitting.apart_in_columns``: a blank cell lost as spaces, never digits run together);
    else ``resolved``. Before, ``0          0     0    11     0 …`` (行政复议 0 | blank | 0 | 0 | 11, its total the
    report's error) was cut 0 0 0 1 1 and 1 published as the total, with no finding at all."""
    pieces = resolved.glued.split(" ") if resolved.glued else []
    text = fold(dict(lines).get(resolved.lines[0], "")) if resolved.lines else ""
    if not pieces or "\t" in text or "|" in text or not apart_in_columns(text, len(pieces)):
        return resolved
    kept = [f for f in resolved.findings if f.code != "cells_recovered"]
    return Resolved(findings=[*kept, make("row_lost_cells", expected=len(resolved.lines), actual=len(pieces),
                                          line=resolved.lines[0], **where)])


def _spaced_split(resolved, lines: list[tuple[int, str]], width: int) -> tuple[set[int], list[Finding]]:
    """``(cells made missing, value_split finding)`` of a layout text's row where two numbers stand one space apart
    inside one proceeding's five cells, whose total fails as read and holds with them joined
    (``splitting.spaced_split``: OCR's ``1 2`` for 12 beside a blank cell; before: 1 and 2 were published as 维持
    and 纠正, with only identity_broken). Which of the five is blank cannot be told: that proceeding's cells are
    missing; the other proceedings' cells stand where they are printed."""
    if not resolved.values or len(set(resolved.lines)) != 1 or not all(isinstance(v, int) for v in resolved.values):
        return set(), []
    text = fold(dict(lines).get(resolved.lines[0], ""))
    size = len(outcome_codes())
    if "\t" in text or "|" in text or not (pair := spaced_split(text, width, size)):
        return set(), []
    at = narrow_pair(text, width) or 0  # (spaced_split found it: never None here)
    start = at - at % size
    name = labels()["proceedings"][proceeding_codes()[start // size]]
    return set(range(start, start + size)), [make("value_split", table="4", row=name, actual=pair,
                                                  line=resolved.lines[0])]


def _in_template_order(slots: list, order: Order, check) -> tuple[list | None, list[Finding]]:
    """``(slots in the template's order, findings)`` of a row whose header prints another order (``order``,
    ``table4_columns.header_order``): its fifteen whole cells (a table's, or fifteen numbers of PDF text) moved
    under the columns the header names (``columns_reordered``). The printed slots, as they are, when the header's
    order breaks the group totals that hold as printed (``columns_header_contradicted``: the header is not the
    numbers'). None when the row is not fifteen whole cells (ran-together digits cannot be cut by a header's
    order): every value is missing (``columns_order_unsure``), never read by position under columns the header
    says they are not.

    >>> from .cells import Slot
    >>> from .splitting import group_totals_hold
    >>> order = tuple(range(5)) + tuple(range(10, 15)) + tuple(range(5, 10))
    >>> row = [Slot(t, 9, True) for t in "1 0 0 0 1 2 0 0 0 2 3 0 0 0 3".split()]
    >>> [s.text for s in _in_template_order(row, order, group_totals_hold(5))[0]][::5]
    ['1', '3', '2']
    """
    width = len(order)
    cells = trim_slots(list(slots), width)
    line = next((s.line for s in slots if not s.empty), None)
    # (PDF text's loose numbers, fifteen of them, are fifteen whole cells — read so in the template's order too;
    # before, its header's order was refused for them and all fifteen were missing)
    if len(cells) != width or not all(s.structured or read_cell(s.text)[1] in (None, "blank") for s in cells):
        return None, [make("columns_order_unsure", table="4", line=line,
                           detail=f"表头的列顺序为“{order_names(order)}”，而这一行不是{width}个完整的数")]
    placed = [cells[order.index(column)] for column in range(width)]
    values = [read_cell(s.text)[0] for s in placed]
    if not check(tuple(values)) and check(tuple(read_cell(s.text)[0] for s in cells)):
        return slots, [make("columns_header_contradicted", table="4", line=line, expected=order_names(order),
                            actual=order_names(tuple(range(width))))]
    if not check(tuple(values)) and _total_elsewhere(values):
        return None, [make("columns_order_unsure", table="4", line=line,
                           detail=f"表头的列顺序读作“{order_names(order)}”，但各类的总计只在另一列时成立")]
    return placed, [make("columns_reordered", table="4", line=line, detail=order_names(order))]


def _total_elsewhere(values: list) -> bool:
    """Whether, in every proceeding's five values (the template's order), one same column other than 总计 is the sum
    of the other four — and not every value is 0: the header's order, under which 总计 is not the sum, put the
    numbers under the wrong outcomes (a PDF text's wrapped names read into an order the page does not print). Before,
    they were published so, and identity_broken blamed the agency for the parser's misreading.

    >>> _total_elsewhere([5, 1, 1, 3, 0] + [0] * 5 + [2, 1, 0, 1, 0])  # (总计 printed first, read as 结果维持)
    True
    >>> _total_elsewhere([1, 1, 0, 3, 5] + [0] * 5 + [2, 1, 0, 1, 4])  # (the agency's own sums broken)
    False
    """
    group = len(outcome_codes())
    if not all(isinstance(v, int) for v in values) or not any(values):
        return False
    groups = [values[at:at + group] for at in range(0, len(values), group)]
    return any(all(g[p] * 2 == sum(g) for g in groups) for p in range(group - 1))


def _without_grand_total(slots: list, width: int) -> list:
    """``slots`` without a last cell that sums the three proceedings' totals (a 合计 column after the template's
    fifteen: the row had a cell too many and all fifteen were lost); kept when the sums do not prove it.

    >>> from .cells import Slot
    >>> row = [Slot(t, 9, True) for t in "0 1 0 0 1 4 1 1 1 7 3 2 1 0 6 14".split()]
    >>> len(_without_grand_total(row, 15)), len(_without_grand_total(row[:15] + [Slot("13", 9, True)], 15))
    (15, 16)
    """
    cells = trim_slots(list(slots), width)
    if len(cells) != width + 1 or not all(s.structured for s in cells):
        return slots
    read = [read_cell(s.text)[0] for s in cells]
    group = len(outcome_codes())
    totals = read[group - 1:width:group]
    holds = group_totals_hold(group)
    if all(isinstance(v, int) for v in [*totals, read[-1]]) and sum(totals) == read[-1] and holds(tuple(read[:-1])) \
            and (read[1:] == read[:-1] or not holds(tuple(read[1:]))):
        # (each proceeding's total its outcomes' sum: the cells are in place; and not as well with the first cell
        # dropped instead — a stray number before the row — unless both readings are the same)
        return cells[:-1]
    return slots


def _before_the_table(rows: list[Row], width: int) -> tuple[list[Row], list[Row]]:
    """``(stray rows, rows from the table on)``: a few numbers before the first row of all ``width``
    cells (a page number, a date's digits, a note's count) are not its first cells when they cannot be
    cells of it: fewer than a group of five, loose, and the row after them whole by itself. Before, the
    first row of numbers was the table, and a page's number ``3`` above it lost all fifteen cells.

    >>> from .cells import region_to_rows
    >>> rows = region_to_rows([(1, "结果维持 总计"), (2, "3"), (3, "某某局2023年报告"), (4, " ".join("0" * 15))], 15)
    >>> [len(r.slots) for r in _before_the_table([r for r in rows if r.filled_slots], 15)[1]]
    [15]
    """
    whole = next((i for i, r in enumerate(rows) if len(trim_slots(list(r.slots), width)) == width), None)
    if not whole or any(len(r.filled_slots) >= len(outcome_codes()) or any(s.structured for s in r.slots)
                        for r in rows[:whole]):
        return [], rows
    return rows[:whole], rows[whole:]


def _rejoin_split_tables(rows: list[Row], width: int, check) -> Row:
    """The row of 15 cells again when it was printed in pieces: table 4 as three small tables
    (行政复议 | 未经复议直接起诉 | 复议后起诉, five cells each), as three labelled rows of five (in any
    order), or split across pages. Pieces whose labels each name a different proceeding are placed by
    their labels; otherwise they are joined in printed order (empty padding cells before the first value
    dropped), and refused when a label names only another proceeding than its place (行政诉讼 printed
    above 行政复议 is not read as 行政复议). Kept only when they make exactly 15 cells, whole cells (of a
    tab/pipe row, or five space-separated numbers to a piece) and every group's total is printed and holds."""
    pieces = _pieces(rows, width)
    if pieces is None:
        return rows[0]
    group = len(outcome_codes())
    joined = _pieces_in_place(pieces, group)
    if joined is None or len(joined) != width or not all(
            s.structured or (piece and len(piece) % group == 0) for _, piece in pieces for s in piece):
        return rows[0]
    values = [read_cell(s.text)[0] for s in joined]
    if not check(tuple(values)) or any(v is None for v in values[group - 1::group]):
        return rows[0]
    return Row(rows[0].label, rows[0].label_line, rows[0].label_structured, joined)


def _pieces(rows: list[Row], width: int) -> list[tuple[str, list]] | None:
    """``(label, cells)`` of the rows from the first on until they make ``width`` cells or more (the first row's
    line of empty padding cells dropped); None when the first row is whole by itself or alone."""
    first = list(rows[0].slots)
    lead = next((i for i, slot in enumerate(first) if not slot.empty), len(first))
    if lead and len({s.line for s in first[:lead]}) == 1 and not any(
            s.line == first[0].line for s in first[lead:]):  # a line of empty cells only: layout padding
        first = first[lead:]
    if len(trim_slots(first, width)) >= width or len(rows) < 2:
        return None
    pieces = [(rows[0].label, first)]
    total = len(first)
    for row in rows[1:]:
        if total >= width:
            break
        piece = trim_slots(list(row.slots), width - total)
        pieces.append((row.label, piece))
        total += len(piece)
    return pieces


def _cells_too_many(rows: list[Row], width: int) -> int | None:
    """How many cells the table has when it was printed in pieces (``_rejoin_split_tables``) that make more than
    ``width`` cells, each piece at least a group's whole cells (a number each: of a tab/pipe row, or apart by
    spaces) and in its place (``_pieces_in_place``); else None. Before, such a table (行政复议 | 3 | 1 | 9 | 0 | 1 | 5
    and the two other pieces whole) said ``row_lost_cells`` with the first piece's count: a cell too many is not
    a cell lost."""
    pieces = _pieces(rows, width)
    group = len(outcome_codes())
    if pieces is None or any(len(piece) < group for _, piece in pieces):
        return None
    joined = _pieces_in_place(pieces, group)
    if joined is None or len(joined) <= width or not all(s.structured or is_digit_run(s.text) for s in joined):
        return None
    return len(joined)


def _pieces_in_place(pieces: list[tuple[str, list]], group: int) -> list | None:
    """The pieces' cells in the proceedings' order: by their labels when each of ``group`` cells names
    a different proceeding (the last one its label names: a header above the first row may name
    others), else as printed; None when a label names proceedings but not the one of its place.

    >>> cells = lambda n: [n] * 5
    >>> _pieces_in_place([("行政诉讼(复议后起诉)", cells(3)), ("行政复议", cells(1)),
    ...                   ("未经复议直接起诉", cells(2))], 5)[::5]
    [1, 2, 3]
    >>> _pieces_in_place([("行政诉讼(未经复议直接起诉)", cells(2)), ("", cells(1)), ("", cells(3))], 5) is None
    True
    """
    order = proceeding_codes()
    named = [proceedings_named(label) for label, _ in pieces]
    last = [n[-1] if n else None for n in named]
    if len(pieces) == len(order) and all(len(piece) == group for _, piece in pieces) and sorted(
            filter(None, last), key=order.index) == list(order):
        return [s for code in order for s in pieces[last.index(code)][1]]
    place = 0
    for names, (_, piece) in zip(named, pieces, strict=True):
        printed = {order[i] for i in range(place // group, min(len(order), -(-(place + len(piece)) // group)))}
        if names and not printed & set(names):
            return None
        place += len(piece)
    return [s for _, piece in pieces for s in piece]


def proceedings_named(label: str) -> list[str]:
    """The proceedings a label names (``rules/proceeding_labels.csv``), ordered by where each is last named.

    >>> proceedings_named("项目结果维持结果纠正其他结果尚未审结总计行政复议")
    ['review']
    >>> proceedings_named("行政诉讼(复议后起诉)"), proceedings_named("行政诉讼未经复议直接起诉")
    (['litigation_after_review'], ['litigation_direct'])
    """
    ends = []
    for code, pattern in patterns("proceeding_labels"):
        found = [m.end() for m in pattern.finditer(label)]
        if found:
            ends.append((found[-1], code))
    return [code for _, code in sorted(ends)]
