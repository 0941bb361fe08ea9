"""A region the manifest writes short (青海, 海西州, 格尔木) is published as the division is spelled (青海省,
海西蒙古族藏族自治州, 格尔木市): one province is one spelling in ``reports.csv``, whatever the manifest wrote, so the
site's province filters, the agency index's province pages and every grouping by region see one province."""

from __future__ import annotations

import subprocess
import sys

from xxgk.site.data import read_csv

from .factory import tab_report

FULL = ("青海省", "海西蒙古族藏族自治州", "格尔木市")


def test_a_manifests_short_region_names_are_published_as_the_divisions_full_names(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "short.txt").write_text(tab_report(agency="格尔木市数据局", year=2024), encoding="utf-8")
    (reports / "full.txt").write_text(tab_report(agency="格尔木市人民政府", year=2024), encoding="utf-8")
    (reports / "sources.csv").write_text("file,province,city,county\nshort.txt,青海,海西州,格尔木\n"
                                         "full.txt,青海省,海西蒙古族藏族自治州,格尔木市\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                           "--out", str(tmp_path / "pkg")], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert {name: (r["province"], r["city"], r["county"]) for name, r in rows.items()} \
        == {"short.txt": FULL, "full.txt": FULL}  # before: short.txt published 青海, 海西州, 格尔木
    codes = [f["code"] for f in read_csv(tmp_path / "pkg" / "data" / "findings.csv")]
    assert "manifest_value_invalid" not in codes  # the short names are valid: resolved, not refused
