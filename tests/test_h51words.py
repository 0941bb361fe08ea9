"""Table 二's rows as agencies word them: 行政事业收费 (without 性) lost the row of fees (``label_unrecognised``)."""

from __future__ import annotations

from xxgk.parser import parse

from .factory import tab_report


def test_fees_printed_as_the_shorter_wording_are_read():
    record = parse(tab_report(agency="样例县测试局", fee="12.5").replace("行政事业性收费\t", "行政事业收费\t"))
    assert str(record.values("active")[("fees", "amount_10k_yuan")]) == "12.5"
    assert not [f for f in record.findings if f.code in ("label_unrecognised", "row_absent")]
