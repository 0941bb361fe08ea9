"""The streaming validator in several processes (``validate_package`` splits a large package's resources
between workers by size) reports exactly what it reports in one process: the same problems, in the same
order, on a package broken in many places at once."""

from __future__ import annotations

from xxgk.package.fast_validate import validate_package

from .test_fast_validate import CASES, _edit
from .test_fast_validate import package as package  # noqa: F401 — the fixture, reused


def test_parallel_validation_equals_serial_validation(package):  # noqa: F811
    for _, resource, edit, _, _ in CASES:  # every broken constraint of test_fast_validate at once
        _edit(package, resource, edit)
    serial = validate_package(package, workers=1)
    parallel = validate_package(package, workers=2, parallel_bytes=0)  # forced into two processes
    assert len({p.resource for p in serial}) >= 4 and len(serial) >= len(CASES) // 2
    assert parallel == serial
    assert validate_package(package, workers=3, parallel_bytes=0) == serial


def test_a_clean_package_is_clean_in_parallel_too(package):  # noqa: F811
    assert validate_package(package, workers=2, parallel_bytes=0) == []


class _KilledPool:
    """A process pool whose worker died (the OOM killer): what ``ProcessPoolExecutor.map`` raises then."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, *args, **kwargs):
        from concurrent.futures.process import BrokenProcessPool

        raise BrokenProcessPool("A process in the process pool was terminated abruptly")


def test_a_validation_worker_killed_gives_the_serial_problems(package, monkeypatch, capfd):  # noqa: F811
    from xxgk.package import fast_validate

    for _, resource, edit, _, _ in CASES:
        _edit(package, resource, edit)
    serial = validate_package(package, workers=1)
    monkeypatch.setattr(fast_validate, "ProcessPoolExecutor", _KilledPool)
    assert validate_package(package, workers=2, parallel_bytes=0) == serial
    assert "in this process" in capfd.readouterr().err
