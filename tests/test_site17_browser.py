"""Round 10 of a reader's journeys, in Chromium, at 1366 and 390 px: table 三's grouped headers while it scrolls
sideways, words kept whole in narrow columns (a province, a narrative section's name), a comparison of seven years
on a desktop."""

from __future__ import annotations

import re

import pytest

from .conftest import SHOTS, needs_chromium, report_page_files
from .conftest import wait_for as _wait
from .test_accessibility import viewport

pytestmark = [pytest.mark.browser, needs_chromium]

AGENCIES = [("北京市东城区数据局", "北京市,,"), ("天津市南开区数据局", "天津市,,"),
            ("上海市人民政府办公厅", "上海市,,")]
LONG_REGION = ("格尔木市数据局", "青海省,海西蒙古族藏族自治州,格尔木市")  # a division of ten characters, one report
YEARS = (2019, 2021, 2022, 2023, 2024, 2025)  # seven years on a chart: 2019–2025, 2020 left empty
NARRATIVE = "".join(f"本机关坚持以公开为常态、不公开为例外，全年主动公开信息{n}条，"  # long numbers
                    for n in range(123456789012, 123456789024)) + "完。"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """Three agencies of three provinces (the manifest names them), each reporting 2019 and 2021–2025 with a narrative
    of some length: table 三 under its grouped header, the quality page's 省份 column, seven years to compare; a fourth
    of a long region, one report."""
    from .conftest import site_of
    from .factory import tab_report

    work = tmp_path_factory.mktemp("site17")
    reports = work / "reports"
    reports.mkdir()
    manifest = ["file,agency,year,url,retrieved_at,notes,province,city,county"]
    for a, (agency, region) in enumerate(AGENCIES + [LONG_REGION]):
        for year in YEARS if a < len(AGENCIES) else (2025,):
            name = f"r{a}-{year}.txt"
            # 1 application more carried over than the year before carried forward: a cross-year finding each year
            (reports / name).write_text(tab_report(agency=agency, year=year, narrative=NARRATIVE, carried_over=1,
                                                   carried_forward=year % 3), encoding="utf-8")
            manifest.append(f"{name},{agency},{year},,,,{region}")
    (reports / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return site_of(reports, work)


def _agency_ids(site) -> list[str]:
    """The agencies that reported 2019 and 2021–2025."""
    return sorted(p.parent.name for p in (site / "a").glob("*/index.html") if (p.parent / "2019.html").exists())


def _report_page(site) -> str:
    page = next(p for p in report_page_files(site) if "applications|" in p.read_text(encoding="utf-8"))
    return "/" + page.relative_to(site).as_posix()


LINES = ("var tops = new Set(), w = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT), n;"
         "while ((n = w.nextNode())) { var r = document.createRange(); r.selectNodeContents(n);"
         " Array.from(r.getClientRects()).forEach(function (q) { if (q.width > 0) tops.add(Math.round(q.top)); }); }"
         "return tops.size;")
TEXT_RECT = ("var r = document.createRange(); r.selectNodeContents(arguments[0]); var q = r.getBoundingClientRect();"
             "return [q.left, q.right];")
RECT = "var q = arguments[0].getBoundingClientRect(); return [q.left, q.right];"


@pytest.mark.parametrize("name", ["phone", "desktop"])
def test_table_3_scrolled_sideways_names_the_group_over_every_column_in_view(served_site, server, chromium, name):
    """申请人情况 (over the seven columns) and 法人或其他组织 (over five) stay readable above the columns in view,
    however far the box is scrolled: they scrolled off with the group's first columns, leaving blank cells above
    法律服务机构 and 其他."""
    with viewport(chromium, name):
        chromium.get(server + _report_page(served_site))
        three = _wait(lambda: chromium.find_elements("css selector", "table[data-csv^=applications]"))[0]
        box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", three)
        _wait(lambda: box.get_attribute("tabindex"))  # xxgk.js ran
        if name == "desktop":  # a box narrower than the table, as on a phone or in a window half a screen wide
            chromium.execute_script("arguments[0].style.maxWidth = '420px'", box)
        chromium.execute_script("arguments[0].scrollIntoView(); scrollBy(0, -80)", box)
        width = chromium.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", box)
        assert width > 100, width  # it scrolls sideways
        names = three.find_elements("css selector", "thead th:not(:first-child)")
        wrapped = [n.text for n in names if chromium.execute_script(LINES, n) > 1]
        assert wrapped == [], wrapped  # before: 社会公益组 / 织 and 法律服务机 / 构, on a phone and at 1366 px
        groups = three.find_elements("css selector", "thead th[colspan]")
        assert [g.text for g in groups] == ["申请人情况", "法人或其他组织"]
        corner = three.find_element("css selector", "thead th")
        for step in range(0, 5):
            chromium.execute_script("arguments[0].scrollLeft = arguments[1]", box, width * step / 4)
            shown = chromium.execute_script(RECT, box)
            held = chromium.execute_script(RECT, corner)[1]  # the row labels' column, held at the box's left
            for group in groups:
                cell = chromium.execute_script(RECT, group)
                if cell[1] < held + 40:  # the group's columns have all scrolled under the row labels
                    continue
                label = chromium.execute_script(TEXT_RECT, group)
                chromium.save_screenshot(str(SHOTS / f"site17-table3-groups-{name}-{step}.png"))
                # before: the label sat in the middle of the cell's whole span, out of the box at either end
                assert held - 1 <= label[0] and label[1] <= shown[1] + 1, (group.text, step, label, held, shown)


def test_a_province_in_the_quality_pages_lists_reads_on_one_line(server, chromium):
    for name in ("phone", "desktop"):
        with viewport(chromium, name):
            chromium.get(server + "/quality/")
            tables = _wait(lambda: chromium.find_elements("css selector", "article table"))
            cells = []
            for table in tables:
                heads = [h.get_attribute("textContent").strip()
                         for h in table.find_elements("css selector", "thead th")]
                if "省份" in heads:
                    cells += table.find_elements("css selector", f"tbody td:nth-child({heads.index('省份') + 1})")
            assert len(cells) >= 18
            wrapped = {c.text for c in cells if c.is_displayed() and chromium.execute_script(LINES, c) > 1}
            chromium.save_screenshot(str(SHOTS / f"site17-quality-provinces-{name}.png"))
            # before: 北京 / 市 (and 天津 / 市) in the list by report and the lists by finding code on a phone
            assert wrapped == set(), (name, wrapped)


def test_on_a_phone_a_reports_narrative_sections_read_with_their_names_whole(served_site, server, chromium):
    with viewport(chromium, "phone"):
        chromium.get(server + _report_page(served_site))
        heading = _wait(lambda: chromium.find_elements("xpath", "//h2[contains(., '报告正文')]"))[0]
        table = heading.find_element("xpath", "following-sibling::*[1]/descendant-or-self::table")
        chromium.execute_script("arguments[0].scrollIntoView()", table)
        rows = table.find_elements("css selector", "tbody tr")
        names = [r.find_element("css selector", "th, td").text for r in rows]  # (a section's name heads its row)
        assert {"总体情况", "存在的主要问题及改进情况", "其他需要报告的事项"} <= set(names), names
        chromium.save_screenshot(str(SHOTS / "site17-narrative-390.png"))
        for row in rows:
            name, excerpt = row.find_elements("css selector", "th, td")
            # before: 总体 / 情况 and 存在 / 的主 / 要问 / 题及 … two characters a line in a 62 px column
            assert chromium.execute_script(LINES, name) == 1, name.text
            left, right = chromium.execute_script(RECT, excerpt)
            assert right - left >= 300, (name.text, left, right)  # the excerpt reads across the screen
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")
        # marked by the page itself (so laid out so without JavaScript too; before, by xxgk.js after a guess at its
        # shape), a table to a screen reader all the same
        page = (served_site / _report_page(served_site).lstrip("/")).read_text(encoding="utf-8")
        assert re.search(r"<table data-excerpts>\s*<thead><tr><th>章节", page)
        assert table.get_attribute("role") == "table"
        assert {c.get_attribute("role") for r in rows for c in r.find_elements("css selector", "td")} == {"cell"}


def test_a_comparison_of_seven_years_fits_a_desktop_without_scrolling_sideways(served_site, server, chromium):
    with viewport(chromium, "desktop"):
        chromium.get(server + "/compare/?agencies=" + ",".join(_agency_ids(served_site)) + "&metric=received"
                     "&year=2019-2025")
        table = _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table table"))[0]
        heads = [h.text.rstrip(" ↕⇅") for h in table.find_elements("css selector", "thead th")]
        assert heads == ["机构"] + [f"{y}年" for y in range(2019, 2026)], heads
        assert len(table.find_elements("css selector", "tbody tr")) == 3
        box = chromium.execute_script("return arguments[0].closest('.xxgk-scroll')", table)
        chromium.execute_script("arguments[0].scrollIntoView()", box)
        chromium.save_screenshot(str(SHOTS / "site17-compare-seven-years-1366.png"))
        # before: 865 px of table in a 688 px box, 2024年 and 2025年 behind a sideways scroll
        assert chromium.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", box)
        lines = [chromium.execute_script(LINES, h) for h in table.find_elements("css selector", "thead th, tbody th")]
        assert lines and all(n == 1 for n in lines), lines  # each year, each agency's name on one line


WORD_LINES = ("var out = []; arguments[0].forEach(function (td) {"
              " var n = td.firstChild, at = 0; if (!n || n.nodeType !== 3) return;"
              " n.data.split(' ').forEach(function (word) { var r = document.createRange();"
              "  r.setStart(n, at); r.setEnd(n, at + word.length); at += word.length + 1;"
              "  var tops = new Set(Array.from(r.getClientRects()).map(function (q) { return Math.round(q.top); }));"
              "  if (tops.size > 1) out.push(word); }); }); return out;")


@pytest.mark.parametrize("width", [1366, 1280])
def test_the_agency_index_on_a_desktop_keeps_each_word_of_a_row_whole(server, chromium, width):
    """行政层级, 机构类型, the span of years and each division of the 地区 on one line: seven columns squeezed into a
    686 px article broke 人民政 / 府, 政府部 / 门, 2019– / 2025 and 新疆维吾尔自 / 治区."""
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    try:
        chromium.get(server + "/agencies/")
        table = _wait(lambda: chromium.find_elements("id", "xxgk-agencies"))[0]
        rows = table.find_elements("css selector", "tbody tr")
        assert len(rows) == 4
        short = [c for r in rows for c in r.find_elements("css selector", "td")[2:5]]
        # (these agencies have no 2020 report: their years read as two runs since 2026-12-02)
        assert {c.text for c in short} >= {"人民政府", "政府部门", "2019、2021–2025"}, [c.text for c in short]
        wrapped = [c.text for c in short if chromium.execute_script(LINES, c) > 1]
        regions = [r.find_elements("css selector", "td")[1] for r in rows]
        split = chromium.execute_script(WORD_LINES, regions)
        heads = [h.text for h in table.find_elements("css selector", "thead th")[:-1]
                 if chromium.execute_script(LINES, h) > 1]
        chromium.save_screenshot(str(SHOTS / f"site17-agencies-{width}.png"))
        assert (wrapped, split, heads) == ([], [], []), (wrapped, split, heads)
        assert chromium.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1",
                                       table.find_element("xpath", "ancestor::div[@tabindex][1]"))
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_report_cards_headers_keep_their_words_whole_on_a_desktop(server, chromium):
    with viewport(chromium, "desktop"):
        chromium.get(server + "/report-card/")
        table = _wait(lambda: chromium.find_elements("css selector", "article table[data-style=compact]"))[0]
        _wait(lambda: table.find_elements("css selector", "thead th button.xxgk-sort"))  # xxgk.js ran
        heads = table.find_elements("css selector", "thead th")
        assert "基本信息" in [h.text.rstrip(" ↕") for h in heads]
        # each header's words (its text, not the sort arrow after it) on one line, but 读取的局限（不计分）'s bracket
        split = [h.text for h in heads if chromium.execute_script(LINES, h) > 1 and "（" not in h.text]
        chromium.save_screenshot(str(SHOTS / "site17-report-card-1366.png"))
        # before: 基本信 / 息, 内部一 / 致, 正文与表 / 格 beside the reports' names
        assert split == [], split
        box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", table)
        assert chromium.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", box)


