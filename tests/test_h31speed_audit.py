"""Session 31, the build's wall time (issue 16): the pages stage spooled the report pages on one core. A helper
process now spools the last part of them while the parent writes the editorial pages and the first part
(``site/pages_tail.py``); these tests hold it to the bytes one process writes: the spool and every page, the
spool cache's index (the offsets the next build takes pages at), a warm rebuild, and a helper that dies."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from xxgk.package import side_process
from xxgk.package.build import build_package
from xxgk.site import pages_tail
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
    """What the parent adopted from the helper (``PagesTail._adopt``'s ``done``), each time it did."""
    seen: list[dict] = []
    adopt = pages_tail.PagesTail._adopt

    def recording(self, site, done):
        seen.append(done)
        return adopt(self, site, done)

    monkeypatch.setattr(pages_tail.PagesTail, "_adopt", recording)
    return seen


def serial(package: Path, site_src: Path, cache: Path | None = None) -> dict[str, bytes]:
    """The pages as one process writes them (the helper's threshold out of reach)."""
    saved = pages_tail.PARALLEL_PAGES
    pages_tail.PARALLEL_PAGES = 10**9
    try:
        write_site_src(package, site_src, cache)
    finally:
        pages_tail.PARALLEL_PAGES = saved
    return tree(site_src)


def test_the_helper_spools_the_last_reports_and_the_pages_are_one_process_s(package, tmp_path, monkeypatch,
                                                                            adopted):
    one = serial(package, tmp_path / "one")
    monkeypatch.setattr(pages_tail, "PARALLEL_PAGES", 1)
    write_site_src(package, tmp_path / "two")
    assert len(adopted) == 1 and adopted[0]["paths"]  # the helper wrote source pages of its own
    assert all(path.startswith("src/") for path in adopted[0]["paths"])
    two = tree(tmp_path / "two")
    assert sorted(two) == sorted(one)  # no file more (the helper's spool removed), none less
    assert [k for k in two if two[k] != one[k]] == []
    pages = (tmp_path / "two" / ".bulk" / "pages.jsonl").read_bytes().splitlines()
    assert len(pages) > 20  # report, agency and province pages: the spool is not empty


def test_the_spool_cache_records_the_helper_s_pages_where_the_spool_has_them(package, tmp_path, monkeypatch,
                                                                             adopted):
    one = serial(package, tmp_path / "one", tmp_path / "cache-one")
    monkeypatch.setattr(pages_tail, "PARALLEL_PAGES", 1)
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
    done = adopted[-1]
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
    monkeypatch.setattr(pages_tail, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(side_process.Helper, "remote", staticmethod(death))
    write_site_src(package, tmp_path / "two", tmp_path / "cache-two")
    assert "a site pages process failed" in capfd.readouterr().err
    assert tree(tmp_path / "two") == one  # no .bulk-tail left, every page there
    assert spool_index(tmp_path / "cache-two") == spool_index(tmp_path / "cache-one")


def test_no_helper_on_one_core_or_below_the_threshold(package, tmp_path):
    assert pages_tail.PagesTail.begin(package, tmp_path, 10**6, None, workers=1) is None
    assert pages_tail.PagesTail.begin(package, tmp_path, pages_tail.PARALLEL_PAGES - 1, None) is None
