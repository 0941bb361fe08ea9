"""Table 四 printed as three pieces (one a proceeding: 行政复议 / 未经复议直接起诉 / 复议后起诉), one of them a cell too
many: the table has 16 cells for 15 — ``row_extra_cells`` (15 expected, 16 printed), never ``row_lost_cells`` with the
first piece's count, and every cell missing (which cell is the extra one cannot be told)."""

from __future__ import annotations

import pytest

from xxgk.catalog import outcome_codes, proceeding_codes
from xxgk.parser import parse

T4 = [3, 1, 0, 1, 5, 2, 1, 0, 0, 3, 1, 0, 1, 0, 2]
NAMES = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
HEAD = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n概述。\n四、政府信息公开行政复议、行政诉讼情况\n"
HEADER = "结果维持 结果纠正 其他结果 尚未审结 总计\n"
TAIL = "\n五、存在的主要问题及改进情况\n无。\n"


def _three_pieces(extra_at: int | None, sep: str, drop_at: int | None = None) -> str:
    lines = []
    for i, name in enumerate(NAMES):
        cells = [str(v) for v in T4[i * 5:i * 5 + 5]]
        if i == extra_at:
            cells.insert(2, "9")
        if i == drop_at:
            cells.pop(2)
        lines.append(sep.join([name, *cells]))
    return HEAD + HEADER + "\n".join(lines) + TAIL


def _table4(record):
    return [record.values("review_litigation")[(p, o)] for p in proceeding_codes() for o in outcome_codes()]


@pytest.mark.parametrize("sep", [" ", "\t"])
@pytest.mark.parametrize("extra_at", [0, 1, 2])
def test_three_pieces_with_a_cell_too_many_say_so_and_keep_no_number(extra_at, sep):
    record = parse(_three_pieces(extra_at, sep))
    found = [(f.code, f.expected, f.actual) for f in record.findings if f.table == "4"]
    assert ("row_extra_cells", "15", "16") in found
    assert not any(code == "row_lost_cells" for code, _, _ in found)
    assert _table4(record) == [None] * 15


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_three_pieces_read_whole_and_a_cell_short_as_before(sep):
    assert _table4(parse(_three_pieces(None, sep))) == T4
    record = parse(_three_pieces(None, sep, drop_at=1))
    assert any(f.code == "row_lost_cells" and f.table == "4" for f in record.findings)
    assert not any(f.code == "row_extra_cells" for f in record.findings)
    assert _table4(record) == [None] * 15
