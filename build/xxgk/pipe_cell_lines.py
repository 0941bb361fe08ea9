"""Tables printed one cell a line, as a web page's text is when every cell of its table holds a paragraph of its
own (a crawler or a reader mode writes ``<td><p>0</p></td>`` as a line), in two forms:

- each cell closed by ``|``; an empty cell a lone ``|``; the row's merged columns (a label over three, a value over
  three) as bare ``|`` after the row's last cell, on a line of their own or after it (``0 | ||``)::

    一、本年新收政府信息公开申请数量 |
    |
    |
    0 |
    ||

- each cell followed by one empty line, an empty cell an empty line of its own (no separator after it), so that
  a row of six empty cells and a 0 is its label, seven empty lines, then ``0``.

``fold_pipe_cell_lines`` brings such a table's rows to pipe rows, the form the tables' readers read
(``| 一、本年新收… |  |  | 0 | ||``), each on its first line. Before, an empty cell was no cell: the row had fewer
numbers than columns and was lost whole (``row_lost_cells``), its printed numbers with it; in the benchmarks'
one-cell-a-line layout the numbers after an empty cell were read one column left.
"""

from __future__ import annotations

import re

from .cells import _cell, is_page_footer
from .text import fold
from .values import change_words

# at least this many cells a line in the region: the whole table is printed so (a table of pipe rows with a heading
# line ``第二十条第（一）项 |`` here and there is not)
MIN_CELL_LINES = 8

# a line's tokens: ("cell", text), ("empty", ""), ("merged", the rules), ("text", "") a line of words that ends a
# row and is left as printed, ("skip", "") a line passed over (an empty line, a page's number)
Token = tuple[str, str]
_SPACED_NUMBERS = re.compile(r"\d\s+\d")
_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+$")  # 1 234 567: one number


def _pipe_tokens(stripped: str) -> list[Token] | None:
    """The tokens of one line of the ``|`` form; None for a line of several cells holding a value (a pipe row: the
    region is another layout). Read without a regular expression: linear in the line, however it is spaced."""
    if "|" not in stripped:
        return [("skip" if not stripped or is_page_footer(stripped) else "text", "")]
    if not stripped.strip("|"):
        return [("empty", "")] if stripped == "|" else [("merged", stripped)]
    if stripped.endswith("|"):
        head = stripped.rstrip("|")
        inner, rules = head.rstrip(), stripped[len(head):]
        cell, merged = (inner[:-1].strip(), rules) if inner.endswith("|") else (inner, rules[1:])
        if "|" not in cell:  # (0 |, 0 | ||, | ||: the cell's own rule, then its row's merged columns')
            return [("cell", cell) if cell else ("empty", "")] + ([("merged", merged)] if merged else [])
    if any(_cell(cell)[1] for cell in stripped.split("|") if cell.strip()):
        return None
    return [("text", "")]  # (a header row on one line: 自然人 | 法人或其他组织 | 总计 | ||||)


def _spaced_tokens(lines: list[tuple[int, str]]) -> list[list[Token]] | None:
    """The tokens of the blank-line form, or None when the region is not in it: every line of text is followed by
    an empty line (the region's last excepted), none holds a ``|`` or a tab, and some are followed by more than one
    (an empty cell: else there is nothing to fold)."""
    texts = [text.strip() for _, text in lines]
    filled = [i for i, text in enumerate(texts) if text]
    if len(filled) < MIN_CELL_LINES or any("|" in lines[i][1] or "\t" in lines[i][1] for i in filled):
        return None
    if any(texts[i + 1] for i in filled[:-1]) or not any(not texts[i + 2] for i in filled[:-1] if i + 2 < len(texts)):
        return None
    out: list[list[Token]] = []
    footer_next = False  # (whether the next line of text is a page's number: the empty lines before it are its)
    for i in range(len(texts) - 1, -1, -1):
        text = texts[i]
        if text:
            footer_next = is_page_footer(text)
            out.append([("skip", "") if footer_next else _spaced_cell(text)])
        else:  # (the empty line right after a cell is its separator; each further one after a cell an empty cell,
            # but those a page break puts before a page's number)
            empty = filled[0] < i - 1 and not texts[i - 1] and not footer_next
            out.append([("empty", "") if empty else ("skip", "")])
    return out[::-1]


