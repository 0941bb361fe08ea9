"""A statistics table often prints a row numbering its columns (栏次: 1 2 3 … 15) under its header. Those are
not values: table 四's fifteen blanks under such a row were published as 1, 2, … 15, and a real values row under
it lost the cells where the two rows disagree."""

from __future__ import annotations

import pytest

from tests.factory import tab_report
from xxgk.catalog import outcome_codes, proceeding_codes
from xxgk.parser import parse

HEADER = ("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
          + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3))
NUMBERS = "\t".join(str(n) for n in range(1, 16))
VALUES = [1, 2, 0, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def _table4(record) -> list:
    got = record.values("review_litigation")
    return [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()]


@pytest.mark.parametrize("label", ["", "栏次\t"])
def test_blank_cells_under_the_column_numbers_are_missing_not_the_numbers(label):
    text = tab_report().replace("\t".join(["0"] * 15), f"{HEADER}\n{label}{NUMBERS}\n" + "\t" * 14)
    record = parse(text)
    assert not any(v is not None for v in _table4(record))  # before: 1, 2, … 15


def test_values_under_the_column_numbers_are_read_whole():
    values = "\t".join(map(str, VALUES))
    record = parse(tab_report().replace("\t".join(["0"] * 15), f"{HEADER}\n栏次\t{NUMBERS}\n{values}"))
    assert _table4(record) == VALUES  # before: 13 of 15 null (row_conflict), 1 and 2 from the numbers' row
    assert not [f for f in record.findings if f.code in ("row_conflict", "identity_broken")]


@pytest.mark.parametrize("label", ["", "栏次 "])
def test_column_numbers_in_a_line_of_loose_text_are_header_too(label):
    """A PDF's text layer prints the 栏次 row as words apart by spaces: it was still published as 1 … 15."""
    loose = HEADER.replace("\t", " ") + "\n" + label + " ".join(str(n) for n in range(1, 16)) + "\n"
    record = parse(tab_report().replace("\t".join(["0"] * 15), loose))
    assert not any(v is not None for v in _table4(record))
