"""``pdf_cells``: a short row of a PDF table drawn without rules gets its cells by where its numbers stand, and only
then — prose, table 二's narrow rows and rows whose numbers stand between columns are left as written."""

from __future__ import annotations

from xxgk.pdf_cells import mark_blank_cells, words

COLUMNS = [200, 240, 280, 320, 360, 400, 440]  # left edges of seven value columns, 40 points apart
WIDTH = 5.0  # a digit's width


def line(label: str, numbers: list[str | None], columns: list[float] = COLUMNS) -> tuple[str, list]:
    """A text line as pdfplumber gives it — its text (words joined by spaces, a blank cell leaving nothing) and its
    characters — reduced to what ``mark_blank_cells`` takes."""
    chars = [{"text": c, "x0": 20 + 7 * k, "x1": 27 + 7 * k} for k, c in enumerate(label)]
    for number, x in zip(numbers, columns, strict=False):
        chars += [{"text": d, "x0": x + WIDTH * k, "x1": x + WIDTH * (k + 1)} for k, d in enumerate(number or "")]
    text = " ".join([label, *(n for n in numbers if n)]).strip()
    return text, words(chars)


def test_a_short_row_among_complete_ones_gets_its_blank_cells():
    rows = [line("一、本年新收政府信息公开申请数量", ["6", "1", None, "0", "1", "0", "8"]),
            line("二、上年结转政府信息公开申请数量", ["1", "0", "0", "0", "0", "0", "1"]),
            line("（一）予以公开", ["3", "1", "0", "0", "0", "0", "4"]),
            line("（二）部分公开", ["1", "0", "0", "0", "0", "0", "1"]),
            line("1.属于国家秘密", ["12", "0", "0", "0", "0", "0", None])]
    assert mark_blank_cells(rows) == [
        "一、本年新收政府信息公开申请数量\t6\t1\t\t0\t1\t0\t8", rows[1][0], rows[2][0], rows[3][0],
        "1.属于国家秘密\t12\t0\t0\t0\t0\t0\t"]


def test_a_line_of_numbers_alone_keeps_no_label_cell():
    rows = [line("", ["1", "0", "0", "0", "0", "0", "1"])] * 3 + [line("", ["2", None, "0", "0", "0", "0", "2"])]
    assert mark_blank_cells(rows)[-1] == "2\t\t0\t0\t0\t0\t2"


