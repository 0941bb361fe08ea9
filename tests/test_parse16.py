"""Parser round 16: a title's agency name is never cut at a character that is no text (a control character, an
escape sequence, U+FFFD, a private-use character): it is refused with ``agency_unreadable``; and a table row printed
again with words where its numbers should be is a ``row_duplicate_unreadable`` finding, never a value.

The reports are small synthetic texts in the seeds' layouts (a title line, sections, tables in tab-separated cells
or markdown pipes), written here."""

from __future__ import annotations

import pytest

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

AGENCY = "格尔木市交通运输局"
TABLE3_ROWS = [
    ("一、本年新收政府信息公开申请数量", [5, 0, 0, 0, 0, 0, 5]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("三、本年度办理结果", None),
    ("（一）予以公开", [4, 0, 0, 0, 0, 0, 4]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0] * 7),
    ("（三）不予公开\t1.属于国家秘密", [0] * 7),
    ("2.其他法律行政法规禁止公开", [0] * 7),
    ("3.危及“三安全一稳定”", [0] * 7),
    ("4.保护第三方合法权益", [0] * 7),
    ("5.属于三类内部事务信息", [0] * 7),
    ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7),
    ("8.属于行政查询事项", [0] * 7),
    ("（四）无法提供\t1.本机关不掌握相关政府信息", [1, 0, 0, 0, 0, 0, 1]),
    ("2.没有现成信息需要另行制作", [0] * 7),
    ("3.补正后申请内容仍不明确", [0] * 7),
    ("（五）不予处理\t1.信访举报投诉类申请", [0] * 7),
    ("2.重复申请", [0] * 7),
    ("3.要求提供公开出版物", [0] * 7),
    ("4.无正当理由大量反复申请", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [5, 0, 0, 0, 0, 0, 5]),
    ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
]


def _row(label: str, values) -> str:
    return "\t".join([label, *map(str, values or [])])


def report(title: str = f"{AGENCY}2025年政府信息公开工作年度报告", table2_after: str = "", table3_after: str = "",
           repeat_before: str = "", pipes: bool = False) -> str:
    """A 2021-format report laid out as the seeds are: the title on its own line, the six sections, table 二 as
    small tables (信息内容 | 本年制发件数 …), table 三 one row a line (identities hold), table 四 one line of 15
    numbers. ``table2_after`` is a line printed after 行政许可's row; ``table3_after`` a line after 二、上年结转's
    row; ``repeat_before`` a line before table 三's first row. ``pipes``: tables as markdown pipes (seed 001)."""
    table3 = "\n".join([repeat_before] * bool(repeat_before) + [
        _row(label, values) + (f"\n{table3_after}" if table3_after and label.startswith("二、") else "")
        for label, values in TABLE3_ROWS])
    text = (f"{title}\n\n一、总体情况\n\n2025年，市交通运输局坚持依法公开，主动公开政府信息120条。\n\n"
            "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "规章\t0\t0\t0\n行政规范性文件\t2\t1\t9\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t1075\n"
            + (f"{table2_after}\n" if table2_after else "") +
            "第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t3\n行政强制\t0\n第二十条第（八）项\n"
            "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n\n三、收到和处理政府信息公开申请情况\n\n"
            "\t申请人情况\n\t自然人\t法人或其他组织\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
            f"{table3}\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + "\t".join(["0"] * 15) + "\n\n"
            "五、存在的主要问题及改进情况\n\n公开的深度不够。\n\n六、其他需要报告的事项\n\n本年度没有收取信息处理费。\n\n"
            "本年报所列数据的统计期限为2025年1月1日至2025年12月31日\n\n2026年1月16日\n")
    if pipes:
        text = "\n".join(f"| {line.replace(chr(9), ' | ')} |" if "\t" in line else line for line in text.split("\n"))
    return text


# ---- 1. a title holding characters that are no text ----