def _padded_tokens(lines: list[tuple[int, str]]) -> list[list[Token]] | None:
    """The tokens of the padded blank-line form, or None when the region is not in it: every cell on a line of its
    own followed by one empty line, an empty cell a line of spaces alone (a web page's ``<td>&nbsp;</td>``, written
    as its space) followed by its empty line like any cell — so that the empty line is always a separator and the
    line of spaces always a cell. A region is in this form when it holds two lines of spaces at least, every line of
    text or of spaces is followed by an empty line (a line of words may be followed by another: a header's cell
    wrapped over two lines, ``本年新`` / ``制作数量``), no two empty lines follow one another between its first and
    last lines of text, and none holds a ``|`` or a tab. Before, the lines of spaces were read as empty lines, one
    more than the cells after each value: ``行政许可`` / ``148`` / (spaces) / (spaces) had one number for three
    cells and was lost (row_lost_cells), its printed 148 with it."""
    raw = [text for _, text in lines]
    spaces = [i for i, text in enumerate(raw) if text and not text.strip()]
    filled = [i for i, text in enumerate(raw) if text.strip()]
    if len(spaces) < 2 or len(filled) < MIN_CELL_LINES or any("|" in raw[i] or "\t" in raw[i] for i in filled):
        return None
    last = filled[-1]
    for i, text in enumerate(raw[:last]):
        if text and raw[i + 1]:  # (text or spaces, then text or spaces: only a header's words may wrap so)
            if not (text.strip() and raw[i + 1].strip()) or _cell(text.strip())[1] or _cell(raw[i + 1].strip())[1]:
                return None
        if not text and i > filled[0] and not raw[i + 1]:
            return None
    return [[("skip", "") if not text or text.strip() and is_page_footer(text.strip())
             else ("empty", "") if not text.strip() else _spaced_cell(text.strip())] for text in raw]


def _spaced_cell(text: str) -> Token:
    """A line of text of the blank-line form: a cell, or ``text`` (a row of its own, left as printed) when it
    holds several numbers apart by spaces (``6 0 4 1 11 …``, a row printed on one line), not one number grouped in
    thousands (``1 234``)."""
    return ("text", "") if _SPACED_NUMBERS.search(text) and not _GROUPED.match(text) else ("cell", text)


