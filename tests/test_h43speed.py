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


# the characters the year's and the date's patterns turn on, and what stands around them in reports
_DATE_CHARS = "〇○零一二三四五六七八九十0123456789Oo年月日度元 \t\n-－—–~～至到/、自起止某局报告，。"


def _chinese_year_plainly(text: str) -> str:
    """``metadata._chinese_year`` as it was written before session 43 (each pattern over the whole text)."""
    from xxgk import metadata as m

    if "O" in text or "o" in text:
        text = m._LETTER_O_YEAR.sub(lambda x: x.group().replace("O", "0").replace("o", "0"), text)
    if " " in text:
        text = m._SPACED_YEAR.sub(lambda x: x.group().replace(" ", ""), text)
    return m._CHINESE_YEAR.sub(lambda x: x.group().translate(m._CHINESE_DIGITS), text)


def _dates_in_digits_plainly(text: str) -> str:
    """``metadata._dates_in_digits`` as it was written before session 43, the pattern over every text."""
    from xxgk import metadata as m
    from xxgk.text import fold_lines

    def digits(match):
        year = match.group(1).translate(m._CHINESE_DIGITS)
        month, day = m.chinese_number(match.group(2)), match.group(3) and m.chinese_number(match.group(3))
        if month is None or (match.group(3) and day is None):
            return match.group()
        return f"{year}年{month}月" + (f"{day}日" if match.group(3) else "")

    folded = fold_lines(text)
    folded = m._FIRST_MONTH.sub(r"\1年1月", folded) if "元月" in folded else folded
    return m._CHINESE_DATE.sub(digits, folded)


_YEARS_AND_DATES = ["二〇二三年", "二0二三年度", "二O二三年", "OO0二年", "0二0二 年", "二〇二二—二〇二三年度", "2O21年",
                    "2 0 2 2 年", "一二三年", "二〇二三", "〇二三年", "第一二年", "二〇二三年十二月三十一日",
                    "二0二四年一月二十日", "二〇二三年 十 月", "二〇二三年十三月", "2023年元月20日", "二〇二三年元月",
                    "某局2023年12月", "进一步 年", "年一月", "二〇二三年\n一月", "", "年", "一", "〇", "O年", "十年"]


def test_chinese_years_and_dates_read_as_their_plain_definitions_read_them():
    from xxgk.metadata import _chinese_year, _dates_in_digits

    for text in _YEARS_AND_DATES + [a + b for a in _YEARS_AND_DATES for b in _YEARS_AND_DATES]:
        assert _chinese_year(text) == _chinese_year_plainly(text), text
        assert _dates_in_digits.__wrapped__(text) == _dates_in_digits_plainly(text), text


def test_chinese_years_and_dates_read_as_their_plain_definitions_read_them_on_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from xxgk.metadata import _chinese_year, _dates_in_digits

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet=st.sampled_from(_DATE_CHARS), max_size=30))
    def check(text):
        assert _chinese_year(text) == _chinese_year_plainly(text)
        assert _dates_in_digits.__wrapped__(text) == _dates_in_digits_plainly(text)

    check()


class _Counted:
    """A compiled pattern whose ``sub`` calls are counted."""

    def __init__(self, pattern):
        self.pattern, self.subs = pattern, 0

    def sub(self, *args):
        self.subs += 1
        return self.pattern.sub(*args)


def test_a_text_without_a_date_in_chinese_numerals_is_not_searched_for_one(monkeypatch):
    from xxgk import metadata

    date = _Counted(metadata._CHINESE_DATE)
    monkeypatch.setattr(metadata, "_CHINESE_DATE", date)
    for text in ("2023年，本机关进一步推进政务公开。", "本年度收到申请12件。", "一、总体情况",
                 "统计期限自2023年1月1日至2023年12月31日。"):
        assert metadata._dates_in_digits.__wrapped__(text) == metadata.fold_lines(text)
    assert date.subs == 0
    assert metadata._dates_in_digits.__wrapped__("二〇二三年十二月三十一日") == "2023年12月31日" and date.subs == 1


def test_a_text_without_a_year_in_chinese_numerals_is_not_searched_for_one(monkeypatch):
    from xxgk import metadata

    year = _Counted(metadata._CHINESE_YEAR)
    monkeypatch.setattr(metadata, "_CHINESE_YEAR", year)
    for text in ("2023年，本机关进一步推进政务公开。", "本年度收到申请12件。", "一、总体情况", "二〇二三"):
        assert metadata._chinese_year(text) == text
    assert year.subs == 0
    assert metadata._chinese_year("二〇二三年度报告") == "2023年度报告" and year.subs == 1


def _frozen_and_collectable() -> tuple[int, int]:
    """In a worker: how many objects the collector has set aside, and how many it still follows."""
    import gc

    return gc.get_freeze_count(), len(gc.get_objects())


def test_a_parse_worker_sets_what_it_starts_with_aside_from_the_collector():
    from xxgk.package import collect, pool

    (_, (frozen, followed)), = collect._parse_in_pool(_frozen_and_collectable, [(None, ())], 1,
                                                      initializer=pool._start_worker)
    assert frozen > 10_000 and followed < frozen  # (its modules and the resolver's tables: not gone over again)
