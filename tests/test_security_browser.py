"""Issue 12, in real headless Chromium: script in an agency name (manifest), in a file name shown as
the title, in a manifest URL, in CHANGELOG.md and in chart labels is shown as text, never run."""

from __future__ import annotations

import shutil

import pytest

from xxgk.site.data import read_csv

from .conftest import ROOT, SEEDS, draw_charts, needs_chromium, read_page, report_page_url
from .conftest import wait_for as _wait
from .factory import tab_report

pytestmark = [pytest.mark.browser, needs_chromium]

TITLE_FILE = "<img src=x onerror=window.__xss=3>.txt"  # no title in the text: the file name is shown
UNTITLED = tab_report(agency="").split("\n", 1)[1]
MANIFEST = (
    "file,agency,year,url,retrieved_at,notes\n"
    '"script.txt","</title><script>window.__xss=1</script>局",2024,"javascript:window.__xss=4",,\n'
    '"del.txt","删除\x7f局 [x](javascript:window.__xss=5)",2024,,,\n'
    '"link.txt","<a href=""javascript:window.__xss=6"">链接局</a>",2024,,,\n')


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    reports = work / "reports"
    reports.mkdir()
    shutil.copy(SEEDS / "002_b58105edacdfa4c5.txt", reports)
    for name in ("script.txt", "del.txt", "link.txt"):
        (reports / name).write_text(tab_report(agency="正文局"), encoding="utf-8")
    (reports / TITLE_FILE).write_text(UNTITLED, encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    (reports / "CHANGELOG.md").write_text("# 变更\n<script>window.__xss=7</script>\n", encoding="utf-8")
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)  # mkdocs + bulk pages
    assert code == 0
    rows = {r["source_file"]: r for r in read_csv(work / "datapackage" / "data" / "reports.csv")}
    return work / "site", rows


@pytest.fixture(scope="module")
def served_site(hostile_site):
    return hostile_site[0]  # conftest's ``server`` serves it


def _visit(browser, url: str) -> None:
    """Open ``url`` and bring every chart into view (plotly loads and draws a chart when it is seen)."""
    browser.get(url)
    _wait(lambda: browser.execute_script("return document.readyState") == "complete")
    draw_charts(browser)


def test_script_in_titles_urls_and_chart_labels_is_not_executed(hostile_site, server, chromium):
    from selenium.webdriver.common.by import By

    site, rows = hostile_site
    pages = ["/", "/agencies/", "/compare/", "/quality/", "/report-card/"] + [  # the pages, not the old URLs
        report_page_url(site, rows[n]["report_id"]) for n in ("script.txt", "del.txt", "link.txt", TITLE_FILE)] + [
        f"/a/{rows[name]['agency_id']}/" for name in ("script.txt", "del.txt", "link.txt") if rows[name]["agency_id"]]
    for page in pages:
        _visit(chromium, server + page)
        assert chromium.execute_script("return window.__xss === undefined"), page
        links = "a[href^='javascript'], .xxgk-chart a, #xxgk-compare-chart a"
        assert not chromium.find_elements(By.CSS_SELECTOR, links), page
        assert not chromium.find_elements(By.CSS_SELECTOR, "article img, h1 img, title script"), page
    _visit(chromium, server + report_page_url(site, rows["script.txt"]["report_id"]))
    assert "＜/title＞＜script＞" in chromium.title  # shown as text, in full-width brackets
    assert "javascript:window.__xss=4" in chromium.find_element(By.TAG_NAME, "article").text  # as text
    _visit(chromium, server + report_page_url(site, rows[TITLE_FILE]["report_id"]))
    assert "onerror" in chromium.title
    _visit(chromium, server + "/compare/")  # the hostile agency names are chart labels there
    drawn = "#xxgk-compare-chart[data-drawn] .main-svg"  # the default view: the largest agencies of the latest year
    _wait(lambda: chromium.find_elements(By.CSS_SELECTOR, drawn))  # the chart did draw, hostile names in it
    assert chromium.execute_script("return window.__xss === undefined")
    assert not chromium.find_elements(By.CSS_SELECTOR, "#xxgk-compare-chart a, .xxgk-chart a")


def test_the_changelog_is_a_download_not_a_page(hostile_site, server, chromium):
    site, _ = hostile_site
    assert "<script>window.__xss=7" in (site / "downloads" / "CHANGELOG.md.txt").read_text(encoding="utf-8")
    assert not (site / "downloads" / "CHANGELOG").exists()
    # shown as text on the data page (更新记录), never as markup: no page holds the script element
    assert not any("<script>window.__xss=7" in read_page(p) for p in site.rglob("*.html"))
    _visit(chromium, server + "/downloads/CHANGELOG.md.txt")
    assert chromium.execute_script("return window.__xss === undefined")