NOT_TEXT = {
    "ANSI colour": "\x1b[31m",
    "ANSI colour, reset": "\x1b[0m",
    "BEL": "\x07",
    "DEL": "\x7f",
    "NEL (C1)": "\x85",
    "CSI (C1) colour": "\x9b31m",
    "NUL": "\x00",
    "form feed": "\x0c",
    "file separator": "\x1c",
    "line separator": "\u2028",
    "right-to-left override": "\u202e",
    "window title (OSC)": "\x1b]0;x\x07",
    "replacement character": "\ufffd",
    "private use": "\ue000",
}


@pytest.mark.parametrize("name", NOT_TEXT)
@pytest.mark.parametrize("at", [3, 4, 6, len(AGENCY)])  # 格尔木|市交通|运输局; 格尔木市|交通…; …交通|运输局; …局|2025
def test_a_name_holding_a_character_that_is_no_text_is_refused_never_cut(name, at):
    """Before, ``格尔木市交通\\x07运输局`` was published as the agency 运输局, ``格尔木市\\x1b[31m交通运输局`` as
    交通运输局. The title's year is read; the name is not, and a finding at the title's line says why (showing
    the character by its code)."""
    control = NOT_TEXT[name]
    title = f"{AGENCY[:at]}{control}{AGENCY[at:]}2025年政府信息公开工作年度报告"
    record = parse(report(title))
    assert record.agency is None, record.agency
    assert record.year == 2025
    refused = [f for f in record.findings if f.code == "agency_unreadable"]
    assert len(refused) == 1 and refused[0].line == 1
    assert AGENCY[:at] in refused[0].actual and AGENCY[at:] in refused[0].actual
    assert "\\x" in refused[0].actual or "\\u" in refused[0].actual  # the character shown by its code
    assert not any(ch in refused[0].actual for ch in control if not ch.isascii() or not ch.isprintable())


@pytest.mark.parametrize("name", ["BEL", "ANSI colour", "NUL"])
def test_a_refused_title_name_is_not_read_from_the_first_line_by_the_resolver_either(name):
    """The publisher is looked for in the body when the title names none: the first line is the title again, and
    its name with the character dropped (格尔木市交通运输局 from 格尔木市交通\\x07运输局) is no more readable there
    (before, the resolver published it). A body naming the agency itself still names it."""
    text = report(f"{AGENCY[:6]}{NOT_TEXT[name]}{AGENCY[6:]}2025年政府信息公开工作年度报告")
    unnamed = text.replace("市交通运输局坚持", "本机关坚持")
    assert name_to_agency(parse(unnamed).agency, unnamed, {}).name is None
    named = name_to_agency(parse(text).agency, text, {})
    assert named.name == AGENCY and not any("first line" in e or "标题" in e for e in named.evidence)
    after_page_breaks = "\x0c\x0c" + report().replace("市交通运输局坚持", "本机关坚持")  # (a PDF's blank pages)
    assert name_to_agency(None, after_page_breaks, {}).name == AGENCY


@pytest.mark.parametrize("title", [
    f"\x0c{AGENCY}2025年政府信息公开工作年度报告\x0c",  # pdftotext's page breaks at the line's ends
    f"\x1b[1m2025年{AGENCY}政府信息公开工作年度报告",  # an escape sequence before the year, not at the name
    f"{AGENCY}2025年政府信息公开工作年度报告\x07",
    f"格尔木市人民政府办公室\x07关于印发{AGENCY}2025年政府信息公开工作年度报告的通知",  # another name holds it
])
def test_only_the_name_holding_the_character_is_refused(title):
    """The same character away from the agency's name leaves the name read (no finding); at the name, refused."""
    record = parse(report(title))
    assert record.agency == AGENCY and record.year == 2025
    assert not [f for f in record.findings if f.code == "agency_unreadable"]
    at_name = parse(report(title.replace(AGENCY, AGENCY[:4] + "\x07" + AGENCY[4:])))
    assert at_name.agency is None and [f.code for f in at_name.findings if f.code == "agency_unreadable"]


