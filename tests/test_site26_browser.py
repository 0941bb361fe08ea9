"""Site audit 26, a reader's journeys walked in headless Chromium (fourth round), on one small site: two agencies
whose names sound the same (格尔木市数据局 2023, 格尔木市数聚局 2024), 格尔木市人民政府 2024, whose table 二 uses
the 2021 template (its 行政规范性文件 cells lost) under a 2019 table 三, and an agency of a 45-character name."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import SEEDS, draw_charts, needs_chromium, site_of
from .conftest import wait_for as _wait
from .factory import tab_report

pytestmark = [pytest.mark.browser, needs_chromium]

SHUJUJU = "qinghai-haixi-geermu-shujuju"
GOVERNMENT = "qinghai-haixi-geermu-renminzhengfu"
LONG = "昌吉市人民政府办公室政务服务和公共资源交易中心信息公开与数据资源管理暨营商环境建设服务局"
# a chart's CSV as its button downloads it (xxgk.js makes a blob link and clicks it)
CHART_CSV = """var button = arguments[0], done = arguments[1], click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  HTMLAnchorElement.prototype.click = click;
  fetch(this.href).then(function (r) { return r.text(); }).then(done);
};
button.click();"""


def _mixed_editions() -> str:
    """Seed 002 (格尔木市 2024) with table 三 on the 2019 template (one （六）其他处理 row) and its table 二's
    行政规范性文件 cells printed ``-`` (lost): table 二 stays the 2021 template, which has the row."""
    lines = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8").split("\n")
    start = lines.index("（六）其")
    end = next(i for i, line in enumerate(lines) if line.startswith("3.其他 16"))
    lines = lines[:start] + ["（六）其他处理 17 0 0 0 0 0 17", ""] + lines[end + 1:]
    return "\n".join("行政规范性文件 - - -" if line == "行政规范性文件 8 5 26" else line for line in lines)


def _chart_page(site) -> None:
    """``/chart26/``: the about page with one chart whose series and category hold ``& < >``, made by the site's own
    ``render.chart`` (names go into the spec entity-escaped for plotly: ``safe.plot_label``)."""
    from xxgk.site.render import chart

    figure = chart([{"type": "bar", "name": "甲&乙<丙>", "x": ["A&B", "2025年"], "y": [3, None]}], "测试图",
                   unit="件", absent=("2025年",))
    page = (site / "about" / "index.html").read_text(encoding="utf-8")
    (site / "chart26").mkdir()
    (site / "chart26" / "index.html").write_text(page.replace("</article>", figure + "</article>", 1),
                                                 encoding="utf-8")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site26")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市数据局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="格尔木市数聚局", year=2024), encoding="utf-8")
    (reports / "c.txt").write_text(_mixed_editions(), encoding="utf-8")
    # 昌吉市行政审批局 2025, named by the manifest with a long name (45 characters, as some offices are)
    (reports / "d.txt").write_text((SEEDS / "004_2e32b371880ee2ff.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (reports / "sources.csv").write_text("file,agency,year,url,retrieved_at,notes,province,city,county\n"
                                         f"d.txt,{LONG},,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n", encoding="utf-8")
    site = site_of(reports, work)
    _chart_page(site)
    return site


def _text(chromium, element_id: str) -> str:
    return _wait(lambda: chromium.find_element("id", element_id).text)


def test_an_old_link_to_an_agency_id_not_here_lists_the_agencies_of_the_same_sound(server, chromium):
    # (audit 26: an id's other form — 格尔木市数据局 was qinghai-haixi-geermu-shujuju-20f6 while both homophones had a
    # suffix — said only 页面不存在, with no way to the agency)
    chromium.set_window_size(390, 844)
    chromium.get(server + f"/a/{SHUJUJU}-20f6/2023.html")
    links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-404-homophones a"))
    shown = {a.text: a.get_attribute("href") for a in links}
    assert shown["格尔木市数据局 2023年度报告"].endswith(f"/a/{SHUJUJU}/2023.html"), shown
    assert [k for k in shown if k.startswith("格尔木市数聚局")] == ["格尔木市数聚局（本站没有其2023年的报告）"], shown
    chromium.get(server + f"/a/{SHUJUJU}-20f6/")
    links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-404-homophones a"))
    assert sorted(a.text for a in links) == ["格尔木市数据局", "格尔木市数聚局"]


def test_a_year_an_agency_lacks_lists_the_homophone_that_has_it(server, chromium):
    # (audit 26: 格尔木市数聚局 alone held qinghai-haixi-geermu-shujuju; once 格尔木市数据局, whose reports begin
    # earlier, arrives, a link to 数聚局's 2024 report names 数据局's id: the 404 said only
    # 本站没有收录该机构2024年的报告 and linked 数据局's page)
    chromium.set_window_size(390, 844)
    chromium.get(server + f"/a/{SHUJUJU}/2024.html")
    links = _wait(lambda: chromium.find_elements("css selector", "#xxgk-404-homophones a"))
    assert [a.text for a in links] == ["格尔木市数聚局 2024年度报告"]
    assert f"/a/{SHUJUJU}-" in links[0].get_attribute("href") and links[0].get_attribute("href").endswith("/2024.html")
    status = chromium.find_element("id", "xxgk-404-status").text
    assert status.startswith("本站没有收录格尔木市数据局2024年的报告。已收录的年度：2023年。"), status  # (named)
    assert "读音相同" in status, status


def test_an_agency_page_names_the_agency_whose_name_sounds_the_same(server, chromium):
    # the agency whose reports begin first (2023) keeps the readable id; each page links the other
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{SHUJUJU}/")
    row = _wait(lambda: chromium.find_element("xpath", "//th[.='读音相同的机构']/following-sibling::td"))
    link = row.find_element("tag name", "a")
    assert link.text == "格尔木市数聚局" and f"/a/{SHUJUJU}-" in link.get_attribute("href")
    link.click()
    assert _wait(lambda: chromium.find_element("css selector", "article h1").text) == "格尔木市数聚局"


def test_compare_takes_a_table_2_measures_edition_from_table_2_as_the_agency_page_does(server, chromium):
    # (audit 26: 格尔木市人民政府 2024, a 2021 table 二 whose 行政规范性文件 cells were lost, under a 2019 table 三:
    # the compare page said 不适用 — 2019年版模板没有该指标 — of a number its report's template has and lost)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={GOVERNMENT}&metric=normative_issued&year=2024")
    row = _wait(lambda: chromium.find_element("css selector", "#xxgk-compare-table tbody tr").text)
    # (session 38: with its reason, metric_values.missing: the cells are printed "-")
    assert row.split()[:2] == ["格尔木市人民政府", "无数据（报告未印此数）"], row
    assert "不适用" not in _text(chromium, "xxgk-compare-chart")
    assert "不适用" not in _text(chromium, "xxgk-compare-status")
    # a measure of table 三 still takes table 三's edition: its 2019 template's one 其他处理 row (17 of 29)
    chromium.get(server + f"/compare/?agencies={GOVERNMENT}&metric=other_share&year=2024")
    assert "58.6" in _wait(lambda: chromium.find_element("css selector", "#xxgk-compare-table tbody tr").text)


def test_the_compare_status_defines_only_the_words_its_table_shows(server, chromium):
    # (audit 26: a range whose only gap is 无报告 defined 无数据 too, a word the table nowhere shows)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={SHUJUJU}&metric=received&year=2023-2024")
    row = _wait(lambda: chromium.find_element("css selector", "#xxgk-compare-table tbody tr").text)
    assert row.split()[1:] == ["5", "无报告"], row
    status = _text(chromium, "xxgk-compare-status")
    assert "“无报告”：本站没有该机构该年度的报告。" in status and "“无数据”：" not in status, status


def test_a_charts_csv_writes_names_as_the_reader_reads_them(server, chromium):
    # (audit 26: a series named 甲&乙<丙> was written 甲&amp;乙&lt;丙&gt; — the spec's escaping for plotly — and its
    # blank's 说明, looked up by the data table's text, fell back to 缺失（不是0） instead of 无报告)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/chart26/")
    (chart,) = draw_charts(chromium)
    button = chart.find_element("xpath", "./ancestor::figure//button[contains(., 'CSV')]")
    rows = list(csv.DictReader(io.StringIO(chromium.execute_async_script(CHART_CSV, button).lstrip("\ufeff"))))
    assert [(r["系列"], r["类别"], r["数值（件）"], r["说明"]) for r in rows] == [
        ("甲&乙<丙>", "A&B", "3", ""), ("甲&乙<丙>", "2025年", "", "无报告")], rows


def test_a_long_agency_name_leaves_its_value_on_a_phones_screen_in_compare(server, chromium):
    # (audit 26: the facts tables' rule, a row label on one line, held the compare table's agency name on one line
    # too: 45 characters, 585 px, put its value at x = 602 of a 390-px screen — names, and no number in sight)
    chromium.set_window_size(390, 844)
    long_id = next(a.get_attribute("href").rstrip("/").rsplit("/", 1)[1] for a in _agency_links(chromium, server))
    chromium.get(server + f"/compare/?agencies={long_id},{GOVERNMENT}&metric=received&year=2025")
    cells = _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr:first-child > *"))
    assert cells[0].text == LONG
    width = chromium.execute_script("return document.documentElement.clientWidth")
    right = chromium.execute_script("return arguments[0].getBoundingClientRect().right", cells[1])
    assert right <= width, (right, width)  # the value is on screen, beside its name, without scrolling sideways


def _agency_links(chromium, server):
    chromium.get(server + "/agencies/")
    return _wait(lambda: [a for a in chromium.find_elements("css selector", "article table a") if a.text == LONG])


def test_a_compared_number_leads_to_its_report_from_the_table_and_the_csv(server, chromium):
    # (audit 26: a journalist comparing agencies found no way from a number, shown or downloaded, to the report it
    # is read from: only the agency's name linked, and the CSV named no report)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={SHUJUJU}&metric=received&year=2023-2024")
    cells = _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr:first-child > td"))
    assert [c.text for c in cells] == ["5", "无报告"]
    # (session 34: at the table the value is read from, table 三, not the report's top; the CSV names the page)
    assert cells[0].find_element("tag name", "a").get_attribute("href") == (
        f"{server}/a/{SHUJUJU}/2023.html#san-shoudaohechulizhengfuxinxigongkaishenqingqingkuang")
    assert not cells[1].find_elements("tag name", "a")  # no report, no link
    text = chromium.execute_script("return fetch(document.getElementById('xxgk-compare-csv').href).then("
                                   "function (r) { return r.text(); })")
    rows = {r["年度"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    assert rows["2023"]["数值"] == "5" and rows["2023"]["报告页"] == f"{server}/a/{SHUJUJU}/2023.html"
    assert rows["2024"]["报告页"] == ""


def test_a_printed_agency_page_leaves_its_comparison_form_off_whole(server, chromium):
    # (audit 26: the form's menus and button were left off paper, its note
    # 与同类组中位数比较；在比较页还可以添加其他机构。 printed alone under the facts table)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{SHUJUJU}/")
    _wait(lambda: chromium.find_element("css selector", "article h1"))
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        text = chromium.execute_script("return document.querySelector('article').innerText")
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert "格尔木市数据局" in text and "在比较页还可以添加其他机构" not in text


def test_a_one_year_comparison_of_zeros_draws_no_negative_axis(server, chromium):
    # (audit 26: 上年结转申请 0 for every agency chosen: the bars' value axis ran from −1 to 1, a count below 0)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={SHUJUJU}&metric=carried_over&year=2023")
    low = _wait(lambda: chromium.execute_script(
        "var c = document.getElementById('xxgk-compare-chart'); return c._fullLayout && c._fullLayout.xaxis.range;"))
    assert low[0] == 0, low
