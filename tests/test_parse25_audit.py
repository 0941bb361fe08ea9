"""Audit 25 (parse): one row of an unruled PDF table printed over several text lines is read cell by cell, by where
each value stands — never joined in reading order when that order is not the columns' (values published shifted)."""

from __future__ import annotations

from tests.test_pdf_cells import COLUMNS, line
from tests.test_pdf_cells import header as header_line
from xxgk.parser import parse
from xxgk.pdf_cells import mark_blank_cells

HEAD = "某某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
COMPLETE = [line("二、上年结转政府信息公开申请数量", ["1", "0", "0", "0", "0", "0", "1"]),
            line("（一）予以公开", ["3", "1", "0", "0", "0", "0", "4"]),
            line("（二）部分公开", ["1", "0", "0", "0", "0", "0", "1"])]


def row_values(rows, code: str) -> list:
    record = parse(HEAD + "\n".join(mark_blank_cells(rows)) + "\n")
    values = record.values("applications")
    return [values.get((code, applicant)) for applicant in APPLICANTS], record


def test_a_cell_aligned_to_the_bottom_of_a_tall_row_stays_in_its_column():
    """自然人's 11 on the line below the row's other values (its cell aligned to the bottom): before, the lines' numbers
    were joined in reading order and the row was published 3, 0, 4, 0, 0, 18, 11 — every value one column left."""
    rows = [*COMPLETE, line("1.属于国家秘密", [None, "3", "0", "4", "0", "0", "18"]), line("", ["11"])]
    assert mark_blank_cells(rows)[-2:] == ["1.属于国家秘密\t11\t3\t0\t4\t0\t0\t18", ""]
    values, _ = row_values(rows, "denied_state_secret")
    assert values == [11, 3, 0, 4, 0, 0, 18]


def test_the_label_continued_below_keeps_its_text_and_gives_up_its_value():
    rows = [*COMPLETE, line("5.要求行政机关确认或重新出具", [None, "3", "0", "4", "0", "0", "18"]),
            line("已获取信息", ["11"])]
    assert mark_blank_cells(rows)[-2:] == ["5.要求行政机关确认或重新出具\t11\t3\t0\t4\t0\t0\t18", "已获取信息"]
    assert row_values(rows, "rejected_confirmation")[0] == [11, 3, 0, 4, 0, 0, 18]


def test_a_number_wrapped_in_its_cell_is_unreadable_never_shifted():
    """20607 and 47807 broken over two lines in their narrow cells (2060 / 7 above and below the row's line): before,
    自然人 was published 5707 (商业企业's), … 其他 7 and 总计 7."""
    rows = [*COMPLETE, line("", ["2060", None, None, None, None, None, "4780"]),
            line("一、本年新收政府信息公开申请数量", [None, "5707", "5007", "6107", "5107", "5307", None]),
            line("", ["7", None, None, None, None, None, "7"])]
    values, record = row_values(rows, "new")
    assert values == [None, 5707, 5007, 6107, 5107, 5307, None]
    unreadable = {(f.row, f.column) for f in record.findings if f.code == "value_unreadable"}
    assert {c for r, c in unreadable if r and r.startswith("一、")} == {"自然人", "总计"}


def test_a_value_between_two_rows_that_both_lack_its_column_is_read_for_neither():
    """The 15 stands under 自然人 on a line between two rows whose 自然人 is not on their line: it may be either's.
    Before, the lower row was published shifted (its 3, 0, 4 … one column left)."""
    rows = [*COMPLETE, line("1.属于国家秘密", [None, "1", "0", "2", "7", "0", "25"]), line("", ["15"]),
            line("2.其他法律行政法规禁止公开", [None, "3", "0", "4", "0", "0", "14"])]
    values, record = row_values(rows, "denied_state_secret")
    assert values == [None] * 7
    assert row_values(rows, "denied_prohibited_by_law")[0] == [None] * 7  # before: 3, 0, 4, 0, 0, 14, 15 → 15 in 总计
    lost = {f.row for f in record.findings if f.code == "row_lost_cells"}
    assert lost == {"（三）不予公开 1.属于国家秘密", "2.其他法律行政法规禁止公开"}


NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开"]
NUMBERS = [["6", "1", None, "0", "1", "0", "8"], ["1", "0", None, "0", "0", "2", "3"],
           ["3", "1", None, "0", "0", "0", "4"], ["1", "2", None, "0", "0", "0", "3"]]


def blank_column_table(header: bool) -> list:
    """Table 三 drawn without rules whose 科研机构 column is blank in every row (no request from one; its zeros
    printed blank): no row prints all seven cells."""
    rows = [header_line(NAMES, COLUMNS)] if header else [("申请人情况", [])]
    return rows + [line(label, numbers) for label, numbers in zip(LABELS, NUMBERS, strict=True)]


def test_a_column_blank_in_every_row_is_found_by_its_name_in_the_header():
    """Before: every row had six numbers under seven columns, and the whole table was lost (row_lost_cells)."""
    rows = blank_column_table(header=True)
    assert mark_blank_cells(rows)[1] == "一、本年新收政府信息公开申请数量\t6\t1\t\t0\t1\t0\t8"
    record = parse(HEAD + "\n".join(mark_blank_cells(rows)) + "\n")
    values = record.values("applications")
    assert [values.get(("new", a)) for a in APPLICANTS] == [6, 1, None, 0, 1, 0, 8]
    assert [values.get(("carried_over", a)) for a in APPLICANTS] == [1, 0, None, 0, 0, 2, 3]
    assert not [f for f in record.findings if f.code in ("row_lost_cells", "row_extra_cells")]
    blank = {f.row for f in record.findings if f.code == "value_blank" and f.column == "科研机构"}
    assert "一、本年新收政府信息公开申请数量" in blank


