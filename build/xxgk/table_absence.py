"""A table the report does not print, told apart from a table this tool could not read. Pure.

``table_absent`` (error, a limit of our reading) leaves a report unranked: its numbers may be there, unread. But a
report without section 四 at all was charged twice for one omission: ``section_absent`` (warning, the agency's, −3)
and ``table_absent``, which left it unranked as if we had failed to read it (audit 27). Where the table's section is
absent while the sections on either side of it were found (the report goes from 三 straight to 五: its structure
was read, not lost with a page) and none of the table's header words (``rules/table_header_words.csv``: 结果维持,
本年新收政府信息公开申请数量, …) stands anywhere in the text, the report did not print the table:
``table_not_printed`` (info, the agency's; the section's absence is what costs points, once), its values missing,
not 0, and nothing went unread. A header word found elsewhere (a heading this tool did not recognise above a
printed table) keeps ``table_absent``; so does table 四's fifteen numbers printed in a run with no word between them
(``1 0 0 0 1 0 0 0 …`` under table 三, the section's heading and the table's header not printed): the table is
printed, this tool did not read it (before: table_not_printed said the report had not printed it).

>>> from xxgk.findings import make
>>> around = {"applications", "problems"}  # 三 and 五 found, 四 not
>>> [f.code for f in not_printed([make("table_absent", table="4")], around, "概述。")]
['table_not_printed']
>>> [f.code for f in not_printed([make("table_absent", table="4")], around, "类别 结果维持 结果纠正")]
['table_absent']
>>> [f.code for f in not_printed([make("table_absent", table="4")], {"applications"}, "概述。")]  # cut after 三
['table_absent']
>>> [f.code for f in not_printed([make("table_absent", table="4")], around, "概述。\\n" + "0 " * 15)]
['table_absent']
>>> [f.code for f in not_printed([make("table_absent", table="4")], around, "概述。\\n" + "0 " * 15, frozenset({2}))]
['table_not_printed']
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import labels, outcome_codes, proceeding_codes, table
from .findings import Finding, make
from .sections import section_order

SECTION_OF_TABLE = {"2": "active", "3": "applications", "4": "review_litigation"}


@cache
def _header_words() -> dict[str, tuple[str, ...]]:
    """``{table: the words of its header}`` of ``rules/table_header_words.csv``."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table("table_header_words"):
        out[row["table"]] = (*out.get(row["table"], ()), row["word"])
    return out


def _skipped(section: str, sections: set[str]) -> bool:
    """Whether ``section`` is absent from ``sections`` (the codes found) while its neighbours in the template's
    order are there (an end of the report reached: the section after it, none after the last)."""
    order = section_order()
    i = order.index(section)
    return section not in sections and all(order[j] in sections for j in (i - 1, i + 1) if 0 <= j < len(order))


_PIECE = re.compile(r"[^\s|]+")
_BARE = re.compile(r"\d+")


def _cells_run(text: str) -> int:
    """The most whole numbers ``text`` prints one after another with nothing but white space and rules (|) between
    them (one pass over the text).

    >>> _cells_run("概述 2024年 3 件。\\n1 0 0 0 1\\t0 | 0 0 0 0 0 0 0 0 0\\n五、")
    15
    """
    best = run = 0
    for piece in _PIECE.finditer(text):
        run = run + 1 if _BARE.fullmatch(piece.group()) else 0
        best = max(best, run)
    return best


def _table_4_cells() -> int:
    """How many numbers table 四 prints: each proceeding's outcomes and total (15)."""
    return len(proceeding_codes()) * len(outcome_codes())


def _printed_unread(table_code: str, text: str) -> bool:
    """Whether ``text`` prints table ``table_code``'s words or (table 四, whose rows have no label) its numbers."""
    if any(word in text for word in _header_words().get(table_code, ())):
        return True
    return table_code == "4" and _cells_run(text) >= _table_4_cells()


def _without_lines(text: str, lines: frozenset[int]) -> str:
    """``text`` with its ``lines`` (numbered from 1) printed as a mark that breaks a run of numbers."""
    if not lines:
        return text
    return "\n".join("·" if number in lines else line for number, line in enumerate(text.split("\n"), start=1))


def not_printed(findings: list[Finding], sections: set[str], text: str,
                read_lines: frozenset[int] = frozenset()) -> list[Finding]:
    """``findings`` with each ``table_absent`` whose section was skipped (``_skipped``) and whose header words
    ``text`` (the report's whole text) does not hold, nor (table 四) its fifteen numbers in a run, replaced by
    ``table_not_printed``. The lines in ``read_lines`` hold cells read as another table's: their numbers are no run
    of table 四's (audit 31: table 三 printed as a column of labels above its numbers' rows is 175 numbers in a run,
    read whole; it said table_absent, and the report without section 四 went unranked)."""
    out = []
    for f in findings:
        section = SECTION_OF_TABLE.get(f.table or "")
        if f.code == "table_absent" and section and _skipped(section, sections) \
                and not _printed_unread(f.table, _without_lines(text, read_lines) if f.table == "4" else text):
            f = make("table_not_printed", table=f.table, detail=labels()["sections"][section])
        out.append(f)
    return out
