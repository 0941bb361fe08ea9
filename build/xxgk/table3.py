"""Table 3 (收到和处理政府信息公开申请情况): rows × 7 applicant columns, in either format.

Steps, each a pure function of the previous:

1. ``region_to_rows`` groups the region's tokens into (label, slots) rows;
2. ``rows_to_assignments`` names each row by its label's last alias; labels printed without
   numbers and numbers printed without labels (PDF extractions that detach them) are kept
   as *orphans*;
3. orphans are paired in order when there are as many labels as value rows (a detached label
   no alias recognises is named by the template's row sequence to make the counts agree);
4. rows whose label no alias recognises are placed in the gap of the template's sequence the
   recognised rows around them leave (``alignment``);
5. every row is resolved (digit runs cut by the row-total identity), and rows whose digits
   still split several ways are settled jointly by the column identities;
6. a pairing, a placement or a cut is kept only when the identities then hold (a placement: and
   pin each placed value); otherwise it is missing. ``placed_by`` on each fact says which step
   placed its row: label, label_similarity or position.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .alignment import align_gaps, is_proven, label_pieces, last_marker, template_markers
from .catalog import applicant_codes, labels, row_codes, rows
from .cells import (
    _COUNT_IN_WORDS,
    Row,
    blank_or_absent,
    labels_after_values,
    numbers_lead,
    printed_blank,
    prose_rows,
    region_to_rows,
    running_text,
    stray_cells,
    words_for_numbers,
)
from .findings import Finding, make, prose_numbers_unused
from .identities import broken_identities
from .label_column import labels_then_values
from .labels import label_matches, name_end
from .memo import parser_memo
from .narrative import stated_none
from .record import Fact
from .resolve import Resolved, ambiguous_finding, resolve_row, void_conflicts
from .row_windows import possible_total, told_window
from .splitting import apart_in_columns, row_total_holds, spaced_split
from .table3_by_columns import by_columns
from .table3_columns import (
    STANDARD,
    WIDTH,
    Order,
    by_position,
    cell_where,
    column_order,
    drop_org_subtotals,
    in_template_order,
    natural_person_last,
    order_findings,
    orgs_unsure,
    totals_order,
    void_orgs,
    void_persons_and_orgs,
    widen_group_subtotals,
    widen_without_total,
)
from .table3_extra_columns import select as select_this_years
from .table3_subtotals import subtotal_group, subtotal_holds
from .text import compact, fold
from .values import PROSE_UNITS, read_cell

TABLE = "applications"
_HAN = re.compile(r"[\u3400-\u9fff]")  # a Chinese character
GROUP_HEADINGS = {"other"}  # (六)其他处理 heads the 2021 rows 1–3; it is the 2019 row only when it carries values
MAX_COMBINATIONS = 50_000
_PINNING = frozenset({"applications_balance", "applications_processed_sum"})  # identities over rows
_ROW_MARKERS = template_markers(row_codes("2021"), labels()["rows"]) | template_markers(row_codes("2019"),
                                                                                     labels()["rows"])
ONLY_2021 = {r["code"] for r in rows() if r["formats"] == ["2021"]}  # (六) split into three rows


@dataclass
class Assignments:
    inline: list[tuple[str, Row]] = field(default_factory=list)
    orphan_labels: list[tuple[str, int | None]] = field(default_factory=list)
    orphan_values: list[Row] = field(default_factory=list)
    stray: list[Row] = field(default_factory=list)
    unrecognised: list[Row] = field(default_factory=list)
    # every detached label in printed order, cut at row numberings: (code or None, line, text)
    orphan_pieces: list[tuple[str | None, int | None, str]] = field(default_factory=list)

    def add_orphan_text(self, label: str, line: int | None, own: str | None = None) -> None:
        """Record the labels of ``label``; ``own`` is the code of the row the text labels (not an orphan)."""
        entries: list[tuple[str | None, int | None, str]] = []
        for piece in label_pieces(label):
            codes = [c for c in label_matches(piece, "row_labels") if c not in GROUP_HEADINGS]
            entries += [(c, line, piece) for c in codes] or [(None, line, piece)]
        if own is not None:
            entries = entries[:max((i for i, (c, _, _) in enumerate(entries) if c == own), default=0)]
        self.orphan_pieces += entries


def _is_detached(row: Row) -> bool:
    """Label from loose text lines, numbers from a separate line of cells (PDF text + table fragments)."""
    return bool(row.label and not row.label_structured and (filled := row.filled_slots)
                and all(s.structured for s in filled))


def _is_stacked(row: Row, named: list[str]) -> bool:
    """Labels of several rows on lines of their own, then a line of numbers alone: a conversion that printed a
    column of labels above a run of numbers (``| （一）予以公开 |`` … ``| （七）总计 |`` then ``| | 1288 | 21 | …``).
    The numbers are the first label's as much as the last's: the labels are paired with the run in order
    (before: the last label took the first number row, a wrong 总计 published). So in a PDF's text
    layer, labels and numbers loose text both: ``5.属于三类内部事务信`` / ``息`` / ``1.本机关不掌握相关政`` /
    ``府信息`` over ``1 0 0 0 0 0 1`` (the first label's; the second's printed further down without a label) —
    before session 48 the last label took the line, 本机关不掌握相关政府信息's 4 published as 1 with no finding;
    now the labels are paired with the number lines only where the identities prove it, else missing
    (``rows_unaligned``). A label's wrapped words and its numbers below them (one row named), and a label column
    printed apart with every row's numbers after it (many lines of numbers), are read as before."""
    if len(named) < 2 or not row.filled_slots or any(s.structured != row.label_structured for s in row.filled_slots):
        return False
    if not row.label_structured and len(row.filled_slots) > WIDTH:
        return False  # (a text layer's label column printed apart, every row's numbers after it: read in order)
    label_lines = {line for _, line, _, _ in row.label_cells}
    return len(label_lines) > 1 and min(s.line for s in row.slots) > max(label_lines)


def _is_loose_fragment(row: Row) -> bool:
    """A few loose single digits that cannot be a row (e.g. a page number between fragments)."""
    return bool(row.filled_slots) and not any(s.structured for s in row.slots) and (
        len(row.filled_slots) < WIDTH and not any(len(s.text) > 1 for s in row.filled_slots))


