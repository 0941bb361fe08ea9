"""Cells the parser loses on real reports, by cause (session 48): a web page flattened to text runs a row's cells
together, and a cell that prints a sign (2019's 本年增/减: 减5) or an amount's fraction and unit (75394432.52元) was
no run of digits to cut — the row was said to have lost a cell (``row_lost_cells``), and an only cut was never
made. Synthetic reports of the 2019 template (no real text); the gold check reads ``../shared`` and skips without.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from xxgk.catalog import codes, item_measures, labels
from xxgk.marked_runs import marked_cuts
from xxgk.parser import parse
from xxgk.readers import read_path
from xxgk.splitting import is_digit_run, splits
from xxgk.values import read_cell

from .conftest import SHARED, needs_shared

_CELLS = {  # a 2019 table 二 row as a flattened page prints it: every cell 0
    "licensing": "行政许可000",
    "procurement": "政府集中采购00",
}


def _report(**rows: str) -> str:
    """A 2019 report of 样例县 whose table 二 is flattened as a web page's text is (no space between cells),
    ``rows`` replacing the licensing and procurement rows."""
    row = {**_CELLS, **rows}
    return (
        "样例县2019年政府信息公开工作年度报告\n一、总体情况\n本年度样例县持续推进政务公开。\n"
        "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000"
        "规范性文件000第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量"
        + row["licensing"]
        + "其他对外管理服务事项000第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000"
        "行政强制000第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00"
        "第二十条第（九）项信息内容采购项目数量采购总金额"
        + row["procurement"]
        + "\n三、收到和处理政府信息公开申请情况\n"
    )


def _row(record, item: str) -> tuple:
    values = record.values("active")
    return tuple(values[(item, m)] for m in item_measures("2019")[item])


def _findings(record, item: str) -> dict[str, str]:
    return {f.code: f.expected for f in record.findings if f.table == "2" and f.row == labels()["items"][item]}


@pytest.mark.parametrize(
    ("printed", "truth"),
    [
        ("政府集中采购13575394432.52元", "135 7539.443252"),  # 135 projects, 75,394,432.52 yuan
        ("政府集中采购121234.56", "12 1234.56"),  # 12 projects, 1,234.56 (万元)
        ("政府集中采购7251000元", "7 25.1"),
    ],
)
def test_a_count_run_into_an_amount_is_missing_as_ambiguous_with_the_truth_listed(printed, truth):
    record = parse(_report(procurement=printed))
    assert _row(record, "procurement") == (None, None)
    found = _findings(record, "procurement")
    assert "row_lost_cells" not in found  # no cell was lost: the digits ran together
    assert truth in found["cells_ambiguous"].split("；")


def test_a_change_with_its_sign_run_between_counts_is_missing_as_ambiguous():
    record = parse(_report(licensing="行政许可396减5181"))  # 396 | 减5 | 181 flattened
    assert _row(record, "licensing") == (None, None, None)
    found = _findings(record, "licensing")
    assert "row_lost_cells" not in found
    assert "396 -5 181" in found["cells_ambiguous"].split("；")


def test_the_only_cut_no_fewer_cells_can_hold_is_read():
    record = parse(_report(procurement="政府集中采购0251000元"))  # no piece but 0 starts with 0: 0 | 251000元
    assert _row(record, "procurement") == (0, Decimal("25.1"))
    assert "cells_recovered" in _findings(record, "procurement")


@pytest.mark.parametrize(
    ("item", "printed"),
    [
        ("procurement", "政府集中采购10元"),  # 1 | 0元, or a blank | 10元
        ("licensing", "行政许可396减500"),  # 396 | 减50 | 0, or 396 | 减500 | a blank
    ],
)
def test_an_only_cut_that_fewer_cells_also_hold_stays_missing(item, printed):
    record = parse(_report(**{item: printed}))
    assert set(_row(record, item)) == {None}
    assert "或有单元格缺失" in _findings(record, item)["cells_ambiguous"]


GOLD = sorted((SHARED / "corpus" / "gold").glob("*.json")) if (SHARED / "corpus").exists() else []


def _truths(gold: dict) -> dict[tuple[str, str], object]:
    """Every table 二 cell the gold gives, the 2019 ones checked by hand (``extras``) included."""
    out = {tuple(key.split(".")): value for key, value in gold["active"].items()}
    raw = gold.get("extras", {}).get("active_2019_raw", {})
    for item, measures in item_measures(gold["format"]).items() if raw else ():
        name = (
            labels()["items"][item].removeprefix("行政") if item == "normative_documents" else labels()["items"][item]
        )
        out.update({(item, m): value for m, value in zip(measures, raw[name], strict=True)})
    return out


def _cuts_read(glued: str, units: list[str]) -> list[tuple]:
    tokens = glued.split(" ")
    if all(is_digit_run(t) for t in tokens):
        return splits(tokens, len(units), lambda v: True)
    return [
        tuple(read_cell(p, u)[0] for p, u in zip(cut, units, strict=True)) for cut in marked_cuts(tokens, len(units))
    ]


@needs_shared
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_every_gold_table_2_cell_is_read_or_missing_as_ambiguous_with_the_truth_among_the_cuts(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = parse(read_path(next((SHARED / "corpus" / "reports").glob(f"{gold_path.stem}.*"))).parse_text)
    values, truths = record.values("active"), _truths(gold)
    units = {m["code"]: m["unit"] for m in codes()["measures"]}
    for (item, measure), truth in truths.items():
        truth = read_cell(str(truth), units[measure])[0]
        if values[(item, measure)] is not None:
            assert values[(item, measure)] == truth, (item, measure)
            continue
        found = {f.code: f for f in record.findings if f.table == "2" and f.row == labels()["items"][item]}
        assert set(found) & {"cells_ambiguous", "row_lost_cells"} == {"cells_ambiguous"}, (item, found)
        measures = item_measures(gold["format"])[item]
        row = tuple(read_cell(str(truths[(item, m)]), units[m])[0] for m in measures)
        assert row in _cuts_read(found["cells_ambiguous"].actual, [units[m] for m in measures]), (item, row)


def test_table_2s_ambiguous_cells_say_it_has_no_identity_to_choose_a_cut():
    record = parse(_report(licensing="行政许可3960181"))  # 396 | 0 | 181 flattened, or 39 | 60 | 181 …
    message = next(f.message for f in record.findings if f.code == "cells_ambiguous" and f.row == "行政许可")
    assert "符合勾稽关系" not in message  # (table 二 has none: the reader was told of identities it does not have)
    assert "没有勾稽关系" in message and "39 60 181" in message


# a PDF text layer of table 三 (pdftotext without -layout): wrapped labels, a label printed away from its numbers
_PDF_HEAD = (
    "样例市某局2024年政府信息公开工作年度报告\n一、总体情况\n本年度持续推进政务公开。\n二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 法人或其他组织 总计\n"
    "商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
)
_PDF_ROWS = """一、本年新收政府信息公开申请数量 20 0 0 0 0 0 20
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果
（一）予以公开 9 0 0 0 0 0 9
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0
（三）不予公开
1.属于国家秘密 0 0 0 0 0 0 0
2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
3.危及“三安全一稳定” 0 0 0 0 0 0 0
4.保护第三方合法权益 0 0 0 0 0 0 0
5.属于三类内部事务信
息
1.本机关不掌握相关政
府信息
1 0 0 0 0 0 1
6.属于四类过程性信息 1 0 0 0 0 0 1
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
4 0 0 0 0 0 4
（四）无法提供
2.没有现成信息需要另行制作 5 0 0 0 0 0 5
3.补正后申请内容仍不明确 0 0 0 0 0 0 0
（五）不予处理
1.信访举报投诉类申请 0 0 0 0 0 0 0
2.重复申请 0 0 0 0 0 0 0
3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由大量反复申请 0 0 0 0 0 0 0
5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
（六）其他处理
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
3.其他 0 0 0 0 0 0 0
（七）总计 20 0 0 0 0 0 20
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
"""


def _cell_per_line(rows: str) -> str:
    """The rows as a text printing each cell on a line of its own (a converter's pipe table cell by cell)."""
    return "\n".join(cell for line in rows.splitlines() for cell in line.split())


@pytest.mark.parametrize("layout", ["numbers_on_a_line", "cell_per_line"])
def test_two_rows_labels_stacked_over_one_row_of_numbers_give_it_to_neither_by_guess(layout):
    # 5.属于三类内部事务信息's 1 0 0 0 0 0 1 stands under its label and the next label, 1.本机关不掌握相关政府信息
    # (printed above its group's heading, its own 4 0 0 0 0 0 4 further down, without a label)
    rows = _PDF_ROWS if layout == "numbers_on_a_line" else _cell_per_line(_PDF_ROWS)
    record = parse(_PDF_HEAD + rows)
    values = record.values("applications")
    assert values[("unavailable_not_held", "total")] in (4, None)  # never the row above's 1
    assert values[("denied_internal_affairs", "total")] in (1, None)
    if values[("unavailable_not_held", "total")] is None:
        assert "rows_unaligned" in {f.code for f in record.findings if f.table == "3"}


_T2_HEAD = (
    "样例市某局2024年政府信息公开工作年度报告\n一、总体情况\n本年度持续推进政务公开。\n二、主动公开政府信息情况\n"
)
_T2_DOCUMENTS = "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
_T2_LICENSING = "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 97\n"


@pytest.mark.parametrize("where", ["further_down", "next_line"])
def test_two_items_names_stacked_over_one_row_of_numbers_give_it_to_neither(where):
    # 规章's 1 0 3 under the names 规章 and 行政规范性文件, the latter's 13 2 55 further down (or right under)
    later = "13 2 55\n"
    body = _T2_DOCUMENTS + "规章\n行政规范性文件\n1 0 3\n" + (later if where == "next_line" else "") + _T2_LICENSING
    record = parse(
        _T2_HEAD + body + (later if where == "further_down" else "") + "三、收到和处理政府信息公开申请情况\n"
    )
    values = record.values("active")
    assert [values[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    assert [values[("rules", m)] for m in ("issued", "repealed", "in_force")] == [None] * 3
    said = {f.code: f.row for f in record.findings if f.table == "2"}
    assert said["rows_unaligned"] == "规章、行政规范性文件"


def test_an_items_name_wrapped_over_its_numbers_is_read_as_before():
    body = _T2_DOCUMENTS + "规章 0 0 0\n行政规范性\n文件\n13 2 55\n" + _T2_LICENSING
    values = parse(_T2_HEAD + body + "三、收到和处理政府信息公开申请情况\n").values("active")
    assert [values[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [13, 2, 55]


def test_a_long_marked_run_costs_a_bounded_search_and_says_why_its_cells_are_missing():
    # a hostile row: thousands of digits before a unit; table 四's fifteen counts never read a mark (not searched)
    assert marked_cuts(["1" * 60 + ".5元"], 15) is None  # more cuts than the search's steps: none listed
    record = parse(_report(procurement="政府集中采购" + "1" * 5000 + ".5元"))
    assert _row(record, "procurement") == (None, None)
    assert _findings(record, "procurement")
