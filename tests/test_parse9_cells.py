"""A table cell printed as a number with a mark after it (``3人``, ``3（件）``, ``3-``, ``3/``) in the first
value column: it is that cell's value or, when no count can be read from it, that cell missing with a
finding. Before, a tab/HTML row took the cell for part of its label, was one cell short and lost all seven."""

from __future__ import annotations

import pytest

from tests.test_layouts_unseen import ROWS, _codes, _parse, _table3, html_report, html_table3


def _granted_first_cell(printed: str):
    rows = dict(ROWS, granted=["@", 1, 0, 0, 0, 0, 4])
    return _parse(html_report(t3=html_table3(rows).replace("<td>@</td>", f"<td>{printed}</td>")))


@pytest.mark.parametrize("printed", ["3人", "3-", "3/", "3?", "+3"])
def test_an_unreadable_first_cell_loses_that_cell_only(printed):
    record = _granted_first_cell(printed)
    assert _table3(record)["granted"] == [None, 1, 0, 0, 0, 0, 4]
    assert "value_unreadable" in _codes(record)
    assert not _codes(record) & {"row_lost_cells", "label_unrecognised", "row_absent"}


@pytest.mark.parametrize("printed", ["3（件）", "3(件)", "3 (件)", "3件"])
def test_a_count_with_its_unit_in_brackets_is_the_count(printed):
    record = _granted_first_cell(printed)
    assert _table3(record)["granted"] == [3, 1, 0, 0, 0, 0, 4]
    assert not _codes(record)


@pytest.mark.parametrize("label", ["3.其他", "2、重复申请", "2023年", "12月"])
def test_an_item_number_or_a_date_in_a_cell_stays_label_text(label):
    from xxgk.cells import line_tokens
    tokens, _ = line_tokens(1, f"{label}\t1\t0")
    assert tokens[0][0] == "text" and [t[1] for t in tokens if t[0] == "cell"] == ["1", "0"]


@pytest.mark.parametrize("printed", ["三", "十二"])
def test_a_count_in_chinese_numerals_loses_that_cell_only(printed):
    record = _granted_first_cell(printed)
    assert _table3(record)["granted"] == [None, 1, 0, 0, 0, 0, 4]  # never a guess, the other six kept
    assert "value_unreadable" in _codes(record) and "row_lost_cells" not in _codes(record)


def test_an_item_number_in_chinese_numerals_before_its_label_stays_label_text():
    from xxgk.cells import line_tokens
    tokens, _ = line_tokens(1, "（三）不予公开\t一\t属于国家秘密\t0\t0")
    assert [t[0] for t in tokens[:3]] == ["text"] * 3 and [t[1] for t in tokens if t[0] == "cell"] == ["0", "0"]


def test_pdf_text_cells_each_carrying_their_unit_are_read():
    from tests.test_layouts_hostile import LABELS, T3, T4, _read, _table4, pdf_text_report
    from tests.test_layouts_hostile import _table3 as table3
    text = pdf_text_report()
    usual = f"{LABELS['granted']} {' '.join(map(str, T3['granted']))}"
    text = text.replace(usual, f"{LABELS['granted']} {' '.join(f'{v}件' for v in T3['granted'])}")
    text = text.replace(" ".join(map(str, T4)), " ".join(f"{v}件" for v in T4))
    record = _read(text)
    assert table3(record) == T3 and _table4(record) == T4  # before: both rows lost
    assert not _codes(record)


def test_a_sentence_s_unit_is_still_the_sentence_s():
    from xxgk.cells import line_tokens
    tokens, _ = line_tokens(1, "共收到申请31件，上年结转3件 具体如下")
    assert [t[1] for t in tokens if t[0] == "text"][1].startswith("件")


def test_a_table_numbering_its_rows_in_a_first_column_is_read():
    import re

    from tests.test_layouts_unseen import ZERO
    from xxgk.catalog import row_codes
    lines, number = [], 0
    for line in html_table3().split("\n"):  # 序号 | the row's label | its seven counts
        if line.startswith("<tr>") and re.search(r"<td>\d+</td>", line):
            number += 1
            line = line.replace("<tr>", f"<tr><td>{number}</td>", 1)
        elif line.startswith("<tr>"):
            line = line.replace("<tr>", "<tr><td>序号</td>", 1)
        lines.append(line)
    record = _parse(html_report(t3="\n".join(lines)))
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}  # before: table_absent
    assert not _codes(record)