def test_a_cover_page_whose_agency_line_holds_a_control_character_is_refused():
    title = f"政府信息公开工作年度报告\n\n（2025年度）\n\n{AGENCY[:4]}\x07{AGENCY[4:]}"
    record = parse(report(title))
    assert record.agency is None and record.year == 2025
    assert [(f.code, f.line) for f in record.findings if f.code == "agency_unreadable"] == [("agency_unreadable", 5)]
    assert parse(report(title.replace("\x07", ""))).agency == AGENCY


# ---- 2. a table row printed twice, the second copy words where the numbers should be ----

def _values(record, table: str) -> dict:
    return record.values(table)


@pytest.mark.parametrize("pipes", [False, True])
@pytest.mark.parametrize("words", ["详见附件", "\t".join(["见附件"] * 7), "\t".join("甲乙丙丁戊己庚"), "abc"])
def test_table3_row_printed_again_with_words_is_a_finding_and_no_value(words, pipes):
    """二、上年结转 printed with its numbers (1 0 0 0 0 0 1), then again with words in their place: before, the
    second line was taken for a label without numbers and nothing said so. Now a finding at that line says what was
    printed and how many numbers were expected; the numbers printed once are kept, none is read from the words."""
    clean = parse(report(pipes=pipes))
    record = parse(report(table3_after=f"二、上年结转政府信息公开申请数量\t{words}", pipes=pipes))
    assert _values(record, "applications") == _values(clean, "applications")
    assert _values(record, "applications")[("carried_over", "natural_person")] == 1
    found = [f for f in record.findings if f.code == "row_duplicate_unreadable"]
    assert len(found) == 1, [(f.code, f.message) for f in record.findings]
    line = report(table3_after=f"二、上年结转政府信息公开申请数量\t{words}").split("\n").index(
        f"二、上年结转政府信息公开申请数量\t{words}") + 1
    assert (found[0].table, found[0].row, found[0].line, found[0].expected) == (
        "3", "二、上年结转政府信息公开申请数量", line, "7")
    assert words.split("\t")[0] in found[0].actual and found[0].severity == "warning"
    # nothing else new: the words copy is not a conflict, not a duplicate, not an unrecognised label
    assert sorted(f.code for f in record.findings if f.code != "row_duplicate_unreadable") == sorted(
        f.code for f in clean.findings)


def test_table3_row_printed_first_with_words_then_with_numbers_is_the_same_finding():
    record = parse(report(repeat_before="（一）予以公开\t见附件"))
    found = [f for f in record.findings if f.code == "row_duplicate_unreadable"]
    assert [(f.row, f.actual) for f in found] == [("（一）予以公开", "见附件")]
    assert _values(record, "applications")[("granted", "natural_person")] == 4


def test_a_repeat_with_words_in_some_cells_keeps_the_numbers_there_and_says_so():
    """二、上年结转 printed 1 0 0 0 0 0 1, then 五件 0 0 0 0 0 1: before, 自然人 was voided as a conflict whose other
    copy was "空白" (it was 五件), and the words told nowhere. The words are no other value: 1 stays, and a finding
    says what was printed. A cell printed blank in the repeat (无) still differs from 0: that one is voided, and the
    conflict shows 五件 as printed, not as blank."""
    record = parse(report(table3_after="二、上年结转政府信息公开申请数量\t五件\t0\t0\t0\t0\t0\t1"))
    assert record.values("applications")[("carried_over", "natural_person")] == 1
    assert [(f.code, f.actual) for f in record.findings if f.code.startswith("row_")] == [
        ("row_duplicate_unreadable", "五件")]
    record = parse(report(table3_after="二、上年结转政府信息公开申请数量\t五件\t无\t0\t0\t0\t0\t1"))
    values = record.values("applications")
    assert values[("carried_over", "natural_person")] == 1 and values[("carried_over", "commercial")] is None
    conflict = [f for f in record.findings if f.code == "row_conflict"]
    assert [(f.column, f.expected) for f in conflict] == [("商业企业", "五件 空白 0 0 0 0 1")]
    assert [f.actual for f in record.findings if f.code == "row_duplicate_unreadable"] == ["五件"]


