"""Session 52's sweep of report files as agencies publish them (HTML pages and .docx files whose tables have merged
header cells, spacer rows and columns, split and nested tables …): each wrong number it found, on a small made-up
report (样例县数据局), read as the build reads it (``read_bytes`` then ``parse``)."""

from __future__ import annotations

import pytest

from tests.factory import as_docx, as_html, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _published(data: bytes, suffix: str):
    return parse(read_bytes(data, suffix).parse_text)


def _as(text: str, suffix: str) -> bytes:
    return as_html(text).encode("utf-8") if suffix == ".html" else as_docx(text)


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_two_cells_numbers_in_one_cell_led_by_0_are_not_one_number(suffix):
    """A cell holding two cells' numbers (``0 153``: 本年废止 0 and 现行有效 153, the cell between them lost, the
    last cell blank) was read as one number grouped by thousands, and 153 was published as 本年废止件数. A first
    group of 0 is no thousands' group: the cell is unreadable, said, and no number of it is published."""
    text = tab_report(in_force=153).replace("行政规范性文件\t0\t0\t153", "行政规范性文件\t0\t0 153\t")
    record = _published(_as(text, suffix), suffix)
    values = record.values("active")
    assert values[("normative_documents", "issued")] == 0
    assert values.get(("normative_documents", "repealed")) is None
    assert values.get(("normative_documents", "in_force")) is None
    assert any(f.code == "value_unreadable" and f.column == "本年废止件数" for f in record.findings)
