"""Reports in layouts the parser had not met, written here by hand the way agencies publish them: a PDF
text layer whose blank cells vanished, 2019's table 二 with its signed 本年增/减 column, table 四 printed as
three labelled rows in another order, table 二 told as prose. Each case states what a careful reader of
the report reads; the parser publishes exactly that, or the cell missing with a finding — never a number
the report does not print, nor a printed number under another row."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

# table 三 as printed (identity-consistent: 31 new + 3 carried over = 32 processed + 2 carried forward)
T3 = {code: [0] * 7 for code in row_codes("2021")}
T3.update({
    "new": [23, 4, 1, 0, 2, 1, 31], "carried_over": [2, 1, 0, 0, 0, 0, 3],
    "granted": [9, 2, 0, 0, 1, 0, 12], "partially_granted": [3, 0, 0, 0, 0, 0, 3],
    "denied_prohibited_by_law": [1, 0, 0, 0, 0, 0, 1], "denied_third_party": [1, 0, 0, 0, 0, 0, 1],
    "denied_internal_affairs": [0, 1, 0, 0, 0, 0, 1], "denied_process_information": [2, 0, 0, 0, 0, 0, 2],
    "unavailable_not_held": [4, 1, 0, 0, 0, 1, 6], "unavailable_needs_creation": [1, 0, 0, 0, 0, 0, 1],
    "unavailable_unclear": [0, 0, 0, 0, 1, 0, 1], "rejected_petition": [1, 0, 0, 0, 0, 0, 1],
    "rejected_duplicate": [1, 0, 0, 0, 0, 0, 1], "other_no_correction": [1, 0, 0, 0, 0, 0, 1],
    "other_other": [0, 0, 1, 0, 0, 0, 1], "total_processed": [24, 4, 1, 0, 2, 1, 32],
    "carried_forward": [1, 1, 0, 0, 0, 0, 2],
})
T4 = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 0, 0, 1, 1]  # 行政复议 | 未经复议直接起诉 | 复议后起诉
PROCEEDINGS = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
OUTCOMES = "结果维持 结果纠正 其他结果 尚未审结 总计"
LABELS = {
    "new": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "三、本年度办理结果（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "（三）不予公开1.属于国家秘密", "denied_prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied_security_stability": "3.危及“三安全一稳定”", "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息", "denied_process_information": "6.属于四类过程性信息",
    "denied_enforcement_file": "7.属于行政执法案卷", "denied_administrative_query": "8.属于行政查询事项",
    "unavailable_not_held": "（四）无法提供1.本机关不掌握相关政府信息",
    "unavailable_needs_creation": "2.没有现成信息需要另行制作",
    "unavailable_unclear": "3.补正后申请内容仍不明确", "rejected_petition": "（五）不予处理1.信访举报投诉类申请",
    "rejected_duplicate": "2.重复申请", "rejected_publication": "3.要求提供公开出版物",
    "rejected_excessive": "4.无正当理由大量反复申请", "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理",
}
TABLE2 = ["第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 1 0 5",
          "行政规范性文件 7 2 48", "第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 1563",
          "第二十条第（六）项", "信息内容 本年处理决定数量", "行政处罚 87", "行政强制 3", "第二十条第（八）项",
          "信息内容 本年收费金额（单位：万元）", "行政事业性收费 12.5"]
TABLE4 = ["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
          f"{OUTCOMES} {OUTCOMES}", " ".join(map(str, T4))]


def pdf_text_report(table2=TABLE2, table4=TABLE4, overview="全年共收到政府信息公开申请31件。") -> str:
    """A county bureau's report as the text layer of a PDF exported from Word prints it: one line per
    table row, cells apart by spaces (a blank cell leaves nothing behind)."""
    lines = ["某某县交通运输局2023年政府信息公开工作年度报告", "一、总体情况", overview, "二、主动公开政府信息情况",
             *table2, "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
             "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    lines += [f"{LABELS[code]} {' '.join(map(str, T3[code]))}" for code in row_codes("2021")]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *table4, "五、存在的主要问题及改进情况",
              "一是公开内容不够全面。下一步将加强培训。", "六、其他需要报告的事项", "本年度未收取信息处理费。",
              "某某县交通运输局", "2024年1月20日"]
    return "\n".join(lines) + "\n"


def _read(data: str, suffix: str = ".txt"):
    return parse(read_bytes(data.encode("utf-8"), suffix).parse_text)


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


def _table3(record) -> dict[str, list]:
    got = record.values("applications")
    return {code: [got[(code, a)] for a in applicant_codes()] for code in row_codes("2021")}


def _table4(record) -> list:
    got = record.values("review_litigation")
    return [got[(p, o)] for p in proceeding_codes() for o in outcome_codes()]


def test_the_clean_pdf_text_report_reads_whole():
    record = _read(pdf_text_report())
    assert _table3(record) == T3
    assert _table4(record) == T4
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [7, 2, 48]
    assert (active[("licensing", "decisions")], active[("fees", "amount_10k_yuan")]) == (1563, Decimal("12.5"))
    assert not _codes(record)


# --- table 二 whose row lost a cell: the digits left are never cut to fill the row ------------------------

@pytest.mark.parametrize("printed", [
    "行政规范性文件 7 48",  # 7, blank, 48: the blank cell vanished (before: 7, 4, 8)
    "行政规范性文件 7 1000",  # 7, blank, 1000 (before: 7, 100, 0)
    "行政规范性文件 120",  # 120 and two blank cells (before: 1, 2, 0)
])
def test_a_table_2_row_that_lost_a_cell_is_missing_never_cut_to_fit(printed):
    record = _read(pdf_text_report(table2=[printed if x.startswith("行政规范性文件") else x for x in TABLE2]))
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    ambiguous = [f for f in record.findings if f.code == "cells_ambiguous" and f.row == "行政规范性文件"]
    assert ambiguous and "单元格缺失" in ambiguous[0].expected
    assert active[("rules", "in_force")] == 5  # the rows around it as printed


def test_a_table_2_cut_the_narrative_proves_is_still_made():
    overview = "本年度制发行政规范性文件7件，废止4件，现行有效8件。"
    record = _read(pdf_text_report(table2=[x.replace("7 2 48", "7 48") for x in TABLE2], overview=overview))
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [7, 4, 8]
    assert "cells_cut_by_narrative" in _codes(record)


def test_a_table_2_run_of_zeros_is_still_zeros():
    record = _read(pdf_text_report(table2=[x.replace("规章 1 0 5", "规章000") for x in TABLE2]))
    assert [record.values("active")[("rules", m)] for m in ("issued", "repealed", "in_force")] == [0, 0, 0]


# --- 2019's table 二: the change column printed with its sign ---------------------------------------------

TABLE2_2019 = ["第二十条第（一）项", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量", "规章 1 1 5",
               "规范性文件 7 7 48", "第二十条第（五）项", "信息内容 上一年项目数量 本年增/减 处理决定数量",
               "行政许可 120 减4 1563", "其他对外管理服务事项 30 增加3 25", "第二十条第（六）项",
               "信息内容 上一年项目数量 本年增/减 处理决定数量", "行政处罚 200 0 87", "行政强制 12 -2 3",
               "第二十条第（八）项", "信息内容 上一年项目数量 本年增/减", "行政事业性收费 5 －1",
               "第二十条第（九）项", "信息内容 采购项目数量 采购总金额", "政府集中采购 14 251000元"]


def test_a_2019_table_2_in_pdf_text_reads_its_signed_changes():
    record = _read(pdf_text_report(table2=TABLE2_2019))
    active = record.values("active")
    assert record.formats["active"] == "2019"
    # before: 减4 was read as a label 减 and a count 4, so the row ended at 120, cut into 1, 2, 0
    assert [active[("licensing", m)] for m in ("previous_year", "change", "decisions")] == [120, -4, 1563]
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [30, 3, 25]
    assert [active[("coercion", m)] for m in ("previous_year", "change", "decisions")] == [12, -2, 3]
    assert [active[("fees", m)] for m in ("previous_year", "change")] == [5, -1]
    assert active[("procurement", "amount_10k_yuan")] == Decimal("25.1")
    assert not _codes(record) & {"label_unrecognised", "row_lost_cells", "cells_ambiguous"}


# --- table 四 printed as three labelled rows of five ------------------------------------------------------

def _table4_as_rows(order, sep=" ", head=f"项目 {OUTCOMES}"):
    return [head.replace(" ", sep)] + [sep.join([PROCEEDINGS[i], *map(str, T4[5 * i:5 * i + 5])]) for i in order]


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 0, 1)])
@pytest.mark.parametrize("sep", [" ", "\t"])
def test_table_4_as_labelled_rows_is_read_by_its_labels(order, sep):
    # before: rows in another order were read in printed order (行政诉讼's numbers under 行政复议), and
    # space-separated rows (a PDF text layer) were lost
    record = _read(pdf_text_report(table4=_table4_as_rows(order, sep)))
    assert _table4(record) == T4
    assert not _codes(record) & {"row_lost_cells", "identity_broken"}


def test_table_4_rows_under_a_group_label_are_read_by_their_labels():
    rows = ["\t" + OUTCOMES.replace(" ", "\t"),
            "行政诉讼\t复议后起诉\t" + "\t".join(map(str, T4[10:])),
            "\t未经复议直接起诉\t" + "\t".join(map(str, T4[5:10])),
            "行政复议\t\t" + "\t".join(map(str, T4[:5]))]
    assert _table4(_read(pdf_text_report(table4=rows))) == T4


def test_table_4_rows_whose_labels_contradict_their_place_are_missing():
    # two rows name a proceeding, one names none: which is which cannot be known from the labels
    rows = _table4_as_rows((1, 0, 2))
    rows[2] = rows[2].replace(PROCEEDINGS[0], "其他")
    record = _read(pdf_text_report(table4=rows))
    assert _table4(record) == [None] * 15
    assert "row_lost_cells" in _codes(record)


# --- table 二 told as prose ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prose, expected", [
    # the number before its item: 12 follows 行政许可, but in a clause that ended at 、 (before: 行政许可 12)
    ("全年共作出236件行政许可决定、12件行政处罚决定，行政强制0件。", (None, None, 0)),
    ("本年度共办理行政许可事项236件；行政处罚案件12件；行政强制0件。", (236, 12, 0)),
    ("行政许可：236件，行政处罚：12件，行政强制：0件。", (236, 12, 0)),
])
def test_table_2_as_prose_never_gives_a_number_to_the_item_of_another_clause(prose, expected):
    record = _read(pdf_text_report(table2=[prose]))
    active = record.values("active")
    assert tuple(active[(item, "decisions")] for item in ("licensing", "penalty", "coercion")) == expected


# --- cells listed with 、 -------------------------------------------------------------------------------------

def test_cells_listed_with_a_dunhao_are_read_as_cells():
    # a report whose table was retyped as lines of text: 23、4、1、0、2、1、31 (before: every row lost)
    text = pdf_text_report(table2=[x.replace("7 2 48", "7、2、48") for x in TABLE2])
    for code in row_codes("2021"):
        text = text.replace(f"{LABELS[code]} {' '.join(map(str, T3[code]))}",
                            f"{LABELS[code]} {'、'.join(map(str, T3[code]))}")
    record = _read(text)
    assert _table3(record) == T3
    assert [record.values("active")[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [
        7, 2, 48]
    assert not _codes(record)


# --- a table of contents before the report ---------------------------------------------------------------------

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


@pytest.mark.parametrize("contents", [
    ["目  录", *(f"{h}{'…' * 12}{page}" for h, page in zip(HEADINGS, [1, 2, 2, 4, 5, 5], strict=True))],
    ["目录", *(f"{h} {page}" for h, page in zip(HEADINGS, [1, 2, 2, 4, 5, 5], strict=True))],
    ["目录", *HEADINGS[:4]],  # the contents of the tables' sections only, without page numbers
    ["目录 " + " ".join(HEADINGS)],  # a web page's contents box, flattened onto one line
])
def test_a_table_of_contents_is_not_read_as_the_report(contents):
    # before: the sections were found in the contents: every table absent, and report_repeated said
    text = pdf_text_report()
    title, rest = text.split("\n", 1)
    record = _read("\n".join([title, *contents, rest]))
    assert _table3(record) == T3
    assert _table4(record) == T4
    assert record.values("active")[("licensing", "decisions")] == 1563
    assert record.sections["overview"] == "全年共收到政府信息公开申请31件。"
    assert not _codes(record)


# --- a Word file saved with its tracked changes ----------------------------------------------------------------

def _docx_with_changes(cells: dict[tuple[int, int], list[tuple[str, str]]]) -> bytes:
    """The report as a .docx whose table-三 cells ((row, column) → [(kind, text)]) were typed with track
    changes on: kind ``r`` a plain run, ``ins`` an insertion, ``del`` a deletion, ``tag`` a smart tag."""
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lines = pdf_text_report().split("\n")
    document = docx.Document()
    start = lines.index("申请人情况")
    for line in lines[:start]:
        document.add_paragraph(line)
    rows = [[LABELS[code], *map(str, T3[code])] for code in row_codes("2021")]
    table = document.add_table(rows=len(rows), cols=8)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for (r, c), pieces in cells.items():
        paragraph = table.cell(r, c).paragraphs[0]._p
        for run in paragraph.findall(qn("w:r")):
            paragraph.remove(run)
        for kind, text in pieces:
            run = OxmlElement("w:r")
            piece = OxmlElement("w:delText" if kind == "del" else "w:t")
            piece.text = text
            run.append(piece)
            wrapper = OxmlElement({"ins": "w:ins", "del": "w:del", "tag": "w:smartTag"}.get(kind, "w:r"))
            if kind == "r":
                paragraph.append(run)
                continue
            if kind != "tag":
                wrapper.set(qn("w:id"), str(r * 10 + c))
                wrapper.set(qn("w:author"), "editor")
            wrapper.append(run)
            paragraph.append(wrapper)
    for line in lines[start + 3 + len(rows):]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_cell_typed_with_track_changes_reads_as_word_shows_it():
    # 一、本年新收 · 自然人 (23): 5 deleted, 23 inserted; · 总计 (31): 3 kept, 1 inserted; 二、上年结转 · 自然人
    # (2) in a smart tag. Before: blank, 3 and blank (python-docx reads only runs directly in the paragraph)
    data = _docx_with_changes({(0, 1): [("del", "5"), ("ins", "23")], (0, 7): [("r", "3"), ("ins", "1")],
                               (1, 1): [("tag", "2")]})
    record = parse(read_bytes(data, ".docx").parse_text)
    assert _table3(record) == T3
    assert not _codes(record) & {"value_blank", "identity_broken"}


# --- titles as agencies print them ------------------------------------------------------------------------------

@pytest.mark.parametrize("title, agency", [
    ("某某县交通运输局关于2023年政府信息公开工作年度报告", "某某县交通运输局"),  # before: 某某县交通运输局关于
    ("关于印发某某县交通运输局2023年政府信息公开工作年度报告的通知", "某某县交通运输局"),  # before: 关于印发…
    ("某某县人民政府办公室关于某某县2023年政府信息公开工作年度报告", "某某县"),  # the county's summary report
    ("某某县交通运输局2023年度政府信息公开工作报告", "某某县交通运输局"),  # before: no agency, no year
    ("某某县交通运输局政府信息公开工作2023年度报告", "某某县交通运输局"),  # before: no agency, no year
    ("二〇二三年某某县交通运输局政府信息公开工作年度报告", "某某县交通运输局"),  # before: no agency, no year
])
def test_the_agency_and_year_of_a_title_as_agencies_print_it(title, agency):
    record = _read(title + "\n" + pdf_text_report().split("\n", 1)[1])
    assert (record.agency, record.year) == (agency, 2023)
    assert not _codes(record) & {"agency_not_found", "year_not_found"}


# --- a sentence with numbers above (or below) a table ----------------------------------------------------------

def _with_sentence(text: str, heading: str, sentence: str, above: bool = True) -> str:
    """``text`` with ``sentence`` printed right under ``heading`` (above) or just before the next heading."""
    if above:
        return text.replace(heading + "\n", f"{heading}\n{sentence}\n")
    following = HEADINGS[HEADINGS.index(heading) + 1]
    return text.replace(following + "\n", f"{sentence}\n{following}\n")


@pytest.mark.parametrize("above", [True, False])
@pytest.mark.parametrize("sentence", [
    "2023年，本机关共发生政府信息公开行政复议案件4件，行政诉讼案件3件，具体情况如下：",  # before: table 4 lost
    "本年度共发生行政复议4件、行政诉讼3件。",
    "（数据截至2023年12月31日）",  # before: the date's digits were taken for the table's first cells
])
def test_a_sentence_with_numbers_by_table_4_is_not_the_table(sentence, above):
    record = _read(_with_sentence(pdf_text_report(), HEADINGS[3], sentence, above))
    assert _table4(record) == T4
    assert not _codes(record) & {"row_lost_cells", "row_extra_cells"}


@pytest.mark.parametrize("above", [True, False])
def test_a_sentence_with_numbers_by_table_3_is_not_a_row_of_it(above):
    # before: 上年结转3件 was taken for the row 二、上年结转 (one number for seven cells: lost) and the table's
    # own row dropped as a repeat
    sentence = "本年度共收到政府信息公开申请31件，上年结转3件，具体情况如下："
    record = _read(_with_sentence(pdf_text_report(), HEADINGS[2], sentence, above))
    assert _table3(record) == T3
    assert not _codes(record) & {"row_lost_cells", "row_duplicate", "row_conflict"}


@pytest.mark.parametrize("sentence", [
    "本年度新制发行政规范性文件7件，现行有效48件。",  # before: 行政规范性文件 lost (7 | 48 for three cells)
    "本年度作出行政许可决定1563件，具体如下：",
])
def test_a_sentence_with_numbers_by_table_2_is_not_a_row_of_it(sentence):
    record = _read(_with_sentence(pdf_text_report(), HEADINGS[1], sentence))
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [7, 2, 48]
    assert active[("licensing", "decisions")] == 1563
    assert not _codes(record) & {"row_lost_cells", "row_duplicate", "row_conflict"}


# --- section headings numbered otherwise, or by Word or the page ---------------------------------------------

NUMERALS = "一二三四五六"


@pytest.mark.parametrize("numbered", [
    lambda i, h: f"（{NUMERALS[i]}）{h[2:]}",
    lambda i, h: f"{i + 1}.{h[2:]}",
    lambda i, h: f"{i + 1}、{h[2:]}",
    lambda i, h: f"第{NUMERALS[i]}部分 {h[2:]}",
    lambda i, h: h[2:],  # Word's automatic list numbering, an HTML <ol>: no number in the text
], ids=["paren", "arabic_dot", "arabic_dunhao", "part", "none"])
def test_headings_numbered_otherwise_still_find_the_sections(numbered):
    text = pdf_text_report()
    for i, heading in enumerate(HEADINGS):
        text = text.replace(heading + "\n", numbered(i, heading) + "\n")
    record = _read(text)  # before: no section found, every table absent
    assert _table3(record) == T3
    assert _table4(record) == T4
    assert record.values("active")[("licensing", "decisions")] == 1563
    assert record.sections["other_matters"].startswith("本年度未收取信息处理费。")
    assert not _codes(record)


def test_a_docx_whose_headings_are_numbered_by_word_finds_its_sections():
    import io

    import docx

    document = docx.Document()
    for line in pdf_text_report().rstrip("\n").split("\n"):
        if line in HEADINGS:
            document.add_paragraph(line[2:], style="List Number")  # Word writes the 一、 itself
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    record = parse(read_bytes(out.getvalue(), ".docx").parse_text)
    assert _table3(record) == T3
    assert _table4(record) == T4


def test_a_heading_phrase_inside_a_sentence_is_no_heading():
    text = pdf_text_report()
    for heading in HEADINGS:
        text = text.replace(heading + "\n", heading[2:] + "\n")
    text = text.replace("全年共收到", "主动公开政府信息情况良好，收到和处理政府信息公开申请情况如下。全年共收到")
    record = _read(text)
    assert _table3(record) == T3
    assert record.sections["overview"].startswith("主动公开政府信息情况良好")


def test_cells_that_carry_their_unit_are_read():
    # a table whose cells read 6件 (before: the 件 ended the row, every row lost); 6 件 as well
    text = pdf_text_report()
    for code in row_codes("2021"):
        text = text.replace(f"{LABELS[code]} {' '.join(map(str, T3[code]))}",
                            LABELS[code] + "\t" + "\t".join(f"{v}件" if v % 2 else f"{v} 件" for v in T3[code]))
    assert _table3(_read(text)) == T3


# --- what section 一 says, against the tables ------------------------------------------------------------------

@pytest.mark.parametrize("overview, mismatch", [
    ("全年共收到政府信息公开申请34件（含上年结转3件），办结32件。", False),  # 31 new + 3 carried over (before: 34 ≠ 31)
    ("全年共受理政府信息公开申请34件，其中新收31件、上年结转3件。", False),
    ("今年以来收到信访举报投诉类申请1件，收到政府信息公开申请31件。", False),  # before: 1 ≠ 31
    ("全年共收到政府信息公开申请30件。", True),  # neither 31 nor 34: the report disagrees with itself
])
def test_the_applications_section_1_states_are_checked_as_it_counts_them(overview, mismatch):
    record = _read(pdf_text_report(overview=overview))
    assert ("narrative_mismatch" in _codes(record)) is mismatch


@pytest.mark.parametrize("printed, heading", [
    ("二、主动公开情况", HEADINGS[1]), ("二、政府信息主动公开情况", HEADINGS[1]),  # before: table 二 absent
    ("三、依申请公开情况", HEADINGS[2]), ("三、依申请公开政府信息情况", HEADINGS[2]),  # before: table 三 absent
    ("五、存在的不足及改进措施", HEADINGS[4]), ("六、其他事项", HEADINGS[5]),  # before: section_absent
])
def test_section_headings_as_agencies_word_them(printed, heading):
    record = _read(pdf_text_report().replace(heading + "\n", printed + "\n"))
    assert _table3(record) == T3
    assert record.values("active")[("licensing", "decisions")] == 1563
    assert not _codes(record)


# --- a PDF page's bare number between a table's rows ------------------------------------------------------------

@pytest.mark.parametrize("footer", [
    ["3"], ["", "3", ""], ["3", "某某县交通运输局2023年政府信息公开工作年度报告"], ["3 / 6"], ["·3·"],
])
def test_a_bare_page_number_inside_a_table_is_no_cell(footer):
    # a page of the PDF ends inside each table: its number (and the running title) after 行政规范性文件's
    # row, after 7.属于行政执法案卷's, and between table 四's header and its numbers
    lines = pdf_text_report().split("\n")
    for before in ("8.属于行政查询事项", "第二十条第（五）项", " ".join(map(str, T4))):
        at = next(i for i, line in enumerate(lines) if line.startswith(before))
        lines[at:at] = footer
    record = _read("\n".join(lines))  # before: the row next to it had one cell too many, and was lost
    assert _table3(record) == T3
    assert _table4(record) == T4
    active = record.values("active")
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [7, 2, 48]
    assert not _codes(record) & {"row_extra_cells", "row_lost_cells"}


def test_a_number_alone_on_its_line_is_still_a_cell_where_each_cell_has_its_line():
    lines = ["行政许可", "1563", "第二十条第（六）项", "信息内容 本年处理决定数量", "行政处罚", "87", "行政强制", "3"]
    record = _read(pdf_text_report(table2=TABLE2[:4] + lines + TABLE2[-3:]))
    active = record.values("active")
    assert [active[(item, "decisions")] for item in ("licensing", "penalty", "coercion")] == [1563, 87, 3]


def test_a_sentence_under_a_label_standing_alone_does_not_give_the_label_its_number():
    # one cell per line, and a note slipped between 行政事业性收费 and its amount (before: fee 23)
    lines = TABLE2[:-1] + ["行政事业性收费", "其中自然人23件。", "12.5"]
    record = _read(pdf_text_report(table2=lines))
    assert record.values("active")[("fees", "amount_10k_yuan")] in (None, Decimal("12.5"))


# --- each row's numbers printed above its label ---------------------------------------------------------------

def _numbers_above_labels(text: str) -> str:
    """``text`` with every table row's numbers on a line of their own above its label (a PDF text layer
    whose numbers sit a little higher than their label)."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        numbers = [w for w in words if w.replace(".", "").isdigit()]
        label = " ".join(w for w in words if w not in numbers)
        if numbers and label and len(line) < 90:
            out += [" ".join(numbers), label]
        else:
            out.append(line)
    return "\n".join(out)


