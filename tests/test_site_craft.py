"""Issue 15 — trust and Chinese first: the report card counts only the agency's own problems and ranks within
one year and one tier; one-line sources link to each row's span; the official original is linked; statuses
and finding titles read in Chinese."""

from __future__ import annotations

import html
import re
import shutil

from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card, agency_score, ranks, split_findings

from .conftest import SEEDS, SHARED, needs_shared, read_page, report_page_files


def _f(code, severity):
    return {"code": code, "severity": severity}


def test_only_the_agencys_own_problems_take_points_off():
    reading = [_f("cells_ambiguous", "warning")] * 9 + [_f("row_lost_cells", "error")]  # cells we could not read
    assert agency_score(reading) == 100
    own = [_f("identity_broken", "error"), _f("late_publication", "warning"), _f("narrative_mismatch", "warning")]
    assert agency_score(own + reading) == 100 - 10 - 3 - 3
    mine, ours = split_findings(own + reading)
    assert mine == own and ours == reading


def test_scores_are_ranked_within_one_year_and_one_tier():
    reports = [{"report_id": "a", "year": "2024", "tier": "county", "level": "government"},
               {"report_id": "b", "year": "2024", "tier": "county", "level": "department"},
               {"report_id": "c", "year": "2024", "tier": "prefecture", "level": "government"},
               {"report_id": "d", "year": "2023", "tier": "county", "level": "government"},
               {"report_id": "e", "year": None, "tier": None, "level": None}]
    got = ranks(reports, {"a": 90, "b": 100, "c": 50, "d": 10, "e": 0})
    assert got == {"b": (1, 2), "a": (2, 2), "c": (1, 1), "d": (1, 1)}  # e (no year) is not ranked


@needs_shared
def test_pingtan_2019_loses_no_points_for_cells_we_could_not_cut(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SHARED / "corpus" / "reports" / "h004.txt", folder / "h004.txt")  # 平潭 2019, a flattened page
    reports = collect(folder)
    add_report_card(reports)
    found = [{"code": f.code, "severity": f.severity} for f in reports[0].findings]
    own, reading = split_findings(found)
    assert reading and all(f["code"] not in {"identity_broken", "late_publication"} for f in reading)
    assert agency_score(found) == agency_score(own)


def _site_src(tmp_path, files: dict[str, str]):
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    build_package(reports, tmp_path / "pkg", workers=1)
    write_site_src(tmp_path / "pkg", tmp_path / "src")
    return tmp_path / "src"


def test_a_one_line_source_links_each_row_to_its_span_not_the_whole_line(tmp_path):
    seed = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
    flat = " ".join(seed.split("\n")) + "\n原文链接: https://example.gov.cn/nb/2024.htm"
    src = _site_src(tmp_path, {"flat.txt": flat})
    from xxgk.site.bulk import spooled

    report = next(e for e in spooled(src) if re.fullmatch(r"a/[^/]+/\d+\.md", e["src"]))  # not the agency page
    page = "".join(report["blocks"])
    source = next(e["text"] for e in spooled(src, "files.jsonl") if e["path"].startswith("src/"))
    anchors = set(re.findall(r'src/[^"#]+\.html#(L1c\d+)"', page))
    assert len(anchors) >= 20, "table 2 and 3 rows link to their spans"
    for anchor in anchors:
        span = re.search(f'<span id="{anchor}">([^<]*)</span>', source)
        assert span and len(span.group(1)) < 200 and re.search(r"\d", span.group(1))
    new = re.search(r'href="[^"]+#(L1c\d+)">一、本年新收政府信息公开申请数量<', page).group(1)
    assert re.search(f'<span id="{new}">[^<]*本年新收', source)
    assert '官方原文</th><td class="xxgk-url"><a href="https://example.gov.cn/nb/2024.htm"' in page  # breaks on a phone


def test_only_http_links_to_the_original_are_used():
    """The original's address is read once, by the package (``reports.source_url``), http/https only; the page
    links it through ``render.link``, which never links another scheme either."""
    from xxgk.metadata import text_to_source_url
    from xxgk.site.render import link

    assert text_to_source_url("来源：http://b.gov.cn/y.htm。") == "http://b.gov.cn/y.htm"
    assert text_to_source_url("网址: javascript:alert(2)") is None
    assert text_to_source_url("原文链接: ftp://c.gov.cn/z") is None
    assert link("https://a.gov.cn/x").startswith('<a href="https://a.gov.cn/x"')
    assert "<a" not in link("javascript:alert(1)")


def test_statuses_and_findings_read_in_chinese_with_codes_beside(built_site):
    index = (built_site / "agencies" / "index.html").read_text(encoding="utf-8")
    assert "部分数值未能读取（partial）" in index or "各表均已读取（parsed）" in index
    pages = report_page_files(built_site)
    report = next(p for p in pages if "<li><span class=\"xxgk-sev-" in read_page(p))
    text = html.unescape(read_page(report))  # attributes quoted (the pages are minified)
    assert re.search(r"[\u4e00-\u9fff]+（[a-z_]+）</a>", text), "finding titles in Chinese, codes beside"
    assert re.search(r'<html [^>]*lang="zh-CN"', text)
    assert "404" in (built_site / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in (built_site / "404.html").read_text(encoding="utf-8")


def test_footer_has_licence_and_last_updated_and_pages_have_open_graph(built_site):
    home = read_page(built_site / "index.html")  # attributes quoted (the pages are minified)
    assert "CC BY 4.0" in home and re.search(r"最后更新 <time datetime=\"\d{4}-\d\d-\d\d\">", home)
    assert 'property="og:title"' in home and re.search(r'<meta (content="zh_CN" property="og:locale"|'
                                                       r'property="og:locale" content="zh_CN")', home)
    data = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert "data-xxgk-cite-url" in data and "data-xxgk-cite-date" in data  # page URL and access date
    assert "更新记录" in data