def test_too_few_complete_rows_say_nothing():
    rows = [line("甲", ["1", "0", "0", "0", "0", "0", "1"]), line("乙", ["1", "0", "0", "0", "0", "0", "1"]),
            line("丙", ["6", "1", None, "0", "1", "0", "8"])]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_prose_narrow_rows_and_numbers_between_columns_are_left_as_written():
    complete = [line(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in "甲乙丙丁"]
    between = line("戊", ["6", "1", "0", "1"], [200, 260, 280, 320])  # 260: halfway between two columns
    one = line("行政许可", ["2293"])
    prose = line("2024年共收到申请", ["8", "件"])
    rows = [*complete, between, one, prose]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_complete_rows_that_disagree_on_their_columns_say_nothing():
    shifted = [200, 260, 280, 320, 360, 400, 440]
    rows = [line("甲", ["1"] * 7), line("乙", ["1"] * 7), line("丙", ["1"] * 7, shifted),
            line("丁", ["6", "1", None, "0", "1", "0", "8"])]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_a_short_row_far_from_the_table_is_left_as_written():
    complete = [line(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in "甲乙丙"]
    far = line("丁", ["6", "1", None, "0", "1", "0", "8"])
    rows = [*complete, *[("正文。", [])] * 5, far]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_rows_wider_than_any_table_are_left_alone_in_linear_time():
    """A hostile text layer of lines of thousands of numbers: no column is learnt from them (placing each short row
    would cost its values times the columns)."""
    wide = [f"{k % 10}" for k in range(5000)]
    columns = [200 + 10 * k for k in range(5000)]
    rows = [line("甲", wide, columns)] * 3 + [line("乙", [*wide[:-1], None], columns)]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def header(labels: list[str], columns: list[float]) -> tuple[str, list]:
    """A header line: one word a column, each starting at its column."""
    chars = [{"text": c, "x0": x + WIDTH * k, "x1": x + WIDTH * (k + 1)}
             for label, x in zip(labels, columns, strict=True) for k, c in enumerate(label)]
    return " ".join(labels), words(chars)


OUTCOMES = ["维持", "纠正", "其他", "未结", "总计"]


def test_a_lone_row_is_placed_by_the_header_line_above_it():
    """Table 四 prints one row of numbers: its header's words, one a column, show where they stand."""
    rows = [header(OUTCOMES * 2, [200 + 30 * k for k in range(10)]),
            line("", ["2", "1", None, "0", "3", "1", "0", "0", "1", "2"], [200 + 30 * k for k in range(10)])]
    assert mark_blank_cells(rows)[1] == "2\t1\t\t0\t3\t1\t0\t0\t1\t2"


def test_no_header_no_placing():
    columns = [200 + 30 * k for k in range(10)]
    short = line("", ["2", "1", None, "0", "3", "1", "0", "0", "1", "2"], columns)
    too_many_blanks = line("", ["2", None, None, None, "3", "1", "0", "0", "1", "2"], columns)
    numbered = header(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], columns)  # a line of values: no header
    sentence = header(["本年度共收到政府信息公开申请8件。"], [20])  # prose: one word
    for rows in ([header(OUTCOMES * 2, columns), too_many_blanks], [numbered, short], [sentence, short],
                 [header(OUTCOMES * 2, columns), ("正文。", []), short]):  # (the header right above only)
        assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_a_short_row_past_a_section_heading_is_the_next_tables():
    complete = [line(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in "甲乙丙"]
    rows = [*complete, ("四、政府信息公开行政复议、行政诉讼情况", []), line("", ["1", "2", None, "3"])]
    assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_one_row_printed_over_two_lines_keeps_its_lines():
    """Cells aligned to the top and to the bottom of a tall row: its numbers on two lines, neither of which has
    blank cells (placing each would call the other's printed cells blank)."""
    complete = [line(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in "甲乙丙"]
    top = line("（二）部分公开", ["1", "2", "3", None, None, None, None])
    bottom = line("", [None, None, None, "0", "0", "0", "6"])
    for rows in ([*complete, top, bottom], [*complete, top, ("（区分处理的）", []), bottom]):
        assert mark_blank_cells(rows) == [text for text, _ in rows]


def test_two_short_rows_one_above_the_other_are_both_placed():
    complete = [line(label, ["1", "0", "0", "0", "0", "0", "1"]) for label in "甲乙丙"]
    rows = [*complete, line("丁", ["6", "1", None, "0", "1", "0", "8"]),
            line("戊", ["2", "0", "0", "0", None, "0", "2"])]
    assert mark_blank_cells(rows)[-2:] == ["丁\t6\t1\t\t0\t1\t0\t8", "戊\t2\t0\t0\t0\t\t0\t2"]


def test_an_amount_wrapped_in_its_narrow_cell_is_read_whole_not_as_its_last_digits():
    # (audit 25, a real report re-published as an unruled PDF at 8 pt: 采购总金额 75394432.52元 wrapped as 75394432.
    # above the row's label and 52元 below it; 52元 was read as the amount, 0.0052 万元 for 7,539.44)
    amount = [200, 300]  # 采购项目数量, 采购总金额
    rows = [line("", [None, "75394432."], amount), line("政府集中采购", ["135"], amount),
            line("", [None, "52元"], amount)]
    out = mark_blank_cells(rows)
    assert out[2] == "75394432.52元" and out[0] == ""
    assert "52元" not in out[:2] and out[1] == "政府集中采购 135"


def test_a_cut_number_is_not_joined_with_digits_in_another_column_or_past_a_value_under_it():
    amount = [200, 300]
    elsewhere = [line("", [None, "75394432."], amount), line("政府集中采购", ["135"], amount),
                 line("", ["52"], amount)]  # under 采购项目数量: another cell
    assert mark_blank_cells(elsewhere)[0] == "75394432." and mark_blank_cells(elsewhere)[2] == "52"
    past = [line("", [None, "75394432."], amount), line("政府集中采购", ["135", "9"], amount),
            line("", [None, "52元"], amount)]  # the row's own amount stands under the cut number
    assert mark_blank_cells(past)[2] == "52元"
