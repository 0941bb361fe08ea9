"""Audit 26 (parse): the real reports as the common tools extract them (pdftotext, Word's plain text, a script's
Word text, OCR) never publish a number the report does not print in that cell: read, or null with a finding."""

from __future__ import annotations

from xxgk.parser import parse

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
TITLE = "某某市人民政府办公厅2023年政府信息公开工作年度报告"
END = "四、政府信息公开行政复议、行政诉讼情况"


def _row(record, code: str) -> list:
    values = record.values("applications")
    return [values.get((code, a)) for a in APPLICANTS]


def _codes_on(record, label: str) -> set[str]:
    return {f.code for f in record.findings if f.row and label in f.row}


def test_pdftotext_blank_lines_between_lines_are_no_empty_cells():
    """``pdftotext`` (no ``-layout``) ends every text block with an empty line, and prints an unruled sparse table
    column by column. Before: ``5.属于三类内部事务信息`` / ``科研机构`` / ``1`` / ``1`` / ``1``, each followed by an
    empty line, was read as seven cells: 商业企业 1, 社会公益组织 1, 其他 1 published, no finding (the report printed 5
    and six blanks). Now the row is null with row_lost_cells."""
    lines = [TITLE, "三、收到和处理政府信息公开申请情况", "自然人", "一、本年新收政府信息公开申请数量", "821",
             "5.属于三类内部事务信息", "科研机构", "1", "1", "1", "申请人情况", END]
    record = parse("\n\n".join(lines) + "\n")
    assert _row(record, "denied_internal_affairs") == [None] * 7
    assert "row_lost_cells" in _codes_on(record, "5.属于三类内部事务信息")


CELL_A_LINE_HEAD = [TITLE, "三、收到和处理政府信息公开申请情况",
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况",
                    *[""] * 8, "自然人", "法人或其他组织", *[""] * 4, "总计", *[""] * 4,
                    "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]


def test_word_one_cell_a_line_a_merged_label_cells_blank_line_is_no_value_cell():
    """Word's "save as plain text" of a table, one cell a line, a merged cell's covered cells as empty lines.
    Before: ``（一）予以公开`` / (its merged second column, empty) / 258 / 12 / / / 1 / 1 / / … was read from the line
    after the label: 自然人 blank, 商业企业 258, 科研机构 12, 其他 1, 总计 1 (printed 258 12 – – 1 1 –), no finding.
    Nine lines stand between the label and the next one for seven cells: now null with row_lost_cells."""
    rows = ["一、本年新收政府信息公开申请数量", "", "", "821", "35", "", "", "2", "1", "859",
            "三、本年度办理结果", "（一）予以公开", "", "258", "12", "", "", "1", "1", "", "",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "3", "", "", "", "", "", "", END]
    record = parse("\n".join(CELL_A_LINE_HEAD + rows) + "\n")
    assert _row(record, "granted") == [None] * 7
    assert "row_lost_cells" in _codes_on(record, "（一）予以公开")


def test_word_one_cell_a_line_exactly_the_rows_cells_are_read_in_place():
    """The same export where the label stands right above its seven lines: the empty lines are its empty cells."""
    rows = ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859",
            "（一）予以公开", "258", "12", "", "", "1", "1", "", END]
    record = parse("\n".join(CELL_A_LINE_HEAD + rows) + "\n")
    assert _row(record, "new") == [821, 35, None, None, 2, 1, 859]
    assert _row(record, "granted") == [258, 12, None, None, 1, 1, None]


def test_word_one_cell_a_line_a_merged_blank_in_the_last_row_before_a_heading_is_no_value_cell():
    """The last row of the table, the next section's heading after its empty lines: the same doubt, the same
    answer (its label's blank line is not read as 自然人's)."""
    rows = ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859",
            "（一）予以公开", "", "258", "12", "", "", "1", "1", "", "", END]
    record = parse("\n".join(CELL_A_LINE_HEAD + rows) + "\n")
    assert _row(record, "new") == [821, 35, None, None, 2, 1, 859]
    assert _row(record, "granted") == [None] * 7
    assert "row_lost_cells" in _codes_on(record, "（一）予以公开")


def test_word_one_cell_a_line_with_an_empty_line_after_every_row_reads_each_rows_cells():
    """Word's text of a table, every row ending with one more paragraph mark (an empty line after each row): the
    rows whose cells are certain (a number right under the label, another seven lines on) show that one empty line
    ends each row, so a row's seven lines are read in place (before: 予以公开 was lost with row_lost_cells)."""
    rows = ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859", "",
            "二、上年结转政府信息公开申请数量", "18", "", "", "", "", "", "18", "",
            "（一）予以公开", "258", "12", "", "", "1", "1", "", "",
            "（七）总计", "767", "35", "", "", "2", "1", "805", "", END]
    record = parse("\n".join(CELL_A_LINE_HEAD + rows) + "\n")
    assert _row(record, "new") == [821, 35, None, None, 2, 1, 859]
    assert _row(record, "granted") == [258, 12, None, None, 1, 1, None]


