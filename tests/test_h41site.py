"""Session 41 (reader journeys round 5: a researcher comparing one agency's years on a phone, a city's transparency
office listing its late or incomplete reports, a citizen landing on an agency page from a search engine, anyone on a
slow network; walked in headless Chromium over the seeds, the corpus and 400 synthetic reports): what misled them."""

from __future__ import annotations

import shutil

import pytest

from .conftest import needs_chromium, wait_for

# every console.warn and console.error of the page, kept for the test (Pagefind warns through console.warn)
WARNINGS = """window.__warned = [];
['warn', 'error'].forEach(function (level) {
  var real = console[level];
  console[level] = function () {
    window.__warned.push(Array.prototype.map.call(arguments, String).join(' '));
    return real.apply(console, arguments);
  };
});"""


@pytest.fixture(scope="module")
def sharded_site(built_site, tmp_path_factory):
    """The seeds' site with its full text indexed in shards of one source page each (a national site's several
    shards, merged in the browser with Pagefind's ``mergeIndex``)."""
    from xxgk.site.fulltext import index_full_text, shards, source_pages

    site = tmp_path_factory.mktemp("h41-sharded") / "site"
    shutil.copytree(built_site, site)
    budget = max(p.stat().st_size for p in source_pages(site))
    assert index_full_text(site, budget=budget) == 0
    assert len(list(shards(source_pages(site), budget))) >= 3
    return site


@pytest.mark.browser
@needs_chromium
def test_a_search_over_several_shards_logs_no_unknown_pagefind_option(sharded_site, chromium):
    # (session 40's leftover: every search on a site of several shards logged "Unknown Pagefind option noWorker" once
    # per merged shard: noWorker is read by Pagefind's wrapper when it is set up, and a merged index's instance takes
    # only its own options — baseUrl, indexWeight, … — so it was passed where it did nothing but warn)
    from .conftest import serving

    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WARNINGS})["identifier"]
    try:
        with serving(sharded_site) as url:
            chromium.set_window_size(1366, 900)
            chromium.get(url + "/")
            chromium.find_element("css selector", "label.md-search__icon, .md-search__input").click()
            chromium.find_element("css selector", "input.md-search__input").send_keys("政府信息公开")
            meta = wait_for(lambda: [e.text for e in chromium.find_elements(
                "css selector", ".xxgk-fulltext-hits .md-search-result__meta") if "份报告" in e.text], 30)
            warned = chromium.execute_script("return window.__warned")
            workers = chromium.execute_script("return performance.getEntriesByType('resource')"
                                              ".filter(e => /pagefind[^/]*worker/.test(e.name)).length")
    finally:
        chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    assert "报告原文：" in meta[0], meta  # every shard answered (the count line comes once all are merged)
    assert not [w for w in warned if "Pagefind" in w], warned
    assert warned == [], warned  # nothing else either
    assert workers == 0  # and Pagefind still searches on the page's thread: no worker of its own asked for


def _doc(site, path):
    import lxml.html

    return lxml.html.document_fromstring((site / path).read_text(encoding="utf-8"))


def test_an_agency_pages_outcome_charts_say_where_their_words_are_explained(built_site):
    # (session 41: a citizen landing on an agency page from a search engine read 办理结果 (予以公开, 不予公开,
    # 无法提供 …) and 不予公开的理由 with no way to their meaning but through a report page's table 三)
    glossary_ids = set(_doc(built_site, "glossary/index.html").xpath("//@id"))
    seen = 0
    for page in sorted((built_site / "a").glob("*/index.html")):
        doc = _doc(built_site, page.relative_to(built_site))
        for heading, anchor in (("办理结果", "granted"), ("不予公开的理由", "denied")):
            h2 = [h for h in doc.xpath("//article//h2") if h.text_content().strip() == heading]
            if not h2:
                continue
            seen += 1
            note = h2[0].getnext()
            assert note.tag == "p", (page, heading)
            # (its one child, small: lxml's HTML 4 parser keeps the figure that follows inside the p, a browser
            # closes the p there)
            said = note.xpath("./small")[0]
            links = [(a.text_content(), a.get("href")) for a in said.xpath(".//a")]
            assert links == [("词语解释", f"../../glossary/#{anchor}")], (page, heading, links)
            assert anchor in glossary_ids
            assert said.text_content().endswith("的含义见词语解释。"), said.text_content()
    assert seen >= 4  # (the seeds' agencies with those charts: each heading checked on several pages)
