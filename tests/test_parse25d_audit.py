"""Audit 25, fourth round (parse): the real reports re-published as agencies publish them keep every gold value.

A sparse table 三 (上海市人民政府办公厅 2019: blanks in every row, 总计 often blank) as a ruled PDF or an Excel copy
prints every row with all the grid's cells: its values are read in their columns, never moved one column left."""

from __future__ import annotations

from xxgk.parser import parse

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
HEAD = """某某市人民政府办公厅2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t
\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
"""
ROWS = """一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859
二、上年结转政府信息公开申请数量\t\t\t18\t\t\t\t\t\t18
三、本年度办理结果\t（一）予以公开\t\t258\t12\t\t\t1\t1\t
\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t3\t\t\t\t\t\t
\t（三）不予公开\t1.属于国家秘密\t14\t\t\t\t\t\t
\t（七）总计\t\t767\t35\t\t\t2\t1\t805
四、结转下年度继续办理\t\t\t72\t\t\t\t\t\t72
"""


def _applications(rows: str):
    record = parse(HEAD + rows + "四、政府信息公开行政复议、行政诉讼情况\n")
    values = record.values("applications")
    return {code: [values.get((code, a)) for a in APPLICANTS]
            for code in ("granted", "partially_granted", "denied_state_secret", "new")}, record


def test_a_row_whose_total_is_blank_keeps_its_columns_in_a_sparse_grid():
    """Before: 予以公开 was published 自然人 blank, 商业企业 258, 科研机构 12, 总计 1 (and 部分公开's 3 as 商业企业's),
    with no finding — every value one column left, because the table had no row of seven printed numbers."""
    values, _ = _applications(ROWS)
    assert values["granted"] == [258, 12, None, None, 1, 1, None]
    assert values["partially_granted"] == [3, None, None, None, None, None, None]
    assert values["denied_state_secret"] == [14, None, None, None, None, None, None]
    assert values["new"] == [821, 35, None, None, 2, 1, 859]


def test_a_row_that_lost_its_trailing_empty_cell_is_lost_with_a_finding_never_shifted():
    """The same table copied with each line's trailing tabs stripped: 予以公开's line is a cell short of the table's
    other lines, so which empty is the label's is unknowable: null with row_lost_cells (before: 258 as 商业企业's)."""
    rows = ROWS.replace("\t1\t1\t\n", "\t1\t1\n")
    values, record = _applications(rows)
    assert values["granted"] == [None] * 7
    assert "row_lost_cells" in {f.code for f in record.findings if f.row and f.row.startswith("（一）予以公开")}


def _word_report(title_in_header: bool) -> bytes:
    import io

    import docx

    document = docx.Document()
    title = "某某区教育局2023年政府信息公开工作年度报告"
    if title_in_header:
        document.sections[0].header.paragraphs[0].text = title
    else:
        document.add_paragraph(title)
    for line in ("一、总体情况", "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
                 "五、存在的主要问题及改进情况", "公开内容不够全面。", "六、其他需要报告的事项", "无。"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_report_titled_in_its_page_header_has_its_agency_and_year():
    """Before: the header was not read; the report had no agency and no year (agency_not_found, year_not_found)
    though every printed page shows its title."""
    from xxgk.readers import read_bytes

    record = parse(read_bytes(_word_report(title_in_header=True), ".docx").parse_text)
    assert (record.agency, record.year) == ("某某区教育局", 2023)
    assert not {"agency_not_found", "year_not_found"} & {f.code for f in record.findings}
    body = parse(read_bytes(_word_report(title_in_header=False), ".docx").parse_text)
    assert (body.agency, body.year) == ("某某区教育局", 2023)


TWO_PAGES = """上海市科学技术委员会2024年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t
\t\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
一、本年新收政府信息公开申请数量\t\t32\t2\t0\t0\t0\t0\t34
二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2
三、本年度办理结果\t（一）予以公开\t9\t0\t0\t0\t0\t0\t9
\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t
\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0
\t\t5.属于三类内部事务信息\t1\t0\t0\t0\t0\t0\t1
\t\t6.属于四类过程性信息\t1\t0\t0\t0\t0\t0\t1
\t（四）无法提供\t1.本机关不掌握相关政府信息\t4\t0\t0\t0\t0\t0\t4
\t（六）其他处理\t3.其他\t4\t0\t0\t0\t0\t0\t4
\t（七）总计\t\t33\t2\t0\t0\t0\t0\t35
四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t
四、政府信息公开行政复议、行政诉讼情况
"""


def test_a_table_over_two_pages_of_different_grids_keeps_a_blank_total_in_its_column():
    """A ruled PDF (上海市科学技术委员会 2024, the real gold) with table 三 split over two pages, its header repeated:
    page 1 prints nine cells a line (no item rows, so no third label column), page 2 ten. Before, the table had no
    one count and was not looked at: 四、结转下年度继续办理 (1 0 0 0 0 0, 总计 blank) was published
    商业企业 1, 总计 0."""
    values = parse(TWO_PAGES).values("applications")
    assert [values.get(("carried_forward", a)) for a in APPLICANTS] == [1, 0, 0, 0, 0, 0, None]
    assert [values.get(("total_processed", a)) for a in APPLICANTS] == [33, 2, 0, 0, 0, 0, 35]


def test_a_sparse_table_whose_second_page_has_another_grid_keeps_the_first_pages_columns():
    """上海市人民政府办公厅 2019 as a ruled PDF breaking before （七）总计: page 2 (its header repeated) has no item
    rows and prints nine cells a line, page 1 ten. Before, 予以公开 (总计 blank) was read one column left
    (商业企业 258, 总计 1), the nearest full rows above (ten cells) and below (nine) disagreeing."""
    page_two = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t\n"
                "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
                "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
                "（七）总计\t\t767\t35\t\t\t2\t1\t805\n"
                "四、结转下年度继续办理\t\t72\t\t\t\t\t\t72\n")
    rows = ROWS.split("\t（七）总计")[0] + page_two
    values, _ = _applications(rows)
    assert values["granted"] == [258, 12, None, None, 1, 1, None]
    assert values["partially_granted"] == [3, None, None, None, None, None, None]


