"""Audit 26 (parse, content): what real reports say around their tables and who they are.

A note (注：…, 说明：…) or a sentence naming a row right above a table is no copy of the row: before, its one number
was read as the row, the table's own row (every cell printed) was dropped as a second copy, and the row was published
null with a row_lost_cells error that blamed the extraction."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from xxgk.agency import name_to_agency
from xxgk.package.build import build_package
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_html, tab_report

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
T3 = "三、收到和处理政府信息公开申请情况\n"
T2 = "二、主动公开政府信息情况\n"


def _read(text: str, kind: str):
    if kind == "html":
        return parse(read_bytes(as_html(text).encode("utf-8"), ".html").parse_text)
    return parse(text)


def _row(record, code: str) -> list:
    values = record.values("applications")
    return [values.get((code, a)) for a in APPLICANTS]


@pytest.mark.parametrize("kind", ["txt", "html"])
@pytest.mark.parametrize("note", ["注：本年新收申请中 5 件 为 跨年度 申请", "说明：表中“其他”指其他组织，本年新收 3 件",
                                  "注1.一、本年新收政府信息公开申请数量 9 件"])
def test_a_note_above_table_3_naming_a_row_leaves_the_tables_row(kind, note):
    record = _read(tab_report().replace(T3, T3 + note + "\n"), kind)
    assert _row(record, "new") == [5, 0, 0, 0, 0, 0, 5]
    codes = {f.code for f in record.findings}
    assert not codes & {"row_lost_cells", "row_duplicate", "row_conflict"}


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_sentences_last_clause_naming_a_row_is_no_row(kind):
    """本年新收政府信息公开申请数量 3 件，上年结转 2 件 (no clause after the last number): before, 上年结转 was null."""
    text = tab_report(carried_over=2).replace(T3, T3 + "本年新收政府信息公开申请数量 3 件，上年结转 2 件\n")
    record = _read(text, kind)
    assert _row(record, "carried_over") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(record, "new") == [3, 0, 0, 0, 0, 0, 3]
    assert not {f.code for f in record.findings} & {"row_lost_cells", "row_duplicate"}


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_note_above_table_2_with_another_count_leaves_the_tables_value(kind):
    """注：网上办理行政许可 9 件 above table 二 printing 行政许可 1: before, null with row_conflict (9 vs 1)."""
    record = _read(tab_report().replace(T2, T2 + "注：网上办理行政许可 9 件\n"), kind)
    assert record.values("active")[("licensing", "decisions")] == 1
    assert "row_conflict" not in {f.code for f in record.findings}


def test_a_sentence_ending_above_the_table_keeps_the_row_it_runs_into():
    """The sentence's last 件。 joined to the table's first label (件。一、本年新收…) leaves that row the table's."""
    sentence = "本年度共收到政府信息公开申请 5 件，上年结转 0 件。\n"
    record = parse(tab_report().replace(T3, T3 + sentence))
    assert _row(record, "new") == [5, 0, 0, 0, 0, 0, 5]


def test_a_row_named_like_a_note_is_still_a_row():
    """注销登记 (no colon, no number after 注) is a label, not a note."""
    from xxgk.cells import _note_mark

    assert _note_mark().match("注销登记 5") is None
    assert _note_mark().match("注：行政许可 5 件") and _note_mark().match("备注1.行政许可 5 件")


# (printed name, province, city, county, tier, kind, 系统): a vertically managed local office named after its
# national administration. Before: tier national, no region (国家税务总局格尔木市税务局 beside the ministries).
VERTICAL = [
    ("国家税务总局格尔木市税务局", "青海省", "海西蒙古族藏族自治州", "格尔木市", "county", "department", "税务"),
    ("国家税务总局青海省税务局", "青海省", "", "", "province", "department", "税务"),
    ("国家税务总局西宁市城中区税务局", "青海省", "西宁市", "城中区", "county", "department", "税务"),
    ("中华人民共和国西宁海关", "青海省", "西宁市", "", "prefecture", "department", "海关"),
    ("国家统计局上海调查总队", "上海市", "", "", "province", "department", ""),
]


