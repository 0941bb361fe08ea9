"""Session 48 (lead): table 三's organisation columns named short in a PDF's text (words apart by spaces, no cells),
printed in another order than the template's. Found by fuzzing the five's order and names (whole, short, wrapped)
in tabs, pipe tables and PDF text: tabs and pipes were read right; in PDF text a table printing 法律服务 (or 律师事务所)
first and the four others whole published each organisation's numbers under its neighbour's name, no finding, and
one naming any other short had every value missing. Written with the values and helpers of
``tests/test_h47columns.py`` (every identity holds, neighbours told apart)."""

from __future__ import annotations

import pytest

from .test_h46reports import ROWS, _codes, _table3
from .test_h47columns import NAMES, ORGS, _parse, rows
from .test_h47reports import report

SHORT = {1: "企业", 2: "科研", 3: "公益组织", 4: "法律服务", 5: "其他组织"}


def pdf_text(order: list[int], names: dict[int, str], below: str = "") -> str:
    """The report with table 三 as a PDF's text prints it: the header's words apart by spaces, the organisation
    columns in ``order`` named by ``names`` (else whole), ``below`` a header line under them."""
    orgs = " ".join(names.get(i, NAMES[i]) for i in order if i in ORGS)
    header = ["申请人情况", "自然人 法人或其他组织 总计", orgs, *([below] if below else [])]
    return report("\n".join(header + [line.replace("\t", " ") for line in rows(order)]))


@pytest.mark.parametrize("word", ["法律服务", "律师事务所"])
def test_legal_services_named_short_and_printed_first_is_read_under_its_name(word):
    """法律服务机构 printed first, named short, the four others whole in the template's order: before, read in the
    template's order (法律服务机构's numbers published as 商业企业's, 商业企业's as 科研机构's …), no finding."""
    record = _parse(pdf_text([0, 4, 1, 2, 3, 5, 6], {4: word}), "text")
    assert _table3(record) == ROWS
    assert "columns_reordered" in _codes(record)


@pytest.mark.parametrize("short", sorted(SHORT))
def test_one_short_name_in_another_order_is_read_not_left_missing(short):
    """One of the five named short, the five in another order (其他 first): before, every value of the table
    missing (columns_order_unsure) though each name is on the line, once, with nothing else."""
    record = _parse(pdf_text([0, 5, 3, 1, 4, 2, 6], {short: SHORT[short]}), "text")
    assert _table3(record) == ROWS


def test_a_short_name_with_a_names_tail_below_is_not_read_by_its_place():
    """法律服务 over 机构 may be a wrapped name whose upper half a text layer printed out of its place: the line is not
    read by its words' order; no number is published under another column's name."""
    record = _parse(pdf_text([0, 4, 1, 2, 3, 5, 6], {4: "法律服务"}, below="机构"), "text")
    got = _table3(record)
    assert all(got[code][i] in (None, ROWS[code][i]) for code in ROWS for i in range(7))


def wrapped_with_units(order: list[int]) -> list[str]:
    """The template's header in tabs, the organisation columns in ``order``, each name with its unit wrapped in its
    narrow cell (法律服务机 over 构（件）)."""
    names = [f"{NAMES[i]}（件）" for i in range(7)]
    first = min(order.index(i) for i in ORGS)
    group = [names[i] if i in (0, 6) else "法人或其他组织" if p == first else "" for p, i in enumerate(order)]
    top = [names[i][:-4] if i in ORGS else "" for i in order]
    bottom = [names[i][-4:] if i in ORGS else "" for i in order]
    return ["\t".join(["", *cells]) for cells in (group, top, bottom)]


@pytest.mark.parametrize("form", ["text", "html", "docx"])
def test_names_wrapped_with_their_unit_in_another_order_are_read_under_their_names(form):
    """Each organisation's name and its unit wrapped in a narrow cell (商业 over 企业（件）, 法律服务机 over 构（件）),
    法律服务机构 printed first: before, the halves were not joined (a name with its unit is no name), the five read in
    the template's order, each organisation's numbers published under its neighbour's name, no finding."""
    order = [0, 4, 2, 1, 3, 5, 6]
    record = _parse(report("\n".join(wrapped_with_units(order) + rows(order))), form)
    assert _table3(record) == ROWS


def wrapped(order: list[int], halves: dict[int, tuple[str, str]]) -> list[str]:
    """The template's header in tabs, the organisation columns in ``order``, those of ``halves`` wrapped in their
    narrow cells (upper, lower), the others whole."""
    first = min(order.index(i) for i in ORGS)
    group = [NAMES[i] if i in (0, 6) else "法人或其他组织" if p == first else "" for p, i in enumerate(order)]
    top = [halves.get(i, (NAMES[i], ""))[0] if i in ORGS else "" for i in order]
    bottom = [halves.get(i, ("", ""))[1] if i in ORGS else "" for i in order]
    return ["\t".join(["", *cells]) for cells in (group, top, bottom)]


HALVES = {
    "short-wrapped": {3: ("公", "益组织")},
    "qita-zuzhi-wrapped": {5: ("其他", "组织")},
    "with-a-tail-below-a-whole-name": {1: ("商", "业企业"), 5: ("其他", "组织")},
}


@pytest.mark.parametrize("halves", HALVES.values(), ids=HALVES.keys())
def test_short_names_wrapped_in_their_cells_are_read_under_their_names(halves):
    """A short name wrapped in its narrow cell (公 over 益组织; 其他 over 组织, whose upper half is a whole name), the
    five in another order: before, 公益组织 was not joined (its halves make a short name, not a name) and the five were
    read in the template's order, each organisation's numbers under its neighbour's name; 组织 below made 法律服务机构
    beside it name no column (the 其他 of 法人或其他组织 was kept from a 组织 after any name), and either the same
    happened or every organisation's value was missing."""
    order = [0, 1, 2, 4, 3, 5, 6] if 3 in halves else [0, 1, 2, 3, 5, 4, 6]
    record = _parse(report("\n".join(wrapped(order, halves) + rows(order))), "text")
    assert _table3(record) == ROWS
