"""Audit 27 (parser, second round): real report shapes nobody here had tried — table 三 printed for two years under
one heading, … — never publish a number the report does not print in that cell, nor lose one it prints surely."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
HEADING_3 = "三、收到和处理政府信息公开申请情况\n"
HEADING_4 = "四、政府信息公开行政复议、行政诉讼情况\n"
HEADER_3 = "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


def _totals(record) -> list:
    values = record.values("applications")
    return [values.get((row, "total")) for row in ("new", "carried_over", "granted", "carried_forward")]


def _table_3(text: str) -> str:
    return text[text.index(HEADING_3) + len(HEADING_3):text.index(HEADING_4)]


def test_table_3_printed_for_two_years_under_one_heading_reads_the_report_years_copy():
    """Section 三 prints last year's table 三 and this year's, each under its own caption (（一）2023年度… /
    （二）2024年度…, or 表3-1 2024年度 first and 表3-2 上年度 after it) and no section heading of its own. Before: the
    copies' rows met in one table, the differing cells (本年新收, 上年结转, 结转下年度) were missing with row_conflict
    and 21 rows told as row_duplicate; this year's totals were lost. Now the copy whose caption names 2024 is read,
    with tables_repeated saying which."""
    this = tab_report(year=2024, carried_over=2, carried_forward=3)  # 6 new, 2 in, 5 granted, 3 out
    last = _table_3(tab_report(year=2023, carried_over=1, carried_forward=1))  # 5 new, 1 in, 5 granted, 1 out
    for first, second in ((f"（一）2023年度政府信息公开申请情况\n{HEADER_3}{last}",
                           f"（二）2024年度政府信息公开申请情况\n{HEADER_3}{_table_3(this)}"),
                          (f"2024年度\n{HEADER_3}{_table_3(this)}", f"上年度（供对比）\n{HEADER_3}{last}")):
        record = parse(this.replace(_table_3(this), first + second))
        assert _totals(record) == [6, 2, 5, 3], first[:8]
        assert not {"row_conflict", "row_duplicate"} & _codes(record), first[:8]
        said = [f.message for f in record.findings if f.code == "tables_repeated"]
        assert len(said) == 1 and "采用标明2024年" in said[0], first[:8]


def test_table_3_printed_twice_with_captions_that_do_not_tell_stays_null_where_the_copies_differ():
    """Captions naming no year (or both the same year) do not tell which copy is this year's: nothing is chosen,
    the differing cells stay missing (row_conflict) as before — never one copy's numbers taken by guess."""
    this = tab_report(year=2024, carried_over=2, carried_forward=3)
    last = _table_3(tab_report(year=2023, carried_over=1, carried_forward=1))
    for first, second in (("（一）市本级\n", "（二）各乡镇\n"), ("（一）2024年度\n", "（二）2024年度\n")):
        record = parse(this.replace(_table_3(this), first + last + second + _table_3(this)))
        assert _totals(record)[1] is None and "row_conflict" in _codes(record), first
        assert "tables_repeated" not in _codes(record), first


PAGE_HEADER_3 = ("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 申请人情况\n"
                 "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n")


def _row(record, code: str) -> list:
    values = record.values("applications")
    return [values.get((code, a)) for a in APPLICANTS]


def test_a_bare_page_number_before_the_next_pages_table_header_is_no_cell():
    """PyMuPDF's sorted text of a table 三 over two pages prints page 3's bare number on page 4's first line, the
    header repeated (``3 本列数据的勾稽关系为…申请人情况``, or ``12 （本列数据…``). Before: the 3 went to the last row
    of page 3 as an eighth cell, row_extra_cells, that row's seven values null. Now it is no cell; a row's last
    number wrapped before the next row's label (``5 （二）部分公开 …``) is still that row's."""
    text = tab_report(carried_over=2, carried_forward=3).replace("\t", " ")
    text = text.replace(HEADING_3, HEADING_3 + PAGE_HEADER_3)
    at = text.index("（五）不予处理")
    applicants_first = PAGE_HEADER_3[PAGE_HEADER_3.index("申请人情况"):]
    for number, header in (("3", PAGE_HEADER_3), ("12", "（" + PAGE_HEADER_3), ("7", applicants_first)):
        record = parse(text[:at] + number + " " + header + text[at:])
        assert _row(record, "unavailable_unclear") == [0] * 7, number
        assert _row(record, "carried_forward") == [3, 0, 0, 0, 0, 0, 3], number
        assert not {"row_extra_cells", "prose_numbers_unused"} & _codes(record), number
    wrapped = text.replace("（一）予以公开 5 0 0 0 0 0 5\n（二）部分公开",
                           "（一）予以公开 5 0 0 0 0 0\n5 （二）部分公开")
    assert wrapped != text
    record = parse(wrapped)
    assert _row(record, "granted") == [5, 0, 0, 0, 0, 0, 5] and _row(record, "partially_granted") == [0] * 7


