"""Session 46 (helper P): layouts and wordings of real agencies' reports no test had, written here from the 2021
template (not from any report's text) with a value in every cell told apart from its neighbours, so that a number
read into another row or column shows. Each case states what a reader of the report sees and asserts that the
parser publishes it, or the cell missing with a finding.

- Tables printed after section 六 as an attachment (附表1 …, 附件1, or the headings of 二 to 四 again), sections 二 to
  四 holding prose only: every table was ``table_absent`` (``appended_tables.py``).
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_docx, as_html

LABELS = {  # the 2021 template's row labels, as printed
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "1.属于国家秘密",
    "denied_prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied_security_stability": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_information": "6.属于四类过程性信息",
    "denied_enforcement_file": "7.属于行政执法案卷",
    "denied_administrative_query": "8.属于行政查询事项",
    "unavailable_not_held": "1.本机关不掌握相关政府信息",
    "unavailable_needs_creation": "2.没有现成信息需要另行制作",
    "unavailable_unclear": "3.补正后申请内容仍不明确",
    "rejected_petition": "1.信访举报投诉类申请",
    "rejected_duplicate": "2.重复申请",
    "rejected_publication": "3.要求提供公开出版物",
    "rejected_excessive": "4.无正当理由大量反复申请",
    "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
GROUPS = {
    "denied_state_secret": "（三）不予公开",
    "unavailable_not_held": "（四）无法提供",
    "rejected_petition": "（五）不予处理",
    "other_no_correction": "（六）其他处理",
}
TITLE = "样例县民政局2024年政府信息公开工作年度报告"


def _rows(seed: int = 7) -> dict[str, list[int]]:
    """Table 三 as printed, every identity holding: rows 3-23 drawn, (七)总计 their sum, 本年新收 what the column's
    sums leave, 总计 the six columns' sum."""
    rng = random.Random(seed)
    codes = row_codes("2021")
    middle = codes[2:23]
    rows = {code: [0] * 7 for code in codes}
    for column in range(6):
        for code in middle:
            rows[code][column] = rng.choice([0, 0, 1, 2, 3, 5, 7, 11, 13])
        processed = sum(rows[code][column] for code in middle)
        rows["total_processed"][column] = processed
        rows["carried_forward"][column] = rng.choice([0, 1, 2])
        rows["carried_over"][column] = rng.choice([0, 1])
        rows["new"][column] = processed + rows["carried_forward"][column] - rows["carried_over"][column]
    for values in rows.values():
        values[6] = sum(values[:6])
    return rows


ROWS = _rows()
T4 = [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2]
OUTCOMES = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
TABLE2 = "\n".join(
    [
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t1\t4",
        "行政规范性文件\t12\t3\t340",
        "第二十条第（五）项",
        "信息内容\t本年处理决定数量",
        "行政许可\t2293",
        "第二十条第（六）项",
        "信息内容\t本年处理决定数量",
        "行政处罚\t15",
        "行政强制\t4",
        "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）",
        "行政事业性收费\t1.25",
    ]
)
ACTIVE = {
    ("rules", "issued"): 0,
    ("rules", "repealed"): 1,
    ("rules", "in_force"): 4,
    ("normative_documents", "issued"): 12,
    ("normative_documents", "repealed"): 3,
    ("normative_documents", "in_force"): 340,
    ("licensing", "decisions"): 2293,
    ("penalty", "decisions"): 15,
    ("coercion", "decisions"): 4,
    ("fees", "amount_10k_yuan"): Decimal("1.25"),
}


