"""A cover page that prints the title, the year and the agency on lines of their own, in any order and with
blank lines between them, names the report's agency and year (before: neither was found); invisible format
characters inside a name or a title make no second agency."""

from __future__ import annotations

import itertools

import pytest

from tests.factory import tab_report
from xxgk.parser import parse

TITLE_LINE = "样例县数据局2024年政府信息公开工作年度报告"
PARTS = {"title": "政府信息公开工作年度报告", "year": "（2023年度）", "agency": "某县某局"}


def _with_cover(cover: str) -> str:
    text = tab_report(year=2023)
    title = TITLE_LINE.replace("2024", "2023")
    assert text.startswith(title)
    return cover + text[len(title):]


@pytest.mark.parametrize("order", list(itertools.permutations(PARTS)))
@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n \n\u3000\n"])
def test_a_cover_of_three_lines_in_any_order_names_agency_and_year(order, gap):
    record = parse(_with_cover(gap.join(PARTS[p] for p in order)))
    assert (record.agency, record.year) == ("某县某局", 2023)
    assert not {f.code for f in record.findings} & {"agency_not_found", "year_not_found", "year_from_overview"}


@pytest.mark.parametrize("year", ["2023年", "2023 年度", "二〇二三年度", "(2023年)"])
def test_the_year_line_may_be_printed_several_ways(year):
    record = parse(_with_cover(f"某县某局\n\n{year}\n\n政府信息公开工作年报"))
    assert (record.agency, record.year) == ("某县某局", 2023)


def test_the_title_with_its_year_above_the_agency():
    record = parse(_with_cover("2023年度政府信息公开工作年度报告\n某县某局"))
    assert (record.agency, record.year) == ("某县某局", 2023)


def test_a_year_in_brackets_before_the_title_is_no_agency():
    # before: the two lines joined read as agency ")政府"
    record = parse(_with_cover("（2023年度）\n政府信息公开工作年度报告\n目录"))
    assert record.agency != ")政府" and "政府" != record.agency


def test_lines_that_are_no_agency_name_none():
    record = parse(_with_cover("政府信息公开工作年度报告\n目录\n2023年"))
    assert record.agency is None and "agency_not_found" in {f.code for f in record.findings}


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("mark", INVISIBLE)
@pytest.mark.parametrize("where", [2, 4])  # inside the name, and between the name and the year
def test_an_invisible_character_makes_no_second_agency(mark, where):
    from xxgk.agency.resolve import name_to_agency

    plain = parse(tab_report(agency="样例县数据局"))
    marked = tab_report(agency="样例县数据局"[:where] + mark + "样例县数据局"[where:]) if where == 2 else \
        tab_report(agency="样例县数据局" + mark)
    record = parse(marked)
    assert (record.agency, record.year) == (plain.agency, plain.year) == ("样例县数据局", 2024)
    # before: 某县\u200b某局 was read as 某局, and a mark before the year found no agency at all
    assert name_to_agency(record.agency, marked, {}).agency_id == name_to_agency(plain.agency, marked, {}).agency_id
    a = name_to_agency(None, marked, {"agency": "样例县" + mark + "数据局"})
    assert a.agency_id == name_to_agency(None, marked, {"agency": "样例县数据局"}).agency_id
    assert all(mark not in name for name in a.printed)


def test_the_source_text_keeps_its_invisible_characters():
    record = parse(tab_report(narrative="本年度\u200b概述。"))
    assert "本年度\u200b概述" in record.sections["overview"]  # the traceable original, untouched


def test_bidirectional_controls_are_not_dropped_as_invisible():
    from xxgk.safe import drop_invisible

    # they change how the text reads: never silently removed from a value (read_cell finds it unreadable)
    from xxgk.values import read_cell
    assert drop_invisible("1\u202e2") == "1\u202e2" and read_cell("1\u202e2")[0] is None
