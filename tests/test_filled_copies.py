"""Table 二's single values (行政许可, 行政处罚, 行政强制, 行政事业性收费) are cells merged across three columns. A
sheet that unmerged and filled them (Excel's 取消合并并填充, then exported) prints the value in each:
``1075 1075 1075``. That row used to be lost whole (``row_extra_cells``); it is the one value, with an info
finding. Different numbers still lose the row: nothing is chosen among them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .conftest import SEEDS

SEED = SEEDS / "001_5a6ed33a11e10be0.txt"  # table 二 as pipes: | 行政许可 | 0 | ||


def _read(rows: dict[str, str]):
    text = SEED.read_text(encoding="utf-8")
    for label, printed in rows.items():
        text = text.replace(f"| {label} | 0 | ||", printed, 1)
    return parse(read_bytes(text.encode("utf-8"), ".txt").parse_text)


pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared seeds are absent")


def test_a_filled_copy_of_a_merged_value_is_read_once():
    record = _read({"行政许可": "| 行政许可 | 1075 | 1075 | 1075 |", "行政处罚": "行政处罚\t12\t12",
                    "行政事业性收费": "| 行政事业性收费 | 2.5 | 2.5 | 2.5 |"})
    active = record.values("active")
    assert (active[("licensing", "decisions")], active[("penalty", "decisions")],
            active[("fees", "amount_10k_yuan")]) == (1075, 12, Decimal("2.5"))
    notes = sorted((f.row, f.severity) for f in record.findings if f.code == "value_filled_copies")
    assert notes == [("行政事业性收费", "info"), ("行政处罚", "info"), ("行政许可", "info")]
    assert not [f for f in record.findings if f.table == "2" and f.code != "value_filled_copies"]


def test_different_numbers_in_a_single_value_row_still_lose_it():
    record = _read({"行政许可": "| 行政许可 | 1075 | 1075 | 1076 |"})
    assert record.values("active").get(("licensing", "decisions")) is None
    assert [f.code for f in record.findings if f.row == "行政许可"] == ["row_extra_cells"]
