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
