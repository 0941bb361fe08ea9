"""Above ``INDEX_SHARD_ABOVE`` reports the report card is an index (per year × tier: its size, the best and worst
reports, links to one page per province) and the quality page lists only the reports with the most errors; at or
below it both pages list every report, as before. The thresholds are patched down so that a few reports split."""

from __future__ import annotations

import csv
import html
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT, made_once, read_page

ROW = re.compile(r'<tr><td class="xxgk-num[^"]*"[^>]*>([^<]*)</td><td><a href="((?:\.\./)*)([^"]+)">([^<]*)</a>')
HOSTILE_NAME = '<script>window.__xss=1</script>数据局'
HOSTILE_PROVINCE = '青海省"><img src=x onerror="window.__xss=2">'


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _site_src(package: Path, out: Path, **limits) -> Path:
    """``site_src`` written from ``package`` with the page limits of ``pages`` patched to ``limits``."""
    from xxgk.site import pages
    from xxgk.site.build import write_site_src

    with pytest.MonkeyPatch.context() as patch:
        for name, value in limits.items():
            patch.setattr(pages, name, value)
        write_site_src(package, out)
    return out


def _spooled(site_src: Path) -> dict[str, str]:
    """``{page URL relative to the site root: its HTML body}`` of the bulk pages (``a/x/2024.md`` → ``a/x/2024/``)."""
    from xxgk.site.bulk import page_html, spooled

    out = {}
    for entry in spooled(site_src):
        src = entry["src"]
        url = src[:-len("index.md")] if src.endswith("/index.md") or src == "index.md" else src[:-3] + "/"
        out[url] = page_html(entry)
    return out


def _ranking_rows(text: str) -> list[tuple[str, str]]:
    """``(rank, report URL from the site root)`` of every ranking row of a page."""
    return [(rank, target) for rank, _, target, _ in ROW.findall(text)]


# -- a package large enough to split: 120 synthetic reports, the thresholds at 100 reports and 10 rows a page ------
LIMITS = {"INDEX_SHARD_ABOVE": 100, "RANKING_PAGE_ROWS": 10, "RANKING_EXTRACT": 5, "QUALITY_REPORT_ROWS": 15}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """(package, site_src as today, site_src split) from 120 synthetic reports."""
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("page-split")
    write_reports(120, work / "reports")
    build_package(work / "reports", work / "datapackage", workers=1)
    whole = _site_src(work / "datapackage", work / "whole")  # 120 ≤ 500: every report on one page, as today
    split = _site_src(work / "datapackage", work / "split", **LIMITS)
    return work / "datapackage", whole, split


def test_every_ranked_report_is_on_exactly_one_province_page_with_its_national_rank(synthetic):
    package, whole, split = synthetic
    today = _ranking_rows((whole / "report-card.md").read_text(encoding="utf-8"))
    assert len(today) == 120 and not _ranking_rows_on_province_pages(whole)
    listed = _ranking_rows_on_province_pages(split)
    assert Counter(target for _, target in listed) == Counter(target for _, target in today)  # each exactly once
    assert sorted(listed) == sorted(today)  # and with the rank the whole page gives it (national, year × tier)
    province_of = {a["agency_id"]: a["province"] for a in _csv(package / "data" / "agencies.csv")}
    for url, text in _province_pages(split).items():
        title = html.unescape(re.search(r"^# (.+)$", text, re.M).group(1))
        rows = _ranking_rows(text)
        assert 0 < len(rows) <= LIMITS["RANKING_PAGE_ROWS"], url
        year, tier = re.match(r"report-card/(\w+)-(\w+)/", url).groups()
        for _, target in rows:  # a/<agency>/<year>.html: the report's agency is in the province the title names
            agency, report_year = target.removesuffix(".html").split("/")[1:3]
            assert report_year == year and province_of[agency] in title and f"{year}年度" in title, (url, target)
        assert tier != "county" or "县级" in title
        ranks = [int(r) for r, _ in rows if r != "—"]  # (—: a report read in part, scored but not ranked)
        assert ranks == sorted(ranks)  # in national rank order


