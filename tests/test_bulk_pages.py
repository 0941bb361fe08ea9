"""The bulk pages (report, agency, source) rendered outside MkDocs are the pages MkDocs built.

The reference is the way the site was built before: every page written into the docs folder (report and
agency pages as Markdown plus their HTML blocks, put back by the ``on_page_content`` hook; source pages
as plain files) and one ``mkdocs build`` over all of them. The new way:
``mkdocs build`` of the editorial pages, then ``bulk.render_bulk``. The two sites must be the same files
with the same bytes — the report and agency pages, the editorial pages, the search index and the 404 page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import ROOT, SHOTS, click_still, needs_chromium, report_page_files, wait_for


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site_src(built_site):
    """The seeds plus the hostile report, package and pages (spooled bulk pages included): the ``site_src`` the
    session's ``built_site`` was rendered from (made once a run; nothing here writes into it)."""
    return built_site.parent / "site_src"


@pytest.fixture(scope="module")
def through_mkdocs(site_src, tmp_path_factory):
    """The site as MkDocs built it when it rendered every page itself."""
    from xxgk.site.build import config_for
    from xxgk.site.bulk import as_mkdocs_source, spooled

    work = tmp_path_factory.mktemp("reference")
    docs = work / "docs"
    shutil.copytree(site_src, docs, ignore=shutil.ignore_patterns(".bulk"))
    for entry in spooled(site_src):
        as_mkdocs_source(entry, docs)
    for entry in spooled(site_src, "files.jsonl"):
        (docs / entry["path"]).parent.mkdir(parents=True, exist_ok=True)
        (docs / entry["path"]).write_text(entry["text"], encoding="utf-8", newline="")
    config = config_for(docs, work / "mkdocs.yml", ROOT)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(work / "site")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "prefix dict" not in result.stderr  # the search plugin's jieba quiet (mkdocs_hooks.on_config)
    return work / "site"


def _render(site_src: Path, work: Path, **options) -> Path:
    from xxgk.site.build import config_for, render_site

    work.mkdir(parents=True, exist_ok=True)
    config = config_for(site_src, work / "mkdocs.yml", ROOT)
    code, stats = render_site(site_src, config, work / "site", strict=True, **options)
    assert code == 0 and stats.rendered
    return work / "site"


def test_the_bulk_pages_rendered_outside_mkdocs_are_the_pages_mkdocs_built(site_src, through_mkdocs, tmp_path):
    site = _render(site_src, tmp_path, workers=1)
    reference, ours = _files(through_mkdocs), _files(site)
    assert "robots.txt" in ours  # written from the finished site (sitemap.py), never by MkDocs: not compared
    ours = {path: data for path, data in ours.items() if not path.startswith(("robots.txt", "sitemap"))}
    pages = [p for p in reference if p.startswith(("a/", "r/")) and p.endswith(".html")]
    reports = [p for p in pages if p.count("/") == 2 and not p.endswith("/index.html")]
    assert len(reports) >= 5, "report pages a/<agency>/<year>.html (files, no folder each) are compared"
    assert len([p for p in pages if p.count("/") == 2 and p.endswith("/index.html")]) >= 4, "and agency pages"
    assert not [p for p in reference if p.startswith("a/") and p.count("/") > 2], "no folder per report"
    assert sorted(ours) == sorted(reference)
    different = [p for p in reference if ours[p] != reference[p]]
    assert different == [], f"pages differ from MkDocs' own: {different[:5]}"


def test_a_report_page_keeps_the_theme_shell_its_toc_and_relative_links(site_src, tmp_path):
    site = _render(site_src, tmp_path, workers=1)
    page = report_page_files(site)[0]
    html = page.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)  # minified (site/minify.py): attributes unquoted where HTML allows it
    assert doc.get("lang") == "zh-CN" and doc.xpath("//header[contains(@class, 'md-header')]")
    assert doc.xpath("//footer[contains(@class, 'md-footer')]")
    assert doc.xpath("//link[@href='../../assets/xxgk.css']")  # a file two levels down: a/<agency>/<year>.html
    assert doc.xpath("//a[@href='../../compare/']")  # the navigation, relative to the page
    assert doc.xpath("//header//label[@for='__search']")  # the search button (its dialog: assets/xxgk-shell.js)
    assert doc.xpath("//script[@src='../../assets/xxgk-shell.js']")
    assert [h for h in doc.xpath("//h2[@id]") if h.text_content().startswith("报告评估")]  # anchors (the toc)
    assert "<!--xxgk:" not in html and "<table" in html  # every block put back


