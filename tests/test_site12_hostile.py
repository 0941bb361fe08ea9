"""Hostile text in the sinks the first security rounds did not walk (test_security_browser.py: titles, manifest URLs,
the default comparison's chart, the changelog): agency names with markup, Jinja, Markdown links, bidi and
zero-width characters, a 100-character name and a formula starter, through the agency finder, a comparison the
reader chose (its chips, chart, hover text, table, PNG and CSV), every page at a desktop's and a phone's width, and
``sitemap.xml``. Nothing may run, no element may be made from the text, no page may be widened by it."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import xml.dom.minidom

import pytest

from .conftest import ROOT, needs_chromium, own_tab, read_page
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import _viewport

pytestmark = [pytest.mark.browser, needs_chromium]

LONG = "格尔木市" + "超长名称" * 23 + "局"  # 97 characters: the longest the manifest may give is 100 (MAX_NAME)
AGENCIES = {  # file → the agency the manifest names (the text names another)
    "a.txt": '格尔木市"><img src=x onerror=window.__xss=1>数据局',
    "b.txt": "格尔木市{{ config }}{% raw %}[点我](javascript:window.__xss=3)局",
    "c.txt": "=cmd|' /C calc'!A0格尔木市教育局",
    "d.txt": "格尔木市\u202e\u200b公安\u2066局\u200d",
    "e.txt": LONG,
    "f.txt": "<script>window.__xss=4</script>湟中区财政局",
}
NARRATIVE = "概述<script>window.__xss=5</script>{{ x }}[a](javascript:window.__xss=6) =1+2 \u202eabc"
UNTITLED = '"><svg onload=window.__xss=7>=HYPERLINK(1).txt'  # no title in the text: the file name is shown
INVISIBLE = ("\u202e", "\u2066", "\u200b", "\u200d")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    work = tmp_path_factory.mktemp("hostile12")
    reports = work / "reports"
    reports.mkdir()
    with (reports / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle)
        rows.writerow(["file", "agency", "year", "url", "retrieved_at", "notes"])
        for n, (name, agency) in enumerate(AGENCIES.items()):  # each its own numbers: no byte-identical copies
            rows.writerow([name, agency, 2024, "javascript:window.__xss=8", "", "<b>note</b>"])
            (reports / name).write_text(tab_report(agency="格尔木市数据局", narrative=NARRATIVE, carried_over=n),
                                        encoding="utf-8")
    (reports / UNTITLED).write_text(tab_report(agency="").split("\n", 1)[1], encoding="utf-8")
    shutil.copy(ROOT / "reports" / "002_b58105edacdfa4c5.txt", reports)  # a plain report beside them
    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    with pytest.MonkeyPatch.context() as patch:  # published somewhere: canonical links and the sitemap
        patch.setenv("XXGK_SITE_URL", "https://example.org/xxgk/")
        code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)
    assert code == 0
    return work / "site"


@pytest.fixture(scope="module")
def served_site(hostile):
    return hostile


@pytest.fixture
def downloads(chromium, tmp_path):
    """A tab of its own of the process's one Chromium (``own_tab``; a Chromium started for it: ≈ 2–3 s), 1366 px
    wide, saving its downloads in a folder of its own."""
    with own_tab(chromium, tmp_path) as driver:
        driver.set_window_size(1366, 900)
        yield driver


def _agencies(site) -> list[dict]:
    return json.loads((site / "json" / "agencies.json").read_text(encoding="utf-8"))["agencies"]


def _inert(driver, where: str) -> None:
    assert driver.execute_script("return window.__xss === undefined"), where
    made = driver.execute_script(
        "return Array.from(document.querySelectorAll('article img, article svg a, .xxgk-chart a, "
        "#xxgk-compare-chart a, a[href^=javascript], a[href^=\"JavaScript\"], script:not([src]):not([type])'))"
        ".filter(function (e) { return !e.closest('head'); }).map(function (e) { return e.outerHTML.slice(0, 80); });")
    assert not [m for m in made if "xss" in m], (where, made)


def test_every_page_at_both_widths_shows_the_names_as_text_and_is_not_widened_by_them(hostile, server, chromium):
    pages = sorted("/" + p.relative_to(hostile).as_posix() for p in hostile.rglob("*.html")
                   if not p.relative_to(hostile).as_posix().startswith(("src/", "assets/")))
    for viewport, width in (("desktop", 1366), ("phone", 390)):
        _viewport(chromium, viewport)
        try:
            for page in pages:
                chromium.get(server + page)
                _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
                _inert(chromium, page)
                # the long name wraps; it never makes the reader scroll the page sideways
                assert chromium.execute_script("return document.documentElement.scrollWidth") <= width, (viewport, page)
        finally:
            chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    for page in hostile.rglob("*.html"):  # bidi controls and zero-width characters never reach a page
        text = page.read_text(encoding="utf-8")
        assert not any(c in text for c in INVISIBLE), page.relative_to(hostile)
    agency_page = next(p for p in hostile.glob("a/*/index.html") if "config" in p.parent.name)
    assert "{{config}}" in read_page(agency_page).replace(" ", "")  # Jinja shown as printed, never evaluated


def test_the_agency_finder_lists_hostile_names_as_text(hostile, server, chromium):
    chromium.get(server + "/agencies/")
    finder = _wait(lambda: chromium.find_elements("id", "xxgk-agency-finder"))[0]
    finder.send_keys("格尔木")
    names = {a["n"] for a in _agencies(hostile)}
    text = _wait(lambda: (t := chromium.find_element("css selector", "article").text) and "<script>" in t and t)
    assert any("onerror=window.__xss=1" in n for n in names) and "onerror=window.__xss=1" in text
    assert not any(c in "".join(names) for c in INVISIBLE)  # the search JSON holds no bidi or zero-width either
    _inert(chromium, "/agencies/ finder")


def test_a_chosen_comparison_of_hostile_agencies_draws_hovers_and_downloads_as_text(hostile, server, downloads):
    from selenium.webdriver.common.action_chains import ActionChains

    agencies = [a for a in _agencies(hostile) if a["id"] and a["n"] != "格尔木市数据局"]
    ids = [a["id"] for a in agencies]
    downloads.get(server + f"/compare/?agencies={','.join(ids)}&metric=received&year=2024")
    bars = _wait(lambda: downloads.find_elements("css selector", "#xxgk-compare-chart .bars path"))
    _inert(downloads, "compare")
    hovers = []
    for bar in bars:  # the hover text of each bar: the name as text
        downloads.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
        ActionChains(downloads).move_to_element(bar).perform()
        _inert(downloads, "compare hover")
        hovers.append(downloads.execute_script("var h = document.querySelector('#xxgk-compare-chart .hoverlayer');"
                                               "return h ? h.textContent : '';"))
    assert any("onerror=window.__xss=1" in h for h in hovers), hovers  # drawn as text, no element made from it
    assert downloads.execute_script("return document.documentElement.scrollWidth") <= 1366
    ticks = downloads.execute_script("return Array.from(document.querySelectorAll('#xxgk-compare-chart .ytick text'))"
                                     ".map(function (t) { return t.textContent; });")
    assert ticks and max(len(t) for t in ticks) <= 30, ticks  # the long name is cut on the axis (whole in the hover)
    png = _wait(lambda: [b for b in downloads.find_elements("id", "xxgk-compare-png") if b.is_displayed()])[0]
    downloads.execute_script(  # the figure the PNG is drawn from (plotly draws it off screen, then saves it)
        "var draw = Plotly.newPlot; Plotly.newPlot = function (div, data, layout) {"
        " if (layout.width === 1000) window.__png = layout.yaxis.ticktext; return draw.apply(this, arguments); };")
    png.click()
    _wait(lambda: list(downloads.downloads.glob("*.png")), 30)
    _inert(downloads, "compare PNG")
    png_ticks = downloads.execute_script("return window.__png")
    shown = [html.unescape(tick) for tick in png_ticks or []]  # plotly's text: & < > as entities
    assert shown and 24 < max(map(len, shown)) <= 40, shown  # the 1000 px image names more of a long name
    downloads.find_element("id", "xxgk-compare-csv").click()
    path = _wait(lambda: next((p for p in downloads.downloads.glob("*.csv") if p.stat().st_size), None))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    by_id = {a["id"]: a["n"] for a in agencies}
    for row in rows:
        name = row["机构"]
        assert name == by_id[row["agency_id"]] or name == "'" + by_id[row["agency_id"]], row  # as printed
        assert not re.match(r"[=+\-@]", name), name  # never a formula for a spreadsheet


def test_the_sitemap_is_xml_that_names_only_pages_of_the_site(hostile):
    def locs_of(name: str) -> list[str]:
        text = (hostile / name).read_text(encoding="utf-8")
        document = xml.dom.minidom.parseString(text.encode("utf-8"))
        locs = [loc.firstChild.data for loc in document.getElementsByTagName("loc")]
        assert locs and all(re.fullmatch(r"https://example\.org/xxgk/[\w/.-]*", loc) for loc in locs), locs
        return [loc.removeprefix("https://example.org/xxgk/") for loc in locs]

    pages = [page for name in locs_of("sitemap.xml") for page in locs_of(name)]  # an index of sitemaps
    files = [page + "index.html" if page == "" or page.endswith("/") else page for page in pages]
    assert all((hostile / f).is_file() for f in files), files
    bulk = {p.relative_to(hostile).as_posix() for p in (*hostile.glob("a/*/*.html"), *hostile.glob("r/*.html"))}
    assert bulk and bulk <= set(files)  # the hostile agencies' pages and the untitled report's included