RULES_ROWS = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t7\n"
DECISIONS_ROWS = "信息内容\t本年处理决定数量\n行政许可\t1\n行政处罚\t0\n行政强制\t0\n"


def test_a_transposed_table_2_is_read_by_its_columns_items_and_its_rows_measures():
    """Table 二 printed turned round: 信息内容 | 规章 | 行政规范性文件, then 本年制发件数 | 0 | 2 … (and the decisions
    sub-table as 信息内容 | 行政许可 | 行政处罚 | 行政强制 over 本年处理决定数量 | 1 | 0 | 0). Before: nothing of
    it was published (label_unrecognised, row_lost_cells). Now each number is read under the item of its column
    and the measure of its row, told by table_transposed — in tabs and in a web page's table."""
    from tests.factory import as_html
    from xxgk.readers import read_bytes

    text = tab_report(in_force=7, issued=2, repealed=1)
    assert RULES_ROWS in text and DECISIONS_ROWS in text
    turned = text.replace(RULES_ROWS, "信息内容\t规章\t行政规范性文件\n本年制发件数\t0\t2\n本年废止件数\t0\t1\n"
                                      "现行有效件数\t0\t7\n")
    turned = turned.replace(DECISIONS_ROWS, "信息内容\t行政许可\t行政处罚\t行政强制\n本年处理决定数量\t1\t0\t0\n")
    for printed in (turned, read_bytes(as_html(turned).encode(), ".html").text):
        record = parse(printed)
        values = record.values("active")
        assert [values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")] == [2, 1, 7]
        assert [values.get(("rules", m)) for m in ("issued", "repealed", "in_force")] == [0, 0, 0]
        assert [values.get((i, "decisions")) for i in ("licensing", "penalty", "coercion")] == [1, 0, 0]
        assert [f.code for f in record.findings if f.table == "2"] == ["table_transposed"] * 2


def test_a_transposed_block_with_words_in_a_measures_cells_is_not_turned():
    """A block is turned only when sure: a measure line with a word in a cell (或 a cell too few) is left as
    printed, and nothing of it is read by guess (the cells stay missing, as before)."""
    text = tab_report(in_force=7, issued=2, repealed=1)
    for bad in ("本年制发件数\t0\t两件\n", "本年制发件数\t2\n"):
        turned = text.replace(RULES_ROWS, "信息内容\t规章\t行政规范性文件\n" + bad)
        record = parse(turned)
        assert record.values("active").get(("normative_documents", "issued")) is None, bad
        assert "table_transposed" not in _codes(record), bad


def test_a_tables_numbered_caption_is_no_row_and_no_finding():
    """``表3 2024年度``, ``表1-1 主动公开情况``, ``附表3 政府信息公开申请情况（单位：件）`` above a table: the caption's
    number numbers the table. Before: a row 表 | 3 and a false label_unrecognised '表' on the report's page (the
    values unchanged). Now the number is no cell; a line of numbers after 表 is still read as printed."""
    text = tab_report()
    heading_2 = "二、主动公开政府信息情况\n"
    for heading, caption in ((HEADING_3, "表3 2024年度"), (HEADING_3, "表3-1 2024年度"),
                             (HEADING_3, "附表3 政府信息公开申请情况（单位：件）"), (heading_2, "表1 主动公开情况")):
        record = parse(text.replace(heading, heading + caption + "\n"))
        assert not {"label_unrecognised", "prose_numbers_unused", "stray_values"} & _codes(record), caption
        assert record.values("applications")[("granted", "total")] == 5, caption
        assert record.values("active")[("licensing", "decisions")] == 1, caption


def test_an_ocr_space_inside_a_table_4_number_beside_a_blank_cell_publishes_neither_piece():
    """Layout (OCR) text of table 四: 行政复议 printed 12 | (blank) | 0 | 0 | 12, OCR reading ``1 2`` with one space
    where every other pair stands wider. Before: 1 and 2 published as 行政复议·维持 and ·纠正 (only identity_broken).
    Now that proceeding's five cells are missing with value_split; the other proceedings, whose totals hold where
    they are printed, are read."""
    heading_4 = HEADING_4
    printed = "1 2          0     0    12     2     0     0     0     2     0     0     0     1     1"
    record = parse(tab_report().replace(heading_4 + "\t".join(["0"] * 15), heading_4 + printed))
    values = record.values("review_litigation")
    outcomes = ("upheld", "corrected", "other", "pending", "total")
    assert [values.get(("review", o)) for o in outcomes] == [None] * 5
    assert [values.get(("litigation_direct", o)) for o in outcomes] == [2, 0, 0, 0, 2]
    assert [values.get(("litigation_after_review", o)) for o in outcomes] == [0, 0, 0, 1, 1]
    assert "value_split" in _codes(record) and "identity_broken" not in _codes(record)
    wide = printed.replace("1 2", "12 ", 1)  # one number, then the blank cell: 14 numbers, as before
    assert parse(tab_report().replace(heading_4 + "\t".join(["0"] * 15), heading_4 + wide)).values(
        "review_litigation").get(("review", "upheld")) is None
