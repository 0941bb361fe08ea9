"""A measure only the 2021 template has (行政规范性文件's 制发, 废止, 现行有效) in a year whose report uses the
2019 template: nothing is missing there, so the agency page says 不适用 (before: 无数据, and a chart of such
years only was said to be missing, 表格缺失或无法读取)."""

from __future__ import annotations

import lxml.html

from xxgk.package.metrics import metric_rows
from xxgk.site.agency_page import AgencyPages
from xxgk.site.render import chart

NORMATIVE = ("normative_issued", "normative_repealed", "normative_in_force")


def _pages(series: dict[str, dict]) -> AgencyPages:
    """An agency page maker holding only what its charts read: the measures and each report's values."""
    pages = AgencyPages.__new__(AgencyPages)
    metrics = [dict(m) for m in metric_rows()]
    pages.metric_defs = {m["code"]: m for m in metrics}
    codes = list(pages.metric_defs)
    pages.series = {rid: {code: values.get(code) for code in codes} for rid, values in series.items()}
    pages.values = pages.series
    pages.missing = {rid: dict.fromkeys(codes) for rid in series}  # (no reason given: 无数据, as before session 38)
    return pages


def _report(rid: str, year: int, edition: str) -> dict:
    return {"report_id": rid, "agency_id": "x", "format": edition, "year": str(year)}


def _table_rows(markup: str, title: str) -> list[list[str]]:
    """The data table of the chart titled ``title`` in ``markup`` (a page's HTML fragments)."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for figure in root.iter("figure"):
        if title in figure.text_content():
            table = figure.find(".//details//table")
            return [[c.text_content() for c in tr.xpath("th|td")] for tr in table.iter("tr")]
    raise AssertionError(f"no chart {title}")


def test_a_2019_template_year_of_a_2021_only_measure_reads_not_applicable_on_the_agency_page():
    pages = _pages({"a": {}, "b": dict(zip(NORMATIVE, (3, 1, 10), strict=True))})
    markup = "".join(pages._agency_charts({2019: _report("a", 2019, "2019"), 2021: _report("b", 2021, "2021")}))
    rows = _table_rows(markup, "规范性文件（件）")
    assert rows[0] == ["系列", "2019年", "2020年", "2021年"]
    assert rows[1] == ["本年制发行政规范性文件", "不适用", "无报告", "3"]
    assert "2019年版报告的年度为不适用（不是缺失，也不是0）" in markup
    assert "另一种模板的年度为不适用" in markup


def test_an_agency_with_2019_template_reports_only_is_not_said_to_miss_a_2021_only_measure():
    pages = _pages({"a": {"received": 5}, "c": {"received": 7}})
    markup = "".join(pages._agency_charts({2019: _report("a", 2019, "2019"), 2020: _report("c", 2020, "2019")}))
    notes = [note.split("</p>")[0] for note in markup.split("没有图表：")[1:]]
    said = "规范性文件（件）——本机构的报告都使用2019年版模板，该模板没有这些指标（不适用，不是缺失，也不是0）。"
    assert said in notes
    assert not any("规范性文件" in note and "表格缺失" in note for note in notes)


def test_a_chart_year_no_series_applies_to_is_labelled_not_applicable_on_the_chart():
    # (before: the year stood empty on the chart with no word, while its data table said 不适用)
    markup = chart([{"type": "bar", "name": "本年制发行政规范性文件", "x": ["2019年", "2021年"], "y": [None, 3],
                     "xxgk_other": [True, False]}], "规范性文件（件）", "", "件")
    assert '"不适用"' in markup


def test_a_chart_missing_in_its_2021_template_years_says_its_2019_template_years_do_not_apply():
    # (平潭: 2019 on the 2019 template, 2021 with no 规范性文件 read: the note said every year's report lacked them)
    pages = _pages({"a": {"received": 5}, "b": {"received": 7}})
    markup = "".join(pages._agency_charts({2019: _report("a", 2019, "2019"), 2021: _report("b", 2021, "2021")}))
    note = next(n.split("</p>")[0] for n in markup.split("没有图表：")[1:] if "规范性文件" in n.split("</p>")[0])
    assert "表格缺失或无法读取" in note
    assert "其中规范性文件（件）在使用2019年版模板的年度为不适用（该模板没有这些指标）。" in note
