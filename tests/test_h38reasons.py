"""Session 38: a missing metric value says why (``metric_values.missing``, codes list ``missing_reasons``).

Before, ``metric_values`` had ``value`` only: the site recomputed a share's denominator to tell 无从计算 from 无数据
(``metrics.share_of_nothing``) and printed one note naming every reason a value might be missing. Now the reason is
computed once, where the value is (``package/metrics.py``), published beside it (CSV, xxgk.db, Parquet, the code
list), and each page says it in the value's place.

One agency's reports, written here in the seeds' layout (``test_parse16.report``), each missing a value for one
reason: 2020 a file that is not read (an empty file, the manifest naming its agency and year); 2021 a blank cell
(本年新收's 总计 printed ``/``); 2022 a report of 0 requests and 0 reviews (its shares have a denominator of 0); 2023 a
table 三 whose outcome rows do not add up to its 总计 (予以公开比例 withheld); 2024 a table 二 in the 2019 template
(no 本年制发行政规范性文件); 2025 a row of 本年新收 with a cell lost (row_lost_cells: not read by this site). A
report read in part whose missing cell no finding names (blank or unread: not known) is made of tables here."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest

from .conftest import needs_chromium, read_page, site_of, wait_for
from .test_parse16 import AGENCY, report

NEW = "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5"
TOTAL = "（七）总计\t5\t0\t0\t0\t0\t0\t5"
TABLE2_2019 = ("第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
               "规范性文件\t2\t1\t9\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
               "行政许可\t40\t2\t37\n其他对外管理服务事项\t0\t0\t0\n第二十条第（六）项\n"
               "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t6\t2\t8\n行政强制\t0\t0\t0\n"
               "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t0\t0\n")


def _table2_2019(text: str) -> str:
    """``text`` with its table 二 in the 2019 template (本年新制作数量 …: no 本年制发件数)."""
    start, end = text.index("第二十条第（一）项"), text.index("\n三、收到和处理")
    return text[:start] + TABLE2_2019 + text[end:]


def _year(year: int, text: str) -> str:
    return text.replace("2026年", f"{year + 1}年").replace("2025", str(year))


def _zeros(text: str) -> str:
    """Every number of table 三 and 四 0 (tables 三's rows are ``label\\tn…``)."""
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) >= 8 or len(cells) == 15:
            line = "\t".join("0" if c.isdigit() else c for c in cells)
        lines.append(line)
    return "\n".join(lines)


def reports_folder(folder: Path) -> dict[int, str]:
    """The six reports in ``folder`` (with a manifest, sources.csv): ``{year: file name}``."""
    folder.mkdir(parents=True, exist_ok=True)
    base = report()
    texts = {
        2021: base.replace(NEW, NEW[:-1] + "/"),
        2022: _zeros(base),
        2023: base.replace(TOTAL, "（七）总计\t9\t0\t0\t0\t0\t0\t9"),
        2024: _table2_2019(base),
        2025: base.replace(NEW, NEW.rsplit("\t", 1)[0]),
    }
    names = {2020: "2020.txt"} | {year: f"{year}.txt" for year in texts}
    (folder / names[2020]).write_bytes(b"")
    for year, text in texts.items():
        assert text != base or year == 2025
        (folder / names[year]).write_text(_year(year, text), encoding="utf-8")
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["file", "agency", "year", "province", "city", "county"])
        for year, name in names.items():
            out.writerow([name, AGENCY, year, "青海省", "海西蒙古族藏族自治州", "格尔木市"])
    return names


