"""Audit 27 (parser): real report shapes nobody here had tried — a sentence's count above a table, numbered notes,
department and merged-office titles, other scripts' digits, page footers in PyMuPDF text, last year's table printed
first — never publish a number the report does not print in that cell, nor a false finding."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
HEADING_3 = "三、收到和处理政府信息公开申请情况\n"


def _row(record, code: str) -> list:
    values = record.values("applications")
    return [values.get((code, a)) for a in APPLICANTS]


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


def test_a_bare_count_of_the_total_above_table_3_is_no_second_total_row():
    """``（七）总计 478 件`` on its own line above table 三 (a sentence's count, no note mark). Before: read as the
    总计 row (one number for seven cells: row_lost_cells) and the table's own 总计 row dropped as its duplicate, all
    seven 总计 cells null. Now the table's row is read and the line is told as prose."""
    for count in ("（七）总计 478 件", "（七）总计478件。"):
        record = parse(tab_report().replace(HEADING_3, HEADING_3 + count + "\n"))
        assert _row(record, "total_processed") == [5, 0, 0, 0, 0, 0, 5], count
        assert not {"row_lost_cells", "row_duplicate"} & _codes(record), count


def test_a_numbered_note_under_table_3_is_no_row_and_no_prose_number():
    """``注 1：四、结转下年度继续办理…`` under table 三: the 1 numbers the note. Before: a note ending at the quoted
    label was a row 注 | 1 (label_unrecognised), and a note going on a line of prose_numbers_unused for its own
    number; the table's values are unchanged either way."""
    end = "四、政府信息公开行政复议、行政诉讼情况\n"
    for note in ("注 1: 四、结转下年度继续办理", "注 1：四、结转下年度继续办理的申请将于下一年度答复。",
                 "备注（2）：（七）总计含往年申请。"):
        record = parse(tab_report().replace(end, note + "\n" + end))
        assert not {"label_unrecognised", "prose_numbers_unused"} & _codes(record), note
        assert _row(record, "carried_forward") == [0] * 7, note


def test_a_merged_party_and_government_office_is_one_publisher():
    """两办合署: a county's party committee office and government office are one office, its report titled with both
    names. Before: printed with a place name after 和, with 、 or with a space between the names, it was a joint
    report (agency_joint, agency_not_found: no publisher, no agency page), while 张掖市委办公室和市政府办公室 was one
    agency. Two departments in one title stay a joint report."""
    for printed, name in (("中共临洮县委办公室和临洮县人民政府办公室", "中共临洮县委办公室和临洮县人民政府办公室"),
                          ("中共临洮县委办公室、临洮县人民政府办公室", "中共临洮县委办公室、临洮县人民政府办公室"),
                          ("临洮县委办公室、县政府办公室", "临洮县委办公室、县政府办公室"),
                          ("临洮县委办公室 临洮县人民政府办公室", "临洮县委办公室临洮县人民政府办公室")):
        record = parse(tab_report(agency=printed))
        assert record.agency == name, printed
        assert not {"agency_joint", "agency_not_found"} & _codes(record), printed
    for joint in ("海城市发展和改革局和海城市粮食局", "海城市发展和改革局、海城市粮食局"):
        record = parse(tab_report(agency=joint))
        assert record.agency is None and "agency_joint" in _codes(record), joint


def test_a_unit_printed_after_its_departments_name_is_the_publisher():
    """``平凉市教育局 平凉市教育局直属机关2024年…``: the unit's name begins with its department's, printed before it
    as a banner. Before: a joint report, no publisher; now the unit publishes (as 兰州市公安局 交通管理支队 did)."""
    record = parse(tab_report(agency="平凉市教育局 平凉市教育局直属机关"))
    assert record.agency == "平凉市教育局直属机关"
    assert not {"agency_joint", "agency_not_found"} & _codes(record)