def _label_fragments(stray: list, row: Row, padded: bool) -> bool:
    """Whether a row's text cells between its label's name and its numbers (``stray_cells``) are words of a label,
    not value cells: words (a Chinese character in each) beside a row that holds the table's ``WIDTH`` cells
    without them, in a table no row of which has cells past its width (``padded``: a layout's empty column, Word's
    ghost cell at a row's end). A PDF table printed without rules gives such a row: its label wrapped over the lines
    above and below its numbers, a character of the vertical 三、本年度办理结果 or a neighbour's wrapped label (``本``,
    ``法提供``) stands alone on the numbers' line, written left of them. Taken for a value cell, the row had a cell
    too many, its last (blank) cell was dropped as padding, and every number was published one column right of its
    own (3 as （二）部分公开's 商业企业). Only cells of a line of cells, and never a count in words (``五件``, ``三``:
    a value cell that cannot be read, round 3), which stays a cell.

    >>> from xxgk.cells import Slot
    >>> row = Row(slots=[Slot("3", 1, True)] + [Slot("", 1, True)] * 6)
    >>> _label_fragments([Slot("本", 1, True)], row, False), _label_fragments([Slot("本", 1, True)], row, True)
    (True, False)
    >>> _label_fragments([Slot("abc", 1, True)], row, False), _label_fragments([Slot("本", 1, True)], Row(), False)
    (False, False)
    >>> _label_fragments([Slot("五件", 1, True)], row, False), _label_fragments([Slot("本", 1, False)], row, False)
    (False, False)
    """
    return bool(stray) and not padded and len(row.slots) >= WIDTH and all(
        s.structured and _HAN.search(s.text) and not _COUNT_IN_WORDS.match(compact(s.text)) for s in stray)


def _heads_its_numbers(row: Row, matches: tuple[str, ...]) -> bool:
    """Whether a group heading printed alone on its line (（六）其他处理) is the label of the numbers on the line
    right below it: 2019's single row, its label merged over two rows of a Word or web table with the numbers in
    the bottom one. Its 2021 rows follow that heading with their own labels; taken for the heading, the numbers
    were dropped with nothing saying so (session 55). It is then a label detached from its numbers, paired with
    them in print order as any other.

    >>> from xxgk.cells import Slot
    >>> numbers = [Slot(v, 8, True) for v in "2000013"]
    >>> _heads_its_numbers(Row(label="（六）其他处理", label_line=7, slots=numbers), ("other",))
    True
    >>> _heads_its_numbers(Row(label="（六）其他处理", label_line=6, slots=numbers), ("other",))  # a line between
    False
    """
    return (matches == ("other",) and row.label_line is not None and len(row.filled_slots) >= WIDTH
            and min(s.line for s in row.slots) == row.label_line + 1)


@parser_memo(1 << 14)
def _own_label_unrecognised(label: str) -> bool:
    """The label's last numbered part names a row no alias recognises (the parts before it are labels
    detached from their own numbers). A group heading is recognised: ``…已获取信息（六）其他处理 | 1 0 …`` (a
    wrapped label's tail printed below its numbers, then 2019's single row) is the row 其他处理 (before: it was
    unrecognised, and the report read as 2021 with its three 其他处理 rows absent)."""
    pieces = label_pieces(label)
    return len(pieces) > 1 and last_marker(pieces[-1]) in _ROW_MARKERS and not label_matches(pieces[-1],
                                                                                            "row_labels")


def rows_to_assignments(rows: list[Row]) -> Assignments:
    """Name rows by their labels; collect detached labels and values (see module docstring)."""
    out = Assignments()
    mixed = any(_is_detached(r) or (not r.label and r.filled_slots) for r in rows)
    for row in rows:
        matches = label_matches(row.label, "row_labels")
        named = [c for c in matches if c not in GROUP_HEADINGS or _heads_its_numbers(row, matches)]
        if _is_detached(row) or _is_stacked(row, named):
            out.orphan_labels += [(c, row.label_line) for c in named]
            out.add_orphan_text(row.label, row.label_line)
            out.orphan_values.append(row)
        elif mixed and _is_loose_fragment(row):
            out.orphan_labels += [(c, row.label_line) for c in named]
            out.add_orphan_text(row.label, row.label_line)
            out.stray.append(row)
        elif not row.filled_slots and len(row.slots) < WIDTH:  # a label printed without numbers
            out.orphan_labels += [(c, row.label_line) for c in named]
            out.add_orphan_text(row.label, row.label_line)
        elif not matches:
            if row.filled_slots:
                (out.unrecognised if row.label else out.orphan_values).append(row)
        elif _own_label_unrecognised(row.label):  # "…2.其他法律行政法规禁止公开1.属于秘密 | 0 | …"
            out.orphan_labels += [(c, row.label_line) for c in named]
            out.add_orphan_text("".join(label_pieces(row.label)[:-1]), row.label_line)
            out.unrecognised.append(row)
        else:
            out.orphan_labels += [(c, row.label_line) for c in matches[:-1] if c not in GROUP_HEADINGS]
            if len(matches) > 1:
                out.add_orphan_text(row.label, row.label_line, own=matches[-1])
            out.inline.append((matches[-1], row))
    return out


def _split_row_holds(slots: list) -> bool:
    """Two pieces of a row split by a page break are one row only if its total then holds."""
    values = [read_cell(s.text)[0] for s in slots]
    return all(isinstance(v, int) for v in values) and row_total_holds(tuple(values))


def _column_names() -> list[str]:
    return [labels()["applicants"][a] for a in applicant_codes()]


