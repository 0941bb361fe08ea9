"""Table 三 as a converter printed it with every cell on a line of its own and an empty cell as an empty line.
Samples written here by hand in that layout."""

from __future__ import annotations

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse

ROWS = row_codes("2021")
HEAD = ["某某市教育局2023年政府信息公开工作年度报告", "", "一、总体情况", "概述。",
        "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "商业企业", "科研机构",
        "社会公益组织", "法律服务机构", "其他", "总计"]
TAIL = ["四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况", "无。"]
N = None
# blank cells (None) where the report printed nothing; identity-consistent where printed
VALUES = {code: [0, N, N, N, N, N, 0] for code in ROWS}
VALUES.update({"new": [21, 3, N, N, 1, N, 25], "carried_over": [2, N, N, N, N, N, 2],
               "granted": [9, 2, N, N, 1, N, 12], "unavailable_not_held": [10, 1, N, N, N, N, 11],
               "total_processed": [19, 3, N, N, 1, N, 23], "carried_forward": [4, N, N, N, N, N, 4]})


def _text(values: dict) -> str:
    lines = list(HEAD)
    for code in ROWS:
        lines.append(labels()["rows"][code].replace(" ", ""))
        lines += ["" if v is None else str(v) for v in values[code]]
    return "\n".join(lines + TAIL) + "\n"


def _read(record) -> dict:
    got = record.values("applications")
    return {code: [got[(code, a)] for a in applicant_codes()] for code in ROWS}


def test_empty_lines_between_one_cell_per_line_numbers_are_the_empty_cells_in_their_places():
    """Before: a row with two or more empty cells had fewer numbers than cells and was lost whole. A row whose
    lines no longer count seven cells (an empty line lost) stays missing: nothing is shifted into place."""
    record = parse(_text(VALUES))
    assert _read(record) == VALUES
    assert not [f for f in record.findings if f.code == "row_lost_cells"]

    lines = _text(VALUES).split("\n")
    at = lines.index(labels()["rows"]["granted"].replace(" ", ""))
    assert lines[at + 1:at + 8] == ["9", "2", "", "", "1", "", "12"]
    del lines[at + 3]  # one of the two empty cells between 2 and 1
    record = parse("\n".join(lines))
    assert _read(record)["granted"] == [None] * 7
    assert any(f.code == "row_lost_cells" and "予以公开" in (f.row or "") for f in record.findings)
    assert {c: v for c, v in _read(record).items() if c != "granted"} == {
        c: v for c, v in VALUES.items() if c != "granted"}


def test_a_row_of_empty_lines_only_is_a_blank_row_and_a_2019_table_stays_2019():
    """Every cell of a row empty: its label, seven empty lines, the next label. Before: the label ran on into the
    next row's, so 2019's single （六）其他处理 row was not seen and the table was read as 2021's (three 其他处理
    rows absent, the report's template wrong)."""
    rows = row_codes("2019")
    values = {code: [0, N, N, N, N, N, 0] for code in rows}
    values.update({"new": [5, N, N, N, N, N, 5], "granted": [5, N, N, N, N, N, 5],
                   "total_processed": [5, N, N, N, N, N, 5], "other": [N] * 7,
                   "denied_third_party": [N] * 7})
    lines = list(HEAD)
    for code in rows:
        lines.append(labels()["rows"][code].replace(" ", ""))
        lines += ["" if v is None else str(v) for v in values[code]]
    record = parse("\n".join(lines + TAIL) + "\n")
    assert record.formats["applications"] == "2019"
    got = record.values("applications")
    assert {code: [got[(code, a)] for a in applicant_codes()] for code in rows} == values
    assert not [f for f in record.findings if f.code == "row_absent"]
