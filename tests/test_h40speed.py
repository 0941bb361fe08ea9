"""Session 40: byte-identical cuts where the full build spends (issue 16, ``benchmarks/SCALE.md``). Counted, never
timed: the work is done less often, and what it gives is the same.

1. A report page's key figures say why a figure is missing (session 39): 新收申请, 办理, 行政复议 and 行政诉讼 are
   published metrics whose reasons ``metric_values.missing`` holds; only the six outcome groups, which are not
   published, are evaluated — and only on a report that lacks one (every report page evaluated all ten)."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import lxml.html
import pytest

from xxgk import findings as findings_module
from xxgk.findings import Finding, make
from xxgk.site import report_page as report_page_module
from xxgk.site.report_page import ReportPages

from .test_h38reasons import NEW, _year, reports_folder
from .test_parse16 import report

GRANTED = "（一）予以公开\t4\t0\t0\t0\t0\t0\t4"
NOT_HELD = "（四）无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1"


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """Session 38's six reports of one agency, each missing a value for one reason (``test_h38reasons``), and two
    more years: 2018 prints 予以公开's 总计 as ``/`` (an outcome not printed), 2019 loses a cell of 无法提供's first
    row (an outcome not read: row_lost_cells)."""
    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("h40keys")
    names = reports_folder(work / "reports")
    base = report()
    assert GRANTED in base and NOT_HELD in base and NEW in base
    extra = {2018: base.replace(GRANTED, GRANTED[:-1] + "/"), 2019: base.replace(NOT_HELD, NOT_HELD.rsplit("\t", 1)[0])}
    manifest = (work / "reports" / "sources.csv").read_text(encoding="utf-8").splitlines()
    last = manifest[-1]  # (2025's line)
    for year, text in extra.items():
        (work / "reports" / f"{year}.txt").write_text(_year(year, text), encoding="utf-8")
        manifest.append(last.replace(names[2025], f"{year}.txt").replace("2025", str(year)))
    (work / "reports" / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    _, errors = build_package(work / "reports", work / "datapackage", workers=1)
    assert errors == []
    return work / "datapackage"


def _pages(package: Path, site_src: Path, monkeypatch) -> tuple[dict[int, str], list[str]]:
    """The pages stage of ``package``: ``({year: the text of its report page's key figures},
    [report ids whose key figures called the evaluator])``."""
    from xxgk.site.build import write_site_src

    years = {r["report_id"]: int(r["year"]) for r in _csv(package / "data" / "reports.csv")}
    lines: dict[int, str] = {}
    evaluated: list[str] = []
    key_figures, evaluate = ReportPages._key_figures, report_page_module.report_results

    def recorded(self, r):
        out = key_figures(self, r)
        lines[years[r["report_id"]]] = lxml.html.fragment_fromstring(out).text_content() if out else ""
        return out

    def counted(tables, metrics):
        evaluated.extend(r["report_id"] for r in tables["reports"])
        return evaluate(tables, metrics)

    monkeypatch.setattr(ReportPages, "_key_figures", recorded)
    monkeypatch.setattr(report_page_module, "report_results", counted)
    write_site_src(package, site_src)
    monkeypatch.undo()
    return lines, [str(years[rid]) for rid in evaluated]


def test_a_report_page_evaluates_the_outcomes_only_where_one_is_missing(package, tmp_path, monkeypatch):
    """Before, every report page evaluated its ten key figures' reasons (``metrics.report_results`` on its own rows:
    +7 % on the pages stage at 2,000 reports, session 39) though four are published with their reasons and most
    reports print every outcome.
