"""Audit 30 (parser, fifth round): real report shapes nobody here had tried — a page number inside a table printed
all as ``6.0``, … — never publish a number the report does not print in that cell, nor lose one it prints surely."""

from __future__ import annotations

from decimal import Decimal

from tests.factory import tab_report
from xxgk.parser import parse

from .test_h28parser_audit import HEADING_4, ZEROS_4
from .test_h29parser_audit import APPLICANTS, _with_decimals


def test_a_page_number_inside_a_table_printed_all_with_decimals_leaves_its_counts_read():
    """A table whose every count prints as ``6.0`` (a spreadsheet's format) broken over two PDF pages, the page's
    number alone on a line between its rows (``3``, ``- 3 -``, ``— 3 —``, ``3 / 8``). Before: that one whole number
    said the table printed its counts bare, so all 175 cells of table 三 were missing with value_unreadable. Now a
    lone page number says nothing of the table's format: the counts are read whole with values_whole_decimals, as
    without the page break; a table printed one cell a line whose lone counts are many still keeps ``1.0`` apart."""
    text = tab_report(carried_over=2, carried_forward=3)
    at = text.index("（四）无法提供")
    for page in ("3", "- 3 -", "— 3 —", "3 / 8"):
        for apart in ("\t", " "):
            record = parse(_with_decimals(text[:at] + page + "\n" + text[at:]).replace("\t", apart))
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6], (page, apart)
            assert [values.get(("carried_forward", a)) for a in APPLICANTS] == [3, 0, 0, 0, 0, 0, 3], (page, apart)
            assert "value_unreadable" not in {f.code for f in record.findings}, (page, apart)
            assert "3" in {f.table for f in record.findings if f.code == "values_whole_decimals"}, (page, apart)


def _total_first(text: str) -> str:
    """``text`` with table 三's rows printed 总计 first (总计 | 自然人 | 商业企业 … 其他)."""
    from xxgk.catalog import labels

    names = set(labels()["rows"].values())
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        out.append("\t".join([cells[0], cells[7], *cells[1:7]]) if len(cells) == 8 and cells[0] in names else line)
    return "\n".join(out)


