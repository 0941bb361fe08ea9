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


def _crumbs(site, path: str) -> tuple[list[tuple[str, str]], str]:
    nav = _doc(site, path).xpath("//article//nav[@aria-label='位置']")
    assert nav, path
    return ([(a.text_content(), a.get("href")) for a in nav[0].xpath(".//a")],
            nav[0].xpath(".//*[@aria-current='page']")[0].text_content())


def test_find_address_keeps_a_name_readable_and_a_query_whole():
    from xxgk.site.pages import find_address

    assert find_address("青海省") == "../../agencies/?find=青海省"
    # (a manifest's province is outside text: what a query reads as its own is encoded, so the finder gets it whole)
    assert find_address("甲&x=1#乙 丙") == "../../agencies/?find=甲%26x%3D1%23乙%20丙"
    assert find_address("甲\u202e乙") == "../../agencies/?find=甲%E2%80%AE乙"  # (a bidi control: not shown raw)


@pytest.mark.browser
@needs_chromium
def test_an_agency_and_its_reports_lead_back_to_the_agencies_of_their_province(built_site, server, chromium):
    # (session 41: a citizen landing on an agency page from a search engine, the agency index one page (up to 500
    # reports), had 首页 › 机构索引: back to every agency of the country, theirs to be looked for; above 500 reports the
    # crumbs already named the province's part of the split index, session 40)
    import csv

    agency = "qinghai-xining-huangzhong-renminzhengfu"
    step = ("青海省", "../../agencies/?find=青海省")
    assert _crumbs(built_site, f"a/{agency}/index.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step], "湟中区人民政府")
    assert _crumbs(built_site, f"a/{agency}/2025.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step, ("湟中区人民政府", "./")], "2025年度报告")
    with (built_site.parent / "datapackage" / "data" / "agencies.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    qinghai = sorted(r["name"] for r in rows if r["province"] == "青海省")
    assert len(qinghai) >= 2 and len(qinghai) < len(rows)  # (the step narrows the index, and to more than one)
    chromium.set_window_size(1366, 900)
    chromium.get(f"{server}/a/{agency}/")
    crumbs = wait_for(lambda: chromium.find_element("css selector", "nav.xxgk-crumbs"))
    link = crumbs.find_element("link text", "青海省")
    link.click()
    wait_for(lambda: "/agencies/" in chromium.current_url)
    listed = wait_for(lambda: [a.text for a in chromium.find_elements(
        "css selector", "#xxgk-agency-finder-results a") if a.text])
    assert sorted(listed) == qinghai, listed


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory):
    """The seeds, the corpus and 40 synthetic reports with prose as long as real reports' (words beginning with 平 or
    政 in most of them), the full text indexed: a short name's own reports compete with many others."""
    from benchmarks.synthetic import write_reports

    from xxgk.site.fulltext import index_full_text

    from .conftest import SHARED, seeds_and_corpus, site_of

    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    work = tmp_path_factory.mktemp("h41-crowded")
    write_reports(40, seeds_and_corpus(work), prose=True)
    site = site_of(work / "reports", work)
    assert index_full_text(site) == 0
    return site


def _header_reports(driver, base: str, words: str) -> tuple[str, list[str]]:
    """The header search's full-text part for ``words``: its count line and the reports it lists, by name."""
    driver.get(base + "/")
    driver.find_element("css selector", "label.md-search__icon, .md-search__input").click()
    driver.find_element("css selector", "input.md-search__input").send_keys(words)
    meta = wait_for(lambda: [e.text for e in driver.find_elements(
        "css selector", ".xxgk-fulltext-hits .md-search-result__meta") if e.text.startswith("报告原文：")], 30)
    wait_for(lambda: not driver.find_element("css selector", "[data-md-component=search-result]")
             .get_attribute("data-xxgk-hold"))  # (every part has answered the words)
    hits = driver.find_elements("css selector", ".xxgk-fulltext-hits a.xxgk-fulltext-hit")
    names = [a.text.split("\n")[0] for a in hits]
    return meta[0], names


@pytest.mark.browser
@needs_chromium
def test_a_short_name_lists_the_agencys_own_reports_first(crowded_site, chromium):
    # (session 40's leftover, session 41: over the seeds, the corpus and 400 synthetic reports the header listed five
    # other agencies' reports for 平潭 — Pagefind ranks by the words the browser makes of the query, 平 — and said
    # 前 10 份中没有“平潭”, while the agency part above named 平潭综合实验区 and its four reports say 平潭; this site's
    # 40 synthetic reports crowd 平潭 only: 湟中政府 and 格尔木, the agencies tied, were walked on the 400)
    from .conftest import serving

    words, agency = "平潭", "平潭综合实验区"
    own = sorted(p.stem for p in crowded_site.glob("a/fujian-pingtanzongheshiyanqu/*.html") if p.stem.isdigit())
    assert own == ["2019", "2021", "2023", "2025"]  # (the agency's report pages, by year)
    chromium.set_window_size(1366, 900)
    with serving(crowded_site) as url:
        meta, names = _header_reports(chromium, url, words)
    assert len(names) == 5, (meta, names)
    mine = [f"{agency} {year}年度 · 原文" for year in own]
    assert names[:4] == mine, (meta, names)  # its four reports first (Pagefind's order among them: by year here)
    # (their reports say the words as typed: the count line says so, not 前 10 份中没有“平潭”)
    assert "4 份报告含“平潭”" in meta, meta