def test_numbers_printed_above_their_labels_are_not_given_to_the_row_above():
    # before: every row of tables 二 and 三 took the numbers of the row above it (60 cells of table 三
    # published under the wrong row, 规章 with 行政规范性文件's 7 2 48, 行政许可 with 行政处罚's 87)
    record = _read(_numbers_above_labels(pdf_text_report()))
    assert _table3(record) == T3
    active = record.values("active")
    assert [active[("rules", m)] for m in ("issued", "repealed", "in_force")] == [1, 0, 5]
    assert [active[(i, "decisions")] for i in ("licensing", "penalty", "coercion")] == [1563, 87, 3]
    assert active[("fees", "amount_10k_yuan")] == Decimal("12.5")
    assert "identity_broken" not in _codes(record)


def test_numbers_above_labels_whose_realigned_reading_breaks_an_identity_are_not_realigned():
    # one cell misprinted: the identities hold neither way, and the usual reading is kept, its breaks said
    text = _numbers_above_labels(pdf_text_report()).replace("\n9 2 0 0 1 0 12\n", "\n9 2 0 0 1 0 13\n")
    record = _read(text)
    assert not [f for f in record.findings if f.code == "rows_realigned" and f.table == "3"]
    assert "identity_broken" in _codes(record)


def _docx_table_edited(edit) -> bytes:
    """The report as a .docx (table 三 a Word table) after ``edit(table_element)``."""
    import io

    import docx

    document = docx.Document(io.BytesIO(_docx_with_changes({})))
    edit(document.tables[0]._tbl)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_table_rows_inside_a_content_control_are_read():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def wrap(table):  # rows 3–8 in a repeating-section content control, as form templates have them
        rows = table.findall(qn("w:tr"))
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(content)
        rows[3].addprevious(sdt)
        for row in rows[3:9]:
            content.append(row)

    # before: python-docx raised (no cell above a merged one), and the whole file was unreadable
    record = parse(read_bytes(_docx_table_edited(wrap), ".docx").parse_text)
    assert _table3(record) == T3


