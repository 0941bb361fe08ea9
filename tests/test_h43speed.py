"""Issue 16, session 43: the parse stage's CPU cut without changing a record. Each faster path is checked against
its plain definition on inputs that take its edge cases, and what made it faster is checked as behaviour (no
timings: ``benchmarks/parse_throughput.py`` prints those; ``benchmarks/SCALE.md`` has the figures)."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk import memo, table3_columns
from xxgk.catalog import patterns
from xxgk.cells import reads_as_sentence
from xxgk.parser import parse
from xxgk.record import plain

# table 三's header as reports print it: a narrow cell wrapped (商业 over 企业), a sentence above it, tabs
HEADER = ["本年度共收到申请5件，均为自然人申请，其中其他0件。",
          "\t申请人情况",
          "\t自然人\t商业\t法人或其他组织\t总计",
          "\t\t企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]


def _header_lines_plainly(lines: list[tuple[int, str]]) -> list[str]:
    """``table3_columns._header_lines`` as it was written before session 43 (read afresh on every call)."""
    text = "\n".join(t for _, t in lines)
    first_row = min((m.start() for code, p in patterns("row_labels") if code in ("new", "carried_over")
                     for m in p.finditer(text)), default=len(text))
    above = [line for line in text[:first_row].split("\n") if not reads_as_sentence(line)]
    return ["".join(line.split()) for line in table3_columns._wrapped_names(above)]


def _regions() -> list[list[tuple[int, str]]]:
    """Table 三 regions whose headers take every path: wrapped cells, a sentence, no first row, a pipe table, a line
    of more cells than a header has, an empty region, the same texts under other line numbers."""
    rows = ["一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5",
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"]
    wrapped = ["\t总\t自然人\t商业\t法人或其他组织", "\t计\t\t企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    pipes = ["| 自然人 | 商业企业 | 总计 |", "|---|---|---|", "| 一、本年新收 | 1 | 1 |"]
    texts = [HEADER + rows, wrapped + rows, HEADER, rows, [], pipes,
             ["总 " * 41, "计 " * 41] + rows, ["自然人 法人或其他组织 总计", "商业企业 其他"] + rows[1:],
             ["", "  ", "\t总\t自然人"] + rows]
    regions = [list(enumerate(t, start=1)) for t in texts]
    return regions + [list(enumerate(t, start=40)) for t in texts]  # (the line numbers take no part in it)


def test_table3_header_is_read_as_its_plain_definition_reads_it_first_time_and_again():
    memo.account(memo.MEMO_CHARS + 1)  # the memos emptied: the first reading below is a fresh one
    for region in _regions() * 2:
        expected = _header_lines_plainly(region)
        got = table3_columns._header_lines(region)
        assert got == expected
        got.append("changed by a caller")  # a caller's list is its own: the next reading is not changed by it
        assert table3_columns._header_lines(region) == expected


def test_table3_header_is_read_once_a_region_not_once_a_column_check(monkeypatch):
    calls = []
    wrapped = table3_columns._wrapped_names
    monkeypatch.setattr(table3_columns, "_wrapped_names", lambda lines: calls.append(tuple(lines)) or wrapped(lines))
    memo.account(memo.MEMO_CHARS + 1)
    text = tab_report().replace("三、收到和处理政府信息公开申请情况\n",
                                "三、收到和处理政府信息公开申请情况\n" + "\n".join(HEADER) + "\n")
    record = parse(text)
    assert record.values("applications")[("new", "natural_person")] == 5  # (the table read, its header too)
    assert len(calls) == len(set(calls)) and calls  # six column checks asked; each header was read once
    memo.account(memo.MEMO_CHARS + 1)
    assert plain(parse(text)) == plain(record)  # the same record with the memo empty