def test_a_table_3_total_column_first_its_name_wrapped_in_its_cell_is_read_by_the_header():
    """Table 三 printing 总计 first in a column one character wide, its name wrapped in the cell (``总`` over ``计``,
    or ``合`` over ``计``): ``总 自然人 法人或其他组织`` over ``计 商业企业 科研机构 …`` — tab cells, PDF text and a web
    page. Before: the header named no 总计, the row totals held only with it first, and every value of the table
    was missing with columns_order_unsure. Now the two halves are one name: the numbers are read under the columns
    the header names, with columns_reordered."""
    from tests.factory import as_html
    from xxgk.readers import read_bytes

    text = _total_first(tab_report(carried_over=2, carried_forward=3))
    for top in ("总", "合"):
        header = f"\t{top}\t自然人\t法人或其他组织\n\t计\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        printed = text.replace("三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n" + header)
        for form in (printed, printed.replace("\t", " "), read_bytes(as_html(printed).encode(), ".html").text):
            record = parse(form)
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6], top
            assert [values.get(("granted", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5], top
            codes = {f.code for f in record.findings}
            assert "columns_reordered" in codes and "columns_order_unsure" not in codes, top


def test_table_4_numbers_printed_without_its_heading_or_header_are_not_said_unprinted():
    """Section 四's heading and table 四's header not printed, its fifteen numbers on a line of their own under
    table 三 (``1 0 0 0 1 0 0 …``), in tab cells and PDF text. Before: table_not_printed said the report had not
    printed the table (info, the report ranked as complete), though its numbers are there, unread. Now it is
    table_absent (not read); its values stay missing, never guessed from numbers no heading names. A report
    printing neither the section nor the numbers still says table_not_printed."""
    heading = "四、政府信息公开行政复议、行政诉讼情况\n"
    text = tab_report()
    assert heading + "\t".join(["0"] * 15) in text
    printed = text.replace(heading + "\t".join(["0"] * 15), "\t".join("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0".split()))
    for apart in ("\t", " "):
        record = parse(printed.replace("\t", apart))
        codes = {f.code for f in record.findings if f.table == "4"}
        assert codes == {"table_absent"}, apart
        assert all(v is None for v in record.values("review_litigation").values()), apart
    record = parse(text.replace(heading + "\t".join(["0"] * 15) + "\n", ""))
    assert {f.code for f in record.findings if f.table == "4"} == {"table_not_printed"}


def _licensing(record) -> list:
    active = record.values("active")
    return [active[("licensing", m)] for m in ("previous_year", "change", "decisions")]


def test_a_2019_change_printed_with_a_true_minus_sign_is_read():
    """2019 table 二's 本年增/减 printed ``−2`` with U+2212 MINUS SIGN (what Word's autoformat and PDF text print for a
    typed -; also U+2011). Before: the cell was unreadable in a table (value_unreadable) and in PDF text the row was
    lost (row_lost_cells, label_unrecognised '−'). Now it is -2, as ``-2`` and ``－2`` were."""
    from tests.test_parse10_unseen import _loose, report_2019

    text = report_2019()
    assert "行政许可\t12\t减2\t340" in text
    for minus in ("−", "‑"):
        printed = text.replace("行政许可\t12\t减2\t340", f"行政许可\t12\t{minus}2\t340")
        for form in (printed, _loose(printed)):
            record = parse(form)
            assert _licensing(record) == [12, -2, 340], minus
            assert not record.findings, minus


def test_a_2019_change_cell_in_words_keeps_its_row_in_a_table():
    """2019 table 二's 本年增/减 cell printed ``减少2个``, ``减 2`` (a space after the sign's word) or ``下降2`` in a
    table (tab cells). Before: the cell was not taken for a value, so the count before it (12) was taken for an item
    number (as 不予公开 | 1 | 属于国家秘密) and the whole row was lost with row_lost_cells. Now ``减少2个`` and
    ``减 2`` are -2; ``下降2`` (no sign this tool reads) is missing with value_unreadable, 12 and 340 read."""
    from tests.test_parse10_unseen import report_2019

    text = report_2019()
    for cell, change in (("减少2个", -2), ("减 2", -2), ("增加 3", 3), ("下降2", None)):
        record = parse(text.replace("行政许可\t12\t减2\t340", f"行政许可\t12\t{cell}\t340"))
        assert _licensing(record) == [12, change, 340], cell
        said = {(f.code, f.actual) for f in record.findings}
        assert said == (set() if change is not None else {("value_unreadable", cell)}), cell


def test_a_count_printed_with_its_magnitude_word_is_no_count_of_its_digits():
    """A count printed with a magnitude word glued on (行政许可 ``3万件`` — 30,000 decisions — or ``1.2万``, ``3千``;
    table 三's 自然人 ``3万``). Before: 3 was published for 3万件 in tab cells and PDF text alike, and for 3万 / 3千
    in PDF text, with no finding (万件 went into the next row's label). Now the cell is missing with
    value_unreadable quoting it, never its digits alone; 12000 printed so is read."""
    text = tab_report(carried_over=2, carried_forward=3)
    for cell in ("3万件", "3万", "1.2万", "3千"):
        for apart in ("\t", " "):
            record = parse(text.replace("行政许可\t1", f"行政许可\t{cell}").replace("\t", apart))
            assert record.values("active")[("licensing", "decisions")] is None, (cell, apart)
            assert ("value_unreadable", cell) in {(f.code, f.actual) for f in record.findings}, (cell, apart)
    for apart in ("\t", " "):
        record = parse(text.replace("一、本年新收政府信息公开申请数量\t6", "一、本年新收政府信息公开申请数量\t3万")
                       .replace("\t", apart))
        values = record.values("applications")
        assert [values.get(("new", a)) for a in APPLICANTS] == [None, 0, 0, 0, 0, 0, 6], apart
        record = parse(text.replace("行政许可\t1", "行政许可\t12000").replace("\t", apart))
        assert record.values("active")[("licensing", "decisions")] == 12000, apart


def _two_agencies(captions: tuple[str, str], first_is_title: bool) -> str:
    """A report titled 样例县数据局 whose section 三 prints table 三 twice, once for it (本年新收 6, 予以公开 5) and
    once for another agency (本年新收 2, 予以公开 1), each under a caption line of its own; the title agency's copy
    first when ``first_is_title``."""
    text = tab_report(carried_over=2, carried_forward=3)
    heading = "三、收到和处理政府信息公开申请情况\n"
    start, end = text.index(heading) + len(heading), text.index("四、政府信息公开行政复议")
    own = text[start:end]
    other = (own.replace("数量\t6\t0\t0\t0\t0\t0\t6", "数量\t2\t0\t0\t0\t0\t0\t2")
             .replace("（一）予以公开\t5\t0\t0\t0\t0\t0\t5", "（一）予以公开\t1\t0\t0\t0\t0\t0\t1")
             .replace("（七）总计\t5\t0\t0\t0\t0\t0\t5", "（七）总计\t1\t0\t0\t0\t0\t0\t1"))
    copies = (own, other) if first_is_title else (other, own)
    return text[:start] + f"{captions[0]}\n{copies[0]}{captions[1]}\n{copies[1]}" + text[end:]


def test_table_3_printed_for_two_agencies_reads_the_copy_its_caption_names_for_the_title_agency():
    """A report titled 样例县数据局 covering a second agency prints table 三 once for each under one section 三
    heading: ``（一）样例县数据局`` … ``（二）样例县大数据中心`` … (either first). Before: the copies' rows met, every
    cell where they differ (本年新收, 予以公开, 总计) was missing with row_conflict. Now the copy whose caption names
    the title's agency is read, with tables_repeated saying which. Captions both naming it (本级 / 下属单位) leave
    the rows to meet as before: nothing tells which copy is the title agency's own."""
    for first_is_title in (True, False):
        captions = ("（一）样例县数据局", "（二）样例县大数据中心")
        if not first_is_title:
            captions = ("（一）样例县大数据中心", "（二）样例县数据局")
        for apart in ("\t", " "):
            record = parse(_two_agencies(captions, first_is_title).replace("\t", apart))
            values = record.values("applications")
            assert [values.get(("new", a)) for a in APPLICANTS] == [6, 0, 0, 0, 0, 0, 6], (first_is_title, apart)
            assert [values.get(("granted", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5], (first_is_title, apart)
            said = [f for f in record.findings if f.code in ("tables_repeated", "row_conflict", "row_duplicate")]
            assert [f.code for f in said] == ["tables_repeated"], (first_is_title, apart)
            assert "样例县数据局" in said[0].message
    record = parse(_two_agencies(("样例县数据局本级", "样例县数据局下属单位"), True))
    assert record.values("applications")[("new", "total")] is None
    assert "row_conflict" in {f.code for f in record.findings}


def test_tables_2_to_4_printed_for_two_agencies_read_the_run_its_caption_names_for_the_title_agency():
    """A report titled 样例县数据局 prints tables 二 to 四 twice, each run under its headings and a caption naming an
    agency: ``（一）样例县大数据中心`` (行政规范性文件 9 9 9, 本年新收 2) first, ``（二）样例县数据局`` (2 1 7, 6)
    second.
    Before: the first run was read — the other agency's numbers published as the title agency's, the finding saying
    no caption named the year. Now the run whose caption names the title's agency is read, with tables_repeated
    (case agencies) saying so; runs whose captions name no agency are read as before (the first)."""
    text = tab_report(carried_over=2, carried_forward=3, in_force=7, issued=2, repealed=1)
    start, end = text.index("二、主动公开政府信息情况"), text.index("五、存在的主要问题")
    own = text[start:end]
    other = own.replace("行政规范性文件\t2\t1\t7", "行政规范性文件\t9\t9\t9").replace(
        "数量\t6\t0\t0\t0\t0\t0\t6", "数量\t2\t0\t0\t0\t0\t0\t2")
    for first, second, expected in (("（一）样例县大数据中心", "（二）样例县数据局", ([2, 1, 7], 6)),
                                    ("附表一", "附表二", ([9, 9, 9], 2))):
        printed = text[:start] + f"{first}\n{other}{second}\n{own}" + text[end:]
        for apart in ("\t", " "):
            record = parse(printed.replace("\t", apart))
            active = record.values("active")
            assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == expected[0]
            assert record.values("applications")[("new", "total")] == expected[1], (first, apart)
            said = [f.message for f in record.findings if f.code == "tables_repeated"]
            assert len(said) == 1 and ("样例县数据局" in said[0]) == (expected[1] == 6), (first, apart)


def test_a_table_4_of_labelled_rows_missing_a_proceeding_or_with_total_first_is_read_by_its_labels():
    """Table 四 printed as a row of five a proceeding, each labelled (行政复议 | 2 | 1 | 0 | 0 | 3), one row not
    printed (未经复议直接起诉), or all three under a header printing 总计 first. Before: the ten numbers were one
    row of fifteen cells short (row_lost_cells), and the total-first rows' totals failed in the template's order
    (columns_order_unsure): all fifteen missing either way. Now each printed row is read under the proceeding its
    label names — the unprinted row missing with row_absent — and under the outcomes the header names
    (columns_reordered)."""
    from .test_h28parser_audit import _table_4

    outcomes = "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
    missing = outcomes + "行政复议\t2\t1\t0\t0\t3\n复议后起诉\t0\t0\t1\t0\t1"
    total_first = ("\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\n行政复议\t3\t2\t1\t0\t0\n"
                   "未经复议直接起诉\t0\t0\t0\t0\t0\n复议后起诉\t1\t0\t0\t1\t0")
    for body, expected, code in ((missing, [[2, 1, 0, 0, 3], [None] * 5, [0, 0, 1, 0, 1]], "row_absent"),
                                 (total_first, [[2, 1, 0, 0, 3], [0] * 5, [0, 0, 1, 0, 1]], "columns_reordered")):
        for apart in ("\t", " "):
            record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + body).replace("\t", apart))
            assert _table_4(record) == expected, (code, apart)
            said = {f.code for f in record.findings if f.table == "4"}
            assert said == {code}, (code, apart)
    record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + missing))
    assert [f.row for f in record.findings if f.code == "row_absent"] == ["行政诉讼·未经复议直接起诉"]


