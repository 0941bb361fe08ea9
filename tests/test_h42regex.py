"""Session 42 (helper D, second task): the regular expressions older than session 38 that ``benchmarks.regex_sweep``
lists as growing faster than linearly, each on one long line of what it loves, parsed in the build's budgeted worker.

Those that cannot reach a long line are not tested here (the README's and AUDITS.md's round 10 say why: the title's
patterns read the first ``metadata.HEAD_CHARS`` characters, a name is cut before ``agency.names.parse_name`` reads it,
``table2._NOT_THE_ITEMS`` is matched at one place)."""

from __future__ import annotations

from tests.factory import tab_report

from .test_h42hostile import _budgeted  # (a file parsed in a budgeted worker, as the build parses it)


def _spaced_table3(text: str) -> str:
    """``text`` with table 三's cells apart by spaces (loose text, as a PDF's text layer prints it), not tabs."""
    head, rest = text.split("三、收到和处理政府信息公开申请情况\n")
    table, tail = rest.split("\n四、", 1)
    return head + "三、收到和处理政府信息公开申请情况\n" + table.replace("\t", " ") + "\n四、" + tail


def test_a_long_run_of_digits_in_table_3_printed_in_loose_text_is_read_at_once(tmp_path, monkeypatch):
    """Table 三 in loose text with a blank cell (so whether its lines print their numbers before their labels is
    asked, ``cells.numbers_lead``) and one line of 300,000 digits: the pattern of a line's numbers before its label
    tried each place of a digit in the run with the rest of the run — time growing with the square of the line
    (100,000 digits: 29 CPU s; these, some four minutes), so the 300 KB file was ``over_budget``. Read now, the
    table's rows as printed and the blank cell null."""
    text = _spaced_table3(tab_report(cell="-")).replace("\n一、本年新收", "\n" + "1" * 300_000 + "\n一、本年新收", 1)
    report = _budgeted(tmp_path, monkeypatch, "digits.txt", text)
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    applications = report.record.values("applications")
    assert applications[("new", "natural_person")] is None  # printed -: null, never 0
    assert [applications[(row, "total")] for row in ("new", "granted", "total_processed", "carried_forward")] \
        == [5, 5, 5, 0]


def test_a_long_run_of_blanks_after_a_number_above_table_3_is_read_at_once(tmp_path, monkeypatch):
    """A sentence above table 三's first row whose number is followed by 300,000 ideographic blanks: whether the words
    after its last number are a counting unit (``cells.reads_as_sentence``, asked of each line of the table's header)
    tried each blank of the run with the rest of it — time growing with the square of the run (100,000 blanks: 43
    CPU s), so the 300 KB file was ``over_budget``. Read now, table 三 as printed."""
    text = tab_report().replace("申请情况\n", "申请情况\n行政许可，1" + "\u3000" * 300_000 + "x\n", 1)
    report = _budgeted(tmp_path, monkeypatch, "blanks.txt", text)
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    applications = report.record.values("applications")
    assert [applications[(row, "natural_person")] for row in ("new", "granted", "total_processed")] == [5, 5, 5]
    assert [applications[(row, "total")] for row in ("new", "granted", "total_processed")] == [5, 5, 5]
