"""Blank cells of a PDF table drawn without rules, found by where its numbers stand.

A ruled table is read cell by cell (pdfplumber's table finder: a blank cell is an empty cell). A table printed
without rules is only text lines, and a line's blank cell is no character at all: "6 1 0 1 0 8" under seven
columns cannot say which one is blank, so the parser had to give up the whole row (``row_lost_cells``). Its numbers
still stand under their columns, though: the rows that print every cell show where the columns are, and a shorter
row's numbers are put in the columns they stand under, the others left blank — the row written as tab-separated
cells, as a ruled table's rows are (its blank cells then read as missing, never 0, with ``value_blank``).

Only where it is unambiguous: the columns are learnt from at least ``MIN_ROWS`` lines ending in the same number
``k`` (``MIN_COLUMNS`` to ``MAX_COLUMNS``) of values (the table's complete rows, which agree on every column's
place), a short row has at least two values, stands among those rows (or within ``NEAR`` lines of them: the lines
of all pages are taken together, as a table goes on over a page break), and each of its values stands within
``TOLERANCE`` of the narrowest column gap from one column, left to right. Any other line is left as pdfplumber
wrote it. A row printed over two or three lines (a cell aligned to the bottom of a tall row, a number wrapped in its
narrow cell) is written as one row of cells by where each value stands (``_joined``) when reading its lines' values
in order would put one in another's column. A column no row prints a value in is found between two columns, where
the header names it (``_with_blank_columns``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from .pdf_header_cells import bands, header_cells, row_cells, trailing
from .pdf_header_columns import header_columns

HEADING = re.compile(r"[一二三四五六七八九十]+、")  # a section's heading (with .match), as ``sections`` finds one
VALUE = re.compile(r"[0-9０-９][0-9０-９.,．，]*|[-－—–/／]")  # a number, or a mark printed in a cell for "none"
NOT_NUMBER = re.compile(r"[-－—–/／]")  # the marks of VALUE
GAP = 3.0  # points between two characters that make them two words (pdfplumber's default x_tolerance)
MIN_COLUMNS = 4  # tables 三 (7 or 8 value columns) and 四 (15); table 二's rows of 1 or 3 values are left alone
MAX_COLUMNS = 32  # wider rows are no table of the report's (and placing a row costs its values × the columns)
MIN_ROWS = 3  # complete rows that must agree on the columns
TOLERANCE = 0.3  # how far (a share of the narrowest gap between columns) a value may stand from its column
HEADER_BLANKS = 2  # blank cells a row placed by its header line may have (more: the line is likely no header)
UNKNOWN = "？"  # a cell whose value stands on a line between two rows' lines: printed, but for which row is unknown
HEADER_LINES = 6  # lines above a table's first complete row that may hold its header (wrapped column names)
NEAR = 4  # lines before the first and after the last complete row where a short row may stand (the table's first
# row, under its header, may be short; a label wrapped over lines puts its numbers on any of them)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float

    def distance(self, column: tuple[float, float, float]) -> float:
        """How far the word stands from a column (its left edge, right edge and middle): the nearest of the three,
        as a cell's content may be left-aligned, right-aligned or centred."""
        x0, x1, middle = column
        return min(abs(self.x0 - x0), abs(self.x1 - x1), abs((self.x0 + self.x1) / 2 - middle))


def line_words(line: dict) -> list[Word]:
    """The words of one of pdfplumber's text lines (``extract_text_lines``: its ``chars``)."""
    return words(line.get("chars") or [])


def words(chars: list[dict]) -> list[Word]:
    """A line's characters as words, left to right: split at white space and at gaps wider than ``GAP``."""
    out: list[Word] = []
    text, x0, x1 = "", 0.0, 0.0
    for char in sorted(chars, key=lambda c: c["x0"]):
        if text and (char["text"].isspace() or char["x0"] - x1 > GAP):
            out.append(Word(text, x0, x1))
            text = ""
        if char["text"].isspace():
            continue
        if not text:
            x0 = char["x0"]
        text, x1 = text + char["text"], char["x1"]
    if text:
        out.append(Word(text, x0, x1))
    return out


