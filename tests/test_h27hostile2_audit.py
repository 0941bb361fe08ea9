"""What the second hostile-input audit found (session 27): inputs that cost out of proportion to what they hold, and
a title a stray byte cut inside its fixed words."""

from __future__ import annotations

import pytest

from xxgk.metadata import read_title
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import tab_report

AGENCY = "甲县民政局"


def test_a_stray_byte_inside_a_titles_fixed_words_leaves_its_agency_and_year():
    """``甲县民政局2024年政府信息公开工作年度\\xff报告`` (a UTF-8 report with one stray byte between 年度 and 报告, as
    a download cut and resumed leaves it): the byte is a U+FFFD, said by ``text_undecodable``; the title's fixed
    words no longer matched, so neither the agency nor the year was read (``agency_not_found``, ``year_not_found``)
    though neither touches the lost byte."""
    data = tab_report(agency=AGENCY).encode("utf-8")
    data = data.replace("年度报告".encode(), "年度".encode() + b"\xff" + "报告".encode(), 1)
    source = read_bytes(data, ".txt")
    assert source.text.split("\n")[0] == f"{AGENCY}2024年政府信息公开工作年度\ufffd报告"
    record = parse(source.parse_text)
    assert (record.agency, record.year) == (AGENCY, 2024)
    assert not {"agency_not_found", "year_not_found"} & {f.code for f in record.findings}
    assert [f.line for f in source.findings if f.code == "text_undecodable"] == [1]


@pytest.mark.parametrize("title", ["甲县民政局2024年\ufffd政府信息公开工作年度报告",
                                   "甲县民政局2024年政府信息公开工作\ufffd年度报告",
                                   "甲县民政局2024年政府信息公开工作年\ufffd报"])
def test_a_lost_character_between_a_titles_fixed_words_is_read_past(title):
    assert (read_title(title).agency, read_title(title).year) == (AGENCY, 2024)


@pytest.mark.parametrize("title", ["甲县民政\ufffd局2024年政府信息公开工作年度报告",
                                   "甲县民政局\ufffd2024年政府信息公开工作年度报告"])
def test_a_lost_character_touching_the_name_still_refuses_it(title):
    """The name is never read across or next to a lost character (another agency's name may be what was lost)."""
    found = read_title(title)
    assert found.agency is None and found.refused is not None and found.year == 2024