def _resolve(row: Row, code: str, order: Order = STANDARD) -> Resolved:
    """The row's cells in the template's column order, read from ``order`` (the printed one); a row ``short_of``
    its table's width is missing, with a finding."""
    if row.short_of:
        numbers = len([s for s in row.slots if not s.empty])
        detail = "（本表另有“小计”列）" if row.short_of == WIDTH + 1 else (
            "（本表另印了上年等各栏，哪几格是本年的无法确定）")  # (table3_extra_columns: two periods side by side)
        return Resolved(findings=[make("row_lost_cells", expected=row.short_of, actual=numbers,
                                       line=row.slots[0].line, detail=detail, **cell_where(code))])
    slots = told_window(row.slots, WIDTH, possible_total if order == STANDARD else (
        lambda values: possible_total(in_template_order(values, order))))
    if slots == []:  # (padded at both ends, a value blank at one: which, the row's total does not tell either)
        return Resolved(findings=[make("row_lost_cells", expected=WIDTH, actual=row.filled, line=row.slots[0].line,
                                       detail="（两端都有空格，哪一格是空白的数无法确定）", **cell_where(code))])
    slots = slots or row.slots
    if order == STANDARD:
        return resolve_row(slots, ["count"] * WIDTH, _column_names(), cell_where(code), row_total_holds,
                           proves=True)
    names = _column_names()
    r = resolve_row(slots, ["count"] * WIDTH, [names[i] for i in order], cell_where(code),
                    lambda values: row_total_holds(in_template_order(values, order)), proves=True)
    return Resolved(in_template_order(r.values, order) if r.values else r.values,
                    in_template_order(r.lines, order) if r.lines else r.lines,
                    [in_template_order(c, order) for c in r.candidates], r.findings, r.glued)


def _detect_format(codes: set[str], lines: list[tuple[int, str]] = (), total_line: int | None = None) -> str:
    """``2021`` when a row only its template has is read; ``2019`` when its single row 其他处理 is, or is printed
    blank (``_blank_other_row``); else ``2021``."""
    if codes & ONLY_2021:
        return "2021"
    return "2019" if "other" in codes or _blank_other_row(lines, total_line) else "2021"


def _blank_other_row(lines: list[tuple[int, str]], total_line: int | None) -> bool:
    """（六）其他处理 alone on the line right before the one of （七）总计's numbers: 2019's single row printed blank
    (上海市人民政府办公厅 2019), not 2021's heading, which its three rows follow. Before, such a table (a blank row
    has no cells in an unruled PDF) was read as the 2021 template: a report on 2019 with formats 2021 and
    row_absent warnings for three rows its template has not."""
    if total_line is None:
        return False
    printed = [(number, text) for number, text in lines if text.strip()]
    return any(after == total_line and label_matches(text, "row_labels") == ("other",)
               for (_, text), (after, _) in itertools.pairwise(printed))


def _cell_values(resolved: dict[str, Resolved]) -> dict[tuple[str, str], object]:
    """``{(row, applicant): value}`` of the rows resolved so far."""
    return {(code, a): v for code, r in resolved.items() if r.values
            for a, v in zip(applicant_codes(), r.values, strict=True)}


def _settle(resolved: dict[str, Resolved], fmt: str) -> list[Finding]:
    """Choose among the digit cuts of ambiguous rows with the column identities."""
    ambiguous = [c for c, r in resolved.items() if r.ambiguous]
    if not ambiguous:
        return []
    fixed = _cell_values(resolved)
    choices = [resolved[c].candidates for c in ambiguous]
    total = 1
    for options in choices:
        total *= len(options)
    survivors: list[tuple] = []
    if total <= MAX_COMBINATIONS:
        for combo in itertools.product(*choices):
            trial = dict(fixed)
            for code, values in zip(ambiguous, combo, strict=True):
                trial.update({(code, a): v for a, v in zip(applicant_codes(), values, strict=True)})
            if not broken_identities(TABLE, fmt, trial):
                survivors.append(combo)
    findings = []
    for index, code in enumerate(ambiguous):
        options = {combo[index] for combo in survivors}
        if len(options) == 1:
            values = options.pop()
            resolved[code].values = values
            resolved[code].findings.append(make("cells_recovered", actual=resolved[code].glued,
                                                expected=" ".join(map(str, values)),
                                                line=resolved[code].lines[0], **cell_where(code)))
        else:
            findings.append(ambiguous_finding(resolved[code], cell_where(code)))
    return findings


def _pair_orphans(found: Assignments, taken: set[str]) -> tuple[dict[str, Row], list[Finding], dict[str, str]]:
    """Detached labels paired in order with the value rows printed apart from them.

    Returns ``(paired rows, findings, aligned)``: ``aligned`` names the labels no alias recognised
    that were placed by the template's sequence (``alignment.align_gaps``) to make the counts equal;
    the caller keeps them only when the identities prove them."""
    labels_left = []
    for code, line in found.orphan_labels:
        if code not in taken and code not in [c for c, _ in labels_left]:
            labels_left.append((code, line))
    complete = [r for r in found.orphan_values if len(r.filled_slots) >= WIDTH or len(r.slots) >= WIDTH]
    if not labels_left or not complete:
        return {}, [], {}
    unaligned = [make("rows_unaligned", table="3", actual=len(labels_left), expected=len(complete),
                      line=labels_left[0][1])]
    if len(labels_left) != len(complete):
        named, aligned = _align_orphan_labels(found, taken)
        if len(named) == len(complete):
            paired = dict(zip(named, complete, strict=True))
            return (paired, [], aligned) if _in_print_order(paired, found.inline) else ({}, unaligned, {})
        return {}, unaligned, {}
    paired = {code: row for (code, _), row in zip(labels_left, complete, strict=True)}
    return (paired, [], {}) if _in_print_order(paired, found.inline) else ({}, unaligned, {})


def _in_print_order(paired: dict[str, Row], inline: list[tuple[str, Row]]) -> bool:
    """Whether each number row paired with a detached label is printed where its row stands among the rows read by
    their labels: after every one of them the template puts before it, before every one it puts after. A number
    row printed below a later row is that later row's (or another's whose label was lost), never this label's.
    Before, a wrapped label left 8.属于行政查询事项 detached, （七）总计's label was lost fifteen rows further down, and
    the two were paired one to one (rows_realigned): 总计's numbers published as 行政查询事项's, the identities
    unchecked with 总计 missing (session 50's sweep, two perturbations at once). A row whose code is read on two
    lines witnesses nothing."""
    order = {code: i for i, code in enumerate(row_codes("2021"))}
    order.setdefault("other", order["other_no_correction"])  # (2019's one 其他处理 row)
    once = Counter(code for code, _ in inline)  # (a code read twice, a label garbled into another's: no witness)
    placed = [(order[code], row.line) for code, row in inline
              if code in order and row.line is not None and once[code] == 1]
    for code, row in paired.items():
        at, line = order.get(code), row.line
        if at is not None and line is not None and any(
                (q > at and printed < line) or (q < at and printed > line) for q, printed in placed):
            return False
    return True


