"""PDFs as agencies publish them (session 53, helper P): reports of known values rendered as Word exports them
(``benchmarks.pdf_sweep``), read as the build reads them; each test checks the numbers a reader would see."""

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


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_row_labels_in_one_cell_for_want_of_rules_between_label_columns_each_name_their_own_row(fmt):
    """Table 三 drawn with no vertical rule between its three label columns (三、本年度办理结果 | （三）不予公开 |
    1.属于国家秘密), its rows' rules drawn where each row ends. The table finder read the whole label block of a page
    as one cell over all its rows, in the first row: 予以公开's numbers were published as 7.属于行政执法案卷's (the
    last label the cell held) and a page's last row's as （七）总计's; every other row was lost. Each label is now read
    in its own row, and every number in its own cell."""
    truth, got = _published(pdf_sweep.distinct_source("distinct", fmt, 11), "label_rules_hidden", "3")
    table3 = {key: value for key, value in truth.items() if key[0] == "applications"}
    assert {key: got.get(key) for key in table3} == table3