def test_a_2019_table_whose_single_other_row_is_printed_blank_is_read_as_the_2019_template():
    """An unruled PDF of a 2019 report: （六）其他处理 printed blank has no cells, so the line holds its label alone,
    right above （七）总计's numbers. Before, the table was read as the 2021 template (formats 2021 for a report on
    2019) with row_absent warnings for 2021's three 其他处理 rows."""
    text = ("某某市人民政府办公厅2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
            "一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"
            "三、本年度办理结果 （一）予以公开 3 1 0 0 0 0 4\n（二）部分公开 1 0 0 0 0 0 1\n"
            "（六）其他处理\n（七）总计 4 1 0 0 0 0 5\n四、结转下年度继续办理 2 0 0 0 0 0 2\n"
            "四、政府信息公开行政复议、行政诉讼情况\n")
    record = parse(text)
    assert record.formats.get("applications") == "2019"
    absent = {f.row for f in record.findings if f.code == "row_absent"}
    assert not any(row and "3.其他" in row for row in absent)
    three_rows = text.replace("（六）其他处理\n", "（六）其他处理\n1.申请人无正当理由逾期不补正 0 0 0 0 0 0 0\n")
    assert parse(three_rows).formats.get("applications") == "2021"


def test_an_unruled_pdf_table_with_its_zeros_printed_blank_is_read_by_where_its_values_stand():
    """A table 三 drawn without rules whose zeros are printed blank (上海市人民政府办公厅 2019; any report so printed):
    no row prints all seven cells, so the columns could not be learnt and every row was missing (row_lost_cells).
    Its values still stand under the header's seven names: each row is read by where its values stand."""
    from tests.test_pdf_cells import COLUMNS, header, line
    from xxgk.pdf_cells import mark_blank_cells

    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [line("三、收到和处理政府信息公开申请情况", []), header(names, COLUMNS),
            line("一、本年新收政府信息公开申请数量", ["821", "35", None, None, "2", "1", "859"]),
            line("二、上年结转政府信息公开申请数量", ["18", None, None, None, None, None, "18"]),
            line("（一）予以公开", ["258", "12", None, None, "1", "1", None]),
            line("（二）部分公开", [None, "3", None, None, None, None, "3"]),
            line("（七）总计", ["767", "35", None, None, "2", "1", "805"])]
    text = "某某市人民政府办公厅2023年政府信息公开工作年度报告\n" + "\n".join(mark_blank_cells(rows)) + "\n"
    values = parse(text).values("applications")
    assert [values.get(("granted", a)) for a in APPLICANTS] == [258, 12, None, None, 1, 1, None]
    assert [values.get(("partially_granted", a)) for a in APPLICANTS] == [None, 3, None, None, None, None, 3]
    assert [values.get(("carried_over", a)) for a in APPLICANTS] == [18, None, None, None, None, None, 18]
    unnamed = [rows[0], line("", []), *rows[2:]]  # no header naming the columns: left as written
    assert mark_blank_cells(unnamed) == [t for t, _ in unnamed]