def test_the_index_names_each_group_its_size_best_and_worst_and_links_every_province_page(synthetic):
    _, whole, split = synthetic
    index = (split / "report-card.md").read_text(encoding="utf-8")
    pages = _province_pages(split)
    linked = re.findall(r'<a href="(\d{4}-\w+/[a-z0-9-]+/)">', index)
    assert sorted(f"report-card/{link}" for link in linked) == sorted(pages)  # every page linked, every link a page
    groups = re.findall(r"<p>共 (\d+) 份报告(?:（另有 (\d+) 份不排名[^）]*）)?。</p>", index)  # (ranked, unranked)
    assert sum(int(n) + int(m or 0) for n, m in groups) == 120
    rows = _ranking_rows(index)
    assert len(rows) <= 2 * LIMITS["RANKING_EXTRACT"] * len(groups) < 120  # an extract, not every report
    assert len(index.encode()) < len((whole / "report-card.md").read_text(encoding="utf-8").encode()) / 2
    today = dict(reversed(r) for r in _ranking_rows((whole / "report-card.md").read_text(encoding="utf-8")))
    assert all(today[target] == rank for rank, target in rows)  # the same national ranks
    assert "得分最高的5份" in index and "得分最低的5份" in index


def test_a_bounded_quality_page_lists_the_reports_with_the_most_errors_and_says_how_many_more(synthetic):
    package, whole, split = synthetic
    from xxgk.package.report_card import counts_against_agency

    findings = _csv(package / "data" / "findings.csv")
    errors = Counter(f["report_id"] for f in findings  # the agencies' own errors, not our reading's limits
                     if f["severity"] == "error" and counts_against_agency(f["code"]))
    total = Counter(f["report_id"] for f in findings)
    with_findings = len(total)
    assert with_findings > LIMITS["QUALITY_REPORT_ROWS"]
    by_report = _by_report_table((split / "quality.md").read_text(encoding="utf-8"))
    shown = [(int(n_err), int(n)) for _, n, n_err, _ in by_report]
    expected = sorted(((errors[rid], total[rid]) for rid in total), reverse=True)[:LIMITS["QUALITY_REPORT_ROWS"]]
    assert shown == expected  # the most errors first, then the most findings; nobody above them left out
    more = with_findings - LIMITS["QUALITY_REPORT_ROWS"]
    quality = (split / "quality.md").read_text(encoding="utf-8")
    assert f"另有 {more} 份报告有问题" in quality and 'href="../downloads/data/findings.csv"' in quality
    assert len(_by_report_table((whole / "quality.md").read_text(encoding="utf-8"))) == with_findings


def _by_report_table(quality: str) -> list[tuple[str, str, str, str]]:
    """(report link, findings, the agency's own errors, our reading's limits) of each row of 按报告 (the report is the
    row's header, session 47)."""
    section = quality[quality.index("## 按报告"):]
    section = section[:section.index("</table>")]
    return re.findall(r'<tr><th scope="row"><a href="([^"]+)">[^<]*</a></th><td class="xxgk-num">(\d+)</td>'
                      r'<td class="xxgk-num">(\d+)</td><td class="xxgk-num">(\d+)</td>'
                      r'(?:<td[^>]*>[^<]*</td>){0,2}</tr>', section)  # (年度, 省份)


def _province_pages(site_src: Path) -> dict[str, str]:
    return {url: text for url, text in _spooled(site_src).items() if re.fullmatch(r"report-card/[^/]+/[^/]+/", url)}


def _group_pages(site_src: Path) -> dict[str, str]:
    return {url: text for url, text in _spooled(site_src).items() if re.fullmatch(r"report-card/[^/]+/", url)}


def _ranking_rows_on_province_pages(site_src: Path) -> list[tuple[str, str]]:
    return [row for text in _province_pages(site_src).values() for row in _ranking_rows(text)]


# -- the seeds: below the threshold nothing moves; above it (patched to 2) the built pages link and escape ---------

def test_at_or_below_the_threshold_both_pages_list_every_report_and_nothing_is_split(seed_package, tmp_path):
    out, _, _ = seed_package
    site_src = _site_src(out, tmp_path / "site_src")
    reports = _csv(out / "data" / "reports.csv")
    rows = _ranking_rows((site_src / "report-card.md").read_text(encoding="utf-8"))
    assert len(rows) == len(reports) and not _province_pages(site_src)
    quality = (site_src / "quality.md").read_text(encoding="utf-8")
    with_findings = {f["report_id"] for f in _csv(out / "data" / "findings.csv")}
    assert len(_by_report_table(quality)) == len(with_findings) and "另有" not in quality.split("## 按报告")[1][:2000]


