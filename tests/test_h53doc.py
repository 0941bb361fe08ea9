"""Session 53: Word 97-2003 files (.doc, and .wps, the same format) read as session 52's sweep made the .docx reader
read the same tables. The .doc reader (``word97.merged_rows``) mirrors the .docx reader's table rules, but session
52's three were added to the .docx reader alone, and LibreOffice's copies of its sweep's files showed each of them
missing: a spacer column put every number after it a column right, ``3 120`` in one cell beside a blank one was
published as 3120, and a row label merged over two rows lost the row (``row_conflict``). The fixtures are
``tests/word97_reports.py``'s builders saved as .doc by LibreOffice (``tests/fixtures/word97/make_fixtures.py``);
``test_word97.test_a_doc_reads_as_the_same_report_as_docx`` also holds their text to the .docx reader's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_h52hunt import assert_spacer_column_not_read
from xxgk.parser import parse
from xxgk.readers import read_bytes

FOLDER = Path(__file__).parent / "fixtures" / "word97"
LABEL = "（一）予以公开"


def _published(name: str, suffix: str = ".doc"):
    return parse(read_bytes((FOLDER / f"{name}.doc").read_bytes(), suffix).parse_text)


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_a_spacer_column_of_a_doc_is_no_column(suffix):
    """Before, every row of table 三 was a cell too many (lost, ``row_extra_cells``) and the row whose 总计 is blank
    was read with its spacer as 商业企业: 0 published as its 总计, which the report leaves blank."""
    assert_spacer_column_not_read(_published("report_spacer_column", suffix))


def test_two_numbers_apart_by_a_space_in_a_doc_cell_beside_a_blank_one_are_not_one_number():
    """Before, 3120 was published as 本年废止件数 for a cell printing ``3 120`` (本年废止 3, 现行有效 120, the next cell
    blank); now neither is published and the cell is said unreadable."""
    record = _published("report_two_numbers_in_a_cell")
    values = record.values("active")
    assert values.get(("normative_documents", "repealed")) is None
    assert values.get(("normative_documents", "in_force")) is None
    assert any(f.code == "value_unreadable" and f.column == "本年废止件数" for f in record.findings)


@pytest.mark.parametrize("where", ["below", "above"])
def test_a_label_merged_over_two_rows_of_a_doc_reads_its_numbers(where):
    """Before, the row was printed twice, once blank: every value of （一）予以公开 missing (``row_conflict``)."""
    record = _published(f"report_label_merged_over_numbers_{where}")
    values = record.values("applications")
    assert values[("granted", "natural_person")] == 5 and values[("granted", "total")] == 5
    assert values[("granted", "commercial")] == 0
    assert not [f.code for f in record.findings if f.row == LABEL and f.severity != "info"]
