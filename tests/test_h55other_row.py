"""2019's single （六）其他处理 row, its label merged over two rows of a Word or web table with its numbers in the
bottom one: the label alone on a line, the seven numbers on the next with no label (session 54's office sweep: a
web page's 2019 report). The 2021 template makes （六）其他处理 a heading of three rows, so the label alone was taken
for that heading, its three rows absent, and the numbers under it were dropped with nothing saying so."""

from __future__ import annotations

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse

from .factory import tab_report

VALUES = {"new": [8, 1, 0, 0, 0, 1, 10], "granted": [4, 1, 0, 0, 0, 0, 5],
          "unavailable_not_held": [2, 0, 0, 0, 0, 0, 2], "other": [2, 0, 0, 0, 0, 1, 3],
          "total_processed": [8, 1, 0, 0, 0, 1, 10]}


def _report_2019(other_lines: list[str]) -> str:
    """A 2019-template report whose table 三 (``VALUES``, identities holding) prints its 其他处理 row as
    ``other_lines``."""
    lines = []
    for code in row_codes("2019"):
        cells = "\t".join(str(v) for v in VALUES.get(code, [0] * 7))
        lines += other_lines if code == "other" else [f"{labels()['rows'][code]}\t{cells}"]
    text = tab_report()
    head, rest = text.split("三、收到和处理政府信息公开申请情况\n", 1)
    table4 = "\n四、政府信息公开行政复议"
    return head + "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) + table4 + rest.split(table4, 1)[1]


def test_the_2019_other_row_with_its_numbers_on_the_line_below_its_label_is_read():
    record = parse(_report_2019(["（六）其他处理", "2\t0\t0\t0\t0\t1\t3"]))
    values = record.values("applications")
    assert record.formats.get("applications") == "2019"
    assert [values[("other", a)] for a in applicant_codes()] == VALUES["other"]
    assert not [f for f in record.findings if f.severity in ("warning", "error") and f.table == "3"]


def test_numbers_under_a_heading_no_row_takes_are_said():
    # (numbers under the heading of 2021 rows printed with their own: 2019's row in a 2021 table, published
    # nowhere and said — before, dropped with no finding)
    text = tab_report()
    assert "（六）其他处理 1." in text
    record = parse(text.replace("（六）其他处理 1.", "（六）其他处理\n9\t0\t0\t0\t0\t0\t9\n1.", 1))
    said = [(f.code, f.row) for f in record.findings if f.severity in ("warning", "error")]
    assert said == [("row_other_format", "（六）其他处理")]
    assert record.formats["applications"] == "2021"
    assert {v for (row, _), v in record.values("applications").items() if row.startswith("other_")} == {0}