def test_a_wide_gap_with_no_name_above_it_is_no_column():
    rows = blank_column_table(header=False)
    assert mark_blank_cells(rows) == [text for text, _ in rows]
    record = parse(HEAD + "\n".join(mark_blank_cells(rows)) + "\n")
    assert record.values("applications").get(("new", "natural_person")) is None  # (a row one short: lost, as before)
    assert any(f.code == "row_lost_cells" for f in record.findings)


TABLE3_LINES = [  # an Excel copy: the label's merged cells blank, then 7 cells (a row's 自然人 … 总计)
    "一、本年新收政府信息公开申请数量\t\t\t206\t57\t50\t61\t51\t53\t478",
    "二、上年结转政府信息公开申请数量\t\t\t1\t2\t3\t4\t5\t6\t21",
]


def test_tabs_turned_to_runs_of_spaces_in_places_keep_each_number_in_its_column():
    """A .txt export whose tabs became spaces here and there. Before: ``57  50`` was one unreadable cell and every
    later cell moved one column left, over the label's blank layout cells — 科研机构 published as 206 (自然人's),
    法律服务机构 as 61, and 二、's row as 1, 2, 3, 4, 5 from 商业企业 on."""
    mixed = [TABLE3_LINES[0].replace("57\t50", "57  50").replace("51\t53", "51    53"),
             TABLE3_LINES[1].replace("\t\t1", "\t    1").replace("6\t21", "6    21")]
    record = parse(HEAD + "\n".join(mixed) + "\n")
    values = record.values("applications")
    assert [values.get(("new", a)) for a in APPLICANTS] == [206, 57, 50, 61, 51, 53, 478]
    assert [values.get(("carried_over", a)) for a in APPLICANTS] == [1, 2, 3, 4, 5, 6, 21]


def test_one_space_inside_a_tab_cell_is_still_a_thousands_separator():
    record = parse(HEAD + TABLE3_LINES[0].replace("478", "1 478").replace("206", "1 206") + "\n")
    values = record.values("applications")
    assert (values.get(("new", "natural_person")), values.get(("new", "total"))) == (1206, 1478)


def report(title_year: int, opening: str, period: str = "") -> str:
    return (f"海城市教育局{title_year}年政府信息公开工作年度报告\n{period}一、总体情况\n"
            f"{opening}海城市教育局认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
            "二、主动公开政府信息情况\n行政许可\t1075\n")


def test_a_title_naming_another_year_than_the_text_is_a_warning():
    """A title copied from last year's report: 2022 in the title, the overview opening on 2023年 and the period of
    2023. Before: filed as 2022's with no finding (only late_publication, measured against the wrong year)."""
    period = "本报告统计期限自2023年1月1日起至2023年12月31日止。\n"
    for text in (report(2022, "2023年，"), report(2022, "本年度，", period)):
        record = parse(text)
        conflicts = [f for f in record.findings if f.code == "year_conflict"]
        assert record.year == 2022 and len(conflicts) == 1
        assert (conflicts[0].severity, conflicts[0].expected, conflicts[0].actual) == ("warning", "2022", "2023")
        assert "2023年" in conflicts[0].message


def test_a_title_and_text_of_one_year_say_nothing():
    for text in (report(2023, "2023年，"), report(2023, "本年度，"), report(2023, "2023年1月，")):
        assert not [f for f in parse(text).findings if f.code == "year_conflict"]


def test_a_number_with_an_apostrophe_or_a_middle_dot_between_its_digits_is_never_its_first_digits():
    """1'075 (the Swiss thousands separator) and 1·075: before, 行政许可 was published as 1 and '075 read as the label
    and number of a row the table does not have (label_unrecognised)."""
    for cell in ("1'075", "1’075", "1·075", "1_075"):
        for text in (f"行政许可\t{cell}\n", f"行政许可 {cell}\n"):
            record = parse("某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + text)
            assert record.values("active").get(("licensing", "decisions")) is None, cell
            assert [f.actual for f in record.findings if f.code == "value_unreadable"] == [cell]


def test_table_two_with_last_years_counts_beside_this_years_reads_this_years():
    """本年制发 | 本年废止 | 现行有效 | 上年制发 | 上年废止 | 上年现行有效: before, 现行有效件数 named two columns
    (现行有效件数 and 上年现行有效件数), so the header could not say which was this year's and the rows of three
    measures were lost (row_extra_cells)."""
    head = "\t".join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "上年制发件数", "上年废止件数",
                      "上年现行有效件数"])
    text = ("某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n" + head + "\n"
            "规章\t2\t1\t15\t3\t0\t14\n行政规范性文件\t12\t4\t87\t10\t2\t79\n")
    record = parse(text)
    values = record.values("active")
    assert [values.get(("rules", m)) for m in ("issued", "repealed", "in_force")] == [2, 1, 15]
    assert [values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")] == [12, 4, 87]
    assert {f.row for f in record.findings if f.code == "columns_selected"} == {"规章", "行政规范性文件"}
    both = head.replace("\t现行有效件数", "\t2023年现行有效件数").replace("上年现行有效件数", "2022年现行有效件数")
    unsure = parse(text.replace(head, both)).values("active")  # two columns of 现行有效 and no word of another year
    assert unsure.get(("rules", "in_force")) is None
