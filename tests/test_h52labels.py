"""A row label merged over two rows of a Word or web table, its numbers printed in one of them and nothing in the
other (session 52's sweep of HTML and .docx renderings, after helper Z's round: 3,673 cells missing in 538 of 838
Word files and 2,292 in 409 of 419 web pages, most said only as blank, the web page's row of numbers under no label
said by no finding). Read as the build reads a file (``read_bytes`` then ``parse``), on a made-up report."""

from __future__ import annotations

import io
from html import escape

import pytest

from tests.factory import _blocks, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes

LABEL = "（一）予以公开"


def _table3_rows(numbers_below: bool) -> tuple[list, int]:
    """``tab_report``'s blocks, 予以公开 printed over two rows (its 5 applications granted in the bottom row if
    ``numbers_below``, else in the top row; the other row blank), and the index of the table's block."""
    blocks = _blocks(tab_report())
    at = next(k for k, block in enumerate(blocks) if isinstance(block, list) and any(r[0] == LABEL for r in block))
    rows = blocks[at]
    r = next(k for k, row in enumerate(rows) if row[0] == LABEL)
    blank = [LABEL] + [""] * (len(rows[r]) - 1)
    rows[r:r + 1] = [blank, rows[r]] if numbers_below else [rows[r], blank]
    return blocks, at


def _html(numbers_below: bool) -> bytes:
    blocks, at = _table3_rows(numbers_below)
    body = []
    for k, block in enumerate(blocks):
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
            continue
        trs = []
        for i, row in enumerate(block):
            label = escape(row[0])
            values = "".join(f"<td>{escape(c)}</td>" for c in row[1:])
            if k == at and row[0] == LABEL and block[i + 1][0] == LABEL:
                trs.append(f'<tr><td rowspan="2">{label}</td>{values}</tr>')  # (the label over this row and the next)
            elif k == at and row[0] == LABEL:
                trs.append(f"<tr>{values}</tr>")
            else:
                trs.append(f"<tr><td>{label}</td>{values}</tr>")
        body.append("<table border='1'>" + "".join(trs) + "</table>")
    return ("<html><body>" + "\n".join(body) + "</body></html>").encode("utf-8")


def _docx(numbers_below: bool) -> bytes:
    import docx

    from tests.factory import add_docx_table

    blocks, at = _table3_rows(numbers_below)
    document = docx.Document()
    for k, block in enumerate(blocks):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = add_docx_table(document, block)
        if k == at:
            r = next(i for i, row in enumerate(block) if row[0] == LABEL)
            table.cell(r + 1, 0).text = ""
            table.cell(r, 0).merge(table.cell(r + 1, 0))  # (Word's vertical merge: restart, then continue)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("numbers_below", [True, False], ids=["numbers below", "numbers above"])
@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_label_merged_over_two_rows_reads_its_numbers(suffix, numbers_below):
    """The label stood beside blank cells in one row and (in a Word file, which prints a merged text in each row it
    covers) beside its numbers in the other: every value of the row missing — a row printed twice, once blank
    (``row_conflict``), or its blank cells read as the row's (``value_blank``) and, in a web page, the numbers below
    under no label lost with no finding. The row is read as printed."""
    data = _html(numbers_below) if suffix == ".html" else _docx(numbers_below)
    record = parse(read_bytes(data, suffix).parse_text)
    values = record.values("applications")
    assert values[("granted", "natural_person")] == 5 and values[("granted", "total")] == 5
    assert values[("granted", "commercial")] == 0
    assert not [f.code for f in record.findings if f.row == LABEL and f.severity != "info"]
    assert not [f for f in record.findings if f.code == "value_blank" and f.row == LABEL]