def _align_orphan_labels(found: Assignments, taken: set[str]) -> tuple[list[str], dict[str, str]]:
    """Detached labels in printed order with unrecognised ones named by the template, when they can be."""
    known = [c for c, _, _ in found.orphan_pieces if c]
    fmt = _detect_format(set(taken) | set(known))
    template, names = row_codes(fmt), labels()["rows"]
    markers = template_markers(template, names)
    sequence, seen = [], set()
    for index, (code, _, piece) in enumerate(found.orphan_pieces):
        if code is None and last_marker(piece) in markers:
            sequence.append((index, None, piece))
        elif code and code not in taken and code not in seen and code in template:
            sequence.append((index, code, piece))
            seen.add(code)
    if all(code for _, code, _ in sequence):
        return [], {}
    placed = {p.row_index: p for gap in align_gaps(sequence, template, names, frozenset(taken)) for p in gap}
    named = [code or placed[i].code for i, code, _ in sequence if code or i in placed]
    return named, {placed[i].code: placed[i].placed_by for i in placed}


# a realigned reading with one of these still lost a row or a cell's place: the table as printed stands
_NOT_REALIGNED = frozenset({"row_absent", "row_lost_cells", "row_extra_cells", "label_unrecognised"})


def region_to_applications(lines: list[tuple[int, str]]) -> tuple[str | None, list[Fact], list[Finding]]:
    """``(format, facts, findings)`` of table 3 from its region's lines; no facts when absent.

    When every row's numbers are printed above its label (``cells.labels_after_values``), the table read
    the usual way breaks its identities (each row holds the numbers of the row above): it is read with the
    labels first, and kept so only when every identity then holds (``rows_realigned``). When most lines print a
    row's numbers before its label (``cells.numbers_lead``), the label-first reading gives each row the next row's
    numbers whether or not an identity shows it: the table is read numbers-first when that reading holds, else no
    number is kept (``rows_order_unsure``)."""
    fmt, facts, findings = _lines_to_applications(lines)
    broken = _breaks(fmt, facts)
    # numbers before their labels on most lines: read label-first, each row took the next row's numbers (and the
    # last label none: a table read whole whose identities hold is not looked at again)
    lead = (broken or any(f.value is None for f in facts)) and numbers_lead(lines)
    swapped = labels_after_values(lines) if broken or lead else None
    if swapped:
        other = _lines_to_applications(swapped)
        if other[0] and any(f.value is not None for f in other[1]) and not _breaks(other[0], other[1]):
            names = "、".join(labels()["rows"][c] for c in row_codes(other[0])[:2]) + "…"
            return other[0], other[1], other[2] + [make("rows_realigned", table="3", row=names,
                                                         line=swapped[0][0] if swapped else None)]
    apart = labels_then_values(lines, WIDTH) if broken or any(f.value is None for f in facts) else None
    if apart:  # (every label first, then every row's numbers: the label column extracted as a block of its own)
        other = _lines_to_applications(apart)
        if other[0] and any(f.value is not None for f in other[1]) and not _breaks(other[0], other[1]) and not any(
                f.code in _NOT_REALIGNED for f in other[2]):
            names = "、".join(labels()["rows"][c] for c in row_codes(other[0])[:2]) + "…"
            return other[0], other[1], other[2] + [make("rows_realigned", table="3", row=names, line=apart[0][0])]
    if (broken or any(f.value is None for f in facts)) and (read := _read_by_columns(lines)):
        return read  # (every label first, then the numbers column by column: all 自然人's, then 商业企业's …)
    if lead:  # (even when no identity can tell: a row lost a cell, the last label took no numbers)
        line = next((f.line for f in facts if f.value is not None), None)
        facts = [replace(f, value=None, placed_by=None) for f in facts]
        findings = [*findings, make("rows_order_unsure", table="3", line=line)]
    return fmt, facts, findings


def _read_by_columns(lines: list[tuple[int, str]]) -> tuple[str, list[Fact], list[Finding]] | None:
    """Table 三 printed column by column (``table3_by_columns``) read back in rows: kept when no row is lost or
    unplaced and — the layout parting the columns — every row total holds (the columns' places proven; a column's
    sum the report got wrong stays its ``identity_broken``), or — only the count parting them — every identity
    holds in exactly one reading of the numbers (by columns or by rows). None otherwise: the table as printed stands
    (row_extra_cells, row_absent)."""
    held = []
    for reading in by_columns(lines, WIDTH):
        fmt, facts, findings = _lines_to_applications(reading.lines, reading.cell_lines)
        if not fmt or not any(f.value is not None for f in facts) or any(f.code in _NOT_REALIGNED for f in findings):
            continue
        broken = broken_identities(TABLE, fmt, {f.keys: f.value for f in facts})
        if broken if not reading.sure else any(b.identity == "applications_row_total" for b in broken):
            continue
        held.append((reading, fmt, facts, findings))
    if len({tuple(f.value for f in facts) for _, _, facts, _ in held}) != 1:
        return None
    reading, fmt, facts, findings = held[0]
    first = min(line for lines_of in reading.cell_lines.values() for line in lines_of)
    return fmt, facts, findings + [make("table_by_columns", table="3", detail=reading.how, line=first,
                                        actual=len(reading.cell_lines))]


def _absent_detail(lines: list[tuple[int, str]], any_rows: bool) -> str:
    """What ``table_absent`` adds: the words saying no request came, where the report says so instead of printing
    the table (本年度未收到政府信息公开申请: its cells missing, not 0 — only a printed 0 is 0), or that only the
    header is printed (an applicant's name stands in the section), else nothing. Before, a section of one such
    sentence was told "只有表头，没有数据行", a header the file does not have."""
    said = stated_none("\n".join(text for _, text in lines), "applications_none")
    if said:
        return f"（报告称“{said}”，未印表格：各格记为缺失，不是0）"
    names = labels()["applicants"].values()
    header = any(name in compact(text) for _, text in lines for name in names)
    return "（只有表头，没有数据行）" if any_rows and header else ""