def test_on_a_phone_the_data_pages_measures_read_with_their_names_and_codes_whole(server, chromium):
    with viewport(chromium, "phone"):
        chromium.get(server + "/data/")
        heading = _wait(lambda: chromium.find_elements("id", "metric-definitions"))[0]
        table = heading.find_element("xpath", "following::table[1]")
        rows = table.find_elements("css selector", "tbody tr")
        assert len(rows) >= 5
        chromium.execute_script("arguments[0].scrollIntoView()", table)
        chromium.save_screenshot(str(SHOTS / "site17-data-metrics-390.png"))
        broken = []
        for row in rows:
            first = row.find_element("css selector", "td, th")
            code = first.find_element("css selector", "code")
            name = chromium.execute_script(  # the lines of the measure's name, the cell's first text
                "var r = document.createRange(); r.selectNodeContents(arguments[0].firstChild);"
                "return new Set(Array.from(r.getClientRects()).map(function (q) { return Math.round(q.top); })).size;",
                first)
            # before: 本年 / 新收 / 申请 over recei / ved, in a column squeezed beside the formula
            if name > 1 or chromium.execute_script(LINES, code) > 1:
                broken.append(first.text)
        assert broken == [], broken
        formula = rows[0].find_element("css selector", "td.xxgk-prose")
        left, right = chromium.execute_script(RECT, formula)
        assert right - left >= 300, (left, right)  # a formula reads across the screen
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")


