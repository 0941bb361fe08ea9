"""Session 55, reader journeys round 24: the three readers' tasks walked in headless Chromium over a site larger and
messier than the seeds (the seeds, the corpus, 60 synthetic reports with prose, a truncated PDF, an empty file, a
report whose sums do not hold, a year published twice with a changed value), at 1366 × 900 and 390 × 844.

What misled them: a comparison's chart labelled two values near the axis's floor in the wrong order — of 0 and 0.2,
the 0 above the points and the 0.2 level with them, beside the point at 0, each read as the other's. An agency page's
历年报告 read 2022年度报告 · 表格格式 2021 (the template's edition, a year to a reader). The header search and the
原文检索 page said 4 份报告含“依申请公开 海淀” over a list whose 2nd and 3rd reports held only 依申请公开
(the 4th holder 9th on the page, not among the header's five). The quality page's counts by problem, the whole
site's, read as the year's under a year chosen; the home page's total of new requests was silent on a report it
left out (its table 三 not read).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import ROOT, needs_shared
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


def _search_js(call: str, *starts: str):
    """``call``'s value (JSON) once the parts of ``search.js`` that begin with ``starts`` (a line each, or a function
    to its end) have run in node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / "search.js").read_text(encoding="utf-8")
    parts = []
    for start in starts:
        line = re.search(rf"^{re.escape(start)}.*$", source, re.M).group(0)
        whole = line.count("{") == line.count("}")
        parts.append(line if whole else re.search(rf"{re.escape(start)}.*?\n  \}}\n", source, re.S).group(0))
    run = subprocess.run([node, "-e", "\n".join(parts) + f"\nprocess.stdout.write(JSON.stringify({call}))"],
                         capture_output=True, text=True, check=True, timeout=60)
    return json.loads(run.stdout)


def test_reports_holding_every_word_typed_are_listed_before_those_holding_a_part():
    """Of the loaded results (Pagefind's order: A, B, C, D, E), those whose text holds both words (A and D) come
    first, each part in its order; a query of no such word, or one every result holds, keeps the order."""
    pages = [{"id": "A", "content": "甲区的依申请公开情况"}, {"id": "B", "content": "乙区的依申请公开情况"},
             {"id": "C", "content": "依申请\u200b公开"}, {"id": "D", "content": "甲区 依申请公开"},
             {"id": "E", "content": "甲区"}]
    starts = ("  var TYPED =", "  function typedWords(", "  function holds(", "  function lacked(",
              "  function heldFirst(")
    ordered = _search_js(f"heldFirst({json.dumps(pages)}, '依申请公开 甲区').map(function (p) {{ return p.id; }})",
                         *starts)
    assert ordered == ["A", "D", "B", "C", "E"]
    for q in ("a", "依申请公开"):
        kept = _search_js(f"heldFirst({json.dumps(pages[:4])}, {json.dumps(q)}).map(function (p) {{ return p.id; }})",
                          *starts)
        assert kept == ["A", "B", "C", "D"], q


def test_the_quality_pages_counts_by_problem_say_they_are_every_years(built_site):
    """Narrowed to a province and a year (只显示某省 2023年度的 15 份报告), the counts by problem stay the whole
    site's — every province's and every year's: their caption says both, not the province alone (7 identity_broken
    of four years read as the year's)."""
    from lxml import html

    from tests.conftest import read_page

    page = html.fromstring(read_page(built_site / "quality" / "index.html"))
    caption = page.xpath("//table[.//th[contains(., '问题（代码）')]]/caption")[0].text_content()
    assert "全部年度" in caption and "年度的筛选" in caption and "全部省份" in caption, caption


def test_the_home_pages_total_of_new_requests_says_which_reports_it_leaves_out(built_site):
    """The latest year's department reports are three; one's table 三 was not read (its 新收申请 missing, not 0).
    The home page's total said 0 件新收申请（…2份政府部门报告合计） — right for the two, silent on the third: it now
    says the third is left out, and the total stays the two's."""
    from tests.conftest import read_page

    home = read_page(built_site / "index.html")
    assert "件新收申请（2025年度2份政府部门报告合计）；另1份无数据，未计入<" in home


def test_the_home_pages_chart_names_the_agencies_it_leaves_out(built_site):
    """The chart of the latest year's new requests (11, 0, 0 over the seeds) left out the year's third department
    report, whose table 三 was not read: a line under it now names that agency, its value missing, not 0."""
    from lxml import html

    from tests.conftest import read_page

    page = html.fromstring(read_page(built_site / "index.html"))
    chart = page.xpath("//table[caption[contains(., '新收政府信息公开申请最多的机构')]]")[0]
    note = chart.getnext().text_content()
    assert note.startswith("另有 1 个机构的2025年度报告没有新收申请的数值（无数据，不是0）"), note
    named = note.split("不在表中：", 1)[1].rstrip("。")
    rows = [th.text_content() for th in chart.xpath(".//tbody//th")]
    assert len(rows) >= 2 and named and "、" not in named and named not in rows, (named, rows)