def _join_blank_tails(rows: list[Row]) -> list[Row]:
    """``rows`` with a label's tail printed on the next line in a row of blank cells joined to its head: a table's
    label wrapped past its numbers (``5.要求行政机关 | 0 | 0 | …`` then ``确认或重新出具已获取信息 | | | …``, a PDF
    table exported to cells). Only when the head's row has numbers and names no row, the tail's line is the next
    one and all its cells are blank, the head begins the item its numbering names and the tail has none (an
    unnumbered 其中 row above a row left blank is no head), and the joined label names that item. Before: the tail
    was read as the row, its seven cells blank (value_blank, as if the report printed none), and the numbers were
    lost with label_unrecognised."""
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        if above is not None and row.slots and not row.filled_slots and row.label and above.filled_slots \
                and all(s.structured for s in row.slots) and row.label_line == max(s.line for s in above.slots) + 1 \
                and not label_matches(above.label, "row_labels") \
                and len(joined := label_matches(above.label + row.label, "row_labels")) == 1 \
                and joined == label_matches(row.label, "row_labels") and last_marker(row.label) is None \
                and last_marker(above.label) == last_marker(labels()["rows"][joined[0]]) is not None:
            above.label_cells += [(len(above.label) + at, ln, cell, structured)
                                  for at, ln, cell, structured in row.label_cells]
            above.label += row.label
            continue
        out.append(row)
    return out


def _breaks(fmt: str | None, facts: list[Fact]) -> bool:
    return bool(fmt) and bool(broken_identities(TABLE, fmt, {f.keys: f.value for f in facts}))


def _lines_to_applications(lines: list[tuple[int, str]], cell_lines: dict[int, tuple[int, ...]] | None = None,
                           ) -> tuple[str | None, list[Fact], list[Finding]]:
    """``region_to_applications`` read the usual way: each row's label, then its numbers; ``cell_lines`` (a table
    written back in rows, ``table3_by_columns``): a row's line → the line each of its cells is printed on."""
    table_rows = _join_blank_tails(region_to_rows(lines, WIDTH, _split_row_holds))
    selected = select_this_years(lines, table_rows)  # (上年同期, 同比增减, 备注 after 总计; 本年 | 上年 side by side)
    drop_org_subtotals(lines, table_rows)  # (a 小计 column after the five organisations': the template's seven)
    no_total = widen_without_total(lines, table_rows)  # (no 总计 column: the totals blank, never summed)
    subtotals = widen_group_subtotals(lines, table_rows)
    found = rows_to_assignments(table_rows)
    group_rows = [(group, row) for row in found.unrecognised if (group := subtotal_group(row.label))]
    grouped = {id(row) for _, row in group_rows}  # (by identity, each row looked up once: a row tested against
    # every other made a table of 20,000 rows take minutes — hostile round 13)
    found.unrecognised = [row for row in found.unrecognised if id(row) not in grouped]
    padded = any(len(row.slots) > WIDTH for _, row in found.inline)  # (rows with cells past the table's width)
    for code, row in found.inline:  # a text cell between the label and the numbers is a value cell
        stray = stray_cells(row, name_end(row.label, "row_labels", code), labels()["rows"][code])
        if not _label_fragments(stray, row, padded):
            row.slots[:0] = stray
        row.filled = len(row.filled_slots)
    named = _without_prose(found.inline, prose_rows(table_rows, lines) | _counted_rows(table_rows, lines))
    kept = {id(row) for _, row in named}
    quoted = [row.filled_slots[0].line for code, row in found.inline if id(row) not in kept]
    found.inline = named  # (a sentence's or a note's quotation of a row the table prints: told once, below)
    running = running_text(table_rows, lines)  # a paragraph's numbers that fit no row: one finding, not one each
    prose = quoted + [row.slots[0].line for row in found.stray if running(row)]
    found.stray = [row for row in found.stray if not running(row)]
    findings: list[Finding] = list(selected)
    chosen: dict[str, Row] = {}
    repeats: list[tuple[str, Row]] = []
    for code, row in found.inline:
        if code in chosen:
            repeats.append((code, row))
            continue
        chosen[code] = row
    paired, pair_findings, aligned = _pair_orphans(found, set(chosen))
    uneven = [f for f in pair_findings if f.code == "rows_unaligned" and f.actual != f.expected]
    findings += [f for f in pair_findings if f not in uneven]
    chosen.update(paired)
    for row in found.stray:
        findings.append(make("stray_values", table="3", actual=" ".join(s.text for s in row.filled_slots),
                             line=row.slots[0].line))
    if not chosen:
        findings += [make("label_unrecognised", table="3", actual=row.label[:40], line=row.line)
                     for row in found.unrecognised if not running(row)]
        findings += prose_numbers_unused("3", sorted(prose + [r.line for r in found.unrecognised if running(r)]))
        detail = _absent_detail(lines, bool(table_rows))
        words = _first_per_row(_printed_with_words(lines, {}, set()))  # rows printed with words only
        return None, [], findings + list(words.values()) + [make("table_absent", table="3", detail=detail)]
    for row in chosen.values():  # (each cell traces to the line it is printed on)
        if cell_lines and row.slots and len(at := cell_lines.get(row.slots[0].line, ())) == len(row.slots):
            for slot, line in zip(row.slots, at, strict=True):
                slot.line = line
    total = chosen.get("total_processed")
    fmt = _detect_format(set(chosen), lines, total.slots[0].line if total is not None and total.slots else None)
    order, named = column_order(lines)
    # an unsure header: read by position (``order_findings`` checks it), the five organisations as it names them
    printed = order if order is not None and named else by_position(lines)
    resolved = {code: _resolve(row, code, printed) for code, row in chosen.items() if code in row_codes(fmt)}
    held = totals_order(resolved, printed) if named and order is not None else None
    contradicted = (printed, held) if held is not None else None
    if contradicted:  # a header naming columns the totals deny: set aside, the table read by position
        order, named = STANDARD, False
        if printed != by_position(lines):
            printed = by_position(lines)
            resolved = {code: _resolve(row, code, printed) for code, row in chosen.items() if code in row_codes(fmt)}
    placed_by = {code: aligned.get(code, "position") if code in paired else "label" for code in resolved}
    if uneven:  # more or fewer labels than number rows: paired only when the identities allow one reading
        unique = _pair_uneven(found, resolved, fmt, printed)
        if unique is None:
            findings += uneven
        else:
            adopted, unused = unique
            resolved.update({code: result for code, (result, _) in adopted.items()})
            placed_by.update({code: "position" for code in adopted})
            findings += _uneven_findings(found, adopted, unused)
    for code, row in repeats:  # printed again: alike is a duplicate, different is a conflict
        conflicts = void_conflicts(resolved[code], _resolve(row, code, printed), _column_names(), cell_where(code),
                                   row.line) if code in resolved else []
        findings += conflicts or [make("row_duplicate", line=row.line, **cell_where(code))]
    in_words = _printed_with_words(lines, chosen, set(paired))
    findings += [f for f in in_words if f.code == "row_duplicate_unreadable"]
    placed_rows = _place_unrecognised(table_rows, found, resolved, fmt, printed)
    findings += _settle(resolved, fmt)
    findings += _void_spaced_splits(resolved, lines)
    findings += _void_column_cuts(resolved, lines)
    if paired:
        pairing_findings, kept = _check_pairing(resolved, paired, fmt, aligned)
        findings += pairing_findings
        if not kept:  # the placements were proven with the paired rows' values: void with them
            for code in placed_rows:
                resolved[code] = Resolved(findings=[])
            placed_rows = {}
    for code, (row, how) in placed_rows.items():
        placed_by[code] = how
        findings.append(make("row_placed", table="3", row=labels()["rows"][code], actual=row.label[:40],
                             detail=how, line=row.line))
    findings += order_findings(resolved, order, named, contradicted, printed)
    if natural_person_last(lines) and any(r.values for r in resolved.values()):
        findings += void_persons_and_orgs(resolved)
    elif orgs_unsure(lines) and any(r.values for r in resolved.values()):
        findings += void_orgs(resolved)
    holding = _holding_subtotals(group_rows, chosen, resolved, fmt, printed)
    placed_ids = {id(row) for row, _ in placed_rows.values()}
    findings += [make("label_unrecognised", table="3", actual=row.label[:40], line=row.line)
                 for row in found.unrecognised + [r for _, r in group_rows if id(r) not in holding]
                 if id(row) not in placed_ids and not running(row)]
    findings += prose_numbers_unused("3", sorted(prose + [row.line for row in found.unrecognised
                                                          if id(row) not in placed_ids and running(row)]))
    findings += [make("row_other_format", expected=fmt, line=row.line, **cell_where(code))
                 for code, row in chosen.items() if code not in row_codes(fmt) and code not in placed_rows]
    words = _first_per_row(in_words)
    blank = printed_blank(lines, "row_labels", labels()["rows"])  # (a row printed, its cells blank: not absent)
    findings += [words.get(labels()["rows"][code]) or blank_or_absent(
        cell_where(code), _column_names(), None if code in GROUP_HEADINGS else blank.get(code))
                 for code in row_codes(fmt) if code not in resolved]
    row_findings = [f for r in resolved.values() for f in r.findings]
    if no_total and any(id(row) in no_total for row in chosen.values()):  # one finding, not a blank per row
        total = labels()["applicants"]["total"]
        row_findings = [f for f in row_findings if not (f.code == "value_blank" and f.column == total)]
        first = min(row.slots[0].line for row in chosen.values() if id(row) in no_total)
        findings.append(make("total_column_absent", table="3", line=first))
    if subtotals:  # the five organisation cells the layout has not: one finding, not a blank per row
        widened = {labels()["rows"].get(code, code) for code, row in chosen.items() if id(row) in subtotals}
        row_findings = [f for f in row_findings if not (f.code == "value_blank" and f.row in widened)]
        printed = [f"{labels()['rows'][code]} {subtotals[id(row)]}" for code, row in chosen.items()
                   if id(row) in subtotals and read_cell(subtotals[id(row)])[0] != 0]
        first = min((row.slots[0].line for row in chosen.values() if id(row) in subtotals), default=None)
        findings.append(make("columns_grouped", table="3", actual="；".join(printed) or "各行均为0", line=first))
    return fmt, _facts(resolved, fmt, placed_by), findings + row_findings


