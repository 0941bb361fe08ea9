"""``xxgk build`` validates the package while it builds the site from it: what is public is still only a valid
package and the site built from it (``package.write.write_streamed(alongside=...)``,
``site.build.build_site(gate=...)``)."""

from __future__ import annotations

import shutil
import threading

import pytest

from xxgk import cli
from xxgk.package import build as package_build
from xxgk.package.write import write_streamed
from xxgk.site.build import config_for

from .conftest import ROOT, SEEDS
from .factory import tab_report

WAIT = 120  # seconds a test waits for the other thread before it calls the overlap absent (never reached when right)


def _fill(text: str):
    def fill(staging):
        (staging / "data.txt").write_text(text, encoding="utf-8")
    return fill


def test_the_check_runs_while_the_work_beside_it_reads_the_written_package(tmp_path):
    out = tmp_path / "pkg"
    started, seen = threading.Event(), []

    def check(staging):
        started.set()  # the work beside has not finished: it waits for this
        return []

    def alongside(staging, verdict):
        assert started.wait(WAIT), "the check did not run while the work beside it ran"
        seen.append((staging / "data.txt").read_text(encoding="utf-8"))
        assert verdict() == []

    assert write_streamed(_fill("new"), out, check=check, alongside=alongside) == []
    assert seen == ["new"]
    assert (out / "data.txt").read_text(encoding="utf-8") == "new"


def test_an_invalid_package_is_not_swapped_in_and_the_work_beside_hears_why(tmp_path):
    out = tmp_path / "pkg"
    assert write_streamed(_fill("old"), out) == []
    heard = []
    errors = write_streamed(_fill("new"), out, check=lambda staging: ["reports: broken"],
                            alongside=lambda staging, verdict: heard.append(verdict()))
    assert errors == ["reports: broken"] and heard == [["reports: broken"]]
    assert (out / "data.txt").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]  # no staging folder left


def test_when_the_work_beside_fails_the_check_is_waited_for_and_nothing_is_swapped_in(tmp_path):
    out = tmp_path / "pkg"
    assert write_streamed(_fill("old"), out) == []
    release, finished = threading.Event(), threading.Event()

    def check(staging):
        assert release.wait(WAIT)
        assert (staging / "data.txt").is_file()  # its folder is still there while it runs
        finished.set()
        return []

    def alongside(staging, verdict):
        release.set()
        raise RuntimeError("the site failed")

    with pytest.raises(RuntimeError, match="the site failed"):
        write_streamed(_fill("new"), out, check=check, alongside=alongside)
    assert finished.is_set()
    assert (out / "data.txt").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (its mkdocs.yml pointing at the repository's theme and hooks) with two seed reports."""
    (tmp_path / "reports").mkdir()
    for path in sorted(SEEDS.iterdir())[:2]:
        shutil.copyfile(path, tmp_path / "reports" / path.name)
    config_for(tmp_path / "site_src", tmp_path / "mkdocs.yml", ROOT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return tmp_path


def _build() -> int:
    return cli.main(["build", "--quiet", "--workers", "1", "--reports", "reports", "--out", "datapackage",
                     "--site", "site", "--cache-dir", "cache"])


def test_xxgk_build_publishes_neither_package_nor_site_when_the_package_is_invalid(project, monkeypatch, capsys):
    assert _build() == 0
    page, rows = (project / "site" / "index.html").read_bytes(), (project / "datapackage" / "data" /
                                                                  "reports.csv").read_bytes()
    (project / "reports" / "zz-new.txt").write_text(tab_report(agency="新增县数据局"), encoding="utf-8")
    ran = []

    def invalid(staging):
        ran.append(staging.name)
        return ["reports: row 3: broken on purpose"]

    monkeypatch.setattr(package_build, "validate", invalid)
    assert _build() == 1
    assert "invalid: reports: row 3: broken on purpose" in capsys.readouterr().err
    assert ran and ran[0].startswith(".datapackage.new-")  # the written package was checked
    assert (project / "site" / "index.html").read_bytes() == page
    assert (project / "datapackage" / "data" / "reports.csv").read_bytes() == rows
    assert not [p.name for p in project.iterdir() if p.name.startswith((".site.new", ".datapackage.new"))]

    monkeypatch.undo()
    monkeypatch.chdir(project)
    assert _build() == 0  # valid again: both move on together
    assert "zz-new.txt" in (project / "datapackage" / "data" / "reports.csv").read_text(encoding="utf-8-sig")
    assert "新增县数据局" in (project / "site" / "agencies" / "index.html").read_text(encoding="utf-8")