2. A finding's row in the package (``Finding.to_dict``) is read field by field: ``dataclasses.asdict`` copied each
   scalar field through its recursive copy, ≈ 12 µs a finding, ≈ 85,000 findings at 10,000 reports."""
    lines, evaluated = _pages(package, tmp_path / "site_src", monkeypatch)
    assert sorted(lines) == list(range(2018, 2026))
    assert sorted(evaluated) == ["2018", "2019"], evaluated  # the two reports lacking an outcome, once each


def test_the_key_figures_say_the_same_reasons(package, tmp_path, monkeypatch):
    """Each reason in the key figures, written here from the reports' layout (not by the code under test): the
    published four's from ``metric_values.missing``, the outcomes' evaluated."""
    lines, _ = _pages(package, tmp_path / "site_src", monkeypatch)
    assert lines[2020] == ""  # an empty file: not read, no line
    assert lines[2018].startswith("新收申请 5 件，办理 5 件（予以公开 无数据（报告未印此数），部分公开 0，"), \
        lines[2018]
    assert "无法提供 无数据（此数未能读出），不予处理 0，其他处理 0）" in lines[2019], lines[2019]
    assert lines[2021].startswith("新收申请 无数据（报告未印此数），办理 5 件（予以公开 4，"), lines[2021]
    assert lines[2025].startswith("新收申请 无数据（此数未能读出），办理 5 件（予以公开 4，"), lines[2025]
    assert lines[2022] == ("新收申请 0 件，办理 0 件（予以公开 0，部分公开 0，不予公开 0，无法提供 0，不予处理 0，"
                           "其他处理 0）；行政复议 0 件，行政诉讼 0 件。"), lines[2022]
    for year in (2023, 2024):
        assert "无数据" not in lines[year] and "行政复议 0 件，行政诉讼 0 件。" in lines[year], lines[year]


def test_a_reports_finding_rows_are_made_without_a_deep_copy(package, monkeypatch):
    """The package's rows of a report's findings (``tables.report_rows``) are the findings' fields, each one's own
    value, made without ``dataclasses.asdict`` (a recursive copy a field: before, one call a finding)."""
    from xxgk.package import collect, tables

    copies = []
    monkeypatch.setattr(findings_module, "asdict", lambda value: copies.append(value) or dataclasses.asdict(value))
    report = collect.parse_one(str(package.parent / "reports"), "2019.txt")
    rows = tables.report_rows(report, {})["findings"]
    assert copies == []
    assert rows[0] == {"report_id": report.report_id, "code": "row_lost_cells", "severity": "error",
                       "message": report.findings[0].message, "table": "3",
                       "row": "（四）无法提供 1.本机关不掌握相关政府信息", "column": None,
                       "expected": "7", "actual": "6", "line": 42}, rows


@pytest.mark.parametrize("finding", [
    make("row_lost_cells", table="3", row="重复申请", expected=7, actual=6, line=200),
    make("value_blank"),
    Finding("x", "info", "m", table="4", row="=1+1", column="总计", expected="'007", actual="", line=0),
    Finding("x", "info", "m", expected=1.5, actual=True, line=-3),
], ids=["made", "blank", "text", "numbers"])
def test_a_findings_dict_is_asdicts(finding):
    """The same keys in the same order and the same values, of every scalar kind a field holds."""
    out = finding.to_dict()
    assert out == dataclasses.asdict(finding) and list(out) == list(dataclasses.asdict(finding))
    assert [type(v) for v in out.values()] == [type(v) for v in dataclasses.asdict(finding).values()]


def test_a_finding_holding_a_list_is_copied_as_asdict_copies_it():
    """A value of another kind (never made by ``make``) is not shared with the finding: the dict holds a copy."""
    cells = ["1", "2"]
    finding = Finding("x", "info", "m", actual=cells)
    out = finding.to_dict()
    assert out == dataclasses.asdict(finding) and out["actual"] == cells and out["actual"] is not cells


def test_outcomes_that_do_not_add_up_to_the_total_say_so(package, tmp_path, monkeypatch):
    """2023 prints （七）总计 9 over outcomes of 4 + 1 (``test_h38reasons``: identity_broken). The line read
    办理 9 件（予以公开 4，…，无法提供 1，…） as if the outcomes were the whole answer (helper C, session 40): it
    now says their sum and that it is not the total; a report whose outcomes add up says nothing of it."""
    lines, _ = _pages(package, tmp_path / "site_src", monkeypatch)
    assert lines[2023].startswith("新收申请 5 件，办理 9 件（予以公开 4，部分公开 0，不予公开 0，无法提供 1，"
                                  "不予处理 0，其他处理 0；各项之和 5 件，与办理总数不符）；"), lines[2023]
    assert all("各项之和" not in lines[year] for year in (2018, 2019, 2021, 2022, 2024, 2025))