def hostile_split_site(seed_package, work: Path) -> Path:
    """The seeds' site built (mkdocs --strict and the bulk pages) with the report card split (threshold 2, one
    row a page) and one agency renamed to a hostile name in a hostile province."""
    from xxgk.site.build import config_for, render_site

    package = work / "datapackage"
    shutil.copytree(seed_package[0], package)
    path = package / "data" / "agencies.csv"
    rows = _csv(path)
    for row in rows:
        if row["agency_id"] == "qinghai-haixi-geermu-shujuju":
            row["name"], row["province"] = HOSTILE_NAME, HOSTILE_PROVINCE
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    site_src = _site_src(package, work / "site_src", INDEX_SHARD_ABOVE=2, RANKING_PAGE_ROWS=1, RANKING_EXTRACT=1,
                         QUALITY_REPORT_ROWS=2)
    config = config_for(site_src, work / "mkdocs.yml", ROOT)
    code, _ = render_site(site_src, config, work / "site", strict=True, workers=1)
    assert code == 0
    return work / "site"


def shared_hostile_split_site(seed_package, tmp_path_factory) -> Path:
    """:func:`hostile_split_site` built once a run (``made_once``) for the modules that read it (this one,
    ``test_page_split_browser``, ``test_site10_browser``: each built its own before). Nothing may change it."""
    return made_once(tmp_path_factory, "hostile-split", lambda work: hostile_split_site(seed_package, work)) / "site"


@pytest.fixture(scope="module")
def hostile_split(seed_package, tmp_path_factory):
    return shared_hostile_split_site(seed_package, tmp_path_factory)


def test_every_link_of_the_split_pages_reaches_a_built_page(hostile_split):
    site = hostile_split
    index = site / "report-card" / "index.html"
    pages = sorted((site / "report-card").glob("*/*/index.html"))
    assert len(pages) >= 5  # one report a page: one page per report with a year
    for page in [index, *pages]:
        for href in re.findall(r'href="([^"#:]+/)"', read_page(page)):
            if href.startswith(("http", "/")):
                continue
            target = (page.parent / href / "index.html").resolve()
            assert target.is_file(), (page.relative_to(site), href)
    linked = set(re.findall(r'href="(\d{4}-\w+/[a-z0-9-]+/)"', read_page(index)))
    assert {p.parent.relative_to(site / "report-card").as_posix() + "/" for p in pages} == linked


def test_hostile_agency_and_province_names_are_escaped_on_the_split_pages(hostile_split):
    site = hostile_split
    pages = [site / "report-card" / "index.html", *sorted((site / "report-card").glob("*/*/index.html")),
             site / "quality" / "index.html"]
    seen = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # no element made from the names (as an attribute's value, quoted, the text may hold anything: the
        # province filter's <option value='青海省"><img …'>)
        assert "<script>window.__xss" not in text and not re.search(r"<img[^>]*onerror", read_page(page), re.I)
        seen += HOSTILE_NAME in html.unescape(text)  # shown, escaped
    hostile_pages = [p for p in pages if "onerror=" in html.unescape(p.read_text(encoding="utf-8"))]
    assert seen >= 2 and hostile_pages  # the name is shown (escaped) on the index and its province page
    province_page = next(p for p in pages[1:-1] if "onerror" in html.unescape(p.read_text(encoding="utf-8")))
    title = re.search(r"<title>(.*?)</title>", province_page.read_text(encoding="utf-8"), re.S).group(1)
    assert "<img" not in title and "onerror" in html.unescape(title)
    assert re.fullmatch(r"[a-z0-9-]+", province_page.parent.name)  # the page's path is ASCII whatever the name


