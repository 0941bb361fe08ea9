"""Site audit 25 on the seeds and the corpus (平潭's reports 2019, 2021, 2023, 2025: three years with no report in
between), walked in headless Chromium: what a chart's downloaded CSV says of a value it does not have."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import draw_charts, needs_chromium, needs_shared
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium, needs_shared]

# the CSV a chart's 下载图表数据（CSV） button hands the browser, read back before the page lets its address go
CHART_CSV = """var button = arguments[0], done = arguments[1], click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  HTMLAnchorElement.prototype.click = click;
  fetch(this.href).then(function (r) { return r.text(); }).then(done);
};
button.click();"""


@pytest.fixture(scope="module")
def served_site(seeds_corpus_site):
    """The seeds and the corpus reports: one site for the whole module (the test process's)."""
    return seeds_corpus_site


def test_a_charts_csv_says_what_each_blank_is_as_its_table_does(server, chromium):
    # (audit 25: 平潭's 复议诉讼中纠正机关的比例 CSV had a bare blank for 2019, a year of 0 reviews and suits
    # (无从计算), and for 2020, a year with no report (无报告): the chart's data table tells them apart, the CSV not)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/a/fujian-pingtanzongheshiyanqu/")
    charts = draw_charts(chromium)
    chart = next(c for c in charts if "纠正机关的比例" in c.get_attribute("aria-label"))
    button = chart.find_element("xpath", "./ancestor::figure//button[contains(., 'CSV')]")
    text = chromium.execute_async_script(CHART_CSV, button)
    rows = {r["类别"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    assert rows["2019年"]["数值（%）"] == "" and rows["2019年"]["说明"] == "无从计算", rows["2019年"]
    assert rows["2020年"]["数值（%）"] == "" and rows["2020年"]["说明"] == "无报告", rows["2020年"]
    assert rows["2025年"]["数值（%）"] == "13.3" and rows["2025年"]["说明"] == ""


def test_a_2019_template_year_of_a_measure_only_the_2021_template_has_reads_not_applicable(server, chromium):
    # (audit 25 E: 平潭's 2019 report, on the 2019 template, which has no 本年制发行政规范性文件, read
    # 无数据 — 报告中没有该数或未能读出 — as if its number were missing; its 2021–2025 reports lack it: 无数据)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?agencies=fujian-pingtanzongheshiyanqu&metric=normative_issued&year=2019-2025")
    rows = []

    def table_rows():
        rows[:] = [[c.text for c in tr.find_elements("css selector", "th,td")]
                   for tr in chromium.find_elements("css selector", "#xxgk-compare-table tr")]
        return len(rows) > 1

    _wait(table_rows)
    years = dict(zip(rows[0][1:], rows[1][1:], strict=True))
    assert years["2019年"] == "不适用"
    assert (years["2020年"], years["2021年"]) == ("无报告", "无数据（此数未能读出）")  # (session 38: its reason)
    status = chromium.find_element("id", "xxgk-compare-status").text
    assert "使用2019年版模板的年度为“不适用”（不是缺失，也不是0）" in status
    assert "不适用" in chromium.find_element("id", "xxgk-compare-chart").text