# (year, metric, the reason): one of each reason
WANTED = [
    (2020, "received", "not_read"),
    (2021, "received", "cell_not_printed"),
    (2022, "granted_share", "zero_denominator"),
    (2022, "corrected_share", "zero_denominator"),
    (2023, "granted_share", "identity_broken"),
    (2024, "normative_issued", "not_in_edition"),
    (2025, "received", "cell_not_read"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The package and the whole site of the six reports: the work folder (``datapackage/``, ``site/``)."""
    work = tmp_path_factory.mktemp("h38reasons")
    reports_folder(work / "reports")
    site_of(work / "reports", work)
    return work


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _years(package: Path) -> dict[str, int]:
    return {r["report_id"]: int(r["year"]) for r in _csv(package / "data" / "reports.csv")}


def test_each_reason_is_in_the_csv_beside_its_empty_value(built):
    package = built / "datapackage"
    years = _years(package)
    assert sorted(years.values()) == list(range(2020, 2026))
    rows = {(years[r["report_id"]], r["metric"]): r for r in _csv(package / "data" / "metric_values.csv")}
    for year, metric, reason in WANTED:
        assert (rows[year, metric]["value"], rows[year, metric]["missing"]) == ("", reason), (year, metric)
    # a value that is there has no reason; an empty one always has one
    assert all((r["value"] == "") == (r["missing"] != "") for r in rows.values())
    assert rows[2021, "granted_share"]["value"] == "80.0" and rows[2023, "received"]["value"] == "5"


def test_the_reasons_are_a_code_list_with_their_labels(built):
    package = built / "datapackage"
    codes = {r["code"]: r for r in _csv(package / "data" / "missing_reasons.csv")}
    assert {reason for _, _, reason in WANTED} <= set(codes)
    assert all(r["label_zh"] and r["description_en"] and r["short_zh"] and r["explanation_zh"] for r in codes.values())
    assert codes["zero_denominator"]["short_zh"] == "无从计算" and codes["not_in_edition"]["short_zh"] == "不适用"
    import json

    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r for r in descriptor["resources"] if r["name"] == "metric_values")["schema"]
    assert "missing" in [f["name"] for f in schema["fields"]]
    key = {"fields": "missing", "reference": {"resource": "missing_reasons", "fields": "code"}}
    assert key in schema["foreignKeys"]


def test_each_reason_is_in_the_database(built):
    package = built / "datapackage"
    with sqlite3.connect(package / "xxgk.db") as db:
        found = dict(((year, metric), (value, missing)) for year, metric, value, missing in db.execute(
            "SELECT r.year, m.metric, m.value, m.missing FROM metric_values m JOIN reports r USING (report_id)"))
        labels = dict(db.execute("SELECT code, short_zh FROM missing_reasons"))
    for year, metric, reason in WANTED:
        assert found[year, metric] == (None, reason), (year, metric)
    assert labels["cell_not_printed"] == "报告未印此数"


def test_each_reason_is_in_the_parquet_file(built):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(built / "datapackage" / "parquet" / "metric_values.parquet").to_pylist()
    years = _years(built / "datapackage")
    found = {(years[r["report_id"]], r["metric"]): r["missing"] for r in table}
    assert all(found[year, metric] == reason for year, metric, reason in WANTED)


def _results(status: str, findings: list[dict], cells: dict) -> dict:
    from xxgk.package.metrics import metric_rows, report_results

    rows = [{"report_id": "r", "row": row, "applicant": "total", "value": v} for row, v in cells.items()]
    tables = {"reports": [{"report_id": "r", "format": "2021", "status": status}], "applications": rows,
              "findings": [f | {"report_id": "r"} for f in findings]}
    return {code: why for code, (_, why) in report_results(tables, metric_rows())["r"].items()}


def test_a_cell_a_finding_names_says_what_the_finding_says_and_one_no_finding_names_says_it_is_not_known():
    # a report read in part (status partial): a cell no finding names may be blank as printed or unread
    cells = {"new": None, "carried_over": None, "carried_forward": 3}
    blank = {"code": "value_blank", "table": "3", "row": "一、本年新收政府信息公开申请数量", "column": "总计"}
    lost = {"code": "row_lost_cells", "table": "3", "row": "二、上年结转政府信息公开申请数量", "column": None}
    said = _results("partial", [blank, lost], cells)
    assert (said["received"], said["carried_over"]) == ("cell_not_printed", "cell_not_read")
    assert _results("partial", [], cells)["received"] == "cell_missing"  # (no finding names it: not known)
    assert _results("parsed", [], cells)["received"] == "cell_not_printed"  # read in full: as printed
    assert _results("partial", [lost | {"row": "上年结转"}], cells)["carried_over"] == "cell_missing"  # no label of
    # the template's: no guess
    absent = {"code": "table_absent", "table": "3", "row": None, "column": None}
    assert _results("partial", [blank, absent], cells)["received"] == "table_not_read"  # the table, first
    assert _results("failed", [], {})["processed"] == "not_read"


def _agency_page(built: Path) -> str:
    pages = [p for p in (built / "site" / "a").glob("*/index.html") if AGENCY in p.read_text(encoding="utf-8")]
    assert len(pages) == 1, pages
    return read_page(pages[0])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _years_rows(html: str) -> dict[int, str]:
    """The agency page's table of its reports: ``{year: the row's text}`` (no script needed)."""
    table = html[html.index('id="xxgk-agency-years"'):]
    table = table[:table.index("</table>")]
    return {int(m[1]): _text(m[0]) for m in re.finditer(r"<tr>.*?(20\d\d).*?</tr>", table, re.S)}


def test_the_agency_pages_reports_table_says_each_reason_without_a_script(built):
    html = _agency_page(built)
    rows = _years_rows(html)
    assert "无数据（文件未能读取）" in rows[2020], rows[2020]
    assert "无数据（报告未印此数）" in rows[2021], rows[2021]
    assert "无从计算" in rows[2022], rows[2022]
    assert "无数据（分项与总计不符）" in rows[2023], rows[2023]
    assert "无数据（此数未能读出）" in rows[2025], rows[2025]
    text = _text(html)
    # each reason shown has its sentence in a note on the page, in text (no title, no hover)
    for reason in ("报告文件无法读取", "计算所需的数报告中没有印出", "比例的分母为0",
                   "分项之和与总计不符（勾稽关系不成立）", "计算所需的数本站未能读出"):
        assert reason in text, reason
    assert "报告中没有这个数，或本站未能读出；比例还在" not in text  # the one note naming every reason is gone


def test_the_agency_pages_chart_tables_say_each_reason(built):
    # each chart's data table (说明 column, for a reader without the chart): the reason of each blank
    text = _text(_agency_page(built))
    # (系列 2020年 … 2025年: the series' row in the years' order)
    assert ("本年新收申请 无数据（文件未能读取） 无数据（报告未印此数） 0 5 5 无数据（此数未能读出）"
            " 上年结转申请") in text
    assert "予以公开比例 无数据（文件未能读取） 80 无从计算 无数据（分项与总计不符） 80 80" in text
    assert "本年制发行政规范性文件 无数据（文件未能读取） 2 2 2 不适用 2" in text
    # on the chart, too long for a year's column on a phone: 无数据① …, each mark's reason in text under it
    assert "图中无数据的原因：① 文件未能读取；② 分项与总计不符" in text
    # a chart whose every year is missing says each year's reason (no guess of 表格缺失或无法读取)
    empty = text[text.index("没有图表："):][:400]
    assert "纠正机关的比例" in empty and "比例的分母为0" in empty and "报告文件无法读取" in empty, empty
    assert "表格缺失或无法读取" not in empty


@pytest.mark.browser
@needs_chromium
def test_the_compare_page_says_each_reason(built, chromium):
    from .conftest import own_tab, serving

    package = built / "datapackage"
    agency_id = next(r["agency_id"] for r in _csv(package / "data" / "reports.csv"))
    with own_tab(chromium) as driver:
        with serving(built / "site") as url:
            driver.set_window_size(390, 844)
            shown = {}
            for metric in ("received", "granted_share"):
                driver.get(f"{url}/compare/?agencies={agency_id}&metric={metric}&year=2020-2025")
                wait_for(lambda: driver.find_element("css selector", "#xxgk-compare-chart[data-drawn]"), 30)
                rows = [r.text for r in driver.find_elements("css selector", "#xxgk-compare-table tbody tr")]
                shown[metric] = rows
                status = driver.find_element("id", "xxgk-compare-status").text + driver.find_element(
                    "id", "xxgk-compare-table").text
                if metric == "granted_share":  # (the chart's marks said in text)
                    assert "图中无数据的原因：① 文件未能读取；② 分项与总计不符。" in status, status
                if metric == "received":
                    assert "计算所需的数报告中没有印出" in status and "报告文件无法读取" in status, status
            driver.save_screenshot("/tmp/h38a/compare-reasons.png")
    received = " ".join(shown["received"])
    assert "无数据（文件未能读取）" in received and "无数据（报告未印此数）" in received, shown
    assert "无数据（此数未能读出）" in received, shown
    shares = " ".join(shown["granted_share"])
    assert "无从计算" in shares and "无数据（分项与总计不符）" in shares, shown


@pytest.mark.browser
@needs_chromium
def test_a_comparison_with_nothing_to_draw_names_no_chart_marks(built, chromium):
    # (session 39: every year of the view missing, no chart is drawn — its box says so in words — yet the status
    # read 图中无数据的原因：① 文件未能读取；② 报告未印此数, marks of a chart that is not there)
    from .conftest import own_tab, serving

    agency_id = next(r["agency_id"] for r in _csv(built / "datapackage" / "data" / "reports.csv"))
    with own_tab(chromium) as driver:
        with serving(built / "site") as url:
            driver.get(f"{url}/compare/?agencies={agency_id}&metric=received&year=2020-2021")
            box = wait_for(lambda: driver.find_element("id", "xxgk-compare-chart").text, 30)
            status = driver.find_element("id", "xxgk-compare-status").text
            table = driver.find_element("id", "xxgk-compare-table").text
    assert "没有该指标的数值" in box, box  # the empty chart's words: nothing drawn
    assert "图中" not in status, status  # no chart, no chart's key
    # each year's word in the table, each word's sentence still said
    assert "无数据（文件未能读取）" in table and "无数据（报告未印此数）" in table, table
    assert "报告文件无法读取" in status and "计算所需的数报告中没有印出" in status, status

