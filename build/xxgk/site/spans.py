"""Where each table row sits inside a very long source line, as character offsets.

Flattened web pages put a whole report on one line, so "第10行" would point at the whole report. For
such lines this finds each row's label with the parser's own alias tables (``rules/row_labels.csv``,
``item_labels.csv``) inside the table's section (found with the parser's section headings), in the
template's row order, on the same folded, space-free form the parser matches labels in. A row's span
runs from its label to the next row's label. Best effort and additive: a row whose label is not found
keeps its line link, and lines of ordinary length are never split.

>>> text = "一、总体情况 好 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3 " \\
...        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 " + "。" * 300
>>> spans = row_spans(text, "2021")
>>> start, end = spans[("applications", "new")][1:]
>>> text[start:end].strip()
'一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..catalog import codes, patterns
from ..sections import Document, Section, text_to_sections
from ..text import compact

LONG_LINE = 300  # characters: a line this long is a flattened page, and its rows get spans
NUMBERING = re.compile(r"(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[)）]"
                       r"|\d{1,2}[.、．])\s*$")
GROUP = re.compile(r"[（(][一二三四五六七八九十]{1,2}[)）]")  # the next group's heading ends a span
VALUE_END = set("0123456789/-—－")  # a row's span ends after its last value (or missing marker)
SECTION_SPAN = "*"  # the row code of a span that covers a whole table (table 4)
TABLES = {"applications": ("applications", "row_labels", "rows"),
          "active_disclosure": ("active", "item_labels", "items")}


def _folded(text: str, start: int, end: int) -> tuple[str, Sequence[int]]:
    """``text[start:end]`` in the parser's matching form (each character folded alone), with each folded
    character's offset in ``text``: a ``range`` when every character folds to one (the common case, no list of
    offsets built).

    >>> _folded("a（一） b", 1, 6)
    ('(一)b', [1, 2, 3, 5])
    >>> _folded("ab（c", 0, 4)
    ('ab(c', range(0, 4))
    """
    pieces = list(map(compact, text[start:end]))
    folded = "".join(pieces)
    if len(folded) == end - start and "" not in pieces:  # each piece one character: the offsets as they are
        return folded, range(start, end)
    return folded, [i for i, piece in enumerate(pieces, start) for _ in piece]


@lru_cache(maxsize=2)  # a report's page, then its source page: the same text, its sections found once
def document_sections(text: str) -> tuple[Document, tuple[Section, ...]]:
    """``(the Document of text, its sections as the parser finds them)``."""
    doc = Document.from_text(text)
    return doc, tuple(text_to_sections(doc))


def row_spans(text: str, fmt: str | None) -> dict[tuple[str, str], tuple[int, int, int]]:
    """``{(resource, row code): (line, start, end)}``: offsets within the line (0-based, end exclusive) of each
    row found on a line longer than ``LONG_LINE``; empty when the text has no such line."""
    doc, found = document_sections(text)  # (the source page's ``table_lines.unindexed`` takes them again)
    ends = list(doc.line_starts[1:]) + [len(text)]
    if not any(e - s > LONG_LINE for s, e in zip(doc.line_starts, ends, strict=True)):
        return {}
    sections = {s.code: s for s in found}
    out = {}
    for resource, (section, rules, code_list) in TABLES.items():
        s = sections.get(section)
        if s is None:
            continue
        folded, where = _folded(text, s.start, s.end)
        aliases = dict(patterns(rules))
        found, position = [], 0
        for entry in codes()[code_list]:
            if fmt and fmt not in entry.get("formats", [fmt]) or entry["code"] not in aliases:
                continue
            match = aliases[entry["code"]].search(folded, position)
            if match:
                found.append((entry["code"], where[match.start()]))
                position = match.end()
        bounds = [start for _, start in found[1:]] + ([s.end] if found else [])
        last_end = s.start
        for (code, start), end in zip(found, bounds, strict=True):
            numbering = NUMBERING.search(text[max(last_end, start - 8):start])
            start -= len(numbering.group(0)) if numbering else 0
            group = GROUP.search(text, start + 4, end)
            end = group.start() if group else end
            while end > start and text[end - 1] not in VALUE_END:
                end -= 1
            last_end = end
            line = doc.line_of(start)
            first = doc.line_starts[line - 1]
            if ends[line - 1] - first > LONG_LINE and doc.line_of(max(start, end - 1)) == line:
                out[(resource, code)] = (line, start - first, end - first)
    s = sections.get("review_litigation")  # table 4: one row of 15 numbers under a two-level header, no row
    if s is not None:  # labels to find: its span is the section body, up to its last value
        end = s.end
        while end > s.start and text[end - 1] not in VALUE_END:
            end -= 1
        line = doc.line_of(s.start)
        first = doc.line_starts[line - 1]
        if ends[line - 1] - first > LONG_LINE and end > s.start and doc.line_of(end - 1) == line:
            out[("review_litigation", SECTION_SPAN)] = (line, s.start - first, end - first)
    return out
