"""Session 50 (helper W): table 三's and 四's headers as a PDF's text prints them — no cells, words apart by spaces,
the columns' long names wrapped over two lines in narrow cells — with the columns in another order than the
template's. Before, where no rule read the wrapped words, the header was taken in the template's order, and each
organisation's (or outcome's) numbers were published under its neighbour's name, no finding: the row totals hold
either way. Now every way the words stack into whole names is tried (``word_stacks``): the template's order is read
when it is the only one they allow, another order is never taken from wrapped words alone (a text layer may print a
wrapped cell's words out of their places), and the cells are missing with ``columns_order_unsure``.

Written from the 2021 template with the values of ``tests/test_h46reports.py`` (every identity holds, neighbours told
apart), so that a number read into another column shows.
"""

from __future__ import annotations

import random

from benchmarks import header_orders
from benchmarks.synthetic import random_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.parser import parse

from .test_h46reports import ROWS, T4, _codes, _parse, _table3, _table4
from .test_h47columns import rows
from .test_h47reports import report, report_with_table4
from .test_h48header_property import APPLICANTS, ORGS, headers
from .test_h48header_property import ROWS as ROWS_2021
from .test_h48header_property import report as property_report

TEMPLATE = [0, 1, 2, 3, 4, 5, 6]


def pdf_text_table3(upper: str, lower: str, order: list[int]) -> str:
    """A report whose table 三 is a PDF's text: 自然人 | 法人或其他组织 | 总计, the organisations' names' upper and
    lower lines, then the rows, the seven columns printed in ``order`` (template indices)."""
    header = ["申请人情况", "自然人 法人或其他组织 总计", upper, lower]
    return report("\n".join(header + [line.replace("\t", " ") for line in rows(order)]))


# 科研机构 printed first, 其他组织 third: 科研 商业企业 其 法律 公 over 他组织 服务 益组织
REORDERED = ("科研 商业企业 其 法律 公", "他组织 服务 益组织", [0, 2, 1, 5, 4, 3, 6])


def test_a_reordered_header_wrapped_in_a_pdf_text_is_missing_with_a_finding_never_read_in_the_templates_order():
    """Before: no rule read 其 / 他组织 or 公 / 益组织, the five were read in the template's order, and 科研机构's
    numbers were published as 商业企业's (and so on), no finding. Now the five are missing, said; 自然人 and 总计
    (named on their own line) are published."""
    record = _parse(pdf_text_table3(*REORDERED))
    got = _table3(record)
    assert {code: values[1:6] for code, values in got.items()} == {code: [None] * 5 for code in ROWS}
    assert {code: [v[0], v[6]] for code, v in got.items()} == {code: [v[0], v[6]] for code, v in ROWS.items()}
    assert "columns_order_unsure" in _codes(record)


def test_a_header_wrapped_in_a_pdf_text_in_the_templates_order_is_read_whole():
    """The template's order, 社会公益组织 wrapped after its first character and 科研机构 after 科研 (商业企业 科研 社
    法律服务 其他 over 机构 会公益组织). Before: 会公益组织 was taken for 公益组织 standing whole, which no rule
    placed, and the five were missing (columns_order_unsure). Now the words stack one way only, the template's."""
    record = _parse(pdf_text_table3("商业企业 科研 社 法律服务 其他", "机构 会公益组织", TEMPLATE))
    assert _table3(record) == ROWS
    assert "columns_order_unsure" not in _codes(record)


def test_a_header_whose_pieces_can_end_one_name_only_is_read_whole():
    """商业 科研 社会公益组织 法律服务 其他 over 企业 机构 机构: 机构 twice on the lower line, which no rule paired
    with 科研 and 法律服务 (two upper words, two alike lower ones), so a whole name beside wrapped words made the order
    unsure before (the five missing). The lower line's words keep their order, so the first 机构 ends 科研 and the
    second 法律服务, 企业 ends 商业: the words stack one way only, the template's."""
    record = _parse(pdf_text_table3("商业 科研 社会公益组织 法律服务 其他", "企业 机构 机构", TEMPLATE))
    assert _table3(record) == ROWS
    assert "columns_order_unsure" not in _codes(record)


# ---- table 四: outcomes wrapped in a PDF's text, in another order ----

T4_PRINTED = ["corrected", "total", "pending", "upheld", "other"]  # the outcomes as the header below prints them
T4_HEAD = "纠正 总计 尚未 结 其他结果"  # 尚未审结 and 结果维持 wrapped: 尚未 over 审结, 结 over 果维持
T4_TAIL = "审结 果维持"


