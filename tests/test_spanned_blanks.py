"""A cell that says a value is missing (无, /, blank) spread over several value columns (colspan, a Word cell's
gridSpan) stands for each of them: table 四's 复议后起诉 printed as one 无 across its five columns left the row one
cell for five, and all fifteen values — the ten printed ones too — were published as missing."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, tab_report
from xxgk.catalog import outcome_codes, proceeding_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

PRINTED = [2, 1, 0, 0, 3, 1, 0, 0, 1, 2]  # 行政复议 and 未经复议直接起诉; 复议后起诉 is 无


def _table4(text: str) -> list:
    got = parse(text).values("review_litigation")
    return [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()]


def _html() -> bytes:
    cells = "".join(f"<td>{v}</td>" for v in PRINTED)
    text = tab_report().replace("\t".join(["0"] * 15), "@TABLE4@")
    body = "".join(f"<p>{line}</p>" if "\t" not in line else
                   "<table><tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr></table>"
                   for line in text.split("\n") if line != "@TABLE4@")
    table4 = f'<table><tr>{cells}<td colspan="5">无</td></tr></table>'
    return ("<html><body>" + body.replace("<p>五、存在的主要问题及改进情况</p>", table4
                                            + "<p>五、存在的主要问题及改进情况</p>") + "</body></html>").encode()


def _docx() -> bytes:
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(as_docx(tab_report().replace("\t".join(["0"] * 15), "@TABLE4@"))))
    marker = next(p for p in document.paragraphs if p.text == "@TABLE4@")
    table = document.add_table(rows=1, cols=11)
    for cell, value in zip(table.rows[0].cells, PRINTED + ["无"], strict=True):
        cell.text = str(value)
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "5")
    table.rows[0].cells[10]._tc.get_or_add_tcPr().append(span)
    marker._p.addnext(table._tbl)
    marker._p.getparent().remove(marker._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("make", "suffix"), [(_html, ".html"), (_docx, ".docx")])
def test_a_missing_marker_across_columns_is_missing_in_each_and_the_printed_values_stay(make, suffix):
    source = read_bytes(make(), suffix)
    assert source.ok, source.findings
    assert _table4(source.parse_text) == PRINTED + [None] * 5  # before: 15 × None
