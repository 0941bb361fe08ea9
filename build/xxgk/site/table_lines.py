"""Which parts of a report's text are its tables (sections 二–四), so that the full-text search indexes the prose.

The tables' labels are the template's, the same in every report: a full-text query for 不予公开 or 行政复议 would
list every report, and their numbers are read from the data, not searched. So the source page puts the tables'
lines, and the tables' part of a line they share with prose (a report flattened onto a few long lines), in
``data-pagefind-ignore`` elements (``report_page.source_page``): Pagefind — ours, or anyone's run over the
published pages — indexes the prose and whatever it cannot place, and the page shows every line as before.
The sections are the parser's own (``sections.text_to_sections``), found again in the text the page shows.

A table section runs from its heading to the next section's heading. The section found last is indexed whole
(its end is the end of the text, which may hold prose whose heading was not found), and so is a text without
sections: losing a table's words costs a query nothing, losing prose would, so every doubt keeps the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..sections import NARRATIVE, Section, section_order
from .spans import document_sections

TABLE_SECTIONS = frozenset(code for code in section_order() if code not in NARRATIVE)  # 二、三、四


def table_spans(found: Sequence[Section]) -> list[tuple[int, int]]:
    """``[(start, end)]`` offsets (as slices, ascending, disjoint) of the table sections among ``found`` (a text's
    sections, ``sections.text_to_sections``) that another section follows, each from its heading to the next
    heading (from after its heading when it is the first section found: where its heading begins is not known).

    >>> table_spans(document_sections("一、总体情况 好。二、主动公开政府信息情况 规章 0 五、存在的主要问题 少。")[1])
    [(9, 27)]
    """
    spans: list[tuple[int, int]] = []
    for i, section in enumerate(found[:-1]):
        if section.code not in TABLE_SECTIONS:
            continue
        start = found[i - 1].end if i else section.start  # a section ends where the next heading begins
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], section.end)
        else:
            spans.append((start, section.end))
    return spans


def unindexed(text: str) -> tuple[list[tuple[int, int]], dict[int, list[tuple[int, int]]]]:
    """The tables of ``text`` by line: ``[(first, last)]`` (1-based, inclusive) runs of lines wholly in a table,
    and ``{line: [(start, end)]}`` the tables' parts (offsets in the line) of the lines they share with prose.

    >>> text = "一、总体情况\\n好。\\n二、主动公开政府信息情况\\n规章 0 0 0\\n五、存在的主要问题及改进情况\\n少。"
    >>> unindexed(text)
    ([(3, 4)], {})
    >>> unindexed("一、总体情况 好。\\n二、主动公开政府信息情况 规章 0 五、存在的主要问题 少。")
    ([], {2: [(0, 18)]})
    """
    doc, found = document_sections(text)  # (found once for the report's page and its source page)
    starts, size = doc.line_starts, len(text)
    runs: list[tuple[int, int]] = []
    parts: dict[int, list[tuple[int, int]]] = {}
    for start, end in table_spans(found):
        for n in range(doc.line_of(start), doc.line_of(max(start, end - 1)) + 1):
            begin = starts[n - 1]
            stop = starts[n] - 1 if n < len(starts) else size  # without the line feed
            if start <= begin and stop <= end:
                if runs and runs[-1][1] == n - 1:
                    runs[-1] = (runs[-1][0], n)
                else:
                    runs.append((n, n))
            elif max(start, begin) < min(end, stop):
                parts.setdefault(n, []).append((max(start, begin) - begin, min(end, stop) - begin))
    return runs, parts
