"""Charts that do not mislead: a missing value is a labelled gap (无数据), a 0 is a zero bar labelled 0;
counts are integers, large numbers read in 万; colours come from the one palette. The first tests read the
chart specification; the last draws it in real Chromium with the site's own plotly and xxgk.js."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from .conftest import ROOT, chart_frames, expand_spec, needs_chromium, read_page, serving
from .conftest import wait_for as _wait

SPEC = re.compile(r'<script (?:type="application/json" class="xxgk-spec"|class="xxgk-spec" type="application/json")>'
                  r"(.*?)</script>")  # as written, or a minified page read back through read_page


def _spec(markup: str) -> dict:
    return expand_spec(json.loads(SPEC.search(markup).group(1)))  # as xxgk.js reads it


def test_the_browser_expands_a_compact_spec_to_the_full_chart():
    """xxgk.js's own ``expand`` (run in Node) turns the page's compact spec back into every trace's categories
    and value labels: the chart plotly draws is the chart the page describes."""
    import subprocess

    from xxgk.site.render import chart

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    markup = chart([{"type": "bar", "name": "甲", "x": ["复议", "诉讼"], "y": [4, None]},
                    {"type": "bar", "name": "乙", "x": ["复议", "诉讼"], "y": [2.5, 30000]}], "测试", "", "件")
    compact = json.loads(SPEC.search(markup).group(1))
    assert "c" in compact and all("x" not in t for t in compact["data"])  # the categories written once
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / "xxgk.js").read_text(encoding="utf-8")
    expand = re.search(r"  function expand\(spec\) \{.*?\n  \}\n", source, re.S).group(0)
    out = subprocess.run([node, "-e", expand + "process.stdout.write(JSON.stringify(expand(JSON.parse("
                          "require('fs').readFileSync(0, 'utf8')))))"], input=json.dumps(compact),
                         capture_output=True, text=True, check=True).stdout
    traces = json.loads(out)["data"]
    assert [t["x"] for t in traces] == [["复议", "诉讼"], ["复议", "诉讼"]]
    assert [t["y"] for t in traces] == [[4, None], [2.5, 30000]]
    assert [t["text"] for t in traces] == [["4", ""], ["2.5", "3万"]]  # 万 kept as the page wrote it
    assert json.loads(out) == expand_spec(compact)  # the tests' reading of a spec is the browser's


def test_the_browser_shows_the_value_labels_the_page_wrote_for_tiny_numbers():
    """A value label kept as ``"text": 1`` is rebuilt by xxgk.js with ``String(value)``; a label written otherwise
    than JavaScript writes the number (``0.00000025``, JavaScript ``2.5e-7``) stays written out."""
    import subprocess

    from xxgk.site.render import chart

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    markup = chart([{"type": "bar", "name": "甲", "x": ["一", "二", "三"], "y": [0.00001, 2.5e-7, 3]}], "测试", "", "%")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / "xxgk.js").read_text(encoding="utf-8")
    expand = re.search(r"  function expand\(spec\) \{.*?\n  \}\n", source, re.S).group(0)
    out = subprocess.run([node, "-e", expand + "process.stdout.write(JSON.stringify(expand(JSON.parse("
                          "require('fs').readFileSync(0, 'utf8')))))"], input=SPEC.search(markup).group(1),
                         capture_output=True, text=True, check=True).stdout
    # as the data table prints them: every digit, never an exponent (render.fmt_number)
    assert json.loads(out)["data"][0]["text"] == ["0.00001", "0.00000025", "3"]


def test_a_missing_value_is_a_labelled_gap_and_a_zero_is_a_zero_bar():
    from xxgk.site.render import MISSING_LABEL, chart

    spec = _spec(chart([{"type": "bar", "x": ["甲", "乙", "丙"], "y": [5.0, None, 0.0], "name": "新收申请"}],
                       "测试", "", "件"))
    trace = spec["data"][0]
    assert trace["y"] == [5.0, None, 0.0]  # None stays None: plotly draws no bar, never a 0
    assert trace["text"] == ["5", "", "0"]  # the zero bar is labelled 0
    notes = [a for a in spec["layout"]["annotations"] if a["text"] == MISSING_LABEL]
    assert [a["x"] for a in notes] == ["乙"]


def test_counts_are_integers_and_large_numbers_read_in_wan():
    from xxgk.site.render import chart, fmt_number

    assert fmt_number(81.0) == "81" and fmt_number(859.0) == "859"
    spec = _spec(chart([{"type": "bar", "x": ["甲", "乙"], "y": [23456.0, 81.0]}], "测试", "", "件"))
    axis = spec["layout"]["yaxis"]
    assert "万" in "".join(axis["ticktext"]) and "k" not in "".join(axis["ticktext"])
    assert spec["data"][0]["text"] == ["2.3万", "81"]
    small = _spec(chart([{"type": "bar", "x": ["甲"], "y": [3.0]}], "测试", "", "件"))["layout"]["yaxis"]
    assert small["tickformat"] == ",d" and small["dtick"] == 1  # no tick at 0.5 件


def test_one_colour_per_outcome_from_the_palette_everywhere(built_site):
    """予以公开 is the palette's green on report pages (the outcome mix), agency pages (the outcome shares over
    the years) and the compare page (its measure colour): the same outcome never changes colour."""
    from xxgk.site.render import palette

    granted = palette()["outcome_groups"]["granted"]
    frames = chart_frames(built_site)
    colours: dict[str, set] = {}
    for page in built_site.rglob("*.html"):
        in_a = page.parent.parent.name == "a"  # a/<agency>/index.html, a/<agency>/<year>.html
        kind = ("agency" if page.name == "index.html" else "report") if in_a else ""
        for spec in SPEC.findall(read_page(page)):  # attributes quoted (the pages are minified)
            for trace in expand_spec(json.loads(spec), frames)["data"]:
                names = trace.get("y") if trace.get("orientation") == "h" else trace.get("x")
                marker = trace.get("marker", {})
                if isinstance(marker.get("color"), list):
                    found = {c for n, c in zip(names, marker["color"], strict=False) if n.startswith("予以公开")}
                else:
                    found = {marker.get("color")} if str(trace.get("name")).startswith("予以公开") else set()
                colours.setdefault(kind, set()).update(found)
    metrics = json.loads((built_site / "json" / "metrics.json").read_text(encoding="utf-8"))["metrics"]
    colours["compare"] = {m["colour"] for m in metrics if m["code"] == "granted_share"}
    assert colours["report"] == colours["agency"] == colours["compare"] == {granted}


def test_the_html_bars_show_missing_as_no_data_and_zero_as_zero():
    from xxgk.site.render import html_bars

    markup = html_bars([("甲", "", 10.0), ("乙", "", None), ("丙", "", 0.0)], "测试", "件")
    rows = markup.split("<tr>")[2:]
    assert "width:80.0%" in rows[0] and "无数据" in rows[1] and 'class="xxgk-bar"' not in rows[1]
    assert "width:0.0%" in rows[2] and ">0<" in rows[2]


@pytest.mark.browser
@needs_chromium
def test_chromium_draws_no_data_for_missing_and_a_zero_bar_for_zero(built_site, tmp_path, chromium):
    from selenium.webdriver.common.by import By

    from xxgk.site.render import chart

    shutil.copytree(built_site / "assets", tmp_path / "assets")
    figure = chart([{"type": "bar", "x": ["甲", "乙", "丙"], "y": [5.0, None, 0.0], "name": "新收申请"}],
                   "缺失与零", "", "件")
    (tmp_path / "chart.html").write_text(f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>{figure}'
                                         '<script src="assets/xxgk.js"></script></body></html>', encoding="utf-8")
    browser = chromium
    with serving(tmp_path) as url:
        browser.get(f"{url}/chart.html")
        # (drawn: plotly has finished, xxgk.js's data-drawn; its .main-svg is there before its notes are written)
        _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart[data-drawn] .main-svg"))
        texts = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".xxgk-chart svg text")]
        assert "无数据" in texts
        boxes = browser.execute_script(
            "function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.right, r.height]; }"
            "return {bars: Array.from(document.querySelectorAll('.xxgk-chart .bars .point path')).map(box),"
            "  labels: Array.from(document.querySelectorAll('.xxgk-chart .bars text')).map(function (t) {"
            "    return [t.textContent].concat(box(t)); }),"
            "  gaps: Array.from(document.querySelectorAll('.xxgk-chart .annotation-text')).filter(function (t) {"
            "    return t.textContent === '无数据'; }).map(box)}")
        bars, labels, gaps = boxes["bars"], boxes["labels"], boxes["gaps"]
        assert len(bars) == 3 and bars[0][2] > 0 and bars[1][2] == 0 and bars[2][2] == 0
        assert [x[0] for x in labels] == ["5", "0"]  # the 0 is labelled 0; the missing bar has no number
        centre = lambda b: (b[0] + b[1]) / 2  # noqa: E731
        zero_label = labels[1]
        assert bars[2][0] <= centre(zero_label[1:]) <= bars[2][1]  # "0" sits on the third (zero) bar
        assert len(gaps) == 1 and bars[1][0] <= centre(gaps[0]) <= bars[1][1]  # 无数据 sits on the missing one
        assert browser.find_elements(By.XPATH, "//figcaption//button[contains(., 'CSV') and not(@aria-disabled)]")


def test_a_charts_data_table_reads_a_row_a_series_and_a_column_a_year():
    """The table under an agency page's chart is read like the chart: a series a row, its years side by side,
    so 2022 is compared with 2021 along one line (before: one line a value, the series name repeated on each).
    A missing value says 无数据, a year of the other template edition 不适用 — never a blank or 0."""
    import lxml.html

    from xxgk.site.render import chart

    markup = chart([{"type": "bar", "name": "予以公开（2019年版格式）", "x": ["2019年", "2020年", "2021年"],
                     "y": [5, None, None], "xxgk_other": [False, False, True]},
                    {"type": "bar", "name": "本年新收申请", "x": ["2019年", "2020年", "2021年"], "y": [12, 0, 7]}],
                   "申请数量", "", "件")
    table = lxml.html.fragment_fromstring(markup, create_parent="div").find(".//details//table")
    rows = [[c.text_content() for c in tr.xpath("th|td")] for tr in table.iter("tr")]
    assert rows == [["系列", "2019年", "2020年", "2021年"],
                    ["予以公开（2019年版格式）", "5", "无数据", "不适用"],
                    ["本年新收申请", "12", "0", "7"]]
    assert table.get("data-style") == "nums"  # numbers right-aligned under their year (xxgk.css)