def _holding_subtotals(group_rows: list[tuple[str, Row]], chosen: dict[str, Row], resolved: dict[str, Resolved],
                       fmt: str, printed: Order) -> set[int]:
    """The ids of the group subtotal rows (``table3_subtotals``) that equal their sub-rows' sums, quiet; a 2021
    table's （六）其他处理 row that does is taken out of ``chosen`` (a subtotal, no 2019 row printed in it)."""
    read = {code: r.values for code, r in resolved.items()}
    holding = {id(row) for group, row in group_rows
               if subtotal_holds(group, _resolve(row, "total_processed", printed).values, read, fmt)}
    other = chosen.get("other")
    if fmt == "2021" and other is not None and subtotal_group(other.label) == "other" and subtotal_holds(
            "other", _resolve(other, "other", printed).values, read, fmt):
        del chosen["other"]
    return holding


def _pair_uneven(found: Assignments, resolved: dict[str, Resolved], fmt: str,
                 order: Order) -> tuple[dict[str, tuple[Resolved, Row]], list[Row]] | None:
    """Number rows printed apart from labels that do not count as many as they (a label lost in the conversion,
    a number row dropped), paired in order with the template's rows between the rows read by their labels.

    Every order-keeping assignment of the number rows to those rows is tried against the identities; the rows
    are adopted only when exactly one reading of the table is consistent with every identity (a number row
    left out or a row left without numbers makes the sums it is part of unchecked, so such readings stay
    possible and the rows missing). Returns ``({code: (resolved, number row)}, unused number rows)`` or None."""
    template = row_codes(fmt)
    numbers = [r for r in found.orphan_values if len(r.filled_slots) >= WIDTH or len(r.slots) >= WIDTH]
    printed = [template.index(c) for c, _ in found.orphan_labels if c in template and c not in resolved]
    if not numbers or not printed:
        return None
    taken = [template.index(c) for c in resolved if c in template]
    low = max((i for i in taken if i < min(printed)), default=-1)
    high = min((i for i in taken if i > max(printed)), default=len(template))
    targets = [c for c in template[low + 1:high] if c not in resolved]
    if math.comb(max(len(targets), len(numbers)), min(len(targets), len(numbers))) > MAX_COMBINATIONS:
        return None
    reads = [_resolve(row, targets[0], order) for row in numbers]
    if any(r.values is None for r in reads):
        return None
    fixed = _cell_values(resolved)
    readings: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for rows_of, targets_of in _order_keeping(len(numbers), len(targets)):
        trial = dict(fixed)
        for n, t in zip(rows_of, targets_of, strict=True):
            trial.update({(targets[t], a): v for a, v in zip(applicant_codes(), reads[n].values, strict=True)})
        if not broken_identities(TABLE, fmt, trial):
            reading = tuple(reads[rows_of[targets_of.index(t)]].values if t in targets_of else None
                            for t in range(len(targets)))
            readings.setdefault(reading, (rows_of, targets_of))
            if len(readings) > 1:
                return None
    if len(readings) != 1:
        return None
    rows_of, targets_of = next(iter(readings.values()))
    adopted = {targets[t]: (_resolve(numbers[n], targets[t], order), numbers[n])
               for n, t in zip(rows_of, targets_of, strict=True)}
    return adopted, [row for i, row in enumerate(numbers) if i not in rows_of]


