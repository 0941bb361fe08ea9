"""Table 三 whose header names one column order while the row totals hold only in another: the reader is
told (``columns_header_contradicted``, expected = the header's order, actual = the order the totals hold in)
and the header is set aside: the table is read as one without a header (published when the totals hold in the
template's order, missing with ``columns_order_unsure`` otherwise); a row whose total holds only in an order the rest of
the table contradicts has no column anyone can decide: it is missing with ``columns_order_unsure``."""

from __future__ import annotations

from tests.test_layouts_hostile import LABELS, T3, _codes, _read, _table3, pdf_text_report
from xxgk.catalog import row_codes

USUAL = "自然人 法人或其他组织 总计"
FIRST = "总计 自然人 法人或其他组织"


def _report(header: str, total_first: set[str]) -> str:
    """The clean report with table 三's header line ``header`` and the rows in ``total_first`` printed 总计 first."""
    text = pdf_text_report().replace(USUAL + "\n", header + "\n")
    for code in row_codes("2021"):
        if code in total_first:
            usual = f"{LABELS[code]} {' '.join(map(str, T3[code]))}\n"
            text = text.replace(usual, f"{LABELS[code]} {' '.join(map(str, [T3[code][-1], *T3[code][:-1]]))}\n")
    return text


def _contradicted(record):
    return [f for f in record.findings if f.code == "columns_header_contradicted"]


def test_a_header_naming_total_first_over_rows_whose_totals_hold_last_is_said():
    record = _read(_report(FIRST, set()))
    assert _table3(record) == T3  # every row's total holds only with 总计 last: each value is in its column
    said = _contradicted(record)
    assert len(said) == 1, record.findings
    assert said[0].expected.startswith("总计 | 自然人") and said[0].actual.endswith("其他 | 总计")
    assert said[0].table == "3" and said[0].severity == "warning"
    assert "columns_reordered" not in _codes(record)


def test_a_usual_header_over_rows_printed_total_first_publishes_no_value_under_a_wrong_column():
    record = _read(_report(USUAL, set(row_codes("2021"))))
    # before: read by the header, 总计 under 自然人 (31 published as the natural persons' count)
    assert all(v is None for v in record.values("applications").values())
    said = _contradicted(record)
    assert len(said) == 1 and said[0].expected.endswith("| 总计") and said[0].actual.startswith("总计 |")
    assert "columns_order_unsure" in _codes(record)  # the header set aside, read as a table with none


def test_a_row_whose_total_holds_only_against_the_table_s_order_is_missing():
    odd = "granted"  # printed 总计 last under a 总计-first header and among 总计-first rows
    record = _read(_report(FIRST, set(row_codes("2021")) - {odd}))
    got = _table3(record)
    assert got[odd] == [None] * 7
    assert {code: v for code, v in got.items() if code != odd} == {c: v for c, v in T3.items() if c != odd}
    unsure = [f for f in record.findings if f.code == "columns_order_unsure"]
    assert len(unsure) == 1 and "予以公开" in unsure[0].row


def test_a_header_the_totals_agree_with_is_read_as_before():
    assert not _contradicted(_read(_report(FIRST, set(row_codes("2021")))))
    assert not _contradicted(_read(_report(USUAL, set())))
    assert _table3(_read(_report(FIRST, set(row_codes("2021"))))) == T3


def _total_merged_from_the_first_header_row(rows: dict) -> str:
    """Table 三 as a CMS page prints it with its 总计 cell merged down from the header's first row: the text
    puts 总计 on the line of 申请人情况, above 自然人, though the column is the last."""
    from tests.test_layouts_unseen import html_report, html_table3, td
    note = td("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", colspan=3, rowspan=3)
    table = html_table3(rows).replace(
        "<tr>" + note + td("申请人情况", colspan=7) + "</tr>",
        "<tr>" + note + td("申请人情况", colspan=6) + td("总计", rowspan=3) + "</tr>").replace(
        td("法人或其他组织", colspan=5) + td("总计", rowspan=2), td("法人或其他组织", colspan=5))
    return html_report(t3=table)


def test_a_total_merged_down_from_the_header_s_first_row_is_no_total_first_header():
    from tests.test_layouts_unseen import _parse
    one = [1, 0, 0, 0, 0, 0, 1]  # one natural person's application, granted: its total holds in either order
    record = _parse(_total_merged_from_the_first_header_row({"new": one, "granted": one, "total_processed": one}))
    got = record.values("applications")
    assert (got[("new", "natural_person")], got[("new", "other_org")], got[("new", "total")]) == (1, 0, 1)
    assert not _codes(record) & {"columns_reordered", "columns_header_contradicted", "columns_order_unsure"}


def test_a_total_merged_down_over_rows_whose_totals_hold_last_is_no_contradiction():
    from tests.test_layouts_unseen import ROWS, ZERO, _parse
    record = _parse(_total_merged_from_the_first_header_row(ROWS))
    got = record.values("applications")
    assert all(got[(code, a)] == ROWS.get(code, ZERO)[i] for code in row_codes("2021")
               for i, a in enumerate(("natural_person", "commercial", "research", "social_welfare",
                                      "legal_services", "other_org", "total")))
    assert not _codes(record) & {"columns_reordered", "columns_header_contradicted", "columns_order_unsure"}


def test_a_total_first_table_whose_total_is_merged_down_from_the_first_header_row_publishes_no_guess():
    from tests.test_layouts_unseen import _parse, html_report, html_table3, td
    printed = {code: [v[-1], *v[:-1]] for code, v in T3.items()}  # 总计 first, as its header cell stands
    note = td("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", colspan=3, rowspan=3)
    table = html_table3(printed).replace(
        "<tr>" + note + td("申请人情况", colspan=7) + "</tr>",
        "<tr>" + note + td("总计", rowspan=3) + td("申请人情况", colspan=6) + "</tr>").replace(
        td("法人或其他组织", colspan=5) + td("总计", rowspan=2), td("法人或其他组织", colspan=5))
    record = _parse(html_report(t3=table))
    assert all(v is None for v in record.values("applications").values())  # never 总计 under 自然人
    unsure = [f for f in record.findings if f.code == "columns_order_unsure"]
    assert len(unsure) == 1 and "表头未写明总计列的位置" in unsure[0].message
