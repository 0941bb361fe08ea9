"""A table printed one cell a line, each cell closed by ``|``, as a web page's text is when every cell of its table
holds a paragraph of its own (a crawler or a reader mode writes ``<td><p>0</p></td>`` as ``0 |`` on a line)::

    一、本年新收政府信息公开申请数量 |
    |
    |
    0 |
    ||

An empty cell is a lone ``|``; the row's merged columns (a label over three, a value over three) are printed last,
as one line of bare ``|``. ``fold_pipe_cell_lines`` brings such a table to one pipe row a row, the form the tables'
readers read (``| 一、本年新收… |  |  | 0 | ||``), on the row's first line. Before, a lone ``|`` was no cell: the row
above had one number for seven cells and was lost whole (``row_lost_cells``), its printed 0 with it.
"""

from __future__ import annotations

from .cells import _cell, is_page_footer

# at least this many cell lines in the region, and no line holding a | anywhere but at its end: the whole table
# is printed so (a table of pipe rows with a heading line ``第二十条第（一）项 |`` here and there is not)
MIN_CELL_LINES = 8


def _kind(stripped: str) -> str | None:
    """``"cell"`` (text then one closing ``|``), ``"empty"`` (a lone ``|``), ``"merged"`` (``||``, ``|||`` …: the
    merged columns' rules), ``""`` for a line without ``|``, None for any other line holding one."""
    if "|" not in stripped:
        return ""
    if stripped == "|":
        return "empty"
    if not stripped.strip("|"):
        return "merged"
    if stripped.endswith("|") and stripped.count("|") == 1:
        return "cell"
    return None


def fold_pipe_cell_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The rows holding an empty cell before a value as pipe rows when the whole table is printed one cell a line
    (module docstring): such a row on its first line, the lines it took left empty. A row begins at a cell of
    text (a label); a value cell (a number or a missing-value mark such as ``/``) and an empty one go on the row
    before; the merged columns' line ends it. An empty cell after a row's last value may be a rule as well as a
    cell (a lone ``|`` is both), so a row with no other empty cell is left as printed, as is a row without one:
    a cell a line, which the readers read with each value on its own line (the line the site shows as its
    source). Any other region is returned as it is."""
    kinds = [_kind(text.strip()) for _, text in lines]
    if None in kinds or kinds.count("cell") < MIN_CELL_LINES or "empty" not in kinds:
        return lines
    if not any(kind == "cell" and _cell(text.strip()[:-1])[1] for kind, (_, text) in zip(kinds, lines, strict=True)):
        return lines  # (no value at all: headings or a list, not a table of numbers)
    out = list(lines)
    row: list[str] = []
    taken: list[int] = []  # the row's lines, its merged columns' line included
    merged = ""

    def flush() -> None:
        nonlocal merged
        if "" in row[:max((i for i, cell in enumerate(row) if cell), default=0)]:  # (an empty cell before a value)
            for index in taken:
                out[index] = (out[index][0], "")
            out[taken[0]] = (out[taken[0]][0], "| " + " | ".join(row) + " |" + (" " + merged if merged else ""))
        row.clear()
        taken.clear()
        merged = ""

    for index, (kind, (_, text)) in enumerate(zip(kinds, lines, strict=True)):
        if not kind:
            if text.strip() and not is_page_footer(text.strip()):  # (a page's number is no row's: passed over)
                flush()  # (a line of text between the table's rows, a note or a unit: the row ends there)
            continue
        stripped = text.strip()
        if kind == "merged":
            if taken:
                merged = stripped
                taken.append(index)
                flush()
            continue
        if not taken and kind == "empty":
            continue  # (a lone | before any row's label: a rule, as the outer one above each row some print)
        cell = stripped[:-1].strip() if kind == "cell" else ""
        if kind == "cell" and not _cell(cell)[1]:
            flush()
        row.append(cell)
        taken.append(index)
    flush()
    return out
