"""Table 三 printed with its 总计 column first: every value lands in its column when the header names the
columns, and no value is published under a column it may not belong to when no header tells."""

from __future__ import annotations

from tests.test_layouts_hostile import LABELS, T3, _codes, _read, _table3, pdf_text_report
from xxgk.catalog import row_codes

HEADER = ["申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]


def _total_first(header: list[str] | None) -> str:
    """The clean report with table 三's rows printed 总计 first, under ``header`` (None: no header)."""
    text = pdf_text_report()
    for code in row_codes("2021"):
        usual = f"{LABELS[code]} {' '.join(map(str, T3[code]))}"
        first = [T3[code][-1], *T3[code][:-1]]
        text = text.replace(usual + "\n", f"{LABELS[code]} {' '.join(map(str, first))}\n")
    return text.replace("\n".join(HEADER) + "\n", "\n".join(header) + "\n" if header else "")


def test_a_total_first_table_3_puts_every_value_in_its_column():
    record = _read(_total_first(["申请人情况", "总计 自然人 法人或其他组织",
                                 "商业企业 科研机构 社会公益组织 法律服务机构 其他"]))
    got = record.values("applications")
    assert got[("new", "total")] == 31 and got[("new", "natural_person")] == 23
    assert got[("carried_forward", "total")] == 2 and got[("carried_forward", "commercial")] == 1
    assert _table3(record) == T3  # before: read by position, 总计 under 自然人 and identity_broken
    assert "identity_broken" not in _codes(record)
    moved = [f for f in record.findings if f.code == "columns_reordered"]
    assert len(moved) == 1 and "总计 | 自然人" in moved[0].message


def test_a_total_first_table_3_without_header_publishes_no_value_under_a_wrong_column():
    record = _read(_total_first(None))
    assert all(v is None for v in record.values("applications").values())
    assert "columns_order_unsure" in _codes(record)


def test_the_usual_order_with_or_without_header_is_read_as_before():
    assert _table3(_read(pdf_text_report())) == T3
    record = _read(pdf_text_report().replace("\n".join(HEADER) + "\n", ""))
    assert _table3(record) == T3
    assert not _codes(record) & {"columns_order_unsure", "columns_reordered"}


def test_a_total_first_table_3_whose_header_names_only_the_total_publishes_no_value_under_a_wrong_column():
    record = _read(_total_first(["申请人情况", "总计 法人或其他组织"]))  # 自然人 lost from the header
    assert all(v is None for v in record.values("applications").values())
    unsure = [f for f in record.findings if f.code == "columns_order_unsure"]
    assert len(unsure) == 1 and "表头未写明" in unsure[0].message
