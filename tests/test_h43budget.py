"""A file's time budget is the CPU time its worker spends on it, with a wall-time backstop far above it
(``readers.Budget``: ``seconds`` of CPU, ``wall_seconds`` = ``WALL_PER_CPU`` × that of wall time).

Before, the budget was wall time only: on a loaded machine an honest file that parsed on a quiet run was
``over_budget`` on a busy one — the same inputs, another package. The finding now says which bound was met.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from xxgk import readers
from xxgk.package import collect as collect_module
from xxgk.package.collect import collect

from .factory import tab_report

REAL_PARSE_ONE = collect_module.parse_one
FIRST_CPU_SECONDS = 1.5  # what the file "burn_then_parse.txt" spends before it is parsed: CPU time, not wall time


def _reports(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(tab_report(agency=f"{Path(name).stem}局").encode())
    return folder


def _budget(monkeypatch, cpu_seconds: float, wall_per_cpu: float | None = None) -> None:
    """The pool's budget for this test (the workers are forked, so they see it too)."""
    monkeypatch.setattr(collect_module, "BUDGET", dataclasses.replace(collect_module.BUDGET, seconds=cpu_seconds))
    if wall_per_cpu is not None:  # a backstop a loaded CI machine does not reach, where the test is about CPU time
        monkeypatch.setattr(readers, "WALL_PER_CPU", wall_per_cpu, raising=False)


def _parse_or_misbehave(folder, path, published=None):
    """``parse_one``, but ``burn_in_c.txt`` never ends inside C code (a regular expression backtracking through
    2**64 ways), ``sleep.txt`` sleeps without spending CPU, and ``burn_then_parse.txt`` first spends
    ``FIRST_CPU_SECONDS`` of its process's CPU time (then parses as any file)."""
    if path == "burn_in_c.txt":
        re.fullmatch(r"(a+)+b", "a" * 64)
    elif path == "sleep.txt":
        time.sleep(600)
    elif path == "burn_then_parse.txt":
        start = time.process_time()
        while time.process_time() - start < FIRST_CPU_SECONDS:
            pass
    return REAL_PARSE_ONE(folder, path, published)


def _over_budget_message(report) -> str:
    assert report.status == "failed"
    assert [f.code for f in report.findings] == ["over_budget"]
    return report.findings[0].message


def test_a_file_that_burns_cpu_in_c_code_is_stopped_at_its_cpu_budget_and_the_next_file_parses(tmp_path,
                                                                                              monkeypatch):
    """One worker: the file stuck in C code (where no Python-level alarm runs) is ended by its CPU budget, said as
    CPU time, and the worker that replaces it parses the file after it. The wall backstop is 60 s, so what stops the
    file is the CPU bound unless its worker gets under 1/60 of a core (before: 1 s of wall time, said as 秒 alone);
    bounded, so that a worker that hangs without spending CPU fails this test within a minute instead of stalling it."""
    folder = _reports(tmp_path, ["burn_in_c.txt", "good.txt"])
    _budget(monkeypatch, cpu_seconds=1, wall_per_cpu=60)
    monkeypatch.setattr(collect_module, "parse_one", _parse_or_misbehave)
    reports = {r.source_file: r for r in collect(folder, workers=1, budgeted=True)}
    assert "处理超过 1 秒 CPU 时间" in _over_budget_message(reports["burn_in_c.txt"])
    assert reports["good.txt"].status == "parsed"


def test_a_file_that_sleeps_is_stopped_by_the_wall_time_backstop(tmp_path, monkeypatch):
    """A file that spends no CPU (it sleeps, or waits on I/O) never meets its CPU budget: the wall backstop,
    a multiple of the CPU budget (the product's 4; 2 here, so that the test waits 10 s rather than 20), stops it, and
    the finding says so; the other file parses (5 CPU s, 10 s of wall time: a small report needs well under a second
    of either, however loaded the machine)."""
    folder = _reports(tmp_path, ["good.txt", "sleep.txt"])
    _budget(monkeypatch, cpu_seconds=5, wall_per_cpu=2)
    monkeypatch.setattr(collect_module, "parse_one", _parse_or_misbehave)
    reports = {r.source_file: r for r in collect(folder, workers=2, budgeted=True)}
    assert "处理超过 10 秒墙钟时间" in _over_budget_message(reports["sleep.txt"])
    assert reports["good.txt"].status == "parsed"


# a busy loop that ends itself once the test process is gone (a killed test run leaves no loop spinning)
SPIN = "import os\nparent = os.getppid()\nwhile os.getppid() == parent:\n    for _ in range(1_000_000):\n        pass\n"


@pytest.fixture
def two_busy_loops_on_our_core():
    """This process (so the pool's workers, forked from it) and two busy loops at its own priority (``nice -n 0``)
    pinned to one core: a worker gets at most a third of it, whatever else the machine runs. Restored after."""
    mask = os.sched_getaffinity(0)
    core = min(mask)
    loops = [subprocess.Popen(["nice", "-n", "0", sys.executable, "-c", SPIN]) for _ in range(2)]
    try:
        for loop in loops:
            os.sched_setaffinity(loop.pid, {core})
        os.sched_setaffinity(0, {core})
        yield loops
    finally:
        os.sched_setaffinity(0, mask)
        for loop in loops:
            loop.kill()
            loop.wait()


def test_a_file_within_its_cpu_budget_parses_while_two_busy_loops_share_its_core(tmp_path, monkeypatch,
                                                                                 two_busy_loops_on_our_core):
    """The file spends 1.5 CPU s (``FIRST_CPU_SECONDS``, measured by its own process's CPU clock, so the same on
    any machine) and its budget is 3 CPU s: it is parsed. Sharing its core with two busy loops, it gets at most a
    third of the core, so those 1.5 CPU s take at least 4.5 s of wall time — past a 3 s wall-time budget (what
    failed before, on a quiet machine as on a loaded one). The wall backstop is 60 × the budget, 180 s: a busy CI
    machine may give the worker far less than a third of the core (these 1.5 CPU s took 11–30 s of wall time in
    this session's runs), and this test is about the CPU bound, not the backstop."""
    assert all(loop.poll() is None for loop in two_busy_loops_on_our_core)  # both still spinning
    folder = _reports(tmp_path, ["burn_then_parse.txt"])
    _budget(monkeypatch, cpu_seconds=3, wall_per_cpu=60)
    monkeypatch.setattr(collect_module, "parse_one", _parse_or_misbehave)
    report = collect(folder, workers=1, budgeted=True)[0]
    assert "over_budget" not in [f.code for f in report.findings]
    assert report.status == "parsed"
    assert all(loop.poll() is None for loop in two_busy_loops_on_our_core)  # they spun throughout