def trailing_values(text: str, found: list[Word]) -> list[Word]:
    """The values that end a text line (``VALUE`` words of its ``words``), left to right; none unless they are also
    the last words of the line's ``text`` as written (so the line can be rewritten without touching its label)."""
    return trailing(text, found, VALUE)


def _columns(rows: list[list[Word]]) -> list[tuple[float, float, float]] | None:
    """The columns (left, right, middle) the complete ``rows`` agree on, or None when any row strays from them."""
    columns = [(median(r[j].x0 for r in rows), median(r[j].x1 for r in rows),
                median((r[j].x0 + r[j].x1) / 2 for r in rows)) for j in range(len(rows[0]))]
    middles = [c[2] for c in columns]
    gaps = [b - a for a, b in zip(middles, middles[1:], strict=False)]
    if min(gaps) <= 0:
        return None
    reach = TOLERANCE * min(gaps)
    if any(word.distance(column) > reach for row in rows for word, column in zip(row, columns, strict=True)):
        return None
    return columns


def _with_blank_columns(columns: list[tuple[float, float, float]], header: list[list[Word]]
                        ) -> list[tuple[float, float, float]]:
    """``columns`` with the columns no complete row prints a value in (a column blank in every row: an applicant
    type that made no request, its zeros printed blank), found between two columns whose gap is a whole number of
    the usual gap (the narrowest) wider than it, and only where the ``header`` names each such place: a word (not a
    value) stands nearer it than to any other column (``_names``), on a header line whose words name a column the
    rows print as well — a line of column names, which names the column the rows leave blank.

    A wide gap with no name above it stays one gap, and so does a wide column: its own name, left- or right-aligned,
    may end where a column would stand, and a group's name (法人或其他组织, centred over five columns) may stand
    there on a line of its own. Before, either made a column of its own: every row got a blank cell more and table
    三 was lost with row_extra_cells.

    >>> col = lambda x: (x, x + 5, x + 2.5)
    >>> head = [[Word("商业企业", 240, 260), Word("科研机构", 280, 300), Word("社会公益组织", 320, 350)]]
    >>> [c[0] for c in _with_blank_columns([col(200), col(240), col(320), col(360)], head)]
    [200, 240, 280.0, 320, 360]
    >>> [c[0] for c in _with_blank_columns([col(200), col(240), col(320), col(360)], [head[0][1:2]])]
    [200, 240, 320, 360]
    """
    middles = [c[2] for c in columns]
    gaps = [b - a for a, b in zip(middles, middles[1:], strict=False)]
    if len(gaps) < 2:
        return columns
    usual = min(gaps)
    reach = TOLERANCE * usual
    lines = [[word for word in line if not VALUE.fullmatch(word.text)] for line in header]
    out = [columns[0]]
    for left, right, gap in zip(columns, columns[1:], gaps, strict=False):
        missing = round(gap / usual) - 1
        if missing >= 1 and abs(gap - (missing + 1) * usual) <= reach:
            guessed = [tuple(a + (b - a) * t / (missing + 1) for a, b in zip(left, right, strict=True))
                       for t in range(1, missing + 1)]
            every = [*columns, *guessed]
            # the lines of column names: each names a column the rows print (a group's name alone on its line
            # names none)
            names = [word for line in lines if any(_names(w, c, every, reach) for w in line for c in columns)
                     for word in line]
            if all(any(_names(word, column, every, reach) for word in names) for column in guessed):
                out += guessed
        out.append(right)
    return out


