"""The finding on rows realigned says what was done for each table: table 二 has no identities, so its
message must not claim they hold."""

from __future__ import annotations

from tests.test_layouts_hostile import _numbers_above_labels, _read, pdf_text_report


def test_rows_realigned_in_table_2_says_what_was_checked_and_claims_no_identity():
    record = _read(_numbers_above_labels(pdf_text_report()))
    by_table = {f.table: f.message for f in record.findings if f.code == "rows_realigned"}
    assert "勾稽关系" not in by_table["2"]  # before: "按顺序配对且勾稽关系成立" — table 二 has none
    assert "数字的个数与其事项的栏数相符" in by_table["2"]
    assert "规章" in by_table["2"]
    assert "勾稽关系成立" in by_table["3"]  # table 三's identities were checked: its message is unchanged
