"""What a hostile-input audit found (session 25): ``--out`` at a data repository that merely held a
``datapackage.json`` named xxgk deleted the whole folder, ``.git`` and notes included; a folder named like the
build's staging folder (``.site.new-<pid>``: a container's pid repeats) was deleted unchecked; one 5,000,000-character
agency name in ``sources.csv`` kept the build's own process romanising it for more than ten minutes; a manifest URL
whose host held an ideographic full stop (``https://www.gov.cn。evil.com/``: browsers read a dot) became the report's
link to its original."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.folders import MARKER, Refused, staging_for

from .factory import tab_report


def _package(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--no-cache", "--reports",
                           str(root / "reports"), "--out", str(out)], capture_output=True, text=True, cwd=root)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "good.txt").write_text(tab_report(agency="良好局"), encoding="utf-8")
    return tmp_path


def test_a_data_repository_holding_a_datapackage_named_xxgk_is_refused_and_kept_whole(root):
    """A user's repository of the published data: ``datapackage.json`` named xxgk beside ``.git`` and notes."""
    repo = root / "xxgk-data"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (repo / "mywork").mkdir()
    (repo / "mywork" / "notes.txt").write_text("mine", encoding="utf-8")
    (repo / "datapackage.json").write_text(json.dumps({"name": "xxgk"}), encoding="utf-8")
    result = _package(root, repo)
    assert result.returncode == 2 and "'.git'" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert (repo / "mywork" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (repo / ".git" / "config").is_file()
    assert sorted(p.name for p in repo.iterdir()) == [".git", "datapackage.json", "mywork"]


def test_an_older_package_without_the_marker_is_still_replaced(root):
    """What an xxgk from before the marker wrote, and nothing else: still the tool's own."""
    old = root / "datapackage"
    (old / "data").mkdir(parents=True)
    (old / "data" / "reports.csv").write_text("report_id\n", encoding="utf-8")
    (old / "datapackage.json").write_text(json.dumps({"name": "xxgk"}), encoding="utf-8")
    result = _package(root, old)
    assert result.returncode == 0, result.stderr
    assert (old / MARKER).is_file() and (old / "xxgk.xlsx").is_file()


def test_a_folder_named_like_the_staging_folder_but_not_xxgks_is_refused_not_deleted(tmp_path):
    mine = tmp_path / f".site.new-{os.getpid()}"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(Refused, match="not made by xxgk"):
        staging_for(tmp_path / "site")
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "mine"
    (mine / "notes.txt").unlink()
    (mine / MARKER).write_text("x", encoding="utf-8")  # a cut build's own: replaced by an empty one
    assert sorted(p.name for p in staging_for(tmp_path / "site").iterdir()) == [MARKER]


@pytest.mark.parametrize("column", ["agency", "province", "city", "county"])
def test_a_manifest_name_longer_than_any_name_is_a_finding_and_left_missing(root, column):
    """A name cell of thousands of characters (a pasted page; one of 5,000,000 kept the build's own process
    romanising it for more than ten minutes, and was copied into every row of its report)."""
    from xxgk.package.build import build_package
    from xxgk.site.data import read_csv

    pasted = "格尔木市" + "数" * 5_000 + "局"
    (root / "reports" / "sources.csv").write_text(f"file,{column}\ngood.txt,{pasted}\n", encoding="utf-8")
    _, errors = build_package(root / "reports", root / "datapackage", workers=1)
    assert errors == []
    report = read_csv(root / "datapackage" / "data" / "reports.csv")[0]
    assert report["agency"] == "良好局" and report[column] != pasted  # the text's own name; no pasted page
    findings = read_csv(root / "datapackage" / "data" / "findings.csv")
    found = [f for f in findings if f["code"] == "manifest_value_invalid"]
    assert [f["column"] for f in found] == [column]
    assert found[0]["actual"].startswith("格尔木市数") and found[0]["actual"].endswith("（共 5005 个字）")
    assert len(found[0]["actual"]) < 200
    published = b"".join(p.read_bytes() for p in (root / "datapackage").rglob("*.csv"))
    assert ("数" * 200).encode() not in published


@pytest.mark.parametrize("url", ["https://www.gov.cn。evil.com/x",  # ideographic full stop: a dot to the browser
                                 "https://www.gov.cn．evil.com/x",  # full-width full stop
                                 "https://www.gov.cn%2eevil.com/x",  # a %-escaped dot, decoded in a host
                                 "https://www.gоv.cn/x"])  # a Cyrillic о
def test_a_manifest_url_whose_host_the_browser_reads_otherwise_is_no_link(tmp_path, url):
    """https://www.gov.cn。evil.com/ reads as gov.cn and a sentence's full stop; every browser goes to evil.com."""
    from xxgk.package.collect import collect
    from xxgk.site.render import link

    (tmp_path / "a.txt").write_text(tab_report(agency="格尔木市交通运输局"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text(f"file,url\na.txt,{url}\n", encoding="utf-8")
    [report] = collect(tmp_path)
    assert report.manifest["url"] == ""
    assert [(f.column, f.actual) for f in report.findings if f.code == "manifest_value_invalid"] == [("url", url)]
    assert "href" not in link(url, "官方原文")


@pytest.mark.parametrize("url", ["https://www.gov.cn/政务公开/2024年报.html", "https://xn--fiqs8s.xn--fiqz9s/x",
                                 "http://10.1.2.3:8080/a", "https://WWW.GOV.CN./x"])
def test_plain_hosts_and_chinese_paths_are_still_links(url):
    from xxgk.safe import link_url

    assert link_url(url) == url


@pytest.mark.parametrize("cache", ["site_src", "site", "site/cache"])
def test_a_cache_inside_the_site_or_its_sources_is_refused_before_any_work(root, cache):
    """A --cache-dir in site_src/ was published in the site (site/spool/…: the pages' spool and its index) and
    deleted by every build; in site/ it was deleted with the old site."""
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "build", "--quiet", "--reports", "reports", "--out",
                             "datapackage", "--site", "site", "--cache-dir", cache],
                            capture_output=True, text=True, cwd=root)
    assert result.returncode == 2 and "--cache-dir" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (root / "datapackage").exists() and not (root / "site").exists()


def test_two_reports_of_one_agency_year_that_disagree_leave_its_series_value_missing(tmp_path):
    """A file named to sort first (``0.txt``) that claims a real report's agency and year, with 99 for its 11: the
    agency's chart and the compare page took the first by file name. Now a value the two give differently is
    missing from the series (both reports keep theirs, on their pages and in the data); values they agree on stay."""
    from xxgk.package.build import build_package
    from xxgk.site.browser_data import browser_files
    from xxgk.site.data import Package

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "real.txt").write_text(tab_report(agency="格尔木市交通运输局", carried_over=0), encoding="utf-8")
    (reports / "0.txt").write_text(tab_report(agency="格尔木市交通运输局", carried_over=4), encoding="utf-8")
    (reports / "other.txt").write_text(tab_report(agency="格尔木市教育局"), encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    pkg = Package.load(tmp_path / "datapackage")
    [aid] = {r["agency_id"] for r in pkg.tables["reports"] if r["agency"] == "格尔木市交通运输局"}
    files = browser_files(pkg, {r["report_id"]: f"r/{r['report_id']}.html" for r in pkg.tables["reports"]})
    received = json.loads(files["json/m/received.json"])["v"]
    assert aid not in received  # 5 in one, 1 in the other: unsure, not the first file's
    assert len(received) == 1  # (the other agency's value stays)
    processed = json.loads(files["json/m/processed.json"])["v"]
    assert processed[aid] == {"2024": 5}  # both say 5
