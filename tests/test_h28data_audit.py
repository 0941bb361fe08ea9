"""Session 28 audit of the published data and the agency register, as researchers use them: the same agency
printed two ways is one agency; table 二's counts are integers and its amounts numbers in every format; a
report of an abolished district is placed; an agency's two reports of one year are counted once."""

from __future__ import annotations

import csv

import pytest

from tests.factory import tab_report
from xxgk.agency.resolve import name_to_agency
from xxgk.package.build import build_package


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# a city bureau's branch in a district, printed with the district's full name and with its short name
BRANCH_SPELLINGS = [
    ("南充市公安局嘉陵区分局", "南充市公安局嘉陵分局"),
    ("北京市公安局朝阳区分局", "北京市公安局朝阳分局"),
    ("广州市生态环境局番禺区分局", "广州市生态环境局番禺分局"),
]


# the same branch printed district first (its city's name, the district, the 系统, 分局), as some of its titles do
DISTRICT_FIRST = [("南充市嘉陵区公安分局", "南充市公安局嘉陵分局"), ("北京市朝阳区公安分局", "北京市公安局朝阳分局"),
                  ("广州市番禺区生态环境分局", "广州市生态环境局番禺区分局")]


@pytest.mark.parametrize("first,branch", DISTRICT_FIRST)
def test_a_branch_printed_district_first_is_the_same_agency(first, branch):
    """南充市嘉陵区公安分局 is 南充市公安局嘉陵分局: one key, one id (before: …-gonganfenju and …-gonganjufenju)."""
    one, other = name_to_agency(first, "", {}), name_to_agency(branch, "", {})
    assert one.key == other.key and one.agency_id == other.agency_id
    assert (one.county_code, one.tier, one.kind) == (other.county_code, "county", "department")


def test_a_county_level_citys_own_bureau_is_no_branch():
    """格尔木市公安局 (a county-level city's own bureau, not a 分局) keeps its name and id."""
    agency = name_to_agency("格尔木市公安局", "", {})
    assert (agency.name, agency.agency_id) == ("格尔木市公安局", "qinghai-haixi-geermu-gonganju")


@pytest.mark.parametrize("full,short", BRANCH_SPELLINGS)
def test_a_branch_printed_with_or_without_its_districts_suffix_is_one_agency(full, short):
    one, other = name_to_agency(full, "", {}), name_to_agency(short, "", {})
    assert one.key == other.key and one.agency_id == other.agency_id
    assert one.county_code == other.county_code != ""


def test_the_register_has_one_row_for_a_branch_printed_two_ways(tmp_path):
    """南充市公安局嘉陵区分局 (2023) and 南充市公安局嘉陵分局 (2024): one row in agencies, the newest name, the other
    an alias, both reports pointing at it (before: two rows, the second with a digest id, two agency pages)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="南充市公安局嘉陵区分局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="南充市公安局嘉陵分局", year=2024), encoding="utf-8")
    build_package(reports, tmp_path / "out", workers=1)
    agencies = _rows(tmp_path / "out" / "data" / "agencies.csv")
    assert len(agencies) == 1
    (agency,) = agencies
    assert agency["name"] == "南充市公安局嘉陵分局" and agency["aliases"] == "南充市公安局嘉陵区分局"
    assert (agency["first_year"], agency["last_year"], agency["county"]) == ("2023", "2024", "嘉陵区")
    assert {r["agency_id"] for r in _rows(tmp_path / "out" / "data" / "reports.csv")} == {agency["agency_id"]}


@pytest.fixture(scope="module")
def counts_and_fee(tmp_path_factory):
    """One report: 12 normative documents issued, 3 repealed, 9 in force, fees of 3883.3 万元."""
    root = tmp_path_factory.mktemp("table2")
    reports = root / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市数据局", issued=12, repealed=3, in_force=9,
                                              fee="3883.3"), encoding="utf-8")
    build_package(reports, root / "out", workers=1)
    return root / "out"


def test_table_2_counts_are_integers_and_the_fee_an_amount_in_the_schema(counts_and_fee):
    """Table 二's counts (件) are typed integer and only the fee's 万元 is a number, in its own column (before:
    one `value` column typed number, so every count came out 12.0 in SQLite, Parquet and pandas)."""
    import json

    descriptor = json.loads((counts_and_fee / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "active_disclosure")
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    assert (types["value"], types["amount"]) == ("integer", "number")
    rows = {(r["item"], r["measure"]): r for r in _rows(counts_and_fee / "data" / "active_disclosure.csv")}
    assert (rows["normative_documents", "issued"]["value"], rows["normative_documents", "issued"]["amount"]) == (
        "12", "")
    assert (rows["fees", "amount_10k_yuan"]["value"], rows["fees", "amount_10k_yuan"]["amount"]) == ("", "3883.3")


def test_table_2_counts_are_integers_in_sqlite_and_parquet(counts_and_fee):
    import sqlite3

    import pyarrow.parquet as pq

    conn = sqlite3.connect(f"file:{counts_and_fee / 'xxgk.db'}?mode=ro", uri=True)
    got = {(row[0], row[1]): row[2:] for row in conn.execute(
        "SELECT item, measure, typeof(value), value, typeof(amount), amount FROM active_disclosure")}
    assert got["normative_documents", "issued"] == ("integer", 12, "null", None)
    assert got["fees", "amount_10k_yuan"] == ("null", None, "real", 3883.3)
    # the wide view, as printed: a count as an integer, the amount as a number
    wide = {row[0]: row[1] for row in conn.execute('SELECT "信息内容", "数值1" FROM "表2_主动公开"')}
    assert (wide["行政规范性文件"], wide["行政事业性收费"]) == (12, 3883.3)
    assert type(wide["行政规范性文件"]) is int
    conn.close()
    schema = pq.read_schema(counts_and_fee / "parquet" / "active_disclosure.parquet")
    assert (str(schema.field("value").type), str(schema.field("amount").type)) == ("int64", "double")


def test_table_2_counts_and_fee_still_reach_the_wide_csv_and_the_metrics(counts_and_fee):
    wide = {r["信息内容"]: r for r in _rows(counts_and_fee / "wide" / "表2_主动公开.csv")}
    assert (wide["行政规范性文件"]["数值1"], wide["行政事业性收费"]["数值1"]) == ("12", "3883.3")
    metrics = {r["metric"]: r["value"] for r in _rows(counts_and_fee / "data" / "metric_values.csv")}
    assert (metrics["normative_issued"], metrics["normative_repealed"], metrics["normative_in_force"]) == (
        "12", "3", "9")


def test_the_report_page_shows_the_fee_amount_and_the_counts(tmp_path):
    """The report page's table 二 reads the amount from its own column: 行政事业性收费 3883.3, 行政规范性文件 12."""
    from lxml import html as lxml_html

    from .conftest import report_page_files, site_of

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="格尔木市数据局", issued=12, fee="3883.3"), encoding="utf-8")
    (page,) = report_page_files(site_of(reports, tmp_path))
    doc = lxml_html.document_fromstring(page.read_text(encoding="utf-8"))
    table2 = next(t for t in doc.xpath("//table") if t.get("data-csv", "").startswith("active_disclosure"))
    cells = {(tr.xpath("./th|./td")[0].text_content(), tr.xpath("./th|./td")[1].text_content()): tr.xpath("./td")[-1]
             for tr in table2.xpath(".//tbody/tr") if len(tr.xpath("./th|./td")) == 3}  # (a row's label: its th)
    fee = cells["行政事业性收费", "本年收费金额（万元）"]
    assert fee.text_content() == "3883.3" and "xxgk-missing" not in (fee.get("class") or "")
    assert cells["行政规范性文件", "本年制发件数"].text_content() == "12"


