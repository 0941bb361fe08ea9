"""Session 60 (helper C): table 三 printed with columns the template has not. After its seven, another period's
count or a comparison (总计 | 上年同期 | 同比增减, a 备注 holding numbers); or two periods side by side (本年 over seven
columns, 上年 over seven more: 14 value columns). Every row had more cells than seven and the whole table was lost
(``row_extra_cells``, 175 cells). Now, where the header names those columns so and tells where this year's seven
stand, each row keeps them (one ``columns_selected`` finding says the others were left out); where it does not tell,
the table stays missing as before. Written from the 2021 template with invented agencies' names; every cell's value is
told apart from its neighbours (``tests.test_h46reports.ROWS``)."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, as_html, as_pipes, tab_report
from tests.test_h46reports import GROUPS, LABELS, ROWS, _codes, _parse, _table3

NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
LAST_YEAR = {code: [v + 2 for v in values] for code, values in ROWS.items()}  # (a value apart from this year's)


def _table(header: list[str], cells) -> str:
    """Table 三 in tabs: ``header``'s lines, then each row's label (a group's name in the cell before its first item)
    and ``cells(code)``."""
    out = list(header)
    for code, label in LABELS.items():
        head = "三、本年度办理结果\t" if code == "granted" else GROUPS.get(code, "") + ("\t" if code in GROUPS else "")
        out.append(head + label + "\t" + "\t".join(map(str, cells(code))))
    return "\n".join(out)


def _after(names: list[str]) -> list[str]:
    """The template's three header lines with ``names`` after 总计."""
    return ["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况",
            "\t自然人\t法人或其他组织\t\t\t\t\t总计\t" + "\t".join(names),
            "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t" + "\t" * len(names)]


def _periods(first: str, second: str) -> list[str]:
    return [f"申请人情况\t{first}" + "\t" * 7 + second, "\t" + "\t".join(NAMES + NAMES)]


def _report(table3: str, agency: str = "样例县住建局") -> str:
    base = tab_report(agency=agency)
    start = base.index("三、收到和处理政府信息公开申请情况\n") + len("三、收到和处理政府信息公开申请情况\n")
    return base[:start] + table3 + base[base.index("\n四、政府信息公开行政复议"):]


TABLES = {
    "上年同期 and 同比增减 after 总计": _table(_after(["上年同期", "同比增减"]), lambda code: ROWS[code] + [
        LAST_YEAR[code][6], ROWS[code][6] - LAST_YEAR[code][6]]),
    "总计 first, 上年同期 after the seven": _table(["项目\t总计\t" + "\t".join(NAMES[:6]) + "\t上年同期"],
                                           lambda code: [ROWS[code][6], *ROWS[code][:6], LAST_YEAR[code][6]]),
    "a 备注 of numbers after 总计": _table(_after(["备注"]), lambda code: ROWS[code] + [LAST_YEAR[code][6]]),
    "本年 then 上年": _table(_periods("本年", "上年"), lambda code: ROWS[code] + LAST_YEAR[code]),
    "上年 then 本年": _table(_periods("上年", "本年"), lambda code: LAST_YEAR[code] + ROWS[code]),
    "本期 then 上年同期": _table(_periods("本期", "上年同期"), lambda code: ROWS[code] + LAST_YEAR[code]),
}
FORMS = {"tabs": (lambda t: t, ".txt"), "pipes": (as_pipes, ".txt"), "html": (as_html, ".html"),
         "docx": (as_docx, ".docx")}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case", TABLES)
def test_this_years_seven_columns_are_read_and_the_others_left_out_with_a_finding(case, form):
    convert, suffix = FORMS[form]
    record = _parse(convert(_report(TABLES[case])), suffix)
    assert _table3(record) == ROWS  # before: every cell None (row_extra_cells)
    selected = [f for f in record.findings if f.code == "columns_selected"]
    assert len(selected) == 1 and selected[0].table == "3", selected
    assert not _codes(record) & {"row_extra_cells", "identity_broken", "row_lost_cells", "columns_order_unsure"}


def test_a_web_page_merging_the_header_cells_over_their_columns_is_read_by_the_names():
    """A web page printing the template's header with its cells merged (申请人情况 over three label columns and two
    rows, 本年 and 上年 each over seven columns, 法人或其他组织 over five): its text prints each merged name once, so
    no name stands above its column; the names' order tells this year's seven (the second block here)."""
    orgs = "".join(f"<td>{n}</td>" for n in NAMES[1:6])
    head = ("<tr><td colspan=2 rowspan=3>申请人情况</td><td colspan=7>上年</td><td colspan=7>本年</td></tr>"
            + "<tr>" + "<td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td>" * 2 + "</tr>"
            + f"<tr>{orgs}{orgs}</tr>")
    body = []
    for code, label in LABELS.items():
        cells = "".join(f"<td>{v}</td>" for v in LAST_YEAR[code] + ROWS[code])
        group = GROUPS.get(code)
        body.append(f"<tr><td>{group}</td><td>{label}</td>{cells}</tr>" if group else
                    f"<tr><td colspan=2>{label}</td>{cells}</tr>")
    section4 = "<p>四、政府信息公开行政复议"
    page = as_html(_report("\n", agency="样例市河湖中心")).replace(
        section4, "<table border=1>" + head + "".join(body) + "</table>" + section4, 1)
    record = _parse(page, ".html")
    assert _table3(record) == ROWS
    assert "columns_selected" in _codes(record) and "row_extra_cells" not in _codes(record)


def test_columns_after_the_seven_left_blank_in_some_rows_are_no_cells_of_them():
    """同比增减 printed in some rows only (blank in the others, a cell the web page or Word table keeps empty)."""
    text = _report(_table(_after(["上年同期", "同比增减"]), lambda code: ROWS[code] + (
        [LAST_YEAR[code][6], -2] if code in ("new", "granted", "total_processed") else ["", ""])))
    for convert, suffix in FORMS.values():
        record = _parse(convert(text), suffix)
        assert _table3(record) == ROWS, suffix
        assert "columns_selected" in _codes(record) and "row_extra_cells" not in _codes(record)


@pytest.mark.parametrize("header", [
    _periods("2023年", "2024年"),  # (two periods, neither named this year's by a word)
    ["项目\t上年同期\t" + "\t".join(NAMES)],  # (another column before the seven: which are this year's, not told)
    ["项目\t" + "\t".join(NAMES) + "\t合计"],  # (a column after the seven named as no other period's)
])
def test_where_the_header_does_not_tell_this_years_columns_the_table_stays_missing(header):
    if len(header) == 1 and "上年同期" in header[0]:
        cells = lambda code: [LAST_YEAR[code][6]] + ROWS[code]  # noqa: E731
    elif len(header) == 1:
        cells = lambda code: ROWS[code] + [ROWS[code][6]]  # noqa: E731
    else:
        cells = lambda code: LAST_YEAR[code] + ROWS[code]  # noqa: E731
    record = _parse(_report(_table(header, cells)))
    assert all(v is None for values in _table3(record).values() for v in values)
    assert "row_extra_cells" in _codes(record) and "columns_selected" not in _codes(record)


def test_a_row_of_seven_cells_in_a_table_printing_last_year_first_is_missing():
    """上年 | 本年 side by side and one row printed with seven cells only: whose seven they are, the row does not say
    (before, the whole table was lost; now that row is, with row_lost_cells, and the others are read)."""
    text = _report(_table(_periods("上年", "本年"), lambda code: ROWS[code] if code == "rejected_duplicate" else (
        LAST_YEAR[code] + ROWS[code])))
    record = _parse(text)
    got = _table3(record)
    assert got["rejected_duplicate"] == [None] * 7
    assert {code: values for code, values in got.items() if code != "rejected_duplicate"} == {
        code: values for code, values in ROWS.items() if code != "rejected_duplicate"}
    lost = [f for f in record.findings if f.code == "row_lost_cells"]
    assert [f.row for f in lost] == [LABELS["rejected_duplicate"]]