def _names(word: Word, column: tuple[float, float, float], columns: list[tuple[float, float, float]],
           reach: float) -> bool:
    """Whether a header ``word`` names ``column``: it stands within ``reach`` of it and nearer it than to any other
    of ``columns`` (a word names the one column it stands nearest).

    >>> col = lambda x: (x, x + 5, x + 2.5)
    >>> _names(Word("科研机构", 280, 300), col(280.0), [col(240), col(280.0), col(320)], 12)
    True
    >>> _names(Word("社会公益组织", 320, 362), col(360.0), [col(320), col(360.0), col(400)], 12)
    False
    """
    near = word.distance(column)
    return near <= reach and all(near < word.distance(other) for other in columns if other != column)


def _header_lines(values: list[list[Word]], lines: list[tuple[str, list[Word]]], first: int) -> list[list[Word]]:
    """The words of up to ``HEADER_LINES`` lines above line ``first`` (a table's first complete row) that hold no
    values, up to the section heading that opens the table."""
    out: list[list[Word]] = []
    for k in range(first - 1, max(-1, first - 1 - HEADER_LINES), -1):
        if values[k] or HEADING.match(lines[k][0].strip()):
            break
        out.append(lines[k][1])
    return out


def _header_written(texts: list[str], values: list[list[Word]], lines: list[tuple[str, list[Word]]], first: int,
                    columns: list[tuple[float, float, float]]) -> None:
    """The header lines above line ``first`` (a table's first row: up to ``HEADER_LINES`` lines holding no
    ``values``, up to a section's heading) written as cells of the ``columns`` its numbers stand in, where a name
    wraps (``pdf_header_cells.header_cells``); nothing when a line of them is written already. The lines right
    above the row that hold the label column's words only (the row's label wrapped over lines, its numbers centred
    in the row: ``一、本年新收政府信息`` / numbers / ``公开申请数量``) are not counted among the ``HEADER_LINES``:
    before, they took the header's first line's place, 自然人 and 总计 were never written in their columns, and the
    column order was unsure (all of table 三 missing, ``columns_order_unsure``)."""
    label_edge = bands(columns)[0][0] if len(columns) > 1 else None

    def label_only(k: int) -> bool:  # (a row's label: 一、本年新收… is one too, a section's heading is not)
        return not values[k] and bool(lines[k][1]) and all((w.x0 + w.x1) / 2 < label_edge for w in lines[k][1]) \
            and not SECTION.fullmatch(lines[k][0].strip())

    for _ in range(NEAR if label_edge is not None else 0):
        if first == 0 or not label_only(first - 1):
            break
        first -= 1  # (the header ends above the row's label)
    above = []
    for k in range(first - 1, max(-1, first - 1 - HEADER_LINES), -1):
        if values[k] or HEADING.match(lines[k][0].strip()):
            break
        above.append(k)
    above.reverse()
    if not above or any(texts[k] != lines[k][0] for k in above):
        return
    for k, text in zip(above, header_cells([lines[k] for k in above], columns) or [], strict=False):
        texts[k] = text


def _placed(values: list[Word], columns: list[tuple[float, float, float]]) -> list[str] | None:
    """The row's cells under ``columns`` (blank where no value stands), or None when a value stands under no column
    or two under one."""
    middles = [c[2] for c in columns]
    reach = TOLERANCE * min(b - a for a, b in zip(middles, middles[1:], strict=False))
    cells = [""] * len(columns)
    last = -1
    for word in values:
        j = min(range(len(columns)), key=lambda k: word.distance(columns[k]))
        if word.distance(columns[j]) > reach or j <= last:
            return None
        cells[j], last = word.text, j
    return cells


def _header_columns(found: list[Word], values: int) -> list[tuple[float, float, float]] | None:
    """The columns a header line's words stand in (left, right, middle), when it can head a row of ``values``
    values: only words, ``MIN_COLUMNS`` to ``MAX_COLUMNS`` of them, at most ``HEADER_BLANKS`` more than the row's
    values, left to right."""
    if not (MIN_COLUMNS <= len(found) <= MAX_COLUMNS and values < len(found) <= values + HEADER_BLANKS) or any(
            VALUE.fullmatch(word.text) for word in found):
        return None
    columns = [(w.x0, w.x1, (w.x0 + w.x1) / 2) for w in found]
    return columns if all(a[2] < b[2] for a, b in zip(columns, columns[1:], strict=False)) else None