def _order_keeping(rows: int, targets: int):
    """``(number rows used, template rows given)`` of every order-keeping pairing of the shorter side whole."""
    if rows >= targets:
        for chosen in itertools.combinations(range(rows), targets):
            yield chosen, tuple(range(targets))
    else:
        for chosen in itertools.combinations(range(targets), rows):
            yield tuple(range(rows)), chosen


def _uneven_findings(found: Assignments, adopted: dict[str, tuple[Resolved, Row]], unused: list[Row]) -> list[Finding]:
    """The pairing said (rows_realigned), each row whose label was not printed (row_placed), each number row
    left over (stray_values)."""
    printed = {c for c, _ in found.orphan_labels}
    names = "、".join(labels()["rows"][c] for c in adopted)
    out = [make("rows_realigned", table="3", row=names, line=next(iter(adopted.values()))[1].line)]
    out += [make("row_placed", table="3", row=labels()["rows"][c], actual="（无标签）", detail="position",
                 line=row.line) for c, (_, row) in adopted.items() if c not in printed]
    out += [make("stray_values", table="3", actual=" ".join(s.text for s in row.filled_slots), line=row.line)
            for row in unused]
    return out


def _printed_with_words(lines: list[tuple[int, str]], chosen: dict[str, Row], paired: set[str]) -> list[Finding]:
    """For each line that prints a row's label with words where its numbers should be (``cells.words_for_numbers``):
    ``row_duplicate_unreadable`` when another line prints the row with numbers (the words are no values, the numbers
    printed are kept, as for a copy that cannot be read, ``resolve.void_conflicts``); ``row_in_words`` when no line
    does (``行政许可 | 若干``, ``（一）予以公开 | 详见附件``: the row's values are missing, and the finding, in place of
    ``row_absent``, says what was printed, unless the row is placed from numbers printed elsewhere). Before, such a
    line was taken for a label printed without numbers and nothing said so (or only ``row_absent``). A row paired
    with numbers printed apart from its label (``_pair_orphans``) is left: its label line may be that very line."""
    out = []
    for code, line, printed in words_for_numbers(lines, "row_labels", labels()["rows"]):
        row = chosen.get(code)
        if code in paired or (row is not None and line in {ln for _, ln, _, _ in row.label_cells} | {
                s.line for s in row.slots}):
            continue
        out.append(make("row_duplicate_unreadable" if row is not None else "row_in_words", line=line,
                        actual=printed, expected=WIDTH, **cell_where(code)))
    return out


def _first_per_row(found: list[Finding]) -> dict[str, Finding]:
    """``{row: the first row_in_words finding of it}``: a row printed with words on several lines, said once."""
    out: dict[str, Finding] = {}
    for finding in found:
        if finding.code == "row_in_words":
            out.setdefault(finding.row, finding)
    return out


def _void_spaced_splits(resolved: dict[str, Resolved], lines: list[tuple[int, str]]) -> list[Finding]:
    """Rows of a layout text whose total fails as read but holds with two numbers set one space apart joined
    (``splitting.spaced_split``: OCR's ``12 3`` for 123 beside a blank cell) made missing, one ``value_split``
    finding each (before: 12 and 3 were published as 自然人 and 商业企业, with only identity_broken)."""
    texts, findings = dict(lines), []
    for code, r in resolved.items():
        if not r.values or len(set(r.lines)) != 1 or not all(isinstance(v, int) for v in r.values):
            continue
        text = fold(texts.get(r.lines[0], ""))
        if "\t" in text or "|" in text or not (pair := spaced_split(text, WIDTH)):
            continue
        resolved[code] = Resolved(findings=r.findings)
        findings.append(make("value_split", actual=pair, line=r.lines[0], **cell_where(code)))
    return findings


def _void_column_cuts(resolved: dict[str, Resolved], lines: list[tuple[int, str]]) -> list[Finding]:
    """Rows of a layout text printed in columns (``splitting.apart_in_columns``: every number two spaces or more
    from the next) whose numbers were cut into more cells to make the total hold: made missing, ``row_lost_cells``
    each. Columns lose a blank cell as spaces, never run two cells together: ``（七）总计    0     0      0
    150    152`` (two cells blank, a total that does not hold) was cut 0 0 0 1 50 1 52 and published with only
    ``cells_recovered``, 1 and 50 where the report printed nothing and 150."""
    texts, findings = dict(lines), []
    for code, r in resolved.items():
        pieces = r.glued.split(" ") if r.glued else []
        text = fold(texts.get(r.lines[0], "")) if r.values and r.lines else ""
        if not pieces or "\t" in text or "|" in text or not apart_in_columns(text, len(pieces)):
            continue
        resolved[code] = Resolved(findings=[f for f in r.findings if f.code != "cells_recovered"])
        findings.append(make("row_lost_cells", expected=len(r.values), actual=len(pieces), line=r.lines[0],
                             **cell_where(code)))
    return findings