@pytest.mark.parametrize("printed,province,city,county,tier,kind,system", VERTICAL)
def test_a_vertically_managed_office_is_of_the_region_after_its_parent(printed, province, city, county, tier, kind,
                                                                       system):
    agency = name_to_agency(printed, "", {})
    assert (agency.province, agency.city, agency.county, agency.tier, agency.kind, agency.system) == (
        province, city, county, tier, kind, system)
    # the parent stays in the name, the region as printed; the country's name (in_id no) is no part of it:
    # 中华人民共和国西宁海关 and 西宁海关 are one customs district, 西宁海关 (session 27)
    assert agency.name == printed.removeprefix("中华人民共和国")
    assert agency.agency_id and not agency.agency_id.startswith("guojia")


def test_two_tax_offices_of_one_region_tree_get_two_ids_and_the_national_one_stays_national():
    county = name_to_agency("国家税务总局格尔木市税务局", "", {})
    province = name_to_agency("国家税务总局青海省税务局", "", {})
    national = name_to_agency("国家税务总局", "", {})
    assert len({county.agency_id, province.agency_id, national.agency_id}) == 3
    assert (national.tier, national.province) == ("national", "")
    assert name_to_agency("中华人民共和国教育部", "", {}).tier == "national"


ZEROS4 = "\t".join(["0"] * 15)
ONE_REVIEW = "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10)


def _narrative(record) -> list[str]:
    return [f.message for f in record.findings if f.code == "narrative_mismatch"]


def test_prose_saying_no_application_was_received_is_checked_against_table_3():
    """本年度未收到政府信息公开申请 where table 三 prints 5 new ones (a text copied from another year): before, no
    finding — the claims only read counts printed in digits."""
    record = parse(tab_report(narrative="本年度，本机关未收到政府信息公开申请。"))
    assert _narrative(record) == ["正文称“未收到政府信息公开申请”0件，表格为5件"]
    five, none = "\t".join(["", "5"] + ["0"] * 5 + ["5"]), "\t".join([""] + ["0"] * 7)
    empty = tab_report(narrative="本年度未收到政府信息公开申请。").replace(five, none)
    assert _narrative(parse(empty)) == []


def test_prose_saying_no_review_happened_is_checked_against_table_4():
    record = parse(tab_report(narrative="本年度未发生行政复议和行政诉讼。").replace(ZEROS4, ONE_REVIEW))
    assert _narrative(record) == ["正文称“未发生行政复议”0件，表格为1件"]


@pytest.mark.parametrize("sentence,table4", [
    ("本年度未发生行政复议被纠错的情况。", ONE_REVIEW),  # reviews happened: none was corrected
    ("未收到涉及政府信息公开的行政复议申请。", ZEROS4),  # no review, true; and no claim about table 三's 5
    ("未收到信访举报投诉类申请。", ONE_REVIEW),
    ("因未收到申请人补正材料，不再处理。", ONE_REVIEW),  # the applicant's papers, not the requests
])
def test_a_none_that_is_about_something_else_is_no_claim(sentence, table4):
    record = parse(tab_report(narrative=sentence).replace(ZEROS4, table4))
    assert _narrative(record) == []


def _table3_absent(record) -> str:
    (finding,) = [f for f in record.findings if f.code == "table_absent" and f.table == "3"]
    return finding.message


def test_a_report_saying_it_received_no_request_instead_of_table_3_is_told_so_and_published_null():
    """Section 三 of one sentence and no table: every cell null (only a printed 0 is 0), and the finding quotes the
    sentence. Before: 未找到表3的数据（只有表头，没有数据行）, a header the file does not have."""
    start, end = tab_report().index("三、收到"), tab_report().index("四、政府信息公开行政复议")
    section = "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请，无上年结转申请。\n"
    text = tab_report()[:start] + section + tab_report()[end:]
    record = parse(text)
    assert not any(v is not None for v in record.values("applications").values())
    message = _table3_absent(record)
    assert "未收到政府信息公开申请" in message and "只有表头" not in message
    assert "不是0" in message


def test_a_table_3_printing_only_its_header_is_still_told_so():
    start, end = tab_report().index("三、收到"), tab_report().index("四、政府信息公开行政复议")
    header = "三、收到和处理政府信息公开申请情况\n申请人情况\t\t\n自然人\t法人或其他组织\t总计\n\t商业企业\t科研机构\n"
    record = parse(tab_report()[:start] + header + tab_report()[end:])
    assert "只有表头" in _table3_absent(record)


