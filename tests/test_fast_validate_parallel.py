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
