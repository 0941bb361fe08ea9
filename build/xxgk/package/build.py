"""``build_package(reports_dir, out)``: collect, write, validate, swap in. The ``xxgk package`` verb."""

from __future__ import annotations

import re
from concurrent.futures import Executor
from pathlib import Path

from ..folders import Refused, check_output, check_reports
from ..gcpause import gc_paused
from ..readers import MAX_BYTES, OverBudget, decode, read_small
from .collect import CHANGELOG, VERSION, Report, collect
from .report_card import add_report_card
from .table2_history import settle_with_previous_year
from .write import package_files, validate, write_atomically

DEFAULT_VERSION = "0.1.0"
_SEMVER = re.compile(r"\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?")


def data_version(reports_dir: Path) -> str:
    """The data package's semantic version: ``reports/VERSION`` (any encoding a report may have)
    if present, else 0.1.0. A VERSION that is not a version is refused with a one-line message."""
    path = Path(reports_dir) / VERSION
    try:
        data = read_small(reports_dir, VERSION, 1000)  # never through a link, never a huge file whole
    except OverBudget:
        raise Refused(f"{path}: not a version number like 1.2.0 (larger than 1000 bytes)") from None
    if data is None:
        return DEFAULT_VERSION
    text, _ = decode(data)
    version = (text or "").replace("\x00", "").strip().lstrip("\ufeff")
    if not _SEMVER.fullmatch(version):
        raise Refused(f"{path}: not a version number like 1.2.0 ({version[:40]!r})")
    return version


def changelog(reports_dir: Path) -> bytes | None:
    """``reports/CHANGELOG.md`` as published (a regular file, never through a link, at most MAX_BYTES)."""
    try:
        return read_small(reports_dir, CHANGELOG, MAX_BYTES)
    except OverBudget:
        raise Refused(f"{Path(reports_dir) / CHANGELOG}: larger than {MAX_BYTES // 2**20} MB") from None


def build_package(reports_dir: str | Path, out: str | Path, executor: Executor | None = None,
                  workers: int | None = None, progress: bool = False,
                  budgeted: bool = False, cache_dir: str | Path | None = None) -> tuple[list[Report], list[str]]:
    """Parse every file of ``reports_dir`` and write the package to ``out``; returns reports and
    validation errors (with errors, ``out`` keeps its previous package). ``workers=1`` parses in
    this process unless ``budgeted`` (the command line: always the budgeted process pool); otherwise a
    budgeted process pool is used. Raises ``Refused`` for a missing
    reports folder or an output folder it must not replace (``folders``). ``cache_dir``: the parse
    cache (None: no cache); the output is the same with or without it."""
    reports_dir, out = Path(reports_dir), Path(out)
    check_reports(reports_dir)
    check_output(out, reports_dir, "--out")
    version = data_version(reports_dir)
    reports = collect(reports_dir, executor, progress, workers=workers, budgeted=budgeted,
                      cache_dir=cache_dir)
    settle_with_previous_year(reports)  # table 二 cuts the same agency's previous report decides
    with gc_paused():
        add_report_card(reports)
        errors = write_atomically(package_files(reports, version, changelog(reports_dir)), out, check=validate)
    return reports, errors
