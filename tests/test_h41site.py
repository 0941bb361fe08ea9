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

    assert find_address("甲乙省") == "../../agencies/?find=甲乙省"
    # (a manifest's province is outside text: what a query reads as its own is encoded, so the finder gets it whole)
    assert find_address("甲&x=1#乙 丙") == "../../agencies/?find=甲%26x%3D1%23乙%20丙"
    assert find_address("甲\u202e乙") == "../../agencies/?find=甲%E2%80%AE乙"  # (a bidi control: not shown raw)


def _package_rows(site, name: str) -> list[dict]:
    """The rows of a resource of the package ``site`` was built from (``site_of``: beside it)."""
    import csv

    with (site.parent / "datapackage" / "data" / f"{name}.csv").open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.browser
@needs_chromium
def test_an_agency_and_its_reports_lead_back_to_the_agencies_of_their_province(built_site, server, chromium):
    # (session 41: a citizen landing on an agency page from a search engine, the agency index one page (up to 500
    # reports), had 首页 › 机构索引: back to every agency of the country, theirs to be looked for; above 500 reports the
    # crumbs already named the province's part of the split index, session 40)
    from collections import defaultdict

    agencies = _package_rows(built_site, "agencies")
    by_province = defaultdict(list)
    for row in agencies:
        if row["province"]:
            by_province[row["province"]].append(row)
    # a province of two agencies or more, not all of them: the step narrows the index, and to more than one
    province = next(p for p in sorted(by_province) if 2 <= len(by_province[p]) < len(agencies))
    agency = sorted(by_province[province], key=lambda row: row["agency_id"])[0]
    year = next(r["year"] for r in _package_rows(built_site, "reports") if r["agency_id"] == agency["agency_id"])
    step = (province, f"../../agencies/?find={province}")  # (a province's name is letters: as it is)
    assert _crumbs(built_site, f"a/{agency['agency_id']}/index.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step], agency["name"])
    assert _crumbs(built_site, f"a/{agency['agency_id']}/{year}.html") == (
        [("首页", "../../"), ("机构索引", "../../agencies/"), step, (agency["name"], "./")], f"{year}年度报告")
    chromium.set_window_size(1366, 900)
    chromium.get(f"{server}/a/{agency['agency_id']}/")
    crumbs = wait_for(lambda: chromium.find_element("css selector", "nav.xxgk-crumbs"))
    crumbs.find_element("link text", province).click()
    wait_for(lambda: "/agencies/" in chromium.current_url)
    listed = wait_for(lambda: [a.text for a in chromium.find_elements(
        "css selector", "#xxgk-agency-finder-results a") if a.text])
    assert sorted(listed) == sorted(row["name"] for row in by_province[province]), listed


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
def test_a_short_name_lists_the_agencys_own_reports_first(busier_site, chromium):
    # (session 40's leftover, session 41: over the seeds, the corpus and 400 synthetic reports the header listed five
    # other agencies' reports for a two-character short name — Pagefind ranks by the words the browser makes of the
    # query, its first character — and said 前 10 份中没有“…”, while the agency part above named the agency and its
    # four reports say the name; the agency is the corpus' of most reports, typed as its name's first two characters)
    from collections import Counter

    from .conftest import serving

    corpus = [r for r in _package_rows(busier_site, "reports") if r["agency_id"]
              and not r["source_file"].startswith("r0")]  # (not the synthetic reports, r000000.txt …)
    agency_id, count = Counter(r["agency_id"] for r in corpus).most_common(1)[0]
    assert count >= 4
    name = next(r["agency_name"] for r in corpus if r["agency_id"] == agency_id)
    years = sorted(p.stem for p in busier_site.glob(f"a/{agency_id}/*.html") if p.stem.isdigit())
    assert len(years) == count
    words = name[:2]
    chromium.set_window_size(1366, 900)
    with serving(busier_site) as url:
        meta, names = _header_reports(chromium, url, words)
    assert len(names) == 5, (meta, names)
    mine = [f"{name} {year}年度 · 原文" for year in years]
    assert names[:count] == mine, (meta, names)  # its reports first (Pagefind's order among them: by year here)
    # (its reports say the words as typed: the count line says so, not 前 10 份中没有“…”)
    assert f"{count} 份报告含“{words}”" in meta, meta
