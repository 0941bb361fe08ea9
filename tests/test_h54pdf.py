"""PDFs without rules, and two wrong numbers left by session 53's sweep (session 54, helper P): reports of known
values rendered as Word exports them (``benchmarks.pdf_sweep``), read as the build reads them; each test checks the
numbers a reader would see."""

from __future__ import annotations

import pytest
from benchmarks import pdf_sweep


def _published(source: pdf_sweep.Source, *perturbation: str) -> tuple[dict, dict]:
    """``(truth, published)`` of ``{(table, keys): value}`` for a rendering of a sweep source."""
    pytest.importorskip("reportlab")
    doc = pdf_sweep.perturbed(source, *perturbation)
    record = pdf_sweep.read(pdf_sweep.render(doc))
    got = {(table, keys): value for table in pdf_sweep.TABLE_NO for keys, value in record.values(table).items()}
    return doc.truth, got


def _row_place(source: pdf_sweep.Source, table: str, first_cell: str) -> str:
    """The sweep's place (``2.17``) of the row of ``table`` whose first value cell prints ``first_cell``."""
    grid = pdf_sweep._grid(pdf_sweep.document(source), "t" + table)
    row = next(c.r for c in grid.cells if c.kind == "value" and c.text == first_cell)
    return f"{table}.{row}"


def test_an_amount_run_over_its_rule_into_the_projects_cell_is_no_number_of_its_leading_digit():
    """A 2019 procurement row printing its amount with its unit (``61827354.19元``), the amount's first digit run
    wholly past its rule into the projects cell: the amount's cell reads ``6｜1827354.19元`` (its parts apart). That
    cell was cut at its ``｜`` as label text, and 6 was published as 采购总金额 (万元). Both cells are now missing
    (unreadable, said), never a number the row does not print."""
    source = pdf_sweep.distinct_source("amount", "2019", 3)
    source.table2["procurement"] = ["135", "61827354.19元"]
    source = pdf_sweep._truth(source)
    truth, got = _published(source, "overrun_far", _row_place(source, "2", "135"))
    amount = ("active", ("procurement", "amount_10k_yuan"))
    assert truth[amount] is not None and got[amount] in (None, truth[amount])
    assert {key: value for key, value in got.items() if value is not None} == {
        key: truth[key] for key, value in got.items() if value is not None}
