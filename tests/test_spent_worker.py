"""A file that leaves its worker's address space near the cap must not fail the files that worker is given next
(hostile-input audit, session 21: a 239 KB PDF drawing 20,000 lines on each of 999 pages left a worker at 3 GB; the
reader said over_budget for it, and then every later report of that worker failed, each "内存超过上限")."""

from __future__ import annotations

import mmap
import os

import pytest

from xxgk.readers import BUDGET

_HELD: list = []  # in a worker: what the "hog" file left behind
_START = 0  # in a worker: its address space before its first file


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _file(name: str) -> str:
    """A worker's job: ``hog`` keeps 60 % of the room the address space cap leaves the worker mapped (never
    touched: no memory used); any other file needs half of that room for a moment, which a worker the hog left
    behind cannot give."""
    import resource

    global _START
    _START = _START or _address_space()
    cap = resource.getrlimit(resource.RLIMIT_AS)[0]  # (its start plus BUDGET.memory since session 47)
    room = (BUDGET.memory if cap == resource.RLIM_INFINITY else cap) - _START
    if name == "hog":
        _HELD.append(mmap.mmap(-1, int(0.6 * room)))
        return "hogged"
    buffer = mmap.mmap(-1, int(0.5 * room))
    buffer.close()
    return f"read {name}"


pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="address space read from Linux's /proc")


def _outcomes(jobs: list[tuple[str, str]], workers: int) -> dict[str, str]:
    """``_parse_in_pool(_file, …)``'s outcomes (a Finding by its code and message), the pool started from a fresh
    interpreter, as a build starts it: the cap is on the address space, and a worker forked from a test process
    that had run hundreds of tests started above it (``room`` below 0: every file ``worker_died``, OverflowError)."""
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    running = ("import json, sys\n"
               "from tests.test_spent_worker import _file\n"
               "from xxgk.package.collect import _parse_in_pool\n"
               "jobs = [(name, (arg,)) for name, arg in json.loads(sys.argv[1])]\n"
               "out = _parse_in_pool(_file, jobs, workers=int(sys.argv[2]))\n"
               "print(json.dumps({n: o if isinstance(o, str) else f'{o.code}: {o.message}' for n, o in out}))\n")
    done = subprocess.run([sys.executable, "-c", running, json.dumps(jobs), str(workers)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(done.stdout)


def test_the_files_after_one_that_left_its_worker_spent_are_read():
    outcomes = _outcomes([(name, name) for name in ("hog", "a", "b", "c")], workers=1)
    assert outcomes == {"hog": "hogged", "a": "read a", "b": "read b", "c": "read c"}, outcomes


def test_two_spent_workers_in_a_row_still_leave_every_file_read():
    jobs = [(name, "hog" if name.startswith("hog") else name) for name in ("hog", "hog2", "a", "b")]
    outcomes = _outcomes(jobs, workers=2)
    assert outcomes == {"hog": "hogged", "hog2": "hogged", "a": "read a", "b": "read b"}, outcomes