def _label(text: str, row: list[Word]) -> str:
    """The line ``text`` without the values ``row`` that end it: its label, or nothing."""
    return text.rsplit(maxsplit=len(row))[0].strip() if text.split() != [w.text for w in row] else ""


def _rewritten(text: str, row: list[Word], cells: list[str]) -> str:
    """The line ``text`` ending in ``row``'s values as its label (if any), a tab and ``cells`` joined by tabs."""
    label = _label(text, row)
    return "\t".join([label, *cells] if label else cells)


def _window(texts: list[str], values: list[list[Word]], complete: list[int]) -> range:
    """The lines where a short row of the table whose complete rows are ``complete`` may stand: from its first to
    its last complete row, and up to ``NEAR`` lines beyond them on either side, never across a section heading
    (``四、政府信息公开行政复议…`` printed without numbers: the next table's rows are not this table's)."""
    def heading(k: int) -> bool:
        return not values[k] and bool(HEADING.match(texts[k].strip()))

    start, end = complete[0], complete[-1]
    for _ in range(NEAR):
        if start == 0 or heading(start - 1):
            break
        start -= 1
    for _ in range(NEAR):
        if end + 1 == len(texts) or heading(end + 1):
            break
        end += 1
    return range(start, end + 1)


def _split_rows(placed: dict[int, list[str]], values: list[list[Word]], columns: list, width: int
                ) -> dict[int, list[int]]:
    """The placed rows whose blank cells a neighbouring short line's values stand in (within two lines, with none
    between holding values), each with those lines, top to bottom: one row of the table printed over two or three
    lines (its cells aligned to the top and to the bottom of a tall row, or a number wrapped in a narrow cell),
    whose printed cells must not be called blank."""
    split: dict[int, list[int]] = {}
    for k, cells in placed.items():
        blank = {j for j, cell in enumerate(cells) if not cell}
        for step in (-1, 1):
            n = k + step
            if 0 <= n < len(values) and not values[n] and 0 <= n + step < len(values):
                n += step  # (a line of the label between)
            if 0 <= n < len(values) and 0 < len(values[n]) < width and (where := _stands_in(values[n], columns)) \
                    and set(where) <= blank:
                split.setdefault(k, []).append(n)
    return {k: sorted(lines) for k, lines in split.items()}


def _stands_in(row: list[Word], columns: list) -> list[int] | None:
    """The column each of ``row``'s values stands in, or None when one stands under none (beyond ``TOLERANCE``)."""
    middles = [c[2] for c in columns]
    reach = TOLERANCE * min(b - a for a, b in zip(middles, middles[1:], strict=False))
    found = [min(range(len(columns)), key=lambda j: word.distance(columns[j])) for word in row]
    return found if all(word.distance(columns[j]) <= reach for word, j in zip(row, found, strict=True)) else None


def _joined(k: int, parts: list[int], values: list[list[Word]], columns: list) -> list[str] | None:
    """Row ``k``'s cells with the values of ``parts`` (its other lines) put in the columns they stand in, or None when
    reading the lines' values in order already puts each in its column (the parser then joins them as written).

    Read in order, a value on the line below that stands left of the row's (a cell aligned to the bottom), or two
    lines' pieces under one column (a number wrapped in its cell: ``2060`` / ``7``), moved every later value one
    column: the row was published shifted. A column holding pieces of two lines is one cell holding both (read as
    unreadable, never one number of them)."""
    lines = sorted([k, *parts])
    order = [j for n in lines for j in (_stands_in(values[n], columns) or [])]
    if order == sorted(set(order)):
        return None
    cells: list[list[str]] = [[] for _ in columns]
    for n in lines:
        for word, j in zip(values[n], _stands_in(values[n], columns) or [], strict=False):
            cells[j].append(word.text)
    return [" ".join(cell) for cell in cells]


