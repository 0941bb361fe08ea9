"""Session 49 (lead): a page break inside table 三's header. A PDF's text of a header whose narrow cells wrap the
organisations' names prints a piece a line (社会 / 公益 / 组织); a page's footer (``— 3 —``) between two pieces cut
the name, and every organisation's value was missing (columns_order_unsure) though the header names the five in the
template's order. Found by tests/test_layouts_property on a real report's layout. The same sweep over
``benchmarks.header_orders``' tables found worse in tables 二 and 四: a footer between a wrapped header's two lines
moved numbers under their neighbours' names. Every table's region now drops a footer's line (``page_margins_off``)."""

from __future__ import annotations

import pytest

from .test_h46reports import ROWS, _table3
from .test_h47columns import _parse, rows
from .test_h47reports import report

# the header as such a text prints it: each name's pieces on lines of their own, blank lines between the cells
PIECES = ["申请人情况", "", "自然人", "", "法人或其他组织", "", "总计商业", "企业", "", "科研", "机构", "",
          "社会", "公益", "组织", "", "法律", "服务", "机构", "", "其他", ""]


def header_text(footer_at: int | None, footer: str) -> str:
    lines = list(PIECES)
    if footer_at is not None:
        lines.insert(footer_at, f"\n{footer}\n")
    return report("\n".join(lines + [line.replace("\t", " ") for line in rows(list(range(7)))]))


def test_the_header_one_piece_a_line_is_read():
    assert _table3(_parse(header_text(None, ""), "text")) == ROWS


@pytest.mark.parametrize("footer", ["— 3 —", "第 3 页", "- 3 -"])
@pytest.mark.parametrize("at", [8, 10, 13, 14, 17, 18])
def test_a_page_footer_between_a_names_pieces_cuts_no_name(at, footer):
    """A footer between 科研 and 机构, 社会 and 公益, 法律 and 服务 …: the header still names the five in the
    template's order; before, 社会公益组织 (or 法律服务机构) was not named and the table's values were missing."""
    assert _table3(_parse(header_text(at, footer), "text")) == ROWS


# (kind, seed) of benchmarks.header_orders whose header, wrapped over two lines, a footer cut: before, each
# published a number under its neighbour's name (tables 二 and 四 in tabs and pipes), no finding
CUT_HEADERS = [("table2-2021", 3), ("table2-2021", 5), ("table2-2019", 3), ("table2-2019", 10), ("table4", 0),
               ("table4", 1)]
HEADINGS = {"table2-2021": "二、主动公开", "table2-2019": "二、主动公开", "table4": "四、政府信息公开行政复议"}


@pytest.mark.parametrize(("kind", "seed"), CUT_HEADERS)
@pytest.mark.parametrize("layout", ["tabs", "pipes"])
@pytest.mark.parametrize("margins", [["— 3 —"], ["— 3 —", "样例局2024年政府信息公开工作年度报告"]])
def test_a_page_footer_between_a_wrapped_headers_lines_moves_no_number(kind, seed, layout, margins):
    """The footer alone, or the footer and the next page's running head (the report's title)."""
    import random

    from benchmarks.header_orders import KINDS, published

    text, truth, _ = KINDS[kind](random.Random(seed), layout)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if HEADINGS[kind] in line) + 3  # (between the header's lines)
    lines[at:at] = margins
    assert published("\n".join(lines), truth) == truth


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_a_first_header_row_repeated_on_the_next_page_is_not_a_later_groups_header(layout):
    """A table 二 split across pages repeats its first header row (信息内容 | 本年新制作数量 | …, with its group's
    heading) above a later group's rows, whose own header — printing the group's measures in another order — stands
    above the page break. Before, the repeated header was taken for theirs, named none of their measures, and they
    were read in the template's order: 行政许可's decisions published as its change, no finding."""
    import random
    import re

    from benchmarks.header_orders import KINDS, published

    text, truth, _ = KINDS["table2-2019"](random.Random(1), layout)
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "二、主动公开" in line)
    first = next(i for i in range(start + 1, len(lines)) if re.search(r"\d", lines[i]) and "20" not in lines[i])
    at = first + 4  # (the first row of the moved group: 行政许可)
    lines[at:at] = ["— 3 —", *lines[start + 1:first]]
    assert published("\n".join(lines), truth) == truth
