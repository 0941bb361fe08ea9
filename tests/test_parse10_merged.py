"""A number in a Word table cell merged down over two rows (vMerge) is the count of both rows together, not of
either alone: each row's cell is missing with a ``value_merged`` finding (before: the first row had the
number, the second a blank). Text merged down (a group label) is still repeated in each row."""

from __future__ import annotations

import io

from tests.factory import tab_report
from xxgk.catalog import applicant_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _docx(merge_rows: tuple[str, str], column: int, text: str | None = None) -> bytes:
    """The factory's report as a Word file whose cell in ``column`` (0 = the label) of the rows labelled
    ``merge_rows`` is one cell merged down, holding the upper row's text (or ``text``)."""
    import docx

    document = docx.Document()
    lines = (text or tab_report()).split("\n")
    block: list[list[str]] = []

    def flush():
        if not block:
            return
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        upper = None
        for i, (row, cells) in enumerate(zip(table.rows, block, strict=True)):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
            if upper is None and cells[0] == merge_rows[0]:
                upper = i
        if upper is not None:
            top, below = table.rows[upper].cells[column], table.rows[upper + 1].cells[column]
            assert table.rows[upper + 1].cells[0].text == merge_rows[1]
            below.text = ""
            top.merge(below)
        block.clear()

    for line in lines:
        if "\t" in line:
            block.append(line.split("\t"))
        else:
            flush()
            if line.strip():
                document.add_paragraph(line)
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rows(record, *codes):
    got = record.values("applications")
    return [[got.get((code, a)) for a in applicant_codes()] for code in codes]


def test_a_number_merged_over_two_rows_belongs_to_neither():
    text = tab_report().replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0", "（二）部分公开\t0")
    source = read_bytes(_docx(("（一）予以公开", "（二）部分公开"), 1, text), ".docx")
    record = parse(source.text)
    granted, partial = _rows(record, "granted", "partially_granted")
    assert granted == [None, 0, 0, 0, 0, 0, 5] and partial == [None, 0, 0, 0, 0, 0, 0]
    merged = [f for f in record.findings if f.code == "value_merged"]
    assert {f.row for f in merged} == {"（一）予以公开", "（二）部分公开"} and {f.actual for f in merged} == {
        "5〔与下行合并〕", "〔与上行合并〕"}
    assert "5〔与下行合并〕" in source.text  # the text says what was printed, where


def test_a_label_merged_down_is_repeated():
    text = tab_report().replace("（三）不予公开 1.属于国家秘密\t", "（三）不予公开\t1.属于国家秘密\t").replace(
        "2.其他法律行政法规禁止公开\t", "（三）不予公开\t2.其他法律行政法规禁止公开\t")
    record = parse(read_bytes(_docx(("（三）不予公开", "（三）不予公开"), 0, text), ".docx").text)
    assert _rows(record, "denied_state_secret", "denied_prohibited_by_law") == [[0] * 7, [0] * 7]
    assert not record.findings


def _html(rows_html: str) -> str:
    from tests.test_layouts_unseen import html_report
    return html_report(t3=rows_html)


def test_an_html_number_merged_over_two_rows_belongs_to_neither():
    from tests.test_layouts_unseen import ROWS, html_table3

    rows = dict(ROWS, granted=["@", 1, 0, 0, 0, 0, 4], partially_granted=["#", 0, 0, 0, 0, 0, 1])
    # 予以公开 and 部分公开 share one 自然人 cell: 4, printed once over both rows
    table = html_table3(rows).replace("<td>@</td>", "<td rowspan=\"2\">4</td>").replace("<td>#</td>", "")
    record = parse(read_bytes(_html(table).encode("utf-8"), ".html").text)
    granted, partial = _rows(record, "granted", "partially_granted")
    assert granted == [None, 1, 0, 0, 0, 0, 4] and partial == [None, 0, 0, 0, 0, 0, 1]
    merged = sorted((f.row, f.column, f.actual) for f in record.findings if f.code == "value_merged")
    assert merged == [("（一）予以公开", "自然人", "4〔与下行合并〕"), ("（二）部分公开", "自然人", "〔与上行合并〕")]
    assert {f.code for f in record.findings} == {"value_merged"}  # before: 予以公开 had 4, 部分公开 was lost


def test_html_labels_merged_down_read_as_before():
    from tests.test_layouts_unseen import ROWS, _table3, html_report

    record = parse(read_bytes(html_report().encode("utf-8"), ".html").text)  # rowspans in the labels only
    assert _table3(record) == {code: ROWS.get(code, [0] * 7) for code in _table3(record)}
    assert "value_merged" not in {f.code for f in record.findings}