# a section's heading, not a row of table 三 (二、上年结转…, 四、结转下年度继续办理 print no value when blank)
SECTION = re.compile(r"[一二三四五六七八九十]+、.*(?:情况|事项)")
SPLIT = 2 * GAP  # points between two values' anchors that put them in two columns (columns stand 20+ apart)


def _value_columns(rows: list[list[Word]]) -> list[tuple[float, float, float]] | None:
    """The columns every row's values stand in, when no ``MIN_ROWS`` rows print every cell (a sparse table: its
    zeros printed blank): the values' right edges, middles or left edges (as the cells are aligned) fall in groups
    ``SPLIT`` apart, each group of at least two values, each row at most one value in a group, and no group wider
    than ``TOLERANCE`` of the narrowest gap between groups; else None."""
    for anchor in (lambda w: w.x1, lambda w: (w.x0 + w.x1) / 2, lambda w: w.x0):
        found = sorted(((anchor(w), n, w) for n, row in enumerate(rows) for w in row), key=lambda t: t[0])
        groups: list[list[tuple[float, int, Word]]] = [[found[0]]]
        for item in found[1:]:
            if item[0] - groups[-1][-1][0] > SPLIT:
                groups.append([])
            groups[-1].append(item)
        if not 2 <= len(groups) <= MAX_COLUMNS or any(len(g) < 2 for g in groups) \
                or any(len({n for _, n, _ in g}) < len(g) for g in groups):
            continue
        centres = [median(a for a, _, _ in g) for g in groups]
        gaps = [b - a for a, b in zip(centres, centres[1:], strict=False)]
        if max(g[-1][0] - g[0][0] for g in groups) > TOLERANCE * min(gaps):
            continue
        return [(median(w.x0 for _, _, w in g), median(w.x1 for _, _, w in g),
                 median((w.x0 + w.x1) / 2 for _, _, w in g)) for g in groups]
    return None


def _sparse_tables(texts: list[str], values: list[list[Word]], lines: list[tuple[str, list[Word]]],
                   done: set[int]) -> None:  # (``done``: the lines read by complete rows; their sections are left)
    """Rewrite the short rows of each section's table that has no ``MIN_ROWS`` complete rows (zeros printed blank,
    as many agencies print them: 上海市人民政府办公厅 2019 prints no row of table 三 whole) by the columns its values
    stand in (``_value_columns``, with a column blank in every row found between them where the header names it),
    only when the header above its first row names every column (a word standing nearest each); a row printing
    one value after its label is placed too. Before, no row of such a table could be placed, and every row was
    missing with row_lost_cells."""
    heads = [k for k, text in enumerate(texts) if not values[k] and SECTION.fullmatch(text.strip())]
    for start, end in zip([0, *heads], [*heads, len(texts)], strict=True):
        rows = [k for k in range(start, end) if 2 <= len(values[k]) <= MAX_COLUMNS]
        if len(rows) < MIN_ROWS or any(k in done for k in range(start, end)):
            continue
        columns = _value_columns([values[k] for k in rows])
        if columns is None:
            continue
        header = _header_lines(values, lines, rows[0])
        columns = _with_blank_columns(columns, header)
        if len(columns) < MIN_COLUMNS:
            continue
        middles = [c[2] for c in columns]
        reach = TOLERANCE * min(b - a for a, b in zip(middles, middles[1:], strict=False))
        names = [word for line in header for word in line if not VALUE.fullmatch(word.text)]
        if not all(any(_names(word, column, columns, reach) for word in names) for column in columns):
            continue  # (the header must name every column: a part of a table, or no table, is left as it is)
        alone = [k for k in range(rows[0], rows[-1] + 1) if len(values[k]) == 1 and _label(texts[k], values[k])]
        for k in sorted([*rows, *alone]):
            if (cells := _placed(values[k], columns)) is not None:
                texts[k] = _rewritten(texts[k], values[k], cells)
                done.add(k)


