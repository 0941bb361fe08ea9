"""``1 563`` (a space for thousands separator) in a row of PDF text: the row has one number too many. It is
read as one number only when exactly one such pair makes the row's identity hold (table 三's row total, table
四's group totals), with an info finding; otherwise, and in table 二 (no identity), the row stays missing."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.catalog import applicant_codes
from xxgk.parser import parse

NEW = "一、本年新收政府信息公开申请数量"


def _pdf_text(**kw) -> str:
    return tab_report(**kw).replace("\t", " ")


def _new(record):
    got = record.values("applications")
    return [got.get(("new", a)) for a in applicant_codes()]


def _codes(record):
    return {f.code for f in record.findings}


def test_a_number_spaced_for_thousands_is_read_when_the_row_total_proves_it():
    text = _pdf_text(carried_forward=1558)  # new = 1563 natural persons
    usual = f"{NEW} 1563 0 0 0 0 0 1563"
    assert usual in text
    record = parse(text.replace(usual, f"{NEW} 1 563 0 0 0 0 0 1563"))
    assert _new(record) == [1563, 0, 0, 0, 0, 0, 1563]  # before: row_extra_cells, all seven missing
    joined = [f for f in record.findings if f.code == "thousands_joined"]
    assert len(joined) == 1 and joined[0].actual == "1 563" and joined[0].severity == "info"
    assert not _codes(record) - {"thousands_joined"}


def test_a_spaced_number_the_total_does_not_prove_stays_missing():
    text = _pdf_text(carried_forward=1558)
    usual = f"{NEW} 1563 0 0 0 0 0 1563"
    record = parse(text.replace(usual, f"{NEW} 1 563 0 0 0 0 0 1564"))
    assert _new(record) == [None] * 7 and "row_extra_cells" in _codes(record)


def test_two_spaced_numbers_in_a_row_stay_missing():
    text = _pdf_text(carried_forward=1558)
    usual = f"{NEW} 1563 0 0 0 0 0 1563"
    record = parse(text.replace(usual, f"{NEW} 1 563 0 0 0 0 0 1 563"))
    assert _new(record) == [None] * 7 and "thousands_joined" not in _codes(record)


def test_table_four_reads_a_spaced_number_its_totals_prove():
    text = _pdf_text()
    zeros = " ".join(["0"] * 15)
    assert zeros in text
    spaced = " ".join(["1 200", "0", "0", "0", "1200"] + ["0"] * 10)  # 维持 1 200 … 总计 1200
    record = parse(text.replace(zeros, spaced))
    got = record.values("review_litigation")
    assert got[("review", "upheld")] == got[("review", "total")] == 1200
    assert [v for k, v in got.items() if k not in (("review", "upheld"), ("review", "total"))] == [0] * 13
    assert "thousands_joined" in _codes(record)
    assert "row_extra_cells" not in _codes(record)


def test_table_two_has_no_identity_to_prove_a_spaced_number():
    text = _pdf_text()
    assert "行政许可 1\n" in text
    record = parse(text.replace("行政许可 1\n", "行政许可 1 563\n"))
    assert record.values("active")[("licensing", "decisions")] is None
    assert "thousands_joined" not in _codes(record)
