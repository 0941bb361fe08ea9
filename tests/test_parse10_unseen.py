"""Layouts rounds 1–2 did not try, written by hand with values known: a 2019-template report (its table 二 and
its single （六）其他处理 row), table 三 with 合计 at the left and a 序号 column, a Traditional-Chinese mirror
that says 政府資訊公開, a PDF text whose label wraps below its numbers, and shares (46.2%, 办结率) in labels
and columns. Each publishes exactly the printed numbers, or missing with a finding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factory import as_html, as_pipes
from xxgk.catalog import applicant_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

ROWS_2019 = [  # (code, label cells, values): 13 new + 1 carried over = 13 processed + 1 carried forward
    ("new", "一、本年新收政府信息公开申请数量", [10, 2, 0, 0, 1, 0, 13]),
    ("carried_over", "二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("granted", "三、本年度办理结果\t（一）予以公开", [5, 1, 0, 0, 0, 0, 6]),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ("denied_state_secret", "（三）不予公开\t1.属于国家秘密", [0] * 7),
    ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", [0] * 7),
    ("denied_security_stability", "3.危及“三安全一稳定”", [0] * 7),
    ("denied_third_party", "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    ("denied_internal_affairs", "5.属于三类内部事务信息", [0] * 7),
    ("denied_process_information", "6.属于四类过程性信息", [0] * 7),
    ("denied_enforcement_file", "7.属于行政执法案卷", [0] * 7),
    ("denied_administrative_query", "8.属于行政查询事项", [0] * 7),
    ("unavailable_not_held", "（四）无法提供\t1.本机关不掌握相关政府信息", [2, 0, 0, 0, 1, 0, 3]),
    ("unavailable_needs_creation", "2.没有现成信息需要另行制作", [0] * 7),
    ("unavailable_unclear", "3.补正后申请内容仍不明确", [0] * 7),
    ("rejected_petition", "（五）不予处理\t1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0, 1]),
    ("rejected_duplicate", "2.重复申请", [0] * 7),
    ("rejected_publication", "3.要求提供公开出版物", [0] * 7),
    ("rejected_excessive", "4.无正当理由大量反复申请", [0] * 7),
    ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("other", "（六）其他处理", [1, 0, 0, 0, 0, 0, 1]),
    ("total_processed", "（七）总计", [11, 1, 0, 0, 1, 0, 13]),
    ("carried_forward", "四、结转下年度继续办理", [0, 1, 0, 0, 0, 0, 1]),
]
EXPECTED = {code: values for code, _, values in ROWS_2019}
TABLE2_2019 = """第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t3\t3\t45
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t12\t减2\t340
其他对外管理服务事项\t0\t0\t0
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t20\t+3\t88
行政强制\t5\t0\t6
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t2\t0
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t4\t251000元"""
HEADER = ("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况\n"
          "\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t")


def report_2019(table3: str | None = None) -> str:
    rows = "\n".join(f"{label}\t" + "\t".join(map(str, values)) for _, label, values in ROWS_2019)
    return ("某某县教育局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局共收到申请13件。\n"
            "二、主动公开政府信息情况\n" + TABLE2_2019 + "\n三、收到和处理政府信息公开申请情况\n"
            + (table3 if table3 is not None else HEADER + "\n" + rows)
            + "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n"
            + "\t".join("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0".split())
            + "\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")


def _loose(text: str) -> str:
    return text.replace("\t", " ")


def _table3(record) -> dict:
    got = record.values("applications")
    return {code: [got.get((code, a)) for a in applicant_codes()] for code in row_codes("2019")}


SHAPES = {
    "tab": lambda t: parse(t),
    "pdf text": lambda t: parse(_loose(t)),
    "pipe": lambda t: parse(as_pipes(t)),
    "html": lambda t: parse(read_bytes(as_html(t).encode("utf-8"), ".html").text),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_2019_report_reads_its_own_tables(shape):
    record = SHAPES[shape](report_2019())
    assert record.formats == {"active": "2019", "applications": "2019"}
    assert _table3(record) == EXPECTED
    got = record.values("active")
    assert (got[("licensing", "change")], got[("penalty", "change")], got[("procurement", "amount_10k_yuan")]) == (
        -2, 3, Decimal("25.1"))
    assert not record.findings


def _numbered(head: str, number: bool = True) -> str:
    """Table 三 with 合计 (the total) first, each row numbered in a 序号 column when ``number``."""
    lines = [head]
    for i, (_, label, v) in enumerate(ROWS_2019, 1):
        lines.append((f"{i}\t" if number else "") + label.split("\t")[-1] + "\t" + "\t".join(map(str, [v[6], *v[:6]])))
    return "\n".join(lines)


@pytest.mark.parametrize("shape", ["tab", "pdf text"])
@pytest.mark.parametrize("head,number", [
    ("序号\t项目\t合计\t自然人\t法人或其他组织\n\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他", True),
    ("项目\t合计\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他", False),
])
def test_a_total_column_headed_heji_at_the_left_is_read_in_its_place(shape, head, number):
    record = SHAPES[shape](report_2019(_numbered(head, number)))
    assert _table3(record) == EXPECTED  # before: the header's 合计 was not 总计, every cell missing (order unsure)
    assert {f.code for f in record.findings} == {"columns_reordered"}


@pytest.mark.parametrize("shape", ["tab", "html"])
def test_a_traditional_mirror_saying_zixun_reads(shape):
    from opencc import OpenCC

    text = OpenCC("s2t").convert(report_2019()).replace("信息", "資訊")
    assert "政府資訊公開工作年度報告" in text and "資訊內容" in text
    source = read_bytes((as_html(text) if shape == "html" else text).encode("utf-8"), f".{shape[:4]}".replace(
        ".tab", ".txt"))
    record = parse(source.parse_text)
    assert (record.agency, record.year) == ("某某县教育局", 2020)  # before: no agency, no tables
    assert _table3(record) == EXPECTED and record.values("active")[("licensing", "decisions")] == 340
    assert "資訊" in source.text  # the text shown stays as printed


def test_a_label_tail_printed_below_its_numbers_leaves_2019s_other_row():
    text = _loose(report_2019()).replace("5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0",
                                         "5.要求行政机关确认或重新出具 0 0 0 0 0 0 0\n已获取信息")
    assert "重新出具 0 0 0 0 0 0 0\n已获取信息\n（六）其他处理 1" in text
    record = parse(text)
    assert record.formats["applications"] == "2019"  # before: 2021, with 其他处理 lost and three rows absent
    assert _table3(record) == EXPECTED


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("edit", [
    ("（一）予以公开\t5", "（一）予以公开（占比46.2%）\t5"),  # a share in the label
    ("\t5\t1\t0\t0\t0\t0\t6\n", "\t5\t1\t0\t0\t0\t0\t6\t46.2%\n"),  # a column of shares after the counts
])
def test_a_share_is_no_count(shape, edit):
    text = report_2019()
    assert edit[0] in text
    record = SHAPES[shape](text.replace(edit[0], edit[1], 1))
    assert _table3(record)["granted"] == [5, 1, 0, 0, 0, 0, 6]  # before: the row lost (lost or extra cells)
    assert not {f.code for f in record.findings} & {"row_lost_cells", "row_extra_cells", "label_unrecognised"}


@pytest.mark.parametrize("printed", ["行政许可 其中：承诺制 300\n", "行政许可（其中承诺制） 300\n",
                                     "行政许可\n其中：承诺制 300\n"])
def test_a_part_counted_after_the_items_name_is_not_the_items_count(printed):
    from tests.factory import tab_report

    text = _loose(tab_report())
    assert "行政许可 1\n" in text
    record = parse(text.replace("行政许可 1\n", printed))
    assert record.values("active")[("licensing", "decisions")] is None  # before: 300, the part's count
    assert "label_unrecognised" in {f.code for f in record.findings}


def _spaced_items(text: str) -> str:
    """PDF text whose item numbers stand apart from their words: ``2 重复申请 0 0 …``."""
    import re

    text = re.sub(r"(?m)^(\d)\.", r"\1 ", text)
    for group in ("（三）不予公开", "（四）无法提供", "（五）不予处理"):
        text = text.replace(f"{group}\t1.", f"{group} 1 ").replace(f"{group} 1.", f"{group} 1 ")
    return text


def test_item_numbers_apart_from_their_words_in_pdf_text_are_labels():
    text = _spaced_items(_loose(report_2019()))
    assert "\n2 重复申请 0 0 0 0 0 0 0\n" in text and "（三）不予公开 1 属于国家秘密 0" in text
    record = parse(text)
    assert _table3(record) == EXPECTED  # before: every numbered item row lost (row_extra_cells)
    assert not record.findings


def test_a_rows_last_number_wrapped_before_the_next_label_stays_its_own():
    text = _loose(report_2019())
    row = "一、本年新收政府信息公开申请数量 10 2 0 0 1 0 13\n"
    assert row in text
    record = parse(text.replace(row, "一、本年新收政府信息公开申请数量 10 2 0 0 1 0\n13 "))
    assert _table3(record) == EXPECTED
