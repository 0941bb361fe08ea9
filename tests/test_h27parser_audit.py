"""Audit 27 (parser): real report shapes nobody here had tried — a sentence's count above a table, numbered notes,
department and merged-office titles, other scripts' digits, page footers in PyMuPDF text, last year's table printed
first — never publish a number the report does not print in that cell, nor a false finding."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
HEADING_3 = "三、收到和处理政府信息公开申请情况\n"


def _row(record, code: str) -> list:
    values = record.values("applications")
    return [values.get((code, a)) for a in APPLICANTS]


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


def test_a_bare_count_of_the_total_above_table_3_is_no_second_total_row():
    """``（七）总计 478 件`` on its own line above table 三 (a sentence's count, no note mark). Before: read as the
    总计 row (one number for seven cells: row_lost_cells) and the table's own 总计 row dropped as its duplicate, all
    seven 总计 cells null. Now the table's row is read and the line is told as prose."""
    for count in ("（七）总计 478 件", "（七）总计478件。"):
        record = parse(tab_report().replace(HEADING_3, HEADING_3 + count + "\n"))
        assert _row(record, "total_processed") == [5, 0, 0, 0, 0, 0, 5], count
        assert not {"row_lost_cells", "row_duplicate"} & _codes(record), count


def test_a_numbered_note_under_table_3_is_no_row_and_no_prose_number():
    """``注 1：四、结转下年度继续办理…`` under table 三: the 1 numbers the note. Before: a note ending at the quoted
    label was a row 注 | 1 (label_unrecognised), and a note going on a line of prose_numbers_unused for its own
    number; the table's values are unchanged either way."""
    end = "四、政府信息公开行政复议、行政诉讼情况\n"
    for note in ("注 1: 四、结转下年度继续办理", "注 1：四、结转下年度继续办理的申请将于下一年度答复。",
                 "备注（2）：（七）总计含往年申请。"):
        record = parse(tab_report().replace(end, note + "\n" + end))
        assert not {"label_unrecognised", "prose_numbers_unused"} & _codes(record), note
        assert _row(record, "carried_forward") == [0] * 7, note


def test_a_merged_party_and_government_office_is_one_publisher():
    """两办合署: a county's party committee office and government office are one office, its report titled with both
    names. Before: printed with a place name after 和, with 、 or with a space between the names, it was a joint
    report (agency_joint, agency_not_found: no publisher, no agency page), while 张掖市委办公室和市政府办公室 was one
    agency. Two departments in one title stay a joint report."""
    for printed, name in (("中共临洮县委办公室和临洮县人民政府办公室", "中共临洮县委办公室和临洮县人民政府办公室"),
                          ("中共临洮县委办公室、临洮县人民政府办公室", "中共临洮县委办公室、临洮县人民政府办公室"),
                          ("临洮县委办公室、县政府办公室", "临洮县委办公室、县政府办公室"),
                          ("临洮县委办公室 临洮县人民政府办公室", "临洮县委办公室临洮县人民政府办公室")):
        record = parse(tab_report(agency=printed))
        assert record.agency == name, printed
        assert not {"agency_joint", "agency_not_found"} & _codes(record), printed
    for joint in ("海城市发展和改革局和海城市粮食局", "海城市发展和改革局、海城市粮食局"):
        record = parse(tab_report(agency=joint))
        assert record.agency is None and "agency_joint" in _codes(record), joint


def test_a_unit_printed_after_its_departments_name_is_the_publisher():
    """``平凉市教育局 平凉市教育局直属机关2024年…``: the unit's name begins with its department's, printed before it
    as a banner. Before: a joint report, no publisher; now the unit publishes (as 兰州市公安局 交通管理支队 did)."""
    record = parse(tab_report(agency="平凉市教育局 平凉市教育局直属机关"))
    assert record.agency == "平凉市教育局直属机关"
    assert not {"agency_joint", "agency_not_found"} & _codes(record)


def _with_last_years_tables(caption_before: str, caption_after: str) -> str:
    """This year's report (2024: 6 new, 2 carried over, 5 granted, 3 carried forward; 7 normative documents in
    force) with last year's tables 二 to 四, under their headings, printed before its own."""
    this = tab_report(year=2024, carried_over=2, carried_forward=3, in_force=7, issued=2)
    last = tab_report(year=2023, carried_over=1, carried_forward=1, in_force=5, issued=1)
    last = last[last.index("二、主动公开"):last.index("五、存在")]
    last = last.replace("\t5\t0\t0\t0\t0\t0\t5", "\t8\t0\t0\t0\t0\t0\t8")  # (granted, processed: 8 in 2023)
    at = this.index("二、主动公开")
    return this[:at] + caption_before + last + caption_after + this[at:]


def test_last_years_tables_printed_first_are_not_published_as_this_years():
    """A 2024 report reprinting its 2023 tables before its own (附：2023年度数据（供对比） … 本年度数据). Before: the
    first copy was read — every number of tables 二 to 四 was 2023's (8 new applications, 5 documents in force), no
    finding. Now the copy captioned with the report's year is read, and tables_repeated says so."""
    for before, after in (("附：2023年度数据（供对比）\n", "本年度数据：\n"), ("上年度情况\n", "2024年度情况\n")):
        record = parse(_with_last_years_tables(before, after))
        assert _row(record, "new") == [6, 0, 0, 0, 0, 0, 6], before
        assert _row(record, "carried_forward") == [3, 0, 0, 0, 0, 0, 3], before
        assert record.values("active")[("normative_documents", "in_force")] == 7, before
        assert "tables_repeated" in _codes(record), before


def test_tables_printed_twice_with_no_year_said_are_told():
    """Two copies of tables 二 to 四 whose captions name no year: the first is read as before, but a finding says the
    tables are printed twice (before: nothing told the reader the published numbers might be last year's)."""
    record = parse(_with_last_years_tables("", ""))
    assert "tables_repeated" in _codes(record)


HEADER_3 = ("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 申请人情况\n自然人 法人或其他组织 总计\n"
            "商业企业 科研机构 社会公益组织 法律服务机构 其他\n")


def test_a_page_footer_on_the_next_pages_table_header_line_is_no_cell():
    """PyMuPDF's sorted text of a table 三 split over two pages prints page 3's footer on page 4's first line, the
    table's header repeated (``— 3 — 本列数据的勾稽关系为…申请人情况``). Before: the footer's 3 went to the last row
    of page 3 as an eighth cell (row_extra_cells), its seven values null. Now the footer is no cell, every row read."""
    text = tab_report(carried_over=2, carried_forward=3).replace("\t", " ")
    text = text.replace(HEADING_3, HEADING_3 + HEADER_3)
    for footer in ("— 3 —", "- 3 -", "第 3 页 共 9 页"):
        at = text.index("（五）不予处理")
        record = parse(text[:at] + footer + " " + HEADER_3 + text[at:])
        assert _row(record, "unavailable_unclear") == [0] * 7, footer
        assert _row(record, "carried_forward") == [3, 0, 0, 0, 0, 0, 3], footer
        assert not {"row_extra_cells", "prose_numbers_unused"} & _codes(record), footer


BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")


def test_another_scripts_digits_in_a_title_or_a_sentence_are_not_read_as_a_year_or_a_count():
    """No report prints Bengali or Devanagari digits; where they stand a font map is broken (৪, a four, looks like
    an 8). A cell of them was already unreadable. Before, ``样例县数据局২০২৪年…`` in a title was read as 2024, and
    ``共收到政府信息公开申请৯件`` in section 一 as a claim of 9 (narrative_mismatch against the table's 5). Now
    neither is read: the title is refused with agency_unreadable (the line shown), the sentence claims nothing."""
    text = tab_report(year=2024)
    for digits in (BENGALI, DEVANAGARI):
        record = parse(text.replace("样例县数据局2024年", "样例县数据局" + "2024".translate(digits) + "年"))
        assert record.year is None and record.agency is None
        assert "agency_unreadable" in _codes(record)
        record = parse(text.replace("概述。", "概述。本年度共收到政府信息公开申请" + "9".translate(digits) + "件。"))
        assert "narrative_mismatch" not in _codes(record)
        untitled = text.replace("样例县数据局2024年", "样例县数据局")
        assert parse(untitled.replace("概述。", "2024".translate(digits) + "年，本局认真贯彻。")).year is None
    plain = parse(text.replace("概述。", "概述。本年度共收到政府信息公开申请9件。"))  # ASCII: read, and it differs
    assert "narrative_mismatch" in _codes(plain)


def test_a_header_naming_natural_persons_after_the_organisations_publishes_no_guess():
    """Table 三 whose one header line names 商业企业 … 其他 and then 自然人, 总计 (the 6 applications are a natural
    person's, printed in the sixth cell). Before: read in the template's order, 其他 published 6 and 自然人 0, no
    finding. The row totals hold either way, and a PDF's text layer may print header cells out of order: the
    applicant cells are null with columns_order_unsure, the 总计 kept."""
    lines = []
    for line in tab_report(carried_over=2, carried_forward=3).split("\n"):
        cells = line.split("\t")
        if len(cells) == 8 and not cells[0].startswith("信息"):
            cells = [cells[0], *cells[2:7], cells[1], cells[7]]
        lines.append("\t".join(cells))
    header = "\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t自然人\t总计\n"
    record = parse("\n".join(lines).replace(HEADING_3, HEADING_3 + header))
    assert _row(record, "new") == [None] * 6 + [6]
    assert "columns_order_unsure" in _codes(record)


SENTENCES = "本年度共收到政府信息公开申请3件，其中予以公开2件，部分公开1件。上年结转0件，结转下年度0件。"


def test_a_section_three_of_sentences_only_is_an_absent_table_not_25_broken_rows():
    """A township's report whose section 三 is prose (SENTENCES), no table. Before: each clause was read as a row
    of one number for seven cells (4 row_lost_cells) and the other 21 rows were row_absent. Now the table is absent
    (table_absent) and the sentences' numbers are told once (prose_numbers_unused); nothing is published."""
    text = tab_report()
    start, end = text.index(HEADING_3) + len(HEADING_3), text.index("四、政府信息公开行政复议")
    text = text[:start] + SENTENCES + "\n" + text[end:]
    record = parse(text)
    assert all(v is None for v in record.values("applications").values())
    table_3 = [f for f in record.findings if f.table == "3" or (f.message or "").startswith("表3")]
    assert {f.code for f in table_3} == {"table_absent", "prose_numbers_unused"}


def _layout(text: str) -> str:
    """``text`` as ``pdftotext -layout`` prints a table: each tab line's label, then its cells right-aligned in
    columns ten characters wide."""
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        out.append(cells[0].ljust(24) + "".join(c.rjust(10) for c in cells[1:]) if len(cells) > 1 else line)
    return "\n".join(out)


def test_an_ocr_space_inside_a_number_beside_a_blank_cell_publishes_no_pieces():
    """Layout text of an OCR'd PDF: 予以公开 printed 123 | (blank) | 0 0 0 0 | 123 reads ``12 3          0 …``: seven
    numbers. Before: 自然人 12 and 商业企业 3 were published (only identity_broken). The two stand one space apart
    where every other pair stands wider, and joined they make the row's total hold: the row is null with
    value_split (which cell is the blank one cannot be told). A row whose pieces make no total stays as read."""
    text = tab_report().replace("\t5\t0\t0\t0\t0\t0\t5", "\t123\t0\t0\t0\t0\t0\t123").replace(
        "一、本年新收政府信息公开申请数量\t5", "一、本年新收政府信息公开申请数量\t123").replace(
        "\t0\t0\t0\t0\t0\t5\n", "\t0\t0\t0\t0\t0\t123\n")
    text = _layout(text)
    granted = next(line for line in text.split("\n") if "予以公开" in line)
    split = granted.replace("       123         0", "      12 3          ", 1)
    record = parse(text.replace(granted, split))
    assert _row(record, "granted") == [None] * 7
    assert "value_split" in _codes(record)
    assert _row(parse(text), "granted") == [123, 0, 0, 0, 0, 0, 123]  # (the same table unsplit: read)


def test_a_total_row_printed_as_heji_is_the_total_row():
    """``（七）合计`` for （七）总计 (some county reports): before, the label matched no alias and the row was placed by
    its position with a row_placed finding on the report's page; now it is the 总计 row by its label."""
    record = parse(tab_report().replace("（七）总计", "（七）合计"))
    assert _row(record, "total_processed") == [5, 0, 0, 0, 0, 0, 5]
    assert "row_placed" not in _codes(record)


def test_last_years_tables_printed_after_this_years_are_not_read():
    """The other order: this year's tables uncaptioned, then 附：2023年度数据（供对比） and last year's. This year's
    copy is read (the only one not named as another year), and tables_repeated says why (before this test, it said
    the captions named no year and the first copy was read: true of the copy read, wrong of the reason)."""
    this = tab_report(year=2024, carried_over=2, carried_forward=3, in_force=7, issued=2)
    last = tab_report(year=2023, carried_over=1, carried_forward=1, in_force=5, issued=1)
    last = last[last.index("二、主动公开"):last.index("五、存在")]
    at = this.index("五、存在")
    record = parse(this[:at] + "附：2023年度数据（供对比）\n" + last + this[at:])
    assert _row(record, "new") == [6, 0, 0, 0, 0, 0, 6]
    assert _row(record, "carried_forward") == [3, 0, 0, 0, 0, 0, 3]
    assert record.values("active")[("normative_documents", "in_force")] == 7
    said = next(f.message for f in record.findings if f.code == "tables_repeated")
    assert "第二遍标明为2023年" in said, said


def test_a_merged_office_named_with_the_partys_name_first_has_its_county():
    """中共临洮县委办公室和临洮县人民政府办公室: before, 中共临洮县 was taken for a place name no division has
    (agency_region_unknown in the build, the report's province, city and county empty); now 中共 is a parent name
    (rules/agency_vertical_parents.csv) and the region is 临洮县, as for 临洮县委办公室、县政府办公室."""
    from xxgk.agency.names import parse_name

    for name in ("中共临洮县委办公室和临洮县人民政府办公室", "中共临洮县委宣传部"):
        parsed = parse_name(name)
        assert [d.name for found in parsed.regions for d in found] == ["临洮县"], name
        assert not parsed.unknown_region, name