def test_every_prefix_of_a_province_page_address_is_a_page_of_its_group(synthetic, hostile_split):
    _, whole, split = synthetic
    provinces, groups = _province_pages(split), _group_pages(split)
    assert not _group_pages(whole)  # not split: no group pages either
    assert sorted(groups) == sorted({url.rsplit("/", 2)[0] + "/" for url in provinces})
    for url, text in groups.items():  # each lists exactly its own provinces' pages, relative to itself
        linked = re.findall(r'<a href="([a-z0-9-]+/)">', text)
        assert sorted(url + link for link in linked) == sorted(p for p in provinces if p.startswith(url)), url
        year, tier = re.match(r"report-card/(\w+)-(\w+)/", url).groups()
        title = html.unescape(re.search(r"^# (.+)$", text, re.M).group(1))
        assert f"{year}年度" in title and 'href="../">返回排名索引' in text
    site = hostile_split  # built: /report-card/<year>-<tier>/ is a page whose links all reach pages
    for page in sorted((site / "report-card").glob("*/*/index.html")):
        group = page.parent.parent / "index.html"
        assert group.is_file(), page.relative_to(site)
        text = read_page(group)
        assert f'href="{page.parent.name}/"' in text and "<img src=x" not in text  # the hostile province inert
        for href in re.findall(r'href="([^"#:]+/)"', text):
            assert (group.parent / href / "index.html").resolve().is_file(), (group.relative_to(site), href)


def test_the_province_filter_of_a_bounded_quality_page_says_the_list_is_not_every_report(synthetic):
    import html

    _, whole, split = synthetic
    quality = html.unescape((split / "quality.md").read_text(encoding="utf-8"))
    pick = re.search(r'<select id="xxgk-province"[^>]*>', quality).group(0)
    # before: filtered to a province, the 200 reports with the most errors nationally read as all of its reports
    assert (f"“按报告”一表只列全国机关自身错误最多（其次问题最多）的 {LIMITS['QUALITY_REPORT_ROWS']} 份报告中所选的；"
            "其余有问题的报告见下面按问题分列的清单") in pick, pick
    full = re.search(r'<select id="xxgk-province"[^>]*>', (whole / "quality.md").read_text(encoding="utf-8")).group(0)
    assert "data-note" not in full  # every report listed: nothing to say


def test_the_quality_pages_lists_by_code_name_each_report_once_and_a_shared_message_once(synthetic):
    """The quality page at 600 reports was ≈ 173 KB, most of it the lists by finding code: a report's link on every
    one of its findings, the same message on 200 rows. Now one row per report, its messages in one cell, a message
    every listed finding shares said once above its list; each row carries the report's province (the filter's)."""
    package, whole, _ = synthetic
    findings = _csv(package / "data" / "findings.csv")
    quality = (whole / "quality.md").read_text(encoding="utf-8")
    sections = re.split(r'\n<h2 id="([^"]+)">', quality)[1:]
    assert sections
    for code, section in zip(map(html.unescape, sections[::2]), sections[1::2], strict=True):
        mine = [f for f in findings if f["code"] == code]
        links = re.findall(r'<tr><td><a href="\.\./(a/[^"]+)">', section)
        assert links and len(links) == len(set(links)), code  # before: a row per finding, the report again and again
        assert len(links) == len({f["report_id"] for f in mine}) or "本节只列前" in section, code
        assert "<th>省份</th>" in section, code
        assert ("本节只列前" in section) == ("data-xxgk-partial" in section), code  # the filter's note (xxgk.js)
        shown = html.unescape(section)
        messages = {f["message"] for f in mine}
        if len(messages) == 1 and len(mine) > 1:  # said once, above the list
            assert shown.count(mine[0]["message"]) == 1, code
        elif "本节只列前" not in section:  # every finding listed: each message as often as it was found
            assert all(shown.count(m) >= sum(f["message"] == m for f in mine) for m in messages), code


def test_a_province_page_of_the_ranking_offers_its_cities(synthetic):
    # (audit 27: above INDEX_SHARD_ABOVE reports a city's office found its province's ranking page, up to
    # RANKING_PAGE_ROWS reports, with no way to narrow it to its city; the one-page ranking had a menu of provinces)
    package, _, split = synthetic
    city_of = {a["agency_id"]: a["city"] for a in _csv(package / "data" / "agencies.csv")}
    pages = _province_pages(split)
    assert pages
    for url, text in pages.items():
        menu = re.search(r'<select id="xxgk-city"[^>]*>(.*?)</select>', text, re.S)
        assert menu and 'id="xxgk-province"' not in text, url  # a page of one province: its cities alone
        offered = set(map(html.unescape, re.findall(r'<option value="([^"]+)"', menu.group(1))))
        rows = re.findall(r'<td><a href="(?:\.\./)*a/([^/"]+)/[^"]*">.*?data-city="([^"]*)"', text)
        assert rows and all(html.unescape(city) == city_of[agency] for agency, city in rows), url
        assert offered == {city_of[agency] for agency, _ in rows if city_of[agency]}, url
