"""Table 三 printed column by column: a PDF's text layer (or a page copied from a browser) gives every row's label
first, then the numbers one column after another — all of 自然人's, then 商业企业's, … — a column a line, a column a
block (its name above it, or an empty line after it), or every number on a line of its own with nothing between the
columns. Read as printed, the labels ran into one label and the numbers into one row of 175: every cell missing
(row_extra_cells, row_absent for the other rows).

``by_columns`` writes such a table back as one tab row a row (its label, then its cells in the printed column order),
with the line each cell is printed on, so that the table is read as any other and each number traces to its own
line. Only when the shape is certain: every row of one template named by a label of its own (``rules/row_labels.csv``),
nothing but numbers, the columns' names and empty lines after the labels, and as many numbers in each column as there
are rows. A reading is ``sure`` when the layout parts the columns (a line, a block or a name each); where only the
count does (every number on a line of its own), it is read by columns and by rows, and the caller keeps the one
reading the identities allow (``table3.region_to_applications``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from .alignment import _MARKER
from .catalog import applicants, row_codes, table
from .cells import _line_kind, line_tokens
from .labels import label_matches
from .table3_subtotals import subtotal_group
from .text import compact

_GROUP = "法人或其他组织"  # the name over the five organisation columns: no column of its own


@dataclass(frozen=True)
class Reading:
    """The region's lines with one tab row a row; ``cell_lines``: a tab row's line → the line each cell is printed
    on (in the row's printed order); ``sure``: the layout parts the columns; ``how``: the layout, for the finding."""

    lines: list[tuple[int, str]]
    cell_lines: dict[int, tuple[int, ...]]
    sure: bool
    how: str


@cache
def _applicant_names() -> dict[str, str]:
    """``{name: applicant code}`` of every name a header prints a column by (``also``: 合计 for 总计)."""
    return {name: a["code"] for a in applicants() for name in [a["zh"], *a.get("also", [])]}


def _heading(text: str) -> str | None:
    """The applicant code a line names alone (``group`` for 法人或其他组织), else None.

    >>> _heading(" 自然人 "), _heading("法人或其他组织"), _heading("合计"), _heading("自然人申请3件")
    ('natural_person', 'group', 'total', None)
    """
    name = compact(text)
    return "group" if name == _GROUP else _applicant_names().get(name)


def _row_code(text: str, before_total: bool) -> str | None:
    """The row a label names: one code, a group's heading naming none — but （六）其他处理 right above （七）总计 is
    2019's single row (``before_total``)."""
    codes = label_matches(text, "row_labels")
    if subtotal_group(text) and not (codes == ("other",) and before_total):
        return None
    codes = tuple(c for c in codes if c != "other") or codes  # (（六）其他处理 1.申请人无正当理由…: the item's)
    return codes[0] if len(codes) == 1 else None


Label = tuple[list[int], str | None]  # a label's lines (its head and wrapped tail), the row it names (None: a heading)


def _labels(lines: list[tuple[int, str]], kinds: list, start: int, end: int) -> list[Label] | None:
    """The labels of lines ``start``..``end`` (the label block): a label begins on a line opening with a row's
    numbering (``一、``, ``（二）``, ``3.``) or a group's heading, and runs on over the lines after it that open with
    none (its wrapped tail: ``5.要求行政机关确认`` / ``或重新出具已获取信息``; a page's number between them is none of
    its); None when two name one row or one names two."""
    units: list[list[int]] = []
    for i in range(start, end):
        text = compact(lines[i][1])
        if not text or kinds[i] is None:  # (a page's number, ``— 3 —``: no label's)
            continue
        if not units or _MARKER.match(text) or subtotal_group(text):
            units.append([i])
        else:
            units[-1].append(i)
    texts = ["".join(compact(lines[i][1]) for i in unit) for unit in units]
    out: list[Label] = []
    for at, (unit, text) in enumerate(zip(units, texts, strict=True)):
        before_total = at + 1 < len(texts) and label_matches(texts[at + 1], "row_labels") == ("total_processed",)
        code = _row_code(text, before_total)
        if code is None and len(label_matches(text, "row_labels")) > 1 and not subtotal_group(text):
            return None
        out.append((unit, code))
    codes = [c for _, c in out if c]
    return out if len(set(codes)) == len(codes) else None


def _zone(kinds: list, tokens: list, lines: list[tuple[int, str]], start: int, end: int):
    """``(value lines [(index, tokens)], headings [(index, code)])`` of lines ``start``..``end``: numbers, the
    columns' names, empty lines and a page's repeated header words (``rules/page_header_words.csv``: 申请人情况,
    本列数据… over a page's numbers) only, else None."""
    values, heads = [], []
    for i in range(start, end + 1):
        if kinds[i] is None:
            continue
        if kinds[i][0] in ("values", "lone"):
            values.append((i, tokens[i]))
        elif kinds[i][0] == "row" and (code := _named_line(tokens[i])) is not None:
            heads.append((i, code))  # (自然人 84 0 5 …: a column printed as a row, its name first — a table turned)
            values.append((i, [token for token in tokens[i] if token[0] != "text"]))
        elif (code := _heading(lines[i][1])) is not None:
            heads.append((i, code))
        elif not compact(lines[i][1]).startswith(_header_words()):
            return None
    return values, heads


def _named_line(tokens: list) -> str | None:
    """The column a line of its name, then numbers only, prints (``自然人 84 0 5 …``), else None."""
    words = [token for token in tokens if token[0] == "text"]
    if tokens[: len(words)] != words:
        return None
    code = _heading("".join(text for _, text, _ in words))
    return code if code != "group" else None


@cache
def _header_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in table("page_header_words"))


