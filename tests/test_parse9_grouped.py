"""Table 三 printed with three applicant columns, 自然人 | 法人或其他组织 | 总计 (the five organisation columns
not apart): 自然人 and 总计 are published as printed, the five organisation cells are missing (their printed
subtotal is no value of any of them) with one ``columns_grouped`` finding. Before, every row was four cells
short of seven and the whole table was lost."""

from __future__ import annotations

from tests.test_layouts_hostile import LABELS, T3, _codes, _read, _table3, pdf_text_report
from xxgk.catalog import row_codes

HEADER = "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"


def _three_columns(rows=T3, sep=" ") -> str:
    text = pdf_text_report().replace(HEADER, "自然人 法人或其他组织 总计\n")
    for code in row_codes("2021"):
        v = T3[code]
        printed = rows[code]
        text = text.replace(f"{LABELS[code]} {' '.join(map(str, v))}\n",
                            f"{LABELS[code]}{sep}{sep.join(map(str, printed))}\n")
    return text


def test_a_three_column_table_3_publishes_natural_persons_and_totals_only():
    text = _three_columns({c: [v[0], sum(v[1:6]), v[6]] for c, v in T3.items()})
    record = _read(text)
    got = _table3(record)
    assert {c: (v[0], v[6]) for c, v in got.items()} == {c: (v[0], v[6]) for c, v in T3.items()}
    assert all(v[1:6] == [None] * 5 for v in got.values())  # never the subtotal under one of the five
    said = [f for f in record.findings if f.code == "columns_grouped"]
    assert len(said) == 1 and "一、本年新收政府信息公开申请数量 8" in said[0].actual
    first = next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(LABELS["new"]))
    assert said[0].line == first  # the first row printed so
    assert _codes(record) == {"columns_grouped"}  # no blank finding per row, no broken identity


def test_a_three_column_row_whose_total_does_not_hold_is_not_widened():
    rows = {c: [v[0], sum(v[1:6]), v[6]] for c, v in T3.items()}
    rows["granted"] = [9, 3, 13]  # 9 + 3 is not 13
    got = _table3(_read(_three_columns(rows)))
    assert got["granted"] == [None] * 7 and got["new"][0] == 23


def test_a_seven_column_table_is_read_as_before():
    assert _table3(_read(pdf_text_report())) == T3


def test_a_seven_column_table_whose_header_lost_the_five_names_is_not_read_as_three_columns():
    text = pdf_text_report().replace(HEADER, "自然人 法人或其他组织 总计\n")
    usual = f"{LABELS['granted']} {' '.join(map(str, T3['granted']))}\n"
    text = text.replace(usual, f"{LABELS['granted']} 9 3 12\n")  # blanks vanished: which three is unknown
    record = _read(text)
    assert _table3(record)["granted"] == [None] * 7 and "columns_grouped" not in _codes(record)
    assert _table3(record)["new"] == T3["new"]
