"""Session 39: what a rebuild after a small change redoes for the reports that did not change (issue 16's 1 %
rebuild at 10,000 reports, ``benchmarks/SCALE.md``). Counted, never timed: the work is done for the changed
reports only, and the package and site are the bytes a build without any cache gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from xxgk.site import data as data_module
from xxgk.site import report_page as report_page_module
from xxgk.site.report_page import ReportPages


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(reports: Path, work: Path, cache: Path | None) -> tuple[Path, Path]:
    """Package and whole site of ``reports`` as ``xxgk build`` makes them, the caches in ``cache`` (None: none)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import build_site, config_for

    build_package(reports, work / "datapackage", workers=1, cache_dir=cache)
    config = config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = build_site(work / "datapackage", work / "site_src", work / "site", cache_dir=cache,
                         config_file=config, workers=1)
    assert code == 0
    return work / "datapackage", work / "site"


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict:
    """Twelve synthetic reports (three agencies of four years each) built once with a cache."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("h39")
    write_reports(12, work / "reports", prose=True)
    _build(work / "reports", work / "one", work / "cache")
    return {"reports": work / "reports", "cache": work / "cache"}


@pytest.fixture
def changed(first, tmp_path) -> Path:
    """A copy of ``first``'s reports and cache (in ``tmp_path``) with one report given one more sentence."""
    shutil.copytree(first["cache"], tmp_path / "cache")
    reports = Path(shutil.copytree(first["reports"], tmp_path / "reports"))
    report = sorted(p for p in reports.iterdir() if p.suffix in (".txt", ".html"))[5]
    text = report.read_text(encoding="utf-8")
    note = "附注：本报告已更正。"
    report.write_text(text.replace("</body>", f"<p>{note}</p></body>") if report.suffix == ".html"
                      else f"{text}\n{note}\n", encoding="utf-8")
    return reports


def _count_decoded_and_written(monkeypatch) -> tuple[list[str], set[str]]:
    """``(texts decoded, report ids whose report page or source page is written)`` of the builds that follow: a text
    is decoded by ``Package.source_text`` or, where the code has it, ``data.text_of``."""
    monkeypatch.setenv("XXGK_CHECK_REUSE", "0")  # (the tests' check would write every copied page again)
    decoded: list[str] = []
    written: set[str] = set()
    source_text, report_markdown, source_html = (data_module.Package.source_text, ReportPages._report_markdown,
                                                 ReportPages._source_html)

    def counted_source_text(self, report_id):
        decoded.append(report_id)
        return source_text(self, report_id)

    def report(self, r, page):
        written.add(r["report_id"])
        return report_markdown(self, r, page)

    def source(self, r):
        written.add(r["report_id"])
        return source_html(self, r)

    monkeypatch.setattr(data_module.Package, "source_text", counted_source_text)
    monkeypatch.setattr(ReportPages, "_report_markdown", report)
    monkeypatch.setattr(ReportPages, "_source_html", source)
    if hasattr(report_page_module, "text_of"):
        text_of = report_page_module.text_of

        def counted_text_of(raw):
            decoded.append("text_of")
            return text_of(raw)

        monkeypatch.setattr(report_page_module, "text_of", counted_text_of)
    return decoded, written


def test_a_rebuild_decodes_the_source_texts_of_the_pages_it_writes_only(tmp_path, changed, monkeypatch):
    """A page taken from the last build needs its text's digest, not its text: before session 39 every report's
    source text was read as text (decoded) in every rebuild, ≈ 3 s of one core at 10,000 reports."""
    decoded, written = _count_decoded_and_written(monkeypatch)
    package, site = _build(changed, tmp_path / "two", tmp_path / "cache")
    reports = len(list((package / "sources").iterdir()))
    assert reports == 12 and 1 <= len(written) < reports  # the changed report's pages, its agency's others
    assert len(decoded) == len(written)  # one decoding a report written, none for the pages taken as they were
    monkeypatch.undo()
    fresh_package, fresh_site = _build(changed, tmp_path / "fresh", None)
    assert _tree(site) == _tree(fresh_site)
    assert _tree(package) == _tree(fresh_package)


def test_a_source_text_with_carriage_returns_reads_as_before(tmp_path):
    """The text a page shows is the file read as text (universal newlines), whether it was decoded from its bytes
    or read whole."""
    folder = tmp_path / "package"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "a-1.txt").write_bytes("第一行\r\n第二行\r第三行\n".encode())
    pkg = data_module.Package(folder, {}, {})
    assert data_module.text_of(pkg.source_bytes("a-1")) == pkg.source_text("a-1") == "第一行\n第二行\n第三行\n"
    assert pkg.source_bytes("missing") == b"" and pkg.source_text("missing") == ""


def test_a_text_changed_without_its_numbers_writes_no_other_year_of_its_agency(tmp_path, changed, monkeypatch):
    """A report page shows of its agency's other years their addresses, values, reasons and finding counts, not
    their checksums: an erratum in one report's prose (the 1 % rebuild's change) wrote its three other years'
    pages again for the same bytes (404 report pages for 101 changed at 10,000 reports)."""
    decoded, written = _count_decoded_and_written(monkeypatch)
    package, site = _build(changed, tmp_path / "two", tmp_path / "cache")
    (rid,) = [r["report_id"] for r in data_module.Package.open(package).tables["reports"]
              if r["source_file"] == sorted(p.name for p in changed.iterdir() if p.suffix in (".txt", ".html"))[5]]
    assert written == {rid}  # its report page and source page, no other
    monkeypatch.undo()
    assert _tree(site) == _tree(_build(changed, tmp_path / "fresh", None)[1])


def _one_value_missing(monkeypatch, reason: str) -> None:
    """The builds that follow read the first report's 本年新收申请 as missing, for ``reason`` (a ``missing_reasons``
    code): what a package whose table 三 was not printed, or not read, gives the pages."""
    from xxgk.site import pages as pages_module
    from xxgk.site.summaries import MetricRow

    summarise = pages_module.summarise

    def with_a_reason(pkg, keep):
        out = summarise(pkg, keep)
        rid = pkg.tables["reports"][0]["report_id"]
        index = out.values[rid]._index
        values, reasons = list(out.values[rid]._values), list(out.missing[rid]._values)
        values[index["received"]], reasons[index["received"]] = None, reason
        out.values[rid], out.missing[rid] = MetricRow(index, tuple(values)), MetricRow(index, tuple(reasons))
        return out

    monkeypatch.setattr(pages_module, "summarise", with_a_reason)


def test_a_changed_reason_for_a_missing_value_writes_the_pages_that_say_it(tmp_path, first, monkeypatch):
    """Why a value is missing is shown on the report's page, its agency's other years' pages and the agency page;
    it is among their stated inputs, so a page taken from the last build never says the last build's reason (the
    tests' check, which writes every copied page again and compares, fails a page whose inputs miss it)."""
    shutil.copytree(first["cache"], tmp_path / "cache")
    monkeypatch.setenv("XXGK_CHECK_REUSE", "1")
    _one_value_missing(monkeypatch, "table_not_printed")
    _build(first["reports"], tmp_path / "one", tmp_path / "cache")
    _one_value_missing(monkeypatch, "table_not_read")
    _, site = _build(first["reports"], tmp_path / "two", tmp_path / "cache")
    _, fresh = _build(first["reports"], tmp_path / "fresh", None)
    assert _tree(site) == _tree(fresh)
