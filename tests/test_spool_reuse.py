"""A rebuild copies a report, agency or source page's spool line from the last build when the page's stated inputs
are the same (``site/spool_reuse.py``) instead of writing it again. What a user checks: the site is the same
bytes as one built without any cache; an unchanged page is not written again, a page whose inputs changed —
its own rows, or what other reports lend it (its agency's other years, ranks, medians) — is; a damaged cache is
written around, said on stderr."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from xxgk.site import pages as pages_module
from xxgk.site.report_page import ReportPages


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(reports: Path, work: Path, cache: Path | None) -> Path:
    """Package and whole site of ``reports`` as ``xxgk build`` makes them (the site pipeline, with the caches in
    ``cache``); returns the site folder."""
    from xxgk.package.build import build_package
    from xxgk.site.build import build_site, config_for

    build_package(reports, work / "datapackage", workers=1)
    config = config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = build_site(work / "datapackage", work / "site_src", work / "site", cache_dir=cache,
                         config_file=config, workers=1)
    assert code == 0
    return work / "site"


@pytest.fixture
def written(monkeypatch) -> list[str]:
    """The report and agency pages whose Markdown a build writes (not copied), by report id or agency id, and the
    source pages it writes (``src:`` and the report id); the check that writes copied pages again is off, so copies
    are not written."""
    calls: list[str] = []
    _count_written(monkeypatch, calls)
    return calls


def _count_written(monkeypatch, calls: list[str]) -> None:
    monkeypatch.setenv("XXGK_CHECK_REUSE", "0")
    report_markdown, agency_markdown = ReportPages._report_markdown, pages_module.Site._agency_markdown
    source_html = ReportPages._source_html

    def source(self, r):
        calls.append(f"src:{r['report_id']}")
        return source_html(self, r)

    def report(self, r, page):
        calls.append(r["report_id"])
        return report_markdown(self, r, page)

    def agency(self, a):
        calls.append(a["agency_id"])
        return agency_markdown(self, a)

    monkeypatch.setattr(ReportPages, "_report_markdown", report)
    monkeypatch.setattr(pages_module.Site, "_agency_markdown", agency)
    monkeypatch.setattr(ReportPages, "_source_html", source)


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict:
    """Twelve synthetic reports (three agencies of four years each) built once with a cache (counting the pages
    written) and once without any cache: each test starts from copies of the reports and the cache."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("spool")
    write_reports(12, work / "reports")
    calls: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        _count_written(patch, calls)
        _build(work / "reports", work / "one", work / "cache")
    return {"reports": work / "reports", "cache": work / "cache", "written": calls, "ids": _ids(work / "one"),
            "fresh": _tree(_build(work / "reports", work / "fresh", None))}


@pytest.fixture
def reports(first, tmp_path) -> Path:
    """A copy of ``first``'s reports, with a copy of its cache beside it (``tmp_path / "cache"``)."""
    shutil.copytree(first["cache"], tmp_path / "cache")
    return Path(shutil.copytree(first["reports"], tmp_path / "reports"))


def _id_of(work: Path, report: Path) -> str:
    """The report id the package at ``work`` gives the file ``report``."""
    from xxgk.site.data import Package

    (rid,) = [r["report_id"] for r in Package.open(work / "datapackage").tables["reports"]
              if r["source_file"] == report.name]
    return rid


def _ids(work: Path) -> tuple[list[str], list[str]]:
    from xxgk.site.data import Package

    pkg = Package.open(work / "datapackage")
    return [r["report_id"] for r in pkg.tables["reports"]], [a["agency_id"] for a in pkg.tables["agencies"]]


def test_an_unchanged_rebuild_writes_no_report_or_agency_page_and_the_same_site(tmp_path, first, reports, written):
    report_ids, agency_ids = first["ids"]
    sources = [f"src:{rid}" for rid in report_ids]
    assert sorted(first["written"]) == sorted(report_ids + agency_ids + sources)  # the first build writes every page
    site = _build(reports, tmp_path / "two", tmp_path / "cache")
    assert written == []  # every page and source page copied from the last build's spool
    assert _tree(site) == first["fresh"]


def test_a_changed_report_writes_its_page_and_those_it_lends_to_and_no_other(tmp_path, first, reports, written):
    report_ids, agency_ids = first["ids"]
    changed = sorted(reports.iterdir())[5]
    text = changed.read_text(encoding="utf-8")
    assert "本年新收政府信息公开申请数量" in text
    changed.write_text(text + "\n附注：本报告已更正。\n", encoding="utf-8")  # its text, and so its source lines
    site = _build(reports, tmp_path / "two", tmp_path / "cache")
    assert written and set(written) < set(report_ids + agency_ids + [f"src:{rid}" for rid in report_ids])
    assert [w for w in written if w.startswith("src:")] == [f"src:{_id_of(tmp_path / 'two', changed)}"]
    assert _tree(site) == _tree(_build(reports, tmp_path / "fresh", None))


