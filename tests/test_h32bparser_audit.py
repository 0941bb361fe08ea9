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