@pytest.mark.parametrize("title,agency", [
    ("海城市发展和改革局 海城市粮食局2023年政府信息公开工作年度报告", None),  # a joint report: neither
    ("海城市人民政府 海城市粮食局2023年政府信息公开工作年度报告", "海城市粮食局"),  # the site's banner
    ("海城市粮食局 海城市粮食局2023年政府信息公开工作年度报告", "海城市粮食局"),  # printed twice
    ("首页 政府信息公开年报 海城市粮食局2023年政府信息公开工作年度报告", "海城市粮食局"),  # a breadcrumb
    ("海城市发展和改革局和海城市粮食局2023年政府信息公开工作年度报告", None),  # joined by 和: was one agency
    ("海城市发展和改革局及海城市粮食局2023年政府信息公开工作年度报告", None),
    ("沈阳市和平区人民政府2023年政府信息公开工作年度报告", "沈阳市和平区人民政府"),  # 和平区 is one name
])
def test_a_joint_report_whose_names_a_space_separates_names_no_one_publisher(title, agency):
    """Before: 海城市发展和改革局 海城市粮食局2023年… was published as 海城市粮食局's, no finding (with 、 it was
    already a joint report)."""
    record = parse(title + "\n" + tab_report().split("\n", 1)[1])
    assert (record.agency, record.year) == (agency, 2023)
    assert ("agency_joint" in {f.code for f in record.findings}) == (agency is None)


T2_2019 = """二、主动公开政府信息情况
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t8\t9\t89
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t39\t6\t181
其他对外管理服务事项\t10\t0\t153
行政处罚\t26\t4\t80
行政强制\t12\t6\t25
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t3\t5
信息内容\t采购项目数量\t采购总金额{unit}
政府集中采购\t135\t{amount}
"""


def _report_2019(unit: str, amount: str) -> str:
    text = tab_report(year=2019)
    return text[:text.index("二、主动公开")] + T2_2019.format(unit=unit, amount=amount) + text[text.index("三、收到"):]


def test_a_2019_procurement_amount_is_labelled_as_its_template_prints_it(tmp_path):
    """The wide table 二 (CSV and the database's view) named 政府集中采购's amount 本年收费金额（万元）, the fees'
    label, and so did its findings; the template prints 采购总金额 (the report page already said so)."""
    record = parse(_report_2019("（元）", "75394432.52"))
    (unit,) = [f for f in record.findings if f.code == "value_unit"]
    assert "采购总金额" in unit.message and "收费" not in unit.message
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r2019.txt").write_text(_report_2019("（万元）", "7539.44"), encoding="utf-8")
    build_package(tmp_path / "reports", tmp_path / "out", workers=1)
    with (tmp_path / "out" / "wide" / "表2_主动公开.csv").open(encoding="utf-8-sig") as handle:
        (row,) = [r for r in csv.DictReader(handle) if r["信息内容"] == "政府集中采购"]
    printed = (row["指标1"], row["数值1"], row["指标2"], row["数值2"])
    assert printed == ("采购项目数量", "135", "采购总金额（万元）", "7539.44")
    query = 'SELECT "指标1", "指标2" FROM "表2_主动公开" WHERE "信息内容" = ?'
    with sqlite3.connect(tmp_path / "out" / "xxgk.db") as db:
        labels = db.execute(query, ("政府集中采购",)).fetchall()
        fees = db.execute(query, ("行政事业性收费",)).fetchall()
    assert labels == [("采购项目数量", "采购总金额（万元）")] and fees == [("上一年项目数量", "本年增/减")]


def test_a_report_saying_no_review_happened_instead_of_table_4_is_told_so_and_published_null():
    start, end = tab_report().index("四、政府信息公开行政复议"), tab_report().index("五、存在的主要问题")
    section = "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n"
    record = parse(tab_report()[:start] + section + tab_report()[end:])
    assert not any(v is not None for v in record.values("review_litigation").values())
    (absent,) = [f.message for f in record.findings if f.code == "table_absent" and f.table == "4"]
    assert "未发生行政复议和行政诉讼" in absent and "不是0" in absent
