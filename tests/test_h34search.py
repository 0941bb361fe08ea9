"""Session 34, search: the known defects of the agency search, the full-text search and the 404 page.

1. A shard list (``pagefind/shards.json``) kept by the browser after a rebuild (GitHub Pages serves every file with
   ``max-age=600``) named a first shard whose ``pagefind.js`` was gone: the full-text results vanished without a word.
   The list is asked for afresh; a full-text search that cannot load says so.
2. A mistyped agency address (``/a/fujian-pingtan/``) got the plain 404: now the nearest agencies, and a search box.
3. The short names 科技委, 科技局, 科技厅 (and 文旅厅, 交通厅, 应急厅, 人防办) were unknown to the resolver and the
   agency search: 上海市科技委 was an agency of its own, and 上海科技委 found nothing.

The expected names are written by hand from the agencies' official names, not produced by the code under test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from xxgk.agency import name_to_agency
from xxgk.site.serve import SiteHandler

from .conftest import SHOTS, indexed_copy, needs_chromium, needs_shared, serving
from .conftest import wait_for as _wait

WORD = "政府信息公开"  # in every report's title


# printed name → the agency's full name (and the same agency id as the full name printed)
SHORT = [
    ("上海市科技委", "上海市科学技术委员会"),
    ("成都市科技局", "成都市科学技术局"),
    ("广东省科技厅", "广东省科学技术厅"),
    ("广东省文旅厅", "广东省文化和旅游厅"),
    ("广东省交通厅", "广东省交通运输厅"),
    ("广东省应急厅", "广东省应急管理厅"),
    ("南京市人防办", "南京市人民防空办公室"),
]


@pytest.mark.parametrize(("printed", "full"), SHORT)
def test_a_short_name_is_the_agency_of_its_full_name(printed, full):
    short, whole = name_to_agency(printed, "", {}), name_to_agency(full, "", {})
    assert short.name == full
    assert short.agency_id == whole.agency_id  # one agency, one page (上海市科技委 was shanghai-kejiwei)
    assert short.kind == "department"


def test_the_404_page_has_a_search_box_that_works_without_javascript(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    form = re.search(r"<form[^>]*id=\"?xxgk-404-find\"?[^>]*>.*?</form>", page, re.S)
    assert form, "no search box on the 404 page"
    assert re.search(r"action=\"?[^\" >]*agencies/\"?", form.group(0))  # the agency index's finder
    assert re.search(r"name=\"?find\"?", form.group(0))  # read as ?find= (search.js finder)


# ---- in Chromium, on the seeds and the corpus, indexed in several shards ----

class _Cached(SiteHandler):
    """As GitHub Pages serves a site: every file may be kept ten minutes (``Cache-Control: max-age=600``)."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def corpus_site(seeds_corpus_site, tmp_path_factory):
    """The seeds and the corpus, the full text indexed in shards of at most its largest source page (several)."""
    from xxgk.site.fulltext import source_pages

    budget = max(p.stat().st_size for p in source_pages(seeds_corpus_site))
    return indexed_copy(seeds_corpus_site, tmp_path_factory.mktemp("h34search"), budget=budget)


@pytest.fixture(scope="module")
def served_site(corpus_site):
    return corpus_site  # conftest's ``server`` serves it


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def _shot(browser, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"h34search-{name}.png"))