def test_table_4_outcomes_wrapped_in_a_pdf_text_in_another_order_are_missing_with_a_finding():
    """Table 四's outcomes printed 纠正 | 总计 | 尚未审结 | 结果维持 | 其他结果 for each proceeding, 尚未审结 and
    结果维持 wrapped (尚未 / 审结, 结 / 果维持) in a PDF's text. Before: no row named the five, they were read in
    the template's order, and each proceeding's 纠正 was published as 结果维持, its 总计 as 结果纠正 …, no finding
    that said so. Now the fifteen are missing, said."""
    outcomes = ["upheld", "corrected", "other", "pending", "total"]
    printed = [T4[5 * p + outcomes.index(o)] for p in range(3) for o in T4_PRINTED]
    table4 = "\n".join(
        [
            "行政复议 行政诉讼",
            f"{T4_HEAD} 未经复议直接起诉 复议后起诉",
            T4_TAIL,
            f"{T4_HEAD} {T4_HEAD}",
            f"{T4_TAIL} {T4_TAIL}",
            " ".join(map(str, printed)),
        ]
    )
    record = _parse(report_with_table4(table4))
    assert _table4(record) == [None] * 15
    assert "columns_order_unsure" in _codes(record)


# ---- properties: never a number under another column's name in a PDF's text ----


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["table3", "table4", "table4-rows"]), seed=st.integers(0, 2**32 - 1))
def test_no_wrapped_header_in_a_pdf_text_publishes_a_number_under_another_columns_name(kind, seed):
    """``benchmarks.header_orders``' tables 三 and 四 in a PDF's text, their columns in another order, names whole,
    short, wrapped over two lines or with a unit, drawn from any seed: every number published is the one its column
    holds (missing cells, with a finding, are allowed). Before, 50 of 300 tables 三, 65 of 300 tables 四 and 9 of 300
    tables 四 printed as rows published numbers under other columns' names (seeds 0 to 299)."""
    text, truth, said = header_orders.KINDS[kind](random.Random(seed), "pdf_text")
    got = header_orders.published(text, truth)
    assert not {k: (v, truth[k]) for k, v in got.items() if v is not None and v != truth[k]}, said


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=headers(), seed=st.integers(0, 2**16))
def test_a_wrapped_header_in_a_pdf_text_in_the_templates_order_is_read_whole(header, seed):
    """Table 三's five organisations in the template's order, each name whole, short, wrapped or with its unit
    (``tests/test_h48header_property``'s drawing), printed as a PDF's text: every number is read."""
    order, forms, _ = header
    order = ["total", "natural_person", *ORGS] if order[0] == "total" else ["natural_person", *ORGS, "total"]
    values, table4 = random_values(random.Random(seed))
    got = parse(property_report(values, table4, order, forms, "pdf_text")).values("applications")
    assert {(c, a): got.get((c, a)) for c in ROWS_2021 for a in APPLICANTS} == {
        (c, a): values[c][i] for c in ROWS_2021 for i, a in enumerate(APPLICANTS)
    }


# ---- table 四: shapes no stacking reads (names over three lines, whole names a line below) ----


def _table4_of(order: list[str], head: list[str]):
    outcomes = ["upheld", "corrected", "other", "pending", "total"]
    printed = [T4[5 * p + outcomes.index(o)] for p in range(3) for o in order]
    return _parse(report_with_table4("\n".join(["行政复议 行政诉讼", *head, " ".join(map(str, printed))])))


def test_table_4_outcomes_over_three_lines_or_whole_a_line_below_in_another_order_are_missing():
    """Names wrapped over three lines (尚 / 未审 / 结), or the whole names a line below the wrapped ones' heads (the
    text layer's place for a name one line high beside a wrapped one), stack no way the rows of two lines allow;
    the header was then read in the template's order while its whole names print another: every number under
    another outcome's name, no finding. Now its whole names out of the template's order leave the fifteen missing."""
    three = ["纠正 总计 尚 结 其他结果", "未审 果维", "结 持"]
    record = _table4_of(T4_PRINTED, [f"{three[0]} 未经复议直接起诉 复议后起诉", three[1], three[2],
                                     f"{three[0]} {three[0]}", f"{three[1]} {three[1]}", f"{three[2]} {three[2]}"])
    assert _table4(record) == [None] * 15 and "columns_order_unsure" in _codes(record)
    lower = _table4_of(T4_PRINTED, ["尚未 结 未经复议直接起诉 复议后起诉", "纠正 总计 审结 果维持 其他结果",
                                    "尚未 结 尚未 结", "纠正 总计 审结 果维持 其他结果 纠正 总计 审结 果维持 其他结果"])
    assert _table4(lower) == [None] * 15 and "columns_order_unsure" in _codes(lower)
    # the template's order over three lines is read whole
    head = ["结 结果纠正 其他结果 尚 总计", "果维 未审", "持 结"]
    same = _table4_of(["upheld", "corrected", "other", "pending", "total"],
                      [f"{head[0]} 未经复议直接起诉 复议后起诉", head[1], head[2], f"{head[0]} {head[0]}",
                       f"{head[1]} {head[1]}", f"{head[2]} {head[2]}"])
    assert _table4(same) == T4
