"""Session 53, reader journeys round 23: the three readers' tasks walked in headless Chromium over a site larger and
messier than the seeds (the seeds, the corpus, 60 synthetic reports with prose, a truncated PDF, an empty file, a
report whose sums do not hold, a year published twice with a changed value), at 1366 × 900 and 390 × 844.

What misled them: the journalist's comparison of three agencies labelled each point's value above or below it by the
series' order, not by the values — a lower first series' label above its point met a higher second's below its
point (749 over 635, each nearer the other's point), and 553, 548 and 478 printed over each other in the downloaded
PNG, which has no table; the PNG's address was cut every 140 characters (year=2021-20 / 24). An agency page listed a
year's two reports as two rows of 2022年度报告 and its findings as two rows of 2022. The report card's category
columns counted errors and warnings without saying so: a report with 7 cross-year breaks read 跨年度 0.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import ROOT, needs_chromium, serving, wait_for

XICHENG, HAIDIAN = "beijing-xicheng-shujuju", "beijing-haidian-shujuju"  # benchmarks.synthetic's 2nd and 8th


@pytest.mark.browser
@needs_chromium
def test_a_comparisons_value_labels_never_print_over_each_other(busier_site, chromium):
    """Two agencies' new requests over 2021–2024 (749 and 635 in 2023, 548 and 553 in 2024): each label is whole
    (no other label's box crosses it), and in each year the higher point's label is above the lower's."""
    with serving(busier_site) as url:
        chromium.get(f"{url}/compare/?agencies={XICHENG},{HAIDIAN}&metric=received&year=2021-2024")
        wait_for(lambda: chromium.find_elements("css selector", "#xxgk-compare-chart[data-drawn] .textpoint text"))
        labels = chromium.execute_script("""
            return Array.from(document.querySelectorAll('#xxgk-compare-chart .scatterlayer .trace')).map(function (t) {
              return Array.from(t.querySelectorAll('.textpoint text')).map(function (e) {
                var b = e.getBoundingClientRect();
                return {text: e.textContent, x: b.left, y: b.top, r: b.right, b: b.bottom};
              });
            });""")
    assert len(labels) == 2 and all(len(t) >= 3 for t in labels), labels
    boxes = [box for trace in labels for box in trace]
    crossing = [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a["x"] < b["r"] and b["x"] < a["r"] and a["y"] < b["b"] and b["y"] < a["b"]]
    assert crossing == []
    by_value = {int(box["text"]): box for box in boxes}
    for high, low in ((749, 635), (553, 548)):  # (busier_site's values: benchmarks.synthetic, seed 7)
        assert by_value[high]["b"] <= by_value[low]["y"] + 1, (high, low, by_value[high], by_value[low])


def _node(asset: str, start: str, call: str):
    """``call``'s value (JSON) once the top-level code of ``asset`` from the line ``start`` to its function's end
    has run in node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / asset).read_text(encoding="utf-8")
    code = re.search(rf"{re.escape(start)}.*?\n  \}}\n", source, re.S).group(0)
    run = subprocess.run([node, "-e", code + f"process.stdout.write(JSON.stringify({call}))"], capture_output=True,
                         text=True, check=True, timeout=60)
    return json.loads(run.stdout)


def test_three_close_values_of_a_year_take_three_sides_of_their_points():
    """553, 548 and 478 (2024): above the highest, beside the middle one (to its left in the last year, where the
    right ran off the chart), below the lowest; a lowest point on the axis's floor is labelled above, to its right,
    clear of the year under it, and the highest then to its left."""
    ys = [[505, None, 635, 548], [815, 794, 749, 553], [None, None, None, 478]]
    places = _node("compare.js", "  function labelPlaces(", f"labelPlaces({json.dumps(ys)}, 815)")
    assert [p[2] for p in places[:2]] == ["bottom center", "top center"]  # 635 below 749, whatever the order
    assert [p[3] for p in places] == ["middle left", "top center", "bottom center"]
    floor = _node("compare.js", "  function labelPlaces(", "labelPlaces([[0, 5], [11, 4], [3, 6]], 11)")
    assert [p[0] for p in floor] == ["top right", "top left", "middle right"]


def test_a_pngs_address_breaks_between_its_parts():
    address = (f"http://127.0.0.1:8753/compare/?agencies={XICHENG},{HAIDIAN},beijing-yanqing-shujuju"
               "&metric=received&year=2021-2024")
    lines = _node("xxgk.js", "  var URL_BREAKS", f"urlLines({json.dumps(address)}, 140)")
    assert "".join(lines) == address and all(len(line) <= 140 for line in lines)
    assert lines[-1] == "year=2021-2024"
    assert [len(x) for x in _node("xxgk.js", "  var URL_BREAKS", "urlLines('x'.repeat(300), 140)")] == [140, 140, 20]


@pytest.fixture(scope="module")
def republished(tmp_path_factory):
    """An agency's four years (benchmarks.synthetic), its 2021 report published twice: the copy's 新收申请 raised
    by 5 (a revised report), and an empty file. The package and the pages (site_src), no rendering."""
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    work = tmp_path_factory.mktemp("h53")
    write_reports(4, work / "reports")
    lines = (work / "reports" / "r000000.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    cells = lines[at].split("\t")
    cells[1], cells[-1] = str(int(cells[1]) + 5), str(int(cells[-1]) + 5)
    lines[at] = "\t".join(cells)
    (work / "reports" / "r000000-更正版.txt").write_text("\n".join(lines), encoding="utf-8")
    (work / "reports" / "空.txt").write_bytes(b"")  # a file without a page (no text, no agency)
    build_package(work / "reports", work / "pkg", workers=1)
    write_site_src(work / "pkg", work / "site_src")
    return work


def _page(site_src, rel: str) -> str:
    from xxgk.site.bulk import page_html, spooled

    return page_html(next(e for e in spooled(site_src) if e["src"] == rel))


def test_an_agency_page_names_a_years_two_reports_apart(republished):
    """The year's two rows (历年报告) and its two findings rows (历年发现的问题) each say whose file they are, and
    each links its own report; a year of one report reads as before."""
    from lxml import html

    text = _page(republished / "site_src", "a/beijing-dongcheng-shujuju/index.md")
    page = html.fromstring(text)
    years = {a.text_content(): a.get("href") for a in page.xpath('//table[@id="xxgk-agency-years"]//a')}
    assert years["2021年度报告（r000000.txt）"] == "2021.html"
    assert re.fullmatch(r"2021-r000000-[a-z0-9-]+\.html", years["2021年度报告（r000000-更正版.txt）"])
    assert "2022年度报告" in years and "2023年度报告" in years
    findings = html.fromstring(text.split("## 历年发现的问题", 1)[1]).xpath("//table")[0]
    found = [a.text_content() for a in findings.xpath(".//tbody//th/a")]
    assert found == ["2021（r000000.txt）", "2021（r000000-更正版.txt）", "2022", "2023", "2024"]


def test_the_report_card_says_its_category_columns_leave_notes_out(republished):
    """A report with cross-year breaks (notes: 提示) reads 跨年度 0 in the report card: the page says the category
    columns and the reading limits' count errors and warnings, not notes, and where the notes are."""
    page = (republished / "site_src" / "report-card.md").read_text(encoding="utf-8")
    assert "一列是该类的错误和警告个数，不含提示" in page and "提示见各报告页的“发现的问题”" in page
    # (session 60: its 读取的局限 column too — 1 there where the report page said 警告 1、提示 6 and the quality page 7)
    assert "“读取的局限”一列同样只计错误和警告（报告页与质量页的个数含提示，可能更多）" in page


def test_the_quality_page_and_the_report_card_name_a_years_two_reports_apart(republished):
    """Both reports of the year are listed (the quality page's list by report, the report card's ranking), each
    named with its file; a report of a year of its own keeps its name."""
    for page in ("quality.md", "report-card.md"):
        text = (republished / "site_src" / page).read_text(encoding="utf-8")
        assert "东城区数据局 2021年度（r000000.txt）</a>" in text, page
        assert "东城区数据局 2021年度（r000000-更正版.txt）</a>" in text, page
        assert "东城区数据局 2022年度</a>" in text, page


def test_a_years_partial_gap_note_stands_above_the_drawn_bars_value_label():
    """部分无数据 over unstacked bars (new requests missing, carried-over 11 and carried-forward 15 drawn) stood at
    the tallest drawn bar's end, where its value label is (部分11数据): it is raised a label's line (12 px type) and
    the notes' own 2 px; a year with nothing drawn, and stacked bars, keep their place."""
    from xxgk.site.render import _missing_annotations

    data = [{"type": "bar", "x": ["2021年", "2022年"], "y": [505, None]},
            {"type": "bar", "x": ["2021年", "2022年"], "y": [24, 11]},
            {"type": "bar", "x": ["2021年", "2022年"], "y": [19, 15]}]
    (note,) = _missing_annotations(data, horizontal=False)
    assert note["text"] == "部分无数据" and note["y"] == 15 and note.get("yshift", 0) >= 18
    empty = [dict(t, y=[t["y"][0], None]) for t in data]
    assert "yshift" not in _missing_annotations(empty, horizontal=False)[0]
    assert "yshift" not in _missing_annotations(data, horizontal=False, stacked=True)[0]


def test_a_report_pages_list_of_its_agencys_years_names_a_years_two_reports_apart(republished):
    """Every report page of the agency lists its years (历年报告): the year's two reports each with its file."""
    from lxml import html

    text = _page(republished / "site_src", "a/beijing-dongcheng-shujuju/2023.md")
    years = html.fromstring(text.split("## 历年报告", 1)[1]).xpath("//table")[0]
    assert [a.text_content() for a in years.xpath(".//tbody//th/a")] == [
        "2021（r000000.txt）", "2021（r000000-更正版.txt）", "2022", "2023", "2024"]


def test_a_years_two_report_pages_are_titled_apart(republished):
    """The two report pages of the year each carry their file in their heading and title (two browser tabs read
    东城区数据局 2021年度 alike); a year of one report is titled as before."""
    from xxgk.site.bulk import spooled

    folder, agency = republished / "site_src", "a/beijing-dongcheng-shujuju/"
    first = _page(folder, agency + "2021.md")
    (second,) = [_page(folder, e["src"]) for e in spooled(folder) if e["src"].startswith(agency + "2021-")]
    assert "# 东城区数据局 2021年度（r000000.txt）\n" in first
    assert 'title: "东城区数据局 2021年度（r000000.txt）"' in first
    assert "# 东城区数据局 2021年度（r000000-更正版.txt）\n" in second
    assert "# 东城区数据局 2022年度\n" in _page(folder, agency + "2022.md")


def test_the_quality_pages_files_without_a_page_are_narrowed_by_its_menus(republished):
    """The empty file has no province or year: its row says so in the columns the page's menus read (—, 地区未知),
    in a table xxgk.js narrows without counting its rows as reports; narrowed to a province, an emptied table says
    it holds no file of it (before, the empty file stood under 天津市 2024年度)."""
    from lxml import html

    text = (republished / "site_src" / "quality.md").read_text(encoding="utf-8")
    files = html.fromstring(text[text.index('<h2 id="xxgk-pageless"'):]).xpath("//table")[0]
    assert files.get("data-xxgk-files") is not None
    assert [th.text_content() for th in files.xpath(".//thead//th")] == ["文件", "原因", "年度", "省份"]
    assert [[td.text_content() for td in tr.xpath("./td")] for tr in files.xpath(".//tbody/tr")] == [
        ["空.txt", "无法读取文件：空文件", "—", "地区未知"]]
    said = _node("xxgk.js", "  function emptyNote(",
                 "[emptyNote({hasAttribute: function (a) { return a === 'data-xxgk-files'; }}, '北京市 2022年度'),"
                 " emptyNote({hasAttribute: function () { return false; }}, '北京市')]")
    assert said == ["本表没有北京市 2022年度的文件。", "本表没有北京市的报告。"]


def test_a_years_two_source_pages_are_titled_apart(republished):
    """The source pages of the year's two reports (where the full-text search's results and a shared line's address
    lead) each carry their file in their title and heading, as their report pages do (session 54: both read
    原文：东城区数据局 2021年度, and so did their two results in the search); a year of one report as before."""
    from lxml import html

    from xxgk.site.bulk import FILES, spooled

    titles = {}
    for entry in spooled(republished / "site_src", FILES):
        if not entry["path"].startswith("src/"):
            continue
        page = html.fromstring(entry["text"])
        titles[page.findtext(".//title").removesuffix(" · 政府信息公开年报数据")] = page.xpath("string(//h1)")
    assert titles.get("原文：东城区数据局 2021年度（r000000.txt）") == "原文：东城区数据局 2021年度（r000000.txt）"
    assert "原文：东城区数据局 2021年度（r000000-更正版.txt）" in titles
    assert "原文：东城区数据局 2022年度" in titles and "原文：东城区数据局 2021年度" not in titles
