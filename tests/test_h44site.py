"""Session 44 (reader journeys round 8): what misled a reader of the built site walked in headless Chromium over the
seeds, the corpus and synthetic reports — the data page's 适合谁 of the query files, and the journeys of a city's
transparency office through the quality page, a journalist on the compare page, a reader printing a report page and
a screen-reader user."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote, urljoin

import pytest

from .conftest import needs_chromium, read_page, wait_for
from .test_shell import config  # noqa: F401  (its small site's mkdocs.yml, a fixture)


def _download_rows(site) -> dict[str, str]:
    """The data page's download table as a reader reads it: ``{file path: 适合谁}``."""
    import lxml.html

    page = lxml.html.document_fromstring(read_page(site / "data" / "index.html"))
    table = next(t for t in page.iter("table") if "适合谁" in t.text_content())
    rows = {}
    for row in table.iter("tr"):
        cells = row.findall("td")
        if len(cells) >= 2:
            rows[cells[0].find(".//code").text_content()] = cells[1].text_content()
    return rows


def test_each_query_file_of_the_data_page_says_whom_it_serves_and_with_what(built_site):
    # the database, its full-text script, Datasette's metadata and every Parquet file shared one 适合谁, 数据分析：
    # SQL 查询、全文检索、pandas / R / DuckDB 按类型读取 — of a metadata file that holds no data and of a code
    # list's Parquet, which no SQL or full-text search reads
    rows = _download_rows(built_site)
    database = next(path for path in rows if re.fullmatch(r"xxgk\.db(\.gz)?", path))
    query = {path: who for path, who in rows.items()
             if path.startswith("parquet/") or path in (database, "metadata.json", "xxgk-fulltext.sql")}
    assert len(set(query.values())) >= 5, query  # not one sentence for all
    assert "SQL" in rows[database] and "Datasette" in rows[database], rows[database]
    assert "本身不含数据" in rows["metadata.json"] and "pandas" not in rows["metadata.json"], rows["metadata.json"]
    assert "sqlite3" in rows["xxgk-fulltext.sql"] and "检索" in rows["xxgk-fulltext.sql"], rows["xxgk-fulltext.sql"]
    parquet = {path: who for path, who in rows.items() if path.startswith("parquet/")}
    assert parquet and all("pandas" in who and "SQL" not in who and "全文检索" not in who for who in parquet.values())
    assert "代码与中文名称对照" in parquet["parquet/outcomes.parquet"], parquet  # a code list
    assert "带行号可追溯" in parquet["parquet/applications.parquet"], parquet  # a tidy table of values and lines
    assert "带行号" not in parquet["parquet/agencies.parquet"], parquet  # no line column



def _report_id(corpus_build, source_file: str) -> dict:
    pkg, _ = corpus_build
    with (pkg / "data" / "reports.csv").open(encoding="utf-8-sig") as f:
        return next(r for r in csv.DictReader(f) if r["source_file"] == source_file)


def _report_page(corpus_build, source_file: str) -> str:
    """The spooled report page of ``source_file``, its blocks put back as the renderer does, unescaped."""
    import html

    from xxgk.site.bulk import page_html, spooled

    report = _report_id(corpus_build, source_file)
    page = next(e for e in spooled(corpus_build[1]) if e["src"] == f"a/{report['agency_id']}/{report['year']}.md")
    return html.unescape(page_html(page))


def _findings_of(corpus_build, source_file: str, code: str) -> list[dict]:
    rid = _report_id(corpus_build, source_file)["report_id"]
    with (corpus_build[0] / "data" / "findings.csv").open(encoding="utf-8-sig") as f:
        return [row for row in csv.DictReader(f) if row["report_id"] == rid and row["code"] == code]


def test_a_report_page_says_every_finding_of_a_check_a_city_office_forwards(corpus_build):
    # a city's transparency office forwarding a report's page to its agency read 4 of its 7 broken carry-overs and
    # 另有 3 条，全部见数据质量 — a quality page that lists a check's first 200 findings over all reports, which at
    # 411 reports held none of that agency's
    page = _report_page(corpus_build, "h004.txt")
    ambiguous = _findings_of(corpus_build, "h004.txt", "cells_ambiguous")
    assert len(ambiguous) > 4, len(ambiguous)  # more than a page used to say
    listed = page.split("发现的问题", 1)[1]
    listed = re.sub(r'<span class="xxgk-nowrap">([^<]*)</span>', r"\1", listed)  # (a split kept on one line)
    for finding in ambiguous:  # each in words, with its line
        said = re.escape(finding["message"]) + rf' <a href="[^"]+">第{finding["line"]}行</a>'
        assert re.search(said, listed), finding
    assert "另有" not in listed.split("cells_ambiguous", 1)[1].split("</ul>", 1)[0]
    blank = _report_page(corpus_build, "h011.html")
    count = len(_findings_of(corpus_build, "h011.html", "value_blank"))
    said = re.search(r'…… 另有 (\d+) 条未在此列出，全部在<a href="../../data/">下载</a>的 findings.csv 中', blank)
    assert said and int(said[1]) == count - 20, (count, said)  # a very long list: counted, and where they all are
    assert "全部见<a" not in blank and "全部见<a" not in page  # (the quality page's lists hold a check's first 200)


