"""Audit 27 (the report card, the findings and the published data as their users use them): a researcher querying
``xxgk.db`` and the Parquet files, a transparency office reading the report card's ranks and deductions."""

from __future__ import annotations

import csv
import io
import sqlite3

import pyarrow.parquet as pq
import pytest

from xxgk.package.build import build_package
from xxgk.package.parquet import parquet_bytes, write_parquet_file
from xxgk.package.sqlite_db import database
from xxgk.package.write import csv_bytes

from .factory import tab_report
from .test_workbook_limits import sheets

# texts a spreadsheet would run or change: the CSVs and the workbook guard them with an apostrophe
PRINTED = ["=1+1", "-2024年，本局主动公开信息。", "25380363300630003", "007", "'=x", "'引号开头", "普通文字"]


@pytest.fixture(scope="module")
def guarded_package(tmp_path_factory):
    """The package of one report whose file name and first section begin like a formula."""
    root = tmp_path_factory.mktemp("h27card-guard")
    (root / "reports").mkdir()
    (root / "reports" / "=1+1.txt").write_text(
        tab_report(agency="甲县数据局", narrative="-2024年，本局主动公开信息。", published="2025年1月20日"),
        encoding="utf-8")
    _, errors = build_package(root / "reports", root / "out", workers=1)
    assert errors == []
    return root / "out"


def test_parquet_and_sqlite_hold_each_text_as_printed(tmp_path):
    """A SQL or pandas user filtering on the printed text finds it: ``WHERE actual = '25380363300630003'`` found
    nothing in xxgk.db, the cell held the CSV's guard ``'25380363300630003`` (and Parquet too). Neither format
    runs a formula or rounds a text, so they hold the text as printed; the CSV keeps its guard."""
    fields = [{"name": "n", "type": "integer"}, {"name": "actual", "type": "string"}]
    data = csv_bytes([{"n": i, "actual": text} for i, text in enumerate(PRINTED)], ["n", "actual"])
    written = [row[1] for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))][1:]
    assert written[:5] == ["'=1+1", "'-2024年，本局主动公开信息。", "'25380363300630003", "'007", "''=x"]
    schema = {"fields": fields}
    assert pq.read_table(io.BytesIO(parquet_bytes(data, schema))).column("actual").to_pylist() == PRINTED
    (tmp_path / "t.csv").write_bytes(data)
    write_parquet_file(tmp_path / "t.csv", schema, tmp_path / "t.parquet")  # Arrow's own CSV reader
    assert pq.read_table(tmp_path / "t.parquet").column("actual").to_pylist() == PRINTED
    db = database({"t": data}, lambda name: {**schema, "primaryKey": ["n"]})
    assert [r[0] for r in db.conn.execute("SELECT actual FROM t ORDER BY n")] == PRINTED
    assert db.conn.execute("SELECT n FROM t WHERE actual = '25380363300630003'").fetchall() == [(2,)]


def test_a_built_packages_query_files_hold_what_the_report_printed(guarded_package):
    """End to end: the file =1+1.txt and its section beginning with a minus sign, as a researcher reads them with
    sqlite3 and pyarrow (and the full-text search finds the section's words), while reports.csv and xxgk.xlsx
    keep the apostrophe a spreadsheet needs."""
    out = guarded_package
    with sqlite3.connect(out / "xxgk.db") as db:
        assert db.execute("SELECT source_file FROM reports").fetchall() == [("=1+1.txt",)]
        assert db.execute("SELECT text FROM sections WHERE section = 'overview'").fetchall() == [
            ("-2024年，本局主动公开信息。",)]
    assert pq.read_table(out / "parquet" / "reports.parquet").column("source_file").to_pylist() == ["=1+1.txt"]
    overview = [r["text"] for r in pq.read_table(out / "parquet" / "sections.parquet").to_pylist()
                if r["section"] == "overview"]
    assert overview == ["-2024年，本局主动公开信息。"]
    with open(out / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r["source_file"] for r in csv.DictReader(handle)] == ["'=1+1.txt"]
    book = sheets((out / "xxgk.xlsx").read_bytes())
    assert "'=1+1.txt" in book["reports"][1]


def _without_section_four(text: str) -> str:
    return text[:text.index("四、政府信息公开行政复议")] + text[text.index("五、存在的主要问题"):]


