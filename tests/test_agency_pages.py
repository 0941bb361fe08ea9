"""Agency pages, on the seeds plus the shared corpus (平潭综合实验区 reports for 2019, 2021, 2023 and 2025):
the agencies resource keeps its contract, one page per agency shows every year it reported with the values a
reader would read off the reports (checked against the corpus's hand-read gold values), the two templates are
not silently joined, and every old report URL still leads to the report."""

from __future__ import annotations

import csv
import json
import re

from .conftest import SHARED, chart_frames, expand_spec, needs_shared

CONTRACT = ["agency_id", "name", "aliases", "province_code", "province", "city_code", "city", "county_code",
            "county", "tier", "kind", "system", "first_year", "last_year"]
PINGTAN = {"h004.txt": 2019, "h006.txt": 2021, "h008.txt": 2023, "h010.txt": 2025}


def _rows(pkg, name):
    with (pkg / "data" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _spooled(site_src, name="pages.jsonl"):
    """The bulk pages (``{src: entry}``) or files (``{path: text}``) the page writers spooled for rendering."""
    from xxgk.site.bulk import spooled

    if name == "pages.jsonl":
        return {e["src"]: e for e in spooled(site_src)}
    return {e["path"]: e["text"] for e in spooled(site_src, name)}


def _page(site_src, rel):
    """A generated page with its HTML blocks put back (as the renderer does)."""
    from xxgk.site.bulk import page_html

    return page_html(_spooled(site_src)[rel])


def _gold(name):
    return json.loads((SHARED / "corpus" / "gold" / name.replace(".txt", ".json")).read_text(encoding="utf-8"))


@needs_shared
def test_the_agencies_resource_keeps_the_contract(corpus_build):
    pkg, _ = corpus_build
    agencies, reports = _rows(pkg, "agencies"), _rows(pkg, "reports")
    assert list(agencies[0]) == CONTRACT
    ids = {a["agency_id"] for a in agencies}
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)
    assert {"agency_id", "tier", "kind", "peer_group"} <= set(reports[0])
    assert all(r["agency_id"] in ids for r in reports if r["agency"])
    pingtan = [a for a in agencies if a["name"] == "平潭综合实验区"]
    assert len(pingtan) == 1 and (pingtan[0]["first_year"], pingtan[0]["last_year"]) == ("2019", "2025")
    assert {r["agency_id"] for r in reports if r["source_file"] in PINGTAN} == {pingtan[0]["agency_id"]}


@needs_shared
def test_one_page_per_agency_links_every_year_and_charts_the_gold_values(corpus_build):
    pkg, site_src = corpus_build
    agencies = _rows(pkg, "agencies")
    pages = sorted(src.split("/")[1] for src in _spooled(site_src) if src.startswith("a/") and
                   src.endswith("/index.md"))
    assert pages == sorted(a["agency_id"] for a in agencies)
    page = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    for year in PINGTAN.values():
        assert f'href="{year}.html">{year}年度报告' in page  # beside the agency page: a/<agency>/<year>.html
        assert f"a/fujian-pingtanzongheshiyanqu/{year}.md" in _spooled(site_src)
    spec_blocks = re.findall(r'<script type="application/json" class="xxgk-spec">(.*?)</script>', page)
    frames = chart_frames(site_src)
    specs = [expand_spec(json.loads(m), frames) for m in spec_blocks]  # as xxgk.js reads them
    spec = next(s for s in specs if s["layout"]["title"]["text"] == "申请数量（件）")
    received = next(t for t in spec["data"] if t["name"] == "本年新收申请")
    assert received["x"] == [f"{y}年" for y in range(2019, 2026)]  # the span, years without a report left empty
    for name, year in PINGTAN.items():
        assert received["y"][year - 2019] == _gold(name)["applications"]["new"][6]
        assert isinstance(received["y"][year - 2019], int)  # integers as integers, not 81.0
    assert received["y"][1] is None and "2020年、2022年、2024年没有本机构的报告" in page


@needs_shared
def test_measures_not_comparable_between_templates_are_two_series(corpus_build):
    _, site_src = corpus_build
    page = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    assert "其他处理比例（2019年版格式）" in page and "其他处理比例（2021年版格式）" in page


@needs_shared
def test_cross_year_and_peer_sections_say_what_they_can_check(corpus_build):
    _, site_src = corpus_build
    pingtan = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    assert "没有相邻两年的报告，无法核对" in pingtan  # 2019, 2021, 2023, 2025: no consecutive pair
    # resolved to 福建省, prefecture tier, government: a peer group of its own year (n is shown beside the median)
    assert "同类组中位数" in pingtan and "未归入同类组" not in pingtan
    geermu = _page(site_src, "a/qinghai-haixi-geermu-shujuju/index.md")
    assert "同类组中位数" in geermu and "2025" in geermu
    # its 2025 report has no readable table 3: the page says so above the charts it does draw
    note = geermu.index("没有图表：申请数量（件）、办理结果构成（%）")
    assert note < geermu.index('class="xxgk-chart"')