# (printed name, canonical name, province, city, county, its last GB/T 2260 code): districts abolished since 2009
ABOLISHED = [
    ("杭州市江干区人民政府", "江干区人民政府", "浙江省", "杭州市", "江干区", "330104"),
    ("杭州市下城区教育局", "下城区教育局", "浙江省", "杭州市", "下城区", "330103"),
    ("广州市萝岗区人民政府", "萝岗区人民政府", "广东省", "广州市", "萝岗区", "440116"),
    ("天津市塘沽区人民政府", "塘沽区人民政府", "天津市", "天津市", "塘沽区", "120107"),
    ("北京市宣武区人民政府", "宣武区人民政府", "北京市", "北京市", "宣武区", "110104"),
    ("上海市闸北区人民政府", "闸北区人民政府", "上海市", "上海市", "闸北区", "310108"),
    ("苏州市平江区人民政府", "平江区人民政府", "江苏省", "苏州市", "平江区", "320503"),
]


@pytest.mark.parametrize("printed,name,province,city,county,code", ABOLISHED)
def test_a_report_of_an_abolished_district_is_placed_in_that_historical_district(printed, name, province, city,
                                                                                 county, code):
    """A report of a district abolished since (杭州市江干区, 2021) is that district's, with its last code, at the county
    tier, never its successor's (新上城区 is 上城区 and most of 江干区: not one series); before, the region was
    `agency_region_unknown` and 杭州市下城区教育局 a city bureau of the prefecture tier, with no finding."""
    agency = name_to_agency(printed, "", {})
    assert (agency.name, agency.province, agency.city, agency.county, agency.county_code, agency.tier) == (
        name, province, city, county, code, "county")
    assert not agency.findings
    assert any("撤销" in note for note in agency.evidence)


def test_an_abolished_districts_short_name_is_still_the_current_division():
    """平江 is 岳阳市平江县 (苏州市平江区 was abolished in 2012); 上城区 is today's, whatever a body says of
    原江干区."""
    assert name_to_agency("平江县人民政府", "", {}).county_code == "430626"
    today = name_to_agency("上城区人民政府", "杭州市上城区。原江干区的凯旋街道、采荷街道并入上城区。江干区", {})
    assert (today.county, today.county_code) == ("上城区", "330102")


