"""Session 32, the 1 % rebuild at national scale (issue 16): the pages helper only where a core is free, and
Pagefind shards whose membership does not move when pages are added or changed elsewhere."""

from __future__ import annotations

import os

import pytest

from xxgk.site import pages_helper


class _Started(Exception):
    """Raised by a stand-in helper: ``begin`` would have started a process."""


class _NoProcess:
    def __init__(self, *args, **kwargs):
        raise _Started


@pytest.fixture
def no_process(monkeypatch):
    """``pages_helper.Helper`` replaced: starting the helper raises ``_Started`` instead of spawning."""
    monkeypatch.setattr(pages_helper, "Helper", _NoProcess)


def cores(monkeypatch, n: int | None, count: int | None = None) -> None:
    """This process allowed ``n`` cores (None: a platform without ``sched_getaffinity``), the machine ``count``."""
    if n is None:
        monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    else:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(n)), raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: count if count is not None else n)


def test_two_cores_leave_the_pages_helper_off(monkeypatch, tmp_path, no_process):
    """Session 31: on 2 cores, in the overlapped build, the helper bought no wall time and cost ≈ 5 % CPU."""
    cores(monkeypatch, 2)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None, workers=4) is None
    # a machine of 8 cores of which a container (or taskset) leaves this process 2: the affinity decides
    cores(monkeypatch, 2, count=8)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None


def test_more_than_two_cores_start_the_pages_helper(monkeypatch, tmp_path, no_process):
    cores(monkeypatch, 4)
    with pytest.raises(_Started):
        pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None, workers=1) is None
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, pages_helper.PARALLEL_PAGES - 1, None) is None


def test_without_affinity_the_cpu_count_decides(monkeypatch, tmp_path, no_process):
    cores(monkeypatch, None, count=2)
    assert pages_helper.usable_cores() == 2
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None
    cores(monkeypatch, None, count=4)
    with pytest.raises(_Started):
        pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None)
