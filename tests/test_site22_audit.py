"""What a reader-journey audit of the site found wrong (session 22): the report card said ✓ 通过 for checks that never
ran (及时性 without a publication date, 跨年度 without the agency's adjacent years); the home page's 条错误 and the
quality page's per-report errors counted the limits of our own reading as the agencies' errors, in report-id order;
an agency page's year without a report read 无数据 under the sentence saying there was no report; the report CSV
gave a one-cell-a-line table 三 the row's first line for all seven cells."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import read_page, report_page_url, site_of

GOLMUD_DATA_2025 = "000-4cb0808ff48d5523-b88253"  # dated 2026-01-16
HAICHENG_2025 = "001-5a6ed33a11e10be0-e5fa24"  # no publication date printed
CHANGJI_2025 = "004-2e32b371880ee2ff-a78fce"  # table 三 one cell a line


def _card_rows(page: str) -> dict[str, str]:
    card = page[page.index("报告评估"):page.index("同类组（")]
    return {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).strip()
            for m in re.finditer(r"<a [^>]*checks/#[a-z_]+\"?>([^<]+)</a></t[hd]>\s*<td>(.*?)</td>", card, re.S)}


def test_a_check_that_could_not_run_is_not_a_pass(built_site):
    undated = _card_rows(read_page(built_site / report_page_url(built_site, HAICHENG_2025).lstrip("/")))
    assert undated["及时性"] == "未能判断（报告未注明发布日期）"  # before: ✓ 通过
    assert undated["跨年度"] == "未能判断（本站没有本机关其他年度的报告）"  # its agency's only report
    dated = _card_rows(read_page(built_site / report_page_url(built_site, GOLMUD_DATA_2025).lstrip("/")))
    assert dated["及时性"] == "✓ 通过"  # published 2026-01-16, before its deadline


def test_the_home_page_counts_only_the_agencies_own_errors(built_site):
    from xxgk.package.report_card import counts_against_agency
    from xxgk.site.data import Package

    findings = Package.load(built_site.parent / "datapackage").tables["findings"]
    own = sum(f["severity"] == "error" and counts_against_agency(f["code"]) for f in findings)
    every = sum(f["severity"] == "error" for f in findings)
    assert own < every  # (the seeds hold errors of both kinds)
    home = read_page(built_site / "index.html")
    assert re.search(rf"<b>{own}</b>\s*条机关自身的错误", home)  # before: <b>{every}</b>条错误


def test_the_quality_pages_list_puts_the_agencies_own_errors_first_and_tells_our_limits_apart(built_site):
    page = read_page(built_site / "quality" / "index.html")
    table = page[page.index('id="xxgk-by-agency"'):]
    table = table[:table.index("</table>")]
    head = re.sub(r"<[^>]+>", " ", table[table.index("<thead"):table.index("</thead>")]).split()
    assert head[:4] == ["报告", "问题数（含提示）", "机关自身的错误", "本站读取的局限"]
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S) for r in table.split("<tr")[2:]]  # (th: the report)
    own = [int(re.sub(r"<[^>]+>", "", r[2])) for r in rows]
    assert own == sorted(own, reverse=True) and own[0] > 0  # before: in report-id order, the worst third
    link = re.search(r'<a [^>]*href="\.\./downloads/([^"]+)"[^>]*>findings\.csv</a>', page)
    assert link and (built_site / "downloads" / link.group(1)).is_file()  # the whole list, for the officer's filters
    summary = page[:page.index('id="xxgk-by-agency"')]
    assert "<td>本站读取的局限</td>" in summary and "<td>机关的问题</td>" in summary  # each code's kind


def test_each_cell_of_a_table_printed_one_cell_a_line_states_its_own_line(built_site, seed_package):
    import csv

    folder, _, _ = seed_package
    with (folder / "data" / "applications.csv").open(encoding="utf-8-sig") as handle:
        new = {r["applicant"]: r["line"] for r in csv.DictReader(handle)
               if r["report_id"] == CHANGJI_2025 and r["row"] == "new"}
    assert len(set(new.values())) == 7  # (the seed prints the row's seven cells on seven lines)
    page = read_page(built_site / report_page_url(built_site, CHANGJI_2025).lstrip("/"))
    row = next(r for r in page.split("<tr") if "一、本年新收" in r and 'data-csv' not in r)
    link = re.search(r"#L(\d+)", row).group(1)
    stated = re.findall(r'<t[hd]\b[^>]*?(?: data-l="(\d+)")?[^>]*>', row)[1:]  # (after its label, a th)
    # a row printed one cell a line in order says so once, on its label (data-s: the i-th cell on the label's line
    # + i - 1, assets/xxgk.js), instead of data-l on each cell (session 33: its page a 4 KiB block smaller)
    step = re.match(r"<t[hd]\b[^>]* data-s[ =>]", row.split("<tr", 1)[-1].lstrip("> \n"))
    stated = [str(int(link) + i) if step and not s else s for i, s in enumerate(stated)]
    assert [s or link for s in stated] == [new[a] for a in ("natural_person", "commercial", "research",
                                                             "social_welfare", "legal_services", "other_org", "total")]


@pytest.fixture(scope="module")
def gapped_site(tmp_path_factory):
    """Synthetic agencies of four years each, one agency's second year removed: the site (no full-text index)."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("gapped")
    write_reports(8, work / "reports")
    site = site_of(work / "reports", work / "one")
    return work, site


