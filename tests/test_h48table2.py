"""Session 48 (lead): table 二's first group (本年制发件数 | 本年废止件数 | 现行有效件数) printed in another order than
the template's with some names wrapped in their narrow cells and others whole. Found by fuzzing the three's order and
names (whole, short, wrapped, with a unit): where the header's cells are known (tabs, pipe tables, web pages) a
header mixing whole and wrapped names was not joined, and the rows were read in the template's order — the
documents in force published as issued this year, no finding (table 二 has no identity to catch it). In a PDF's
text, where a wrapped name's halves cannot be put back in their columns for certain, the rows are now missing with
``columns_order_unsure``, never read in the template's order against a header that names another."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

from .test_h46reports import ACTIVE, TABLE2, _codes, table3_tabs
from .test_h47columns import _parse
from .test_h47reports import report

MEASURES = ("issued", "repealed", "in_force")
FIRST_GROUP = "\n".join(TABLE2.split("\n")[:4])  # 第二十条第（一）项, its header, 规章, 行政规范性文件


def with_first_group(lines: list[str]) -> str:
    """The report with table 二's first group printed as ``lines`` (its heading, header lines and two rows)."""
    return report(table3_tabs()).replace(FIRST_GROUP, "\n".join(lines))


def first_group(order: list[str], header: list[list[str]], sep: str = "\t") -> list[str]:
    """The group's heading, ``header`` (lines of cells after 信息内容's), and its two rows in ``order``."""
    rows = [
        [label, *(str(ACTIVE[(item, m)]) for m in order)]
        for item, label in (("rules", "规章"), ("normative_documents", "行政规范性文件"))
    ]
    lines = [["信息内容" if not at else "", *cells] for at, cells in enumerate(header)] + rows
    return ["第二十条第（一）项", *(sep.join(cells) for cells in lines)]


def first_group_values(record) -> dict:
    got = record.values("active")
    return {(item, m): got.get((item, m)) for item in ("rules", "normative_documents") for m in MEASURES}


EXPECTED = {key: value for key, value in ACTIVE.items() if key[1] in MEASURES}
MIXED = {  # (order, the header's upper line, its lower line): some names wrapped, some whole
    "in-force-wrapped-first": (
        ["in_force", "issued", "repealed"],
        ["现行", "本年制发件数", "本年废止件数"],
        ["有效", "", ""],
    ),
    "issued-wrapped-second": (
        ["repealed", "issued", "in_force"],
        ["本年废止件数", "本年制", "现行有效件数"],
        ["", "发件数", ""],
    ),
    "short-and-wrapped": (["in_force", "repealed", "issued"], ["现行有效", "废止件数", "本年制"], ["件数", "", "发"]),
}


@pytest.mark.parametrize("form", ["text", "html", "docx"])
@pytest.mark.parametrize("case", sorted(MIXED))
def test_a_header_mixing_wrapped_and_whole_names_in_cells_is_read_under_its_names(case, form):
    """Before: the header was not joined (only one whose every name wraps was), its lower line's 有效 taken for the
    header, and the rows read in the template's order — WRONG, no finding."""
    order, upper, lower = MIXED[case]
    record = _parse(with_first_group(first_group(order, [upper, lower])), form)
    assert first_group_values(record) == EXPECTED


def test_a_pdf_text_header_naming_another_order_with_a_name_wrapped_is_missing_with_a_finding():
    """A PDF's text (words apart by spaces): 本年废止 | 本年制 (over 发) | 现行有效件数 — the header names another order
    than the template's, and 本年制's column cannot be told for certain from words alone. Before: read in the
    template's order (规章's repealed count published as issued), no finding."""
    lines = first_group(["repealed", "issued", "in_force"], [["本年废止", "本年制", "现行有效件数"], ["发"]], sep=" ")
    record = parse(with_first_group(lines))
    assert set(first_group_values(record).values()) == {None}
    assert "columns_order_unsure" in _codes(record)


def test_a_pdf_text_header_in_the_templates_order_with_one_name_wrapped_is_read():
    """The template's order, one name wrapped (本年废 over 止): the two named columns stand where the template has
    them, so the third is the one left — read, no finding about the order."""
    lines = first_group(list(MEASURES), [["本年制发件数", "本年废", "现行有效件数"], ["止"]], sep=" ")
    record = parse(with_first_group(lines))
    assert first_group_values(record) == EXPECTED
    assert "columns_order_unsure" not in _codes(record)


