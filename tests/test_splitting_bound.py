"""A hostile run of digits cannot stall the parser: cutting glued digits into cells (``splitting.py``) refuses a
run too long for the row at once. Found by ``fuzz/fuzz_parse.py``: a 9 KB report whose table 4 held a run of 128
digits took longer than two minutes (the cutter explored every cut of the run before any was counted against its
step budget); it now parses in milliseconds. The guard here is a hang detector (an alarm), not a speed test."""

from __future__ import annotations

import signal
from contextlib import contextmanager

from xxgk.parser import parse
from xxgk.splitting import MAX_DIGITS, group_totals_hold, row_total_holds, splits


class Hung(BaseException):
    """Raised by ``no_hang``: a BaseException, so that no ``except Exception`` of the code under test swallows it."""


@contextmanager
def no_hang(seconds: int = 20):
    """Stop the block with ``Hung`` after ``seconds`` (a hang detector, not a speed test)."""
    def stop(*_):
        raise Hung(f"still running after {seconds} s: the work is not bounded")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_run_too_long_for_its_cells_has_no_cut():
    with no_hang():
        assert splits(["2" * 128], 15, group_totals_hold(5)) == []
        assert splits(["9" * (7 * MAX_DIGITS + 1)], 7, row_total_holds) == []


def test_a_run_that_fits_is_still_cut_as_before():
    assert splits(["801000081"], 7, row_total_holds) == [(80, 1, 0, 0, 0, 0, 81)]
    assert splits(["12", "3"], 3, lambda v: True) == [(1, 2, 3)]


REPORT = """某某局2025年政府信息公开工作年度报告
一、总体情况
本机关依法公开政府信息。
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计
{run}
五、存在的主要问题及改进情况
无。
"""


def test_a_report_with_a_hostile_run_of_digits_parses_and_says_what_it_could_not_read():
    with no_hang():
        record = parse(REPORT.format(run="2" * 128))
    lost = [f for f in record.findings if f.code == "row_lost_cells" and f.table == "4"]
    assert lost and lost[0].actual is not None, "the row it could not read is a finding"
    assert not [v for v in record.values("review_litigation").values() if v is not None], "no number made up"