TABLE_2_2019 = """平潭综合实验区2019年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容                    本年新制作数量           本年新公开数量            对外公开总数量
规章                      0                 0                  0
规范性文件                   89                89                 89
第二十条第（五）项
信息内容                    上一年项目数量           本年增/减              处理决定数量
行政许可                    396               0                  181
第二十条第（九）项
信息内容                    采购项目数量            采购总金额
政府集中采购                  135               {amount}
三、收到和处理政府信息公开申请情况
"""


def test_an_amount_cut_at_its_point_in_layout_text_is_never_read_as_its_first_piece():
    """``pdftotext -layout`` of a PDF whose 采购总金额 wrapped in its cell, the pieces joined by a space:
    ``75394432. 52元``. Before: 75394432 was published as 万元 (10,000 times the amount) and “.” began a row of its
    own (label_unrecognised). Now the cut number is one cell, read as the same cell in tab text reads."""
    record = parse(TABLE_2_2019.format(amount="75394432. 52元"))
    amount = record.values("active").get(("procurement", "amount_10k_yuan"))
    assert str(amount) == "7539.443252"  # 75394432.52 元 in 万元
    assert record.values("active").get(("procurement", "projects")) == 135
    assert not any(f.code == "label_unrecognised" and f.actual == "." for f in record.findings)


LAYOUT_TABLE_3 = """平潭综合实验区2019年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
                                     申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项                   法人或其他组织
之和）                             自然人                                                     总计
                                                                   社会公益组   法律服务机
                                                  商业企业   科研机构                      其他
                                                                   织       构
一、本年新收政府信息公开申请数量                     23           0      0         0       0       0    23
二、上年结转政府信息公开申请数量                     0            0      0         0       0       0    0
         （一）予以公开                     7            0      0         0       0       0    7
                   1.本机关不掌握相关政府信息    7            0      0         0       0       0    7
         （四）无法提供   2.没有现成信息需要另行制作    0            0      0         0       0       0    0
                   3.补正后申请内容仍不明确     {cell}            0      0         0       0       0    5
                   1.信访举报投诉类申请       0            0      0         0       0       0    0
                   2.重复申请            3            0      0         0       0       0    3
四、政府信息公开行政复议、行政诉讼情况
"""


def test_an_ocr_letter_in_a_layout_rows_first_cell_is_unreadable_never_a_blank():
    """``pdftotext -layout`` of a scanned report OCR'd with ``S`` for 5 in the row's first cell. Before: the S was
    dropped, the six numbers placed by the columns of the rows around, and 自然人 published blank with only
    value_blank (info: “为空白”). Now the printed S is an unreadable value (value_unreadable)."""
    record = parse(LAYOUT_TABLE_3.format(cell="S"))
    assert _row(record, "unavailable_unclear")[0] is None
    codes = {(f.code, f.column) for f in record.findings if f.row == "3.补正后申请内容仍不明确"}
    assert ("value_unreadable", "自然人") in codes or ("row_lost_cells", None) in codes
    assert ("value_blank", "自然人") not in codes
    assert _row(parse(LAYOUT_TABLE_3.format(cell="5")), "unavailable_unclear") == [5, 0, 0, 0, 0, 0, 5]


def _range_text(rows: list[list[str]]) -> bytes:
    """A report as Word's object model gives its text (Range.Text): paragraphs end with CR, every table cell and
    every row with CR BEL, a manual line break is VT."""
    cell_end = "\r\x07"
    out = [TITLE + "\r", "一、总体情况\r", "本年度，本机关认真贯彻落实\x0b《中华人民共和国政府信息公开条例》。\r",
           "三、收到和处理政府信息公开申请情况\r"]
    for row in rows:
        out.append("".join(cell + cell_end for cell in row) + cell_end)
    out.append(END + "\r")
    return "".join(out).encode("utf-8")


def test_word_object_model_text_is_read_not_refused_as_binary():
    """Before: the file was refused, file_unreadable “不是可识别编码的文本（可能是二进制文件）”, the whole report lost
    (BEL and VT counted as a binary file's bytes). Now each CR BEL and VT is a line end: the agency, the year and
    the table's rows are read (a row of seven cells, a row with empty cells in place)."""
    from xxgk.readers import read_bytes

    header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
              ["自然人", "法人或其他组织", "总计"], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    rows = [["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"],
            ["二、上年结转政府信息公开申请数量", "18", "", "", "", "", "", "18"],
            ["三、本年度办理结果", "（一）予以公开", "258", "12", "", "", "1", "1", ""],
            ["（七）总计", "767", "35", "", "", "2", "1", "805"],
            ["四、结转下年度继续办理", "72", "0", "0", "0", "0", "0", "72"]]
    source = read_bytes(_range_text(header + rows), ".txt")
    assert not source.findings
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("某某市人民政府办公厅", 2023)
    assert _row(record, "new") == [821, 35, None, None, 2, 1, 859]
    assert _row(record, "granted") == [258, 12, None, None, 1, 1, None]
    assert _row(record, "carried_forward") == [72, 0, 0, 0, 0, 0, 72]