def test_many_workers_and_small_chunks_write_the_same_site(site_src, tmp_path, monkeypatch):
    from xxgk.site import bulk

    one = _files(_render(site_src, tmp_path / "one", workers=1))
    monkeypatch.setattr(bulk, "CHUNK", 2)  # several chunks, so the process pool is used
    pool = _render(site_src, tmp_path / "pool", workers=2)
    assert _files(pool) == one


def test_a_spooled_path_never_leaves_the_site(tmp_path):
    from xxgk.site.bulk import Spool, copy_files

    site_src = tmp_path / "src"
    with Spool(site_src) as spool:
        spool.file("../outside.html", "x")
    with pytest.raises(ValueError):
        copy_files(site_src, tmp_path / "site")
    assert not (tmp_path / "outside.html").exists()


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width,height,mobile", [(1366, 900, False), (390, 844, True)])
def test_a_bulk_page_navigates_like_any_other(server, chromium, built_site, width, height, mobile):
    """A report page rendered outside MkDocs, in Chromium: its header, navigation (sidebar at 1366 px, the
    drawer at 390 px), instant navigation to an editorial page and back, and the search dialog all work."""
    from selenium.webdriver.common.by import By

    report = report_page_files(built_site)[0].relative_to(built_site).as_posix()
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    try:
        chromium.get(f"{server}/{report}")
        wait_for(lambda: chromium.find_elements(By.CSS_SELECTOR, "header.md-header"))
        title = chromium.find_element(By.TAG_NAME, "h1").text
        assert "年度" in title
        assert chromium.execute_script("return getComputedStyle(document.querySelector('.md-header')).position")
        chromium.save_screenshot(str(SHOTS / f"bulk-report-{width}.png"))
        if mobile:
            chromium.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__drawer']").click()
            wait_for(lambda: chromium.execute_script("return document.getElementById('__drawer').checked"))
            chromium.save_screenshot(str(SHOTS / f"bulk-report-{width}-drawer.png"))
        link = wait_for(lambda: [a for a in chromium.find_elements(By.CSS_SELECTOR, ".md-nav--primary a.md-nav__link")
                                 if a.text.strip() == "比较" and a.is_displayed()])[0]
        click_still(chromium, link)  # (on a phone, once the drawer has slid in)
        wait_for(lambda: chromium.current_url.endswith("/compare/")
                 and chromium.find_element(By.TAG_NAME, "h1").text == "比较各机构")
        chromium.back()
        wait_for(lambda: chromium.current_url.endswith(f"/{report}")
                 and chromium.find_element(By.TAG_NAME, "h1").text == title)
        if chromium.execute_script("return document.getElementById('__drawer').checked"):
            next(e for e in chromium.find_elements(By.CSS_SELECTOR, "label.md-nav__title[for='__drawer']")
                 if e.is_displayed()).click()  # the drawer's own header closes it, as a reader does
        next(e for e in chromium.find_elements(By.CSS_SELECTOR, "label.md-header__button[for='__search'], "
                                                              ".md-search__input") if e.is_displayed()).click()
        box = wait_for(lambda: [b for b in chromium.find_elements(By.CSS_SELECTOR, "input.md-search__input")
                                if b.is_displayed()])[0]
        box.send_keys("数据下载")
        hits = wait_for(lambda: [r for r in chromium.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
                                 if r.text.strip()], 20)
        assert any(h.get_attribute("href").startswith(server) for h in hits)  # links resolved from depth 2
        chromium.save_screenshot(str(SHOTS / f"bulk-report-{width}-search.png"))
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


class DyingCache:
    """A page cache whose first lookup in a rendering worker kills that worker (as the OOM killer would end it);
    in the building process itself it is an empty cache. Module-level: the spawned workers unpickle it."""

    def key(self, line: str) -> str:
        return ""

    def get(self, line: str):
        import multiprocessing
        import os

        if multiprocessing.parent_process() is not None:
            os._exit(9)
        return None, None

    def put(self, line: str, html: bytes) -> None:
        pass

    def put_all(self, pages) -> None:
        pass

    def prune(self, used) -> int:
        return 0


def test_rendering_workers_killed_do_not_stop_the_build_nor_change_the_site(site_src, tmp_path, monkeypatch, capfd):
    import types

    from xxgk.site import build as site_build
    from xxgk.site import bulk

    one = _files(_render(site_src, tmp_path / "one", workers=1))
    monkeypatch.setattr(bulk, "CHUNK", 2)  # several chunks, so the process pool is used
    monkeypatch.setattr(site_build, "PageCache", types.SimpleNamespace(open=lambda cache_dir, config: DyingCache()))
    capfd.readouterr()
    killed = _render(site_src, tmp_path / "killed", workers=2, cache_dir=tmp_path / "cache")
    assert _files(killed) == one
    assert "rendered in this process" in capfd.readouterr().err
