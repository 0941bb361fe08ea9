"""Review of session 33's first round (helper F): the edges its "same readings" claims did not test.

* ``json/peer-groups.json`` numbers the peer groups by their place among this build's groups, and the measure files
  give each group's median by that number: a measure file and a peer-groups file of two builds (the site published
  again while the compare page was open, or one of the two served from a browser's cache) paired one agency's year
  with another group's median, shown as 同类组中位数 — a wrong number. The two files now carry the same stamp of the
  numbering (``g``) and ``assets/compare.js`` pairs them only when it matches.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from .conftest import needs_chromium, serving, site_of
from .conftest import wait_for as _wait

A, B = "格尔木市数据局", "德令哈市数据局"  # two county 数据局 of 青海 海西: one peer group a year


@pytest.fixture(scope="module")
def two_groups(tmp_path_factory):
    """A site of two agencies of one peer group over two years (two groups): 本年新收 5 and 7 in 2023 (median 6),
    15 and 17 in 2024 (median 16)."""
    from .factory import tab_report

    work = tmp_path_factory.mktemp("two-groups")
    reports = work / "reports"
    reports.mkdir()
    for name, (agency, year, forward) in {"a23.txt": (A, 2023, 0), "b23.txt": (B, 2023, 2),
                                          "a24.txt": (A, 2024, 10), "b24.txt": (B, 2024, 12)}.items():
        (reports / name).write_text(tab_report(agency=agency, year=year, carried_forward=forward), encoding="utf-8")
    return site_of(reports, work)


def _stale(groups: dict) -> dict:
    """``groups`` as a build with the groups numbered the other way round writes it (its own stamp, if any)."""
    count = 1 + max(n for years in groups["a"].values() for n in years.values())
    out = {"a": {aid: {y: (n + 1) % count for y, n in years.items()} for aid, years in groups["a"].items()}}
    return out | ({"g": "0" * len(groups["g"])} if "g" in groups else {})


def _medians(chromium, url: str) -> list[str]:
    """The compare view's CSV lines of 同类组中位数 (their values) at ``url``."""
    chromium.get(url)
    link = _wait(lambda: (chromium.find_element("id", "xxgk-compare-csv").get_attribute("href") or "")
                 .startswith("blob:") and chromium.find_element("id", "xxgk-compare-csv"), 20)
    _wait(lambda: "格尔木" in chromium.find_element("id", "xxgk-compare-table").text)
    text = chromium.execute_async_script("fetch(arguments[0]).then(r => r.text()).then(arguments[1])",
                                         link.get_attribute("href"))
    return [r["数值"] for r in csv.DictReader(text.lstrip("\ufeff").splitlines()) if r["机构"] == "同类组中位数"]


@pytest.mark.browser
@needs_chromium
def test_a_peer_groups_file_of_another_build_never_gives_an_agency_another_groups_median(two_groups, chromium,
                                                                                          tmp_path):
    site = tmp_path / "site"
    shutil.copytree(two_groups, site)
    groups = json.loads((site / "json" / "peer-groups.json").read_text(encoding="utf-8"))
    measure = json.loads((site / "json" / "m" / "received.json").read_text(encoding="utf-8"))
    aid = next(a for a in groups["a"] if a.startswith("qinghai-haixi-geermu"))
    assert {y: measure["peer"][str(n)] for y, n in groups["a"][aid].items()} == {"2023": [6, 2], "2024": [16, 2]}
    url = f"/compare/?agencies={aid}&metric=received&year=2024"
    with serving(site) as server:
        assert _medians(chromium, server + url) == ["16"]  # the files of one build: the group's median
        (site / "json" / "peer-groups.json").write_text(json.dumps(_stale(groups)), encoding="utf-8")
        chromium.execute_cdp_cmd("Network.clearBrowserCache", {})
        # before: 6, the 2023 group's median, shown as the 2024 group's; now none (the two files do not pair)
        assert _medians(chromium, server + url) in ([], ["16"])