def test_a_bel_inside_a_name_outside_word_text_is_still_refused():
    """A lone BEL (no CR BEL cell ends in the file) stays what it was: a character that is no text."""
    from xxgk.readers import read_bytes

    source = read_bytes("某某市人民政府\x07办公厅2023年政府信息公开工作年度报告\n一、总体情况\n".encode(), ".txt")
    assert parse(source.parse_text).agency is None


def test_an_amount_wrapped_around_its_rows_label_in_layout_text_is_joined_again():
    """``pdftotext -layout`` (and pdfplumber's ``layout=True``) of an unruled PDF whose 采购总金额 wrapped in its
    narrow cell around the row's label: ``75394432.`` above ``政府集中采购  135``, ``52元`` below. Before: 52元 was
    published as the amount (0.0052 万元 for 7,539.44) and 75394432. went to the header's label. Now the pieces,
    beginning in one column with nothing of the row's line under them, are one number again."""
    wrapped = TABLE_2_2019.format(amount="").replace(
        "政府集中采购                  135               \n",
        " " * 48 + "75394432.\n政府集中采购                  135\n" + " " * 48 + "52元\n")
    record = parse(wrapped)
    assert str(record.values("active").get(("procurement", "amount_10k_yuan"))) == "7539.443252"
    assert record.values("active").get(("procurement", "projects")) == 135


W3M_TABLE_2 = """某某市人民政府办公厅2023年政府信息公开工作年度报告
二、主动公开政府信息情况
┌──────────────────────────────────────────────────────┐
│第二十条第（一）项                                    │
├───────────────┬────────────┬────────────┬────────────┤
│信息内容       │本年制发件数│本年废止件数│现行有效件数│
├───────────────┼────────────┼────────────┼────────────┤
│规章           │0           │0           │2           │
├───────────────┼────────────┼────────────┼────────────┤
│行政规范性文件 │13          │0           │55          │
├───────────────┴────────────┴────────────┴────────────┤
│第二十条第（五）项                                    │
├───────────────┬──────────────────────────────────────┤
│信息内容       │本年处理决定数量                      │
├───────────────┼──────────────────────────────────────┤
│行政许可       │97                                    │
└───────────────┴──────────────────────────────────────┘
三、收到和处理政府信息公开申请情况
"""


