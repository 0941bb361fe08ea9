"""Audit 32 (parser, second round of the day): layouts real agencies print that still lost or misplaced cells — a
小计 column first under 法人或其他组织, … — every printed cell in its row and column, every lost one null with a
finding, no number invented."""

from __future__ import annotations

from tests.factory import as_pipes
from xxgk.parser import parse

from .test_h31parser_audit import distinct_report, wrong_cells

_APPLICANTS = "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"


def _table3_rows(text: str) -> range:
    """The indexes of ``text``'s lines that are table 三's rows (a label and seven cells)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    last = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    return range(first, last + 1)


def _with_org_subtotal_first(text: str, subtotal_of_wrong_row: str | None = None) -> str:
    """``text`` with table 三 printed as some counties do: the organisations' 小计 first under 法人或其他组织
    (自然人 | 小计 | 商业企业 … 其他 | 总计), under a two-line header."""
    lines = text.split("\n")
    rows = _table3_rows(text)
    for i in rows:
        cells = lines[i].split("\t")
        subtotal = sum(int(c) for c in cells[2:7])
        lines[i] = "\t".join([*cells[:2], str(subtotal), *cells[2:]])
    header = ["申请人情况\t自然人\t法人或其他组织\t\t\t\t\t\t总计", f"\t\t小计\t{_APPLICANTS}\t"]
    return "\n".join(lines[:rows[0]] + header + lines[rows[0]:])


def test_table_3_with_the_organisations_subtotal_first_is_read_without_it():
    """Table 三 with a 小计 column first under 法人或其他组织 (``自然人 | 小计 | 商业企业 | … | 其他 | 总计``: eight
    cells a row), as tab cells, pipe rows and PDF text print it. Before: every row had a cell too many — all 175
    cells of the table missing with 25 row_extra_cells (a 小计 after 其他 was read; first, it was not). Now the 小计
    is dropped where the header prints it and a row's sums prove it: every cell is the printed one, no finding.
    A row of PDF text that lost a cell (seven numbers for eight) is missing with row_lost_cells, never shifted."""
    text, counts = distinct_report()
    printed = _with_org_subtotal_first(text)
    assert "\n一、本年新收政府信息公开申请数量\t" in printed and "\t\t小计\t商业企业" in printed
    for form in (printed, as_pipes(printed), printed.replace("\t", " ")):
        assert wrong_cells(form, counts) == {}
        assert not [f.code for f in parse(form).findings if f.table == "3"]
    line = next(x for x in printed.split("\n") if x.startswith("（一）予以公开"))
    cells = line.split("\t")
    short = printed.replace(line, "\t".join(cells[:3] + cells[4:])).replace("\t", " ")
    record = parse(short)
    values = record.values("applications")
    assert {values[("granted", a)] for a in ("natural_person", "commercial", "other_org", "total")} == {None}
    assert ("row_lost_cells", "（一）予以公开") in {(f.code, f.row) for f in record.findings if f.table == "3"}
    others = {k: v for k, v in wrong_cells(short, counts).items() if k[0] != "granted"}
    assert others == {}


_OUTCOMES = "结果维持 结果纠正 其他结果 尚未审结 总计"
_TABLE4 = "四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15)


def _table4_report(header: list[str], numbers: str) -> str:
    """A clean report (``tests.factory.tab_report``) whose table 四 prints ``header`` and the row ``numbers``."""
    from tests.factory import tab_report

    body = "\n".join([*header, " ".join([_OUTCOMES] * 4), numbers])
    return tab_report().replace(_TABLE4, "四、政府信息公开行政复议、行政诉讼情况\n" + body)


def test_table_4_with_a_fourth_group_summing_the_lawsuits_or_all_three_is_read_without_it():
    """Table 四 printed in four groups of five, the fourth a 合计: the two lawsuits' (行政复议 | 行政诉讼 over
    未经复议直接起诉 | 复议后起诉 | 合计, or 合计 first under 行政诉讼) or all three proceedings' (行政复议 | 行政诉讼 |
    合计): twenty numbers, in PDF text and tab cells. Before: row_extra_cells (20 for 15) and all fifteen cells missing.
    Now the 合计 group the header names is dropped when each of its five is the sum of the groups it sums: the
    fifteen are the printed ones, no finding. A 合计 that does not add up keeps the old reading (all missing, with
    row_extra_cells): which group is the table's own sum is then not known — never a shifted reading."""
    review, direct, after = "1 0 0 0 1", "2 0 0 1 3", "0 1 0 0 1"
    lawsuits, everything = "2 1 0 1 4", "3 1 0 1 5"
    expected = [int(n) for n in f"{review} {direct} {after}".split()]
    top, lawsuits_row = "行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"
    layouts = {
        "lawsuits' 合计 last": ([top, f"{lawsuits_row} 合计"], [review, direct, after, lawsuits]),
        "lawsuits' 合计 first": ([top, f"合计 {lawsuits_row}"], [review, lawsuits, direct, after]),
        "all three's 合计": ([f"{top} 合计", lawsuits_row], [review, direct, after, everything]),
    }
    for name, (header, groups) in layouts.items():
        text = _table4_report(header, " ".join(groups))
        for form in (text, text.replace(" ", "\t")):
            record = parse(form)
            assert list(record.values("review_litigation").values()) == expected, name
            assert not [f.code for f in record.findings if f.table == "4"], name
    wrong = _table4_report(layouts["lawsuits' 合计 last"][0], " ".join([review, direct, after, "2 1 0 1 5"]))
    record = parse(wrong)
    assert set(record.values("review_litigation").values()) == {None}
    assert [f.code for f in record.findings if f.table == "4"] == ["row_extra_cells"]


