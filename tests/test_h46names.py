"""Session 46: a title's department name cut at a space after a breadcrumb word (首页 交通 运输局) is read whole
when a known 系统's keyword (``rules/agency_systems.csv``) runs across the space, or when its last part is one
character; before, the part after the last space was the publisher (运输局, 资源局, 局).
Synthetic reports only (``factory.tab_report``); the parser is called, no site is built."""

from __future__ import annotations

import pytest

from xxgk.agency.names import system_across
from xxgk.parser import parse

from .factory import tab_report

SPACES = [" ", "\u3000", "\u00a0"]


@pytest.mark.parametrize("space", SPACES, ids=["space", "ideographic", "no-break"])
@pytest.mark.parametrize("printed, agency", [
    ("首页 交通{s}运输局", "交通运输局"),        # 交通运输: the keyword runs across the space
    ("首页 卫生{s}健康委员会", "卫生健康委员会"),
    ("首页 自然{s}资源局", "自然资源局"),        # (资源 alone is a county's short name: not read as a region)
    ("首页 交通运输{s}局", "交通运输局"),        # a one-character part is no name
])
def test_a_department_name_cut_inside_its_systems_word_is_read_whole(printed, agency, space):
    record = parse(tab_report(agency=printed.format(s=space)))
    assert record.agency == agency, record.agency


def test_a_breadcrumb_word_holding_a_systems_word_is_still_no_part_of_the_name():
    """教育动态 | 办公室: 教育 ends before the space, so no word runs across it: the breadcrumb stays out (办公室 alone,
    as before), and a whole department after a breadcrumb is that department."""
    assert system_across("教育动态", "办公室") == ""
    assert parse(tab_report(agency="首页 政务公开 交通运输局")).agency == "交通运输局"
    assert parse(tab_report(agency="首页 某县 交通运输局")).agency != "首页某县交通运输局"