@needs_shared
def test_report_pages_read_the_same_measures_and_peer_group_as_agency_pages(corpus_build):
    """One definition per measure: 平潭 2019's 予以公开比例 is the gold 予以公开 over 办理总计 on its report
    page, in the report page's history table and on the agency page alike; the peer group is described
    as the package defines it."""
    _, site_src = corpus_build
    apps = _gold("h004.txt")["applications"]
    share = f'{round(100 * apps["granted"][6] / apps["total_processed"][6], 1):g}'
    report = _page(site_src, "a/fujian-pingtanzongheshiyanqu/2019.md")
    agency = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    peer_row = re.search(r'<th scope="row">予以公开比例（%）</th>(<td[^>]*>[^<]*</td>)', report).group(1)  # (its label)
    assert f">{share}<" in peer_row
    years = re.search(r"## 历年报告.*?</table>", report, re.S).group(0)
    assert re.search(rf'>2019</a></th><td>23</td><td>{share}</td>', years)  # right-aligned by the table's style
    # (each cell names its column for a phone's card, data-label: render.carded, session 36)
    assert re.search(rf'>2019年度报告</a></td><td[^>]*>2019年版</td><td[^>]*class="xxgk-num"[^>]*>23</td>'
                     rf'<td[^>]*class="xxgk-num"[^>]*>{share}<', agency)
    assert "同年度、同层级、同省份、同系统或同为人民政府" in report and "同省份报告的中位数" not in report


@needs_shared
def test_the_agency_page_speaks_chinese_and_marks_no_gap_where_a_template_lacks_a_measure(corpus_build):
    _, site_src = corpus_build
    page = _page(site_src, "a/fujian-pingtanzongheshiyanqu/index.md")
    findings = re.search(r"## 历年发现的问题.*?</table>", page, re.S).group(0)
    assert "数字粘连" in findings and "cells_ambiguous×" not in findings  # titles, the code only in the link
    frames = chart_frames(site_src)
    specs = [expand_spec(json.loads(m), frames) for m in re.findall(r'class="xxgk-spec">(.*?)</script>', page)]
    outcomes = next(s for s in specs if s["layout"]["title"]["text"] == "办理结果构成（%）")
    notes = {a["x"]: a["text"] for a in outcomes["layout"].get("annotations", [])}
    # 其他处理比例 is split by template: a 2019 report has no 2021-template series, and that is no gap
    assert all(notes.get(f"{y}年") is None for y in PINGTAN.values()), notes
    assert notes["2020年"] == "无报告"  # 平潭 has no 2020 report (the page says so above its charts)
    index = (site_src / "agencies.md").read_text(encoding="utf-8")
    assert re.search(r">平潭综合实验区</a></td><td>福建省</td><td>地市级</td><td>人民政府</td>", index)


@needs_shared
def test_every_old_report_url_redirects_to_the_report_under_its_agency(corpus_build):
    """No redirect folder per report: the 404 page looks ``/r/<id>/`` up in ``json/r/<shard>.json``, which
    holds every report's page, a file (``a/<agency>/<year>.html``, else ``r/<id>.html``)."""
    from xxgk.site.redirects import META_KEY, shard_key

    pkg, site_src = corpus_build
    pages, files = _spooled(site_src), _spooled(site_src, "files.jsonl")
    digits = json.loads((site_src / "assets" / "site.json").read_text(encoding="utf-8"))[META_KEY]
    for r in _rows(pkg, "reports"):
        assert f"r/{r['report_id']}/index.html" not in files
        shard = site_src / "json" / "r" / f"{shard_key(r['report_id'])[:digits]}.json"
        target = json.loads(shard.read_text(encoding="utf-8"))[r["report_id"]]
        if not r["agency_id"]:
            assert target == f"r/{r['report_id']}.html"
        else:
            assert target == f"a/{r['agency_id']}/{r['year']}.html" or re.fullmatch(
                rf"a/{r['agency_id']}/{r['year']}-{r['report_id']}\.html", target)
        assert f"{target.removesuffix('.html')}.md" in pages


@needs_shared
def test_the_agency_index_lists_each_agency_once(corpus_build):
    _, site_src = corpus_build
    index = (site_src / "agencies.md").read_text(encoding="utf-8")
    assert index.count(">平潭综合实验区</a>") == 1
    assert 'href="../a/fujian-pingtanzongheshiyanqu/"' in index


def test_cross_year_checks_compare_each_year_with_the_one_before(tmp_path):
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    write_reports(4, tmp_path / "reports")  # one agency, 2021–2024, carry-overs drawn independently
    build_package(tmp_path / "reports", tmp_path / "pkg", workers=1)
    write_site_src(tmp_path / "pkg", tmp_path / "site_src")
    (agency,) = _rows(tmp_path / "pkg", "agencies")
    page = _page(tmp_path / "site_src", f"a/{agency['agency_id']}/index.md")
    values = {code: json.loads((tmp_path / "site_src" / "json" / "m" / f"{code}.json").read_text(encoding="utf-8"))
              ["v"][agency["agency_id"]] for code in ("carried_over", "carried_forward")}
    rows = re.findall(r"<tr[^>]*><td[^>]*>(\d{4})→(\d{4})</td><td[^>]*>上年结转 = 上年度的结转下年度</td>(.*?)</tr>",
                      page)
    assert [(a, b) for a, b, _ in rows] == [("2021", "2022"), ("2022", "2023"), ("2023", "2024")]
    for last, this, cells in rows:
        same = values["carried_over"][this] == values["carried_forward"][last]
        assert ("✓ 一致" in cells) == same and ("✗ 不一致" in cells) == (not same)
