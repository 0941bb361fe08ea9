"""Issue 16: the package writer's helper process (half the series settled, half the reports' rows, xxgk.db,
Parquet files) gives the bytes of the serial writer and of the in-memory one, and a helper that dies or fails
has its work done in the parent: same bytes, nothing left behind."""

from __future__ import annotations

import os

import pytest

from xxgk.package import side_process, stream

from .conftest import SEEDS
from .test_stream import assert_same, cross_year, in_memory, streamed


def die(function, args):
    """The helper killed as it starts a task (what the OOM killer does to a process)."""
    os._exit(9)


def die_on_database(function, args):
    """The helper killed only when it starts ``xxgk.db``, after it wrote its half of the rows."""
    if function.__name__ == "write_database":
        os._exit(9)
    return function(*args)


def die_on_parquet(function, args):
    """The helper killed as it starts the Parquet files (after ``xxgk.db``)."""
    if function.__name__ == "write_parquet_files":
        os._exit(9)
    return function(*args)


def fail_on_rows(function, args):
    """The helper's half of the rows fails there (an unreadable store shard, say) but not in the parent."""
    if function.__name__ == "write_part":
        raise OSError("disk gone")
    return function(*args)


def fail_on_settling(function, args):
    """The helper's half of the agency series fails there, after it began its final shard."""
    if function.__name__ == "settle_series":
        raise MemoryError("out of memory")
    return function(*args)


@pytest.fixture
def parallel(monkeypatch):
    """Every build here takes the helper process, however few its reports."""
    monkeypatch.setattr(stream, "PARALLEL_REPORTS", 0)


def leftovers(out):
    return sorted(p.name for p in out.rglob("*") if p.name.startswith((".write-work", "spool", "part-")))


def test_the_helper_gives_the_in_memory_bytes_on_the_seeds(tmp_path, parallel):
    out = tmp_path / "out"
    assert_same(in_memory(SEEDS), streamed(SEEDS, out, workers=2))
    assert leftovers(out) == []


def test_the_helper_gives_the_in_memory_bytes_across_years(tmp_path, parallel):
    folder = cross_year(tmp_path / "reports")
    assert_same(in_memory(folder), streamed(folder, tmp_path / "out", workers=2))


@pytest.mark.parametrize("death", [die, die_on_database, die_on_parquet, fail_on_rows, fail_on_settling])
def test_a_helper_killed_or_failing_gives_the_serial_bytes(tmp_path, parallel, monkeypatch, capfd, death):
    folder = cross_year(tmp_path / "reports")
    serial = streamed(folder, tmp_path / "serial", workers=1)
    capfd.readouterr()
    monkeypatch.setattr(side_process.Helper, "remote", staticmethod(death))
    out = tmp_path / "out"
    assert_same(serial, streamed(folder, out, workers=2))
    assert "doing its work in this process" in capfd.readouterr().err
    assert leftovers(out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports", "serial"]


class _NoProcesses:
    """A process pool that cannot start its worker (a process limit reached): what ``submit`` raises then."""

    def __init__(self, *args, **kwargs):
        pass

    def submit(self, *args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    def shutdown(self, **kwargs):
        pass


def test_a_helper_that_cannot_start_leaves_the_work_to_the_parent(tmp_path, parallel, monkeypatch):
    folder = cross_year(tmp_path / "reports")
    serial = streamed(folder, tmp_path / "serial", workers=1)
    monkeypatch.setattr(side_process, "ProcessPoolExecutor", _NoProcesses)
    assert_same(serial, streamed(folder, tmp_path / "out", workers=2))