def test_a_2019_table_2_header_in_another_order_places_each_number_under_its_column():
    """2019 table 二 whose header names its columns in another order than the template's: 行政许可 under
    ``处理决定数量 | 上一年项目数量 | 本年增/减`` (340 12 减2), 政府集中采购 under ``采购总金额 | 采购项目数量``
    (251000元 4) — tab cells and PDF text. Before: the 2019 header's 处理决定数量 and 采购总金额 were no measure's
    name (the 2021 template's 本年处理决定数量 and 本年收费金额 were looked for), so the rows were read in the
    template's order: 340 published as the previous year's count and 12 as the change, 4 projects as 4 万元 (the amount
    unreadable). Now each number is read under the measure its column names, with columns_selected."""
    from tests.test_parse10_unseen import _loose, report_2019

    text = report_2019()
    licensing = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t12\t减2\t340"
    procurement = "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t4\t251000元"
    assert licensing in text and procurement in text
    printed = (text.replace(licensing, "信息内容\t处理决定数量\t上一年项目数量\t本年增/减\n行政许可\t340\t12\t减2")
               .replace(procurement, "信息内容\t采购总金额\t采购项目数量\n政府集中采购\t251000元\t4"))
    for form in (printed, _loose(printed)):
        record = parse(form)
        active = record.values("active")
        assert _licensing(record) == [12, -2, 340]
        assert [active[("procurement", m)] for m in ("projects", "amount_10k_yuan")] == [4, Decimal("25.1")]
        said = [f for f in record.findings if f.code != "columns_selected"]
        assert not said, [(f.code, f.actual) for f in said]


