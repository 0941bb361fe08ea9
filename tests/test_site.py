"""The built site: strict build, nothing loaded from another host, report text escaped."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys

import pytest

from xxgk.package.build import build_package
from xxgk.site.build import write_site_src

from .conftest import ROOT, SEEDS

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["'](?:https?:)?//""", re.I)
HOSTILE = """2025年<script>alert(1)</script>局政府信息公开工作年度报告
一、总体情况
<img src=x onerror=alert(2)> [x](javascript:alert(3)) {{ config }} | `code`
二、主动公开政府信息情况
规章 0 0 0
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1
"""


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site")
    reports = work / "reports"
    shutil.copytree(SEEDS, reports)
    (reports / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    build_package(reports, work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: site_src",
                                                                      f"docs_dir: {work / 'site_src'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(work / "mkdocs.yml"),
               "-d", str(work / "site")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = [p.name for p in built_site.rglob("*.html") if EXTERNAL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    css = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_plotly_is_served_by_the_site_as_a_partial_bundle(built_site):
    bundle = built_site / "assets" / "plotly-basic.min.js"
    assert len(gzip.compress(bundle.read_bytes())) <= 500 * 1024
    assert "plotly-basic.min.js" in (built_site / "index.html").read_text(encoding="utf-8")


def test_report_text_is_escaped_everywhere(built_site):
    hostile_seen = False
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        hostile_seen |= "&lt;script&gt;alert(1)" in html
        assert "<script>alert(1)" not in html
        assert not re.search(r"<img[^>]*onerror", html, re.I)
        assert 'href="javascript:' not in html
    assert hostile_seen, "the hostile report's text should be shown, escaped"


def test_every_report_has_a_page_and_a_source_page(built_site):
    pages = {p.parent.name for p in (built_site / "r").glob("*/index.html")}
    sources = {p.parent.name for p in (built_site / "src").glob("*/index.html")}
    assert len(pages) == 6 and pages == sources