def test_an_agency_pages_year_without_a_report_reads_no_report(gapped_site, tmp_path):
    from xxgk.site.data import Package

    work, _ = gapped_site
    reports = shutil.copytree(work / "reports", tmp_path / "reports")
    pkg = Package.open(work / "one" / "datapackage")
    first = sorted(pkg.tables["reports"], key=lambda r: (r["agency_id"], r["year"]))[:4]
    assert len({r["agency_id"] for r in first}) == 1 and len(first) == 4
    gone = first[1]
    (reports / gone["source_file"]).unlink()
    site = site_of(reports, tmp_path / "two")
    page = read_page(site / "a" / gone["agency_id"] / "index.html")
    table = next(t for t in page.split("<table")[1:] if f"{gone['year']}年" in t.split("</thead>")[0])
    header = re.findall(r"<th[^>]*>(.*?)</th>", table.split("</thead>")[0])
    column = header.index(f"{gone['year']}年")
    first_row = re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", table.split("<tbody>")[1].split("</tr>")[0], re.S)
    assert re.sub(r"<[^>]+>", "", first_row[column]) == "无报告"  # before: 无数据
    after = next(r for r in first if r["year"] == str(int(gone["year"]) + 1))
    card = _card_rows(read_page(site / report_page_url(site, after["report_id"]).lstrip("/")))
    # the copy check ran (other years), the chains did not (no year before): said so, not ✓ 通过 (review)
    assert card["跨年度"] == "未见照抄；与上年的衔接未能核对（本站没有本机关上一年度的报告）"
    last = next(r for r in first if r["year"] == str(int(gone["year"]) + 2))
    card = _card_rows(read_page(site / report_page_url(site, last["report_id"]).lstrip("/")))
    assert not card["跨年度"].startswith(("未能判断", "未见照抄"))  # its year before is there: every check ran


def test_every_score_on_the_site_is_recomputed_from_the_package_alone(built_site, seed_package):
    """A researcher checks the report card: 100 − 10 an error − 3 a warning among the findings whose code's
    ``responsibility`` (code list finding_codes) is agency — the package had no such column, so the ranking could
    not be audited from the data."""
    import csv

    folder, _, _ = seed_package
    with (folder / "data" / "finding_codes.csv").open(encoding="utf-8-sig") as handle:
        whose = {r["code"]: r["responsibility"] for r in csv.DictReader(handle)}
    assert set(whose.values()) == {"agency", "reading"}
    with (folder / "data" / "findings.csv").open(encoding="utf-8-sig") as handle:
        findings = list(csv.DictReader(handle))
    with (folder / "data" / "reports.csv").open(encoding="utf-8-sig") as handle:
        reports = [r for r in csv.DictReader(handle) if r["status"] != "failed"]
    for report in reports:
        own = [f for f in findings if f["report_id"] == report["report_id"] and whose[f["code"]] == "agency"]
        expected = max(0, 100 - 10 * sum(f["severity"] == "error" for f in own)
                       - 3 * sum(f["severity"] == "warning" for f in own))
        page = read_page(built_site / report_page_url(built_site, report["report_id"]).lstrip("/"))
        assert re.search(r"得分 <b>(\d+)</b>/100", page).group(1) == str(expected), report["report_id"]


def test_a_source_page_names_the_site_and_leads_home(built_site):
    """A reader arriving at a report's source text from a search engine or the full-text results had only
    ← 返回报告页: no site name in the tab, no way to the home page."""
    page = read_page(next((built_site / "src").glob("*.html")))
    assert re.search(r"<title>原文：[^<]+ · 政府信息公开年报数据</title>", page)
    assert re.search(r'<a href="\.\./">首页</a>', page)


def test_the_agency_index_lists_the_years_of_an_agency_with_gaps(gapped_site, tmp_path):
    from xxgk.site.data import Package

    work, _ = gapped_site
    reports = shutil.copytree(work / "reports", tmp_path / "reports")
    pkg = Package.open(work / "one" / "datapackage")
    first = sorted(pkg.tables["reports"], key=lambda r: (r["agency_id"], r["year"]))[:4]
    (reports / first[1]["source_file"]).unlink()
    site = site_of(reports, tmp_path / "two")
    index = read_page(site / "agencies" / "index.html")
    row = next(r for r in index.split("<tr") if f'{first[0]["agency_id"]}/' in r)
    years = [int(r["year"]) for r in first]
    assert years == list(range(years[0], years[0] + 4))  # (the synthetic agency's four years in a row)
    assert f"<td>{years[0]}、{years[2]}–{years[3]}</td>" in row  # before: first–last, three reports read as four years


def test_an_agency_pages_chart_downloads_are_named_after_the_whole_chart(built_site):
    """The composition of seven outcomes downloaded as …-granted_share.csv/png, its first measure's name."""
    import json

    from tests.conftest import chart_frames, expand_spec

    page = read_page(built_site / "a" / "qinghai-xining-huangzhong-renminzhengfu" / "index.html")  # (its table 三 read)
    frames = chart_frames(built_site)
    names = [expand_spec(json.loads(m), frames)["filename"]
             for m in re.findall(r'<script[^>]*xxgk-spec[^>]*>(.*?)</script>', page, re.S)]
    assert names and all(n.startswith("qinghai-xining-huangzhong-renminzhengfu-") for n in names)
    ends = {n.rsplit("-", 1)[-1] for n in names}
    assert "applications" in ends and not {"granted_share", "received", "review_total"} & ends, names