def table3_tabs(rows: dict[str, list[int]] = ROWS) -> str:
    """Table 三 in tabs: the template's three header lines, then a line a row, a group's name in the cell before
    its first item."""
    out = [
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况",
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    for code, label in LABELS.items():
        head = "三、本年度办理结果\t" if code == "granted" else GROUPS.get(code, "") + ("\t" if code in GROUPS else "")
        out.append(head + label + "\t" + "\t".join(map(str, rows[code])))
    return "\n".join(out)


def table4_tabs(values: list[int] = T4) -> str:
    return "\n".join(
        [
            "行政复议\t\t\t\t\t行政诉讼",
            OUTCOMES + "\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            "\t\t\t\t\t" + OUTCOMES + "\t" + OUTCOMES,
            "\t".join(map(str, values)),
        ]
    )


def _parse(data: str | bytes, suffix: str = ".txt"):
    source = read_bytes(data.encode("utf-8") if isinstance(data, str) else data, suffix)
    return parse(source.text)


def _table3(record) -> dict[str, list]:
    got = record.values("applications")
    return {code: [got.get((code, a)) for a in applicant_codes()] for code in row_codes("2021")}


def _table4(record) -> list:
    got = record.values("review_litigation")
    return [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()]


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


# ---- tables printed after section 六, as an attachment ----


def appended_report(captions: tuple[str, str, str]) -> str:
    """Sections 二 to 四 say what they count in a sentence and point to the attachment; the signature, then the
    three tables, each under its caption."""
    body = [
        TITLE,
        "一、总体情况",
        "2024年，我局认真贯彻落实《条例》。",
        "二、主动公开政府信息情况",
        "本年度主动公开政府信息1200条，详见附表。",
        "三、收到和处理政府信息公开申请情况",
        "本年度收到政府信息公开申请若干件，详见附表。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度发生政府信息公开行政复议、行政诉讼若干件，详见附表。",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "样例县民政局",
        "2025年1月20日",
    ]
    return "\n".join(body + [captions[0], TABLE2, captions[1], table3_tabs(), captions[2], table4_tabs()])


CAPTIONS = {
    "fubiao": (
        "附表1 主动公开政府信息情况",
        "附表2 收到和处理政府信息公开申请情况",
        "附表3 政府信息公开行政复议、行政诉讼情况",
    ),
    "fujian": ("附件1", "附件2", "附件3"),
    "headings_again": (
        "附件：\n二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ),
    "numbered_anew": (
        "附件\n一、主动公开政府信息情况",
        "二、收到和处理政府信息公开申请情况",
        "三、政府信息公开行政复议、行政诉讼情况",
    ),
}
FORMS = {
    "text": lambda text: (text, ".txt"),
    "html": lambda text: (as_html(text), ".html"),
    "docx": lambda text: (as_docx(text), ".docx"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("captions", sorted(CAPTIONS))
def test_tables_printed_after_section_six_are_read_as_printed(captions, form):
    """The attachment's three tables are the report's: every cell published as printed, with no finding against
    them. Before, the attachment was section 六's text and tables 二 to 四 were ``table_absent``, every number lost."""
    record = _parse(*FORMS[form](appended_report(CAPTIONS[captions])))
    assert _table3(record) == ROWS
    assert _table4(record) == T4
    assert record.values("active") == ACTIVE
    assert not _codes(record) & {
        "table_absent",
        "row_absent",
        "label_unrecognised",
        "report_repeated",
        "identity_broken",
    }, _codes(record)
    assert record.sections["other_matters"].startswith("本年度未收取信息处理费。")
    assert "行政许可" not in record.sections["other_matters"]


def test_a_table_printed_under_its_heading_is_read_there_not_from_an_attachment():
    """Table 三 printed in section 三, an attachment after 六 printing another table 三 (a form's blank, a copy with
    other numbers): section 三's own table is read, as before."""
    other = {code: [v + 1 for v in values] for code, values in ROWS.items()}
    text = appended_report(CAPTIONS["fubiao"]).replace("本年度收到政府信息公开申请若干件，详见附表。", table3_tabs())
    text = text.replace("附表2 收到和处理政府信息公开申请情况\n" + table3_tabs(), "附表2\n" + table3_tabs(other))
    record = _parse(text)
    assert _table3(record) == ROWS
    assert _table4(record) == T4


def test_a_second_report_after_the_last_section_gives_none_of_its_tables():
    """A file holding two reports, the first printing its tables as pictures (prose only under 二 to 四): the second
    report's tables (after 一、总体情况 again) are not the first's — they stay absent, and report_repeated says a
    second report follows."""
    first = appended_report(CAPTIONS["fubiao"]).split("\n附表1")[0]
    second = "\n".join(
        [
            TITLE.replace("2024", "2023"),
            "一、总体情况",
            "2023年，我局…",
            "二、主动公开政府信息情况",
            TABLE2,
            "三、收到和处理政府信息公开申请情况",
            table3_tabs(),
            "四、政府信息公开行政复议、行政诉讼情况",
            table4_tabs(),
            "五、存在的主要问题及改进情况",
            "无。",
            "六、其他需要报告的事项",
            "无。",
        ]
    )
    record = _parse(first + "\n" + second)
    assert set(_table3(record)["new"]) == {None}
    assert set(_table4(record)) == {None}
    assert "report_repeated" in _codes(record)


# ---- a PDF's text layer: labels letter-spaced (Word's distributed alignment) ----

PDF_HEADER = "\n".join(
    [
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
)


def table3_letter_spaced() -> str:
    """Table 三 as a PDF's text layer prints a table whose label cells are distributed-aligned: every character of
    a label apart (``4 . 无 正 当 理 由 大 量 反 复 申 请``), then the row's seven numbers a space apart."""
    out = [PDF_HEADER]
    for code, label in LABELS.items():
        if code == "granted":
            out.append("三 、 本 年 度 办 理 结 果")
        if code in GROUPS:
            out.append(" ".join(GROUPS[code]))
        out.append(" ".join(label) + " " + " ".join(map(str, ROWS[code])))
    return "\n".join(out)


def test_a_letter_spaced_label_holding_the_character_for_none_keeps_its_row():
    """无 inside a letter-spaced label (4.无正当理由大量反复申请, 1.申请人无正当理由逾期不补正…) is a letter of the
    label, not a missing cell: every row is published as printed. Before, 无 was read as a cell, the row above had eight
    cells for seven and was lost (row_extra_cells), and the label's rest began a row the template does not have."""
    text = appended_report(CAPTIONS["fubiao"]).split("\n附表1")[0]
    text = text.replace("本年度收到政府信息公开申请若干件，详见附表。", table3_letter_spaced())
    record = _parse(text)
    assert _table3(record) == ROWS
    assert not _codes(record) & {"row_extra_cells", "label_unrecognised", "row_other_format", "identity_broken"}


# ---- a title whose year stands on a line of its own ----

TITLE_LINES = {
    "year_line": (["样例县民政局", "2024", "年政府信息公开工作年度报告"], "样例县民政局"),
    "year_line_nian_du": (["样例县民政局", "2024", "年度政府信息公开工作年度报告"], "样例县民政局"),
    "chinese_year_line": (["样例县民政局", "二〇二四", "年度政府信息公开工作年度报告"], "样例县民政局"),
    "full_width_year_line": (["样例县人民政府", "２０２４", "年政府信息公开工作年度报告"], "样例县人民政府"),
    "year_and_nian_lines": (["样例县民政局", "2024", "年", "政府信息公开工作年度报告"], "样例县民政局"),
    "no_name_above": (["2024", "年政府信息公开工作年度报告"], None),
    # a cover's title in large type, broken over three or four lines where the page ends them
    "three_lines": (["样例县民政局", "2024年度政府信息公开", "工作年度报告"], "样例县民政局"),
    "three_lines_name_and_year": (["样例县民政局2024年度", "政府信息公开工作", "年度报告"], "样例县民政局"),
    "four_lines": (["样例县民政局", "2024年度", "政府信息公开工作", "年度报告"], "样例县民政局"),
    # broken after its region, or before an office's word: the name is the lines' joined, never the fragment
    "broken_after_region": (["样例县", "民政局2024年度政府信息公开", "工作年度报告"], "样例县民政局"),
    "broken_before_office": (["样例县民政局", "办公室", "2024年政府信息公开工作年度报告"], "样例县民政局办公室"),
    # the year after the title in brackets without 年, or alone on the next line
    "year_after_in_brackets": (["样例县民政局政府信息公开工作年度报告（2024）"], "样例县民政局"),
    "year_alone_after": (["样例县民政局政府信息公开工作年度报告", "2024"], "样例县民政局"),
    # a page's toolbar above a title naming no publisher: its words joined are no name
    "toolbar_above": (["打印本页", "关闭窗口", "2024年政府信息公开工作年度报告"], None),
    "three_lines_then_date": (
        ["样例县民政局", "2024年度政府信息公开工作", "年度报告", "二〇二五年一月"],
        "样例县民政局",
    ),
}


@pytest.mark.parametrize("name", sorted(TITLE_LINES))
def test_a_title_printing_its_year_on_a_line_of_its_own_names_its_publisher_and_year(name):
    """A cover or a heading setting the year on a line of its own (样例县民政局 / 2024 / 年政府信息公开工作年度报告)
    names the publisher above it and the year; the overview is not asked. Before, 年政府 (or 年度) was published as
    the publisher's name and the year read from the overview (year_from_overview). No name above: no publisher, said.
    A title broken over three or four lines is read joined (before: no publisher, the year from the overview)."""
    lines, agency = TITLE_LINES[name]
    text = appended_report(CAPTIONS["fubiao"]).replace(TITLE, "\n".join(lines), 1)
    record = _parse(text)
    assert (record.agency, record.year) == (agency, 2024)
    assert "year_from_overview" not in _codes(record)
    assert ("agency_not_found" in _codes(record)) == (agency is None)


def test_a_web_pages_heading_breaking_before_its_year_names_its_publisher():
    """<h1>样例县民政局<br>2024<br>年政府信息公开工作年度报告</h1>: the heading is the title (before: 年政府)."""
    text = appended_report(CAPTIONS["fubiao"]).replace(TITLE + "\n", "", 1)
    page = as_html(text).replace("<body>", "<body><h1>样例县民政局<br>2024<br>年政府信息公开工作年度报告</h1>", 1)
    record = _parse(page, ".html")
    assert (record.agency, record.year) == ("样例县民政局", 2024)


# ---- a report signing its name, its title naming none ----


def test_a_report_whose_title_names_no_publisher_is_the_one_it_signs():
    """A title naming no agency (2024年政府信息公开工作年度报告, on the agency's own site), a body saying only 我局,
    the report signed 样例县民政局 above its date: that is the publisher, its evidence the signature (落款). Before, the
    report had no publisher (agency_not_found)."""
    from xxgk.agency.resolve import name_to_agency

    text = appended_report(CAPTIONS["fubiao"]).split("\n附表1")[0].replace(TITLE, "2024年政府信息公开工作年度报告", 1)
    record = _parse(text)
    assert record.agency is None
    agency = name_to_agency(record.agency, text, {})
    assert agency.name == "样例县民政局"
    assert any("落款" in note for note in agency.evidence), agency.evidence


@pytest.mark.parametrize(
    "ending",
    [
        "联系电话：0000-1234567\n2025年1月20日",  # a date under a contact line: no name signed
        "样例县民政局\n联系电话：0000-1234567",  # a name with no date under it
        "样例县民政局办公室负责解释。\n2025年1月20日",  # a sentence, not a name alone
    ],
)
def test_no_signature_gives_no_publisher(ending):
    """Only a name alone on its line right above the date is a signature: none of these names a publisher."""
    from xxgk.agency.resolve import name_to_agency

    text = appended_report(CAPTIONS["fubiao"]).split("\n附表1")[0].replace(TITLE, "2024年政府信息公开工作年度报告", 1)
    text = text.replace("样例县民政局\n2025年1月20日", ending)
    assert name_to_agency(None, text, {}).name is None
