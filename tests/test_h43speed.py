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


def _encode_plainly(report) -> tuple[bytes, bytes]:
    """``store.encode`` as it was written before session 43: every field made plain first, then written."""
    import json
    import zlib
    from dataclasses import fields

    body = {f.name: plain(getattr(report, f.name)) for f in fields(report) if f.name not in ("text", "identity")}
    body["identity"] = None if report.identity is None else plain(report.identity)
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return zlib.compress(data, 1), report.text.encode("utf-8", "surrogatepass")


def _reports():
    """Reports whose fields take every kind ``plain`` writes: Decimals of every form, None and an Agency of tuples
    and findings as publisher, findings with numbers and None, a manifest row of a dict's subclass with an int key,
    a named tuple, text outside the BMP and a lone surrogate, and parsed records as the build makes them."""
    from collections import OrderedDict, namedtuple
    from decimal import Decimal

    from xxgk.agency.resolve import Agency
    from xxgk.findings import make
    from xxgk.package.collect import Report
    from xxgk.record import Fact, Record

    pair = namedtuple("pair", "a b")
    facts = [Fact("active", ("fee", "amount"), value, line, placed)
             for value, line, placed in ((Decimal("1.50"), 3, "label"), (Decimal("-0"), None, None),
                                         (Decimal("1E+3"), 4, "position"), (Decimal("NaN"), 5, "narrative"),
                                         (7, 6, "label"), (None, None, "label"))]
    record = Record(agency="某局\U00020000", year=2024, formats={"active": "2021"}, facts=facts,
                    sections={"overview": "概述\ud800。"}, section_lines={"overview": 2},
                    findings=[make("value_blank", table="3", row="重复申请", line=9), make("year_not_found")])
    who = Agency(name="某局", printed=("某局", "某某局"), evidence=("标题",), findings=(make("agency_joint", line=1),))
    manifest = OrderedDict([("agency", "某局"), ("_line", 3), ("pair", pair(1, Decimal("2.5"))), (4, [None, 1.5])])
    reports = [Report("a-1", "a.txt", "ab", "utf-8", "text", "正文\U0001F600", record, [make("file_name_repaired")],
                       manifest, who),
               Report("b-1", "b.txt", "", None, "text", "", Record(), [], {}, None)]
    for text in (tab_report(), tab_report(cell="6.0", extra="9"), tab_report(cell="/", fee="1.25"),
                 tab_report(cell="一", narrative="2024年，本机关收到申请5件。")):
        reports.append(Report("c-1", "c.txt", "cd", "utf-8", "text", text, parse(text), [], {}, who))
    return reports


def test_store_encoding_writes_the_bytes_plain_then_json_wrote():
    from xxgk.package.store import decode, encode

    for report in _reports():
        assert encode(report) == _encode_plainly(report)
        assert plain(decode(*encode(report)).record) == plain(report.record)


def test_store_encoding_refuses_what_plain_left_for_json_to_refuse():
    import pytest

    from xxgk.package.collect import Report
    from xxgk.package.store import encode
    from xxgk.record import Record

    report = Report("a-1", "a.txt", "ab", "utf-8", "text", "正文", Record(), [], {"kept": {1, 2}}, None)
    for encoder in (encode, _encode_plainly):
        with pytest.raises(TypeError):
            encoder(report)
