"""Table 三 as a converter printed it when it lost the table's grid: the outcome rows' labels one under the
other in cells of their own, then their numbers in rows whose label cell is empty. Every sample is written
here in the way such a conversion prints a report (parse11's real-report audit met it in a Markdown copy)."""

from __future__ import annotations

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse

HEAD = "某某县民政局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n概述。\n\n三、收到和处理政府信息公开申请情况\n\n"
TAIL = "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n无。\n"
HEADER = ["| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 |"
          " 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|"]

ROWS = row_codes("2021")
OUTCOMES = ROWS[2:-2]  # （一）予以公开 … （六）3.其他, without （七）总计


def _row(natural: int, commercial: int = 0, legal: int = 0) -> list[int]:
    return [natural, commercial, 0, 0, legal, 0, natural + commercial + legal]


VALUES = {code: _row(0) for code in OUTCOMES}
VALUES.update({"granted": _row(14, 2), "partially_granted": _row(5), "denied_internal_affairs": _row(3),
               "unavailable_not_held": _row(7, 1, 1), "rejected_duplicate": _row(2),
               "other_no_correction": _row(4), "other_other": _row(6, 0, 2)})
SUMS = [sum(VALUES[c][i] for c in OUTCOMES) for i in range(7)]
VALUES["total_processed"] = SUMS
VALUES["carried_forward"] = _row(3)
VALUES["carried_over"] = _row(1)
VALUES["new"] = [t + f - c for t, f, c in zip(SUMS, VALUES["carried_forward"], VALUES["carried_over"], strict=True)]
STACKED = ROWS[2:-1]  # the labels printed one under the other, with （七）总计


def _cells(values: list[int]) -> str:
    return " | ".join(str(v) for v in values)


def _report(labels_printed: list[str], number_rows: list[list[int]]) -> str:
    name = labels()["rows"]
    lines = HEADER + [f"| {name[c]} | {_cells(VALUES[c])} |" for c in ROWS[:2]]
    lines += [f"| {name[c]} |" for c in labels_printed]
    lines += [f"| | {_cells(values)} |" for values in number_rows]
    lines += [f"| {name['carried_forward']} | {_cells(VALUES['carried_forward'])} |"]
    return HEAD + "\n".join(lines) + TAIL


def _read(record) -> dict[str, list]:
    got = record.values("applications")
    return {code: [got[(code, a)] for a in applicant_codes()] for code in ROWS}


def _never_wrong(record) -> None:
    for code, values in _read(record).items():
        for got, truth in zip(values, VALUES[code], strict=True):
            assert got in (None, truth), (code, got, truth)


def test_labels_stacked_above_their_number_rows_are_paired_in_order():
    """Before: the run of labels read as one row named by its last label (（七）总计), which took the first
    number row: 总计 was published as （一）予以公开's numbers, the other rows missing."""
    record = parse(_report(STACKED, [VALUES[c] for c in STACKED]))
    assert _read(record) == VALUES
    assert any(f.code == "rows_realigned" for f in record.findings)


def test_a_number_row_lost_leaves_the_stacked_rows_missing_never_shifted():
    """One number row fewer than labels: a row without numbers makes the sums it is in unchecked, several
    readings stay possible, so the rows are missing with rows_unaligned (before: a wrong 总计)."""
    rows = [VALUES[c] for c in STACKED if c != "rejected_duplicate"]
    record = parse(_report(STACKED, rows))
    _never_wrong(record)
    assert _read(record)["granted"] == [None] * 7
    assert _read(record)["total_processed"] == [None] * 7
    assert any(f.code == "rows_unaligned" for f in record.findings)


def test_a_label_lost_is_placed_when_the_number_rows_fill_the_template_between_the_named_rows():
    """One label lost in the conversion, its numbers kept: 22 number rows for the 22 template rows between
    二、上年结转 and 四、结转下年度; one order-keeping reading, every identity holding: read, the row without its
    label placed by position and said so."""
    printed = [c for c in STACKED if c != "rejected_duplicate"]
    record = parse(_report(printed, [VALUES[c] for c in STACKED]))
    assert _read(record) == VALUES
    placed = [f for f in record.findings if f.code == "row_placed"]
    assert [f.row for f in placed] == [labels()["rows"]["rejected_duplicate"]]


def test_a_number_row_too_many_is_left_out_when_only_one_reading_holds():
    """A stray number row (a subtotal) among the run: only leaving it out makes 总计 the sum of the outcomes."""
    rows = [VALUES[c] for c in STACKED]
    rows.insert(3, _row(9, 9))
    record = parse(_report(STACKED, rows))
    assert _read(record) == VALUES
    assert [f.actual for f in record.findings if f.code == "stray_values"] == ["9 9 0 0 0 0 18"]


def test_a_number_row_too_many_that_several_readings_allow_leaves_the_rows_missing():
    """A stray row of zeros between rows that are not: leaving out any row of zeros also holds, and those
    readings shift different rows; nothing is guessed."""
    rows = [VALUES[c] for c in STACKED]
    rows.insert(1, _row(0))  # between （一）予以公开 and （二）部分公开
    record = parse(_report(STACKED, rows))
    _never_wrong(record)
    assert _read(record)["partially_granted"] == [None] * 7
    assert any(f.code == "rows_unaligned" for f in record.findings)


def test_a_row_of_glued_digits_too_few_counts_its_digits_not_its_pieces():
    """``0 00000`` is two pieces but up to six numbers: the finding says 6 (and shows the digits), not 2."""
    from tests.test_layouts_pdf_text import pdf_report

    text = pdf_report()
    assert "3.要求提供公开出版物 0 0 0 0 0 0 0" in text
    record = parse(text.replace("3.要求提供公开出版物 0 0 0 0 0 0 0", "3.要求提供公开出版物 0 00000"))
    lost = [f for f in record.findings if f.code == "row_lost_cells"]
    assert [(f.actual, f.expected) for f in lost] == [("6", "7")]
    assert "有6个数" in lost[0].message and "0 00000" in lost[0].message
