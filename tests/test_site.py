"""The built site: strict build, nothing loaded from another host, report text escaped."""

from __future__ import annotations

import gzip
import html
import re

from .conftest import read_page, report_page_files

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["'](?:https?:)?//""", re.I)


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = [p.name for p in built_site.rglob("*.html") if EXTERNAL.search(read_page(p))]  # quoted by lxml
    assert offenders == []
    css = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_plotly_is_served_by_the_site_as_a_partial_bundle(built_site):
    bundle = built_site / "assets" / "plotly-basic.min.js"
    assert len(gzip.compress(bundle.read_bytes())) <= 500 * 1024
    assert "plotly-basic.min.js" in (built_site / "assets" / "xxgk.js").read_text(encoding="utf-8")
    assert (built_site / "assets" / "plotly-locale-zh-cn.js").stat().st_size > 0  # Chinese tooltips
    # loaded by xxgk.js only where a chart is drawn: no page names it itself
    assert not [p for p in built_site.rglob("*.html") if "plotly-basic" in p.read_text(encoding="utf-8")]


def test_report_text_is_escaped_everywhere(built_site):
    hostile_seen = False
    for page in built_site.rglob("*.html"):
        text = read_page(page)  # attributes quoted (the pages are minified)
        hostile_seen |= "&lt;script&gt;window." in text
        assert "<script>window.__xss" not in text
        assert not re.search(r"<img[^>]*onerror", text, re.I)
        assert 'href="javascript:' not in text
    assert hostile_seen, "the hostile report's text should be shown, escaped"


def test_every_report_has_a_page_and_a_source_page(built_site):
    report_pages = report_page_files(built_site)
    pages = {re.search(r'href="(?:\.\./)+src/([^"/]+)\.html"', read_page(p)).group(1) for p in report_pages}
    sources = {p.stem for p in (built_site / "src").glob("*.html")}
    assert len(report_pages) == 6 and pages == sources


def test_report_pages_stay_within_the_html_budget(built_site):
    pages = report_page_files(built_site)
    sizes = {str(p): p.stat().st_size for p in pages}  # report pages live beside their agency (a/<id>/<year>.html)
    assert sizes and max(sizes.values()) <= 30 * 1024, sizes


def test_report_card_is_on_every_report_page_and_ranked_overall(built_site):
    from xxgk.catalog import findings_catalogue

    moved = list((built_site / "json" / "r").glob("*.json"))  # old /r/<id>/ URLs: the 404 page's map, no folders
    pages = report_page_files(built_site)
    assert moved and len(pages) == len(list((built_site / "src").glob("*.html")))  # one page per report
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "报告评估" in text and "得分" in text and "同类组中位数" in text
    ranking = read_page(built_site / "report-card" / "index.html")
    assert ranking.count('href="../a/') + ranking.count('href="../r/') == len(pages)
    checks = html.unescape(read_page(built_site / "checks" / "index.html"))
    assert all(f'id="{code}"' in checks for code in findings_catalogue())


def test_a_large_index_is_split_into_one_page_per_province(seed_package, tmp_path, monkeypatch):
    from xxgk.site import pages
    from xxgk.site.build import write_site_src

    monkeypatch.setattr(pages, "INDEX_SHARD_ABOVE", 2)
    out, reports, _ = seed_package
    write_site_src(out, tmp_path / "site_src")
    shards = sorted((tmp_path / "site_src" / "agencies").glob("*.md"))
    index = (tmp_path / "site_src" / "agencies.md").read_text(encoding="utf-8")
    assert {s.stem for s in shards} == {"qing-hai-sheng-630000", "liao-ning-sheng-210000",  # pinyin + GB/T 2260
                                        "xin-jiang-wei-wu-er-zi-zhi-qu-650000"}
    assert all(f'href="{s.stem}/"' in index for s in shards)
    linked = [aid for s in shards for aid in re.findall(r'href="\.\./\.\./a/([^/]+)/"', s.read_text(encoding="utf-8"))]
    agencies = (out / "data" / "agencies.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(linked) == sorted(line.split(",")[0] for line in agencies)  # one row per agency


def test_the_data_page_defines_every_measure_and_report_pages_link_to_it(built_site):
    """A researcher reads each measure's formula on the download page (every chart, comparison and peer median
    uses exactly these), and a report page's peer table links there; no id on the page is used twice."""
    from xxgk.package.metrics import metric_rows

    page = read_page(built_site / "data" / "index.html")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    section = html.unescape(page[page.index('id="metric-definitions"'):])
    for m in metric_rows():
        assert f"<code>{m['code']}</code>" in section and m["label_zh"] in section and m["formula"] in section
    report = report_page_files(built_site)[0].read_text(encoding="utf-8")
    assert "data/#metric-definitions" in report


def test_the_home_chart_heads_its_columns_with_what_they_hold(built_site):
    home = html.unescape(read_page(built_site / "index.html"))
    chart = home[home.index('data-style="bars"'):]
    assert re.search(r"<thead><tr><th>机构（链接到该年度报告）</th><th>数量（件）</th></tr></thead>", chart)