@pytest.mark.parametrize("line, row, expected", [("行政许可\t若干", "行政许可", "1"),
                                                 ("行政许可\t见附件", "行政许可", "1")])
def test_table2_row_printed_again_with_words_is_a_finding_and_no_value(line, row, expected):
    clean = parse(report())
    record = parse(report(table2_after=line))
    assert _values(record, "active") == _values(clean, "active")
    assert _values(record, "active")[("licensing", "decisions")] == 1075
    found = [f for f in record.findings if f.code == "row_duplicate_unreadable"]
    at = report(table2_after=line).split("\n").index(line) + 1
    assert [(f.table, f.row, f.line, f.expected, f.actual) for f in found] == [
        ("2", row, at, expected, line.split("\t")[1])]


@pytest.mark.parametrize("line", [
    "二、上年结转政府信息公开申请数量\t（件）",  # a unit cell is the label's
    "二、上年结转政府信息公开申请数量",  # the label alone: nothing where the numbers would stand
    "二、上年结转政府信息公开申请数量 说明见下文",  # loose text: Chinese words after a label are the label wrapping
])
def test_only_the_repeat_with_words_for_numbers_is_reported(line):
    """A repeated label with a unit, alone, or wrapping in loose text is no row printed with words: of it and a
    repeat with words, only the latter is reported."""
    record = parse(report(table3_after=line, repeat_before="（一）予以公开\tabc"))
    found = [f for f in record.findings if f.code == "row_duplicate_unreadable"]
    assert [(f.row, f.actual) for f in found] == [("（一）予以公开", "abc")]


# ---- 3. the overview's counts and the text's dates put in digits once a parse ----

class _Counting:
    """A compiled pattern whose ``sub`` calls are counted by the length of the text they pass over."""

    def __init__(self, pattern, passes: list) -> None:
        self.pattern, self.passes = pattern, passes

    def sub(self, repl, text, *args):
        self.passes.append(len(text))
        return self.pattern.sub(repl, text, *args)


def test_dates_and_counts_are_put_in_digits_once_a_parse(monkeypatch):
    """The text's Chinese-numeral dates were put in digits twice a parse (period, then publication date), the
    overview's counts twice when table 二 reads them (a row whose digits split several ways) and again for the
    narrative's claims. Once each now, with the same record (and the seeds', the corpus's and the synthetic
    reports' records unchanged)."""
    from xxgk import memo, metadata, narrative

    text = report().replace("行政规范性文件\t2\t1\t9", "行政规范性文件 1219").replace(  # 1|2|19, 1|21|9 or 12|1|9
        "主动公开政府信息120条。", "主动公开政府信息120条，本年制发规范性文件十二件，废止一件，现行有效九件。"
        "统计期限自二〇二五年一月一日起至二〇二五年十二月三十一日止。")
    expected = parse(text)
    assert expected.values("active")[("normative_documents", "issued")] == 12  # cut as the overview's counts say
    memo.account(memo.MEMO_CHARS + 1)  # nothing remembered from the parse above
    dates, counts = [], []
    monkeypatch.setattr(metadata, "_CHINESE_DATE", _Counting(metadata._CHINESE_DATE, dates))
    monkeypatch.setattr(narrative, "_CHINESE_COUNT", _Counting(narrative._CHINESE_COUNT, counts))
    record = parse(text)
    assert record == expected and record.period_start == "2025-01-01"
    assert len(dates) == 1 and dates[0] >= len(text) - 1, dates  # the whole text, once
    assert len(counts) == 1, counts  # section 一, once
