"""The data package: valid, keys resolve, deterministic, works outside the repo, nothing lost."""

from __future__ import annotations

import subprocess
import sys

from xxgk.package.build import build_package
from xxgk.site.data import read_csv

from .conftest import ROOT, SEEDS


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_package_validates_with_frictionless_including_foreign_keys(seed_package):
    out, reports, errors = seed_package
    assert errors == []
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", str(out / "datapackage.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_every_input_file_has_a_reports_row(seed_package):
    out, reports, _ = seed_package
    rows = read_csv(out / "data" / "reports.csv")
    assert sorted(r["source_file"] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_blank_is_missing_never_zero(seed_package):
    out, _, _ = seed_package
    rows = read_csv(out / "data" / "applications.csv")
    duplicate = [r for r in rows if r["report_id"].startswith("002-") and r["row"] == "rejected_duplicate"]
    assert len(duplicate) == 7 and all(r["value"] is None for r in duplicate)


def test_same_input_gives_byte_identical_package(seed_package, tmp_path):
    # (``seed_package``: the seeds built with one worker, once a run)
    build_package(SEEDS, tmp_path / "b", workers=2)
    assert _tree(seed_package[0]) == _tree(tmp_path / "b")


def test_committed_datapackage_is_not_stale(seed_package):
    fresh, committed = _tree(seed_package[0]), _tree(ROOT / "datapackage")
    assert sorted(fresh) == sorted(committed), "run `make build` and commit datapackage/"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"stale files in datapackage/: {stale[:5]} — run `make build` and commit"


def test_folder_outside_the_repo_with_an_unreadable_file(tmp_path):
    reports = tmp_path / "elsewhere"
    reports.mkdir()
    (reports / "good.txt").write_bytes((SEEDS / "001_5a6ed33a11e10be0.txt").read_bytes())
    (reports / "junk.pdf").write_bytes(b"\x00\x01garbage" * 100)
    (reports / "empty.txt").write_bytes(b"")
    built, errors = build_package(reports, tmp_path / "out", workers=1)
    assert errors == []
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "out" / "data" / "reports.csv")}
    assert rows["good.txt"]["status"] == "parsed"
    assert rows["junk.pdf"]["status"] == "failed" and rows["empty.txt"]["status"] == "failed"
    findings = read_csv(tmp_path / "out" / "data" / "findings.csv")
    failed_ids = {rows["junk.pdf"]["report_id"], rows["empty.txt"]["report_id"]}
    assert {f["report_id"] for f in findings if f["code"] == "file_unreadable"} == failed_ids


def test_a_build_killed_midway_leaves_the_previous_package_whole(tmp_path):
    out = tmp_path / "datapackage"
    build_package(SEEDS, out, workers=1)
    before = _tree(out)
    script = (f"import os, xxgk.package.write as w\n"
              f"real = w.Path.write_bytes\n"
              f"def dying(self, data):\n"
              f"    real(self, data)\n"
              f"    if self.name == 'datapackage.json': os._exit(9)\n"
              f"w.Path.write_bytes = dying\n"
              f"from xxgk.package.build import build_package\n"
              f"build_package({str(SEEDS)!r}, {str(out)!r}, workers=1)\n")
    assert subprocess.run([sys.executable, "-c", script]).returncode == 9
    assert _tree(out) == before


def test_validation_catches_a_broken_foreign_key(tmp_path):
    from xxgk.package.write import validate

    out = tmp_path / "pkg"
    build_package(SEEDS, out, workers=1)
    path = out / "data" / "applications.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = "no-such-report," + lines[1].split(",", 1)[1]
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = validate(out)
    assert errors and any("foreign" in e.lower() or "no-such-report" in e for e in errors), errors