def fold_pipe_cell_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The region's rows as pipe rows when its table is printed one cell a line (module docstring), each on its
    first line, the lines it took left empty. A row begins at a cell of text (a label); a value cell (a number or
    a missing-value mark such as ``/``) and an empty one go on the row before; the merged columns' rules end it.
    In the ``|`` form only rows holding an empty cell before a value are folded: an empty cell after a row's last
    value may be a rule as well as a cell (a lone ``|`` is both), and a row without one is read as printed, each
    value on its own line (the line the site shows as its source), its merged columns' line of rules left empty:
    those rules are no cells, and a row printing fewer numbers than columns says not which columns they span.
    In the blank-line form every row of more than one cell is folded once one has an empty cell before a value
    (the readers take a region's empty lines as its spacing or as its cells, not both); a lone text (a header's
    cell) stays as printed. Any other region is returned as it is."""
    padded = _padded_tokens(lines)
    spaced = padded or _spaced_tokens(lines)
    tokens = spaced or [_pipe_tokens(text.strip()) for _, text in lines]
    if None in tokens or sum(kind == "cell" for line in tokens for kind, _ in line) < MIN_CELL_LINES:
        return lines
    if not any(kind == "cell" and _cell(cell)[1] for line in tokens for kind, cell in line):
        return lines  # (no value at all: headings or a list, not a table of numbers)
    rows: list[tuple[list[str], list[int], str]] = []  # (cells, the row's lines, its merged columns' rules)
    row: list[str] = []
    taken: list[int] = []

    def flush(merged: str = "") -> None:
        if taken:
            rows.append((list(row), list(taken), merged))
        row.clear()
        taken.clear()

    for index, line in enumerate(tokens):
        for kind, cell in line:
            if kind == "text":
                flush()
            elif kind == "merged":
                if taken:
                    taken.append(index)
                    flush(cell)
            elif kind == "empty" and taken:
                row.append("")
                taken.append(index)
            elif kind == "cell":
                if not _cell(cell)[1] and not (taken and _stays_in_row(cell)):
                    flush()
                row.append(cell)
                taken.append(index)
    flush()

    def gap(cells: list[str]) -> bool:  # an empty cell before the row's last value
        return "" in cells[:max((i for i, cell in enumerate(cells) if cell), default=0)]

    def worded(cells: list[str]) -> bool:  # a change printed in words (未增未减, 持平) or in marks after the label
        return any(_stays_in_row(cell) and not _cell(cell)[1] for cell in cells[1:])

    def blank_before_rules(cells: list[str], merged: str) -> bool:
        # an empty cell after the row's last value, then the merged columns' rules: the rules end the row, so the
        # lone | before them is a cell of it (a header row of three cells prints ``||`` after its third, and a row
        # of the same three columns its label, 0, a lone | and ``||``). Before, the 2019 行政事业性收费 row of a real
        # page, 上一年项目数量 0 and 本年增/减 blank, was lost whole (row_lost_cells), its printed 0 with it.
        return not spaced and bool(merged) and len(cells) > 2 and cells[-1] == "" \
            and any(_cell(cell)[1] for cell in cells[1:])

    if padded and not any("" in cells[1:] for cells, _, _ in rows):
        return lines  # (no line of spaces in a row: nothing to fold, the rows read as printed)
    if spaced and not padded and not any(gap(cells) or worded(cells) for cells, _, _ in rows):
        return lines
    out = list(lines)
    for cells, at, merged in rows:
        if padded and "" not in cells[1:]:
            continue  # (a row with no line of spaces reads as printed, each value on its own line)
        if gap(cells) or worded(cells) or blank_before_rules(cells, merged) or spaced and len(cells) > 1:
            # (a lone text, a header's cell, stays as printed)
            for index in at:
                out[index] = (out[index][0], "")
            out[at[0]] = (out[at[0]][0], "| " + " | ".join(cells) + " |" + (" " + merged if merged else ""))
        elif merged and tokens[at[-1]] == [("merged", merged)] and any(_cell(cell)[1] for cell in cells[1:]):
            out[at[-1]] = (out[at[-1]][0], "")  # (the merged columns' rules are no cells: a row of two numbers
            # then seven rules, 4 | 4 | |||||||, was read as 自然人 4, 商业企业 4 and five empty cells)
    return out


_HAN = re.compile(r"[\u3400-\u9fff]")
# a sign and a digit (Arabic, half- or full-width) in one cell: a change's marks (+(0) -(0), +3/-1), never a note's
# mark (①, ⒈, *: a footnote after a row's last cell is no cell of it). Looked for apart, on one line: as one pattern
# of two look-aheads, ``(?=.*[+…])(?=.*[0-9…])``, each place of a cell without a sign read the rest of it (32,000
# characters in a cell: 3.9 CPU s to parse, the time growing with the square of the cell; session 42)
_SIGN = re.compile(r"[+\-＋－±]")
_DIGIT = re.compile(r"[0-9０-９]")


def _signed_digits(cell: str) -> bool:
    r"""Whether one line of ``cell`` holds a sign and a digit (``_SIGN``, ``_DIGIT``).

    >>> _signed_digits("+(0) -(0)"), _signed_digits("①"), _signed_digits("+\n3"), _signed_digits("x" * 9 + "-1")
    (True, False, False, True)
    """
    return any(_SIGN.search(line) and _DIGIT.search(line) for line in cell.split("\n"))


def _stays_in_row(cell: str) -> bool:
    """Whether a text cell after a row's first cell is a cell of that row, never the next row's label: words for no
    change (``_no_change``), or a sign and a digit with no Chinese character (``+(0) -(0)``, a 2019 本年增/减 printed
    as both signs: no label is written so; a note's mark, ``①``, is not such a cell). It is read as the pipe rows'
    text cells are, unreadable (null with value_unreadable), the row's other numbers in their columns. Before,
    ``行政许可 |`` / ``43 |`` / ``+(0) -(0) |`` / ``66 |`` (a real 2020 page) began a row at ``+(0) -(0)``: 行政许可
    had one number for three cells and was lost."""
    return _no_change(cell) or (not _HAN.search(cell) and _signed_digits(cell))


def _no_change(cell: str) -> bool:
    """Whether ``cell`` is words a 2019 table 二 prints for no change in its 本年增/减 cell (``rules/change_words.csv``:
    未增未减, 持平): a cell of the row it stands in, never the next row's label. Before, one a line (``行政许可 |``,
    ``7 |``, ``未增未减 |``, ``31 |``, a real 2020 page's every row) began a row of its own: each row a number or two
    short, lost whole (row_lost_cells) with its printed numbers. Folded into its row, it is read as in pipe rows:
    the row's numbers kept, the change null with value_unreadable (only a printed 0 is zero)."""
    return fold(cell).strip() in change_words()