@pytest.fixture(scope="module")
def county_site(tmp_path_factory):
    """Four 2024 reports of 海西州's county level: 格尔木市人民政府's summary report (its 新收 printed 9, two
    sums do not hold: two errors, 80 points) and three departments' (德令哈市数据局 and 格尔木市数据局 clean;
    乌兰县数据局 without its section 四), and a byte-identical copy of 格尔木市数据局's."""
    from lxml import html as lxml_html

    from .conftest import report_page_files, site_of

    work = tmp_path_factory.mktemp("h27card-county")
    reports = work / "reports"
    reports.mkdir()
    files = {"gov.txt": tab_report(agency="格尔木市人民政府", cell="9", published="2025年3月20日"),
             "dept.txt": tab_report(agency="格尔木市数据局", published="2025年1月20日"),
             "other.txt": tab_report(agency="德令哈市数据局", published="2025年1月20日"),
             "no4.txt": _without_section_four(tab_report(agency="乌兰县数据局", published="2025年1月20日"))}
    files["z-dept-copy.txt"] = files["dept.txt"]  # a byte-identical copy (report_card.copies)
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    site = site_of(reports, work)
    pages = {}
    for page in report_page_files(site):
        doc = lxml_html.document_fromstring(page.read_text(encoding="utf-8"))
        source = [tr.xpath(".//td")[0].text_content().strip() for tr in doc.xpath("//article//table")[0].xpath(".//tr")
                  if tr.xpath(".//th")[0].text_content() == "源文件"]
        pages[source[0]] = doc.xpath("//article")[0].text_content()
    return site, pages


def _ranking(site) -> dict[str, dict[str, str]]:
    """{report link text: {column heading: cell text}} of the report card page."""
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring((site / "report-card" / "index.html").read_text(encoding="utf-8"))
    out = {}
    for table in doc.xpath("//article//table"):
        heads = [th.text_content().strip() for th in table.xpath(".//thead//th")]
        for tr in table.xpath(".//tbody/tr"):
            cells = [td.text_content().strip() for td in tr.xpath("./td")]
            out[cells[1]] = dict(zip(heads, cells, strict=True))
    return out


def test_a_county_governments_summary_report_is_ranked_among_governments(county_site):
    """A county 政务公开办 reads its departments' ranks among departments and the government's summary report among
    governments' (before: 格尔木市人民政府's 80 ranked 3rd of 3 “县级” reports, below two departments' reports,
    a different document due on another date); each rank says what it compares."""
    site, pages = county_site
    assert "在2024年度全国“县级人民政府（汇总报告）” 1 份报告中排第 1" in pages["gov.txt"]
    assert "在2024年度全国“县级政府部门” 2 份报告中排第 1" in pages["dept.txt"]
    rows = _ranking(site)
    government = next(row for name, row in rows.items() if name.startswith("格尔木市人民政府"))
    department = next(row for name, row in rows.items() if name.startswith("格尔木市数据局"))
    assert (government["名次（同类别内）"], government["得分"], government["类别"]) == (
        "1", "80", "人民政府（汇总报告）")
    assert (department["名次（同类别内）"], department["类别"]) == ("1", "政府部门")
    assert "同一类别内比较" in (site / "report-card" / "index.html").read_text(encoding="utf-8")


def test_ranks_compare_one_year_one_tier_and_one_kind():
    """``ranks`` from the published reports table, as a user recomputes them from the package."""
    from xxgk.package.report_card import ranks

    reports = [{"report_id": i, "year": 2024, "tier": "county", "kind": kind, "source_file": f"{i}.txt",
                "sha256": i, "status": "parsed"} for i, kind in (("g", "government"), ("d1", "department"),
                                                                  ("d2", "department"), ("u", None))]
    assert ranks(reports, {"g": 90, "d1": 100, "d2": 97, "u": 100}) == {
        "g": (1, 1), "d1": (1, 2), "d2": (2, 2), "u": (1, 1)}


def test_the_home_pages_requests_never_add_a_summary_report_to_its_departments(county_site):
    """The home page added every report's 新收申请 of the latest year: a government's summary report (which may
    already count its departments') to its departments' reports, and a byte-identical copy twice (“5份报告合计”
    25). Each kind has its own total, one report per agency-year, as the chart below it."""
    site, _ = county_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<b>5</b>件新收申请（2024年度1份人民政府汇总报告合计）" in home
    assert "<b>15</b>件新收申请（2024年度3份政府部门报告合计）" in home
    assert "份报告合计" not in home
