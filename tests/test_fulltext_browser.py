"""The header search's full-text results in real headless Chromium when the index is in several shards:
``assets/search.js`` opens the first bundle and merges the others (Pagefind's ``mergeIndex``), so a word
found in pages of different shards lists them all, and a hit opens its source page."""

from __future__ import annotations

import re
import shutil

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]
WORD = "政府信息公开"  # in every report's title


@pytest.fixture(scope="module")
def sharded(built_site, tmp_path_factory):
    """The seeds' site indexed with a shard budget of its largest source page: ≥ 3 shards."""
    from xxgk.site.fulltext import index_full_text, shards, source_pages

    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site, site)
    budget = max(p.stat().st_size for p in source_pages(site))
    assert index_full_text(site, budget=budget) == 0
    groups = [[p.name for p in group] for group in shards(source_pages(site), budget)]
    assert len(groups) >= 3
    return site, groups


@pytest.fixture(scope="module")
def served_site(sharded):
    return sharded[0]


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def test_full_text_results_come_from_every_shard(server, browser, sharded):
    from selenium.webdriver.common.by import By

    site, groups = sharded
    containing = {p.name for p in (site / "src").glob("*.html") if WORD in p.read_text(encoding="utf-8")}
    assert len(containing) >= 3
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    browser.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys(WORD)
    metas = ".xxgk-fulltext-hits .md-search-result__meta"
    meta = _wait(lambda: [e for e in browser.find_elements(By.CSS_SELECTOR, metas) if "份报告" in e.text], 20)
    assert re.search(r"(\d+) 份报告", meta[0].text).group(1) == str(len(containing))  # all shards searched
    hits = browser.find_elements(By.CSS_SELECTOR, ".xxgk-fulltext-hits a.xxgk-fulltext-hit")
    found = {h.get_attribute("href").rsplit("/", 1)[-1].split("#")[0] for h in hits}
    assert found <= containing and len(found) == min(5, len(containing))
    shard_of = {name: k for k, group in enumerate(groups) for name in group}
    assert len({shard_of[name] for name in found}) >= 2  # results merged from more than one bundle
    hits[-1].click()
    _wait(lambda: "/src/" in browser.current_url)
    assert WORD in browser.find_element(By.TAG_NAME, "body").text
