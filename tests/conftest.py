"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import shutil
import subprocess
import sys
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


HOSTILE = """2025年<script>window.__xss=1</script>局政府信息公开工作年度报告
一、总体情况
<img src=x onerror="window.__xss=2"> [x](javascript:alert(3)) {{ config }} | `code`
二、主动公开政府信息情况
规章 0 0 0
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1
"""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole site built (mkdocs --strict) from the seeds plus one hostile report."""
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, write_site_src

    work = tmp_path_factory.mktemp("site")
    reports = work / "reports"
    shutil.copytree(SEEDS, reports)
    (reports / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    build_package(reports, work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(work / "mkdocs.yml"),
               "-d", str(work / "site")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """(package folder, site_src folder) built from the seeds plus the shared corpus reports (skips without it)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    work = tmp_path_factory.mktemp("agency-pages")
    shutil.copytree(SEEDS, work / "reports")
    for path in sorted((SHARED / "corpus" / "reports").iterdir()):
        shutil.copyfile(path, work / "reports" / path.name)
    build_package(work / "reports", work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    return work / "datapackage", work / "site_src"
