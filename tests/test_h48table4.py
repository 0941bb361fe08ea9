"""Session 48 (lead): table 四 on a web page whose header cells break a name with ``<br>`` (尚未<br>审结,
复议后<br>起诉), the outcomes printed in another order than the template's. Found by fuzzing table 四's header as
web pages print it (spans, names whole, short, broken, with a unit): the reader joins a cell's lines with a space,
and the header's cells were split at it (尚未 | 审结: six outcome cells, no row of the five), so the numbers were read
in the template's order — 200 headers, 51 published numbers under another outcome's name, with no finding or only
identity_broken."""

from __future__ import annotations

import pytest

from .test_h46reports import T4, _parse, _table4, table4_tabs
from .test_h47reports import TITLE, body, table3_tabs

OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def td(text: object, rows: int = 1, cols: int = 1) -> str:
    return f'<td rowspan="{rows}" colspan="{cols}">{text}</td>'


def page(order: list[int], names: list[str]) -> str:
    """The report as a web page, table 四 with the template's spans, each group's outcomes in ``order`` (template
    indices) named by ``names`` (in template order)."""
    head = td("行政复议", 1, 5) + td("行政诉讼", 1, 10)
    second = "".join(td(names[i], 2) for i in order) + td("未经复议直接起诉", 1, 5) + td("复议后起诉", 1, 5)
    third = "".join(td(names[i]) for _ in range(2) for i in order)
    numbers = "".join(td(T4[group * 5 + i]) for group in range(3) for i in order)
    table = "<table>" + "".join(f"<tr>{row}</tr>" for row in (head, second, third, numbers)) + "</table>"
    lines = [TITLE, *body(table3_tabs())]
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    paragraphs = ["".join(f"<p>{line}</p>" for line in part.split("\n") if line) for part in lines[: at + 1]]
    rest = ["".join(f"<p>{line}</p>" for line in part.split("\n") if line) for part in lines[at + 2 :]]
    return "<html><body>" + "".join(paragraphs) + table + "".join(rest) + "</body></html>"


@pytest.mark.parametrize(
    "broken",
    [{3: "尚未<br>审结"}, {0: "结果<br>维持", 3: "尚未<br>审结"}, {4: "合<br>计"}],
    ids=["pending", "upheld-and-pending", "total"],
)
def test_outcome_names_broken_in_their_cells_are_read_under_their_names(broken):
    """总计 printed first, then 结果维持 … 尚未审结, some names broken by <br> in their cells. Before: 尚未 | 审结 read
    as two cells, the header not read, the numbers read in the template's order (总计 published as 结果维持 …)."""
    names = [broken.get(i, name) for i, name in enumerate(OUTCOMES)]
    record = _parse(page([4, 0, 1, 2, 3], names), ".html")
    assert _table4(record) == T4


def test_a_header_order_under_which_no_total_holds_while_another_column_sums_is_missing_with_a_finding():
    """The header names 结果维持 | 总计 | 结果纠正 | 其他结果 | 尚未审结 (as a PDF's text, its wrapped names read
    into an order the page does not print, can make it), the numbers print each group's total first: under the
    header's order no 总计 is the sum of its group, while the first column is, in every group. Before: published under
    the header's order with identity_broken — the agency blamed for the parser's misreading; now missing, said."""
    names = ["结果维持", "总计", "结果纠正", "其他结果", "尚未审结"]
    header = [
        "行政复议\t\t\t\t\t行政诉讼",
        "\t".join(names) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        "\t\t\t\t\t" + "\t".join(names * 2),
    ]
    printed = [T4[group * 5 + i] for group in range(3) for i in (4, 0, 1, 2, 3)]  # each group's total first
    text = "\n".join([TITLE, *body(table3_tabs())]).replace(
        table4_tabs(), "\n".join([*header, "\t".join(map(str, printed))])
    )
    record = _parse(text)
    assert _table4(record) == [None] * 15
    assert {"columns_order_unsure"} <= {f.code for f in record.findings if f.table == "4"}
    assert not any(f.code == "identity_broken" and f.table == "4" for f in record.findings)