def test_a_pdf_text_header_of_short_words_each_wrapped_is_joined_in_order():
    """Every name short and wrapped, each with a word below (本 over 年制发, 现 over 行有效, 本 over 年废止): joined
    word by word as a header whose full names wrap is. Before: the joined names were no template name, the header
    named nothing, and the rows were read in the template's order (现行有效's column published as 本年废止件数)."""
    lines = first_group(
        ["issued", "in_force", "repealed"], [["本", "现", "本"], ["年制发", "行有效", "年废止"]], sep=" "
    )
    record = parse(with_first_group(lines))
    assert first_group_values(record) == EXPECTED


TABLE2_2019 = [  # the 2019 template's table 二, its 许可 group's three measures to be printed in another order
    "第二十条第（一）项",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t1\t2\t30",
    "规范性文件\t4\t5\t60",
    "第二十条第（五）项",
    "{header}",
    "行政许可\t{licensing}",
    "其他对外管理服务事项\t{services}",
    "第二十条第（六）项",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政处罚\t70\t8\t900",
    "行政强制\t11\t0\t12",
]
GROUP_2019 = {"licensing": (13, 2, 140), "other_management_services": (15, 3, 160)}  # 上一年, 增/减, 处理决定


def report_2019(header: str, order: list[int], sep: str = "\t") -> str:
    """A 2019 report whose 许可 group's header is ``header`` and its rows' three numbers in ``order``."""
    cells = {item: sep.join(str(GROUP_2019[item][i]) for i in order) for item in GROUP_2019}
    table = "\n".join(TABLE2_2019).format(
        header=header, licensing=cells["licensing"], services=cells["other_management_services"]
    )
    text = report(table3_tabs()).replace(TABLE2, table).replace("2024年", "2019年")
    return text if sep == "\t" else text.replace("\t", " ")


def group_2019(record) -> dict:
    got = record.values("active")
    return {item: tuple(got.get((item, m)) for m in ("previous_year", "change", "decisions")) for item in GROUP_2019}


def test_a_2019_header_naming_decisions_with_its_unit_first_is_read_under_its_names():
    """处理决定数量（件） | 增/减 | 上一年项目数量: the unit in brackets is no part of the name. Before:
    处理决定数量（件） named no column (2019's name is matched whole), the header was not read and the rows were read
    in the template's order — 行政许可's 140 decisions published as last year's count, no finding."""
    record = parse(report_2019("信息内容\t处理决定数量（件）\t增/减\t上一年项目数量", [2, 1, 0]))
    assert group_2019(record) == GROUP_2019


def test_a_2019_pdf_text_header_wrapped_past_telling_is_missing_with_a_finding():
    """A PDF's text wrapping all three names (本 本年增 上一年项 over 年处理决定数量 /减 目): which half goes with which
    cannot be told from words, and the header is no template's — both rows of the group are missing, said. Before:
    read in the template's order, decisions and last year's counts swapped, no finding."""
    header = "信息内容\t本\t本年增\t上一年项\n\t年处理决定数量\t/减\t目"
    record = parse(report_2019(header, [2, 1, 0], sep=" "))
    assert group_2019(record) == {item: (None, None, None) for item in GROUP_2019}
    assert "columns_order_unsure" in _codes(record)
    assert (
        parse(report_2019("信息内容\t上一年项目数量\t本年增/减\t处理决定数量", [0, 1, 2], sep=" ")).values("active")[
            ("licensing", "decisions")
        ]
        == 140
    )  # (the same report's header on one line is read)


def test_a_header_printed_one_cell_a_line_with_names_wrapped_is_read_in_its_order():
    """A web page's text printing each cell on a line of its own, a name's two lines one after the other (本年新 /
    制作数量 / 本年新 / 公开数量 / 对外公开总数量): the names are whole read top to bottom, in the template's order, and
    the rows are read. (This session's first PDF-text rule took those lines for a wrapped header it could not tell and
    left the rows missing: tests/test_h41pages' layout showed it.)"""
    header = "信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总数量"
    rows = "规章\n1\n2\n30\n规范性文件\n4\n5\n60"
    table = "\n".join(TABLE2_2019).replace(TABLE2_2019[1], header).replace("规章\t1\t2\t30\n规范性文件\t4\t5\t60", rows)
    record = parse(
        report(table3_tabs()).replace(
            TABLE2,
            table.format(
                header="信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
                licensing="13\t2\t140",
                services="15\t3\t160",
            ),
        )
    )
    got = record.values("active")
    assert [got[("rules", m)] for m in ("made", "published", "total_public")] == [1, 2, 30]
    assert [got[("normative_documents", m)] for m in ("made", "published", "total_public")] == [4, 5, 60]
