"""``build_package(reports_dir, out)``: collect, write atomically, validate. The ``xxgk package`` verb."""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

from ..gcpause import gc_paused
from .collect import CHANGELOG, VERSION, Report, collect
from .report_card import add_report_card
from .write import package_files, validate, write_atomically


def data_version(reports_dir: Path) -> str:
    """The data package's semantic version: ``reports/VERSION`` if present, else 0.1.0."""
    path = Path(reports_dir) / VERSION
    return path.read_text(encoding="utf-8").strip() if path.exists() else "0.1.0"


def changelog(reports_dir: Path) -> bytes | None:
    path = Path(reports_dir) / CHANGELOG
    return path.read_bytes() if path.exists() else None


def build_package(reports_dir: str | Path, out: str | Path, executor: Executor | None = None,
                  workers: int | None = None, progress: bool = False,
                  cache_dir: str | Path | None = None) -> tuple[list[Report], list[str]]:
    """Parse every file of ``reports_dir`` and write the package to ``out``; returns reports and
    validation errors. ``workers=1`` parses in this process; otherwise a process pool is used.
    ``cache_dir``: the parse cache (None: no cache); the output is the same with or without it."""
    reports_dir = Path(reports_dir)
    if executor is None and workers != 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            reports = collect(reports_dir, pool, progress, cache_dir)
    else:
        reports = collect(reports_dir, executor, progress, cache_dir)
    with gc_paused():
        add_report_card(reports)
        write_atomically(package_files(reports, data_version(reports_dir), changelog(reports_dir)), Path(out))
    return reports, validate(Path(out))