def test_a_box_drawn_table_as_w3m_dumps_a_page_is_read():
    """``w3m -dump`` of a report's page draws its tables with ``│ ─ ┼``. Before: every row was lost (row_lost_cells,
    label_unrecognised): 195 of a report's 200 values. Now read as the grid table it is."""
    values = parse(W3M_TABLE_2).values("active")
    assert [values.get(("rules", m)) for m in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")] == [13, 0, 55]
    assert values.get(("licensing", "decisions")) == 97


W3M_SPANNED = """某某市人民政府办公厅2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
┌──────────────────┬──────────────┬──────────────────────────────┬────┬────┬────┬────┬────┬────┬────┐
│                  │              │7.属于行政执法案卷            │    │    │    │    │    │    │    │
│                  │（三）不予公开├──────────────────────────────┼────┼────┼────┼────┼────┼────┼────┤
│                  │              │8.属于行政查询事项            │10  │2   │    │    │    │    │    │
│三、本年度办理结果├──────────────┼──────────────────────────────┼────┼────┼────┼────┼────┼────┼────┤
│                  │              │1.本机关不掌握相关政府信息    │252 │12  │    │    │1   │    │    │
│                  │（四）无法提供├──────────────────────────────┼────┼────┼────┼────┼────┼────┼────┤
│                  │              │2.没有现成信息需要另行制作    │44  │3   │    │    │    │    │    │
└──────────────────┴──────────────┴──────────────────────────────┴────┴────┴────┴────┴────┴────┴────┘
四、政府信息公开行政复议、行政诉讼情况
"""


def test_a_box_drawn_rows_spanning_label_beside_a_rule_joins_no_two_rows():
    """A group label spanning rows is printed on a rule's line (``│三、本年度办理结果├───┼``). Read as a line of
    cells, it joined the rows above and below it into one: 8.属于行政查询事项's 10 and 1.本机关不掌握…'s 252 became
    10252. The line is a rule: each row keeps its own numbers."""
    record = parse(W3M_SPANNED)
    assert _row(record, "denied_administrative_query") == [10, 2, None, None, None, None, None]
    assert _row(record, "unavailable_not_held") == [252, 12, None, None, 1, None, None]


def test_a_grid_cell_printing_two_numbers_on_two_lines_is_never_one_number():
    """A pandoc grid table's cell holding ``10`` over ``252``: the lines were joined with a space and read as the
    thousands group 10 252 — 10252 published, no finding. Now the cell is unreadable (null with a finding)."""
    text = """某某市人民政府办公厅2023年政府信息公开工作年度报告
二、主动公开政府信息情况
+------------+------+------+------+
| 信息内容   | 本年制发件数 | 本年废止件数 | 现行有效件数 |
+------------+------+------+------+
| 规章       | 10   | 0    | 1    |
|            | 252  |      |      |
+------------+------+------+------+
| 行政规范性文件 | 3 | 0 | 5 |
+------------+------+------+------+
三、收到和处理政府信息公开申请情况
"""
    record = parse(text)
    assert record.values("active").get(("rules", "issued")) is None
    assert {f.code for f in record.findings if f.row == "规章"} & {"value_unreadable", "row_lost_cells"}
    assert record.values("active").get(("normative_documents", "in_force")) == 5


def test_html2text_tables_are_read_their_last_empty_cell_kept():
    """html2text (reader mode, a page saved as Markdown) writes ``规章| 0| 0| 0``: each rule glued to the cell before
    it, no outer rule, an empty last cell as a trailing ``| ``. Before: read as loose text, every number ``0|``
    unreadable (164–168 of a report's values null); a sparse row's blank 总计 lost with the last rule."""
    text = """某某市人民政府办公厅2023年政府信息公开工作年度报告
二、主动公开政府信息情况
信息内容| 本年制发件数| 本年废止件数| 现行有效件数
规章| 0| 1| 15
行政规范性文件| 13| 0| 55
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
---|---
自然人| 法人或其他组织| 总计
商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他
一、本年新收政府信息公开申请数量| 821| 35| | | 2| 1| 859
三、本年度办理结果| （一）予以公开| 258| 12| | | 1| 1|\x20
四、政府信息公开行政复议、行政诉讼情况
"""
    record = parse(text)
    values = record.values("active")
    assert [values.get(("rules", m)) for m in ("issued", "repealed", "in_force")] == [0, 1, 15]
    assert _row(record, "new") == [821, 35, None, None, 2, 1, 859]
    assert _row(record, "granted") == [258, 12, None, None, 1, 1, None]


def test_pipe_rows_without_outer_rules_keep_an_empty_first_or_last_cell():
    """A pipe table printed without outer rules (``… | 2 | 1 | 859``), its rows with a blank 总计 ending on ``| ``.
    Before: the trailing ``|`` was taken for Markdown's closing rule, the blank 总计 dropped, and 四、结转… read one
    column left (商业企业 1, 总计 0, only identity_broken). Rows of the region ending on a cell show there is no
    closing rule: the empty last cell is kept, and a row beginning with ``|`` keeps its empty first cell."""
    text = """某某市科学技术委员会2024年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 |  |  | 32 | 2 | 0 | 0 | 0 | 0 | 34
二、上年结转政府信息公开申请数量 |  |  | 2 | 0 | 0 | 0 | 0 | 0 | 2
 |  | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9
四、结转下年度继续办理 |  |  | 1 | 0 | 0 | 0 | 0 | 0 |\x20
四、政府信息公开行政复议、行政诉讼情况
"""
    record = parse(text)
    assert _row(record, "carried_forward") == [1, 0, 0, 0, 0, 0, None]
    assert _row(record, "granted") == [9, 0, 0, 0, 0, 0, 9]
    assert _row(record, "new") == [32, 2, 0, 0, 0, 0, 34]


def test_a_wiki_table_is_read_a_row_per_wiki_row():
    """MediaWiki markup (pandoc's ``-t mediawiki`` of a report's page, a wiki's source): ``{|``, ``|-`` between
    rows, a cell a line (``| 0``), cells inline (``| 0 || 0``), attributes before a cell's text. Before: every
    ``| 0`` line was a row of its own, 24–61 of a report's values lost."""
    text = """某某市人民政府办公厅2023年政府信息公开工作年度报告
二、主动公开政府信息情况
{|
| 第二十条第（一）项
|
|
|
|-
! 信息内容
! 本年制发件数
! 本年废止件数
! 现行有效件数
|-
| 规章
| 0
| 1
| 15
|-
| style="text-align: left;" | 行政规范性文件 || 13 || 0 || 55
|}
三、收到和处理政府信息公开申请情况
"""
    values = parse(text).values("active")
    assert [values.get(("rules", m)) for m in ("issued", "repealed", "in_force")] == [0, 1, 15]
    assert [values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")] == [13, 0, 55]