@pytest.mark.browser
@needs_chromium
def test_the_problem_list_csv_of_a_city_names_each_report_whose_problems_the_page_does_not_list(built_site, chromium):
    # a city's transparency office narrowed the quality page to its city and year (9 reports, 6 to 9 problems each)
    # and downloaded 下载所列问题（CSV）: a file of its header alone — each list by problem holds its first 200 rows
    # over all reports (pages.QUALITY_ROWS_PER_CODE), none of the city's. Here the lists are cut the same way (one
    # report's rows taken out of every list by problem, as the page leaves them above 200)
    import lxml.html

    from .conftest import _Quiet, serving
    from .test_h43site import DOWNLOADED, _lines_as_excel_reads_them

    page = lxml.html.document_fromstring((built_site / "quality" / "index.html").read_text(encoding="utf-8"))
    by_report = page.get_element_by_id("xxgk-by-agency")
    row = next(tr for tr in by_report.iter("tr") if tr.find("td") is not None
               and tr.findall("td")[-1].get("data-city"))  # a report of a city
    href, name = row.find("th/a").get("href"), row.find("th/a").text_content()  # (the report heads its row: th)
    count, city = row.xpath("./th|./td")[1].text_content(), row.findall("td")[-1].get("data-city")
    assert int(count) > 0
    cut = 0
    for table in page.xpath("//table[@data-xxgk-problem]"):
        for tr in table.xpath(".//tbody/tr"):
            if tr.xpath(f"td[1]/a[@href='{href}']"):
                tr.getparent().remove(tr)
                cut += 1
    assert cut  # the report was listed, before the cut
    quality = lxml.html.tostring(page, encoding="unicode", doctype="<!doctype html>").encode("utf-8")

    class CutLists(_Quiet):
        def send_head(self):
            if self.path.split("?", 1)[0] == "/quality/":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(quality)))
                self.end_headers()
                return io.BytesIO(quality)
            return super().send_head()

    chromium.set_window_size(1366, 900)
    with serving(built_site, CutLists) as url:
        chromium.get(url + "/quality/?city=" + quote(city))
        button = wait_for(lambda: [b for b in chromium.find_elements("css selector", "button[data-xxgk-list-csv]")
                                   if b.is_displayed()])[0]
        shown = [a.text for a in chromium.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()]
        file_name, data = chromium.execute_async_script(DOWNLOADED, button)
    assert name in shown, shown
    lines = list(csv.reader(_lines_as_excel_reads_them(file_name, bytes(data))))
    head, mine = lines[0], [line for line in lines[1:] if line[3] == name]
    assert len(mine) == 1, lines  # one line for the report, not none
    said = dict(zip(head, mine[0], strict=True))
    assert said["问题"] == "本页未列出" and said["城市"] == city and said["报告页"] == urljoin(url + "/quality/", href)
    assert f"本报告有 {count} 条问题（含提示）" in said["说明"] and "见报告页" in said["说明"], said