# a number cut after its decimal point, alone on its line (75394432.), and the rest of it alone on a line below it
_CUT_NUMBER = re.compile(r"\d[\d,，]*[.．]")
_NUMBER_REST = re.compile(r"\d+[^\s\d.．]{0,3}")
WRAP_REACH = 3  # lines below a cut number where its rest may stand (the row's label line between)


def _wrapped_numbers(lines: list[tuple[str, list[Word]]]) -> list[tuple[str, list[Word]]]:
    """``lines`` with a number wrapped in its cell joined again: a line holding only a number cut after its decimal
    point (``75394432.``) and, within ``WRAP_REACH`` lines below it, a line holding only digits (and a unit) that
    stands under it (``52元``), with nothing under it on the lines between, are one value, written on the second
    line (``75394432.52元``); the first is left empty. A cell's text wraps that way in a narrow column whose row's
    label is centred between the two halves. Before, ``52元`` was read as the row's amount: 0.0052 万元 for
    7,539.44.

    >>> w = lambda text, x0: Word(text, x0, x0 + 8 * len(text))
    >>> out = _wrapped_numbers([("75394432.", [w("75394432.", 300)]), ("政府集中采购 135", [w("政府集中采购", 20),
    ...     w("135", 200)]), ("52元", [w("52元", 310)])])
    >>> [text for text, _ in out]
    ['', '政府集中采购 135', '75394432.52元']
    >>> [text for text, _ in _wrapped_numbers([("75394432.", [w("75394432.", 300)]), ("52元", [w("52元", 40)])])]
    ['75394432.', '52元']
    """
    out = list(lines)
    for k, (text, found) in enumerate(out):
        if len(found) != 1 or text.strip() != found[0].text or not _CUT_NUMBER.fullmatch(found[0].text):
            continue
        head = found[0]
        for n in range(k + 1, min(k + 1 + WRAP_REACH, len(out))):
            below = [word for word in out[n][1] if word.x0 < head.x1 and word.x1 > head.x0]
            if not below:
                continue  # (the row's label and its other cells, beside the wrapped cell)
            tail = below[0]
            if len(out[n][1]) == 1 and out[n][0].strip() == tail.text and _NUMBER_REST.fullmatch(tail.text):
                joined = Word(head.text + tail.text, min(head.x0, tail.x0), max(head.x1, tail.x1))
                out[k], out[n] = ("", []), (joined.text, [joined])
            break
    return out


def _of_numbers(complete: list[int], values: list[list[Word]]) -> list[int]:
    """The complete rows the columns are learnt from: those printing a number in every cell, when ``MIN_ROWS`` do,
    else all. A row of marks (``—`` for none in every cell) may stand otherwise than the numbers: Word aligns each
    cell's paragraph on its own, and a row of dashes centred in right-aligned columns stood off every column, so no
    columns were learnt and the table's short rows were lost (``row_lost_cells``).

    >>> w = lambda t: Word(t, 0, 1)
    >>> _of_numbers([0, 1, 2, 3], [[w("1")], [w("—")], [w("2")], [w("3")]])
    [0, 2, 3]
    """
    numbers = [k for k in complete if not any(NOT_NUMBER.fullmatch(word.text) for word in values[k])]
    return numbers if len(numbers) >= MIN_ROWS else complete