def test_docx_irregular_table_whose_merged_corner_has_no_cell_above_is_read():
    import copy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def corner(table):  # two header rows: the first starts one column in (gridBefore), the second's corner
        first = table.find(qn("w:tr"))  # cell continues a vertical merge from a cell that does not exist
        names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        for level in range(2):
            row = copy.deepcopy(first)
            cells = row.findall(qn("w:tc"))
            if level == 0:
                row.remove(cells[0])
                properties = OxmlElement("w:trPr")
                before = OxmlElement("w:gridBefore")
                before.set(qn("w:val"), "1")
                properties.append(before)
                row.insert(0, properties)
                cells = cells[1:]
            else:
                merge = OxmlElement("w:vMerge")
                cells[0].get_or_add_tcPr().append(merge)
                cells = cells[1:]
            for cell, name in zip(cells, names, strict=True):
                for text in cell.iter(qn("w:t")):
                    text.text = name
            first.addprevious(row)

    record = parse(read_bytes(_docx_table_edited(corner), ".docx").parse_text)
    assert _table3(record) == T3


@pytest.mark.parametrize("part, item, value", [
    ("其中：行政许可（承诺制） 300", "licensing", 1563),  # a breakdown under its item (before: both voided)
    ("行政处罚（简易程序） 20", "penalty", 87),
])
def test_a_part_of_a_table_2_item_printed_under_it_is_not_the_item_again(part, item, value):
    row = {"licensing": "行政许可 1563", "penalty": "行政处罚 87"}[item]
    table2 = [x for line in TABLE2 for x in ([line, part] if line == row else [line])]
    record = _read(pdf_text_report(table2=table2))
    assert record.values("active")[(item, "decisions")] == value
    assert "row_conflict" not in _codes(record)


def test_an_item_whose_only_row_carries_a_bracket_is_read():
    table2 = [x.replace("行政处罚 87", "行政处罚（含简易程序） 87") for x in TABLE2]
    assert _read(pdf_text_report(table2=table2)).values("active")[("penalty", "decisions")] == 87


def test_a_footnote_mark_in_a_row_short_of_cells_is_no_digit_to_cut():
    # 0¹ is a digit for str.isdigit but not for int: the parser raised (found by the mutated-seed property)
    record = _read(pdf_text_report(table2=[x.replace("规章 1 0 5", "规章 0 0¹: 0") for x in TABLE2]))
    assert record.values("active")[("rules", "in_force")] is None
