"""CPU seconds of reading and parsing hostile tables as they grow ×2 (hostile round 13, session 55: the reader and
parser code of sessions 45–54). Each figure should about double with the size; a figure past ``--limit`` seconds is
printed as such and the larger sizes skipped.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_tables [--limit 60] [--only SUBSTRING]

Before the round's fixes → after them (this script, ``--limit 30``, on 2 cores shared with another helper):

- table 三's rows printed N times (26 rows a copy; a row quoted by a sentence was tested against every row kept):
  500 / 1,000 copies 5.6 / 21.6 CPU s, 2,000 past 30 → 1.0 / 2.5 / 6.0 s;
- N lines of ``|`` after a row's label, its empty cells one a line (each line walked the rest of the run, copying the
  rest of the table; each header line naming the five organisations was checked against every other): 10,000 lines
  (21 KB) 18.8 CPU s, 20,000 past 30 → 0.6 / 1.4 s, 40,000 3.0 s; N lines of blanks: 10,000 8.1 s → 0.4 s;
- a PDF header line of N words drawn over each other above a row of numbers (the words under a group's name compared
  pair by pair: the cube): 500 words 4.1 CPU s, 1,000 past 30 → 0.00 s (past ``MAX_WORDS``, 192, no stacks);
- a .docx paragraph ``第`` then N blanks after a table (is it a 续表 line?): 32,000 / 64,000 12.4 / 29.0 CPU s →
  0.17 / 0.17 s;
- table 二's header cell of N ``(`` (``(.*?)`` from each): 8,000 8.5 CPU s, 16,000 past 30 → 0.02 / 0.03 s;
- table 三 printed column by column, N names each over a number: 8,000 (50 KB) 9.6 CPU s, 16,000 past 30 →
  1.1 / 1.8 s.
"""

from __future__ import annotations

import argparse
import math
import signal

from tests.factory import as_docx, tab_report
from tests.test_h47reports import by_columns, columns, report

from xxgk.memo import MEMO_CHARS, account
from xxgk.parser import parse
from xxgk.pdf_cells import Word, mark_blank_cells
from xxgk.readers import read_bytes

from . import regex_sweep

_BASE = tab_report(agency="甲县民政局")
_AT = _BASE.index("\n", _BASE.index("三、收到和处理")) + 1


def _table3_lines(extra: str) -> str:
    return _BASE[:_AT] + extra + _BASE[_AT:]


def _copies(n: int) -> str:
    return _table3_lines(_BASE[_AT:_BASE.index("四、")] * n)


def _rules(n: int) -> str:
    return _table3_lines("行政许可 |\n" + "|\n" * n)


def _blanks(n: int) -> str:
    return _table3_lines("行政许可\n" + " \n" * n)


def _brackets(n: int) -> str:
    return _BASE.replace("\t本年制发件数\t", "\t" + "(" * n + "\t", 1)


def _names_over_numbers(n: int) -> str:
    return report(by_columns(columns(), "named") + "\n" + "\n".join(["自然人", "1"] * n))


def _page_mark(n: int) -> bytes:
    return as_docx(_BASE.replace("五、存在", "第" + " " * n + "x\n五、存在"))


def _stacked_header(n: int) -> list:
    head = [Word("甲", 100.0, 110.0 + (k % 7) * 0.5) for k in range(n)]
    row = [Word("行", 10, 20), *(Word(str(d), 100 + 40 * d, 106 + 40 * d) for d in range(1, 6))]
    return [(" ".join(w.text for w in head), head), (" ".join(w.text for w in row), row)]


def _read(data: str | bytes, suffix: str) -> None:
    source = read_bytes(data.encode() if isinstance(data, str) else data, suffix)
    if source.parse_text:
        parse(source.parse_text)


CASES = {
    "text, table 三's rows N times": (lambda n: _read(_copies(n), ".txt"), (250, 500, 1_000, 2_000)),
    "text, N lines of | after a label": (lambda n: _read(_rules(n), ".txt"), (5_000, 10_000, 20_000, 40_000)),
    "text, N lines of blanks after a label": (lambda n: _read(_blanks(n), ".txt"), (5_000, 10_000, 20_000, 40_000)),
    "PDF, a header of N words drawn over each other": (lambda n: mark_blank_cells(_stacked_header(n)),
                                                       (250, 500, 1_000, 2_000)),
    ".docx, a paragraph 第 and N blanks": (lambda n: _read(_page_mark(n), ".docx"), (8_000, 16_000, 32_000, 64_000)),
    "text, table 二's header cell of N (": (lambda n: _read(_brackets(n), ".txt"), (4_000, 8_000, 16_000, 32_000)),
    "text, table 三 by columns, N names over numbers": (lambda n: _read(_names_over_numbers(n), ".txt"),
                                                        (2_000, 4_000, 8_000, 16_000)),
}


def cpu_seconds(function, n: int, limit: float) -> float:
    """CPU seconds of ``function(n)`` (each parser memo emptied first), or ``math.inf`` past ``limit``
    (``regex_sweep.cpu_seconds``)."""
    account(MEMO_CHARS + 1)
    return regex_sweep.cpu_seconds(function, n, limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--only", default="")
    arguments = parser.parse_args()
    signal.signal(signal.SIGPROF, regex_sweep.alarm)
    parse("预热")
    for name, (run, sizes) in CASES.items():
        if arguments.only not in name:
            continue
        for n in sizes:
            seconds = cpu_seconds(run, n, arguments.limit)
            shown = f"past {arguments.limit:.0f} CPU s" if seconds == math.inf else f"{seconds:.2f} CPU s"
            print(f"{name:<48} N={n:<7,} {shown}", flush=True)
            if seconds == math.inf:
                break


if __name__ == "__main__":
    main()
