"""Chart frames (``chart_frames.py``): a page keeps only its chart's numbers and the name of the chart's frame,
published once. What a reader checks here: a frame cannot reach an object's prototype, only the site's own
frame files are ever requested, a report page draws its charts from them in Chromium, and a chart whose frame is
missing says so. That every chart is the chart made, and every named frame published: ``test_chart_exact.py``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import (
    ROOT,
    chart_frames,
    draw_charts,
    expand_spec,
    needs_chromium,
    read_page,
    report_page_files,
    wait_for,
)

SPEC = re.compile(r'<script (?:type="application/json" class="xxgk-spec"|class="xxgk-spec" type="application/json")>'
                  r"(.*?)</script>")
JS = ROOT / "build" / "xxgk" / "site" / "assets" / "xxgk.js"


def _node(script: str, data) -> object:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = JS.read_text(encoding="utf-8")
    functions = "".join(re.search(rf"  function {name}\(.*?\n  \}}\n", source, re.S).group(0)
                        for name in ("own", "unframe", "expand"))
    out = subprocess.run([node, "-e", functions + "var data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
                          + script], input=json.dumps(data), capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_a_page_cannot_reach_an_objects_prototype_through_a_frame():
    out = _node("var s = unframe(data.frame, data.page);"
                "process.stdout.write(JSON.stringify([({}).polluted === undefined, s.layout.title.text,"
                " Object.getPrototypeOf(s) === Object.prototype, s.data[0].y]))",
                {"frame": {"data": [{"type": "bar"}], "layout": {"title": {"text": "标题"}}},
                 "page": json.loads('{"f": "0123456789abcdef", "__proto__": {"polluted": 1},'
                                    ' "layout": {"__proto__": {"polluted": 2}}, "data": [{"y": [1]}]}')})
    assert out == [True, "标题", True, [1]]


def test_a_frame_name_is_only_ever_a_file_of_the_sites_own_frame_folder():
    """xxgk.js's ``framed`` asks for ``<root>/json/f/<16 hex digits>.json`` and for nothing else: a spec naming
    another path (``../``, a host, a query) is refused without a request."""
    source = JS.read_text(encoding="utf-8")
    framed = re.search(r"  function framed\(.*?\n  \}\n", source, re.S).group(0)
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = ("var asked = [], assets = 'https://site.example/x/assets/', frames = {};"
              "function fetch(url) { asked.push(url); return Promise.resolve({ok: true, json: function () {"
              " return {data: [{type: 'bar'}], layout: {}}; }}); }"
              "function unframe(f, p) { return 'drawn'; }" + framed +
              "Promise.allSettled(['0123456789abcdef', '../../../etc/x', '//evil.example/a', '0123456789abcdef?x',"
              " '0123456789ABCDEF'].map(function (f) { return framed({f: f}); })).then(function (r) {"
              " process.stdout.write(JSON.stringify([r.map(function (x) { return x.status; }), asked])); });")
    out = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert out == [["fulfilled", "rejected", "rejected", "rejected", "rejected"],
                   ["https://site.example/x/json/f/0123456789abcdef.json"]]


@needs_chromium
@pytest.mark.browser
def test_a_report_page_draws_its_charts_from_the_published_frames(built_site, server, chromium):
    from selenium.webdriver.common.by import By

    frames = chart_frames(built_site)
    assert frames, "the built site publishes its chart frames"
    # (a chart whose every value is 0 is not drawn, session 47: its caption names it and says so; a page drawing one)
    zero = re.compile(r"<div [^>]*\bdata-zero\b[^>]*></div>\s*<script[^>]*>.*?</script>", re.S)
    page = next(p for p in report_page_files(built_site) if "xxgk-spec" in zero.sub("", read_page(p)))
    chromium.set_window_size(1366, 1000)
    chromium.get(f"{server}/{page.relative_to(built_site).as_posix()}")
    charts = draw_charts(chromium)
    assert charts
    titles = [t.text for t in chromium.find_elements(By.CSS_SELECTOR, ".xxgk-chart .gtitle")]
    specs = [expand_spec(json.loads(m), frames) for m in SPEC.findall(zero.sub("", read_page(page)))]
    assert specs and titles == [s["layout"]["title"]["text"] for s in specs]  # the title lives only in the frame
    assert chromium.find_elements(By.XPATH, "//figcaption//button[contains(., 'CSV') and not(@aria-disabled)]")


@needs_chromium
@pytest.mark.browser
def test_a_chart_whose_frame_cannot_be_loaded_says_so(built_site, tmp_path, chromium):
    from selenium.webdriver.common.by import By

    from .conftest import serving

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "json" / "f")  # a half-copied site: the pages name frames that are not there
    page = next(p for p in report_page_files(site) if "xxgk-spec" in read_page(p))
    with serving(site) as url:
        chromium.get(f"{url}/{page.relative_to(site).as_posix()}")
        chart = chromium.find_elements(By.CSS_SELECTOR, "div.xxgk-chart")[0]
        chromium.execute_script("arguments[0].scrollIntoView()", chart)
        wait_for(lambda: "图表未能加载" in chart.text)
        assert not chart.find_elements(By.CSS_SELECTOR, ".main-svg")