def test_a_table_2_row_naming_the_reports_year_after_its_item_is_read_in_pdf_text():
    """PDF text of table 二 whose rows name the year after the item (``行政许可（一）2024年度 819``,
    ``行政许可2024年度 819``) in a 2024 report. Before: a year after the item's name was taken for a sentence's
    other year (``行政许可：2023年办理3件``), and 819 was lost with label_unrecognised and row_absent (tab cells were
    read). Now the report's own year there is the item's count; another year still is not (a row of 2023's
    printed beside it is no 2024 count: label_unrecognised, never published)."""
    from tests.factory import tab_report

    for label in ("行政许可（一）2024年度", "行政许可2024年度", "行政许可（2024年度）"):
        text = tab_report().replace("行政许可\t1", f"{label}\t819").replace("\t", " ")
        record = parse(text)
        assert record.year == 2024
        assert record.values("active")[("licensing", "decisions")] == 819, label
        assert not [f.code for f in record.findings if f.table == "2"], label
    rows = "行政许可（一）2023年度\t700\n行政许可（二）2024年度\t819"
    both = tab_report().replace("行政许可\t1", rows).replace("\t", " ")
    record = parse(both)
    assert record.values("active")[("licensing", "decisions")] == 819
    assert [(f.code, f.actual) for f in record.findings if f.table == "2"] == [
        ("label_unrecognised", "信息内容本年处理决定数量行政许可(一)2023年度")]
    other = parse(tab_report().replace("行政许可\t1", "行政许可2023年度\t700").replace("\t", " "))
    assert other.values("active")[("licensing", "decisions")] is None