def test_on_a_phone_a_narrow_tables_headers_keep_their_words_whole(served_site, server, chromium):
    """A table of four columns or fewer fits a phone with no minimum width per header: 数量 was cut as 数 / 量,
    严重程度 as 严重 / 程度 over the quality page's summary, 问题数 as 问题 / 数 over an agency's years."""
    agency = _agency_ids(served_site)[0]
    with viewport(chromium, "phone"):
        for page in ("/quality/", f"/a/{agency}/", _report_page(served_site)):
            chromium.get(server + page)
            tables = _wait(lambda: chromium.find_elements("css selector", "article table"))
            split = []
            for table in tables:
                heads = table.find_elements("css selector", "thead th")
                if (not 1 < len(heads) <= 4 or not table.is_displayed() or table.get_attribute("data-style") == "grid"
                        or table.find_elements("css selector", "th[scope=rowgroup]")):  # (peer medians: see xxgk.css)
                    continue
                split += [h.text for h in heads if h.is_displayed() and "（" not in h.text
                          and chromium.execute_script(LINES, h) > 1]
            chromium.save_screenshot(str(SHOTS / f"site17-narrow-headers-{page.strip('/').replace('/', '-')}.png"))
            assert split == [], (page, split)
            assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth"), page


SOURCE_LINES = (
    "var out = {split: [], under: []}, box = document.querySelector('.xxgk-source');"
    "box.querySelectorAll('[data-n]').forEach(function (line) {"
    " var number = parseFloat(getComputedStyle(line, '::before').width), left = box.getBoundingClientRect().left;"
    " var w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT), n;"
    " while ((n = w.nextNode())) {"
    "  var r = document.createRange(); r.selectNodeContents(n);"
    "  Array.from(r.getClientRects()).forEach(function (q) {"
    "   if (q.width > 0 && q.left < left + number - 1) out.under.push(line.dataset.n); });"
    "  var re = /[0-9][0-9,.]*[0-9]/g, m;"
    "  while ((m = re.exec(n.data))) { var d = document.createRange(); d.setStart(n, m.index);"
    "   d.setEnd(n, m.index + m[0].length);"
    "   if (new Set(Array.from(d.getClientRects()).map(function (q) { return Math.round(q.top); })).size > 1)"
    "    out.split.push(line.dataset.n + ':' + m[0]); } } });"
    "return out;")


