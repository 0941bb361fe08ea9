"""Session 55, reader journeys round 24: the three readers' tasks walked in headless Chromium over a site larger and
messier than the seeds (the seeds, the corpus, 60 synthetic reports with prose, a truncated PDF, an empty file, a
report whose sums do not hold, a year published twice with a changed value), at 1366 × 900 and 390 × 844.

What misled them: a comparison's chart labelled two values near the axis's floor in the wrong order — of 0 and 0.2,
the 0 above the points and the 0.2 level with them, beside the point at 0, each read as the other's. An agency page's
历年报告 read 2022年度报告 · 表格格式 2021 (the template's edition, a year to a reader).
"""

from __future__ import annotations

import json

import pytest

from .conftest import needs_shared
from .test_h53journeys import _node, _page


def test_two_values_near_the_axiss_floor_are_labelled_side_by_side_not_in_the_wrong_order():
    """2021: 6.8, 0 and 0.2 on an axis to 11.6. The lowest (0) is labelled above its point, to its right; the
    0.2 beside it, to its left — not level with its point under the 0's label (the 0.2 read as the 0's, the 0 as
    the 0.2's). A middle value well clear of the floor keeps its place beside its point; so does a middle value
    near the floor when the highest is near it too (that one then above to the left, the middle level with it)."""
    ys = [[6.8, 8.1, 0.6], [0, 2.2, 3.2], [0.2, 0, 4.1]]
    places = _node("compare.js", "  function labelPlaces(", f"labelPlaces({json.dumps(ys)}, 11.6)")
    assert [p[0] for p in places] == ["top left", "top right", "top left"]
    assert [p[1] for p in places] == ["top left", "middle right", "top right"]  # 2.2: clear of the floor
    low = _node("compare.js", "  function labelPlaces(", "labelPlaces([[0.4, 9], [0, 5], [0.2, 1]], 10)")
    assert [p[0] for p in low] == ["top left", "top right", "middle left"]


@needs_shared
def test_a_reports_table_template_reads_as_an_edition_not_a_year(corpus_build):
    """The agency page's 历年报告 and the report page's facts say 2019年版 / 2021年版, never a bare year beside the
    report's own (2022年度报告 · 表格格式 2021 read as a 2021 report)."""
    import re

    _, site_src = corpus_build
    agency = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    years = re.search(r'<table id="xxgk-agency-years".*?</table>', agency, re.S).group(0)
    editions = re.findall(r'<td data-label="表格格式">([^<]*)</td>', years)
    assert editions and set(editions) <= {"2019年版", "2021年版"} and "2019年版" in editions, editions
    report = _page(site_src, "a/fujian-pingtanzongheshiyanqu/2019.md")
    assert "<th>表格格式</th><td>2019年版</td>" in report
