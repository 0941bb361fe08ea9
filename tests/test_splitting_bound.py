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


WALL_PER_CPU = 10  # the wall-clock backstop's multiple of ``no_hang``'s CPU seconds (a block that waits, not works)


@contextmanager
def no_hang(seconds: int = 20):
    """Stop the block with ``Hung`` once this process has spent ``seconds`` of CPU in it, or ``WALL_PER_CPU`` times
    as many seconds of wall clock (a hang detector, not a speed test). CPU, not wall clock: the suite's processes
    share two cores with Chromium and each other, and at a load of 15 a block of 8 CPU s took over 60 s of wall
    clock and was called hung."""
    def stop(number, _):
        spent = f"{seconds} CPU s" if number == signal.SIGPROF else f"{seconds * WALL_PER_CPU} s of wall clock"
        raise Hung(f"still running after {spent}: the work is not bounded")

    previous = signal.signal(signal.SIGPROF, stop), signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * WALL_PER_CPU)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, previous[0])
        signal.signal(signal.SIGALRM, previous[1])


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