@pytest.mark.browser
@needs_chromium
def test_full_text_search_works_when_the_first_shard_is_empty_and_the_others_carry_no_code(built_site, chromium,
                                                                                            tmp_path):
    """Pagefind's code and WebAssembly are kept in the manifest's first shard only (session 33): with the first
    shard of pages ``EMPTY`` (left out of the manifest) the next one is first and keeps them, and a word in pages of
    every shard is found in all of them in Chromium."""
    from xxgk.site.fulltext import index_full_text

    word = "政府信息公开"  # in every report's title
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "src" / "0-empty.html").write_text(  # sorts first: a shard of its own, nothing to index
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>空</title></head><body><main>'
        '<p data-pagefind-ignore>←</p><div class="xxgk-source"><span data-pagefind-ignore><span id="L1">&nbsp;'
        "</span></span></div></main></body></html>", encoding="utf-8")
    assert index_full_text(site, budget=1) == 0  # a page a shard
    shards = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert shards[0] == "1/" and len(shards) >= 3
    assert [bool(list((site / "pagefind" / s).glob("wasm.*.pagefind"))) for s in shards] == \
        [True] + [False] * (len(shards) - 1)
    containing = {p.name for p in (site / "src").glob("*.html") if word in p.read_text(encoding="utf-8")}
    with serving(site) as server:
        chromium.get(server + "/")
        chromium.find_element("css selector", "label.md-search__icon, .md-search__input").click()
        chromium.find_element("css selector", "input.md-search__input").send_keys(word)
        metas = ".xxgk-fulltext-hits .md-search-result__meta"
        meta = _wait(lambda: [e for e in chromium.find_elements("css selector", metas) if "份报告" in e.text], 20)
        assert f"{len(containing)} 份报告" in meta[0].text


MARKUP = ('<span data-pagefind-ignore>隐去甲</span></p></div><p data-pagefind-ignore x="'
          ' data-pagefind-ignore <div data-pagefind-filter="year:1999">')


def test_markup_in_a_reports_text_changes_nothing_pagefind_is_given_but_what_it_ignores(tmp_path):
    """Pagefind is given each source page without what it ignores (``fulltext_form.without_ignored``, patterns over
    the page's own markup). A report whose prose, agency name and narrative print that markup as text (escaped on the
    page) gives the same index, text, title, filters and word count as Pagefind's own run over the page as published:
    no prose cut, no table kept."""
    import subprocess
    import sys

    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_form import without_ignored

    from .factory import tab_report
    from .test_fulltext import _fragments

    work = tmp_path / "w"
    reports = work / "reports"
    reports.mkdir(parents=True)
    narrative = f"概述{MARKUP}中间词语。{MARKUP}末尾词语。"
    (reports / "a.txt").write_text(tab_report(agency="格尔木市数据局", narrative=narrative, other_matters=MARKUP),
                                   encoding="utf-8")
    site = site_of(reports, work)
    (source,) = (site / "src").glob("*.html")
    page = source.read_bytes()
    form = without_ignored(page)
    assert b"&lt;span data-pagefind-ignore&gt;" in page and "本年新收".encode() in page
    assert "本年新收".encode() not in form and "中间词语".encode() in form  # (tables left out, prose kept)
    assert index_full_text(site) == 0
    theirs = tmp_path / "theirs"
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "src/*.html",
                    "--output-path", str(theirs), "--quiet"], check=True, capture_output=True)
    ours = site / "pagefind" / "0"
    index = {p.name: p.read_bytes() for p in (ours / "index").iterdir()}
    assert index and index == {p.name: p.read_bytes() for p in (theirs / "index").iterdir()}
    mine, published = _fragments(ours), _fragments(theirs)
    keys = ("content", "meta", "word_count", "filters")
    assert {u: {k: f[k] for k in keys} for u, f in mine.items()} == \
        {u: {k: f[k] for k in keys} for u, f in published.items()}
    (page,) = mine.values()
    text = page["content"].replace("\u200b", "")  # (Pagefind's marks between the words it segmented)
    assert all(words in text for words in ("中间词语", "末尾词语", "隐去甲", 'filter="year:1999"'))


@pytest.mark.browser
@needs_chromium
def test_a_peer_groups_file_that_does_not_load_leaves_the_agencys_own_values_shown(two_groups, chromium, tmp_path):
    """``json/peer-groups.json`` only pairs an agency with its peer group's median; when it does not load (a dropped
    connection, a partly published site) the agency's own values are still drawn and listed, without a median.
    Before, the page said its data could not load and showed nothing (review of session 33)."""
    site = tmp_path / "site"
    shutil.copytree(two_groups, site)
    aid = next(a for a in json.loads((site / "json" / "peer-groups.json").read_text(encoding="utf-8"))["a"]
               if a.startswith("qinghai-haixi-geermu"))
    (site / "json" / "peer-groups.json").unlink()
    with serving(site) as server:
        chromium.get(server + f"/compare/?agencies={aid}&metric=received&year=2023-2024")
        link = _wait(lambda: (chromium.find_element("id", "xxgk-compare-csv").get_attribute("href") or "")
                     .startswith("blob:") and chromium.find_element("id", "xxgk-compare-csv"), 20)
        text = chromium.execute_async_script("fetch(arguments[0]).then(r => r.text()).then(arguments[1])",
                                             link.get_attribute("href"))
    rows = list(csv.DictReader(text.lstrip("\ufeff").splitlines()))
    assert sorted(r["数值"] for r in rows if r["机构"] == A) == ["15", "5"]
    assert not [r for r in rows if r["机构"] == "同类组中位数"]