@pytest.fixture(scope="module")
def two_files_one_year(tmp_path_factory):
    """格尔木市数据局 2024 twice: a.txt, whose 新收 is printed 9 (two sums do not hold), and b.txt, read clean (an HTML
    page and its PDF, or a corrected re-issue); 德令哈市数据局 2024 once."""
    from .conftest import report_page_texts, site_of

    work = tmp_path_factory.mktemp("h28-duplicates")
    reports = work / "reports"
    reports.mkdir()
    files = {"a.txt": tab_report(agency="格尔木市数据局", cell="9", published="2025年1月20日"),
             "b.txt": tab_report(agency="格尔木市数据局", published="2025年1月20日"),
             "c.txt": tab_report(agency="德令哈市数据局", published="2025年1月20日")}
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    site = site_of(reports, work)
    pages = report_page_texts(site)
    return work, site, pages


def test_one_report_per_agency_year_is_counted_and_the_other_says_so_in_the_data(two_files_one_year):
    """reports.duplicate_of names the report counted for the agency-year — the one read clean, not the first by file
    name — and is empty on it; both stay in the data, each with duplicate_report (before: no column, both ranked)."""
    work, _, _ = two_files_one_year
    rows = {r["source_file"]: r for r in _rows(work / "datapackage" / "data" / "reports.csv")}
    assert set(rows) == {"a.txt", "b.txt", "c.txt"}
    assert rows["a.txt"]["duplicate_of"] == rows["b.txt"]["report_id"]
    assert rows["b.txt"]["duplicate_of"] == "" and rows["c.txt"]["duplicate_of"] == ""
    findings = _rows(work / "datapackage" / "data" / "findings.csv")
    assert {f["report_id"] for f in findings if f["code"] == "duplicate_report"} == {
        rows["a.txt"]["report_id"], rows["b.txt"]["report_id"]}


def test_the_second_file_of_an_agency_year_is_not_ranked_nor_counted_in_its_group(two_files_one_year):
    _, site, pages = two_files_one_year
    assert "在2024年度全国“县级政府部门” 2 份报告中排第 1" in pages["b.txt"]
    assert "份报告中排第" not in pages["a.txt"]
    assert "与 b.txt 是本机构同一年度的两份报告" in pages["a.txt"]
    assert "在2024年度全国“县级政府部门” 2 份报告中排第" in pages["c.txt"]
    from .test_h27card_audit import _ranking

    listed = {name: row for name, row in _ranking(site).items() if name.startswith("格尔木市数据局")}
    assert sorted(row["名次（同类别内）"] for row in listed.values()) == ["1", "—"]  # listed, one of them ranked
    assert any("与 b.txt 是本机构同一年度的两份报告" in name for name in listed)
    assert not any("字节完全相同" in name for name in listed)


def test_the_data_page_gives_r_the_schemas_column_types(two_files_one_year):
    """An R user copying the data page's call reads every column with the schema's type: table 二's count as an
    integer and its amount as a double, and reports' sparse texts as texts (before: a bare readr::read_csv(), which
    guesses a column empty in its sample rows — reports.duplicate_of, notes — as logical and reads its texts as NA)."""
    import html

    _, site, _ = two_files_one_year
    page = html.unescape((site / "data" / "index.html").read_text(encoding="utf-8"))
    assert 'readr::read_csv("data/active_disclosure.csv", col_types = "cccidic")' in page
    reports = 'readr::read_csv("data/reports.csv", col_types = "ccicccccDDDccccccccicccccc")'
    assert reports in page


def test_the_agency_years_plain_address_is_the_report_counted(two_files_one_year):
    """a/<agency>/2024.html, the address a reader shares for the agency's 2024 report, is the one counted (b.txt),
    the other at 2024-<report_id>.html (before: the first by report_id, a.txt, which is ranked nowhere)."""
    work, site, _ = two_files_one_year
    rows = {r["source_file"]: r for r in _rows(work / "datapackage" / "data" / "reports.csv")}
    folder = site / "a" / rows["b.txt"]["agency_id"]
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring((folder / "2024.html").read_text(encoding="utf-8"))
    source = [tr.xpath(".//td")[0].text_content().strip() for tr in doc.xpath("//article//table")[0].xpath(".//tr")
              if tr.xpath(".//th")[0].text_content() == "源文件"]
    assert source == ["b.txt"]
    assert (folder / f"2024-{rows['a.txt']['report_id']}.html").exists()


def test_datasette_suggests_no_facet_of_report_ids(counts_and_fee):
    """Datasette's suggested facets on reports are its codes and places, not duplicate_of (a report id a row)."""
    import json

    meta = json.loads((counts_and_fee / "metadata.json").read_text(encoding="utf-8"))
    facets = meta["databases"]["xxgk"]["tables"]["reports"]["facets"]
    assert "duplicate_of" not in facets and "report_id" not in facets
    assert {"year", "province", "status"} <= set(facets)


def test_an_abolished_districts_agency_page_says_where_its_area_went(tmp_path):
    from .conftest import site_of

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="杭州市江干区人民政府", year=2019), encoding="utf-8")
    site = site_of(reports, tmp_path)
    page = (site / "a" / "zhejiang-hangzhou-jianggan-renminzhengfu" / "index.html").read_text(encoding="utf-8")
    assert "江干区已于2021年撤销，区域今属上城区、钱塘区" in page