def test_a_table_3_header_whose_narrow_columns_all_wrap_is_read_by_its_names():
    """Table 三's header with 总计 first and every narrow column's name wrapped in its cell at once: ``总 自然人 商业
    科研 社会公 法律服 其他`` over ``计 企业 机构 益组织 务机构`` (tab cells and PDF text), 本年新收 printed
    ``6 3 1 1 0 1 0``. Before: five halves paired on the two lines, none was joined (one pair only), the header
    named no 总计 and every value of the table was missing with columns_order_unsure. Now every pair is joined
    where no half is in two pairs: the numbers are read under the columns named, with columns_reordered."""
    row = "一、本年新收政府信息公开申请数量\t6\t"
    text = _total_first(tab_report(carried_over=2, carried_forward=3)).replace(row + "6\t0\t0\t0\t0\t0",
                                                                               row + "3\t1\t1\t0\t1\t0")
    header = "\t总\t自然人\t商业\t科研\t社会公\t法律服\t其他\n\t计\t\t企业\t机构\t益组织\t务机构\t\n"
    printed = text.replace("三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n" + header)
    assert "\t6\t3\t1\t1\t0\t1\t0" in printed
    for form in (printed, printed.replace("\t", " ")):
        record = parse(form)
        values = record.values("applications")
        assert [values.get(("new", a)) for a in APPLICANTS] == [3, 1, 1, 0, 1, 0, 6]
        assert [values.get(("granted", a)) for a in APPLICANTS] == [5, 0, 0, 0, 0, 0, 5]
        codes = {f.code for f in record.findings}
        assert "columns_reordered" in codes and "columns_order_unsure" not in codes


def test_an_amount_printed_with_wan_alone_is_read_in_wan_yuan():
    """Table 二's fee under 本年收费金额（单位：万元） printed ``12.5万`` (万 without 元), 2019's procurement amount
    ``25.1万``. Before: unreadable in a table (value_unreadable); in PDF text 12.5 was read only because 万 was
    dropped as words — which also read a count's 3万件 as 3 — and the magnitude word is now the cell's. Now 万 is
    the amount's own unit, 万元: 12.5 and 25.1, in tab cells and PDF text; a count so printed stays unreadable."""
    from tests.test_parse10_unseen import _loose, report_2019

    text = tab_report(fee="12.5万")
    for form in (text, text.replace("\t", " ")):
        record = parse(form)
        assert record.values("active")[("fees", "amount_10k_yuan")] == Decimal("12.5")
        assert not record.findings
    text = report_2019().replace("政府集中采购\t4\t251000元", "政府集中采购\t4\t25.1万")
    for form in (text, _loose(text)):
        assert parse(form).values("active")[("procurement", "amount_10k_yuan")] == Decimal("25.1")
