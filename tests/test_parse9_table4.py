"""Table 四 printed as two stacked tables in a PDF's text layer: 行政复议's five numbers under their own
header, then 行政诉讼's ten under theirs. Before, the ten space-separated numbers were refused as a piece
(only pieces of five were joined) and all fifteen cells were lost."""

from __future__ import annotations

from tests.test_layouts_hostile import OUTCOMES, T4, _codes, _read, _table4, pdf_text_report


def _stacked(first=T4[:5], second=T4[5:], first_head="行政复议", second_head="行政诉讼") -> list[str]:
    return [first_head, OUTCOMES, " ".join(map(str, first)), second_head, "未经复议直接起诉 复议后起诉",
            f"{OUTCOMES} {OUTCOMES}", " ".join(map(str, second))]


def test_table_4_as_two_stacked_tables_reads_its_fifteen_numbers():
    record = _read(pdf_text_report(table4=_stacked()))
    assert _table4(record) == T4
    assert not _codes(record)


def test_stacked_pieces_whose_totals_do_not_hold_are_not_joined():
    second = list(T4[5:])
    second[4] += 1  # 未经复议直接起诉's 总计 no longer the sum of its outcomes
    record = _read(pdf_text_report(table4=_stacked(second=second)))
    assert _table4(record) == [None] * 15
    assert "row_lost_cells" in _codes(record)


def test_stacked_pieces_in_another_order_than_their_labels_are_not_joined_by_position():
    record = _read(pdf_text_report(table4=_stacked(first=T4[5:10], second=T4[:5] + T4[10:],
                                                   first_head="行政诉讼（未经复议直接起诉）", second_head="行政复议")))
    assert _table4(record) in ([None] * 15, T4)  # never 未经复议直接起诉's numbers under 行政复议
