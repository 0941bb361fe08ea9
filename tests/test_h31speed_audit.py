"""Session 31, the build's wall time (issue 16): the pages stage spooled the report pages on one core. A helper
process now spools every other run of them while the parent writes the editorial pages and the other runs
(``site/pages_helper.py``); these tests hold it to the bytes one process writes: the spool and every page, the
spool cache's index (the offsets the next build takes pages at), a warm rebuild, and a helper that dies."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from xxgk.package import side_process
from xxgk.package.build import build_package
from xxgk.site import pages_helper
from xxgk.site.build import write_site_src
from xxgk.site.spool_reuse import INDEX, context_hash

from .conftest import SEEDS

GARBLED = "这不是一份年报。\n只有两行文字，没有表格。\n"  # a text no agency can be read from: its source page only


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The seeds, 14 synthetic reports (agencies of several years: charts, peers) and a text that is no report."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("h31speed")
    reports = work / "reports"
    write_reports(14, reports, prose=True)
    for path in sorted(SEEDS.iterdir()):
        if path.is_file() and path.name != "manifest.csv":
            shutil.copyfile(path, reports / path.name)
    (reports / "zz_garbled.txt").write_text(GARBLED, encoding="utf-8")
    out = work / "datapackage"
    build_package(reports, out, workers=1)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the spool's included), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def spool_index(cache: Path) -> dict:
    return json.loads((cache / "spool" / context_hash() / INDEX).read_text(encoding="utf-8"))


@pytest.fixture
def adopted(monkeypatch) -> list[dict]:
    """What the parent adopted from the helper (``PagesHelper._adopt``'s ``done``), each time it did."""
    seen: list[dict] = []
    adopt = pages_helper.PagesHelper._adopt

    def recording(self, site, run, done):
        seen.append(done)
        return adopt(self, site, run, done)

    monkeypatch.setattr(pages_helper.PagesHelper, "_adopt", recording)
    return seen


def serial(package: Path, site_src: Path, cache: Path | None = None) -> dict[str, bytes]:
    """The pages as one process writes them (the helper's threshold out of reach)."""
    saved = pages_helper.PARALLEL_PAGES
    pages_helper.PARALLEL_PAGES = 10**9
    try:
        write_site_src(package, site_src, cache)
    finally:
        pages_helper.PARALLEL_PAGES = saved
    return tree(site_src)


def helped(monkeypatch, every: int = 2) -> None:
    """The helper on for the 20 reports, in runs of 3, all but one of ``every`` the helper's (passed to the helper:
    its module keeps its own)."""
    monkeypatch.setattr(pages_helper, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(pages_helper, "HELPER_CORES", 1)  # (on this machine's cores, whatever they are)
    monkeypatch.setattr(pages_helper, "RUN", 3)
    monkeypatch.setattr(pages_helper, "EVERY", every)


@pytest.mark.parametrize(("every", "runs"), [(2, 3), (3, 4)])
def test_the_helper_spools_its_runs_and_the_pages_are_one_process_s(package, tmp_path, monkeypatch, adopted,
                                                                    every, runs):
    one = serial(package, tmp_path / "one")
    helped(monkeypatch, every)
    write_site_src(package, tmp_path / "two")
    assert len(adopted) == runs  # of the 20 reports, 3–5, 9–11 and 15–17; or 3–8 and 12–17 (two runs in a row)
    assert all(len(done["paths"]) == 3 for done in adopted)  # the helper wrote their source pages
    assert all(path.startswith("src/") for done in adopted for path in done["paths"])
    two = tree(tmp_path / "two")
    assert sorted(two) == sorted(one)  # no file more (the helper's spool removed), none less
    assert [k for k in two if two[k] != one[k]] == []
    pages = (tmp_path / "two" / ".bulk" / "pages.jsonl").read_bytes().splitlines()
    assert len(pages) > 20  # report, agency and province pages: the spool is not empty


def test_the_spool_cache_records_the_helper_s_pages_where_the_spool_has_them(package, tmp_path, monkeypatch,
                                                                             adopted):
    one = serial(package, tmp_path / "one", tmp_path / "cache-one")
    helped(monkeypatch)
    write_site_src(package, tmp_path / "two", tmp_path / "cache-two")
    assert tree(tmp_path / "two") == one
    # the entries, offsets included, are the serial build's: the next build takes each page where it is
    assert spool_index(tmp_path / "cache-two") == spool_index(tmp_path / "cache-one")
    assert adopted[-1]["recorded"]["files"]  # (the helper's pages recorded: none taken yet, a cold cache)
    assert adopted[-1]["hits"] == 0
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")  # every page taken is written again and compared (the helper too)
    write_site_src(package, tmp_path / "three", tmp_path / "cache-two")
    assert tree(tmp_path / "three") == one
    monkeypatch.delenv("XXGK_CHECK_REUSE")
    write_site_src(package, tmp_path / "four", tmp_path / "cache-two")  # warm: the helper takes its pages
    assert tree(tmp_path / "four") == one
    for done in adopted[-3:]:
        assert done["hits"] == len(done["recorded"]["pages"]) + len(done["recorded"]["files"]) > 0


def die(function, args):
    """The helper killed as it starts (what the OOM killer does to a process)."""
    os._exit(9)


def fail(function, args):
    raise OSError("disk gone")


@pytest.mark.parametrize("death", [die, fail])
def test_a_helper_that_dies_has_its_pages_written_by_the_parent(package, tmp_path, monkeypatch, capfd, death):
    one = serial(package, tmp_path / "one", tmp_path / "cache-one")
    capfd.readouterr()
    helped(monkeypatch)
    monkeypatch.setattr(side_process.Helper, "remote", staticmethod(death))
    write_site_src(package, tmp_path / "two", tmp_path / "cache-two")
    assert "a site pages process failed" in capfd.readouterr().err
    assert tree(tmp_path / "two") == one  # no .bulk-tail left, every page there
    assert spool_index(tmp_path / "cache-two") == spool_index(tmp_path / "cache-one")


def test_no_helper_on_one_core_or_below_the_threshold(package, tmp_path):
    assert pages_helper.PagesHelper.begin(package, tmp_path, 10**6, None, workers=1) is None
    assert pages_helper.PagesHelper.begin(package, tmp_path, pages_helper.PARALLEL_PAGES - 1, None) is None


def die_after_two_runs(function, args):
    """The helper killed once it has written its second run (positions 9–11), before its third."""
    from xxgk.site import pages_helper as module

    close = module._HelperRuns.close_run

    def closing(self):
        close(self)
        if self.run is not None and self.run >= 3:
            os._exit(9)

    module._HelperRuns.close_run = closing
    return function(*args)


def test_a_helper_that_dies_midway_has_its_runs_before_taken_and_the_rest_written_by_the_parent(
        package, tmp_path, monkeypatch, capfd, adopted):
    one = serial(package, tmp_path / "one", tmp_path / "cache-one")
    capfd.readouterr()
    helped(monkeypatch)
    monkeypatch.setattr(side_process.Helper, "remote", staticmethod(die_after_two_runs))
    write_site_src(package, tmp_path / "two", tmp_path / "cache-two")
    assert "a site pages process failed" in capfd.readouterr().err
    assert len(adopted) == 2  # its first two runs appended; the third, and what follows, the parent's own
    assert tree(tmp_path / "two") == one
    assert spool_index(tmp_path / "cache-two") == spool_index(tmp_path / "cache-one")
