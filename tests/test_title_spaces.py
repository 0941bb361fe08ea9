"""A title whose agency name is printed with spaces in it — between the region and the department (格尔木市 交通运输局),
inside a word (格尔木市交通 运输局: a PDF's text layer), or letter-spaced (格 尔 木 市 …: a spaced heading) — is
read as the whole name. Before, the name was cut at the last space: 交通运输局, or 运输局, which the resolver then
published as 格尔木市运输局, a name no report prints; a letter-spaced title gave neither name nor year. Words before
the title on its line (a web page's breadcrumb) are still no part of the name."""

from __future__ import annotations

import pytest

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

from .factory import tab_report

AGENCY = "格尔木市交通运输局"


def _report(title_agency: str, after: str = "2025年政府信息公开工作年度报告") -> str:
    text = tab_report(agency=AGENCY, year=2025)
    first, rest = text.split("\n", 1)
    assert first == AGENCY + "2025年政府信息公开工作年度报告"  # the factory's title line, replaced below
    return f"{title_agency}{after}\n{rest}"


@pytest.mark.parametrize("printed", ["格尔木市 交通运输局", "格尔木市交通 运输局", "格尔木市　交通运输局",
                                     "格 尔 木 市 交 通 运 输 局 ", "青海省 格尔木市 交通运输局",
                                     "首页 政务公开 格尔木市交通运输局"])
def test_a_name_printed_with_spaces_is_read_whole(printed):
    text = _report(printed)
    record = parse(text)
    assert (record.agency, record.year) == (AGENCY, 2025)
    assert name_to_agency(record.agency, text, None).name == AGENCY  # never 格尔木市运输局
    assert not [f for f in record.findings if f.code in ("agency_not_found", "year_not_found")]


def test_a_letter_spaced_title_gives_its_year_too():
    record = parse(_report("格 尔 木 市 交 通 运 输 局 ", "2 0 2 5 年 政 府 信 息 公 开 工 作 年 度 报 告"))
    assert (record.agency, record.year) == (AGENCY, 2025)


def test_words_before_a_name_without_its_region_are_not_made_part_of_it():
    """政务公开 (a breadcrumb) names no region: the name is the part after it, as printed."""
    assert parse(_report("首页 政务公开 交通运输局")).agency == "交通运输局"


@pytest.mark.parametrize("title", ["【格尔木市交通运输局】2025年政府信息公开工作年度报告",
                                   "格尔木市交通运输局：2025年政府信息公开工作年度报告",
                                   "格尔木市交通运输局-2025年政府信息公开工作年度报告",
                                   "格尔木市交通运输局 — 2025年度政府信息公开工作年度报告",
                                   "2025年政府信息公开工作年度报告（格尔木市交通运输局）"])
def test_a_name_set_apart_from_the_title_by_a_bracket_or_a_mark_is_read_with_the_year(title):
    """A web page's or an article's title: before, neither the agency nor the year was read from it."""
    record = parse(_report("", after=title))
    assert (record.agency, record.year) == (AGENCY, 2025)


@pytest.mark.parametrize("label", ["附件", "标题", "【通知公告】"])
def test_a_label_before_the_title_is_no_agency(label):
    """附件：2025年… — a label, not an agency's name (it does not end as one does): no name is read from it."""
    sep = "" if label.startswith("【") else "："
    assert parse(_report("", after=f"{label}{sep}2025年政府信息公开工作年度报告")).agency != label.strip("【】")


@pytest.mark.parametrize("note", ["全文", "征求意见稿"])
def test_a_note_in_brackets_after_the_title_is_no_agency(note):
    """2025年政府信息公开工作年度报告（全文）: the brackets hold no agency's name (it does not end as one does)."""
    assert parse(_report("", after=f"2025年政府信息公开工作年度报告（{note}）")).agency != note


@pytest.mark.parametrize("printed", ["\u200e格尔木市交通运输局", "格尔木市交通\u200f运输局",
                                     "格尔木市交通运输局\u200e"])
def test_a_bidirectional_mark_beside_or_in_a_name_is_dropped_not_a_reason_to_refuse_it(printed):
    """An LRM or RLM (a page's CMS puts one before a title) draws no glyph and reorders no Han: the name is read.
    An override (U+202E), which does reorder what follows, still refuses it (``agency_unreadable``)."""
    assert parse(_report(printed)).agency == AGENCY
    overridden = parse(_report("格尔木市交通\u202e运输局"))
    assert overridden.agency is None and "agency_unreadable" in [f.code for f in overridden.findings]
