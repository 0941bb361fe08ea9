"""A text cell between a row's label and its numbers (``一、本年新收… | abc | 0 | … | 5 | 99``) is a value cell
that cannot be read, at its position: never a part of the label that moves every value one column to the
left. Before, with a cell too many at the row's end, the row was published as 0 0 0 0 0 5 99 (each value
under the column left of its own); with the text cell alone, the whole row was lost. Labels printed over two
cells (``（三）不予公开 | 1.属于国家秘密``) and the notes a label cell may carry still read."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, as_html, as_pipes, tab_report
from xxgk.catalog import applicant_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

SHAPES = {
    "tab": lambda text: parse(text),
    "pipe": lambda text: parse(as_pipes(text)),
    "html": lambda text: parse(read_bytes(as_html(text).encode("utf-8"), ".html").text),
    "docx": lambda text: parse(read_bytes(as_docx(text), ".docx").text),
}
NEW = "一、本年新收政府信息公开申请数量"


def _row(record, code="new"):
    got = record.values("applications")
    return [got.get((code, a)) for a in applicant_codes()]


def _codes(record):
    return {f.code for f in record.findings}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_text_cell_and_a_cell_too_many_publish_nothing_shifted(shape):
    record = SHAPES[shape](tab_report(cell="abc", extra="99"))
    assert _row(record) == [None] * 7  # before: 0 0 0 0 0 5 99, each a column left of its own
    assert "row_extra_cells" in _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_text_cell_in_the_first_column_loses_that_cell_only(shape):
    record = SHAPES[shape](tab_report(cell="abc"))
    assert _row(record) == [None, 0, 0, 0, 0, 0, 5]  # before: the whole row lost (row_lost_cells)
    assert "value_unreadable" in _codes(record) and "row_lost_cells" not in _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("split", [
    f"{NEW}\tabc",  # (the control: the text cell is a value cell)
    "一、本年新收\t政府信息公开申请数量",
    f"{NEW}\t（件）",
    f"{NEW}\t件",
    f"{NEW}\t单位：件",
    f"{NEW}\t（注）",
    f"{NEW}\t注",
    f"{NEW}\t①",
    f"{NEW}\t*",
    "（二）部分公开\t区分处理的，只计这一情形，不计其他情形",  # the bracket lost: still a phrase of the label
])
def test_a_label_split_over_two_cells_reads_in_place(shape, split):
    text = tab_report().replace(f"{NEW}\t5\t", f"{split}\t5\t")
    if split.startswith("（二）"):  # that row's cells then are 5 0 0 0 0 0 5 in a report whose identities break
        zeros = "\t".join(["0"] * 7)
        text = tab_report().replace(f"（二）部分公开\t{zeros}", f"{split}\t5\t0\t0\t0\t0\t0\t5")
    assert f"{split}\t5\t" in text
    record = SHAPES[shape](text)
    if split.endswith("abc"):
        assert _row(record) == [None] * 7 and "row_extra_cells" in _codes(record)
    else:
        assert _row(record, "partially_granted" if split.startswith("（二）") else "new") == [5, 0, 0, 0, 0, 0, 5]
        assert not _codes(record) & {"row_extra_cells", "row_lost_cells", "value_unreadable"}


@pytest.mark.parametrize("shape", SHAPES)
def test_group_and_item_labels_in_cells_of_their_own_read(shape):
    text = tab_report().replace("（一）予以公开\t", "三、本年度办理结果\t（一）予以公开\t").replace(
        "（三）不予公开 1.属于国家秘密\t", "（三）不予公开\t1.属于国家秘密\t").replace(
        "（二）部分公开", "\t（二）部分公开\t（区分处理的，只计这一情形，不计其他情形）")
    assert "（三）不予公开\t1.属于国家秘密\t0" in text and "三、本年度办理结果\t（一）予以公开\t5" in text
    record = SHAPES[shape](text)
    assert _row(record, "granted") == [5, 0, 0, 0, 0, 0, 5]
    assert _row(record, "partially_granted") == [0] * 7 and _row(record, "denied_state_secret") == [0] * 7
    assert not _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_text_cell_in_table_two_is_no_label(shape):
    text = tab_report(issued=8, repealed=5, in_force=26)
    assert "行政规范性文件\t8\t5\t26" in text
    record = SHAPES[shape](text.replace("行政规范性文件\t8\t5\t26", "行政规范性文件\t不详\t5\t26\t9"))
    got = record.values("active")
    # before: 5 26 9 published as issued, repealed, in force
    assert [got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    record = SHAPES[shape](text.replace("行政规范性文件\t8\t5\t26", "行政规范性文件\t不详\t5\t26"))
    got = record.values("active")
    assert [got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None, 5, 26]


def _loose(text: str) -> str:
    """``text`` as a PDF text layer gives it: the cells of a row apart by spaces."""
    return text.replace("\t", " ")


def test_a_word_that_is_no_label_in_pdf_text_is_a_cell():
    usual = f"{NEW} 5 0 0 0 0 0 5"
    text = _loose(tab_report())
    assert usual in text
    record = parse(text.replace(usual, f"{NEW} abc 0 0 0 0 0 5 99"))
    assert _row(record) == [None] * 7 and "row_extra_cells" in _codes(record)  # before: 0 0 0 0 0 5 99
    record = parse(text.replace(usual, f"{NEW} abc 0 0 0 0 0 5"))
    assert _row(record) == [None, 0, 0, 0, 0, 0, 5] and "value_unreadable" in _codes(record)


@pytest.mark.parametrize("words", ["一、本年新收 政府信息公开申请数量", f"{NEW} （件）", f"{NEW} 件"])
def test_a_label_wrapped_over_words_in_pdf_text_reads(words):
    usual = f"{NEW} 5 0 0 0 0 0 5"
    record = parse(_loose(tab_report()).replace(usual, f"{words} 5 0 0 0 0 0 5"))
    assert _row(record) == [5, 0, 0, 0, 0, 0, 5] and not _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("unit", ["件", "（件）", "单位：件"])
def test_a_unit_cell_after_the_last_value_is_no_cell_too_many(shape, unit):
    usual = f"{NEW}\t5\t0\t0\t0\t0\t0\t5"
    record = SHAPES[shape](tab_report().replace(usual, f"{usual}\t{unit}"))
    assert _row(record) == [5, 0, 0, 0, 0, 0, 5]  # before: null, row_extra_cells
    assert not _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("tail", ["合计", "①", "99"])
def test_any_other_cell_after_the_last_value_loses_the_row(shape, tail):
    usual = f"{NEW}\t5\t0\t0\t0\t0\t0\t5"
    record = SHAPES[shape](tab_report().replace(usual, f"{usual}\t{tail}"))
    assert _row(record) == [None] * 7 and "row_extra_cells" in _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("printed", ["行政事业性收费\t万元\t1.25", "行政事业性收费\t1.25\t万元",
                                     "行政事业性收费\t（万元）\t1.25"])
def test_a_fee_row_with_its_unit_in_a_cell_reads(shape, printed):
    from decimal import Decimal

    text = tab_report(fee="1.25")
    assert "行政事业性收费\t1.25" in text
    record = SHAPES[shape](text.replace("行政事业性收费\t1.25", printed))
    assert record.values("active")[("fees", "amount_10k_yuan")] == Decimal("1.25")
    assert not _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_sub_count_in_a_cell_after_the_name_is_not_the_items(shape):
    text = tab_report()
    assert "行政许可\t1\n" in text
    record = SHAPES[shape](text.replace("行政许可\t1\n", "行政许可\t其中：承诺制\t300\n"))
    assert record.values("active")[("licensing", "decisions")] is None  # never the part's 300


ZEROS_15 = "\t".join(["0"] * 15)


def _table4(record):
    got = record.values("review_litigation")
    return list(got.values())


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("lead", ["abc\t", "件数\tabc\t"])
def test_a_text_cell_before_table_fours_numbers_shifts_nothing(shape, lead):
    text = tab_report()
    assert ZEROS_15 in text
    record = SHAPES[shape](text.replace(ZEROS_15, lead + "\t".join(["0"] * 14) + "\t9"))
    assert _table4(record) == [None] * 15  # before: 0 … 0 9, each a column left of its own
    assert "row_extra_cells" in _codes(record)
    record = SHAPES[shape](text.replace(ZEROS_15, lead + "\t".join(["0"] * 14)))
    assert _table4(record) == [None] + [0] * 14 and "value_unreadable" in _codes(record)


@pytest.mark.parametrize("shape", SHAPES)
def test_table_fours_numbers_after_a_label_cell_read(shape):
    record = SHAPES[shape](tab_report().replace(ZEROS_15, "件数\t" + "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10)))
    assert _table4(record) == [1, 0, 0, 0, 1] + [0] * 10 and not _codes(record)


@pytest.mark.parametrize("word", ["不详", "暂无", "未统计"])
def test_a_word_for_no_number_in_pdf_text_is_its_cell(word):
    usual = f"{NEW} 5 0 0 0 0 0 5"
    text = _loose(tab_report())
    record = parse(text.replace(usual, f"{NEW} {word} 0 0 0 0 0 5 99"))
    assert _row(record) == [None] * 7 and "row_extra_cells" in _codes(record)  # before: 0 0 0 0 0 5 99
    record = parse(text.replace(usual, f"{NEW} {word} 0 0 0 0 0 5"))
    assert _row(record) == [None, 0, 0, 0, 0, 0, 5] and "value_blank" in _codes(record)  # missing, never 0


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("number", ["1", "1.", "1、", "（1）"])
def test_an_item_number_in_a_cell_of_its_own_is_label_text(shape, number):
    text = tab_report()
    assert "（三）不予公开 1.属于国家秘密\t0\t" in text
    printed = f"（三）不予公开\t{number}\t属于国家秘密\t0\t"
    record = SHAPES[shape](text.replace("（三）不予公开 1.属于国家秘密\t0\t", printed))
    assert _row(record, "denied_state_secret") == [0] * 7  # before: the row lost (1 taken for its first cell)
    assert not _codes(record)


@pytest.mark.parametrize("word", ["五件", "三", "十二项"])
def test_a_count_in_words_in_pdf_text_is_its_cell(word):
    usual = f"{NEW} 5 0 0 0 0 0 5"
    text = _loose(tab_report())
    record = parse(text.replace(usual, f"{NEW} {word} 0 0 0 0 0 5 99"))
    assert _row(record) == [None] * 7 and "row_extra_cells" in _codes(record)  # before: 0 0 0 0 0 5 99
    record = parse(text.replace(usual, f"{NEW} {word} 0 0 0 0 0 5"))
    assert _row(record) == [None, 0, 0, 0, 0, 0, 5] and "value_unreadable" in _codes(record)