def mark_blank_cells(lines: list[tuple[str, list[Word]]]) -> list[str]:
    """Each of a document's text lines in reading order, given as its text and ``words`` (pdfplumber's lines are
    read page by page, their characters not kept), as text: a short row of an unruled table as its label, a tab,
    and its cells joined by tabs (a blank cell empty); every other line as written.

    The columns come from the table's complete rows (``MIN_ROWS`` of them: ``_window`` says where its short rows
    may stand, ``_split_rows`` which are one row over two lines and stay as written), or, for a row with none beside
    it (table 四 prints one row of numbers), from the header line right above it: one word a column, each value
    standing under one of them. The header lines above a table's first row are written as cells of the columns
    its numbers stand in where a name wraps (``pdf_header_cells``)."""
    lines = _wrapped_numbers(lines)
    texts = [text for text, _ in lines]
    values = [trailing_values(text, found) for text, found in lines]
    done: set[int] = set()
    learnt: set[int] = set()  # the complete rows the columns were learnt from
    widths = Counter(len(v) for v in values if MIN_COLUMNS <= len(v) <= MAX_COLUMNS)
    for width, count in sorted(widths.items(), key=lambda item: (-item[1], -item[0])):
        if count < MIN_ROWS:
            break
        complete = [k for k, v in enumerate(values) if len(v) == width]
        columns = _columns([values[k] for k in _of_numbers(complete, values)])
        if columns is None:
            continue
        learnt.update(complete)
        columns = _with_blank_columns(columns, _header_lines(values, lines, complete[0]))
        width = len(columns)
        placed = {k: cells for k in _window(texts, values, complete)
                  if 2 <= len(values[k]) < width and k not in done and (cells := _placed(values[k], columns))}
        _header_written(texts, values, lines, min([complete[0], *placed]), columns)  # (above the table's first row)
        split = _split_rows(placed, values, columns, width)
        # a row's pieces: its other lines with fewer values (the line holding most of the row's values is the row)
        pieces = {k: [n for n in lines if len(values[n]) < len(values[k])] for k, lines in split.items()}
        owners = Counter(n for lines in pieces.values() for n in lines)
        for k, cells in placed.items():
            done.add(k)
            if k not in split:
                texts[k] = _rewritten(texts[k], values[k], cells)
            elif owners[k] == 0 and pieces[k] and (joined := _joined(k, pieces[k], values, columns)):
                if any(owners[n] > 1 for n in pieces[k]):  # a piece between two rows: whose it is is unknown
                    joined = [UNKNOWN if cell and not old else old for cell, old in zip(joined, cells, strict=True)]
                texts[k] = _rewritten(texts[k], values[k], joined)
                for n in pieces[k]:
                    texts[n] = _label(texts[n], values[n])
    _sparse_tables(texts, values, lines, done | learnt)
    for k, row in enumerate(values):
        if k and k not in done and len(row) >= 2 and not values[k - 1]:
            columns = _header_columns(lines[k - 1][1], len(row))
            if columns is not None and (cells := _placed(row, columns)) is not None:
                texts[k] = _rewritten(texts[k], row, cells)
                done.add(k)
            elif k not in learnt and texts[k] == lines[k][0] and (header := _header_lines(values, lines, k)) and (
                    placed := header_columns(header, row, max((w.x1 for w in lines[k][1] if w not in row),
                                                              default=None))) is not None and "" in placed[0]:
                # a row with blank cells right under a header whose names wrap over its lines (table 四's one row
                # of an agency with few appeals): its values under the stacks of the header's words, the header
                # written in those columns (``pdf_header_columns``; before, the row was lost)
                _header_written(texts, values, lines, k, placed[1])
                texts[k] = _rewritten(texts[k], row, placed[0])
                done.add(k)
    # a table's first row under its header, printed whole (table 四's one row, table 二's rows: 2019's 减2 and
    # 251000元 are cells too; a row with a blank cell, placed above, is not): its values stand in the columns the
    # header's words stand over
    cells = [row_cells(text, found) for text, found in lines]
    for k in range(1, len(lines)):
        if k not in learnt and k not in done and 2 <= len(cells[k]) <= MAX_COLUMNS and not cells[k - 1]:
            _header_written(texts, cells, lines, k, [(w.x0, w.x1, (w.x0 + w.x1) / 2) for w in cells[k]])
    return texts