def _without_prose(inline: list[tuple[str, Row]], prose: set[int]) -> list[tuple[str, Row]]:
    """The named rows without those of a sentence (``cells.prose_rows``) whose row the table prints too:
    本年度共收到申请31件，上年结转3件，具体情况如下： above the table is no second 二、上年结转 row (before:
    the sentence's 3 was taken for the row, one number for seven cells, and the table's row dropped). A section of
    sentences only (``其中予以公开2件，部分公开1件。上年结转0件``: no table printed) has no row: before, each sentence
    was a row of one number for seven cells (row_lost_cells) and every other row row_absent, where the table is
    absent (table_absent, the sentences' numbers prose_numbers_unused). Where the table is printed, a sentence is
    no row of it even when the table's own row is not in the text (a page cut short: before, 予以公开2件 above it was
    the row 予以公开, one number for seven cells, row_lost_cells on the sentence's line; now it is absent)."""
    in_table = {code for code, row in inline if id(row) not in prose}
    if not in_table:
        return []
    return [(code, row) for code, row in inline if id(row) not in prose]


_COUNTED_LINE = re.compile(r"\d\s*(?:" + "|".join(PROSE_UNITS) + r")\s*[。.；;]?\s*$")


def _counted_rows(table_rows: list[Row], lines: list[tuple[int, str]]) -> set[int]:
    """``id``s of the rows of one number that ends its line with a counting unit: a sentence's count of the row,
    not the row (a bare ``（七）总计 478 件`` printed above table 三 read as its 总计 row, one number for seven
    cells, and the table's own 总计 row dropped as a second copy: all seven 总计 cells missing). A table's row has
    seven cells; ``_without_prose`` drops such a line only where the table prints the row too.

    >>> rows = region_to_rows([(1, "（七）总计 478 件"), (2, "（七）总计 478 0 0 0 0 0 478")], WIDTH)
    >>> [r.label for r in rows if id(r) in _counted_rows(rows, [(1, "（七）总计 478 件"), (2, "")])]
    ['(七)总计']
    """
    counted = {line for line, text in lines if _COUNTED_LINE.search(fold(text))}
    return {id(row) for row in table_rows
            if len(row.filled_slots) == 1 and row.filled_slots[0].line in counted}


def _place_unrecognised(table_rows: list[Row], found: Assignments, resolved: dict[str, Resolved],
                        fmt: str, order: Order = STANDARD) -> dict[str, tuple[Row, str]]:
    """Rows with unrecognised labels placed by the template's sequence, kept only when proven (``alignment``).

    Adds the proven rows to ``resolved``; returns ``{code: (row, placed_by)}`` of those rows."""
    template = row_codes(fmt)
    first = {}
    for code, row in found.inline:  # a duplicate label's row is not an anchor
        first.setdefault(code, row)
    code_of = {id(row): code for code, row in first.items() if code in template}
    loose = {id(row) for row in found.unrecognised}
    loose |= {id(row) for code, row in first.items() if code not in template}
    if not loose:
        return {}
    sequence = []  # an unrecognised row is compared by its last numbered part: its own label
    for i, row in enumerate(table_rows):
        if id(row) in loose:
            sequence.append((i, None, (label_pieces(row.label) or (row.label,))[-1]))
        elif id(row) in code_of:
            sequence.append((i, code_of[id(row)], row.label))
    gaps = align_gaps(sequence, template, labels()["rows"], frozenset(resolved))
    trials = [[(p, _resolve(table_rows[p.row_index], p.code, order)) for p in gap] for gap in gaps]
    trials = [group for group in trials if all(r.values is not None or r.ambiguous for _, r in group)]
    accepted = trials if _proven(resolved, trials, fmt) else [g for g in trials if _proven(resolved, [g], fmt)]
    if len(accepted) > 1 and not _proven(resolved, accepted, fmt):
        accepted = []
    out = {}
    for group in accepted:
        for placement, result in group:
            resolved[placement.code] = result
            out[placement.code] = (table_rows[placement.row_index], placement.placed_by)
    return out


def _proven(resolved: dict[str, Resolved], groups: list, fmt: str) -> bool:
    """With the groups' rows placed (and digit runs settled by the identities), is every placed value proven?"""
    if not groups:
        return False
    trial = copy.deepcopy(resolved)
    for group in groups:
        for placement, result in group:
            trial[placement.code] = copy.deepcopy(result)
    _settle(trial, fmt)
    placed = [(p.code, trial[p.code].values) for group in groups for p, _ in group]
    if any(r.ambiguous for r in trial.values()) or any(v is None for _, v in placed):
        return False
    return is_proven(_cell_values(trial), placed, applicant_codes(),
                     lambda values: broken_identities(TABLE, fmt, values), _PINNING)


def _check_pairing(resolved: dict[str, Resolved], paired: dict[str, Row], fmt: str,
                   aligned: dict[str, str]) -> tuple[list[Finding], bool]:
    """Keep the pairing when 总计 = the sum of the outcomes holds with it, and, for the labels named by
    the template (``aligned``), when every value they carry is proven (``alignment.is_proven``)."""
    values = _cell_values(resolved)
    placed = [(c, resolved[c].values) for c in aligned if c in resolved and resolved[c].values]
    unproven = aligned and (len(placed) < len(aligned) or not is_proven(
        values, placed, applicant_codes(), lambda v: broken_identities(TABLE, fmt, v), _PINNING))
    if unproven or any(b.identity == "applications_processed_sum" for b in broken_identities(TABLE, fmt, values)):
        for code in paired:
            resolved[code] = Resolved(findings=[])
        return [make("rows_unaligned", table="3", actual=len(paired), expected=len(paired))], False
    names = "、".join(labels()["rows"][c] for c in paired)
    out = [make("rows_realigned", table="3", row=names, line=next(iter(paired.values())).line)]
    out += [make("row_placed", table="3", row=labels()["rows"][c], detail=how, line=paired[c].line)
            for c, how in aligned.items()]
    return out, True


def _facts(resolved: dict[str, Resolved], fmt: str, placed_by: dict[str, str]) -> list[Fact]:
    facts = []
    applicants = applicant_codes()
    for code in row_codes(fmt):
        r = resolved.get(code)
        values = r.values if r else None
        lines = r.lines if r else None
        # a row found but not read (its cells lost, run together, refused): each missing cell keeps the line the
        # row is printed on, as a blank cell does, so the reader can go and look (before: no line, no link)
        found = None if lines or r is None else next((f.line for f in r.findings if f.line), None)
        how = placed_by.get(code) if values else None
        for i, applicant in enumerate(applicants):
            facts.append(Fact(TABLE, (code, applicant), values[i] if values else None,
                              lines[i] if lines else found, how))
    return facts
