"""Benchmark: the text parser is linear in its input. For each hostile shape the issue found
quadratic (spaced digits, long runs of label lines, digits run together, runs of blanks between headings), parse
inputs of n, 2n and 4n bytes and print seconds per MB; a linear parser keeps that figure flat as n doubles
(a quadratic one doubles it).

Run: .venv/bin/python benchmarks/tokenizer_linearity.py [base size in KB, default 200]
"""

import sys
import time

from xxgk.cells import region_to_rows
from xxgk.parser import parse

HEAD = "某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
HEADINGS = "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
JOINT_TITLE = " 海城市发展和改革局 海城市粮食局2023年政府信息公开工作年度报告\n"
SHAPES = {
    "spaced digits": lambda n: HEAD + ("1 " * (n // 2)),
    "label lines": lambda n: HEAD + ("其他情形说明文字\n" * (n // 25)),
    "run-together digits": lambda n: HEAD + ("1234567890" * (n // 10)),
    "digits glued in rows": lambda n: HEAD + ("一、本年新收政府信息公开申请数量12345678901234\n" * (n // 60)),
    "item numbers": lambda n: HEAD + ("0000002.其他法律" * (n // 20)),
    # a run of blanks between the first headings (a blank page's padding): the table-of-contents check tried every
    # split of it (100,000 tabs: 101 s; hostile audit 22)
    "tabs between headings": lambda n: "一、总体情况" + "\t" * n + HEADINGS,
    "blank lines between headings": lambda n: "一、总体情况" + "\n" * n + HEADINGS,
    # one line of numbers glued to magnitude words or letters that never ends an amount: each number's glued words
    # were tried to the line's end (20,000 characters 12 s; parse audit 24, its review)
    "glued magnitude words": lambda n: HEAD + "行政许可 " + "1万" * (n // 4) + "x\n",
    "glued letters": lambda n: HEAD + "行政许可 " + "1a" * (n // 2) + "中\n",
    "right-to-left marks": lambda n: HEAD + "行政许可 " + "1\u200f" * (n // 4) + "中\n",
    # review 26: a wiki cell of a= a= … (its attribute pattern tried exponentially many splits: 20 took 15 s), a wiki
    # cell over very many lines (its text copied for each: 160,000 lines 30 s), a title after a long run of rules (the
    # two-agency check tried every start: 80,000 rules 43 s), a glued-rules row after a long cell of digits
    "wiki attribute cell": lambda n: HEAD + "{|\n| " + "a= " * (n // 3) + "x\n|}\n",
    "wiki cell over lines": lambda n: HEAD + "{|\n| a\n" + "xxxxxxxxxx\n" * (n // 11) + "|}\n",
    "rules before a title": lambda n: "—" * (n // 3) + JOINT_TITLE + HEADINGS,
    "glued rules row": lambda n: HEAD + "行政许可 " + "1" * n + "x| 0| 0\n",
    # a signature's date without 日, then a run of spaces and more text: the date-line pattern's runs of spaces met
    # (4,000 spaces took five minutes, the time growing with the cube of the run; review of session 27)
    "spaces after a signature's date": lambda n: HEAD + "样例局 2024年1月20" + " " * n + "x\n",
}


def seconds(function, text: str) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    base = int(sys.argv[1]) * 1000 if len(sys.argv) > 1 else 200_000
    print(f"{'shape':<22}{'size':>10}{'parse s':>10}{'s/MB':>8}{'rows s':>10}{'s/MB':>8}")
    for name, make in SHAPES.items():
        for factor in (1, 2, 4):
            text = make(base * factor)
            size = len(text.encode("utf-8")) / 1e6
            whole = seconds(parse, text)
            rows = seconds(lambda t: region_to_rows(list(enumerate(t.split("\n"), 1)), 7), text)
            print(f"{name:<22}{size:>9.2f}M{whole:>10.2f}{whole / size:>8.2f}{rows:>10.2f}{rows / size:>8.2f}")


if __name__ == "__main__":
    main()
