"""Pipe rows broken over lines at their empty cells: a web page's text whose converter writes each empty cell of a
row as a line break and a rule (a real page's table 三, each row a label, its numbers and blanks)::

    一、本年新收政府信息公开申请数量 | 25 |
    |
    |
    |
    |
    | 25 |

— 自然人 25, five blank cells, 总计 25: the row's first line, a lone ``|`` a blank cell after the first, and the line
that closes the row beginning with the last blank's rule. Read line by line, each row was one number short of seven
and lost whole (``row_lost_cells``), its printed numbers with it. ``fold_broken_pipe_rows`` joins such a row into
one pipe row, each blank an empty cell in its place; the lines it took are left empty.
"""

from __future__ import annotations

import re

# a row's first line: a text, then its cells' rules (and at most its first cells), ending on a rule
_OPENS = re.compile(r"^[^|\s][^|]*(?:\|[^|]*)*\|$")
# the line that closes a broken row: the last blank's rule, then a cell holding a value, its rule
_CLOSES = re.compile(r"^\|\s*[^|\s][^|]*\|(?:[^|]*\|)*$")


def fold_broken_pipe_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rows written over lines at their empty cells (module docstring) as one pipe row on their first line.

    >>> fold_broken_pipe_rows([(1, "规章 | 5 |"), (2, "|"), (3, "| 7 |"), (4, "下一行 | 1 | 2 | 3 |")])
    [(1, '| 规章 | 5 |  |  | 7 |'), (2, ''), (3, ''), (4, '下一行 | 1 | 2 | 3 |')]
    >>> fold_broken_pipe_rows([(1, "规章 | 5 |"), (2, "|"), (3, "下一行 | 1 |")])
    [(1, '规章 | 5 |'), (2, '|'), (3, '下一行 | 1 |')]
    """
    texts = [text.strip() for _, text in lines]
    if "|" not in texts or not any(text.startswith("|") and _CLOSES.match(text) for text in texts):
        return lines
    out = list(lines)
    index = 0
    while index < len(texts):
        end = index + 1
        while end < len(texts) and texts[end] == "|":
            end += 1
        if end > index + 1 and end < len(texts) and _OPENS.match(texts[index]) and _CLOSES.match(texts[end]):
            joined = "".join(texts[index:end + 1])
            cells = [cell.strip() for cell in joined.split("|")[:-1]]
            out[index] = (out[index][0], "| " + " | ".join(cells) + " |")
            for taken in range(index + 1, end + 1):
                out[taken] = (out[taken][0], "")
            index = end + 1
        else:
            index += 1
    return out