def _names_apart(values: list[tuple[int, list]], heads: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The columns' names standing alone between numbers (a name over each column); names two or more in a row with
    no number between (法人或其他组织 aside) are a header, printed above the numbers or again over a page's."""
    names = [(i, code) for i, code in heads if code != "group"]
    numbered = sorted(i for i, _ in values)
    runs: list[list[tuple[int, str]]] = []
    for i, code in names:
        # (a number between the run's last name and this one: the first at or after that name, found by halving —
        # each name read every number: 8,000 names each over a number, 8.5 CPU s with ``cells._place_by_columns``'
        # walk, now 0.8 — hostile round 13)
        after = bisect_left(numbered, runs[-1][-1][0]) if runs else 0
        if runs and not (after < len(numbered) and numbered[after] < i):
            runs[-1].append((i, code))
        else:
            runs.append([(i, code)])
    return [name for run in runs if len(run) == 1 for name in run]


def _blocks(values: list[tuple[int, list]], lines: list[tuple[int, str]]) -> list[list[tuple[str, int]]]:
    """The numbers ``(text, line)`` in runs of lines parted by empty lines."""
    out: list[list[tuple[str, int]]] = []
    previous = None
    for i, toks in values:
        if previous is None or any(not lines[j][1].strip() for j in range(previous + 1, i)):
            out.append([])
        out[-1] += [(text, line) for _, text, line in toks]
        previous = i
    return out


def _named_columns(values, heads, rows: int, width: int):
    """Each column under its own name: ``(names in printed order, columns)``, or None."""
    names = [(i, code) for i, code in heads if code != "group"]
    if len(names) != width or len({c for _, c in names}) != width or values[0][0] < names[0][0]:
        return None
    columns = []
    for at, (i, _) in enumerate(names):
        end = names[at + 1][0] if at + 1 < len(names) else float("inf")
        columns.append([(text, line) for j, toks in values if i <= j < end for _, text, line in toks])
    if any(len(column) != rows for column in columns):
        return None
    return [c for _, c in names], columns


def by_columns(lines: list[tuple[int, str]], width: int) -> list[Reading]:
    """The readings of a table 三 region printed column by column (see the module docstring): one when the layout
    parts the columns, two (by columns, by rows) when only the count of numbers does, none for any other layout."""
    if any("\t" in text or "|" in text for _, text in lines):
        return []
    tokenised = [line_tokens(n, text)[0] for n, text in lines]
    kinds = [_line_kind(toks, False) for toks in tokenised]
    numbers = [
        i
        for i, kind in enumerate(kinds)
        if kind and (kind[0] in ("values", "lone") or kind[0] == "row" and _named_line(tokenised[i]) is not None)
    ]
    if not numbers:
        return []
    first = next(
        (
            i
            for i in range(numbers[0])
            if _MARKER.match(compact(lines[i][1])) or label_matches(compact(lines[i][1]), "row_labels")
        ),
        numbers[0],
    )
    start = next((i for i in range(first, numbers[0]) if _heading(lines[i][1])), numbers[0])
    found = _labels(lines, kinds, first, start)
    if found is None or not _complete(found):
        return []
    rows = sum(1 for _, code in found if code)
    zone = _zone(kinds, tokenised, lines, start, numbers[-1])
    if zone is None:
        return []
    values, heads = zone
    header_lines = list(lines[:first])
    if apart := _names_apart(values, heads):  # a name over each column
        named = _named_columns(values, apart, rows, width)
        if named is None:
            return []
        names, columns = named  # (each column under its name: in the template's order, whatever the header says)
        columns = [columns[names.index(a["code"])] for a in applicants()]
        header_lines = [line for line in header_lines if not any(n in compact(line[1]) for n in _applicant_names())]
        header_lines.append((lines[first][0], "\t".join(a["zh"] for a in applicants())))
        return [_reading(lines, found, header_lines, columns, numbers[-1], True, "各列数字之上印有列名")]
    header_lines += [lines[i] for i, _ in heads if i < values[0][0]]  # (names together above the numbers: a header)
    cells = [cell for block in _blocks(values, lines) for cell in block]
    if len(cells) != rows * width:
        return []
    blocks = _blocks(values, lines)
    per_line = [[(text, line) for _, text, line in toks] for _, toks in values]
    for parts, how in ((blocks, "各列之间有空行"), (per_line, "每列印成一行")):
        if len(parts) == width and all(len(part) == rows for part in parts):
            return [_reading(lines, found, header_lines, parts, numbers[-1], True, how)]
    if len(blocks) == rows and all(len(block) == width for block in blocks):  # a row a block: rows after all
        return [_reading(lines, found, header_lines, _transposed(blocks), numbers[-1], True, "各行之间有空行")]
    if any(len(part) != 1 for part in per_line):
        return []
    by_column = [cells[c * rows : (c + 1) * rows] for c in range(width)]
    by_row = _transposed([cells[r * width : (r + 1) * width] for r in range(rows)])
    return [
        _reading(lines, found, header_lines, by_column, numbers[-1], False, "每个数字各占一行，按列"),
        _reading(lines, found, header_lines, by_row, numbers[-1], False, "每个数字各占一行，按行"),
    ]


def _complete(found: list[Label]) -> bool:
    """Whether the labels name every row of one template, and no other."""
    codes = {c for _, c in found if c}
    return any(codes == set(row_codes(fmt)) for fmt in ("2021", "2019"))


def _transposed(rows: list[list]) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)]


def _reading(
    lines: list[tuple[int, str]],
    found: list[Label],
    header: list[tuple[int, str]],
    columns: list[list[tuple[str, int]]],
    last: int,
    sure: bool,
    how: str,
) -> Reading:
    """The region written back: the header, each label (its lines joined) with its cells, a heading naming no row
    (``三、本年度办理结果``, ``（三）不予公开``) on its line above the next, then what follows the numbers."""
    out = list(header)
    cell_lines: dict[int, tuple[int, ...]] = {}
    r = 0
    for unit, code in found:
        number, text = lines[unit[0]][0], "".join(compact(lines[i][1]) for i in unit)
        if code is None:
            out.append((number, text))
            continue
        cells = [column[r] for column in columns]
        r += 1
        out.append((number, "\t".join([text, *(cell for cell, _ in cells)])))
        cell_lines[number] = tuple(line for _, line in cells)
    out += lines[last + 1 :]
    return Reading(out, cell_lines, sure, how)
