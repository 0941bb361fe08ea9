"""Session 45 (helper A): a space inside a title's agency name is never a cut (样例县民 政局 was published as 政局, a
fragment the report never prints as a name); a failed file (no report text, an explainer, the 2008 form, a school
year's, unreadable, over budget) is no report in the report card's checks nor in the quality page's 发布月份 table.
Synthetic reports only (``factory.tab_report``); the functions are called, no site is built."""

from __future__ import annotations

import pytest

from xxgk.parser import parse

from .factory import tab_report

SPACES = [" ", "\u3000", "\u00a0", "\t"]  # a space, the ideographic one, a no-break space, a tab


def _codes(record) -> list[str]:
    return [f.code for f in record.findings]


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_inside_a_word_of_the_titles_agency_name_is_taken_out_never_a_cut(space):
    """样例县民 政局: the name read with the space taken out is the name the parser reads whole (a county's 民政局);
    before, the part after the space, 政局, was published as the publisher."""
    record = parse(tab_report(agency=f"样例县民{space}政局"))
    assert record.agency == "样例县民政局", record.agency
    assert "agency_unreadable" not in _codes(record) and record.year == 2024


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_in_a_one_character_word_or_inside_a_region_is_taken_out(space):
    """样例县 民 政局 (a word broken after its first character) and 样例 县数据局 (the region's name broken): one name
    each, never 政局 or 县数据局."""
    assert parse(tab_report(agency=f"样例县 民{space}政局")).agency == "样例县民政局"
    assert parse(tab_report(agency=f"样例{space}县数据局")).agency == "样例县数据局"


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_space_between_the_region_and_the_department_keeps_working(space):
    """Spaces between a name's parts: a county and its bureau are one name; a city before its district's bureau
    is a banner (the district's bureau publishes); the year after a space is the year."""
    assert parse(tab_report(agency=f"样例县{space}民政局")).agency == "样例县民政局"
    assert parse(tab_report(agency=f"样例市{space}样例区教育局")).agency == "样例区教育局"
    record = parse(tab_report(agency="样例县民政局").replace("样例县民政局2024年", f"2024年{space}样例县民政局", 1))
    assert (record.agency, record.year) == ("样例县民政局", 2024)


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break", "tab"])
def test_a_name_read_across_a_space_inside_a_word_that_is_no_agencys_is_refused_with_its_line(space):
    """样例县民 政: read whole, 样例县民政 is no agency's name (no 局, no kind); cut, 政 a fragment. Refused: no
    publisher, ``agency_unreadable`` quoting the title's line, as a blank letter inside a name is."""
    record = parse(tab_report(agency=f"样例县民{space}政"))
    assert record.agency is None
    (refused,) = [f for f in record.findings if f.code == "agency_unreadable"]
    assert refused.line == 1 and refused.actual.startswith("样例县民") and "政2024年政府信息公开" in refused.actual