def _page_count(browser, url: str) -> str:
    """The full-text page's status once its search has settled."""
    from selenium.webdriver.common.by import By

    browser.get(url)
    _wait(lambda: browser.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done", 30)
    return browser.find_element(By.ID, "xxgk-fulltext-status").text


def _shift_shards(site: Path) -> None:
    """A rebuild whose first shard moved (as when shard 0's pages have no text: ``fulltext.EMPTY``, left out): every
    shard one number on, the manifest rewritten; ``pagefind/0/`` is gone."""
    import json

    output = site / "pagefind"
    names = json.loads((output / "shards.json").read_text(encoding="utf-8"))["shards"]
    numbers = sorted((int(name.rstrip("/")) for name in names), reverse=True)
    for k in numbers:
        (output / str(k)).rename(output / str(k + 1))
    (output / "shards.json").write_text(json.dumps({"shards": [f"{k + 1}/" for k in sorted(numbers)]}),
                                        encoding="utf-8")


@needs_shared
@needs_chromium
@pytest.mark.browser
def test_full_text_still_searches_after_a_rebuild_moved_the_first_shard(corpus_site, browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(corpus_site, site)
    assert len(list((site / "pagefind").glob("*/pagefind-entry.json"))) >= 2
    with serving(site, _Cached) as url:
        page = url + "/fulltext/?text=" + WORD
        before = _page_count(browser, page)
        assert re.search(r"\d+ 份报告", before), before
        _shift_shards(site)  # the site rebuilt; the browser keeps the shard list it was given (max-age=600)
        after = _page_count(browser, page)
        _shot(browser, "fulltext-after-rebuild")
    assert after == before


@needs_shared
@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("missing", ["pagefind.js", "pagefind-entry.json"])
def test_full_text_that_cannot_load_says_so(corpus_site, browser, tmp_path, missing):
    """A partly published site: the first shard's code, or its entry (before: the search waited for it for good,
    ``mergeIndex`` waiting on the first shard)."""
    from selenium.webdriver.common.by import By

    site = tmp_path / "site"
    shutil.copytree(corpus_site, site)
    (site / "pagefind" / "0" / missing).unlink()
    with serving(site, _Cached) as url:
        said = _page_count(browser, url + "/fulltext/?text=" + WORD)
        assert "原文检索未能加载" in said, said  # (before: 本站没有原文检索索引, as if the site had none)
        browser.get(url + "/")
        browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
        browser.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys(WORD)
        meta = _wait(lambda: [e.text for e in browser.find_elements(
            By.CSS_SELECTOR, ".xxgk-fulltext-hits .md-search-result__meta") if e.text], 20)
        _shot(browser, f"header-fulltext-not-loaded-{missing}")
    assert meta[0].startswith("报告原文：原文检索未能加载"), meta  # (before: nothing under the agencies)


@needs_shared
@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("query", ["上海科技委", "上海市科技委", "科技委"])
def test_the_finder_knows_the_science_commission_by_its_short_name(server, browser, query):
    from selenium.webdriver.common.by import By

    browser.get(server + "/agencies/?find=" + query)
    hits = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-agency-finder-results a"))
    assert hits and hits[0].text == "上海市科学技术委员会", (query, [h.text for h in hits])


@needs_shared
@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_a_mistyped_agency_address_lists_the_nearest_agencies_and_a_search_box(server, browser, width):
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 900)
    try:
        browser.get(server + "/a/fujian-pingtan/")
        links = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-404-nearest a"), 30)
        assert links[0].text == "平潭综合实验区"
        assert links[0].get_attribute("href") == server + "/a/fujian-pingtanzongheshiyanqu/"
        assert "fujian-pingtan" in browser.find_element(By.ID, "xxgk-404-status").text
        box = browser.find_element(By.ID, "xxgk-404-find-q")
        assert box.is_displayed() and box.get_attribute("value") == "fujian pingtan"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # no sideways scroll
        _shot(browser, f"404-nearest-{width}")
        box.submit()  # the box: the agency index's finder, with its words
        found = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-agency-finder-results a"), 30)
        assert found[0].text == "平潭综合实验区"
    finally:
        browser.set_window_size(1366, 1000)


@needs_shared
@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize(("path", "first", "target"), [
    ("/a/fujain-pingtan/2023.html", "平潭综合实验区 2023年度报告", "/a/fujian-pingtanzongheshiyanqu/2023.html"),
    ("/a/shanghai-kejiwei/", "上海市科学技术委员会", "/a/shanghai-kexuejishuweiyuanhui/"),  # (its id before)
    ("/a/qinghai-haixi-geermu-renminzhengfo/", "格尔木市人民政府", "/a/qinghai-haixi-geermu-renminzhengfu/"),
    ("/a/pingtn/", "平潭综合实验区", "/a/fujian-pingtanzongheshiyanqu/"),  # a letter dropped
    ("/a/Liaoning-Anshan-Haicheng/", "海城市数据局", "/a/liaoning-anshan-haicheng-shujuju/"),  # capitals, cut short
])
def test_an_old_or_misspelt_agency_id_offers_the_agency_it_meant(server, browser, path, first, target):
    from selenium.webdriver.common.by import By

    browser.get(server + path)
    links = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-404-nearest a"), 30)
    assert links[0].text == first, [a.text for a in links]
    assert links[0].get_attribute("href") == server + target


@needs_shared
@needs_chromium
@pytest.mark.browser
def test_an_agency_id_near_none_says_so_and_offers_the_box(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/a/zzz-qqq/")
    _wait(lambda: "没有与它相近的机构" in browser.find_element(By.ID, "xxgk-404-status").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "#xxgk-404-nearest a")
    assert browser.find_element(By.ID, "xxgk-404-find-q").is_displayed()


@needs_shared
@needs_chromium
@pytest.mark.browser
def test_the_nearest_agencies_are_those_near_the_whole_id(server, browser):
    """qinghai-haixi-geermu-renminzhengfo: 格尔木's two agencies (the government first), not every agency whose id
    shares one part with it (湟中区人民政府: qinghai; 上海市人民政府办公厅: renminzhengfu…)."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/a/qinghai-haixi-geermu-renminzhengfo/")
    links = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-404-nearest a"), 30)
    assert [a.text for a in links] == ["格尔木市人民政府", "格尔木市数据局"]


class _SlowScript(_Cached):
    """xxgk.js answered two seconds late (a slow link or a loaded server): the 404 page's own script, in the body,
    has its fetches answered before xxgk.js has run."""

    def do_GET(self):
        if self.path.split("?")[0].endswith("/assets/xxgk.js"):
            import time

            time.sleep(2)
        super().do_GET()


@needs_shared
@needs_chromium
@pytest.mark.browser
def test_a_mistyped_agency_address_lists_the_nearest_agencies_when_the_sites_script_comes_late(corpus_site, browser):
    """Before, the nearest agencies were looked for once the registry had come, with no wait for xxgk.js: when it
    came later, nothing was listed and nothing said so (a flaky test under load showed it)."""
    from selenium.webdriver.common.by import By

    with serving(corpus_site, _SlowScript) as url:
        browser.get(url + "/a/fujain-pingtan/2023.html")
        links = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-404-nearest a"), 30)
        assert links[0].text == "平潭综合实验区 2023年度报告", [a.text for a in links]
