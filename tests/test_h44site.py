"""Session 44 (reader journeys round 8): what misled a reader of the built site walked in headless Chromium over the
seeds, the corpus and synthetic reports — the data page's 适合谁 of the query files, and the journeys of a city's
transparency office through the quality page, a journalist on the compare page, a reader printing a report page and
a screen-reader user."""

from __future__ import annotations

import re

from .conftest import read_page


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
    import csv

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
    import csv

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
    for finding in ambiguous:  # each in words, with its line
        said = re.escape(finding["message"]) + rf' <a href="[^"]+">第{finding["line"]}行</a>'
        assert re.search(said, listed), finding
    assert "另有" not in listed.split("cells_ambiguous", 1)[1].split("</ul>", 1)[0]
    blank = _report_page(corpus_build, "h011.html")
    count = len(_findings_of(corpus_build, "h011.html", "value_blank"))
    said = re.search(r'…… 另有 (\d+) 条未在此列出，全部在<a href="../../data/">下载</a>的 findings.csv 中', blank)
    assert said and int(said[1]) == count - 20, (count, said)  # a very long list: counted, and where they all are
    assert "全部见<a" not in blank and "全部见<a" not in page  # (the quality page's lists hold a check's first 200)
