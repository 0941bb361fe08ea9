"""The columns of a PDF table drawn without rules, from where its header's words stand over them.

A table that prints one row of numbers, most of its cells blank (table 四 of an agency that had few appeals:
``5 2 7 8 1 9`` under fifteen columns), has no complete row to learn its columns from, and its header's names,
wrapped in their narrow cells (结果 over 维持, 尚未 over 审结, 总计 one line high between them), lie over several
lines of the text layer, none of them one word a column. The words still stand over their columns: each column's
name is a stack of words whose x-spans overlap, and a group's name (行政诉讼, 未经复议直接起诉) stands over several
such stacks. ``header_columns`` finds them: the header's words, less those over two or more others that stand apart
(a group's name), merged where their spans overlap, left to right.

Only where it is certain: at most ``MAX_WORDS`` words, ``MIN_COLUMNS`` to ``MAX_COLUMNS`` stacks, each a word on
at least one line, no gap between two stacks' middles wider than ``GAP_RATIO`` times the narrowest (a wider one may
be a column whose name the window of lines missed: its numbers would be read a column off), and each of the row's
values standing with its middle inside one stack's span and over no other, one value a stack. Else None: the row
stays as printed (missing, said), never a number under another column's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_cells import Word

MIN_COLUMNS, MAX_COLUMNS = 4, 32  # (as pdf_cells)
# words a header of pdf_cells.HEADER_LINES lines may hold (each line at most MAX_COLUMNS names); more is no header
# of the report's: its stacks are never looked for (they cost the square of its words, and words drawn over each
# other the cube: 1,000 words on one line took 30 CPU s for one row under it — hostile round 13)
MAX_WORDS = 6 * MAX_COLUMNS
GAP_RATIO = 1.5  # the widest gap between two stacks' middles, in narrowest gaps


def _spans(words: list[Word]) -> list[tuple[float, float, int]]:
    """The header's stacks (left, right): the words, less a group's name (one over two or more words that overlap
    neither each other), merged where their spans overlap, left to right.

    >>> from xxgk.pdf_cells import Word
    >>> w = [Word("结果", 10, 28), Word("维持", 10, 28), Word("总计", 40, 58), Word("尚未", 70, 88),
    ...      Word("行政复议", 20, 80)]
    >>> _spans(w)
    [(10, 28, 2), (40, 58, 1), (70, 88, 1)]
    """
    def over(a: Word, b: Word) -> bool:
        return a.x0 < b.x1 and b.x0 < a.x1

    kept = []
    for word in words:
        under = [w for w in words if w is not word and over(word, w) and w.x1 - w.x0 < word.x1 - word.x0]
        if under and max(w.x0 for w in under) >= min(w.x1 for w in under):
            continue  # (a group's name over two stacks or more: two words under it that overlap not — spans
            # overlap pairwise exactly when the rightmost left edge stands left of the leftmost right edge)
        kept.append(word)
    spans: list[list[float]] = []  # (left, right, words)
    for word in sorted(kept, key=lambda w: w.x0):
        if spans and word.x0 < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], word.x1)
            spans[-1][2] += 1
        else:
            spans.append([word.x0, word.x1, 1])
    return [(a, b, int(n)) for a, b, n in spans]


def header_columns(header: list[list[Word]], values: list[Word], label_end: float | None = None
                   ) -> tuple[list[str], list[tuple[float, float, float]]] | None:
    """``(the row's cells, the columns)``: its ``values`` put under the stacks of the ``header`` lines' words they
    stand in, the others blank, and the stacks (left, right, middle); None when the stacks or the values' places are
    not certain (see the module's docstring). The stacks begin right of ``label_end`` (where the row's label ends:
    the label column's name, 信息内容, is no column of numbers), and most of them are names wrapped (two words or
    more): a header of one line, one word a column, places a row by its own rule (``pdf_cells._header_columns``,
    at most ``HEADER_BLANKS`` blank cells).

    >>> from xxgk.pdf_cells import Word
    >>> head = [[Word(t, x, x + 18) for t, x in (("结果", 10), ("结果", 40), ("其他", 70), ("尚未", 100))],
    ...         [Word(t, x, x + 18) for t, x in (("维持", 10), ("纠正", 40), ("结果", 70), ("审结", 100))]]
    >>> header_columns(head, [Word("5", 17, 22), Word("2", 107, 112)])[0]
    ['5', '', '', '2']
    >>> gap = [[Word("维持", 10, 28), Word("总计", 190, 208)]]  # (a column between unnamed: its numbers unsure)
    >>> header_columns(head[:1] + gap, [Word("5", 17, 22)]) is None
    True
    """
    if sum(len(line) for line in header) > MAX_WORDS:
        return None
    found = [span for span in _spans([word for line in header for word in line])
             if label_end is None or span[0] >= label_end]
    spans = [(a, b) for a, b, _ in found]
    if not MIN_COLUMNS <= len(spans) <= MAX_COLUMNS or 2 * sum(n > 1 for _, _, n in found) <= len(found):
        return None
    middles = [(a + b) / 2 for a, b in spans]
    gaps = [b - a for a, b in zip(middles, middles[1:], strict=False)]
    if max(gaps) > GAP_RATIO * min(gaps):
        return None
    cells = [""] * len(spans)
    for value in values:
        middle = (value.x0 + value.x1) / 2
        inside = [j for j, (a, b) in enumerate(spans) if a <= middle <= b]
        touched = [j for j, (a, b) in enumerate(spans) if value.x0 < b and a < value.x1]
        if len(inside) != 1 or touched != inside or cells[inside[0]]:
            return None
        cells[inside[0]] = value.text
    return cells, [(a, b, (a + b) / 2) for a, b in spans]