def test_every_copied_page_is_the_page_its_inputs_make(tmp_path, reports, monkeypatch):
    """With the check on (as in every test build), a rebuild after changes that move what other reports lend a
    page — a new year of an agency, a changed value in a peer group — writes each copied page again and
    compares: a page input missing from its stated inputs fails the build."""
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")
    from benchmarks.synthetic import write_reports

    write_reports(4, reports, start=12)  # a fourth agency: the peer groups and ranks of its years move
    first = sorted(reports.iterdir())[0]
    label = "本年新收政府信息公开申请数量"
    first.write_text(first.read_text(encoding="utf-8").replace(label, label + " ", 1), encoding="utf-8")
    site = _build(reports, tmp_path / "two", tmp_path / "cache")
    assert _tree(site) == _tree(_build(reports, tmp_path / "fresh", None))


def test_the_check_fails_a_page_whose_stated_inputs_miss_what_it_shows(tmp_path, reports, monkeypatch):
    """The safety net itself: a page whose Markdown changes while its stated inputs do not is caught."""
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")
    markdown = ReportPages._report_markdown

    def changed(self, r, page):  # what a forgotten input does: the page changes, its inputs do not
        text, blocks = markdown(self, r, page)
        return text + "\n另一段文字\n", blocks

    monkeypatch.setattr(ReportPages, "_report_markdown", changed)
    with pytest.raises(RuntimeError, match="missing from its inputs"):
        _build(reports, tmp_path / "two", tmp_path / "cache")


def test_the_check_fails_a_source_page_whose_stated_inputs_miss_what_it_shows(tmp_path, reports, monkeypatch):
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")
    source_html = ReportPages._source_html
    monkeypatch.setattr(ReportPages, "_source_html", lambda self, r: source_html(self, r) + "<!-- 另一行 -->")
    with pytest.raises(RuntimeError, match="missing from its inputs"):
        _build(reports, tmp_path / "two", tmp_path / "cache")


def _spool_cache(cache: Path) -> Path:
    (folder,) = [p for p in (cache / "spool").iterdir() if p.is_dir()]
    return folder


def test_a_damaged_line_or_index_is_written_again_and_said(tmp_path, first, reports, written, capsys):
    fresh = first["fresh"]
    folder = _spool_cache(tmp_path / "cache")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    src, (_, offset, length, _, _) = next((k, v) for k, v in sorted(index["pages"].items()) if k.endswith(".md"))
    spool = bytearray((folder / "pages.jsonl").read_bytes())
    spool[offset + length // 2] ^= 1  # one bit of one page's line
    (folder / "pages.jsonl").unlink()  # (a hard link to the last site_src's spool: never written in place)
    (folder / "pages.jsonl").write_bytes(bytes(spool))
    capsys.readouterr()
    assert _tree(_build(reports, tmp_path / "two", tmp_path / "cache")) == fresh
    assert "damaged" in capsys.readouterr().err
    assert len(written) == 1  # that page alone written again

    folder = _spool_cache(tmp_path / "cache")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    path, (_, offset, length, _, _) = sorted(index["files"].items())[0]
    spool = bytearray((folder / "files.jsonl").read_bytes())
    spool[offset + length // 2] ^= 1  # one bit of one source page's line
    (folder / "files.jsonl").unlink()
    (folder / "files.jsonl").write_bytes(bytes(spool))
    written.clear()
    assert _tree(_build(reports, tmp_path / "two-b", tmp_path / "cache")) == fresh
    assert "damaged" in capsys.readouterr().err
    assert written == [f"src:{Path(path).stem}"]  # that source page alone written again

    (_spool_cache(tmp_path / "cache") / "index.json").write_text("{not json", encoding="utf-8")
    written.clear()
    assert _tree(_build(reports, tmp_path / "three", tmp_path / "cache")) == fresh
    assert "unreadable" in capsys.readouterr().err
    report_ids, agency_ids = first["ids"]
    assert sorted(written) == sorted(report_ids + agency_ids + [f"src:{rid}" for rid in report_ids])


def test_a_forged_frame_is_not_published(tmp_path, first, reports, written, capsys):
    """A frame's name is its text's hash: an index whose frame text was changed loses that frame, and the pages
    naming it are written again (their frames from the page itself)."""
    folder = _spool_cache(tmp_path / "cache")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    name = sorted(index["frames"])[0]
    index["frames"][name] = index["frames"][name].replace("}", ',"x":"<script>"}', 1)
    (folder / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    site = _build(reports, tmp_path / "two", tmp_path / "cache")
    assert written  # the pages naming that frame
    assert "<script>" not in (site / "json" / "f" / f"{name}.json").read_text(encoding="utf-8")
    assert _tree(site) == first["fresh"]


def test_a_cache_that_cannot_be_written_is_said_and_the_build_goes_on(tmp_path, first, reports, capsys):
    cache = tmp_path / "empty-cache"
    cache.mkdir()
    (cache / "spool").write_text("not a folder", encoding="utf-8")  # where the spool cache's folder would be
    site = _build(reports, tmp_path / "one", cache)
    assert "spool cache not kept" in capsys.readouterr().err
    assert _tree(site) == first["fresh"]