def test_a_footnote_mark_glued_to_a_number_in_pdf_text_costs_only_its_cell():
    """PDF text of a row whose cell carries a footnote's mark (``2.重复申请 2* 0 0 0 0 0 2``; also ``2※``,
    ``2（注）``, ``2注``), as tab cells print ``2*`` in a cell of its own. Before: in PDF text the mark began a
    label in the row's middle and the whole row was lost (label_unrecognised ``*`` and row_lost_cells: seven cells
    for one); in tab cells only the marked cell was. Now the mark is its cell's in both: that cell missing with
    value_unreadable quoting it (the mark may qualify the number), the row's other cells as printed."""
    text, counts = distinct_report()
    line = next(x for x in text.split("\n") if x.startswith("2.重复申请"))
    cells = line.split("\t")
    for mark in ("*", "※", "（注）", "注"):
        printed = text.replace(line, "\t".join([cells[0], cells[1] + mark, *cells[2:]]))
        for form in (printed, printed.replace("\t", " ")):
            record = parse(form)
            wrong = wrong_cells(form, counts)
            assert wrong == {("rejected_duplicate", "natural_person"): None}, mark
            said = [(f.code, f.row) for f in record.findings if f.table == "3"]
            assert said == [("value_unreadable", "2.重复申请")], mark
    from tests.factory import tab_report

    record = parse(tab_report().replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t3*\t1\t20").replace("\t", " "))
    values = record.values("active")
    assert [values[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [None, 1, 20]


def _label_column_apart(text: str, wrap: bool, drop: int | None = None) -> tuple[str, list[str]]:
    """``text`` (tab cells) as PDF text whose table 三 label column was extracted as a block of its own: every
    label first (``wrap``: a group's heading on a line of its own, long labels wrapped at 16 characters), then
    every row's numbers, a line each (but the ``drop``-th); and the lines of numbers."""
    lines = text.replace("\t", " ").split("\n")
    rows = _table3_rows(text)
    labels, numbers = [], []
    for line in lines[rows[0]:rows[-1] + 1]:
        label, cells = line.rsplit(" ", 7)[0], " ".join(line.rsplit(" ", 7)[1:])
        numbers.append(cells)
        if wrap and label.startswith(("（三）", "（四）", "（五）", "（六）")):
            labels += label.split(" ", 1)
        elif wrap and len(label) > 16:
            labels += [label[:16], label[16:]]
        else:
            labels.append(label)
    header = ["申请人情况", "自然人", "法人或其他组织", "总计", _APPLICANTS.replace("\t", " ")]
    printed = [cells for i, cells in enumerate(numbers) if i != drop]
    return "\n".join(lines[:rows[0]] + header + labels + printed + lines[rows[-1] + 1:]), numbers


def test_table_3_whose_label_column_was_extracted_apart_is_paired_in_order_when_its_identities_hold():
    """PDF text of table 三 whose label column the text layer printed as a block: the 25 labels (wrapped, a group's
    heading alone on its line) and then the 25 rows of numbers, a line each. Before: the labels ran together into
    one label whose 175 numbers were one row — every cell missing, row_extra_cells and 24 row_absent. Now each line
    of numbers goes after its row's label, in order, kept only when the identities then hold: every cell is the
    printed one, with rows_realigned. A block a line of numbers short cannot be paired: nothing is published."""
    text, counts = distinct_report()
    for wrap in (False, True):
        printed, numbers = _label_column_apart(text, wrap)
        assert "\n四、结转下年度继续办理\n" + numbers[0] + "\n" in printed
        assert wrong_cells(printed, counts) == {}, wrap
        assert [f.code for f in parse(printed).findings if f.table == "3"] == ["rows_realigned"], wrap
    short, _ = _label_column_apart(text, True, drop=10)
    assert short.count("\n") == printed.count("\n") - 1
    assert set(parse(short).values("applications").values()) == {None}


def test_table_4_printed_twice_in_pdf_text_is_compared_as_in_tab_cells():
    """Table 四 printed twice in PDF text — a summary and a detail (the region's and the office's own), each under
    its header (or a caption between), or the second right under the first — with other numbers. Before: a second
    copy under a header was ignored, the first published with no finding (tab cells said row_conflict), and one
    right under the first ran on into thirty numbers: all fifteen missing with row_extra_cells. Now each copy is
    compared as tab cells' are: the cells the copies disagree on missing with one row_conflict, the others read;
    copies that agree, read with no finding."""
    header = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]
    outcomes = " ".join([_OUTCOMES] * 3)
    one, two = "1 0 0 0 1 2 0 0 1 3 0 1 0 0 1", "3 0 0 0 3 2 0 0 1 3 0 1 0 0 1"
    agreed = [None, 0, 0, 0, None, 2, 0, 0, 1, 3, 0, 1, 0, 0, 1]
    for between in ([*header, outcomes], ["（二）本机关本级", *header, outcomes], []):
        for form in (" ", "\t"):
            text = _table4_report(header[:1], "\n".join([header[1], outcomes, one, *between, two]))
            text = text.replace(" ".join([_OUTCOMES] * 4) + "\n", "").replace(" ", form)
            record = parse(text)
            assert list(record.values("review_litigation").values()) == agreed, (between, form)
            said = [(f.code, f.column) for f in record.findings if f.table == "4"]
            assert said == [("row_conflict", "行政复议·结果维持、行政复议·总计")], (between, form)
    same = _table4_report(header[:1], "\n".join([header[1], outcomes, one, *header, outcomes, one]))
    record = parse(same.replace(" ".join([_OUTCOMES] * 4) + "\n", ""))
    assert list(record.values("review_litigation").values()) == [int(n) for n in one.split()]
    assert not [f.code for f in record.findings if f.table == "4"]
