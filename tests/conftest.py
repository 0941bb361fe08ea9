"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "reports"

needs_shared = pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="../shared is absent (clone elsewhere)")


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory):
    """The data package built from the seeds in reports/, once per session (into a temp folder)."""
    from xxgk.package.build import build_package

    out = tmp_path_factory.mktemp("pkg") / "datapackage"
    reports, errors = build_package(SEEDS, out, workers=1)
    return out, reports, errors