@pytest.mark.browser
@needs_chromium
def test_a_compare_charts_year_mark_says_the_words_its_table_holds(built_site, server, chromium):
    # a journalist comparing two agencies over two years: in the later one agency had no report here (无报告) and the
    # other's share had a denominator of 0 (无从计算); the chart marked that year 无数据 — a word no cell of the table
    # held, which the status defines as a report lacking the number
    from .test_h41site import _package_rows

    reports = {r["report_id"]: r for r in _package_rows(built_site, "reports") if r["agency_id"] and r["year"]}
    names = {a["agency_id"]: a["name"] for a in _package_rows(built_site, "agencies")}
    years = {}
    for r in reports.values():
        years.setdefault(r["agency_id"], set()).add(int(r["year"]))
    nothing = next(reports[v["report_id"]] for v in _package_rows(built_site, "metric_values")
                   if v["metric"] == "granted_share" and v["missing"] == "zero_denominator"
                   and v["report_id"] in reports)  # a share of nothing: 无从计算
    later = int(nothing["year"])
    other = next(a for a in sorted(years) if later not in years[a] and later - 1 in years[a])  # 无报告 that year
    view = f"/compare/?agencies={other},{nothing['agency_id']}&metric=granted_share&year={later - 1}-{later}"
    chromium.set_window_size(1366, 900)
    chromium.get(server + view)
    marks = wait_for(lambda: chromium.execute_script(
        "var g = document.querySelector('#xxgk-compare-chart[data-drawn]');"
        "return g && g.layout && (g.layout.annotations || []).map(function (a) { return [a.x, a.text]; })"), 30)
    table = {row.find_element("css selector", "th, td").text: row.text
             for row in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")}
    assert "无报告" in table[names[other]] and "无从计算" in table[names[nothing["agency_id"]]], table
    year = [text for x, text in marks if x == f"{later}年"]
    assert year and "无数据" not in year[0], marks
    assert year[0].split("<br>") == ["无报告", "无从计算"], marks  # each word of the year's cells, once


def test_a_report_and_an_agency_page_describe_themselves_with_their_region_and_years(built_site):
    # a citizen's first sight of a page is a search engine's snippet: a report page's description read
    # 某数据局 2024年度 — 政府信息公开工作年度报告：可比较、可追溯、可核查的开放数据, with no province or county (many
    # counties have a 数据局 of the same name), an agency page's no year
    import lxml.html

    from .test_h41site import _package_rows

    agencies = {a["agency_id"]: a for a in _package_rows(built_site, "agencies")}
    reports = [r for r in _package_rows(built_site, "reports") if r["agency_id"] in agencies and r["year"]]
    report = next(r for r in reports if agencies[r["agency_id"]]["county"])
    agency = agencies[report["agency_id"]]
    years = sorted(int(r["year"]) for r in reports if r["agency_id"] == agency["agency_id"])  # (one a report)

    def described(path):
        page = lxml.html.document_fromstring((built_site / path).read_text(encoding="utf-8"))
        said = [m.get("content") for m in page.xpath("//meta[@name='description']")]
        preview = [m.get("content") for m in page.xpath("//meta[@property='og:description']")]
        assert len(said) == 1 and preview == said, (said, preview)
        return said[0]

    where = f"{agency['province']} {agency['city']} {agency['county']}".replace("  ", " ").strip()
    own = described(f"a/{agency['agency_id']}/{report['year']}.html")
    assert own.startswith(f"{agency['name']} {report['year']}年度 — {where}。"), own
    whole = described(f"a/{agency['agency_id']}/index.html")
    span = f"{years[0]}年度" if len(set(years)) == 1 else f"{years[0]}–{years[-1]}年度"
    assert whole.startswith(f"{agency['name']} — {where}。{span}共{len(years)}份"), whole
    home = described("index.html")
    assert agency["name"] not in home  # the site's own sentence stays the home page's


def test_a_pages_own_description_is_filled_from_its_shapes_shell_and_escaped(config, tmp_path):  # noqa: F811
    # (each description its own value of the shape, as a title is: not a shape, a shell and three renders a page;
    # a report's text is hostile: the name in a description is made safe as the title is)
    from xxgk.site.bulk import Renderer
    from xxgk.site.titles import agency_description, described, report_description

    from .test_shell import _entry, _mkdocs

    def with_description(entry: dict, text: str) -> dict:
        front, rest = entry["markdown"].split("---\n\n", 1)
        return {**entry, "markdown": front + described(text) + "---\n\n" + rest}

    renderer = Renderer(config, tmp_path / "site")
    names = ["甲", "乙丙", "丁戊己", "庚", "辛壬", "癸子丑"]
    entries = [with_description(_entry(f"a/agency-{n}/{2021 + n % 3}.md", f"{name}区数据局 {2021 + n % 3}年度"),
                                report_description({"agency_name": f"{name}区数据局", "agency": "",
                                                    "year": 2021 + n % 3, "province": "某省", "city": f"{name}市",
                                                    "county": f"{name}区", "source_file": "x.txt"}))
               for n, name in enumerate(names)]
    entries += [with_description(_entry(f"a/agency-{n}/index.md", f"{name}区数据局", hide_toc=False),
                                 agency_description({"name": f"{name}区数据局", "province": "某省", "city": "",
                                                     "county": ""}, [2021, 2021 + n]))
                for n, name in enumerate(names)]
    hostile = report_description({"agency_name": '<script>x</script>局"', "agency": "", "year": 2024,
                                  "province": "某省", "city": "", "county": "", "source_file": "x.txt"})
    entries.append(with_description(_entry("a/hostile/2024.md", "某局 2024年度"), hostile))
    for entry in entries:
        html = renderer.render(entry)[1]
        assert html == _mkdocs(renderer, entry), entry["src"]
        said = entry["markdown"].split("description: ", 1)[1].split("\n", 1)[0].strip('"')
        assert said in html.decode("utf-8"), said  # its own words, in the description and the preview tags
        assert "<script>x" not in html.decode("utf-8")
    assert renderer.shells.filled >= len(entries) - 5  # filled, not rendered a page at a time