def test_on_a_phone_a_source_line_keeps_its_numbers_whole_and_wraps_beside_its_line_number(served_site, server,
                                                                                           chromium):
    """The source text a value links to, read on a phone: a number is never cut over two lines (5 / 9 read as two
    numbers) and a long line's continuation starts right of the line numbers' column, not under it."""
    page = _report_page(served_site)
    with viewport(chromium, "phone"):
        chromium.get(server + page)
        source = _wait(lambda: chromium.find_elements("css selector", "a[href*='/src/'][href$='.html']"))[0]
        chromium.get(source.get_attribute("href") + "#L3")
        found = _wait(lambda: chromium.execute_script(SOURCE_LINES))
        chromium.save_screenshot(str(SHOTS / "site17-source-390.png"))
        assert chromium.execute_script("return document.querySelectorAll('.xxgk-source [data-n]').length") > 40
        # before: break-all cut 12 / 0 and 5 / 9 at a line's end; the wrapped text began under the line numbers
        assert found == {"split": [], "under": []}, found
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")


def test_on_a_phone_the_compare_pages_menus_stay_beside_their_labels(server, chromium):
    with viewport(chromium, "phone"):
        chromium.get(server + "/compare/")
        _wait(lambda: chromium.find_elements("css selector", "#xxgk-league-table tbody tr"))
        apart = chromium.execute_script(
            "return Array.from(document.querySelectorAll('.xxgk-compare select')).map(function (s) {"
            " var l = document.querySelector('label[for=\"' + s.id + '\"]').getBoundingClientRect(),"
            "  m = s.getBoundingClientRect();"
            " return [s.id, Math.abs((l.top + l.bottom) / 2 - (m.top + m.bottom) / 2) < m.height / 2"
            "  && m.left >= l.right - 1, m.right <= innerWidth]; })")
        chromium.save_screenshot(str(SHOTS / "site17-compare-menus-390.png"))
        assert len(apart) == 9  # (the league's city menu, audit 27, is the ninth)
        # before: 行政层级： ended a line and its menu began the next
        assert all(beside and inside for _, beside, inside in apart), apart
        assert chromium.execute_script("return document.documentElement.scrollWidth <= innerWidth")
