"""Markdown written by OCR/LLM converters: placeholder header rows, table 三 split into one small table
per row group (each under a ``###`` heading), table 四 split into three tables, a header row naming the
wrong columns. Every sample is written here by hand in the way such converters print a report."""

from __future__ import annotations

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes
from xxgk.parser import parse

HEAD = "某某区司法局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度收到申请9件。\n\n"

# the values the samples print (identity-consistent: 9 new + 1 carried over = 8 processed + 2 forward)
TABLE3 = {
    "new": [6, 1, 0, 0, 1, 0, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [3, 1, 0, 0, 0, 0, 4], "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    "unavailable_not_held": [2, 0, 0, 0, 0, 0, 2], "rejected_duplicate": [0, 0, 0, 0, 0, 0, 0],
    "total_processed": [6, 1, 0, 0, 0, 0, 7], "carried_forward": [1, 0, 0, 0, 1, 0, 2],
}
ZERO = [0] * 7

PLACEHOLDER_MD = HEAD + """## 三、收到和处理政府信息公开申请情况

| 本列数据的勾稽关系 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 6 | 1 | 0 | 0 | 1 | 0 | 8 |
| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （三）不予公开 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （四）无法提供 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （五）不予处理 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |
| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |

## 四、政府信息公开行政复议、行政诉讼情况

|数据1|数据2|数据3|数据4|数据5|数据6|数据7|数据8|数据9|数据10|数据11|数据12|数据13|数据14|数据15|
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

无。
"""


def _row(record, code):
    got = record.values("applications")
    return [got[(code, a)] for a in applicant_codes()]


def _table4(record):
    got = record.values("review_litigation")
    return [got[(p, o)] for p in proceeding_codes() for o in outcome_codes()]


def test_placeholder_header_names_are_not_values():
    record = parse(PLACEHOLDER_MD)
    for code, values in TABLE3.items():
        assert _row(record, code) == values, code
    assert _row(record, "denied_state_secret") == ZERO
    assert _table4(record) == [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert not [f for f in record.findings if f.code in ("identity_broken", "row_absent", "stray_values")]


def _split_by_group(text: str) -> str:
    """Table 三 as an LLM converter prints it: one small table per row group, each under a ### heading
    repeating the group's label, each with its own placeholder header."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| 一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("| 四、结转下年度"))
    header = "| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|---|"
    out = []
    for line in lines[start:end + 1]:
        label = line.split("|")[1].strip()
        if label.startswith(("一、", "二、", "（")) or label.startswith("四、"):
            out += ["", "### " + label.split(" ")[0], "", header]
        out.append(line)
    return "\n".join(lines[:start - 2] + out + lines[end + 1:])


def test_table_3_split_into_one_table_per_row_group_is_read_whole():
    record = parse(_split_by_group(PLACEHOLDER_MD))
    for code, values in TABLE3.items():
        assert _row(record, code) == values, code
    assert not [f for f in record.findings if f.code in ("identity_broken", "row_absent", "row_duplicate")]


SPLIT_TABLE4 = """## 四、政府信息公开行政复议、行政诉讼情况

### 行政复议

| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 2 | 1 | 0 | 0 | 3 |

### 行政诉讼（未经复议直接起诉）

| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 1 | 0 | 0 | 1 | 2 |

### 行政诉讼（复议后起诉）

| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|
| 0 | 0 | 0 | 1 | 1 |

## 五、存在的主要问题及改进情况
"""


def test_table_4_split_into_three_tables_is_rejoined_in_order():
    text = PLACEHOLDER_MD.split("## 四、")[0] + SPLIT_TABLE4 + "无。\n"
    record = parse(text)
    assert _table4(record) == [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 1, 1]
    assert {f.placed_by for f in record.facts if f.table == "review_litigation"} == {"position"}


def test_a_split_table_4_whose_totals_do_not_add_up_stays_missing():
    broken = SPLIT_TABLE4.replace("| 1 | 0 | 0 | 1 | 2 |", "| 1 | 0 | 0 | 1 | 5 |")
    record = parse(PLACEHOLDER_MD.split("## 四、")[0] + broken + "无。\n")
    assert all(v is None for v in _table4(record))


def test_a_header_naming_the_wrong_columns_is_read_by_position():
    wrong = PLACEHOLDER_MD.replace(
        "| 本列数据的勾稽关系 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |",
        "| 项目 | 总计 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |")
    record = parse(wrong)
    for code, values in TABLE3.items():
        assert _row(record, code) == values, code
    assert not [f for f in record.findings if f.code == "identity_broken"]


def test_a_first_data_row_promoted_to_header_keeps_its_values():
    header = "| 本列数据的勾稽关系 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n"
    promoted = PLACEHOLDER_MD.replace(header + "|---|---|---|---|---|---|---|---|\n", "")
    promoted = promoted.replace("| 二、上年结转政府信息公开申请数量 |",
                                "|---|---|---|---|---|---|---|---|\n| 二、上年结转政府信息公开申请数量 |")
    record = parse(promoted)
    assert _row(record, "new") == TABLE3["new"]
    assert _row(record, "carried_over") == TABLE3["carried_over"]


def test_label_fragments_wrapped_into_cells_of_their_own_rows():
    # a converter that wraps long labels into an extra table row holding only the label's tail
    wrapped = PLACEHOLDER_MD.replace(
        "| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 2.没有现成信息需要另 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 行制作 |  |  |  |  |  |  |  |").replace(
        "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| （二）部分公开（区分处理的，只计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 这一情形，不计其他情形） | | | | | | | |")
    record = parse(wrapped)
    for code, values in TABLE3.items():
        assert _row(record, code) == values, code
    assert _row(record, "unavailable_needs_creation") == ZERO
    assert not [f for f in record.findings if f.code in ("identity_broken", "row_absent", "value_blank")]


def test_a_row_split_by_a_page_break_and_a_repeated_header_is_joined():
    split = PLACEHOLDER_MD.replace(
        "| （四）无法提供 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "| （四）无法提供 1.本机关不掌握相关政府信息 | 2 | 0 | 0 |\n\n— 3 —\n\n"
        "| 本列数据的勾稽关系 | 数据1 | 数据2 | 数据3 | 数据4 |\n|---|---|---|---|---|\n| 0 | 0 | 0 | 2 |")
    record = parse(split)
    for code, values in TABLE3.items():
        assert _row(record, code) == values, code
    assert not [f for f in record.findings if f.code in ("identity_broken", "row_absent", "row_lost_cells")]
