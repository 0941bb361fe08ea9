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
    # and the description Parquet carries (as Datasette and the data dictionary do) does not say otherwise
    described = pq.read_schema(out / "parquet" / "findings.parquet").field("actual").metadata[b"description"]
    assert "xxgk.db 与 Parquet 中没有撇号" in described.decode("utf-8")


def _without_section_four(text: str) -> str:
    return text[:text.index("四、政府信息公开行政复议")] + text[text.index("五、存在的主要问题"):]


@pytest.fixture(scope="module")
def county_site(tmp_path_factory):
    """Four 2024 reports of 海西州's county level: 格尔木市人民政府's summary report (its 新收 printed 9, two
    sums do not hold: two errors, 80 points) and three departments' (德令哈市数据局 and 格尔木市数据局 clean;
    乌兰县数据局 without its section 四), and a byte-identical copy of 格尔木市数据局's."""
    from .conftest import report_page_texts, site_of

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
    pages = report_page_texts(site)
    return site, pages


def _ranking(site) -> dict[str, dict[str, str]]:
    """{report link text: {column heading: cell text}} of the report card page, with "类别": the kind its table's
    heading names (2024年度 · 县级 · 政府部门)."""
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring((site / "report-card" / "index.html").read_text(encoding="utf-8"))
    out = {}
    for table in doc.xpath("//article//table"):
        heads = [th.text_content().strip() for th in table.xpath(".//thead//th")]
        heading = table.xpath("preceding::*[self::h2 or self::h3][1]")[0].text_content().strip()
        for tr in table.xpath(".//tbody/tr"):
            cells = [td.text_content().strip() for td in tr.xpath("./td")]
            out[cells[1]] = dict(zip(heads, cells, strict=True)) | {"类别": heading.rsplit(" · ", 1)[-1]}
    return out


def test_a_county_governments_summary_report_is_ranked_among_governments(county_site):
    """A county 政务公开办 reads its departments' ranks among departments and the government's summary report among
    governments' (before: 格尔木市人民政府's 80 ranked 3rd of 3 “县级” reports, below two departments' reports,
    a different document due on another date); each rank says what it compares."""
    site, pages = county_site
    assert "在2024年度全国“县级人民政府（汇总报告）” 1 份报告中排第 1" in pages["gov.txt"]
    assert "在2024年度全国“县级政府部门” 3 份报告中排第 1" in pages["dept.txt"]
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


def test_a_report_without_section_four_is_charged_once_and_ranked(county_site):
    """乌兰县数据局 printed no section 四 and no table 四: section_absent (the agency's, −3) and table_absent (error,
    a limit of our reading) left it unranked, as if this tool had failed to read a table the report never printed.
    Now the table is said not printed (table_not_printed, info: the omission costs points once), and it is ranked."""
    site, pages = county_site
    page = pages["no4.txt"]
    assert "得分 97/100，在2024年度全国“县级政府部门” 3 份报告中排第 3" in page
    assert "不参与排名" not in page
    assert "报告没有“政府信息公开行政复议、行政诉讼情况”部分，表4也未印出：其数值记为缺失，不是0" in page
    with open(site.parent / "datapackage" / "data" / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["report_id"].startswith("no4")]
    assert {(r["code"], r["severity"], r["table"]) for r in rows if "absent" in r["code"] or "printed" in r["code"]} \
        == {("section_absent", "warning", ""), ("table_not_printed", "info", "4")}


def test_a_table_printed_under_a_heading_not_recognised_stays_a_limit_of_our_reading(tmp_path):
    """The same report with table 四's header words left in the text (under a heading this tool does not know) may
    hold a table not read: table_absent, as before, and the report stays unranked."""
    from xxgk.package.collect import collect

    text = tab_report(agency="乌兰县数据局")
    cut = text[:text.index("四、政府信息公开行政复议")] + "类别\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" \
        + text[text.index("五、存在的主要问题"):]
    (tmp_path / "a.txt").write_text(cut, encoding="utf-8")
    [report] = collect(tmp_path)
    codes = {f.code for f in report.findings}
    assert "table_absent" in codes and "table_not_printed" not in codes


def test_each_finding_on_a_report_page_says_what_it_cost(county_site):
    """A transparency office reading why 乌兰县数据局 scored 97 finds the deduction beside its cause, and each check
    linked to its rule (the checks page); before, the page gave the rule (每个警告扣3分) and the findings apart, and
    the reader matched them up."""
    _, pages = county_site
    assert "警告（扣3分） 缺少章节（section_absent）：缺少“政府信息公开行政复议、行政诉讼情况”部分" in pages["no4.txt"]
    assert "提示（不扣分） 表格未印出（table_not_printed）" in pages["no4.txt"]
    assert "错误（每条扣10分，共扣20分） 勾稽关系不成立（identity_broken），2 条：" in pages["gov.txt"]


@pytest.mark.parametrize("published,code,severity", [("2025年2月15日", "possibly_late", "info"),
                                                     ("2025年4月15日", "late_publication", "warning")])
def test_a_public_institution_named_centre_is_not_held_to_the_departments_date(tmp_path, published, code, severity):
    """格尔木市政务服务中心 (a public institution, not a 人民政府部门: 条例 第四十九条 does not name it) published in
    February was late_publication, −3, “人民政府部门的年度报告最晚1月31日”: now the departments' date is said to be
    our choice (possibly_late, info), as for a township; after 31 March it is late for every report."""
    from xxgk.package.collect import collect
    from xxgk.package.report_card import add_report_card, agency_score

    (tmp_path / "a.txt").write_text(tab_report(agency="格尔木市政务服务中心", year=2024, published=published),
                                    encoding="utf-8")
    [report] = collect(tmp_path)
    add_report_card([report])
    [late] = [f for f in report.findings if f.code in {"late_publication", "possibly_late"}]
    assert (late.code, late.severity) == (code, severity)
    if code == "possibly_late":
        assert "多为事业单位" in late.message and "本站按部门的1月31日核对" in late.message
        assert agency_score([{"code": f.code, "severity": f.severity} for f in report.findings]) == 100


def test_the_workbooks_amounts_are_numbers_excel_sums(tmp_path):
    """A researcher summing 表2_主动公开's 数值1 in Excel: 行政事业性收费's 3883.30 万元 was written as a text cell
    (the package's rows carry a decimal as text), left out of SUM beside the counts, which were numbers."""
    import re
    import zipfile

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(tab_report(agency="格尔木市数据局", fee="3883.30"), encoding="utf-8")
    _, errors = build_package(tmp_path / "reports", tmp_path / "out", workers=1)
    assert errors == []
    book = sheets((tmp_path / "out" / "xxgk.xlsx").read_bytes())
    [fees] = [row for row in book["表2_主动公开"] if "行政事业性收费" in row]
    assert fees[-1] == "3883.3"
    with zipfile.ZipFile(tmp_path / "out" / "xxgk.xlsx") as archive:
        names = re.findall(r'<sheet name="([^"]+)"', archive.read("xl/workbook.xml").decode())
        xml = archive.read(f"xl/worksheets/sheet{names.index('表2_主动公开') + 1}.xml").decode()
    row = next(r for r in re.findall(r"<row [^>]*>.*?</row>", xml) if "行政事业性收费" in r)
    assert re.search(r'<c r="H\d+"><v>3883\.3</v></c>', row), row  # a number cell, not t="inlineStr"
